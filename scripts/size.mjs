// Reports what the page downloads, gzipped, and with --check fails over the budget.
// Everything under www/ is served, so everything under www/ counts.
// Usage: node scripts/size.mjs [--check]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** The page budget from the performance issue: html, js, css, wasm and data, gzipped. */
export const BUDGET_KIB = 350;

const root = join(fileURLToPath(new URL('..', import.meta.url)), 'www');

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (!name.startsWith('.')) yield p;
  }
}

const rows = [];
for (const p of files(root)) {
  const raw = readFileSync(p);
  rows.push({ file: relative(root, p), raw: raw.length, gz: gzipSync(raw, { level: 9 }).length });
}
rows.sort((a, b) => b.gz - a.gz);
const kib = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${'file'.padEnd(32)}${'raw KiB'.padStart(8)}${'gzip KiB'.padStart(10)}`);
for (const r of rows) console.log(`${r.file.padEnd(32)}${kib(r.raw)}  ${kib(r.gz)}`);
const total = rows.reduce((s, r) => s + r.gz, 0);
console.log(`${'total'.padEnd(32)}${kib(rows.reduce((s, r) => s + r.raw, 0))}  ${kib(total)}  (budget ${BUDGET_KIB} KiB)`);
if (!rows.some((r) => r.file.endsWith('.wasm'))) {
  console.error('size: no .wasm under www/: run scripts/build-wasm.sh first');
  process.exit(2);
}
if (process.argv.includes('--check') && total > BUDGET_KIB * 1024) {
  console.error(`size: the page is ${(total / 1024).toFixed(1)} KiB gzipped, over the ${BUDGET_KIB} KiB budget`);
  process.exit(1);
}
