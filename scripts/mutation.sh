#!/usr/bin/env bash
# `npm run mutation`: StrykerJS over the rules in src/core with the Node tests in test/core
# (stryker.config.mjs). A full run records its score in reports/mutation-core.json; a run with
# options (`npm run mutation -- --mutate src/core/phone.ts`) only prints and writes the HTML report.
set -uo pipefail
cd "$(dirname "$0")/.."
npx stryker run "$@"
status=$?
if [ $# -eq 0 ] && [ -f reports/mutation/mutation.json ]; then
  node scripts/mutation-score.mjs reports/mutation/mutation.json reports/mutation-core.json
fi
exit $status
