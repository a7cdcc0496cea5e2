//! People, organizations and places, every mention, merged per entity, ranked by salience.
//!
//! Three stages, each one linear in the text:
//!
//! 1. **Candidates**: the spans of the statistical tagger ([`crate::ner`]; measurements in
//!    `docs/ner.md`), without titles ("President", "Senior Airman"), a leading "the",
//!    lone nationality words, or capitalized words the text also writes in lower case. The
//!    rule stage still runs: capitalized runs on one sentence, joined across the connectors
//!    names use ("Center *for* Strategic *and* International Studies", "Colin P. Clarke"),
//!    cut where a known name ends and another begins. Where the tagger found nothing, a rule
//!    candidate is kept when its own evidence is strong (a gazetteer name, an organization or
//!    place word, a title, a place word after it: "X province") or, as a *weak* candidate,
//!    when the document links it to a tagged name in stage 3 (an alias, an acronym);
//!    otherwise it is dropped. Tagger spans are cut at inner lower-case words that no name
//!    holds ("Kim Jong-un met Moon Jae-in" is two names), lose a trailing model code ("C-17"),
//!    and an organization's "X of Y" goes on across "and" when the rule run does and the rest
//!    is no known name of its own ("Department of Health and Human Services"). A possessive
//!    ending is never part of a name ("Sweden's" is "Sweden", which then takes the kind of
//!    its group). A person's name is cut from an affiliation before it in the same span or
//!    run: a title or a possessive followed by a given name and one or two more plain words
//!    ("NASA Director Jane Doe", "Acme's Jane Doe"; the affiliation becomes an organization
//!    unless its own words say otherwise), an organization's head word followed by a given
//!    name ("the Refugee Council Jane Doe"), "Minister of X Jane Doe" (X is no entity), or a
//!    known organization's two-word name (a signature: "Jane E. Doe Goldman Sachs"). A venue
//!    word after a tagger span joins it ("the X Stadium"): venues are places, as CoNLL and
//!    UNER tag stadiums, arenas and airports (GUM, too, marks "the stadium" a place).
//! 2. **Kinds**: the tagger's, unless the name itself is strong evidence (gazetteers of places
//!    and organizations, a last word like "Group" or "University", a given name followed by
//!    name words, a title before it, a Korean-style "Park Joo-ho": a short family name and two
//!    short syllables joined by a hyphen) or its context says so ("X province", "X, a
//!    militant group", "X, Panama coach": a name modifying a head noun is no list item for
//!    "Syria, Iraq and Yemen"-style coordination): the tagger sees two words each side, the
//!    lists know more names. Photo credits
//!    come from [`crate::structure`]: the photographer is a person, the agency an
//!    organization, whatever the tagger says.
//! 3. **Document-level merging**, which sentence taggers lack: a name recognized once is
//!    recognized everywhere; a surname links to the full name ("Biden" -> "Joe Biden"); an
//!    acronym links to its expansion, whether the text defines it ("Long Name (LN)", when its
//!    letters fit the name: see `acronym_fits`) or its letters are the initials; "X, also
//!    known as Y or Z" makes one entity of three names; "the Taliban" and "Taliban" are one.
//!    An unknown word listed with a person ("A, B, or C", "A and C"; not across a comma
//!    alone) is a person. The last two or three words of a longer person's name link to it ("Dario Gomez" ->
//!    "Hernan Dario Gomez"), whatever kind the tagger gave them unless that kind is sure.
//!    A name tagged with different kinds takes its group's majority kind, sure evidence
//!    first; the name after "of" in an organization's name is a place wherever it stands
//!    alone ("Islamic State of X" ... "X"); an acronym never becomes a person by standing
//!    beside one ("Ann Lee of ABC and Tom Wu").
//!
//! Salience ranks the merged entities: mentions count, weighted by where they stand (headline
//! over body over captions over credits), plus a bonus for appearing early.
// Candidates, groups and names are parallel vectors indexed together.
#![allow(clippy::needless_range_loop)]

use crate::lexicon::{self, class, Entry};
use crate::ner;
use crate::schema::{BlockKind, Entity, EntityKind};
use crate::structure::{is_all_caps, StructureInfo};
use crate::text::{Doc, TokKind};
use std::cell::Cell;
use std::ops::Range;

/// Tables keyed by words and candidate indices use the Fx hash: this step hashes every
/// lowercase word of the text, and SipHash cost more than the lookups themselves.
type HashSet<K> = std::collections::HashSet<K, lexicon::FxBuild>;
#[derive(Debug, Clone, Default)]
pub struct EntitiesResult {
    pub entities: Vec<Entity>,
    /// Byte range of every mention with the index of its entity in `entities`, in text order.
    pub mentions: Vec<(Range<usize>, usize)>,
    /// Byte ranges of every mention (numbers inside names are not figures).
    pub claimed: Vec<Range<usize>>,
}

impl EntitiesResult {
    /// The entity whose mention covers byte range `r` (exactly or containing it).
    pub fn entity_covering(&self, r: &Range<usize>) -> Option<usize> {
        let i = self.mentions.partition_point(|(m, _)| m.end <= r.start);
        self.mentions
            .get(i)
            .filter(|(m, _)| m.start <= r.start && r.end <= m.end)
            .map(|(_, e)| *e)
    }

    /// Mentions (byte range, entity index) that lie inside `r`.
    pub fn mentions_in(&self, r: Range<usize>) -> impl Iterator<Item = &(Range<usize>, usize)> {
        let i = self.mentions.partition_point(|(m, _)| m.start < r.start);
        self.mentions[i..]
            .iter()
            .take_while(move |(m, _)| m.end <= r.end)
    }

    pub fn kind_of(&self, e: usize) -> Option<EntityKind> {
        self.entities.get(e).map(|x| x.kind)
    }
}

/// A name found in the text, before merging.
#[derive(Debug, Clone)]
struct Cand {
    /// Token indices, end exclusive.
    toks: Range<usize>,
    bytes: Range<usize>,
    kind: Option<EntityKind>,
    /// Set when the kind came from strong evidence (credit, gazetteer, title, org word).
    sure: bool,
    /// A rule candidate where the tagger found no name: kept only when the document links it
    /// to a name the tagger found (an alias, an acronym, the same name elsewhere).
    weak: bool,
    /// [`Entry::to_bits`] + 1 of the text at `bytes`, 0 until looked up: [`classify`] and
    /// [`merge`] both ask the lists about a name of several words (round 27).
    entry: u32,
}

/// [`is_all_caps`], answered at once for a word whose second byte is a lower-case ASCII
/// letter ("Trump"): most capitalized words, where `is_all_caps` first tests the whole word
/// for ASCII (a call in the page's build).
fn all_caps(w: &str) -> bool {
    !w.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase) && is_all_caps(w)
}

/// Does `w` start with an uppercase letter? Most words are ASCII: their first byte tells.
fn is_cap(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
        Some(_) => w.chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

/// Does `w` start with a lowercase letter? As [`is_cap`], ASCII first.
fn starts_lower(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(&b) if b < 0x80 => b.is_ascii_lowercase(),
        Some(_) => w.chars().next().is_some_and(char::is_lowercase),
        None => false,
    }
}

/// Lowercase words joined by connectors inside names.
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "for"
            | "and"
            | "the"
            | "de"
            | "del"
            | "della"
            | "di"
            | "da"
            | "du"
            | "des"
            | "la"
            | "le"
            | "al"
            | "el"
            | "bin"
            | "ibn"
            | "von"
            | "van"
            | "der"
            | "den"
            | "&"
            | "on"
            | "y"
            | "e"
            | "wa"
    )
}

/// Lowercase head nouns of an appositive ("X, a militant group") that tell X's kind.
fn appositive_kind(w: &str) -> Option<EntityKind> {
    APPOSITIVES
        .binary_search_by(|(k, _)| k.cmp(&w))
        .ok()
        .and_then(|i| APPOSITIVES.get(i))
        .map(|&(_, kind)| kind)
}

/// The head nouns of [`appositive_kind`] with their kinds, sorted for a binary search: a
/// `match` on the strings compiled to 3.3 KB of wasm (docs/performance.md, round 13).
static APPOSITIVES: [(&str, EntityKind); 111] = {
    use EntityKind::{Organization as O, Person as P, Place as L};
    [
        ("actor", P),
        ("actress", P),
        ("adviser", P),
        ("advisor", P),
        ("agency", O),
        ("airline", O),
        ("alliance", O),
        ("ambassador", P),
        ("analyst", P),
        ("area", L),
        ("author", P),
        ("bank", O),
        ("broadcaster", O),
        ("candidate", P),
        ("capital", L),
        ("chairman", P),
        ("chairwoman", P),
        ("charity", O),
        ("chief", P),
        ("city", L),
        ("club", O),
        ("coach", P),
        ("coalition", O),
        ("commander", P),
        ("committee", O),
        ("company", O),
        ("consultancy", O),
        ("corporation", O),
        ("council", O),
        ("country", L),
        ("county", L),
        ("daughter", P),
        ("department", O),
        ("diplomat", P),
        ("director", P),
        ("district", L),
        ("doctor", P),
        ("economist", P),
        ("editor", P),
        ("envoy", P),
        ("executive", P),
        ("expert", P),
        ("faction", O),
        ("father", P),
        ("firm", O),
        ("founder", P),
        ("general", P),
        ("governor", P),
        ("group", O),
        ("husband", P),
        ("institute", O),
        ("insurer", O),
        ("island", L),
        ("journalist", P),
        ("lawmaker", P),
        ("lawyer", P),
        ("leader", P),
        ("manufacturer", O),
        ("mayor", P),
        ("militia", O),
        ("minister", P),
        ("ministry", O),
        ("mother", P),
        ("movement", O),
        ("municipality", L),
        ("neighborhood", L),
        ("neighbourhood", L),
        ("network", O),
        ("newspaper", O),
        ("non-profit", O),
        ("nonprofit", O),
        ("official", P),
        ("organisation", O),
        ("organization", O),
        ("outfit", O),
        ("party", O),
        ("player", P),
        ("port", L),
        ("president", P),
        ("professor", P),
        ("province", L),
        ("region", L),
        ("regulator", O),
        ("reporter", P),
        ("researcher", P),
        ("resident", P),
        ("retailer", O),
        ("river", L),
        ("scientist", P),
        ("secretary", P),
        ("senator", P),
        ("singer", P),
        ("son", P),
        ("spokesman", P),
        ("spokesperson", P),
        ("spokeswoman", P),
        ("startup", O),
        ("state", L),
        ("student", P),
        ("suburb", L),
        ("teacher", P),
        ("team", O),
        ("territory", L),
        ("think-tank", O),
        ("town", L),
        ("union", O),
        ("university", O),
        ("valley", L),
        ("village", L),
        ("watchdog", O),
        ("wife", P),
    ]
};

/// "2-0", "6-4": a sports score (two numbers of one or two digits, joined by a hyphen or an
/// en dash).
fn is_score(w: &str) -> bool {
    // Read as bytes: asked of every token of a sentence with names, and a `split_once` on two
    // chars decodes every word char by char (2.4% of the page's build; docs/performance.md).
    let b = w.as_bytes();
    let digits = |x: &[u8]| (1..=2).contains(&x.len()) && x.iter().all(u8::is_ascii_digit);
    let Some(i) = b.iter().position(|c| !c.is_ascii_digit()) else {
        return false;
    };
    let (a, rest) = b.split_at(i);
    let rest = match rest {
        [b'-', r @ ..] | [0xE2, 0x80, 0x93, r @ ..] => r,
        _ => return false,
    };
    digits(a) && digits(rest)
}

/// Sports results, where a city names its team: "Arsenal 2 West Ham 0" (a line of two or
/// more names each followed by a score) or "Leeds beat Chelsea 2-0" (a score and a verb of
/// winning or losing in the sentence). There the names of cities, and the unknown names of a
/// results line, are organizations; countries stay places (national teams, as the news
/// corpora tag them) and people stay people.
fn sports_teams(ctx: &Ctx, cands: &mut [Cand]) {
    let doc = ctx.doc;
    let mut i = 0;
    while i < cands.len() {
        let Some(sent) = doc.tokens.get(cands[i].toks.start).map(|t| t.sentence) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < cands.len()
            && doc.tokens.get(cands[j].toks.start).map(|t| t.sentence) == Some(sent)
        {
            j += 1;
        }
        let group = i..j;
        i = j;
        let Some(r) = doc.sentences.get(sent as usize) else {
            continue;
        };
        let scored = |c: &Cand| {
            let w = doc.tok_or_empty(c.toks.end);
            is_score(w) || (w.len() <= 2 && !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
        };
        let table = cands[group.clone()].iter().filter(|c| scored(c)).count() >= 2;
        let game = !table
            // A score starts with a digit: only number tokens are read.
            && r.clone().any(|t| {
                doc.tokens.get(t).is_some_and(|x| x.kind == TokKind::Number)
                    && is_score(doc.tok_or_empty(t))
            })
            && r.clone().any(|t| {
                matches!(
                    doc.tok_or_empty(t),
                    "beat"
                        | "beats"
                        | "drew"
                        | "draw"
                        | "defeated"
                        | "defeat"
                        | "lost"
                        | "won"
                        | "routed"
                        | "thrashed"
                        | "edged"
                        | "tied"
                        | "held"
                )
            });
        if !table && !game {
            continue;
        }
        for c in &mut cands[group] {
            let name = &doc.text[c.bytes.clone()];
            let country = lexicon::is_country(name)
                || lexicon::place_canonical(name).is_some_and(lexicon::is_country);
            // "Boris Becker ( Germany )": a place in brackets is a player's country.
            // "... in Leeds": a place after a preposition is where the game was played.
            let before = c
                .toks
                .start
                .checked_sub(1)
                .map_or("", |t| doc.tok_or_empty(t));
            let bracketed = matches!(before, "(" | "in" | "at" | "near" | "from");
            let city = c.kind == Some(EntityKind::Place)
                && !country
                && !bracketed
                && lexicon::demonym_country(name).is_none();
            let unknown = table && scored(c) && (c.kind.is_none() || c.weak) && !c.sure;
            if city || unknown {
                c.kind = Some(EntityKind::Organization);
                c.weak = false;
            }
        }
    }
}

/// "C-17", "A320", "MH17": letters and digits in one word, not an ordinal ("816th").
fn is_model_code(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit())
        && w.chars().any(|c| c.is_alphabetic())
        && !is_ordinal_token(w)
}

