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
//! **Not quotes**: a quoted stretch of at most [`MAX_SCARE_WORDS`] words is a scare quote or a
//! title ("the area it calls “Khorasan.”") unless a verb of speaking stands right next to it.
//!
//! **Speakers**, in order of preference:
//! 1. a verb of speaking earlier in the same sentence, the quote being its object ("officials
//!    told CNN that there are “...”"): the subject of that verb;
//! 2. right after the quote: `”, NAME said`, `” said NAME`, `”, he added ... NAME`,
//!    `”explained to MEDIUM NAME`: a named person after the verb wins over a pronoun before it;
//! 3. right before it: `NAME said: “...”`, `NAME: “...”` (headings);
//! 4. a quote with none of these that follows another quote in the same paragraph continues
//!    that quote's speaker.
//!
//! Pronouns ("he", "she") resolve to the nearest person named before them. **Reported
//! speech** is a verb of speaking outside quotes with a subject before it and a clause after
//! it ("X said (that) ...", "X told Y that ...", "according to X, ...").
use crate::entities::{is_speech_verb, EntitiesResult};
use crate::schema::{BlockKind, EntityKind, Quote, Reported, TextSpan};
use crate::structure::StructureInfo;
use crate::text::{is_quote_mark, Doc, TokKind};
use std::ops::Range;

/// Quoted stretches this short are scare quotes or titles unless attributed.
pub const MAX_SCARE_WORDS: usize = 3;

#[derive(Debug, Clone, Default)]
pub struct QuotesResult {
    pub quotes: Vec<Quote>,
    pub reported: Vec<Reported>,
}

/// A paired quote in token indices: `open` and `close` are the mark tokens (or the first /
/// last content token when a mark is missing); content is `open+1..close`.
#[derive(Debug, Clone)]
struct Pair {
    content: Range<usize>,
    /// Token index of the closing mark, if there was one.
    close_mark: Option<usize>,
    open_mark: Option<usize>,
}

fn mark_char(doc: &Doc, t: usize) -> Option<char> {
    let tok = &doc.tokens[t];
    if tok.kind != TokKind::Punct {
        return None;
    }
    doc.tok(t).chars().next().filter(|c| is_quote_mark(*c))
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
    let space_after = |t: usize| t + 1 >= n || doc.tokens[t + 1].space_before;
    for t in 0..n {
        // A quote still open when its line ends.
        if let Some(o) = open {
            if doc.tokens[t].line != doc.tokens[o].line && t > o + 1 {
                let continues = mark_char(doc, t).is_some_and(|c| opens(c) || c == '"');
                if !continues {
                    pairs.push(Pair {
                        content: o + 1..t,
                        close_mark: None,
                        open_mark: Some(o),
                    });
                    open = None;
                } else {
                    // Multi-paragraph quote: close this part, the next part opens here.
                    pairs.push(Pair {
                        content: o + 1..t,
                        close_mark: None,
                        open_mark: Some(o),
                    });
                    open = Some(t);
                    continue;
                }
            }
        }
        let Some(c) = mark_char(doc, t) else { continue };
        match open {
            None => {
                if closes(c) {
                    continue; // A stray closing mark: nothing to pair it with.
                }
                if !space_after(t) || c != '"' {
                    open = Some(t);
                }
            }
            Some(o) => {
                // A real opening mark has space before it and a word glued after it.
                let looks_opening = doc.tokens[t].space_before
                    && !space_after(t)
                    && doc.tokens[t + 1].kind != TokKind::Punct
                    && doc.tokens[t + 1].line == doc.tokens[t].line;
                let used_as_closer = opens(c) && !looks_opening;
                if closes(c) || c == '"' || used_as_closer {
                    if t > o + 1 {
                        pairs.push(Pair {
                            content: o + 1..t,
                            close_mark: Some(t),
                            open_mark: Some(o),
                        });
                    }
                    open = None;
                } else if opens(c) {
                    // A new opening mark while one is open: the first lost its closing mark.
                    // Close it at the end of its last sentence before this mark.
                    if t > o + 1 {
                        pairs.push(Pair {
                            content: o + 1..t,
                            close_mark: None,
                            open_mark: Some(o),
                        });
                    }
                    open = Some(t);
                }
            }
        }
    }
    if let Some(o) = open {
        if o + 1 < n {
            pairs.push(Pair {
                content: o + 1..n,
                close_mark: None,
                open_mark: Some(o),
            });
        }
    }
    // Trim punctuation-only edges; drop empty ones.
    pairs.retain(|p| !p.content.is_empty());
    pairs
}

