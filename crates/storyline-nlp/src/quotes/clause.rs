//! Attributions inside one sentence: a cue, its speaker, the sources cited, and the
//! reported clause when the speech is indirect.

use storyline_model::Span;

use super::lexicon::{Kind, Lexicon};
use super::speaker;
use super::text::Tok;

/// One cue found in a sentence, with what hangs on it.
#[derive(Debug, Clone)]
pub struct Attr {
    /// The cue as written, auxiliaries included ("has also said").
    pub cue: Span,
    /// The speaker phrase, if found.
    pub speaker: Option<Span>,
    /// The name within the speaker phrase (titles dropped).
    pub name: Option<Span>,
    /// True when the speaker is a pronoun.
    pub pronoun: bool,
    /// True when the speaker is a proper name.
    pub named: bool,
    /// Sources the speaker cites ("military intelligence reports").
    pub via: Vec<String>,
    /// The reported clause, for indirect speech.
    pub content: Option<Span>,
    /// True when the cue was found by the learned detector rather than the lexicon.
    pub learned: bool,
    /// True when a demonstrative stands for what is reported ("Das teilte die Polizei
    /// mit", "Об этом сообщил …"): the previous sentence is the content.
    pub anaphoric: bool,
    /// True when the source stands inside the clause it reports ("kamen laut Polizei drei
    /// Menschen ums Leben"): the content is the whole clause, the source with it.
    pub inside: bool,
}

/// Longest subject taken whole from the sentence start, in tokens.
const MAX_SUBJECT: usize = 10;

/// Conjunctions of contrast that open a clause with its own subject after a comma.
const CONTRAST: [&str; 7] = [
    "while",
    "whereas",
    "während",
    "wohingegen",
    "mientras",
    "mentre",
    "terwijl",
];

/// Words that join two clauses: a "that" after one of them opens the second clause of the
/// reported speech, not the first ("said 11 were missing and that he had spoken …").
/// Words that introduce a cited source.
const CITING: [&str; 5] = ["citing", "citando", "ссылаясь", "посилаючись", "zitierte"];

/// Verbs that take a bare reported clause ("said the war …") without "that".
const BARE: [&str; 16] = [
    "said",
    "says",
    "say",
    "told",
    "tells",
    "believes",
    "thinks",
    "argued",
    "argues",
    "warned",
    "added",
    "claimed",
    "noted",
    "insisted",
    "estimated",
    "wrote",
];

/// The attributions of the sentence `sent` with tokens `toks`. `quoted` are quotation spans
/// (marks included): cues inside them are not the writer's.
pub fn attributions(
    text: &str,
    sent: Span,
    toks: &[Tok],
    lex: &Lexicon,
    quoted: &[Span],
) -> Vec<Attr> {
    let mut out: Vec<Attr> = Vec::new();
    let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    let mut i = 0;
    while i < toks.len() {
        let inside = quoted
            .iter()
            .any(|q| q.start <= toks[i].span.start && toks[i].span.end <= q.end);
        if !inside {
            let split = split_particle(toks, i, lex)
                .and_then(|j| Some((j, split_attr(text, sent, toks, (i, j), lex)?)));
            if let Some((j, a)) = split {
                out.push(a);
                i = j + 1;
                continue;
            }
        }
        if !inside {
            if let Some(a) = compound_prep(text, sent, toks, i, lex) {
                out.push(a);
                i += 2;
                continue;
            }
        }
        let verb = lex.match_at(&words[i..], Kind::Verb);
        let prep = lex.match_at(&words[i..], Kind::Prep);
        let post = lex.match_at(&words[i..], Kind::Post);
        if let Some(n) = post.filter(|_| !inside) {
            if let Some(a) = post_attr(text, sent, toks, i, n, lex) {
                out.push(a);
            }
            i += n;
            continue;
        }
        let Some((n, is_prep)) = prep.map(|n| (n, true)).or(verb.map(|n| (n, false))) else {
            i += 1;
            continue;
        };
        // A cue inside a cited source ("citing intelligence reports") is not one.
        let cited_here = toks[..i]
            .iter()
            .rev()
            .take_while(|t| t.word)
            .any(|t| CITING.contains(&t.lower.as_str()));
        // A capitalised cue inside a sentence is part of a name ("the United States").
        let proper = i > 0 && toks[i].cap && toks[i - 1].word;
        // After an article or a possessive the word is a noun ("the report", "his call").
        let noun = i > 0
            && matches!(
                toks[i - 1].lower.as_str(),
                "the" | "a" | "an" | "this" | "his" | "her" | "its" | "their" | "our" | "new"
            );
        let proper = proper || noun;
        if inside || cited_here || proper || toks[i..i + n].iter().any(|t| !t.word) {
            i += 1;
            continue;
        }
        let a = if is_prep {
            prep_attr(text, sent, toks, i, n, lex)
        } else {
            verb_attr(text, sent, toks, i, n, lex, &out)
        };
        // The source after "according to" holds no cue of its own ("according to show
        // insiders").
        let next = match &a {
            Some(a) if is_prep => a
                .speaker
                .and_then(|sp| toks.iter().position(|t| t.span.start >= sp.end))
                .unwrap_or(toks.len())
                .max(i + n),
            _ => i + n,
        };
        if let Some(a) = a {
            out.push(a);
        }
        i = next;
    }
    out
}

/// "Nach CBI-Angaben kassierte das Netzwerk …", "… haben nach Verdi-Angaben mehr als
/// 4.000 …": a source cue whose noun is compounded with the source's name by a hyphen. The
/// name before the hyphen speaks; it reports the clause after the cue when the cue opens
/// the sentence, else the whole clause around it.
fn compound_prep(text: &str, sent: Span, toks: &[Tok], i: usize, lex: &Lexicon) -> Option<Attr> {
    let head = toks.get(i).filter(|t| t.word)?;
    let second = toks.get(i + 1).filter(|t| t.word)?;
    let (name, noun) = second.lower.rsplit_once('-')?;
    if name.is_empty() || lex.match_at(&[head.lower.as_str(), noun], Kind::Prep) != Some(2) {
        return None;
    }
    let written = text.get(second.span.start..second.span.end)?;
    let cut = written.rfind('-')?;
    if !written.starts_with(char::is_uppercase) {
        return None;
    }
    let mut a = make(toks, (i, i + 2), None, lex);
    let sp = Span::new(second.span.start, second.span.start + cut);
    a.speaker = Some(sp);
    a.name = Some(sp);
    a.named = true;
    let lead = toks[..i].iter().all(|t| !t.word);
    if lead {
        let k = i + 2 + usize::from(toks.get(i + 2).is_some_and(|t| t.lower == ","));
        a.content = clause_to_end(text, sent, toks, k);
    } else {
        whole_clause(text, toks, &mut a, toks.len())?;
    }
    a.content.map(|_| a)
}

/// Longest span between a separable verb and its particle, in tokens.
const MAX_SPLIT: usize = 12;

/// The token of the particle that closes the clause of the separable verb at token `i`
/// ("teilte am Montag mit, dass …", "maakte zaterdag bekend dat …"): words only between
/// them, and after the particle punctuation, a complementiser or the sentence's end.
fn split_particle(toks: &[Tok], i: usize, lex: &Lexicon) -> Option<usize> {
    let t = &toks[i];
    if !t.word || !lex.has_kind(Kind::Split) {
        return None;
    }
    let mut particles = lex.particles(&t.lower).peekable();
    particles.peek()?;
    let particles: Vec<&str> = particles.collect();
    let end = toks.len().min(i + 2 + MAX_SPLIT);
    let j = (i + 2..end)
        .take_while(|&k| toks[k].word || toks[k].lower == "-")
        .find(|&k| particles.contains(&toks[k].lower.as_str()))?;
    toks.get(j + 1)
        .is_none_or(|n| !n.word || lex.is(&n.lower, Kind::That))
        .then_some(j)
}

