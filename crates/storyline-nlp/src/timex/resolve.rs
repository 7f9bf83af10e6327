//! Anchoring: turning an [`Expr`] into a TimeML value against the dateline, with the tense
//! of the surrounding words deciding direction where the expression leaves it open.

use storyline_model::Date;

use super::expr::Expr;
use super::lexicon::Lexicon;
use super::tokens::{Tok, TokKind};

/// Which way the words around an expression point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Past-tense cues are nearest ("said", "was", "-ed").
    Past,
    /// Future cues are nearest ("will", "plans to", "next").
    Future,
    /// No cue in the clause.
    Unknown,
}

/// How many tokens either side are searched for a tense cue.
const WINDOW: usize = 12;

/// The tense of the clause around tokens `start..end`: the nearest cue wins.
pub fn tense(toks: &[Tok], text: &str, lex: &Lexicon, start: usize, end: usize) -> Tense {
    let breaks = |a: usize, b: usize| -> bool {
        // A sentence or line boundary between tokens a and b (a < b).
        let (Some(ta), Some(tb)) = (toks.get(a), toks.get(b)) else {
            return true;
        };
        let gap = text.get(ta.end..tb.start).unwrap_or("");
        gap.contains('\n')
            || (ta.kind == TokKind::Punct && matches!(ta.norm.as_str(), "!" | "?" | ";"))
            || (ta.kind == TokKind::Punct
                && ta.norm == "."
                && tb.upper
                && a > 0
                && toks.get(a - 1).is_some_and(|p| p.norm.chars().count() > 3))
    };
    let cue = |j: usize| -> Option<Tense> {
        if lex.has(toks, j, "future") {
            return Some(Tense::Future);
        }
        if lex.has(toks, j, "past") {
            return Some(Tense::Past);
        }
        let w = &toks.get(j)?.norm;
        // "will be named": a participle after an auxiliary says nothing of the tense.
        let after_aux = j > 0 && lex.has(toks, j - 1, "aux");
        // A capitalised word inside a sentence is a name ("United", "Red"), not a verb.
        let name = toks[j].upper && j > 0 && !breaks(j - 1, j);
        if toks[j].kind == TokKind::Word
            && !after_aux
            && !name
            && lex.words("past_suffix").any(|e| {
                let s = e.word();
                w.chars().count() > s.chars().count() + 2 && w.ends_with(s)
            })
        {
            return Some(Tense::Past);
        }
        if toks[j].kind == TokKind::Word
            && lex.words("future_suffix").any(|e| {
                let s = e.word();
                w.chars().count() > s.chars().count() + 1 && w.ends_with(s)
            })
        {
            return Some(Tense::Future);
        }
        None
    };
    // "until Tuesday", "through January": a limit still ahead when the article was written,
    // unless the clause is in the past perfect ("had filed reports by Wednesday").
    // An article or "a" may stand between ("hasta el jueves", "fino a venerdì").
    let limit = start > 0 && lex.has(toks, start - 1, "future_limit")
        || start > 1
            && lex.has(toks, start - 1, "limit_article")
            && lex.has(toks, start - 2, "future_limit");
    if limit {
        let lo = start.saturating_sub(WINDOW);
        let hi = (end + WINDOW).min(toks.len());
        let perfect = (lo..hi).any(|j| {
            lex.has(toks, j, "perfect")
                && (j < start && !(j..start).any(|k| breaks(k, k + 1))
                    || j >= end && !(end..j).any(|k| k > 0 && breaks(k - 1, k)))
        });
        if !perfect {
            return Tense::Future;
        }
    }
    let mut left = None;
    for j in (start.saturating_sub(WINDOW)..start).rev() {
        if breaks(j, j + 1) && j + 1 < start {
            break;
        }
        if breaks(j, j + 1) && toks[j].kind == TokKind::Punct {
            break;
        }
        if let Some(t) = cue(j) {
            left = Some((start - j, t));
            break;
        }
    }
    let mut right = None;
    let mut comma = false;
    for j in end..(end + WINDOW).min(toks.len()) {
        if j > end && breaks(j - 1, j) {
            break;
        }
        comma |= toks[j].kind == TokKind::Punct && toks[j].norm == ",";
        // "… to Busan on Wednesday, he added": the report's tense is not the content's.
        if comma && lex.has(toks, j, "report") {
            break;
        }
        if let Some(t) = cue(j) {
            right = Some((j + 1 - end, t));
            break;
        }
    }
    // "Wednesday's ruling": an event already named, so before the dateline.
    if toks
        .get(end)
        .is_some_and(|t| t.norm == "'" || t.norm == "’")
        && toks.get(end + 1).is_some_and(|t| t.norm == "s")
    {
        return Tense::Past;
    }
    match (left, right) {
        // The verb usually comes before the adverbial: a cue after it must be much nearer.
        (Some((dl, tl)), Some((dr, tr))) => return if 2 * dr < dl { tr } else { tl },
        (Some((_, t)), None) | (None, Some((_, t))) => return t,
        (None, None) => {}
    }
    Tense::Unknown
}

