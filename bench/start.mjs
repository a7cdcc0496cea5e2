// Start time of the page: from navigation start to the first analysis of an ~800-word article
// on screen (results in state "done": article and panels rendered), in headless Chromium with
// the e2e tests' launch flags. Not a test: it prints numbers.
//
// Usage: scripts/build-wasm.sh && node bench/start.mjs [--runs 5] [--www DIR,DIR...] [--max-age S]
//   --www: compare page builds (directories laid out like www/, each with its pkg/): the runs
//   alternate between them, so that all see the same load on a shared machine.
//   --max-age: let the browser reuse files for S seconds without asking (GitHub Pages: 600);
//   by default it revalidates each one on every load (no-cache, 304 when unchanged).
//   --no-devtools: run Chromium without Playwright. Playwright attaches to every worker through
//   DevTools before the worker's script runs, which a user's browser does not do (it took up
//   to 86 ms of a cold start). In this mode the page is served with a probe script added at
//   the end of <body> (a copy of the page in a temporary directory), and the probe reports to
//   the server. The worker's milestones are not available then.
//
// How: the article is put in localStorage (where the page keeps the user's text) from a
// same-origin file that is not the app, so the page analyzes it on load, as it does for a
// returning user, with no click to subtract. An init script records performance.now() (ms
// since navigation start) when #results turns "done".
//   cold: a fresh browser profile each run (empty HTTP cache, no compiled-wasm cache);
//   warm: a reload in the same profile right after (the cold run's load is the warm-up). It
//   runs in the same renderer process, where V8 reuses the wasm module the page kept, with
//   the code it optimized during the cold run (docs/performance.md, round 10).
// Article: ../shared/seed/kabul-airport-article.txt when present (776 words, read, never
// copied), else the page's example article followed by the messy test article, cut at 800
// words.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../scripts/chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ri = process.argv.indexOf('--runs');
const RUNS = ri > 0 ? Number(process.argv[ri + 1]) : 5;
const wi = process.argv.indexOf('--www');
const mi = process.argv.indexOf('--max-age');
const MAX_AGE = mi > 0 ? Number(process.argv[mi + 1]) : 0;
const NO_DEVTOOLS = process.argv.includes('--no-devtools');
const ROOTS = (wi > 0 ? process.argv[wi + 1].split(',') : [path.join(ROOT, 'www')]).map((d) => path.resolve(d));

function article() {
  const seed = path.join(ROOT, '..', 'shared', 'seed', 'kabul-airport-article.txt');
  if (existsSync(seed)) return { text: readFileSync(seed, 'utf8'), source: '../shared/seed/kabul-airport-article.txt' };
  const joined = ['www/sample-article.txt', 'tests/fixtures/messy-flood-article.txt']
    .map((f) => readFileSync(path.join(ROOT, f), 'utf8')).join('\n');
  let words = 0;
  const re = /\S+/g;
  let m;
  let end = joined.length;
  while ((m = re.exec(joined))) {
    if (++words === 800) {
      end = m.index + m[0].length;
      break;
    }
  }
  return { text: joined.slice(0, end), source: 'www/sample-article.txt + tests/fixtures/messy-flood-article.txt, first 800 words' };
}

// Runs in the page before its scripts: notes when the first analysis is on screen.
function watchDone() {
  const obs = new MutationObserver(() => {
    const r = document.getElementById('results');
    if (r && r.dataset.state === 'done' && window.__doneAt === undefined) {
      window.__doneAt = performance.now();
      obs.disconnect();
      console.debug('presslens-bench-done');
    }
  });
  obs.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

async function load(page, url) {
  // Waits for a console message, not with page.waitForFunction: that injects Playwright's
  // script into the page, which took the main thread for ~100 ms of a cold start, in the
  // middle of what is measured.
  const done = page.waitForEvent('console', { predicate: (m) => m.text() === 'presslens-bench-done', timeout: 60_000 });
  await page.goto(url);
  await done;
  // Where the time went: the page's own timeline, and the worker's (its marks and the
  // resources it fetched) moved onto the page's clock.
  const pageT = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = Object.fromEntries(performance.getEntriesByType('resource')
      .map((e) => [e.name.split('/').pop(), e.responseEnd]));
    const marks = Object.fromEntries(performance.getEntriesByType('mark').map((e) => [e.name, e.startTime]));
    return { origin: performance.timeOrigin, html: nav.responseEnd, dcl: nav.domContentLoadedEventEnd, res, marks };
  });
  const worker = page.workers()[0];
  const workerT = worker ? await worker.evaluate(() => ({
    origin: performance.timeOrigin,
    marks: Object.fromEntries(performance.getEntriesByType('mark').map((e) => [e.name, e.startTime])),
    res: Object.fromEntries(performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), e.responseEnd])),
  })) : null;
  const shift = workerT ? workerT.origin - pageT.origin : 0;
  const w = (t) => (t === undefined ? NaN : t + shift);
  const parts = {
    html: pageT.html,
    'app.js': pageT.res['app.js'],
    domContentLoaded: pageT.dcl,
    'worker created': workerT ? shift : NaN,
    'worker start': w(workerT?.marks['presslens-worker-start']),
    // The page fetches and compiles the wasm (boot.js) and hands it to the worker; builds
    // before round 10 fetched it in the worker.
    'wasm fetched': pageT.res['presslens_bg.wasm'] ?? w(workerT?.res['presslens_bg.wasm']),
    'wasm compiled': pageT.marks['presslens-wasm-compiled'],
    'wasm ready': w(workerT?.marks['presslens-wasm-ready']),
    'analysis start': w(workerT?.marks['presslens-analyze-start']),
    'analysis end': w(workerT?.marks['presslens-analyze-end']),
  };
  return page.evaluate((parts) => ({
    parts,
    ms: window.__doneAt,
    status: [...document.querySelectorAll('#status .status-main, #status .status-detail')].map((e) => e.textContent).join(' · '),
    render: Number(document.getElementById('results').dataset.renderMs),
  }), parts);
}