/// True when the tokens before `cs` are a time adverbial alone ("Am Montag", "Op
/// maandag", "Gestern"): in a language that puts its verb second, the speaker then follows
/// the verb ("Am Montag sagte der Minister, …").
fn fronted_time(text: &str, toks: &[Tok], cs: usize) -> bool {
    // After a dateline: "AMSTERDAM (ANP) - Op maandag zei …", "Berlin (dpa) - Am Montag …".
    let from = dateline_end(text, toks, cs).max(
        (2..cs.min(9))
            .find(|&k| {
                matches!(toks[k].lower.as_str(), "—" | "―" | "–" | "-") && toks[k - 1].lower == ")"
            })
            .map_or(0, |k| k + 1),
    );
    let head = &toks[from..cs];
    let time = |w: &str| crate::timex::lexicon::is_time_word(w);
    (1..=4).contains(&head.len())
        && head.iter().all(|t| t.word)
        && head.iter().any(|t| time(&t.lower))
        && head.iter().all(|t| {
            time(&t.lower)
                || t.lower.bytes().all(|b| b.is_ascii_digit())
                || t.lower.chars().count() <= 3
        })
}

/// The attribution of a separable verb at token `i` whose particle is token `j`. Its
/// speaker stands before the verb ("Die Polizei teilte am Montag mit, …") or, when the
/// verb opens the clause or follows a time, between the verb and the particle ("Am Montag
/// teilte die Polizei mit, …"); what it reports follows the particle, or is the sentence
/// before when a demonstrative opens the clause ("Dies gab die Stadt am Montag bekannt."),
/// or the clause before a comma when the particle ends the sentence. `None` when nothing
/// reported is found, and the verb is read as an unseparated cue.
fn split_attr(
    text: &str,
    sent: Span,
    toks: &[Tok],
    (i, j): (usize, usize),
    lex: &Lexicon,
) -> Option<Attr> {
    let demonstrative = i > 0
        && toks[..i]
            .iter()
            .all(|t| !t.word || lex.is(&t.lower, Kind::Demonstrative))
        && toks[..i].iter().any(|t| t.word);
    let opens = i == 0 || !toks[i - 1].word || fronted_time(text, toks, i) || demonstrative;
    let day = |t: &Tok| crate::timex::lexicon::is_day_word(&t.lower);
    let inner = || {
        // A time before the speaker: "teilte am Montag die Polizei mit".
        let k = (1..=3)
            .filter(|&m| i + 1 + m < j)
            .find(|&m| {
                let w = &toks[i + 1..i + 1 + m];
                w.iter().all(|t| t.word)
                    && w.last().is_some_and(day)
                    && w[..m - 1].iter().all(|t| !t.cap)
            })
            .map_or(i + 1, |m| i + 1 + m);
        speaker::after(toks, k, lex)
            .map(|r| (r.0, r.1.min(j)))
            .filter(|r| r.0 < r.1 && toks[r.1..j].iter().all(|t| !t.cap || day(t)))
    };
    let (cue, sp) = if opens {
        ((i, i + 1), inner())
    } else {
        ((i, j + 1), speaker::before(toks, i, lex))
    };
    let sp = sp?;
    let mut a = make(toks, cue, Some(sp), lex);
    if demonstrative {
        a.anaphoric = true;
        return Some(a);
    }
    // "…, teilten beide Seiten mit.": the clause before the comma.
    if toks[j + 1..].iter().all(|t| !t.word) {
        a.content = reverse(text, toks, (cue.0, j + 1), Some(sp), lex);
        a.content?;
        return Some(a);
    }
    let mut k = j + 1;
    if toks
        .get(k)
        .is_some_and(|t| matches!(t.lower.as_str(), "," | ":"))
    {
        k += 1;
    }
    if toks.get(k).is_some_and(|t| lex.is(&t.lower, Kind::That)) {
        k += 1;
    }
    if k == j + 1 || toks.len() < k + 2 {
        return None;
    }
    a.content = clause_to_end(text, sent, toks, k);
    a.content?;
    Some(a)
}

fn make(toks: &[Tok], cue: (usize, usize), sp: Option<(usize, usize)>, lex: &Lexicon) -> Attr {
    let span = |r: (usize, usize)| Span::new(toks[r.0].span.start, toks[r.1 - 1].span.end);
    Attr {
        cue: span(cue),
        speaker: sp.map(span),
        name: sp.map(|r| span(speaker::name_range(toks, r, lex))),
        pronoun: sp.is_some_and(|r| speaker::is_pronoun(toks, r, lex)),
        named: sp.is_some_and(|r| speaker::is_name(toks, r, lex)),
        via: Vec::new(),
        content: None,
        learned: false,
        anaphoric: false,
        inside: false,
    }
}

/// Sets the source and content of `a` from the learned roles `r` (token ranges of `toks`):
/// the content covers every tagged run; a tagged source replaces the speaker found by rule.
pub fn with_roles(
    toks: &[Tok],
    a: &mut Attr,
    r: &super::learn::roles::Roles,
    lex: &Lexicon,
    source: bool,
) {
    let span = |s: usize, e: usize| Span::new(toks[s].span.start, toks[e - 1].span.end);
    // The content lies on one side of the cue, which it never holds: the side with more
    // tagged words.
    let cs = toks
        .iter()
        .position(|t| t.span.start >= a.cue.start)
        .unwrap_or(toks.len());
    let ce = toks
        .iter()
        .position(|t| t.span.start >= a.cue.end)
        .unwrap_or(toks.len());
    let before: Vec<(usize, usize)> = r
        .content
        .iter()
        .map(|&(s, e)| (s, e.min(cs)))
        .filter(|&(s, e)| s < e)
        .collect();
    let after: Vec<(usize, usize)> = r
        .content
        .iter()
        .map(|&(s, e)| (s.max(ce), e))
        .filter(|&(s, e)| s < e)
        .collect();
    let words = |runs: &[(usize, usize)]| runs.iter().map(|r| r.1 - r.0).sum::<usize>();
    let side = if words(&before) > words(&after) {
        before
    } else {
        after
    };
    if let (Some(f), Some(l)) = (side.first(), side.last()) {
        if f.0 < l.1 && l.1 <= toks.len() {
            a.content = Some(span(f.0, l.1));
        }
    }
    // A subject found by rule right before the cue stays ("…, and authorities ordered"),
    // unless the tagged source takes it in.
    let subject = a.speaker.filter(|sp| {
        toks[..cs]
            .iter()
            .rposition(|t| t.word)
            .is_some_and(|k| toks[k].span.end == sp.end)
    });
    if let Some(sp) = r.source.filter(|sp| {
        source
            && sp.0 < sp.1
            && sp.1 <= toks.len()
            && subject.is_none_or(|s| span(sp.0, sp.1).overlaps(&s))
    }) {
        a.speaker = Some(span(sp.0, sp.1));
        a.name = Some(span_pair(toks, speaker::name_range(toks, sp, lex)));
        a.pronoun = speaker::is_pronoun(toks, sp, lex);
        a.named = speaker::is_name(toks, sp, lex);
    }
}

fn span_pair(toks: &[Tok], r: (usize, usize)) -> Span {
    Span::new(toks[r.0].span.start, toks[r.1 - 1].span.end)
}

/// The attribution of a cue found by the learned detector over tokens `[cs, ce)`: the
/// speaker and clause as for a lexicon verb; when no clause is found that way, the rest of
/// the sentence after the cue, or the sentence before it when the cue ends it.
pub fn learned(
    text: &str,
    sent: Span,
    toks: &[Tok],
    (cs, ce): (usize, usize),
    lex: &Lexicon,
    prev: Option<&Attr>,
) -> Option<Attr> {
    if cs >= ce || ce > toks.len() {
        return None;
    }
    let mut a = verb_attr(
        text,
        sent,
        toks,
        cs,
        ce - cs,
        lex,
        prev.map_or(&[], std::slice::from_ref),
    )?;
    a.learned = true;
    if a.content.is_some() {
        return Some(a);
    }
    let mut k = ce;
    if let Some(sp) = a.speaker.filter(|sp| sp.start >= toks[ce - 1].span.end) {
        // An inverted speaker: the clause starts after it.
        k = toks[k..]
            .iter()
            .position(|t| t.span.start >= sp.end)
            .map_or(toks.len(), |p| k + p);
    }
    while k < toks.len() && (!toks[k].word || lex.is(&toks[k].lower, Kind::That)) {
        if super::text::is_opener(first(&toks[k])) {
            break;
        }
        k += 1;
    }
    let words_after = toks[k..].iter().filter(|t| t.word).count();
    a.content = if words_after >= 1 {
        clause_to_end(text, sent, toks, k)
    } else {
        let start = a
            .speaker
            .map_or(a.cue.start, |sp| sp.start.min(a.cue.start));
        let b = toks.iter().position(|t| t.span.start >= start).unwrap_or(0);
        span_of(text, toks, 0, b)
    };
    Some(a)
}

