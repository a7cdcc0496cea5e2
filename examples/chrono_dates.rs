//! Runs the English test cases of chrono (the JavaScript date parser) through
//! `presslens::dates` and prints pass rates, as a second outside check next to `spec_dates`.
//!
//! `cargo run --release --example chrono_dates [-- -v]` (data from
//! `../shared/data/figures-dates/chrono/en_cases.jsonl`, or under `PRESSLENS_SHARED`; skipped
//! with a message when absent).
//!
//! Scope: cases of the default English parsers (`chrono`, `chrono.casual`, `chrono.en`) whose
//! expectation names a calendar day, either as `expected_start` (`new Date(y, m, d, ...)`,
//! months counted from 0 as in JavaScript) or as `start.get("year"|"month"|"day")` lines.
//! Cases that only check a time of day or a time zone, and cases whose expected text has a
//! clock time or counts hours, minutes or seconds ("5pm", "in 5 minutes"), are skipped:
//! presslens does not read times. A case passes when one of our expressions overlaps the expected text and:
//! - exact: our value, or our `exact` day when the value keeps TimeML's coarser reading ("two
//!   years ago"), is that day (the parts chrono's test checks: a test that checks only the
//!   month and day compares only those);
//! - contains: our value is a period holding that day ("August 2012" as `2012-08`, where
//!   chrono implies the 1st).
//!
//! Negative cases (chrono reports nothing) pass when we report nothing. This is a peer's
//! test suite: read its failures, do not special-case its sentences.

#[path = "common/mod.rs"]
mod common;

use presslens::dates::{extract, timex_bounds};
use presslens::structure::StructureInfo;
use presslens::text::Doc;
use presslens::CalendarDate;
use serde_json::Value;
use std::path::PathBuf;

fn data_file() -> Option<PathBuf> {
    common::shared_path("data/figures-dates/chrono/en_cases.jsonl")
}

/// Evaluates a small integer expression like `7 - 1`, `10`, `-1`.
fn int_expr(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Some((a, b)) = s.rsplit_once(" - ") {
        return Some(int_expr(a)? - int_expr(b)?);
    }
    if let Some((a, b)) = s.rsplit_once(" + ") {
        return Some(int_expr(a)? + int_expr(b)?);
    }
    s.parse().ok()
}

/// `new Date(2012, 7 - 1, 10, 12)` -> the day (JavaScript months count from 0; a day of 0 or
/// beyond the month rolls over as in JavaScript is not needed by these tests).
fn js_date(s: &str) -> Option<CalendarDate> {
    let inner = s.trim().strip_prefix("new Date(")?.strip_suffix(')')?;
    if inner.starts_with('"') {
        let d = inner.trim_matches('"');
        return CalendarDate::parse(d.get(..10)?);
    }
    let parts: Vec<&str> = inner.split(',').collect();
    if parts.len() < 3 {
        return None;
    }
    let y = int_expr(parts.first()?)?;
    let m = int_expr(parts.get(1)?)? + 1;
    let d = int_expr(parts.get(2)?)?;
    CalendarDate::new(
        i32::try_from(y).ok()?,
        u32::try_from(m).ok()?,
        u32::try_from(d).ok()?,
    )
}

/// The date parts a case expects: (year, month, day), each maybe unknown.
fn expected_parts(case: &Value) -> Option<(Option<i32>, Option<u32>, Option<u32>)> {
    if let Some(d) = case["expected_start"].as_str().and_then(js_date) {
        return Some((Some(d.year), Some(d.month), Some(d.day)));
    }
    let mut parts = (None, None, None);
    for line in case["expect_lines"]
        .as_array()?
        .iter()
        .filter_map(Value::as_str)
    {
        let Some(rest) = line.strip_prefix("expect(result.start.get(\"") else {
            continue;
        };
        let Some((part, tail)) = rest.split_once("\"))).toBe(") else {
            continue;
        };
        let Some(v) = tail
            .strip_suffix(");")
            .and_then(|v| v.trim().parse::<i64>().ok())
        else {
            continue;
        };
        match part {
            "year" => parts.0 = i32::try_from(v).ok(),
            "month" => parts.1 = u32::try_from(v).ok(),
            "day" => parts.2 = u32::try_from(v).ok(),
            _ => {}
        }
    }
    (parts.0.is_some() || parts.1.is_some() || parts.2.is_some()).then_some(parts)
}

