//! Speaker names: pronouns to the last named speaker, surnames to full names, and the
//! tagger's mentions (when present) for exact name extents.

use storyline_model::{Article, EntityType, Quote, Span};

use super::clause::Attr;
use super::lexicon::{self, Kind};
use super::text;

/// The text of `s`, or nothing when it does not index `t`.
pub fn at(t: &str, s: Span) -> &str {
    t.get(s.start..s.end).unwrap_or("")
}

/// Gives every quote its speaker's best name.
pub fn names(a: &Article, quotes: &mut [Quote], attrs: &[(usize, Attr)]) {
    let t = a.text.as_str();
    let lex = lexicon::for_lang(&a.lang);
    // Named people, by position: named speakers and PERSON mentions.
    let mut named: Vec<(usize, String)> = attrs
        .iter()
        .filter(|(_, at)| at.named)
        .filter_map(|(_, x)| x.name.map(|n| (n.start, at(t, n).to_string())))
        .collect();
    // A person named inside what someone said is not who "he" or "she" is after it ("Jean-
    // Pierre said President Joe Biden was monitoring …; she said: …").
    let contents: Vec<Span> = quotes.iter().map(|q| q.span).collect();
    // (A source inside the clause it reports is named outside what it says: "kosten de
    // bedrijven volgens directeur Gerrit Mulder minstens 2 miljoen euro".)
    let speaking = |m: &storyline_model::Mention| {
        quotes
            .iter()
            .any(|q| q.speaker_span.is_some_and(|sp| sp.overlaps(&m.span)))
    };
    named.extend(
        a.mentions
            .iter()
            .filter(|m| m.kind == EntityType::Person && !m.resolved)
            .filter(|m| speaking(m) || !contents.iter().any(|c| c.contains(&m.span)))
            .map(|m| (m.span.start, at(t, m.span).to_string())),
    );
    let runs = full_names(t, lex);
    // Without mentions, a name that opens a sentence is taken for a subject.
    named.extend(runs.iter().filter(|r| r.2).map(|r| (r.0, r.1.clone())));
    named.sort();
    let full: Vec<String> = runs.into_iter().map(|r| r.1).collect();
    // Bodies named outside what was said, for "it said".
    let bodies: Vec<&storyline_model::Mention> = a
        .mentions
        .iter()
        .filter(|m| m.kind == EntityType::Org && !m.resolved)
        .filter(|m| !contents.iter().any(|c| c.contains(&m.span)))
        .collect();
    // The speaker of the last quotation when it was not a person: "The prisons service
    // said … It said …" (its position, its name).
    let mut last_body: Option<(usize, String)> = None;
    for q in quotes.iter_mut() {
        let Some(sp) = q.speaker_span else { continue };
        let inside: Vec<&storyline_model::Mention> = a
            .mentions
            .iter()
            .filter(|m| {
                !m.resolved
                    && matches!(
                        m.kind,
                        EntityType::Person | EntityType::Org | EntityType::Gpe
                    )
                    && sp.contains(&m.span)
            })
            .collect();
        let possessive = |m: &storyline_model::Mention| {
            let rest = t.get(m.span.end..sp.end).unwrap_or("");
            rest.starts_with("'s") || rest.starts_with("’s")
        };
        // The head of the phrase: "Armenia's Health Ministry" is the ministry; a name
        // that only owns or modifies the head ("Ukraine's military intelligence", "Swiss
        // officials") leaves the description as written.
        // A place a group speaks from is not its head: "officials in Kyiv and Moscow".
        let place_of_group = |m: &storyline_model::Mention| {
            storyline_model::names::is_group_description(
                t.get(sp.start..m.span.start).unwrap_or(""),
            )
        };
        let head = inside
            .iter()
            .filter(|m| !place_of_group(m))
            .find(|m| {
                t.get(m.span.end..sp.end)
                    .is_some_and(|r| r.trim().is_empty())
            })
            .or_else(|| {
                // A name with an apposition after it ("Narek Sargsyan, Armenia's deputy
                // foreign minister"); not a modifier of a description ("Swiss officials").
                inside.iter().find(|m| {
                    !possessive(m)
                        && t.get(m.span.end..sp.end)
                            .is_some_and(|r| r.trim_start().starts_with([',', '(', '—', '–']))
                })
            });
        // A person with the place or body they belong to after them ("Elena Márquez von der
        // Universität Granada", "Mayor Jane Roe of Springfield"): the person; a body with
        // its place ("la Coromandel Tankers di Chennai"): the body.
        let affiliated = |kind: EntityType| {
            inside.iter().find(move |m| {
                m.kind == kind
                    && t.get(m.span.end..sp.end)
                        .and_then(|r| r.split_whitespace().next())
                        .is_some_and(|w| AFFILIATION.contains(&w))
            })
        };
        // A role held in a place ("il sindaco di Faenza", "the governor of Texas") is a
        // person, not the place.
        let role_in_place = |m: &storyline_model::Mention| {
            let before: Vec<String> = t
                .get(sp.start..m.span.start)
                .unwrap_or("")
                .split_whitespace()
                .rev()
                .take(2)
                .map(str::to_lowercase)
                .collect();
            before.len() == 2
                && AFFILIATION.contains(&before[0].as_str())
                && lex.is(&before[1], Kind::Title)
        };
        let head = head.filter(|h| !(h.kind == EntityType::Gpe && role_in_place(h)));
        let head = match head {
            Some(h) if h.kind == EntityType::Gpe => affiliated(EntityType::Person)
                .or_else(|| affiliated(EntityType::Org))
                .or(Some(h)),
            Some(h) if h.kind != EntityType::Person => affiliated(EntityType::Person).or(Some(h)),
            // Two people, the first with a place or body after it: the portfolio was taken
            // for a name ("Minister Femke Wiersma van Landbouw").
            Some(h) => affiliated(EntityType::Person)
                .filter(|m| m.span.end <= h.span.start)
                .or(Some(h)),
            None => None,
        };
        // A name written before its role ("니샤 베르마 주한 인도대사"): the person in the phrase.
        let head = head.or_else(|| {
            inside.iter().find(|m| {
                m.kind == EntityType::Person
                    && t.get(m.span.start..m.span.end)
                        .is_some_and(|n| n.chars().any(crate::segment::is_uncased_letter))
            })
        });
        // "Economists at JPMorgan", "Meteorologists at the National Institute of
        // Meteorology": a plural description of people at a body, with the body written
        // right after it, speaks for the body.
        // "Analysts polled by Trellis Research": those a body polled speak for it.
        let head = head.copied().or_else(|| {
            let said = at(t, sp);
            let (noun, polled) = match said.rsplit_once(' ') {
                Some((n, "polled" | "surveyed" | "questioned")) => (n, true),
                _ => (said, false),
            };
            let plural = noun.split_whitespace().count() <= 2
                && noun.ends_with('s')
                && noun.chars().next().is_some_and(char::is_uppercase)
                && inside.is_empty();
            let rest = t.get(sp.end..).unwrap_or("");
            let gaps: &[&str] = if polled {
                &["by the ", "by "]
            } else {
                &["at the ", "at ", "from the ", "from "]
            };
            let gap = gaps
                .iter()
                .find(|g| rest.trim_start().starts_with(**g))
                .map(|g| rest.len() - rest.trim_start().len() + g.len());
            gap.filter(|_| plural).and_then(|g| {
                a.mentions
                    .iter()
                    .find(|m| m.kind == EntityType::Org && m.span.start == sp.end + g)
            })
        });
        if let Some(m) = head {
            q.speaker_span = Some(m.span);
            q.speaker_name = Some(at(t, m.span).to_string());
        }
        let said = q.speaker_name.clone().unwrap_or_default();
        if said.eq_ignore_ascii_case("who") {
            if let Some(n) = antecedent(t, sp.start) {
                q.speaker_name = Some(n);
            }
        }
        if lex.is(&said.to_lowercase(), Kind::Person)
            && q.speaker_name.as_deref() == Some(said.as_str())
        {
            if let Some((_, n)) = named.iter().rev().find(|(p, _)| *p < sp.start) {
                q.speaker_name = Some(n.clone());
            }
        }
        // "according to her latest report": a source a person owns is theirs, the person
        // last named.
        let owner = said
            .split_whitespace()
            .next()
            .filter(|w| said.len() > w.len() && lex.is(&w.to_lowercase(), Kind::Possessive));
        if owner.is_some() && q.speaker_name.as_deref() == Some(said.as_str()) {
            // The person may stand in what the source reports ("Marjorie Fenwick … has
            // recovered $9.5 million, according to her latest report").
            let person = a
                .mentions
                .iter()
                .filter(|m| m.kind == EntityType::Person && m.span.end <= sp.start)
                .map(|m| (m.span.start, at(t, m.span).to_string()))
                .chain(named.iter().filter(|(p, _)| *p < sp.start).cloned())
                .max_by_key(|(p, _)| *p);
            if let Some((_, n)) = person {
                q.speaker_name = Some(n);
            }
        }
        // "The U.N. office said it had verified 11 deaths. It cautioned that …": the body last
        // named, in the same or the paragraph before.
        if lex.is(&said.to_lowercase(), Kind::Body)
            && q.speaker_name.as_deref() == Some(said.as_str())
        {
            let near = |m: &&&storyline_model::Mention| {
                m.span.end <= sp.start
                    && t.get(m.span.end..sp.start)
                        .is_some_and(|g| g.matches('\n').count() <= 2 && g.len() < 400)
            };
            // The body that spoke last, nearby: the body last named may stand in what it
            // said ("… had been taken to Nakuru Hospital. It said …").
            let previous = last_body.as_ref().filter(|(p, _)| {
                *p <= sp.start
                    && t.get(*p..sp.start)
                        .is_some_and(|g| g.matches('\n').count() <= 2 && g.len() < 400)
            });
            if let Some((_, n)) = previous {
                q.speaker_name = Some(n.clone());
            } else if let Some(m) = bodies.iter().rfind(near) {
                q.speaker_name = Some(at(t, m.span).to_string());
            }
        }
        if let Some(n) = q.speaker_name.as_deref() {
            if !n.contains(' ') && n.chars().next().is_some_and(char::is_uppercase) {
                if let Some(f) = full.iter().find(|f| f.rsplit(' ').next() == Some(n)) {
                    q.speaker_name = Some(f.clone());
                }
            }
        }
        // "Il ministro ha detto …", "the minister said": the person last named with that
        // role. The speaker's span stays on the description as written.
        if let Some(role) = q
            .speaker_name
            .as_deref()
            .and_then(|n| role_description(n, lex))
        {
            // A lead may name the role before the person ("…, the regional governor said"
            // … "Governor Oleksandr Hrytsenko said"): the first holder named after it.
            let t = a.text.as_str();
            let last_before = holders(a, &role)
                .filter(|m| m.span.end <= sp.start)
                .max_by_key(|m| m.span.start);
            let first_after = || {
                holders(a, &role)
                    .filter(|m| m.span.start >= sp.end)
                    .min_by_key(|m| m.span.start)
            };
            if let Some(p) = last_before.or_else(first_after).map(|m| at(t, m.span)) {
                q.speaker_name = Some(p.to_string());
            }
        }
        // "unofficial results released early Wednesday by the Bernalillo County Clerk's
        // Office": a report speaks for the body that made it.
        let written = at(t, sp);
        if crate::claims::source::is_report(written) {
            let by = |h: &str| {
                let h = h.trim();
                h == "by" || h == "by the" || h.ends_with(" by") || h.ends_with(" by the")
            };
            let maker = a.mentions.iter().find(|m| {
                m.kind == EntityType::Org
                    && m.span.start >= sp.start
                    && m.span.start <= sp.end + 8
                    && t.get(sp.start..m.span.start).is_some_and(by)
            });
            // "unofficial results the district posted": the body that posted them,
            // named before by its head noun.
            let words: Vec<&str> = written.split_whitespace().collect();
            let poster = words.windows(3).find_map(|w| {
                (w[0].eq_ignore_ascii_case("the")
                    && w[1].chars().all(char::is_lowercase)
                    && w[2].ends_with("ed"))
                .then(|| format!("the {}", w[1]))
            });
            if let Some(m) = maker {
                q.speaker_name = Some(at(t, m.span).to_string());
            } else if let Some(b) = poster.and_then(|d| last_body_named(a, &d, sp.start)) {
                q.speaker_name = Some(b);
            }
        }
        // "the San Francisco-based maker of human-resources software": where a body is
        // based says the writer describes the company last named.
        if based_description(at(t, sp)) {
            if let Some(o) = last_company(a, sp.start) {
                q.speaker_name = Some(o);
            }
        }
        // "Queensland Ambulance Service (QAS) paramedics assessed 73 runners …, a spokesman
        // said", "according to a hospital spokeswoman": a spokesperson nobody names speaks
        // for the body the sentence names, or for the one the modifier describes.
        if q.speaker_name.as_deref() == Some(at(t, sp)) {
            if let Some(body) = spokesperson_for(a, at(t, sp), sp, lex, last_body.as_ref()) {
                q.speaker_name = Some(body);
            }
        }
        // "fuentes del organismo", "sources at the company": who speak for a body
        // described speak for the body.
        if let Some(desc) = q
            .speaker_name
            .as_deref()
            .and_then(|n| described_body_of(n, lex))
        {
            q.speaker_name = Some(desc);
        }
        // "The company said …", "Secondo l'azienda", "la empresa": the company last named.
        if q.speaker_name
            .as_deref()
            .is_some_and(|n| company_description(n, &a.lang))
        {
            let desc = q.speaker_name.clone().unwrap_or_default();
            // A description with modifiers names a body by its head noun only.
            let modified = desc.split_whitespace().count() > 2;
            // "Hackers broke into the systems of Redwater Mobile Holdings Inc. …, the
            // wireless carrier said": with modifiers, the company named in the same sentence.
            let same_sentence = |m: &storyline_model::Mention| {
                t.get(m.span.end..sp.start).is_some_and(|g| {
                    // A period then a capital ends a sentence ("Inc. and" does not).
                    let ends = g
                        .match_indices(". ")
                        .any(|(i, _)| g[i + 2..].starts_with(char::is_uppercase));
                    g.len() < 400 && !ends && !g.contains('\n')
                })
            };
            // "In a statement to the Frankfurt Stock Exchange, the company said": a body
            // spoken to in the same sentence is not the one speaking.
            let addressed = |m: &storyline_model::Mention| {
                let before = t.get(..m.span.start).unwrap_or("").trim_end();
                let before = before.strip_suffix(" the").unwrap_or(before);
                let word = before.rsplit(' ').next().unwrap_or("").to_lowercase();
                // ("ha indicado a Europa Press fuentes del organismo")
                same_sentence(m)
                    && matches!(word.as_str(), "to" | "with" | "before" | "a" | "al" | "ad")
            };
            if let Some(o) = last_body_named(a, &desc, sp.start)
                .or_else(|| {
                    (!modified)
                        .then(|| last_company_where(a, sp.start, |m| !addressed(m)))
                        .flatten()
                })
                .or_else(|| next_body_named(a, &desc, sp.end))
                .or_else(|| last_company_where(a, sp.start, same_sentence))
                .or_else(|| next_company(a, sp.end))
            {
                q.speaker_name = Some(o);
            }
        }
        // "ein Bahnsprecher", "die Kommissionssprecherin": who speaks for the body named in
        // the compound.
        if a.lang == "de" && q.speaker_name.as_deref() == Some(at(t, sp)) {
            if let Some(o) = spokesperson_of(a, at(t, sp), sp.start) {
                q.speaker_name = Some(o);
            }
        }
        let name = q.speaker_name.clone().unwrap_or_default();
        let person = lex.is(&name.to_lowercase(), Kind::Person)
            || a.mentions.iter().any(|m| {
                m.kind == EntityType::Person && (m.span.overlaps(&sp) || at(t, m.span) == name)
            });
        last_body = (!person && !name.is_empty()).then_some((sp.end, name));
    }
}

