//! Throughput of the name tagger and of the whole entity step, in words per second.
//!
//! ```sh
//! cargo run --release --example bench_ner [-- FILE]   # default: ../shared/data/text/voa-sentences.txt
//! ```
//! The file's lines are joined into one text (one sentence a line); "words" are word tokens.

use presslens::text::{Doc, TokKind};
use presslens::{entities, ner, structure};
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/text/voa-sentences.txt".to_string());
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skip: {path} is absent");
        return;
    };
    let t0 = Instant::now();
    let doc = Doc::new(&text);
    let t_doc = t0.elapsed().as_secs_f64();
    let words = doc
        .tokens
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .count();
    let _ = ner::model();
    let mut best = f64::MAX;
    let mut spans = 0;
    for _ in 0..3 {
        let t = Instant::now();
        spans = ner::model().spans(&doc).len();
        best = best.min(t.elapsed().as_secs_f64());
    }
    let s = structure::analyze(&doc);
    let t = Instant::now();
    let n = entities::extract(&doc, &s).entities.len();
    let t_ent = t.elapsed().as_secs_f64();
    println!("{path}: {words} words, {} tokens", doc.tokens.len());
    println!("tokenize:        {:8.0} words/s", words as f64 / t_doc);
    println!(
        "tagger alone:    {:8.0} words/s ({spans} spans)",
        words as f64 / best
    );
    println!(
        "entity step:     {:8.0} words/s ({n} entities)",
        words as f64 / t_ent
    );
}
