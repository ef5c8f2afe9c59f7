/**
 * A queue worker: fetch article jobs (one at a time, or `batch` at a time), extract them, store
 * them in one transaction keyed by doc id + content hash, then complete the jobs.
 *
 * Exactly-once storage rests on the store, not on the queue: pg-boss delivers a job at least
 * once (a job whose worker died stays `active` until it expires, then it is retried), and the
 * store's ingest is idempotent — the same doc with the same hash is `unchanged` and writes
 * nothing; two workers racing on one doc collide on its unique key and the loser, retried, finds
 * it unchanged. Failed jobs are retried by pg-boss with exponential backoff, then marked failed
 * and copied to the dead-letter queue.
 */
import type PgBoss from 'pg-boss';
import type { RawArticle } from '../doc.ts';
import { createPipeline, type Pipeline } from '../pipeline.ts';
import { ParleyError } from '../errors.ts';
import { openStore } from '../store/index.ts';
import { splitUnchanged } from '../store/ingest.ts';
import type { ArticleInput, IngestOutcome, Store } from '../store/types.ts';
import { QUEUE_NAME, ensureQueues, openBoss, queueTarget } from './config.ts';
import { pendingJobs } from './status.ts';

export type StallPoint = 'before-store' | 'after-store';

export interface WorkerOptions {
  /** postgres://… (store and queue live in the same database; `?schema=` as for openStore). */
  url: string;
  /** Drain the queue, then return (waits for jobs other workers hold until they finish or expire). */
  once?: boolean;
  /** Seconds between polls of an empty queue (default 2). */
  pollSeconds?: number;
  /** Stop after the current job when aborted (SIGTERM). */
  signal?: AbortSignal;
  log?: (line: string) => void;
  /** Log every job. */
  verbose?: boolean;
  /** Fault injection for tests: sleep this long at this point of every job. */
  stall?: { at: StallPoint; ms: number };
  pipeline?: () => Pipeline;
  /** Give up on `once` after this long without progress (ms); default: no limit. */
  idleTimeoutMs?: number;
  /**
   * Jobs taken and stored together, in one store transaction (default 1; the CLI's default is
   * 10). Fewer, larger
   * transactions cost PostgreSQL far less per article; an article the batch cannot store is
   * retried alone, so a bad one fails only its own job.
   */
  batch?: number;
}

export interface WorkerSummary {
  jobs: number;
  new: number;
  unchanged: number;
  replaced: number;
  events: number;
  mentions: number;
  /** Jobs this worker handed back as failed (pg-boss retries them or dead-letters them). */
  failed: number;
  seconds: number;
  /** CPU seconds this process spent from the first job on (model loading excluded; process-wide). */
  cpu_s: number;
}

export function emptyWorkerSummary(): WorkerSummary {
  return { jobs: 0, new: 0, unchanged: 0, replaced: 0, events: 0, mentions: 0, failed: 0, seconds: 0, cpu_s: 0 };
}

/** PostgreSQL errors worth retrying at once: deadlock, serialization failure, unique race. */
const TRANSIENT = new Set(['40P01', '40001', '23505']);

export function isTransient(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && TRANSIENT.has(code)) return true;
  }
  return false;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Check that a job's data is an article; a malformed job fails (and is eventually dead-lettered). */
export function articleOf(data: unknown): RawArticle {
  const a = data as Partial<RawArticle> | null;
  if (!a || typeof a !== 'object' || typeof a.id !== 'string' || a.id === '' || typeof a.raw !== 'string'
    || (a.format !== 'text' && a.format !== 'html') || !a.origin || typeof a.origin !== 'object') {
    throw new ParleyError('QUEUE_FAILED', 'queue', 'job data is not an article (needs id, raw, format, origin)');
  }
  return { id: a.id, origin: a.origin, format: a.format, raw: a.raw, meta: a.meta ?? {}, ...(a.errors ? { errors: a.errors } : {}) };
}

/** Store one article; transient PostgreSQL conflicts are retried here (a few times, jittered). */
export async function storeArticle(
  store: Store, pipeline: Pipeline, article: RawArticle, stall?: WorkerOptions['stall'],
): Promise<IngestOutcome> {
  return (await storeArticles(store, pipeline, [article], stall))[0]!;
}

/**
 * Store several articles in one transaction, retrying transient PostgreSQL conflicts (a few
 * times, jittered). Outcomes come back in the articles' order; articles whose stored hash
 * matches are `unchanged` without extraction.
 */
export async function storeArticles(
  store: Store, pipeline: Pipeline, articles: RawArticle[], stall?: WorkerOptions['stall'],
): Promise<IngestOutcome[]> {
  const { unchanged, todo } = await splitUnchanged(store, articles);
  const out: IngestOutcome[] = new Array(articles.length);
  for (const u of unchanged) out[u.i] = u.outcome;
  if (todo.length === 0) return out;
  const inputs: ArticleInput[] = todo.map((x) => ({ extraction: pipeline.extract(x.article), raw: x.article.raw, hash: x.hash }));
  if (stall?.at === 'before-store') await sleep(stall.ms);
  for (let attempt = 1; ; attempt++) {
    try {
      const stored = await store.ingest(inputs);
      todo.forEach((x, k) => (out[x.i] = stored[k]!));
      if (stall?.at === 'after-store') await sleep(stall.ms);
      return out;
    } catch (err) {
      if (attempt >= 5 || !isTransient(err)) throw err;
      await sleep(20 * attempt + Math.floor(Math.random() * 50));
    }
  }
}

