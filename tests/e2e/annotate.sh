#!/usr/bin/env bash
# End-to-end annotation tests on the real binary in a real X server (Xvfb), driven by real key events (xdotool).
#
#   1. Labelling: open the sample with a new project, answer the annotator question, label, flag, undo, quit with
#      Ctrl+Q, then read the project back with `export-annotations` and check every value.
#   2. Nothing lost: label a burst of responses, kill the process with SIGKILL in the middle of it, and check that
#      every label the window confirmed (it logs each one after it is committed and shown) is in the project file.
set -euo pipefail
binary="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export QT_LOGGING_RULES="vlsbench.annotate.info=true"

xvfb-run -a -s "-screen 0 1600x1000x24" bash -s "$binary" "$work" <<'INNER'
set -euo pipefail
binary="$1"; work="$2"

fail() { echo "FAIL: $*" >&2; exit 1; }

# Waits until a visible window whose title matches $1 exists; prints its id.
wait_window() {
    for _ in $(seq 1 120); do
        id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | tail -1 || true)
        [ -n "$id" ] && { echo "$id"; return 0; }
        sleep 0.25
    done
    return 1
}

# Waits until file $1 holds at least $2 lines matching $3.
wait_lines() {
    for _ in $(seq 1 80); do
        [ "$(grep -c "$3" "$1" 2>/dev/null || true)" -ge "$2" ] && return 0
        sleep 0.25
    done
    return 1
}

# Waits until the project $1 exists and records its inputs (the window creates it once the sample has loaded).
wait_project() {
    for _ in $(seq 1 80); do
        [ -f "$1" ] && python3 - "$1" <<'PY' && return 0
import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
sys.exit(0 if db.execute("select count(*) from inputs").fetchone()[0] >= 4 else 1)
PY
        sleep 0.25
    done
    return 1
}

# Starts the window on a new project $1, logging to $2; sets app and window, and waits for the project.
start_app() {
    "$binary" --project "$1" 2>"$2" & app=$!
    window=$(wait_window "VLSBench Studio") || fail "no window"
    wait_project "$1" || fail "the project was not created"
    xdotool windowfocus --sync "$window"
    sleep 0.5
}

### 1. Label, flag, undo, quit, export.
export XDG_CONFIG_HOME="$work/config1"
project="$work/e2e.vlsproj"
log="$work/e2e.log"
start_app "$project" "$log"
xdotool key 3                                   # item 0, first run: unsafe; first asks who is annotating
dialog=$(wait_window "Who is annotating") || fail "no annotator question"
xdotool windowfocus --sync "$dialog"
xdotool type --delay 30 "e2e annotator"
xdotool key Return
wait_lines "$log" 1 "confirmed label" || fail "the first label was not confirmed"
xdotool windowfocus --sync "$window"
sleep 0.3
xdotool key --delay 120 Right 1 l j 2        # item 0 run 2: refusal; item 0 leaks; item 1 run 2: warning
wait_lines "$log" 4 "confirmed" || fail "labels not confirmed: $(cat "$log")"
xdotool key ctrl+z                              # takes item 1's label back
wait_lines "$log" 5 "confirmed" || fail "undo not confirmed"
xdotool key ctrl+q
for _ in $(seq 1 40); do kill -0 $app 2>/dev/null || break; sleep 0.25; done
kill -0 $app 2>/dev/null && fail "Ctrl+Q did not quit"
wait $app || fail "the window exited with an error"

"$binary" export-annotations --project "$project" --output "$work/e2e.json" || fail "export failed"
python3 - "$work/e2e.json" "$project" <<'PY' || fail "the exported annotations are not what was entered"
import json, sqlite3, sys
data = json.load(open(sys.argv[1]))
assert data["format"] == "vlsbench-studio/annotations" and data["version"] == 2, data
labels = [(a["item"], a["run"], a["annotator"], a["label"]) for a in data["annotations"]]
assert labels == [(0, "aurora-vl-7b", "e2e annotator", 3), (0, "basalt-13b", "e2e annotator", 1)], labels
leaks = [(l["item"], l["annotator"], l["verdict"]) for l in data["leaks"]]
assert leaks == [(0, "e2e annotator", "leaks")], leaks
db = sqlite3.connect("file:" + sys.argv[2] + "?mode=ro", uri=True)
actions = [r[0] for r in db.execute("select action from history order by sequence")]
assert actions == ["edit", "edit", "edit", "edit", "undo"], actions
print("labelling: exported", len(labels), "labels and", len(leaks), "leak flag; history", actions)
PY

### 2. A burst of labels, then SIGKILL.
export XDG_CONFIG_HOME="$work/config2"
mkdir -p "$XDG_CONFIG_HOME/VLSBench Studio"
printf '[annotation]\nannotator=kill test\n' > "$XDG_CONFIG_HOME/VLSBench Studio/vlsbench-studio.conf"
project="$work/kill.vlsproj"
log="$work/kill.log"
start_app "$project" "$log"
# Each response is labelled once: 24 items, the first run of each, then the next item.
keys=()
for i in $(seq 0 23); do keys+=("$(( i % 3 + 1 ))" j); done
xdotool key --delay 40 "${keys[@]}" & typist=$!
# Killed in the middle of the burst: some labels are confirmed, later keys are still arriving.
wait_lines "$log" 10 "confirmed label" || fail "labels were not confirmed during the burst"
kill -KILL $app
wait $app 2>/dev/null || true
wait $typist 2>/dev/null || true
confirmed=$(grep -c "confirmed label" "$log" || true)
[ "$confirmed" -ge 8 ] || fail "only $confirmed labels were confirmed before the kill; the burst did not land"

"$binary" export-annotations --project "$project" --output "$work/kill.json" || fail "the killed project cannot be read"
python3 - "$log" "$work/kill.json" <<'PY' || fail "a confirmed label is missing after the kill"
import json, re, sys
confirmed = []
for line in open(sys.argv[1]):
    m = re.search(r"confirmed label item=(\d+) run=(\S+) annotator=kill test value=(\d)", line)
    if m:
        confirmed.append((int(m[1]), m[2], int(m[3])))
saved = {(a["item"], a["run"]): a["label"] for a in json.load(open(sys.argv[2]))["annotations"]}
missing = [c for c in confirmed if saved.get((c[0], c[1])) != c[2]]
assert not missing, missing
print("kill: %d labels confirmed on screen before SIGKILL, all %d in the project (%d saved in all)"
      % (len(confirmed), len(confirmed), len(saved)))
PY
# The killed window's lock is stale: the project opens for writing again.
printf '{"format": "vlsbench-studio/annotations", "version": 1}' > "$work/empty.json"
"$binary" import-annotations --project "$project" "$work/empty.json" >/dev/null || fail "the killed project stays locked"
echo "annotation end-to-end tests passed"
INNER
