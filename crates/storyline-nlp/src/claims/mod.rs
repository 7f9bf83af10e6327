//! Quantitative claims: how many of what, where, according to whom, when.
//!
//! For each sentence (boilerplate skipped) the numbers are found ([`numbers`]), the ones
//! that are dates, times, ages, labels or years dropped, and the rest read as intervals
//! with a hedge from the words around them ([`lexicon`]): "up to 12,000" → `(None, 12000)`
//! `up_to`; "between 10,000 and 12,000" → `range`; "dozens of" → `(12, None)` `approx`.
//! What is counted is the noun phrase after the number; where, the place named with
//! "in …" in the sentence; who claims it, the speaker of the innermost quote holding the
//! number (else "the outlet"); when, the sentence's dated time expression, else the
//! quote's date, else the dateline. "Two brigades of up to 6,000 personnel each" also
//! gives the derived claim up to 12,000 personnel, pointing at both spans.

pub mod lexicon;
pub mod numbers;
pub(crate) mod source;

use storyline_model::{Article, Claim, Date, EntityType, Hedge, Quote, QuoteKind, Span};

use crate::segment::is_letter_or_mark as word_char;
use lexicon::*;
use numbers::Number;

/// The name used when no one is cited for a claim.
pub const OUTLET: &str = "the outlet";

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// The text of `[0, at)` with trailing spaces trimmed, lowercased.
fn before(text: &str, at: usize, limit: usize) -> String {
    let mut start = at.saturating_sub(limit);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    lower(text[start..at].trim_end())
}

