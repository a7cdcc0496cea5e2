//! Figures: amounts with their value or range, hedge, unit, and what they count.
//!
//! One left-to-right pass over the tokens. At each token that can start a numeral (digits,
//! number words, "a dozen", "half of", "tens of thousands"...) the numeral is read, then a
//! bounded window around it decides whether it is a figure at all, and what hedge, range,
//! unit and counted noun go with it. A second pass over the figures finds changes ("up from
//! 21"). Both passes are linear: every look-around is a few tokens wide.
//!
//! # How values are set
//!
//! `value`, `low` and `high` say what the text commits to, and no more:
//!
//! | written | `value` | `low` | `high` |
//! |---|---|---|---|
//! | "77 attacks" | 77 | - | - |
//! | lower bound: "more than / over / above / at least / upwards of / in excess of / no fewer than 30,000", "30,000 or more", "30+" | - | 30000 | - |
//! | upper bound: "fewer than / less than / under / below / up to / as many as / at most / no more than / nearly / almost / just shy of 100", "100 or fewer" | - | - | 100 |
//! | approximate: "about / approximately / around / roughly / some / an estimated / close to / circa 250", "250 or so" | 250 | - | - |
//! | range: "between 10 and 15", "10-15", "10 to 15", "from 10 to 15", "two or three" | - | 10 | 15 |
//! | vague: see below | - | low | high |
//!
//! "more than" is strict in English but `low` is the written number: the text does not say
//! by how much. "nearly"/"almost" are upper bounds whose amount is just below the number; we
//! do not invent how far below, so `low` stays empty. A hedge on a range or vague amount
//! keeps the interval and drops the bound the hedge opens ("more than 10-15" keeps `low`).
//! A scale written once applies to both ends of a range: "between 10 and 15 million" is
//! 10,000,000 to 15,000,000. Two ends with different scales joined by "or" are two amounts
//! ("10 million or 10 billion").
//!
//! Vague amounts use "a plural means at least two of the unit, and less than the next order
//! of magnitude":
//!
//! | written | `low` | `high` |
//! |---|---|---|
//! | "dozens" | 24 | 99 |
//! | "tens (of)" | 20 | 99 |
//! | "hundreds" | 200 | 999 |
//! | "thousands" | 2,000 | 9,999 |
//! | "tens of thousands" | 20,000 | 99,999 |
//! | "hundreds of thousands" | 200,000 | 999,999 |
//! | "millions" / "tens of millions" / "billions" ... | same pattern | |
//! | "several thousand" (several = 3 to 9) | 3,000 | 9,000 |
//! | "a few hundred" (a few = 2 to 5) | 200 | 500 |
//!
//! Two opposite bounds joined by "and"/"but" make one range: "more than 10 and less than 40"
//! has `low` 10 and `high` 40. Comparison words and symbols are hedges too ("larger than",
//! "less than or equal to", "less or equal than", "exceeding", ">=", "≤", and left hanging
//! after the number: "200 or greater than", "more than 5000 or equal to", "equal to 50 or
//! less"; but "200 or greater than 190" compares 190, not 200); "over" is not one after a number ("1 over
//! 3") or after a verb it is the particle of ("handed over 30 rifles").
//!
//! # Written forms
//!
//! Digits with either separator convention ("1,234.5", "1.234,5"), groups of three digits
//! after single spaces ("1 234 567", also with no-break spaces), fractions written "3/4" (only
//! with a usual denominator and a numerator below it: "9/11" is not one), "½", mixed ("10 1/2",
//! "2 ¼"), in words ("two thirds", "one eighth", "three quarters billion", "one and a half",
//! "five and a half million", "3 million and a half"), "point" decimals ("five point five",
//! "nought point three"), scales of scales ("three lakh crore" is 3e12, "two thousand
//! million" 2e9), "dozen" on the number words just before it ("three hundred and two dozen"
//! is 324), scientific notation ("1.3e6", "12.32e+14", "1.3x10^6"), "lakh"
//! (1e5) and "crore" (1e7), "minus"/"negative" before a number (a sign belongs to the number
//! it is written on: "between negative ten and fifteen" is -10 to 15; a dash after a number is
//! a range dash: "75 -300mm"), compounds with a spaced hyphen ("fifty - two"), digits with
//! scale words and a remainder ("4 thousand 3 hundred and 21"), "2.33 k", "20 M" (a capital
//! M is a million, metres a lowercase m), "$1MM", powers
//! with a caret ("2.5^-1", exponent of at most two digits). Any ordinal
//! from "third" up is a fraction denominator ("a hundredth", "three twenty-fifths"), except
//! that "one hundredth" before a noun is an ordinal ("the one hundredth anniversary"). A fraction of words followed by "of" is a share (below);
//! otherwise it is a plain amount ("a 1/4 mile track" is 0.25 mi). Composed ordinals ("one
//! hundred twenty-fifth", "two hundredth") and ordinal words from "eleventh" up are ordinals
//! even without a determiner. A glued "m" is metres unless money or a plural noun makes it a
//! million ("100m race", "$5m", "5m people"); a glued "t" is tonnes.
//!
//! # Kinds and units
//!
//! - `Money`: a currency symbol before (`$`, `US$`, `€`, `£`, `¥`, `₹`...), an ISO 4217 code
//!   before or after, a sign after ("50 €"), or a currency word after ("dollars", "Canadian
//!   dollars", "euros"). "pounds" is GBP only when scaled ("5 million pounds") or "pounds
//!   sterling", otherwise a weight (`lb`); "won" likewise needs a scale. `unit` is the ISO
//!   code; `$` alone is USD and `¥` alone JPY. Scale words apply: "$2.5 billion" is 2.5e9.
//!   "cents" (USD) and "pence"/"penny" (GBP) are money in the main unit: "50 cents" is 0.5 USD,
//!   so that figures compare. "3 dollars 50 cents" is 3.5, and so is "3 dollars 50" when the
//!   two-digit number ends the phrase (nothing counted after it: "3 dollars 50 times" is not);
//!   "30 MUSD" and "75 USD million" are millions. ISO codes are read in capitals, glued
//!   ("USD115"), and in lowercase unless the code is also an English word ("usd", "rmb", but
//!   not "try", "cad", "cop").
//! - `Percent`: `%`, "percent", "per cent", "pct" (`unit` `%`); "percentage points" and "pp"
//!   (`pp`); "basis points" (`bp`). A share of a whole ("half of", "a third of", "two-thirds")
//!   is a `Percent` whose value is the share in percent (half = 50), "half" after a bound
//!   ("more than half said", "nearly half are") too unless a singular noun follows ("half an
//!   hour"), and so are "one in five",
//!   "nine out of 10" and "1 over 3" when the first number is below ten and the second is
//!   larger and no time, year or unit ("2 in 10 minutes"); "534 out of 537 seats" stays two
//!   counts, since what they count matters more than the ratio.
//! - `Measure`: a unit of length, area, mass, volume, speed, power or temperature; `unit` is
//!   its usual symbol (`km`, `mi`, `kg`, `t`, `bbl`, `mph`, `°C`...). A smaller unit after a
//!   larger one adds to it: "5 ft 2 in" is 5.1667 ft, "7 pounds 8 ounces" 7.5 lb. Degrees are
//!   `°` (of unknown scale, usually heat) unless a turning word comes just before the number
//!   or an angle or compass word right after ("rotate 90 degrees", "60 degrees south"): then
//!   `deg`, an angle. A unit glued by a hyphen is a unit too: "a 10-pound bag" (lb), "a
//!   five-dollar bill" (USD), "a 12-cent dividend" (0.12 USD). A unit in brackets right after the number is its unit, as in table headings
//!   ("20 (kg)"). A "C" glued to digits and followed by "/" is cents per something ("14.7C/ per
//!   share"), not heat: no figure. Ages ("aged 45", "45-year-old",
//!   "45 years old") are measures with `unit` `year` (or `month`, `week`, `day`).
//! - `Ordinal`: "21st", "the third time" with the ordinal as `value`. "first" and "second" are
//!   not kept (in news they order events rather than count anything, and "second" is also a
//!   unit of time); word ordinals from "third" up are kept after a determiner ("the", "its",
//!   "a"...). Ordinals that name things ("816th Squadron") or dates ("the 22nd of August")
//!   are not figures.
//! - `Count`: everything else; `counts` is the head noun of what is counted (below).
//!
//! # Not figures
//!
//! Numbers inside date expressions and entity names (the caller's `dates` and `names`), and,
//! defensively even without them: years (4 digits, 1800-2100, unless hedged, priced, or
//! followed by a plural noun outside a date context), decades ("1990s"), times ("10:30",
//! "9 pm"), dates ("9/11", "Aug. 22", "22 August", "2021-08-22"), durations ("three years",
//! "10-day": they belong to dates), phone numbers, scores ("3-2"), model names and numbered
//! names ("C-17", "Boeing 737", "Windows 10": a number right after a capitalized word, and
//! any word that mixes letters and digits; in a title-case headline, where every word is
//! capitalized, a capitalized function word or verb in -s/-ed before the number, or an
//! irregular plural after it, keeps it a count: "Bombing Kills 30", "Storm Leaves 3,000
//! Homeless", "Ferry Carried 120 People"), roman numerals (never read), ordinals right
//! before a capitalized word, list markers ("1." at a line start), labels ("No. 5",
//! "page 12", "#3", "number one") and pieces of identifiers or URLs ("q=30", "%20"). A lone "one" is a figure only when a noun follows directly ("one person
//! died", not "one of the concerns").
//!
//! # What is counted
//!
//! `counts` is found by shape, without a noun list: after the figure (and its unit), skip
//! "of" with a determiner ("of its", "of the") and quantity words ("more", "other"), then
//! take a run of up to four plain words that stops at punctuation, numbers and function words
//! (prepositions, conjunctions, determiners, pronouns, auxiliaries). The head is the first
//! plural-looking word of the run (ending in -s, or an irregular plural like "people"),
//! extended over a following plural ("police officers"); a singular amount ("one", ordinals)
//! takes the run's first word. "others" after an earlier figure of the same sentence counts
//! what that figure counts ("killing 47 people and wounding 80 others").
//!
//! # Changes
//!
//! "77 attacks ..., up from 21", "down 5% from 200", "rose from 21 to 77", "rose to 77 from
//! 21", "compared with 21", "versus 21". The earlier figure is `from`; the later one `to` is
//! the figure after "to" or else the nearest earlier figure in the sentence (skipping the
//! change amount in "up 5% from"). `direction` comes from the two values when both are known
//! (using `low`/`high` for bounds), else from the cue. The earlier figure inherits `counts`,
//! `kind` and `unit` from the later one when it has none ("21" counts "attacks"), and the
//! other way round.
//!
//! `by` is the figure stating the size of the change between the cue and "from" ("up 5% from
//! 200"); `percentChange` is `(to - from) / from` in percent, or the `by` percentage signed by
//! the direction. A figure right after a change word ("fell 5%", "rose by 30"), after "an
//! increase of", or before a change noun ("a 5% drop") is the size of a change: its `delta` is
//! the direction. "up"/"down" count only before money and percentages ("set up 5 camps").

use crate::lexicon::{month_number, weekday_number};
use crate::numbers::{
    eq_ci, fraction_denominator, in_list, len_initial_bit, len_initial_in, len_initial_table,
    ordinal_suffix_fits, ordinal_word_value, parse_digits, parse_exponent, parse_int, scale_word,
    slash_fraction, suffix_scale, vulgar_fraction, word_value, WordSet,
};
use crate::schema::{Change, Figure, FigureKind, HedgeKind};
use crate::text::{Doc, TokKind};
use std::ops::Range;

#[derive(Debug, Clone, Default)]
pub struct FiguresResult {
    pub figures: Vec<Figure>,
    pub changes: Vec<Change>,
}

/// `dates` and `names` are byte ranges already claimed by date expressions and entity names;
/// numbers inside them are not figures.
pub fn extract(doc: &Doc, dates: &[Range<usize>], names: &[Range<usize>]) -> FiguresResult {
    let claimed = Claimed::new(dates, names);
    let n = doc.tokens.len();
    let mut found: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < n {
        if !may_start_figure(doc, i) {
            i += 1;
            continue;
        }
        let floor = found.last().map_or(0, |f| f.b);
        match figure_at(doc, i, &claimed, floor) {
            Some(f) => {
                i = f.b.max(i + 1);
                found.push(f);
            }
            None => i += 1,
        }
    }
    let mut found = merge_bounds(doc, found);
    // "killing 47 people and wounding 80 others": "others" are more of the same.
    for k in 1..found.len() {
        if found[k]
            .counts
            .as_deref()
            .is_some_and(|c| eq_ci(c, "others"))
        {
            let s = doc.tokens[found[k].a].sentence;
            let prev = &found[k - 1];
            if doc.tokens[prev.a].sentence == s && prev.kind == found[k].kind {
                if let Some(c) = prev.counts.clone().filter(|c| c != "others") {
                    found[k].counts = Some(c);
                }
            }
        }
    }
    let changes = find_changes(doc, &mut found);
    let figures = found
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let ts = doc.text_span(doc.tokens[f.a].start..doc.tokens[f.b - 1].end);
            Figure {
                id: format!("f{}", k + 1),
                start: ts.start,
                end: ts.end,
                text: ts.text,
                numeral: doc.span(f.numeral.clone()),
                kind: f.kind,
                value: f.value,
                low: f.low,
                high: f.high,
                unit: f.unit.map(str::to_string),
                hedge: f.hedge.clone().map(|r| doc.text[r].to_string()),
                hedge_kind: f.hedge_kind,
                counts: f.counts.clone(),
                delta: f.delta.map(str::to_string),
            }
        })
        .collect();
    FiguresResult { figures, changes }
}

/// Two opposite bounds joined by "and"/"but" are one range: "more than 10 and less than 40"
/// is 10 to 40. One pass over neighbours.
fn merge_bounds(doc: &Doc, found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if let Some(p) = out.last_mut() {
            let joined = f.a == p.b + 1
                && is_any(doc, p.b, &["and", "but", ","])
                && same_sentence(doc, p.a, f.a)
                && (p.kind == f.kind && p.unit == f.unit
                    || p.kind == FigureKind::Count && p.unit.is_none())
                && p.value.is_none()
                && f.value.is_none();
            let bounds = match (p.hedge_kind, f.hedge_kind) {
                (Some(HedgeKind::LowerBound), Some(HedgeKind::UpperBound)) => {
                    p.low.zip(f.high).filter(|(l, h)| l < h)
                }
                (Some(HedgeKind::UpperBound), Some(HedgeKind::LowerBound)) => {
                    f.low.zip(p.high).filter(|(l, h)| l < h)
                }
                _ => None,
            };
            if let (true, Some((l, h))) = (joined, bounds) {
                p.kind = f.kind;
                p.unit = f.unit;
                p.low = Some(l);
                p.high = Some(h);
                p.b = f.b;
                p.numeral = p.numeral.start..f.numeral.end;
                p.counts = f.counts.or(p.counts.take());
                p.hedge = None;
                p.hedge_kind = None;
                continue;
            }
        }
        out.push(f);
    }
    out
}

/// Claimed byte ranges, sorted, for overlap tests in O(log n).
struct Claimed(Vec<Range<usize>>);

impl Claimed {
    fn new(a: &[Range<usize>], b: &[Range<usize>]) -> Self {
        let mut v: Vec<Range<usize>> = a
            .iter()
            .chain(b.iter())
            .filter(|r| r.start < r.end)
            .cloned()
            .collect();
        crate::sort::sort_by_key(&mut v, |r| (r.start, r.end));
        // Merge overlaps so that ends are sorted too.
        let mut out: Vec<Range<usize>> = Vec::with_capacity(v.len());
        for r in v {
            match out.last_mut() {
                Some(l) if r.start <= l.end => l.end = l.end.max(r.end),
                _ => out.push(r),
            }
        }
        Claimed(out)
    }

    fn hits(&self, r: Range<usize>) -> bool {
        let k = self.0.partition_point(|c| c.end <= r.start);
        self.0.get(k).is_some_and(|c| c.start < r.end)
    }
}

/// A figure in token terms, before ids are given.
#[derive(Debug, Clone)]
struct Found {
    /// First token (hedge, currency sign, "between"...) and end (exclusive).
    a: usize,
    b: usize,
    kind: FigureKind,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<&'static str>,
    hedge: Option<Range<usize>>,
    hedge_kind: Option<HedgeKind>,
    counts: Option<String>,
    /// Byte range of the number itself (see `Figure::numeral`).
    numeral: Range<usize>,
    delta: Option<&'static str>,
}

impl Found {
    /// One number standing for the figure, for comparing two figures.
    fn rep(&self) -> Option<f64> {
        self.value.or(match (self.low, self.high) {
            (Some(l), Some(h)) => Some((l + h) / 2.0),
            (l, h) => l.or(h),
        })
    }
}

/// What a digits token carries glued to it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Glued {
    None,
    /// "29km", "30C", "5pp".
    Unit(&'static str, FigureKind),
    /// "45-year-old": the time unit.
    Age(&'static str),
    /// "10-15": the high end (scaled like the low end).
    Range(f64),
    /// "30-member": byte range of the noun.
    Noun(usize, usize),
}

/// A numeral as written, before its context is read.
#[derive(Debug, Clone, Copy)]
struct Num {
    a: usize,
    b: usize,
    value: f64,
    vague: Option<(f64, f64)>,
    /// The multiplier written with it ("million"), so that "10 and 15 million" can scale 10.
    scale: f64,
    ordinal: bool,
    /// A share of a whole ("half of"): `value` is in percent.
    share: bool,
    digits: bool,
    glued: Glued,
}

impl Num {
    fn new(a: usize, b: usize, value: f64, digits: bool) -> Num {
        Num {
            a,
            b,
            value,
            vague: None,
            scale: 1.0,
            ordinal: false,
            share: false,
            digits,
            glued: Glued::None,
        }
    }

    /// A plain amount that can be one end of a range.
    fn plain(&self) -> bool {
        !self.ordinal && !self.share && self.vague.is_none() && self.glued == Glued::None
    }
}

// ---------------------------------------------------------------------------------------------
// Token helpers (all bounds-checked).

fn tok<'a>(doc: &Doc<'a>, j: usize) -> &'a str {
    doc.tok_or_empty(j)
}

fn is(doc: &Doc, j: usize, w: &str) -> bool {
    eq_ci(tok(doc, j), w)
}

fn is_any(doc: &Doc, j: usize, ws: &[&str]) -> bool {
    in_list(tok(doc, j), ws)
}

fn kind(doc: &Doc, j: usize) -> Option<TokKind> {
    doc.tokens.get(j).map(|t| t.kind)
}

fn word<'a>(doc: &Doc<'a>, j: usize) -> Option<&'a str> {
    (kind(doc, j) == Some(TokKind::Word)).then(|| doc.tok(j))
}

fn same_sentence(doc: &Doc, a: usize, b: usize) -> bool {
    match (doc.tokens.get(a), doc.tokens.get(b)) {
        (Some(x), Some(y)) => x.sentence == y.sentence,
        _ => false,
    }
}

/// True when token `j` touches the token before it (no space in between).
fn glued(doc: &Doc, j: usize) -> bool {
    doc.tokens.get(j).is_some_and(|t| !t.space_before)
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

fn is_hyphen_tok(t: &str) -> bool {
    matches!(t, "-" | "‐" | "‑")
}

/// Words that end a counted-noun run or can stand before a number without naming it.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    // prepositions
    "in", "on", "at", "of", "for", "with", "from", "to", "by", "about", "into", "onto", "over",
    "under", "after", "before", "during", "since", "across", "among", "between", "against",
    "through", "near", "per", "as", "than", "like", "including", "outside", "inside", "around",
    "without", "within", "toward", "towards", "amid", "despite", "via", "until", "till", "upon",
    "off", "out", "up", "down", "beyond", "behind", "along", "above", "below",
    // conjunctions and relatives
    "and", "or", "but", "nor", "so", "yet", "that", "who", "whom", "which", "whose", "where",
    "when", "while", "because", "if", "though", "although", "whether", "unless",
    // determiners and pronouns
    "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your",
    "each", "every", "all", "both", "some", "any", "no", "another", "other", "such", "they", "he",
    "she", "it", "we", "you", "i", "them", "him", "us", "me", "there", "here",
    // auxiliaries and reporting verbs
    "is", "are", "was", "were", "be", "been", "being", "am", "have", "has", "had", "do", "does",
    "did", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "said",
    "say", "says", "told", "according",
    // adverbs that sit between a number and a verb
    "not", "also", "still", "now", "then", "just", "only", "even", "more", "less", "fewer",
    "already", "again", "ago", "later", "earlier", "each", "alone", "apiece", "total", "nearly",
    "almost", "about", "approximately", "roughly", "around", "some",
];