// ---- --no-devtools: Chromium on its own, a probe in the page reporting to the server ----

/** Runs in the page (an async script at the end of <body>): reports when #results is "done",
 * then reloads once for the warm run. */
const PROBE = `(() => {
  const KEY = 'presslens-bench-warm';
  const report = (doneAt, late) => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = Object.fromEntries(performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), e.responseEnd]));
    const marks = Object.fromEntries(performance.getEntriesByType('mark').map((e) => [e.name, e.startTime]));
    const warm = sessionStorage.getItem(KEY) === '1';
    const data = { warm, late, done: doneAt, html: nav.responseEnd, dcl: nav.domContentLoadedEventEnd,
      wasm: res['presslens_bg.wasm'], compiled: marks['presslens-wasm-compiled'],
      status: document.querySelector('#status .status-main')?.textContent };
    fetch('__bench_done?' + encodeURIComponent(JSON.stringify(data))).catch(() => {}).finally(() => {
      if (!warm) {
        sessionStorage.setItem(KEY, '1');
        setTimeout(() => location.assign(location.href), 50);
      }
    });
  };
  const done = () => document.getElementById('results')?.dataset.state === 'done';
  if (done()) return report(performance.now(), true);
  new MutationObserver((_, o) => {
    if (done()) {
      o.disconnect();
      report(performance.now(), false);
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
})();
`;

/** A copy of `root` to serve: links to its files, index.html with the probe, a setup page. */
function probeRoot(root, text) {
  const dir = mkdtempSync(path.join(tmpdir(), 'presslens-probe-'));
  for (const name of readdirSync(root)) {
    if (name !== 'index.html') symlinkSync(path.join(root, name), path.join(dir, name));
  }
  const html = readFileSync(path.join(root, 'index.html'), 'utf8');
  writeFileSync(path.join(dir, 'index.html'), html.replace('</body>', '<script async src="__bench_probe.js"></script>\n</body>'));
  writeFileSync(path.join(dir, '__bench_probe.js'), PROBE);
  // The article goes into localStorage from a page that is not the app, then the app loads.
  writeFileSync(path.join(dir, '__bench_article.txt'), text);
  writeFileSync(path.join(dir, '__bench_setup.html'), `<!doctype html><script>
fetch('__bench_article.txt').then((r) => r.text()).then((t) => {
  localStorage.setItem('presslens:text', t);
  sessionStorage.removeItem('presslens-bench-warm');
  location.replace('./');
});
</script>`);
  return dir;
}

/** One cold and one warm load in a fresh Chromium, no DevTools: resolves to [cold, warm]. */
function plainRun(server, reports) {
  const dir = mkdtempSync(path.join(tmpdir(), 'presslens-start-'));
  const child = spawn(CHROMIUM, [...ARGS, '--headless', `--user-data-dir=${dir}`, '--window-size=1280,900',
    `${server.url}__bench_setup.html`], { stdio: 'ignore', detached: true });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error('no report within 60 s')), 60_000);
    const got = [];
    const finish = (err) => {
      clearTimeout(timer);
      reports.delete(server.port);
      child.once('exit', () => {
        // Its helper processes may still be writing the profile for a moment.
        setTimeout(() => {
          try {
            rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
          } catch { /* a temporary directory left behind */ }
          if (err) reject(err);
          else resolve(got);
        }, 200);
      });
      // The browser and its helper processes: the group this run started.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill();
      }
    };
    reports.set(server.port, (data) => {
      got.push(data);
      if (got.length === 2) finish(null);
    });
  });
}

