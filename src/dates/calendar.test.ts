import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, formatDate, nearestWeekday, parseYmd, valueRange, yearFor } from './calendar.ts';

const d = (s: string) => parseYmd(s)!;

test('parseYmd rejects impossible days', () => {
  assert.equal(parseYmd('2019-02-30'), null);
  assert.deepEqual(parseYmd('2020-02-29'), { y: 2020, m: 2, d: 29 });
});

test('addMonths clamps the day to the target month', () => {
  assert.equal(formatDate(addMonths(d('2019-03-31'), -1), 'day'), '2019-02-28');
  assert.equal(formatDate(addMonths(d('2019-01-15'), -1), 'day'), '2018-12-15');
});

const weekdayCases: Array<[string, number, 'past' | 'future', boolean, string]> = [
  ['2021-07-07', 2, 'past', false, '2021-07-06'],
  ['2021-07-07', 3, 'past', false, '2021-07-07'],
  ['2021-07-07', 3, 'past', true, '2021-06-30'],
  ['2021-07-07', 1, 'future', false, '2021-07-12'],
  ['2021-07-07', 3, 'future', true, '2021-07-14'],
];
for (const [ref, wd, dir, strict, want] of weekdayCases) {
  test(`nearestWeekday(${ref}, ${wd}, ${dir}, strict=${strict}) = ${want}`, () => {
    assert.equal(formatDate(nearestWeekday(d(ref), wd, dir, strict), 'day'), want);
  });
}

test('yearFor picks the year on the requested side', () => {
  assert.equal(yearFor(d('2019-11-20'), 12, 3, 'past'), 2018);
  assert.equal(yearFor(d('2019-11-20'), 10, 25, 'past'), 2019);
  assert.equal(yearFor(d('2019-11-20'), 11, null, 'past', true), 2018);
  assert.equal(yearFor(d('2019-11-20'), 1, null, 'future'), 2020);
});

test('valueRange covers a whole month or year', () => {
  assert.deepEqual(valueRange('2020-02'), { first: { y: 2020, m: 2, d: 1 }, last: { y: 2020, m: 2, d: 29 } });
  assert.deepEqual(valueRange('2019')?.last, { y: 2019, m: 12, d: 31 });
  assert.equal(valueRange('19-1'), null);
});