/// One of [`FUNCTION_WORDS`] (ASCII case ignored), by a [`WordSet`]: asked of the words after
/// and before every numeral, where comparing the 170 words one by one was a tenth of this
/// module's instructions.
fn function_word(w: &str) -> bool {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| WordSet::new(FUNCTION_WORDS)).contains(w)
}

/// Words between a number and its noun that are not the noun: "10 more people".
#[rustfmt::skip]
const QUANTITY_WORDS: &[&str] = &[
    "last", "final", "more", "other", "additional", "further", "extra", "fewer", "less", "such",
    "same",
];

#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "its", "their", "his", "her", "our", "your", "my", "these", "those", "this", "that",
    "all",
];

#[rustfmt::skip]
const TIME_UNITS: &[(&str, &str)] = &[
    ("second", "second"), ("seconds", "second"), ("minute", "minute"), ("minutes", "minute"),
    ("hour", "hour"), ("hours", "hour"), ("day", "day"), ("days", "day"), ("night", "day"),
    ("nights", "day"), ("week", "week"), ("weeks", "week"), ("fortnight", "week"),
    ("month", "month"), ("months", "month"), ("year", "year"), ("years", "year"),
    ("decade", "decade"), ("decades", "decade"), ("century", "century"), ("centuries", "century"),
];

fn time_unit(w: &str) -> Option<&'static str> {
    TIME_UNITS
        .iter()
        .find(|(s, _)| eq_ci(s, w))
        .map(|(_, u)| *u)
}

/// Clock and time-zone words after a number: "9 pm", "0600 GMT".
#[rustfmt::skip]
const CLOCK_WORDS: &[&str] = &[
    "am", "pm", "a.m.", "p.m.", "a.m", "p.m", "o'clock", "o’clock", "gmt", "utc", "et", "est",
    "edt", "pst", "pdt", "cst", "cdt", "bst", "cet", "cest", "hrs", "h",
];

/// Lowercase words that label rather than count: "page 12", "flight 93".
#[rustfmt::skip]
const LABEL_WORDS: &[&str] = &[
    "no", "nos", "number", "page", "pages", "p", "pp", "section", "chapter", "article", "paragraph",
    "clause", "verse", "flight", "gate", "room", "platform", "route", "bus", "line", "level",
    "phase", "stage", "step", "week", "day", "round", "game", "track", "lane", "exit", "seat",
    "row", "box", "unit", "floor", "apartment", "suite", "category", "grade", "size", "version",
    "episode", "season", "volume", "vol", "issue",
];

/// Words before a year that make it a date: "in 2001", "since 2017".
#[rustfmt::skip]
const DATE_CONTEXT: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "of", "during", "before", "after", "between",
    "and", "to", "through", "year", "early", "late", "mid", "circa", "c.", "spring", "summer",
    "autumn", "fall", "winter", "election", "elections", "census", "budget", "fiscal", "the", "'s",
    "’s", "for", "around", "as", "than", "on", "at", "that", "this", "last", "next",
];

// ---------------------------------------------------------------------------------------------
// Reading numerals.

/// The cheap test every token goes through before a numeral is read at it: digits, a word a
/// numeral can start with, or a code glued to digits ("USD115").
#[inline]
fn may_start_figure(doc: &Doc, i: usize) -> bool {
    match kind(doc, i) {
        Some(TokKind::Number) => true,
        Some(TokKind::Word) => {
            let w = doc.tok(i);
            // "a"/"an" (one word in twenty of news text) start a numeral only before the
            // words `read_words` reads after them.
            if eq_ci(w, "a") || eq_ci(w, "an") {
                return word(doc, i + 1).is_some_and(numeral_after_a);
            }
            may_start_numeral(w) || w.as_bytes().get(3).is_some_and(u8::is_ascii_digit)
        }
        _ => false,
    }
}

fn read_num(doc: &Doc, i: usize) -> Option<Num> {
    match kind(doc, i)? {
        TokKind::Number => read_digits(doc, i),
        TokKind::Word => read_words(doc, i).or_else(|| code_glued(doc, i)),
        _ => None,
    }
}

/// "USD115", "EUR2.5": an ISO code glued before the digits, in one token.
fn code_glued(doc: &Doc, i: usize) -> Option<Num> {
    let w = doc.tok(i);
    let (code, digits) = (w.get(..3)?, w.get(3..)?);
    if !digits.starts_with(|c: char| c.is_ascii_digit())
        || !code.bytes().all(|c| c.is_ascii_uppercase())
    {
        return None;
    }
    let c = iso_code(code)?;
    let mut num = Num::new(i, i + 1, parse_digits(digits)?, true);
    num.glued = Glued::Unit(c, FigureKind::Money);
    Some(num)
}

/// Digits, with what is glued to them, and scale words after them ("2.5 million").
fn read_digits(doc: &Doc, i: usize) -> Option<Num> {
    let s = doc.tok(i);
    let b = s.as_bytes();
    let mut k = 0;
    while k < b.len() {
        let c = b[k];
        if c.is_ascii_digit()
            || ((c == b',' || c == b'.') && b.get(k + 1).is_some_and(u8::is_ascii_digit))
        {
            k += 1;
        } else {
            break;
        }
    }
    let (head, rest) = s.split_at(k);
    // "½" on its own.
    if head.is_empty() {
        return fraction_token(s).map(|v| Num::new(i, i + 1, v, true));
    }
    let mut value = parse_digits(head)?;
    let mut a = i;
    // ".08": a leading decimal point glued to the digits, not ending a word.
    if i > 0
        && tok(doc, i - 1) == "."
        && glued(doc, i)
        && !glued(doc, i - 1)
        && head.bytes().all(|c| c.is_ascii_digit())
    {
        value = parse_digits(&format!("0.{head}"))?;
        a = i - 1;
    }
    let mut num = Num::new(a, i + 1, value, true);
    // "1 234 567", "40 000": groups of three digits after a single space.
    if rest.is_empty() && head.len() <= 3 && head.bytes().all(|c| c.is_ascii_digit()) {
        let mut j = i + 1;
        let mut v = value;
        while space_group(doc, j) {
            let t = doc.tok(j);
            let (digits, frac) = t.split_at(3);
            v = v * 1000.0 + parse_digits(digits)?;
            if !frac.is_empty() {
                v += parse_digits(&format!("0{frac}"))?;
            }
            j += 1;
            if !frac.is_empty() {
                break;
            }
        }
        if j > i + 1 {
            num.value = v;
            num.b = j;
            return Some(num);
        }
    }
    if rest.is_empty() {
        // "1.1^23", "2.5^-1": a power written with a caret.
        if let Some((v, b)) = caret_power(doc, i, value) {
            num.value = v;
            num.b = b;
            return Some(num);
        }
        // "2 1/4", "10 ½": a fraction after a space adds to the whole number.
        if kind(doc, i + 1) == Some(TokKind::Number)
            && doc.tokens[i + 1].space_before
            && same_sentence(doc, i, i + 1)
            && head.bytes().all(|c| c.is_ascii_digit())
        {
            if let Some(f) = fraction_token(doc.tok(i + 1)) {
                num.value += f;
                num.b = i + 2;
                return Some(num);
            }
        }
    } else if ordinal_suffix_fits(head, rest) {
        num.ordinal = true;
        return Some(num);
    } else if let Some(f) = fraction_token(s) {
        num.value = f;
        return Some(num);
    } else if let Some(f) = rest
        .chars()
        .next()
        .filter(|_| rest.chars().count() == 1)
        .and_then(vulgar_fraction)
    {
        num.value += f;
        return Some(num);
    } else if let Some(v) = (rest.starts_with(['e', 'E']))
        .then(|| parse_exponent(s))
        .flatten()
    {
        num.value = v;
        return Some(num);
    } else if let Some(v) = exponent_after(doc, i, head, rest) {
        // "12.32e+14", "1.3x10^6", "6.23x10^-4": the exponent in the next tokens.
        num.value = v.0;
        num.b = v.1;
        return Some(num);
    } else if rest == "m" || rest == "t" {
        // "1.8m tall", "100t": metres and tonnes, unless money or a plural noun makes the
        // "m" a million ("$5m", "5m people").
        let money = i > 0 && currency_before(doc, i, 0).is_some();
        let plural = word(doc, i + 1)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase) && plural_like(w));
        if rest == "m" && (money || plural) {
            num.value *= 1e6;
            num.scale = 1e6;
        } else {
            num.glued = Glued::Unit(if rest == "m" { "m" } else { "t" }, FigureKind::Measure);
        }
        return Some(num);
    } else if let Some((sc, hi)) = scaled_range(value, rest) {
        // "5k-20k", "1.5m-2m"
        num.value = tidy(value * sc);
        num.glued = Glued::Range(hi);
    } else if let Some(sc) = suffix_scale(rest) {
        num.value *= sc;
        num.scale = sc;
        return Some(num);
    } else if let Some((u, k)) = glued_unit(rest) {
        // "14.7C/ per share" is cents, not heat.
        if matches!(rest, "C" | "F") && tok(doc, i + 1) == "/" && glued(doc, i + 1) {
            return None;
        }
        num.glued = Glued::Unit(u, k);
        return Some(num);
    } else if let Some(r) = rest.strip_prefix(is_hyphen) {
        if r.starts_with(|c: char| c.is_ascii_digit()) {
            let hi = parse_digits(r)?;
            let year = |h: &str, v: f64| h.len() == 4 && (1800.0..=2100.0).contains(&v);
            let phone = head.len() == 3 && r.len() == 4 && hi % 10.0 != 0.0;
            if year(head, value) || hi <= value || phone || head.starts_with('0') {
                return None;
            }
            num.glued = Glued::Range(hi);
        } else {
            let start = doc.tokens[i].start + k + (rest.len() - r.len());
            num.glued = compound(r, start)?;
            return Some(num);
        }
    } else {
        // "5G", "1990s", "9pm", "737MAX", "9/11", "10:30": not an amount.
        return None;
    }
    // Scale words after the digits: "2.5 million", "30 thousand", "1.2 bn".
    let mut j = i + 1;
    let mut last_scale = 1.0;
    while let Some(w) = word(doc, j) {
        let sc = scale_word(w)
            .or_else(|| {
                in_list(w, &["bn", "mn", "tn", "mln", "bln", "tln", "trn"])
                    .then(|| suffix_scale(w))
                    .flatten()
            })
            // "2.33 k" on its own; "a 10 k race" is kilometres.
            .or_else(|| (is_any(doc, j, &["k"]) && word(doc, j + 1).is_none()).then_some(1e3))
            // "20 M users": metres are a lowercase "m", a capital one is a million.
            .or_else(|| (w == "M").then_some(1e6))
            .or_else(|| {
                in_list(w, &["dozen", "dozens", "dz", "dzs", "doz", "dozs"]).then_some(12.0)
            });
        match sc {
            Some(sc) => {
                num.scale *= sc;
                last_scale = sc;
                j += 1;
            }
            None => break,
        }
    }
    num.value = tidy(num.value * num.scale);
    // "4 thousand 3 hundred and 21": digits with smaller scales, and "and" a number below a
    // hundred after "hundred".
    if num.glued == Glued::None && last_scale > 1.0 {
        loop {
            let and = is(doc, j, "and") && last_scale == 100.0;
            let c = if and { j + 1 } else { j };
            if !same_sentence(doc, i, c) {
                break;
            }
            let piece = match kind(doc, c) {
                Some(TokKind::Number) if doc.tok(c).bytes().all(|b| b.is_ascii_digit()) => {
                    parse_digits(doc.tok(c)).map(|v| (v, c + 1))
                }
                Some(TokKind::Word) if and => word_number(doc, c, false).map(|(v, e, _)| (v, e)),
                _ => None,
            };
            let Some((v, e)) = piece else { break };
            let next_scale = word(doc, e).and_then(scale_word);
            let sc = next_scale.filter(|sc| *sc < last_scale);
            // "3 hundred and 2 hundred" is two numbers.
            if next_scale.is_some() && sc.is_none() || v < 1.0 {
                break;
            }
            match sc {
                Some(sc) if v < 1000.0 && e == c + 1 => {
                    num.value += v * sc;
                    last_scale = sc;
                    j = e + 1;
                }
                None if and && v < 100.0 => {
                    num.value += v;
                    j = e;
                    break;
                }
                _ => break,
            }
        }
    }
    if let Glued::Range(hi) = num.glued {
        num.glued = Glued::Range(tidy(hi * num.scale));
    }
    num.b = j;
    if num.glued == Glued::None {
        if let Some((f, e)) = and_fraction(doc, j) {
            let mut n = with_fraction(doc, num.a, num.value, num.scale, f, e);
            n.digits = true;
            return Some(n);
        }
    }
    Some(num)
}

/// The scale and the (scaled) high end of "5k-20k" from what follows the first digits ("k-20k"),
/// when the high end is the larger.
fn scaled_range(lo: f64, rest: &str) -> Option<(f64, f64)> {
    let (sfx, r) = rest.split_once(is_hyphen)?;
    let sc = suffix_scale(sfx)?;
    let k = r
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(r.len());
    let (digits, sfx2) = r.split_at(k);
    let sc2 = if sfx2.is_empty() {
        sc
    } else {
        suffix_scale(sfx2)?
    };
    let hi = tidy(parse_digits(digits)? * sc2);
    (hi > lo * sc).then_some((sc, hi))
}

/// A product of a decimal and a scale, rounded to 15 significant digits so that "16.4
/// million" is 16,400,000 and not 16,399,999.999999998.
fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let p = 10f64.powi(14 - v.abs().log10().floor() as i32);
    let r = (v * p).round() / p;
    if r.is_finite() {
        r
    } else {
        v
    }
}

/// A power written with a caret and glued signs ("1.1^23", "2.5^-1", "1.1^--23": signs
/// multiply). The exponent is at most two digits, so that the value stays finite and a caret
/// in an identifier or a formula with letters is left alone. Returns the value and end token.
fn caret_power(doc: &Doc, i: usize, base: f64) -> Option<(f64, usize)> {
    if tok(doc, i + 1) != "^" || !glued(doc, i + 1) {
        return None;
    }
    let mut j = i + 2;
    let mut sign = 1;
    while matches!(tok(doc, j), "-" | "−" | "+") && glued(doc, j) && j < i + 5 {
        if tok(doc, j) != "+" {
            sign = -sign;
        }
        j += 1;
    }
    let d = doc.tok(j);
    if kind(doc, j) != Some(TokKind::Number)
        || !glued(doc, j)
        || d.is_empty()
        || d.len() > 2
        || !d.bytes().all(|b| b.is_ascii_digit())
        || (j + 1 < doc.tokens.len()
            && glued(doc, j + 1)
            && kind(doc, j + 1) == Some(TokKind::Word))
    {
        return None;
    }
    let e: i32 = parse_int(d)?;
    let v = base.powi(sign * e);
    (v.is_finite() && v != 0.0).then_some((tidy(v), j + 1))
}

/// An exponent that the tokenizer split off: "12.32e" "+" "14", "1.3x10" "^" "6". Returns the
/// value and the end token.
fn exponent_after(doc: &Doc, i: usize, head: &str, rest: &str) -> Option<(f64, usize)> {
    let m = parse_digits(head)?;
    let power = matches!(rest, "x10" | "×10" | "X10");
    if !(matches!(rest, "e" | "E") || power) {
        return None;
    }
    let mut j = i + 1;
    if power {
        if tok(doc, j) != "^" || !glued(doc, j) {
            return None;
        }
        j += 1;
    }
    let sign = match tok(doc, j) {
        "-" | "−" if glued(doc, j) => -1,
        "+" if glued(doc, j) => 1,
        _ if power => 1,
        _ => return None,
    };
    if matches!(tok(doc, j), "-" | "−" | "+") {
        j += 1;
    }
    let e = doc.tokens.get(j).filter(|t| !t.space_before)?;
    let d = doc.tok(j);
    if e.kind != TokKind::Number
        || d.is_empty()
        || d.len() > 3
        || !d.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let e: i32 = parse_int(d)?;
    let v = if sign < 0 {
        m / 10f64.powi(e)
    } else {
        m * 10f64.powi(e)
    };
    v.is_finite().then_some((v, j + 1))
}

/// The token at `j` when it continues a space-grouped number: exactly three digits (maybe with
/// a decimal part) after a single space.
fn space_group(doc: &Doc, j: usize) -> bool {
    space_group_opt(doc, j).is_some()
}

fn space_group_opt(doc: &Doc, j: usize) -> Option<()> {
    let t = doc.tokens.get(j)?;
    let prev = doc.tokens.get(j.checked_sub(1)?)?;
    if t.kind != TokKind::Number || t.sentence != prev.sentence {
        return None;
    }
    let gap = doc.text.get(prev.end..t.start)?;
    if gap.chars().count() != 1
        || !gap
            .chars()
            .all(|c| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
    {
        return None;
    }
    let s = doc.tok(j);
    let b = s.as_bytes();
    let three = b.len() >= 3 && b[..3].iter().all(u8::is_ascii_digit);
    let tail = s.get(3..)?;
    let frac_ok = tail.is_empty()
        || (tail.len() > 1
            && tail.starts_with('.')
            && tail[1..].bytes().all(|c| c.is_ascii_digit()));
    (three && frac_ok).then_some(())
}

/// A token that is a fraction on its own: "3/4", "½".
fn fraction_token(t: &str) -> Option<f64> {
    let mut cs = t.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        return vulgar_fraction(c);
    }
    slash_fraction(t)
}

/// What follows "45-" or "three-" in one token: "year-old", "km", "member", "day" (a
/// duration: not a figure).
fn compound(r: &str, start: usize) -> Option<Glued> {
    let (w, tail) = r.split_once(is_hyphen).unwrap_or((r, ""));
    if let Some(u) = time_unit(w) {
        let tail = tail.to_ascii_lowercase();
        return (tail == "old" || tail == "olds").then_some(Glued::Age(u));
    }
    if !tail.is_empty() {
        return None;
    }
    if let Some((u, k)) = unit_word(w).or_else(|| glued_unit(w)) {
        return Some(Glued::Unit(u, k));
    }
    // "a 10-pound bag" is a weight; "a five-dollar bill", "one-yen bid" are money.
    if eq_ci(w, "pound") {
        return Some(Glued::Unit("lb", FigureKind::Measure));
    }
    const MONEY: &[(&str, &str)] = &[
        ("dollar", "USD"),
        ("euro", "EUR"),
        ("yen", "JPY"),
        ("yuan", "CNY"),
        ("rupee", "INR"),
        ("ruble", "RUB"),
        ("rouble", "RUB"),
        ("peso", "MXN"),
        ("franc", "CHF"),
        ("cent", "USD"),
        ("penny", "GBP"),
    ];
    if let Some((_, c)) = MONEY.iter().find(|(m, _)| eq_ci(m, w)) {
        return Some(Glued::Unit(c, FigureKind::Money));
    }
    (w.len() > 2 && w.chars().all(|c| c.is_ascii_lowercase()))
        .then_some(Glued::Noun(start, start + w.len()))
}

/// True when the number `n` after an amount of money ("15 dollars 50") is its cents: two
/// digits or words below a hundred, ending the phrase (nothing countable or measured after).
fn bare_cents(doc: &Doc, n: &Num) -> bool {
    let two_digits = !n.digits || tok(doc, n.a).len() == 2;
    let ends = match word(doc, n.b) {
        None => unit_after(doc, n.b, false).is_none() && tok(doc, n.b) != "%",
        Some(w) => in_list(w, &["and", "more", "only"]),
    };
    two_digits && ends
}

