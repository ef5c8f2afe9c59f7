/**
 * Queue throughput on PostgreSQL: enqueue the bench corpus with `parley ingest --queue`, run
 * 1, then 2 (…) `parley worker --once` processes in parallel on a fresh database each time, and
 * take the throughput from pg-boss's own timestamps (first job started → last job completed), so
 * process start-up and model loading are not counted.
 *
 *   node --import tsx bench/queue.ts [articles=300] [workers=1,2] [batch=1] [postgres://admin-url]
 *
 * Needs a PostgreSQL server where it may create and drop databases (default
 * postgres://postgres@127.0.0.1:5432/postgres).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildCorpus } from './corpus.ts';
import { round } from './measure.ts';

const bin = path.resolve(import.meta.dirname, '../bin/parley.js');

export interface QueueBenchRow {
  workers: number;
  articles: number;
  articles_per_s: number;
  events: number;
  enqueue_articles_per_s: number;
  /** Jobs per CPU-second of the worker processes (PostgreSQL's own CPU not counted). */
  articles_per_cpu_s: number;
}

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [bin, ...args], { env: { ...process.env, PARLEY_DB: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (code) => resolve({ code, out, err }));
  });
}

async function withAdmin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function benchQueue(opts: { articles?: number; workers?: number[]; batch?: number; adminUrl?: string; log?: (l: string) => void } = {}): Promise<QueueBenchRow[]> {
  const adminUrl = opts.adminUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const log = opts.log ?? (() => undefined);
  const corpus = await buildCorpus({ articles: opts.articles ?? 300, htmlPages: 0 });
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-bench-queue-'));
  const feed = path.join(dir, 'feed.jsonl');
  writeFileSync(feed, corpus.text.map((a) => JSON.stringify({ id: a.id, text: a.raw, ...a.meta })).join('\n') + '\n');
  const rows: QueueBenchRow[] = [];
  try {
    for (const n of opts.workers ?? [1, 2]) {
      const name = `parley_bench_queue_${process.pid}_${n}`;
      const u = new URL(adminUrl);
      u.pathname = `/${name}`;
      const url = u.toString();
      await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => c.query(`CREATE DATABASE ${name}`)));
      try {
        const enq = await run(['ingest', feed, '--db', url, '--queue', '--json']);
        if (enq.code !== 0) throw new Error(`ingest --queue failed: ${enq.err}`);
        const es = JSON.parse(enq.out.trim()) as { enqueued: number; seconds: number };
        const runs = await Promise.all(Array.from({ length: n }, () => run(['worker', '--db', url, '--once', '--poll', '0.2', '--batch', String(opts.batch ?? 1), '--json'])));
        for (const r of runs) if (r.code !== 0) throw new Error(`worker failed: ${r.err}`);
        const sums = runs.map((r) => JSON.parse(r.out.trim()) as { events: number; cpu_s: number });
        const events = sums.reduce((s, r) => s + r.events, 0);
        const cpu = sums.reduce((s, r) => s + r.cpu_s, 0);
        const span = await withAdmin(url, (c) => c.query(
          `SELECT count(*)::int AS n, EXTRACT(EPOCH FROM max(completed_on) - min(started_on))::float AS s
           FROM (SELECT started_on, completed_on FROM pgboss.job WHERE name = 'parley-articles' AND state = 'completed'
                 UNION ALL SELECT started_on, completed_on FROM pgboss.archive WHERE name = 'parley-articles' AND state = 'completed') j`,
        ));
        const { n: done, s } = span.rows[0] as { n: number; s: number };
        const row = { workers: n, articles: done, articles_per_s: round(done / s, 1), events, enqueue_articles_per_s: round(es.enqueued / es.seconds, 0), articles_per_cpu_s: round(done / cpu, 1) };
        log(`queue: ${n} worker(s), batches of ${opts.batch ?? 1}: ${row.articles_per_s} articles/s over ${done} jobs (${events} events), ${row.articles_per_cpu_s} per worker CPU-second; enqueue ${row.enqueue_articles_per_s} articles/s`);
        rows.push(row);
      } finally {
        await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [articles, workers, batch, adminUrl] = process.argv.slice(2);
  const rows = await benchQueue({
    articles: articles ? Number(articles) : 300,
    workers: workers ? workers.split(',').map(Number) : [1, 2],
    batch: batch ? Number(batch) : 1,
    ...(adminUrl ? { adminUrl } : {}),
    log: (l) => console.error(l),
  });
  console.log(JSON.stringify(rows));
}
