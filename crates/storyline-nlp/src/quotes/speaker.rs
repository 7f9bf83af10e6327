//! Speakers: the noun phrase next to a cue, and the name it stands for.
//!
//! Without the tagger's mentions a speaker is a short noun phrase that holds a capitalised
//! word, a pronoun, or a source noun from the lexicon ("officials", "a spokesperson").

use super::lexicon::{Kind, Lexicon};
use super::text::Tok;

/// Words that end a noun phrase (conjunctions, relatives, copulas), in every language.
const STOP: [&str; 48] = [
    "and",
    "but",
    "or",
    "while",
    "as",
    "because",
    "if",
    "when",
    "who",
    "which",
    "where",
    "than",
    "so",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "not",
    "what",
    "how",
    "why",
    "und",
    "aber",
    "ist",
    "war",
    "y",
    "pero",
    "es",
    "fue",
    "e",
    "ma",
    "è",
    "и",
    "а",
    "но",
    "але",
    "та",
    "і",
    "й",
    "это",
    "це",
    "citing",
    "citando",
    "ссылаясь",
    "посилаючись",
];

/// Prepositions that may open an adverbial between a speaker and the verb.
const PREP: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "from",
    "via",
    "with",
    "over",
    "to",
    "for",
    "by",
    "about",
    "into",
    "through",
    "since",
    "until",
    "under",
    "late",
    "earlier",
    "im",
    "am",
    "auf",
    "mit",
    "bei",
    "vor",
    "nach",
    "gegenüber",
    "en",
    "con",
    "por",
    "para",
    "ante",
    "tras",
    "durante",
    "desde",
    "sobre",
    "в",
    "на",
    "у",
    "з",
    "перед",
    "после",
    "після",
    "під",
    "до",
    "nel",
    "nella",
    "nello",
    "nei",
    "nelle",
    "negli",
    "dopo",
    "op",
    "tijdens",
    "na",
    "met",
    // "die Studentin Lea Brandt aus Köln": where a speaker is from ends the phrase.
    "aus",
    "uit",
    "из",
    "із",
];

/// Words allowed inside a name or description ("Ministry of Defence").
const INNER: [&str; 8] = ["of", "de", "del", "von", "van", "di", "der", "for"];

/// Longest speaker phrase, in tokens.
pub(crate) const MAX_NP: usize = 8;

fn breaks(t: &Tok, lex: &Lexicon) -> bool {
    !t.word
        || STOP.contains(&t.lower.as_str())
        || lex.is(&t.lower, Kind::That)
        || lex.is(&t.lower, Kind::Verb)
        || lex.is(&t.lower, Kind::Prep)
}

/// True when `toks` look like a source: a capitalised word, a pronoun or a source noun.
pub fn plausible(toks: &[Tok], lex: &Lexicon) -> bool {
    let first = toks.first();
    if first.is_some_and(|t| !t.word) {
        return false;
    }
    let described = toks.len() >= 2
        && first.is_some_and(|t| {
            DET.contains(&t.lower.as_str()) || t.lower.chars().all(char::is_numeric)
        });
    // A plural head ("critics", "experts") stands for a group of sources.
    let plural = toks.len() <= 3
        && toks
            .last()
            .is_some_and(|t| t.lower.len() > 3 && t.lower.ends_with('s'));
    // "de burgemeester", "die Ministerin": an article and a role.
    let role = toks.len() == 2
        && matches!(toks[0].lower.as_str(), "de" | "het" | "die" | "der")
        && lex.is(&toks[1].lower, Kind::Title);
    described
        || role
        || plural
        || toks.iter().any(|t| {
            (t.cap || t.uncased()) && !lex.is(&t.lower, Kind::That)
                || lex.is(&t.lower, Kind::Pron)
                || lex.is(&t.lower, Kind::Noun)
        })
}