/// A unit written right after digits: "29km", "30C", "5pp".
fn glued_unit(s: &str) -> Option<(&'static str, FigureKind)> {
    use FigureKind::*;
    let u = match s {
        "C" | "°C" | "℃" => ("°C", Measure),
        "F" | "°F" | "℉" => ("°F", Measure),
        "pp" | "ppt" => ("pp", Percent),
        "bp" | "bps" => ("bp", Percent),
        "MW" => ("MW", Measure),
        "GW" => ("GW", Measure),
        "kW" => ("kW", Measure),
        "kWh" => ("kWh", Measure),
        "MWh" => ("MWh", Measure),
        _ => {
            let l = s.to_ascii_lowercase();
            let sym = match l.as_str() {
                "km" | "kms" => "km",
                "cm" => "cm",
                "mm" => "mm",
                "mi" => "mi",
                "ft" => "ft",
                "kg" | "kgs" => "kg",
                "mg" => "mg",
                "lb" | "lbs" => "lb",
                "oz" => "oz",
                "ml" => "ml",
                "ha" => "ha",
                "mph" => "mph",
                "kph" | "kmh" | "km/h" => "km/h",
                "km2" | "km²" => "km2",
                "m2" | "m²" => "m2",
                "kmph" => "km/h",
                "dm" => "dm",
                "mcg" | "µg" | "μg" => "µg",
                "kb" => "kB",
                "mb" => "MB",
                "rad" => "rad",
                "gb" => "GB",
                "tb" => "TB",
                _ => {
                    // "115USD", "100元"
                    if let Some((_, c)) = CURRENCY_SIGNS.iter().find(|(x, _)| *x == s) {
                        return Some((c, Money));
                    }
                    return iso_code(s).map(|c| (c, Money));
                }
            };
            (sym, Measure)
        }
    };
    Some(u)
}

/// A unit written as a word after a number: "kilometres", "miles", "tonnes".
fn unit_word(w: &str) -> Option<(&'static str, FigureKind)> {
    #[rustfmt::skip]
    const UNITS: &[(&str, &str)] = &[
        ("kilometer", "km"), ("kilometers", "km"), ("kilometre", "km"), ("kilometres", "km"),
        ("km", "km"), ("kms", "km"), ("meter", "m"), ("meters", "m"), ("metre", "m"),
        ("metres", "m"), ("centimeter", "cm"), ("centimeters", "cm"), ("centimetre", "cm"),
        ("centimetres", "cm"), ("cm", "cm"), ("millimeter", "mm"), ("millimeters", "mm"),
        ("millimetre", "mm"), ("millimetres", "mm"), ("mm", "mm"), ("mile", "mi"), ("miles", "mi"),
        ("foot", "ft"), ("feet", "ft"), ("ft", "ft"), ("inch", "in"), ("inches", "in"),
        ("yard", "yd"), ("yards", "yd"), ("kilogram", "kg"), ("kilograms", "kg"),
        ("kilogramme", "kg"), ("kilogrammes", "kg"), ("kilo", "kg"), ("kilos", "kg"), ("kg", "kg"),
        ("gram", "g"), ("grams", "g"), ("gramme", "g"), ("grammes", "g"), ("milligram", "mg"),
        ("milligrams", "mg"), ("tonne", "t"), ("tonnes", "t"), ("ton", "t"), ("tons", "t"),
        ("lb", "lb"), ("lbs", "lb"), ("ounce", "oz"), ("ounces", "oz"), ("liter", "l"),
        ("liters", "l"), ("litre", "l"), ("litres", "l"), ("milliliter", "ml"),
        ("milliliters", "ml"), ("millilitre", "ml"), ("millilitres", "ml"), ("gallon", "gal"),
        ("gallons", "gal"), ("hectare", "ha"), ("hectares", "ha"), ("acre", "acre"),
        ("acres", "acre"), ("mph", "mph"), ("kph", "km/h"), ("knots", "kn"), ("barrel", "bbl"), ("barrels", "bbl"), ("megawatts", "MW"),
        ("megawatt", "MW"), ("gigawatts", "GW"), ("gigawatt", "GW"), ("kilowatts", "kW"),
        ("kilowatt", "kW"), ("decimeter", "dm"), ("decimeters", "dm"), ("decimetre", "dm"),
        ("decimetres", "dm"), ("dm", "dm"), ("microgram", "µg"), ("micrograms", "µg"),
        ("microgramme", "µg"), ("microgrammes", "µg"), ("µg", "µg"), ("μg", "µg"), ("mcg", "µg"),
        ("tablespoon", "tbsp"), ("tablespoons", "tbsp"), ("tbsp", "tbsp"), ("teaspoon", "tsp"),
        ("teaspoons", "tsp"), ("tsp", "tsp"), ("cup", "cup"), ("cups", "cup"), ("kmph", "km/h"),
        ("byte", "B"), ("bytes", "B"), ("bit", "bit"), ("bits", "bit"), ("kilobyte", "kB"),
        ("kilobytes", "kB"), ("kb", "kB"), ("megabyte", "MB"), ("megabytes", "MB"), ("mb", "MB"),
        ("gigabyte", "GB"), ("gigabytes", "GB"), ("gb", "GB"), ("terabyte", "TB"),
        ("terabytes", "TB"), ("tb", "TB"), ("megabit", "Mbit"), ("megabits", "Mbit"),
        ("gigabit", "Gbit"), ("gigabits", "Gbit"), ("mbps", "Mbit/s"), ("gbps", "Gbit/s"),
        ("kn", "kn"), ("knot", "kn"), ("m", "m"), ("radian", "rad"), ("radians", "rad"),
    ];
    const SHAPES: [u32; 17] = {
        let mut t = [0u32; 17];
        let mut i = 0;
        while i < UNITS.len() {
            let (l, bit) = len_initial_bit(UNITS[i].0);
            t[l] |= bit;
            i += 1;
        }
        t
    };
    if !len_initial_in(&SHAPES, w) {
        return None;
    }
    UNITS
        .iter()
        .find(|(s, _)| eq_ci(s, w))
        .map(|(_, u)| (*u, FigureKind::Measure))
}

/// The words a word numeral can start with (up to a hyphen): number words below a hundred,
/// ordinals, the plural and ordinal scales, "hundred", vague and fraction words, "a", "an".
#[rustfmt::skip]
const NUMERAL_STARTS: [&str; 75] = [
    "a", "an", "billions", "billionth", "dozen", "dozens", "eight", "eighteen", "eighteenth",
    "eighth", "eightieth", "eighty", "eleven", "eleventh", "fifteen", "fifteenth", "fifth",
    "fiftieth", "fifty", "five", "fortieth", "forty", "four", "fourteen", "fourteenth", "fourth",
    "half", "hundred", "hundreds", "hundredth", "millions", "millionth", "naught", "nine",
    "nineteen", "nineteenth", "ninetieth", "ninety", "ninth", "nineth", "nought", "one", "quarter",
    "seven", "seventeen", "seventeenth", "seventh", "seventieth", "seventy", "several", "six",
    "sixteen", "sixteenth", "sixth", "sixtieth", "sixty", "ten", "tens", "tenth", "third",
    "thirteen", "thirteenth", "thirtieth", "thirty", "thousands", "thousandth", "three",
    "trillions", "trillionth", "twelfth", "twelve", "twentieth", "twenty", "two", "zero",
];

/// The (first, second) letters of [`NUMERAL_STARTS`]: bit `c1` of entry `c0`, 26 for no
/// second letter.
const NUMERAL_PAIRS: [u32; 26] = {
    let mut t = [0u32; 26];
    let mut i = 0;
    while i < NUMERAL_STARTS.len() {
        let b = NUMERAL_STARTS[i].as_bytes();
        let c1 = if b.len() > 1 { b[1] - b'a' } else { 26 };
        t[(b[0] - b'a') as usize] |= 1 << c1;
        i += 1;
    }
    t
};

/// The third letters of [`NUMERAL_STARTS`] after their first two: bit `c2` of entry
/// `26 * c0 + c1`, 26 for no third letter. The first two letters pass a quarter of the words
/// of news text ("the", "this", "and", "for", "has": "three", "thirty", "an", "four", "half").
/// Built on first use: as a constant it was 2.7 KB of data in the wasm.
fn numeral_triples() -> &'static [u32; 676] {
    static T: std::sync::OnceLock<[u32; 676]> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut t = [0u32; 676];
        for w in NUMERAL_STARTS {
            if let [c0, c1, rest @ ..] = w.as_bytes() {
                let c2 = rest.first().map_or(26, |c| c - b'a');
                if let Some(m) = t.get_mut(usize::from(c0 - b'a') * 26 + usize::from(c1 - b'a')) {
                    *m |= 1 << c2;
                }
            }
        }
        t
    })
}

/// True when `w` (up to its first hyphen) is a word a word numeral can start with. It runs on
/// every word of the text: one lookup in a [`WordSet`] of [`NUMERAL_STARTS`], whose bitmap
/// of word shapes rejects most words.
fn may_start_numeral(w: &str) -> bool {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    let b = w.as_bytes();
    // Most words are rejected by their first two letters, before the search for a hyphen
    // that the set's own test needs to find the key. A hyphen second ends a one-letter key.
    let c1 = match b.get(1) {
        None | Some(b'-') => 26,
        Some(&c) => (c | 0x20).wrapping_sub(b'a'),
    };
    let c0 = b.first().map_or(26, |&c| (c | 0x20).wrapping_sub(b'a'));
    if c0 < 26 && c1 <= 26 && NUMERAL_PAIRS[usize::from(c0)] & 1 << c1 == 0 {
        return false;
    }
    if c0 < 26 && c1 < 26 {
        let c2 = match b.get(2) {
            None | Some(b'-') => 26,
            Some(&c) => (c | 0x20).wrapping_sub(b'a'),
        };
        let pair = usize::from(c0) * 26 + usize::from(c1);
        if c2 <= 26
            && numeral_triples()
                .get(pair)
                .is_some_and(|m| m & 1 << c2 == 0)
        {
            return false;
        }
    }
    let end = b
        .iter()
        .position(|&c| c == b'-' || c >= 0x80)
        .unwrap_or(b.len());
    // A non-ASCII byte is fine only as the start of a Unicode hyphen ("two‑thirds").
    if end < b.len() && b[end] >= 0x80 && !w[end..].starts_with(['‐', '‑']) {
        return false;
    }
    w.get(..end).is_some_and(|key| {
        SET.get_or_init(|| WordSet::new(&NUMERAL_STARTS))
            .contains(key)
    })
}

/// A word after "a"/"an" that makes a numeral of them: a scale word ("a hundred"), "dozen",
/// "few", or a fraction in the singular ("a third", "a quarter million"). [`read_words`]
/// reads nothing else after them, and [`may_start_figure`] asks this same test.
fn numeral_after_a(nx: &str) -> bool {
    scale_word(nx).is_some()
        || eq_ci(nx, "dozen")
        || eq_ci(nx, "few")
        || matches!(fraction_denominator(nx), Some((_, false)))
}

/// Number words: "forty-eight", "a hundred and five", "two million", "a dozen", vague
/// plurals, "several thousand", fractions of a whole, and ordinal words.
fn read_words(doc: &Doc, i: usize) -> Option<Num> {
    let w = doc.tok(i);
    if !may_start_numeral(w) {
        return None;
    }
    if let Some(num) = vague(doc, i) {
        return Some(num);
    }
    if in_list(w, &["a", "an"]) {
        let nx = word(doc, i + 1).filter(|nx| numeral_after_a(nx))?;
        if scale_word(nx).is_some() || eq_ci(nx, "dozen") {
            let (v, end, scale) = word_number(doc, i + 1, true)?;
            let mut num = Num::new(i, end, v, false);
            num.scale = scale;
            return Some(num);
        }
        if eq_ci(nx, "few") {
            return few_or_several(doc, i, i + 2, 2.0, 5.0);
        }
        if let Some((d, false)) = fraction_denominator(nx) {
            if is(doc, i + 2, "of") && !eq_ci(nx, "half") {
                return Some(share(i, i + 2, 1.0, d));
            }
            // "a quarter million"
            if let Some(sc) = word(doc, i + 2).and_then(scale_word) {
                let mut num = Num::new(i, i + 3, sc / d, false);
                num.scale = sc;
                return Some(num);
            }
            // "a fifth" on its own is a fraction; "a fifth term" is an ordinal (read at the
            // next token), "a half" after "and" belongs to the number before it.
            let prev = i.checked_sub(1).map_or("", |p| tok(doc, p));
            let noun_next = word(doc, i + 2).is_some_and(|w| {
                !function_word(w) && w.chars().next().is_some_and(char::is_lowercase)
            });
            // "below a half." is a fraction; "into a third," may be an ordinal.
            let glued_on = glued(doc, i + 2)
                && !(in_list(nx, &["half", "quarter"])
                    && matches!(tok(doc, i + 2), "." | "," | ";" | ":" | "!" | "?" | ")"));
            if !noun_next && !eq_ci(prev, "and") && !glued_on {
                return Some(Num::new(i, i + 2, 1.0 / d, false));
            }
        }
        return None;
    }
    // "quarter million"
    if eq_ci(w, "quarter") {
        let sc = word(doc, i + 1).and_then(scale_word)?;
        let mut num = Num::new(i, i + 2, sc / 4.0, false);
        num.scale = sc;
        return Some(num);
    }
    if eq_ci(w, "several") {
        return few_or_several(doc, i, i + 1, 3.0, 9.0);
    }
    if eq_ci(w, "half") {
        let prev = i.checked_sub(1).map_or("", |p| tok(doc, p));
        if in_list(
            prev,
            &["the", "a", "first", "second", "and", "last", "latter"],
        ) {
            return None;
        }
        if is_any(doc, i + 1, &["a", "an"]) {
            let sc = word(doc, i + 2)
                .and_then(|w| scale_word(w).or_else(|| eq_ci(w, "dozen").then_some(12.0)));
            if let Some(sc) = sc {
                let mut num = Num::new(i, i + 3, 0.5 * sc, false);
                num.scale = sc;
                return Some(num);
            }
        }
        if is(doc, i + 1, "of") || is_any(doc, i + 1, DETERMINERS) {
            return Some(share(i, i + 1, 1.0, 2.0));
        }
        // "more than half said...", "nearly half voters": after a bound, "half" is a share
        // unless a singular noun makes it a measure ("more than half an hour", "half way").
        let bound_before = in_list(prev, &["than", "nearly", "almost", "about", "roughly"]);
        let share_next = match word(doc, i + 1) {
            None => !is(doc, i + 1, "-") && kind(doc, i + 1) != Some(TokKind::Number),
            Some(nx) => {
                !in_list(nx, &["a", "an"])
                    && (plural_like(nx) || function_word(nx))
                    && scale_word(nx).is_none()
            }
        };
        if bound_before && share_next && same_sentence(doc, i, i + 1) {
            return Some(share(i, i + 1, 1.0, 2.0));
        }
        // "half million"
        if let Some(sc) = word(doc, i + 1).and_then(scale_word) {
            let mut num = Num::new(i, i + 2, 0.5 * sc, false);
            num.scale = sc;
            return Some(num);
        }
        return None;
    }
    // "two-thirds"
    if let Some((a, b)) = w.split_once(is_hyphen) {
        if let (Some(n), Some((d, _))) = (word_value(a), fraction_denominator(b)) {
            if (1.0..10.0).contains(&n) && n < d {
                return Some(share(i, i + 1, n, d));
            }
        }
        // "three-year-old", "five-day"
        if let Some(n) = word_value(a)
            .filter(|v| *v < 100.0 && word_value(w).is_none() && ordinal_word_value(w).is_none())
        {
            let start = doc.tokens[i].start + a.len() + 1;
            // "one-stop", "one-sided" are adjectives, not counts.
            let g = compound(b, start).filter(|g| n != 1.0 || !matches!(g, Glued::Noun(..)));
            if let Some(g) = g {
                let mut num = Num::new(i, i + 1, n, false);
                num.glued = g;
                return Some(num);
            }
            // "forty-eight-year-old"
            if let Some((b1, b2)) = b.split_once(is_hyphen) {
                let n = w.get(..a.len() + 1 + b1.len()).and_then(word_value);
                let start = start + b1.len() + 1;
                if let (Some(n), Some(g)) = (n, compound(b2, start)) {
                    let mut num = Num::new(i, i + 1, n, false);
                    num.glued = g;
                    return Some(num);
                }
            }
            return None;
        }
    }
    if let Some(v) = ordinal_word_value(w) {
        let prev = i.checked_sub(1).map_or("", |p| tok(doc, p));
        let det = in_list(
            prev,
            &[
                "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "every",
                "'s", "’s",
            ],
        );
        // From "eleventh" on, ordinal words do not double as anything else.
        if (v >= 3.0 && det) || v >= 11.0 {
            let mut num = Num::new(i, i + 1, v, false);
            num.ordinal = true;
            return Some(num);
        }
        return None;
    }
    let (v, mut end, scale) = word_number(doc, i, false)?;
    let one_word = end == i + 1;
    // "five - eighths": a fraction written with a spaced hyphen.
    if one_word
        && is_hyphen_tok(tok(doc, end))
        && word(doc, end + 1)
            .and_then(fraction_denominator)
            .is_some_and(|(_, plural)| plural == (v >= 2.0))
    {
        end += 1;
    }
    if let Some(w2) = word(doc, end) {
        // "two thirds (of)", "one eighth", "three quarters billion".
        if let Some((d, plural)) = fraction_denominator(w2) {
            // "one hundredth" before a noun is an ordinal ("the one hundredth anniversary").
            let noun_next = word(doc, end + 1).is_some_and(|w| {
                !function_word(w) && w.chars().next().is_some_and(char::is_lowercase)
            });
            if (plural && v >= 2.0)
                || (!plural && v == 1.0 && one_word && !(noun_next && d >= 100.0))
            {
                if is(doc, end + 1, "of") && one_word && v < d {
                    return Some(share(i, end + 1, v, d));
                }
                if let Some(sc) = word(doc, end + 1).and_then(scale_word) {
                    let mut num = Num::new(i, end + 2, v / d * sc, false);
                    num.scale = sc;
                    return Some(num);
                }
                return Some(Num::new(i, end + 1, v / d, false));
            }
        }
        // "one hundred twenty-fifth", "two hundredth", "three trillionth".
        if let Some(o) = ordinal_word_value(w2) {
            let scale_ord = [1e2, 1e3, 1e6, 1e9, 1e12].contains(&o);
            let tail = if o < 10.0 {
                v % 10.0 == 0.0
            } else {
                v % 100.0 == 0.0
            };
            if (scale_ord && v < 1000.0) || (o < 100.0 && v >= 20.0 && tail) {
                let value = if scale_ord { v * o } else { v + o };
                let mut num = Num::new(i, end + 1, value, false);
                num.ordinal = true;
                return Some(num);
            }
        }
    }
    // "five point five", "two hundred point zero three", "nought point eleven".
    if is(doc, end, "point") {
        let mut digits = String::new();
        let mut j = end + 1;
        while let Some(d) = word(doc, j)
            .filter(|w| !w.contains(is_hyphen))
            .and_then(word_value)
        {
            if d > 9.0 || digits.len() >= 12 {
                break;
            }
            digits.push(char::from(b'0' + d as u8));
            j += 1;
        }
        if digits.is_empty() {
            if let Some(d) = word(doc, j)
                .and_then(word_value)
                .filter(|d| (10.0..100.0).contains(d))
            {
                digits = format!("{}", d as u32);
                j += 1;
            }
        }
        if !digits.is_empty() {
            let frac = parse_digits(&format!("0.{digits}"))?;
            let mut num = Num::new(i, j, v + frac, false);
            num.scale = scale;
            return Some(num);
        }
    }
    // "one and a half", "five and a half million", "3 million and a quarter".
    if let Some((f, e)) = and_fraction(doc, end) {
        return Some(with_fraction(doc, i, v, scale, f, e));
    }
    let mut num = Num::new(i, end, v, false);
    num.scale = scale;
    Some(num)
}

