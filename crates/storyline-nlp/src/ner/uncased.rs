//! Names in the scripts without case: Hangul (Korean) and Devanagari (Hindi).
//!
//! The tagger learned names from capital letters, which these scripts do not have, so it
//! leaves their words alone (`article.rs`). Here names come from each language's word lists
//! (`lexicons/ner/ko.txt`, `hi.txt`) and from the place tables of
//! [`storyline_model::places`]:
//!
//! * **places**: a country's or capital's name in the tables, or a place of the `place` list,
//!   up to three words ("दक्षिण कोरिया"), in Korean with the particle after it left out of
//!   the span ("러시아는" → "러시아"), and in Hindi a word before a `place_head` ("बालासोर
//!   जिले में");
//! * **organisations**: an `org` word; in Korean a word ending in an `org_suffix` after at
//!   least two syllables ("해양수산부"); in Hindi an `org_head` with up to two words before it
//!   ("विदेश मंत्रालय");
//! * **people by their title**: Korean writes the title after the name ("윤석열 대통령은",
//!   "최민석 해양경찰청장", "젤렌스키 우크라이나 대통령"), Hindi before it ("प्रधानमंत्री नरेंद्र
//!   मोदी ने"); the title becomes the person's role. A Korean name is one word of a family
//!   name and a given name, a family name alone ("윤 대통령"), or a foreign name of up to
//!   two words;
//! * **the same names again**: a later word that is a person's name or (of a name of
//!   several words) its last word, particles aside ("젤렌스키는", "मोदी ने").
//!
//! Which list applies goes by the script of each word, not by the article's language.

use std::collections::HashSet;
use std::sync::LazyLock;

use storyline_model::romanize::{is_devanagari, is_hangul_syllable};
use storyline_model::{Article, EntityType, Mention, Span, TokenKind};

/// One script's word lists.
#[derive(Debug, Default)]
struct Lists {
    particle: Vec<String>,
    title: Vec<String>,
    lead: HashSet<String>,
    honorific: HashSet<String>,
    stop: HashSet<String>,
    place: HashSet<String>,
    place_head: HashSet<String>,
    org: HashSet<String>,
    org_suffix: Vec<String>,
    org_head: HashSet<String>,
    verb_end: Vec<String>,
}

fn parse(data: &str) -> Lists {
    let mut l = Lists::default();
    for (class, list) in super::lang::classes(data) {
        // '_' joins the words of one name ("उत्तर_प्रदेश").
        let items = list.map(|w| w.replace('_', " "));
        match class {
            "particle" => l.particle.extend(items),
            "title" => l.title.extend(items),
            "lead" => l.lead.extend(items),
            "honorific" => l.honorific.extend(items),
            "stop" => l.stop.extend(items),
            "place" => l.place.extend(items),
            "place_head" => l.place_head.extend(items),
            "org" => l.org.extend(items),
            "org_suffix" => l.org_suffix.extend(items),
            "org_head" => l.org_head.extend(items),
            "verb_end" => l.verb_end.extend(items),
            _ => {}
        }
    }
    // Longest first, so that "에서는" is tried before "는".
    l.particle
        .sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
    l.title
        .sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
    l
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Script {
    Hangul,
    Devanagari,
}

fn script_of(w: &str) -> Option<Script> {
    let c = w.chars().find(|c| c.is_alphabetic())?;
    if is_hangul_syllable(c) {
        Some(Script::Hangul)
    } else if is_devanagari(c) {
        Some(Script::Devanagari)
    } else {
        None
    }
}

static KO: LazyLock<Lists> = LazyLock::new(|| parse(include_str!("../../lexicons/ner/ko.txt")));
static HI: LazyLock<Lists> = LazyLock::new(|| parse(include_str!("../../lexicons/ner/hi.txt")));

fn lists(s: Script) -> &'static Lists {
    match s {
        Script::Hangul => &KO,
        Script::Devanagari => &HI,
    }
}

/// A word of the article.
struct Word<'a> {
    text: &'a str,
    span: Span,
    script: Option<Script>,
    /// Only spaces between this word and the next.
    joined: bool,
}

/// The word and the words it may hold with a particle stripped, longest first.
fn stems<'w>(w: &'w str, l: &Lists) -> Vec<&'w str> {
    let mut out = vec![w];
    for p in &l.particle {
        if let Some(s) = w.strip_suffix(p.as_str()) {
            if !s.is_empty() {
                out.push(s);
            }
        }
    }
    out
}

