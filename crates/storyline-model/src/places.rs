//! Countries and their capitals in the stream's languages and scripts.
//!
//! Two tables: `capitals.tsv`, built from data packages by `scripts/build-capitals.py`
//! (official and common names of each country, its capital and the capital's spellings),
//! and `country-names.tsv`, the everyday names those packages leave out ("한국", "러시아",
//! "रूस"), written by hand. Both are read through [`rows`]. A third, `cities.tsv` (built by
//! `scripts/build-cities.py` from GeoNames), gives the cities of 50,000 people or more with
//! their names in the stream's scripts ([`cities`]).

const CAPITALS: &str = include_str!("../data/capitals.tsv");
const EVERYDAY: &str = include_str!("../data/country-names.tsv");
const CITIES: &str = include_str!("../data/cities.tsv");
const WATERS: &str = include_str!("../data/waters.tsv");
const REGIONS: &str = include_str!("../data/regions.tsv");

/// One city's row.
#[derive(Debug, Clone, Copy)]
pub struct City<'a> {
    /// GeoNames id.
    pub id: u32,
    /// ISO 3166-1 alpha-2 code of its country.
    pub alpha2: &'a str,
    /// Its names, `|`-separated, the usual English one first.
    pub names: &'a str,
}

/// Every city, the most populous first.
pub fn cities() -> impl Iterator<Item = City<'static>> {
    CITIES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let id = cols.next()?.parse().ok()?;
            let alpha2 = cols.next()?;
            let _population = cols.next()?;
            let names = cols.next()?;
            Some(City { id, alpha2, names })
        })
}

/// One country's row.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    /// ISO 3166-1 alpha-2 code.
    pub alpha2: &'a str,
    /// ISO 3166-1 alpha-3 code; empty in rows of everyday names.
    pub alpha3: &'a str,
    /// The country's names, `|`-separated; in `capitals.tsv` the common English name first.
    pub names: &'a str,
    /// The capital's names, `|`-separated.
    pub capitals: &'a str,
}

/// Every row: first those of `capitals.tsv` (one per country), then the everyday names
/// (a country may come again there).
pub fn rows() -> impl Iterator<Item = Row<'static>> {
    let parse = |with_alpha3: bool| {
        move |line: &'static str| {
            let mut cols = line.split('\t');
            let alpha2 = cols.next()?;
            let alpha3 = if with_alpha3 { cols.next()? } else { "" };
            let names = cols.next()?;
            let capitals = cols.next().unwrap_or("");
            Some(Row {
                alpha2,
                alpha3,
                names,
                capitals,
            })
        }
    };
    let lines = |t: &'static str| {
        t.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    };
    lines(CAPITALS)
        .filter_map(parse(true))
        .chain(lines(EVERYDAY).filter_map(parse(false)))
}

/// Case endings of Russian and Ukrainian nouns, longest first.
const CASE_ENDINGS: [&str; 20] = [
    "ой", "ей", "ою", "ею", "єю", "ом", "ем", "ам", "ям", "ах", "ях", "а", "я", "у", "ю", "е", "и",
    "ы", "і", "ї",
];

/// A Korean place's name without the suffix of its kind ("여수시" → "여수", "의성군" →
/// "의성"), where two syllables or more are left.
pub fn korean_stem(surface: &str) -> Option<&str> {
    ['시', '군', '구', '도']
        .iter()
        .filter_map(|x| surface.strip_suffix(*x))
        .find(|stem| {
            stem.chars().count() >= 2 && stem.chars().all(crate::romanize::is_hangul_syllable)
        })
}

/// The nominative forms a Cyrillic place name in another case may have ("Армении" →
/// "Армения", "Женеве" → "Женева", "Азербайджана" → "Азербайджан"); empty for other
/// scripts.
pub fn nominatives(surface: &str) -> Vec<String> {
    let cyrillic = surface.chars().any(crate::romanize::is_cyrillic);
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
            // Ukrainian "і" of the nominative's last syllable is "о" or "е" in the other
            // cases: "Харкова" → "Харків", "Львові" → "Львів", "Києва" → "Київ".
            for (from, to) in [("ов", "ів"), ("ев", "ів"), ("єв", "їв")] {
                if let Some(s2) = stem.strip_suffix(from) {
                    out.push(format!("{s2}{to}"));
                }
            }
            // A fleeting "е" before a last "ц": "Сторожинце" → "Сторожинец", "Сторожинці" →
            // "Сторожинець".
            if let Some(s2) = stem.strip_suffix('ц') {
                out.push(format!("{s2}ец"));
                out.push(format!("{s2}ець"));
            }
            if e.chars().count() == 1 {
                // "Армении": "-ии" stands for "-ия".
                if let Some(s2) = stem.strip_suffix('и') {
                    out.push(format!("{s2}ия"));
                }
            }
            // Ukrainian "к", "г", "х" become "ц", "з", "с" before the dative's "і":
            // "Республіці" → "Республіка".
            if e == "і" {
                for (from, to) in [('ц', "ка"), ('з', "га"), ('с', "ха")] {
                    if let Some(s2) = stem.strip_suffix(from) {
                        out.push(format!("{s2}{to}"));
                    }
                }
            }
        }
    }
    out
}

