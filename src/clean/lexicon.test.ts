import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadLexicon, parseLexicon } from './lexicon.ts';
import { ParleyError } from '../errors.ts';

test('the shipped lexicon loads with every list filled', () => {
  const lex = loadLexicon();
  assert.ok(lex.socialWords.has('share'));
  assert.ok(lex.chromeLines.size > 10);
  assert.ok(lex.runHeadings.has('most viewed'));
});

const bad: Array<{ name: string; data: unknown; message: RegExp }> = [
  { name: 'not an object', data: [], message: /expected a JSON object/ },
  { name: 'no _meta', data: { socialWords: [] }, message: /_meta/ },
  { name: 'a list missing', data: { _meta: {}, socialWords: ['share'] }, message: /socialFillers/ },
  {
    name: 'a non-string item',
    data: { _meta: {}, socialWords: ['share', 3], socialFillers: [], chromeLines: [], chromePrefixes: [], chromeContains: [], runHeadings: [], captionMarkers: [] },
    message: /socialWords" item 1/,
  },
];
for (const c of bad) {
  test(`parseLexicon rejects ${c.name} with DATA_INVALID naming the file`, () => {
    assert.throws(() => parseLexicon(c.data, 'lex.json'), (e: unknown) => e instanceof ParleyError && e.code === 'DATA_INVALID' && e.file === 'lex.json' && c.message.test(e.message));
  });
}

test('loadLexicon reports invalid JSON with the file name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-lex-'));
  const file = join(dir, 'broken.json');
  writeFileSync(file, '{ not json');
  assert.throws(() => loadLexicon(file), (e: unknown) => e instanceof ParleyError && e.file === file && /not valid JSON/.test(e.message));
});
