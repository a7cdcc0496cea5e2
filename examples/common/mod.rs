//! Shared by the evaluation examples: where `../shared` (the corpora, which a user's clone does
//! not have) is. `PRESSLENS_SHARED` names it; otherwise it is looked for beside the crate, or
//! one level further up for a git worktree inside the main checkout's parent.
use std::path::PathBuf;

/// `rel` inside the shared directory, if it exists there.
pub fn shared_path(rel: &str) -> Option<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut candidates = Vec::new();
    if let Ok(s) = std::env::var("PRESSLENS_SHARED") {
        candidates.push(PathBuf::from(s));
    }
    candidates.push(manifest.join("../shared"));
    candidates.push(manifest.join("../../shared"));
    candidates
        .into_iter()
        .map(|p| p.join(rel))
        .find(|p| p.exists())
}
