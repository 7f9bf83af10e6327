//! Quotations attributed to speakers: direct, partial, indirect, and embedded posts.
//!
//! ```
//! use storyline_model::{Article, QuoteKind};
//! let text = "\"We will respond,\" Mayor Anna Berg said on Monday.";
//! let a = Article { text: text.into(), lang: "en".into(), ..Default::default() };
//! let q = storyline_nlp::quotes::extract(&a);
//! assert_eq!(q[0].kind, QuoteKind::Direct);
//! assert_eq!(q[0].span.slice(text), "We will respond,");
//! assert_eq!(q[0].speaker_name.as_deref(), Some("Anna Berg"));
//! ```
//!
//! How it works, in one pass over the text:
//! 1. quotation marks are paired ([`marks`]), posts are found by their author line;
//! 2. the text is cut into sentences that never split a quotation ([`text`]);
//! 3. each sentence's cues (from the language's lexicon) get a speaker — the phrase before
//!    the verb, after an inverted verb or after "according to" — and, for indirect speech,
//!    the reported clause ([`clause`]); in English a learned detector ([`learn`], trained on
//!    PolNeAR) adds the cues the lexicon misses, with a learned source and content, and
//!    gives a content to lexicon cues whose clause the rules could not find, and drops the
//!    lexicon cues it is sure are none (a noun: "state troopers", "the plan");
//! 4. a quotation that opens its sentence (or follows a colon) is *direct* and takes the
//!    cue next to it; one inside a clause is *partial* and takes that clause's speaker; a
//!    quotation with no cue continues the previous speaker when it follows in the same or
//!    the next paragraph;
//! 5. cues left over give *indirect* quotes, unless a partial quote already stands for the
//!    sentence (its own cue's "that" clause still counts when it says more than the quote)
//!    or the cue sits inside another speaker's reported clause (a learned cue also needs a
//!    content of four words or more: a clause, not a phrase; a lexicon cue two or more);
//! 6. pronoun speakers ("he") take the last named speaker or PERSON mention before them,
//!    and a surname alone takes the full name seen earlier.
//!
//! The tagger's mentions, when present, give speaker names their exact extent.

mod clause;
pub mod eval;
mod korean;
pub mod learn;
pub(crate) mod lexicon;
mod marks;
mod post;
pub(crate) mod resolve;
mod speaker;
#[cfg(test)]
mod tests;
mod text;

use storyline_model::{Article, EntityType, Quote, QuoteKind, Span};

use clause::Attr;

/// How sure the learned detector must be that a lexicon cue is none to drop it: the margin
/// of the outside label over the begin label on every word of the cue (chosen on PolNeAR's
/// dev split among 5, 10, 20, 30 and 40; the team's gold agreed at 20 and 30).
const VETO: f32 = 20.0;

/// Fewest words of an indirect quote's content under a lexicon cue.
const MIN_WORDS: usize = 2;

/// Legal forms of companies written before a name in quotation marks (Russian, Ukrainian).
const LEGAL_FORMS: [&str; 12] = [
    "АТ", "ПАТ", "ПрАТ", "ТОВ", "КП", "ДП", "ООО", "ОАО", "ПАО", "АО", "ЗАО", "ГУП",
];

/// Which quotations a sentence holding a partial quotation gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Convention {
    /// storyline's (the contract's): the partial quotation stands for the reported speech
    /// around it; beside it only its own cue's "that" clause, when that clause says more
    /// than the quoted words, and another cue's "that" clause holding no quoted words.
    Storyline,
    /// PolNeAR's: every cue's reported clause is an attribution of its own when it says
    /// more than the quoted words in it, whichever cue the partial quotation took.
    EveryClause,
}

/// Extracts the quotations of `a`, in text order. Never fails; every span indexes `a.text`.
pub fn extract(a: &Article) -> Vec<Quote> {
    extract_as(a, Convention::Storyline)
}

/// [`extract`] under the annotation convention `conv`.
pub fn extract_as(a: &Article, conv: Convention) -> Vec<Quote> {
    run(a, conv).0
}

/// [`extract`], and beside it the reported clauses that a partial quotation stands for in
/// the output ("Pillai said the vessel had been carrying about 85,000 tonnes and that "only
/// a limited amount" had leaked"): not quotations of their own under the contract, but
/// they say who gives a figure inside them (`claims::extract_with`).
pub fn extract_with_clauses(a: &Article) -> (Vec<Quote>, Vec<Quote>) {
    run(a, Convention::Storyline)
}

