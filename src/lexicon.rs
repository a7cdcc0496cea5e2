//! Shared word lists. Each list lives here once; extractors ask through these functions.
//!
//! The gazetteers of `data/gazetteer/` become static tables at build time (`build.rs`, reading
//! them as `src/gazetteer.rs` defines): one sorted key list with the [`class`] bits of each
//! key, and canonical names for places, organizations and nationality words. The only work
//! left at run time is an index of the keys into an open-addressing hash table, built on first
//! use in well under a millisecond. Lookups that take a word in any case lowercase it into a
//! stack buffer when it is ASCII, so the common path allocates nothing; other text is
//! lowercased with `str::to_lowercase`, exactly as the lists were.

#[path = "gazetteer.rs"]
mod gazetteer;

pub use gazetteer::{class, MONTHS, WEEKDAYS};
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/lexicon_tables.rs"));

/// Month number (1-12) of a month name or its common abbreviation ("Aug", "Aug.", "Sept").
pub fn month_number(word: &str) -> Option<u32> {
    let (key, len) = packed_lower(word)?;
    if key == pack(b"sept") {
        return Some(9);
    }
    // A three-letter word is an abbreviation: the first three letters of a name.
    let mask = if len == 3 {
        (0xff_ffff, 0)
    } else {
        (u64::MAX, 0xff)
    };
    MONTH_KEYS
        .iter()
        .position(|&(m, m8)| (m & mask.0, m8 & mask.1) == key)
        .map(|i| i as u32 + 1)
}

/// Weekday number, Monday = 0, of a weekday name or abbreviation.
pub fn weekday_number(word: &str) -> Option<u32> {
    let (key, len) = packed_lower(word)?;
    // Up to five letters, a word may be the start of a name ("Tues", "Thurs").
    let mask = if len <= 5 {
        ((1 << (8 * len)) - 1, 0)
    } else {
        (u64::MAX, 0xff)
    };
    WEEKDAY_KEYS
        .iter()
        .position(|&(d, d8)| (d & mask.0, d8 & mask.1) == key)
        .map(|i| i as u32)
}

/// Up to nine bytes as a number of the first eight, the first byte lowest, and the ninth:
/// month and weekday names (at most nine letters) compare as integers, where string
/// comparisons were calls in the page's build, one per name (docs/performance.md, round 9).
const fn pack(b: &[u8]) -> (u64, u8) {
    let mut x = 0;
    let mut i = 0;
    while i < b.len() && i < 8 {
        x |= (b[i] as u64) << (8 * i);
        i += 1;
    }
    (x, if b.len() > 8 { b[8] } else { 0 })
}

const fn pack_all<const N: usize>(names: [&str; N]) -> [(u64, u8); N] {
    let mut out = [(0, 0); N];
    let mut i = 0;
    while i < N {
        out[i] = pack(names[i].as_bytes());
        i += 1;
    }
    out
}

const MONTH_KEYS: [(u64, u8); 12] = pack_all(MONTHS);
const WEEKDAY_KEYS: [(u64, u8); 7] = pack_all(WEEKDAYS);

/// `word` without its final dots, lowercased and [`pack`]ed, with its length: `None` unless
/// it is ASCII of 3 to 9 letters, as month and weekday names are. Only ASCII lowercases to
/// them: the one non-ASCII letter whose lowercase is ASCII, the Kelvin sign, lowercases to
/// "k", which no month or weekday name contains (tested below).
fn packed_lower(word: &str) -> Option<((u64, u8), usize)> {
    let mut b = word.as_bytes();
    while let [rest @ .., b'.'] = b {
        b = rest;
    }
    if b.len() < 3 || b.len() > 9 {
        return None;
    }
    let mut buf = [0u8; 9];
    for (d, &c) in buf.iter_mut().zip(b) {
        if c >= 0x80 {
            return None;
        }
        *d = c.to_ascii_lowercase();
    }
    let [a, b1, c, d, e, f, g, h, i] = buf;
    Some(((u64::from_le_bytes([a, b1, c, d, e, f, g, h]), i), b.len()))
}