struct Found {
    span: Span,
    kind: EntityType,
    /// Where the person's title is written.
    role: Option<Span>,
}

fn is_place(phrase: &str, l: &Lists) -> bool {
    let known = |p: &str| super::lang::country_name(p) || l.place.contains(p);
    // A Korean city, county or province with its suffix: "포항시", "제주도".
    known(phrase)
        || ['시', '군', '도']
            .iter()
            .find_map(|c| phrase.strip_suffix(*c))
            .is_some_and(|p| p.chars().count() >= 2 && l.place.contains(p))
}

/// The length in bytes of the place or organisation that begins word `i` (and the number
/// of words it takes), if any.
fn place_at(words: &[Word], i: usize, l: &Lists) -> Option<(usize, usize, EntityType)> {
    let mut best = None;
    let mut phrase = String::new();
    for n in 0..3 {
        let w = words.get(i + n)?;
        if n > 0 {
            if !words[i + n - 1].joined || w.script != words[i].script {
                break;
            }
            phrase.push(' ');
        }
        for s in stems(w.text, l) {
            let candidate = format!("{phrase}{s}");
            if is_place(&candidate, l) {
                best = Some((n + 1, s.len(), EntityType::Gpe));
                break;
            }
            // International bodies by their names in the table ("विश्व स्वास्थ्य संगठन",
            // "डब्ल्यूएचओ", "세계보건기구").
            if l.org.contains(&candidate)
                || storyline_model::bodies::body_exactly(&candidate).is_some()
            {
                best = Some((n + 1, s.len(), EntityType::Org));
                break;
            }
        }
        phrase.push_str(w.text);
    }
    best
}

/// True for a Korean word that ends in an organisation suffix after two syllables or more.
fn korean_org(stem: &str, l: &Lists) -> bool {
    l.org_suffix.iter().any(|s| {
        stem.strip_suffix(s.as_str())
            .is_some_and(|rest| rest.chars().count() >= 2)
    })
}

/// The title a Korean word is or ends in, particles aside: (stem, title).
fn korean_title<'w>(w: &'w str, l: &Lists) -> Option<&'w str> {
    stems(w, l).into_iter().find(|s| {
        l.title
            .iter()
            .any(|t| s.ends_with(t.as_str()) && !l.lead.contains(*s))
    })
}

fn is_family_name(w: &str) -> bool {
    w.chars().count() == 1 && storyline_model::names::korean_family(w).is_some()
}

/// True for a word that can be (part of) a Korean-written name: Hangul only, not a list
/// word, one to five syllables (one only for a family name).
fn korean_name_word(w: &Word, l: &Lists) -> bool {
    let n = w.text.chars().count();
    w.text.chars().all(is_hangul_syllable)
        && !l.lead.contains(w.text)
        && !is_place(w.text, l)
        && !l.org.contains(w.text)
        && korean_title(w.text, l).is_none()
        && !l.verb_end.iter().any(|e| w.text.ends_with(e.as_str()))
        && ((2..=5).contains(&n) || (n == 1 && is_family_name(w.text)))
}

/// Endings of Korean verb and noun forms that a foreign given name before a family name
/// does not have ("방문한 젤렌스키" is no name of two words).
const NOT_A_GIVEN_NAME_END: [char; 22] = [
    '한', '된', '는', '던', '을', '를', '의', '에', '고', '며', '서', '다', '면', '게', '지', '해',
    '인', '적', '로', '와', '과', '가',
];

