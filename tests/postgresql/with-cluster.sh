#!/usr/bin/env bash
# with-cluster.sh COMMAND [ARGS...]
#
# Runs COMMAND against a throwaway PostgreSQL cluster: made with initdb in a temporary folder,
# started on a Unix socket in that folder only (no TCP port, so parallel runs never collide),
# and removed afterwards whatever COMMAND did. COMMAND finds it in FINCHAT_TEST_POSTGRES, a
# connection URI of the cluster's maintenance database, on which TestDatabase makes a new
# database per test. PostgreSQL refuses to run as root, so as root the cluster runs as the
# `postgres` account that Debian's package makes.
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "with-cluster.sh: PostgreSQL's server is not installed (Debian: apt install postgresql)" >&2
    exit 1
fi

folder=$(mktemp -d "${TMPDIR:-/tmp}/finchat-pg.XXXXXX")
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$folder"
    as_owner=(runuser -u postgres --)
fi

stop_cluster() {
    "${as_owner[@]}" "$bindir/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$folder"
}
trap stop_cluster EXIT

# trust: only this folder's socket reaches the cluster, and the folder is the test's own.
"${as_owner[@]}" "$bindir/initdb" -D "$folder/data" -U finchat --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 || { cat "$folder/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$bindir/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$folder' -c max_connections=200" \
    start >/dev/null || { cat "$folder/server.log" >&2; exit 1; }

export FINCHAT_TEST_POSTGRES="postgresql://finchat@/postgres?host=$folder"
# For tests of what a restart of PostgreSQL does: restarts it ("fast": every connection is
# cut) with the options it was started with.
printf '#!/bin/sh\nexec %s "%s/pg_ctl" -D "%s/data" -l "%s/server.log" -w -t 60 -m fast restart >/dev/null\n' \
    "${as_owner[*]}" "$bindir" "$folder" "$folder" >"$folder/restart.sh"
chmod 755 "$folder/restart.sh"
export FINCHAT_TEST_POSTGRES_RESTART="$folder/restart.sh"
status=0
"$@" || status=$?
if [ "$status" -ne 0 ]; then
    echo "with-cluster.sh: the cluster's log ($folder/server.log), last lines:" >&2
    tail -n 20 "$folder/server.log" >&2 || true
fi
exit "$status"
