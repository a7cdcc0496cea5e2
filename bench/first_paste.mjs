// The first analysis a new visitor waits for: a fresh browser profile opens the page with
// nothing saved, waits 2 s (reading the page), pastes an article and presses Analyze. Prints
// the analysis time the page reports (the worker's, in ms), per run and the median. Not a
// test. The worker warms the wasm up while the page waits (www/worker.js); this measures that.
//
// Usage: scripts/build-wasm.sh && node bench/first_paste.mjs [--runs 5]
// Article: ../shared/seed/kabul-airport-article.txt when present, else www/sample-article.txt.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../scripts/chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ri = process.argv.indexOf('--runs');
const RUNS = ri > 0 ? Number(process.argv[ri + 1]) : 5;
const seed = path.join(ROOT, '..', 'shared', 'seed', 'kabul-airport-article.txt');
const article = readFileSync(existsSync(seed) ? seed : path.join(ROOT, 'www', 'sample-article.txt'), 'utf8');

const { chromium } = await import('playwright-core');
const server = await startServer({ root: path.join(ROOT, 'www'), port: 0, prefix: '/presslens/' });
const times = [];
for (let i = 0; i < RUNS; i++) {
  const dir = mkdtempSync(path.join(tmpdir(), 'presslens-paste-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const page = await ctx.newPage();
    await page.goto(server.url);
    await page.waitForSelector('#results[data-state="idle"]', { state: 'attached' });
    await page.waitForTimeout(2000);
    await page.evaluate((t) => { document.getElementById('text').value = t; }, article);
    await page.click('#analyze');
    await page.waitForFunction(() => document.getElementById('results').dataset.state === 'done');
    const status = await page.textContent('#status .status-main');
    times.push(Number(/in ([\d.]+) ms/.exec(status)?.[1]));
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
await server.close();
const sorted = [...times].sort((a, b) => a - b);
console.log(`first analysis after a paste, ${article.split(/\s+/).length} words: ${times.join(', ')} ms; median ${sorted[Math.floor(sorted.length / 2)]} ms`);
