// The page: the paste area, the worker that analyzes, the results.
// The user's text is theirs: the page never rewrites it behind their back. "Try an example"
// replaces it after asking; a cleaned HTML paste or an opened file says what it did and offers
// Undo; the text is kept in localStorage until Clear. Cancel and errors leave it untouched.

import { KINDS, countWords, humanDate, plural } from './format.js';
import { articleBuilder, layoutArticle, renderArticle, tipFor } from './render.js';
import { renderPanels } from './panels.js';
import { htmlToText, readFileText, sameWords } from './clean.js';
import { EXPORTS, fileBase } from './export.js';

const STORE_TEXT = 'presslens:text';
const STORE_DATE = 'presslens:date';
const STORE_HIDDEN = 'presslens:hidden-kinds';
/** Files larger than this are not read: the analyzer takes at most 10 MB of text anyway. */
const MAX_FILE_BYTES = 24 * 1024 * 1024;

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
const cancelBtn = $('cancel');
const exportMenu = $('export');
const exportList = $('export-list');
const notice = $('notice');
const fileInput = $('file');
let version = '';

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
  set(k, v) {
    try {
      localStorage.setItem(k, v);
    } catch {
      // Over the quota (a text of several MB): drop the older copy rather than bring back,
      // after a reload, a text the user has since replaced.
      try { localStorage.removeItem(k); } catch { /* disabled */ }
    }
  },
  del(k) { try { localStorage.removeItem(k); } catch { /* disabled */ } },
};

// ---- the worker ----
let worker = null;
let busy = false;
let seq = 0;
let pending = null; // {id, text, referenceDate, reveal, started}
/** The worker said it was ready: a later error is a crash, and a new worker may do better. */
let workerReady = false;
/** Why no worker can run here, once one failed to start. */
let workerBroken = '';
/** The results area as it was before the running request, for Cancel. */
let snapshot = null;

/** Gives a worker its wasm: boot.js's compiled module, or null (the worker compiles it). */
let feedWorker = (w) => w.postMessage({ wasm: null });

function startWorker() {
  // The first worker was started by boot.js, ahead of this module, and has its wasm; later
  // ones (after Cancel or a crash) start here and get the module boot.js compiled.
  const boot = globalThis.__presslensBoot;
  globalThis.__presslensBoot = null;
  if (boot?.feed) feedWorker = boot.feed;
  if (boot?.worker) {
    worker = boot.worker;
  } else {
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    feedWorker(worker);
  }
  worker.onmessage = onWorkerMessage;
  workerReady = false;
  worker.onerror = (ev) => {
    ev.preventDefault();
    const req = pending;
    stopWork();
    worker.terminate();
    if (!workerReady) {
      // It never started (its script failed to load): starting another would fail the same
      // way, over and over. Say so; the text stays where it is.
      workerBroken = `The analyzer could not start in this browser: ${ev.message || 'its script did not load'}.`;
      failed(workerBroken);
      return;
    }
    // A crash (out of memory, say) loses the worker: start a fresh one for the next request.
    startWorker();
    if (req) failed(`The analyzer stopped: ${ev.message || 'unknown error'}.`);
  };
  for (const event of boot?.worker ? boot.early : []) {
    if (event.type === 'error') {
      worker.onerror(event);
      break;
    }
    onWorkerMessage(event);
  }
}

function onWorkerMessage({ data }) {
  if (data.type === 'ready') {
    workerReady = true;
    version = String(data.version);
    versionEl.textContent = `presslens ${data.version}`;
    return;
  }
  if (data.type === 'fatal') {
    if (pending) {
      stopWork();
      failed(data.error);
    }
    return;
  }
  if (!pending || data.id !== pending.id) return; // an answer to a replaced request
  receive(pending, data);
}

/**
 * Puts the worker's answer back together: a head with the long lists emptied, their items in
 * pieces (see worker.js for why), then the end. Each piece is one short task for the main
 * thread, so the page keeps painting and answering input while a big result comes in.
 */
