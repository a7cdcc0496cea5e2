//! Direct quotes and reported speech, with their speakers.
//!
//! **Pairing marks** is one left-to-right pass over the quote marks of the text, robust to
//! the typography of pasted articles:
//! - curly, straight, low-9 and guillemet marks; a straight mark opens when nothing is open;
//! - a closing mark glued to the next word (`situation”Biden said`) still closes;
//! - an *opening* mark used to close (`arsenal. “, he added`): while a quote is open, a mark
//!   with no space before it and none after it closes the quote;
//! - a quote left open at the end of a paragraph continues when the next paragraph starts
//!   with an opening mark (the convention for multi-paragraph quotes) and is closed at the
//!   paragraph's end otherwise.
//!
//! Marks inside an open quote that open a nested quote (`“He said ‘no’ twice”` with single
//! marks, or a curly `“` with a space before it inside a straight-quoted stretch) do not end
//! the outer quote: single marks are never quote marks here (they are apostrophes too often).
//!
//! **One statement, several quotes.** Each stretch between marks is one [`Quote`]; a later
//! stretch `continues` an earlier one when they are one statement: split by the attribution
//! (`“We know,” he said, “that ...”`: the attribution ends with a comma or colon right before
//! the next opening mark) or carried over a paragraph break (open mark at each paragraph
//! start, close at the end). The parts share the speaker.
//!
//! **Not quotes**: a quoted stretch of at most [`MAX_SCARE_WORDS`] words is a scare quote
//! ("the area it calls “Khorasan.”"), and a short stretch written in title case ("on CNN's
//! “State of the Union”") is a title, unless an attribution stands right next to it.
//!
//! Also not quotes: a stretch of at most eight words (`MAX_TITLE_WORDS`) right after a
//! naming verb ("was labeled “Mostly False.”", "dubbed “Big Daddy”", "known as “the Wall”":
//! a name or a rating), and a stretch that is one parenthesis (`“(CROSSTALK.)`, a stage
//! direction).
//!
//! **Partial quotes** are kept and marked `partial`: a fragment woven into the writer's
//! sentence (it does not start the sentence, no colon introduces it, and it begins in lower
//! case or runs on into the sentence: `said the plan was “a total disaster”`, `claimed
//! “prices will fall” this year`). A reader sees the speaker's words, but not a statement
//! given whole; the page and the evaluation can tell the two apart.
//!
//! **Quoted transcripts** (`“WALLACE: Let's start ...` at a paragraph start): the upper-case
//! label is the speaker, linked to the nearest person named before whose name ends with it,
//! and the line starts a new statement even inside a run of carried paragraphs.
//!
//! **Speakers**, in order of preference:
//! 1. for a quote that does not start its sentence, a verb of speaking earlier in the same
//!    sentence, the quote being its object ("officials told CNN that there are “...”",
//!    "Smith said: “...”"), and `NAME: “...”` headings and transcript lines;
//! 2. right after the quote, within the sentence and a bounded window: `”, NAME said`,
//!    `”, NAME, a senator, said`, `” said Rep. NAME (D-N.C.)`, `”, he added for his part
//!    NAME`, `”explained to MEDIUM NAME`;
//! 3. a quote with no attribution continues the speaker of the quote just before it, when
//!    that one is in the same paragraph or ends the paragraph before.
//!
//! The speaker is the name without title or role ("Mayor Jane Roe" gives "Jane Roe"), taken
//! from the entity mentions; a subject with no name is kept as a phrase ("US intelligence
//! officials", "a senior official"). "he"/"she" resolve to the nearest person named before
//! them (gender is not checked); "they" resolves to the last organization or plural source.
//! The **medium** is an organization the words were given to: "told CNN", "said on Fox News",
//! "speaking to The New York Times".
//!
//! **Reported speech** is a verb of speaking outside quotes with a subject before it and a
//! clause after it ("X said (that) ...", "X told Y that ...", "X warned ..."), a clause before
//! it ("..., officials said.", "..., the council said in a statement on Monday.", "...,
//! said Jane Roe, a city engineer."), an
//! attribution set off by commas inside the sentence ("The bridge, the mayor said, will ...":
//! the whole sentence), "according to X, ..." and "..., citing X". Also:
//! - verbs of finding and belief, which report but are too loose to attribute a direct
//!   quote: "the study found that ...", "a poll shows ...", "Roe believes ...", "Roe cited
//!   ..."; a belief inside content already reported ("told them that she believes ...") is
//!   part of it;
//! - "called for" / "called on" (a demand); a bare "called" (a name, a phone call) is not;
//! - participles after a comma or "by" ("..., saying it would fail") and verbs coordinated
//!   with the sentence's own ("Roe bemoaned the unrest and said ..."): the source is the
//!   person or organization named at the start of the sentence;
//! - "told" without "that": a listener of a few words, then a clause with a pronoun subject
//!   ("told reporters he would run");
//! - a headline or subheading `Roe: Bridge Will Stay Closed` (label of at most four
//!   capitalized words at the line start), or `Roe Says Bridge Will Stay Closed` (a
//!   capitalized verb of speaking);
//! - progressives ("Roe is stressing that ...", "keeps saying"), which are not passives.
//!
//! A partial quote ("Roe said the plan was “a total disaster”") leaves its verb to reported
//! speech, so the sentence is both. Not reported speech: passives ("was told", "charged
//! with", "reported by"), plural nouns that look like verbs ("swing states", "Trump's
//! comments", "late-night tweets": a noun after a possessive, a determiner or a lower-case
//! modifier, unless "that" follows), a lone determiner or possessive as subject ("the alleged
//! ..."), a subject opening with a preposition ("From all the press reports"), "what X
//! says", and content that is no clause: a bare phrase after a preposition ("said in his
//! interview"), a participle right after the verb, or an auxiliary whose subject was lost.
//! "that" after an object and before an auxiliary ("announced the towns that would ...")
//! opens a relative clause: the object is the content. Source phrases keep a
//! preposition before a name ("Engineers from the University of Porto", "officials in
//! Kabul"); such a phrase names the head noun, not the entity after the preposition. Content
//! starts past leftover punctuation and conjunctions (", and the program ...").
//!
//! Every look-around is bounded (a window of tokens, the sentence, or a fixed number of
//! mentions back), so the whole pass is linear in the text.
use crate::entities::EntitiesResult;
use crate::lexicon::{self, is_speech_verb};
use crate::numbers::{eq_ci, parse_int};
use crate::schema::{BlockKind, EntityKind, Quote, Reported, TextSpan};
use crate::structure::StructureInfo;
use crate::text::{is_abbreviation, quote_mark, Doc, TokKind};
use std::ops::Range;

/// Quoted stretches this short are scare quotes or titles unless attributed.
pub const MAX_SCARE_WORDS: usize = 3;

/// Reported content longer than this many tokens is cut there: three times a long sentence.
const MAX_CONTENT_TOKENS: usize = 150;

/// Title-case stretches up to this many words are titles unless attributed.
const MAX_TITLE_WORDS: usize = 8;

#[derive(Debug, Clone, Default)]
pub struct QuotesResult {
    pub quotes: Vec<Quote>,
    pub reported: Vec<Reported>,
}

/// A paired quote in token indices: content is `content`; the marks are optional because
/// pasted text loses them.
#[derive(Debug, Clone)]
struct Pair {
    content: Range<usize>,
    close_mark: Option<usize>,
    open_mark: Option<usize>,
    /// This stretch opens a paragraph that carries on the quote of the paragraph before.
    carried: bool,
}

/// `doc.tok(i)` out of line, for the rules that run once per quote or speech verb: at
/// `opt-level = 2` the inlined copies were 2 KB of wasm (docs/performance.md, round 22).
#[inline(never)]
fn tok<'a>(doc: &Doc<'a>, i: usize) -> &'a str {
    doc.tok(i)
}

fn mark_char(doc: &Doc, t: usize) -> Option<char> {
    let tok = doc.tokens.get(t)?;
    if tok.kind != TokKind::Punct {
        return None;
    }
    quote_mark(doc.tok(t))
}

fn opens(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '「' | '『' | '‟')
}

fn closes(c: char) -> bool {
    matches!(c, '”' | '»' | '」' | '』')
}

fn pair_marks(doc: &Doc) -> Vec<Pair> {
    let n = doc.tokens.len();
    let mut pairs = Vec::new();
    let mut open: Option<usize> = None;
    let mut carried = false;
    // The closing mark of a nested quote, which must not close the outer one.
    let mut skip: Option<usize> = None;
    let space_after = |t: usize| t + 1 >= n || doc.tokens[t + 1].space_before;
    let push = |pairs: &mut Vec<Pair>, o: usize, end: usize, close: Option<usize>, carried| {
        if end > o + 1 {
            pairs.push(Pair {
                content: o + 1..end,
                close_mark: close,
                open_mark: Some(o),
                carried,
            });
        }
    };
    for t in 0..n {
        // A quote still open when its line ends.
        if let Some(o) = open {
            if doc.tokens[t].line != doc.tokens[o].line && t > o + 1 {
                push(&mut pairs, o, t, None, carried);
                let next_opens = mark_char(doc, t).is_some_and(|c| opens(c) || c == '"');
                if next_opens {
                    // Multi-paragraph quote: the next part opens here.
                    open = Some(t);
                    carried = true;
                    continue;
                }
                open = None;
                carried = false;
            }
        }
        // Four tokens in five are no punctuation: tested here, without the call.
        if doc.tokens[t].kind != TokKind::Punct {
            continue;
        }
        let Some(c) = mark_char(doc, t) else { continue };
        if skip == Some(t) {
            skip = None;
            continue;
        }
        match open {
            None => {
                // A closing mark that starts a paragraph or stands before a glued word, with
                // space before it, is an opening mark typed wrong (`”Mr. Roe said`).
                let wrong_opener = closes(c)
                    && doc.tokens[t].space_before
                    && !space_after(t)
                    && t + 1 < n
                    && doc.tokens[t + 1].kind != TokKind::Punct
                    && (t == 0 || doc.tokens[t - 1].line != doc.tokens[t].line);
                if wrong_opener {
                    open = Some(t);
                    carried = false;
                    continue;
                }
                if closes(c) {
                    continue; // A stray closing mark: nothing to pair it with.
                }
                if !space_after(t) || c != '"' {
                    open = Some(t);
                    carried = false;
                }
            }
            Some(o) => {
                let open_c = mark_char(doc, o).unwrap_or('"');
                // A real opening mark has space (or a dash/bracket) before it and a word glued
                // after it.
                let looks_opening = (doc.tokens[t].space_before
                    || (t > 0 && matches!(doc.tok(t - 1), "(" | "—" | "–" | "[")))
                    && !space_after(t)
                    && t + 1 < n
                    && doc.tokens[t + 1].kind != TokKind::Punct
                    && doc.tokens[t + 1].line == doc.tokens[t].line;
                // A curly mark nested inside a straight-quoted stretch (or the reverse) opens
                // an inner quote: its partner on the same line is skipped too.
                let nested =
                    looks_opening && ((open_c == '"' && opens(c)) || (opens(open_c) && c == '"'));
                if nested {
                    let partner = (t + 1..(t + 40).min(n))
                        .take_while(|&k| doc.tokens[k].line == doc.tokens[t].line)
                        .find(|&k| mark_char(doc, k).is_some())
                        .filter(|&k| {
                            mark_char(doc, k).is_some_and(|m| {
                                if c == '"' {
                                    m == '"'
                                } else {
                                    closes(m)
                                }
                            })
                        });
                    skip = partner;
                    continue;
                }
                let used_as_closer = opens(c) && !looks_opening;
                if closes(c) || c == '"' || used_as_closer {
                    push(&mut pairs, o, t, Some(t), carried);
                    open = None;
                    carried = false;
                } else if opens(c) {
                    // A new opening mark while one is open: the first lost its closing mark.
                    push(&mut pairs, o, t, None, carried);
                    open = Some(t);
                    carried = false;
                }
            }
        }
    }
    if let Some(o) = open {
        push(&mut pairs, o, n, None, carried);
    }
    pairs.retain(|p| !p.content.is_empty());
    pairs
}

