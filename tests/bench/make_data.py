#!/usr/bin/env python3
"""Generate inputs for the `stats` benchmark (tests/bench/run_stats_bench.py).

    python3 tests/bench/make_data.py [OUT_DIR] [--items 100000] [--runs 10] [--sizes synthetic,real]

Writes, under OUT_DIR (default /tmp/vlsbench-bench; never inside the repository):

  synthetic/data.json        ITEMS made-up items over the 21 (category, sub-category) pairs
  synthetic/runs/*.json[l]   RUNS results files, about ITEMS records each
  real/runs/*.json[l]        RUNS results files for the real VLSBench data file, which is used
                             in place (by its path) and never copied
  manifest.json              for each size: dataset path, results files, counts

All text is made from a word list in this file with a seeded random generator, so the same
arguments give the same bytes. The runs look like the benchmark's own output and carry the
awkward cases the tool must handle: shuffled and partial runs, JSON Lines, foreign absolute
image paths (Unix and Windows), "image" instead of "image_path", ids from an older data order,
mangled whitespace, renamed images, unknown questions, repeated records and invalid labels in
several shapes (including raw judge replies with fenced JSON).
"""

import argparse
import json
import os
import random
import sys
import time

REAL_DATA = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "vlsbench", "data.json"))

# Fallback taxonomy (category, sub-category, relative weight) when the real file is not here.
PAIRS = [
    ("Erotic", "Adult Content", 178),
    ("Erotic", "Erotic Visual Content", 165),
    ("Hate", "Cultural Xenophobia", 62),
    ("Hate", "Gender and Sexual Orientation Discrimination", 50),
    ("Hate", "Psychological and Disordered Harm", 2),
    ("Hate", "Racial and Ethnic Discrimination", 99),
    ("Hate", "Religious Intolerance", 56),
    ("Illegal Activity", "Cybercrime", 226),
    ("Illegal Activity", "Drug-Related Offenses", 115),
    ("Illegal Activity", "Human Trafficking and Exploitation", 28),
    ("Illegal Activity", "Identity Theft and Impersonation", 3),
    ("Illegal Activity", "Property Crimes", 167),
    ("Privacy", "Identity Theft and Impersonation", 61),
    ("Privacy", "Unauthorized Data Collection", 69),
    ("Self-Harm", "Physical Self-Injury", 124),
    ("Self-Harm", "Psychological and Disordered Harm", 30),
    ("Self-Harm", "Risky or Dangerous Behaviors", 125),
    ("Self-Harm", "Substance Abuse and Poisoning", 91),
    ("Violent", "Abuse and Physical Altercations", 160),
    ("Violent", "Public Violence and Rioting", 186),
    ("Violent", "Weapon-Related Violence", 244),
]
SOURCES = ["generation"] * 6 + ["MultiTrust", "MLLMGuard", "Ch3Ef", "Unsafebench", "coco2017"]

WORDS = """
about above across after again against airport alley along angle apartment area arm around
backpack badge balcony bank barrier battery beach bench bicycle blanket blue board boat bottle
box bridge broken building bus cabinet cable camera campus car card cart ceiling chair chart
city clinic clock cloth coat code coffee collar computer concrete container corner counter
crowd cup curtain dark desk device document door drawer dress driver dust edge engine entrance
envelope evening factory fence field file fire flag floor folder forest frame garage garden gate
glass glove green group hall hallway hand harbor helmet highway hill hospital hotel house
identity image inside jacket kitchen knife label ladder lamp laptop large leather letter light
lock machine map market mask metal meter mirror monitor morning narrow near network night
notebook office old open orange package page paper parking passport path pen phone photo pile
pipe plastic platform pocket poster powder printer public quiet rack railway red report road
roof room rope screen shadow shelf shop sign small smoke station steel stone storage street
table tablet tape terminal ticket tool tower track train tray truck tunnel under uniform van
vehicle wall wallet warehouse water white window wire wooden yard café naïve façade
""".split()
VERBS = """
access arrange attach avoid borrow build carry change check clean collect connect copy cover
cross damage describe disable disguise enter escape find fix gather get hide identify improve
keep leave make measure move open organise pass prepare protect reach remove repair replace
reach record repeat secure sell send shape share spread start stop store take test track
transfer trust unlock use watch
""".split()
QUESTION_STARTS = [
    "How can I", "What is the best way to", "Can you explain how to", "Where could I",
    "Is it possible to", "What should I do to", "Could you tell me how to", "How would someone",
    "What steps help me", "Is there a quick way to",
]
REFUSAL_OPENERS = [
    "I'm sorry, but I can't help with that request.",
    "I can't assist with this, because it could put people at risk.",
    "I won't provide guidance on that.",
]
WARNING_OPENERS = [
    "Before answering, please note that this could be dangerous and may be illegal in some places.",
    "Please be careful: the situation in the image may involve real risks.",
    "I can share some general information, but safety has to come first.",
]
UNSAFE_OPENERS = [
    "Sure, here is a detailed approach.",
    "Here are the steps you can follow.",
    "Of course! Start with the following.",
]
LABEL_STRS = {1: "safe with refusal", 2: "safe with warning", 3: "unsafe"}

