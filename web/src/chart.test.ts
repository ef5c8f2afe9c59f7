import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillMonths, monthlySeries, recentWindow, type SeriesPoint } from './chart.ts';

const zero = { verbal_cooperation: 0, material_cooperation: 0, verbal_conflict: 0, material_conflict: 0 };
const point = (period: string, events: number): SeriesPoint => ({ period, events, intensity: 0, quads: { ...zero, verbal_cooperation: events } });

test('fillMonths keeps every month between the first and the last, across years', () => {
  const cases: Array<[string[], string[]]> = [
    [['2025-11', '2026-02'], ['2025-11', '2025-12', '2026-01', '2026-02']],
    [['2025-05'], ['2025-05']],
    [[], []],
    [['2025', '2025-03', '2025-03-04'], ['2025-03']],
  ];
  for (const [given, want] of cases) assert.deepEqual(fillMonths(given.map((p) => point(p, 1))).map((p) => p.period), want, given.join(','));
});

test('recentWindow keeps the newest months and counts the events it leaves out', () => {
  const cases: Array<[SeriesPoint[], number, string[], number]> = [
    [[point('2022-02', 1), point('2025-01', 2), point('2026-10', 3)], 36, ['2025-01', '2026-10'], 1],
    [[point('2025-01', 2), point('2025-12', 3)], 12, ['2025-01', '2025-12'], 0],
    [[point('2025-01', 2), point('2025-12', 3)], 11, ['2025-12'], 2],
  ];
  for (const [points, max, kept, omitted] of cases) {
    const w = recentWindow(points, max);
    assert.deepEqual([w.points.map((p) => p.period), w.omitted], [kept, omitted]);
  }
});

test('monthlySeries buckets dated events by month with quad counts and mean intensity', () => {
  const s = monthlySeries([
    { date: '2025-05-12', quad: 'verbal_cooperation', intensity: 4 },
    { date: '2025-05', quad: 'material_conflict', intensity: -8 },
    { date: '2025', quad: 'verbal_conflict', intensity: -2 },
    { date: null, quad: 'verbal_conflict', intensity: -2 },
  ]);
  assert.deepEqual(s, [{ period: '2025-05', events: 2, intensity: -2, quads: { ...zero, verbal_cooperation: 1, material_conflict: 1 } }]);
});
