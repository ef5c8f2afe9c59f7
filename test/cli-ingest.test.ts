/**
 * End to end: `parley ingest` over a temp folder of small articles (written for this test),
 * then re-run, change one article, and read the store back with events/actors/export.
 * Asserts what ingest guarantees (idempotency, replacement, exit codes), not extraction quality.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const bin = path.resolve(import.meta.dirname, '../bin/parley.js');
const dir = mkdtempSync(path.join(tmpdir(), 'parley-ingest-'));
const articles = path.join(dir, 'articles');
const db = path.join(dir, 'store.db');

function parley(...args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, PARLEY_DB: '' } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function summary(stdout: string): Record<string, number> {
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

const ARTICLES: Record<string, string> = {
  'lima-talks.txt': 'date 2024-06-03\n\nPeruvian Foreign Minister Javier González-Olaechea met his Chilean counterpart Alberto van Klaveren in Lima on Monday.\n\nThe two ministers agreed to expand cooperation on fisheries monitoring along their maritime border.\n',
  'seoul-protest.txt': 'date 2024-06-04\n\nSouth Korea protested to Japan on Tuesday over a defence white paper that repeats Tokyo\'s claim to the Dokdo islets.\n\nSeoul summoned a Japanese diplomat to lodge the complaint.\n',
  'feed.jsonl': [
    JSON.stringify({ id: 'nairobi-aid', title: 'Kenya receives flood aid', published: '2024-05-10', source: 'Lakeside Times', text: 'The European Union announced emergency aid for Kenya on Friday after floods displaced thousands of families in the Tana River basin.' }),
    JSON.stringify({ id: 'manila-warning', title: 'Manila warns Beijing', published: '2024-05-22', source: 'Island Courier', text: 'The Philippines warned China on Wednesday against blocking resupply missions to its outpost in the Spratly Islands.' }),
  ].join('\n') + '\n',
};

before(() => {
  mkdirSync(articles);
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(path.join(articles, name), text);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('ingest, re-run, change, and read back', async (t) => {
  await t.test('first run stores every article as new', () => {
    const r = parley('ingest', articles, '--db', db, '--json', '-q');
    assert.equal(r.status, 0, r.stderr);
    const s = summary(r.stdout);
    assert.deepEqual([s.articles, s.new, s.unchanged, s.replaced, s.failures], [4, 4, 0, 0, 0]);
  });

  await t.test('second run finds every article unchanged and stores nothing', () => {
    const r = parley('ingest', articles, '--db', db, '--json', '-q');
    const s = summary(r.stdout);
    assert.deepEqual([s.articles, s.new, s.unchanged, s.events], [4, 0, 4, 0]);
  });

  await t.test('a changed article is replaced', () => {
    writeFileSync(path.join(articles, 'seoul-protest.txt'), 'date 2024-06-05\n\nSouth Korea and Japan held working-level talks in Tokyo on Wednesday about the white paper.\n');
    const r = parley('ingest', articles, '--db', db, '--json', '-q');
    const s = summary(r.stdout);
    assert.deepEqual([s.new, s.unchanged, s.replaced], [0, 3, 1]);
  });

  await t.test('a missing input is reported and exits 1; the rest is stored', () => {
    const r = parley('ingest', path.join(dir, 'nope.txt'), articles, '--db', db, '-q');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /nope\.txt/);
    assert.match(r.stdout, /4 article\(s\): 0 new, 4 unchanged, 0 replaced; .*1 failure/);
  });

  await t.test('events --format jsonl gives one parseable event per line', () => {
    const r = parley('events', '--db', db, '--format', 'jsonl', '--limit', '1000');
    assert.equal(r.status, 0, r.stderr);
    for (const line of r.stdout.split('\n').filter(Boolean)) {
      const e = JSON.parse(line) as { evidence: { article: { doc: string } } };
      assert.ok(['lima-talks', 'seoul-protest', 'nairobi-aid', 'manila-warning'].includes(e.evidence.article.doc));
    }
  });

  await t.test('export --format gdelt starts with the GDELT header', () => {
    const r = parley('export', '--db', db, '--format', 'gdelt');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout.split('\n')[0]!, /^GLOBALEVENTID\tSQLDATE\t/);
  });

  await t.test('actors --format json is a JSON array', () => {
    const r = parley('actors', '--db', db, '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    assert.ok(Array.isArray(JSON.parse(r.stdout)));
  });

  await t.test('bad usage exits 2 and names the option', () => {
    const r = parley('events', '--db', db, '--type', 'HUG');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--type/);
    const p = parley('relations', '--db', db, '--pair', 'CHN');
    assert.equal(p.status, 2);
    assert.match(p.stderr, /--pair/);
  });
});

test('--workers 2 stores the same events as extraction on the main thread', () => {
  const one = path.join(dir, 'one.db');
  const two = path.join(dir, 'two.db');
  assert.equal(parley('ingest', articles, '--db', one, '--workers', '1', '-q').status, 0);
  const r = parley('ingest', articles, '--db', two, '--workers', '2', '--batch', '3', '--json', '-q');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(summary(r.stdout).new, 4);
  const events = (db: string) => parley('events', '--db', db, '--format', 'jsonl', '--limit', '1000').stdout.split('\n').filter(Boolean).sort();
  const a = events(one);
  assert.ok(a.length > 0);
  assert.deepEqual(events(two), a);
  const bad = parley('ingest', articles, '--db', two, '--workers', '0');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--workers/);
});

test('ingest into PostgreSQL (?schema= keeps the run apart), then re-run', async (t) => {
  const base = process.env.PARLEY_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres';
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: base, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    if (process.env.CI) throw err;
    t.skip(`PostgreSQL not reachable: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  const schema = `parley_cli_${process.pid}`;
  t.after(async () => {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });
  const url = `${base}${base.includes('?') ? '&' : '?'}schema=${schema}`;
  const first = summary(parley('ingest', articles, '--db', url, '--json', '-q').stdout);
  assert.equal(first.new, 4);
  const again = summary(parley('ingest', articles, '--db', url, '--json', '-q').stdout);
  assert.deepEqual([again.new, again.unchanged], [0, 4]);
  const n = await client.query(`SELECT COUNT(*)::int AS n FROM ${schema}.articles`);
  assert.equal(n.rows[0].n, 4);
});
