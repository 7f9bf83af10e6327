//! Numbers as written in news: digits with every separator convention (3,000 · 3.000 ·
//! 3 000 · 3’000 · 10.5 · 10,5), number words and scales in several languages (two · ten
//! thousand · a dozen · 1.5 million · zwei · zehntausend · 2 Mio. · dos mil · две тысячи ·
//! 10 тыс. · 1만 · 3천 · हज़ार · लाख).

/// A number found in text: byte range and value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The value.
    pub value: f64,
    /// True when written with digits (a bare "one" is rarely a claim).
    pub digits: bool,
    /// True when the digits look like a year, a time or a list ordinal rather than a count.
    pub year_like: bool,
}

/// Number words below twenty and the tens, per language.
fn word_value(w: &str) -> Option<f64> {
    let v = match w {
        "one" | "a" | "an" | "eins" | "ein" | "eine" | "uno" | "una" | "un" | "один" | "одна" => {
            1.0
        }
        "two" | "zwei" | "dos" | "due" | "twee" | "два" | "две" | "дві" | "двое" | "двоє"
        | "двух" | "двох" => 2.0,
        "three" | "drei" | "tres" | "tre" | "drie" | "три" | "трое" | "троє" | "трёх" | "трех"
        | "трьох" => 3.0,
        "four" | "vier" | "cuatro" | "quattro" | "четыре" | "чотири" | "четверо" | "четырёх"
        | "четырех" | "чотирьох" => 4.0,
        "five" | "fünf" | "cinco" | "cinque" | "vijf" | "пять" | "п'ять" | "п’ять" | "пятеро"
        | "п'ятеро" | "п’ятеро" => 5.0,
        "six" | "sechs" | "seis" | "sei" | "zes" | "шесть" | "шість" | "шестеро" => {
            6.0
        }
        "seven" | "sieben" | "siete" | "sette" | "zeven" | "семь" | "сім" | "семеро" => {
            7.0
        }
        "eight" | "acht" | "ocho" | "otto" | "восемь" | "вісім" => 8.0,
        "nine" | "neun" | "nueve" | "nove" | "negen" | "девять" | "дев'ять" | "дев’ять" => {
            9.0
        }
        "ten" | "zehn" | "diez" | "dieci" | "tien" | "десять" => 10.0,
        "eleven" | "elf" | "once" | "undici" | "одиннадцать" | "одинадцять" => {
            11.0
        }
        "twelve" | "zwölf" | "doce" | "dodici" | "twaalf" | "двенадцать" | "дванадцять" => {
            12.0
        }
        "dozen" | "dutzend" | "docena" | "dozzina" | "дюжина" => 12.0,
        // About so many: "una trentina", "una veintena" (see `lexicon::APPROX_NUMERALS`).
        "decina" | "decena" => 10.0,
        "ventina" | "veintena" => 20.0,
        "trentina" | "treintena" => 30.0,
        "quarantina" => 40.0,
        "cinquantina" => 50.0,
        "centinaio" | "centenar" => 100.0,
        "fifteen"
        | "fünfzehn"
        | "quince"
        | "quindici"
        | "vijftien"
        | "пятнадцать"
        | "п'ятнадцять"
        | "п’ятнадцять" => 15.0,
        "twenty" | "zwanzig" | "veinte" | "venti" | "twintig" | "двадцать" | "двадцять" => {
            20.0
        }
        "thirty" | "dreißig" | "treinta" | "trenta" | "dertig" | "тридцать" | "тридцять" => {
            30.0
        }
        "forty" | "vierzig" | "cuarenta" | "quaranta" | "veertig" | "сорок" => 40.0,
        "fifty"
        | "fünfzig"
        | "cincuenta"
        | "cinquanta"
        | "vijftig"
        | "пятьдесят"
        | "п'ятдесят"
        | "п’ятдесят" => 50.0,
        "hundred" | "hundert" | "cien" | "cento" | "honderd" | "сто" | "सौ" => 100.0,
        // Hindi ("एक" is also the indefinite article: see `extract`).
        "एक" => 1.0,
        "दो" => 2.0,
        "तीन" => 3.0,
        "चार" => 4.0,
        "पांच" | "पाँच" => 5.0,
        "छह" | "छः" => 6.0,
        "सात" => 7.0,
        "आठ" => 8.0,
        "नौ" => 9.0,
        "दस" => 10.0,
        "ग्यारह" => 11.0,
        "बारह" => 12.0,
        "पंद्रह" => 15.0,
        "बीस" => 20.0,
        "तीस" => 30.0,
        "चालीस" => 40.0,
        "पचास" => 50.0,
        _ => return None,
    };
    Some(v)
}

