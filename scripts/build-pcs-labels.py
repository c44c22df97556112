#!/usr/bin/env python3
"""Builds the ICD-10-PCS character labels that the question generator's PCS walk reads.

Input: ../shared/reference/icd10pcs.tsv.gz (CMS tables, public domain; titles FY2025 for section 0).
Output: Sources/CodingContent/Resources/icd10pcs-labels.txt.

The reference holds one official title per code, not the tables' per-character labels, so each label
is read off the titles that share it: the body part (character 4) of table 0SG value 9 is the longest
run of words common to every title of 0SG9… ("Right Hip Joint"), the device (character 6) of a table
the run after "with" (or between "of" and "from"/"in"/"into") common to every title with that value,
the qualifier (character 7) the comma-separated part common to every title with that value. A label
that cannot be read this way is left out (the walk then names the value without a label).

Line format: table (3 characters), position (4, 6 or 7), value, a tab, the label: `0SG49\tRight Hip Joint`.
Only the Medical and Surgical section (first character 0), the only one the generator walks.

Usage: python3 scripts/build-pcs-labels.py [REFERENCE_DIR]
"""
import gzip
import os
import re
import sys
from collections import defaultdict

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
ref = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "reference")
out = os.path.join(root, "Sources", "CodingContent", "Resources", "icd10pcs-labels.txt")

titles = {}
with gzip.open(os.path.join(ref, "icd10pcs.tsv.gz"), "rt", encoding="utf-8") as f:
    for line in f:
        if line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 3 and parts[0].startswith("0") and parts[2]:
            titles[parts[0]] = parts[2]


def words(text):
    return re.findall(r"[^\s,]+|,", text)


def common_run(lists):
    """The longest run of words common to every list (the first such run in the first list)."""
    base = min(lists, key=len)
    best = []
    for i in range(len(base)):
        for j in range(len(base), i + len(best), -1):
            cand = base[i:j]
            n = len(cand)
            if all(any(other[k:k + n] == cand for k in range(len(other) - n + 1)) for other in lists):
                best = cand
                break
    return best


def cut(run, stops):
    for k, w in enumerate(run):
        if w in stops:
            return run[:k]
    return run


PREPOSITIONS = {"from", "into", "in", "at", "on"}
APPROACH = re.compile(r"Approach$|^Via Natural|^External$")


def body_part(run, op):
    run = list(run)
    last = max((k for k, w in enumerate(run) if w in PREPOSITIONS and k + 1 < len(run)), default=None)
    if last is not None:
        run = run[last + 1:]
    while run and (run[0] in op or run[0] == "of"):
        run = run[1:]
    run = cut(run, {"with", "to", "using"})
    while run and run[-1] in PREPOSITIONS:
        run = run[:-1]
    # "Stomach, Pylorus" and "Right Hip Joint, Femoral Surface" keep their second part; an approach
    # or a qualifier shared by every title of a small group does not belong to the body part.
    segments = [s.strip() for s in " ".join(run).split(",")]
    kept = [s for s in segments if s and not APPROACH.search(s) and s != "Diagnostic"]
    return ", ".join(kept)


def device(run, value):
    if value == "Z":
        return "No Device"
    if "with" in run:
        return " ".join(cut(run[run.index("with") + 1:], {",", "to"}))
    if "of" in run:
        after = run[run.index("of") + 1:]
        stop = next((k for k, w in enumerate(after) if w in PREPOSITIONS), None)
        if stop:
            return " ".join(after[:stop])
    return ""


def qualifier(run, value, group):
    if value == "Z":
        return "No Qualifier"
    if all(" ".join(t).endswith(", Diagnostic") for t in group):
        return "Diagnostic"
    if "to" in run:
        return " ".join(cut(run[run.index("to") + 1:], {",", "with"}))
    text = " ".join(run)
    segments = [s.strip() for s in text.split(",")][1:]
    for segment in segments:
        if segment and not APPROACH.search(segment) and " with " not in f" {segment} ":
            return segment
    return ""


by_body = defaultdict(list)
by_device = defaultdict(list)
by_qualifier = defaultdict(list)
for code, title in titles.items():
    w = words(title)
    by_body[code[:4]].append(w)
    by_device[code[:3] + code[5]].append(w)
    by_qualifier[code[:3] + code[6]].append(w)

lines = []
for key in sorted(by_body):
    group = by_body[key]
    op = set(group[0][:1])
    label = body_part(common_run(group), op)
    if label:
        lines.append(f"{key[:3]}4{key[3]}\t{label}")
for key in sorted(by_device):
    label = device(common_run(by_device[key]), key[3])
    if label:
        lines.append(f"{key[:3]}6{key[3]}\t{label}")
for key in sorted(by_qualifier):
    label = qualifier(common_run(by_qualifier[key]), key[3], by_qualifier[key])
    if label:
        lines.append(f"{key[:3]}7{key[3]}\t{label}")

with open(out, "w", encoding="utf-8") as f:
    f.write("# ICD-10-PCS Medical and Surgical character labels read off the official titles (CMS, public domain)\n")
    f.write("# built by scripts/build-pcs-labels.py; do not edit by hand\n")
    for line in sorted(lines):
        f.write(line.replace(" , ", ", ") + "\n")
print(f"{len(lines)} labels -> {out}")
