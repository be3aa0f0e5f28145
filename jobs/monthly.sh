#!/usr/bin/env bash
# The bureau's monthly job (月调度): load whatever arrived in the inbox and run every stage for the latest month,
# then execute the analysts' notebooks on the new warehouse (saved with their outputs in $COUNTYSCOPE_OUT/notebooks).
# Schedule it after the reporting deadline, e.g. in cron:   30 6 12 * *  /opt/countyscope/jobs/monthly.sh
#   COUNTYSCOPE_INBOX      folder the counties' files are dropped into (default: data/sample)
#   COUNTYSCOPE_WAREHOUSE  warehouse root (default: ./warehouse)
#   COUNTYSCOPE_OUT        where reports go (default: ./out)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
warehouse="${COUNTYSCOPE_WAREHOUSE:-$root/warehouse}"
out="${COUNTYSCOPE_OUT:-$root/out}"
status=0
"$root/bin/countyscope" run \
  --input "${COUNTYSCOPE_INBOX:-$root/data/sample}" \
  --warehouse "$warehouse" \
  --out "$out" "$@" || status=$?
# 2 = completed, but a file was rejected whole (the clerk must resend it): the notebooks still run
[ "$status" -eq 0 ] || [ "$status" -eq 2 ] || exit "$status"
mkdir -p "$out/notebooks"
for nb in "$root"/notebooks/*.ipynb; do
  [ -e "$nb" ] || continue
  "$root/bin/countyscope" notebook "$nb" --warehouse "$warehouse" --output "$out/notebooks/$(basename "$nb")"
done
exit "$status"
