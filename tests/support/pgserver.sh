#!/usr/bin/env bash
# A real PostgreSQL server for the tests of team projects: Debian's postgresql package, a new cluster made with
# initdb in a folder of the build tree, listening on a free port on 127.0.0.1 only, with trust authentication for
# the one role it creates ("vlsbench"). Nothing outside the folder is touched, and `stop` removes it.
#
#   pgserver.sh start DIR   makes the cluster, starts it, creates the database "vlsbench_test", and writes its
#                           connection address (postgresql://vlsbench@127.0.0.1:PORT/vlsbench_test) to DIR/url
#   pgserver.sh stop DIR    stops the server and removes DIR
#
# initdb refuses to run as root: as root, the cluster belongs to the "postgres" user the package creates.
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
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "$mode" in
start)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" stop -m immediate >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$dir"
    fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" -U vlsbench -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync off: a test cluster need not survive a power cut. mmap shared memory: a chroot may lack /dev/shm.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c dynamic_shared_memory_type=mmap" \
        >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U vlsbench vlsbench_test
    echo "postgresql://vlsbench@127.0.0.1:$port/vlsbench_test" >"$dir/url"
    chmod a+r "$dir/url"
    echo "pgserver: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, cluster in $dir"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" stop -m fast -w >/dev/null
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
