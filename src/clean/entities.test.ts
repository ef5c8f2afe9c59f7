import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEntities, decodeLayoutEscapes, stripTags } from './entities.ts';
import { mapped } from './mapped.ts';

const entityCases: Array<{ name: string; input: string; want: string }> = [
  { name: 'named references', input: 'Trade &amp; aid &mdash; &ldquo;now&rdquo;', want: 'Trade & aid — “now”' },
  { name: 'decimal reference', input: 'Ghana&#8217;s cabinet', want: 'Ghana’s cabinet' },
  { name: 'hex reference', input: 'talks&#x2014;again', want: 'talks—again' },
  { name: 'windows-1252 numeric reference', input: 'Peru&#146;s envoy', want: 'Peru’s envoy' },
  { name: 'unknown name is left alone', input: 'R&D and &foo; stay', want: 'R&D and &foo; stay' },
];
for (const c of entityCases) {
  test(`decodeEntities: ${c.name}`, () => assert.equal(decodeEntities(mapped(c.input)).s, c.want));
}

test('decodeEntities: the decoded character maps to the start of its reference', () => {
  const out = decodeEntities(mapped('a&amp;b'));
  assert.deepEqual(Array.from(out.off), [0, 1, 6, 7]);
});

const tagCases: Array<{ name: string; input: string; want: string }> = [
  { name: 'paragraph tags become blank lines', input: '<p>One.</p><p>Two.</p>', want: '\n\nOne.\n\n\n\nTwo.\n\n' },
  { name: 'inline tags disappear', input: 'the <a href="/x">new</a> <em>law</em>', want: 'the new law' },
  { name: 'a comparison with < is not a tag', input: 'inflation < 3% and > 1%', want: 'inflation < 3% and > 1%' },
];
for (const c of tagCases) {
  test(`stripTags: ${c.name}`, () => assert.equal(stripTags(mapped(c.input)).s, c.want));
}

const layoutCases: Array<{ name: string; input: string; want: string }> = [
  { name: 'literal \\n becomes a newline', input: 'First.\\n\\nSecond.', want: 'First.\n\nSecond.' },
  { name: 'literal \\" becomes a quote', input: 'he said \\"no\\"', want: 'he said "no"' },
  { name: 'text without backslashes is untouched', input: 'plain', want: 'plain' },
];
for (const c of layoutCases) {
  test(`decodeLayoutEscapes: ${c.name}`, () => assert.equal(decodeLayoutEscapes(mapped(c.input)).s, c.want));
}
