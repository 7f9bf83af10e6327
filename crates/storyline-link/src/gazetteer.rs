//! Countries and their capitals, for resolving a capital that stands for its state
//! ("Moscow said", "Pyongyang sent") and a country's other names (DPRK, Nordkorea,
//! Україна, 북한, रूस), read from [`storyline_model::places`].

use std::collections::HashMap;
use std::sync::LazyLock;

use storyline_model::places::nominatives;
use storyline_model::romanize::is_romanized;
use storyline_model::{names, places};

/// A country as the resolver knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// Common English name ("North Korea").
    pub name: String,
}

struct Gazetteer {
    countries: Vec<Country>,
    by_key: HashMap<String, usize>,
    /// Keys that are a capital's name and no country's.
    capital_keys: std::collections::HashSet<String>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut countries: Vec<Country> = Vec::new();
    let mut by_code: HashMap<&str, usize> = HashMap::new();
    let mut by_key = HashMap::new();
    let mut name_keys = std::collections::HashSet::new();
    let mut capital_keys = std::collections::HashSet::new();
    for row in places::rows() {
        let names: Vec<&str> = row.names.split('|').filter(|n| !n.is_empty()).collect();
        let idx = match by_code.get(row.alpha2) {
            Some(&i) => i,
            None => {
                let Some(canonical) = names.first() else {
                    continue;
                };
                countries.push(Country {
                    code: row.alpha2.to_string(),
                    name: canonical.to_string(),
                });
                by_code.insert(row.alpha2, countries.len() - 1);
                countries.len() - 1
            }
        };
        let mut add = |k: String| {
            by_key.entry(k).or_insert(idx);
        };
        for n in &names {
            for k in names::keys(n, "en") {
                name_keys.insert(k.clone());
                add(k);
            }
            let ini = names::initials(n);
            if ini.len() >= 3 {
                add(ini.to_lowercase());
            }
        }
        if !row.alpha3.is_empty() {
            add(row.alpha3.to_lowercase());
        }
        // Capitals: the usual name and its other spellings ("서울" has two letters).
        // Brussels, the seat of the European Union's institutions, stands for the Union in
        // the news, never for Belgium: it stays a city.
        let seat_of_union = row.alpha2 == "BE";
        for n in row
            .capitals
            .split('|')
            .filter(|_| !seat_of_union)
            .filter(|n| n.chars().count() >= 4 || n.chars().any(is_romanized))
        {
            for k in names::keys(n, "en") {
                capital_keys.insert(k.clone());
                add(k);
            }
        }
    }
    capital_keys.retain(|k| !name_keys.contains(k));
    // Two-letter forms are written as acronyms only for a few countries ("U.S.", "UK");
    // the alpha-2 code is that form where initials agree.
    for (i, c) in countries.iter().enumerate() {
        if names::initials(&c.name).eq_ignore_ascii_case(&c.code) {
            by_key.entry(c.code.to_lowercase()).or_insert(i);
        }
    }
    Gazetteer {
        countries,
        by_key,
        capital_keys,
    }
});

/// Cities by name in lower case: the GeoNames id of the most populous city of that name.
/// The table holds each city's spellings in every script, so an exact match is enough, and
/// it stays cheap to build (no name keys for its 150,000 names).
static CITIES: LazyLock<HashMap<String, u32>> = LazyLock::new(|| {
    let mut by_name = HashMap::new();
    for c in places::cities() {
        for n in c.names.split('|') {
            by_name.entry(n.to_lowercase()).or_insert(c.id);
        }
    }
    by_name
});

/// The city a place name stands for, as its GeoNames id: one id for "Geneva", "Genf",
/// "Ginebra" and "Женева" (and "Женеве", read in its nominative).
pub fn city(surface: &str) -> Option<u32> {
    let s = surface.trim_end_matches("'s").trim_end_matches("’s");
    let found = |s: &str| CITIES.get(&s.to_lowercase()).copied();
    found(s)
        .or_else(|| nominatives(s).iter().find_map(|n| found(n)))
        // "여수시", "의성군": a Korean place with the suffix of its kind.
        .or_else(|| storyline_model::places::korean_stem(s).and_then(found))
}

pub use storyline_model::bodies::body;

