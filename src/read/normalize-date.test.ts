import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizePublished } from './normalize-date.ts';

const cases: Array<[string, unknown, string | null]> = [
  ['plain ISO date', '2021-07-07', '2021-07-07'],
  ['ISO date-time keeps the written date (no zone shift)', '2021-03-18T23:30:00-05:00', '2021-03-18'],
  ['ISO date-time with Z', '2021-03-18T09:28:00Z', '2021-03-18'],
  ['date and time with a space', '2021-03-18 09:28', '2021-03-18'],
  ['compact YYYYMMDD', '20210318', '2021-03-18'],
  ['slashed year first', '2021/03/18', '2021-03-18'],
  ['RFC 2822', 'Wed, 07 Jul 2021 10:00:00 +0000', '2021-07-07'],
  ['month day, year', 'July 7, 2021', '2021-07-07'],
  ['abbreviated month with ordinal', 'Jul. 7th, 2021', '2021-07-07'],
  ['Sept abbreviation', 'Sept 3, 2025', '2025-09-03'],
  ['day month year', '7 July 2021', '2021-07-07'],
  ['day of month year', '7th of July 2021', '2021-07-07'],
  ['dashed day-month-year', '3-Sep-2025', '2025-09-03'],
  ['weekday and time around the date', 'Wednesday 7 July 2021 10.00 BST', '2021-07-07'],
  ['JS Date.toString form', 'Wed Jul 07 2021 10:00:00 GMT+0000', '2021-07-07'],
  ['time before a month-first date', '10:00 Mar 14 2025', '2025-03-14'],
  ['two-digit year in RFC 2822', 'Tue, 4 Mar 25 10:00:00 GMT', '2025-03-04'],
  ['date inside a label', 'Published: 7 July 2021, 10:00', '2021-07-07'],
  ['unix seconds', 1625616000, '2021-07-07'],
  ['unix milliseconds', 1625616000000, '2021-07-07'],
  ['unix seconds as a string', '1625616000', '2021-07-07'],
  ['Date object gives its UTC day', new Date('2021-07-07T03:00:00Z'), '2021-07-07'],
  ['dotted day-first', '07.08.2021', '2021-08-07'],
  ['slashed, day unambiguous', '13/07/2021', '2021-07-13'],
  ['slashed, month-first unambiguous', '07/13/2021', '2021-07-13'],
  ['slashed and ambiguous gives null', '07/08/2021', null],
  ['month only gives null', '2021-07', null],
  ['month name and year only gives null', 'July 2021', null],
  ['impossible day gives null', '2021-02-30', null],
  ['leap day accepted', '2024-02-29', '2024-02-29'],
  ['year out of range gives null', '0001-01-01', null],
  ['garbage gives null', 'yesterday afternoon', null],
  ['empty string gives null', '   ', null],
  ['null gives null', null, null],
  ['object gives null', { date: '2021-07-07' }, null],
  ['NaN gives null', Number.NaN, null],
];

for (const [name, input, want] of cases) {
  test(`normalizePublished: ${name}`, () => {
    assert.equal(normalizePublished(input), want);
  });
}
