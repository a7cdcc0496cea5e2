//! Text, tokens, sentences, lines, and the one place where byte offsets become UTF-16 spans.
//!
//! Every extractor works on a [`Doc`]: the input text split once into [`Token`]s (byte
//! ranges), sentences and lines. Tokenizing never fails and never panics: every byte of the
//! input belongs to at most one token, token boundaries are always char boundaries, and text
//! the tokenizer does not understand (control characters, lone marks, emoji) becomes
//! single-character [`TokKind::Symbol`] tokens or is skipped as space.
//!
//! Design notes:
//! - Words keep internal hyphens (`ISIS-K`, `C-17`, `forty-eight`, `10-15`) because whether a
//!   hyphen joins or separates is a question for the extractor, not the tokenizer. Possessive
//!   and contraction endings (`’s`, `n't`) are split off so that `Taliban’s` yields the name.
//! - Digits keep internal separators (`30,000`, `2.5`, `1.234,5`) and slashes (`9/11`).
//! - A line break always ends a sentence: pasted articles put headlines, captions and
//!   subheadings on their own lines, usually without final punctuation.

use crate::schema::{Span, TextSpan};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (maybe with digits, hyphens, inner apostrophes or abbreviation dots).
    Word,
    /// Starts with a digit: `30,000`, `2.5`, `816th`, `9/11`, `10-15`, `2020`.
    Number,
    /// One punctuation character: `.`, `,`, `“`, `(`, `$`, `%`, ...
    Punct,
    /// Anything else printable, one character: emoji, other symbols.
    Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Index of the sentence this token belongs to.
    pub sentence: u32,
    /// Index of the line this token belongs to.
    pub line: u32,
    /// True when whitespace (or the start of text) comes right before the token.
    pub space_before: bool,
}

impl Token {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Maps UTF-8 byte offsets to UTF-16 offsets in O(stride) time and O(n / stride) memory.
///
/// A full table would cost four bytes per input byte (40 MB for a 10 MB paste); checkpoints
/// every [`Utf16Index::STRIDE`] (32) bytes cost a quarter of the input's size. Every span
/// of the result is converted, twice: a stride of 128 scanned four times as many bytes per
/// conversion, 1.1% of all instructions on VOA news (callgrind, `examples/stages`).
#[derive(Debug, Clone)]
pub struct Utf16Index {
    /// `checkpoints[i]` is the UTF-16 offset of the char boundary at or after byte `i*STRIDE`,
    /// with that boundary's byte offset.
    checkpoints: Vec<(u32, u32)>,
}

impl Utf16Index {
    const STRIDE: usize = 32;

    /// Counted on bytes, a block of [`Self::STRIDE`] at a time: a char's UTF-16 length
    /// follows from its lead byte, so no char is decoded (decoding was 17 instructions a
    /// byte, a call per char in the size-optimized wasm).
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / Self::STRIDE + 2);
        let mut u16s = 0u32;
        for (i, block) in bytes.chunks(Self::STRIDE).enumerate() {
            // The first char boundary at or after the block's start: past at most three
            // continuation bytes, or the end of the text.
            let lead = block
                .iter()
                .take_while(|&&x| is_utf8_continuation(x))
                .count();
            checkpoints.push(((i * Self::STRIDE + lead) as u32, u16s));
            u16s += if block.is_ascii() {
                block.len() as u32
            } else {
                block
                    .iter()
                    .map(|&x| u32::from(!is_utf8_continuation(x)) + u32::from(x >= 0xF0))
                    .sum::<u32>()
            };
        }
        if bytes.len() % Self::STRIDE == 0 {
            checkpoints.push((bytes.len() as u32, u16s));
        }
        Utf16Index { checkpoints }
    }

    /// UTF-16 offset of byte offset `byte`, which is clamped to the text and moved down to a
    /// char boundary if needed, so that no span ever splits a character.
    pub fn utf16(&self, text: &str, byte: usize) -> u32 {
        let byte = floor_char_boundary(text, byte.min(text.len()));
        let slot = (byte / Self::STRIDE).min(self.checkpoints.len().saturating_sub(1));
        let (mut b, mut u) = self.checkpoints.get(slot).copied().unwrap_or((0, 0));
        // The checkpoint may sit after `byte` when a long char straddles the stride mark.
        if b as usize > byte {
            let (pb, pu) = if slot > 0 {
                self.checkpoints[slot - 1]
            } else {
                (0, 0)
            };
            b = pb;
            u = pu;
        } else if let Some(&(nb, nu)) = self.checkpoints.get(slot + 1) {
            // Only ASCII takes as many UTF-16 units as bytes (longer chars take fewer): then
            // the offset is a subtraction, not a count over the bytes before it.
            if nb - b == nu - u {
                return u + (byte as u32 - b);
            }
        }
        for &x in text.as_bytes().get(b as usize..byte).unwrap_or_default() {
            if !is_utf8_continuation(x) {
                u += utf16_units(x);
            }
        }
        u
    }
}

