// The panels added for figures, dates, quotes and reported speech (issues 4, 5, 6): the
// timeline in time order and linked to the text, the tooltip of a mark on hover and on
// keyboard focus, the reported statements, and quotes grouped by the speaker's entity.
// Run: node --test tests/e2e/ (needs www/pkg and Chromium, see page.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { PHONE, SHOTS, openPage, setup, skip, waitDone } from './helpers.mjs';
import { dateInterval } from '../../www/format.js';

setup();

// A short article written for these tests, with a hand-made analysis: one speaker named three
// ways, a quote split by its attribution, a medium, reported speech, a change size and dates
// of every TIMEX shape the timeline reads.
const TEXT = [
  'Biden vows help as storms hit Ohio',
  'WASHINGTON — Joe Biden said on Monday that aid would come soon. “We will not leave anyone behind,” Joe Biden told CNN.',
  '“It will take time,” Biden said, “but we will rebuild every town.”',
  '“I have seen the damage myself,” he said. Officials said the storms destroyed 1,400 homes, and claims fell 5% last year.',
  'The region saw worse floods in the 1990s, in summer 2020, in the first quarter of 2021 and in week 33 of 2021, and on Aug. 22, 2021, for three years or so; nobody knows about June.',
].join('\n');

function at(needle, nth = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = TEXT.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`not in the test text: ${needle} #${nth}`);
  }
  return { start: i, end: i + needle.length, text: needle };
}

function sentences(text) {
  const out = [];
  const re = /[^\n.]+(?:\.|$)/gm;
  let m;
  while ((m = re.exec(text))) {
    const lead = m[0].length - m[0].trimStart().length;
    if (m[0].trim()) out.push({ start: m.index + lead, end: m.index + m[0].length });
  }
  return out;
}

const date = (span, value, extra = {}) => ({
  ...span, kind: 'date', value, until: null, relative: false, ambiguous: false, modifier: null,
  known: ['year'], implied: [], ...extra,
});

const he = at('he said');
const ANALYSIS = {
  schemaVersion: 1,
  textLength: TEXT.length,
  referenceDate: { value: '2021-08-22', source: 'given', evidence: null },
  entities: [
    {
      id: 'e1', kind: 'person', name: 'Joe Biden', aliases: ['Biden'], salience: 1,
      mentions: [at('Biden'), at('Joe Biden'), at('Joe Biden', 1), at('Biden', 3)],
    },
    { id: 'e2', kind: 'organization', name: 'CNN', aliases: [], salience: 0.3, mentions: [at('CNN')] },
  ],
  figures: [
    { id: 'f1', ...at('1,400'), numeral: { start: at('1,400').start, end: at('1,400').end }, kind: 'count', value: 1400, low: null, high: null, unit: null, hedge: null, hedgeKind: null, counts: 'homes', delta: null },
    { id: 'f2', ...at('5%'), numeral: { start: at('5%').start, end: at('5%').start + 1 }, kind: 'percent', value: 5, low: null, high: null, unit: '%', hedge: null, hedgeKind: null, counts: null, delta: 'down' },
  ],
  changes: [],
  dates: [
    date(at('Monday'), '2021-08-16', { known: ['weekday'], implied: ['year', 'month', 'day'], relative: true }),
    date(at('last year'), '2020', { relative: true }),
    date(at('1990s'), '199', { known: ['decade'] }),
    date(at('summer 2020'), '2020-SU', { known: ['year', 'season'] }),
    date(at('the first quarter of 2021'), '2021-Q1', { known: ['year', 'quarter'] }),
    date(at('week 33 of 2021'), '2021-W33', { known: ['year', 'week'] }),
    date(at('Aug. 22, 2021'), '2021-08-22', { known: ['year', 'month', 'day'] }),
    { ...date(at('three years'), 'P3Y'), kind: 'duration', known: [] },
    date(at('June'), 'XXXX-06', { known: ['month'], implied: ['year'] }),
  ],
  quotes: [
    { id: 'q1', ...at('We will not leave anyone behind'), speaker: at('Joe Biden', 1), speakerEntity: 'e1', cue: at('told'), medium: at('CNN'), continues: null },
    { id: 'q2', ...at('It will take time'), speaker: at('Biden', 3), speakerEntity: 'e1', cue: at('said', 1), medium: null, continues: null },
    { id: 'q3', ...at('but we will rebuild every town.'), speaker: at('Biden', 3), speakerEntity: 'e1', cue: null, medium: null, continues: 'q2' },
    { id: 'q4', ...at('I have seen the damage myself'), speaker: { ...he, end: he.start + 2, text: 'he' }, speakerEntity: 'e1', cue: at('said', 2), medium: null, continues: null },
  ],
  reported: [
    { ...at('aid would come soon'), source: at('Joe Biden'), sourceEntity: 'e1', cue: at('said'), medium: null },
    { ...at('the storms destroyed 1,400 homes'), source: at('Officials'), sourceEntity: null, cue: at('said', 3), medium: null },
  ],
  structure: { blocks: [], credits: [] },
  sentences: sentences(TEXT),
};

