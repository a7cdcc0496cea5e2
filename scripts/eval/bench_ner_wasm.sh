#!/usr/bin/env bash
# Words per second of the name tagger in wasm, built with the page's profile (wasm-release:
# presslens at opt-level 2, dependencies at z, LTO; its LLVM settings) and run by Node:
# examples/bench_ner.rs as a cdylib, timed here.
# Usage: scripts/eval/bench_ner_wasm.sh [FILE]   (default ../shared/data/text/voa-sentences.txt)
# BENCH_RUNS=k: run the tagger k times untimed, in optimized code only, for instruction counts
# that the machine's load does not move (docs/performance.md, round 8):
#   for k in 0 2; do BENCH_RUNS=$k BENCH_WASM=W valgrind --tool=callgrind --trace-children=yes \
#     --smc-check=all --callgrind-out-file=/dev/null scripts/eval/bench_ner_wasm.sh FILE; done
#   (the difference of the two totals, halved, is one run of the tagger)
set -euo pipefail
cd "$(dirname "$0")/../.."
file=${1:-../shared/data/text/voa-sentences.txt}
if [[ ! -f "$file" ]]; then echo "skip: $file is absent"; exit 0; fi
# BENCH_WASM=path: time that module instead of building one (to compare two builds).
wasm=${BENCH_WASM:-target/wasm32-unknown-unknown/wasm-release/examples/bench_ner.wasm}
# The page's flags (the default in scripts/build-wasm.sh): inlining and target features
# change the tagger's speed as much as its code does.
page_flags=$(sed -n 's/^page_rustflags="\(.*\)"$/\1/p' scripts/build-wasm.sh)
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-$page_flags}"
if [[ -z "${BENCH_WASM:-}" ]]; then
  cargo build -q --example bench_ner --target wasm32-unknown-unknown --profile wasm-release
fi
node_flags=()
if [[ -n "${BENCH_RUNS:-}" ]]; then
  # TurboFan only, compiled up front on this thread: the same code every run.
  node_flags=(--no-liftoff --single-threaded --no-wasm-lazy-compilation)
fi
node "${node_flags[@]}" - "$wasm" "$file" <<'JS'
const fs = require('fs');
const [wasmPath, file] = process.argv.slice(2);
const bytes = fs.readFileSync(wasmPath);
const mod = new WebAssembly.Module(bytes);
// The crate's wasm-bindgen exports come along; their imports are never called here.
const imports = {};
for (const imp of WebAssembly.Module.imports(mod)) {
  imports[imp.module] ??= {};
  imports[imp.module][imp.name] = () => { throw new Error(`unexpected call: ${imp.name}`); };
}
const { exports: x } = new WebAssembly.Instance(mod, imports);
const text = Buffer.from(fs.readFileSync(file, 'utf8').split('\n').join('\n'));
const ptr = x.bench_alloc(text.length);
new Uint8Array(x.memory.buffer, ptr, text.length).set(text);
const words = x.bench_load(ptr, text.length);
if (process.env.BENCH_RUNS !== undefined) {
  for (let i = 0; i < Number(process.env.BENCH_RUNS); i++) x.bench_run(0);
  process.exit(0);
}
const time = (what, reps) => {
  let best = Infinity, out = 0;
  for (let i = 0; i < reps; i++) {
    const t = process.hrtime.bigint();
    out = x.bench_run(what);
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
  }
  return [best, out];
};
console.log(`${file}: ${words} words (wasm, ${(bytes.length / 1024).toFixed(0)} KiB module)`);
for (const [what, name, unit] of [[2, 'tokenize', 'tokens'], [0, 'tagger alone', 'spans'], [1, 'entity step', 'entities']]) {
  const [s, n] = time(what, 5);
  console.log(`${name.padEnd(14)} ${(words / s / 1e6).toFixed(2)} M words/s  (${(s * 1000).toFixed(0)} ms, ${n} ${unit}; best of 5)`);
}
JS
