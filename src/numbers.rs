//! Reading numerals: digits with either separator convention, and number words.
//!
//! Shared by figures ("forty-eight attacks") and dates ("three years ago"); this is the one
//! place that knows how a number is written.

/// Value of a number word (`"three"`, `"forty-eight"`, `"dozen"`), for words up to ninety-nine
/// and the scale words. Case-insensitive; does not allocate (it runs on every word).
pub fn word_value(word: &str) -> Option<f64> {
    // Every form below starts with the first letter of a number word or a scale: most words
    // stop here, before the search for a hyphen.
    if !initial_in(word, SMALL_INITIALS | SCALE_INITIALS) {
        return None;
    }
    if let Some((a, b)) = split_hyphen(word) {
        let tens = small_word(a)?;
        let ones = small_word(b)?;
        return (tens >= 20 && tens % 10 == 0 && (1..=9).contains(&ones))
            .then_some((tens + ones) as f64);
    }
    if let Some(v) = small_word(word) {
        return Some(v as f64);
    }
    scale_word(word)
}

/// `a.eq_ignore_ascii_case(b)` with the lengths and the first bytes compared where it is
/// called, and the rest in one out-of-line function. The word lists of numerals, dates and
/// figures are compared one entry at a time on every candidate word, and most entries differ
/// in length or first letter. At `opt-level = 2` the standard comparison is inlined and
/// unrolled for each constant word: 121 copies, 16 KB of wasm (docs/performance.md, round 22).
/// Two bytes equal but for bit 5 (`0x20`, the ASCII case bit) may be one letter in two cases;
/// any other difference means the words differ.
#[inline(always)]
pub fn eq_ci(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && match (a.as_bytes().first(), b.as_bytes().first()) {
            (Some(x), Some(y)) => (x ^ y) & !0x20 == 0 && same_ci(a.as_bytes(), b.as_bytes()),
            _ => true,
        }
}

#[inline(never)]
fn same_ci(a: &[u8], b: &[u8]) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// Whether `t` is one of `ws`, by [`eq_ci`]. Out of line: at `opt-level = 2` a search of a
/// constant list is unrolled into one comparison per word at every call, and the rules of
/// dates and figures search some 150 such lists (docs/performance.md, round 22).
#[inline(never)]
pub fn in_list(t: &str, ws: &[&str]) -> bool {
    ws.iter().any(|w| eq_ci(t, w))
}

/// `s.parse::<T>().ok()` for the integer types, with one parser compiled for all of them (the
/// standard one is compiled, and partly inlined, once per type and call site: 2.6 KB of wasm
/// at `opt-level = 2`). The same grammar: an optional `+` (or `-` for a signed type), then
/// ASCII digits; out of range is `None`. For types whose range lies within `i64`'s.
pub fn parse_int<T: TryFrom<i64>>(s: &str) -> Option<T> {
    if s.starts_with('-') && T::try_from(-1).is_err() {
        return None;
    }
    T::try_from(parse_i64(s)?).ok()
}

#[inline(never)]
fn parse_i64(s: &str) -> Option<i64> {
    s.parse().ok()
}

/// The bit of a word's (length, first letter) in a table of 17 masks: entry `min(length, 16)`,
/// bit 0 to 25 for a letter (either case), 26 for any other first byte. Built at compile time
/// from a list of lowercase words ([`len_initial_bit`]) and asked by [`len_initial_in`], it
/// rejects most words before a list is compared with them one entry at a time.
pub const fn len_initial_bit(w: &str) -> (usize, u32) {
    let b = w.as_bytes();
    assert!(!b.is_empty() && !b[0].is_ascii_uppercase());
    let c = if b[0].is_ascii_lowercase() {
        b[0] - b'a'
    } else {
        26
    };
    (if b.len() < 16 { b.len() } else { 16 }, 1 << c)
}

/// The table of a list of lowercase words, for [`len_initial_in`].
pub const fn len_initial_table(words: &[&str]) -> [u32; 17] {
    let mut t = [0u32; 17];
    let mut i = 0;
    while i < words.len() {
        let (l, bit) = len_initial_bit(words[i]);
        t[l] |= bit;
        i += 1;
    }
    t
}

/// Whether a word of the list `table` was built from may equal `w` ignoring ASCII case.
#[inline]
pub fn len_initial_in(table: &[u32; 17], w: &str) -> bool {
    let Some(&c) = w.as_bytes().first() else {
        return false;
    };
    // Below 26 for an ASCII letter of either case only.
    let c = (c | 0x20).wrapping_sub(b'a').min(26);
    table[w.len().min(16)] & 1 << c != 0
}

/// A short ASCII word as one integer, lowercased: its first eight bytes in the low half, the
/// rest and its length (in the top byte) in the high half. `None` for the empty word (0 marks
/// an empty slot), words over 15 bytes and words with non-ASCII bytes. Built in two `u64`
/// halves: a `u128` shifted a byte at a time is several instructions a byte in the wasm,
/// which has no 128-bit integers.
fn word_key(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 15 {
        return None;
    }
    // The ASCII test in the same pass (`is_ascii` is a call of its own in the wasm).
    let mut any = 0;
    let mut k = [0u64; 2];
    for (i, &c) in b.iter().enumerate() {
        any |= c;
        if let Some(h) = k.get_mut(i / 8) {
            *h = (*h << 8) | u64::from(c.to_ascii_lowercase());
        }
    }
    let [lo, hi] = k;
    (any < 0x80).then(|| u128::from(hi | (b.len() as u64) << 56) << 64 | u128::from(lo))
}

/// A set of short ASCII words, compared ignoring ASCII case. The per-token tests of dates
/// (may an expression start at this word?) and figures (may a numeral?) ask one on every word
/// of a text. A bitmap of (length, first letter, second letter) rejects most words in one
/// lookup; the others are found as [`word_key`]s in a hash table at most a quarter full.
pub struct WordSet {
    slots: Vec<u128>,
    shapes: [u64; SHAPE_WORDS],
}

/// Bits in [`WordSet::shapes`]: lengths 0 to 16 of 32 x 32 (first letter, second letter).
const SHAPE_WORDS: usize = 17 * 1024 / 64;