/// A fast, non-cryptographic hasher (the Fx mix of rustc), for tables keyed by words.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            // One load, where `copy_from_slice` was a call in the page's build.
            if let [a, b, c, d, e, f, g, h] = *c {
                self.write_u64(u64::from_le_bytes([a, b, c, d, e, f, g, h]));
            }
        }
        for &b in chunks.remainder() {
            self.write_u64(b as u64);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u8(&mut self, x: u8) {
        self.write_u64(x as u64);
    }
    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// The keys, where each starts, and an open-addressing table of key indices.
struct Index {
    /// Every key, sorted, one a line: rebuilt from the front-coded [`KEY_SHARED`] and
    /// [`KEY_RESTS`] (smaller in the page's wasm than the keys themselves).
    keys: Vec<u8>,
    /// Byte offset of key `i` in `keys`; one more entry past the end (`keys.len() + 1`).
    starts: Vec<u32>,
    /// `i + 1` for key `i` in the low 16 bits and 16 more bits of its hash ([`tag`]) in the
    /// high ones, 0 for an empty slot; a power of two, at most half full. The tag skips the
    /// byte comparison with the other keys a probe meets: most words looked up are in no list.
    slots: Vec<u32>,
    /// `64 - log2(slots.len())`: the slot is the top bits of the hash.
    shift: u32,
    /// A Bloom filter of the keys' hashes, two bits a key ([`bloom_bits`]): 16 KB, where
    /// the slots are 128 KB and the keys 144 KB more. Most words looked up are in no list,
    /// and in the page's build the lookups waited on memory more than they computed:
    /// `find_hashed` was 5% of the time for under a hundred instructions a call.
    bloom: Vec<u64>,
    /// A Bloom filter of the keys' proper prefixes (each key's first `j` bytes, `j` at a
    /// char boundary, by their [`hash`]), two bits each ([`prefix_bits`]): a string that
    /// misses it starts no key longer than itself, so that a key built word by word can stop
    /// (round 12: the tagger's multi-word candidates). 32 KB for about 34,000 prefixes, one
    /// false positive in twenty.
    prefixes: Vec<u64>,
}

/// Words of [`Index::prefixes`]: 2^18 bits.
const PREFIX_WORDS: usize = 1 << 12;

/// Bits of a hash for [`Index::prefixes`]: two 18-bit positions.
fn prefix_bits(h: u64) -> [usize; 2] {
    [(h >> 14) as usize & 0x3_ffff, (h >> 40) as usize & 0x3_ffff]
}

/// Bits of a hash for [`Index::bloom`]: two 17-bit positions from its middle (the slot and
/// the tag take the top).
fn bloom_bits(h: u64) -> [usize; 2] {
    [(h >> 15) as usize & 0x1_ffff, (h >> 32) as usize & 0x1_ffff]
}

fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0, |h, &b| hash_step(h, b))
}

fn hash_step(h: u64, b: u8) -> u64 {
    (h.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

// Key indices plus one fit the low 16 bits of a slot.
const _: () = assert!(KEY_COUNT < 1 << 16);

/// Bits 32 to 47 of a hash, in the high half of a slot: the slot number is the top bits.
fn tag(h: u64) -> u32 {
    (h >> 16) as u32 & 0xffff_0000
}

impl Index {
    /// In line: it was a call per probe that met its tag in the page's build (0.6% of the
    /// page's time, round 27).
    #[inline(always)]
    fn key(&self, i: usize) -> &[u8] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self
                .keys
                .get(a as usize..(b as usize).saturating_sub(1))
                .unwrap_or_default(),
            _ => &[],
        }
    }

    fn slot(&self, h: u64) -> usize {
        (h >> self.shift) as usize
    }

    /// The index of a lowercase key.
    fn find(&self, lower: &str) -> Option<usize> {
        self.find_hashed(lower.as_bytes(), hash(lower.as_bytes()))
    }

    /// The index of a lowercase key whose [`hash`] is `h`.
    fn find_hashed(&self, lower: &[u8], h: u64) -> Option<usize> {
        if lower.len() > MAX_KEY_LEN || self.slots.is_empty() {
            return None;
        }
        for b in bloom_bits(h) {
            if !self
                .bloom
                .get(b >> 6)
                .is_some_and(|w| w & (1 << (b & 63)) != 0)
            {
                return None;
            }
        }
        let mask = self.slots.len() - 1;
        let mut s = self.slot(h);
        let tag = tag(h);
        loop {
            let v = *self.slots.get(s)?;
            if v == 0 {
                return None;
            }
            if v & 0xffff_0000 == tag {
                let i = (v & 0xffff) as usize - 1;
                // Compared in line: the keys are short, and in the page's build `==` on
                // slices calls a `memcmp` that goes byte by byte (round 16).
                let key = self.key(i);
                if key.len() == lower.len() && key.iter().zip(lower).all(|(a, b)| a == b) {
                    return Some(i);
                }
            }
            s = (s + 1) & mask;
        }
    }
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut keys = Vec::with_capacity(KEYS_LEN);
        let mut starts = Vec::with_capacity(KEY_COUNT + 1);
        let mut prev = 0;
        for (&shared, rest) in KEY_SHARED.iter().zip(KEY_RESTS.split('\n')) {
            let start = keys.len();
            keys.extend_from_within(prev..(prev + usize::from(shared)).min(start));
            keys.extend_from_slice(rest.as_bytes());
            keys.push(b'\n');
            starts.push(start as u32);
            prev = start;
        }
        keys.pop();
        starts.push(keys.len() as u32 + 1);
        let bits = (2 * KEY_COUNT).max(2).next_power_of_two().trailing_zeros();
        let mut index = Index {
            keys,
            starts,
            slots: vec![0; 1 << bits],
            shift: 64 - bits,
            bloom: vec![0; 1 << 11],
            prefixes: Vec::new(),
        };
        let mut prefixes = vec![0u64; PREFIX_WORDS];
        let mask = index.slots.len() - 1;
        for i in 0..KEY_COUNT {
            let key = index.key(i);
            let mut h = 0;
            for (j, &b) in key.iter().enumerate() {
                // A proper prefix, ending at a char boundary.
                if j > 0 && b & 0xc0 != 0x80 {
                    for p in prefix_bits(h) {
                        if let Some(w) = prefixes.get_mut(p >> 6) {
                            *w |= 1 << (p & 63);
                        }
                    }
                }
                h = hash_step(h, b);
            }
            let mut s = index.slot(h);
            while index.slots[s] != 0 {
                s = (s + 1) & mask;
            }
            index.slots[s] = tag(h) | (i as u32 + 1);
            for b in bloom_bits(h) {
                index.bloom[b >> 6] |= 1 << (b & 63);
            }
        }
        index.prefixes = prefixes;
        index
    })
}

