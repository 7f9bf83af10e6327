//! Who gives a figure that no quotation holds: a source named right after it ("35,000
//! according to police"), the body behind a poll, survey or report that states it ("The
//! poll by the Great Lakes Civic Research Center put Whitfield at 46%"), or a body that
//! reports its own doings ("The company earned $1.62 billion", "Кабінет Міністрів виділив
//! 200 мільйонів гривень").

use storyline_model::{Article, EntityType, Span};

use super::{lower, word_char};

/// Phrases after a figure that name its source next: "35,000 according to police".
const AFTER: [&str; 7] = [
    "according to ",
    "según ",
    "secondo ",
    "volgens ",
    "selon ",
    "laut ",
    "nach angaben ",
];

/// The source named right after the figure ending at `end`, perhaps after the counted noun
/// ("35,000 according to police, \"more than 150,000\" according to the students"): the
/// words up to a comma, a semicolon, a period or "and".
pub(super) fn named_after(a: &Article, end: usize, sent: Span) -> Option<String> {
    let text = a.text.as_str();
    // The source stands within a few words: look no further than 160 bytes.
    let mut stop = sent.end.min(end + 160);
    while !text.is_char_boundary(stop) {
        stop -= 1;
    }
    let rest = text.get(end..stop)?;
    // Past a closing quotation mark and at most three words of what is counted.
    let rest = rest.trim_start_matches(['"', '”', '»', '“', '\'']);
    let lr = lower(rest);
    // "between 85,000 and 90,000 by the Monitor's count".
    if let Some(name) = by_count(rest) {
        return Some(name);
    }
    let (at, phrase) = AFTER
        .iter()
        .filter_map(|p| lr.find(p).map(|i| (i, *p)))
        .min_by_key(|x| x.0)?;
    let gap = &lr[..at];
    if gap.contains([',', ';', '.', ':', '(']) || gap.split_whitespace().count() > 3 {
        return None;
    }
    let from = at + phrase.len();
    let tail = &rest[from..];
    let stop = tail
        .find([',', ';', '.', '(', ')', '"', '“', '”'])
        .unwrap_or(tail.len());
    let mut source = tail[..stop].trim();
    for sep in [" and ", " y ", " e ", " en ", " und "] {
        if let Some(i) = source.find(sep) {
            source = source[..i].trim();
        }
    }
    let words = source.split_whitespace().count();
    ((1..=6).contains(&words)).then(|| source.to_string())
}

/// "by the Monitor's count", "by the ministry's estimate" right after a figure: the owner.
fn by_count(rest: &str) -> Option<String> {
    let lr = lower(rest);
    let tail = lr.trim_start().strip_prefix("by ")?;
    let skip = lr.len() - tail.len();
    let stop = tail.find([',', ';', '.', '(']).unwrap_or(tail.len());
    let phrase = &tail[..stop];
    let owner = [
        "'s count",
        "'s estimate",
        "'s tally",
        "’s count",
        "’s estimate",
        "’s tally",
    ]
    .iter()
    .find_map(|e| phrase.trim_end().strip_suffix(e))?;
    let words = owner.split_whitespace().count();
    ((1..=6).contains(&words)).then(|| rest[skip..skip + owner.len()].trim().to_string())
}

/// Nouns for a poll, survey, study or report, whose maker states its figures.
const REPORTS: [&str; 45] = [
    "poll",
    // "Of 27 economists polled by Reuters, 19 had expected …".
    "polled",
    "surveyed",
    "survey",
    "study",
    "report",
    "analysis",
    "census",
    "result",
    "figure",
    "tally",
    "data",
    "estimate",
    "notice",
    "filing",
    "umfrage",
    "studie",
    "bericht",
    "erhebung",
    "analyse",
    "encuesta",
    "sondeo",
    "estudio",
    "informe",
    "análisis",
    "sondaggio",
    "indagine",
    "studio",
    "rapporto",
    "peiling",
    "enquête",
    "onderzoek",
    "rapport",
    "опрос",
    "исследование",
    "доклад",
    "отчёт",
    "отчет",
    "опитування",
    "дослідження",
    "звіт",
    "доповідь",
    "조사",
    "보고서",
    "सर्वेक्षण",
];

