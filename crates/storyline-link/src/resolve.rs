//! One identity per entity across articles, spellings and scripts.
//!
//! Two steps, both hash lookups (no pairwise comparison of the corpus):
//! 1. **Within an article**, mentions are grouped: full names by their key, a surname-only
//!    mention with the full name that ends (or starts) with it, an acronym with the
//!    organisation whose initials it spells, an organisation's short name (its first word,
//!    "Nordhafen") or one word in parentheses after it ("(Indeci)") with it, whatever the
//!    tagger typed them, and its name without a legal form ("AG"); mentions that
//!    coreference already tied together (an `entity` of the form `#k`) stay together.
//!    A city's name in capitals (a dateline) or, outside English, after a preposition of
//!    place ("a Busan") is the city whatever the tagger called it, and so is a country's
//!    whole name typed MISC.
//! 2. **Across articles**, groups meet by key: places through the gazetteer (a capital
//!    standing for its state as an actor, but the city where an article only places
//!    something in it or datelines from it; a country's names in the stream's languages,
//!    DPRK for North Korea); people by surname key, merged only when their given names agree (same key,
//!    the same consonant skeleton as in Volodymyr / Vladimir, or an initial); a surname-only
//!    group joins the one person of that surname, and stays apart when there are several.
//!    A name in Hangul or Devanagari meets one in another script by its cross-script keys
//!    ([`names::script_keys`]: "윤석열" and "Yoon Suk Yeol", "मोदी" and "Narendra Modi").

use std::collections::HashMap;

use storyline_model::{stable_hash, Article, Entity, EntityType};

use storyline_model::names;

use crate::gazetteer;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Class {
    Person,
    Org,
    Place,
    Other(EntityType),
}

fn class_of(t: EntityType) -> Class {
    match t {
        EntityType::Person => Class::Person,
        EntityType::Org => Class::Org,
        EntityType::Gpe | EntityType::Loc => Class::Place,
        other => Class::Other(other),
    }
}

/// A group of mentions of one entity inside one article.
#[derive(Debug)]
struct Local {
    article: usize,
    class: Class,
    /// (article index, mention index) of the members.
    mentions: Vec<usize>,
    /// Keys of the longest name, one per reading.
    keys: Vec<String>,
    /// Word count of the longest name.
    words: usize,
    country: Option<&'static gazetteer::Country>,
    /// Cross-script keys of a person's name ([`names::script_keys`]).
    xkeys: Vec<String>,
    /// Whether the name is written in a script without case (Hangul, Devanagari).
    uncased: bool,
    /// Whether the name is a city's of the place tables.
    city: bool,
    /// Whether the name is a river's, sea's, lake's or continent's of the place tables.
    natural: bool,
}

fn clean_surface(s: &str) -> &str {
    s.trim()
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_matches(|c: char| !c.is_alphanumeric())
}

fn word_keys(key: &str) -> Vec<&str> {
    key.split(' ').filter(|w| !w.is_empty()).collect()
}