/// Counting UTF-16 units byte by byte, without decoding chars: every char starts with one
/// non-continuation byte, and only the four-byte chars (lead byte 0xF0 and up) take two units.
fn is_utf8_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

fn utf16_units(lead: u8) -> u32 {
    1 + u32::from(lead >= 0xF0)
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A tokenized text. All extractors take `&Doc`.
pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// Token index ranges, one per sentence.
    pub sentences: Vec<Range<usize>>,
    /// Byte ranges of the lines, without the line break; blank lines are included (empty
    /// token ranges) so that `Token::line` indexes this vector.
    pub lines: Vec<Range<usize>>,
    utf16: Utf16Index,
    /// The text of each token, sliced once here: every recognizer asks for token texts many
    /// times, and slicing checks both ends for a char boundary, which the size-optimized wasm
    /// build does in a call each time (docs/performance.md).
    words: Vec<&'a str>,
}

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
    "cmdr", "adm", "maj", "st", "jr", "sr", "rev", "hon", "pres", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
    "thurs", "fri", "sat", "sun", "no", "vs", "etc", "inc", "corp", "co", "ltd", "dept", "univ",
    "ave", "blvd", "mt", "ft", "approx", "est", "fig", "vol",
];

/// A word whose length and first letter no abbreviation has is not compared with the list
/// (most words before a full stop; round 23).
const ABBR_INITIALS: [u32; 17] = crate::numbers::len_initial_table(ABBREVIATIONS);

pub fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    crate::numbers::len_initial_in(&ABBR_INITIALS, w)
        && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’' || c == 'ʼ'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‐' || c == '‑'
}

/// Chars that can be inside a word or number token.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_mark(c)
    }
}

/// Combining marks (accents typed as separate code points) stay with their letter.
fn is_mark(c: char) -> bool {
    c as u32 >= 0x300
        && matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Self {
        let lines = split_lines(text);
        let mut tokens = tokenize(text);
        let mut line = 0usize;
        // Where the next line starts (never, after the last line): one comparison a token.
        let next_start = |line: usize| lines.get(line + 1).map_or(usize::MAX, |r| r.start);
        let mut next = next_start(line);
        for t in tokens.iter_mut() {
            while t.start >= next {
                line += 1;
                next = next_start(line);
            }
            t.line = line as u32;
        }
        let sentences = split_sentences(text, &mut tokens);
        let words = tokens
            .iter()
            .map(|t| text.get(t.start..t.end).unwrap_or(""))
            .collect();
        Doc {
            text,
            tokens,
            sentences,
            lines,
            utf16: Utf16Index::new(text),
            words,
        }
    }

    /// The one conversion from byte offsets to an output [`Span`].
    pub fn span(&self, r: Range<usize>) -> Span {
        let start = self.utf16.utf16(self.text, r.start);
        let end = self.utf16.utf16(self.text, r.end.max(r.start));
        Span { start, end }
    }

    pub fn text_span(&self, r: Range<usize>) -> TextSpan {
        let s = self.span(r.clone());
        let a = floor_char_boundary(self.text, r.start.min(self.text.len()));
        let b = floor_char_boundary(self.text, r.end.min(self.text.len())).max(a);
        TextSpan {
            start: s.start,
            end: s.end,
            text: self.text[a..b].to_string(),
        }
    }

    pub fn utf16_len(&self) -> u32 {
        self.utf16.utf16(self.text, self.text.len())
    }

    /// Text of token `i`, or "" when out of range: extractors look a few tokens ahead and
    /// behind, and one missed bound must not panic ("0^" at the end of a text once did, in
    /// the figures' exponent reading). The check is the one indexing would make anyway.
    #[inline(always)]
    pub fn tok(&self, i: usize) -> &'a str {
        self.tok_or_empty(i)
    }

    /// Text of token `i`, or "" when out of range.
    #[inline(always)]
    pub fn tok_or_empty(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    /// Byte range from the start of token `a` to the end of token `b` (inclusive).
    pub fn range(&self, a: usize, b: usize) -> Range<usize> {
        self.tokens[a].start..self.tokens[b].end
    }

    pub fn is_capitalized(&self, i: usize) -> bool {
        self.tok(i).chars().next().is_some_and(|c| c.is_uppercase())
    }

    /// True when token `i` is the first word-like token of its sentence (after quotes,
    /// brackets and dashes).
    pub fn is_sentence_initial(&self, i: usize) -> bool {
        let s = self.tokens[i].sentence as usize;
        let first = self.sentences[s].start;
        (first..i).all(|j| self.tokens[j].kind == TokKind::Punct)
    }

    /// Token index of the first token starting at or after byte `b`.
    pub fn token_at_or_after(&self, b: usize) -> usize {
        self.tokens.partition_point(|t| t.start < b)
    }
}

