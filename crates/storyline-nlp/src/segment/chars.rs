//! Character classes the scanner needs, with ASCII answered from a table.

use unicode_normalization::char::is_combining_mark;

/// What an ASCII byte starts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Ascii {
    Space,
    Alpha,
    Digit,
    Other,
}

const fn ascii_table() -> [Ascii; 128] {
    let mut t = [Ascii::Other; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b == b' ' || (b >= 0x09 && b <= 0x0D) {
            Ascii::Space
        } else if b.is_ascii_alphabetic() {
            Ascii::Alpha
        } else if b.is_ascii_digit() {
            Ascii::Digit
        } else {
            Ascii::Other
        };
        i += 1;
    }
    t
}

/// Class of each ASCII byte.
pub(super) static ASCII: [Ascii; 128] = ascii_table();

/// The char starting at byte `i` of `text`, if `i` is in bounds and on a boundary.
#[inline]
pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The char ending at byte `i` of `text`.
#[inline]
pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Han ideographs: one token each (Chinese and Japanese write no spaces).
pub(super) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// Which kana a char is: 1 hiragana, 2 katakana, 0 neither. A run of one kind is a token.
pub(super) fn kana(c: char) -> u8 {
    match c as u32 {
        0x3040..=0x309F => 1,
        0x30A0..=0x30FA | 0x30FC..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => 2,
        _ => 0,
    }
}

/// A letter of a script without case (Devanagari, Hangul, Han): neither upper nor lower case.
#[inline]
pub(crate) fn is_uncased_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

/// A char that continues a word: letters, digits and combining marks of any script (Han and
/// kana aside) and the joiners that shape them.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    (c.is_alphanumeric() || is_combining_mark(c) || c == '\u{200C}' || c == '\u{200D}')
        && !is_han(c)
        && kana(c) == 0
}

/// A char of a word in any script, Han and kana included: a letter or digit, or a
/// combining mark (Devanagari vowel signs and virama: "टक्कर" is one word).
#[inline]
pub(crate) fn is_letter_or_mark(c: char) -> bool {
    c.is_alphanumeric() || is_word_char(c)
}

/// Punctuation outside ASCII (general category P*), by range.
pub(super) fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation()
            && !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~');
    }
    matches!(c as u32,
        0xA1 | 0xA7 | 0xAB | 0xB6 | 0xB7 | 0xBB | 0xBF | 0x37E | 0x387 | 0x55A..=0x55F
        | 0x589..=0x58A | 0x5BE | 0x5C0 | 0x5C3 | 0x5C6 | 0x5F3..=0x5F4 | 0x609..=0x60A
        | 0x60C..=0x60D | 0x61B | 0x61D..=0x61F | 0x66A..=0x66D | 0x6D4 | 0x964..=0x965
        | 0x970 | 0xE4F | 0xE5A..=0xE5B | 0x2010..=0x2027 | 0x2030..=0x2043 | 0x2045..=0x2051
        | 0x2053..=0x205E | 0x207D..=0x207E | 0x208D..=0x208E | 0x2E00..=0x2E4F
        | 0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F | 0x3030 | 0x303D | 0x30A0
        | 0x30FB | 0xFE10..=0xFE19 | 0xFE30..=0xFE52 | 0xFE54..=0xFE61 | 0xFE63 | 0xFE68
        | 0xFE6A..=0xFE6B | 0xFF01..=0xFF03 | 0xFF05..=0xFF0A | 0xFF0C..=0xFF0F
        | 0xFF1A..=0xFF1B | 0xFF1F..=0xFF20 | 0xFF3B..=0xFF3D | 0xFF3F | 0xFF5B | 0xFF5D
        | 0xFF5F..=0xFF65)
}

/// Chars that attach to the symbol before them: marks, variation selectors, joiners, skin
/// tones, tags.
pub(super) fn extends_symbol(c: char) -> bool {
    matches!(c as u32, 0xFE00..=0xFE0F | 0x200D | 0x20E3 | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F)
        || is_combining_mark(c)
}

/// Opening quotation marks and brackets (after which a sentence may start).
pub(super) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '{'
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '‹'
            | '「'
            | '『'
            | '（'
            | '¿'
            | '¡'
    )
}

/// Closing quotation marks and brackets (which stay with the sentence they end).
pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '”' | '’' | '»' | '›' | '」' | '』' | '）'
    )
}