/// The body a German compound of "-sprecher" speaks for ("eines Bahnsprechers": the last
/// organisation named with "Bahn" in its name; "ein Firmensprecher": the last company).
fn spokesperson_of(a: &Article, desc: &str, before: usize) -> Option<String> {
    let words: Vec<&str> = desc.split_whitespace().collect();
    if words.len() > 3 {
        return None;
    }
    let last = words.last()?.to_lowercase();
    let cut = last.find("sprecher").filter(|&i| i >= 3)?;
    let stem = &last[..cut];
    // A linking "s" ("Kommissionssprecherin", "Regierungssprecher").
    let stems = [stem, stem.strip_suffix('s').unwrap_or(stem)];
    let t = a.text.as_str();
    a.mentions
        .iter()
        .filter(|m| m.kind == EntityType::Org)
        .filter(|m| {
            let name = at(t, m.span).to_lowercase();
            stems
                .iter()
                .any(|s| s.chars().count() >= 3 && name.contains(s))
        })
        .min_by_key(|m| (m.span.start > before, m.span.start.abs_diff(before)))
        .map(|m| at(t, m.span).to_string())
        // "ein Firmensprecher", "ein Konzernsprecher": a class noun of bodies in the name
        // lists speaks for the company last named.
        .or_else(|| {
            stems
                .iter()
                .any(|s| crate::ner::is_org_noun(&a.lang, s))
                .then(|| last_company(a, before))
                .flatten()
        })
}

