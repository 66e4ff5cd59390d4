#!/usr/bin/env python3
"""Compare two `stats --format json` outputs.

    python3 tests/bench/compare_stats.py A.json B.json [--tolerance 0.005]

Numbers may differ by the tolerance (rates are rounded to two decimals); everything else must
be equal. File paths ("dataset.path", "runs[i].file") are compared by file name only, and a
difference there is reported as a note, not a failure: the two programs may spell the same
file differently. Exit status 0 when the outputs agree, 1 with the first difference otherwise.
"""

import argparse
import json
import os
import sys

PATH_FIELDS = ("path", "file")


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def first_difference(a, b, tolerance=0.005, where="", notes=None):
    """A description of the first place where a and b differ, or None."""
    if _is_number(a) and _is_number(b):
        return None if abs(a - b) <= tolerance else f"{where or '<top>'}: {a!r} != {b!r}"
    if type(a) is not type(b):
        return f"{where or '<top>'}: {type(a).__name__} {a!r:.80} != {type(b).__name__} {b!r:.80}"
    if isinstance(a, dict):
        if set(a) != set(b):
            missing, extra = sorted(set(a) - set(b)), sorted(set(b) - set(a))
            return f"{where or '<top>'}: keys only in first {missing}, only in second {extra}"
        for key in a:
            inner = f"{where}.{key}" if where else key
            if key in PATH_FIELDS and isinstance(a[key], str) and isinstance(b[key], str):
                if os.path.basename(a[key]) != os.path.basename(b[key]) and notes is not None:
                    notes.append(f"{inner}: {a[key]!r} vs {b[key]!r}")
                continue
            found = first_difference(a[key], b[key], tolerance, inner, notes)
            if found:
                return found
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{where or '<top>'}: {len(a)} entries != {len(b)} entries"
        for position, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, tolerance, f"{where}[{position}]", notes)
            if found:
                return found
        return None
    return None if a == b else f"{where or '<top>'}: {a!r:.80} != {b!r:.80}"


def check_expected(output, expected_runs):
    """First disagreement between an output and make_data.py's known outcomes, or None."""
    for position, (run, expected) in enumerate(zip(output.get("runs", []), expected_runs)):
        if expected is None:
            continue
        for key, value in expected.items():
            found = first_difference(run.get(key), value, 0, f"runs[{position}].{key}")
            if found:
                return found
    return None


def main():
    parser = argparse.ArgumentParser(description="Compare two stats outputs.")
    parser.add_argument("first")
    parser.add_argument("second")
    parser.add_argument("--tolerance", type=float, default=0.005)
    args = parser.parse_args()
    with open(args.first, encoding="utf-8") as f:
        first = json.load(f)
    with open(args.second, encoding="utf-8") as f:
        second = json.load(f)
    notes = []
    difference = first_difference(first, second, args.tolerance, notes=notes)
    for note in notes:
        print(f"note: paths differ: {note}")
    if difference:
        print(f"DIFFERENT: {difference}")
        return 1
    print("same (within tolerance)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
