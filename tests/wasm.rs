//! The wasm boundary, run in a real browser (headless Chromium through
//! `wasm-bindgen-test-runner`): `scripts/test-wasm.sh`.
//!
//! The native tests check spans in Rust; these check them on JavaScript strings: every
//! `{start, end, text}` object of the JSON must satisfy `input.slice(start, end) === text` in
//! UTF-16 units, whatever the input holds (astral emoji, ZWJ sequences, combining marks,
//! right-to-left text, even a lone surrogate that no Rust `&str` can hold). That is what lets
//! the page's decoder (`www/wire.js`) slice each `text` instead of receiving it; the last test
//! checks that the page's objects are the JSON's.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Inputs that stress the UTF-8 to UTF-16 conversion, written as news-like sentences so the
/// recognizers actually produce entities, figures, dates and quotes on them.
const INPUTS: &[&str] = &[
    "WASHINGTON (AP) — President Joe Biden said on Tuesday that 13 U.S. troops were killed.",
    "Emoji first 😀 then 👩‍👩‍👧‍👦 family and flags 🇺🇸🇫🇷: Angela Merkel met 2,500 people in Berlin on March 3, 2021.",
    "Café owner José Núñez (precomposed) and Jose\u{301} Nu\u{303}n\u{303}ez (combining) said: “We lost 40% of sales.”",
    "“It’s over,” said Maria O’Neill, 54. ‘Really?’ asked the 3rd reporter — about $1.2 billion.",
    "Beijing 北京 reported 1,200 cases; 習近平 visited Tokyo 東京 on 5 May. 中文句子。第二句。",
    "وقال الرئيس إن 300 شخص قتلوا. The Israeli minister Yair Lapid spoke in Tel Aviv (תל אביב) on Monday.",
    "Headline With 🎉 Emoji\n\nBy Jane Doe 👩🏽‍💻\n\nThe mayor said 10 million 🏳️‍🌈 flags flew.\nSecond line ✈️ here.",
    "",
    "😀",
    "a\u{0}b\u{feff}c\u{200d}d \u{1F600}\u{1F600}. Next sentence. 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 math 𝟙𝟚𝟛 on 1/2/2020.",
];

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The analysis's JSON, parsed in JavaScript: the spans as the CLI writes them. The page gets
/// the same objects through `www/wire.js` (checked by `the_pages_objects_are_the_jsons` below).
fn analyze(input: &JsString, reference_date: Option<&str>) -> JsValue {
    // A lone surrogate becomes U+FFFD (one UTF-16 unit) on the way to a Rust `String`, as it
    // does in the worker's `TextEncoder`.
    let s: String = input.into();
    let analysis = presslens::analyze(
        &s,
        &presslens::Options {
            reference_date: reference_date.and_then(presslens::CalendarDate::parse),
        },
    )
    .expect("the inputs are small");
    let json = serde_json::to_string(&analysis).expect("the analysis serializes");
    js_sys::JSON::parse(&json).expect("the result is valid JSON")
}

#[wasm_bindgen(module = "/www/wire.js")]
extern "C" {
    /// The page's decoder of the packed result.
    #[wasm_bindgen(js_name = decodeAnalysis, catch)]
    fn decode_analysis(words: &[u32], text: &JsString) -> Result<JsValue, JsValue>;
}

/// Walk every object and array under `value`; check each `{start, end, text}` against `input`.
/// Problems are collected rather than asserted so the walker itself can be tested on a bad span.
fn check_spans(input: &JsString, value: &JsValue, path: &str, report: &mut Report) {
    if let Some(arr) = value.dyn_ref::<Array>() {
        for (i, v) in arr.iter().enumerate() {
            check_spans(input, &v, &format!("{path}[{i}]"), report);
        }
        return;
    }
    if !value.is_object() {
        return;
    }
    let (start, end, text) = (get(value, "start"), get(value, "end"), get(value, "text"));
    if let (Some(start), Some(end), true) = (start.as_f64(), end.as_f64(), text.is_string()) {
        report.checked += 1;
        let len = input.length() as f64;
        if !(0.0 <= start && start <= end && end <= len) {
            report
                .errors
                .push(format!("{path}: span {start}..{end} out of 0..{len}"));
        } else if start.fract() != 0.0 || end.fract() != 0.0 {
            report
                .errors
                .push(format!("{path}: non-integer span {start}..{end}"));
        } else {
            // Compared as JS values (===): through Rust `String`s a lone surrogate on either
            // side would become U+FFFD and hide a split pair.
            let slice = JsValue::from(input.slice(start as u32, end as u32));
            if slice != text {
                report.errors.push(format!(
                    "{path}: input.slice({start}, {end}) is {slice:?}, text is {text:?}"
                ));
            }
        }
    }
    let keys = Object::keys(value.unchecked_ref::<Object>());
    for key in keys.iter() {
        let key = key.as_string().unwrap_or_default();
        check_spans(input, &get(value, &key), &format!("{path}.{key}"), report);
    }
}

