# Sourced by scripts/test.sh and scripts/storybook.sh: installs what a fresh clone needs.
# Dependencies: `npm ci` on CI or when package-lock.json changed since the last install.
if [ "${CI:-}" = "true" ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "› npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
export STORYBOOK_DISABLE_TELEMETRY=1

# Chromium for browser and story tests: Debian's, unless CHROMIUM_PATH points at another build.
ensure_chromium() {
  export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ -x "$CHROMIUM_PATH" ]; then return 0; fi
  if [ "$CHROMIUM_PATH" != "/usr/bin/chromium" ]; then
    echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable." >&2
    return 1
  fi
  echo "› installing Debian's chromium (not found at /usr/bin/chromium)"
  local sudo=""
  if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}

# PostgreSQL for the server tests (scripts/postgres.sh starts a throwaway cluster): Debian's
# `postgresql` package, which starts nothing by itself. Its binaries live in
# /usr/lib/postgresql/<version>/bin, off PATH; scripts/postgres.sh finds them there.
ensure_postgres() {
  if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then return 0; fi
  echo "› installing Debian's postgresql (no initdb found)"
  local sudo=""
  if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
}