/// The name apposed between commas to the description `d` of a source, as a token range:
/// "Secondo la società armatrice, la Coromandel Tankers di Chennai, …". Its words are
/// capitalised, determiners or the inner words of a name, so that a clause ("the ministry,
/// Russia lost 500 troops, …") is none.
pub fn apposed(toks: &[Tok], d: (usize, usize)) -> Option<(usize, usize)> {
    if toks[d.0..d.1].iter().any(|t| t.cap) || toks.get(d.1)?.lower != "," {
        return None;
    }
    let s = d.1 + 1;
    let e = (s..toks.len().min(s + 8)).find(|&k| !toks[k].word)?;
    let fits =
        |t: &Tok| t.cap || DET.contains(&t.lower.as_str()) || INNER.contains(&t.lower.as_str());
    (toks[e].lower == ","
        && e > s
        && toks[s..e].iter().any(|t| t.cap)
        && toks[s..e].iter().all(fits))
    .then_some((s, e))
}

/// Determiners and possessives that open a description of a source.
const DET: [&str; 29] = [
    "the", "a", "an", "its", "his", "her", "their", "our", "many", "some", "several", "most",
    "both", "all", "other", "these", "one", "another", "each", "la", "el", "los", "las", "il",
    "lo", "gli", "der", "das", "het",
];

/// True when token `k` is a hyphen or slash inside a word: glued to a word on each side
/// ("9/11", "campaign-finance").
fn joiner(toks: &[Tok], k: usize) -> bool {
    let glued = |a: &Tok, b: &Tok| a.span.end == b.span.start;
    if k == 0 || !toks[k - 1].word || !glued(&toks[k - 1], &toks[k]) {
        return false;
    }
    let after = toks.get(k + 1).filter(|n| n.word);
    let inside =
        matches!(toks[k].lower.as_str(), "-" | "/") && after.is_some_and(|n| glued(&toks[k], n));
    // The apostrophe of a plural possessive: "the students' legal team".
    let possessive = matches!(toks[k].lower.as_str(), "'" | "’")
        && toks[k - 1].lower.ends_with('s')
        && after.is_some_and(|n| !glued(&toks[k], n));
    inside || possessive
}

