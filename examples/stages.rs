//! Times each stage of the pipeline on one text: where does the time go?
//! Usage: cargo run --release --example stages -- FILE [REPEAT]
//! With REPEAT, the file's text is repeated that many times (one document). A file of articles
//! separated by a line with a single form feed (as bench/run.mjs writes for
//! `examples/throughput`) is analyzed article by article, as the benches do, and each stage's
//! times are summed: one long document keeps every table large and is not what a page sees.
use presslens::{dates, entities, figures, quotes, structure, text::Doc};
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: stages FILE [REPEAT]");
        std::process::exit(2);
    };
    let repeat: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let text = std::fs::read_to_string(&path)
        .expect("readable UTF-8 file")
        .repeat(repeat);
    let words = text.split_whitespace().count();
    let articles: Vec<&str> = text.split("\n\u{c}\n").collect();
    // Tokens, structure, dates, entities, figures, quotes.
    let mut times = [Duration::ZERO; 6];
    let (mut tokens, mut sentences) = (0, 0);
    for (i, text) in articles.iter().enumerate() {
        let mut lap = |k: usize, t: Instant| {
            // The first article warms the lazily built tables up, as in examples/throughput.
            if i > 0 || articles.len() == 1 {
                times[k] += t.elapsed();
            }
        };
        let t = Instant::now();
        let doc = Doc::new(text);
        lap(0, t);
        let t = Instant::now();
        let st = structure::analyze(&doc);
        lap(1, t);
        let t = Instant::now();
        let d = dates::extract(&doc, &st, None);
        lap(2, t);
        let t = Instant::now();
        let e = entities::extract(&doc, &st);
        lap(3, t);
        let t = Instant::now();
        let f = figures::extract(&doc, &d.claimed, &e.claimed);
        lap(4, t);
        let t = Instant::now();
        let q = quotes::extract(&doc, &st, &e);
        lap(5, t);
        tokens += doc.tokens.len();
        sentences += doc.sentences.len();
        std::hint::black_box((
            d.dates.len(),
            e.entities.len(),
            f.figures.len(),
            q.quotes.len(),
        ));
    }
    let total: Duration = times.iter().sum();
    println!(
        "{} bytes, {} articles, {words} words, {tokens} tokens, {sentences} sentences",
        text.len(),
        articles.len(),
    );
    for (name, d) in [
        "tokens",
        "structure",
        "dates",
        "entities",
        "figures",
        "quotes",
    ]
    .into_iter()
    .zip(times)
    {
        println!(
            "{name:10} {:9.2} ms {:5.1}%",
            d.as_secs_f64() * 1e3,
            100.0 * d.as_secs_f64() / total.as_secs_f64()
        );
    }
    println!(
        "{:10} {:9.2} ms  {:.0} words/s",
        "total",
        total.as_secs_f64() * 1e3,
        words as f64 / total.as_secs_f64()
    );
}