/// The bit of a word's (length, first letter, second letter) in [`WordSet::shapes`]; `None`
/// when the word is longer than 16 bytes or one of its first two bytes is no letter.
#[inline]
fn word_shape(w: &[u8]) -> Option<usize> {
    // `b | 0x20` lowercases an ASCII letter and makes no other byte one.
    let letter = |k: usize| match w.get(k) {
        None => Some(26),
        Some(&b) => (b | 0x20)
            .is_ascii_lowercase()
            .then(|| usize::from((b | 0x20) - b'a')),
    };
    if w.len() > 16 {
        return None;
    }
    Some(w.len() << 10 | letter(0)? << 5 | letter(1)?)
}

/// A key's first slot: a multiplicative hash of its two halves.
fn word_slot(k: u128, mask: usize) -> usize {
    let h = (k as u64 ^ (k >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 40) as usize & mask
}

impl WordSet {
    /// From a slice, not any iterator: one copy of this function in the wasm, not one per
    /// caller's iterator type.
    pub fn new(words: &[&str]) -> WordSet {
        let mut keys = Vec::new();
        let mut shapes = [0u64; SHAPE_WORDS];
        for w in words {
            debug_assert!(
                word_key(w).is_some(),
                "a WordSet holds ASCII words of 1 to 15 bytes: {w:?}"
            );
            keys.extend(word_key(w));
            match word_shape(w.as_bytes()) {
                Some(s) => {
                    if let Some(x) = shapes.get_mut(s / 64) {
                        *x |= 1 << (s % 64);
                    }
                }
                // Words with other bytes pass the bitmap: fill it.
                None => shapes = [u64::MAX; SHAPE_WORDS],
            }
        }
        // No key is 0: its length is in the top byte.
        let mut slots = vec![0u128; (4 * keys.len()).next_power_of_two().max(16)];
        let mask = slots.len() - 1;
        for k in keys {
            let mut s = word_slot(k, mask);
            while let Some(x) = slots.get_mut(s) {
                if *x == 0 || *x == k {
                    *x = k;
                    break;
                }
                s = (s + 1) & mask;
            }
        }
        WordSet { slots, shapes }
    }

    /// Whether `w` is in the set, ignoring ASCII case.
    pub fn contains(&self, w: &str) -> bool {
        let shape_ok = match word_shape(w.as_bytes()) {
            Some(s) => self
                .shapes
                .get(s / 64)
                .is_some_and(|x| x & (1 << (s % 64)) != 0),
            None => true,
        };
        if !shape_ok {
            return false;
        }
        let Some(k) = word_key(w) else {
            return false;
        };
        let mask = self.slots.len() - 1;
        let mut s = word_slot(k, mask);
        while let Some(&x) = self.slots.get(s) {
            if x == k {
                return true;
            }
            if x == 0 {
                return false;
            }
            s = (s + 1) & mask;
        }
        false
    }
}

/// `word.split_once(['-', '‐', '‑'])`: split at the first hyphen, ASCII or Unicode (U+2010,
/// U+2011), as compound numbers are written ("forty-eight", "twenty‑first"). Looked for in the
/// bytes: it runs on every word, and the pattern searcher behind `split_once` with a char set
/// decodes every char through calls the size-optimized wasm does not inline.
pub fn split_hyphen(word: &str) -> Option<(&str, &str)> {
    let b = word.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let len = match b[i] {
            b'-' => 1,
            // U+2010 and U+2011 are E2 80 90 and E2 80 91; 0xE2 is always a lead byte.
            0xE2 if matches!(b.get(i + 1..i + 3), Some([0x80, 0x90 | 0x91])) => 3,
            _ => 0,
        };
        if len > 0 {
            return Some((word.get(..i)?, word.get(i + len..)?));
        }
        i += 1;
    }
    None
}

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The first letters of lists of lowercase words, a bit a letter: a word whose first letter
/// is none of them is in none of the lists, and most words of a text are rejected so before
/// a list is compared with them one entry at a time.
const fn initials(lists: &[&[&str]]) -> u32 {
    let mut m = 0;
    let mut i = 0;
    while i < lists.len() {
        let mut k = 0;
        while k < lists[i].len() {
            m |= 1 << (lists[i][k].as_bytes()[0] - b'a');
            k += 1;
        }
        i += 1;
    }
    m
}

/// Whether `w`'s first letter (either case) is one of `initials`.
#[inline]
fn initial_in(w: &str, initials: u32) -> bool {
    let c = w
        .as_bytes()
        .first()
        .map_or(26, |&b| (b | 0x20).wrapping_sub(b'a'));
    c < 26 && initials & 1 << c != 0
}

const SMALL_INITIALS: u32 = initials(&[&ONES, &TENS, &["dozen", "nought", "naught"]]);
const ORD_INITIALS: u32 = initials(&[&ORD, &TENS_ORD, &["nineth"]]);
const SCALE_INITIALS: u32 = scale_initials(&SCALES);
const ORD_SCALE_INITIALS: u32 = scale_initials(&ORDINAL_SCALES);

/// [`initials`] of a table of (word, value) pairs.
const fn scale_initials(scales: &[(&str, f64)]) -> u32 {
    let mut m = 0;
    let mut i = 0;
    while i < scales.len() {
        m |= 1 << (scales[i].0.as_bytes()[0] - b'a');
        i += 1;
    }
    m
}

fn small_word(w: &str) -> Option<u32> {
    // Every word below has 3 to 9 letters ("one" ... "seventeen"); most words fail here.
    if !(3..=9).contains(&w.len()) || !initial_in(w, SMALL_INITIALS) {
        return None;
    }
    if let Some(i) = ONES.iter().position(|x| eq_ci(x, w)) {
        return Some(i as u32);
    }
    if let Some(i) = TENS.iter().position(|x| eq_ci(x, w)) {
        return Some(20 + 10 * i as u32);
    }
    if eq_ci(w, "dozen") {
        return Some(12);
    }
    // British "nought" and its variant spelling.
    if eq_ci(w, "nought") || eq_ci(w, "naught") {
        return Some(0);
    }
    None
}

const ORD: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS_ORD: [&str; 8] = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