/// Calls `f` with `s` in lowercase (`str::to_lowercase`), on the stack when `s` is ASCII;
/// `None` when `s` is too long to be a key.
fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> Option<R>) -> Option<R> {
    if s.is_ascii() {
        if s.len() > MAX_KEY_LEN {
            return None;
        }
        let mut buf = [0u8; MAX_KEY_LEN];
        let b = buf.get_mut(..s.len())?;
        b.copy_from_slice(s.as_bytes());
        b.make_ascii_lowercase();
        f(std::str::from_utf8(b).ok()?)
    } else {
        f(&s.to_lowercase())
    }
}

/// Calls `f` with `s` in lowercase (`str::to_lowercase`), without allocating when `s` is a
/// short ASCII word.
pub fn with_lowercase<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    if !s.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        return f(s);
    }
    let mut buf = [0u8; 64];
    if s.is_ascii() {
        if let Some(b) = buf.get_mut(..s.len()) {
            b.copy_from_slice(s.as_bytes());
            b.make_ascii_lowercase();
            if let Ok(l) = std::str::from_utf8(b) {
                return f(l);
            }
        }
    }
    f(&s.to_lowercase())
}

/// The key index of a word or name in any case.
fn find_ci(name: &str) -> Option<usize> {
    // One pass lowercases, hashes and checks for ASCII (asked several times per capitalized
    // word: every instruction here counts in the page's build).
    let mut buf = [0u8; MAX_KEY_LEN];
    let mut h = 0;
    let mut n = 0;
    for &b in name.as_bytes() {
        if b >= 0x80 {
            return index().find(&name.to_lowercase());
        }
        let Some(d) = buf.get_mut(n) else {
            // Too long to be a key, unless lowercasing shrinks it (the Kelvin sign).
            return if name.is_ascii() {
                None
            } else {
                index().find(&name.to_lowercase())
            };
        };
        *d = b.to_ascii_lowercase();
        h = hash_step(h, *d);
        n += 1;
    }
    index().find_hashed(buf.get(..n)?, h)
}

/// The [`class`] bits of key `i`.
fn class_at(i: usize) -> Option<u16> {
    CLASS_VALUES.get(usize::from(*CLASS_OF.get(i)?)).copied()
}

/// Where a word or name stands in the lists: looked up once ([`Entry::of`]), then asked
/// several things. Entities keep one per token, since their rules ask about the same
/// capitalized words again and again.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Entry(u32);

impl Entry {
    /// The entry of a word or name in any case, as the functions below look it up.
    pub fn of(name: &str) -> Entry {
        Entry(find_ci(name).map_or(0, |i| i as u32 + 1))
    }

    /// As a `u32`, for a cache: never `u32::MAX`.
    pub fn to_bits(self) -> u32 {
        self.0
    }

    /// From [`Entry::to_bits`].
    pub fn from_bits(bits: u32) -> Entry {
        Entry(bits)
    }

    fn index(self) -> Option<usize> {
        (self.0 as usize).checked_sub(1)
    }

    /// The [`class`] bits, as [`name_classes`] gives them.
    pub fn classes(self) -> u16 {
        self.index().and_then(class_at).unwrap_or(0)
    }

    /// As [`demonym_country`].
    pub fn demonym_country(self) -> Option<&'static str> {
        canonical(&DEMONYMS, class::DEMONYM, self.index()?)
    }

    /// As [`place_canonical`] of a name without dots.
    pub fn place_canonical(self) -> Option<&'static str> {
        canonical(&PLACE_NAMES, class::PLACE, self.index()?)
    }

    /// As [`organization`].
    pub fn organization(self) -> Option<&'static str> {
        canonical(&ORGANIZATIONS, class::ORG, self.index()?)
    }

    /// Could a title start with this word? False when [`title_length`] at a token whose
    /// entry this is (without a final dot) is `None` at its first lookup: no title is the
    /// word, and none goes on from it. The entity rules ask it of the entries they hold
    /// before calling `title_length`, which would look the word up again (round 27).
    pub fn may_open_title(self) -> bool {
        self.index().is_some_and(|i| {
            class_at(i).unwrap_or(0) & class::TITLE != 0
                || TITLE_PREFIXES.binary_search(&(i as u32)).is_ok()
        })
    }
}

/// The [`class`] bits of a word or name in any case: several list checks in one lookup.
pub fn name_classes(name: &str) -> u16 {
    classes_ci(name)
}

fn classes_ci(name: &str) -> u16 {
    find_ci(name).and_then(class_at).unwrap_or(0)
}

