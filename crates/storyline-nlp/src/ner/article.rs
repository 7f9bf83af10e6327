//! The [`Article`] adapter: tokens of the article's sentences in, [`Mention`]s out.

use storyline_model::{Article, Mention, Span, Token, TokenKind};

use super::labels::chunks;

/// Bits of a word class that hold its casing class.
const CASE_MASK: u8 = 0b1_1000;
use super::roles::Name;
use super::types::refine;
use super::{anchor, coref, join, lang, roles, uncased, Tagger};

/// Currencies as a name's whole text ("Euro", "Dollar", "Pfund"): never a name.
const CURRENCIES: [&str; 14] = [
    "euro", "euros", "dollar", "dollars", "pfund", "franken", "rubel", "yen", "yuan", "zloty",
    "rupien", "hrywnja", "griwna", "dollaro",
];

fn is_punct(w: &str) -> bool {
    !w.chars().any(char::is_alphanumeric)
}

/// Punctuation that never stands inside a name.
fn is_separator(w: &str) -> bool {
    is_punct(w) && !matches!(w, "." | "&" | "-" | "'" | "’")
}

/// A coarse script class of a word's first letter: Latin, Cyrillic, or other.
fn script(w: &str) -> u8 {
    match w.chars().find(|c| c.is_alphabetic()) {
        Some(c) if c.is_ascii() || ('\u{c0}'..'\u{250}').contains(&c) => 0,
        Some(c) if ('\u{400}'..'\u{530}').contains(&c) => 1,
        Some(_) => 2,
        None => 3,
    }
}

/// True for a word whose first letter belongs to a script without case.
fn uncased(w: &str) -> bool {
    w.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(crate::segment::is_uncased_letter)
}