/// Definite articles before a description ("the minister", "l'azienda", "das Unternehmen").
const DEFINITE: [&str; 17] = [
    "the", "il", "lo", "la", "der", "die", "das", "el", "de", "het", "le", "des", "dem", "den",
    "del", "della", "dello",
];

/// True for a definite description by a class noun of organisations in `lang`'s name lists
/// or English's ("the company", "l'azienda", "la empresa", "das Unternehmen", "het
/// bedrijf").
fn company_description(name: &str, lang: &str) -> bool {
    let lower = name.to_lowercase();
    // "l'azienda": an elided article is written onto the noun.
    let bare = lower
        .strip_prefix("l'")
        .or_else(|| lower.strip_prefix("l’"))
        .map(str::trim_start);
    let words: Vec<&str> = bare.unwrap_or(&lower).split_whitespace().collect();
    match words.as_slice() {
        [det, noun] => DEFINITE.contains(det) && crate::ner::is_org_noun(lang, noun),
        // "the provincial emergency agency": modifiers in lower case before a class noun or
        // the head noun of a body.
        [det, middle @ .., noun]
            if middle.len() <= 3
                && DEFINITE.contains(det)
                && (crate::ner::is_org_noun(lang, noun) || crate::ner::is_org_word(lang, noun))
                && name
                    .split_whitespace()
                    .skip(1)
                    .all(|w| !w.starts_with(char::is_uppercase)) =>
        {
            true
        }
        // Korean has no articles: "회사 측은" (the company's side).
        [noun] if lang == "ko" => KOREAN_COMPANY.contains(noun),
        [noun] => bare.is_some() && crate::ner::is_org_noun(lang, noun),
        _ => false,
    }
}

