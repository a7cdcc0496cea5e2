import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The analysis as the page's worker calls it, for any build of www/pkg: current builds take
// the text's UTF-8 bytes (`analyzeJsonUtf8`, round 28) or the string (`analyzeJson`) and return
// JSON that the caller parses; builds before that returned objects (`analyze`). Timing the
// parse with the call keeps old and new builds comparable.
export function analyzer(m) {
  const json = analyzerJson(m);
  if (json) return (text, date) => JSON.parse(json(text, date));
  return (text, date) => m.analyze(text, date);
}

/** The call that gives the JSON string, as the worker makes it; null for builds without one. */
export function analyzerJson(m) {
  if (m.analyzeJsonUtf8) {
    const utf8 = new TextEncoder();
    return (text, date) => m.analyzeJsonUtf8(utf8.encode(text), date);
  }
  if (m.analyzeJson) return (text, date) => m.analyzeJson(text, date);
  return null;
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