/// A verb of speaking at token `t`, written in lower case ("said", not "States").
fn speech_verb_at(doc: &Doc, t: usize) -> bool {
    t < doc.tokens.len()
        && doc.tokens[t].kind == TokKind::Word
        && doc.tok(t).starts_with(|c: char| c.is_lowercase())
        && is_speech_verb(doc.tok(t))
}

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it"];

fn is_pronoun(w: &str) -> bool {
    PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(w))
}

/// Adverbs that may stand between a subject and its verb ("The Taliban now say").
fn is_adverb(w: &str) -> bool {
    matches!(
        w,
        "now"
            | "also"
            | "then"
            | "later"
            | "previously"
            | "still"
            | "again"
            | "once"
            | "often"
            | "had"
            | "has"
            | "have"
    ) || (w.len() > 4 && w.ends_with("ly"))
}

/// The subject noun phrase ending right before token `verb` (skipping adverbs): a pronoun,
/// a name, or a short phrase like "US intelligence officials". Token range.
fn subject_before(doc: &Doc, verb: usize) -> Option<Range<usize>> {
    let sentence = doc.tokens[verb].sentence;
    let mut end = verb;
    while end > 0 && doc.tokens[end - 1].sentence == sentence && is_adverb(doc.tok(end - 1)) {
        end -= 1;
    }
    if end == 0 || doc.tokens[end - 1].sentence != sentence {
        return None;
    }
    let last = doc.tok(end - 1);
    if doc.tokens[end - 1].kind != TokKind::Word {
        return None;
    }
    if is_pronoun(last) {
        return Some(end - 1..end);
    }
    let mut start = end;
    while start > 0 && end - start < 7 {
        let k = start - 1;
        if doc.tokens[k].sentence != sentence {
            break;
        }
        let w = doc.tok(k);
        let ok = match doc.tokens[k].kind {
            TokKind::Word => {
                !matches!(
                    w,
                    "that"
                        | "which"
                        | "who"
                        | "and"
                        | "but"
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
                        | "said"
                        | "says"
                        | "if"
                        | "when"
                        | "because"
                        | "than"
                        | "is"
                        | "was"
                        | "are"
                        | "were"
                ) && !is_pronoun(w)
                    && !speech_verb_at(doc, k)
            }
            TokKind::Punct => w == "." && k > 0 && doc.tok(k - 1).chars().count() == 1,
            _ => false,
        };
        if !ok {
            break;
        }
        start = k;
    }
    // Leading "the"/"some" stay; a phrase must end in a word.
    (start < end).then_some(start..end)
}

/// A person or organization mention inside `r` (token range), preferring the last one.
fn entity_in(
    doc: &Doc,
    entities: &EntitiesResult,
    r: Range<usize>,
) -> Option<(Range<usize>, usize)> {
    if r.is_empty() {
        return None;
    }
    let bytes = doc.range(r.start, r.end - 1);
    entities
        .mentions_in(bytes)
        .filter(|(_, e)| {
            matches!(
                entities.kind_of(*e),
                Some(EntityKind::Person | EntityKind::Organization)
            )
        })
        .last()
        .cloned()
}

/// The nearest person mentioned before byte `b`.
fn last_person_before(entities: &EntitiesResult, b: usize) -> Option<usize> {
    let i = entities.mentions.partition_point(|(m, _)| m.end <= b);
    entities.mentions[..i]
        .iter()
        .rev()
        .find(|(_, e)| entities.kind_of(*e) == Some(EntityKind::Person))
        .map(|(_, e)| *e)
}

struct Attribution {
    speaker: Range<usize>,
    entity: Option<usize>,
    cue: Option<usize>,
}

fn attribution_from_subject(
    doc: &Doc,
    entities: &EntitiesResult,
    subj: Range<usize>,
    cue: usize,
) -> Attribution {
    let bytes = doc.range(subj.start, subj.end - 1);
    let entity = if subj.len() == 1 && is_pronoun(doc.tok(subj.start)) {
        let w = doc.tok(subj.start).to_lowercase();
        if w == "he" || w == "she" {
            last_person_before(entities, bytes.start)
        } else {
            None
        }
    } else {
        // A phrase whose head is a name ("CSIS", "Mayor Jane Roe"): the speaker is the name,
        // without title or role; "US officials" has no entity and stays a phrase.
        if let Some((m, e)) =
            entity_in(doc, entities, subj.clone()).filter(|(m, _)| m.end == bytes.end)
        {
            return Attribution {
                speaker: m,
                entity: Some(e),
                cue: Some(cue),
            };
        }
        None
    };
    Attribution {
        speaker: bytes,
        entity,
        cue: Some(cue),
    }
}