/// A verb of speaking at token `t`, written in lower case ("said", not "States").
fn speech_verb_at(doc: &Doc, t: usize) -> bool {
    t < doc.tokens.len()
        && doc.tokens[t].kind == TokKind::Word
        && lowercase_initial(doc.tok(t))
        && is_speech_verb(doc.tok(t))
}

/// `w` starts with a lowercase letter; ASCII by its first byte, without decoding a char.
/// In line where it is called: `reported` asks it of every word (the call was a tenth of
/// that loop); only a non-ASCII first letter is decoded, out of line.
#[inline(always)]
fn lowercase_initial(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        Some(_) => unicode_lowercase_initial(w),
        None => false,
    }
}

#[inline(never)]
fn unicode_lowercase_initial(w: &str) -> bool {
    w.starts_with(char::is_lowercase)
}

fn is_pronoun(w: &str) -> bool {
    ["he", "she", "they", "i", "we", "it"]
        .iter()
        .any(|p| eq_ci(p, w))
}

/// Adverbs and auxiliaries that may stand between a subject and its verb ("The Taliban now
/// say", "Smith has said", "she later told").
fn is_adverb(w: &str) -> bool {
    matches!(
        w,
        "now"
            | "also"
            | "then"
            | "later"
            | "still"
            | "again"
            | "once"
            | "often"
            | "had"
            | "has"
            | "have"
            | "was"
            | "would"
            | "will"
            | "further"
            | "simply"
    ) || (w.len() > 4 && w.ends_with("ly") && w.starts_with(|c: char| c.is_lowercase()))
}

/// Auxiliaries, copulas and modals: a phrase holding one is a clause, not a name or a title.
fn is_finite_verb_word(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
            | "do"
    ) || w.ends_with("n't")
}

/// Words that end a subject phrase when walking back from its verb.
fn breaks_subject(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "and"
            | "but"
            | "or"
            | "while"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "with"
            | "by"
            | "to"
            | "as"
            | "if"
            | "when"
            | "because"
            | "than"
            | "is"
            | "was"
            | "are"
            | "were"
            | "after"
            | "before"
            | "since"
            | "what"
            | "how"
            | "where"
            | "why"
    )
}

/// A token that may sit inside a name or title: a word, or the dot of an abbreviation
/// ("Mr.", "Sen.", "P.").
fn name_piece(doc: &Doc, k: usize) -> bool {
    match doc.tokens[k].kind {
        TokKind::Word | TokKind::Number => true,
        TokKind::Punct => {
            tok(doc, k) == "."
                && k > 0
                && (tok(doc, k - 1).chars().count() == 1 || is_abbreviation(tok(doc, k - 1)))
        }
        TokKind::Symbol => false,
    }
}

/// The subject noun phrase ending right before token `verb`: skips adverbs, a parenthesis
/// ("Sen. Jane Roe (D-Mo.) said") and an appositive ("Roe, a senator, said"). Token range.
fn subject_before(doc: &Doc, verb: usize) -> Option<Range<usize>> {
    let sentence = doc.tokens[verb].sentence;
    let same = |k: usize| doc.tokens[k].sentence == sentence;
    let mut end = verb;
    while end > 0 && same(end - 1) && is_adverb(tok(doc, end - 1)) {
        end -= 1;
    }
    // "(D-Mo.)" after a name.
    if end > 0 && same(end - 1) && tok(doc, end - 1) == ")" {
        if let Some(k) = (end.saturating_sub(10)..end - 1)
            .rev()
            .find(|&k| tok(doc, k) == "(")
        {
            end = k;
        }
    }
    // ", a senior adviser," after a name.
    if end > 1 && same(end - 1) && tok(doc, end - 1) == "," {
        let comma = (end.saturating_sub(14)..end - 1)
            .rev()
            .take_while(|&k| same(k) && mark_char(doc, k).is_none())
            .find(|&k| tok(doc, k) == ",")?;
        end = comma;
        if end > 0 && same(end - 1) && tok(doc, end - 1) == ")" {
            if let Some(k) = (end.saturating_sub(10)..end - 1)
                .rev()
                .find(|&k| tok(doc, k) == "(")
            {
                end = k;
            }
        }
    }
    if end == 0 || !same(end - 1) || doc.tokens[end - 1].kind != TokKind::Word {
        return None;
    }
    if is_pronoun(tok(doc, end - 1)) {
        return Some(end - 1..end);
    }
    let mut start = end;
    while start > 0 && end - start < 8 {
        let k = start - 1;
        if !same(k) || !name_piece(doc, k) {
            break;
        }
        let w = tok(doc, k);
        // "Institute for Sea and Atmosphere": connectors between capitalized words.
        let connector = matches!(w, "and" | "for" | "of" | "on")
            && k > 0
            && doc.is_capitalized(k - 1)
            && doc.is_capitalized(k + 1);
        // "Engineers from the University of Porto", "officials in Kabul": a preposition
        // before a name, after a common noun, stays in the subject.
        let of_name = matches!(w, "from" | "of" | "at" | "in" | "with" | "for")
            && k > 0
            && same(k - 1)
            && doc.tokens[k - 1].kind == TokKind::Word
            && (!doc.is_capitalized(k - 1) || doc.is_sentence_initial(k - 1))
            && !breaks_subject(tok(doc, k - 1))
            && !is_pronoun(tok(doc, k - 1))
            && !speech_verb_at(doc, k - 1)
            && (doc.is_capitalized(k + 1)
                || (tok(doc, k + 1) == "the"
                    && k + 2 < doc.tokens.len()
                    && doc.is_capitalized(k + 2)));
        let connector = connector || of_name;
        if doc.tokens[k].kind == TokKind::Word
            && !connector
            && (breaks_subject(w) || is_pronoun(w) || speech_verb_at(doc, k))
        {
            break;
        }
        start = k;
    }
    (start < end).then_some(start..end)
}

/// Person or organization mentions inside byte range `r`.
fn speakers_in<'e>(
    entities: &'e EntitiesResult,
    r: Range<usize>,
) -> impl Iterator<Item = &'e (Range<usize>, usize)> + 'e {
    entities.mentions_in(r).filter(|(_, e)| {
        matches!(
            entities.kind_of(*e),
            Some(EntityKind::Person | EntityKind::Organization)
        )
    })
}

/// How many mentions back a pronoun may look for its person.
const PRONOUN_LOOKBACK: usize = 60;

/// The nearest person mentioned before byte `b`.
fn last_person_before(entities: &EntitiesResult, b: usize) -> Option<usize> {
    let i = entities.mentions.partition_point(|(m, _)| m.end <= b);
    entities.mentions[..i]
        .iter()
        .rev()
        .take(PRONOUN_LOOKBACK)
        .find(|(_, e)| entities.kind_of(*e) == Some(EntityKind::Person))
        .map(|(_, e)| *e)
}

#[derive(Debug, Clone)]
struct Attribution {
    /// Byte range of the speaker mention or phrase.
    speaker: Range<usize>,
    entity: Option<usize>,
    /// Token of the verb, when there is one.
    cue: Option<usize>,
    medium: Option<Range<usize>>,
    /// True when the speaker is a pronoun ("they" is resolved later, from earlier sources).
    pronoun: bool,
}

/// The speaker named by a subject phrase (token range): a pronoun; else the name inside it
/// without title or role ("Mayor Jane Roe" -> "Jane Roe", "Roe's spokesman" keeps the
/// phrase); else the phrase itself ("US intelligence officials").
fn speaker_of_phrase(
    doc: &Doc,
    entities: &EntitiesResult,
    subj: Range<usize>,
) -> Option<(Range<usize>, Option<usize>, bool)> {
    if subj.is_empty() {
        return None;
    }
    if subj.len() == 1 && is_pronoun(tok(doc, subj.start)) {
        let w = tok(doc, subj.start).to_lowercase();
        let bytes = doc.tokens[subj.start].range();
        let e = if w == "he" || w == "she" {
            last_person_before(entities, bytes.start)
        } else {
            None
        };
        return Some((bytes, e, true));
    }
    let bytes = doc.range(subj.start, subj.end - 1);
    // A name that ends the phrase ("Mayor Jane Roe") or starts it with an apposition cut off
    // before; a possessive ("Roe's spokesman") is not the speaker.
    let named = speakers_in(entities, bytes.clone())
        .filter(|(m, _)| {
            let k = doc.token_at_or_after(m.end);
            !(k < doc.tokens.len() && tok(doc, k).starts_with(['\'', '’']))
        })
        .last()
        .cloned();
    // "Engineers from the University of Porto", "supporters of Jane Roe": the head noun
    // before the preposition is the source, not the name after it.
    let head_before_name = |m: &Range<usize>| {
        let mt = doc.token_at_or_after(m.start);
        (subj.start..mt.min(subj.end))
            .any(|k| matches!(tok(doc, k), "from" | "of" | "at" | "in" | "with" | "for"))
    };
    if named.as_ref().is_some_and(|(m, _)| head_before_name(m)) {
        return Some((bytes, None, false));
    }
    if let Some((m, e)) = named {
        let k = doc.token_at_or_after(m.end);
        let rest_is_title = (k..subj.end).all(|j| !doc.is_capitalized(j) || j >= subj.end);
        if m.end == bytes.end || (rest_is_title && k >= subj.end) {
            // A person's title and role are dropped; an organization keeps its article
            // ("the Pentagon").
            if entities.kind_of(e) == Some(EntityKind::Person) {
                return Some((m, Some(e), false));
            }
            return Some((bytes, Some(e), false));
        }
        // "The New York businessman": a name used as a modifier stays in the phrase.
    }
    Some((bytes, None, false))
}

