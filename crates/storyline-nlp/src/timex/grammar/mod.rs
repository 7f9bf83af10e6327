//! The grammar: which token sequences are time expressions, and what they say.
//!
//! The rules are the same for every language; the words come from the language's
//! [`Lexicon`]. Each rule looks at token `i` and returns the expression and the index
//! after it; the longest match wins.

mod periods;
mod years;

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
    /// A number with a day suffix alone is a day of the month (`18일`, not `18th`).
    bare_day: bool,
}

impl<'a> Grammar<'a> {
    /// A grammar over `toks` with the words of `lex`.
    pub fn new(toks: &'a [Tok], lex: &'a Lexicon) -> Self {
        Grammar {
            toks,
            lex,
            cased: lex.words("option").any(|e| e.key == "cased"),
            mdy: lex.words("option").any(|e| e.key == "mdy"),
            bare_day: lex.words("option").any(|e| e.key == "bare_day"),
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
        // Every rule opens with digits or with a lexicon form: elsewhere nothing starts.
        let t = self.tok(i)?;
        if t.kind != TokKind::Num && !self.lex.can_open(t) {
            return None;
        }
        let plain = self.core(i);
        // "year-earlier": the word ends a compound, it opens nothing.
        let compound = i > 0 && self.punct(i - 1, "-") && self.glued(i);
        if let Some((_, j)) = self.lex.get(self.toks, i, "fuzzy").filter(|_| !compound) {
            // "mid-1996", "late-November"
            let j = if self.punct(j, "-") && self.glued(j) && self.glued(j + 1) {
                j + 1
            } else {
                j
            };
            if let Some((end, e)) = self.core(j) {
                if plain.as_ref().is_none_or(|(pe, _)| end > *pe) {
                    return Some((end, e));
                }
            }
        }
        plain
    }

    fn core(&self, i: usize) -> Option<(usize, Expr)> {
        // `bare_day` first: where a language switches it on, "지난 17일" is a day, not the
        // seventeen days a modified duration would read.
        let rules: [Rule<'a>; 27] = [
            Self::bare_day,
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
            Self::weekend,
            Self::week_of,
            Self::holiday,
            Self::spelled_year,
            Self::year,
            Self::clock,
            Self::vague,
            Self::set,
            Self::whole_year,
            Self::year_end,
            Self::decade,
            Self::century,
            Self::anaphor,
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
            // Nor is the tail of one ("1,050 days" is not "050 days").
            if i >= 2
                && !t.space_before
                && (self.punct(i - 1, ",") || self.punct(i - 1, "."))
                && self.tok(i - 2).is_some_and(|p| p.kind == TokKind::Num)
            {
                return None;
            }
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
        // An abbreviation ("Oct.", "Sept.") takes its dot; a whole name ends a sentence
        // ("in May.").
        let abbr = j == i + 1
            && t.norm.chars().count() <= 4
            && self.lex.words("month").any(|e| {
                e.key == k
                    && e.word().chars().count() > t.norm.chars().count()
                    && e.word().starts_with(t.norm.as_str())
            });
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

    /// The time of day after a day expression, if any: a clock time written with suffixes
    /// ("18일 오전 6시", "어제 오후 3시 30분") as `HH:MM`, else a part of the day ("18일
    /// 오전"); and the index after it.
    fn time_of_day(&self, i: usize) -> (Option<String>, usize) {
        if let Some((e, hm)) = self.suffixed_clock(i) {
            return (Some(hm), e);
        }
        match self.part(i) {
            Some((p, e)) => (Some(p), e),
            None => (None, i),
        }
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
        // "3분기" is the third quarter, not three minutes: a quarter's suffix is no unit.
        if self.lex.numbered_periods() && self.lex.has(self.toks, i, "quarter_suffix") {
            return None;
        }
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
    pub(super) fn month_first(&self, i: usize) -> Option<(usize, Expr)> {
        let (m, j, weak) = self.month(i)?;
        if let Some((d, k)) = self.day(j) {
            // "May 5:30" is a time, "Oct. 22" a day.
            let clock = self.punct(k, ":")
                && self.glued(k + 1)
                && self.tok(k + 1).is_some_and(|t| t.kind == TokKind::Num);
            if !clock {
                let (to, k) = match (self.is_dash(k), self.day(k + 1)) {
                    (true, Some((d2, k2))) if d2 > d => (Some((m, d2)), k2),
                    // "Sept. 29 to Oct. 3", "Sept. 29–Oct. 3": into the next month.
                    _ => match self.range_to(k) {
                        Some((m2, d2, k2)) if m2 == m % 12 + 1 => (Some((m2, d2)), k2),
                        _ => (None, k),
                    },
                };
                let (y, k) = match self.trailing_year(k) {
                    Some((y, e)) => (Some(y), e),
                    None => (None, k),
                };
                let time = None;
                return Some((k, Expr::Day { y, m, d, to, time }));
            }
        }
        // "the July-September period": three months that make a quarter.
        if self.is_dash(j) {
            if let Some((m2, k, _)) = self.month(j + 1) {
                if m % 3 == 1 && m2 == m + 2 {
                    let (y, k) = match self.trailing_year(k) {
                        Some((y, e)) => (Some(y), e),
                        None => (None, k),
                    };
                    let q = Some((m - 1) / 3 + 1);
                    return Some((
                        k,
                        Expr::Quarter {
                            y,
                            q,
                            shift: None,
                            half: false,
                        },
                    ));
                }
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
        // "July last year": the month of the year named after it.
        if let Some((s, e)) = self.modifier(j) {
            if let Some((u, e2)) = self.unit(e) {
                if u == "Y" {
                    return Some((
                        e2,
                        Expr::Month {
                            y: None,
                            m,
                            shift: Some(10 + s),
                        },
                    ));
                }
            }
        }
        let after_prep = i > 0 && self.lex.has(self.toks, i - 1, "month_prep");
        // "April and May": after another month and a conjunction or comma.
        let listed = i >= 2
            && self.tok(i - 1).is_some_and(|t| {
                matches!(
                    t.norm.as_str(),
                    "and" | "or" | "," | "und" | "y" | "e" | "en"
                )
            })
            && self.month(i - 2).is_some_and(|(_, _, w)| !w);
        if weak && !((after_prep || listed) && self.tok(i).is_some_and(|t| t.upper)) {
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

    /// A dash or "to" and a month's day after a day: the end of a range ("… to Oct. 3").
    fn range_to(&self, k: usize) -> Option<(u8, u8, usize)> {
        let j = if self.is_dash(k) || self.tok(k).is_some_and(|t| t.norm == "to") {
            k + 1
        } else {
            return None;
        };
        let (m2, j2, _) = self.month(j)?;
        let (d2, k2) = self.day(j2)?;
        Some((m2, d2, k2))
    }

    /// `25 October 2024`, `27 октября`, `8. Dezember`, `27 de noviembre de 2024`, `27–28 October`.
    pub(super) fn day_first(&self, i: usize) -> Option<(usize, Expr)> {
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
        // "nella notte di giovedì", "the night of Thursday": the part of that day; "in der
        // Nacht zum Dienstag", "в ночь на вторник": the night before that day, the night of
        // the day before it.
        if let Some((p, j)) = self.part(i) {
            let link = ["of", "eve"]
                .into_iter()
                .find_map(|c| Some((c, self.lex.get(self.toks, j, c)?.1)));
            if let Some((class, k)) = link.filter(|(c, _)| *c == "of" || p == "NI") {
                if let Some((
                    e,
                    Expr::Weekday {
                        wd,
                        shift,
                        time: None,
                    },
                )) = self.weekday(k)
                {
                    let wd = if class == "eve" { (wd + 6) % 7 } else { wd };
                    let time = Some(p);
                    return Some((e, Expr::Weekday { wd, shift, time }));
                }
            }
        }
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
            // A part of the day compounded with the weekday ("Sonntagabend").
            None if e == j + 1 => (
                self.lex
                    .words("part")
                    .find(|p| {
                        t.norm.ends_with(p.word())
                            && t.norm.chars().count() > p.word().chars().count() + 3
                    })
                    .map(|p| p.key.clone()),
                e,
            ),
            None => (None, e),
        };
        Some((e, Expr::Weekday { wd, shift, time }))
    }

    /// A day of the month with no month, written with a day suffix ("18일 밝혔다", "18일에"),
    /// in a language whose lexicon sets `option bare_day`: in a news report the day nearest
    /// the dateline. Not when a `day_span` form makes it a
    /// number of days ("18일간", "18일째", "18일 동안").
    ///
    /// A modifier before it names the same day ("지난 17일", "오는 25일": the 17th just past,
    /// the 25th to come, not seventeen days), and a part of the day may follow ("18일 오전").
    fn bare_day(&self, i: usize) -> Option<(usize, Expr)> {
        if !self.bare_day {
            return None;
        }
        let i = self.modifier(i).map_or(i, |(_, j)| j);
        let t = self.tok(i)?;
        let d = t.num()?;
        if t.kind != TokKind::Num
            || t.norm.len() > 2
            || !(1..=31).contains(&d)
            || !self.glued(i + 1)
        {
            return None;
        }
        let (_, e) = self.lex.get(self.toks, i + 1, "day_suffix")?;
        if self.lex.has(self.toks, i + 1, "day_span") || self.lex.has(self.toks, e, "day_span") {
            return None;
        }
        let (time, e) = self.time_of_day(e);
        Some((e, Expr::NearDay { d: d as u8, time }))
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
        // "다음 달 11일": a day of the month named by the offset.
        if unit == "M" {
            let day = self.day(j).and_then(|(d, _)| {
                let (_, e) = self.lex.get(self.toks, j + 1, "day_suffix")?;
                Some((d, e))
            });
            if let Some((d, e)) = day {
                return Some((e, Expr::MonthDay { n, d }));
            }
        }
        let (time, j) = match (time, unit == "D") {
            (None, true) => self.time_of_day(j),
            (t, _) => (t, j),
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
        // "the current fiscal year"
        let fiscal = self.lex.get(self.toks, j, "fiscal").map_or(j, |(_, e)| e);
        if let Some((u, e)) = self.unit(j).or_else(|| self.unit(fiscal)) {
            // "past years", "coming quarters": no one period, only a direction.
            if self.lex.has(self.toks, e - 1, "plural_unit")
                && !matches!(u.as_str(), "H" | "MIN" | "S")
            {
                let v = match shift {
                    s if s < 0 => "PAST_REF",
                    0 => "PRESENT_REF",
                    _ => "FUTURE_REF",
                };
                return Some((e, Expr::fixed(v, "DATE")));
            }
            return self.offset_of(&u, shift, e);
        }
        if let Some((m, e, weak)) = self.month(j) {
            // "this march" is a demonstration, "this March" a month.
            if weak && !self.tok(j).is_some_and(|t| t.upper) {
                return None;
            }
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
}