/// "816th", "1ST": digits, then an ordinal's two letters in any case.
fn is_ordinal_token(w: &str) -> bool {
    let b = w.as_bytes();
    let d = b.iter().take_while(|c| c.is_ascii_digit()).count();
    // `| 0x20` lowercases a letter; only 'S' and 's' give 's', and so on.
    d > 0
        && matches!(
            b.get(d..),
            Some(&[x, y]) if matches!([x | 0x20, y | 0x20], [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h'])
        )
}

fn is_roman_numeral(w: &str) -> bool {
    !w.is_empty()
        && w.chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// Could `w` be a month or weekday name? Its first three letters, in any case, must be
/// those of one of the names ([`DATE_STARTS`]; `lexicon::month_number` and `weekday_number`
/// read ASCII words of three letters or more only): most names skip both lookups, about 200
/// instructions each (the first letter alone let half the capitalized words through; the
/// first three let a tenth through on VOA news).
fn date_start(w: &str) -> bool {
    let [a, b, c, ..] = *w.as_bytes() else {
        return false;
    };
    DATE_STARTS[usize::from(a & 31)] >> date_bit(b, c) & 1 != 0
}

/// The bit of [`DATE_STARTS`] for a name's second and third letters: `& 31` drops the case
/// (the bit that tells 'a' from 'A' is `0x20`, and `3 * 0x20` is a multiple of 32 too).
const fn date_bit(b: u8, c: u8) -> u8 {
    b.wrapping_add(c.wrapping_mul(3)) & 31
}

/// Entry `a & 31` has bit [`date_bit`] set for the first three letters `a`, `b`, `c` of
/// every month and weekday name. Other words may hit a bit too: they only cost the lookups.
const DATE_STARTS: [u32; 32] = {
    let mut t = [0u32; 32];
    let mut i = 0;
    while i < lexicon::MONTHS.len() + lexicon::WEEKDAYS.len() {
        let name = if i < lexicon::MONTHS.len() {
            lexicon::MONTHS[i]
        } else {
            lexicon::WEEKDAYS[i - lexicon::MONTHS.len()]
        }
        .as_bytes();
        t[(name[0] & 31) as usize] |= 1 << date_bit(name[1], name[2]);
        i += 1;
    }
    t
};

/// Context the classifier needs about the whole document.
struct Ctx<'d, 'a> {
    doc: &'d Doc<'a>,
    structure: &'d StructureInfo,
    /// Words that occur in lower case somewhere in the text: a capitalized form of one of them
    /// is probably a sentence opener or a headline word, not a name.
    lower_vocab: LowerVocab,
    /// What the rules ask the word lists about each token, found on first use: they ask
    /// about the same capitalized words many times (docs/performance.md, round 9).
    memo: Vec<TokMemo>,
    /// [`Entry::to_bits`] + 1 of each token's text; 0 until looked up. The tagger hands on
    /// most of them ([`ner::Model::spans_and_entries`], round 23).
    entries: &'d [Cell<u32>],
    /// [`classify`]'s list of word tokens, reused.
    toks_buf: Cell<Vec<usize>>,
}

/// See [`Ctx::memo`].
#[derive(Default)]
struct TokMemo {
    /// [`lexicon::title_length`] at the token + 2, 1 for none; 0 until looked up.
    title: Cell<u8>,
    /// [`Ctx::is_name_word`] + 1; 0 until known.
    name_word: Cell<u8>,
}

impl<'d, 'a> Ctx<'d, 'a> {
    fn word(&self, t: usize) -> &'a str {
        self.doc.tok(t)
    }

    fn is_word(&self, t: usize) -> bool {
        t < self.doc.tokens.len() && self.doc.tokens[t].kind == TokKind::Word
    }

    /// The word lists' entry of token `t` ("" past the end).
    fn entry(&self, t: usize) -> Entry {
        let Some(m) = self.entries.get(t) else {
            return Entry::of(self.doc.tok(t));
        };
        match m.get() {
            0 => {
                let e = Entry::of(self.doc.tok(t));
                m.set(e.to_bits() + 1);
                e
            }
            b => Entry::from_bits(b - 1),
        }
    }

    /// The [`class`] bits of token `t`: `lexicon::name_classes(doc.tok(t))`.
    fn classes(&self, t: usize) -> u16 {
        self.entry(t).classes()
    }

    /// `lexicon::title_length(doc, t)`.
    fn title_len(&self, t: usize) -> Option<usize> {
        let Some(m) = self.memo.get(t) else {
            return lexicon::title_length(self.doc, t);
        };
        match m.title.get() {
            // The token's entry, when already looked up, may say that no title starts with
            // the word: unknown to the lists, or neither a title nor the start of one
            // (title_length looks up the same key first; a final dot it would drop first
            // makes another key). Most capitalized words the lists know end here (round 27).
            0 if self
                .entries
                .get(t)
                .map(Cell::get)
                .is_some_and(|b| b != 0 && !Entry::from_bits(b - 1).may_open_title())
                && !self.doc.tok(t).ends_with('.') =>
            {
                m.title.set(1);
                None
            }
            0 => {
                let r = lexicon::title_length(self.doc, t);
                if let Some(v) = r.map_or(Some(1), |n| u8::try_from(n + 2).ok()) {
                    m.title.set(v);
                }
                r
            }
            1 => None,
            v => Some(usize::from(v) - 2),
        }
    }

    /// `lexicon::is_title_word(doc.tok(t))`: for a word without a final dot (no spaces
    /// either), the class of the key its entry already holds.
    fn is_title_at(&self, t: usize) -> bool {
        let w = self.doc.tok(t);
        if self.is_word(t) && !w.ends_with('.') {
            self.classes(t) & class::TITLE != 0
        } else {
            lexicon::is_title_word(w)
        }
    }

    /// A word is common when its lowercase form is used in the text, or it is a function word.
    fn is_common_at(&self, t: usize) -> bool {
        self.classes(t) & class::OPENER != 0 || self.in_lower_vocab(self.doc.tok(t))
    }

    fn in_lower_vocab(&self, w: &str) -> bool {
        lexicon::with_lowercase(w, |lw| self.lower_vocab.probe(self.doc, lw).1)
    }

    /// Could token `t` be (part of) a name?
    fn is_name_word(&self, t: usize) -> bool {
        let Some(m) = self.memo.get(t) else {
            return false;
        };
        match m.name_word.get() {
            0 => {
                let b = self.name_word_uncached(t);
                m.name_word.set(u8::from(b) + 1);
                b
            }
            v => v == 2,
        }
    }

    fn name_word_uncached(&self, t: usize) -> bool {
        if !self.is_word(t) {
            return false;
        }
        let w = self.word(t);
        // An uppercase first char is neither an apostrophe nor a digit; ASCII digits are
        // never part of a longer UTF-8 sequence, so the bytes tell.
        if !is_cap(w) || w.bytes().any(|b| b.is_ascii_digit()) {
            return false;
        }
        !(date_start(w)
            && (lexicon::month_number(w).is_some() && w.len() > 2
                || lexicon::weekday_number(w).is_some()))
    }

    /// Could token `t` start a name?
    fn can_start(&self, t: usize) -> bool {
        // Most tokens are lower-case words, asked once: neither a name word nor a number,
        // known without the memo.
        if self
            .word(t)
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_lowercase)
        {
            return false;
        }
        if !self.is_name_word(t) {
            // "816th Expeditionary Airlift Squadron": an ordinal may open an organization.
            return t < self.doc.tokens.len()
                && self.doc.tokens[t].kind == TokKind::Number
                && is_ordinal_token(self.word(t))
                && self.is_name_word(t + 1);
        }
        let w = self.word(t);
        if all_caps(w) {
            return !is_roman_numeral(w) || w.len() > 4;
        }
        let classes = self.classes(t);
        if classes & class::OPENER != 0 {
            return false;
        }
        let in_heading = matches!(
            self.structure.block_kind_at(self.doc.tokens[t].start),
            Some(BlockKind::Headline | BlockKind::Subheading)
        );
        // `is_common` and `known` of `w`, whose entry is already at hand.
        if (self.doc.is_sentence_initial(t) || in_heading)
            && self.in_lower_vocab(w)
            && !known(classes)
        {
            return false;
        }
        true
    }

    /// [`known`] of a name: one token's entry is already at hand.
    fn known_name(&self, toks: Range<usize>, name: &str) -> bool {
        known(if toks.len() == 1 && name == self.doc.tok(toks.start) {
            self.classes(toks.start)
        } else {
            lexicon::name_classes(name)
        })
    }
}

/// The words written in lower case somewhere in the text ([`Ctx::lower_vocab`]): an
/// open-addressing table of token indices + 1 (0 for an empty slot), found by the Fx hash of
/// the word, with twice as many slots as the text has tokens: at most half full, never grown. Every lower-case word of the text is inserted, and a
/// `HashSet<&str>` cost twice the instructions per insert (docs/performance.md, round 13).
struct LowerVocab {
    slots: Vec<u32>,
    /// 64 minus the log2 of the slot count: a slot is the hash's top bits.
    shift: u32,
}

impl LowerVocab {
    fn new(doc: &Doc) -> Self {
        let n = (2 * doc.tokens.len()).next_power_of_two().max(64);
        let mut v = LowerVocab {
            slots: vec![0; n],
            shift: 64 - n.trailing_zeros(),
        };
        for (i, t) in doc.tokens.iter().enumerate() {
            // `starts_lower`, its ASCII test in line: a call per token in the page's build.
            let w = doc.tok(i);
            let lower = match w.as_bytes().first() {
                Some(&b) if b < 0x80 => b.is_ascii_lowercase(),
                _ => starts_lower(w),
            };
            if t.kind == TokKind::Word && lower {
                v.insert(doc, i);
            }
        }
        v
    }

    fn slot_of(&self, w: &str) -> usize {
        (word_hash(w.as_bytes()) >> self.shift) as usize
    }

    /// The slot of `w` and whether `w` is there, or the empty slot where it would go.
    fn probe(&self, doc: &Doc, w: &str) -> (usize, bool) {
        let mask = self.slots.len() - 1;
        let mut s = self.slot_of(w);
        // Ends: the table always has an empty slot.
        loop {
            match self.slots.get(s) {
                Some(&t) if t != 0 => {
                    if same_bytes(doc.tok(t as usize - 1).as_bytes(), w.as_bytes()) {
                        return (s, true);
                    }
                }
                _ => return (s, false),
            }
            s = (s + 1) & mask;
        }
    }

    fn insert(&mut self, doc: &Doc, t: usize) {
        if let (s, false) = self.probe(doc, doc.tok(t)) {
            if let Some(x) = self.slots.get_mut(s) {
                *x = t as u32 + 1;
            }
        }
    }
}

/// A hash for [`LowerVocab`] and [`Keys`]: two multiplications over the word's length and its
/// first and last four bytes (two loads; shorter words packed by up to three). Words
/// differing only in the middle are rare, and a collision costs only a comparison; the Fx mix
/// over every eight bytes and the rest was half of `LowerVocab::probe`'s instructions (round
/// 27). Each product's top bits, the slot, depend on every bit of its factor (at most 40
/// bits wide). In line: a call per word in the page's build.
#[inline(always)]
fn word_hash(b: &[u8]) -> u64 {
    let (first, last) = match *b {
        [a, c, d, e, ..] => {
            let last = match b.get(b.len() - 4..) {
                Some(&[p, q, r, s]) => u32::from_le_bytes([p, q, r, s]),
                _ => 0,
            };
            (u32::from_le_bytes([a, c, d, e]), last)
        }
        [a, c, d] => (u32::from_le_bytes([a, c, d, 0]), 0),
        [a, c] => (u32::from(u16::from_le_bytes([a, c])), 0),
        [a] => (u32::from(a), 0),
        [] => (0, 0),
    };
    (u64::from(first) | (b.len() as u64) << 32).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
        ^ u64::from(last).wrapping_mul(0x9e_37_79_b9_7f_4a_7c_15)
}

/// Same bytes? Compared in line, as `lexicon`'s index does: `==` on slices is a call to a
/// `memcmp` that goes byte by byte in the page's build (round 16).
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// The merge's tables from name keys to candidates: the keys in one buffer and an
/// open-addressing table of their indices + 1 (0 for an empty slot), at most half full for
/// the number of insertions it is made for. A `HashMap<String, usize>` copied every new key
/// into a string of its own and freed them all at the end (round 27).
struct Keys {
    bytes: Vec<u8>,
    /// Each key's end in `bytes` (its start is the previous key's end) and value.
    keys: Vec<(u32, usize)>,
    slots: Vec<u32>,
    shift: u32,
}

impl Keys {
    /// A table for at most `n` insertions.
    fn new(n: usize) -> Self {
        let size = (2 * n).next_power_of_two().max(16);
        // Sized once (names run about a dozen bytes): growing them was a reallocation
        // every doubling, four tables a document.
        Keys {
            bytes: Vec::with_capacity(16 * n),
            keys: Vec::with_capacity(n),
            slots: vec![0; size],
            shift: 64 - size.trailing_zeros(),
        }
    }

    /// The slot of `k` with its key index, or the empty slot where it would go.
    fn find(&self, k: &str) -> (usize, Option<usize>) {
        let mask = self.slots.len() - 1;
        let mut s = (word_hash(k.as_bytes()) >> self.shift) as usize;
        // Ends: the table always has an empty slot.
        loop {
            match self.slots.get(s) {
                Some(&j) if j != 0 => {
                    let j = j as usize - 1;
                    let a = j
                        .checked_sub(1)
                        .and_then(|p| self.keys.get(p))
                        .map_or(0, |x| x.0 as usize);
                    let b = self.keys.get(j).map_or(0, |x| x.0 as usize);
                    if same_bytes(self.bytes.get(a..b).unwrap_or_default(), k.as_bytes()) {
                        return (s, Some(j));
                    }
                }
                _ => return (s, None),
            }
            s = (s + 1) & mask;
        }
    }

    fn get(&self, k: &str) -> Option<usize> {
        self.find(k).1.and_then(|j| self.keys.get(j)).map(|x| x.1)
    }

    /// Sets the value of `k`, which replaces the one it had.
    fn set(&mut self, k: &str, v: usize) {
        match self.find(k) {
            (_, Some(j)) => {
                if let Some(x) = self.keys.get_mut(j) {
                    x.1 = v;
                }
            }
            (s, None) => {
                self.bytes.extend_from_slice(k.as_bytes());
                self.keys.push((self.bytes.len() as u32, v));
                if let Some(x) = self.slots.get_mut(s) {
                    *x = self.keys.len() as u32;
                }
                // `find` ends at an empty slot: a caller that sets more keys than the table
                // was made for gets a larger table, never a full one.
                if 2 * self.keys.len() > self.slots.len() {
                    self.grow();
                }
            }
        }
    }

    /// Twice the slots, every key in its slot again.
    #[cold]
    fn grow(&mut self) {
        let size = 2 * self.slots.len();
        self.slots = vec![0; size];
        self.shift = 64 - size.trailing_zeros();
        let mask = size - 1;
        let mut start = 0;
        for (j, &(end, _)) in self.keys.iter().enumerate() {
            let key = self.bytes.get(start..end as usize).unwrap_or_default();
            start = end as usize;
            let mut s = (word_hash(key) >> self.shift) as usize;
            while self.slots.get(s).is_some_and(|&x| x != 0) {
                s = (s + 1) & mask;
            }
            if let Some(x) = self.slots.get_mut(s) {
                *x = j as u32 + 1;
            }
        }
    }
}

/// Class bits of a name the lists know as a place, an organization or a given name.
fn known(classes: u16) -> bool {
    classes & (class::PLACE | class::ORG | class::GIVEN) != 0
}

pub fn extract(doc: &Doc, structure: &StructureInfo) -> EntitiesResult {
    let lower_vocab = LowerVocab::new(doc);
    // The tagger looks up most tokens' entries on its way, from words it keeps across
    // documents (round 23).
    let mut entries = vec![0; doc.tokens.len()];
    let spans = ner::model().spans_and_entries(doc, &mut entries);
    let mut memo = Vec::new();
    memo.resize_with(doc.tokens.len(), TokMemo::default);
    let ctx = Ctx {
        doc,
        structure,
        lower_vocab,
        memo,
        entries: Cell::from_mut(&mut entries[..]).as_slice_of_cells(),
        toks_buf: Cell::default(),
    };
    let mut cands = candidates(&ctx, spans);
    for c in cands.iter_mut() {
        if c.kind.is_none() {
            classify(&ctx, c);
        }
    }
    byline_publications(&ctx, &mut cands);
    sports_teams(&ctx, &mut cands);
    let mut groups = merge(&ctx, &mut cands);
    // Groups are named by their root candidate: tables indexed by candidate, not hashed.
    let mut strong = vec![false; cands.len()];
    for i in 0..cands.len() {
        if !cands[i].weak && cands[i].kind.is_some() {
            if let Some(x) = strong.get_mut(groups.find(i)) {
                *x = true;
            }
        }
    }
    for i in 0..cands.len() {
        if cands[i].weak && !strong.get(groups.find(i)).copied().unwrap_or(false) {
            cands[i].kind = None;
        }
    }
    build(&ctx, &cands, groups)
}

/// "By Nora Lindqvist, Valley Courier": in a byline, the names after the first comma are the
/// publication or agency, not more authors ("By A and B" keeps both as people).
fn byline_publications(ctx: &Ctx, cands: &mut [Cand]) {
    let doc = ctx.doc;
    for c in cands.iter_mut() {
        let start = c.bytes.start;
        if ctx.structure.block_kind_at(start) != Some(BlockKind::Byline) {
            continue;
        }
        let Some((_, block)) = ctx
            .structure
            .blocks
            .iter()
            .find(|(k, r)| *k == BlockKind::Byline && r.start <= start && start < r.end)
        else {
            continue;
        };
        let before = doc.text.get(block.start..start).unwrap_or("");
        if before.contains(',') && c.kind.is_some() {
            c.kind = Some(EntityKind::Organization);
            c.sure = true;
        }
    }
}

/// Stage 1: names from the statistical tagger ([`crate::ner`]) and credits from the
/// structure step. Rule candidates fill the gaps the tagger left only when their own evidence
/// is strong (a gazetteer name, an organization or place word, a title), or as `weak`
/// candidates that survive only if the document links them to a tagged name (see
/// `docs/ner.md` for the measurements behind this choice).
fn candidates(ctx: &Ctx, spans: Vec<(Range<usize>, EntityKind)>) -> Vec<Cand> {
    let doc = ctx.doc;
    let rules = find_candidates(ctx);
    let mut covered = vec![false; doc.tokens.len()];
    let mut out: Vec<Cand> = Vec::new();
    for c in &rules {
        if c.sure && ctx.structure.credit_at(c.bytes.start).is_some() {
            out.push(c.clone());
            for t in c.toks.clone() {
                if let Some(x) = covered.get_mut(t) {
                    *x = true;
                }
            }
        }
    }
    let mut pieces = Vec::new();
    for (r, kind) in join_adjacent(doc, spans) {
        if r.clone().any(|t| covered.get(t).copied().unwrap_or(true)) {
            continue;
        }
        let (mut r, mut kind) = (r, kind);
        if kind == EntityKind::Organization {
            r.end = org_and_tail(ctx, r.clone(), &covered);
        }
        // "the X Stadium": the tagger often leaves the facility word out.
        if is_facility_word(doc.tok_or_empty(r.end))
            && !covered.get(r.end).copied().unwrap_or(true)
            && doc.tokens[r.end].sentence == doc.tokens[r.start].sentence
        {
            r.end += 1;
            kind = EntityKind::Place;
        }
        split_at_common_words(ctx, r.clone(), kind, &mut pieces);
        for (p, k) in pieces.drain(..) {
            if let Some(c) = model_cand(ctx, p, k) {
                out.push(c);
            }
        }
        for t in r {
            covered[t] = true;
        }
    }
    for mut c in rules {
        let is_covered = |t: usize| covered.get(t).copied().unwrap_or(true);
        if let Some(last) = c.toks.clone().rev().find(|&t| is_covered(t)) {
            // The tagger's organization ends where a person's name begins ("the Refugee
            // Council Jane Doe"): that name is a person, though the tagger left it out.
            if org_then_person(ctx, last + 1, c.toks.end) {
                out.push(Cand {
                    toks: last + 1..c.toks.end,
                    bytes: span_bytes(doc, last + 1..c.toks.end),
                    kind: Some(EntityKind::Person),
                    sure: true,
                    weak: false,
                    entry: 0,
                });
            }
            continue;
        }
        if c.kind.is_none() {
            classify(ctx, &mut c);
        }
        c.weak = !(c.sure && c.kind.is_some());
        out.push(c);
    }
    crate::sort::sort_by_key(&mut out, |c| (c.bytes.start, c.bytes.end));
    out
}

/// A place or organization span followed at once by an organization span is one
/// organization: the tagger reads "Manchester" as the city and "United" as a name of its own
/// ("Manchester United", "Kabul University" written as two tagged names).
fn join_adjacent(
    doc: &Doc,
    spans: Vec<(Range<usize>, EntityKind)>,
) -> Vec<(Range<usize>, EntityKind)> {
    let mut out: Vec<(Range<usize>, EntityKind)> = Vec::with_capacity(spans.len());
    for (r, k) in spans {
        if let Some((prev, pk)) = out.last_mut() {
            // On one line of one sentence, only a space between ("DAB\nNew People Party" and
            // "Civic Party NPP" lists stay apart: an acronym continues no name, unless it is
            // a two-letter suffix such as "FC" or "AG").
            let before = r.start.checked_sub(1).and_then(|t| doc.tokens.get(t));
            let (Some(a), Some(b)) = (before, doc.tokens.get(r.start)) else {
                out.push((r, k));
                continue;
            };
            let gap = doc.text.get(a.end..b.start).unwrap_or("\n");
            if prev.end == r.start
                && a.sentence == b.sentence
                && !gap.contains('\n')
                && !(all_caps(doc.tok(r.start)) && doc.tok(r.start).len() > 2)
                && k == EntityKind::Organization
                && matches!(*pk, EntityKind::Place | EntityKind::Organization)
            {
                prev.end = r.end;
                *pk = EntityKind::Organization;
                continue;
            }
        }
        out.push((r, k));
    }
    out
}

/// End of an organization's name that goes on past the tagger's span with "and" + more
/// capitalized words, as long names with "of" or "for" do ("Department of Health and Human
/// Services"); not when the words after "and" are a known name of their own ("Bank of
/// England and France").
fn org_and_tail(ctx: &Ctx, r: Range<usize>, covered: &[bool]) -> usize {
    let doc = ctx.doc;
    let has_of = r.clone().any(|t| matches!(doc.tok(t), "of" | "for"));
    if !has_of || doc.tok_or_empty(r.end) != "and" {
        return r.end;
    }
    let start = r.end + 1;
    let mut end = start;
    while end < start + 4
        && ctx.is_name_word(end)
        && !covered.get(end).copied().unwrap_or(true)
        && doc.tokens[end].sentence == doc.tokens[r.start].sentence
    {
        end += 1;
    }
    if end == start || lexicon::is_known_name(&doc.text[span_bytes(doc, start..end)]) {
        return r.end;
    }
    end
}

/// A tagger span cut at lower-case words that are neither connectors ("of", "al") nor place or
/// organization words ("airport", "group"): the tagger sometimes runs two names together
/// across a verb ("Kim Jong-un met Moon Jae-in"), and no name holds such a word. A person's
/// name is also cut from what stands before it in the span: an affiliation with a title or a
/// possessive ("NASA Administrator Jane Doe", "Acme's Jane Doe"; the affiliation is then an
/// organization, unless its own words say otherwise) or an organization's head word ("the
/// Refugee Council Jane Doe").
fn split_at_common_words(
    ctx: &Ctx,
    r: Range<usize>,
    kind: EntityKind,
    out: &mut Vec<(Range<usize>, EntityKind)>,
) {
    let doc = ctx.doc;
    let mut s = r.start;
    // Only between two capitalized words: "chicago" or "enron" alone stay names (web text).
    let Some(first_cap) = r.clone().find(|&t| is_cap(doc.tok(t))) else {
        out.push((r, kind));
        return;
    };
    // "Jane E. Doe Goldwater Brothers Legal" (a signature: name, then employer): a person's
    // span ends where a known organization's two-word name begins, even one the span cuts.
    if let (EntityKind::Person, Some(sentence)) =
        (kind, doc.tokens.get(r.start).map(|x| x.sentence))
    {
        if let Some(t) = (r.start + 2..r.end).find(|&t| {
            is_cap(doc.tok(t))
                && doc
                    .tokens
                    .get(t + 1)
                    .is_some_and(|x| x.sentence == sentence)
                && doc
                    .text
                    .get(span_bytes(doc, t..t + 2))
                    .is_some_and(|n| lexicon::organization(n).is_some())
        }) {
            split_at_common_words(ctx, r.start..t, kind, out);
            if t + 2 <= r.end {
                out.push((t..r.end, EntityKind::Organization));
            }
            return;
        }
    }
    let affiliation = if kind == EntityKind::Person {
        EntityKind::Organization
    } else {
        kind
    };
    let last_cap = r
        .clone()
        .rev()
        .find(|&t| is_cap(doc.tok(t)))
        .unwrap_or(first_cap);
    for t in first_cap + 1..last_cap {
        let w = doc.tok(t);
        let breaks = doc.tokens[t].kind == TokKind::Word
            && w.len() > 1
            && starts_lower(w)
            && !is_connector(w)
            && ctx.classes(t) & (class::PLACE_WORD | class::ORG_WORD) == 0
            && !(t + 1 < r.end && is_hyphen_tok(doc.tok(t + 1)));
        if breaks {
            if t > s {
                out.push((s..t, kind));
            }
            s = t + 1;
        } else if t > s && org_then_person(ctx, t, r.end) {
            out.push((s..t, kind));
            s = t;
        } else if t > s
            && is_possessive(w)
            && ctx.classes(t + 1) & class::GIVEN != 0
            && (2..=3).contains(&(r.end - t - 1))
            && is_plain_name(ctx, t + 1..r.end)
        {
            out.push((s..t, affiliation));
            s = t + 1;
        } else if t > s
            && ctx.title_len(t).is_some_and(|len| {
                (2..=3).contains(&(r.end.saturating_sub(t + len)))
                    && ctx.classes(t + len) & class::GIVEN != 0
                    && is_plain_name(ctx, t + len..r.end)
            })
        {
            out.push((s..t, affiliation));
            s = t;
        }
    }
    if r.end > s {
        out.push((s..r.end, kind));
    }
}

/// The last word of a venue's name. Venues are places, as CoNLL and UNER tag them ("RDU
/// Airport", "Compaq Center" are LOC there): where something happens, not who acts.
fn is_facility_word(w: &str) -> bool {
    matches!(
        w,
        "Stadium" | "Arena" | "Airport" | "Velodrome" | "Racecourse" | "Speedway" | "Ballpark"
    )
}

/// "Park Joo-Ho", "Moon Jae-in", "Kim Min-woo": a Korean (or Chinese) name written family name
/// first, with a given name of two short syllables joined by a hyphen. Names of places do
/// not take this shape ("Baden-Baden", "Guinea-Bissau" have longer parts).
fn hyphenated_given_name(family: &str, given: &str) -> bool {
    let short = |p: &str, hi: usize| {
        (2..=hi).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic())
    };
    let Some((a, b)) = given.split_once('-') else {
        return false;
    };
    short(family, 5)
        && is_cap(family)
        && !all_caps(family)
        && short(a, 4)
        && is_cap(a)
        && short(b, 4)
        && !all_caps(given)
        && !lexicon::is_known_name(family)
}