/// After the quote: `”, NAME said`, `” said NAME`, `”, he added for his part NAME`.
fn attribution_after(doc: &Doc, entities: &EntitiesResult, from: usize) -> Option<Attribution> {
    let n = doc.tokens.len();
    let mut t = from;
    while t < n && matches!(doc.tok(t), "," | "—" | "–" | "-") {
        t += 1;
    }
    if t >= n {
        return None;
    }
    let sentence_limit = (t + 8).min(n);
    // Find the verb within a few tokens.
    let line = doc.tokens[from.saturating_sub(1)].line;
    let verb = (t..sentence_limit)
        .take_while(|&k| doc.tokens[k].line == line)
        .find(|&k| speech_verb_at(doc, k))?;
    // Only names, pronouns and short phrases may stand between the quote and the verb.
    if (t..verb).any(|k| matches!(doc.tok(k), "." | "“" | "”" | "\"" | "?" | "!")) {
        return None;
    }
    // A named person shortly after the verb: "said Biden", "added for his part Jake Sullivan",
    // "explained to The New York Times Colin P. Clarke".
    let after_end = (verb + 10).min(n);
    let after_bytes = doc.tokens[verb].end..doc.tokens[after_end.saturating_sub(1).max(verb)].end;
    let person_after = entities
        .mentions_in(after_bytes)
        .find(|(_, e)| entities.kind_of(*e) == Some(EntityKind::Person))
        .cloned();
    // Stop at sentence punctuation between verb and that person.
    if let Some((m, e)) = person_after {
        let mt = doc.token_at_or_after(m.start);
        if !(verb + 1..mt).any(|k| matches!(doc.tok(k), "." | "“" | "”" | "\"" | ";")) {
            return Some(Attribution {
                speaker: m,
                entity: Some(e),
                cue: Some(verb),
            });
        }
    }
    if verb > t {
        let subj = subject_before(doc, verb)?;
        if subj.start < t {
            return None;
        }
        return Some(attribution_from_subject(doc, entities, subj, verb));
    }
    // "” said the spokesman": a short phrase after the verb.
    let mut e = verb + 1;
    while e < n
        && e < verb + 5
        && doc.tokens[e].kind == TokKind::Word
        && !matches!(doc.tok(e), "in" | "on" | "at" | "to" | "that")
    {
        e += 1;
    }
    (e > verb + 1).then(|| {
        let r = verb + 1..e;
        let entity = entity_in(doc, entities, r.clone()).map(|(_, x)| x);
        Attribution {
            speaker: doc.range(r.start, r.end - 1),
            entity,
            cue: Some(verb),
        }
    })
}

/// Before the quote: `NAME said: “`, `NAME: “` (headings), or a verb of speaking earlier in
/// the same sentence whose object the quote is.
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
    let first = doc.sentences.get(sentence as usize)?.start;
    // `NAME: “` (a heading or a transcript line).
    if doc.tok(open - 1) == ":" && open >= 2 {
        let colon = open - 1;
        let in_heading = matches!(
            structure.block_kind_at(doc.tokens[open].start),
            Some(BlockKind::Subheading | BlockKind::Headline)
        );
        if let Some((m, e)) = entity_in(doc, entities, first..colon) {
            if m.end == doc.tokens[colon - 1].end && (in_heading || colon - first <= 4) {
                return Some(Attribution {
                    speaker: m,
                    entity: Some(e),
                    cue: None,
                });
            }
        }
    }
    // The nearest speech verb before the quote in the same sentence.
    let verb = (first..open)
        .rev()
        .take(40)
        .find(|&k| speech_verb_at(doc, k))?;
    // The verb must not belong to another quote closed in between.
    if (verb + 1..open).any(|k| mark_char(doc, k).is_some()) {
        return None;
    }
    if let Some(subj) = subject_before(doc, verb) {
        return Some(attribution_from_subject(doc, entities, subj, verb));
    }
    // "said NAME: “": subject after the verb.
    let r = verb + 1..open.saturating_sub(1).max(verb + 1);
    entity_in(doc, entities, r).map(|(m, e)| Attribution {
        speaker: m,
        entity: Some(e),
        cue: Some(verb),
    })
}

