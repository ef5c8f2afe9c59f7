import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineRanges, mapped, mappedBuilder, replaceMapped, sliceMapped } from './mapped.ts';

test('mapped: identity map has one offset per character plus the end', () => {
  const m = mapped('abc');
  assert.deepEqual(Array.from(m.off), [0, 1, 2, 3]);
});

test('mappedBuilder: copied text keeps offsets, put text maps to its source offset', () => {
  const src = mapped('Hello, world');
  const b = mappedBuilder();
  b.copy(src, 7, 12);
  b.put('!', 12);
  const out = b.finish(12);
  assert.equal(out.s, 'world!');
  assert.deepEqual(Array.from(out.off), [7, 8, 9, 10, 11, 12, 12]);
});

const replaceCases: Array<{ name: string; input: string; re: RegExp; by: string; want: string; offsets: number[] }> = [
  { name: 'shorter replacement maps to match start', input: 'a--b', re: /--/g, by: '-', want: 'a-b', offsets: [0, 1, 3, 4] },
  { name: 'longer replacement maps every char to match start', input: 'a&b', re: /&/g, by: 'and', want: 'aandb', offsets: [0, 1, 1, 1, 2, 3] },
  { name: 'no match returns the input unchanged', input: 'abc', re: /x/g, by: 'y', want: 'abc', offsets: [0, 1, 2, 3] },
];
for (const c of replaceCases) {
  test(`replaceMapped: ${c.name}`, () => {
    const out = replaceMapped(mapped(c.input), c.re, () => c.by);
    assert.equal(out.s, c.want);
    assert.deepEqual(Array.from(out.off), c.offsets);
  });
}

test('sliceMapped keeps the offsets of the slice', () => {
  const s = sliceMapped(mapped('0123456'), 2, 5);
  assert.equal(s.s, '234');
  assert.deepEqual(Array.from(s.off), [2, 3, 4, 5]);
});

test('lineRanges splits on newlines and keeps a last line without newline', () => {
  assert.deepEqual(lineRanges('ab\n\ncd'), [{ start: 0, end: 2 }, { start: 3, end: 3 }, { start: 4, end: 6 }]);
});