/// "and a half", "and one fourth", "and three fifths" at `j`: the fraction and the end.
fn and_fraction(doc: &Doc, j: usize) -> Option<(f64, usize)> {
    if !is(doc, j, "and") || !same_sentence(doc, j, j + 2) {
        return None;
    }
    let n = tok(doc, j + 1);
    let n = if in_list(n, &["a", "an", "one"]) {
        1.0
    } else {
        // "two and fifty-four hundredths": any whole numerator below the denominator.
        word_value(n).filter(|v| *v >= 2.0 && v.fract() == 0.0)?
    };
    let (d, plural) = word(doc, j + 2).and_then(fraction_denominator)?;
    ((n == 1.0) != plural && n < d).then_some((n / d, j + 3))
}

/// A whole number `v` (with its last big scale) plus the fraction `f` read up to token `e`,
/// then maybe a scale word: "five and a half million" is 5.5 million, "one million and a half"
/// 1.5 million, "one billion and a half million" 1.0005 billion.
fn with_fraction(doc: &Doc, a: usize, v: f64, scale: f64, f: f64, e: usize) -> Num {
    if let Some(s2) = word(doc, e).and_then(scale_word) {
        let value = if scale > s2 { v + f * s2 } else { (v + f) * s2 };
        let mut num = Num::new(a, e + 1, value, false);
        num.scale = s2.max(scale);
        return num;
    }
    let mut num = Num::new(a, e, v + f * scale, false);
    num.scale = scale;
    num
}

fn share(a: usize, b: usize, n: f64, d: f64) -> Num {
    let mut num = Num::new(a, b, n / d * 100.0, false);
    num.share = true;
    num
}

/// "one in five", "two out of three", "1 over 3": a share of a whole, when the first number is
/// below ten, the second is larger and is not a year, a time or a measure ("2 in 10 days" is
/// no share). Larger first numbers stay counts ("534 out of 537 seats").
fn share_of(doc: &Doc, n: &Num) -> Option<Num> {
    // "534 out of 537 seats" counts seats; small numerators read as shares.
    if !n.plain() || !(1.0..10.0).contains(&n.value) || n.value.fract() != 0.0 {
        return None;
    }
    let c = n.b;
    let r = if is(doc, c, "out") && is(doc, c + 1, "of") {
        c + 2
    } else if is_any(doc, c, &["in", "over"]) {
        c + 1
    } else {
        return None;
    };
    if !same_sentence(doc, n.a, r) {
        return None;
    }
    let d = read_num(doc, r).filter(|d| d.plain() && d.value > n.value)?;
    let after = tok(doc, d.b);
    if is_year(doc, &d)
        || time_unit(after).is_some()
        || unit_after(doc, d.b, false).is_some()
        || in_list(after, CLOCK_WORDS)
    {
        return None;
    }
    let mut num = share(n.a, d.b, n.value, d.value);
    num.digits = n.digits;
    Some(num)
}

/// "several thousand" (3-9 x), "a few hundred" (2-5 x): `j` is the first scale word.
fn few_or_several(doc: &Doc, a: usize, mut j: usize, lo: f64, hi: f64) -> Option<Num> {
    let first = j;
    let mut scale = 1.0;
    while let Some(sc) = word(doc, j).and_then(scale_word) {
        scale *= sc;
        j += 1;
    }
    if j == first {
        return None;
    }
    let mut num = Num::new(a, j, 0.0, false);
    num.vague = Some((lo * scale, hi * scale));
    num.scale = scale;
    Some(num)
}

/// Plural scale words as vague amounts: "dozens", "hundreds", "tens of thousands".
fn vague(doc: &Doc, i: usize) -> Option<Num> {
    let w = doc.tok(i);
    let plural_scale = |w: &str| -> Option<f64> {
        let s = w.strip_suffix('s').or_else(|| w.strip_suffix('S'))?;
        scale_word(s)
    };
    let base = if eq_ci(w, "dozens") {
        let mut num = Num::new(i, i + 1, 0.0, false);
        num.vague = Some((24.0, 99.0));
        return Some(num);
    } else if eq_ci(w, "tens") {
        10.0
    } else {
        plural_scale(w)?
    };
    // "tens of thousands", "hundreds of millions"
    if base < 1e3 && is(doc, i + 1, "of") {
        if let Some(s) = word(doc, i + 2)
            .and_then(plural_scale)
            .filter(|s| *s >= 1e3)
        {
            let mut num = Num::new(i, i + 3, 0.0, false);
            num.vague = Some((2.0 * base * s, 10.0 * base * s - 1.0));
            return Some(num);
        }
    }
    if base == 10.0 && !is(doc, i + 1, "of") {
        return None;
    }
    let mut num = Num::new(i, i + 1, 0.0, false);
    num.vague = Some((2.0 * base, 10.0 * base - 1.0));
    Some(num)
}

/// Reads number words from `i`: returns value, end token and the last big scale. With
/// `leading_a`, token `i` is a scale word after "a"/"an" ("a hundred").
fn word_number(doc: &Doc, i: usize, leading_a: bool) -> Option<(f64, usize, f64)> {
    #[derive(PartialEq, Clone, Copy)]
    enum Last {
        Start,
        Small(f64),
        Hundred,
        Big,
    }
    let mut total = 0.0;
    let mut cur: f64 = if leading_a { 1.0 } else { 0.0 };
    let mut last = if leading_a {
        Last::Small(1.0)
    } else {
        Last::Start
    };
    let mut scale = 1.0;
    // What the small number words added since the last scale: "dozen" multiplies only them.
    let mut tail = 0.0;
    let mut j = i;
    let mut end = i;
    loop {
        // "fifty - two": a compound written with a spaced hyphen.
        if let Last::Small(p) = last {
            let unit = word(doc, j + 1)
                .filter(|w| !w.contains(is_hyphen))
                .and_then(word_value)
                .filter(|v| (1.0..10.0).contains(v));
            if let (true, Some(v)) = (
                is_hyphen_tok(tok(doc, j)) && p >= 20.0 && p % 10.0 == 0.0 && p < 100.0,
                unit,
            ) {
                cur += v;
                tail += v;
                last = Last::Small(v);
                j += 2;
                end = j;
                continue;
            }
        }
        let Some(w) = word(doc, j) else { break };
        if let Some(s) = scale_word(w) {
            // "hundred thousand dollars": a bare "hundred" before a larger scale is one
            // hundred; alone it names things ("the Hundred Days").
            let prev = i.checked_sub(1).map_or("", |p| tok(doc, p));
            let bare_hundred = s == 100.0
                && j == i
                && !in_list(prev, &["several", "few", "many", "a", "an", "number", "no"])
                && word_value(&prev.to_lowercase()).is_none()
                && word(doc, j + 1)
                    .and_then(scale_word)
                    .is_some_and(|s2| s2 > 100.0);
            if last == Last::Start && !bare_hundred {
                break;
            }
            if s == 100.0 {
                if last == Last::Hundred {
                    break;
                }
                cur = cur.max(1.0) * 100.0;
                last = Last::Hundred;
            } else if last == Last::Big && cur == 0.0 && s > scale {
                // "three lakh crore", "two thousand million": a scale of scales.
                total *= s;
                scale *= s;
            } else {
                total += cur.max(1.0) * s;
                cur = 0.0;
                scale = s;
                last = Last::Big;
            }
            tail = 0.0;
        } else if in_list(w, &["dozen", "dozens", "dz", "dzs", "doz", "dozs"]) {
            if last == Last::Start && !leading_a {
                break;
            }
            // "three hundred and two dozen" is 300 + 24.
            cur = if tail > 0.0 && tail < cur {
                cur - tail + tail * 12.0
            } else {
                cur.max(1.0) * 12.0
            };
            tail = 0.0;
            last = Last::Hundred;
        } else if let Some(v) = word_value(w) {
            let ok = match last {
                Last::Start | Last::Hundred | Last::Big => true,
                Last::Small(p) => {
                    p >= 20.0 && p % 10.0 == 0.0 && v < 10.0 && !w.contains(is_hyphen) && j > i
                }
            };
            if !ok || (leading_a && j == i) {
                break;
            }
            cur += v;
            tail += v;
            last = Last::Small(v);
        } else if eq_ci(w, "and")
            && matches!(last, Last::Hundred | Last::Big)
            && and_fraction(doc, j).is_none()
            && word(doc, j + 1)
                .and_then(word_value)
                .is_some_and(|v| v < 100.0)
            // "a hundred and two hundred" is two numbers; "two hundred and two thousand" and
            // "a million and three hundred" are one.
            && !word(doc, j + 2).and_then(scale_word).is_some_and(|s| {
                (last == Last::Hundred && s <= 100.0) || (last == Last::Big && s >= scale)
            })
        {
            j += 1;
            continue;
        } else {
            break;
        }
        j += 1;
        end = j;
    }
    (end > i).then_some((total + cur, end, scale))
}

// ---------------------------------------------------------------------------------------------
// Context around a numeral.

const HEDGES: &[(&[&str], HedgeKind)] = {
    use HedgeKind::*;
    &[
        (&["less", "than", "or", "equal", "to"], UpperBound),
        (&["fewer", "than", "or", "equal", "to"], UpperBound),
        (&["more", "than", "or", "equal", "to"], LowerBound),
        (&["greater", "than", "or", "equal", "to"], LowerBound),
        (&["equal", "to", "or", "less", "than"], UpperBound),
        (&["equal", "to", "or", "fewer", "than"], UpperBound),
        (&["equal", "to", "or", "more", "than"], LowerBound),
        (&["equal", "to", "or", "greater", "than"], LowerBound),
        (&["at", "least", "or", "equal", "to"], LowerBound),
        (&["less", "or", "equal", "than"], UpperBound),
        (&["less", "or", "equal", "to"], UpperBound),
        (&["fewer", "or", "equal", "than"], UpperBound),
        (&["smaller", "or", "equal", "than"], UpperBound),
        (&["smaller", "or", "equal", "to"], UpperBound),
        (&["lower", "or", "equal", "than"], UpperBound),
        (&["lower", "or", "equal", "to"], UpperBound),
        (&["more", "or", "equal", "than"], LowerBound),
        (&["greater", "or", "equal", "than"], LowerBound),
        (&["greater", "or", "equal", "to"], LowerBound),
        (&["higher", "or", "equal", "than"], LowerBound),
        (&["higher", "or", "equal", "to"], LowerBound),
        (&["bigger", "or", "equal", "than"], LowerBound),
        (&["bigger", "or", "equal", "to"], LowerBound),
        (&["larger", "or", "equal", "than"], LowerBound),
        (&["larger", "or", "equal", "to"], LowerBound),
        (&["no", "more", "than"], UpperBound),
        (&["not", "more", "than"], UpperBound),
        (&["no", "fewer", "than"], LowerBound),
        (&["no", "less", "than"], LowerBound),
        (&["not", "less", "than"], LowerBound),
        (&["a", "minimum", "of"], LowerBound),
        (&["a", "maximum", "of"], UpperBound),
        (&["in", "excess", "of"], LowerBound),
        (&["as", "many", "as"], UpperBound),
        (&["as", "much", "as"], UpperBound),
        (&["just", "shy", "of"], UpperBound),
        (&["more", "than"], LowerBound),
        (&["greater", "than"], LowerBound),
        (&["higher", "than"], LowerBound),
        (&["fewer", "than"], UpperBound),
        (&["less", "than"], UpperBound),
        (&["lower", "than"], UpperBound),
        (&["larger", "than"], LowerBound),
        (&["bigger", "than"], LowerBound),
        (&["smaller", "than"], UpperBound),
        (&[">", "="], LowerBound),
        (&["<", "="], UpperBound),
        (&["at", "least"], LowerBound),
        (&["at", "most"], UpperBound),
        (&["upwards", "of"], LowerBound),
        (&["up", "to"], UpperBound),
        (&["close", "to"], Approximate),
        (&["equals", "to"], Exact),
        (&["equal", "to"], Exact),
        (&["equaling", "to"], Exact),
        (&["equalling", "to"], Exact),
        (&["an", "estimated"], Approximate),
        (&["over"], LowerBound),
        (&["above"], LowerBound),
        (&["under"], UpperBound),
        (&["below"], UpperBound),
        (&["nearly"], UpperBound),
        (&["almost"], UpperBound),
        (&["about"], Approximate),
        (&["exactly"], Exact),
        (&["precisely"], Exact),
        (&["equals"], Exact),
        (&["equaling"], Exact),
        (&["equalling"], Exact),
        (&["approximately"], Approximate),
        (&["approx"], Approximate),
        (&["around"], Approximate),
        (&["roughly"], Approximate),
        (&["some"], Approximate),
        (&["estimated"], Approximate),
        (&["circa"], Approximate),
        (&["exceed"], LowerBound),
        (&["exceeds"], LowerBound),
        (&["exceeded"], LowerBound),
        (&["exceeding"], LowerBound),
        (&["surpass"], LowerBound),
        (&["surpassed"], LowerBound),
        (&["surpassing"], LowerBound),
        (&["≥"], LowerBound),
        (&["≤"], UpperBound),
        (&[">"], LowerBound),
        (&["<"], UpperBound),
    ]
};

/// The hedge that ends right before token `p`: its first token and kind.
fn hedge_before(doc: &Doc, p: usize, floor: usize) -> Option<(usize, HedgeKind)> {
    // "approx." is written with its dot.
    let end = if p > 0 && tok(doc, p - 1) == "." && is(doc, p.wrapping_sub(2), "approx") {
        p - 1
    } else {
        p
    };
    // Every hedge ends with the token before `end`: compare that first, with all of them at
    // once by (length, first letter).
    const LAST: [u32; 17] = {
        let mut t = [0u32; 17];
        let mut i = 0;
        while i < HEDGES.len() {
            let words = HEDGES[i].0;
            let (l, bit) = len_initial_bit(words[words.len() - 1]);
            t[l] |= bit;
            i += 1;
        }
        t
    };
    let last = end.checked_sub(1).map_or("", |k| tok(doc, k));
    if !len_initial_in(&LAST, last) {
        return None;
    }
    for (words, hk) in HEDGES {
        if !words.last().is_some_and(|w| eq_ci(w, last)) {
            continue;
        }
        let Some(s) = end.checked_sub(words.len()) else {
            continue;
        };
        if s < floor || !same_sentence(doc, s, p) {
            continue;
        }
        if words.iter().enumerate().all(|(k, w)| is(doc, s + k, w)) {
            // "=>30", "<>30": not the comparisons we read.
            if matches!(words[0], ">" | "<")
                && s > floor
                && glued(doc, s)
                && matches!(tok(doc, s - 1), "=" | "<" | ">")
            {
                return None;
            }
            let mut s = s;
            if matches!(hk, HedgeKind::LowerBound | HedgeKind::UpperBound)
                && s > floor
                && is_any(doc, s - 1, &["just", "well", "slightly", "far", "much"])
            {
                s -= 1;
            }
            return Some((s, *hk));
        }
    }
    None
}

#[rustfmt::skip]
const CURRENCY_SIGNS: &[(&str, &str)] = &[
    ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₹", "INR"), ("₩", "KRW"),
    ("₽", "RUB"), ("₺", "TRY"), ("₦", "NGN"), ("₪", "ILS"), ("₡", "CRC"), ("₾", "GEL"),
    ("₭", "LAK"), ("₿", "BTC"), ("元", "CNY"), ("₱", "PHP"), ("₫", "VND"), ("₴", "UAH"),
    ("฿", "THB"), ("₵", "GHS"), ("₸", "KZT"), ("₼", "AZN"),
];

/// Letters glued before `$`: "US$", "A$", "HK$".
#[rustfmt::skip]
const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("US", "USD"), ("U.S.", "USD"), ("U.S", "USD"), ("A", "AUD"), ("AU", "AUD"), ("C", "CAD"), ("CA", "CAD"),
    ("CAN", "CAD"), ("HK", "HKD"), ("NZ", "NZD"), ("S", "SGD"), ("SG", "SGD"), ("NT", "TWD"),
    ("R", "BRL"), ("MX", "MXN"), ("MEX", "MXN"),
];

#[rustfmt::skip]
const ISO_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "INR",
    "PKR", "AFN", "RUB", "BRL", "ZAR", "KRW", "MXN", "SEK", "NOK", "DKK", "PLN", "TRY", "ILS",
    "AED", "SAR", "EGP", "NGN", "KES", "IDR", "THB", "VND", "ARS", "CLP", "COP", "UAH", "IRR",
    "IQD", "TWD", "CZK", "HUF", "MYR", "QAR", "KWD", "BTC",
];

/// An ISO 4217 code, in capitals, or in lowercase ("usd", "rmb") when the code is not also an
/// English word ("cad", "try", "cop", "rub"...).
fn iso_code(w: &str) -> Option<&'static str> {
    const WORDS: &[&str] = &["CAD", "TRY", "COP", "ARS", "ILS", "SAR", "RUB"];
    let b = w.as_bytes();
    if b.len() != 3 {
        return None;
    }
    let c = if b.iter().all(u8::is_ascii_uppercase) {
        ISO_CODES.iter().find(|c| **c == w)?
    } else if b.iter().all(u8::is_ascii_lowercase) {
        ISO_CODES
            .iter()
            .find(|c| eq_ci(c, w) && !WORDS.contains(c))?
    } else {
        return None;
    };
    Some(if *c == "RMB" { "CNY" } else { c })
}

/// A currency sign or code right before token `p`: the ISO code and the first token.
fn currency_before(doc: &Doc, p: usize, floor: usize) -> Option<(&'static str, usize)> {
    let j = p.checked_sub(1).filter(|j| *j >= floor)?;
    let t = tok(doc, j);
    if let Some((_, code)) = CURRENCY_SIGNS.iter().find(|(s, _)| *s == t) {
        if t == "$" && j > floor {
            // "US$", "HK $", "usd$": single letters ("A$", "C$") only glued and capital,
            // since "a $5 bill" is not Australian.
            let pre = tok(doc, j - 1);
            let hit = DOLLAR_PREFIXES.iter().find(|(s, _)| {
                if s.len() == 1 {
                    // "C $" spaced, as in lowercased wire copy ("c $ 16.4 million").
                    (*s == pre && glued(doc, j)) || (*s == "C" && eq_ci(pre, "c"))
                } else {
                    eq_ci(s, pre)
                }
            });
            if let Some((_, c)) = hit {
                return Some((c, j - 1));
            }
            if let Some(c) = iso_code(&pre.to_ascii_uppercase()).filter(|_| glued(doc, j)) {
                return Some((c, j - 1));
            }
        }
        return Some((code, j));
    }
    if let Some(c) = iso_code(t) {
        return Some((c, j));
    }
    // "Rs 500", "Rs. 500"
    if t == "Rs" {
        return Some(("INR", j));
    }
    if t == "." && j > floor && tok(doc, j - 1) == "Rs" {
        return Some(("INR", j - 1));
    }
    None
}

