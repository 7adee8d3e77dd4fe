#!/usr/bin/env bash
# The demo (`npm run demo`, README "Quick start"), from a fresh clone: builds the demo page and
# serves it with the reference server (WhatsApp simulator, PGlite in .reachout-data/, seeded with
# 10,000 contacts on first start; data survives restarts). Every server setting comes from the
# environment (PORT, HOST, REACHOUT_DATA_DIR, REACHOUT_API_TOKEN, REACHOUT_SEED, ...: see
# server/src/config.ts). The server prints its URL when it is ready.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-setup.sh

# Node 24 and the project's tools first, whatever Node the machine has (and however this script
# was started: `npm run` adds them to PATH, `bash scripts/demo.sh` does not).
export PATH="$PWD/node_modules/.bin:$PATH"

echo "› building the demo page (demo/dist)"
vite build --config demo/vite.config.ts --logLevel warn

if [ -z "${REACHOUT_API_TOKEN:-}" ]; then
  # A fresh token per start: the page gets it from the server, so nobody has to copy it.
  REACHOUT_API_TOKEN="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(24).toString("base64url"))')"
  export REACHOUT_API_TOKEN
  echo "› API token for this run (curl -H 'Authorization: Bearer …'): $REACHOUT_API_TOKEN"
fi
export REACHOUT_STATIC_DIR=demo/dist
# A short line per request and job for the person watching the terminal (JSON is the server's default).
export REACHOUT_LOG="${REACHOUT_LOG:-pretty}"

# exec, one process: stopping the script stops the server, which releases its data directory.
exec node --import tsx server/src/main.ts