function receive(req, data) {
  if (data.error || !data.part) {
    finish(req, data);
    return;
  }
  if (data.part === 'head') {
    req.answer = data;
    req.received = 0;
    req.phase = 'Receiving results…';
    return;
  }
  const answer = req.answer;
  if (!answer) return;
  if (data.part === 'items') {
    const keys = String(data.path).split('.');
    let list = answer;
    for (const k of keys) list = list?.[k];
    if (Array.isArray(list)) for (const item of data.items) list.push(item);
    req.received += 1;
    req.progress = answer.pieces ? req.received / answer.pieces : 0;
    return;
  }
  if (data.part === 'end') {
    req.answer = null;
    req.progress = 0;
    finish(req, answer);
  }
}

/** The request is over (answered, failed or cancelled): no more progress ticks. */
function stopWork() {
  busy = false;
  pending = null;
  clearInterval(progressTimer);
  progressTimer = 0;
}

/** An error: say so, and keep the text and the last good results where they are. */
function failed(message) {
  setState('error', message, hooks.last ? 'The results below are from the last analysis.' : '');
  if (hooks.last && textarea.value !== hooks.last.text) results.dataset.stale = '';
}

async function finish(req, data) {
  if (data.error) {
    stopWork();
    failed(`Could not analyze this text: ${data.error}`);
    return;
  }
  req.phase = 'Showing results…';
  const t0 = performance.now();
  const ok = await showProgressively(req, data.result, data.layout);
  if (!ok) return; // cancelled or replaced while rendering
  const renderMs = performance.now() - t0;
  stopWork();
  const words = Number.isInteger(data.words) ? data.words : countWords(req.text);
  const ms = data.ms < 10 ? data.ms.toFixed(1) : Math.round(data.ms);
  setState('done', `Analyzed ${plural(words, 'word')} in ${ms} ms`, summary(data.result));
  results.dataset.renderMs = String(Math.round(renderMs));
  // Bring the results into view when the user asked for them and they are off screen.
  const head = req.reveal ? results.getBoundingClientRect() : null;
  if (head && (head.top > window.innerHeight - 120 || head.top < 0)) {
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    results.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
  }
}

// ---- progress and cancel ----
let progressTimer = 0;

function startProgress() {
  clearInterval(progressTimer);
  const tick = () => {
    if (!pending) return;
    const s = (performance.now() - pending.started) / 1000;
    const main = statusEl.querySelector('.status-main');
    const detail = statusEl.querySelector('.status-detail');
    if (main) main.textContent = pending.phase || 'Analyzing…';
    if (detail) detail.textContent = `${s.toFixed(1)} s${pending.progress ? ` · ${Math.round(pending.progress * 100)}%` : ''}`;
  };
  progressTimer = setInterval(tick, 100);
}

function saveState() {
  return { state: results.dataset.state, nodes: [...statusEl.childNodes] };
}

/** Stops the running analysis; the page goes back to what it showed before. */
function cancel() {
  if (!busy) return;
  worker.terminate();
  startWorker();
  pending?.restore?.();
  stopWork();
  const snap = snapshot;
  snapshot = null;
  if (snap) {
    results.dataset.state = snap.state;
    results.setAttribute('aria-busy', 'false');
    statusEl.replaceChildren(...snap.nodes);
  } else {
    setState(hooks.last ? 'done' : 'idle', '');
  }
  if (hooks.last && textarea.value !== hooks.last.text) results.dataset.stale = '';
  textarea.focus();
}

/** Yields to the browser so input and painting go on between slices of work. */
function yieldToBrowser() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function analyzeNow({ reveal = true } = {}) {
  const text = textarea.value;
  if (!text.trim()) {
    setState('idle', 'Paste an article above, then press Analyze.');
    textarea.focus();
    return;
  }
  if (workerBroken) {
    failed(workerBroken);
    return;
  }
  // A request still running on a long text is abandoned rather than queued behind; Cancel
  // then goes back to what was shown before the first of them.
  if (busy) {
    worker.terminate();
    startWorker();
    pending?.restore?.();
  } else {
    snapshot = saveState();
  }
  const referenceDate = dateInput.value || '';
  pending = { id: ++seq, text, referenceDate, reveal, started: performance.now(), phase: 'Analyzing…' };
  busy = true;
  setState('working', 'Analyzing…', '0.0 s');
  startProgress();
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
    `${((a.reported || []).length).toLocaleString('en-US')} reported`,
  ].join(' · ');
}