/// A currency written after the amount: "5 million euros", "20 Canadian dollars", "100 USD".
fn currency_after(doc: &Doc, q: usize, scaled: bool) -> Option<(&'static str, usize)> {
    #[rustfmt::skip]
    const WORDS: &[(&str, &str)] = &[
        ("dollar", "USD"), ("dollars", "USD"), ("euro", "EUR"), ("euros", "EUR"), ("pound", "GBP"),
        ("pounds", "GBP"), ("sterling", "GBP"), ("yen", "JPY"), ("yuan", "CNY"),
        ("renminbi", "CNY"), ("rupee", "INR"), ("rupees", "INR"), ("ruble", "RUB"),
        ("rubles", "RUB"), ("rouble", "RUB"), ("roubles", "RUB"), ("franc", "CHF"),
        ("francs", "CHF"), ("peso", "MXN"), ("pesos", "MXN"), ("won", "KRW"), ("afghani", "AFN"),
        ("afghanis", "AFN"), ("lira", "TRY"), ("rand", "ZAR"), ("shekel", "ILS"),
        ("shekels", "ILS"), ("dirham", "AED"), ("dirhams", "AED"), ("riyal", "SAR"),
        ("riyals", "SAR"), ("naira", "NGN"), ("hryvnia", "UAH"), ("hryvnias", "UAH"),
        ("rial", "IRR"), ("rials", "IRR"), ("baht", "THB"), ("rupiah", "IDR"), ("reais", "BRL"),
        ("peseta", "ESP"), ("pesetas", "ESP"), ("guilder", "NLG"), ("guilders", "NLG"),
        ("markka", "FIM"), ("markkaa", "FIM"), ("bitcoin", "BTC"), ("bitcoins", "BTC"),
        ("bucks", "USD"),
    ];
    /// Adjective + currency word: the adjective decides the code.
    #[rustfmt::skip]
    const ADJ: &[(&str, &str, &str)] = &[
        ("us", "dollar", "USD"), ("u.s.", "dollar", "USD"), ("american", "dollar", "USD"),
        ("canadian", "dollar", "CAD"), ("australian", "dollar", "AUD"),
        ("singapore", "dollar", "SGD"), ("taiwan", "dollar", "TWD"), ("taiwanese", "dollar", "TWD"),
        ("zealand", "dollar", "NZD"), ("kong", "dollar", "HKD"), ("pakistani", "rupee", "PKR"),
        ("indian", "rupee", "INR"), ("nepalese", "rupee", "NPR"), ("lankan", "rupee", "LKR"),
        ("mexican", "peso", "MXN"), ("argentine", "peso", "ARS"), ("argentinian", "peso", "ARS"),
        ("philippine", "peso", "PHP"), ("colombian", "peso", "COP"), ("chilean", "peso", "CLP"),
        ("egyptian", "pound", "EGP"), ("british", "pound", "GBP"), ("swiss", "franc", "CHF"),
        ("iraqi", "dinar", "IQD"), ("kuwaiti", "dinar", "KWD"), ("jordanian", "dinar", "JOD"),
        ("iranian", "rial", "IRR"), ("saudi", "riyal", "SAR"), ("chinese", "yuan", "CNY"),
        ("japanese", "yen", "JPY"), ("russian", "ruble", "RUB"), ("turkish", "lira", "TRY"),
        ("south", "rand", "ZAR"), ("finnish", "markka", "FIM"), ("dutch", "guilder", "NLG"),
    ];
    let t = tok(doc, q);
    if let Some(c) = iso_code(t) {
        return Some((c, q + 1));
    }
    // Without a lowercase copy: it runs on the two words after every number.
    let base = |w: &str| -> Option<&'static str> {
        let w = w
            .strip_suffix('s')
            .or_else(|| w.strip_suffix('S'))
            .unwrap_or(w);
        [
            "dollar", "rupee", "peso", "pound", "franc", "dinar", "rial", "yuan", "yen", "ruble",
            "lira", "rand", "markka", "guilder",
        ]
        .into_iter()
        .find(|b| eq_ci(b, w))
    };
    // Up to two adjective words: "Hong Kong dollars", "Canadian dollars".
    for skip in 1..=2 {
        if let Some(b) = word(doc, q + skip).and_then(base) {
            let adj = tok(doc, q + skip - 1);
            if let Some((_, _, c)) = ADJ.iter().find(|(a, bw, _)| eq_ci(a, adj) && *bw == b) {
                return Some((c, q + skip + 1));
            }
        }
    }
    let (_, c) = WORDS.iter().find(|(w, _)| eq_ci(w, t))?;
    // "pounds" is money when scaled ("5 million pounds") or "pounds sterling", else a weight
    // ("lost 25 pounds", "300 pounds of explosives"); "won" is a verb unless scaled.
    let l = t.to_ascii_lowercase();
    if l.starts_with("pound") {
        if is(doc, q + 1, "sterling") {
            return Some((c, q + 2));
        }
        if !scaled || is(doc, q + 1, "of") {
            return None;
        }
    }
    if l == "won" && !scaled {
        return None;
    }
    Some((c, q + 1))
}

/// Degrees of arc rather than of heat: a turning or slanting word just before the number, or an
/// angle or compass word right after "degrees" at `q` ("rotate 90 degrees", "a 45 degrees
/// angle", "30 degrees north").
fn angle_context(doc: &Doc, q: usize) -> bool {
    const BEFORE: &[&str] = &[
        "rotat",
        "turn",
        "tilt",
        "spin",
        "pivot",
        "swivel",
        "inclin",
        "angle",
        "bearing",
        "heading",
        "latitude",
        "longitude",
        "veer",
        "swung",
        "swing",
    ];
    const AFTER: &[&str] = &[
        "angle", "angles", "turn", "turns", "incline", "slope", "tilt", "north", "south", "east",
        "west", "arc", "rotation",
    ];
    let starts = |w: &str| {
        BEFORE.iter().any(|p| {
            w.len() >= p.len() && w.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        })
    };
    let before =
        (q.saturating_sub(4)..q.saturating_sub(1)).any(|j| word(doc, j).is_some_and(starts));
    before || is_any(doc, q + 1, AFTER)
}

/// A temperature scale written out, with the usual misspellings.
fn temperature_word(w: &str) -> Option<&'static str> {
    if in_list(w, &["celsius", "celcius", "centigrade", "centigrate"]) {
        Some("°C")
    } else if in_list(w, &["fahrenheit", "farenheit", "fahrenhiet"]) {
        Some("°F")
    } else {
        None
    }
}

/// Percent, percentage points, currency, measure, temperature and age words after a number.
fn unit_after(doc: &Doc, q: usize, scaled: bool) -> Option<(&'static str, FigureKind, usize)> {
    use FigureKind::*;
    let t = tok(doc, q);
    if !same_sentence(doc, q.wrapping_sub(1), q) {
        return None;
    }
    // "20 (kg)", "20 [kg]": a unit in brackets, as in table headings.
    if let Some(close) = match t {
        "(" => Some(")"),
        "[" => Some("]"),
        "{" => Some("}"),
        "<" => Some(">"),
        _ => None,
    } {
        if let Some((u, k)) = unit_word(tok(doc, q + 1)) {
            if tok(doc, q + 2) == close && glued(doc, q + 1) && glued(doc, q + 2) {
                return Some((u, k, q + 3));
            }
        }
        return None;
    }
    if t == "%" || t == "٪" {
        return Some(("%", Percent, q + 1));
    }
    if in_list(t, &["percent", "percents", "pct", "pc"]) {
        return Some(("%", Percent, q + 1));
    }
    if eq_ci(t, "percentage") && !is_any(doc, q + 1, &["point", "points"]) {
        return Some(("%", Percent, q + 1));
    }
    if in_list(t, &["cent", "cents", "¢"]) {
        return Some(("USD", Money, q + 1));
    }
    if in_list(t, &["pence", "penny", "pennies"]) {
        return Some(("GBP", Money, q + 1));
    }
    // "30 MUSD": a million of the currency, in finance shorthand.
    if t.len() == 4 && t.starts_with('M') {
        if let Some(c) = iso_code(&t[1..]) {
            return Some((c, Money, q + 1));
        }
    }
    // "75 USD million"
    if let Some(c) = iso_code(t) {
        if word(doc, q + 1).and_then(scale_word).is_some() {
            return Some((c, Money, q + 2));
        }
    }
    if let Some(u) = temperature_word(t) {
        return Some((u, Measure, q + 1));
    }
    if in_list(t, &["deg", "degs"]) {
        let e = if tok(doc, q + 1) == "." && glued(doc, q + 1) {
            q + 2
        } else {
            q + 1
        };
        if let Some(u) = temperature_word(tok(doc, e)) {
            return Some((u, Measure, e + 1));
        }
        if in_list(tok(doc, e), &["c", "f"]) {
            let u = if is(doc, e, "c") { "°C" } else { "°F" };
            return Some((u, Measure, e + 1));
        }
        return Some(("°", Measure, e));
    }
    // Ages in clinical shorthand: "87 yo".
    if in_list(t, &["yo", "y/o"]) {
        return Some(("year", Measure, q + 1));
    }
    if eq_ci(t, "per") && is(doc, q + 1, "cent") {
        return Some(("%", Percent, q + 2));
    }
    if eq_ci(t, "percentage") && is_any(doc, q + 1, &["point", "points"]) {
        return Some(("pp", Percent, q + 2));
    }
    if in_list(t, &["pp", "ppt"]) {
        return Some(("pp", Percent, q + 1));
    }
    if eq_ci(t, "basis") && is_any(doc, q + 1, &["point", "points"]) {
        return Some(("bp", Percent, q + 2));
    }
    // "50 €", "10 $ 30 $"; but in "1 $10" the sign is glued to the number after it.
    if let Some((_, c)) = CURRENCY_SIGNS.iter().find(|(s, _)| *s == t) {
        if kind(doc, q + 1) == Some(TokKind::Number) && glued(doc, q + 1) && !glued(doc, q) {
            return None;
        }
        return Some((c, Money, q + 1));
    }
    if let Some((c, e)) = currency_after(doc, q, scaled) {
        return Some((c, Money, e));
    }
    if in_list(t, &["degree", "degrees", "°", "º"]) {
        let n = tok(doc, q + 1);
        if let Some(u) = temperature_word(n) {
            return Some((u, Measure, q + 2));
        }
        if in_list(n, &["c", "f"]) {
            let u = if eq_ci(n, "c") { "°C" } else { "°F" };
            return Some((u, Measure, q + 2));
        }
        if angle_context(doc, q) {
            return Some(("deg", Measure, q + 1));
        }
        return Some(("°", Measure, q + 1));
    }
    if t == "℃" {
        return Some(("°C", Measure, q + 1));
    }
    if t == "℉" {
        return Some(("°F", Measure, q + 1));
    }
    if eq_ci(t, "square") || eq_ci(t, "sq") {
        let e = if tok(doc, q + 1) == "." { q + 2 } else { q + 1 };
        let sym = match unit_word(tok(doc, e)).map(|u| u.0) {
            Some("km") => "km2",
            Some("mi") => "mi2",
            Some("m") => "m2",
            Some("ft") => "ft2",
            _ => return None,
        };
        return Some((sym, Measure, e + 1));
    }
    if t == "km" && tok(doc, q + 1) == "/" && is(doc, q + 2, "h") {
        return Some(("km/h", Measure, q + 3));
    }
    if eq_ci(t, "pounds") || eq_ci(t, "pound") {
        return Some(("lb", Measure, q + 1));
    }
    if eq_ci(t, "metric") && unit_word(tok(doc, q + 1)).is_some_and(|u| u.0 == "t") {
        return Some(("t", Measure, q + 2));
    }
    if eq_ci(t, "cubic") {
        let sym = match unit_word(tok(doc, q + 1)).map(|u| u.0) {
            Some("m") => "m3",
            Some("ft") => "ft3",
            Some("km") => "km3",
            _ => return None,
        };
        return Some((sym, Measure, q + 2));
    }
    if let Some((u, k)) = unit_word(t) {
        // Speeds: "188 miles an hour", "90 kilometres per hour".
        if matches!(u, "mi" | "km")
            && is_any(doc, q + 1, &["per", "an", "a"])
            && is(doc, q + 2, "hour")
        {
            return Some((if u == "mi" { "mph" } else { "km/h" }, Measure, q + 3));
        }
        return Some((u, k, q + 1));
    }
    if let Some((u, k)) = glued_unit(t).filter(|(u, _)| !matches!(*u, "°C" | "°F")) {
        return Some((u, k, q + 1));
    }
    None
}

/// The multiplier a unit read between tokens `q` and `e` carries: cents and pence are
/// hundredths, "MUSD" and "USD million" millions.
fn unit_factor(doc: &Doc, q: usize, e: usize) -> f64 {
    let t = tok(doc, q);
    if in_list(t, &["cent", "cents", "pence", "penny", "pennies", "¢"]) {
        return 0.01;
    }
    if t.len() == 4 && t.starts_with('M') && iso_code(&t[1..]).is_some() {
        return 1e6;
    }
    if e > q + 1 {
        if let Some(sc) = word(doc, e - 1).and_then(scale_word) {
            return sc;
        }
    }
    1.0
}

/// "over" right before the number at `p` is not "more than" after a number ("1 over 3", "won
/// 3 over 2") or as the particle of a phrasal verb ("handed over 30 weapons").
fn over_is_not_a_bound(doc: &Doc, s: usize, p: usize) -> bool {
    #[rustfmt::skip]
    const PARTICLE_VERBS: &[&str] = &[
        "hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning", "take",
        "takes", "took", "taken", "taking", "pass", "passed", "passing", "sign", "signed",
        "signing", "fork", "forked", "cough", "coughed", "hold", "held", "carry", "carried",
    ];
    if p != s + 1 || !is(doc, s, "over") || s == 0 {
        return false;
    }
    let prev = s - 1;
    kind(doc, prev) == Some(TokKind::Number)
        || word(doc, prev).and_then(word_value).is_some()
        || is_any(doc, prev, PARTICLE_VERBS)
}

/// True when a plain 4-digit number in 1800..=2100 is a year here.
fn is_year(doc: &Doc, num: &Num) -> bool {
    let t = tok(doc, num.a);
    if !(num.digits
        && num.b == num.a + 1
        && num.glued == Glued::None
        && t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && (1800.0..=2100.0).contains(&num.value))
    {
        return false;
    }
    let prev = num.a.checked_sub(1).map_or("", |p| tok(doc, p));
    if in_list(prev, DATE_CONTEXT) || month_number(prev).is_some() {
        return true;
    }
    // "1900 people" is a count; "2020 elections" after a date word was caught above.
    let next = word(doc, num.a + 1).unwrap_or("");
    !(next.chars().next().is_some_and(|c| c.is_lowercase()) && plural_like(next))
}

/// Plurals without an -s, and adjectives used as plural nouns ("the dead").
#[rustfmt::skip]
const IRREGULAR_PLURALS: &[&str] = &[
        "people", "men", "women", "children", "police", "personnel", "staff", "cattle", "feet",
        "teeth", "mice", "geese", "crew", "militia", "infantry", "clergy", "livestock", "folk",
        "sheep", "deer", "fish", "aircraft", "data", "media", "youth", "dead", "wounded", "injured",
        "homeless", "elderly", "poor", "faithful",
];

fn plural_like(w: &str) -> bool {
    if in_list(w, IRREGULAR_PLURALS) {
        return true;
    }
    let l = w.len();
    let b = w.as_bytes();
    l > 3
        && matches!(b[l - 1], b's' | b'S')
        && !matches!(b[l - 2], b's' | b'u' | b'i' | b'\'' | b'S' | b'U' | b'I')
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// The head noun after a figure, and whether it follows the number directly.
fn counts_after(doc: &Doc, q: usize, singular: bool) -> Option<(String, bool)> {
    let n = doc.tokens.len();
    let mut j = q;
    let start = q;
    let sent = doc.tokens.get(q.checked_sub(1)?)?.sentence;
    let in_sent = |j: usize| j < n && doc.tokens[j].sentence == sent;
    if is(doc, j, "of") {
        j += 1;
        if is_any(doc, j, DETERMINERS) {
            j += 1;
        }
    }
    let mut skipped = 0;
    while skipped < 2 && in_sent(j) && is_any(doc, j, QUANTITY_WORDS) {
        j += 1;
        skipped += 1;
    }
    let mut run: [usize; 4] = [0; 4];
    let mut len = 0;
    while len < 4 && in_sent(j) {
        let Some(w) = word(doc, j) else { break };
        if function_word(w)
            || !w
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
            || word_value(w).is_some()
            || w.ends_with("ly")
        {
            break;
        }
        run[len] = j;
        len += 1;
        j += 1;
    }
    let run = &run[..len];
    let direct = !is(doc, start, "of");
    if let Some(k) = run.iter().position(|&t| plural_like(tok(doc, t))) {
        let mut k = k;
        while k + 1 < run.len() && plural_like(tok(doc, run[k + 1])) {
            let w = tok(doc, run[k + 1]);
            if !w.ends_with('s') {
                break;
            }
            k += 1;
        }
        return Some((tok(doc, run[k]).to_string(), direct));
    }
    if singular {
        let w = tok(doc, *run.first()?);
        if !w.ends_with("ed") && !w.ends_with("ing") {
            return Some((w.to_string(), direct));
        }
    }
    None
}

/// What a bare count of people harmed counts, read from the verb around it: "107 killed",
/// "238 injured", "killing 107 or more", "wounding 238". News leaves "people" out there; the
/// participle says who is counted. `a` is the figure's first token (with its hedge), `q` the
/// token after it.
fn casualties(doc: &Doc, a: usize, q: usize) -> Option<&'static str> {
    const AFTER: &[&str] = &[
        "killed",
        "dead",
        "injured",
        "wounded",
        "missing",
        "hurt",
        "arrested",
        "detained",
        "displaced",
        "evacuated",
        "rescued",
        "died",
    ];
    const BEFORE: &[(&str, &str)] = &[
        ("killing", "killed"),
        ("killed", "killed"),
        ("wounding", "wounded"),
        ("wounded", "wounded"),
        ("injuring", "injured"),
        ("injured", "injured"),
    ];
    let sentence = doc.tokens.get(a)?.sentence;
    let same = |k: usize| doc.tokens.get(k).is_some_and(|t| t.sentence == sentence);
    if same(q) {
        if let Some(&w) = AFTER.iter().find(|w| is(doc, q, w)) {
            return Some(w);
        }
    }
    let prev = a.checked_sub(1).filter(|&k| same(k))?;
    BEFORE
        .iter()
        .find(|(verb, _)| is(doc, prev, verb))
        .map(|&(_, counted)| counted)
}

/// Reads the figure whose numeral starts at token `i`, if it is one.
/// True when sentence `s` is written in title case ("Bombing Kills 30 in Kabul"), where a
/// capital says nothing about names: short (so asking stays a bounded look), and every word but
/// the function words capitalized.
fn title_case(doc: &Doc, s: usize) -> bool {
    doc.sentences.get(s).is_some_and(|r| {
        if r.len() < 3 || r.len() > 24 {
            return false;
        }
        // Most sentences fail at their first lowercase word, so the function-word list is
        // only consulted for lowercase words.
        let mut capitals = 0;
        for j in r.clone() {
            let Some(w) = word(doc, j) else { continue };
            let Some(&c) = w.as_bytes().first() else {
                continue;
            };
            if c.is_ascii_uppercase() {
                capitals += 1;
            } else if c.is_ascii_lowercase() && !function_word(w) {
                return false;
            }
        }
        capitals >= 2
    })
}

/// A capitalized word that can stand before a count in a headline: a function word ("Rises To
/// 30"), or a verb in -s or -ed ("Bombing Kills 30", "Storm Leaves 3,000 Homeless") that is
/// not one of the plural names that number things ("Windows 10", "News 12").
fn headline_word(w: &str) -> bool {
    const NAMES: &[&str] = &[
        "windows", "news", "series", "games", "olympics", "times", "sports",
    ];
    if function_word(w) {
        return true;
    }
    let b = w.as_bytes();
    let n = b.len();
    let lower = |k: usize| b.get(k).map(u8::to_ascii_lowercase);
    let verb_s =
        n > 3 && lower(n - 1) == Some(b's') && !matches!(lower(n - 2), Some(b's' | b'u' | b'i'));
    let verb_ed = n > 4 && lower(n - 2) == Some(b'e') && lower(n - 1) == Some(b'd');
    (verb_s || verb_ed) && w.bytes().all(|c| c.is_ascii_alphabetic()) && !in_list(w, NAMES)
}

