//! Runs the English DateTime specifications of Microsoft Recognizers-Text through
//! `presslens::dates` and prints pass rates.
//!
//! `cargo run --example spec_dates` (data from `../shared/data/figures-dates/recognizers-text`,
//! or the directory in `PRESSLENS_SHARED`; skipped with a message when absent).
//!
//! Scope: expected results of type date, daterange and duration. Time-of-day, datetime,
//! time ranges and sets ("every Sunday") are outside what presslens reads and are skipped,
//! and so is any case whose only expected results are of those types. A case passes when
//! every in-scope expected result is matched by an expression of ours that overlaps its span
//! and agrees on the value:
//! - date: our value equals the TIMEX, or one of the given resolutions (past or future: our
//!   tense rules pick one, the spec lists both); or our `day` does, for counted shifts whose
//!   `value` keeps TimeML's coarser reading ("two years ago": `value` the year, `day` the
//!   exact day the spec asks for);
//! - daterange: equal TIMEX, or the same first day and the same end, where the spec's
//!   exclusive end may be the day after our last day or the first day of our `until`
//!   (the spec ends "2014-2018" on 2018-01-01); open ranges ("after Feb") compare the one
//!   bound given;
//!   a window ("the past three weeks") has its TimeML length as `value` (`P3W`) and its
//!   days as `exact` (`first/last`): the days are compared;
//! - a timex the spec leaves without a year and without resolutions ("SU" for "the
//!   summer"): a value that fills in its `X`s agrees;
//! - duration: equal ISO value.
//!
//! Cases with no expected result pass when we report nothing. Spans are reported apart:
//! "exact" counts matched results whose text is the spec's, ignoring case.
//! This is a peer's test suite: read its failures, do not special-case its sentences.

#[path = "common/mod.rs"]
mod common;

use presslens::dates::{extract, timex_bounds};
use presslens::structure::StructureInfo;
use presslens::text::Doc;
use presslens::{CalendarDate, DateExpr};
use serde_json::Value;
use std::path::PathBuf;

const FILES: [&str; 5] = [
    "DateTime__English__DateParser.jsonl",
    "DateTime__English__DatePeriodParser.jsonl",
    "DateTime__English__DurationParser.jsonl",
    "DateTime__English__DateTimeModel.jsonl",
    "DateTime__English__MergedParser.jsonl",
];

fn data_dir() -> Option<PathBuf> {
    common::shared_path("data/figures-dates/recognizers-text")
}

/// One expected result, normalized across the spec files' two layouts.
struct Expected {
    kind: &'static str,
    /// UTF-16 span.
    start: usize,
    end: usize,
    text: String,
    timex: Vec<String>,
    /// Resolved alternatives: (start, end exclusive) or a single date.
    bounds: Vec<(Option<String>, Option<String>)>,
    dates: Vec<String>,
}

fn utf16_offset(text: &str, cp: usize) -> usize {
    text.chars().take(cp).map(char::len_utf16).sum()
}