pub fn extract(doc: &Doc, structure: &StructureInfo, entities: &EntitiesResult) -> QuotesResult {
    let pairs = pair_marks(doc);
    let mut result = QuotesResult::default();
    let ids: Vec<String> = entities.entities.iter().map(|e| e.id.clone()).collect();
    let mut quote_token_ranges: Vec<Range<usize>> = Vec::new();
    let mut used_verbs: Vec<usize> = Vec::new();
    let mut prev: Option<(u32, Option<TextSpan>, Option<String>)> = None;
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
        let mut attr = p
            .open_mark
            .and_then(|o| attribution_before(doc, entities, structure, o));
        if attr.is_none() {
            attr = attribution_after(doc, entities, after);
        }
        if words <= MAX_SCARE_WORDS {
            // Short: a quote only when a verb of speaking stands right next to it.
            let verb_adjacent = attr.as_ref().and_then(|a| a.cue).is_some_and(|v| {
                (v >= after && v <= after + 3) || p.open_mark.is_some_and(|o| v + 3 >= o && v < o)
            });
            if !verb_adjacent {
                continue;
            }
        }
        let line = doc.tokens[p.content.start].line;
        let (speaker, speaker_entity) = match &attr {
            Some(a) => (
                Some(doc.text_span(a.speaker.clone())),
                a.entity.and_then(|e| ids.get(e).cloned()),
            ),
            // Continues the previous quote's speaker in the same paragraph.
            None => match &prev {
                Some((l, s, e)) if *l == line => (s.clone(), e.clone()),
                _ => (None, None),
            },
        };
        if let Some(v) = attr.as_ref().and_then(|a| a.cue) {
            used_verbs.push(v);
        }
        let content = doc.range(p.content.start, p.content.end - 1);
        let t = doc.text_span(trim_content(doc, content));
        result.quotes.push(Quote {
            start: t.start,
            end: t.end,
            text: t.text,
            speaker: speaker.clone(),
            speaker_entity: speaker_entity.clone(),
            cue: attr
                .as_ref()
                .and_then(|a| a.cue)
                .map(|v| doc.text_span(doc.tokens[v].range())),
        });
        quote_token_ranges.push(p.open_mark.unwrap_or(p.content.start)..after);
        prev = Some((line, speaker, speaker_entity));
    }
    result.reported = reported(doc, entities, &ids, &quote_token_ranges, &used_verbs);
    result
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
    entities: &EntitiesResult,
    ids: &[String],
    quotes: &[Range<usize>],
    used_verbs: &[usize],
) -> Vec<Reported> {
    let n = doc.tokens.len();
    let mut out = Vec::new();
    let mut q = 0;
    let in_quote = |t: usize, q: &mut usize| {
        while *q < quotes.len() && quotes[*q].end <= t {
            *q += 1;
        }
        *q < quotes.len() && quotes[*q].start <= t
    };
    for t in 0..n {
        if in_quote(t, &mut q) || used_verbs.contains(&t) {
            continue;
        }
        let w = doc.tok(t);
        let sentence = doc.tokens[t].sentence as usize;
        let Some(srange) = doc.sentences.get(sentence) else {
            continue;
        };
        let send = trim_sentence_end(doc, srange.clone());
        if w == "according" && doc.tok_or_empty(t + 1) == "to" {
            // Source: the phrase after "to" up to a comma or the sentence end.
            let s0 = t + 2;
            let mut s1 = s0;
            while s1 < send && !matches!(doc.tok(s1), "," | ";" | "(") {
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
            push_reported(doc, entities, ids, &mut out, s0..s1, t..t + 2, content);
            continue;
        }
        if !speech_verb_at(doc, t) {
            continue;
        }
        // "..., officials said." The content comes first.
        if t + 1 >= send {
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
        let Some(subj) = subject_before(doc, t) else {
            continue;
        };
        // "X told Y that": skip the listener.
        let mut c = t + 1;
        let that = (c..(c + 6).min(send)).find(|&k| doc.tok(k) == "that");
        if let Some(k) = that {
            c = k + 1;
        } else if w == "told" {
            continue;
        }
        if c < send && mark_char(doc, c).is_some() {
            continue;
        }
        let words = (c..send)
            .filter(|&k| doc.tokens[k].kind == TokKind::Word)
            .count();
        if words < 3 {
            continue;
        }
        push_reported(doc, entities, ids, &mut out, subj, t..t + 1, c..send);
    }
    out
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
    ids: &[String],
    out: &mut Vec<Reported>,
    source: Range<usize>,
    cue: Range<usize>,
    content: Range<usize>,
) {
    if source.is_empty() || content.is_empty() || cue.is_empty() {
        return;
    }
    let source_bytes = doc.range(source.start, source.end - 1);
    let source_entity = if source.len() == 1 && is_pronoun(doc.tok(source.start)) {
        let w = doc.tok(source.start).to_lowercase();
        (w == "he" || w == "she")
            .then(|| last_person_before(entities, source_bytes.start))
            .flatten()
    } else {
        entity_in(doc, entities, source.clone())
            .filter(|(m, _)| m.end == source_bytes.end)
            .map(|(_, e)| e)
    };
    let c = doc.text_span(doc.range(content.start, content.end - 1));
    out.push(Reported {
        start: c.start,
        end: c.end,
        text: c.text,
        source: doc.text_span(source_bytes),
        source_entity: source_entity.and_then(|e| ids.get(e).cloned()),
        cue: doc.text_span(doc.range(cue.start, cue.end - 1)),
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
}
