// Throughput, side by side: presslens (wasm under Node, and native) and the peers compromise
// (+ compromise-dates) and wink-nlp, on the same news text in the same run.
//
// Usage: (cd bench && npm ci) && scripts/build-wasm.sh && node bench/run.mjs [--words N] [--pkg DIR]
// (--pkg: another wasm-bindgen output directory than www/pkg, e.g. an older build kept aside)
// Text: ../shared/data/text/voa-sentences.txt (public-domain VOA news) joined into articles
// of 25 sentences when present, else the repository's own sample articles repeated.
// Each tool is first warmed up: it analyzes its articles over and over for --warmup-seconds
// (default 3) and at least --warmup articles (default 20). The engines compile code lazily and
// optimize it once it is hot; one pass after 20 articles still ran partly in V8's baseline tier
// (wasm 227k words/s against 265k after 300 articles and ~370k in bench/compare.mjs's later
// rounds; wink-nlp 159k against 351k). Then it makes --passes timed passes (default 3) over its
// articles, and the median pass is reported, with the slowest and fastest. The peers are slow,
// so they get the first --peer-words words (default 100,000); presslens gets everything.
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzer, analyzerParts, corpus } from './analyzer.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const PEER_WORDS = arg('--peer-words', 100_000);
const MAX_WORDS = arg('--words', Infinity);
const WARMUP = arg('--warmup', 20);
const WARMUP_SECONDS = arg('--warmup-seconds', 3);
const PASSES = Math.max(1, arg('--passes', 3));

function benchText() {
  const { articles: texts, source, shared } = corpus(ROOT);
  // The repository's two articles are repeated to make a text worth timing.
  const articles = shared ? texts : Array.from({ length: 200 }, (_, i) => texts[i % texts.length]);
  const out = [];
  let words = 0;
  for (const a of articles) {
    if (words >= MAX_WORDS) break;
    out.push(a);
    words += countWords(a);
  }
  return { articles: out, source };
}

const countWords = (s) => (s.match(/\S+/g) || []).length;

function take(articles, maxWords) {
  const out = [];
  let w = 0;
  for (const a of articles) {
    if (w >= maxWords) break;
    out.push(a);
    w += countWords(a);
  }
  return out;
}

function time(name, articles, fn) {
  const start = process.hrtime.bigint();
  let done = 0;
  for (let i = 0; done < WARMUP || Number(process.hrtime.bigint() - start) / 1e9 < WARMUP_SECONDS; i++) {
    fn(articles[i % articles.length]);
    done++;
  }
  const words = articles.reduce((s, a) => s + countWords(a), 0);
  const passes = [];
  for (let p = 0; p < PASSES; p++) {
    const t = process.hrtime.bigint();
    for (const a of articles) fn(a);
    passes.push(Number(process.hrtime.bigint() - t) / 1e9);
  }
  passes.sort((a, b) => a - b);
  const seconds = passes[Math.floor(passes.length / 2)];
  return { name, words, seconds, wps: words / seconds, range: [words / passes[passes.length - 1], words / passes[0]] };
}

/** `time` for several functions at once, their warm-ups and timed passes taken in turn. */
function timeAlternating(articles, named) {
  const words = articles.reduce((s, a) => s + countWords(a), 0);
  const start = process.hrtime.bigint();
  for (let i = 0; i < WARMUP * named.length || Number(process.hrtime.bigint() - start) / 1e9 < WARMUP_SECONDS * named.length; i++) {
    named[i % named.length][1](articles[Math.floor(i / named.length) % articles.length]);
  }
  const passes = named.map(() => []);
  for (let p = 0; p < PASSES; p++) {
    named.forEach(([, fn], k) => {
      const t = process.hrtime.bigint();
      for (const a of articles) fn(a);
      passes[k].push(Number(process.hrtime.bigint() - t) / 1e9);
    });
  }
  return named.map(([name], k) => {
    const ps = passes[k].sort((a, b) => a - b);
    const seconds = ps[Math.floor(ps.length / 2)];
    return { name, words, seconds, wps: words / seconds, range: [words / ps[ps.length - 1], words / ps[0]] };
  });
}

