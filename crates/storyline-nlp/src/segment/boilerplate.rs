//! Boilerplate lines: share buttons, "Read more" and related-headline lists, newsletter and
//! cookie prompts, exchange-rate and stock tickers, copyright lines.
//!
//! Each paragraph (a line, in one-paragraph-per-line text) is judged on its own words; a
//! "Related:" or "See also" header also marks the short headline-like lines under it.

/// Lines longer than this are article prose, whatever words they hold.
const MAX_LEN: usize = 400;

/// Lines up to this long get every check; longer ones only when a cue word is in them.
const SHORT_LEN: usize = 160;

/// How far into a long line cue words are looked for.
const CUE_WINDOW: usize = 64;

/// A line of several words ending like a sentence.
fn ends_prose(line: &str) -> bool {
    line.ends_with(['.', '”', '"']) && line.bytes().filter(|&b| b == b' ').nth(5).is_some()
}

/// Cue fragments (without their first letter, so either case matches) of the prompts and
/// notices that run long.
const LONG_CUES: &[&str] = &[
    "ewsletter",
    "ookie",
    "ights reserved",
    "©",
    "ubscri",
    "дпис",
];

/// Why a line is boilerplate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Share, tweet, print buttons.
    Share,
    /// "Read more: …" with its headline.
    ReadMore,
    /// A "Related:" / "See also" header with a list under it.
    ListHeader,
    /// Newsletter and subscription prompts.
    Newsletter,
    /// Cookie notices.
    Cookie,
    /// Exchange-rate and stock tickers.
    Ticker,
    /// Copyright lines.
    Copyright,
}

const SHARE_WORDS: &[&str] = &[
    "share",
    "shares",
    "on",
    "this",
    "article",
    "story",
    "via",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "telegram",
    "email",
    "e-mail",
    "mail",
    "print",
    "reddit",
    "pinterest",
    "tweet",
    "copy",
    "link",
    "messenger",
    "flipboard",
    "comments",
    "comment",
    "save",
    "teilen",
    "compartir",
    "partager",
    "condividi",
    "delen",
    "udostępnij",
    "поделиться",
    "поширити",
];

const SHARE_CUES: &[&str] = &[
    "share",
    "tweet",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "email",
    "print",
    "telegram",
    "pinterest",
    "reddit",
    "teilen",
    "compartir",
    "partager",
    "condividi",
    "delen",
    "udostępnij",
    "поделиться",
    "поширити",
];

const LIST_HEADERS: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "read next",
    "see also",
    "related stories",
    "related articles",
    "related content",
    "related news",
    "related coverage",
    "related",
    "more on this",
    "more from",
    "recommended",
    "you may also like",
    "most read",
    "more stories",
    "top stories",
    "lesen sie auch",
    "mehr zum thema",
    "lee también",
    "leer más",
    "lire aussi",
    "à lire aussi",
    "leggi anche",
    "lees ook",
    "leia também",
    "czytaj też",
    "czytaj także",
    "читайте также",
    "читайте також",
];

const CURRENCIES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "RUB", "UAH", "PLN", "CAD", "AUD", "INR", "KRW",
    "TRY", "BRL", "MXN", "SEK", "NOK", "BTC", "ETH", "DJIA", "DAX", "FTSE", "NASDAQ", "S&P",
];

