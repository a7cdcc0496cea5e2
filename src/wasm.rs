//! The wasm-bindgen boundary: the text's bytes in, the packed analysis out; the core's errors
//! become JS `Error`s here and nowhere else.
//!
//! The text comes in as its UTF-8 bytes: wasm-bindgen's glue copies a string into the wasm
//! one char at a time, which was 3.2% of the page's work (docs/performance.md, round 28).
//! The result goes out packed ([`crate::wire`]), for `www/wire.js` to turn into the objects
//! the JSON would give: writing JSON and parsing it again was about a quarter of the page's
//! work (round 30), and building the objects from Rust (serde-wasm-bindgen, a call into JS
//! per object, key and value) was no faster than the JSON (round 3). The CLI prints the JSON.
use crate::{analyze, CalendarDate, Options};
use wasm_bindgen::prelude::*;

// Short doc comments: wasm-bindgen copies them into the page's JavaScript.
/// Analyze UTF-8 `text`; `referenceDate` is `YYYY-MM-DD` or empty. Decode with `www/wire.js`.
#[wasm_bindgen(js_name = analyzeWire)]
pub fn analyze_wire(text: &[u8], reference_date: Option<String>) -> Result<Vec<u32>, JsError> {
    let text =
        std::str::from_utf8(text).map_err(|_| JsError::new("the text is not valid UTF-8"))?;
    let reference_date = match reference_date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(CalendarDate::parse(s).ok_or_else(|| {
            JsError::new(&format!(
                "reference date {s:?} is not a valid YYYY-MM-DD date"
            ))
        })?),
    };
    let analysis =
        analyze(text, &Options { reference_date }).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(crate::wire::encode(&analysis))
}

/// The crate version, for the page's footer and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
