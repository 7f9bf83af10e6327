//! Name-key consistency after tagging: the same name is the same kind of thing
//! throughout an article, however it is spelled or in whatever script it is written.
//!
//! * A mention whose spelling-insensitive key ([`storyline_model::names::keys`]) is that of
//!   a person named elsewhere in the article, whole or by surname, is a person too
//!   ("Zelenskyy" after "Volodymyr Zelensky").
//! * Two person mentions with only a space between them are one name ("Volodymyr" +
//!   "Zelenskyy" when the tagger cut the name in two).
//! * A run of capitalised words in another script that no mention covers becomes a
//!   mention when its transliterated key is that of a name already found
//!   ("Володимир Зеленський" beside "Volodymyr Zelenskyy").

use std::collections::HashMap;

use storyline_model::{names, Article, EntityType, Mention, Span, TokenKind};

fn keys_of(a: &Article, span: Span) -> Vec<String> {
    names::keys(a.text.get(span.start..span.end).unwrap_or(""), &a.lang)
}

fn last_word(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or(key)
}

/// Applies the three rules above to the tagger's mentions.
pub fn apply(a: &Article, mentions: &mut Vec<Mention>) {
    // Keys of people: whole names and surnames of names of two words or more.
    let mut people: HashMap<String, bool> = HashMap::new(); // key -> is a full name
    let mut typed: HashMap<String, EntityType> = HashMap::new();
    for m in mentions.iter() {
        for k in keys_of(a, m.span) {
            if m.kind == EntityType::Person {
                if k.contains(' ') {
                    people.insert(last_word(&k).to_string(), false);
                }
                people.insert(k.clone(), true);
            }
            typed.entry(k).or_insert(m.kind);
        }
    }
    for m in mentions.iter_mut().filter(|m| m.kind != EntityType::Person) {
        let ks = keys_of(a, m.span);
        // By surname only a name of a person's length (four words at most): "Comisión Internacional para la
        // Protección del Rin" is no person for a "Rin" typed one.
        if ks.iter().any(|k| {
            people.contains_key(k) || k.split(' ').count() <= 4 && people.contains_key(last_word(k))
        }) {
            m.kind = EntityType::Person;
        }
    }
    merge_adjacent_people(a, mentions);
    add_other_script_names(a, mentions, &people, &typed);
}

fn merge_adjacent_people(a: &Article, mentions: &mut Vec<Mention>) {
    mentions.sort_by_key(|m| m.span);
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        if let Some(prev) = out.last_mut() {
            let gap = a.text.get(prev.span.end..m.span.start).unwrap_or("x");
            if prev.kind == EntityType::Person
                && m.kind == EntityType::Person
                && !gap.is_empty()
                && gap.chars().all(|c| c == ' ')
            {
                prev.span = prev.span.cover(&m.span);
                prev.role = prev.role.take().or(m.role);
                continue;
            }
        }
        out.push(m);
    }
    *mentions = out;
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{c0}'..'\u{250}').contains(&c)
}

fn add_other_script_names(
    a: &Article,
    mentions: &mut Vec<Mention>,
    people: &HashMap<String, bool>,
    typed: &HashMap<String, EntityType>,
) {
    let letters: Vec<char> = a
        .text
        .chars()
        .filter(|c| c.is_alphabetic())
        .take(400)
        .collect();
    let latin = letters.iter().filter(|c| is_latin(**c)).count();
    if latin * 5 < letters.len() * 4 {
        // Not a Latin-script article: its own script is no anchor.
        return;
    }
    let words: Vec<&storyline_model::Token> = a
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    let foreign_cap = |t: &storyline_model::Token| {
        let w = a.text.get(t.span.start..t.span.end).unwrap_or("");
        let first = w.chars().next();
        first.is_some_and(|c| c.is_uppercase() && !is_latin(c))
    };
    let mut added = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !foreign_cap(words[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len() && j - i < 4 && foreign_cap(words[j]) {
            let gap = a
                .text
                .get(words[j - 1].span.end..words[j].span.start)
                .unwrap_or("x");
            if !gap.chars().all(|c| c == ' ') {
                break;
            }
            j += 1;
        }
        let span = Span::new(words[i].span.start, words[j - 1].span.end);
        i = j;
        if mentions.iter().any(|m| m.span.overlaps(&span)) {
            continue;
        }
        let ks = keys_of(a, span);
        let kind = if ks.iter().any(|k| people.get(k) == Some(&true)) {
            Some(EntityType::Person)
        } else {
            ks.iter().find_map(|k| typed.get(k).copied())
        };
        if let Some(kind) = kind {
            added.push(Mention {
                span,
                kind,
                entity: None,
                resolved: false,
                role: None,
            });
        }
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| m.span);
}
