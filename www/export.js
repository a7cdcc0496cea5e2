// The analysis as files to take away: JSON, CSV per kind, a Markdown report and a
// self-contained annotated HTML page. Pure functions from (text, analysis) to strings, made in
// the browser; nothing is sent anywhere. No DOM here, so they run the same under Node.
//
// Every piece of the user's text that goes into a file format with markup goes through that
// format's one escaping function: `escapeHtml` for the HTML file, `escapeMd` for Markdown,
// `csvCell` for CSV. The HTML file also carries a Content-Security-Policy that forbids scripts
// and every fetch, as a second wall.
//
// The schema may gain fields; the CSV columns are the known ones followed by any other plain
// field found on the items, so new fields reach the spreadsheet without a change here.

import { KINDS, dateCode, dateReading, describeChange, figureAmount, humanDate } from './format.js';
import { layoutArticle, articleWalker } from './render.js';

const KIND_NAME = Object.fromEntries(KINDS.map((k) => [k.kind, k.name]));

// ---- helpers ----

/** Finds the sentence around an offset in the analysis' sorted sentence spans. */
export function sentenceFinder(text, analysis) {
  const sentences = (analysis.sentences || []).filter((s) =>
    Number.isInteger(s?.start) && Number.isInteger(s?.end) && s.start >= 0 && s.end <= text.length && s.start < s.end);
  return (offset) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sentences[mid];
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
    }
    return '';
  };
}

/** The article's headline, or its first words, for titles and file names. */
export function headlineOf(text, analysis) {
  const h = (analysis.structure?.blocks || []).find((b) => b.kind === 'headline' &&
    Number.isInteger(b.start) && Number.isInteger(b.end) && b.end <= text.length);
  const source = h ? text.slice(h.start, h.end) : text.trim().split(/\n/)[0] || '';
  const words = source.replace(/\s+/g, ' ').trim();
  if (h || words.length <= 90) return words;
  return `${words.slice(0, 90).replace(/\s+\S*$/, '')}…`;
}

/** "Floodwaters force thousands from homes" -> "floodwaters-force-thousands-from-homes". */
export function slugify(s, maxLen = 48) {
  const words = String(s).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/['’]/g, '').split(/[^a-z0-9]+/).filter(Boolean);
  let out = '';
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > maxLen) {
      if (!out) out = w.slice(0, maxLen);
      break;
    }
    out = next;
    if (out.split('-').length >= 6) break;
  }
  return out || 'article';
}

/** Base of the exported files' names: "<slug>.presslens". */
export function fileBase(text, analysis) {
  return `${slugify(headlineOf(text, analysis))}.presslens`;
}

/** Our own version string, shown only when it looks like one. */
const versionText = (v) => (/^[\w.+-]{1,40}$/.test(String(v)) ? ` ${v}` : '');
const oneLine = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
const isSpan = (v) => v && typeof v === 'object' && typeof v.text === 'string' && 'start' in v;

// ---- JSON ----

/** The analysis exactly as the schema describes it, with the text it was made from. */
export function toJSON(text, analysis) {
  return `${JSON.stringify({ ...analysis, text }, null, 2)}\n`;
}

// ---- CSV ----

/**
 * One CSV cell: quoted when it holds a quote, comma or line break (RFC 4180). Text starting
 * with = + - @ (or a tab) is a formula to a spreadsheet; such cells get a leading apostrophe,
 * the usual guard, unless they are plain numbers.
 */
