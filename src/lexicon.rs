//! Shared word lists. Each list lives here once; extractors ask through these functions.

pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month number (1-12) of a month name or its common abbreviation ("Aug", "Aug.", "Sept").
pub fn month_number(word: &str) -> Option<u32> {
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

/// Weekday number, Monday = 0, of a weekday name or abbreviation.
pub fn weekday_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    WEEKDAYS
        .iter()
        .position(|d| *d == w || (w.len() >= 3 && w.len() <= 5 && d.starts_with(&w)))
        .map(|i| i as u32)
}

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Gazetteers and word lists, embedded at build time from `data/gazetteer/` (sources and
/// licences in `data/README.md`). Parsed once, on first use, into lowercase sets.
struct Lists {
    places: HashSet<String>,
    /// Alternative names of places, lowercase, mapped to the canonical name ("us" -> "United States").
    place_names: HashMap<String, String>,
    countries: HashSet<String>,
    demonyms: HashMap<String, String>,
    given_names: HashSet<String>,
    surnames: HashSet<String>,
    /// Known organization names and acronyms, lowercase, mapped to the canonical name.
    organizations: HashMap<String, String>,
    org_words: HashSet<String>,
    place_words: HashSet<String>,
    /// Titles and ranks, lowercase, dots removed, words joined by one space.
    titles: HashSet<String>,
    /// Every entry of every list above, lowercase, with the [`class`] bits of the lists it is
    /// in: one lookup per token for the statistical tagger ([`crate::ner`]).
    classes: HashMap<String, u16, FxBuild>,
}

/// Bits of [`word_classes`]: which lists a lowercase word or name is in.
pub mod class {
    pub const PLACE: u16 = 1;
    pub const COUNTRY: u16 = 2;
    pub const GIVEN: u16 = 4;
    pub const SURNAME: u16 = 8;
    pub const ORG: u16 = 16;
    pub const ORG_WORD: u16 = 32;
    pub const PLACE_WORD: u16 = 64;
    pub const TITLE: u16 = 128;
    pub const DEMONYM: u16 = 256;
    pub const OPENER: u16 = 512;
    pub const MONTH_DAY: u16 = 1024;
    /// A given name or surname that is also a common word or a place (Will, Jordan).
    pub const AMBIGUOUS_NAME: u16 = 2048;
    pub const COUNT: usize = 12;
}

/// A fast, non-cryptographic hasher (the Fx mix of rustc) for the word-class table: the
/// tagger looks up every token, and SipHash would dominate its time.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.write_u64(u64::from_le_bytes(b));
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

/// Entries of a list file: one a line, `#` comments. A `~` before or after an entry marks it as
/// ambiguous (a country that is also a given name, a last word that also ends place names);
/// the rules here weigh such entries no differently yet, so the mark is dropped.
fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| {
            l.trim()
                .trim_start_matches('~')
                .trim_end_matches('~')
                .trim()
        })
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn set(data: &'static str) -> HashSet<String> {
    entries(data)
        .map(|l| l.split('\t').next().unwrap_or(l).to_lowercase())
        .collect()
}