fn split_lines(text: &str) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time while none can start a line break (a '\n' or the first byte
        // of U+2028/U+2029): a test per byte was 5 instructions a byte.
        if let Some(&[a, b, c, d, e, f, g, h]) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes([a, b, c, d, e, f, g, h]);
            if !has_byte(x, b'\n') && !has_byte(x, 0xE2) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        if b == b'\n' {
            let mut end = i;
            if end > start && bytes[end - 1] == b'\r' {
                end -= 1;
            }
            lines.push(start..end);
            start = i + 1;
        } else if b == 0xE2
            && bytes.get(i + 1) == Some(&0x80)
            && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9))
        {
            // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR.
            lines.push(start..i);
            start = i + 3;
        }
        i += 1;
    }
    lines.push(start..text.len());
    lines
}

/// Does a byte of `x` equal `b`? (The classic zero-byte test on `x ^ b` in every byte: it
/// has no false negatives, and a false positive only sends the caller to its byte loop.)
fn has_byte(x: u64, b: u8) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    let v = x ^ (LO * u64::from(b));
    v.wrapping_sub(LO) & !v & (LO << 7) != 0
}

/// Tokenizes in chunks that end at whitespace, so that the char buffer stays small (a 10 MB
/// paste would otherwise need 160 MB of `(usize, char)` pairs). No token contains whitespace,
/// so chunking does not change the result.
fn tokenize(text: &str) -> Vec<Token> {
    const CHUNK: usize = 64 * 1024;
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut chars = Vec::new();
    let mut s = 0;
    while s < text.len() {
        let mut e = floor_char_boundary(text, (s + CHUNK).min(text.len()));
        if e < text.len() {
            e = text[e..]
                .char_indices()
                .find(|(_, c)| c.is_whitespace())
                .map_or(text.len(), |(i, _)| e + i);
        }
        if e <= s {
            e = text.len();
        }
        tokenize_pieces(text, s, e, &mut chars, &mut tokens);
        s = e;
    }
    tokens
}

