#!/usr/bin/env bash
# A real PostgreSQL server for the tests of team projects: Debian's postgresql package, a new cluster made with
# initdb in a temporary folder, listening on a free port on 127.0.0.1 only, with trust authentication for the one
# role it creates ("vlsbench"). Nothing else is touched, and `stop` removes it all.
#
#   pgserver.sh start DIR   makes the cluster, starts it, creates the database "vlsbench_test", and writes its
#                           connection address (postgresql://vlsbench@127.0.0.1:PORT/vlsbench_test) to DIR/url
#   pgserver.sh stop DIR    stops the server and removes the cluster and DIR
#
# initdb refuses to run as root: as root, the cluster belongs to the "postgres" user the package creates, and lives
# under $TMPDIR (or /tmp), which that user can reach: DIR may be in a tree only root may enter (a clone in /root).
set -euo pipefail
mode="${1:-}"
dir="${2:-}"
if [ -z "$mode" ] || [ -z "$dir" ]; then
    echo "usage: $0 start|stop DIR" >&2
    exit 2
fi

bin=""
for candidate in /usr/lib/postgresql/*/bin; do
    [ -x "$candidate/initdb" ] && bin="$candidate"
done
if [ -z "$bin" ]; then
    echo "pgserver: PostgreSQL's server is not installed (Debian package postgresql; packaging/bootstrap.sh test" \
        "installs it)" >&2
    exit 1
fi

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

stop_cluster() { # the cluster DIR/cluster names, if any
    [ -f "$dir/cluster" ] || return 0
    local cluster
    cluster=$(cat "$dir/cluster")
    if [ -f "$cluster/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$cluster/data" stop -m "$1" -w >/dev/null 2>&1 || true
    fi
    case "$cluster" in
    */vlsbench-pg.*) rm -rf "$cluster" ;;
    esac
}

case "$mode" in
start)
    stop_cluster immediate # a cluster left by an interrupted run
    rm -rf "$dir"
    mkdir -p "$dir"
    cluster=$(mktemp -d "${TMPDIR:-/tmp}/vlsbench-pg.XXXXXX")
    echo "$cluster" >"$dir/cluster"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$cluster"
    fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$cluster/data" -U vlsbench -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync off: a test cluster need not survive a power cut. mmap shared memory: a chroot may lack /dev/shm.
    as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 start \
        -o "-p $port -k $cluster -c listen_addresses=127.0.0.1 -c fsync=off -c dynamic_shared_memory_type=mmap" \
        >/dev/null || { cat "$cluster/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U vlsbench vlsbench_test
    echo "postgresql://vlsbench@127.0.0.1:$port/vlsbench_test" >"$dir/url"
    echo "pgserver: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, cluster in $cluster"
    ;;
stop)
    stop_cluster fast
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