/// Splits a sentence's tokens after sentence-final punctuation (and any closing quotes)
/// that is followed by a capitalised word or an opening quote.
fn sub_sentences<'t>(
    text: &str,
    toks: &'t [storyline_model::Token],
) -> Vec<&'t [storyline_model::Token]> {
    let word = |i: usize| {
        toks.get(i)
            .and_then(|t| text.get(t.span.start..t.span.end))
            .unwrap_or("")
    };
    let mut out = Vec::new();
    let mut from = 0;
    let mut i = 0;
    while i < toks.len() {
        if matches!(word(i), "." | "!" | "?" | "…") {
            let mut j = i + 1;
            while j < toks.len() && matches!(word(j), "\"" | "”" | "’" | "»" | "'") {
                j += 1;
            }
            let next = word(j);
            if j < toks.len()
                && next
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '"' || c == '“')
            {
                out.push(&toks[from..j]);
                from = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if from < toks.len() {
        out.push(&toks[from..]);
    }
    out
}

impl Tagger {
    /// Tags the article's sentences (boilerplate skipped) as one document. Every span
    /// indexes `article.text` exactly.
    pub fn tag(&self, article: &Article) -> Vec<Mention> {
        let text = article.text.as_str();
        let mut doc: Vec<Vec<&str>> = Vec::new();
        let mut spans: Vec<Span> = Vec::new();
        let mut symbol: Vec<bool> = Vec::new();
        let mut starts: Vec<bool> = Vec::new();
        let mut agencies: Vec<Span> = Vec::new();
        let mut places: Vec<Span> = Vec::new();
        for s in article.sentences.iter().filter(|s| !s.boilerplate) {
            let Some(toks) = article.tokens.get(s.tokens.clone()) else {
                continue;
            };
            // The word after a dateline opens the sentence for the rules after the tagger
            // ("DEN HAAG - Ruim 5000 boeren", "GENEVA — Some 5,000 farmers").
            // A header before the body ("date 2026-03-09") belongs to the body's first
            // sentence in the segmenter's eyes; the body starts after it.
            let head = article.body.start;
            let from = if s.span.start < head && head < s.span.end {
                head
            } else {
                s.span.start
            };
            let body = crate::segment::after_dateline(text, from, s.span.end);
            if body > from {
                let span = |(a, b)| Span::new(a, b);
                agencies.extend(crate::segment::dateline_agency(text, from, body).map(span));
                places.extend(crate::segment::dateline_place(text, from, body).map(span));
            }
            // A quotation of several sentences stays one segmenter sentence; the tagger
            // reads each of its sentences on its own ("… in words." / "Hopefully, …").
            for piece in sub_sentences(text, toks) {
                let words: Vec<&str> = piece
                    .iter()
                    .map(|t| text.get(t.span.start..t.span.end).unwrap_or(""))
                    .collect();
                spans.extend(piece.iter().map(|t| t.span));
                symbol.extend(piece.iter().map(|t| t.kind == TokenKind::Symbol));
                // (`body` is at least `from`, which is at least the sentence's start.)
                starts.extend(
                    piece
                        .iter()
                        .enumerate()
                        .map(|(i, t)| i == 0 || body > s.span.start && t.span.start == body),
                );
                doc.push(words);
            }
        }
        // German capitalises every noun: a repeated capitalised word is no sign of a name there.
        let labels = self.model.tag_with(&doc, article.lang != "de");
        let words: Vec<&str> = doc.iter().flatten().copied().collect();
        let mut names = Vec::new();
        let mut base = 0;
        for (sent, labels) in doc.iter().zip(&labels) {
            for c in chunks(labels) {
                // Names never begin or end with punctuation ("Zelenskyy /").
                let (mut a, mut b) = (c.start, c.end);
                while a < b && sent.get(a).is_some_and(|w| is_punct(w)) {
                    a += 1;
                }
                while b > a && sent.get(b - 1).is_some_and(|w| is_punct(w)) {
                    b -= 1;
                }
                // A name does not run across a separator ("/", "(", "—") or change script.
                let mut from = a;
                for k in a..=b {
                    let cut = k == b
                        || sent.get(k).is_some_and(|w| is_separator(w))
                        || (k > from && {
                            // Digits and signs belong to no script ("Euro 96", "Douglas & Lomason").
                            let (x, y) = (script(sent[k - 1]), script(sent[k]));
                            x < 3 && y < 3 && x != y
                        });
                    if !cut {
                        continue;
                    }
                    let (mut x, mut y) = (from, k);
                    while x < y && sent.get(x).is_some_and(|w| is_punct(w)) {
                        x += 1;
                    }
                    while y > x && sent.get(y - 1).is_some_and(|w| is_punct(w)) {
                        y -= 1;
                    }
                    from = if sent.get(k).is_some_and(|w| is_separator(w)) {
                        k + 1
                    } else {
                        k
                    };
                    // Handles, URLs and other symbol tokens are not names; nor is what the
                    // model, which learned from capitals, says of a script without case
                    // (Devanagari, Hangul): such names come from anchors (`anchor.rs`).
                    if x >= y
                        || (base + x..base + y).any(|i| symbol.get(i) == Some(&true))
                        || sent[x..y].iter().any(|w| uncased(w))
                    {
                        continue;
                    }
                    names.push(Name {
                        toks: base + x..base + y,
                        kind: refine(&self.model.lex, &sent[x..y], c.ty),
                        role: None,
                    });
                }
            }
            base += sent.len();
        }
        lang::clean(&article.lang, &self.model.lex, &words, &starts, &mut names);
        join::apply(&article.lang, &self.model.lex, &words, &starts, &mut names);
        let lex = &self.model.lex;
        let common = |w: &str| {
            let case = lex.word_class(super::lexicon::lower_hash(w)) & CASE_MASK;
            case == super::lexicon::CASE_LOWER || case == super::lexicon::CASE_MIXED
        };
        let org_word = |w: &str| join::is_org_word(&article.lang, w);
        roles::apply(&mut names, &words, &starts, &common, &org_word);
        coref::hyphenated_given(&mut names, &words);
        coref::lists(&mut names, &words);
        coref::surnames(&mut names, &words);
        let cover = |r: &std::ops::Range<usize>| -> Option<Span> {
            let first = spans.get(r.start)?;
            let last = spans.get(r.end.checked_sub(1)?)?;
            let span = Span::new(first.start, last.end);
            (span.is_valid_in(text) && !span.is_empty()).then_some(span)
        };
        let mut mentions: Vec<Mention> = names
            .iter()
            .filter_map(|n| {
                Some(Mention {
                    span: cover(&n.toks)?,
                    kind: n.kind,
                    entity: None,
                    resolved: false,
                    role: n
                        .role
                        .as_ref()
                        .filter(|_| n.kind == storyline_model::EntityType::Person)
                        .and_then(cover)
                        .and_then(|s| text.get(s.start..s.end))
                        .map(str::to_string),
                })
            })
            .collect();
        anchor::apply(article, &mut mentions);
        uncased::apply(article, &mut mentions);
        // The agency in a dateline ("BERLIN (dpa) -", "(EUROPA PRESS)") is an organisation,
        // whatever the tagger found there; the place that opens it is a place, where the
        // tagger found no name.
        let mention = |span, kind| Mention {
            span,
            kind,
            entity: None,
            resolved: false,
            role: None,
        };
        for a in agencies {
            mentions.retain(|m| !m.span.overlaps(&a));
            mentions.push(mention(a, storyline_model::EntityType::Org));
        }
        for p in places {
            // "MARLOWE, N.Y. —": the tagger's name for exactly the dateline's place is the
            // place, whatever it typed it.
            if let Some(m) = mentions.iter_mut().find(|m| m.span == p) {
                if m.kind != storyline_model::EntityType::Loc {
                    m.kind = storyline_model::EntityType::Gpe;
                    m.role = None;
                }
            } else if !mentions.iter().any(|m| m.span.overlaps(&p)) {
                mentions.push(mention(p, storyline_model::EntityType::Gpe));
            }
        }
        waters(article, &mut mentions);
        bodies(article, &mut mentions);
        acronyms(article, &mut mentions);
        mentions.sort_by_key(|m| m.span);
        mentions.retain(|m| {
            let t = text.get(m.span.start..m.span.end).unwrap_or("");
            // "Oct 15 (Reuters) -": a month before a day is a date, no name.
            // "ROMA, 16 LUG -": or after the day.
            let dated = t.len() <= 12
                && !t.contains(' ')
                && crate::timex::lexicon::is_month_word(&t.to_lowercase())
                && (text.get(m.span.end..).is_some_and(|r| {
                    r.trim_start_matches([' ', '.'])
                        .starts_with(|c: char| c.is_ascii_digit())
                }) || text
                    .get(..m.span.start)
                    .is_some_and(|h| h.trim_end().ends_with(|c: char| c.is_ascii_digit())));
            // "350 Euro mehr", "Millionen Dollar": a currency, capitalised as German nouns
            // are, is no name.
            let currency = CURRENCIES.iter().any(|c| t.eq_ignore_ascii_case(c));
            !lang::is_function_word(&article.lang, t) && !dated && !currency
        });
        mentions
    }
}

/// International bodies by their names in the table (`bodies::body_exactly`): an organisation,
/// whatever the tagger typed it ("Europol" as a person in an Italian sentence), and where it
/// found no name, a capitalised word that is one ("Europol ha inviato …" opening a
/// sentence).
fn bodies(article: &Article, mentions: &mut Vec<Mention>) {
    let text = article.text.as_str();
    for m in mentions.iter_mut() {
        let t = text.get(m.span.start..m.span.end).unwrap_or("");
        if m.kind != storyline_model::EntityType::Org
            && storyline_model::bodies::body_exactly(t).is_some()
        {
            m.kind = storyline_model::EntityType::Org;
            m.role = None;
        }
    }
    let mut found = Vec::new();
    for tok in article.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let w = text.get(tok.span.start..tok.span.end).unwrap_or("");
        if w.starts_with(char::is_uppercase)
            && storyline_model::bodies::body_exactly(w).is_some()
            && !mentions.iter().any(|m| m.span.overlaps(&tok.span))
        {
            found.push(Mention {
                span: tok.span,
                kind: storyline_model::EntityType::Org,
                entity: None,
                resolved: false,
                role: None,
            });
        }
    }
    mentions.extend(found);
}

