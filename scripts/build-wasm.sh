#!/usr/bin/env bash
# Builds the wasm core into www/pkg/ (ES module + .wasm), as the page and the workflow use it.
# Usage: scripts/build-wasm.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."
profile=wasm-release
flags=(--profile wasm-release)
if [[ "${1:-}" == "--dev" ]]; then profile=debug; flags=(); fi
# LLVM settings for Cargo.toml's wasm-release profile (presslens at opt-level 2), chosen by wasm
# instructions a word against gzipped bytes (docs/performance.md, round 24): inlining threshold
# 35 (42 is 1.2% faster for 1.7 KiB more; the page keeps room for fixes); no runtime loop
# unrolling (2.3 KB smaller and no slower). Wasm target only. scripts/eval/bench_ner_wasm.sh
# reads the next line.
page_rustflags="-Cllvm-args=-inline-threshold=35 -Cllvm-args=-unroll-runtime=false"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-$page_rustflags}"
cargo build --lib --target wasm32-unknown-unknown "${flags[@]}"
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --remove-name-section --out-dir www/pkg \
  "target/wasm32-unknown-unknown/$profile/presslens.wasm"
echo "built www/pkg ($(du -k www/pkg/presslens_bg.wasm | cut -f1) KiB wasm)"
