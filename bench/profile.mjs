// Wasm instructions by function: where bench/instructions.mjs's count goes, per word, for one
// build. Not a test: it prints numbers.
//
// Usage: node bench/profile.mjs PKG [--articles N] [--top K]
// PKG must keep the wasm's name section, or every function is "<unnamed>"; the page's build
// removes it, so build a named copy of the same code:
//   scripts/build-wasm.sh && wasm-bindgen --target web --no-typescript \
//     --out-dir target/pkg-named target/wasm32-unknown-unknown/wasm-release/presslens.wasm
//   node bench/profile.mjs target/pkg-named
// Needs valgrind (`apt-get install valgrind`).
//
// How (round 25 of docs/performance.md): bench/instructions.mjs's child runs twice under
// callgrind with per-instruction counts (`--dump-instr=yes`), and V8 writes the address range of
// every function it compiles to /tmp/perf-PID.map (`--perf-basic-prof`). Each address's count
// goes to the function whose range holds it; the run on the first 20 articles is subtracted
// from the run on 20 + N, as the bench does, so compiling and start-up cancel out. JS and V8's
// own code (www/wire.js decoding the result, the glue) appear under their names or as <other>. Functions that V8
// inlined count in their caller.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpus } from './analyzer.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const N = opt('--articles', 100);
const TOP = opt('--top', 40);
const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!dir) {
  console.error('usage: node bench/profile.mjs PKG [--articles N] [--top K]');
  process.exit(2);
}
const BASE = 20;

/** Instructions by function name for one run of the child on `n` articles. */
function run(n) {
  const out = path.join(ROOT, 'target', `profile-${process.pid}-${n}.cg`);
  const r = spawnSync('valgrind', [
    '--tool=callgrind', `--callgrind-out-file=${out}`, '--dump-instr=yes', '--compress-pos=no',
    '--compress-strings=no', '--smc-check=all-non-file',
    process.execPath, '--perf-basic-prof', '--logfile=/dev/null', '--no-logfile-per-isolate', '--no-liftoff', '--no-wasm-lazy-compilation',
    '--single-threaded', '--hash-seed=1', '--random-seed=1', '--predictable',
    path.join(ROOT, 'bench', 'instructions.mjs'), '--child', dir, String(n),
  ], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.error?.code === 'ENOENT') {
    console.error('bench/profile.mjs needs valgrind: apt-get install valgrind');
    process.exit(1);
  }
  const pid = /==(\d+)==/.exec(r.stderr || '')?.[1];
  if (r.status !== 0 || !pid) throw new Error(`valgrind failed:\n${r.stderr}`);
  // A fixed path: perf's convention, which V8 follows (it has no flag to move the file).
  const mapFile = `/tmp/perf-${pid}.map`;
  const ranges = readFileSync(mapFile, 'utf8').split('\n').filter(Boolean).map((l) => {
    const [a, s, ...name] = l.split(' ');
    return [parseInt(a, 16), parseInt(s, 16), name.join(' ')];
  }).sort((x, y) => x[0] - y[0]);
  rmSync(mapFile, { force: true });
  const starts = ranges.map((e) => e[0]);
  const find = (a) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= a) lo = mid + 1;
      else hi = mid;
    }
    const e = ranges[lo - 1];
    return e && a < e[0] + e[1] ? e[2] : '<other>';
  };
  const cost = new Map();
  let skip = false;
  for (const line of readFileSync(out, 'utf8').split('\n')) {
    if (skip) {
      // The line after `calls=` is the call's inclusive cost, counted where it is spent.
      skip = false;
      continue;
    }
    if (line.startsWith('calls=')) {
      skip = true;
    } else if (line.startsWith('0x')) {
      const parts = line.split(' ');
      const name = find(parseInt(parts[0], 16))
        .replace(/::h[0-9a-f]{16}/, '')
        .replace(/-\d+-turbofan$/, '')
        .replace(/^JS:/, '');
      cost.set(name, (cost.get(name) || 0) + Number(parts[parts.length - 1]));
    }
  }
  rmSync(out, { force: true });
  return cost;
}

const countWords = (s) => (s.match(/\S+/g) || []).length;
const source = corpus(ROOT).articles;
const words = Array.from({ length: N }, (_, i) => source[(BASE + i) % source.length])
  .reduce((s, a) => s + countWords(a), 0);
const [a, b] = [run(BASE), run(BASE + N)];
const diff = [...b].map(([k, v]) => [k, v - (a.get(k) || 0)]).sort((x, y) => y[1] - x[1]);
const total = diff.reduce((s, [, v]) => s + v, 0);
console.log(`${dir}: ${N} articles, ${words} words; ${(total / 1e6).toFixed(1)} M instructions, ${Math.round(total / words).toLocaleString('en')} a word`);
for (const [name, v] of diff.slice(0, TOP)) {
  console.log(`${(100 * v / total).toFixed(2).padStart(6)}% ${(v / words).toFixed(1).padStart(8)}/word  ${name.slice(0, 110)}`);
}
