//! The result types: the contract between the core, the command-line program and the page.
//!
//! Every type serializes to camelCase JSON. Every span is in **UTF-16 code units** (JavaScript
//! string indices) into the analyzed text, end exclusive, so that `text.slice(start, end)` in
//! the browser gives back the span's text. The core works in UTF-8 byte offsets and converts
//! exactly once, when it builds a [`Span`] through [`crate::text::Doc::span`]; nothing else
//! creates spans from byte offsets. `docs/schema.md` documents the same contract for users of
//! the JSON and must be kept true with these types, and so must the page's packed form
//! ([`crate::wire`] writes it, `www/wire.js` reads it; tests compare it with the JSON).

use serde::{Serialize, Serializer};

/// Gives each enum below its one spelling: the JSON writes it (a plain string, as serde's
/// derive would for a unit variant) and so does the page's packed form (`crate::wire`), so the
/// two cannot disagree.
macro_rules! names {
    ($($t:ty { $($v:ident => $s:literal),* $(,)? })*) => {$(
        impl $t {
            /// The name the JSON uses.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$v => $s),* }
            }
        }
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    )*};
}

names! {
    DateSource { Given => "given", Dateline => "dateline", LatestInText => "latestInText" }
    EntityKind { Person => "person", Organization => "organization", Place => "place" }
    FigureKind {
        Count => "count", Money => "money", Percent => "percent", Measure => "measure",
        Ordinal => "ordinal",
    }
    HedgeKind {
        LowerBound => "lowerBound", UpperBound => "upperBound", Approximate => "approximate",
        Exact => "exact",
    }
    DateKind { Date => "date", Duration => "duration", Event => "event" }
    BlockKind {
        Headline => "headline", Dateline => "dateline", Byline => "byline",
        Subheading => "subheading", Caption => "caption", Paragraph => "paragraph",
    }
}

/// A piece of the input, in UTF-16 code units, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

/// A span together with the text it covers, for results a person reads directly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextSpan {
    pub start: u32,
    pub end: u32,
    pub text: String,
}

/// Everything found in one article.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// Version of this schema; bumped when a field changes meaning or disappears.
    pub schema_version: u32,
    /// Length of the analyzed text in UTF-16 code units.
    pub text_length: u32,
    /// The date the article is anchored to, and how it was found.
    pub reference_date: Option<ReferenceDate>,
    pub entities: Vec<Entity>,
    pub figures: Vec<Figure>,
    /// Relations between two figures: "77 attacks ... up from 21".
    pub changes: Vec<Change>,
    pub dates: Vec<DateExpr>,
    pub quotes: Vec<Quote>,
    /// Indirect attributions: "X said that ...", "according to X, ...".
    pub reported: Vec<Reported>,
    pub structure: Structure,
    /// Sentence spans, in order; other results point into them by index.
    pub sentences: Vec<Span>,
}

pub const SCHEMA_VERSION: u32 = 1;

/// Where the reference date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    /// Given by the caller (`--reference-date`, the page's date field).
    Given,
    /// A dateline or a "Published"/"Updated" line.
    Dateline,
    /// The latest complete date written in the article (often a photo caption's).
    LatestInText,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReferenceDate {
    /// ISO date, `YYYY-MM-DD`.
    pub value: String,
    pub source: DateSource,
    /// The text it was read from, when it came from the article.
    pub evidence: Option<TextSpan>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entity {
    /// Stable within one analysis: `e1`, `e2`, ... in order of salience.
    pub id: String,
    pub kind: EntityKind,
    /// The canonical (longest, most complete) name.
    pub name: String,
    /// Other names used for the same entity in the article, without the canonical one.
    pub aliases: Vec<String>,
    pub mentions: Vec<TextSpan>,
    /// Importance in the article, 0 to 1; entities are listed by it, highest first.
    pub salience: f64,
}

/// What kind of amount a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    Count,
    Money,
    Percent,
    Measure,
    Ordinal,
}