fn expected_items(case: &Value, text: &str) -> Vec<Option<Expected>> {
    let spans = case["spans_end_exclusive"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let items = case["expected"].as_array().cloned().unwrap_or_default();
    items
        .iter()
        .enumerate()
        .map(|(k, e)| {
            let ty = e["Type"].as_str().or(e["TypeName"].as_str()).unwrap_or("");
            let ty = ty.trim_start_matches("datetimeV2.");
            let kind = match ty {
                "date" => "date",
                "daterange" => "daterange",
                "duration" => "duration",
                _ => return None,
            };
            let span = spans.get(k)?.as_array()?;
            let (s, z) = (
                span.first()?.as_u64()? as usize,
                span.get(1)?.as_u64()? as usize,
            );
            let mut x = Expected {
                kind,
                start: utf16_offset(text, s),
                end: utf16_offset(text, z),
                text: e["Text"].as_str().unwrap_or("").to_lowercase(),
                timex: Vec::new(),
                bounds: Vec::new(),
                dates: Vec::new(),
            };
            let s = |v: &Value| v.as_str().map(str::to_string);
            if let Some(v) = e.get("Value").filter(|v| v.is_object()) {
                x.timex.extend(s(&v["Timex"]));
                for r in ["FutureResolution", "PastResolution"] {
                    let r = &v[r];
                    x.dates.extend(s(&r["date"]));
                    if r.get("startDate").is_some() || r.get("endDate").is_some() {
                        x.bounds.push((s(&r["startDate"]), s(&r["endDate"])));
                    }
                }
            }
            let values = e["Resolution"]["values"]
                .as_array()
                .or(e["Value"]["values"].as_array());
            if let Some(vals) = values {
                for v in vals {
                    x.timex.extend(s(&v["timex"]));
                    if kind == "date" {
                        x.dates.extend(s(&v["value"]));
                    }
                    if v.get("start").is_some() || v.get("end").is_some() {
                        x.bounds.push((s(&v["start"]), s(&v["end"])));
                    }
                }
            }
            Some(x)
        })
        .collect()
}

fn day_after(d: CalendarDate) -> Option<String> {
    // The last day of a value, plus one: bounds of the value's one-day successor.
    let next = if d.day < presslens::dates::days_in_month(d.year, d.month) {
        CalendarDate::new(d.year, d.month, d.day + 1)
    } else if d.month < 12 {
        CalendarDate::new(d.year, d.month + 1, 1)
    } else {
        CalendarDate::new(d.year.checked_add(1)?, 1, 1)
    };
    next.map(|n| n.to_string())
}

fn agrees(x: &Expected, d: &DateExpr) -> bool {
    // A window's `value` is its TimeML length ("P3W") and `exact` its days ("first/last"):
    // the spec's daterange compares the days.
    if let Some((first, last)) = d.exact.as_deref().and_then(|e| e.split_once('/')) {
        if x.kind == "daterange" {
            let as_period = DateExpr {
                value: first.to_string(),
                until: Some(last.to_string()),
                exact: None,
                ..d.clone()
            };
            return agrees(x, &as_period);
        }
    }
    if x.timex.contains(&d.value) || x.dates.contains(&d.value) {
        return d.until.is_none() || x.kind == "daterange";
    }
    // A timex the spec leaves unresolved, with no year ("SU" for "the summer"): any year's
    // season agrees, as a resolved `XXXX-02` agrees with the spec's past or future February.
    if x.dates.is_empty() && x.bounds.is_empty() && d.until.is_none() {
        let fills = |t: &String| {
            let t = if t.len() == 2 {
                format!("XXXX-{t}")
            } else {
                t.clone()
            };
            t.len() == d.value.len()
                && t.contains('X')
                && t.bytes()
                    .zip(d.value.bytes())
                    .all(|(a, b)| a == b || a == b'X')
        };
        if x.kind != "duration" && x.timex.iter().any(fills) {
            return true;
        }
    }
    // A duration's `exact` is its plain ISO reading ("two decades": `P2DE`, exact `P20Y`;
    // "several days": `PXD`, exact `P3D`).
    if x.kind == "duration" && d.exact.as_ref().is_some_and(|v| x.timex.contains(v)) {
        return true;
    }
    // The spec reads "two years ago" as the exact day; our `value` is TimeML's year and
    // `exact` the day.
    if x.kind == "date"
        && d.exact
            .as_ref()
            .is_some_and(|v| x.dates.contains(v) || x.timex.contains(v))
    {
        return true;
    }
    if x.kind != "daterange" {
        return false;
    }
    let Some((first, last)) = timex_bounds(&d.value) else {
        return false;
    };
    let (last, until_start) = match d.until.as_deref().and_then(timex_bounds) {
        Some((us, ue)) => (ue, Some(us.to_string())),
        None => (last, None),
    };
    let first = first.to_string();
    let end_excl = day_after(last);
    x.bounds.iter().any(|(s, e)| {
        let start_ok = s.as_ref().map_or(true, |s| *s == first);
        let end_ok = e.as_ref().map_or(true, |e| {
            Some(e) == end_excl.as_ref() || Some(e) == until_start.as_ref()
        });
        start_ok && end_ok && (s.is_some() || e.is_some())
    })
}

/// Why an expected result found no match, to group the failures (`-v` prints each one):
/// `none` (nothing of ours overlaps it), `coarser` (an overlapping value of ours is a
/// coarser reading of the same date: "2014" for the spec's "2014-11-07"), `short` (ours
/// covers less text: a piece of the expression), `long` (ours covers more), `value` (same
/// span, another value).
fn reason(x: &Expected, found: &[DateExpr]) -> &'static str {
    let over: Vec<&DateExpr> = found
        .iter()
        .filter(|d| (d.start as usize) < x.end && x.start < d.end as usize)
        .collect();
    if over.is_empty() {
        return "none";
    }
    let wanted = x.timex.iter().chain(x.dates.iter());
    let coarser = |v: &str| {
        let w: Vec<&String> = wanted.clone().collect();
        w.iter().any(|t| t.len() > v.len() && t.starts_with(v))
            || (v.contains("-W")
                && w.iter().any(|t| {
                    CalendarDate::parse(t)
                        .zip(timex_bounds(v))
                        .is_some_and(|(d, (a, b))| a <= d && d <= b)
                }))
    };
    if over.iter().any(|d| coarser(&d.value)) {
        return "coarser";
    }
    let len = x.end - x.start;
    if over.iter().all(|d| ((d.end - d.start) as usize) < len) {
        return "short";
    }
    if over.iter().any(|d| ((d.end - d.start) as usize) > len) {
        return "long";
    }
    "value"
}

