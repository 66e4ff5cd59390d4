#!/usr/bin/env bash
# Curation end to end (issue #16): the real binary in a real X server (Xvfb), real key events (xdotool), a new project
# on the sample. F2 edits item 0's instruction; X excludes item 1 with a reason; items 2 and 3 are selected and moved
# to Hate through the Curate menu (Alt+T, M); Ctrl+Shift+F marks item 4 as needing a fix and Ctrl+Shift+N comments on
# it. Then the process is killed with SIGKILL, and what the window confirmed must all be there: the window reopened on
# the project finds it (its curation filter, Alt+N, shows the excluded, edited and needs-fix items), export-changes
# reads it back, export-dataset releases it, and the release validates. Pictures stay in $3.
set -euo pipefail
binary="$1"
sample="$2"
shots="${3:-$(mktemp -d)}"
mkdir -p "$shots"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_RUNTIME_DIR="$work/runtime" XDG_CONFIG_HOME="$work/config"
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME/VLSBench Studio" && chmod 700 "$XDG_RUNTIME_DIR"
printf '[annotation]\nannotator=e2e curator\n' > "$XDG_CONFIG_HOME/VLSBench Studio/vlsbench-studio.conf"
export QT_LOGGING_RULES="vlsbench.annotate.info=true;vlsbench.window.info=true;vlsbench.project.info=true"

xvfb-run -a -s "-screen 0 1600x1000x24" bash -s "$binary" "$sample" "$work" "$shots" <<'INNER'
set -euo pipefail
binary="$1"; sample="$2"; work="$3"; shots="$4"
fail() { echo "FAIL: $*" >&2; exit 1; }
project="$work/curated.vlsproj"
log="$work/log"
wait_lines() { # file, count, pattern
    for _ in $(seq 1 80); do
        [ "$(grep -c "$3" "$1" 2>/dev/null || true)" -ge "$2" ] && return 0
        sleep 0.25
    done
    return 1
}
wait_window() {
    for _ in $(seq 1 120); do
        id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | tail -1 || true)
        [ -n "$id" ] && { echo "$id"; return 0; }
        sleep 0.25
    done
    return 1
}
"$binary" --project "$project" "$sample/data.json" "$sample/results/aurora-vl-7b.json" 2>"$log" & app=$!
window=$(wait_window "VLSBench Studio") || fail "no window"
for _ in $(seq 1 80); do [ -f "$project" ] && break; sleep 0.25; done
xdotool windowsize --sync "$window" 1600 1000 || true
# Without a window manager a closed dialog hands the focus back to no one: give it to the window each time.
focus() { xdotool windowfocus --sync "$window"; sleep 0.4; }
focus
sleep 1

# F2 on item 0: the instruction is the first field; select it all, type the new text, Ctrl+Return saves.
xdotool key F2
sleep 1
import -window root "$shots/curate-edit.png"
xdotool key ctrl+a
xdotool type --delay 20 "What does the sign in this picture say?"
xdotool key ctrl+Return
wait_lines "$log" 1 "confirmed curation kind=3 item=0 field=instruction" || fail "the edit was not confirmed: $(cat "$log")"

# X on item 1: the reason list comes up with its first entry selected; typing replaces it.
focus
xdotool key Down
sleep 0.3
xdotool key x
sleep 1
xdotool key ctrl+a
xdotool type --delay 20 "duplicate of #0"
xdotool key Return
wait_lines "$log" 1 "confirmed curation kind=4 item=1 " || fail "the exclusion was not confirmed: $(cat "$log")"

# Items 2 and 3 selected (Down, Shift+Down), moved to Hate through the menu: one step.
focus
xdotool key Down shift+Down
sleep 0.3
xdotool key alt+t
sleep 0.5
xdotool key m
sleep 1
import -window root "$shots/curate-move.png"
xdotool key ctrl+a
xdotool type --delay 20 "Hate"
xdotool key Return
wait_lines "$log" 1 "confirmed curation kind=3 item=3 field=category" || fail "the move was not confirmed: $(cat "$log")"
grep -q "confirmed curation kind=3 item=2 field=category" "$log" || fail "item 2 did not move"

# Ctrl+Shift+F on item 4 (the move left item 3 current): needs a fix.
focus
xdotool key Down
sleep 0.3
xdotool key ctrl+shift+f
wait_lines "$log" 1 "confirmed curation kind=5 item=4 " || fail "the status was not confirmed: $(cat "$log")"
# Ctrl+Shift+N: a comment of two lines (Return is a line break; Ctrl+Return saves).
xdotool key ctrl+shift+n
sleep 1
xdotool type --delay 20 "The sign is cropped."
xdotool key Return
xdotool type --delay 20 "Ask for a new picture."
xdotool key ctrl+Return
wait_lines "$log" 1 "confirmed curation kind=6 item=4 " || fail "the comment was not confirmed: $(cat "$log")"
focus
import -window root "$shots/curate-after.png"

