import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, dyadKeys, dyadRange, monthBlocks } from './rollups.ts';

test('dyadKeys puts a day-precision key in its year, half-year, quarter and month, a coarser key under itself, every key in the all-time row', () => {
  const cases: Array<[string, Array<[number, string]>]> = [
    ['2024-08-15', [[12, '2024-01'], [6, '2024-07'], [3, '2024-07'], [1, '2024-08'], [-1, '']]],
    ['2024-03-31', [[12, '2024-01'], [6, '2024-01'], [3, '2024-01'], [1, '2024-03'], [-1, '']]],
    ['2024-12-01', [[12, '2024-01'], [6, '2024-07'], [3, '2024-10'], [1, '2024-12'], [-1, '']]],
    ['2024-03', [[0, '2024-03'], [-1, '']]],
    ['2024', [[0, '2024'], [-1, '']]],
    ['', [[0, ''], [-1, '']]],
  ];
  for (const [day, want] of cases) {
    assert.deepEqual(dyadKeys('CHN', 'USA', day).map((k) => [k.days, k.bucket]), want, day);
  }
});

test('addMonths crosses year boundaries both ways', () => {
  const cases: Array<[string, number, string]> = [['2024-12', 1, '2025-01'], ['2024-01', -1, '2023-12'], ['2024-05', 14, '2025-07'], ['2024-05', 0, '2024-05']];
  for (const [m, n, want] of cases) assert.equal(addMonths(m, n), want, `${m} + ${n}`);
});

test('monthBlocks covers whole months with the fewest aligned blocks', () => {
  const cases: Array<[string, string, Array<[number, string]>]> = [
    ['2024-01', '2024-06', [[6, '2024-01']]],
    ['2024-01', '2024-12', [[12, '2024-01']]],
    ['2024-02', '2025-03', [[1, '2024-02'], [1, '2024-03'], [3, '2024-04'], [6, '2024-07'], [3, '2025-01']]],
    ['2024-05', '2024-05', [[1, '2024-05']]],
    ['2024-06', '2024-05', []],
  ];
  for (const [from, to, want] of cases) assert.deepEqual(monthBlocks(from, to), want, `${from} .. ${to}`);
});

test('dyadRange reads whole months from the rollup and only partly covered edge months from events', () => {
  const span: [string, string] = ['2020-01', '2026-12'];
  const cases: Array<{ lo?: string; hi?: string; edges: Array<[string, string]>; blocks: SqlArgs[] }> = [
    { lo: '2024-01-01', hi: '2024-06-30', edges: [], blocks: [[6, '2024-01']] },
    { lo: '2024-01-15', hi: '2024-06-30', edges: [['2024-01-15', '2024-01-31']], blocks: [[1, '2024-02', '2024-03'], [3, '2024-04']] },
    { lo: '2024-01-01', hi: '2024-06-10', edges: [['2024-06-01', '2024-06-10']], blocks: [[3, '2024-01'], [1, '2024-04', '2024-05']] },
    { lo: '2024-03-05', hi: '2024-03-20', edges: [['2024-03-05', '2024-03-20']], blocks: [] },
    { lo: '2024-12-02', hi: '2025-01-30', edges: [['2024-12-02', '2024-12-31'], ['2025-01-01', '2025-01-30']], blocks: [] },
    { lo: '2024-02-10', hi: '2024-02-01', edges: [], blocks: [] },
    { hi: '2020-02-28', edges: [['2020-02-01', '2020-02-28']], blocks: [[1, '2020-01']] },
    { edges: [], blocks: [] },
  ];
  for (const c of cases) {
    const r = dyadRange(c.lo, c.hi, span);
    const label = `${c.lo} .. ${c.hi}`;
    assert.deepEqual(r.edges, c.edges, label);
    assert.deepEqual(r.rollup.slice(1).map((x) => x.params), c.blocks, label);
  }
});

type SqlArgs = Array<string | number>;