/** Texts longer than this get `content-visibility: auto` blocks: off-screen ones cost nothing. */
const BIG_TEXT = 100_000;

function show(text, analysis, givenDate = '') {
  const layout = renderArticle(article, text, analysis);
  article.classList.toggle('big', text.length > BIG_TEXT);
  renderPanels(panels, analysis, text);
  shown(text, analysis, layout, givenDate);
  return layout;
}

function shown(text, analysis, layout, givenDate, blocks = null) {
  if (textarea.value === text) delete results.dataset.stale;
  else results.dataset.stale = '';
  showReferenceDate(analysis.referenceDate ||
    (givenDate ? { value: givenDate, source: 'given', evidence: null } : null));
  hooks.last = { text, analysis, layout };
  activeRefs = [];
  blockIndex = blocks;
  hideTip();
  setRover(article.querySelector('mark[data-ref]'));
  paintReported();
  exportMenu.hidden = false;
}

/**
 * Texts up to this long are rendered in one go: a news article takes a few milliseconds to
 * build, and each yield in between let the browser lay out and paint a half-built article
 * (docs/performance.md, round 10).
 */
const SMALL_TEXT = 20_000;

/**
 * Renders the article into the page a slice of blocks at a time, so the main thread is never
 * held for long and the top of the article shows at once; the panels follow. The previous
 * article is kept aside meanwhile: if the request is cancelled or replaced before the end, it
 * goes back and the page is as it was. Resolves to false in that case. A small text is
 * rendered at once, without yielding.
 */
async function showProgressively(req, analysis, given = null) {
  const current = () => pending === req;
  const small = req.text.length <= SMALL_TEXT;
  const pause = () => (small ? null : yieldToBrowser());
  const layout = given || layoutArticle(req.text, analysis);
  await pause();
  if (!current()) return false;
  const range = document.createRange();
  range.selectNodeContents(article);
  const previous = { nodes: range.extractContents(), big: article.classList.contains('big') };
  req.restore = () => {
    article.replaceChildren(previous.nodes);
    article.classList.toggle('big', previous.big);
    // Ranges over the moved-out text collapsed: draw them again.
    blockIndex = null;
    paintReported();
  };
  const big = req.text.length > BIG_TEXT;
  article.classList.toggle('big', big);
  const builder = articleBuilder(req.text, layout, { group: big });
  for (;;) {
    const done = builder.step(small ? Infinity : 8);
    article.append(builder.fragment);
    req.progress = done;
    if (done >= 1) break;
    await yieldToBrowser();
    if (!current()) return false;
  }
  const side = document.createDocumentFragment();
  renderPanels(side, analysis, req.text);
  await pause();
  if (!current()) return false;
  panels.replaceChildren(side);
  req.restore = null;
  shown(req.text, analysis, layout, req.referenceDate, builder.blocks);
  await pause();
  return true;
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
  highlights()?.delete('reported-active');
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
  if (marks.length) setRover(marks[0]);
  // Reported statements have no marks (they may cross quotes and names): their text is
  // highlighted with a Range instead, which never touches the article's nesting.
  const ranges = refs.filter((r) => /^r\d+$/.test(r)).map(reportedRange).filter(Boolean);
  if (ranges.length) {
    if (highlights() && typeof Highlight === 'function') highlights().set('reported-active', new Highlight(...ranges));
    if (scroll) scrollToRange(ranges[0]);
  }
  for (const b of panels.querySelectorAll('.item')) {
    if (b.dataset.refs === refs.join(' ')) b.setAttribute('aria-pressed', 'true');
  }
  if (scroll && marks.length) {
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    marks[0].scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  }
}

panels.addEventListener('click', (ev) => {
  const b = ev.target.closest('.item, .tl-bar');
  if (b && b.dataset.refs) activate(b.dataset.refs.split(' '), { from: 'panel' });
});

