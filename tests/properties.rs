//! "Analyze anything, never panic": arbitrary text through `analyze`, every span checked.
//!
//! The generator favours what breaks text code: every kind of quote mark, digits and number
//! punctuation, capitals, RTL and combining marks, emoji with joiners, control characters,
//! line breaks and very long tokens. The case count is small by default so that the normal
//! test run stays fast; set `PROPTEST_CASES=20000` for a longer run (see README).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use presslens::{analyze, Options};
use proptest::prelude::*;

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Z][a-z]{0,8}",
        4 => "[a-z]{1,8}",
        2 => "[0-9]{1,6}([.,/:-][0-9]{1,4})?",
        2 => prop::sample::select(vec![
            " ", " ", "\n", "\r\n", "\t", ".", ",", ";", ":", "(", ")", "-", "—", "–", "\"", "'",
            "“", "”", "‘", "’", "«", "»", "„", "$", "€", "%", "..", "?", "!", "/", "&",
            "^", "*", "#", "@", "+", "=", "~", "''", "``", "[", "]", "{", "}", "|", "\\",
        ]).prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "😀", "👩‍👩‍👧", "🇺🇸", "é", "e\u{301}", "ﬁ", "مرحبا", "שלום", "中文", "\u{0}", "\u{7}",
            "\u{200B}", "\u{FEFF}", "\u{2028}", "\u{D7FF}", "\u{E000}", "\u{10FFFF}", "İ", "ß", "ǅ",
            "\u{200D}", "👍\u{200D}", "❤\u{FE0F}\u{200D}",
        ]).prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "more than", "between", "and", "up from", "said", "told", "according to", "Sunday",
            "Aug.", "2021", "ago", "later", "(AP Photo / ", "also known as", "tens of thousands",
            "Mr.", "U.S.", "9/11", "C-17", "816th", "million", "$2.5bn",
        ]).prop_map(str::to_string),
        1 => "[A-Za-z0-9]{50,300}",
    ]
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|v| {
        let mut s = String::new();
        for (i, p) in v.iter().enumerate() {
            if i > 0 && i % 3 != 0 {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(400),
        ..ProptestConfig::default()
    })]

    #[test]
    fn analyze_never_panics_and_spans_are_valid(text in article()) {
        let a = analyze(&text, &Options::default()).expect("input is small");
        let v = serde_json::to_value(&a).unwrap();
        let text16: Vec<u16> = text.encode_utf16().collect();
        prop_assert_eq!(a.text_length as usize, text16.len());
        let mut errors = Vec::new();
        common::check_spans(&v, &text16, "analysis", &mut errors);
        // Spans without a text field must be in range and not split surrogate pairs either.
        for s in &a.sentences {
            if common::utf16_slice(&text16, s.start as u64, s.end as u64).is_none() {
                errors.push(format!("sentence {}..{}", s.start, s.end));
            }
        }
        for b in &a.structure.blocks {
            if common::utf16_slice(&text16, b.start as u64, b.end as u64).is_none() {
                errors.push(format!("block {}..{}", b.start, b.end));
            }
        }
        prop_assert!(errors.is_empty(), "{:?}", errors);
    }

    /// Every token is a piece of the text without whitespace (a joiner once took a space).
    #[test]
    fn no_token_holds_whitespace(text in article()) {
        let doc = presslens::text::Doc::new(&text);
        for i in 0..doc.tokens.len() {
            let t = doc.tok(i);
            prop_assert!(!t.is_empty() && !t.contains(char::is_whitespace), "token {} {:?}", i, t);
        }
    }

    #[test]
    fn any_unicode_never_panics(text in "\\PC{0,400}") {
        let a = analyze(&text, &Options::default()).expect("input is small");
        let v = serde_json::to_value(&a).unwrap();
        let text16: Vec<u16> = text.encode_utf16().collect();
        let mut errors = Vec::new();
        common::check_spans(&v, &text16, "analysis", &mut errors);
        prop_assert!(errors.is_empty(), "{:?}", errors);
    }
}

#[test]
fn oversized_input_is_refused_with_a_message() {
    let big = "a ".repeat(presslens::MAX_INPUT_BYTES / 2 + 1);
    let err = analyze(&big, &Options::default()).unwrap_err();
    assert!(err.to_string().contains("at most"), "{err}");
}

/// Regression: "0^" (an exponent with nothing after it, at the end of the text) panicked in
/// the figures' exponent reading. Every ASCII punctuation mark around a number, at both ends
/// of the text.
#[test]
fn punctuation_at_the_ends_never_panics() {
    for c in (0x21u8..0x7f)
        .filter(u8::is_ascii_punctuation)
        .map(char::from)
    {
        for text in [
            format!("0{c}"),
            format!("0{c}{c}"),
            format!("{c}0"),
            format!("1.5{c}-"),
            format!("said{c}"),
            format!("{c}{c}Roe"),
        ] {
            let a = analyze(&text, &Options::default()).expect("small input");
            std::hint::black_box(a);
        }
    }
}
