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
const shortDay = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const SEASON_WORD = { SP: 'spring', SU: 'summer', FA: 'autumn' };
const UNITS = { Y: 'year', M: 'month', W: 'week', D: 'day', DE: 'decade', CE: 'century' };
const TIME_UNITS = { H: 'hour', M: 'minute', S: 'second' };
/** TimeML's vague points in time. */
const REF_WORDS = { PRESENT_REF: 'the present', PAST_REF: 'the past', FUTURE_REF: 'the future' };

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
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m) {
    const iv = timexInterval(value);
    const first = iv ? shortDay.format(new Date(iv[0])) : '';
    return first ? `${m[3] ? 'weekend' : 'week'} of ${first}` : value;
  }
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) return `${m[2] === '1' ? 'first' : 'second'} half of ${m[1]}`;
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) return m[2] === 'WI' ? `winter ${m[1]}–${String(+m[1] + 1).slice(-2)}` : `${SEASON_WORD[m[2]]} ${m[1]}`;
  m = /^FY(\d{4})$/.exec(value);
  if (m) return `fiscal year ${m[1]}`;
  m = /^SY(\d{4})$/.exec(value);
  if (m) return `school year ${+m[1] - 1}–${m[1].slice(-2)}`;
  m = /^(\d{3})$/.exec(value);
  if (m) return `the ${m[1]}0s`;
  m = /^(\d{2})$/.exec(value);
  if (m) return `the ${m[1]}00s`;
  m = /^P(\d+(?:\.\d+)?|X)(Y|M|W|D|DE|CE)$/.exec(value);
  if (m) return spanWords(m[1], UNITS[m[2]]);
  m = /^PT(\d+(?:\.\d+)?|X)([HMS])$/.exec(value);
  if (m) return spanWords(m[1], TIME_UNITS[m[2]]);
  return REF_WORDS[value] || value;
}

/** "3 years", "1 decade", "several days" (TIMEX3 writes an unknown count as X). */
function spanWords(count, unit) {
  if (count === 'X') return `several ${unit}s`;
  return `${count} ${unit}${count === '1' ? '' : 's'}`;
}

/** The start and end of a date expression's `exact` reading: a day, or a window of days
 * ("2016-10-17/2016-11-06"); null when it has none or names no time span. */
function exactParts(d) {
  if (!d || typeof d.exact !== 'string' || !d.exact || d.exact.startsWith('P')) return null;
  const [a, z] = d.exact.split('/');
  return [a, z || null];
}

/**
 * How a date expression reads, in words: its value ("Tue, Mar 11, 2025", "June 2025 – August
 * 2025", "3 weeks"), then, where the TIMEX3 value is coarser than the calendar reading (a
 * year for "two years ago", a duration for "the past three weeks"), the days in brackets.
 */
export function dateReading(d) {
  if (!d) return '';
  const main = d.until ? `${humanDate(d.value)} – ${humanDate(d.until)}` : humanDate(d.value);
  const ex = exactParts(d);
  if (!ex) return main;
  const exact = ex[1] ? `${humanDate(ex[0])} – ${humanDate(ex[1])}` : humanDate(ex[0]);
  return exact && exact !== main ? `${main} (${exact})` : main;
}

