#!/usr/bin/env bash
# Builds the libFuzzer targets (the "fuzz" preset: clang, AddressSanitizer and UndefinedBehaviorSanitizer, in
# build-fuzz/; only the core and the fuzzers, not the window), replays the inputs that once crashed each target
# (tests/fuzz/regressions/TARGET/), then fuzzes each target for a bounded time from a fresh copy of its seeds.
# Exits non-zero on any finding (crash, sanitizer report, timeout, memory limit, leak) and prints the reproducer,
# the crash summary and the command that replays it. Run packaging/bootstrap.sh first: it installs what the build
# needs; this script adds clang and the libFuzzer runtime.
#
#   packaging/check-fuzz.sh [--seconds N] [--jobs J] [TARGET...]
#       --seconds N   fuzz each target for N seconds (default 60)
#       --jobs J      run J targets at a time (default 1; each target uses one core)
#       TARGET        dataset results judge_text chat_reply annotation_import project (default: all)
#
# Figures per target (executions, exec/s, corpus, coverage) are printed at the end and kept, with each target's
# log, in build-fuzz/fuzz-logs/. Findings land in build-fuzz/findings/TARGET/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build-fuzz"
ALL_TARGETS=(dataset results judge_text chat_reply annotation_import project)

usage() {
    sed -n '/^#   packaging/,/^#       TARGET/p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

seconds=60
jobs=1
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="${2:-}"; shift 2 || usage ;;
        --seconds=*) seconds="${1#*=}"; shift ;;
        --jobs) jobs="${2:-}"; shift 2 || usage ;;
        --jobs=*) jobs="${1#*=}"; shift ;;
        -h | --help) usage ;;
        -*) echo "check-fuzz: unknown option $1" >&2; usage ;;
        *) targets+=("$1"); shift ;;
    esac
done
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -gt 0 ]] || { echo "check-fuzz: --seconds needs a positive number" >&2; exit 2; }
[[ "$jobs" =~ ^[0-9]+$ && "$jobs" -gt 0 ]] || { echo "check-fuzz: --jobs needs a positive number" >&2; exit 2; }
[ ${#targets[@]} -gt 0 ] || targets=("${ALL_TARGETS[@]}")
for target in "${targets[@]}"; do
    [[ " ${ALL_TARGETS[*]} " == *" $target "* ]] || { echo "check-fuzz: no target named $target" >&2; exit 2; }
done

# clang's driver, the libFuzzer runtime (libclang_rt.fuzzer-x86_64.a) and llvm-symbolizer for readable stacks.
PACKAGES=(clang libclang-rt-14-dev llvm-14)
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

cd "$ROOT"
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$ROOT}"
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-true}"
started=$SECONDS
echo "== building the fuzz targets in $BUILD"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --parallel "$(nproc)"
echo "== built in $((SECONDS - started)) s"

# The project target writes and syncs an SQLite file per input: on tmpfs that costs nothing.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
    export TMPDIR=/dev/shm
fi
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
SYMBOLIZER=/usr/lib/llvm-14/bin/llvm-symbolizer
if [ -x "$SYMBOLIZER" ]; then
    export ASAN_SYMBOLIZER_PATH="$SYMBOLIZER" UBSAN_SYMBOLIZER_PATH="$SYMBOLIZER"
fi
export QT_LOGGING_RULES="*=false"

LOGS="$BUILD/fuzz-logs"
mkdir -p "$LOGS"
COMMON=(-timeout=10 -rss_limit_mb=2048)

# What a crash log says, in three lines: the sanitizer's or libFuzzer's summary, the first frame in app/ and the
# exception, when an uncaught one ended the run.
explain() {
    local log="$1"
    grep -m1 -E '^SUMMARY: ' "$log" || grep -m1 -E 'ERROR: (AddressSanitizer|libFuzzer|LeakSanitizer)' "$log" || true
    grep -m1 -E 'runtime error:' "$log" || true
    grep -m1 -E "terminate called|what\(\):|qFatal:" "$log" || true
    grep -m1 -E '#[0-9]+ .* (/[^ ]*)?/app/[a-z]+/[a-z]+\.(cpp|h):[0-9]+' "$log" | sed 's/^ */first app frame: /' || true
}

