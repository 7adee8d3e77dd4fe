#!/usr/bin/env bash
# The whole test suite (README "Quick start"): everything CI checks, in order, on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-setup.sh
ensure_chromium

step() { echo; echo "━━ $1"; }

step "typecheck"
npx tsc -p tsconfig.json --noEmit
npx tsc -p tsconfig.node.json --noEmit

step "lint"
npx eslint . --max-warnings 0

step "layering"
npx node scripts/check-layers.mjs

step "unit, browser and story tests (Vitest; stories run in Chromium with axe)"
mkdir -p test-results
set +e
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
vitest_status=$?
set -e

step "build"
npx tsup --silent

step "package checks (publint, attw)"
npx publint --strict
npx attw --pack . --profile node16 --exclude-entrypoints styles.css --format table-flipped

step "consumer check (packed tarball, ESM and CJS, server rendering)"
npx node scripts/check-consumer.mjs

step "size budget"
npx node scripts/check-size.mjs

echo
npx node -e '
  const r = require("./test-results/vitest.json");
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
'
exit "$vitest_status"