#[derive(Default)]
struct Report {
    checked: usize,
    errors: Vec<String>,
}

fn is_high(u: u16) -> bool {
    (0xD800..0xDC00).contains(&u)
}

fn is_low(u: u16) -> bool {
    (0xDC00..0xE000).contains(&u)
}

/// A boundary at `i` splits a pair when a high surrogate sits just before a low one.
fn splits_pair(input: &JsString, i: u32) -> bool {
    i > 0
        && i < input.length()
        && is_high(input.char_code_at(i - 1) as u16)
        && is_low(input.char_code_at(i) as u16)
}

/// Checks the whole result against `input`; returns how many text spans it checked.
fn check_result(input: &JsString, result: &JsValue) -> usize {
    let len = get(result, "textLength").as_f64();
    assert_eq!(
        len,
        Some(input.length() as f64),
        "textLength differs from input.length"
    );
    let sentences = get(result, "sentences");
    let sentences = sentences.dyn_ref::<Array>().expect("sentences is an array");
    let mut last_end = 0.0;
    for (i, s) in sentences.iter().enumerate() {
        let (start, end) = (get(&s, "start").as_f64(), get(&s, "end").as_f64());
        let (Some(start), Some(end)) = (start, end) else {
            panic!("sentences[{i}] lacks numeric start/end");
        };
        assert!(
            last_end <= start && start <= end && end <= input.length() as f64,
            "sentences[{i}] {start}..{end} out of order or range"
        );
        assert!(
            !splits_pair(input, start as u32),
            "sentences[{i}] starts inside a surrogate pair"
        );
        assert!(
            !splits_pair(input, end as u32),
            "sentences[{i}] ends inside a surrogate pair"
        );
        last_end = end;
    }
    let mut report = Report::default();
    check_spans(input, result, "result", &mut report);
    assert!(
        report.errors.is_empty(),
        "bad spans:\n{}",
        report.errors.join("\n")
    );
    report.checked
}

#[wasm_bindgen_test]
fn spans_slice_back_to_their_text_on_unicode_input() {
    let mut total = 0;
    for input in INPUTS {
        let js = JsString::from(*input);
        total += check_result(&js, &analyze(&js, Some("2021-08-27")));
        total += check_result(&js, &analyze(&js, None));
    }
    // How much the walk covered depends on which recognizers exist; say it in the log.
    console_log!("checked {total} {{start, end, text}} spans");
}

/// The walker must find nested spans and notice a wrong one, or the test above proves nothing.
#[wasm_bindgen_test]
fn span_walker_finds_nested_spans_and_reports_bad_ones() {
    let input = JsString::from("Zoë 😀 said “hi”.");
    let value = js_sys::JSON::parse(
        r#"{"entities":[{"mentions":[{"start":0,"end":3,"text":"Zoë"}]}],
            "quotes":[{"start":5,"end":6,"text":"\ud83d"},{"start":4,"end":6,"text":"😀"}],
            "x":{"y":[[{"start":12,"end":16,"text":"“hi”"}]]}}"#,
    )
    .expect("valid JSON");
    let mut report = Report::default();
    check_spans(&input, &value, "v", &mut report);
    assert_eq!(report.checked, 4);
    // input.slice(5, 6) is the low half of 😀, not the lone high surrogate the text claims.
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    assert!(
        report.errors[0].starts_with("v.quotes[0]"),
        "{:?}",
        report.errors
    );
}