for (const root of ROOTS) {
  if (!existsSync(path.join(root, 'pkg', 'presslens.js'))) {
    console.error(`${root}/pkg is missing: build the wasm first with scripts/build-wasm.sh`);
    process.exit(1);
  }
}
if (!existsSync(CHROMIUM)) {
  console.error(`no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
  process.exit(1);
}
const { text, source } = article();
const words = (text.match(/\S+/g) || []).length;
const { chromium } = NO_DEVTOOLS ? {} : await import('playwright-core');
const servers = [];
const probeDirs = [];
/** --no-devtools: the probe's reports, by server port. */
const reports = new Map();
for (const root of ROOTS) {
  const serveRoot = NO_DEVTOOLS ? probeRoot(root, text) : root;
  if (NO_DEVTOOLS) probeDirs.push(serveRoot);
  const server = await startServer({ root: serveRoot, port: 0, prefix: '/presslens/', maxAge: MAX_AGE });
  server.server.on('request', (req) => {
    const q = req.url.indexOf('__bench_done?');
    if (q >= 0) reports.get(server.port)?.(JSON.parse(decodeURIComponent(req.url.slice(q + 13))));
  });
  servers.push(server);
}
const byRoot = ROOTS.map(() => ({ cold: [], warm: [], coldParts: [], warmParts: [] }));
let status = '';
try {
  for (let i = 0; i < RUNS; i++) {
    for (let r = 0; r < ROOTS.length; r++) {
      const server = servers[r];
      const m = byRoot[r];
      const tag = ROOTS.length > 1 ? ` [${path.basename(ROOTS[r])}]` : '';
      if (NO_DEVTOOLS) {
        const [c, w] = await plainRun(server, reports);
        const parts = (x) => ({ html: x.html, domContentLoaded: x.dcl, 'wasm fetched': x.wasm, 'wasm compiled': x.compiled, done: x.done });
        m.cold.push(c.done);
        m.warm.push(w.done);
        m.coldParts.push(parts(c));
        m.warmParts.push(parts(w));
        status = w.status;
        const late = c.late || w.late ? ' (the probe came after the results: too late to time)' : '';
        console.log(`run ${i + 1}${tag}: cold ${c.done.toFixed(0)} ms, warm ${w.done.toFixed(0)} ms  (cold: ${c.status})${late}`);
        continue;
      }
      const dir = mkdtempSync(path.join(tmpdir(), 'presslens-start-'));
      const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 900 }, args: ARGS });
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}favicon.svg`);
        await page.evaluate((t) => localStorage.setItem('presslens:text', t), text);
        await page.addInitScript(watchDone);
        const c = await load(page, server.url);
        const w = await load(page, server.url);
        m.cold.push(c.ms);
        m.warm.push(w.ms);
        m.coldParts.push({ ...c.parts, done: c.ms });
        m.warmParts.push({ ...w.parts, done: w.ms });
        status = w.status;
        console.log(`run ${i + 1}${tag}: cold ${c.ms.toFixed(0)} ms, warm ${w.ms.toFixed(0)} ms  (cold: ${c.status.split(' · ')[0]}; rendering ${c.render} ms)`);
      } finally {
        await context.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
} finally {
  for (const server of servers) await server.close();
  for (const dir of probeDirs) rmSync(dir, { recursive: true, force: true });
}
console.log(`\narticle: ${words} words (${source}); server: ${MAX_AGE > 0 ? `max-age=${MAX_AGE}` : 'no-cache'}, ETag; ${NO_DEVTOOLS ? 'Chromium without DevTools, probe script' : 'Playwright'}\n${status}`);
ROOTS.forEach((root, r) => {
  const { cold, warm, coldParts, warmParts } = byRoot[r];
  console.log(`\n${ROOTS.length > 1 ? `${root}: ` : ''}navigation start -> first analysis on screen, median of ${RUNS}:`);
  console.log(`  cold (fresh profile): ${median(cold).toFixed(0)} ms   [${cold.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`  warm (reload):        ${median(warm).toFixed(0)} ms   [${warm.map((x) => x.toFixed(0)).join(', ')}]`);
  // Milestones, ms since navigation start (median of the runs); a milestone the page or the
  // worker does not record shows as NaN.
  console.log('\nmilestones (ms since navigation start, median):');
  console.log(`${''.padEnd(18)}${'cold'.padStart(8)}${'warm'.padStart(8)}`);
  for (const k of Object.keys(coldParts[0] || {})) {
    const f = (xs) => median(xs.map((p) => p[k]).filter((v) => Number.isFinite(v)));
    console.log(`${k.padEnd(18)}${f(coldParts).toFixed(0).padStart(8)}${f(warmParts).toFixed(0).padStart(8)}`);
  }
});
