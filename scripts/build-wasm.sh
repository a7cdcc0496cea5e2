#!/usr/bin/env bash
# Builds the wasm core into www/pkg/ (ES module + .wasm), as the page and the workflow use it.
# Usage: scripts/build-wasm.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."
profile=wasm-release
flags=(--profile wasm-release)
if [[ "${1:-}" == "--dev" ]]; then profile=debug; flags=(); fi
cargo build --lib --target wasm32-unknown-unknown "${flags[@]}"
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --remove-name-section --out-dir www/pkg \
  "target/wasm32-unknown-unknown/$profile/presslens.wasm"
echo "built www/pkg ($(du -k www/pkg/presslens_bg.wasm | cut -f1) KiB wasm)"
