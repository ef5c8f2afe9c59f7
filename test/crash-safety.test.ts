/**
 * Crash safety of `parley ingest`, on SQLite and on a real PostgreSQL server: run the CLI over
 * 60 small articles in a child process, SIGKILL it at several points (before anything is stored,
 * early, in the middle, late — found by watching the store fill up), run it again to completion,
 * and compare the store with one filled by a single clean run: same articles (doc + hash), same
 * merged events with the same counts, same mention rows — nothing lost, nothing doubled.
 *
 * PostgreSQL: PARLEY_TEST_PG, else postgres://postgres@127.0.0.1:5432/postgres; each run works in
 * schemas of its own (dropped afterwards). No server: skipped with the reason, except under CI.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { dumpStore, writeCrashArticles, type Query } from './crash-articles.ts';
import { pgUnreachable, testPgUrl } from '../src/store/postgres/test-server.ts';

const bin = path.resolve(import.meta.dirname, '../bin/parley.js');
const root = mkdtempSync(path.join(tmpdir(), 'parley-crash-'));
const articles = path.join(root, 'articles');
const pgUrl = testPgUrl();
const runId = `parley_crash_${process.pid}_${randomBytes(3).toString('hex')}`;
let total = 0;

before(() => {
  total = writeCrashArticles(articles);
});
after(() => rmSync(root, { recursive: true, force: true }));

interface Backend {
  name: string;
  /** A store URL for `parley ingest --db` (a fresh one per label). */
  url(label: string): string;
  /** Read-only queries on the store behind `url(label)`. */
  query(label: string): Query;
  /** Articles stored so far (0 while the store does not exist yet). */
  count(label: string): Promise<number>;
  cleanup(): Promise<void>;
}

interface Outcome { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; seen: number }

/**
 * Run `parley ingest` into `url`; when `killAt` is given, SIGKILL the child once the store holds
 * at least `stored` articles (or once `afterMs` have passed since start).
 */
function ingest(url: string, count: () => Promise<number>, killAt?: { stored?: number; afterMs?: number }): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'ingest', articles, '--db', url, '--batch', '4', '--json', '-q'], { env: { ...process.env, PARLEY_DB: '' } });
    let stdout = '';
    let stderr = '';
    let seen = 0;
    let done = false;
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    const t0 = Date.now();
    const poll = async (): Promise<void> => {
      while (!done && killAt) {
        if (killAt.afterMs !== undefined && Date.now() - t0 >= killAt.afterMs) break;
        if (killAt.stored !== undefined) {
          seen = await count().catch(() => seen);
          if (seen >= killAt.stored) break;
        }
        await new Promise((r) => setTimeout(r, 15));
      }
      if (!done) child.kill('SIGKILL');
    };
    child.on('exit', (code, signal) => {
      done = true;
      resolve({ code, signal, stdout, stderr, seen });
    });
    if (killAt) void poll();
  });
}

const KILLS: Array<[string, { stored?: number; afterMs?: number }]> = [
  ['before anything is stored', { afterMs: 400 }],
  ['early (after the first batches)', { stored: 4 }],
  ['in the middle', { stored: 28 }],
  ['late', { stored: 52 }],
];

