//! Paragraphs: blocks between blank lines, and single lines within a block unless the block
//! is hard-wrapped prose.

use storyline_model::Span;

/// A line: its span without surrounding whitespace (empty for a blank line).
#[derive(Clone, Copy)]
struct Line {
    span: Span,
}

const fn break_table() -> [bool; 256] {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0x0B] = true;
    t[0x0C] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
}

/// Bytes that may start a line break (`\n`, `\r`, VT, FF, and the lead bytes of NEL, U+2028
/// and U+2029).
static MAY_BREAK: [bool; 256] = break_table();

/// Skips 8-byte chunks made only of printable ASCII (no byte below 0x0E, none above 0x7F),
/// which cannot hold a line break; returns where byte-wise scanning must resume.
#[inline]
fn skip_plain(b: &[u8], mut i: usize) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let x = u64::from_le_bytes(w);
        // A byte below 0x0E, or a byte with its high bit set.
        let below = x.wrapping_sub(LOW * 0x0E) & !x & HIGH;
        if below != 0 || x & HIGH != 0 {
            break;
        }
        i += 8;
    }
    i
}

/// Length of the line break starting at `i`, if one does.
#[inline]
fn line_break(b: &[u8], i: usize) -> Option<usize> {
    match b[i] {
        b'\n' | b'\x0B' | b'\x0C' => Some(1),
        b'\r' => Some(if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 }),
        0xC2 if b.get(i + 1) == Some(&0x85) => Some(2),
        0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) => Some(3),
        _ => None,
    }
}

/// The line `text[start..end]` without surrounding whitespace.
fn trimmed(text: &str, start: usize, end: usize) -> Span {
    let line = text.get(start..end).unwrap_or("");
    let lead = line.len() - line.trim_start().len();
    let body = line.trim();
    Span::new(start + lead, start + lead + body.len())
}

/// True when a line ends where a paragraph may end.
fn ends_clause(text: &str, span: Span) -> bool {
    text.get(span.start..span.end)
        .and_then(|s| s.chars().next_back())
        .is_some_and(|c| {
            matches!(
                c,
                '.' | '!'
                    | '?'
                    | '…'
                    | '"'
                    | '”'
                    | '’'
                    | '»'
                    | ')'
                    | ':'
                    | ';'
                    | '。'
                    | '！'
                    | '？'
                    | '।'
                    | '|'
            )
        })
}

/// True when the line starts with a lower-case letter (it continues a sentence).
fn starts_lower(text: &str, span: Span) -> bool {
    text.get(span.start..span.end)
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_lowercase)
}

/// A block of several lines is hard-wrapped prose when its lines are short and most breaks
/// fall mid-sentence.
fn is_wrapped(text: &str, lines: &[Line]) -> bool {
    let max = lines.iter().map(|l| l.span.len()).max().unwrap_or(0);
    if max > 160 {
        return false;
    }
    let soft = lines
        .windows(2)
        .filter(|w| {
            !ends_clause(text, w[0].span)
                && (starts_lower(text, w[1].span) || w[0].span.len() * 10 >= max * 6)
        })
        .count();
    soft * 2 > lines.len() - 1
}

/// Paragraph spans of `text`, in order, never empty.
pub(super) fn split(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let mut paras = Vec::new();
    let mut block: Vec<Line> = Vec::new();
    let flush = |block: &mut Vec<Line>, paras: &mut Vec<Span>| {
        match block.len() {
            0 => {}
            1 => paras.push(block[0].span),
            _ if is_wrapped(text, block) => paras.push(Span::new(
                block[0].span.start,
                block[block.len() - 1].span.end,
            )),
            _ => paras.extend(block.iter().map(|l| l.span)),
        }
        block.clear();
    };
    let mut start = 0;
    let mut i = 0;
    while i <= b.len() {
        i = skip_plain(b, i);
        while i < b.len() && !MAY_BREAK[b[i] as usize] {
            i += 1;
        }
        let brk = if i == b.len() {
            Some(0)
        } else {
            line_break(b, i)
        };
        let Some(len) = brk else {
            i += 1;
            continue;
        };
        let span = trimmed(text, start, i);
        if span.is_empty() {
            flush(&mut block, &mut paras);
        } else {
            block.push(Line { span });
        }
        if i == b.len() {
            break;
        }
        i += len;
        start = i;
    }
    flush(&mut block, &mut paras);
    paras
}
