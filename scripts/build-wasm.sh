#!/usr/bin/env bash
# Builds the wasm core into www/pkg/ (ES module + .wasm), as the page and the workflow use it.
# Usage: scripts/build-wasm.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."
profile=wasm-release
flags=(--profile wasm-release)
if [[ "${1:-}" == "--dev" ]]; then profile=debug; flags=(); fi
# More inlining than opt-level "z" alone allows, within the 350 KiB page budget with a little
# room left: threshold 15 gave x1.21 words/s for +1.6 KiB gzipped; 20: x1.25, +3.1; 25: x1.28,
# +3.8; 50: x1.46, +9.5 (over the budget). docs/performance.md, round 4. Wasm target only.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:--Cllvm-args=-inline-threshold=15}"
cargo build --lib --target wasm32-unknown-unknown "${flags[@]}"
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --remove-name-section --out-dir www/pkg \
  "target/wasm32-unknown-unknown/$profile/presslens.wasm"
echo "built www/pkg ($(du -k www/pkg/presslens_bg.wasm | cut -f1) KiB wasm)"
