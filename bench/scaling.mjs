// Scaling and memory of the wasm build on one long text (issue 9: 2x the text in <= 2.1x the
// time up to 10 MB; peak memory <= 64 MB for 1 MB). Not a test: it prints.
//
// Usage: scripts/build-wasm.sh && node bench/scaling.mjs [--runs N]
// 'wasm ms' is the analysis and its packed form alone, without decoding it into objects.
// Text: ../shared/data/text/voa-sentences.txt in articles of 25 sentences joined by blank
// lines (one long paste), else the sample articles repeated; sizes 1.25, 2.5, 5, 10 MB
// (10 MB is the core's limit, MAX_INPUT_BYTES). The memory is the wasm instance's linear
// memory, which only grows: it is read after the 1 MB analysis in a fresh instance, which
// is the peak that analysis needed (plus the input and output copies).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzer, analyzerParts } from './analyzer.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ri = process.argv.indexOf('--runs');
const RUNS = ri > 0 ? Number(process.argv[ri + 1]) : 3;
const voa = path.join(ROOT, '..', 'shared', 'data', 'text', 'voa-sentences.txt');
const articles = [];
if (existsSync(voa)) {
  const lines = readFileSync(voa, 'utf8').split('\n').filter((l) => l.trim());
  for (let i = 0; i + 25 <= lines.length; i += 25) articles.push(lines.slice(i, i + 25).join(' '));
} else {
  for (const f of ['www/sample-article.txt', 'tests/fixtures/messy-flood-article.txt']) {
    articles.push(readFileSync(path.join(ROOT, f), 'utf8'));
  }
}
/** One text of about `bytes` UTF-8 bytes, cut at an article boundary. */
function textOf(bytes) {
  const out = [];
  let n = 0;
  for (let i = 0; ; i++) {
    const a = articles[i % articles.length];
    const len = Buffer.byteLength(a) + 2;
    if (n + len > bytes) break;
    out.push(a);
    n += len;
  }
  return out.join('\n\n');
}

const pkg = path.join(ROOT, 'www', 'pkg');
const m = await import(path.join(pkg, 'presslens.js'));
const wasm = m.initSync({ module: readFileSync(path.join(pkg, 'presslens_bg.wasm')) });
const analyze = analyzer(m);
const { raw } = analyzerParts(m);
const MiB = 2 ** 20;
const before = wasm.memory.buffer.byteLength;
analyze(textOf(1e6));
console.log(`wasm memory: ${(before / MiB).toFixed(1)} MiB at start, ${(wasm.memory.buffer.byteLength / MiB).toFixed(1)} MiB after a 1 MB analysis (fresh instance)`);
for (let i = 0; i < 200; i++) analyze(articles[i % articles.length]); // let the engine tier up

const MB = 1024 * 1024;
const sizes = [1.25, 2.5, 5, 10].map((x) => Math.min(Math.round(x * MB), 10 * MB));
let last;
console.log(`${'MB'.padStart(6)}${'words'.padStart(10)}${'ms'.padStart(8)}${'words/s'.padStart(11)}${'x prev'.padStart(8)}${'wasm ms'.padStart(9)}`);
for (const size of sizes) {
  const text = textOf(size);
  const words = (text.match(/\S+/g) || []).length;
  let best = Infinity;
  let core = Infinity;
  for (let r = 0; r < RUNS; r++) {
    if (raw) {
      const t = performance.now();
      raw(text);
      core = Math.min(core, performance.now() - t);
    }
    const t = performance.now();
    analyze(text);
    best = Math.min(best, performance.now() - t);
  }
  const ratio = last ? (best / last).toFixed(2) : '';
  console.log(`${(Buffer.byteLength(text) / MB).toFixed(2).padStart(6)}${String(words).padStart(10)}${best.toFixed(0).padStart(8)}${Math.round(words / best * 1000).toLocaleString('en').padStart(11)}${ratio.padStart(8)}${(Number.isFinite(core) ? core.toFixed(0) : '').padStart(9)}`);
  last = best;
}
console.log(`wasm memory at the end: ${(wasm.memory.buffer.byteLength / MiB).toFixed(1)} MiB`);
