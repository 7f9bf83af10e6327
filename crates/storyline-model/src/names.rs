//! Name keys: one spelling-insensitive key for the many ways a name is written.
//!
//! A key folds case and diacritics, transliterates Cyrillic (Ukrainian and Russian letters,
//! the Ukrainian `г` as `h`), and folds the differences between the common romanisation
//! schemes: `y`/`i`/`j` (Zelenskyy, Zelenskiy, Selenskyj), `kh`/`h`, `w`/`v` and `sch`/`sh` in
//! German spellings, doubled letters. German spellings write the Slavic `з` as `s`
//! (Selenskyj), so a German name gets a second key with a leading `s` read as `z`.

use unicode_normalization::UnicodeNormalization;

/// Transliterates one lowercase Cyrillic letter; `None` for anything else.
fn cyrillic(c: char, ukrainian: bool) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' if ukrainian => "h",
        'г' => "g",
        'ґ' => "g",
        'д' => "d",
        'е' => "e",
        'є' => "ye",
        'ё' => "yo",
        'ж' => "zh",
        'з' => "z",
        'и' if ukrainian => "y",
        'и' => "i",
        'і' => "i",
        'ї' => "yi",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

/// True when the text holds letters only Ukrainian uses.
fn looks_ukrainian(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ'))
}

