//! Speakers and claimants as corpus entities.
//!
//! The quotation and claim extractors name who speaks as they find it in the article
//! ("Defence Minister Rustem Umerov", "Umerov", "the ministry's spokesman"). Once the
//! mentions are resolved across the corpus, a speaker that is a mention of an entity
//! takes that entity's id and canonical name (the contract's `speaker` / `source`), so a
//! person quoted as "Zelensky" in one outlet and "Зеленський" in another is one speaker.
//! A definite description that ends the name of one organisation of the article ("the
//! coast guard" after "Korea Coast Guard") is that organisation; any other description
//! stays as written.

use std::collections::HashMap;

use storyline_model::{names, Article, Entity, Span};

/// Definite articles that open a description, in the languages read.
const DEFINITE: [&str; 20] = [
    "the", "der", "die", "das", "den", "dem", "des", "de", "het", "la", "il", "lo", "le", "l'",
    "gli", "i", "el", "los", "las", "les",
];

/// The entity a mention overlapping `span` resolves to: a person's before anything else,
/// then the one sharing most of it. A nationality word only modifies a description
/// ("Swiss officials"): it names no speaker.
fn entity_at(a: &Article, span: Span) -> Option<&str> {
    let shared = |m: &storyline_model::Mention| {
        m.span
            .end
            .min(span.end)
            .saturating_sub(m.span.start.max(span.start))
    };
    let t = a.text.as_str();
    // An organisation after no more than an article ("La Cruz Roja peruana").
    let led = |m: &storyline_model::Mention| {
        let before = t
            .get(span.start..m.span.start)
            .unwrap_or("x")
            .trim()
            .to_lowercase();
        let after = t.get(m.span.end..span.end).unwrap_or("");
        m.kind == storyline_model::EntityType::Org
            && (before.is_empty() || DEFINITE.contains(&before.as_str()))
            && !after.starts_with(['\'', '’'])
    };
    a.mentions
        .iter()
        .filter(|m| {
            m.entity.is_some()
                && m.span.overlaps(&span)
                && m.kind != storyline_model::EntityType::Norp
                // Nor does where a body is based ("the Pittsburgh-based bank").
                && !t
                    .get(m.span.start..m.span.end)
                    .is_some_and(names::is_based)
                // A place or body that only modifies a description ("the mayor of
                // Faenza", "Ukraine's military intelligence", "Swiss officials") is not
                // who speaks.
                && (m.kind == storyline_model::EntityType::Person
                    || 2 * shared(m) >= span.end - span.start
                    || led(m))
        })
        .max_by_key(|m| {
            (
                m.kind == storyline_model::EntityType::Person,
                m.span.end.min(span.end) - m.span.start.max(span.start),
            )
        })
        .and_then(|m| m.entity.as_deref())
}

