//! Fixture articles with expected results as data, in the spirit of the regex crate's spec
//! files: every `tests/fixtures/*.expect.json` names a text and what a careful reader takes
//! from it. Expectations are partial on purpose: they say what must be found (and what must
//! not), not the whole output, so that better results elsewhere never break them.
//!
//! An expectation file may also list `knownGaps`: expectations in the same format that the
//! analyzer does not meet yet. They are checked and reported, not asserted, so the gap is
//! visible in the test output and the day one starts passing it is noticed and moved up.
//!
//! A fixture whose `text` starts with `../shared/` reads the shared corpus beside the
//! repository and is skipped, with a message, when that is absent (a user's clone).

#![cfg(not(target_arch = "wasm32"))]

use presslens::{analyze, CalendarDate, Options};
use serde_json::Value;
use std::path::{Path, PathBuf};

mod common;
use common::{check_spans, utf16_slice};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

fn arr<'a>(v: &'a Value, k: &str) -> &'a [Value] {
    v.get(k)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn num_eq(a: Option<&Value>, b: &Value) -> bool {
    match (a.and_then(Value::as_f64), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * y.abs().max(1.0),
        _ => a == Some(b),
    }
}

/// Fields of `want` other than `skip` must equal the same fields of `got`.
fn fields_match(got: &Value, want: &Value, skip: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    if let Value::Object(m) = want {
        for (k, w) in m {
            if skip.contains(&k.as_str()) {
                continue;
            }
            if !num_eq(got.get(k), w) {
                out.push(format!(
                    "{k}: want {w}, got {}",
                    got.get(k).unwrap_or(&Value::Null)
                ));
            }
        }
    }
    out
}

/// Checks one group of expectations against the analysis; returns what failed.
fn check(a: &Value, exp: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    let entities = arr(a, "entities");
    let entity_name = |id: &str| {
        entities
            .iter()
            .find(|e| s(e, "id") == id)
            .map(|e| s(e, "name").to_string())
    };

    if let Some(rd) = exp.get("referenceDate") {
        let got = a
            .get("referenceDate")
            .and_then(|r| r.get("value"))
            .and_then(Value::as_str)
            .unwrap_or("none");
        if got != s(rd, "value") {
            errors.push(format!("referenceDate: want {}, got {got}", s(rd, "value")));
        }
    }
    for want in arr(exp, "entities") {
        let name = s(want, "name");
        match entities.iter().find(|e| s(e, "name") == name) {
            None => errors.push(format!("entity {name:?} ({}) not found", s(want, "kind"))),
            Some(e) => {
                if s(e, "kind") != s(want, "kind") {
                    errors.push(format!(
                        "entity {name:?}: kind {} instead of {}",
                        s(e, "kind"),
                        s(want, "kind")
                    ));
                }
                for alias in arr(want, "aliases") {
                    if !arr(e, "aliases").contains(alias) {
                        errors.push(format!(
                            "entity {name:?}: alias {alias} missing (has {:?})",
                            arr(e, "aliases")
                        ));
                    }
                }
                if let Some(min) = want.get("minMentions").and_then(Value::as_u64) {
                    let got = arr(e, "mentions").len() as u64;
                    if got < min {
                        errors.push(format!(
                            "entity {name:?}: {got} mentions, want at least {min}"
                        ));
                    }
                }
            }
        }
    }
    for not in arr(exp, "notEntities") {
        let not = not.as_str().unwrap_or("");
        for e in entities {
            if s(e, "name") == not || arr(e, "mentions").iter().any(|m| s(m, "text") == not) {
                errors.push(format!(
                    "{not:?} should not be an entity ({})",
                    s(e, "kind")
                ));
            }
        }
    }
    let figures = arr(a, "figures");
    let find_figure = |t: &str| {
        figures
            .iter()
            .find(|f| s(f, "text") == t)
            .or_else(|| figures.iter().find(|f| s(f, "text").contains(t)))
    };
    for want in arr(exp, "figures") {
        let t = s(want, "text");
        match find_figure(t) {
            None => errors.push(format!("figure {t:?} not found")),
            Some(f) => {
                for e in fields_match(f, want, &["text"]) {
                    errors.push(format!("figure {t:?}: {e}"));
                }
            }
        }
    }
    for not in arr(exp, "notFigures") {
        let not = not.as_str().unwrap_or("");
        if let Some(f) = figures.iter().find(|f| s(f, "text") == not) {
            errors.push(format!("{not:?} should not be a figure: {f}"));
        }
    }
    let fig_text = |id: &str| {
        figures
            .iter()
            .find(|f| s(f, "id") == id)
            .map(|f| s(f, "text").to_string())
            .unwrap_or_default()
    };
    for want in arr(exp, "changes") {
        let ok = arr(a, "changes").iter().any(|c| {
            fig_text(s(c, "from")).contains(s(want, "from"))
                && fig_text(s(c, "to")).contains(s(want, "to"))
                && (want.get("direction").is_none() || s(c, "direction") == s(want, "direction"))
        });
        if !ok {
            errors.push(format!("change {want} not found in {:?}", a.get("changes")));
        }
    }
    let dates = arr(a, "dates");
    for want in arr(exp, "dates") {
        let t = s(want, "text");
        let cands: Vec<&Value> = dates.iter().filter(|d| s(d, "text").contains(t)).collect();
        if cands.is_empty() {
            errors.push(format!("date {t:?} not found"));
        } else if !cands
            .iter()
            .any(|d| fields_match(d, want, &["text"]).is_empty())
        {
            errors.push(format!(
                "date {t:?}: want {want}, got {:?}",
                cands
                    .iter()
                    .map(|d| (s(d, "text"), s(d, "value")))
                    .collect::<Vec<_>>()
            ));
        }
    }
    let quotes = arr(a, "quotes");
    for want in arr(exp, "quotes") {
        let t = s(want, "text");
        match quotes.iter().find(|q| s(q, "text") == t) {
            None => errors.push(format!("quote {t:?} not found")),
            Some(q) => {
                let speaker = q.get("speaker").map(|sp| s(sp, "text")).unwrap_or("");
                if want.get("speaker").is_some() && speaker != s(want, "speaker") {
                    errors.push(format!(
                        "quote {t:?}: speaker {speaker:?}, want {:?}",
                        s(want, "speaker")
                    ));
                }
                if want.get("speakerEntity").is_some() {
                    let got = q
                        .get("speakerEntity")
                        .and_then(Value::as_str)
                        .and_then(entity_name);
                    if got.as_deref() != Some(s(want, "speakerEntity")) {
                        errors.push(format!(
                            "quote {t:?}: speaker entity {got:?}, want {:?}",
                            s(want, "speakerEntity")
                        ));
                    }
                }
            }
        }
    }
    if let Some(n) = exp.get("quoteCount").and_then(Value::as_u64) {
        if quotes.len() as u64 != n {
            errors.push(format!(
                "{} quotes, want {n}: {:?}",
                quotes.len(),
                quotes.iter().map(|q| s(q, "text")).collect::<Vec<_>>()
            ));
        }
    }
    for want in arr(exp, "reported") {
        let ok = arr(a, "reported").iter().any(|r| {
            r.get("source").map(|x| s(x, "text")) == Some(s(want, "source"))
                && r.get("cue").map(|x| s(x, "text")) == Some(s(want, "cue"))
        });
        if !ok {
            errors.push(format!("reported speech {want} not found"));
        }
    }
    let text16: Vec<u16> = a
        .get("__text")
        .and_then(Value::as_str)
        .unwrap_or("")
        .encode_utf16()
        .collect();
    let blocks = a
        .get("structure")
        .map(|st| arr(st, "blocks"))
        .unwrap_or(&[]);
    for want in arr(exp, "blocks") {
        let ok = blocks.iter().any(|b| {
            let t = utf16_slice(
                &text16,
                b["start"].as_u64().unwrap_or(0),
                b["end"].as_u64().unwrap_or(0),
            )
            .unwrap_or_default();
            s(b, "kind") == s(want, "kind") && t.starts_with(s(want, "startsWith"))
        });
        if !ok {
            errors.push(format!("block {want} not found"));
        }
    }
    let credits = a
        .get("structure")
        .map(|st| arr(st, "credits"))
        .unwrap_or(&[]);
    for want in arr(exp, "credits") {
        let ok = credits.iter().any(|c| {
            c.get("photographer").map(|p| s(p, "text")) == Some(s(want, "photographer"))
                && arr(c, "agencies")
                    .iter()
                    .map(|x| s(x, "text"))
                    .collect::<Vec<_>>()
                    == arr(want, "agencies")
                        .iter()
                        .map(|x| x.as_str().unwrap_or(""))
                        .collect::<Vec<_>>()
        });
        if !ok {
            errors.push(format!("credit {want} not found"));
        }
    }
    errors
}

