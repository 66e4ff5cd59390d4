#!/usr/bin/env bash
# Screenshots of what a reviewer reads, from the real binary under Xvfb, each checked and kept for people to look
# at (the README's pictures are taken this way):
#   markdown.png  a multi-line Markdown answer rendered: a heading, a numbered list and a quote, beside a table
#   grid.png      ten runs in the compact grid (G), the image hidden (H)
#   dark.png      the dark theme (View › Theme › Dark), Markdown and code on a dark ground
# Usage: reviewshots.sh BINARY SAMPLE_DIR OUT_DIR
set -euo pipefail
binary="$1"; sample="$2"; out="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/tenruns.py" "$sample" "$work/ten"

# The first item whose first run answers in numbered steps under headings, found in the file, not assumed.
steps=$(python3 -c '
import json, sys
logs = json.load(open(sys.argv[1] + "/results/aurora-vl-7b.json"))["logs"]
print(min(r["id"] for r in logs if "## Step" in r["pred_answer"]))' "$sample")

# shoot NAME THEME KEYS ARGS...: a fresh configuration with THEME, the keys typed once the window shows.
shoot() {
    local name="$1" theme="$2" keys="$3"
    shift 3
    local home="$work/home-$name"
    mkdir -p "$home/config/VLSBench Studio" "$home/runtime"
    chmod 700 "$home/runtime"
    printf '[window]\ntheme=%s\n' "$theme" >"$home/config/VLSBench Studio/vlsbench-studio.conf"
    XDG_CONFIG_HOME="$home/config" XDG_RUNTIME_DIR="$home/runtime" \
        xvfb-run -a -s "-screen 0 1600x1000x24" bash -s "$binary" "$out/$name.png" "$keys" "$@" <<'INNER'
set -euo pipefail
binary="$1"; png="$2"; keys="$3"; shift 3
"$binary" "$@" & app=$!
id=
for _ in $(seq 1 120); do
    id=$(xdotool search --onlyvisible --name "VLSBench Studio" 2>/dev/null | tail -1 || true)
    [ -n "$id" ] && break
    sleep 0.25
done
[ -n "$id" ] || { echo "FAIL: no window" >&2; kill $app; exit 1; }
sleep 1.5
xdotool windowfocus --sync "$id" || true
for key in $keys; do
    xdotool key "$key"
    sleep 0.15
done
sleep 1.5
import -window root "$png"
kill $app
INNER
}

down=$(for _ in $(seq 1 "$steps"); do printf 'j '; done)
shoot markdown system "$down"
shoot grid system "j j g h" "$sample/data.json" "$work"/ten/*.json
shoot dark dark "$down space"

# Checks that fail when the picture is not what it should be: not blank, and the dark one dark.
for name in markdown grid dark; do
    png="$out/$name.png"
    deviation=$(convert "$png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
    colours=$(convert "$png" -format '%k' info:)
    mean=$(convert "$png" -colorspace Gray -format '%[fx:mean]' info:)
    echo "$name: $png, grey mean $mean, standard deviation $deviation, $colours colours"
    awk -v d="$deviation" -v c="$colours" 'BEGIN { exit !(d > 0.05 && c > 200) }' || {
        echo "FAIL: $name.png looks blank" >&2
        exit 1
    }
    if [ "$name" = dark ]; then
        awk -v m="$mean" 'BEGIN { exit !(m < 0.35) }' || { echo "FAIL: dark.png is not dark (mean $mean)" >&2; exit 1; }
    else
        awk -v m="$mean" 'BEGIN { exit !(m > 0.55) }' || { echo "FAIL: $name.png is not light (mean $mean)" >&2; exit 1; }
    fi
done