article.addEventListener('click', (ev) => {
  const m = ev.target.closest('mark[data-ref]');
  if (!m || window.getSelection()?.toString()) return;
  const ref = CSS.escape(m.dataset.ref);
  // A quote that is one part of a longer statement activates the whole statement.
  const item = panels.querySelector(`.item[data-refs="${ref}"]`) ||
    panels.querySelector(`.panel-quote .item[data-refs~="${ref}"]`);
  activate(item ? item.dataset.refs.split(' ') : [m.dataset.ref], { scroll: false, from: 'text' });
  setRover(m);
  showTip(m);
  if (item) {
    const d = item.closest('details');
    if (d) d.open = true;
    item.scrollIntoView({ block: 'nearest' });
  }
});

// ---- reported statements: Ranges over the rendered text ----
let blockIndex = null;

function highlights() {
  return globalThis.CSS?.highlights || null;
}

/** The DOM position of text offset `p` inside block element `blk`. */
function positionIn(blk, p) {
  const walker = document.createTreeWalker(blk, NodeFilter.SHOW_TEXT);
  let at = Number(blk.dataset.start);
  let node;
  let last = null;
  while ((node = walker.nextNode())) {
    const len = node.data.length;
    if (p <= at + len) return [node, Math.max(0, p - at)];
    at += len;
    last = node;
  }
  return last ? [last, last.data.length] : [blk, 0];
}

/** A Range over [start, end) of the text as rendered, clamped to the blocks it crosses. */
function textRange(start, end) {
  if (!blockIndex) {
    blockIndex = [...article.querySelectorAll('.blk')]
      .map((b) => ({ el: b, start: Number(b.dataset.start), end: Number(b.dataset.end) }));
  }
  const blocks = blockIndex;
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const first = blocks[lo];
  if (!first || first.start >= end) return null;
  let j = lo;
  while (j + 1 < blocks.length && blocks[j + 1].start < end) j++;
  const last = blocks[j];
  const range = document.createRange();
  range.setStart(...positionIn(first.el, Math.max(start, first.start)));
  range.setEnd(...positionIn(last.el, Math.min(end, last.end)));
  return range;
}

function reportedRange(ref) {
  const r = hooks.last?.analysis.reported?.[Number(ref.slice(1)) - 1];
  return r ? textRange(r.start, r.end) : null;
}

function scrollToRange(range) {
  const node = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  node?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
}

/** Counts paintings, so that a slice of an older one stops when a newer one starts. */
let paintGeneration = 0;

/**
 * Underlines every reported statement, unless switched off in the legend. A long article has
 * tens of thousands (36,000 in 10 MB of news): the Ranges are made a slice at a time and added
 * to the highlight as they come, so the main thread is never held for long.
 */
async function paintReported() {
  const generation = ++paintGeneration;
  const hl = highlights();
  if (!hl || typeof Highlight !== 'function') return;
  hl.delete('reported');
  hl.delete('reported-active');
  const list = hooks.last?.analysis.reported || [];
  if (!list.length || article.classList.contains('hide-reported')) return;
  const highlight = new Highlight();
  hl.set('reported', highlight);
  for (let i = 0; i < list.length;) {
    const t0 = performance.now();
    for (; i < list.length && performance.now() - t0 < 8; i++) {
      const r = textRange(list[i].start, list[i].end);
      if (r) highlight.add(r);
    }
    if (i < list.length) {
      await yieldToBrowser();
      if (generation !== paintGeneration) return;
    }
  }
}

// ---- the tooltip and keyboard movement between marks ----
// One tooltip for all marks, on hover and on keyboard focus. Only one mark is a tab stop (the
// "rover"): Tab enters the text there, the arrow keys move between highlights, Enter selects.
const tip = document.createElement('div');
tip.id = 'tip';
tip.className = 'tip';
tip.setAttribute('role', 'tooltip');
tip.hidden = true;
document.body.append(tip);
let tipFor_ = null;
let rover = null;

function setRover(m) {
  if (rover === m) return;
  if (rover) rover.removeAttribute('tabindex');
  rover = m || null;
  if (rover) rover.tabIndex = 0;
}

