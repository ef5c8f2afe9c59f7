/**
 * End to end against a real PostgreSQL server: `parley ingest --queue` enqueues forty short
 * articles (written for this test), two `parley worker` processes run in parallel (the second
 * taking eight jobs per transaction), one is killed with SIGKILL after it wrote an article but
 * before it completed the job, and the survivor drains the queue. The store must equal a clean single-process ingest of the same
 * articles: no article, event or mention twice. Then: a malformed job is retried and
 * dead-lettered, and SIGTERM lets a worker finish its current job.
 *
 * Server: $PARLEY_TEST_PG, else postgres://postgres@127.0.0.1:5432/postgres. A database is
 * created for the run and dropped after. Unreachable: skipped with the reason (failed when $CI).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { openStore } from '../src/store/index.ts';
import { ingestArticles } from '../src/store/ingest.ts';
import { createPipeline } from '../src/pipeline.ts';
import { readInputs } from '../src/read/index.ts';
import type { Store } from '../src/store/types.ts';
import { QUEUE_NAME } from '../src/queue/config.ts';

const bin = path.resolve(import.meta.dirname, '../bin/parley.js');
const adminUrl = process.env.PARLEY_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `parley_queue_${process.pid}_${Date.now().toString(36)}`;
const dir = mkdtempSync(path.join(tmpdir(), 'parley-queue-'));
const feed = path.join(dir, 'feed.jsonl');
const EXPIRE_S = 3;

// ---- the articles (original text) -------------------------------------------------------

const PAIRS: Array<[string, string, string]> = [
  ['India', 'Pakistan', 'New Delhi'], ['Brazil', 'Argentina', 'Brasilia'], ['Canada', 'Mexico', 'Ottawa'],
  ['Poland', 'Belarus', 'Warsaw'], ['Kenya', 'Ethiopia', 'Nairobi'], ['Chile', 'Peru', 'Santiago'],
  ['Egypt', 'Sudan', 'Cairo'], ['Vietnam', 'Cambodia', 'Hanoi'],
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']; // 3–7 March 2025
const TEMPLATES: Array<(a: string, b: string, city: string, day: string) => [string, string]> = [
  (a, b, city, day) => [`${a} accuses ${b}`, `${a} accused ${b} on ${day} of violating a border agreement.\n\nOfficials in ${city} said patrols had crossed the line twice this month.`],
  (a, b, city, day) => [`Ministers meet in ${city}`, `The foreign ministers of ${a} and ${b} met in ${city} on ${day} for talks on trade and transit.\n\nBoth sides described the meeting as constructive.`],
  (a, b, city, day) => ['Relief shipment', `${a} sent humanitarian aid to ${b} on ${day} after heavy floods.\n\nThe shipment from ${city} included tents, medicine and water filters.`],
  (a, b, city, day) => ['New sanctions', `${a} imposed sanctions on ${b} on ${day} over the detention of journalists.\n\nThe government in ${city} said the measures target twelve officials.`],
];

interface FeedRecord { id: string; title: string; published: string; source: string; text: string }

/** 32 reports (8 pairs × 4 kinds of event) and 8 follow-ups of the first 8 from another outlet. */
function feedRecords(): FeedRecord[] {
  const out: FeedRecord[] = [];
  for (let k = 0; k < 32; k++) {
    const [a, b, city] = PAIRS[k % PAIRS.length]!;
    const [title, text] = TEMPLATES[Math.floor(k / PAIRS.length)]!(a, b, city, DAYS[k % 5]!);
    out.push({ id: `q${String(k).padStart(2, '0')}`, title, published: `2025-03-0${3 + (k % 5)}`, source: 'Harbour Post', text });
  }
  for (let k = 0; k < 8; k++) {
    const first = out[k]!;
    out.push({
      id: `q${32 + k}`, title: `${first.title} (update)`, published: first.published, source: 'Valley Ledger',
      text: `${first.text.split('\n\n')[0]}\n\nA spokesperson declined to comment further when reached by phone.`,
    });
  }
  return out;
}

// ---- helpers -----------------------------------------------------------------------------

function urlFor(db: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  return u.toString();
}
const url = urlFor(dbName);

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

interface Child { proc: ChildProcess; out: string; err: string; exited: Promise<number | null> }