/// True when a phrase holds a report noun ("A survey published last month").
pub(crate) fn is_report(phrase: &str) -> bool {
    // A capitalised word after another inside a name is part of it ("the Center for
    // Eurasian Security Studies", "the U.S. Geological Survey"); German capitalises every
    // noun ("Eine Umfrage", "die neue Studie").
    let words = word_spans(phrase);
    let lower_case = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    words.iter().enumerate().any(|(i, (_, w))| {
        report_noun(w)
            && (i == 0
                || lower_case(w)
                || lower_case(words[i - 1].1)
                || DETERMINERS.contains(&lower(words[i - 1].1).as_str()))
    })
}

/// True when `head` refers back to a report with a definite article ("The report also
/// found", "Der Bericht", "el informe").
pub(super) fn refers_to_report(head: &str) -> bool {
    let words = word_spans(head);
    words.windows(2).any(|w| {
        report_noun(w[1].1) && !w[1].1.ends_with('s') && DEFINITE.contains(&lower(w[0].1).as_str())
    })
}

/// Definite articles ("the report", "der Bericht").
const DEFINITE: [&str; 10] = [
    "the", "this", "der", "die", "das", "el", "la", "il", "lo", "het",
];

/// Articles that open a description ("A survey", "Eine Umfrage").
const DETERMINERS: [&str; 16] = [
    "the", "a", "an", "der", "die", "das", "ein", "eine", "el", "la", "un", "una", "il", "lo",
    "het", "een",
];

/// True for a report noun of [`REPORTS`], singular or English plural.
fn report_noun(w: &str) -> bool {
    let lw = lower(w);
    REPORTS
        .iter()
        .any(|r| lw == *r || lw.strip_suffix('s') == Some(*r))
}

