//! Countries and their capitals, for resolving a capital that stands for its state
//! ("Moscow said", "Pyongyang sent") and a country's other names (DPRK, Nordkorea,
//! Україна). Built from data packages by `scripts/build-capitals.py`.

use std::collections::HashMap;
use std::sync::LazyLock;

use storyline_model::names;

const TABLE: &str = include_str!("../data/capitals.tsv");

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
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut countries = Vec::new();
    let mut by_key = HashMap::new();
    for line in TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(a2), Some(a3), Some(names_col)) = (cols.first(), cols.get(1), cols.get(2)) else {
            continue;
        };
        let names: Vec<&str> = names_col.split('|').filter(|n| !n.is_empty()).collect();
        let Some(canonical) = names.first() else {
            continue;
        };
        let idx = countries.len();
        countries.push(Country {
            code: a2.to_string(),
            name: canonical.to_string(),
        });
        let mut add = |k: String| {
            by_key.entry(k).or_insert(idx);
        };
        for n in &names {
            for k in names::keys(n, "en") {
                add(k);
            }
            let ini = names::initials(n);
            if ini.len() >= 3 {
                add(ini.to_lowercase());
            }
        }
        add(a3.to_lowercase());
        // Capitals: the usual name and its other spellings.
        for n in cols
            .get(3)
            .map(|c| c.split('|'))
            .into_iter()
            .flatten()
            .filter(|n| n.chars().count() >= 4)
        {
            for k in names::keys(n, "en") {
                add(k);
            }
        }
    }
    // Two-letter forms are written as acronyms only for a few countries ("U.S.", "UK");
    // the alpha-2 code is that form where initials agree.
    for (i, c) in countries.iter().enumerate() {
        if names::initials(&c.name).eq_ignore_ascii_case(&c.code) {
            by_key.entry(c.code.to_lowercase()).or_insert(i);
        }
    }
    Gazetteer { countries, by_key }
});

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
    found(surface).or_else(|| nominatives(surface).iter().find_map(|s| found(s)))
}

/// Case endings of Russian and Ukrainian nouns, longest first.
const CASE_ENDINGS: [&str; 17] = [
    "ой", "ей", "ою", "ею", "ом", "ем", "ам", "ям", "ах", "ях", "а", "я", "у", "ю", "е", "и", "і",
];

/// The nominative forms a Cyrillic place name in another case may have ("Армении" →
/// "Армения", "Женеве" → "Женева", "Азербайджана" → "Азербайджан"); empty for other
/// scripts.
fn nominatives(surface: &str) -> Vec<String> {
    let cyrillic = surface.chars().any(|c| ('\u{400}'..'\u{500}').contains(&c));
    if !cyrillic || surface.contains(char::is_whitespace) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for e in CASE_ENDINGS {
        if let Some(stem) = surface.strip_suffix(e) {
            if stem.chars().count() < 3 {
                continue;
            }
            for n in ["", "а", "я", "ь", "ия", "і"] {
                out.push(format!("{stem}{n}"));
            }
            if e.chars().count() == 1 {
                // "Армении": "-ии" stands for "-ия".
                if let Some(s2) = stem.strip_suffix('и') {
                    out.push(format!("{s2}ия"));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str, lang: &str) -> Option<&'static str> {
        country(s, lang).map(|c| c.name.as_str())
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
        assert_eq!(name("Україна", "uk"), Some("Ukraine"));
        assert_eq!(name("Kursk Oblast", "en"), None);
        assert_eq!(name("Армении", "ru"), Some("Armenia"));
        assert_eq!(name("Женеве", "ru"), None);
        assert_eq!(name("Азербайджана", "ru"), Some("Azerbaijan"));
        assert_eq!(name("Москву", "ru"), Some("Russia"));
        assert_eq!(name("України", "uk"), Some("Ukraine"));
    }
}