fn run(a: &Article, conv: Convention) -> (Vec<Quote>, Vec<Quote>) {
    let lex = lexicon::for_lang(&a.lang);
    let t = a.text.as_str();
    let paras = text::paragraphs(a);
    let marked = marks::find(t, &paras);
    let mut posts = post::find(t, &paras);
    // Text already attributed: posts, and transcript turns with their marks.
    let mut claimed: Vec<Span> = posts.iter().map(|p| p.span).collect();
    for (q, para) in post::turns(t, &paras) {
        claimed.push(para);
        posts.push(q);
    }
    let in_post = |s: usize| claimed.iter().any(|p| p.start <= s && s < p.end + 4);
    let whole: Vec<Span> = marked.iter().map(|m| Span::new(m.open, m.close)).collect();
    let sents = text::sentences(a, &paras, &whole);

    // Cues, sentence by sentence.
    let mut attrs: Vec<(usize, Attr)> = Vec::new();
    let model = if a.lang == "en" {
        learn::embedded()
    } else {
        None
    };
    for (si, s) in sents.iter().enumerate() {
        if in_post(s.start) {
            continue;
        }
        let toks = text::tokens(t, *s);
        let mut found = if a.lang == "ko" {
            korean::attributions(*s, &toks, lex, &whole)
        } else {
            clause::attributions(t, *s, &toks, lex, &whole)
        };
        if let Some(m) = model {
            add_learned(m, t, *s, &toks, &whole, lex, &mut found);
        }
        // "the economy added 18,400 jobs", "added a second shift": a thing added, not words.
        found.retain(|f| !adds_a_thing(&toks, f.cue));
        end_before_coordinated_cue(t, &toks, lex, conv, &mut found);
        drop_cues_opening_another(t, &mut found);
        for mut at in found {
            if at.anaphoric {
                // The sentence before, in the same paragraph.
                at.content = si
                    .checked_sub(1)
                    .map(|p| sents[p])
                    .filter(|p| t.get(p.end..s.start).is_some_and(|g| !g.contains('\n')))
                    .and_then(|p| {
                        let pt = text::tokens(t, p);
                        clause::span_of(t, &pt, 0, pt.len())
                    });
            }
            attrs.push((si, at));
        }
    }
    // A time names no speaker ("fireworks on Friday: Republicans said …").
    for (_, at) in &mut attrs {
        if at
            .speaker
            .is_some_and(|sp| clause::is_time_phrase(resolve::at(t, sp)))
        {
            at.speaker = None;
            at.name = None;
        }
    }
    // Nobody says what they are part of ("A second round of talks on prisoners is planned").
    attrs.retain(|(_, at)| {
        at.inside || !matches!((at.speaker, at.content), (Some(sp), Some(c)) if sp.overlaps(&c))
    });
    // A colon cue ("Pence: Flowers won't be at debate") needs a name before it, where the
    // tagger has found names: "Analysis:" and "HOW TO HELP:" are labels.
    if !a.mentions.is_empty() {
        attrs.retain(|(_, at)| {
            resolve::at(t, at.cue).trim() != ":"
                || at
                    .speaker
                    .is_some_and(|sp| a.mentions.iter().any(|m| m.span.overlaps(&sp)))
        });
    }
    let sent_of = |pos: usize| sents.iter().position(|s| s.start <= pos && pos < s.end);

    let mut out: Vec<Quote> = Vec::new();
    let mut used = vec![false; attrs.len()];
    let mut partial_sent = vec![false; sents.len()];
    // Cues that a partial quotation took: their clause may still be reported speech.
    let mut partial_cue = vec![false; attrs.len()];
    let mut last: Option<(usize, Quote)> = None; // (last paragraph, quote) for adjacency
    for m in &marked {
        if in_post(m.open) {
            continue;
        }
        let Some(si) = sent_of(m.open) else { continue };
        let s = sents[si];
        let before = t.get(s.start..m.open).unwrap_or("").trim_end();
        // Korean closes a direct quotation with a quotative ending ("…"라고 말했다).
        let korean = a.lang == "ko" && korean::quotative_after(t, m.close, lex);
        let direct = before.is_empty()
            || before.ends_with([':', ',', '—', '-'])
            || before.chars().all(|c| !c.is_alphanumeric())
            || korean;
        // A quoted title ("Face the Nation", "Fox News Sunday") names something; nobody says it.
        // Its small words stay in lower case ("Face the Nation", "State of the Union"); after
        // a preposition or a possessive it is a title even where a sentence could open
        // ("said on CBS's “Face the Nation,”").
        let words: Vec<&str> = resolve::at(t, m.content)
            .split_whitespace()
            .map(|w| w.trim_end_matches([',', '.', '!', '?']))
            .collect();
        let small = |w: &str| {
            matches!(
                w,
                "the" | "of" | "and" | "a" | "an" | "in" | "on" | "for" | "to" | "at" | "with"
            )
        };
        let title = words.iter().any(|w| w.starts_with(char::is_uppercase))
            && words
                .iter()
                .all(|w| small(w) || w.chars().next().is_some_and(|c| !c.is_lowercase()));
        let named_by = {
            let lw = before.to_lowercase();
            let last = lw.rsplit(char::is_whitespace).next().unwrap_or("");
            matches!(last, "on" | "in" | "at" | "to" | "from" | "of")
                || last.ends_with("'s")
                || last.ends_with("’s")
        };
        // "АТ «Південна енергетична компанія»", "ООО «Ромашка»": a quotation after the
        // legal form of a company is its name.
        let company_name = {
            let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
            LEGAL_FORMS.contains(&last)
        };
        if company_name {
            continue;
        }
        if title && (!direct || (named_by && words.len() <= 6)) {
            continue;
        }
        let pick = if korean {
            attrs
                .iter()
                .position(|(s2, at)| {
                    *s2 == si && at.cue.start >= m.close && at.cue.start - m.close <= 4
                })
                .or_else(|| {
                    // `"…"며 "…"고 말했다`: a quotation joined by "며" to the next one
                    // shares its cue.
                    attrs.iter().position(|(s2, at)| {
                        *s2 == si
                            && at.cue.start > m.close
                            && korean::joined(t, m.close, at.cue.start, &whole)
                    })
                })
                .or_else(|| {
                    // `"…"이라며 … 하겠다고 밝혔다`: "saying …", the speaker goes on to report
                    // more; the sentence's later cue is the quotation's too.
                    korean::saying_after(t, m.close)
                        .then(|| {
                            attrs.iter().position(|(s2, at)| {
                                *s2 == si && at.cue.start > m.close && at.speaker.is_some()
                            })
                        })
                        .flatten()
                })
        } else if direct {
            adjacent(t, m, &attrs, si)
        } else {
            clause_speaker(t, m, &attrs, si)
        };
        let kind = if direct {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        };
        // "«La prioridad es llegar …», declaró.": a language that drops the subject leaves
        // the cue after the quotation without a speaker; it is the one named before.
        let dropped = if pick.is_none() && direct && PRO_DROP.contains(&a.lang.as_str()) {
            dropped_subject(a, m, &attrs, &sents, si)
        } else {
            None
        };
        if let Some((k, at)) = dropped {
            used[k] = true;
            let q = quote(m.content, kind, &at, t);
            last = Some((m.last_para, q.clone()));
            out.push(q);
            continue;
        }
        // After "이라며" the cue goes on to report a clause of its own.
        let shared = korean && korean::saying_after(t, m.close);
        let q = match pick {
            Some(k) => {
                if direct {
                    used[k] = used[k] || !shared;
                } else {
                    partial_cue[k] = true;
                    partial_sent[si] = true;
                }
                quote(m.content, kind, &attrs[k].1, t)
            }
            // A post signed below its text; else reported speech between the last
            // quotation and this one, in this paragraph or the one before, names the
            // speaker who goes on ("…, sagte er der dpa. „Mein Bruder …“"); else the last
            // quotation's speaker, in this paragraph or the one before.
            None if direct => {
                if let Some(q) = post::signed(t, m, &paras) {
                    q
                } else if let Some(k) = reported_since(&attrs, &last, &paras, m) {
                    Quote {
                        cue: None,
                        cue_span: None,
                        via: Vec::new(),
                        ..quote(m.content, kind, &attrs[k].1, t)
                    }
                } else {
                    match &last {
                        Some((lp, prev)) if m.para == *lp || m.para == lp + 1 => Quote {
                            span: m.content,
                            kind,
                            cue: None,
                            cue_span: None,
                            via: Vec::new(),
                            ..prev.clone()
                        },
                        _ => continue,
                    }
                }
            }
            None => continue,
        };
        last = Some((m.last_para, q.clone()));
        out.push(q);
    }

    // Indirect speech from the cues left over.
    let mut indirect: Vec<Quote> = Vec::new();
    let mut held: Vec<Quote> = Vec::new();
    for (k, (si, at)) in attrs.iter().enumerate() {
        let Some(mut c) = at.content else { continue };
        // A clause that runs on through ", and" into another speaker's attribution ends
        // before it ("She said fathers would not be eligible, and when pressed …, the
        // mother of three replied, "…"").
        let lo = attrs.partition_point(|(s2, _)| s2 < si);
        let hi = attrs.partition_point(|(s2, _)| s2 <= si);
        if let Some(cut) = other_speaker_at(t, &attrs[lo..hi], at, c) {
            // At the coordination that opens the other speaker's clause.
            let head = t.get(c.start..cut).unwrap_or("");
            let at_join = JOINS
                .iter()
                .filter_map(|j| head.rfind(j))
                .max()
                .unwrap_or(head.len());
            let kept = head[..at_join].trim_end();
            c = Span::new(c.start, c.start + kept.len());
        }
        // A learned cue speaks for a clause, not a phrase ("welcomed the plan").
        // Any cue needs more than a bare noun ("expressed alarm").
        let words = t
            .get(c.start..c.end)
            .map_or(0, |x| x.split_whitespace().count());
        let short = words < if at.learned { 4 } else { MIN_WORDS };
        if used[k] || at.speaker.is_none() || short {
            continue;
        }
        // A partial quotation stands for its sentence, unless the clause of its own cue is a
        // reported clause ("that …") with more than the quoted words: "told radio that 150
        // were hurt and that rescuers were \"still digging\"". Under PolNeAR's convention
        // any clause saying more than the quoted words is one.
        let says_more = words_outside(t, c, &whole) >= 5;
        let reported = says_more
            && match conv {
                // Another cue's "that" clause holding no quoted words is speech of its own
                // ("admitted \"a painful defeat\" and said that he would step down").
                Convention::Storyline => {
                    after_that(t, c.start, lex)
                        && (partial_cue[k] || !whole.iter().any(|w| w.overlaps(&c)))
                }
                Convention::EveryClause => true,
            };
        if whole
            .iter()
            .any(|w| w.start < c.end && c.start < w.end && overlap(*w, c) * 2 > len(c))
        {
            continue;
        }
        if partial_sent[*si] && !reported {
            if says_more {
                held.push(quote(c, QuoteKind::Indirect, at, t));
            }
            continue;
        }
        // Cues of the same sentence only (attrs are in sentence order).
        let nested = attrs[lo..hi].iter().any(|(_, o)| {
            o.speaker.is_some()
                && o.content.is_some_and(|oc| {
                    oc.start <= at.cue.start && at.cue.end <= oc.end && len(oc) > len(c)
                })
        });
        if !nested {
            indirect.push(quote(c, QuoteKind::Indirect, at, t));
        }
    }
    out.extend(indirect);
    subjunctive_continuations(t, &sents, &whole, &attrs, lex, &mut out);
    out.extend(posts);
    out.sort_by_key(|q| (q.span.start, q.span.end));
    out.dedup_by(|b, a| a.span == b.span);
    resolve::names(a, &mut out, &attrs);
    resolve::names(a, &mut held, &attrs);
    // "fire officials said", "Forecasters said": speech of a group nobody names is no
    // quotation of its own; it still says who gives a figure.
    // (PolNeAR annotates them: its convention keeps them.)
    let (groups, named): (Vec<Quote>, Vec<Quote>) = out
        .into_iter()
        .partition(|q| conv == Convention::Storyline && unnamed_group(q, a));
    held.extend(groups);
    (named, held)
}