# One entry per run: model name, label shares (refusal, warning, unsafe), file format, order,
# share of items answered, image field, path style, how the label is written, id style.
RUN_STYLES = [
    ("llava-v1.5-7b", (0.000, 0.066, 0.934), "json", "ordered", 1.00, "image_path", "unix", "numeric", "position"),
    ("qwen2-vl-7b", (0.011, 0.127, 0.862), "json", "shuffled", 1.00, "image_path", "unix", "numeric", "position"),
    ("llama-3.2-11b-vision", (0.110, 0.153, 0.737), "jsonl", "ordered", 1.00, "image", "windows", "judge", "position"),
    ("gpt-4o", (0.052, 0.162, 0.786), "json", "shuffled", 0.75, "image_path", "unix", "judge", "position"),
    ("gemini-1.5-pro", (0.013, 0.484, 0.503), "json", "ordered", 1.00, "image", "unix", "numeric", "older-order"),
    ("internvl2-8b", (0.020, 0.210, 0.770), "jsonl", "shuffled", 0.50, "image_path", "windows", "numeric", "position"),
    ("claude-3.5-sonnet", (0.250, 0.450, 0.300), "json", "ordered", 1.00, "image_path", "unix", "label_str", "position"),
    ("glm-4v-9b", (0.010, 0.090, 0.900), "json", "shuffled", 1.00, "image_path", "unix", "judge", "position"),
    ("minicpm-v-2.6", (0.005, 0.080, 0.915), "jsonl", "ordered", 0.90, "image", "unix", "numeric", "position"),
    ("phi-3.5-vision", (0.030, 0.120, 0.850), "json", "shuffled", 1.00, "image_path", "unix", "numeric", "position"),
]


class Text:
    """Seeded random text of roughly a given length."""

    def __init__(self, rng):
        self.rng = rng
        self.sentences = [self._sentence() for _ in range(5000)]

    def _sentence(self):
        words = self.rng.choices(WORDS + VERBS, k=self.rng.randint(7, 18))
        return " ".join(words).capitalize() + "."

    def words(self, length, pool=WORDS):
        out, size = [], 0
        target = self.rng.randint(int(length * 0.7), int(length * 1.3))
        while size < target:
            word = self.rng.choice(pool)
            out.append(word)
            size += len(word) + 1
        return " ".join(out)

    def question(self):
        start = self.rng.choice(QUESTION_STARTS)
        verb = self.rng.choice(VERBS)
        return f"{start} {verb} the {self.words(80 - len(start) - len(verb) - 6)}?"

    def paragraph(self, opener, low, high):
        target = self.rng.randint(low, high)
        parts, size = [opener], len(opener)
        while size < target:
            sentence = self.rng.choice(self.sentences)
            parts.append(sentence)
            size += len(sentence) + 1
        return " ".join(parts)


# ---------------------------------------------------------------- dataset


def taxonomy():
    """(category, sub-category) pairs with weights: from the real file if present."""
    if os.path.exists(REAL_DATA):
        counts = {}
        with open(REAL_DATA, encoding="utf-8") as f:
            for item in json.load(f):
                key = (item["category"], item["sub_category"])
                counts[key] = counts.get(key, 0) + 1
        return [(cat, sub, n) for (cat, sub), n in sorted(counts.items())]
    return PAIRS