/// The country a place name or acronym stands for, if it is a country's name in one of the
/// stream's languages, its official name's initials, or its capital.
pub fn country(surface: &str, lang: &str) -> Option<&'static Country> {
    let g = &*GAZETTEER;
    if names::is_acronym(surface) {
        let letters: String = surface
            .chars()
            .filter(|c| *c != '.')
            .flat_map(char::to_lowercase)
            .collect();
        if let Some(&i) = g.by_key.get(&letters) {
            return Some(&g.countries[i]);
        }
    }
    let found = |s: &str| {
        names::keys(s, lang)
            .iter()
            .find_map(|k| g.by_key.get(k))
            .map(|&i| &g.countries[i])
    };
    found(surface)
        .or_else(|| nominatives(surface).iter().find_map(|s| found(s)))
        .or_else(|| {
            places::nominative_phrases(surface)
                .iter()
                .find_map(|s| found(s))
        })
        .or_else(|| {
            // German declines the adjectives of a state's name: "der Vereinigten Arabischen
            // Emirate" is "Vereinigte Arabische Emirate".
            let words: Vec<&str> = surface.split_whitespace().collect();
            (lang == "de" && words.len() >= 2)
                .then(|| {
                    let last = words.len() - 1;
                    words
                        .iter()
                        .enumerate()
                        .map(|(i, w)| match w.strip_suffix("en") {
                            Some(stem) if i < last => format!("{stem}e"),
                            _ => w.to_string(),
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .and_then(|s| found(&s))
        })
}

/// True when `surface` is a capital's name (in any case form) and no country's: "Seoul",
/// "Москве", not "Ukraine".
pub fn is_capital(surface: &str, lang: &str) -> bool {
    let g = &*GAZETTEER;
    let capital = |s: &str| {
        names::keys(s, lang)
            .iter()
            .any(|k| g.capital_keys.contains(k))
    };
    capital(surface) || nominatives(surface).iter().any(|s| capital(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str, lang: &str) -> Option<&'static str> {
        country(s, lang).map(|c| c.name.as_str())
    }

    #[test]
    fn international_bodies_in_every_language_and_case() {
        for (s, code) in [
            ("EU", Some("EU")),
            ("Ue", Some("EU")),
            ("l'Ue", Some("EU")),
            ("Europäischen Union", Some("EU")),
            ("Евросоюза", Some("EU")),
            ("유럽연합", Some("EU")),
            ("Еврокомиссии", Some("EC")),
            ("Comisión Europea", Some("EC")),
            ("U.N.", Some("UN")),
            ("ООН", Some("UN")),
            ("НАТО", Some("NATO")),
            ("Naciones Unidas", Some("UN")),
            ("Weltbank", Some("WB")),
            ("European", None),
            ("Europa", None),
            ("Eurostat", None),
        ] {
            assert_eq!(body(s), code, "{s}");
        }
    }

    #[test]
    fn cities_in_every_script() {
        let geneva = city("Geneva");
        assert!(geneva.is_some());
        assert_eq!(city("Genf"), geneva);
        assert_eq!(city("Ginebra"), geneva);
        assert_eq!(city("Женеве"), geneva);
        assert_eq!(city("부산"), city("Busan"));
        assert_ne!(city("Hamburg"), geneva);
        assert_eq!(city("Nowhere Creek"), None);
    }

    #[test]
    fn countries_capitals_and_acronyms() {
        assert_eq!(name("Moscow", "en"), Some("Russia"));
        assert_eq!(name("Pyongyang", "en"), Some("North Korea"));
        assert_eq!(name("DPRK", "en"), Some("North Korea"));
        assert_eq!(name("Kyiv", "en"), Some("Ukraine"));
        assert_eq!(name("Kiew", "de"), Some("Ukraine"));
        assert_eq!(name("Seoul", "en"), Some("South Korea"));
        assert_eq!(name("U.S.", "en"), Some("United States"));
        assert_eq!(name("Nordkorea", "de"), Some("North Korea"));
        assert_eq!(
            name("Vereinigten Arabischen Emirate", "de"),
            Some("United Arab Emirates")
        );
        assert_eq!(name("Україна", "uk"), Some("Ukraine"));
        assert_eq!(name("Kursk Oblast", "en"), None);
        assert_eq!(name("Армении", "ru"), Some("Armenia"));
        assert_eq!(name("Женеве", "ru"), None);
        assert_eq!(name("Азербайджана", "ru"), Some("Azerbaijan"));
        assert_eq!(name("Москву", "ru"), Some("Russia"));
        assert_eq!(name("України", "uk"), Some("Ukraine"));
        assert_eq!(name("북한", "ko"), Some("North Korea"));
        assert_eq!(name("평양", "ko"), Some("North Korea"));
        assert_eq!(name("한국", "ko"), Some("South Korea"));
        assert_eq!(name("러시아", "ko"), Some("Russia"));
        assert_eq!(name("रूस", "hi"), Some("Russia"));
        assert_eq!(name("भारत", "hi"), Some("India"));
    }
}
