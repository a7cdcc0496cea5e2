#!/usr/bin/env bash
# Builds the wasm core into www/pkg/ (ES module + .wasm), as the page and the workflow use it.
# Usage: scripts/build-wasm.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."
profile=wasm-release
flags=(--profile wasm-release)
if [[ "${1:-}" == "--dev" ]]; then profile=debug; flags=(); fi
# More inlining than opt-level "z" alone allows, as much as the 350 KiB page budget leaves
# room for: threshold 25 gave x1.28 words/s for +3.8 KiB gzipped, 50 gave x1.46 for +9.5 KiB
# (over the budget). docs/performance.md, round 4. Only for the wasm target.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:--Cllvm-args=-inline-threshold=25}"
cargo build --lib --target wasm32-unknown-unknown "${flags[@]}"
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --remove-name-section --out-dir www/pkg \
  "target/wasm32-unknown-unknown/$profile/presslens.wasm"
echo "built www/pkg ($(du -k www/pkg/presslens_bg.wasm | cut -f1) KiB wasm)"