#[test]
fn fixtures() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".expect.json"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fixtures found");
    let mut failures = Vec::new();
    for path in paths {
        let exp: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text_path = fixtures_dir().join(s(&exp, "text"));
        let text = match std::fs::read_to_string(&text_path) {
            Ok(t) => t,
            Err(_) if s(&exp, "text").starts_with("../") => {
                eprintln!(
                    "SKIP {name}: {} is absent (shared corpus not beside this clone)",
                    text_path.display()
                );
                continue;
            }
            Err(e) => panic!("{name}: cannot read {}: {e}", text_path.display()),
        };
        let options = Options {
            reference_date: exp
                .get("options")
                .and_then(|o| o.get("referenceDate"))
                .and_then(Value::as_str)
                .and_then(CalendarDate::parse),
        };
        let analysis = analyze(&text, &options).expect("analysis succeeds");
        let mut a = serde_json::to_value(&analysis).unwrap();
        let text16: Vec<u16> = text.encode_utf16().collect();
        let mut span_errors = Vec::new();
        check_spans(&a, &text16, "analysis", &mut span_errors);
        a["__text"] = Value::String(text.clone());
        let mut errors = check(&a, &exp);
        errors.extend(span_errors);
        for e in &errors {
            failures.push(format!("{name}: {e}"));
        }
        if let Some(gaps) = exp.get("knownGaps") {
            let still = check(&a, gaps);
            let total = [
                "entities",
                "figures",
                "dates",
                "quotes",
                "reported",
                "blocks",
                "credits",
                "changes",
                "notEntities",
                "notFigures",
            ]
            .iter()
            .map(|k| arr(gaps, k).len())
            .sum::<usize>();
            eprintln!("{name}: {} of {total} known gaps remain", still.len());
            for g in &still {
                eprintln!("  known gap: {g}");
            }
        }
        eprintln!("{name}: {} failed", errors.len());
    }
    assert!(
        failures.is_empty(),
        "fixture failures:\n{}",
        failures.join("\n")
    );
}