/// The canonical name that `table` gives key `i`, when the key has class bit `bit` (every key
/// of a table has its bit: `build.rs` checks it; most keys looked up have none, and then the
/// table is not searched).
fn canonical(table: &'static [(u16, u16, u16)], bit: u16, i: usize) -> Option<&'static str> {
    if class_at(i)? & bit == 0 {
        return None;
    }
    let i = u16::try_from(i).ok()?;
    let &(_, start, len) = table.get(table.binary_search_by_key(&i, |r| r.0).ok()?)?;
    NAMES.get(usize::from(start)..usize::from(start) + usize::from(len))
}

/// The [`class`] bits of a lowercase word or name (words joined by single spaces, title
/// abbreviations without their dot): 0 when it is in no list.
pub fn word_classes(lower: &str) -> u16 {
    word_entry(lower).classes()
}

/// The [`Entry`] of a lowercase word or name, as [`word_classes`] finds it: for an ASCII word
/// without a final dot, the same entry as [`Entry::of`] the word in any case (so that a
/// caller that looked the word up once can hand the entry on).
pub fn word_entry(lower: &str) -> Entry {
    Entry(index().find(lower).map_or(0, |i| i as u32 + 1))
}

/// False when no key is the string whose [`hash`] is `h` followed by more, so that a key
/// of several words that opens with it cannot be found; true for every proper prefix of a
/// key and, by chance, for about one string in twenty that is none (a Bloom filter). The
/// tagger asks it of its multi-word candidates before looking them up (round 12).
pub fn may_open_longer_key(h: u64) -> bool {
    let p = &index().prefixes;
    prefix_bits(h)
        .into_iter()
        .all(|b| p.get(b >> 6).is_some_and(|w| w & (1 << (b & 63)) != 0))
}

/// The lookup hash of `key` continued with `more` (`key` followed by `more`), for
/// [`word_entry_hashed`]: a caller that extends a key word by word hashes each word once.
pub fn hash_more(h: u64, more: &[u8]) -> u64 {
    more.iter().fold(h, |h, &b| hash_step(h, b))
}

/// [`word_entry`] of `lower`, whose hash is `h` (`hash_more(0, lower)`).
pub fn word_entry_hashed(lower: &str, h: u64) -> Entry {
    Entry(
        index()
            .find_hashed(lower.as_bytes(), h)
            .map_or(0, |i| i as u32 + 1),
    )
}

/// A country, region or city name (any case).
pub fn is_place(name: &str) -> bool {
    classes_ci(name) & class::PLACE != 0
}

/// The canonical name of a place written another way ("U.S." -> "United States").
pub fn place_canonical(name: &str) -> Option<&'static str> {
    let i = if name.is_ascii() {
        if name.len() > MAX_KEY_LEN + name.bytes().filter(|&b| b == b'.').count() {
            return None;
        }
        let mut buf = [0u8; MAX_KEY_LEN];
        let mut n = 0;
        for b in name.bytes().filter(|&b| b != b'.') {
            *buf.get_mut(n)? = b.to_ascii_lowercase();
            n += 1;
        }
        index().find(std::str::from_utf8(buf.get(..n)?).ok()?)
    } else {
        let k: String = name
            .chars()
            .filter(|c| *c != '.')
            .flat_map(char::to_lowercase)
            .collect();
        index().find(&k)
    }?;
    canonical(&PLACE_NAMES, class::PLACE, i)
}

/// A known organization or place (any case): one lookup for
/// `organization(name).is_some() || is_place(name)`.
pub fn is_known_name(name: &str) -> bool {
    classes_ci(name) & (class::ORG | class::PLACE) != 0
}

pub fn is_country(name: &str) -> bool {
    classes_ci(name) & class::COUNTRY != 0
}

/// The country of a nationality word ("Afghan" -> "Afghanistan").
pub fn demonym_country(word: &str) -> Option<&'static str> {
    canonical(&DEMONYMS, class::DEMONYM, find_ci(word)?)
}

pub fn is_given_name(word: &str) -> bool {
    classes_ci(word) & class::GIVEN != 0
}

pub fn is_surname(word: &str) -> bool {
    classes_ci(word) & class::SURNAME != 0
}

/// The canonical name of a known organization, given its name or an acronym.
pub fn organization(name: &str) -> Option<&'static str> {
    canonical(&ORGANIZATIONS, class::ORG, find_ci(name)?)
}

/// A last word that makes a capitalized name an organization ("Group", "University").
pub fn is_org_word(word: &str) -> bool {
    classes_ci(word) & class::ORG_WORD != 0
}

/// A word that, last in a name or right after it, makes it a place ("Province", "river").
pub fn is_place_word(word: &str) -> bool {
    classes_ci(word) & class::PLACE_WORD != 0
}