/// An organization right after `from` introduced as the audience: "told CNN", "said on Fox
/// News", "speaking to The New York Times", "in an interview with the BBC".
fn medium_after(
    doc: &Doc,
    entities: &EntitiesResult,
    verb: usize,
    limit: usize,
) -> Option<Range<usize>> {
    let n = doc.tokens.len();
    let told = matches!(tok(doc, verb), "told" | "tells" | "tell" | "telling");
    let end = limit.min(verb + 9).min(n);
    let mut k = verb + 1;
    while k < end {
        let w = tok(doc, k);
        if matches!(w, "," | "." | ";" | "that") || mark_char(doc, k).is_some() {
            break;
        }
        let prep = |j: usize| matches!(tok(doc, j), "to" | "on" | "with");
        let introduced = (told && k == verb + 1)
            || (told && k == verb + 2 && matches!(tok(doc, k - 1), "the" | "The"))
            || (k > verb + 1 && prep(k - 1))
            || (k > verb + 2 && matches!(tok(doc, k - 1), "the" | "The") && prep(k - 2));
        if introduced {
            if let Some((m, e)) = entities
                .mentions_in(doc.tokens[k].start..doc.text.len())
                .next()
            {
                if m.start == doc.tokens[k].start
                    && entities.kind_of(*e) == Some(EntityKind::Organization)
                {
                    return Some(m.clone());
                }
            }
        }
        k += 1;
    }
    None
}

/// After the quote, from token `from` (right after the closing mark): `”, NAME said`,
/// `” said NAME`, `”, NAME, a senator, said`, `”, he added for his part NAME`,
/// `”explained to MEDIUM NAME`.
fn attribution_after(doc: &Doc, entities: &EntitiesResult, from: usize) -> Option<Attribution> {
    let n = doc.tokens.len();
    let mut t = from;
    while t < n && matches!(tok(doc, t), "," | "—" | "–" | "-" | "―") {
        t += 1;
    }
    if t >= n || from == 0 {
        return None;
    }
    let line = doc.tokens[from - 1].line;
    // The window: the rest of the clause, bounded; a period ends it only where the sentence
    // splitter ended a sentence ("R-Ky., said" goes on).
    let mut limit = t;
    while limit < n && limit < t + 24 && doc.tokens[limit].line == line {
        let w = tok(doc, limit);
        if mark_char(doc, limit).is_some() || matches!(w, ";" | "?" | "!") {
            break;
        }
        let sentence_ends =
            limit + 1 < n && doc.tokens[limit + 1].sentence != doc.tokens[limit].sentence;
        if w == "." && sentence_ends {
            break;
        }
        limit += 1;
    }
    // "” ― Jane Roe": a signature after a dash, no verb.
    if t > from && matches!(tok(doc, t - 1), "—" | "–" | "―") {
        if let Some((m, e)) = speakers_in(entities, doc.tokens[t].start..doc.text.len())
            .next()
            .filter(|(m, _)| m.start == doc.tokens[t].start)
            .cloned()
        {
            let k = doc.token_at_or_after(m.end);
            if k >= n || doc.tokens[k].line != line || matches!(tok(doc, k), "." | ",") {
                return Some(Attribution {
                    speaker: m,
                    entity: Some(e),
                    cue: None,
                    medium: None,
                    pronoun: false,
                });
            }
        }
        // A name the recognizer missed: two to four capitalized words ending the line.
        let mut e = t;
        while e < n && e < t + 4 && doc.tokens[e].line == line && doc.is_capitalized(e) {
            e += 1;
        }
        let ends = e >= n || doc.tokens[e].line != line || tok(doc, e) == ".";
        if e >= t + 2 && ends && (t..e).all(|k| doc.tokens[k].kind == TokKind::Word) {
            return Some(Attribution {
                speaker: doc.range(t, e - 1),
                entity: None,
                cue: None,
                medium: None,
                pronoun: false,
            });
        }
    }
    let verb = (t..limit).find(|&k| speech_verb_at(doc, k))?;
    // "”, Senate Majority Leader Jane Roe, R-Ky., one of the ..., said": a person named at the
    // start of the clause, after titles only, when the phrase before the verb is too long to
    // walk.
    let named_first = || {
        speakers_in(entities, doc.tokens[t].start..doc.tokens[verb].start)
            .find(|(_, e)| entities.kind_of(*e) == Some(EntityKind::Person))
            .filter(|(m, _)| {
                let s = doc.token_at_or_after(m.start);
                s < t + 5 && (t..s).all(|k| doc.is_capitalized(k) || name_piece(doc, k))
            })
            .cloned()
    };
    // The medium after the verb, or later in the clause: "NAME, a senior adviser, speaking
    // to CNN".
    let medium = medium_after(doc, entities, verb, limit + 8).or_else(|| {
        (verb + 1..(verb + 16).min(n))
            .take_while(|&k| doc.tokens[k].line == line && tok(doc, k) != ".")
            .find(|&k| matches!(tok(doc, k), "speaking" | "talking" | "told"))
            .and_then(|k| medium_after(doc, entities, k, k + 8))
    });
    let told = matches!(tok(doc, verb), "told" | "tells");
    if verb > t {
        // Subject between the quote and the verb; nothing else may start the clause.
        let subj = subject_before(doc, verb).filter(|s| s.start == t);
        let Some(subj) = subj else {
            let (m, e) = named_first()?;
            return Some(Attribution {
                speaker: m,
                entity: Some(e),
                cue: Some(verb),
                medium,
                pronoun: false,
            });
        };
        let (speaker, entity, pronoun) = speaker_of_phrase(doc, entities, subj)?;
        if pronoun && !told {
            // "”, he added for his part Jake Sullivan": a name right after the verb, with
            // only a few lower-case words between, is the speaker.
            if let Some((m, e)) = person_right_after(doc, entities, verb, medium.as_ref()) {
                return Some(Attribution {
                    speaker: m,
                    entity: Some(e),
                    cue: Some(verb),
                    medium,
                    pronoun: false,
                });
            }
        }
        return Some(Attribution {
            speaker,
            entity,
            cue: Some(verb),
            medium,
            pronoun,
        });
    }
    // Verb first: "” said NAME", "” explained to MEDIUM NAME", "” said the spokesman".
    let mut k = verb + 1;
    let end = (verb + 14).min(n);
    // Skip the medium and its preposition.
    if let Some(m) = &medium {
        let after_medium = doc.token_at_or_after(m.end);
        if after_medium < end {
            k = after_medium;
        }
    }
    let mut e = k;
    while e < end
        && doc.tokens[e].line == line
        && name_piece(doc, e)
        && !(doc.tokens[e].kind == TokKind::Word && breaks_subject(tok(doc, e)) && e > k)
    {
        e += 1;
    }
    // "said Rep. Jim Clyburn (D-S.C.)": the parenthesis is not part of the name.
    if e <= k {
        return None;
    }
    let (speaker, entity, pronoun) = speaker_of_phrase(doc, entities, k..e)?;
    Some(Attribution {
        speaker,
        entity,
        cue: Some(verb),
        medium,
        pronoun,
    })
}

/// A person named right after `verb` with at most four lower-case words between.
fn person_right_after(
    doc: &Doc,
    entities: &EntitiesResult,
    verb: usize,
    medium: Option<&Range<usize>>,
) -> Option<(Range<usize>, usize)> {
    let n = doc.tokens.len();
    let end = (verb + 12).min(n);
    if verb + 1 >= end {
        return None;
    }
    let bytes = doc.tokens[verb].end..doc.tokens[end - 1].end;
    let (m, e) = entities
        .mentions_in(bytes)
        .find(|(m, e)| {
            entities.kind_of(*e) == Some(EntityKind::Person)
                && medium.map_or(true, |md| m.start >= md.end || m.end <= md.start)
        })
        .cloned()?;
    let mt = doc.token_at_or_after(m.start);
    let skip_to = medium
        .filter(|md| md.end <= m.start)
        .map_or(verb + 1, |md| doc.token_at_or_after(md.end));
    let between = (skip_to.max(verb + 1)..mt)
        .filter(|&k| doc.tokens[k].kind == TokKind::Word)
        .count();
    let clean = (verb + 1..mt).all(|k| {
        let w = tok(doc, k);
        !matches!(w, "," | "." | ";" | "that") && mark_char(doc, k).is_none()
            || (w == "." && name_piece(doc, k))
    });
    (clean && between <= 4).then_some((m, e))
}

/// Before the quote: `NAME: “` (headings, transcripts), or a verb of speaking earlier in the
/// same sentence whose object the quote is (`NAME said: “`, `officials told CNN that “`).
fn attribution_before(
    doc: &Doc,
    entities: &EntitiesResult,
    structure: &StructureInfo,
    open: usize,
) -> Option<Attribution> {
    if open == 0 {
        return None;
    }
    let sentence = doc.tokens[open].sentence;
    let mut first = doc.sentences.get(sentence as usize)?.start;
    let mut open = open;
    if first >= open {
        // "Roe continued:" closing the paragraph before a quoted one.
        if tok(doc, open - 1) != ":" || doc.tokens[open - 1].line == doc.tokens[open].line {
            return None;
        }
        first = doc
            .sentences
            .get(doc.tokens[open - 1].sentence as usize)?
            .start;
        open -= 1;
        if open < first + 2 || !speech_verb_at(doc, open - 1) {
            return None;
        }
    }
    // `NAME: “` (a heading or a transcript line).
    if tok(doc, open - 1) == ":" && open >= 2 {
        let colon = open - 1;
        let in_heading = matches!(
            structure.block_kind_at(doc.tokens[open].start),
            Some(BlockKind::Subheading | BlockKind::Headline)
        );
        let lead = doc.range(first.max(colon.saturating_sub(8)), colon - 1);
        if let Some((m, e)) = speakers_in(entities, lead).last().cloned() {
            if m.end == doc.tokens[colon - 1].end && (in_heading || colon - first <= 4) {
                return Some(Attribution {
                    speaker: m,
                    entity: Some(e),
                    cue: None,
                    medium: None,
                    pronoun: false,
                });
            }
        }
    }
    // The nearest speech verb before the quote in the same sentence, with no other quote in
    // between.
    let verb = (first..open)
        .rev()
        .take(40)
        .take_while(|&k| mark_char(doc, k).is_none())
        .find(|&k| speech_verb_at(doc, k))?;
    let medium = medium_after(doc, entities, verb, open);
    // "Roe attacked the plan, saying “...”": a participle's subject is the sentence's.
    if tok(doc, verb).ends_with("ing") {
        let from = first.max(verb.saturating_sub(40));
        let subj = speakers_in(entities, doc.tokens[from].start..doc.tokens[verb].start)
            .next()
            .map(|(m, e)| (m.clone(), Some(*e), false))
            .or_else(|| {
                subject_before(doc, verb).and_then(|s| speaker_of_phrase(doc, entities, s))
            })?;
        return Some(Attribution {
            speaker: subj.0,
            entity: subj.1,
            cue: Some(verb),
            medium,
            pronoun: subj.2,
        });
    }
    if let Some(subj) = subject_before(doc, verb) {
        let (speaker, entity, pronoun) = speaker_of_phrase(doc, entities, subj)?;
        return Some(Attribution {
            speaker,
            entity,
            cue: Some(verb),
            medium,
            pronoun,
        });
    }
    // "Roe bemoaned the unrest and said “...”": a verb coordinated with the sentence's own.
    if let Some((m, e)) = coordinated_subject(doc, entities, first, verb) {
        return Some(Attribution {
            speaker: m,
            entity: Some(e),
            cue: Some(verb),
            medium,
            pronoun: false,
        });
    }
    // "said NAME: “": subject after the verb.
    let r = doc.tokens[verb].end..doc.tokens[open].start;
    speakers_in(entities, r)
        .next()
        .cloned()
        .map(|(m, e)| Attribution {
            speaker: m,
            entity: Some(e),
            cue: Some(verb),
            medium,
            pronoun: false,
        })
}