fn verb_attr(
    text: &str,
    sent: Span,
    toks: &[Tok],
    i: usize,
    n: usize,
    lex: &Lexicon,
    earlier: &[Attr],
) -> Option<Attr> {
    // The sentence's last attribution before this one.
    let prev = earlier.last();
    let mut cs = i;
    // Auxiliaries and a negation between them: "has also said", "did not say".
    let aux = |t: &Tok| {
        t.word && (lex.is(&t.lower, Kind::Aux) || matches!(t.lower.as_str(), "not" | "n't"))
    };
    while cs > 0 && aux(&toks[cs - 1]) {
        cs -= 1;
    }
    // A negation alone is not an auxiliary: "not said" keeps its cue.
    while cs < i && !lex.is(&toks[cs].lower, Kind::Aux) {
        cs += 1;
    }
    let ce = i + n;
    // "Das teilte der Zivilschutz mit": the demonstrative is what is said; the speaker
    // follows the verb.
    // "Об этом в среду сообщил …", "Про це в четвер в ефірі телемарафону повідомив …": a
    // time or a place in lower case may stand between the demonstrative and the verb.
    let demonstratives = toks[..cs]
        .iter()
        .take_while(|t| !t.word || lex.is(&t.lower, Kind::Demonstrative))
        .count();
    let anaphoric = demonstratives > 0
        && toks[..demonstratives].iter().any(|t| t.word)
        && (demonstratives == cs
            || cs - demonstratives <= 6
                && toks[demonstratives..cs]
                    .iter()
                    .all(|t| t.word && !t.cap && !t.uncased()));
    // "Dat heeft kustwachtcommissaris Choi Min-seok zaterdag bekendgemaakt.": a
    // demonstrative and an auxiliary open the sentence, the participle cue closes it; the
    // speaker stands between them (words in lower case at its end, times, left out).
    let closes = toks[ce..].iter().all(|t| !t.word);
    if cs > 3
        && closes
        && lex.is(&toks[0].lower, Kind::Demonstrative)
        && lex.is(&toks[1].lower, Kind::Aux)
    {
        let mut e = cs;
        while e > 2
            && toks[e - 1].word
            && !toks[e - 1].cap
            && !lex.is(&toks[e - 1].lower, Kind::Noun)
        {
            e -= 1;
        }
        if e > 2 && toks[2..e].iter().all(|t| t.word) && speaker::plausible(&toks[2..e], lex) {
            let mut a = make(toks, (cs, ce), Some((2, e)), lex);
            a.anaphoric = true;
            return Some(a);
        }
    }
    if anaphoric {
        let sp = speaker::after_day(toks, ce, lex)?;
        let mut a = make(toks, (cs, ce), Some(sp), lex);
        a.anaphoric = true;
        return Some(a);
    }
    // "राठौर ने बुधवार को यह जानकारी दी" (gave this information): in a script without
    // case a demonstrative right before the cue stands for the sentence before; the speaker
    // stands before it.
    if cs > 1 && toks[cs - 1].uncased() && lex.is(&toks[cs - 1].lower, Kind::Demonstrative) {
        let sp = speaker::before(toks, cs - 1, lex)?;
        let mut a = make(toks, (cs - 1, ce), Some(sp), lex);
        a.anaphoric = true;
        return Some(a);
    }
    if let Some(a) = as_clause(text, toks, (cs, ce), lex) {
        return Some(a);
    }
    // "Как сообщило нидерландское Управление водного хозяйства, в Германии закрыты …",
    // "Como informó el ministerio, …": "as" and the cue open the sentence, the speaker
    // follows the cue, and what is reported follows the comma that closes the clause.
    let opens_as = cs >= 1
        && lex.is(&toks[cs - 1].lower, Kind::As)
        && (cs == 1 || !toks[cs - 2].word || fronted_time(text, toks, cs - 1));
    if opens_as {
        if let Some(sp) = speaker::after_day(toks, ce, lex) {
            let mut depth = 0i32;
            let comma = (sp.1..toks.len()).find(|&k| {
                match toks[k].lower.as_str() {
                    "(" => depth += 1,
                    ")" => depth -= 1,
                    _ => {}
                }
                depth <= 0 && toks[k].lower == ","
            });
            if let Some(c) = comma.filter(|&c| c <= sp.1 + 8) {
                let mut a = make(toks, (cs, ce), Some(sp), lex);
                a.content = clause_to_end(text, sent, toks, c + 1);
                if a.content.is_some() {
                    return Some(a);
                }
            }
        }
    }
    let fronted = fronted_time(text, toks, cs);
    let mut sp = speaker::before(toks, cs, lex).filter(|_| !fronted);
    // "She rejected the offer to sell stores to a smaller chain, Greenway Grocers, calling
    // the buyer …": a name between commas inside the sentence, before a participle, is in
    // apposition to an object; the participle speaks for the sentence's subject.
    if toks[cs].lower.ends_with("ing") && cs > 0 && toks[cs - 1].lower == "," {
        sp = sp.filter(|r| !(r.0 > 1 && toks[r.0 - 1].lower == "," && toks[..r.0 - 1].len() > 8));
    }
    // "Experts on North Korea and nuclear nonproliferation said …", "Political observers in
    // Virginia and around the country say …": a longer subject that opens the sentence,
    // words only, with no verb in it.
    if sp.is_none() && !fronted && (2..=MAX_SUBJECT).contains(&cs) {
        let subject = &toks[..cs];
        let clean = subject.iter().all(|t| {
            t.word
                && !lex.is(&t.lower, Kind::Verb)
                && !lex.is(&t.lower, Kind::That)
                && !lex.is(&t.lower, Kind::Aux)
                && !matches!(t.lower.as_str(), "not" | "never" | "n't")
        });
        if clean && speaker::plausible(subject, lex) {
            sp = Some((0, cs));
        }
    }
    let mut inverted = false;
    let mut via = Vec::new();
    let comma_before = cs > 0 && toks[cs - 1].lower == ",";
    // "…, повідомив у суботу начальник … Олег Синєгубов.", "…, informó este martes el
    // Servicio Estatal de Emergencias.": perhaps one or two words in lower case (a time)
    // between the cue and a speaker that ends the sentence.
    let final_speaker = || {
        (0..=2)
            .filter(|&k| {
                toks.get(ce..ce + k).is_some_and(|w| {
                    w.iter().all(|t| t.word && !t.cap)
                        && (k == 0
                            || w.last().is_some_and(|t| {
                                crate::timex::lexicon::is_day_word(&t.lower)
                                    || speaker::TIME.contains(&t.lower.as_str())
                            }))
                })
            })
            .find_map(|k| {
                speaker::after(toks, ce + k, lex).filter(|r| {
                    toks[r.1..].iter().all(|t| !t.word) && toks[r.0..r.1].iter().any(|t| t.cap)
                })
            })
    };
    // "…, officials said, adding that …": a participle after the comma that closes another
    // cue of the sentence speaks for that cue's speaker, not for the phrase opening it.
    let participle = toks[i].lower.ends_with("ing");
    let continues = participle
        && comma_before
        && prev.is_some_and(|p| p.speaker.is_some() && p.cue.end <= toks[cs - 1].span.start);
    if sp.is_none() && comma_before && !continues {
        // "X, head of Y, said …" / "X, citing Y, said …": the clause's first phrase, the
        // clause starting at the sentence or after a closing quotation mark.
        let b = toks[..cs - 1]
            .iter()
            .rposition(|t| !t.word && super::text::is_closer(first(t)))
            .map_or(0, |k| k + 1);
        let b = b + toks[b..cs - 1].iter().take_while(|t| !t.word).count();
        // "In a statement, one of the family's attorneys, Justin Bamberg, said …", "On
        // Thursday, however, …": adverbials before the subject name nobody.
        let b = main_clause_start(toks, b, cs - 1);
        let c1 = toks[b..cs - 1]
            .iter()
            .position(|t| t.lower == ",")
            .map(|k| b + k);
        // A first phrase that names nobody (no capital after its first word) before a
        // speaker that ends the sentence is the content's: "Троє людей загинули, ще 17
        // поранені, повідомив начальник … Олег Синєгубов."
        let names_nobody =
            |c1: usize| !toks[b + 1..c1].iter().any(|t| t.cap) && final_speaker().is_some();
        if let Some(c1) = c1.filter(|&c1| c1 > b && toks[b].word && !names_nobody(c1)) {
            // "The spokesman, Andrés Gil, said": the name in apposition is the speaker.
            let apposed = (c1 + 1, cs - 1);
            let name_like = apposed.1 > apposed.0 + 1
                && apposed.1 - apposed.0 <= 4
                && toks[apposed.0..apposed.1].iter().all(|t| t.word && t.cap);
            // An acronym in parentheses does not lengthen the phrase ("La Organización
            // Panamericana de la Salud (OPS), oficina regional …, advirtió").
            let bracketed = toks[b..c1]
                .iter()
                .filter(|t| matches!(t.lower.as_str(), "(" | ")"))
                .count()
                .min(2)
                * 3
                / 2;
            if c1 <= b + 8 + bracketed && speaker::plausible(&toks[b..c1], lex) {
                sp = speaker::before(toks, c1, lex)
                    .filter(|r| r.0 == b)
                    .or(Some((b, c1)));
                via = cited(text, toks, c1, cs - 1);
                if name_like {
                    sp = Some(apposed);
                }
            } else if name_like && c1 <= b + 8 {
                sp = Some(apposed);
            }
        }
    }
    let opens_clause = cs == 0 || !toks[cs - 1].word || fronted;
    // "Graham urged Republicans to act, and criticized the party": the subject before.
    // An adverb ("and is reportedly considering") names no speaker.
    let coordinated = cs > 0
        && matches!(toks[cs - 1].lower.as_str(), "and" | "but")
        && !toks[i].lower.ends_with("ly");
    // "the Chicago Police Department, which reported …", "cities that support the rules".
    if sp.is_none() && cs > 1 && matches!(toks[cs - 1].lower.as_str(), "which" | "that") {
        let end = if toks[cs - 2].lower == "," {
            cs - 2
        } else {
            cs - 1
        };
        sp = speaker::before(toks, end, lex).filter(|r| !speaker::is_pronoun(toks, *r, lex));
    }
    if sp.is_none() && opens_clause && !participle {
        sp = speaker::after(toks, ce, lex);
        if sp.is_none() && cs > 0 {
            sp = final_speaker();
        }
        inverted = sp.is_some();
    }
    // "Wie die Polizei mitteilte, …": the conjunction is not the speaker's.
    if let Some(r) = sp.filter(|r| r.1 > r.0 + 1 && lex.is(&toks[r.0].lower, Kind::As)) {
        sp = Some((r.0 + 1, r.1));
    }
    // "…, and called the landing …": a verb right after the conjunction has no subject of
    // its own; the phrase before the conjunction ended the last clause.
    // After a comma the conjunction joins the sentence's first clause ("X said the
    // government would press …, and called …"), else the last one.
    // Only a verb with its subject before it shares that subject ("based on reports from
    // …" has none to share).
    let subject_first = |p: &&Attr| p.speaker.is_some_and(|s| s.end <= p.cue.start);
    let prev = if coordinated {
        let (first, last) = (
            earlier.iter().find(subject_first),
            earlier.iter().rev().find(subject_first),
        );
        if cs > 1 && toks[cs - 2].lower == "," {
            first
        } else {
            last
        }
    } else {
        prev
    };
    if coordinated {
        sp = None;
    }
    let mut a = make(toks, (cs, ce), sp, lex);
    if sp.is_none() && (participle || coordinated) {
        if let Some(p) = prev {
            a.speaker = p.speaker;
            a.name = p.name;
            a.pronoun = p.pronoun;
            a.named = p.named;
        } else if let Some(r) = {
            // Past fronted adverbials and participle phrases: "In September, several
            // groups granted …, saying", "Chastened by the analyses, Trump revised …,
            // promising".
            let b = main_clause_start(toks, 0, cs);
            if toks.get(b).is_some_and(|t| t.cap) {
                // "Clinton spoke in Ohio, arguing that …": the sentence's subject, up to its
                // verb ("The Red Cross (PRC) gave a higher toll …, and said …").
                speaker::after(toks, b, lex).filter(|r| r.1 < cs).map(|r| {
                    let verb = (r.0 + 1..r.1).find(|&k| {
                        toks[k].word
                            && !toks[k].cap
                            && !matches!(
                                toks[k].lower.as_str(),
                                "of" | "and" | "for" | "de" | "the"
                            )
                    });
                    (r.0, verb.unwrap_or(r.1))
                })
            } else {
                // A subject in lower case, up to a past-tense verb or an auxiliary.
                (b + 1..cs.min(b + 6))
                    .find(|&k| toks[k].lower.ends_with("ed") || lex.is(&toks[k].lower, Kind::Aux))
                    .map(|k| (b, k))
                    .filter(|r| {
                        b > 0
                            && toks[r.0..r.1].iter().all(|t| t.word)
                            && speaker::plausible(&toks[r.0..r.1], lex)
                    })
            }
        } {
            let subject = make(toks, (cs, ce), Some(r), lex);
            a.speaker = subject.speaker;
            a.name = subject.name;
            a.pronoun = subject.pronoun;
            a.named = subject.named;
        }
    }
    a.via = via;
    let after = if inverted { sp.map_or(ce, |r| r.1) } else { ce };
    // Sources cited after the cue: "…, citing military intelligence reports."
    if let Some(k) = (after..toks.len()).find(|&k| CITING.contains(&toks[k].lower.as_str())) {
        let end = (k + 1..toks.len())
            .find(|&e| !toks[e].word && toks[e].lower != "'")
            .unwrap_or(toks.len());
        a.via.extend(cited(text, toks, k.saturating_sub(1), end));
    }
    a.content = verb_content(text, sent, toks, (cs, after), sp, fronted, lex);
    Some(a)
}