/// Scale words: "thousand", "Mio.", "млн", "лакх"…
pub fn scale_value(w: &str) -> Option<f64> {
    let w = w.trim_end_matches('.');
    let v = match w {
        "hundred" | "hundert" | "cien" | "cento" | "сотни" => 100.0,
        "thousand" | "tausend" | "mil" | "mila" | "mille" | "duizend" | "тысяча" | "тысячи"
        | "тысяч" | "тыс" | "тисяча" | "тисячі" | "тисяч" | "тис" | "हज़ार" | "हजार" => {
            1e3
        }
        "lakh" | "लाख" => 1e5,
        "million" | "millions" | "mio" | "millionen" | "millón" | "millones" | "milione"
        | "milioni" | "miljoen" | "млн" | "миллион" | "миллиона" | "миллионов" | "мільйон"
        | "мільйони" | "мільйонів" | "mln" => 1e6,
        "crore" | "करोड़" => 1e7,
        "billion"
        | "billions"
        | "mrd"
        | "milliarde"
        | "milliarden"
        | "mil millones"
        | "miliardo"
        | "miliardi"
        | "miljard"
        | "млрд"
        | "миллиард"
        | "миллиарда"
        | "миллиардов"
        | "мільярд"
        | "мільярди"
        | "мільярдів"
        | "bn" => 1e9,
        "trillion" | "billionen" | "трлн" => 1e12,
        _ => return None,
    };
    Some(v)
}

/// Korean and CJK numeric suffixes glued to digits: 1만, 3천, 2억.
fn cjk_scale(c: char) -> Option<f64> {
    Some(match c {
        '십' => 10.0,
        '백' => 100.0,
        '천' | '千' => 1e3,
        '만' | '万' | '萬' => 1e4,
        '억' | '億' => 1e8,
        _ => return None,
    })
}

/// Parses the digits at the start of `s` with any separator convention; returns the value
/// and the byte length consumed.
pub fn parse_digits(s: &str) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() {
        return None;
    }
    // Collect digit groups and the separators between them.
    let mut groups: Vec<(usize, usize)> = Vec::new(); // byte ranges of digit runs
    let mut seps: Vec<&str> = Vec::new();
    let mut i = 0;
    loop {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        groups.push((start, i));
        let rest = &s[i..];
        let sep = [",", ".", " ", "\u{a0}", "\u{202f}", "\u{2009}", "’", "'"]
            .into_iter()
            .find(|p| rest.starts_with(p));
        match sep {
            Some(p) if rest.as_bytes().get(p.len()).is_some_and(u8::is_ascii_digit) => {
                seps.push(p);
                i += p.len();
            }
            _ => break,
        }
    }
    // Walk separators from the left: a separator followed by exactly three digits (and not
    // a different separator than earlier thousands separators) groups thousands; a '.' or
    // ',' that does not is the decimal mark and ends the number.
    let digits_of = |r: (usize, usize)| &s[r.0..r.1];
    let mut int = String::from(digits_of(groups[0]));
    let mut frac = String::new();
    let mut end = groups[0].1;
    let mut thousands_sep: Option<&str> = None;
    for (k, sep) in seps.iter().enumerate() {
        let g = groups[k + 1];
        let d = digits_of(g);
        let is_group = d.len() == 3
            && thousands_sep.is_none_or(|t| t == *sep)
            && groups[0].1 - groups[0].0 <= 3;
        if is_group {
            thousands_sep = Some(sep);
            int.push_str(d);
            end = g.1;
        } else if (*sep == "." || *sep == ",") && thousands_sep != Some(sep) {
            frac.push_str(d);
            end = g.1;
            break;
        } else {
            break;
        }
    }
    let text = if frac.is_empty() {
        int
    } else {
        format!("{int}.{frac}")
    };
    text.parse::<f64>().ok().map(|v| (v, end))
}