/// The body an unnamed spokesperson speaks for: "a spokesman", "an agency spokesperson",
/// "a hospital spokeswoman" (English; the role word is a lexicon `noun` ending in
/// "spokes…"). A modifier names the body by its head noun; else the body named last in
/// the same sentence, or the body that spoke (`spoke`: where, who) or was named in the
/// sentence before.
fn spokesperson_for(
    a: &Article,
    said: &str,
    sp: Span,
    lex: &lexicon::Lexicon,
    spoke: Option<&(usize, String)>,
) -> Option<String> {
    let words: Vec<String> = said.split_whitespace().map(str::to_lowercase).collect();
    let (role, before) = words.split_last()?;
    if !role.starts_with("spokes") || !lex.is(role, Kind::Noun) {
        return None;
    }
    let modifiers: Vec<&String> = before
        .iter()
        .filter(|w| !matches!(w.as_str(), "a" | "an" | "the"))
        .collect();
    if words.first().is_some_and(|w| w == "the") && modifiers.is_empty() {
        // "the spokesman" is a person named before.
        return None;
    }
    match modifiers.as_slice() {
        [] => {
            let t = a.text.as_str();
            let k = a.sentences.partition_point(|s| s.span.start <= sp.start);
            let here = k.checked_sub(1).map_or(0, |k| a.sentences[k].span.start);
            // Or the sentence before, in the same paragraph ("… Midlands Airport Holdings
            // Ltd said …. A spokesman said at least 21,000 …").
            let from = k
                .checked_sub(2)
                .map(|p| a.sentences[p].span.start)
                .filter(|&p| t.get(p..here).is_some_and(|g| !g.contains('\n')))
                .unwrap_or(here);
            // ("a spokesman for the mayor" says whom the text names.)
            if t.get(sp.end..)
                .unwrap_or("")
                .trim_start()
                .starts_with("for ")
            {
                return None;
            }
            // The body named in this sentence, else the body that spoke in the one
            // before, else the body named last there.
            last_company_where(a, sp.start, |m| m.span.start >= here)
                .or_else(|| {
                    spoke
                        .filter(|(p, _)| *p >= from && *p <= sp.start)
                        .map(|(_, n)| n.clone())
                })
                .or_else(|| last_company_where(a, sp.start, |m| m.span.start >= from))
                .filter(|n| !n.is_empty())
        }
        [m] => last_body_named(a, &format!("the {m}"), sp.start),
        _ => None,
    }
}