/// The TimeML value and type of `e`, anchored at `anchor` (the dateline) when there is one.
pub fn value(e: &Expr, anchor: Option<Date>, tense: Tense) -> Option<(String, &'static str)> {
    let with_time = |day: String, time: &Option<String>| match time {
        Some(t) if t.contains(':') => (format!("{day}T{t}"), "TIME"),
        Some(t) => (format!("{day}T{t}"), "TIME"),
        None => (day, "DATE"),
    };
    Some(match e {
        Expr::Fixed { value, kind } => (value.clone(), *kind),
        Expr::Day { y, m, d, to, time } => {
            let year = |m: u8, d: u8| -> Option<i32> {
                y.or_else(|| anchor.map(|a| day_year(a, m, d, tense)))
            };
            let fmt = |m: u8, d: u8| match year(m, d) {
                Some(y) => format!("{y:04}-{m:02}-{d:02}"),
                None => format!("XXXX-{m:02}-{d:02}"),
            };
            if let Some(yy) = year(*m, *d) {
                Date::new(yy, *m, *d)?;
            }
            match to {
                Some((m2, d2)) => (format!("{}/{}", fmt(*m, *d), fmt(*m2, *d2)), "DATE"),
                None => with_time(fmt(*m, *d), time),
            }
        }
        Expr::Month { y, m, shift } => {
            let y = y.or_else(|| anchor.map(|a| month_year(a, *m, *shift, tense)));
            match y {
                Some(y) => (format!("{y:04}-{m:02}"), "DATE"),
                None => (format!("XXXX-{m:02}"), "DATE"),
            }
        }
        Expr::Weekday { wd, shift, time } => match anchor {
            Some(a) => {
                let back = (i64::from(a.weekday()) - i64::from(*wd)).rem_euclid(7);
                let fwd = (i64::from(*wd) - i64::from(a.weekday())).rem_euclid(7);
                let off = match (shift, tense) {
                    (Some(s), _) if *s < 0 => -(if back == 0 { 7 } else { back }),
                    (Some(s), _) if *s > 0 => {
                        if fwd == 0 {
                            7
                        } else {
                            fwd
                        }
                    }
                    (_, Tense::Future) => fwd,
                    _ => -back,
                };
                with_time(a.add_days(off).to_string(), time)
            }
            None => with_time(format!("XXXX-WXX-{}", wd + 1), time),
        },
        Expr::Ago { unit, n } => {
            return value(
                &Expr::Offset {
                    unit: unit.clone(),
                    n: *n,
                    time: None,
                },
                anchor,
                tense,
            )
        }
        // With no date named before it, "that day" is the dateline's.
        Expr::Anaphor { unit, n, time } => {
            return value(
                &Expr::Offset {
                    unit: unit.clone(),
                    n: *n,
                    time: time.clone(),
                },
                anchor,
                tense,
            )
        }
        Expr::Offset { unit, n, time } if unit.ends_with('~') => {
            let n = if tense == Tense::Future { *n } else { -*n };
            let unit = unit.trim_end_matches('~').to_string();
            return value(
                &Expr::Offset {
                    unit,
                    n,
                    time: time.clone(),
                },
                anchor,
                tense,
            );
        }
        Expr::Offset { unit, n, time } => match anchor {
            Some(a) => match unit.as_str() {
                "D" => with_time(a.add_days(*n).to_string(), time),
                "W" => {
                    let (y, w) = a.add_days(n * 7).iso_week();
                    (format!("{y:04}-W{w:02}"), "DATE")
                }
                "M" => {
                    let d = a.add_months(i32::try_from(*n).ok()?);
                    (format!("{:04}-{:02}", d.year, d.month), "DATE")
                }
                "Y" => (format!("{:04}", a.year + i32::try_from(*n).ok()?), "DATE"),
                "DE" => (
                    format!("{}", (a.year + 10 * i32::try_from(*n).ok()?) / 10),
                    "DATE",
                ),
                "CE" => (
                    format!("{:02}", (a.year + 100 * i32::try_from(*n).ok()?) / 100),
                    "DATE",
                ),
                _ => return None,
            },
            None => match unit.as_str() {
                "D" => with_time("XXXX-XX-XX".into(), time),
                "W" => ("XXXX-WXX".into(), "DATE"),
                "M" => ("XXXX-XX".into(), "DATE"),
                "Y" => ("XXXX".into(), "DATE"),
                _ => return None,
            },
        },
        Expr::Season { y, s, shift } => {
            let start = match s.as_str() {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            let y = y.or_else(|| {
                let a = anchor?;
                Some(match shift {
                    Some(k) if *k < 0 => a.year - i32::from(start >= a.month),
                    Some(k) if *k > 0 => a.year + i32::from(start <= a.month),
                    _ => a.year,
                })
            });
            match y {
                Some(y) => (format!("{y:04}-{s}"), "DATE"),
                None => (format!("XXXX-{s}"), "DATE"),
            }
        }
        Expr::Quarter { y, q, shift, half } => {
            let (p, per) = if *half { ("H", 6) } else { ("Q", 3) };
            let count = 12 / i32::from(per);
            let Some(a) = anchor else {
                return Some(match (y, q) {
                    (Some(y), Some(q)) => (format!("{y:04}-{p}{q}"), "DATE"),
                    (_, Some(q)) => (format!("XXXX-{p}{q}"), "DATE"),
                    _ => ("XXXX-XX".into(), "DATE"),
                });
            };
            let cur = i32::from((a.month - 1) / per + 1);
            let (yy, qq) = match (q, shift) {
                (Some(q), s) => {
                    let q = i32::from(*q);
                    // The last such quarter, but this year's where the clause looks ahead
                    // ("soll im dritten Quartal abgeschlossen werden" in May); a quarter
                    // already past stays this year's even then ("third-quarter results
                    // will …" in October).
                    let usual = if q <= cur || tense == Tense::Future {
                        a.year
                    } else {
                        a.year - 1
                    };
                    let yy = match s {
                        // "this year's third quarter" (shift 10 + k): the year k from the dateline.
                        Some(s) if *s >= 9 => a.year + s - 10,
                        // "the year-earlier third quarter"
                        Some(-5) => usual - 1,
                        _ => usual,
                    };
                    (y.unwrap_or(yy), q)
                }
                (None, Some(s)) if *s >= 9 => (y.unwrap_or(a.year + s - 10), cur - 1),
                (None, s) => {
                    let k = cur + s.unwrap_or(-1);
                    let dy = (k - 1).div_euclid(count);
                    let q = (k - 1).rem_euclid(count) + 1;
                    (y.unwrap_or(a.year + dy), q)
                }
            };
            (format!("{yy:04}-{p}{qq}"), "DATE")
        }
        Expr::Weekend { shift } => match anchor {
            Some(a) => {
                // A weekend named during the week is the one before it in the past tense.
                let k = match (shift, tense) {
                    (Some(k), _) => i64::from(*k),
                    (None, Tense::Past) if a.weekday() < 5 => -1,
                    _ => 0,
                };
                let d = a.add_days(7 * k);
                let (y, w) = d.iso_week();
                (format!("{y:04}-W{w:02}-WE"), "DATE")
            }
            None => ("XXXX-WXX-WE".into(), "DATE"),
        },
        Expr::WeekOf { y, m, d } => {
            match y.or_else(|| anchor.map(|a| day_year(a, *m, *d, tense))) {
                Some(y) => {
                    let (y, w) = Date::new(y, *m, *d)?.iso_week();
                    (format!("{y:04}-W{w:02}"), "DATE")
                }
                None => ("XXXX-WXX".into(), "DATE"),
            }
        }
        Expr::NthWeekday { m, wd, n } => match anchor {
            Some(a) => {
                let in_year = |y: i32| {
                    let first = Date::new(y, *m, 1)?;
                    let off = (i64::from(*wd) - i64::from(first.weekday())).rem_euclid(7);
                    Some(first.add_days(off + 7 * (i64::from(*n) - 1)))
                };
                let y = nearest_year_of(a, tense, in_year);
                (in_year(y)?.to_string(), "DATE")
            }
            None => (format!("XXXX-{m:02}"), "DATE"),
        },
        Expr::NearDay { d, time } => match anchor {
            Some(a) => {
                let this = Date::new(a.year, a.month, 1)?;
                let near = [-1, 0, 1]
                    .iter()
                    .filter_map(|&k| {
                        let m = this.add_months(k);
                        Date::new(m.year, m.month, *d)
                    })
                    .min_by_key(|c| (c.to_days() - a.to_days()).abs())?;
                with_time(near.to_string(), time)
            }
            None => with_time(format!("XXXX-XX-{d:02}"), time),
        },
        Expr::MonthDay { n, d } => match anchor {
            Some(a) => {
                let m = Date::new(a.year, a.month, 1)?.add_months(i32::try_from(*n).ok()?);
                (Date::new(m.year, m.month, *d)?.to_string(), "DATE")
            }
            None => (format!("XXXX-XX-{d:02}"), "DATE"),
        },
        Expr::Clock { hm } => match anchor {
            Some(a) => (format!("{a}T{hm}"), "TIME"),
            None => (format!("XXXX-XX-XXT{hm}"), "TIME"),
        },
    })
}

/// The year of a day without one: the nearest to the dateline (see [`nearest_year_of`]).
fn day_year(a: Date, m: u8, d: u8, tense: Tense) -> i32 {
    nearest_year_of(a, tense, |y| Date::new(y, m, d))
}

/// The year, one either side of the dateline's, whose day `in_year` gives is nearest to the
/// dateline, where a day on the wrong side of it for the tense (after it, when the tense is
/// unknown) counts as twice as far.
fn nearest_year_of(a: Date, tense: Tense, in_year: impl Fn(i32) -> Option<Date>) -> i32 {
    // With no cue, news reports what has happened: the past side is the likelier.
    nearest_year_by(a, in_year, |diff| match tense {
        Tense::Past | Tense::Unknown => diff > 0,
        Tense::Future => diff < 0,
    })
}

/// The year, one either side of the dateline's, whose day `in_year` gives is nearest to the
/// dateline; a day `wrong` says of (by its distance in days, after the dateline positive)
/// counts as twice as far.
fn nearest_year_by(
    a: Date,
    in_year: impl Fn(i32) -> Option<Date>,
    wrong: impl Fn(i64) -> bool,
) -> i32 {
    let mut best = (i64::MAX, a.year);
    for y in [a.year - 1, a.year, a.year + 1] {
        let Some(c) = in_year(y) else {
            continue;
        };
        let diff = c.to_days() - a.to_days();
        let dist = diff.abs() * if wrong(diff) { 2 } else { 1 };
        if dist < best.0 {
            best = (dist, y);
        }
    }
    best.1
}

/// The year of a bare month: last/this/next when stated, else by tense, else the nearest.
fn month_year(a: Date, m: u8, shift: Option<i32>, tense: Tense) -> i32 {
    match (shift, tense) {
        // "July last year" (10 + k): the year k from the dateline.
        (Some(s), _) if s >= 9 => a.year + s - 10,
        (Some(s), _) if s < 0 => a.year - i32::from(m >= a.month),
        (Some(s), _) if s > 0 => a.year + i32::from(m <= a.month),
        (Some(_), _) => a.year,
        (None, Tense::Past) => a.year - i32::from(m > a.month),
        (None, Tense::Future) => a.year + i32::from(m < a.month),
        (None, Tense::Unknown) => nearest_year_by(a, |y| Date::new(y, m, 15), |_| false),
    }
}
