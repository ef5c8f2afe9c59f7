import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorCode, dayKey, dayRange, isDateKey, quadClass } from './keys.ts';
import { toDollarParams } from './sql.ts';

const codes: Array<[{ country: string | null; name: string }, string]> = [
  [{ country: 'chn', name: 'Wang Yi' }, 'CHN'],
  [{ country: 'NATO', name: 'the alliance' }, 'NATO'],
  [{ country: null, name: 'Hay’at Tahrir al-Sham' }, 'HAY_AT_TAHRIR_AL_SHAM'],
  [{ country: null, name: 'Forças Armadas' }, 'FORCAS_ARMADAS'],
  [{ country: '  ', name: '???' }, 'UNKNOWN'],
];
for (const [p, want] of codes) test(`actorCode(${JSON.stringify(p)}) = ${want}`, () => assert.equal(actorCode(p), want));

const keys: Array<[string, boolean]> = [
  ['2024', true], ['2024-02', true], ['2024-02-29', true], ['2023-02-29', false], ['2024-13', false], ['2024-1-5', false], ['yesterday', false], ['', false],
];
for (const [s, want] of keys) test(`isDateKey(${s}) = ${want}`, () => assert.equal(isDateKey(s), want));

const days: Array<[string | null, string | null, string]> = [
  ['2024-04-12', '2024-04-16', '2024-04-12'],
  ['2024-04', '2024-04-16', '2024-04'],
  [null, '2024-04-16T08:00:00Z', '2024-04-16'],
  [null, null, ''],
  ['soon', null, ''],
];
for (const [d, p, want] of days) test(`dayKey(${d}, ${p}) = '${want}'`, () => assert.equal(dayKey(d, p), want));

const ranges: Array<[string, [string | null, string | null]]> = [
  ['2024-04-12', ['2024-04-12', '2024-04-12']],
  ['2024-02', ['2024-02-01', '2024-02-29']],
  ['2023', ['2023-01-01', '2023-12-31']],
  ['', [null, null]],
];
for (const [k, want] of ranges) test(`dayRange('${k}')`, () => assert.deepEqual(dayRange(k), want));

test('quadClass follows GDELT numbering', () => {
  assert.deepEqual(['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'].map(quadClass), [1, 2, 3, 4]);
});

test('toDollarParams numbers placeholders in order', () => {
  assert.equal(toDollarParams('SELECT * FROM t WHERE a = ? AND b IN (?, ?)'), 'SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)');
});