/// The description of a body that a source noun speaks for ("fuentes del organismo" → "el
/// organismo", "sources at the company" → "the company"), when the rest describes one.
fn described_body_of(name: &str, lex: &lexicon::Lexicon) -> Option<String> {
    let (noun, rest) = name.split_once(' ')?;
    if !lex.is(&noun.to_lowercase(), Kind::Noun) {
        return None;
    }
    let rest = rest.trim();
    let desc = [
        ("del ", "el "),
        ("de la ", "la "),
        ("della ", "la "),
        ("dell'", "l'"),
        ("at the ", "the "),
        ("of the ", "the "),
    ]
    .iter()
    .find_map(|(p, det)| rest.strip_prefix(p).map(|r| format!("{det}{r}")))?;
    company_description(&desc, lex.lang()).then_some(desc)
}

/// True for a description by where a body is based: "the San Francisco-based maker of
/// human-resources software", "the Seattle-based retailer".
/// A name after it is no description ("the Washington-based Center for Eurasian Security
/// Studies").
pub(crate) fn based_description(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let based = words
        .iter()
        .take(5)
        .position(|w| storyline_model::names::is_based(w));
    words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"))
        && words.len() <= 10
        && based.is_some_and(|b| {
            b > 0
                && words
                    .get(b + 1)
                    .is_none_or(|n| n.chars().next().is_some_and(char::is_lowercase))
        })
}