/// Lowercase, diacritics removed, Cyrillic transliterated, possessive `'s` dropped;
/// words separated by single spaces; other scripts kept as they are.
pub fn fold(s: &str, lang: &str) -> String {
    let ukrainian = lang == "uk" || looks_ukrainian(s);
    let mut out = String::with_capacity(s.len());
    let trimmed = s.trim_end_matches("'s").trim_end_matches("’s");
    for c in trimmed.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        for l in c.to_lowercase() {
            if let Some(t) = cyrillic(l, ukrainian) {
                out.push_str(t);
            } else if l.is_alphanumeric() {
                out.push(l);
            } else if (l.is_whitespace() || l == '-' || l == '.')
                && !out.ends_with(' ')
                && !out.is_empty()
            {
                out.push(' ');
            }
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Folds one word's romanisation differences (input already [`fold`]ed).
fn word_key(w: &str, german: bool) -> String {
    let mut s = w.to_string();
    if german {
        // German writes the Slavic `ц` as `z` (Jazenko / Yatsenko).
        s = s
            .replace("tsch", "ch")
            .replace("sch", "sh")
            .replace('w', "v")
            .replace('z', "ts");
    }
    s = s
        .replace("kh", "h")
        .replace("ph", "f")
        .replace('x', "ks")
        .replace("ck", "k");
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let c = match c {
            'y' | 'j' => 'i',
            // Claudia / Клаудия: a hard `c` is a `k`.
            'c' if !matches!(next, Some('e' | 'i' | 'y' | 'h' | 'z')) => 'k',
            // Hrytsenko / Gritsenko, Harkiv / Kharkov: the Ukrainian `h` is the Russian `g`.
            'h' if !matches!(prev, Some('c' | 's' | 'z' | 't' | 'p')) => 'g',
            c => c,
        };
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// The keys of a name: usually one; German names get a second reading.
pub fn keys(name: &str, lang: &str) -> Vec<String> {
    let folded = fold(name, lang);
    let german = lang == "de";
    let words = || folded.split(' ').filter(|w| !w.is_empty());
    let key: Vec<String> = words().map(|w| word_key(w, german)).collect();
    let mut out = vec![key.join(" ")];
    if german {
        // A name spelled the same in every language ("Scholz") keeps its plain key too.
        let plain: Vec<String> = words().map(|w| word_key(w, false)).collect();
        let plain = plain.join(" ");
        if plain != out[0] {
            out.push(plain);
        }
        let alt: Vec<String> = key
            .iter()
            .map(|w| {
                let mut it = w.chars();
                match (it.next(), it.next()) {
                    (Some('s'), Some(v)) if "aeiou".contains(v) => format!("z{}", &w[1..]),
                    _ => w.clone(),
                }
            })
            .collect();
        let alt = alt.join(" ");
        if alt != out[0] {
            out.push(alt);
        }
    }
    out
}

/// The consonant skeleton of a given name, for telling whether two given names are one
/// name in two languages' forms (Volodymyr / Vladimir, Oleksandr / Alexander,
/// Serhiy / Sergei): vowels and glides dropped, `h` read as `g`.
pub fn skeleton(key_word: &str) -> String {
    let mut out = String::new();
    for c in key_word.chars() {
        let c = if c == 'h' { 'g' } else { c };
        if "aeiouy".contains(c) || out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Initials of the capitalised words ("Democratic People's Republic of Korea" → "DPRK").
pub fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// True for a description of a group with the places it speaks from or the others it
/// speaks with ("officials in Kyiv and Moscow", "diplomats from Baku"): a lower-case head
/// and a later "in", "from", "at" or "and". The names in it are not the group.
pub fn is_group_description(phrase: &str) -> bool {
    let mut words = phrase.split_whitespace();
    let lower_head = words
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_lowercase);
    lower_head && words.any(|w| matches!(w, "in" | "from" | "at" | "and"))
}

/// True when `s` looks like an acronym: 2–6 capitals, dots allowed ("U.S.", "HUR", "DPRK").
pub fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| *c != '.').collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_with_its_places_is_not_one_of_the_places() {
        assert!(is_group_description("officials in Kyiv and Moscow"));
        assert!(is_group_description("diplomats from Baku"));
        assert!(!is_group_description("Defence Minister Rustem Umerov"));
        assert!(!is_group_description("Ministry of Defence"));
        assert!(!is_group_description("the ministry"));
    }

    fn same(a: (&str, &str), b: (&str, &str)) -> bool {
        let ka = keys(a.0, a.1);
        keys(b.0, b.1).iter().any(|k| ka.contains(k))
    }

    #[test]
    fn romanisations_meet() {
        for (a, b) in [
            (("Zelenskyy", "en"), ("Zelensky", "en")),
            (("Zelenskiy", "en"), ("Zelensky", "en")),
            (("Selenskyj", "de"), ("Zelensky", "en")),
            (("Зеленський", "uk"), ("Zelensky", "en")),
            (("Зеленский", "ru"), ("Zelensky", "en")),
            (
                ("Volodymyr Zelenskyy", "en"),
                ("Володимир Зеленський", "en"),
            ),
            (("Wolodymyr Selenskyj", "de"), ("Volodymyr Zelensky", "en")),
            (("Budanow", "de"), ("Budanov", "en")),
            (("Russia's", "en"), ("Russia", "en")),
            (("Клаудия Бергер", "ru"), ("Claudia Berger", "en")),
            (("Oksana Hrytsenko", "en"), ("Oksana Gritsenko", "en")),
            (("Оксана Гриценко", "ru"), ("Оксана Гриценко", "uk")),
            (("Petro Jazenko", "de"), ("Petro Yatsenko", "en")),
            (("Dmitri Wolkow", "de"), ("Dmitry Volkov", "en")),
            (("Olaf Scholz", "de"), ("Olaf Scholz", "en")),
        ] {
            assert!(
                same(a, b),
                "{a:?} vs {b:?}: {:?} {:?}",
                keys(a.0, a.1),
                keys(b.0, b.1)
            );
        }
    }

    #[test]
    fn different_names_stay_apart() {
        for (a, b) in [
            ("Kim Jong Un", "Kim Yo Jong"),
            ("North Korea", "South Korea"),
            ("Yoon Suk Yeol", "Yoon Sang-hyun"),
        ] {
            assert!(!same((a, "en"), (b, "en")), "{a} vs {b}");
        }
    }

    #[test]
    fn skeletons_of_given_names() {
        let sk = |s: &str| skeleton(&keys(s, "en")[0]);
        assert_eq!(sk("Volodymyr"), sk("Vladimir"));
        assert_eq!(sk("Oleksandr"), sk("Alexander"));
        assert_eq!(sk("Serhiy"), sk("Sergei"));
        assert_ne!(sk("John"), sk("Jane"));
        assert_eq!(initials("Democratic People's Republic of Korea"), "DPRK");
        assert!(is_acronym("U.S.") && is_acronym("HUR") && !is_acronym("Kyiv"));
    }
}
