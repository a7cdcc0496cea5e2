// Shared by the e2e test files: the server, the browser, a watched page.
// Every page fails its test on a console error, an uncaught exception, a dialog (an alert()
// from injected markup would be one) or any request leaving 127.0.0.1.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW = path.join(ROOT, 'www');
export const SHOTS = path.join(ROOT, 'test-results');
export const FIXTURES = path.join(ROOT, 'tests', 'e2e', 'fixtures');
const PREFIX = '/presslens/';
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export const SAMPLE = readFileSync(path.join(WWW, 'sample-article.txt'), 'utf8');
export const SHORT = readFileSync(path.join(FIXTURES, 'short-article.txt'), 'utf8');
export const SHORT_ANALYSIS = JSON.parse(readFileSync(path.join(FIXTURES, 'short-analysis.json'), 'utf8'));

export const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`;
if (skip) console.log(`# e2e skipped: ${skip}`);

export let server;
export let context;
let userDataDir;

/** Starts the server and the browser for the calling test file. */
export function setup() {
  before(async () => {
    if (skip) return;
    assert.ok(existsSync(path.join(WWW, 'pkg', 'presslens.js')),
      'www/pkg is missing: build the wasm first with scripts/build-wasm.sh');
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer({ root: WWW, port: 0, prefix: PREFIX });
    const { chromium } = await import('playwright-core');
    userDataDir = mkdtempSync(path.join(tmpdir(), 'presslens-e2e-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: DESKTOP,
      args: CHROMIUM_ARGS,
    });
  });

  after(async () => {
    await context?.close();
    await server?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });
}

/** A fresh page on the app with empty storage, watched for errors and outside requests. */
export async function openPage(t, viewport = DESKTOP) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('dialog', async (d) => {
    if (d.type() === 'confirm' && page.acceptConfirm) {
      await d.accept();
      return;
    }
    problems.push(`unexpected ${d.type()} dialog: ${d.message()}`);
    await d.dismiss();
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  page.requests = [];
  page.on('request', (req) => {
    page.requests.push(req.url());
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') problems.push(`request to another origin: ${req.url()}`);
  });
  // Start from empty storage (the app saves a non-empty text again when unloaded).
  await page.goto(server.url);
  await page.evaluate(() => {
    document.getElementById('text').value = '';
    localStorage.clear();
  });
  await page.reload();
  await page.waitForSelector('#results[data-state="idle"]', { state: 'attached', timeout: 10_000 });
  t.after(async () => {
    await page.close();
    assert.deepEqual(problems, [], 'the page reported problems');
  });
  page.problems = problems;
  return page;
}

export async function waitDone(page, timeout = 30_000) {
  await page.waitForFunction(() => {
    const s = document.getElementById('results').dataset.state;
    return s === 'done' || s === 'error';
  }, null, { timeout });
  const state = await page.getAttribute('#results', 'data-state');
  const status = await page.textContent('#status');
  assert.equal(state, 'done', `analysis ended in state ${state}: ${status}`);
  return status;
}

/**
 * Puts `text` in the article box as the page's own input would see it. Used for texts of
 * megabytes: page.fill edits the textarea (select all, then type), which Chromium can take
 * longer than a test's timeout to do on a text that large.
 */
export async function setText(page, text) {
  await page.evaluate((x) => {
    const t = document.getElementById('text');
    t.value = x;
    t.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}
