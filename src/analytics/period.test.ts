import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoWeek, periodKey, type Period } from './period.ts';

const cases: Array<[string | null, Period, string | null]> = [
  ['2024-04-12', 'day', '2024-04-12'],
  ['2024-04-12', 'week', '2024-W15'],
  ['2024-04-12', 'month', '2024-04'],
  ['2024-04-12', 'year', '2024'],
  ['2024-04', 'day', '2024-04'],
  ['2024-04', 'week', '2024-04'],
  ['2024-04', 'year', '2024'],
  ['2024', 'month', '2024'],
  [null, 'month', null],
];
for (const [date, by, want] of cases) {
  test(`periodKey(${date}, ${by}) = ${want}`, () => assert.equal(periodKey(date, by), want));
}

const weeks: Array<[string, string]> = [
  ['2021-01-03', '2020-W53'],
  ['2024-12-30', '2025-W01'],
  ['2024-01-01', '2024-W01'],
  ['2026-11-22', '2026-W47'],
];
for (const [day, want] of weeks) test(`isoWeek(${day}) = ${want}`, () => assert.equal(isoWeek(day), want));