/// True when a quotation's speaker is a group described in lower case with no name in it
/// ("…, fire officials said", "some analysts"), not a pronoun; its first word may be
/// capitalised for opening the sentence ("Economists said …"), and a nationality or a
/// country may describe it ("Ukrainian officials").
fn unnamed_group(q: &Quote, a: &Article) -> bool {
    let t = a.text.as_str();
    let (Some(name), Some(sp)) = (q.speaker_name.as_deref(), q.speaker_span) else {
        return false;
    };
    let written = t.get(sp.start..sp.end).unwrap_or("");
    let words: Vec<&str> = written.split_whitespace().collect();
    let last = words.last().copied().unwrap_or("");
    // A nationality or a country describes the group without naming it ("Ukrainian
    // officials", "U.S. officials").
    let named = a
        .mentions
        .iter()
        .any(|m| m.span.overlaps(&sp) && !matches!(m.kind, EntityType::Norp | EntityType::Gpe));
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    // The first word may be capitalised for opening the sentence ("Economists said …").
    let k = a.sentences.partition_point(|s| s.span.start <= sp.start);
    let opens = k > 0 && {
        let s = a.sentences[k - 1].span;
        // After a dateline, and a header before the body ("date 2026-09-16 NEW YORK (AP) —").
        let from = crate::segment::words_start(t, a.body.start, s.start, s.end);
        [s.start, from]
            .iter()
            .any(|&f| t.get(f..sp.start).is_some_and(|h| h.trim().is_empty()))
    };
    let described = |i: usize, w: &str| {
        lower(w)
            || i == 0 && opens
            || a.mentions.iter().any(|m| {
                m.span.overlaps(&sp)
                    && matches!(m.kind, EntityType::Norp | EntityType::Gpe)
                    && t.get(m.span.start..m.span.end)
                        .is_some_and(|n| n.contains(w))
            })
    };
    q.kind != QuoteKind::Post
        && name == written
        && !named
        && (1..=3).contains(&words.len())
        && words.iter().enumerate().all(|(i, w)| described(i, w))
        && (lower(last)
            || words.len() == 1 && opens && !a.mentions.iter().any(|m| m.span.overlaps(&sp)))
        && last.chars().count() > 4
        && last.ends_with('s')
        && !last.ends_with("ss")
}