#[wasm_bindgen_test]
fn lone_surrogate_input_keeps_spans_valid() {
    // A lone high and a lone low surrogate inside otherwise ordinary news text.
    let mut units: Vec<u16> = "Mayor Anne Hidalgo said in Paris ".encode_utf16().collect();
    units.push(0xD83D); // high surrogate with no low surrogate after it
    units.extend(" that 12 people came on 3 May 2022. ".encode_utf16());
    units.push(0xDE00); // lone low surrogate
    units.extend("😀 Then 🇫🇷 “quote,” she said.".encode_utf16());
    let js = JsString::from_char_code(&units);
    assert!(
        !js.is_valid_utf16(),
        "the test input must hold a lone surrogate"
    );
    let result = analyze(&js, None);
    // The `&str` boundary replaces each lone surrogate with U+FFFD, one UTF-16 unit, so every
    // offset still lines up with the caller's string; only a `text` covering the lone
    // surrogate differs from it (it holds U+FFFD). Check spans against what the core saw, and
    // that it has the caller's length.
    let seen = JsString::from(String::from(&js));
    assert_eq!(seen.length(), js.length());
    check_result(&seen, &result);
}

#[wasm_bindgen_test]
fn invalid_reference_date_throws_a_clear_error() {
    for bad in [
        "2021-02-30",
        "yesterday",
        "2021/08/27",
        "2021-13-01",
        "2021-8-x",
    ] {
        let err = presslens::wasm::analyze_wire(b"Some text.", Some(bad.to_string()))
            .expect_err("an invalid reference date must be refused");
        let err: JsValue = err.into();
        assert!(
            err.is_instance_of::<js_sys::Error>(),
            "{bad}: not a JS Error: {err:?}"
        );
        let message: String = err.unchecked_ref::<js_sys::Error>().message().into();
        assert!(
            message.contains(bad) && message.contains("YYYY-MM-DD"),
            "{bad}: unclear message {message:?}"
        );
    }
    // Empty means "read it from the text", not an error.
    assert!(presslens::wasm::analyze_wire(b"Some text.", Some(String::new())).is_ok());
}

/// Bytes that are not UTF-8 get a message, not a panic.
#[wasm_bindgen_test]
fn bytes_that_are_not_utf8_are_refused() {
    let err: JsValue = presslens::wasm::analyze_wire(b"caf\xe9", None)
        .expect_err("not UTF-8")
        .into();
    let message: String = err.unchecked_ref::<js_sys::Error>().message().into();
    assert!(message.contains("not valid UTF-8"), "{message}");
}

/// The page reads what the CLI prints: the packed result of the worker's call, decoded by
/// `www/wire.js` in the browser, gives the objects `JSON.parse` makes of the JSON, keys in the
/// same order (compared as `JSON.stringify` writes them; tests/e2e/wire.test.mjs also tells
/// -0, NaN and null apart), also on a JavaScript string with lone surrogates.
#[wasm_bindgen_test]
fn the_pages_objects_are_the_jsons() {
    let article = include_str!("../www/sample-article.txt");
    let mut units: Vec<u16> = "Mayor Anne Hidalgo said in Paris ".encode_utf16().collect();
    units.push(0xD83D);
    units.extend(" that 12 people came on 3 May 2022. ".encode_utf16());
    units.push(0xDE00);
    units.extend("“It rained,” she said.".encode_utf16());
    let lone = JsString::from_char_code(&units);
    let inputs = INPUTS
        .iter()
        .map(|s| JsString::from(*s))
        .chain([JsString::from(article), lone]);
    for input in inputs {
        for date in [Some("2021-08-27"), None] {
            // The worker's TextEncoder makes each lone surrogate U+FFFD, as `String` does.
            let bytes = String::from(&input).into_bytes();
            let words = presslens::wasm::analyze_wire(&bytes, date.map(str::to_string))
                .unwrap_or_else(|e| panic!("analyze failed: {:?}", JsValue::from(e)));
            let page = decode_analysis(&words, &input)
                .unwrap_or_else(|e| panic!("decoding failed on {input:?}: {e:?}"));
            let json = analyze(&input, date);
            let page = js_sys::JSON::stringify(&page).expect("stringify");
            let json = js_sys::JSON::stringify(&json).expect("stringify");
            assert_eq!(String::from(page), String::from(json), "on {input:?}");
        }
    }
}
