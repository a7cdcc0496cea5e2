//! Measures direct quotes, their speakers and reported speech against PolNeAR's attributions
//! (US political news 2015-16, whole articles).
//!
//! ```text
//! cargo run --release --example eval_quotes [FILE] [--show] [--skip-typewriter]
//! ```
//!
//! FILE defaults to `../shared/data/quotes/polnear-dev.jsonl` beside the crate; when it is
//! absent the program says so and exits successfully, since a user's clone has no `../shared`.
//! PolNeAR states no licence: it is used only to measure, never to train anything shipped.
//! `--show` prints the misses and false alarms.
//!
//! `--skip-typewriter` leaves out the articles that write quote marks as two apostrophes
//! (`''We will,'' she said`, 7 New York Times articles in the dev set). PolNeAR's annotation
//! did not read those as quote marks: it marks none of their quotes as direct and its offsets
//! drift there, so our direct quotes in them count as false alarms. The figures without them
//! compare like with like.
//!
//! **Units.** A direct quote is counted per quoted stretch: a gold direct-quote attribution
//! whose content has fragments (`“We know,” he said, “that ...”`) gives one gold stretch per
//! fragment, and each of our `Quote`s is one stretch (a split or multi-paragraph statement is
//! several quotes linked by `continues`).
//!
//! **Matching.** Both sides are trimmed of spaces, quote marks and edge punctuation; a
//! predicted stretch matches a gold one when their overlap is at least half of the longer of
//! the two (one-to-one, greedy by overlap). Precision is given twice: *strict*, where every
//! unmatched quote is a false alarm, and *mixed neutral*, where a quote lying inside the
//! content of a gold *indirect* attribution (a partial quote such as `said the plan was “a
//! total disaster for the country”`, which PolNeAR annotates as reported speech) counts
//! neither way. PolNeAR does not annotate every quote (unattributed ones, some in lists or
//! transcripts), so precision has a ceiling below 1. A third figure, *all neutral*, also
//! leaves out two kinds of unmatched quotes that are real quotes PolNeAR did not annotate:
//! quotes we mark `partial` (a fragment woven into the writer's sentence, `Trump went on
//! about “how the system is rigged”`) and lines of a quoted transcript (`“WALLACE: ...` and
//! the paragraphs carrying it on). Matched ones count as hits in all three.
//!
//! **Speakers**, on matched quotes whose gold attribution has a source: right when our
//! speaker span overlaps the gold source span, or when our speaker entity has a mention
//! overlapping it (we may name "Jane Roe" where the annotator marked "she").
//!
//! **Reported speech** is matched the same way on content against the gold attributions
//! that are not direct quotes; on matched pairs, source and cue are right when they overlap
//! the gold ones.

#[path = "common/mod.rs"]
mod common;
use presslens::{analyze, Analysis, Options};
use serde_json::Value;
use std::path::PathBuf;

type Cp = (usize, usize);

/// Maps UTF-16 offsets (our spans) to code-point offsets (PolNeAR's).
fn u16_to_cp(text: &str) -> Vec<usize> {
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.chars().enumerate() {
        for _ in 0..c.len_utf16() {
            map.push(i);
        }
    }
    map.push(text.chars().count());
    map
}

fn is_edge(c: char) -> bool {
    c.is_whitespace() || presslens::text::is_quote_mark(c) || ",.;:!?—–-…'‘’()".contains(c)
}

fn trim(chars: &[char], (mut s, mut e): Cp) -> Cp {
    e = e.min(chars.len());
    s = s.min(e);
    while s < e && is_edge(chars[s]) {
        s += 1;
    }
    while e > s && is_edge(chars[e - 1]) {
        e -= 1;
    }
    (s, e)
}

fn overlap(a: Cp, b: Cp) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn matches(a: Cp, b: Cp) -> bool {
    let longer = (a.1 - a.0).max(b.1 - b.0);
    longer > 0 && 2 * overlap(a, b) >= longer
}

