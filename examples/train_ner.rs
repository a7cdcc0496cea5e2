//! Trains the name tagger of `src/ner.rs` and writes `data/model/ner.bin`; or evaluates a model
//! file on a corpus.
//!
//! ```sh
//! cargo run --release --example train_ner                      # the shipped model
//! cargo run --release --example train_ner -- --epochs 4 --limit 10000 --out target/m.bin
//! cargo run --release --example train_ner -- eval data/model/ner.bin ../shared/data/ner/uner-en-ewt-test.jsonl
//! # news test: 8 GUM Wikinews documents left out of training, scored on them
//! cargo run --release --example train_ner -- gum-export target/gum-heldout.jsonl
//! cargo run --release --example train_ner -- --gum-holdout --out target/g.bin
//! echo "Kim Jong-un met Moon Jae-in." | cargo run --release --example train_ner -- tag
//! # news proxy: train without the last 3,000 GMB lines, score on them (GMB labels are noisy)
//! cargo run --release --example train_ner -- --gmb-holdout 3000 --out target/h.bin
//! cargo run --release --example train_ner -- eval target/h.bin ../shared/data/ner/gmb-voa.jsonl --corpus gmb --skip 44959
//! ```
//!
//! Training reads only the corpora a shipped model may use (`../shared/data/README.md`):
//! GMB (Voice of America news), wikigold, the UNER English Web Treebank *dev* split and GUM's
//! Wikinews documents (its mentions cut to name spans: `gum_spans`). The UNER test split is
//! held out: only `eval` reads it. `--gum-holdout` leaves every fifth GUM document out and
//! `gum-export` writes those as a test set for `scripts/eval/ner.py` (news, unlike UNER).
//!
//! Labels: PER, ORG, LOC; GPE is LOC when it is a place name and dropped when it is a
//! nationality word (GMB tags "Iraqi" as gpe; news readers and the other corpora do not count
//! it as a place). MISC, dates and events are outside. Titles are cut from the front of person
//! spans (GMB includes "President"), as the product does. Corpus text is tokenized with
//! presslens' own tokenizer; a sentence whose gold spans do not fall on token boundaries, or
//! cross a sentence boundary of the tokenizer, is dropped.
//!
//! The defaults are the shipped model (`docs/ner.md` has the measurements): 2^16 buckets,
//! 5 epochs, weights under 4.0 pruned; wikigold, UNER dev and GUM repeated 5 times (web text and
//! Wikipedia beside 48k news sentences); every 20th line again with capitalized names and the
//! next wholly capitalized (`--caps`); GMB lines whose labels contradict the country list
//! dropped (`--no-clean` keeps them); 3 runs with different epoch orders averaged (`--runs`).
//!
//! Deterministic: the corpora are read in a fixed order and shuffled with a fixed seed.

use presslens::lexicon;
use presslens::ner::{self, Model, Scratch, TAGS};
use presslens::text::Doc;
use serde_json::Value;
use std::collections::HashMap;
use std::io::BufRead;
use std::ops::Range;

const DATA: &str = "../shared/data/ner";

struct Sentence {
    feats: Vec<u32>,
    starts: Vec<usize>,
    gold: Vec<u8>,
}

/// Code-point offset -> byte offset in `text`.
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// Gold spans of a corpus line as (byte range, kind index), after label mapping.
/// Byte range and kind index (0 person, 1 organization, 2 place).
type Spans = Vec<(Range<usize>, usize)>;

