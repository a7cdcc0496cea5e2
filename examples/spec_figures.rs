//! Runs the English test specifications of Microsoft Recognizers-Text (number, range, ordinal,
//! percent, currency, dimension, temperature and age models) through `presslens::figures` and
//! prints a pass rate per model.
//!
//! ```text
//! cargo run --example spec_figures [DIR]
//! ```
//!
//! DIR defaults to `../shared/data/figures-dates/recognizers-text` beside the crate; when it is
//! absent the program says so and exits successfully, since a user's clone has no `../shared`.
//!
//! A case passes when every expected result is matched by a figure with the same span and the
//! same value (for ranges, the same `low` and `high`; open or closed ends are not compared),
//! and no other figure relevant to the model is reported. Which span is compared depends on
//! what the model marks:
//!
//! - Number: the figure's `numeral` (the number alone, with its sign), against any figure but
//!   an ordinal, whose value is `value` or its single bound ("more than 30" is 30): that model
//!   finds numbers wherever they are, also inside amounts of money, but not glued to a unit
//!   ("180ml" is a word to it). A share of a whole ("two thirds of") is compared as a fraction
//!   (0.67), where we say 66.7 percent; so is it for NumberRange.
//! - NumberRange: the figure's whole span, or its span up to the end of the numeral (that model
//!   knows no units: "more than thirty" in "more than thirty years old"). A closed range of one
//!   number ("equal to 20" is `[20,20]`) is a figure whose `hedgeKind` is `exact`.
//! - the other models: the figure's span without its leading hedge ("$14 million" in "about
//!   $14 million"), since their spans hold the amount and its unit but never a hedge; the value
//!   compared is `value` or the single bound, as for Number.
//!
//! Amounts in cents or pence are compared in the main unit (we say 0.5 USD for "50 cents").
//! Expected results without a numeric value (a bare unit name "fahrenheit", relative ordinals
//! "last" = `end+0`, "next" = `current+1`) are not amounts and have no place in our schema: they
//! are dropped, and a case left with nothing numeric to find is counted as out of scope and
//! left out of the rate (the count is printed). Cases the suite marks `NotSupported` for some
//! port still count. The rates measure agreement with that suite's conventions, not
//! correctness. The suite is a peer's own tests, full of command-style sentences ("Show me the
//! last but one"); it is read for failures worth fixing, never tuned to.

#[path = "common/mod.rs"]
mod common;
use presslens::figures::extract;
use presslens::numbers::suffix_scale;
use presslens::text::Doc;
use presslens::{Figure, FigureKind, HedgeKind};
use serde_json::Value;
use std::path::PathBuf;

#[derive(Clone, Copy, PartialEq)]
enum SpanRule {
    Numeral,
    WholeOrToNumeral,
    WithoutHedge,
}

struct Model {
    file: &'static str,
    name: &'static str,
    /// Which of our figures the model is about.
    relevant: fn(&Figure) -> bool,
    span: SpanRule,
}

/// The one number a figure stands on: its value, or its only bound.
fn single_value(f: &Figure) -> Option<f64> {
    match (f.value, f.low, f.high) {
        (Some(v), _, _) => Some(v),
        (None, Some(l), None) => Some(l),
        (None, None, Some(h)) => Some(h),
        _ => None,
    }
}

fn is_measure_with(f: &Figure, units: &[&str]) -> bool {
    f.kind == FigureKind::Measure && f.unit.as_deref().is_some_and(|u| units.contains(&u))
}

const AGE_UNITS: &[&str] = &["year", "month", "week", "day"];
const TEMP_UNITS: &[&str] = &["°C", "°F", "°"];

