// The lists beside the text: who, what, how many, when, and who said what.
// Each item is a button carrying `data-refs` (space-separated ids of the marks it stands for:
// entity ids, figure ids, d1.., q1.., r1.. for reported statements); the page activates those
// marks (or, for reported statements, highlights their text) when it is pressed.
// All text goes in through textContent.

import {
  arrowOf, dateCode, dateInterval, dateNotes, dateReading, describeChange, figureAmount, formatPercentChange,
  humanGap, plural, timexInterval,
} from './format.js';

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

function item(refs, ...children) {
  const b = el('button', 'item');
  b.type = 'button';
  b.dataset.refs = refs;
  b.setAttribute('aria-pressed', 'false');
  b.append(...children);
  const li = el('li');
  li.append(b);
  return li;
}

/** Lists longer than this show their first items and a button for the next ones. */
export const LIST_STEP = 200;

/**
 * Appends `make(x)` for the items of `list` to `ul`, LIST_STEP at a time: a long analysis
 * (a whole book pasted) still renders its panels in a moment.
 */
function fillItems(ul, list, make) {
  let shown = 0;
  const more = el('li', 'more');
  const button = el('button', 'btn btn-ghost btn-small');
  button.type = 'button';
  more.append(button);
  const next = () => {
    const end = Math.min(list.length, shown + LIST_STEP);
    const frag = document.createDocumentFragment();
    for (; shown < end; shown++) frag.append(make(list[shown], shown));
    const first = frag.firstElementChild;
    more.remove();
    ul.append(frag);
    if (shown < list.length) {
      button.textContent = `Show ${Math.min(LIST_STEP, list.length - shown)} more (${(list.length - shown).toLocaleString('en-US')} not shown)`;
      ul.append(more);
    }
    return first;
  };
  button.addEventListener('click', () => next()?.querySelector('button')?.focus());
  next();
  return ul;
}

function panel(kind, title, count, body, emptyText) {
  const d = el('details', `panel panel-${kind}`);
  d.open = true;
  d.dataset.kind = kind;
  const s = el('summary');
  const sw = el('span', 'swatch');
  sw.dataset.kind = kind;
  sw.setAttribute('aria-hidden', 'true');
  s.append(sw, el('span', 'panel-title', title), el('span', 'count', String(count)));
  d.append(s);
  if (count === 0) d.append(el('p', 'empty', emptyText));
  else d.append(body);
  return d;
}

function entityPanel(kind, title, entities) {
  const list = entities.filter((e) => e.kind === kind);
  const ul = fillItems(el('ul', 'items'), list, (e) => {
    const main = el('span', 'item-main');
    main.append(el('span', 'item-name', e.name));
    const n = (e.mentions || []).length;
    main.append(el('span', 'pill', `${n}×`));
    const parts = [main];
    if (e.aliases && e.aliases.length) {
      parts.push(el('span', 'item-sub', `also “${e.aliases.join('”, “')}”`));
    }
    const li = item(e.id, ...parts);
    li.firstChild.setAttribute('aria-label', `${e.name}, ${plural(n, 'mention')}`);
    return li;
  });
  return panel(kind, title, list.length, ul, `No ${title.toLowerCase()} found.`);
}

const HEDGE_WORD = { lowerBound: 'at least', upperBound: 'at most', approximate: 'about', exact: 'exactly' };

/** The figure's words with the number itself set apart: "more than |1,400|". */
function figureWords(f) {
  const name = el('span', 'item-name');
  const text = String(f.text ?? '');
  const n = f.numeral;
  const a = n ? n.start - f.start : -1;
  const z = n ? n.end - f.start : -1;
  if (Number.isInteger(a) && Number.isInteger(z) && a >= 0 && z > a && z <= text.length &&
      (a > 0 || z < text.length)) {
    if (a > 0) name.append(el('span', 'around', text.slice(0, a)));
    name.append(el('span', 'numeral', text.slice(a, z)));
    if (z < text.length) name.append(el('span', 'around', text.slice(z)));
  } else {
    name.textContent = text;
  }
  return name;
}

/** The reading of a figure: "≥ 1,400", or "↓ 5%" when it is the size of a change. */
export function figureReading(f) {
  const amount = figureAmount(f);
  if (!amount) return '';
  const arrow = arrowOf(f.delta);
  return arrow ? `${arrow} ${amount}` : amount;
}

