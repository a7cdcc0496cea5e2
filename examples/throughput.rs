//! Native throughput of the full analysis, for bench/run.mjs.
//! Usage: cargo run --release --example throughput -- ARTICLES.txt
//! ARTICLES.txt holds articles separated by a line with a single form feed (\f).
//! Prints one JSON line: {"articles", "words", "seconds", "wordsPerSecond"}.
use presslens::{analyze, Options};
use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: throughput ARTICLES.txt");
        std::process::exit(2);
    };
    let all = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let articles: Vec<&str> = all
        .split("\n\u{c}\n")
        .filter(|a| !a.trim().is_empty())
        .collect();
    let words: usize = articles.iter().map(|a| a.split_whitespace().count()).sum();
    // Warm up (lazy tables), then time every article once.
    let _ = analyze(articles.first().copied().unwrap_or(""), &Options::default());
    let t = Instant::now();
    for a in &articles {
        std::hint::black_box(analyze(a, &Options::default()).ok());
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{{\"articles\":{},\"words\":{},\"seconds\":{:.4},\"wordsPerSecond\":{:.0}}}",
        articles.len(),
        words,
        s,
        words as f64 / s
    );
}
