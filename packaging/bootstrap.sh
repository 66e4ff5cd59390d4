#!/usr/bin/env bash
# One-command set-up for Debian 12: installs the Debian packages that are missing, configures and builds
# VLSBench Studio in ./build (or $BUILD_DIR), then either opens the app or runs every test.
#
#   packaging/bootstrap.sh run [ARGS...]   build, then open the app (no ARGS: the bundled sample)
#   packaging/bootstrap.sh test            build, then run the whole test suite with CTest
#
# Safe to run again: packages already present are not reinstalled and the build is incremental.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUILD_DIR:-$ROOT/build}"
MODE="${1:-}"
case "$MODE" in
    run | test) shift ;;
    *)
        echo "usage: $0 run [DATASET [RESULTS...]] | test" >&2
        exit 2
        ;;
esac

PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6sql6-sqlite libgl-dev
    nlohmann-json3-dev libcurl4-openssl-dev libsimdjson-dev
    xvfb xauth xdotool imagemagick fonts-dejavu-core python3
)

missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing: ${missing[*]}"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    echo "== configuring in $BUILD"
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
echo "== building"
cmake --build "$BUILD" --parallel "$(nproc)"

if [ "$MODE" = run ]; then
    exec "$BUILD/ui/vlsbench-studio" "$@"
fi
echo "== testing"
ctest --test-dir "$BUILD" --output-on-failure --timeout 900
