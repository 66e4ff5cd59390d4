#!/usr/bin/env bash
# Kill loop (issue 13): 100 SIGKILLs at random moments, across label bursts in the real window (Xvfb, xdotool) and
# imports on the command line, on projects made from the bundled sample. Afterwards every label the window
# confirmed before a kill is in the project, each import is all or nothing, and PRAGMA integrity_check is ok.
# The driver is killloop.py; this script checks the tools and gives it an X server.
#
#   killloop.sh BINARY SAMPLE_DIR        KILLLOOP_SEED (default 1301) and KILLLOOP_KILLS (default 100) vary the run.
set -euo pipefail
binary="$1"
sample="$2"
seed="${KILLLOOP_SEED:-1301}"
kills="${KILLLOOP_KILLS:-100}"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
# Never skipped: without its tools the test fails and names them (packaging/bootstrap.sh installs them all).
for tool in xvfb-run Xvfb xauth xdotool python3; do
    command -v "$tool" >/dev/null ||
        fail "$tool is missing; install it (packaging/bootstrap.sh does: xvfb, xauth, xdotool, python3)"
done
python3 -c 'import sqlite3' 2>/dev/null || fail "python3 has no sqlite3 module"
[ -x "$binary" ] || fail "no program at $binary"
[ -f "$sample/data.json" ] || fail "no sample dataset at $sample"

work=$(mktemp -d)
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

# -noreset: with every client killed, a resetting server would refuse the next window for a moment.
if xvfb-run -a -s "-screen 0 1600x1000x24 -noreset" \
    python3 "$(dirname "${BASH_SOURCE[0]}")/killloop.py" --binary "$binary" --sample "$sample" --work "$work" \
    --seed "$seed" --kills "$kills"; then
    rm -rf "$work"
else
    fail "the project, the import files and every process's log are kept in $work"
fi
