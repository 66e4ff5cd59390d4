#!/usr/bin/env python3
"""Time `vlsbench-studio stats --format json` against the Python peer (tests/bench/peer_stats.py).

    python3 tests/bench/make_data.py                  # once: inputs in /tmp/vlsbench-bench
    python3 tests/bench/run_stats_bench.py            # times both, updates docs/benchmarks.md

For each size in the data manifest both programs get the same inputs. Each is run once untimed
(warm-up; these outputs are compared, within 0.005, and checked against the outcomes the
generator knows), then N timed runs each, alternating which goes first. Wall time and peak RSS
come from `/usr/bin/time -f '%e %M'`. The medians, their ratios (peer / ours) and the machine
are written into the size's section of docs/benchmarks.md.

The binary is $VLSBENCH_BIN, else build/ui/vlsbench-studio, else the first
`find build -name vlsbench-studio -type f`. This is a benchmark run by hand, not a test.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in tests/bench/ from the import below
from compare_stats import check_expected, first_difference

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(BENCH))
PEER = os.path.join(BENCH, "peer_stats.py")
TIME = "/usr/bin/time"


def find_binary(given):
    if given:
        return given
    default = os.path.join(ROOT, "build", "ui", "vlsbench-studio")
    if os.path.isfile(default):
        return default
    for folder, _, files in sorted(os.walk(os.path.join(ROOT, "build"))):
        if "vlsbench-studio" in files and os.path.isfile(os.path.join(folder, "vlsbench-studio")):
            return os.path.join(folder, "vlsbench-studio")
    return None


def shown(path):
    """A path as the docs show it: relative to the repository when inside it."""
    path = os.path.abspath(path)
    return os.path.relpath(path, ROOT) if os.path.commonpath([path, ROOT]) == ROOT else path


def stats_arguments(size):
    args = ["--dataset", size["dataset"]]
    for path in size["results"]:
        args += ["--results", path]
    return args + ["--format", "json"]


def run_timed(command, out_path):
    """(wall seconds, peak RSS in KiB) of one run; its stdout goes to out_path."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as timing, open(out_path, "wb") as out:
        done = subprocess.run([TIME, "-f", "%e %M", "-o", timing.name, *command], stdout=out,
                              stderr=subprocess.PIPE, cwd=ROOT)
        report = timing.read().strip().splitlines()
    if done.returncode != 0:
        error = done.stderr.decode(errors="replace")[-2000:]
        sys.exit(f"failed ({done.returncode}): {shlex.join(command)}\n{error}")
    seconds, kib = report[-1].split()
    return float(seconds), int(kib)


# ---------------------------------------------------------------- machine


def machine():
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram_kib = 0
    with open("/proc/meminfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                ram_kib = int(line.split()[1])
    cpus = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return (f"{cpus} CPUs (nproc), {cpu}, {ram_kib / 2**20:.1f} GiB RAM; "
            f"{platform.system()} {platform.release()}; Python {platform.python_version()}")


def source_version():
    head = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    if head.returncode != 0:
        return "no commit yet"
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return head.stdout.strip() + (" with local changes" if dirty else "")


# ---------------------------------------------------------------- report


def megabytes(size_bytes):
    return f"{size_bytes / 1e6:,.1f} MB"


def command_block(command):
    lines, line = [], shlex.quote(command[0])
    for arg in command[1:]:
        if arg.startswith("--"):
            lines.append(line)
            line = "  " + arg
        else:
            line += " " + shlex.quote(arg)
    lines.append(line)
    return " \\\n".join(lines)


def section(size, result):
    ours, peer = result["ours"], result["peer"]
    t_ours, t_peer = statistics.median(ours["times"]), statistics.median(peer["times"])
    m_ours, m_peer = statistics.median(ours["rss"]), statistics.median(peer["rss"])
    dataset_bytes = os.path.getsize(size["dataset"])
    results_bytes = sum(os.path.getsize(path) for path in size["results"])
    runs = len(ours["times"])
    lines = [
        f"Run {result['date']} on {result['machine']}.",
        f"Source {result['version']}; binary `{shown(result['binary'])}`. "
        f"{runs} timed runs of each after {result['warmup']} warm-up, alternating which goes first.",
        "",
        f"Inputs: dataset {megabytes(dataset_bytes)} ({size['items']:,} items) + "
        f"{len(size['results'])} results files {megabytes(results_bytes)} ({size['responses']:,} records) "
        f"= {megabytes(dataset_bytes + results_bytes)}.",
        "",
        "| | vlsbench-studio | Python peer | peer / ours |",
        "|---|---:|---:|---:|",
        f"| median wall time | {t_ours:.2f} s | {t_peer:.2f} s | {t_peer / max(t_ours, 0.01):.1f}× |",
        f"| median peak RSS | {m_ours / 1024:,.0f} MB | {m_peer / 1024:,.0f} MB | {m_peer / max(m_ours, 1):.1f}× |",
        "",
        "All runs, wall time (s): ours " + ", ".join(f"{t:.2f}" for t in ours["times"])
        + "; peer " + ", ".join(f"{t:.2f}" for t in peer["times"]) + ".",
        "",
        result["agreement"],
        "",
        "Commands (from the repository root):",
        "",
        "```sh",
        command_block([shown(result["binary"]), "stats", *stats_arguments(size)]),
        "",
        command_block([sys.executable, shown(PEER), *stats_arguments(size)]),
        "```",
    ]
    return "\n".join(lines)


def update_docs(docs, name, title, body):
    begin, end = f"<!-- stats-bench:{name}:begin -->", f"<!-- stats-bench:{name}:end -->"
    text = open(docs, encoding="utf-8").read() if os.path.exists(docs) else "# Benchmarks\n"
    block = f"{begin}\n{body}\n{end}"
    if begin in text and end in text:
        text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: block, text, flags=re.DOTALL)
    else:
        text = text.rstrip("\n") + f"\n\n### {title}\n\n{block}\n"
    with open(docs, "w", encoding="utf-8") as f:
        f.write(text)