/// Verbs that give a name or a rating rather than words said: `dubbed “Big Daddy”`, `was
/// labeled “Mostly False.”`, `known as “the Wall”`.
fn is_naming_verb(w: &str) -> bool {
    matches!(
        w,
        "called"
            | "labeled"
            | "labelled"
            | "dubbed"
            | "named"
            | "nicknamed"
            | "titled"
            | "entitled"
            | "termed"
            | "branded"
            | "rated"
            | "known"
            | "so-called"
            | "dubs"
            | "calls"
            | "labels"
            | "rates"
    )
}

/// A short stretch right after a naming verb (maybe with "as") is a name, title or rating,
/// not a quote.
fn named_by_verb(doc: &Doc, p: &Pair, words: usize) -> bool {
    let Some(o) = p.open_mark else { return false };
    if words > MAX_TITLE_WORDS || o == 0 {
        return false;
    }
    let mut k = o - 1;
    if tok(doc, k) == "as" && k > 0 {
        k -= 1;
    }
    doc.tokens[k].line == doc.tokens[o].line && is_naming_verb(tok(doc, k))
}

/// A stretch that is all one parenthesis or bracket (`“(CROSSTALK.)`, `[Laughter]`): a stage
/// direction inside a quoted transcript.
fn stage_direction(doc: &Doc, r: Range<usize>) -> bool {
    let mut end = r.end;
    while end > r.start && matches!(tok(doc, end - 1), "." | ",") {
        end -= 1;
    }
    end > r.start + 1
        && matches!(tok(doc, r.start), "(" | "[")
        && matches!(tok(doc, end - 1), ")" | "]")
}

/// `“WALLACE: ...` or `“MR. ROE: ...` opening a paragraph: the token of the colon after a
/// label of at most four upper-case words.
fn transcript_label(doc: &Doc, p: &Pair) -> Option<usize> {
    let o = p.open_mark?;
    if o > 0 && doc.tokens[o - 1].line == doc.tokens[o].line {
        return None;
    }
    let s = p.content.start;
    let colon = (s + 1..(s + 6).min(p.content.end)).find(|&k| tok(doc, k) == ":")?;
    let upper_word = |k: usize| {
        let w = tok(doc, k);
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(|c| c.is_lowercase())
    };
    let ok = (s..colon).all(|k| match doc.tokens[k].kind {
        TokKind::Word => upper_word(k),
        _ => name_piece(doc, k),
    }) && doc.tokens[s].kind == TokKind::Word;
    ok.then_some(colon)
}

/// The person a transcript label names (`WALLACE` for Chris Wallace): the nearest person
/// mentioned before it whose name ends with the label's last word, within a bounded number
/// of mentions.
fn person_named_like(doc: &Doc, entities: &EntitiesResult, label: Range<usize>) -> Option<usize> {
    let last = doc.text.get(label.clone())?.split_whitespace().last()?;
    if let Some((_, e)) = speakers_in(entities, label.clone()).last() {
        return Some(*e);
    }
    let i = entities
        .mentions
        .partition_point(|(m, _)| m.end <= label.start);
    entities.mentions[..i]
        .iter()
        .rev()
        .take(PRONOUN_LOOKBACK)
        .filter(|(_, e)| entities.kind_of(*e) == Some(EntityKind::Person))
        .find(|(m, _)| {
            doc.text
                .get(m.clone())
                .and_then(|t| t.split_whitespace().last())
                .is_some_and(|w| eq_ci(w, last))
        })
        .map(|(_, e)| *e)
}

/// A quote woven into the writer's sentence: it does not start the sentence and is not
/// introduced by a colon, and either begins in lower case (`said the plan was “a total
/// disaster”`) or runs on into the sentence (`claimed “prices will fall” this year`).
fn is_partial(doc: &Doc, p: &Pair, starts_sentence: bool) -> bool {
    let Some(o) = p.open_mark else { return false };
    if starts_sentence || p.carried || o == 0 || tok(doc, o - 1) == ":" {
        return false;
    }
    let first = (p.content.clone()).find(|&k| doc.tokens[k].kind == TokKind::Word);
    let lower_start = first.is_some_and(|k| tok(doc, k).starts_with(|c: char| c.is_lowercase()));
    let runs_on = p.close_mark.is_some_and(|c| {
        let last = p.content.end - 1;
        c + 1 < doc.tokens.len()
            && doc.tokens[c + 1].line == doc.tokens[c].line
            && doc.tokens[c + 1].kind == TokKind::Word
            && tok(doc, c + 1).starts_with(|ch: char| ch.is_lowercase())
            && !speech_verb_at(doc, c + 1)
            && !matches!(tok(doc, last), "," | "." | "?" | "!")
    });
    lower_start || runs_on
}

/// Title case: every word of four letters or more capitalized ("State of the Union"), with
/// no inner sentence punctuation (a comma or period before the closing mark is the American
/// placement of the sentence's own punctuation).
fn is_title_case(doc: &Doc, r: Range<usize>) -> bool {
    let mut words = 0;
    let mut end = r.end;
    while end > r.start && matches!(tok(doc, end - 1), "," | ".") {
        end -= 1;
    }
    for k in r.start..end {
        match doc.tokens[k].kind {
            TokKind::Word => {
                words += 1;
                if tok(doc, k).chars().count() >= 4 && !doc.is_capitalized(k) {
                    return false;
                }
            }
            TokKind::Number => words += 1,
            TokKind::Punct => {
                if matches!(tok(doc, k), "," | "." | "?" | "!" | ";") {
                    return false;
                }
            }
            TokKind::Symbol => {}
        }
    }
    words > 0 && words <= MAX_TITLE_WORDS
}

/// True when the attribution touches the quote: its verb within three tokens of a mark, or
/// a "NAME:" heading.
fn touches(p: &Pair, after: usize, attr: &Attribution, doc: &Doc) -> bool {
    match attr.cue {
        None => true,
        Some(v) => {
            (v >= after && v <= after + 3)
                || p.open_mark.is_some_and(|o| v + 3 >= o && v < o)
                || (v >= after && {
                    // "”, Sen. Jane Roe (D-Mo.) said": only the subject between.
                    let s = doc.token_at_or_after(attr.speaker.start);
                    s <= after + 2 && v > s
                })
                || p.close_mark.is_some_and(|c| {
                    // The quote itself ends in a comma, question or exclamation mark.
                    c > 0 && matches!(tok(doc, c - 1), "," | "?" | "!") && v >= after
                })
        }
    }
}

pub fn extract(doc: &Doc, structure: &StructureInfo, entities: &EntitiesResult) -> QuotesResult {
    let pairs = pair_marks(doc);
    let mut result = QuotesResult::default();
    // Borrowed: a copy of every entity's id per call was 5% of this module's instructions,
    // and only the ids of speakers are copied into the result.
    let ids: Vec<&str> = entities.entities.iter().map(|e| e.id.as_str()).collect();
    let mut quote_token_ranges: Vec<Range<usize>> = Vec::new();
    let mut used_verbs: Vec<usize> = Vec::new();
    // The last quote kept: its index in `result.quotes`, pair, and its end token.
    let mut prev: Option<(usize, Pair, usize)> = None;
    // The last organization or plural source, for "they".
    let mut last_group: Option<(TextSpan, Option<usize>)> = None;
    for p in &pairs {
        let words = p
            .content
            .clone()
            .filter(|&k| doc.tokens[k].kind != TokKind::Punct)
            .count();
        if words == 0 {
            continue;
        }
        let after = p.close_mark.map(|c| c + 1).unwrap_or(p.content.end);
        let starts_sentence = p.open_mark.map_or(true, |o| {
            let s = doc.tokens[o].sentence as usize;
            doc.sentences.get(s).map_or(true, |r| r.start == o)
        });
        let before = || {
            p.open_mark
                .and_then(|o| attribution_before(doc, entities, structure, o))
        };
        // A quote inside its sentence that ends it (`but said “the question is timing.”`):
        // what follows is the next sentence, whose verb is not this quote's.
        let ends_sentence = p.close_mark.is_some_and(|c| {
            c > 0
                && matches!(doc.tok(c - 1), "." | "?" | "!")
                && doc.is_capitalized((c + 1).min(doc.tokens.len() - 1))
        });
        let attr = if starts_sentence || p.carried {
            attribution_after(doc, entities, after).or_else(before)
        } else if ends_sentence {
            before()
        } else {
            before().or_else(|| attribution_after(doc, entities, after))
        };
        let touching = attr.as_ref().is_some_and(|a| touches(p, after, a, doc));
        let title = is_title_case(doc, p.content.clone());
        // "on CNN's “State of the Union”", "an episode of “Morning Joe”": a title whatever
        // follows it.
        let named_show = title
            && p.open_mark.is_some_and(|o| {
                o > 0
                    && (matches!(doc.tok(o - 1), "'s" | "’s" | "on" | "of" | "in" | "from")
                        || doc.tok(o - 1).ends_with("s'"))
            });
        // "“Neither do I.”": a whole short sentence of its own is a quote.
        let last = p.content.end - 1;
        let sentence_of_its_own = starts_sentence
            && doc.is_capitalized(p.content.start)
            && matches!(doc.tok(last), "." | "?" | "!");
        if named_show
            || named_by_verb(doc, p, words)
            || stage_direction(doc, p.content.clone())
            || (!touching
                && !p.carried
                && !sentence_of_its_own
                && (words <= MAX_SCARE_WORDS || title))
        {
            continue;
        }
        // `“WALLACE: Let's start ...` in a quoted transcript: the label is the speaker and
        // starts a new statement, even in a run of carried paragraphs.
        if let Some(colon) = transcript_label(doc, p) {
            let label = doc.range(p.content.start, colon - 1);
            let entity = person_named_like(doc, entities, label.clone());
            let span = doc.text_span(label);
            let mut q = p.clone();
            q.content = colon + 1..p.content.end;
            if q.content.is_empty() {
                continue;
            }
            let first_tok = p.open_mark.unwrap_or(p.content.start);
            push_quote(
                doc,
                &mut result,
                &q,
                Some(span),
                entity.and_then(|e| ids.get(e).map(|&s| String::from(s))),
                None,
                None,
                None,
                false,
            );
            quote_token_ranges.push(first_tok..after);
            prev = Some((result.quotes.len() - 1, q, after));
            continue;
        }
        let partial = is_partial(doc, p, starts_sentence);
        // One statement with the quote before: the next paragraph of it, or split by an
        // attribution that ends in a comma or colon right before this opening mark.
        let continues = prev.as_ref().and_then(|(i, q, end)| {
            let o = p.open_mark?;
            let split = q.close_mark.is_some()
                && o > *end
                && o - *end <= 20
                && o > 0
                && matches!(doc.tok(o - 1), "," | ":")
                && doc.tokens[o].line == doc.tokens[*end - 1].line
                && (*end..o).all(|k| mark_char(doc, k).is_none() && doc.tok(k) != ".");
            (p.carried || split).then_some(*i)
        });
        let line_of = |t: usize| doc.tokens[t].line;
        let first_tok = p.open_mark.unwrap_or(p.content.start);
        let mut attr = attr;
        // With no attribution of its own, a quote continues the previous quote's speaker in
        // the same paragraph, or from the end of the paragraph just before.
        let inherited = prev
            .as_ref()
            .filter(|_| attr.is_none())
            .filter(|(_, _, end)| {
                line_of(first_tok) == line_of(*end - 1)
                    || (first_tok > 0
                        && line_of(first_tok - 1) == line_of(*end - 1)
                        && first_tok - *end <= 20
                        && starts_sentence)
                    || continues.is_some()
            })
            .and_then(|(i, _, _)| result.quotes.get(*i))
            .map(|q| (q.speaker.clone(), q.speaker_entity.clone()));
        let (speaker, entity, cue, medium) = match attr.take() {
            Some(a) => {
                let span = doc.text_span(a.speaker.clone());
                let mut entity = a.entity;
                if a.pronoun && eq_ci(&span.text, "they") {
                    entity = last_group.as_ref().and_then(|g| g.1);
                } else if !a.pronoun {
                    let plural = span.text.ends_with('s');
                    let org = a
                        .entity
                        .is_some_and(|e| entities.kind_of(e) == Some(EntityKind::Organization));
                    if org || (a.entity.is_none() && plural) {
                        last_group = Some((span.clone(), a.entity));
                    }
                }
                // A partial quote inside "X said the plan was “...”" is part of reported
                // speech: the verb stays free for it.
                if let Some(v) = a.cue.filter(|&v| !(partial && v < first_tok)) {
                    used_verbs.push(v);
                }
                (
                    Some(span),
                    entity.and_then(|e| ids.get(e).map(|&s| String::from(s))),
                    a.cue.map(|v| doc.text_span(doc.tokens[v].range())),
                    a.medium.map(|m| doc.text_span(m)),
                )
            }
            None => match inherited {
                Some((speaker, entity)) => (speaker, entity, None, None),
                None => (None, None, None, None),
            },
        };
        let cont = continues.map(|c| format!("q{}", c + 1));
        push_quote(
            doc,
            &mut result,
            p,
            speaker,
            entity,
            cue,
            medium,
            cont,
            partial,
        );
        quote_token_ranges.push(first_tok..after);
        prev = Some((result.quotes.len() - 1, p.clone(), after));
    }
    share_speakers(&mut result.quotes);
    // The crate's small sort: `sort_unstable` compiled 4 KB of quicksort for this one list.
    crate::sort::sort_by_key(&mut used_verbs, |&v| v);
    result.reported = reported(
        doc,
        structure,
        entities,
        &ids,
        &quote_token_ranges,
        &used_verbs,
    );
    result
}

