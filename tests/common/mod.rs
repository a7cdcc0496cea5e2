//! Helpers shared by the integration tests.
#![allow(dead_code)]

use serde_json::Value;

/// The UTF-16 slice `start..end` as a string, or `None` when out of range or when it splits
/// a surrogate pair.
pub fn utf16_slice(text: &[u16], start: u64, end: u64) -> Option<String> {
    let (s, e) = (start as usize, end as usize);
    if s > e || e > text.len() {
        return None;
    }
    String::from_utf16(&text[s..e]).ok()
}

/// Every object in the result with `start`, `end` and `text` must slice to its text.
pub fn check_spans(v: &Value, text16: &[u16], path: &str, errors: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if let (Some(s), Some(e)) = (
                m.get("start").and_then(Value::as_u64),
                m.get("end").and_then(Value::as_u64),
            ) {
                match (
                    utf16_slice(text16, s, e),
                    m.get("text").and_then(Value::as_str),
                ) {
                    (None, _) => errors.push(format!(
                        "{path}: span {s}..{e} is outside the text or splits a character"
                    )),
                    (Some(got), Some(want)) if got != want => errors.push(format!(
                        "{path}: text.slice({s}, {e}) = {got:?} but text = {want:?}"
                    )),
                    _ => {}
                }
            }
            for (k, x) in m {
                check_spans(x, text16, &format!("{path}.{k}"), errors);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                check_spans(x, text16, &format!("{path}[{i}]"), errors);
            }
        }
        _ => {}
    }
}