/// Up to `max` bytes of `text` from `start`, cut back to a char boundary.
fn window(text: &str, start: usize, max: usize) -> &str {
    let mut end = text.len().min(start + max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(start..end).unwrap_or("")
}

/// The byte offset of the last occurrence of `word` in `hay` as a whole word.
pub(crate) fn last_word_at(hay: &str, word: &str) -> Option<usize> {
    hay.match_indices(word)
        .filter(|(i, _)| {
            let before = hay[..*i].chars().next_back();
            let after = hay[i + word.len()..].chars().next();
            !before.is_some_and(word_char) && !after.is_some_and(word_char)
        })
        .map(|(i, _)| i)
        .last()
}

fn ends_with_word(hay: &str, phrase: &str) -> bool {
    hay.ends_with(phrase)
        && hay[..hay.len() - phrase.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !word_char(c))
}

fn next_words(text: &str, from: usize, n: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[from..].char_indices() {
        let i = i + from;
        let part = word_char(c) || c == '-' || c == '\'' || c == '’' || c == '%';
        if part {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
            if out.len() == n {
                return out;
            }
        }
        if matches!(
            c,
            '.' | ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '«' | '»' | '\n'
        ) && start.is_none()
        {
            // Punctuation ends the phrase.
            out.push((i, i));
            return out;
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Words that end a counted noun phrase.
const STOP: &[&str] = &[
    // a source after the figure ("35,000 according to police")
    "according",
    "según",
    "secondo",
    "volgens",
    "laut",
    "are",
    "is",
    "was",
    "were",
    "be",
    "been",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "in",
    "on",
    "at",
    "to",
    "from",
    "by",
    "with",
    "for",
    "and",
    "or",
    "but",
    "that",
    "who",
    "which",
    "each",
    "per",
    "of",
    "as",
    "than",
    "since",
    "into",
    "over",
    "across",
    "near",
    "among",
    "said",
    "says",
    "a",
    "the",
    "this",
    "these",
    "those",
    "their",
    "its",
    "his",
    "her",
    "had",
    "not",
    "now",
    "currently",
    "already",
    "still",
    "there",
    "sind",
    "seien",
    "waren",
    "wurden",
    "haben",
    "in",
    "im",
    "aus",
    "und",
    "oder",
    "mit",
    "nach",
    "für",
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "von",
    "bei",
    "zu",
    "son",
    "fueron",
    "han",
    "en",
    "de",
    "del",
    "y",
    "o",
    "con",
    "para",
    "por",
    "que",
    "los",
    "las",
    "el",
    "la",
    "sono",
    "di",
    "della",
    "nel",
    "e",
    "с",
    "в",
    "на",
    "и",
    "из",
    "у",
    "та",
    "з",
    "до",
    "zijn",
    "waren",
    "werden",
    "hebben",
    "heeft",
    "met",
    "op",
    "naar",
    "uit",
    "bij",
    "voor",
    "over",
    "над",
    "под",
    "при",
    "для",
    "по",
    "за",
    "от",
    "через",
    "после",
    "між",
    "під",
    "від",
    "після",
    "внаслідок",
    "вследствие",
    "में",
    "पर",
    "से",
    "को",
    "ने",
    "तक",
    "और",
    "हो",
    "हुए",
    "है",
    "हैं",
    "था",
    "थे",
];

/// [`STOP`], for lookups.
static STOP_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| STOP.iter().copied().collect());

/// Determiners and possessives between a partitive "of" and the noun it counts from.
const PARTITIVE_DET: &[&str] = &[
    "the", "their", "its", "his", "her", "our", "these", "those", "los", "las", "el", "la", "sus",
    "der", "die", "den", "des", "dem", "ihren", "seinen", "i", "gli", "le", "loro",
];

/// The counted noun phrase after a number: "North Korean soldiers", "civilians killed".
fn counted_after(text: &str, from: usize, lang: &str) -> Option<(String, usize)> {
    let mut words = next_words(text, from, 12);
    // "thousands of people": skip the "of"; "53 of the 109 seats", "at least 58 of their
    // soldiers", "up to 13 of the tanker's 24 crew": and the determiners, owners and
    // numbers after it.
    if let Some(&(a, b)) = words.first() {
        let w = lower(&text[a..b]);
        if matches!(w.as_str(), "of" | "de" | "di" | "von" | "der" | "из" | "з") {
            words.remove(0);
            for _ in 0..3 {
                let Some(&(a, b)) = words.first().filter(|_| words.len() > 1) else {
                    break;
                };
                let w = lower(&text[a..b]);
                let skip = PARTITIVE_DET.contains(&w.as_str())
                    || w.ends_with("'s")
                    || w.ends_with("’s")
                    || w.starts_with(|c: char| c.is_ascii_digit());
                if !skip {
                    break;
                }
                words.remove(0);
            }
        }
    }
    words.truncate(8);
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for &(a, b) in &words {
        if a == b {
            break;
        }
        let w = &text[a..b];
        let lw = lower(w);
        if STOP_SET.contains(lw.as_str()) || lw.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            break;
        }
        let english = matches!(lang, "en" | "und" | "");
        if english && !taken.is_empty() && lw.ends_with("ing") {
            break;
        }
        taken.push((a, b));
        if english && taken.len() > 1 && lw.ends_with("ed") {
            break;
        }
        if taken.len() == 4 {
            break;
        }
    }
    let (first, last) = (taken.first()?, taken.last()?);
    Some((text[first.0..last.1].to_string(), last.1))
}

/// The hedge and the span start that the words before a number give.
fn hedge_before(text: &str, n: &Number) -> Option<(Hedge, usize)> {
    let b = before(text, n.start, 40);
    BEFORE
        .iter()
        .filter(|(p, _)| ends_with_word(&b, p))
        .max_by_key(|(p, _)| p.len())
        .map(|(p, h)| {
            // Find the phrase's start in the original text (same length in bytes when lowercase
            // keeps the length, else fall back to the number itself).
            let raw_end = text[..n.start].trim_end().len();
            let start = raw_end
                .checked_sub(p.len())
                .filter(|&s| text.is_char_boundary(s))
                .unwrap_or(n.start);
            (*h, start)
        })
}

/// True when a place's or a person's name ends right before `at`.
fn after_place(a: &Article, at: usize) -> bool {
    a.mentions.iter().any(|m| {
        matches!(
            m.kind,
            EntityType::Gpe | EntityType::Loc | EntityType::Person
        ) && m.span.end <= at
            && a.text
                .get(m.span.end..at)
                .is_some_and(|g| g.trim().is_empty())
    })
}

fn is_label(text: &str, n: &Number, sentence_start: usize, after_place: impl Fn() -> bool) -> bool {
    let b = before(text, n.start, 16);
    let prev_word = b.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    // A number after a capitalised word inside the sentence names a thing: "Yi Peng 3",
    // "Boeing 787", "Kapitel 3".
    let raw_prev = text[sentence_start..n.start].trim_end();
    let raw_word_start = raw_prev
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let raw_word = &raw_prev[raw_word_start..];
    // (Not a number word: German capitalises its nouns, "die Tarifrunde acht Prozent".)
    // Not a word that opens a clause after a dateline or a colon either ("GENEVA — Some
    // 5,000 farmers", "DEN HAAG - Ruim 5000 boeren"), nor a hedge.
    let opens = raw_prev[..raw_word_start]
        .trim_end()
        .ends_with(['—', '–', '-', ':', '"', '“', '«', '(']);
    let raw_lower = lower(raw_word);
    let hedge = BEFORE.iter().any(|(p, _)| raw_lower == *p);
    // Nor a place or person ("випустила по Україні 84 дрони").
    if n.digits
        && raw_word_start > 0
        && !opens
        && !hedge
        && raw_word.chars().next().is_some_and(char::is_uppercase)
        && raw_word.chars().all(char::is_alphabetic)
        && !after_place()
    {
        return true;
    }
    if LABEL_BEFORE.contains(&prev_word) || b.ends_with('+') || b.ends_with('#') {
        return true;
    }
    // A day after its month ("Oct. 22"); a number word is none ("18 ноября. Два человека").
    if n.digits && MONTHS.contains(&prev_word.trim_end_matches('.')) {
        return true;
    }
    let after = &text[n.end..];
    if after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    // An age or an ordinal glued by a hyphen: "29-year-old", "die 29-Jährige", "65-й".
    if after.starts_with('-')
        && after[1..].starts_with(char::is_alphabetic)
        && !after[1..].to_lowercase().starts_with("strong")
    {
        return true;
    }
    // Korean clock times and dates: 3시, 50분, 17일, 11월, 2026년.
    if after.starts_with(['시', '분', '초', '일', '월', '년']) {
        return true;
    }
    // Glued letters: 1st, 3rd, 10km, A380-style codes; not after a Korean scale ("8만5천t").
    let scaled = text[..n.end].ends_with(['십', '백', '천', '만', '억']);
    // Degrees written onto the number are a unit ("1.48C"; see `unit_of`).
    let mut glued = after.chars();
    let degrees = matches!(glued.next(), Some('C' | 'F'))
        && glued
            .next()
            .is_none_or(|x| !x.is_alphanumeric() && x != '-');
    if !scaled
        && !degrees
        && after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
    {
        return true;
    }
    if text[..n.start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphabetic() || c == '-' || c == '/')
    {
        return true;
    }
    let next = next_words(text, n.end, 1);
    if let Some(&(a, b)) = next.first() {
        let w = lower(&text[a..b]);
        if MONTHS.contains(&w.trim_end_matches('.')) || LABEL_AFTER.contains(&w.as_str()) {
            return true;
        }
    }
    false
}

fn unit_of(text: &str, n: &Number) -> Option<(&'static str, usize, usize)> {
    let b = &text[..n.start];
    for (sym, code) in UNIT_BEFORE {
        if b.trim_end().ends_with(sym) {
            let s = b.trim_end().len() - sym.len();
            return Some((code, s, n.end));
        }
    }
    let after = lower(window(text, n.end, 24));
    let trimmed = after.trim_start();
    let skip = after.len() - trimmed.len();
    for (w, code) in UNIT_AFTER {
        if trimmed.starts_with(w)
            && (*w == "%"
                || trimmed[w.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphabetic() || *w == "процент" || *w == "відсот"))
        {
            let mut end = n.end + skip + w.len();
            // The rest of a word for percent ("procent|ов"), not a particle after a sign
            // ("65%이며").
            while *w != "%" && end < text.len() && text[end..].chars().next().is_some_and(word_char)
            {
                end += text[end..].chars().next().map_or(1, char::len_utf8);
            }
            return Some((code, n.start, end));
        }
    }
    // "1.48C", "2.7F": degrees written onto the number.
    let glued = text.get(n.end..).unwrap_or("");
    let mut it = glued.chars();
    if let (Some(c @ ('C' | 'F')), next) = (it.next(), it.next()) {
        if next.is_none_or(|x| !x.is_alphanumeric() && x != '-') {
            let code = if c == 'C' { "°C" } else { "°F" };
            return Some((code, n.start, n.end + 1));
        }
    }
    None
}

/// The sentences to read: the segmenter's, or lines when there are none.
fn sentences(a: &Article) -> Vec<Span> {
    if !a.sentences.is_empty() {
        return a
            .sentences
            .iter()
            .filter(|s| !s.boilerplate)
            .map(|s| s.span)
            .collect();
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in a.text.char_indices() {
        if c == '\n' {
            if i > start {
                out.push(Span::new(start, i));
            }
            start = i + 1;
        }
    }
    if start < a.text.len() {
        out.push(Span::new(start, a.text.len()));
    }
    out
}

fn place_in(a: &Article, sent: Span, after: usize) -> Option<String> {
    let places: Vec<_> = a
        .mentions
        .iter()
        .filter(|m| {
            sent.contains(&m.span)
                && matches!(m.kind, EntityType::Gpe | EntityType::Loc)
                && !m.resolved
        })
        .filter(|m| {
            let b = before(&a.text, m.span.start, 12);
            [
                "in", "into", "inside", "near", "im", "in der", "en", "nel", "in het", "в", "у",
                "во", "на",
            ]
            .iter()
            .any(|p| ends_with_word(&b, p))
        })
        .collect();
    places
        .iter()
        .find(|m| m.span.start >= after)
        .or(places.last())
        .map(|m| a.text[m.span.start..m.span.end].to_string())
}

fn full_date(value: &str) -> Option<Date> {
    value.get(..10).and_then(Date::parse)
}

/// Who makes a claim at `span`, and when: the innermost quote holding it, else the
/// innermost reported clause (`clauses`, see [`extract_with`]).
fn attribution(
    a: &Article,
    clauses: &[Quote],
    span: Span,
    sent: Span,
) -> (Option<String>, String, Option<Date>) {
    fn holding(qs: &[Quote], span: Span) -> Option<&Quote> {
        qs.iter()
            .filter(|q| {
                q.span.contains(&span) || (q.span.overlaps(&span) && q.span.start <= span.start)
            })
            .min_by_key(|q| q.span.len())
    }
    // A partial quotation stands for the reported speech around it: a figure after its
    // cue in the same sentence is its speaker's ("sprach von „schmerzhaften“ Kosten von
    // etwa 35 Millionen Euro").
    let partial = || {
        a.quotes.iter().find(|q| {
            q.kind == QuoteKind::Partial
                && sent.contains(&q.span)
                && q.cue_span
                    .is_some_and(|c| sent.contains(&c) && c.end <= span.start)
        })
    };
    let timex_date = a
        .timexes
        .iter()
        .filter(|t| sent.contains(&t.span))
        .find_map(|t| full_date(&t.value));
    // "35,000 according to police": a source named right after the figure is its own.
    if let Some(name) = source::named_after(a, span.end, sent) {
        return (None, name, timex_date.or(a.date));
    }
    // "down from the 3.7% it projected in May": a pronoun and its verb right after.
    if let Some(name) = source::pronoun_after(a, span.end, sent) {
        return (None, name, timex_date.or(a.date));
    }
    let q = holding(&a.quotes, span)
        .or_else(|| holding(clauses, span))
        .or_else(partial);
    // A report that "found" the figure speaks for the body that made it.
    let q = q.filter(|q| {
        q.speaker.is_some()
            || q.speaker_name
                .as_deref()
                .is_none_or(|n| !source::is_report(n))
    });
    match q {
        Some(q) => (
            q.speaker.clone(),
            q.speaker_name.clone().unwrap_or_else(|| OUTLET.to_string()),
            timex_date.or(q.date).or(a.date),
        ),
        None => match estimator(a, span, sent)
            .or_else(|| source::final_estimator(a, span, sent))
            .or_else(|| source::report_maker(a, span, sent))
            .or_else(|| source::acting_body(a, span, sent))
        {
            Some(name) => (None, name, timex_date.or(a.date)),
            None => (None, OUTLET.to_string(), timex_date.or(a.date)),
        },
    }
}

/// The subject of an estimate verb before the figure in its sentence ("Azerbaijan's
/// Defence Ministry put its own losses at 31"): the named entity that ends right before
/// the verb, with at most an auxiliary between them.
fn estimator(a: &Article, span: Span, sent: Span) -> Option<String> {
    let text = a.text.as_str();
    let head = text.get(sent.start..span.start)?;
    let lh = head.to_lowercase();
    // The last estimate verb before the figure, as a whole word.
    let verb = lexicon::ESTIMATE_VERBS
        .iter()
        .filter_map(|v| last_word_at(&lh, v))
        .max()?;
    let verb_at = sent.start + verb;
    // "He put the chance at roughly 10 percent": the person named last before.
    let subject = lh[..verb].trim_end();
    // "It sees the economy growing about 1.1%": the body named last before.
    if subject.rsplit(|c: char| !word_char(c)).next() == Some("it") {
        return source::it_referent(a, sent, sent.start + subject.len());
    }
    let pronoun = subject
        .rsplit(|c: char| !word_char(c))
        .next()
        .filter(|w| PERSONAL.contains(w));
    if let Some(w) = pronoun {
        let at = sent.start + subject.len() - w.len();
        return a
            .mentions
            .iter()
            .filter(|m| m.kind == EntityType::Person && m.span.end <= at)
            .max_by_key(|m| m.span.end)
            .and_then(|m| text.get(m.span.start..m.span.end))
            .map(str::to_string);
    }
    a.mentions
        .iter()
        .filter(|m| {
            matches!(
                m.kind,
                storyline_model::EntityType::Person
                    | storyline_model::EntityType::Org
                    | storyline_model::EntityType::Gpe
            ) && m.span.start >= sent.start
                && m.span.end <= verb_at
                // The acronym in parentheses after a name is the name's.
                && !text.get(..m.span.start).is_some_and(|h| h.ends_with('('))
        })
        .max_by_key(|m| m.span.end)
        .filter(|m| {
            let gap = text.get(m.span.end..verb_at).unwrap_or("").trim();
            // "El ministro, Luis Arana, calculó …": the apposed name before the comma.
            gap.is_empty()
                || gap == ","
                || aside(gap)
                || acronym(gap)
                || adjective_after(gap)
                || matches!(
                    gap.to_lowercase().as_str(),
                    "has" | "have" | "had" | "hat" | "habe" | "ha" | "han" | "также" | "also"
                )
        })
        .and_then(|m| {
            // "El Gobierno ucraniano estima …": the adjective belongs to the name.
            let gap = text.get(m.span.end..verb_at).unwrap_or("").trim();
            let end = if adjective_after(gap) {
                verb_at
            } else {
                m.span.end
            };
            text.get(m.span.start..end)
        })
        .map(|s| s.trim().to_string())
}

/// One word in lower case after a name, as Romance languages set an adjective
/// ("Gobierno ucraniano", "governo italiano").
fn adjective_after(gap: &str) -> bool {
    !gap.is_empty()
        && !gap.contains(char::is_whitespace)
        && gap.chars().all(char::is_alphabetic)
        && gap.chars().next().is_some_and(char::is_lowercase)
        && ["o", "a", "os", "as", "e", "i", "es"]
            .iter()
            .any(|e| gap.ends_with(e))
        && gap.chars().count() >= 5
}

/// A body's acronym in parentheses after its name ("European Air Carriers Association
/// (EACA) schätzt …").
fn acronym(gap: &str) -> bool {
    gap.strip_prefix('(')
        .and_then(|g| g.strip_suffix(')'))
        .is_some_and(|a| {
            (2..=8).contains(&a.chars().count())
                && a.chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
        })
}

/// A short aside between commas, of lower-case words: ", por su parte,", ", for its
/// part,", ", however,".
fn aside(gap: &str) -> bool {
    gap.len() > 2
        && gap.starts_with(',')
        && gap.ends_with(',')
        && gap[1..gap.len() - 1].split_whitespace().count() <= 4
        && gap[1..gap.len() - 1]
            .split_whitespace()
            .all(|w| w.chars().all(char::is_lowercase))
}

/// Personal pronouns that may be the subject of an estimate verb.
const PERSONAL: [&str; 10] = [
    "he", "she", "er", "sie", "él", "ella", "он", "она", "він", "вона",
];

/// A Korean counter after a number, with "여" ("some") before it, glued or apart ("30여채",
/// "30여 명", "3명"): where the figure ends and whether it is approximate.
fn korean_counter(text: &str, end: usize) -> Option<Counter> {
    let rest = text.get(end..)?;
    let (skip, approx) = match rest.strip_prefix('여') {
        Some(r) => (rest.len() - r.trim_start_matches(' ').len(), true),
        None => (0, false),
    };
    let word = KO_COUNTERS.iter().find(|c| rest[skip..].starts_with(*c))?;
    Some(Counter {
        end: end + skip + word.len(),
        approx,
        word,
    })
}

/// A counter after a number: see [`korean_counter`].
#[derive(Clone, Copy)]
struct Counter {
    /// Where the figure ends, the counter included.
    end: usize,
    /// "여" stood before it.
    approx: bool,
    /// The counter or measure ("명", "㏊").
    word: &'static str,
}

/// The noun that a Korean number counts, the word before it ("헬기 1대" → "헬기"), past a
/// hedge ("인력 약 3천여명") or "among" ("선원 중 3명"); none where that word carries a
/// particle or is not Hangul.
fn korean_noun_before(text: &str, start: usize) -> Option<String> {
    let hangul = storyline_model::romanize::is_hangul_syllable;
    let mut words = text[..start].split_whitespace().rev();
    let mut w = words.next()?;
    while KO_SKIP_BEFORE.contains(&w) {
        w = words.next()?;
    }
    // The Hangul that ends the word ("사흘째…주민" → "주민").
    let from = w
        .rfind(|c: char| !hangul(c))
        .map_or(0, |i| i + w[i..].chars().next().map_or(1, char::len_utf8));
    let w = &w[from..];
    if w.is_empty() || w.ends_with(KO_PARTICLES) {
        return None;
    }
    Some(w.to_string())
}

/// Finds the quantitative claims of an article.
pub fn extract(a: &Article) -> Vec<Claim> {
    extract_with(a, &[])
}

/// [`extract`], with the reported clauses that the article's partial quotations stand for
/// (`quotes::extract_with_clauses`): a figure inside one of them is its speaker's.
pub fn extract_with(a: &Article, clauses: &[Quote]) -> Vec<Claim> {
    let text = a.text.as_str();
    let mut out: Vec<Claim> = Vec::new();
    let sents = sentences(a);
    for &sent in &sents {
        let Some(stext) = text.get(sent.start..sent.end) else {
            continue;
        };
        let nums: Vec<Number> = numbers::find_numbers(stext)
            .into_iter()
            .map(|n| Number {
                start: n.start + sent.start,
                end: n.end + sent.start,
                ..n
            })
            .filter(|n| {
                let w = text.get(n.start..n.end).unwrap_or("");
                !lexicon::FALSE_FRIENDS
                    .iter()
                    .any(|(l, f)| *l == a.lang && w.eq_ignore_ascii_case(f))
            })
            .collect();
        let mut k = 0;
        let first_claim = out.len();
        while k < nums.len() {
            let n = nums[k];
            k += 1;
            let nspan = Span::new(n.start, n.end);
            // Dates, durations and names are not counts: "two days ago", "Yi Peng 3".
            if n.year_like
                || is_label(text, &n, sent.start, || after_place(a, n.start))
                || a.mentions.iter().any(|m| m.span.contains(&nspan))
                || a.timexes.iter().any(|t| t.span.overlaps(&nspan))
            {
                continue;
            }
            let mut low = Some(n.value);
            let mut high = Some(n.value);
            let mut hedge = Hedge::Exact;
            let mut start = n.start;
            let mut end = n.end;
            // A range: "10,000 to 12,000", "between 10,000 and 12,000".
            if let Some(m) = nums.get(k) {
                // "between €120 million and €150 million": the units stand aside.
                let currency = |t: &str| {
                    lexicon::UNIT_BEFORE
                        .iter()
                        .find_map(|(sym, _)| t.strip_suffix(sym))
                        .map(str::trim_end)
                        .unwrap_or(t)
                        .to_string()
                };
                let gap = lower(&currency(text[n.end..m.start].trim()));
                // "4.00% to 5.00%", "3 percent to 4 percent": the first unit stands aside.
                let gap = [
                    "%",
                    "percent",
                    "per cent",
                    "prozent",
                    "por ciento",
                    "per cento",
                ]
                .iter()
                .find_map(|u| gap.strip_prefix(u))
                .map_or(gap.clone(), |g| g.trim_start().to_string());
                let head = currency(text[..n.start].trim_end());
                if RANGE_JOIN.contains(&gap.as_str()) && m.value > n.value && !m.year_like {
                    let opened = RANGE_OPEN
                        .iter()
                        .any(|o| ends_with_word(&before(&head, head.len(), 12), o));
                    if gap != "and" || opened {
                        high = Some(m.value);
                        hedge = Hedge::Range;
                        end = m.end;
                        k += 1;
                    }
                }
            }
            let mut hedge_end: Option<usize> = None;
            let unit = unit_of(text, &Number { end, ..n });
            if let Some((_, s, e)) = unit {
                start = start.min(s);
                end = end.max(e);
            }
            // A hedge after the number ("500 or more", "80 से अधिक", "20척 이상").
            let w = window(text, end, 48);
            // A Korean counter glued to the number comes before it ("40㎞ 안팎").
            let rest = w
                .trim_start_matches(|c: char| c.is_alphabetic() || c == '㎞' || c == '㎏')
                .trim_start();
            let at = end + w.len() - rest.len();
            let after = lower(rest);
            // A whole word, but a Korean particle may follow ("이상과").
            let whole = |p: &str| {
                after.starts_with(p)
                    && (p.chars().any(storyline_model::romanize::is_hangul_syllable)
                        || !after[p.len()..].starts_with(word_char))
            };
            let hedge_after = AFTER.iter().find(|(p, _)| whole(p));
            // The figure runs to the end of that hedge, where lower case kept its length.
            if let Some((p, _)) = hedge_after.filter(|_| rest.len() == after.len()) {
                hedge_end = Some(at + p.len());
            }
            if hedge == Hedge::Exact {
                // "up to €60 million": the hedge stands before the unit.
                if let Some((h, s)) = hedge_before(text, &Number { start, ..n }) {
                    hedge = h;
                    start = s;
                    match h {
                        Hedge::UpTo | Hedge::LessThan => low = None,
                        Hedge::AtLeast | Hedge::MoreThan => high = None,
                        _ => {}
                    }
                } else if let Some((_, h)) = hedge_after {
                    hedge = *h;
                    match h {
                        Hedge::UpTo | Hedge::LessThan => low = None,
                        Hedge::AtLeast | Hedge::MoreThan => high = None,
                        _ => {}
                    }
                }
            }
            // "una trentina": about thirty.
            if hedge == Hedge::Exact
                && APPROX_NUMERALS.contains(&lower(&text[n.start..n.end]).as_str())
            {
                hedge = Hedge::Approx;
                let head = text[..n.start].trim_end();
                if let Some(w) = head.rsplit(char::is_whitespace).next() {
                    if matches!(lower(w).as_str(), "una" | "un" | "uno") {
                        start = head.len() - w.len();
                    }
                }
            }
            // Korean puts what is counted before the number and a counter after it ("주택
            // 30여채", "헬기 1대"); "여" between them makes the figure approximate.
            let counter = unit.is_none().then(|| korean_counter(text, end)).flatten();
            let korean = counter.filter(|_| a.lang == "ko");
            if let Some(Counter { approx: true, .. }) = korean {
                if hedge == Hedge::Exact {
                    hedge = Hedge::Approx;
                }
            }
            let mut counted = if unit.is_some() {
                None
            } else if let Some(c) = korean {
                // Else the counter or measure itself says what is counted ("4천500㏊").
                korean_noun_before(text, start).or_else(|| Some(c.word.to_string()))
            } else {
                counted_after(text, hedge_end.unwrap_or(end), &a.lang).map(|c| c.0)
            };
            if unit.is_none() && counted.is_none() {
                // "3,000 soldiers …, a figure that could surge to 12,000": the same thing as
                // the claim before it in the sentence; "the death toll rose to 22".
                counted = out[first_claim..]
                    .last()
                    .and_then(|c| c.counted.clone())
                    .or_else(|| toll_near(stext, n.start - sent.start));
                // "For Monday's march the ministry gave 11,000, the students 70,000", "35,000
                // according to police": a large figure in digits, or one with its source
                // after it, counts what the figures just before it count.
                let large = n.digits && n.value >= 1000.0;
                let bare =
                    counted.is_none() && (large || source::named_after(a, end, sent).is_some());
                if bare {
                    counted = out
                        .last()
                        .filter(|c| {
                            text.get(c.span.end..start)
                                .is_some_and(|g| g.matches('\n').count() <= 2)
                        })
                        .and_then(|c| c.counted.clone());
                }
                if counted.is_none() && !bare {
                    continue;
                }
            }
            // A bare small number word ("one of them") is not a claim.
            if !n.digits && n.value < 2.0 {
                continue;
            }
            // A Korean counter glued to the number is part of the figure ("3명은" → "3명").
            if let Some(c) = counter {
                end = c.end;
            }
            let span = Span::new(start, end.max(hedge_end.unwrap_or(0)));
            let (source, source_name, date) = attribution(a, clauses, span, sent);
            out.push(Claim {
                span,
                low,
                high,
                hedge,
                counted,
                unit: unit.map(|u| u.0.to_string()),
                place: place_in(a, sent, end),
                source,
                source_name,
                date,
                derived_from: Vec::new(),
            });
        }
        vague_counts(a, clauses, sent, &mut out);
        compose(text, &mut out, first_claim);
    }
    out.sort_by_key(|c| (c.span.start, c.span.end));
    source_carried_on(a, &sents, &mut out);
    report_carried_on(a, &sents, &mut out);
    report_named_before(a, &sents, &mut out);
    headline_sources(a, &mut out);
    out
}

/// "According to the coast guard, three sailors died. About ten ships are still searching.":
/// a figure that names no source, in the sentence right after one whose report is credited
/// to a source with "according to" (or "volgens", "에 따르면", "по данным", "secondo" …) in
/// the same paragraph, is that source's too.
fn source_carried_on(a: &Article, sents: &[Span], out: &mut [Claim]) {
    let lex = crate::quotes::lexicon::for_lang(&a.lang);
    let text = a.text.as_str();
    let credited = |q: &Quote| {
        q.kind == QuoteKind::Indirect
            && q.speaker_name.is_some()
            && q.cue.as_deref().is_some_and(|c| {
                let words: Vec<String> = c.split_whitespace().map(lower).collect();
                let words: Vec<&str> = words.iter().map(String::as_str).collect();
                lex.match_at(&words, crate::quotes::lexicon::Kind::Prep) == Some(words.len())
                    || lex.match_at(&words, crate::quotes::lexicon::Kind::Post) == Some(words.len())
            })
    };
    for c in out.iter_mut().filter(|c| c.source_name == OUTLET) {
        let Some(k) = sents.iter().position(|s| s.contains(&c.span)) else {
            continue;
        };
        let Some(prev) = k.checked_sub(1).map(|p| sents[p]) else {
            continue;
        };
        if text
            .get(prev.end..sents[k].start)
            .is_none_or(|g| g.contains('\n'))
        {
            continue;
        }
        let q = a
            .quotes
            .iter()
            .rfind(|q| prev.contains(&q.span) && credited(q));
        if let Some(q) = q {
            c.source = q.speaker.clone();
            c.source_name = q.speaker_name.clone().unwrap_or_default();
        }
    }
}

/// "The survey of 2,104 adults by Kestle Partners puts Reform on 28 per cent … The
/// Conservatives are on 18 per cent …": figures that name no source in the two sentences
/// after one whose report a body made, in the same paragraph and holding no quotation, are
/// the report's too.
fn report_carried_on(a: &Article, sents: &[Span], out: &mut [Claim]) {
    let text = a.text.as_str();
    // Only the sentences before a figure that names no source are read for a report.
    for c in out.iter_mut().filter(|c| c.source_name == OUTLET) {
        let Some(k) = sents.iter().position(|s| s.contains(&c.span)) else {
            continue;
        };
        let quoted = |s: &Span| a.quotes.iter().any(|q| s.contains(&q.span));
        for j in (k.saturating_sub(2)..k).rev() {
            let joined = text
                .get(sents[j].end..sents[j + 1].start)
                .is_some_and(|g| !g.contains('\n'));
            if !joined || quoted(&sents[j + 1]) {
                break;
            }
            if let Some(m) =
                source::report_maker(a, Span::new(sents[j].end, sents[j].end), sents[j])
            {
                c.source = None;
                c.source_name = m;
                break;
            }
        }
    }
}

/// "The report also found that … about 9.8 million …": a figure that names no source in a
/// sentence that refers back to a report ("the report", "the survey") is the report's,
/// whose maker an earlier sentence of the article names.
fn report_named_before(a: &Article, sents: &[Span], out: &mut [Claim]) {
    let text = a.text.as_str();
    for c in out.iter_mut().filter(|c| c.source_name == OUTLET) {
        let Some(k) = sents.iter().position(|s| s.contains(&c.span)) else {
            continue;
        };
        let head = text.get(sents[k].start..c.span.start).unwrap_or("");
        if !source::refers_to_report(head) {
            continue;
        }
        let maker = (k.saturating_sub(12)..k)
            .rev()
            .find_map(|j| source::report_maker(a, Span::new(sents[j].end, sents[j].end), sents[j]));
        if let Some(m) = maker {
            c.source = None;
            c.source_name = m;
        }
    }
}

/// The span of the headline when the text opens with it.
fn headline(a: &Article) -> Option<Span> {
    let t = a.title.as_deref()?.trim();
    let at = a.text.find(t).filter(|&i| a.text[..i].trim().is_empty())?;
    (!t.is_empty()).then(|| Span::new(at, at + t.len()))
}

/// A headline sums up the story it tops: a figure there that names no source ("Peru quake
/// toll climbs to 58") takes the source of the same figure in the body ("the toll rose to
/// 58 …, civil defence officials said"), the first body claim with the same bound ("41" in
/// the headline, "at least 41" below).
fn headline_sources(a: &Article, out: &mut [Claim]) {
    let Some(h) = headline(a) else { return };
    // "NZa: ruim 310.000 mensen wachten …", "Минздрав: дефицит … сократился почти на 15%": a
    // body or a person named before a colon says the rest of the headline.
    let t = a.text.as_str();
    let said_by = t
        .get(h.start..h.end)
        .and_then(|head| head.find(':').filter(|&c| c > 0 && c <= 60))
        .and_then(|c| {
            let colon = h.start + c;
            a.mentions.iter().find(|m| {
                matches!(m.kind, EntityType::Org | EntityType::Person)
                    && t.get(h.start..m.span.start)
                        .is_some_and(|g| g.trim().is_empty())
                    && t.get(m.span.end..colon)
                        .is_some_and(|g| g.trim().is_empty())
            })
        });
    if let Some(m) = said_by {
        for c in out.iter_mut() {
            if h.contains(&c.span) && c.span.start > m.span.end && c.source_name == OUTLET {
                c.source = m.entity.clone();
                c.source_name = t.get(m.span.start..m.span.end).unwrap_or("").to_string();
            }
        }
    }
    for i in 0..out.len() {
        if !h.contains(&out[i].span) || out[i].source_name != OUTLET {
            continue;
        }
        let same = out.iter().find(|c| {
            let o = &out[i];
            c.span.start >= h.end
                && (c.low.is_some() && c.low == o.low || c.high.is_some() && c.high == o.high)
                && c.unit == o.unit
                && c.source_name != OUTLET
        });
        if let Some((source, name)) = same.map(|c| (c.source.clone(), c.source_name.clone())) {
            out[i].source = source;
            out[i].source_name = name;
        }
    }
}

/// A counted noun named around the number: "the death toll rose to 22", "Sube a 27 la cifra
/// de muertos"; or a verb of killing before it: "Strong earthquake kills at least 23".
fn toll_near(sentence: &str, at: usize) -> Option<String> {
    let b = lower(sentence.get(..at)?);
    let after = lower(window(sentence, at, 48));
    const TOLL: [&str; 17] = [
        "death toll",
        "toll",
        "number of dead",
        "number of deaths",
        "todeszahl",
        "zahl der toten",
        "zahl der todesopfer",
        "cifra de muertos",
        "cifra de fallecidos",
        "número de muertos",
        "numero dei morti",
        "bilancio delle vittime",
        "dodental",
        "aantal doden",
        "число погибших",
        "число жертв",
        "кількість загиблих",
    ];
    if let Some(p) = TOLL.iter().find(|p| b.contains(*p) || after.contains(*p)) {
        return Some(p.to_string());
    }
    const KILLING: &[&str] = &[
        "kill",
        "kills",
        "killed",
        "killing",
        "tötet",
        "tötete",
        "mata",
        "mató",
        "uccide",
        "ha ucciso",
        "töten",
        "matan",
        "uccidono",
        "убили",
        "вбили",
    ];
    let words: Vec<&str> = b.split_whitespace().rev().take(4).collect();
    KILLING
        .iter()
        .find(|k| words.iter().any(|w| w == *k) || b.ends_with(*k))
        .map(|_| "killed".to_string())
}

/// "dozens of civilians", "Tausende Menschen".
fn vague_counts(a: &Article, clauses: &[Quote], sent: Span, out: &mut Vec<Claim>) {
    let stext = lower(&a.text[sent.start..sent.end]);
    if stext.len() != sent.len() {
        return; // lowercasing changed byte lengths; offsets would not map
    }
    let mut taken: Vec<Span> = Vec::new();
    for (phrase, value) in VAGUE {
        for (i, _) in stext.match_indices(phrase) {
            let s = sent.start + i;
            let e = s + phrase.len();
            let bounded = stext[..i].chars().next_back().is_none_or(|c| !word_char(c))
                && stext[i + phrase.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !word_char(c));
            let span = Span::new(s, e);
            if !bounded
                || taken.iter().any(|t| t.overlaps(&span))
                || out.iter().any(|c| c.span.overlaps(&span))
            {
                continue;
            }
            let Some((counted, _)) = counted_after(&a.text, e, &a.lang) else {
                continue;
            };
            taken.push(span);
            let (source, source_name, date) = attribution(a, clauses, span, sent);
            out.push(Claim {
                span,
                low: Some(*value),
                high: None,
                hedge: Hedge::Approx,
                counted: Some(counted),
                unit: None,
                place: place_in(a, sent, e),
                source,
                source_name,
                date,
                derived_from: Vec::new(),
            });
        }
    }
}

/// "Two brigades of up to 6,000 personnel each": the product as a derived claim.
fn compose(text: &str, out: &mut Vec<Claim>, from: usize) {
    let mut derived = Vec::new();
    for i in from..out.len() {
        for j in (i + 1)..out.len() {
            let (a, b) = (&out[i], &out[j]);
            if a.hedge != Hedge::Exact || a.unit.is_some() || b.span.start <= a.span.end {
                continue;
            }
            let between = lower(&text[a.span.end..b.span.start]);
            let Some(after_counted) = b.counted.as_ref().map(|c| {
                text[b.span.end..]
                    .find(c.as_str())
                    .map(|p| b.span.end + p + c.len())
            }) else {
                continue;
            };
            let tail = lower(window(text, after_counted.unwrap_or(b.span.end), 8));
            let joined = between.trim_end().ends_with(" of")
                || between.trim_end().ends_with(" von")
                || between.trim_end().ends_with(" de");
            if joined
                && between.len() < 60
                && (tail.trim_start().starts_with("each") || tail.trim_start().starts_with("je"))
            {
                let n = a.low.unwrap_or(1.0);
                derived.push(Claim {
                    span: a.span.cover(&b.span),
                    low: b.low.map(|v| v * n),
                    high: b.high.map(|v| v * n),
                    hedge: b.hedge,
                    counted: b.counted.clone().map(|c| format!("{c} in all")),
                    unit: b.unit.clone(),
                    place: b.place.clone().or(a.place.clone()),
                    source: b.source.clone(),
                    source_name: b.source_name.clone(),
                    date: b.date,
                    derived_from: vec![a.span, b.span],
                });
            }
        }
    }
    out.extend(derived);
}

#[cfg(test)]
mod tests;
