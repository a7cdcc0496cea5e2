// Instructions the wasm core executes per word, counted by callgrind: a measure of a change to
// the core that does not move with the machine's load. On the shared 2-core build machines,
// wall-clock and even CPU-time words/s of two builds moved by ±5% between runs, more than most
// changes worth measuring. V8 runs with fixed seeds and `--predictable` (no concurrent
// compiler or GC threads): without them the same build gave 816, 835 and 827 M instructions
// under load, with them 829.6 and 829.5 M (round 16 of docs/performance.md).
//
// Usage: node bench/instructions.mjs PKG [PKG ...] [--articles N] [--warm K]
// Each PKG is a wasm-bindgen output directory (www/pkg or a copy). Needs valgrind
// (`apt-get install valgrind`). Not a test: it prints numbers.
//
// How: Node runs the wasm with V8's optimizing compiler only (`--no-liftoff`, so no tier-up
// happens at a time that depends on the load), compiling every function when the module is
// instantiated (`--no-wasm-lazy-compilation`), on one thread (`--single-threaded`). The
// compiler's work is counted, but is the same in both runs below. Without eager compilation a
// function first called after the 20th article was compiled inside the measured window: about
// 100 M of 636 M instructions were compiling, and a change that shrank rarely called code looked
// faster than it ran (docs/performance.md, round 22). Each build is run twice under callgrind,
// after the same warm-up of its JavaScript (WARM below): on the first 20 articles and on the
// first 20+N (VOA news in articles of 25 sentences, as bench/run.mjs, else the repository's
// sample articles); the difference is what N articles cost: the analysis and turning its
// result into objects as the page's worker does (www/wire.js decoding the packed result, or
// `JSON.parse` of the JSON string for builds before round 30).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzer, analyzerParts, corpus } from './analyzer.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BASE = 20;
/**
 * How many times the first BASE articles' results are turned into objects before the window.
 * The JavaScript that decodes the wasm's packed result (www/wire.js, round 30) is optimized
 * only once V8 has run it enough, and its compiling was counted: with only the 20 articles
 * before the window, the new build counted 1.3% more than the JSON.parse build on 100
 * articles and 8.6% less on 300; analyzing the 20 articles 5 times first, 6.1% less; 12 or
 * 20 times, 20 and 21% less. In the page, the worker warms up before the first paste.
 */
const wi = process.argv.indexOf('--warm');
const WARM = wi > 0 ? Number(process.argv[wi + 1]) : 50;

function articles(n) {
  const source = corpus(ROOT).articles;
  return Array.from({ length: n }, (_, i) => source[i % source.length]);
}

if (process.argv[2] === '--child') {
  // One measured run: load the build, analyze the first N articles once.
  const [dir, n] = [process.argv[3], Number(process.argv[4])];
  const m = await import(path.resolve(dir, 'presslens.js'));
  m.initSync({ module: readFileSync(path.resolve(dir, 'presslens_bg.wasm')) });
  const analyze = analyzer(m);
  const all = articles(n);
  const { raw, objects } = analyzerParts(m);
  if (raw) {
    // The warm-up, the same in both runs: the first BASE articles' results turned into objects
    // WARM times, for the JavaScript that does it to be optimized before the window.
    const outs = all.slice(0, BASE).map((t) => [raw(t, '2021-08-27'), t]);
    for (let pass = 0; pass < WARM; pass++) for (const [out, t] of outs) objects(out, t);
  }
  for (const a of all) analyze(a, '2021-08-27');
  process.exit(0);
}

const args = process.argv.slice(2);
const ai = args.indexOf('--articles');
const N = ai >= 0 ? Number(args[ai + 1]) : 200;
const dirs = args.filter((a, i) => !a.startsWith('--') && !['--articles', '--warm'].includes(args[i - 1]));
if (!dirs.length) {
  console.error('usage: node bench/instructions.mjs PKG [PKG ...] [--articles N] [--warm K]');
  process.exit(2);
}

/** Instructions callgrind counted for one run of `--child dir n`. */
function refs(dir, n) {
  const r = spawnSync('valgrind', [
    '--tool=callgrind', '--callgrind-out-file=/dev/null', '--smc-check=all-non-file',
    process.execPath, '--no-liftoff', '--no-wasm-lazy-compilation', '--single-threaded',
    '--hash-seed=1', '--random-seed=1', '--predictable',
    fileURLToPath(import.meta.url), '--child', dir, String(n), '--warm', String(WARM),
  ], { encoding: 'utf8' });
  if (r.error?.code === 'ENOENT') {
    console.error('bench/instructions.mjs needs valgrind: apt-get install valgrind');
    process.exit(1);
  }
  const m = /refs:\s+([\d,]+)/.exec(r.stderr || '');
  if (r.status !== 0 || !m) throw new Error(`valgrind failed on ${dir}:\n${r.stderr}`);
  return Number(m[1].replaceAll(',', ''));
}

const countWords = (s) => (s.match(/\S+/g) || []).length;
const words = articles(BASE + N).slice(BASE).reduce((n, a) => n + countWords(a), 0);
console.log(`${N} articles, ${words} words; instructions for them (callgrind, V8 optimizing tier only)`);
let first = null;
for (const dir of dirs) {
  const total = refs(dir, BASE + N) - refs(dir, BASE);
  first ??= total;
  const perWord = Math.round(total / words).toLocaleString('en');
  console.log(`${dir.padEnd(40)} ${(total / 1e6).toFixed(1).padStart(9)} M  ${perWord.padStart(7)} per word  ${(total / first).toFixed(4)}`);
}