function crashSuite(backend: () => Backend): void {
  test(`${backend === sqliteBackend ? 'SQLite' : 'PostgreSQL'}: ingest killed at several points and resumed equals a clean run`, async (t) => {
    const b = backend();
    t.after(() => b.cleanup());

    const clean = await ingest(b.url('clean'), () => b.count('clean'));
    assert.equal(clean.code, 0, clean.stderr);
    const cleanSummary = JSON.parse(clean.stdout.trim().split('\n').at(-1)!) as { articles: number; new: number; failures: number; events: number };
    assert.deepEqual([cleanSummary.articles, cleanSummary.new, cleanSummary.failures], [total, total, 0]);
    assert.ok(cleanSummary.events > 0, 'the articles give events');
    const want = await dumpStore(b.query('clean'));
    assert.equal(want.articles!.length, total);
    assert.ok(want.events!.some((e) => (e as { num_articles: number }).num_articles >= 2), 'some events merge across articles');
    assert.deepEqual([want.orphanEvents, want.duplicateMentions], [[], []]);

    for (const [label, killAt] of KILLS) {
      await t.test(`SIGKILL ${label}`, async () => {
        const before = await b.count('crash');
        const r = await ingest(b.url('crash'), () => b.count('crash'), killAt);
        assert.equal(r.signal, 'SIGKILL', `the run ended by itself before the kill point (exit ${r.code}, ${r.seen} stored)\n${r.stderr}`);
        const after = await b.count('crash');
        assert.ok(after >= before && after <= total, `${after} articles after the kill`);
        if (after === 0) return; // killed before the store (or its tables) existed
        const partial = await dumpStore(b.query('crash'));
        // whatever was committed is whole: no event without its mentions, no doubled mention
        assert.deepEqual([partial.orphanEvents, partial.duplicateMentions], [[], []]);
      });
    }

    const resumed = await ingest(b.url('crash'), () => b.count('crash'));
    assert.equal(resumed.code, 0, resumed.stderr);
    const s = JSON.parse(resumed.stdout.trim().split('\n').at(-1)!) as { articles: number; new: number; unchanged: number; replaced: number; failures: number };
    assert.deepEqual([s.articles, s.new + s.unchanged, s.replaced, s.failures], [total, total, 0, 0]);
    assert.ok(s.unchanged > 0, 'the resumed run skips what the killed runs stored');

    const got = await dumpStore(b.query('crash'));
    for (const table of Object.keys(want)) assert.deepEqual(got[table], want[table], `${table} differs from a clean run`);
  });
}

function sqliteBackend(): Backend {
  const file = (label: string) => path.join(root, `${label}.db`);
  const withDb = async <T>(label: string, f: (db: Database.Database) => T): Promise<T> => {
    const db = new Database(file(label), { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      return f(db);
    } finally {
      db.close();
    }
  };
  return {
    name: 'sqlite',
    url: file,
    query: (label) => async (sql) => withDb(label, (db) => db.prepare(sql).all() as Array<Record<string, unknown>>),
    count: async (label) => {
      if (!existsSync(file(label))) return 0;
      return withDb(label, (db) => {
        const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'`).get();
        return has ? Number((db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n) : 0;
      });
    },
    cleanup: async () => undefined,
  };
}

function postgresBackend(): Backend {
  const schema = (label: string) => `${runId}_${label}`;
  const withClient = async <T>(f: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: pgUrl });
    c.on('error', () => undefined);
    await c.connect();
    try {
      return await f(c);
    } finally {
      await c.end().catch(() => undefined);
    }
  };
  const sep = pgUrl.includes('?') ? '&' : '?';
  return {
    name: 'postgres',
    url: (label) => `${pgUrl}${sep}schema=${schema(label)}`,
    query: (label) => (sql) => withClient(async (c) => {
      await c.query(`SET search_path TO ${schema(label)}`);
      return (await c.query(sql)).rows as Array<Record<string, unknown>>;
    }),
    count: (label) => withClient(async (c) => {
      const r = await c.query(`SELECT to_regclass($1) AS t`, [`${schema(label)}.articles`]);
      if (!r.rows[0]?.t) return 0;
      return Number((await c.query(`SELECT COUNT(*) AS n FROM ${schema(label)}.articles`)).rows[0].n);
    }),
    cleanup: () => withClient(async (c) => {
      for (const label of ['clean', 'crash']) await c.query(`DROP SCHEMA IF EXISTS ${schema(label)} CASCADE`);
    }),
  };
}

crashSuite(sqliteBackend);

const reason = await pgUnreachable(pgUrl);
if (reason === null) crashSuite(postgresBackend);
else if (process.env.CI) test('PostgreSQL crash safety needs a server under CI', () => assert.fail(reason));
else {
  console.log(`# skipping PostgreSQL crash-safety test: ${reason}`);
  test('PostgreSQL: ingest killed and resumed equals a clean run', { skip: reason }, () => undefined);
}