/// Tokenizes the chunk `s..e` piece by piece, a piece being the bytes between two ASCII
/// whitespace bytes. Most pieces of an English article are plain: ASCII letters or digits,
/// maybe after one of `( " $ [` and before some of `, . ; : ! ? ) " % ]`. Those are tokenized
/// here on bytes, as `tokenize_chunk` would tokenize them (none of its joining rules can
/// fire: they need an apostrophe, a hyphen, a non-ASCII char, or a separator or dot before a
/// letter or digit); the chars of any other piece, with the whitespace byte after it (which
/// its look-ahead reads), go to `tokenize_chunk`. Going through chars for every byte was 350
/// wasm instructions a word (round 31).
fn tokenize_pieces(
    text: &str,
    s: usize,
    e: usize,
    chars: &mut Vec<(usize, char)>,
    tokens: &mut Vec<Token>,
) {
    let bytes = text.as_bytes().get(..e).unwrap_or_default();
    let mut i = s;
    let mut space_before = true;
    while let Some(&b) = bytes.get(i) {
        if is_space_byte(b) {
            space_before = true;
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while bytes
            .get(j)
            .is_some_and(|&b| matches!(b, b'(' | b'"' | b'$' | b'['))
        {
            j += 1;
        }
        let word = j;
        while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
            j += 1;
        }
        let word_end = j;
        while bytes.get(j).is_some_and(|&b| {
            matches!(
                b,
                b',' | b'.' | b';' | b':' | b'!' | b'?' | b')' | b'"' | b'%' | b']'
            )
        }) {
            j += 1;
        }
        let plain = word_end > word && !bytes.get(j).is_some_and(|&b| !is_space_byte(b));
        if plain {
            let mut k = start;
            while k < j {
                let (end, kind) = if k != word {
                    (k + 1, TokKind::Punct)
                } else if bytes.get(k).is_some_and(u8::is_ascii_digit) {
                    (word_end, TokKind::Number)
                } else {
                    (word_end, TokKind::Word)
                };
                tokens.push(Token {
                    start: k,
                    end,
                    kind,
                    sentence: 0,
                    line: 0,
                    space_before,
                });
                space_before = false;
                k = end;
            }
            i = j;
            continue;
        }
        // The piece and the whitespace byte after it, if any.
        while bytes.get(j).is_some_and(|&b| !is_space_byte(b)) {
            j += 1;
        }
        let piece_end = (j + 1).min(e);
        chars.clear();
        push_chars(text.get(start..piece_end).unwrap_or(""), start, chars);
        tokenize_chunk(piece_end, chars, tokens);
        // `tokenize_chunk` starts a piece with whitespace before it; no token spans a piece's end.
        space_before = true;
        i = piece_end;
    }
}

/// The ASCII chars that are `char::is_whitespace`.
fn is_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Appends the chars of `text` with their byte offsets plus `offset`. Runs of ASCII bytes
/// (most of an English article) are copied without decoding: decoding char by char was a
/// fifth of the tokenizer's instructions (docs/performance.md, round 13).
fn push_chars(text: &str, offset: usize, chars: &mut Vec<(usize, char)>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = bytes.get(i..).unwrap_or_default();
        let run = rest.iter().position(|&b| b >= 0x80).unwrap_or(rest.len());
        chars.extend(
            rest.get(..run)
                .unwrap_or_default()
                .iter()
                .enumerate()
                .map(|(j, &b)| (offset + i + j, char::from(b))),
        );
        i += run;
        // The first byte of a char: runs end only there.
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        chars.push((offset + i, c));
        i += c.len_utf8();
    }
}