/// The expected text speaks of a time of day or of hours and minutes ("5pm", "in 5
/// minutes", "12 hours from now"): out of scope, whatever day it falls on.
fn time_of_day(want: &str) -> bool {
    const TIME_WORDS: &[&str] = &[
        "am",
        "pm",
        "a",
        "p",
        "m",
        "noon",
        "midnight",
        "h",
        "hr",
        "hrs",
        "hour",
        "hours",
        "min",
        "mins",
        "minute",
        "minutes",
        "sec",
        "secs",
        "second",
        "seconds",
        "morning",
        "afternoon",
        "evening",
        "night",
        "tonight",
        "oclock",
        "o",
    ];
    let l = want.to_lowercase();
    l.contains(':')
        || l.split(|c: char| !c.is_alphabetic())
            .any(|w| TIME_WORDS.contains(&w))
}

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

fn main() {
    let Some(path) = data_file() else {
        eprintln!(
            "chrono_dates: skipped: ../shared/data/figures-dates/chrono/en_cases.jsonl not found \
             (set PRESSLENS_SHARED to the shared directory)"
        );
        return;
    };
    let verbose = std::env::args().any(|a| a == "-v" || a == "--verbose");
    let body = std::fs::read_to_string(&path).unwrap_or_default();
    let (mut cases, mut exact, mut contains, mut skipped) = (0, 0, 0, 0);
    let (mut neg, mut neg_pass) = (0, 0);
    for line in body.lines() {
        let Ok(case) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let parser = case["parser"].as_str().unwrap_or("");
        if !matches!(parser, "chrono" | "chrono.casual" | "chrono.en") {
            skipped += 1;
            continue;
        }
        let text = case["text"].as_str().unwrap_or("");
        let reference = case["reference"].as_str().and_then(js_date);
        let doc = Doc::new(text);
        let ours = extract(&doc, &StructureInfo::default(), reference).dates;
        if case["negative"].as_bool() == Some(true) {
            neg += 1;
            if ours.is_empty() {
                neg_pass += 1;
            } else if verbose {
                let got: Vec<&str> = ours.iter().map(|d| d.text.as_str()).collect();
                println!("FALSE+ {text:?} -> {got:?}");
            }
            continue;
        }
        let want = case["expected_text"].as_str().unwrap_or("");
        let Some((y, m, d)) = expected_parts(&case).filter(|_| !time_of_day(want)) else {
            skipped += 1;
            continue;
        };
        cases += 1;
        let lower = text.to_lowercase();
        let (ws, we) = match lower
            .find(&want.to_lowercase())
            .filter(|_| !want.is_empty())
        {
            Some(b) => {
                let s = utf16_len(text.get(..b).unwrap_or(""));
                (s, s + utf16_len(want))
            }
            None => (0, utf16_len(text)),
        };
        let overlapping = ours
            .iter()
            .filter(|e| (e.start as usize) < we && ws < e.end as usize);
        let mut best = 0;
        for e in overlapping {
            // Our `exact` day ("two years ago": `value` the year, `exact` the day) is the
            // reading chrono's cases ask for.
            let day_exact = e
                .exact
                .as_deref()
                .filter(|x| x.len() == 10 && !x.contains('/'));
            let v = day_exact.unwrap_or(&e.value);
            let num = |r: std::ops::Range<usize>| v.get(r).and_then(|s| s.parse::<u32>().ok());
            let (vy, vm, vd) = (num(0..4), num(5..7), num(8..10));
            let day_value = v.len() == 10 && vd.is_some();
            let agrees = y.map_or(true, |y| vy == u32::try_from(y).ok())
                && m.map_or(true, |m| vm == Some(m))
                && d.map_or(true, |d| vd == Some(d));
            if day_value && agrees {
                best = 2;
            } else if let (Some(y), Some(m), Some(d)) = (y, m, d) {
                let held = CalendarDate::new(y, m, d)
                    .is_some_and(|day| timex_bounds(v).is_some_and(|(a, z)| a <= day && day <= z));
                if held {
                    best = best.max(1);
                }
            }
        }
        match best {
            2 => exact += 1,
            1 => contains += 1,
            _ => {
                if verbose {
                    let got: Vec<(&str, &str)> = ours
                        .iter()
                        .map(|e| (e.text.as_str(), e.value.as_str()))
                        .collect();
                    println!(
                        "MISS {text:?} ref {reference:?}: want {want:?} {y:?}-{m:?}-{d:?}; got {got:?}"
                    );
                }
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "chrono en: {exact}/{cases} exact day ({:.1}%), {}/{cases} with a period holding it \
         ({:.1}%); negatives {neg_pass}/{neg}; skipped (time only, other parsers) {skipped}",
        pct(exact, cases),
        exact + contains,
        pct(exact + contains, cases),
    );
}