/// The speaker phrase ending just before token `end`, as a token range.
pub fn before(toks: &[Tok], end: usize, lex: &Lexicon) -> Option<(usize, usize)> {
    let prev = toks.get(end.checked_sub(1)?)?;
    // A pronoun, or a relative "who" ("Kall, who wrote a book on debates, said …").
    if lex.is(&prev.lower, Kind::Pron) || prev.lower == "who" {
        return Some((end - 1, end));
    }
    // "उन्होंने संवाददाताओं से कहा" (he said to reporters): a pronoun before the hearer and
    // its postposition.
    if end >= 3
        && prev.uncased()
        && matches!(prev.lower.as_str(), "से" | "को")
        && lex.is(&toks[end - 3].lower, Kind::Pron)
    {
        return Some((end - 3, end - 2));
    }
    // "प्रदीप कुशवाहा ने 'पीटीआई-भाषा' से कहा": a hearer in quotation marks between the
    // ergative marker and the verb; the speaker stands before the marker.
    if prev.uncased() && matches!(prev.lower.as_str(), "से" | "को") {
        let marker = (end.saturating_sub(10)..end - 1)
            .rev()
            .take_while(|&k| toks[k].word || toks[k].lower.chars().all(|c| !c.is_alphanumeric()))
            .find(|&k| toks[k].lower == "ने");
        if let Some(k) = marker.filter(|&k| toks[k + 1..end - 1].iter().any(|t| !t.word)) {
            return before(toks, k + 1, lex);
        }
    }
    // "Rucker Culpepper, who runs the campaign's effort, said": the name before the
    // relative clause.
    // "Tamsen, who has called both parties \"two sides of one coin,\" said": the comma may
    // stand inside the closing quotation mark, and the clause may quote.
    let closing = end >= 2
        && !prev.word
        && super::text::is_closer(prev.lower.chars().next().unwrap_or(' '))
        && toks[end - 2].lower == ",";
    if prev.lower == "," || closing {
        let stops: &[&str] = if closing {
            &[".", ";"]
        } else {
            &[".", ";", "\"", "“", "”"]
        };
        // After a closing mark, the quotation opens inside the relative clause.
        let opens_after = |k: usize| {
            !closing
                || toks[k + 1..end - 2].iter().any(|t| {
                    !t.word && super::text::is_opener(t.lower.chars().next().unwrap_or(' '))
                })
        };
        let k = (end.saturating_sub(32)..end - 1)
            .rev()
            .take_while(|&k| !stops.contains(&toks[k].lower.as_str()))
            .find(|&k| {
                toks[k].lower == "who" && k >= 2 && toks[k - 1].lower == "," && opens_after(k)
            });
        if let Some(k) = k {
            return before(toks, k - 1, lex).filter(|r| toks[r.0..r.1].iter().any(|t| t.cap));
        }
    }
    let mut s = end;
    while s > 0 && end - s < MAX_NP + 4 {
        let t = &toks[s - 1];
        // A parenthesis inside a name: "Rep. Gwen Moore (D-Wis.)".
        if t.lower == ")" {
            match toks[..s - 1].iter().rposition(|x| x.lower == "(") {
                Some(o) if s - 1 - o <= 6 => {
                    s = o;
                    continue;
                }
                _ => break,
            }
        }
        let inner = INNER.contains(&t.lower.as_str()) && s < end;
        // A hyphen or slash inside a word ("campaign-finance reports").
        if inner || (s < end && joiner(toks, s - 1)) {
            s -= 1;
            continue;
        }
        // A capitalised cue word after another capitalised word is part of a name ("the
        // United States said").
        let in_name = t.cap && s >= 2 && toks[s - 2].cap && toks[s - 2].word;
        // A cue word in the plural right before the cue is the subject's noun ("an analysis
        // of campaign-finance reports shows").
        let plural = s == end
            && t.word
            && t.lower.len() > 3
            && t.lower.ends_with('s')
            && lex.is(&t.lower, Kind::Verb)
            && toks.get(end).is_some_and(|c| lex.is(&c.lower, Kind::Verb));
        if (breaks(t, lex) && !in_name && !plural) || prep_at(toks, s - 1) {
            break;
        }
        s -= 1;
    }
    // "у ДСНС повідомили", "в МЧС сообщили": an impersonal plural report names the body it
    // comes from after a preposition of place.
    let impersonal = toks
        .get(end)
        .is_some_and(|c| c.lower.ends_with("ли") && c.lower.chars().count() > 4);
    if s > 0
        && s < end
        && impersonal
        && matches!(toks[s - 1].lower.as_str(), "в" | "у" | "во")
        && toks[s..end].iter().any(|t| t.cap)
    {
        return Some((s, end));
    }
    // An adverbial ("Zelensky in his address said"): try the phrase before its preposition.
    // After a word that also opens a clause, a named subject is the clause's ("three days
    // after the Security Council condemned …").
    let clause_opener = s > 0
        && matches!(
            toks[s - 1].lower.as_str(),
            "after" | "before" | "since" | "until"
        )
        && s < end
        && toks[s..end].iter().any(|t| t.cap)
        && plausible(&toks[s..end], lex);
    if s > 0 && s < end && prep_at(toks, s - 1) && !clause_opener {
        if let Some(r) = before(toks, s - 1, lex) {
            // ("McConnell, who in 2010 said …": the relative pronoun.)
            let who = r.1 == r.0 + 1 && toks[r.0].lower == "who";
            if who || plausible(&toks[r.0..r.1], lex) && toks[r.0..r.1].iter().any(|t| t.cap) {
                return Some(r);
            }
        }
    }
    while s < end && INNER.contains(&toks[s].lower.as_str()) {
        s += 1;
    }
    // "Ранее Шелестов говорил", "Earlier Smith said": a time adverb opening the sentence,
    // capitalised for it, is not the speaker's.
    if s == 0 && s + 1 < end && toks[s].cap && crate::timex::lexicon::is_time_adverb(&toks[s].lower)
    {
        s += 1;
    }
    // In a script without case the speaker ends at the ergative marker, the rest being where
    // and to whom ("राठौर ने नई दिल्ली में संवाददाताओं को बताया").
    let end = (s + 1..end)
        .find(|&k| toks[k].uncased() && lex.is(&toks[k].lower, Kind::Aux))
        .unwrap_or(end);
    if !(s < end && plausible(&toks[s..end], lex)) {
        return apposed_before(toks, end);
    }
    let s = widen(toks, s, end, lex);
    // "In a brief statement the club said": a noun phrase after another with no comma
    // between them is the subject; the one before closes an adverbial.
    let s = (s + 2..end)
        .rev()
        .find(|&k| {
            toks[k].lower == "the"
                && toks[k - 1].word
                && !toks[k - 1].cap
                && toks[k - 1].lower.chars().all(char::is_alphabetic)
                && !PREP.contains(&toks[k - 1].lower.as_str())
                && !INNER.contains(&toks[k - 1].lower.as_str())
                && !breaks(&toks[k - 1], lex)
                && !matches!(toks[k - 1].lower.as_str(), "and" | "or" | "but" | "all" | "both")
                // The first phrase opens with its own article ("a brief statement").
                && toks[s..k - 1]
                    .iter()
                    .any(|t| matches!(t.lower.as_str(), "a" | "an" | "the"))
        })
        .unwrap_or(s);
    Some((s, end))
}