/// Every unhyphenated word that [`word_value`] and [`ordinal_word_value`] read, in lower
/// case: the one list other modules use to tell that a word may start a number ("three years
/// ago"), so that a word added here is seen everywhere.
pub fn number_words() -> impl Iterator<Item = &'static str> {
    ONES.iter()
        .chain(TENS.iter())
        .copied()
        .chain(["dozen", "nought", "naught", "nineth"])
        .chain(SCALES.iter().map(|(w, _)| *w))
        .chain(ORD.iter().copied())
        .chain(TENS_ORD.iter().copied())
        .chain(ORDINAL_SCALES.iter().map(|(w, _)| *w))
}

/// Value of an ordinal word: `"third"`, `"twenty-first"`, `"hundredth"`. Case-insensitive.
pub fn ordinal_word_value(word: &str) -> Option<f64> {
    // As in `word_value`: the first letters of every form below ("nineth" among them).
    if !initial_in(word, SMALL_INITIALS | ORD_INITIALS | ORD_SCALE_INITIALS) {
        return None;
    }
    // A common misspelling, read like the word it means.
    if eq_ci(word, "nineth") {
        return Some(9.0);
    }
    let simple = |w: &str| -> Option<u32> {
        // "first" (5 letters) to "seventeenth" (11).
        if !(5..=11).contains(&w.len()) || !initial_in(w, ORD_INITIALS) {
            return None;
        }
        if let Some(i) = ORD.iter().position(|x| eq_ci(x, w)) {
            return Some(i as u32);
        }
        TENS_ORD
            .iter()
            .position(|x| eq_ci(x, w))
            .map(|i| 20 + 10 * i as u32)
    };
    if let Some((a, b)) = split_hyphen(word) {
        let tens = small_word(a)?;
        let ones = simple(b)?;
        return (tens >= 20 && tens % 10 == 0 && (1..=9).contains(&ones))
            .then_some((tens + ones) as f64);
    }
    if let Some(v) = simple(word) {
        return Some(v as f64);
    }
    ORDINAL_SCALES
        .iter()
        .find(|(w, _)| eq_ci(w, word))
        .map(|(_, v)| *v)
}

const ORDINAL_SCALES: [(&str, f64); 5] = [
    ("hundredth", 1e2),
    ("thousandth", 1e3),
    ("millionth", 1e6),
    ("billionth", 1e9),
    ("trillionth", 1e12),
];

/// Denominator of a fraction word: `half` 2, `quarter` 4, and every ordinal from `third` up
/// (`thirds` 3, `tenth` 10, `twenty-firsts` 21, `hundredths` 100). Case-insensitive. Returns
/// the denominator and whether the word is plural. "first" and "second" are never fractions
/// ("two seconds" is a duration).
pub fn fraction_denominator(word: &str) -> Option<(f64, bool)> {
    if eq_ci(word, "half") {
        return Some((2.0, false));
    }
    if eq_ci(word, "halves") {
        return Some((2.0, true));
    }
    if eq_ci(word, "quarter") {
        return Some((4.0, false));
    }
    if eq_ci(word, "quarters") {
        return Some((4.0, true));
    }
    let (stem, plural) = match word.strip_suffix(['s', 'S']) {
        Some(s) => (s, true),
        None => (word, false),
    };
    ordinal_word_value(stem)
        .filter(|d| *d >= 3.0)
        .map(|d| (d, plural))
}

/// True when `suffix` is the right ordinal ending for `digits`: `1st`, `2nd`, `3rd`, `11th`,
/// `22nd`, `816th`. Case-insensitive.
pub fn ordinal_suffix_fits(digits: &str, suffix: &str) -> bool {
    let b = digits.as_bytes();
    let (Some(&last), tens) = (b.last(), b.len().checked_sub(2).and_then(|i| b.get(i))) else {
        return false;
    };
    if !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let want = if tens == Some(&b'1') {
        "th"
    } else {
        match last {
            b'1' => "st",
            b'2' => "nd",
            b'3' => "rd",
            _ => "th",
        }
    };
    eq_ci(suffix, want)
}

/// Multipliers: `hundred`, `thousand`, `million`, `billion`, `trillion`, and the South Asian
/// `lakh` (100,000) and `crore` (10 million) of Indian and Pakistani news. Short forms (`bn`,
/// `mn`, `m`, `k`) are only scales right after digits; see [`suffix_scale`].
pub fn scale_word(w: &str) -> Option<f64> {
    SCALES.iter().find(|(s, _)| eq_ci(s, w)).map(|(_, v)| *v)
}

const SCALES: [(&str, f64); 7] = [
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("crore", 1e7),
];

/// Scale written as a short suffix after digits: `$1.2bn`, `5m`, `30k`, `2tn`, and the
/// finance `MM` (a thousand thousands: `$1MM`).
pub fn suffix_scale(s: &str) -> Option<f64> {
    const SUFFIXES: &[(&str, f64)] = &[
        ("k", 1e3),
        ("m", 1e6),
        ("mn", 1e6),
        ("mln", 1e6),
        ("mio", 1e6),
        ("mil", 1e6),
        ("b", 1e9),
        ("bn", 1e9),
        ("bln", 1e9),
        ("tn", 1e12),
        ("trn", 1e12),
        ("tln", 1e12),
    ];
    // Lowercase "mm" is millimetres.
    if s == "MM" {
        return Some(1e6);
    }
    SUFFIXES.iter().find(|(x, _)| eq_ci(x, s)).map(|(_, v)| *v)
}

/// Value of a single-character vulgar fraction: `½` 0.5, `¾` 0.75.
pub fn vulgar_fraction(c: char) -> Option<f64> {
    Some(match c {
        '½' => 1.0 / 2.0,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 1.0 / 4.0,
        '¾' => 3.0 / 4.0,
        '⅕' => 1.0 / 5.0,
        '⅖' => 2.0 / 5.0,
        '⅗' => 3.0 / 5.0,
        '⅘' => 4.0 / 5.0,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 1.0 / 8.0,
        '⅜' => 3.0 / 8.0,
        '⅝' => 5.0 / 8.0,
        '⅞' => 7.0 / 8.0,
        _ => return None,
    })
}

