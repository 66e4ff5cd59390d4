#!/usr/bin/env bash
# Proves the README on a machine that has nothing: a minimal Debian 12 root made by debootstrap, with a clean
# clone of the current commit inside. In that root it runs the Quick start's two commands (the test suite, then
# the window under Xvfb, which must open on the bundled sample) and builds the .deb. Then, in a second fresh root
# with no source tree, it installs that .deb with apt and runs the installed program headless and in a window.
# Nothing installed on this host can help: every package the project needs must come from its own scripts.
#
#   packaging/check-fresh-install.sh [--keep] [--prepare] [--share-ccache]
#
# Needs root (debootstrap, chroot, mounts). The minimal root is cached as a tarball, so only the first run pays
# for debootstrap: $VLSBENCH_FRESH_CACHE (default ~/.cache/vlsbench-studio). The Debian mirror is the one this
# host's apt uses, or $VLSBENCH_FRESH_MIRROR. --keep leaves the roots and logs in place for a look afterwards;
# --prepare only makes the cached root and stops. --share-ccache lends the host's compiler cache to the build
# in the root: objects are reused only when the compiler and every source and header hash the same, so it cannot
# stand in for a missing package, and configuring, linking and testing still happen in full.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KEEP=0
PREPARE=0
SHARE_CCACHE=0
for arg in "$@"; do
    case "$arg" in
        --keep) KEEP=1 ;;
        --prepare) PREPARE=1 ;;
        --share-ccache) SHARE_CCACHE=1 ;;
        -h | --help)
            sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "usage: $0 [--keep] [--prepare] [--share-ccache]" >&2
            exit 2
            ;;
    esac
done
[ "$(id -u)" -eq 0 ] || { echo "check-fresh-install: needs root (debootstrap, chroot and mounts)" >&2; exit 2; }

SUITE=bookworm
CACHE="${VLSBENCH_FRESH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/vlsbench-studio}"
WORK="$(mktemp -d /var/tmp/vlsbench-fresh.XXXXXX)"
LOGS="$WORK/logs"
mkdir -p "$CACHE" "$LOGS"
started=$SECONDS
failures=()

say() { printf '== [%4ds] %s\n' $((SECONDS - started)) "$*"; }

# The mirror this host already uses, so the check needs no address of its own.
mirror() {
    if [ -n "${VLSBENCH_FRESH_MIRROR:-}" ]; then
        echo "$VLSBENCH_FRESH_MIRROR"
        return
    fi
    local found=""
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
        found=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' \
            /etc/apt/sources.list.d/debian.sources)
    fi
    if [ -z "$found" ] && [ -f /etc/apt/sources.list ]; then
        found=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }' \
            /etc/apt/sources.list)
    fi
    [ -n "$found" ] || { echo "check-fresh-install: no Debian mirror in this host's apt sources; set VLSBENCH_FRESH_MIRROR" >&2; exit 2; }
    echo "$found"
}

