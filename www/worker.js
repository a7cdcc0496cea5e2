// The analyzer, off the main thread: the page stays responsive while a long text is read.
// Messages in: {id, text, referenceDate}. Out: {type: 'ready', version} once, then for each
// request {id, result, ms, words} or {id, error}. The page drops answers to requests it has
// replaced. The word count is made here too: on a text of megabytes it takes the main thread
// a noticeable moment.
import init, { analyzeJson, version } from './pkg/presslens.js';
import { countWords } from './format.js';

// Marks for bench/start.mjs, which reads them to split the page's start into its parts.
performance.mark('presslens-worker-start');
const ready = init().then(
  () => {
    performance.mark('presslens-wasm-ready');
    self.postMessage({ type: 'ready', version: version() });
    return null;
  },
  (err) => {
    const message = `could not load the analyzer: ${err && err.message ? err.message : err}`;
    self.postMessage({ type: 'fatal', error: message });
    return message;
  },
);

self.onmessage = async (event) => {
  const { id, text, referenceDate } = event.data || {};
  const failed = await ready;
  if (failed) {
    self.postMessage({ id, error: failed });
    return;
  }
  try {
    const t0 = performance.now();
    performance.mark('presslens-analyze-start');
    // The core hands back JSON: one string crosses the boundary instead of an object per
    // entity, span and field, and JSON.parse builds the objects faster than calls from wasm.
    const result = JSON.parse(analyzeJson(String(text ?? ''), referenceDate || undefined));
    const ms = performance.now() - t0;
    performance.mark('presslens-analyze-end');
    self.postMessage({ id, result, ms, words: countWords(String(text ?? '')) });
  } catch (err) {
    self.postMessage({ id, error: err && err.message ? err.message : String(err) });
  }
};
