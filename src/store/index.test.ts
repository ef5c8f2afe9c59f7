import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dbUrl, isPostgresUrl, openStore } from './index.ts';

const urls: Array<[string, boolean]> = [
  ['postgres://u@h/db', true], ['postgresql://u@h:5432/db?schema=x', true], ['POSTGRES://h/db', true],
  ['./parley.db', false], [':memory:', false], ['/tmp/postgres.db', false],
];
for (const [u, want] of urls) test(`isPostgresUrl(${u}) = ${want}`, () => assert.equal(isPostgresUrl(u), want));

test('openStore on a file path creates a SQLite store with its schema', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-open-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'x.db');
  const s = await openStore(file);
  assert.equal(s.dialect, 'sqlite');
  assert.deepEqual(await s.stats(), { articles: 0, events: 0, mentions: 0, actors: 0 });
  await s.close();
  assert.ok(existsSync(file));
});

test('openStore names the path when it cannot open it', async () => {
  await assert.rejects(openStore('/nonexistent-dir/sub/x.db'), (err: Error & { code?: string }) => err.code === 'STORE_FAILED' && /nonexistent-dir/.test(err.message));
});

test('dbUrl: the flag, else $PARLEY_DB, else ./parley.db', () => {
  const saved = process.env.PARLEY_DB;
  try {
    process.env.PARLEY_DB = 'env.db';
    assert.equal(dbUrl('flag.db'), 'flag.db');
    assert.equal(dbUrl(), 'env.db');
    delete process.env.PARLEY_DB;
    assert.equal(dbUrl(), './parley.db');
  } finally {
    if (saved === undefined) delete process.env.PARLEY_DB;
    else process.env.PARLEY_DB = saved;
  }
});
