//! The article's shape from plain text: headline, dateline, byline, subheadings, photo
//! captions with their credits, and body paragraphs.
use crate::schema::{Block, BlockKind, Credit, Structure};
use crate::text::Doc;
use std::ops::Range;

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
    /// One block per non-blank line, in order.
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
        let i = self.blocks.partition_point(|(_, r)| r.end < b);
        self.blocks
            .get(i)
            .filter(|(_, r)| r.start <= b)
            .map(|(k, _)| *k)
    }

    /// True when byte `b` lies inside a photo credit.
    pub fn in_credit(&self, b: usize) -> bool {
        self.credits
            .iter()
            .any(|c| c.range.start <= b && b < c.range.end)
    }
}

pub fn analyze(doc: &Doc) -> StructureInfo {
    let _ = doc;
    StructureInfo::default()
}