/// A body's acronym names it wherever the article writes it: once "VC" is an
/// organisation ("Die Vereinigung Cockpit (VC)"), its other occurrences that the tagger
/// left out are too ("Die VC fordert …"), except on a line of capitals.
fn acronyms(article: &Article, mentions: &mut Vec<Mention>) {
    use storyline_model::EntityType;
    let text = article.text.as_str();
    let at = |s: Span| text.get(s.start..s.end).unwrap_or("");
    let known: Vec<&str> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Org)
        .map(|m| at(m.span))
        .filter(|t| (2..=8).contains(&t.chars().count()) && lang::all_caps(t) && !t.contains(' '))
        .collect();
    if known.is_empty() {
        return;
    }
    let words: Vec<&Token> = article
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    let capitals = |k: usize| words.get(k).is_some_and(|t| lang::all_caps(at(t.span)));
    let mut found = Vec::new();
    for (k, tok) in words.iter().enumerate() {
        let w = at(tok.span);
        if !known.contains(&w)
            || k > 0 && capitals(k - 1)
            || capitals(k + 1)
            || mentions.iter().any(|m| m.span.overlaps(&tok.span))
        {
            continue;
        }
        found.push(Mention {
            span: tok.span,
            kind: EntityType::Org,
            entity: None,
            resolved: false,
            role: None,
        });
    }
    mentions.extend(found);
}

