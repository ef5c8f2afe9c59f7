import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isSystemOutput, loadGold, parseSystem, validateGold } from './load.ts';
import { ParleyError } from '../errors.ts';

function withDir(files: Record<string, string>, fn: (dir: string) => Promise<void>) {
  return async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-load-'));
    try {
      for (const [name, body] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), body);
      }
      await fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

const ok = JSON.stringify({ doc: 'a', published: null, events: [{ type: 'AID', source: 'USA', target: 'UKR' }] });

test('loadGold searches sub-folders and skips JSON that is not gold', withDir({
  'seeds/a.json': ok,
  'web/b.json': JSON.stringify({ doc: 'b', events: [] }),
  'web/notes.json': JSON.stringify({ hello: 'world' }),
  'README.md': '# not gold',
}, async (dir) => {
  assert.deepEqual([...(await loadGold(dir)).keys()], ['a', 'b']);
}));

/** [why, gold JSON] — each must fail with EVAL_GOLD */
const invalid: Array<[string, unknown]> = [
  ['doc is not a string', { doc: 3, events: [] }],
  ['events is not a list', { doc: 'a', events: {} }],
  ['an event without a target', { doc: 'a', events: [{ type: 'AID', source: 'USA' }] }],
  ['an empty type list', { doc: 'a', events: [{ type: [], source: 'USA', target: 'UKR' }] }],
  ['a malformed date', { doc: 'a', events: [{ type: 'AID', source: 'USA', target: 'UKR', date: 'last week' }] }],
  ['a malformed published date', { doc: 'a', published: '20 May 2019', events: [] }],
  ['must_keep not a list of strings', { doc: 'a', events: [], clean: { must_keep: 'x' } }],
  ['an actor without a country', { doc: 'a', events: [], actors: [{ name: 'X' }] }],
];
for (const [why, v] of invalid) {
  test(`validateGold rejects ${why}, naming the file`, () => {
    assert.throws(() => validateGold(v, 'g/a.json'), (e: unknown) => e instanceof ParleyError && e.code === 'EVAL_GOLD' && e.file === 'g/a.json');
  });
}

test('loadGold names a file that is not JSON', withDir({ 'x/bad.json': '{"doc": "a", ' }, async (dir) => {
  await assert.rejects(loadGold(dir), (e: unknown) => e instanceof ParleyError && e.code === 'EVAL_GOLD' && e.file === path.join(dir, 'x/bad.json'));
}));

test('loadGold fails on a folder without gold files', withDir({ 'a.txt': 'x' }, async (dir) => {
  await assert.rejects(loadGold(dir), (e: unknown) => e instanceof ParleyError && e.code === 'EVAL_GOLD');
}));

test('parseSystem names the file and line of a line that is not JSON', () => {
  assert.throws(() => parseSystem('{"doc":"a"}\n\n{"doc": \n', 'out.jsonl'), (e: unknown) => e instanceof ParleyError && e.code === 'EVAL_SYSTEM' && e.file === 'out.jsonl' && e.line === 3);
});

test('parseSystem keys documents by doc, a later line winning, a missing doc as "None"', () => {
  const m = parseSystem('{"doc":"a","n":1}\r\n{"doc":"a","n":2}\n{"n":3}\n', 's.jsonl');
  assert.deepEqual([...m.entries()], [['a', { doc: 'a', n: 2 }], ['None', { n: 3 }]]);
});

test('isSystemOutput tells extractor output from a corpus JSONL', withDir({
  'out.jsonl': '{"doc":"a","text":"x","events":[]}\n',
  'corpus.jsonl': '{"id":"a","text":"x"}\n',
}, async (dir) => {
  assert.equal(await isSystemOutput([path.join(dir, 'out.jsonl')]), true);
  assert.equal(await isSystemOutput([path.join(dir, 'corpus.jsonl')]), false);
  assert.equal(await isSystemOutput([path.join(dir, 'out.jsonl'), path.join(dir, 'corpus.jsonl')]), false);
}));
