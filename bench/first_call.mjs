// Latency of the first analyses in a fresh wasm instance (Node): one-time work (table
// building, lazy statics) shows as the gap between call 1 and call 3. Not a test: it prints.
//
// Usage: scripts/build-wasm.sh && node bench/first_call.mjs [FILE] [--runs N] [--hello-first]
// FILE defaults to www/sample-article.txt; --hello-first analyzes "Hello." before it. Each run is a fresh Node process, so each first
// call is really first; the median of --runs (default 5) is printed.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzer } from './analyzer.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.join(ROOT, 'www', 'pkg');
const ri = process.argv.indexOf('--runs');
const RUNS = ri > 0 ? Number(process.argv[ri + 1]) : 5;
const file = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--runs')
  || path.join(ROOT, 'www', 'sample-article.txt');

if (process.env.FIRST_CALL_CHILD) {
  const wasm = await import(path.join(pkg, 'presslens.js'));
  const t0 = performance.now();
  wasm.initSync({ module: readFileSync(path.join(pkg, 'presslens_bg.wasm')) });
  const times = [performance.now() - t0];
  const analyze = analyzer(wasm);
  const text = readFileSync(file, 'utf8');
  // The page's first call is the article itself; a tiny text first shows one-time work alone.
  const texts = process.argv.includes('--hello-first') ? ['Hello.', text, text] : [text, text, text];
  for (const t of texts) {
    const s = performance.now();
    analyze(t);
    times.push(performance.now() - s);
  }
  console.log(JSON.stringify(times));
} else {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), file, ...process.argv.filter((a) => a === '--hello-first')], {
      env: { ...process.env, FIRST_CALL_CHILD: '1' },
    });
    runs.push(JSON.parse(out.toString()));
  }
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const names = process.argv.includes('--hello-first')
    ? ['compile+instantiate', 'call 1 ("Hello.")', 'call 2 (article)', 'call 3 (article)']
    : ['compile+instantiate', 'call 1 (article)', 'call 2 (article)', 'call 3 (article)'];
  console.log(`first calls in a fresh wasm instance, median of ${RUNS} runs, ${path.basename(file)}`);
  names.forEach((n, k) => console.log(`${n.padEnd(22)} ${median(runs.map((r) => r[k])).toFixed(2).padStart(8)} ms`));
}