/// How a hedge bends the written number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HedgeKind {
    /// "more than", "over", "at least": the true amount is at or above the number.
    LowerBound,
    /// "fewer than", "up to", "as many as", "nearly", "almost": at or below it.
    UpperBound,
    /// "about", "approximately", "some", "an estimated": close to it.
    Approximate,
    /// "exactly", "precisely", "equal to": the number and no other.
    Exact,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    /// `f1`, `f2`, ... in text order.
    pub id: String,
    pub start: u32,
    pub end: u32,
    pub text: String,
    /// The number itself inside `text`, without hedge, currency or unit ("14 million" in
    /// "about $14 million"; "10 and 15" in "between 10 and 15"), with its sign.
    pub numeral: Span,
    pub kind: FigureKind,
    /// The exact amount, when the text gives one.
    pub value: Option<f64>,
    /// Bounds for a range ("between 10 and 15"), a vague amount ("tens of thousands") or a
    /// hedged one ("more than 30,000" has `low` 30000 and no `high`).
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// `%`, `pp` (percentage points), an ISO 4217 code (`USD`), or a unit symbol (`km`).
    pub unit: Option<String>,
    /// The qualifier as written ("more than"), if any.
    pub hedge: Option<String>,
    pub hedge_kind: Option<HedgeKind>,
    /// The head noun of what is counted ("people", "attacks").
    pub counts: Option<String>,
    /// `up` or `down` when the figure is the size of a change rather than a level: "5%" in
    /// "prices fell 5%", "$3 million" in "an increase of $3 million".
    pub delta: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// The words that state the change ("up from").
    pub cue: TextSpan,
    /// Id of the earlier figure ("21").
    pub from: String,
    /// Id of the later figure ("77").
    pub to: String,
    /// `up` or `down`, from the figures' values when both are known, else from the cue.
    pub direction: String,
    /// `to - from`.
    pub difference: Option<f64>,
    /// `to / from`.
    pub ratio: Option<f64>,
    /// Id of the figure stating the size of the change, when the text gives it: "5%" in
    /// "up 5% from 200".
    pub by: Option<String>,
    /// Relative change in percent, signed: `(to - from) / from * 100` when both values are
    /// known, else the `by` figure when it is a percentage ("down 5% from 200": -5).
    pub percent_change: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// A calendar day, month, year, quarter, season, decade...
    Date,
    /// A span of time ("three years" -> `P3Y`).
    Duration,
    /// A named event written like a date ("9/11").
    Event,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DateExpr {
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub kind: DateKind,
    /// TIMEX3-style value: `2021-08-22`, `2021-08`, `2021`, `2021-Q1`, `P3Y`, ...
    /// For a period ("the first four months of 2021") this is the period's start and `until`
    /// its end.
    pub value: String,
    pub until: Option<String>,
    /// The exact calendar reading when `value` follows TimeML's coarser one: the day a
    /// counted shift lands on ("two years ago" said on 2016-11-07: `value` `2014`, `exact`
    /// `2014-11-07`; "in two weeks": the ISO week, and the day fourteen days on), or the
    /// first and last day of a window written `first/last` ("the past three weeks": `value`
    /// `P3W`, `exact` `2016-10-17/2016-11-06`).
    pub exact: Option<String>,
    /// True when the value depends on the reference date or an earlier date in the text
    /// ("Sunday", "in June", "a month later"), false when the text writes it out in full.
    pub relative: bool,
    /// True when the text allows two readings and `value` is one of them: a numeric date
    /// like `3/4/2021` (March 4 or April 3) gets the month-first reading; the other one
    /// swaps day and month.
    pub ambiguous: bool,
    /// The part of the value meant, when the text narrows it: `start` ("early 2020", "the
    /// beginning of March"), `mid` ("mid-June"), `end` ("late March", "the end of the month").
    /// TIMEX3's `mod`: the value stays the whole period.
    pub modifier: Option<String>,
    /// Parts of the value the text states (or that follow exactly from the reference date, as
    /// in "yesterday"): among `year`, `month`, `day`, `weekday`, `week`, `quarter`, `half`,
    /// `season`, `decade`, `century`. Empty for durations.
    pub known: Vec<String>,
    /// Parts filled in by a guess: the year of "August 14" or "in June" (chosen by tense),
    /// the month and day of "Sunday". They are `X` in `value` when there is no reference.
    pub implied: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// `q1`, `q2`, ... in text order.
    pub id: String,
    /// The quoted words of one stretch between quote marks, without the marks.
    pub start: u32,
    pub end: u32,
    pub text: String,
    /// The local mention the attribution points to: a name without title or role ("Jane
    /// Roe" in "Mayor Jane Roe"), a phrase for anonymous or collective sources ("US
    /// intelligence officials"), or a pronoun ("he").
    pub speaker: Option<TextSpan>,
    /// Id of the entity the speaker resolves to.
    pub speaker_entity: Option<String>,
    /// The verb of attribution ("said", "added", "told").
    pub cue: Option<TextSpan>,
    /// The outlet or audience the words were given to ("CNN" in "told CNN").
    pub medium: Option<TextSpan>,
    /// Id of the quote this one goes on from, when both are one statement: a quote split by
    /// its attribution (`“We know,” he said, “that ...”`) or the next paragraph of a
    /// multi-paragraph quote. The first part has none; the parts share the speaker.
    pub continues: Option<String>,
    /// A fragment woven into the writer's own sentence rather than a statement given whole:
    /// `said the plan was “a total disaster”`, `claimed “prices will fall” this year`.
    pub partial: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reported {
    /// The reported content.
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub source: TextSpan,
    pub source_entity: Option<String>,
    pub cue: TextSpan,
    /// The outlet or audience ("CNN" in "officials told CNN that ...").
    pub medium: Option<TextSpan>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Structure {
    /// The article's blocks (lines or paragraphs), in order, covering every non-blank line.
    pub blocks: Vec<Block>,
    /// Photo credits, usually at the end of a caption: "(AP Photo / Rahmat Gul)".
    pub credits: Vec<Credit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Headline,
    Dateline,
    Byline,
    Subheading,
    Caption,
    Paragraph,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Block {
    pub kind: BlockKind,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Credit {
    pub start: u32,
    pub end: u32,
    pub text: String,
    /// The photographer's name, without rank or title.
    pub photographer: Option<TextSpan>,
    /// The agencies credited ("AP", "REUTERS", "US Air Force").
    pub agencies: Vec<TextSpan>,
}
