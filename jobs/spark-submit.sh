#!/usr/bin/env bash
# The same jobs on a Spark cluster: one jar (Delta and our libraries inside, Spark from the cluster), submitted as is.
#   jobs/spark-submit.sh --master yarn -- run --input /data/inbox --warehouse hdfs:///countyscope/warehouse --out /data/out
# Everything before "--" goes to spark-submit, everything after it to countyscope. The driver reads the input files
# (they must be on the driver's disk) and stages them into <warehouse>/_staging for the executors.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$(ls "$root"/target/countyscope-*-cluster.jar 2>/dev/null | head -1 || true)"
if [ -z "$jar" ]; then
  (cd "$root" && mvn -q -B -Pcluster -DskipTests package)
  jar="$(ls "$root"/target/countyscope-*-cluster.jar | head -1)"
fi
submit_args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do submit_args+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
exec "${SPARK_HOME:?set SPARK_HOME to a Spark 4.0.1 installation}/bin/spark-submit" "${submit_args[@]}" \
  --class org.countyscope.cli.CountyscopeCommand "$jar" "$@"
