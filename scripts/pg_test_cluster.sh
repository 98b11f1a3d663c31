#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite.
#
#   eval "$(scripts/pg_test_cluster.sh start)"   # prints export lines:
#                                                 #   FTZ_LEDGER_TEST_PG (the URL), FTZ_PG_CLUSTER_DIR
#   scripts/pg_test_cluster.sh stop "$FTZ_PG_CLUSTER_DIR"
#
# initdb + pg_ctl in a fresh temporary folder, listening on 127.0.0.1 only on a free
# port, with trust authentication for the test user ("ftz") and passwords for every
# other user (so tests can check a failed login). initdb refuses to run as root:
# as root the cluster runs as the unprivileged "postgres" user (PG_TEST_OS_USER).
set -euo pipefail

PG_BIN="${PG_BIN:-}"
if [[ -z "$PG_BIN" ]]; then
    if command -v pg_config >/dev/null 2>&1 && [[ -x "$(pg_config --bindir)/initdb" ]]; then
        PG_BIN="$(pg_config --bindir)"
    else
        PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    fi
fi
TEST_USER="ftz"
OS_USER="${PG_TEST_OS_USER:-postgres}"

as_owner() {
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u "$OS_USER" -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    [[ -x "$PG_BIN/initdb" ]] || { echo "initdb not found (set PG_BIN)" >&2; exit 1; }
    local dir port
    dir="$(mktemp -d "${TMPDIR:-/tmp}/ftz-pg.XXXXXX")"
    chmod 700 "$dir"
    [[ "$(id -u)" == 0 ]] && chown "$OS_USER" "$dir"
    as_owner "$PG_BIN/initdb" -D "$dir/data" -U "$TEST_USER" -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    # The test user needs no password; every other login is checked.
    { echo "host all $TEST_USER 127.0.0.1/32 trust"; cat "$dir/data/pg_hba.conf"; } \
        >"$dir/pg_hba.conf.new"
    cat "$dir/pg_hba.conf.new" >"$dir/data/pg_hba.conf" && rm -f "$dir/pg_hba.conf.new"
    port="$(free_port)"
    # Durability is worthless for a throwaway cluster; speed is not.
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off \
            -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "export FTZ_LEDGER_TEST_PG=postgresql+psycopg://$TEST_USER@127.0.0.1:$port/postgres"
    echo "export FTZ_PG_CLUSTER_DIR=$dir"
}

stop() {
    local dir="${1:?usage: $0 stop DIR}"
    [[ -d "$dir/data" ]] || { echo "no cluster in $dir" >&2; exit 1; }
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
