#!/usr/bin/env bash
# The same jobs on a Spark cluster: one jar (Delta and our libraries inside, Spark from the cluster), submitted as is.
#   jobs/spark-submit.sh --master yarn -- run --input /data/inbox --warehouse hdfs:///countyscope/warehouse --out /data/out
#   jobs/spark-submit.sh --master 'local-cluster[2,1,2048]' -- run --warehouse /tmp/wh --out /tmp/out
# Everything before "--" goes to spark-submit, everything after it to countyscope. The driver reads the input files
# (they must be on the driver's disk) and stages them into <warehouse>/_staging for the executors.
# Without SPARK_HOME the script assembles one from the project's Maven dependencies in target/spark-home (an empty
# RELEASE file and jars/ linking every runtime jar): enough for local, local-cluster and a standalone master, not for
# YARN or Kubernetes, which need a real Spark 4.0.1 distribution (see jobs/README.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# the cluster jar, rebuilt when missing or older than the sources
jar="$(ls "$root"/target/countyscope-*-cluster.jar 2>/dev/null | head -1 || true)"
if [ -z "$jar" ] || [ -n "$(find "$root/pom.xml" "$root/src/main" "$root/data/reference" -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "spark-submit.sh: building the cluster jar…" >&2
  (cd "$root" && mvn -q -B -ntp -Pcluster -DskipTests package) >&2
  jar="$(ls "$root"/target/countyscope-*-cluster.jar | head -1)"
fi

submit_args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do submit_args+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift

if [ -n "${SPARK_HOME:-}" ]; then
  exec "$SPARK_HOME/bin/spark-submit" "${submit_args[@]}" --class org.countyscope.cli.CountyscopeCommand "$jar" "$@"
fi

# No Spark installed: a Spark home made of the jars Maven already resolved for this project.
export SPARK_HOME="$root/target/spark-home"
export SPARK_SCALA_VERSION=2.13
if [ ! -f "$SPARK_HOME/RELEASE" ] || [ "$root/pom.xml" -nt "$SPARK_HOME/RELEASE" ]; then
  echo "spark-submit.sh: assembling a Spark home from Maven's runtime jars in $SPARK_HOME…" >&2
  rm -rf "$SPARK_HOME"
  mkdir -p "$SPARK_HOME/jars"
  (cd "$root" && mvn -q -B -ntp dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$SPARK_HOME/classpath.txt") >&2
  tr ':' '\n' < "$SPARK_HOME/classpath.txt" | while read -r j; do
    case "$(basename "$j")" in
      duckdb_jdbc-*) ;;   # the bench's oracle, not needed by the jobs
      *) ln -sf "$j" "$SPARK_HOME/jars/" ;;
    esac
  done
  grep -q 'spark-core_2.13' "$SPARK_HOME/classpath.txt" || { echo "no Spark among the runtime jars" >&2; exit 1; }
  mkdir -p "$SPARK_HOME/conf"
  # Spark's own chatter off the terminal (countyscope quiets it too once its session starts; -v shows it)
  printf '%s\n' 'rootLogger.level = error' 'rootLogger.appenderRef.stderr.ref = console' \
    'appender.console.type = Console' 'appender.console.name = console' 'appender.console.target = SYSTEM_ERR' \
    'appender.console.layout.type = PatternLayout' 'appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n' \
    > "$SPARK_HOME/conf/log4j2.properties"
  : > "$SPARK_HOME/RELEASE"
fi
# what bin/spark-class does: Spark's launcher prints the driver's command (heap, module flags, classpath), NUL-separated
cmd=()
delim=$'\n'
started=false
while IFS= read -d "$delim" -r arg; do
  if $started; then cmd+=("$arg")
  elif [ -z "$arg" ]; then delim=''; started=true   # the NUL that starts the command
  else echo "$arg" >&2; fi
done < <(
  "$java_bin" -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main org.apache.spark.deploy.SparkSubmit \
    "${submit_args[@]}" --class org.countyscope.cli.CountyscopeCommand "$jar" "$@"
  printf '%d\0' $?)
status="${cmd[${#cmd[@]}-1]}"
unset 'cmd[${#cmd[@]}-1]'
[ "$status" = 0 ] || exit "$status"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
exec "${cmd[@]}"
