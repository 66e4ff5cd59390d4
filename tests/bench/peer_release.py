#!/usr/bin/env python3
"""The peer of `vlsbench-studio export-dataset` for docs/benchmarks.md: what a researcher would write instead.

    python3 tests/bench/peer_release.py DATA_JSON CHANGES_JSON OUTPUT

Loads the data file with the json module, applies the same curation (the edited fields and the exclusions that
`export-changes --format json` lists), and dumps the list back with json, indented as the benchmark's files are.
Unlike export-dataset it rewrites every item, so its output is not byte for byte the input where nothing changed.
"""
import json
import sys


def main():
    data_path, changes_path, output = sys.argv[1:4]
    with open(data_path, encoding="utf-8") as f:
        data = json.load(f)
    with open(changes_path, encoding="utf-8") as f:
        changes = json.load(f)
    edits = {}
    for change in changes["fields"]:
        edits.setdefault(change["item"], {})[change["field"]] = change["new"]
    excluded = {x["item"] for x in changes["excluded"]}
    released = []
    for item in data:
        iid = item.get("instruction_id") if isinstance(item, dict) else None
        if iid in excluded:
            continue
        if iid in edits:
            item.update(edits[iid])
        released.append(item)
    with open(output, "w", encoding="utf-8") as f:
        json.dump(released, f, ensure_ascii=False, indent=4)
    print(f"{len(released)} of {len(data)} items written", file=sys.stderr)


if __name__ == "__main__":
    main()