const { articles, source } = benchText();
const results = [];

// presslens, wasm under Node (the same build the page loads).
const pkgArg = process.argv.indexOf('--pkg');
const pkg = pkgArg > 0 ? path.resolve(process.argv[pkgArg + 1]) : path.join(ROOT, 'www', 'pkg');
if (!existsSync(path.join(pkg, 'presslens_bg.wasm'))) {
  console.error('bench: build the wasm first: scripts/build-wasm.sh');
  process.exit(2);
}
const wasm = await import(path.join(pkg, 'presslens.js'));
wasm.initSync({ module: readFileSync(path.join(pkg, 'presslens_bg.wasm')) });
const analyze = analyzer(wasm);
// With and without turning the result into objects (without: what the wasm itself takes, the
// analysis and its packed form, docs/performance.md round 30). Their passes alternate, so that
// both see the same machine: run one after the other, they differed by more than the decoding.
const { raw } = analyzerParts(wasm);
if (raw) {
  const [full, bare] = timeAlternating(articles, [
    ['presslens (wasm, Node)', (t) => analyze(t)],
    ['presslens (wasm, not decoded)', (t) => raw(t)],
  ]);
  results.push(full, bare);
} else {
  results.push(time('presslens (wasm, Node)', articles, (t) => analyze(t)));
}

// presslens, native.
const dir = mkdtempSync(path.join(tmpdir(), 'presslens-bench-'));
const file = path.join(dir, 'articles.txt');
writeFileSync(file, articles.join('\n\f\n'));
execFileSync('cargo', ['build', '--release', '--quiet', '--example', 'throughput'], { cwd: ROOT, stdio: 'inherit' });
const native = JSON.parse(execFileSync(path.join(ROOT, 'target', 'release', 'examples', 'throughput'), [file]).toString());
results.push({ name: 'presslens (native)', words: native.words, seconds: native.seconds, wps: native.wordsPerSecond });

// Peers.
const peerArticles = take(articles, PEER_WORDS);
try {
  const nlp = (await import('compromise')).default;
  const dates = (await import('compromise-dates')).default;
  nlp.plugin(dates);
  results.push(time('compromise 14 (+dates)', peerArticles, (t) => {
    const d = nlp(t);
    d.people().json(); d.places().json(); d.organizations().json();
    d.numbers().json(); d.quotations().json(); d.dates().json();
  }));
} catch (e) {
  console.error(`bench: compromise unavailable (${e.message}); run npm ci in bench/`);
}
try {
  const winkNLP = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  const nlp = winkNLP(model);
  const its = nlp.its;
  results.push(time('wink-nlp 2 (lite web model)', peerArticles, (t) => {
    const d = nlp.readDoc(t);
    d.entities().out(its.detail); d.sentences().out();
  }));
} catch (e) {
  console.error(`bench: wink-nlp unavailable (${e.message}); run npm ci in bench/`);
}

console.log(`text: ${source}`);
console.log(`warm-up: ${WARMUP_SECONDS} s (at least ${WARMUP} articles) per tool; median of ${PASSES} timed passes, range in brackets`);
console.log(`${'tool'.padEnd(30)}${'words'.padStart(10)}${'seconds'.padStart(10)}${'words/s'.padStart(12)}${'vs wasm'.padStart(10)}   range`);
const base = results[0].wps;
const fmt = (x) => Math.round(x).toLocaleString('en-US');
for (const r of results) {
  const range = r.range ? `   ${fmt(r.range[0])} – ${fmt(r.range[1])}` : '';
  console.log(`${r.name.padEnd(30)}${String(r.words).padStart(10)}${r.seconds.toFixed(3).padStart(10)}${fmt(r.wps).padStart(12)}${(r.wps / base).toFixed(2).padStart(9)}x${range}`);
}