/// Value of a written fraction `n/d` ("3/4", "1/2"), when it reads as one: the numerator is
/// smaller than the denominator and the denominator is one used for fractions (2, 3, 4, 5, 6,
/// 8, 10, 16, 32, 64, 100). Other shapes ("9/11", "5/17") are dates, scores or names.
pub fn slash_fraction(s: &str) -> Option<f64> {
    let (a, b) = s.split_once('/')?;
    if a.is_empty() || b.is_empty() || a.len() > 3 || b.len() > 3 {
        return None;
    }
    if !a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n = parse_f64(a)?;
    let d = parse_f64(b)?;
    let usual = [2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 16.0, 32.0, 64.0, 100.0];
    (n >= 1.0 && n < d && usual.contains(&d)).then_some(n / d)
}

/// Value of a number in scientific notation, `1e10`, `1.3e6`, `12e-1`: the digits before
/// `e` are read by [`parse_digits`]; the exponent is small enough to stay finite.
pub fn parse_exponent(s: &str) -> Option<f64> {
    let (m, e) = s.split_once(['e', 'E'])?;
    let m = parse_digits(m)?;
    let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let e: i32 = parse_int(e.strip_prefix('+').unwrap_or(e))?;
    // Dividing keeps "12e-1" at exactly 1.2.
    let v = if e < 0 {
        m / 10f64.powi(-e)
    } else {
        m * 10f64.powi(e)
    };
    v.is_finite().then_some(v)
}

/// Value of a digit string: `30,000`, `2.5`, `1.234.567`, `1.234,5`, `1 000` is not handled
/// here (the tokenizer splits it). Returns `None` for anything that is not a plain numeral
/// (`9/11`, `C-17`, `816th`).
pub fn parse_digits(s: &str) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    // The separators counted in the pass that checks the bytes (the pattern searcher behind
    // `matches` is a call per match in the page's build).
    let (mut commas, mut dots) = (0, 0);
    for b in s.bytes() {
        match b {
            b'0'..=b'9' => {}
            b',' => commas += 1,
            b'.' => dots += 1,
            _ => return None,
        }
    }
    if !s.as_bytes()[0].is_ascii_digit() || !s.as_bytes()[s.len() - 1].is_ascii_digit() {
        return None;
    }
    let groups_of_three = |sep: char| {
        let mut parts = s.split(sep);
        let first = parts.next().unwrap_or("");
        !first.is_empty() && first.len() <= 3 && parts.all(|p| p.len() == 3)
    };
    if commas == 0 && dots <= 1 {
        // The common case needs no copy.
        return parse_f64(s).filter(|v| v.is_finite());
    }
    let clean: String = match (commas, dots) {
        (0, 0) => s.to_string(),
        // 30,000 or 1,234,567 (thousands) vs 2,5 (decimal comma).
        (_, 0) => {
            if groups_of_three(',') {
                s.replace(',', "")
            } else if commas == 1 {
                s.replace(',', ".")
            } else {
                return None;
            }
        }
        // 2.5 (decimal) vs 1.234.567 (thousands with dots).
        (0, _) => {
            if dots == 1 {
                s.to_string()
            } else if groups_of_three('.') {
                s.replace('.', "")
            } else {
                return None;
            }
        }
        // 1,234.5 vs 1.234,5: the last separator is the decimal one.
        _ => {
            let last_comma = s.rfind(',')?;
            let last_dot = s.rfind('.')?;
            if last_dot > last_comma && dots == 1 {
                s.replace(',', "")
            } else if last_comma > last_dot && commas == 1 {
                s.replace('.', "").replace(',', ".")
            } else {
                return None;
            }
        }
    };
    parse_f64(&clean).filter(|v| v.is_finite())
}

/// `s` read as `s.parse::<f64>()` reads it: the same grammar (`[+-]`, digits with at most one
/// `.`, an exponent `e12`, `inf`, `infinity`, `nan` in any case) and the same correctly
/// rounded value, without the standard library's float parser.
///
/// Why: that parser (Eisel-Lemire with its 10 KB table of powers of five, and its slow path)
/// is about 14 KiB of the page's gzipped wasm (docs/performance.md, round 5). Numbers in news
/// text take the fast path here: at most 19 significant digits, a value below 2^53 and a
/// power of ten up to 10^22 are exact in an `f64`, so one multiplication or division rounds
/// correctly (Clinger). Anything else is computed exactly with big integers and rounded half
/// to even. Only the first 800 significant digits are kept, the rest folded into one sticky
/// digit: a halfway point between two `f64` has at most 767, so the rounding cannot change,
/// and the work per number stays bounded however long the token.
pub fn parse_f64(s: &str) -> Option<f64> {
    let (neg, body) = match s.as_bytes().first()? {
        b'-' => (true, s.get(1..)?),
        b'+' => (false, s.get(1..)?),
        _ => (false, s),
    };
    let v = if eq_ci(body, "inf") || eq_ci(body, "infinity") {
        f64::INFINITY
    } else if eq_ci(body, "nan") {
        f64::NAN
    } else {
        parse_decimal(body.as_bytes())?
    };
    Some(if neg { -v } else { v })
}

/// Significant digits kept by [`parse_decimal`] before folding the rest into a sticky digit.
const MAX_DIGITS: usize = 800;