/// GUM marks every mention with its modifiers, nested ("US political activist Noam
/// Chomsky", "the Centre for X at the University of Y", "Helsinki" inside "the University
/// of Helsinki"). Its names: person, organization and place mentions that contain a proper
/// noun, cut to their last run of capitalized words ("Noam Chomsky"; connectors such as "of"
/// inside organizations and places) when what comes before is only modifiers (no
/// preposition, comma or conjunction: "old sites in southern Finland" gives nothing, its
/// nested "southern Finland" gives "Finland"); outermost names win over nested ones.
fn gum_spans(row: &Value) -> Option<(String, Spans)> {
    let text = row.get("text")?.as_str()?.to_string();
    let offs = byte_offsets(&text);
    let mut found: Vec<(Range<usize>, usize)> = Vec::new();
    for m in row.get("mentions")?.as_array()? {
        let k = match m.get("label")?.as_str()? {
            "person" => 0,
            "organization" => 1,
            "place" => 2,
            _ => continue,
        };
        if m.get("has_propn_or_identity").and_then(Value::as_bool) != Some(true) {
            continue;
        }
        let a = *offs.get(m.get("start")?.as_u64()? as usize)?;
        let b = *offs.get(m.get("end")?.as_u64()? as usize)?;
        if let Some(r) = gum_name(&text, a..b, k) {
            found.push((r, k));
        }
    }
    // Outermost first; a name inside or across an accepted one is dropped.
    found.sort_by_key(|(r, _)| (std::cmp::Reverse(r.len()), r.start));
    let mut out: Spans = Vec::new();
    for (r, k) in found {
        if out
            .iter()
            .all(|(o, _)| r.end <= o.start || o.end <= r.start)
        {
            out.push((r, k));
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    Some((text, out))
}

/// The name inside one GUM mention (byte range `r` of `text`, space-separated tokens).
fn gum_name(text: &str, r: Range<usize>, kind: usize) -> Option<Range<usize>> {
    let mut toks: Vec<Range<usize>> = Vec::new();
    let mut at = r.start;
    for w in text.get(r.clone())?.split(' ') {
        if !w.is_empty() {
            toks.push(at..at + w.len());
        }
        at += w.len() + 1;
    }
    let word = |t: &Range<usize>| &text[t.clone()];
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // A person "X of Y" or "X, Y" is X ("Claudia Mo of the Civic Party"): Y is a nested
    // mention of its own.
    if kind == 0 {
        if let Some(cut) = toks
            .iter()
            .position(|t| matches!(word(t), "of" | "," | "(" | "from" | "at"))
        {
            toks.truncate(cut);
        }
    }
    let particle = |w: &str| {
        matches!(
            w,
            "de" | "del"
                | "della"
                | "di"
                | "da"
                | "du"
                | "van"
                | "von"
                | "der"
                | "den"
                | "bin"
                | "ibn"
                | "al"
                | "el"
                | "le"
                | "la"
                | "-"
                | "&"
                | "."
        )
    };
    let connector = |w: &str| {
        particle(w) || (kind != 0 && matches!(w, "of" | "for" | "and" | "the" | "on" | "at"))
    };
    // The last run of capitalized words, with connectors between them.
    let mut end = toks.len();
    while end > 0 && !cap(word(&toks[end - 1])) {
        end -= 1;
    }
    if end == 0 || end != toks.len() && !matches!(word(&toks[end]), "'s" | "’s") {
        return None;
    }
    let mut start = end - 1;
    while start > 0 {
        let w = word(&toks[start - 1]);
        if cap(w) || (connector(w) && start >= 2 && cap(word(&toks[start - 2]))) {
            start -= 1;
        } else {
            break;
        }
    }
    // Organizations and places keep their "of" parts; the run then starts at a capital.
    while start < end && !cap(word(&toks[start])) {
        start += 1;
    }
    // Before the name only modifiers: determiners, adjectives, titles.
    for t in &toks[..start] {
        let w = word(t);
        if matches!(
            w,
            "of" | "in"
                | "at"
                | "for"
                | "on"
                | "from"
                | "with"
                | "by"
                | ","
                | "and"
                | "or"
                | "("
                | ")"
                | ":"
                | "to"
                | "who"
                | "that"
                | "which"
        ) {
            return None;
        }
    }
    // People: the name starts after the last title ("NASA Administrator Charles Bolden").
    if kind == 0 {
        if let Some(t) = (start..end).rev().find(|&t| {
            let w = word(&toks[t]);
            lexicon::is_title_word(w) || w == "The" || lexicon::demonym_country(w).is_some()
        }) {
            start = t + 1;
        }
    }
    if start >= end {
        return None;
    }
    // Pronouns and nationality words refer to names ("I", "We", "Americans") but are not.
    if end - start == 1 {
        let w = word(&toks[start]);
        let pronoun = matches!(
            w,
            "I" | "We"
                | "They"
                | "He"
                | "She"
                | "It"
                | "You"
                | "His"
                | "Her"
                | "My"
                | "Our"
                | "Their"
                | "Its"
                | "Your"
                | "Me"
                | "Us"
                | "Him"
                | "Them"
                | "This"
                | "That"
        );
        if pronoun
            || lexicon::demonym_country(w).is_some()
            || lexicon::demonym_country(w.trim_end_matches('s')).is_some()
        {
            return None;
        }
    }
    Some(toks[start].start..toks[end - 1].end)
}

/// The GUM documents held out by `--gum-holdout`: every fifth by the order of their ids
/// (interviews and news alike), 9 of 43.
fn gum_heldout_docs(rows: &[Value]) -> std::collections::BTreeSet<String> {
    let ids: std::collections::BTreeSet<&str> = rows
        .iter()
        .filter_map(|r| r.get("doc_id")?.as_str())
        .collect();
    ids.iter()
        .enumerate()
        .filter(|(i, _)| i % 5 == 4)
        .map(|(_, d)| d.to_string())
        .collect()
}

fn doc_id(r: &Value) -> &str {
    r.get("doc_id").and_then(Value::as_str).unwrap_or("")
}

fn gold_spans(row: &Value, corpus: &str) -> Option<(String, Spans)> {
    if corpus == "gum" {
        return gum_spans(row);
    }
    let text = row.get("text")?.as_str()?.to_string();
    let offs = byte_offsets(&text);
    let mut out = Vec::new();
    for e in row.get("entities")?.as_array()? {
        let label = e.get("label")?.as_str()?;
        let orig = e.get("orig_label").and_then(Value::as_str).unwrap_or("");
        let a = *offs.get(e.get("start")?.as_u64()? as usize)?;
        let b = *offs.get(e.get("end")?.as_u64()? as usize)?;
        let name = text.get(a..b)?;
        let k = match label {
            "PER" => 0,
            "ORG" => 1,
            "LOC" => 2,
            "GPE" if corpus != "gmb" || orig != "gpe" => 2,
            "GPE" => {
                let demonym = lexicon::demonym_country(name).is_some()
                    || lexicon::demonym_country(name.trim_end_matches('s')).is_some();
                if lexicon::is_place(name) && !demonym {
                    2
                } else {
                    continue;
                }
            }
            _ => continue,
        };
        out.push((a..b, k));
    }
    Some((text, out))
}

/// BILOU tags for every token of `doc`, or None when a span does not align.
fn align(doc: &Doc, spans: &[(Range<usize>, usize)]) -> Option<Vec<u8>> {
    let mut tags = vec![0u8; doc.tokens.len()];
    for (r, k) in spans {
        let mut a = doc.tokens.iter().position(|t| t.start == r.start)?;
        let b = doc.tokens.iter().position(|t| t.end == r.end)?;
        if *k == 0 {
            while let Some(len) = lexicon::title_length(doc, a) {
                if a + len > b {
                    break;
                }
                a += len;
            }
        }
        if b < a || doc.tokens[a].sentence != doc.tokens[b].sentence {
            return None;
        }
        if tags[a..=b].iter().any(|&t| t != 0) {
            return None;
        }
        if a == b {
            tags[a] = ner::tag(*k, 4) as u8;
        } else {
            tags[a] = ner::tag(*k, 1) as u8;
            for t in &mut tags[a + 1..b] {
                *t = ner::tag(*k, 2) as u8;
            }
            tags[b] = ner::tag(*k, 3) as u8;
        }
    }
    Some(tags)
}

fn read_jsonl(path: &str) -> Vec<Value> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    std::io::BufReader::new(f)
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str(&l).ok())
        .collect()
}

