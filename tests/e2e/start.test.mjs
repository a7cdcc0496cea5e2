// The page's start (docs/performance.md, round 10): the inline script in <head> that starts
// the analyzer is allowed by its hash and nothing else; the page fetches and compiles the wasm
// once and hands it to every worker it starts; a host that serves the wasm with another MIME
// type still gets an analysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SAMPLE, SHORT, WWW, context, openPage, setText, setup, skip, waitDone } from './helpers.mjs';

setup();

const HTML = readFileSync(path.join(WWW, 'index.html'), 'utf8');

test('the Content-Security-Policy allows exactly the inline scripts of index.html, by hash', () => {
  const csp = HTML.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  const scriptSrc = csp.split(';').map((d) => d.trim().split(/\s+/)).find((d) => d[0] === 'script-src');
  assert.ok(scriptSrc, 'a script-src directive');
  const allowed = scriptSrc.filter((s) => s.startsWith("'sha256-")).map((s) => s.slice(8, -1)).sort();
  const inline = [...HTML.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => createHash('sha256').update(m[1], 'utf8').digest('base64')).sort();
  assert.ok(inline.length >= 1, 'the start script is inline');
  assert.deepEqual(allowed, inline, 'edit the script, then its hash in the CSP (sha256, base64)');
  assert.ok(!scriptSrc.includes("'unsafe-inline'") && !scriptSrc.includes("'unsafe-eval'"));
});

test('the wasm is fetched once, by the page; a worker started after Cancel gets it too', { skip }, async (t) => {
  const page = await openPage(t);
  // (openPage loads the page twice: once each.)
  const wasmRequests = () => page.requests.filter((u) => u.endsWith('/presslens_bg.wasm')).length;
  await page.fill('#text', SHORT);
  await page.click('#analyze');
  await waitDone(page);
  assert.equal(wasmRequests(), 2);
  // Cancel ends the worker; the next request runs in a new one, fed the same compiled module.
  const huge = Array.from({ length: 300 }, () => SAMPLE).join('\n');
  await page.evaluate((x) => { document.getElementById('text').value = x; }, huge);
  await page.click('#analyze');
  await page.click('#cancel');
  await setText(page, SAMPLE);
  await page.click('#analyze');
  const status = await waitDone(page);
  assert.match(status, /Analyzed \d+ words/);
  assert.equal(wasmRequests(), 2, 'the new worker did not fetch the wasm again');
});

test('a host that sends the wasm with another MIME type: the worker compiles it the plain way', { skip }, async (t) => {
  // Streaming compilation refuses a wasm not sent as application/wasm; the page then hands
  // the worker nothing and the worker fetches the bytes and compiles them itself.
  const route = async (r) => {
    const res = await r.fetch();
    await r.fulfill({ response: res, headers: { ...res.headers(), 'content-type': 'application/octet-stream' } });
  };
  await context.route('**/presslens_bg.wasm', route);
  t.after(() => context.unroute('**/presslens_bg.wasm', route));
  const page = await openPage(t);
  // One load's requests: openPage loads the page twice, and its reload can end the first
  // load's worker before that worker has fetched anything (3 requests instead of 4, once in CI).
  page.requests.length = 0;
  await page.reload();
  await page.waitForSelector('#results[data-state="idle"]', { state: 'attached', timeout: 10_000 });
  await page.fill('#text', SHORT);
  await page.click('#analyze');
  assert.match(await waitDone(page), /Analyzed \d+ words/);
  // The page tried, then the worker fetched it (a worker's requests are seen here too).
  assert.equal(page.requests.filter((u) => u.endsWith('/presslens_bg.wasm')).length, 2);
});