fn normalize_title(s: &str) -> String {
    s.split_whitespace()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let countries = set(include_str!("../data/gazetteer/countries.txt"));
        let mut places = countries.clone();
        places.extend(set(include_str!("../data/gazetteer/regions.txt")));
        places.extend(set(include_str!("../data/gazetteer/cities.txt")));
        let mut place_names = HashMap::new();
        for data in [
            include_str!("../data/gazetteer/countries.txt"),
            include_str!("../data/gazetteer/regions.txt"),
        ] {
            for l in entries(data) {
                let mut cols = l.split('\t');
                let name = cols.next().unwrap_or(l).trim();
                for alias in cols
                    .flat_map(|c| c.split(','))
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                {
                    places.insert(alias.to_lowercase());
                    place_names
                        .entry(alias.to_lowercase())
                        .or_insert_with(|| name.to_string());
                }
            }
        }
        let mut organizations = HashMap::new();
        for l in entries(include_str!("../data/gazetteer/organizations.txt")) {
            let mut cols = l.split('\t');
            let name = cols.next().unwrap_or(l).trim();
            organizations.insert(name.to_lowercase(), name.to_string());
            for alias in cols
                .flat_map(|c| c.split(','))
                .map(str::trim)
                .filter(|a| !a.is_empty())
            {
                organizations
                    .entry(alias.to_lowercase())
                    .or_insert_with(|| name.to_string());
            }
        }
        let mut classes: HashMap<String, u16, FxBuild> = HashMap::default();
        let mut add = |k: &str, bit: u16| *classes.entry(k.to_string()).or_insert(0) |= bit;
        for k in &places {
            add(k, class::PLACE);
        }
        for k in &countries {
            add(k, class::COUNTRY);
        }
        for k in organizations.keys() {
            add(k, class::ORG);
        }
        for (data, bit) in [
            (
                include_str!("../data/gazetteer/given-names.txt"),
                class::GIVEN,
            ),
            (
                include_str!("../data/gazetteer/surnames.txt"),
                class::SURNAME,
            ),
            (
                include_str!("../data/gazetteer/org-words.txt"),
                class::ORG_WORD,
            ),
            (
                include_str!("../data/gazetteer/place-words.txt"),
                class::PLACE_WORD,
            ),
            (
                include_str!("../data/gazetteer/demonyms.txt"),
                class::DEMONYM,
            ),
            (
                include_str!("../data/gazetteer/ambiguous-names.txt"),
                class::AMBIGUOUS_NAME,
            ),
        ] {
            for k in set(data) {
                add(&k, bit);
            }
        }
        for l in entries(include_str!("../data/gazetteer/titles.txt")) {
            add(&normalize_title(l), class::TITLE);
        }
        for w in COMMON_OPENERS {
            add(w, class::OPENER);
        }
        for w in MONTHS.iter().chain(WEEKDAYS.iter()) {
            add(w, class::MONTH_DAY);
        }
        Lists {
            classes,
            places,
            place_names,
            countries,
            demonyms: entries(include_str!("../data/gazetteer/demonyms.txt"))
                .filter_map(|l| {
                    let (a, b) = l.split_once('\t')?;
                    Some((a.trim().to_lowercase(), b.trim().to_string()))
                })
                .collect(),
            given_names: set(include_str!("../data/gazetteer/given-names.txt")),
            surnames: set(include_str!("../data/gazetteer/surnames.txt")),
            organizations,
            org_words: set(include_str!("../data/gazetteer/org-words.txt")),
            place_words: set(include_str!("../data/gazetteer/place-words.txt")),
            titles: entries(include_str!("../data/gazetteer/titles.txt"))
                .map(normalize_title)
                .collect(),
        }
    })
}

/// The [`class`] bits of a lowercase word or name (words joined by single spaces, title
/// abbreviations without their dot): 0 when it is in no list.
pub fn word_classes(lower: &str) -> u16 {
    lists().classes.get(lower).copied().unwrap_or(0)
}

/// A country, region or city name (any case).
pub fn is_place(name: &str) -> bool {
    lists().places.contains(&name.to_lowercase())
}

/// The canonical name of a place written another way ("U.S." -> "United States").
pub fn place_canonical(name: &str) -> Option<&'static str> {
    let k: String = name
        .chars()
        .filter(|c| *c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    lists().place_names.get(&k).map(String::as_str)
}

pub fn is_country(name: &str) -> bool {
    lists().countries.contains(&name.to_lowercase())
}

/// The country of a nationality word ("Afghan" -> "Afghanistan").
pub fn demonym_country(word: &str) -> Option<&'static str> {
    lists()
        .demonyms
        .get(&word.to_lowercase())
        .map(String::as_str)
}

pub fn is_given_name(word: &str) -> bool {
    lists().given_names.contains(&word.to_lowercase())
}

pub fn is_surname(word: &str) -> bool {
    lists().surnames.contains(&word.to_lowercase())
}