const MODELS: &[Model] = &[
    Model {
        file: "Number__English__NumberModel.jsonl",
        name: "Number",
        relevant: |f| f.kind != FigureKind::Ordinal && single_value(f).is_some(),
        span: SpanRule::Numeral,
    },
    Model {
        file: "Number__English__NumberRangeModel.jsonl",
        name: "NumberRange",
        relevant: |f| {
            f.value.is_none() && (f.low.is_some() || f.high.is_some())
                || f.hedge_kind == Some(HedgeKind::Exact)
        },
        span: SpanRule::WholeOrToNumeral,
    },
    Model {
        file: "Number__English__OrdinalModel.jsonl",
        name: "Ordinal",
        relevant: |f| f.kind == FigureKind::Ordinal,
        span: SpanRule::WithoutHedge,
    },
    Model {
        file: "Number__English__PercentModel.jsonl",
        name: "Percent",
        relevant: |f| f.kind == FigureKind::Percent,
        span: SpanRule::WithoutHedge,
    },
    Model {
        file: "NumberWithUnit__English__CurrencyModel.jsonl",
        name: "Currency",
        relevant: |f| f.kind == FigureKind::Money,
        span: SpanRule::WithoutHedge,
    },
    Model {
        file: "NumberWithUnit__English__DimensionModel.jsonl",
        name: "Dimension",
        relevant: |f| {
            f.kind == FigureKind::Measure
                && !is_measure_with(f, AGE_UNITS)
                && !is_measure_with(f, TEMP_UNITS)
        },
        span: SpanRule::WithoutHedge,
    },
    Model {
        file: "NumberWithUnit__English__TemperatureModel.jsonl",
        name: "Temperature",
        relevant: |f| is_measure_with(f, TEMP_UNITS),
        span: SpanRule::WithoutHedge,
    },
    Model {
        file: "NumberWithUnit__English__AgeModel.jsonl",
        name: "Age",
        relevant: |f| is_measure_with(f, AGE_UNITS),
        span: SpanRule::WithoutHedge,
    },
];

/// What one expected result says.
struct Expected {
    span: (usize, usize),
    value: Option<f64>,
    range: Option<(Option<f64>, Option<f64>)>,
}

fn parse_value(s: &str) -> Option<f64> {
    s.trim().trim_end_matches('%').parse::<f64>().ok()
}

/// "[20,30)" or "(20,)" -> bounds.
fn parse_range(s: &str) -> Option<(Option<f64>, Option<f64>)> {
    let s = s.trim();
    let inner = s.get(1..s.len().checked_sub(1)?)?;
    let (a, b) = inner.split_once(',')?;
    Some((parse_value(a), parse_value(b)))
}

