import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairMojibake } from './mojibake.ts';
import { mapped } from './mapped.ts';

const cases: Array<{ name: string; input: string; want: string }> = [
  { name: 'right single quote (3 bytes)', input: 'Kenyaâ€™s parliament', want: 'Kenya’s parliament' },
  { name: 'curly double quotes', input: 'â€œWe will respondâ€\u009d', want: '“We will respond”' },
  { name: 'em dash', input: 'talks â€” finally â€” began', want: 'talks — finally — began' },
  { name: 'Latin-1 letter (2 bytes)', input: 'cafÃ© in SÃ£o Paulo', want: 'café in São Paulo' },
  { name: 'euro sign', input: 'â‚¬5bn in aid', want: '€5bn in aid' },
  { name: 'correct accented text is untouched', input: 'Señor Pérez visited Zürich', want: 'Señor Pérez visited Zürich' },
  { name: 'a lone lead character is untouched', input: 'Ã alone', want: 'Ã alone' },
];
test('mojibake: text encoded wrongly twice is repaired by two passes', () => {
  const twice = 'Kenyaâ€™s'.replace(/[^\x00-\x7f]/g, (ch) => Array.from(new TextEncoder().encode(ch), (b) => (b >= 0xa0 ? String.fromCharCode(b) : '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'[b - 0x80] ?? '')).join(''));
  assert.notEqual(twice, 'Kenyaâ€™s');
  assert.equal(repairMojibake(repairMojibake(mapped(twice))).s, 'Kenya’s');
});

for (const c of cases) {
  test(`mojibake: ${c.name}`, () => {
    assert.equal(repairMojibake(mapped(c.input)).s, c.want);
  });
}

test('mojibake: the repaired character maps to the start of its byte run', () => {
  const input = 'Chinaâ€™s';
  const out = repairMojibake(mapped(input));
  assert.equal(out.s, 'China’s');
  assert.equal(out.off[5], 5);
  assert.equal(input.slice(out.off[6]!), 's');
});