/// "La portavoz de la Asociación Española de Usuarios de la Energía (AEUE), Marta Gil, ha
/// asegurado …": a name of two to four capitalised words between commas right before the
/// cue, after a description too long to read as one phrase, is the speaker.
fn apposed_before(toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    if toks.get(end.checked_sub(1)?)?.lower != "," {
        return None;
    }
    let e = end - 1;
    let n = toks[..e]
        .iter()
        .rev()
        .take_while(|t| t.word && t.cap || INNER.contains(&t.lower.as_str()))
        .count();
    let s = e - n;
    let caps = toks[s..e].iter().filter(|t| t.cap).count();
    let opened =
        s >= 2 && toks[s - 1].lower == "," && (toks[s - 2].word || toks[s - 2].lower == ")");
    (opened && (2..=4).contains(&caps) && toks[s].cap).then_some((s, e))
}

/// Where a speaker phrase `[s, end)` of capitalised words really starts when it closes a
/// larger description: "officials in Kyiv and Moscow", "police and firefighters",
/// "the ministries in Kyiv": a group of sources with the places they speak from.
fn widen(toks: &[Tok], s: usize, end: usize, lex: &Lexicon) -> usize {
    let mut s = s;
    // "Kyiv and Moscow": coordinated names.
    while s >= 2
        && toks[s - 1].lower == "and"
        && toks[s - 2].word
        && toks[s - 2].cap
        && toks[s].cap
        && end - s < MAX_NP
    {
        s -= 2;
    }
    // "officials in …", "diplomats from …": a group noun before the place.
    let place = matches!(
        toks.get(s.wrapping_sub(1)).map(|t| t.lower.as_str()),
        Some("in" | "from" | "at")
    );
    if place && s >= 2 && toks[s].cap {
        let head = &toks[s - 2];
        let group = head.word
            && !head.cap
            && (lex.is(&head.lower, Kind::Noun)
                || head.lower.len() > 4 && head.lower.ends_with('s'))
            && !breaks(head, lex);
        if group {
            let mut h = s - 2;
            // Its modifiers: "senior officials", "the two governments".
            while h > 0
                && toks[h - 1].word
                && !breaks(&toks[h - 1], lex)
                && !PREP.contains(&toks[h - 1].lower.as_str())
                && s - h < 4
            {
                h -= 1;
            }
            return h;
        }
    }
    s
}

