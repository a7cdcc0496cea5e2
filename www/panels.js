// The lists beside the text: who, what, how many, when, and who said what.
// Each item is a button carrying `data-refs` (space-separated ids of the marks it stands for:
// entity ids, figure ids, d1.., q1..); the page activates those marks when it is pressed.
// All text goes in through textContent.

import { describeChange, figureAmount, humanDate, plural } from './format.js';

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
    more.remove();
    ul.append(frag);
    if (shown < list.length) {
      button.textContent = `Show ${Math.min(LIST_STEP, list.length - shown)} more (${(list.length - shown).toLocaleString('en-US')} not shown)`;
      ul.append(more);
    }
  };
  button.addEventListener('click', () => {
    next();
    ul.children[shown - Math.min(LIST_STEP, shown)]?.querySelector('button')?.focus();
  });
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

const HEDGE_WORD = { lowerBound: 'at least', upperBound: 'at most', approximate: 'about' };

function figurePanel(analysis) {
  const figures = analysis.figures || [];
  const wrap = el('div');
  const ul = fillItems(el('ul', 'items'), figures, (f) => {
    const main = el('span', 'item-main');
    main.append(el('span', 'item-name', f.text));
    const amount = figureAmount(f);
    const sub = el('span', 'item-sub');
    if (amount) sub.append(el('span', 'value', amount));
    if (f.counts) sub.append(el('span', 'counts', f.counts));
    if (f.hedge) {
      const h = el('span', 'chip', f.hedge);
      if (f.hedgeKind) h.title = `Hedge: ${HEDGE_WORD[f.hedgeKind] || f.hedgeKind} the number`;
      sub.append(h);
    }
    return item(f.id, main, sub);
  });
  wrap.append(ul);
  const changes = analysis.changes || [];
  if (changes.length) {
    const byId = new Map(figures.map((f) => [f.id, f]));
    wrap.append(el('h3', 'sub-head', 'Changes'));
    const cl = fillItems(el('ul', 'items'), changes, (c) => {
      const main = el('span', 'item-main');
      const arrow = c.direction === 'down' ? '↓' : c.direction === 'up' ? '↑' : '→';
      main.append(el('span', `dir dir-${c.direction}`, arrow), el('span', 'item-name', describeChange(c, byId)));
      const parts = [main];
      if (c.cue?.text) parts.push(el('span', 'item-sub', `“${c.cue.text}”`));
      return item(`${c.to} ${c.from}`, ...parts);
    });
    wrap.append(cl);
  }
  return panel('figure', 'Figures', figures.length, wrap, 'No figures found.');
}

function datePanel(analysis) {
  const dates = analysis.dates || [];
  const ul = fillItems(el('ul', 'items'), dates, (d, i) => {
    const main = el('span', 'item-main');
    main.append(el('span', 'item-name', d.text));
    const sub = el('span', 'item-sub');
    const human = humanDate(d.value);
    sub.append(el('span', 'arrow', '→ '), el('span', 'value', d.until ? `${human} – ${humanDate(d.until)}` : human));
    const code = el('code', 'raw', d.until ? `${d.value}/${d.until}` : d.value);
    sub.append(code);
    if (d.relative) {
      const c = el('span', 'chip', 'relative');
      c.title = 'Resolved against the article date or an earlier date in the text';
      sub.append(c);
    }
    if (d.kind && d.kind !== 'date') sub.append(el('span', 'chip', d.kind));
    return item(`d${i + 1}`, main, sub);
  });
  return panel('date', 'Dates', dates.length, ul, 'No dates found.');
}

function quotePanel(analysis) {
  const quotes = analysis.quotes || [];
  const names = new Map((analysis.entities || []).map((e) => [e.id, e.name]));
  const groups = new Map();
  quotes.forEach((q, i) => {
    const who = (q.speakerEntity && names.get(q.speakerEntity)) || q.speaker?.text || '';
    const key = q.speakerEntity || (who ? `text:${who.toLowerCase()}` : '');
    if (!groups.has(key)) groups.set(key, { who, list: [] });
    groups.get(key).list.push({ q, ref: `q${i + 1}` });
  });
  // Unattributed quotes last.
  const ordered = [...groups.entries()].sort(([a], [b]) => (a === '') - (b === ''));
  const wrap = el('div', 'quote-groups');
  for (const [, g] of ordered) {
    const section = el('section', 'quote-group');
    const h = el('h3', g.who ? 'speaker' : 'speaker unattributed', g.who || 'Unattributed');
    h.append(el('span', 'count', String(g.list.length)));
    const ul = fillItems(el('ul', 'items'), g.list, ({ q, ref }) => {
      const parts = [el('span', 'quote-text', q.text)];
      if (q.speaker?.text || q.cue?.text) {
        const via = [q.speaker?.text, q.cue?.text].filter(Boolean).join(' ');
        parts.push(el('span', 'item-sub', `— ${via}`));
      }
      return item(ref, ...parts);
    });
    section.append(h, ul);
    wrap.append(section);
  }
  const reported = analysis.reported || [];
  if (reported.length) {
    wrap.append(el('h3', 'sub-head', 'Reported speech'));
    const ul = fillItems(el('ul', 'items reported'), reported, (r) => {
      const li = el('li', 'reported-item');
      li.append(el('span', 'reported-source', `${r.source?.text || '?'} ${r.cue?.text || ''}`.trim()), el('span', 'reported-text', ` ${r.text}`));
      return li;
    });
    wrap.append(ul);
  }
  return panel('quote', 'Quotes', quotes.length, wrap, 'No direct quotes found.');
}

/** Fills `container` with one panel per kind. */
export function renderPanels(container, analysis) {
  const entities = analysis.entities || [];
  container.replaceChildren(
    entityPanel('person', 'People', entities),
    entityPanel('organization', 'Organizations', entities),
    entityPanel('place', 'Places', entities),
    figurePanel(analysis),
    datePanel(analysis),
    quotePanel(analysis),
  );
}