/// Spans of a PolNeAR field: its fragments, or its start..end.
fn spans(v: &Value) -> Vec<Cp> {
    if v.is_null() {
        return vec![];
    }
    if let Some(fr) = v.get("fragments").and_then(Value::as_array) {
        let out: Vec<Cp> = fr
            .iter()
            .filter_map(|f| Some((f.get(0)?.as_u64()? as usize, f.get(1)?.as_u64()? as usize)))
            .collect();
        if !out.is_empty() {
            return out;
        }
    }
    match (
        v.get("start").and_then(Value::as_u64),
        v.get("end").and_then(Value::as_u64),
    ) {
        (Some(s), Some(e)) => vec![(s as usize, e as usize)],
        _ => vec![],
    }
}

/// PolNeAR often cuts one quoted stretch into a fragment per sentence; fragments with no
/// quote mark between them are one stretch.
fn merge_fragments(chars: &[char], mut sp: Vec<Cp>) -> Vec<Cp> {
    sp.sort();
    let mut out: Vec<Cp> = Vec::new();
    for s in sp {
        if let Some(last) = out.last_mut() {
            let gap =
                &chars[last.1.min(chars.len())..s.0.min(chars.len()).max(last.1.min(chars.len()))];
            let joined = last.1 <= s.0
                && !gap.iter().any(|c| presslens::text::is_quote_mark(*c))
                && !chars[last.0.min(chars.len())..last.1.min(chars.len())]
                    .last()
                    .is_some_and(|c| presslens::text::is_quote_mark(*c));
            if joined {
                last.1 = s.1;
                continue;
            }
        }
        out.push(s);
    }
    out
}

fn any_overlap(a: &[Cp], b: &[Cp]) -> bool {
    a.iter().any(|x| b.iter().any(|y| overlap(*x, *y) > 0))
}

