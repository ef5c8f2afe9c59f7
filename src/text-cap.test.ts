import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc } from './doc.ts';
import { capText, cutPoint } from './text-cap.ts';

const cuts: Array<[string, string, number, number]> = [
  ['text within the limit is whole', 'Short text.', 100, 11],
  ['at a paragraph break', 'First paragraph here.\n\nSecond paragraph goes on and on', 30, 21],
  ['at a sentence end', 'One sentence ends. Another runs past the limit', 30, 18],
  ['at a space', 'words without any stop at all anywhere', 20, 17],
  ['hard cut when there is no space', 'x'.repeat(50), 20, 20],
  ['never inside a surrogate pair', `${'x'.repeat(19)}😀${'y'.repeat(20)}`, 20, 19],
];
for (const [label, text, max, want] of cuts) test(`cutPoint: ${label}`, () => assert.equal(cutPoint(text, max), want));

test('capText cuts text and offsets and records CLEAN_TRUNCATED naming the file', () => {
  const doc = newDoc({ id: 'big', origin: { file: 'big.txt' }, format: 'text', raw: '', meta: {} });
  doc.text = 'Alpha beta gamma. '.repeat(100);
  doc.rawOffsets = Int32Array.from({ length: doc.text.length + 1 }, (_, i) => i);
  capText(doc, 200);
  assert.ok(doc.text.length <= 200 && doc.text.endsWith('gamma.'));
  assert.equal(doc.rawOffsets!.length, doc.text.length + 1);
  assert.equal(doc.errors.length, 1);
  assert.equal(doc.errors[0]!.code, 'CLEAN_TRUNCATED');
  assert.equal(doc.errors[0]!.file, 'big.txt');
});

test('capText leaves a text within the limit untouched', () => {
  const doc = newDoc({ id: 'a', origin: { file: 'a.txt' }, format: 'text', raw: '', meta: {} });
  doc.text = 'Short.';
  capText(doc, 200);
  assert.equal(doc.text, 'Short.');
  assert.deepEqual(doc.errors, []);
});
