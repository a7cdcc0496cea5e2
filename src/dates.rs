//! Time expressions, normalized against the article's own date.
//!
//! # The reference date
//!
//! Relative expressions ("Sunday", "in June", "three years ago") are resolved against one
//! reference date, chosen in this order:
//!
//! 1. the caller's date ([`DateSource::Given`]);
//! 2. a dateline: a complete date (year, month and day) on one of the first five non-blank
//!    lines, when that line either names it ("Published", "Posted", "Updated"; a published
//!    date wins over an updated one) or is little more than the date (at most four other
//!    tokens, as in "Aug. 22, 2021 | 10:30 AM") ([`DateSource::Dateline`]);
//! 3. the latest complete date written anywhere in the text, typically a photo caption
//!    ([`DateSource::LatestInText`]). Numeric dates whose day and month could be swapped are
//!    not used, nor are named events ("9/11").
//!
//! `evidence` is the span of the date expression the reference came from.
//!
//! When there is no reference, relative expressions are still reported, with the unknown
//! parts written as `X` in TIMEX3 style: a weekday is `XXXX-WXX-7` (ISO weekday, Monday 1),
//! "August 14" is `XXXX-08-14`, "in June" is `XXXX-06`, "yesterday" is `XXXX-XX-XX`,
//! "three years ago" is `XXXX`.
//!
//! # Values
//!
//! TIMEX3-like: `2021-08-22`, `2021-W33` (ISO week), `2021-W33-WE` (weekend), `2021-08`,
//! `2021-Q1`, `2021-H1` (half year), `2021-SU` (season: `SP`, `SU`, `FA`, `WI`; winter `2020-WI`
//! runs from December 2020 into 2021), `2021`, `199` (the 1990s). Durations are ISO 8601:
//! `P3Y`, `P6M`, `P2W`, `P10D`, `PT5H`, `PT30M`; decades and centuries are TimeML's `DE` and
//! `CE` units (`P2DE`, with `exact` `P20Y`), and a vague count is `X` ("several days": `PXD`,
//! with `exact` `P3D`), as HeidelTime writes them.
//! Periods ("the first four months of 2021", "between 2019 and 2021") have `value` at the
//! start and `until` at the end, both inclusive.
//!
//! TimeML's vague points are values too: `PRESENT_REF` ("now", "right now", "currently"),
//! `PAST_REF` ("recently", "recent years", "a few years ago"), `FUTURE_REF` ("soon", "the
//! coming weeks", "several days later"); a counted vague shift keeps its reading with the
//! count as three in `exact`. "now that", "now and then" and "as soon as" are not read.
//!
//! Years are `i32`; arithmetic is checked, and a result outside `i32` leaves the expression
//! unresolved (`XXXX`). Years 0-9999 are written with four digits, others as plain integers.
//! A bare four-digit number is read as a year only between 1000 and 2199, and only in date
//! context ("in 2001", "since 2017", "the end of 2021"), or, for 1800-2099, standing in running
//! text where no count or measure reading fits: "the 2016 election", "2019 was hard", "sales of
//! 2007", "dates back to 1865" are years; "2000 votes", "about 1900", "a total of 2015",
//! "the 2000 who fled", "$2015", "2100 GMT", "Windows 2000" (a capitalized word before, not
//! starting the sentence) are not.
//!
//! # Tense
//!
//! Expressions that could point either way ("Sunday", "in November", "August 14", "the third
//! quarter") are resolved by the tense of the sentence around them, read from simple markers:
//! future: `will`, `'ll`, `shall`, `won't`, `must`, `next`, `upcoming`, `tomorrow`, `due`, and
//! `going`/`set`/`expected`/`scheduled`/`planned`/`plans`/`slated`/`poised`/`have`/`has`/
//! `need(s)`/`want(s)`/`hope(s)`/`aim(s)`/`intend(s)`/`about` + `to`; past: a
//! short list of past forms (`said`, `was`, `had`, `told`, `took`, ...), `ago`, `yesterday`,
//! `last`, and lowercase words of five or more letters in `-ed` not right after `be`/`is`/
//! `are`/`been`/`being`/`will`/`to` (participles in passives and infinitives do not mark the
//! past). The marker nearest to the expression in its sentence wins; a tie goes to the
//! future. Then:
//! - past: the nearest such day/month/quarter/season at or before the reference;
//! - future: the nearest at or after it (so "will speak Sunday" on a Sunday is that day);
//! - no marker: whichever is closer, a tie going to the past (news reports the past).
//!
//! "last Sunday"/"last June" are strictly before the reference, "next ..." strictly after.
//!
//! # Anchors
//!
//! "a month later", "two weeks earlier", "the next day", "the previous year", "the same day"
//! count from the last date expression before them in the text (the end of a period), or from
//! the reference date when there is none. "N units ago" and "last/this/next week" count from the reference.
//! The result is no finer than both the anchor and the unit ("a month later" after a day gives
//! a month): "a month later" is not precise to the day. Weeks shift days by seven, and the
//! value is the ISO week: "two weeks ago", "a week later".
//!
//! # Ambiguity
//!
//! A numeric date like `3/4/2021` can be March 4 or April 3. It is reported with
//! `ambiguous: true` and the month-first (US) reading as `value`; the other reading swaps day
//! and month. Unambiguous forms (`13/4/2021`, `2021-04-03`) are not flagged. Dotted dates
//! (`22.08.2021`) are read day first, as they are written everywhere that uses them.
//!
//! # Events
//!
//! A few events are written like dates: `9/11` (2001-09-11), `7/7` (2005-07-07) and `26/11`
//! (2008-11-26). They are kind `Event` with the day as value, and count as anchors.
//!
//! # Forms read (second pass)
//!
//! - Lowercase month and weekday names (chat, captions). "may", "march" and lowercase month
//!   abbreviations are also common words: they count only with a day or a year right after,
//!   or a preposition before and the end of the phrase after ("in may."). Lowercase weekday
//!   abbreviations only when they are no other word (`mon`, `tue`, `thu`, `fri`; not `sat`,
//!   `sun`, `wed`); bare capitalized abbreviations ("Tue") need a preposition before.
//! - Month names glued to numbers: "Oct2", "Oct-2", "jan/3", "Dec-2018", "2019-sep-1".
//! - Numeric month-day without a year ("on 4/22", "from 10/1"), only after a word that
//!   introduces a date, or in a list after one ("on 11/20, 11/22 or 11/25"): elsewhere "3/4"
//!   is a fraction and "24/7" a phrase. Month-year:
//!   "11/2016", "2016/11", "2016-11"; "2010-11" with the next year's two digits is a season
//!   straddling two years (2010 to 2011).
//! - Days in words ("May twenty-first", "february twenty second": a lowercase month only with
//!   an ordinal, never "may"/"march"; "the second of August"; a cardinal only before a full
//!   month and its year: "twenty five January nineteen eighty six"), bare days after a
//!   preposition ("on the 27th."), "Friday the 13th" (the nearest month where it falls on that
//!   weekday), "the 20th of next month", "the 15th day of June", day ranges taking their
//!   month from the second day ("from 4 to 22 January", "April 9th through 17th", "between
//!   the ninth and the seventeenth of April", "4 to 23 next month", "from 4-23 in next month";
//!   without "from"/"between" only with a numeric first day: "9 to 12 of June").
//! - Shifts: "two weeks from now", "three days hence", "1 month and 21 days ago", "two days
//!   after tomorrow", "2 weeks before May 13, 1999". A shift from a written day is a day.
//!   "in three weeks" is a date only when the sentence speaks of the future ("will leave in
//!   three weeks"); otherwise it is the duration ("the first rise in three weeks").
//! - Windows: TimeML writes "the past three weeks" as its length: kind `Duration`, value
//!   `P3W`; `exact` gives the days it covers, `first/last`. "the past three weeks" runs from
//!   the day three weeks before the reference to the day before it; "the next 5 days" from
//!   the day after the reference; "within 10 months" from the reference to the day before the
//!   same date 10 months on; "the next couple weeks" (two), "the past fortnight" (two weeks).
//!   Decades are whole calendar decades ("the last two decades" in 2016: `P20Y`, the 1990s and
//!   2000s); "the next decade" is the coming one (`202` in 2016). One unit without a count
//!   is a window too, as TimeBank marks it: "the past year", "the last decade" (`P1Y`,
//!   `P1DE`: the year or the ten years before the reference, not the calendar year or the
//!   2000s that HeidelTime reads, nor "last year", which is the calendar year); "the last"
//!   only where the phrase ends or a verb follows ("the last year has been hard"; "the last
//!   year of his term" is not read). "the past 24 hours" is the duration `PT24H` with the
//!   window's words in its span and no days in `exact`. Quarters are whole calendar
//!   quarters, read as a period ("the last two quarters" in August 2019 is 2019-Q1 to
//!   2019-Q2, like "last quarter"; a lone "the previous quarter" stays out). "the rest of the
//!   week" runs from the reference to the end of the week.
//! - Weeks: "Friday next week", "next week on Friday"; "the third week of July" (week 1 of a
//!   month holds its first Thursday, as ISO week 1 of a year does); "the first/last week of
//!   2015" (ISO weeks); "the week of April 10" (the ISO week holding it; "the week of the
//!   18th": the 18th nearest by tense); "week 31 of 2021"
//!   (bare "week 31" only after "the"/"in"/"from"..., and not before "of": "week 2 of the
//!   trial" is not a calendar week); "over the weekend" in a past-tense sentence said on a
//!   weekday is the weekend just gone. "in/for the week/month/year" is the current one (not
//!   after "of": "the busiest days of the year" is generic).
//! - Decades and centuries: "the 1970's", "the '70s" and "the seventies" (the century that
//!   puts the decade's start at or before the reference year; without one 1930s-1990s and
//!   2000s-2020s), "the 21st century" (`20`); "in nineties" and "in 70's" without the
//!   article ("in 70s" is as often a temperature). "in her seventies" (an age) is not read.
//! - Holidays with one date across the English-language press: Christmas (Eve, Day), Boxing
//!   Day, New Year's Day/Eve, Valentine's Day, St. Patrick's Day, Earth Day, Halloween,
//!   Juneteenth, Veterans Day, Remembrance and Armistice Day (November 11), (US)
//!   Thanksgiving and Black Friday, Easter (Sunday, Monday) and Good Friday (Gregorian
//!   computus), Memorial Day, Labor Day, Mother's and Father's Day (US dates), Martin Luther
//!   King Day. "Labor Day weekend", "the weekend of Thanksgiving": the weekend next to the
//!   holiday (before a Monday or Tuesday one, else in its week). Bare one-word names need a
//!   preposition or a year ("before Christmas", "Easter
//!   2020"): "Christmas shopping" is not a date. Independence days differ by country and are
//!   not read.
//! - Modifiers: "early", "mid", "late", "the beginning/start/middle/end of" before a date set
//!   `modifier` and keep the whole period as the value (TIMEX3's `mod`); "end of year" without
//!   the article is the current year's end.
//! - Durations: abbreviations ("3 hrs", "20 min", "3h"), seconds, nights (days), several parts
//!   ("1 year 2 months" -> `P1Y2M`), halves ("an hour and a half" -> `PT1.5H`), "a couple of"
//!   (2), "a few"/"several"/"some"/"many" (`PXD` in `value`; 3 in `exact`, the value chrono
//!   and Recognizers-Text use), "another week". A singular unit after a number ("a three year plan") is a
//!   duration like "three-year"; "a second attack" is not.
//! - Ranges join two points of the same fineness without "from" ("Oct. 2 to October 22",
//!   "2014 through 2018"), and of any fineness with "through" ("2014 through May 2018").
//! - The nth weekday of a month: "the first Friday of July", "the last Monday in May", "the
//!   second Monday of next month"; "the second Sunday" alone is of the reference's month.
//! - Numeric dates with a two-digit year: "9/18/15", and with dashes month first "9-18-15".
//! - A year before its month or quarter: "2016 November", "2016, nov", "2019 Q3", "2019 H2".
//!   The month must end the phrase or be joined to another date ("2015 June and 2018 May"):
//!   "in 2016 May said" is the year and a name.
//! - "18 and 19 June": the first day takes the month of the second.
//! - Glued quarters and month ranges: "2017-q1", "q1-2019", "Jan-Feb 2017" (the start takes
//!   the year before when its month comes later: "Nov-Feb 2017" starts in 2016); "2014~2018".
//! - A holiday name in lowercase that is also a phrase ("black friday") counts with its year.
//! - A year after "in" completes a date: "28 June in 2020".
//! - "now" as one end of a range ("between now and November 15", "from Jan 22 until now") is
//!   the reference day; alone it is `PRESENT_REF`.
//! - Two-digit years ending the phrase after "of" or a month ("April of 87", "August 99": no
//!   day past 31): 50-99 are 19xx, 00-49 20xx.
//! - Years in words after a month, a day or a preposition: "nineteen seventy eight",
//!   "nineteen zero one", "seventeen hundred thirty three", "two thousand and fifteen" (not
//!   before a counted noun: "two thousand villages").
//! - Month names glued to numbers across slashes the tokenizer splits: "2012/aug/10",
//!   "23/Sep/2020", "Oct/2"; a day before a glued month: "15Sep".
//! - Ranges the tokenizer glues: "Nov 18-Dec 19, 2015", "Nov 18 2014-Dec 19 2015",
//!   "10/1/2018-10/7/2018", "10/1-11/2/2017" (month first; without a year only after
//!   "from"/"between").
//! - A range's start without a year takes the end's ("Aug 10 - Nov 12, 2013" starts in 2013;
//!   "Nov 10 - Feb 12, 2014" in 2013). A range runs forward: an end month or day without a year
//!   that tense would put before the start is the first one after it ("between Nov. 3 and
//!   Feb. 2"). Two bare months resolve as a pair: in a past-tense sentence the range ends by
//!   the reference ("sales rose from May to September" said in August 2019 is 2018's),
//!   otherwise it holds the reference when it can ("from August to October" said in
//!   September is this year's).
//! - Windows with the count first: "the 5 past years", "the 2 next days".
//! - Month abbreviations as range ends: "from Sep to Nov".
//! - Open ranges report the bound they name, without the side: "later than 2016", "no
//!   earlier than June", "2012 or after", "2018 or later", "2015 onwards", "after Feb" (a
//!   capitalized abbreviation that is no name: Feb, Apr, Aug, Sep(t), Oct, Nov, Dec).
//! - A weekday before a numeric date names that day: "Friday 5/12", "Tuesday, 2021-09-14".
//! - A month number and its year apart: "11 / 2016", "11 - 2016", "2016 / 11", "2016 - 11"
//!   (not "2009 - 10": a season or a range of years).
//! - One whole unit: "all day", "the whole week", "a full year", "all-day", "full-year" are
//!   durations of one unit ("all night" is not a day). "a fortnight" is `P2W`. Parts of a
//!   duration are written largest first ("2 days 1 month" is `P1M2D`).
//! - "the next quarter" counts from the reference ("the next day" counts from the last date
//!   mentioned); "the previous quarter" is left out: in a results story it is the quarter
//!   before the one reported.
//!
//! - Two-digit years ("03/18/40", "August 99") are the year at most twenty years after the
//!   reference's, else a century earlier (in 2016: 1940, 2027); without a reference 50-99
//!   are 19xx.
//! - Fiscal and school years are named as written, TIMEX2 style: "fiscal 2019", "fiscal year
//!   2019", "FY19", "FY 2019" are `FY2019`; "school year 2008", "SY2008" `SY2008`; "the
//!   2019-20 school year" is named by the year it ends (`SY2020`), and so is "this school
//!   year" (from August on, the next year's); "this/last/next fiscal year" is the reference
//!   year's (`FY2018` for "last fiscal year" in 2019: fiscal calendars differ); "CY2018" is
//!   the year `2018`. No calendar day is implied (`exact` is null).
//! - Seasons without a preposition: "the summer" where no noun follows ("the summer was
//!   hot", not "the summer camp"), "the whole summer", "mid summer", "Winter," opening a
//!   sentence.
//! - "½ hour" (vulgar fractions as counts); May Day and International Workers' Day (May
//!   1); "the two thousands" (`200`), "the two thousand and tens", "the twenty-tens"
//!   (`201`); "the third month of 2021", "the 9th month of next year"; "the past quarter"
//!   (the calendar quarter before the reference's).
//! - "less than two weeks from today", "less than 3 days after tomorrow": the period from
//!   the named day to the shifted one.
//! - Several parts with "later"/"earlier" ("2 years 1 month 21 days later") shift the day
//!   of the last date mentioned, as "the same day" names it; "the whole first quarter of
//!   2013" is the quarter.
//! - A weekday after "the" and before a capitalized word that is no date names a paper or
//!   a show, not a day: "the Sunday Times", "The Sunday Telegraph".
//! - Business, working and trading days are days in `value` ("10 business days": `P10D`, as
//!   HeidelTime writes them: TimeML has no unit for them); a window of them counts
//!   weekdays in `exact` ("the past four trading days" said on a Tuesday starts the
//!   Wednesday before).
//!
//! # Conventions that differ from Recognizers-Text
//!
//! `value` follows TimeML (TIMEX3 as in TimeBank and TempEval-3, and HeidelTime), which is
//! what news annotation scores. The Recognizers-Text specs are written for a calendar
//! assistant; where its reading differs, `value` keeps TimeML's and `exact` carries the
//! calendar reading when there is one:
//! - "three years ago" is the year, "a month ago" the month, "two weeks ago" (and "two weeks
//!   from now", "in two weeks") the ISO week, as TimeML and HeidelTime write them; `exact` is
//!   the day the count lands on (`2014-11-07`), also for "a month later" after a written
//!   day, "a week later" (the ISO week; "the next day" stays a day) and "two months after
//!   May 3";
//! - windows ("the past three weeks") are durations (`P3W`); `exact` is `first/last` day;
//! - "next Sunday" is the first Sunday after the reference, not the Sunday of next week;
//! - sentences with no tense marker pick the nearer date, not the future one.
//!
//! # Certainty
//!
//! `known` lists the parts of the value the text states, or that follow exactly from the
//! reference ("yesterday", "last year", "three days ago"); `implied` the parts chosen by a
//! rule: the year of "August 14", "in June", a bare quarter, season or holiday (chosen by
//! tense), the week of "Sunday", the month of "the 27th", the century of "the 70s". Parts
//! written `X` (no reference) are implied too. This follows chrono's known/implied split.
//!
//! # Not handled
//!
//! Sets ("every Sunday", "once a year"), times of day, and durations anchored on events
//! ("two years after the war" is only the duration `P2Y`).
use crate::lexicon::{month_number, weekday_number, MONTHS, WEEKDAYS};
use crate::numbers::{
    eq_ci, in_list, ordinal_word_value, parse_digits, parse_int, scale_word, word_value, WordSet,
};
use crate::schema::{DateExpr, DateKind, DateSource, ReferenceDate};
use crate::structure::StructureInfo;
use crate::text::{Doc, TokKind};
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
        let year: i32 = parse_int(it.next()?)?;
        let month: u32 = parse_int(it.next()?)?;
        let day: u32 = parse_int(it.next()?)?;
        CalendarDate::new(year, month, day)
    }

    pub fn new(year: i32, month: u32, day: u32) -> Option<CalendarDate> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(CalendarDate { year, month, day })
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm); i64 so no i32 year overflows.
    fn days(self) -> i64 {
        let y = self.year as i64 - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    fn from_days(z: i64) -> Option<CalendarDate> {
        let z = z.checked_add(719468)?;
        let era = z.div_euclid(146097);
        let doe = z.rem_euclid(146097);
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = era.checked_mul(400)?.checked_add(yoe)? + i64::from(month <= 2);
        CalendarDate::new(i32::try_from(year).ok()?, month, day)
    }

    fn add_days(self, n: i64) -> Option<CalendarDate> {
        CalendarDate::from_days(self.days().checked_add(n)?)
    }

    /// Monday = 0, as in [`weekday_number`].
    fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        (self.days() + 3).rem_euclid(7) as u32
    }

    /// ISO 8601 week-numbering year and week.
    fn iso_week(self) -> Option<(i32, u32)> {
        let thursday = self.add_days(3 - self.weekday() as i64)?;
        let jan1 = CalendarDate::new(thursday.year, 1, 1)?;
        Some((
            thursday.year,
            ((thursday.days() - jan1.days()) / 7 + 1) as u32,
        ))
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

// ---------------------------------------------------------------------------------------
// Values

/// How fine a value is; shifting never makes a value finer than its anchor or its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gran {
    Day,
    Week,
    Month,
    Year,
    Decade,
}

const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

/// A resolved point or period of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Val {
    Day(CalendarDate),
    /// ISO week-numbering year and week.
    Week(i32, u32),
    Weekend(i32, u32),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    /// Season index into [`SEASONS`]; winter belongs to the year its December is in.
    Season(i32, u32),
    Year(i32),
    /// The decade's year divided by ten: 199 for the 1990s.
    Decade(i32),
    /// The century's year divided by a hundred: 19 for the 20th century (1900-1999).
    Century(i32),
}

fn fmt_year(y: i32) -> String {
    if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else {
        y.to_string()
    }
}

impl Val {
    fn timex(self) -> String {
        match self {
            Val::Day(d) => format!("{}-{:02}-{:02}", fmt_year(d.year), d.month, d.day),
            Val::Week(y, w) => format!("{}-W{w:02}", fmt_year(y)),
            Val::Weekend(y, w) => format!("{}-W{w:02}-WE", fmt_year(y)),
            Val::Month(y, m) => format!("{}-{m:02}", fmt_year(y)),
            Val::Quarter(y, q) => format!("{}-Q{q}", fmt_year(y)),
            Val::Half(y, h) => format!("{}-H{h}", fmt_year(y)),
            Val::Season(y, s) => {
                format!(
                    "{}-{}",
                    fmt_year(y),
                    SEASONS.get(s as usize).unwrap_or(&"XX")
                )
            }
            Val::Year(y) => fmt_year(y),
            Val::Decade(d) => {
                if (0..=999).contains(&d) {
                    format!("{d:03}")
                } else {
                    d.to_string()
                }
            }
            Val::Century(c) => {
                if (0..=99).contains(&c) {
                    format!("{c:02}")
                } else {
                    c.to_string()
                }
            }
        }
    }

    fn gran(self) -> Gran {
        match self {
            Val::Day(_) => Gran::Day,
            Val::Week(..) | Val::Weekend(..) => Gran::Week,
            Val::Month(..) | Val::Quarter(..) | Val::Half(..) | Val::Season(..) => Gran::Month,
            Val::Year(_) => Gran::Year,
            Val::Decade(_) | Val::Century(_) => Gran::Decade,
        }
    }

    /// The first day of the value.
    fn start(self) -> Option<CalendarDate> {
        match self {
            Val::Day(d) => Some(d),
            Val::Week(y, w) | Val::Weekend(y, w) => {
                // ISO week 1 holds January 4th.
                let jan4 = CalendarDate::new(y, 1, 4)?;
                let monday = jan4.add_days(-(jan4.weekday() as i64))?;
                let d = monday.add_days((w as i64 - 1) * 7)?;
                if matches!(self, Val::Weekend(..)) {
                    d.add_days(5)
                } else {
                    Some(d)
                }
            }
            Val::Month(y, m) => CalendarDate::new(y, m, 1),
            Val::Quarter(y, q) => CalendarDate::new(y, q.checked_mul(3)?.checked_sub(2)?, 1),
            Val::Half(y, h) => CalendarDate::new(y, h.checked_mul(6)?.checked_sub(5)?, 1),
            Val::Season(y, s) => CalendarDate::new(y, 3 + 3 * s.min(3), 1),
            Val::Year(y) => CalendarDate::new(y, 1, 1),
            Val::Decade(d) => CalendarDate::new(d.checked_mul(10)?, 1, 1),
            Val::Century(c) => CalendarDate::new(c.checked_mul(100)?, 1, 1),
        }
    }

    /// The last day of the value.
    fn end(self) -> Option<CalendarDate> {
        let start = self.start()?;
        let months = match self {
            Val::Day(d) => return Some(d),
            Val::Week(..) => return start.add_days(6),
            Val::Weekend(..) => return start.add_days(1),
            Val::Month(..) => 1,
            Val::Quarter(..) | Val::Season(..) => 3,
            Val::Half(..) => 6,
            Val::Year(_) => 12,
            Val::Decade(_) => 120,
            Val::Century(_) => 1200,
        };
        add_months(start, months)?.add_days(-1)
    }

    /// Reads back a value written by [`Val::timex`] (years 0-9999 only).
    fn parse(s: &str) -> Option<Val> {
        let digits = |p: &str, n: usize| {
            (p.len() == n && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| parse_int::<i64>(p))
                .flatten()
        };
        let parts: Vec<&str> = s.split('-').collect();
        if let [d] = parts.as_slice() {
            if let Some(dec) = digits(d, 3) {
                return Some(Val::Decade(dec as i32));
            }
            if let Some(c) = digits(d, 2) {
                return Some(Val::Century(c as i32));
            }
        }
        let (y, rest) = parts.split_first()?;
        let y = digits(y, 4)? as i32;
        Some(match rest {
            [] => Val::Year(y),
            [m] if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
                let m = digits(m, 2)? as u32;
                CalendarDate::new(y, m, 1)?;
                Val::Month(y, m)
            }
            [m] if SEASONS.contains(m) => {
                Val::Season(y, SEASONS.iter().position(|x| x == m)? as u32)
            }
            [m, d] if m.starts_with('W') => {
                (*d == "WE").then_some(Val::Weekend(y, parse_int(m.get(1..)?)?))?
            }
            [m] if m.starts_with('W') => Val::Week(y, parse_int(m.get(1..)?)?),
            [m] if m.starts_with('Q') => Val::Quarter(y, digits(m.get(1..)?, 1)? as u32),
            [m] if m.starts_with('H') => Val::Half(y, digits(m.get(1..)?, 1)? as u32),
            [m, d] => Val::Day(CalendarDate::new(
                y,
                digits(m, 2)? as u32,
                digits(d, 2)? as u32,
            )?),
            _ => return None,
        })
    }

    /// The value of granularity `g` that contains day `d`.
    fn at(d: CalendarDate, g: Gran) -> Option<Val> {
        Some(match g {
            Gran::Day => Val::Day(d),
            Gran::Week => {
                let (y, w) = d.iso_week()?;
                Val::Week(y, w)
            }
            Gran::Month => Val::Month(d.year, d.month),
            Gran::Year => Val::Year(d.year),
            Gran::Decade => Val::Decade(d.year.div_euclid(10)),
        })
    }
}

/// Calendar units of durations and shifts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    /// "business days", "trading days": Monday to Friday. Written `D` in a value, as
    /// HeidelTime does (TimeML has no unit for them); counted over weekdays in `exact`.
    BusinessDay,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

/// A word in lowercase without allocating: a word with no capital is borrowed as it is
/// (most tokens of news text), other ASCII words are lowered into a stack buffer, anything
/// else goes through `to_lowercase` (whose Unicode rules can turn a non-ASCII letter into
/// ASCII, so the result is always what `to_lowercase` gives). With `ascii`, non-ASCII letters
/// are kept as they are (`to_ascii_lowercase`).
///
/// The heap form is freed by the out-of-line `drop` below, not by drop glue: a `Lower` is
/// made in some hundred places, and at `opt-level = 2` each inlined drop was 30 bytes of wasm
/// (docs/performance.md, round 22).
enum Lower<'a> {
    Same(&'a str),
    Buf([u8; 24], usize),
    Heap(std::mem::ManuallyDrop<String>),
}

impl Drop for Lower<'_> {
    #[inline(never)]
    fn drop(&mut self) {
        if let Lower::Heap(h) = self {
            drop(std::mem::take(&mut **h));
        }
    }
}

impl<'a> Lower<'a> {
    fn of(s: &'a str) -> Lower<'a> {
        Lower::make(s, false)
    }

    fn ascii(s: &'a str) -> Lower<'a> {
        Lower::make(s, true)
    }

    fn make(s: &'a str, ascii: bool) -> Lower<'a> {
        // One pass for both tests (`is_ascii` after a first scan was a call of its own).
        let (mut upper, mut wide) = (false, false);
        for &b in s.as_bytes() {
            upper |= b.is_ascii_uppercase();
            wide |= !b.is_ascii();
        }
        if !upper && !wide {
            return Lower::Same(s);
        }
        if !wide && s.len() <= 24 {
            let mut buf = [0u8; 24];
            for (d, c) in buf.iter_mut().zip(s.bytes()) {
                *d = c.to_ascii_lowercase();
            }
            return Lower::Buf(buf, s.len());
        }
        Lower::Heap(std::mem::ManuallyDrop::new(if ascii {
            s.to_ascii_lowercase()
        } else {
            s.to_lowercase()
        }))
    }

    /// With a curly apostrophe made straight ("won’t"), for lists spelled with `'`. Only a
    /// heap copy can hold one: the other two forms are ASCII.
    fn straight_quotes(self) -> Lower<'a> {
        match &self {
            Lower::Heap(h) if h.contains('’') => {
                Lower::Heap(std::mem::ManuallyDrop::new(h.replace('’', "'")))
            }
            _ => self,
        }
    }

    fn as_str(&self) -> &str {
        match self {
            Lower::Same(s) => s,
            Lower::Heap(h) => h,
            Lower::Buf(b, n) => b
                .get(..*n)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or(""),
        }
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        match self {
            Lower::Buf(b, n) => b.get(..*n) == Some(other.as_bytes()),
            _ => self.as_str() == *other,
        }
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

fn unit_of(word: &str) -> Option<Unit> {
    if !may_be_unit(word) {
        return None;
    }
    if let Some(u) = unit_abbreviation(word) {
        return Some(u);
    }
    let w = Lower::of(word);
    let w = w.strip_suffix('s').unwrap_or(&w);
    Some(match w {
        "second" => Unit::Second,
        "minute" => Unit::Minute,
        "hour" => Unit::Hour,
        "day" | "night" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        "century" | "centurie" => Unit::Century,
        _ => return None,
    })
}

/// Whether `word` starts as a unit word of [`unit_of`] or [`unit_abbreviation`] may: with one
/// of their first letters, either case, or with a byte that is not ASCII (which the lowercasing
/// reads). They are asked of the word after every "a", "some" and count; most words stop here,
/// before two lowercase copies and the lists.
fn may_be_unit(word: &str) -> bool {
    word.as_bytes().first().is_some_and(|&c| {
        !c.is_ascii()
            || matches!(
                c | 0x20,
                b'c' | b'd' | b'h' | b'm' | b'n' | b's' | b'w' | b'y'
            )
    })
}

/// Short unit words, which carry no plural mark: "3 hrs", "20 min", "3h" (glued).
fn unit_abbreviation(word: &str) -> Option<Unit> {
    if !may_be_unit(word) {
        return None;
    }
    Some(match Lower::of(word).trim_end_matches('.') {
        "sec" | "secs" => Unit::Second,
        "min" | "mins" => Unit::Minute,
        "h" | "hr" | "hrs" => Unit::Hour,
        "wk" | "wks" => Unit::Week,
        "yr" | "yrs" => Unit::Year,
        _ => return None,
    })
}

fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        // Not format!: Rust's float printing would add 8 KiB gzipped to the page for this one
        // call (docs/performance.md).
        crate::numbers::display_f64((x * 1000.0).round() / 1000.0)
    }
}

/// An ISO 8601 duration of several parts: "1 year 1 month 21 days" -> `P1Y1M21D`.
fn durations_value(parts: &[(f64, Unit)]) -> String {
    if let [(n, u)] = parts {
        return duration_value(*n, *u);
    }
    let mut date = String::new();
    let mut time = String::new();
    // ISO 8601 writes the larger units first: "2 days 1 month" is `P1M2D`.
    let mut sorted = parts.to_vec();
    crate::sort::sort_by_key(&mut sorted, |p| std::cmp::Reverse(p.1 as u8));
    for &(n, u) in &sorted {
        let (x, letter, is_time) = match u {
            Unit::Second => (n, 'S', true),
            Unit::Minute => (n, 'M', true),
            Unit::Hour => (n, 'H', true),
            Unit::Day | Unit::BusinessDay => (n, 'D', false),
            Unit::Week => (n, 'W', false),
            Unit::Month => (n, 'M', false),
            Unit::Year => (n, 'Y', false),
            Unit::Decade => (n * 10.0, 'Y', false),
            Unit::Century => (n * 100.0, 'Y', false),
        };
        let out = if is_time { &mut time } else { &mut date };
        out.push_str(&fmt_num(x));
        out.push(letter);
    }
    if time.is_empty() {
        format!("P{date}")
    } else {
        format!("P{date}T{time}")
    }
}

fn duration_value(n: f64, unit: Unit) -> String {
    let (head, letter) = match unit {
        Unit::Second => ("PT", "S"),
        Unit::Minute => ("PT", "M"),
        Unit::Hour => ("PT", "H"),
        Unit::Day | Unit::BusinessDay => ("P", "D"),
        Unit::Week => ("P", "W"),
        Unit::Month => ("P", "M"),
        Unit::Year => ("P", "Y"),
        Unit::Decade => ("P", "DE"),
        Unit::Century => ("P", "CE"),
    };
    format!("{head}{}{letter}", fmt_num(n))
}

/// The reading of a TimeML duration in plain ISO 8601 units, when it differs: decades and
/// centuries in years (`P2DE` -> `P20Y`), a vague count read as three ("several days":
/// `PXD` -> `P3D`, the convention of chrono and Recognizers-Text).
fn plain_duration(value: &str) -> Option<String> {
    let (head, rest) = if let Some(r) = value.strip_prefix("PT") {
        ("PT", r)
    } else {
        ("P", value.strip_prefix('P')?)
    };
    if let Some(unit) = rest.strip_prefix('X') {
        return Some(format!("{head}3{unit}"));
    }
    let (num, factor) = if let Some(n) = rest.strip_suffix("DE") {
        (n, 10.0)
    } else {
        (rest.strip_suffix("CE")?, 100.0)
    };
    let n = crate::numbers::parse_f64(num)?;
    Some(format!("P{}Y", fmt_num(n * factor)))
}

/// TimeML's value for a duration counted vaguely ("several days", "a few weeks"): the count
/// is `X` (`PXD`), as HeidelTime and TimeBank write it.
fn vague_duration(value: &str) -> Option<String> {
    let (head, rest) = if let Some(r) = value.strip_prefix("PT") {
        ("PT", r)
    } else {
        ("P", value.strip_prefix('P')?)
    };
    let unit = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    // One part only: a count then its unit.
    if unit.is_empty() || unit.len() == rest.len() || unit.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(format!("{head}X{unit}"))
}

/// Moves `v` by `n` units, at a granularity no finer than `v`'s nor than `unit_gran`.
fn shift(v: Val, unit: Unit, n: i64, unit_gran: Gran) -> Option<Val> {
    let d = v.start()?;
    let moved = match unit {
        Unit::Second => d,
        Unit::Minute => d.add_days(n / (24 * 60))?,
        Unit::Hour => d.add_days(n / 24)?,
        Unit::Day => d.add_days(n)?,
        Unit::BusinessDay => add_business_days(d, n)?,
        Unit::Week => d.add_days(n.checked_mul(7)?)?,
        Unit::Month => add_months(d, n)?,
        Unit::Year => add_months(d, n.checked_mul(12)?)?,
        Unit::Decade => add_months(d, n.checked_mul(120)?)?,
        Unit::Century => add_months(d, n.checked_mul(1200)?)?,
    };
    let g = v.gran().max(unit_gran);
    // A shifted quarter or season stays one when the unit is no coarser than it.
    match v {
        Val::Quarter(..) | Val::Half(..) | Val::Season(..) if g == Gran::Month => {
            let months =
                (moved.year as i64 - d.year as i64) * 12 + moved.month as i64 - d.month as i64;
            let y = |k: i64| i32::try_from(k).ok();
            match v {
                Val::Quarter(qy, q) => {
                    let t = (qy as i64) * 4 + (q as i64 - 1) + months.div_euclid(3);
                    Some(Val::Quarter(
                        y(t.div_euclid(4))?,
                        t.rem_euclid(4) as u32 + 1,
                    ))
                }
                Val::Half(hy, h) => {
                    let t = (hy as i64) * 2 + (h as i64 - 1) + months.div_euclid(6);
                    Some(Val::Half(y(t.div_euclid(2))?, t.rem_euclid(2) as u32 + 1))
                }
                Val::Season(sy, s) => {
                    let t = (sy as i64) * 4 + s as i64 + months.div_euclid(3);
                    Some(Val::Season(y(t.div_euclid(4))?, t.rem_euclid(4) as u32))
                }
                _ => None,
            }
        }
        _ => Val::at(moved, g),
    }
}

/// `n` weekdays after `d` (before it when negative), skipping Saturdays and Sundays: whole
/// weeks first, so the steps stay few.
fn add_business_days(d: CalendarDate, n: i64) -> Option<CalendarDate> {
    let step = n.signum();
    // From a weekend, count as from the weekday next to it on the far side: five business
    // days after a Saturday are those after its Friday.
    let wd = d.weekday() as i64;
    let d = match (wd, step) {
        (5 | 6, 1) => d.add_days(4 - wd)?,
        (5 | 6, -1) => d.add_days(7 - wd)?,
        _ => d,
    };
    let mut d = d.add_days((n / 5).checked_mul(7)?)?;
    let mut left = n % 5;
    while left != 0 {
        d = d.add_days(step)?;
        if d.weekday() < 5 {
            left -= step;
        }
    }
    Some(d)
}

fn add_months(d: CalendarDate, n: i64) -> Option<CalendarDate> {
    let (y, m) = add_months_ym(d.year, d.month, n)?;
    CalendarDate::new(y, m, d.day.min(days_in_month(y, m)))
}

fn add_months_ym(y: i32, m: u32, n: i64) -> Option<(i32, u32)> {
    let total = (y as i64)
        .checked_mul(12)?
        .checked_add(m as i64 - 1)?
        .checked_add(n)?;
    Some((
        i32::try_from(total.div_euclid(12)).ok()?,
        total.rem_euclid(12) as u32 + 1,
    ))
}

fn unit_gran(unit: Unit, weeks: Gran) -> Gran {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::BusinessDay => Gran::Day,
        Unit::Week => weeks,
        Unit::Month => Gran::Month,
        Unit::Year | Unit::Decade | Unit::Century => Gran::Year,
    }
}

// ---------------------------------------------------------------------------------------
// What the text says, before resolution

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    Unknown,
}