/// The body behind a report named before the figure in its sentence: "The poll by the Great
/// Lakes Civic Research Center put Whitfield at 46%", "A Wolverine Strategies poll had
/// Kowalczyk ahead 45% to 44%", "Una encuesta de Stratega Research indica que el 62 %".
/// An organisation named within four words of the report noun, before or after it.
pub(super) fn report_maker(a: &Article, span: Span, sent: Span) -> Option<String> {
    let text = a.text.as_str();
    let head = text.get(sent.start..span.start)?;
    let words: Vec<(usize, &str)> = word_spans(head);
    let k = words.iter().position(|(_, w)| report_noun(w))?;
    // "of the 109 seats", "the 55 needed": a definite figure is a known fact, not the
    // report's finding.
    if words
        .last()
        .is_some_and(|(_, w)| matches!(lower(w).as_str(), "the" | "of"))
    {
        return None;
    }
    let at = sent.start + words[k].0;
    let at_end = at + words[k].1.len();
    // Words between the report noun and the name, the name's own left out; an agency in
    // parentheses (a dateline's) is none.
    let near = |m: &&storyline_model::Mention| {
        let between = if m.span.start >= at_end {
            text.get(at_end..m.span.start)
        } else {
            text.get(m.span.end..at)
        }
        .unwrap_or("");
        // A comma inside a figure ("2,104 adults") parts no phrases.
        let parted = between.char_indices().any(|(i, c)| {
            matches!(c, ';' | ':' | '(' | ')')
                || c == ','
                    && !(between[..i].ends_with(|d: char| d.is_ascii_digit())
                        && between[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
        });
        // "a filing with the Securities and Exchange Commission", "a report to Congress":
        // the body a report goes to did not make it.
        let addressee = m.span.start >= at_end
            && word_spans(between)
                .first()
                .is_some_and(|(_, w)| matches!(lower(w).as_str(), "with" | "to" | "before"));
        m.span.end <= span.start
            && (m.span.start >= at_end || m.span.end <= at)
            && word_spans(between).len() <= 5
            && !parted
            && !addressee
    };
    a.mentions
        .iter()
        .filter(|m| m.kind == EntityType::Org && sent.contains(&m.span))
        .filter(near)
        .min_by_key(|m| m.span.start.abs_diff(at))
        .and_then(|m| text.get(m.span.start..m.span.end))
        .map(str::to_string)
}

/// The byte offsets and the words of `s`.
fn word_spans(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (word_char(c) || c == '-', start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                out.push((b, &s[b..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(b) = start {
        out.push((b, &s[b..]));
    }
    out
}

/// Nouns that stand for the company last named ("The company earned …", "the automaker").
const COMPANY: [&str; 15] = [
    "company",
    "unit",
    "division",
    "subsidiary",
    "automaker",
    "carmaker",
    "firm",
    "group",
    "bank",
    "unternehmen",
    "konzern",
    "empresa",
    "compañía",
    "azienda",
    "bedrijf",
];

/// Where the text from `from` to `until` opens, and where a name opening it starts: after a
/// definite article ("The South African Reserve Bank cut …"), else at the opening itself.
fn opening(text: &str, from: usize, until: usize) -> Option<(usize, usize)> {
    let head = text.get(from..until)?;
    let opens = from + head.len() - head.trim_start().len();
    let trimmed = head.trim_start();
    let named_at = OPENING_ARTICLES
        .iter()
        .find(|d| trimmed.starts_with(**d))
        .map_or(opens, |d| opens + d.len());
    Some((opens, named_at))
}

/// Verbs of a party's or a candidate's score in a vote or a poll.
const SCORING: [&str; 34] = [
    "won",
    "wins",
    "took",
    "takes",
    "got",
    "gets",
    "polled",
    "scored",
    "erreicht",
    "erreichte",
    "kommt",
    "kam",
    "liegt",
    "lag",
    "landet",
    "erhielt",
    "erhält",
    "holt",
    "holte",
    "obtuvo",
    "obtiene",
    "ganó",
    "logró",
    "sumó",
    "ottiene",
    "ottenne",
    "conquista",
    "haalt",
    "behaalde",
    "krijgt",
    "kreeg",
    "набрала",
    "набрал",
    "отримала",
];

/// Words in lower case that follow a body's name without being its verb: articles,
/// prepositions and conjunctions that run the subject on ("Die Weltbank und der IWF",
/// "El Banco de España", "the Bank of England").
const NO_VERB: [&str; 23] = [
    "and", "of", "for", "in", "und", "der", "des", "die", "das", "von", "im", "de", "del", "la",
    "el", "y", "e", "di", "della", "en", "van", "het", "et",
];

/// Definite articles a sentence may open with before the name of a body ("The Bank of
/// England", "Die Weltbank", "El Banco Mundial", "L'Oms", "Het ministerie").
const OPENING_ARTICLES: [&str; 17] = [
    "The ",
    "the ",
    "Die ",
    "Der ",
    "Das ",
    "El ",
    "La ",
    "Los ",
    "Las ",
    "Il ",
    "Lo ",
    "L'",
    "L\u{2019}",
    "Le ",
    "Les ",
    "De ",
    "Het ",
];

/// A body that opens the sentence and reports its own doings: "The company earned $1.62
/// billion", "Ridgeline made $1.41 per share", "Кабінет Міністрів у вівторок додатково
/// виділив 200 мільйонів гривень". The organisation (or "the company", standing for the
/// one last named) at the sentence's start, before the figure, with a word in lower case
/// (its verb, perhaps after a time) right after it.
pub(super) fn acting_body(a: &Article, span: Span, sent: Span) -> Option<String> {
    let text = a.text.as_str();
    // After a dateline: "JOHANNESBURG, July 23 (Reuters) - The South African Reserve Bank
    // cut …".
    let from = crate::segment::words_start(text, a.body.start, sent.start, sent.end);
    let (opens, named_at) = opening(text, from, span.start)?;
    let m = a
        .mentions
        .iter()
        .find(|m| (m.span.start == opens || m.span.start == named_at) && m.span.end <= span.start);
    // "Keystone Meridian shares were up 2.9%": the market's doing, not the body's.
    let verb_follows = |end: usize| {
        let rest = text.get(end..span.start).unwrap_or("");
        // Korean marks the subject with a particle written onto the name ("기상청은 …").
        if a.lang == "ko" {
            return rest
                .split_whitespace()
                .next()
                .is_some_and(|w| matches!(w, "은" | "는" | "이" | "가"));
        }
        rest.split_whitespace().next().is_some_and(|w| {
            w.chars().next().is_some_and(char::is_lowercase)
                && !matches!(w, "shares" | "stock" | "stocks" | "bonds")
                && !NO_VERB.contains(&w)
        })
    };
    // After "The" the name may modify a noun ("The Defence Ministry building was hit"): an
    // English verb in the past or the present then follows it.
    let english_verb = |end: usize| {
        text.get(end..span.start)
            .and_then(|r| r.split_whitespace().next())
            .is_some_and(|w| {
                w.ends_with("ed")
                    || w.ends_with('s') && !w.ends_with("ss")
                    || matches!(w, "cut" | "put" | "set")
                    || crate::timex::lexicon::is_past_word(w)
            })
    };
    if let Some(m) = m {
        // "Die SPD erreicht 25 Prozent", "The PP took 53 of the 109 seats": a party's score is
        // the count's, not a figure the party gives.
        let scores = text
            .get(m.span.end..span.start)
            .and_then(|r| r.split_whitespace().next())
            .is_some_and(|w| SCORING.contains(&w.to_lowercase().as_str()));
        if scores {
            return None;
        }
        // "Das Innenministerium hatte von 24.000 gesprochen, das Studentenplenum der
        // Universität Belgrad von mehr als 100.000": another body before the figure is its
        // subject.
        let other_body = a.mentions.iter().any(|o| {
            o.kind == EntityType::Org && o.span.start >= m.span.end && o.span.end <= span.start
        });
        if other_body {
            return None;
        }
        let verb = verb_follows(m.span.end)
            && (m.span.start == opens || a.lang != "en" || english_verb(m.span.end));
        return (m.kind == EntityType::Org && verb)
            .then(|| text.get(m.span.start..m.span.end))
            .flatten()
            .map(str::to_string);
    }
    // "The company earned …": a definite article and a noun for a company.
    let words = word_spans(text.get(opens..span.start)?);
    let [(_, det), (_, noun), ..] = words.as_slice() else {
        return None;
    };
    let definite = matches!(
        lower(det).as_str(),
        "the" | "das" | "der" | "die" | "el" | "la" | "l" | "het" | "de"
    );
    if !definite || !COMPANY.contains(&lower(noun).as_str()) {
        return None;
    }
    let noun_end = opens + words[1].0 + noun.len();
    if !verb_follows(noun_end) {
        return None;
    }
    crate::quotes::resolve::last_company(a, sent.start)
}

/// Participles that close a German or Dutch clause stating a figure: "hatte von 24.000
/// Teilnehmern gesprochen", "heeft het aantal op 300 geschat".
const FINAL_ESTIMATES: [&str; 22] = [
    "gesprochen",
    "genannt",
    "beziffert",
    "geschätzt",
    "angegeben",
    "gezählt",
    "gemeldet",
    "registriert",
    "bestätigt",
    "festgestellt",
    "veranschlagt",
    "gesproken",
    "genoemd",
    "geschat",
    "gemeld",
    "geteld",
    "becijferd",
    "bevestigd",
    "geregistreerd",
    "vastgesteld",
    "begroot",
    "opgegeven",
];

/// The subject of a clause whose participle, after the figure, states it ("Vergangene
/// Woche hatte die Gewerkschaft von 24.000 Teilnehmern gesprochen"): the person or body
/// named last before the figure in its sentence, or a definite description ("die
/// Gewerkschaft") right after the clause's auxiliary.
pub(super) fn final_estimator(a: &Article, span: Span, sent: Span) -> Option<String> {
    if !matches!(a.lang.as_str(), "de" | "nl") {
        return None;
    }
    let text = a.text.as_str();
    let rest = text.get(span.end..sent.end)?;
    let clause = rest.split([',', '.', ';', ':']).next().unwrap_or("");
    let last = clause.split_whitespace().next_back()?;
    let last = last.trim_matches(|c: char| !c.is_alphabetic());
    if !FINAL_ESTIMATES.contains(&lower(last).as_str()) {
        return None;
    }
    // After a dateline: "AMSTERDAM (ANP) - De politie heeft …".
    let head = text.get(sent.start..span.start)?;
    let from = [") - ", ") – ", ") — "]
        .iter()
        .filter_map(|d| head.find(d).map(|k| k + d.len()))
        .min()
        .unwrap_or(0);
    let head = &head[from..];
    let start = sent.start + from;
    let words = word_spans(head);
    let aux = |w: &str| {
        matches!(
            lower(w).as_str(),
            "hatte" | "hat" | "hatten" | "haben" | "had" | "heeft" | "hebben" | "hadden"
        )
    };
    let det = |w: &str| matches!(lower(w).as_str(), "die" | "der" | "das" | "de" | "het");
    // Dutch writes its nouns in lower case: "De politie heeft …".
    let noun = |w: &str| a.lang == "nl" || w.chars().next().is_some_and(char::is_uppercase);
    // "Die Polizei hatte …": an article and a noun open the clause before its auxiliary.
    if let [(_, d), (_, n), (_, x), ..] = words.as_slice() {
        if det(d) && noun(n) && aux(x) {
            return Some(format!("{d} {n}"));
        }
    }
    let named = a
        .mentions
        .iter()
        .filter(|m| {
            matches!(m.kind, EntityType::Person | EntityType::Org)
                && m.span.start >= start
                && m.span.end <= span.start
                && !crate::timex::lexicon::is_time_word(&lower(&text[m.span.start..m.span.end]))
        })
        .max_by_key(|m| m.span.end);
    if let Some(m) = named {
        return text.get(m.span.start..m.span.end).map(str::to_string);
    }
    // "Vergangene Woche hatte die Gewerkschaft von …": an article and a noun after the
    // auxiliary.
    words.windows(3).find_map(|w| {
        let [(_, x), (_, d), (_, n)] = w else {
            return None;
        };
        (aux(x) && det(d) && noun(n)).then(|| format!("{d} {n}"))
    })
}

/// The source of a figure that a pronoun and a verb of estimating follow in a relative
/// clause: "down from the 3.7% it projected in May" (the body named last), "the 40 he
/// counted" (the person named last).
pub(super) fn pronoun_after(a: &Article, end: usize, sent: Span) -> Option<String> {
    if a.lang != "en" {
        return None;
    }
    let text = a.text.as_str();
    let rest = text.get(end..sent.end)?;
    let mut words = rest.split_whitespace();
    let pronoun = words.next()?;
    let verb = words.next()?.trim_end_matches(|c: char| !c.is_alphabetic());
    const ESTIMATING: [&str; 8] = [
        "project", "forecast", "estimat", "count", "report", "expect", "predict", "record",
    ];
    let estimating = verb.ends_with("ed") && ESTIMATING.iter().any(|s| verb.starts_with(s));
    if !estimating {
        return None;
    }
    match pronoun {
        "it" => it_referent(a, sent, end),
        "he" | "she" => a
            .mentions
            .iter()
            .filter(|m| m.kind == EntityType::Person && m.span.end <= end)
            .max_by_key(|m| m.span.end)
            .and_then(|m| text.get(m.span.start..m.span.end))
            .map(str::to_string),
        _ => None,
    }
}

/// The body "it" stands for in the sentence `sent`, before `before`: the body that opens
/// the sentence ("The South African Reserve Bank …", "The bank now expects …, down from
/// the 3.7% it projected"), else the last body named, not one that only modifies a report
/// noun ("In a Reuters poll").
pub(super) fn it_referent(a: &Article, sent: Span, before: usize) -> Option<String> {
    let text = a.text.as_str();
    let (opens, named_at) = opening(text, sent.start, before)?;
    if let Some(m) = a
        .mentions
        .iter()
        .find(|m| m.kind == EntityType::Org && (m.span.start == opens || m.span.start == named_at))
    {
        return text.get(m.span.start..m.span.end).map(str::to_string);
    }
    let words = word_spans(text.get(opens..before)?);
    if let [(_, det), (_, noun), ..] = words.as_slice() {
        if lower(det) == "the"
            && (COMPANY.contains(&lower(noun).as_str())
                || crate::ner::is_org_noun("en", &lower(noun)))
        {
            let desc = format!("the {}", lower(noun));
            return crate::quotes::resolve::last_body_named(a, &desc, sent.start)
                .or_else(|| crate::quotes::resolve::last_company(a, sent.start));
        }
    }
    crate::quotes::resolve::last_company_where(a, before, |m| {
        let next = text
            .get(m.span.end..)
            .and_then(|r| r.split_whitespace().next())
            .unwrap_or("");
        !report_noun(next)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_report_noun_inside_a_name_makes_no_report() {
        assert!(super::is_report("A survey published last month"));
        assert!(super::is_report("Eine Umfrage"));
        assert!(super::is_report("the report"));
        assert!(!super::is_report("Center for Eurasian Security Studies"));
        assert!(!super::is_report("the U.S. Geological Survey"));
    }
}