/// Groups one article's mentions.
fn local_groups(ai: usize, a: &Article) -> Vec<Local> {
    let mut groups: Vec<Local> = Vec::new();
    let mut by_tag: HashMap<&str, usize> = HashMap::new();
    let mut by_key: HashMap<(Class, String), usize> = HashMap::new();
    // Longest names first, so that "Zelensky" finds "Volodymyr Zelensky" wherever it is.
    let mut order: Vec<usize> = (0..a.mentions.len()).collect();
    let surface = |i: usize| {
        clean_surface(
            a.text
                .get(a.mentions[i].span.start..a.mentions[i].span.end)
                .unwrap_or(""),
        )
    };
    order.sort_by_key(|&i| (std::cmp::Reverse(surface(i).split_whitespace().count()), i));
    for i in order {
        let m = &a.mentions[i];
        let s = surface(i);
        if s.is_empty() {
            continue;
        }
        if let Some(tag) = m.entity.as_deref().filter(|t| t.starts_with('#')) {
            if let Some(&g) = by_tag.get(tag) {
                groups[g].mentions.push(i);
                continue;
            }
        }
        // "EU", "Europäischen Union", "Евросоюза", "l'Ue": an international body, whatever
        // the tagger typed it.
        let body = gazetteer::body(s);
        // "Rhine", "Rhein", "Rijn", "Рейна": one river in every language.
        let water = (body.is_none() && m.kind == EntityType::Loc)
            .then(|| storyline_model::places::water(s, &a.lang))
            .flatten()
            .map(|w| format!("water:{w}"))
            // "Europe", "Europa", "Европе": one continent in every language.
            .or_else(|| {
                // Whatever the tagger typed it: no person or body is called Europe.
                body.is_none()
                    .then(|| storyline_model::places::region(s, &a.lang))
                    .flatten()
                    .map(|r| format!("region:{r}"))
            });
        let class = if body.is_some() {
            Class::Org
        } else if water.is_some() {
            Class::Place
        } else {
            class_of(m.kind)
        };
        let country = match class {
            _ if body.is_some() || water.is_some() => None,
            // A name the tagger left untyped that is a country's whole name is the
            // country ("If North Korea can intervene …" read as MISC).
            Class::Place | Class::Org | Class::Other(EntityType::Misc) => {
                gazetteer::country(s, &a.lang)
            }
            // In other scripts the tagger's type is least sure: a country's or capital's
            // name is that place whatever it was typed ("Армения").
            _ if !is_latin(s) => gazetteer::country(s, &a.lang),
            _ => None,
        };
        // Three capitals are an acronym ("GDL", "NPA"): no city goes by one, and an
        // organisation's stands for a state only in an article that names the state ("GDL"
        // is a German union, not the Grand Duchy of Luxembourg).
        let acronym = names::is_acronym(s) && s.chars().count() <= 3;
        let country = country.filter(|c| {
            !(class == Class::Org && acronym)
                || (0..a.mentions.len()).any(|j| {
                    let t = surface(j);
                    !names::is_acronym(t)
                        && gazetteer::country(t, &a.lang).is_some_and(|d| d.code == c.code)
                })
        });
        // A capital stands for its state as an actor ("Baku says …"); where the article
        // only ever puts something in it or datelines a report from it, it is the city.
        let capital = country.is_some() && gazetteer::is_capital(s, &a.lang);
        let country = country.filter(|_| !(capital && placed(a, i)));
        // A city is one place in every language and script ("Genf", "Женеве"). Outside
        // English the tagger's type of a one-word city name is least sure ("Hamburgo" as an
        // organisation): the city's name is the city.
        let one_word = !s.contains(char::is_whitespace);
        let city = match (country, class) {
            _ if acronym || body.is_some() || water.is_some() => None,
            (None, _) if capital => gazetteer::city(s),
            (None, Class::Place) => gazetteer::city(s),
            (None, Class::Org | Class::Other(_)) if a.lang != "en" && one_word => {
                gazetteer::city(s)
            }
            // A city's name in capitals is a dateline ("HAMBURG (Hanseatic Business News) —"),
            // whatever the tagger called it.
            (None, _) if capitals(s) => gazetteer::city(s),
            // Outside English, a city's name after a preposition of place is the city, even
            // typed a person ("arrivato a Busan").
            (None, Class::Person) if a.lang != "en" && one_word && after_place_word(a, i) => {
                gazetteer::city(s)
            }
            _ => None,
        };
        let keys = match (country, city) {
            _ if body.is_some() => vec![format!("body:{}", body.unwrap_or_default())],
            _ if water.is_some() => vec![water.clone().unwrap_or_default()],
            (Some(c), _) => vec![format!("country:{}", c.code)],
            (None, Some(id)) => vec![format!("city:{id}")],
            (None, None) if class == Class::Org => {
                let mut keys = names::keys(without_legal_form(s), &a.lang);
                keys.extend(cyrillic_stems(s));
                keys
            }
            (None, None) => {
                let mut keys = names::keys(s, &a.lang);
                // A town the tables do not know, in another case ("под Красноильском", "у
                // Сторожинці"), meets its nominative in Latin script ("Krasnoilsk").
                if matches!(class, Class::Place | Class::Other(EntityType::Misc)) {
                    // "the Kharkiv region", "Kharkiv Oblast", "Харьковской областью",
                    // "Харківської області": one region, by the first letters of its name.
                    keys.extend(region_key(s));
                    // "여수시" is "여수": a Korean place with the suffix of its kind.
                    let korean = storyline_model::places::korean_stem(s).map(str::to_string);
                    for n in storyline_model::places::nominatives(s)
                        .into_iter()
                        .chain(korean)
                    {
                        for k in names::keys(&n, &a.lang) {
                            if !keys.contains(&k) {
                                keys.push(k);
                            }
                        }
                    }
                }
                keys
            }
        };
        let uncased = s.chars().any(storyline_model::romanize::is_romanized);
        // "윤석열" is a given and a family name in one word.
        let words = if uncased {
            keys.first().map_or(1, |k| k.split(' ').count())
        } else {
            s.split_whitespace().count()
        };
        let class = if country.is_some() || city.is_some() {
            Class::Place
        } else {
            class
        };
        let mut found = keys
            .iter()
            .find_map(|k| by_key.get(&(class, k.clone())).copied());
        // "Instituto Nacional de Defensa Civil (Indeci)": one word in parentheses right after
        // an organisation's name of several words is its short name, whatever its type.
        if found.is_none() && country.is_none() && city.is_none() && words == 1 {
            let org = i.checked_sub(1).filter(|&p| {
                let pm = &a.mentions[p];
                pm.kind == EntityType::Org
                    && surface(p).split_whitespace().count() >= 2
                    && a.text
                        .get(pm.span.end..m.span.start)
                        .is_some_and(|g| g.trim() == "(")
                    && a.text.get(m.span.end..).is_some_and(|r| r.starts_with(')'))
            });
            found = org.and_then(|p| groups.iter().position(|g| g.mentions.contains(&p)));
        }
        if found.is_none() && country.is_none() && words == 1 {
            found = match class {
                // A surname (or, in Korean names, a family name) of a fuller name.
                Class::Person => groups.iter().rposition(|g| {
                    g.class == Class::Person
                        && g.words > 1
                        && g.keys.iter().any(|gk| {
                            let w = word_keys(gk);
                            keys.iter().any(|k| {
                                w.last() == Some(&k.as_str()) || w.first() == Some(&k.as_str())
                            })
                        })
                }),
                // A company's short name: the first word of one longer name ("Nordhafen"
                // after "Nordhafen Logistik").
                Class::Org | Class::Place | Class::Other(EntityType::Misc)
                    if !names::is_acronym(s) && city.is_none() =>
                {
                    let firsts: Vec<usize> = groups
                        .iter()
                        .enumerate()
                        .filter(|(_, g)| {
                            g.class == Class::Org
                                && g.words > 1
                                && g.keys.iter().any(|gk| {
                                    word_keys(gk)
                                        .first()
                                        .is_some_and(|f| keys.contains(&f.to_string()))
                                })
                        })
                        .map(|(j, _)| j)
                        .collect();
                    (firsts.len() == 1).then(|| firsts[0]).or_else(|| {
                        // "해수부" for "해양수산부", "해경" for "해양경찰청": Korean clips a
                        // body's name to syllables of its words (nothing to look for
                        // in another script).
                        if !s.chars().all(storyline_model::romanize::is_hangul_syllable) {
                            return None;
                        }
                        let clipped: Vec<usize> = groups
                            .iter()
                            .enumerate()
                            .filter(|(_, g)| {
                                g.class == Class::Org
                                    && g.mentions.iter().any(|&j| korean_clipping(s, surface(j)))
                            })
                            .map(|(j, _)| j)
                            .collect();
                        (clipped.len() == 1).then(|| clipped[0])
                    })
                }
                Class::Org => {
                    let letters: String = s.chars().filter(|c| *c != '.').collect();
                    groups.iter().position(|g| {
                        g.class == Class::Org
                            && g.words > 1
                            && g.mentions
                                .iter()
                                .any(|&j| names::initials(surface(j)) == letters)
                    })
                }
                _ => None,
            };
        }
        let g = match found {
            Some(g) => {
                groups[g].mentions.push(i);
                // An organisation's short name or acronym names it in other articles too.
                if groups[g].class == Class::Org && words == 1 && groups[g].words > 1 {
                    for k in &keys {
                        if !groups[g].keys.contains(k) {
                            groups[g].keys.push(k.clone());
                        }
                    }
                }
                g
            }
            None => {
                groups.push(Local {
                    article: ai,
                    class,
                    mentions: vec![i],
                    keys: keys.clone(),
                    words,
                    country,
                    xkeys: Vec::new(),
                    uncased,
                    city: city.is_some(),
                    natural: water.is_some(),
                });
                groups.len() - 1
            }
        };
        for k in keys {
            by_key.entry((class, k)).or_insert(g);
        }
        if let Some(tag) = m.entity.as_deref().filter(|t| t.starts_with('#')) {
            by_tag.insert(tag, g);
        }
    }
    groups
}

/// True when two people's name keys can be the same person: the same surname and
/// compatible given names.
fn given_names_agree(a: &[&str], b: &[&str]) -> bool {
    let (ga, gb) = (&a[..a.len() - 1], &b[..b.len() - 1]);
    match (ga.first(), gb.first()) {
        (Some(x), Some(y)) => {
            x == y
                || names::skeleton(x) == names::skeleton(y)
                || ((x.len() == 1 || y.len() == 1) && x.chars().next() == y.chars().next())
        }
        _ => true,
    }
}

