//! Titles and roles around person names: "President Olena Kovalenko",
//! "Deputy Defence Minister Kovalenko", "Commander-in-Chief Petrenko".
//!
//! A title word right before a one-word name makes it a person; a name the model ran
//! together with the title before it ("Security Adviser Ivan Moroz" as one ORG) is split
//! at the last title word; and the capitalised run of words before a person that holds a
//! title becomes the mention's role.

use storyline_model::EntityType;

/// Words that name an office or rank (lowercase; the last part of a hyphenated word
/// counts, so "Commander-in-Chief" is a title through "chief").
const TITLE_WORDS: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "undersecretary",
    "under-secretary",
    "general",
    "adviser",
    "advisor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "chief",
    "chancellor",
    "governor",
    "mayor",
    "senator",
    "ambassador",
    "envoy",
    "director",
    "prime",
    "premier",
    "colonel",
    "lieutenant",
    "captain",
    "major",
    "sergeant",
    "admiral",
    "marshal",
    "judge",
    "justice",
    "head",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "deputy",
    "representative",
    "lawmaker",
    "mp",
    "dr.",
    "mr.",
    "mrs.",
    "ms.",
    "gen.",
    "col.",
    "lt.",
    "sen.",
    "rep.",
    "gov.",
    "pres.",
    "sgt.",
    "capt.",
    // Military and police ranks as wire copy shortens them ("Rear Adm. Dwi Hartono").
    "adm.",
    "rear",
    "vice",
    "maj.",
    "cmdr.",
    "brig.",
    "cpl.",
    "supt.",
    "insp.",
    "det.",
    "officer",
    "commissioner",
    "councilor",
    "councillor",
    "superintendent",
    "sheriff",
    "attorney",
];

/// Titles that stand before one name only, a person's ("King Sihanouk", "Mr Barzani"), as
/// "General" or "Major" do not ("General Motors", "Major League"): monarchs, clergy, and
/// courtesy titles as British copy writes them, without a point. Title words too.
const PERSONAL_TITLES: &[&str] = &[
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "cardinal",
    "archbishop",
    "bishop",
    "emperor",
    "empress",
    "sultan",
    "tsar",
    "czar",
    "sheikh",
    "mr",
    "mrs",
    "ms",
    "dr",
];

