/**
 * Load test of the HTTP API, on loopback only:
 *
 *   node --import tsx scripts/load-test.ts [--seconds 5] [--connections 8]
 *
 * Fills a temporary SQLite store with `parley ingest`, starts `parley serve` on 127.0.0.1 with an
 * ephemeral port, starts a second `parley ingest` into the same store (WAL: one writer, many
 * readers) and, while it runs, drives /api/events, /api/relations, /api/network and /api/search
 * with autocannon for a bounded time each. Prints requests/s, latency p50/p97.5/p99, errors and
 * non-2xx answers per endpoint; exits 1 on any error, non-2xx answer, timeout or failed ingest.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { writeCrashArticles } from '../test/crash-articles.ts';

const bin = path.resolve(import.meta.dirname, '../bin/parley.js');

/** The part of autocannon's result this script reads (the package ships no types). */
interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p97_5: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (opts: { url: string; connections: number; duration: number; timeout: number }, done: (err: Error | null, res: LoadResult) => void) => unknown;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values } = parseArgs({ options: { seconds: { type: 'string' }, connections: { type: 'string' } } });
const seconds = Number(values.seconds ?? 5);
const connections = Number(values.connections ?? 8);
if (!(seconds > 0 && seconds <= 120) || !Number.isInteger(connections) || connections < 1 || connections > 256) {
  console.error('usage: load-test.ts [--seconds 1..120] [--connections 1..256]');
  process.exit(2);
}

const ENDPOINTS = [
  '/api/events?limit=50',
  '/api/relations?a=PER&b=CHL&by=month',
  '/api/network?limit=200',
  '/api/search?q=talks',
];

function startServe(db: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve', '--db', db, '--host', '127.0.0.1', '--port', '0'], { env: { ...process.env, PARLEY_TOKEN: '' } });
    let err = '';
    child.stderr!.on('data', (b: Buffer) => {
      err += b.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
      if (m) resolve({ child, url: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`parley serve exited ${code}: ${err}`)));
  });
}

function ingestAsync(dir: string, db: string): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [bin, 'ingest', dir, '--db', db, '--batch', '10', '--json', '-q']);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr, ms: Date.now() - t0 }));
  });
}

function run(url: string, p: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon({ url: `${url}${p}`, connections, duration: seconds, timeout: 10 }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

const work = mkdtempSync(path.join(tmpdir(), 'parley-load-'));
const db = path.join(work, 'store.db');
let serve: { child: ChildProcess; url: string } | null = null;
let failed = false;
try {
  const first = path.join(work, 'first');
  const second = path.join(work, 'second');
  writeCrashArticles(first);
  writeCrashArticles(second);
  // the second batch: same stories under other doc ids (file names), so the store grows while loaded
  for (const f of readdirSync(second)) renameSync(path.join(second, f), path.join(second, `more-${f}`));

  const seed = spawnSync(process.execPath, [bin, 'ingest', first, '--db', db, '--json', '-q'], { encoding: 'utf8' });
  if (seed.status !== 0) throw new Error(`seed ingest failed: ${seed.stderr}`);
  console.log(`seeded: ${seed.stdout.trim()}`);

  serve = await startServe(db);
  console.log(`serving ${serve.url} (store ${db}); ${connections} connections, ${seconds} s per endpoint; concurrent ingest running`);
  const ingest = ingestAsync(second, db);

  const rows: string[] = [];
  rows.push(['endpoint', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'requests', 'errors', 'timeouts', 'non-2xx'].join('\t'));
  for (const p of ENDPOINTS) {
    const r = await run(serve.url, p);
    rows.push([p, r.requests.average.toFixed(0), r.latency.p50, r.latency.p97_5, r.latency.p99, r.requests.total, r.errors, r.timeouts, r.non2xx].join('\t'));
    if (r.errors || r.timeouts || r.non2xx) failed = true;
  }
  const ing = await ingest;
  console.log(rows.join('\n'));
  const summary = ing.stdout.trim().split('\n').at(-1) ?? '';
  console.log(`concurrent ingest: exit ${ing.code} after ${(ing.ms / 1000).toFixed(1)} s: ${summary}`);
  if (ing.code !== 0) {
    failed = true;
    console.error(ing.stderr);
  }
  const health = (await (await fetch(`${serve.url}/api/health`)).json()) as { stats: unknown };
  console.log(`store after the run: ${JSON.stringify(health.stats)}`);
} catch (err) {
  failed = true;
  console.error(err instanceof Error ? err.message : err);
} finally {
  if (serve) {
    const child = serve.child;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