/// Resolves every mention of every article to a corpus entity: sets `Mention::entity`
/// and returns the entities.
pub fn resolve(articles: &mut [Article]) -> Vec<Entity> {
    let mut locals: Vec<Local> = articles
        .iter()
        .enumerate()
        .flat_map(|(i, a)| local_groups(i, a))
        .collect();
    // Cross-script keys, only where a person's name is written in Hangul or Devanagari.
    if locals.iter().any(|l| l.uncased && l.class == Class::Person) {
        for l in locals.iter_mut().filter(|l| l.class == Class::Person) {
            let a = &articles[l.article];
            let name = l
                .mentions
                .first()
                .and_then(|&mi| a.mentions.get(mi))
                .and_then(|m| a.text.get(m.span.start..m.span.end))
                .map(clean_surface)
                .unwrap_or("");
            l.xkeys = names::script_keys(name);
        }
    }
    // Global groups: index into `globals`, each a list of local indices.
    let mut globals: Vec<Vec<usize>> = Vec::new();
    let mut by_key: HashMap<(Class, String), Vec<usize>> = HashMap::new();
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    let mut global_keys: Vec<Vec<String>> = Vec::new();
    let mut order: Vec<usize> = (0..locals.len()).collect();
    // Longer names first; at one length, names in Latin or Cyrillic before those in Hangul
    // or Devanagari, which meet them by their cross-script keys ("윤상철" after "Yoon
    // Sang-cheol", whichever article came first).
    order.sort_by_key(|&i| (std::cmp::Reverse(locals[i].words), locals[i].uncased, i));
    let mut single_people: Vec<usize> = Vec::new();
    // Cross-script keys of people: (global, written without case). Two names meet by them
    // only when one of the two is in Hangul or Devanagari.
    let mut by_xkey: HashMap<String, Vec<(usize, bool)>> = HashMap::new();
    let across = |by_xkey: &HashMap<String, Vec<(usize, bool)>>, l: &Local| {
        // A full name meets another by its surname with its given name's initial, never by
        // the surname alone.
        let full = l.words >= 2;
        l.xkeys
            .iter()
            .filter(|k| !(full && k.starts_with(names::SURNAME_KEY)))
            .find_map(|k| {
                by_xkey
                    .get(k)
                    .and_then(|v| v.iter().find(|(_, u)| *u != l.uncased).map(|(g, _)| *g))
            })
    };
    let register = |by_xkey: &mut HashMap<String, Vec<(usize, bool)>>, l: &Local, g: usize| {
        for k in &l.xkeys {
            let e = by_xkey.entry(k.clone()).or_default();
            if !e.contains(&(g, l.uncased)) {
                e.push((g, l.uncased));
            }
        }
    };
    for li in order {
        let l = &locals[li];
        if l.class == Class::Person && l.words == 1 {
            single_people.push(li);
            continue;
        }
        let mut target = l.keys.iter().find_map(|k| {
            by_key
                .get(&(l.class, k.clone()))
                .and_then(|v| v.first().copied())
        });
        // A full name the tagger typed as an organisation ("Клаудия Бергер") is the
        // person of that name where one is known.
        if target.is_none() && l.words >= 2 && matches!(l.class, Class::Org | Class::Other(_)) {
            target = l.keys.iter().find_map(|k| {
                by_key
                    .get(&(Class::Person, k.clone()))
                    .and_then(|v| v.first().copied())
            });
        }
        if target.is_none() && l.class == Class::Person {
            'outer: for k in &l.keys {
                let w = word_keys(k);
                let Some(last) = w.last() else { continue };
                for &g in by_surname.get(*last).into_iter().flatten() {
                    if global_keys[g]
                        .iter()
                        .any(|gk| given_names_agree(&word_keys(gk), &w))
                    {
                        target = Some(g);
                        break 'outer;
                    }
                }
            }
        }
        if target.is_none() && l.class == Class::Person {
            target = across(&by_xkey, l);
        }
        // And a name the tagger typed as a person that is an organisation's elsewhere
        // ("Nordhafen Logistik"), when no person has it.
        if target.is_none() && l.words >= 2 && l.class == Class::Person {
            target = l.keys.iter().find_map(|k| {
                by_key
                    .get(&(Class::Org, k.clone()))
                    .and_then(|v| v.first().copied())
            });
        }
        // A short name an article gave an organisation ("Nordhafen"), typed otherwise here.
        if target.is_none()
            && matches!(l.class, Class::Place | Class::Other(EntityType::Misc))
            && l.country.is_none()
            && !l.city
            && l.words == 1
        {
            target = l.keys.iter().find_map(|k| {
                by_key
                    .get(&(Class::Org, k.clone()))
                    .and_then(|v| v.first().copied())
            });
        }
        let g = target.unwrap_or_else(|| {
            globals.push(Vec::new());
            global_keys.push(Vec::new());
            globals.len() - 1
        });
        globals[g].push(li);
        register(&mut by_xkey, l, g);
        for k in &l.keys {
            let e = by_key.entry((l.class, k.clone())).or_default();
            if !e.contains(&g) {
                e.push(g);
            }
            if !global_keys[g].contains(k) {
                global_keys[g].push(k.clone());
            }
            if l.class == Class::Person {
                if let Some(last) = word_keys(k).last() {
                    let e = by_surname.entry(last.to_string()).or_default();
                    if !e.contains(&g) {
                        e.push(g);
                    }
                }
            }
        }
    }
    // Surname-only people: the one person of that surname, else one group per key.
    for li in single_people {
        let l = &locals[li];
        let mut target = None;
        for k in &l.keys {
            if let Some(v) = by_surname.get(k).filter(|v| v.len() == 1) {
                target = Some(v[0]);
                break;
            }
            if let Some(v) = by_key.get(&(Class::Person, k.clone())) {
                target = v.first().copied();
                break;
            }
        }
        if target.is_none() {
            target = across(&by_xkey, l);
        }
        let g = target.unwrap_or_else(|| {
            globals.push(Vec::new());
            global_keys.push(Vec::new());
            globals.len() - 1
        });
        globals[g].push(li);
        register(&mut by_xkey, l, g);
        for k in &l.keys {
            let e = by_key.entry((Class::Person, k.clone())).or_default();
            if !e.contains(&g) {
                e.push(g);
            }
        }
    }
    build_entities(articles, &locals, &globals)
}

/// Prepositions of place that put a city's name after them, in the languages read.
const PLACE_WORDS: [&str; 16] = [
    "a", "da", "in", "en", "nach", "aus", "bei", "à", "naar", "bij", "uit", "в", "у", "із", "до",
    "з",
];

/// True when the word before mention `i` of `a`, or before another mention of the same
/// name in the article, is one of [`PLACE_WORDS`].
fn after_place_word(a: &Article, i: usize) -> bool {
    same_name(a, i).any(|m| {
        a.text
            .get(..m.span.start)
            .and_then(|h| h.split_whitespace().next_back())
            .is_some_and(|w| PLACE_WORDS.contains(&w.to_lowercase().as_str()))
    })
}

/// Words before a place's name that put something in it, in the languages read (not "from"
/// or "to": "aus Baku kommt" is a word from the state).
const IN_WORDS: [&str; 10] = ["in", "at", "a", "en", "im", "bei", "à", "bij", "в", "у"];

/// Postpositions after a place's name that put something in it (Korean, Hindi).
const IN_AFTER: [&str; 4] = ["에서", "에", "में", "मे"];

/// True when every mention of the name of mention `i` in `a` puts something in the place
/// ("in New Delhi", "a Seul", "뉴델리에서", "नई दिल्ली में") or opens a dateline, at a line's
/// start or after the date that opens it ("2026-11-18 नई दिल्ली (तटवार्ता) —").
fn placed(a: &Article, i: usize) -> bool {
    // A headline is too terse to tell ("how Belgrade's protest crowd counts drifted"): the
    // body decides where it names the place.
    let headline_end = a.text.find('\n').unwrap_or(a.text.len());
    let in_body = same_name(a, i).any(|m| m.span.start > headline_end);
    same_name(a, i)
        .filter(|m| !in_body || m.span.start > headline_end)
        .all(|m| {
            let head = a.text.get(..m.span.start).unwrap_or("");
            let tail = a.text.get(m.span.end..).unwrap_or("");
            let before = head.split_whitespace().next_back().unwrap_or("");
            let glued: String = tail.chars().take_while(|c| c.is_alphabetic()).collect();
            let after = if glued.is_empty() {
                tail.split_whitespace().next().unwrap_or("")
            } else {
                glued.as_str()
            };
            let line_start = head.rsplit('\n').next().is_none_or(|l| {
                l.trim().is_empty() || l.trim_end().ends_with(|c: char| c.is_ascii_digit())
            });
            // "मापुटो पहुंचेगा" (will reach Maputo): a verb of arriving after it.
            let reached = ["पहुंच", "पहुँच"].iter().any(|v| after.starts_with(v));
            IN_WORDS.contains(&before.to_lowercase().as_str())
                || IN_AFTER.contains(&after)
                || reached
                || (line_start || capitals(a.slice(m.span)))
                    && tail.trim_start().starts_with(['(', ',', '—', '–', '/'])
                || in_longer_name(head, tail)
        })
}