/// German reports speech in the subjunctive: a sentence with a verb in the Konjunktiv I,
/// no cue and no quotation of its own, right after someone's reported words in the same
/// paragraph, goes on with them ("Sprecherin Iryna Tkatschuk sagte, das Wasser gehe nur
/// langsam zurück. Der Pegel liege noch immer fast drei Meter über dem Normalwert.").
fn subjunctive_continuations(
    t: &str,
    sents: &[Span],
    whole: &[Span],
    attrs: &[(usize, Attr)],
    lex: &lexicon::Lexicon,
    out: &mut Vec<Quote>,
) {
    if !lex.has_kind(lexicon::Kind::Subjunctive) {
        return;
    }
    let mut added = Vec::new();
    let mut prev: Option<Quote> = None;
    for (si, s) in sents.iter().enumerate() {
        let own = out
            .iter()
            .rfind(|q| q.span.start < s.end && s.start < q.span.end);
        if let Some(q) = own {
            // A quotation with no cue of its own that goes on with the same speaker keeps
            // the report open ("…, sagte er. „Mein Bruder …“ Die Familie habe …").
            let goes_on = q.cue_span.is_none()
                && prev
                    .as_ref()
                    .is_some_and(|p| p.speaker_name == q.speaker_name && q.speaker_name.is_some());
            if !goes_on {
                prev =
                    (q.kind == QuoteKind::Indirect && q.speaker_span.is_some()).then(|| q.clone());
            }
            continue;
        }
        let Some(p) = prev.take() else {
            continue;
        };
        let same_paragraph = si > 0
            && t.get(sents[si - 1].end..s.start)
                .is_some_and(|g| !g.contains('\n'));
        let quiet = !attrs.iter().any(|(s2, _)| *s2 == si) && !whole.iter().any(|w| w.overlaps(s));
        // Tokenised only after a report, where a continuation can stand.
        if same_paragraph
            && quiet
            && text::tokens(t, *s)
                .iter()
                .any(|x| x.word && lex.is(&x.lower, lexicon::Kind::Subjunctive))
        {
            let body = t.get(s.start..s.end).unwrap_or("");
            let kept = body.trim_end_matches(|c: char| c == '.' || c.is_whitespace());
            let q = Quote {
                span: Span::new(s.start, s.start + kept.len()),
                cue: None,
                cue_span: None,
                via: Vec::new(),
                ..p.clone()
            };
            added.push(q);
            prev = Some(p);
        }
    }
    out.extend(added);
}

