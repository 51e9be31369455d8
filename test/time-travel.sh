#!/usr/bin/env bash
# Runs the unit and integration tiers and test/platform with the clock moved forward (libfaketime),
# to catch tests that hold only on some dates: a weekday, a season, a month still to come.
#   npm run test:time-travel            # +203 days
#   npm run test:time-travel -- +60d    # any faketime offset
# Node's wall clock moves; its monotonic clock does not (timers keep their pace). The JVM servers
# keep the real clock: Kafka's controller times out under libfaketime. Chromium is not run (the
# browser tests stay in `npm test`): the page's clock would have to move with the test's.
set -euo pipefail
cd "$(dirname "$0")/.."
offset="${1:-+203d}"

if ! command -v faketime >/dev/null; then
  echo "== installing faketime"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null
fi

export FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_SKIP_CMDS=java
echo "== the clock moved by $offset: $(faketime -f "$offset" date -u)"
faketime -f "$offset" npx vitest run --project unit
faketime -f "$offset" npx vitest run --project integration
faketime -f "$offset" npx vitest run --project platform test/platform