fn lower_word(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// The words of `text` with their byte ranges (letters, digits and inner separators).
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let inner = (c == '.' || c == ',' || c == '’' || c == '\'')
            && start.is_some()
            && text[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || inner || (c == '\u{94d}' || c == '\u{93c}') {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Every number in `text`, in order.
pub fn find_numbers(text: &str) -> Vec<Number> {
    let ws = words(text);
    let mut out: Vec<Number> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let (s, e) = ws[i];
        let w = &text[s..e];
        let lw = lower_word(w);
        let mut value;
        let mut end = e;
        let digits;
        let mut year_like = false;
        if w.as_bytes()[0].is_ascii_digit() {
            let Some((v, len)) = parse_digits(&text[s..]) else {
                i += 1;
                continue;
            };
            value = v;
            end = s + len;
            digits = true;
            let raw = &text[s..end];
            year_like = raw.len() == 4
                && raw.bytes().all(|b| b.is_ascii_digit())
                && (1800.0..=2100.0).contains(&v);
            // Glued CJK scales: 1만, 3천, 1만여명, and compounds of them: 8만5천 is
            // 8 × 10,000 + 5 × 1,000.
            let mut total = 0.0;
            loop {
                let mut scaled = false;
                for c in text[end..].chars() {
                    match cjk_scale(c) {
                        Some(m) => {
                            value *= m;
                            end += c.len_utf8();
                            year_like = false;
                            scaled = true;
                        }
                        None => break,
                    }
                }
                if !scaled {
                    break;
                }
                total += value;
                value = 0.0;
                // Digits after a scale are another group when they carry a scale of their
                // own (8만5천), else the units that end the number (1천200 is 1,200).
                match parse_digits(&text[end..]) {
                    Some((v, len)) => {
                        value = v;
                        end += len;
                        if !text[end..].starts_with(|c| cjk_scale(c).is_some()) {
                            total += value;
                            value = 0.0;
                            break;
                        }
                    }
                    None => break,
                }
            }
            value += total;
            // A scale glued to the digits: "20mila", "5mln", "3bn".
            if let Some(m) = text
                .get(end..e)
                .filter(|t| !t.is_empty() && t.chars().all(char::is_alphabetic))
                .and_then(|t| scale_value(&lower_word(t)))
            {
                value *= m;
                end = e;
                year_like = false;
            }
            // Skip the words the digits covered (3 000 spans two words).
            while i + 1 < ws.len() && ws[i + 1].0 < end {
                i += 1;
            }
        } else if let Some(v) = word_value(&lw) {
            // "a"/"an" count only before a scale or "dozen".
            let next = ws.get(i + 1).map(|&(a, b)| lower_word(&text[a..b]));
            if (lw == "a"
                || lw == "an"
                || lw == "un"
                || lw == "una"
                || lw == "ein"
                || lw == "eine"
                || lw == "एक")
                && !next
                    .as_deref()
                    .is_some_and(|n| scale_value(n).is_some() || word_value(n) == Some(12.0))
            {
                i += 1;
                continue;
            }
            value = v;
            digits = false;
        } else if lw.ends_with("tausend") && lw.len() > "tausend".len() {
            // German compounds: zehntausend, zweitausend.
            match word_value(&lw[..lw.len() - "tausend".len()]) {
                Some(v) => {
                    value = v * 1e3;
                    digits = false;
                }
                None => {
                    i += 1;
                    continue;
                }
            }
        } else {
            i += 1;
            continue;
        }
        // Following scale words: "1.5 million", "ten thousand", "2 Mio.", "dos mil millones".
        while let Some(&(a, b)) = ws.get(i + 1) {
            let nw = lower_word(&text[a..b]);
            let gap = &text[end..a];
            if !gap.chars().all(|c| c == ' ' || c == '\u{a0}') {
                break;
            }
            if let Some(m) =
                scale_value(&nw).or_else(|| (nw == "dozen" && value < 12.0).then_some(12.0))
            {
                value *= m;
                end = b + usize::from(
                    text[b..].starts_with('.') && matches!(nw.as_str(), "mio" | "mrd" | "тыс"),
                );
                year_like = false;
                i += 1;
            } else {
                break;
            }
        }
        out.push(Number {
            start: s,
            end,
            value,
            digits,
            year_like,
        });
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(t: &str) -> Vec<f64> {
        find_numbers(t).iter().map(|n| n.value).collect()
    }

    #[test]
    fn separators() {
        assert_eq!(
            values("3,000 and 3.000 and 3 000 and 3’000"),
            vec![3000.0; 4]
        );
        assert_eq!(values("10.5 or 10,5"), vec![10.5, 10.5]);
        assert_eq!(values("1,234,567 people"), vec![1_234_567.0]);
        assert_eq!(values("1.5 million"), vec![1_500_000.0]);
    }

    #[test]
    fn words_and_scales() {
        assert_eq!(values("Two brigades"), vec![2.0]);
        assert_eq!(values("ten thousand troops"), vec![10_000.0]);
        assert_eq!(values("a dozen drones"), vec![12.0]);
        assert_eq!(values("zwei und zehntausend"), vec![2.0, 10_000.0]);
        assert_eq!(values("2 Mio. Euro"), vec![2e6]);
        assert_eq!(values("dos mil soldados"), vec![2000.0]);
        assert_eq!(values("две тысячи"), vec![2000.0]);
        assert_eq!(values("10 тыс. человек"), vec![10_000.0]);
        assert_eq!(values("1만여명"), vec![10_000.0]);
        assert_eq!(values("약 8만5천t"), vec![85_000.0]);
        assert_eq!(values("1억2천만 원"), vec![120_000_000.0]);
        assert_eq!(values("3천 명"), vec![3000.0]);
        assert_eq!(values("주민 1천200여명"), vec![1200.0]);
        assert_eq!(values("약 4천500㏊"), vec![4500.0]);
        assert_eq!(values("1만2000명"), vec![12_000.0]);
        assert_eq!(values("20mila sfollati"), vec![20_000.0]);
        assert_eq!(values("3bn dollars, 10km"), vec![3e9, 10.0]);
        assert_eq!(values("5 लाख लोग"), vec![500_000.0]);
        assert_eq!(values("कम से कम चार नाविक"), vec![4.0]);
        assert_eq!(values("एक भारतीय नाविक"), Vec::<f64>::new());
        assert_eq!(values("a man"), Vec::<f64>::new());
    }

    #[test]
    fn years_are_marked() {
        let n = find_numbers("in 2024 about 2,024 people");
        assert!(n[0].year_like && !n[1].year_like);
    }
}