#[allow(clippy::too_many_arguments)]
fn push_quote(
    doc: &Doc,
    result: &mut QuotesResult,
    p: &Pair,
    speaker: Option<TextSpan>,
    speaker_entity: Option<String>,
    cue: Option<TextSpan>,
    medium: Option<TextSpan>,
    continues: Option<String>,
    partial: bool,
) {
    let content = doc.range(p.content.start, p.content.end - 1);
    let t = doc.text_span(trim_content(doc, content));
    let id = format!("q{}", result.quotes.len() + 1);
    result.quotes.push(Quote {
        id,
        start: t.start,
        end: t.end,
        text: t.text,
        speaker,
        speaker_entity,
        cue,
        medium,
        continues,
        partial,
    });
}

/// Parts of one statement share the speaker: an attribution found on a later part (the
/// last paragraph of a long quote) names the earlier ones too.
fn share_speakers(quotes: &mut [Quote]) {
    let index = |id: &str| parse_int::<usize>(id.strip_prefix('q')?)?.checked_sub(1);
    for i in (0..quotes.len()).rev() {
        let Some(j) = quotes[i].continues.as_deref().and_then(index) else {
            continue;
        };
        if j < i && quotes[j].speaker.is_none() && quotes[i].speaker.is_some() {
            quotes[j].speaker = quotes[i].speaker.clone();
            quotes[j].speaker_entity = quotes[i].speaker_entity.clone();
        }
    }
    for i in 0..quotes.len() {
        let Some(j) = quotes[i].continues.as_deref().and_then(index) else {
            continue;
        };
        if j < i && quotes[i].speaker.is_none() {
            quotes[i].speaker = quotes[j].speaker.clone();
            quotes[i].speaker_entity = quotes[j].speaker_entity.clone();
        }
    }
}

/// Quote content without surrounding spaces.
fn trim_content(doc: &Doc, r: Range<usize>) -> Range<usize> {
    let s = &doc.text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    r.start + lead..r.end - trail
}