/// Sets `Quote::speaker` and `Claim::source` from the resolved mentions; see the module doc.
pub fn attach(articles: &mut [Article], entities: &[Entity]) {
    let by_id: HashMap<&str, &Entity> = entities.iter().map(|e| (e.id.as_str(), e)).collect();
    for a in articles.iter_mut() {
        // Name keys of the article's resolved mentions, for speakers known only by name.
        let mut by_key: HashMap<String, String> = HashMap::new();
        for m in &a.mentions {
            let (Some(id), Some(text)) = (&m.entity, a.text.get(m.span.start..m.span.end)) else {
                continue;
            };
            for k in names::keys(text, &a.lang) {
                by_key.entry(k).or_insert_with(|| id.clone());
            }
        }
        let named = |name: &str| -> Option<String> {
            if names::is_group_description(name) {
                return None;
            }
            names::keys(name, &a.lang)
                .iter()
                .find_map(|k| by_key.get(k).cloned())
        };
        // "The coast guard", "de kustwacht", "la Guardia costiera": a definite description
        // that ends an organisation named in the article ("Korea Coast Guard").
        let orgs: Vec<(String, &str)> = a
            .mentions
            .iter()
            .filter(|m| m.kind == storyline_model::EntityType::Org)
            .filter_map(|m| {
                let id = m.entity.as_deref()?;
                Some((a.text.get(m.span.start..m.span.end)?.to_lowercase(), id))
            })
            .collect();
        let described = |name: &str| -> Option<String> {
            let lower = name.trim().to_lowercase();
            let (det, rest) = lower.split_once(' ')?;
            let rest = rest.trim();
            let words = rest.split_whitespace().count();
            if !DEFINITE.contains(&det) || !(1..=4).contains(&words) {
                return None;
            }
            let ends = |org: &str| {
                org.len() > rest.len()
                    && org.ends_with(rest)
                    && org[..org.len() - rest.len()].ends_with([' ', '-'])
            };
            let mut ids = orgs.iter().filter(|(o, _)| ends(o)).map(|(_, id)| *id);
            let first = ids.next()?;
            // One organisation only: "the ministry" after two ministries names neither.
            ids.all(|id| id == first).then(|| first.to_string())
        };
        let mut speakers: Vec<(usize, String)> = Vec::new();
        for (qi, q) in a.quotes.iter().enumerate() {
            // A speaker the extractor resolved to a name other than the words written
            // ("the Transport Secretary" → "Helen Garvey") is known by that name first.
            let written = q.speaker_span.and_then(|s| a.text.get(s.start..s.end));
            let resolved = q
                .speaker_name
                .as_deref()
                .filter(|n| written.is_some_and(|w| !w.contains(n)))
                .and_then(named);
            let id = resolved
                .or_else(|| {
                    q.speaker_span
                        .filter(|s| {
                            !a.text
                                .get(s.start..s.end)
                                .is_some_and(names::is_group_description)
                        })
                        .and_then(|s| entity_at(a, s).map(str::to_string))
                })
                .or_else(|| q.speaker_name.as_deref().and_then(named))
                .or_else(|| q.speaker_name.as_deref().and_then(described));
            if let Some(id) = id {
                speakers.push((qi, id));
            }
        }
        for (qi, id) in speakers {
            if let Some(e) = by_id.get(id.as_str()) {
                let q = &mut a.quotes[qi];
                q.speaker_name = Some(e.name.clone());
                q.speaker = Some(id);
            }
        }
        let mut sources: Vec<(usize, String)> = Vec::new();
        for (ci, c) in a.claims.iter().enumerate() {
            if let Some(id) = named(&c.source_name).or_else(|| described(&c.source_name)) {
                sources.push((ci, id));
            }
        }
        for (ci, id) in sources {
            if let Some(e) = by_id.get(id.as_str()) {
                let c = &mut a.claims[ci];
                c.source_name = e.name.clone();
                c.source = Some(id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use storyline_model::{Claim, EntityType, Quote, QuoteKind};

    use super::*;
    use crate::resolve::tests::art;

    /// Indirect speech `span` that `name` said, written at `speaker_span`.
    fn said(span: Span, name: &str, speaker_span: Span) -> Quote {
        Quote {
            span,
            kind: QuoteKind::Indirect,
            speaker: None,
            speaker_name: Some(name.into()),
            speaker_span: Some(speaker_span),
            cue: Some("said".into()),
            cue_span: None,
            via: Vec::new(),
            date: None,
        }
    }

    #[test]
    fn speakers_and_claimants_become_entities() {
        let text =
            "Olena Kovalenko said the toll rose. \u{201c}It is grim,\u{201d} Kovalenko said.";
        let mut arts = vec![art(
            "a",
            "en",
            text,
            &[
                ("Olena Kovalenko", EntityType::Person),
                ("Kovalenko", EntityType::Person),
            ],
        )];
        let entities = crate::resolve::resolve(&mut arts);
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        arts[0].quotes.push(Quote {
            span: at("It is grim,"),
            kind: QuoteKind::Direct,
            speaker: None,
            speaker_name: Some("Kovalenko".into()),
            speaker_span: Some(at("Kovalenko said.")),
            cue: None,
            cue_span: None,
            via: Vec::new(),
            date: None,
        });
        arts[0].claims.push(Claim {
            span: at("toll"),
            low: Some(1.0),
            high: Some(1.0),
            hedge: storyline_model::Hedge::Exact,
            counted: None,
            unit: None,
            place: None,
            source: None,
            source_name: "Olena Kovalenko".into(),
            date: None,
            derived_from: Vec::new(),
        });
        let outlet = Claim {
            source_name: "the outlet".into(),
            ..arts[0].claims[0].clone()
        };
        arts[0].claims.push(outlet);
        attach(&mut arts, &entities);
        let q = &arts[0].quotes[0];
        assert!(q.speaker.is_some());
        assert_eq!(q.speaker_name.as_deref(), Some("Olena Kovalenko"));
        assert_eq!(arts[0].claims[0].source, q.speaker);
        assert_eq!(arts[0].claims[1].source, None);
        assert_eq!(arts[0].claims[1].source_name, "the outlet");
    }

    #[test]
    fn a_nationality_word_names_no_speaker() {
        let text = "Armenian officials said 58 soldiers died.";
        let mut arts = vec![art("a", "en", text, &[("Armenian", EntityType::Norp)])];
        let entities = crate::resolve::resolve(&mut arts);
        let sp = Span::new(0, "Armenian officials".len());
        arts[0].quotes.push(said(
            Span::new(text.find("58").unwrap(), text.len() - 1),
            "Armenian officials",
            sp,
        ));
        attach(&mut arts, &entities);
        let q = &arts[0].quotes[0];
        assert_eq!(q.speaker, None);
        assert_eq!(q.speaker_name.as_deref(), Some("Armenian officials"));
    }

    #[test]
    fn a_speaker_resolved_to_a_person_keeps_the_person() {
        // The tagger took the title for a body; the extractor found who holds it.
        let text = "Passengers are stranded, the Transport Secretary said. Transport Secretary \
                    Helen Garvey told MPs more.";
        let mut arts = vec![art(
            "a",
            "en",
            text,
            &[
                ("Transport Secretary", EntityType::Org),
                ("Helen Garvey", EntityType::Person),
            ],
        )];
        let entities = crate::resolve::resolve(&mut arts);
        let i = text.find("the Transport Secretary").unwrap();
        arts[0].quotes.push(said(
            Span::new(0, "Passengers are stranded".len()),
            "Helen Garvey",
            Span::new(i, i + "the Transport Secretary".len()),
        ));
        attach(&mut arts, &entities);
        let q = &arts[0].quotes[0];
        assert_eq!(q.speaker_name.as_deref(), Some("Helen Garvey"));
        assert!(q.speaker.is_some());
    }

    #[test]
    fn a_definite_description_names_the_one_organisation_it_ends() {
        let text = "The Harbour Rescue Service said 12 were missing. The rescue service said \
                    four were found. The service said more.";
        let mut arts = vec![art(
            "a",
            "en",
            text,
            &[("Harbour Rescue Service", EntityType::Org)],
        )];
        let entities = crate::resolve::resolve(&mut arts);
        let claim = |name: &str| Claim {
            span: Span::new(0, 3),
            low: Some(4.0),
            high: Some(4.0),
            hedge: storyline_model::Hedge::Exact,
            counted: None,
            unit: None,
            place: None,
            source: None,
            source_name: name.into(),
            date: None,
            derived_from: Vec::new(),
        };
        arts[0].claims.push(claim("The rescue service"));
        arts[0].claims.push(claim("a rescue service"));
        arts[0].claims.push(claim("The fire brigade"));
        attach(&mut arts, &entities);
        let c = &arts[0].claims;
        assert!(c[0].source.is_some());
        assert_eq!(c[0].source_name, "Harbour Rescue Service");
        assert_eq!(c[1].source, None, "an indefinite description names nobody");
        assert_eq!(c[2].source, None);
        assert_eq!(c[2].source_name, "The fire brigade");
    }
}

#[cfg(test)]
mod head_tests {
    use super::*;
    use storyline_model::{EntityType, Mention, Quote, QuoteKind};

    fn entity(id: &str, name: &str, kind: EntityType) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            kind,
            aliases: vec![name.into()],
            roles: Vec::new(),
            articles: vec!["a".into()],
        }
    }

    /// The speaker found for the description `who`, which ends the sentence "Schools stay
    /// shut, WHO said." and holds a mention of `name`, typed `kind`.
    fn speaker_of(who: &str, name: &str, kind: EntityType) -> Option<String> {
        let text = format!("Schools stay shut, {who} said.");
        let s = text.find(who).unwrap();
        let m = s + who.find(name).unwrap();
        let mut a = Article {
            id: "a".into(),
            text: text.clone(),
            lang: "en".into(),
            ..Default::default()
        };
        a.mentions.push(Mention {
            span: Span::new(m, m + name.len()),
            kind,
            entity: Some("e1".into()),
            resolved: false,
            role: None,
        });
        a.quotes.push(Quote {
            span: Span::new(0, 17),
            kind: QuoteKind::Indirect,
            speaker: None,
            speaker_name: Some(who.into()),
            speaker_span: Some(Span::new(s, s + who.len())),
            cue: Some("said".into()),
            cue_span: None,
            via: Vec::new(),
            date: None,
        });
        let mut arts = vec![a];
        attach(&mut arts, &[entity("e1", name, kind)]);
        arts[0].quotes[0].speaker.clone()
    }

    #[test]
    fn a_name_that_only_modifies_a_description_does_not_speak() {
        assert_eq!(
            speaker_of("the mayor of Faenza", "Faenza", EntityType::Gpe),
            None
        );
        assert_eq!(
            speaker_of(
                "Ukraine's military intelligence",
                "Ukraine",
                EntityType::Gpe
            ),
            None
        );
        assert_eq!(
            speaker_of("Swiss officials", "Swiss", EntityType::Gpe),
            None
        );
        // The head of the phrase does.
        let some = Some("e1".to_string());
        assert_eq!(
            speaker_of("the Pentagon", "Pentagon", EntityType::Org),
            some
        );
        assert_eq!(
            speaker_of("La Cruz Roja peruana", "Cruz Roja", EntityType::Org),
            some
        );
        assert_eq!(
            speaker_of(
                "the mayor, Massimo Isola",
                "Massimo Isola",
                EntityType::Person
            ),
            some
        );
    }
}