/// Number of tokens of a title or rank starting at token `t` ("Senior Airman", "Staff Sgt.",
/// "President"), counting abbreviation dots; the longest match wins.
pub fn title_length(doc: &crate::text::Doc, t: usize) -> Option<usize> {
    // The words so far, lowercase, joined by one space, and their hash, extended word by
    // word; longer than any key, nothing matches. By bytes, in one pass: `trim_end_matches`,
    // `is_ascii` and the copy were calls in the page's build (round 23).
    let mut buf = [0u8; MAX_KEY_LEN];
    let (mut len, mut h) = (0, 0);
    let mut best = None;
    let mut k = t;
    'words: for words in 0..3 {
        if !doc
            .tokens
            .get(k)
            .is_some_and(|x| x.kind == crate::text::TokKind::Word)
        {
            break;
        }
        let w = doc.tok(k);
        let dots = w.bytes().rev().take_while(|&b| b == b'.').count();
        let w = w.get(..w.len() - dots).unwrap_or(w);
        let lower;
        let w = if w.bytes().all(|b| b < 0x80) {
            w
        } else {
            lower = w.to_lowercase();
            lower.as_str()
        };
        if words > 0 {
            let Some(d) = buf.get_mut(len) else {
                break;
            };
            *d = b' ';
            h = hash_step(h, b' ');
            len += 1;
        }
        for &b in w.as_bytes() {
            let Some(d) = buf.get_mut(len) else {
                break 'words;
            };
            *d = b.to_ascii_lowercase();
            h = hash_step(h, *d);
            len += 1;
        }
        k += 1;
        let with_dot = k < doc.tokens.len()
            && matches!(doc.tok(k).as_bytes(), [b'.'])
            && !doc.tokens[k].space_before;
        let Some(i) = index().find_hashed(buf.get(..len).unwrap_or_default(), h) else {
            break;
        };
        if class_at(i).unwrap_or(0) & class::TITLE != 0 {
            best = Some(if with_dot { k + 1 - t } else { k - t });
        }
        // No title goes on from these words: longer runs cannot match either.
        if TITLE_PREFIXES.binary_search(&(i as u32)).is_err() {
            break;
        }
        if with_dot {
            k += 1;
        }
    }
    best
}

/// A single-word title or rank ("President", "Sgt.").
pub fn is_title_word(w: &str) -> bool {
    // ASCII whitespace is '\t' to '\r' and ' ': a byte test, not a char search, for words.
    let spaced = if w.is_ascii() {
        w.bytes().any(|b| b == b' ' || (b'\t'..=b'\r').contains(&b))
    } else {
        w.contains(char::is_whitespace)
    };
    if spaced {
        return word_classes(&gazetteer::normalize_title(w)) & class::TITLE != 0;
    }
    classes_ci(w.trim_end_matches('.')) & class::TITLE != 0
}

/// Words that show a parenthetical is a photo credit: agencies and picture words.
pub fn is_credit_word(w: &str) -> bool {
    with_lower(w, |l| {
        Some(matches!(
            l,
            "photo"
                | "photos"
                | "photograph"
                | "image"
                | "images"
                | "ap"
                | "afp"
                | "reuters"
                | "getty"
                | "epa"
                | "upi"
                | "efe"
                | "xinhua"
                | "anadolu"
                | "dpa"
                | "ansa"
                | "pool"
                | "courtesy"
                | "press"
                | "news"
                | "agency"
                | "photography"
                | "pictures"
                | "shutterstock"
                | "alamy"
                | "file"
        ))
    })
    .unwrap_or(false)
}

/// Words dropped from the ends of a credit part: "AP Photo" -> "AP", "File Photo".
pub fn is_credit_filler(w: &str) -> bool {
    with_lower(w, |l| {
        Some(matches!(
            l,
            "photo"
                | "photos"
                | "photograph"
                | "file"
                | "credit"
                | "courtesy"
                | "image"
                | "by"
                | "/"
        ))
    })
    .unwrap_or(false)
}

/// Capitalized words that begin sentences but never begin names: function words, pronouns,
/// and frequent sentence openers (lowercase, in `src/gazetteer.rs`).
pub fn is_common_opener(w: &str) -> bool {
    classes_ci(w) & class::OPENER != 0
}

/// Verbs of speaking and attribution, in the form written ("said", "quipped", "testified"):
/// quotes use them to find who speaks, entities to tell that a name is a speaker.
const SPEECH_VERBS: [&str; 135] = [
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "adding",
    "explained",
    "explains",
    "stated",
    "states",
    "noted",
    "notes",
    "warned",
    "warns",
    "argued",
    "argues",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "denied",
    "denies",
    "announced",
    "announces",
    "declared",
    "declares",
    "wrote",
    "writes",
    "reads",
    "read",
    "yells",
    "shouts",
    "screamed",
    "asking",
    "tweeting",
    "writing",
    "declaring",
    "stating",
    "arguing",
    "claiming",
    "replying",
    "responding",
    "announcing",
    "asked",
    "asks",
    "replied",
    "replies",
    "answered",
    "answers",
    "continued",
    "continues",
    "recalled",
    "recalls",
    "confirmed",
    "confirms",
    "suggested",
    "suggests",
    "commented",
    "comments",
    "remarked",
    "remarks",
    "observed",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "emphasizes",
    "predicted",
    "predicts",
    "reported",
    "reports",
    "tweeted",
    "tweets",
    "posted",
    "responded",
    "responds",
    "testified",
    "cautioned",
    "conceded",
    "concedes",
    "urged",
    "urges",
    "vowed",
    "vows",
    "pledged",
    "promised",
    "quipped",
    "joked",
    "countered",
    "shouted",
    "yelled",
    "chanted",
    "sang",
    "sings",
    "exclaimed",
    "whispered",
    "complained",
    "complains",
    "boasted",
    "boasts",
    "lamented",
    "laments",
    "mused",
    "concluded",
    "concludes",
    "agreed",
    "agrees",
    "added:",
    "maintained",
    "maintains",
    "contended",
    "contends",
    "pointed",
    "charged",
    "alleged",
    "alleges",
    "asserted",
    "asserts",
    "disclosed",
    "revealed",
    "reveals",
    "insisting",
    "telling",
    "explaining",
    "noting",
    "warning",
    "speaking",
];