/// Adds to the lexicon's attributions `found` of a sentence the cues that the learned model
/// finds there (with their learned source and content), and gives a learned content to
/// lexicon cues that found none by rule.
fn add_learned(
    m: &learn::CueModel,
    t: &str,
    s: Span,
    toks: &[text::Tok],
    whole: &[Span],
    lex: &lexicon::Lexicon,
    found: &mut Vec<Attr>,
) {
    let quoted = learn::inside(toks, whole);
    let (cues, margin) = m.cues_and_margins(toks, &quoted, lex);
    // A lexicon cue the model is sure is no cue is a noun or another sense: "state
    // troopers", "the plan would …".
    found.retain(|f| {
        if f.learned {
            return true;
        }
        let best = toks
            .iter()
            .zip(&margin)
            .filter(|(x, _)| f.cue.start <= x.span.start && x.span.end <= f.cue.end)
            .map(|(_, &m)| m)
            .fold(f32::NEG_INFINITY, f32::max);
        best > -VETO
    });
    let ws = learn::Words::new(toks);
    let bt = learn::roles::Between::new(toks);
    for (r, _) in cues {
        let cue = Span::new(toks[r.0].span.start, toks[r.1 - 1].span.end);
        if found.iter().any(|f| overlap(f.cue, cue) > 0) {
            continue;
        }
        let prev = found.iter().rev().find(|f| f.cue.end <= cue.start);
        if let Some(mut at) = clause::learned(t, s, toks, r, lex, prev) {
            clause::with_roles(toks, &mut at, &m.roles(&ws, &bt, &quoted, r), lex, true);
            found.push(at);
        }
    }
    for at in found
        .iter_mut()
        .filter(|f| !f.learned && f.content.is_none())
    {
        let cs = toks.iter().position(|x| x.span.start >= at.cue.start);
        let ce = toks.iter().rposition(|x| x.span.end <= at.cue.end);
        if let (Some(cs), Some(ce)) = (cs, ce) {
            if cs <= ce {
                let r = m.roles(&ws, &bt, &quoted, (cs, ce + 1));
                clause::with_roles(toks, at, &r, lex, false);
            }
        }
    }
    found.sort_by_key(|f| f.cue.start);
}