kill -KILL $app
wait $app 2>/dev/null || true

# Reopened on the project alone: the window finds all of it.
log="$work/log-reopened"
"$binary" --project "$project" 2>"$log" & app=$!
window=$(wait_window "VLSBench Studio") || fail "no window after reopening"
xdotool windowsize --sync "$window" 1600 1000 || true
focus
wait_lines "$log" 1 "filter shows 63 of 63 items" || fail "the reopened window did not list the items: $(cat "$log")"
grep -q "curation: 3 items edited, 1 excluded, 1 statuses, 1 comments" "$log" ||
    fail "the reopened project does not hold the curation: $(cat "$log")"
# The curation filter (Alt+N), chosen by typing the start of an entry.
choose() { # text typed into the list, expected log line, how many times it has been logged by then
    focus
    xdotool key alt+n # opens the list
    sleep 0.5
    xdotool type --delay 30 "$1"
    sleep 0.3
    xdotool key Return
    wait_lines "$log" "$3" "$2" || fail "choosing \"$1\" did not show $2: $(grep "filter shows" "$log")"
}
choose "Exc" "filter shows 1 of 63 items: 1$" 1
import -window root "$shots/curate-reopened-excluded.png"
choose "Edi" "filter shows 3 of 63 items: 0 2 3$" 1
choose "Nee" "filter shows 1 of 63 items: 4$" 1
choose "Wit" "filter shows 1 of 63 items: 4$" 2
import -window root "$shots/curate-reopened-comment.png"
kill $app
wait $app 2>/dev/null || true
INNER

# Everything the window confirmed is in the project after SIGKILL.
"$binary" export-changes --project "$work/curated.vlsproj" --format json --output "$work/changes.json" ||
    { echo "FAIL: export-changes" >&2; exit 1; }
python3 - "$work/changes.json" "$work/curated.vlsproj" <<'PY' || { echo "FAIL: the curation is not all in the project" >&2; exit 1; }
import json, sqlite3, sys
c = json.load(open(sys.argv[1]))
fields = sorted((f["item"], f["field"], f["new"], f["annotator"]) for f in c["fields"])
assert fields == [(0, "instruction", "What does the sign in this picture say?", "e2e curator"),
                  (2, "category", "Hate", "e2e curator"), (3, "category", "Hate", "e2e curator")], fields
assert [(x["item"], x["reason"]) for x in c["excluded"]] == [(1, "duplicate of #0")], c["excluded"]
db = sqlite3.connect("file:" + sys.argv[2] + "?mode=ro", uri=True)
assert db.execute("select item, status from curation_status").fetchall() == [(4, "needs_fix")]
assert db.execute("select item, comment from item_comments").fetchall() == [(4, "The sign is cropped.\nAsk for a new picture.")]
steps = db.execute("select count(distinct step) from curation_history where kind = 'field' and field = 'category'").fetchone()[0]
assert steps == 1, steps  # the move of two items was one step
print("after SIGKILL the project holds", len(fields), "edits, 1 exclusion, 1 status; the move was one step")
PY
mkdir -p "$work/release"
"$binary" export-dataset --project "$work/curated.vlsproj" --output "$work/release/data.json" ||
    { echo "FAIL: export-dataset" >&2; exit 1; }
"$binary" validate --dataset "$work/release/data.json" --images "$sample/imgs" --format json > "$work/validate.json" ||
    { echo "FAIL: the release does not validate: $(cat "$work/validate.json")" >&2; exit 1; }
python3 - "$work/validate.json" "$work/release/data.json" "$sample/data.json" <<'PY' || { echo "FAIL: the release is not what was curated" >&2; exit 1; }
import json, sys
report = json.load(open(sys.argv[1]))
assert report["items"] == 62, report["items"]
assert not [p for p in report["problems"] if p["severity"] == "error"], report["problems"]
release = json.load(open(sys.argv[2]))
source = json.load(open(sys.argv[3]))
by_id = {i["instruction_id"]: i for i in release}
assert 1 not in by_id
assert by_id[0]["instruction"] == "What does the sign in this picture say?"
assert by_id[2]["category"] == by_id[3]["category"] == "Hate"
# Every other item is as the source has it.
for item in source:
    if item["instruction_id"] not in (0, 1, 2, 3):
        assert by_id[item["instruction_id"]] == item
print("the release holds", len(release), "items, validates without errors, and carries the curation")
PY
echo "curation end-to-end test passed"
