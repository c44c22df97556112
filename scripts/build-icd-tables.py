#!/usr/bin/env python3
"""Builds the compact ICD-10 code tables that CodingContent ships.

Input: the public-domain CMS/CDC tables in ../shared/reference/ (icd10cm.tsv.gz, icd10pcs.tsv.gz).
Output: Sources/CodingContent/Resources/icd10cm.txt and icd10pcs.txt.

Compact form: codes grouped under a header line naming their kind and validity ranges,
`@B 20151001-20270331` (B billable, H header / not billable, P procedure), then one code per line
without the dot. Titles are left out; codes and validity dates are what lint needs.

Usage: python3 scripts/build-icd-tables.py [REFERENCE_DIR]
"""
import gzip
import os
import sys
from collections import defaultdict

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
ref = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "reference")
out_dir = os.path.join(root, "Sources", "CodingContent", "Resources")


def rows(name):
    with gzip.open(os.path.join(ref, name), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def write(name, groups, source):
    path = os.path.join(out_dir, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# {source}\n# built by scripts/build-icd-tables.py; do not edit by hand\n")
        for key in sorted(groups):
            f.write(f"@{key}\n")
            for code in sorted(groups[key]):
                f.write(code + "\n")
    print(f"{path}: {sum(len(v) for v in groups.values())} codes in {len(groups)} groups")


cm = defaultdict(list)
for cols in rows("icd10cm.tsv.gz"):
    code, kind, ranges = cols[0], cols[1], cols[2]
    cm[f"{kind} {ranges}".strip()].append(code)
write("icd10cm.txt", cm, "ICD-10-CM codes FY2016-FY2027 (CMS MCE tables, CDC tabular; public domain)")

pcs = defaultdict(list)
for cols in rows("icd10pcs.tsv.gz"):
    code, ranges = cols[0], cols[1]
    pcs[f"P {ranges}".strip()].append(code)
write("icd10pcs.txt", pcs, "ICD-10-PCS codes FY2016-FY2027 (CMS tables; public domain)")