/// "…, wie das Wahlamt der Stadt in der Nacht zum Montag mitteilte.", "…, zoals de politie
/// zaterdag meldde.": a clause opened by "as" after a comma and closed by its cue reports the
/// clause before the comma. Its subject stands between them, up to a preposition that opens
/// a time or a place ("in der Nacht", "am Montag").
fn as_clause(text: &str, toks: &[Tok], cue: (usize, usize), lex: &Lexicon) -> Option<Attr> {
    let (cs, ce) = cue;
    if toks.get(ce).is_some_and(|t| t.word) {
        return None;
    }
    let w = (cs.saturating_sub(speaker::MAX_NP + 6)..cs)
        .rev()
        .take_while(|&k| toks[k].word || toks[k].lower == "-")
        .find(|&k| lex.is(&toks[k].lower, Kind::As))?;
    if w < 2 || toks[w - 1].lower != "," {
        return None;
    }
    let s = w + 1;
    let e = (s + 1..cs)
        .find(|&k| {
            AS_CUT.contains(&toks[k].lower.as_str())
                || crate::timex::lexicon::is_day_word(&toks[k].lower)
                || toks[k].lower.starts_with(|c: char| c.is_ascii_digit())
        })
        .unwrap_or(cs);
    if e <= s || e - s > speaker::MAX_NP || !speaker::plausible(&toks[s..e], lex) {
        return None;
    }
    let mut a = make(toks, (cs, ce), Some((s, e)), lex);
    a.content = span_of(text, toks, dateline_end(text, toks, w - 1), w - 1);
    a.content?;
    Some(a)
}