/// Reported speech: "X said (that) ...", "X told Y that ...", "according to X, ...".
fn reported(
    doc: &Doc,
    structure: &StructureInfo,
    entities: &EntitiesResult,
    ids: &[&str],
    quotes: &[Range<usize>],
    used_verbs: &[usize],
) -> Vec<Reported> {
    let n = doc.tokens.len();
    let mut out = Vec::new();
    let mut q = 0;
    // Token end of the last reported content.
    let mut covered_to = 0;
    let in_quote = |t: usize, q: &mut usize| {
        while *q < quotes.len() && quotes[*q].end <= t {
            *q += 1;
        }
        *q < quotes.len() && quotes[*q].start <= t
    };
    for t in 0..n {
        if in_quote(t, &mut q) || used_verbs.binary_search(&t).is_ok() {
            continue;
        }
        let w = doc.tok(t);
        // A headline "Roe: The Bridge Will Not Reopen": the label before the colon is the
        // source.
        if w == ":" {
            if let Some((label, end)) = headline_label(doc, structure, t) {
                push_reported(doc, entities, ids, &mut out, label, t..t + 1, t + 1..end);
            }
            continue;
        }
        let according = (matches!(w, "according" | "According") && doc.tok_or_empty(t + 1) == "to")
            || (w == "citing" && t > 0 && doc.tok(t - 1) == ",");
        // "Roe is stressing that ...", "keeps saying": a progressive, not a passive.
        // The cheap tests on the word first: in the page's build each string of a `matches!`
        // of the same length is a call of `memcmp` (round 16).
        let progressive = t > 0
            && w.ends_with("ing")
            && matches!(
                doc.tok(t - 1),
                "is" | "are" | "was" | "were" | "been" | "keeps" | "kept"
            )
            && progressive_speech(w);
        let capitalized_verb = w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
            && matches!(
                w,
                "Says" | "Said" | "Warns" | "Tells" | "Claims" | "Insists" | "Vows"
            );
        // The speech and reporting verb tests on the token in hand, each once.
        let is_word = doc.tokens[t].kind == TokKind::Word;
        let speech = is_word && lowercase_initial(w) && is_speech_verb(w);
        let reporting_verb = is_word && is_reporting_verb(w);
        if !according && !capitalized_verb && !progressive && !speech && !reporting_verb {
            continue;
        }
        let sentence = doc.tokens[t].sentence as usize;
        let Some(srange) = doc.sentences.get(sentence) else {
            continue;
        };
        let send = trim_sentence_end(doc, srange.clone());
        if according {
            // Source: the phrase after "to" up to a comma or the sentence end (bounded).
            let cue_len = if w == "citing" { 1 } else { 2 };
            let s0 = t + cue_len;
            let mut s1 = s0;
            while s1 < send && s1 < s0 + 12 && !matches!(doc.tok(s1), "," | ";" | "(") {
                s1 += 1;
            }
            if s1 <= s0 {
                continue;
            }
            // Content: the rest of the sentence on the other side.
            let content = if s1 < send && doc.tok(s1) == "," {
                s1 + 1..send
            } else {
                let mut e = t;
                while e > srange.start && doc.tok(e - 1) == "," {
                    e -= 1;
                }
                srange.start..e
            };
            push_reported(
                doc,
                entities,
                ids,
                &mut out,
                s0..s1,
                t..t + cue_len,
                content,
            );
            continue;
        }
        // Headlines capitalize their verbs: "Roe Says Bridge Will Stay Closed".
        let headline_verb = doc.is_capitalized(t)
            && doc.tokens[t].kind == TokKind::Word
            && t > srange.start
            && capitalized_verb
            && matches!(
                structure.block_kind_at(doc.tokens[t].start),
                Some(BlockKind::Headline | BlockKind::Subheading)
            );
        let reporting = speech || reporting_verb || headline_verb || progressive;
        // "continues" is speech only next to a quote ("the rain continues").
        // "called" reports only a demand ("called for", "called on"), not a name or a call.
        let bare_call =
            matches!(w, "called" | "calls") && !matches!(doc.tok_or_empty(t + 1), "for" | "on");
        if !reporting
            || bare_call
            || w.starts_with("continue")
            || (!progressive && !headline_verb && passive_or_noun(doc, t))
        {
            continue;
        }
        // "Roe attacked the plan, saying it would fail": a participle after a comma hangs on
        // the sentence's subject, the first person or organization named in it.
        if w.ends_with("ing") && !progressive {
            // "speaking to CNN" names the audience, not what was said.
            if w == "speaking"
                || t == 0
                || !matches!(doc.tok(t - 1), "," | "by" | "while" | "after" | "before")
            {
                continue;
            }
            let from = srange.start.max(t.saturating_sub(40));
            // The first named source, else the subject of the sentence's first verb of
            // speaking ("the mayor said ..., adding that ...").
            let named = speakers_in(entities, doc.tokens[from].start..doc.tokens[t].start)
                .next()
                .map(|(m, _)| doc.token_at_or_after(m.start)..doc.token_at_or_after(m.end));
            let Some(subj) = named.or_else(|| {
                (from..t)
                    .find(|&k| speech_verb_at(doc, k))
                    .and_then(|v| subject_before(doc, v))
                    .filter(|s| real_subject(doc, s))
            }) else {
                continue;
            };
            let c = clause_start(doc, t + 1, send);
            if clause_like(doc, c, send) {
                push_reported(doc, entities, ids, &mut out, subj, t..t + 1, c..send);
            }
            continue;
        }
        // "..., said Jane Roe, a spokeswoman for the city.": the subject after the verb,
        // the content before it.
        if t > srange.start + 3 && doc.tok(t - 1) == "," && send > t + 1 && send - t <= 14 {
            let mut s1 = t + 1;
            while s1 < send && !matches!(doc.tok(s1), "," | "(" | ";") {
                s1 += 1;
            }
            let first = doc.tok(t + 1);
            let head = doc.is_capitalized(t + 1)
                || matches!(
                    first,
                    "the" | "a" | "an" | "one" | "two" | "several" | "some"
                );
            // A noun phrase, not a clause: "Roe, director of the institute, said the states
            // were exaggerating" has its subject first and its content after the verb.
            let clean = (t + 1..s1).all(|k| name_piece(doc, k) && mark_char(doc, k).is_none())
                && !(t + 1..s1).any(|k| {
                    let w = doc.tok(k);
                    matches!(w, "that" | "in" | "on" | "at") || is_finite_verb_word(w)
                });
            let mut e = t - 1;
            while e > srange.start && doc.tok(e - 1) == "," {
                e -= 1;
            }
            let words = (srange.start..e)
                .filter(|&k| doc.tokens[k].kind == TokKind::Word)
                .take(3)
                .count();
            if head && clean && s1 > t + 1 && words >= 3 && mark_char(doc, srange.start).is_none() {
                push_reported(
                    doc,
                    entities,
                    ids,
                    &mut out,
                    t + 1..s1,
                    t..t + 1,
                    srange.start..e,
                );
                covered_to = send;
                continue;
            }
        }
        // "..., officials said." The content comes first; a short tail may follow the verb
        // ("..., the company said in a statement on Monday.", "..., she told reporters.").
        let short_tail = t + 1 < send
            && send - (t + 1) <= 8
            && t > srange.start
            && (t + 1..send).all(|k| {
                !matches!(doc.tok(k), "that" | "," | ";" | ":") && mark_char(doc, k).is_none()
            })
            && !(t + 1..send).any(|k| is_pronoun(doc.tok(k)))
            && subject_before(doc, t)
                .is_some_and(|s| s.start > srange.start && doc.tok(s.start - 1) == ",");
        if t + 1 >= send || short_tail {
            let Some(subj) = subject_before(doc, t) else {
                continue;
            };
            if subj.start > srange.start && doc.tok(subj.start - 1) == "," {
                let mut e = subj.start - 1;
                while e > srange.start && doc.tok(e - 1) == "," {
                    e -= 1;
                }
                let words = (srange.start..e)
                    .filter(|&k| doc.tokens[k].kind == TokKind::Word)
                    .take(3)
                    .count();
                if words >= 3 && mark_char(doc, srange.start).is_none() {
                    push_reported(
                        doc,
                        entities,
                        ids,
                        &mut out,
                        subj,
                        t..t + 1,
                        srange.start..e,
                    );
                }
            }
            continue;
        }
        let subj_at = if progressive { t - 1 } else { t };
        let subj = subject_before(doc, subj_at)
            .filter(|s| real_subject(doc, s))
            .or_else(|| {
                coordinated_subject(doc, entities, srange.start, t)
                    .map(|(m, _)| doc.token_at_or_after(m.start)..doc.token_at_or_after(m.end))
            });
        let Some(subj) = subj else {
            continue;
        };
        // "told the audience that she believes ...": a belief inside reported content is
        // part of it.
        if reporting_verb && t < covered_to {
            continue;
        }
        // "The museum, Mr. Obama said, would make ...": an attribution set off by commas
        // inside the sentence reports the whole sentence.
        let inserted = subj.start > srange.start
            && doc.tok(subj.start - 1) == ","
            && (t + 1..(t + 7).min(send))
                .take_while(|&k| doc.tok(k) != "that" && mark_char(doc, k).is_none())
                .any(|k| doc.tok(k) == ",")
            && mark_char(doc, srange.start).is_none();
        if inserted {
            let words = (srange.start..send)
                .filter(|&k| doc.tokens[k].kind == TokKind::Word)
                .take(6)
                .count();
            if words >= 6 {
                push_reported(
                    doc,
                    entities,
                    ids,
                    &mut out,
                    subj,
                    t..t + 1,
                    srange.start..send,
                );
            }
            continue;
        }
        // "Roe called for an inquiry", "called on the board to resign": the demand is the
        // content.
        if matches!(w, "called" | "calls" | "call")
            && matches!(doc.tok_or_empty(t + 1), "for" | "on")
        {
            let c = t + 2;
            let words = (c..send)
                .filter(|&k| doc.tokens[k].kind == TokKind::Word)
                .take(2)
                .count();
            if words >= 2 {
                push_reported(doc, entities, ids, &mut out, subj, t..t + 2, c..send);
                covered_to = send;
            }
            continue;
        }
        // "X told Y that": skip the listener; without "that", a listener of a few words and
        // then a clause with a pronoun subject ("told reporters he would run").
        let mut c = t + 1;
        // "said at a campaign stop in Toledo, Ohio, that ...": "that" after a short
        // adverbial.
        let adverbial = matches!(
            doc.tok_or_empty(c),
            "," | "at" | "in" | "on" | "during" | "after" | "before" | "earlier" | "later"
        );
        let reach = if adverbial { 12 } else { 6 };
        let that = (c..(c + reach).min(send))
            .take_while(|&k| mark_char(doc, k).is_none() && doc.tok(k) != ";")
            .find(|&k| doc.tok(k) == "that");
        // "announced the locations that would be given ...": "that" after an object, before
        // an auxiliary, opens a relative clause; the object is the content.
        let relative = that.is_some_and(|k| {
            k > c + 1
                && !doc.is_capitalized(k - 1)
                && doc.tokens[k - 1].kind == TokKind::Word
                && matches!(
                    doc.tok_or_empty(k + 1),
                    "would"
                        | "will"
                        | "could"
                        | "can"
                        | "is"
                        | "was"
                        | "were"
                        | "are"
                        | "has"
                        | "had"
                        | "have"
                )
        });
        let that = that.filter(|_| !relative);
        if let Some(k) = that {
            c = k + 1;
        } else if relative {
            // The object and its relative clause are the content.
        } else if matches!(w, "told" | "tells" | "tell") {
            let Some(k) = (c + 1..(c + 6).min(send))
                .take_while(|&k| !matches!(doc.tok(k), "," | ";" | ":"))
                .find(|&k| matches!(doc.tok(k), "he" | "she" | "they" | "it" | "we" | "I"))
            else {
                continue;
            };
            c = k;
        } else if w == "pointed" {
            if doc.tok_or_empty(c) != "out" {
                continue;
            }
            c += 1;
        }
        // "said “We ...”" is a direct quote; "said that “a bomb” had gone off" is not.
        if c < send && mark_char(doc, c).is_some() && doc.is_capitalized((c + 1).min(n - 1)) {
            continue;
        }
        let after_that = that.is_some();
        let c = clause_start(doc, c, send);
        let words = (c..send)
            .filter(|&k| doc.tokens[k].kind == TokKind::Word)
            .take(3)
            .count();
        // "read" reports only with "that" ("the letter reads that ..."), not "read the
        // statement".
        let needs_that = matches!(w, "read" | "reads");
        if (after_that && words < 3) || (!after_that && (needs_that || !clause_like(doc, c, send)))
        {
            continue;
        }
        push_reported(doc, entities, ids, &mut out, subj, t..t + 1, c..send);
        covered_to = send;
    }
    out
}

/// In a headline, a label of one to four capitalized words before the colon at `colon`, at
/// the start of the line, and three words or more after it: the label's tokens and the end
/// of the content.
fn headline_label(
    doc: &Doc,
    structure: &StructureInfo,
    colon: usize,
) -> Option<(Range<usize>, usize)> {
    if !matches!(
        structure.block_kind_at(doc.tokens[colon].start),
        Some(BlockKind::Headline | BlockKind::Subheading)
    ) {
        return None;
    }
    let line = doc.tokens[colon].line;
    let start = (colon.saturating_sub(5)..colon)
        .find(|&k| doc.tokens[k].line == line && (k == 0 || doc.tokens[k - 1].line != line))?;
    let label_ok = colon > start
        && (start..colon).all(|k| {
            doc.is_capitalized(k) || (doc.tokens[k].kind != TokKind::Word && name_piece(doc, k))
        });
    if !label_ok {
        return None;
    }
    // `Roe: “We will ...”` is a direct quote.
    if mark_char(doc, colon + 1).is_some() {
        return None;
    }
    let mut end = colon + 1;
    while end < doc.tokens.len() && end < colon + 60 && doc.tokens[end].line == line {
        end += 1;
    }
    while end > colon + 1 && doc.tokens[end - 1].kind == TokKind::Punct {
        end -= 1;
    }
    let words = (colon + 1..end)
        .filter(|&k| doc.tokens[k].kind == TokKind::Word)
        .take(3)
        .count();
    (words >= 3).then_some((start..colon, end))
}

/// The subject of a verb coordinated with the sentence's main one ("Roe bemoaned the unrest
/// and said ...", "Roe (D-N.Y.), chairman of the caucus, said ..."): the person or
/// organization named at the start of the sentence (within its first five tokens).
fn coordinated_subject(
    doc: &Doc,
    entities: &EntitiesResult,
    first: usize,
    verb: usize,
) -> Option<(Range<usize>, usize)> {
    if verb == 0 || !matches!(tok(doc, verb - 1), "and" | "but" | ",") || verb < first + 2 {
        return None;
    }
    let from = first.max(verb.saturating_sub(40));
    let (m, e) = speakers_in(entities, doc.tokens[from].start..doc.tokens[verb].start)
        .next()
        .cloned()?;
    (doc.token_at_or_after(m.start) < first + 5 && from == first).then_some((m, e))
}

/// A subject phrase that can be a source: not a lone determiner or possessive ("the
/// alleged terrorist", "his revealed strategies"), and not the object of "what" ("what
/// Trump says his plan would do").
fn real_subject(doc: &Doc, s: &Range<usize>) -> bool {
    let lone = s.len() == 1
        && matches!(
            tok(doc, s.start).to_lowercase().as_str(),
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "my"
                | "your"
                | "this"
                | "almost"
                | "not"
                | "never"
                | "also"
        );
    let preposition = matches!(
        tok(doc, s.start).to_lowercase().as_str(),
        "from"
            | "in"
            | "on"
            | "at"
            | "after"
            | "before"
            | "for"
            | "with"
            | "by"
            | "during"
            | "of"
            | "to"
    );
    let object_of_what = s.start > 0
        && matches!(
            tok(doc, s.start - 1).to_lowercase().as_str(),
            "what" | "how" | "whatever"
        );
    !lone && !preposition && !object_of_what
}