/// Capitalized copies: every `caps`-th line again with its names in capitals ("BREYER
/// joined", "WASHINGTON —"), and the line after it again wholly in capitals (a headline), so
/// that the capitals-only features have examples. ASCII capitals keep the byte offsets.
fn caps_variants(text: &str, spans: &Spans, row: usize, caps: usize) -> Option<String> {
    if caps == 0 {
        return None;
    }
    let mut t = text.to_string();
    match row % caps {
        0 if !spans.is_empty() => {
            for (r, _) in spans {
                t.get_mut(r.clone())?.make_ascii_uppercase();
            }
        }
        1 => t.make_ascii_uppercase(),
        _ => return None,
    }
    Some(t)
}

/// GMB's labels are silver (machine tagged, partly corrected) and miss names: a line where a
/// capitalized country name lies outside every gold span, or a person span is a country, is
/// more likely wrong than right, and is left out (unless `--no-clean`).
fn conflicts(doc: &Doc, spans: &Spans) -> bool {
    let inside = |b: usize| spans.iter().any(|(r, _)| r.contains(&b));
    for t in &doc.tokens {
        let w = &doc.text[t.start..t.end];
        let cap = w.chars().next().is_some_and(char::is_uppercase);
        if w.len() > 2 && cap && !inside(t.start) && lexicon::is_country(w) {
            return true;
        }
    }
    spans
        .iter()
        .any(|(r, k)| *k == 0 && doc.text.get(r.clone()).is_some_and(lexicon::is_country))
}

