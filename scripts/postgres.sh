#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks: no systemd, a free port on 127.0.0.1,
# its data and socket in one /tmp directory, trust auth, superuser `postgres`, durability off.
#
#   source scripts/postgres.sh; start_test_postgres; trap stop_test_postgres EXIT
#       exports REACHOUT_TEST_DATABASE_URL and REACHOUT_TEST_POSTGRES_DIR
#   bash scripts/postgres.sh start       prints REACHOUT_TEST_DATABASE_URL=… and
#                                        REACHOUT_TEST_POSTGRES_DIR=… lines and leaves it running
#   bash scripts/postgres.sh stop DIR    stops the cluster in DIR and deletes DIR
#
# Needs Debian's `postgresql` package (scripts/ensure-setup.sh `ensure_postgres` installs it).

# The directory holding initdb/pg_ctl: PATH first, else Debian's /usr/lib/postgresql/<version>/bin.
find_postgres_bin() {
  local initdb_path
  initdb_path="$(command -v initdb 2>/dev/null || true)"
  if [ -n "$initdb_path" ]; then
    dirname "$(readlink -f "$initdb_path")"
    return 0
  fi
  local newest
  newest="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$newest" ] && [ -x "$newest/initdb" ]; then
    echo "$newest"
    return 0
  fi
  return 1
}

# Runs a PostgreSQL binary as the `postgres` user when we are root (PostgreSQL refuses root).
_as_postgres_owner() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

_port_is_free() {
  ! (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_test_postgres() {
  local bin
  if ! bin="$(find_postgres_bin)"; then
    echo "PostgreSQL is not installed (no initdb on PATH or in /usr/lib/postgresql/*/bin): apt-get install -y postgresql" >&2
    return 1
  fi
  if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
    echo "Running as root needs the 'postgres' user to run PostgreSQL (Debian's postgresql package creates it)." >&2
    return 1
  fi
  local dir
  dir="$(mktemp -d /tmp/reachout-postgres.XXXXXX)"
  if [ "$(id -u)" = "0" ]; then chown postgres: "$dir"; fi
  if ! _as_postgres_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1; then
    echo "initdb failed:" >&2
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    return 1
  fi
  local attempt port
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 30000))
    _port_is_free "$port" || continue
    if _as_postgres_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
      export REACHOUT_TEST_POSTGRES_DIR="$dir"
      export REACHOUT_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
      return 0
    fi
  done
  echo "PostgreSQL did not start (tried 5 ports); its log:" >&2
  cat "$dir/server.log" >&2 2>/dev/null
  rm -rf "$dir"
  return 1
}

# Stops the cluster started by start_test_postgres (or the one in $1) and deletes its directory.
stop_test_postgres() {
  local dir="${1:-${REACHOUT_TEST_POSTGRES_DIR:-}}"
  if [ -z "$dir" ] || [ ! -d "$dir" ]; then return 0; fi
  local bin
  if bin="$(find_postgres_bin)" && [ -f "$dir/data/postmaster.pid" ]; then
    _as_postgres_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  if [ "$dir" = "${REACHOUT_TEST_POSTGRES_DIR:-}" ]; then
    unset REACHOUT_TEST_POSTGRES_DIR REACHOUT_TEST_DATABASE_URL
  fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    start)
      start_test_postgres
      echo "REACHOUT_TEST_DATABASE_URL=$REACHOUT_TEST_DATABASE_URL"
      echo "REACHOUT_TEST_POSTGRES_DIR=$REACHOUT_TEST_POSTGRES_DIR"
      ;;
    stop)
      if [ -z "${2:-}" ]; then
        echo "usage: bash scripts/postgres.sh stop DIR (the REACHOUT_TEST_POSTGRES_DIR that start printed)" >&2
        exit 2
      fi
      case "$2" in
        /tmp/reachout-postgres.*) stop_test_postgres "$2" ;;
        *) echo "Refusing to delete $2: not a directory made by 'bash scripts/postgres.sh start'." >&2; exit 2 ;;
      esac
      ;;
    *)
      echo "usage: bash scripts/postgres.sh start | stop DIR" >&2
      exit 2
      ;;
  esac
fi
