// End-to-end tests of the page in a real (Debian's) Chromium, served under a sub-path the way
// GitHub Pages serves a project site. Run: node --test tests/e2e/
// Needs the wasm build in www/pkg (scripts/build-wasm.sh) and /usr/bin/chromium (or
// CHROMIUM_PATH); without a browser the tests skip and say so.
//
// Every page fails its test on a console error, an uncaught exception, a dialog (an alert()
// from injected markup would be one) or any request leaving 127.0.0.1 (see helpers.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  PHONE, SAMPLE, SHORT, SHORT_ANALYSIS, SHOTS, openPage, setup, skip, waitDone,
} from './helpers.mjs';

setup();

/**
 * Checks the rendered article against window.__presslens.last, in the page: every mark's text
 * is text.slice(start, end); every span the layout kept is rendered whole (pieces split only
 * at block boundaries); marks nest properly; no text is lost.
 */
function checkRendering(page) {
  return page.evaluate(() => {
    const { text, analysis, layout } = window.__presslens.last;
    const problems = [];
    const article = document.getElementById('article');
    const marks = [...article.querySelectorAll('mark')];
    const pieces = new Map();
    const squash = (s) => s.replace(/\s+/g, '');
    for (const m of marks) {
      const s = Number(m.dataset.start);
      const e = Number(m.dataset.end);
      if (m.textContent !== text.slice(s, e)) {
        problems.push(`mark ${m.dataset.kind} ${s}:${e} shows ${JSON.stringify(m.textContent)}, text has ${JSON.stringify(text.slice(s, e))}`);
      }
      const key = `${m.dataset.kind}|${m.dataset.ref}|${m.dataset.span}`;
      if (!pieces.has(key)) pieces.set(key, []);
      pieces.get(key).push(m);
      const parent = m.parentElement.closest('mark');
      if (m.dataset.kind === 'quote' && parent) problems.push(`quote nested in ${parent.dataset.kind}`);
      if (m.dataset.kind !== 'quote' && parent && parent.dataset.kind !== 'quote') {
        problems.push(`${m.dataset.kind} nested in ${parent.dataset.kind}`);
      }
    }
    const kept = [...layout.outer.filter((s) => s.kind !== 'credit'), ...layout.inner];
    for (const sp of kept) {
      const list = pieces.get(`${sp.kind}|${sp.ref}|${sp.start}:${sp.end}`);
      if (!list) {
        problems.push(`span ${sp.kind} ${sp.start}:${sp.end} not rendered`);
        continue;
      }
      // Pieces are cut only at block boundaries, so together they hold all of the span's
      // text but the whitespace between blocks.
      const joined = list.map((m) => m.textContent).join('');
      if (squash(joined) !== squash(text.slice(sp.start, sp.end)) ||
          Number(list[0].dataset.start) < sp.start || Number(list.at(-1).dataset.end) > sp.end) {
        problems.push(`span ${sp.kind} ${sp.start}:${sp.end} rendered incompletely`);
      }
      const whole = text.slice(sp.start, sp.end);
      if (list.length === 1 && whole.trim() === whole && list[0].textContent !== whole) {
        problems.push(`span ${sp.kind} ${sp.start}:${sp.end} text differs`);
      }
    }
    const spanCount = (analysis.entities || []).reduce((n, e) => n + e.mentions.length, 0) +
      (analysis.figures || []).length + (analysis.dates || []).length +
      (analysis.quotes || []).length + (analysis.structure?.credits || []).length;
    const accounted = layout.outer.length + layout.inner.length + layout.dropped.length;
    if (spanCount !== accounted) problems.push(`${spanCount} spans in the analysis, ${accounted} laid out`);
    if (squash(article.textContent) !== squash(text)) problems.push('the article text differs from the input');
    return {
      problems,
      marks: marks.length,
      kinds: [...new Set(marks.map((m) => m.dataset.kind))].sort(),
      dropped: layout.dropped.map((d) => `${d.kind}:${text.slice(d.start, d.end)}`),
    };
  });
}

/** The core's contract: every TextSpan's text is text.slice(start, end) in UTF-16 units. */
function assertSpansMatch(text, analysis) {
  const spans = [];
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (typeof v.start === 'number' && typeof v.end === 'number' && typeof v.text === 'string') spans.push(v);
      Object.values(v).forEach(walk);
    }
  };
  walk(analysis);
  for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text, `span ${s.start}:${s.end}`);
  for (const s of analysis.sentences) {
    assert.ok(s.start >= 0 && s.start < s.end && s.end <= text.length, `sentence ${s.start}:${s.end}`);
  }
  assert.equal(analysis.textLength, text.length);
}

