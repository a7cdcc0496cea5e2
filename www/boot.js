// Starts the analyzer's worker first thing, before the rest of the page's code has loaded: the
// worker then fetches and compiles the wasm while app.js and its modules load (about 100 ms
// earlier on a cold start, bench/start.mjs). Messages that arrive before app.js takes the
// worker over are kept for it.
const early = [];
let worker = null;
try {
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (event) => early.push(event);
  worker.onerror = (event) => {
    event.preventDefault();
    early.push(event);
  };
} catch {
  // No module workers here: app.js makes its own attempt and reports what fails.
}
globalThis.__presslensBoot = { worker, early };
