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
//! and no other figure of the model's kind is reported. Spans are the figure's whole span, so
//! a hedge we include ("more than 20") counts as a span mismatch for the plain number models:
//! the rates measure agreement with that suite's conventions, not correctness. The suite is a
//! peer's own tests, full of command-style sentences ("Show me the last but one"); it is read
//! for failures worth fixing, never tuned to.

use presslens::figures::extract;
use presslens::text::Doc;
use presslens::{Figure, FigureKind};
use serde_json::Value;
use std::path::PathBuf;

struct Model {
    file: &'static str,
    name: &'static str,
    /// Which of our figures the model is about.
    relevant: fn(&Figure) -> bool,
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
        relevant: |f| f.kind == FigureKind::Count && f.value.is_some(),
    },
    Model {
        file: "Number__English__NumberRangeModel.jsonl",
        name: "NumberRange",
        relevant: |f| f.value.is_none() && (f.low.is_some() || f.high.is_some()),
    },
    Model {
        file: "Number__English__OrdinalModel.jsonl",
        name: "Ordinal",
        relevant: |f| f.kind == FigureKind::Ordinal,
    },
    Model {
        file: "Number__English__PercentModel.jsonl",
        name: "Percent",
        relevant: |f| f.kind == FigureKind::Percent,
    },
    Model {
        file: "NumberWithUnit__English__CurrencyModel.jsonl",
        name: "Currency",
        relevant: |f| f.kind == FigureKind::Money,
    },
    Model {
        file: "NumberWithUnit__English__DimensionModel.jsonl",
        name: "Dimension",
        relevant: |f| {
            f.kind == FigureKind::Measure
                && !is_measure_with(f, AGE_UNITS)
                && !is_measure_with(f, TEMP_UNITS)
        },
    },
    Model {
        file: "NumberWithUnit__English__TemperatureModel.jsonl",
        name: "Temperature",
        relevant: |f| is_measure_with(f, TEMP_UNITS),
    },
    Model {
        file: "NumberWithUnit__English__AgeModel.jsonl",
        name: "Age",
        relevant: |f| is_measure_with(f, AGE_UNITS),
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
            Expected {
                span,
                value: if is_range { None } else { parse_value(v) },
                range: if is_range { parse_range(v) } else { None },
            }
        })
        .collect()
}

/// Code-point span of a figure (the suite counts code points; we count UTF-16 units).
fn char_span(text: &str, f: &Figure) -> (usize, usize) {
    let mut u16s = 0u32;
    let (mut s, mut e) = (usize::MAX, usize::MAX);
    for (k, c) in text.chars().enumerate() {
        if u16s == f.start {
            s = k;
        }
        if u16s == f.end {
            e = k;
        }
        u16s += c.len_utf16() as u32;
    }
    if u16s == f.end {
        e = text.chars().count();
    }
    (s, e)
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
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../shared/data/figures-dates/recognizers-text")
        });
    if !dir.is_dir() {
        println!(
            "skipped: {} not found (the Recognizers-Text specs live in ../shared, which a plain clone does not have)",
            dir.display()
        );
        return;
    }
    let verbose = std::env::var_os("SPEC_VERBOSE").is_some();
    let (mut all_pass, mut all_total) = (0, 0);
    for m in MODELS {
        let Ok(body) = std::fs::read_to_string(dir.join(m.file)) else {
            println!("{:<12} missing {}", m.name, m.file);
            continue;
        };
        let (mut pass, mut total) = (0, 0);
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
                .collect();
            let want = expected(&case);
            let mut used = vec![false; got.len()];
            let mut ok = true;
            for w in &want {
                let hit = got.iter().enumerate().position(|(k, f)| {
                    !used[k]
                        && char_span(text, f) == w.span
                        && match w.range {
                            Some((lo, hi)) => close(f.low, lo) && close(f.high, hi),
                            None => close(f.value, w.value),
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
        println!(
            "{:<12} {:>4}/{:<4} {:>5.1}%",
            m.name,
            pass,
            total,
            100.0 * pass as f64 / total.max(1) as f64
        );
    }
    println!(
        "{:<12} {:>4}/{:<4} {:>5.1}%",
        "all",
        all_pass,
        all_total,
        100.0 * all_pass as f64 / all_total.max(1) as f64
    );
}