/// Slots of the verbs' hash table: a power of two, at most a third full.
const SPEECH_SLOTS: usize = 512;

/// A word's slot in [`SPEECH_TABLE`] (any hash spreading the verbs will do): from its length
/// and its first two and last two bytes, a few operations where a loop over every byte was
/// not (the words are at least three bytes long).
const fn speech_slot(b: &[u8]) -> usize {
    let n = b.len();
    if n < 2 {
        return 0;
    }
    let h = (b[0] as u32) | (b[1] as u32) << 8 | (b[n - 2] as u32) << 16 | (b[n - 1] as u32) << 24;
    let h = (h ^ (n as u32).wrapping_mul(0x9e37_79b9)).wrapping_mul(0x85eb_ca6b);
    (h >> 23) as usize & (SPEECH_SLOTS - 1)
}

/// Index + 1 into [`SPEECH_VERBS`] of the verb in each slot, 0 when empty; built at compile
/// time, with linear probing.
static SPEECH_TABLE: [u8; SPEECH_SLOTS] = {
    assert!(SPEECH_VERBS.len() < 256 && 3 * SPEECH_VERBS.len() < SPEECH_SLOTS);
    let mut t = [0u8; SPEECH_SLOTS];
    let mut v = 0;
    while v < SPEECH_VERBS.len() {
        let mut s = speech_slot(SPEECH_VERBS[v].as_bytes());
        while t[s] != 0 {
            s = (s + 1) & (SPEECH_SLOTS - 1);
        }
        t[s] = v as u8 + 1;
        v += 1;
    }
    t
};

/// A byte's bit in an [`ends_table`]: its letter (either case) from 0 to 25, 26 for any other.
const fn end_bit(c: u8) -> u64 {
    let k = (c | 0x20).wrapping_sub(b'a');
    1 << if k < 26 { k } else { 26 }
}

/// For a list of words, by length (16 for 16 bytes and more), the first bytes (low half) and
/// last bytes (high half) of its words of that length, as [`end_bit`]s: [`ends_in`]'s table,
/// built at compile time. For lists searched for every word of a text.
pub const fn ends_table(words: &[&str]) -> [u64; 17] {
    let mut t = [0u64; 17];
    let mut v = 0;
    while v < words.len() {
        let b = words[v].as_bytes();
        assert!(!b.is_empty());
        let n = if b.len() < 16 { b.len() } else { 16 };
        t[n] |= end_bit(b[0]) | end_bit(b[b.len() - 1]) << 32;
        v += 1;
    }
    t
}

/// False when no word of the list `table` was built from has `w`'s length and its first and
/// last bytes (ignoring ASCII case): one load and two bit tests, which let most words out
/// before the list is searched.
#[inline]
pub fn ends_in(table: &[u64; 17], w: &str) -> bool {
    let b = w.as_bytes();
    let (Some(&f), Some(&l)) = (b.first(), b.last()) else {
        return false;
    };
    let m = table[b.len().min(16)];
    m & end_bit(f) != 0 && (m >> 32) & end_bit(l) != 0
}

/// One of [`SPEECH_VERBS`]. Asked of every token (by quotes and entities): a hash and, for
/// about one word in four, one comparison, where a `match` on the strings compared them one
/// by one (5-6% of the page's build before a prefilter on the first letter, 2% after;
/// docs/performance.md).
pub fn is_speech_verb(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() < 3 || b.len() > 12 {
        return false;
    }
    let mut s = speech_slot(b);
    loop {
        match SPEECH_TABLE[s] {
            0 => return false,
            v => {
                if SPEECH_VERBS.get(usize::from(v) - 1) == Some(&w) {
                    return true;
                }
            }
        }
        s = (s + 1) & (SPEECH_SLOTS - 1);
    }
}