function figurePanel(analysis) {
  const figures = analysis.figures || [];
  const wrap = el('div');
  const ul = fillItems(el('ul', 'items'), figures, (f) => {
    const main = el('span', 'item-main');
    main.append(figureWords(f));
    const reading = figureReading(f);
    if (reading) {
      const r = el('span', f.delta ? `reading delta dir-${f.delta}` : 'reading', reading);
      if (f.delta) r.title = `The size of a change (${f.delta === 'down' ? 'a fall' : 'a rise'}), not a level`;
      main.append(r);
    }
    const sub = el('span', 'item-sub');
    if (f.counts) sub.append(el('span', 'counts', f.counts));
    if (f.delta) sub.append(el('span', 'chip', f.delta === 'down' ? 'fall' : 'rise'));
    if (f.hedge) {
      const h = el('span', 'chip', f.hedge);
      if (f.hedgeKind) h.title = `Hedge: ${HEDGE_WORD[f.hedgeKind] || f.hedgeKind} the number`;
      sub.append(h);
    }
    if (f.kind && f.kind !== 'count') sub.append(el('span', 'kind-word', f.kind));
    return item(f.id, main, ...(sub.childNodes.length ? [sub] : []));
  });
  wrap.append(ul);
  const changes = analysis.changes || [];
  if (changes.length) {
    const byId = new Map(figures.map((f) => [f.id, f]));
    wrap.append(el('h3', 'sub-head', 'Changes'));
    const cl = fillItems(el('ul', 'items'), changes, (c) => {
      const main = el('span', 'item-main');
      main.append(el('span', `dir dir-${c.direction}`, arrowOf(c.direction) || '→'), el('span', 'item-name', describeChange(c, byId)));
      const sub = el('span', 'item-sub');
      const pct = formatPercentChange(c.percentChange);
      if (pct) {
        const p = el('span', `value dir-${c.direction}`, pct);
        p.title = 'Relative change';
        sub.append(p);
      }
      const by = c.by && byId.get(c.by);
      if (by) sub.append(el('span', 'by', `by ${figureAmount(by) || by.text}, as stated`));
      if (c.cue?.text) sub.append(el('span', 'cue', `“${c.cue.text}”`));
      const refs = [c.to, c.from, c.by].filter(Boolean).join(' ');
      const li = item(refs, main, ...(sub.childNodes.length ? [sub] : []));
      return li;
    });
    wrap.append(cl);
  }
  return panel('figure', 'Figures', figures.length, wrap, 'No figures found.');
}

function noteChips(d) {
  return dateNotes(d).map((n) => {
    const c = el('span', 'chip chip-note', n.text);
    c.title = n.title;
    return c;
  });
}

function datePanel(analysis) {
  const dates = analysis.dates || [];
  const ul = fillItems(el('ul', 'items'), dates, (d, i) => {
    const main = el('span', 'item-main');
    main.append(el('span', 'item-name', d.text));
    const sub = el('span', 'item-sub');
    sub.append(el('span', 'arrow', '→ '), el('span', 'value', dateReading(d)));
    const code = el('code', 'raw', dateCode(d));
    sub.append(code);
    if (d.relative) {
      const c = el('span', 'chip', 'relative');
      c.title = 'Resolved against the article date or an earlier date in the text';
      sub.append(c);
    }
    if (d.kind && d.kind !== 'date') sub.append(el('span', 'chip', d.kind));
    sub.append(...noteChips(d));
    return item(`d${i + 1}`, main, sub);
  });
  return panel('date', 'Dates', dates.length, ul, 'No dates found.');
}