/// The -ing form of a verb of speaking ("stressing", "arguing", "saying").
fn progressive_speech(w: &str) -> bool {
    let Some(stem) = w.strip_suffix("ing") else {
        return false;
    };
    if stem.len() < 2 {
        return false;
    }
    if is_speech_verb(w) {
        return true;
    }
    // The other forms spelled in a stack buffer (a speech verb has at most 12 bytes).
    let mut buf = [0u8; 16];
    let Some(head) = buf.get_mut(..stem.len()) else {
        return false;
    };
    head.copy_from_slice(stem.as_bytes());
    ["ed", "s", "es"].iter().any(|suffix| {
        let n = stem.len() + suffix.len();
        buf.get_mut(stem.len()..n)
            .map(|tail| tail.copy_from_slice(suffix.as_bytes()))
            .is_some()
            && buf
                .get(..n)
                .and_then(|b| std::str::from_utf8(b).ok())
                .is_some_and(is_speech_verb)
    })
}

/// Verbs that report findings or beliefs rather than words ("the study found that ...",
/// "a poll shows ...", "Roe believes ..."): reported speech, but too loose to attribute a
/// direct quote.
const REPORTING_VERBS: [&str; 23] = [
    "found",
    "cited",
    "cites",
    "echoed",
    "called",
    "calls",
    "finds",
    "shows",
    "showed",
    "show",
    "believes",
    "believe",
    "believed",
    "estimates",
    "estimated",
    "learned",
    "indicated",
    "indicates",
    "concluded",
    "argue",
    "claim",
    "warn",
    "insist",
];

/// The (length, first byte, last byte) test of [`REPORTING_VERBS`] ([`lexicon::ends_in`]):
/// asked of every word, it lets seven words in ten of those the (length, first letter) let
/// through out before the list is searched (round 29 of docs/performance.md).
static REPORTING_ENDS: [u64; 17] = lexicon::ends_table(&REPORTING_VERBS);

fn is_reporting_verb(w: &str) -> bool {
    lexicon::ends_in(&REPORTING_ENDS, w) && REPORTING_VERBS.contains(&w)
}

/// A passive ("was told", "charged with", "reported by") or a plural noun that looks like a
/// verb ("swing states", "Trump's comments", "late-night tweets").
fn passive_or_noun(doc: &Doc, t: usize) -> bool {
    let before = if t > 0 { tok(doc, t - 1) } else { "" };
    if matches!(
        before,
        "been" | "be" | "being" | "is" | "are" | "was" | "were" | "get" | "got"
    ) || matches!(doc.tok_or_empty(t + 1), "by" | "with")
    {
        return true;
    }
    if before.ends_with("’s") || before.ends_with("'s") || before.ends_with("s’") {
        return true;
    }
    let noun_like = matches!(
        tok(doc, t),
        "states"
            | "comments"
            | "tweets"
            | "remarks"
            | "claims"
            | "reports"
            | "notes"
            | "answers"
            | "replies"
            | "charges"
            | "shows"
            | "finds"
            | "estimates"
            | "posts"
            | "vows"
            | "pledges"
            | "promises"
            | "warns"
            | "comments:"
            | "show"
            | "claim"
            | "remarks:"
    );
    if !noun_like || t == 0 || doc.tok_or_empty(t + 1) == "that" {
        return false;
    }
    // A verb after a name or a pronoun; after a lower-case word ("swing states", "the
    // press reports") a noun, unless "that" follows or it is a finding after "the NOUN".
    let mut k = t - 1;
    while k > 0 && is_adverb(tok(doc, k)) {
        k -= 1;
    }
    let prev = tok(doc, k);
    if doc.is_capitalized(k) || matches!(prev, "he" | "she" | "it" | "they") {
        return false;
    }
    // "a poll shows", "the study finds": these read as verbs after "the/a NOUN".
    let finding = matches!(tok(doc, t), "shows" | "show" | "finds" | "estimates");
    let determiner = |j: usize| {
        matches!(
            tok(doc, j),
            "the" | "The" | "a" | "A" | "an" | "An" | "this" | "This"
        )
    };
    !(finding && ((k > 0 && determiner(k - 1)) || (k > 1 && determiner(k - 2))))
}

/// Where reported content starts: past leftover punctuation and conjunctions (", and the
/// program ...").
fn clause_start(doc: &Doc, mut c: usize, end: usize) -> usize {
    while c < end
        && matches!(
            tok(doc, c),
            "," | ";" | ":" | "." | "—" | "–" | "-" | "and" | "but" | "or" | "that" | "then" | "so"
        )
    {
        c += 1;
    }
    c
}

/// Content that reads as a clause: three words or more, not a bare phrase after a
/// preposition ("said in his interview", "concludes with footage", "states of Ohio"). A
/// clause after an adverbial ("said after the convention he would ...") is kept.
fn clause_like(doc: &Doc, c: usize, end: usize) -> bool {
    let words = (c..end)
        .filter(|&k| doc.tokens[k].kind == TokKind::Word)
        .take(8)
        .count();
    if words < 3 || c >= end {
        return false;
    }
    let w = tok(doc, c);
    if !w.starts_with(|ch: char| ch.is_lowercase()) {
        return true;
    }
    // A participle, or an auxiliary whose subject was lost ("announced would be given").
    if (w.ends_with("ing") && w.len() > 5)
        || matches!(
            w,
            "would"
                | "will"
                | "could"
                | "can"
                | "should"
                | "may"
                | "might"
                | "must"
                | "is"
                | "was"
                | "were"
                | "are"
                | "has"
                | "had"
                | "have"
                | "did"
                | "does"
                | "do"
                | "been"
        )
    {
        return false;
    }
    let prep = matches!(
        w,
        "at" | "in"
            | "on"
            | "during"
            | "after"
            | "before"
            | "when"
            | "while"
            | "from"
            | "for"
            | "earlier"
            | "later"
    );
    // "said about 350 firefighters were deployed": "about" before a number is no
    // preposition.
    let nominal = matches!(w, "of" | "by" | "with" | "like" | "such" | "out" | "up")
        || (w == "about" && doc.tokens.get(c + 1).map(|t| t.kind) != Some(TokKind::Number));
    if !prep && !nominal {
        return true;
    }
    let subject_follows = (c + 1..(c + 10).min(end))
        .any(|k| matches!(tok(doc, k), "he" | "she" | "they" | "it" | "we" | "I"));
    subject_follows || (prep && words >= 8)
}

/// Sentence end without final punctuation and closing marks.
fn trim_sentence_end(doc: &Doc, s: Range<usize>) -> usize {
    let mut e = s.end;
    while e > s.start && doc.tokens[e - 1].kind == TokKind::Punct {
        e -= 1;
    }
    e
}