async function renderGiven(page) {
  await page.fill('#text', TEXT);
  await page.evaluate(([t, a]) => window.__presslens.render(t, a), [TEXT, ANALYSIS]);
}

test('timeline: every dated statement in time order, durations and unknown years left out', { skip }, async (t) => {
  const page = await openPage(t);
  await renderGiven(page);
  const refs = await page.$$eval('.panel-timeline .tl-list .item', (bs) => bs.map((b) => b.dataset.refs));
  const textOf = (ref) => ANALYSIS.dates[Number(ref.slice(1)) - 1].text;
  // Shorter periods first when two start together (Monday before its week).
  assert.deepEqual(refs.map(textOf), ['1990s', 'last year', 'summer 2020', 'the first quarter of 2021',
    'Monday', 'week 33 of 2021', 'Aug. 22, 2021']);
  assert.equal(await page.textContent('.panel-timeline .count'), '7');
  const when = await page.$$eval('.panel-timeline .tl-when .tl-date', (ps) => ps.map((p) => p.textContent));
  assert.deepEqual(when, ['the 1990s', '2020', 'summer 2020', 'Q1 2021', 'Mon, Aug 16, 2021', 'week of Aug 16, 2021', 'Sun, Aug 22, 2021']);
  // Each statement shows its sentence, the date in bold; what is guessed is said.
  const monday = page.locator('.panel-timeline .item[data-refs="d1"]');
  assert.equal(await monday.locator('.hit').textContent(), 'Monday');
  assert.match(await monday.textContent(), /Joe Biden said on Monday that aid would come soon\./);
  assert.match(await monday.textContent(), /date implied/);
  assert.match(await page.textContent('.panel-timeline .tl-list'), /article date/);
  assert.ok(await page.locator('.panel-timeline .tl-gap').count() >= 1, 'long gaps are shown');
  // The axis: one bar per statement, left to right in time.
  const xs = await page.$$eval('.panel-timeline .tl-bar', (bs) => bs.map((b) => b.getBoundingClientRect().left));
  assert.equal(xs.length, 7);
  for (let i = 1; i < xs.length; i++) assert.ok(xs[i] >= xs[i - 1] - 0.5, `bar ${i} left of the one before`);

  // Clicking a statement marks its date in the text and brings it into view.
  await page.setViewportSize({ width: 1280, height: 400 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.click('.panel-timeline .item[data-refs="d7"]');
  const active = page.locator('#article mark.active');
  assert.equal(await active.count(), 1);
  assert.equal(await active.getAttribute('data-ref'), 'd7');
  assert.equal(await active.textContent(), 'Aug. 22, 2021');
  assert.equal(await page.getAttribute('.panel-timeline .item[data-refs="d7"]', 'aria-pressed'), 'true');
  await page.waitForFunction(() => {
    const r = document.querySelector('#article mark.active').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, null, { timeout: 3000 });
  // A bar on the axis does the same.
  await page.click('.panel-timeline .tl-bar[data-refs="d3"]');
  assert.equal(await page.locator('#article mark.active').getAttribute('data-ref'), 'd3');
});

test('timeline on the example, analyzed by the core: sorted by time, linked, phone and dark', { skip }, async (t) => {
  const page = await openPage(t);
  await page.click('#example');
  await waitDone(page);
  const { analysis } = await page.evaluate(() => window.__presslens.last);
  const placed = analysis.dates.map((d, i) => ({ d, ref: `d${i + 1}`, iv: dateInterval(d) })).filter((e) => e.iv);
  assert.ok(placed.length >= 5, 'the example has dates to place');
  const refs = await page.$$eval('.panel-timeline .tl-list .item', (bs) => bs.map((b) => b.dataset.refs));
  assert.equal(refs.length, placed.length, 'every point in time is on the timeline, nothing else');
  const starts = refs.map((r) => dateInterval(analysis.dates[Number(r.slice(1)) - 1])[0]);
  for (let i = 1; i < starts.length; i++) assert.ok(starts[i] >= starts[i - 1], `item ${i} out of time order`);
  // A duration is there only as the window of days it names ("the past three weeks").
  for (const r of refs) {
    const d = analysis.dates[Number(r.slice(1)) - 1];
    if (d.kind === 'duration') assert.match(d.exact || '', /^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/);
  }
  const pick = refs[Math.floor(refs.length / 2)];
  await page.click(`.panel-timeline .item[data-refs="${pick}"]`);
  assert.equal(await page.locator(`#article mark.active[data-ref="${pick}"]`).textContent(),
    analysis.dates[Number(pick.slice(1)) - 1].text);
  const panel = page.locator('.panel-timeline');
  await panel.screenshot({ path: path.join(SHOTS, 'panel-timeline-desktop.png') });
  await page.setViewportSize(PHONE);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'sideways scroll at 390px');
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: path.join(SHOTS, 'panel-timeline-phone.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await panel.screenshot({ path: path.join(SHOTS, 'panel-timeline-phone-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
});

test('figures: the number apart, change sizes, and the reading on hover and on keyboard focus', { skip }, async (t) => {
  const page = await openPage(t);
  await renderGiven(page);
  const f2 = page.locator('.panel-figure .item[data-refs="f2"]');
  assert.equal(await f2.locator('.numeral').textContent(), '5');
  assert.equal(await f2.locator('.reading').textContent(), '↓ 5%');
  assert.match(await f2.textContent(), /fall/);
  assert.equal(await page.textContent('.panel-figure .item[data-refs="f1"] .reading'), '1,400');

  // Hover shows the tooltip; leaving hides it.
  assert.equal(await page.isVisible('#tip'), false);
  await page.hover('#article mark[data-ref="f1"]');
  assert.equal(await page.isVisible('#tip'), true);
  assert.equal(await page.textContent('#tip .tip-main'), '1,400');
  assert.match(await page.textContent('#tip'), /homes/);
  await page.mouse.move(5, 5);
  assert.equal(await page.isVisible('#tip'), false);

  // Keyboard: Tab from the last legend toggle enters the text at one mark (not one stop per
  // mark), the arrows move between marks, and the tooltip follows the focus.
  assert.equal(await page.locator('#article [tabindex="0"]').count(), 1);
  await page.focus('#legend label:last-of-type input');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('#article') !== null && document.activeElement.tagName), 'MARK');
  assert.equal(await page.isVisible('#tip'), true);
  let kind = '';
  for (let i = 0; i < 40 && kind !== 'figure'; i++) {
    await page.keyboard.press('ArrowRight');
    kind = await page.evaluate(() => document.activeElement.dataset.kind);
  }
  assert.equal(kind, 'figure');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.ref), 'f1');
  assert.equal(await page.isVisible('#tip'), true);
  assert.equal(await page.textContent('#tip .tip-main'), '1,400');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-describedby')), 'tip');
  assert.equal(await page.getAttribute('#tip', 'role'), 'tooltip');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.ref), 'f2');
  assert.equal(await page.textContent('#tip .tip-main'), '↓ 5%');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('.panel-figure .item[data-refs="f2"]', 'aria-pressed'), 'true');
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#tip'), false);
  // Still one tab stop in the text.
  assert.equal(await page.locator('#article [tabindex="0"]').count(), 1);
  // A date's tooltip gives the date in words and what was guessed.
  await page.hover('#article mark[data-ref="d1"]');
  assert.match(await page.textContent('#tip'), /Mon, Aug 16, 2021.*2021-08-16.*implied/s);
  await page.screenshot({ path: path.join(SHOTS, 'tooltip-date-desktop.png'), clip: { x: 0, y: 0, width: 1280, height: 500 } });
});