/// "last June", "next Sunday", "this summer".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mod {
    None,
    Last,
    This,
    Next,
}

/// Units of "this week", "last year", "today".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Deictic {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
}

/// Which side of the reference a window of time lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// "the past three weeks": up to the day before the reference.
    Past,
    /// "the next three days": from the day after the reference.
    Next,
    /// "within five days": from the reference.
    Within,
}

#[derive(Debug, Clone, PartialEq)]
enum Raw {
    /// Written out in full.
    Abs(Val),
    Event(CalendarDate),
    Duration(String),
    /// "August 14": the year comes from the reference.
    MonthDay(u32, u32),
    /// "in June".
    Month(u32, Mod),
    /// "June of this year" (0), "June of last year" (-1).
    MonthOfYear(u32, i64),
    /// "Sunday"; Monday = 0.
    Weekday(u32, Mod),
    Quarter(u32, Mod),
    Season(u32, Mod),
    /// "today" (Day, 0), "last year" (Year, -1).
    Deictic(Deictic, i64),
    /// "three years ago".
    Ago(Unit, i64),
    /// "a month later" (+1), "a year earlier" (-1): from the last date mentioned.
    Later(Unit, i64),
    /// "the first four months of this year": first (true) or last `n` units of the base.
    PartOf(bool, u32, Unit, Box<Raw>),
    /// "between 2019 and 2021", "August 14-16".
    Range(Box<Raw>, Box<Raw>),
    /// "1 month and 21 days ago", "three weeks from tomorrow", "two weeks before May 13":
    /// signed parts added to a base point.
    Shift(Vec<(i64, Unit)>, Box<Raw>),
    /// "in three weeks": a date when the sentence speaks of the future, else a duration.
    In(Unit, i64, String),
    /// "the past three weeks", "the next 5 days", "within 10 months".
    Window(Side, i64, Unit),
    /// "the rest of the week".
    RestOf(Deictic),
    /// "the 27th", "Friday the 13th": a day of an unnamed month, maybe with its weekday.
    DayOfMonth(u32, Option<u32>),
    /// "the 20th of next month" (+1).
    DayOfRelMonth(u32, i64),
    /// "Friday next week" (+1), "Monday of last week" (-1).
    WeekdayInWeek(u32, i64),
    /// "the third week of July" (3), "the last week of 2015" (-1).
    NthWeek(i32, Box<Raw>),
    /// "the first Friday of July" (1, 4), "the last Monday in May" (-1, 0).
    NthWeekday(i32, u32, Box<Raw>),
    /// "the week of April 10".
    WeekOf(Box<Raw>),
    /// "week 31" of the reference's year, or of the year given.
    IsoWeek(u32, Option<i32>),
    /// "the 70s", "the seventies": the decade's last digit... of an unwritten century.
    ShortDecade(i32),
    /// "Christmas", "Thanksgiving", "Easter": index into [`HOLIDAYS`].
    Holiday(usize, Mod),
    /// "Labor Day weekend", "the weekend of Halloween": the weekend next to a holiday.
    WeekendOf(Box<Raw>),
    /// "fiscal 2019" (`FY`, Some(2019)), "last school year" (`SY`, None, -1): a year of an
    /// organization's or a school's calendar, named as written.
    Fiscal(&'static str, Option<i32>, i64),
    /// TimeML's reference points: `PRESENT_REF` ("now"), `PAST_REF` ("recently"),
    /// `FUTURE_REF` ("soon", "in the coming weeks").
    Ref(&'static str),
}

impl Raw {
    fn is_relative(&self) -> bool {
        match self {
            Raw::Abs(_) | Raw::Event(_) | Raw::Duration(_) | Raw::Fiscal(_, Some(_), _) => false,
            Raw::Shift(_, b)
            | Raw::NthWeek(_, b)
            | Raw::WeekOf(b)
            | Raw::NthWeekday(_, _, b)
            | Raw::WeekendOf(b) => b.is_relative(),
            Raw::IsoWeek(_, y) => y.is_none(),
            Raw::PartOf(_, _, _, b) => b.is_relative(),
            Raw::Range(a, b) => a.is_relative() || b.is_relative(),
            _ => true,
        }
    }

    fn kind(&self) -> DateKind {
        match self {
            Raw::Event(_) => DateKind::Event,
            Raw::Duration(_) => DateKind::Duration,
            _ => DateKind::Date,
        }
    }

    fn complete_day(&self) -> Option<CalendarDate> {
        match self {
            Raw::Abs(Val::Day(d)) => Some(*d),
            _ => None,
        }
    }
}

/// One expression found: tokens `a..b`.
#[derive(Debug, Clone)]
struct Found {
    a: usize,
    b: usize,
    raw: Raw,
    ambiguous: bool,
    /// `start`, `mid` or `end`: "early 2020", "mid-June", "the end of March".
    modifier: Option<&'static str>,
}

// ---------------------------------------------------------------------------------------
// Matching

const EVENTS: [(&str, i32, u32, u32); 3] = [
    ("9/11", 2001, 9, 11),
    ("7/7", 2005, 7, 7),
    ("26/11", 2008, 11, 26),
];

/// Words after which a bare year or month is a date: "in 2001", "since January".
/// Comparatives that make "than" open a range of time: "later than 2016", "no earlier
/// than June". "more than 2016" stays a count.
const LATER_EARLIER: &[&str] = &["later", "earlier", "sooner"];

const DATE_PREPS: &[&str] = &[
    "in",
    "since",
    "during",
    "until",
    "till",
    "through",
    "throughout",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "circa",
    "year",
    "by",
    "of",
    "from",
    "between",
    "on",
    "last",
    "this",
    "next",
    "to",
    "and",
    "or",
    ",",
    "-",
    "–",
    "—",
];

/// Words that cannot follow an attributive year: "the 2000 who fled" counts people.
const FUNCTION_WORDS: &[&str] = &[
    "who", "which", "that", "of", "in", "at", "on", "were", "are", "was", "is", "have", "had",
    "has", "will", "would", "to", "and", "or", "with", "for", "from", "by",
];

/// Nouns before "of" that make the next number a count: "a total of 2000".
const OF_COUNTS: &[&str] = &[
    "total",
    "number",
    "sum",
    "maximum",
    "minimum",
    "average",
    "estimate",
    "estimated",
    "crowd",
    "population",
    "score",
    "tally",
    "count",
    "record",
    "high",
    "low",
    "outside",
    "out",
];

/// Nouns before "of" that make the next number a year: "the end of 2021".
const OF_HEADS: &[&str] = &[
    "end",
    "start",
    "beginning",
    "middle",
    "rest",
    "remainder",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "half",
    "quarter",
    "part",
    "months",
    "weeks",
    "days",
    "year",
];

/// Verbs of change: "rose by 2000" is an amount, not "by the year 2000".
/// Only past forms: "must fall by 2030" is a deadline.
const CHANGE_VERBS: &[&str] = &[
    "rose",
    "risen",
    "fell",
    "fallen",
    "increased",
    "decreased",
    "grew",
    "grown",
    "dropped",
    "reduced",
    "raised",
    "declined",
    "jumped",
    "up",
    "down",
    "outnumbered",
    "exceeded",
];

/// Words ending in -s that do not make the number before them a count ("in 2020 this was").
const S_WORDS: &[&str] = &[
    "was", "has", "is", "as", "its", "this", "his", "thus", "us", "does", "whereas", "perhaps",
    "unless", "always", "besides", "plus", "news", "towards", "across",
];

/// Counted nouns that do not end in -s.
const COUNT_NOUNS: &[&str] = &[
    "people",
    "police",
    "children",
    "men",
    "women",
    "staff",
    "personnel",
    "troops",
    "cattle",
    "sheep",
    "fish",
    "feet",
    "percent",
    "per",
    "more",
    "fewer",
    "other",
    "others",
];

const PAST_WORDS: &[&str] = &[
    "said",
    "told",
    "was",
    "were",
    "had",
    "did",
    "came",
    "went",
    "took",
    "made",
    "gave",
    "saw",
    "found",
    "began",
    "left",
    "met",
    "won",
    "held",
    "fought",
    "led",
    "lost",
    "ran",
    "sent",
    "spoke",
    "wrote",
    "knew",
    "thought",
    "brought",
    "became",
    "got",
    "stood",
    "fell",
    "paid",
    "sold",
    "kept",
    "struck",
    "ago",
    "yesterday",
    "last",
    "earlier",
    "rose",
    "grew",
    "flew",
    "hit",
    "shot",
    "broke",
    "chose",
    "drove",
    "ate",
    "heard",
    "built",
    "felt",
    "spent",
    "meant",
    "read",
    // Past forms shorter than the -ed rule's five letters, or irregular.
    "died",
    "tied",
    "lied",
    "used",
    "owed",
    "sat",
    "wore",
    "drew",
    "threw",
    "sank",
    "rang",
    "sang",
    "swore",
    "woke",
    "caught",
    "taught",
    "sought",
    "bought",
    "fled",
    "fed",
    "bled",
    "slept",
    "wept",
    "swept",
    "dealt",
    "lent",
];

/// Words that speak of the future wherever they stand in a sentence (and "'ll", which
/// `TenseMarks::read` tests apart: the set it builds from these lists takes words that start
/// with a letter).
const FUTURE_WORDS: &[&str] = &[
    "will", "shall", "must", "next", "upcoming", "tomorrow", "due",
];

/// Words that speak of the future before "to": "going to", "plans to".
const FUTURE_BEFORE_TO: &[&str] = &[
    "going",
    "set",
    "expected",
    "scheduled",
    "planned",
    "plans",
    "plan",
    "slated",
    "poised",
    "have",
    "has",
    "need",
    "needs",
    "want",
    "wants",
    "hope",
    "hopes",
    "aim",
    "aims",
    "intend",
    "intends",
    "about",
];

/// Words in -ed that are not past forms.
const ED_NOT_PAST: &[&str] = &[
    "indeed", "proceed", "exceed", "succeed", "hundred", "embed", "breed", "speed", "greed",
];

/// The parts of a duration: (count, unit).
type Parts = Vec<(f64, Unit)>;

/// -1, 0 or +1 for "last", "this", "next".
fn mod_step(m: Mod) -> i64 {
    match m {
        Mod::Last => -1,
        Mod::Next => 1,
        _ => 0,
    }
}

/// How a holiday's date follows from the year.
#[derive(Debug, Clone, Copy)]
enum HolidayRule {
    Fixed(u32, u32),
    /// The `n`th weekday (Monday 0) of a month; `n` = -1 for the last.
    Nth(u32, u32, i32),
    /// Days after Easter Sunday.
    Easter(i64),
    /// Days after (US) Thanksgiving.
    Thanksgiving(i64),
}

/// Holidays with one date in the English-speaking news: names as lowercase tokens (the
/// tokenizer splits "Year's" into "Year" and "'s"). National days that differ by country
/// ("Independence Day", "Labour Day" outside the US) are left out.
const HOLIDAYS: &[(&[&str], HolidayRule)] = &[
    (&["christmas", "eve"], HolidayRule::Fixed(12, 24)),
    (&["christmas", "day"], HolidayRule::Fixed(12, 25)),
    (&["christmas"], HolidayRule::Fixed(12, 25)),
    (&["boxing", "day"], HolidayRule::Fixed(12, 26)),
    (&["new", "year", "'s", "eve"], HolidayRule::Fixed(12, 31)),
    (&["new", "year", "'s", "day"], HolidayRule::Fixed(1, 1)),
    (&["new", "years", "day"], HolidayRule::Fixed(1, 1)),
    (&["new", "year", "day"], HolidayRule::Fixed(1, 1)),
    (&["valentine", "'s", "day"], HolidayRule::Fixed(2, 14)),
    (&["halloween"], HolidayRule::Fixed(10, 31)),
    (
        &["st", ".", "patrick", "'s", "day"],
        HolidayRule::Fixed(3, 17),
    ),
    (&["st", "patrick", "'s", "day"], HolidayRule::Fixed(3, 17)),
    (
        &["saint", "patrick", "'s", "day"],
        HolidayRule::Fixed(3, 17),
    ),
    (&["earth", "day"], HolidayRule::Fixed(4, 22)),
    (&["may", "day"], HolidayRule::Fixed(5, 1)),
    (
        &["international", "workers", "'", "day"],
        HolidayRule::Fixed(5, 1),
    ),
    (
        &["international", "workers", "’", "day"],
        HolidayRule::Fixed(5, 1),
    ),
    (
        &["international", "workers", "day"],
        HolidayRule::Fixed(5, 1),
    ),
    (&["remembrance", "day"], HolidayRule::Fixed(11, 11)),
    (&["armistice", "day"], HolidayRule::Fixed(11, 11)),
    (&["juneteenth"], HolidayRule::Fixed(6, 19)),
    (&["veterans", "day"], HolidayRule::Fixed(11, 11)),
    (&["thanksgiving", "day"], HolidayRule::Thanksgiving(0)),
    (&["thanksgiving"], HolidayRule::Thanksgiving(0)),
    (&["black", "friday"], HolidayRule::Thanksgiving(1)),
    (&["easter", "sunday"], HolidayRule::Easter(0)),
    (&["easter", "monday"], HolidayRule::Easter(1)),
    (&["easter"], HolidayRule::Easter(0)),
    (&["good", "friday"], HolidayRule::Easter(-2)),
    (&["memorial", "day"], HolidayRule::Nth(5, 0, -1)),
    (&["labor", "day"], HolidayRule::Nth(9, 0, 1)),
    (&["mother", "'s", "day"], HolidayRule::Nth(5, 6, 2)),
    (&["father", "'s", "day"], HolidayRule::Nth(6, 6, 3)),
    (
        &["martin", "luther", "king", "day"],
        HolidayRule::Nth(1, 0, 3),
    ),
];

/// The (length, first letter) table of the first words of [`HOLIDAYS`]
/// ([`crate::numbers::len_initial_table`]).
const HOLIDAY_FIRSTS: [u32; 17] = {
    let mut t = [0u32; 17];
    let mut i = 0;
    while i < HOLIDAYS.len() {
        let (l, bit) = crate::numbers::len_initial_bit(HOLIDAYS[i].0[0]);
        t[l] |= bit;
        i += 1;
    }
    t
};

/// The two-word test that opens [`Matcher::holiday`]: a holiday's first word `t`, and its
/// second word (or a mark the rule reads past) in `next`. [`may_start`] asks it of the words
/// that start nothing but a holiday, so that the gate is the rule's own test.
fn may_open_holiday(t: &str, next: &str) -> bool {
    HOLIDAYS.iter().any(|h| {
        h.0.first().is_some_and(|f| eq_ci(f, t))
            && h.0
                .get(1)
                .map_or(true, |s| eq_ci(s, next) || matches!(*s, "'s" | "." | "'"))
    })
}

/// Easter Sunday (Gregorian), by the anonymous computus.
fn easter(y: i32) -> Option<CalendarDate> {
    let y64 = y as i64;
    let a = y64.rem_euclid(19);
    let b = y64.div_euclid(100);
    let c = y64.rem_euclid(100);
    let (d, e) = (b.div_euclid(4), b.rem_euclid(4));
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c.div_euclid(4), c.rem_euclid(4));
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    CalendarDate::new(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The `n`th `weekday` of a month (n = -1: the last).
fn nth_weekday(y: i32, m: u32, weekday: u32, n: i32) -> Option<CalendarDate> {
    if n < 0 {
        let last = CalendarDate::new(y, m, days_in_month(y, m))?;
        let back = (last.weekday() as i64 - weekday as i64).rem_euclid(7);
        return last.add_days(-back);
    }
    let first = CalendarDate::new(y, m, 1)?;
    let fwd = (weekday as i64 - first.weekday() as i64).rem_euclid(7);
    let d = first.add_days(fwd + 7 * (n as i64 - 1))?;
    (d.month == m).then_some(d)
}

fn holiday_date(idx: usize, y: i32) -> Option<CalendarDate> {
    match HOLIDAYS.get(idx)?.1 {
        HolidayRule::Fixed(m, d) => CalendarDate::new(y, m, d),
        HolidayRule::Nth(m, wd, n) => nth_weekday(y, m, wd, n),
        HolidayRule::Easter(k) => easter(y)?.add_days(k),
        HolidayRule::Thanksgiving(k) => nth_weekday(y, 11, 3, 4)?.add_days(k),
    }
}

struct Matcher<'a, 'd> {
    doc: &'a Doc<'d>,
    n: usize,
    /// Set while matching the base of "two weeks before May 13", so that bases do not nest.
    nested: std::cell::Cell<bool>,
}

impl<'a, 'd> Matcher<'a, 'd> {
    fn t(&self, i: usize) -> &'d str {
        self.doc.tok_or_empty(i)
    }

    fn kind(&self, i: usize) -> Option<TokKind> {
        self.doc.tokens.get(i).map(|t| t.kind)
    }

    /// Token `i` exists and is on the same line as token `a`. Out of line: it is called from
    /// 136 places, whose copies were 5 KB of wasm at `opt-level = 2` (docs/performance.md,
    /// round 22).
    #[inline(never)]
    fn ok(&self, i: usize, a: usize) -> bool {
        match (self.doc.tokens.get(i), self.doc.tokens.get(a)) {
            (Some(x), Some(y)) => x.line == y.line,
            _ => false,
        }
    }

    fn is(&self, i: usize, w: &str) -> bool {
        i < self.n && eq_ci(self.t(i), w)
    }

    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        i < self.n && in_list(self.t(i), ws)
    }

    fn prev_is_any(&self, i: usize, ws: &[&str]) -> bool {
        i > 0 && self.ok(i - 1, i) && self.is_any(i - 1, ws)
    }

    fn cap(&self, i: usize) -> bool {
        self.t(i).chars().next().is_some_and(|c| c.is_uppercase())
    }

    /// A punctuation token that ends a phrase, or the end of the line.
    fn boundary(&self, i: usize, a: usize) -> bool {
        !self.ok(i, a)
            || (self.kind(i) == Some(TokKind::Punct)
                && self.t(i).chars().next().is_some_and(|c| {
                    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '”' | '"')
                }))
    }

    /// A month name. Lowercase names count too (chat, captions, careless copy), but "may",
    /// "march" and lowercase abbreviations are common words: they need a day or a year right
    /// after, or a preposition before and the end of the phrase after ("in may.").
    fn month_at(&self, i: usize, need_full: bool) -> Option<(u32, usize)> {
        if self.kind(i) != Some(TokKind::Word) {
            return None;
        }
        let w = self.t(i);
        let m = month_number(w)?;
        let full = MONTHS.iter().any(|x| eq_ci(x, w));
        if need_full && !full {
            return None;
        }
        let mut j = i + 1;
        if !full && self.t(j) == "." && self.doc.tokens.get(j).is_some_and(|t| !t.space_before) {
            j += 1;
        }
        if !self.cap(i) {
            let l = Lower::of(w);
            if !full || l == "may" || l == "march" {
                let day_next = self.ok(j, i)
                    && self.day_at(j).is_some()
                    && !self.count_noun_after(j + 1, i)
                    && !self.is_unit(j + 1);
                let year_next = self.ok(j, i) && self.year_tok(j).is_some();
                let prep = self.prev_is_any(
                    i,
                    &[
                        "in", "of", "last", "next", "this", "since", "until", "till", "through",
                        "from", "between", "during", "early", "late", "mid", "and", "to",
                    ],
                ) && self.boundary(j, i);
                if !(day_next || year_next || (full && prep)) {
                    return None;
                }
            }
        }
        Some((m, j))
    }

    fn is_unit(&self, i: usize) -> bool {
        i < self.n && unit_of(self.t(i)).is_some()
    }

    /// A weekday name: full names in any case; abbreviations capitalized, or lowercase when
    /// they are not also common words ("sat", "sun", "wed" are). Returns the end too.
    fn weekday_at(&self, i: usize) -> Option<(u32, bool, usize)> {
        if self.kind(i) != Some(TokKind::Word) {
            return None;
        }
        let w = self.t(i);
        let wd = weekday_number(w)?;
        let l = Lower::of(w);
        let full = WEEKDAYS.contains(&l.as_str());
        if !full
            && !self.cap(i)
            && !matches!(
                l.as_str(),
                "mon" | "tue" | "tues" | "thu" | "thur" | "thurs" | "fri"
            )
        {
            return None;
        }
        let mut j = i + 1;
        if !full && self.t(j) == "." && self.doc.tokens.get(j).is_some_and(|t| !t.space_before) {
            j += 1;
        }
        Some((wd, full, j))
    }

    /// A day of the month written in words: "first", "twenty-first", "twenty first", and with
    /// `cardinal` also "twenty one" (two words only: "May two" is too rare to risk).
    fn spelled_day(&self, i: usize, cardinal: bool) -> Option<(u32, usize)> {
        if self.kind(i) != Some(TokKind::Word) {
            return None;
        }
        let w = self.t(i);
        let in_month = |v: f64| (1.0..=31.0).contains(&v).then_some(v as u32);
        if let Some(v) = ordinal_word_value(w).and_then(in_month) {
            return Some((v, i + 1));
        }
        let tens = word_value(w).filter(|v| *v == 20.0 || *v == 30.0)?;
        if self.ok(i + 1, i) {
            let next = self.t(i + 1);
            let ones = ordinal_word_value(next).or_else(|| {
                cardinal
                    .then(|| word_value(next))
                    .flatten()
                    .filter(|_| scale_word(next).is_none())
            });
            if let Some(v) = ones.filter(|v| (1.0..=9.0).contains(v)) {
                return in_month(tens + v).map(|d| (d, i + 2));
            }
        }
        if cardinal && self.ok(i + 1, i) && self.boundary(i + 1, i) {
            return in_month(tens).map(|d| (d, i + 1));
        }
        None
    }