fn main() {
    let Some(dir) = data_dir() else {
        eprintln!(
            "spec_dates: skipped: ../shared/data/figures-dates/recognizers-text not found \
             (set PRESSLENS_SHARED to the shared directory)"
        );
        return;
    };
    let verbose = std::env::args().any(|a| a == "-v" || a == "--verbose");
    let (mut all_pass, mut all_cases) = (0, 0);
    let mut reasons = std::collections::BTreeMap::new();
    for file in FILES {
        let Ok(body) = std::fs::read_to_string(dir.join(file)) else {
            eprintln!("spec_dates: cannot read {file}");
            continue;
        };
        let (mut pass, mut cases, mut skipped, mut neg_pass, mut neg) = (0, 0, 0, 0, 0);
        let (mut items, mut items_ok, mut exact) = (0, 0, 0);
        for line in body.lines() {
            let Ok(case) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            let text = case["text"].as_str().unwrap_or("");
            let reference = case["context"]["ReferenceDateTime"]
                .as_str()
                .and_then(|s| CalendarDate::parse(s.get(..10)?));
            let doc = Doc::new(text);
            let found = extract(&doc, &StructureInfo::default(), reference).dates;
            let expected = expected_items(&case, text);
            if expected.is_empty() {
                neg += 1;
                if found.is_empty() {
                    neg_pass += 1;
                } else if verbose {
                    println!(
                        "FALSE+ {text:?} -> {:?}",
                        found.iter().map(|d| &d.text).collect::<Vec<_>>()
                    );
                }
                continue;
            }
            let in_scope: Vec<Expected> = expected.into_iter().flatten().collect();
            if in_scope.is_empty() {
                skipped += 1;
                continue;
            }
            cases += 1;
            let mut ok = true;
            for x in &in_scope {
                items += 1;
                let hit = found.iter().find(|d| {
                    (d.start as usize) < x.end && x.start < d.end as usize && agrees(x, d)
                });
                match hit {
                    Some(d) => {
                        items_ok += 1;
                        if d.text.to_lowercase() == x.text {
                            exact += 1;
                        }
                    }
                    None => {
                        ok = false;
                        let why = reason(x, &found);
                        *reasons.entry(why).or_insert(0usize) += 1;
                        if verbose {
                            println!(
                                "MISS {why} [{}] {text:?} ref {:?}: want {:?} {:?} {:?} {:?}; got {:?}",
                                x.kind,
                                reference.map(|r| r.to_string()),
                                x.text,
                                x.timex,
                                x.dates,
                                x.bounds,
                                found
                                    .iter()
                                    .map(|d| (&d.text, &d.value, &d.until))
                                    .collect::<Vec<_>>()
                            );
                        }
                    }
                }
            }
            if ok {
                pass += 1;
            }
        }
        all_pass += pass;
        all_cases += cases;
        println!(
            "{file}: {pass}/{cases} cases pass ({:.1}%); results {items_ok}/{items}, exact span {exact}; \
             no-result cases {neg_pass}/{neg}; skipped (time/datetime/set only) {skipped}",
            100.0 * pass as f64 / cases.max(1) as f64
        );
    }
    let reasons: Vec<String> = reasons.iter().map(|(k, n)| format!("{k} {n}")).collect();
    println!("missed results by reason: {}", reasons.join(", "));
    println!(
        "total: {all_pass}/{all_cases} in-scope cases pass ({:.1}%)",
        100.0 * all_pass as f64 / all_cases.max(1) as f64
    );
}