/// True when a place's name at the end of `head` is part of a longer name or a part of the
/// city: after a capitalised word inside a sentence, perhaps with a connector ("Universität
/// Belgrad", "Universidad de Belgrado"), before one, perhaps after "'s" ("Belgrade University",
/// "Belgrade's Emergency Medical Service"), or after a word for a part of a city ("в центре
/// Белграда", "las calles de Belgrado").
fn in_longer_name(head: &str, tail: &str) -> bool {
    const CONNECTORS: [&str; 9] = ["of", "de", "di", "del", "von", "der", "van", "do", "da"];
    const PARTS: [&str; 16] = [
        "centre",
        "center",
        "centro",
        "zentrum",
        "центре",
        "центра",
        "центрі",
        "streets",
        "calles",
        "strade",
        "straßen",
        "улицах",
        "вулицях",
        "outskirts",
        "afueras",
        "окраине",
    ];
    let mut back = head.split_whitespace().rev();
    let w1 = back.next().unwrap_or("");
    let w2 = back.next().unwrap_or("");
    let w3 = back.next().unwrap_or("");
    // "dell'Università": the word after an elided article.
    let capital = |w: &str| {
        w.rsplit(['\'', '’'])
            .next()
            .and_then(|x| x.chars().next())
            .is_some_and(char::is_uppercase)
    };
    // A capitalised word that does not open a sentence.
    let inside = |w: &str, prev: &str| {
        capital(w)
            && !prev.is_empty()
            && !prev.ends_with(['.', '!', '?', ':', '"', '“', '»'])
            && !head.trim_end().ends_with('\n')
    };
    let connector = CONNECTORS.contains(&w1.to_lowercase().as_str());
    let named_before = inside(w1, w2) || connector && inside(w2, w3);
    let part = PARTS.contains(&w1.to_lowercase().as_str())
        || connector && PARTS.contains(&w2.to_lowercase().as_str());
    let rest = tail
        .strip_prefix("'s")
        .or_else(|| tail.strip_prefix("’s"))
        .unwrap_or(tail);
    let named_after = rest.starts_with(' ')
        && rest
            .split_whitespace()
            .next()
            .is_some_and(|w| capital(w) && w.chars().skip(1).any(char::is_lowercase));
    named_before || named_after || part
}

/// A key for a region named by a place and its class noun ("the Kharkiv region", "Kharkiv
/// Oblast", "Харьковской области", "Харківської області"): the first four letters of the
/// place's romanised key.
fn region_key(s: &str) -> Option<String> {
    // "област" begins the Russian "области" and the Ukrainian "області" alike.
    const CLASS: [&str; 3] = ["region", "oblast", "област"];
    let words: Vec<&str> = s.split_whitespace().collect();
    let [place, class] = words.as_slice() else {
        return None;
    };
    let class = class.to_lowercase();
    if !CLASS.iter().any(|c| class.starts_with(c)) {
        return None;
    }
    let key = names::keys(place, "uk").into_iter().next()?;
    // Four letters: Russian and Ukrainian forms part after them ("Харьков", "Харків").
    let stem: String = key.chars().filter(|c| c.is_alphabetic()).take(4).collect();
    (stem.chars().count() == 4).then(|| format!("region:{stem}"))
}

/// A key for an organisation's name of several words in Cyrillic that Russian and
/// Ukrainian write alike but for their endings ("Национальная полиция", "Національна
/// поліція"): the first five letters of each word of its romanised key.
fn cyrillic_stems(s: &str) -> Option<String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() < 2 || !s.chars().any(storyline_model::romanize::is_cyrillic) {
        return None;
    }
    let key = names::keys(s, "uk").into_iter().next()?;
    let stems: Vec<String> = key
        .split_whitespace()
        .map(|w| w.chars().take(5).collect())
        .collect();
    Some(format!("stems:{}", stems.join(" ")))
}

/// A company's name without the legal form after it ("Nordhafen Logistik AG").
fn without_legal_form(s: &str) -> &str {
    match s.trim_end().rsplit_once(' ') {
        Some((head, last)) if names::is_legal_form(last.trim_start_matches(',')) => {
            head.trim_end().trim_end_matches(',')
        }
        _ => s,
    }
}

/// The mentions of `a` written as mention `i` is, in any case ("BELGRADE", "Belgrade").
fn same_name(a: &Article, i: usize) -> impl Iterator<Item = &storyline_model::Mention> {
    let name = a.slice(a.mentions[i].span);
    let lower = || name.chars().flat_map(char::to_lowercase);
    a.mentions.iter().filter(move |m| {
        let s = a.slice(m.span);
        s.len() == name.len() && s.chars().flat_map(char::to_lowercase).eq(lower())
    })
}

/// True when `s` has letters and none of them in lower case ("HAMBURG").
fn capitals(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !s.chars().any(char::is_lowercase)
}

fn is_latin(s: &str) -> bool {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| (c as u32) < 0x250)
}