/// The line's boilerplate kind, if it is boilerplate.
pub(super) fn classify(line: &str) -> Option<Kind> {
    if line.len() > MAX_LEN {
        return None;
    }
    if maybe_ticker(line) && is_ticker(line) {
        return Some(Kind::Ticker);
    }
    if line.len() > SHORT_LEN || ends_prose(line) {
        // Prose-like lines: only prompts and notices, whose cue words come early or whose
        // last words are "all rights reserved".
        let head = line.get(..CUE_WINDOW).unwrap_or(line);
        let cued = LONG_CUES.iter().any(|c| head.contains(c))
            || line.trim_end_matches('.').ends_with("reserved");
        if !cued {
            return None;
        }
    }
    let lower = line.to_lowercase();
    let l = lower.trim_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '•' | '·'));
    let words: Vec<&str> = l
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '•' | '·' | '/' | ','))
        .filter(|w| !w.is_empty())
        .collect();
    let bare: Vec<&str> = words
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .collect();
    if !bare.is_empty()
        && bare.len() <= 12
        && bare.iter().all(|w| w.is_empty() || SHARE_WORDS.contains(w))
        && bare.iter().any(|w| SHARE_CUES.contains(w))
    {
        return Some(Kind::Share);
    }
    // "Follow Jane Doe on Twitter @janedoe."
    if l.starts_with("follow ")
        && words.len() <= 20
        && ["on twitter", "on facebook", "on instagram", "on x", "@"]
            .iter()
            .any(|k| l.contains(k))
    {
        return Some(Kind::Share);
    }
    for h in LIST_HEADERS {
        let Some(rest) = l.strip_prefix(h) else {
            continue;
        };
        let rest = rest.trim_start();
        if rest.is_empty() {
            return Some(Kind::ListHeader);
        }
        if let Some(after) = rest.strip_prefix([':', '—', '–', '-', '»', '>', '|']) {
            if after.trim().is_empty() {
                return Some(Kind::ListHeader);
            }
            if words.len() <= 30 {
                return Some(Kind::ReadMore);
            }
        }
    }
    let short = words.len() <= 40;
    if short
        && (l.contains("newsletter")
            || l.contains("inbox")
            || l.starts_with("subscribe")
            || l.starts_with("sign up")
            || l.starts_with("get our")
            || l.starts_with("join our")
            || l.contains("abonnieren")
            || l.starts_with("suscríbete")
            || l.starts_with("abonnez-vous")
            || l.starts_with("подпишитесь")
            || l.starts_with("підпишіться"))
    {
        return Some(Kind::Newsletter);
    }
    if words.len() <= 60
        && l.contains("cookie")
        && [
            "we use",
            "this site",
            "this website",
            "our site",
            "accept",
            "consent",
            "privacy",
            "browsing",
        ]
        .iter()
        .any(|k| l.contains(k))
    {
        return Some(Kind::Cookie);
    }
    if short
        && (l.starts_with('©')
            || l.starts_with("(c) ")
            || l.starts_with("copyright")
            || l.contains("all rights reserved")
            || l.contains("copyright ©")
            || l.contains("reprinted with permission")
            || l.contains("reprinted courtesy"))
    {
        return Some(Kind::Copyright);
    }
    None
}

/// Cheap test before [`is_ticker`]: tickers hold few lower-case letters (judged on the start
/// of the line).
fn maybe_ticker(line: &str) -> bool {
    let head = &line.as_bytes()[..line.len().min(48)];
    let (mut lower, mut digits) = (0, 0);
    for &b in head {
        lower += usize::from(b.is_ascii_lowercase());
        digits += usize::from(b.is_ascii_digit());
    }
    digits >= 2 && lower * 3 < head.len()
}

/// A line made mostly of currency codes, index names and numbers: "EUR/USD 1.0842 ▲0.12%".
fn is_ticker(line: &str) -> bool {
    let mut items = 0;
    let mut numbers = 0;
    let mut codes = 0;
    let mut other = 0;
    for item in line.split(|c: char| c.is_whitespace() || c == '/' || c == '|') {
        if item.is_empty() {
            continue;
        }
        items += 1;
        let core = item.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
        if core.is_empty() {
            continue; // arrows, signs
        }
        if core.chars().any(|c| c.is_ascii_digit())
            && core
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%'))
        {
            numbers += 1;
        } else if CURRENCIES.contains(&core)
            || (core.len() <= 5 && core.chars().all(|c| c.is_ascii_uppercase()))
        {
            codes += 1;
        } else {
            other += 1;
        }
    }
    items >= 3 && numbers >= 2 && codes >= 1 && other * 5 <= items
}

/// True for a short line that reads like a headline in a related-articles list.
pub(super) fn is_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (2..=20).contains(&words) && !line.ends_with('.')
}
