//! Times each stage of the pipeline on one text: where does the time go?
//! Usage: cargo run --release --example stages -- FILE [REPEAT]
//! With REPEAT, the file's text is repeated that many times (one document).
use presslens::{dates, entities, figures, quotes, structure, text::Doc};
use std::time::Instant;

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
    let t = Instant::now();
    let doc = Doc::new(&text);
    let t_doc = t.elapsed();
    let t = Instant::now();
    let st = structure::analyze(&doc);
    let t_st = t.elapsed();
    let t = Instant::now();
    let d = dates::extract(&doc, &st, None);
    let t_d = t.elapsed();
    let t = Instant::now();
    let e = entities::extract(&doc, &st);
    let t_e = t.elapsed();
    let t = Instant::now();
    let f = figures::extract(&doc, &d.claimed, &e.claimed);
    let t_f = t.elapsed();
    let t = Instant::now();
    let q = quotes::extract(&doc, &st, &e);
    let t_q = t.elapsed();
    let total = t_doc + t_st + t_d + t_e + t_f + t_q;
    println!(
        "{} bytes, {words} words, {} tokens, {} sentences",
        text.len(),
        doc.tokens.len(),
        doc.sentences.len()
    );
    for (name, d) in [
        ("tokens", t_doc),
        ("structure", t_st),
        ("dates", t_d),
        ("entities", t_e),
        ("figures", t_f),
        ("quotes", t_q),
    ] {
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
    std::hint::black_box((
        d.dates.len(),
        e.entities.len(),
        f.figures.len(),
        q.quotes.len(),
    ));
}