/// The possessive ending the tokenizer splits off a name: "'s", "’s", "'S".
fn is_possessive(w: &str) -> bool {
    let mut c = w.chars();
    matches!(c.next(), Some('\'' | '’' | 'ʼ'))
        && matches!(c.next(), Some('s' | 'S'))
        && c.next().is_none()
}

/// Tokens `r` look like a personal name: capitalized words, none of them common, a title,
/// a place or organization word, or in capitals.
fn is_plain_name(ctx: &Ctx, r: Range<usize>) -> bool {
    r.clone().all(|k| {
        let w = ctx.doc.tok(k);
        ctx.is_name_word(k)
            && !all_caps(w)
            && !ctx.is_common_at(k)
            && !ctx.is_title_at(k)
            && ctx.classes(k) & (class::ORG_WORD | class::PLACE_WORD) == 0
    })
}

/// Does a person's name start at `t` and run to `end`, right after an organization's head
/// word ("Council", "Party")? A name of two or three plain words opened by a given name.
fn org_then_person(ctx: &Ctx, t: usize, end: usize) -> bool {
    t > 0
        && (2..=3).contains(&(end.saturating_sub(t)))
        && ctx.classes(t - 1) & class::ORG_WORD != 0
        && ctx.classes(t) & class::GIVEN != 0
        && is_plain_name(ctx, t..end)
}

