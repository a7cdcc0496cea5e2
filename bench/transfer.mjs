// What a big result costs on its way to the page: the analysis in wasm and its packed form,
// decoding that into objects (www/wire.js), and the structured clone that postMessage makes of an object versus of a string
// (measured with `structuredClone`, which uses the same serializer as postMessage), and how
// long a main thread stalls receiving it from a worker thread as an object or as a string.
// Prints.
//
// Usage: scripts/build-wasm.sh && node bench/transfer.mjs [MEGABYTES]
// Text: ../shared/data/text/voa-sentences.txt in articles of 25 sentences, joined with blank
// lines into one text of MEGABYTES (default 10), like a very long paste.
import { existsSync, readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeAnalysis } from '../www/wire.js';
import { analyzer, analyzerParts } from './analyzer.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MB = Number(process.argv[2] || 10);
const voa = path.join(ROOT, '..', 'shared', 'data', 'text', 'voa-sentences.txt');
const src = existsSync(voa)
  ? readFileSync(voa, 'utf8')
  : readFileSync(path.join(ROOT, 'www', 'sample-article.txt'), 'utf8');
const lines = src.split('\n').filter((l) => l.trim());
const parts = [];
let size = 0;
for (let i = 0; size < MB * 1e6; i += 25) {
  const a = lines.slice(i % lines.length, (i % lines.length) + 25).join(' ');
  parts.push(a);
  size += a.length + 2;
}
const text = parts.join('\n\n').slice(0, MB * 1e6);

const pkg = path.join(ROOT, 'www', 'pkg');
const m = await import(path.join(pkg, 'presslens.js'));

// In a worker thread: analyze, then post the result as an object (as the page's worker does,
// in pieces) or as its JSON string.
if (!isMainThread) {
  m.initSync({ module: readFileSync(path.join(pkg, 'presslens_bg.wasm')) });
  const obj = analyzer(m)(text);
  parentPort.postMessage(workerData.as === 'string' ? JSON.stringify(obj) : obj);
  await new Promise(() => {});
}
const wasm = m.initSync({ module: readFileSync(path.join(pkg, 'presslens_bg.wasm')) });
const { raw } = analyzerParts(m);
raw('Warm up.');

const ms = (f) => {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
};
const [words, tAnalyze] = ms(() => raw(text));
const [obj, tDecode] = ms(() => decodeAnalysis(words, text));
const [json, tStringify] = ms(() => JSON.stringify(obj));
const [, tParse] = ms(() => JSON.parse(json));
const [, tCloneObj] = ms(() => structuredClone(obj));
const [, tCloneStr] = ms(() => structuredClone(json));
const row = (k, v) => console.log(`${k.padEnd(56)}${v}`);
row('text', `${(text.length / 1e6).toFixed(1)} M chars`);
row('analysis + packed result in wasm', `${tAnalyze.toFixed(0)} ms`);
row('decoding it into objects', `${tDecode.toFixed(0)} ms`);
row('JSON of the result', `${(json.length / 1e6).toFixed(1)} MB`);
row('JSON.parse', `${tParse.toFixed(0)} ms`);
row('structured clone of the parsed object', `${tCloneObj.toFixed(0)} ms`);
row('structured clone of the JSON string', `${tCloneStr.toFixed(0)} ms`);
row('JSON.stringify of the object', `${tStringify.toFixed(0)} ms`);
row('wasm memory after', `${wasm.memory.buffer.byteLength / 2 ** 20} MiB`);

// The receiving side, as the page's main thread sees it: the longest stretch without a turn of
// the event loop while the message is delivered (and, for a string, parsed there).
async function receive(as) {
  const worker = new Worker(fileURLToPath(import.meta.url), { argv: [String(MB)], workerData: { as } });
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const got = await new Promise((resolve) => worker.once('message', (v) => {
    const t = performance.now();
    const value = as === 'string' ? JSON.parse(v) : v;
    resolve({ handler: performance.now() - t, n: value.entities.length });
  }));
  await new Promise((r) => setTimeout(r, 20));
  clearInterval(tick);
  await worker.terminate();
  return { longest, ...got };
}
for (const as of ['object', 'string']) {
  const r = await receive(as);
  row(`main thread, result posted as ${as}: longest stall`, `${r.longest.toFixed(0)} ms (of which the handler${as === 'string' ? ', JSON.parse' : ''}: ${r.handler.toFixed(0)} ms)`);
}