host_tools() {
    local missing=()
    for package in debootstrap git; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        say "installing on the host, to make the root: ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

MOUNTED=()
EXTRA_MOUNTS=()
mount_into() {
    local root="$1"
    mount -t proc proc "$root/proc"
    mount -t sysfs -o ro sysfs "$root/sys"
    mount --rbind /dev "$root/dev"
    mount --make-rslave "$root/dev"
    MOUNTED+=("$root")
    cp /etc/resolv.conf "$root/etc/resolv.conf"
}

unmount_all() {
    local root extra
    for extra in "${EXTRA_MOUNTS[@]}"; do
        umount "$extra" 2>/dev/null || umount -l "$extra" 2>/dev/null || true
    done
    EXTRA_MOUNTS=()
    for root in "${MOUNTED[@]}"; do
        stop_processes_in "$root"
        local target
        for target in "$root/dev" "$root/sys" "$root/proc"; do
            for _ in 1 2 3 4 5; do
                mountpoint -q "$target" || break
                umount -R "$target" 2>/dev/null || sleep 1
            done
            if mountpoint -q "$target"; then umount -R -l "$target" 2>/dev/null || true; fi
        done
    done
    MOUNTED=()
}

# Whatever a step left running inside a root (an X server, an agent that apt started) would keep its mounts busy.
stop_processes_in() {
    local root="$1" signal pid link
    for signal in TERM KILL; do
        for pid in /proc/[0-9]*; do
            link=$(readlink "$pid/root" 2>/dev/null) || continue
            case "$link" in "$root" | "$root"/*) kill -s "$signal" "${pid#/proc/}" 2>/dev/null || true ;; esac
        done
        sleep 1
    done
}

# Never removes a folder while anything is mounted inside it: a bind mount of the host's /dev or compiler cache
# is on the same file system, so rm --one-file-system alone would not stop at it.
safe_remove() {
    if findmnt -rn -o TARGET | grep -qF "$1/"; then
        echo "check-fresh-install: mounts remain under $1; not removing it" >&2
        return 1
    fi
    rm -rf --one-file-system "$1"
}

cleanup() {
    unmount_all
    if [ "$KEEP" = 1 ]; then
        echo "kept: $WORK"
        return
    fi
    safe_remove "$WORK" || true
}
trap cleanup EXIT

# A minimal Debian 12, made once and kept as a tarball.
base_tarball() {
    local url tarball
    url="$(mirror)"
    tarball="$CACHE/debian12-minbase-$(printf '%s' "$url" | sha256sum | cut -c1-12).tar.gz"
    if [ ! -s "$tarball" ]; then
        say "debootstrap --variant=minbase $SUITE (once; cached as $tarball)" >&2
        local fresh="$WORK/debootstrap"
        debootstrap --variant=minbase "$SUITE" "$fresh" "$url" >"$LOGS/debootstrap.log" 2>&1 ||
            { tail -n 20 "$LOGS/debootstrap.log" >&2; echo "check-fresh-install: debootstrap failed" >&2; exit 1; }
        tar -C "$fresh" -czf "$tarball.part" . && mv "$tarball.part" "$tarball"
        safe_remove "$fresh"
    fi
    echo "$tarball"
}

# Unpacks a fresh root into $WORK/$1 and mounts what it needs; sets NEW_ROOT. Not run in a subshell: the mounts
# it records must be known to the cleanup.
new_root() {
    NEW_ROOT="$WORK/$1"
    mkdir -p "$NEW_ROOT"
    tar -C "$NEW_ROOT" -xzf "$TARBALL"
    # Services must not start inside the root while packages install.
    printf '#!/bin/sh\nexit 101\n' >"$NEW_ROOT/usr/sbin/policy-rc.d"
    chmod 755 "$NEW_ROOT/usr/sbin/policy-rc.d"
    mount_into "$NEW_ROOT"
}

# Runs a shell snippet inside a root as root, with an environment as bare as a new login's.
in_root() {
    local root="$1" log="$2" script="$3"
    chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root TERM=dumb LANG=C.UTF-8 \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        /bin/bash -euo pipefail -c "$script" >"$log" 2>&1
}

step() {
    local name="$1" root="$2" script="$3"
    local log="$LOGS/$name.log" t0=$SECONDS
    if in_root "$root" "$log" "$script"; then
        say "ok    $name ($((SECONDS - t0)) s)"
    else
        say "FAIL  $name ($((SECONDS - t0)) s), last lines of $log:"
        tail -n 30 "$log" | sed 's/^/      /'
        failures+=("$name")
    fi
}

# Opens the window under Xvfb with the command given, waits for the sample to load (the title names its data
# file), grabs the screen and refuses a blank picture.
WINDOW_CHECK='
start_window() {
    local shot="$1"; shift
    xvfb-run -a -s "-screen 0 1600x1000x24" bash -c "
        \"\$@\" >/tmp/window.log 2>&1 & app=\$!
        for i in \$(seq 1 240); do
            sleep 0.5
            if xdotool search --onlyvisible --name \"^data.json — VLSBench Studio\$\" >/dev/null 2>&1; then
                sleep 2; import -window root \"$shot\"; kill \$app; wait \$app 2>/dev/null || true; exit 0
            fi
            kill -0 \$app 2>/dev/null || { echo \"the program ended early\"; cat /tmp/window.log; exit 1; }
        done
        echo \"no window titled data.json — VLSBench Studio after 120 s\"; cat /tmp/window.log; kill \$app; exit 1
    " start-window "$@"
    local deviation colours
    deviation=$(convert "$shot" -colorspace Gray -format "%[fx:standard_deviation]" info:)
    colours=$(convert "$shot" -format "%k" info:)
    echo "screenshot $shot: grey standard deviation $deviation, $colours colours"
    awk -v d="$deviation" -v c="$colours" "BEGIN { exit !(d > 0.05 && c > 200) }" || { echo "the screenshot looks blank"; exit 1; }
}
'

host_tools
COMMIT="$(git -C "$ROOT" rev-parse HEAD)"
TARBALL="$(base_tarball)"
if [ "$PREPARE" = 1 ]; then
    say "the cached minimal root is ready: $TARBALL"
    exit 0
fi
say "checking commit $COMMIT in fresh Debian 12 roots under $WORK"

# 1. The source tree: the README's commands, exactly as a new user types them.
new_root build
BUILD_ROOT="$NEW_ROOT"
git clone --quiet --no-hardlinks "$ROOT" "$BUILD_ROOT/root/vlsbench-studio"
git -C "$BUILD_ROOT/root/vlsbench-studio" checkout --quiet --detach "$COMMIT"
if [ "$SHARE_CCACHE" = 1 ] && command -v ccache >/dev/null; then
    host_cache="$(ccache -k cache_dir)"
    mkdir -p "$host_cache" "$BUILD_ROOT/root/.cache/ccache"
    mount --bind "$host_cache" "$BUILD_ROOT/root/.cache/ccache"
    EXTRA_MOUNTS+=("$BUILD_ROOT/root/.cache/ccache")
    say "sharing the host's compiler cache $host_cache"
fi

step "readme-test" "$BUILD_ROOT" 'cd /root/vlsbench-studio && packaging/bootstrap.sh test'
# `run` comes second only because its check needs Xvfb, which the first command has installed the project's way.
step "readme-run" "$BUILD_ROOT" "$WINDOW_CHECK"'
cd /root/vlsbench-studio
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing: the test command did not install it"; exit 1; }
start_window /root/readme-run.png packaging/bootstrap.sh run'
step "package" "$BUILD_ROOT" 'cd /root/vlsbench-studio && packaging/bootstrap.sh package'

# 2. The package alone, in a root that never saw the source.
deb=$(ls "$BUILD_ROOT"/root/vlsbench-studio/build/vlsbench-studio_*_amd64.deb 2>/dev/null | head -n 1 || true)
if [ -z "$deb" ]; then
    failures+=("no .deb was built")
else
    cp "$deb" "$WORK/"
    deb="$WORK/$(basename "$deb")" # the build root goes away before the package is installed
    say "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"
    cp "$BUILD_ROOT/root/readme-run.png" "$WORK/" 2>/dev/null || true
    unmount_all
    safe_remove "$BUILD_ROOT"
    new_root installed
    PACKAGE_ROOT="$NEW_ROOT"
    cp "$deb" "$PACKAGE_ROOT/tmp/"
    step "deb-install" "$PACKAGE_ROOT" "apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends /tmp/$(basename "$deb")
test ! -e /root/vlsbench-studio"
    step "deb-headless" "$PACKAGE_ROOT" '
vlsbench-studio --version
vlsbench-studio stats --help >/dev/null
sample=/usr/share/vlsbench-studio/sample
vlsbench-studio validate --dataset "$sample"
results=()
for file in "$sample"/results/*.json; do results+=(--results "$file"); done
vlsbench-studio stats --dataset "$sample" "${results[@]}" --format json >/tmp/stats.json
grep -q "\"matched\"" /tmp/stats.json
# A project is a SQLite file: creating one proves the SQL driver the package depends on is there.
vlsbench-studio stats --project /tmp/check.vlsproj --dataset "$sample" "${results[@]}" >/dev/null
test -s /tmp/check.vlsproj
for plugin in sqldrivers/libqsqlite.so sqldrivers/libqsqlpsql.so iconengines/libqsvgicon.so \
              imageformats/libqsvg.so imageformats/libqwebp.so platforms/libqwayland-generic.so; do
    test -e /usr/lib/x86_64-linux-gnu/qt6/plugins/$plugin || { echo "missing Qt plugin $plugin"; exit 1; }
done
test -e /usr/share/applications/org.vlsbenchstudio.VLSBenchStudio.desktop
test -e /usr/share/metainfo/org.vlsbenchstudio.VLSBenchStudio.metainfo.xml
test -e /usr/share/icons/hicolor/scalable/apps/vlsbench-studio.svg
test -e /usr/share/man/man1/vlsbench-studio.1.gz
test -e /usr/share/mime/packages/vlsbench-studio.xml
grep -q "application/x-vlsbench-project" /usr/share/mime/globs2
echo "installed package works headless"'
    # Xvfb and the screenshot tools are the check's own; the program must have had all it needs before them.
    step "deb-window" "$PACKAGE_ROOT" "$WINDOW_CHECK"'
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends xvfb xauth xdotool imagemagick >/dev/null
cd /tmp && start_window /root/deb-window.png vlsbench-studio'
    cp "$PACKAGE_ROOT/root/deb-window.png" "$WORK/" 2>/dev/null || true
fi

say "logs and screenshots: $LOGS ($( [ "$KEEP" = 1 ] && echo kept || echo removed at exit; ))"
if [ ${#failures[@]} -gt 0 ]; then
    say "FAILED: ${failures[*]}"
    KEEP=1
    exit 1
fi
say "passed in $((SECONDS - started)) s"