fn push_reported(
    doc: &Doc,
    entities: &EntitiesResult,
    ids: &[&str],
    out: &mut Vec<Reported>,
    source: Range<usize>,
    cue: Range<usize>,
    content: Range<usize>,
) {
    // Content runs to the sentence's end (or from its start), which in text with no sentence
    // breaks is the whole text, once per verb: bounded, the pass stays linear.
    let content = if content.start >= cue.end {
        content.start..content.end.min(content.start + MAX_CONTENT_TOKENS)
    } else {
        content
            .start
            .max(content.end.saturating_sub(MAX_CONTENT_TOKENS))..content.end
    };
    let content = clause_start(doc, content.start, content.end)..content.end;
    if source.is_empty() || content.is_empty() || cue.is_empty() {
        return;
    }
    let Some((source_bytes, source_entity, _)) = speaker_of_phrase(doc, entities, source.clone())
    else {
        return;
    };
    let medium = medium_after(doc, entities, cue.end - 1, content.start.max(cue.end));
    let c = doc.text_span(doc.range(content.start, content.end - 1));
    out.push(Reported {
        start: c.start,
        end: c.end,
        text: c.text,
        source: doc.text_span(source_bytes),
        source_entity: source_entity.and_then(|e| ids.get(e).map(|&s| String::from(s))),
        cue: doc.text_span(doc.range(cue.start, cue.end - 1)),
        medium: medium.map(|m| doc.text_span(m)),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{entities, structure};

    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        let doc = Doc::new(text);
        let s = structure::analyze(&doc);
        let e = entities::extract(&doc, &s);
        extract(&doc, &s, &e)
            .quotes
            .into_iter()
            .map(|q| (q.text, q.speaker.map(|s| s.text)))
            .collect()
    }

    #[test]
    fn speaker_after_quote_and_glued_mark() {
        assert_eq!(
            quotes("“We will rebuild the bridge”Maria Lopez said on Monday."),
            vec![(
                "We will rebuild the bridge".to_string(),
                Some("Maria Lopez".to_string())
            )]
        );
        assert_eq!(
            quotes("\"Prices will fall soon,\" said John Smith, an economist."),
            vec![(
                "Prices will fall soon,".to_string(),
                Some("John Smith".to_string())
            )]
        );
    }

    #[test]
    fn opening_mark_used_as_closing_and_named_after_verb() {
        let q = quotes("“The risk is real. It is growing. “, he added for his part Jane Roe, a senior adviser.");
        assert_eq!(
            q,
            vec![(
                "The risk is real. It is growing.".to_string(),
                Some("Jane Roe".to_string())
            )]
        );
    }

    #[test]
    fn pronoun_speaker_and_continuation() {
        let q = quotes("Maria Lopez spoke on Monday. “We are ready for this,” she said. “Nothing will stop us.”");
        assert_eq!(q[0].1.as_deref(), Some("she"));
        assert_eq!(q[1].1.as_deref(), Some("she"));
    }

    #[test]
    fn typewriter_quote_marks() {
        let q = quotes("''This is not tax reform,'' said Omar Diaz, an economist.");
        assert_eq!(
            q,
            [("This is not tax reform,".into(), Some("Omar Diaz".into()))]
        );
        let q = quotes("``We will win the vote in the spring,'' she said after Jane Roe spoke.");
        assert_eq!(q[0].0, "We will win the vote in the spring,");
    }

    #[test]
    fn scare_quotes_are_not_quotes() {
        assert!(quotes("The region the group calls “Zaria.” is large.").is_empty());
        assert!(quotes("He called the plan a “disaster” in private.").is_empty());
    }

    #[test]
    fn verb_before_quote_in_same_sentence() {
        let q = quotes("Local officials told reporters that there were “many more people inside than we thought”They left.");
        assert_eq!(q[0].1.as_deref(), Some("Local officials"));
    }

    #[test]
    fn heading_colon_speaker() {
        let q = quotes("Maria Lopez: “We will not give up”\nThe mayor spoke for an hour.");
        assert_eq!(q[0].1.as_deref(), Some("Maria Lopez"));
    }

    #[test]
    fn reported_speech() {
        let doc = Doc::new("The city council said that the road would reopen in May. Prices rose, according to the Bureau of Statistics.");
        let s = structure::analyze(&doc);
        let e = entities::extract(&doc, &s);
        let r = extract(&doc, &s, &e).reported;
        assert_eq!(r[0].source.text, "The city council");
        assert_eq!(r[0].text, "the road would reopen in May");
        assert_eq!(r[1].source.text, "the Bureau of Statistics");
        assert_eq!(r[1].text, "Prices rose");
    }

    #[test]
    fn missing_closing_mark_ends_at_paragraph() {
        let q = quotes("“We are not done, he said.\nNext paragraph.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0, "We are not done, he said.");
    }

    fn full(text: &str) -> Vec<Quote> {
        let doc = Doc::new(text);
        let s = structure::analyze(&doc);
        let e = entities::extract(&doc, &s);
        extract(&doc, &s, &e).quotes
    }

    #[test]
    fn quote_split_by_attribution_is_one_statement() {
        let q = full("“We know,” Maria Lopez said, “that the bridge will not open this year.”");
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].continues.as_deref(), Some(q[0].id.as_str()));
        assert_eq!(
            q[1].speaker.as_ref().map(|s| s.text.as_str()),
            Some("Maria Lopez")
        );
        // A new sentence after the attribution is a new quote by the same speaker.
        let q = full("“We know it,” Maria Lopez said. “The bridge will not open this year.”");
        assert_eq!(q[1].continues, None);
        assert_eq!(
            q[1].speaker.as_ref().map(|s| s.text.as_str()),
            Some("Maria Lopez")
        );
    }

    #[test]
    fn multi_paragraph_quote_shares_the_later_attribution() {
        let q = full(
            "“The first part runs on for a while.\n“The second part ends it,” Maria Lopez said.",
        );
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].continues.as_deref(), Some("q1"));
        assert_eq!(
            q[0].speaker.as_ref().map(|s| s.text.as_str()),
            Some("Maria Lopez")
        );
    }

    #[test]
    fn titles_roles_and_appositions_are_not_the_speaker() {
        let q = quotes("“We will build it again,” said Mayor Jane Roe (D-Ohio) on Monday.");
        assert_eq!(q[0].1.as_deref(), Some("Jane Roe"));
        let q = quotes("“Prices rose again this year,” Jane Roe, a senior economist, said.");
        assert_eq!(q[0].1.as_deref(), Some("Jane Roe"));
        let q = quotes("“We need change,” the New York businessman said.");
        assert_eq!(q[0].1.as_deref(), Some("the New York businessman"));
    }

    #[test]
    fn medium_is_its_own_field() {
        let q =
            full("“We are ready for the storm,” Jane Roe told the Daily Planet Group on Monday.");
        assert_eq!(
            q[0].speaker.as_ref().map(|s| s.text.as_str()),
            Some("Jane Roe")
        );
        assert!(q[0].medium.is_some());
    }

    #[test]
    fn titles_in_quote_marks_are_not_quotes() {
        assert!(
            quotes("Roe said on the program “Meet the Press Today” that she would run.").is_empty()
        );
    }

    #[test]
    fn nested_quotes_stay_inside() {
        let q =
            quotes("\"He called the plan “a disaster for all of us” on Monday,\" Jane Roe said.");
        assert_eq!(q.len(), 1);
        assert!(q[0].0.contains("a disaster"));
        assert_eq!(q[0].1.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn signature_colon_paragraph_and_participle_speakers() {
        let q = quotes("“The plan will fail within a year.” ― Maria Lopez\nNext line here.");
        assert_eq!(q[0].1.as_deref(), Some("Maria Lopez"));
        let q = quotes(
            "Maria Lopez continued:\n“The plan will fail within a year, and everyone knows it.”",
        );
        assert_eq!(q[0].1.as_deref(), Some("Maria Lopez"));
        let q = quotes(
            "On Monday, Maria Lopez attacked the plan, saying, “It will fail within a year.”",
        );
        assert_eq!(q[0].1.as_deref(), Some("Maria Lopez"));
        let q = quotes(
            "“Our assumption is that it will pass,” Mayor Maria Lopez, R-Ky., said Tuesday.",
        );
        assert_eq!(q[0].1.as_deref(), Some("Maria Lopez"));
    }

    #[test]
    fn names_and_ratings_after_naming_verbs_are_not_quotes() {
        assert!(quotes("The claim by Jane Roe was labeled “Mostly Wrong.”").is_empty());
        assert!(quotes("Fans dubbed him “The Big Boss of the Valley” in 1999.").is_empty());
    }

    #[test]
    fn quoted_transcript_lines_take_their_label() {
        let q = full("Chris Lane spoke to Jane Roe.\n\n\"LANE: Will you run again next year?\n\n\"(CROSSTALK.)\n\n\"ROE: We will see about that.\n\n\"It depends on the polls.");
        let got: Vec<(&str, Option<&str>)> = q
            .iter()
            .map(|q| (q.text.as_str(), q.speaker.as_ref().map(|s| s.text.as_str())))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Will you run again next year?", Some("LANE")),
                ("We will see about that.", Some("ROE")),
                ("It depends on the polls.", Some("ROE")),
            ]
        );
        assert!(q[0].speaker_entity.is_some());
        assert_eq!(q[1].continues, None);
        assert_eq!(q[2].continues.as_deref(), Some("q2"));
    }

    #[test]
    fn partial_quotes_are_marked() {
        let q = full("Jane Roe said the plan was “a total disaster for the whole city” on Monday.");
        assert!(q[0].partial);
        let q = full("Jane Roe claimed “Prices Will Fall Soon” this year, and left.");
        assert!(q.iter().all(|q| q.partial));
        let q =
            full("“We will rebuild the bridge,” Jane Roe said. She added: “It will take a year.”");
        assert!(q.iter().all(|q| !q.partial));
    }

    fn reported_of(text: &str) -> Vec<(String, String, String)> {
        let doc = Doc::new(text);
        let s = structure::analyze(&doc);
        let e = entities::extract(&doc, &s);
        extract(&doc, &s, &e)
            .reported
            .into_iter()
            .map(|r| (r.source.text, r.cue.text, r.text))
            .collect()
    }

    #[test]
    fn reported_speech_cues_sources_and_content() {
        let r = reported_of(
            "Researchers from the Valley Institute found that the river had risen by a metre.",
        );
        assert_eq!(r[0].0, "Researchers from the Valley Institute");
        assert_eq!(r[0].2, "the river had risen by a metre");
        let r = reported_of(
            "Maria Lopez rejected the plan on Monday, saying it would cost the town too much.",
        );
        assert_eq!(r[0].0, "Maria Lopez");
        assert_eq!(r[0].2, "it would cost the town too much");
        let r = reported_of("Jane Roe told reporters she would not run again next year.");
        assert_eq!(r[0].2, "she would not run again next year");
        let r = reported_of("The bridge, the mayor said, will reopen in the spring of next year.");
        assert_eq!(r[0].0, "the mayor");
        let r = reported_of("According to exit polls, the mayor had a lead of ten points in 2012.");
        assert_eq!(r[0].0, "exit polls");
        assert_eq!(r[0].2, "the mayor had a lead of ten points in 2012");
        // A partial quote leaves the verb to reported speech.
        let r =
            reported_of("Jane Roe said the plan was “a total disaster for the town” on Monday.");
        assert_eq!(r.len(), 1);
        assert!(r[0].2.starts_with("the plan was"));
    }

    #[test]
    fn nouns_passives_and_phrases_are_not_reported_speech() {
        assert!(
            reported_of("Voters in the swing states of Ohio and Nevada went to the polls.")
                .is_empty()
        );
        assert!(reported_of("He was told by the police to leave the building at once.").is_empty());
        assert!(reported_of("Jane Roe spoke to the crowd and said in her speech.").is_empty());
        assert!(
            reported_of("Jane Roe's comments about the plan drew a crowd of critics.").is_empty()
        );
    }

    #[test]
    fn documents_and_unrecognized_names_as_speakers() {
        let q = quotes("“We ask the board to think again about the vote,” the letter reads.");
        assert_eq!(q[0].1.as_deref(), Some("the letter"));
        let q =
            quotes("“The town deserves a better plan than this one.” ― Zorwen Quillby\nNext line.");
        assert_eq!(q[0].1.as_deref(), Some("Zorwen Quillby"));
        let q = quotes("The ad shows Jane Roe asking, “Why are we not ahead by fifty points?”");
        assert_eq!(q[0].1.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn coordinated_verbs_and_tails_after_the_verb() {
        let r = reported_of(
            "Jane Roe criticized the budget and said the town could not afford new roads.",
        );
        assert_eq!(r[0].0, "Jane Roe");
        assert_eq!(r[0].2, "the town could not afford new roads");
        let r = reported_of("The bridge will reopen next spring, the council said in a statement.");
        assert_eq!(r[0].0, "the council");
        assert_eq!(r[0].2, "The bridge will reopen next spring");
        let q = quotes("Jane Roe agreed but said “the question is the timing.” Omar Diaz said the plan was fine.");
        assert_eq!(q[0].1.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn headline_labels_and_demands() {
        let r = reported_of(
            "Roe: Bridge Will Stay Closed Until Spring\n\nThe town council met on Monday night.",
        );
        assert_eq!(r[0].0, "Roe");
        assert_eq!(r[0].1, ":");
        assert_eq!(r[0].2, "Bridge Will Stay Closed Until Spring");
        let r = reported_of("Jane Roe called for an independent inquiry into the flooding.");
        assert_eq!(r[0].1, "called for");
        assert_eq!(r[0].2, "an independent inquiry into the flooding");
        assert!(reported_of("Jane Roe called the police after the storm hit the town.").is_empty());
    }

    #[test]
    fn inverted_attribution_after_the_content() {
        let r = reported_of(
            "The bridge will stay closed until the spring, said Omar Diaz, a city engineer.",
        );
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].0, "Omar Diaz");
        assert_eq!(r[0].2, "The bridge will stay closed until the spring");
        // A subject with an appositive, then the verb and a clause: not inverted.
        let r = reported_of(
            "Jane Roe, director of the Institute for Policy at the state university, said the states were exaggerating the reach of the agency.",
        );
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].0, "Jane Roe");
        assert_eq!(
            r[0].2,
            "the states were exaggerating the reach of the agency"
        );
    }

    #[test]
    fn progressives_participles_and_headline_verbs() {
        let r = reported_of(
            "Jane Roe is stressing that the new bridge will be safer than the old one.",
        );
        assert_eq!(r[0].0, "Jane Roe");
        assert_eq!(r[0].2, "the new bridge will be safer than the old one");
        let r = reported_of(
            "The mayor said the road would reopen, adding that the repairs would cost a fortune.",
        );
        assert!(r.iter().any(|r| r.1 == "adding" && r.0 == "The mayor"));
        let r = reported_of("Mayor Jane Roe Says Bridge Will Stay Closed Until Spring\n\nThe town council met on Monday night.");
        assert_eq!(r[0].0, "Jane Roe");
        assert_eq!(r[0].2, "Bridge Will Stay Closed Until Spring");
    }

    #[test]
    fn relative_clauses_lost_subjects_and_press_nouns() {
        let r =
            reported_of("Jane Roe announced the towns that would receive the new funds next year.");
        assert_eq!(
            r[0].2,
            "the towns that would receive the new funds next year"
        );
        assert!(
            reported_of("From all the press reports I have read, the town was well prepared.")
                .is_empty()
        );
        let r = reported_of("A new poll shows the mayor well ahead of her rivals in the race.");
        assert_eq!(r[0].0, "A new poll");
    }
}