test('quotes grouped by the speaker entity, parts joined, medium; reported statements apart', { skip }, async (t) => {
  const page = await openPage(t);
  await renderGiven(page);
  const groups = page.locator('.panel-quote .quote-group');
  assert.equal(await groups.count(), 1, '"Joe Biden", "Biden" and "he" are one speaker');
  assert.match(await groups.locator('.speaker').textContent(), /^Joe Biden3$/);
  // The quote split by "Biden said" is one statement.
  const items = await page.$$eval('.panel-quote .item', (bs) => bs.map((b) => [b.dataset.refs, b.querySelector('.quote-text').textContent]));
  assert.deepEqual(items, [
    ['q1', 'We will not leave anyone behind'],
    ['q2 q3', 'It will take time … but we will rebuild every town.'],
    ['q4', 'I have seen the damage myself'],
  ]);
  assert.match(await page.textContent('.panel-quote .item[data-refs="q1"]'), /Joe Biden told.*to CNN/);
  assert.match(await page.textContent('.panel-quote .item[data-refs="q4"]'), /— he said/);
  await page.click('.panel-quote .item[data-refs="q2 q3"]');
  assert.equal(await page.locator('#article mark.active[data-kind="quote"]').count(), 2);
  // Clicking the second part in the text selects the whole statement.
  await page.click('.panel-quote .item[data-refs="q2 q3"]');
  await page.click('#article mark[data-ref="q3"]');
  assert.equal(await page.getAttribute('.panel-quote .item[data-refs="q2 q3"]', 'aria-pressed'), 'true');

  // Reported speech: its own panel, in text order, linked to the text by a highlight.
  assert.equal(await page.locator('.panel-reported .item').count(), 2);
  assert.equal(await page.textContent('.panel-reported .item[data-refs="r1"] .reported-source'), 'Joe Biden');
  assert.match(await page.textContent('.panel-reported .item[data-refs="r2"]'), /Officials\s*said\s*the storms destroyed 1,400 homes/);
  const highlighted = (name) => page.evaluate((n) => {
    const h = CSS.highlights.get(n);
    return h ? [...h].map((r) => r.toString()) : null;
  }, name);
  assert.deepEqual(await highlighted('reported'), ['aid would come soon', 'the storms destroyed 1,400 homes']);
  await page.click('.panel-reported .item[data-refs="r2"]');
  assert.deepEqual(await highlighted('reported-active'), ['the storms destroyed 1,400 homes']);
  assert.equal(await page.getAttribute('.panel-reported .item[data-refs="r2"]', 'aria-pressed'), 'true');
  // The reported highlight never changes the marks: nesting stays as it was.
  assert.equal(await page.locator('#article mark[data-kind="reported"]').count(), 0);
  await page.click('.panel-person .item[data-refs="e1"]');
  assert.equal(await highlighted('reported-active'), null);
  // Its legend toggle.
  await page.click('.toggle[data-kind="reported"]');
  assert.equal(await highlighted('reported'), null);
  await page.click('.toggle[data-kind="reported"]');
  assert.equal((await highlighted('reported')).length, 2);
});