export function csvCell(v) {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'object' ? (isSpan(v) ? v.text : JSON.stringify(v)) : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV file: BOM (so Excel reads UTF-8), header, CRLF rows. */
function csv(header, rows) {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Fields of `items` not in `known`, whose values are plain (or spans): schema additions. */
function extraFields(items, known) {
  const extra = new Set();
  for (const it of items) {
    for (const [k, v] of Object.entries(it || {})) {
      if (known.has(k) || extra.has(k)) continue;
      if (v === null || ['string', 'number', 'boolean'].includes(typeof v) || isSpan(v)) extra.add(k);
    }
  }
  return [...extra];
}

const ENTITY_KNOWN = new Set(['id', 'kind', 'name', 'aliases', 'mentions', 'salience']);
const FIGURE_KNOWN = new Set(['id', 'start', 'end', 'text', 'kind', 'value', 'low', 'high', 'unit', 'hedge', 'hedgeKind', 'counts']);
const DATE_KNOWN = new Set(['start', 'end', 'text', 'kind', 'value', 'until', 'relative', 'ambiguous']);
const QUOTE_KNOWN = new Set(['start', 'end', 'text', 'speaker', 'speakerEntity', 'cue', 'source', 'sourceEntity']);

/** The CSV files, by kind: entities (a row per mention), figures, dates, quotes. */
export const CSV_KINDS = ['entities', 'figures', 'dates', 'quotes'];

export function toCSV(kind, text, analysis) {
  const sentence = sentenceFinder(text, analysis);
  const entities = analysis.entities || [];
  const names = new Map(entities.map((e) => [e.id, e.name]));
  if (kind === 'entities') {
    const extra = extraFields(entities, ENTITY_KNOWN);
    const rows = [];
    for (const e of entities) {
      for (const m of e.mentions || []) {
        rows.push([e.id, e.kind, e.name, (e.aliases || []).join('; '), e.salience, (e.mentions || []).length,
          m.text, m.start, m.end, ...extra.map((k) => e[k]), sentence(m.start)]);
      }
    }
    return csv(['entity', 'kind', 'name', 'aliases', 'salience', 'mentions', 'mention', 'start', 'end', ...extra, 'sentence'], rows);
  }
  if (kind === 'figures') {
    const figures = analysis.figures || [];
    const byId = new Map(figures.map((f) => [f.id, f]));
    const changeOf = new Map();
    for (const c of analysis.changes || []) {
      for (const id of [c.to, c.from]) {
        if (!changeOf.has(id)) changeOf.set(id, `${describeChange(c, byId)}${c.cue?.text ? ` (“${c.cue.text}”)` : ''}`);
      }
    }
    const extra = extraFields(figures, FIGURE_KNOWN);
    const rows = figures.map((f) => [f.id, f.text, f.kind, f.value, f.low, f.high, f.unit, f.hedge, f.hedgeKind,
      f.counts, figureAmount(f), changeOf.get(f.id) || '', f.start, f.end, ...extra.map((k) => f[k]), sentence(f.start)]);
    return csv(['figure', 'text', 'kind', 'value', 'low', 'high', 'unit', 'hedge', 'hedgeKind', 'counts', 'amount',
      'change', 'start', 'end', ...extra, 'sentence'], rows);
  }
  if (kind === 'dates') {
    const dates = analysis.dates || [];
    const extra = extraFields(dates, DATE_KNOWN);
    const rows = dates.map((d, i) => [`d${i + 1}`, d.text, d.kind, d.value, d.until, dateReading(d),
      d.relative, d.ambiguous, d.start, d.end, ...extra.map((k) => d[k]), sentence(d.start)]);
    return csv(['date', 'text', 'kind', 'value', 'until', 'reads', 'relative', 'ambiguous', 'start', 'end', ...extra, 'sentence'], rows);
  }
  if (kind === 'quotes') {
    const quotes = analysis.quotes || [];
    const reported = analysis.reported || [];
    const extra = extraFields([...quotes, ...reported], QUOTE_KNOWN);
    const rows = [
      ...quotes.map((q, i) => [`q${i + 1}`, 'direct', q.text, q.speaker?.text, names.get(q.speakerEntity) || '',
        q.cue?.text, q.start, q.end, ...extra.map((k) => q[k]), sentence(q.start)]),
      ...reported.map((r, i) => [`r${i + 1}`, 'reported', r.text, r.source?.text, names.get(r.sourceEntity) || '',
        r.cue?.text, r.start, r.end, ...extra.map((k) => r[k]), sentence(r.start)]),
    ];
    return csv(['quote', 'type', 'text', 'speaker', 'speakerEntity', 'cue', 'start', 'end', ...extra, 'sentence'], rows);
  }
  throw new Error(`unknown CSV kind ${kind}`);
}

// ---- Markdown ----

/**
 * User text as Markdown text that renders as itself: line breaks become spaces, and every
 * character that Markdown or HTML could read as markup anywhere in a line is backslash-escaped
 * (CommonMark allows that before any ASCII punctuation), as are list and heading markers at
 * the start. The text always sits after a prefix of ours ("- ", "> "), never alone on a line.
 */
export function escapeMd(s) {
  return oneLine(s)
    .replace(/[\\`*_[\]<>|~&#]/g, (c) => `\\${c}`)
    .replace(/^([-+])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

function mdHeader(text, analysis, version) {
  const ref = analysis.referenceDate;
  const lines = [`# ${escapeMd(headlineOf(text, analysis) || 'Article')}`, ''];
  const facts = [`Analyzed by presslens${versionText(version)} in the browser`];
  if (ref?.value) facts.push(`article date ${escapeMd(humanDate(ref.value))} (${escapeMd(ref.source)})`);
  lines.push(`_${facts.join('; ')}._`, '');
  return lines;
}

export function toMarkdown(text, analysis, { version = '' } = {}) {
  const sentence = sentenceFinder(text, analysis);
  const entities = [...(analysis.entities || [])].sort((a, b) => (b.salience ?? 0) - (a.salience ?? 0));
  const names = new Map(entities.map((e) => [e.id, e.name]));
  const figures = analysis.figures || [];
  const byId = new Map(figures.map((f) => [f.id, f]));
  const out = mdHeader(text, analysis, version);
  const context = (offset) => {
    const s = sentence(offset);
    return s ? `  \n  > ${escapeMd(s)}` : '';
  };

  out.push('## Who', '');
  if (!entities.length) out.push('_No people, organizations or places found._', '');
  for (const kind of ['person', 'organization', 'place']) {
    const list = entities.filter((e) => e.kind === kind);
    if (!list.length) continue;
    out.push(`### ${KIND_NAME[kind]}`, '');
    for (const e of list) {
      const n = (e.mentions || []).length;
      const aliases = (e.aliases || []).length ? `, also ${e.aliases.map((a) => `“${escapeMd(a)}”`).join(', ')}` : '';
      out.push(`- **${escapeMd(e.name)}**: ${n} mention${n === 1 ? '' : 's'}${aliases}` +
        `${typeof e.salience === 'number' ? `, salience ${e.salience.toFixed(2)}` : ''}${context(e.mentions?.[0]?.start ?? -1)}`);
    }
    out.push('');
  }

  out.push('## What: figures', '');
  if (!figures.length) out.push('_No figures found._', '');
  for (const f of figures) {
    const parts = [figureAmount(f), f.counts, f.hedge ? `hedge “${f.hedge}”` : ''].filter(Boolean).map(escapeMd);
    out.push(`- **${escapeMd(f.text)}**${parts.length ? `: ${parts.join(', ')}` : ''}${context(f.start)}`);
  }
  if (figures.length) out.push('');
  const changes = analysis.changes || [];
  if (changes.length) {
    out.push('### Changes', '');
    for (const c of changes) {
      const cue = c.cue?.text ? ` (“${escapeMd(c.cue.text)}”)` : '';
      out.push(`- ${c.direction === 'down' ? '↓' : c.direction === 'up' ? '↑' : '→'} ${escapeMd(describeChange(c, byId))}${cue}`);
    }
    out.push('');
  }

  const dates = analysis.dates || [];
  out.push('## When', '');
  if (!dates.length) out.push('_No dates found._', '');
  for (const d of dates) {
    const reads = dateReading(d);
    const flags = [d.kind && d.kind !== 'date' ? d.kind : '', d.relative ? 'relative' : '', d.ambiguous ? 'ambiguous' : '']
      .filter(Boolean).join(', ');
    const code = dateCode(d);
    out.push(`- **${escapeMd(d.text)}** → ${escapeMd(reads)} ${/^[\w:./+-]+$/.test(code) ? `\`${code}\`` : escapeMd(code)}` +
      `${flags ? ` (${escapeMd(flags)})` : ''}${context(d.start)}`);
  }
  if (dates.length) out.push('');

  const quotes = analysis.quotes || [];
  out.push('## Who said what', '');
  if (!quotes.length) out.push('_No direct quotes found._', '');
  const groups = new Map();
  for (const q of quotes) {
    const who = (q.speakerEntity && names.get(q.speakerEntity)) || q.speaker?.text || '';
    const key = q.speakerEntity || (who ? `text:${who.toLowerCase()}` : '');
    if (!groups.has(key)) groups.set(key, { who, list: [] });
    groups.get(key).list.push(q);
  }
  for (const [, g] of [...groups.entries()].sort(([a], [b]) => (a === '') - (b === ''))) {
    out.push(`### ${g.who ? escapeMd(g.who) : 'Unattributed'}`, '');
    for (const q of g.list) {
      const via = [q.speaker?.text, q.cue?.text].filter(Boolean).join(' ');
      out.push(`- “${escapeMd(q.text)}”${via ? ` — ${escapeMd(via)}` : ''}`);
    }
    out.push('');
  }
  const reported = analysis.reported || [];
  if (reported.length) {
    out.push('### Reported speech', '');
    for (const r of reported) {
      out.push(`- **${escapeMd(r.source?.text || '?')}** ${escapeMd(r.cue?.text || '')}: ${escapeMd(r.text)}${context(r.start)}`);
    }
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

// ---- annotated HTML ----

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The one escaping function for every piece of text that goes into the HTML file. */
export function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

const EXPORT_CSS = `
:root{color-scheme:light dark;--ink:#1c1f24;--muted:#5b6270;--bg:#fff;--line:#e2e0d8;
--person:#dbe8ff;--person-b:#6c97f0;--organization:#ece4ff;--organization-b:#a58af0;--place:#d5f3e3;--place-b:#5cc08d;
--figure:#fdecc4;--figure-b:#e9a93c;--date:#fde2ee;--date-b:#ec7fab;--quote:#e3f3f6;--quote-b:#1b93ab}
@media (prefers-color-scheme:dark){:root{--ink:#e9eaec;--muted:#a6acb7;--bg:#1d2026;--line:#3b404a;
--person:#223a6b;--organization:#3a2a66;--place:#173f2c;--figure:#4a3510;--date:#4d1d33;--quote:#15363d}}
body{margin:0 auto;max-width:60rem;padding:2rem 1.25rem;background:var(--bg);color:var(--ink);
font:16px/1.6 -apple-system,"Segoe UI",Roboto,Arial,sans-serif}
h1{font-size:1.5rem;margin:0 0 .25rem}.meta{color:var(--muted);font-size:.9rem;margin:0 0 1.25rem}
.legend{display:flex;flex-wrap:wrap;gap:.5rem;margin:0 0 1rem;padding:0;list-style:none;font-size:.85rem}
.legend li{padding:.1rem .5rem;border-radius:.3rem}
article{font:1.05rem/1.8 Georgia,"Times New Roman",serif;border:1px solid var(--line);border-radius:.6rem;padding:1.25rem 1.75rem}
article p,article h2,article h3{margin:0 0 .8em;white-space:pre-wrap;overflow-wrap:anywhere}
article h2{font-size:1.5rem;line-height:1.3}article h3{font:700 1.05rem/1.5 -apple-system,"Segoe UI",Arial,sans-serif}
.blk-caption{font-style:italic;color:var(--muted);border-left:3px solid var(--line);padding-left:.8rem}
.blk-byline,.blk-dateline,.blk-loose{color:var(--muted);font-size:.9rem}
.credit{font-size:.8rem;text-transform:uppercase;color:var(--muted)}
mark{color:inherit;border-radius:.25em;padding:0 .15em;-webkit-print-color-adjust:exact;print-color-adjust:exact}
mark[data-label]::after{content:attr(data-label);font:700 .6em/1 Arial,sans-serif;text-transform:uppercase;margin-left:.35em;color:var(--muted)}
.k-person{background:var(--person)}.k-organization{background:var(--organization)}.k-place{background:var(--place)}
.k-figure{background:var(--figure)}.k-date{background:var(--date)}
.k-quote{background:var(--quote);box-shadow:inset 0 -2px 0 var(--quote-b);border-radius:0;padding:0}
section.panel{margin-top:1.5rem}section.panel h2{font-size:1.15rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
section.panel li{margin:.2rem 0}.sub{color:var(--muted);font-size:.9rem}
footer{margin-top:2rem;color:var(--muted);font-size:.8rem}
`;

/**
 * A standalone HTML page: the article with its highlights and a legend, then the lists.
 * It has no script, loads nothing (its CSP says so), and opens in any browser or mail client.
 */
export function toHTML(text, analysis, { version = '' } = {}) {
  const esc = escapeHtml;
  const layout = layoutArticle(text, analysis);
  const parts = [];
  const tag = { headline: 'h2', subheading: 'h3' };
  articleWalker(layout, {
    openBlock: (b) => parts.push(`<${tag[b.kind] || 'p'} class="blk blk-${esc(b.kind)}">`),
    closeBlock: (b) => parts.push(`</${tag[b.kind] || 'p'}>\n`),
    open: (sp, a, z) => {
      if (sp.kind === 'credit') parts.push('<span class="credit">');
      else parts.push(`<mark class="k-${esc(sp.kind)}" title="${esc(sp.title || '')}"${z === sp.end ? ` data-label="${esc(sp.label || '')}"` : ''}>`);
    },
    close: (sp) => parts.push(sp.kind === 'credit' ? '</span>' : '</mark>'),
    text: (a, z) => parts.push(esc(text.slice(a, z))),
  })(0, layout.blocks.length);

  const title = headlineOf(text, analysis) || 'Article';
  const entities = [...(analysis.entities || [])].sort((a, b) => (b.salience ?? 0) - (a.salience ?? 0));
  const names = new Map(entities.map((e) => [e.id, e.name]));
  const figures = analysis.figures || [];
  const byId = new Map(figures.map((f) => [f.id, f]));
  const list = (items) => (items.length ? `<ul>\n${items.map((i) => `<li>${i}</li>`).join('\n')}\n</ul>` : '<p class="sub">None found.</p>');
  const section = (kind, heading, body) => `<section class="panel"><h2><mark class="k-${kind}">${esc(heading)}</mark></h2>\n${body}\n</section>`;

  const panels = [];
  for (const kind of ['person', 'organization', 'place']) {
    panels.push(section(kind, KIND_NAME[kind], list(entities.filter((e) => e.kind === kind).map((e) => {
      const n = (e.mentions || []).length;
      const aliases = (e.aliases || []).length ? ` <span class="sub">also ${e.aliases.map((a) => `“${esc(a)}”`).join(', ')}</span>` : '';
      return `<strong>${esc(e.name)}</strong> <span class="sub">${n}×</span>${aliases}`;
    }))));
  }
  let figBody = list(figures.map((f) => {
    const sub = [figureAmount(f), f.counts, f.hedge ? `hedge “${f.hedge}”` : ''].filter(Boolean).map(esc).join(' · ');
    return `<strong>${esc(f.text)}</strong>${sub ? ` <span class="sub">${sub}</span>` : ''}`;
  }));
  const changes = analysis.changes || [];
  if (changes.length) {
    figBody += `\n<h3>Changes</h3>\n${list(changes.map((c) => `${c.direction === 'down' ? '↓' : '↑'} ${esc(describeChange(c, byId))}${c.cue?.text ? ` <span class="sub">“${esc(c.cue.text)}”</span>` : ''}`))}`;
  }
  panels.push(section('figure', 'Figures', figBody));
  panels.push(section('date', 'Dates', list((analysis.dates || []).map((d) => {
    const reads = dateReading(d);
    return `<strong>${esc(d.text)}</strong> <span class="sub">→ ${esc(reads)} (${esc(dateCode(d))})${d.relative ? ' · relative' : ''}</span>`;
  }))));
  let quoteBody = list((analysis.quotes || []).map((q) => {
    const who = (q.speakerEntity && names.get(q.speakerEntity)) || q.speaker?.text || 'Unattributed';
    const via = [q.speaker?.text, q.cue?.text].filter(Boolean).join(' ');
    return `<strong>${esc(who)}</strong>: “${esc(q.text)}”${via ? ` <span class="sub">— ${esc(via)}</span>` : ''}`;
  }));
  const reported = analysis.reported || [];
  if (reported.length) {
    quoteBody += `\n<h3>Reported speech</h3>\n${list(reported.map((r) => `<strong>${esc(r.source?.text || '?')}</strong> ${esc(r.cue?.text || '')}: ${esc(r.text)}`))}`;
  }
  panels.push(section('quote', 'Quotes', quoteBody));

  const ref = analysis.referenceDate;
  const meta = [`Analyzed by presslens${versionText(version)}`,
    ref?.value ? `article date ${humanDate(ref.value)} (${ref.source})` : 'no article date'].map(esc).join(' · ');
  const legend = KINDS.map((k) => `<li class="k-${k.kind}">${esc(k.name)}</li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>${esc(title)} — presslens</title>
<style>${EXPORT_CSS}</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="meta">${meta}</p>
<ul class="legend" aria-label="Highlights">${legend}</ul>
<article>
${parts.join('')}</article>
${panels.join('\n')}
<footer>Made with presslens from rules, not a reporter: check anything that matters against the article.</footer>
</body>
</html>
`;
}

/** Every export: name suffix, MIME type, and maker. */
export const EXPORTS = [
  { id: 'json', label: 'JSON (full analysis)', ext: 'json', type: 'application/json', make: (t, a) => toJSON(t, a) },
  { id: 'md', label: 'Markdown report', ext: 'md', type: 'text/markdown', make: (t, a, o) => toMarkdown(t, a, o) },
  { id: 'html', label: 'Annotated HTML page', ext: 'html', type: 'text/html', make: (t, a, o) => toHTML(t, a, o) },
  ...CSV_KINDS.map((k) => ({
    id: `csv-${k}`, label: `CSV: ${k}`, ext: `${k}.csv`, type: 'text/csv', make: (t, a) => toCSV(k, t, a),
  })),
];
