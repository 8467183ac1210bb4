#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests (ctest starts and stops it as a
# fixture): a fresh cluster in a private folder, trust authentication,
# reachable only through a Unix socket in that folder.
#   pg_server.sh start URI_FILE   writes the server's URI to URI_FILE
#   pg_server.sh restart URI_FILE (fast: its clients are cut off, as in a failover)
#   pg_server.sh pause URI_FILE   (down, its data kept) / resume URI_FILE
#   pg_server.sh stop URI_FILE
# As root, the server runs as the `postgres` user (PostgreSQL refuses root).
set -euo pipefail
action=${1:?start|stop}
uri_file=${2:?URI_FILE}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x $bin/pg_ctl ]] || { echo "pg_server: PostgreSQL is not installed (scripts/setup.sh installs it)" >&2; exit 1; }
as_owner() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case $action in
  start)
    dir=$(mktemp -d /tmp/hoso-pg.XXXXXX)
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U hoso -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -k $dir -p 5432 -c fsync=off -c max_connections=50" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h "$dir" -p 5432 -U hoso hoso_test
    echo "postgresql://hoso@/hoso_test?host=$dir&port=5432" >"$uri_file"
    echo "pg_server: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') at $dir"
    ;;
  restart)
    dir=$(sed -n 's/.*host=\([^&]*\).*/\1/p' "$uri_file")
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 restart >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    ;;
  pause)
    dir=$(sed -n 's/.*host=\([^&]*\).*/\1/p' "$uri_file")
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
    ;;
  resume)
    dir=$(sed -n 's/.*host=\([^&]*\).*/\1/p' "$uri_file")
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -k $dir -p 5432 -c fsync=off -c max_connections=50" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    ;;
  stop)
    [[ -f $uri_file ]] || exit 0
    dir=$(sed -n 's/.*host=\([^&]*\).*/\1/p' "$uri_file")
    if [[ -n $dir && -d $dir ]]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
      rm -rf "$dir"
    fi
    rm -f "$uri_file"
    ;;
  *) echo "usage: $0 start|restart|pause|resume|stop URI_FILE" >&2; exit 2 ;;
esac