/// Feminine and masculine adjective endings of the oblique cases, and the nominative's.
const ADJECTIVE_CASES: [(&str, &[&str]); 8] = [
    ("ої", &["а"]),
    ("ій", &["а", "ий"]),
    ("ою", &["а"]),
    ("ой", &["ая", "ий", "ой"]),
    ("ого", &["ий", "ый", "ой"]),
    ("ому", &["ий", "ый", "ой"]),
    ("ей", &["ая"]),
    ("ую", &["ая"]),
];

/// [`nominatives`] of a name of two or three Cyrillic words, read word by word: a noun in
/// any case, an adjective by its endings ("Південної Кореї" → "Південна Корея", "Республіці
/// Корея" → "Республіка Корея"). Empty for one word or another script.
pub fn nominative_phrases(surface: &str) -> Vec<String> {
    let words: Vec<&str> = surface.split_whitespace().collect();
    if !(2..=3).contains(&words.len()) || !surface.chars().any(crate::romanize::is_cyrillic) {
        return Vec::new();
    }
    let forms = |w: &str| -> Vec<String> {
        let mut out = vec![w.to_string()];
        out.extend(nominatives(w));
        for (end, noms) in ADJECTIVE_CASES {
            if let Some(stem) = w.strip_suffix(end) {
                out.extend(noms.iter().map(|n| format!("{stem}{n}")));
            }
        }
        out
    };
    let mut phrases = vec![String::new()];
    for w in &words {
        phrases = phrases
            .iter()
            .flat_map(|p| forms(w).into_iter().map(move |f| format!("{p} {f}")))
            .collect();
    }
    phrases
        .into_iter()
        .map(|p| p.trim_start().to_string())
        .filter(|p| p != surface)
        .collect()
}

/// Names of waters by their first four letters: (words in lower case, English name).
type Waters = std::collections::HashMap<String, Vec<(Vec<String>, &'static str)>>;

/// The river, sea or lake (its English name in `data/waters.tsv`) that `surface` names in
/// an article in `lang`: the same words in any case, a German genitive ("des Rheins"), or
/// Cyrillic case endings after a stem of four letters or more ("Рейна", "Дніпрі").
pub fn water(surface: &str, lang: &str) -> Option<&'static str> {
    named_in(&WATER_TABLE, surface, lang)
}

static WATER_TABLE: std::sync::LazyLock<Waters> = std::sync::LazyLock::new(|| table(WATERS));

/// True when a water's name may start with the word `first` (a cheap test before
/// [`water`] on the phrases it opens).
pub fn may_open_water(first: &str, lang: &str) -> bool {
    WATER_TABLE.contains_key(&key_of(first)) || WATER_TABLE.contains_key(&language_key(lang, first))
}

/// The key of a name of one language only ("it:reno" under "it:r").
fn language_key(lang: &str, first: &str) -> String {
    format!(
        "{lang}:{}",
        first
            .chars()
            .take(1)
            .flat_map(char::to_lowercase)
            .collect::<String>()
    )
}

/// The continent or world region (its English name in `data/regions.tsv`) that `surface`
/// names, matched as [`water`] matches ("Europa", "Европе", "Lateinamerika").
pub fn region(surface: &str, lang: &str) -> Option<&'static str> {
    static TABLE: std::sync::LazyLock<Waters> = std::sync::LazyLock::new(|| table(REGIONS));
    named_in(&TABLE, surface, lang)
}

/// A table of names like `data/waters.tsv`, by the first four letters of each name.
fn table(data: &'static str) -> Waters {
    let mut t = Waters::new();
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let Some((name, rest)) = line.split_once('\t') else {
            continue;
        };
        for n in rest.split('|').filter(|n| !n.is_empty()) {
            let words: Vec<String> = n.split_whitespace().map(str::to_lowercase).collect();
            let Some(first) = words.first() else { continue };
            t.entry(key_of(first)).or_default().push((words, name));
        }
    }
    t
}

/// The key a name is filed under: its first four letters in lower case.
fn key_of(word: &str) -> String {
    word.to_lowercase().chars().take(4).collect()
}