/// Drops a learned cue whose clause opens with another cue's speaker and verb: it reports
/// nothing of its own ("fireworks on Friday: Republicans said they are …").
fn drop_cues_opening_another(t: &str, found: &mut Vec<Attr>) {
    let opens_other = |f: &Attr| {
        let Some(c) = f.content.filter(|_| f.learned) else {
            return false;
        };
        found.iter().any(|b| {
            !b.learned
                && b.cue.start > c.start
                && b.cue.end <= c.end
                && b.speaker.is_some_and(|sp| {
                    sp.start >= c.start
                        && sp.end <= b.cue.start
                        && t.get(c.start..sp.start)
                            .is_some_and(|g| g.trim().is_empty())
                })
        })
    };
    let drop: Vec<bool> = found.iter().map(opens_other).collect();
    let mut k = 0;
    found.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// A reported clause ends where a coordinated clause of speech with a subject of its own
/// begins: "agreed that the rules should change, but he said that discussion should wait".
/// Under PolNeAR's convention it also ends before a verb that shares its subject
/// ("announced the arrest of a man and said a curfew would continue"); ours keeps such a
/// clause whole, one quotation.
fn end_before_coordinated_cue(
    t: &str,
    toks: &[text::Tok],
    lex: &lexicon::Lexicon,
    conv: Convention,
    found: &mut [Attr],
) {
    for k in 0..found.len() {
        let Some(c) = found[k].content else { continue };
        let cut = found
            .iter()
            .filter(|b| b.cue.start >= c.start && b.cue.end <= c.end && b.content.is_some())
            .filter_map(|b| {
                // Its own subject, or the first clause's ("… and said").
                let own = b.speaker.filter(|sp| sp.start > c.start);
                if own.is_none() && conv == Convention::Storyline {
                    return None;
                }
                let first = own.map_or(b.cue.start, |sp| sp.start.min(b.cue.start));
                let j = toks.iter().rposition(|x| x.span.end <= first)?;
                (toks[j].span.start > c.start && lex.is(&toks[j].lower, lexicon::Kind::And))
                    .then_some(toks[j].span.start)
            })
            .min();
        if let Some(cut) = cut {
            let head = t.get(c.start..cut).unwrap_or("");
            let kept = head.trim_end_matches(|ch: char| ch == ',' || ch.is_whitespace());
            if !kept.is_empty() {
                found[k].content = Some(Span::new(c.start, c.start + kept.len()));
            }
        }
    }
}

/// True when `cue` is a form of "add" whose object is a thing or a number ("added 18,400
/// jobs", "adds a third line", "adding to fears") rather than words.
fn adds_a_thing(toks: &[text::Tok], cue: Span) -> bool {
    let Some(last) = toks
        .iter()
        .rposition(|x| x.span.end <= cue.end && x.span.start >= cue.start)
    else {
        return false;
    };
    if !matches!(
        toks[last].lower.as_str(),
        "add" | "adds" | "added" | "adding"
    ) {
        return false;
    }
    // "adding to signs that …": what is added to is no speech either.
    let next = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let k = last + 1;
    let k = if matches!(
        next(k),
        "only" | "just" | "nearly" | "about" | "some" | "around"
    ) {
        k + 1
    } else {
        k
    };
    matches!(next(k), "a" | "an" | "another" | "more" | "to")
        || next(k).starts_with(|c: char| c.is_ascii_digit())
}

/// True when the word right before `at` is a complementiser ("that", "dass", "que").
fn after_that(t: &str, at: usize, lex: &lexicon::Lexicon) -> bool {
    t.get(..at)
        .and_then(|h| h.split_whitespace().next_back())
        .is_some_and(|w| lex.is(&w.to_lowercase(), lexicon::Kind::That))
}

/// The words of `c` outside the quotations `whole`.
fn words_outside(t: &str, c: Span, whole: &[Span]) -> usize {
    let mut n = 0;
    let mut pos = c.start;
    let mut inside: Vec<Span> = whole.iter().copied().filter(|w| w.overlaps(&c)).collect();
    inside.sort_by_key(|w| w.start);
    for w in inside
        .iter()
        .chain(std::iter::once(&Span::new(c.end, c.end)))
    {
        let end = w.start.max(pos).min(c.end);
        n += t.get(pos..end).map_or(0, |x| x.split_whitespace().count());
        pos = pos.max(w.end);
    }
    n
}

fn len(s: Span) -> usize {
    s.end.saturating_sub(s.start)
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// The cue that attributes a direct quotation: right after its closing mark
/// (`"…," he said`) or right before its opening mark (`said Zelensky: "…"`).
fn adjacent(t: &str, m: &marks::Marked, attrs: &[(usize, Attr)], si: usize) -> Option<usize> {
    let near = |a: usize, b: usize| {
        t.get(a.min(b)..a.max(b)).is_some_and(|g| {
            g.len() <= 60 && !g.contains(['.', '!', '?', '"', '“', '”', '«', '»', '„'])
        })
    };
    attrs.iter().position(|(s, at)| {
        let lastb = at.speaker.map_or(at.cue.end, |sp| sp.end.max(at.cue.end));
        // "The New York Times reports:" ending the paragraph before the quotation.
        let introduced = *s + 1 == si
            && lastb <= m.open
            && t.get(lastb..m.open).is_some_and(|g| g.trim() == ":");
        // "“Does anybody know …?” Graham asked.": the question ended a sentence.
        let asked = *s == si + 1
            && t.get(m.content.start..m.content.end)
                .is_some_and(|c| c.ends_with(['?', '!']));
        if at.speaker.is_none() || (*s != si && !introduced && !asked) {
            return false;
        }
        let first = at
            .speaker
            .map_or(at.cue.start, |sp| sp.start.min(at.cue.start));
        introduced
            || (first >= m.close && near(m.close, first))
            || (!asked && lastb <= m.open && near(lastb, m.open))
    })
}

/// The cue after quotation `m` in sentence `si` that has no subject of its own, with the
/// speaker named before it: the one of the nearest named cue in this sentence or the one
/// before, else the last person the tagger found there.
fn dropped_subject(
    a: &Article,
    m: &marks::Marked,
    attrs: &[(usize, Attr)],
    sents: &[Span],
    si: usize,
) -> Option<(usize, Attr)> {
    let k = subjectless_cue(&a.text, m, attrs, si)?;
    let prev = attrs[..k].iter().rposition(|(s2, at)| {
        *s2 + 1 >= si && at.speaker.is_some() && at.named && at.cue.end <= m.open
    });
    let mut at = match prev {
        Some(p) => attrs[p].1.clone(),
        None => {
            let from = sents.get(si.saturating_sub(1)).map_or(0, |p| p.start);
            let person = a.mentions.iter().rev().find(|x| {
                x.kind == storyline_model::EntityType::Person
                    && x.span.start >= from
                    && x.span.end <= m.open
            })?;
            let mut at = attrs[k].1.clone();
            at.speaker = Some(person.span);
            at.name = Some(person.span);
            at.named = true;
            at
        }
    };
    at.cue = attrs[k].1.cue;
    Some((k, at))
}

/// Languages whose verbs need no subject ("declaró", "ha aggiunto").
const PRO_DROP: [&str; 3] = ["es", "it", "pt"];

/// The cue right after quotation `m` in sentence `si` that found no speaker ("…», declaró.").
fn subjectless_cue(
    t: &str,
    m: &marks::Marked,
    attrs: &[(usize, Attr)],
    si: usize,
) -> Option<usize> {
    attrs.iter().position(|(s, at)| {
        *s == si
            && at.speaker.is_none()
            && at.cue.start >= m.close
            && t.get(m.close..at.cue.start)
                .is_some_and(|g| g.len() <= 6 && g.chars().all(|c| !c.is_alphanumeric()))
    })
}

/// What joins a reported clause to another speaker's: "She said fathers would not be
/// eligible, and when pressed …, the mother of three replied", "…; the mayor said".
const JOINS: [&str; 3] = [", and ", "; ", ", with "];

/// Where the clause `c` reported by `at` runs on into another speaker's attribution of the
/// same sentence (`same`) through a coordination: the start of that speaker's words.
fn other_speaker_at(t: &str, same: &[(usize, Attr)], at: &Attr, c: Span) -> Option<usize> {
    same.iter()
        .filter_map(|(_, o)| {
            let sp = o.speaker?;
            let first = sp.start.min(o.cue.start);
            (o.cue.start > at.cue.end
                && c.start < first
                && o.cue.end <= c.end
                && t.get(c.start..first)
                    .is_some_and(|g| JOINS.iter().any(|j| g.contains(j))))
            .then_some(first)
        })
        .min()
}

/// The cue of the clause around a partial quotation: the outermost cue before it whose
/// reported clause holds it ("said that she is glad Clinton appeared … and looks forward to
/// “…”" is Brazile's, not what "appeared" reports), else the nearest before it in the
/// sentence, else the nearest after it.
fn clause_speaker(t: &str, m: &marks::Marked, attrs: &[(usize, Attr)], si: usize) -> Option<usize> {
    let mine: Vec<usize> = (0..attrs.len())
        .filter(|&k| attrs[k].0 == si && attrs[k].1.speaker.is_some())
        .collect();
    let lo = attrs.partition_point(|(s2, _)| *s2 < si);
    let hi = attrs.partition_point(|(s2, _)| *s2 <= si);
    // The clause a cue reports, up to another speaker's clause joined to it.
    let holds = |k: usize| {
        let at = &attrs[k].1;
        let c = at.content.filter(|_| at.cue.end <= m.open)?;
        let end = other_speaker_at(t, &attrs[lo..hi], at, c).unwrap_or(c.end);
        (c.start <= m.open && m.close <= end).then_some(end - c.start)
    };
    if let Some(k) = mine
        .iter()
        .copied()
        .filter_map(|k| Some((k, holds(k)?)))
        .max_by_key(|&(_, n)| n)
        .map(|(k, _)| k)
    {
        return Some(k);
    }
    let before = mine
        .iter()
        .rev()
        .copied()
        .find(|&k| attrs[k].1.cue.end <= m.open);
    before.or_else(|| {
        mine.iter()
            .copied()
            .find(|&k| attrs[k].1.cue.start >= m.close)
    })
}

/// The last attribution with a speaker and reported words after the last quotation and
/// before the quotation `m`, in `m`'s paragraph or the one before.
fn reported_since(
    attrs: &[(usize, Attr)],
    last: &Option<(usize, Quote)>,
    paras: &[Span],
    m: &marks::Marked,
) -> Option<usize> {
    let para_of = |pos: usize| paras.partition_point(|p| p.start <= pos).checked_sub(1);
    attrs.iter().rposition(|(_, at)| {
        at.speaker.is_some()
            && at.content.is_some()
            && at.cue.end <= m.open
            && last
                .as_ref()
                .is_none_or(|(_, q)| at.cue.start >= q.span.end)
            && para_of(at.cue.start).is_some_and(|p| p == m.para || p + 1 == m.para)
    })
}

fn quote(span: Span, kind: QuoteKind, at: &Attr, t: &str) -> Quote {
    Quote {
        span,
        kind,
        speaker: None,
        speaker_name: at.name.map(|n| resolve::at(t, n).to_string()),
        speaker_span: at.speaker,
        cue: Some(resolve::at(t, at.cue).to_string()),
        cue_span: Some(at.cue),
        via: at.via.clone(),
        date: None,
    }
}
