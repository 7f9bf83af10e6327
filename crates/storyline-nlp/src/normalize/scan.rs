//! The two passes of normalisation: NFC composition, then whitespace and invisible characters.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::align::{Alignment, Builder};

/// NFC quick-check answer for one character, with the common ranges short-cut.
fn nfc_yes(c: char) -> bool {
    let u = c as u32;
    // Below U+0300 nothing decomposes or combines; U+2002..U+206F is punctuation and spaces.
    if u < 0x300 || (0x2002..=0x206F).contains(&u) {
        return true;
    }
    is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes && canonical_combining_class(c) == 0
}

/// True when every character is NFC-stable on its own, so the text is already in NFC.
pub(super) fn is_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // U+0300 is the first code point whose UTF-8 lead byte is 0xCC.
        if bytes[i] < 0xCC {
            i += 1;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
            i += 1;
            continue;
        };
        if !nfc_yes(c) {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

/// Composes `text` to NFC, cluster by cluster, keeping the alignment.
pub(super) fn nfc_pass(text: &str) -> (String, Alignment) {
    let mut b = Builder::new(text);
    let mut it = text.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        let mut end = start + c.len_utf8();
        let mut simple = nfc_yes(c);
        // A cluster runs up to the next character that starts a normalisation boundary.
        while let Some(&(j, d)) = it.peek() {
            if nfc_yes(d) {
                break;
            }
            simple = false;
            end = j + d.len_utf8();
            it.next();
        }
        if simple {
            continue;
        }
        let piece = text.get(start..end).unwrap_or("");
        let composed: String = piece.nfc().collect();
        if composed != piece {
            b.replace(start, end, &composed);
        }
    }
    b.finish()
}

/// What a character is to the whitespace pass.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ws {
    /// Ordinary text.
    Keep,
    /// Horizontal space.
    Space,
    /// A line break; `2` for a paragraph separator.
    Break(u8),
    /// Dropped.
    Drop,
}

/// Classifies the character `c` found at byte `i` of `text`.
fn classify(text: &str, i: usize, c: char) -> Ws {
    match c {
        '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => Ws::Break(1),
        // CR LF counts once: the CR is dropped when a LF follows.
        '\r' => {
            if text.as_bytes().get(i + 1) == Some(&b'\n') {
                Ws::Drop
            } else {
                Ws::Break(1)
            }
        }
        '\u{2029}' => Ws::Break(2),
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' | '\u{180E}' => Ws::Drop,
        '\u{200C}' | '\u{200D}' => {
            if joiner_needed(text, i, c) {
                Ws::Keep
            } else {
                Ws::Drop
            }
        }
        c if c.is_whitespace() => Ws::Space,
        c if c.is_control() => Ws::Drop,
        _ => Ws::Keep,
    }
}

/// Characters that are never shown (and so give a joiner nothing to join).
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' | '\u{180E}'
    ) || c.is_control()
}

/// ZWJ/ZWNJ shape the text only between two visible characters that are neither ASCII nor
/// spaces.
fn joiner_needed(text: &str, i: usize, c: char) -> bool {
    let before = text.get(..i).and_then(|s| s.chars().next_back());
    let after = text.get(i + c.len_utf8()..).and_then(|s| s.chars().next());
    let shapes =
        |x: Option<char>| x.is_some_and(|x| !x.is_ascii() && !x.is_whitespace() && !invisible(x));
    shapes(before) && shapes(after)
}

/// True for bytes that may need a change: ASCII whitespace and controls, and the lead bytes
/// of the non-ASCII characters [`classify`] treats specially (U+0080..U+00BF, U+1680,
/// U+180E, U+2000..U+206F, U+3000, U+FEFF).
const fn special_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[b' ' as usize] = true;
    t[0x7F] = true;
    t[0xC2] = true;
    t[0xE1] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
}

static SPECIAL: [bool; 256] = special_table();

/// True when an 8-byte chunk needs no change whatever surrounds it: printable ASCII only
/// (no control, no DEL, nothing above 0x7F), no two spaces in a row, and no space at either
/// end (a space there might meet another whitespace character next door).
#[inline]
fn plain_chunk(chunk: &[u8]) -> bool {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut w = [0u8; 8];
    w.copy_from_slice(chunk);
    let x = u64::from_le_bytes(w);
    if x & HIGH != 0 {
        return false;
    }
    // With no high bits set these tests are exact per byte.
    let control = x.wrapping_sub(LOW * 0x20) & !x & HIGH;
    let del = {
        let z = x ^ (LOW * 0x7F);
        z.wrapping_sub(LOW) & !z & HIGH
    };
    let spaces = {
        let z = x ^ (LOW * 0x20);
        z.wrapping_sub(LOW) & !z & HIGH
    };
    let ends = spaces & 0x8000_0000_0000_0080;
    control == 0 && del == 0 && ends == 0 && spaces & (spaces >> 8) == 0
}

/// Collapses whitespace and drops invisible characters (see the module docs).
pub(super) fn whitespace_pass(text: &str) -> (String, Alignment) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut b = Builder::new(text);
    let mut i = 0;
    while i < n {
        // Bulk-skip ordinary bytes: eight at a time while nothing in them can change.
        if i > 0 {
            while let Some(chunk) = bytes.get(i..i + 8) {
                if !plain_chunk(chunk) {
                    break;
                }
                i += 8;
            }
        }
        while i < n && !SPECIAL[bytes[i] as usize] {
            i += 1;
        }
        if i >= n {
            break;
        }
        let byte = bytes[i];
        // The common case: one space between two ordinary characters.
        if byte == b' '
            && i > 0
            && i + 1 < n
            && !SPECIAL[bytes[i + 1] as usize]
            && !b.nothing_before(i)
        {
            i += 1;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
            i += 1;
            continue;
        };
        let kind = classify(text, i, c);
        if kind == Ws::Keep {
            i += c.len_utf8();
            continue;
        }
        // A run of whitespace and dropped characters.
        let start = i;
        let mut breaks = 0u32;
        let mut spaces = false;
        let mut cur = Some((c, kind));
        while let Some((ch, k)) = cur {
            match k {
                Ws::Keep => break,
                Ws::Space => spaces = true,
                Ws::Break(w) => breaks += u32::from(w),
                Ws::Drop => {}
            }
            i += ch.len_utf8();
            cur = text
                .get(i..)
                .and_then(|s| s.chars().next())
                .map(|ch| (ch, classify(text, i, ch)));
        }
        let replacement = if b.nothing_before(start) || i >= n {
            ""
        } else if breaks >= 2 {
            "\n\n"
        } else if breaks == 1 {
            "\n"
        } else if spaces {
            " "
        } else {
            ""
        };
        if text.get(start..i) != Some(replacement) {
            b.replace(start, i, replacement);
        }
    }
    b.finish()
}
