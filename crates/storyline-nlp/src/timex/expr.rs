//! What the grammar recognises, before it is anchored to the dateline.

/// A recognised time expression, not yet normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A value that needs no anchor: `P3D`, `PRESENT_REF`, `1998`, `2024-10-26`.
    Fixed {
        /// The TimeML value.
        value: String,
        /// The TimeML type.
        kind: &'static str,
    },
    /// A day of a month; the year may be missing, `to` closes a range (month, day).
    Day {
        /// Year, when the text states it.
        y: Option<i32>,
        /// Month.
        m: u8,
        /// Day.
        d: u8,
        /// End of a range ("October 27–28").
        to: Option<(u8, u8)>,
        /// Time of day (`14:00`, `MO`).
        time: Option<String>,
    },
    /// A month; `shift` is last (-1), this (0), next (1), or `None` to choose by tense.
    Month {
        /// Year, when stated.
        y: Option<i32>,
        /// Month.
        m: u8,
        /// Explicit direction.
        shift: Option<i32>,
    },
    /// A weekday (Monday = 0), before or after the dateline.
    Weekday {
        /// Day of the week.
        wd: u8,
        /// Explicit direction.
        shift: Option<i32>,
        /// Time of day.
        time: Option<String>,
    },
    /// The dateline moved by `n` units (`D`, `W`, `M`, `Y`, `Q`, `DE`), at that unit's grain.
    Offset {
        /// Unit.
        unit: String,
        /// How many (negative: before).
        n: i64,
        /// Time of day, for days.
        time: Option<String>,
    },
    /// `n` units before the dateline, said with "ago" or "earlier": like [`Expr::Offset`],
    /// but measured from the period under discussion when that is a quarter.
    Ago {
        /// Unit.
        unit: String,
        /// How many (negative: before).
        n: i64,
    },
    /// A season (`SP`, `SU`, `FA`, `WI`).
    Season {
        /// Year, when stated.
        y: Option<i32>,
        /// Season code.
        s: String,
        /// Explicit direction.
        shift: Option<i32>,
    },
    /// A quarter (`q` 1–4, or `None` for "the quarter"), or a half when `half` is set.
    Quarter {
        /// Year, when stated.
        y: Option<i32>,
        /// Which one.
        q: Option<u8>,
        /// Explicit direction.
        shift: Option<i32>,
        /// A half year rather than a quarter.
        half: bool,
    },
    /// The `n`-th weekday `wd` of month `m` (Thanksgiving), in the dateline's year.
    NthWeekday {
        /// Month.
        m: u8,
        /// Day of the week, Monday = 0.
        wd: u8,
        /// Which one, from 1.
        n: u8,
    },
    /// Day `d` of the month nearest the dateline ("18일" in a report of the 19th).
    NearDay {
        /// Day of the month.
        d: u8,
        /// Time of day ("18일 오전").
        time: Option<String>,
    },
    /// Day `d` of the month `n` months from the dateline's ("다음 달 11일").
    MonthDay {
        /// Months from the dateline's.
        n: i64,
        /// Day of the month.
        d: u8,
    },
    /// The week holding a day of a month ("the week of March 6").
    WeekOf {
        /// Year, when the text states it.
        y: Option<i32>,
        /// Month.
        m: u8,
        /// Day.
        d: u8,
    },
    /// A weekend.
    Weekend {
        /// Explicit direction.
        shift: Option<i32>,
    },
    /// `n` units from the date the text last named ("that year", "the following month",
    /// "the next day"); the dateline when the text has named none.
    Anaphor {
        /// Unit (`D`, `W`, `M`, `Y`, `Q`).
        unit: String,
        /// How many (negative: before).
        n: i64,
        /// Part of the day, for days ("the next morning").
        time: Option<String>,
    },
    /// A clock time on the dateline's day.
    Clock {
        /// `HH:MM`.
        hm: String,
    },
}

impl Expr {
    /// A fixed value of the given type.
    pub fn fixed(value: impl Into<String>, kind: &'static str) -> Expr {
        Expr::Fixed {
            value: value.into(),
            kind,
        }
    }
}