/// True when `w` is a title word.
pub(crate) fn is_title(w: &str) -> bool {
    let last = w.rsplit('-').next().unwrap_or(w);
    TITLE_WORDS
        .iter()
        .chain(PERSONAL_TITLES)
        .any(|t| last.eq_ignore_ascii_case(t))
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A name being typed: token range (flat over the article) and type.
#[derive(Debug, Clone)]
pub(crate) struct Name {
    pub toks: std::ops::Range<usize>,
    pub kind: EntityType,
    /// Token range of the title phrase that goes with it, if any.
    pub role: Option<std::ops::Range<usize>>,
}

/// Names without roles from `(start, end, type)` token spans (tests).
#[cfg(test)]
pub(crate) fn names_of(spans: &[(usize, usize, EntityType)]) -> Vec<Name> {
    spans
        .iter()
        .map(|&(a, b, kind)| Name {
            toks: a..b,
            kind,
            role: None,
        })
        .collect()
}

/// Whether each word begins a sentence: the first, and each after a "." (tests).
#[cfg(test)]
pub(crate) fn starts_after_periods(words: &[&str]) -> Vec<bool> {
    (0..words.len())
        .map(|i| i == 0 || words[i - 1] == ".")
        .collect()
}

/// Applies the title rules to `names` over the article's flat `words`; `sentence_start`
/// tells whether a token begins a sentence (titles never reach across sentences).
/// `common` tells a word mostly written in lower case ("league", "baseball"): a name
/// ending in one is no person, so the title word before it is part of the name ("Major
/// League", "General Motors"). `org_word` tells the head noun or ending of an
/// organisation's name ("Association", "Council", "Inc"): the capitalised words before a
/// title that end in one stay an organisation ("Panamanian Boxing Association President
/// Ramon Manzanares").
pub(crate) fn apply(
    names: &mut Vec<Name>,
    words: &[&str],
    sentence_start: &[bool],
    common: &dyn Fn(&str) -> bool,
    org_word: &dyn Fn(&str) -> bool,
) {
    let mut heads = Vec::new();
    for n in names.iter_mut() {
        // Split "… Adviser Ivan Moroz" at the last title word; an acronym before the first
        // title word ("NATO" in "NATO Secretary General Mark Rutte", "FBI Director …") stays
        // a name of the type the model gave the whole.
        if n.kind != EntityType::Person && n.toks.len() >= 2 {
            let cut = (n.toks.start..n.toks.end - 1)
                .rev()
                .find(|&i| words.get(i).is_some_and(|w| is_title(w)));
            if let Some(k) = cut {
                let tail = k + 1..n.toks.end;
                let surname = words.get(n.toks.end - 1).copied().unwrap_or("");
                if tail.len() <= 3
                    && !common(surname)
                    && tail
                        .clone()
                        .all(|i| words.get(i).is_some_and(|w| capitalised(w)))
                {
                    let first = (n.toks.start..k)
                        .find(|&i| words.get(i).is_some_and(|w| is_title(w)))
                        .unwrap_or(k);
                    let head = n.toks.start..first;
                    let acronyms = head.clone().all(|i| {
                        words.get(i).is_some_and(|w| {
                            w.chars().count() >= 2 && super::lexicon::is_all_caps(w)
                        })
                    });
                    let organisation = head.len() >= 2
                        && head
                            .clone()
                            .all(|i| words.get(i).is_some_and(|w| capitalised(w)))
                        && words.get(first - 1).is_some_and(|w| org_word(w));
                    if !head.is_empty() && (acronyms || organisation) {
                        heads.push(Name {
                            toks: head,
                            kind: if acronyms { n.kind } else { EntityType::Org },
                            role: None,
                        });
                    }
                    n.kind = EntityType::Person;
                    n.toks = tail;
                }
            }
        }
        // "Gov. Gavin Newsom", "Chief Financial Officer Priya Venkataraman": a person's
        // name the model read with its title; the title becomes the role.
        if n.kind == EntityType::Person && n.toks.len() >= 2 {
            let k = (n.toks.start..n.toks.end - 1)
                .rev()
                .find(|&i| words.get(i).is_some_and(|w| is_title(w)));
            if let Some(k) = k {
                let rest = k + 1..n.toks.end;
                let abbreviated = words.get(k).is_some_and(|w| w.ends_with('.'));
                let leading = (n.toks.start..=k).all(|i| {
                    words
                        .get(i)
                        .is_some_and(|w| capitalised(w) && !common(w) || is_title(w))
                });
                let personal = words
                    .get(k)
                    .is_some_and(|w| PERSONAL_TITLES.iter().any(|t| w.eq_ignore_ascii_case(t)));
                if leading
                    && (rest.len() >= 2 || abbreviated || personal)
                    && rest
                        .clone()
                        .all(|i| words.get(i).is_some_and(|w| capitalised(w)))
                {
                    n.role = Some(n.toks.start..k + 1);
                    n.toks = rest;
                    continue;
                }
            }
        }
        let start = n.toks.start;
        let before = start.checked_sub(1).and_then(|i| words.get(i)).copied();
        let at_start = sentence_start.get(start).copied().unwrap_or(true);
        // "Commander-in-Chief Petrenko": a title right before a one-word name.
        if n.kind != EntityType::Person
            && n.toks.len() == 1
            && !at_start
            && before.is_some_and(|w| is_title(w) && capitalised(w))
            && !words.get(start).is_some_and(|w| common(w))
        {
            n.kind = EntityType::Person;
        }
        if n.kind != EntityType::Person {
            continue;
        }
        // The role: the capitalised run before the name, if it holds a title word.
        let mut from = start;
        let mut titled = false;
        while from > 0 && !sentence_start.get(from).copied().unwrap_or(true) {
            let Some(w) = words.get(from - 1) else { break };
            if !(capitalised(w) || is_title(w)) || w.chars().all(|c| !c.is_alphanumeric()) {
                break;
            }
            // A capitalised first word may just start the sentence ("Then", "Ukrainian").
            let first = sentence_start.get(from - 1).copied().unwrap_or(true);
            if first && !is_title(w) && !super::lexicon::is_all_caps(w) {
                break;
            }
            titled |= is_title(w);
            from -= 1;
        }
        if titled {
            // Drop leading words before the first title-bearing run ("The", "Then").
            while from < start && !capitalised(words.get(from).copied().unwrap_or("")) {
                from += 1;
            }
            n.role = Some(from..start);
        }
    }
    if !heads.is_empty() {
        names.extend(heads);
        names.sort_by_key(|n| (n.toks.start, n.toks.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(
        words: &[&str],
        names: &[(usize, usize, EntityType)],
    ) -> Vec<(String, EntityType, Option<String>)> {
        let mut ns = names_of(names);
        let mut starts = vec![false; words.len()];
        starts[0] = true;
        apply(
            &mut ns,
            words,
            &starts,
            &|w| matches!(w, "League" | "Motors"),
            &|w| matches!(w, "Association" | "Council"),
        );
        ns.iter()
            .map(|n| {
                (
                    words[n.toks.clone()].join(" "),
                    n.kind,
                    n.role.clone().map(|r| words[r].join(" ")),
                )
            })
            .collect()
    }

    #[test]
    fn titles_make_people_and_roles() {
        let nato = [
            "Then",
            "NATO",
            "Secretary",
            "General",
            "Ivan",
            "Moroz",
            "spoke",
        ];
        let got = run(
            &nato,
            &[(1, 2, EntityType::Org), (4, 6, EntityType::Person)],
        );
        assert_eq!(
            got[1],
            (
                "Ivan Moroz".into(),
                EntityType::Person,
                Some("NATO Secretary General".into())
            )
        );
        let w = [
            "A",
            "report",
            "from",
            "Commander-in-Chief",
            "Petrenko",
            "came",
        ];
        let got = run(&w, &[(4, 5, EntityType::Gpe)]);
        assert_eq!(got[0].1, EntityType::Person);
        let got = run(&nato, &[(1, 6, EntityType::Org)]);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], ("NATO".into(), EntityType::Org, None));
        assert_eq!(got[1].0, "Ivan Moroz");
        assert_eq!(got[1].2.as_deref(), Some("NATO Secretary General"));
        let w = [
            "Later", "National", "Security", "Adviser", "Ivan", "Moroz", "said",
        ];
        let got = run(&w, &[(1, 6, EntityType::Org)]);
        assert_eq!(
            got[0],
            (
                "Ivan Moroz".into(),
                EntityType::Person,
                Some("National Security Adviser".into())
            )
        );
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn a_title_before_a_common_word_is_part_of_the_name() {
        let w = ["the", "Major", "League", "and", "General", "Motors"];
        let got = run(&w, &[(1, 3, EntityType::Misc), (5, 6, EntityType::Org)]);
        assert_eq!(got[0].1, EntityType::Misc);
        assert_eq!(got[0].0, "Major League");
        assert_eq!(got[1].1, EntityType::Org);
    }

    #[test]
    fn an_organisation_before_a_title_stays_an_organisation() {
        let w = [
            "The",
            "Panamanian",
            "Boxing",
            "Association",
            "President",
            "Ramon",
            "Manzanares",
            "and",
            "Defence",
            "Minister",
            "Ivan",
            "Moroz",
        ];
        let got = run(&w, &[(1, 7, EntityType::Org), (8, 12, EntityType::Org)]);
        assert_eq!(
            got[0],
            (
                "Panamanian Boxing Association".into(),
                EntityType::Org,
                None
            )
        );
        assert_eq!(got[1].0, "Ramon Manzanares");
        assert_eq!(got[1].1, EntityType::Person);
        // "Defence" is no organisation's head noun: only the person is left.
        assert_eq!(got[2].0, "Ivan Moroz");
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn places_after_ordinary_words_stay_places() {
        let w = ["Troops", "entered", "Kharkiv"];
        let got = run(&w, &[(2, 3, EntityType::Gpe)]);
        assert_eq!(got[0], ("Kharkiv".into(), EntityType::Gpe, None));
    }

    #[test]
    fn a_title_the_model_read_into_a_persons_name_becomes_the_role() {
        let words = ["Gov.", "Gavin", "Newsom", "secured", "a", "grant"];
        let got = run(&words, &[(0, 3, EntityType::Person)]);
        assert_eq!(
            got,
            [(
                "Gavin Newsom".to_string(),
                EntityType::Person,
                Some("Gov.".to_string())
            )]
        );
        let words = [
            "said",
            "Chief",
            "Financial",
            "Officer",
            "Priya",
            "Venkataraman",
            ".",
        ];
        let got = run(&words, &[(1, 6, EntityType::Person)]);
        assert_eq!(got[0].0, "Priya Venkataraman");
        assert_eq!(got[0].2.as_deref(), Some("Chief Financial Officer"));
        let words = ["Rear", "Adm.", "Dwi", "Hartono", "said", "."];
        let got = run(&words, &[(0, 4, EntityType::Person)]);
        assert_eq!(got[0].0, "Dwi Hartono");
        assert_eq!(got[0].2.as_deref(), Some("Rear Adm."));
        // A title that stands before a person only leaves even one name ("Mr Barzani",
        // "Cardinal Ortega"); "Major" before one word may be a name's ("Major Lake").
        let words = ["said", "Mr", "Barzani", "and", "Cardinal", "Ortega", "."];
        let got = run(
            &words,
            &[(1, 3, EntityType::Person), (4, 6, EntityType::Person)],
        );
        assert_eq!(got[0].0, "Barzani");
        assert_eq!(got[0].2.as_deref(), Some("Mr"));
        assert_eq!(got[1].0, "Ortega");
        assert_eq!(got[1].2.as_deref(), Some("Cardinal"));
        let words = ["said", "Major", "Lake", "."];
        let got = run(&words, &[(1, 3, EntityType::Person)]);
        assert_eq!(got[0].0, "Major Lake");
    }
}