function parley(args: string[], env: Record<string, string> = {}): Child {
  const proc = spawn(process.execPath, [bin, ...args], { env: { ...process.env, PARLEY_DB: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const c: Child = { proc, out: '', err: '', exited: Promise.resolve(null) };
  proc.stdout!.on('data', (d: Buffer) => (c.out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (c.err += d.toString()));
  c.exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
  return c;
}

/** Wait until `cond` holds, at most `ms`; fails with `what` otherwise. */
async function waitFor(what: string, ms: number, cond: () => boolean | Promise<boolean>): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function exitOf(c: Child, ms: number, what: string): Promise<number | null> {
  const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref());
  const r = await Promise.race([c.exited, timer]);
  if (r === 'timeout') {
    c.proc.kill('SIGKILL');
    throw new Error(`${what} did not exit within ${ms} ms\nstderr:\n${c.err}`);
  }
  return r;
}

/** Everything ingest decides, without ids: articles, merged events with counts, per-article events. */
async function snapshot(store: Store) {
  const stats = await store.stats();
  const { events } = await store.events({ limit: 10_000 });
  const keyed = events
    .map((e) => `${e.type} ${e.source.code}>${e.target.code} ${e.date} m${e.num_mentions} a${e.num_articles} s${e.num_sources}`)
    .sort();
  const perArticle: Record<string, number> = {};
  for (const r of feedRecords()) perArticle[r.id] = (await store.article(r.id))?.events.length ?? -1;
  return { stats, events: keyed, perArticle };
}

// ---- setup -------------------------------------------------------------------------------

const reach: { ok: boolean; why: string } = { ok: false, why: '' };

before(async () => {
  try {
    await admin((c) => c.query(`CREATE DATABASE ${dbName}`));
    reach.ok = true;
  } catch (err) {
    reach.why = `PostgreSQL not reachable at ${adminUrl.replace(/\/\/[^@/]*@/, '//…@')}: ${err instanceof Error ? err.message : String(err)}`;
    if (process.env.CI) throw new Error(reach.why);
    console.log(`# skipping queue tests: ${reach.why}`);
  }
  writeFileSync(feed, feedRecords().map((r) => JSON.stringify(r)).join('\n') + '\n');
});

after(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (reach.ok) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
});

// ---- tests -------------------------------------------------------------------------------

test('two workers, one killed mid-job: the store equals a clean single-process ingest', { timeout: 240_000 }, async (t) => {
  if (!reach.ok) return t.skip(reach.why);

  // the reference: the same feed ingested in this process, into its own schema
  const baselineStore = await openStore(url, { schema: 'baseline' });
  const base = await ingestArticles(baselineStore, createPipeline(), readInputs([feed]));
  assert.equal(base.failures, 0);
  const expected = await snapshot(baselineStore);
  await baselineStore.close();
  assert.equal(expected.stats.articles, 40);
  assert.ok(expected.events.some((e) => e.includes(' a2 ')), 'some events are merged from two articles');

  const enq = parley(['ingest', feed, '--db', url, '--queue', '--expire', String(EXPIRE_S), '--retry-delay', '1', '--json']);
  assert.equal(await exitOf(enq, 60_000, 'ingest --queue'), 0, enq.err);
  const s = JSON.parse(enq.out.trim()) as { articles: number; enqueued: number };
  assert.deepEqual([s.articles, s.enqueued], [40, 40]);

  // worker A writes each article, then stalls before completing the job: killed in that window
  const a = parley(['worker', '--db', url, '--poll', '0.2', '-v'], { PARLEY_WORKER_STALL: 'after-store:4000' });
  let victim: { job: string; doc: string } | null = null;
  await waitFor('worker A to take a job', 60_000, () => {
    const m = /job (\S+) (\S+): start/.exec(a.err);
    if (m) victim = { job: m[1]!, doc: m[2]! };
    return victim !== null || a.proc.exitCode !== null;
  });
  assert.ok(victim, `worker A took no job:\n${a.err}`);
  const { job, doc } = victim as { job: string; doc: string };

  // worker B runs alongside and drains the queue, eight jobs to a transaction
  const b = parley(['worker', '--db', url, '--once', '--poll', '0.2', '--batch', '8', '-v']);
  const probe = await openStore(url);
  try {
    await waitFor(`worker A to store ${doc}`, 30_000, async () => (await probe.hashes([doc])).has(doc));
  } finally {
    await probe.close();
  }
  a.proc.kill('SIGKILL');
  await exitOf(a, 10_000, 'killed worker A');

  assert.equal(await exitOf(b, 120_000, 'worker B --once'), 0, b.err);
  assert.match(b.err, new RegExp(`job ${job} ${doc}: unchanged`), 'the killed job was delivered again and stored nothing');

  // a restarted worker finds nothing left
  const c = parley(['worker', '--db', url, '--once', '--poll', '0.2', '--json']);
  assert.equal(await exitOf(c, 60_000, 'restarted worker'), 0, c.err);
  assert.equal((JSON.parse(c.out.trim()) as { jobs: number }).jobs, 0);

  const store = await openStore(url);
  try {
    assert.deepEqual(await snapshot(store), expected);
  } finally {
    await store.close();
  }

  const st = parley(['worker', '--db', url, '--status', '--json']);
  assert.equal(await exitOf(st, 30_000, 'worker --status'), 0, st.err);
  const status = JSON.parse(st.out.trim()) as { jobs: Record<string, number>; archived: Record<string, number>; dead_letter: number };
  assert.deepEqual(
    [status.jobs.created, status.jobs.retry, status.jobs.active, status.jobs.completed + status.archived.completed, status.jobs.failed, status.dead_letter],
    [0, 0, 0, 40, 0, 0],
  );
});

test('a job that keeps failing is retried, then failed and dead-lettered, and --status reports it', { timeout: 120_000 }, async (t) => {
  if (!reach.ok) return t.skip(reach.why);
  const boss = new PgBoss({ connectionString: url, schedule: false, supervise: false });
  await boss.start();
  try {
    await boss.send(QUEUE_NAME, { note: 'not an article' }, { retryLimit: 1, retryDelay: 0 });
  } finally {
    await boss.stop({ graceful: false });
  }
  const w = parley(['worker', '--db', url, '--once', '--poll', '0.2']);
  assert.equal(await exitOf(w, 60_000, 'worker --once'), 1, w.err);
  assert.equal((w.err.match(/failed: job data is not an article/g) ?? []).length, 2, 'first attempt + one retry');

  const st = parley(['worker', '--db', url, '--status', '--json']);
  assert.equal(await exitOf(st, 30_000, 'worker --status'), 0, st.err);
  const status = JSON.parse(st.out.trim()) as { jobs: Record<string, number>; dead_letter: number; failures: Array<{ retries: number; error: string }> };
  assert.equal(status.jobs.failed, 1);
  assert.equal(status.dead_letter, 1);
  assert.equal(status.failures[0]?.retries, 1);
  assert.match(status.failures[0]?.error ?? '', /not an article/);
});

test('SIGTERM: the worker finishes its current job, then exits', { timeout: 120_000 }, async (t) => {
  if (!reach.ok) return t.skip(reach.why);
  const extra = path.join(dir, 'extra.jsonl');
  writeFileSync(extra, `${JSON.stringify({ id: 'sigterm-1', title: 'Talks', published: '2025-03-10', source: 'Harbour Post', text: 'The foreign ministers of Ghana and Togo met in Accra on Monday for talks on border trade.' })}\n`);
  const enq = parley(['ingest', extra, '--db', url, '--queue', '--json']);
  assert.equal(await exitOf(enq, 60_000, 'ingest --queue'), 0, enq.err);

  const w = parley(['worker', '--db', url, '--poll', '0.2', '-v'], { PARLEY_WORKER_STALL: 'before-store:1500' });
  await waitFor('the worker to take the job', 60_000, () => /sigterm-1: start/.test(w.err) || w.proc.exitCode !== null);
  w.proc.kill('SIGTERM');
  assert.equal(await exitOf(w, 30_000, 'worker after SIGTERM'), 0, w.err);
  assert.match(w.err, /sigterm-1: new/);
  const store = await openStore(url);
  try {
    assert.ok((await store.hashes(['sigterm-1'])).has('sigterm-1'));
  } finally {
    await store.close();
  }
});
