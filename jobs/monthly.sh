#!/usr/bin/env bash
# The bureau's monthly job (月调度): load whatever arrived in the inbox and run every stage for the latest month.
# Schedule it after the reporting deadline, e.g. in cron:   30 6 12 * *  /opt/countyscope/jobs/monthly.sh
#   COUNTYSCOPE_INBOX      folder the counties' files are dropped into (default: data/sample)
#   COUNTYSCOPE_WAREHOUSE  warehouse root (default: ./warehouse)
#   COUNTYSCOPE_OUT        where reports go (default: ./out)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$root/bin/countyscope" run \
  --input "${COUNTYSCOPE_INBOX:-$root/data/sample}" \
  --warehouse "${COUNTYSCOPE_WAREHOUSE:-$root/warehouse}" \
  --out "${COUNTYSCOPE_OUT:-$root/out}" "$@"
