//! The wasm-bindgen boundary: JavaScript values in, JavaScript values out, errors become JS
//! `Error`s here and nowhere else.
use crate::{analyze as analyze_core, CalendarDate, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Analyze `text`. `reference_date` is `YYYY-MM-DD`, or empty/undefined to read it from the
/// text. Returns the [`crate::Analysis`] as a plain JS object (maps as objects, so the page
/// and `JSON.stringify` see exactly the documented schema).
#[wasm_bindgen]
pub fn analyze(text: &str, reference_date: Option<String>) -> Result<JsValue, JsError> {
    let reference_date = match reference_date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(CalendarDate::parse(s).ok_or_else(|| {
            JsError::new(&format!(
                "reference date {s:?} is not a valid YYYY-MM-DD date"
            ))
        })?),
    };
    let analysis = analyze_core(text, &Options { reference_date })
        .map_err(|e| JsError::new(&e.to_string()))?;
    analysis
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The crate version, for the page's footer and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
