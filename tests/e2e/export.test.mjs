// The pure parts of the page under Node (no browser): file formats' escaping and quoting,
// file names, and Markdown to text. The browser tests read the same functions' files back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, escapeHtml, escapeMd, headlineOf, sentenceFinder, slugify, toCSV } from '../../www/export.js';
import { markdownToText, defuse } from '../../www/clean.js';

test('CSV cells: RFC 4180 quoting and formula guard', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(0), '0');
  assert.equal(csvCell(-12.5), '-12.5');
  assert.equal(csvCell('=1+1'), "'=1+1");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('-5'), '-5');
  assert.equal(csvCell({ start: 1, end: 2, text: 'x' }), 'x');
});

test('HTML and Markdown escaping', () => {
  assert.equal(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  assert.equal(escapeMd('<b>*x*</b> [l](u) `c` & _y_ #h |t| ~s~'),
    '\\<b\\>\\*x\\*\\</b\\> \\[l\\](u) \\`c\\` \\& \\_y\\_ \\#h \\|t\\| \\~s\\~');
  assert.equal(escapeMd('1. not a list'), '1\\. not a list');
  assert.equal(escapeMd('- not a list\nnext'), '\\- not a list next');
});

test('file names from the headline', () => {
  assert.equal(slugify('Floodwaters force thousands from homes along the Cass River'), 'floodwaters-force-thousands-from-homes-along');
  assert.equal(slugify('Café owners in Zürich’s old town'), 'cafe-owners-in-zurichs-old-town');
  assert.equal(slugify('<script>!!!</script>'), 'script-script');
  assert.equal(slugify('???'), 'article');
  assert.equal(slugify('x'.repeat(80)).length, 48);
  const text = 'First line of a text without headline block\nSecond.';
  assert.equal(headlineOf(text, { structure: { blocks: [] } }), 'First line of a text without headline block');
  assert.equal(headlineOf(text, { structure: { blocks: [{ kind: 'headline', start: 0, end: 10 }] } }), 'First line');
});

test('sentences around offsets, and CSV rows with a sentence each', () => {
  const text = 'One here. Two there.';
  const a = { sentences: [{ start: 0, end: 9 }, { start: 10, end: 20 }], figures: [
    { id: 'f1', start: 0, end: 3, text: 'One', kind: 'count', value: 1, low: null, high: null, unit: null, hedge: null, hedgeKind: null, counts: null, known: true },
  ] };
  const find = sentenceFinder(text, a);
  assert.equal(find(0), 'One here.');
  assert.equal(find(12), 'Two there.');
  assert.equal(find(9), '');
  const csv = toCSV('figures', text, a);
  assert.ok(csv.startsWith('\uFEFFfigure,text,kind,'));
  assert.match(csv, /,known,sentence\r\nf1,One,count,1,.*,true,One here\.\r\n$/);
});

test('Markdown to text: one block per line', () => {
  const md = '# Title *here*\n\nA paragraph\nwrapped over [two](http://x) lines.\n\n* item one\n* **item** two\n\n> quoted\n\n![img](x.png)\n\n```\ncode line\n```\n\n[ref]: http://x\n\nSub\n---\n';
  assert.equal(markdownToText(md), 'Title here\nA paragraph wrapped over two lines.\nitem one\nitem two\nquoted\ncode line\nSub');
  assert.equal(markdownToText('snake_case_name and 2*3*4'), 'snake_case_name and 2*3*4');
});

test('defuse renames inline styles and handlers inside tags only', () => {
  assert.equal(defuse('<p style="x" onclick="y">style="z" onload=</p><style>p{}</style>'),
    '<p data-x-style="x" data-x-onclick="y">style="z" onload=</p><x-style>p{}</x-style>');
});