# ---------------------------------------------------------------- main


def verify(size, out_paths):
    """(one paragraph on whether the outputs are right, True if they are); also printed."""
    outputs = {}
    for who, path in out_paths.items():
        with open(path, encoding="utf-8") as f:
            outputs[who] = json.load(f)
    lines, ok = [], True
    if "ours" in outputs:
        notes = []
        difference = first_difference(outputs["ours"], outputs["peer"], 0.005, notes=notes)
        for note in notes:
            print(f"  note: paths differ: {note}")
        ok &= difference is None
        lines.append(f"**Outputs differ**: {difference} (first difference; ours vs peer)." if difference
                     else "Outputs agree (numbers within 0.005).")
    known = sum(1 for expected in size.get("expected", []) if expected is not None)
    if known:
        for who, output in outputs.items():
            wrong = check_expected(output, size["expected"])
            ok &= wrong is None
            name = {"ours": "vlsbench-studio", "peer": "The peer"}[who]
            lines.append(f"**{name} disagrees with the generator's known outcomes**: {wrong}." if wrong
                         else f"{name} matches the generator's known outcomes for {known} of "
                              f"{len(size['results'])} files.")
    print("  " + "\n  ".join(lines), flush=True)
    return " ".join(lines), ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="/tmp/vlsbench-bench", help="folder written by make_data.py")
    parser.add_argument("--sizes", help="comma-separated size names (default: all in the manifest)")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", 5)), help="timed runs each")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs each first (at least 1)")
    parser.add_argument("--bin", default=os.environ.get("VLSBENCH_BIN"), help="vlsbench-studio binary")
    parser.add_argument("--docs", default=os.path.join(ROOT, "docs", "benchmarks.md"))
    parser.add_argument("--no-docs", action="store_true", help="print only")
    parser.add_argument("--peer-only", action="store_true", help="time the peer alone (no docs)")
    args = parser.parse_args()

    manifest_path = os.path.join(args.data, "manifest.json")
    if not os.path.exists(manifest_path):
        sys.exit(f"no {manifest_path}: run python3 tests/bench/make_data.py {args.data} first")
    with open(manifest_path, encoding="utf-8") as f:
        sizes = json.load(f)["sizes"]
    if args.sizes:
        wanted = args.sizes.split(",")
        sizes = [size for size in sizes if size["name"] in wanted]
    binary = None if args.peer_only else find_binary(args.bin)
    if not args.peer_only and not (binary and os.access(binary, os.X_OK)):
        sys.exit("vlsbench-studio not found: build it, set VLSBENCH_BIN, or use --peer-only")
    binary = os.path.abspath(binary) if binary else None

    out_dir = os.path.join(args.data, "out")
    os.makedirs(out_dir, exist_ok=True)
    all_agree = True
    for size in sizes:
        print(f"{size['name']}: {size['items']:,} items, {len(size['results'])} results files", flush=True)
        commands = {"peer": [sys.executable, PEER, *stats_arguments(size)]}
        if binary:
            commands = {"ours": [binary, "stats", *stats_arguments(size)], **commands}
        out_paths = {who: os.path.join(out_dir, f"{size['name']}-{who}.json") for who in commands}

        for _ in range(max(1, args.warmup)):
            for who, command in commands.items():
                run_timed(command, out_paths[who])
        agreement, agree = verify(size, out_paths)
        all_agree &= agree

        result = {who: {"times": [], "rss": []} for who in commands}
        for number in range(args.runs):
            order = list(commands) if number % 2 == 0 else list(reversed(commands))
            for who in order:
                seconds, kib = run_timed(commands[who], out_paths[who])
                result[who]["times"].append(seconds)
                result[who]["rss"].append(kib)
                print(f"  {who:4} run {number + 1}: {seconds:.2f} s, {kib / 1024:,.0f} MB", flush=True)
        for who in commands:
            print(f"  {who:4} median: {statistics.median(result[who]['times']):.2f} s, "
                  f"{statistics.median(result[who]['rss']) / 1024:,.0f} MB", flush=True)

        if binary and not args.no_docs:
            result.update(date=datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                          machine=machine(), version=source_version(), binary=binary,
                          warmup=max(1, args.warmup), agreement=agreement)
            title = f"{size['name']}: {size['items']:,} items, {len(size['results'])} results files"
            update_docs(args.docs, size["name"], title, section(size, result))
            print(f"  updated {args.docs}", flush=True)
    return 0 if all_agree else 1


if __name__ == "__main__":
    sys.exit(main())
