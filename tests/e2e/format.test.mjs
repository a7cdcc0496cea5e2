// The page's readings of TIMEX3 values (www/format.js), without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateCode, dateInterval, dateReading, humanDate } from '../../www/format.js';

const day = (s) => Date.parse(`${s}T00:00:00Z`);

test('TimeML values read as words', () => {
  assert.equal(humanDate('PRESENT_REF'), 'the present');
  assert.equal(humanDate('PAST_REF'), 'the past');
  assert.equal(humanDate('FUTURE_REF'), 'the future');
  assert.equal(humanDate('P2DE'), '2 decades');
  assert.equal(humanDate('P1CE'), '1 century');
  assert.equal(humanDate('PXD'), 'several days');
  assert.equal(humanDate('PT2M'), '2 minutes');
  assert.equal(humanDate('PT1.5H'), '1.5 hours');
  assert.equal(humanDate('P3Y'), '3 years');
  assert.equal(humanDate('2021-06'), 'June 2021');
  assert.equal(humanDate('FY2019'), 'fiscal year 2019');
  assert.equal(humanDate('SY2020'), 'school year 2019–20');
});

test('a coarse TIMEX3 value shows its exact reading beside it', () => {
  const ago = { kind: 'date', value: '2014', exact: '2014-11-07' };
  assert.equal(dateReading(ago), '2014 (Fri, Nov 7, 2014)');
  assert.equal(dateCode(ago), '2014 · exact 2014-11-07');
  assert.deepEqual(dateInterval(ago), [day('2014-01-01'), day('2015-01-01')]);
  const window = { kind: 'duration', value: 'P3W', exact: '2016-10-17/2016-11-06' };
  assert.equal(dateReading(window), '3 weeks (Mon, Oct 17, 2016 – Sun, Nov 6, 2016)');
  // On the timeline, the window covers its days.
  assert.deepEqual(dateInterval(window), [day('2016-10-17'), day('2016-11-07')]);
  // A duration's plain ISO reading adds nothing a reader needs.
  assert.equal(dateReading({ kind: 'duration', value: 'P2DE', exact: 'P20Y' }), '2 decades');
  assert.equal(dateInterval({ kind: 'duration', value: 'P3Y' }), null);
  assert.equal(dateReading({ kind: 'date', value: '2021-06', until: '2021-08', exact: null }), 'June 2021 – August 2021');
  assert.equal(dateCode({ kind: 'date', value: '2021-06', until: '2021-08' }), '2021-06/2021-08');
});