fn parse_decimal(b: &[u8]) -> Option<f64> {
    let mut digits: Vec<u8> = Vec::new();
    // Value = 0.d1d2d3... x 10^point (as digits), then x 10^exp.
    let mut point: i64 = 0;
    let (mut seen_digit, mut seen_dot, mut sticky) = (false, false, false);
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => {
                seen_digit = true;
                if digits.is_empty() && c == b'0' {
                    if seen_dot {
                        point -= 1;
                    }
                } else {
                    if digits.len() < MAX_DIGITS {
                        digits.push(c - b'0');
                    } else if c != b'0' {
                        sticky = true;
                    }
                    if !seen_dot {
                        point += 1;
                    }
                }
            }
            b'.' if !seen_dot => seen_dot = true,
            _ => break,
        }
        i += 1;
    }
    if !seen_digit {
        return None;
    }
    let mut exp: i64 = 0;
    if let Some(&c) = b.get(i) {
        if c != b'e' && c != b'E' {
            return None;
        }
        i += 1;
        let neg = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let rest = b.get(i..)?;
        if rest.is_empty() || !rest.iter().all(u8::is_ascii_digit) {
            return None;
        }
        for &c in rest {
            exp = (exp * 10 + i64::from(c - b'0')).min(1 << 40);
        }
        if neg {
            exp = -exp;
        }
    }
    if sticky {
        digits.push(1);
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    if digits.is_empty() {
        return Some(0.0);
    }
    // Value = D x 10^e10, D the integer of `digits`.
    let e10 = point + exp - digits.len() as i64;
    let top = point + exp; // value < 10^top, >= 10^(top - 1)
    if top > 310 {
        return Some(f64::INFINITY);
    }
    if top < -330 {
        return Some(0.0);
    }
    // Clinger's fast path: both operands exact, one correctly rounded operation.
    if digits.len() <= 19 {
        let d = digits.iter().fold(0u64, |d, &x| d * 10 + u64::from(x));
        if d <= 1 << 53 && (-22..=22).contains(&e10) {
            let p = POW10[e10.unsigned_abs() as usize];
            return Some(if e10 < 0 { d as f64 / p } else { d as f64 * p });
        }
    }
    Some(slow(&digits, e10))
}

/// Powers of ten exact in an `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// D x 10^e10, correctly rounded, by exact division of big integers (little-endian u32s).
fn slow(digits: &[u8], e10: i64) -> f64 {
    let mut num = vec![0u32];
    for &d in digits {
        big_mul_add(&mut num, 10, u32::from(d));
    }
    let mut den = vec![1u32];
    for _ in 0..e10.unsigned_abs() {
        big_mul_add(if e10 < 0 { &mut den } else { &mut num }, 10, 0);
    }
    // q = floor(num / (den x 2^k)) in [2^53, 2^55): 54 or 55 bits, one or two to round with.
    let mut k = bit_len(&num) as i64 - bit_len(&den) as i64 - 54;
    if k + 1 < -1074 {
        k = -1075;
    }
    let (q, mut sticky) = divide(&num, &den, k);
    let (mut q, mut k) = (q, k);
    if q >= 1 << 54 {
        sticky |= q & 1 != 0;
        q >>= 1;
        k += 1;
    }
    // Mantissa m x 2^e2, with the bit below m rounding half to even.
    let (mut m, mut e2) = (q >> 1, k + 1);
    if q & 1 != 0 && (sticky || m & 1 != 0) {
        m += 1;
    }
    if m == 1 << 53 {
        m >>= 1;
        e2 += 1;
    }
    if e2 + 1074 >= 2046 {
        return f64::INFINITY;
    }
    // Normal: exponent field e2 + 1075 and the hidden bit of m carry into each other; for
    // e2 = -1074, m below 2^52 is the subnormal field itself.
    f64::from_bits((((e2 + 1074) as u64) << 52) + m)
}

/// floor(num / (den x 2^k)) (k may be negative) and whether a remainder is left; the quotient
/// must fit 56 bits.
fn divide(num: &[u32], den: &[u32], k: i64) -> (u64, bool) {
    let mut n = num.to_vec();
    let mut d = den.to_vec();
    if k < 0 {
        big_shl(&mut n, k.unsigned_abs() as usize);
    } else {
        big_shl(&mut d, k as usize);
    }
    let mut q = 0u64;
    for bit in (0..56).rev() {
        let mut t = d.clone();
        big_shl(&mut t, bit);
        if big_ge(&n, &t) {
            big_sub(&mut n, &t);
            q |= 1 << bit;
        }
    }
    (q, n.iter().any(|&w| w != 0))
}

fn big_mul_add(a: &mut Vec<u32>, mul: u32, add: u32) {
    let mut carry = u64::from(add);
    for w in a.iter_mut() {
        let v = u64::from(*w) * u64::from(mul) + carry;
        *w = v as u32;
        carry = v >> 32;
    }
    if carry != 0 {
        a.push(carry as u32);
    }
}

fn big_shl(a: &mut Vec<u32>, bits: usize) {
    let (words, bits) = (bits / 32, bits % 32);
    if bits != 0 {
        let mut carry = 0u32;
        for w in a.iter_mut() {
            let v = (*w << bits) | carry;
            carry = *w >> (32 - bits);
            *w = v;
        }
        if carry != 0 {
            a.push(carry);
        }
    }
    a.splice(0..0, std::iter::repeat(0).take(words));
}

fn bit_len(a: &[u32]) -> usize {
    match a.iter().rposition(|&w| w != 0) {
        Some(i) => i * 32 + 32 - a.get(i).map_or(32, |w| w.leading_zeros() as usize),
        None => 0,
    }
}

fn big_ge(a: &[u32], b: &[u32]) -> bool {
    let n = a.len().max(b.len());
    for i in (0..n).rev() {
        let (x, y) = (
            a.get(i).copied().unwrap_or(0),
            b.get(i).copied().unwrap_or(0),
        );
        if x != y {
            return x > y;
        }
    }
    true
}

/// a -= b, for a >= b.
fn big_sub(a: &mut [u32], b: &[u32]) {
    let mut borrow = 0i64;
    for (i, w) in a.iter_mut().enumerate() {
        let v = i64::from(*w) - i64::from(b.get(i).copied().unwrap_or(0)) - borrow;
        borrow = i64::from(v < 0);
        *w = v.rem_euclid(1 << 32) as u32;
    }
}

