// The page: the paste area, the worker that analyzes, the results.
// The user's text is theirs: the page never rewrites it, only "Try an example" replaces it
// (after asking when there is text), and it is kept in localStorage until Clear.

import { KINDS, countWords, humanDate, plural } from './format.js';
import { renderArticle } from './render.js';
import { renderPanels } from './panels.js';

const STORE_TEXT = 'presslens:text';
const STORE_DATE = 'presslens:date';

const $ = (id) => document.getElementById(id);
const form = $('form');
const textarea = $('text');
const dateInput = $('date');
const dateInfo = $('date-info');
const results = $('results');
const statusEl = $('status');
const article = $('article');
const panels = $('panels');
const legend = $('legend');
const versionEl = $('version');

/** For tests and the curious: the last analysis shown. */
const hooks = {
  last: null,
  /** Renders a given analysis of `text` as if the analyzer had returned it. */
  render(text, analysis) {
    const layout = show(text, analysis);
    setState('done', `Rendered a given analysis of ${plural(countWords(text), 'word')}`, summary(analysis));
    return layout;
  },
};
window.__presslens = hooks;

// ---- storage (may be unavailable: private modes, blocked cookies) ----
const store = {
  get(k) { try { return localStorage.getItem(k); } catch { return null; } },
  set(k, v) { try { localStorage.setItem(k, v); } catch { /* quota or disabled */ } },
  del(k) { try { localStorage.removeItem(k); } catch { /* disabled */ } },
};

// ---- the worker ----
let worker = null;
let busy = false;
let seq = 0;
let pending = null; // {id, text, referenceDate, started}

function startWorker() {
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = onWorkerMessage;
  worker.onerror = (ev) => {
    ev.preventDefault();
    busy = false;
    if (pending) setState('error', `The analyzer could not start: ${ev.message || 'unknown error'}.`);
    pending = null;
  };
}

function onWorkerMessage({ data }) {
  if (data.type === 'ready') {
    versionEl.textContent = `presslens ${data.version}`;
    return;
  }
  if (data.type === 'fatal') {
    if (pending) setState('error', data.error);
    return;
  }
  if (!pending || data.id !== pending.id) return; // an answer to a replaced request
  busy = false;
  const req = pending;
  pending = null;
  if (data.error) {
    setState('error', `Could not analyze this text: ${data.error}`);
    return;
  }
  const t0 = performance.now();
  show(req.text, data.result, req.referenceDate);
  const renderMs = performance.now() - t0;
  const words = countWords(req.text);
  const ms = data.ms < 10 ? data.ms.toFixed(1) : Math.round(data.ms);
  setState('done', `Analyzed ${plural(words, 'word')} in ${ms} ms`, summary(data.result));
  results.dataset.renderMs = String(Math.round(renderMs));
  // Bring the results into view when the user asked for them and they are off screen.
  const head = results.getBoundingClientRect();
  if (req.reveal && (head.top > window.innerHeight - 120 || head.top < 0)) {
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    results.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
  }
}

function analyzeNow({ reveal = true } = {}) {
  const text = textarea.value;
  if (!text.trim()) {
    setState('idle', 'Paste an article above, then press Analyze.');
    textarea.focus();
    return;
  }
  // A request still running on a long text is abandoned rather than queued behind.
  if (busy) {
    worker.terminate();
    startWorker();
  }
  const referenceDate = dateInput.value || '';
  pending = { id: ++seq, text, referenceDate, reveal };
  busy = true;
  setState('working', 'Analyzing…');
  worker.postMessage({ id: pending.id, text, referenceDate });
}

// ---- results ----
function setState(state, message, detail = '') {
  results.dataset.state = state;
  results.setAttribute('aria-busy', state === 'working' ? 'true' : 'false');
  statusEl.replaceChildren();
  const main = document.createElement('span');
  main.className = 'status-main';
  main.textContent = message;
  statusEl.append(main);
  if (detail) {
    const d = document.createElement('span');
    d.className = 'status-detail';
    d.textContent = detail;
    statusEl.append(d);
  }
  const stale = document.createElement('span');
  stale.className = 'status-stale';
  stale.textContent = 'The text has changed since: Analyze again to update.';
  statusEl.append(stale);
}

function summary(a) {
  const count = (k) => (a.entities || []).filter((e) => e.kind === k).length;
  return [
    plural(count('person'), 'person', 'people'),
    plural(count('organization'), 'organization'),
    plural(count('place'), 'place'),
    plural((a.figures || []).length, 'figure'),
    plural((a.dates || []).length, 'date'),
    plural((a.quotes || []).length, 'quote'),
  ].join(' · ');
}

function show(text, analysis, givenDate = '') {
  if (textarea.value === text) delete results.dataset.stale;
  else results.dataset.stale = '';
  const layout = renderArticle(article, text, analysis);
  renderPanels(panels, analysis);
  showReferenceDate(analysis.referenceDate ||
    (givenDate ? { value: givenDate, source: 'given', evidence: null } : null));
  hooks.last = { text, analysis, layout };
  return layout;
}

const SOURCE_TEXT = {
  given: 'as you set it',
  dateline: 'from the dateline',
  latestInText: 'the latest full date in the text',
};