/** The sentence around [start, end): binary search over the analysis' sentence spans. */
function sentenceAt(sentences, start) {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (start < s.start) hi = mid - 1;
    else if (start >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

const SNIPPET = 170;

/**
 * The sentence holding `span` as [before, hit, after], cut to about SNIPPET characters
 * around the hit at word boundaries.
 */
export function snippet(text, sentences, span) {
  if (typeof text !== 'string' || !(span.start >= 0 && span.end <= text.length)) {
    return ['', span.text || '', ''];
  }
  const s = sentenceAt(sentences || [], span.start);
  let a = s ? Math.min(s.start, span.start) : Math.max(0, span.start - 80);
  let z = s ? Math.max(s.end, span.end) : Math.min(text.length, span.end + 80);
  let pre = '';
  let post = '';
  if (z - a > SNIPPET) {
    const room = Math.max(0, SNIPPET - (span.end - span.start));
    const before = Math.min(span.start - a, Math.floor(room * 0.4));
    if (span.start - a > before) {
      a = span.start - before;
      const sp = text.indexOf(' ', a);
      if (sp >= 0 && sp < span.start) a = sp + 1;
      pre = '…';
    }
    const after = room - (span.start - a);
    if (z - span.end > after) {
      z = span.end + Math.max(0, after);
      const sp = text.lastIndexOf(' ', z);
      if (sp > span.end) z = sp;
      post = '…';
    }
  }
  const clean = (t) => t.replace(/\s+/g, ' ');
  return [pre + clean(text.slice(a, span.start)).trimStart(), text.slice(span.start, span.end),
    clean(text.slice(span.end, z)).trimEnd() + post];
}

function snippetNode(text, sentences, span, className) {
  const [before, hit, after] = snippet(text, sentences, span);
  const p = el('span', className);
  p.append(document.createTextNode(before), el('strong', 'hit', hit), document.createTextNode(after));
  return p;
}

const DAY = 86_400_000;
/** The overview draws at most this many bars. */
const MAX_BARS = 300;
const YEAR = 365.25 * DAY;

/** Tick marks for an axis from t0 to t1: whole years (1, 2, 5, 10... apart) or months. */
function axisTicks(t0, t1) {
  const span = t1 - t0;
  const ticks = [];
  if (span < 2 * YEAR) {
    const step = span < 100 * DAY ? 1 : span < 250 * DAY ? 2 : 3;
    const d = new Date(t0);
    let y = d.getUTCFullYear();
    let m = d.getUTCMonth() + 1;
    for (let guard = 0; guard < 40; guard++) {
      if (m > 11) { y += Math.floor(m / 12); m %= 12; }
      const t = Date.UTC(y, m, 1);
      if (t > t1) break;
      if (m % step === 0) {
        ticks.push({ t, label: m === 0 ? String(y) : new Date(t).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' }) });
      }
      m += 1;
    }
    return ticks;
  }
  const years = span / YEAR;
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].find((s) => years / s <= 6) || 1000;
  const y0 = Math.ceil(new Date(t0).getUTCFullYear() / step) * step;
  for (let y = y0, guard = 0; guard < 20; y += step, guard++) {
    const d = new Date(Date.UTC(2000, 0, 1));
    d.setUTCFullYear(y);
    const t = d.getTime();
    if (t > t1) break;
    if (t >= t0) ticks.push({ t, label: String(y) });
  }
  return ticks;
}

/**
 * The dated statements on a time axis: an overview strip where x is time (each date a bar as
 * long as its period), then the statements in time order, grouped by period, each with its
 * sentence. Durations and dates with unknown parts are no point in time and stay out.
 */
function timelinePanel(analysis, text) {
  const dates = analysis.dates || [];
  const entries = [];
  dates.forEach((d, i) => {
    const iv = dateInterval(d);
    if (iv) entries.push({ d, ref: `d${i + 1}`, iv });
  });
  entries.sort((x, y) => x.iv[0] - y.iv[0] || x.iv[1] - y.iv[1] || x.d.start - y.d.start);
  const wrap = el('div', 'timeline');
  if (!entries.length) {
    const left = dates.length - entries.length;
    return panel('timeline', 'Timeline', 0, wrap,
      left ? 'Nothing to place in time: only durations or dates with an unknown year.' : 'No dates to place in time.');
  }
  const refIv = analysis.referenceDate ? timexInterval(analysis.referenceDate.value) : null;
  let t0 = refIv ? refIv[0] : Infinity;
  let t1 = refIv ? refIv[1] : -Infinity;
  for (const e of entries) {
    if (e.iv[0] < t0) t0 = e.iv[0];
    if (e.iv[1] > t1) t1 = e.iv[1];
  }
  const pad = Math.max((t1 - t0) * 0.04, DAY);
  t0 -= pad;
  t1 += pad;
  const x = (t) => ((t - t0) / (t1 - t0)) * 100;

  // The overview: decorative (the list below says it all), but a bar is a shortcut to its date.
  // A long text's hundreds of dates would only blur it: every nth is drawn then.
  const axis = el('div', 'tl-axis');
  axis.setAttribute('aria-hidden', 'true');
  const lanes = [];
  const track = el('div', 'tl-track');
  const every = Math.ceil(entries.length / MAX_BARS);
  entries.forEach((e, k) => {
    if (k % every) return;
    const left = x(e.iv[0]);
    const width = Math.max(x(e.iv[1]) - left, 0);
    // A bar goes in the first lane where it does not touch the one before (at most four).
    let lane = lanes.findIndex((end) => end <= left - 0.8);
    if (lane < 0) lane = lanes.length < 4 ? lanes.length : lanes.indexOf(Math.min(...lanes));
    lanes[lane] = Math.max(lanes[lane] ?? 0, left + Math.max(width, 1.4));
    const bar = el('span', width < 1.4 ? 'tl-bar tl-dot' : 'tl-bar');
    bar.dataset.refs = e.ref;
    bar.style.setProperty('--x', `${left.toFixed(3)}%`);
    bar.style.setProperty('--w', `${width.toFixed(3)}%`);
    bar.style.setProperty('--lane', String(lane));
    track.append(bar);
  });
  axis.style.setProperty('--lanes', String(Math.max(1, lanes.length)));
  if (refIv) {
    const now = el('span', 'tl-now');
    now.style.setProperty('--x', `${x(refIv[0]).toFixed(3)}%`);
    track.append(now);
  }
  const ticks = el('div', 'tl-ticks');
  for (const tk of axisTicks(t0, t1)) {
    const t = el('span', 'tl-tick', tk.label);
    t.style.setProperty('--x', `${x(tk.t).toFixed(3)}%`);
    ticks.append(t);
  }
  axis.append(track, ticks);
  wrap.append(axis);

  // The list, flat so that it comes LIST_STEP statements at a time: a heading where the period
  // changes, a note where time jumps.
  let prev = null;
  let end = -Infinity;
  for (const e of entries) {
    e.head = !prev || prev.iv[0] !== e.iv[0] || prev.iv[1] !== e.iv[1];
    e.gap = e.head && end > -Infinity && e.iv[0] - end >= 30 * DAY ? e.iv[0] - end : 0;
    end = Math.max(end, e.iv[1]);
    prev = e;
  }
  const sentences = analysis.sentences || [];
  const list = fillItems(el('ol', 'tl-list'), entries, (e) => {
    const frag = document.createDocumentFragment();
    if (e.gap) frag.append(el('li', 'tl-gap', `${humanGap(e.gap)} later`));
    if (e.head) {
      const when = el('li', 'tl-when');
      const d = e.d;
      when.append(el('span', 'tl-date', dateReading(d)));
      if (refIv && e.iv[0] < refIv[1] && e.iv[1] > refIv[0] && e.iv[1] - e.iv[0] <= DAY) {
        when.append(el('span', 'chip chip-now', 'article date'));
      }
      frag.append(when);
    }
    const notes = noteChips(e.d);
    const sub = el('span', 'item-sub');
    sub.append(...notes);
    const li = item(e.ref, snippetNode(text, sentences, e.d, 'tl-snippet'), ...(notes.length ? [sub] : []));
    li.className = 'tl-entry';
    frag.append(li);
    return frag;
  });
  wrap.append(list);
  return panel('timeline', 'Timeline', entries.length, wrap, '');
}

/** How the medium is introduced: "on Fox News", "in an interview with", else "to CNN". */
function mediumWords(text, m) {
  if (!m?.text) return '';
  const before = typeof text === 'string' && m.start >= 0 ? text.slice(Math.max(0, m.start - 12), m.start) : '';
  const prep = /\b(on|in|at|to|with)\s+(?:the\s+)?$/i.exec(before);
  return `${prep ? prep[1].toLowerCase() : 'to'} ${m.text}`;
}

/**
 * Quotes as statements: parts joined by `continues` (a quote split by its attribution, or a
 * quote running over paragraphs) make one statement; statements are grouped by the entity the
 * speaker resolves to, so "Joe Biden", "Biden" and "he" fall under one name.
 */
export function quoteStatements(analysis) {
  const quotes = analysis.quotes || [];
  const index = new Map(quotes.map((q, i) => [q.id || `q${i + 1}`, i]));
  const statementOf = new Array(quotes.length);
  const statements = [];
  quotes.forEach((q, i) => {
    const prev = q.continues != null ? index.get(q.continues) : undefined;
    if (prev !== undefined && prev < i && statementOf[prev]) {
      const st = statementOf[prev];
      st.parts.push({ q, ref: `q${i + 1}` });
      statementOf[i] = st;
    } else {
      const st = { parts: [{ q, ref: `q${i + 1}` }] };
      statements.push(st);
      statementOf[i] = st;
    }
  });
  return statements;
}

function quotePanel(analysis, text) {
  const quotes = analysis.quotes || [];
  const names = new Map((analysis.entities || []).map((e) => [e.id, e.name]));
  const groups = new Map();
  for (const st of quoteStatements(analysis)) {
    const attributed = st.parts.find((p) => p.q.speakerEntity || p.q.speaker) || st.parts[0];
    const q = attributed.q;
    const who = (q.speakerEntity && names.get(q.speakerEntity)) || q.speaker?.text || '';
    const key = (q.speakerEntity && names.has(q.speakerEntity)) ? q.speakerEntity : (who ? `text:${who.toLowerCase()}` : '');
    if (!groups.has(key)) groups.set(key, { who, list: [] });
    groups.get(key).list.push({ st, q });
  }
  // Unattributed quotes last.
  const ordered = [...groups.entries()].sort(([a], [b]) => (a === '') - (b === ''));
  const wrap = el('div', 'quote-groups');
  for (const [key, g] of ordered) {
    const section = el('section', 'quote-group');
    if (key) section.dataset.speaker = key;
    const h = el('h3', g.who ? 'speaker' : 'speaker unattributed', g.who || 'Unattributed');
    h.append(el('span', 'count', String(g.list.length)));
    const ul = fillItems(el('ul', 'items'), g.list, ({ st, q }) => {
      const words = el('span', 'quote-text');
      st.parts.forEach((p, k) => {
        if (k) words.append(el('span', 'quote-gap', ' … '));
        words.append(document.createTextNode(p.q.text));
      });
      const parts = [words];
      const cuePart = st.parts.find((p) => p.q.cue)?.q;
      const medium = st.parts.find((p) => p.q.medium)?.q.medium;
      const via = [q.speaker?.text, cuePart?.cue?.text].filter(Boolean).join(' ');
      if (via || medium) {
        const sub = el('span', 'item-sub');
        if (via) sub.append(el('span', 'via', `— ${via}`));
        if (medium) sub.append(el('span', 'medium', mediumWords(text, medium)));
        if (st.parts.length > 1) sub.append(el('span', 'chip', `${st.parts.length} parts`));
        parts.push(sub);
      }
      return item(st.parts.map((p) => p.ref).join(' '), ...parts);
    });
    section.append(h, ul);
    wrap.append(section);
  }
  return panel('quote', 'Quotes', quotes.length, wrap, 'No direct quotes found.');
}

/** Indirect attributions ("X said that ..."): who, the verb, and what was reported. */
function reportedPanel(analysis, text) {
  const reported = analysis.reported || [];
  const names = new Map((analysis.entities || []).map((e) => [e.id, e.name]));
  const ul = fillItems(el('ul', 'items'), reported, (r, i) => {
    const main = el('span', 'item-main');
    const src = r.source?.text || '';
    const name = (r.sourceEntity && names.get(r.sourceEntity)) || src || 'Unnamed source';
    const who = el('span', 'item-name reported-source', name);
    main.append(who);
    // The words as written only when they are not just a part of the name ("he", "the LCWA").
    const asWritten = src && !name.toLowerCase().includes(src.toLowerCase()) ? `“${src}”` : '';
    const said = [asWritten, r.cue?.text || ''].filter(Boolean).join(' ');
    if (said) main.append(el('span', 'reported-cue', said));
    const parts = [main, el('span', 'reported-text', String(r.text ?? '').trim())];
    if (r.medium?.text) {
      const sub = el('span', 'item-sub');
      sub.append(el('span', 'medium', mediumWords(text, r.medium)));
      parts.push(sub);
    }
    return item(`r${i + 1}`, ...parts);
  });
  return panel('reported', 'Reported', reported.length, ul, 'No reported statements found.');
}

/** Fills `container` with one panel per kind. */
export function renderPanels(container, analysis, text = '') {
  const entities = analysis.entities || [];
  container.replaceChildren(
    entityPanel('person', 'People', entities),
    entityPanel('organization', 'Organizations', entities),
    entityPanel('place', 'Places', entities),
    figurePanel(analysis),
    datePanel(analysis),
    timelinePanel(analysis, text),
    quotePanel(analysis, text),
    reportedPanel(analysis, text),
  );
}
