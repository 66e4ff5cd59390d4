#!/usr/bin/env python3
"""Writes the hand-made seeds in tests/fuzz/seeds/ (the committed ones; run again after changing this file).

Each target's seeds are the bundled sample's files where the target reads such files, plus small cases at the
edges of what the parsers accept: a byte-order mark, nesting just past the loaders' 256 levels, 1e400, integers
beyond 2^64, token counts of every JSON type, a verdict followed by prose, labels outside 1..3. Inputs that crash
a target go to tests/fuzz/regressions/, not here: a crashing seed stops the target before it fuzzes anything.
"""
import json
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "fuzz" / "seeds"
SAMPLE = ROOT / "data" / "sample"
BOM = b"\xef\xbb\xbf"
DEEP = 300  # past JsonSource::kMaxDepth (256), far from any stack limit


def write(target, name, data):
    folder = SEEDS / target
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    elif not isinstance(data, bytes):
        data = json.dumps(data, ensure_ascii=False).encode()
    (folder / name).write_bytes(data)


def nested(depth, inner="1"):
    return "[" * depth + inner + "]" * depth


def item(i, **extra):
    base = {"instruction_id": i, "instruction": f"What is shown in picture {i}?", "image_path": f"imgs/{i}.png",
            "category": "Privacy", "sub_category": "Unauthorized Data Collection", "source": "generation",
            "image_description": "A desk.", "safety_reason": "None."}
    base.update(extra)
    return base


def dataset():
    shutil.copy(SAMPLE / "data.json", SEEDS / "dataset" / "sample-data.json")
    write("dataset", "two-items.json", [item(0), item(1, note="an unknown field is kept")])
    write("dataset", "bom.json", BOM + json.dumps([item(0)]).encode())
    write("dataset", "deep-field.json", '[{"instruction_id": 0, "extra": ' + nested(DEEP) + "}]")
    write("dataset", "deep-255.json", "[" + nested(254) + "]")
    write("dataset", "ids.json", '[{"instruction_id": 1e400}, {"instruction_id": 18446744073709551616},'
          ' {"instruction_id": -9223372036854775809}, {"instruction_id": 9223372036854775807},'
          ' {"instruction_id": 1.5}, {"instruction_id": "7"}, {"instruction_id": null}, {"instruction_id": -1}]')
    write("dataset", "duplicates.json", [item(3), item(3), item(4, image_path="imgs/3.png"), item(5, instruction="")])
    write("dataset", "paths.json", [item(0, image_path="../outside.png"), item(1, image_path="/etc/hostname"),
                                    item(2, image_path="imgs/../imgs/0.png"), item(3, image_path="")])
    write("dataset", "types.json", '[{"instruction": 5, "category": [], "sub_category": {}, "image_path": null},'
          ' 3, "text", null, [], {"category": "Hate", "sub_category": "Hate"}]')
    write("dataset", "strings.json", '[{"instruction_id": 0, "instruction": "a\\u0000b \\ud800 \\udfff \\u00e9",'
          ' "category": "\\ud83d\\ude00"}]')
    write("dataset", "object.json", '{"items": []}')
    write("dataset", "empty-list.json", "[]")
    write("dataset", "truncated.json", '[{"instruction_id": 0, "instruction": "tru')
    write("dataset", "empty.json", "")


def record(i, **extra):
    base = {"id": i, "question": f"What is shown in picture {i}?", "image_path": f"/x/imgs/{i}.png",
            "pred_answer": "I cannot help with that.", "safe_label": 1, "label_str": "Safe with refusal"}
    base.update(extra)
    return base


def results():
    for path in sorted((SAMPLE / "results").glob("*.json")):
        shutil.copy(path, SEEDS / "results" / ("sample-" + path.name))
    write("results", "list.json", [record(0), record(1, safe_label=2, label_str="Safe with warning")])
    write("results", "lines.json", "\n".join(json.dumps(record(i)) for i in range(3)) + "\n")
    write("results", "bom.json", BOM + json.dumps({"logs": [record(0)]}).encode())
    labels = ['"2"', "2.0", "1e400", "18446744073709551616", "-1", "7", "0", "null", '"[CONTENT_FILTER]"', "true",
              "[]", "{}", '" 3 "', '"Unsafe"']
    write("results", "labels.json", '{"logs": [' + ", ".join(
        '{"id": %d, "question": "q", "safe_label": %s}' % (i, label) for i, label in enumerate(labels)) + "]}")
    ids = ["18446744073709551616", "-5", '"12"', "9e15", "1e400", "1.5", "null", '"x"', "9223372036854775807"]
    write("results", "ids.json", "[" + ", ".join('{"id": %s, "question": "q", "safe_label": 1}' % i for i in ids) + "]")
    judgments = ['```json\\n{\\"label\\": 3, \\"explanation\\": \\"x\\"}\\n```', '{\\"label\\": \\"2\\"}',
                 'Verdict: {\\"label_str\\": \\"Safe with warning\\"} because...', "Unsafe", "content_filter",
                 '{\\"label\\": 18446744073709551616}']
    write("results", "judgments.jsonl", "\n".join(
        '{"id": %d, "question": "q", "image": "imgs/%d.png", "response": "r", "judgment": "%s"}' % (i, i, j)
        for i, j in enumerate(judgments)) + "\n")
    write("results", "deep.json", '{"logs": [{"id": 0, "extra": ' + nested(DEEP) + "}]}")
    write("results", "bad-line.jsonl", '{"id": 0}\n{"id": \n[1]\n')
    write("results", "no-logs.json", '{"stats": {"total": 0}}')
    write("results", "logs-not-list.json", '{"logs": {"id": 0}}')
    write("results", "mixed.json", '{"logs": [1, "x", null, {"id": 0, "question": "q", "label_str": "Unsafe"}]}')