fn figure_at(doc: &Doc, i: usize, claimed: &Claimed, floor: usize) -> Option<Found> {
    let mut num = read_num(doc, i)?;
    if let Some(sh) = share_of(doc, &num) {
        num = sh;
    }
    if num.b <= num.a || claimed.hits(doc.range(num.a, num.b - 1)) {
        return None;
    }
    let before = |j: usize| -> Option<usize> {
        j.checked_sub(1)
            .filter(|p| *p >= floor && same_sentence(doc, *p, i))
    };

    // Look back: minus sign, currency, hedge, range or age opener.
    let mut p = num.a;
    let mut neg = false;
    let mut sign_tok = num.a;
    {
        if let Some(m) = before(p) {
            let t = tok(doc, m);
            let sign = num.digits
                && matches!(t, "-" | "−" | "–")
                && glued(doc, p)
                && (m == 0 || !glued(doc, m) || doc.tokens[m - 1].kind == TokKind::Punct)
                // "75 -300mm" is a range, not minus 300.
                && kind(doc, m.wrapping_sub(1)) != Some(TokKind::Number);
            if sign || eq_ci(t, "minus") || eq_ci(t, "negative") {
                neg = true;
                sign_tok = m;
                p = m;
            }
        }
    }
    let mut currency = None;
    if let Some((c, q)) = currency_before(
        doc,
        p,
        floor.max(doc.sentences[doc.tokens[i].sentence as usize].start),
    ) {
        currency = Some(c);
        p = q;
        if let Some(m) = before(p) {
            if matches!(tok(doc, m), "-" | "−") && !neg && glued(doc, p) {
                neg = true;
                p = m;
            }
        }
    }
    let hedge = hedge_before(doc, p, floor)
        .filter(|(s, _)| same_sentence(doc, *s, i))
        .filter(|(s, _)| !over_is_not_a_bound(doc, *s, p));
    let mut hedge_range = None;
    let p_bare = p;
    if let Some((s, _)) = hedge {
        hedge_range = Some(doc.tokens[s].start..doc.tokens[p - 1].end);
        p = s;
    }
    let opener = before(p).filter(|&m| is_any(doc, m, &["between", "from", "aged", "age", "ages"]));
    let age_opener = opener.is_some_and(|m| is_any(doc, m, &["aged", "age", "ages"]));
    let first_tok = num.a;

    // Not figures: labels, names, dates, times, list markers, phones, years.
    if hedge.is_none() && currency.is_none() && !neg {
        if num.digits && is_year(doc, &num) {
            return None;
        }
        if let Some(m) = first_tok.checked_sub(1) {
            let t = tok(doc, m);
            let sentence_start = doc.is_sentence_initial(m);
            let headline = || {
                (headline_word(t) || in_list(tok(doc, num.b), IRREGULAR_PLURALS))
                    && title_case(doc, doc.tokens[i].sentence as usize)
            };
            if num.digits
                && kind(doc, m) == Some(TokKind::Word)
                && doc.is_capitalized(m)
                && same_sentence(doc, m, i)
                && (!sentence_start || !function_word(t))
                && !headline()
            {
                return None;
            }
            // "Aug. 22", "No. 5", "#3"
            let w = if t == "." {
                m.checked_sub(1).map_or("", |k| tok(doc, k))
            } else {
                t
            };
            if month_number(w).is_some() && doc.is_capitalized(if t == "." { m - 1 } else { m })
                || weekday_number(w).is_some() && w.len() > 3
                || t == "#"
                || (in_list(w, LABEL_WORDS)
                    && w.chars().all(|c| c.is_lowercase() || c == '.')
                    && !in_list(w, &["day", "week"]))
                || (num.digits && in_list(w, &["no", "nos"]) && t == ".")
            {
                return None;
            }
        }
    }
    // Part of an identifier or URL: "q=30", "issn%280024", "v2_10".
    if num.digits
        && first_tok > 0
        && glued(doc, first_tok)
        && matches!(
            tok(doc, first_tok - 1),
            "%" | "=" | "&" | "?" | "_" | "@" | "/" | "\\" | "^"
        )
    {
        return None;
    }
    if tok(doc, num.b) == "%"
        && doc
            .tokens
            .get(num.b + 1)
            .is_some_and(|t| !t.space_before && matches!(t.kind, TokKind::Word | TokKind::Number))
    {
        return None;
    }
    // The second day of "September 8 and 9" or the end of "2003 - 5".
    if let (Some(c), Some(d)) = (first_tok.checked_sub(1), first_tok.checked_sub(2)) {
        let conn = tok(doc, c);
        if num.digits
            && kind(doc, d) == Some(TokKind::Number)
            && in_list(conn, &["and", "to", "-", "–", "through", "or"])
        {
            let before_d = d.checked_sub(1).map_or("", |k| tok(doc, k));
            let d_year = read_num(doc, d).is_some_and(|n| is_year(doc, &n));
            if month_number(before_d).is_some() || (d_year && !in_list(conn, &["and", "or"])) {
                return None;
            }
        }
    }
    let next = tok(doc, num.b);
    if month_number(next).is_some() && doc.is_capitalized(num.b) && next.len() > 2 {
        return None;
    }
    if num.ordinal {
        if kind(doc, num.b) == Some(TokKind::Word) && doc.is_capitalized(num.b) {
            return None;
        }
        if is(doc, num.b, "of") && month_number(tok(doc, num.b + 1)).is_some() {
            return None;
        }
    }
    if num.digits && in_list(next, CLOCK_WORDS) && next != "h" {
        return None;
    }
    if num.digits
        && first_tok > 0
        && tok(doc, first_tok - 1) == "("
        && next == ")"
        && tok(doc, first_tok).len() == 3
        && kind(doc, num.b + 1) == Some(TokKind::Number)
    {
        return None;
    }
    // List marker: "1." or "1)" opening a line.
    if num.digits
        && hedge.is_none()
        && currency.is_none()
        && (first_tok == 0 || doc.tokens[first_tok - 1].line != doc.tokens[first_tok].line)
        && matches!(next, "." | ")")
        && glued(doc, num.b)
        && doc
            .tokens
            .get(num.b + 1)
            .is_some_and(|t| t.line == doc.tokens[first_tok].line)
    {
        return None;
    }

    // Look ahead: range.
    let mut low_high: Option<(f64, f64)> = None;
    // Ends read with their own signs, which the minus before the figure must not flip again.
    let mut signed_range = false;
    let mut last = num;
    if let Glued::Range(hi) = num.glued {
        low_high = Some((num.value, hi));
    } else if num.plain() {
        let c = num.b;
        let conn = tok(doc, c);
        let between = opener.is_some_and(|m| is(doc, m, "between"));
        let change_from = opener.is_some_and(|m| {
            is(doc, m, "from")
                && m > 0
                && (change_cue(tok(doc, m - 1)).is_some()
                    || (m > 1 && change_cue(tok(doc, m - 2)).is_some()))
        });
        let ok_conn = match conn {
            "-" | "–" | "—" | "‐" | "‑" => true,
            _ if eq_ci(conn, "to") => !change_from,
            _ if eq_ci(conn, "and") => between,
            // "10 bln or 10 tln" are two amounts: a range has one scale ("2 or 3 million",
            // "2 million or 3 million").
            _ if eq_ci(conn, "or") => {
                let sc2 = word(doc, c + 2).and_then(|w| scale_word(w).or_else(|| suffix_scale(w)));
                !(num.scale > 1.0 && sc2.is_some_and(|s2| s2 != num.scale))
            }
            "~" => true,
            _ if eq_ci(conn, "through") || eq_ci(conn, "thru") => true,
            _ => false,
        };
        if ok_conn && same_sentence(doc, c, i) {
            let mut r = c + 1;
            // "$10 to $15", "US$10-US$15": the second sign repeats the first.
            if currency.is_some() {
                if CURRENCY_SIGNS.iter().any(|(s, _)| *s == tok(doc, r)) {
                    r += 1;
                } else if tok(doc, r + 1) == "$"
                    && DOLLAR_PREFIXES.iter().any(|(s, _)| *s == tok(doc, r))
                {
                    r += 2;
                }
            }
            // The second end's own sign: "between negative ten and fifteen", "-10 to -5".
            let y_neg = is_any(doc, r, &["minus", "negative"])
                || (matches!(tok(doc, r), "-" | "−") && glued(doc, r + 1) && !glued(doc, r));
            let r = if y_neg { r + 1 } else { r };
            if let Some(y) = read_num(doc, r).filter(|y| y.plain() && y.digits == num.digits) {
                let mut x = num.value;
                if num.scale == 1.0 && y.scale > 1.0 && x < y.value / y.scale {
                    x *= y.scale;
                }
                let years = is_year(doc, &num)
                    || (y.value >= 1800.0
                        && y.value <= 2100.0
                        && tok(doc, y.a).len() == 4
                        && num.value >= 1800.0);
                let ends = if neg || y_neg {
                    let sx = if neg { -x } else { x };
                    let sy = if y_neg { -y.value } else { y.value };
                    // "-5 to -10" is written either way round.
                    (sx != sy && (sx < sy || (neg && y_neg))).then(|| (sx.min(sy), sx.max(sy)))
                } else {
                    (x < y.value).then_some((x, y.value))
                };
                if let (Some(e), false) = (ends, years || claimed.hits(doc.range(y.a, y.b - 1))) {
                    low_high = Some(e);
                    signed_range = neg || y_neg;
                    last = y;
                }
            }
        }
    }
    let mut q = last.b;

    // Units.
    let mut unit: Option<&'static str> = None;
    let mut fkind = FigureKind::Count;
    // Subunits and scales written with the unit: "50 cents" (0.01), "30 MUSD" (1e6).
    let mut factor = 1.0;
    let mut plus = 0.0;
    match last.glued {
        Glued::Unit(u, k) => {
            unit = Some(u);
            fkind = k;
            // "a 12-cent dividend" is 0.12 USD, like "12 cents".
            let sub = tok(doc, last.b.saturating_sub(1)).rsplit(is_hyphen).next();
            if k == FigureKind::Money && sub.is_some_and(|w| in_list(w, &["cent", "penny"])) {
                factor = 0.01;
            }
        }
        Glued::Age(u) => {
            unit = Some(u);
            fkind = FigureKind::Measure;
        }
        _ => {}
    }
    if let Some(c) = currency {
        unit = Some(c);
        fkind = FigureKind::Money;
        // "$5 million USD"
        if iso_code(tok(doc, q)) == Some(c) {
            q += 1;
        }
    } else if unit.is_none() && !num.ordinal && !num.share {
        if let Some((u, k, e)) = unit_after(doc, q, last.scale >= 1e3) {
            unit = Some(u);
            fkind = k;
            factor = unit_factor(doc, q, e);
            q = e;
            // "3 dollars 50 cents", "thirteen dollars and forty-five cents".
            if k == FigureKind::Money && factor == 1.0 {
                let c = if is(doc, q, "and") { q + 1 } else { q };
                if let Some(n) = read_num(doc, c).filter(|n| {
                    n.plain()
                        && n.value < 100.0
                        && n.value.fract() == 0.0
                        && same_sentence(doc, q, n.b - 1)
                }) {
                    if is_any(doc, n.b, &["cent", "cents"]) {
                        plus = n.value / 100.0;
                        q = n.b + 1;
                    } else if bare_cents(doc, &n) {
                        // "15 dollars 50", "17 USD 25": the cents without their name.
                        plus = n.value / 100.0;
                        q = n.b;
                    }
                }
            }
        } else if let Some(tu) = word(doc, q).and_then(time_unit) {
            // Ages: "45 years old", "aged 45"; anything else with a time unit is a duration.
            if is(doc, q + 1, "old") {
                unit = Some(tu);
                fkind = FigureKind::Measure;
                q += 2;
            } else if is(doc, q + 1, "of") && is(doc, q + 2, "age") {
                unit = Some(tu);
                fkind = FigureKind::Measure;
                q += 3;
            } else {
                return None;
            }
        } else if age_opener {
            unit = Some("year");
            fkind = FigureKind::Measure;
        }
    }
    // "10km/hr": a speed written with a slash.
    if matches!(unit, Some("km" | "mi"))
        && tok(doc, q) == "/"
        && glued(doc, q)
        && is_any(doc, q + 1, &["h", "hr"])
    {
        unit = Some(if unit == Some("km") { "km/h" } else { "mph" });
        q += 2;
    }
    // "5 ft 2 in", "6 feet and 2 inches", "7 pounds 6 ounces": the smaller unit adds to the
    // larger one.
    if let (Some((sub, per)), None, false) = (
        match unit {
            Some("ft") => Some(("in", 12.0)),
            Some("lb") => Some(("oz", 16.0)),
            _ => None,
        },
        low_high,
        neg,
    ) {
        let c = if is(doc, q, "and") { q + 1 } else { q };
        if let Some(n) = read_num(doc, c).filter(|n| n.plain() && n.value < per) {
            let e = n.b;
            let end = match unit_after(doc, e, false) {
                Some((u, _, e2)) if u == sub => Some(e2),
                // "in" alone is a preposition unless the phrase ends there.
                _ if sub == "in"
                    && is(doc, e, "in")
                    && match kind(doc, e + 1) {
                        Some(TokKind::Word) => is_any(
                            doc,
                            e + 1,
                            &[
                                "more", "less", "or", "and", "tall", "long", "wide", "high", "deep",
                            ],
                        ),
                        Some(TokKind::Number) => false,
                        _ => true,
                    } =>
                {
                    Some(e + 1)
                }
                _ => None,
            };
            if let Some(e2) = end.filter(|e2| same_sentence(doc, q, e2 - 1)) {
                plus += n.value / per;
                q = e2;
            }
        }
    }
    if num.share {
        fkind = FigureKind::Percent;
        unit = Some("%");
    } else if num.ordinal {
        fkind = FigureKind::Ordinal;
    }
    if matches!(num.glued, Glued::Age(_)) {
        fkind = FigureKind::Measure;
    }

    // Values.
    let (mut value, mut low, mut high) = match (low_high, last.vague.or(num.vague)) {
        (Some((l, h)), _) => (None, Some(l), Some(h)),
        (None, Some((l, h))) => (None, Some(l), Some(h)),
        _ => (Some(num.value), None, None),
    };
    if factor != 1.0 || plus != 0.0 {
        value = value.map(|v| v * factor + plus);
        low = low.map(|v| v * factor);
        high = high.map(|v| v * factor);
    }
    if neg && !signed_range {
        value = value.map(|v| -v);
        let (l, h) = (high.map(|v| -v), low.map(|v| -v));
        low = l;
        high = h;
    }

    // Postfix hedges: "30 or more", "250 or so", "30+".
    // A bound after the number outweighs a vague word before it: "about 500 or more" is at
    // least 500, and the figure starts at the number.
    let mut hedge_kind = hedge.map(|(_, k)| k);
    let approximate = hedge_kind == Some(HedgeKind::Approximate);
    // A comparison left hanging after the number is about it ("200 or greater than", "more
    // than 5000 or equal to"), one followed by a number about that number ("200 or greater
    // than 190").
    let numeral_at = |j: usize| {
        kind(doc, j) == Some(TokKind::Number) || word_value(&tok(doc, j).to_lowercase()).is_some()
    };
    let dangling = |j: usize, word: &str| is(doc, j, word) && !numeral_at(j + 1);
    if matches!(
        hedge_kind,
        Some(HedgeKind::LowerBound | HedgeKind::UpperBound)
    ) && is(doc, q, "or")
        && is(doc, q + 1, "equal")
        && same_sentence(doc, q, q + 1)
        && !(is(doc, q + 2, "to") && numeral_at(q + 3))
    {
        let e = if dangling(q + 2, "to") { q + 3 } else { q + 2 };
        if !numeral_at(e) {
            hedge_range = Some(doc.tokens[q].start..doc.tokens[e - 1].end);
            q = e;
        }
    }
    let exact = hedge_kind == Some(HedgeKind::Exact);
    if (hedge_kind.is_none() || approximate || exact) && fkind != FigureKind::Ordinal {
        let post = if is(doc, q, "and") && is_any(doc, q + 1, &["more", "above", "over"]) {
            Some((HedgeKind::LowerBound, q + 2))
        } else if is(doc, q, "or") {
            let n = tok(doc, q + 1);
            if in_list(n, &["more", "higher", "above", "greater"]) {
                Some(HedgeKind::LowerBound)
            } else if in_list(n, &["fewer", "less", "lower"]) {
                Some(HedgeKind::UpperBound)
            } else if eq_ci(n, "so") {
                Some(HedgeKind::Approximate)
            } else {
                None
            }
            .filter(|_| !(is(doc, q + 2, "than") && numeral_at(q + 3)))
            .map(|k| {
                let ends = !matches!(kind(doc, q + 3), Some(TokKind::Word | TokKind::Number))
                    || !same_sentence(doc, q, q + 3);
                (
                    k,
                    if is(doc, q + 2, "than") && ends {
                        q + 3
                    } else {
                        q + 2
                    },
                )
            })
        } else if tok(doc, q) == "+" && glued(doc, q) {
            Some((HedgeKind::LowerBound, q + 1))
        } else {
            None
        };
        if let Some((k, e)) = post.filter(|(k, _)| !approximate || *k != HedgeKind::Approximate) {
            if same_sentence(doc, q, e - 1) {
                hedge_range = Some(doc.tokens[q].start..doc.tokens[e - 1].end);
                hedge_kind = Some(k);
                q = e;
                if approximate {
                    p = p_bare;
                }
            }
        }
    }
    match hedge_kind {
        Some(HedgeKind::LowerBound) => {
            if value.is_some() {
                low = value.take();
            }
            high = None;
        }
        Some(HedgeKind::UpperBound) => {
            if value.is_some() {
                high = value.take();
            }
            low = None;
        }
        _ => {}
    }

    // What is counted.
    let mut counts = None;
    if matches!(fkind, FigureKind::Count | FigureKind::Ordinal) {
        if let Glued::Noun(s, e) = last.glued {
            counts = doc.text.get(s..e).map(str::to_string);
        } else {
            let singular = num.ordinal || (value == Some(1.0) && low_high.is_none());
            let c = counts_after(doc, q, singular);
            // A lone "one" is a pronoun unless a noun follows right away.
            if !num.digits
                && num.value == 1.0
                && num.b == num.a + 1
                && hedge.is_none()
                && currency.is_none()
                && !neg
                && is(doc, num.a, "one")
            {
                let prev = num.a.checked_sub(1).map_or("", |k| tok(doc, k));
                if !c.as_ref().is_some_and(|(_, direct)| *direct)
                    || in_list(
                        prev,
                        &["no", "the", "any", "every", "each", "this", "that", "which"],
                    )
                {
                    return None;
                }
            }
            counts = c.map(|(w, _)| w);
            if counts.is_none() && fkind == FigureKind::Count {
                counts = casualties(doc, p, q).map(str::to_string);
            }
        }
    }

    let a = opener
        .filter(|_| low_high.is_some() || age_opener)
        .unwrap_or(p);
    let numeral_start = if neg && sign_tok + 1 == num.a {
        doc.tokens[sign_tok].start
    } else {
        doc.tokens[num.a].start
    };
    let numeral = numeral_start..doc.tokens[last.b.max(last.a + 1) - 1].end;
    Some(Found {
        a,
        b: q.max(a + 1),
        kind: fkind,
        value,
        low,
        high,
        unit,
        hedge: hedge_range,
        hedge_kind,
        counts,
        numeral,
        delta: None,
    })
}

// ---------------------------------------------------------------------------------------------
// Changes.

/// Direction a change word states, if it is one: "rose" up, "fell" down.
fn change_cue(w: &str) -> Option<&'static str> {
    #[rustfmt::skip]
    const UP: &[&str] = &[
        "up", "rise", "rises", "rose", "risen", "rising", "increase", "increased", "increases",
        "increasing", "grow", "grew", "grown", "grows", "growing", "jump", "jumped", "jumps",
        "climb", "climbed", "climbs", "soar", "soared", "soars", "surge", "surged", "surges",
        "double", "doubled", "triple", "tripled", "swell", "swelled", "spiked", "rebounded",
        "gained", "gain", "gains", "higher",
    ];
    #[rustfmt::skip]
    const DOWN: &[&str] = &[
        "down", "fall", "falls", "fell", "fallen", "falling", "drop", "dropped", "drops", "decline",
        "declined", "declines", "decrease", "decreased", "decreases", "shrink", "shrank", "shrunk",
        "slump", "slumped", "plunge", "plunged", "plummeted", "dip", "dipped", "tumbled", "slid",
        "sank", "cut", "reduced", "lower", "lost", "eased",
    ];
    // Asked of the words around every figure: most are rejected by their (length, first
    // letter) before the two lists.
    const SHAPES: [u32; 17] = {
        let (up, down) = (len_initial_table(UP), len_initial_table(DOWN));
        let mut t = [0u32; 17];
        let mut i = 0;
        while i < 17 {
            t[i] = up[i] | down[i];
            i += 1;
        }
        t
    };
    if !len_initial_in(&SHAPES, w) {
        None
    } else if in_list(w, UP) {
        Some("up")
    } else if in_list(w, DOWN) {
        Some("down")
    } else {
        None
    }
}

