// The analysis from the wasm's packed words (`src/wire.rs` describes the format and why it is
// not JSON) back into the objects `JSON.parse` would make of the CLI's JSON: the same keys in
// the same order, the same values (docs/schema.md). Each `text` of a span is sliced from the
// analyzed text, which is why the decoder needs it.
//
// Every object is built from a literal of one shape in one place, which V8 allocates with its
// final layout; that and numbers read as numbers are what make this cheaper than JSON.parse.
// The reader's state is module-level: one decode runs at a time (JavaScript is single-threaded
// and nothing here awaits).

/** src/wire.rs's FORMAT: the layout this file reads. */
const FORMAT = 1;
const NONE = 0xffffffff;

let w = new Uint32Array(0);
let i = 0;
let strings = '';
let text = '';
const float = new Float64Array(1);
const floatWords = new Uint32Array(float.buffer);
// A string block that began with U+FEFF must keep it (the offsets count it); bytes that are not
// UTF-8 mean the array is damaged.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });

/**
 * The text with each lone surrogate replaced by U+FFFD, as TextEncoder encodes it for the wasm:
 * one unit for one, so the offsets still fit the user's text.
 */
export function wellFormed(s) {
  return typeof s.toWellFormed === 'function' ? s.toWellFormed() : s.replace(/\p{Cs}/gu, '\uFFFD');
}

/**
 * @param {Uint32Array} words what `analyzeWire` returned
 * @param {string} analyzed the text that was encoded for `analyzeWire`, as it was before encoding:
 *   its lone surrogates are replaced here as `TextEncoder` replaced them
 * @returns {object} the Analysis of docs/schema.md
 */
export function decodeAnalysis(words, analyzed) {
  if (words[0] !== FORMAT) {
    throw new Error(`the analyzer's files are out of step (result format ${words[0]}, this page reads ${FORMAT}): reload the page`);
  }
  try {
    w = words;
    const at = w[1];
    const bytes = w[2];
    if (at > w.length || bytes > 4 * (w.length - at) || w[4] !== analyzed.length) {
      throw new Error('not a packed analysis of this text');
    }
    text = wellFormed(analyzed);
    strings = utf8.decode(new Uint8Array(w.buffer, w.byteOffset + 4 * at, bytes));
    i = 3;
    const schemaVersion = w[i++];
    const textLength = w[i++];
    const referenceDate = w[i++] ? { value: str(), source: str(), evidence: textSpanOrNull() } : null;
    const entities = list(entity);
    const figures = list(figure);
    const changes = list(change);
    const dates = list(date);
    const quotes = list(quote);
    const reported = list(report);
    const structure = { blocks: list(block), credits: list(credit) };
    const sentences = list(span);
    if (i !== at) throw new Error('not a packed analysis of this text');
    return {
      schemaVersion, textLength, referenceDate, entities, figures, changes, dates, quotes,
      reported, structure, sentences,
    };
  } finally {
    w = new Uint32Array(0);
    strings = '';
    text = '';
  }
}

function list(item) {
  const n = w[i++];
  if (n > w.length - i) throw new Error('not a packed analysis of this text');
  const out = [];
  for (let k = 0; k < n; k++) out.push(item());
  return out;
}

function str() {
  const start = w[i];
  const length = w[i + 1];
  i += 2;
  return strings.slice(start, start + length);
}

function strOrNull() {
  if (w[i] === NONE) {
    i++;
    return null;
  }
  return str();
}

function num() {
  if (w[i++] === 0) return null;
  floatWords[0] = w[i];
  floatWords[1] = w[i + 1];
  i += 2;
  return float[0];
}

function span() {
  const start = w[i];
  const end = w[i + 1];
  i += 2;
  return { start, end };
}

function textSpan() {
  const start = w[i];
  const end = w[i + 1];
  i += 2;
  return { start, end, text: text.slice(start, end) };
}

function textSpanOrNull() {
  if (w[i] === NONE) {
    i++;
    return null;
  }
  return textSpan();
}

function entity() {
  const id = str();
  const kind = str();
  const name = str();
  const aliases = list(str);
  const mentions = list(textSpan);
  return { id, kind, name, aliases, mentions, salience: num() };
}

function figure() {
  const id = str();
  const start = w[i];
  const end = w[i + 1];
  i += 2;
  const numeral = span();
  const kind = str();
  const value = num();
  const low = num();
  const high = num();
  const unit = strOrNull();
  const hedge = strOrNull();
  const hedgeKind = strOrNull();
  const counts = strOrNull();
  const delta = strOrNull();
  return {
    id, start, end, text: text.slice(start, end), numeral, kind, value, low, high, unit, hedge,
    hedgeKind, counts, delta,
  };
}

function change() {
  const cue = textSpan();
  const from = str();
  const to = str();
  const direction = str();
  const difference = num();
  const ratio = num();
  const by = strOrNull();
  return { cue, from, to, direction, difference, ratio, by, percentChange: num() };
}

function date() {
  const start = w[i];
  const end = w[i + 1];
  i += 2;
  const kind = str();
  const value = str();
  const until = strOrNull();
  const exact = strOrNull();
  const relative = w[i++] === 1;
  const ambiguous = w[i++] === 1;
  const modifier = strOrNull();
  const known = list(str);
  const implied = list(str);
  return {
    start, end, text: text.slice(start, end), kind, value, until, exact, relative, ambiguous,
    modifier, known, implied,
  };
}

function quote() {
  const id = str();
  const start = w[i];
  const end = w[i + 1];
  i += 2;
  const speaker = textSpanOrNull();
  const speakerEntity = strOrNull();
  const cue = textSpanOrNull();
  const medium = textSpanOrNull();
  const continues = strOrNull();
  const partial = w[i++] === 1;
  return {
    id, start, end, text: text.slice(start, end), speaker, speakerEntity, cue, medium, continues,
    partial,
  };
}

function report() {
  const start = w[i];
  const end = w[i + 1];
  i += 2;
  const source = textSpan();
  const sourceEntity = strOrNull();
  const cue = textSpan();
  const medium = textSpanOrNull();
  return { start, end, text: text.slice(start, end), source, sourceEntity, cue, medium };
}

function block() {
  const kind = str();
  const start = w[i];
  const end = w[i + 1];
  i += 2;
  return { kind, start, end };
}

function credit() {
  const start = w[i];
  const end = w[i + 1];
  i += 2;
  const photographer = textSpanOrNull();
  const agencies = list(textSpan);
  return { start, end, text: text.slice(start, end), photographer, agencies };
}