fn load(
    corpus: &str,
    file: &str,
    bits: u32,
    holdout: usize,
    caps: usize,
    clean: bool,
    out: &mut Vec<Sentence>,
) -> (usize, usize) {
    let mut rows = read_jsonl(&format!("{DATA}/{file}"));
    if corpus == "gum" {
        // `holdout` != 0: every fifth document is left out (`gum-export` writes them).
        if holdout != 0 {
            let out = gum_heldout_docs(&rows);
            rows.retain(|r| !out.contains(doc_id(r)));
        }
    } else {
        rows.truncate(rows.len().saturating_sub(holdout));
    }
    let (mut kept, mut dropped) = (0, 0);
    let mut s = Scratch::default();
    for (i, row) in rows.iter().enumerate() {
        let Some((text, spans)) = gold_spans(row, corpus) else {
            dropped += 1;
            continue;
        };
        let variant = caps_variants(&text, &spans, i, caps);
        for (v, text) in [Some(text), variant].into_iter().flatten().enumerate() {
            let doc = Doc::new(&text);
            let Some(tags) = align(&doc, &spans) else {
                dropped += (v == 0) as usize;
                break;
            };
            if clean && v == 0 && conflicts(&doc, &spans) {
                dropped += 1;
                break;
            }
            for sent in &doc.sentences {
                if sent.is_empty() {
                    continue;
                }
                ner::features(&doc, sent.clone(), bits, &mut s);
                out.push(Sentence {
                    feats: s.feats.clone(),
                    starts: s.starts.clone(),
                    gold: tags[sent.clone()].to_vec(),
                });
            }
            kept += (v == 0) as usize;
        }
    }
    (kept, dropped)
}

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// Averaged structured perceptron: `w` the current weights, `u` the sum of step x update, so
/// that the average is `w - u / steps`.
struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    tw: Vec<f32>,
    tu: Vec<f32>,
    step: f32,
}

impl Perceptron {
    fn new(bits: u32) -> Self {
        // Transitions, then start, then end scores.
        let nt = TAGS * TAGS + 2 * TAGS;
        Perceptron {
            w: vec![0.0; (1 << bits) * TAGS],
            u: vec![0.0; (1 << bits) * TAGS],
            tw: vec![0.0; nt],
            tu: vec![0.0; nt],
            step: 1.0,
        }
    }

    fn emissions(w: &[f32], s: &Sentence, em: &mut Vec<f32>) {
        let n = s.gold.len();
        em.clear();
        em.resize(n * TAGS, 0.0);
        for i in 0..n {
            for &f in &s.feats[s.starts[i]..s.starts[i + 1]] {
                let row = &w[f as usize * TAGS..(f as usize + 1) * TAGS];
                for t in 0..TAGS {
                    em[i * TAGS + t] += row[t];
                }
            }
        }
    }

    fn decode(w: &[f32], tw: &[f32], s: &Sentence, em: &mut Vec<f32>, out: &mut Vec<u8>) {
        Self::emissions(w, s, em);
        let mut back = Vec::new();
        let (tr, rest) = tw.split_at(TAGS * TAGS);
        let (st, en) = rest.split_at(TAGS);
        ner::viterbi(em, s.gold.len(), tr, st, en, &mut back, out);
    }

