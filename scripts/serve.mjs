#!/usr/bin/env node
// A tiny dependency-free static server for www/, on 127.0.0.1 only.
//
// Usage: node scripts/serve.mjs [PORT] [--prefix /presslens/] [--root DIR]
// PORT may also come from the PORT environment variable; default 8080.
// --prefix serves the site under a sub-path, like a GitHub Pages project site, so that
// relative URLs are exercised the way they will be in production.
//
// The page is analyzed entirely in the browser; this server only hands out files.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
};

const DEFAULT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'www');

/** Normalizes a prefix to "/" or "/something/". */
function normalizePrefix(prefix) {
  let p = prefix || '/';
  if (!p.startsWith('/')) p = '/' + p;
  if (!p.endsWith('/')) p += '/';
  return p;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

/** A conditional GET that the file still satisfies (RFC 9110: If-None-Match wins). */
function notModified(headers, etag, mtime) {
  const inm = headers['if-none-match'];
  if (inm) return inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*');
  const ims = Date.parse(headers['if-modified-since'] || '');
  // HTTP dates have whole seconds.
  return Number.isFinite(ims) && Math.floor(mtime.getTime() / 1000) * 1000 <= ims;
}

/**
 * Starts the server. Resolves to { server, port, url, close() } once it listens.
 * port 0 picks a free port (tests use that).
 */
export function startServer({ root = DEFAULT_ROOT, port = 8080, prefix = '/', host = '127.0.0.1', maxAge = 0 } = {}) {
  const rootDir = path.resolve(root);
  const base = normalizePrefix(prefix);

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
      }
      const url = new URL(req.url, 'http://localhost');
      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        return send(res, 400, 'bad request\n');
      }
      if (pathname.includes('\0')) return send(res, 400, 'bad request\n');
      // The sub-path itself without its slash redirects, as GitHub Pages does.
      if (base !== '/' && pathname === base.slice(0, -1)) {
        res.writeHead(301, { Location: base });
        return res.end();
      }
      if (!pathname.startsWith(base)) return send(res, 404, 'not found\n');
      const rel = pathname.slice(base.length);
      const file = path.resolve(rootDir, '.' + path.posix.normalize('/' + rel));
      if (file !== rootDir && !file.startsWith(rootDir + path.sep)) {
        return send(res, 403, 'forbidden\n');
      }
      let target = file;
      let info = await stat(target).catch(() => null);
      if (info && info.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { Location: pathname + '/' + url.search });
          return res.end();
        }
        target = path.join(target, 'index.html');
        info = await stat(target).catch(() => null);
      }
      if (!info || !info.isFile()) return send(res, 404, 'not found\n');
      const type = MIME[path.extname(target).toLowerCase()] || 'application/octet-stream';
      // Validators, as GitHub Pages sends them: with no-cache the browser asks again on every
      // load (an edit shows at once) and gets a 304 when nothing changed. `maxAge` (seconds)
      // lets the browser reuse a file without asking, as GitHub Pages does for 600 s. A 304 keeps the
      // browser's cached response, and with it the compiled code V8 attached to it; a fresh
      // 200 throws that away (docs/performance.md, round 10).
      const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      const cache = {
        'Cache-Control': maxAge > 0 ? `max-age=${maxAge}` : 'no-cache',
        ETag: etag,
        'Last-Modified': info.mtime.toUTCString(),
      };
      if (notModified(req.headers, etag, info.mtime)) {
        res.writeHead(304, cache);
        return res.end();
      }
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': info.size,
        ...cache,
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD' || info.size === 0) return res.end();
      // No more than Content-Length, even when the file grows while it is read (an edit, a
      // build): bytes past it would be read as the start of the next response on the socket.
      createReadStream(target, { start: 0, end: info.size - 1 })
        .on('error', () => res.destroy())
        .pipe(res);
    } catch (err) {
      if (!res.headersSent) send(res, 500, 'internal error\n');
      else res.destroy();
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = server.address().port;
      resolve({
        server,
        port: actual,
        url: `http://${host}:${actual}${base}`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

function parseArgs(argv) {
  const opts = { port: Number(process.env.PORT) || 8080, prefix: '/', root: DEFAULT_ROOT };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--prefix') opts.prefix = argv[++i];
    else if (a.startsWith('--prefix=')) opts.prefix = a.slice(9);
    else if (a === '--root') opts.root = argv[++i];
    else if (a.startsWith('--root=')) opts.root = a.slice(7);
    else if (a === '--port') opts.port = Number(argv[++i]);
    else if (a.startsWith('--port=')) opts.port = Number(a.slice(7));
    else if (/^\d+$/.test(a)) opts.port = Number(a);
    else if (a === '-h' || a === '--help') {
      console.log('usage: node scripts/serve.mjs [PORT] [--prefix /presslens/] [--root DIR]');
      process.exit(0);
    } else {
      console.error(`unknown argument: ${a}`);
      process.exit(2);
    }
  }
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  startServer(opts).then(
    ({ url }) => console.log(`presslens: serving ${opts.root} at ${url}`),
    (err) => {
      console.error(`presslens: cannot listen: ${err.message}`);
      process.exit(1);
    },
  );
}
