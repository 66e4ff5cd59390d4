#!/usr/bin/env python3
"""Fills in the English plural forms of every "%n thing(s)" message, so English speakers read "1 run" and
"3 runs" rather than "run(s)".

The build runs it on lupdate's plural-only extract of the sources (see resources/CMakeLists.txt) and compiles
the result into vlsbench-studio_en.qm, which is always installed under the user's own language.

Usage: english_plurals.py IN.ts OUT.ts
"""

import re
import sys
import xml.etree.ElementTree as ET

# "entr(y/ies)" for irregular words, then "(es)" and "(s)".
IRREGULAR = re.compile(r"(\w+)\((\w+)/(\w+)\)")


def forms(source):
    singular = IRREGULAR.sub(lambda m: m.group(1) + m.group(2), source)
    plural = IRREGULAR.sub(lambda m: m.group(1) + m.group(3), source)
    singular = singular.replace("(es)", "").replace("(s)", "")
    plural = plural.replace("(es)", "es").replace("(s)", "s")
    return singular, plural


def main(source_path, out_path):
    tree = ET.parse(source_path)
    root = tree.getroot()
    root.set("language", "en")
    for message in root.iter("message"):
        if message.get("numerus") != "yes":
            continue
        singular, plural = forms(message.findtext("source"))
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        translation.text = None
        for text in (singular, plural):
            form = ET.SubElement(translation, "numerusform")
            form.text = text
    tree.write(out_path, encoding="utf-8", xml_declaration=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
