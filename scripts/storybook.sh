#!/usr/bin/env bash
# Storybook on http://localhost:6006 (README "Quick start"), from a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-setup.sh
exec npx storybook dev -p "${PORT:-6006}" --no-open --ci