/** The value as written in TIMEX3, with the range and the exact reading: "2014 · exact 2014-11-07". */
export function dateCode(d) {
  if (!d) return '';
  const code = d.until ? `${d.value}/${d.until}` : String(d.value ?? '');
  return d.exact && d.exact !== d.value ? `${code} · exact ${d.exact}` : code;
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

/** "+267%", "−5%": a signed percentage, rounded to what a reader compares. */
export function formatPercentChange(p) {
  if (typeof p !== 'number' || !Number.isFinite(p)) return '';
  const a = Math.abs(p);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  const n = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(a);
  return `${p > 0 ? '+' : p < 0 ? '−' : '±'}${n}%`;
}

/** The arrow for a change's direction ("up"/"down"), or "" for none. */
export function arrowOf(direction) {
  return direction === 'down' ? '↓' : direction === 'up' ? '↑' : '';
}

const DAY_MS = 86_400_000;
const SEASON_MONTHS = { SP: [2, 4], SU: [5, 7], FA: [8, 10], WI: [11, 13] };

/** Monday of ISO week 1 of `year`, in ms since the epoch (UTC). */
function isoWeekOne(year) {
  const jan4 = Date.UTC(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7; // Monday 0
  return jan4 - dow * DAY_MS;
}

/** A UTC date with the year set exactly (Date.UTC maps years 0-99 to 1900-1999). */
function utc(year, month, day = 1) {
  const d = new Date(Date.UTC(2000, month, day));
  d.setUTCFullYear(year, month, day);
  return d.getTime();
}

/**
 * The stretch of time a TIMEX3-style value stands for, as [start, end) in ms (UTC):
 * days, months, years, ISO weeks and weekends, quarters, halves, seasons (winter runs from
 * December into the next year, as the core reads it), decades ("199") and centuries ("19").
 * Durations ("P3Y") and values with unknown parts ("XXXX-06") are no point in time: null.
 */
export function timexInterval(value) {
  if (typeof value !== 'string' || /X/.test(value) || value.startsWith('P')) return null;
  const v = value.split('T')[0];
  let m = /^(-?\d{4,})-(\d{2})-(\d{2})$/.exec(v);
  if (m) {
    const s = utc(+m[1], +m[2] - 1, +m[3]);
    return [s, s + DAY_MS];
  }
  m = /^(-?\d{4,})-(\d{2})$/.exec(v);
  if (m && +m[2] >= 1 && +m[2] <= 12) return [utc(+m[1], +m[2] - 1), utc(+m[1], +m[2])];
  m = /^(-?\d{4,})-W(\d{2})(-WE)?$/.exec(v);
  if (m && +m[2] >= 1 && +m[2] <= 53) {
    const monday = isoWeekOne(+m[1]) + (+m[2] - 1) * 7 * DAY_MS;
    return m[3] ? [monday + 5 * DAY_MS, monday + 7 * DAY_MS] : [monday, monday + 7 * DAY_MS];
  }
  m = /^(-?\d{4,})-Q([1-4])$/.exec(v);
  if (m) return [utc(+m[1], (+m[2] - 1) * 3), utc(+m[1], +m[2] * 3)];
  m = /^(-?\d{4,})-H([12])$/.exec(v);
  if (m) return [utc(+m[1], (+m[2] - 1) * 6), utc(+m[1], +m[2] * 6)];
  m = /^(-?\d{4,})-(SP|SU|FA|WI)$/.exec(v);
  if (m) {
    const [a, z] = SEASON_MONTHS[m[2]];
    return [utc(+m[1], a), utc(+m[1], z + 1)];
  }
  m = /^(-?\d{4,})$/.exec(v);
  if (m) return [utc(+m[1], 0), utc(+m[1] + 1, 0)];
  m = /^(\d{3})$/.exec(v);
  if (m) return [utc(+m[1] * 10, 0), utc(+m[1] * 10 + 10, 0)];
  m = /^(\d{2})$/.exec(v);
  if (m) return [utc(+m[1] * 100, 0), utc(+m[1] * 100 + 100, 0)];
  return null;
}

/**
 * The interval of a date expression: from the start of `value` to the end of `until`
 * (inclusive, as the schema says), or null when it is no point in time.
 */
export function dateInterval(d) {
  if (!d) return null;
  if (d.kind === 'duration') {
    // "the past three weeks" is a duration in TIMEX3, with its days in `exact`.
    const ex = exactParts(d);
    if (!ex?.[1]) return null;
    const a = timexInterval(ex[0]);
    const z = timexInterval(ex[1]);
    return a && z && z[1] > a[0] ? [a[0], z[1]] : null;
  }
  const a = timexInterval(d.value);
  if (!a) return null;
  if (!d.until) return a;
  const z = timexInterval(d.until);
  return z && z[1] > a[0] ? [a[0], z[1]] : a;
}

const MODIFIER_WORD = { start: 'early', mid: 'mid', end: 'late' };

/** What a date's reading leaves open, in a few words: "late", "year implied". */
export function dateNotes(d) {
  const notes = [];
  if (d.modifier) notes.push({ text: MODIFIER_WORD[d.modifier] || d.modifier, title: `The ${d.modifier} of the period` });
  const implied = (d.implied || []).filter((p) => p !== 'weekday');
  if (implied.length) {
    // "Monday" leaves the year, month and day to the article date: the date is implied.
    const whole = ['year', 'month', 'day'].every((p) => implied.includes(p));
    const words = whole ? ['date', ...implied.filter((p) => !['year', 'month', 'day'].includes(p))] : implied;
    notes.push({
      text: `${words.join(', ')} implied`,
      title: `Not written in the text: the ${implied.join(' and ')} ${implied.length === 1 ? 'is' : 'are'} inferred from the article date and the tense`,
    });
  }
  if (d.ambiguous) notes.push({ text: 'ambiguous', title: 'Day and month could be swapped: read month first' });
  return notes;
}

/** "3 years", "5 months", "12 days": a span of time in the largest unit that fits. */
export function humanGap(ms) {
  const days = ms / DAY_MS;
  if (days >= 730) return `${Math.round(days / 365.25)} years`;
  if (days >= 60) return `${Math.round(days / 30.44)} months`;
  if (days >= 14) return `${Math.round(days / 7)} weeks`;
  return plural(Math.round(days), 'day');
}