function kindHidden(m) {
  return article.classList.contains(`hide-${m.dataset.kind}`);
}

function showTip(m, { keyboard = false } = {}) {
  const info = tipFor(hooks.last?.analysis, m.dataset.kind, m.dataset.ref);
  if (!info || kindHidden(m)) {
    hideTip();
    return;
  }
  const head = document.createElement('span');
  head.className = 'tip-head';
  head.dataset.kind = m.dataset.kind;
  head.textContent = info.head;
  const main = document.createElement('span');
  main.className = 'tip-main';
  main.textContent = info.main;
  tip.replaceChildren(head, main);
  if (info.sub) {
    const sub = document.createElement('span');
    sub.className = 'tip-sub';
    sub.textContent = info.sub;
    tip.append(sub);
  }
  if (keyboard) {
    const keys = document.createElement('span');
    keys.className = 'tip-keys';
    keys.textContent = '← → next highlight · Enter to select';
    tip.append(keys);
  }
  tip.dataset.kind = m.dataset.kind;
  tip.hidden = false;
  if (tipFor_ && tipFor_ !== m) tipFor_.removeAttribute('aria-describedby');
  tipFor_ = m;
  m.setAttribute('aria-describedby', 'tip');
  // Above the first line of the mark, or below when there is no room; inside the viewport.
  const r = m.getClientRects()[0] || m.getBoundingClientRect();
  const w = tip.offsetWidth;
  const h = tip.offsetHeight;
  const vw = document.documentElement.clientWidth;
  const left = Math.min(Math.max(8, r.left + r.width / 2 - w / 2), vw - w - 8);
  const above = r.top - h - 10 >= 0;
  const top = above ? r.top - h - 10 : r.bottom + 10;
  tip.classList.toggle('below', !above);
  tip.style.setProperty('left', `${Math.round(left + window.scrollX)}px`);
  tip.style.setProperty('top', `${Math.round(top + window.scrollY)}px`);
  tip.style.setProperty('--arrow-x', `${Math.round(Math.min(Math.max(12, r.left + r.width / 2 - left), w - 12))}px`);
}

function hideTip() {
  tip.hidden = true;
  if (tipFor_) tipFor_.removeAttribute('aria-describedby');
  tipFor_ = null;
}

article.addEventListener('mouseover', (ev) => {
  const m = ev.target.closest('mark[data-ref]');
  if (m && m !== tipFor_) showTip(m);
});
article.addEventListener('mouseout', (ev) => {
  const m = ev.target.closest('mark[data-ref]');
  if (!m || m !== tipFor_ || document.activeElement === m) return;
  const to = ev.relatedTarget;
  const inner = to && to.closest ? to.closest('mark[data-ref]') : null;
  if (inner && inner !== m && article.contains(inner)) showTip(inner);
  else if (!to || !m.contains(to)) hideTip();
});
article.addEventListener('focusin', (ev) => {
  const m = ev.target.closest?.('mark[data-ref]');
  if (m) {
    setRover(m);
    showTip(m, { keyboard: true });
  }
});
article.addEventListener('focusout', () => hideTip());
window.addEventListener('resize', () => hideTip());

article.addEventListener('keydown', (ev) => {
  const m = ev.target.closest?.('mark[data-ref]');
  if (!m) return;
  if (ev.key === 'Escape') {
    hideTip();
    return;
  }
  if (ev.key === 'Enter' || ev.key === ' ') {
    ev.preventDefault();
    m.click();
    showTip(m, { keyboard: true });
    return;
  }
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity }[ev.key];
  if (!step) return;
  ev.preventDefault();
  const all = [...article.querySelectorAll('mark[data-ref]')].filter((x) => !kindHidden(x));
  if (!all.length) return;
  const i = all.indexOf(m);
  const next = step === -Infinity ? all[0] : step === Infinity ? all[all.length - 1]
    : all[Math.min(all.length - 1, Math.max(0, (i < 0 ? 0 : i) + step))];
  setRover(next);
  next.focus({ preventScroll: true });
  const r = next.getBoundingClientRect();
  if (r.top < 60 || r.bottom > window.innerHeight - 60) {
    next.scrollIntoView({ block: 'center' });
    showTip(next, { keyboard: true });
  }
});