/// `chars` are the chars from a chunk start (the start of the text or a whitespace char) to
/// byte offset `end`, with their byte offsets in the text.
fn tokenize_chunk(end: usize, chars: &[(usize, char)], tokens: &mut Vec<Token>) {
    let n = chars.len();
    let byte_at = |k: usize| if k < n { chars[k].0 } else { end };
    let ch = |k: usize| if k < n { chars[k].1 } else { '\0' };
    let mut k = 0;
    let mut space_before = true;
    while k < n {
        let c = chars[k].1;
        if c.is_whitespace()
            || (c.is_control() && !is_mark(c))
            || c == '\u{200B}'
            || c == '\u{FEFF}'
        {
            space_before = true;
            k += 1;
            continue;
        }
        let start = k;
        let kind;
        if (c == 'n' || c == 'N')
            && is_apostrophe(ch(k + 1))
            && (ch(k + 2) == 't' || ch(k + 2) == 'T')
            && !is_word_char(ch(k + 3))
            && k > 0
            && is_word_char(ch(k - 1))
        {
            // The "n't" split off "don't" below.
            kind = TokKind::Word;
            k += 3;
        } else if if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            is_word_char(c) && !is_mark(c)
        } {
            kind = if c.is_ascii_digit() || c.is_numeric() {
                TokKind::Number
            } else {
                TokKind::Word
            };
            k += 1;
            loop {
                // Letters and digits first, in a loop of their own: most of a word.
                while chars
                    .get(k)
                    .is_some_and(|&(_, c)| c.is_ascii_alphanumeric())
                {
                    k += 1;
                }
                let c = ch(k);
                // Most words end at a space, which none of the rules below goes on past.
                if c == ' ' {
                    break;
                }
                // An ASCII word char would have been taken by the loop above.
                if k < n && !c.is_ascii() && is_word_char(c) {
                    k += 1;
                    continue;
                }
                let next = ch(k + 1);
                let prev = ch(k - 1);
                // Inner hyphen: ISIS-K, C-17, forty-eight, 10-15.
                if k + 1 < n && is_hyphen(c) && is_word_char(next) && !is_mark(next) {
                    k += 2;
                    continue;
                }
                // Digit separators and slashes: 30,000 2.5 9/11 1.234,5 (digit on both sides).
                if k + 1 < n
                    && matches!(c, ',' | '.' | '/' | ':')
                    && prev.is_ascii_digit()
                    && next.is_ascii_digit()
                {
                    k += 2;
                    continue;
                }
                // Abbreviations with inner dots: U.S., U.N. (single letters between dots).
                if c == '.'
                    && k + 1 < n
                    && next.is_alphabetic()
                    && (k + 2 >= n || ch(k + 2) == '.')
                    && k > start
                    && (k - start == 1 || ch(k - 2) == '.')
                {
                    k += 2;
                    continue;
                }
                // Inner apostrophe that is not a possessive/contraction ending: O’Brien, rock'n'roll.
                if is_apostrophe(c) && k + 1 < n && next.is_alphabetic() && prev.is_alphabetic() {
                    // The letters after the apostrophe, up to three, lowercase.
                    let mut ending = [0u8; 3];
                    let mut len = 0;
                    for &(_, c) in chars.get(k + 1..n.min(k + 4)).unwrap_or_default() {
                        if !c.is_alphabetic() {
                            break;
                        }
                        // A non-ASCII letter lowercases to no suffix ("s", "t", "re", ...).
                        ending[len] = if c.is_ascii() {
                            c.to_ascii_lowercase() as u8
                        } else {
                            0
                        };
                        len += 1;
                    }
                    let is_suffix = matches!(
                        &ending[..len],
                        b"s" | b"t" | b"re" | b"ve" | b"ll" | b"d" | b"m"
                    );
                    let nt = (prev == 'n' || prev == 'N') && (next == 't' || next == 'T');
                    if !is_suffix && !nt {
                        k += 2;
                        continue;
                    }
                }
                break;
            }
            // Keep the final dot of an abbreviation like U.S. with the word.
            if k < n && ch(k) == '.' && k >= start + 2 && ch(k - 2) == '.' {
                k += 1;
            }
            // Split "n't" so that "don't" -> "do" + "n't".
            if k < n
                && is_apostrophe(ch(k))
                && (ch(k + 1) == 't' || ch(k + 1) == 'T')
                && (ch(k - 1) == 'n' || ch(k - 1) == 'N')
                && k - start > 1
            {
                k -= 1;
            }
        } else if is_apostrophe(c) && k > 0 && is_word_char(ch(k - 1)) && ch(k + 1).is_alphabetic()
        {
            // Possessive or contraction ending: ’s, 're, 've, 'll, 'd, 'm, n't handled above.
            kind = TokKind::Word;
            k += 1;
            while k < n && ch(k).is_alphabetic() {
                k += 1;
            }
        } else if is_mark(c) {
            // A combining mark with no base letter: attach it to whatever follows or stands alone.
            kind = TokKind::Symbol;
            k += 1;
            while k < n && is_mark(ch(k)) {
                k += 1;
            }
        } else {
            kind = if c.is_ascii_punctuation() || is_unicode_punct(c) {
                TokKind::Punct
            } else {
                TokKind::Symbol
            };
            k += 1;
            // Typewriter quotes: two apostrophes or two backticks are one double quote mark
            // (''like this'' in newspaper archives, ``like this'' in older plain text).
            if (c == '\'' || c == '`') && ch(k) == c {
                k += 1;
            }
            // Keep a symbol's variation selectors / joiners and skin tones with it.
            while k < n
                && (is_mark(ch(k))
                    || matches!(ch(k) as u32, 0xFE00..=0xFE0F | 0x200D | 0x1F3FB..=0x1F3FF))
            {
                k += 1;
                // A joiner takes the char it joins, never a space: chunks end at whitespace,
                // so a token that took one would also depend on where a chunk ended.
                if ch(k - 1) == '\u{200D}' && k < n && !ch(k).is_whitespace() {
                    k += 1;
                }
            }
        }
        tokens.push(Token {
            start: byte_at(start),
            end: byte_at(k),
            kind,
            sentence: 0,
            line: 0,
            space_before,
        });
        space_before = false;
    }
}

