// The analyzer, off the main thread: the page stays responsive while a long text is read.
//
// Messages in: {id, text, referenceDate}. Out: {type: 'ready', version} once, then for each
// request either {id, error} or a stream of parts:
//   {id, part: 'head', result, layout, ms, words, pieces}  the analysis and the article's
//                                                          layout, their long lists emptied
//   {id, part: 'items', path, items}                       the next items of one list
//   {id, part: 'end'}
// Why a stream: the page's main thread pays for copying each message in (structured clone
// deserialization), all at once. The analysis of a 10 MB text copied in one message held it
// for over a second; in pieces of a bounded number of values, the page paints and answers
// input between them. The layout of the highlights (render.js's `layoutArticle`, pure) is
// computed here for the same reason. The page drops parts of requests it has replaced.
// The word count is made here too: on a text of megabytes it takes the main thread a
// noticeable moment.
// The core hands back its result packed in 32-bit words (one array crosses the wasm boundary),
// turned into the schema's objects here by wire.js, off the page's main thread.

/** About how many values (objects, array items) one message carries. */
const PIECE = 4000;

// Marks for bench/start.mjs, which reads them to split the page's start into its parts.
performance.mark('presslens-worker-start');

// The page (index.html) compiles the wasm and posts it first: {wasm: WebAssembly.Module}, or
// {wasm: null} and this worker compiles it. Imports are dynamic so that nothing waits for them.
let gotWasm;
const given = new Promise((resolve) => {
  gotWasm = resolve;
});

/** When streaming compilation failed in the page (a wasm not sent as application/wasm). */
async function compileHere() {
  const url = new URL('./pkg/presslens_bg.wasm', import.meta.url);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url.pathname}`);
  return WebAssembly.compile(await res.arrayBuffer());
}

/** The modules' exports, once loaded: {analyze, version, countWords, layoutArticle}. */
const code = Promise.all([
  import('./pkg/presslens.js'), import('./format.js'), import('./render.js'), import('./wire.js'),
])
  .then(async ([pkg, format, render, wire]) => {
    const module = (await given) || (await compileHere());
    await pkg.default({ module_or_path: module });
    // The text goes in as UTF-8 bytes: the glue copies a string into the wasm a char at a time
    // (docs/performance.md, round 28).
    const utf8 = new TextEncoder();
    const analyze = (text, date) => wire.decodeAnalysis(pkg.analyzeWire(utf8.encode(text), date), text);
    return { analyze, version: pkg.version, countWords: format.countWords, layoutArticle: render.layoutArticle };
  });
let analyze = null;
let countWords = null;
let layoutArticle = null;

const ready = code.then(
  (m) => {
    ({ analyze, countWords, layoutArticle } = m);
    performance.mark('presslens-wasm-ready');
    self.postMessage({ type: 'ready', version: m.version() });
    setTimeout(warmUp, WARM_AFTER_MS);
    return null;
  },
  (err) => {
    const message = `could not load the analyzer: ${err && err.message ? err.message : err}`;
    self.postMessage({ type: 'fatal', error: message });
    return message;
  },
);

/**
 * A short made-up article with a bit of everything the analyzer reads. The first analysis in a
 * fresh wasm instance runs in V8's baseline tier, about 15 times slower than later ones (63 ms
 * for the seed article's 776 words against ~4): while the page waits for a paste, the worker
 * analyzes this a few times so that the user's first analysis is not that one.
 */
const WARM_TEXT = `Flood Barriers Fail as River Rises in Harlow
By Jane Roe
HARLOW, March 12, 2025 — More than 1,200 residents left their homes on Sunday after the River
Cass rose 3.5 metres, the Northern Water Authority (NWA) said. "We have never seen it this
high," said Mayor Omar Diaz, who asked the state for $25 million. Officials said the barriers,
built in 2019, would be repaired by June. Three years ago, between 40 and 50 homes flooded.
(AP Photo / Sam Lee)`;
const WARM_AFTER_MS = 400;
const WARM_RUNS = 6;
/** A request came: warming up is over (the request itself does the rest). */
let requested = false;

async function warmUp() {
  for (let i = 0; i < WARM_RUNS && !requested; i++) {
    try {
      analyze(WARM_TEXT, '2025-03-12');
    } catch {
      return;
    }
    // Between runs, a request waiting in the queue goes first.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** How many values an item brings: itself and the items of the lists it holds. */
function weight(item) {
  let w = 1;
  if (item && typeof item === 'object') {
    for (const v of Object.values(item)) if (Array.isArray(v)) w += v.length;
  }
  return w;
}

/**
 * Empties every long list in `obj` (and in the plain objects it holds, two levels down) and
 * returns the emptied lists' contents as pieces [path, items] in order. `path` names the list
 * from the message's root, as 'result.figures' or 'result.structure.blocks'. An item that is
 * heavy on its own (an entity with 50,000 mentions) goes with its lists emptied, and their
 * items follow in pieces of their own, under a path with the item's index.
 */
function takeLists(obj, prefix, pieces, depth = 0) {
  for (const [key, value] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value)) {
      let total = 0;
      for (const item of value) total += weight(item);
      if (total <= PIECE) continue;
      obj[key] = [];
      let start = 0;
      let w = 0;
      value.forEach((item, i) => {
        const own = weight(item);
        w += own;
        if (w < PIECE) return;
        pieces.push([path, value.slice(start, i + 1)]);
        start = i + 1;
        w = 0;
        // The item's own lists come after the piece that carries it (it is mutated before
        // anything is posted, so it goes without them).
        if (own > PIECE) takeLists(item, `${path}.${i}`, pieces, 2);
      });
      if (start < value.length) pieces.push([path, value.slice(start)]);
    } else if (value && typeof value === 'object' && depth < 2) {
      takeLists(value, path, pieces, depth + 1);
    }
  }
  return pieces;
}

self.onmessage = async (event) => {
  if (event.data && 'wasm' in event.data) {
    gotWasm(event.data.wasm);
    return;
  }
  const { id, text, referenceDate } = event.data || {};
  requested = true;
  const failed = await ready;
  if (failed) {
    self.postMessage({ id, error: failed });
    return;
  }
  let result;
  let ms;
  const source = String(text ?? '');
  try {
    const t0 = performance.now();
    performance.mark('presslens-analyze-start');
    result = analyze(source, referenceDate || undefined);
    ms = performance.now() - t0;
    performance.mark('presslens-analyze-end');
  } catch (err) {
    self.postMessage({ id, error: err && err.message ? err.message : String(err) });
    return;
  }
  const layout = layoutArticle(source, result);
  const head = { result, layout };
  const pieces = takeLists(head, '', []);
  self.postMessage({
    id, part: 'head', result, layout, ms, words: countWords(source), pieces: pieces.length,
  });
  for (const [path, items] of pieces) self.postMessage({ id, part: 'items', path, items });
  self.postMessage({ id, part: 'end' });
};
