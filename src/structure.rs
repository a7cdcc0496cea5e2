//! The article's shape from plain text: headline, dateline, byline, subheadings, photo
//! captions with their credits, and body paragraphs.
//!
//! Pasted articles lose their markup but keep its traces: each paragraph, heading and caption
//! is a line of its own; a caption ends with a credit in parentheses ("(AP Photo / Rahmat
//! Gul)"); a subheading is a short line without final punctuation between paragraphs. The
//! rules here read those traces, line by line, in one pass:
//!
//! - a line that ends with a photo credit is a **caption**;
//! - the first line, when it is short and has no final period, is the **headline**;
//! - "By ..." near the top is a **byline**; "Published/Updated ..." and a leading
//!   `CITY (Agency) —` are a **dateline**;
//! - a later short line (at most [`MAX_HEADING_WORDS`] words) without final `.`/`!`/`?` is a
//!   **subheading**;
//! - everything else is a **paragraph**. A line that starts in lower case continues the one
//!   before it (hard-wrapped text), so it joins that block.
//!
//! A credit names a photographer (a person, with rank or title removed) and agencies ("AP",
//! "REUTERS", "US Air Force"); the entity extractor takes both from here.
use crate::lexicon;
use crate::schema::{Block, BlockKind, Credit, Structure};
use crate::text::{Doc, TokKind};
use std::ops::Range;

/// Longer lines are never headings.
pub const MAX_HEADING_WORDS: usize = 16;

/// A photo credit in byte offsets, for the other extractors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditInfo {
    /// The credit inside its parentheses.
    pub range: Range<usize>,
    pub photographer: Option<Range<usize>>,
    pub agencies: Vec<Range<usize>>,
}

#[derive(Debug, Clone, Default)]
pub struct StructureInfo {
    /// Blocks in text order, without overlap.
    pub blocks: Vec<(BlockKind, Range<usize>)>,
    pub credits: Vec<CreditInfo>,
}

impl StructureInfo {
    pub fn output(&self, doc: &Doc) -> Structure {
        Structure {
            blocks: self
                .blocks
                .iter()
                .map(|(kind, r)| {
                    let s = doc.span(r.clone());
                    Block {
                        kind: *kind,
                        start: s.start,
                        end: s.end,
                    }
                })
                .collect(),
            credits: self
                .credits
                .iter()
                .map(|c| {
                    let t = doc.text_span(c.range.clone());
                    Credit {
                        start: t.start,
                        end: t.end,
                        text: t.text,
                        photographer: c.photographer.clone().map(|r| doc.text_span(r)),
                        agencies: c
                            .agencies
                            .iter()
                            .map(|r| doc.text_span(r.clone()))
                            .collect(),
                    }
                })
                .collect(),
        }
    }

    /// The kind of the block containing byte `b`.
    pub fn block_kind_at(&self, b: usize) -> Option<BlockKind> {
        let i = self.blocks.partition_point(|(_, r)| r.end <= b);
        self.blocks
            .get(i)
            .filter(|(_, r)| r.start <= b)
            .map(|(k, _)| *k)
    }

    /// The credit containing byte `b`, if any.
    pub fn credit_at(&self, b: usize) -> Option<&CreditInfo> {
        let i = self.credits.partition_point(|c| c.range.end <= b);
        self.credits.get(i).filter(|c| c.range.start <= b)
    }
}

pub fn analyze(doc: &Doc) -> StructureInfo {
    let mut info = StructureInfo::default();
    let text = doc.text;
    // Token ranges per line, computed once (tokens are in line order).
    let mut line_tokens: Vec<Range<usize>> = vec![0..0; doc.lines.len()];
    let mut i = 0;
    while i < doc.tokens.len() {
        let l = doc.tokens[i].line as usize;
        let start = i;
        while i < doc.tokens.len() && doc.tokens[i].line as usize == l {
            i += 1;
        }
        if let Some(slot) = line_tokens.get_mut(l) {
            *slot = start..i;
        }
    }
    let mut seen_content = false;
    let mut paragraphs_seen = 0usize;
    for toks in &line_tokens {
        if toks.is_empty() {
            continue;
        }
        let range = doc.tokens[toks.start].start..doc.tokens[toks.end - 1].end;
        let line_text = &text[range.clone()];
        let first_lower = line_text.chars().next().is_some_and(|c| c.is_lowercase());
        // Hard-wrapped continuation: extend the previous block.
        if first_lower && seen_content {
            if let Some((_, prev)) = info.blocks.last_mut() {
                prev.end = range.end;
                continue;
            }
        }
        let words = toks
            .clone()
            .filter(|&t| doc.tokens[t].kind != TokKind::Punct)
            .count();
        let last_char = ends_with_char(line_text);
        let terminal = matches!(last_char, Some('.' | '!' | '?' | '…'));
        let credit = find_credit(doc, toks.clone());
        if paragraphs_seen == 0 && credit.is_none() {
            if let Some(end) = dateline_prefix(doc, toks.clone()) {
                info.blocks.push((BlockKind::Dateline, range.start..end));
                let rest = doc.token_at_or_after(end);
                if rest < toks.end {
                    info.blocks
                        .push((BlockKind::Paragraph, doc.tokens[rest].start..range.end));
                }
                paragraphs_seen += 1;
                seen_content = true;
                continue;
            }
        }
        let kind = if let Some(c) = credit {
            info.credits.push(c);
            BlockKind::Caption
        } else if !seen_content && words <= 20 && !terminal && !starts_like_byline(doc, toks.start)
        {
            BlockKind::Headline
        } else if paragraphs_seen < 2 && starts_like_byline(doc, toks.start) && words <= 12 {
            BlockKind::Byline
        } else if paragraphs_seen < 2 && starts_like_published(doc, toks.start) && words <= 14 {
            BlockKind::Dateline
        } else if seen_content && words <= MAX_HEADING_WORDS && !terminal && last_char != Some(',')
        {
            BlockKind::Subheading
        } else {
            BlockKind::Paragraph
        };
        if kind == BlockKind::Paragraph {
            paragraphs_seen += 1;
        }
        seen_content = true;
        info.blocks.push((kind, range));
    }
    info
}