/// Prepositions that end the subject of a closing "as" clause: a time or a place follows.
const AS_CUT: [&str; 13] = [
    "am",
    "im",
    "in",
    "vom",
    "zum",
    "bei",
    "auf",
    "nach",
    "gegenüber",
    "op",
    "bij",
    "tegen",
    "aan",
];

/// The reported clause of a verb cue spanning tokens `cue` (speaker included when inverted);
/// `fronted` when a time alone stands before the cue ([`fronted_time`]).
fn verb_content(
    text: &str,
    sent: Span,
    toks: &[Tok],
    cue: (usize, usize),
    sp: Option<(usize, usize)>,
    fronted: bool,
    lex: &Lexicon,
) -> Option<Span> {
    let (cs, after) = cue;
    let window = (after..toks.len().min(after + 9))
        .take_while(|&k| toks[k].lower != "." && toks[k].lower != ";");
    // "said (on Oct. 22) that …", "told reporters that …", "sagte, dass …".
    let mut that = None;
    for k in window {
        if lex.is(&toks[k].lower, Kind::That) {
            that = Some(k);
            break;
        }
        if lex.is(&toks[k].lower, Kind::And) {
            break;
        }
        // "said, adding that …": the "that" is the next cue's; not so a noun after an
        // article ("wrote in a note to clients that …").
        let noun = k > 0 && matches!(toks[k - 1].lower.as_str(), "a" | "an" | "the");
        if k > after && lex.is(&toks[k].lower, Kind::Verb) && !noun {
            break;
        }
        let punct = !toks[k].word && toks[k].lower != "'";
        // "сообщила корреспонденту ТАСС, что …": a comma before the complementiser.
        let before_that = toks[k].lower == ","
            && toks
                .get(k + 1)
                .is_some_and(|t| lex.is(&t.lower, Kind::That));
        if punct && (k > after || toks[k].lower != ",") && !before_that {
            break;
        }
    }
    if let Some(k) = that {
        return clause_to_end(text, sent, toks, k + 1);
    }
    if toks.get(after).is_some_and(|t| t.lower == ":") {
        return clause_to_end(text, sent, toks, after + 1);
    }
    // "…, Budanov said (on Oct. 22)." / "…, officials said, after talks." / "…, said Zelensky.": the clause before the comma.
    if let Some(c) = reverse(text, toks, cue, sp, lex) {
        return Some(c);
    }
    // "betonte, man sei bereit": a clause after a comma, in languages that set one there;
    // an adverb may come first ("sagte anschließend, die EU stelle …").
    let before_speaker = sp.is_some_and(|r| r.1 <= cs);
    let after = if toks.get(after).is_some_and(|t| t.word && !t.cap)
        && toks.get(after + 1).is_some_and(|t| t.lower == ",")
        && !lex.is(&toks[after].lower, Kind::That)
        && toks
            .get(after + 2)
            .is_some_and(|t| !lex.is(&t.lower, Kind::And))
    {
        after + 1
    } else {
        after
    };
    // "Am Montag sagte der Minister, die Lage sei ernst": after a fronted time, the
    // clause follows the inverted speaker and a comma.
    let fronted = fronted && sp.is_some_and(|r| r.0 >= cs);
    if (before_speaker || fronted)
        && toks.get(after).is_some_and(|t| t.lower == ",")
        && toks
            .get(after + 1)
            .is_some_and(|t| t.word && !t.lower.ends_with("ing") && !lex.is(&t.lower, Kind::Verb))
        && toks.len() > after + 3
    {
        return clause_to_end(text, sent, toks, after + 1);
    }
    // "Zelensky said North Korea …": a bare clause after a verb of saying.
    let bare = BARE.contains(&toks[after.saturating_sub(1)].lower.as_str())
        && sp.is_some_and(|r| r.1 <= cs);
    // Not a clause about when or why ("said when she resigned").
    let clause_start = |t: &Tok| {
        t.word
            && !is_time(&t.lower)
            && !speaker::is_prep(&t.lower)
            && !lex.is(&t.lower, Kind::Verb)
            && !matches!(
                t.lower.as_str(),
                "when" | "while" | "because" | "if" | "although" | "though" | "unless" | "until"
            )
    };
    // "told reporters the vote …", "told the BBC the vote …": the hearer comes first.
    let told = matches!(
        toks[after.saturating_sub(1)].lower.as_str(),
        "told" | "tells"
    );
    let hearer = if told {
        usize::from(toks.get(after).is_some_and(|t| t.word))
            + usize::from(toks.get(after).is_some_and(|t| t.lower == "the"))
    } else {
        0
    };
    // "said on Monday it had agreed …": a time adverbial before the clause.
    let from = after + hearer;
    let from = from + if bare { time_adverbial(toks, from) } else { 0 };
    // "said after the convention he would …": a short adverbial before the clause's subject.
    let from = match toks.get(from) {
        Some(t) if bare && speaker::is_prep(&t.lower) => (from + 2..toks.len().min(from + 6))
            .find(|&k| {
                matches!(
                    toks[k].lower.as_str(),
                    "he" | "she" | "they" | "we" | "it" | "i"
                ) && toks[from..k].iter().all(|t| t.word)
            })
            .unwrap_or(from),
        _ => from,
    };
    // "said at least 46 soldiers …", "said about 4,000 fled": a preposition that opens a
    // hedged number opens the clause.
    let hedged = |k: usize| {
        toks.get(k).is_some_and(|t| speaker::is_prep(&t.lower))
            && toks.get(k + 1).is_some_and(|n| {
                matches!(n.lower.as_str(), "least" | "most" | "to" | "than")
                    || n.lower.starts_with(|c: char| c.is_ascii_digit())
            })
    };
    if bare && (toks.get(from).is_some_and(clause_start) || hedged(from)) && toks.len() > from + 2 {
        return clause_to_end(text, sent, toks, from);
    }
    // "Clinton wants to make tuition free": the verb's complement, up to the next comma
    // (not the hearer of "told": "he told me on Friday,").
    let infinitive = toks.get(after).is_some_and(|t| t.lower == "to");
    if !told
        && sp.is_some_and(|r| r.1 <= cs)
        && (infinitive || toks.get(after).is_some_and(clause_start))
    {
        let end = (after..toks.len())
            .find(|&k| matches!(toks[k].lower.as_str(), "," | ";" | ":" | "." | "(" | "—"))
            .unwrap_or(toks.len());
        if end >= after + 2 {
            return span_of(text, toks, after, end);
        }
    }
    None
}