fn is_hyphen_tok(w: &str) -> bool {
    matches!(w, "-" | "\u{2010}" | "\u{2011}")
}

/// A tagger span as a candidate: titles and a leading "the" cut from its front (a title is
/// evidence of a person), nationality words and capitalized common words dropped; where the
/// name's own words or the words after it are strong evidence of a kind, that kind wins over
/// the tagger's (it sees two words of context; the gazetteers know more names).
fn model_cand(ctx: &Ctx, r: Range<usize>, kind: EntityKind) -> Option<Cand> {
    let doc = ctx.doc;
    let mut a = r.start;
    let mut end = r.end;
    let mut titled = a > 0 && ctx.title_len(a - 1) == Some(1);
    while let Some(len) = ctx.title_len(a) {
        if a + len >= end {
            // A title alone ("the Senator said") is no name.
            if a + len == end {
                return None;
            }
            break;
        }
        a += len;
        titled = true;
    }
    while a < end && doc.tokens[a].kind == TokKind::Punct {
        a += 1;
    }
    // "Minister of Culture Jane Doe": the office's department, then the person.
    if a >= 2 && matches!(doc.tok(a - 1), "of" | "for") && ctx.is_title_at(a - 2) {
        if let Some(k) = (a + 1..end).find(|&k| {
            ctx.classes(k) & class::GIVEN != 0
                && (2..=3).contains(&(end - k))
                && is_plain_name(ctx, k..end)
        }) {
            a = k;
            titled = true;
        }
    }
    if end > a + 1 && doc.tok(a).eq_ignore_ascii_case("the") {
        a += 1;
    }
    // A possessive ending belongs to the sentence, not to the name ("Sweden's first win"):
    // the name then takes its kind from its other mentions.
    while end > a
        && (matches!(doc.tokens[end - 1].kind, TokKind::Punct | TokKind::Symbol)
            && doc.tok(end - 1) != "."
            || is_possessive(doc.tok(end - 1)))
    {
        end -= 1;
    }
    // A model code after a name is a product, not part of it ("the Air Force F-16",
    // "Airbus A320"): letters and digits mixed, at the end of a longer span. Nor is a score
    // ("Chelsea 2-0"), nor any number after a person's name.
    while end > a + 1
        && (is_model_code(doc.tok(end - 1))
            || doc.tokens[end - 1].kind == TokKind::Number
                && (is_score(doc.tok(end - 1)) || kind == EntityKind::Person))
    {
        end -= 1;
    }
    if a >= end {
        return None;
    }
    // "the Portuguese Institute for ...": a nationality word between "the" and an
    // organization's name is part of the name (taggers trained on GMB leave it out).
    if kind == EntityKind::Organization
        && a >= 2
        && doc.tok(a - 2).eq_ignore_ascii_case("the")
        && is_cap(doc.tok(a - 1))
        && ctx.entry(a - 1).demonym_country().is_some()
    {
        a -= 1;
    }
    // An ordinal opens only organizations ("816th ... Squadron").
    if doc.tokens[a].kind == TokKind::Number && kind != EntityKind::Organization {
        a += 1;
        if a >= end {
            return None;
        }
    }
    // The words' tokens, without vectors (two allocations a span).
    let toks = || (a..end).filter(|&t| doc.tok(t) != ".");
    let single = {
        let mut it = toks();
        it.next().filter(|_| it.next().is_none())
    };
    let bytes = span_bytes(doc, a..end);
    let name = doc.text.get(bytes.clone())?;
    if let Some(t) = single {
        let w = doc.tok(t);
        // The plural's singular is a second lookup only when there is an "s" to drop.
        if ctx.entry(t).demonym_country().is_some()
            || (w.ends_with('s') && lexicon::demonym_country(w.trim_end_matches('s')).is_some())
        {
            return None;
        }
        // A capitalized word the text also writes in lower case ("Concerns are growing").
        if !all_caps(w) && ctx.is_common_at(t) && !known(ctx.classes(t)) {
            return None;
        }
    }
    let in_heading = matches!(
        ctx.structure.block_kind_at(doc.tokens[a].start),
        Some(BlockKind::Headline | BlockKind::Subheading)
    );
    if (in_heading || doc.is_sentence_initial(a))
        && toks().all(|t| ctx.is_common_at(t))
        && !ctx.known_name(a..end, name)
    {
        return None;
    }
    let mut c = Cand {
        toks: a..end,
        bytes,
        kind: None,
        sure: false,
        weak: false,
        entry: 0,
    };
    if titled {
        c.kind = Some(EntityKind::Person);
        c.sure = true;
        return Some(c);
    }
    // "al - Qaeda": spaces around a hyphen (a typist's or another tokenizer's) hide the
    // gazetteer's "al-Qaeda" from `classify`.
    if name.contains(" - ") {
        let joined = name.replace(" - ", "-");
        if lexicon::organization(&joined).is_some() {
            c.kind = Some(EntityKind::Organization);
            c.sure = true;
            return Some(c);
        }
        if lexicon::is_place(&joined) {
            c.kind = Some(EntityKind::Place);
            c.sure = true;
            return Some(c);
        }
    }
    classify(ctx, &mut c);
    if !(c.sure && c.kind.is_some()) {
        c.kind = Some(context_kind(ctx, c.toks.clone()).unwrap_or(kind));
        c.sure = false;
        // A short word in capitals among lower-case words is an acronym, not a person
        // ("the DAB won"); in a line of capitals ("BREYER FILED") it may be a surname.
        if c.kind == Some(EntityKind::Person)
            && single.is_some_and(|t| {
                let w = doc.tok(t);
                all_caps(w) && w.chars().filter(|ch| ch.is_alphabetic()).count() <= 5
            })
            && !caps_context(doc, a)
        {
            c.kind = Some(EntityKind::Organization);
        }
    }
    Some(c)
}

/// Are most of the words within five tokens of `t` (itself left out) written in capitals?
fn caps_context(doc: &Doc, t: usize) -> bool {
    let lo = t.saturating_sub(5);
    let hi = (t + 6).min(doc.tokens.len());
    let (mut caps, mut words) = (0, 0);
    for k in (lo..hi).filter(|&k| k != t) {
        if doc.tokens[k].kind == TokKind::Word && doc.tokens[k].sentence == doc.tokens[t].sentence {
            words += 1;
            caps += all_caps(doc.tok(k)) as usize;
        }
    }
    words > 0 && 2 * caps >= words
}

/// The rule stage: capitalized runs, credits first.
fn find_candidates(ctx: &Ctx) -> Vec<Cand> {
    let doc = ctx.doc;
    let n = doc.tokens.len();
    let mut out = Vec::new();
    let mut credit_cands: Vec<Cand> = Vec::new();
    for c in &ctx.structure.credits {
        if let Some(p) = &c.photographer {
            credit_cands.push(cand_from_bytes(doc, p.clone(), EntityKind::Person));
        }
        for a in &c.agencies {
            credit_cands.push(cand_from_bytes(doc, a.clone(), EntityKind::Organization));
        }
    }
    crate::sort::sort_by_key(&mut credit_cands, |c| c.bytes.start);
    let mut next_credit = 0;
    let mut segs = Vec::new();
    let mut t = 0;
    // `credit_at` of each token's start, walked along with the tokens (the credits are in
    // text order): a binary search per token was most of this loop's work on text without
    // names.
    let credits = &ctx.structure.credits;
    let mut ci = 0;
    while t < n {
        let b = doc.tokens[t].start;
        while credits.get(ci).is_some_and(|c| c.range.end <= b) {
            ci += 1;
        }
        // Credits are read by the structure step; take its parts as they are.
        if let Some(c) = credits.get(ci).filter(|c| c.range.start <= b) {
            while next_credit < credit_cands.len()
                && credit_cands[next_credit].bytes.start < c.range.end
            {
                out.push(credit_cands[next_credit].clone());
                next_credit += 1;
            }
            t = doc.token_at_or_after(c.range.end);
            continue;
        }
        if !ctx.can_start(t) {
            t += 1;
            continue;
        }
        // A title before the name: strip it and remember that this is a person.
        if let Some(len) = ctx.title_len(t) {
            if ctx.is_name_word(t + len) && !all_caps(doc.tok(t)) {
                let start = t + len;
                let end = extend(ctx, start);
                let end = trim_end(ctx, start, end);
                if end > start {
                    out.push(Cand {
                        toks: start..end,
                        bytes: doc.range(start, end - 1),
                        kind: Some(EntityKind::Person),
                        sure: true,
                        weak: false,
                        entry: 0,
                    });
                }
                t = end.max(start);
                continue;
            }
            // "President of France": a title on its own is not a name.
            t += len;
            continue;
        }
        let end = extend(ctx, t);
        let end = trim_end(ctx, t, end);
        if end <= t {
            t += 1;
            continue;
        }
        segs.clear();
        segment(ctx, t..end, &mut segs);
        for seg in segs.iter().filter(|r| !r.is_empty()).cloned() {
            out.push(Cand {
                bytes: span_bytes(doc, seg.clone()),
                toks: seg,
                kind: None,
                sure: false,
                weak: false,
                entry: 0,
            });
        }
        t = end;
    }
    while next_credit < credit_cands.len() {
        out.push(credit_cands[next_credit].clone());
        next_credit += 1;
    }
    crate::sort::sort_by_key(&mut out, |c| c.bytes.start);
    out
}

fn cand_from_bytes(doc: &Doc, r: Range<usize>, kind: EntityKind) -> Cand {
    let a = doc.token_at_or_after(r.start);
    let b = doc.token_at_or_after(r.end).max(a + 1);
    Cand {
        toks: a..b,
        bytes: r,
        kind: Some(kind),
        sure: true,
        weak: false,
        entry: 0,
    }
}

/// Byte range of a token range, ending a hyphenated "York-based" at its hyphen.
fn span_bytes(doc: &Doc, toks: Range<usize>) -> Range<usize> {
    let start = doc.tokens[toks.start].start;
    let last = toks.end - 1;
    let w = doc.tok(last);
    let mut end = doc.tokens[last].end;
    if let Some(cut) = hyphen_suffix_cut(w) {
        end = doc.tokens[last].start + cut;
    }
    start..end
}

/// "York-based" -> Some(4): the byte length of the name part before a lower-case suffix that
/// makes the name a modifier: a participle ("-based", "-led", "-speaking") or one of the few
/// other words English compounds this way ("-born", "-style"). Other lower-case parts belong
/// to the name: "Kim Jong-un", "Moon Jae-in", "Ban Ki-moon".
fn hyphen_suffix_cut(w: &str) -> Option<usize> {
    // Most words have no hyphen: one pass over the bytes ('‐' and '‑' start with 0xE2)
    // before the char search.
    if !w.bytes().any(|b| b == b'-' || b == 0xE2) {
        return None;
    }
    let i = w.rfind(['-', '‐', '‑'])?;
    let suffix = w.get(i..)?.trim_start_matches(['-', '‐', '‑']);
    let modifier = starts_lower(suffix)
        && ((suffix.len() >= 3 && suffix.ends_with("ed"))
            // Not "-hing", "-ming": syllables of Chinese given names ("Wong Kwok-hing").
            || (suffix.len() >= 5 && suffix.ends_with("ing"))
            || matches!(
                suffix,
                "born"
                    | "wing"
                    | "run"
                    | "made"
                    | "held"
                    | "bound"
                    | "built"
                    | "grown"
                    | "style"
                    | "era"
                    | "type"
                    | "like"
                    | "wide"
                    | "friendly"
                    | "specific"
                    | "centric"
                    | "area"
                    | "region"
                    | "bred"
                    | "flagged"
                    | "owned"
            ));
    (modifier && i > 0).then_some(i)
}

/// End (exclusive) of the capitalized run starting at `t`.
fn extend(ctx: &Ctx, t: usize) -> usize {
    let doc = ctx.doc;
    let n = doc.tokens.len();
    let sentence = doc.tokens[t].sentence;
    let mut end = t + 1;
    let mut seen_of = false;
    if hyphen_suffix_cut(doc.tok(t)).is_some() {
        return end;
    }
    while end < n && doc.tokens[end].sentence == sentence && end - t < 12 {
        let w = doc.tok(end);
        if ctx.is_name_word(end) {
            end += 1;
            if hyphen_suffix_cut(w).is_some() {
                break;
            }
            continue;
        }
        // Initials: "Colin P. Clarke".
        if w == "." && !doc.tokens[end].space_before && end > t {
            let prev = doc.tok(end - 1);
            if prev.chars().count() == 1 && ctx.is_name_word(end + 1) {
                end += 1;
                continue;
            }
            break;
        }
        if is_connector(w) && ctx.is_name_word(end + 1) {
            let ok = match w {
                "and" | "&" => seen_of,
                "the" => end > t && matches!(doc.tok(end - 1), "of" | "for" | "on"),
                _ => true,
            };
            // A title opens a new name: "Secretary of State" is handled by the gazetteer of
            // titles, so "of" after a lone title word ends the run.
            if !ok || ctx.title_len(t).is_some() {
                break;
            }
            if matches!(w, "of" | "for" | "on") {
                seen_of = true;
            }
            end += 1;
            continue;
        }
        break;
    }
    end
}