/// The speaker phrase after a day that follows a cue ("Lo ha comunicato venerdì la Guardia
/// costiera", "сообщил в пятницу глава …"): one to three words ending in a day word are
/// passed over.
pub fn after_day(toks: &[Tok], start: usize, lex: &Lexicon) -> Option<(usize, usize)> {
    // "Про це повідомили в АТ «…»", "Об этом сообщили в МЧС": the body the report comes
    // from, after a preposition of place.
    if toks
        .get(start)
        .is_some_and(|t| matches!(t.lower.as_str(), "в" | "у" | "во"))
        && toks.get(start + 1).is_some_and(|t| t.cap || !t.word)
    {
        return after(toks, start + 1, lex);
    }
    let day = |start: usize| {
        (1..=3)
            .find(|&k| {
                toks.get(start..start + k).is_some_and(|w| {
                    w.iter().all(|t| t.word && !t.cap)
                        && w.last()
                            .is_some_and(|t| crate::timex::lexicon::is_day_word(&t.lower))
                })
            })
            .unwrap_or(0)
    };
    // "сообщил на брифинге министр …", "заявил в интервью глава …": where it was said, a
    // preposition and one noun in lower case, before or after the day.
    let place = |start: usize| {
        let said_at = toks
            .get(start)
            .is_some_and(|t| matches!(t.lower.as_str(), "на" | "в" | "во" | "у"))
            && toks.get(start + 1).is_some_and(|t| t.word && !t.cap)
            && toks.get(start + 2).is_some_and(|t| t.word);
        if said_at {
            2
        } else {
            0
        }
    };
    let mut at = start + day(start);
    at += place(at);
    at += day(at);
    after(toks, at, lex)
}

/// Past a hearer named right after a verb, before its speaker: "explicó a EFE la jefa de
/// Urgencias …", "ha detto ad ANSA il sindaco", "según han indicado a Europa Press fuentes
/// del organismo". `start` itself when none stands there.
pub fn past_hearer(toks: &[Tok], start: usize) -> usize {
    match toks.get(start).map(|t| t.lower.as_str()) {
        Some("a" | "al" | "ad") if toks.get(start + 1).is_some_and(|t| t.cap) => {
            start
                + 1
                + toks[start + 1..]
                    .iter()
                    .take_while(|t| t.word && t.cap)
                    .count()
        }
        _ => start,
    }
}

