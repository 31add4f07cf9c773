#!/usr/bin/env python3
"""Brute-force baseline for `capwatch screen --bench`: rapidfuzz WRatio of every example query
against every name and alias of the UN consolidated list and the OFAC SDN set (the same files and
the same queries), single thread. Prints queries/s and the F1 of the top match at a score cutoff.

usage: scripts/bench-screening-rapidfuzz.py [LISTS_DIR] [EXAMPLES_CSV] [--cutoff 88] [--passes 1]
Installs rapidfuzz with pip (user site) when it is missing.
"""
import csv, os, subprocess, sys, time
import xml.etree.ElementTree as ET  # the shipped list has no DTD; do not point this at untrusted XML

try:
    from rapidfuzz import fuzz, process, utils
except ImportError:
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "--user", "rapidfuzz"])
    import site, importlib
    importlib.reload(site)
    from rapidfuzz import fuzz, process, utils

args = [a for a in sys.argv[1:] if not a.startswith("--")]
opts = dict(zip(sys.argv[1::1], sys.argv[2::1]))
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
lists = args[0] if args else os.path.join(root, "Data", "sanctions")
examples = args[1] if len(args) > 1 else os.path.join(lists, "screening_examples.csv")
cutoff = float(opts.get("--cutoff", 88))
passes = int(opts.get("--passes", 1))

t0 = time.perf_counter()
names, ids = [], []
tree = ET.parse(os.path.join(lists, "un", "consolidated.xml"))
for node in list(tree.getroot().iter("INDIVIDUAL")) + list(tree.getroot().iter("ENTITY")):
    ref = "UN:" + (node.findtext("REFERENCE_NUMBER") or "").strip()
    parts = [(node.findtext(t) or "").strip() for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    names.append(" ".join(p for p in parts if p)); ids.append(ref)
    for alias in node.iter():
        if alias.tag.endswith("_ALIAS"):
            a = (alias.findtext("ALIAS_NAME") or "").strip()
            if a: names.append(a); ids.append(ref)

def rows(path):
    with open(path, encoding="latin-1", newline="") as f:
        for r in csv.reader(f):
            if r and r[0].strip().isdigit():
                yield [x.strip() for x in r]

sdn = set()
for r in rows(os.path.join(lists, "ofac", "sdn.csv")):
    sdn.add(r[0]); names.append(r[1]); ids.append("OFAC:" + r[0])
for r in rows(os.path.join(lists, "ofac", "alt.csv")):
    if r[0] in sdn and len(r) > 3 and r[3] != "-0-":
        names.append(r[3]); ids.append("OFAC:" + r[0])
load = time.perf_counter() - t0

with open(examples, newline="") as f:
    ex = [(r["query"], set(filter(None, r.get("expected_list_id", "").split("|")))) for r in csv.DictReader(f)]

t1 = time.perf_counter()
tp = fp = fn = 0
for p in range(passes):
    for q, expected in ex:
        best = process.extractOne(q, names, scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=cutoff)
        if p: continue
        top = ids[best[2]] if best else None
        if expected:
            if top in expected: tp += 1
            else:
                fn += 1
                fp += top is not None
        elif top is not None: fp += 1
elapsed = time.perf_counter() - t1
n = passes * len(ex)
f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
print(f"rapidfuzz WRatio brute force: {len(names)} names loaded in {load:.3f} s")
print(f"screened {n} queries in {elapsed:.3f} s: {n / elapsed:.1f} queries/s single thread")
print(f"cutoff {cutoff}: TP {tp} FP {fp} FN {fn}  precision {tp / max(1, tp + fp):.3f} recall {tp / max(1, tp + fn):.3f} F1 {f1:.3f}")
