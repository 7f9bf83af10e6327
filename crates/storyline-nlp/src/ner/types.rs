//! From CoNLL's four types to the contract's seven.

use storyline_model::EntityType;

use super::hash::SEED;
use super::lexicon::{lower_hash, Lexicon, GAZ_CATEGORIES};

/// Last words that make a place a natural or regional feature (LOC), not a polity (GPE).
const FEATURE_WORDS: &[&str] = &[
    "river",
    "sea",
    "ocean",
    "lake",
    "gulf",
    "bay",
    "strait",
    "straits",
    "mountains",
    "mountain",
    "mount",
    "hills",
    "valley",
    "basin",
    "desert",
    "peninsula",
    "coast",
    "island",
    "islands",
    "forest",
    "plain",
    "plains",
    "region",
    "delta",
    "canal",
    "channel",
];

/// Words that make a name an event.
const EVENT_WORDS: &[&str] = &[
    "war",
    "summit",
    "olympics",
    "games",
    "cup",
    "championship",
    "championships",
    "election",
    "elections",
    "revolution",
    "conference",
    "festival",
    "offensive",
    "uprising",
    "crisis",
    "open",
    "grand",
    "prix",
    "tour",
    "marathon",
    "forum",
];

/// Endings of nationality and group words ("Ukrainian", "Japanese", "Polish", "Israeli").
const DEMONYM_ENDINGS: &[&str] = &[
    "an", "ans", "ese", "ish", "i", "is", "ic", "ch", "iot", "iots", "er", "ers",
];

pub(crate) fn gaz_bits(lex: &Lexicon, words: &[&str]) -> u8 {
    let mut h = SEED;
    for w in words {
        h = super::hash::phrase_step(h, lower_hash(w));
    }
    lex.gaz.get(&h).copied().unwrap_or(0)
}

/// True when `w`, as written or without its accents ("María" for "Maria"), is a given name
/// of the gazetteer.
pub(crate) fn given_name(lex: &Lexicon, w: &str, lang: &str) -> bool {
    gaz_bits(lex, &[w]) & super::lexicon::GAZ_GIVEN != 0
        || gaz_bits(lex, &[storyline_model::names::fold(w, lang).as_str()])
            & super::lexicon::GAZ_GIVEN
            != 0
}

fn bit(name: &str) -> u8 {
    GAZ_CATEGORIES
        .iter()
        .position(|c| *c == name)
        .map_or(0, |i| 1 << i)
}

fn lower_in(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| w.eq_ignore_ascii_case(x))
}

/// Buildings whose name stands for the body in them.
const SEATS: &[&str] = &["house", "kremlin", "pentagon", "élysée", "elysee"];

/// The contract type of a name the model typed `ty` (an index into
/// [`TRAINED_TYPES`](super::labels::TRAINED_TYPES)), given its words.
pub fn refine(lex: &Lexicon, words: &[&str], ty: usize) -> EntityType {
    let last = words.last().copied().unwrap_or("");
    match ty {
        0 => EntityType::Person,
        1 => EntityType::Org,
        2 => {
            let g = gaz_bits(lex, words);
            // "the White House", "the Kremlin", "the Pentagon": a seat of power named as
            // the actor it houses.
            if words.len() <= 2 && lower_in(last, SEATS) {
                return EntityType::Org;
            }
            if g & bit("REGION") != 0 {
                EntityType::Loc
            } else if g & (bit("COUNTRY") | bit("CITY") | bit("ADMIN")) != 0 {
                EntityType::Gpe
            } else if words.iter().any(|w| lower_in(w, FEATURE_WORDS)) {
                EntityType::Loc
            } else {
                EntityType::Gpe
            }
        }
        _ => {
            if words.iter().any(|w| lower_in(w, EVENT_WORDS)) {
                return EntityType::Event;
            }
            let titled = last.chars().next().is_some_and(char::is_uppercase);
            let lower = last.to_lowercase();
            let demonym = words.len() <= 3
                && titled
                && last.chars().count() >= 4
                && DEMONYM_ENDINGS.iter().any(|e| lower.ends_with(e));
            if demonym {
                EntityType::Norp
            } else {
                EntityType::Misc
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_and_groups_get_contract_types() {
        let mut lex = Lexicon::default();
        lex.add_gazetteer("CITY", "Kharkiv");
        lex.add_gazetteer("REGION", "Europe");
        let cases: &[(&[&str], usize, EntityType)] = &[
            (&["Kharkiv"], 2, EntityType::Gpe),
            (&["Europe"], 2, EntityType::Loc),
            (&["Dnipro", "River"], 2, EntityType::Loc),
            (&["North", "Korean"], 3, EntityType::Norp),
            (&["Ukrainians"], 3, EntityType::Norp),
            (&["Second", "World", "War"], 3, EntityType::Event),
            (&["Windows"], 3, EntityType::Misc),
            (&["Olena", "Kovalenko"], 0, EntityType::Person),
            (&["Naftogaz"], 1, EntityType::Org),
            (&["White", "House"], 2, EntityType::Org),
            (&["Kremlin"], 2, EntityType::Org),
        ];
        for (words, ty, want) in cases {
            assert_eq!(refine(&lex, words, *ty), *want, "{words:?}");
        }
    }
}
