//! Language identification.
//!
//! The writing system decides first: Hangul → `ko`, kana → `ja`, Han without kana → `zh`,
//! Devanagari → `hi`, Arabic script → `ar`, Greek → `el`, Hebrew → `he`, Thai → `th`,
//! Cyrillic → `uk` or `ru` by the letters only one of them has (і ї є ґ against ы э ъ).
//! Latin-script text is scored on the function words of en, de, es, it, nl, fr, pt and pl
//! and on letters only some of them use (ß, ñ, ã, ł…); when that is not decisive a trigram
//! model (`whatlang`, restricted to those eight) breaks the tie if it is confident.
//!
//! ```
//! use storyline_nlp::lang::identify;
//! assert_eq!(identify("Die Regierung hat am Montag neue Sanktionen beschlossen."), Some("de"));
//! assert_eq!(identify("Зеленський закликав партнерів посилити тиск."), Some("uk"));
//! assert_eq!(identify("2024-10-26"), None);
//! ```

mod latin;

/// At most this many bytes of a text are looked at.
const SAMPLE: usize = 4096;

/// Letters counted per writing system.
#[derive(Debug, Default)]
struct Counts {
    latin: usize,
    cyrillic: usize,
    greek: usize,
    arabic: usize,
    hebrew: usize,
    devanagari: usize,
    thai: usize,
    hangul: usize,
    kana: usize,
    han: usize,
    /// Cyrillic letters only Ukrainian uses.
    uk: usize,
    /// Cyrillic letters Russian uses and Ukrainian does not.
    ru: usize,
}

impl Counts {
    fn of(text: &str) -> Counts {
        let mut c = Counts::default();
        for ch in text.chars() {
            let u = ch as u32;
            if ch.is_ascii() {
                if ch.is_ascii_alphabetic() {
                    c.latin += 1;
                }
                continue;
            }
            match u {
                0x00C0..=0x024F | 0x1E00..=0x1EFF if ch.is_alphabetic() => c.latin += 1,
                0x0400..=0x052F => {
                    c.cyrillic += 1;
                    match ch {
                        'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => c.uk += 1,
                        'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ъ' | 'Ё' => c.ru += 1,
                        _ => {}
                    }
                }
                0x0370..=0x03FF | 0x1F00..=0x1FFF => c.greek += 1,
                0x0590..=0x05FF => c.hebrew += 1,
                0x0600..=0x06FF
                | 0x0750..=0x077F
                | 0x08A0..=0x08FF
                | 0xFB50..=0xFDFF
                | 0xFE70..=0xFEFF => c.arabic += 1,
                0x0900..=0x097F => c.devanagari += 1,
                0x0E00..=0x0E7F => c.thai += 1,
                0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => c.hangul += 1,
                0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => c.kana += 1,
                0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF => {
                    c.han += 1
                }
                _ => {}
            }
        }
        c
    }
}

/// The start of `text`, cut on a char boundary.
fn sample(text: &str) -> &str {
    if text.len() <= SAMPLE {
        return text;
    }
    let mut end = SAMPLE;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

/// The ISO 639-1 code of the text's language, if it can be told (`None` for empty text,
/// numbers, or text too short or too mixed to be sure).
pub fn identify(text: &str) -> Option<&'static str> {
    let text = sample(text);
    let c = Counts::of(text);
    let cjk = c.hangul + c.kana + c.han;
    let scripts = [
        (c.latin, "latin"),
        (c.cyrillic, "cyrillic"),
        (c.greek, "el"),
        (c.arabic, "ar"),
        (c.hebrew, "he"),
        (c.devanagari, "hi"),
        (c.thai, "th"),
        (cjk, "cjk"),
    ];
    let (n, script) = scripts.iter().copied().max_by_key(|(n, _)| *n)?;
    // CJK characters carry a word each; alphabetic scripts need a few letters.
    if n == 0 || (script != "cjk" && n < 3) {
        return None;
    }
    match script {
        "cjk" => Some(if c.hangul >= c.kana + c.han {
            "ko"
        } else if c.kana > 0 {
            "ja"
        } else {
            "zh"
        }),
        "cyrillic" => {
            if c.uk > c.ru {
                Some("uk")
            } else if c.ru > c.uk || c.cyrillic >= 20 {
                // Ukrainian text of any length has і, ї or є.
                Some("ru")
            } else {
                None
            }
        }
        "latin" => latin::identify(text),
        other => Some(other),
    }
}

#[cfg(test)]
mod tests;
