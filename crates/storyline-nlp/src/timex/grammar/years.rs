//! Rules for whole years, decades and centuries said in words ("the year", "the fiscal
//! year ended June 30", "year-end", "the nineties", "'80s", "the 20th century"), and for
//! periods counted from the date the text last named ("that year", "the following month").

use super::Grammar;
use crate::timex::expr::Expr;
use crate::timex::tokens::TokKind;

impl Grammar<'_> {
    /// `the year`, `the full year`, `the latest fiscal year`: the dateline's year (or the one
    /// before); `the year ended March 31`: a year's duration; `the year 2000`.
    pub(super) fn whole_year(&self, i: usize) -> Option<(usize, Expr)> {
        let (_, j) = self.lex.get(self.toks, i, "det")?;
        let (k, e) = self.lex.get(self.toks, j, "whole_year")?;
        let n: i64 = k.parse().ok()?;
        if self.lex.has(self.toks, e, "period_end") {
            return Some((e, Expr::fixed("P1Y", "DURATION")));
        }
        if let Some((y, e2)) = self.year_num(e) {
            return Some((e2, Expr::fixed(format!("{y:04}"), "DATE")));
        }
        if let Some((y, e2)) = self.lex.get(self.toks, e, "year_word") {
            return Some((e2, Expr::fixed(y, "DATE")));
        }
        // "the year-ago quarter", "the year's third quarter": a longer expression; "the
        // year before" is left unmarked.
        if self.punct(e, "-")
            || self.lex.has(self.toks, e, "possessive")
            || self.lex.has(self.toks, e, "ago")
        {
            return None;
        }
        Some((
            e,
            Expr::Offset {
                unit: "Y".into(),
                n,
                time: None,
            },
        ))
    }

    /// `year-end`, `year's end`: the end of the dateline's year, at the year's grain.
    pub(super) fn year_end(&self, i: usize) -> Option<(usize, Expr)> {
        let (k, e) = self.lex.get(self.toks, i, "year_end")?;
        let n: i64 = k.parse().ok()?;
        let unit = "Y".to_string();
        Some((
            e,
            Expr::Offset {
                unit,
                n,
                time: None,
            },
        ))
    }

    /// `the nineties`, `the '80s` (from its digits), `the 20th century`.
    pub(super) fn decade(&self, i: usize) -> Option<(usize, Expr)> {
        if let Some((k, e)) = self.lex.get(self.toks, i, "decade") {
            return Some((e, Expr::fixed(k, "DATE")));
        }
        // "'80s": two digits after an apostrophe, an "s" glued after them.
        let t = self.tok(i)?;
        let prev = i.checked_sub(1).and_then(|p| self.tok(p));
        if t.kind == TokKind::Num
            && t.norm.len() == 2
            && prev.is_some_and(|p| p.norm == "'" || p.norm == "’")
            && self.glued(i)
            && self.glued(i + 1)
            && self.tok(i + 1).is_some_and(|s| s.norm == "s")
        {
            let d = t.num()?;
            if d % 10 == 0 {
                return Some((i + 2, Expr::fixed(format!("19{}", d / 10), "DATE")));
            }
        }
        None
    }

    /// `20th century`, `the eleventh century`: the century's two leading digits.
    pub(super) fn century(&self, i: usize) -> Option<(usize, Expr)> {
        let j = self.lex.get(self.toks, i, "det").map_or(i, |(_, e)| e);
        let (n, k) = match self.lex.get(self.toks, j, "ordinal") {
            Some((n, e)) => (n.parse::<i64>().ok()?, e),
            None => {
                let (d, e) = self.day(j)?;
                // "20th", not "20": the suffix makes it an ordinal.
                if e == j + 1 {
                    return None;
                }
                (i64::from(d), e)
            }
        };
        let (u, e) = self.unit(k)?;
        if u != "CE" || !(1..=30).contains(&n) || self.tok(k)?.norm.ends_with('s') {
            return None;
        }
        Some((e, Expr::fixed(format!("{:02}", n - 1), "DATE")))
    }

    /// `that year`, `later that year`, `the following month`, `the next morning`: counted
    /// from the date the text last named.
    pub(super) fn anaphor(&self, i: usize) -> Option<(usize, Expr)> {
        let (k, j) = self.lex.get(self.toks, i, "anaphor")?;
        let (n, days_only) = match k.strip_suffix('d') {
            Some(k) => (k.parse::<i64>().ok()?, true),
            None => (k.parse::<i64>().ok()?, false),
        };
        if let Some((p, e)) = self.part(j) {
            return Some((
                e,
                Expr::Anaphor {
                    unit: "D".into(),
                    n,
                    time: Some(p),
                },
            ));
        }
        let (u, e) = self.unit(j)?;
        // Only the singular: "the next two years" is a duration.
        if self.tok(j)?.norm.ends_with('s') || !matches!(u.as_str(), "D" | "W" | "M" | "Y" | "Q") {
            return None;
        }
        if days_only && u != "D" {
            return None;
        }
        Some((
            e,
            Expr::Anaphor {
                unit: u,
                n,
                time: None,
            },
        ))
    }
}
