//! The analysis packed for the page: an array of `u32` words that `www/wire.js` turns into the
//! very objects `JSON.parse` makes of the JSON (same keys in the same order, same values).
//!
//! Why not JSON: on the page's path, writing the JSON (serde_json) and parsing it again in the
//! worker were about a quarter of all the work (docs/performance.md, rounds 28 and 30).
//! `JSON.parse` reads every digit and quote mark and builds each object key by key; the
//! decoder reads numbers as they are and builds each object from a literal of a fixed shape.
//! And every `text` of a `{start, end, text}` is the input's own slice (the schema's
//! invariant), so it does not travel at all: the decoder slices the text it already holds.
//!
//! The format, in words (little-endian, as wasm and every JavaScript engine in use are):
//! - word 0 is [`FORMAT`]; word 1 is where the string bytes start (in words), word 2 their
//!   length in bytes; the values follow from word 3, in the order of the fields in
//!   [`crate::schema`];
//! - a number (`u32`) and a bool (0 or 1) are one word; a list is its length, then its items;
//! - a string is its offset and length in UTF-16 units into the string bytes decoded as one
//!   string; an absent string is the one word [`NONE`];
//! - a span is its start and end; an absent span is the one word [`NONE`]; a `text` is never
//!   written;
//! - a float is a word 0 for `null` (also for a non-finite value, which JSON cannot hold: serde
//!   writes `null` there) or 1 and then its 64 bits, low word first;
//! - an optional object is a word 0 or 1, then the object.
//!
//! `www/wire.js` reads the same order; the wasm tests compare what it builds with the JSON on
//! every test input in headless Chromium, and `tests/e2e/wire.test.mjs` on articles.

use crate::schema::{Analysis, Span, TextSpan};

/// An absent string or span. No offset or start can be this: inputs are at most
/// [`crate::MAX_INPUT_BYTES`].
pub const NONE: u32 = u32::MAX;

/// The format's version, which `www/wire.js` checks first. Bump it with any change to the
/// format: a browser may hold a cached decoder from before a deploy, and a layout it does not
/// know would otherwise be misread, not refused.
pub const FORMAT: u32 = 1;

/// The analysis in the format above.
pub fn encode(a: &Analysis) -> Vec<u32> {
    let mut w = Writer {
        // On 300 news articles the result took 0.37 words per UTF-16 unit of text on average,
        // 0.49 at most; growing past this is cheap anyway.
        words: Vec::with_capacity(3 + a.text_length as usize / 2),
        bytes: Vec::new(),
        units: 0,
    };
    w.words.extend([FORMAT, 0, 0]);
    w.u(a.schema_version);
    w.u(a.text_length);
    match &a.reference_date {
        None => w.u(0),
        Some(r) => {
            w.u(1);
            w.s(&r.value);
            w.s(r.source.as_str());
            w.text_span(r.evidence.as_ref());
        }
    }
    w.len(a.entities.len());
    for e in &a.entities {
        w.s(&e.id);
        w.s(e.kind.as_str());
        w.s(&e.name);
        w.len(e.aliases.len());
        for alias in &e.aliases {
            w.s(alias);
        }
        w.len(e.mentions.len());
        for m in &e.mentions {
            w.span(m.start, m.end);
        }
        w.f(Some(e.salience));
    }
    w.len(a.figures.len());
    for f in &a.figures {
        w.s(&f.id);
        w.span(f.start, f.end);
        w.span(f.numeral.start, f.numeral.end);
        w.s(f.kind.as_str());
        w.f(f.value);
        w.f(f.low);
        w.f(f.high);
        w.os(f.unit.as_deref());
        w.os(f.hedge.as_deref());
        w.os(f.hedge_kind.map(|k| k.as_str()));
        w.os(f.counts.as_deref());
        w.os(f.delta.as_deref());
    }
    w.len(a.changes.len());
    for c in &a.changes {
        w.span(c.cue.start, c.cue.end);
        w.s(&c.from);
        w.s(&c.to);
        w.s(&c.direction);
        w.f(c.difference);
        w.f(c.ratio);
        w.os(c.by.as_deref());
        w.f(c.percent_change);
    }
    w.len(a.dates.len());
    for d in &a.dates {
        w.span(d.start, d.end);
        w.s(d.kind.as_str());
        w.s(&d.value);
        w.os(d.until.as_deref());
        w.os(d.exact.as_deref());
        w.b(d.relative);
        w.b(d.ambiguous);
        w.os(d.modifier.as_deref());
        for parts in [&d.known, &d.implied] {
            w.len(parts.len());
            for p in parts {
                w.s(p);
            }
        }
    }
    w.len(a.quotes.len());
    for q in &a.quotes {
        w.s(&q.id);
        w.span(q.start, q.end);
        w.text_span(q.speaker.as_ref());
        w.os(q.speaker_entity.as_deref());
        w.text_span(q.cue.as_ref());
        w.text_span(q.medium.as_ref());
        w.os(q.continues.as_deref());
        w.b(q.partial);
    }
    w.len(a.reported.len());
    for r in &a.reported {
        w.span(r.start, r.end);
        w.span(r.source.start, r.source.end);
        w.os(r.source_entity.as_deref());
        w.span(r.cue.start, r.cue.end);
        w.text_span(r.medium.as_ref());
    }
    w.len(a.structure.blocks.len());
    for b in &a.structure.blocks {
        w.s(b.kind.as_str());
        w.span(b.start, b.end);
    }
    w.len(a.structure.credits.len());
    for c in &a.structure.credits {
        w.span(c.start, c.end);
        w.text_span(c.photographer.as_ref());
        w.len(c.agencies.len());
        for s in &c.agencies {
            w.span(s.start, s.end);
        }
    }
    w.len(a.sentences.len());
    for &Span { start, end } in &a.sentences {
        w.span(start, end);
    }
    w.finish()
}

