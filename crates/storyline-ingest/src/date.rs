//! Dates as inputs write them: ISO timestamps, `YYYY/MM/DD`, RFC 2822
//! (`Sat, 26 Oct 2024 08:00:00 GMT`) and `October 26, 2024`.

use storyline_model::Date;

/// The calendar date a metadata value names; the time and zone, if any, are dropped
/// (the date as written is the date the outlet meant).
pub(crate) fn parse(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(d) = iso_prefix(s) {
        return Some(d);
    }
    words(s)
}

/// `YYYY-MM-DD` or `YYYY/MM/DD` at the start, followed by nothing, `T`, or a space.
fn iso_prefix(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let head = b.get(..10)?;
    let (sep, sep2) = (*head.get(4)?, *head.get(7)?);
    if !(sep == b'-' || sep == b'/') || sep2 != sep {
        return None;
    }
    if !matches!(b.get(10), None | Some(b'T' | b't' | b' ' | b'Z' | b'z')) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let d = head.get(r)?;
        d.iter().all(u8::is_ascii_digit).then_some(())?;
        std::str::from_utf8(d).ok()?.parse().ok()
    };
    let year = i32::try_from(num(0..4)?).ok()?;
    Date::new(
        year,
        u8::try_from(num(5..7)?).ok()?,
        u8::try_from(num(8..10)?).ok()?,
    )
}

/// A day, a month name and a four-digit year among the first few words.
fn words(s: &str) -> Option<Date> {
    let (mut day, mut month, mut year) = (None, None, None);
    for w in s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .take(6)
    {
        let lw = w.to_ascii_lowercase();
        if let Some(m) = storyline_model::english_month(&lw) {
            month.get_or_insert(m);
        } else if w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()) {
            day.get_or_insert(w.parse::<u8>().ok()?);
        } else if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
            year.get_or_insert(w.parse::<i32>().ok()?);
        }
    }
    Date::new(year?, month?, day?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_usual_shapes() {
        let cases = [
            ("2024-10-26", Some("2024-10-26")),
            ("2024-10-26T08:00:00Z", Some("2024-10-26")),
            ("2024-10-26T23:30:00-05:00", Some("2024-10-26")),
            ("2024/10/26", Some("2024-10-26")),
            ("Sat, 26 Oct 2024 08:00:00 GMT", Some("2024-10-26")),
            ("October 26, 2024", Some("2024-10-26")),
            ("2024-02-30", None),
            ("2024-10-261", None),
            ("yesterday", None),
            ("", None),
            ("2024-1é-26", None),
        ];
        for (input, want) in cases {
            assert_eq!(
                parse(input).map(|d| d.to_string()).as_deref(),
                want,
                "{input}"
            );
        }
    }
}
