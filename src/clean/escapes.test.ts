import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairEscapes } from './escapes.ts';
import { mapped } from './mapped.ts';

const cases: Array<{ name: string; input: string; want: string }> = [
  { name: 'lost backslash em dashes after a word', input: 'a list for youu2014u2014', want: 'a list for you——' },
  { name: 'lost backslash em dashes at line start', input: 'u2014u2014The minister flew to Lima;', want: '——The minister flew to Lima;' },
  { name: 'lost backslash curly quotes', input: 'called it u201cfruitfulu201d', want: 'called it “fruitful”' },
  { name: 'lost backslash apostrophe inside a word', input: 'Nigeriau2019s president', want: 'Nigeria’s president' },
  { name: 'lost backslash Latin-1 letter', input: 'President Macronu00e9 Mu00fcller', want: 'President Macroné Müller' },
  { name: 'literal backslash escape', input: 'talks \\u2014 at last \\u2014 resumed', want: 'talks — at last — resumed' },
  { name: 'literal escaped surrogate pair', input: 'flag \\ud83c\\uddfa', want: 'flag \u{1F1FA}' },
  { name: 'double backslash escape', input: 'x\\\\u201cy', want: 'x“y' },
  { name: 'ordinary words with u and digits are untouched', input: 'flight u2 and route u12 via unit 2014', want: 'flight u2 and route u12 via unit 2014' },
  { name: 'code points outside the punctuation ranges are untouched', input: 'model u4e2d', want: 'model u4e2d' },
];
for (const c of cases) {
  test(`escapes: ${c.name}`, () => {
    assert.equal(repairEscapes(mapped(c.input)).s, c.want);
  });
}

test('escapes: repaired characters map back to the escape in the input', () => {
  const input = 'you u2014 me';
  const out = repairEscapes(mapped(input));
  const i = out.s.indexOf('—');
  assert.equal(input.slice(out.off[i]!, out.off[i]! + 5), 'u2014');
  assert.equal(input.slice(out.off[i + 1]!), ' me');
});
