#!/usr/bin/env bash
# `npm run mutation`: StrykerJS over the rules in src/core with the Node tests in test/core
# (stryker.config.mjs). A full run records its score in reports/mutation-core.json; a run with
# `--mutate` (`npm run mutation -- --mutate src/core/phone.ts`) only prints and writes the HTML report.
# Other options pass through: `npm run mutation -- --concurrency 1` on a shared machine.
set -uo pipefail
cd "$(dirname "$0")/.."
partial=false
for argument in "$@"; do
  case "$argument" in --mutate | --mutate=* | -m) partial=true ;; esac
done
rm -f reports/mutation/mutation.json
npx stryker run "$@"
status=$?
if [ "$partial" = false ] && [ -f reports/mutation/mutation.json ]; then
  node scripts/mutation-score.mjs reports/mutation/mutation.json reports/mutation-core.json
fi
exit $status