/// Korean nouns for the company a report speaks of ("회사 측은", "사측은").
const KOREAN_COMPANY: [&str; 5] = ["회사", "사측", "업체", "기업", "회사측"];

/// The last organisation named before `before` whose name holds the head noun of the
/// description `desc` ("the provincial emergency agency" → "Alberta Emergency Management
/// Agency").
pub(crate) fn last_body_named(a: &Article, desc: &str, before: usize) -> Option<String> {
    let head = desc.split_whitespace().last()?.to_lowercase();
    // German genitives: "des Wahlamts" is the "Wahlamt".
    let bare = (a.lang == "de")
        .then(|| head.strip_suffix("es").or_else(|| head.strip_suffix('s')))
        .flatten()
        .filter(|b| b.chars().count() >= 4);
    let t = a.text.as_str();
    a.mentions
        .iter()
        .filter(|m| m.kind == EntityType::Org && m.span.end <= before)
        .filter(|m| {
            at(t, m.span).split_whitespace().any(|w| {
                let w = w.to_lowercase();
                w == head || bare.is_some_and(|b| w == b)
            })
                // Or introduced by that noun: "Die Hilfsorganisation Rivercare
                // International" for "der Hilfsorganisation".
                || t.get(..m.span.start)
                    .and_then(|h| h.split_whitespace().next_back())
                    .is_some_and(|w| w.to_lowercase() == head)
        })
        .max_by_key(|m| m.span.start)
        .map(|m| at(t, m.span).to_string())
}

/// The first organisation named soon after `after` whose name holds the head noun of the
/// description `desc`: a lead that describes a body before it names it ("the area's busiest
/// hospital said …" before "Lakeshore Memorial Hospital").
fn next_body_named(a: &Article, desc: &str, after: usize) -> Option<String> {
    let head = desc.split_whitespace().last()?.to_lowercase();
    let t = a.text.as_str();
    a.mentions
        .iter()
        .filter(|m| {
            m.kind == EntityType::Org && m.span.start >= after && m.span.start < after + 800
        })
        .find(|m| {
            at(t, m.span)
                .split_whitespace()
                .any(|w| w.to_lowercase() == head)
        })
        .map(|m| at(t, m.span).to_string())
}

/// The first company named after `after` in a lead that describes it before it names it
/// ("… at least six workers were still missing, the operator said. … Westvaal Gold
/// Operations"): an organisation outside parentheses whose name holds no head noun of a
/// public body ("Department", "Union").
fn next_company(a: &Article, after: usize) -> Option<String> {
    let t = a.text.as_str();
    a.mentions
        .iter()
        .filter(|m| m.kind == EntityType::Org && m.span.start >= after)
        .take_while(|m| m.span.start < after + 1200)
        .find(|m| {
            let name = at(t, m.span);
            name.split_whitespace().count() >= 2
                && !name
                    .split_whitespace()
                    .any(|w| crate::ner::is_org_head(&a.lang, w))
                && !bracketed(t, m)
        })
        .map(|m| at(t, m.span).to_string())
}