#[cfg(test)]
mod tests {
    /// The front-coded keys decode to every key once, sorted, each found at its own index.
    #[test]
    fn front_coded_keys_decode_sorted() {
        let ix = super::index();
        assert_eq!(ix.keys.len() + 1, super::KEYS_LEN);
        let keys: Vec<&str> = std::str::from_utf8(&ix.keys).unwrap().split('\n').collect();
        assert_eq!(keys.len(), super::KEY_COUNT);
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(ix.find(k), Some(i), "{k}");
        }
    }

    /// Every proper prefix of a key may open a longer key, few other strings may, and a
    /// running hash finds the keys as a whole one does.
    #[test]
    fn prefixes_and_running_hashes() {
        let ix = super::index();
        let keys: Vec<&str> = std::str::from_utf8(&ix.keys).unwrap().split('\n').collect();
        let may = |w: &str| super::may_open_longer_key(super::hash_more(0, w.as_bytes()));
        let mut opens = std::collections::HashSet::new();
        for k in &keys {
            for end in (1..k.len()).filter(|&e| k.is_char_boundary(e)) {
                assert!(may(&k[..end]), "{k:?} at {end}");
                opens.insert(&k[..end]);
            }
        }
        let others: Vec<String> = (0..20_000).map(|i| format!("w{i}x")).collect();
        let false_pos = others
            .iter()
            .filter(|w| !opens.contains(w.as_str()) && may(w))
            .count();
        assert!(false_pos < 20_000 / 10, "{false_pos}");
        for (i, k) in keys.iter().enumerate().step_by(13) {
            let (a, b) = k.as_bytes().split_at(k.len() / 2);
            let h = super::hash_more(super::hash_more(0, a), b);
            assert_eq!(
                super::word_entry_hashed(k, h),
                super::Entry(i as u32 + 1),
                "{k}"
            );
        }
    }

    /// The verbs' hash table finds every verb of the list and nothing else: each verb, its
    /// prefixes, and the verbs with a letter changed, added or in capitals.
    #[test]
    fn speech_verbs_table_matches_the_list() {
        let mut words: Vec<String> = vec!["".into(), "sa".into(), "zebra".into(), "Said".into()];
        for v in SPEECH_VERBS {
            assert!(v.len() >= 3 && v.len() <= 12, "{v}");
            assert!(is_speech_verb(v), "{v}");
            for k in 0..v.len() {
                words.push(v[..k].to_string());
                words.push(format!("{}x{}", &v[..k], &v[k + 1..]));
            }
            words.push(format!("{v}s"));
            words.push(v.to_uppercase());
        }
        for w in &words {
            assert_eq!(is_speech_verb(w), SPEECH_VERBS.contains(&w.as_str()), "{w}");
        }
        let unique: std::collections::HashSet<&str> = SPEECH_VERBS.iter().copied().collect();
        assert_eq!(unique.len(), SPEECH_VERBS.len());
    }

    use super::gazetteer::COMMON_OPENERS;
    use super::*;

    #[test]
    fn openers_sorted() {
        assert!(COMMON_OPENERS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn word_classes_combine_lists() {
        let c = word_classes("jordan");
        assert!(
            c & class::COUNTRY != 0 && c & class::AMBIGUOUS_NAME != 0,
            "{c:b}"
        );
        assert!(word_classes("new york") & class::PLACE != 0);
        assert!(word_classes("sgt") & class::TITLE != 0);
        assert_eq!(word_classes("qwzx"), 0);
    }

    /// The static tables answer exactly what the lists say, read as `src/gazetteer.rs` reads
    /// them, in any case.
    #[test]
    fn tables_match_the_lists() {
        let t = gazetteer::tables(&gazetteer::Files {
            countries: include_str!("../data/gazetteer/countries.txt"),
            regions: include_str!("../data/gazetteer/regions.txt"),
            cities: include_str!("../data/gazetteer/cities.txt"),
            organizations: include_str!("../data/gazetteer/organizations.txt"),
            given_names: include_str!("../data/gazetteer/given-names.txt"),
            surnames: include_str!("../data/gazetteer/surnames.txt"),
            org_words: include_str!("../data/gazetteer/org-words.txt"),
            place_words: include_str!("../data/gazetteer/place-words.txt"),
            demonyms: include_str!("../data/gazetteer/demonyms.txt"),
            ambiguous_names: include_str!("../data/gazetteer/ambiguous-names.txt"),
            titles: include_str!("../data/gazetteer/titles.txt"),
        });
        for (k, &c) in &t.classes {
            assert_eq!(word_classes(k), c, "{k}");
            if k.is_ascii() {
                assert_eq!(word_entry(k), Entry::of(&k.to_uppercase()), "{k}");
            }
            // An entry answers as the functions do (place names: for names without dots).
            let u = k.to_uppercase();
            for w in [k.as_str(), u.as_str()] {
                let e = Entry::of(w);
                assert_eq!(e.classes(), name_classes(w), "{w}");
                assert_eq!(e.organization(), organization(w), "{w}");
                assert_eq!(e.demonym_country(), demonym_country(w), "{w}");
                if w.is_ascii() && !w.contains('.') {
                    assert_eq!(e.place_canonical(), place_canonical(w), "{w}");
                }
            }
            if k.to_uppercase().to_lowercase() == *k {
                assert_eq!(classes_ci(&k.to_uppercase()), c, "{k}");
            }
            assert_eq!(is_place(k), c & class::PLACE != 0, "{k}");
        }
        for (k, v) in &t.organizations {
            assert_eq!(organization(k), Some(v.as_str()), "{k}");
            assert!(is_known_name(k), "{k}");
            if k.to_uppercase().to_lowercase() == *k {
                assert_eq!(organization(&k.to_uppercase()), Some(v.as_str()), "{k}");
            }
        }
        for (k, v) in &t.demonyms {
            assert_eq!(demonym_country(k), Some(v.as_str()), "{k}");
        }
        for (k, v) in &t.place_names {
            if !k.contains('.') {
                assert_eq!(place_canonical(k), Some(v.as_str()), "{k}");
            }
        }
        assert_eq!(
            place_canonical("U.S."),
            t.place_names.get("us").map(String::as_str)
        );
        for w in [
            "",
            "qwzx",
            "new yorkk",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z",
        ] {
            assert_eq!(word_classes(w), t.classes.get(w).copied().unwrap_or(0));
        }
        assert_eq!(organization(&"x".repeat(500)), None);
        assert!(
            is_given_name("ÉMILE")
                == t.classes
                    .get("émile")
                    .is_some_and(|c| c & class::GIVEN != 0)
        );
    }

    #[test]
    fn titles_and_openers_in_any_case() {
        // `is_title_word`'s byte test for ASCII whitespace.
        for b in 0u8..0x80 {
            assert_eq!(
                char::from(b).is_whitespace(),
                b == b' ' || (b'\t'..=b'\r').contains(&b)
            );
        }
        assert!(is_title_word("staff\tsgt") && is_title_word("Staff Sgt."));
        assert!(is_title_word("Sgt."));
        assert!(is_title_word("PRESIDENT"));
        assert!(is_common_opener("However"));
        assert!(!is_common_opener("Kabul"));
        assert!(is_credit_word("REUTERS"));
        assert!(is_credit_filler("Photo"));
        let d = crate::text::Doc::new("Staff Sgt. Jane Roe and President Doe");
        assert_eq!(title_length(&d, 0), Some(3));
        assert_eq!(title_length(&d, 6), Some(1));
        assert_eq!(title_length(&d, 3), None);
    }

    /// Reading a title stops early where no title goes on; it must find what reading every
    /// run of up to three words finds.
    #[test]
    fn title_length_matches_reading_every_run() {
        fn every_run(doc: &crate::text::Doc, t: usize) -> Option<usize> {
            let mut words: Vec<String> = Vec::new();
            let mut best = None;
            let mut k = t;
            while words.len() < 3 && k < doc.tokens.len() {
                if doc.tokens[k].kind != crate::text::TokKind::Word {
                    break;
                }
                words.push(doc.tok(k).trim_end_matches('.').to_lowercase());
                k += 1;
                let with_dot =
                    k < doc.tokens.len() && doc.tok(k) == "." && !doc.tokens[k].space_before;
                if word_classes(&words.join(" ")) & class::TITLE != 0 {
                    best = Some(if with_dot { k + 1 - t } else { k - t });
                }
                if with_dot {
                    k += 1;
                }
            }
            best
        }
        let mut text = String::new();
        for k in std::str::from_utf8(&index().keys).unwrap().split('\n') {
            if word_classes(k) & class::TITLE != 0 {
                text.push_str(&format!("{k} Roe said. The {} Doe. ", k.replace(' ', ". ")));
            }
        }
        text.push_str("Staff Sgt. Jane Roe, Senior Airman Doe and Lt. Gen. Smith. ");
        // Runs that outgrow every key, and a title at the text's end.
        text.push_str(&format!(
            "Staff Sgt. {} said. Senior Airman",
            "Long".repeat(20)
        ));
        let d = crate::text::Doc::new(&text);
        for t in 0..d.tokens.len() {
            assert_eq!(title_length(&d, t), every_run(&d, t), "{}", d.tok(t));
        }
    }

    /// The month and weekday readers answer as the plain definitions do: lowercase the
    /// word, then compare it with every name.
    #[test]
    fn month_and_weekday_match_the_plain_definitions() {
        fn month(word: &str) -> Option<u32> {
            let w = word.trim_end_matches('.').to_lowercase();
            if w.len() < 3 {
                return None;
            }
            if w == "sept" {
                return Some(9);
            }
            MONTHS
                .iter()
                .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
                .map(|i| i as u32 + 1)
        }
        fn weekday(word: &str) -> Option<u32> {
            let w = word.trim_end_matches('.').to_lowercase();
            if w.len() < 3 {
                return None;
            }
            WEEKDAYS
                .iter()
                .position(|d| *d == w || (w.len() <= 5 && d.starts_with(&w)))
                .map(|i| i as u32)
        }
        // `packed_lower` refuses longer words.
        assert!(MONTHS.iter().chain(WEEKDAYS.iter()).all(|m| m.len() <= 9));
        let mut words: Vec<String> = vec!["".into(), ".".into(), "Sept.".into(), "SEPTS".into()];
        for n in MONTHS
            .iter()
            .chain(WEEKDAYS.iter())
            .chain(["sept", "tues", "thurs"].iter())
        {
            for k in 1..=n.len() + 1 {
                let p: String = n.chars().chain("xs".chars()).take(k).collect();
                words.push(p.to_uppercase());
                words.push(format!("{p}."));
                words.push(format!("{}é", p));
                words.push(p.clone());
            }
        }
        words.extend(
            [
                "Mayday",
                "Marchers",
                "Junk",
                "Satellite",
                "Sunday's",
                "\u{212A}ay",
                "Septembers",
                "Wednesdays.",
                "sept..",
                "MAY...",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(month_number(w), month(w), "{w}");
            assert_eq!(weekday_number(w), weekday(w), "{w}");
        }
    }

    /// Month and weekday names are matched in ASCII only: no other letter lowercases into
    /// them (the Kelvin sign lowercases to "k", in no month or weekday name).
    #[test]
    fn only_the_kelvin_sign_lowercases_to_ascii() {
        let odd: Vec<char> = (0x80..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().all(|l| l.is_ascii()))
            .collect();
        assert_eq!(odd, vec!['\u{212A}']);
        assert!(MONTHS
            .iter()
            .chain(WEEKDAYS.iter())
            .all(|m| !m.contains('k')));
        assert_eq!(month_number("\u{212A}an"), None);
    }

    #[test]
    fn months_and_weekdays() {
        assert_eq!(month_number("Aug."), Some(8));
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(weekday_number("Sunday"), Some(6));
        assert_eq!(weekday_number("Tues"), Some(1));
    }
}
