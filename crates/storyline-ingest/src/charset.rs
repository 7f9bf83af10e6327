//! Turning bytes into text: UTF-8 (with or without a byte-order mark), and the
//! single-byte Western charsets that old news sites still declare.

use crate::error::Error;

/// windows-1252 code points for bytes 0x80–0x9F (the rest is ISO-8859-1).
/// Undefined bytes map to the C1 control of the same value, as browsers do.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// A charset this crate can decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Charset {
    /// UTF-8.
    Utf8,
    /// windows-1252 (which HTML also uses for `iso-8859-1` and `us-ascii` labels).
    Windows1252,
    /// ISO-8859-15 (Latin-9, with the euro sign).
    Latin9,
}

impl Charset {
    /// The charset for a label such as `ISO-8859-1` or `"utf8"`.
    pub(crate) fn from_label(label: &str) -> Result<Charset, Error> {
        let l = label
            .trim()
            .trim_matches(|c| c == '"' || c == '\'')
            .to_ascii_lowercase();
        match l.as_str() {
            "utf-8" | "utf8" | "unicode-1-1-utf-8" => Ok(Charset::Utf8),
            "iso-8859-1" | "iso8859-1" | "iso_8859-1" | "latin1" | "latin-1" | "l1"
            | "windows-1252" | "cp1252" | "x-cp1252" | "us-ascii" | "ascii" | "cp819" => {
                Ok(Charset::Windows1252)
            }
            "iso-8859-15" | "iso8859-15" | "iso_8859-15" | "latin9" | "latin-9" | "l9" => {
                Ok(Charset::Latin9)
            }
            _ => Err(Error::Charset(l)),
        }
    }
}

/// Decodes `bytes`: a UTF-8 byte-order mark is dropped; valid UTF-8 is taken as is
/// whatever was declared (declarations are often wrong in that direction); otherwise
/// the declared single-byte charset is used, and with none the bytes are refused.
pub(crate) fn decode(bytes: Vec<u8>, declared: Option<&str>) -> Result<String, Error> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    let bad_at = match String::from_utf8(bytes) {
        Ok(s) => return Ok(s),
        Err(e) => (e.utf8_error().valid_up_to(), e.into_bytes()),
    };
    let (offset, bytes) = bad_at;
    match declared.map(Charset::from_label).transpose()? {
        Some(Charset::Windows1252) => Ok(bytes.iter().map(|&b| cp1252_char(b)).collect()),
        Some(Charset::Latin9) => Ok(bytes.iter().map(|&b| latin9(b)).collect()),
        Some(Charset::Utf8) | None => Err(Error::NotUtf8(offset)),
    }
}

/// Decodes UTF-16 text that starts with a byte-order mark (which says the order).
pub(crate) fn decode_utf16(bytes: &[u8]) -> Result<String, Error> {
    let little = bytes.starts_with(b"\xFF\xFE");
    let units = bytes.get(2..).unwrap_or_default().chunks(2).map(|c| {
        let pair = [
            c.first().copied().unwrap_or(0),
            c.get(1).copied().unwrap_or(0),
        ];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut out = String::with_capacity(bytes.len() / 2);
    for (i, c) in char::decode_utf16(units).enumerate() {
        out.push(c.map_err(|_| Error::NotUtf8(2 + 2 * i))?);
    }
    if out.contains('\0') {
        return Err(Error::Binary);
    }
    Ok(out)
}

/// The windows-1252 character for a byte.
pub(crate) fn cp1252_char(b: u8) -> char {
    match b {
        0x80..=0x9f => CP1252_HIGH
            .get(usize::from(b - 0x80))
            .copied()
            .unwrap_or(char::REPLACEMENT_CHARACTER),
        _ => char::from(b),
    }
}

fn latin9(b: u8) -> char {
    match b {
        0xa4 => '€',
        0xa6 => 'Š',
        0xa8 => 'š',
        0xb4 => 'Ž',
        0xb8 => 'ž',
        0xbc => 'Œ',
        0xbd => 'œ',
        0xbe => 'Ÿ',
        _ => char::from(b),
    }
}

/// Finds `charset=...` in the first few kilobytes of an HTML page (a `<meta charset>`
/// or `http-equiv` content type) or in an HTTP `Content-Type` header value.
pub(crate) fn sniff_declared(head: &[u8]) -> Option<String> {
    let head = head.get(..head.len().min(4096)).unwrap_or(head);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = lower.get(at..)?;
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let label: String = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .map(|&b| char::from(b))
        .collect();
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_declared_single_byte_charsets() {
        let cases: &[(&[u8], &str, &str)] = &[
            (b"caf\xe9 \x93quoted\x94", "windows-1252", "café “quoted”"),
            (b"caf\xe9", "ISO-8859-1", "café"),
            (b"\xa4 5", "iso-8859-15", "€ 5"),
        ];
        for (bytes, label, want) in cases {
            assert_eq!(decode(bytes.to_vec(), Some(label)).unwrap(), *want);
        }
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let le: Vec<u8> = b"\xFF\xFE"
            .iter()
            .copied()
            .chain("Café €".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = b"\xFE\xFF"
            .iter()
            .copied()
            .chain("Café €".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode_utf16(&le).unwrap(), "Café €");
        assert_eq!(decode_utf16(&be).unwrap(), "Café €");
        assert!(decode_utf16(b"\xFF\xFE\x00\xD8").is_err());
    }

    #[test]
    fn refuses_undeclared_or_unknown() {
        assert!(matches!(
            decode(b"caf\xe9".to_vec(), None),
            Err(Error::NotUtf8(3))
        ));
        assert!(matches!(
            decode(b"caf\xe9".to_vec(), Some("koi8-r")),
            Err(Error::Charset(_))
        ));
        assert_eq!(decode(b"\xEF\xBB\xBFok".to_vec(), None).unwrap(), "ok");
    }

    #[test]
    fn sniffs_meta_charset() {
        let cases: &[(&[u8], Option<&str>)] = &[
            (b"<meta charset=\"ISO-8859-1\">", Some("iso-8859-1")),
            (
                b"<meta http-equiv=Content-Type content='text/html; charset=windows-1252'>",
                Some("windows-1252"),
            ),
            (b"<p>nothing</p>", None),
        ];
        for (head, want) in cases {
            assert_eq!(sniff_declared(head).as_deref(), *want);
        }
    }
}
