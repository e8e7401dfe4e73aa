#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server in a temp dir (unix socket + 127.0.0.1 on a free
# port), prints its URL, and with a command runs it with RAML_PG_URL set and tears down.
#   tools/pg-test.sh                      → prints the URL; server runs until `tools/pg-test.sh stop DIR`
#   tools/pg-test.sh -- CMD ARGS...       → runs CMD with RAML_PG_URL (and RAML_PG_DIR), then
#                                           stops the server
#   tools/pg-test.sh pause DIR | resume DIR → stop the server abruptly (-m immediate, as a crash
#                                           or a lost host would) / start it again on its port;
#                                           for fault tests that take the server away mid-run
# Runs initdb/pg_ctl as an unprivileged user (creates `ramlpg` when started as root).
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PGBIN/initdb" ] || { echo "pg-test: no PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 3; }

server_opts() { echo "-c listen_addresses=127.0.0.1 -p $(cat "$1/port") -k $1 -c fsync=off -c full_page_writes=off"; }
if [ "${1:-}" = pause ] || [ "${1:-}" = resume ]; then
    dir=$2
    as_user() { if [ "$(id -u)" = 0 ]; then runuser -u ramlpg -- "$@"; else "$@"; fi; }
    if [ "$1" = pause ]; then
        as_user "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w -t 20 stop >/dev/null
    else
        as_user "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 -o "$(server_opts "$dir")" start >/dev/null
    fi
    exit 0
fi
if [ "${1:-}" = stop ]; then
    dir=$2
    as_user() { if [ "$(id -u)" = 0 ]; then runuser -u ramlpg -- "$@"; else "$@"; fi; }
    as_user "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w -t 20 stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    exit 0
fi

user=$(id -un)
if [ "$(id -u)" = 0 ]; then
    id ramlpg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin ramlpg
    user=ramlpg
fi
as_user() { if [ "$(id -u)" = 0 ]; then runuser -u ramlpg -- "$@"; else "$@"; fi; }

dir=$(mktemp -d /tmp/raml-pg.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown ramlpg "$dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "$port" >"$dir/port"
cleanup() { "$0" stop "$dir"; }

if ! timeout 60 bash -c "$(declare -f as_user); as_user '$PGBIN/initdb' -D '$dir/data' -U raml --auth=trust -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    echo "pg-test: initdb failed" >&2
    exit 3
fi
if ! as_user "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "$(server_opts "$dir")" start >/dev/null; then
    cat "$dir/server.log" >&2
    rm -rf "$dir"
    echo "pg-test: server did not start" >&2
    exit 3
fi
url="postgresql://raml@127.0.0.1:$port/postgres"
if [ "${1:-}" = -- ]; then
    shift
    trap cleanup EXIT INT TERM
    RAML_PG_URL=$url RAML_PG_DIR=$dir "$@"
else
    echo "$url"
    echo "pg-test: server dir $dir; stop with: $0 stop $dir" >&2
fi
