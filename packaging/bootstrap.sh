#!/usr/bin/env bash
# One-command set-up for Debian 12: installs the Debian packages that are missing, configures and builds
# VLSBench Studio in ./build (or $BUILD_DIR), then opens the app, runs every test, or makes the .deb.
#
#   packaging/bootstrap.sh run [ARGS...]   build, then open the app (no ARGS: the bundled sample)
#   packaging/bootstrap.sh test            build, then run the whole test suite with CTest
#   packaging/bootstrap.sh package         build build/vlsbench-studio_<version>_amd64.deb, then check it with
#                                          lintian and its desktop entry and AppStream data with their validators
#
# Safe to run again: packages already present are not reinstalled and the build is incremental.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUILD_DIR:-$ROOT/build}"
MODE="${1:-}"
case "$MODE" in
    run | test | package) shift ;;
    *)
        echo "usage: $0 run [DATASET [RESULTS...]] | test | package" >&2
        exit 2
        ;;
esac

# Every package is named: --no-install-recommends keeps the install small, so nothing may come in as a
# recommendation (qt6-base-dev only recommends libqt6opengl6-dev, yet Qt Charts' CMake files need it).
PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools libgl-dev
    libqt6sql6-sqlite libqt6sql6-psql qt6-image-formats-plugins qt6-wayland
    nlohmann-json3-dev libcurl4-openssl-dev libsimdjson-dev
    xvfb xauth xdotool imagemagick fonts-dejavu-core fonts-noto-color-emoji fonts-wqy-microhei python3
)
if [ "$MODE" = package ]; then
    PACKAGES+=(dpkg-dev file lintian desktop-file-utils appstream)
fi
# The tests of team projects run against a real PostgreSQL server, made for the run (tests/support/pgserver.sh).
if [ "$MODE" = test ]; then
    PACKAGES+=(postgresql)
fi

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

# ccache keys on paths relative to the source tree, so two checkouts in different places (a CI clone, the
# fresh-install check's root) share compiled objects; every header's content is still part of the key.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$ROOT}"
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-true}"

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    echo "== configuring in $BUILD"
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
echo "== building"
cmake --build "$BUILD" --parallel "$(nproc)"

if [ "$MODE" = run ]; then
    exec "$BUILD/ui/vlsbench-studio" "$@"
fi
if [ "$MODE" = package ]; then
    echo "== packaging"
    rm -f "$BUILD"/vlsbench-studio_*.deb
    cmake --build "$BUILD" --target package
    deb=$(ls "$BUILD"/vlsbench-studio_*_amd64.deb)
    echo "== checking $deb"
    desktop-file-validate "$ROOT/resources/org.vlsbenchstudio.VLSBenchStudio.desktop"
    appstreamcli validate --no-net "$BUILD/resources/org.vlsbenchstudio.VLSBenchStudio.metainfo.xml"
    # lintian exits non-zero on errors; warnings are printed and kept deliberately (see packaging/lintian-overrides).
    lintian --fail-on error --info "$deb"
    echo "== $deb"
    exit 0
fi
echo "== testing"
ctest --test-dir "$BUILD" --output-on-failure --timeout 900
