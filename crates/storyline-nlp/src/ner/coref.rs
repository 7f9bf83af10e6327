//! Consistency inside one article: a lone surname is the person whose full name ends
//! with it, and the members of a list ("Pokrovsk, Kurakhove and Lyman") share the type
//! most of them have. (Giving every occurrence of a name the type most of them have cost
//! 0.6 F1 on CoNLL-2003 valid, tagged as articles: "Detroit" is a city in a dateline and a
//! team in a results table; the model's document features already see the other
//! occurrences.)

use storyline_model::EntityType;

use super::roles::Name;

/// A one-word name equal to the last word of a longer PERSON name in the same article is
/// that person ("President Olena Kovalenko" … "Kovalenko said").
pub(crate) fn surnames(names: &mut [Name], words: &[&str]) {
    let last: Vec<&str> = names
        .iter()
        .filter(|n| n.kind == EntityType::Person && n.toks.len() >= 2)
        .filter_map(|n| words.get(n.toks.end - 1).copied())
        .collect();
    for n in names.iter_mut().filter(|n| n.toks.len() == 1) {
        if words.get(n.toks.start).is_some_and(|w| last.contains(w)) {
            n.kind = EntityType::Person;
        }
    }
}

/// A short family name runs on over the hyphenated given name after it that the tagger left
/// out ("Coast Guard Commissioner General Choi | Min-seok", once the title is cut off): a
/// capitalised syllable, a hyphen, a syllable in lower case, as Korean names are romanised.
pub(crate) fn hyphenated_given(names: &mut [Name], words: &[&str]) {
    let taken: std::collections::HashSet<usize> =
        names.iter().flat_map(|n| n.toks.clone()).collect();
    let syllable = |s: &str, upper: bool| {
        s.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() && c.is_ascii_uppercase() == upper)
            && s.chars().skip(1).all(|c| c.is_ascii_lowercase())
            && korean_syllable(&s.to_ascii_lowercase())
    };
    for n in names.iter_mut() {
        let (Some(last), Some(next)) = (words.get(n.toks.end - 1), words.get(n.toks.end)) else {
            continue;
        };
        let given = next
            .split_once('-')
            .is_some_and(|(a, b)| syllable(a, true) && syllable(b, false));
        if n.kind == EntityType::Person
            && n.toks.len() == 1
            && last.chars().count() <= 6
            && given
            && !taken.contains(&n.toks.end)
        {
            n.toks.end += 1;
        }
    }
}

/// True when `s` (lower case) is one syllable of romanised Korean: an initial consonant,
/// a vowel and a final consonant, each as the usual spellings write them ("min", "seok",
/// "hyeon", "hoon"; not "anti" or "war").
fn korean_syllable(s: &str) -> bool {
    const ONSET: [&str; 21] = [
        "", "g", "k", "kk", "n", "d", "t", "tt", "r", "l", "m", "b", "p", "pp", "s", "ss", "sh",
        "j", "jj", "ch", "h",
    ];
    const VOWEL: [&str; 26] = [
        "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
        "we", "wi", "yu", "eu", "ui", "i", "oo", "ee", "ou", "you", "yeu",
    ];
    const CODA: [&str; 11] = ["", "k", "n", "t", "l", "m", "p", "ng", "g", "b", "d"];
    ONSET.iter().any(|o| {
        s.strip_prefix(o).is_some_and(|r| {
            VOWEL
                .iter()
                .any(|v| r.strip_prefix(v).is_some_and(|c| CODA.contains(&c)))
        })
    })
}

fn is_list_glue(w: &str) -> bool {
    matches!(w, "," | "and" | "or" | "&")
}

/// Within a list of three or more one-word names joined by commas and "and"/"or", a
/// member typed differently from a strict majority takes the majority's type.
pub(crate) fn lists(names: &mut [Name], words: &[&str]) {
    let mut i = 0;
    while i < names.len() {
        let mut j = i + 1;
        while j < names.len() {
            let gap = names[j - 1].toks.end..names[j].toks.start;
            let joined = !gap.is_empty()
                && gap.len() <= 2
                && gap
                    .clone()
                    .all(|k| words.get(k).is_some_and(|w| is_list_glue(w)));
            if !joined {
                break;
            }
            j += 1;
        }
        let run = &names[i..j];
        if run.len() >= 3 && run.iter().all(|n| n.toks.len() == 1) {
            let mut best = (0, EntityType::Misc);
            for t in EntityType::ALL {
                let c = run.iter().filter(|n| n.kind == t).count();
                if c > best.0 {
                    best = (c, t);
                }
            }
            if best.0 * 2 > run.len() {
                for n in &mut names[i..j] {
                    n.kind = best.1;
                }
            }
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(a: usize, kind: EntityType) -> Name {
        Name {
            toks: a..a + 1,
            kind,
            role: None,
        }
    }

    #[test]
    fn a_family_name_takes_the_hyphenated_given_name_after_it() {
        let w = [
            "General", "Choi", "Min-seok", "told", "Park", "Anti-war", "Kim", "Ji-Hoon",
        ];
        let mut ns = vec![
            name(1, EntityType::Person),
            name(4, EntityType::Person),
            name(6, EntityType::Person),
        ];
        hyphenated_given(&mut ns, &w);
        assert_eq!(ns[0].toks, 1..3);
        for k in [
            "seok", "hyeon", "hoon", "yeol", "young", "jae", "un", "myung",
        ] {
            assert!(korean_syllable(k), "{k}");
        }
        // Not syllables of another language, nor a second syllable in capitals.
        assert_eq!(ns[1].toks, 4..5);
        assert_eq!(ns[2].toks, 6..7);
    }

    #[test]
    fn list_members_share_the_majority_type() {
        let w = [
            "near",
            "Pokrovsk",
            ",",
            "Kurakhove",
            ",",
            "and",
            "Lyman",
            "today",
        ];
        let mut ns = vec![
            name(1, EntityType::Gpe),
            name(3, EntityType::Gpe),
            name(6, EntityType::Person),
        ];
        lists(&mut ns, &w);
        assert!(ns.iter().all(|n| n.kind == EntityType::Gpe));
    }

    #[test]
    fn two_names_are_not_a_list() {
        let w = ["Kovalenko", "and", "Kharkiv"];
        let mut ns = vec![name(0, EntityType::Person), name(2, EntityType::Gpe)];
        lists(&mut ns, &w);
        assert_eq!(ns[0].kind, EntityType::Person);
    }

    #[test]
    fn lone_surnames_follow_full_names() {
        let w = ["Olena", "Kovalenko", "said", ".", "Kovalenko", "left"];
        let mut ns = vec![
            Name {
                toks: 0..2,
                kind: EntityType::Person,
                role: None,
            },
            name(4, EntityType::Org),
        ];
        surnames(&mut ns, &w);
        assert_eq!(ns[1].kind, EntityType::Person);
    }
}
