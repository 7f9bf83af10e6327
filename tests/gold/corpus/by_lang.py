#!/usr/bin/env python3
"""Scores `storyline analyze --json` output on this corpus language by language.

    python3 tests/gold/corpus/by_lang.py SCORE.py corpus.gold.json OUT.json [FACET ...]

Splits the gold and the output by the language the output gives each article, runs the
scorer (the path given first) on each part, and prints the per-article facets of each
(entities, quotes, quote_kinds, claims, claim_sources, timexes unless FACETs are named).
Corpus-level facets (stories, resolution, duplicates) need the whole corpus and are left out.
"""
import collections
import json
import os
import subprocess
import sys
import tempfile

FACETS = ["entities", "quotes", "quote_kinds", "claims", "claim_sources", "timexes"]


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    scorer, gold_path, out_path = sys.argv[1:4]
    facets = sys.argv[4:] or FACETS
    gold = json.load(open(gold_path, encoding="utf-8"))
    out = json.load(open(out_path, encoding="utf-8"))
    lang_of = {os.path.basename(a.get("path") or ""): a.get("lang") or "?" for a in out["articles"]}
    groups = collections.defaultdict(list)
    for a in gold["articles"]:
        groups[lang_of.get(a["file"], "?")].append(a["file"])
    with tempfile.TemporaryDirectory() as tmp:
        for lang, files in sorted(groups.items()):
            g = dict(gold, articles=[a for a in gold["articles"] if a["file"] in files], corpus={})
            o = dict(out, articles=[a for a in out["articles"] if os.path.basename(a.get("path") or "") in files])
            gp, op = os.path.join(tmp, "g.json"), os.path.join(tmp, "o.json")
            json.dump(g, open(gp, "w", encoding="utf-8"))
            json.dump(o, open(op, "w", encoding="utf-8"))
            res = subprocess.run([sys.executable, scorer, gp, op], capture_output=True, text=True)
            print(f"{lang} ({len(files)} articles)")
            for line in res.stdout.splitlines():
                if line.split(" ", 1)[0] in facets:
                    print("  " + line)


if __name__ == "__main__":
    main()