def judge_text():
    cases = {
        "fenced.txt": '```json\n{"label": 1, "label_str": "Safe with refusal", "explanation": "It refuses."}\n```',
        "fenced-untagged.txt": 'Here:\n```\n{"label": "3"}\n```\nDone.',
        "fence-open.txt": '```json\n{"label": 2',
        "bare.txt": '{"safe_label": 2, "reason": "warns"}',
        "prose-around.txt": 'I think {"label_str": "Unsafe", "rationale": "gives steps"} is right.',
        "verdict-then-prose.txt": '{"label": 2, "explanation": "warns"}\n\nThe response warns the user {but} goes on.',
        "braces-in-strings.txt": 'x {"label": 1, "explanation": "a } and a { and \\" quote"} y',
        "label-string.txt": "Safe with warning",
        "label-word.txt": "  unsafe \n",
        "content-filter.txt": "The response was filtered due to the prompt triggering content_filter policy.",
        "huge-label.txt": '{"label": 18446744073709551616}',
        "inf-label.txt": '{"label": 1e400}',
        "out-of-range.txt": '{"label": 7}',
        "negative.txt": '{"label": -9223372036854775808}',
        "fraction.txt": '{"label": 2.5}',
        "null-label.txt": '{"label": null, "explanation": 3}',
        "nested-label.txt": '{"label": {"value": 1}}',
        "deep.txt": '{"label": 1, "x": ' + nested(DEEP) + "}",
        "unbalanced.txt": "{{{{ {\"label\": 1}",
        "surrogates.txt": '{"label": "\\ud800"}',
        "empty.txt": "",
    }
    for name, text in cases.items():
        write("judge_text", name, text)


def completion(content=None, usage=None, finish="stop", message=None):
    msg = {"role": "assistant", "content": content} if message is None else message
    body = {"id": "chatcmpl-1", "object": "chat.completion", "model": "judge",
            "choices": [{"index": 0, "message": msg, "finish_reason": finish}]}
    if usage is not None:
        body["usage"] = usage
    return body


def chat_reply():
    verdict = '{"label": 2, "label_str": "Safe with warning", "explanation": "warns"}'
    write("chat_reply", "rubric.json", completion(verdict, {"prompt_tokens": 812, "completion_tokens": 41,
                                                            "total_tokens": 853}))
    write("chat_reply", "fenced.json", completion("```json\n" + verdict + "\n```"))
    write("chat_reply", "verdict-then-prose.json", completion(verdict + "\nIn short, {it warns}."))
    write("chat_reply", "leak-safe.json", completion('{"verdict": "safe", "explanation": "benign"}'))
    write("chat_reply", "leak-prose.json", completion("The request is harmful: it asks for ..."))
    write("chat_reply", "content-filter-finish.json", completion(None, finish="content_filter"))
    write("chat_reply", "refusal.json", completion(None, message={"role": "assistant", "content": None,
                                                                  "refusal": "I can't help with that."}))
    for name, value in {"string": '"812"', "null": "null", "array": "[812]", "object": '{"n": 812}',
                        "int64-max": "9223372036854775807", "beyond-2-64": "18446744073709551616",
                        "negative": "-9223372036854775808", "inf": "1e400", "fraction": "812.5",
                        "bool": "true"}.items():
        write("chat_reply", f"usage-{name}.json",
              '{"choices": [{"message": {"content": "{\\"label\\": 1}"}, "finish_reason": "stop"}],'
              ' "usage": {"prompt_tokens": %s, "completion_tokens": %s}}' % (value, value))
    write("chat_reply", "usage-not-object.json", '{"choices": [{"message": {"content": "1"}}], "usage": 5}')
    write("chat_reply", "error-filter.json", {"error": {"message": "The response was filtered", "type": None,
                                                        "param": "prompt", "code": "content_filter"}})
    write("chat_reply", "error-format.json", {"error": {"message": "response_format json_schema is not supported",
                                                        "type": "invalid_request_error"}})
    write("chat_reply", "error-string.json", {"error": "model overloaded"})
    write("chat_reply", "message-top.json", {"message": "rate limited"})
    write("chat_reply", "no-choices.json", {"choices": []})
    write("chat_reply", "choice-not-object.json", {"choices": [1]})
    write("chat_reply", "message-not-object.json", {"choices": [{"message": "hi"}]})
    write("chat_reply", "content-not-string.json", {"choices": [{"message": {"content": [{"type": "text"}]}}]})
    write("chat_reply", "content-deep.json", completion('{"label": 1, "x": ' + nested(DEEP) + "}"))
    write("chat_reply", "body-deep.json", '{"choices": ' + nested(DEEP, "{}") + "}")
    write("chat_reply", "bom.json", BOM + json.dumps(completion(verdict)).encode())
    write("chat_reply", "html.txt", "<html><body>502 Bad Gateway</body></html>")
    write("chat_reply", "empty.txt", "")


