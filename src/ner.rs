//! A statistical name tagger: which tokens of a sentence form a person, organization or place
//! name. It replaces hand rules for the sentence-level decision; [`crate::entities`] keeps the
//! document-level reasoning (credits, merging, salience) on top of its spans.
//!
//! Model: a linear-chain structured perceptron (Collins 2002) with averaged weights, BILOU tags
//! for three types (13 tags), decoded exactly by Viterbi with the BILOU constraints built in.
//! Token features are hashed into `2^bits` buckets; each bucket holds one weight per tag.
//!
//! Features (per token, from a window of two tokens each side, within the sentence):
//! the lowercased word and its neighbours, word shapes (`Xx`, `XX`, `X.X.`, `dd`, `Xx-Xx`) and
//! shape trigrams, prefixes and suffixes (2-4 chars), sentence-initial capitals, and
//! gazetteer membership from [`crate::lexicon`] (place, country, organization, given name,
//! surname, organization word, place word, title, demonym), including multi-word gazetteer
//! names marked B/I/L (spaces around a hyphen ignored); words in capitals only (letter count x
//! vowel share, "NATO" vs "BREYER") and sentences written mostly in capitals. The training
//! corpora and their licences are in `data/README.md`; `docs/ner.md` has the measurements and
//! the command that rebuilds `data/model/ner.bin` (`cargo run --release --example train_ner`).
//!
//! Model file (`data/model/ner.bin`, little-endian): magic `PLNR`, version 3, tag count, hash
//! bits, one reserved byte; f32 scale; tags x tags i16 transition weights; tags i16 start and
//! tags i16 end weights; u32 count of stored buckets; then streams: a bitmap of the buckets
//! that have weights (`2^bits / 8` bytes, bucket i in bit i % 8 of byte i / 8); a u8 count
//! of the most frequent masks of the tags a bucket has weights for, and those u16 masks (low
//! bytes, then high bytes); one byte per stored bucket, its mask's place in that list or 255
//! for a mask outside it; the low then the high bytes of those other masks; and one i8 per
//! set mask bit. Weights below the pruning threshold are not stored. Real weight = stored
//! value x scale. Streams of like bytes gzip better than interleaved records (the page ships
//! the model gzipped inside the wasm): 8% smaller than records; the bitmap and the list of
//! masks (version 3) a further 6% smaller than bucket id deltas and plain masks (version 2).
//!
//! Inference never panics: a malformed model file yields a model that tags nothing, and every
//! index is bounds-checked or derived from lengths checked just before.

// Tag and token loops index several parallel arrays at once.
#![allow(clippy::needless_range_loop)]

use crate::lexicon::{self, class};
use crate::schema::EntityKind;
use crate::text::{Doc, TokKind};
use std::ops::Range;
use std::sync::{Mutex, OnceLock};

/// O, then B, I, L, U for each of person, organization, place.
pub const TAGS: usize = 13;
pub const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
];

const B: usize = 1;
const I: usize = 2;
const L: usize = 3;
const U: usize = 4;

/// Tag index of part `part` (B, I, L, U) of kind `k` (0 person, 1 organization, 2 place).
pub fn tag(k: usize, part: usize) -> usize {
    1 + 4 * k + (part - 1)
}

const fn part(tag: usize) -> usize {
    if tag == 0 {
        0
    } else {
        (tag - 1) % 4 + 1
    }
}

const fn kind(tag: usize) -> usize {
    if tag == 0 {
        0
    } else {
        (tag - 1) / 4
    }
}

/// May tag `b` follow tag `a` in BILOU? (`ALLOWED[a][b]`, computed once at compile time.)
const ALLOWED: [[bool; TAGS]; TAGS] = {
    let mut m = [[false; TAGS]; TAGS];
    let mut a = 0;
    while a < TAGS {
        let mut b = 0;
        while b < TAGS {
            m[a][b] = allowed(a, b);
            b += 1;
        }
        a += 1;
    }
    m
};

/// The tags that may precede each tag, and how many there are.
const PREDS: [([u8; TAGS], usize); TAGS] = {
    let mut p = [([0u8; TAGS], 0usize); TAGS];
    let mut b = 0;
    while b < TAGS {
        let mut a = 0;
        while a < TAGS {
            if ALLOWED[a][b] {
                p[b].0[p[b].1] = a as u8;
                p[b].1 += 1;
            }
            a += 1;
        }
        b += 1;
    }
    p
};

/// May tag `b` follow tag `a` in BILOU?
pub const fn allowed(a: usize, b: usize) -> bool {
    let (pa, pb) = (part(a), part(b));
    if pa == B || pa == I {
        (pb == I || pb == L) && kind(a) == kind(b)
    } else {
        pb == 0 || pb == B || pb == U
    }
}

fn can_start(t: usize) -> bool {
    matches!(part(t), 0 | B | U)
}

fn can_end(t: usize) -> bool {
    matches!(part(t), 0 | L | U)
}

// ---------------------------------------------------------------------------------------------
// Features

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[inline]
const fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Hash of a lowercased string, char by char, with no allocation. Only words with a
/// non-ASCII char (and their suffixes) come here: ASCII words are hashed by bytes
/// ([`hash_lower_ascii`], the same hash).
fn hash_lower(s: &str, seed: u64) -> u64 {
    let mut h = seed;
    for c in s.chars() {
        if c.is_ascii() {
            h = mix(h, c.to_ascii_lowercase() as u64);
        } else {
            for l in c.to_lowercase() {
                h = mix(h, l as u64);
            }
        }
    }
    mix(h, 0xff)
}

/// [`hash_lower`] of an ASCII string.
#[inline]
fn hash_lower_ascii(s: &[u8], seed: u64) -> u64 {
    mix(
        s.iter()
            .fold(seed, |h, &b| mix(h, b.to_ascii_lowercase() as u64)),
        0xff,
    )
}

/// Shape class of a char: X upper, x lower, d digit, the char itself for . - ' &, o other.
fn shape_char(c: char) -> u8 {
    if c.is_ascii() {
        return match c as u8 {
            b'A'..=b'Z' => b'X',
            b'a'..=b'z' => b'x',
            b'0'..=b'9' => b'd',
            b @ (b'.' | b'-' | b'\'' | b'&' | b',') => b,
            _ => b'o',
        };
    }
    if c.is_uppercase() {
        b'X'
    } else if c.is_lowercase() {
        b'x'
    } else if c.is_numeric() {
        b'd'
    } else if matches!(c, '.' | '-' | '\'' | '’' | '&' | ',') {
        c as u8
    } else if c.is_alphabetic() {
        b'a'
    } else {
        b'o'
    }
}

/// Hashes of the long shape (runs capped at 3: `Xxxx` -> `Xxxx`... `Washington` -> `Xxxx`
/// with at most 4 chars per run) and the short shape (runs collapsed: `Xx`).
fn shapes(w: &str) -> (u64, u64) {
    let (mut long, mut short) = (7u64, 11u64);
    let mut prev = 0u8;
    let mut run = 0;
    // Bytes for ASCII: chars are a call each in the page's build.
    let ascii = w.is_ascii();
    let (mut bytes, mut chars) = (w.bytes(), w.chars());
    loop {
        let next = if ascii {
            bytes.next().map(char::from)
        } else {
            chars.next()
        };
        let Some(c) = next else { break };
        let s = shape_char(c);
        if s == prev {
            run += 1;
        } else {
            run = 1;
            short = mix(short, s as u64);
        }
        if run <= 4 {
            long = mix(long, s as u64);
        }
        prev = s;
    }
    (long, short)
}

/// Per-token values computed once and shared by the windows of the neighbours: with the
/// fields of its word that a window reads copied in (round 25), the window reads five of
/// these in a row, not five [`WordInfo`]s found through their ids, each field behind a
/// bounds check.
#[derive(Clone, Copy, Default)]
struct TokInfo {
    /// [`WordInfo::lower`] and [`WordInfo::short_shape`].
    lower: u64,
    short_shape: u64,
    /// The token's word in [`WordMemo::words`].
    word: u32,
    /// [`WordInfo::near`] 2, 3 and 6: as the word two before a token, two after it, and its
    /// own short shape when it does not open the sentence.
    two_before: u32,
    two_after: u32,
    own_shape: u32,
    classes: u16,
    /// Multi-word gazetteer name: 0 none, else 1 + 4 * (0 place, 1 org) + part (B I L).
    gaz: u8,
    /// 2 in capitals only ([`WordInfo::caps`] at least 2), else [`WordInfo::cap`].
    case: u8,
    cap: bool,
    hyphen: bool,
    /// Its short shape: 1 `x`, 2 `Xx`, 0 another.
    shape: u8,
}

impl TokInfo {
    #[inline(always)]
    fn new(word: u32, x: &WordInfo, classes: u16) -> TokInfo {
        TokInfo {
            lower: x.lower,
            short_shape: x.short_shape,
            word,
            two_before: x.near[2],
            two_after: x.near[3],
            own_shape: x.near[6],
            classes,
            gaz: 0,
            case: if x.caps >= 2 { 2 } else { x.cap as u8 },
            cap: x.cap,
            hyphen: x.hyphen,
            shape: match x.short_shape {
                SHORT_LOWER => 1,
                SHORT_CAP => 2,
                _ => 0,
            },
        }
    }
}

/// Reusable buffers: tagging a document allocates once, not per token.
#[derive(Default)]
pub struct Scratch {
    info: Vec<TokInfo>,
    lower: String,
    key: String,
    /// Bucket ids of every token's features ([`features`]), flattened; `starts[i]..starts[i+1]`
    /// are token i's.
    pub feats: Vec<u32>,
    pub starts: Vec<usize>,
    /// With a model: each token's emission, the sum of its features' rows (round 15).
    rows: Vec<Sum>,
    /// Back pointers of the decoder, one tag index per lane (see [`Model::decode`]).
    back: Vec<[F4; 4]>,
    /// The best tag of each token of the last sentence decoded.
    pub tags: Vec<u8>,
}