/// Drop trailing connectors and dots.
fn trim_end(ctx: &Ctx, start: usize, mut end: usize) -> usize {
    while end > start {
        let w = ctx.doc.tok(end - 1);
        if is_connector(w) || w == "." {
            end -= 1;
        } else {
            break;
        }
    }
    end
}

/// Cut a run where one known name ends and another begins: "The New York Times Colin P.
/// Clarke" -> "New York Times" + "Colin P. Clarke"; "Afghan Taliban" stays whole only when
/// the gazetteer says so.
fn segment(ctx: &Ctx, run: Range<usize>, out: &mut Vec<Range<usize>>) {
    let doc = ctx.doc;
    let mut s = run.start;
    let mut t = run.start;
    while t < run.end {
        // Longest known name starting at t.
        let mut known_end = None;
        for e in (t + 1..=run.end.min(t + 6)).rev() {
            // One word is its token, unless a hyphenated suffix is cut off.
            let known = if e == t + 1 && hyphen_suffix_cut(doc.tok(t)).is_none() {
                ctx.classes(t) & (class::ORG | class::PLACE) != 0
            } else {
                lexicon::is_known_name(&doc.text[span_bytes(doc, t..e)])
            };
            if known {
                known_end = Some(e);
                break;
            }
        }
        if let Some(e) = known_end {
            // Cut before a known name that starts after other words ("Kabul Airport" stays).
            let next_is_name = e < run.end && ctx.is_name_word(e);
            let follows_org_word = e < run.end && ctx.classes(e) & class::ORG_WORD != 0;
            if next_is_name
                && !follows_org_word
                && ctx.classes(e) & class::PLACE_WORD == 0
                && !matches!(doc.tok(e), "of" | "for")
            {
                let starts_given = ctx.classes(e) & class::GIVEN != 0 || ctx.title_len(e).is_some();
                if starts_given {
                    if t > s {
                        out.push(s..t);
                    }
                    out.push(t..e);
                    s = e;
                    t = e;
                    continue;
                }
            }
        }
        // An organization word followed by a given name: "Times Colin".
        if t > s && ctx.classes(t - 1) & class::ORG_WORD != 0 && ctx.classes(t) & class::GIVEN != 0
        {
            out.push(s..t);
            s = t;
        }
        t += 1;
    }
    if s < run.end {
        out.push(s..run.end);
    }
}

/// Stage 2: the kind of a candidate from its words and its context.
fn classify(ctx: &Ctx, c: &mut Cand) {
    let doc = ctx.doc;
    if doc.text.get(c.bytes.clone()).is_none() {
        c.sure = true;
        return;
    }
    // The words' tokens, so that what the lists say of each is looked up once per token, in
    // one buffer for all candidates (an allocation each was a tenth of the step's own work).
    let mut toks = ctx.toks_buf.take();
    toks.clear();
    toks.extend(c.toks.clone().filter(|&t| doc.tok(t) != "."));
    classify_words(ctx, c, &toks);
    ctx.toks_buf.set(toks);
}

/// [`classify`] with the candidate's word tokens.
fn classify_words(ctx: &Ctx, c: &mut Cand, toks: &[usize]) {
    let doc = ctx.doc;
    let name = doc.text.get(c.bytes.clone()).unwrap_or("");
    let n = toks.len();
    let last = toks.last().map_or("", |&t| doc.tok(t));
    let first = toks.first().map_or("", |&t| doc.tok(t));
    // The class bits of the first and last words (none when there are no words: "" is in
    // no list).
    let first_classes = toks.first().map_or(0, |&t| ctx.classes(t));
    let last_classes = toks.last().map_or(0, |&t| ctx.classes(t));
    let set = |c: &mut Cand, k: EntityKind, sure: bool| {
        c.kind = Some(k);
        c.sure = sure;
    };
    let whole = if c.toks.len() == 1 && name == doc.tok(c.toks.start) {
        ctx.entry(c.toks.start)
    } else {
        let e = Entry::of(name);
        c.entry = e.to_bits() + 1;
        e
    };
    if whole.organization().is_some() {
        return set(c, EntityKind::Organization, true);
    }
    if whole.classes() & class::PLACE != 0 {
        return set(c, EntityKind::Place, true);
    }
    if n >= 2 && last_classes & class::ORG_WORD != 0 {
        return set(c, EntityKind::Organization, true);
    }
    if n >= 2 && is_facility_word(last) {
        return set(c, EntityKind::Place, true);
    }
    if n == 2 && hyphenated_given_name(first, last) {
        return set(c, EntityKind::Person, true);
    }
    // "Islamic State of X", "Bank of Y": the head before "of"/"for" decides.
    if let Some(p) = toks
        .iter()
        .position(|&t| matches!(doc.tok(t), "of" | "for"))
    {
        let head = toks[..p]
            .iter()
            .map(|&t| doc.tok(t))
            .collect::<Vec<_>>()
            .join(" ");
        let before = p.checked_sub(1).map_or(0, |q| ctx.classes(toks[q]));
        if p > 0 && (lexicon::organization(&head).is_some() || before & class::ORG_WORD != 0) {
            return set(c, EntityKind::Organization, true);
        }
        if p > 0 && before & class::PLACE_WORD != 0 {
            return set(c, EntityKind::Place, true);
        }
    }
    if n >= 2 && last_classes & class::PLACE_WORD != 0 {
        return set(c, EntityKind::Place, true);
    }
    if c.toks.start < doc.tokens.len() && doc.tokens[c.toks.start].kind == TokKind::Number {
        // An ordinal opens only organizations ("816th ... Squadron"); drop it otherwise.
        c.toks.start += 1;
        if c.toks.is_empty() {
            c.sure = true;
            return;
        }
        c.bytes = span_bytes(doc, c.toks.clone());
        c.entry = 0;
        return classify(ctx, c);
    }
    // Nationality words alone are not entities ("Afghan", "Americans").
    if n == 1
        && (ctx.entry(toks[0]).demonym_country().is_some()
            || (first.ends_with('s')
                && lexicon::demonym_country(first.trim_end_matches('s')).is_some()))
    {
        // Decided: no kind, and no other rule may give it one.
        c.sure = true;
        return;
    }
    if n == 1 && all_caps(first) {
        if first_classes & class::COUNTRY != 0 {
            return set(c, EntityKind::Place, true);
        }
        // Shouted words and clock times are not acronyms: "FREE", "AM", "OK".
        let lw = first.to_lowercase();
        if ctx.is_common_at(toks[0])
            || matches!(lw.as_str(), "am" | "pm" | "ok" | "tv" | "faq" | "ps")
        {
            c.sure = true;
            return;
        }
        return set(c, EntityKind::Organization, false);
    }
    // "X province", "X district": the word after the name says what it is, as surely as a
    // place word inside it would.
    let next = doc.tok_or_empty(c.toks.end);
    if starts_lower(next) && ctx.classes(c.toks.end) & class::PLACE_WORD != 0 {
        return set(c, EntityKind::Place, true);
    }
    if let Some(k) = context_kind(ctx, c.toks.clone()) {
        return set(c, k, false);
    }
    let after = c.toks.end;
    if n >= 2
        && first_classes & class::GIVEN != 0
        && !toks
            .iter()
            .any(|&t| ctx.is_common_at(t) && ctx.classes(t) & class::GIVEN == 0)
    {
        return set(c, EntityKind::Person, true);
    }
    // Speech: "X said", "said X".
    let speaker = (after < doc.tokens.len() && lexicon::is_speech_verb(doc.tok(after)))
        || (c.toks.start > 0 && lexicon::is_speech_verb(doc.tok(c.toks.start - 1)));
    // Unknown capitalized words that look like a personal name: a known given name first or
    // surname last, or the subject/object of a verb of speaking.
    let name_like = first_classes & class::GIVEN != 0 || last_classes & class::SURNAME != 0;
    let initial = doc.is_sentence_initial(c.toks.start);
    // Asked only where a rule below needs it: it looks up every word.
    let plain_words = (((2..=4).contains(&n) && (name_like || speaker)) || (n == 1 && !initial))
        && toks.iter().all(|&t| {
            let w = doc.tok(t);
            is_cap(w)
                && !all_caps(w)
                && (w.chars().count() == 1 || !ctx.is_common_at(t))
                && !ctx.is_title_at(t)
                && ctx.entry(t).demonym_country().is_none()
        });
    if (2..=4).contains(&n) && plain_words && (name_like || speaker) {
        return set(c, EntityKind::Person, false);
    }
    if n == 1 && plain_words && !initial && (speaker || name_like) {
        return set(c, EntityKind::Person, false);
    }
    // "in X", "near X": a single unknown word after a locative preposition.
    if n == 1 && plain_words && !initial && c.toks.start > 0 {
        let prev = doc.tok(c.toks.start - 1);
        if matches!(prev, "in" | "near" | "outside" | "across") {
            c.kind = Some(EntityKind::Place);
            c.sure = false;
        }
    }
}

/// The kind told by the words right after a name: "X province", "X, a militant group",
/// "X, Portugal" (a name followed by a country or region is a place).
fn context_kind(ctx: &Ctx, toks: Range<usize>) -> Option<EntityKind> {
    let doc = ctx.doc;
    let after = toks.end;
    if after < doc.tokens.len() && doc.tokens[after].sentence == doc.tokens[toks.start].sentence {
        let w = doc.tok(after);
        if starts_lower(w) && ctx.classes(after) & class::PLACE_WORD != 0 {
            return Some(EntityKind::Place);
        }
        if w == "," {
            if let Some(k) = appositive(ctx, after + 1) {
                return Some(k);
            }
            let next_end = (after + 1..(after + 4).min(doc.tokens.len()))
                .take_while(|&k| ctx.is_name_word(k))
                .last();
            if let Some(e) = next_end {
                // "X, Panama coach", "X, Acme spokeswoman": a name that modifies a head noun.
                let head = doc.tok_or_empty(e + 1);
                if starts_lower(head) {
                    if let Some(k) = appositive_kind(head) {
                        return Some(k);
                    }
                }
                let next = &doc.text[doc.range(after + 1, e)];
                let e = Entry::of(next);
                if e.classes() & class::PLACE != 0 && e.organization().is_none() {
                    return Some(EntityKind::Place);
                }
            }
        }
    }
    None
}

/// The kind told by an appositive starting at token `t`: "a militant group", "the capital".
fn appositive(ctx: &Ctx, t: usize) -> Option<EntityKind> {
    let doc = ctx.doc;
    let det = doc.tok_or_empty(t);
    if !matches!(det, "a" | "an" | "the") {
        return None;
    }
    let sentence = doc.tokens.get(t)?.sentence;
    for k in t + 1..(t + 7).min(doc.tokens.len()) {
        if doc.tokens[k].sentence != sentence {
            break;
        }
        let w = doc.tok(k);
        if matches!(
            w,
            "," | "." | ";" | "of" | "in" | "who" | "that" | "which" | "with"
        ) {
            // The head noun is the last word before these.
            let head = doc.tok(k - 1).to_lowercase();
            return appositive_kind(&head);
        }
        if let Some(kind) = appositive_kind(&w.to_lowercase()) {
            let next = doc.tok_or_empty(k + 1);
            if !next.starts_with(|c: char| c.is_alphabetic())
                || matches!(
                    next,
                    "of" | "in" | "who" | "that" | "which" | "with" | "based" | "for"
                )
                || postmodifier(next)
            {
                return Some(kind);
            }
        }
    }
    None
}

/// A lower-case word that follows a head noun without being a noun itself: a participle or
/// an adjective that takes a complement ("a group linked to", "a militia loyal to", "a
/// network active in", "a group organic to").
fn postmodifier(w: &str) -> bool {
    let n = w.len();
    starts_lower(w)
        && ((n >= 5 && (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ic")))
            || matches!(
                w,
                "to" | "at"
                    | "on"
                    | "from"
                    | "by"
                    | "whose"
                    | "under"
                    | "against"
                    | "behind"
                    | "close"
                    | "loyal"
                    | "active"
                    | "responsible"
                    | "opposed"
                    | "hostile"
                    | "known"
            ))
}

/// `s.to_lowercase()`, in place and without decoding chars for ASCII.
fn lower_in_place(s: &mut String) {
    if s.is_ascii() {
        s.make_ascii_lowercase();
    } else {
        *s = s.to_lowercase();
    }
}

/// Normalized key for "same name": lowercase, no dots, no leading "the".
fn key(name: &str) -> String {
    let mut k = String::new();
    key_into(name, &mut k);
    k
}

/// [`key`] written into `k`: the tables look most keys up without keeping them, and one
/// buffer saves an allocation each.
fn key_into(name: &str, k: &mut String) {
    k.clear();
    if name.is_ascii() {
        // Lowercased as a whole, not char by char (a call per char in the page's build).
        k.push_str(name);
        k.make_ascii_lowercase();
        if k.contains('.') {
            k.retain(|c| c != '.');
        }
    } else {
        k.extend(
            name.chars()
                .filter(|c| *c != '.')
                .flat_map(char::to_lowercase),
        );
    }
    if k.starts_with("the ") {
        k.drain(..4);
    }
}

/// Could `acronym` stand for `long`? Each word of the name gives the acronym a prefix of
/// itself (its initial, or more: "IS-K" for "Islamic State of K..."), connectors ("of",
/// "the") may give nothing, and the words after the acronym is complete are free ("the
/// Alliance for the Renewal of Valdoria (AR)" is not, but "(ARV)" is; "(AR)" would only fit
/// "Alliance for the Renewal"). Bounded: long names and acronyms are refused.
fn acronym_fits(acronym: &str, long: &str) -> bool {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let words: Vec<Vec<char>> = long
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && w.chars().any(char::is_alphabetic))
        .map(|w| w.chars().flat_map(char::to_lowercase).collect())
        .collect();
    let words: Vec<Vec<char>> = match words.first() {
        Some(w) if w[..] == ['t', 'h', 'e'] => words[1..].to_vec(),
        _ => words,
    };
    if letters.len() < 2 || letters.len() > 12 || words.is_empty() || words.len() > 20 {
        return false;
    }
    // reach[w][k]: the first w words can give exactly the first k letters.
    let n = letters.len();
    let mut reach = vec![vec![false; n + 1]; words.len() + 1];
    reach[0][0] = true;
    for (w, word) in words.iter().enumerate() {
        let text: String = word.iter().collect();
        for k in 0..=n {
            if !reach[w][k] {
                continue;
            }
            if k == n || is_connector(&text) {
                reach[w + 1][k] = true;
            }
            let mut p = 0;
            while k + p < n && p < word.len() && word[p] == letters[k + p] {
                p += 1;
                reach[w + 1][k + p] = true;
            }
        }
    }
    reach[words.len()][n]
}

/// Initials of a multi-word name, skipping connectors: "Center for Strategic and
/// International Studies" -> "csis".
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && !is_connector(w))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