/// Greedy one-to-one matching by overlap: pairs (gold index, predicted index).
fn pair_up(gold: &[Cp], pred: &[Cp]) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        // Both lists are short per article; a sorted sweep is not worth it here.
        for (j, p) in pred.iter().enumerate() {
            if matches(*g, *p) {
                cands.push((overlap(*g, *p), i, j));
            }
        }
    }
    cands.sort_by(|a, b| b.cmp(a));
    let mut gu = vec![false; gold.len()];
    let mut pu = vec![false; pred.len()];
    let mut out = Vec::new();
    for (_, i, j) in cands {
        if !gu[i] && !pu[j] {
            gu[i] = true;
            pu[j] = true;
            out.push((i, j));
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    gold: usize,
    pred: usize,
    hit: usize,
    neutral: usize,
    partial: usize,
    transcript: usize,
    spk_n: usize,
    spk_ok: usize,
    spk_none: usize,
    rep_gold: usize,
    rep_pred: usize,
    rep_hit: usize,
    rep_src: usize,
    rep_cue: usize,
}

fn prf(hit: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred == 0 {
        0.0
    } else {
        hit as f64 / pred as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        hit as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn excerpt(chars: &[char], (s, e): Cp) -> String {
    let e = e.min(chars.len());
    let s = s.min(e);
    let t: String = chars[s..e].iter().collect();
    let t = t.replace('\n', " | ");
    if t.chars().count() > 90 {
        format!("{}…", t.chars().take(90).collect::<String>())
    } else {
        t
    }
}

fn eval_doc(doc: &Value, a: &Analysis, tally: &mut Tally, show: bool) {
    let text = doc["text"].as_str().unwrap_or("");
    let chars: Vec<char> = text.chars().collect();
    let map = u16_to_cp(text);
    let cp = |u: u32| map.get(u as usize).copied().unwrap_or(chars.len());
    let attrs = doc["attributions"].as_array().cloned().unwrap_or_default();

    // Gold direct stretches with the index of their attribution.
    let mut gold: Vec<Cp> = Vec::new();
    let mut gold_attr: Vec<usize> = Vec::new();
    let mut mixed: Vec<Cp> = Vec::new();
    for (k, at) in attrs.iter().enumerate() {
        let direct = at["is_direct_quote"].as_bool().unwrap_or(false);
        for sp in merge_fragments(&chars, spans(&at["content"])) {
            if direct {
                let t = trim(&chars, sp);
                if t.1 > t.0 {
                    gold.push(t);
                    gold_attr.push(k);
                }
            } else if at["content_has_quote_marks"].as_bool().unwrap_or(false) {
                mixed.push(sp);
            }
        }
    }
    let pred: Vec<Cp> = a
        .quotes
        .iter()
        .map(|q| trim(&chars, (cp(q.start), cp(q.end))))
        .collect();
    let pairs = pair_up(&gold, &pred);
    // Lines of a quoted transcript (`“WALLACE: ...`), and the paragraphs that carry them
    // on: the speaker label stands right before the quote, after the opening mark.
    let mut transcript = vec![false; a.quotes.len()];
    for (j, q) in a.quotes.iter().enumerate() {
        let labelled = q.speaker.as_ref().is_some_and(|s| {
            s.end <= q.start
                && s.text.chars().all(|c| !c.is_lowercase())
                && chars
                    .get(cp(s.end)..cp(q.start))
                    .is_some_and(|g| g.iter().all(|c| *c == ':' || c.is_whitespace()))
        });
        let carried = q
            .continues
            .as_deref()
            .and_then(|id| a.quotes.iter().position(|o| o.id == id))
            .is_some_and(|i| i < j && transcript[i]);
        transcript[j] = labelled || carried;
    }
    tally.gold += gold.len();
    tally.hit += pairs.len();
    let matched_pred: Vec<bool> = (0..pred.len())
        .map(|j| pairs.iter().any(|p| p.1 == j))
        .collect();
    for (j, p) in pred.iter().enumerate() {
        if matched_pred[j] {
            tally.pred += 1;
            continue;
        }
        let inside_mixed = mixed.iter().any(|m| m.0 <= p.0 && p.1 <= m.1);
        if inside_mixed {
            tally.neutral += 1;
        } else if a.quotes[j].partial {
            tally.partial += 1;
            tally.pred += 1;
            if show {
                println!("  PARTIAL {}", excerpt(&chars, *p));
            }
        } else if transcript[j] {
            tally.transcript += 1;
            tally.pred += 1;
            if show {
                println!("  TRANSCRIPT {}", excerpt(&chars, *p));
            }
        } else {
            tally.pred += 1;
            if show {
                println!("  FALSE  {}", excerpt(&chars, *p));
            }
        }
    }
    if show {
        for (i, g) in gold.iter().enumerate() {
            if !pairs.iter().any(|p| p.0 == i) {
                println!("  MISSED {}", excerpt(&chars, *g));
            }
        }
    }
    for &(i, j) in &pairs {
        let at = &attrs[gold_attr[i]];
        let src = spans(&at["source"]);
        if src.is_empty() {
            tally.spk_none += 1;
            continue;
        }
        tally.spk_n += 1;
        let q = &a.quotes[j];
        let by_span = q
            .speaker
            .as_ref()
            .is_some_and(|s| any_overlap(&[(cp(s.start), cp(s.end))], &src));
        let by_entity = q
            .speaker_entity
            .as_ref()
            .and_then(|id| a.entities.iter().find(|e| &e.id == id))
            .is_some_and(|e| {
                e.mentions
                    .iter()
                    .any(|m| any_overlap(&[(cp(m.start), cp(m.end))], &src))
            });
        if by_span || by_entity {
            tally.spk_ok += 1;
        } else if show {
            let got = q.speaker.as_ref().map(|s| s.text.as_str()).unwrap_or("-");
            let want: Vec<String> = src.iter().map(|s| excerpt(&chars, *s)).collect();
            println!(
                "  SPEAKER {:?} want {:?} for {}",
                got,
                want,
                excerpt(&chars, gold[i])
            );
        }
    }

    // Reported speech against the gold attributions that are not direct quotes.
    let mut rgold: Vec<Cp> = Vec::new();
    let mut rgold_attr: Vec<usize> = Vec::new();
    for (k, at) in attrs.iter().enumerate() {
        if at["is_direct_quote"].as_bool().unwrap_or(false) {
            continue;
        }
        let sp = spans(&at["content"]);
        if let (Some(f), Some(l)) = (sp.first(), sp.last()) {
            rgold.push(trim(&chars, (f.0, l.1)));
            rgold_attr.push(k);
        }
    }
    let rpred: Vec<Cp> = a
        .reported
        .iter()
        .map(|r| trim(&chars, (cp(r.start), cp(r.end))))
        .collect();
    let rpairs = pair_up(&rgold, &rpred);
    tally.rep_gold += rgold.len();
    tally.rep_pred += rpred.len();
    tally.rep_hit += rpairs.len();
    if show {
        for (i, g) in rgold.iter().enumerate() {
            if !rpairs.iter().any(|p| p.0 == i) {
                let at = &attrs[rgold_attr[i]];
                let cue: Vec<String> = spans(&at["cue"])
                    .iter()
                    .map(|s| excerpt(&chars, *s))
                    .collect();
                let src: Vec<String> = spans(&at["source"])
                    .iter()
                    .map(|s| excerpt(&chars, *s))
                    .collect();
                println!(
                    "  RMISSED [{}] <{}> {}",
                    cue.join(" "),
                    src.join(" "),
                    excerpt(&chars, *g)
                );
            }
        }
        for (j, p) in rpred.iter().enumerate() {
            if !rpairs.iter().any(|x| x.1 == j) {
                let r = &a.reported[j];
                println!(
                    "  RFALSE [{}] <{}> {}",
                    r.cue.text,
                    r.source.text,
                    excerpt(&chars, *p)
                );
            }
        }
    }
    for &(i, j) in &rpairs {
        let at = &attrs[rgold_attr[i]];
        let r = &a.reported[j];
        if any_overlap(
            &[(cp(r.source.start), cp(r.source.end))],
            &spans(&at["source"]),
        ) {
            tally.rep_src += 1;
        }
        if any_overlap(&[(cp(r.cue.start), cp(r.cue.end))], &spans(&at["cue"])) {
            tally.rep_cue += 1;
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--show");
    let skip_typewriter = args.iter().any(|a| a == "--skip-typewriter");
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .or_else(|| common::shared_path("data/quotes/polnear-dev.jsonl"))
        .unwrap_or_else(|| PathBuf::from("../shared/data/quotes/polnear-dev.jsonl"));
    let Ok(data) = std::fs::read_to_string(&path) else {
        println!(
            "{} not found: skipping the quote evaluation (it needs ../shared/data).",
            path.display()
        );
        return;
    };
    let mut tally = Tally::default();
    let mut docs = 0;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(doc) = serde_json::from_str::<Value>(line) else {
            eprintln!("skipping a line that is not JSON");
            continue;
        };
        let text = doc["text"].as_str().unwrap_or("");
        if skip_typewriter && text.contains("''") {
            continue;
        }
        let Ok(a) = analyze(text, &Options::default()) else {
            continue;
        };
        if show {
            println!("# {}", doc["id"].as_str().unwrap_or("?"));
        }
        eval_doc(&doc, &a, &mut tally, show);
        docs += 1;
    }
    let t = &tally;
    let (p, r, f) = prf(t.hit, t.pred, t.gold);
    let (ps, _, fs) = prf(t.hit, t.pred + t.neutral, t.gold);
    println!("{} ({docs} annotated articles)", path.display());
    println!(
        "direct quotes    gold {:4}  ours {:4}  matched {:4}  (+{} partial quotes in reported speech)",
        t.gold,
        t.pred + t.neutral,
        t.hit,
        t.neutral
    );
    println!("  mixed neutral  P {p:.3}  R {r:.3}  F1 {f:.3}");
    println!("  strict         P {ps:.3}  R {r:.3}  F1 {fs:.3}");
    let (pp, _, fp) = prf(t.hit, t.pred - t.partial - t.transcript, t.gold);
    println!(
        "  all neutral    P {pp:.3}  R {r:.3}  F1 {fp:.3}  (also unmatched: {} partial quotes, {} transcript lines)",
        t.partial, t.transcript
    );
    println!(
        "speaker accuracy {:.3}  ({} of {} matched quotes with a gold source; {} without)",
        t.spk_ok as f64 / t.spk_n.max(1) as f64,
        t.spk_ok,
        t.spk_n,
        t.spk_none
    );
    let (rp, rr, rf) = prf(t.rep_hit, t.rep_pred, t.rep_gold);
    println!(
        "reported speech  gold {:4}  ours {:4}  matched {:4}  P {rp:.3}  R {rr:.3}  F1 {rf:.3}",
        t.rep_gold, t.rep_pred, t.rep_hit
    );
    println!(
        "  on matched: source {:.3}  cue {:.3}",
        t.rep_src as f64 / t.rep_hit.max(1) as f64,
        t.rep_cue as f64 / t.rep_hit.max(1) as f64
    );
}
