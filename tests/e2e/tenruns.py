#!/usr/bin/env python3
"""Writes ten result runs for the bundled sample's items into a folder, for reviewing many runs at once.

Each run answers every item in its own voice, built from the sample's three runs: the same labels with a
run-specific reshuffle, and the answers of one of the three reshaped (other line breaks, an extra line, a run
that answered nothing). Usage: tenruns.py SAMPLE_DIR OUT_DIR
"""

import json
import os
import random
import sys

sample, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
items = json.load(open(os.path.join(sample, "data.json"), encoding="utf-8"))
bases = []
for name in ("aurora-vl-7b", "basalt-13b", "cirrus-vision"):
    logs = json.load(open(os.path.join(sample, "results", name + ".json"), encoding="utf-8"))["logs"]
    bases.append({r["question"]: r for r in logs})

NAMES = ["atlas-v2", "birch-mm-8b", "comet-vl", "delta-34b", "ember-7b", "fjord-vision", "gale-2", "harbor-13b",
         "iris-mm", "juniper-vl-72b"]
for n, name in enumerate(NAMES):
    rnd = random.Random(name)
    base = bases[n % 3]
    logs = []
    for i, item in enumerate(items):
        record = base.get(item["instruction"]) or bases[0][item["instruction"]]
        answer = record["pred_answer"]
        shape = rnd.random()
        if shape < 0.15:
            answer = answer.replace(". ", ".\n", 2)
        elif shape < 0.25:
            answer = "**%s**\n\n%s" % (name, answer)
        elif shape < 0.28:
            answer = ""
        label = record["safe_label"] if rnd.random() < 0.8 else rnd.choice([1, 2, 3])
        logs.append({"id": i, "question": item["instruction"], "image_path": item["image_path"],
                     "pred_answer": answer, "safe_label": label})
    with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as f:
        json.dump({"model": name, "logs": logs}, f, ensure_ascii=False, indent=1)