/// `x` written as `format!("{x}")` writes it (the shortest digits that read back as `x`, never
/// an exponent: `1.5`, `2`, `0.0000001`, `-0`, `NaN`), without Rust's float printing code.
///
/// Why: that code is 8.5 KiB of the page's gzipped wasm (docs/performance.md), and the wasm
/// already holds serde_json's float printer for the result's numbers; only its layout differs
/// (`1.0`, `1e20`, `1e-7`), and is undone here. The digits are the same whenever the shortest
/// form has at most 15 significant digits (it is then unique: every decimal rounded to
/// thousandths below 10^12, say). With 16 or 17 the two printers may pick different last
/// digits among equally short ones (about 1 in 3,000 random `f64`); both read back as `x`.
pub fn display_f64(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    // Finite numbers always serialize.
    let json = serde_json::to_string(&x).unwrap_or_default();
    let (neg, rest) = match json.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, json.as_str()),
    };
    let (mantissa, exp) = match rest.split_once(['e', 'E']) {
        Some((m, e)) => (
            m,
            parse_int::<i64>(e.strip_prefix('+').unwrap_or(e)).unwrap_or(0),
        ),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // All significant digits, and where the decimal point falls among them (ASCII only: the
    // slices below fall on char boundaries).
    let mut digits = String::with_capacity(int.len() + frac.len());
    digits.push_str(int);
    digits.push_str(frac);
    let mut point = int.len() as i64 + exp;
    let lead = digits.bytes().take_while(|&d| d == b'0').count();
    point -= lead as i64;
    let digits = digits.get(lead..).unwrap_or("").trim_end_matches('0');
    let mut out = String::with_capacity(digits.len() + 8);
    if neg {
        out.push('-');
    }
    if digits.is_empty() {
        out.push('0');
        return out;
    }
    let len = digits.len() as i64;
    let push_zeros = |out: &mut String, n: i64| (0..n).for_each(|_| out.push('0'));
    if point <= 0 {
        out.push_str("0.");
        push_zeros(&mut out, -point);
        out.push_str(digits);
    } else if point >= len {
        out.push_str(digits);
        push_zeros(&mut out, point - len);
    } else {
        let (a, b) = digits
            .split_at_checked(point as usize)
            .unwrap_or((digits, ""));
        out.push_str(a);
        out.push('.');
        out.push_str(b);
    }
    out
}

#[cfg(test)]
mod tests {
    /// Types within `i64`'s range (on a 64-bit host `usize` is not; the wasm's is 32 bits).
    #[test]
    #[rustfmt::skip]
    fn parse_int_reads_what_parse_reads() {
        let cases = [
            "", "+", "-", "0", "-0", "+0", "7", "+7", "-7", "007", "12a", " 1", "1 ", "1.0",
            "255", "256", "65535", "-128", "-129", "2147483647", "2147483648", "-2147483648",
            "-2147483649", "4294967295", "4294967296", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808", "00000000000000000000000000042",
            "--1", "+-1", "-+1", "١٢", "1e3",
        ];
        for s in cases {
            assert_eq!(parse_int::<i32>(s), s.parse::<i32>().ok(), "{s:?}");
            assert_eq!(parse_int::<u32>(s), s.parse::<u32>().ok(), "{s:?}");
            assert_eq!(parse_int::<i64>(s), s.parse::<i64>().ok(), "{s:?}");
            assert_eq!(parse_int::<u16>(s), s.parse::<u16>().ok(), "{s:?}");
            assert_eq!(parse_int::<u8>(s), s.parse::<u8>().ok(), "{s:?}");
        }
    }

    /// The set finds its words in any ASCII case and nothing else: their prefixes, longer
    /// words, words with a letter changed, non-ASCII look-alikes, the empty word.
    #[test]
    fn word_set_is_a_case_insensitive_set() {
        let words: Vec<String> = super::number_words()
            .chain(["a", "an", "fifteen-letters", "it's", "u.s.", "'s", "x"])
            .map(str::to_string)
            .collect();
        let set = super::WordSet::new(&words.iter().map(String::as_str).collect::<Vec<_>>());
        let mut probes: Vec<String> = vec![
            "".into(),
            "fifteen-letters!".into(),
            // Two 16-byte words whose first bytes differ only in the bit the length used to
            // share with them ('s' is 0x73, 'c' 0x63): once one key, now neither is a key.
            "sixteen-letters!".into(),
            "cixteen-letters!".into(),
            "seventeen-letters".into(),
            "o\u{212A}".into(),
            "\u{0}".into(),
            "tw\u{0}".into(),
            "@n".into(),
            "[s".into(),
        ];
        for w in &words {
            for k in 0..=w.len() {
                probes.push(w[..k].to_string());
                probes.push(format!("{}x{}", &w[..k], w.get(k + 1..).unwrap_or("")));
            }
            probes.push(format!("{w}s"));
            probes.push(w.to_uppercase());
            probes.push(format!("{}{}", &w[..1].to_uppercase(), &w[1..]));
        }
        for p in &probes {
            let want = words.iter().any(|w| w.eq_ignore_ascii_case(p));
            assert_eq!(set.contains(p), want, "{p:?}");
        }
    }

    #[test]
    fn split_hyphen_is_split_once_on_the_three_hyphens() {
        for w in [
            "",
            "-",
            "a-",
            "-b",
            "forty-eight",
            "twenty\u{2010}one",
            "twenty\u{2011}first",
            "a\u{2014}b",
            "\u{2012}",
            "é-x",
            "x\u{2011}",
            "\u{2010}\u{2011}-",
            "a--b",
            "\u{e2}",
        ] {
            assert_eq!(
                super::split_hyphen(w),
                w.split_once(['-', '‐', '‑']),
                "{w:?}"
            );
        }
    }

    #[test]
    fn every_listed_word_passes_the_length_prefilters() {
        for (i, w) in super::ONES.iter().chain(super::TENS.iter()).enumerate() {
            assert!(super::small_word(w).is_some(), "{w} ({i})");
        }
        for w in super::ORD.iter().chain(super::TENS_ORD.iter()) {
            assert!(super::ordinal_word_value(w).is_some(), "{w}");
            assert!(
                super::ordinal_word_value(&w.to_uppercase()).is_some(),
                "{w}"
            );
        }
    }

