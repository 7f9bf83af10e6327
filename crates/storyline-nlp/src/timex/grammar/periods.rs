//! Rules for amounts and periods: "two days ago", durations, quarters, seasons, years,
//! clock times, vague references and sets.

use super::Grammar;
use crate::timex::expr::Expr;
use crate::timex::tokens::TokKind;

impl Grammar<'_> {
    /// `two days ago`, `vor zwei Tagen`, `a year earlier`.
    pub(super) fn ago(&self, i: usize) -> Option<(usize, Expr)> {
        let (pre, i) = match self.lex.get(self.toks, i, "agopre") {
            Some((_, j)) => (true, j),
            None => (false, i),
        };
        let (n, j) = self.number(i)?;
        let j = if self.punct(j, "-") { j + 1 } else { j };
        let (u, mut e) = self.unit(j)?;
        if !pre {
            let e2 = self.lex.get(self.toks, e, "approx").map_or(e, |(_, x)| x);
            e = self.lex.get(self.toks, e2, "ago")?.1;
            // "two days before the vote": a preposition, the amount is a duration.
            let prep = self.lex.has(self.toks, e2, "ago_prep")
                && self.tok(e).is_some_and(|t| t.kind != TokKind::Punct);
            if prep {
                return None;
            }
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
    pub(super) fn duration(&self, i: usize) -> Option<(usize, Expr)> {
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
        // "5 1/2 hours"
        let half_num = self.tok(k).and_then(|t| t.num()) == Some(1)
            && self.punct(k + 1, "/")
            && self.glued(k + 1)
            && self.glued(k + 2)
            && self.tok(k + 2).and_then(|t| t.num()) == Some(2);
        let k = if half_num { k + 3 } else { k };
        let k = self.lex.get(self.toks, k, "more").map_or(k, |(_, e)| e);
        let k = if self.punct(k, "-") && self.glued(k) {
            k + 1
        } else {
            k
        };
        let (u, e) = self.unit(k)?;
        if n.is_some_and(|n| n >= 1000) {
            return None;
        }
        // "three-quarters" is a fraction; "$5 a day" a rate.
        if u == "Q" && k > j + 1 {
            return None;
        }
        // "less than a quarter of its population" is a fraction too; "a quarter of a
        // century" is a time.
        if u == "Q" && self.tok(e).is_some_and(|t| t.norm == "of") {
            let art = usize::from(
                self.tok(e + 1)
                    .is_some_and(|t| matches!(t.norm.as_str(), "a" | "the")),
            );
            self.unit(e + 1 + art)?;
        }
        let rate = j == i
            && j.checked_sub(1)
                .and_then(|p| self.tok(p))
                .is_some_and(|p| p.kind == TokKind::Num || self.lex.has(self.toks, j - 1, "rate"));
        let rate = rate
            || (j == i
                && j.checked_sub(1)
                    .is_some_and(|p| self.unit(p).is_some_and(|(_, e)| e == j)));
        if rate && self.lex.has(self.toks, j, "number") && n == Some(1) && j + 1 == k {
            return None;
        }
        // "a second group": the ordinal, not the unit.
        if u == "S" && n == Some(1) && self.tok(e).is_some_and(|t| t.kind == TokKind::Word) {
            return None;
        }
        // "a year-earlier loss": the unit opens a compound that says when.
        if self.punct(e, "-") && self.glued(e) && self.lex.has(self.toks, e + 1, "ago") {
            return None;
        }
        // "a five-year-old boy" is an age.
        let age = if self.punct(e, "-") { e + 1 } else { e };
        if self.lex.has(self.toks, age, "age") {
            return None;
        }
        // "a year and a half"
        let (half, e) = match self.lex.get(self.toks, e, "and_half") {
            Some((_, e2)) if !half_num => (true, e2),
            _ => (half_num, e),
        };
        let value = match (half, n) {
            (true, Some(n)) => half_value(n, &u)?,
            _ => duration_value(n, &u),
        };
        Some((e, Expr::fixed(value, "DURATION")))
    }

    /// `the third quarter`, `third-quarter`, `the quarter`, `the first half`.
    pub(super) fn quarter(&self, i: usize) -> Option<(usize, Expr)> {
        if let Some(found) = self.numbered_period(i) {
            return Some(found);
        }
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
        let k = if self.punct(k, "-") { k + 1 } else { k };
        let (half, e) = match (self.unit(k), self.lex.get(self.toks, k, "half")) {
            (Some((u, e)), _) if u == "Q" => (false, e),
            (_, Some((_, e))) if q.is_some() => (true, e),
            _ => match self.lex.get(self.toks, k, "period") {
                // "the latest period", "the 1988 period": the quarter being reported.
                Some((_, e)) if q == Some(-1) || stated.is_some() => (false, e),
                _ => return None,
            },
        };
        if q.is_none() && j == i {
            return None;
        }
        let max = if half { 2 } else { 4 };
        let q = match q {
            Some(q) if q >= 1 && q <= max => Some(q as u8),
            Some(-1) if half => Some(2),
            Some(-1) => None,
            Some(_) => return None,
            None => None,
        };
        let (y, e) = match self.trailing_year(e) {
            Some((y, e2)) => (Some(y), e2),
            None => (stated, e),
        };
        let shift = match year_shift {
            Some(s) => Some(10 + s),
            None if q.is_none() && self.lex.has(self.toks, j, "ordinal") => Some(-1),
            None => None,
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

    /// A quarter written as its number and a suffix, a half as one word (Korean: "3분기",
    /// "올해 3분기", "지난 2분기", "내년 상반기"), perhaps after a year named from the
    /// dateline or "last".
    fn numbered_period(&self, i: usize) -> Option<(usize, Expr)> {
        if !self.lex.numbered_periods() {
            return None;
        }
        let mut j = i;
        let mut shift = None;
        if let Some((k, e)) = self.lex.get(self.toks, j, "rel") {
            let years: i32 = k.strip_prefix('Y')?.parse().ok()?;
            shift = Some(10 + years);
            j = e;
        } else if let Some((_, e)) = self.lex.get(self.toks, j, "mod") {
            j = e;
        }
        if let Some((k, e)) = self.lex.get(self.toks, j, "half_word") {
            let q: u8 = k.parse().ok().filter(|q| (1..=2).contains(q))?;
            let (y, half) = (None, true);
            return Some((
                e,
                Expr::Quarter {
                    y,
                    q: Some(q),
                    shift,
                    half,
                },
            ));
        }
        let q = self
            .tok(j)
            .and_then(crate::timex::tokens::Tok::num)
            .filter(|q| (1..=4).contains(q))?;
        let (_, e) = self.lex.get(self.toks, j + 1, "quarter_suffix")?;
        let (y, half) = (None, false);
        Some((
            e,
            Expr::Quarter {
                y,
                q: Some(q as u8),
                shift,
                half,
            },
        ))
    }

    /// `the year-ago quarter`, `the year-earlier period`: the same quarter a year before.
    pub(super) fn year_ago(&self, i: usize) -> Option<(usize, Expr)> {
        let j = self.lex.get(self.toks, i, "det").map_or(i, |(_, e)| e);
        let (_, k) = self.lex.get(self.toks, j, "yearago")?;
        let (q, k) = match self.lex.get(self.toks, k, "ordinal") {
            Some((q, e)) => (q.parse::<u8>().ok().filter(|q| (1..=4).contains(q)), e),
            None => (None, k),
        };
        let Some((_, e)) = self.lex.get(self.toks, k, "period") else {
            // "year-earlier results": a year before the period under discussion.
            let adjective = q.is_none()
                && self.lex.has(self.toks, j, "yearago_adj")
                && self.number(k).is_none();
            return adjective.then(|| {
                let unit = "Y".to_string();
                (k, Expr::Ago { unit, n: -1 })
            });
        };
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

    /// `Christmas`, `Thanksgiving`: holidays on a fixed date or the n-th weekday of a month.
    pub(super) fn holiday(&self, i: usize) -> Option<(usize, Expr)> {
        let (k, e) = self.lex.get(self.toks, i, "holiday")?;
        let (m, d) = k.split_once('-')?;
        let m: u8 = m.parse().ok()?;
        if let Some(rest) = d.strip_prefix(|c: char| c.is_ascii_alphabetic()) {
            // "TH4": the fourth Thursday.
            let wd = match d.get(..2)? {
                "MO" => 0,
                "TU" => 1,
                "WE" => 2,
                "TH" => 3,
                "FR" => 4,
                _ => return None,
            };
            let n: u8 = rest.get(1..)?.parse().ok()?;
            return Some((e, Expr::NthWeekday { m, wd, n }));
        }
        let d: u8 = d.parse().ok()?;
        Some((
            e,
            Expr::Day {
                y: None,
                m,
                d,
                to: None,
                time: None,
            },
        ))
    }

    /// `the weekend`.
    pub(super) fn weekend(&self, i: usize) -> Option<(usize, Expr)> {
        let j = self.lex.get(self.toks, i, "det").map(|(_, e)| e)?;
        let (_, e) = self.lex.get(self.toks, j, "weekend")?;
        Some((e, Expr::Weekend { shift: None }))
    }

    /// `the week of March 6`: the week that holds the day.
    pub(super) fn week_of(&self, i: usize) -> Option<(usize, Expr)> {
        let j = self.lex.get(self.toks, i, "det").map(|(_, e)| e)?;
        let (unit, k) = self.unit(j)?;
        // "the week of", not "the weeks of".
        if unit != "W" || k != j + 1 || self.tok(j)?.norm.ends_with('s') {
            return None;
        }
        let (_, j) = self.lex.get(self.toks, k, "of")?;
        match self.month_first(j).or_else(|| self.day_first(j))? {
            (
                e,
                Expr::Day {
                    y,
                    m,
                    d,
                    to: None,
                    time: None,
                },
            ) => Some((e, Expr::WeekOf { y, m, d })),
            _ => None,
        }
    }

    /// `summer`, `summer 2024`.
    pub(super) fn season(&self, i: usize) -> Option<(usize, Expr)> {
        let (s, j) = self.lex.get(self.toks, i, "season")?;
        let (y, j) = match self.trailing_year(j) {
            Some((y, e)) => (Some(y), e),
            None => (None, j),
        };
        // "prices fall": a bare season word counts after "in", "the", "since", ...
        let prev = i.checked_sub(1);
        let introduced = prev.is_some_and(|p| {
            self.lex.has(self.toks, p, "month_prep") || self.lex.has(self.toks, p, "det")
        });
        if y.is_none() && !introduced && self.lex.words("month_prep").next().is_some() {
            return None;
        }
        // "prices began to fall": a verb after "to", "will", ...
        if y.is_none() && prev.is_some_and(|p| self.lex.has(self.toks, p, "verb_mark")) {
            return None;
        }
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
    pub(super) fn year(&self, i: usize) -> Option<(usize, Expr)> {
        let (y, j) = self.year_num(i)?;
        let prev = i.checked_sub(1).and_then(|p| self.tok(p));
        // "mid-1996": the hyphen joins a vagueness word, not a range or a code.
        let vague_joined =
            i >= 2 && self.punct(i - 1, "-") && self.lex.has(self.toks, i - 2, "fuzzy");
        if !vague_joined
            && prev.is_some_and(|p| {
                p.kind == TokKind::Punct
                    && ["$", "£", "€", "#", "-", "/", ".", ","].contains(&p.norm.as_str())
                    && !p.space_before
                    && self.glued(i)
            })
            || prev.is_some_and(|p| ["$", "£", "€", "#", "no", "nr"].contains(&p.norm.as_str()))
        {
            return None;
        }
        if self.glued(j) && self.tok(j).is_some_and(|t| t.norm == "s") {
            return Some((j + 1, Expr::fixed(format!("{}", y / 10), "DATE")));
        }
        let next = self.tok(j);
        if next.is_some_and(|t| t.norm == "%" || (t.kind == TokKind::Num && self.glued(j)))
            || self.unit(j).is_some()
            || ((self.punct(j, ",") || self.punct(j, "."))
                && self.glued(j)
                && self
                    .tok(j + 1)
                    .is_some_and(|t| t.kind == TokKind::Num && self.glued(j + 1)))
        {
            return None;
        }
        // Earlier years only after a word that introduces a date ("in 1898").
        let introduced = i > 0 && self.lex.has(self.toks, i - 1, "month_prep");
        let early = introduced && (1600..1900).contains(&y);
        if !(1900..=2100).contains(&y) && !early {
            return None;
        }
        Some((j, Expr::fixed(format!("{y:04}"), "DATE")))
    }

    /// `2 p.m.`, `10:30 a.m.`, `14:00`, `noon`.
    pub(super) fn clock(&self, i: usize) -> Option<(usize, Expr)> {
        let (j, hm) = self.bare_clock(i)?;
        // "9 a.m. Tuesday", "noon Saturday", "4 a.m. EDT Thursday": the time of that day.
        let k = self.lex.get(self.toks, j, "zone").map_or(j, |(_, e)| e);
        let day = self
            .weekday(k)
            .or_else(|| self.relative(k))
            .or_else(|| self.month_first(k));
        match day {
            Some((
                e,
                Expr::Weekday {
                    wd,
                    shift,
                    time: None,
                },
            )) => {
                let time = Some(hm);
                Some((e, Expr::Weekday { wd, shift, time }))
            }
            Some((
                e,
                Expr::Offset {
                    unit,
                    n,
                    time: None,
                },
            )) if unit == "D" => {
                let time = Some(hm);
                Some((e, Expr::Offset { unit, n, time }))
            }
            Some((
                e,
                Expr::Day {
                    y,
                    m,
                    d,
                    to: None,
                    time: None,
                },
            )) => {
                let time = Some(hm);
                Some((
                    e,
                    Expr::Day {
                        y,
                        m,
                        d,
                        to: None,
                        time,
                    },
                ))
            }
            _ => Some((j, Expr::Clock { hm })),
        }
    }

    /// `2 p.m.`, `10:30`, `noon`: the index after it and `HH:MM`.
    fn bare_clock(&self, i: usize) -> Option<(usize, String)> {
        if let Some((hm, e)) = self.lex.get(self.toks, i, "time") {
            return Some((e, hm.to_string()));
        }
        if let Some(c) = self.suffixed_clock(i) {
            return Some(c);
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
        } else if self.punct(j, ".")
            && self.glued(j)
            && self.glued(j + 1)
            && self.tok(j + 1).is_some_and(|t| t.norm.len() == 2)
            && (self.lex.get(self.toks, j + 2, "clock_suffix").is_some()
                || self.unit(j + 2).is_some_and(|(u, _)| u == "H"))
        {
            // "a las 14.00 horas", "um 14.30 Uhr": a period between hours and minutes,
            // only before a word for o'clock or hours (else it is a decimal).
            min = self.tok(j + 1)?.num()?;
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
        } else if let Some((_, e)) = self.unit(j).filter(|(u, _)| has_min && u == "H") {
            // "14.00 horas": the word for hours after a time of day.
            j = e;
        } else if !has_min {
            return None;
        }
        if hour > 23 || min > 59 {
            return None;
        }
        Some((j, format!("{hour:02}:{min:02}")))
    }

    /// A time written with suffixes, as in Korean: an optional half of the day before it
    /// (`ampm_before`), the hour with its suffix (`hour_suffix`) and the minutes with theirs
    /// (`minute_suffix`): "오전 3시 50분께" is 03:50, "오후 2시" 14:00.
    pub(super) fn suffixed_clock(&self, i: usize) -> Option<(usize, String)> {
        let (ap, k) = match self.lex.get(self.toks, i, "ampm_before") {
            Some((ap, e)) => (Some(ap), e),
            None => (None, i),
        };
        let h = self.tok(k)?.num()?;
        if !self.glued(k + 1) {
            return None;
        }
        let (_, mut j) = self.lex.get(self.toks, k + 1, "hour_suffix")?;
        let mut min = 0;
        if let Some(m) = self.tok(j).and_then(|t| t.num()) {
            if self.glued(j + 1) {
                if let Some((_, e)) = self.lex.get(self.toks, j + 1, "minute_suffix") {
                    min = m;
                    j = e;
                }
            }
        }
        let hour = match (ap, h) {
            (Some("p"), h) if h < 12 => h + 12,
            (Some("a"), 12) => 0,
            _ => h,
        };
        (hour <= 23 && min <= 59).then(|| (j, format!("{hour:02}:{min:02}")))
    }

    /// `nineteen ninety-six`: a year in words.
    pub(super) fn spelled_year(&self, i: usize) -> Option<(usize, Expr)> {
        let (c, j) = self.lex.get(self.toks, i, "century_word")?;
        let c: i64 = c.parse().ok()?;
        let (n, e) = self.number(j)?;
        let n = n.filter(|n| (10..100).contains(n))?;
        Some((e, Expr::fixed(format!("{}", c * 100 + n), "DATE")))
    }

    /// `now`, `recently`, `the coming months`.
    pub(super) fn vague(&self, i: usize) -> Option<(usize, Expr)> {
        let (k, j) = self.lex.get(self.toks, i, "vague")?;
        // "в прошлом году", "in the past year": the words start a longer expression.
        if self.unit(j).is_some() {
            return None;
        }
        // "52 years old", "two or three weeks": the number belongs to the words.
        let kind = if k.starts_with('P') && k.len() == 3 {
            "DURATION"
        } else {
            "DATE"
        };
        let counted = i.checked_sub(1).is_some_and(|p| {
            self.tok(p).is_some_and(|t| t.kind == TokKind::Num)
                || self.lex.has(self.toks, p, "number")
        });
        if counted && kind == "DURATION" {
            return None;
        }
        Some((j, Expr::fixed(k, kind)))
    }

    /// `daily`, `every week`.
    pub(super) fn set(&self, i: usize) -> Option<(usize, Expr)> {
        // "every Thursday", "each July", "jeden Montag": the weekday or month of every week
        // or year.
        if let Some((_, j)) = self.lex.get(self.toks, i, "every") {
            if let Some((k, e)) = self.lex.get(self.toks, j, "weekday") {
                let wd: u8 = k.parse().ok()?;
                return Some((e, Expr::fixed(format!("XXXX-WXX-{}", wd + 1), "SET")));
            }
            if let Some((m, e, _)) = self.month(j) {
                return Some((e, Expr::fixed(format!("XXXX-{m:02}"), "SET")));
            }
        }
        let (k, j) = self.lex.get(self.toks, i, "set")?;
        // "the quarterly dividend": an adjective before its noun.
        if self.lex.has(self.toks, i, "attributive")
            && self.tok(j).is_some_and(|t| t.kind == TokKind::Word)
        {
            return None;
        }
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

/// `n` and a half units, in the next smaller unit where a half needs one (`PT5H30M`).
fn half_value(n: i64, unit: &str) -> Option<String> {
    Some(match unit {
        "Y" => format!("P{n}Y6M"),
        "D" => format!("P{n}DT12H"),
        "H" => format!("PT{n}H30M"),
        "MIN" => format!("PT{n}M30S"),
        "DE" => format!("P{}Y", n * 10 + 5),
        "CE" => format!("P{}Y", n * 100 + 50),
        _ => return None,
    })
}
