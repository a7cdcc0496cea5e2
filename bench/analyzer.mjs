import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { decodeAnalysis } from '../www/wire.js';

// The analysis as the page's worker calls it, for any build of www/pkg. Current builds take
// the text's UTF-8 bytes and return packed words that www/wire.js decodes (`analyzeWire`,
// round 30); builds before that returned JSON that the caller parsed (`analyzeJsonUtf8`, round
// 28, or `analyzeJson` taking the string), and the first ones objects (`analyze`). Timing the
// decoding or the parse with the call keeps old and new builds comparable.
export function analyzer(m) {
  const { raw, objects } = analyzerParts(m);
  if (raw) return (text, date) => objects(raw(text, date), text);
  return (text, date) => m.analyze(text, date);
}

/**
 * The worker's call in its two parts: `raw(text, date)`, the wasm's own work (packed words or a
 * JSON string), and `objects(out, text)`, turning that into the schema's objects. Both null
 * for builds that returned objects.
 */
export function analyzerParts(m) {
  const utf8 = new TextEncoder();
  if (m.analyzeWire) {
    return {
      raw: (text, date) => m.analyzeWire(utf8.encode(text), date),
      objects: (words, text) => decodeAnalysis(words, text),
    };
  }
  const objects = (json) => JSON.parse(json);
  if (m.analyzeJsonUtf8) return { raw: (text, date) => m.analyzeJsonUtf8(utf8.encode(text), date), objects };
  if (m.analyzeJson) return { raw: (text, date) => m.analyzeJson(text, date), objects };
  return { raw: null, objects: null };
}

/**
 * The benches' text: VOA news (`../shared/data/text/voa-sentences.txt`) in articles of 25
 * sentences, else the repository's two sample articles (a clone has no `../shared`).
 * Returns `{ articles, source, shared }`: `source` says which in words, `shared` whether VOA.
 */
export function corpus(root) {
  const voa = path.join(root, '..', 'shared', 'data', 'text', 'voa-sentences.txt');
  if (existsSync(voa)) {
    const lines = readFileSync(voa, 'utf8').split('\n').filter((l) => l.trim());
    const articles = [];
    for (let i = 0; i < lines.length; i += 25) articles.push(lines.slice(i, i + 25).join(' '));
    return { articles, source: 'VOA news sentences (../shared), 25 sentences an article', shared: true };
  }
  const articles = ['www/sample-article.txt', 'tests/fixtures/messy-flood-article.txt']
    .map((f) => readFileSync(path.join(root, f), 'utf8'));
  return { articles, source: 'the repository\'s sample articles, repeated (../shared absent)', shared: false };
}