struct Dsu(Vec<usize>);

impl Dsu {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // Keep the earlier candidate as root.
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.0[hi] = lo;
        }
    }
}

/// Stage 3: link candidates that name the same entity; fill in kinds from their group.
fn merge(ctx: &Ctx, cands: &mut [Cand]) -> Dsu {
    let doc = ctx.doc;
    let n = cands.len();
    let mut dsu = Dsu((0..n).collect());
    let names: Vec<&str> = cands.iter().map(|c| &doc.text[c.bytes.clone()]).collect();

    // Same name, or the same known organization under another name.
    let mut by_key = Keys::new(n);
    let mut k = String::new();
    for i in 0..n {
        // An ASCII name without dots: `organization` and `place_canonical` look up the same
        // key (the latter drops dots and lowercases char by char), so one lookup answers
        // both; for a one-token name, its token's entry.
        let t = cands[i].toks.start;
        let canonical = if names[i].is_ascii() && !names[i].contains('.') {
            let e = if cands[i].toks.len() == 1 && names[i] == doc.tok(t) {
                ctx.entry(t)
            } else if cands[i].entry != 0 {
                Entry::from_bits(cands[i].entry - 1)
            } else {
                Entry::of(names[i])
            };
            e.organization().or_else(|| e.place_canonical())
        } else {
            lexicon::organization(names[i]).or_else(|| lexicon::place_canonical(names[i]))
        };
        key_into(canonical.unwrap_or(names[i]), &mut k);
        match by_key.get(&k) {
            Some(j) => dsu.union(j, i),
            None => by_key.set(&k, i),
        }
    }

    // Aliases the text defines: "Long Name (LN)", "X, also known as Y or Z".
    for i in 0..n {
        let end = cands[i].toks.end;
        // "(LN)" right after the name.
        if doc.tok_or_empty(end) == "(" {
            if let Some(j) = cands
                .iter()
                .skip(i + 1)
                .take(2)
                .position(|c| c.toks.start == end + 1)
            {
                let j = i + 1 + j;
                if doc.tok_or_empty(cands[j].toks.end) == ")" && all_caps(names[j]) {
                    // The name the acronym stands for: the candidate before the bracket when
                    // the letters fit it, else an earlier one of the same sentence whose
                    // text up to the bracket they fit ("Democratic Alliance for the
                    // Betterment of Hong Kong (DAB)": not "Hong Kong").
                    let sentence_of =
                        |k: usize| doc.tokens.get(cands[k].toks.start).map(|t| t.sentence);
                    let sentence = sentence_of(i);
                    let long = (i.saturating_sub(4)..=i).rev().find(|&k| {
                        sentence.is_some()
                            && sentence_of(k) == sentence
                            && cands[k].toks.start + 16 > end
                            && doc
                                .text
                                .get(cands[k].bytes.start..cands[i].bytes.end)
                                .is_some_and(|long| acronym_fits(names[j], long))
                    });
                    // Acronyms of another language ("Doctors Without Borders (MSF)") fit
                    // nothing: an organization right before the bracket still takes them.
                    let is_org = |k: usize| cands[k].kind == Some(EntityKind::Organization);
                    let long = long.or(is_org(i).then_some(i));
                    // When the letters span several candidates ("Asia - Pacific Economic
                    // Cooperation (APEC)"), the acronym names an organization among them.
                    let long = long.map(|k| (k..=i).rev().find(|&x| is_org(x)).unwrap_or(k));
                    if let Some(k) = long {
                        dsu.union(k, j);
                        if cands[j].kind.is_none() || !cands[j].sure {
                            cands[j].kind = cands[k].kind;
                        }
                    }
                }
            }
        }
        // ", also known as Y or Z", ", known as Y", "a.k.a. Y"
        let mut t = end;
        if doc.tok_or_empty(t) == "," {
            t += 1;
        }
        let mut matched = false;
        for cue in [
            &["also", "known", "as"][..],
            &["known", "as"][..],
            &["aka"][..],
            &["a.k.a."][..],
            &["or"][..],
        ] {
            if cue
                .iter()
                .enumerate()
                .all(|(k, w)| doc.tok_or_empty(t + k).eq_ignore_ascii_case(w))
            {
                // "or" alone only links parenthesized alternatives: "(or IS-K)".
                if cue == ["or"] && doc.tok_or_empty(end) != "(" {
                    continue;
                }
                t += cue.len();
                matched = true;
                break;
            }
        }
        if doc.tok_or_empty(end) == "(" && !matched {
            continue;
        }
        if !matched {
            continue;
        }
        let mut j = i + 1;
        while j < n && cands[j].toks.start < t {
            j += 1;
        }
        while j < n && cands[j].toks.start == t {
            dsu.union(i, j);
            t = cands[j].toks.end;
            j += 1;
            if matches!(doc.tok_or_empty(t), "or" | "," | "and") {
                t += 1;
            } else {
                break;
            }
        }
    }

    // "Islamic State of X", "University of X": the name after "of" in an organization's
    // name is a place, and so is the same name alone elsewhere in the text (unless its own
    // evidence says otherwise).
    let mut of_places: HashSet<String> = HashSet::default();
    for i in 0..n {
        if cands[i].kind != Some(EntityKind::Organization) || !cands[i].sure {
            continue;
        }
        let toks = cands[i].toks.clone();
        let Some(of) = toks.clone().rev().find(|&t| doc.tok_or_empty(t) == "of") else {
            continue;
        };
        let tail = of + 1..toks.end;
        if tail.is_empty()
            || tail.len() > 3
            || !tail.clone().all(|t| ctx.is_name_word(t))
            || ctx.classes(tail.start) & class::GIVEN != 0
        {
            continue;
        }
        of_places.insert(key(&doc.text[span_bytes(doc, tail)]));
    }
    if !of_places.is_empty() {
        for i in 0..n {
            if cands[i].sure {
                continue;
            }
            key_into(names[i], &mut k);
            if of_places.contains(&k) {
                cands[i].kind = Some(EntityKind::Place);
            }
        }
    }

    // Fill in kinds across each group, strong evidence first.
    propagate_kinds(&mut dsu, cands);

    // Coordination: "Porto and Vila Real", "Syria, Iraq and Yemen" share a kind when one
    // of them is known for sure and the other is unsure.
    for i in 0..n.saturating_sub(1) {
        let (a, b) = (&cands[i], &cands[i + 1]);
        let gap = b.toks.start.saturating_sub(a.toks.end);
        let joiner = doc.tok_or_empty(a.toks.end);
        // "Cheney, Rumsfeld, or Wolfowitz": an unknown word listed beside a person the tagger
        // found is one more person (the tagger misses surnames it has never seen).
        // Not across a comma alone: "John Doe, Republican of Texas", "Doe, John".
        let listed = match gap {
            1 => matches!(joiner, "and" | "or"),
            2 => joiner == "," && matches!(doc.tok_or_empty(a.toks.end + 1), "and" | "or"),
            _ => false,
        };
        if listed {
            let person = |x: &Cand| !x.weak && x.kind == Some(EntityKind::Person);
            let lone = |x: &Cand| {
                x.weak
                    && x.toks.len() == 1
                    && !doc.is_sentence_initial(x.toks.start)
                    && is_plain_name(ctx, x.toks.clone())
                    && ctx.classes(x.toks.start) & (class::ORG | class::PLACE) == 0
            };
            let k = if person(a) && lone(b) {
                Some(i + 1)
            } else if lone(a) && person(b) {
                Some(i)
            } else {
                None
            };
            if let Some(k) = k {
                cands[k].kind = Some(EntityKind::Person);
                cands[k].weak = false;
                continue;
            }
        }
        if gap != 1 || !matches!(joiner, "and" | "or" | ",") {
            continue;
        }
        // "Jane Doe, Panama coach": a name that modifies a noun is no list item.
        let after_b = doc.tok_or_empty(b.toks.end);
        if joiner == "," && starts_lower(after_b) && appositive_kind(after_b).is_some() {
            continue;
        }
        // A comma joins lists but also clauses ("Afghanistan, Concerns are growing"): across
        // a comma only a candidate that already looks like a name changes kind.
        // An acronym is no person, whoever stands beside it ("Ann Lee of ABC and Tom Wu").
        let may_change = |x: &Cand, to: Option<EntityKind>| {
            !x.sure
                && (x.kind.is_some() || joiner != ",")
                && !(to == Some(EntityKind::Person) && all_caps(&doc.text[x.bytes.clone()]))
        };
        if a.sure && a.kind.is_some() && may_change(b, a.kind) {
            cands[i + 1].kind = cands[i].kind;
        } else if b.sure && b.kind.is_some() && may_change(a, b.kind) {
            cands[i].kind = cands[i + 1].kind;
        }
    }

    // Acronyms whose letters are the initials of an organization in the text.
    let mut by_initials = Keys::new(n);
    for i in 0..n {
        if cands[i].kind == Some(EntityKind::Organization) && cands[i].toks.len() >= 2 {
            let ini = initials(names[i]);
            if ini.len() >= 2 && by_initials.get(&ini).is_none() {
                by_initials.set(&ini, i);
            }
        }
    }
    for i in 0..n {
        if all_caps(names[i]) && cands[i].kind != Some(EntityKind::Place) {
            let letters: String = names[i]
                .chars()
                .filter(|c| c.is_alphabetic())
                .flat_map(char::to_lowercase)
                .collect();
            if let Some(j) = by_initials.get(&letters) {
                dsu.union(j, i);
                cands[i].kind = Some(EntityKind::Organization);
            }
        }
    }

    // Surnames and short forms link to the nearest earlier full person name ("Biden" ->
    // "Joe Biden"); a single word of a known multi-word person takes its kind.
    // Likewise the last two or three words of a longer person name ("Dario Gomez" ->
    // "Hernan Dario Gomez"), whatever the tagger called them, unless their kind is sure.
    let mut last_word_person = Keys::new(n);
    // At most two tails (two and three words) of each name.
    let mut tail_person = Keys::new(2 * n);
    let mut later: Vec<usize> = Vec::new();
    let mut later_tails: Vec<usize> = Vec::new();
    // The last `k` words joined by spaces, lowercased as [`lower_in_place`] does, in a buffer reused
    // for every lookup (a new string each was an allocation per name).
    let tail_key = |words: &[&str], k: usize, buf: &mut String| {
        buf.clear();
        for (j, w) in words
            .get(words.len().saturating_sub(k)..)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            if j > 0 {
                buf.push(' ');
            }
            buf.push_str(w);
        }
        lower_in_place(buf);
    };
    let mut key_buf = String::new();
    // One vector for the words of every name.
    let mut words: Vec<&str> = Vec::new();
    for i in 0..n {
        words.clear();
        words.extend(names[i].split_whitespace());
        let is_person = cands[i].kind == Some(EntityKind::Person);
        if (2..=3).contains(&words.len())
            && cands[i].kind.is_some()
            && (is_person || !cands[i].sure)
        {
            tail_key(&words, words.len(), &mut key_buf);
            match tail_person.get(&key_buf) {
                Some(j) => {
                    dsu.union(j, i);
                    cands[i].kind = Some(EntityKind::Person);
                }
                None => later_tails.push(i),
            }
        }
        if is_person && words.len() >= 2 {
            if let Some(last) = words.last() {
                key_buf.clear();
                key_buf.push_str(last);
                lower_in_place(&mut key_buf);
                last_word_person.set(&key_buf, i);
            }
            for k in 2..words.len().min(4) {
                tail_key(&words, k, &mut key_buf);
                tail_person.set(&key_buf, i);
            }
        } else if words.len() == 1
            && cands[i].kind != Some(EntityKind::Place)
            && !(cands[i].sure && cands[i].kind == Some(EntityKind::Organization))
        {
            tail_key(&words, 1, &mut key_buf);
            match last_word_person.get(&key_buf) {
                Some(j) => {
                    dsu.union(j, i);
                    cands[i].kind = Some(EntityKind::Person);
                }
                None => later.push(i),
            }
        }
    }
    // A surname used before the full name ("Biden ... Joe Biden" in a subheading order).
    for i in later {
        key_buf.clear();
        key_buf.push_str(names[i]);
        lower_in_place(&mut key_buf);
        if let Some(j) = last_word_person.get(&key_buf) {
            dsu.union(j, i);
            cands[i].kind = Some(EntityKind::Person);
        }
    }
    for i in later_tails {
        words.clear();
        words.extend(names[i].split_whitespace());
        tail_key(&words, words.len(), &mut key_buf);
        if let Some(j) = tail_person.get(&key_buf) {
            dsu.union(j, i);
            cands[i].kind = Some(EntityKind::Person);
        }
    }
    propagate_kinds(&mut dsu, cands);
    dsu
}