/// Rivers, seas and lakes by their names in the table (`places::water`): a location,
/// whatever the tagger typed it ("Rhine" as a person, "Rijn" as a body), and where it
/// found no name ("das Schwarze Meer"). A name that is also the family name of a person
/// named in full in the article stays that person's ("Maas said").
fn waters(article: &Article, mentions: &mut Vec<Mention>) {
    use storyline_model::{places::water, EntityType};
    let text = article.text.as_str();
    let lang = article.lang.as_str();
    let at = |s: Span| text.get(s.start..s.end).unwrap_or("");
    let surnames: Vec<&str> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person)
        .filter_map(|m| {
            let t = at(m.span);
            t.contains(' ').then(|| t.rsplit(' ').next()).flatten()
        })
        .collect();
    for m in mentions.iter_mut() {
        let t = at(m.span);
        if m.kind != EntityType::Loc && !surnames.contains(&t) && water(t, lang).is_some() {
            m.kind = EntityType::Loc;
            m.role = None;
        }
    }
    let toks = &article.tokens;
    // Which tokens a name already holds, in one pass over both sorted lists.
    let mut spans: Vec<Span> = mentions.iter().map(|m| m.span).collect();
    spans.sort();
    let mut held = vec![false; toks.len()];
    let mut k = 0;
    for (i, t) in toks.iter().enumerate() {
        while k < spans.len() && spans[k].end <= t.span.start {
            k += 1;
        }
        held[i] = spans[k..]
            .iter()
            .take_while(|s| s.start < t.span.end)
            .any(|s| s.overlaps(&t.span));
    }
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let first = at(toks[i].span);
        let capital = first.chars().next().is_some_and(char::is_uppercase);
        if !capital || held[i] || !storyline_model::places::may_open_water(first, lang) {
            i += 1;
            continue;
        }
        let hit = (1..=3).rev().find_map(|n| {
            let last = toks.get(i + n - 1)?;
            let span = Span::new(toks[i].span.start, last.span.end);
            let free = !held[i..i + n].iter().any(|&h| h);
            (free && water(at(span), lang).is_some()).then_some((n, span))
        });
        match hit {
            Some((n, span)) if !surnames.contains(&at(span)) => {
                found.push(span);
                i += n;
            }
            _ => i += 1,
        }
    }
    for span in found {
        mentions.push(Mention {
            span,
            kind: EntityType::Loc,
            entity: None,
            resolved: false,
            role: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_scripts() {
        for (w, sep) in [
            ("/", true),
            ("(", true),
            ("—", true),
            (".", false),
            ("&", false),
        ] {
            assert_eq!(is_separator(w), sep, "{w}");
        }
        assert_eq!(script("Zelenskyy"), script("Łódź"));
        assert_ne!(script("Zelenskyy"), script("Зеленський"));
        assert_eq!(script("/"), 3);
        assert!(
            uncased("जायसवाल") && uncased("김성호") && !uncased("Zelensky") && !uncased("київ")
        );
    }
}
