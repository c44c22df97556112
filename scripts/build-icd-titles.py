#!/usr/bin/env python3
"""Builds the official ICD-10-CM titles that the question generator uses to describe diagnosis options.

Input: ../shared/reference/icd10cm.tsv.gz (CMS/CDC tables, public domain) and the content folders to
scan (default: Content/ of this repository; more folders may follow, e.g. other branches' Content/).
Output: Sources/CodingContent/Resources/icd10cm-titles.txt.

Kept: the codes some content file names (every ICD-10-CM code written in a .md file of the folders,
plus its category), and the official siblings of each named billable code that the generator may
offer as distractors: billable codes of the same category valid on the table's last day, all of
them when the category has at most 12, else those one axis away (the same length, one character
different: specificity, laterality, with/without; for injury codes not the fourth character, another
body part, and as the seventh only A, B, D or S, the encounters a coder weighs). The resource stays
small (about 320 KB); a code without a title here is offered without a description. Re-run after
adding content with new codes.

Line format: the code without the dot, a tab, the official title: `M1651\tUnilateral primary osteoarthritis, right hip`;
a code that cannot be reported today (a header, or a code no longer valid) has a third field `H`.

Usage: python3 scripts/build-icd-titles.py [--reference DIR] [CONTENT_DIR ...]
(the shipped file was built with: Content Tests, so test fixtures are covered)
"""
import gzip
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
args = sys.argv[1:]
ref = os.path.join(root, "..", "shared", "reference")
if args[:1] == ["--reference"]:
    ref, args = args[1], args[2:]
folders = args or [os.path.join(root, "Content")]
out = os.path.join(root, "Sources", "CodingContent", "Resources", "icd10cm-titles.txt")

titles = {}
ranges = {}
with gzip.open(os.path.join(ref, "icd10cm.tsv.gz"), "rt", encoding="utf-8") as f:
    for line in f:
        if line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) >= 4 and cols[3]:
            titles[cols[0]] = cols[3]
            if cols[1] == "B":
                ranges[cols[0]] = [r.split("-") for r in cols[2].split(",") if "-" in r]
last = max(int(to) for spans in ranges.values() for _, to in spans)
# Reportable now: billable on the table's last day.
billable = {c for c, spans in ranges.items() if any(int(a) <= last <= int(b) for a, b in spans)}

pattern = re.compile(r"\b([A-TV-Z][0-9][0-9A-Z])(?:\.?([0-9A-Z]{1,4}))?\b")
wanted = set()
for folder in folders:
    for dirpath, _, files in os.walk(folder):
        for name in files:
            if not name.endswith(".md"):
                continue
            with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as f:
                for m in pattern.finditer(f.read()):
                    code = m.group(1) + (m.group(2) or "")
                    if code in titles:
                        wanted.add(code)
                        wanted.add(m.group(1))



def one_axis(sibling, code):
    """Whether `sibling` differs from `code` in one character that a coder decides from the note."""
    if len(sibling) != len(code):
        return False
    diff = [i for i, (a, b) in enumerate(zip(sibling, code)) if a != b]
    if len(diff) != 1:
        return False
    if diff[0] == 6 and sibling[6] not in "ABDS":
        return False
    return not (diff[0] == 3 and code[0] in "ST")


by_category = {}
for c in billable:
    by_category.setdefault(c[:3], []).append(c)
siblings = set()
for code in wanted:
    if code not in billable or len(code) < 4:
        continue
    category = by_category.get(code[:3], [])
    for s in category:
        if s != code and (len(category) <= 12 or one_axis(s, code)):
            siblings.add(s)
kept = wanted | siblings

with open(out, "w", encoding="utf-8") as f:
    f.write("# ICD-10-CM titles (CMS/CDC tabular; public domain) of the codes the content names and their official\n")
    f.write("# siblings; a third field H marks a code not reportable today (a header or an expired code)\n")
    f.write("# built by scripts/build-icd-titles.py; do not edit by hand\n")
    for code in sorted(c for c in kept if c in titles):
        mark = "" if code in billable else "\tH"
        f.write(f"{code}\t{titles[code]}{mark}\n")
print(f"{out}: {len(wanted)} named codes, {len(siblings - wanted)} siblings, {os.path.getsize(out)} bytes")
