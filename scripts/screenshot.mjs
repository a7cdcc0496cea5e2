// Renders the page analyzing a text file and saves a screenshot: for looking at the product
// with an article of your choice.
// Usage: node scripts/screenshot.mjs ARTICLE.txt OUT.png [--width 1280] [--full]
// Needs the wasm build (scripts/build-wasm.sh), playwright-core (npm ci) and Debian's chromium.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const [file, out] = process.argv.slice(2).filter((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (!file || !out) {
  console.error('usage: node scripts/screenshot.mjs ARTICLE.txt OUT.png [--width N] [--full]');
  process.exit(2);
}
const wi = process.argv.indexOf('--width');
const width = wi > 0 ? Number(process.argv[wi + 1]) : 1280;
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'www');
const server = await startServer({ root, port: 0, prefix: '/' });
const { chromium } = await import('playwright-core');
const dir = mkdtempSync(path.join(tmpdir(), 'presslens-shot-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width, height: 900 },
  args: CHROMIUM_ARGS,
});
try {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`http://127.0.0.1:${server.port}/`);
  await page.fill('#text', readFileSync(file, 'utf8'));
  await page.click('#analyze');
  await page.waitForSelector('[data-state="done"], [data-state="error"]');
  console.log(await page.textContent('#status'));
  await page.screenshot({ path: out, fullPage: process.argv.includes('--full') });
} finally {
  await context.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