struct Writer {
    words: Vec<u32>,
    /// The strings' UTF-8 bytes, one after the other.
    bytes: Vec<u8>,
    /// Their length so far in UTF-16 units: where the next one starts in the decoded string.
    units: u32,
}

impl Writer {
    fn u(&mut self, x: u32) {
        self.words.push(x);
    }

    fn b(&mut self, x: bool) {
        self.words.push(u32::from(x));
    }

    fn len(&mut self, n: usize) {
        // A list of 4 billion items would not fit in wasm's memory as objects.
        self.words.push(u32::try_from(n).unwrap_or(u32::MAX));
    }

    fn span(&mut self, start: u32, end: u32) {
        self.words.extend([start, end]);
    }

    fn text_span(&mut self, s: Option<&TextSpan>) {
        match s {
            None => self.u(NONE),
            Some(s) => self.span(s.start, s.end),
        }
    }

    fn f(&mut self, x: Option<f64>) {
        match x.filter(|x| x.is_finite()) {
            None => self.u(0),
            Some(x) => {
                let bits = x.to_bits();
                self.words.extend([1, bits as u32, (bits >> 32) as u32]);
            }
        }
    }

    fn s(&mut self, s: &str) {
        let units = if s.is_ascii() {
            s.len()
        } else {
            s.encode_utf16().count()
        };
        let units = u32::try_from(units).unwrap_or(u32::MAX);
        self.words.extend([self.units, units]);
        self.units = self.units.saturating_add(units);
        self.bytes.extend_from_slice(s.as_bytes());
    }

    fn os(&mut self, s: Option<&str>) {
        match s {
            None => self.u(NONE),
            Some(s) => self.s(s),
        }
    }

    /// Appends the string bytes, four to a word, and says in the header where they are.
    fn finish(mut self) -> Vec<u32> {
        let at = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        let n = u32::try_from(self.bytes.len()).unwrap_or(u32::MAX);
        self.words[1] = at;
        self.words[2] = n;
        let chunks = self.bytes.chunks_exact(4);
        let rest = chunks.remainder();
        self.words
            .extend(chunks.map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])));
        if !rest.is_empty() {
            let mut last = [0u8; 4];
            last[..rest.len()].copy_from_slice(rest);
            self.words.push(u32::from_le_bytes(last));
        }
        self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, CalendarDate, Options};

    /// A small reader of the format, as `www/wire.js` reads it, for the header and strings.
    fn strings(words: &[u32]) -> String {
        assert_eq!(words[0], FORMAT);
        let (at, n) = (words[1] as usize, words[2] as usize);
        let bytes: Vec<u8> = words[at..].iter().flat_map(|w| w.to_le_bytes()).collect();
        String::from_utf8(bytes[..n].to_vec()).expect("the strings are UTF-8")
    }

    #[test]
    fn header_points_at_the_strings() {
        let text = "Café owner José Núñez 😀 said on Sunday that 40% of 1,200 people left Paris.";
        let a = analyze(
            text,
            &Options {
                reference_date: CalendarDate::parse("2021-08-27"),
            },
        )
        .expect("small input");
        let words = encode(&a);
        let s = strings(&words);
        // Every entity's name is in the strings, and the strings are exactly those written.
        for e in &a.entities {
            assert!(s.contains(&e.name), "{} missing from {s:?}", e.name);
        }
        // The first string written is the reference date's value.
        assert!(s.starts_with("2021-08-27given"), "{s:?}");
        assert_eq!(words[3], a.schema_version);
        assert_eq!(words[4], a.text_length);
    }

    #[test]
    fn empty_analysis_encodes() {
        let words = encode(&Analysis::default());
        // Header, two numbers, no reference date, nine empty lists, no strings.
        assert_eq!(words.len(), 3 + 2 + 1 + 9);
        assert_eq!(words[1] as usize, words.len());
        assert_eq!(words[2], 0);
    }

    #[test]
    fn non_finite_floats_are_null_as_in_json() {
        let mut w = Writer {
            words: Vec::new(),
            bytes: Vec::new(),
            units: 0,
        };
        w.f(Some(f64::NAN));
        w.f(Some(f64::INFINITY));
        w.f(None);
        w.f(Some(-0.5));
        assert_eq!(w.words[..3], [0, 0, 0]);
        let bits = (-0.5f64).to_bits();
        assert_eq!(w.words[3..], [1, bits as u32, (bits >> 32) as u32]);
    }

    #[test]
    fn string_offsets_count_utf16_units() {
        let mut w = Writer {
            words: Vec::new(),
            bytes: Vec::new(),
            units: 0,
        };
        w.s("a😀");
        w.s("é");
        w.os(None);
        assert_eq!(w.words, [0, 3, 3, 1, NONE]);
    }
}