test('the example: reported and quote panels from the core, screenshots', { skip }, async (t) => {
  const page = await openPage(t);
  await page.click('#example');
  await waitDone(page);
  const { analysis } = await page.evaluate(() => window.__presslens.last);
  assert.equal(await page.locator('.panel-reported .item').count(), analysis.reported.length);
  assert.ok(analysis.reported.length > 0, 'the example has reported speech');
  // Every attributed quote sits under its entity's name.
  const names = new Map(analysis.entities.map((e) => [e.id, e.name]));
  for (const [i, q] of analysis.quotes.entries()) {
    if (!q.speakerEntity) continue;
    const group = page.locator(`.panel-quote .quote-group[data-speaker="${q.speakerEntity}"]`);
    assert.equal(await group.count(), 1, `one group for ${q.speakerEntity}`);
    assert.ok((await group.locator('.speaker').textContent()).startsWith(names.get(q.speakerEntity)));
    assert.equal(await group.locator(`.item[data-refs~="q${i + 1}"]`).count(), 1);
  }
  await page.click('.panel-reported .item[data-refs="r1"]');
  const ranges = await page.evaluate(() => [...CSS.highlights.get('reported-active')].map((r) => r.toString()));
  assert.equal(ranges[0].replace(/\s+/g, ' '), analysis.reported[0].text.replace(/\s+/g, ' '));
  await page.hover('#article mark[data-kind="figure"] >> nth=2');
  await page.screenshot({ path: path.join(SHOTS, 'panels-desktop.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(SHOTS, 'panels-dark-desktop.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: path.join(SHOTS, 'panels-phone.png'), fullPage: true });
  // The article date field still re-analyzes.
  const before = await page.textContent('.panel-timeline .tl-list');
  await page.fill('#date', '2030-06-15');
  await page.waitForFunction(() => window.__presslens.last?.analysis.referenceDate?.value === '2030-06-15', null, { timeout: 15_000 });
  await waitDone(page);
  assert.match(await page.textContent('#date-info'), /Using Sat, Jun 15, 2030, as you set it/);
  assert.notEqual(await page.textContent('.panel-timeline .tl-list'), before, 'relative dates moved with the article date');
});