    fn upd(&mut self, f: usize, t: usize, d: f32) {
        self.w[f * TAGS + t] += d;
        self.u[f * TAGS + t] += self.step * d;
    }

    fn tupd(&mut self, i: usize, d: f32) {
        self.tw[i] += d;
        self.tu[i] += self.step * d;
    }

    fn train(&mut self, s: &Sentence, em: &mut Vec<f32>, pred: &mut Vec<u8>) -> bool {
        Self::decode(&self.w, &self.tw, s, em, pred);
        let n = s.gold.len();
        let wrong = pred[..] != s.gold[..];
        if wrong {
            for i in 0..n {
                let (g, p) = (s.gold[i] as usize, pred[i] as usize);
                if g != p {
                    for k in s.starts[i]..s.starts[i + 1] {
                        let f = s.feats[k] as usize;
                        self.upd(f, g, 1.0);
                        self.upd(f, p, -1.0);
                    }
                }
                if i > 0 {
                    let (g0, p0) = (s.gold[i - 1] as usize, pred[i - 1] as usize);
                    if (g0, g) != (p0, p) {
                        self.tupd(g0 * TAGS + g, 1.0);
                        self.tupd(p0 * TAGS + p, -1.0);
                    }
                }
            }
            let (g, p) = (s.gold[0] as usize, pred[0] as usize);
            if g != p {
                self.tupd(TAGS * TAGS + g, 1.0);
                self.tupd(TAGS * TAGS + p, -1.0);
            }
            let (g, p) = (s.gold[n - 1] as usize, pred[n - 1] as usize);
            if g != p {
                self.tupd(TAGS * TAGS + TAGS + g, 1.0);
                self.tupd(TAGS * TAGS + TAGS + p, -1.0);
            }
        }
        self.step += 1.0;
        wrong
    }

    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let avg = |w: &[f32], u: &[f32]| -> Vec<f32> {
            w.iter().zip(u).map(|(w, u)| w - u / self.step).collect()
        };
        (avg(&self.w, &self.u), avg(&self.tw, &self.tu))
    }
}