pub fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '„'
            | '‚'
            | '‹'
            | '›'
            | '–'
            | '—'
            | '‐'
            | '‑'
            | '…'
            | '·'
            | '•'
            | '€'
            | '£'
            | '¥'
            | '¢'
            | '₹'
            | '₩'
            | '₽'
            | '¿'
            | '¡'
            | '§'
            | '°'
            | '′'
            | '″'
            | '「'
            | '」'
            | '『'
            | '』'
            | '、'
            | '。'
            | '，'
            | '：'
            | '；'
            | '？'
            | '！'
    )
}

/// Quote marks of every typographic tradition.
/// The quote mark a punctuation token is, if any: the mark itself, or a straight double mark
/// for two apostrophes (`''`, which both opens and closes in newspaper archives) and an
/// opening one for two backticks.
pub fn quote_mark(token: &str) -> Option<char> {
    match token {
        "''" => Some('"'),
        "``" => Some('“'),
        _ => token.chars().next().filter(|c| is_quote_mark(*c)),
    }
}

pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '‟' | '「' | '」' | '『' | '』'
    )
}

/// A capital letter alone, or ending a hyphenated run of them ("R-S" in "(R-S.C.)", a US
/// lawmaker's party and state): an initial, after which a period does not end a sentence.
fn initial_letter(word: &str) -> bool {
    let last = word.rsplit(is_hyphen).next().unwrap_or("");
    let mut chars = last.chars();
    chars.next().is_some_and(|c| c.is_uppercase())
        && chars.next().is_none()
        && word.split(is_hyphen).all(|p| p.chars().count() == 1)
}