test('the example article: analyze, highlights match the analysis, panels, screenshots', { skip }, async (t) => {
  const page = await openPage(t);
  assert.match(await page.title(), /presslens/);
  await page.screenshot({ path: path.join(SHOTS, 'page-empty-desktop.png'), fullPage: true });
  await page.click('#example');
  const status = await waitDone(page);
  assert.match(status, /Analyzed [\d,]+ words in [\d.]+ ms/);
  assert.equal(await page.inputValue('#text'), SAMPLE);
  const last = await page.evaluate(() => window.__presslens.last);
  assertSpansMatch(SAMPLE, last.analysis);
  const r = await checkRendering(page);
  assert.deepEqual(r.problems, []);
  assert.equal(await page.locator("#panels details.panel").count(), 8);
  for (const name of ['People', 'Organizations', 'Places', 'Figures', 'Dates', 'Timeline', 'Quotes', 'Reported']) {
    assert.equal(await page.locator('#panels summary', { hasText: name }).count(), 1, name);
  }
  assert.match(await page.textContent('#version'), /presslens \d+\.\d+\.\d+/);
  // The real core finds every kind in the example, and the panels list what it found.
  for (const kind of ['person', 'organization', 'place', 'figure', 'date', 'quote']) {
    assert.ok(await page.locator(`#article mark[data-kind="${kind}"]`).count() > 0, `no ${kind} highlighted`);
  }
  assert.ok(last.analysis.entities.some((e) => e.kind === 'person' && /Okafor/.test(e.name)), 'the example names Amara Okafor');
  assert.ok(last.analysis.quotes.some((q) => q.speaker), 'quotes have speakers');
  assert.ok(await page.locator('#panels li').count() >= 20, 'panels list the results');
  await page.screenshot({ path: path.join(SHOTS, 'page-sample-desktop.png'), fullPage: true });
  await page.screenshot({ path: path.join(SHOTS, 'page-sample-viewport.png') });
});

test('a rich analysis renders: nesting, overlaps, blocks, credits, panels, linking', { skip }, async (t) => {
  const page = await openPage(t);
  await page.fill('#text', SHORT);
  await page.evaluate(([text, a]) => window.__presslens.render(text, a), [SHORT, SHORT_ANALYSIS]);
  const r = await checkRendering(page);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.kinds, ['date', 'figure', 'organization', 'person', 'place', 'quote']);
  // The place inside the organization's name gives way to the longer span.
  assert.deepEqual(r.dropped, ['place:Zürich']);
  // Inner marks sit inside the quote.
  assert.equal(await page.locator('#article mark[data-kind="quote"] mark[data-kind="figure"]').textContent(), 'CHF 2.5 million');
  assert.equal(await page.locator('#article mark[data-kind="quote"] mark[data-kind="date"]').textContent(), '30 years');
  // Blocks: headline, caption with its credit apart, and the line outside every block.
  assert.equal(await page.locator('#article .blk-headline').textContent(), SHORT.split('\n')[0]);
  assert.equal(await page.locator('#article .blk-caption .credit').textContent(), 'Photo / Maëlle Roux');
  assert.equal(await page.locator('#article .blk-loose').textContent(), 'Editing by Ana Šimić');
  const captionStyle = await page.$eval('#article .blk-caption', (e) => getComputedStyle(e).fontStyle);
  assert.equal(captionStyle, 'italic');
  // Labels come from CSS, not from text.
  const label = await page.$eval('#article mark[data-kind="person"][data-label]', (m) => getComputedStyle(m, '::after').content);
  assert.equal(label, '"person"');
  // Panels.
  assert.match(await page.textContent('.panel-person'), /José Núñez.*3×/s);
  assert.match(await page.textContent('.panel-figure'), /≥ 12%/);
  assert.match(await page.textContent('.panel-figure'), /≥ 12% vs 5%: \+7, ×2\.4/);
  assert.match(await page.textContent('.panel-figure'), /40 – 60/);
  assert.match(await page.textContent('.panel-date'), /Fri, Jun 6, 2025/);
  assert.match(await page.textContent('.panel-date'), /January 2025 – May 2025/);
  assert.match(await page.textContent('.panel-quote'), /José Núñez.*Unattributed/s);
  assert.match(await page.textContent('#date-info'), /Detected Fri, Jun 6, 2025, the latest full date in the text: Friday, June 6, 2025/);

  // Activating an item marks all its mentions, by mouse and by keyboard, and toggles off.
  await page.click('.panel-person .item[data-refs="e1"]');
  assert.equal(await page.locator('#article mark.active').count(), 3);
  assert.equal(await page.locator('#article mark.active[data-ref="e1"]').count(), 3);
  await page.focus('.panel-figure .item[data-refs="f3"]');
  await page.keyboard.press('Enter');
  assert.deepEqual(await page.$$eval('#article mark.active', (ms) => ms.map((m) => m.textContent)), ['CHF 2.5 million']);
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#article mark.active').count(), 0);
  await page.click('.panel-figure .item[data-refs="f1 f2"]');
  assert.equal(await page.locator('#article mark.active').count(), 2);
  await page.click('.panel-quote .item[data-refs="q2"]');
  assert.equal(await page.locator('#article mark.active[data-kind="quote"]').count(), 1);

  // Switching a kind off removes its styling, not its text.
  const bg = () => page.$eval('#article mark[data-kind="person"]', (m) => getComputedStyle(m).backgroundColor);
  assert.notEqual(await bg(), 'rgba(0, 0, 0, 0)');
  await page.click('.toggle[data-kind="person"]');
  await page.waitForFunction(() => getComputedStyle(document.querySelector('#article mark[data-kind="person"]')).backgroundColor === 'rgba(0, 0, 0, 0)');
  assert.equal(await page.$eval('#article mark[data-kind="person"][data-label]', (m) => getComputedStyle(m, '::after').content), 'none');
  await page.click('.toggle[data-kind="person"]');
  await page.click('.panel-figure .item[data-refs="f1 f2"]');
  await page.screenshot({ path: path.join(SHOTS, 'page-rich-desktop.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(SHOTS, 'page-rich-dark-desktop.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: path.join(SHOTS, 'page-rich-phone.png'), fullPage: true });
  const top = await page.$eval('#results', (r) => r.getBoundingClientRect().top + window.scrollY);
  await page.screenshot({ path: path.join(SHOTS, 'page-rich-phone-results.png'), fullPage: true, clip: { x: 0, y: top - 10, width: PHONE.width, height: 1100 } });
});

