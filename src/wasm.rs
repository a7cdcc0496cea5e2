//! The wasm-bindgen boundary: JavaScript values in, JavaScript values out, errors become JS
//! `Error`s here and nowhere else.
//!
//! The result crosses as one JSON string, which the caller turns into objects with
//! `JSON.parse`: building the objects from Rust instead (serde-wasm-bindgen, one call into JS
//! per object, key and value) was no faster, and a string is what a worker can hand to the
//! page cheaply (docs/performance.md). The CLI prints the same serialization.
use crate::{analyze as analyze_core, CalendarDate, Options};
use wasm_bindgen::prelude::*;

/// Analyze `text`. `reference_date` is `YYYY-MM-DD`, or empty/undefined to read it from the
/// text. Returns the [`crate::Analysis`] as JSON (docs/schema.md), for `JSON.parse`.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(text: &str, reference_date: Option<String>) -> Result<String, JsError> {
    analyze_to_json(text, reference_date)
}

// What the page's worker calls. For a `&str`, wasm-bindgen's glue copies a JavaScript string
// into the wasm one char at a time while it is ASCII: 3.2% of the instructions a word
// (`bench/profile.mjs`). The browser's encoder and one copy of the bytes cost less (−1.2%,
// docs/performance.md round 28). Bytes that are not UTF-8 are refused; an encoder never gives
// them (it writes U+FFFD for a lone surrogate, as the glue does). This comment is not a doc
// comment because wasm-bindgen copies doc comments into the page's JavaScript.
/// [`analyze_json`] on the text's UTF-8 bytes (`new TextEncoder().encode(text)`).
#[wasm_bindgen(js_name = analyzeJsonUtf8)]
pub fn analyze_json_utf8(text: &[u8], reference_date: Option<String>) -> Result<String, JsError> {
    let text =
        std::str::from_utf8(text).map_err(|_| JsError::new("the text is not valid UTF-8"))?;
    analyze_to_json(text, reference_date)
}

fn analyze_to_json(text: &str, reference_date: Option<String>) -> Result<String, JsError> {
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
    // About four bytes of JSON for each byte of text (3.8 on VOA news): reserved at once, the
    // buffer is not copied as it grows.
    let mut json = Vec::with_capacity(text.len().saturating_mul(4).saturating_add(512));
    // By value: through `&mut JsonOut`, std's forwarding `write_all` was a call of its own.
    serde_json::to_writer(JsonOut(&mut json), &analysis)
        .map_err(|e| JsError::new(&e.to_string()))?;
    String::from_utf8(json).map_err(|e| JsError::new(&e.to_string()))
}

/// The JSON's bytes. serde_json writes a result in many pieces of a few bytes (quotes, commas,
/// keys, digits); `Vec`'s own writer copies each through a call that the page's size-first
/// build does not inline. Short pieces are pushed here byte by byte, inline.
struct JsonOut<'a>(&'a mut Vec<u8>);

impl std::io::Write for JsonOut<'_> {
    #[inline]
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    #[inline]
    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        if bytes.len() <= 8 {
            for &b in bytes {
                self.0.push(b);
            }
        } else {
            self.0.extend_from_slice(bytes);
        }
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The crate version, for the page's footer and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
