// Turning the analysis' normalized values into words a reader scans quickly.
// Pure functions: no DOM, so they read the same in the worker, the page and the tests.

/** The kinds shown in the text, in legend order, with their display names. */
export const KINDS = [
  { kind: 'person', name: 'People', one: 'Person', label: 'person' },
  { kind: 'organization', name: 'Organizations', one: 'Organization', label: 'org' },
  { kind: 'place', name: 'Places', one: 'Place', label: 'place' },
  { kind: 'figure', name: 'Figures', one: 'Figure', label: 'figure' },
  { kind: 'date', name: 'Dates', one: 'Date', label: 'date' },
  { kind: 'quote', name: 'Quotes', one: 'Quote', label: 'quote' },
];

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat('en-US', {
  notation: 'compact',
  compactDisplay: 'long',
  maximumFractionDigits: 2,
});
const CURRENCY_SYMBOL = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹', CNY: '¥' };

export function formatNumber(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '?';
  return Math.abs(n) >= 1e6 ? compact.format(n) : plain.format(n);
}

/** A number with its unit, the way a newspaper would print it. */
export function formatAmount(n, unit) {
  const num = formatNumber(n);
  if (!unit) return num;
  if (unit === '%') return `${num}%`;
  if (unit === 'pp') return `${num} pp`;
  if (/^[A-Z]{3}$/.test(unit)) {
    const sym = CURRENCY_SYMBOL[unit];
    return sym ? `${sym}${num}` : `${unit} ${num}`;
  }
  return `${num} ${unit}`;
}

/** The amount a figure stands for: "1,400", "≥ 1,400", "12–18", "≈ 4". */
export function figureAmount(f) {
  const has = (v) => typeof v === 'number' && Number.isFinite(v);
  if (has(f.value)) {
    const a = formatAmount(f.value, f.unit);
    return f.hedgeKind === 'approximate' ? `≈ ${a}` : a;
  }
  if (has(f.low) && has(f.high)) return `${formatAmount(f.low, f.unit)} – ${formatAmount(f.high, f.unit)}`;
  if (has(f.low)) return `≥ ${formatAmount(f.low, f.unit)}`;
  if (has(f.high)) return `≤ ${formatAmount(f.high, f.unit)}`;
  return '';
}

/** "77 vs 21: +56, ×3.7" */
export function describeChange(change, byId) {
  const to = byId.get(change.to);
  const from = byId.get(change.from);
  const name = (f) => (f ? figureAmount(f) || f.text : '?');
  const parts = [];
  if (typeof change.difference === 'number' && Number.isFinite(change.difference)) {
    const d = change.difference;
    parts.push(`${d > 0 ? '+' : d < 0 ? '−' : '±'}${formatNumber(Math.abs(d))}`);
  }
  if (typeof change.ratio === 'number' && Number.isFinite(change.ratio)) {
    parts.push(`×${change.ratio >= 10 ? Math.round(change.ratio) : change.ratio.toFixed(1)}`);
  }
  return `${name(to)} vs ${name(from)}${parts.length ? ': ' + parts.join(', ') : ''}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
const dayFormat = new Intl.DateTimeFormat('en-US', {
  weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC',
});
const UNITS = { Y: 'year', M: 'month', W: 'week', D: 'day', H: 'hour' };

/** A TIMEX3-style value in words: "Tue, Mar 11, 2025", "June 2025", "Q1 2025", "3 years". */
export function humanDate(value) {
  if (typeof value !== 'string') return '';
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return Number.isNaN(d.getTime()) ? value : dayFormat.format(d);
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m && +m[2] >= 1 && +m[2] <= 12) return `${MONTHS[+m[2] - 1]} ${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return `Q${m[2]} ${m[1]}`;
  m = /^P(\d+(?:\.\d+)?)([YMWD])$/.exec(value) || /^PT(\d+(?:\.\d+)?)(H)$/.exec(value);
  if (m) return `${m[1]} ${UNITS[m[2]]}${m[1] === '1' ? '' : 's'}`;
  return value;
}

export function countWords(text) {
  let n = 0;
  const re = /\S+/g;
  while (re.exec(text)) n++;
  return n;
}

export function plural(n, one, many = one + 's') {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
