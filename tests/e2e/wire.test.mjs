// The page's result is the CLI's: the wasm's packed words, decoded by www/wire.js as the
// worker does, must give the very objects JSON.parse makes of `presslens analyze --jsonl`'s
// lines (same keys in the same order, same values), with and without a reference date, on the
// repository's articles, on text that stresses the UTF-8/UTF-16 conversion and fills every
// optional field, and, when ../shared is there, on 300 news articles.
// Needs the page's build (scripts/build-wasm.sh) and builds the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeAnalysis, wellFormed } from '../../www/wire.js';
import { corpus } from '../../bench/analyzer.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = path.join(ROOT, 'www', 'pkg');
const DATE = '2021-08-27';

const pkg = await import(path.join(PKG, 'presslens.js'));
pkg.initSync({ module: readFileSync(path.join(PKG, 'presslens_bg.wasm')) });
const utf8 = new TextEncoder();

/** As the worker calls it. */
function page(text, date) {
  return decodeAnalysis(pkg.analyzeWire(utf8.encode(text), date), text);
}

/** The CLI's analyses of `texts`, parsed: one process, one JSON line each. */
function cli(texts, date = DATE) {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'presslens'], { cwd: ROOT, stdio: 'inherit' });
  const input = texts.map((text, id) => JSON.stringify({ id, text })).join('\n');
  const out = execFileSync(path.join(ROOT, 'target', 'debug', 'presslens'),
    ['analyze', '--jsonl', ...(date ? ['--reference-date', date] : [])], { input, maxBuffer: 1 << 30 });
  return out.toString().trim().split('\n').map((line) => {
    const { id, ...analysis } = JSON.parse(line);
    assert.equal(analysis.error, undefined, `CLI failed on text ${id}: ${analysis.error}`);
    return analysis;
  });
}

/**
 * JSON.stringify, except that the numbers it would write as something else stay apart: it
 * writes NaN and Infinity as null and -0 as 0.
 */
const exact = (v) => JSON.stringify(v, (k, x) => (typeof x === 'number' && (!Number.isFinite(x) || Object.is(x, -0)) ? `number ${Object.is(x, -0) ? '-0' : x}` : x));

/**
 * Equal as `exact` writes them, which also compares the order of the keys; on a difference,
 * the first path where they part says more than two long strings.
 */
function assertSame(got, want, where) {
  if (exact(got) === exact(want)) return;
  const walk = (a, b, p) => {
    if (exact(a) === exact(b)) return null;
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      const ka = Object.keys(a);
      const kb = Object.keys(b);
      if (ka.join() !== kb.join()) return `${p}: keys ${ka} against ${kb}`;
      for (const k of ka) {
        const d = walk(a[k], b[k], `${p}.${k}`);
        if (d) return d;
      }
    }
    return `${p}: ${exact(a)?.slice(0, 200)} against ${exact(b)?.slice(0, 200)}`;
  };
  assert.fail(`${where}: the page's result differs from the CLI's at ${walk(got, want, '')}`);
}

/** The paths (`.dates[].modifier`) that hold a value other than null, false or [] somewhere. */
function filled(value, p = '', out = new Set()) {
  if (Array.isArray(value)) {
    if (value.length) out.add(p);
    for (const v of value) filled(v, `${p}[]`, out);
  } else if (value && typeof value === 'object') {
    out.add(p);
    for (const [k, v] of Object.entries(value)) filled(v, `${p}.${k}`, out);
  } else if (value !== null && value !== false) {
    out.add(p);
  }
  return out;
}

const read = (p) => readFileSync(path.join(ROOT, p), 'utf8');

const STRESS = [
  '',
  '😀',
  'Emoji first 😀 then 👩‍👩‍👧‍👦 family and flags 🇺🇸🇫🇷: Angela Merkel met 2,500 people in Berlin on March 3, 2021.',
  'Café owner José Núñez and Jose\u0301 Nu\u0303n\u0303ez said: “We lost 40% of sales,” on Tuesday.',
  '“It’s over,” said Maria O’Neill, 54. ‘Really?’ asked the 3rd reporter — about $1.2 billion, up from $900 million.',
  'Beijing 北京 reported 1,200 cases; 習近平 visited Tokyo 東京 on 5 May. 中文句子。',
  'وقال الرئيس إن 300 شخص قتلوا. The Israeli minister Yair Lapid spoke in Tel Aviv (תל אביב) on Monday.',
  'Headline With 🎉 Emoji\n\nBy Jane Doe 👩🏽‍💻\n\nThe mayor said 10 million 🏳️‍🌈 flags flew.\nPhoto: Jane Roe/AP',
  'Control \u0001 chars \u001f and "quotes" \\ backslashes in a name: Mr. \u00c9lan "Bo" Smith said 1e-7 of 3/4 rose 0.1%.',
  // Every optional field of the schema, filled at least once (checked below).
  [
    'River Towns Brace for Record Flood',
    '',
    'By Jane Roe',
    '',
    'Residents fill sandbags in Harlow on Monday. (AP Photo/John Smith)',
    '',
    'HARLOW, England, March 12, 2025 — The Harlow River Authority (HRA) said on 3/4/2025 that',
    'water levels rose 5% from 200 centimetres early last year, and the first four months of 2024',
    'were the wettest on record. Insurance claims climbed to $3 million, up from $2 million,',
    'and repairs reached $210 million, up 5% from $200 million.',
    '',
    '“We have never seen it this high,” Mayor Omar Diaz told the BBC, “and it is still rising.”',
    'He called the barriers “a total disaster for the town” on Sunday.',
    '“Nobody listened to us for years,” Diaz added.',
    '',
    'Officials told Reuters that nearly 1,200 people had left their homes.',
  ].join('\n'),
];