/// True when mention `m` opens a parenthesis (an agency in a dateline, an acronym).
fn bracketed(t: &str, m: &storyline_model::Mention) -> bool {
    t.get(..m.span.start)
        .is_some_and(|h| h.trim_end().ends_with('('))
}

/// The last organisation named before `before`, outside parentheses (not the agency of a
/// dateline).
pub(crate) fn last_company(a: &Article, before: usize) -> Option<String> {
    last_company_where(a, before, |_| true)
}

/// [`last_company`] among the organisations `keep` keeps.
pub(crate) fn last_company_where(
    a: &Article,
    before: usize,
    keep: impl Fn(&storyline_model::Mention) -> bool,
) -> Option<String> {
    let t = a.text.as_str();
    a.mentions
        .iter()
        .filter(|m| m.kind == EntityType::Org && m.span.end <= before)
        .filter(|m| !bracketed(t, m) && keep(m))
        .max_by_key(|m| m.span.start)
        .map(|m| at(t, m.span).to_string())
}

/// Words that join a person to the place or body they belong to ("of", "von der").
const AFFILIATION: [&str; 16] = [
    "of", "from", "at", "von", "vom", "de", "del", "della", "di", "du", "van", "z", "з", "із",
    "из", "в",
];

/// The role word of a definite description made of an article and a title ("the
/// minister", "Il ministro", "der Minister"), or of a Russian or Ukrainian title alone in
/// any case ("губернатора"), in lower case.
fn role_description(name: &str, lex: &lexicon::Lexicon) -> Option<String> {
    // "L'assessore", "l'assessora": an elided article written onto the role.
    let elided = ["l'", "l’", "L'", "L’"]
        .iter()
        .find_map(|a| name.strip_prefix(a))
        .filter(|r| !r.contains(' '));
    if let Some(role) = elided.map(str::to_lowercase) {
        return lex.is(&role, Kind::Title).then_some(role);
    }
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    // "(the) Transport Secretary", "Interior Minister": a formal title of two capitalised
    // words, the article aside.
    let written: Vec<&str> = name.split_whitespace().collect();
    let formal = match written.as_slice() {
        [det, rest @ ..] if DEFINITE.contains(&det.to_lowercase().as_str()) => rest,
        all => all,
    };
    if formal.len() == 2 && formal.iter().all(|w| w.starts_with(char::is_uppercase)) {
        let title = formal[1].to_lowercase();
        if lex.is(&title, Kind::Title) {
            return Some(title);
        }
    }
    match words.as_slice() {
        [det, title] if DEFINITE.contains(&det.as_str()) && lex.is(title, Kind::Title) => {
            Some(title.clone())
        }
        // "the fire chief", "the regional governor": modifiers in lower case before it.
        [det, middle @ .., title]
            if middle.len() <= 2
                && DEFINITE.contains(&det.as_str())
                && lex.is(title, Kind::Title)
                && name
                    .split_whitespace()
                    .all(|w| !w.starts_with(char::is_uppercase) || w == "The") =>
        {
            Some(title.clone())
        }
        // Russian and Ukrainian have no articles and inflect the role ("по словам
        // губернатора"): its nominative.
        [title]
            if title.chars().all(|c| c.is_alphabetic() || c == '-')
                && title.chars().any(storyline_model::romanize::is_cyrillic) =>
        {
            // The word less up to three letters of ending, perhaps with the nominative's
            // "-а" or "-я" back ("губернатора" → "губернатор", "главы" → "глава").
            let chars: Vec<char> = title.chars().collect();
            (0..=3.min(chars.len().saturating_sub(2)))
                .map(|n| chars[..chars.len() - n].iter().collect::<String>())
                .flat_map(|w| [format!("{w}а"), format!("{w}я"), w])
                .find(|w| lex.is(w, Kind::Title))
        }
        _ => None,
    }
}