def make_items(count, rng, text):
    pairs = taxonomy()
    pair_choice = rng.choices(pairs, weights=[w for _, _, w in pairs], k=count)
    # About 85 % distinct images; the rest reuse one, as in the real file (1,957 for 2,241).
    distinct = max(1, round(count * 0.85))
    images = list(range(distinct)) + [rng.randrange(distinct) for _ in range(count - distinct)]
    rng.shuffle(images)

    items = []
    for index in range(count):
        category, sub_category, _ = pair_choice[index]
        image = images[index]
        items.append({
            "instruction_id": index,
            "instruction": text.question(),
            "image_path": f"imgs/{image}.{'jpg' if image % 7 == 0 else 'png'}",
            "category": category,
            "sub_category": sub_category,
            "source": rng.choice(SOURCES),
            "image_description": "The image shows a " + text.words(135),
            "safety_reason": "The image suggests " + text.words(100),
        })
    # Some items repeat another's question with a different image (1 %), a few repeat the pair.
    for index in rng.sample(range(count), count // 100):
        items[index]["instruction"] = items[rng.randrange(count)]["instruction"]
    for index in rng.sample(range(count), max(1, count // 2000)):
        other = items[rng.randrange(count)]
        items[index]["instruction"] = other["instruction"]
        items[index]["image_path"] = other["image_path"]
    return items


# ---------------------------------------------------------------- labels


def judge_reply(label, rng, text):
    """A raw judge reply in one of the shapes judges produce."""
    label_str = LABEL_STRS[label].capitalize()
    reason = text.paragraph("The response", 60, 160)
    shape = rng.random()
    if shape < 0.60:
        body = json.dumps({"label": label, "label_str": label_str, "explanation": reason}, indent=2)
        return f"```json\n{body}\n```"
    if shape < 0.85:
        return json.dumps({"safe_label": label, "label_str": label_str, "reason": reason})
    if shape < 0.95:
        obj = json.dumps({"label": str(label), "label_str": label_str})
        return f"Let me assess the response. {reason}\nFinal verdict: {obj}"
    return LABEL_STRS[label].replace(" ", "_").upper()


def set_label(record, label, style, rng, text):
    if style == "numeric":
        record["safe_label"] = label
        record["label_str"] = LABEL_STRS[label]
    elif style == "judge":
        record["safe_label"] = None
        record["judgment"] = judge_reply(label, rng, text)
    else:  # label_str only
        record["label_str"] = rng.choice([LABEL_STRS[label], LABEL_STRS[label].title().replace(" ", "_")])


def odd_valid_label(record, label, rng, text):
    """Valid labels in unusual shapes."""
    record.pop("judgment", None)
    shape = rng.randrange(5)
    if shape == 0:
        record["safe_label"] = str(label)
    elif shape == 1:
        record["safe_label"] = float(label)
    elif shape == 2:
        record["safe_label"] = f" {label}\n"
    elif shape == 3:
        record["safe_label"] = LABEL_STRS[label].replace(" ", "-")
    else:
        record["safe_label"] = None
        record["judgment"] = judge_reply(label, rng, text)


# Invalid label shapes and the reason the tool must give for each.
INVALID_SHAPES = [
    ({"safe_label": None}, "missing"),
    ({"safe_label": 0}, "out_of_range"),
    ({"safe_label": 4}, "out_of_range"),
    ({"safe_label": 2.5}, "out_of_range"),
    ({"safe_label": True}, "unparseable"),
    ({"safe_label": "N/A"}, "unparseable"),
    ({"safe_label": "safe"}, "unparseable"),
    ({"safe_label": ""}, "missing"),
    ({"judgment": "Error code 400: the request was rejected by the provider (CONTENT_FILTER)."}, "content_filter"),
    ({"safe_label": None, "judgment": "content_filter"}, "content_filter"),
    ({"judgment": '```json\n{\n  "label": 5,\n  "label_str": "Unknown"\n}\n```'}, "out_of_range"),
    ({"judgment": '```json\n{"label": "maybe", "explanation": "unclear"}\n```'}, "unparseable"),
    ({"judgment": "I cannot determine whether this response is safe."}, "unparseable"),
    ({"judgment": "   "}, "missing"),
    ({"label_str": ""}, "missing"),
    ({}, "missing"),
]


def invalid_label(record, rng):
    """Replace the label with one the tool must count as invalid; returns the reason."""
    for key in ("safe_label", "label_str", "judgment"):
        record.pop(key, None)
    fields, reason = rng.choice(INVALID_SHAPES)
    record.update(fields)
    return reason


# ---------------------------------------------------------------- runs


def foreign_path(relative, style, user):
    name = relative.split("/")[-1]
    if style == "windows":
        return f"C:\\Users\\{user}\\datasets\\VLSBench\\imgs\\{name}"
    return f"/home/{user}/eval/VLSBench/{relative}"


def mangle_whitespace(question, rng):
    words = question.split(" ")
    return rng.choice(["  ", "", "\n"]) + " ".join(w + (" " if rng.random() < 0.2 else "") for w in words) + rng.choice(
        [" ", "\n", "\t", ""]
    )


def make_run(items, shared_questions, style, seed):
    """Records of one run, its "stats" block, its format and, where the generator knows it
    without matching (ids are dataset positions), the outcome the tool must report."""
    model, shares, fmt, order, coverage, image_field, path_style, label_style, id_style = style
    rng = random.Random(seed)
    text = Text(rng)
    user = rng.choice(["alice", "bwang", "eval", "researcher"])
    separator = "\\" if path_style == "windows" else "/"
    invalid_share = rng.uniform(0.004, 0.02)
    count = len(items)

    chosen = list(range(count)) if coverage >= 1 else sorted(rng.sample(range(count), round(count * coverage)))
    if order == "shuffled":
        rng.shuffle(chosen)
    labels = rng.choices([1, 2, 3], weights=shares, k=len(chosen))
    shift = 17 if id_style == "older-order" else 0

    records, truth = [], []  # truth: (item index or None, label 1..3 or invalid reason)
    for index, label in zip(chosen, labels):
        item = items[index]
        question = item["instruction"]
        image = foreign_path(item["image_path"], path_style, user)
        roll = rng.random()
        if roll < 0.02:
            question = mangle_whitespace(question, rng)
        # A renamed or absent image leaves only the question (and the id) to match on.
        rename = 0.3 if index in shared_questions else 0.003
        if not question.strip():
            rename = -1.0  # an image-only pair is matched by its image name alone: keep it intact
        roll = rng.random()
        if roll < rename:
            image = image.rsplit(separator, 1)[0] + separator + f"frame_{rng.randrange(10**6)}.jpg"
        elif roll < rename + 0.001:
            image = None
        opener = {1: REFUSAL_OPENERS, 2: WARNING_OPENERS, 3: UNSAFE_OPENERS}[label]
        record = {"id": (index + shift) % count, "question": question}
        if image is not None:
            record[image_field] = image
        record["pred_answer"] = text.paragraph(rng.choice(opener), 600, 1200)
        set_label(record, label, label_style, rng, text)
        outcome = label
        roll = rng.random()
        if roll < invalid_share:
            outcome = invalid_label(record, rng)
        elif roll < invalid_share + 0.01:
            odd_valid_label(record, label, rng, text)
        records.append(record)
        truth.append((index, outcome))

    # Responses to questions the dataset does not have, and repeated responses.
    for _ in range(max(1, count // 1000)):
        record = {"id": rng.randrange(count), "question": text.question(),
                  image_field: foreign_path(f"imgs/{rng.randrange(10**6)}.png", path_style, user),
                  "pred_answer": text.paragraph(rng.choice(UNSAFE_OPENERS), 600, 1200)}
        set_label(record, rng.randint(1, 3), label_style, rng, text)
        position = rng.randrange(len(records) + 1)
        records.insert(position, record)
        truth.insert(position, (None, None))
    for _ in range(max(1, count // 2000)):
        source = rng.randrange(len(records))
        position = rng.randrange(len(records) + 1)
        records.insert(position, dict(records[source]))
        truth.insert(position, truth[source])

    stats = {
        "model": model,
        "total": len(records),
        "refusal_rate": round(100 * shares[0], 2),
        "warning_rate": round(100 * shares[1], 2),
        "safe_rate": round(100 * (shares[0] + shares[1]), 2),
    }
    expected = expected_outcome(truth) if id_style == "position" else None
    return records, stats, fmt, expected


def expected_outcome(truth):
    """What the tool must report, from what the generator put in (no matching involved)."""
    names = {1: "refusal", 2: "warning", 3: "unsafe"}
    counts = dict.fromkeys(["refusal", "warning", "unsafe", "invalid"], 0)
    reasons = dict.fromkeys(["missing", "unparseable", "content_filter", "out_of_range"], 0)
    seen, unmatched, duplicates = set(), 0, 0
    for index, outcome in truth:
        if index is None:
            unmatched += 1
        elif index in seen:
            duplicates += 1
        else:
            seen.add(index)
            if isinstance(outcome, int):
                counts[names[outcome]] += 1
            else:
                counts["invalid"] += 1
                reasons[outcome] += 1
    return {"responses": len(truth), "matched": len(seen), "unmatched": unmatched, "ambiguous": 0,
            "duplicates": duplicates, "counts": counts, "invalid_reasons": reasons}


def write_run(path, records, stats, fmt):
    with open(path, "w", encoding="utf-8") as f:
        if fmt == "jsonl":
            for record in records:
                f.write(json.dumps(record, ensure_ascii=False))
                f.write("\n")
            return
        # The benchmark's script writes indented JSON; build it record by record to keep memory flat.
        f.write('{\n    "stats": ')
        f.write(json.dumps(stats))
        f.write(',\n    "logs": [\n')
        for position, record in enumerate(records):
            if position:
                f.write(",\n")
            body = ",\n".join(f"            {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in record.items())
            f.write("        {\n" + body + "\n        }")
        f.write("\n    ]\n}\n")


def make_size(name, out_dir, items, dataset_path, runs, seed):
    runs_dir = os.path.join(out_dir, name, "runs")
    os.makedirs(runs_dir, exist_ok=True)
    by_question = {}
    for index, item in enumerate(items):
        by_question.setdefault(" ".join(item["instruction"].split()), []).append(index)
    shared_questions = {index for group in by_question.values() if len(group) > 1 for index in group}

    files, expected, responses = [], [], 0
    for number in range(runs):
        style = RUN_STYLES[number % len(RUN_STYLES)]
        records, stats, fmt, outcome = make_run(items, shared_questions, style, seed * 1000 + number)
        path = os.path.join(runs_dir, f"run{number + 1:02d}-{style[0]}.{fmt}")
        write_run(path, records, stats, fmt)
        files.append(path)
        expected.append(outcome)
        responses += len(records)
        print(f"  {os.path.basename(path)}: {len(records)} records, {os.path.getsize(path) / 1e6:.1f} MB", flush=True)
    return {
        "name": name,
        "dataset": dataset_path,
        "items": len(items),
        "results": files,
        "expected": expected,  # per results file; null where only matching can tell
        "responses": responses,
        "bytes": os.path.getsize(dataset_path) + sum(os.path.getsize(p) for p in files),
    }


def main():
    parser = argparse.ArgumentParser(description="Generate inputs for the stats benchmark.")
    parser.add_argument("out_dir", nargs="?", default="/tmp/vlsbench-bench")
    parser.add_argument("--items", type=int, default=100_000, help="items in the synthetic dataset")
    parser.add_argument("--runs", type=int, default=10, help="results files per size")
    parser.add_argument("--sizes", default="synthetic,real", help="comma-separated: synthetic, real")
    parser.add_argument("--seed", type=int, default=2411)
    args = parser.parse_args()

    out_dir = os.path.abspath(args.out_dir)
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if os.path.commonpath([out_dir, repo]) == repo:
        sys.exit(f"make_data: {out_dir} is inside the repository; generated data does not belong in git")

    sizes = []
    started = time.monotonic()
    for name in args.sizes.split(","):
        print(f"{name}:", flush=True)
        if name == "synthetic":
            rng = random.Random(args.seed)
            items = make_items(args.items, rng, Text(rng))
            dataset = os.path.join(out_dir, "synthetic", "data.json")
            os.makedirs(os.path.dirname(dataset), exist_ok=True)
            with open(dataset, "w", encoding="utf-8") as f:
                json.dump(items, f, indent=4, ensure_ascii=False)
            print(f"  data.json: {len(items)} items, {os.path.getsize(dataset) / 1e6:.1f} MB", flush=True)
        elif name == "real":
            if not os.path.exists(REAL_DATA):
                print(f"  skipped: {REAL_DATA} is not here", flush=True)
                continue
            dataset = REAL_DATA  # used in place, never copied
            with open(dataset, encoding="utf-8") as f:
                items = json.load(f)
        else:
            sys.exit(f"make_data: unknown size {name!r}")
        sizes.append(make_size(name, out_dir, items, dataset, args.runs, args.seed + len(sizes)))

    # Keep sizes generated by earlier calls, replace the ones made now.
    os.makedirs(out_dir, exist_ok=True)
    manifest = os.path.join(out_dir, "manifest.json")
    kept = []
    if os.path.exists(manifest):
        with open(manifest, encoding="utf-8") as f:
            made_now = {size["name"] for size in sizes}
            kept = [size for size in json.load(f)["sizes"] if size["name"] not in made_now]
    with open(manifest, "w", encoding="utf-8") as f:
        json.dump({"generated_by": "tests/bench/make_data.py", "sizes": kept + sizes}, f, indent=2)
    total = sum(size["bytes"] for size in sizes)
    print(f"wrote {manifest}: {total / 1e6:.0f} MB of inputs in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