/// The speaker phrase starting at token `start` (after an inverted verb or "according to").
pub fn after(toks: &[Tok], start: usize, lex: &Lexicon) -> Option<(usize, usize)> {
    let start = past_hearer(toks, start);
    // "сообщил «Интерфаксу» представитель компании …": an outlet in quotation marks right
    // after the verb is the hearer, the speaker follows it.
    let start = match toks.get(start).map(|t| t.lower.as_str()) {
        Some("«" | "„" | "“") if matches!(lex.lang(), "ru" | "uk") => toks
            .iter()
            .enumerate()
            .skip(start + 1)
            .take(4)
            .find(|(_, t)| matches!(t.lower.as_str(), "»" | "“" | "”"))
            .map(|(k, _)| k + 1)
            .filter(|&k| toks.get(k).is_some_and(|t| t.word))
            .unwrap_or(start),
        _ => start,
    };
    let first = toks.get(start)?;
    // "advirtió el martes de que …", "повідомив у вівторок": a day is no speaker.
    let day = |k: usize| {
        toks.get(k)
            .is_some_and(|t| crate::timex::lexicon::is_day_word(&t.lower))
    };
    if TIME.contains(&first.lower.as_str())
        || day(start)
        || first.lower.chars().count() <= 3 && day(start + 1)
    {
        return None;
    }
    if lex.is(&first.lower, Kind::Pron) {
        return Some((start, start + 1));
    }
    let mut e = start;
    while e < toks.len() && e - start < MAX_NP + 4 {
        let t = &toks[e];
        if INNER.contains(&t.lower.as_str()) && e > start {
            e += 1;
            continue;
        }
        // A slash or hyphen inside a word ("9/11 widow", "31-year-old teacher").
        if e > start && joiner(toks, e) {
            e += 1;
            continue;
        }
        // "АТ «Південна енергетична компанія»": a company's name in quotation marks after
        // its legal form, an acronym.
        if e > start && matches!(t.lower.as_str(), "«" | "„" | "\"" | "“") {
            let form = &toks[e - 1];
            let acronym = form.word && form.cap && form.lower.chars().count() <= 4;
            let close = (e + 1..toks.len().min(e + 8))
                .find(|&k| matches!(toks[k].lower.as_str(), "»" | "“" | "\"" | "”"));
            if let Some(c) = close.filter(|_| acronym) {
                e = c + 1;
                continue;
            }
        }
        if breaks(t, lex) && !(t.lower == "(" || t.lower == ")") || prep_at(toks, e) {
            break;
        }
        // "nach Angaben einer Sprecherin 118 Starts …": a figure after the phrase begins
        // what was reported.
        let digit = |t: &Tok| t.lower.starts_with(|c: char| c.is_ascii_digit());
        if e > start + 1 && digit(t) && toks[e - 1].word && !digit(&toks[e - 1]) {
            break;
        }
        e += 1;
    }
    while e > start && (INNER.contains(&toks[e - 1].lower.as_str()) || !toks[e - 1].word) {
        e -= 1;
    }
    // "sagte Bondar der Deutschen Presse-Agentur", "sagte Weselsky dem Sender": after a
    // name the article of a dative opens the hearer.
    // "заявил Сергей Голубев журналистам": a dative plural in lower case, the hearers.
    if let Some(k) = (start + 1..e).find(|&k| {
        (matches!(toks[k].lower.as_str(), "der" | "dem") && toks.get(k + 1).is_some_and(|t| t.cap)
            || dative_plural(&toks[k]))
            && toks[start..k].iter().all(|t| t.word && t.cap)
    }) {
        e = k;
    }
    // "ha detto il commissario della Guardia costiera, Choi Min-seok.": the name in
    // apposition, ending the sentence or its clause, is the speaker.
    // A particle may stand inside the name ("María del Carmen Ruiz").
    // "dijo a EFE la directora de Rivercare en Mozambique, Sofia Lindqvist.": a place after
    // the description may stand before the comma.
    let comma = if toks
        .get(e)
        .is_some_and(|t| PREP.contains(&t.lower.as_str()))
    {
        (e + 1..toks.len().min(e + 5))
            .take_while(|&k| toks[k].word || toks[k].lower == ",")
            .find(|&k| toks[k].lower == ",")
    } else {
        Some(e)
    };
    if let Some(e) = comma.filter(|&c| e > start && toks.get(c).is_some_and(|t| t.lower == ",")) {
        let name = |k: usize| {
            toks.get(k).is_some_and(|t| {
                t.word && t.cap
                    || INNER.contains(&t.lower.as_str())
                        && toks.get(k + 1).is_some_and(|n| n.word && n.cap)
            })
        };
        let n = (e + 1..toks.len()).take_while(|&k| name(k)).count();
        let caps = toks[e + 1..e + 1 + n].iter().filter(|t| t.cap).count();
        let closes = toks.get(e + 1 + n).is_none_or(|t| !t.word);
        if (2..=4).contains(&caps) && closes {
            return Some((e + 1, e + 1 + n));
        }
    }
    (e > start && plausible(&toks[start..e], lex)).then_some((start, e))
}

/// A Russian or Ukrainian dative plural in lower case, the hearers of a report
/// ("журналистам", "репортерам").
pub(crate) fn dative_plural(t: &Tok) -> bool {
    !t.cap && (t.lower.ends_with("ам") || t.lower.ends_with("ям"))
}

