#!/usr/bin/env python3
"""The Python peer of bench_annotate: what a researcher keeping labels in a JSON file would do.

    peer_annotations.py [DIR] [--keys 300] [--repeat 5]

Reads DIR/annotations.json (written by bench_annotate). One label at a time: update the dict and rewrite the
whole file with fsync, so that a crash loses nothing (what the project file guarantees). Import: load the
exchange file, merge it into an empty store keyed by (item, run, annotator), keeping the newer entry, and
write the store.
"""
import json
import os
import statistics
import sys
import time


def save(store, path):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump([dict(item=k[0], run=k[1], annotator=k[2], **v) for k, v in store.items()], f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def main():
    args = sys.argv[1:]
    directory = args[0] if args and not args[0].startswith("--") else "/tmp/vlsbench-annotate-bench"
    keys = int(args[args.index("--keys") + 1]) if "--keys" in args else 300
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 5
    source = os.path.join(directory, "annotations.json")

    imports = []
    store = {}
    for _ in range(repeat):
        start = time.perf_counter()
        data = json.load(open(source))
        store = {}
        for a in data["annotations"]:
            key = (a["item"], a["run"], a["annotator"])
            old = store.get(key)
            if old is None or old["time"] < a["time"]:
                store[key] = {"label": a["label"], "note": a["note"], "time": a["time"]}
        save(store, os.path.join(directory, "peer-store.json"))
        imports.append((time.perf_counter() - start) * 1000)

    per_label = []
    for k in range(keys):
        start = time.perf_counter()
        store[(10**9 + k, "run-0", "ana")] = {"label": 1 + k % 3, "note": "", "time": "2026-11-28T00:00:00.000Z"}
        save(store, os.path.join(directory, "peer-store.json"))
        per_label.append((time.perf_counter() - start) * 1000)
    per_label.sort()
    print("labels in store: %d" % len(store))
    print("one label saved: median %.2f ms, p95 %.2f ms (%d labels)"
          % (statistics.median(per_label), per_label[int(0.95 * len(per_label))], keys))
    print("import all: median %.0f ms (%d runs)" % (statistics.median(imports), repeat))


if __name__ == "__main__":
    main()
