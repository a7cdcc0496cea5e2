//! Figures: amounts with their value or range, hedge, unit, and what they count.
use crate::schema::{Change, Figure};
use crate::text::Doc;
use std::ops::Range;

#[derive(Debug, Clone, Default)]
pub struct FiguresResult {
    pub figures: Vec<Figure>,
    pub changes: Vec<Change>,
}

/// `dates` and `names` are byte ranges already claimed by date expressions and entity names;
/// numbers inside them are not figures.
pub fn extract(doc: &Doc, dates: &[Range<usize>], names: &[Range<usize>]) -> FiguresResult {
    let _ = (doc, dates, names);
    FiguresResult::default()
}