fn build_entities(
    articles: &mut [Article],
    locals: &[Local],
    globals: &[Vec<usize>],
) -> Vec<Entity> {
    let mut entities = Vec::with_capacity(globals.len());
    for members in globals {
        // Surface forms with how often and where they appear.
        let mut surfaces: Vec<(String, usize, bool)> = Vec::new(); // (form, count, from English)
        let mut types: HashMap<EntityType, usize> = HashMap::new();
        let mut roles: Vec<String> = Vec::new();
        let mut arts: Vec<usize> = Vec::new();
        let mut country = None;
        for &li in members {
            let l = &locals[li];
            country = country.or(l.country);
            let a = &articles[l.article];
            arts.push(l.article);
            for &mi in &l.mentions {
                let m = &a.mentions[mi];
                if m.resolved {
                    continue;
                }
                let raw = a.text.get(m.span.start..m.span.end).unwrap_or("");
                // A place in capitals is a dateline's ("MARLOWE, N.Y. —"): it outweighs a
                // headline's guess ("Marlowe voters pass …").
                let weight = if m.kind == EntityType::Gpe && capitals(raw) {
                    2
                } else {
                    1
                };
                *types.entry(m.kind).or_default() += weight;
                let s = clean_surface(raw).to_string();
                match surfaces.iter_mut().find(|x| x.0 == s) {
                    Some(x) => x.1 += 1,
                    None => surfaces.push((s, 1, a.lang == "en")),
                }
                if let Some(r) = &m.role {
                    if !roles.contains(r) {
                        roles.push(r.clone());
                    }
                }
            }
        }
        let natural = members.iter().any(|&li| locals[li].natural);
        let kind = if country.is_some() || members.iter().any(|&li| locals[li].city) {
            EntityType::Gpe
        } else if natural {
            EntityType::Loc
        } else {
            types
                .iter()
                .max_by_key(|(t, n)| (**n, std::cmp::Reverse(**t)))
                .map(|(t, _)| *t)
                .unwrap_or(EntityType::Misc)
        };
        let name = match country {
            Some(c) => c.name.clone(),
            None => {
                // The spelling most of the corpus agrees with: each form counts the mentions
                // written with a form of the same key (Volodymyr Zelensky, Volodymyr Zelenskyy,
                // Wolodymyr Selenskyj all support one another).
                let keyed: Vec<Vec<String>> = surfaces
                    .iter()
                    .map(|(s, _, _)| names::keys(s, "de"))
                    .collect();
                let support = |i: usize| -> usize {
                    (0..surfaces.len())
                        .filter(|&j| keyed[j].iter().any(|k| keyed[i].contains(k)))
                        .map(|j| surfaces[j].1)
                        .sum()
                };
                (0..surfaces.len())
                    .max_by_key(|&i| {
                        let (s, n, en) = &surfaces[i];
                        (
                            is_latin(s),
                            s.split_whitespace().count().min(4),
                            support(i),
                            *en,
                            *n,
                            std::cmp::Reverse(s.clone()),
                        )
                    })
                    .map(|i| surfaces[i].0.clone())
                    .unwrap_or_default()
            }
        };
        if name.is_empty() {
            continue;
        }
        let key = names::keys(&name, "en").remove(0);
        let id = format!(
            "e{:012x}",
            stable_hash(&[kind.as_str().as_bytes(), key.as_bytes()]) >> 16
        );
        for &li in members {
            let l = &locals[li];
            for &mi in &l.mentions {
                let a = &mut articles[l.article];
                let latin = a
                    .mentions
                    .get(mi)
                    .and_then(|m| a.text.get(m.span.start..m.span.end))
                    .is_none_or(is_latin);
                // Only a city's name typed a person asks for the words around it.
                let placed = l.city
                    && a.lang != "en"
                    && a.mentions
                        .get(mi)
                        .is_some_and(|m| m.kind == EntityType::Person)
                    && after_place_word(a, mi);
                let m = &mut a.mentions[mi];
                m.entity = Some(id.clone());
                if natural {
                    m.kind = EntityType::Loc;
                }
                // One name, one type: a person's name typed otherwise in one article.
                if kind == EntityType::Person
                    && matches!(m.kind, EntityType::Org | EntityType::Misc)
                {
                    m.kind = EntityType::Person;
                }
                // And an organisation's ("Nordhafen Logistik" as a person, "Nordhafen" as a
                // place).
                if kind == EntityType::Org && country.is_none() && !l.city {
                    m.kind = EntityType::Org;
                }
                // "Pyongyang said", "the DPRK": the state, whatever the tagger called it
                // (in other scripts, whatever type it was given: "Армения").
                if country.is_some()
                    && (!latin
                        || matches!(
                            m.kind,
                            EntityType::Org | EntityType::Loc | EntityType::Gpe | EntityType::Misc
                        ))
                {
                    m.kind = EntityType::Gpe;
                }
                // A city's name, typed otherwise outside English ("Ginebra" as ORG), or in
                // capitals in a dateline.
                let dateline = a.text.get(m.span.start..m.span.end).is_some_and(capitals);
                if l.city
                    && (dateline
                        || placed
                        || !matches!(m.kind, EntityType::Person | EntityType::Loc))
                {
                    m.kind = EntityType::Gpe;
                }
            }
        }
        let mut aliases: Vec<String> = surfaces.into_iter().map(|x| x.0).collect();
        aliases.sort();
        aliases.dedup();
        arts.sort_unstable();
        arts.dedup();
        entities.push(Entity {
            id,
            name,
            kind,
            aliases,
            roles,
            articles: arts.into_iter().map(|i| articles[i].id.clone()).collect(),
        });
    }
    // Two groups may have reached one id (the same name through different routes): merge.
    let mut merged: Vec<Entity> = Vec::with_capacity(entities.len());
    let mut at: HashMap<String, usize> = HashMap::new();
    for e in entities {
        match at.get(&e.id) {
            Some(&i) => {
                let t = &mut merged[i];
                for a in e.aliases {
                    if !t.aliases.contains(&a) {
                        t.aliases.push(a);
                    }
                }
                for r in e.roles {
                    if !t.roles.contains(&r) {
                        t.roles.push(r);
                    }
                }
                t.articles.extend(e.articles);
                t.articles.sort_unstable();
                t.articles.dedup();
            }
            None => {
                at.insert(e.id.clone(), merged.len());
                merged.push(e);
            }
        }
    }
    merged.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    merged
}

