#!/usr/bin/env bash
# Starts the real binary under Xvfb on the bundled sample, grabs the screen and checks the picture is not blank:
# the window must have drawn its table, image and text, not a flat colour.
set -euo pipefail
binary="$1"
out="${2:-$(mktemp -d)/workspace.png}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
    "$0" & app=$!
    for i in $(seq 1 40); do
        sleep 0.25
        xdotool search --onlyvisible --name "VLSBench Studio" >/dev/null 2>&1 && break
    done
    sleep 2
    import -window root "$1"
    kill $app
' "$binary" "$out"

deviation=$(convert "$out" -colorspace Gray -format '%[fx:standard_deviation]' info:)
colours=$(convert "$out" -format '%k' info:)
echo "screenshot: $out, grey standard deviation $deviation, $colours colours"
awk -v d="$deviation" -v c="$colours" 'BEGIN { exit !(d > 0.05 && c > 200) }' || {
    echo "the screenshot looks blank" >&2
    exit 1
}