/**
 * Store the articles of a batch of jobs together; when the batch fails, store them one by one,
 * so only the job whose article cannot be stored fails.
 */
export async function storeJobs<J>(
  store: Store, pipeline: Pipeline, taken: Array<{ job: J; article: RawArticle }>, stall?: WorkerOptions['stall'],
): Promise<{ done: Array<{ job: J; doc: string; o: IngestOutcome }>; failed: Array<{ job: J; doc: string; err: unknown }> }> {
  const done: Array<{ job: J; doc: string; o: IngestOutcome }> = [];
  const failed: Array<{ job: J; doc: string; err: unknown }> = [];
  if (taken.length === 0) return { done, failed };
  try {
    const outcomes = await storeArticles(store, pipeline, taken.map((x) => x.article), stall);
    taken.forEach((x, i) => done.push({ job: x.job, doc: x.article.id, o: outcomes[i]! }));
  } catch (err) {
    if (taken.length === 1) failed.push({ job: taken[0]!.job, doc: taken[0]!.article.id, err });
    else {
      for (const { job, article } of taken) {
        try {
          done.push({ job, doc: article.id, o: await storeArticle(store, pipeline, article, stall) });
        } catch (e) {
          failed.push({ job, doc: article.id, err: e });
        }
      }
    }
  }
  return { done, failed };
}

function add(s: WorkerSummary, o: IngestOutcome): void {
  s.jobs++;
  s[o.status]++;
  s.events += o.events;
  s.mentions += o.mentions;
}

export async function runWorker(opts: WorkerOptions): Promise<WorkerSummary> {
  const log = opts.log ?? (() => undefined);
  const poll = Math.max(50, Math.round((opts.pollSeconds ?? 2) * 1000));
  const batchSize = Math.max(1, Math.floor(opts.batch ?? 1));
  const s = emptyWorkerSummary();
  const t0 = Date.now();
  const target = queueTarget(opts.url);
  const boss = await openBoss(target.url, { schema: target.schema });
  let store: Store | undefined;
  try {
    if (!(await boss.getQueue(QUEUE_NAME))) await ensureQueues(boss);
    store = await openStore(opts.url);
    // load the models before taking a job, so a job's time in `active` is extraction + write only
    const pipeline = (opts.pipeline ?? (() => createPipeline()))();
    let lastProgress = Date.now();
    let cpu0: NodeJS.CpuUsage | null = null;
    while (!opts.signal?.aborted) {
      const jobs = await boss.fetch<unknown>(QUEUE_NAME, { batchSize: batchSize });
      if (jobs.length === 0) {
        if (opts.once) {
          const p = await pendingJobs(boss, QUEUE_NAME, target.schema);
          if (p.created + p.retry + p.active === 0) break;
          // jobs held by a dead worker come back once they expire
          if (p.active > 0) await boss.expire();
          if (opts.idleTimeoutMs !== undefined && Date.now() - lastProgress > opts.idleTimeoutMs) {
            throw new ParleyError('QUEUE_FAILED', 'queue', `queue not drained after ${Math.round(opts.idleTimeoutMs / 1000)} s idle: ${p.created} queued, ${p.retry} to retry, ${p.active} active`);
          }
        }
        await sleep(poll, opts.signal);
        continue;
      }
      lastProgress = Date.now();
      cpu0 ??= process.cpuUsage();
      const fail = async (job: { id: string }, doc: string, err: unknown): Promise<void> => {
        s.failed++;
        const message = err instanceof Error ? err.message : String(err);
        log(`job ${job.id} ${doc}: failed: ${message}`);
        await boss.fail(QUEUE_NAME, job.id, { message, doc }).catch(() => undefined);
      };
      const taken: Array<{ job: { id: string }; article: RawArticle }> = [];
      for (const job of jobs) {
        try {
          const article = articleOf(job.data);
          if (opts.verbose) log(`job ${job.id} ${article.id}: start`);
          taken.push({ job, article });
        } catch (err) {
          await fail(job, '?', err);
        }
      }
      const { done, failed } = await storeJobs(store, pipeline, taken, opts.stall);
      for (const f of failed) await fail(f.job, f.doc, f.err);
      for (const { job, doc, o } of done) {
        add(s, o);
        try {
          await boss.complete(QUEUE_NAME, job.id, { status: o.status, events: o.events, mentions: o.mentions });
          if (opts.verbose) log(`job ${job.id} ${doc}: ${o.status}, ${o.events} event(s)`);
        } catch (err) {
          // the article is stored; the job expires, comes back, and is found unchanged
          log(`job ${job.id} ${doc}: ${o.status}, but the job could not be completed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      lastProgress = Date.now();
    }
    if (cpu0) {
      const c = process.cpuUsage(cpu0);
      s.cpu_s = Math.round((c.user + c.system) / 1e4) / 100;
    }
  } finally {
    s.seconds = Math.round((Date.now() - t0) / 10) / 100;
    await store?.close().catch(() => undefined);
    await boss.stop({ graceful: false, close: true }).catch(() => undefined);
  }
  return s;
}