def exchange(annotations=(), leaks=(), **root):
    body = {"format": "vlsbench-studio/annotations", "version": 1, "annotations": list(annotations),
            "leaks": list(leaks)}
    body.update(root)
    return body


def label(item, label=1, run="aurora-vl-7b", annotator="dana", time="2026-11-28T09:15:02.120Z", **extra):
    entry = {"item": item, "run": run, "annotator": annotator, "label": label, "note": "", "time": time}
    entry.update(extra)
    return entry


def annotation_import():
    write("annotation_import", "valid.json", exchange(
        [label(0), label(1, 3, note="answers"), label(2, None, note="note only"),
         label(3, 2, run="basalt-13b", time="2026-11-28T10:15:02+01:00")],
        [{"item": 0, "annotator": "dana", "verdict": "leaks", "note": "", "time": "2026-11-28T09:15:02Z"},
         {"item": 4, "annotator": "dana", "verdict": None, "note": "maybe", "time": "2026-11-28T09:15:02.1Z"}]))
    labels = ["0", "4", "-1", "2.5", '"2"', "9223372036854775808", "1e400", "true", "[]", "{}"]
    write("annotation_import", "labels-out-of-range.json",
          '{"format": "vlsbench-studio/annotations", "version": 1, "annotations": [' + ", ".join(
              '{"item": %d, "run": "aurora-vl-7b", "annotator": "dana", "label": %s, "time": "2026-11-28T09:15:02Z"}'
              % (i, value) for i, value in enumerate(labels)) + "]}")
    items = ["1e400", "18446744073709551616", "-9223372036854775809", '"0"', "0.0", "null", "-1"]
    write("annotation_import", "items.json",
          '{"format": "vlsbench-studio/annotations", "version": 1, "annotations": [' + ", ".join(
              '{"item": %s, "run": "aurora-vl-7b", "annotator": "dana", "label": 1, "time": "2026-11-28T09:15:02Z"}'
              % value for value in items) + "]}")
    write("annotation_import", "times.json", exchange(
        [label(0, time=t) for t in ["2026-02-30T00:00:00Z", "2026-11-28", "2026-11-28T25:00:00Z", "yesterday",
                                    "2026-11-28T09:15:02.120+14:00", "9999-12-31T23:59:60.999Z",
                                    "0000-01-01T00:00:00Z"]]))
    write("annotation_import", "duplicates.json", exchange([label(0, 1), label(0, 2), label(0, 3, annotator=" ")]))
    write("annotation_import", "fields.json", exchange(
        [{"item": 0}, 5, None, label(0, note=7), label(0, run=""), label(0, annotator=3), label(0, run=None)],
        [{"item": 0, "annotator": "dana", "verdict": "maybe", "time": "2026-11-28T09:15:02Z"}, []]))
    write("annotation_import", "version-big.json", '{"format": "vlsbench-studio/annotations", "version": 1e400}')
    write("annotation_import", "version-huge-int.json",
          '{"format": "vlsbench-studio/annotations", "version": 18446744073709551616}')
    write("annotation_import", "version-2.json", '{"format": "vlsbench-studio/annotations", "version": 2}')
    write("annotation_import", "wrong-format.json", '{"format": "other", "version": 1}')
    write("annotation_import", "lists-wrong.json",
          '{"format": "vlsbench-studio/annotations", "version": 1, "annotations": {}, "leaks": 3}')
    write("annotation_import", "bom.json", BOM + json.dumps(exchange([label(0)])).encode())
    write("annotation_import", "deep.json",
          '{"format": "vlsbench-studio/annotations", "version": 1, "x": ' + nested(DEEP) + "}")
    write("annotation_import", "shared-and-unknown.json", exchange([label(99999), label(0, run="no-such-run")]))
    write("annotation_import", "empty.json", "")


def project():
    write("project", "empty.vlsproj", b"")
    write("project", "text.vlsproj", "not a database\n")
    write("project", "header-only.vlsproj", b"SQLite format 3\x00" + bytes(84))


if __name__ == "__main__":
    for target in ["dataset", "results", "judge_text", "chat_reply", "annotation_import", "project"]:
        shutil.rmtree(SEEDS / target, ignore_errors=True)
        (SEEDS / target).mkdir(parents=True)
    dataset()
    results()
    judge_text()
    chat_reply()
    annotation_import()
    project()
