//! Quotation cues in Korean, where the verb comes last and endings are attached to words.
//!
//! * Direct: `최민석 청장은 "…"라고 말했다` — a quotative ending (`라고`, `고`) right after
//!   the closing mark, then a reporting verb. The cue runs from the ending to the verb.
//! * Indirect: `윤 대통령은 … 검토하겠다고 밝혔다` — a word ending in `다고`/`라고` before
//!   the verb; the content runs from after the speaker to that word, its `고` left out.
//! * Sourced: `해경에 따르면 …` — the source before `따르면` (its `에` left out), the content
//!   after it to the end of the sentence.
//!
//! The speaker of a verb is the phrase marked as topic or subject (`은`/`는`/`께서`, else
//! `이`/`가`) before the content; its title words are dropped from the name. Entries come
//! from `lexicons/cues/ko.txt`: `verb` entries match the start of a word, `that` and
//! `title` entries its end.

use storyline_model::Span;

use super::clause::Attr;
use super::lexicon::{Kind, Lexicon};
use super::text::Tok;

/// Topic and subject particles, the surer first.
const TOPIC: [&str; 3] = ["께서", "은", "는"];
const SUBJECT: [&str; 2] = ["이", "가"];

/// Words that may open a sentence before its speaker: times and connectives.
fn leading(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit())
        || matches!(
            w,
            "이날"
                | "지난"
                | "오늘"
                | "어제"
                | "앞서"
                | "또"
                | "또한"
                | "이어"
                | "한편"
                | "전날"
                | "현재"
                | "특히"
                | "그러나"
                | "하지만"
                | "다만"
                | "이에"
                | "당시"
                | "오전"
                | "오후"
        )
}

fn ends_with_any<'a>(w: &str, ends: &[&'a str]) -> Option<&'a str> {
    ends.iter()
        .copied()
        .filter(|e| w.len() > e.len() && w.ends_with(e))
        .max_by_key(|e| e.len())
}

fn inside(quoted: &[Span], s: Span) -> bool {
    quoted.iter().any(|q| q.start <= s.start && s.end <= q.end)
}

/// Where a phrase ending in token `k` begins: back over up to `max` more words, not past
/// `lo`, a punctuation mark, a leading time word or a quotation.
fn phrase_start(toks: &[Tok], lo: usize, k: usize, max: usize, quoted: &[Span]) -> usize {
    let mut from = k;
    while from > lo
        && k - from < max
        && toks[from - 1].word
        && !leading(&toks[from - 1].lower)
        && !inside(quoted, toks[from - 1].span)
    {
        from -= 1;
    }
    from
}

/// The speaker before token `hi`: (phrase span without its particle, name span, pronoun).
fn topic(toks: &[Tok], lo: usize, hi: usize, lex: &Lexicon, quoted: &[Span]) -> Option<Attr> {
    let found = |ends: &[&str]| {
        (lo..hi).find_map(|k| {
            let t = &toks[k];
            if !t.word || inside(quoted, t.span) {
                return None;
            }
            if lex.is(&t.lower, Kind::Person) {
                return Some((k, 0));
            }
            ends_with_any(&t.lower, ends).map(|p| (k, p.len()))
        })
    };
    let (k, cut) = found(&TOPIC).or_else(|| found(&SUBJECT))?;
    // The phrase: back from the marked word to the sentence start, a punctuation mark or
    // a leading time word, four words at most.
    let from = phrase_start(toks, lo, k, 3, quoted);
    let end = toks[k].span.end - cut;
    let speaker = Span::new(toks[from].span.start, end);
    let pronoun = lex.is(&toks[k].lower, Kind::Person);
    // Title words at the end of the phrase are not the name ("최민석 해양경찰청장").
    let titles: Vec<&str> = lex.single_words(Kind::Title).collect();
    let mut last = k;
    while last > from {
        let w = &toks[last].lower[..toks[last].lower.len() - if last == k { cut } else { 0 }];
        if titles.iter().any(|t| w.ends_with(t)) {
            last -= 1;
        } else {
            break;
        }
    }
    // Without a title the name is the phrase's head, its last word ("유조선 선사인 인도
    // 코로만델탱커스"); with one, the words before the title.
    let (name_start, name_end) = if last == k {
        (toks[k].span.start, end)
    } else {
        (toks[from].span.start, toks[last].span.end)
    };
    // "회사 측은" (the company's side): the word before "측" names who speaks.
    let (name_start, name_end) = if last == k && last > from && toks[k].lower.starts_with('측') {
        (toks[k - 1].span.start, toks[k - 1].span.end)
    } else {
        (name_start, name_end)
    };
    let nouns: Vec<&str> = lex.single_words(Kind::Noun).collect();
    let named = !pronoun && !nouns.iter().any(|n| toks[last].lower.starts_with(n));
    Some(Attr {
        cue: Span::new(0, 0),
        speaker: Some(speaker),
        name: Some(Span::new(name_start, name_end)),
        pronoun,
        named,
        via: Vec::new(),
        content: None,
        learned: false,
        anaphoric: false,
        inside: false,
    })
}

