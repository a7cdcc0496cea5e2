//! Throughput of the name tagger and of the whole entity step, in words per second, natively
//! or in wasm (the page's build profile) under Node.
//!
//! ```sh
//! cargo run --release --example bench_ner [-- FILE]   # default: ../shared/data/text/voa-sentences.txt
//! scripts/eval/bench_ner_wasm.sh [FILE]               # the same measurements in wasm (Node)
//! ```
//! The file's lines are joined into one text (one sentence a line); "words" are word tokens.
//! In wasm this file is built as a `cdylib` (`cargo rustc --crate-type cdylib`) that exports
//! `bench_alloc`, `bench_load` (tokenizes the text once and keeps it) and `bench_run` (0: the
//! tagger alone, 1: the whole entity step, 2: the tokenizer), which the Node script times.

use presslens::text::{Doc, TokKind};
use presslens::{entities, ner, structure};
#[cfg(not(target_arch = "wasm32"))]
use std::time::Instant;

fn words(doc: &Doc) -> usize {
    doc.tokens
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .count()
}

#[cfg(not(target_arch = "wasm32"))]
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
    let words = words(&doc);
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

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::*;
    use std::cell::RefCell;

    thread_local! {
        static DOC: RefCell<Option<Doc<'static>>> = const { RefCell::new(None) };
    }

    /// A buffer of `len` bytes for the text, owned by the module from now on.
    #[no_mangle]
    pub extern "C" fn bench_alloc(len: usize) -> *mut u8 {
        let mut v = Vec::<u8>::with_capacity(len);
        let p = v.as_mut_ptr();
        std::mem::forget(v);
        p
    }

    /// Tokenizes the `len` bytes at `ptr` (written by the caller into `bench_alloc`'s buffer)
    /// and keeps the document; returns its word count.
    ///
    /// # Safety
    /// `ptr` must come from `bench_alloc(len)` with `len` initialized bytes.
    #[no_mangle]
    pub unsafe extern "C" fn bench_load(ptr: *mut u8, len: usize) -> usize {
        let bytes: &'static [u8] = unsafe { std::slice::from_raw_parts(ptr, len) };
        let text = std::str::from_utf8(bytes).unwrap_or("");
        let doc = Doc::new(text);
        let n = words(&doc);
        let _ = ner::model();
        DOC.with(|d| *d.borrow_mut() = Some(doc));
        n
    }

    /// One timed step on the loaded document: 0 the tagger alone, 1 the entity step
    /// (structure, tagger, rules, merging), 2 the tokenizer again. Returns a count so that
    /// the work is not optimized away.
    #[no_mangle]
    pub extern "C" fn bench_run(what: u32) -> usize {
        DOC.with(|d| {
            let d = d.borrow();
            let Some(doc) = d.as_ref() else { return 0 };
            match what {
                0 => ner::model().spans(doc).len(),
                1 => entities::extract(doc, &structure::analyze(doc))
                    .entities
                    .len(),
                _ => Doc::new(doc.text).tokens.len(),
            }
        })
    }
}