test('random overlapping spans and blocks always render with proper nesting', { skip }, async (t) => {
  const page = await openPage(t);
  let seed = 12345;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const span = (len) => {
    const start = rand(len);
    const end = Math.min(len, start + 1 + rand(40));
    return { start, end };
  };
  const text = SHORT;
  const len = text.length;
  for (let round = 0; round < 150; round++) {
    const tspan = () => { const s = span(len); return { ...s, text: text.slice(s.start, s.end) }; };
    const blocks = [];
    let p = 0;
    while (p < len && blocks.length < 8) {
      const s = p + rand(30);
      const e = Math.min(len, s + 1 + rand(200));
      if (s >= len) break;
      blocks.push({ kind: ['headline', 'caption', 'paragraph', 'subheading', 'byline'][rand(5)], start: s, end: e });
      p = e + rand(4) - 1; // now and then overlapping the last block
    }
    const analysis = {
      ...SHORT_ANALYSIS,
      entities: Array.from({ length: 4 }, (_, i) => ({
        id: `e${i + 1}`, kind: ['person', 'organization', 'place'][rand(3)], name: `n${i}`, aliases: [],
        mentions: Array.from({ length: 1 + rand(5) }, tspan), salience: 0.5,
      })),
      figures: Array.from({ length: rand(8) }, (_, i) => ({ ...SHORT_ANALYSIS.figures[0], id: `f${i + 1}`, ...tspan() })),
      dates: Array.from({ length: rand(8) }, () => ({ ...SHORT_ANALYSIS.dates[0], ...tspan() })),
      quotes: Array.from({ length: rand(5) }, () => ({ ...SHORT_ANALYSIS.quotes[1], ...tspan() })),
      changes: [],
      structure: { blocks: rand(4) ? blocks : [], credits: Array.from({ length: rand(2) }, () => ({ ...tspan(), photographer: null, agencies: [] })) },
    };
    await page.evaluate(([x, a]) => window.__presslens.render(x, a), [text, analysis]);
    const r = await checkRendering(page);
    assert.deepEqual(r.problems, [], `round ${round}`);
  }
});