/// Marks figures that are the size of a change: "fell 5%", "rose by 30", "an increase of $3
/// million", "a 5% drop". "up"/"down" count only before money and percentages, since "set up
/// 5 camps" and "shot down 3 drones" use them as particles.
fn mark_deltas(doc: &Doc, found: &mut [Found]) {
    for f in found.iter_mut() {
        if f.kind == FigureKind::Ordinal {
            continue;
        }
        let Some(mut j) = f.a.checked_sub(1) else {
            continue;
        };
        if is(doc, j, "by") {
            j = match j.checked_sub(1) {
                Some(x) => x,
                None => continue,
            };
        }
        let rate = matches!(f.kind, FigureKind::Percent | FigureKind::Money);
        let mut dir = change_cue(tok(doc, j))
            .filter(|_| rate || !is_any(doc, j, &["up", "down", "higher", "lower"]));
        // "an increase of 5%"
        if dir.is_none() && is(doc, j, "of") && j > 0 {
            dir = change_cue(tok(doc, j - 1)).filter(|_| !is_any(doc, j - 1, &["up", "down"]));
        }
        // "a 5% drop"
        if dir.is_none() && rate && word(doc, f.b).is_some() && is_any(doc, f.b, CHANGE_NOUNS) {
            dir = change_cue(tok(doc, f.b));
        }
        if dir.is_some() && same_sentence(doc, j, f.a) {
            f.delta = dir;
        }
    }
}

/// Nouns naming a change, for "a 5% increase".
#[rustfmt::skip]
const CHANGE_NOUNS: &[&str] = &[
    "increase", "rise", "gain", "jump", "drop", "fall", "decline", "decrease", "cut", "dip",
    "surge", "slump", "plunge",
];

