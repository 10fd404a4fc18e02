#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on loopback for the integration tests, installing it from Debian's
# packages when absent. Prints the connection string on stdout; everything else goes to stderr.
# Usage: export CITYEX_POSTGRES="$(scripts/start-postgres.sh)"
set -euo pipefail
port=${CITYEX_PG_PORT:-55432}
dir=${CITYEX_PG_DIR:-/tmp/cityexchange-pg}

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  echo "Installing PostgreSQL from Debian's packages…" >&2
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  else
    sudo apt-get update -qq >&2 && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  fi
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

# PostgreSQL refuses to run as root: run it as the postgres user the package created.
run() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if ! run "$bin/pg_isready" -h 127.0.0.1 -p "$port" -q 2>/dev/null; then
  rm -rf "$dir"
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  run "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >&2
  run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c max_connections=200" start >&2
fi

run "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname='cityex'" | grep -q 1 ||
  run "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE ROLE cityex LOGIN SUPERUSER PASSWORD 'cityex'" >&2

echo "Host=127.0.0.1;Port=$port;Username=cityex;Password=cityex;Database=postgres"
