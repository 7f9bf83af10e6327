//! The grammar: which token sequences are time expressions, and what they say.
//!
//! The rules are the same for every language; the words come from the language's
//! [`Lexicon`]. Each rule looks at token `i` and returns the expression and the index
//! after it; the longest match wins.

use super::expr::Expr;
use super::lexicon::Lexicon;
use super::tokens::{Tok, TokKind};

/// One rule of the grammar: the match at a token, if any.
type Rule<'g> = fn(&Grammar<'g>, usize) -> Option<(usize, Expr)>;

/// A match: first token, one past the last token, and the expression.
pub type Hit = (usize, usize, Expr);

/// The grammar over one text's tokens.
pub struct Grammar<'a> {
    /// The tokens.
    pub toks: &'a [Tok],
    /// The language's words.
    pub lex: &'a Lexicon,
    /// Month and weekday names are capitalised in this language.
    cased: bool,
    /// Numeric dates put the month first (`10/26/2024`).
    mdy: bool,
}

impl<'a> Grammar<'a> {
    /// A grammar over `toks` with the words of `lex`.
    pub fn new(toks: &'a [Tok], lex: &'a Lexicon) -> Self {
        Grammar {
            toks,
            lex,
            cased: lex.words("option").any(|e| e.key == "cased"),
            mdy: lex.words("option").any(|e| e.key == "mdy"),
        }
    }

