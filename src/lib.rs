//! presslens: find who, what, how many, when and who-said-what in a news article.
//!
//! The core is plain Rust with no I/O: [`analyze`] takes the pasted text and [`Options`] and
//! returns an [`Analysis`] whose spans are UTF-16 offsets, ready for JavaScript. The same
//! function serves the browser (through the thin boundary in `wasm.rs`), the `presslens`
//! command-line program, and the tests.
//!
//! The pipeline runs once over one tokenized [`text::Doc`], in an order where each step can
//! use what the earlier ones found:
//!
//! 1. [`structure`]: headline, subheadings, captions and photo credits, from line shapes;
//! 2. [`dates`]: the article's own date, then every time expression resolved against it;
//! 3. [`entities`]: people, organizations and places, merged per entity (credits feed it);
//! 4. [`figures`]: amounts, skipping numbers that dates and names already claim;
//! 5. [`quotes`]: direct quotes and reported speech, speakers linked to entities.
//!
//! No step may panic on any input; `tests/properties.rs` drives arbitrary text through
//! [`analyze`] and checks every span.

pub mod dates;
pub mod entities;
pub mod figures;
pub mod lexicon;
pub mod ner;
pub mod numbers;
pub mod quotes;
pub mod schema;
pub mod sort;
pub mod structure;
pub mod text;
pub mod wire;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use dates::CalendarDate;
pub use schema::*;

/// What the caller knows that the text may not say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The article's date; when `None` it is read from the text (dateline, caption, or the
    /// latest complete date written), and relative dates stay unresolved if none is found.
    pub reference_date: Option<CalendarDate>,
}

/// The largest input analyzed, in bytes. Longer input is refused with a clear message rather
/// than freezing a browser tab; 10 MB is about 1.7 million words, far beyond any article.
pub const MAX_INPUT_BYTES: usize = 10 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    TooLarge { bytes: usize },
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // Tenths of a megabyte in integers: formatting an `f64` with a precision pulls
            // the float printing code into the wasm (about 2 KiB gzipped) for this one line.
            Error::TooLarge { bytes } => {
                let tenths = (bytes + 50_000) / 100_000;
                write!(
                    f,
                    "the text is {}.{} MB; presslens analyzes at most {} MB at a time",
                    tenths / 10,
                    tenths % 10,
                    MAX_INPUT_BYTES / (1024 * 1024)
                )
            }
        }
    }
}

impl std::error::Error for Error {}

/// Analyze one article. Never panics; refuses only input over [`MAX_INPUT_BYTES`].
pub fn analyze(text: &str, options: &Options) -> Result<Analysis, Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge { bytes: text.len() });
    }
    let doc = text::Doc::new(text);
    let structure = structure::analyze(&doc);
    let dates = dates::extract(&doc, &structure, options.reference_date);
    let entities = entities::extract(&doc, &structure);
    let figures = figures::extract(&doc, &dates.claimed, &entities.claimed);
    let quotes = quotes::extract(&doc, &structure, &entities);
    Ok(Analysis {
        schema_version: SCHEMA_VERSION,
        text_length: doc.utf16_len(),
        reference_date: dates.reference,
        entities: entities.entities,
        figures: figures.figures,
        changes: figures.changes,
        dates: dates.dates,
        quotes: quotes.quotes,
        reported: quotes.reported,
        structure: structure.output(&doc),
        sentences: doc
            .sentences
            .iter()
            .filter(|r| !r.is_empty())
            .map(|r| doc.span(doc.range(r.start, r.end - 1)))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_large_message_gives_megabytes_to_a_tenth() {
        let m = Error::TooLarge { bytes: 11_534_336 }.to_string();
        assert!(m.starts_with("the text is 11.5 MB;"), "{m}");
        assert!(m.ends_with("at most 10 MB at a time"), "{m}");
        let m = Error::TooLarge { bytes: 10_960_000 }.to_string();
        assert!(m.starts_with("the text is 11.0 MB;"), "{m}");
    }
}