fn arg<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> T {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Exact-span, exact-type scores of `model` on a corpus, sentence by sentence.
fn eval(model: &Model, path: &str, corpus: &str, skip: usize) {
    let rows: Vec<Value> = read_jsonl(path).into_iter().skip(skip).collect();
    let mut tp = [0usize; 3];
    let mut fp = [0usize; 3];
    let mut fn_ = [0usize; 3];
    for row in &rows {
        let Some((text, mut gold)) = gold_spans(row, corpus) else {
            continue;
        };
        let doc = Doc::new(&text);
        // Person spans without their titles, as in training (GMB includes them).
        for (r, k) in gold.iter_mut() {
            let Some(mut a) = doc.tokens.iter().position(|t| t.start == r.start) else {
                continue;
            };
            while let Some(len) = lexicon::title_length(&doc, a) {
                if *k != 0 || doc.tokens.get(a + len).map_or(true, |t| t.start >= r.end) {
                    break;
                }
                a += len;
            }
            r.start = doc.tokens[a].start;
        }
        let pred: Vec<(Range<usize>, usize)> = model
            .spans(&doc)
            .into_iter()
            .map(|(r, k)| {
                let k = ner::KINDS.iter().position(|x| *x == k).unwrap_or(0);
                (doc.range(r.start, r.end - 1), k)
            })
            .collect();
        for p in &pred {
            if gold.contains(p) {
                tp[p.1] += 1;
            } else {
                fp[p.1] += 1;
            }
        }
        for g in &gold {
            if !pred.contains(g) {
                fn_[g.1] += 1;
            }
        }
    }
    let prf = |t: usize, p: usize, n: usize| {
        let pr = if t + p > 0 {
            t as f64 / (t + p) as f64
        } else {
            0.0
        };
        let rc = if t + n > 0 {
            t as f64 / (t + n) as f64
        } else {
            0.0
        };
        let f = if pr + rc > 0.0 {
            2.0 * pr * rc / (pr + rc)
        } else {
            0.0
        };
        (pr, rc, f)
    };
    println!("tagger alone on {path} ({} sentences)", rows.len());
    println!("{:6}{:>7}{:>7}{:>7}{:>7}", "type", "P", "R", "F1", "gold");
    for (k, name) in ["PER", "ORG", "LOC"].iter().enumerate() {
        let (p, r, f) = prf(tp[k], fp[k], fn_[k]);
        println!("{name:6}{p:7.3}{r:7.3}{f:7.3}{:7}", tp[k] + fn_[k]);
    }
    let s = |a: [usize; 3]| a.iter().sum::<usize>();
    let (p, r, f) = prf(s(tp), s(fp), s(fn_));
    println!("{:6}{p:7.3}{r:7.3}{f:7.3}{:7}", "all", s(tp) + s(fn_));
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("tag") {
        // The tagger's own spans for the text on stdin, one a line: to look at its errors.
        let text = std::io::read_to_string(std::io::stdin()).unwrap_or_default();
        let doc = Doc::new(&text);
        for (r, k) in ner::model().spans(&doc) {
            println!("{k:?}\t{}", &doc.text[doc.range(r.start, r.end - 1)]);
        }
        return;
    }
    if args.first().map(String::as_str) == Some("gum-export") {
        // The held-out GUM documents as name spans, in the corpus format `scripts/eval/ner.py`
        // reads (code-point offsets), to score the whole pipeline on Wikinews.
        let rows = read_jsonl(&format!("{DATA}/gum-wikinews-mentions.jsonl"));
        let out = gum_heldout_docs(&rows);
        let path = args
            .get(1)
            .cloned()
            .unwrap_or("target/gum-heldout.jsonl".into());
        let mut lines = String::new();
        for r in rows.iter().filter(|r| out.contains(doc_id(r))) {
            let Some((text, spans)) = gum_spans(r) else {
                continue;
            };
            let cp = |b: usize| text[..b].chars().count();
            let ents: Vec<Value> = spans
                .iter()
                .map(|(r, k)| {
                    let label = ["PER", "ORG", "LOC"][*k];
                    serde_json::json!({"start": cp(r.start), "end": cp(r.end),
                        "label": label, "text": &text[r.clone()]})
                })
                .collect();
            let row = serde_json::json!({"id": r.get("id"), "doc_id": doc_id(r), "text": text,
                "entities": ents});
            lines.push_str(&row.to_string());
            lines.push('\n');
        }
        std::fs::write(&path, lines).unwrap_or_else(|e| panic!("{path}: {e}"));
        eprintln!("wrote {path}: {} documents", out.len());
        return;
    }
    if args.first().map(String::as_str) == Some("eval") {
        let (Some(model), Some(corpus)) = (args.get(1), args.get(2)) else {
            eprintln!("usage: train_ner eval MODEL.bin CORPUS.jsonl");
            std::process::exit(2);
        };
        let bytes = std::fs::read(model).unwrap_or_else(|e| panic!("{model}: {e}"));
        let m = Model::from_bytes(&bytes).expect("a valid model file");
        let skip = arg(&args, "--skip", 0);
        eval(
            &m,
            corpus,
            &arg(&args, "--corpus", "eval".to_string()),
            skip,
        );
        return;
    }
    if !std::path::Path::new(DATA).exists() {
        eprintln!("skip: {DATA} is absent (the shared corpora are not beside this clone)");
        return;
    }
    let bits: u32 = arg(&args, "--bits", 16);
    let epochs: usize = arg(&args, "--epochs", 5);
    let prune: f32 = arg(&args, "--prune", 4.0);
    let limit: usize = arg(&args, "--limit", usize::MAX);
    let out_path: String = arg(&args, "--out", "data/model/ner.bin".to_string());
    // Small sets repeated so that web text and Wikipedia weigh beside 48k news sentences.
    let repeat: usize = arg(&args, "--repeat", 5);
    let gum_repeat: usize = arg(&args, "--gum-repeat", 5);
    // The last N GMB lines left out, to measure on news (`eval --corpus gmb --skip`).
    let gmb_holdout: usize = arg(&args, "--gmb-holdout", 0);
    // Every N-th line again with capitalized names, the next wholly capitalized (0: none).
    let caps: usize = arg(&args, "--caps", 20);
    let clean = !args.iter().any(|a| a == "--no-clean");
    let use_gum = !args.iter().any(|a| a == "--no-gum");
    // Leave every fifth GUM document out, to score on Wikinews (`gum-export`).
    let gum_holdout = args.iter().any(|a| a == "--gum-holdout");

    let mut data = Vec::new();
    let mut counts = HashMap::new();
    for (corpus, file) in [
        ("gmb", "gmb-voa.jsonl"),
        ("wikigold", "wikigold.jsonl"),
        ("uner", "uner-en-ewt-dev.jsonl"),
        ("gum", "gum-wikinews-mentions.jsonl"),
    ] {
        if corpus == "gum" && !use_gum {
            continue;
        }
        let before = data.len();
        let (kept, dropped) = load(
            corpus,
            file,
            bits,
            match corpus {
                "gmb" => gmb_holdout,
                "gum" => gum_holdout as usize,
                _ => 0,
            },
            caps,
            clean && corpus == "gmb",
            &mut data,
        );
        if corpus != "gmb" {
            let added: Vec<Sentence> = data[before..]
                .iter()
                .map(|s| Sentence {
                    feats: s.feats.clone(),
                    starts: s.starts.clone(),
                    gold: s.gold.clone(),
                })
                .collect();
            let times = if corpus == "gum" { gum_repeat } else { repeat };
            for _ in 1..times {
                data.extend(added.iter().map(|s| Sentence {
                    feats: s.feats.clone(),
                    starts: s.starts.clone(),
                    gold: s.gold.clone(),
                }));
            }
        }
        counts.insert(corpus, (kept, dropped));
        eprintln!("{corpus}: {kept} lines kept, {dropped} dropped (unaligned or conflicting)");
    }
    // The shuffle seed: scores move by about a point from seed to seed (docs/ner.md).
    let mut rng = Lcg(arg(&args, "--seed", 0x5eed));
    // Fisher-Yates with a fixed seed, then the optional subsample.
    for i in (1..data.len()).rev() {
        let j = (rng.next() as usize) % (i + 1);
        data.swap(i, j);
    }
    data.truncate(limit);
    eprintln!("{} training sentences, 2^{bits} buckets", data.len());

    // Several runs over differently ordered epochs, their averaged weights averaged again:
    // one run's score moves by about a point with the seed; the mean of runs moves less.
    let runs: usize = arg(&args, "--runs", 3).max(1);
    let (mut w, mut tw) = (Vec::new(), Vec::new());
    for run in 0..runs {
        let mut p = Perceptron::new(bits);
        let (mut em, mut pred) = (Vec::new(), Vec::new());
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = if run == 0 {
            Lcg(rng.0)
        } else {
            Lcg(rng.0 ^ (run as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
        };
        for epoch in 0..epochs {
            for i in (1..order.len()).rev() {
                let j = (rng.next() as usize) % (i + 1);
                order.swap(i, j);
            }
            let mut wrong = 0;
            for &i in &order {
                wrong += p.train(&data[i], &mut em, &mut pred) as usize;
            }
            eprintln!(
                "run {} epoch {}: {wrong} sentences wrong",
                run + 1,
                epoch + 1
            );
        }
        let (rw, rtw) = p.averaged();
        if run == 0 {
            (w, tw) = (rw, rtw);
        } else {
            w.iter_mut().zip(&rw).for_each(|(a, b)| *a += b);
            tw.iter_mut().zip(&rtw).for_each(|(a, b)| *a += b);
        }
    }
    let k = runs as f32;
    w.iter_mut().chain(tw.iter_mut()).for_each(|x| *x /= k);
    let (tr, rest) = tw.split_at(TAGS * TAGS);
    let (st, en) = rest.split_at(TAGS);
    let bytes = ner::encode(bits, &w, tr, st, en, prune);
    std::fs::write(&out_path, &bytes).unwrap_or_else(|e| panic!("{out_path}: {e}"));
    eprintln!("wrote {out_path}: {} bytes", bytes.len());
}