fn find_changes(doc: &Doc, found: &mut [Found]) -> Vec<Change> {
    mark_deltas(doc, found);
    let mut out = Vec::new();
    for k in 0..found.len() {
        let fa = found[k].a;
        let Some(from_tok) = fa.checked_sub(1) else {
            continue;
        };
        let sent = doc.tokens[fa].sentence;
        let same = |j: usize| doc.tokens.get(j).is_some_and(|t| t.sentence == sent);
        // Nearest earlier figure in the sentence ending at or before token `end`.
        let prev_fig = |end: usize| -> Option<usize> {
            (0..k).rev().take(4).find(|&m| {
                let f = &found[m];
                f.b <= end && same(f.a) && f.kind != FigureKind::Ordinal
            })
        };
        let mut by: Option<usize> = None;
        let (cue_start, cue_end, dir, to) = if is(doc, from_tok, "from") {
            // Find a change word up to 6 tokens before "from", over a change amount.
            let lo = from_tok.saturating_sub(6);
            let mut cue = None;
            let mut j = from_tok;
            while j > lo {
                j -= 1;
                if !same(j) {
                    break;
                }
                if let Some(d) = change_cue(tok(doc, j)) {
                    cue = Some((j, d));
                    break;
                }
            }
            let Some((c, d)) = cue else { continue };
            // "up 5% from 200": the size of the change sits between the cue and "from".
            by = (0..k).rev().take(3).find(|&m| {
                found[m].a > c && found[m].b <= from_tok && !is(doc, found[m].a - 1, "to")
            });
            // "rose from 21 to 77": the figure after "to".
            let next = found
                .get(k + 1)
                .filter(|g| g.a == found[k].b + 1 && is(doc, found[k].b, "to") && same(g.a));
            let to = if next.is_some() {
                Some(k + 1)
            } else {
                // "rose to 77 from 21": a figure after "to" between cue and "from"; else the
                // figure before the cue ("77 attacks, up 5% from ..." skips "5%").
                let between = (0..k).rev().take(3).find(|&m| {
                    found[m].a > c && found[m].b <= from_tok && is(doc, found[m].a - 1, "to")
                });
                between.or_else(|| prev_fig(c))
            };
            (c, from_tok, Some(d), to)
        } else if is_any(doc, from_tok, &["versus", "vs"])
            || (tok(doc, from_tok) == "." && is(doc, from_tok.wrapping_sub(1), "vs"))
        {
            let c = if tok(doc, from_tok) == "." {
                from_tok - 1
            } else {
                from_tok
            };
            (c, from_tok, None, prev_fig(c))
        } else if is_any(doc, from_tok, &["with", "to"])
            && from_tok > 0
            && is_any(doc, from_tok - 1, &["compared", "comparison", "against"])
        {
            let c = from_tok - 1;
            let c = if from_tok > 1 && is(doc, from_tok - 2, "as") {
                c - 1
            } else {
                c
            };
            (c, from_tok, None, prev_fig(c))
        } else {
            continue;
        };
        let Some(to) = to.filter(|&t| t != k && same(found[t].a)) else {
            continue;
        };
        let by = by.filter(|&m| m != to && m != k);
        // Inherit what the figure compared with says.
        let (from_i, to_i) = (k, to);
        for (dst, src) in [(from_i, to_i), (to_i, from_i)] {
            if found[dst].counts.is_none() && found[dst].kind == FigureKind::Count {
                let (kind, unit, counts) =
                    (found[src].kind, found[src].unit, found[src].counts.clone());
                let d = &mut found[dst];
                if d.unit.is_none()
                    && matches!(
                        kind,
                        FigureKind::Percent | FigureKind::Money | FigureKind::Measure
                    )
                {
                    d.kind = kind;
                    d.unit = unit;
                }
                if d.kind == FigureKind::Count {
                    d.counts = counts;
                }
            }
        }
        let (f, t) = (&found[from_i], &found[to_i]);
        let direction = match (f.rep(), t.rep()) {
            (Some(a), Some(b)) if b > a => Some("up"),
            (Some(a), Some(b)) if b < a => Some("down"),
            _ => dir,
        };
        let Some(direction) = direction else { continue };
        let (difference, ratio) = match (f.value, t.value) {
            (Some(a), Some(b)) => (Some(b - a), (a != 0.0).then(|| b / a)),
            _ => (None, None),
        };
        let sign = if direction == "down" { -1.0 } else { 1.0 };
        let percent_change = ratio.map(|r| (r - 1.0) * 100.0).or_else(|| {
            let b = &found[by?];
            (b.kind == FigureKind::Percent && b.unit == Some("%"))
                .then(|| b.value.map(|v| sign * v.abs()))
                .flatten()
        });
        out.push(Change {
            cue: doc.text_span(doc.tokens[cue_start].start..doc.tokens[cue_end].end),
            from: format!("f{}", from_i + 1),
            to: format!("f{}", to_i + 1),
            direction: direction.to_string(),
            difference,
            ratio,
            by: by.map(|m| format!("f{}", m + 1)),
            percent_change,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> FiguresResult {
        let doc = Doc::new(s);
        extract(&doc, &[], &[])
    }

    fn figs(s: &str) -> Vec<Figure> {
        run(s).figures
    }

    fn one(s: &str) -> Figure {
        let f = figs(s);
        assert_eq!(f.len(), 1, "{s:?} gave {f:#?}");
        f.into_iter().next().unwrap()
    }

    fn texts(s: &str) -> Vec<String> {
        figs(s).into_iter().map(|f| f.text).collect()
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9 * b.abs().max(1.0))
    }

    #[test]
    fn exact_hedges_and_bounds_after_vague_words() {
        let f = one("It hired exactly 100 people.");
        assert_eq!(
            (f.value, f.hedge_kind),
            (Some(100.0), Some(HedgeKind::Exact))
        );
        let f = one("The total equals 20 units.");
        assert_eq!(f.hedge.as_deref(), Some("equals"));
        let f = one("They own about 500 or more homes.");
        assert_eq!(
            (f.low, f.hedge_kind),
            (Some(500.0), Some(HedgeKind::LowerBound))
        );
        assert_eq!(f.text, "500 or more");
        // "=>" is not a comparison we read.
        assert_eq!(one("x =>30").hedge_kind, None);
    }

    #[test]
    fn counts_in_title_case_headlines() {
        for (s, v) in [
            ("Bombing Kills 30 in Capital\n", 30.0),
            ("Storm Leaves 3,000 Homeless\n", 3000.0),
            ("Death Toll Rises To 45\n", 45.0),
            ("Ferry Carried 120 People\n", 120.0),
        ] {
            assert_eq!(one(s).value, Some(v), "{s}");
        }
        // Model numbers stay names, also in headlines.
        for s in [
            "Boeing 737 Crashes Near Airport\n",
            "Company Releases Windows 10\n",
            "The Airbus 380 Lands\n",
        ] {
            assert!(figs(s).is_empty(), "{s}");
        }
        // Outside title case a capital still marks a name.
        assert!(figs("He flew on a Boeing 737 and Kills 30 was a film.").is_empty());
    }

    #[test]
    fn angles_compound_money_and_tidy_scales() {
        assert_eq!(one("Rotate it 90 degrees.").unit.as_deref(), Some("deg"));
        assert_eq!(one("It was 30 degrees outside.").unit.as_deref(), Some("°"));
        let f = one("He held a five-dollar bill.");
        assert_eq!(
            (f.kind, f.unit.as_deref(), f.value),
            (FigureKind::Money, Some("USD"), Some(5.0))
        );
        assert_eq!(one("a 10-pound bag").unit.as_deref(), Some("lb"));
        assert_eq!(one("It cost $16.4 million.").value, Some(16_400_000.0));
        assert_eq!(
            one("They paid 420 million Finnish markka.").unit.as_deref(),
            Some("FIM")
        );
        assert_eq!(one("The weight is 20 (kg)").unit.as_deref(), Some("kg"));
        assert_eq!(one("He killed 20 (mostly men)").kind, FigureKind::Count);
        assert!(figs("It earned 14.7C/ per share").is_empty());
        let f = one("Salaries run 5k-20k.");
        assert_eq!((f.low, f.high), (Some(5000.0), Some(20000.0)));
        let f = figs("We took 1 $10 bill.");
        assert_eq!((f[1].text.as_str(), f[1].value), ("$10", Some(10.0)));
    }

    #[test]
    fn shares_written_as_one_in_five() {
        let f = one("One in five adults had no job.");
        assert_eq!(f.kind, FigureKind::Percent);
        assert!(close(f.value, 20.0));
        let f = one("Nine out of 10 voters agreed.");
        assert!(close(f.value, 90.0));
        // Larger first numbers are counts; times and years are not denominators.
        assert_eq!(figs("They won 534 out of 537 seats.").len(), 2);
        assert_eq!(
            figs("He scored 2 in 10 minutes.")[0].kind,
            FigureKind::Count
        );
        assert!(figs("Only 1 in 2019 was found.")
            .iter()
            .all(|f| f.kind != FigureKind::Percent));
    }

    #[test]
    fn fractions_with_any_ordinal_denominator() {
        assert!(close(one("It moved a hundredth of an inch.").value, 1.0));
        assert!(close(
            one("They paid three twenty-fifths of it.").value,
            12.0
        ));
        let f = one("the one hundredth anniversary");
        assert_eq!(f.kind, FigureKind::Ordinal);
        assert!(close(f.value, 100.0));
        // "second" is never a denominator.
        assert!(figs("It took two seconds.").is_empty());
    }

    #[test]
    fn signs_belong_to_their_own_numbers() {
        let f = one("Temperatures fell to between negative ten and fifteen degrees.");
        assert_eq!((f.low, f.high), (Some(-10.0), Some(15.0)));
        let f = one("Lows were -10 to -5 degrees.");
        assert_eq!((f.low, f.high), (Some(-10.0), Some(-5.0)));
        let f = one("The answer is minus one.");
        assert_eq!(f.value, Some(-1.0));
        // A dash after a number is a range dash, not a minus.
        assert!(figs("a 75 -300mm lens")
            .iter()
            .all(|f| f.value != Some(-300.0)));
    }

    #[test]
    fn compound_amounts() {
        assert_eq!(one("It cost 15 dollars 50.").value, Some(15.5));
        assert_eq!(one("It cost 17 USD 25.").value, Some(17.25));
        assert_eq!(figs("He spent 100 dollars 50 times.")[0].value, Some(100.0));
        assert!(close(one("He is 5 ft 2 in").value, 5.0 + 2.0 / 12.0));
        assert!(close(
            one("He is 6 feet and 2 inches tall.").value,
            6.0 + 2.0 / 12.0
        ));
        assert_eq!(one("She weighed 7 pounds 8 ounces.").value, Some(7.5));
        assert_eq!(one("It holds 3 hundred and 21 seats.").value, Some(321.0));
        assert_eq!(
            one("It holds 4 thousand 3 hundred seats.").value,
            Some(4300.0)
        );
        assert_eq!(one("Fifty - two people came.").value, Some(52.0));
        assert_eq!(one("It is 1.3x10^6 units.").value, Some(1.3e6));
        assert_eq!(one("It is 2^10 units.").value, Some(1024.0));
        assert_eq!(one("It is 4^-1 units.").value, Some(0.25));
        assert_eq!(one("It is 12e+3 units.").value, Some(12e3));
        let f = one("They paid USD115 each.");
        assert_eq!(
            (f.kind, f.unit.as_deref()),
            (FigureKind::Money, Some("USD"))
        );
        let f = one("it was 10 rmb");
        assert_eq!(f.unit.as_deref(), Some("CNY"));
        // Lowercase codes that are words stay words.
        assert!(figs("I try 5 times")
            .iter()
            .all(|f| f.kind == FigureKind::Count));
        assert_eq!(one("a speed of 10km/hr").unit.as_deref(), Some("km/h"));
        let f = one("It is smaller or equal than 100");
        assert_eq!((f.low, f.high), (None, Some(100.0)));
    }

    #[test]
    fn digits_with_separators_and_decimals() {
        let f = one("The storm left 12,500 homes without power.");
        assert_eq!(f.value, Some(12500.0));
        assert_eq!(f.kind, FigureKind::Count);
        assert_eq!(f.counts.as_deref(), Some("homes"));
        assert_eq!(one("Prices rose by 2.5 per cent.").value, Some(2.5));
        assert_eq!(
            one("Die Stadt hat 1.234.567 Einwohner.").value,
            Some(1234567.0)
        );
        assert_eq!(one("A tax of 1.234,5 applies.").value, Some(1234.5));
    }

    #[test]
    fn scale_words_and_suffixes() {
        let f = one("The region has 2.5 million residents.");
        assert_eq!(f.value, Some(2.5e6));
        assert_eq!(f.text, "2.5 million");
        assert_eq!(f.counts.as_deref(), Some("residents"));
        let f = one("The firm paid $1.2bn for the site.");
        assert_eq!(f.value, Some(1.2e9));
        assert_eq!(f.unit.as_deref(), Some("USD"));
        assert_eq!(f.kind, FigureKind::Money);
        assert_eq!(f.text, "$1.2bn");
    }

    #[test]
    fn number_words() {
        let f = one("Forty-eight sailors were rescued.");
        assert_eq!(f.value, Some(48.0));
        assert_eq!(f.counts.as_deref(), Some("sailors"));
        let f = one("They counted a hundred and five boats.");
        assert_eq!(f.value, Some(105.0));
        assert_eq!(f.text, "a hundred and five");
        assert_eq!(one("A dozen houses burned.").value, Some(12.0));
        assert_eq!(one("Two million voters turned out.").value, Some(2e6));
        assert_eq!(one("Police found twenty one bags.").value, Some(21.0));
        assert_eq!(one("Officers seized two dozen rifles.").value, Some(24.0));
        assert_eq!(one("Officers seized 3 dozen rifles.").value, Some(36.0));
        assert_eq!(one("Officers seized half a dozen rifles.").value, Some(6.0));
        assert_eq!(
            one("Officers seized one hundred and two dozen rifles.").value,
            Some(124.0)
        );
        assert_eq!(
            one("The budget is three lakh crore rupees.").value,
            Some(3e12)
        );
        let f = one("Nearly half said no.");
        assert_eq!((f.kind, f.high), (FigureKind::Percent, Some(50.0)));
        assert!(figs("It took more than half an hour.").is_empty());
        assert_eq!(
            one("The fund holds two hundred and two thousand shares.").value,
            Some(202000.0)
        );
        assert_eq!(
            texts("between a hundred and two hundred ships"),
            vec!["between a hundred and two hundred"]
        );
        assert_eq!(one("The rate is .08 now.").value, Some(0.08));
        assert_eq!(one("It fell by minus five percent.").value, Some(-5.0));
    }

    #[test]
    fn vague_amounts() {
        let f = one("Dozens of protesters gathered.");
        assert_eq!((f.low, f.high, f.value), (Some(24.0), Some(99.0), None));
        assert_eq!(f.counts.as_deref(), Some("protesters"));
        let f = one("Hundreds fled the town.");
        assert_eq!((f.low, f.high), (Some(200.0), Some(999.0)));
        let f = one("Tens of thousands of fans marched.");
        assert_eq!((f.low, f.high), (Some(20000.0), Some(99999.0)));
        assert_eq!(f.counts.as_deref(), Some("fans"));
        let f = one("The flood displaced hundreds of thousands of families.");
        assert_eq!((f.low, f.high), (Some(200000.0), Some(999999.0)));
        let f = one("They hired several thousand workers.");
        assert_eq!((f.low, f.high), (Some(3000.0), Some(9000.0)));
        assert_eq!(f.counts.as_deref(), Some("workers"));
        let f = one("Only a few hundred tickets remain.");
        assert_eq!((f.low, f.high), (Some(200.0), Some(500.0)));
        let f = one("Thousands of birds died.");
        assert_eq!((f.low, f.high), (Some(2000.0), Some(9999.0)));
    }

    #[test]
    fn fractions_are_shares() {
        let f = one("Half of the staff quit.");
        assert_eq!((f.kind, f.value), (FigureKind::Percent, Some(50.0)));
        let f = one("A third of the budget went to roads.");
        assert!((f.value.unwrap() - 33.333).abs() < 0.01);
        let f = one("Two-thirds of voters agreed.");
        assert!((f.value.unwrap() - 66.667).abs() < 0.01);
        assert_eq!(one("The city lost half a million trees.").value, Some(5e5));
        assert!(figs("He scored in the second half of the match.").is_empty());
    }

    #[test]
    fn negatives() {
        let f = one("The index closed at -3.5 on Friday.");
        assert_eq!(f.value, Some(-3.5));
        let f = one("Temperatures fell to minus 20 degrees Celsius.");
        assert_eq!(f.value, Some(-20.0));
        assert_eq!(f.unit.as_deref(), Some("°C"));
    }

    #[test]
    fn lower_bounds() {
        for (s, h) in [
            ("More than 300 homes were lost.", "More than"),
            ("They arrested over 40 suspects.", "over"),
            ("At least 12 workers were hurt.", "At least"),
            ("Upwards of 500 fans waited.", "Upwards of"),
            ("Temperatures stayed above 30 degrees.", "above"),
        ] {
            let f = one(s);
            assert_eq!(f.hedge.as_deref(), Some(h), "{s}");
            assert_eq!(f.hedge_kind, Some(HedgeKind::LowerBound), "{s}");
            assert!(
                f.low.is_some() && f.high.is_none() && f.value.is_none(),
                "{s}"
            );
        }
        let f = one("The score was 70 or higher than that.");
        assert_eq!((f.text.as_str(), f.low), ("70 or higher", Some(70.0)));
        let f = one("The score was 70 or higher than.");
        assert_eq!((f.text.as_str(), f.low), ("70 or higher than", Some(70.0)));
        let f = one("The score was at most 70 or equal.");
        assert_eq!(
            (f.text.as_str(), f.high),
            ("at most 70 or equal", Some(70.0))
        );
        let f = one("The score was equal to 70 or more.");
        assert_eq!((f.value, f.low), (None, Some(70.0)));
        let f = one("The fire destroyed 40 or more houses.");
        assert_eq!((f.hedge.as_deref(), f.low), (Some("or more"), Some(40.0)));
        assert_eq!(f.counts.as_deref(), Some("houses"));
    }

    #[test]
    fn upper_bounds() {
        for s in [
            "Fewer than 20 people came.",
            "It costs less than 20 dollars.",
            "Children under 20 travel free.",
            "The hall holds up to 20 guests.",
            "As many as 20 boats sank.",
            "Nearly 20 trucks were seized.",
            "Almost 20 villages flooded.",
            "Just under 20 teams entered.",
            "No more than 20 visitors may enter.",
        ] {
            let f = one(s);
            assert_eq!(f.hedge_kind, Some(HedgeKind::UpperBound), "{s}");
            assert_eq!((f.value, f.low, f.high), (None, None, Some(20.0)), "{s}");
        }
        assert_eq!(
            one("Just under 20 teams entered.").hedge.as_deref(),
            Some("Just under")
        );
        assert_eq!(
            one("No more than 20 visitors may enter.").hedge.as_deref(),
            Some("No more than")
        );
    }

    #[test]
    fn approximations() {
        for (s, h) in [
            ("About 60 cars were damaged.", "About"),
            ("Approximately 60 cars were damaged.", "Approximately"),
            ("Around 60 cars were damaged.", "Around"),
            ("Some 60 cars were damaged.", "Some"),
            ("Roughly 60 cars were damaged.", "Roughly"),
            ("An estimated 60 cars were damaged.", "An estimated"),
            ("Close to 60 cars were damaged.", "Close to"),
        ] {
            let f = one(s);
            assert_eq!(f.hedge.as_deref(), Some(h), "{s}");
            assert_eq!(f.hedge_kind, Some(HedgeKind::Approximate), "{s}");
            assert_eq!(f.value, Some(60.0), "{s}");
            assert_eq!(f.counts.as_deref(), Some("cars"), "{s}");
        }
    }

    #[test]
    fn ranges() {
        for s in [
            "Between 10 and 15 ships docked.",
            "Officials expect 10-15 ships.",
            "Officials expect 10 to 15 ships.",
            "Each crew has from 10 to 15 ships.",
            "Officials expect 10–15 ships.",
        ] {
            let f = one(s);
            assert_eq!(
                (f.value, f.low, f.high),
                (None, Some(10.0), Some(15.0)),
                "{s}"
            );
            assert_eq!(f.counts.as_deref(), Some("ships"), "{s}");
        }
        let f = one("It will cost between $10 and $15 million.");
        assert_eq!((f.low, f.high), (Some(10e6), Some(15e6)));
        assert_eq!(f.unit.as_deref(), Some("USD"));
        let f = one("Two or three men were seen.");
        assert_eq!((f.low, f.high), (Some(2.0), Some(3.0)));
        assert_eq!(f.counts.as_deref(), Some("men"));
        let f = one("Support stands at 40-45%.");
        assert_eq!(
            (f.low, f.high, f.kind),
            (Some(40.0), Some(45.0), FigureKind::Percent)
        );
        // A score and a span of years are not ranges.
        assert!(figs("They won 3-2 at home.").is_empty());
        assert!(figs("He served from 2009 to 2017.").is_empty());
    }

    #[test]
    fn percents() {
        for s in [
            "Turnout was 61%.",
            "Turnout was 61 percent.",
            "Turnout was 61 per cent.",
        ] {
            let f = one(s);
            assert_eq!(
                (f.kind, f.value, f.unit.as_deref()),
                (FigureKind::Percent, Some(61.0), Some("%")),
                "{s}"
            );
        }
        let f = one("Support fell 3 percentage points.");
        assert_eq!(f.unit.as_deref(), Some("pp"));
        assert_eq!(one("Support fell 3pp.").unit.as_deref(), Some("pp"));
    }

    #[test]
    fn money() {
        let cases = [
            ("The deal is worth $2.5 billion.", 2.5e9, "USD"),
            ("It raised US$40 million.", 4e7, "USD"),
            ("Fines reached €300,000.", 3e5, "EUR"),
            ("He was paid £45,000 a year.", 45000.0, "GBP"),
            ("The budget is ¥500 billion.", 5e11, "JPY"),
            ("The bill came to 50 euros.", 50.0, "EUR"),
            ("The bill came to 50 € in total.", 50.0, "EUR"),
            ("She owes 2 million pounds.", 2e6, "GBP"),
            ("She owes 200 pounds sterling.", 200.0, "GBP"),
            ("They lost 3 million dollars.", 3e6, "USD"),
            ("The fee is 20 Canadian dollars.", 20.0, "CAD"),
            ("The loan is USD 5 million.", 5e6, "USD"),
            ("The loan is 5 million EUR.", 5e6, "EUR"),
            ("The yen fell to 150 yen per dollar.", 150.0, "JPY"),
        ];
        for (s, v, u) in cases {
            let f = one(s);
            assert_eq!(f.kind, FigureKind::Money, "{s}");
            assert_eq!(f.value, Some(v), "{s}");
            assert_eq!(f.unit.as_deref(), Some(u), "{s}");
            assert_eq!(f.counts, None, "{s}");
        }
        let f = one("It holds 300 pounds of explosives.");
        assert_eq!(
            (f.kind, f.unit.as_deref()),
            (FigureKind::Measure, Some("lb"))
        );
    }

    #[test]
    fn measures_ages_temperatures() {
        let cases = [
            ("The convoy drove 40 km north.", "km"),
            ("The convoy drove 40km north.", "km"),
            ("The convoy drove 40 miles north.", "mi"),
            ("They seized 40 kilograms of heroin.", "kg"),
            ("The ship carried 40,000 tonnes of grain.", "t"),
            ("The wall is 40 feet high.", "ft"),
            ("The tower is 40 metres tall.", "m"),
            ("A 40-mile stretch was closed.", "mi"),
            ("It burned 40 square kilometres of forest.", "km2"),
            ("Winds reached 40 mph.", "mph"),
            ("Winds reached 40 miles an hour.", "mph"),
            ("He lost 40 pounds.", "lb"),
            ("They shipped 40 metric tons of rice.", "t"),
            ("Output rose to 40 barrels a day.", "bbl"),
            ("It hit 40 degrees Celsius.", "°C"),
            ("It hit 104 degrees Fahrenheit.", "°F"),
            ("It hit 40C on Tuesday.", "°C"),
        ];
        for (s, u) in cases {
            let f = one(s);
            assert_eq!(f.kind, FigureKind::Measure, "{s}");
            assert_eq!(f.unit.as_deref(), Some(u), "{s}");
        }
        for s in [
            "A man aged 45 was arrested.",
            "A 45-year-old man was arrested.",
            "The man, 45 years old, was arrested.",
            "A forty-five-year-old man was arrested.",
        ] {
            let f = one(s);
            assert_eq!(
                (f.kind, f.value, f.unit.as_deref()),
                (FigureKind::Measure, Some(45.0), Some("year")),
                "{s}"
            );
        }
    }

    #[test]
    fn counted_nouns() {
        let c = |s: &str| one(s).counts;
        assert_eq!(
            c("Rebels carried out nearly 90 raids on villages.").as_deref(),
            Some("raids")
        );
        assert_eq!(
            c("The army lost 12 of its best pilots in May.").as_deref(),
            Some("pilots")
        );
        assert_eq!(
            c("Some 300 police officers were deployed.").as_deref(),
            Some("officers")
        );
        assert_eq!(
            c("Some 30 armed men stormed the bank.").as_deref(),
            Some("men")
        );
        assert_eq!(
            c("Officials said 14 people died.").as_deref(),
            Some("people")
        );
        assert_eq!(
            c("The plant hired 10 more engineers.").as_deref(),
            Some("engineers")
        );
        assert_eq!(c("One soldier was hurt.").as_deref(), Some("soldier"));
        assert_eq!(c("It has one last chance.").as_deref(), Some("chance"));
        assert_eq!(
            c("It was the third time this year.").as_deref(),
            Some("time")
        );
        assert_eq!(
            c("A 12-member panel will decide.").as_deref(),
            Some("member")
        );
        assert_eq!(c("The total reached 40 by noon."), None);
    }

    #[test]
    fn changes() {
        let r = run("Police recorded 77 burglaries in March, up from 21 a year earlier.");
        assert_eq!(r.figures.len(), 2);
        assert_eq!(r.figures[1].counts.as_deref(), Some("burglaries"));
        let c = &r.changes[0];
        assert_eq!(
            (c.from.as_str(), c.to.as_str(), c.direction.as_str()),
            ("f2", "f1", "up")
        );
        assert_eq!(c.cue.text, "up from");
        assert_eq!(c.difference, Some(56.0));
        assert!((c.ratio.unwrap() - 77.0 / 21.0).abs() < 1e-9);

        let r = run("Exports fell from 900 tonnes to 600 tonnes.");
        let c = &r.changes[0];
        assert_eq!(
            (c.from.as_str(), c.to.as_str(), c.direction.as_str()),
            ("f1", "f2", "down")
        );
        assert_eq!(c.cue.text, "fell from");
        assert_eq!(r.figures.len(), 2);

        let r = run("Unemployment rose to 7% from 5% last year.");
        let c = &r.changes[0];
        assert_eq!(
            (c.from.as_str(), c.to.as_str(), c.direction.as_str()),
            ("f2", "f1", "up")
        );

        let r = run("Sales reached 500 cars, down 5% from 530.");
        assert_eq!(r.figures.len(), 3);
        let c = &r.changes[0];
        assert_eq!(
            (c.from.as_str(), c.to.as_str(), c.direction.as_str()),
            ("f3", "f1", "down")
        );
        assert_eq!(r.figures[2].counts.as_deref(), Some("cars"));

        let r = run("The school has 300 pupils, compared with 250 last year.");
        let c = &r.changes[0];
        assert_eq!(
            (c.from.as_str(), c.to.as_str(), c.cue.text.as_str()),
            ("f2", "f1", "compared with")
        );
        assert_eq!(r.figures[1].counts.as_deref(), Some("pupils"));

        let r = run("Inflation hit 9%, up from 4.");
        assert_eq!(r.figures[1].unit.as_deref(), Some("%"));
    }

    #[test]
    fn years_times_dates_are_not_figures() {
        assert!(figs("The war began in 2001 and ended in 2021.").is_empty());
        assert!(figs("Attacks have risen since 2017.").is_empty());
        assert!(figs("The same period in 2020.. was calm").is_empty());
        assert!(figs("The 2020 election was close.").is_empty());
        assert!(figs("Talks start at 10:30 on Monday.").is_empty());
        assert!(figs("Talks start at 9 pm and end at 11pm.").is_empty());
        assert!(figs("Talks start at 9 a.m. sharp.").is_empty());
        assert!(figs("The 9/11 attacks shook the world.").is_empty());
        assert!(figs("The law took effect on 3/4/2021.").is_empty());
        assert!(figs("The law took effect on 2021-03-04.").is_empty());
        assert!(figs("He arrived on Aug. 22 and left on 25 August.").is_empty());
        assert!(figs("He arrived on November 17, 2019, by train.").is_empty());
        assert!(figs("Music of the 1990s returned.").is_empty());
        assert!(figs("The group was founded three years ago.").is_empty());
        assert!(figs("The truce lasted 10 days.").is_empty());
        assert!(figs("A 10-day truce began.").is_empty());
        assert!(figs("Call 555-1234 for tickets.").is_empty());
        assert!(figs("See example.com/search?q=30%25%20x&n=5 now").is_empty());
        // A hedged or plural-noun 4-digit number is still a count.
        assert_eq!(one("More than 2000 people signed.").low, Some(2000.0));
        assert_eq!(one("Police said 1900 people signed.").value, Some(1900.0));
    }

    #[test]
    fn names_models_and_markers_are_not_figures() {
        assert!(figs("Crews boarded a C-17 Globemaster III jet.").is_empty());
        assert!(figs("Officers from the 816th Expeditionary Airlift Squadron left.").is_empty());
        assert!(figs("The airline grounded its Boeing 737 jets.").is_empty());
        assert!(figs("Users of Windows 10 must update.").is_empty());
        assert!(figs("Pilots flew F-16 fighters and a MiG-29.").is_empty());
        assert!(figs("The plan was listed as No. 5 on page 12.").is_empty());
        assert!(figs("1. Collect the ballots\n2. Count them").is_empty());
        assert!(figs("One of the concerns is cost.").is_empty());
        assert!(figs("No one was hurt.").is_empty());
        assert!(figs("It is the first time, and the second.").is_empty());
        assert!(figs("He is the world number one player.").is_empty());
        assert!(figs("They want a one-stop shop.").is_empty());
        assert!(figs("Leaders meet on September 8 and 9 in Rome.").is_empty());
        assert!(figs("The period 2003 - 5 was calm.").is_empty());
    }

    #[test]
    fn ordinals() {
        let f = one("He finished 21st in the race.");
        assert_eq!((f.kind, f.value), (FigureKind::Ordinal, Some(21.0)));
        let f = one("It was the third attack this year.");
        assert_eq!(
            (f.kind, f.value, f.counts.as_deref()),
            (FigureKind::Ordinal, Some(3.0), Some("attack"))
        );
        assert!(figs("It fell on the 22nd of August.").is_empty());
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn claimed_ranges_are_skipped() {
        let s = "The 101 Squadron flew 30 missions.";
        let doc = Doc::new(s);
        let at = s.find("101").unwrap();
        let names = vec![at..at + 3];
        let r = extract(&doc, &[], &names);
        assert_eq!(r.figures.len(), 1);
        assert_eq!(r.figures[0].text, "30");
        // A claim that only overlaps the number also removes it.
        let at = s.find("30").unwrap();
        let dates = vec![at + 1..at + 5];
        assert!(extract(&doc, &dates, &names).figures.is_empty());
    }

    #[test]
    fn spans_are_utf16_and_ids_ordered() {
        let s = "😀 Über 5 Leute — about 40 “cars” and 7 boats.";
        let r = run(s);
        let u: Vec<u16> = s.encode_utf16().collect();
        for (k, f) in r.figures.iter().enumerate() {
            assert_eq!(f.id, format!("f{}", k + 1));
            let got = String::from_utf16(&u[f.start as usize..f.end as usize]).unwrap();
            assert_eq!(got, f.text);
        }
        assert!(texts(s).contains(&"about 40".to_string()));
    }

    #[test]
    fn written_forms_of_numbers() {
        assert_eq!(
            one("The census counted 1 234 567 residents.").value,
            Some(1234567.0)
        );
        let f = one("The track is 10 1/2 miles long.");
        assert_eq!((f.value, f.unit.as_deref()), (Some(10.5), Some("mi")));
        assert_eq!(one("Mix in ¾ cup of flour.").value, Some(0.75));
        assert_eq!(one("Three quarters of staff agreed.").value, Some(75.0));
        assert_eq!(one("It weighed two and a half tonnes.").value, Some(2.5));
        assert_eq!(
            one("The city has five and a half million people.").value,
            Some(5.5e6)
        );
        assert_eq!(
            one("The reading was five point five units.").value,
            Some(5.5)
        );
        assert_eq!(one("Avogadro wrote 1.5e6 on the board.").value, Some(1.5e6));
        assert_eq!(one("The fund raised 35 lakh rupees.").value, Some(3.5e6));
        let f = one("It finished in the one hundred twenty-fifth place.");
        assert_eq!((f.kind, f.value), (FigureKind::Ordinal, Some(125.0)));
        let f = one("The sprinter ran the 100m race.");
        assert_eq!(f.unit.as_deref(), Some("m"));
        assert_eq!(one("The firm paid £5m for it.").value, Some(5e6));
    }

    #[test]
    fn money_subunits_and_codes() {
        let f = one("Shares fell 34 cents on Monday.");
        assert_eq!((f.value, f.unit.as_deref()), (Some(0.34), Some("USD")));
        assert_eq!(
            one("The bid was 470 pence a share.").unit.as_deref(),
            Some("GBP")
        );
        assert_eq!(one("It cost 3 dollars 50 cents.").value, Some(3.5));
        let f = one("Losses exceeded 30 MUSD last year.");
        assert_eq!((f.low, f.unit.as_deref()), (Some(3e7), Some("USD")));
        assert_eq!(
            one("Deals worth HK $10 billion closed.").unit.as_deref(),
            Some("HKD")
        );
        assert_eq!(one("Buy a $5 ticket.").unit.as_deref(), Some("USD"));
    }

    #[test]
    fn bounds_join_into_ranges() {
        let f = one("Turnout was more than 10 and less than 40 percent.");
        assert_eq!((f.low, f.high), (Some(10.0), Some(40.0)));
        let f = one("The cap is less than or equal to 100 units.");
        assert_eq!(
            (f.high, f.hedge_kind),
            (Some(100.0), Some(HedgeKind::UpperBound))
        );
        // "over" after a verb it belongs to, or after a number, is no bound.
        let f = one("Rebels handed over 30 rifles.");
        assert_eq!(f.value, Some(30.0));
        assert_eq!(f.text, "30");
        let f = one("Temperatures hit 40 celsius.");
        assert_eq!(f.unit.as_deref(), Some("°C"));
    }

    #[test]
    fn others_count_what_came_before() {
        // Who is counted, when the verb says it and no noun does.
        let f = figs("A crane fell, killing 107 or more and wounding 238; 12 died.");
        let counted: Vec<_> = f.iter().map(|x| x.counts.as_deref()).collect();
        assert_eq!(counted, [Some("killed"), Some("wounded"), Some("died")]);
        assert_eq!(
            figs("At least 76 killed in stampede")[0].counts.as_deref(),
            Some("killed")
        );
        let f = figs("The blast killed 47 people and wounded 80 others.");
        assert_eq!(f[1].counts.as_deref(), Some("people"));
    }

    #[test]
    fn deltas_and_percent_changes() {
        let r = run("Exports fell 5% from last year.");
        assert_eq!(r.figures[0].delta.as_deref(), Some("down"));
        let r = run("Sales reached 210 units, up 5% from 200.");
        let c = &r.changes[0];
        assert_eq!(c.by.as_deref(), Some("f2"));
        assert!((c.percent_change.unwrap() - 5.0).abs() < 1e-9);
        let r = run("They set up 5 camps.");
        assert_eq!(r.figures[0].delta, None);
        let r = run("The board approved an increase of $3 million.");
        assert_eq!(r.figures[0].delta.as_deref(), Some("up"));
    }

    #[test]
    fn numeral_starts_cover_number_words() {
        let words = "zero one two three four five six seven eight nine ten eleven twelve thirteen \
            fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty \
            seventy eighty ninety nought naught third fourth fifth sixth seventh eighth ninth \
            tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth \
            eighteenth nineteenth twentieth thirtieth fortieth fiftieth sixtieth seventieth \
            eightieth ninetieth hundredth thousandth millionth billionth dozen dozens hundreds \
            thousands millions billions tens several half quarter a an";
        for w in words.split_whitespace() {
            assert!(may_start_numeral(w), "{w}");
            assert!(may_start_numeral(&w.to_uppercase()), "{w}");
        }
        assert!(may_start_numeral("forty‑eight"));
        assert!(may_start_numeral("Forty-eight") && may_start_numeral("A"));
        assert!(!may_start_numeral("people") && !may_start_numeral("Ünïcödé"));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "",
            "-",
            "$",
            "between",
            "a",
            "half",
            "tens of",
            "1-",
            "-1",
            "1,",
            "$-",
            "up from",
            "rose from 5 to",
            "9999999999999999999999999999999999",
            "½ ١٢٣ 5½",
            "US$",
            "No.",
            "from 1 to 2 to 3 or 4 - 5 – 6",
            "1.2.3.4.5",
            "0-0",
            "07-08",
            "a hundred and",
        ] {
            let _ = run(s);
        }
    }
}