    /// Every expression in the text, left to right, without overlaps.
    pub fn scan(&self) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if self.toks[i].kind == TokKind::Punct {
                i += 1;
                continue;
            }
            match self.at(i) {
                Some((end, e)) if end > i => {
                    out.push((i, end, e));
                    i = end;
                }
                _ => i += 1,
            }
        }
        out
    }

    /// The longest expression starting at `i`, with an optional vagueness prefix
    /// ("early", "earlier this week", "the end of").
    pub fn at(&self, i: usize) -> Option<(usize, Expr)> {
        let plain = self.core(i);
        if let Some((_, j)) = self.lex.get(self.toks, i, "fuzzy") {
            if let Some((end, e)) = self.core(j) {
                if plain.as_ref().is_none_or(|(pe, _)| end > *pe) {
                    return Some((end, e));
                }
            }
        }
        plain
    }

    fn core(&self, i: usize) -> Option<(usize, Expr)> {
        let rules: [Rule<'a>; 17] = [
            Self::iso,
            Self::numeric,
            Self::month_first,
            Self::day_first,
            Self::suffixed,
            Self::weekday,
            Self::relative,
            Self::modified,
            Self::ago,
            Self::duration,
            Self::quarter,
            Self::year_ago,
            Self::season,
            Self::year,
            Self::clock,
            Self::vague,
            Self::set,
        ];
        let mut best: Option<(usize, Expr)> = None;
        for r in rules {
            if let Some((end, e)) = r(self, i) {
                if best.as_ref().is_none_or(|(b, _)| end > *b) {
                    best = Some((end, e));
                }
            }
        }
        best
    }

    // ---- pieces -------------------------------------------------------------------

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    /// True when token `i` is the punctuation `s`.
    fn punct(&self, i: usize, s: &str) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == TokKind::Punct && t.is(s))
    }

    /// True when token `i` touches the one before it.
    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.space_before)
    }

    fn is_dash(&self, i: usize) -> bool {
        ["-", "–", "—", "/"].iter().any(|d| self.punct(i, d))
    }

    /// Skips one optional abbreviation dot right after token `i - 1`.
    fn dot(&self, i: usize) -> usize {
        if self.punct(i, ".") && self.glued(i) {
            i + 1
        } else {
            i
        }
    }

    /// A number: digits, or number words ("twenty-four"); `None` value for "several".
    pub fn number(&self, i: usize) -> Option<(Option<i64>, usize)> {
        let t = self.tok(i)?;
        if let Some(n) = t.num() {
            // "3,000" and "1.5" are not counts of time units here.
            if (self.punct(i + 1, ",") || self.punct(i + 1, ".")) && self.glued(i + 1) {
                if self
                    .tok(i + 2)
                    .is_some_and(|t| t.kind == TokKind::Num && t.space_before)
                {
                    return Some((Some(n), i + 1));
                }
                if self.tok(i + 2).is_some_and(|t| t.kind == TokKind::Num) {
                    return None;
                }
            }
            return Some((Some(n), i + 1));
        }
        if let Some((k, j)) = self.lex.get(self.toks, i, "number") {
            let n: i64 = k.parse().ok()?;
            // "twenty-four", "twenty four"
            if (20..100).contains(&n) && n % 10 == 0 {
                let k2 = if self.punct(j, "-") { j + 1 } else { j };
                if let Some((u, e)) = self.lex.get(self.toks, k2, "number") {
                    if let Ok(u) = u.parse::<i64>() {
                        if (1..10).contains(&u) {
                            return Some((Some(n + u), e));
                        }
                    }
                }
            }
            return Some((Some(n), j));
        }
        self.lex
            .get(self.toks, i, "vaguenum")
            .map(|(_, j)| (None, j))
    }

    /// A month name; the flag says whether it is ambiguous on its own ("may").
    fn month(&self, i: usize) -> Option<(u8, usize, bool)> {
        let (k, j) = self.lex.get(self.toks, i, "month")?;
        let m: u8 = k.parse().ok()?;
        let t = self.tok(i)?;
        let weak = self.lex.has(self.toks, i, "ambiguous") || (self.cased && !t.upper);
        let abbr = j == i + 1 && t.norm.chars().count() <= 4;
        Some((m, if abbr { self.dot(j) } else { j }, weak))
    }

    /// A day of the month, 1–31, with an optional ordinal suffix ("22nd").
    fn day(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        let d = t.num()?;
        if t.norm.len() > 2 || !(1..=31).contains(&d) {
            return None;
        }
        let mut j = i + 1;
        if self.glued(j) {
            if let Some((_, e)) = self.lex.get(self.toks, j, "day_suffix") {
                j = e;
            }
        }
        Some((d as u8, j))
    }

    /// A four-digit year.
    fn year_num(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        let y = t.num()?;
        if t.norm.len() == 4 && (1000..=2999).contains(&y) {
            Some((y as i32, i + 1))
        } else {
            None
        }
    }

    /// `[,] [of] YEAR` after a date.
    fn trailing_year(&self, i: usize) -> Option<(i32, usize)> {
        let mut j = i;
        if self.punct(j, ",") {
            j += 1;
        }
        if let Some((_, e)) = self.lex.get(self.toks, j, "of") {
            j = e;
        }
        let (y, e) = self.year_num(j)?;
        // "October 25, 2024" but not "Oct. 22, 2,000 people".
        if self.punct(e, ",") && self.tok(e + 1).is_some_and(|t| t.kind == TokKind::Num) {
            return None;
        }
        Some((y, e))
    }

    /// A part of the day after a day expression ("Friday morning").
    fn part(&self, i: usize) -> Option<(String, usize)> {
        self.lex
            .get(self.toks, i, "part")
            .map(|(k, j)| (k.to_string(), j))
    }

    fn modifier(&self, i: usize) -> Option<(i32, usize)> {
        let (k, j) = self.lex.get(self.toks, i, "mod")?;
        Some((k.parse().ok()?, j))
    }

    fn unit(&self, i: usize) -> Option<(String, usize)> {
        let (k, j) = self.lex.get(self.toks, i, "unit")?;
        Some((k.to_string(), j))
    }

    // ---- rules --------------------------------------------------------------------

    /// `2024-10-26`
    fn iso(&self, i: usize) -> Option<(usize, Expr)> {
        let (y, j) = self.year_num(i)?;
        if !(self.punct(j, "-") && self.glued(j) && self.glued(j + 1)) {
            return None;
        }
        let m = self.tok(j + 1)?.num()?;
        if !(self.punct(j + 2, "-") && self.glued(j + 2) && self.glued(j + 3)) {
            return (self.tok(j + 1)?.norm.len() == 2 && (1..=12).contains(&m))
                .then(|| (j + 2, Expr::fixed(format!("{y:04}-{m:02}"), "DATE")));
        }
        let d = self.tok(j + 3)?.num()?;
        storyline_model::Date::new(y, m as u8, d as u8)?;
        Some((j + 4, Expr::fixed(format!("{y:04}-{m:02}-{d:02}"), "DATE")))
    }

    /// `10/26/2024` (month first where the language says so), `26.10.2024`.
    fn numeric(&self, i: usize) -> Option<(usize, Expr)> {
        let a = self.tok(i)?.num()?;
        let sep = self.tok(i + 1)?.norm.clone();
        if !(sep == "/" || sep == ".") || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let b = self.tok(i + 2)?.num()?;
        if !(self.punct(i + 3, &sep) && self.glued(i + 3) && self.glued(i + 4)) {
            return None;
        }
        let (y, e) = self.year_num(i + 4)?;
        let (m, d) = if sep == "/" && self.mdy {
            (a, b)
        } else {
            (b, a)
        };
        let date = storyline_model::Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)?;
        Some((e, Expr::fixed(date.to_string(), "DATE")))
    }

    /// `Oct. 22`, `October 27–28`, `October 25, 2024`, `October 2024`, `October`.
    fn month_first(&self, i: usize) -> Option<(usize, Expr)> {
        let (m, j, weak) = self.month(i)?;
        if let Some((d, k)) = self.day(j) {
            // "May 5:30" is a time, "Oct. 22" a day.
            let clock = self.punct(k, ":")
                && self.glued(k + 1)
                && self.tok(k + 1).is_some_and(|t| t.kind == TokKind::Num);
            if !clock {
                let (to, k) = match (self.is_dash(k), self.day(k + 1)) {
                    (true, Some((d2, k2))) if d2 > d => (Some((m, d2)), k2),
                    _ => (None, k),
                };
                let (y, k) = match self.trailing_year(k) {
                    Some((y, e)) => (Some(y), e),
                    None => (None, k),
                };
                let time = None;
                return Some((k, Expr::Day { y, m, d, to, time }));
            }
        }
        if let Some((y, k)) = self.trailing_year(j) {
            return Some((
                k,
                Expr::Month {
                    y: Some(y),
                    m,
                    shift: None,
                },
            ));
        }
        let after_prep = i > 0 && self.lex.has(self.toks, i - 1, "month_prep");
        if weak && !(after_prep && self.tok(i).is_some_and(|t| t.upper)) {
            return None;
        }
        Some((
            j,
            Expr::Month {
                y: None,
                m,
                shift: None,
            },
        ))
    }

    /// `25 October 2024`, `27 октября`, `8. Dezember`, `27 de noviembre de 2024`, `27–28 October`.
    fn day_first(&self, i: usize) -> Option<(usize, Expr)> {
        let (d, mut j) = self.day(i)?;
        let mut to = None;
        if self.is_dash(j) {
            if let Some((d2, k)) = self.day(j + 1) {
                if d2 > d {
                    to = Some(d2);
                    j = k;
                }
            }
        }
        if self.punct(j, ".") && self.glued(j) {
            j += 1;
        }
        if let Some((_, e)) = self.lex.get(self.toks, j, "of") {
            j = e;
        }
        let (m, k, _) = self.month(j)?;
        let (y, k) = match self.trailing_year(k) {
            Some((y, e)) => (Some(y), e),
            None => (None, k),
        };
        let to = to.map(|d2| (m, d2));
        Some((
            k,
            Expr::Day {
                y,
                m,
                d,
                to,
                time: None,
            },
        ))
    }

    /// Numbers with unit suffixes: `2024년 12월 3일`, `12월 3일`, `12월`.
    fn suffixed(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        let mut y = None;
        if let Some((yy, e)) = self.year_num(j) {
            if let Some((_, e2)) = self.lex.get(self.toks, e, "year_suffix") {
                y = Some(yy);
                j = e2;
            }
        }
        let month = self
            .tok(j)
            .and_then(Tok::num)
            .filter(|m| (1..=12).contains(m))
            .and_then(|m| Some((m as u8, self.lex.get(self.toks, j + 1, "month_suffix")?.1)));
        let Some((m, e)) = month else {
            return y.map(|y| (j, Expr::fixed(format!("{y:04}"), "DATE")));
        };
        let day = self
            .day(e)
            .and_then(|(d, _)| Some((d, self.lex.get(self.toks, e + 1, "day_suffix")?.1)));
        match day {
            Some((d, e2)) => Some((
                e2,
                Expr::Day {
                    y,
                    m,
                    d,
                    to: None,
                    time: None,
                },
            )),
            None => Some((e, Expr::Month { y, m, shift: None })),
        }
    }

    /// `Friday`, `last Friday`, `Friday morning`, `Monday, Oct. 26`.
    fn weekday(&self, i: usize) -> Option<(usize, Expr)> {
        let (shift, j) = match self.modifier(i) {
            Some((s, j)) => (Some(s), j),
            None => (None, i),
        };
        let (k, e) = self.lex.get(self.toks, j, "weekday")?;
        let wd: u8 = k.parse().ok()?;
        let t = self.tok(j)?;
        let e = if e == j + 1 && t.norm.chars().count() <= 4 {
            self.dot(e)
        } else {
            e
        };
        // "Monday, Oct. 26": the explicit date wins.
        let c = if self.punct(e, ",") { e + 1 } else { e };
        if let Some((end, ex @ Expr::Day { .. })) =
            self.month_first(c).or_else(|| self.day_first(c))
        {
            return Some((end, ex));
        }
        if self.lex.has(self.toks, j, "ambiguous") || (self.cased && !t.upper) {
            return None;
        }
        let (time, e) = match self.part(e) {
            Some((p, e2)) => (Some(p), e2),
            None => (None, e),
        };
        Some((e, Expr::Weekday { wd, shift, time }))
    }

    /// `yesterday`, `tonight`, `지난주`, with an optional part of the day.
    fn relative(&self, i: usize) -> Option<(usize, Expr)> {
        let (k, j) = self.lex.get(self.toks, i, "rel")?;
        let (u, time) = match k.split_once(':') {
            Some((u, t)) => (u, Some(t.to_string())),
            None => (k, None),
        };
        let split = u.find(|c: char| c == '-' || c == '~' || c.is_ascii_digit())?;
        let (unit, n) = u.split_at(split);
        // "D~1": one day before or after, as the tense says (Hindi "कल").
        let (unit, n) = match n.strip_prefix('~') {
            Some(k) => (format!("{unit}~"), k),
            None => (unit.to_string(), n),
        };
        let n: i64 = n.parse().ok()?;
        let (time, j) = match (time, unit == "D", self.part(j)) {
            (None, true, Some((p, e))) => (Some(p), e),
            (t, _, _) => (t, j),
        };
        Some((
            j,
            Expr::Offset {
                unit: unit.to_string(),
                n,
                time,
            },
        ))
    }

    /// `last week`, `this year`, `next month`, `la semana pasada`, `last April`, `this summer`.
    fn modified(&self, i: usize) -> Option<(usize, Expr)> {
        let (j, shift) = if let Some((s, j)) = self.modifier(i) {
            (j, s)
        } else {
            // Unit first, modifier after: "la semana pasada", "l'anno scorso".
            let mut i2 = i;
            if let Some((_, e)) = self.lex.get(self.toks, i, "det") {
                i2 = e;
            }
            let (u, e) = self.unit(i2)?;
            let (s, e2) = self.modifier(e)?;
            return self.offset_of(&u, s, e2);
        };
        if let Some((u, e)) = self.unit(j) {
            return self.offset_of(&u, shift, e);
        }
        if let Some((m, e, _)) = self.month(j) {
            return Some((
                e,
                Expr::Month {
                    y: None,
                    m,
                    shift: Some(shift),
                },
            ));
        }
        if let Some((e, Expr::Month { y: None, m, .. })) = self.suffixed(j) {
            let shift = Some(shift);
            return Some((e, Expr::Month { y: None, m, shift }));
        }
        if let Some((s, e)) = self.lex.get(self.toks, j, "season") {
            return Some((
                e,
                Expr::Season {
                    y: None,
                    s: s.to_string(),
                    shift: Some(shift),
                },
            ));
        }
        if let Some((_, e)) = self.lex.get(self.toks, j, "weekend") {
            return Some((e, Expr::Weekend { shift: Some(shift) }));
        }
        if let Some((p, e)) = self.part(j) {
            let n = if p == "NI" && shift < 0 { -1 } else { 0 };
            return Some((
                e,
                Expr::Offset {
                    unit: "D".into(),
                    n,
                    time: Some(p),
                },
            ));
        }
        None
    }

    fn offset_of(&self, u: &str, shift: i32, e: usize) -> Option<(usize, Expr)> {
        if matches!(u, "H" | "MIN" | "S") {
            return None;
        }
        if u == "Q" {
            return Some((
                e,
                Expr::Quarter {
                    y: None,
                    q: None,
                    shift: Some(shift),
                    half: false,
                },
            ));
        }
        Some((
            e,
            Expr::Offset {
                unit: u.to_string(),
                n: i64::from(shift),
                time: None,
            },
        ))
    }

    /// `two days ago`, `vor zwei Tagen`, `a year earlier`.
    fn ago(&self, i: usize) -> Option<(usize, Expr)> {
        let (pre, i) = match self.lex.get(self.toks, i, "agopre") {
            Some((_, j)) => (true, j),
            None => (false, i),
        };
        let (n, j) = self.number(i)?;
        let j = if self.punct(j, "-") { j + 1 } else { j };
        let (u, mut e) = self.unit(j)?;
        if !pre {
            e = self.lex.get(self.toks, e, "ago")?.1;
        }
        let Some(n) = n else {
            return Some((e, Expr::fixed("PAST_REF", "DATE")));
        };
        if matches!(u.as_str(), "H" | "MIN" | "S") {
            return Some((e, Expr::fixed("PAST_REF", "DATE")));
        }
        Some((e, Expr::Ago { unit: u, n: -n }))
    }

    /// `three years`, `the past three months`, `five-year`, `24 hours`, `years`.
    fn duration(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        if let Some((_, e)) = self.lex.get(self.toks, j, "det") {
            j = e;
        }
        if let Some((_, e)) = self.modifier(j).or_else(|| {
            self.lex
                .get(self.toks, j, "ordinal")
                .and_then(|(k, e)| k.parse::<i32>().ok().map(|o| (o, e)))
        }) {
            j = e;
        }
        let (n, k) = self.number(j)?;
        let k = if self.punct(k, "-") && self.glued(k) {
            k + 1
        } else {
            k
        };
        let (u, e) = self.unit(k)?;
        if n.is_some_and(|n| n >= 1000) {
            return None;
        }
        // "a five-year-old boy" is an age.
        let age = if self.punct(e, "-") { e + 1 } else { e };
        if self.lex.has(self.toks, age, "age") {
            return None;
        }
        let value = duration_value(n, &u);
        Some((e, Expr::fixed(value, "DURATION")))
    }

    /// `the third quarter`, `third-quarter`, `the quarter`, `the first half`.
    fn quarter(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        if let Some((_, e)) = self.lex.get(self.toks, j, "det") {
            j = e;
        }
        // "the 1988 third quarter", "this year's third quarter", "next year's first quarter"
        let mut year_shift = None;
        let mut stated = None;
        if let Some((y, e)) = self.year_num(j) {
            stated = Some(y);
            j = e;
        } else if let Some((s, e)) = self.modifier(j) {
            if let (Some((u, e2)), true) = (self.unit(e), true) {
                if u == "Y" {
                    if let Some((_, e3)) = self.lex.get(self.toks, e2, "possessive") {
                        year_shift = Some(s);
                        j = e3;
                    }
                }
            }
        }
        let (q, k) = match self.lex.get(self.toks, j, "ordinal") {
            Some((q, e)) => (q.parse::<i32>().ok(), e),
            None => (None, j),
        };
        if (stated.is_some() || year_shift.is_some()) && q.is_none() {
            return None;
        }
        let k = if self.punct(k, "-") { k + 1 } else { k };
        let (half, e) = match (self.unit(k), self.lex.get(self.toks, k, "half")) {
            (Some((u, e)), _) if u == "Q" => (false, e),
            (_, Some((_, e))) if q.is_some() => (true, e),
            _ => return None,
        };
        if q.is_none() && j == i {
            return None;
        }
        let max = if half { 2 } else { 4 };
        let q = match q {
            Some(q) if q >= 1 && q <= max => Some(q as u8),
            Some(-1) => None,
            Some(_) => return None,
            None => None,
        };
        let (y, e) = match self.trailing_year(e) {
            Some((y, e2)) => (Some(y), e2),
            None => (stated, e),
        };
        let shift = if q.is_none() && self.lex.has(self.toks, j, "ordinal") {
            Some(-1)
        } else {
            year_shift.map(|s| 10 + s)
        };
        // "the quarter a year ago": the same quarter, a year before.
        if let Some((e2, Expr::Ago { unit, n: -1 })) = self.ago(e) {
            if unit == "Y" && !half {
                return Some((
                    e2,
                    Expr::Quarter {
                        y: y.map(|y| y - 1),
                        q,
                        shift: Some(-5),
                        half,
                    },
                ));
            }
        }
        Some((e, Expr::Quarter { y, q, shift, half }))
    }

    /// `the year-ago quarter`, `the year-earlier period`: the same quarter a year before.
    fn year_ago(&self, i: usize) -> Option<(usize, Expr)> {
        let j = self.lex.get(self.toks, i, "det").map_or(i, |(_, e)| e);
        let (_, k) = self.lex.get(self.toks, j, "yearago")?;
        let (q, k) = match self.lex.get(self.toks, k, "ordinal") {
            Some((q, e)) => (q.parse::<u8>().ok().filter(|q| (1..=4).contains(q)), e),
            None => (None, k),
        };
        let (_, e) = self.lex.get(self.toks, k, "period")?;
        Some((
            e,
            Expr::Quarter {
                y: None,
                q,
                shift: Some(-5),
                half: false,
            },
        ))
    }

    /// `summer`, `summer 2024`.
    fn season(&self, i: usize) -> Option<(usize, Expr)> {
        let (s, j) = self.lex.get(self.toks, i, "season")?;
        let (y, j) = match self.trailing_year(j) {
            Some((y, e)) => (Some(y), e),
            None => (None, j),
        };
        Some((
            j,
            Expr::Season {
                y,
                s: s.to_string(),
                shift: None,
            },
        ))
    }

    /// `2022`, `the 1990s`.
    fn year(&self, i: usize) -> Option<(usize, Expr)> {
        let (y, j) = self.year_num(i)?;
        let prev = i.checked_sub(1).and_then(|p| self.tok(p));
        if prev.is_some_and(|p| {
            p.kind == TokKind::Punct
                && ["$", "£", "€", "#", "-", "/", ".", ","].contains(&p.norm.as_str())
                && !p.space_before
                && self.glued(i)
        }) || prev.is_some_and(|p| ["$", "£", "€", "#", "no", "nr"].contains(&p.norm.as_str()))
        {
            return None;
        }
        if self.glued(j) && self.tok(j).is_some_and(|t| t.norm == "s") {
            return Some((j + 1, Expr::fixed(format!("{}", y / 10), "DATE")));
        }
        let next = self.tok(j);
        if next.is_some_and(|t| t.norm == "%" || (t.kind == TokKind::Num && self.glued(j)))
            || self.unit(j).is_some()
            || (self.punct(j, ",")
                && self.glued(j)
                && self
                    .tok(j + 1)
                    .is_some_and(|t| t.kind == TokKind::Num && self.glued(j + 1)))
        {
            return None;
        }
        if !(1900..=2100).contains(&y) {
            return None;
        }
        Some((j, Expr::fixed(format!("{y:04}"), "DATE")))
    }

    /// `2 p.m.`, `10:30 a.m.`, `14:00`, `noon`.
    fn clock(&self, i: usize) -> Option<(usize, Expr)> {
        if let Some((hm, e)) = self.lex.get(self.toks, i, "time") {
            return Some((e, Expr::Clock { hm: hm.to_string() }));
        }
        let h = self.tok(i)?.num()?;
        let mut j = i + 1;
        let mut min = 0;
        let mut has_min = false;
        if self.punct(j, ":") && self.glued(j) && self.glued(j + 1) {
            let t = self.tok(j + 1)?;
            if t.norm.len() != 2 {
                return None;
            }
            min = t.num()?;
            has_min = true;
            j += 2;
        }
        let mut hour = h;
        if let Some((ap, e)) = self.lex.get(self.toks, j, "ampm") {
            if !(1..=12).contains(&h) {
                return None;
            }
            hour = match (ap, h) {
                ("p", 12) => 12,
                ("p", h) => h + 12,
                ("a", 12) => 0,
                _ => h,
            };
            j = self.dot(e);
        } else if let Some((_, e)) = self.lex.get(self.toks, j, "clock_suffix") {
            j = e;
        } else if !has_min {
            return None;
        }
        if hour > 23 || min > 59 {
            return None;
        }
        Some((
            j,
            Expr::Clock {
                hm: format!("{hour:02}:{min:02}"),
            },
        ))
    }

    /// `now`, `recently`, `the coming months`.
    fn vague(&self, i: usize) -> Option<(usize, Expr)> {
        let (k, j) = self.lex.get(self.toks, i, "vague")?;
        let kind = if k.starts_with('P') && k.len() == 3 {
            "DURATION"
        } else {
            "DATE"
        };
        Some((j, Expr::fixed(k, kind)))
    }

    /// `daily`, `every week`.
    fn set(&self, i: usize) -> Option<(usize, Expr)> {
        let (k, j) = self.lex.get(self.toks, i, "set")?;
        Some((j, Expr::fixed(k, "SET")))
    }
}

/// The ISO 8601 duration of `n` units (`X` when the number is vague).
fn duration_value(n: Option<i64>, unit: &str) -> String {
    let num = |k: i64| n.map_or("X".to_string(), |n| (n * k).to_string());
    match unit {
        "H" => format!("PT{}H", num(1)),
        "MIN" => format!("PT{}M", num(1)),
        "S" => format!("PT{}S", num(1)),
        "DE" => format!("P{}Y", num(10)),
        "CE" => format!("P{}Y", num(100)),
        "Q" => format!("P{}M", num(3)),
        u => format!("P{}{u}", num(1)),
    }
}
