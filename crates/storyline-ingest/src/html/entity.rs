//! Character references: `&amp;`, `&#8217;`, `&#x2019;` and the named ones news
//! pages use. Unknown names are left as written.

use std::borrow::Cow;

/// Named references (without `&` and `;`) and their characters.
#[rustfmt::skip]
const NAMED: &[(&str, &str)] = &[
    ("amp", "&"), ("lt", "<"), ("gt", ">"), ("quot", "\""), ("apos", "'"),
    ("nbsp", "\u{a0}"), ("ndash", "–"), ("mdash", "—"), ("lsquo", "‘"), ("rsquo", "’"),
    ("sbquo", "‚"), ("ldquo", "“"), ("rdquo", "”"), ("bdquo", "„"), ("hellip", "…"),
    ("laquo", "«"), ("raquo", "»"), ("lsaquo", "‹"), ("rsaquo", "›"), ("bull", "•"),
    ("middot", "·"), ("copy", "©"), ("reg", "®"), ("trade", "™"), ("euro", "€"),
    ("pound", "£"), ("yen", "¥"), ("cent", "¢"), ("deg", "°"), ("plusmn", "±"),
    ("times", "×"), ("divide", "÷"), ("frac12", "½"), ("frac14", "¼"), ("frac34", "¾"),
    ("sect", "§"), ("para", "¶"), ("shy", "\u{ad}"), ("thinsp", "\u{2009}"),
    ("ensp", "\u{2002}"), ("emsp", "\u{2003}"), ("zwj", "\u{200d}"), ("zwnj", "\u{200c}"),
    ("prime", "′"), ("Prime", "″"), ("iexcl", "¡"), ("iquest", "¿"), ("szlig", "ß"),
    ("aacute", "á"), ("Aacute", "Á"), ("agrave", "à"), ("Agrave", "À"), ("acirc", "â"),
    ("atilde", "ã"), ("auml", "ä"), ("Auml", "Ä"), ("aring", "å"), ("aelig", "æ"),
    ("ccedil", "ç"), ("Ccedil", "Ç"), ("eacute", "é"), ("Eacute", "É"), ("egrave", "è"),
    ("Egrave", "È"), ("ecirc", "ê"), ("euml", "ë"), ("iacute", "í"), ("Iacute", "Í"),
    ("igrave", "ì"), ("icirc", "î"), ("iuml", "ï"), ("ntilde", "ñ"), ("Ntilde", "Ñ"),
    ("oacute", "ó"), ("Oacute", "Ó"), ("ograve", "ò"), ("ocirc", "ô"), ("otilde", "õ"),
    ("ouml", "ö"), ("Ouml", "Ö"), ("oslash", "ø"), ("Oslash", "Ø"), ("uacute", "ú"),
    ("Uacute", "Ú"), ("ugrave", "ù"), ("ucirc", "û"), ("uuml", "ü"), ("Uuml", "Ü"),
    ("yacute", "ý"), ("yuml", "ÿ"), ("scaron", "š"), ("Scaron", "Š"), ("zcaron", "ž"),
    ("Zcaron", "Ž"), ("oelig", "œ"), ("OElig", "Œ"),
];

/// Decodes the character references in `s`.
pub(crate) fn decode(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let tail = rest.get(i..).unwrap_or("");
        match reference(tail) {
            Some((text, len)) => {
                out.push_str(&text);
                rest = tail.get(len..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The reference at the start of `s` (which starts with `&`): its text and length.
fn reference(s: &str) -> Option<(String, usize)> {
    let semi = s.bytes().take(34).position(|b| b == b';')?;
    let name = s.get(1..semi)?;
    let len = semi + 1;
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        let c = match code {
            0x80..=0x9f => crate::charset::cp1252_char(code as u8),
            _ => char::from_u32(code)
                .filter(|c| *c != '\0')
                .unwrap_or('\u{fffd}'),
        };
        return Some((c.to_string(), len));
    }
    NAMED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| (t.to_string(), len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes() {
        let cases = [
            ("a &amp; b", "a & b"),
            ("&#8220;Yes&#x201D;", "“Yes”"),
            ("&#147;old&#148;", "“old”"),
            (
                "caf&eacute; &unknown; & alone &#0;",
                "café &unknown; & alone \u{fffd}",
            ),
            ("&#99999999999;", "&#99999999999;"),
            ("&", "&"),
            ("é&é;", "é&é;"),
        ];
        for (input, want) in cases {
            assert_eq!(decode(input), want, "{input}");
        }
    }
}
