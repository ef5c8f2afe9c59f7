import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUADS, TYPE_ORDER, TYPE_QUAD, intensityColor } from './colors.ts';

const rgb = (c: string): number[] => c.match(/\d+/g)!.map(Number);

test('every PLOVER type of the ontology has a quad class', () => {
  assert.equal(TYPE_ORDER.length, 16);
  for (const t of TYPE_ORDER) assert.ok(QUADS.includes(TYPE_QUAD[t]), t);
});

test('intensity colours run from red (conflict) to blue (cooperation) and clamp outside -10..10', () => {
  const cases: Array<[number, 'red' | 'blue' | 'grey']> = [[-10, 'red'], [-6, 'red'], [0, 'grey'], [6, 'blue'], [10, 'blue']];
  for (const [x, want] of cases) {
    const [r, , b] = rgb(intensityColor(x));
    const got = r! > b! + 40 ? 'red' : b! > r! + 40 ? 'blue' : 'grey';
    assert.equal(got, want, String(x));
  }
  assert.equal(intensityColor(-25), intensityColor(-10));
  assert.equal(intensityColor(25), intensityColor(10));
  assert.equal(intensityColor(Number.NaN), intensityColor(0));
});