// ---- legend toggles ----
function buildLegend() {
  const frag = document.createDocumentFragment();
  let hidden = [];
  try {
    hidden = JSON.parse(store.get(STORE_HIDDEN) || '[]');
  } catch { /* a damaged value: show every kind */ }
  if (!Array.isArray(hidden)) hidden = [];
  for (const k of [...KINDS, { kind: 'reported', name: 'Reported' }]) {
    const label = document.createElement('label');
    label.className = 'toggle';
    label.dataset.kind = k.kind;
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.checked = !hidden.includes(k.kind);
    input.value = k.kind;
    article.classList.toggle(`hide-${k.kind}`, !input.checked);
    input.addEventListener('change', () => {
      article.classList.toggle(`hide-${k.kind}`, !input.checked);
      hideTip();
      if (k.kind === 'reported') paintReported();
      const off = [...legend.querySelectorAll('input:not(:checked)')].map((i) => i.value);
      if (off.length) store.set(STORE_HIDDEN, JSON.stringify(off));
      else store.del(STORE_HIDDEN);
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
  }
  stopWork();
  snapshot = null;
  hooks.last = null;
  exportMenu.hidden = true;
  exportMenu.open = false;
  hideNotice();
  hideTip();
  setRover(null);
  highlights()?.delete('reported');
  highlights()?.delete('reported-active');
  article.replaceChildren();
  panels.replaceChildren();
  resetDateInfo();
  setState('idle', '');
  textarea.focus();
});

// ---- pasting HTML, opening files ----

/**
 * Puts `value` in place of the selection [start, end) as one edit the browser can undo
 * (Ctrl+Z), falling back to setRangeText where execCommand is gone.
 */
function replaceRange(start, end, value) {
  textarea.focus();
  textarea.setSelectionRange(start, end);
  let done = false;
  try {
    done = document.execCommand('insertText', false, value);
  } catch { /* not supported */ }
  if (!done || textarea.value.slice(start, start + value.length) !== value) {
    textarea.setRangeText(value, start, end, 'end');
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

let undoAction = null;

function showNotice(message, undo) {
  notice.querySelector('.notice-text').textContent = message;
  undoAction = undo;
  notice.querySelector('.notice-undo').hidden = !undo;
  notice.hidden = false;
}

function hideNotice() {
  notice.hidden = true;
  undoAction = null;
}

notice.querySelector('.notice-undo').addEventListener('click', () => {
  const undo = undoAction;
  hideNotice();
  if (undo) undo();
});
notice.querySelector('.notice-close').addEventListener('click', hideNotice);

function keptSummary(counts, dropped) {
  const kept = [plural(counts.paragraphs, 'paragraph')];
  if (counts.headline) kept.unshift(plural(counts.headline, 'headline'));
  if (counts.subheadings) kept.push(plural(counts.subheadings, 'subheading'));
  if (counts.captions) kept.push(plural(counts.captions, 'caption'));
  if (counts.quotes) kept.push(plural(counts.quotes, 'block quote'));
  if (counts.items) kept.push(plural(counts.items, 'list item'));
  return `kept ${kept.join(', ')}${dropped.length ? `; dropped ${dropped.join('/')}` : ''}`;
}

textarea.addEventListener('paste', (ev) => {
  const data = ev.clipboardData;
  const html = data?.getData('text/html');
  if (!html) return; // plain text pastes as it is
  const plainText = data.getData('text/plain');
  let cleaned;
  try {
    cleaned = htmlToText(html);
  } catch {
    return; // let the browser paste its plain text
  }
  // Nothing gained (copied from an editor that adds markup): the browser's paste is right.
  if (!cleaned.text.trim() || sameWords(cleaned.text, plainText)) return;
  ev.preventDefault();
  const start = textarea.selectionStart;
  const end = textarea.selectionEnd;
  replaceRange(start, end, cleaned.text);
  const raw = plainText || html;
  showNotice(`Cleaned HTML: ${keptSummary(cleaned.counts, cleaned.dropped)}.`, () => {
    // The raw paste goes where the cleaned text is, if it is still there as it was put.
    if (textarea.value.slice(start, start + cleaned.text.length) === cleaned.text) {
      replaceRange(start, start + cleaned.text.length, raw);
    } else {
      showNotice('The text has changed since the paste: use Ctrl+Z to undo step by step.', null);
    }
  });
});

async function openFile(file) {
  if (!file) return;
  if (file.size > MAX_FILE_BYTES) {
    showNotice(`${file.name} is ${(file.size / 1e6).toFixed(1)} MB: too large to open (presslens reads at most 10 MB of text).`, null);
    return;
  }
  let got;
  try {
    got = await readFileText(file);
  } catch (err) {
    showNotice(`Could not read ${file.name}: ${err.message || err}`, null);
    return;
  }
  const before = textarea.value;
  replaceRange(0, textarea.value.length, got.text);
  store.set(STORE_TEXT, got.text);
  const what = got.kind === 'html' ? `cleaned HTML, ${keptSummary(got.counts, got.dropped)}`
    : got.kind === 'markdown' ? 'Markdown markup removed' : plural(countWords(got.text), 'word');
  const undo = () => {
    replaceRange(0, textarea.value.length, before);
    if (before) store.set(STORE_TEXT, before);
    else store.del(STORE_TEXT);
  };
  showNotice(`Opened ${file.name}: ${what}.`, before.trim() || got.kind !== 'text' ? undo : null);
  analyzeNow();
}

$('open').addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  openFile(fileInput.files?.[0]);
  fileInput.value = '';
});

const hasFiles = (ev) => [...(ev.dataTransfer?.types || [])].includes('Files');
textarea.addEventListener('dragover', (ev) => {
  if (!hasFiles(ev)) return;
  ev.preventDefault();
  ev.dataTransfer.dropEffect = 'copy';
  textarea.classList.add('dragover');
});
textarea.addEventListener('dragleave', () => textarea.classList.remove('dragover'));
textarea.addEventListener('drop', (ev) => {
  textarea.classList.remove('dragover');
  if (!hasFiles(ev)) return;
  ev.preventDefault();
  openFile(ev.dataTransfer.files[0]);
});

// ---- exports ----

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

for (const ex of EXPORTS) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'menu-item';
  b.dataset.export = ex.id;
  b.textContent = ex.label;
  const ext = document.createElement('span');
  ext.className = 'menu-ext';
  ext.textContent = `.${ex.ext.split('.').pop()}`;
  b.append(ext);
  b.addEventListener('click', () => {
    const last = hooks.last;
    if (!last) return;
    try {
      download(`${fileBase(last.text, last.analysis)}.${ex.ext}`, ex.type, ex.make(last.text, last.analysis, { version }));
    } catch (err) {
      setState('error', `Could not make the ${ex.label} file: ${err.message || err}`);
    }
    exportMenu.open = false;
  });
  exportList.append(b);
}
const printItem = document.createElement('button');
printItem.type = 'button';
printItem.className = 'menu-item';
printItem.textContent = 'Print or save as PDF';
printItem.addEventListener('click', () => {
  exportMenu.open = false;
  window.print();
});
exportList.append(printItem);

document.addEventListener('click', (ev) => {
  if (exportMenu.open && !exportMenu.contains(ev.target)) exportMenu.open = false;
});
exportMenu.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && exportMenu.open) {
    exportMenu.open = false;
    exportMenu.querySelector('summary').focus();
  }
});

cancelBtn.addEventListener('click', cancel);
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && busy) cancel();
});

// Printing shows every panel open; they close again after.
let closedForPrint = [];
window.addEventListener('beforeprint', () => {
  closedForPrint = [...panels.querySelectorAll('details:not([open])')];
  for (const d of closedForPrint) d.open = true;
});
window.addEventListener('afterprint', () => {
  for (const d of closedForPrint) d.open = false;
  closedForPrint = [];
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
