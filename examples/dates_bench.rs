//! Times the dates stage alone, for profiling: `cargo run --release --example dates_bench --
//! FILE [tokens|dates] [REPEAT]`. With `tokens`, only the tokenizer runs, so that
//! `perf stat -e instructions` on both modes gives the instructions dates take, a measure that
//! does not depend on the machine's load.
use presslens::{dates, structure, text::Doc};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: dates_bench FILE [tokens|dates] [REPEAT]");
        std::process::exit(2);
    };
    let mode = args.next().unwrap_or_else(|| "dates".to_string());
    let repeat: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let doc = Doc::new(&text);
    let st = structure::analyze(&doc);
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..repeat {
        let t = Instant::now();
        if mode == "dates" {
            n = dates::extract(&doc, &st, None).dates.len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("{n} dates, best of {repeat}: {:.2} ms", best * 1e3);
}