function showReferenceDate(ref) {
  dateInfo.replaceChildren();
  if (!ref) {
    dateInfo.textContent = 'No date found in the text: relative dates (“Tuesday”, “last week”) stay unresolved. Set one to resolve them.';
    dateInfo.dataset.source = 'none';
    return;
  }
  dateInfo.dataset.source = ref.source;
  const strong = document.createElement('strong');
  strong.textContent = humanDate(ref.value);
  dateInfo.append(ref.source === 'given' ? 'Using ' : 'Detected ', strong, `, ${SOURCE_TEXT[ref.source] || ref.source}`);
  if (ref.evidence?.text) {
    const q = document.createElement('q');
    q.textContent = ref.evidence.text;
    dateInfo.append(': ', q);
  }
  dateInfo.append('.');
}

function resetDateInfo() {
  dateInfo.textContent = 'Leave empty to detect it from the text.';
  delete dateInfo.dataset.source;
}

// ---- linking panel items and marks ----
let activeRefs = [];

function activate(refs, { scroll = true, from = null } = {}) {
  for (const m of article.querySelectorAll('mark.active')) m.classList.remove('active');
  for (const b of panels.querySelectorAll('.item[aria-pressed="true"]')) {
    b.setAttribute('aria-pressed', 'false');
  }
  const same = refs.join(' ') === activeRefs.join(' ');
  if (same && from === 'panel') {
    activeRefs = [];
    return;
  }
  activeRefs = refs;
  const marks = [];
  for (const r of refs) {
    for (const m of article.querySelectorAll(`mark[data-ref="${CSS.escape(r)}"]`)) marks.push(m);
  }
  marks.sort((a, b) => +a.dataset.start - +b.dataset.start);
  for (const m of marks) m.classList.add('active');
  for (const b of panels.querySelectorAll('.item')) {
    if (b.dataset.refs === refs.join(' ')) b.setAttribute('aria-pressed', 'true');
  }
  if (scroll && marks.length) {
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    marks[0].scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  }
}

panels.addEventListener('click', (ev) => {
  const b = ev.target.closest('.item');
  if (b && b.dataset.refs) activate(b.dataset.refs.split(' '), { from: 'panel' });
});

article.addEventListener('click', (ev) => {
  const m = ev.target.closest('mark[data-ref]');
  if (!m || window.getSelection()?.toString()) return;
  activate([m.dataset.ref], { scroll: false, from: 'text' });
  const item = panels.querySelector(`.item[data-refs="${CSS.escape(m.dataset.ref)}"]`);
  if (item) {
    const d = item.closest('details');
    if (d) d.open = true;
    item.scrollIntoView({ block: 'nearest' });
  }
});

// ---- legend toggles ----
function buildLegend() {
  const frag = document.createDocumentFragment();
  for (const k of KINDS) {
    const label = document.createElement('label');
    label.className = 'toggle';
    label.dataset.kind = k.kind;
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.checked = true;
    input.value = k.kind;
    input.addEventListener('change', () => {
      article.classList.toggle(`hide-${k.kind}`, !input.checked);
    });
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.dataset.kind = k.kind;
    sw.setAttribute('aria-hidden', 'true');
    label.append(input, sw, document.createTextNode(k.name));
    frag.append(label);
  }
  legend.append(frag);
}

// ---- input ----
let saveTimer = 0;
textarea.addEventListener('input', () => {
  if (hooks.last && textarea.value !== hooks.last.text) results.dataset.stale = '';
  else delete results.dataset.stale;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    if (textarea.value) store.set(STORE_TEXT, textarea.value);
    else store.del(STORE_TEXT);
  }, 250);
});
// Keep the text even when the page is closed within the debounce.
window.addEventListener('pagehide', () => {
  if (textarea.value) store.set(STORE_TEXT, textarea.value);
});

dateInput.addEventListener('change', () => {
  if (dateInput.value) store.set(STORE_DATE, dateInput.value);
  else store.del(STORE_DATE);
  if (textarea.value.trim() && results.dataset.state !== 'idle') analyzeNow({ reveal: false });
});

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  analyzeNow();
});

form.addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
    ev.preventDefault();
    analyzeNow();
  }
});

let sample = null;
$('example').addEventListener('click', async () => {
  try {
    if (sample === null) {
      const res = await fetch('sample-article.txt');
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      sample = await res.text();
    }
  } catch (err) {
    setState('error', `Could not load the example: ${err.message}`);
    return;
  }
  const current = textarea.value;
  if (current.trim() && current !== sample &&
      !window.confirm('Replace your text with the example article?')) {
    return;
  }
  textarea.value = sample;
  store.set(STORE_TEXT, sample);
  dateInput.value = '';
  store.del(STORE_DATE);
  analyzeNow();
});

$('clear').addEventListener('click', () => {
  textarea.value = '';
  dateInput.value = '';
  store.del(STORE_TEXT);
  store.del(STORE_DATE);
  if (busy) {
    worker.terminate();
    startWorker();
    busy = false;
  }
  pending = null;
  hooks.last = null;
  article.replaceChildren();
  panels.replaceChildren();
  resetDateInfo();
  setState('idle', '');
  textarea.focus();
});

// ---- start ----
const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
for (const k of document.querySelectorAll('.mod-key')) k.textContent = isMac ? '⌘' : 'Ctrl';

buildLegend();
startWorker();
const saved = store.get(STORE_TEXT);
const savedDate = store.get(STORE_DATE);
if (savedDate && /^\d{4}-\d{2}-\d{2}$/.test(savedDate)) dateInput.value = savedDate;
if (saved) {
  textarea.value = saved;
  analyzeNow({ reveal: false });
} else {
  setState('idle', '');
}