fn lower_into(buf: &mut String, w: &str) {
    buf.clear();
    if w.is_ascii() {
        buf.push_str(w);
        buf.make_ascii_lowercase();
        return;
    }
    for c in w.chars() {
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// "-", U+2010 or U+2011; on bytes, as a `str` pattern would call `memcmp` (every token
/// asks).
fn is_hyphen(w: &str) -> bool {
    matches!(w.as_bytes(), [b'-'] | [0xe2, 0x80, 0x90 | 0x91])
}

/// Letters of a word written in capitals only ("BREYER", "NATO"), or 0 when it has a
/// lower-case letter or a character other than letters and `.-'&`.
fn caps_letters(w: &str) -> usize {
    let mut n = 0;
    // Bytes for ASCII: chars are a call each in the page's build (once per distinct word).
    if w.is_ascii() {
        for &b in w.as_bytes() {
            if b.is_ascii_uppercase() {
                n += 1;
            } else if !matches!(b, b'.' | b'-' | b'\'' | b'&') {
                return 0;
            }
        }
        return n;
    }
    for c in w.chars() {
        if c.is_uppercase() {
            n += 1;
        } else if c.is_lowercase() || !matches!(c, '.' | '-' | '\'' | '’' | '&') {
            return 0;
        }
    }
    n
}

/// Everything the features need from a word alone, whatever its context: a document
/// repeats its words ("the", "said", its names), so [`Model::spans`] computes this once per
/// distinct word (`WordMemo`) instead of once per token. The char-by-char work here was
/// most of the tagger's time in wasm.
#[derive(Clone, Copy, Default)]
struct WordInfo {
    lower: u64,
    short_shape: u64,
    /// Gazetteer classes of the word, when it is a word token of at most 40 bytes.
    classes: u16,
    /// `lexicon::Entry::of` the word as `Entry::to_bits` + 1, for an ASCII word of at most
    /// 40 bytes without final dots (its lowercase is then the key looked up for `classes`);
    /// 0 for the others. The entity rules ask for it again ([`Model::spans_and_entries`]).
    entry: u32,
    caps: u32,
    /// [`is_cap`] of the word.
    cap: bool,
    /// [`is_hyphen`] of the word.
    hyphen: bool,
    /// Whether a multi-word gazetteer key may open with the word as written, lowercased
    /// ([`lexicon::may_open_longer_key`]): 0 not asked yet, 1 no, 2 maybe but not with a
    /// space after the word, 3 maybe. Asked on the first capitalized occurrence; most
    /// capitalized words open no key, and their 2- to 4-word candidates are then not built
    /// (round 12); "The" or "New" open keys ("thessaloniki"), but a space after the word
    /// is asked apart, since most names go on after one (round 19).
    opens: u8,
    /// Bucket ids of the features of the word alone, hashed once per distinct word (round 7):
    /// the word, its long shape, its 2-, 3- and 4-char prefix and suffix (in that order,
    /// when long enough) and its capitals-only feature (when `caps >= 2`); [`NO_ROW`] for
    /// those the word does not have.
    ids: [u32; 9],
    /// Bucket ids of the features that take one value of this word, whatever its context
    /// (round 8): its lowercase as the word before, after, two before and two after a token
    /// (templates 2, 3, 4, 5), its short shape before and after (8, 9), and its own short
    /// shape when it does not open the sentence (30) and in a sentence in capitals (35).
    near: [u32; 8],
}

/// The bucket ids of the features whose values are few, for one hash size (round 8):
/// hashing them once per document instead of once per token.
#[derive(Clone, Copy)]
struct FixedIds {
    bias: u32,
    /// Templates 2, 3, 4, 5, 8, 9 beyond the sentence's ends (as [`WordInfo::near`]).
    edge: [u32; 6],
    /// Per class: the word's own (by case x 2 + initial), the previous and the next word's.
    class_me: [[u32; 6]; class::COUNT],
    class_prev: [u32; class::COUNT],
    class_next: [u32; class::COUNT],
    /// Multi-word gazetteer marks of the word, the previous and the next one, by mark.
    gaz: [[u32; 16]; 3],
}

impl FixedIds {
    /// Once per model (or per call of [`features`]): a call of [`bucket`] each, kept out of
    /// line (page size). With a model, the ids are its rows.
    #[inline(never)]
    fn new(mask: u64, model: Option<&Model>) -> FixedIds {
        #[inline(never)]
        fn id_of(t: usize, v: u64, mask: u64, model: Option<&Model>) -> u32 {
            let id = bucket(t as u64, v, mask);
            model.map_or(id, |m| m.row_of(id))
        }
        let id = |t: usize, v: u64| id_of(t, v, mask, model);
        let mut f = FixedIds {
            bias: id(0, 0),
            edge: [0; 6],
            class_me: [[0; 6]; class::COUNT],
            class_prev: [0; class::COUNT],
            class_next: [0; class::COUNT],
            gaz: [[0; 16]; 3],
        };
        for (k, t) in [2, 3, 4, 5, 8, 9].into_iter().enumerate() {
            f.edge[k] = id(t, [SENT_START, SENT_END][t % 2]);
        }
        for b in 0..class::COUNT {
            for ci in 0..6 {
                f.class_me[b][ci] = id(40 + b, mix(ci as u64 / 2, ci as u64 % 2));
            }
            f.class_prev[b] = id(60 + b, 0);
            f.class_next[b] = id(80 + b, 0);
        }
        for k in 0..3 {
            for g in 0..16 {
                f.gaz[k][g] = id(100 + k, g as u64);
            }
        }
        f
    }
}

/// Bucket id of feature `template` with value `v`.
#[inline(always)]
fn bucket(template: u64, v: u64, mask: u64) -> u32 {
    let h = mix(mix(0x9e37_79b9, template), v);
    let h = (h ^ (h >> 29)).wrapping_mul(K);
    ((h >> 20) & mask) as u32
}

/// The ids of the distinct words seen, by their bytes (round 19): open addressing, each
/// slot a word's id (0 empty: the sentinels' ids are never stored), never grown: the memo
/// is emptied before it would be more than half full ([`WordMemo::make_room`]). In the
/// page's build `HashMap`'s probe, its hasher and the `memcmp` of its key cost more: here a
/// word is hashed 8 bytes at a time and compared in line. The words' bytes are copied into
/// one buffer, so that the memo can outlive the document (round 23).
struct WordIds {
    slots: Vec<u32>,
    /// 64 minus the log2 of the slot count: a slot is the hash's top bits.
    shift: u32,
    /// The words, one after another.
    bytes: Vec<u8>,
    /// Where each id's word ends in `bytes` (it starts where the previous one ends); the
    /// sentinels' are empty.
    ends: Vec<u32>,
}

fn word_hash(w: &[u8]) -> u64 {
    let mut h = w.len() as u64;
    let mut chunks = w.chunks_exact(8);
    for c in &mut chunks {
        // One load (`copy_from_slice` is a call in the page's build).
        if let [a, b, c, d, e, f, g, x] = *c {
            h = mix(h, u64::from_le_bytes([a, b, c, d, e, f, g, x]));
        }
    }
    let mut last = 0u64;
    for (k, &b) in chunks.remainder().iter().enumerate() {
        last |= (b as u64) << (8 * k);
    }
    mix(h, last)
}

impl WordIds {
    /// For at most `words` words (the slots are twice as many).
    fn new(words: usize) -> Self {
        let n = (2 * words).next_power_of_two().max(16);
        WordIds {
            slots: vec![0; n],
            shift: 64 - n.trailing_zeros(),
            bytes: Vec::new(),
            ends: vec![0, 0],
        }
    }

    /// The id of `w`, or `Err` with the empty slot where it goes (`None` if the table is
    /// full).
    fn find(&self, w: &str) -> Result<u32, Option<usize>> {
        let w = w.as_bytes();
        let mask = self.slots.len() - 1;
        let mut s = (word_hash(w) >> self.shift) as usize;
        for _ in 0..self.slots.len() {
            let id = self.slots.get(s).copied().unwrap_or(0) as usize;
            if id == 0 {
                return Err(Some(s));
            }
            let end = self.ends.get(id).copied().unwrap_or(0) as usize;
            let start = self.ends.get(id - 1).copied().unwrap_or(0) as usize;
            // In line: `==` on slices calls a byte-by-byte `memcmp` in the page's build.
            if end - start == w.len() {
                let t = self.bytes.get(start..end).unwrap_or_default();
                if t.iter().zip(w).all(|(a, b)| a == b) {
                    return Ok(id as u32);
                }
            }
            s = (s + 1) & mask;
        }
        Err(None)
    }

    /// Adds `w` where [`WordIds::find`] did not find it; returns its id.
    fn insert(&mut self, w: &str, at: Option<usize>) -> u32 {
        let id = self.ends.len() as u32;
        self.bytes.extend_from_slice(w.as_bytes());
        self.ends.push(self.bytes.len() as u32);
        if let Some(x) = at.and_then(|s| self.slots.get_mut(s)) {
            *x = id;
        }
        id
    }
}

/// Words already seen, with their [`WordInfo`], for one hash size and model: in the
/// document, or with the shipped model in every document analyzed before ([`Model::spans`]).
struct WordMemo {
    ids: WordIds,
    /// [`START_WORD`], [`END_WORD`], then the document's words.
    words: Vec<WordInfo>,
    /// With a model, by word: the sums of the rows of its features that depend on the word
    /// alone, as the token's own word, as the word before a token and as the word after it
    /// ([`word_sums`]).
    sums: Vec<[Sum; 3]>,
    fixed: FixedIds,
    /// With a model, four per word: the rows of templates 31 and 32 (its lowercase with the
    /// short shape of the token after it, and of the token before it) when that shape is `x`
    /// or `Xx` ([`TokInfo::shape`]), as the row + 2 ([`UNKNOWN`] until asked). Most tokens
    /// are lower-case or capitalized words: the window looks most of these rows up here
    /// instead of hashing a bucket and finding its row (round 25).
    ctx: Vec<u32>,
}

/// A cached row not looked up yet; the others are kept as the row + 2 (wrapping: [`NO_ROW`]
/// is 1), so that the cache grows as zeroed memory (fewer bytes of wasm than a fill).
const UNKNOWN: u32 = 0;

/// The short shapes of `x` and `Xx` ([`shapes`]).
const SHORT_LOWER: u64 = mix(11, b'x' as u64);
const SHORT_CAP: u64 = mix(mix(11, b'X' as u64), b'x' as u64);

/// The two words a token's window sees beyond its sentence's ends (round 15): every
/// feature of a word outside the sentence takes the sentence's start or end value. With
/// them in the memo, and two of each around a sentence's tokens in [`Scratch`], a window
/// needs no test for the sentence's ends.
const START_WORD: u32 = 0;
const END_WORD: u32 = 1;
/// Sentinels on each side of a sentence's tokens in `Scratch::info`.
const PAD: usize = 2;

/// What every document's [`WordMemo`] starts with, for one hash size and model: the ids
/// (or rows) of [`FixedIds`], the sentinel words and their sums. Built once per model
/// ([`Model::memo_base`]) instead of once per document (round 15).
#[derive(Clone)]
struct MemoBase {
    fixed: FixedIds,
    words: [WordInfo; 2],
    sums: Option<[[Sum; 3]; 2]>,
}

impl MemoBase {
    fn new(bits: u32, model: Option<&Model>) -> MemoBase {
        let fixed = FixedIds::new((1u64 << bits) - 1, model);
        let words = [SENT_START, SENT_END].map(|edge| {
            let mut near = [0; 8];
            near[..6].copy_from_slice(&fixed.edge);
            WordInfo {
                lower: edge,
                short_shape: edge,
                near,
                ..WordInfo::default()
            }
        });
        // Only the start's sum as the word before a token and the end's as the word after
        // one are ever used.
        let sums = model.map(|m| words.map(|w| word_sums(m, &fixed, &w)));
        MemoBase { fixed, words, sums }
    }
}

impl WordMemo {
    /// For at most `words` distinct words at once (a text of `words` tokens has no more).
    fn new(words: usize, base: &MemoBase) -> Self {
        WordMemo {
            ids: WordIds::new(words),
            words: base.words.to_vec(),
            sums: base.sums.map_or(Vec::new(), |s| s.to_vec()),
            fixed: base.fixed,
            ctx: vec![UNKNOWN; 2 * 4],
        }
    }

    /// Empties the memo (but for the sentinels) if `n` more words might not fit: its
    /// values are the words' own, so forgetting them changes nothing but the time.
    fn make_room(&mut self, n: usize) {
        if self.words.len() + n > self.ids.slots.len() / 2 {
            self.ids.slots.fill(0);
            self.ids.bytes.clear();
            self.ids.ends.truncate(2);
            self.words.truncate(2);
            self.sums.truncate(2);
            self.ctx.truncate(2 * 4);
        }
    }
}

/// A sum of weight rows and how many rows it holds: integer sums, so the order in which
/// rows are added does not change the scores.
#[derive(Clone, Copy)]
struct Sum {
    acc: lanes::Acc,
    rows: u32,
}

impl Sum {
    #[inline]
    #[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
    fn new() -> Sum {
        Sum {
            acc: lanes::Acc::new(),
            rows: 0,
        }
    }

    /// Adds row `r` of the model, if it is one (not [`NO_ROW`]).
    #[inline]
    #[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
    fn add_row(&mut self, m: &Model, r: u32) {
        if let Some(row) = m.weights.get(r as usize) {
            self.acc.add(row);
            self.rows += 1;
        }
    }

    #[inline]
    #[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
    fn add(&mut self, o: &Sum) {
        self.acc.merge(&o.acc);
        self.rows += o.rows;
    }
}

/// The sums of the rows of a word's features that do not depend on its context (round
/// 13): as the token's own word, the bias and the features [`WordInfo::ids`] lists (as
/// [`features_memo`] puts them); as the word before a token, templates 2 and 8; as the
/// word after it, 3 and 9. A token then adds three sums instead of about 17 rows.
/// `x`'s ids must be rows.
#[inline(never)]
#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
fn word_sums(m: &Model, fixed: &FixedIds, x: &WordInfo) -> [Sum; 3] {
    let sum = |ids: &[u32]| {
        let mut s = Sum::new();
        for &r in ids {
            s.add_row(m, r);
        }
        s
    };
    let mut own = sum(&x.ids);
    own.add_row(m, fixed.bias);
    [
        own,
        sum(&[x.near[0], x.near[4]]),
        sum(&[x.near[1], x.near[5]]),
    ]
}

fn word_info(w: &str, lower_buf: &mut String, mask: u64) -> WordInfo {
    let (long_shape, short_shape) = shapes(w);
    let ascii = w.is_ascii();
    let cap = if ascii {
        w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
    } else {
        is_cap(w)
    };
    let (mut classes, mut opens, mut entry) = (0, 0, 0);
    if w.len() <= 40 {
        // The final dots, by bytes: `trim_end_matches` is a call and a char search in the
        // page's build.
        let dots = w.bytes().rev().take_while(|&b| b == b'.').count();
        lower_into(lower_buf, w.get(..w.len() - dots).unwrap_or(w));
        let h = lexicon::hash_more(0, lower_buf.as_bytes());
        let e = lexicon::word_entry_hashed(lower_buf, h);
        classes = e.classes();
        if ascii && dots == 0 {
            entry = e.to_bits() + 1;
        }
        // A capitalized word is a multi-word candidate: with the hash at hand, whether it
        // opens a key is asked here, not again from its lowercase (round 19).
        if cap && dots == 0 {
            opens = opens_of(h);
        }
    }
    let nchars = if ascii { w.len() } else { w.chars().count() };
    let (mut pre, mut suf) = ([0u64; 3], [0u64; 3]);
    if nchars > 2 {
        // The prefixes' hashes are the running hash of one pass (as `hash_lower` would
        // compute each of them).
        let mut all = [0u64; 5];
        let mut h = 5;
        if ascii {
            for (k, &c) in w.as_bytes().iter().take(4).enumerate() {
                h = mix(h, c.to_ascii_lowercase() as u64);
                all[k + 1] = mix(h, 0xff);
            }
        } else {
            for (k, c) in w.chars().take(4).enumerate() {
                for l in c.to_lowercase() {
                    h = mix(h, l as u64);
                }
                all[k + 1] = mix(h, 0xff);
            }
        }
        for (j, k) in [2usize, 3, 4].into_iter().enumerate() {
            if nchars > k {
                let start = if ascii {
                    w.len() - k
                } else {
                    w.char_indices().nth(nchars - k).map_or(0, |x| x.0)
                };
                pre[j] = all[k];
                suf[j] = if ascii {
                    // Without `hash_lower`'s call and ASCII test (round 19).
                    hash_lower_ascii(w.as_bytes().get(start..).unwrap_or_default(), 5)
                } else {
                    hash_lower(w.get(start..).unwrap_or(""), 5)
                };
            }
        }
    }
    let caps = caps_letters(w) as u32;
    let vowels = if caps >= 2 {
        w.chars()
            .filter(|c| matches!(c, 'A' | 'E' | 'I' | 'O' | 'U' | 'Y'))
            .count() as u32
    } else {
        0
    };
    let lower = if ascii {
        hash_lower_ascii(w.as_bytes(), 3)
    } else {
        hash_lower(w, 3)
    };
    let mut near = [0u32; 8];
    let (l, ss) = (lower, short_shape);
    let values = [
        (2, l),
        (3, l),
        (4, l),
        (5, l),
        (8, ss),
        (9, ss),
        (30, mix(0, ss)),
        (35, ss),
    ];
    for (k, (t, v)) in values.into_iter().enumerate() {
        near[k] = bucket(t, v, mask);
    }
    let mut ids = [NO_ROW; 9];
    ids[0] = bucket(1, lower, mask);
    ids[1] = bucket(6, long_shape, mask);
    for (j, tpl) in [12u64, 13, 14].into_iter().enumerate() {
        if nchars > j + 2 {
            ids[2 + 2 * j] = bucket(tpl, pre[j], mask);
            ids[3 + 2 * j] = bucket(tpl + 10, suf[j], mask);
        }
    }
    if caps >= 2 {
        let c = caps as usize;
        ids[8] = bucket(
            34,
            mix(c.min(7) as u64, (vowels as usize * 4 / c) as u64),
            mask,
        );
    }
    WordInfo {
        lower,
        short_shape,
        classes,
        entry,
        caps,
        cap,
        hyphen: is_hyphen(w),
        opens,
        ids,
        near,
    }
}

/// [`WordInfo::opens`] of a word whose lowercase has the lexicon's hash `h`.
fn opens_of(h: u64) -> u8 {
    if !lexicon::may_open_longer_key(h) {
        1
    } else if !lexicon::may_open_longer_key(lexicon::hash_more(h, b" ")) {
        2
    } else {
        3
    }
}

/// A feature without a row in the model.
const NO_ROW: u32 = u32::MAX;

const SENT_START: u64 = 0x1234_5678;
const SENT_END: u64 = 0x8765_4321;

/// Feature bucket ids of every token of `sent` into `s.feats` / `s.starts`.
pub fn features(doc: &Doc, sent: Range<usize>, bits: u32, s: &mut Scratch) {
    features_memo::<false>(
        doc,
        sent.clone(),
        bits,
        s,
        &mut WordMemo::new(sent.len(), &MemoBase::new(bits, None)),
        None,
        &mut [],
    );
}

/// At most this many rows add up in one token's emission (the bias and the word's own 10,
/// the words around 6, shapes and words in context 9, 3 per class, gazetteer marks 3): a
/// lane holds at most 255 x 255 before it would carry, so lanes never borrow from each
/// other.
const MAX_FEATURES: usize = 25 + 3 * class::COUNT + 3;
const _: () = assert!(MAX_FEATURES < 255);

/// [`features`], with the word-level part looked up in (and added to) `memo`, which must
/// have been made for `bits` and `model`.
///
/// With `ROWS` (and a model), each token's emission goes to `s.rows` instead: the
/// features are the model's rows ([`Model::row_of`]), those without a row are left out
/// (round 8), and the word's own features and those of the words before and after it come
/// as the per-word sums of [`word_sums`] (round 15). Rows are integers, so the sums are
/// the same whatever the order.
#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
fn features_memo<const ROWS: bool>(
    doc: &Doc,
    sent: Range<usize>,
    bits: u32,
    s: &mut Scratch,
    memo: &mut WordMemo,
    model: Option<&Model>,
    entries: &mut [u32],
) {
    let n = sent.len();
    let mask = (1u64 << bits) - 1;
    let res = |id: u32| model.map_or(id, |m| m.row_of(id));
    memo.make_room(n);
    s.info.clear();
    s.feats.clear();
    s.starts.clear();
    s.rows.clear();
    if n == 0 || sent.end > doc.tokens.len() {
        s.starts.push(0);
        return;
    }
    let empty = WordInfo::default();
    let pad = |word: u32| TokInfo::new(word, memo.words.get(word as usize).unwrap_or(&empty), 0);
    let (start_pad, end_pad) = (pad(START_WORD), pad(END_WORD));
    s.info.extend([start_pad; PAD]);
    // Words, and words in capitals only, for `caps_sent` below.
    let (mut caps_words, mut nwords) = (0, 0);
    for t in sent.clone() {
        let w = doc.tok(t);
        let word = match memo.ids.find(w) {
            Ok(id) => id,
            Err(at) => {
                let mut x = word_info(w, &mut s.lower, mask);
                // Loops, not `map`: that was a call of `try_map` per array in the page's
                // build.
                for id in &mut x.ids {
                    *id = res(*id);
                }
                for id in &mut x.near {
                    *id = res(*id);
                }
                if let (true, Some(m)) = (ROWS, model) {
                    memo.sums.push(word_sums(m, &memo.fixed, &x));
                }
                memo.ctx.extend([UNKNOWN; 4]);
                memo.words.push(x);
                memo.ids.insert(w, at)
            }
        };
        let x = memo.words.get(word as usize).unwrap_or(&empty);
        let mut classes = 0;
        if doc.tokens[t].kind == TokKind::Word {
            nwords += 1;
            classes = x.classes;
            caps_words += (x.caps >= 2) as usize;
            if let Some(e) = entries.get_mut(t) {
                *e = x.entry;
            }
        }
        s.info.push(TokInfo::new(word, x, classes));
    }
    s.info.extend([end_pad; PAD]);
    // Multi-word gazetteer names (2-4 tokens, opening with a capital): longest match wins.
    let mut i = 0;
    while i < n {
        let t = sent.start + i;
        // A name may open in lower case before a hyphen ("al-Qaeda" written "al - Qaeda").
        // The tokens' own flags, not `is_hyphen` again (the sentinel after the last token
        // is no hyphen).
        let flag = |k: usize, f: fn(&TokInfo) -> bool| s.info.get(PAD + k).is_some_and(f);
        let (cap, hyphen, next_hyphen) = (
            flag(i, |x| x.cap),
            flag(i, |x| x.hyphen),
            flag(i + 1, |x| x.hyphen),
        );
        if doc.tokens[t].kind != TokKind::Word || !(cap || next_hyphen) {
            i += 1;
            continue;
        }
        let mut best = None;
        s.key.clear();
        let word = s
            .info
            .get(PAD + i)
            .and_then(|x| memo.words.get_mut(x.word as usize));
        // Whether the key goes on with a space (as below, for the next token).
        let spaced = t + 1 < sent.end && doc.tokens[t + 1].space_before && !next_hyphen && !hyphen;
        if word
            .as_ref()
            .is_some_and(|x| x.opens == 1 || x.opens == 2 && spaced)
        {
            i += 1;
            continue;
        }
        lower_into(&mut s.lower, doc.tok(t));
        s.key.push_str(&s.lower);
        // The key's lookup hash, extended as the key grows.
        let mut h = lexicon::hash_more(0, s.key.as_bytes());
        if let Some(x) = word.filter(|x| x.opens == 0) {
            x.opens = opens_of(h);
            if x.opens == 1 || x.opens == 2 && spaced {
                i += 1;
                continue;
            }
        }
        for len in 2..=4usize {
            if i + len > n {
                break;
            }
            let u = t + len - 1;
            let w = doc.tok(u);
            if w.len() > 40 || doc.tokens[u].kind == TokKind::Symbol {
                break;
            }
            let at = s.key.len();
            // Spaces around a hyphen are a tokenizer's or a typist's, not the name's.
            if doc.tokens[u].space_before && !is_hyphen(w) && !is_hyphen(doc.tok(u - 1)) {
                s.key.push(' ');
            }
            lower_into(&mut s.lower, w);
            s.key.push_str(&s.lower);
            h = lexicon::hash_more(h, s.key.as_bytes().get(at..).unwrap_or_default());
            let c = lexicon::word_entry_hashed(&s.key, h).classes();
            if c & class::ORG != 0 {
                best = Some((len, 1u8));
            } else if c & class::PLACE != 0 {
                best = Some((len, 0u8));
            }
            if !lexicon::may_open_longer_key(h) {
                break;
            }
        }
        if let Some((len, k)) = best {
            for j in 0..len {
                let p = if j == 0 {
                    B
                } else if j + 1 == len {
                    L
                } else {
                    I
                };
                if let Some(x) = s.info.get_mut(PAD + i + j) {
                    x.gaz = 1 + 4 * k + p as u8;
                }
            }
            i += len;
        } else {
            i += 1;
        }
    }
    let (words, sums, fixed) = (&memo.words, &memo.sums, &memo.fixed);
    let ctx = &mut memo.ctx;
    let word = |x: &TokInfo| words.get(x.word as usize).unwrap_or(&empty);
    // Leading quotes and brackets do not stop a word from opening the sentence.
    let first_word = (sent.start..sent.end)
        .find(|&k| doc.tokens[k].kind != TokKind::Punct)
        .unwrap_or(sent.end);
    // A sentence written in capitals (a headline, a dateline, a shouting e-mail): shapes say
    // less there, and the model learns it from capitalized copies of training sentences.
    let caps_sent = caps_words >= 3 && 2 * caps_words >= nwords;
    let no_sum = Sum::new();
    let sum = |x: &TokInfo, k: usize| sums.get(x.word as usize).map_or(&no_sum, |s| &s[k]);
    let weights = model.map_or(&[][..], |m| &m.weights[..]);
    // The rows of the hashed templates, looked up in line: `Model::row_of` is a call per
    // feature in the page's build (round 25).
    let index = model.map_or(&[][..], |m| &m.index[..]);
    for (i, window) in s.info.windows(2 * PAD + 1).enumerate() {
        // By reference: copied, the five records were loaded whole (and spilled) at the top of
        // the loop in the page's build.
        let [p2, p1, me, n1, n2] = window else {
            continue;
        };
        let t = sent.start + i;
        let (lw_prev, lw_next) = (p1.lower, n1.lower);
        let (ss_prev, ss_me, ss_next) = (p1.short_shape, me.short_shape, n1.short_shape);
        let initial = t == first_word;
        let feats = &mut s.feats;
        let mut acc = Sum::new();
        if ROWS {
            acc = *sum(me, 0);
            acc.add(sum(p1, 1));
            acc.add(sum(n1, 2));
        } else {
            s.starts.push(feats.len());
        }
        macro_rules! put {
            ($id:expr) => {{
                let id = $id;
                if ROWS {
                    if let Some(row) = weights.get(id as usize) {
                        acc.acc.add(row);
                        acc.rows += 1;
                    }
                } else if id != NO_ROW {
                    feats.push(id);
                }
            }};
        }
        macro_rules! push {
            ($template:expr, $v:expr) => {{
                let id = bucket($template, $v, mask);
                put!(if ROWS {
                    row_in(index, id as usize).map_or(NO_ROW, |r| r as u32)
                } else {
                    res(id)
                })
            }};
        }
        // In template order: 0, 1, 2 to 5 (the words around), 6 to 11 (shapes); with
        // `ROWS`, those of `word_sums` are in the sums already.
        if !ROWS {
            let (wi, prev, next) = (word(me), word(p1), word(n1));
            put!(fixed.bias);
            put!(wi.ids[0]);
            put!(prev.near[0]);
            put!(next.near[1]);
        }
        put!(p2.two_before);
        put!(n2.two_after);
        if !ROWS {
            put!(word(me).ids[1]);
        }
        // The row of a hashed template from a cache slot (`ROWS` only), kept there if `$keep`.
        macro_rules! cached {
            ($slot:expr, $keep:expr, $template:expr, $v:expr) => {{
                if ROWS {
                    let slot: Option<&mut u32> = $slot;
                    match slot {
                        Some(x) if *x != UNKNOWN => put!(x.wrapping_sub(2)),
                        slot => {
                            let id = bucket($template, $v, mask);
                            let r = row_in(index, id as usize).map_or(NO_ROW, |r| r as u32);
                            if let (true, Some(x)) = ($keep, slot) {
                                *x = r.wrapping_add(2);
                            }
                            put!(r)
                        }
                    }
                } else {
                    push!($template, $v)
                }
            }};
        }
        push!(7, mix(mix(ss_prev, ss_me), ss_next));
        if !ROWS {
            put!(word(p1).near[4]);
            put!(word(n1).near[5]);
        }
        push!(10, mix(ss_prev, ss_me));
        push!(11, mix(ss_me, ss_next));
        // Prefixes and suffixes of the lowercased word, by chars, when long enough.
        if !ROWS {
            for &id in &word(me).ids[2..8] {
                put!(id);
            }
        }
        if initial {
            push!(30, mix(1, ss_me));
        } else {
            put!(me.own_shape);
        }
        // The slots of the words before and after for this token's shape, if it has them.
        let b = me.shape as usize;
        let at = |w: u32, k: usize| (w as usize).wrapping_mul(4).wrapping_add(k);
        let (k31, k32) = (at(p1.word, b.wrapping_sub(1)), at(n1.word, b + 1));
        cached!(
            ctx.get_mut(k31).filter(|_| b != 0),
            true,
            31,
            mix(lw_prev, ss_me)
        );
        cached!(
            ctx.get_mut(k32).filter(|_| b != 0),
            true,
            32,
            mix(ss_me, lw_next)
        );
        if initial {
            push!(33, me.lower);
        }
        // Capitals only: short ones are acronyms, long pronounceable ones names ("BREYER").
        if !ROWS {
            put!(word(me).ids[8]);
        }
        if caps_sent {
            put!(word(me).near[7]);
            push!(36, mix(lw_prev, lw_next));
        }
        let ci = (2 * me.case as usize + initial as usize) % 6;
        // Only the classes some of the three words have (in the same order as a full scan).
        let (c_prev, c_next) = (p1.classes, n1.classes);
        let mut any = (me.classes | c_prev | c_next) & ((1 << class::COUNT) - 1);
        while any != 0 {
            let b = any.trailing_zeros() as usize % class::COUNT;
            any &= any - 1;
            let bit = 1u16 << b;
            if me.classes & bit != 0 {
                put!(fixed.class_me[b][ci]);
            }
            if c_prev & bit != 0 {
                put!(fixed.class_prev[b]);
            }
            if c_next & bit != 0 {
                put!(fixed.class_next[b]);
            }
        }
        for (k, x) in [me, p1, n1].into_iter().enumerate() {
            if x.gaz != 0 {
                put!(fixed.gaz[k][x.gaz as usize % 16]);
            }
        }
        if ROWS {
            s.rows.push(acc);
        }
    }
    if !ROWS {
        s.starts.push(s.feats.len());
    }
}

// ---------------------------------------------------------------------------------------------
// Decoding

/// Best BILOU-valid tag sequence for `n` tokens with emission scores `em` (n x TAGS),
/// transition scores `trans` (TAGS x TAGS, from x to), start and end scores.
pub fn viterbi(
    em: &[f32],
    n: usize,
    trans: &[f32],
    start: &[f32],
    end: &[f32],
    back: &mut Vec<u8>,
    out: &mut Vec<u8>,
) {
    out.clear();
    if n == 0 || em.len() < n * TAGS || trans.len() < TAGS * TAGS {
        return;
    }
    const NEG: f32 = -1e30;
    back.clear();
    back.resize(n * TAGS, 0);
    let mut cur = [NEG; TAGS];
    for t in 0..TAGS {
        if can_start(t) {
            cur[t] = em[t] + start.get(t).copied().unwrap_or(0.0);
        }
    }
    // Fixed-size copies and rows: the loops below then run without bounds checks, and the
    // constant predecessor lists unroll.
    let mut tr = [[0f32; TAGS]; TAGS];
    for (a, row) in tr.iter_mut().enumerate() {
        row.copy_from_slice(&trans[a * TAGS..(a + 1) * TAGS]);
    }
    let rows = em[TAGS..n * TAGS].chunks_exact(TAGS);
    let backs = back[TAGS..].chunks_exact_mut(TAGS);
    for (e, bk) in rows.zip(backs) {
        let mut next = [NEG; TAGS];
        macro_rules! step {
            ($($b:literal)*) => {$(
                let (best, arg) = best_pred::<$b>(&cur, &tr);
                if best > NEG {
                    next[$b] = best + e[$b];
                    bk[$b] = arg;
                }
            )*};
        }
        step!(0 1 2 3 4 5 6 7 8 9 10 11 12);
        cur = next;
    }
    let mut best = NEG;
    let mut arg = 0usize;
    for t in 0..TAGS {
        if can_end(t) && cur[t] > NEG {
            let v = cur[t] + end.get(t).copied().unwrap_or(0.0);
            if v > best {
                best = v;
                arg = t;
            }
        }
    }
    out.resize(n, 0);
    out[n - 1] = arg as u8;
    for i in (1..n).rev() {
        arg = back[i * TAGS + arg] as usize;
        out[i - 1] = arg as u8;
    }
}

/// The best predecessor of tag `B` and its score (the first of equals, in tag order): one
/// function per tag, so that its predecessor list is a constant and the loop unrolls.
#[inline(always)]
fn best_pred<const B: usize>(cur: &[f32; TAGS], tr: &[[f32; TAGS]; TAGS]) -> (f32, u8) {
    let (preds, np) = PREDS[B];
    let mut best = -1e30;
    let mut arg = 0u8;
    let mut k = 0;
    while k < np {
        let a = preds[k] as usize;
        let v = cur[a] + tr[a][B];
        if v > best {
            best = v;
            arg = a as u8;
        }
        k += 1;
    }
    (best, arg)
}

/// Four f32 lanes: a wasm SIMD128 vector in wasm, else an array, which LLVM vectorizes
/// natively. The decoder keeps the 13 tags' scores in 16 lanes (four of these); each lane
/// does what the scalar [`viterbi`] does for its tag, the same float operations in the same
/// order (round 8).
///
/// In wasm, `simd128` is enabled for these functions and the tagger's own (`#[target_feature]`),
/// not for the whole build: the rest of the crate compiles as before (enabling it everywhere
/// bought no speed elsewhere and no size). So the page needs an engine with wasm SIMD
/// (Chrome 91, Firefox 89, Safari 16.4 and later); without it, the module does not load.
#[cfg(target_arch = "wasm32")]
mod lanes {
    use core::arch::wasm32::*;

    #[derive(Clone, Copy)]
    pub struct F4(v128);

    impl F4 {
        #[inline]
        #[target_feature(enable = "simd128")]
        pub fn splat(x: f32) -> F4 {
            F4(f32x4_splat(x))
        }
        #[inline]
        #[target_feature(enable = "simd128")]
        pub fn from_array(a: [f32; 4]) -> F4 {
            F4(f32x4(a[0], a[1], a[2], a[3]))
        }
        #[inline]
        #[target_feature(enable = "simd128")]
        pub fn to_array(self) -> [f32; 4] {
            [
                f32x4_extract_lane::<0>(self.0),
                f32x4_extract_lane::<1>(self.0),
                f32x4_extract_lane::<2>(self.0),
                f32x4_extract_lane::<3>(self.0),
            ]
        }
        /// Lane `L` in all four lanes.
        #[inline]
        #[target_feature(enable = "simd128")]
        pub fn broadcast<const L: usize>(self) -> F4 {
            F4(i32x4_shuffle::<L, L, L, L>(self.0, self.0))
        }
        /// Lanes 1, 2, 3, 3.
        #[inline]
        #[target_feature(enable = "simd128")]
        pub fn shift_down(self) -> F4 {
            F4(i32x4_shuffle::<1, 2, 3, 3>(self.0, self.0))
        }
        #[inline]
        #[target_feature(enable = "simd128")]
        pub fn add(self, o: F4) -> F4 {
            F4(f32x4_add(self.0, o.0))
        }
        /// `v > self ? v : self` per lane.
        #[inline]
        #[target_feature(enable = "simd128")]
        pub fn relax(&mut self, v: F4) {
            // `self < v ? v : self`: what a select by `v > self` gives, in one instruction
            // (round 25).
            self.0 = f32x4_pmax(self.0, v.0);
        }
        /// `self + e` where `self > floor`, else `floor`.
        #[inline]
        #[target_feature(enable = "simd128")]
        pub fn add_above(self, e: F4, floor: F4) -> F4 {
            let m = f32x4_gt(self.0, floor.0);
            F4(v128_bitselect(f32x4_add(self.0, e.0), floor.0, m))
        }
    }

    /// A weight row: 16 lanes of u16 (tag t in lane `POS[t]`), each the i8 weight plus `BIAS`.
    pub type Row = [v128; 2];

    #[inline]
    #[target_feature(enable = "simd128")]
    pub fn row(w: [u64; 4]) -> Row {
        [u64x2(w[0], w[1]), u64x2(w[2], w[3])]
    }

    #[cfg(test)]
    pub fn row_lanes(r: &Row) -> [u64; 4] {
        [
            u64x2_extract_lane::<0>(r[0]),
            u64x2_extract_lane::<1>(r[0]),
            u64x2_extract_lane::<0>(r[1]),
            u64x2_extract_lane::<1>(r[1]),
        ]
    }

    /// Sums of rows, 16 lanes of 16 bits.
    #[derive(Clone, Copy)]
    pub struct Acc([v128; 2]);

    impl Acc {
        #[inline]
        #[target_feature(enable = "simd128")]
        pub fn new() -> Acc {
            Acc([u16x8_splat(0); 2])
        }
        #[inline]
        #[target_feature(enable = "simd128")]
        pub fn add(&mut self, r: &Row) {
            self.0[0] = i16x8_add(self.0[0], r[0]);
            self.0[1] = i16x8_add(self.0[1], r[1]);
        }
        #[inline]
        #[target_feature(enable = "simd128")]
        pub fn merge(&mut self, o: &Acc) {
            self.add(&o.0);
        }
        /// `(lane - bias) as f32 * scale` for each lane.
        #[inline]
        #[target_feature(enable = "simd128")]
        pub fn scores(self, bias: i32, scale: f32) -> [F4; 4] {
            let (b, k) = (i32x4_splat(bias), f32x4_splat(scale));
            let f = |x: v128| F4(f32x4_mul(f32x4_convert_i32x4(i32x4_sub(x, b)), k));
            [
                f(u32x4_extend_low_u16x8(self.0[0])),
                f(u32x4_extend_high_u16x8(self.0[0])),
                f(u32x4_extend_low_u16x8(self.0[1])),
                f(u32x4_extend_high_u16x8(self.0[1])),
            ]
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod lanes {
    #[derive(Clone, Copy)]
    pub struct F4([f32; 4]);

    impl F4 {
        #[inline(always)]
        pub fn splat(x: f32) -> F4 {
            F4([x; 4])
        }
        #[inline(always)]
        pub fn from_array(a: [f32; 4]) -> F4 {
            F4(a)
        }
        #[inline(always)]
        pub fn to_array(self) -> [f32; 4] {
            self.0
        }
        #[inline(always)]
        pub fn broadcast<const L: usize>(self) -> F4 {
            F4([self.0[L]; 4])
        }
        #[inline(always)]
        pub fn shift_down(self) -> F4 {
            F4([self.0[1], self.0[2], self.0[3], self.0[3]])
        }
        #[inline(always)]
        pub fn add(self, o: F4) -> F4 {
            F4(std::array::from_fn(|k| self.0[k] + o.0[k]))
        }
        #[inline(always)]
        pub fn relax(&mut self, v: F4) {
            for k in 0..4 {
                if v.0[k] > self.0[k] {
                    self.0[k] = v.0[k];
                }
            }
        }
        #[inline(always)]
        pub fn add_above(self, e: F4, floor: F4) -> F4 {
            F4(std::array::from_fn(|k| {
                if self.0[k] > floor.0[k] {
                    self.0[k] + e.0[k]
                } else {
                    floor.0[k]
                }
            }))
        }
    }

    /// A weight row: 16 lanes of 16 bits in four u64 words (SWAR), lane p in bits 16 (p % 4)
    /// of word p / 4; tag t in lane `POS[t]`, each the i8 weight plus `BIAS`.
    pub type Row = [u64; 4];

    #[inline(always)]
    pub fn row(w: [u64; 4]) -> Row {
        w
    }

    #[cfg(test)]
    pub fn row_lanes(r: &Row) -> [u64; 4] {
        *r
    }

    /// Sums of rows: lanes never borrow from each other while fewer than 256 rows add up.
    #[derive(Clone, Copy)]
    pub struct Acc([u64; 4]);

    impl Acc {
        #[inline(always)]
        pub fn new() -> Acc {
            Acc([0; 4])
        }
        #[inline(always)]
        pub fn add(&mut self, r: &Row) {
            for k in 0..4 {
                self.0[k] = self.0[k].wrapping_add(r[k]);
            }
        }
        #[inline(always)]
        pub fn merge(&mut self, o: &Acc) {
            self.add(&o.0);
        }
        #[inline(always)]
        pub fn scores(self, bias: i32, scale: f32) -> [F4; 4] {
            std::array::from_fn(|j| {
                F4(std::array::from_fn(|k| {
                    let lane = ((self.0[j] >> (16 * k)) & 0xffff) as i32;
                    (lane - bias) as f32 * scale
                }))
            })
        }
    }
}

use lanes::F4;

/// The lane of each tag in the decoder and in the weight rows: lanes 0-3 hold O and the
/// three B tags, 4-6 the U tags, 8-10 the I tags and 12-14 the L tags (lanes 7, 11 and 15
/// are unused). The tags that may follow O, L or U (O, B, U) then fill two vectors, and the
/// tags that may follow B or I (I, L) two others, in kind order: a step of the decoder
/// updates each vector only from the tags that may precede its own.
const POS: [usize; TAGS] = {
    let mut p = [0; TAGS];
    let mut t = 1;
    while t < TAGS {
        p[t] = kind(t) + [0, 1, 8, 12, 4][part(t)];
        t += 1;
    }
    p
};

/// The tags that may precede O, B and U, in tag order: O, then L and U of each kind.
const OUT_PREDS: [usize; 7] = [0, 3, 4, 7, 8, 11, 12];

/// Transition scores in the decoder's lanes (see [`POS`]); minus infinity where BILOU
/// forbids a transition (never the best, as the scalar decoder never tries it).
#[derive(Clone, Copy)]
struct Trans4 {
    /// From each of [`OUT_PREDS`] to lanes 0-7.
    out: [[F4; 2]; 7],
    /// From B to I, B to L, I to I, I to L, each in its kind's lane.
    inner: [F4; 4],
}

/// Lanes of scores by tag: `v(t)` in lane `POS[t]`, `fill` in the unused lanes.
fn by_pos(v: impl Fn(usize) -> f32, fill: f32) -> [[f32; 4]; 4] {
    let mut out = [[fill; 4]; 4];
    for t in 0..TAGS {
        out[POS[t] / 4][POS[t] % 4] = v(t);
    }
    out
}

#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
fn lanes_of_trans(trans: &[f32]) -> Trans4 {
    let score = |a: usize, b: usize| match trans.get(a * TAGS + b) {
        Some(&v) if ALLOWED[a][b] => v,
        _ => f32::NEG_INFINITY,
    };
    let out = OUT_PREDS.map(|a| {
        let l = by_pos(|b| score(a, b), f32::NEG_INFINITY);
        [F4::from_array(l[0]), F4::from_array(l[1])]
    });
    let inner = [(B, I), (B, L), (I, I), (I, L)].map(|(pa, pb)| {
        let mut l = [f32::NEG_INFINITY; 4];
        for k in 0..3 {
            l[k] = score(tag(k, pa), tag(k, pb));
        }
        F4::from_array(l)
    });
    Trans4 { out, inner }
}

/// [`viterbi`] with the tags in lanes (round 8, lanes in [`POS`]), on the emission scores of
/// token i given by `em(i)`. Each lane computes what the scalar loop computes for its tag:
/// the allowed predecessors in the same order, the same additions, the first of equals. So
/// the tags are the same, bit for bit.
#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
fn viterbi_lanes(
    n: usize,
    mut em: impl FnMut(usize) -> [F4; 4],
    tr: &Trans4,
    (start, end): (&[f32], &[f32]),
    back: &mut Vec<[F4; 4]>,
    out: &mut Vec<u8>,
) {
    const NEG: f32 = -1e30;
    out.clear();
    back.clear();
    if n == 0 {
        return;
    }
    let (neg, zero) = (F4::splat(NEG), F4::splat(0.0));
    let mut cur = [neg; 4];
    for i in 0..n {
        // `em` called in one place: the page's build then inlines it (round 25).
        let e = em(i);
        if i == 0 {
            let e0 = e.map(|v| v.to_array());
            let mut first = [[NEG; 4]; 4];
            for t in 0..TAGS {
                if can_start(t) {
                    let (j, k) = (POS[t] / 4, POS[t] % 4);
                    first[j][k] = e0[j][k] + start.get(t).copied().unwrap_or(0.0);
                }
            }
            // Closures, not the functions: a `#[target_feature]` function is not `Fn`.
            cur = std::array::from_fn(|j| F4::from_array(first[j]));
            back.push([zero; 4]);
            continue;
        }
        // The scores before this token: the trace finds each best predecessor again from
        // them (`best_before`), instead of this loop keeping one per lane (round 25).
        back.push(cur);
        let mut best = [neg; 4];
        // O, B and U (lanes 0-7) from O, L and U, in tag order.
        macro_rules! from {
            ($($p:literal)*) => {$(
                let a = OUT_PREDS[$p];
                let c = cur[POS[a] / 4].broadcast::<{ POS[OUT_PREDS[$p]] % 4 }>();
                best[0].relax(c.add(tr.out[$p][0]));
                best[1].relax(c.add(tr.out[$p][1]));
            )*};
        }
        from!(0 1 2 3 4 5 6);
        // I and L (lanes 8-15) from B, then I, of their kind.
        let cb = cur[0].shift_down();
        let ci = cur[2];
        for (j, (b, i)) in [(2, (0, 2)), (3, (1, 3))] {
            best[j].relax(cb.add(tr.inner[b]));
            best[j].relax(ci.add(tr.inner[i]));
        }
        cur = std::array::from_fn(|j| best[j].add_above(e[j], neg));
    }
    let cur = cur.map(|v| v.to_array());
    let mut best = NEG;
    let mut arg = 0usize;
    for t in 0..TAGS {
        let c = cur[POS[t] / 4][POS[t] % 4];
        if can_end(t) && c > NEG {
            let v = c + end.get(t).copied().unwrap_or(0.0);
            if v > best {
                best = v;
                arg = t;
            }
        }
    }
    out.resize(n, 0);
    out[n - 1] = arg as u8;
    for i in (1..n).rev() {
        let prev = back
            .get(i)
            .map_or([[NEG; 4]; 4], |b| b.map(|v| v.to_array()));
        arg = best_before(&prev, tr, arg);
        out[i - 1] = arg as u8;
    }
}

/// The best predecessor of tag `b` from the scores `prev` of the token before (in lanes):
/// what the forward step of [`viterbi_lanes`] chose for `b`'s lane, by the same additions
/// in the same order, the first of equals winning, so the same tag.
fn best_before(prev: &[[f32; 4]; 4], tr: &Trans4, b: usize) -> usize {
    const NEG: f32 = -1e30;
    let p = POS.get(b).copied().unwrap_or(0);
    let (j, k) = ((p / 4) % 4, p % 4);
    let (mut best, mut arg) = (NEG, 0);
    let mut relax = |v: f32, a: usize| {
        if v > best {
            best = v;
            arg = a;
        }
    };
    if j < 2 {
        // O, B or U: from O, L and U (`OUT_PREDS`).
        for (q, &a) in OUT_PREDS.iter().enumerate() {
            let c = prev[POS[a] / 4][POS[a] % 4];
            relax(c + tr.out[q][j].to_array()[k], a);
        }
    } else {
        // I (lanes 8-10) or L (12-14) of kind k: from B, then I, of that kind.
        let (from_b, from_i) = if j == 2 { (0, 2) } else { (1, 3) };
        let kind = k.min(2);
        relax(
            prev[0][(k + 1) % 4] + tr.inner[from_b].to_array()[k],
            tag(kind, B),
        );
        relax(prev[2][k] + tr.inner[from_i].to_array()[k], tag(kind, I));
    }
    arg
}

/// Spans (token ranges, kind index 0-2) of a BILOU tag sequence, offset by `base`.
pub fn spans_of(tags: &[u8], base: usize, out: &mut Vec<(Range<usize>, usize)>) {
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let t = t as usize;
        match part(t) {
            B => open = Some((i, kind(t))),
            I => {}
            L => {
                if let Some((s, k)) = open.take() {
                    if k == kind(t) {
                        out.push((base + s..base + i + 1, k));
                    }
                }
            }
            U => {
                open = None;
                out.push((base + i..base + i + 1, kind(t)));
            }
            _ => open = None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Model

/// A weight row is 16 lanes of 16 bits, built as four u64 words (SWAR): adding a feature's
/// row is four integer adds natively, two SIMD adds in wasm ([`lanes::Row`]).
/// Each lane holds the i8 weight plus [`BIAS`], so lanes never borrow from each other while
/// fewer than 256 features add up.
const WORDS: usize = 4;
const BIAS: u64 = 128;

pub struct Model {
    pub bits: u32,
    /// The rows of the buckets that have weights, in bucket order, tag t in lane `POS[t]`
    /// ([`lanes::Row`]). After pruning most buckets are empty (three in four): a
    /// bitmap says which are not, so that a feature in an empty bucket costs no memory load
    /// and the rows take a quarter of the dense table (which mattered more than anything in
    /// the tagger's time: its 2 MB did not stay in cache).
    weights: Vec<lanes::Row>,
    /// One word per 32 buckets: its low half has bit b % 32 set when bucket b has a row, its
    /// high half counts the rows before it (its rank). Bitmap and rank side by side cost one
    /// memory load per feature instead of two (round 7).
    index: Vec<u64>,
    scale: f32,
    start: Vec<f32>,
    end: Vec<f32>,
    /// Transition scores in the decoder's lanes.
    trans4: Trans4,
    /// Built on first use, from the rows.
    memo_base: OnceLock<MemoBase>,
    /// The words of the documents tagged before, kept for the next ones (round 23).
    memo: Mutex<Option<(WordMemo, Scratch)>>,
}

/// Distinct words the memo kept across documents holds at most (about 2 MB). An article
/// has about 250; the memo is emptied when the next piece of text might not fit.
const MEMO_WORDS: usize = 1 << 13;

/// The longest run of tokens decoded at once ([`Model::spans`]).
const MAX_DECODE_TOKENS: usize = 1000;

const MAGIC: &[u8; 4] = b"PLNR";
const VERSION: u8 = 3;
/// Index byte of a mask that is not in the file's list of frequent masks.
const OTHER_MASK: u8 = u8::MAX;

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        self.bytes(1).map(|b| b[0])
    }
    fn u16(&mut self) -> Option<u16> {
        let b = self.bytes(2)?;
        Some(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Option<u32> {
        let b = self.bytes(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// The row of bucket `f` in a model's [`Model::index`], if it has one.
#[inline(always)]
fn row_in(index: &[u64], f: usize) -> Option<usize> {
    let e = *index.get(f / 32)?;
    let bit = f % 32;
    if e >> bit & 1 == 0 {
        return None;
    }
    let below = (e & ((1u64 << bit) - 1)).count_ones() as usize;
    Some((e >> 32) as usize + below)
}

impl Model {
    /// A model that tags nothing: the fallback for a missing or malformed file.
    #[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
    pub fn empty() -> Model {
        Model {
            bits: 1,
            weights: Vec::new(),
            index: vec![0],
            scale: 0.0,
            start: vec![0.0; TAGS],
            end: vec![0.0; TAGS],
            trans4: lanes_of_trans(&[0.0; TAGS * TAGS]),
            memo_base: OnceLock::new(),
            memo: Mutex::new(None),
        }
    }

    #[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        let mut r = Reader { b, at: 0 };
        if r.bytes(4)? != MAGIC || r.u8()? != VERSION || r.u8()? as usize != TAGS {
            return None;
        }
        let bits = r.u8()? as u32;
        r.u8()?;
        if !(1..=24).contains(&bits) {
            return None;
        }
        let scale = f32::from_bits(r.u32()?);
        if !scale.is_finite() {
            return None;
        }
        let mut small = |n: usize| -> Option<Vec<f32>> {
            (0..n)
                .map(|_| r.u16().map(|v| v as i16 as f32 * scale))
                .collect()
        };
        let trans = small(TAGS * TAGS)?;
        let start = small(TAGS)?;
        let end = small(TAGS)?;
        let count = r.u32()? as usize;
        let buckets = 1usize << bits;
        if count > buckets {
            return None;
        }
        let mut weights = vec![BIAS * 0x0001_0001_0001_0001; count * WORDS];
        let bitmap = r.bytes(buckets.div_ceil(8))?;
        let mut present = vec![0u64; buckets.div_ceil(64)];
        for (word, bytes) in present.iter_mut().zip(bitmap.chunks(8)) {
            let mut le = [0u8; 8];
            le.get_mut(..bytes.len())?.copy_from_slice(bytes);
            *word = u64::from_le_bytes(le);
        }
        let mut index = Vec::with_capacity(2 * present.len());
        let mut rows = 0u64;
        for w in &present {
            for half in [*w & 0xffff_ffff, *w >> 32] {
                index.push(rows << 32 | half);
                rows += half.count_ones() as u64;
            }
        }
        if rows as usize != count {
            return None;
        }
        let listed = r.u8()? as usize;
        let (list_lo, list_hi) = (r.bytes(listed)?, r.bytes(listed)?);
        let picks = r.bytes(count)?;
        let others = picks.iter().filter(|&&p| p == OTHER_MASK).count();
        let (other_lo, other_hi) = (r.bytes(others)?, r.bytes(others)?);
        let mut other = 0;
        for (k, &pick) in picks.iter().enumerate() {
            let mask = if pick == OTHER_MASK {
                other += 1;
                u16::from_le_bytes([*other_lo.get(other - 1)?, *other_hi.get(other - 1)?])
            } else {
                let p = pick as usize;
                u16::from_le_bytes([*list_lo.get(p)?, *list_hi.get(p)?])
            };
            for t in 0..TAGS {
                if mask & (1 << t) != 0 {
                    let v = r.u8()? as i8;
                    let word = weights.get_mut(k * WORDS + POS[t] / 4)?;
                    let shift = 16 * (POS[t] % 4);
                    *word =
                        (*word & !(0xffff << shift)) | (((v as i64 + BIAS as i64) as u64) << shift);
                }
            }
        }
        let weights = weights
            .chunks_exact(WORDS)
            .map(|w| lanes::row([w[0], w[1], w[2], w[3]]))
            .collect();
        let trans4 = lanes_of_trans(&trans);
        Some(Model {
            bits,
            weights,
            index,
            scale,
            start,
            end,
            trans4,
            memo_base: OnceLock::new(),
            memo: Mutex::new(None),
        })
    }

    /// The row of bucket `f`, if it has one.
    #[inline(always)]
    fn row(&self, f: usize) -> Option<usize> {
        row_in(&self.index, f)
    }

    fn memo_base(&self) -> &MemoBase {
        self.memo_base
            .get_or_init(|| MemoBase::new(self.bits, Some(self)))
    }

    /// The row of bucket `f`, or [`NO_ROW`].
    fn row_of(&self, f: u32) -> u32 {
        self.row(f as usize).map_or(NO_ROW, |r| r as u32)
    }

    /// Tags the sentence `sent`, leaving the tags in `s.tags`.
    pub fn tag_sentence(&self, doc: &Doc, sent: Range<usize>, s: &mut Scratch) {
        let mut memo = WordMemo::new(sent.len(), self.memo_base());
        features_memo::<true>(doc, sent, self.bits, s, &mut memo, Some(self), &mut []);
        self.decode(s);
    }

    /// Tags from the emissions in `s.rows` (from [`features_memo`] with this model), into
    /// `s.tags`.
    #[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
    fn decode(&self, s: &mut Scratch) {
        let rows = &s.rows;
        let emission = |i: usize| {
            let sum = rows.get(i).copied().unwrap_or(Sum::new());
            // Each row adds `BIAS` to every lane: taken off here.
            sum.acc.scores((sum.rows as u64 * BIAS) as i32, self.scale)
        };
        let ends = (self.start.as_slice(), self.end.as_slice());
        viterbi_lanes(
            rows.len(),
            emission,
            &self.trans4,
            ends,
            &mut s.back,
            &mut s.tags,
        );
    }

    /// Name spans of the whole document: token ranges with their kind.
    pub fn spans(&self, doc: &Doc) -> Vec<(Range<usize>, EntityKind)> {
        self.spans_and_entries(doc, &mut [])
    }

    /// [`Model::spans`], and in `entries` (one per token, or none) each word token's
    /// `lexicon::Entry::of` where the tagger found it on the way (as [`WordInfo::entry`]:
    /// `Entry::to_bits() + 1`, or 0), from the memo of words kept across documents: the
    /// entity rules would look most of them up again (round 23).
    #[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
    pub fn spans_and_entries(
        &self,
        doc: &Doc,
        entries: &mut [u32],
    ) -> Vec<(Range<usize>, EntityKind)> {
        // A word's memo entry is the same in every document: the common words of news
        // ("the", "said", "president") are computed once, not once per article, and a text
        // analyzed again as it is edited finds all its words (round 23). Its entries do not
        // depend on what was tagged before, so the output does not either. Another thread
        // tagging at the same time (natively) uses a memo of its own. The scratch buffers are
        // kept with it: they were grown again in every document.
        let mut kept = self.memo.try_lock().ok();
        let mut own = None;
        let (memo, s) = match kept.as_deref_mut() {
            Some(m) => m,
            None => &mut own,
        }
        .get_or_insert_with(|| {
            (
                WordMemo::new(MEMO_WORDS, self.memo_base()),
                Scratch::default(),
            )
        });
        let mut raw = Vec::new();
        for sent in &doc.sentences {
            if sent.is_empty() || sent.end > doc.tokens.len() {
                continue;
            }
            // A "sentence" of thousands of tokens (a list or a wall of symbols with no full
            // stop) is decoded in pieces: the scratch rows of one piece stay in the CPU's
            // caches, where one 250,000-token piece made the tagger's time grow faster than
            // its input (tests/scaling.rs). No sentence of news prose comes near the limit.
            let mut start = sent.start;
            while start < sent.end {
                let end = sent.end.min(start + MAX_DECODE_TOKENS);
                let piece = start..end;
                features_memo::<true>(doc, piece, self.bits, s, memo, Some(self), entries);
                self.decode(s);
                spans_of(&s.tags, start, &mut raw);
                start = end;
            }
        }
        raw.into_iter()
            .filter_map(|(r, k)| Some((r, *KINDS.get(k)?)))
            .collect()
    }
}

/// Writes a model file from dense f32 weights (`2^bits x TAGS`), dropping weights whose
/// magnitude is below `prune` (in f32 units) and quantizing the rest to i8.
pub fn encode(
    bits: u32,
    weights: &[f32],
    trans: &[f32],
    start: &[f32],
    end: &[f32],
    prune: f32,
) -> Vec<u8> {
    let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-9);
    let scale = max / 127.0;
    let q = |w: f32| (w / scale).round().clamp(-127.0, 127.0) as i8;
    let qs = |w: f32| (w / scale).round().clamp(-32767.0, 32767.0) as i16;
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&[VERSION, TAGS as u8, bits as u8, 0]);
    out.extend_from_slice(&scale.to_bits().to_le_bytes());
    for v in trans.iter().chain(start).chain(end) {
        out.extend_from_slice(&qs(*v).to_le_bytes());
    }
    let buckets = weights.len() / TAGS;
    let mut bitmap = vec![0u8; buckets.div_ceil(8)];
    let (mut masks, mut values) = (Vec::new(), Vec::new());
    for (bucket, w) in weights.chunks_exact(TAGS).enumerate() {
        let mut mask = 0u16;
        for (t, &v) in w.iter().enumerate() {
            if v.abs() >= prune && q(v) != 0 {
                mask |= 1 << t;
            }
        }
        if mask == 0 {
            continue;
        }
        bitmap[bucket / 8] |= 1 << (bucket % 8);
        masks.push(mask);
        for (t, &v) in w.iter().enumerate() {
            if mask & (1 << t) != 0 {
                values.push(q(v) as u8);
            }
        }
    }
    // The most frequent masks first (ties by value), as many as one byte can name.
    let mut freq: Vec<(usize, u16)> = Vec::new();
    let mut sorted = masks.clone();
    sorted.sort_unstable();
    for m in sorted {
        match freq.last_mut() {
            Some((n, last)) if *last == m => *n += 1,
            _ => freq.push((1, m)),
        }
    }
    freq.sort_unstable_by_key(|&(n, m)| (std::cmp::Reverse(n), m));
    freq.truncate(usize::from(OTHER_MASK));
    let listed: Vec<u16> = freq.iter().map(|&(_, m)| m).collect();
    let (mut picks, mut other_lo, mut other_hi) = (Vec::new(), Vec::new(), Vec::new());
    for &m in &masks {
        match listed.iter().position(|&l| l == m) {
            Some(p) => picks.push(p as u8),
            None => {
                picks.push(OTHER_MASK);
                let [l, h] = m.to_le_bytes();
                other_lo.push(l);
                other_hi.push(h);
            }
        }
    }
    out.extend_from_slice(&(masks.len() as u32).to_le_bytes());
    out.extend_from_slice(&bitmap);
    out.push(listed.len() as u8);
    out.extend(listed.iter().map(|m| m.to_le_bytes()[0]));
    out.extend(listed.iter().map(|m| m.to_le_bytes()[1]));
    for stream in [picks, other_lo, other_hi, values] {
        out.extend_from_slice(&stream);
    }
    out
}

/// The shipped model, parsed once.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(
        || match Model::from_bytes(include_bytes!("../data/model/ner.bin")) {
            Some(m) => m,
            None => Model::empty(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_constraints() {
        let (bp, lp, uo) = (tag(0, B), tag(0, L), tag(1, U));
        assert!(allowed(bp, lp));
        assert!(!allowed(bp, tag(1, L)));
        assert!(!allowed(0, lp));
        assert!(allowed(lp, uo));
        assert!(allowed(uo, 0));
    }

    #[test]
    fn viterbi_respects_constraints() {
        // Emissions prefer an invalid "I" alone; decoding must return a valid sequence.
        let n = 3;
        let mut em = vec![0.0; n * TAGS];
        em[TAGS + tag(2, I)] = 5.0;
        let z = vec![0.0; TAGS * TAGS];
        let (mut back, mut out) = (Vec::new(), Vec::new());
        viterbi(&em, n, &z, &z[..TAGS], &z[..TAGS], &mut back, &mut out);
        assert_eq!(out.len(), n);
        assert!(can_start(out[0] as usize) && can_end(out[n - 1] as usize));
        assert!(out
            .windows(2)
            .all(|w| allowed(w[0] as usize, w[1] as usize)));
    }

    #[test]
    fn lanes_decode_as_the_scalar_viterbi() {
        // Pseudo-random scores on a coarse grid, so that ties (first of equals) happen too.
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            ((x >> 40) % 9) as f32 * 0.5 - 2.0
        };
        let (mut back, mut back4, mut a, mut b) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for n in (1..40).chain([1, 2, 3, 200]) {
            let em: Vec<f32> = (0..n * TAGS).map(|_| next()).collect();
            let tr: Vec<f32> = (0..TAGS * TAGS).map(|_| next()).collect();
            let (st, en): (Vec<f32>, Vec<f32>) = (0..TAGS).map(|_| (next(), next())).unzip();
            viterbi(&em, n, &tr, &st, &en, &mut back, &mut a);
            // A closure, not the fn item: on wasm32 `from_array` has `#[target_feature]`, and such
            // a function does not coerce to `FnMut`.
            #[allow(clippy::redundant_closure)]
            let row = |i: usize| by_pos(|t| em[i * TAGS + t], 0.0).map(|x| F4::from_array(x));
            let tr4 = lanes_of_trans(&tr);
            viterbi_lanes(n, row, &tr4, (&st, &en), &mut back4, &mut b);
            assert_eq!(a, b, "n = {n}");
        }
    }

    #[test]
    fn spans_from_tags() {
        let tags = [0, tag(0, B), tag(0, L), tag(2, U), 0].map(|t| t as u8);
        let mut out = Vec::new();
        spans_of(&tags, 10, &mut out);
        assert_eq!(out, vec![(11..13, 0), (13..14, 2)]);
    }

    #[test]
    fn encode_decode_round_trip() {
        let bits = 4;
        let mut w = vec![0.0f32; (1 << bits) * TAGS];
        w[3 * TAGS + 2] = 1.0;
        w[9 * TAGS + 12] = -0.5;
        w[9 * TAGS + 1] = 0.001;
        let z = vec![0.25f32; TAGS * TAGS];
        let bytes = encode(bits, &w, &z, &z[..TAGS], &z[..TAGS], 0.01);
        let m = Model::from_bytes(&bytes).expect("parses");
        let lane = |bucket: usize, t: usize| {
            let Some(row) = m.row(bucket) else {
                return 0;
            };
            let words = lanes::row_lanes(&m.weights[row]);
            let p = POS[t];
            ((words[p / 4] >> (16 * (p % 4))) & 0xffff) as i64 - BIAS as i64
        };
        assert_eq!(lane(3, 2), 127);
        assert_eq!(lane(9, 12), -64);
        assert_eq!(lane(9, 1), 0, "pruned");
        assert_eq!(lane(0, 0), 0);
        // Truncated or corrupted files are refused, never a panic.
        for cut in 0..bytes.len() {
            let _ = Model::from_bytes(&bytes[..cut]);
        }
        let mut bad = bytes.clone();
        if let Some(b) = bad.get_mut(30) {
            *b = 0xff;
        }
        let _ = Model::from_bytes(&bad);
    }

    #[test]
    fn features_are_bounded_and_deterministic() {
        let doc = Doc::new("Maria Lopez flew to New York on Monday.");
        let mut s = Scratch::default();
        let r = doc.sentences[0].clone();
        features(&doc, r.clone(), 10, &mut s);
        assert_eq!(s.starts.len(), r.len() + 1);
        assert!(s.feats.iter().all(|&f| f < 1024));
        let first = s.feats.clone();
        features(&doc, r, 10, &mut s);
        assert_eq!(first, s.feats);
    }

    /// The emissions summed with the per-word sums (round 15) are the sums of the rows of
    /// the features that training sees, token by token.
    #[test]
    fn summed_emissions_are_the_rows_of_the_features() {
        let m = model();
        let doc = Doc::new(
            "Maria Lopez, a spokeswoman for the United Nations, said in New York that \
             al - Qaeda was behind it. \"NATO\" said so. THE UN SAYS BREYER SPOKE IN PARIS. \
             Maria Lopez said it again, in Paris.",
        );
        let mut memo = WordMemo::new(doc.tokens.len(), m.memo_base());
        rows_are_the_rows_of_the_features(m, &doc, &mut memo);
    }

    /// Each sentence of `doc` through [`features_memo`] with `memo`: every token's summed
    /// emission is the sum of the rows of the features [`features`] lists for it.
    fn rows_are_the_rows_of_the_features(m: &Model, doc: &Doc, memo: &mut WordMemo) {
        let (mut ids, mut rows) = (Scratch::default(), Scratch::default());
        for sent in &doc.sentences {
            features(doc, sent.clone(), m.bits, &mut ids);
            features_memo::<true>(doc, sent.clone(), m.bits, &mut rows, memo, Some(m), &mut []);
            assert_eq!(rows.rows.len(), sent.len());
            for (i, got) in rows.rows.iter().enumerate() {
                let mut want = Sum::new();
                for &f in &ids.feats[ids.starts[i]..ids.starts[i + 1]] {
                    want.add_row(m, m.row_of(f));
                }
                let lanes = |x: &Sum| x.acc.scores(0, 1.0).map(|v| v.to_array());
                assert_eq!(want.rows, got.rows, "token {i} of {sent:?}");
                assert_eq!(lanes(&want), lanes(got), "token {i} of {sent:?}");
            }
        }
    }

    /// The rows cached by word (round 25) are the rows of the features: in text with many
    /// short shapes, each word before and after many shapes, with the memo kept from
    /// sentence to sentence.
    #[test]
    fn cached_rows_are_the_rows_of_the_features() {
        let m = model();
        let doc = Doc::new(
            "On 5th May the F-16 and iPhone sold 3.5 or 1,200 O'Brien U.S. X-Men al-Qaeda \
             ex-wife McDonald's 42nd B2B e-mail 9/11 $5 20% #tag @user ... it. Paris, F-16 \
             iPhone O'Brien U.S. said: the 5th and the iPhone, the F-16 and the e-mail; the \
             McDonald's the 42nd the X-Men the al-Qaeda the 9/11 the $5 the ex-wife the B2B. \
             Paris said U.S. said F-16 said 3.5 said 1,200 said iPhone said O'Brien said it.",
        );
        let mut memo = WordMemo::new(doc.tokens.len(), m.memo_base());
        for _ in 0..2 {
            rows_are_the_rows_of_the_features(m, &doc, &mut memo);
        }
        assert!(memo.ctx.iter().filter(|&&r| r != UNKNOWN).count() > 20);
        assert_eq!(
            (shapes("word").1, shapes("Word").1),
            (SHORT_LOWER, SHORT_CAP)
        );
    }

    #[test]
    fn capitals_only_words() {
        assert_eq!(caps_letters("BREYER"), 6);
        assert_eq!(caps_letters("U.S."), 2);
        assert_eq!(caps_letters("Breyer"), 0);
        assert_eq!(caps_letters("B2B"), 0);
        assert_eq!(caps_letters(""), 0);
    }

    #[test]
    fn spaced_hyphen_names_match_the_gazetteer() {
        // The same name written "al-Qaeda" and "al - Qaeda" gets the same gazetteer marks.
        let mut s = Scratch::default();
        let doc = Doc::new("They blamed al - Qaeda for it.");
        features(&doc, doc.sentences[0].clone(), 10, &mut s);
        let marks: Vec<u8> = s.info[PAD..s.info.len() - PAD]
            .iter()
            .map(|x| x.gaz)
            .collect();
        assert_eq!(
            marks,
            [
                0,
                0,
                1 + 4 + B as u8,
                1 + 4 + I as u8,
                1 + 4 + L as u8,
                0,
                0,
                0
            ]
        );
    }

    #[test]
    fn shipped_model_finds_names() {
        let doc = Doc::new(
            "Maria Lopez, a spokeswoman for the United Nations, spoke in Paris on Monday.",
        );
        let spans: Vec<(String, EntityKind)> = model()
            .spans(&doc)
            .into_iter()
            .map(|(r, k)| (doc.text[doc.range(r.start, r.end - 1)].to_string(), k))
            .collect();
        assert!(
            spans.contains(&("Maria Lopez".into(), EntityKind::Person)),
            "{spans:?}"
        );
        assert!(
            spans.contains(&("United Nations".into(), EntityKind::Organization)),
            "{spans:?}"
        );
        assert!(
            spans.contains(&("Paris".into(), EntityKind::Place)),
            "{spans:?}"
        );
    }

    #[test]
    fn a_sentence_longer_than_one_piece_is_tagged_throughout() {
        // No full stop: one sentence of 2,400 tokens, decoded in three pieces.
        let text = "Maria Lopez spoke in Paris and ".repeat(400);
        let doc = Doc::new(&text);
        assert_eq!(doc.sentences.len(), 1);
        assert!(doc.tokens.len() > 2 * MAX_DECODE_TOKENS);
        let spans = model().spans(&doc);
        let people = spans
            .iter()
            .filter(|(r, k)| {
                *k == EntityKind::Person
                    && &doc.text[doc.range(r.start, r.end - 1)] == "Maria Lopez"
            })
            .count();
        // Every copy but perhaps one cut by a piece's edge.
        assert!(people >= 400 - 2, "{people}");
        assert!(spans.iter().all(|(r, _)| r.end <= doc.tokens.len()));
    }

    /// Every word inserted is found again with its id, words that share their first 8
    /// bytes or their length stay apart, and a table fuller than it was made for still
    /// gives each new word an id.
    /// A memo kept from other documents, or emptied on the way because it is small, gives
    /// every token the emission a fresh memo gives it.
    #[test]
    fn memo_kept_or_emptied_gives_the_same_emissions() {
        let m = model();
        let texts = [
            "Maria Lopez, a spokeswoman for the United Nations, said in New York that \
             al - Qaeda was behind it. THE UN SAYS BREYER SPOKE IN PARIS.",
            "The United Nations said on Tuesday that Maria Lopez left New York for Paris.",
        ];
        let docs = texts.map(Doc::new);
        let (mut kept, mut small) = (WordMemo::new(1 << 10, m.memo_base()), None);
        for doc in docs.iter().chain(docs.iter().rev()) {
            let mut fresh = WordMemo::new(doc.tokens.len(), m.memo_base());
            let small = small.get_or_insert_with(|| WordMemo::new(20, m.memo_base()));
            for sent in &doc.sentences {
                let mut rows = [(); 3].map(|_| Scratch::default());
                for (memo, s) in [&mut fresh, &mut kept, small].into_iter().zip(&mut rows) {
                    features_memo::<true>(doc, sent.clone(), m.bits, s, memo, Some(m), &mut []);
                }
                let lanes = |s: &Scratch| {
                    s.rows
                        .iter()
                        .map(|x| (x.rows, x.acc.scores(0, 1.0).map(|v| v.to_array())))
                        .collect::<Vec<_>>()
                };
                assert_eq!(lanes(&rows[0]), lanes(&rows[1]), "{sent:?}");
                assert_eq!(lanes(&rows[0]), lanes(&rows[2]), "{sent:?}");
            }
        }
        // The small memo forgot words on the way.
        let small = small.map_or(0, |x| x.words.len());
        assert!(kept.words.len() > 20 && small < kept.words.len());
        let again: Vec<_> = docs.iter().map(|d| m.spans(d)).collect();
        assert_eq!(again, docs.iter().map(|d| m.spans(d)).collect::<Vec<_>>());
        // The entries handed on are the lists' own, for every token that has one.
        for doc in &docs {
            let mut entries = vec![0; doc.tokens.len()];
            m.spans_and_entries(doc, &mut entries);
            for (t, &e) in entries.iter().enumerate() {
                let w = doc.tok(t);
                let word = doc.tokens[t].kind == TokKind::Word;
                if word && w.is_ascii() && !w.ends_with('.') {
                    assert_eq!(e, lexicon::Entry::of(w).to_bits() + 1, "{w:?}");
                } else {
                    assert_eq!(e, 0, "{w:?}");
                }
            }
        }
    }

    #[test]
    fn word_ids_find_each_word() {
        let mut words: Vec<String> = (0..3000).map(|k| format!("w{k}")).collect();
        words.extend(
            [
                "international",
                "internationale",
                "internat",
                "Internat",
                "é",
                "",
            ]
            .map(String::from),
        );
        let mut ids = WordIds::new(words.len());
        let mut got = Vec::new();
        for w in &words {
            let at = ids.find(w).expect_err("a new word");
            got.push(ids.insert(w, at));
        }
        for (w, &id) in words.iter().zip(&got) {
            assert!(id >= 2, "{w:?}");
            assert_eq!(ids.find(w), Ok(id), "{w:?}");
        }
        assert!(ids.find("w3000").is_err());
        assert!(ids.find("internation").is_err());
        let mut full = WordIds::new(2);
        for (k, w) in words.iter().enumerate() {
            let at = full.find(w).expect_err("a new word");
            assert_eq!(full.insert(w, at), k as u32 + 2);
        }
    }

    /// The byte paths for ASCII words hash as the char paths do.
    #[test]
    fn ascii_shapes_and_hashes_match_the_char_paths() {
        fn shapes_by_chars(w: &str) -> (u64, u64) {
            let (mut long, mut short, mut prev, mut run) = (7u64, 11u64, 0u8, 0);
            for c in w.chars() {
                let s = shape_char(c);
                run = if s == prev { run + 1 } else { 1 };
                if run == 1 {
                    short = mix(short, s as u64);
                }
                if run <= 4 {
                    long = mix(long, s as u64);
                }
                prev = s;
            }
            (long, short)
        }
        fn hash_by_chars(w: &str) -> u64 {
            let h = w
                .chars()
                .flat_map(char::to_lowercase)
                .fold(3, |h, c| mix(h, c as u64));
            mix(h, 0xff)
        }
        let mut words: Vec<String> = (0u8..128).map(|b| format!("{}", b as char)).collect();
        words.extend(
            [
                "Washington",
                "U.S.",
                "NATO's",
                "al-Qaeda",
                "Mr.",
                "3rd",
                "AT&T",
                "x,y",
            ]
            .map(String::from),
        );
        words.push((0u8..128).map(|b| b as char).collect());
        fn caps_by_chars(w: &str) -> usize {
            let mut n = 0;
            for c in w.chars() {
                if c.is_uppercase() {
                    n += 1;
                } else if c.is_lowercase() || !matches!(c, '.' | '-' | '\'' | '’' | '&') {
                    return 0;
                }
            }
            n
        }
        words.extend(["NATO", "U.S.-LED", "AT&T", "O'NEIL"].map(String::from));
        for w in &words {
            assert_eq!(shapes(w), shapes_by_chars(w), "{w:?}");
            assert_eq!(hash_lower(w, 3), hash_by_chars(w), "{w:?}");
            assert_eq!(caps_letters(w), caps_by_chars(w), "{w:?}");
        }
    }
}