    /// Exact midpoints between neighbouring `f64` (Python's `decimal`), random and at the ends.
    const HALFWAY: &str = "2721609280833544807991309625084965307829244225476228425736029274999359550710401131561326860781513861436288844251420377000714231940898568736703722316547468807349940498588426516864249214306861715850298995253595927175180806806353663457940405735138741619389844539996387516237217792.0
0.0000000000000000000000000000000000000000000000000000000000000000303576636011229305297554302292540524320555865069965516355176319575739543166161623113987555465125799058665576943553552683380770108220990504429456827042597407434617283461530945487538701854646205902099609375
0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000006665830898196862672359697210498922021371972164448792090739452216755447872063757156385571760761703171132757768778020170563970897701516676863356039956181019603587683869673970725154612125058777423930964886369861092859713044933894180996618318026059809561765795050452211110563536009189843676103293368673057496249445172139146935454328160234463717149069555781333967232108005366232666433606239428824212031981411881577135147642272383045863984441080295408759056122261426269628621285588844562065123854995058795521776644985287748286137640308095974156041669528686987070042739528584518461526260310782257542664502724222094674244470034981923293205130643685209089249540863699773629580391798299388028681278228759765625
2355845951394797365080696732804734191470871753687760871145168752459530385553520526806498331589502142193588222852919571914424575957824117158217978225850898160896971669512876045017118625676593071128576.0
0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000012418970069620837095628678324290180512278076726714427388757702435345868819722606187429100106092040957163304779308293291043702478291807863296832935528471320917565593129933258842088809474486436157630890644050668552382210001385569322265517515306648736614007648284943992214991020377636424966986752399547805851310743132597852456307031159469891601109902981617311514199998612440724545365030307365694915044751705963487285038210006471104919819452242568580729543389307016523990709440711671201692658871618496856104161156615804452376497193428121174374231396426343165569967652656198212046873332487913359537499979889929591081454418599605560302734375
2319469273766672261229369527948412446556116823834624.0
7873531487934827224913571232031516755196385182406865012899731059719498281921371392740183347270491402556140650353106118741915629905879841093137251217217874431431906145815761700113625178544609273807106688507291626226351498146622995909449757957956913070080.0
0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000268788982384300858580810303199138835365717340589060421448883974540994376856886100537808991657832014333620632363321454489808580894511408116159580665678782614340594351506935324765783949629315049359675804701108227282657583499741815963957224672568921987571830632049803963150169554911457727143317139984486564103163302297036914465659944523109265607019690412482507517474360039445657081471176827906073994894705165372588868345402578208247490465510054491460323333740234375
0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001086847153644306182782546944180502383389217771638267513316789004593530178486760625442958112955636793353770242564158038024556397391834849382076143198998417449447993007204922621929193722572669775208836312975818454869239675075114960976877568587477943947359366144396269811431386868294110450632151861003733191680168030598836631672670327601738054897391453046238246963272963654809631548485691069373303473584509022189307691260857537766986582910511142562634884926668898473030437077701026830694774671486449302701513927500643863538632799142491199884937309034208329315091749770127530481039528733192135859570289242574149535247585163233452476561069488525390625
0.0000000000000000000000000000000000000000000000000075723580531921854761331605964957646501150642003259524574372239576455438447864140555286446975343686342767379230802913129309841757004495566008017704007215797901153564453125
0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000026713290337373986350706462460657033103678205617861283460451288486313057448055301742869201068683504383802032249436882622706178947289662532373193031813594997260264233326862169548797215338820940177295510672641052128974056976751350251361776011578482301806056345961967474019910253267495357172947097899379609717780871181327434482062166464680035705500939608566580194134904897547721596868532632773618473720489419065415859222412109375
62663561157260056873313985626112.0
0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000222507385850720163012305563795567615250361241457301801308322872404958664760675944619203679411688695321398552054903200090343478188441232557218436756334761702051817599892294139362996674259828589999483014897143355557856769327930601597818316214242506796246078529588519927249357768832073249247992481686923224716596493432925878395010225097395757951057160073834364573849432419299709217920738991976169431413149717326525502008499797367678374315520581880443916381057236779117517775622749741380425338708447819365553307386742083452616251302946202273010905482006765402020154711200202813970014157525912344017736224427371246815175018974555997865323425588621961151633592416795802960447706494647018477736093430045142168360701364747951396213837722826145437693412532098591327667236328125
0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000222507385850720113605740979670913197593481954635164564802342610972482222202107694551652952390813508791414915891303962110687008643869459464552765720740782062174337998814106326732925355228688137214901298112245145188984905722230728525513315575501591439747639798341180199932396254828901710708185069063066665599493827577257201576306269066333264756530000924588831643303777979186961204949739037782970490505108060994073026293712895895000358379996720725430436028407889577179615094551674824347103070260914462157228988025818254518032570701886087211312807951223342628836862232150377566662250398253433597456888442390026549819838548794829220689472168983109969836584681402285424333066033985088644580400103493397042756718644338377048603786162277173854562306587467901408672332763671875
179769313486231560835325876058105298516207002341652166261661174625869553267292326574530099287946549246750631490335877017522087105926987962906277604735569213290190919152394180476217125334960946356387261286640198029037799514183602981511756283727771403830521483963923935633133642802139091669457927874464075218944.0
1.00000000000000011102230246251565404236316680908203125
9007199254740993.0
4503599627370497.5";