/// The people named whose role, or the words just before the name, hold `role` ("Il
/// ministro indiano dei Porti …, Arvind Rathore").
fn holders<'a>(
    a: &'a Article,
    role: &'a str,
) -> impl Iterator<Item = &'a storyline_model::Mention> + 'a {
    let t = a.text.as_str();
    // "l'assessore alla Sanità": a portfolio the tagger took for a person is nobody.
    let portfolio = move |m: &storyline_model::Mention| {
        !at(t, m.span).contains(' ')
            && t.get(..m.span.start).is_some_and(|h| {
                let w = h.trim_end().rsplit(' ').next().unwrap_or("").to_lowercase();
                matches!(
                    w.as_str(),
                    "alla" | "al" | "alle" | "ai" | "della" | "del" | "dei" | "de" | "of" | "for"
                )
            })
    };
    a.mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person && !m.resolved)
        .filter(move |m| !portfolio(m))
        .filter(move |m| {
            let in_role = m
                .role
                .as_deref()
                .is_some_and(|r| r.to_lowercase().contains(role));
            let mut from = m.span.start.saturating_sub(120);
            while !t.is_char_boundary(from) {
                from -= 1;
            }
            let raw = t.get(from..m.span.start).unwrap_or("");
            // Only within the name's own sentence.
            let lead = raw.rsplit(['.', '!', '?', '\n']).next().unwrap_or("");
            let lower = lead.to_lowercase();
            // The role word's offset in the text, if the lead holds it as a word.
            let role_at = crate::claims::last_word_at(&lower, role);
            // The first person named after the role word holds it, not a later one
            // ("Il ministro …, Arvind Rathore, è arrivato a Busan").
            let first_after = role_at.is_some_and(|i| {
                let at = m.span.start - lead.len() + i;
                !a.mentions.iter().any(|o| {
                    o.kind == EntityType::Person
                        && o.span.start > at
                        && o.span.end <= m.span.start
                        && !portfolio(o)
                })
            });
            in_role || first_after
        })
}

/// Runs of two or three capitalised words in the text, role words dropped, in text order:
/// (offset, name, opens a sentence).
fn full_names(t: &str, lex: &lexicon::Lexicon) -> Vec<(usize, String, bool)> {
    let toks = text::tokens(t, Span::new(0, t.len()));
    let mut out: Vec<(usize, String, bool)> = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        if !(toks[k].word && toks[k].cap) {
            k += 1;
            continue;
        }
        let mut e = k;
        while e < toks.len() && toks[e].word && toks[e].cap {
            e += 1;
        }
        let mut s = k;
        // "Seine Partei", "Die Union": a determiner or a possessive opens a noun phrase, in a
        // language that capitalises nouns no name.
        let determiner = |x: &text::Tok| {
            crate::ner::is_determiner(lex.lang(), &x.lower) || lex.is(&x.lower, Kind::Possessive)
        };
        if lex.lang() == "de" && determiner(&toks[k]) {
            s += 1;
        }
        // Role words, pronouns, a time or a source cue opening the sentence ("Ранее Шелестов
        // говорил", "Secondo Eurocontrol, …").
        let lead = |w: &str| {
            lex.is(w, Kind::Title)
                || lex.is(w, Kind::Pron)
                || crate::timex::lexicon::is_time_adverb(w)
                || lex.match_at(&[w], Kind::Prep).is_some()
        };
        while s < e && lead(&toks[s].lower) {
            s += 1;
        }
        if (2..=3).contains(&(e - s))
            && toks[s..e]
                .iter()
                .all(|x| !x.lower.ends_with('.') && x.lower.chars().all(char::is_alphabetic))
        {
            let start = toks[s].span.start;
            let name = at(t, Span::new(start, toks[e - 1].span.end)).to_string();
            let lead = t.get(..toks[k].span.start).unwrap_or("").trim_end();
            let opens = !matches!(toks[k].lower.as_str(), "the" | "a" | "an")
                && (lead.is_empty() || lead.ends_with(['.', '!', '?', '\n']));
            out.push((start, name, opens));
        }
        k = e;
    }
    out
}

/// The capitalised name just before a relative "who" at `at` ("Ann Cole, who …").
fn antecedent(t: &str, at: usize) -> Option<String> {
    let mut head = t.get(..at)?.trim_end().strip_suffix(',')?.trim_end();
    // "McConnell, now the Senate majority leader, who …": past one apposition.
    for round in 0..2 {
        let words: Vec<&str> = head.rsplit(' ').take(4).collect();
        let n = words
            .iter()
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        // "Devin Castellanos, an analyst at Harrowgate Capital Partners, who …": a body
        // the apposition places the person in is not who.
        let placed = round == 0
            && words
                .get(n)
                .is_some_and(|w| matches!(*w, "at" | "of" | "for" | "with" | "from" | "in"));
        if n > 0 && !placed {
            return Some(
                words[..n]
                    .iter()
                    .rev()
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        let (before, apposition) = head.rsplit_once(", ")?;
        if apposition.split_whitespace().count() > 6 {
            return None;
        }
        head = before.trim_end();
    }
    None
}