/// Finds the names in an article's Hangul and Devanagari words (module doc) and adds those
/// that no mention already covers.
pub(crate) fn apply(a: &Article, mentions: &mut Vec<Mention>) {
    let text = a.text.as_str();
    if !text
        .chars()
        .any(|c| is_hangul_syllable(c) || is_devanagari(c))
    {
        return;
    }
    let mut words: Vec<Word> = Vec::new();
    for s in a.sentences.iter().filter(|s| !s.boilerplate) {
        let Some(toks) = a.tokens.get(s.tokens.clone()) else {
            continue;
        };
        let first = words.len();
        for t in toks {
            let w = text.get(t.span.start..t.span.end).unwrap_or("");
            words.push(Word {
                text: w,
                span: t.span,
                script: if t.kind == TokenKind::Word {
                    script_of(w)
                } else {
                    None
                },
                joined: false,
            });
        }
        // Words join only inside a sentence.
        for k in first..words.len().saturating_sub(1) {
            let gap = text
                .get(words[k].span.end..words[k + 1].span.start)
                .unwrap_or("x");
            words[k].joined = !gap.is_empty() && gap.chars().all(|c| c == ' ');
        }
    }
    if !words.iter().any(|w| w.script.is_some()) {
        return;
    }
    let mut found: Vec<Found> = Vec::new();
    let mut taken = vec![false; words.len()];
    // Places and organisations.
    let mut i = 0;
    while i < words.len() {
        let Some(script) = words[i].script else {
            i += 1;
            continue;
        };
        let l = lists(script);
        if let Some((n, len, kind)) = place_at(&words, i, l) {
            let last = &words[i + n - 1];
            found.push(Found {
                span: Span::new(words[i].span.start, last.span.start + len),
                kind,
                role: None,
            });
            taken[i..i + n].iter_mut().for_each(|t| *t = true);
            i += n;
            continue;
        }
        match script {
            Script::Hangul => {
                let stem = stems(words[i].text, l)
                    .into_iter()
                    .find(|s| korean_org(s, l) && korean_title(s, l).is_none());
                if let Some(stem) = stem {
                    found.push(Found {
                        span: Span::new(words[i].span.start, words[i].span.start + stem.len()),
                        kind: EntityType::Org,
                        role: None,
                    });
                    taken[i] = true;
                }
            }
            Script::Devanagari => {
                // A word before a kind of place: "बालासोर जिले में".
                let w = &words[i];
                if w.joined
                    && words
                        .get(i + 1)
                        .is_some_and(|n| l.place_head.contains(n.text))
                    && !l.stop.contains(w.text)
                    && !l.place_head.contains(w.text)
                    && !l.title.iter().any(|t| t == w.text)
                {
                    found.push(Found {
                        span: w.span,
                        kind: EntityType::Gpe,
                        role: None,
                    });
                    taken[i] = true;
                    i += 1;
                    continue;
                }
                if l.org_head.contains(words[i].text) {
                    let mut from = i;
                    while from > 0
                        && i - from < 2
                        && words[from - 1].joined
                        && words[from - 1].script == Some(Script::Devanagari)
                        && !l.stop.contains(words[from - 1].text)
                        && !l.title.iter().any(|t| t == words[from - 1].text)
                        && !taken[from - 1]
                    {
                        from -= 1;
                    }
                    // "तटरक्षक बल" (coast guard force): head words in a row end one name.
                    let mut to = i;
                    while words
                        .get(to + 1)
                        .is_some_and(|n| words[to].joined && l.org_head.contains(n.text))
                    {
                        to += 1;
                    }
                    if from < i {
                        found.push(Found {
                            span: Span::new(words[from].span.start, words[to].span.end),
                            kind: EntityType::Org,
                            role: None,
                        });
                        taken[from..=to].iter_mut().for_each(|t| *t = true);
                        i = to;
                    }
                }
            }
        }
        i += 1;
    }
    // People by their titles.
    for i in 0..words.len() {
        match words[i].script {
            Some(Script::Hangul) => korean_person(&words, i, &taken, &mut found),
            Some(Script::Devanagari) => hindi_person(&words, i, &taken, &mut found),
            None => {}
        }
    }
    // The same people again.
    let mut people: HashSet<String> = HashSet::new();
    for f in found.iter().filter(|f| f.kind == EntityType::Person) {
        let name = text.get(f.span.start..f.span.end).unwrap_or("");
        people.insert(name.to_string());
        let parts: Vec<&str> = name.split(' ').collect();
        if parts.len() > 1 {
            if let Some(last) = parts.last().filter(|w| w.chars().count() >= 2) {
                people.insert(last.to_string());
            }
        }
    }
    let covered = |found: &[Found], s: Span| found.iter().any(|f| f.span.overlaps(&s));
    for (i, w) in words.iter().enumerate() {
        let Some(script) = w.script else { continue };
        if taken[i] || covered(&found, w.span) {
            continue;
        }
        let l = lists(script);
        if let Some(stem) = stems(w.text, l).into_iter().find(|s| people.contains(*s)) {
            found.push(Found {
                span: Span::new(w.span.start, w.span.start + stem.len()),
                kind: EntityType::Person,
                role: None,
            });
        }
    }
    for f in found {
        if f.span.is_empty()
            || !f.span.is_valid_in(text)
            || mentions.iter().any(|m| m.span.overlaps(&f.span))
        {
            continue;
        }
        mentions.push(Mention {
            span: f.span,
            kind: f.kind,
            entity: None,
            resolved: false,
            role: f
                .role
                .and_then(|r| text.get(r.start..r.end))
                .map(str::to_string),
        });
    }
    mentions.sort_by_key(|m| m.span);
}