fn reverse(
    text: &str,
    toks: &[Tok],
    cue: (usize, usize),
    sp: Option<(usize, usize)>,
    lex: &Lexicon,
) -> Option<Span> {
    let (cs, after) = cue;
    let start = sp.map_or(cs, |r| r.0.min(cs));
    if start < 4 || toks[start - 1].lower != "," {
        return None;
    }
    // "…, Graham told The Huffington Post on Thursday.": the hearer comes first.
    let told = matches!(
        toks[after.saturating_sub(1)].lower.as_str(),
        "told" | "tells"
    );
    let after = if told {
        let det = usize::from(
            toks.get(after)
                .is_some_and(|t| matches!(t.lower.as_str(), "the" | "a")),
        );
        let names = toks[after + det..]
            .iter()
            .take_while(|t| t.word && t.cap)
            .count();
        if names > 0 {
            after + det + names
        } else {
            // "told a news conference in Pretoria", "told reporters": the hearer's words
            // in lower case, up to a preposition.
            let nouns = toks[after + det..]
                .iter()
                .take(3)
                .take_while(|t| {
                    t.word && !t.cap && !speaker::is_prep(&t.lower) && !is_time(&t.lower)
                })
                .count();
            after
                + det
                + nouns.max(usize::from(
                    det == 0 && toks.get(after).is_some_and(|t| t.word),
                ))
        }
    } else {
        after
    };
    // "…, sagte er der Deutschen Presse-Agentur.": after a speaker who follows the cue.
    let after = match sp {
        Some((s, e)) if s >= cs => after.max(e),
        _ => after,
    };
    // Only a short adverbial may follow the cue ("said on Oct. 22", "said in his address"),
    // up to the sentence end or a participle clause (", citing …", ", adding …").
    let tail: Vec<&Tok> = toks[after..]
        .iter()
        .take_while(|t| t.lower != "," && t.lower != ".")
        .collect();
    let stop = toks.get(after + tail.len());
    let ends = match stop {
        None => true,
        Some(t) if t.lower == "." => true,
        Some(_) => {
            let k = after + tail.len() + 1;
            // An apposition of the speaker to the end: "…, said Jeffrey Trimble, a senior
            // official with the board."
            let apposition = tail.is_empty()
                && toks.get(k).is_some_and(|n| {
                    matches!(n.lower.as_str(), "a" | "an" | "the" | "who")
                        && phrase_ends(&toks[k..], 20)
                });
            // "…, the modeller said on Wednesday, well above an estimate …": a phrase in
            // lower case with no subject of its own says more about the figure.
            // Not the rest of a clause the speaker interrupts ("The latest test, they said,
            // was its biggest"): that opens with a verb, after a short subject.
            let remark = start >= 6
                && lex.lang() == "en"
                && toks.get(k).is_some_and(|n| {
                    n.word
                        && n.lower.chars().next().is_some_and(char::is_lowercase)
                        && !lex.is(&n.lower, Kind::Aux)
                        && !matches!(
                            n.lower.as_str(),
                            "is" | "was"
                                | "are"
                                | "were"
                                | "would"
                                | "could"
                                | "will"
                                | "can"
                                | "may"
                                | "might"
                                | "should"
                                | "must"
                                | "had"
                                | "has"
                                | "have"
                        )
                        && !matches!(
                            n.lower.as_str(),
                            "the"
                                | "a"
                                | "an"
                                | "this"
                                | "that"
                                | "these"
                                | "those"
                                | "he"
                                | "she"
                                | "it"
                                | "they"
                                | "we"
                                | "i"
                                | "you"
                                | "one"
                                | "there"
                                | "and"
                                | "or"
                        )
                });
            apposition
                || remark
                || toks.get(k).is_some_and(|n| {
                    n.lower.ends_with("ing")
                        || n.lower == "according"
                        || CITING.contains(&n.lower.as_str())
                        // ", as they bristled at …": a clause of its own.
                        || SUBORDINATOR.contains(&n.lower.as_str())
                        || speaker::is_adposition(&n.lower) && phrase_ends(&toks[k..], 10)
                })
        }
    };
    // Or the hearer: a German dative ("der Deutschen Presse-Agentur", "dem Sender"), a
    // Russian or Ukrainian one ("журналистам").
    let hearer = |t: &Tok| {
        matches!(t.lower.as_str(), "dem" | "der") || tail.len() == 1 && speaker::dative_plural(t)
    };
    let adverbial = match tail.first() {
        None => true,
        Some(t) => {
            is_time(&t.lower) || (speaker::is_prep(&t.lower) && t.lower != "to") || hearer(t)
        }
    };
    if ends && adverbial && tail.len() <= 5 && tail.iter().all(|t| t.word || t.lower == "'") {
        return span_of(text, toks, dateline_end(text, toks, start - 1), start - 1);
    }
    None
}

/// Words that open a clause of its own after a comma ("with the rest spread across …").
const SUBORDINATOR: [&str; 11] = [
    "as", "while", "after", "before", "because", "when", "though", "although", "but", "amid",
    "with",
];

/// The token after a dateline that opens the first `end` tokens ("WASHINGTON ―",
/// "KYIV, Ukraine (AP) —"), or 0.
fn dateline_end(text: &str, toks: &[Tok], end: usize) -> usize {
    let caps = toks[..end]
        .iter()
        .take_while(|t| {
            let w = text.get(t.span.start..t.span.end).unwrap_or("");
            t.word && w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
        })
        .count();
    if caps == 0 {
        return 0;
    }
    (caps..end.min(caps + 8))
        .find(|&k| matches!(toks[k].lower.as_str(), "—" | "―" | "–" | "-"))
        .map_or(0, |k| k + 1)
}

/// True when `toks` run to the sentence end within `max` words with no comma or further
/// clause: ", after mediation by the United Arab Emirates."
fn phrase_ends(toks: &[Tok], max: usize) -> bool {
    let n = toks
        .iter()
        .take_while(|t| t.word || t.lower == "'" || t.lower == "-")
        .count();
    n <= max && toks[n..].iter().all(|t| !t.word && t.lower != ",")
}