/** What the decoder must get right at least once on the repository's own inputs. */
const MUST_FILL = [
  '.referenceDate.evidence', '.entities[].aliases', '.figures[].low', '.figures[].high',
  '.figures[].unit', '.figures[].hedge', '.figures[].hedgeKind', '.figures[].counts',
  '.figures[].delta', '.changes[].by', '.changes[].difference', '.changes[].ratio',
  '.changes[].percentChange', '.dates[].until', '.dates[].exact', '.dates[].relative',
  '.dates[].ambiguous', '.dates[].modifier', '.dates[].known', '.dates[].implied',
  '.quotes[].speaker', '.quotes[].speakerEntity', '.quotes[].cue', '.quotes[].medium',
  '.quotes[].continues', '.quotes[].partial', '.reported[].sourceEntity', '.reported[].medium',
  '.structure.credits[].photographer', '.structure.credits[].agencies',
];

test('the page decodes what the CLI prints: repository articles and awkward text', () => {
  const texts = [
    read('www/sample-article.txt'),
    read('tests/fixtures/messy-flood-article.txt'),
    read('tests/e2e/fixtures/short-article.txt'),
    ...STRESS,
  ];
  const seen = new Set();
  for (const date of [DATE, null]) {
    const want = cli(texts, date);
    texts.forEach((text, k) => {
      assertSame(page(text, date ?? undefined), want[k], `text ${k}, reference date ${date}`);
      filled(want[k], '', seen);
    });
  }
  const missing = MUST_FILL.filter((p) => !seen.has(p));
  assert.deepEqual(missing, [], 'no input fills these fields: the comparison does not cover them');
});

test('a lone surrogate reads as U+FFFD, one unit, as the CLI reads the replaced text', () => {
  const text = 'Mayor Anne Hidalgo said in Paris \ud83d that 12 people came on 3 May 2022. \ude00 Then “quote,” she said.';
  const got = page(text, DATE);
  assertSame(got, cli([text.toWellFormed()])[0], 'lone surrogates');
  assert.equal(got.textLength, text.length);
});

test('the page decodes what the CLI prints: 300 news articles', (t) => {
  const { articles, shared } = corpus(ROOT);
  if (!shared) {
    t.skip('../shared/data is not here (a clone has no news corpus)');
    return;
  }
  const texts = articles.slice(0, 300);
  const want = cli(texts);
  texts.forEach((text, k) => assertSame(page(text, DATE), want[k], `article ${k}`));
});

test('a result the decoder cannot read is refused with a message, not misread', () => {
  const text = 'Joe Biden met 3 people in Paris on Monday.';
  const words = pkg.analyzeWire(utf8.encode(text), DATE);
  assert.doesNotThrow(() => decodeAnalysis(words, text));
  // Cut short, or its header moved: the values do not end where the strings begin.
  assert.throws(() => decodeAnalysis(words.slice(0, words.length - 1), text), /not a packed analysis/);
  const shifted = words.slice();
  shifted[1] += 1;
  assert.throws(() => decodeAnalysis(shifted, text), /not a packed analysis/);
  // Another text than the one analyzed.
  assert.throws(() => decodeAnalysis(words, text.slice(1)), /not a packed analysis of this text/);
  // A wasm of another format than this decoder's (a cached file after a deploy).
  const other = words.slice();
  other[0] += 1;
  assert.throws(() => decodeAnalysis(other, text), /out of step.*reload the page/);
  assert.throws(() => decodeAnalysis(new Uint32Array(0), ''), /out of step/);
});

test('lone surrogates are replaced as TextEncoder replaces them, also without toWellFormed', () => {
  const text = 'a\ud800b\udc00c😀\ud83d';
  const want = 'a\ufffdb\ufffdc😀\ufffd';
  assert.equal(wellFormed(text), want);
  const own = String.prototype.toWellFormed;
  try {
    delete String.prototype.toWellFormed;
    assert.equal(wellFormed(text), want);
  } finally {
    String.prototype.toWellFormed = own; // eslint-disable-line no-extend-native
  }
  assert.equal(new TextDecoder().decode(utf8.encode(text)), want);
});