/// The attributions of a Korean sentence; see the module doc.
pub fn attributions(sent: Span, toks: &[Tok], lex: &Lexicon, quoted: &[Span]) -> Vec<Attr> {
    let verbs: Vec<&str> = lex.single_words(Kind::Verb).collect();
    let thats: Vec<&str> = lex.single_words(Kind::That).collect();
    let mut out = Vec::new();
    for i in 0..toks.len() {
        let t = &toks[i];
        if !t.word || inside(quoted, t.span) {
            continue;
        }
        if lex.is(&t.lower, Kind::Prep) {
            if let Some(a) = sourced(toks, i, quoted) {
                out.push(a);
            }
            continue;
        }
        if !verbs.iter().any(|v| t.lower.starts_with(v)) {
            continue;
        }
        // The quotative ending, at most two words (adverbs) before the verb.
        let Some(k) = (i.saturating_sub(3)..i).rev().find(|&k| {
            toks[k].word
                && (thats.contains(&toks[k].lower.as_str())
                    || ends_with_any(&toks[k].lower, &thats).is_some())
        }) else {
            continue;
        };
        let bare = thats.contains(&toks[k].lower.as_str());
        let after_mark = k > 0 && !toks[k - 1].word && toks[k - 1].span.end == toks[k].span.start;
        let cue = Span::new(toks[k].span.start, t.span.end);
        if bare && after_mark {
            // Direct: the quotation ends at the mark before the ending.
            let open = quoted
                .iter()
                .find(|q| q.end == toks[k - 1].span.end)
                .map_or(toks[k - 1].span.start, |q| q.start);
            let hi = toks.partition_point(|x| x.span.end <= open);
            if let Some(mut a) = topic(toks, 0, hi, lex, quoted) {
                a.cue = cue;
                out.push(a);
            } else {
                out.push(Attr {
                    cue,
                    speaker: None,
                    name: None,
                    pronoun: false,
                    named: false,
                    via: Vec::new(),
                    content: None,
                    learned: false,
                    anaphoric: false,
                    inside: false,
                });
            }
            continue;
        }
        if bare || after_mark {
            continue;
        }
        // Indirect: the content ends in the word before the verb, "고" or "며" left out.
        // The speaker between the content and the verb ("…실종됐다고 해양경찰청이
        // 밝혔다"; a subject there is the one who speaks), else before the content.
        let (mut a, mut c) = match topic(toks, k + 1, i, lex, quoted) {
            Some(a) => (a, 0),
            None => match topic(toks, 0, k, lex, quoted) {
                Some(a) => {
                    let speaker_end = a.speaker.map_or(sent.start, |s| s.end);
                    (a, toks.partition_point(|x| x.span.start < speaker_end))
                }
                None => continue,
            },
        };
        // The speaker's particle and the time words after it are not content; a time word
        // that opens the sentence before the content is part of it ("17일 … 실종됐다고
        // 해경이 밝혔다").
        let after_speaker = c > 0;
        while c < k && (!toks[c].word || after_speaker && leading(&toks[c].lower)) {
            c += 1;
        }
        // "강민철 지회장은 "…"이라며 … 하겠다고 밝혔다": a quotation closed by its own
        // quotative ending before the reported clause is not part of it.
        if let Some(q) = quoted
            .iter()
            .filter(|q| toks[c].span.start < q.end && q.end <= toks[k].span.start)
            .max_by_key(|q| q.end)
        {
            c = toks.partition_point(|x| x.span.start < q.end);
            while c < k && (!toks[c].word || thats.contains(&toks[c].lower.as_str())) {
                c += 1;
            }
        }
        let last = &toks[k];
        let cut = last
            .lower
            .chars()
            .last()
            .filter(|ch| matches!(ch, '고' | '며'))
            .map_or(0, char::len_utf8);
        let end = last.span.end - cut;
        if c > k || toks[c].span.start >= end {
            continue;
        }
        a.cue = cue;
        a.content = Some(Span::new(toks[c].span.start, end));
        out.push(a);
    }
    out
}

