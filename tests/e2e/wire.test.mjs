// The page's result is the CLI's: the wasm's packed words, decoded by www/wire.js as the
// worker does, must give the very objects JSON.parse makes of `presslens analyze --jsonl`'s
// lines (same keys in the same order, same values), on the repository's articles, on text that
// stresses the UTF-8/UTF-16 conversion and, when ../shared is there, on 300 news articles.
// Needs the page's build (scripts/build-wasm.sh) and builds the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeAnalysis } from '../../www/wire.js';
import { corpus } from '../../bench/analyzer.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = path.join(ROOT, 'www', 'pkg');
const DATE = '2021-08-27';

const pkg = await import(path.join(PKG, 'presslens.js'));
pkg.initSync({ module: readFileSync(path.join(PKG, 'presslens_bg.wasm')) });
const utf8 = new TextEncoder();

/** As the worker calls it. */
function page(text, date) {
  return decodeAnalysis(pkg.analyzeWire(utf8.encode(text), date), text.toWellFormed());
}

/** The CLI's analyses of `texts`, parsed: one process, one JSON line each. */
function cli(texts) {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'presslens'], { cwd: ROOT, stdio: 'inherit' });
  const input = texts.map((text, id) => JSON.stringify({ id, text })).join('\n');
  const out = execFileSync(path.join(ROOT, 'target', 'debug', 'presslens'),
    ['analyze', '--jsonl', '--reference-date', DATE], { input, maxBuffer: 1 << 30 });
  return out.toString().trim().split('\n').map((line) => {
    const { id, ...analysis } = JSON.parse(line);
    assert.equal(analysis.error, undefined, `CLI failed on text ${id}: ${analysis.error}`);
    return analysis;
  });
}

/**
 * Equal as JSON.stringify writes them, which also compares the order of the keys; on a
 * difference, the first path where they part says more than two long strings.
 */
function assertSame(got, want, where) {
  if (JSON.stringify(got) === JSON.stringify(want)) return;
  const walk = (a, b, p) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return null;
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      const ka = Object.keys(a);
      const kb = Object.keys(b);
      if (ka.join() !== kb.join()) return `${p}: keys ${ka} against ${kb}`;
      for (const k of ka) {
        const d = walk(a[k], b[k], `${p}.${k}`);
        if (d) return d;
      }
    }
    return `${p}: ${JSON.stringify(a)?.slice(0, 200)} against ${JSON.stringify(b)?.slice(0, 200)}`;
  };
  assert.fail(`${where}: the page's result differs from the CLI's at ${walk(got, want, '')}`);
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
];

test('the page decodes what the CLI prints: repository articles and awkward text', () => {
  const texts = [
    read('www/sample-article.txt'),
    read('tests/fixtures/messy-flood-article.txt'),
    read('tests/e2e/fixtures/short-article.txt'),
    ...STRESS,
  ];
  const want = cli(texts);
  texts.forEach((text, k) => assertSame(page(text, DATE), want[k], `text ${k}`));
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

test('a damaged packed result is refused, not misread', () => {
  const words = pkg.analyzeWire(utf8.encode('Joe Biden met 3 people in Paris on Monday.'), DATE);
  const text = 'Joe Biden met 3 people in Paris on Monday.';
  assert.doesNotThrow(() => decodeAnalysis(words, text));
  assert.throws(() => decodeAnalysis(words.slice(0, words.length - 1), text), /not a packed analysis/);
  const shifted = words.slice();
  shifted[0] += 1;
  assert.throws(() => decodeAnalysis(shifted, text), /not a packed analysis/);
});