/// Last visible char of a line, looking through closing quotes and brackets.
fn ends_with_char(line: &str) -> Option<char> {
    line.trim_end()
        .chars()
        .rev()
        .find(|c| !matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»'))
}

fn starts_like_byline(doc: &Doc, t: usize) -> bool {
    let w = doc.tok(t);
    (w == "By" || w == "BY")
        && doc
            .tokens
            .get(t + 1)
            .is_some_and(|_| doc.is_capitalized(t + 1))
}

fn starts_like_published(doc: &Doc, t: usize) -> bool {
    matches!(
        doc.tok(t).to_lowercase().as_str(),
        "published" | "updated" | "posted" | "last"
    ) || lexicon::weekday_number(doc.tok(t)).is_some() && doc.tok_or_empty(t + 1) == ","
}

/// `KABUL, Afghanistan (AP) — ` or `LONDON — ` at the start of the first paragraph: returns
/// the byte offset just after the dash.
fn dateline_prefix(doc: &Doc, toks: Range<usize>) -> Option<usize> {
    let first = doc.tok(toks.start);
    if first.chars().count() < 2
        || !first
            .chars()
            .all(|c| c.is_uppercase() || !c.is_alphabetic())
    {
        return None;
    }
    // Within the first dozen tokens, a dash (em/en or "--") ends the dateline.
    for t in toks.start + 1..toks.end.min(toks.start + 12) {
        let w = doc.tok(t);
        if w == "—" || w == "–" || (w == "-" && doc.tokens[t].space_before) {
            return Some(doc.tokens[t].end);
        }
        // A period ends the sentence, unless it closes an abbreviation: "HARLOW FALLS, Ore. —".
        let abbreviation_dot = w == "."
            && !doc.tokens[t].space_before
            && t > toks.start
            && doc.tok(t - 1).chars().count() <= 5
            && doc.is_capitalized(t - 1);
        if (w == "." && !abbreviation_dot) || w == "“" || w == "\"" {
            return None;
        }
    }
    None
}

/// A parenthesized credit at the end of the line's tokens, with its parts.
fn find_credit(doc: &Doc, toks: Range<usize>) -> Option<CreditInfo> {
    // The line ends with ")" possibly followed by a period.
    let mut end = toks.end;
    while end > toks.start && matches!(doc.tok(end - 1), "." | "," | ";") {
        end -= 1;
    }
    if end <= toks.start + 2 || doc.tok(end - 1) != ")" {
        return None;
    }
    let close = end - 1;
    let open = (toks.start..close)
        .rev()
        .take(24)
        .find(|&t| doc.tok(t) == "(")?;
    let inner = open + 1..close;
    if inner.is_empty() {
        return None;
    }
    let has_slash = inner.clone().any(|t| matches!(doc.tok(t), "/" | "|"));
    let has_photo_word = inner.clone().any(|t| {
        let w = doc.tok(t);
        lexicon::is_credit_word(w)
    });
    if !has_slash && !has_photo_word {
        return None;
    }
    // Every word in a credit is capitalized or a connector: "via", "for", "of".
    let shape_ok = inner.clone().all(|t| {
        let w = doc.tok(t);
        doc.tokens[t].kind != TokKind::Word
            || doc.is_capitalized(t)
            || matches!(
                w,
                "via" | "for" | "of" | "the" | "and" | "de" | "al" | "photo" | "by"
            )
    });
    if !shape_ok {
        return None;
    }
    let mut photographer = None;
    let mut agencies = Vec::new();
    // Split into parts on "/", "|", ":", ";", "," and the word "via".
    let mut parts: Vec<Range<usize>> = Vec::new();
    let mut s = inner.start;
    for t in inner.clone() {
        let w = doc.tok(t);
        if matches!(w, "/" | "|" | ";" | "," | ":" | "via") {
            if s < t {
                parts.push(s..t);
            }
            s = t + 1;
        }
    }
    if s < inner.end {
        parts.push(s..inner.end);
    }
    for p in parts {
        // Drop credit words ("Photo", "Getty Images" stays: "Images" marks an agency).
        let mut a = p.start;
        let mut b = p.end;
        while a < b && lexicon::is_credit_filler(doc.tok(a)) {
            a += 1;
        }
        while a < b && lexicon::is_credit_filler(doc.tok(b - 1)) {
            b -= 1;
        }
        if a >= b {
            continue;
        }
        let agency_like = (a..b).any(|t| {
            let w = doc.tok(t);
            lexicon::is_credit_word(w) || lexicon::is_org_word(w)
        }) || (b - a == 1
            && is_all_caps(doc.tok(a))
            && lexicon::title_length(doc, a).is_none());
        if agency_like || photographer.is_some() {
            agencies.push(doc.range(a, b - 1));
        } else {
            // Ranks and titles are not part of the name.
            while a < b {
                match lexicon::title_length(doc, a) {
                    Some(n) if a + n < b => a += n,
                    _ => break,
                }
            }
            photographer = Some(doc.range(a, b - 1));
        }
    }
    Some(CreditInfo {
        range: doc.tokens[inner.start].start..doc.tokens[inner.end - 1].end,
        photographer,
        agencies,
    })
}

/// No lower-case letter and at least two letters ("NATO", "U.S.", "ISIS-K").
pub fn is_all_caps(w: &str) -> bool {
    let mut letters = 0;
    // On bytes: asked of most capitalized words, and decoding chars is a call per char in the
    // page's build. A lowercase ASCII letter before any other byte settles it ("Kabul" at its
    // second byte) without a pass over the word to test it is ASCII first; a non-ASCII byte
    // sends the whole word to the chars.
    let mut ascii = true;
    for b in w.bytes() {
        if !b.is_ascii() {
            ascii = false;
            break;
        }
        if b.is_ascii_lowercase() {
            return false;
        }
        letters += usize::from(b.is_ascii_uppercase());
    }
    if ascii {
        return letters >= 2;
    }
    letters = 0;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(BlockKind, String)> {
        let doc = Doc::new(text);
        analyze(&doc)
            .blocks
            .iter()
            .map(|(k, r)| (*k, text[r.clone()].to_string()))
            .collect()
    }

    #[test]
    fn headline_subheading_caption() {
        let text = "Storm batters coast\nThe storm hit on Monday. It was strong.\nWhat comes next\nA man walks past debris in Tampa. (AP Photo / Jane Roe)\nOfficials said more.";
        let k = kinds(text);
        assert_eq!(k[0].0, BlockKind::Headline);
        assert_eq!(k[1].0, BlockKind::Paragraph);
        assert_eq!(k[2], (BlockKind::Subheading, "What comes next".into()));
        assert_eq!(k[3].0, BlockKind::Caption);
        assert_eq!(k[4].0, BlockKind::Paragraph);
    }

    #[test]
    fn credits_split_photographer_and_agencies() {
        let text = "Troops board a plane. (Staff Sgt. John Doe / US Army via AP)\nA view of the city. (REUTERS / Ann Lee)";
        let doc = Doc::new(text);
        let info = analyze(&doc);
        assert_eq!(info.credits.len(), 2);
        let c = &info.credits[0];
        assert_eq!(&text[c.photographer.clone().unwrap()], "John Doe");
        let ag: Vec<&str> = c.agencies.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(ag, vec!["US Army", "AP"]);
        let c = &info.credits[1];
        assert_eq!(&text[c.photographer.clone().unwrap()], "Ann Lee");
        assert_eq!(&text[c.agencies[0].clone()], "REUTERS");
    }

    #[test]
    fn parenthetical_acronym_is_not_a_credit() {
        let text = "The study was led by the Center for Global Studies (CGS).";
        let doc = Doc::new(text);
        assert!(analyze(&doc).credits.is_empty());
    }

    #[test]
    fn dateline_with_state_abbreviation() {
        let text = "Floods hit town\nHARLOW FALLS, Ore. — The council voted on Tuesday.";
        let k = kinds(text);
        assert_eq!(k[1], (BlockKind::Dateline, "HARLOW FALLS, Ore. —".into()));
        assert_eq!(k[2].0, BlockKind::Paragraph);
    }

    #[test]
    fn dateline_and_wrapped_lines() {
        let text = "LONDON (Reuters) — Prices rose\nsharply on Monday, officials said.\nNext paragraph here.";
        let k = kinds(text);
        assert_eq!(k[0], (BlockKind::Dateline, "LONDON (Reuters) —".into()));
        assert_eq!(
            k[1],
            (
                BlockKind::Paragraph,
                "Prices rose\nsharply on Monday, officials said.".into()
            )
        );
    }
}
