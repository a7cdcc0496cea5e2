// Wasm throughput of two or more builds of the page's core, interleaved in one Node process so
// that all see the same machine load (on a shared machine, separate runs differ by more than
// the change being measured). Not a test: it prints numbers.
//
// Usage: node bench/compare.mjs PKG_A PKG_B [PKG_C ...] [--words N] [--rounds R]
// Each PKG is a wasm-bindgen output directory (www/pkg of a checkout or a copy of it). Words/s
// are given by wall clock and by the process's CPU time; the second moves less when other
// processes load the machine.
// Text: ../shared/data/text/voa-sentences.txt in articles of 25 sentences (as bench/run.mjs),
// else the repository's sample articles repeated.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzer, corpus } from './analyzer.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const WORDS = arg('--words', 150_000);
const ROUNDS = arg('--rounds', 6);
const dirs = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
if (dirs.length < 2) {
  console.error('usage: node bench/compare.mjs PKG_A PKG_B [PKG_C ...] [--words N] [--rounds R]');
  process.exit(2);
}

const countWords = (s) => (s.match(/\S+/g) || []).length;
const source = corpus(ROOT).articles;
const articles = [];
let words = 0;
for (let i = 0; words < WORDS; i++) {
  const a = source[i % source.length];
  articles.push(a);
  words += countWords(a);
}

const builds = [];
for (const dir of dirs) {
  const m = await import(path.resolve(dir, 'presslens.js'));
  m.initSync({ module: readFileSync(path.resolve(dir, 'presslens_bg.wasm')) });
  const analyze = analyzer(m);
  for (const a of articles.slice(0, 40)) analyze(a); // warm-up: let the engine tier up
  builds.push({ dir, analyze, wps: [], cpu: [] });
}
for (let r = 0; r < ROUNDS; r++) {
  for (const b of builds) {
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    for (const a of articles) b.analyze(a);
    const u = process.cpuUsage(c);
    b.wps.push(words / (Number(process.hrtime.bigint() - t) / 1e9));
    b.cpu.push(words / ((u.user + u.system) / 1e6));
  }
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
const fmt = (x) => Math.round(x).toLocaleString('en').padStart(9);
console.log(`${words} words, ${articles.length} articles, median of ${ROUNDS} interleaved rounds`);
console.log(`${'build'.padEnd(40)} ${'wall'.padStart(9)} ${'cpu'.padStart(9)}  words/s   cpu vs first`);
for (const b of builds) {
  const r = median(b.cpu) / median(builds[0].cpu);
  console.log(`${b.dir.padEnd(40)} ${fmt(median(b.wps))} ${fmt(median(b.cpu))}  ${r.toFixed(3).padStart(15)}`);
}