/// Give every candidate of a group the group's kind: a sure kind wins, else the most frequent.
fn propagate_kinds(dsu: &mut Dsu, cands: &mut [Cand]) {
    let n = cands.len();
    // Votes of each group, at its root; all zero in a group without a kind.
    let mut votes = vec![[0u32; 3]; n];
    for (i, c) in cands.iter().enumerate() {
        if let Some(k) = c.kind {
            let r = dsu.find(i);
            let weight = if c.sure { 100 } else { 1 };
            if let Some(v) = votes.get_mut(r) {
                v[k as usize] += weight;
            }
        }
    }
    for i in 0..n {
        let r = dsu.find(i);
        if let Some(v) = votes.get(r) {
            // All zero: the first kind wins, with no votes, and nothing changes.
            let best = (0..3).max_by_key(|&k| (v[k], 3 - k)).unwrap_or(0);
            if v[best] > 0 && !cands[i].sure {
                cands[i].kind = Some(
                    [
                        EntityKind::Person,
                        EntityKind::Organization,
                        EntityKind::Place,
                    ][best],
                );
            }
        }
    }
}

fn build(ctx: &Ctx, cands: &[Cand], mut dsu: Dsu) -> EntitiesResult {
    let doc = ctx.doc;
    let text_len = doc.text.len().max(1) as f32;
    // Groups in order of first mention.
    // The group of each root candidate, `usize::MAX` until its first mention.
    let mut group_of = vec![usize::MAX; cands.len()];
    struct G {
        kind: EntityKind,
        mentions: Vec<usize>,
        score: f32,
    }
    let mut groups: Vec<G> = Vec::new();
    // The group of each candidate that is a mention, `usize::MAX` for the others.
    let mut mention_group = vec![usize::MAX; cands.len()];
    for (i, c) in cands.iter().enumerate() {
        let Some(kind) = c.kind else { continue };
        if c.bytes.is_empty() {
            continue;
        }
        let Some(slot) = group_of.get_mut(dsu.find(i)) else {
            continue;
        };
        if *slot == usize::MAX {
            groups.push(G {
                kind,
                mentions: Vec::new(),
                score: 0.0,
            });
            *slot = groups.len() - 1;
        }
        let g = *slot;
        let weight = match ctx.structure.block_kind_at(c.bytes.start) {
            Some(BlockKind::Headline) => 3.0,
            Some(BlockKind::Subheading) => 1.5,
            Some(BlockKind::Caption) if ctx.structure.credit_at(c.bytes.start).is_some() => 0.2,
            Some(BlockKind::Caption) => 0.6,
            Some(BlockKind::Byline) => 0.2,
            _ => 1.0,
        };
        let gr = &mut groups[g];
        if gr.mentions.is_empty() {
            gr.score += 1.5 * (1.0 - c.bytes.start as f32 / text_len);
        }
        gr.score += weight;
        gr.mentions.push(i);
        if let Some(m) = mention_group.get_mut(i) {
            *m = g;
        }
    }
    let max = groups
        .iter()
        .map(|g| g.score)
        .fold(0.0f32, f32::max)
        .max(1e-6);
    let mut order: Vec<usize> = (0..groups.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| {
        groups[b].score.total_cmp(&groups[a].score).then(a.cmp(&b))
    });
    let mut result = EntitiesResult::default();
    let mut k = String::new();
    let mut rank_of = vec![0; groups.len()];
    for (rank, &g) in order.iter().enumerate() {
        let gr = &groups[g];
        let texts: Vec<&str> = gr
            .mentions
            .iter()
            .map(|&i| &doc.text[cands[i].bytes.clone()])
            .collect();
        let name = canonical(gr.kind, &texts);
        let mut aliases: Vec<String> = Vec::new();
        // The keys of the name and of the aliases so far, each made once.
        let name_key = key(&name);
        let mut alias_keys: Vec<String> = Vec::new();
        for t in &texts {
            let t = t.trim();
            // Most mentions are written as the name: the same key, no alias.
            if same_bytes(t.as_bytes(), name.as_bytes()) {
                continue;
            }
            key_into(t, &mut k);
            if k != name_key && !alias_keys.contains(&k) {
                aliases.push(t.to_string());
                alias_keys.push(k.clone());
            }
        }
        if let Some(r) = rank_of.get_mut(g) {
            *r = rank;
        }
        result.entities.push(Entity {
            id: entity_id(rank + 1),
            kind: gr.kind,
            name,
            aliases,
            mentions: gr
                .mentions
                .iter()
                .map(|&i| doc.text_span(cands[i].bytes.clone()))
                .collect(),
            // Thousandths, rounded as the scores are (f32); divided in f64, so the number is
            // the one the JSON's "0.619" reads back as, also where the page gets its 64 bits.
            salience: f64::from(((gr.score / max) * 1000.0).round()) / 1000.0,
        });
    }
    // The mentions in candidate order, nearly text order already, so that the sort has
    // little to do; ties go by rank, then candidate, as when they were listed by entity.
    for (i, &g) in mention_group.iter().enumerate() {
        if let Some(&rank) = rank_of.get(g) {
            result.mentions.push((cands[i].bytes.clone(), rank));
        }
    }
    crate::sort::sort_by_key(&mut result.mentions, |(r, e)| (r.start, r.end, *e));
    result.claimed = result.mentions.iter().map(|(r, _)| r.clone()).collect();
    result
}

/// `t.split_whitespace().count()`, on bytes for ASCII text.
/// "e12": written digit by digit, where `format!` went through the formatting machinery, about
/// 700 instructions an entity.
fn entity_id(n: usize) -> String {
    fn push_decimal(s: &mut String, n: usize) {
        if n >= 10 {
            push_decimal(s, n / 10);
        }
        s.push(char::from(b'0' + (n % 10) as u8));
    }
    let mut id = String::from("e");
    push_decimal(&mut id, n);
    id
}

fn word_count(t: &str) -> usize {
    if !t.is_ascii() {
        return t.split_whitespace().count();
    }
    // `char::is_whitespace` in ASCII: space, tab, line feed, vertical tab, form feed, return.
    let space = |b: u8| matches!(b, b' ' | 0x09..=0x0d);
    let mut words = 0;
    let mut prev_space = true;
    for b in t.bytes() {
        let s = space(b);
        words += usize::from(prev_space && !s);
        prev_space = s;
    }
    words
}

/// The canonical name: the fullest form. For people, the most words ("Joe Biden" over
/// "Biden"); for organizations, the longest non-acronym ("Center for ... Studies" over "CSIS").
fn canonical(kind: EntityKind, texts: &[&str]) -> String {
    let best = texts
        .iter()
        .max_by_key(|t| {
            let words = word_count(t);
            let acronym = all_caps(t) && kind != EntityKind::Person;
            (!acronym, words, t.len())
        })
        .copied()
        .unwrap_or("");
    best.trim().to_string()
}

#[cfg(test)]
mod tests {
    /// A table given more keys than it was made for grows instead of filling up (its
    /// lookups end at an empty slot).
    #[test]
    fn keys_grow_past_what_they_were_made_for() {
        let mut t = super::Keys::new(1);
        for i in 0..1000 {
            t.set(&format!("key {i}"), i);
        }
        t.set("key 7", 70);
        for i in 0..1000 {
            assert_eq!(
                t.get(&format!("key {i}")),
                Some(if i == 7 { 70 } else { i })
            );
        }
        assert_eq!(t.get("key 1000"), None);
        assert_eq!(t.get(""), None);
    }

    use super::*;
    use crate::structure;

    fn ents(text: &str) -> Vec<(EntityKind, String, Vec<String>)> {
        let doc = Doc::new(text);
        let s = structure::analyze(&doc);
        let r = extract(&doc, &s);
        r.entities
            .iter()
            .map(|e| {
                (
                    e.kind,
                    e.name.clone(),
                    e.mentions.iter().map(|m| m.text.clone()).collect(),
                )
            })
            .collect()
    }

