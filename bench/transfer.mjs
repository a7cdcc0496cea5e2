// What a big result costs on its way to the page: the analysis in wasm, the JSON string, its
// parse, and the structured clone that postMessage makes of an object versus of a string
// (measured with `structuredClone`, which uses the same serializer as postMessage). Prints.
//
// Usage: scripts/build-wasm.sh && node bench/transfer.mjs [MEGABYTES]
// Text: ../shared/data/text/voa-sentences.txt in articles of 25 sentences, joined with blank
// lines into one text of MEGABYTES (default 10), like a very long paste.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
const wasm = m.initSync({ module: readFileSync(path.join(pkg, 'presslens_bg.wasm')) });
m.analyzeJson('Warm up.');

const ms = (f) => {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
};
const [json, tAnalyze] = ms(() => m.analyzeJson(text));
const [obj, tParse] = ms(() => JSON.parse(json));
const [, tCloneObj] = ms(() => structuredClone(obj));
const [, tCloneStr] = ms(() => structuredClone(json));
const [, tStringify] = ms(() => JSON.stringify(obj));
const row = (k, v) => console.log(`${k.padEnd(44)}${v}`);
row('text', `${(text.length / 1e6).toFixed(1)} M chars`);
row('analysis + JSON string in wasm', `${tAnalyze.toFixed(0)} ms`);
row('JSON result', `${(json.length / 1e6).toFixed(1)} MB`);
row('JSON.parse', `${tParse.toFixed(0)} ms`);
row('structured clone of the parsed object', `${tCloneObj.toFixed(0)} ms`);
row('structured clone of the JSON string', `${tCloneStr.toFixed(0)} ms`);
row('JSON.stringify of the object', `${tStringify.toFixed(0)} ms`);
row('wasm memory after', `${wasm.memory.buffer.byteLength / 2 ** 20} MiB`);