/// `…에 따르면 …`, `… 집계로 …`: the source is the phrase before the cue word `i`, the
/// content what follows.
fn sourced(toks: &[Tok], i: usize, quoted: &[Span]) -> Option<Attr> {
    let prev = toks.get(i.checked_sub(1)?)?;
    // "해경 집계로" (by the coast guard's count): a noun with the instrumental ending
    // follows its source bare.
    let src_end = if toks[i].lower.ends_with('로') {
        prev.span.end
    } else {
        prev.span.end - prev.lower.strip_suffix('에').map(|_| '에'.len_utf8())?
    };
    let from = phrase_start(toks, 0, i - 1, 3, quoted);
    let mut c = i + 1;
    while c < toks.len() && !toks[c].word {
        c += 1;
    }
    let end_tok = toks.iter().rposition(|t| t.word)?;
    if c > end_tok {
        return None;
    }
    let speaker = Span::new(toks[from].span.start, src_end);
    Some(Attr {
        cue: toks[i].span,
        speaker: Some(speaker),
        name: Some(speaker),
        pronoun: false,
        named: true,
        via: Vec::new(),
        content: Some(Span::new(toks[c].span.start, toks[end_tok].span.end)),
        learned: false,
        anaphoric: false,
        inside: false,
    })
}

/// True when the text from a quotation's close to a later cue holds only quotative
/// endings, spaces and other quotations: `"…"며 "…"고 말했다`.
pub fn joined(text: &str, close: usize, cue: usize, quoted: &[Span]) -> bool {
    let mut at = close;
    let mut words = 0;
    while at < cue {
        // The next quotation, its opening mark (up to three bytes) first.
        if let Some(q) = quoted
            .iter()
            .find(|q| (at..=at + 3).contains(&q.start) && q.end <= cue)
        {
            at = q.end;
            continue;
        }
        let Some(c) = text.get(at..).and_then(|r| r.chars().next()) else {
            return false;
        };
        if c.is_whitespace() || matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’' | '「' | '」')
        {
            at += c.len_utf8();
            continue;
        }
        if !crate::segment::is_letter_or_mark(c) {
            return false;
        }
        let word: String = text[at..]
            .chars()
            .take_while(|c| crate::segment::is_letter_or_mark(*c))
            .collect();
        words += 1;
        if words > 2
            || !matches!(
                word.as_str(),
                "며" | "라며" | "이라며" | "고" | "라고" | "이라고"
            )
        {
            return false;
        }
        at += word.len();
    }
    words >= 1
}

/// The word glued after the closing mark ending at `close` (the mark itself may still be
/// ahead of `close`).
fn word_after_close(text: &str, close: usize) -> &str {
    let rest = text.get(close..).unwrap_or("");
    let rest = rest.trim_start_matches(['"', '”', '’', '\'', '」', '』']);
    let end = rest
        .char_indices()
        .find(|(_, c)| !crate::segment::is_letter_or_mark(*c))
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

/// True when "며", "라며" or "이라며" (saying) follows the closing mark ending at `close`.
pub fn saying_after(text: &str, close: usize) -> bool {
    matches!(word_after_close(text, close), "며" | "라며" | "이라며")
}

/// True when a quotative ending (`라고`, `고`, …) follows the closing mark ending at `close`.
pub fn quotative_after(text: &str, close: usize, lex: &Lexicon) -> bool {
    let word = word_after_close(text, close);
    lex.single_words(Kind::That).any(|t| t == word)
}
