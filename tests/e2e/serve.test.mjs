// The static server: MIME types the browser insists on, sub-path serving, no way out of root.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/serve.mjs';

let dir;
let srv;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'presslens-serve-'));
  const root = path.join(dir, 'www');
  mkdirSync(path.join(root, 'pkg'), { recursive: true });
  mkdirSync(path.join(root, 'sub'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>root</title>');
  writeFileSync(path.join(root, 'sub', 'index.html'), 'sub index');
  writeFileSync(path.join(root, 'app.js'), 'export {}');
  writeFileSync(path.join(root, 'm.mjs'), 'export {}');
  writeFileSync(path.join(root, 'pkg', 'x.wasm'), Buffer.from([0, 97, 115, 109]));
  writeFileSync(path.join(root, 'style.css'), 'body{}');
  writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  srv = await startServer({ root, port: 0, prefix: '/presslens/' });
});

after(async () => {
  await srv?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET, so that paths like /../ reach the server unnormalized. */
function get(rawPath, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: srv.port, path: rawPath, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], location: res.headers.location, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('listens on 127.0.0.1 under the prefix', () => {
  assert.match(srv.url, /^http:\/\/127\.0\.0\.1:\d+\/presslens\/$/);
});

test('serves index.html for directories and redirects the bare prefix', async () => {
  const r = await get('/presslens/');
  assert.equal(r.status, 200);
  assert.match(r.type, /^text\/html/);
  assert.match(r.body, /root/);
  assert.equal((await get('/presslens')).location, '/presslens/');
  assert.equal((await get('/presslens/sub')).location, '/presslens/sub/');
  assert.equal((await get('/presslens/sub/')).body, 'sub index');
});

test('MIME types', async () => {
  assert.match((await get('/presslens/app.js')).type, /^text\/javascript/);
  assert.match((await get('/presslens/m.mjs')).type, /^text\/javascript/);
  assert.equal((await get('/presslens/pkg/x.wasm')).type, 'application/wasm');
  assert.match((await get('/presslens/style.css')).type, /^text\/css/);
});

test('validators: a conditional GET of an unchanged file gets a 304, a changed one the file', async () => {
  // What keeps the browser's cached copy, and V8's compiled code with it, across reloads.
  const first = await get('/presslens/pkg/x.wasm');
  assert.equal(first.status, 200);
  assert.equal(first.headers['cache-control'], 'no-cache');
  const { etag } = first.headers;
  const lastModified = first.headers['last-modified'];
  assert.match(etag, /^"[0-9a-f]+-[0-9a-f]+"$/);
  assert.ok(Number.isFinite(Date.parse(lastModified)));
  const again = await get('/presslens/pkg/x.wasm', { 'If-None-Match': etag });
  assert.equal(again.status, 304);
  assert.equal(again.body, '');
  assert.equal(again.headers.etag, etag);
  assert.equal((await get('/presslens/pkg/x.wasm', { 'If-None-Match': `"x", W/${etag}` })).status, 304);
  assert.equal((await get('/presslens/pkg/x.wasm', { 'If-Modified-Since': lastModified })).status, 304);
  assert.equal((await get('/presslens/pkg/x.wasm', { 'If-None-Match': '"other"' })).status, 200);
  // An ETag that does not match wins over a date that would.
  assert.equal((await get('/presslens/pkg/x.wasm', { 'If-None-Match': '"other"', 'If-Modified-Since': lastModified })).status, 200);
  const older = new Date(Date.parse(lastModified) - 60_000).toUTCString();
  assert.equal((await get('/presslens/pkg/x.wasm', { 'If-Modified-Since': older })).status, 200);
  writeFileSync(path.join(dir, 'www', 'pkg', 'x.wasm'), Buffer.from([0, 97, 115, 109, 1]));
  const changed = await get('/presslens/pkg/x.wasm', { 'If-None-Match': etag });
  assert.equal(changed.status, 200);
  assert.notEqual(changed.headers.etag, etag);
});

test('nothing outside the prefix or the root', async () => {
  assert.equal((await get('/index.html')).status, 404);
  assert.equal((await get('/presslens/missing.js')).status, 404);
  for (const p of ['/presslens/../secret.txt', '/presslens/%2e%2e/secret.txt', '/presslens/..%2fsecret.txt',
    '/presslens/%2e%2e%2f%2e%2e%2fsecret.txt', '/presslens/sub/../../secret.txt', '/presslens/%00']) {
    const r = await get(p);
    assert.notEqual(r.status, 200, p);
    assert.ok(!r.body.includes('secret'), p);
  }
  assert.equal((await get('/presslens/%E0%A4%A')).status, 400);
});