/// The English name in `table` that `surface` stands for in an article in `lang`.
fn named_in(table: &Waters, surface: &str, lang: &str) -> Option<&'static str> {
    let head = surface.split_whitespace().next()?;
    if !table.contains_key(&key_of(head)) && !table.contains_key(&language_key(lang, head)) {
        return None;
    }
    let words: Vec<String> = surface.split_whitespace().map(str::to_lowercase).collect();
    let first = words.first()?;
    let key = key_of(first);
    let close = |entry: &str, w: &str| {
        // "it:reno": a name of one language only.
        let entry = match entry.split_once(':') {
            Some((l, e)) if l.len() == 2 && l.chars().all(|c| c.is_ascii_lowercase()) => {
                if l != lang {
                    return false;
                }
                e
            }
            _ => entry,
        };
        if entry == w {
            return true;
        }
        // "des Rheins", "der Donau": a German genitive.
        if w.strip_suffix('s')
            .is_some_and(|b| b == entry || b.strip_suffix('e') == Some(entry))
        {
            return true;
        }
        // Cyrillic case endings after the stem ("Рейна", "Волги", "Дніпрі"): one or two
        // letters after a stem of four or more.
        let cyrillic = entry.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
        let stem = entry.trim_end_matches(['а', 'я', 'о', 'е', 'ы', 'и', 'і', 'ї', 'у', 'ю']);
        cyrillic
            && stem.chars().count() >= 4
            && w.strip_prefix(stem)
                .is_some_and(|rest| (1..=3).contains(&rest.chars().count()))
    };
    let lookup = |key: &str| {
        table.get(key).and_then(|list| {
            list.iter().find_map(|(names, name)| {
                (names.len() == words.len() && names.iter().zip(&words).all(|(e, w)| close(e, w)))
                    .then_some(*name)
            })
        })
    };
    // "it:reno" is filed under "it:r".
    lookup(&key).or_else(|| lookup(&language_key(lang, first)))
}

#[cfg(test)]
mod tests {

    #[test]
    fn cyrillic_names_of_two_words_in_the_nominative() {
        let got = nominative_phrases("Південної Кореї");
        assert!(got.iter().any(|n| n == "Південна Корея"), "{got:?}");
        let got = nominative_phrases("Республіці Корея");
        assert!(got.iter().any(|n| n == "Республіка Корея"), "{got:?}");
        assert!(nominative_phrases("South Korea").is_empty());
        assert!(nominatives("Республіці").iter().any(|n| n == "Республіка"));
    }

    use super::*;

    #[test]
    fn rivers_and_seas_in_every_language_and_case() {
        for (surface, lang, name) in [
            ("Rhine", "en", "Rhine"),
            ("Rijn", "nl", "Rhine"),
            ("Rheins", "de", "Rhine"),
            ("Рейна", "ru", "Rhine"),
            ("Дніпрі", "uk", "Dnieper"),
            ("Reno", "it", "Rhine"),
            ("Schwarzes Meer", "de", "Black Sea"),
            ("Чорному морі", "uk", "Black Sea"),
        ] {
            assert_eq!(water(surface, lang), Some(name), "{surface}");
        }
        assert_eq!(region("Европе", "ru"), Some("Europe"));
        assert_eq!(region("Lateinamerika", "de"), Some("Latin America"));
        assert_eq!(region("Північної Африки", "uk"), Some("North Africa"));
        assert_eq!(region("Nord Europa", "it"), Some("Northern Europe"));
        // Reno is a city in English; Volvo is no Volga; a short stem takes no endings.
        for (surface, lang) in [
            ("Reno", "en"),
            ("Volvo", "en"),
            ("Савин", "ru"),
            ("Rhin", "xx"),
        ] {
            assert_eq!(
                water(surface, lang).is_some(),
                surface == "Rhin",
                "{surface}"
            );
        }
    }

    #[test]
    fn korean_places_without_their_suffix() {
        assert_eq!(korean_stem("여수시"), Some("여수"));
        assert_eq!(korean_stem("의성군"), Some("의성"));
        assert_eq!(korean_stem("구"), None);
        assert_eq!(korean_stem("Kyiv"), None);
    }

    #[test]
    fn ukrainian_place_names_in_other_cases() {
        for (form, nominative) in [
            ("Харкова", "Харків"),
            ("Харкову", "Харків"),
            ("Сторожинце", "Сторожинец"),
            ("Сторожинці", "Сторожинець"),
            ("Києва", "Київ"),
            ("Львові", "Львів"),
            ("Індії", "Індія"),
            ("Індією", "Індія"),
        ] {
            assert!(nominatives(form).iter().any(|n| n == nominative), "{form}");
        }
    }

    #[test]
    fn both_tables_are_read() {
        let all: Vec<Row> = rows().collect();
        assert!(all.len() > 240);
        let kr: Vec<&Row> = all.iter().filter(|r| r.alpha2 == "KR").collect();
        assert!(kr.len() == 2 && kr[0].alpha3 == "KOR" && kr[0].names.starts_with("South Korea"));
        assert!(kr[1].names.split('|').any(|n| n == "한국"));
        assert!(kr[1].capitals.split('|').any(|n| n == "서울"));
        assert!(all
            .iter()
            .all(|r| r.alpha2.len() == 2 && !r.names.is_empty()));
    }
}