test('emoji, accents and curly quotes: Ctrl+Enter, UTF-16 offsets, text survives reload', { skip }, async (t) => {
  const page = await openPage(t);
  await page.fill('#text', SHORT);
  await page.focus('#text');
  await page.keyboard.press('Control+Enter');
  await waitDone(page);
  const last = await page.evaluate(() => window.__presslens.last);
  assert.equal(last.text, SHORT);
  assertSpansMatch(SHORT, last.analysis);
  assert.deepEqual((await checkRendering(page)).problems, []);
  await page.waitForTimeout(400); // the save is debounced
  await page.reload();
  assert.equal(await page.inputValue('#text'), SHORT);
  await waitDone(page); // restored text is analyzed again
  // Clear forgets it.
  await page.click('#clear');
  assert.equal(await page.inputValue('#text'), '');
  assert.equal(await page.getAttribute('#results', 'data-state'), 'idle');
  await page.reload();
  assert.equal(await page.inputValue('#text'), '');
});

test('markup in the text is shown as text and never runs', { skip }, async (t) => {
  const page = await openPage(t);
  const evil = 'Breaking <img src=x onerror="window.__pwned=1;alert(1)"> news\n' +
    '<script>window.__pwned=2</script> said <b onmouseover=alert(2)>Ann Lee</b> on Monday.\n' +
    '"<iframe src=javascript:alert(3)>" & &amp; &lt;';
  await page.fill('#text', evil);
  await page.click('#analyze');
  await waitDone(page);
  assert.equal(await page.locator('#article img, #article script, #article iframe, #article b').count(), 0);
  const shown = await page.$eval('#article', (a) => a.textContent);
  assert.ok(shown.includes('<img src=x onerror="window.__pwned=1;alert(1)">'));
  assert.ok(shown.includes('&amp; &lt;'));
  // Marks around markup too, from a hand-made analysis.
  const i = evil.indexOf('<b onmouseover');
  const j = evil.indexOf('</b>') + 4;
  const analysis = {
    ...SHORT_ANALYSIS, textLength: evil.length, referenceDate: null, figures: [], changes: [],
    dates: [], reported: [], structure: { blocks: [], credits: [] },
    entities: [{ id: 'e1', kind: 'person', name: '<b>', aliases: ['<i>x</i>'], mentions: [{ start: i, end: j, text: evil.slice(i, j) }], salience: 1 }],
    quotes: [{ start: evil.indexOf('<iframe'), end: evil.lastIndexOf('"'), text: '<iframe src=javascript:alert(3)>', speaker: { start: 0, end: 8, text: '<svg onload=alert(4)>' }, speakerEntity: null, cue: null }],
  };
  await page.evaluate(([text, a]) => window.__presslens.render(text, a), [evil, analysis]);
  assert.deepEqual((await checkRendering(page)).problems, []);
  await page.hover('#article mark[data-kind="person"]');
  // (The page's own inline script, allowed by its hash, is the one in <head>.)
  assert.equal(await page.locator('img, body script, iframe, svg[onload], #article b, #panels b, #panels i').count(), 0);
  assert.match(await page.textContent('.panel-person'), /<b>/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});

test('a huge text shows "working", the page stays responsive, then results', { skip }, async (t) => {
  const page = await openPage(t);
  const huge = Array.from({ length: 120 }, () => SAMPLE).join('\n');
  await page.evaluate((text) => { document.getElementById('text').value = text; }, huge);
  await page.click('#analyze');
  assert.equal(await page.getAttribute('#results', 'data-state'), 'working');
  assert.match(await page.textContent('#status'), /Analyzing/);
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  assert.ok(Date.now() - t0 < 2000, 'the page froze while analyzing');
  const status = await waitDone(page, 120_000);
  assert.match(status, /Analyzed [\d,]+ words/);
});

test('phone layout and the article date field', { skip }, async (t) => {
  const page = await openPage(t, PHONE);
  await page.screenshot({ path: path.join(SHOTS, 'page-empty-phone.png'), fullPage: true });
  await page.click('#example');
  await waitDone(page);
  // Another example click with the example already there does not ask.
  await page.click('#example');
  await waitDone(page);
  // With other text it asks first.
  await page.fill('#text', 'My own notes.');
  page.acceptConfirm = true;
  await page.click('#example');
  // The example is fetched: until it is in, the results still say "done" from before.
  await page.waitForFunction((sample) => document.getElementById('text').value === sample, SAMPLE);
  await waitDone(page);
  assert.equal(await page.inputValue('#text'), SAMPLE);
  await page.fill('#date', '2025-03-12');
  await waitDone(page);
  const noHorizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.ok(noHorizontalScroll, 'the page scrolls sideways at 390px');
  await page.screenshot({ path: path.join(SHOTS, 'page-sample-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'sideways scroll at 360px');
});