/// The name within a speaker phrase: leading role words and articles dropped when a
/// capitalised name follows them ("NATO Secretary General Mark Rutte" → "Mark Rutte").
pub fn name_range(toks: &[Tok], r: (usize, usize), lex: &Lexicon) -> (usize, usize) {
    let (s, mut e) = r;
    // A trailing parenthesis is not part of the name: "Lindsey Graham (R-S.C.)".
    if e > s + 1 && toks[e - 1].lower == ")" {
        if let Some(o) = toks[s..e].iter().rposition(|t| t.lower == "(") {
            if o > 0 {
                e = s + o;
            }
        }
    }
    let r = (s, e);
    // A name of two or more capitalised words after lower-case role words
    // ("губернатор Олег Смирнов", "Stein spokeswoman Jill Moss").
    let tail = toks[s..e].iter().rev().take_while(|t| t.cap).count();
    let inner = toks[s..e].iter().any(|t| INNER.contains(&t.lower.as_str()));
    if !inner && tail >= 2 && tail < e - s {
        return (e - tail, e);
    }
    // In a script without case every word could be a name; the role words still say where
    // it starts ("प्रवक्ता रणधीर जायसवाल").
    let uncased = toks[s..e].iter().all(Tok::uncased);
    let all_cap = toks[s..e]
        .iter()
        .all(|t| t.cap || INNER.contains(&t.lower.as_str()));
    if !(all_cap || uncased) || e - s < 2 {
        return r;
    }
    // The last role word; the name is what follows it, if two or more words remain.
    let cut = (s..e)
        .rev()
        .find(|&k| lex.is(&toks[k].lower, Kind::Title))
        .map_or(s, |k| k + 1);
    if cut > s && e - cut >= 2 {
        (cut, e)
    } else if cut == s && !inner && !uncased && e - s >= 3 && !lex.is(&toks[s].lower, Kind::Pron) {
        // An unknown role word before a name: "Oberbürgermeisterin Petra Lindner".
        (e - 2, e)
    } else {
        r
    }
}

/// True when the phrase is a pronoun.
pub fn is_pronoun(toks: &[Tok], r: (usize, usize), lex: &Lexicon) -> bool {
    r.1 == r.0 + 1
        && toks
            .get(r.0)
            .is_some_and(|t| lex.is(&t.lower, Kind::Pron) || t.lower == "who")
}

/// True when the phrase is a proper name: every word capitalised (inner "of" allowed), not
/// opening with an article.
pub fn is_name(toks: &[Tok], r: (usize, usize), lex: &Lexicon) -> bool {
    let ws = &toks[r.0..r.1];
    if !ws.is_empty() && ws.iter().all(Tok::uncased) {
        // No capitals to go by: a short phrase after any role words, with no pronoun,
        // role word or source noun in it.
        let n = name_range(toks, r, lex);
        let name = &toks[n.0..n.1];
        return (1..=3).contains(&name.len())
            && name.iter().all(|t| {
                !lex.is(&t.lower, Kind::Pron)
                    && !lex.is(&t.lower, Kind::Title)
                    && !lex.is(&t.lower, Kind::Noun)
            });
    }
    !ws.is_empty()
        && ws[0].cap
        && !lex.is(&ws[0].lower, Kind::Pron)
        && !matches!(ws[0].lower.as_str(), "the" | "a" | "an")
        && ws
            .iter()
            .all(|t| t.cap || INNER.contains(&t.lower.as_str()))
}

/// A preposition at token `k`; not a capitalised one inside a sentence before another
/// capitalised word, which is a name ("Nello Musumeci", not "nello").
fn prep_at(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    PREP.contains(&t.lower.as_str())
        && !(t.cap && k > 0 && toks.get(k + 1).is_some_and(|n| n.word && n.cap))
}

/// True for a preposition proper ("after", "by", "nach"), no conjunction.
pub fn is_adposition(w: &str) -> bool {
    PREP.contains(&w)
}

/// True for a preposition that may open an adverbial, or a short function word.
pub fn is_prep(w: &str) -> bool {
    PREP.contains(&w)
        || matches!(
            w,
            "as" | "of" | "and" | "but" | "or" | "so" | "up" | "out" | "off" | "no" | "not"
        )
}

/// Day names and other words that open a time adverbial rather than a speaker.
pub(crate) const TIME: [&str; 12] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
];