fn prep_attr(
    text: &str,
    sent: Span,
    toks: &[Tok],
    i: usize,
    n: usize,
    lex: &Lexicon,
) -> Option<Attr> {
    // "Накануне вечером, по данным МВД Сербии, …": a time before it leaves the cue
    // leading the clause.
    let lead = toks[..i].iter().all(|t| !t.word)
        || i >= 2 && toks[i - 1].lower == "," && fronted_time(text, toks, i - 1);
    // "según ha informado el Centro de Emergencias": the reporting verb after the cue
    // stands before the source.
    let next: Vec<&str> = toks[i + n..]
        .iter()
        .take(4)
        .map(|t| t.lower.as_str())
        .collect();
    let s0 = i + n + lex.match_at(&next, Kind::Verb).unwrap_or(0);
    // "За його словами, …", "Nach seinen Worten …": the pronoun in the cue speaks.
    // A source set off by commas inside the clause reports the whole clause: "Turnout,
    // according to the electoral commission, was 58 percent", "Участие в забастовке, по
    // оценке ONNA, составило 58%", "Фонд …, по её словам, увеличен до 10 млн евро".
    // The clause goes on after it with its verb, not with an apposition or a clause of its
    // own ("…, according to Dana Whitlock, a spokeswoman for …", "…, which …").
    let parenthetical = |e: usize| {
        let before = toks[..i - 1].iter().filter(|t| t.word).count();
        let after = toks[e + 1..]
            .iter()
            .take_while(|t| t.lower != ",")
            .filter(|t| t.word)
            .count();
        let goes_on = toks.get(e + 1).is_some_and(|t| {
            t.word
                && !t.cap
                && !crate::ner::is_small_word(lex.lang(), &t.lower)
                && !speaker::is_prep(&t.lower)
                && !lex.is(&t.lower, Kind::That)
        });
        i > 1
            && toks[i - 1].lower == ","
            && toks[e].lower == ","
            && (1..=10).contains(&before)
            && after >= 2
            && goes_on
    };
    // The clause runs to the comma after the words that follow the source.
    let whole = |a: &mut Attr, e: usize| {
        let stop = (e + 1..toks.len())
            .find(|&k| toks[k].lower == ",")
            .unwrap_or(toks.len());
        whole_clause(text, toks, a, stop)
    };
    if let Some(p) = (i..s0).find(|&k| lex.is(&toks[k].lower, Kind::Possessive)) {
        if !lead {
            if s0 < toks.len() && parenthetical(s0) {
                let mut a = make(toks, (i, s0), Some((p, p + 1)), lex);
                a.pronoun = true;
                whole(&mut a, s0)?;
                return Some(a);
            }
            return None;
        }
        let mut a = make(toks, (i, s0), Some((p, p + 1)), lex);
        a.pronoun = true;
        let k = s0 + usize::from(toks.get(s0).is_some_and(|t| t.lower == ","));
        a.content = clause_to_end(text, sent, toks, k);
        return Some(a);
    }
    let comma = (s0..toks.len().min(s0 + 10)).find(|&k| !toks[k].word);
    let comma = comma.filter(|&k| toks[k].lower == ",");
    // "Nach Angaben eines Bahnsprechers fielen rund 80 Prozent der Fernzüge aus, …": a
    // figure before the comma says the verb came first; the source is the noun phrase
    // before it.
    if let Some(k) = comma.filter(|&k| lead && k > s0) {
        let figure = (s0..k).find(|&j| toks[j].lower.starts_with(|c: char| c.is_ascii_digit()));
        let np = genitive_np_end(toks, s0, k);
        if figure.is_some_and(|f| np > s0 && np < f) {
            let mut a = make(toks, (i, i + n), Some((s0, np)), lex);
            a.content = clause_to_end(text, sent, toks, np);
            return Some(a);
        }
    }
    // "Bei dem Unglück kamen laut Polizei drei Menschen ums Leben", "Voor de kust liggen
    // volgens het bedrijf nog 36 schepen": a source inside the clause, with no commas around
    // it, reports the whole clause, itself included (a span has no gap to leave it out).
    // (English sets such a source off with commas, or at the end.)
    if !lead && i > 0 && toks[i - 1].word && lex.lang() != "en" {
        let np = genitive_np_end(toks, s0, toks.len());
        let e = if np > s0 {
            np
        } else if toks
            .get(s0)
            .is_some_and(|t| crate::ner::is_small_word(lex.lang(), &t.lower))
            && toks.get(s0 + 1).is_some_and(|t| t.word)
        {
            caps_end(toks, s0 + 2)
        } else if toks.get(s0).is_some_and(|t| t.word && !t.cap)
            && toks.get(s0 + 1).is_some_and(|t| t.word && t.cap)
        {
            // A role in lower case before the name ("volgens directeur Gerrit Mulder").
            caps_end(toks, s0 + 1)
        } else {
            caps_end(toks, s0)
        };
        let rest: Vec<&Tok> = toks[e.min(toks.len())..]
            .iter()
            .take_while(|t| t.lower != ",")
            .collect();
        if e > s0 && rest.iter().filter(|t| t.word).count() >= 2 {
            let mut a = make(toks, (i, i + n), Some((s0, e)), lex);
            if whole_clause(text, toks, &mut a, toks.len()).is_some() {
                return Some(a);
            }
        }
    }
    if !lead {
        let end = (s0..toks.len().min(s0 + speaker::MAX_NP + 1)).find(|&k| !toks[k].word);
        if let Some(k) = end.filter(|&k| k > s0 && parenthetical(k)) {
            if speaker::plausible(&toks[s0..k], lex) {
                let mut a = make(toks, (i, i + n), Some((s0, k)), lex);
                whole(&mut a, k)?;
                return Some(a);
            }
        }
    }
    let whole_np = genitive_np_end(toks, s0, toks.len());
    // "Secondo il ministero dell'Interno vi hanno preso parte 35.000 persone, …": with no
    // comma after the source, the source ends at the first word in lower case after its
    // capitalised name that joins nothing to it.
    let comma = comma.map(|k| {
        // German: the noun phrase of capitalised nouns ("Nach Angaben der südkoreanischen
        // Küstenwache kamen bei dem Feuer, …").
        if lead && lex.lang() == "de" {
            let np = genitive_np_end(toks, s0, k);
            if np > s0 && np < k && toks[np].word && !toks[np].cap {
                return np;
            }
        }
        let mut cap = false;
        (s0..k)
            .find(|&j| {
                let t = &toks[j];
                // "dell'Interno": capitalised after an elided article.
                let name = t.cap
                    || text
                        .get(t.span.start..t.span.end)
                        .and_then(|w| w.rsplit(['\'', '’']).next())
                        .is_some_and(|w| w.starts_with(char::is_uppercase));
                let joins = crate::ner::is_small_word(lex.lang(), &t.lower);
                let end = cap && t.word && !name && !joins;
                cap |= name;
                end
            })
            // (Russian and Ukrainian chain genitives in lower case between capitalised
            // words, German capitalises every noun.)
            .filter(|_| lead && !matches!(lex.lang(), "ru" | "uk" | "de"))
            .unwrap_or(k)
    });
    let sp = match comma {
        // "According to X, …": everything up to the comma is the source, or the name
        // apposed to it.
        Some(k) if lead && k > s0 => speaker::apposed(toks, (s0, k)).unwrap_or((s0, k)),
        // "Laut dem Wetterdienst soll …": an article and a capitalised name.
        // "Nach Schätzungen des Instituts der deutschen Wirtschaft kostet …".
        None if lead && (s0 + 1..toks.len()).contains(&whole_np) => (s0, whole_np),
        None if lead => {
            let d = s0 + usize::from(toks.get(s0).is_some_and(|t| !t.cap));
            let mut e = caps_end(toks, d);
            // "Volgens de kustwacht werden …": a source noun of the lexicon.
            if e == d && toks.get(d).is_some_and(|t| lex.is(&t.lower, Kind::Noun)) {
                e = d + 1;
            }
            if e == d || e >= toks.len() {
                return None;
            }
            // "Volgens de Nederlandse dienst Rijkswaterstaat zijn …": a body's class noun
            // and the name after it belong to the source.
            let named = toks.get(e).is_some_and(|t| {
                t.word && !t.cap && crate::ner::is_org_class(lex.lang(), &t.lower)
            }) && toks.get(e + 1).is_some_and(|t| t.word && t.cap);
            if named {
                e = caps_end(toks, e + 1);
            }
            (s0, e)
        }
        _ => {
            // "según han indicado a Europa Press fuentes del organismo": the hearer after
            // the verb is not the source.
            let s0 = if s0 > i + n {
                speaker::past_hearer(toks, s0)
            } else {
                s0
            };
            // "…, according to show insiders.": the source runs to the sentence end.
            let rest = toks[s0..].iter().take_while(|t| t.word).count();
            // Not past a figure: "nach Angaben einer Sprecherin 118 Starts … gestrichen."
            let figure = toks[s0..s0 + rest]
                .iter()
                .position(|t| t.lower.starts_with(|c: char| c.is_ascii_digit()))
                .filter(|&k| k > 0);
            // A hedge before the figure is no part of the name ("volgens directeur Gerrit
            // Mulder minstens 2 miljoen euro").
            let rest = figure.map_or(rest, |f| {
                toks[s0..s0 + f]
                    .iter()
                    .rposition(|t| t.cap)
                    .map_or(f, |c| c + 1)
            });
            let ends = toks[s0 + rest..].iter().all(|t| !t.word && t.lower != ",");
            if !lead && (1..=speaker::MAX_NP).contains(&rest) && ends {
                (s0, s0 + rest)
            } else {
                speaker::after(toks, s0, lex)?
            }
        }
    };
    let mut a = make(toks, (i, i + n), Some(sp), lex);
    a.content = if lead {
        let k = if toks.get(sp.1).is_some_and(|t| t.lower == ",") {
            sp.1 + 1
        } else {
            sp.1
        };
        clause_to_end(text, sent, toks, k)
    } else if toks[i - 1].lower == "," {
        span_of(text, toks, 0, i - 1)
    } else {
        span_of(text, toks, 0, i)
    };
    Some(a)
}

/// Makes `a` a source inside the clause it reports ([`Attr::inside`]): the clause runs from
/// the sentence's start to its last word before token `upto`, a percent sign closing a
/// figure kept ("kamen laut Polizei drei Menschen ums Leben", "Turnout, according to the
/// commission, was 58%"). `None` when no word stands there.
fn whole_clause(text: &str, toks: &[Tok], a: &mut Attr, upto: usize) -> Option<()> {
    let last = toks[..upto.min(toks.len())].iter().rposition(|t| t.word)?;
    a.content = span_of(text, toks, 0, last + 1).map(|c| {
        let pct = text.get(c.end..).is_some_and(|r| r.starts_with('%'));
        Span::new(c.start, c.end + usize::from(pct))
    });
    a.inside = true;
    Some(())
}

