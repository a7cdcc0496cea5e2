//! How the word lists of `data/gazetteer/` are read: the one definition, shared by `build.rs`
//! (which turns the lists into static tables at build time, so the page pays no parsing or
//! hashing on its first analysis) and by the tests of [`crate::lexicon`] (which check the
//! tables against this reading). The text files stay the source of truth.
//!
//! Every key is lowercase (`str::to_lowercase`); titles have their dots removed and words
//! joined by one space. A key carries the [`class`] bits of the lists it is in; places,
//! organizations and nationality words may also map to a canonical name.
#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};

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

/// Bits of `lexicon::word_classes`: which lists a lowercase word or name is in.
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

/// The texts of the list files, by name.
pub struct Files<'a> {
    pub countries: &'a str,
    pub regions: &'a str,
    pub cities: &'a str,
    pub organizations: &'a str,
    pub given_names: &'a str,
    pub surnames: &'a str,
    pub org_words: &'a str,
    pub place_words: &'a str,
    pub demonyms: &'a str,
    pub ambiguous_names: &'a str,
    pub titles: &'a str,
}

/// The lists as lookup tables.
pub struct Tables {
    /// Every key of every list with its [`class`] bits.
    pub classes: BTreeMap<String, u16>,
    /// Alternative names of places mapped to the canonical name ("us" -> "United States").
    pub place_names: HashMap<String, String>,
    /// Known organization names and acronyms mapped to the canonical name.
    pub organizations: HashMap<String, String>,
    /// Nationality words mapped to their country ("afghan" -> "Afghanistan").
    pub demonyms: HashMap<String, String>,
}

/// Entries of a list file: one a line, `#` comments. A `~` before or after an entry marks it as
/// ambiguous (a country that is also a given name, a last word that also ends place names);
/// the rules here weigh such entries no differently yet, so the mark is dropped.
fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(|l| {
            l.trim()
                .trim_start_matches('~')
                .trim_end_matches('~')
                .trim()
        })
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The lowercase first column of every entry.
fn keys(data: &str) -> impl Iterator<Item = String> + '_ {
    entries(data).map(|l| l.split('\t').next().unwrap_or(l).to_lowercase())
}

pub fn normalize_title(s: &str) -> String {
    s.split_whitespace()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn tables(f: &Files) -> Tables {
    let mut classes: BTreeMap<String, u16> = BTreeMap::new();
    let mut add = |k: &str, bit: u16| *classes.entry(k.to_string()).or_insert(0) |= bit;
    for k in keys(f.countries) {
        add(&k, class::PLACE | class::COUNTRY);
    }
    for k in keys(f.regions).chain(keys(f.cities)) {
        add(&k, class::PLACE);
    }
    let mut place_names = HashMap::new();
    for data in [f.countries, f.regions] {
        for l in entries(data) {
            let mut cols = l.split('\t');
            let name = cols.next().unwrap_or(l).trim();
            for alias in cols
                .flat_map(|c| c.split(','))
                .map(str::trim)
                .filter(|a| !a.is_empty())
            {
                add(&alias.to_lowercase(), class::PLACE);
                place_names
                    .entry(alias.to_lowercase())
                    .or_insert_with(|| name.to_string());
            }
        }
    }
    let mut organizations = HashMap::new();
    for l in entries(f.organizations) {
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
    for k in organizations.keys() {
        add(k, class::ORG);
    }
    for (data, bit) in [
        (f.given_names, class::GIVEN),
        (f.surnames, class::SURNAME),
        (f.org_words, class::ORG_WORD),
        (f.place_words, class::PLACE_WORD),
        (f.demonyms, class::DEMONYM),
        (f.ambiguous_names, class::AMBIGUOUS_NAME),
    ] {
        for k in keys(data) {
            add(&k, bit);
        }
    }
    for l in entries(f.titles) {
        add(&normalize_title(l), class::TITLE);
    }
    for w in COMMON_OPENERS {
        add(w, class::OPENER);
    }
    for w in MONTHS.iter().chain(WEEKDAYS.iter()) {
        add(w, class::MONTH_DAY);
    }
    let demonyms = entries(f.demonyms)
        .filter_map(|l| {
            let (a, b) = l.split_once('\t')?;
            Some((a.trim().to_lowercase(), b.trim().to_string()))
        })
        .collect();
    Tables {
        classes,
        place_names,
        organizations,
        demonyms,
    }
}

/// Capitalized words that begin sentences but never begin names: function words, pronouns,
/// and frequent sentence openers. Lowercase, sorted (checked by a test).
pub const COMMON_OPENERS: &[&str] = &[
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