fn expected(case: &Value) -> Vec<Expected> {
    let spans = case["spans_end_exclusive"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let items = case["expected"].as_array().cloned().unwrap_or_default();
    items
        .iter()
        .enumerate()
        .map(|(k, e)| {
            let span = spans
                .get(k)
                .and_then(|s| Some((s[0].as_u64()? as usize, s[1].as_u64()? as usize)))
                .unwrap_or((usize::MAX, usize::MAX));
            let v = e["Resolution"]["value"].as_str().unwrap_or("");
            let is_range = e["TypeName"].as_str() == Some("numberrange");
            // "50 cents" is 0.5 in our figures.
            let unit = e["Resolution"]["unit"].as_str().unwrap_or("");
            let per = if matches!(unit, "Cent" | "Pence" | "Penny") {
                0.01
            } else {
                1.0
            };
            Expected {
                span,
                value: if is_range {
                    None
                } else {
                    parse_value(v).map(|x| x * per)
                },
                range: if is_range { parse_range(v) } else { None },
            }
        })
        .filter(|e| e.value.is_some() || e.range.is_some())
        .collect()
}

/// Code-point span of a UTF-16 span (the suite counts code points; we count UTF-16 units).
fn char_span(text: &str, start: u32, end: u32) -> (usize, usize) {
    let mut u16s = 0u32;
    let (mut s, mut e) = (usize::MAX, usize::MAX);
    for (k, c) in text.chars().enumerate() {
        if u16s == start {
            s = k;
        }
        if u16s == end {
            e = k;
        }
        u16s += c.len_utf16() as u32;
    }
    if u16s == end {
        e = text.chars().count();
    }
    (s, e)
}

/// The code-point spans of a figure that may match an expected span under `rule`.
fn candidate_spans(text: &str, f: &Figure, rule: SpanRule) -> Vec<(usize, usize)> {
    match rule {
        SpanRule::Numeral => vec![char_span(text, f.numeral.start, f.numeral.end)],
        SpanRule::WholeOrToNumeral => vec![
            char_span(text, f.start, f.end),
            char_span(text, f.start, f.numeral.end),
        ],
        SpanRule::WithoutHedge => {
            let mut start = f.start;
            if let Some(h) = f.hedge.as_deref().filter(|h| f.text.starts_with(h)) {
                let rest = &f.text[h.len()..];
                let trimmed = rest.trim_start();
                start += (h.encode_utf16().count()
                    + rest[..rest.len() - trimmed.len()].encode_utf16().count())
                    as u32;
            }
            vec![char_span(text, start, f.end)]
        }
    }
}

/// The value an expected single number is compared with: the figure's value or its only bound
/// (the unit models know no hedges: "more than $5" is $5 to them).
fn number_value(f: &Figure, rule: SpanRule) -> Option<f64> {
    Some(single_value(f)? * share_factor(f, rule))
}

/// For the Number and NumberRange models a share of a whole ("two thirds of", "one in five",
/// "more than half") is a fraction, not a percentage: the factor that makes it one.
fn share_factor(f: &Figure, rule: SpanRule) -> f64 {
    if rule != SpanRule::WithoutHedge
        && f.kind == FigureKind::Percent
        && f.unit.as_deref() == Some("%")
    {
        let l = f.text.to_lowercase();
        let written = l.contains('%') || l.contains("percent") || l.contains("per cent");
        if !written && !l.contains("pct") {
            return 0.01;
        }
    }
    1.0
}

/// A measure or amount of money whose number is glued to its unit ("180ml", "29km", "1m"):
/// the Number model reads such a token as a word, not a number.
fn glued_to_letters(text: &str, f: &Figure) -> bool {
    if !matches!(f.kind, FigureKind::Measure | FigureKind::Money) {
        return false;
    }
    let (s, e) = char_span(text, f.numeral.start, f.numeral.end);
    let numeral: String = text.chars().skip(s).take(e.saturating_sub(s)).collect();
    // The letters after the last digit: a unit ("ml") or a scale ("mil", "MM").
    let Some(k) = numeral.rfind(|c: char| c.is_ascii_digit()) else {
        return false;
    };
    let letters = &numeral[k + 1..];
    letters.starts_with(char::is_alphabetic) && suffix_scale(letters).is_none()
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .or_else(|| common::shared_path("data/figures-dates/recognizers-text"))
        .unwrap_or_else(|| PathBuf::from("../shared/data/figures-dates/recognizers-text"));
    if !dir.is_dir() {
        println!(
            "skipped: {} not found (the Recognizers-Text specs live in ../shared, which a plain clone does not have)",
            dir.display()
        );
        return;
    }
    let verbose = std::env::var_os("SPEC_VERBOSE").is_some();
    let (mut all_pass, mut all_total, mut all_out) = (0, 0, 0);
    for m in MODELS {
        let Ok(body) = std::fs::read_to_string(dir.join(m.file)) else {
            println!("{:<12} missing {}", m.name, m.file);
            continue;
        };
        let (mut pass, mut total, mut out) = (0, 0, 0);
        for line in body.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(case) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            let text = case["text"].as_str().unwrap_or("");
            let doc = Doc::new(text);
            let got: Vec<Figure> = extract(&doc, &[], &[])
                .figures
                .into_iter()
                .filter(|f| (m.relevant)(f))
                .filter(|f| m.span != SpanRule::Numeral || !glued_to_letters(text, f))
                .collect();
            let want = expected(&case);
            let listed = case["expected"].as_array().map_or(0, Vec::len);
            if want.is_empty() && listed > 0 {
                out += 1;
                continue;
            }
            let mut used = vec![false; got.len()];
            let mut ok = true;
            for w in &want {
                let hit = got.iter().enumerate().position(|(k, f)| {
                    !used[k]
                        && candidate_spans(text, f, m.span).contains(&w.span)
                        && match w.range {
                            // "[20,20]" is "equal to 20": a value.
                            Some((lo, hi)) if lo.is_some() && lo == hi => close(f.value, lo),
                            Some((lo, hi)) => {
                                let k = share_factor(f, m.span);
                                close(f.low.map(|v| v * k), lo) && close(f.high.map(|v| v * k), hi)
                            }
                            None => close(number_value(f, m.span), w.value),
                        }
                });
                match hit {
                    Some(k) => used[k] = true,
                    None => ok = false,
                }
            }
            ok &= used.iter().all(|u| *u);
            total += 1;
            if ok {
                pass += 1;
            } else if verbose {
                let exp: Vec<String> = case["expected"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .map(|e| format!("{}={}", e["Text"], e["Resolution"]["value"]))
                            .collect()
                    })
                    .unwrap_or_default();
                let ours: Vec<String> = got
                    .iter()
                    .map(|f| format!("{:?}={:?}/{:?}-{:?}", f.text, f.value, f.low, f.high))
                    .collect();
                println!(
                    "  FAIL {}: {text:?}\n    want {exp:?}\n    got  {ours:?}",
                    m.name
                );
            }
        }
        all_pass += pass;
        all_total += total;
        all_out += out;
        println!(
            "{:<12} {:>4}/{:<4} {:>5.1}%   ({out} out of scope)",
            m.name,
            pass,
            total,
            100.0 * pass as f64 / total.max(1) as f64
        );
    }
    println!(
        "{:<12} {:>4}/{:<4} {:>5.1}%   ({all_out} out of scope)",
        "all",
        all_pass,
        all_total,
        100.0 * all_pass as f64 / all_total.max(1) as f64
    );
}
