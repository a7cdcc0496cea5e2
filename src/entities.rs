//! People, organizations and places, every mention, merged per entity, ranked by salience.
use crate::schema::{Entity, EntityKind};
use crate::structure::StructureInfo;
use crate::text::Doc;
use std::ops::Range;

#[derive(Debug, Clone, Default)]
pub struct EntitiesResult {
    pub entities: Vec<Entity>,
    /// Byte range of every mention with the index of its entity in `entities`, in text order.
    pub mentions: Vec<(Range<usize>, usize)>,
    /// Byte ranges of every mention (numbers inside names are not figures).
    pub claimed: Vec<Range<usize>>,
}

impl EntitiesResult {
    /// The entity a mention at exactly `r` belongs to.
    pub fn entity_at(&self, r: &Range<usize>) -> Option<usize> {
        self.mentions.iter().find(|(m, _)| m == r).map(|(_, e)| *e)
    }

    pub fn kind_of(&self, e: usize) -> Option<EntityKind> {
        self.entities.get(e).map(|x| x.kind)
    }
}

pub fn extract(doc: &Doc, structure: &StructureInfo) -> EntitiesResult {
    let _ = (doc, structure);
    EntitiesResult::default()
}