/// The end of the run of capitalised words from `from`.
fn caps_end(toks: &[Tok], from: usize) -> usize {
    (from..toks.len())
        .find(|&k| !(toks[k].word && toks[k].cap))
        .unwrap_or(toks.len())
}

/// The end of a noun phrase written with capitalised nouns from `s` (before `e`): articles,
/// capitalised words and adjectives after an article ("eines Bahnsprechers", "des Instituts
/// der deutschen Wirtschaft"); `s` when it opens with none of them.
fn genitive_np_end(toks: &[Tok], s: usize, e: usize) -> usize {
    const DET: [&str; 11] = [
        "der", "des", "dem", "den", "die", "das", "ein", "eine", "eines", "einer", "einem",
    ];
    let mut j = s;
    let mut noun = false;
    while j < e {
        let t = &toks[j];
        let det = DET.contains(&t.lower.as_str());
        let adjective = j > s && DET.contains(&toks[j - 1].lower.as_str()) && t.word;
        if t.word && t.cap && !det {
            noun = true;
        } else if !(det || adjective) {
            break;
        }
        j += 1;
    }
    if noun {
        j
    } else {
        s
    }
}

/// Where the main clause starts, from token `from` and before token `end`: past adverbials
/// ("In September,", "However,") and participle phrases ("Chastened by the analyses,")
/// that open it, each closed by a comma.
fn main_clause_start(toks: &[Tok], from: usize, end: usize) -> usize {
    let mut b = from;
    while let Some(c) = toks[b..end]
        .iter()
        .position(|t| t.lower == ",")
        .map(|k| b + k)
    {
        if c > b && opener(toks, b, c) {
            b = c + 1;
        } else {
            break;
        }
    }
    b
}

/// True when the phrase `[b, e)` that opens a sentence before a comma names nobody: an
/// adverbial ([`adverbial`]) or a participle phrase ("Chastened by the analyses").
fn opener(toks: &[Tok], b: usize, e: usize) -> bool {
    let participle = toks[b].word
        && (toks[b].lower.ends_with("ed") || toks[b].lower.ends_with("ing"))
        && toks
            .get(b + 1)
            .is_some_and(|t| speaker::is_adposition(&t.lower) || t.lower == "by");
    adverbial(toks, b, e) || participle
}

/// True when tokens `[b, e)` are an adverbial that opens a sentence: a prepositional
/// phrase ("In a statement", "On Thursday") or one adverb ("however", "Separately").
fn adverbial(toks: &[Tok], b: usize, e: usize) -> bool {
    let first = toks[b].lower.as_str();
    let one = e == b + 1
        && (first.ends_with("ly")
            || matches!(
                first,
                "however"
                    | "meanwhile"
                    | "instead"
                    | "still"
                    | "then"
                    | "now"
                    | "also"
                    | "later"
                    | "earlier"
                    | "moreover"
                    | "yet"
                    | "indeed"
            ));
    one || speaker::is_prep(first) && !matches!(first, "and" | "but" | "or" | "no" | "not")
        || time_adverbial(toks, b) == e - b
}

/// The attribution of a cue after its source, over tokens `[i, i + n)`: "Dem Bericht
/// zufolge soll …", "तटरक्षक बल के अनुसार …". The source runs back to the sentence start or
/// the comma before it ("Der Ombudsfrau, Irina Sokolowa, zufolge"); the content is the
/// rest of the sentence.
fn post_attr(
    text: &str,
    sent: Span,
    toks: &[Tok],
    i: usize,
    n: usize,
    lex: &Lexicon,
) -> Option<Attr> {
    let e = if i > 0 && toks[i - 1].lower == "," {
        i - 1
    } else {
        i
    };
    let s = toks[..e]
        .iter()
        .rposition(|t| !t.word && t.lower != "'" && t.lower != "-")
        .map_or(0, |k| k + 1);
    let words = e - s;
    if words == 0 || words > speaker::MAX_NP {
        return None;
    }
    let mut a = make(toks, (i, i + n), Some((s, e)), lex);
    let k = i + n + usize::from(toks.get(i + n).is_some_and(|t| t.lower == ","));
    a.content = clause_to_end(text, sent, toks, k);
    a.content?;
    Some(a)
}

/// The number of tokens of a time adverbial starting at token `k` ("on Monday", "late
/// Tuesday night", "on Oct. 22", "earlier this week", "yesterday"), or 0.
fn time_adverbial(toks: &[Tok], k: usize) -> usize {
    const PART: [&str; 4] = ["morning", "afternoon", "evening", "night"];
    const UNIT: [&str; 3] = ["week", "month", "year"];
    let w = |j: usize| {
        toks.get(j)
            .filter(|t| t.word)
            .map_or("", |t| t.lower.as_str())
    };
    let mut j = k;
    if matches!(w(j), "on" | "late" | "early" | "earlier") {
        j += 1;
    }
    if matches!(w(j), "last" | "this") {
        j += 1;
        if UNIT.contains(&w(j)) || speaker::TIME.contains(&w(j)) {
            return j + 1 - k;
        }
        return 0;
    }
    if speaker::TIME.contains(&w(j)) {
        j += 1;
        if PART.contains(&w(j)) {
            j += 1;
        }
        return j - k;
    }
    // "on Oct. 22": a month (abbreviated or not) and a day number.
    let month = w(j).trim_end_matches('.');
    if j > k
        && crate::claims::lexicon::MONTHS.contains(&month)
        && w(j + 1).bytes().all(|b| b.is_ascii_digit())
    {
        return j + 2 - k;
    }
    0
}

/// True when every word of `phrase` is a time word ("Friday", "on Monday", "last week").
pub(crate) fn is_time_phrase(phrase: &str) -> bool {
    let words: Vec<String> = phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().all(|w| is_time(w)) && words.iter().any(|w| speaker::TIME.contains(&w.as_str()))
}

fn is_time(w: &str) -> bool {
    speaker::TIME.contains(&w) || matches!(w, "last" | "this" | "on" | "in")
}

/// The text of tokens `[s, e)` joined, for `via`.
fn cited(text: &str, toks: &[Tok], s: usize, e: usize) -> Vec<String> {
    let s = s + 1;
    if s >= e || e > toks.len() || !CITING.contains(&toks[s].lower.as_str()) {
        return Vec::new();
    }
    span_of(text, toks, s + 1, e)
        .map(|sp| vec![super::resolve::at(text, sp).to_string()])
        .unwrap_or_default()
}

/// The span of tokens `[s, e)`, trimmed of punctuation at both ends except quote marks.
pub fn span_of(text: &str, toks: &[Tok], mut s: usize, mut e: usize) -> Option<Span> {
    let _ = text;
    let keep =
        |t: &Tok| t.word || super::text::is_opener(first(t)) || super::text::is_closer(first(t));
    while s < e && !keep(&toks[s]) {
        s += 1;
    }
    while e > s && !keep(&toks[e - 1]) {
        e -= 1;
    }
    (s < e).then(|| Span::new(toks[s].span.start, toks[e - 1].span.end))
}

fn first(t: &Tok) -> char {
    t.lower.chars().next().unwrap_or(' ')
}

/// The clause from token `s` to the end of the sentence, cut before a trailing
/// ", according to …" or ", citing …".
fn clause_to_end(text: &str, _sent: Span, toks: &[Tok], s: usize) -> Option<Span> {
    let mut e = toks.len();
    for k in s..toks.len() {
        // "Yerevan says 58 were killed; Baku says …": a semicolon ends the clause.
        if toks[k].lower == ";" && k > s {
            e = k;
            break;
        }
        // "…, while Azerbaijan's Defence Ministry put its own losses at 31": a contrast
        // opens a clause with a subject of its own.
        if toks[k].lower == ","
            && toks.get(k + 1).is_some_and(|t| {
                CITING.contains(&t.lower.as_str())
                    || CONTRAST.contains(&t.lower.as_str())
                    || t.lower == "according"
            })
        {
            e = k;
            break;
        }
    }
    span_of(text, toks, s, e)
}