/// True when `short`, a Korean word, clips the one-word Korean name `long`: its syllables
/// stand in `long` in order, the first at its start, and (for three or more) the last at its
/// end ("해수부" of "해양수산부"; "해경" of "해양경찰청").
fn korean_clipping(short: &str, long: &str) -> bool {
    let hangul =
        |w: &str| !w.is_empty() && w.chars().all(storyline_model::romanize::is_hangul_syllable);
    if !hangul(short) || !hangul(long) {
        return false;
    }
    let s: Vec<char> = short.chars().collect();
    let l: Vec<char> = long.chars().collect();
    if s.len() < 2 || s.len() >= l.len() || s[0] != l[0] {
        return false;
    }
    if s.len() >= 3 && s.last() != l.last() {
        return false;
    }
    let mut it = l.iter();
    s.iter().all(|c| it.any(|x| x == c))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use storyline_model::{Mention, Span};

    /// An article whose mentions are every occurrence of the given names.
    pub(crate) fn art(id: &str, lang: &str, text: &str, names: &[(&str, EntityType)]) -> Article {
        let mut mentions: Vec<Mention> = Vec::new();
        for (n, t) in names {
            for (s, _) in text.match_indices(n) {
                let span = Span::new(s, s + n.len());
                if mentions.iter().any(|m| m.span.overlaps(&span)) {
                    continue;
                }
                mentions.push(Mention {
                    span,
                    kind: *t,
                    entity: None,
                    resolved: false,
                    role: None,
                });
            }
        }
        mentions.sort_by_key(|m| m.span);
        Article {
            id: id.into(),
            lang: lang.into(),
            text: text.into(),
            mentions,
            ..Default::default()
        }
    }

    fn ids(arts: &[Article], surface: &str) -> Vec<String> {
        let mut v: Vec<String> = arts
            .iter()
            .flat_map(|a| {
                a.mentions
                    .iter()
                    .filter(|m| a.slice(m.span) == surface)
                    .filter_map(|m| m.entity.clone())
            })
            .collect();
        v.sort();
        v.dedup();
        v
    }

    use EntityType::{Gpe, Org, Person};

    #[test]
    fn one_person_across_spellings_and_scripts() {
        let mut arts = vec![
            art(
                "a",
                "en",
                "President Volodymyr Zelensky spoke. Zelensky said more.",
                &[("Volodymyr Zelensky", Person), ("Zelensky", Person)],
            ),
            art(
                "b",
                "en",
                "Vladimir Zelensky wrote. — Volodymyr Zelenskyy / Володимир Зеленський (@ZelenskyyUa)",
                &[("Vladimir Zelensky", Person), ("Volodymyr Zelenskyy", Person), ("Володимир Зеленський", Person)],
            ),
            art(
                "c",
                "de",
                "Präsident Wolodymyr Selenskyj sagte, Selenskyj werde reisen.",
                &[("Wolodymyr Selenskyj", Person), ("Selenskyj", Person)],
            ),
        ];
        let ents = resolve(&mut arts);
        let all: Vec<String> = [
            "Volodymyr Zelensky",
            "Zelensky",
            "Vladimir Zelensky",
            "Volodymyr Zelenskyy",
            "Володимир Зеленський",
            "Wolodymyr Selenskyj",
            "Selenskyj",
        ]
        .iter()
        .flat_map(|s| ids(&arts, s))
        .collect();
        assert!(
            all.windows(2).all(|w| w[0] == w[1]) && !all.is_empty(),
            "{all:?}"
        );
        let e = ents.iter().find(|e| e.id == all[0]).unwrap();
        assert_eq!(e.name, "Volodymyr Zelensky");
        assert_eq!(e.articles.len(), 3);
        assert!(e.aliases.contains(&"Володимир Зеленський".to_string()));
    }

    #[test]
    fn two_full_names_sharing_a_surname_skeleton_across_scripts_stay_apart() {
        let mut arts = vec![
            art(
                "de",
                "de",
                "Oxana Hryzenko kehrte heim. Volodymyr Zelensky dankte.",
                &[("Oxana Hryzenko", Person), ("Volodymyr Zelensky", Person)],
            ),
            art(
                "ko",
                "ko",
                "타라스 레우첸코 대변인은 말했다. 볼로디미르 젤렌스키 대통령은 감사했다.",
                &[("타라스 레우첸코", Person), ("볼로디미르 젤렌스키", Person)],
            ),
        ];
        resolve(&mut arts);
        assert_ne!(ids(&arts, "Oxana Hryzenko"), ids(&arts, "타라스 레우첸코"));
        assert_eq!(
            ids(&arts, "Volodymyr Zelensky"),
            ids(&arts, "볼로디미르 젤렌스키")
        );
    }

    #[test]
    fn korean_and_hindi_names_meet_their_latin_spellings() {
        let mut arts = vec![
            art(
                "en",
                "en",
                "Yoon Suk Yeol met Kim Yo Jong's envoy. Volodymyr Zelensky and Narendra Modi called. Seoul said.",
                &[
                    ("Yoon Suk Yeol", Person),
                    ("Kim Yo Jong", Person),
                    ("Volodymyr Zelensky", Person),
                    ("Narendra Modi", Person),
                    ("Seoul", Gpe),
                ],
            ),
            art(
                "ko",
                "ko",
                "윤석열 대통령은 김정은 위원장과 젤렌스키 대통령을 언급했다. 윤 대통령은 한국",
                &[
                    ("윤석열", Person),
                    ("김정은", Person),
                    ("젤렌스키", Person),
                    ("윤", Person),
                    ("한국", Gpe),
                ],
            ),
            art(
                "hi",
                "hi",
                "प्रधानमंत्री नरेंद्र मोदी ने कहा। मोदी ने दक्षिण कोरिया",
                &[("नरेंद्र मोदी", Person), ("मोदी", Person), ("दक्षिण कोरिया", Gpe)],
            ),
        ];
        resolve(&mut arts);
        for group in [
            &["Yoon Suk Yeol", "윤석열", "윤"][..],
            &["Volodymyr Zelensky", "젤렌스키"],
            &["Narendra Modi", "नरेंद्र मोदी", "मोदी"],
            &["Seoul", "한국", "दक्षिण कोरिया"],
        ] {
            let all: Vec<String> = group.iter().flat_map(|s| ids(&arts, s)).collect();
            assert!(
                all.len() == group.len() && all.windows(2).all(|w| w[0] == w[1]),
                "{group:?}: {all:?}"
            );
        }
        assert_ne!(ids(&arts, "김정은"), ids(&arts, "Kim Yo Jong"));
    }

    #[test]
    fn one_city_in_every_language() {
        let mut arts = vec![
            art("a", "en", "Talks opened in Geneva.", &[("Geneva", Gpe)]),
            art(
                "b",
                "de",
                "Die Gespräche in Genf begannen.",
                &[("Genf", Org)],
            ),
            art(
                "c",
                "ru",
                "Переговоры в Женеве начались.",
                &[("Женеве", Gpe)],
            ),
            art(
                "d",
                "de",
                "In Hamburg streikten die Hafenarbeiter.",
                &[("Hamburg", Gpe)],
            ),
        ];
        let ents = resolve(&mut arts);
        let all: Vec<String> = ["Geneva", "Genf", "Женеве"]
            .iter()
            .flat_map(|s| ids(&arts, s))
            .collect();
        assert!(
            all.len() == 3 && all.windows(2).all(|w| w[0] == w[1]),
            "{all:?}"
        );
        assert_ne!(ids(&arts, "Hamburg"), ids(&arts, "Geneva"));
        // The tagger's organisation is the city.
        assert_eq!(arts[1].mentions[0].kind, Gpe);
        let e = ents.iter().find(|e| e.id == all[0]).unwrap();
        assert_eq!((e.name.as_str(), e.kind), ("Geneva", Gpe));
    }

    #[test]
    fn capitals_and_acronyms_stand_for_states() {
        let mut arts = vec![
            art(
                "a",
                "en",
                "Moscow and Pyongyang signed a pact. Russia and North Korea deny it. Kyiv objects.",
                &[
                    ("Moscow", Gpe),
                    ("Pyongyang", Gpe),
                    ("Russia", Gpe),
                    ("North Korea", Gpe),
                    ("Kyiv", Gpe),
                ],
            ),
            art(
                "b",
                "en",
                "DPRK troops arrived, Ukraine said. South Korea watched.",
                &[("DPRK", Org), ("Ukraine", Gpe), ("South Korea", Gpe)],
            ),
        ];
        resolve(&mut arts);
        assert_eq!(ids(&arts, "Moscow"), ids(&arts, "Russia"));
        assert_eq!(ids(&arts, "Pyongyang"), ids(&arts, "DPRK"));
        assert_eq!(ids(&arts, "North Korea"), ids(&arts, "DPRK"));
        assert_eq!(ids(&arts, "Kyiv"), ids(&arts, "Ukraine"));
        assert_ne!(ids(&arts, "North Korea"), ids(&arts, "South Korea"));
    }

    #[test]
    fn an_organisation_by_its_short_name_legal_form_and_alias() {
        let mut arts = vec![
            art(
                "a",
                "en",
                "Nordhafen Logistik AG bid for the port. Nordhafen will pay cash, Nordhafen Logistik said.",
                &[
                    ("Nordhafen Logistik AG", Org),
                    ("Nordhafen Logistik", Org),
                    ("Nordhafen", Gpe),
                ],
            ),
            art(
                "b",
                "de",
                "Die Nordhafen Logistik streikt. Nordhafen schweigt.",
                &[("Nordhafen Logistik", EntityType::Person), ("Nordhafen", EntityType::Misc)],
            ),
            art(
                "c",
                "es",
                "Según el Instituto Nacional de Defensa Civil (Indeci), hubo 27 muertos. El jefe del Indeci habló.",
                &[("Instituto Nacional de Defensa Civil", Org), ("Indeci", EntityType::Person)],
            ),
            art("d", "en", "INDECI said more.", &[("INDECI", Org)]),
            art(
                "e",
                "es",
                "El Gobierno Vasco pidió calma. El Gobierno central calla.",
                &[("Gobierno Vasco", Org)],
            ),
            art("f", "es", "El Gobierno de Lima habló.", &[("Gobierno", Org)]),
        ];
        resolve(&mut arts);
        let nordhafen = ids(&arts, "Nordhafen Logistik AG");
        assert_eq!(nordhafen.len(), 1);
        for s in ["Nordhafen", "Nordhafen Logistik"] {
            let got = ids(&arts, s);
            assert!(got.iter().all(|x| *x == nordhafen[0]), "{s}: {got:?}");
        }
        // The tagger's person and place are the organisation's.
        assert!(arts[1].mentions.iter().all(|m| m.kind == EntityType::Org));
        let indeci = ids(&arts, "Instituto Nacional de Defensa Civil");
        for s in ["Indeci", "INDECI"] {
            assert!(ids(&arts, s).iter().all(|x| *x == indeci[0]), "{s}");
        }
        // A first word no article used as the short name stays apart.
        assert_ne!(ids(&arts, "Gobierno"), ids(&arts, "Gobierno Vasco"));
    }

    #[test]
    fn a_capital_only_placed_in_an_article_is_the_city() {
        let mut arts = vec![
            art(
                "a",
                "en",
                "India protested. In New Delhi, the minister spoke to reporters.",
                &[("India", Gpe), ("New Delhi", Gpe)],
            ),
            art(
                "b",
                "it",
                "L'ambasciatrice indiana a Seul ha parlato. La Corea del Sud tace.",
                &[("Seul", Gpe), ("Corea del Sud", Gpe)],
            ),
            art(
                "c",
                "de",
                "Jede Zahl, die aus Baku kommt, ist Propaganda. Aserbaidschan schweigt.",
                &[("Baku", Gpe), ("Aserbaidschan", Gpe)],
            ),
            art(
                "d",
                "hi",
                "दल शनिवार सुबह मापुटो पहुंचेगा। मोज़ाम्बिक में हैजा फैला है।",
                &[("मापुटो", Gpe), ("मोज़ाम्बिक", Gpe)],
            ),
        ];
        resolve(&mut arts);
        // Where a team arrives is the city.
        assert_ne!(ids(&arts, "मापुटो"), ids(&arts, "मोज़ाम्बिक"));
        assert_ne!(ids(&arts, "New Delhi"), ids(&arts, "India"));
        assert_ne!(ids(&arts, "Seul"), ids(&arts, "Corea del Sud"));
        // A word from the capital is the state's.
        assert_eq!(ids(&arts, "Baku"), ids(&arts, "Aserbaidschan"));
    }

    #[test]
    fn a_capital_inside_a_name_or_a_part_of_it_is_the_city() {
        let mut arts = vec![
            art(
                "a",
                "de",
                "Proteste in Belgrad\n date 2026-05-11 Belgrad (dpa) - Das Studentenplenum der Universität Belgrad zählte 100.000. Serbien schweigt.",
                &[("Belgrad", Gpe), ("Serbien", Gpe)],
            ),
            art(
                "b",
                "ru",
                "Протесты\n date 2026-05-13 БЕЛГРАД, 13 мая. В центре Белграда собрались 18 тыс. человек. Сербия молчит.",
                &[("БЕЛГРАД", Gpe), ("Белграда", Gpe), ("Сербия", Gpe)],
            ),
            art(
                "c",
                "en",
                "How Belgrade's protest crowd grew\n date 2026-05-15 BELGRADE (Reuters) - Belgrade's Emergency Medical Service treated 17 people. Serbia was silent. Brussels urged calm.",
                &[("Belgrade", Gpe), ("BELGRADE", Gpe), ("Serbia", Gpe), ("Brussels", Gpe)],
            ),
        ];
        resolve(&mut arts);
        assert_ne!(ids(&arts, "Belgrad"), ids(&arts, "Serbien"));
        assert_ne!(ids(&arts, "Белграда"), ids(&arts, "Сербия"));
        assert_ne!(ids(&arts, "Belgrade"), ids(&arts, "Serbia"));
        assert_eq!(ids(&arts, "Belgrade"), ids(&arts, "Belgrad"));
        // Brussels speaks for the European Union, not for Belgium: a city.
        assert!(crate::gazetteer::country("Brussels", "en").is_none());
    }

    #[test]
    fn south_slavic_names_meet_their_russian_spelling() {
        let mut arts = vec![
            art(
                "a",
                "en",
                "Nenad Stojković resigned. Bojan Đurić and Sophie Lambrecht spoke.",
                &[
                    ("Nenad Stojković", Person),
                    ("Bojan Đurić", Person),
                    ("Sophie Lambrecht", Person),
                ],
            ),
            art(
                "b",
                "ru",
                "Ненад Стойкович ушёл. Боян Джурич и Софи Ламбрехт выступили.",
                &[
                    ("Ненад Стойкович", Person),
                    ("Боян Джурич", Person),
                    ("Софи Ламбрехт", Person),
                ],
            ),
            art(
                "c",
                "de",
                "Der Oppositionspolitiker Bojan Djuric sprach.",
                &[("Bojan Djuric", Person)],
            ),
        ];
        resolve(&mut arts);
        assert_eq!(ids(&arts, "Nenad Stojković"), ids(&arts, "Ненад Стойкович"));
        assert_eq!(ids(&arts, "Bojan Đurić"), ids(&arts, "Боян Джурич"));
        assert_eq!(ids(&arts, "Bojan Djuric"), ids(&arts, "Боян Джурич"));
        assert_eq!(ids(&arts, "Sophie Lambrecht"), ids(&arts, "Софи Ламбрехт"));
    }

    #[test]
    fn th_legal_forms_and_a_dateline_of_two_places() {
        use storyline_model::EntityType::Org;
        let mut arts = vec![
            art(
                "a",
                "en",
                "Lars Vinther spoke. Elettrosud Reti S.p.A said cuts would end.",
                &[("Lars Vinther", Person), ("Elettrosud Reti S.p.A", Org)],
            ),
            art(
                "b",
                "uk",
                "Ларс Вінтер виступив. Elettrosud Reti відновила живлення.",
                &[("Ларс Вінтер", Person), ("Elettrosud Reti", Org)],
            ),
            art(
                "c",
                "de",
                "Hitze\n date 2026-07-16 Rom/Kiew (dpa) - In Italien starben 21 Menschen.",
                &[("Rom", Gpe), ("Kiew", Gpe), ("Italien", Gpe)],
            ),
        ];
        resolve(&mut arts);
        assert_eq!(ids(&arts, "Lars Vinther"), ids(&arts, "Ларс Вінтер"));
        assert_eq!(
            ids(&arts, "Elettrosud Reti S.p.A"),
            ids(&arts, "Elettrosud Reti")
        );
        assert_ne!(ids(&arts, "Rom"), ids(&arts, "Italien"));
    }

    #[test]
    fn a_country_typed_misc_is_the_country() {
        let text = "North Korea sent troops. \"If North Korea can intervene, so can we,\" he said. North Korean soldiers left.";
        let mut a = art("a", "en", text, &[]);
        let second = text[1..].find("North Korea").unwrap() + 1;
        let third = text.find("North Korean").unwrap();
        for (s, n, kind) in [
            (0, 11, Gpe),
            (second, 11, EntityType::Misc),
            (third, 12, EntityType::Norp),
        ] {
            a.mentions.push(Mention {
                span: Span::new(s, s + n),
                kind,
                entity: None,
                resolved: false,
                role: None,
            });
        }
        let mut arts = vec![a];
        resolve(&mut arts);
        let m = &arts[0].mentions;
        assert_eq!(m[0].entity, m[1].entity);
        assert_eq!(m[1].kind, Gpe);
        // A nationality word stays one.
        assert_ne!(m[2].entity, m[0].entity);
        assert_eq!(m[2].kind, EntityType::Norp);
    }

    #[test]
    fn russian_and_ukrainian_names_of_one_body_are_one() {
        let mut arts = vec![
            art(
                "a",
                "ru",
                "Национальная полиция возбудила дело.",
                &[("Национальная полиция", Org)],
            ),
            art(
                "b",
                "uk",
                "Національна поліція розслідує справу.",
                &[("Національна поліція", Org)],
            ),
            art(
                "c",
                "uk",
                "Національна гвардія прибула.",
                &[("Національна гвардія", Org)],
            ),
        ];
        resolve(&mut arts);
        assert_eq!(arts[0].mentions[0].entity, arts[1].mentions[0].entity);
        assert_ne!(arts[1].mentions[0].entity, arts[2].mentions[0].entity);
    }

    #[test]
    fn a_river_is_one_place_in_every_language_and_case() {
        let mut arts = vec![
            art("a", "en", "The Rhine rose.", &[("Rhine", EntityType::Loc)]),
            art(
                "b",
                "de",
                "Der Rhein steigt.",
                &[("Rhein", EntityType::Loc)],
            ),
            art(
                "c",
                "ru",
                "Уровень Рейна растёт.",
                &[("Рейна", EntityType::Loc)],
            ),
            art("d", "nl", "De Maas stijgt.", &[("Maas", EntityType::Loc)]),
        ];
        resolve(&mut arts);
        assert_eq!(arts[0].mentions[0].entity, arts[1].mentions[0].entity);
        assert_eq!(arts[0].mentions[0].entity, arts[2].mentions[0].entity);
        assert_ne!(arts[0].mentions[0].entity, arts[3].mentions[0].entity);
    }

    #[test]
    fn a_continent_is_one_place_whatever_the_tagger_typed_it() {
        let mut arts = vec![
            art(
                "a",
                "en",
                "Flights across Europe were cut.",
                &[("Europe", EntityType::Loc)],
            ),
            art(
                "b",
                "de",
                "In ganz Europa fielen Flüge aus.",
                &[("Europa", EntityType::Org)],
            ),
            art(
                "c",
                "ru",
                "Рейсы отменены по всей Европе.",
                &[("Европе", EntityType::Person)],
            ),
            art(
                "d",
                "en",
                "Britain said so.",
                &[("Britain", EntityType::Gpe)],
            ),
            art(
                "e",
                "es",
                "El Reino Unido lo dijo.",
                &[("Reino Unido", EntityType::Gpe)],
            ),
        ];
        resolve(&mut arts);
        assert_eq!(arts[0].mentions[0].entity, arts[1].mentions[0].entity);
        assert_eq!(arts[0].mentions[0].entity, arts[2].mentions[0].entity);
        assert_eq!(arts[2].mentions[0].kind, EntityType::Loc);
        assert_eq!(arts[3].mentions[0].entity, arts[4].mentions[0].entity);
    }

    #[test]
    fn a_town_in_another_case_meets_its_latin_name() {
        let mut arts = vec![
            art(
                "a",
                "en",
                "Water flooded Storozhynets.",
                &[("Storozhynets", Gpe)],
            ),
            art(
                "b",
                "uk",
                "Вода стоїть у Сторожинці.",
                &[("Сторожинці", Gpe)],
            ),
            art(
                "c",
                "ru",
                "Вода стоит в Сторожинце.",
                &[("Сторожинце", Gpe)],
            ),
        ];
        resolve(&mut arts);
        assert_eq!(arts[0].mentions[0].entity, arts[1].mentions[0].entity);
        assert_eq!(arts[0].mentions[0].entity, arts[2].mentions[0].entity);
    }

    #[test]
    fn a_region_in_every_script_is_one() {
        let mut arts = vec![
            art(
                "a",
                "en",
                "Fighting in the Kharkiv region went on.",
                &[("Kharkiv region", EntityType::Loc)],
            ),
            art(
                "b",
                "ru",
                "Бои под Харьковской областью.",
                &[("Харьковской областью", EntityType::Loc)],
            ),
            art(
                "c",
                "uk",
                "Бої в Харківській області.",
                &[("Харківській області", EntityType::Loc)],
            ),
            art(
                "d",
                "en",
                "Fighting in the Kherson region.",
                &[("Kherson region", EntityType::Loc)],
            ),
        ];
        resolve(&mut arts);
        assert_eq!(arts[0].mentions[0].entity, arts[1].mentions[0].entity);
        assert_eq!(arts[0].mentions[0].entity, arts[2].mentions[0].entity);
        assert_ne!(arts[0].mentions[0].entity, arts[3].mentions[0].entity);
    }

    #[test]
    fn a_korean_place_with_its_suffix_is_the_place() {
        let mut arts = vec![
            art("a", "ko", "여수에서 불이 났다.", &[("여수", Gpe)]),
            art("b", "ko", "전남 여수시 공장에서", &[("여수시", Gpe)]),
        ];
        let ents = resolve(&mut arts);
        assert_eq!(
            arts[0].mentions[0].entity, arts[1].mentions[0].entity,
            "{ents:?} {:?}",
            arts[1].mentions
        );
    }

    #[test]
    fn a_korean_name_before_its_latin_form_meets_it() {
        let mut arts = vec![
            art("a", "ko", "윤상철 서장은 말했다.", &[("윤상철", Person)]),
            art("b", "ko", "윤상철 서장이 밝혔다.", &[("윤상철", Person)]),
            art(
                "c",
                "en",
                "Fire chief Yoon Sang-cheol said.",
                &[("Yoon Sang-cheol", Person)],
            ),
        ];
        resolve(&mut arts);
        assert_eq!(arts[0].mentions[0].entity, arts[2].mentions[0].entity);
        assert_eq!(arts[1].mentions[0].entity, arts[2].mentions[0].entity);
    }

    #[test]
    fn a_city_in_capitals_is_a_dateline() {
        let mut arts = vec![
            art(
                "a",
                "en",
                "HAMBURG (Business News) — The port operator said on Monday it had agreed a deal.",
                &[("HAMBURG", Org)],
            ),
            art("b", "en", "Dockers in Hamburg struck.", &[("Hamburg", Gpe)]),
        ];
        resolve(&mut arts);
        assert_eq!(arts[0].mentions[0].kind, Gpe);
        assert_eq!(arts[0].mentions[0].entity, arts[1].mentions[0].entity);
        // A word in capitals that names no city stays as tagged.
        let mut arts = vec![art("c", "en", "NATO met.", &[("NATO", Org)])];
        resolve(&mut arts);
        assert_eq!(arts[0].mentions[0].kind, Org);
        // Nor does an acronym of three letters, whatever city it also stands for.
        let mut arts = vec![art(
            "d",
            "de",
            "Die Gewerkschaft GDL streikt.",
            &[("GDL", Org)],
        )];
        resolve(&mut arts);
        assert_eq!(arts[0].mentions[0].kind, Org);
    }

    #[test]
    fn a_city_after_a_preposition_of_place_is_the_city_outside_english() {
        let mut arts = vec![
            art(
                "a",
                "it",
                "La nave affondò al largo di Busan. Il ministro è arrivato a Busan venerdì.",
                &[("Busan", Person)],
            ),
            art("b", "en", "Rescuers left Busan.", &[("Busan", Gpe)]),
        ];
        resolve(&mut arts);
        assert!(arts[0].mentions.iter().all(|m| m.kind == Gpe));
        assert_eq!(arts[0].mentions[0].entity, arts[1].mentions[0].entity);
    }

    #[test]
    fn never_merge_what_differs() {
        let mut arts = vec![
            art(
                "a",
                "en",
                "Kim Jong Un met Kim Yo Jong. Kim later left.",
                &[
                    ("Kim Jong Un", Person),
                    ("Kim Yo Jong", Person),
                    ("Kim", Person),
                ],
            ),
            art(
                "b",
                "en",
                "Yoon Suk Yeol and Yoon Sang-hyun spoke.",
                &[("Yoon Suk Yeol", Person), ("Yoon Sang-hyun", Person)],
            ),
            art(
                "c",
                "en",
                "John Smith and Jane Smith disagreed.",
                &[("John Smith", Person), ("Jane Smith", Person)],
            ),
        ];
        resolve(&mut arts);
        assert_ne!(ids(&arts, "Kim Jong Un"), ids(&arts, "Kim Yo Jong"));
        assert_ne!(ids(&arts, "Yoon Suk Yeol"), ids(&arts, "Yoon Sang-hyun"));
        assert_ne!(ids(&arts, "John Smith"), ids(&arts, "Jane Smith"));
        assert_eq!(ids(&arts, "Kim").len(), 1);
    }

    #[test]
    fn a_korean_clipped_name_joins_its_body() {
        let mut arts = vec![art(
            "a",
            "ko",
            "해양수산부는 유출량을 추정했다. 해수부는 방제를 지시했다.",
            &[("해양수산부", Org), ("해수부", Org)],
        )];
        resolve(&mut arts);
        assert_eq!(ids(&arts, "해수부"), ids(&arts, "해양수산부"));
        assert!(super::korean_clipping("해경", "해양경찰청"));
        assert!(!super::korean_clipping("수산부", "해양수산부"));
    }

    #[test]
    fn acronym_joins_its_organisation() {
        let mut arts = vec![art(
            "a",
            "en",
            "The North Atlantic Treaty Organization met. NATO said it would act.",
            &[("North Atlantic Treaty Organization", Org), ("NATO", Org)],
        )];
        resolve(&mut arts);
        assert_eq!(
            ids(&arts, "NATO"),
            ids(&arts, "North Atlantic Treaty Organization")
        );
    }
}