    fn find<'a>(
        v: &'a [(EntityKind, String, Vec<String>)],
        name: &str,
    ) -> &'a (EntityKind, String, Vec<String>) {
        v.iter()
            .find(|e| e.1 == name)
            .unwrap_or_else(|| panic!("no entity {name:?} in {v:?}"))
    }

    #[test]
    fn surname_links_to_full_name() {
        let v = ents("Maria Lopez arrived in Paris on Monday. Lopez said the talks went well.");
        let e = find(&v, "Maria Lopez");
        assert_eq!(e.0, EntityKind::Person);
        assert_eq!(e.2, vec!["Maria Lopez", "Lopez"]);
        assert_eq!(find(&v, "Paris").0, EntityKind::Place);
    }

    #[test]
    fn acronym_defined_in_parentheses_and_by_initials() {
        let v = ents(
            "The study came from the Institute for Ocean Research (IOR). Later, IOR said more.",
        );
        let e = find(&v, "Institute for Ocean Research");
        assert_eq!(e.0, EntityKind::Organization);
        assert_eq!(e.2.len(), 3);
        let v = ents("Officials at the Bureau of Water Safety spoke. BWS later denied it.");
        assert_eq!(find(&v, "Bureau of Water Safety").2.len(), 2);
    }

    #[test]
    fn also_known_as_merges_names() {
        let v = ents("The attack was claimed by the Northern Liberation Front, also known as NLF or NLF-A, a militant group.");
        let e = find(&v, "Northern Liberation Front");
        assert_eq!(e.0, EntityKind::Organization);
        assert_eq!(e.2, vec!["Northern Liberation Front", "NLF", "NLF-A"]);
    }

    #[test]
    fn titles_are_not_names() {
        let v = ents("President Ana Silva met Sen. Tom Reyes in Lisbon.");
        assert_eq!(find(&v, "Ana Silva").0, EntityKind::Person);
        assert_eq!(find(&v, "Tom Reyes").0, EntityKind::Person);
    }

    #[test]
    fn sentence_openers_are_not_names() {
        let v = ents("Officials said the storm moved north. However, residents stayed.");
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn context_makes_places_and_organizations() {
        let v = ents("Fighting spread to Zarqan province. It was led by Kel Harun, a rebel group based in the hills.");
        assert_eq!(find(&v, "Zarqan").0, EntityKind::Place);
        assert_eq!(find(&v, "Kel Harun").0, EntityKind::Organization);
    }

    #[test]
    fn tagger_finds_names_no_list_knows() {
        let v = ents("Residents said Kwame Mensah, a local farmer, lost his crops near Tamale.");
        assert_eq!(find(&v, "Kwame Mensah").0, EntityKind::Person);
        assert_eq!(find(&v, "Tamale").0, EntityKind::Place);
        let v = ents("Officials at Zentrix Holdings declined to comment, said Oduya.");
        assert_eq!(find(&v, "Zentrix Holdings").0, EntityKind::Organization);
        assert_eq!(find(&v, "Oduya").0, EntityKind::Person);
    }

    #[test]
    fn capitalized_common_words_stay_words() {
        let v = ents(
            "The storm hit the coast on Monday, Damage was heavy and damage reports kept coming.",
        );
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn credits_keep_their_kinds() {
        let v = ents("A man walks past a shop in Accra. (AP Photo/Jane Roe)");
        assert_eq!(find(&v, "Jane Roe").0, EntityKind::Person);
        assert_eq!(find(&v, "AP").0, EntityKind::Organization);
        assert_eq!(find(&v, "Accra").0, EntityKind::Place);
    }

    #[test]
    fn ordinals_before_names_never_panic() {
        // Found by the property test: an ordinal left alone after segmentation.
        for t in [
            "the 2nd Qwe-based",
            "1st X",
            "3rd New York 4th",
            "5th. Alpha",
        ] {
            let _ = ents(t);
        }
    }

    #[test]
    fn byline_publication_is_an_organization() {
        let v = ents("Storm hits the coast\nBy Nora Lindqvist, Valley Courier\nThe storm hit Tampa on Monday.");
        assert_eq!(find(&v, "Nora Lindqvist").0, EntityKind::Person);
        assert_eq!(find(&v, "Valley Courier").0, EntityKind::Organization);
    }

    #[test]
    fn hyphenated_given_names_stay_whole() {
        let v = ents("Leader Kim Jong-un met Moon Jae-in in Seoul. A Lisbon-based charity helped.");
        assert_eq!(find(&v, "Kim Jong-un").0, EntityKind::Person);
        assert_eq!(find(&v, "Moon Jae-in").0, EntityKind::Person);
        assert_eq!(find(&v, "Lisbon").2, vec!["Lisbon"]);
        assert_eq!(hyphen_suffix_cut("York-based"), Some(4));
        assert_eq!(hyphen_suffix_cut("Saudi-led"), Some(5));
        assert_eq!(hyphen_suffix_cut("Jong-un"), None);
        assert_eq!(hyphen_suffix_cut("Ki-moon"), None);
    }

    #[test]
    fn acronym_letters_must_fit_the_long_name() {
        assert!(acronym_fits(
            "CSIS",
            "Center for Strategic and International Studies"
        ));
        assert!(acronym_fits("IS-V", "Islamic State of Valdoria"));
        assert!(acronym_fits("APEC", "Asia - Pacific Economic Cooperation"));
        assert!(acronym_fits("NLF", "the Northern Liberation Front"));
        assert!(!acronym_fits("DAB", "Hong Kong"));
        assert!(!acronym_fits("NLF", "Liberation Front"));
        // The bracket follows a place ending a longer name: the acronym is the organization's.
        let v = ents("The Popular Union for the Renewal of Valdoria (PUR) won. Later PUR lost.");
        let e = v
            .iter()
            .find(|e| e.2.contains(&"PUR".to_string()))
            .expect("PUR");
        assert_eq!(e.0, EntityKind::Organization, "{v:?}");
    }

    #[test]
    fn name_after_of_in_an_organization_is_a_place() {
        let v =
            ents("The Islamic Front of Zarkhan claimed it. Fighters came to \"Zarkhan\" in waves.");
        let z: Vec<_> = v.iter().filter(|e| e.1 == "Zarkhan").collect();
        assert!(z.iter().all(|e| e.0 == EntityKind::Place), "{v:?}");
    }

    #[test]
    fn appositive_with_a_postmodifier() {
        let v = ents("They met Kel Vardan, a rebel group loyal to the old king.");
        assert_eq!(find(&v, "Kel Vardan").0, EntityKind::Organization);
        assert!(postmodifier("linked") && postmodifier("organic") && !postmodifier("leader"));
    }

    #[test]
    fn long_organization_names_go_on_after_and() {
        let v = ents("Aid came from the Office for Relief and Rural Renewal (ORRR) on Monday.");
        let e = find(&v, "Office for Relief and Rural Renewal");
        assert_eq!(e.0, EntityKind::Organization);
        assert!(e.2.contains(&"ORRR".to_string()), "{v:?}");
    }

    #[test]
    fn a_place_word_after_a_name_makes_it_a_place() {
        let v = ents("Fighting spread from Tamsar, Qorvan province, to the coast.");
        assert_eq!(find(&v, "Qorvan").0, EntityKind::Place);
    }

    #[test]
    fn adjacent_place_and_organization_spans_join() {
        let doc = Doc::new("Porto Athletic won.\nLisbon FC\nBraga BRG");
        let (p, o) = (EntityKind::Place, EntityKind::Organization);
        // "Porto" + "Athletic": one organization; across a line break or before an acronym
        // the spans stay apart.
        let spans = vec![
            (0..1, p),
            (1..2, o),
            (4..5, p),
            (5..6, o),
            (6..7, o),
            (7..8, o),
        ];
        let got = join_adjacent(&doc, spans);
        assert_eq!(got, vec![(0..2, o), (4..6, o), (6..7, o), (7..8, o)]);
    }

    /// The byte readings of scores, hyphen suffixes and first letters answer as the char
    /// readings they replaced.
    #[test]
    fn appositive_heads_sorted_for_the_search() {
        assert!(APPOSITIVES.windows(2).all(|p| p[0].0 < p[1].0));
        assert_eq!(
            appositive_kind("think-tank"),
            Some(EntityKind::Organization)
        );
        assert_eq!(appositive_kind("neighbourhood"), Some(EntityKind::Place));
        assert_eq!(appositive_kind("envoy"), Some(EntityKind::Person));
        assert_eq!(appositive_kind("Group"), None);
        assert_eq!(appositive_kind(""), None);
    }

    #[test]
    fn month_and_weekday_names_start_with_the_prefiltered_letters() {
        for name in lexicon::MONTHS.iter().chain(lexicon::WEEKDAYS.iter()) {
            assert!(date_start(name), "{name}");
            assert!(date_start(&name.to_uppercase()), "{name}");
            assert!(date_start(&name[..3]), "{name}");
        }
        for w in ["Sept.", "Tues", "THURS", "May", "Mon."] {
            assert!(date_start(w), "{w}");
        }
        for w in ["Kabul", "The", "Smith", "Ma", "M", "", "Éric", "Mike"] {
            assert!(!date_start(w), "{w}");
        }
    }

    #[test]
    fn word_counts_and_capitals_on_bytes_match_the_char_definitions() {
        for t in [
            "",
            " ",
            "a",
            " Joe  Biden ",
            "Joe\tBiden\x0b Jr\x0c.",
            "U.S.",
            "ISIS-K",
            "NATO",
            "Nato",
            "A",
            "AB",
            "A1B",
            "Łódź Ł",
            "ÉTAT",
            "x\u{85}y",
        ] {
            assert_eq!(word_count(t), t.split_whitespace().count(), "{t:?}");
            let by_chars = t.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !t.chars().any(char::is_lowercase);
            assert_eq!(all_caps(t), by_chars, "{t:?}");
        }
    }

    #[test]
    fn byte_tests_match_the_char_definitions() {
        fn score(w: &str) -> bool {
            let Some((a, b)) = w.split_once(['-', '–']) else {
                return false;
            };
            let small =
                |x: &str| (1..=2).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit());
            small(a) && small(b)
        }
        let mut words: Vec<String> = [
            "",
            "-",
            "–",
            "2-0",
            "6–4",
            "10-12",
            "100-1",
            "2-",
            "-2",
            "2--0",
            "2-0-1",
            "a-0",
            "2‐0",
            "2‑0",
            "2—0",
            "٢-٠",
            "York-based",
            "Kim Jong-un",
            "Éire",
            "élan",
            "Ábc",
            "ǅemal",
            "ß",
            "1-2a",
        ]
        .map(String::from)
        .to_vec();
        for a in ["", "1", "12", "123", "x"] {
            for sep in ["-", "–", "‐", "‑", "", " "] {
                for b in ["", "0", "34", "345", "y", "born", "ing"] {
                    words.push(format!("{a}{sep}{b}"));
                }
            }
        }
        for w in &words {
            assert_eq!(is_score(w), score(w), "{w}");
            let first = w.chars().next();
            assert_eq!(is_cap(w), first.is_some_and(char::is_uppercase), "{w}");
            assert_eq!(
                starts_lower(w),
                first.is_some_and(char::is_lowercase),
                "{w}"
            );
            if !w.contains(['-', '‐', '‑']) {
                assert_eq!(hyphen_suffix_cut(w), None, "{w}");
            }
        }
        assert_eq!(hyphen_suffix_cut("York-based"), Some(4));
        assert_eq!(hyphen_suffix_cut("Kabul‑born"), Some(5));
    }

    #[test]
    fn quick_tests_agree_with_the_full_ones() {
        for w in [
            "NATO", "Nato", "U.S.", "ISIS-K", "A", "", "ÉTAT", "Élan", "iPhone", "AbC",
        ] {
            assert_eq!(all_caps(w), is_all_caps(w), "{w}");
        }
        for w in [
            "816th", "1ST", "2nd", "3Rd", "4th.", "th", "12a3th", "5", "6thh", "7ſt",
        ] {
            let lw = w.to_ascii_lowercase();
            let digits = lw.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let full = !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && matches!(&lw[digits.len()..], "st" | "nd" | "rd" | "th");
            assert_eq!(is_ordinal_token(w), full, "{w}");
        }
    }

    /// The merge's key tables answer as a `HashMap<String, usize>` does, collisions
    /// and replaced values included.
    #[test]
    fn key_tables_match_a_hash_map() {
        let words: Vec<String> = (0..300)
            .map(|i| match i % 4 {
                0 => format!("w{i}"),
                1 => format!("long name {i} of the thing"),
                2 => "x".repeat(i % 9),
                _ => format!("abcd{}wxyz", i % 7),
            })
            .collect();
        let mut keys = Keys::new(words.len());
        let mut map = std::collections::HashMap::new();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(keys.get(w), map.get(w).copied(), "{w:?}");
            keys.set(w, i);
            map.insert(w.clone(), i);
        }
        for w in words.iter().chain([&String::from("absent")]) {
            assert_eq!(keys.get(w), map.get(w).copied(), "{w:?}");
        }
    }

    #[test]
    fn entity_ids_are_numbered_from_one() {
        for n in [1, 9, 10, 12, 100, 4096, usize::MAX] {
            assert_eq!(entity_id(n), format!("e{n}"));
        }
    }

    #[test]
    fn teams_in_sports_results() {
        let v = ents("Results on Saturday:\nLondonderry 2 Vasquez Rovers 0\nOstrava 1 Brno 1\nKarl Weber ( Austria ) beat Ivo Marek ( Czech Republic ) 6-3 6-4 in Vienna.");
        for team in ["Londonderry", "Ostrava", "Brno"] {
            assert_eq!(find(&v, team).0, EntityKind::Organization, "{v:?}");
        }
        assert_eq!(find(&v, "Austria").0, EntityKind::Place);
        assert_eq!(find(&v, "Vienna").0, EntityKind::Place);
        assert_eq!(find(&v, "Karl Weber").0, EntityKind::Person);
        assert!(is_score("6-3") && !is_score("2021-08") && !is_score("6"));
    }

    #[test]
    fn model_codes_end_no_name() {
        assert!(is_model_code("F-16") && is_model_code("A320") && !is_model_code("816th"));
    }

    #[test]
    fn short_capitals_words_are_not_people() {
        let v = ents("In the vote the ZPK won four seats, officials said.");
        assert!(v.iter().all(|e| e.0 != EntityKind::Person), "{v:?}");
    }

    #[test]
    fn hyphenated_suffix_and_glued_quotes() {
        let v = ents("“We are ready”Maria Lopez said, speaking for a Paris-based charity.");
        assert_eq!(find(&v, "Maria Lopez").0, EntityKind::Person);
        assert_eq!(find(&v, "Paris").2, vec!["Paris"]);
    }

    #[test]
    fn possessive_is_not_part_of_the_name() {
        let v = ents(
            "Norway beat Chile on Sunday. It was Norway's first win since 1990. \
             Officials in Chile's capital were angry.",
        );
        let e = find(&v, "Norway");
        assert_eq!(e.0, EntityKind::Place);
        assert_eq!(e.2, vec!["Norway", "Norway"]);
        assert!(v.iter().all(|e| !e.1.ends_with("'s")), "{v:?}");
        let c = find(&v, "Chile");
        assert_eq!(c.2.len(), 2);
    }

    #[test]
    fn possessive_ending_recognized() {
        assert!(is_possessive("'s"));
        assert!(is_possessive("’s"));
        assert!(is_possessive("'S"));
        assert!(!is_possessive("s"));
        assert!(!is_possessive("'ll"));
        assert!(!is_possessive("’"));
    }

    #[test]
    fn venue_names_are_places() {
        let v = ents("The final will be played at the Greenfield Stadium on Sunday.");
        let e = find(&v, "Greenfield Stadium");
        assert_eq!(e.0, EntityKind::Place);
        let v = ents("Fans gathered outside Riverside Arena before the concert.");
        assert_eq!(find(&v, "Riverside Arena").0, EntityKind::Place);
    }

    #[test]
    fn name_before_a_noun_after_a_comma_is_not_a_list_item() {
        let v = ents("After the game, Paolo Ricci Ferrante, Peru coach, said he was proud.");
        assert_eq!(find(&v, "Paolo Ricci Ferrante").0, EntityKind::Person);
        assert_eq!(find(&v, "Peru").0, EntityKind::Place);
    }

    #[test]
    fn korean_style_names_are_people() {
        assert!(hyphenated_given_name("Park", "Joo-Ho"));
        assert!(hyphenated_given_name("Hwang", "Min-woo"));
        assert!(!hyphenated_given_name("Guinea", "Bissau"));
        assert!(!hyphenated_given_name("Baden", "Baden-Baden"));
        assert!(!hyphenated_given_name("NATO", "Ko-Ho"));
        let v = ents("The coach replaced Choi Dae-Sung in the 30th minute.");
        assert_eq!(find(&v, "Choi Dae-Sung").0, EntityKind::Person);
    }

    #[test]
    fn chinese_given_name_syllable_is_not_a_modifier() {
        assert_eq!(hyphen_suffix_cut("Kwok-hing"), None);
        assert_eq!(hyphen_suffix_cut("Tai-ming"), None);
        assert_eq!(hyphen_suffix_cut("English-speaking"), Some(7));
        assert_eq!(hyphen_suffix_cut("Left-wing"), Some(4));
    }

    #[test]
    fn person_after_an_office_of_a_department() {
        let v = ents("The Minister of Culture Maria Bellini opened the museum on Friday.");
        let e = find(&v, "Maria Bellini");
        assert_eq!(e.0, EntityKind::Person);
        assert!(v.iter().all(|e| !e.1.contains("Culture Maria")), "{v:?}");
    }

    #[test]
    fn organization_then_person() {
        let v = ents(
            "The head of the Farmers Council Maria Bellini told reporters the harvest was poor.",
        );
        assert_eq!(find(&v, "Maria Bellini").0, EntityKind::Person);
        assert!(v.iter().all(|e| !e.1.contains("Council Maria")), "{v:?}");
    }

    #[test]
    fn short_form_of_a_longer_person_name_links_to_it() {
        let v = ents(
            "Juan Carlos Ferreyra Ibarra, the coach, praised his team. \
             Later, Ferreyra Ibarra said the players were tired.",
        );
        let e = find(&v, "Juan Carlos Ferreyra Ibarra");
        assert_eq!(e.0, EntityKind::Person);
        assert!(e.2.len() == 2, "{v:?}");
    }

    #[test]
    fn affiliation_before_a_person_is_cut_off() {
        let v = ents("Yesterday the Orbital Agency Director Maria Bellini spoke.");
        assert_eq!(find(&v, "Maria Bellini").0, EntityKind::Person);
        let v = ents("Reporters asked Acme's Maria Bellini about the deal.");
        assert_eq!(find(&v, "Maria Bellini").0, EntityKind::Person);
        assert!(v.iter().all(|e| !e.1.contains("Acme's")), "{v:?}");
    }

    #[test]
    fn signature_name_then_known_employer() {
        let v = ents("Thanks,\nMaria T. Bellini Goldman Sachs Research\nPhone: 555-0100");
        let e = find(&v, "Maria T. Bellini");
        assert_eq!(e.0, EntityKind::Person);
        assert!(v.iter().all(|e| !e.1.contains("Bellini Goldman")), "{v:?}");
    }

    #[test]
    fn a_title_alone_is_no_name() {
        let v = ents(
            "Senator Maria Bellini spoke on Monday. Later the Senator said she would vote no.",
        );
        assert_eq!(find(&v, "Maria Bellini").0, EntityKind::Person);
        assert!(v.iter().all(|e| e.1 != "Senator"), "{v:?}");
    }

    #[test]
    fn unknown_word_listed_with_people_is_a_person() {
        let v = ents("Neither did Maria Bellini, Tom Hardwick, or Quenneville.");
        assert_eq!(find(&v, "Quenneville").0, EntityKind::Person);
    }
}
