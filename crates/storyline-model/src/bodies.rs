//! International bodies by their names and acronyms in the stream's languages
//! (`data/bodies.tsv`, written by hand): the linker meets their names across languages, and
//! the tagger's names for them are organisations.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::names;

/// International bodies' names in the stream's languages (`data/bodies.tsv`): folded names
/// as words, by their first word's first four letters, and acronyms whole.
struct Bodies {
    by_stem: HashMap<String, Vec<(Vec<String>, &'static str)>>,
    acronyms: HashMap<String, &'static str>,
    /// The first two letters of every name and acronym, in lower case: most names are
    /// ruled out by them with no allocation.
    openings: std::collections::HashSet<(char, char)>,
}

/// The first two letters of `s` in lower case (a letter's lower case is its first char).
fn opening(s: &str) -> (char, char) {
    let mut it = s
        .chars()
        .filter(|c| c.is_alphabetic())
        .map(|c| c.to_lowercase().next().unwrap_or(c));
    (it.next().unwrap_or(' '), it.next().unwrap_or(' '))
}

static BODIES: LazyLock<Bodies> = LazyLock::new(|| {
    let mut b = Bodies {
        by_stem: HashMap::new(),
        acronyms: HashMap::new(),
        openings: std::collections::HashSet::new(),
    };
    for line in include_str!("../data/bodies.tsv").lines() {
        let Some((code, rest)) = line.split_once('\t').filter(|_| !line.starts_with('#')) else {
            continue;
        };
        for n in rest.split('|').filter(|n| !n.is_empty()) {
            b.openings.insert(opening(n));
            if is_body_acronym(n) {
                b.acronyms.insert(n.replace('.', "").to_lowercase(), code);
                continue;
            }
            let words: Vec<String> = names::fold(n, "").split(' ').map(str::to_string).collect();
            let stem: String = words[0].chars().take(4).collect();
            b.by_stem.entry(stem).or_default().push((words, code));
        }
    }
    b
});

/// A short name in capitals, perhaps with periods ("EU", "U.N.", "ООН"), or in title case
/// of up to four letters as Italian writes acronyms ("Ue", "Onu", "Nato").
fn is_body_acronym(n: &str) -> bool {
    let letters: Vec<char> = n.chars().filter(|c| *c != '.').collect();
    !n.contains(' ')
        && (2..=6).contains(&letters.len())
        && letters.iter().all(|c| c.is_alphabetic())
        && letters[0].is_uppercase()
        && (letters.iter().all(|c| c.is_uppercase()) || letters.len() <= 4)
}

/// The international body a name stands for ("EU", "Europäischen Union", "Евросоюза",
/// "l'Ue", "유럽연합"), as its code in `data/bodies.tsv`. Inflected forms match their
/// dictionary form by word: the same word, or one that differs only in its last two letters
/// or fewer (case endings).
pub fn body(surface: &str) -> Option<&'static str> {
    body_where(surface, true)
}

/// [`body`] for the very name or acronym only, in any case or accents, no inflected form:
/// for the tagger, where "Europe" must not be taken for "Europol".
pub fn body_exactly(surface: &str) -> Option<&'static str> {
    body_where(surface, false)
}

fn body_where(surface: &str, inflected: bool) -> Option<&'static str> {
    let b = &*BODIES;
    let s = surface
        .rsplit(['\'', '’'])
        .next()
        .unwrap_or(surface)
        .trim_end_matches("'s");
    if !b.openings.contains(&opening(s)) {
        return None;
    }
    if !s.contains(' ') {
        if let Some(c) = b.acronyms.get(&s.replace('.', "").to_lowercase()) {
            return Some(c);
        }
    }
    let words: Vec<String> = names::fold(s, "").split(' ').map(str::to_string).collect();
    let stem: String = words.first()?.chars().take(4).collect();
    let cyrillic = s.chars().any(crate::romanize::is_cyrillic);
    let close = |a: &str, b: &str| {
        let (la, lb) = (a.chars().count(), b.chars().count());
        if a == b {
            return true;
        }
        if !inflected {
            return false;
        }
        let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
        // An ending added ("Europäischen", "Евросоюза"), or in Cyrillic the vowel that ends
        // the name changed ("Єврокомісії"); a name ending in a consonant keeps all of it:
        // "Europe" and "Европе" are no "Europol".
        la.min(lb) >= 4
            && la.abs_diff(lb) <= 2
            && (common == la.min(lb)
                || cyrillic
                    && a.ends_with(['a', 'e', 'i', 'o', 'u', 'y'])
                    && common + 2 >= la.max(lb))
    };
    b.by_stem.get(&stem)?.iter().find_map(|(name, code)| {
        (name.len() == words.len() && name.iter().zip(&words).all(|(x, y)| close(x, y)))
            .then_some(*code)
    })
}

#[cfg(test)]
mod tests {
    use super::{body, body_exactly};

    #[test]
    fn bodies_by_their_names_acronyms_and_inflected_forms() {
        assert_eq!(body("Europäischen Union"), Some("EU"));
        assert_eq!(body("l'Ue"), Some("EU"));
        assert_eq!(body("Europol"), Some("EUROPOL"));
        assert_eq!(body("Interpol"), Some("INTERPOL"));
        assert_eq!(body("Rotterdam"), None);
        assert_eq!(body_exactly("Europol"), Some("EUROPOL"));
        assert_eq!(body_exactly("Europe"), None);
        assert_eq!(body("Europe"), None);
        assert_eq!(body("Европола"), Some("EUROPOL"));
        assert_eq!(body("Европе"), None);
        assert_eq!(body_exactly("Europäischen Union"), None);
    }
}
