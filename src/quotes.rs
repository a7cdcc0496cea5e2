//! Direct quotes and reported speech, with their speakers.
use crate::entities::EntitiesResult;
use crate::schema::{Quote, Reported};
use crate::structure::StructureInfo;
use crate::text::Doc;

#[derive(Debug, Clone, Default)]
pub struct QuotesResult {
    pub quotes: Vec<Quote>,
    pub reported: Vec<Reported>,
}

pub fn extract(doc: &Doc, structure: &StructureInfo, entities: &EntitiesResult) -> QuotesResult {
    let _ = (doc, structure, entities);
    QuotesResult::default()
}
