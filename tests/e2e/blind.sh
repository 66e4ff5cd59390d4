#!/usr/bin/env bash
# Blind review end to end (issue #15): the real binary in a real X server (Xvfb), a new project (blind by default),
# real key events (xdotool). The screen is grabbed before and after the annotator's key press and its pixels are
# counted in the three judge-label colours: before the press none of them may be on screen (no judge chip, no
# coloured list cell); after it, the judge's label of the labelled response is, in its own colour (the annotator's
# label is chosen to differ from it, so the colour can only be the judge's). The project then says the label was
# made blind. Pictures stay in $2 for people to look at.
set -euo pipefail
binary="$1"
sample="$2"
shots="${3:-$(mktemp -d)}"
mkdir -p "$shots"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_RUNTIME_DIR="$work/runtime" XDG_CONFIG_HOME="$work/config"
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME/VLSBench Studio" && chmod 700 "$XDG_RUNTIME_DIR"
# Cue-phrase marks are off: they underline refusal phrases ("I can't") in the refusal blue, which would count as a
# label colour here although they come from the text itself, not from the judge.
printf '[annotation]\nannotator=blind e2e\nadvanceAfterLabel=false\n[review]\nhighlightCuePhrases=false\n' > "$XDG_CONFIG_HOME/VLSBench Studio/vlsbench-studio.conf"
export QT_LOGGING_RULES="vlsbench.annotate.info=true"

# The judge's label of item 0 in the first run, and a label that differs from it (the key the annotator presses).
read -r judge key < <(python3 - "$sample/results/aurora-vl-7b.json" <<'PY'
import json, sys
logs = json.load(open(sys.argv[1]))["logs"]
judge = next(r["safe_label"] for r in logs if r["id"] == 0)
print(judge, 3 if judge != 3 else 1)
PY
)
colour_of() { case "$1" in 1) echo "#1f6feb" ;; 2) echo "#d29922" ;; 3) echo "#cf222e" ;; esac; }

xvfb-run -a -s "-screen 0 1600x1000x24" bash -s "$binary" "$sample" "$work" "$shots" "$key" <<'INNER'
set -euo pipefail
binary="$1"; sample="$2"; work="$3"; shots="$4"; key="$5"
fail() { echo "FAIL: $*" >&2; exit 1; }
project="$work/blind.vlsproj"
"$binary" --project "$project" "$sample/data.json" "$sample/results/aurora-vl-7b.json" \
    "$sample/results/basalt-13b.json" "$sample/results/cirrus-vision.json" 2>"$work/log" & app=$!
window=""
for _ in $(seq 1 120); do
    window=$(xdotool search --onlyvisible --name "VLSBench Studio" 2>/dev/null | tail -1 || true)
    [ -n "$window" ] && break
    sleep 0.25
done
[ -n "$window" ] || fail "no window"
for _ in $(seq 1 80); do [ -f "$project" ] && break; sleep 0.25; done
xdotool windowsize --sync "$window" 1600 1000 || true
xdotool windowfocus --sync "$window"
sleep 2
import -window root "$shots/blind-before.png"
xdotool key "$key"
for _ in $(seq 1 80); do grep -q "confirmed label" "$work/log" && break; sleep 0.25; done
grep -q "confirmed label item=0 " "$work/log" || fail "the label was not confirmed: $(cat "$work/log")"
sleep 1
import -window root "$shots/blind-after.png"
kill $app
wait $app 2>/dev/null || true
"$binary" export-annotations --project "$project" --output "$work/labels.json" || fail "export failed"
cp "$work/labels.json" "$shots/blind-labels.json"
INNER

# Pixels of exactly one colour in a picture, below the load banner (y >= 100 at 1600x1000): the banner reports the
# sample's deliberate faults in the warning amber of its frame, which is not a label.
count() { convert "$1" -crop 1600x900+0+100 +repage -fill black +opaque "$2" -fill white -opaque "$2" -colorspace Gray -format '%[fx:round(mean*w*h)]' info:; }
judge_colour=$(colour_of "$judge")
for label in 1 2 3; do
    before=$(count "$shots/blind-before.png" "$(colour_of $label)")
    echo "before the key press: $before pixels in the colour of label $label"
    [ "$before" -lt 20 ] || { echo "FAIL: a judge label's colour is on screen before the annotator labelled" >&2; exit 1; }
done
after=$(count "$shots/blind-after.png" "$judge_colour")
echo "after pressing $key: $after pixels in the colour of the judge's label $judge"
[ "$after" -ge 200 ] || { echo "FAIL: the judge's label did not appear after the annotator's" >&2; exit 1; }
python3 - "$shots/blind-labels.json" "$key" <<'PY' || { echo "FAIL: the label is not recorded as made blind" >&2; exit 1; }
import json, sys
labels = json.load(open(sys.argv[1]))["annotations"]
assert len(labels) == 1, labels
assert labels[0]["item"] == 0 and labels[0]["label"] == int(sys.argv[2]) and labels[0]["blind"] is True, labels
print("the project records the label", labels[0]["label"], "as made blind")
PY
echo "blind review end-to-end test passed"