/// The canonical name of a known organization, given its name or an acronym.
pub fn organization(name: &str) -> Option<&'static str> {
    lists()
        .organizations
        .get(&name.to_lowercase())
        .map(String::as_str)
}

/// A last word that makes a capitalized name an organization ("Group", "University").
pub fn is_org_word(word: &str) -> bool {
    lists().org_words.contains(&word.to_lowercase())
}

/// A word that, last in a name or right after it, makes it a place ("Province", "river").
pub fn is_place_word(word: &str) -> bool {
    lists().place_words.contains(&word.to_lowercase())
}

/// Number of tokens of a title or rank starting at token `t` ("Senior Airman", "Staff Sgt.",
/// "President"), counting abbreviation dots; the longest match wins.
pub fn title_length(doc: &crate::text::Doc, t: usize) -> Option<usize> {
    let mut words: Vec<String> = Vec::with_capacity(3);
    let mut best = None;
    let mut k = t;
    while words.len() < 3 && k < doc.tokens.len() {
        let w = doc.tok(k);
        if doc.tokens[k].kind != crate::text::TokKind::Word {
            break;
        }
        words.push(w.trim_end_matches('.').to_lowercase());
        k += 1;
        let with_dot = k < doc.tokens.len() && doc.tok(k) == "." && !doc.tokens[k].space_before;
        if lists().titles.contains(&words.join(" ")) {
            best = Some(if with_dot { k + 1 - t } else { k - t });
        }
        if with_dot {
            k += 1;
        }
    }
    best
}

/// A single-word title or rank ("President", "Sgt.").
pub fn is_title_word(w: &str) -> bool {
    lists().titles.contains(&normalize_title(w))
}

/// Words that show a parenthetical is a photo credit: agencies and picture words.
pub fn is_credit_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
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
    )
}

/// Words dropped from the ends of a credit part: "AP Photo" -> "AP", "File Photo".
pub fn is_credit_filler(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "photo" | "photos" | "photograph" | "file" | "credit" | "courtesy" | "image" | "by" | "/"
    )
}

/// Capitalized words that begin sentences but never begin names: function words, pronouns,
/// and frequent sentence openers. Lowercase.
pub fn is_common_opener(w: &str) -> bool {
    COMMON_OPENERS
        .binary_search(&w.to_lowercase().as_str())
        .is_ok()
}

// Sorted for binary search (checked by a test).
const COMMON_OPENERS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "afterwards",
    "again",
    "against",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "around",
    "as",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "behind",
    "being",
    "below",
    "beside",
    "besides",
    "between",
    "beyond",
    "both",
    "but",
    "by",
    "can",
    "could",
    "despite",
    "did",
    "do",
    "does",
    "during",
    "each",
    "earlier",
    "either",
    "else",
    "elsewhere",
    "even",
    "ever",
    "every",
    "everyone",
    "everything",
    "few",
    "finally",
    "first",
    "for",
    "from",
    "further",
    "furthermore",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "indeed",
    "instead",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "later",
    "least",
    "less",
    "let",
    "like",
    "many",
    "may",
    "meanwhile",
    "more",
    "moreover",
    "most",
    "much",
    "must",
    "my",
    "neither",
    "never",
    "nevertheless",
    "next",
    "no",
    "nobody",
    "none",
    "nonetheless",
    "nor",
    "not",
    "nothing",
    "now",
    "of",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "otherwise",
    "our",
    "out",
    "over",
    "perhaps",
    "please",
    "rather",
    "recently",
    "several",
    "she",
    "should",
    "similarly",
    "since",
    "so",
    "some",
    "someone",
    "something",
    "sometimes",
    "soon",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "today",
    "together",
    "tomorrow",
    "too",
    "under",
    "unless",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "whatever",
    "when",
    "whenever",
    "where",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "whoever",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yes",
    "yesterday",
    "yet",
    "you",
    "your",
];

#[cfg(test)]
mod tests {
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