fn split_sentences(text: &str, tokens: &mut [Token]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0usize;
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        let mut end_here = false;
        // A new line starts a new sentence, unless it starts in lower case: then the text is
        // hard-wrapped and the sentence goes on.
        if i + 1 < n
            && tokens[i + 1].line != tokens[i].line
            && !text[tokens[i + 1].start..].starts_with(|c: char| c.is_lowercase())
        {
            end_here = true;
        } else if tokens[i].kind == TokKind::Punct {
            let c = text[tokens[i].start..].chars().next().unwrap_or(' ');
            if matches!(c, '.' | '!' | '?' | '…' | '。' | '？' | '！') {
                // Swallow following terminators and closing quotes/brackets: ." ?” .)
                let mut j = i + 1;
                while j < n
                    && tokens[j].kind == TokKind::Punct
                    && !tokens[j].space_before
                    && tokens[j].line == tokens[i].line
                    && text[tokens[j].start..].chars().next().is_some_and(|c| {
                        matches!(
                            c,
                            '.' | '!' | '?' | '”' | '"' | '’' | '\'' | ')' | ']' | '»'
                        )
                    })
                {
                    j += 1;
                }
                let last = j - 1;
                let next = if j < n { Some(&tokens[j]) } else { None };
                let prev_word = if i > 0 {
                    &text[tokens[i - 1].start..tokens[i - 1].end]
                } else {
                    ""
                };
                let abbrev = c == '.'
                    && i > 0
                    && !tokens[i].space_before
                    && (is_abbreviation(prev_word) || initial_letter(prev_word));
                let next_starts_upper = next.is_some_and(|t| {
                    let nc = text[t.start..].chars().next().unwrap_or(' ');
                    nc.is_uppercase()
                        || nc.is_ascii_digit()
                        || is_quote_mark(nc)
                        || nc == '('
                        || nc == '‘'
                });
                let next_glued_quote = next.is_some_and(|t| !t.space_before);
                if next.is_none() {
                    end_here = false;
                } else if !abbrev && (next_starts_upper || (!next_glued_quote && c != '.')) {
                    i = last;
                    end_here = true;
                } else {
                    i = last;
                }
            }
        }
        if end_here {
            sentences.push(start..i + 1);
            start = i + 1;
        }
        i += 1;
    }
    if start < n {
        sentences.push(start..n);
    }
    for (s, r) in sentences.iter().enumerate() {
        for t in &mut tokens[r.clone()] {
            t.sentence = s as u32;
        }
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        let d = Doc::new(s);
        (0..d.tokens.len()).map(|i| d.tok(i)).collect()
    }

    /// The gated lookup answers as comparing with every abbreviation does.
    #[test]
    fn abbreviations_as_the_plain_list() {
        let plain = |w: &str| {
            let w = w.trim_end_matches('.');
            ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
        };
        let mut words: Vec<String> = ABBREVIATIONS
            .iter()
            .flat_map(|a| {
                [
                    a.to_string(),
                    format!("{}.", a.to_uppercase()),
                    format!("{a}.."),
                ]
            })
            .collect();
        words.extend(
            [
                "", ".", "...", "said.", "Sept", "approxx", "m", "é.", "Mr.s", "1st.", "U.S.",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(is_abbreviation(w), plain(w), "{w:?}");
        }
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(
            toks("ISIS-K’s 30,000 people (C-17) said: “No.”"),
            vec![
                "ISIS-K", "’s", "30,000", "people", "(", "C-17", ")", "said", ":", "“", "No", ".",
                "”"
            ]
        );
        assert_eq!(
            toks("U.S. officials, 9/11 and 2.5%"),
            vec!["U.S.", "officials", ",", "9/11", "and", "2.5", "%"]
        );
        assert_eq!(toks("don't O’Brien"), vec!["do", "n't", "O’Brien"]);
    }

    /// Regression: a symbol's zero-width joiner took the char after it even when that was a
    /// space, so a token held whitespace.
    #[test]
    fn a_joiner_joins_no_space() {
        assert_eq!(toks("ok 👍\u{200D} next"), vec!["ok", "👍\u{200D}", "next"]);
        assert_eq!(toks("👨\u{200D}👩 fine"), vec!["👨\u{200D}👩", "fine"]);
        assert_eq!(
            toks("❤\u{200D}\n\nNew line"),
            vec!["❤\u{200D}", "New", "line"]
        );
    }

    /// Plain pieces tokenized on bytes give the tokens that going through chars gives,
    /// wherever they stand among pieces that are not plain.
    #[test]
    fn pieces_match_chars() {
        let by_chars = |text: &str| {
            let mut tokens = Vec::new();
            let mut chars = Vec::new();
            push_chars(text, 0, &mut chars);
            tokenize_chunk(text.len(), &chars, &mut tokens);
            tokens
        };
        let pieces = [
            "a", "Ab", "1", "n", "t", ".", ",", ";", ":", "!", "?", ")", "(", "\"", "$", "%", "[",
            "]", "'", "’", "-", "/", "`", " ", "  ", "\n", "\t", "\r\n", "\u{b}", "\u{c}",
            "\u{a0}", "é", "😀", "\u{200D}", "\u{301}", "\u{1}", "U.S.", "\u{2028}", "“", "”", "’",
            "s", "’s", "'s", "’t",
        ];
        let same = |text: &str| {
            let mut tokens = Vec::new();
            tokenize_pieces(text, 0, text.len(), &mut Vec::new(), &mut tokens);
            assert_eq!(tokens, by_chars(text), "{text:?}");
        };
        for text in [
            "don’t go",
            "Taliban’s.",
            "1990’s",
            "“No,” he said",
            "(U.S.)",
            "rock'n'roll",
            "n’t",
            "it’s”",
            "O’Brien’s",
            "isn't",
            "I’m",
            "A’s B'S",
            "“$5”",
            "x’s’",
            "(30,000)",
            "2.5%.",
        ] {
            same(text);
        }
        let mut seed = 5u32;
        for _ in 0..20000 {
            let mut text = String::new();
            for _ in 0..(seed >> 20) % 12 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                text.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
            }
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            same(&text);
        }
    }

    #[test]
    fn glued_quote_marks_split() {
        assert_eq!(
            toks("situation”Biden said"),
            vec!["situation", "”", "Biden", "said"]
        );
    }

    #[test]
    fn sentences_respect_abbreviations_and_lines() {
        let d = Doc::new("Colin P. Clarke met Mr. Smith on Aug. 22. He left.\nHeadline here\nNext");
        let sents: Vec<String> = d
            .sentences
            .iter()
            .map(|r| d.text[d.tokens[r.start].start..d.tokens[r.end - 1].end].to_string())
            .collect();
        assert_eq!(
            sents,
            vec![
                "Colin P. Clarke met Mr. Smith on Aug. 22.",
                "He left.",
                "Headline here",
                "Next"
            ]
        );
        // A lawmaker's party and state: "(R-S.C.)" ends no sentence.
        let d = Doc::new("Sen. Jo Roe (R-S.C.) told reporters. Then (D-N.Y.) Al Poe spoke.");
        assert_eq!(d.sentences.len(), 2);
    }

    #[test]
    fn lines_end_at_every_line_break() {
        let text = "One\r\nTwo\u{2028}Three\u{2029}Four\n\u{2027}Five";
        let d = Doc::new(text);
        let lines: Vec<&str> = d.lines.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(lines, vec!["One", "Two", "Three", "Four", "\u{2027}Five"]);
    }

    /// The checkpoints counted on bytes are the ones counted by decoding chars, and the
    /// chars pushed by ASCII runs are `char_indices`, at every alignment of multi-byte chars
    /// to the stride.
    #[test]
    fn byte_counts_match_char_counts() {
        fn by_chars(text: &str) -> Vec<(u32, u32)> {
            let mut checkpoints = Vec::new();
            let (mut u16s, mut next) = (0u32, 0usize);
            for (b, c) in text.char_indices() {
                while b >= next {
                    checkpoints.push((b as u32, u16s));
                    next += Utf16Index::STRIDE;
                }
                u16s += c.len_utf16() as u32;
            }
            while text.len() >= next {
                checkpoints.push((text.len() as u32, u16s));
                next += Utf16Index::STRIDE;
            }
            checkpoints
        }
        let pieces = ["a", "é", "“", "😀", "ab c", "\n"];
        let mut text = String::new();
        let mut seed = 7u32;
        for _ in 0..400 {
            assert_eq!(
                Utf16Index::new(&text).checkpoints,
                by_chars(&text),
                "{text:?}"
            );
            let mut chars = Vec::new();
            push_chars(&text, 3, &mut chars);
            let want: Vec<(usize, char)> = text.char_indices().map(|(i, c)| (i + 3, c)).collect();
            assert_eq!(chars, want);
            let index = Utf16Index::new(&text);
            for i in (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .step_by(7)
            {
                let units = text.get(..i).unwrap().encode_utf16().count();
                assert_eq!(index.utf16(&text, i) as usize, units, "{i} in {text:?}");
            }
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            text.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
        }
    }

    /// Lines found eight bytes at a time are the lines found byte by byte, wherever the
    /// breaks fall in the eight.
    #[test]
    fn lines_by_words_match_lines_by_bytes() {
        let pieces = [
            "a", "bc", "\n", "\r\n", "\u{2028}", "\u{2029}", "\u{2027}", "é", "“",
        ];
        let mut text = String::new();
        let mut seed = 11u32;
        for _ in 0..300 {
            let want: Vec<&str> = text
                .split(['\n', '\u{2028}', '\u{2029}'])
                .map(|l| l.strip_suffix('\r').unwrap_or(l))
                .collect();
            let got: Vec<&str> = split_lines(&text).into_iter().map(|r| &text[r]).collect();
            assert_eq!(got, want, "{text:?}");
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            text.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
        }
    }

    #[test]
    fn utf16_offsets() {
        let text = "é😀 “x” Ünïcödé";
        let d = Doc::new(text);
        let i = d
            .tokens
            .iter()
            .position(|t| &text[t.start..t.end] == "x")
            .unwrap();
        let s = d.span(d.tokens[i].range());
        let u: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(
            String::from_utf16(&u[s.start as usize..s.end as usize]).unwrap(),
            "x"
        );
        assert_eq!(d.utf16_len() as usize, u.len());
        // Long text crosses many checkpoints.
        let long = "😀a".repeat(500);
        let d = Doc::new(&long);
        let u: Vec<u16> = long.encode_utf16().collect();
        for t in &d.tokens {
            let s = d.span(t.range());
            assert_eq!(
                String::from_utf16(&u[s.start as usize..s.end as usize]).unwrap(),
                &long[t.start..t.end]
            );
        }
    }
}
