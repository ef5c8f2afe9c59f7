import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapped } from './mapped.ts';
import { unwrapLines, wrapWidth } from './unwrap.ts';

const WRAPPED = [
  'The finance ministers of the region met in Lusaka on Friday and agreed',
  'to set up a common fund for emergency grain imports, officials from',
  'three of the delegations said after the meeting ended late at night.',
  '',
  'The fund would be paid for by member states in proportion to their',
  'economic output, with a first payment due in the spring of next year.',
  'Zambia will host it.',
];

test('wrapWidth finds the common width of hard-wrapped lines', () => {
  assert.ok(wrapWidth(WRAPPED) >= 65);
});
test('wrapWidth is 0 for text with one paragraph per line', () => {
  assert.equal(wrapWidth(['Short.', 'A much longer line that goes on and on for quite a while indeed.', 'Mid-sized line here.', 'x', 'Another line of some length.']), 0);
});

test('wrapWidth is 0 for one sentence per line of similar lengths', () => {
  const lines = Array.from({ length: 8 }, (_, i) => `Sentence number ${i} reports that the ministers met again in the capital today.`);
  assert.equal(wrapWidth(lines), 0);
});

test('unwrapLines joins a hard-wrapped paragraph, keeps blank lines and a short last line', () => {
  const out = unwrapLines(mapped(WRAPPED.join('\n')));
  const lines = out.s.split('\n');
  assert.equal(lines.length, 3);
  assert.ok(lines[0]!.startsWith('The finance ministers') && lines[0]!.endsWith('late at night.'));
  assert.equal(lines[1], '');
  assert.ok(lines[2]!.endsWith('next year. Zambia will host it.'));
});

test('unwrapLines joins a line cut mid-sentence with a lower-case continuation', () => {
  assert.equal(unwrapLines(mapped('The delegation from the northern provinces arrived\nlate on Sunday.')).s, 'The delegation from the northern provinces arrived late on Sunday.');
});

test('unwrapLines keeps list items on their own lines', () => {
  assert.equal(unwrapLines(mapped('The ministers agreed on several measures including\n- lower fees')).s, 'The ministers agreed on several measures including\n- lower fees');
});

test('unwrapLines: the joining space maps to the newline it replaces', () => {
  const src = 'The delegation from the northern provinces arrived\nlate on Sunday.';
  const out = unwrapLines(mapped(src));
  const i = out.s.indexOf(' late');
  assert.equal(src[out.off[i]!], '\n');
});