    /// A day of the month, maybe with an ordinal suffix or as a range "14-16".
    fn day_at(&self, i: usize) -> Option<(u32, Option<u32>)> {
        if self.kind(i) != Some(TokKind::Number) {
            return None;
        }
        let w = Lower::ascii(self.t(i));
        let one = |s: &str| -> Option<u32> {
            let s = ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|x| s.strip_suffix(x))
                .unwrap_or(s);
            if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            parse_int(s).filter(|d| (1..=31).contains(d))
        };
        if let Some((a, b)) = crate::numbers::split_hyphen(&w) {
            let (a, b) = (one(a)?, one(b)?);
            return (b > a).then_some((a, Some(b)));
        }
        Some((one(&w)?, None))
    }

    fn year_tok(&self, i: usize) -> Option<i32> {
        let w = self.t(i);
        if self.kind(i) != Some(TokKind::Number)
            || w.len() != 4
            || !w.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        parse_int(w)
    }

    /// The word after a number says it counts things: "2000 people", "2020 troops".
    fn count_noun_after(&self, k: usize, a: usize) -> bool {
        if !self.ok(k, a) {
            return false;
        }
        let w = self.t(k);
        if w == "%" {
            return true;
        }
        if self.kind(k) != Some(TokKind::Word) || self.cap(k) {
            return false;
        }
        let l = Lower::of(w);
        COUNT_NOUNS.contains(&l.as_str())
            || (l.len() >= 3 && l.ends_with('s') && !S_WORDS.contains(&l.as_str()))
    }

    /// A year in date context: "in 2001", "since 2017", "between 2019 and 2021".
    fn year_in_context(&self, i: usize, prev_end: Option<usize>) -> Option<i32> {
        let y = self.year_tok(i)?;
        if !(1000..=2199).contains(&y) || self.count_noun_after(i + 1, i) {
            return None;
        }
        if i == 0 || !self.ok(i - 1, i) {
            return None;
        }
        let p = Lower::of(self.t(i - 1));
        let after_date = prev_end == Some(i - 1);
        let ok = match p.as_str() {
            "to" | "and" | "or" | "," | "-" | "–" | "—" | "~" => after_date,
            "by" => !self.prev_is_any(i - 1, CHANGE_VERBS),
            "of" => self.prev_is_any(i - 1, OF_HEADS),
            "from" | "between" => {
                // Only with a partner year, or standing alone: "from 1500 to 2000 people".
                let j = i + 1;
                // The partner may be a month with its year: "between 2015 and Feb 2018".
                let partner = |k: usize| {
                    // "from 2007 to the end of 2008".
                    let k = if self.is(k, "the")
                        && self.is_any(k + 1, &["end", "start", "beginning", "middle"])
                        && self.is(k + 2, "of")
                    {
                        k + 3
                    } else {
                        k
                    };
                    (self.year_tok(k).is_some_and(|y| (1000..=2199).contains(&y))
                        && !self.count_noun_after(k + 1, i))
                        || self.month_at(k, false).is_some_and(|(_, e)| {
                            self.year_tok(e).is_some()
                                || self
                                    .day_at(e)
                                    .is_some_and(|_| self.year_tok(e + 1).is_some())
                                || (self.t(e + 1) == "," && self.year_tok(e + 2).is_some())
                        })
                };
                self.boundary(j, i)
                    || (self.is_any(j, &["to", "and", "until", "till", "through", "-", "–", "~"])
                        && partner(j + 1))
            }
            "on" | "last" | "this" | "next" => false,
            "than" => self.prev_is_any(i - 1, LATER_EARLIER),
            _ => DATE_PREPS.contains(&p.as_str()),
        };
        // An open range written after the year: "2018 or later", "2012 onwards".
        let open_after = || {
            (self.is_any(i + 1, &["or", "and"])
                && self.ok(i + 2, i)
                && (self.is_any(i + 2, &["later", "earlier"])
                    || (self.is_any(i + 2, &["after", "before", "beyond"])
                        && self.boundary(i + 3, i))))
                || (self.is_any(i + 1, &["onwards", "onward"]) && self.boundary(i + 2, i))
        };
        (ok || (self.ok(i + 1, i) && open_after())).then_some(y)
    }

    /// TimeML's vague points, as TimeBank and HeidelTime mark them: "now", "right now",
    /// "currently" (`PRESENT_REF`); "recently", "recent years" (`PAST_REF`); "soon", "the
    /// coming weeks" (`FUTURE_REF`). Not "now that" (a conjunction), "now and then", "as
    /// soon as", nor "recent" or "coming" before anything but a plural unit.
    fn reference_word(&self, i: usize) -> Option<(Raw, usize)> {
        const FIRST: &[&str] = &[
            "now",
            "right",
            "currently",
            "recently",
            "soon",
            "recent",
            "coming",
            "upcoming",
        ];
        if !self.is_any(i, FIRST) {
            return None;
        }
        let w = Lower::of(self.t(i));
        let plural_unit = |k: usize| {
            self.ok(k, i)
                && Lower::of(self.t(k)).ends_with('s')
                && unit_of(self.t(k)).is_some_and(|u| !matches!(u, Unit::Second))
        };
        let raw = |r: &'static str, end: usize| Some((Raw::Ref(r), end));
        match w.as_str() {
            "now" => {
                let conj = self.is(i + 1, "that") && self.ok(i + 1, i);
                let idiom = self.is_any(i + 1, &["and", "or"])
                    && self.is_any(i + 2, &["then", "again", "never"]);
                if conj || idiom {
                    return None;
                }
                raw("PRESENT_REF", i + 1)
            }
            "right" if self.is(i + 1, "now") && self.ok(i + 1, i) => raw("PRESENT_REF", i + 2),
            "currently" => raw("PRESENT_REF", i + 1),
            "recently" => raw("PAST_REF", i + 1),
            "soon" => {
                let as_soon = self.prev_is_any(i, &["as", "how", "too"]) || self.is(i + 1, "as");
                (!as_soon).then_some((Raw::Ref("FUTURE_REF"), i + 1))
            }
            "recent" if plural_unit(i + 1) => raw("PAST_REF", i + 2),
            "coming" | "upcoming" if plural_unit(i + 1) => raw("FUTURE_REF", i + 2),
            _ => None,
        }
    }

    /// A year standing in running text without a preposition: "the 2016 election", "2019
    /// was hard", "dates back to 1865". Only 1800-2099, and not where the number is a count
    /// or a measure ("2000 votes", "about 1900", "$2015", "1900 km", "2100 GMT") or part of a
    /// name ("Windows 2000", not at the start of a sentence).
    fn bare_year(&self, i: usize) -> Option<i32> {
        let y = self.year_tok(i)?;
        // "a 2000 year old tradition", "2000-year-old": a length of time.
        let unit_after = self.ok(i + 1, i)
            && (unit_of(&Lower::of(self.t(i + 1))).is_some()
                || (self.is(i + 1, "-")
                    && self.ok(i + 2, i)
                    && unit_of(&Lower::of(self.t(i + 2))).is_some()));
        if !(1800..=2099).contains(&y) || self.count_noun_after(i + 1, i) || unit_after {
            return None;
        }
        const BEFORE: &[&str] = &[
            "$",
            "€",
            "£",
            "¥",
            "#",
            "no",
            "number",
            "about",
            "around",
            "approximately",
            "nearly",
            "almost",
            "some",
            "over",
            "under",
            "than",
            "roughly",
            "only",
            "just",
            "least",
            "most",
            "total",
            "up",
            "down",
            "at",
            "to",
            "by",
            "from",
            "of",
            "page",
            "pages",
            "room",
            "flight",
            "route",
            "model",
            "version",
            "score",
            "scored",
            "the",
            "a",
            "an",
        ];
        const AFTER: &[&str] = &[
            "km", "kg", "m", "ft", "mi", "lb", "lbs", "mph", "kph", "mw", "gw", "kw", "kwh", "ml",
            "g", "mm", "cm", "hp", "gb", "mb", "tb", "gmt", "utc", "bst", "est", "edt", "pst",
            "pdt", "cet", "hours", "hrs", "h", "local", "million", "billion", "thousand",
            "hundred", "trillion", "and", "or", "to", "-", "–", "/", ".", ":", "x", "×",
        ];
        if i > 0 && self.ok(i - 1, i) {
            let p = self.t(i - 1);
            let digits_before = self.kind(i - 1) == Some(TokKind::Number)
                || (i > 1
                    && self.ok(i - 2, i)
                    && self.kind(i - 2) == Some(TokKind::Number)
                    && matches!(p, "-" | "–" | "/" | "." | ":" | ","));
            if digits_before {
                return None;
            }
            if self.is_any(i - 1, BEFORE) {
                // "the 2016 election" is a year; "the 2000 who fled" is a count.
                let attributive = self.is_any(i - 1, &["the", "a", "an"])
                    && self.ok(i + 1, i)
                    && self.kind(i + 1) == Some(TokKind::Word)
                    && !self.cap(i + 1)
                    && !self.is_any(i + 1, FUNCTION_WORDS);
                // "sales of 2007", "dates back to 1865"; not "a total of 2000".
                let of_year = self.is(i - 1, "of")
                    && !(i > 1 && self.ok(i - 2, i) && self.is_any(i - 2, OF_COUNTS));
                let back_to = self.is(i - 1, "to") && self.prev_is_any(i - 1, &["back"]);
                if !attributive && !of_year && !back_to {
                    return None;
                }
            }
            // A capitalized word before, not starting the sentence: a name ("Windows 2000").
            let starts = i == 1
                || !self.ok(i - 2, i)
                || matches!(self.t(i - 2), "." | "!" | "?" | ":" | "\"" | "“" | "(");
            if self.kind(i - 1) == Some(TokKind::Word) && self.cap(i - 1) && !starts {
                return None;
            }
        }
        if self.ok(i + 1, i) {
            let next_digit = self.kind(i + 1) == Some(TokKind::Number);
            if next_digit || self.is_any(i + 1, AFTER) {
                // "2016 and 2017" is left to the ranges and lists that read both.
                let list = self.is_any(i + 1, &["and", "or", "to", "-", "–"])
                    && self
                        .year_tok(i + 2)
                        .is_some_and(|z| (1800..=2099).contains(&z));
                let sentence_end = self.is(i + 1, ".") && !self.ok(i + 2, i)
                    || self.is(i + 1, ".")
                        && self.kind(i + 2) == Some(TokKind::Word)
                        && self.cap(i + 2);
                if !list && !sentence_end {
                    return None;
                }
            }
        }
        Some(y)
    }

    /// A bare month name is a date after a preposition or a modifier: "in June".
    fn month_context(&self, i: usize, prev_end: Option<usize>) -> bool {
        if i == 0 || !self.ok(i - 1, i) {
            return false;
        }
        let p = Lower::of(self.t(i - 1));
        match p.as_str() {
            "to" | "and" | "or" | "," | "-" | "–" | "—" => prev_end == Some(i - 1),
            "year" => false,
            "than" => self.prev_is_any(i - 1, LATER_EARLIER),
            _ => DATE_PREPS.contains(&p.as_str()),
        }
    }

    /// A count: digits, a number word, "a"/"an".
    fn count_at(&self, i: usize) -> Option<f64> {
        let w = self.t(i);
        // "½ hour".
        let mut cs = w.chars();
        if let (Some(c), None) = (cs.next(), cs.next()) {
            if let Some(v) = crate::numbers::vulgar_fraction(c) {
                return Some(v);
            }
        }
        match self.kind(i)? {
            TokKind::Number => parse_digits(w).filter(|v| *v > 0.0 && *v <= 100_000.0),
            TokKind::Word => {
                if eq_ci(w, "a") || eq_ci(w, "an") {
                    return Some(1.0);
                }
                if scale_word(w).is_some() {
                    return None;
                }
                word_value(w).filter(|v| *v > 0.0)
            }
            _ => None,
        }
    }

    fn ordinal_at(&self, i: usize) -> Option<u32> {
        // Compared without lowercasing: the one non-ASCII letter that lowercases to ASCII (the
        // Kelvin sign, to "k") is in none of these.
        const ORDINALS: [(&str, &str); 4] = [
            ("first", "1st"),
            ("second", "2nd"),
            ("third", "3rd"),
            ("fourth", "4th"),
        ];
        let w = self.t(i);
        ORDINALS
            .iter()
            .position(|(a, b)| eq_ci(w, a) || eq_ci(w, b))
            .map(|k| k as u32 + 1)
    }

    fn modifier_at(&self, i: usize) -> Option<Mod> {
        Some(match Lower::of(self.t(i)).as_str() {
            "last" | "previous" => Mod::Last,
            "this" | "current" => Mod::This,
            "next" | "coming" | "upcoming" => Mod::Next,
            _ => return None,
        })
    }

    fn season_of(w: &str) -> Option<u32> {
        Some(match Lower::of(w).as_str() {
            "spring" => 0,
            "summer" => 1,
            "autumn" | "fall" => 2,
            "winter" => 3,
            _ => return None,
        })
    }

    /// A year after a period word: "2021", ", 2021", "of 2021".
    fn trailing_year(&self, j: usize, a: usize, allow_of: bool) -> Option<(i32, usize)> {
        let mut k = j;
        // "June of 2020", "28 June in 2020" (a year right after "in").
        if self.ok(k, a) && (self.t(k) == "," || (allow_of && self.is_any(k, &["of", "in"]))) {
            if self.is(k, "in") && self.year_tok(k + 1).is_none() {
                return None;
            }
            k += 1;
        }
        let Some(y) = self.year_tok(k).filter(|_| self.ok(k, a)) else {
            // Two digits ending the phrase: "April of 87", "August 99" (no day past 31).
            let w = self.t(k);
            let two = self.kind(k) == Some(TokKind::Number)
                && w.len() == 2
                && w.bytes().all(|b| b.is_ascii_digit())
                && self.ok(k, a)
                && self.boundary(k + 1, a);
            if let Some(n) = two.then(|| parse_int::<i32>(w)).flatten() {
                if (k > j && self.is(j, "of")) || (k == j && n > 31) {
                    return Some((if n >= 50 { 1900 + n } else { 2000 + n }, k + 1));
                }
            }
            return self.year_words(k, a);
        };
        if self.count_noun_after(k + 1, a) {
            return None;
        }
        Some((y, k + 1))
    }

    /// A year in words: "nineteen seventy eight", "nineteen zero one", "nineteen hundred",
    /// "twenty twenty", "two thousand and fifteen", "two thousand". Returns the year and the
    /// end; not before a counted noun ("two thousand people").
    fn year_words(&self, k: usize, a: usize) -> Option<(i32, usize)> {
        let val = |j: usize| -> Option<i32> {
            (self.ok(j, a)
                && self.kind(j) == Some(TokKind::Word)
                && scale_word(self.t(j)).is_none())
            .then(|| word_value(self.t(j)))
            .flatten()
            .map(|v| v as i32)
        };
        // Below 100, from one or two words: "seventy eight", "seventy-eight", "twelve".
        let below_100 = |j: usize| -> Option<(i32, usize)> {
            let v = val(j).filter(|v| (1..=99).contains(v))?;
            if v >= 20 && v % 10 == 0 {
                if let Some(o) = val(j + 1).filter(|o| (1..=9).contains(o)) {
                    return Some((v + o, j + 2));
                }
            }
            Some((v, j + 1))
        };
        let first = val(k)?;
        let (y, end) = if first == 2 && self.is(k + 1, "thousand") && self.ok(k + 1, a) {
            let mut j = k + 2;
            if self.is(j, "and") && self.ok(j, a) {
                j += 1;
            }
            match below_100(j) {
                Some((n, end)) => (2000 + n, end),
                None if j == k + 2 => (2000, j),
                None => return None,
            }
        } else if (10..=20).contains(&first) {
            let j = k + 1;
            if self.is(j, "hundred") && self.ok(j, a) {
                // "nineteen hundred", "seventeen hundred (and) thirty three".
                let k = if self.is(j + 1, "and") { j + 2 } else { j + 1 };
                match below_100(k) {
                    Some((n, end)) => (first * 100 + n, end),
                    None => (first * 100, j + 1),
                }
            } else if self.is_any(j, &["zero", "oh", "o"]) && self.ok(j, a) {
                let o = val(j + 1).filter(|o| (1..=9).contains(o))?;
                (first * 100 + o, j + 2)
            } else {
                let (n, end) = below_100(j).filter(|(n, _)| *n >= 10)?;
                (first * 100 + n, end)
            }
        } else {
            return None;
        };
        (!self.count_noun_after(end, a)).then_some((y, end))
    }

    /// A date written with a month name: "Aug. 22, 2021", "22 August 2021", "August 22".
    fn month_day(&self, i: usize) -> Option<(Raw, usize)> {
        let (m, mut j) = self.month_at(i, false)?;
        if self.is(j, "the") && self.ok(j, i) {
            j += 1;
        }
        // "October, 1st": a comma only before a day with an ordinal suffix.
        if self.t(j) == ","
            && self.ok(j + 1, i)
            && self.kind(j + 1) == Some(TokKind::Number)
            && ["st", "nd", "rd", "th"]
                .iter()
                .any(|x| Lower::of(self.t(j + 1)).ends_with(x))
        {
            j += 1;
        }
        if let Some((d, d2)) = self.day_at(j).filter(|_| self.ok(j, i)) {
            let mut day_end = j + 1;
            let mut d2 = d2;
            // "April 9th through 17th".
            if d2.is_none()
                && self.is_any(
                    day_end,
                    &["through", "thru", "to", "until", "till", "-", "–"],
                )
                && self.ok(day_end + 1, i)
            {
                let k = day_end + 1;
                let second = self
                    .day_at(k)
                    .filter(|(x, y)| y.is_none() && *x > d)
                    .map(|(x, _)| (x, k + 1))
                    .or_else(|| self.spelled_day(k, false).filter(|(x, _)| *x > d));
                if let Some((x, end)) = second {
                    if self.month_at(end, false).is_none() && !self.count_noun_after(end, i) {
                        d2 = Some(x);
                        day_end = end;
                    }
                }
            }
            return self.with_year(i, m, d, d2, day_end);
        }
        // Spelled days: "May twenty-first"; a lowercase full name only with an ordinal
        // ("february twenty second"), and not "may" or "march" (verbs too).
        let l = Lower::of(self.t(i));
        let lower_ok = MONTHS.iter().any(|x| eq_ci(x, &l)) && l != "may" && l != "march";
        if self.cap(i) || lower_ok {
            if let Some((d, end)) = self.spelled_day(j, self.cap(i)).filter(|_| self.ok(j, i)) {
                // "April ninth through seventeenth".
                let mut d2 = None;
                let mut day_end = end;
                if self.is_any(end, &["through", "thru", "to", "until", "till"]) {
                    // "April the ninth till the seventeenth".
                    let k = if self.is(end + 1, "the") {
                        end + 2
                    } else {
                        end + 1
                    };
                    if let Some((x, e)) = self
                        .spelled_day(k, false)
                        .or_else(|| {
                            self.day_at(k)
                                .filter(|(_, y)| y.is_none())
                                .map(|(x, _)| (x, k + 1))
                        })
                        .filter(|(x, _)| *x > d && self.ok(k, i))
                    {
                        if self.month_at(e, false).is_none() {
                            d2 = Some(x);
                            day_end = e;
                        }
                    }
                }
                return self.with_year(i, m, d, d2, day_end);
            }
        }
        None
    }

    /// `None` when the day does not exist ("February 30", "February 29, 2021").
    fn with_year(
        &self,
        a: usize,
        m: u32,
        d: u32,
        d2: Option<u32>,
        j: usize,
    ) -> Option<(Raw, usize)> {
        // 2000 is a leap year: this checks that the day exists in some year.
        CalendarDate::new(2000, m, d2.unwrap_or(d))?;
        if let Some((y, end)) = self.trailing_year(j, a, true) {
            let day = CalendarDate::new(y, m, d)?;
            let raw = match d2 {
                Some(d2) => Raw::Range(
                    Box::new(Raw::Abs(Val::Day(day))),
                    Box::new(Raw::Abs(Val::Day(CalendarDate::new(y, m, d2)?))),
                ),
                None => Raw::Abs(Val::Day(day)),
            };
            return Some((raw, end));
        }
        let raw = match d2 {
            Some(d2) => Raw::Range(
                Box::new(Raw::MonthDay(m, d)),
                Box::new(Raw::MonthDay(m, d2)),
            ),
            None => Raw::MonthDay(m, d),
        };
        Some((raw, j))
    }

    /// "22 August 2021", "22nd of August".
    fn day_month(&self, i: usize) -> Option<(Raw, usize)> {
        // "$12 December 27": an amount, and the date after it.
        if self.prev_is_any(i, &["$", "€", "£", "¥"]) {
            return None;
        }
        let mut cardinal = false;
        let ((d, d2), mut j, spelled) = match self.day_at(i) {
            Some(x) => (x, i + 1, false),
            None => {
                let (d, j) = self.spelled_day(i, false).or_else(|| {
                    // Read as a cardinal, only "twenty"/"thirty" give more than as an ordinal.
                    if !self.is_any(i, &["twenty", "thirty"]) {
                        return None;
                    }
                    cardinal = true;
                    self.spelled_day(i, true)
                })?;
                ((d, None), j, true)
            }
        };
        // A spelled cardinal ("twenty five") is a day only before a full month and its year.
        if cardinal {
            let full = MONTHS.iter().any(|x| eq_ci(x, self.t(j)));
            if !(full && self.ok(j, i) && self.trailing_year(j + 1, i, false).is_some()) {
                return None;
            }
        }
        // "the 15th day of June": the day named as a day.
        if self.is(j, "day") && self.is(j + 1, "of") && self.ok(j + 1, i) {
            j += 1;
        }
        let of = self.is(j, "of") && self.ok(j, i);
        if of {
            j += 1;
        } else if spelled {
            // "second of June", never "second June"; but "twenty five January nineteen
            // eighty six" (checked above).
            if !cardinal {
                return None;
            }
        } else if self.t(j) == "." && self.ok(j + 1, i) && self.month_at(j + 1, false).is_some() {
            j += 1;
        }
        if !self.ok(j, i) {
            return None;
        }
        // "the 20th of next month".
        if of && d2.is_none() {
            if let Some(m) = self.modifier_at(j) {
                if self.is(j + 1, "month") && self.ok(j + 1, i) {
                    let k = match m {
                        Mod::Last => -1,
                        Mod::Next => 1,
                        _ => 0,
                    };
                    return Some((Raw::DayOfRelMonth(d, k), j + 2));
                }
            }
        }
        let (m, k) = self.month_at(j, false)?;
        self.with_year(i, m, d, d2, k)
    }

    /// Whether a weekday name, maybe with a comma, comes right before `i`: "Friday, 5/12".
    fn after_weekday(&self, i: usize) -> bool {
        let k = match i.checked_sub(1) {
            Some(k) if self.t(k) == "," => k.checked_sub(1),
            k => k,
        };
        k.is_some_and(|k| self.ok(k, i) && self.weekday_at(k).is_some())
    }

    /// One token holding a whole date: ISO, slashes, dots, events, decades, "2019-2021".
    fn numeric(&self, i: usize, prev_end: Option<usize>) -> Option<(Raw, bool)> {
        let w = self.t(i);
        if let Some(&(_, y, m, d)) = EVENTS.iter().find(|e| e.0 == w) {
            return Some((Raw::Event(CalendarDate::new(y, m, d)?), false));
        }
        // Decades: "1990s".
        if let Some(s) = w.strip_suffix('s') {
            if s.len() == 4 && s.ends_with('0') && s.bytes().all(|b| b.is_ascii_digit()) {
                let y: i32 = parse_int(s)?;
                return (1000..=2190)
                    .contains(&y)
                    .then_some((Raw::Abs(Val::Decade(y / 10)), false));
            }
        }
        let num = |s: &str| -> Option<i64> {
            (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| parse_int(s))
                .flatten()
        };
        let sep = w.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
        if !w
            .chars()
            .filter(|c| matches!(c, '-' | '/' | '.'))
            .all(|c| c == sep)
        {
            return None;
        }
        // Two or three pieces, each a number, in arrays: no form below has more.
        let mut part_buf = [""; 3];
        let mut num_buf = [0i64; 3];
        let mut n = 0;
        for p in w.split(['-', '/', '.']) {
            *part_buf.get_mut(n)? = p;
            *num_buf.get_mut(n)? = num(p)?;
            n += 1;
        }
        let (parts, nums) = (part_buf.get(..n)?, num_buf.get(..n)?);
        let day = |y: i64, m: i64, d: i64| {
            CalendarDate::new(
                i32::try_from(y).ok()?,
                u32::try_from(m).ok()?,
                u32::try_from(d).ok()?,
            )
        };
        let year2 = |y: i64| if y >= 50 { 1900 + y } else { 2000 + y };
        match (sep, nums, parts) {
            // "2016/11", "11/2016", "11-2016": a month.
            ('/', [a, b], [pa, pb]) if pa.len() == 4 && pb.len() <= 2 => {
                ((1000..=2199).contains(a) && (1..=12).contains(b))
                    .then_some((Raw::Abs(Val::Month(*a as i32, *b as u32)), false))
            }
            ('/' | '-', [a, b], [pa, pb]) if pb.len() == 4 && pa.len() <= 2 => {
                ((1000..=2199).contains(b) && (1..=12).contains(a))
                    .then_some((Raw::Abs(Val::Month(*b as i32, *a as u32)), false))
            }
            // "4/22", "22/04" after a word that introduces a date (else a fraction or "24/7").
            ('/', [a, b], [pa, pb]) if pa.len() <= 2 && pb.len() <= 2 => {
                let ctx = self.prev_is_any(
                    i,
                    &[
                        "on", "from", "until", "till", "since", "by", "before", "after", "through",
                        "next", "this", "to",
                    ],
                ) || self.after_weekday(i)
                    // A list of dates: "on 11/20, 11/22 or 11/25".
                    || (i > 0
                        && prev_end == Some(i - 1)
                        && self.is_any(i - 1, &[",", "or", "and"])
                        && !self.is(i + 1, "of"));
                let ctx = ctx && !self.count_noun_after(i + 1, i);
                if !ctx {
                    return None;
                }
                let ok = |m: i64, d: i64| {
                    (1..=12).contains(&m)
                        && (1..=31).contains(&d)
                        && CalendarDate::new(2000, m as u32, d as u32).is_some()
                };
                match (ok(*a, *b), ok(*b, *a)) {
                    (true, other) => Some((Raw::MonthDay(*a as u32, *b as u32), other && a != b)),
                    (false, true) => Some((Raw::MonthDay(*b as u32, *a as u32), false)),
                    _ => None,
                }
            }
            ('-', [a, b], [pa, pb]) if pa.len() == 4 && (1000..=2199).contains(a) => {
                // "2019-2021" is a range of years; "2021-08" a month; "2010-11" a season
                // straddling two years.
                if pb.len() == 2 && *b == (a + 1) % 100 {
                    return Some((
                        Raw::Range(
                            Box::new(Raw::Abs(Val::Year(*a as i32))),
                            Box::new(Raw::Abs(Val::Year(*a as i32 + 1))),
                        ),
                        false,
                    ));
                }
                if pb.len() <= 2 && (1..=12).contains(b) {
                    return Some((Raw::Abs(Val::Month(*a as i32, *b as u32)), false));
                }
                if (1000..=2199).contains(b) && b > a {
                    return Some((
                        Raw::Range(
                            Box::new(Raw::Abs(Val::Year(*a as i32))),
                            Box::new(Raw::Abs(Val::Year(*b as i32))),
                        ),
                        false,
                    ));
                }
                if parts[1].len() == 2
                    && (1..=12).contains(b)
                    && *b < 13
                    && parts[1].starts_with('0')
                {
                    return Some((Raw::Abs(Val::Month(*a as i32, *b as u32)), false));
                }
                None
            }
            ('-' | '/' | '.', [y, m, d], [py, _, _]) if py.len() == 4 => {
                Some((Raw::Abs(Val::Day(day(*y, *m, *d)?)), false))
            }
            // "9-18-15" (month first, as HeidelTime reads it) as well as "9/18/15".
            ('/' | '-', [a, b, y], [pa, pb, py])
                if (py.len() == 4
                    || (py.len() == 2 && (sep == '/' || ((1..=12).contains(a) && *b <= 31))))
                    && pa.len() <= 2
                    && pb.len() <= 2 =>
            {
                let y = if py.len() == 2 { year2(*y) } else { *y };
                let md = day(y, *a, *b);
                let dm = day(y, *b, *a);
                match (md, dm) {
                    (Some(x), Some(z)) => Some((Raw::Abs(Val::Day(x)), x != z)),
                    (Some(x), None) | (None, Some(x)) => Some((Raw::Abs(Val::Day(x)), false)),
                    _ => None,
                }
            }
            ('.', [d, m, y], [_, _, py]) if py.len() == 4 => {
                Some((Raw::Abs(Val::Day(day(*y, *m, *d)?)), false))
            }
            _ => None,
        }
    }

    /// A hyphenated word: "mid-2020", "mid-August", "post-9/11", "three-year", "fourth-quarter".
    fn hyphenated(&self, i: usize) -> Option<Raw> {
        let w = self.t(i);
        let (head, rest) = crate::numbers::split_hyphen(w)?;
        let head = Lower::of(head);
        if HYPHEN_MODIFIERS.contains(&head.as_str()) {
            if let Some(&(_, y, m, d)) = EVENTS.iter().find(|e| e.0 == rest) {
                return Some(Raw::Event(CalendarDate::new(y, m, d)?));
            }
            if rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit()) {
                return Some(Raw::Abs(Val::Year(parse_int(rest)?)));
            }
            if let Some(s) = rest.strip_suffix('s') {
                if s.len() == 4 && s.ends_with('0') && s.bytes().all(|b| b.is_ascii_digit()) {
                    return Some(Raw::Abs(Val::Decade(parse_int::<i32>(s)? / 10)));
                }
            }
            if rest.chars().next().is_some_and(|c| c.is_uppercase())
                && MONTHS.iter().any(|m| eq_ci(m, rest))
            {
                return Some(Raw::Month(month_number(rest)?, Mod::None));
            }
            return None;
        }
        let pieces: Vec<&str> = w.split(['-', '‐', '‑']).collect();
        if let [q, unit] = pieces.as_slice() {
            if eq_ci(unit, "quarter") {
                let q = match Lower::of(q).as_str() {
                    "first" => 1,
                    "second" => 2,
                    "third" => 3,
                    "fourth" => 4,
                    _ => return None,
                };
                return Some(Raw::Quarter(q, Mod::None));
            }
        }
        let (count, unit, tail) = match pieces.as_slice() {
            [c, u] => (*c, *u, None),
            [c, u, t] => (*c, *u, Some(*t)),
            _ => return None,
        };
        if tail.is_some_and(|t| !eq_ci(t, "long")) {
            return None;
        }
        let plural = unit.ends_with('s');
        let unit_word = unit;
        let unit = unit_of(unit)?;
        // "all-day", "full-year", "whole-week": one unit.
        let whole = ["all", "full", "whole"].iter().any(|w| eq_ci(count, w));
        let n = parse_digits(count)
            .or_else(|| word_value(count).filter(|_| scale_word(count).is_none()))
            .or_else(|| (whole && !plural && !eq_ci(unit_word, "night")).then_some(1.0))
            .filter(|v| *v > 0.0)?;
        // "30-minutes" is read, "one-years" is not.
        if plural && n == 1.0 {
            return None;
        }
        Some(Raw::Duration(duration_value(n, unit)))
    }

    /// "the first four months of this year", "the first half of 2021", "the third quarter".
    fn period_phrase(&self, i: usize) -> Option<(Raw, usize)> {
        let first = match Lower::of(self.t(i)).as_str() {
            "first" => Some(true),
            "last" => Some(false),
            _ => None,
        };
        // The first N months of ...
        if let Some(first) = first {
            if let Some(n) = self.count_at(i + 1).filter(|_| self.ok(i + 2, i)) {
                if let Some(unit) = unit_of(self.t(i + 2)) {
                    if self.is(i + 3, "of") && n.fract() == 0.0 && n >= 1.0 {
                        if let Some((base, end)) = self.base_at(i + 4, i) {
                            return Some((Raw::PartOf(first, n as u32, unit, Box::new(base)), end));
                        }
                    }
                }
            }
        }
        // The first half of ...
        if self.is(i + 1, "half") && self.is(i + 2, "of") {
            let h = match Lower::of(self.t(i)).as_str() {
                "first" => 1,
                "second" => 2,
                _ => 0,
            };
            if h > 0 {
                if let Some((base, end)) = self.base_at(i + 3, i) {
                    return Some((Raw::PartOf(true, h, Unit::Year, Box::new(base)), end));
                }
            }
        }
        // The third quarter (of 2021).
        let q = self
            .ordinal_at(i)
            .or_else(|| self.is(i, "last").then_some(4))?;
        if !self.is(i + 1, "quarter") || !self.ok(i + 1, i) {
            return None;
        }
        if self.is(i + 2, "of") {
            if let Some((base, end)) = self.base_at(i + 3, i) {
                return Some((Raw::PartOf(true, q, Unit::Minute, Box::new(base)), end));
            }
        }
        if self.is(i, "last") {
            return None;
        }
        if let Some((y, end)) = self.trailing_year(i + 2, i, false) {
            return Some((Raw::Abs(Val::Quarter(y, q)), end));
        }
        // "the third quarter this year".
        if let Some((base @ Raw::Deictic(Deictic::Year, _), end)) = self.base_at(i + 2, i) {
            return Some((Raw::PartOf(true, q, Unit::Minute, Box::new(base)), end));
        }
        Some((Raw::Quarter(q, Mod::None), i + 2))
    }

    /// The whole that a part is taken of: "this year", "2021", "the year", "June".
    fn base_at(&self, j: usize, a: usize) -> Option<(Raw, usize)> {
        if !self.ok(j, a) {
            return None;
        }
        if let Some(m) = self.modifier_at(j) {
            if self.is(j + 1, "year") && self.ok(j + 1, a) {
                return Some((Raw::Deictic(Deictic::Year, mod_step(m)), j + 2));
            }
            if self.is(j + 1, "month") && self.ok(j + 1, a) {
                return Some((Raw::Deictic(Deictic::Month, mod_step(m)), j + 2));
            }
        }
        if self.is(j, "the") && self.is(j + 1, "year") && self.ok(j + 1, a) {
            return Some((Raw::Deictic(Deictic::Year, 0), j + 2));
        }
        if let Some(y) = self.year_tok(j) {
            return Some((Raw::Abs(Val::Year(y)), j + 1));
        }
        if let Some((y, end)) = self.year_words(j, a) {
            return Some((Raw::Abs(Val::Year(y)), end));
        }
        let (m, k) = self.month_at(j, false)?;
        if let Some((y, end)) = self.trailing_year(k, a, false) {
            return Some((Raw::Abs(Val::Month(y, m)), end));
        }
        Some((Raw::Month(m, Mod::None), k))
    }

    /// "today", "last year", "next Sunday", "this summer", "last night".
    fn deictic(&self, i: usize) -> Option<(Raw, usize)> {
        let w = Lower::of(self.t(i));
        let capital_mid = self.cap(i)
            && !self.doc.is_sentence_initial(i)
            && i > 0
            && self.ok(i - 1, i)
            && self.cap(i - 1)
            && self.kind(i - 1) == Some(TokKind::Word);
        let day = |k| Some((Raw::Deictic(Deictic::Day, k), i + 1));
        // "day after tomorrow", "day before yesterday" without the article.
        if w == "day" && self.is_any(i + 1, &["after", "before"]) && self.ok(i + 2, i) {
            let sign = if self.is(i + 1, "after") { 1 } else { -1 };
            let base = match Lower::of(self.t(i + 2)).as_str() {
                "tomorrow" => Some(1),
                "yesterday" => Some(-1),
                _ => None,
            };
            if let Some(b) = base.filter(|&b| b == sign) {
                return Some((Raw::Deictic(Deictic::Day, b + sign), i + 3));
            }
        }
        match w.as_str() {
            // "USA Today" is a newspaper.
            "today" | "tonight" if !capital_mid => return day(0),
            "yesterday" if !capital_mid => return day(-1),
            "tomorrow" | "tmrw" if !capital_mid => return day(1),
            _ => {}
        }
        let m = self.modifier_at(i)?;
        // "the last year" and "the next day" are periods or anchored shifts, not deictic;
        // "the coming week" is deictic.
        let plain = matches!(w.as_str(), "coming" | "upcoming" | "current");
        // "the next quarter", "the last quarter" count from the reference too, unlike "the next
        // day"; "the previous quarter" in a results story is the one before the quarter
        // reported: left out.
        let quarter = matches!(w.as_str(), "next" | "last") && self.is(i + 1, "quarter");
        if (self.prev_is_any(i, &["the"]) && !plain && !quarter) || !self.ok(i + 1, i) {
            return None;
        }
        let k = mod_step(m);
        // "this calendar year": the calendar year, as "this year".
        if self.is(i + 1, "calendar") && self.is(i + 2, "year") && self.ok(i + 2, i) {
            return Some((Raw::Deictic(Deictic::Year, k), i + 3));
        }
        let next = self.t(i + 1);
        let nl = Lower::of(next);
        let unit = match nl.as_str() {
            "week" => Some(Deictic::Week),
            "weekend" => Some(Deictic::Weekend),
            "month" => Some(Deictic::Month),
            "quarter" => Some(Deictic::Quarter),
            "year" => Some(Deictic::Year),
            "decade" => Some(Deictic::Decade),
            "night" if m == Mod::Last => return day(-1).map(|(r, _)| (r, i + 2)),
            "morning" | "afternoon" | "evening" if m == Mod::This => {
                return day(0).map(|(r, _)| (r, i + 2))
            }
            _ => None,
        };
        if let Some(u) = unit {
            // "next week Friday", "next week on Friday", "previous week - Monday".
            if u == Deictic::Week {
                let j = if self.is_any(i + 2, &["on", "-", ",", "–"]) {
                    i + 3
                } else {
                    i + 2
                };
                if let Some((wd, _, end)) = self.weekday_at(j).filter(|_| self.ok(j, i)) {
                    return Some((Raw::WeekdayInWeek(wd, k), end));
                }
            }
            return Some((Raw::Deictic(u, k), i + 2));
        }
        if let Some((wd, _, end)) = self.weekday_at(i + 1) {
            return Some((Raw::Weekday(wd, m), end));
        }
        if let Some((mo, end)) = self.month_at(i + 1, true) {
            return Some((Raw::Month(mo, m), end));
        }
        if let Some(s) = Self::season_of(next) {
            return Some((Raw::Season(s, m), i + 2));
        }
        None
    }

    /// A count before a unit, and the index after it: "3", "three", "twenty four", "a", "a
    /// couple of" (2), "a few" and "several" (3, the convention of chrono and
    /// Recognizers-Text), "two and a half", "half a", "another". The flag says an article
    /// started it ("a year" may be a rate: "once a year").
    fn count_words(&self, i: usize) -> Option<(f64, usize, bool)> {
        let l = Lower::of(self.t(i));
        let next = |k: usize| self.ok(k, i);
        match l.as_str() {
            "a" | "an" => {
                if self.is(i + 1, "couple") && self.is(i + 2, "of") && next(i + 2) {
                    return Some((2.0, i + 3, false));
                }
                if self.is(i + 1, "few") && next(i + 1) {
                    return Some((3.0, i + 2, false));
                }
                return Some((1.0, i + 1, true));
            }
            "couple" if self.is(i + 1, "of") && next(i + 1) => return Some((2.0, i + 2, false)),
            "few" | "several" => return Some((3.0, i + 1, false)),
            // "some days", "many years": vague counts (`PXD`); not "some 200 people".
            "some" | "many"
                if next(i + 1)
                    && Lower::of(self.t(i + 1)).ends_with('s')
                    && unit_of(self.t(i + 1)).is_some() =>
            {
                return Some((3.0, i + 1, false))
            }
            "another" => return Some((1.0, i + 1, false)),
            "half" => {
                let j = if self.is_any(i + 1, &["a", "an"]) && next(i + 1) {
                    i + 2
                } else {
                    i + 1
                };
                return Some((0.5, j, false));
            }
            _ => {}
        }
        let mut n = self.count_at(i)?;
        let mut j = i + 1;
        // "twenty four".
        if (20.0..=90.0).contains(&n) && n % 10.0 == 0.0 && self.kind(i) == Some(TokKind::Word) {
            if let Some(v) = word_value(self.t(j))
                .filter(|v| (1.0..=9.0).contains(v))
                .filter(|_| next(j) && self.kind(j) == Some(TokKind::Word))
            {
                n += v;
                j += 1;
            }
        }
        // "two and a half hours".
        if self.is(j, "and") && next(j + 1) {
            if self.is(j + 1, "a") && self.is(j + 2, "half") && next(j + 2) {
                return Some((n + 0.5, j + 3, false));
            }
            if self.is(j + 1, "half") {
                return Some((n + 0.5, j + 2, false));
            }
        }
        Some((n, j, false))
    }

    /// One part of a duration: a count and a unit ("three years", "3 hrs"), or a number glued
    /// to its unit ("3h", "3.5years"). Returns (count, unit, end, article).
    fn duration_part(&self, i: usize) -> Option<(f64, Unit, usize, bool)> {
        if self.kind(i) == Some(TokKind::Number) {
            let w = self.t(i);
            let split = w
                .find(|c: char| c.is_alphabetic())
                .filter(|&k| k > 0 && w.is_char_boundary(k));
            if let Some(k) = split {
                let (num, unit) = (&w[..k], &w[k..]);
                let u = unit_of(unit).filter(|_| !unit.contains(['-', '/']));
                if let (Some(n), Some(u)) = (parse_digits(num).filter(|v| *v > 0.0), u) {
                    return Some((n, u, i + 1, false));
                }
            }
        }
        let (mut n, mut u, article) = self.count_words(i)?;
        if !self.ok(u, i) || self.kind(u) != Some(TokKind::Word) {
            return None;
        }
        // "10 business days", "five trading days": days, as HeidelTime writes them (TimeML
        // has no unit for them).
        let business = self.is_any(u, &["business", "working", "trading"])
            && self.is_any(u + 1, &["day", "days"])
            && self.ok(u + 1, i);
        if business {
            u += 1;
        }
        let word = self.t(u);
        // "a fortnight" is two weeks.
        if eq_ci(word, "fortnight") || eq_ci(word, "fortnights") {
            if word.len() > 9 && n == 1.0 {
                return None;
            }
            return Some((2.0 * n, Unit::Week, u + 1, article));
        }
        let unit = unit_of(word).map(|u| if business { Unit::BusinessDay } else { u })?;
        if unit_abbreviation(word).is_none() {
            let plural = Lower::of(word).ends_with('s');
            // "one years" is not read; "three year" is ("a three year plan").
            if plural && n == 1.0 {
                return None;
            }
        }
        // "a second attack" is an ordinal, "for a second." a duration; "twenty second" (a
        // tens word before "second") is the ordinal 22nd.
        let tens_word = self.kind(i) == Some(TokKind::Word)
            && word_value(self.t(i)).is_some_and(|v| v >= 20.0 && v % 10.0 == 0.0)
            && u == i + 1;
        if unit == Unit::Second
            && ((article && !self.boundary(u + 1, i)) || (tens_word && eq_ci(word, "second")))
        {
            return None;
        }
        let mut end = u + 1;
        // "an hour and a half".
        if self.is(end, "and") && self.ok(end + 1, i) {
            if self.is(end + 1, "a") && self.is(end + 2, "half") && self.ok(end + 2, i) {
                n += 0.5;
                end += 3;
            } else if self.is(end + 1, "half") {
                n += 0.5;
                end += 2;
            }
        }
        Some((n, unit, end, article))
    }

    /// A duration of one or more parts: "three years", "1 year 1 month and 21 days".
    /// Returns the parts, the end, and whether an article started it.
    fn duration_parts(&self, i: usize) -> Option<(Parts, usize, bool)> {
        let (n, u, mut end, article) = self.duration_part(i)?;
        let mut parts = vec![(n, u)];
        while parts.len() < 4 {
            let k = if self.is_any(end, &[",", "and"]) {
                end + 1
            } else {
                end
            };
            if !self.ok(k, i) || self.is_any(k, &["a", "an", "another"]) {
                break;
            }
            match self.duration_part(k) {
                Some((n2, u2, e2, _)) if parts.iter().all(|p| p.1 != u2) => {
                    parts.push((n2, u2));
                    end = e2;
                }
                _ => break,
            }
        }
        Some((parts, end, article))
    }

    /// "today" (0), "tomorrow" (1), "yesterday" (-1), "now" (0).
    fn day_word(&self, i: usize) -> Option<i64> {
        Some(match Lower::of(self.t(i)).as_str() {
            "today" | "now" => 0,
            "tomorrow" | "tmrw" => 1,
            "yesterday" => -1,
            _ => return None,
        })
    }

    /// A point a duration counts from: "May 13, 1999", "Tuesday", "Christmas".
    fn point_at(&self, i: usize) -> Option<Found> {
        if self.nested.get() {
            return None;
        }
        self.nested.set(true);
        let f = self.match_at(i, None);
        self.nested.set(false);
        f.filter(|f| {
            matches!(
                f.raw,
                Raw::Abs(Val::Day(_))
                    | Raw::MonthDay(..)
                    | Raw::Weekday(..)
                    | Raw::Holiday(..)
                    | Raw::Event(_)
                    | Raw::DayOfMonth(..)
                    | Raw::Deictic(Deictic::Day, _)
            )
        })
    }

    /// "three years ago", "a month later", "two weeks from now", "in three weeks", "six
    /// months" (a duration). Returns the start too ("in three weeks" starts at "in").
    fn count_unit(&self, i: usize) -> Option<(usize, Raw, usize)> {
        let (parts, e, article) = self.duration_parts(i)?;
        let whole = parts.iter().all(|(n, _)| n.fract() == 0.0 && *n >= 1.0);
        let signed = |sign: i64| -> Vec<(i64, Unit)> {
            parts.iter().map(|&(n, u)| (sign * n as i64, u)).collect()
        };
        let single = match parts.as_slice() {
            [(n, u)] => Some((*n as i64, *u)),
            _ => None,
        };
        let from_ref = |sign: i64| match single {
            Some((n, u)) => Raw::Ago(u, sign * n),
            None => Raw::Shift(signed(sign), Box::new(Raw::Deictic(Deictic::Day, 0))),
        };
        if whole && self.ok(e, i) {
            let nx = Lower::of(self.t(e));
            if nx == "ago" {
                return Some((i, from_ref(-1), e + 1));
            }
            if nx == "hence" {
                return Some((i, from_ref(1), e + 1));
            }
            if nx == "from" && self.is(e + 1, "now") && self.ok(e + 1, i) {
                return Some((i, from_ref(1), e + 2));
            }
            if nx == "in" && self.is(e + 1, "the") && self.is(e + 2, "future") && self.ok(e + 2, i)
            {
                return Some((i, from_ref(1), e + 3));
            }
            if matches!(nx.as_str(), "from" | "after" | "before") && self.ok(e + 1, i) {
                let sign = if nx == "before" { -1 } else { 1 };
                if let Some(k) = self.day_word(e + 1).filter(|_| !self.is(e + 1, "now")) {
                    // Made twice rather than cloned: `Raw`'s clone is 1.4 KB of wasm.
                    let base = || Box::new(Raw::Deictic(Deictic::Day, k));
                    let shifted = Raw::Shift(signed(sign), base());
                    // "less than two weeks from today": the days up to the shifted one.
                    if sign > 0 && i >= 2 && self.is(i - 2, "less") && self.is(i - 1, "than") {
                        return Some((i - 2, Raw::Range(base(), Box::new(shifted)), e + 2));
                    }
                    return Some((i, shifted, e + 2));
                }
                if let Some(f) = self.point_at(e + 1) {
                    return Some((i, Raw::Shift(signed(sign), Box::new(f.raw)), f.b));
                }
            }
            if let Some((k, u)) = single {
                if self.is_any(e, &["later", "afterwards", "afterward"])
                    || (self.is(e, "after") && self.boundary(e + 1, i))
                {
                    return Some((i, Raw::Later(u, k), e + 1));
                }
                if self.is(e, "earlier") || (self.is(e, "before") && self.boundary(e + 1, i)) {
                    return Some((i, Raw::Later(u, -k), e + 1));
                }
            } else {
                // "2 years 21 days later": the parts added to the day of the last date
                // mentioned ("the same day").
                let sign = if self.is_any(e, &["later", "afterwards", "afterward"]) {
                    1
                } else if self.is(e, "earlier") {
                    -1
                } else {
                    0
                };
                if sign != 0 {
                    let base = Box::new(Raw::Later(Unit::Day, 0));
                    return Some((i, Raw::Shift(signed(sign), base), e + 1));
                }
            }
        }
        if article
            && !self.prev_is_any(
                i,
                &[
                    "for", "than", "over", "about", "nearly", "almost", "within", "in", "under",
                    "only", "just", "around", "roughly", "barely", "least", "half", "past", "last",
                    "after", "spent", "took", "lasted",
                ],
            )
        {
            // "once a year", "$5 a day" are rates.
            return None;
        }
        let value = durations_value(&parts);
        if let (Some((n, u)), true) = (single, whole) {
            if self.prev_is_any(i, &["in"]) && !matches!(u, Unit::Second) {
                return Some((i - 1, Raw::In(u, n, value), e));
            }
        }
        Some((i, Raw::Duration(value), e))
    }

    /// "the past three weeks", "the next 5 days", "within 10 months", "the last two
    /// decades", "the past few days": a window of time next to the reference.
    fn window(&self, i: usize) -> Option<(Raw, usize)> {
        let mut j = i;
        if self.is(j, "the") {
            j += 1;
        }
        // "the 5 past years", "the 2 next days": the count before the side.
        if self.is(i, "the") && self.kind(j) == Some(TokKind::Number) {
            let n = self.count_at(j).filter(|n| n.fract() == 0.0 && *n >= 1.0)?;
            let side = match Lower::of(self.t(j + 1)).as_str() {
                "past" | "last" | "previous" => Side::Past,
                "next" | "coming" | "upcoming" | "following" => Side::Next,
                _ => return None,
            };
            let u = unit_of(self.t(j + 2)).filter(|_| self.ok(j + 2, i))?;
            if matches!(u, Unit::Second | Unit::Minute | Unit::Hour) || self.is(j + 3, "of") {
                return None;
            }
            return Some((Raw::Window(side, n as i64, u), j + 3));
        }
        let side = match Lower::of(self.t(j)).as_str() {
            "past" | "last" | "previous" => Side::Past,
            "next" | "coming" | "upcoming" => Side::Next,
            "within" => {
                if self.is_any(j + 1, &["the"]) {
                    j += 1;
                }
                if self.is_any(j + 1, &["next", "coming", "upcoming"]) {
                    j += 1;
                }
                Side::Within
            }
            _ => return None,
        };
        if !self.ok(j + 1, i) {
            return None;
        }
        // "the last two quarters", "the next three quarters": whole calendar quarters before
        // or after the reference's, as "last quarter" is.
        if side != Side::Within {
            if let Some((n, e)) = self
                .count_words(j + 1)
                .filter(|&(n, e, _)| (2.0..=40.0).contains(&n) && n.fract() == 0.0 && self.ok(e, i))
                .map(|(n, e, _)| (n as i64, e))
            {
                if self.is(e, "quarters") && !self.is(e + 1, "of") {
                    let (a, b) = if side == Side::Past { (-n, -1) } else { (1, n) };
                    let q = |k| Box::new(Raw::Deictic(Deictic::Quarter, k));
                    return Some((Raw::Range(q(a), q(b)), e + 1));
                }
            }
        }
        // "the past fortnight", "the next decade": one unit with no count (not "the next
        // year", which counts from the last date mentioned).
        let single = |u: Unit, n: f64| Some((n, u, j + 2, false));
        let part = match Lower::of(self.t(j + 1)).as_str() {
            "fortnight" => single(Unit::Week, 2.0),
            // "the next decade" is the coming calendar decade, as "the next two decades"
            // are; "the past decade" is left out: in news it is the last ten years.
            "decade" if side == Side::Next => {
                return Some((Raw::Deictic(Deictic::Decade, 1), j + 2));
            }
            // "the past year", "the last decade": TimeML's one-unit window (`P1Y`), as
            // TimeBank marks "the past three years" `P3Y`; not "last year", the calendar
            // year, nor "the last week of July" (below) or "the last year of his term".
            "year" | "month" | "week" | "decade"
                if side == Side::Past
                    && self.is(i, "the")
                    && !self.is(j, "previous")
                    && !self
                        .is_any(j + 2, &["of", "in", "that", "before", "when", "he", "she"])
                    && (self.is(j, "past")
                        || self.boundary(j + 2, i)
                        || self.is_any(
                            j + 2,
                            &[
                                "and", "or", "alone", "as", "but", "because", "has", "have", "had",
                            ],
                        )) =>
            {
                unit_of(self.t(j + 1)).map(|u| (1.0, u, j + 2, false))
            }
            // "the past quarter": the calendar quarter before the reference's.
            "quarter"
                if side == Side::Past
                    && (self.is(i, "the") || self.is(j, "past"))
                    && !self.is(j, "previous")
                    && !self.is_any(j + 2, &["of", "in"]) =>
            {
                return Some((Raw::Deictic(Deictic::Quarter, -1), j + 2));
            }
            // "the next couple weeks": "of" left out.
            "couple" if self.ok(j + 2, i) && Lower::of(self.t(j + 2)).ends_with('s') => {
                unit_of(self.t(j + 2)).map(|u| (2.0, u, j + 3, false))
            }
            _ => self.duration_part(j + 1),
        };
        let (n, u, end, _) = part?;
        // "the past 24 hours": the duration, with the words of the window in its span (as
        // TimeBank marks it); no days in `exact`, the time of day being unknown.
        if matches!(u, Unit::Second | Unit::Minute | Unit::Hour)
            && side != Side::Within
            && self.is(i, "the")
            && n > 0.0
            && !self.is(end, "of")
        {
            return Some((Raw::Duration(duration_value(n, u)), end));
        }
        if n.fract() != 0.0 || n < 1.0 || matches!(u, Unit::Second | Unit::Minute | Unit::Hour) {
            return None;
        }
        // "the last three months of 2020" is a part of a year, read elsewhere.
        if self.is(end, "of") {
            return None;
        }
        // "the next two weeks' talks" reads the same; a duration joined to a second part is not
        // a window ("the past 1 year 2 months" is too rare to read).
        Some((Raw::Window(side, n as i64, u), end))
    }

    /// "the next day", "the following year", "the previous week", "the day before".
    fn anchored(&self, i: usize) -> Option<(Raw, usize)> {
        if !self.is(i, "the") {
            return None;
        }
        let w = Lower::of(self.t(i + 1));
        // "the same day", "later the same year": the unit of the last date mentioned.
        if w == "same" && self.ok(i + 2, i) {
            let u = Lower::of(self.t(i + 2));
            if matches!(u.as_str(), "day" | "week" | "month" | "year") {
                return Some((Raw::Later(unit_of(&u)?, 0), i + 3));
            }
            return None;
        }
        let k = match w.as_str() {
            "next" | "following" => 1,
            "previous" | "preceding" | "prior" => -1,
            "day" | "week" | "weekend" | "month" | "year" => {
                if w == "weekend" {
                    let k = if self.is(i + 3, "the") { i + 4 } else { i + 3 };
                    if self.is(i + 2, "after") && self.is(k, "next") && self.ok(k, i) {
                        return Some((Raw::Deictic(Deictic::Weekend, 2), k + 1));
                    }
                    return None;
                }
                let unit = unit_of(&w)?;
                // "the day before yesterday", "the day after tomorrow".
                let sign = match Lower::of(self.t(i + 2)).as_str() {
                    "before" => -1,
                    "after" => 1,
                    _ => 0,
                };
                let base = match Lower::of(self.t(i + 3)).as_str() {
                    "yesterday" => -1,
                    "today" => 0,
                    "tomorrow" | "tmrw" => 1,
                    _ => 2,
                };
                if w == "day" && sign != 0 && base != 2 && self.ok(i + 3, i) {
                    return Some((Raw::Deictic(Deictic::Day, base + sign), i + 4));
                }
                if self.is(i + 2, "before") && self.boundary(i + 3, i) {
                    return Some((Raw::Later(unit, -1), i + 3));
                }
                // "the week after next", "the month after the next".
                if self.is(i + 2, "after") {
                    let k = if self.is(i + 3, "the") { i + 4 } else { i + 3 };
                    if self.is(k, "next") && self.ok(k, i) {
                        let d = match unit {
                            Unit::Day => Deictic::Day,
                            Unit::Week => Deictic::Week,
                            Unit::Month => Deictic::Month,
                            _ => Deictic::Year,
                        };
                        return Some((Raw::Deictic(d, 2), k + 1));
                    }
                }
                if self.is(i + 2, "after") && self.boundary(i + 3, i) {
                    return Some((Raw::Later(unit, 1), i + 3));
                }
                return None;
            }
            _ => return None,
        };
        if !self.is_any(i + 2, &["day", "week", "month", "year"]) || !self.ok(i + 2, i) {
            return None;
        }
        Some((Raw::Later(unit_of(self.t(i + 2))?, k), i + 3))
    }

    /// "the first Friday of July", "the second Monday of next month", "the last Sunday in
    /// May": the nth weekday of a month (the fifth may not exist).
    fn nth_weekday_of(&self, i: usize) -> Option<(Raw, usize)> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let n = self
            .ordinal_at(j)
            .map(|n| n as i32)
            .or_else(|| self.is(j, "fifth").then_some(5))
            .or_else(|| self.is(j, "last").then_some(-1))?;
        let (wd, _, k) = self.weekday_at(j + 1).filter(|_| self.ok(j + 1, i))?;
        if !self.is_any(k, &["of", "in"]) || !self.ok(k, i) {
            // "the second Sunday": of the reference's month ("last Sunday" is the week's).
            let ends = self.boundary(k, i)
                || (self.is_any(k, FUNCTION_WORDS) && !self.is_any(k, &["after", "before"]));
            let possessive = j > 0
                && self.prev_is_any(
                    j,
                    &["his", "her", "its", "their", "my", "our", "your", "'s"],
                );
            if n > 0 && ends && !possessive {
                let month = Box::new(Raw::Deictic(Deictic::Month, 0));
                return Some((Raw::NthWeekday(n, wd, month), k));
            }
            return None;
        }
        let (base, end) = self.base_at(k + 1, i)?;
        matches!(
            base,
            Raw::Month(..) | Raw::Abs(Val::Month(..)) | Raw::Deictic(Deictic::Month, _)
        )
        .then(|| (Raw::NthWeekday(n, wd, Box::new(base)), end))
    }

    /// A month as a number of one or two digits: "11", "03".
    fn month_number_tok(&self, i: usize) -> Option<u32> {
        let w = self.t(i);
        (self.kind(i) == Some(TokKind::Number)
            && (1..=2).contains(&w.len())
            && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| parse_int(w))
        .flatten()
        .filter(|m| (1..=12).contains(m))
    }

    /// "11 - 2016", "11 / 2016": a month number and a year apart, ending the phrase.
    fn month_then_year(&self, i: usize) -> Option<(Raw, usize)> {
        let m = self.month_number_tok(i)?;
        if !matches!(self.t(i + 1), "-" | "/") || !self.ok(i + 2, i) {
            return None;
        }
        let y = self.year_tok(i + 2).filter(|y| (1000..=2199).contains(y))?;
        self.boundary(i + 3, i)
            .then_some((Raw::Abs(Val::Month(y, m)), i + 3))
    }

    /// A year before its month or quarter: "2016 November", "2015 June and 2018 May", "2016,
    /// nov", "2016 Q3", "2019 H2". A month must end the phrase (or be followed by a word
    /// joining it to another date), so that "in 2016 May said" is not read as a month.
    fn year_first(&self, i: usize) -> Option<(Raw, usize)> {
        let y = self.year_tok(i).filter(|y| (1000..=2199).contains(y))?;
        let j = if self.t(i + 1) == "," { i + 2 } else { i + 1 };
        if !self.ok(j, i) {
            return None;
        }
        let ends = |k: usize| {
            self.boundary(k, i)
                || self.is_any(
                    k,
                    &["and", "or", "to", "through", "until", "till", "-", "–", "—"],
                )
        };
        // "2016 / 11": a month number apart from its year, ending the phrase. With a dash only
        // when the number cannot end a range of years: "2016 - 11" is November ("2009 - 10"
        // is a season or two years).
        let dash = matches!(self.t(i + 1), "-" | "–");
        if (self.t(i + 1) == "/" || dash) && self.ok(i + 2, i) {
            if let Some(m) = self
                .month_number_tok(i + 2)
                .filter(|_| self.boundary(i + 3, i))
                .filter(|&m| !dash || (m as i32) < y.rem_euclid(100))
            {
                return Some((Raw::Abs(Val::Month(y, m)), i + 3));
            }
        }
        let w = Lower::of(self.t(j));
        let half = w.starts_with('h');
        if let Some(q) = w
            .strip_prefix(['q', 'h'])
            .and_then(parse_int::<u32>)
            .filter(|q| (1..=if half { 2 } else { 4 }).contains(q) && w.len() == 2)
        {
            let v = if half {
                Val::Half(y, q)
            } else {
                Val::Quarter(y, q)
            };
            return Some((Raw::Abs(v), j + 1));
        }
        if self.kind(j) != Some(TokKind::Word) || month_number(self.t(j)).is_none() {
            return None;
        }
        let full = MONTHS.iter().any(|x| eq_ci(x, self.t(j)));
        let m = month_number(self.t(j))?;
        let mut end = j + 1;
        if !full && self.t(end) == "." && self.doc.tokens.get(end).is_some_and(|t| !t.space_before)
        {
            end += 1;
        }
        ends(end).then_some((Raw::Abs(Val::Month(y, m)), end))
    }

    /// "summer 2020", "the summer of 2020", "in the summer".
    /// "the third month of 2021", "the 9th month of next year" (`i` is "the").
    fn nth_month(&self, i: usize) -> Option<(Raw, usize)> {
        if !self.is(i + 2, "month") || !self.is(i + 3, "of") || !self.ok(i + 4, i) {
            return None;
        }
        let w = Lower::of(self.t(i + 1));
        let n = match ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|x| w.strip_suffix(x))
        {
            Some(d) if d.bytes().all(|b| b.is_ascii_digit()) => crate::numbers::parse_f64(d),
            _ => ordinal_word_value(&w),
        }
        .filter(|n| (1.0..=12.0).contains(n))? as u32;
        let k = i + 4;
        if let Some(y) = self.year_tok(k) {
            return Some((Raw::Abs(Val::Month(y, n)), k + 1));
        }
        let shift = match Lower::of(self.t(k)).as_str() {
            "this" => 0,
            "next" => 1,
            "last" => -1,
            _ => return None,
        };
        (self.is(k + 1, "year") && self.ok(k + 1, i)).then_some((Raw::MonthOfYear(n, shift), k + 2))
    }

    /// Fiscal and school years: "fiscal 2019", "fiscal year 2019", "FY2019", "FY 19", "the
    /// 2019-20 school year", "school year 2008", "SY2008", "this fiscal year"; "CY2018" is
    /// the calendar year.
    fn fiscal(&self, i: usize) -> Option<(Raw, usize)> {
        // Most tokens start none of these: cheap tests before any lowercasing.
        let w = self.t(i);
        let fy_like = (2..=7).contains(&w.len())
            && matches!(w.as_bytes().get(1), Some(b'y' | b'Y'))
            && matches!(
                w.as_bytes().first(),
                Some(b'f' | b'F' | b's' | b'S' | b'c' | b'C')
            );
        let ok = if self.kind(i) == Some(TokKind::Number) {
            (7..=9).contains(&w.len()) && self.is(i + 2, "year")
        } else {
            let word = match w.as_bytes().first().map(u8::to_ascii_lowercase) {
                Some(b'f') => "fiscal",
                Some(b's') => "school",
                Some(b'a') => "academic",
                Some(b't') => "this",
                Some(b'c') => "current",
                Some(b'l') => "last",
                Some(b'p') => "previous",
                Some(b'n') => "next",
                _ => return None,
            };
            fy_like || eq_ci(w, word)
        };
        if !ok {
            return None;
        }
        let num_year = |k: usize| -> Option<i32> {
            let w = self.t(k).trim_start_matches(['\'', '’']);
            if !self.ok(k, i) || !w.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let n: i32 = parse_int(w)?;
            match w.len() {
                2 => Some(if n >= 50 { 1900 + n } else { 2000 + n }),
                4 if (1900..=2199).contains(&n) => Some(n),
                _ => None,
            }
        };
        let fy = |p: &str| ["FY", "SY", "CY"].into_iter().find(|x| eq_ci(x, p));
        let named = |p: &'static str, y: i32, end: usize| {
            let raw = if p == "CY" {
                Raw::Abs(Val::Year(y))
            } else {
                Raw::Fiscal(p, Some(y), 0)
            };
            Some((raw, end))
        };
        // "FY2019", "FY19", "sy18", "FY 2019", "FY-2019".
        if let Some(p) = w.get(..2).and_then(fy) {
            let rest = w.get(2..)?.trim_start_matches('-');
            if rest.is_empty() {
                if let Some(y) = num_year(i + 1) {
                    return named(p, y, i + 2);
                }
                if self.is(i + 1, "-") {
                    return num_year(i + 2).and_then(|y| named(p, y, i + 3));
                }
                return None;
            }
            let n: i32 = parse_int(rest).filter(|_| rest.bytes().all(|b| b.is_ascii_digit()))?;
            let y = match rest.len() {
                2 => {
                    if n >= 50 {
                        1900 + n
                    } else {
                        2000 + n
                    }
                }
                4 if (1900..=2199).contains(&n) => n,
                _ => return None,
            };
            return named(p, y, i + 1);
        }
        let kind_at = |k: usize| {
            if self.is(k, "fiscal") {
                Some("FY")
            } else if self.is_any(k, &["school", "academic"]) && self.is(k + 1, "year") {
                Some("SY")
            } else {
                None
            }
        };
        // "this fiscal year", "last school year", "the current fiscal year".
        let shift = if self.is_any(i, &["this", "current"]) {
            Some(0)
        } else if self.is_any(i, &["last", "previous"]) {
            Some(-1)
        } else if self.is(i, "next") {
            Some(1)
        } else {
            None
        };
        if let Some(k) = shift {
            let p = kind_at(i + 1)?;
            let end = if self.is(i + 2, "year") {
                i + 3
            } else {
                return None;
            };
            return self
                .ok(end - 1, i)
                .then_some((Raw::Fiscal(p, None, k), end));
        }
        // "the 2019-20 school year", "the 2019-2020 fiscal year": named by the year it ends.
        if self.kind(i) == Some(TokKind::Number) {
            let (a, b) = self.t(i).split_once(['-', '/', '–'])?;
            let a: i32 = parse_int(a).filter(|a| (1900..=2199).contains(a))?;
            let b: i32 = parse_int(b)?;
            let end_year = if b == (a + 1) % 100 || b == a + 1 {
                a + 1
            } else {
                return None;
            };
            let p = kind_at(i + 1)?;
            let end = if self.is(i + 2, "year") { i + 3 } else { i + 2 };
            return named(p, end_year, end);
        }
        // "fiscal 2019", "fiscal year 2019", "school year 2008".
        let p = kind_at(i)?;
        let k = if self.is(i + 1, "year") { i + 2 } else { i + 1 };
        num_year(k).and_then(|y| named(p, y, k + 1))
    }

    fn season(&self, i: usize) -> Option<(Raw, usize)> {
        let s = Self::season_of(self.t(i))?;
        if let Some((y, end)) = self.trailing_year(i + 1, i, true) {
            return Some((Raw::Abs(Val::Season(y, s)), end));
        }
        // "the whole summer", "mid summer": the word before the season.
        let whole = self.prev_is_any(i, &["whole", "entire", "mid", "early", "late"]);
        let w = if whole { i.checked_sub(1)? } else { i };
        let the = self.prev_is_any(w, &["the"]);
        let before = if the { w.checked_sub(1)? } else { w };
        let prep = self.prev_is_any(
            before,
            &[
                "in",
                "during",
                "over",
                "through",
                "throughout",
                "since",
                "by",
                "until",
                "this",
                "before",
                "after",
                "for",
            ],
        );
        // "the summer" needs no preposition when no noun follows ("the summer was hot",
        // not "the summer camp"); nor does "Winter," opening a sentence.
        let phrase_end = self.boundary(i + 1, i) || self.is_any(i + 1, FUNCTION_WORDS);
        let alone = ((the || whole) && phrase_end)
            || (self.doc.is_sentence_initial(i) && self.is(i + 1, ","));
        // "the Winter Games", "Summer Olympics": a name.
        let name = self.cap(i)
            && !self.doc.is_sentence_initial(i)
            && self.ok(i + 1, i)
            && self.kind(i + 1) == Some(TokKind::Word)
            && self.cap(i + 1);
        if (prep || alone) && !name && !self.is(i, "fall") && !self.is(i + 1, "of") {
            return Some((Raw::Season(s, Mod::None), i + 1));
        }
        None
    }

    /// The longest expression starting at token `i`, if any, with a leading "early", "late",
    /// "mid", "the end of" ... folded in as its modifier.
    fn match_at(&self, i: usize, prev_end: Option<usize>) -> Option<Found> {
        let l = Lower::of(self.t(i));
        let part = match l.as_str() {
            "early" | "beginning" | "start" => Some("start"),
            "mid" | "middle" => Some("mid"),
            "late" | "end" => Some("end"),
            _ => None,
        };
        if let Some(part) = part {
            let mut j = i + 1;
            let needs_of = matches!(l.as_str(), "beginning" | "start" | "middle" | "end");
            let mut bare_unit = false;
            if needs_of {
                if !self.is(j, "of") {
                    return self.match_plain(i, prev_end);
                }
                j += 1;
                if self.is(j, "the") && self.is_any(j + 1, &["month", "year", "week"]) {
                    j += 1;
                }
                // "by end of year": the article left out.
                bare_unit = !self.is(j - 1, "the")
                    && self.is_any(j, &["month", "year", "week"])
                    && self.boundary(j + 1, i);
            }
            if self.ok(j, i) && !self.nested.get() {
                // "the end of the month": the unit stands for the current one.
                if needs_of && (self.is_any(j - 1, &["the"]) || bare_unit) {
                    let unit = match Lower::of(self.t(j)).as_str() {
                        "month" => Some(Deictic::Month),
                        "year" => Some(Deictic::Year),
                        "week" => Some(Deictic::Week),
                        _ => None,
                    };
                    if let Some(u) = unit {
                        return Some(Found {
                            a: i,
                            b: j + 1,
                            raw: Raw::Deictic(u, 0),
                            ambiguous: false,
                            modifier: Some(part),
                        });
                    }
                }
                if let Some(mut f) = self.match_plain(j, prev_end.or(Some(i))) {
                    if f.a == j && !matches!(f.raw, Raw::Duration(_) | Raw::Event(_) | Raw::In(..))
                    {
                        f.a = i;
                        f.modifier = Some(part);
                        return Some(f);
                    }
                }
            }
        }
        let mut f = self.match_plain(i, prev_end)?;
        // "mid-June", "early-2020".
        if f.b == i + 1 && f.a == i {
            if let Some((head, _)) = crate::numbers::split_hyphen(self.t(i)) {
                f.modifier = match Lower::of(head).as_str() {
                    "early" => Some("start"),
                    "mid" => Some("mid"),
                    "late" => Some("end"),
                    _ => None,
                };
            }
        }
        Some(f)
    }

    fn match_plain(&self, i: usize, prev_end: Option<usize>) -> Option<Found> {
        let kind = self.kind(i)?;
        let found = |a: usize, b: usize, raw: Raw| {
            Some(Found {
                a,
                b,
                raw,
                ambiguous: false,
                modifier: None,
            })
        };
        if let Some((raw, end)) = self.fiscal(i) {
            return found(i, end, raw);
        }
        if kind == TokKind::Number {
            if let Some((raw, end)) = self
                .nth_weekday_of(i)
                .or_else(|| self.year_first(i))
                .or_else(|| self.month_then_year(i))
            {
                return found(i, end, raw);
            }
            if let Some((raw, ambiguous)) = self.numeric(i, prev_end) {
                return Some(Found {
                    a: i,
                    b: i + 1,
                    raw,
                    ambiguous,
                    modifier: None,
                });
            }
            if let Some((raw, ambiguous, end)) = self.numeric_range(i) {
                let a = if self.prev_is_any(i, &["from", "between"]) {
                    i - 1
                } else {
                    i
                };
                return Some(Found {
                    a,
                    b: end,
                    raw,
                    ambiguous,
                    modifier: None,
                });
            }
            if let Some((raw, end)) = self.glued(i) {
                return found(i, end, raw);
            }
            if let Some((a, raw, end)) = self.day_range(i) {
                return found(a, end, raw);
            }
            if let Some((raw, end)) = self.day_month(i) {
                return found(i, end, raw);
            }
            // "18 and 19 June": the first day takes the second's month.
            if let Some((d, None)) = self.day_at(i) {
                if self.is_any(i + 1, &["and", "or"]) && self.ok(i + 2, i) {
                    let first = match self.day_month(i + 2) {
                        Some((Raw::MonthDay(m, _), _)) => Some(Raw::MonthDay(m, d)),
                        Some((Raw::Abs(Val::Day(x)), _)) => {
                            CalendarDate::new(x.year, x.month, d).map(|x| Raw::Abs(Val::Day(x)))
                        }
                        _ => None,
                    };
                    if let Some(first) = first {
                        return found(i, i + 1, first);
                    }
                }
            }
            if let Some((raw, end)) = self.decade_or_century(i) {
                return found(i, end, raw);
            }
            if let Some(y) = self
                .year_in_context(i, prev_end)
                .or_else(|| self.bare_year(i))
            {
                return found(i, i + 1, Raw::Abs(Val::Year(y)));
            }
            if let Some(raw) = self.hyphenated(i).filter(|_| !self.age_after(i)) {
                return found(i, i + 1, raw);
            }
            // "3rd week of 2018".
            if let Some((raw, end)) = self.weeks(i) {
                return found(i, end, raw);
            }
            if let Some((a, raw, end)) = self.count_unit(i) {
                return found(a, end, raw);
            }
            return None;
        }
        if kind != TokKind::Word {
            return None;
        }
        let w = self.t(i);
        if let Some((raw, end)) = self.nth_weekday_of(i) {
            return found(i, end, raw);
        }
        // "between the ninth and the seventeenth of April", "from the 4th to the 22nd of June".
        let ordinal_like = {
            let tail = w.get(w.len().saturating_sub(2)..).unwrap_or("");
            ["th", "st", "nd", "rd"].iter().any(|x| eq_ci(tail, x))
                || eq_ci(w, "twenty")
                || eq_ci(w, "thirty")
        };
        if self.is(i, "the") || (ordinal_like && self.spelled_day(i, false).is_some()) {
            if let Some((a, raw, end)) = self.day_range(i) {
                return found(a, end, raw);
            }
        }
        // "now" as one end of a range: "between now and November", "from Jan 22 until now".
        if self.is(i, "now") {
            let opens = self.prev_is_any(i, &["between", "from"])
                && self.is_any(i + 1, &["and", "to", "until", "till", "through"]);
            // The date before ends at the connector and opened with "between"/"from" (a
            // few tokens back): "between Jan 22 and now", not "20 years ago and now".
            let closes = i > 1
                && prev_end == Some(i - 1)
                && self.prev_is_any(i, &["and", "to", "until", "till", "through"])
                && (i.saturating_sub(10)..i - 1)
                    .any(|k| self.ok(k, i) && self.is_any(k, &["between", "from"]));
            if opens || closes {
                return found(i, i + 1, Raw::Deictic(Deictic::Day, 0));
            }
        }
        if let Some((raw, end)) = self.reference_word(i) {
            return found(i, end, raw);
        }
        // "all day", "the whole week", "a full year": one unit.
        if self.is_any(i, &["all", "full", "whole"]) && self.ok(i + 1, i) {
            let next = self.t(i + 1);
            if let Some(u) = unit_of(next).filter(|_| {
                !Lower::of(next).ends_with('s')
                    && unit_abbreviation(next).is_none()
                    && !eq_ci(next, "night")
            }) {
                return found(i, i + 2, Raw::Duration(duration_value(1.0, u)));
            }
        }
        // Weekday, maybe with a date: "Sunday, Aug. 22, 2021", "Friday the 13th", "Friday
        // next week".
        if let Some((wd, full, mut j)) = self.weekday_at(i) {
            let start_j = j;
            while self.ok(j, i) && matches!(self.t(j), "," | "." | "-" | "(") && j <= start_j + 1 {
                j += 1;
            }
            if self.ok(j, i) {
                // "Friday 5/12", "Sat. 2021-08-21": a numeric day.
                if let Some((raw, ambiguous)) = self
                    .numeric(j, None)
                    .filter(|(r, _)| matches!(r, Raw::MonthDay(..) | Raw::Abs(Val::Day(_))))
                {
                    return Some(Found {
                        a: i,
                        b: j + 1,
                        raw,
                        ambiguous,
                        modifier: None,
                    });
                }
                if let Some((raw, end)) = self
                    .month_day(j)
                    .or_else(|| self.day_month(j))
                    .or_else(|| self.glued(j))
                {
                    let end = if self.t(end) == ")" { end + 1 } else { end };
                    return found(i, end, raw);
                }
                let k = if self.is(j, "the") { j + 1 } else { j };
                let day = self
                    .day_at(k)
                    .filter(|(_, d2)| d2.is_none() && (k > j || !self.count_noun_after(k + 1, i)))
                    .map(|(d, _)| (d, k + 1))
                    .or_else(|| self.spelled_day(k, true).filter(|_| k > j));
                if let Some((d, end)) = day.filter(|_| self.ok(k, i)) {
                    return found(i, end, Raw::DayOfMonth(d, Some(wd)));
                }
                // "Friday next week", "Sunday of last week".
                let k = if self.is(start_j, "of") {
                    start_j + 1
                } else {
                    start_j
                };
                if let Some(m) = self.modifier_at(k).filter(|_| self.ok(k + 1, i)) {
                    if self.is(k + 1, "week") {
                        return found(i, k + 2, Raw::WeekdayInWeek(wd, mod_step(m)));
                    }
                }
            }
            // "the Sunday Times", "The Sunday Telegraph": a name, when "the" comes before and
            // a capitalized word that is no date after.
            let name = self.prev_is_any(i, &["the"])
                && start_j == i + 1
                && self.ok(i + 1, i)
                && self.kind(i + 1) == Some(TokKind::Word)
                && self.cap(i + 1)
                && self.month_at(i + 1, false).is_none()
                && self.weekday_at(i + 1).is_none()
                && self.holiday(i + 1).is_none();
            if !name
                && (full
                    || self.prev_is_any(
                        i,
                        &[
                            "on", "by", "until", "till", "since", "from", "to", "and", "or",
                            "before", "after", "through", "between",
                        ],
                    ))
            {
                return found(i, start_j, Raw::Weekday(wd, Mod::None));
            }
        }
        if let Some((raw, end)) = self.holiday(i) {
            return found(i, end, raw);
        }
        // "in nineteen ninety six", "since two thousand and eight".
        if self.prev_is_any(
            i,
            &["in", "since", "until", "during", "before", "after", "of"],
        ) {
            if let Some((y, end)) = self.year_words(i, i) {
                return found(i, end, Raw::Abs(Val::Year(y)));
            }
        }
        if let Some((raw, end)) = self.glued(i) {
            return found(i, end, raw);
        }
        if let Some((raw, end)) = self.glued_month_range(i) {
            return found(i, end, raw);
        }
        if let Some((raw, end)) = self.month_day(i) {
            return found(i, end, raw);
        }
        if let Some((raw, end)) = self.day_month(i) {
            return found(i, end, raw);
        }
        if let Some((m, j)) = self.month_at(i, false) {
            if self.day_at(j).is_some() && self.cap(i) {
                // A day that does not exist: "February 30".
                return None;
            }
            if let Some((y, end)) = self.trailing_year(j, i, true) {
                return found(i, end, Raw::Abs(Val::Month(y, m)));
            }
            // "June of this year", "June next year".
            let k = if self.is(j, "of") { j + 1 } else { j };
            if self.ok(k, i) {
                if let Some((Raw::Deictic(Deictic::Year, y), end)) = self.base_at(k, i) {
                    return found(i, end, Raw::MonthOfYear(m, y));
                }
            }
            // A capitalized abbreviation that is no name or word ("after Feb") ends its phrase.
            let abbreviation = || {
                self.cap(i)
                    && matches!(
                        Lower::of(self.t(i)).as_str(),
                        "feb" | "apr" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec"
                    )
                    && (self.boundary(j, i)
                        // "from Sep to Nov": the other end of a range of months.
                        || (self.is_any(j, &["to", "through", "until", "till", "and"])
                            && self.month_at(j + 1, false).is_some()
                            && self.ok(j + 1, i)))
            };
            if (self.month_at(i, true).is_some() || abbreviation())
                && self.month_context(i, prev_end)
            {
                return found(i, j, Raw::Month(m, Mod::None));
            }
        }
        if let Some((raw, end)) = self.window(i) {
            return found(i, end, raw);
        }
        if let Some((raw, end)) = self.weeks(i) {
            return found(i, end, raw);
        }
        if let Some((raw, end)) = self.deictic(i) {
            return found(i, end, raw);
        }
        if self.is(i, "the") {
            if let Some((raw, end)) = self.period_phrase(i + 1) {
                return found(i, end, raw);
            }
            // "the whole first quarter of 2013".
            if self.is_any(i + 1, &["whole", "entire"]) {
                if let Some((raw, end)) = self.period_phrase(i + 2) {
                    return found(i, end, raw);
                }
            }
            if let Some((raw, end)) = self.anchored(i) {
                return found(i, end, raw);
            }
            if let Some((raw, end)) = self.the_day(i) {
                return found(i, end, raw);
            }
            if let Some((raw, end)) = self.nth_month(i) {
                return found(i, end, raw);
            }
        }
        if let Some((raw, end)) = self.period_phrase(i) {
            return found(i, end, raw);
        }
        if let Some((raw, end)) = self.rest_of(i) {
            return found(i, end, raw);
        }
        if let Some((raw, end)) = self.decade_or_century(i) {
            return found(i, end, raw);
        }
        if let Some((raw, end)) = self.season(i) {
            let a = if self.prev_is_any(i, &["the"]) {
                i - 1
            } else {
                i
            };
            return found(a, end, raw);
        }
        // "Q3 2021", "H1 2016".
        let l = Lower::of(w);
        let half = l.starts_with('h');
        if let Some(q) = l
            .strip_prefix(['q', 'h'])
            .and_then(parse_int::<u32>)
            .filter(|q| (1..=if half { 2 } else { 4 }).contains(q) && w.len() == 2)
        {
            if let Some((y, end)) = self.trailing_year(i + 1, i, true) {
                let v = if half {
                    Val::Half(y, q)
                } else {
                    Val::Quarter(y, q)
                };
                return found(i, end, Raw::Abs(v));
            }
            // "Q3 this year".
            if let Some((base @ Raw::Deictic(Deictic::Year, _), end)) = self.base_at(i + 1, i) {
                let unit = if half { Unit::Year } else { Unit::Minute };
                return found(i, end, Raw::PartOf(true, q, unit, Box::new(base)));
            }
            if !half && self.prev_is_any(i, &["in", "the", "during", "of"]) {
                return found(i, i + 1, Raw::Quarter(q, Mod::None));
            }
        }
        if let Some(raw) = self.hyphenated(i).filter(|_| !self.age_after(i)) {
            return found(i, i + 1, raw);
        }
        if let Some((a, raw, end)) = self.count_unit(i) {
            return found(a, end, raw);
        }
        None
    }

    /// "Oct2", "Oct-2", "jan/3", "Dec31", "Dec-2018", "Sep-23-2020", "2019-sep-1": a month
    /// name glued to numbers in one token.
    fn glued(&self, i: usize) -> Option<(Raw, usize)> {
        // The tokenizer splits "2012/aug/10" and "Oct/2" at slashes that have no digit on
        // both sides: join up to five tokens written without spaces.
        let mut end = i + 1;
        while end < i + 5
            && self.t(end) == "/"
            && self.doc.tokens.get(end).is_some_and(|t| !t.space_before)
            && self.doc.tokens.get(end + 1).is_some_and(|t| {
                !t.space_before && matches!(t.kind, TokKind::Word | TokKind::Number)
            })
        {
            end += 2;
        }
        let joined;
        let text = if end == i + 1 {
            self.t(i)
        } else {
            joined = self.doc.text.get(self.doc.range(i, end - 1)).unwrap_or("");
            joined
        };
        self.glued_text(i, text, end)
    }

    /// Two numeric dates joined by a hyphen in one token: "10/1/2018-10/7/2018", "5/1-5/7/2020",
    /// "10/1-11/2/2017", "5/1-5/7, 2020"; month first, as `3/4/2021` is. Without a year they
    /// need "from"/"between" before ("between 10/1-11/7"): else a score or a fraction.
    fn numeric_range(&self, i: usize) -> Option<(Raw, bool, usize)> {
        let w = self.t(i);
        let (a, b) = w.split_once('-')?;
        if !a.contains('/') || !b.contains('/') || b.contains('-') {
            return None;
        }
        let parse = |p: &str| -> Option<(u32, u32, Option<i32>)> {
            let v: Vec<&str> = p.split('/').collect();
            let n = |s: &str| {
                (!s.is_empty() && s.len() <= 4 && s.bytes().all(|c| c.is_ascii_digit()))
                    .then(|| parse_int::<u32>(s))
                    .flatten()
            };
            match v.as_slice() {
                [m, d] if m.len() <= 2 && d.len() <= 2 => Some((n(m)?, n(d)?, None)),
                [m, d, y] if m.len() <= 2 && d.len() <= 2 && y.len() == 4 => {
                    Some((n(m)?, n(d)?, i32::try_from(n(y)?).ok()))
                }
                _ => None,
            }
        };
        let ((m1, d1, y1), (m2, d2, y2)) = (parse(a)?, parse(b)?);
        let (y2, end) = match y2 {
            Some(y) => (Some(y), i + 1),
            None => match self.trailing_year(i + 1, i, false) {
                Some((y, e)) => (Some(y), e),
                None => (None, i + 1),
            },
        };
        if y2.is_none() && !self.prev_is_any(i, &["from", "between"]) {
            return None;
        }
        let ambiguous = (d1 <= 12 && d1 != m1) || (d2 <= 12 && d2 != m2);
        let point = |y: Option<i32>, m: u32, d: u32| match y {
            Some(y) => CalendarDate::new(y, m, d).map(|x| Raw::Abs(Val::Day(x))),
            None => CalendarDate::new(2000, m, d).map(|_| Raw::MonthDay(m, d)),
        };
        let second = point(y2, m2, d2)?;
        let first = match y1 {
            Some(y) => point(Some(y), m1, d1)?,
            None => year_from_end(point(None, m1, d1)?, &second),
        };
        Some((
            Raw::Range(Box::new(first), Box::new(second)),
            ambiguous,
            end,
        ))
    }

    /// A range of month-days whose middle the tokenizer glues: "Nov 18-Dec 19, 2015" (tokens
    /// `Nov`, `18-Dec`, `19`), "Nov 18 2014-Dec 19 2015" (`2014-Dec`).
    fn glued_month_range(&self, i: usize) -> Option<(Raw, usize)> {
        // Cheap test first: a glued number a few tokens on.
        let glued = |k: usize| self.kind(k) == Some(TokKind::Number) && self.t(k).contains('-');
        if !(i + 1..i + 4).any(glued) {
            return None;
        }
        let (m1, mut j) = self.month_at(i, false)?;
        if self.kind(j) != Some(TokKind::Number) || !self.ok(j, i) {
            return None;
        }
        let mut d1 = None;
        let mut y1 = None;
        // "Nov 18 2014-Dec 19": the day stands alone, the year is glued.
        if let Some((d, None)) = self.day_at(j) {
            if self.t(j + 1).contains('-') && self.ok(j + 1, i) {
                d1 = Some(d);
                j += 1;
            }
        }
        let (head, tail) = self.t(j).split_once(['-', '–'])?;
        let m2 = month_number(&Lower::of(tail)).filter(|_| tail.len() >= 3)?;
        let head_num: u32 = parse_int(head.trim_end_matches(|c: char| c.is_ascii_alphabetic()))?;
        match d1 {
            Some(_) if (1000..=2199).contains(&head_num) => y1 = i32::try_from(head_num).ok(),
            None if (1..=31).contains(&head_num) => d1 = Some(head_num),
            _ => return None,
        }
        let d1 = d1?;
        let mut k = j + 1;
        if self.t(k) == "." && self.ok(k, i) {
            k += 1;
        }
        let (d2, None) = self.day_at(k).filter(|_| self.ok(k, i))? else {
            return None;
        };
        let (y2, end) = match self.trailing_year(k + 1, i, false) {
            Some((y, e)) => (Some(y), e),
            None => (None, k + 1),
        };
        let point = |y: Option<i32>, m: u32, d: u32| match y {
            Some(y) => CalendarDate::new(y, m, d).map(|x| Raw::Abs(Val::Day(x))),
            None => CalendarDate::new(2000, m, d).map(|_| Raw::MonthDay(m, d)),
        };
        let second = point(y2, m2, d2)?;
        let first = year_from_end(point(y1, m1, d1)?, &second);
        Some((Raw::Range(Box::new(first), Box::new(second)), end))
    }

    /// Reads `text`, the tokens `i..end`, as a month glued to numbers.
    fn glued_text(&self, i: usize, text: &str, end: usize) -> Option<(Raw, usize)> {
        let w = Lower::of(text);
        // Every form below has a separator, or a month's letters glued to digits: most tokens
        // tried ("20", "million") have neither.
        let sep = ['-', '/', '‐', '‑'];
        let may_glue = w.contains(sep)
            || (w.bytes().any(|b| b.is_ascii_digit())
                && w.bytes().any(|b| b.is_ascii_alphabetic()));
        if !may_glue {
            return None;
        }
        // At most three pieces, without a vector: the forms below have one to three.
        let mut buf = [""; 3];
        let mut n = 0;
        for p in w.split(sep) {
            *buf.get_mut(n)? = p;
            n += 1;
        }
        let pieces = buf.get(..n)?;
        let num = |p: &str| -> Option<i64> {
            let p = ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|x| p.strip_suffix(x))
                .unwrap_or(p);
            (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| parse_int(p))
                .flatten()
        };
        let month = |p: &str| {
            (p.len() >= 3 && p.bytes().all(|b| b.is_ascii_alphabetic()))
                .then(|| month_number(p))
                .flatten()
        };
        let md = |m: u32, d: i64| {
            ((1..=31).contains(&d) && CalendarDate::new(2000, m, d as u32).is_some())
                .then_some(Raw::MonthDay(m, d as u32))
        };
        let ymd = |y: i64, m: u32, d: i64| {
            Some(Raw::Abs(Val::Day(CalendarDate::new(
                i32::try_from(y).ok()?,
                m,
                u32::try_from(d).ok()?,
            )?)))
        };
        let raw = match pieces {
            [p] => {
                // "Oct2", "Dec31", "15sep".
                let k = p.find(|c: char| c.is_ascii_digit())?;
                if k == 0 {
                    let k = p.find(|c: char| !c.is_ascii_digit())?;
                    let (d, m) = (num(p.get(..k)?)?, month(p.get(k..)?)?);
                    if k > 2 {
                        return None;
                    }
                    md(m, d)?
                } else {
                    let (m, d) = (month(p.get(..k)?)?, num(p.get(k..)?)?);
                    if p.len() - k > 2 {
                        return None;
                    }
                    md(m, d)?
                }
            }
            // "2017-q1", "q1-2019", "2019-h2".
            [a, b] if a.len() == 4 || b.len() == 4 => {
                let (y, q) = if a.len() == 4 { (a, b) } else { (b, a) };
                let half = q.starts_with('h');
                let n = q
                    .strip_prefix(['q', 'h'])
                    .filter(|d| d.len() == 1)
                    .and_then(parse_int::<u32>)
                    .filter(|n| (1..=if half { 2 } else { 4 }).contains(n));
                match (num(y), n) {
                    (Some(y), Some(n)) if (1000..=2199).contains(&y) => {
                        let y = i32::try_from(y).ok()?;
                        Raw::Abs(if half {
                            Val::Half(y, n)
                        } else {
                            Val::Quarter(y, n)
                        })
                    }
                    _ => {
                        let m = month(a)?;
                        let n = num(b)?;
                        if b.len() == 4 {
                            Raw::Abs(Val::Month(i32::try_from(n).ok()?, m))
                        } else {
                            md(m, n)?
                        }
                    }
                }
            }
            // "Jan-Feb 2017", "Nov-Feb".
            [a, b] if month(a).is_some() && month(b).is_some() => {
                let (ma, mb) = (month(a)?, month(b)?);
                if let Some((y, end)) = self.trailing_year(end, i, false) {
                    let ya = if ma <= mb { y } else { y.checked_sub(1)? };
                    return Some((
                        Raw::Range(
                            Box::new(Raw::Abs(Val::Month(ya, ma))),
                            Box::new(Raw::Abs(Val::Month(y, mb))),
                        ),
                        end,
                    ));
                }
                return None;
            }
            [a, b] => {
                let m = month(a)?;
                let n = num(b)?;
                if b.len() == 4 {
                    Raw::Abs(Val::Month(i32::try_from(n).ok()?, m))
                } else if b.len() <= 4 {
                    md(m, n)?
                } else {
                    return None;
                }
            }
            [a, b, c] => match (month(a), month(b)) {
                (Some(m), None) if c.len() == 4 => ymd(num(c)?, m, num(b)?)?,
                (None, Some(m)) if a.len() == 4 => ymd(num(a)?, m, num(c)?)?,
                // "23/Sep/2020".
                (None, Some(m)) if c.len() == 4 && a.len() <= 2 => ymd(num(c)?, m, num(a)?)?,
                _ => return None,
            },
            _ => return None,
        };
        // The trailing year of "Oct-2, 2021".
        if let Raw::MonthDay(m, d) = raw {
            if let Some((y, end)) = self.trailing_year(end, i, false) {
                return Some((ymd(y as i64, m, d as i64)?, end));
            }
        }
        Some((raw, end))
    }

    /// A day range taking its month from the second day: "from 4 to 22 January", "between
    /// the ninth and the seventeenth of April", "4 to 23 next month", "from 4-23 in next
    /// month". Returns the start (the opener "from"/"between" when there is one).
    fn day_range(&self, i: usize) -> Option<(usize, Raw, usize)> {
        let open = i
            .checked_sub(1)
            .filter(|&o| self.ok(o, i) && self.is_any(o, &["between", "from"]));
        let between = open.is_some_and(|o| self.is(o, "between"));
        // The first day: "4", "4th", "ninth", "the ninth"; or a glued pair "4-23".
        let day = |k: usize| -> Option<(u32, Option<u32>, usize)> {
            let k = if self.is(k, "the") && self.ok(k + 1, i) {
                k + 1
            } else {
                k
            };
            match self.day_at(k) {
                Some((d, d2)) => Some((d, d2, k + 1)),
                None => self.spelled_day(k, false).map(|(d, e)| (d, None, e)),
            }
        };
        let (d, glued, conn) = day(i)?;
        let second_start = if self.is(conn + 1, "the") {
            conn + 2
        } else {
            conn + 1
        };
        let (d_end, second_at) = match glued {
            Some(d2) => (d2, conn),
            None => {
                let ok_conn = if between {
                    self.is(conn, "and")
                } else {
                    self.is_any(conn, &["to", "until", "till", "through", "-", "–"])
                };
                if !ok_conn || !self.ok(conn + 1, i) {
                    return None;
                }
                match day(conn + 1) {
                    Some((d2, _, e)) => (d2, e),
                    // "from 4 to January 22, 1995": the month comes first.
                    None => (0, conn + 1),
                }
            }
        };
        let start_at = open.unwrap_or(i);
        // The month: "January", "of April", "this month", "of next month", "in next month".
        let rel = {
            let k = if self.is_any(second_at, &["of", "in"]) {
                second_at + 1
            } else {
                second_at
            };
            self.modifier_at(k)
                .filter(|_| self.is(k + 1, "month") && self.ok(k + 1, i))
                .map(|m| (mod_step(m), k + 2))
        };
        if let Some((k, end)) = rel.filter(|_| d_end > 0) {
            let (a, b) = (Raw::DayOfRelMonth(d, k), Raw::DayOfRelMonth(d_end, k));
            return Some((start_at, Raw::Range(Box::new(a), Box::new(b)), end));
        }
        if glued.is_some() {
            return None;
        }
        // Without an opener, only a numeric first day: "9 to 12 of June".
        if open.is_none() && self.kind(i) != Some(TokKind::Number) {
            return None;
        }
        // "from 4 to 22 January", "from 4 to January 22, 1995".
        let (second, end) = self
            .day_month(second_start)
            .or_else(|| self.month_day(conn + 1))?;
        let first = match &second {
            Raw::Abs(Val::Day(x)) => Raw::Abs(Val::Day(CalendarDate::new(x.year, x.month, d)?)),
            Raw::MonthDay(m, _) => Raw::MonthDay(*m, d),
            Raw::DayOfRelMonth(_, k) => Raw::DayOfRelMonth(d, *k),
            _ => return None,
        };
        Some((start_at, Raw::Range(Box::new(first), Box::new(second)), end))
    }

    /// "the 27th", "on the 4th.": a day of the month with no month, after a preposition.
    fn the_day(&self, i: usize) -> Option<(Raw, usize)> {
        if !self.prev_is_any(
            i,
            &[
                "on", "by", "until", "till", "since", "from", "for", "after", "before", "through",
                "to", "and",
            ],
        ) {
            return None;
        }
        let (d, d2) = self.day_at(i + 1)?;
        if d2.is_some() || !self.ok(i + 1, i) || !self.boundary(i + 2, i) {
            return None;
        }
        Some((Raw::DayOfMonth(d, None), i + 2))
    }

    /// "the 1970s", "the 1970's", "the '70s", "the seventies", "the nineteen seventies", "the
    /// 21st century", "the nineteenth century".
    fn decade_or_century(&self, i: usize) -> Option<(Raw, usize)> {
        let w = self.t(i);
        let l = Lower::of(w);
        let apos_s = |k: usize| {
            matches!(self.t(k), "'s" | "’s" | "'S")
                && self.doc.tokens.get(k).is_some_and(|t| !t.space_before)
        };
        if self.kind(i) == Some(TokKind::Number) {
            // "21st century", "20th-century".
            let head = l.strip_suffix("-century").unwrap_or(&l);
            let is_century =
                head.len() < l.len() || (self.is(i + 1, "century") && self.ok(i + 1, i));
            if is_century {
                let digits = ["st", "nd", "rd", "th"]
                    .iter()
                    .find_map(|x| head.strip_suffix(x))?;
                let c: i32 = parse_int(digits).filter(|c| (1..=30).contains(c))?;
                let end = if head.len() < l.len() { i + 1 } else { i + 2 };
                return Some((Raw::Abs(Val::Century(c - 1)), end));
            }
            // "1970's".
            if let Some(y) = self
                .year_tok(i)
                .filter(|y| y % 10 == 0 && (1000..=2190).contains(y))
            {
                if apos_s(i + 1) {
                    return Some((Raw::Abs(Val::Decade(y / 10)), i + 2));
                }
            }
            // "70s", "70's" after "the", "'", "early"...
            let two = l.strip_suffix('s').unwrap_or(&l);
            let glued_s = two.len() < l.len();
            if two.len() == 2 && two.ends_with('0') && two.bytes().all(|b| b.is_ascii_digit()) {
                // "in 70's" (the apostrophe form only: "in 70s" is as often a temperature).
                let ctx = self.prev_is_any(i, &["the", "'", "‘", "’", "early", "late", "mid"])
                    || (self.prev_is_any(i, &["in"]) && apos_s(i + 1));
                let end = if glued_s {
                    i + 1
                } else if apos_s(i + 1) {
                    i + 2
                } else {
                    return None;
                };
                if ctx {
                    return Some((Raw::ShortDecade(parse_int::<i32>(two)? / 10), end));
                }
            }
            return None;
        }
        // "in the nineties", "in nineties" (not "in her nineties", an age).
        let bare_in = self.prev_is_any(i, &["in"]);
        if !self.prev_is_any(i, &["the", "early", "late", "mid"]) && !bare_in {
            return None;
        }
        if let Some(k) = DECADES.iter().position(|d| l == *d) {
            return Some((Raw::ShortDecade(k as i32 + 2), i + 1));
        }
        if bare_in {
            return None;
        }
        if l == "noughties" {
            return Some((Raw::Abs(Val::Decade(200)), i + 1));
        }
        // "the two thousands", "the two thousand and tens", "the twenty-tens".
        if l == "two" && self.is(i + 1, "thousands") && self.ok(i + 1, i) {
            return Some((Raw::Abs(Val::Decade(200)), i + 2));
        }
        if l == "two"
            && self.is(i + 1, "thousand")
            && self.is(i + 2, "and")
            && self.is(i + 3, "tens")
            && self.ok(i + 3, i)
        {
            return Some((Raw::Abs(Val::Decade(201)), i + 4));
        }
        if let Some(rest) = l.strip_prefix("twenty-") {
            if rest == "tens" {
                return Some((Raw::Abs(Val::Decade(201)), i + 1));
            }
            if let Some(k) = DECADES.iter().position(|d| rest == *d) {
                return Some((Raw::Abs(Val::Decade(202 + k as i32)), i + 1));
            }
        }
        // "nineteen seventies", "nineteenth century".
        if l == "nineteen" || l == "eighteen" {
            let c = if l == "nineteen" { 190 } else { 180 };
            if let Some(k) = DECADES
                .iter()
                .position(|d| self.is(i + 1, d) && self.ok(i + 1, i))
            {
                return Some((Raw::Abs(Val::Decade(c + k as i32 + 2)), i + 2));
            }
        }
        if self.is(i + 1, "century") && self.ok(i + 1, i) {
            let c = ordinal_word_value(w).filter(|c| (1.0..=30.0).contains(c))?;
            return Some((Raw::Abs(Val::Century(c as i32 - 1)), i + 2));
        }
        None
    }

    /// "the rest of the week", "the remainder of the year", "rest of this month".
    fn rest_of(&self, i: usize) -> Option<(Raw, usize)> {
        if !self.is_any(i, &["rest", "remainder", "remaining"]) {
            return None;
        }
        let mut j = i + 1;
        if self.is(j, "of") {
            j += 1;
        }
        if self.is_any(j, &["the", "this", "current"]) {
            j += 1;
        }
        if !self.ok(j, i) {
            return None;
        }
        let u = match Lower::of(self.t(j)).as_str() {
            "week" => Deictic::Week,
            "month" => Deictic::Month,
            "year" => Deictic::Year,
            _ => return None,
        };
        let a = if self.prev_is_any(i, &["the"]) {
            i - 1
        } else {
            i
        };
        let _ = a;
        Some((Raw::RestOf(u), j + 1))
    }

    /// Weeks: "the third week of July", "the last week of 2015", "the week of April 10",
    /// "the week beginning February 4", "week 31 of 2027", "over the weekend".
    fn weeks(&self, i: usize) -> Option<(Raw, usize)> {
        let the = self.is(i, "the");
        let j = if the { i + 1 } else { i };
        if !self.ok(j, i) {
            return None;
        }
        // "the third week of July".
        let nth = self
            .ordinal_at(j)
            .map(|n| n as i32)
            .or_else(|| self.is(j, "fifth").then_some(5))
            .or_else(|| self.is_any(j, &["last", "final"]).then_some(-1));
        if let Some(n) = nth {
            if self.is(j + 1, "week") && self.is(j + 2, "of") && self.ok(j + 2, i) {
                if let Some((base, end)) = self.base_at(j + 3, i) {
                    return Some((Raw::NthWeek(n, Box::new(base)), end));
                }
            }
            return None;
        }
        if self.is(j, "week") {
            // "the week of April 10", "the week beginning Feb 4".
            let mut k = j + 1;
            if self.is_any(k, &["of", "beginning", "starting", "commencing"]) && self.ok(k, i) {
                k += 1;
                if self.is(k, "on") {
                    k += 1;
                }
                if let Some(f) = self.point_at(k) {
                    return Some((Raw::WeekOf(Box::new(f.raw)), f.b));
                }
                // "the week of the 18th": a day of the nearest month.
                if self.is(k, "the") && self.ok(k + 1, i) {
                    if let Some((d, None)) = self.day_at(k + 1) {
                        let raw = Raw::DayOfMonth(d, None);
                        return Some((Raw::WeekOf(Box::new(raw)), k + 2));
                    }
                }
                return None;
            }
            // "week 31", "week 3 of 2027": with a year, or where a date is expected.
            // Weeks run to 53, past the days a month has.
            let number = Some(self.t(k))
                .filter(|w| (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
                .and_then(parse_int::<u32>)
                .filter(|w| (1..=53).contains(w) && self.ok(k, i))
                .map(|w| (w, None::<u32>));
            if let Some((w, _)) = number {
                if let Some((y, end)) = self.trailing_year(k + 1, i, true) {
                    return Some((Raw::IsoWeek(w, Some(y)), end));
                }
                let ctx = the
                    || self.prev_is_any(
                        i,
                        &["in", "from", "to", "between", "and", "during", "until"],
                    );
                if ctx && !self.is(k + 1, "of") {
                    return Some((Raw::IsoWeek(w, None), k + 1));
                }
                return None;
            }
        }
        // "over the weekend", "on weekend".
        if self.is(j, "weekend") && self.ok(j, i) {
            let ctx = if the {
                self.prev_is_any(
                    i,
                    &[
                        "over", "during", "on", "at", "for", "this", "until", "by", "since", "of",
                    ],
                )
            } else {
                self.prev_is_any(i, &["on", "at", "over"])
            };
            // "spent the weekend.", "the weekend when ...": not "the weekend edition".
            let ends = the
                && (self.boundary(j + 1, i)
                    || self.is_any(j + 1, FUNCTION_WORDS)
                    || self.is_any(j + 1, &["when", "before", "after", "as", "but"]));
            if (ctx || ends) && !self.is(j + 1, "of") {
                return Some((Raw::Deictic(Deictic::Weekend, 0), j + 1));
            }
            // "the weekend of Thanksgiving".
            if self.is(j + 1, "of") && self.ok(j + 2, i) {
                if let Some((raw, end)) = self.holiday(j + 2) {
                    return Some((Raw::WeekendOf(Box::new(raw)), end));
                }
            }
        }
        // "in the week", "for the month", "later in the year": the current one.
        if the && self.boundary(j + 1, i) {
            let u = match Lower::of(self.t(j)).as_str() {
                "week" => Deictic::Week,
                "month" => Deictic::Month,
                "year" => Deictic::Year,
                _ => return None,
            };
            // Not after "of": "the busiest days of the year" is generic.
            if self.prev_is_any(i, &["in", "for", "during", "throughout"]) {
                return Some((Raw::Deictic(u, 0), j + 1));
            }
        }
        None
    }

    /// Holidays whose date follows from the year: "Christmas", "New Year's Day",
    /// "Thanksgiving", "Easter". Names that are also ordinary words ("a good Friday") need a
    /// capital, and a bare name needs a preposition or a year ("before Christmas", "Easter
    /// 2020"): "Christmas shopping" is not a date.
    fn holiday(&self, i: usize) -> Option<(Raw, usize)> {
        // Most words start no holiday: compare without lowercasing first, after the (length,
        // first letter) test of the first words.
        let t = self.t(i);
        if !crate::numbers::len_initial_in(&HOLIDAY_FIRSTS, t)
            || !HOLIDAYS
                .iter()
                .any(|h| h.0.first().is_some_and(|f| eq_ci(f, t)))
        {
            return None;
        }
        // Then the second word: "may" and "new" start holidays and many other phrases.
        if !may_open_holiday(t, self.t(i + 1)) {
            return None;
        }
        // Lowercase with a curly apostrophe made straight ("New Year’s").
        let norm = |k: usize| Lower::of(self.t(k)).straight_quotes();
        let first = norm(i);
        let (idx, len) = HOLIDAYS.iter().enumerate().find_map(|(idx, h)| {
            let words = h.0;
            if words.first() != Some(&first.as_str()) {
                return None;
            }
            let all = words
                .iter()
                .enumerate()
                .all(|(k, w)| self.ok(i + k, i) && norm(i + k) == *w);
            all.then_some((idx, words.len()))
        })?;
        let end = i + len;
        // "Labor Day weekend", "Labor Day 2021 weekend": the weekend next to it.
        let weekend_at = |k: usize| self.is(k, "weekend") && self.ok(k, i);
        // A lowercase name that is also a phrase ("a good friday") counts with its year.
        let lower_ok = matches!(first.as_str(), "christmas" | "easter" | "halloween")
            || self.trailing_year(end, i, false).is_some()
            || weekend_at(end);
        if !self.cap(i) && !lower_ok {
            return None;
        }
        let named = len > 1;
        let mut mo = Mod::None;
        if let Some(m) = i.checked_sub(1).and_then(|p| self.modifier_at(p)) {
            if self.ok(i - 1, i) {
                mo = m;
            }
        }
        if let Some((y, yend)) = self.trailing_year(end, i, false) {
            let d = Raw::Abs(Val::Day(holiday_date(idx, y)?));
            if weekend_at(yend) {
                return Some((Raw::WeekendOf(Box::new(d)), yend + 1));
            }
            return Some((d, yend));
        }
        if weekend_at(end) {
            let raw = Raw::WeekendOf(Box::new(Raw::Holiday(idx, mo)));
            return match self.trailing_year(end + 1, i, false) {
                // "Halloween weekend 2021".
                Some((y, yend)) => {
                    let d = Raw::Abs(Val::Day(holiday_date(idx, y)?));
                    Some((Raw::WeekendOf(Box::new(d)), yend))
                }
                None => Some((raw, end + 1)),
            };
        }
        let prep = self.prev_is_any(
            i,
            &[
                "on", "at", "before", "after", "until", "till", "since", "by", "over", "for", "of",
                "during", "around", "from", "to", "this", "last", "next", "since",
            ],
        );
        (named || prep || self.boundary(end, i)).then_some((Raw::Holiday(idx, mo), end))
    }

    /// "an eight-year old girl" is an age, not a duration.
    fn age_after(&self, i: usize) -> bool {
        self.is(i + 1, "old") && self.ok(i + 1, i)
    }
}

/// Every expression in the text, in order, ranges merged ("between 2019 and 2021").
fn find_all(doc: &Doc) -> Vec<Found> {
    find_all_with(doc, true)
}

/// With `gated`, tokens that [`may_start`] rules out are not tried (the tests compare both).
fn find_all_with(doc: &Doc, gated: bool) -> Vec<Found> {
    let m = Matcher {
        doc,
        n: doc.tokens.len(),
        nested: std::cell::Cell::new(false),
    };
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < m.n {
        if gated && !may_start(doc, i) {
            i += 1;
            continue;
        }
        let prev_end = out.last().map(|f| f.b);
        match m.match_at(i, prev_end) {
            Some(f) if f.b > i => {
                i = f.b;
                out.push(f);
            }
            _ => i += 1,
        }
    }
    merge_ranges(&m, out)
}

/// Words (lowercase) that can start an expression in [`Matcher::match_at`], besides month and
/// weekday names, number words and the first words of holidays: the first token of every
/// form it reads.
const STARTERS: &[&str] = &[
    // "day after tomorrow".
    "day",
    // Reference words.
    "right",
    "currently",
    "recently",
    "soon",
    "recent",
    // Modifiers folded in by `match_at`.
    "now",
    "early",
    "beginning",
    "start",
    "mid",
    "middle",
    "late",
    "end",
    // (The first words of holidays are not listed: see `may_open_holiday`.)
    // Fiscal and school years.
    "fiscal",
    "school",
    "academic",
    "current",
    "fy",
    "sy",
    "cy",
    // Windows, deictic words, weeks, parts, rests, seasons.
    "the",
    "past",
    "last",
    "previous",
    "next",
    "coming",
    "upcoming",
    "within",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "tmrw",
    "this",
    "current",
    "final",
    "week",
    "weekend",
    "rest",
    "remainder",
    "remaining",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    // Decades.
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
    "noughties",
    // Counts.
    "all",
    "full",
    "whole",
    "a",
    "an",
    "couple",
    "few",
    "several",
    "some",
    "many",
    "another",
    "half",
];

/// The decades in words, from the twenties ([`Matcher::decade_or_century`]).
const DECADES: [&str; 8] = [
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

/// The heads of "mid-2020", "pre-June", "post-9/11" in [`Matcher::hyphenated`]; [`may_start`]
/// lets words with these heads through.
const HYPHEN_MODIFIERS: &[&str] = &["mid", "early", "late", "pre", "post"];

/// Words that may stand right after a count in a rule a count starts, besides units
/// ([`unit_of`]) and the starters (month and weekday names, number words, "day", "half", "a",
/// the decades): what [`Matcher::duration_part`] reads before a unit, the connectors of day
/// ranges and of "18 and 19 June", "of" of "22nd of June", "quarter" of "the first quarter",
/// the words after "nineteen"/"two" in years and decades ([`Matcher::year_words`],
/// [`Matcher::decade_or_century`]).
const AFTER_COUNT: &[&str] = &[
    "and",
    "or",
    "to",
    "until",
    "till",
    "through",
    "of",
    "business",
    "working",
    "trading",
    "fortnight",
    "fortnights",
    "quarter",
    "thousands",
    "oh",
    "o",
];

/// The starters besides number words that start an expression only as a count before a
/// unit ([`Matcher::count_words`], "all day"): [`may_start`] asks the word after them too.
const COUNT_STARTERS: &[&str] = &[
    "all", "full", "whole", "several", "another", "few", "couple", "half",
];

/// The word sets of [`may_start`].
struct StarterSets {
    /// Every lowercase word that can start an expression ([`STARTERS`], month and weekday
    /// names with the abbreviations `month_number` and `weekday_number` read, number words,
    /// the first words of [`HOLIDAYS`]).
    starters: WordSet,
    /// The holidays' first words that start nothing else.
    holiday_only: WordSet,
    /// Words that start an expression only as a count, which needs a word
    /// [`may_follow_count`] accepts next: the number words, which are none of the other
    /// starters (a test checks), and [`COUNT_STARTERS`].
    counts: WordSet,
}

fn starter_sets() -> &'static StarterSets {
    static SETS: std::sync::OnceLock<StarterSets> = std::sync::OnceLock::new();
    SETS.get_or_init(|| {
        let mut words: Vec<&'static str> = Vec::new();
        words.extend_from_slice(STARTERS);
        words.extend(crate::numbers::number_words());
        let mut counts = COUNT_STARTERS.to_vec();
        counts.extend_from_slice(words.get(STARTERS.len()..).unwrap_or_default());
        words.push("sept");
        for m in MONTHS {
            words.push(m);
            words.extend(m.get(..3));
        }
        for d in WEEKDAYS {
            words.push(d);
            words.extend((3..=5).filter_map(|k| d.get(..k)));
        }
        let others = WordSet::new(&words);
        let firsts: Vec<&'static str> = HOLIDAYS
            .iter()
            .filter_map(|h| h.0.first().copied())
            .collect();
        let only: Vec<&str> = firsts
            .iter()
            .copied()
            .filter(|f| !others.contains(f))
            .collect();
        words.extend(firsts);
        StarterSets {
            starters: WordSet::new(&words),
            holiday_only: WordSet::new(&only),
            counts: WordSet::new(&counts),
        }
    })
}

/// Whether token `k` may follow a count that starts an expression: a starter (a number word,
/// a month), a unit, a word of [`AFTER_COUNT`], a word with other bytes than ASCII letters, a
/// number, or a mark that may join ("-", "/", ".", "'", and any non-ASCII one). No rule a
/// count or a number other than a year starts goes on with nothing, another word, a comma,
/// "%" or ")" ("20 people", "one of", "several times").
fn may_follow_count(doc: &Doc, k: usize, sets: &StarterSets) -> bool {
    let Some(t) = doc.tokens.get(k) else {
        return false;
    };
    let w = doc.tok_or_empty(k);
    match t.kind {
        TokKind::Word => {
            !w.bytes().all(|b| b.is_ascii_alphabetic())
                || sets.starters.contains(w)
                || unit_of(w).is_some()
                || in_list(w, AFTER_COUNT)
        }
        TokKind::Punct => matches!(
            w.as_bytes().first(),
            Some(b'-' | b'/' | b'.' | b'\'' | 0x80..)
        ),
        _ => true,
    }
}

/// A cheap test run before [`Matcher::match_at`] on every token of the text: `false` only when
/// no expression can start at token `i`, so skipping it changes nothing. Most tokens are
/// rejected by kind, or by one integer lookup of their lowercase form; anything unusual
/// (digits, hyphens, dots, non-ASCII letters) goes to the full matcher.
fn may_start(doc: &Doc, i: usize) -> bool {
    let Some(tok) = doc.tokens.get(i) else {
        return false;
    };
    let w = doc.tok_or_empty(i);
    match tok.kind {
        // A number of digits (and commas) that is no year starts a count, or a day before
        // its month: "20 people" starts nothing. (Years, ordinals, "1990s", "4/22", "3.5"
        // go to the matcher.)
        TokKind::Number => {
            return w.len() == 4
                || !w.bytes().all(|b| b.is_ascii_digit() || b == b',')
                || may_follow_count(doc, i + 1, starter_sets());
        }
        TokKind::Word => {}
        _ => return false,
    }
    let head = w
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .map_or(w, |k| w.get(..k).unwrap_or(""));
    if head.len() < w.len() {
        if w.bytes().any(|b| b.is_ascii_digit() || !b.is_ascii()) {
            return true;
        }
        // ASCII letters with marks and no digit ("U.S.", "al-Qaida", "'s", "mid-June",
        // "three-year", "Aug."): the rules read such a word whole, by its hyphenated pieces
        // or without its final dots, and every form they read opens with a starter or a
        // hyphen modifier before the first mark. Such words were a third of the tokens the
        // full matcher was tried on before this test.
        return starter_sets().starters.contains(head)
            || HYPHEN_MODIFIERS.iter().any(|h| eq_ci(head, h));
    }
    let sets = starter_sets();
    if !sets.starters.contains(w) {
        return false;
    }
    // The two most common starters start little: "the" needs one of a few words or a number
    // after it, "a"/"an" a unit ("a year") or "couple"/"few".
    let next = doc.tok_or_empty(i + 1);
    let next_number = doc
        .tokens
        .get(i + 1)
        .is_some_and(|t| t.kind == TokKind::Number);
    if eq_ci(w, "the") {
        const AFTER_THE: &[&str] = &[
            "past",
            "last",
            "previous",
            "next",
            "coming",
            "upcoming",
            "within",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "final",
            "week",
            "weekend",
            "month",
            "year",
            "following",
            "preceding",
            "prior",
            "whole",
            "entire",
            "day",
            "twenty",
            "thirty",
            "same",
        ];
        // "the" is one word in twenty: most words after it are rejected by their (length,
        // first letter) before the list.
        const AFTER_THE_SHAPES: [u32; 17] = crate::numbers::len_initial_table(AFTER_THE);
        // Spelled ordinal days: "the ninth", "the seventeenth".
        let ordinal = || {
            next.len() >= 5
                && next.ends_with("th")
                && crate::numbers::ordinal_word_value(next).is_some()
        };
        return next_number
            || !next.is_ascii()
            || (crate::numbers::len_initial_in(&AFTER_THE_SHAPES, next)
                && in_list(next, AFTER_THE))
            || ordinal();
    }
    // Common words that start little: "some days", "day after tomorrow".
    if eq_ci(w, "some") || eq_ci(w, "many") {
        return unit_of(next).is_some();
    }
    if eq_ci(w, "day") {
        return eq_ci(next, "after") || eq_ci(next, "before");
    }
    if eq_ci(w, "right") {
        return eq_ci(next, "now");
    }
    if eq_ci(w, "a") || eq_ci(w, "an") {
        return !next.is_ascii()
            || eq_ci(next, "couple")
            || eq_ci(next, "few")
            || eq_ci(next, "fortnight")
            || unit_of(next).is_some();
    }
    // Most first words of holidays ("new", "good", "international") start nothing else, and
    // a holiday only with its second word after them. (Asked after the common starters
    // above, which are none of them.)
    // Number words and counts ("one of", "two people", "several hundred") go on only with
    // a unit, a month, a connector or another number word.
    if sets.counts.contains(w) {
        return may_follow_count(doc, i + 1, sets);
    }
    if sets.holiday_only.contains(w) {
        return may_open_holiday(w, doc.tok_or_empty(i + 1));
    }
    true
}

/// Two points of the same fineness ("Oct. 2 to October 22", "2014 through 2018") join into a
/// range without "from"; mixed ones ("Sunday to 2021") do not.
fn same_grain(a: &Raw, b: &Raw) -> bool {
    fn grain(r: &Raw) -> u8 {
        match r {
            Raw::Abs(Val::Day(_))
            | Raw::MonthDay(..)
            | Raw::Weekday(..)
            | Raw::DayOfMonth(..)
            | Raw::Holiday(..) => 1,
            Raw::Abs(Val::Month(..)) | Raw::Month(..) | Raw::MonthOfYear(..) => 2,
            Raw::Abs(Val::Year(_)) => 3,
            Raw::Abs(Val::Quarter(..)) | Raw::Quarter(..) => 4,
            _ => 0,
        }
    }
    grain(a) != 0 && grain(a) == grain(b)
}

/// The start of a range takes its year from the end when it has none: "Aug 10 - Nov 12,
/// 2013" starts in 2013, "Nov 10 - Feb 12, 2014" in 2013.
fn year_from_end(start: Raw, end: &Raw) -> Raw {
    let (ey, em) = match end {
        Raw::Abs(Val::Day(x)) => (x.year, x.month),
        Raw::Abs(Val::Month(y, m)) => (*y, *m),
        _ => return start,
    };
    let year = |m: u32| if m <= em { Some(ey) } else { ey.checked_sub(1) };
    let fixed = match &start {
        Raw::MonthDay(m, d) => year(*m)
            .and_then(|y| CalendarDate::new(y, *m, *d))
            .map(|x| Raw::Abs(Val::Day(x))),
        Raw::Month(m, Mod::None) => year(*m).map(|y| Raw::Abs(Val::Month(y, *m))),
        _ => None,
    };
    fixed.unwrap_or(start)
}

fn merge_ranges(m: &Matcher, found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    let mut it = found.into_iter().peekable();
    while let Some(f) = it.next() {
        let point = |r: &Raw| {
            !matches!(
                r,
                Raw::Duration(_)
                    | Raw::Event(_)
                    | Raw::Range(..)
                    | Raw::Window(..)
                    | Raw::RestOf(_)
                    | Raw::In(..)
            )
        };
        if let Some(g) = it.peek() {
            // "from the middle of 2007 to the end of 2008": an article may stand between
            // the opener and the start, and between the connector and the end.
            let the_before = f.a > 1 && m.ok(f.a - 2, f.a) && m.is(f.a - 1, "the");
            let open_at = if the_before { f.a - 1 } else { f.a };
            let opener = if open_at > 0 && m.ok(open_at - 1, f.a) {
                Lower::of(m.t(open_at - 1))
            } else {
                Lower::of("")
            };
            let conn = Lower::of(m.t(f.b));
            let end_at = if m.is(f.b + 1, "the") {
                f.b + 2
            } else {
                f.b + 1
            };
            let joined = g.a == end_at
                && m.ok(g.a, f.a)
                && point(&f.raw)
                && point(&g.raw)
                && match opener.as_str() {
                    "between" => matches!(conn.as_str(), "and" | "~" | "through" | "thru"),
                    "from" => matches!(
                        conn.as_str(),
                        "to" | "until" | "till" | "through" | "-" | "–" | "—" | "~"
                    ),
                    _ => {
                        (matches!(conn.as_str(), "-" | "–" | "—" | "~")
                            && !m.doc.tokens.get(f.b).is_some_and(|t| t.space_before))
                            || (matches!(
                                conn.as_str(),
                                "to" | "through" | "thru" | "until" | "till" | "-" | "–" | "—"
                            ) && same_grain(&f.raw, &g.raw))
                            // "through" joins only ranges, whatever the grains: "2014 through
                            // May 2018".
                            || matches!(conn.as_str(), "through" | "thru")
                    }
                };
            if joined {
                let a = if matches!(opener.as_str(), "between" | "from") {
                    open_at - 1
                } else {
                    f.a
                };
                // Always there (peeked above); no clone of `f` as a fallback.
                let Some(g) = it.next() else {
                    out.push(f);
                    continue;
                };
                out.push(Found {
                    a,
                    b: g.b,
                    ambiguous: f.ambiguous || g.ambiguous,
                    modifier: f.modifier,
                    raw: Raw::Range(Box::new(year_from_end(f.raw, &g.raw)), Box::new(g.raw)),
                });
                continue;
            }
        }
        out.push(f);
    }
    out
}

// ---------------------------------------------------------------------------------------
// Tense

/// Positions of tense markers in one sentence, so each expression there finds its nearest by
/// binary search. Only sentences holding an expression are read (most hold none), each once:
/// expressions come in text order.
struct TenseMarks {
    sentence: Option<usize>,
    future: Vec<usize>,
    past: Vec<usize>,
}

impl TenseMarks {
    fn new() -> TenseMarks {
        TenseMarks {
            sentence: None,
            future: Vec::new(),
            past: Vec::new(),
        }
    }

    /// Reads the markers of the tokens in `sent`.
    fn read(&mut self, doc: &Doc, sent: &Range<usize>) {
        // Every word the tests below can mark, to pass over the others without lowercasing:
        // the lists themselves ("'ll", which starts with no letter, is kept out and tested apart).
        static MARKS: std::sync::OnceLock<(WordSet, WordSet)> = std::sync::OnceLock::new();
        let (past_set, marks) = MARKS.get_or_init(|| {
            let all = [PAST_WORDS, FUTURE_WORDS, FUTURE_BEFORE_TO, &["wo"]].concat();
            (WordSet::new(PAST_WORDS), WordSet::new(&all))
        });
        self.future.clear();
        self.past.clear();
        // Lowercase, with a curly apostrophe made straight ("won’t").
        let norm = |s| Lower::of(s).straight_quotes();
        for i in sent.clone() {
            if doc.tokens.get(i).map(|t| t.kind) != Some(TokKind::Word) {
                continue;
            }
            let tok = doc.tok(i);
            let b = tok.as_bytes();
            if b.first().is_some_and(|b| b.is_ascii_alphabetic())
                && tok.is_ascii()
                && !marks.contains(tok)
                && !(b.len() >= 5
                    && b.get(b.len() - 2..)
                        .is_some_and(|e| e.eq_ignore_ascii_case(b"ed")))
            {
                continue;
            }
            let w = norm(tok);
            let w = w.as_str();
            let is_future = if w == "'ll" || FUTURE_WORDS.contains(&w) {
                true
            } else if w == "wo" {
                norm(doc.tok_or_empty(i + 1)) == "n't"
            } else if FUTURE_BEFORE_TO.contains(&w) {
                Lower::of(doc.tok_or_empty(i + 1)) == "to"
            } else {
                false
            };
            if is_future {
                self.future.push(i);
                continue;
            }
            let listed = if w.is_ascii() {
                past_set.contains(w)
            } else {
                PAST_WORDS.contains(&w)
            };
            let candidate = listed
                || (w.len() >= 5
                    && w.ends_with("ed")
                    && tok.chars().next().is_some_and(|c| c.is_lowercase())
                    && !ED_NOT_PAST.contains(&w));
            let participle_context = candidate
                && i > 0
                && matches!(
                    Lower::of(doc.tok(i - 1)).as_str(),
                    "be" | "is" | "are" | "am" | "been" | "being" | "will" | "to"
                );
            if candidate && !participle_context {
                self.past.push(i);
            }
        }
    }

    fn nearest(list: &[usize], i: usize, sent: &Range<usize>) -> Option<usize> {
        let k = list.partition_point(|&x| x < i);
        let after = list.get(k).filter(|&&x| x < sent.end).map(|&x| x - i);
        let before = k
            .checked_sub(1)
            .and_then(|k| list.get(k))
            .filter(|&&x| x >= sent.start)
            .map(|&x| i - x);
        match (after, before) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn at(&mut self, doc: &Doc, i: usize) -> Tense {
        let Some((s, sent)) = doc.tokens.get(i).and_then(|t| {
            let s = t.sentence as usize;
            doc.sentences.get(s).map(|r| (s, r))
        }) else {
            return Tense::Unknown;
        };
        if self.sentence != Some(s) {
            self.read(doc, sent);
            self.sentence = Some(s);
        }
        match (
            Self::nearest(&self.future, i, sent),
            Self::nearest(&self.past, i, sent),
        ) {
            (Some(f), Some(p)) if p < f => Tense::Past,
            (Some(_), _) => Tense::Future,
            (None, Some(_)) => Tense::Past,
            (None, None) => Tense::Unknown,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Resolution

/// The year for a cyclic position `p` (of `len` per year) given the reference's position
/// `r` in year `y`, by tense or modifier.
fn cyclic_year(p: i64, len: i64, y: i32, r: i64, tense: Tense, m: Mod) -> Option<i32> {
    let y64 = y as i64;
    let candidates = [y64 - 1, y64, y64 + 1];
    let pos = |cy: i64| cy * len + p;
    let now = y64 * len + r;
    let pick = match m {
        Mod::Last => candidates.iter().rev().find(|&&cy| pos(cy) < now),
        Mod::Next => candidates.iter().find(|&&cy| pos(cy) > now),
        // "this winter" said in March of a past-tense sentence is the winter just ended.
        Mod::This => match tense {
            Tense::Past if pos(y64) > now => Some(&candidates[0]),
            _ => Some(&y64),
        },
        Mod::None => match tense {
            Tense::Past => candidates.iter().rev().find(|&&cy| pos(cy) <= now),
            Tense::Future => candidates.iter().find(|&&cy| pos(cy) >= now),
            Tense::Unknown => candidates
                .iter()
                .min_by_key(|&&cy| ((pos(cy) - now).abs(), pos(cy) > now)),
        },
    };
    pick.and_then(|&cy| i32::try_from(cy).ok())
}

/// Winter belongs to the year of its December.
fn season_of_day(d: CalendarDate) -> (i32, u32) {
    match d.month {
        1 | 2 => (d.year.saturating_sub(1), 3),
        12 => (d.year, 3),
        m => (d.year, (m - 3) / 3),
    }
}

struct Resolved {
    value: String,
    until: Option<String>,
    /// The latest point, for a following "a month later".
    last: Option<Val>,
    /// The kind, when resolution decides it ("in three weeks" is a duration in the past).
    kind: Option<DateKind>,
    /// The calendar reading behind a coarser TimeML value: the day of "two years ago", the
    /// days of "the past three weeks" (`first/last`).
    exact: Option<String>,
}

impl Resolved {
    fn val(v: Option<Val>, unknown: String) -> Resolved {
        match v {
            Some(v) => Resolved {
                value: v.timex(),
                until: None,
                last: Some(v),
                kind: None,
                exact: None,
            },
            None => Resolved {
                value: unknown,
                until: None,
                last: None,
                kind: None,
                exact: None,
            },
        }
    }

    fn span(a: Option<Val>, b: Option<Val>, unknown: &str) -> Resolved {
        match (a, b) {
            (Some(a), Some(b)) => Resolved {
                value: a.timex(),
                until: (a != b).then(|| b.timex()),
                last: Some(b),
                kind: None,
                exact: None,
            },
            _ => Resolved::val(None, unknown.to_string()),
        }
    }
}

/// The day `n` units after `d`.
fn add_unit(d: CalendarDate, unit: Unit, n: i64) -> Option<CalendarDate> {
    shift(Val::Day(d), unit, n, Gran::Day)?.start()
}

/// Picks among candidate days by modifier and tense, as for weekdays: "last"/"next" are
/// strictly before/after the reference, past tense the latest at or before it, future the
/// earliest at or after it, and no tense the nearest (a tie going to the past).
fn pick_day(cands: &[CalendarDate], r: CalendarDate, tense: Tense, m: Mod) -> Option<CalendarDate> {
    let before = || nearest(cands, r, false, true);
    let after = || nearest(cands, r, true, true);
    match (m, tense) {
        (Mod::Last, _) => nearest(cands, r, false, false),
        (Mod::Next, _) => nearest(cands, r, true, false),
        (Mod::This, _) => cands.iter().find(|d| d.year == r.year).copied(),
        (_, Tense::Past) => before(),
        (_, Tense::Future) => after(),
        (_, Tense::Unknown) => match (before(), after()) {
            (Some(b), Some(a)) => Some(if a.days() - r.days() < r.days() - b.days() {
                a
            } else {
                b
            }),
            (b, a) => b.or(a),
        },
    }
}

/// The latest of `cands` before `r`, or with `later` the earliest after it; `r` itself
/// counts with `or_same`. One loop for the four cases (filters with `max`/`min` were
/// compiled four times).
fn nearest(
    cands: &[CalendarDate],
    r: CalendarDate,
    later: bool,
    or_same: bool,
) -> Option<CalendarDate> {
    let mut best: Option<CalendarDate> = None;
    for &d in cands {
        let side = if later { d > r } else { d < r };
        if (side || (or_same && d == r)) && best.map_or(true, |b| (d < b) == later && d != b) {
            best = Some(d);
        }
    }
    best
}

/// The Monday of week `n` of a month: week 1 holds the month's first Thursday, as ISO weeks
/// do for years; `n` = -1 is the week of its last Thursday.
fn week_of_month(y: i32, m: u32, n: i32) -> Option<Val> {
    let thursday = if n < 0 {
        nth_weekday(y, m, 3, -1)?
    } else {
        nth_weekday(y, m, 3, 1)?.add_days(7 * (n as i64 - 1))?
    };
    Val::at(thursday, Gran::Week)
}

/// Week `n` of ISO year `y`, if the year has it; `n` = -1 is the last.
fn iso_week_of_year(y: i32, n: i32) -> Option<Val> {
    let (_, last) = CalendarDate::new(y, 12, 28)?.iso_week()?;
    let w = if n < 0 { last } else { n as u32 };
    (1..=last).contains(&w).then_some(Val::Week(y, w))
}

fn unknown_for(g: Gran) -> String {
    match g {
        Gran::Day => "XXXX-XX-XX",
        Gran::Week => "XXXX-WXX",
        Gran::Month => "XXXX-XX",
        Gran::Year => "XXXX",
        Gran::Decade => "XXX",
    }
    .to_string()
}

fn resolve(
    raw: &Raw,
    reference: Option<CalendarDate>,
    anchor: Option<Val>,
    tense: Tense,
) -> Resolved {
    match raw {
        Raw::Abs(v) => Resolved::val(Some(*v), String::new()),
        Raw::Ref(r) => Resolved::val(None, r.to_string()),
        Raw::Fiscal(p, y, k) => {
            // A school year is named by the year it ends in (2019-20 is `SY2020`), so the
            // current one ends next year from August on; a fiscal year's start differs by
            // organization, so "this fiscal year" is named by the reference's year.
            let y = y.or_else(|| {
                let r = reference?;
                let y = r.year + i32::from(*p == "SY" && r.month >= 8);
                y.checked_add(i32::try_from(*k).ok()?)
            });
            let v = y.map_or_else(|| "XXXX".to_string(), fmt_year);
            Resolved::val(None, format!("{p}{v}"))
        }
        Raw::WeekendOf(base) => {
            // A Monday or Tuesday holiday closes the weekend before it; a later one is in
            // the week of its own weekend.
            let b = resolve(base, reference, anchor, tense);
            let v = match b.last {
                Some(Val::Day(d)) => {
                    let back = if d.weekday() <= 1 { 3 } else { 0 };
                    d.add_days(-back)
                        .and_then(|x| x.iso_week())
                        .map(|(y, w)| Val::Weekend(y, w))
                }
                _ => None,
            };
            Resolved::val(v, "XXXX-WXX-WE".to_string())
        }
        Raw::Event(d) => Resolved::val(Some(Val::Day(*d)), String::new()),
        Raw::Duration(p) => Resolved {
            value: p.clone(),
            until: None,
            last: None,
            kind: None,
            exact: None,
        },
        Raw::In(unit, k, p) => {
            if tense == Tense::Future {
                resolve(&Raw::Ago(*unit, *k), reference, anchor, tense)
            } else {
                Resolved {
                    value: p.clone(),
                    until: None,
                    last: None,
                    kind: Some(DateKind::Duration),
                    exact: None,
                }
            }
        }
        Raw::Shift(parts, base) => {
            let b = resolve(base, reference, anchor, tense);
            let v = b.last.and_then(|bv| {
                let mut d = bv.start()?;
                let mut g = bv.gran();
                for &(n, u) in parts {
                    d = add_unit(d, u, n)?;
                    g = g.min(unit_gran(u, Gran::Day));
                }
                let finest = parts
                    .iter()
                    .map(|p| unit_gran(p.1, Gran::Day))
                    .min()
                    .unwrap_or(Gran::Day);
                Val::at(d, g.max(finest))
            });
            let mut out = Resolved::val(v, "XXXX-XX-XX".to_string());
            // "two months after next Friday": the month, and the day it lands on.
            if let (Some(Val::Day(d)), Some(v)) = (b.last, v) {
                if v.gran() > Gran::Day {
                    out.exact = parts
                        .iter()
                        .try_fold(d, |d, &(n, u)| add_unit(d, u, n))
                        .map(|d| d.to_string());
                }
            }
            out
        }
        Raw::Window(side, n, unit) => {
            // TimeML writes a window as its length ("the past three weeks" is `P3W`); the
            // days it covers are the exact reading.
            let length = Resolved {
                value: duration_value(*n as f64, *unit),
                until: None,
                last: None,
                kind: Some(DateKind::Duration),
                exact: None,
            };
            let r = match reference {
                Some(r) => r,
                None => return length,
            };
            // Counted decades are whole calendar ones; "the past decade" is the ten years
            // before the reference.
            let (a, b) = if *unit == Unit::Decade && *n > 1 {
                let cur = r.year.div_euclid(10) as i64;
                let (a, b) = match side {
                    Side::Past => (cur - n, cur - 1),
                    Side::Next => (cur + 1, cur + n),
                    Side::Within => (cur, cur + n - 1),
                };
                let dec = |x: i64| i32::try_from(x).ok().map(Val::Decade);
                (dec(a), dec(b))
            } else {
                let day = |d: Option<CalendarDate>| d.map(Val::Day);
                match side {
                    Side::Past => (day(add_unit(r, *unit, -n)), day(r.add_days(-1))),
                    Side::Next => (day(r.add_days(1)), day(add_unit(r, *unit, *n))),
                    Side::Within => (
                        Some(Val::Day(r)),
                        day(add_unit(r, *unit, *n).and_then(|d| d.add_days(-1))),
                    ),
                }
            };
            let first = a.and_then(|v| v.start());
            let last = b.and_then(|v| v.end());
            Resolved {
                exact: first.zip(last).map(|(f, l)| format!("{f}/{l}")),
                last: b,
                ..length
            }
        }
        Raw::RestOf(u) => {
            let whole = resolve(&Raw::Deictic(*u, 0), reference, anchor, tense).last;
            let end = whole.and_then(|w| w.end()).map(Val::Day);
            Resolved::span(reference.map(Val::Day), end, "XXXX-XX-XX")
        }
        Raw::DayOfMonth(d, wd) => {
            let v = reference.and_then(|r| {
                let cands: Vec<CalendarDate> = (-12..=12)
                    .filter_map(|k| {
                        let (y, m) = add_months_ym(r.year, r.month, k)?;
                        CalendarDate::new(y, m, *d)
                    })
                    .filter(|c| wd.map_or(true, |w| c.weekday() == w))
                    .collect();
                pick_day(&cands, r, tense, Mod::None).map(Val::Day)
            });
            Resolved::val(v, format!("XXXX-XX-{d:02}"))
        }
        Raw::DayOfRelMonth(d, k) => {
            let v = reference.and_then(|r| {
                let (y, m) = add_months_ym(r.year, r.month, *k)?;
                CalendarDate::new(y, m, *d).map(Val::Day)
            });
            Resolved::val(v, format!("XXXX-XX-{d:02}"))
        }
        Raw::WeekdayInWeek(wd, k) => {
            let v = reference.and_then(|r| {
                let off = (*wd as i64 - r.weekday() as i64).checked_add(k.checked_mul(7)?)?;
                r.add_days(off).map(Val::Day)
            });
            Resolved::val(v, format!("XXXX-WXX-{}", wd + 1))
        }
        Raw::NthWeek(n, base) => {
            let b = resolve(base, reference, anchor, tense);
            let v = b.last.and_then(|bv| match bv {
                Val::Year(y) => iso_week_of_year(y, *n),
                Val::Month(y, m) => week_of_month(y, m, *n),
                _ => None,
            });
            Resolved::val(v, "XXXX-WXX".to_string())
        }
        Raw::NthWeekday(n, wd, base) => {
            let b = resolve(base, reference, anchor, tense);
            let v = b.last.and_then(|bv| match bv {
                Val::Month(y, m) => nth_weekday(y, m, *wd, *n).map(Val::Day),
                _ => None,
            });
            Resolved::val(v, "XXXX-XX-XX".to_string())
        }
        Raw::WeekOf(base) => {
            let b = resolve(base, reference, anchor, tense);
            let v = b
                .last
                .and_then(|bv| bv.start())
                .and_then(|d| Val::at(d, Gran::Week));
            Resolved::val(v, "XXXX-WXX".to_string())
        }
        Raw::IsoWeek(w, y) => {
            let v = y
                .or(reference.map(|r| r.year))
                .and_then(|y| iso_week_of_year(y, *w as i32));
            Resolved::val(v, format!("XXXX-W{w:02}"))
        }
        Raw::ShortDecade(k) => {
            let v = match reference {
                Some(r) => {
                    let late = 200 + *k;
                    if late * 10 <= r.year {
                        late
                    } else {
                        190 + *k
                    }
                }
                None if *k >= 3 => 190 + *k,
                None => 200 + *k,
            };
            Resolved::val(Some(Val::Decade(v)), String::new())
        }
        Raw::Holiday(idx, m) => {
            let v = reference.and_then(|r| {
                let cands: Vec<CalendarDate> = [-1, 0, 1]
                    .iter()
                    .filter_map(|k| holiday_date(*idx, r.year.checked_add(*k)?))
                    .collect();
                pick_day(&cands, r, tense, *m).map(Val::Day)
            });
            let unknown = match HOLIDAYS.get(*idx).map(|h| h.1) {
                Some(HolidayRule::Fixed(mo, d)) => format!("XXXX-{mo:02}-{d:02}"),
                _ => "XXXX-XX-XX".to_string(),
            };
            Resolved::val(v, unknown)
        }
        Raw::MonthDay(m, d) => {
            let v = reference.and_then(|r| {
                let p = (*m as i64 - 1) * 31 + (*d as i64 - 1);
                let rp = (r.month as i64 - 1) * 31 + (r.day as i64 - 1);
                let y = cyclic_year(p, 372, r.year, rp, tense, Mod::None)?;
                CalendarDate::new(y, *m, *d).map(Val::Day)
            });
            Resolved::val(v, format!("XXXX-{m:02}-{d:02}"))
        }
        Raw::Month(m, md) => {
            let v = reference.and_then(|r| {
                let y = cyclic_year(*m as i64 - 1, 12, r.year, r.month as i64 - 1, tense, *md)?;
                Some(Val::Month(y, *m))
            });
            Resolved::val(v, format!("XXXX-{m:02}"))
        }
        Raw::MonthOfYear(m, k) => {
            let v = reference
                .and_then(|r| Some(Val::Month(i32::try_from(r.year as i64 + k).ok()?, *m)));
            Resolved::val(v, format!("XXXX-{m:02}"))
        }
        Raw::Quarter(q, md) => {
            let v = reference.and_then(|r| {
                let rq = (r.month as i64 - 1) / 3;
                let y = cyclic_year(*q as i64 - 1, 4, r.year, rq, tense, *md)?;
                Some(Val::Quarter(y, *q))
            });
            Resolved::val(v, format!("XXXX-Q{q}"))
        }
        Raw::Season(s, md) => {
            let v = reference.and_then(|r| {
                let (ry, rs) = season_of_day(r);
                let y = cyclic_year(*s as i64, 4, ry, rs as i64, tense, *md)?;
                Some(Val::Season(y, *s))
            });
            Resolved::val(
                v,
                format!("XXXX-{}", SEASONS.get(*s as usize).unwrap_or(&"XX")),
            )
        }
        Raw::Weekday(wd, md) => {
            let v = reference.and_then(|r| {
                let rw = r.weekday() as i64;
                let w = *wd as i64;
                let back = (rw - w).rem_euclid(7);
                let fwd = (w - rw).rem_euclid(7);
                let off = match (md, tense) {
                    (Mod::Last, _) => -(if back == 0 { 7 } else { back }),
                    (Mod::Next, _) => {
                        if fwd == 0 {
                            7
                        } else {
                            fwd
                        }
                    }
                    (_, Tense::Past) => -back,
                    (_, Tense::Future) => fwd,
                    (_, Tense::Unknown) => {
                        if fwd < back {
                            fwd
                        } else {
                            -back
                        }
                    }
                };
                r.add_days(off).map(Val::Day)
            });
            Resolved::val(v, format!("XXXX-WXX-{}", wd + 1))
        }
        Raw::Deictic(unit, k) => {
            let (u, g) = match unit {
                Deictic::Day => (Unit::Day, Gran::Day),
                Deictic::Week | Deictic::Weekend => (Unit::Week, Gran::Week),
                Deictic::Month | Deictic::Quarter => (Unit::Month, Gran::Month),
                Deictic::Year => (Unit::Year, Gran::Year),
                Deictic::Decade => (Unit::Decade, Gran::Decade),
            };
            let v = reference.and_then(|r| {
                let d = match unit {
                    Deictic::Quarter => add_months(r, k.checked_mul(3)?)?,
                    _ => match u {
                        Unit::Day => r.add_days(*k)?,
                        Unit::Week => r.add_days(k.checked_mul(7)?)?,
                        Unit::Month => add_months(r, *k)?,
                        Unit::Decade => add_months(r, k.checked_mul(120)?)?,
                        _ => add_months(r, k.checked_mul(12)?)?,
                    },
                };
                // "over the weekend" in the past, said on a weekday: the one just gone.
                let d = if *unit == Deictic::Weekend && *k == 0 && tense == Tense::Past {
                    if d.weekday() < 5 {
                        d.add_days(-7)?
                    } else {
                        d
                    }
                } else {
                    d
                };
                match unit {
                    Deictic::Quarter => Some(Val::Quarter(d.year, (d.month - 1) / 3 + 1)),
                    Deictic::Weekend => d.iso_week().map(|(y, w)| Val::Weekend(y, w)),
                    _ => Val::at(d, g),
                }
            });
            let unknown = match unit {
                Deictic::Quarter => "XXXX-QX".to_string(),
                Deictic::Weekend => "XXXX-WXX-WE".to_string(),
                Deictic::Decade => "XXX".to_string(),
                _ => unknown_for(g),
            };
            Resolved::val(v, unknown)
        }
        Raw::Ago(unit, k) => {
            let g = unit_gran(*unit, Gran::Week);
            let v = reference.and_then(|r| shift(Val::Day(r), *unit, *k, g));
            let mut out = Resolved::val(v, unknown_for(g));
            if g > Gran::Day {
                out.exact = reference
                    .and_then(|r| add_unit(r, *unit, *k))
                    .map(|d| d.to_string());
            }
            out
        }
        Raw::Later(unit, k) => {
            // TimeML keeps the unit's fineness: "a week later" is the ISO week (the day a
            // week on is `exact`), "the next day" a day.
            let g = unit_gran(*unit, Gran::Week);
            // "Six minutes later" only makes sense after a day; otherwise the article's day.
            let anchor = anchor
                .filter(|a| !matches!(unit, Unit::Minute | Unit::Hour) || a.gran() == Gran::Day);
            let base = anchor.or(reference.map(Val::Day));
            let v = base.and_then(|b| shift(b, *unit, *k, g));
            let g = base.map_or(g, |b| b.gran().max(g));
            let mut out = Resolved::val(v, unknown_for(g));
            if let (Some(Val::Day(d)), true) = (base, g > Gran::Day && *k != 0) {
                out.exact = add_unit(d, *unit, *k).map(|d| d.to_string());
            }
            out
        }
        Raw::PartOf(first, n, unit, base) => {
            let b = resolve(base, reference, anchor, tense);
            let Some(bv) = b.last else {
                return part_unknown(*first, *n, *unit, base, b);
            };
            match part_of(*first, *n, *unit, bv) {
                Some((s, e)) => Resolved {
                    value: s.timex(),
                    until: (s != e).then(|| e.timex()),
                    last: Some(e),
                    kind: None,
                    exact: None,
                },
                None => b,
            }
        }
        Raw::Range(a, b) => {
            // Two months without years: in the past tense the range ends by the reference
            // ("sales rose from May to September" said in August: last year's); otherwise it
            // holds the reference when it can ("from August to October" said in September).
            if let (Raw::Month(m1, Mod::None), Raw::Month(m2, Mod::None), Some(r)) =
                (&**a, &**b, reference)
            {
                let (m1, m2, rm) = (*m1, *m2, r.month);
                let years = if tense == Tense::Past {
                    let m2i = i64::from(m2) - 1;
                    cyclic_year(m2i, 12, r.year, i64::from(rm) - 1, tense, Mod::None)
                        .and_then(|y2| Some((if m1 <= m2 { y2 } else { y2.checked_sub(1)? }, y2)))
                } else if m1 <= m2 {
                    (m1..=m2).contains(&rm).then_some((r.year, r.year))
                } else if rm >= m1 {
                    r.year.checked_add(1).map(|y| (r.year, y))
                } else if rm <= m2 {
                    r.year.checked_sub(1).map(|y| (y, r.year))
                } else {
                    None
                };
                if let Some((y1, y2)) = years {
                    let (s, e) = (Val::Month(y1, m1), Val::Month(y2, m2));
                    return Resolved {
                        value: s.timex(),
                        until: Some(e.timex()),
                        last: Some(e),
                        kind: None,
                        exact: None,
                    };
                }
            }
            let ra = resolve(a, reference, anchor, tense);
            let mut rb = resolve(b, reference, ra.last.or(anchor), tense);
            // A range runs forward: a month, season or day named without a year at its end
            // is the first one from the start ("from November to March", "from May to
            // September" said in August of a past year), whatever the tense picked.
            let start = ra.last.and_then(|v| v.start());
            let before = |r: &Resolved| {
                r.last
                    .and_then(|v| v.start())
                    .zip(start)
                    .is_some_and(|(e, s)| e < s)
            };
            let cyclic = matches!(
                **b,
                Raw::Month(_, Mod::None)
                    | Raw::MonthDay(..)
                    | Raw::Quarter(_, Mod::None)
                    | Raw::Season(_, Mod::None)
            );
            if cyclic && before(&rb) {
                let again = resolve(b, start, ra.last.or(anchor), Tense::Future);
                if !before(&again) {
                    rb = again;
                }
            }
            Resolved {
                value: ra.value,
                until: Some(rb.until.unwrap_or(rb.value)),
                last: rb.last.or(ra.last),
                kind: None,
                exact: None,
            }
        }
    }
}

/// Part of a base value: the first four months of 2021, the first half of 2021 (unit Year,
/// n = the half), the third quarter of 2021 (unit Minute, n = the quarter).
fn part_of(first: bool, n: u32, unit: Unit, base: Val) -> Option<(Val, Val)> {
    match (unit, base) {
        (Unit::Year, Val::Year(y)) if (1..=2).contains(&n) => {
            Some((Val::Half(y, n), Val::Half(y, n)))
        }
        (Unit::Minute, Val::Year(y)) if (1..=4).contains(&n) => {
            Some((Val::Quarter(y, n), Val::Quarter(y, n)))
        }
        (Unit::Month, Val::Year(y)) if (1..=12).contains(&n) => Some(if first {
            (Val::Month(y, 1), Val::Month(y, n))
        } else {
            (Val::Month(y, 13 - n), Val::Month(y, 12))
        }),
        (Unit::Day | Unit::Week, Val::Month(..) | Val::Year(_)) => {
            let days = if unit == Unit::Week {
                n.checked_mul(7)?
            } else {
                n
            } as i64;
            let start = base.start()?;
            let end = match base {
                Val::Month(y, m) => CalendarDate::new(y, m, days_in_month(y, m))?,
                _ => CalendarDate::new(start.year, 12, 31)?,
            };
            if days > end.days() - start.days() + 1 {
                return None;
            }
            Some(if first {
                (Val::Day(start), Val::Day(start.add_days(days - 1)?))
            } else {
                (Val::Day(end.add_days(1 - days)?), Val::Day(end))
            })
        }
        _ => None,
    }
}

fn part_unknown(first: bool, n: u32, unit: Unit, base: &Raw, b: Resolved) -> Resolved {
    // Only the year is unknown: "the first four months of this year" -> XXXX-01..XXXX-04.
    let months = matches!(base, Raw::Deictic(Deictic::Year, _));
    match unit {
        Unit::Month if months && (1..=12).contains(&n) => {
            let (s, e) = if first { (1, n) } else { (13 - n, 12) };
            Resolved {
                value: format!("XXXX-{s:02}"),
                until: Some(format!("XXXX-{e:02}")),
                last: None,
                kind: None,
                exact: None,
            }
        }
        Unit::Year if months && (1..=2).contains(&n) => Resolved::val(None, format!("XXXX-H{n}")),
        Unit::Minute if months && (1..=4).contains(&n) => Resolved::val(None, format!("XXXX-Q{n}")),
        _ => b,
    }
}

// ---------------------------------------------------------------------------------------
// The reference date

const DATELINE_WORDS: &[&str] = &["published", "posted", "updated", "modified"];

fn find_reference(doc: &Doc, found: &[Found]) -> Option<(CalendarDate, DateSource, Range<usize>)> {
    // The first five non-blank lines.
    let top: Vec<usize> = doc
        .lines
        .iter()
        .enumerate()
        .filter(|(_, r)| !doc.text.get(r.start..r.end).unwrap_or("").trim().is_empty())
        .map(|(i, _)| i)
        .take(5)
        .collect();
    let mut dateline: Option<(CalendarDate, Range<usize>, bool)> = None;
    for f in found {
        let Some(day) = f.raw.complete_day().filter(|_| !f.ambiguous) else {
            continue;
        };
        let Some(tok) = doc.tokens.get(f.a) else {
            continue;
        };
        if !top.contains(&(tok.line as usize)) {
            // Found expressions are in text order: nothing later is near the top.
            if top.last().is_some_and(|&l| tok.line as usize > l) {
                break;
            }
            continue;
        }
        let line_toks: Vec<usize> = (0..doc.tokens.len())
            .skip(doc.token_at_or_after(doc.lines.get(tok.line as usize)?.start))
            .take_while(|&k| doc.tokens[k].line == tok.line)
            .take(64)
            .collect();
        let keyword = line_toks
            .iter()
            .find(|&&k| DATELINE_WORDS.iter().any(|w| eq_ci(doc.tok(k), w)))
            .map(|&k| !eq_ci(doc.tok(k), "updated") && !eq_ci(doc.tok(k), "modified"));
        // "Aug. 22, 2021 | 10:30 AM" or "By Jane Doe, Aug. 22, 2021", but not a sentence.
        let others: Vec<usize> = line_toks
            .iter()
            .copied()
            .filter(|&k| k < f.a || k >= f.b)
            .collect();
        let sentence_like = others.iter().any(|&k| {
            doc.tok(k).chars().next().is_some_and(|c| c.is_lowercase())
                && !["by", "on", "at", "am", "pm", "a.m.", "p.m."]
                    .iter()
                    .any(|w| eq_ci(doc.tok(k), w))
        });
        if keyword.is_some() || (others.len() <= 4 && !sentence_like) {
            let published = keyword.unwrap_or(true);
            let better = match &dateline {
                None => true,
                Some((_, _, p)) => published && !p,
            };
            if better {
                dateline = Some((day, doc.range(f.a, f.b - 1), published));
            }
        }
    }
    if let Some((d, r, _)) = dateline {
        return Some((d, DateSource::Dateline, r));
    }
    found
        .iter()
        .filter(|f| !f.ambiguous)
        .filter_map(|f| Some((f.raw.complete_day()?, f)))
        .max_by_key(|(d, _)| *d)
        .map(|(d, f)| (d, DateSource::LatestInText, doc.range(f.a, f.b - 1)))
}

/// The parts of a value, each with whether it is unknown (`X`): `2021-08-22` has year, month
/// and day; `XXXX-WXX-7` an unknown year and week and a known weekday.
fn value_parts(value: &str) -> Vec<(&'static str, bool)> {
    if let Some(v) = Val::parse(value) {
        let parts: &[&'static str] = match v {
            Val::Day(_) => &["year", "month", "day"],
            Val::Week(..) | Val::Weekend(..) => &["year", "week"],
            Val::Month(..) => &["year", "month"],
            Val::Quarter(..) => &["year", "quarter"],
            Val::Half(..) => &["year", "half"],
            Val::Season(..) => &["year", "season"],
            Val::Year(_) => &["year"],
            Val::Decade(_) => &["decade"],
            Val::Century(_) => &["century"],
        };
        return parts.iter().map(|p| (*p, false)).collect();
    }
    let mut out = Vec::new();
    let segs: Vec<&str> = value.split('-').collect();
    let x = |s: &str| s.contains('X');
    if let Some(y) = segs.first() {
        out.push((if y.len() == 3 { "decade" } else { "year" }, x(y)));
    }
    if let Some(s) = segs.get(1) {
        let name = match s.chars().next() {
            Some('W') => "week",
            Some('Q') => "quarter",
            Some('H') => "half",
            Some(c) if c.is_ascii_alphabetic() => "season",
            _ => "month",
        };
        out.push((name, x(s)));
        if let Some(d) = segs.get(2) {
            if name == "week" {
                out.push(("weekday", x(d)));
            } else {
                out.push(("day", x(d)));
            }
        }
    }
    out
}

/// Which parts of a date the text gives (or fix exactly from the reference, as "yesterday"
/// does) and which are a guess: the year of "August 14", the week of "Sunday", the month of
/// "the 27th", the century of "the 70s". Unknown parts (`X`, no reference) count as implied.
fn certainty(raw: &Raw, value: &str) -> (Vec<String>, Vec<String>) {
    let guessed: &[&str] = match raw {
        Raw::MonthDay(..) | Raw::Month(_, Mod::None) | Raw::Quarter(_, Mod::None) => &["year"],
        Raw::Season(_, Mod::None) | Raw::Holiday(_, Mod::None) => &["year"],
        Raw::Weekday(_, Mod::None) => &["year", "month", "day", "week"],
        Raw::DayOfMonth(..) => &["year", "month"],
        Raw::ShortDecade(_) => &["century"],
        Raw::NthWeekday(_, _, b) => return certainty(b, value),
        Raw::Range(a, _) | Raw::PartOf(_, _, _, a) => return certainty(a, value),
        _ => &[],
    };
    let mut known = Vec::new();
    let mut implied: Vec<String> = Vec::new();
    for (part, unknown) in value_parts(value) {
        if unknown || guessed.contains(&part) {
            implied.push(part.to_string());
        } else {
            known.push(part.to_string());
        }
    }
    if matches!(raw, Raw::Weekday(..) | Raw::DayOfMonth(_, Some(_)))
        && !known.iter().any(|k| k == "weekday")
    {
        implied.retain(|p| p != "weekday");
        known.push("weekday".to_string());
    }
    if matches!(raw, Raw::ShortDecade(_)) {
        implied.push("century".to_string());
    }
    (known, implied)
}

/// The first and last day (inclusive) of a date value written by this module, like
/// `2021-08`, `2021-W33`, `2021-Q1` or `199`; `None` for durations, values with unknown
/// parts (`XXXX-06`) and years outside 0-9999.
pub fn timex_bounds(value: &str) -> Option<(CalendarDate, CalendarDate)> {
    let v = Val::parse(value)?;
    Some((v.start()?, v.end()?))
}

/// A year written with two digits ("03/18/40", "August 99") is matched as 1950-2049; with a
/// reference it is the one at most twenty years after the reference year, else a century
/// earlier (in 2016, "40" is 1940 and "27" is 2027): a news date looks back further than
/// ahead.
fn repivot(raw: &Raw, text: &str, r: CalendarDate) -> Option<Raw> {
    let v = match raw {
        Raw::Abs(v) => *v,
        _ => return None,
    };
    let y = match v {
        Val::Day(d) => d.year,
        Val::Month(y, _) | Val::Season(y, _) | Val::Year(y) => y,
        _ => return None,
    };
    let tail = text.rsplit(|c: char| !c.is_ascii_digit()).next()?;
    if tail.len() != 2 || !(1950..=2049).contains(&y) || parse_int::<i32>(tail)? != y % 100 {
        return None;
    }
    let mut to = r
        .year
        .checked_sub(r.year.rem_euclid(100))?
        .checked_add(y % 100)?;
    if to > r.year.checked_add(20)? {
        to = to.checked_sub(100)?;
    }
    let nv = match v {
        Val::Day(d) => Val::Day(CalendarDate::new(to, d.month, d.day)?),
        Val::Month(_, m) => Val::Month(to, m),
        Val::Season(_, s) => Val::Season(to, s),
        _ => Val::Year(to),
    };
    (to != y).then_some(Raw::Abs(nv))
}

pub fn extract(doc: &Doc, structure: &StructureInfo, given: Option<CalendarDate>) -> DatesResult {
    let _ = structure;
    let found = find_all(doc);
    let reference = match given {
        Some(d) => Some((d, DateSource::Given, None)),
        None => find_reference(doc, &found).map(|(d, s, r)| (d, s, Some(r))),
    };
    let ref_day = reference.as_ref().map(|r| r.0);
    let mut marks = TenseMarks::new();
    let mut anchor: Option<Val> = None;
    let mut out = DatesResult {
        reference: reference.map(|(d, source, r)| ReferenceDate {
            value: Val::Day(d).timex(),
            source,
            evidence: r.map(|r| doc.text_span(r)),
        }),
        ..Default::default()
    };
    for f in &found {
        // Written-out values, durations and TimeML's vague points read no tense: skip the
        // sentence scan for them.
        let tenseless = matches!(
            f.raw,
            Raw::Abs(_) | Raw::Event(_) | Raw::Duration(_) | Raw::Ref(_) | Raw::Ago(..)
        );
        let tense = if tenseless {
            Tense::Unknown
        } else {
            marks.at(doc, f.a)
        };
        let repivoted = ref_day.and_then(|r| repivot(&f.raw, doc.tok(f.b.saturating_sub(1)), r));
        let r = resolve(repivoted.as_ref().unwrap_or(&f.raw), ref_day, anchor, tense);
        if r.last.is_some() {
            anchor = r.last;
        }
        let bytes = doc.range(f.a, f.b - 1);
        let t = doc.text_span(bytes.clone());
        let kind = r.kind.unwrap_or_else(|| f.raw.kind());
        let (mut value, mut exact) = (r.value, r.exact);
        let m = Matcher {
            doc,
            n: doc.tokens.len(),
            nested: std::cell::Cell::new(false),
        };
        let vague =
            (f.a..(f.a + 3).min(f.b)).any(|k| m.is_any(k, &["few", "several", "some", "many"]));
        // "a few years ago", "several days later": TimeML's PAST_REF / FUTURE_REF, with the
        // count read as three in `exact`.
        if vague && kind == DateKind::Date {
            let sign = match &f.raw {
                Raw::Ago(_, k) | Raw::Later(_, k) | Raw::In(_, k, _) => k.signum(),
                _ => 0,
            };
            if sign != 0 {
                exact = exact.or(Some(value));
                value = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.to_string();
            }
        }
        if kind == DateKind::Duration {
            if let Some(v) = vague.then(|| vague_duration(&value)).flatten() {
                value = v;
            }
            if exact.is_none() {
                exact = plain_duration(&value);
            }
        }
        let (known, implied) = if kind == DateKind::Date {
            certainty(&f.raw, &value)
        } else {
            (Vec::new(), Vec::new())
        };
        out.dates.push(DateExpr {
            start: t.start,
            end: t.end,
            text: t.text,
            kind,
            value,
            until: r.until,
            exact,
            relative: f.raw.is_relative(),
            ambiguous: f.ambiguous,
            modifier: f.modifier.map(str::to_string),
            known,
            implied,
        });
        out.claimed.push(bytes);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, reference: Option<&str>) -> DatesResult {
        let doc = Doc::new(text);
        extract(
            &doc,
            &StructureInfo::default(),
            reference.and_then(CalendarDate::parse),
        )
    }

    /// (text, value, until) of every expression.
    fn found(text: &str, reference: Option<&str>) -> Vec<(String, String, Option<String>)> {
        run(text, reference)
            .dates
            .into_iter()
            .map(|d| (d.text, d.value, d.until))
            .collect()
    }

    fn one(text: &str, reference: Option<&str>) -> DateExpr {
        let r = run(text, reference);
        assert_eq!(r.dates.len(), 1, "{text}: {:?}", r.dates);
        r.dates.into_iter().next().unwrap()
    }

    fn value(text: &str, reference: Option<&str>) -> String {
        one(text, reference).value
    }

    const REF: Option<&str> = Some("2021-08-22"); // a Sunday

    #[test]
    fn unit_words_pass_the_first_letter_test() {
        for w in [
            "second",
            "seconds",
            "minute",
            "minutes",
            "hour",
            "hours",
            "day",
            "days",
            "night",
            "nights",
            "week",
            "weeks",
            "month",
            "months",
            "year",
            "years",
            "decade",
            "decades",
            "century",
            "centuries",
            "sec",
            "secs",
            "min",
            "mins",
            "h",
            "hr",
            "hrs",
            "wk",
            "wks",
            "yr",
            "yrs",
            "Hrs.",
        ] {
            assert!(unit_of(w).is_some(), "{w}");
            assert!(unit_of(&w.to_uppercase()).is_some(), "{w}");
        }
        assert_eq!(unit_of("people"), None);
        assert_eq!(unit_of(""), None);
    }

    #[test]
    fn calendar_arithmetic() {
        let d = CalendarDate::new(2021, 8, 22).unwrap();
        assert_eq!(d.weekday(), 6);
        assert_eq!(CalendarDate::from_days(d.days()), Some(d));
        assert_eq!(d.add_days(10).unwrap().to_string(), "2021-09-01");
        assert_eq!(d.iso_week(), Some((2021, 33)));
        // 2021-01-01 belongs to week 53 of 2020.
        assert_eq!(
            CalendarDate::new(2021, 1, 1).unwrap().iso_week(),
            Some((2020, 53))
        );
        assert_eq!(
            CalendarDate::new(2000, 2, 29)
                .unwrap()
                .add_days(365)
                .unwrap()
                .to_string(),
            "2001-02-28"
        );
        // Extreme years neither panic nor wrap.
        let max = CalendarDate::new(i32::MAX, 12, 31).unwrap();
        assert_eq!(max.add_days(1), None);
        assert_eq!(CalendarDate::from_days(max.days()), Some(max));
        let min = CalendarDate::new(i32::MIN, 1, 1).unwrap();
        assert_eq!(min.add_days(-1), None);
        assert_eq!(add_months(min, -1), None);
        assert_eq!(Val::Year(-44).timex(), "-44");
        assert_eq!(Val::Year(12345).timex(), "12345");
    }

    #[test]
    fn bounds_of_values() {
        let b = |s: &str| timex_bounds(s).map(|(a, z)| (a.to_string(), z.to_string()));
        let pair = |a: &str, z: &str| Some((a.to_string(), z.to_string()));
        assert_eq!(b("2021-08-22"), pair("2021-08-22", "2021-08-22"));
        assert_eq!(b("2020-02"), pair("2020-02-01", "2020-02-29"));
        assert_eq!(b("2021-W33"), pair("2021-08-16", "2021-08-22"));
        assert_eq!(b("2021-W33-WE"), pair("2021-08-21", "2021-08-22"));
        assert_eq!(b("2021-Q4"), pair("2021-10-01", "2021-12-31"));
        assert_eq!(b("2021-H1"), pair("2021-01-01", "2021-06-30"));
        assert_eq!(b("2020-WI"), pair("2020-12-01", "2021-02-28"));
        assert_eq!(b("2021"), pair("2021-01-01", "2021-12-31"));
        assert_eq!(b("199"), pair("1990-01-01", "1999-12-31"));
        for v in [
            "P3Y",
            "XXXX-06",
            "XXXX-WXX-7",
            "",
            "2021-13",
            "2021-Q9",
            "20211",
        ] {
            assert_eq!(b(v), None, "{v}");
        }
        // Every value the module writes for a calendar unit reads back to itself.
        let d = CalendarDate::new(2021, 8, 22).unwrap();
        for g in [Gran::Day, Gran::Week, Gran::Month, Gran::Year, Gran::Decade] {
            let v = Val::at(d, g).unwrap();
            assert_eq!(Val::parse(&v.timex()), Some(v));
        }
    }

    #[test]
    fn absolute_dates_with_month_names() {
        assert_eq!(
            value("The ceasefire began on Aug. 22, 2021, officials said.", REF),
            "2021-08-22"
        );
        assert_eq!(
            value("It opened 22 August 2021 in Lyon.", None),
            "2021-08-22"
        );
        assert_eq!(
            value("The vote was held on November 17, 2019.", None),
            "2019-11-17"
        );
        assert_eq!(
            value("She was born on the 3rd of May 1990.", None),
            "1990-05-03"
        );
        assert_eq!(
            value("The law took effect in January 2017.", None),
            "2017-01"
        );
        assert_eq!(value("Prices rose in June, 2021.", None), "2021-06");
        let e = one("Sunday, Aug. 22, 2021 was hot.", None);
        assert_eq!(
            (e.text.as_str(), e.value.as_str(), e.relative),
            ("Sunday, Aug. 22, 2021", "2021-08-22", false)
        );
        assert_eq!(value("Sun., Aug. 22, 2021", None), "2021-08-22");
        // Days that do not exist are not dates.
        assert!(found("on February 30, 2021", None).is_empty());
        assert!(found("on February 29, 2021", None).is_empty());
        assert_eq!(value("on February 29, 2020", None), "2020-02-29");
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(value("Filed 2021-08-22 in court.", None), "2021-08-22");
        let e = one("The deadline is 3/4/2021.", None);
        assert!(e.ambiguous);
        assert_eq!(e.value, "2021-03-04");
        let e = one("The deadline is 13/4/2021.", None);
        assert!(!e.ambiguous);
        assert_eq!(e.value, "2021-04-13");
        let e = one("The deadline is 4/13/2021.", None);
        assert!(!e.ambiguous);
        assert_eq!(e.value, "2021-04-13");
        assert!(!one("on 5/5/2021", None).ambiguous);
        assert_eq!(value("signed on 22.08.2021", None), "2021-08-22");
        // Not dates.
        assert!(found("About 1.234.567 votes, 2.5 percent, 24/7 coverage.", None).is_empty());
    }

    #[test]
    fn years_need_date_context() {
        assert_eq!(value("The war began in 2001.", None), "2001");
        assert_eq!(value("It has grown since 2017, he said.", None), "2017");
        assert_eq!(value("Emissions must fall by 2030.", None), "2030");
        assert_eq!(
            value("up from 21 in the same period in 2020..", None),
            "2020"
        );
        assert_eq!(
            value("by the end of 2022 the plant will close", None),
            "2022"
        );
        assert!(found("In 2000 people marched.", None).is_empty());
        assert!(found("Some 1,500 people and 2000 others.", None).is_empty());
        assert!(found("Sales rose by 2000 last quarter.", None)
            .iter()
            .all(|d| d.0 != "2000"));
        assert!(found("The team scored 2019 points.", None).is_empty());
    }

    #[test]
    fn bare_years_in_running_text() {
        assert_eq!(value("The 2016 election was close.", None), "2016");
        assert_eq!(value("2019 was a hard year for the firm.", None), "2019");
        assert_eq!(value("The custom dates back to 1865.", None), "1865");
        let both = found("Sales of 2007 and 2009 were strong.", None);
        assert_eq!(both.len(), 2);
        // A length of time, not the year 2000.
        assert_eq!(value("It is a 2000 year old custom.", None), "P2000Y");
        // Counts, measures, times and names stay out.
        for text in [
            "He won 2000 votes.",
            "About 2000 people came.",
            "The 2000 who fled returned.",
            "A total of 2015 was paid.",
            "The strike began at 2100 GMT.",
            "He ran Windows 2000 at home.",
            "The price was $2015.",
            "Call 555 2019 for help.",
        ] {
            assert!(found(text, None).is_empty(), "{text}");
        }
    }

    #[test]
    fn day_ranges_take_the_month_of_their_end() {
        let r = |t: &str| {
            let d = one(t, Some("2016-11-07"));
            (d.text, d.value, d.until.unwrap_or_default())
        };
        let t = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
        assert_eq!(
            r("Off between the ninth and the seventeenth of April."),
            t(
                "between the ninth and the seventeenth of April",
                "2017-04-09",
                "2017-04-17"
            )
        );
        assert_eq!(
            r("Closed from 4 to 22 this month."),
            t("from 4 to 22 this month", "2016-11-04", "2016-11-22")
        );
        assert_eq!(
            r("Closed from 4-23 in next month."),
            t("from 4-23 in next month", "2016-12-04", "2016-12-23")
        );
        assert_eq!(
            r("It ran 9 to 12 of June."),
            t("9 to 12 of June", "2016-06-09", "2016-06-12")
        );
        assert!(found("The score was 4 to 22 at the half.", REF).is_empty());
    }

    #[test]
    fn obligation_and_intention_speak_of_the_future() {
        assert_eq!(
            value("We have to finish it in five days.", Some("2012-08-10")),
            "2012-08-15"
        );
        assert_eq!(value("The firm hopes to open in June.", REF), "2022-06");
        // "had to" is past.
        assert_eq!(value("The firm had to close in June.", REF), "2021-06");
    }

    #[test]
    fn spelled_days_and_week_of_a_day() {
        assert_eq!(
            value("We met on february twenty second.", REF),
            "2021-02-22"
        );
        let r = one("I will be off april ninth through seventeenth.", REF);
        assert_eq!(
            (r.value.as_str(), r.until.as_deref()),
            ("2022-04-09", Some("2022-04-17"))
        );
        assert!(found("They may twenty people.", REF).is_empty());
        // The 18th nearest the reference (August 22, 2021) is August 18: week 33.
        assert_eq!(
            value("Set it up for the week of the 18th.", REF),
            "2021-W33"
        );
    }

    #[test]
    fn glued_ranges() {
        let r = |t: &str| {
            let d = one(t, REF);
            (d.value, d.until.unwrap_or_default())
        };
        let t = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            r("The summit ran Nov 18-Dec 19, 2015."),
            t("2015-11-18", "2015-12-19")
        );
        assert_eq!(
            r("It ran Nov 18 2014-Dec 19 2015."),
            t("2014-11-18", "2015-12-19")
        );
        assert_eq!(
            r("Leave from 10/1/2018-10/7/2018."),
            t("2018-10-01", "2018-10-07")
        );
        assert_eq!(
            r("The period is 10/1-11/2/2017."),
            t("2017-10-01", "2017-11-02")
        );
        // Without a year or an opener: a score.
        assert!(found("The score was 3/4-5/6 then.", REF).is_empty());
    }

    #[test]
    fn amounts_and_day_words_before_months() {
        assert_eq!(value("I paid $12 December 27.", REF), "2020-12-27");
        assert_eq!(
            value("They meet on the 15th day of next month.", REF),
            "2021-09-15"
        );
        assert_eq!(
            value("It opened on the twenty third day of September 2019.", REF),
            "2019-09-23"
        );
    }

    #[test]
    fn nth_weekdays_of_this_month_vague_counts_and_dashed_years() {
        let r = Some("2017-09-27");
        assert_eq!(value("I'll go back second Sunday", r), "2017-09-10");
        assert!(found("He won his second Sunday race.", r)
            .iter()
            .all(|d| d.0 != "second Sunday"));
        assert_eq!(value("I'll leave for some days", r), "PXD");
        assert_eq!(value("It took many years.", r), "PXY");
        assert!(found("Some 200 people came.", r).is_empty());
        assert_eq!(value("I'll go back 9-18-15", r), "2015-09-18");
        assert!(found("The score was 3-2-1.", r).is_empty());
    }

    #[test]
    fn year_ranges_to_a_part_and_spelled_cardinal_days() {
        let r = one("The range is from 2007 to the end of 2008.", REF);
        assert_eq!(
            (r.value.as_str(), r.until.as_deref()),
            ("2007", Some("2008"))
        );
        assert_eq!(
            value(
                "She was born on twenty five January nineteen eighty six.",
                REF
            ),
            "1986-01-25"
        );
        assert!(found("I sold twenty five August 2020 tickets.", REF)
            .iter()
            .all(|d| d.1 != "2020-08-25"));
    }

    #[test]
    fn month_comma_ordinal_day() {
        assert_eq!(value("Set it up for October, 1st.", REF), "2021-10-01");
        assert_eq!(value("In October, 25 people were killed.", REF), "2020-10");
        // Short irregular past forms mark the past too.
        assert_eq!(value("In October, 25 people died.", REF), "2020-10");
    }

    #[test]
    fn calendar_year_and_day_after_tomorrow() {
        assert_eq!(value("Gains this calendar year were high.", REF), "2021");
        assert_eq!(value("We leave day after tomorrow.", REF), "2021-08-24");
        assert_eq!(value("It came day before yesterday.", REF), "2021-08-20");
    }

    #[test]
    fn two_digit_years_after_months() {
        assert_eq!(value("I was born in April of 87.", REF), "1987-04");
        assert_eq!(value("Records for August 99.", REF), "1999-08");
        assert_eq!(value("In May 50 died.", REF), "2021-05");
    }

    #[test]
    fn numeric_dates_in_a_list() {
        let d = found("Meet on 11/20, 11/22 or 11/25.", Some("2018-11-28"));
        assert_eq!(d.len(), 3);
        assert!(found("He scored 3/4, 5/6 and 7/8.", REF).is_empty());
        assert_eq!(found("On 3/4, 1/2 of them left.", REF).len(), 1);
    }

    #[test]
    fn the_same_unit_and_bare_end_of() {
        let d = found(
            "The vote was on May 3, 2019, and he resigned the same day.",
            REF,
        );
        assert_eq!(d.get(1).map(|d| d.1.as_str()), Some("2019-05-03"));
        assert_eq!(value("He left later the same year.", REF), "2021");
        let e = one("The plant will close by end of year.", REF);
        assert_eq!(
            (e.value.as_str(), e.modifier.as_deref()),
            ("2021", Some("end"))
        );
    }

    #[test]
    fn more_fixed_holidays() {
        assert_eq!(
            value("Parades were held on St. Patrick's Day.", REF),
            "2021-03-17"
        );
        assert_eq!(value("They marched on Earth Day 2010.", REF), "2010-04-22");
        assert!(found("Saint Patrick brought the faith.", REF).is_empty());
        assert!(found("St. John said hello.", REF).is_empty());
    }

    #[test]
    fn counts_before_window_sides() {
        let d = one("What happened in the 5 past years?", Some("2018-08-30"));
        assert_eq!(
            (d.value.as_str(), d.exact.as_deref()),
            ("P5Y", Some("2013-08-30/2018-08-29"))
        );
        assert!(found("He won the 3 last games.", REF).is_empty());
        let r = one("What will happen from Sep to Nov", Some("2018-09-07"));
        assert_eq!(
            (r.value.as_str(), r.until.as_deref()),
            ("2018-09", Some("2018-11"))
        );
    }

    #[test]
    fn holiday_weekends() {
        // Labor Day 2021 is Monday, September 6: the weekend before it.
        assert_eq!(
            value("They met on Labor Day weekend 2021.", REF),
            "2021-W35-WE"
        );
        // Thanksgiving 2023 is Thursday, November 23: the weekend after it.
        assert_eq!(
            value("the weekend of Thanksgiving 2023", REF),
            "2023-W47-WE"
        );
        // Halloween 2021 is a Sunday: its own weekend.
        assert_eq!(value("for Halloween weekend 2021", REF), "2021-W43-WE");
        assert_eq!(
            value("Traffic was heavy over the Easter weekend.", REF),
            "2021-W13-WE"
        );
    }

    #[test]
    fn timeml_reference_points() {
        let v = |t: &str| {
            found(t, REF)
                .into_iter()
                .map(|d| (d.0, d.1))
                .collect::<Vec<_>>()
        };
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            v("He is now chairman; it was recently sold and will soon reopen."),
            vec![
                pair("now", "PRESENT_REF"),
                pair("recently", "PAST_REF"),
                pair("soon", "FUTURE_REF")
            ]
        );
        assert_eq!(
            v("Prices rose in recent years and may fall in the coming weeks."),
            vec![
                pair("recent years", "PAST_REF"),
                pair("coming weeks", "FUTURE_REF")
            ]
        );
        for text in [
            "Now that it is over, we rest.",
            "He visits now and then.",
            "Call as soon as you can.",
            "The recent vote and the coming storm.",
        ] {
            assert!(found(text, REF).is_empty(), "{text}");
        }
        // A vague count: TimeML's PAST_REF, three in the exact reading.
        let d = one("He left a few years ago.", REF);
        assert_eq!(
            (d.value.as_str(), d.exact.as_deref()),
            ("PAST_REF", Some("2018-08-22"))
        );
    }

    #[test]
    fn counted_shifts_keep_timeml_value_and_give_the_day() {
        let e = one("She left two years ago.", Some("2016-11-07"));
        assert_eq!(
            (e.value.as_str(), e.exact.as_deref()),
            ("2014", Some("2014-11-07"))
        );
        let e = one("He will return in two weeks.", Some("2018-07-05"));
        assert_eq!(
            (e.value.as_str(), e.exact.as_deref()),
            ("2018-W29", Some("2018-07-19"))
        );
        let e = one("It closed a month ago.", Some("2016-11-07"));
        assert_eq!(
            (e.value.as_str(), e.exact.as_deref()),
            ("2016-10", Some("2016-10-07"))
        );
        // A day-fine shift needs no second reading.
        assert_eq!(
            one("It opened three days ago.", Some("2016-11-07")).exact,
            None
        );
        // "a month later" after a written day: the month, and the day a month on.
        let all = run("It opened on May 3, 2020. A month later it closed.", None).dates;
        let later = all.last().map(|d| (d.value.clone(), d.exact.clone()));
        assert_eq!(later, Some(("2020-06".into(), Some("2020-06-03".into()))));
    }

    #[test]
    fn decades_quarters_seasons_halves() {
        assert_eq!(value("It was popular in the 1990s.", None), "199");
        assert_eq!(
            value("Profit fell in the first quarter of 2021.", None),
            "2021-Q1"
        );
        let e = one("Profit fell in the first quarter of 2021.", None);
        assert_eq!(e.text, "the first quarter of 2021");
        assert_eq!(value("Results for Q3 2020 were weak.", None), "2020-Q3");
        assert_eq!(value("The band toured in summer 2020.", None), "2020-SU");
        assert_eq!(value("It happened in the winter of 2019.", None), "2019-WI");
        assert_eq!(
            value("Growth slowed in the second half of 2019.", None),
            "2019-H2"
        );
        assert_eq!(value("Growth slowed in mid-2020.", None), "2020");
        // Relative: the third quarter, in past tense, before an August reference.
        assert_eq!(
            value(
                "Sales fell in the third quarter, it said.",
                Some("2021-11-02")
            ),
            "2021-Q3"
        );
        assert_eq!(
            value(
                "Sales fell in the fourth quarter, it said.",
                Some("2021-08-22")
            ),
            "2020-Q4"
        );
        assert_eq!(
            value("Sales will rise in the fourth quarter.", Some("2021-08-22")),
            "2021-Q4"
        );
        assert_eq!(value("The fair returns this summer.", REF), "2021-SU");
        assert_eq!(value("They met last winter.", REF), "2020-WI");
        // Regression: "this winter" in March, past tense, is the winter just ended.
        let march = Some("2025-03-12");
        assert_eq!(
            value("The river rose for the third time this winter.", march),
            "2024-WI"
        );
    }

    #[test]
    fn weekdays_follow_tense() {
        // REF is a Sunday.
        assert_eq!(value("The minister resigned Friday.", REF), "2021-08-20");
        assert_eq!(
            value("The minister said on Sunday that he would stay.", REF),
            "2021-08-22"
        );
        assert_eq!(value("The minister will resign Friday.", REF), "2021-08-27");
        assert_eq!(value("The vote is due Wednesday.", REF), "2021-08-25");
        assert_eq!(value("She left last Sunday.", REF), "2021-08-15");
        assert_eq!(value("She arrives next Sunday.", REF), "2021-08-29");
        // No tense marker: the closer one, here Monday after.
        assert_eq!(value("Monday is a holiday.", REF), "2021-08-23");
        // No reference: TIMEX weekday.
        let e = one("They met on Sunday.", None);
        assert_eq!((e.value.as_str(), e.relative), ("XXXX-WXX-7", true));
        // Not weekdays: plurals, lowercase.
        assert!(found("They meet on Sundays.", REF).is_empty());
    }

    #[test]
    fn deictic_words() {
        assert_eq!(value("Police said today that ...", REF), "2021-08-22");
        assert_eq!(value("Police said yesterday that ...", REF), "2021-08-21");
        assert_eq!(value("The court rules tomorrow.", REF), "2021-08-23");
        assert_eq!(value("Talks resume this week.", REF), "2021-W33");
        assert_eq!(value("Talks ended last week.", REF), "2021-W32");
        assert_eq!(value("Talks resume next month.", REF), "2021-09");
        assert_eq!(value("Profits fell this year.", REF), "2021");
        assert_eq!(value("Last year’s attacks were worse.", REF), "2020");
        assert_eq!(value("Talks resume this weekend.", REF), "2021-W33-WE");
        assert_eq!(value("The bank reported last night.", REF), "2021-08-21");
        assert_eq!(value("Yesterday it rained.", None), "XXXX-XX-XX");
        assert_eq!(
            value("It rained the day before yesterday.", REF),
            "2021-08-20"
        );
        assert_eq!(value("It rains the day after tomorrow.", REF), "2021-08-24");
        // A newspaper, not a day.
        assert!(found("He told USA Today about it.", REF).is_empty());
    }

    #[test]
    fn bare_months_follow_tense() {
        assert_eq!(
            value("Officials said in June that the plan failed.", REF),
            "2021-06"
        );
        assert_eq!(value("The attack happened in November.", REF), "2020-11");
        assert_eq!(value("Elections will be held in November.", REF), "2021-11");
        assert_eq!(value("Elections will be held in June.", REF), "2022-06");
        assert_eq!(value("They met last June.", REF), "2021-06");
        assert_eq!(value("They meet next August.", REF), "2022-08");
        assert_eq!(value("Prices peaked in mid-July.", REF), "2021-07");
        assert_eq!(value("Prices peaked in June.", None), "XXXX-06");
        assert_eq!(
            value("They will vote in June of next year.", REF),
            "2022-06"
        );
        assert_eq!(value("It ran until June of last year.", REF), "2020-06");
        // Not months: modal "may", a name without context, lowercase.
        assert!(found("Officials may act. June Carter sang. He will march.", REF).is_empty());
    }

    #[test]
    fn month_day_without_year() {
        assert_eq!(
            value("From August 14, the army has evacuated 100 people.", REF),
            "2021-08-14"
        );
        // Past tense and later in the year than the reference: last year's.
        assert_eq!(
            value("The law was passed on December 3.", REF),
            "2020-12-03"
        );
        assert_eq!(
            value("The law takes effect on December 3.", REF),
            "2021-12-03"
        );
        assert_eq!(value("The talks will start on Feb. 1.", REF), "2022-02-01");
        assert_eq!(value("He arrived on 3 May.", REF), "2021-05-03");
        assert_eq!(value("He arrived on Aug. 12.", None), "XXXX-08-12");
    }

    #[test]
    fn ago_and_later() {
        assert_eq!(value("The group was founded three years ago.", REF), "2018");
        assert_eq!(value("It closed six months ago.", REF), "2021-02");
        assert_eq!(value("It closed 10 days ago.", REF), "2021-08-12");
        assert_eq!(value("It closed two weeks ago.", REF), "2021-W31");
        assert_eq!(value("It opened a decade ago.", REF), "2011");
        assert_eq!(
            found(
                "A bomb hit the city in November and a rocket a month later.",
                REF
            ),
            vec![
                ("November".into(), "2020-11".into(), None),
                ("a month later".into(), "2020-12".into(), None)
            ]
        );
        assert_eq!(
            found(
                "The deal was signed on March 3, 2015. Two weeks later it collapsed.",
                REF
            )[1]
            .1,
            "2015-W12"
        );
        // The day two weeks on is the exact reading.
        let later = run(
            "It was signed on March 3, 2015. Two weeks later it fell.",
            REF,
        )
        .dates;
        assert_eq!(later[1].exact.as_deref(), Some("2015-03-17"));
        assert_eq!(
            found(
                "The deal was signed in 2015. A year earlier talks had failed.",
                REF
            )[1]
            .1,
            "2014"
        );
        assert_eq!(
            found(
                "Polls closed on June 4, 2019. The next day the count began.",
                REF
            )[1]
            .1,
            "2019-06-05"
        );
        // No earlier date: from the reference.
        let d = one("A week later, he resigned.", REF);
        assert_eq!(
            (d.value.as_str(), d.exact.as_deref()),
            ("2021-W34", Some("2021-08-29"))
        );
        // Minutes and hours after a year fall back to the article's day.
        assert_eq!(
            found("It began in 1958. Six minutes later he scored.", REF)[1].1,
            "2021-08-22"
        );
        assert_eq!(value("Three years ago, he resigned.", None), "XXXX");
    }

    #[test]
    fn durations() {
        let d = one("He served three years in prison.", REF);
        assert_eq!(
            (d.kind, d.value.as_str(), d.relative),
            (DateKind::Duration, "P3Y", false)
        );
        assert_eq!(value("They waited for two weeks.", REF), "P2W");
        assert_eq!(value("The talks lasted six months.", REF), "P6M");
        assert_eq!(value("A 10-day curfew was imposed.", REF), "P10D");
        assert_eq!(value("a three-year plan", REF), "P3Y");
        assert_eq!(value("It took more than a year.", REF), "P1Y");
        assert_eq!(value("Rescuers searched for 48 hours.", REF), "PT48H");
        // TimeML's decade and century units, with the years as the plain reading.
        let d = one("over two decades", REF);
        assert_eq!(
            (d.value.as_str(), d.exact.as_deref()),
            ("P2DE", Some("P20Y"))
        );
        assert_eq!(value("for three centuries", REF), "P3CE");
        // A vague count is X in TimeML; three is the plain reading.
        let d = one("It lasted several days.", REF);
        assert_eq!((d.value.as_str(), d.exact.as_deref()), ("PXD", Some("P3D")));
        assert_eq!(value("for a few weeks", REF), "PXW");
        assert_eq!(value("for a couple of weeks", REF), "P2W");
        // Rates and ages are not durations.
        assert!(found("They meet once a year. A three-year-old boy.", REF).is_empty());
        assert!(found("An eight-year old girl.", REF).is_empty());
    }

    #[test]
    fn events() {
        let e = one("The 9/11 attacks changed everything.", REF);
        assert_eq!(
            (e.kind, e.value.as_str(), e.relative),
            (DateKind::Event, "2001-09-11", false)
        );
        assert_eq!(value("the post-9/11 wars", REF), "2001-09-11");
        // An event anchors "later".
        assert_eq!(
            found("After 7/7, a month later, laws changed.", REF)[1].1,
            "2005-08"
        );
    }

    #[test]
    fn periods_and_ranges() {
        let d = one(
            "There were 77 attacks in the first four months of this year.",
            REF,
        );
        assert_eq!(
            (d.value.as_str(), d.until.as_deref()),
            ("2021-01", Some("2021-04"))
        );
        let d = one("in the last three months of 2020", REF);
        assert_eq!(
            (d.value.as_str(), d.until.as_deref()),
            ("2020-10", Some("2020-12"))
        );
        let d = one("in the first 10 days of June 2020", REF);
        assert_eq!(
            (d.value.as_str(), d.until.as_deref()),
            ("2020-06-01", Some("2020-06-10"))
        );
        let d = one("Prices doubled between 2019 and 2021.", REF);
        assert_eq!(
            (d.text.as_str(), d.value.as_str(), d.until.as_deref()),
            ("between 2019 and 2021", "2019", Some("2021"))
        );
        let d = one("The festival ran from May to July.", REF);
        assert_eq!(
            (d.value.as_str(), d.until.as_deref()),
            ("2021-05", Some("2021-07"))
        );
        let d = one("The office is closed Aug. 14-16, 2021.", REF);
        assert_eq!(
            (d.value.as_str(), d.until.as_deref()),
            ("2021-08-14", Some("2021-08-16"))
        );
        let d = one("The data cover 2015-2019.", REF);
        assert_eq!(
            (d.value.as_str(), d.until.as_deref()),
            ("2015", Some("2019"))
        );
        let d = one("The data cover the first four months of this year.", None);
        assert_eq!(
            (d.value.as_str(), d.until.as_deref()),
            ("XXXX-01", Some("XXXX-04"))
        );
        // Counting ranges are not dates.
        assert!(found("between 10 and 15 of its operatives", REF).is_empty());
        assert!(found("from 1500 to 2000 people", REF).is_empty());
    }

    #[test]
    fn reference_date_sources() {
        let r = run("Officials spoke Sunday.", Some("2021-08-22"))
            .reference
            .unwrap();
        assert_eq!(
            (r.value.as_str(), r.source, r.evidence),
            ("2021-08-22", DateSource::Given, None)
        );

        let text = "Storm hits coast\nPublished March 3, 2020\nThe storm hit on Monday. A photo from May 1, 2020 shows it.";
        let r = run(text, None);
        let rf = r.reference.unwrap();
        assert_eq!(
            (rf.value.as_str(), rf.source),
            ("2020-03-03", DateSource::Dateline)
        );
        assert_eq!(rf.evidence.unwrap().text, "March 3, 2020");
        assert_eq!(
            r.dates.iter().find(|d| d.text == "Monday").unwrap().value,
            "2020-03-02"
        );

        // Published beats updated; a short date-only line is a dateline too.
        let text = "Updated 4 March 2020\nPublished 3 March 2020\nText.";
        assert_eq!(run(text, None).reference.unwrap().value, "2020-03-03");
        let text = "Headline\n2020-03-03 10:30 GMT\nThe storm hit Monday.";
        assert_eq!(
            run(text, None).reference.unwrap().source,
            DateSource::Dateline
        );

        // A date in a long sentence at the top is not a dateline; the latest complete date wins.
        let text = "The treaty signed on May 1, 1990 still shapes the talks held in Geneva.\nA guard in Kabul, Afghanistan, Sunday, Aug. 22, 2021. (AP Photo)\nOn Jan. 2, 2019 it began.";
        let rf = run(text, None).reference.unwrap();
        assert_eq!(
            (rf.value.as_str(), rf.source),
            ("2021-08-22", DateSource::LatestInText)
        );
        assert_eq!(rf.evidence.unwrap().text, "Sunday, Aug. 22, 2021");

        // Ambiguous numeric dates and events do not set the reference.
        assert!(run("On 3/4/2021 and after 9/11.", None).reference.is_none());
        assert!(run("Nothing dated here.", None).reference.is_none());
    }

    #[test]
    fn claimed_covers_every_expression() {
        let text = "On Aug. 22, 2021, after 9/11 and three years ago, 30,000 people fled.";
        let r = run(text, REF);
        let claimed: Vec<&str> = r.claimed.iter().map(|c| &text[c.clone()]).collect();
        assert_eq!(claimed, vec!["Aug. 22, 2021", "9/11", "three years ago"]);
        assert_eq!(r.claimed.len(), r.dates.len());
    }

    #[test]
    fn utf16_spans() {
        let text = "😀 “Talks ended” on Sunday.";
        let d = one(text, REF);
        let u: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(
            String::from_utf16(&u[d.start as usize..d.end as usize]).unwrap(),
            "Sunday"
        );
    }

    #[test]
    fn month_ranges_run_forward() {
        let r = Some("2019-08-22");
        let got = |t: &str| {
            let d = one(t, r);
            format!("{}/{}", d.value, d.until.unwrap_or_default())
        };
        // In the past tense the range ends by the reference; otherwise it holds it.
        assert_eq!(got("Sales rose from May to September."), "2018-05/2018-09");
        assert_eq!(got("Sales rose from May to August."), "2019-05/2019-08");
        assert_eq!(got("It runs from May to September."), "2019-05/2019-09");
        assert_eq!(got("Sales rose from November to March."), "2018-11/2019-03");
        // Otherwise the end is the first such month after the start.
        assert_eq!(
            got("It will run from November to March."),
            "2019-11/2020-03"
        );
        assert_eq!(got("It will run from March to May."), "2020-03/2020-05");
        assert_eq!(
            got("It ran between Nov. 3 and Feb. 2."),
            "2018-11-03/2019-02-02"
        );
    }

    #[test]
    fn quarter_windows_are_whole_quarters() {
        let r = Some("2019-08-22");
        let got = |t: &str| {
            let d = one(t, r);
            format!("{}/{}", d.value, d.until.unwrap_or_default())
        };
        assert_eq!(
            got("Sales fell in the last two quarters."),
            "2019-Q1/2019-Q2"
        );
        assert_eq!(
            got("Sales fell over the past 3 quarters."),
            "2018-Q4/2019-Q2"
        );
        assert_eq!(
            got("Sales will rise in the next two quarters."),
            "2019-Q4/2020-Q1"
        );
        assert!(found("The last two quarters of 2018 were weak.", r)
            .iter()
            .all(|d| d.1 != "2019-Q1"));
    }

    #[test]
    fn weekday_with_numeric_date() {
        let d = one("He left on Friday 5/12.", REF);
        assert_eq!(
            (d.text.as_str(), d.value.as_str()),
            ("Friday 5/12", "2021-05-12")
        );
        let d = one("The vote is Tuesday, 2021-09-14.", REF);
        assert_eq!(
            (d.text.as_str(), d.value.as_str()),
            ("Tuesday, 2021-09-14", "2021-09-14")
        );
        // A count after a weekday is no date.
        assert_eq!(value("On Friday 5 people left.", REF), "2021-08-20");
    }

    #[test]
    fn through_joins_any_grains() {
        let d = one("Prices rose in 2014 through May 2018.", REF);
        assert_eq!(
            (d.value.as_str(), d.until.as_deref()),
            ("2014", Some("2018-05"))
        );
    }

    #[test]
    fn open_ranges_name_their_bound() {
        assert_eq!(value("Bids are due no later than 2016.", REF), "2016");
        // "must" speaks of the future: the next June.
        assert_eq!(value("It must end sooner than June.", REF), "2022-06");
        assert_eq!(value("Cars built in 2012 or later qualify.", REF), "2012");
        assert_eq!(value("Bids came from 2012 or after.", REF), "2012");
        assert_eq!(value("Prices rose after Feb.", REF), "2021-02");
        // Counts stay counts, and a name is no month.
        assert!(found("More than 2016 people came.", REF).is_empty());
        assert!(found("Some 2016 or more people came.", REF).is_empty());
        assert!(found("She spoke after Jan.", REF).is_empty());
    }

    #[test]
    fn lowercase_and_glued_forms() {
        assert_eq!(value("we met on friday", REF), "2021-08-20");
        assert_eq!(value("it ends june 2016", REF), "2016-06");
        assert_eq!(value("the vote is in may.", REF), "2021-05");
        assert_eq!(value("He will go back Oct-2.", REF), "2021-10-02");
        assert_eq!(value("Filed Dec31, 1994.", REF), "1994-12-31");
        assert_eq!(value("It was due 2019-sep-1.", REF), "2019-09-01");
        assert_eq!(value("The plan lasts until 11/2022.", REF), "2022-11");
        assert_eq!(value("the 2010-11 season", REF), "2010");
        assert_eq!(value("It reopens on 9/6.", REF), "2021-09-06");
        // Modal "may", the verb "march", fractions are not dates.
        assert!(found("They may go. We march on. He ate 3/4 of it.", REF).is_empty());
        assert!(found("A sat nav, the sun, they wed.", REF).is_empty());
    }

    #[test]
    fn spelled_and_bare_days() {
        assert_eq!(value("He left on May twenty-first.", REF), "2021-05-21");
        assert_eq!(value("on the second of August", REF), "2021-08-02");
        assert_eq!(value("It opened on the 3rd.", REF), "2021-08-03");
        assert_eq!(value("They met Friday the 13th.", REF), "2021-08-13");
        assert_eq!(value("due by the 20th of next month", REF), "2021-09-20");
        let d = one("It ran from 4 to 22 January 1995.", REF);
        assert_eq!(
            (d.value.as_str(), d.until.as_deref()),
            ("1995-01-04", Some("1995-01-22"))
        );
        let d = one("closed April 9th through 17th", REF);
        assert_eq!(d.until.as_deref(), Some("2021-04-17"));
        assert!(found("He was the 27th. He finished 27th.", REF).is_empty());
    }

    #[test]
    fn nth_weekdays_year_first_and_whole_units() {
        // REF is Sunday 2021-08-22.
        assert_eq!(
            value("The vote is held on the first Tuesday of November.", REF),
            "2021-11-02"
        );
        assert_eq!(
            value("They met the second Monday of last month.", REF),
            "2021-07-12"
        );
        assert_eq!(
            value("It falls on the last Monday in May 2020.", REF),
            "2020-05-25"
        );
        assert_eq!(value("Sales rose in 2016 November.", REF), "2016-11");
        assert_eq!(value("Results for 2019 Q3 were weak.", REF), "2019-Q3");
        assert_eq!(value("the third quarter this year", REF), "2021-Q3");
        // A year before a name that is not a month.
        assert!(found("In 2016 May said she would stay.", REF)
            .iter()
            .all(|f| f.1 == "2016"));
        assert_eq!(value("We waited all day.", REF), "P1D");
        assert_eq!(value("a full-year forecast", REF), "P1Y");
        assert_eq!(value("for a fortnight", REF), "P2W");
        assert_eq!(value("a 30-minutes walk", REF), "PT30M");
        assert_eq!(value("It took 2 days 1 month.", REF), "P1M2D");
        assert!(found("for the twenty second time", REF).is_empty());
        assert_eq!(value("twenty seconds later", REF), "2021-08-22");
        assert_eq!(value("back the day after tmrw", REF), "2021-08-24");
        assert!(found("They danced all night.", REF).is_empty());
        assert_eq!(
            found("Talks are on 18 and 19 June.", REF)
                .into_iter()
                .map(|f| f.1)
                .collect::<Vec<_>>(),
            ["2021-06-18", "2021-06-19"]
        );
        assert_eq!(value("How about the 3rd week of 2018?", REF), "2018-W03");
        assert_eq!(value("the last week of 2015", REF), "2015-W53");
        // Weeks past 31 (no day of a month) are weeks too.
        let r = one("It runs from week 31 to week 35.", REF);
        assert_eq!(
            (r.value.as_str(), r.until.as_deref()),
            ("2021-W31", Some("2021-W35"))
        );
        let r = one("Talks run between now and November 15.", REF);
        assert_eq!(
            (r.value.as_str(), r.until.as_deref()),
            ("2021-08-22", Some("2021-11-15"))
        );
        assert!(found("He is here now and then.", REF).is_empty());
        // "now" alone is TimeML's PRESENT_REF, not the reference day.
        let two = found("It began 20 years ago and now draws crowds.", REF);
        assert_eq!(two.get(1).map(|d| d.1.as_str()), Some("PRESENT_REF"));
        let r = one("It ran between 2015 and Feb 2018.", REF);
        assert_eq!(
            (r.value.as_str(), r.until.as_deref()),
            ("2015", Some("2018-02"))
        );
        let r = one("I'll be out from 4 to January 22, 1995", REF);
        assert_eq!(
            (r.value.as_str(), r.until.as_deref()),
            ("1995-01-04", Some("1995-01-22"))
        );
        // Counts stay counts.
        assert!(found("from 1500 to 2000 people", REF).is_empty());
        assert_eq!(value("in the fiscal 2017-q1", REF), "2017-Q1");
        let r = one("Talks run Jan-Feb 2017.", REF);
        assert_eq!(
            (r.value.as_str(), r.until.as_deref()),
            ("2017-01", Some("2017-02"))
        );
        assert_eq!(value("on black friday 2010", REF), "2010-11-26");
        // Not the holiday: a weekday at most.
        assert!(found("It was a good friday for the team.", REF)
            .iter()
            .all(|f| f.0 == "friday"));
        assert_eq!(value("She returned on 28 June in 2020.", REF), "2020-06-28");
        let r = one("The range is between 2014~2018.", REF);
        assert_eq!(
            (r.value.as_str(), r.until.as_deref()),
            ("2014", Some("2018"))
        );
        // "in the week" is the current one (a bare "week" then needs no number).
        assert_eq!(value("She left earlier in the week.", REF), "2021-W33");
    }

    #[test]
    fn years_in_words_and_spaced_months() {
        assert_eq!(
            value("She was born on September 21, nineteen seventy eight.", REF),
            "1978-09-21"
        );
        assert_eq!(value("in June of nineteen ninety nine", REF), "1999-06");
        assert_eq!(value("It closed in nineteen twenty-eight.", REF), "1928");
        assert_eq!(value("since two thousand and eight", REF), "2008");
        assert_eq!(
            value("on 6 April seventeen hundred thirty three", REF),
            "1733-04-06"
        );
        assert_eq!(
            value("the third quarter of two thousand and twenty", REF),
            "2020-Q3"
        );
        // Counted things are not years.
        assert!(found("in two thousand villages", REF).is_empty());
        assert_eq!(value("Sales fell in 11 / 2016.", REF), "2016-11");
        assert_eq!(value("Sales fell in 2016 / 11.", REF), "2016-11");
        assert_eq!(value("Sales fell in 2016 - 11.", REF), "2016-11");
        assert_ne!(value("Sales fell in 2009 - 10.", REF), "2009-10");
        assert_eq!(value("due 2012/aug/10", REF), "2012-08-10");
        assert_eq!(value("back on 23/Sep/2020", REF), "2020-09-23");
        assert_eq!(value("Sun 15Sep", REF), "2021-09-15");
        // A range's start takes the year of its end.
        let r = one("The show runs Aug 10 - Nov 12, 2013.", REF);
        assert_eq!(
            (r.value.as_str(), r.until.as_deref()),
            ("2013-08-10", Some("2013-11-12"))
        );
        // A season or a range of years, not a month.
        assert!(found("the 2009 - 10 season", REF)
            .iter()
            .all(|f| f.1 != "2009-10"));
    }

    #[test]
    fn shifts_windows_and_weeks() {
        assert_eq!(value("It opens two weeks from now.", REF), "2021-W35");
        assert_eq!(value("It ended 1 month and 2 days ago.", REF), "2021-07-20");
        assert_eq!(value("due three days after tomorrow", REF), "2021-08-26");
        assert_eq!(
            value("It fell 2 weeks before May 13, 1999.", REF),
            "1999-04-29"
        );
        assert_eq!(
            value("The vote will be held in three weeks.", REF),
            "2021-W36"
        );
        // Not future: a duration.
        let d = one("It was the first rise in three weeks.", REF);
        assert_eq!((d.kind, d.value.as_str()), (DateKind::Duration, "P3W"));
        // A window is its TimeML length, with its days as the exact reading.
        let d = one("Prices rose over the past three weeks.", REF);
        assert_eq!(
            (d.kind, d.value.as_str(), d.exact.as_deref()),
            (DateKind::Duration, "P3W", Some("2021-08-01/2021-08-21"))
        );
        let d = one("Talks resume within five days.", REF);
        assert_eq!(d.exact.as_deref(), Some("2021-08-22/2021-08-26"));
        let d = one("It will rise over the next couple weeks.", REF);
        assert_eq!(d.exact.as_deref(), Some("2021-08-23/2021-09-05"));
        assert_eq!(value("Cases doubled in the past fortnight.", REF), "P2W");
        assert_eq!(value("It will happen in the next decade.", REF), "203");
        assert!(found("It was a hard past decade.", REF).is_empty());
        assert_eq!(value("They meet Friday next week.", REF), "2021-08-27");
        assert_eq!(value("in the third week of July 2021", REF), "2021-W28");
        assert_eq!(value("the last week of 2015", REF), "2015-W53");
        let r = one("Talks run between now and November 15.", REF);
        assert_eq!(
            (r.value.as_str(), r.until.as_deref()),
            ("2021-08-22", Some("2021-11-15"))
        );
        assert!(found("He is here now and then.", REF).is_empty());
        // "now" alone is TimeML's PRESENT_REF, not the reference day.
        let two = found("It began 20 years ago and now draws crowds.", REF);
        assert_eq!(two.get(1).map(|d| d.1.as_str()), Some("PRESENT_REF"));
        let r = one("It ran between 2015 and Feb 2018.", REF);
        assert_eq!(
            (r.value.as_str(), r.until.as_deref()),
            ("2015", Some("2018-02"))
        );
        let r = one("I'll be out from 4 to January 22, 1995", REF);
        assert_eq!(
            (r.value.as_str(), r.until.as_deref()),
            ("1995-01-04", Some("1995-01-22"))
        );
        // Counts stay counts.
        assert!(found("from 1500 to 2000 people", REF).is_empty());
        // "in the week" is the current one (a bare "week" then needs no number).
        assert_eq!(value("She left earlier in the week.", REF), "2021-W33");
        assert_eq!(value("the week of April 10, 2018", REF), "2018-W15");
        let d = one(
            "Stores stay shut for the rest of the week.",
            Some("2021-08-19"),
        );
        assert_eq!(
            (d.value.as_str(), d.until.as_deref()),
            ("2021-08-19", Some("2021-08-22"))
        );
    }

    #[test]
    fn durations_with_parts_and_abbreviations() {
        assert_eq!(value("They waited 3 hrs.", REF), "PT3H");
        assert_eq!(value("It took 3h.", REF), "PT3H");
        assert_eq!(value("for an hour and a half", REF), "PT1.5H");
        assert_eq!(value("for two and a half years", REF), "P2.5Y");
        assert_eq!(value("He served 1 year 2 months.", REF), "P1Y2M");
        assert_eq!(value("for a couple of weeks", REF), "P2W");
        assert_eq!(value("a 73 seconds flight", REF), "PT73S");
        assert!(found("a second attack", REF).is_empty());
    }

    #[test]
    fn decades_centuries_holidays_modifiers() {
        assert_eq!(value("popular in the 1970's", REF), "197");
        assert_eq!(value("popular in the '70s", REF), "197");
        assert_eq!(value("popular in the seventies", REF), "197");
        assert_eq!(value("built in the 19th century", REF), "18");
        assert!(found("a woman in her seventies", REF).is_empty());
        assert_eq!(value("They met before Christmas.", REF), "2020-12-25");
        assert_eq!(value("They will meet at Thanksgiving.", REF), "2021-11-25");
        assert_eq!(
            value("It happened on Easter Sunday 2019.", REF),
            "2019-04-21"
        );
        let r = found("Christmas shopping is over; a Good deal.", REF);
        assert!(r.is_empty(), "{r:?}");
        let d = one("Prices peaked in late March.", REF);
        assert_eq!(
            (d.text.as_str(), d.value.as_str(), d.modifier.as_deref()),
            ("late March", "2021-03", Some("end"))
        );
        let d = one("by the end of the month", REF);
        assert_eq!(
            (d.value.as_str(), d.modifier.as_deref()),
            ("2021-08", Some("end"))
        );
        assert_eq!(one("mid-June", REF).modifier.as_deref(), Some("mid"));
    }

    #[test]
    fn known_and_implied_parts() {
        let parts = |t: &str, r| {
            let d = one(t, r);
            (d.known, d.implied)
        };
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            parts("It began on August 14.", REF),
            (v(&["month", "day"]), v(&["year"]))
        );
        assert_eq!(
            parts("It began on Aug. 14, 2020.", REF),
            (v(&["year", "month", "day"]), v(&[]))
        );
        assert_eq!(
            parts("It began yesterday.", REF),
            (v(&["year", "month", "day"]), v(&[]))
        );
        assert_eq!(
            parts("It began on Sunday.", REF),
            (v(&["weekday"]), v(&["year", "month", "day"]))
        );
        assert_eq!(
            parts("It began on Sunday.", None),
            (v(&["weekday"]), v(&["year", "week"]))
        );
        assert!(one("for three years", REF).known.is_empty());
    }

    /// [`may_start`] reads every number word as a count: none may start anything else.
    #[test]
    fn number_words_start_only_counts() {
        for w in crate::numbers::number_words() {
            assert!(!STARTERS.contains(&w), "{w}");
            assert!(
                month_number(w).is_none() && weekday_number(w).is_none(),
                "{w}"
            );
            assert!(HOLIDAYS.iter().all(|h| h.0.first() != Some(&w)), "{w}");
            assert!(
                !HYPHEN_MODIFIERS.contains(&w) && Lower::of(w).as_str() == w,
                "{w}"
            );
        }
    }

    /// The gate before the matcher only skips tokens where nothing starts: on a soup of every
    /// kind of word the matcher reads, in both cases, gated and ungated runs agree.
    #[test]
    fn gate_changes_nothing() {
        let mut vocab: Vec<String> = Vec::new();
        let base: Vec<&str> = STARTERS
            .iter()
            .chain(crate::numbers::number_words().collect::<Vec<_>>().iter())
            .chain(MONTHS.iter())
            .chain(WEEKDAYS.iter())
            .chain(PAST_WORDS)
            .chain(HOLIDAYS.iter().flat_map(|h| h.0.iter()))
            .copied()
            .chain([
                "sept",
                "aug",
                "Aug.",
                "mon",
                "tues",
                "thurs",
                "fri",
                "year",
                "years",
                "month",
                "months",
                "day",
                "days",
                "hrs",
                "min",
                "following",
                "prior",
                "preceding",
                "of",
                "in",
                "on",
                "from",
                "to",
                "and",
                "between",
                "ago",
                "later",
                "now",
                "hence",
                "before",
                "after",
                "century",
                "quarter",
                "half",
                "Q3",
                "H1",
                "mid-2020",
                "three-year",
                "twenty-first",
                "Oct2",
                "jan/3",
                "9/11",
                "3",
                "2021",
                "1990s",
                "22nd",
                "70s",
                "'",
                "'s",
                "year",
                "s",
                ",",
                ".",
                "-",
                "the",
                "a",
                "an",
                "said",
                "will",
                "people",
                "Kelvin\u{212A}",
                // Words with marks and no digit: the gate reads the letters before the first.
                "U.S.",
                "al-Qaida",
                "Shi'ite",
                "'s",
                "’s",
                "o'clock",
                "pre-June",
                "post-August",
                "Pre-Christmas",
                "mid-summer",
                "late-June",
                "early-May",
                "all-day",
                "full-year",
                "whole-week",
                "three-year",
                "two-day-long",
                "twenty-one",
                "twenty-first",
                "twenty-tens",
                "twenty-twenties",
                "first-quarter",
                "third-quarter",
                "Jan-Feb",
                "nov-dec",
                "Sept.",
                "Aug.",
                "Thurs.",
                "Tues.",
                "St.",
                "a.m.",
                "FY-",
                "year-end",
                "week-long",
                "day-to-day",
                "New-York",
                "Christmas-time",
                "Good-bye",
                "wee\u{212A}",
                "No\u{e9}l",
                "2021-08-22",
                "4/22",
                "14-16",
                // Counts and what stands after them.
                "12",
                "5,000",
                "100000",
                "%",
                ")",
                "/",
                "–",
                "percent",
                "million",
                "others",
                "business",
                "fortnights",
                "centuries",
                "thousands",
                "oh",
                "o",
            ])
            .collect();
        for w in base {
            vocab.push(w.to_string());
            let mut c = w.chars();
            if let Some(f) = c.next() {
                vocab.push(f.to_uppercase().chain(c).collect());
            }
        }
        // Whole forms, so that the rarer paths are reached too.
        for phrase in [
            "the day before yesterday",
            "the day after tomorrow",
            "the week after next",
            "the following year",
            "the past three weeks",
            "the next 5 days",
            "within the next two months",
            "the first half of 2021",
            "the third quarter of last year",
            "the last three months of 2020",
            "the third week of July",
            "the week of April 10",
            "the 27th.",
            "on the 4th",
            "the end of the month",
            "the rest of the week",
            "the 1970s",
            "the seventies",
            "the 21st century",
            "a couple of weeks ago",
            "a few days later",
            "an hour and a half",
            "a year earlier",
            "in three weeks",
            "two weeks from now",
            "Friday the 13th",
            "next week on Friday",
            "the summer of 2020",
            "over the weekend.",
            "New Year's Day",
            "Good Friday",
            "new year's eve",
            "on Christmas",
            "Easter 2020",
            "Black Friday 2019",
            "St. Patrick's Day",
            "the International Workers’ Day",
            "Martin Luther King Day",
            "Labor Day weekend",
            "from 4 to 22 January",
            "between 2019 and 2021",
            "the 20th of next month",
            "May twenty-first",
            "the second of August",
            "Q3 2021",
            "week 31 of 2021",
            "in 2001",
            "in June",
            "2 weeks before May 13, 1999",
            "several years",
            "a fortnight",
            "in a fortnight",
            "all day",
            "the whole week",
            "the first Friday of July",
            "2016 November.",
            "2019 Q3",
            "18 and 19 June",
            "the next quarter",
            "another week",
            "half a day",
            "mid-June",
            "early 2020",
            "20 people",
            "one of them",
            "3 business days",
            "twenty five January 1986",
            "in nineteen ninety six",
            "the first three months of 2020",
            "the first a year of 2020",
            "first half of 2021",
            "second quarter",
            "since two thousand and eight",
            "the 70's",
            "4 - 22 June",
            "20/aug",
            "11 / 2016",
            "several hundred",
            "half an hour",
            "all week",
            "a couple of days",
            "twenty first of May",
            "22nd day of June",
            "3rd century",
            "in the nineteen seventies",
        ] {
            vocab.push(phrase.to_string());
        }
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut text = String::new();
        for k in 0..40_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            text.push_str(&vocab[(x % vocab.len() as u64) as usize]);
            text.push(if k % 23 == 22 { '\n' } else { ' ' });
        }
        let doc = Doc::new(&text);
        let show = |v: Vec<Found>| -> Vec<String> {
            v.into_iter()
                .map(|f| {
                    format!(
                        "{} {} {:?} {} {:?}",
                        f.a, f.b, f.raw, f.ambiguous, f.modifier
                    )
                })
                .collect()
        };
        let gated = show(find_all_with(&doc, true));
        assert!(gated.len() > 1000);
        assert_eq!(gated, show(find_all_with(&doc, false)));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "",
            "May",
            "the first",
            "the first 99999 months of 2021",
            "in 9999 and 0000, 0/0/0000, 99/99/99, 2021-13-45, 31/31/2021",
            "Sunday, Aug. 99, 2021 — from — to between and",
            "Q9 2021 Q1 mid- early-1990s post-",
            "100000 years ago, 99999 decades later, a century ago",
            "last last next this the next the day before",
            "1 day before 1 day before 1 day before May 3 from now hence ago",
            "the 99th century, the 0s, week 99 of 2021, the last week of 99999, Easter 0001",
            "from 31 to 30 February, between 0 and 0 of Sept, the 31st of next month",
            "Oct-99-2020 2019-sep-99 Dec-0 jan/0 within 0 days the past 0 decades",
            "Friday the 31st, Feb 29 -- the third week of February 2021 Q9 H3 2020",
        ] {
            for reference in [None, REF, Some("9999-12-31"), Some("0000-01-01")] {
                let _ = run(text, reference);
            }
        }
        let doc = Doc::new(
            "It ended 50 centuries later. Sunday. in June. 99999 years ago. He left 3/18/40. \
             FY99 and fiscal 2019 and the past 99999 trading days, the past decade. \
             2 years 21 days later, less than 2 weeks from today.",
        );
        for y in [i32::MIN, -1, i32::MAX] {
            let _ = extract(
                &doc,
                &StructureInfo::default(),
                CalendarDate::new(y, 12, 31),
            );
            let _ = extract(&doc, &StructureInfo::default(), CalendarDate::new(y, 1, 1));
        }
    }

    #[test]
    fn two_digit_years_pivot_on_the_reference() {
        let r = Some("2016-11-07");
        assert_eq!(value("He was born 03/18/40.", r), "1940-03-18");
        assert_eq!(value("It expires 3-7-27.", r), "2027-03-07");
        assert_eq!(value("It was signed 9/18/15.", r), "2015-09-18");
        // Without a reference, 50-99 are 19xx and 00-49 20xx.
        assert_eq!(value("He was born 03/18/40.", None), "2040-03-18");
    }

    #[test]
    fn one_unit_windows() {
        let r = Some("2016-11-07");
        let e = one("Prices rose over the past year.", r);
        assert_eq!(
            (e.kind, e.value.as_str(), e.exact.as_deref()),
            (DateKind::Duration, "P1Y", Some("2015-11-07/2016-11-06"))
        );
        let e = one("Crime fell in the last decade and rose again.", r);
        assert_eq!(
            (e.value.as_str(), e.exact.as_deref()),
            ("P1DE", Some("2006-11-07/2016-11-06"))
        );
        assert_eq!(
            value("Fuel got dearer over the past week as rates fell.", r),
            "P1W"
        );
        assert!(found("It was the last year of his term.", r).is_empty());
        assert_eq!(value("The last year has been hard.", r), "P1Y");
        let e = one("Prices rose in the past 24 hours.", r);
        assert_eq!(
            (e.text.as_str(), e.value.as_str()),
            ("the past 24 hours", "PT24H")
        );
        assert!(found("It was the last year that he ran.", r).is_empty());
        assert_eq!(value("Sales for the past quarter rose.", r), "2016-Q3");
        // "last year" stays the calendar year.
        assert_eq!(value("Prices rose last year.", r), "2015");
        // "the previous year" counts from the last date mentioned.
        assert_eq!(value("Prices rose the previous year.", r), "2015");
    }

    #[test]
    fn seasons_without_a_preposition() {
        let r = Some("2016-11-07");
        assert_eq!(value("The summer was hot.", r), "2016-SU");
        assert_eq!(value("Winter, as ever, was hard.", r), "2015-WI");
        assert_eq!(value("They will stay the whole summer.", r), "2017-SU");
        assert!(found("The summer camp opened.", r).is_empty());
        assert!(found("She bought a winter coat.", r).is_empty());
        assert!(found("He trained for the Winter Games.", r).is_empty());
    }

    #[test]
    fn fiscal_and_school_years() {
        let r = Some("2019-06-18");
        assert_eq!(value("Sales fell in fiscal 2019.", r), "FY2019");
        assert_eq!(value("Sales fell in fiscal year 2008.", r), "FY2008");
        assert_eq!(value("Profit rose in FY19.", r), "FY2019");
        assert_eq!(value("Profit rose in FY 2008.", r), "FY2008");
        assert_eq!(value("Profit fell last fiscal year.", r), "FY2018");
        assert_eq!(value("The 2019-20 school year was hard.", r), "SY2020");
        // A school year is named by the year it ends in.
        assert_eq!(value("Grades rose this school year.", r), "SY2019");
        assert_eq!(
            value("Grades rose this school year.", Some("2019-09-18")),
            "SY2020"
        );
        assert_eq!(value("Sales in CY2018 rose.", r), "2018");
        assert_eq!(value("Profit fell this fiscal year.", None), "FYXXXX");
        assert!(found("The school board met on fiscal policy.", r).is_empty());
    }

    #[test]
    fn halves_holidays_and_decades_in_words() {
        let r = Some("2020-05-14");
        assert_eq!(value("Please book a ½ hour call.", r), "PT0.5H");
        assert_eq!(value("Crowds marched on May Day.", r), "2020-05-01");
        assert_eq!(
            value("They rallied on International Workers' Day.", r),
            "2020-05-01"
        );
        assert!(found("You may day-trade.", r).is_empty());
        assert_eq!(value("Prices soared in the two thousands.", r), "200");
        assert_eq!(value("Growth slowed in the twenty-tens.", r), "201");
        assert!(found("He led the two thousand soldiers.", r).is_empty());
        assert_eq!(value("Who led the country in nineties?", r), "199");
        assert_eq!(value("It was built in 70's.", r), "197");
        assert!(found("She is in her nineties.", r).is_empty());
        assert!(found("Highs will be in 70s.", r).is_empty());
    }

    #[test]
    fn less_than_a_shift_and_nth_month() {
        let r = Some("2018-05-29");
        let d = found("It will be back less than 2 weeks from today.", r);
        assert_eq!(
            d,
            vec![(
                "less than 2 weeks from today".to_string(),
                "2018-05-29".to_string(),
                Some("2018-06-12".to_string())
            )]
        );
        assert_eq!(
            value("They will leave the third month of 2021.", r),
            "2021-03"
        );
        assert_eq!(value("We meet the 9th month of next year.", r), "2019-09");
        assert!(found("It was the first month of the war.", r).is_empty());
        assert_eq!(value("Sales for past quarter fell.", r), "2018-Q1");
    }

    #[test]
    fn several_parts_later_and_whole_periods() {
        let r = Some("2017-11-23");
        let d = found(
            "He was elected on May 3, 2010. 2 years 1 month 21 days later he quit.",
            r,
        );
        assert_eq!(d.get(1).map(|d| d.1.as_str()), Some("2012-06-24"));
        // With no date before, the parts count from the reference.
        assert_eq!(value("He left 2 years 21 days later.", r), "2019-12-14");
        assert_eq!(
            value("The whole first quarter of 2013 was bad.", r),
            "2013-Q1"
        );
    }

    #[test]
    fn business_days() {
        let d = |s: &str| CalendarDate::parse(s).unwrap();
        // 2018-08-21 is a Tuesday.
        assert_eq!(add_business_days(d("2018-08-21"), 4), Some(d("2018-08-27")));
        assert_eq!(
            add_business_days(d("2018-08-21"), -4),
            Some(d("2018-08-15"))
        );
        assert_eq!(add_business_days(d("2018-08-25"), 5), Some(d("2018-08-31")));
        assert_eq!(
            add_business_days(d("2018-08-25"), -5),
            Some(d("2018-08-20"))
        );
        assert_eq!(
            add_business_days(d("2018-08-21"), 10),
            Some(d("2018-09-04"))
        );
        let r = Some("2018-08-21");
        let e = one("Shares fell over the past four trading days.", r);
        assert_eq!(
            (e.value.as_str(), e.exact.as_deref()),
            ("P4D", Some("2018-08-15/2018-08-20"))
        );
        assert_eq!(value("The firm has 10 business days to reply.", r), "P10D");
        assert!(found("She is a business day trader.", r).is_empty());
    }

    #[test]
    fn weekday_names_of_papers() {
        let r = Some("2019-06-10");
        assert_eq!(
            found("He told The Sunday Telegraph on Friday.", r),
            vec![("Friday".to_string(), "2019-06-07".to_string(), None)]
        );
        assert!(found("The Sunday Times reported the deal.", r).is_empty());
        assert_eq!(value("They met on the Sunday before.", r), "2019-06-09");
        assert_eq!(
            found("Shops shut on the Thursday Thanksgiving Day holiday.", r).len(),
            2
        );
    }
}
