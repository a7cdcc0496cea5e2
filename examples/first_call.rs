//! Latency of the first analyses in a fresh process: one-time table building shows here.
//! Usage: cargo run --release --example first_call -- FILE
use presslens::{analyze, Options};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: first_call FILE");
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    for (i, t) in ["Hello.", text.as_str(), text.as_str()].iter().enumerate() {
        let start = Instant::now();
        std::hint::black_box(analyze(t, &Options::default()).ok());
        println!(
            "call {}: {:.2} ms",
            i + 1,
            start.elapsed().as_secs_f64() * 1e3
        );
    }
}