/// A Korean person before the title in word `i` ("윤석열 대통령은", "젤렌스키 우크라이나
/// 대통령", "한서연 해양경찰청 대변인").
fn korean_person(words: &[Word], i: usize, taken: &[bool], found: &mut Vec<Found>) {
    let l = &*KO;
    let Some(title) = korean_title(words[i].text, l) else {
        return;
    };
    // Places, organisations and "전" (former) between the name and the title are part of
    // the role.
    let mut j = i;
    while j > 0
        && words[j - 1].joined
        && i - j < 3
        && (taken[j - 1] || matches!(words[j - 1].text, "전" | "현" | "前" | "신임" | "초대"))
    {
        j -= 1;
    }
    if j == 0 || !words[j - 1].joined || taken[j - 1] || !korean_name_word(&words[j - 1], l) {
        return;
    }
    let korean_full_name = |w: &str| {
        let mut c = w.chars();
        c.next()
            .is_some_and(|f| is_family_name(f.encode_utf8(&mut [0; 4])))
            && (2..=4).contains(&w.chars().count())
    };
    // "서혜진 세빛케미칼 대표": a Korean full name, then a word that is none (the company),
    // then the title: the company belongs to the role.
    if j >= 2
        && !korean_full_name(words[j - 1].text)
        && words[j - 2].joined
        && !taken[j - 2]
        && korean_name_word(&words[j - 2], l)
        && korean_full_name(words[j - 2].text)
    {
        j -= 1;
    }
    let name = &words[j - 1];
    let mut start = name.span.start;
    let one_word_korean = korean_full_name(name.text);
    if !one_word_korean && name.text.chars().count() >= 2 && j >= 2 {
        let given = &words[j - 2];
        if given.joined
            && !taken[j - 2]
            && korean_name_word(given, l)
            && given.text.chars().count() >= 2
            && !given
                .text
                .chars()
                .last()
                .is_some_and(|c| NOT_A_GIVEN_NAME_END.contains(&c))
        {
            start = given.span.start;
        }
    }
    let span = Span::new(start, name.span.end);
    if found.iter().any(|f| f.span.overlaps(&span)) {
        return;
    }
    found.push(Found {
        span,
        kind: EntityType::Person,
        role: Some(Span::new(
            words[j].span.start,
            words[i].span.start + title.len(),
        )),
    });
}

/// A Hindi person after the title in word `i` ("प्रधानमंत्री नरेंद्र मोदी ने").
fn hindi_person(words: &[Word], i: usize, taken: &[bool], found: &mut Vec<Found>) {
    let l = &*HI;
    if !l.title.iter().any(|t| t == words[i].text) {
        return;
    }
    let mut j = i + 1;
    let mut k = i;
    while k < words.len() && words[k].joined && j < words.len() && j - i <= 4 {
        let w = &words[j];
        if w.script != Some(Script::Devanagari)
            || taken[j]
            || l.stop.contains(w.text)
            || l.title.iter().any(|t| t == w.text)
            || l.org_head.contains(w.text)
        {
            break;
        }
        k = j;
        j += 1;
    }
    // Honorifics open the name but are not one alone.
    let mut first = i + 1;
    while first <= k && first < words.len() && l.honorific.contains(words[first].text) {
        first += 1;
    }
    if k <= i || first > k {
        return;
    }
    let span = Span::new(words[first].span.start, words[k].span.end);
    if found.iter().any(|f| f.span.overlaps(&span)) {
        return;
    }
    found.push(Found {
        span,
        kind: EntityType::Person,
        role: Some(words[i].span),
    });
}
