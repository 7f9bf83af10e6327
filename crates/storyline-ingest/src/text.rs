//! Plain text in its three shapes: a headline line then the body; a ` date YYYY-MM-DD `
//! header glued to the body; or the body alone. `text` always stays the whole input,
//! and `body` is the byte range after the headline or header.

use storyline_model::{Date, DateSource, RawArticle};

/// Longest first line still taken for a headline, in characters and words.
const MAX_HEADLINE_CHARS: usize = 250;
const MAX_HEADLINE_WORDS: usize = 30;

/// Small words that end a wrapped line but never a headline.
const CONTINUATION_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
    "that", "which", "but",
];

/// Builds the article for a plain-text input.
pub(crate) fn parse(path: String, text: String) -> RawArticle {
    let mut raw = RawArticle {
        path,
        ..Default::default()
    };
    let mut start = 0;
    if let Some((date, after)) = date_header(&text) {
        raw.date = Some(date);
        raw.date_source = Some(DateSource::Header);
        start = after;
    }
    if let Some((title, after)) = headline(&text, start) {
        raw.title = Some(title.to_string());
        start = after;
        // A headline line, then the date header: "Floods rise\n date 2024-09-17 The…".
        if raw.date.is_none() {
            if let Some((date, after)) = text.get(start..).and_then(date_header) {
                raw.date = Some(date);
                raw.date_source = Some(DateSource::Header);
                start += after;
            }
        }
    }
    if start > 0 {
        raw.body = Some(start..text.len());
    }
    raw.text = text;
    raw
}

/// A leading `date YYYY-MM-DD` (or `Date: YYYY-MM-DD`) header: the date and the byte
/// offset where the body starts.
fn date_header(text: &str) -> Option<(Date, usize)> {
    let lead = text.len() - text.trim_start().len();
    let rest = text.get(lead..)?;
    let word = rest.get(..4)?;
    if !word.eq_ignore_ascii_case("date") {
        return None;
    }
    let mut at = lead + 4;
    if text.get(at..)?.starts_with(':') {
        at += 1;
    }
    let after_word = text.get(at..)?;
    let gap = after_word.len() - after_word.trim_start().len();
    if gap == 0 {
        return None;
    }
    at += gap;
    let date = Date::parse(text.get(at..at + 10)?)?;
    at += 10;
    let tail = text.get(at..)?;
    if !tail.is_empty() && !tail.starts_with(char::is_whitespace) {
        return None;
    }
    Some((date, at + (tail.len() - tail.trim_start().len())))
}

/// The first line from `start` when it reads as a headline: the trimmed line and the
/// offset of the first non-blank byte after it.
fn headline(text: &str, start: usize) -> Option<(&str, usize)> {
    let rest = text.get(start..)?;
    let nl = rest.find('\n')?;
    let line = rest.get(..nl)?.trim();
    let after = rest.get(nl + 1..)?;
    let next = after.trim_start();
    if line.is_empty() || next.is_empty() || !is_headline(line, next) {
        return None;
    }
    let body_at = start + nl + 1 + (after.len() - next.len());
    Some((line, body_at))
}

fn is_headline(line: &str, next: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if line.chars().count() > MAX_HEADLINE_CHARS
        || words.len() > MAX_HEADLINE_WORDS
        || !line.chars().any(char::is_alphabetic)
    {
        return false;
    }
    // A line the date header follows is the headline, whatever it ends with ("… превысило
    // 1,9 тыс.", "… to leave the U.S.").
    if date_header(next).is_some() {
        return true;
    }
    let bare = line.trim_end_matches(['"', '\'', '”', '’', ')', '»']);
    let last = bare.chars().last().unwrap_or(' ');
    if matches!(last, '.' | ',' | ';' | ':' | '…') {
        return false;
    }
    if matches!(last, '?' | '!') && (bare.len() < line.len() || words.len() > 15) {
        return false;
    }
    // A hard-wrapped paragraph: the line stops on a small word, or the next line
    // carries on in lower case.
    let last_word = words.last().map_or(String::new(), |w| w.to_lowercase());
    if CONTINUATION_WORDS.contains(&last_word.as_str()) {
        return false;
    }
    !next.starts_with(char::is_lowercase) || date_header(next).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, title, date, body start)
    fn check(input: &str, title: Option<&str>, date: Option<&str>, body: Option<&str>) {
        let raw = parse("t.txt".into(), input.to_string());
        assert_eq!(raw.text, input, "text must stay whole");
        assert_eq!(raw.title.as_deref(), title, "title of {input:?}");
        assert_eq!(
            raw.date.map(|d| d.to_string()).as_deref(),
            date,
            "{input:?}"
        );
        let got = raw.body.map(|r| &input[r]);
        assert_eq!(got, body, "body of {input:?}");
    }

    #[test]
    fn shapes() {
        check(
            "Port strike ends after three days\nDock workers returned on Monday.",
            Some("Port strike ends after three days"),
            None,
            Some("Dock workers returned on Monday."),
        );
        check(
            " date 2024-10-26 The mayor said on Friday that the bridge would reopen.",
            None,
            Some("2024-10-26"),
            Some("The mayor said on Friday that the bridge would reopen."),
        );
        check(
            "Date: 2023-03-01\n\nCouncil backs budget\n\nThe council voted 7-2.",
            Some("Council backs budget"),
            Some("2023-03-01"),
            Some("The council voted 7-2."),
        );
        check("The council voted 7-2 on Tuesday.", None, None, None);
        check(
            "The council voted 7-2.\nIt meets again in May.",
            None,
            None,
            None,
        );
        check(
            "The council met on Tuesday to\nvote on the budget.",
            None,
            None,
            None,
        );
        check(
            "Why did the bridge close?\nEngineers found cracks.",
            Some("Why did the bridge close?"),
            None,
            Some("Engineers found cracks."),
        );
        check(
            "Floods rise in the south\n date 2024-09-17 Rivers broke their banks.",
            Some("Floods rise in the south"),
            Some("2024-09-17"),
            Some("Rivers broke their banks."),
        );
        // A headline that ends with an abbreviation's period, before the date header.
        check(
            "Число случаев превысило 1,9 тыс.\n date 2026-03-05 МАПУТУ, 5 марта.",
            Some("Число случаев превысило 1,9 тыс."),
            Some("2026-03-05"),
            Some("МАПУТУ, 5 марта."),
        );
        check(" date 2024-13-01 Nothing here.", None, None, None);
        check("dated 2024-10-01 text", None, None, None);
        check("Headline only\n", None, None, None);
        check("", None, None, None);
    }
}
