//! Time expressions, normalized against the article's own date.
use crate::schema::{DateExpr, ReferenceDate};
use crate::structure::StructureInfo;
use crate::text::Doc;
use std::ops::Range;

/// A proleptic Gregorian calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl CalendarDate {
    /// Parses `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(s: &str) -> Option<CalendarDate> {
        let mut it = s.trim().splitn(3, '-');
        let year: i32 = it.next()?.parse().ok()?;
        let month: u32 = it.next()?.parse().ok()?;
        let day: u32 = it.next()?.parse().ok()?;
        CalendarDate::new(year, month, day)
    }

    pub fn new(year: i32, month: u32, day: u32) -> Option<CalendarDate> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(CalendarDate { year, month, day })
    }
}

impl std::fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

#[derive(Debug, Clone, Default)]
pub struct DatesResult {
    pub reference: Option<ReferenceDate>,
    pub dates: Vec<DateExpr>,
    /// Byte ranges of every date expression, so that figures skip "2021" and "9/11".
    pub claimed: Vec<Range<usize>>,
}

pub fn extract(doc: &Doc, structure: &StructureInfo, given: Option<CalendarDate>) -> DatesResult {
    let _ = (doc, structure, given);
    DatesResult::default()
}