# Replays tests/fuzz/regressions/TARGET/, one process per input so each failure is reported, then fuzzes.
# Writes LOGS/TARGET.result: "ok" or "FAIL", then lines for the summary.
run_target() {
    local target="$1"
    local binary="$BUILD/tests/fuzz/fuzz_$target"
    local corpus="$BUILD/corpus/$target"
    local findings="$BUILD/findings/$target"
    local log="$LOGS/$target.log"
    local result="$LOGS/$target.result"
    local failed=0
    rm -rf "$corpus" "$findings" "$LOGS/$target".*
    mkdir -p "$corpus" "$findings"
    : >"$result.details"

    local regressions="$ROOT/tests/fuzz/regressions/$target"
    local replayed=0
    if [ -d "$regressions" ]; then
        for input in "$regressions"/*; do
            [ -f "$input" ] || continue
            case "$(basename "$input")" in README* | .*) continue ;; esac
            replayed=$((replayed + 1))
            local replay="$LOGS/$target.regression.$(basename "$input").log"
            if ! "$binary" "${COMMON[@]}" -runs=1 "$input" >"$replay" 2>&1; then
                failed=1
                {
                    echo "regression still fails: $input"
                    explain "$replay" | sed 's/^/    /'
                    echo "    replay: $binary $input"
                } >>"$result.details"
            fi
        done
    fi

    for seeds in "$ROOT/tests/fuzz/seeds/$target" "$BUILD/tests/fuzz/seeds/$target"; do
        if [ -d "$seeds" ]; then cp -r "$seeds"/. "$corpus"/; fi
    done
    local dict=()
    if [ -f "$ROOT/tests/fuzz/dicts/$target.dict" ]; then dict=(-dict="$ROOT/tests/fuzz/dicts/$target.dict"); fi
    local status=0
    "$binary" "$corpus" "${COMMON[@]}" "${dict[@]}" -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$findings/" >"$log" 2>&1 || status=$?
    local artifacts=("$findings"/*)
    if [ "$status" -ne 0 ] || [ -e "${artifacts[0]}" ]; then
        failed=1
        {
            echo "finding (exit $status), log $log"
            for artifact in "${artifacts[@]}"; do
                if [ -e "$artifact" ]; then echo "    reproducer: $artifact"; fi
            done
            explain "$log" | sed 's/^/    /'
            if [ -e "${artifacts[0]}" ]; then echo "    replay: $binary ${artifacts[0]}"; fi
        } >>"$result.details"
    fi

    # libFuzzer's last status line and final stats: "#N DONE cov: C ft: F corp: U/Sb ... exec/s: E".
    local last execs rate cov ft corp
    last=$(grep -E '^#[0-9]+[[:space:]]+(DONE|NEW|REDUCE|pulse|INITED)' "$log" | tail -1 || true)
    execs=$(grep -m1 -oP 'stat::number_of_executed_units:\s+\K[0-9]+' "$log" || echo "?")
    rate=$(grep -m1 -oP 'stat::average_exec_per_sec:\s+\K[0-9]+' "$log" || echo "?")
    cov=$(grep -oP 'cov: \K[0-9]+' <<<"$last" || echo "?")
    ft=$(grep -oP 'ft: \K[0-9]+' <<<"$last" || echo "?")
    corp=$(grep -oP 'corp: \K[0-9]+/[0-9]+[a-zA-Z]*' <<<"$last" || echo "?")
    {
        if [ "$failed" -eq 0 ]; then echo ok; else echo FAIL; fi
        printf '%-18s %10s %8s %12s %6s %7s %11s\n' "$target" "$execs" "$rate" "$corp" "$cov" "$ft" "$replayed"
    } >"$result"
}

echo "== fuzzing ${targets[*]} for $seconds s each, $jobs at a time (TMPDIR=${TMPDIR:-/tmp})"
fuzz_started=$SECONDS
running=0
for target in "${targets[@]}"; do
    run_target "$target" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n || true
        running=$((running - 1))
    fi
done
wait || true

status=0
printf '\n%-18s %10s %8s %12s %6s %7s %11s  %s\n' target executions exec/s corpus cov ft regressions result
for target in "${targets[@]}"; do
    result="$LOGS/$target.result"
    if [ ! -f "$result" ]; then
        printf '%-18s %s\n' "$target" "no result (the run died)"
        status=1
        continue
    fi
    printf '%s  %s\n' "$(sed -n 2p "$result")" "$(sed -n 1p "$result")"
    [ "$(sed -n 1p "$result")" = ok ] || status=1
done
for target in "${targets[@]}"; do
    if [ -s "$LOGS/$target.result.details" ]; then
        echo
        echo "== $target"
        cat "$LOGS/$target.result.details"
    fi
done
echo
echo "== fuzzed in $((SECONDS - fuzz_started)) s, $((SECONDS - started)) s in all"
if [ "$status" -ne 0 ]; then
    echo "check-fuzz: findings above; minimise one with: BINARY -minimize_crash=1 -runs=20000 REPRODUCER," \
        "then keep it in tests/fuzz/regressions/TARGET/" >&2
fi
exit "$status"
