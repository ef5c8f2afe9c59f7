import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dyadKey, dyadRange } from './rollups.ts';

test('dyadKey buckets day-precision keys by month and coarser keys by themselves', () => {
  const cases: Array<[string, 0 | 1, string]> = [
    ['2024-03-15', 1, '2024-03'],
    ['2024-03', 0, '2024-03'],
    ['2024', 0, '2024'],
    ['', 0, ''],
  ];
  for (const [day, days, bucket] of cases) {
    assert.deepEqual(dyadKey('CHN', 'USA', day), { source: 'CHN', target: 'USA', days, bucket }, day);
  }
});

test('dyadRange reads whole months from the rollup and only partly covered edge months from events', () => {
  const cases: Array<{ lo?: string; hi?: string; edges: Array<[string, string]>; fine: [string, string] | null }> = [
    { lo: '2024-01-01', hi: '2024-06-30', edges: [], fine: ['2024-01', '2024-06'] },
    { lo: '2024-01-15', hi: '2024-06-30', edges: [['2024-01-15', '2024-01-31']], fine: ['2024-02', '2024-06'] },
    { lo: '2024-01-01', hi: '2024-06-10', edges: [['2024-06-01', '2024-06-10']], fine: ['2024-01', '2024-05'] },
    { lo: '2024-03-05', hi: '2024-03-20', edges: [['2024-03-05', '2024-03-20']], fine: ['2024-04', '2024-02'] },
    { lo: '2024-12-02', hi: '2025-01-30', edges: [['2024-12-02', '2024-12-31'], ['2025-01-01', '2025-01-30']], fine: ['2025-01', '2024-12'] },
    { lo: '2024-02-01', hi: '2024-02-29', edges: [], fine: ['2024-02', '2024-02'] },
    { hi: '2024-02-28', edges: [['2024-02-01', '2024-02-28']], fine: null },
    { lo: '2024-02-10', hi: '2024-02-01', edges: [], fine: ['2024-03', '2024-01'] },
    { edges: [], fine: null },
  ];
  for (const c of cases) {
    const r = dyadRange(c.lo, c.hi);
    const label = `${c.lo} .. ${c.hi}`;
    assert.deepEqual(r.edges, c.edges, label);
    if (c.fine) assert.deepEqual(r.rollup.params.slice(-2), c.fine, label);
  }
});
