#!/usr/bin/env python3
"""Builds the official ICD-10-CM titles that the question generator uses to describe diagnosis options.

Input: ../shared/reference/icd10cm.tsv.gz (CMS/CDC tables, public domain) and the content folders to
scan (default: Content/ of this repository; more folders may follow, e.g. other branches' Content/).
Output: Sources/CodingContent/Resources/icd10cm-titles.txt.

Only the codes some content file names are kept (every ICD-10-CM code written in a .md file of the
folders, plus its category), so the resource stays small; a code without a title here is offered
without a description. Re-run after adding content with new codes.

Line format: the code without the dot, a tab, the official title: `M1651\tUnilateral primary osteoarthritis, right hip`.

Usage: python3 scripts/build-icd-titles.py [--reference DIR] [CONTENT_DIR ...]
(the shipped file was built with: Content Tests /work/wt/*/Content, so test fixtures and branches
about to be merged are covered)
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
with gzip.open(os.path.join(ref, "icd10cm.tsv.gz"), "rt", encoding="utf-8") as f:
    for line in f:
        if line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) >= 4 and cols[3]:
            titles[cols[0]] = cols[3]

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

with open(out, "w", encoding="utf-8") as f:
    f.write("# ICD-10-CM titles (CMS/CDC tabular; public domain) of the codes the content names\n")
    f.write("# built by scripts/build-icd-titles.py; do not edit by hand\n")
    for code in sorted(c for c in wanted if c in titles):
        f.write(f"{code}\t{titles[code]}\n")
print(f"{out}: {len(wanted)} titles")
