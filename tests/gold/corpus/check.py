#!/usr/bin/env python3
"""Check corpus.gold.json against the article files beside it.

    python3 tests/gold/corpus/check.py [GOLD.json]

Every file must exist; every entity surface, quote opening, claim text and timex
text must occur verbatim in its article; claims must carry a known hedge and
bounds that agree with it; corpus groups must name annotated files.
Standard library only. Exits 1 on any problem.
"""
import json
import os
import sys

HEDGES = {"exact", "approx", "up_to", "at_least", "more_than", "less_than", "range"}
TYPES = {"PERSON", "ORG", "GPE", "LOC"}
QUOTE_KINDS = {"direct", "partial", "indirect", "post"}


def check(gold_path):
    base = os.path.dirname(os.path.abspath(gold_path))
    gold = json.load(open(gold_path, encoding="utf-8"))
    problems = []
    if gold.get("schema") != "gold/1":
        problems.append("schema is not gold/1")
    files = set()
    for a in gold.get("articles", []):
        fn = a.get("file", "")
        where = fn
        path = os.path.join(base, fn)
        if fn in files:
            problems.append(f"{where}: annotated twice")
        files.add(fn)
        if not os.path.isfile(path):
            problems.append(f"{where}: file missing")
            continue
        text = open(path, encoding="utf-8").read()
        names = set()
        for e in a.get("entities", []):
            names.add(e["name"])
            if e.get("type") not in TYPES:
                problems.append(f"{where}: entity {e['name']}: type {e.get('type')}")
            if not e.get("surface"):
                problems.append(f"{where}: entity {e['name']}: no surface")
            for s in e.get("surface", []):
                if s not in text:
                    problems.append(f"{where}: entity surface not in text: {s!r}")
        for q in a.get("quotes", []):
            if q.get("starts", "") not in text:
                problems.append(f"{where}: quote opening not in text: {q.get('starts')!r}")
            if q.get("speaker") not in names:
                problems.append(f"{where}: quote speaker not an entity: {q.get('speaker')!r}")
            ks = q.get("kind") if isinstance(q.get("kind"), list) else [q.get("kind")]
            if not set(ks) <= QUOTE_KINDS:
                problems.append(f"{where}: quote kind {q.get('kind')!r}")
        for c in a.get("claims", []):
            t = c.get("text", "")
            if t not in text:
                problems.append(f"{where}: claim text not in text: {t!r}")
            h, lo, hi = c.get("hedge"), c.get("low"), c.get("high")
            if h not in HEDGES:
                problems.append(f"{where}: claim {t!r}: hedge {h!r}")
            bad = (
                (h == "exact" and (lo is None or lo != hi))
                or (h in ("up_to", "less_than") and (lo is not None or hi is None))
                or (h in ("at_least", "more_than") and (lo is None or hi is not None))
                or (h == "range" and (lo is None or hi is None or lo > hi))
            )
            if bad:
                problems.append(f"{where}: claim {t!r}: bounds {lo}..{hi} disagree with {h}")
            for k in ("counted", "source", "where"):
                if k not in c:
                    problems.append(f"{where}: claim {t!r}: no {k}")
        for t in a.get("timexes", []):
            if t.get("text", "") not in text:
                problems.append(f"{where}: timex text not in text: {t.get('text')!r}")
            if not t.get("value"):
                problems.append(f"{where}: timex {t.get('text')!r}: no value")
    corpus = gold.get("corpus", {})
    for key in ("stories", "duplicates"):
        for grp in corpus.get(key, []):
            for fn in grp:
                if fn not in files:
                    problems.append(f"corpus {key}: unknown file {fn}")
    for grp in corpus.get("claim_groups", []):
        for v in grp.get("values", []):
            art = next((a for a in gold["articles"] if a["file"] == v.get("file")), None)
            if art is None or not any(c["text"] == v.get("text") for c in art["claims"]):
                problems.append(f"claim group {grp.get('counted')}: no claim {v}")
    on_disk = {f for f in os.listdir(base) if f.endswith(".txt")}
    for f in sorted(on_disk - files):
        problems.append(f"{f}: article not annotated")
    return gold, problems


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "corpus.gold.json")
    gold, problems = check(path)
    for p in problems:
        print(p)
    arts = gold.get("articles", [])
    n = {k: sum(len(a.get(k, [])) for a in arts) for k in ("entities", "quotes", "claims", "timexes")}
    print(f"{len(arts)} articles, " + ", ".join(f"{v} {k}" for k, v in n.items())
          + f"; {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
