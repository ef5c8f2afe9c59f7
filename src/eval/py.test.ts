import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCombining, norm, pyFloatRepr, pyRound, pyStr, pyTupleRepr, truthy } from './py.ts';

const reprs: Array<[number, string]> = [
  [0, '0.0'], [1, '1.0'], [0.5, '0.5'], [0.7368421052631579, '0.7368421052631579'],
  [1 / 3, '0.3333333333333333'], [0.0001, '0.0001'], [0.00001, '1e-05'], [1.5e-7, '1.5e-07'],
  [1e16, '1e+16'], [123.0, '123.0'], [-2.5, '-2.5'],
];
for (const [x, want] of reprs) test(`pyFloatRepr(${x}) = ${want}`, () => assert.equal(pyFloatRepr(x), want));

const rounds: Array<[number, number]> = [
  [0.78263, 0.7826], [0.78265, 0.7826], // 0.78265 is stored just below the tie
  [0.03125, 0.0312], // exact binary tie: Python rounds half to even
  [0.03135, 0.0314], [2 / 3, 0.6667], [0, 0], [1, 1],
];
for (const [x, want] of rounds) test(`pyRound(${x}, 4) = ${want}`, () => assert.equal(pyRound(x, 4), want));

test('truthy follows Python', () => {
  assert.deepEqual([null, 0, '', [], {}, false, 'x', 1, [0], { a: 1 }].map(truthy), [false, false, false, false, false, false, true, true, true, true]);
});

test('pyStr and tuple repr print like Python', () => {
  assert.equal(pyStr(null), 'None');
  assert.equal(pyStr(true), 'True');
  assert.equal(pyTupleRepr(['CONSULT', 'CHN', 'USA']), "('CONSULT', 'CHN', 'USA')");
  assert.equal(pyTupleRepr(["it's", 'a\nb']), `("it's", 'a\\nb')`);
});

test('isCombining matches unicodedata.combining for marks and starters', () => {
  assert.deepEqual(['\u0301', '\u0327', '\u0334', '\u093C', '\u0941', 'a', 'é', '\u00a0'].map(isCombining), [true, true, true, true, false, false, false, false]);
});

const norms: Array<[string, string]> = [
  ['Erdoğan  SAID', 'erdogan said'],
  ['Beijing’s\u00a0move', "beijing's move"],
  ['ﬁnal\tword\n', 'final word'],
  ['Zoë\u2003and Çelik', 'zoe and celik'],
];
for (const [s, want] of norms) test(`norm(${JSON.stringify(s)})`, () => assert.equal(norm(s), want));