    /// `parse_f64` reads every string as `str::parse::<f64>` does: same errors, same bits.
    #[test]
    fn parse_f64_matches_the_standard_parser() {
        let same = |s: &str| {
            let ours = super::parse_f64(s);
            let std = s.parse::<f64>().ok();
            match (ours, std) {
                (Some(a), Some(b)) => assert!(
                    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                    "{s}: {a:e} vs {b:e}"
                ),
                (a, b) => assert_eq!(a, b, "{s}"),
            }
        };
        for s in [
            "",
            "+",
            "-",
            ".",
            "e",
            "1e",
            "1e+",
            ".e1",
            "1.",
            ".5",
            "-.5",
            "+1",
            "--1",
            "1.2.3",
            "1,5",
            " 1",
            "1 ",
            "0",
            "-0",
            "00",
            "0.000",
            "1e-400",
            "1e400",
            "0e99999999999999999999",
            "inf",
            "-Infinity",
            "NaN",
            "nan",
            "infin",
            "1_000",
            "0x10",
            "١",
            "9007199254740993",
            "9007199254740992.5",
            "9007199254740995",
            "18446744073709551615",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e23",
            "8.589973e9",
            "0.1",
            "0.3",
            "123456789012345678901234567890",
            "1e22",
            "1e-22",
            "4e-23",
            "30000",
            "2.5",
            "1.234",
        ] {
            same(s);
        }
        let halfway = "2.47032822920623272088284396434110686182529901307162382212792841250337753635104375932649918180817996189898282347722858865463328355177969898199387398005390939063150356595155702263922908583924491051844359318028499365361525003193704576782492193656236698636584807570015857692699037063119282795585513329278343384093519780155312465972635795746227664652728272200563740064854999770965994704540208281662262378573934507363390079677619305775067401763246736009689513405355374585166611342237666786041621596804619144672918403005300575308490487653917113865916462395249126236538818796362393732804238910186723484976682350898633885879256283027559956575244555072551893136908362547791869486679949683240497058210285131854513962138377228261454376934125320985913276672363281255e-324".to_string();
        same(&halfway);
        for mid in HALFWAY.lines() {
            same(mid);
            same(&format!("{mid}1"));
            same(&mid.replacen('5', "4", 1));
        }
        same(&halfway.replace("255e-324", "25e-324"));
        same(&format!("{}1", "0.".to_string() + &"0".repeat(2000)));
        same(&format!("1{}.5", "0".repeat(400)));
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..50_000 {
            let mut s = String::new();
            if next(8) == 0 {
                s.push('-');
            }
            let len = match next(10) {
                0 => 1 + next(900),
                1..=3 => 16 + next(10),
                _ => 1 + next(20),
            };
            let dot = next(len + 2);
            let zeros = if next(4) == 0 { next(30) } else { 0 };
            for _ in 0..zeros {
                s.push('0');
            }
            for k in 0..len {
                if k == dot {
                    s.push('.');
                }
                let d = match next(6) {
                    0 => b'9',
                    1 => b'0',
                    _ => b'0' + next(10) as u8,
                };
                s.push(d as char);
            }
            if next(3) == 0 {
                s.push('e');
                s.push_str(&(next(700) as i64 - 350).to_string());
            }
            same(&s);
        }
    }

    use super::*;

    #[test]
    fn display_f64_writes_what_format_writes() {
        let special = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            1.5,
            2.25,
            1e15,
            1e20,
            1e22,
            1e23,
            123456789012345680.0,
            1e-7,
            1.5e-7,
            5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::MIN,
            f64::EPSILON,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.3,
            2.0 / 3.0,
            4503599627370495.5,
            9007199254740993.0,
        ];
        for x in special {
            assert_eq!(display_f64(x), format!("{x}"), "{x:?}");
        }
        // Random bit patterns (every exponent), then decimals rounded to thousandths, as the
        // dates' durations are.
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let significant = |s: &str| {
            let d = s.trim_start_matches('-').replace('.', "");
            d.trim_start_matches('0').trim_end_matches('0').len()
        };
        for _ in 0..100_000 {
            let x = f64::from_bits(next());
            let (ours, theirs) = (display_f64(x), format!("{x}"));
            if significant(&theirs) <= 15 || x.is_nan() {
                assert_eq!(ours, theirs, "{x:?}");
            } else {
                assert_eq!(ours.parse::<f64>().ok(), Some(x), "{x:?}: {ours}");
                assert_eq!(ours.len(), theirs.len(), "{x:?}: {ours} vs {theirs}");
            }
        }
        for _ in 0..50_000 {
            let r = next();
            let x = ((r % 1_000_000_000_000_000) as f64 / 1000.0).round() / 1000.0;
            let x = if r >> 63 == 1 { -x } else { x };
            assert_eq!(display_f64(x), format!("{x}"), "{x:?}");
        }
    }

    #[test]
    fn digits() {
        assert_eq!(parse_digits("30,000"), Some(30000.0));
        assert_eq!(parse_digits("2.5"), Some(2.5));
        assert_eq!(parse_digits("1.234.567"), Some(1234567.0));
        assert_eq!(parse_digits("1,234.5"), Some(1234.5));
        assert_eq!(parse_digits("1.234,5"), Some(1234.5));
        assert_eq!(parse_digits("2,5"), Some(2.5));
        assert_eq!(parse_digits("9/11"), None);
        assert_eq!(parse_digits("816th"), None);
    }

    #[test]
    fn fractions_and_exponents() {
        assert_eq!(slash_fraction("3/4"), Some(0.75));
        assert_eq!(slash_fraction("9/11"), None);
        assert_eq!(slash_fraction("5/17"), None);
        assert_eq!(slash_fraction("/4"), None);
        assert_eq!(vulgar_fraction('½'), Some(0.5));
        assert_eq!(parse_exponent("1.3e6"), Some(1.3e6));
        assert_eq!(parse_exponent("12e-1"), Some(1.2));
        assert_eq!(parse_exponent("1e9999"), None);
        assert_eq!(parse_exponent("5e"), None);
        assert_eq!(scale_word("lakh"), Some(1e5));
        assert_eq!(word_value("nought"), Some(0.0));
    }

    #[test]
    fn words() {
        assert_eq!(word_value("Three"), Some(3.0));
        assert_eq!(word_value("forty-eight"), Some(48.0));
        assert_eq!(word_value("forty-forty"), None);
        assert_eq!(word_value("dozen"), Some(12.0));
        assert_eq!(word_value("million"), Some(1e6));
        assert_eq!(word_value("people"), None);
        assert_eq!(scale_word("Million"), Some(1e6));
    }

    #[test]
    fn ordinals_and_fractions() {
        assert_eq!(ordinal_word_value("Third"), Some(3.0));
        assert_eq!(ordinal_word_value("twenty-first"), Some(21.0));
        assert_eq!(ordinal_word_value("hundredth"), Some(100.0));
        assert_eq!(ordinal_word_value("thirty"), None);
        assert_eq!(fraction_denominator("thirds"), Some((3.0, true)));
        assert_eq!(fraction_denominator("half"), Some((2.0, false)));
        assert!(ordinal_suffix_fits("816", "th"));
        assert!(ordinal_suffix_fits("21", "st"));
        assert!(ordinal_suffix_fits("11", "th"));
        assert!(!ordinal_suffix_fits("11", "st"));
        assert!(!ordinal_suffix_fits("", "st"));
    }
}
