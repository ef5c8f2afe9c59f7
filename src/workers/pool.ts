/**
 * Parallel extraction over worker_threads.
 *
 * `ExtractionPool` keeps N worker threads, each with its own pipeline, and extracts one article
 * per call (`extract(article) → Promise<StreamResult>`); `parley ingest --workers N` hands it one
 * batch at a time. `extractStream(items, {workers})` takes the readers' stream and yields results
 * in input order with at most `workers × 5` articles in flight, so memory stays bounded however
 * large the corpus. With `workers <= 1` everything runs on the calling thread (no worker start-up
 * cost).
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { ReadItem } from '../read/index.ts';
import type { Extraction, ExtractionError, ExtractResult } from '../extraction.ts';
import type { PipelineOptions } from '../pipeline.ts';
import { ParleyError, toParleyError } from '../errors.ts';
import type { RawArticle } from '../doc.ts';

export type StreamResult = ExtractResult;

export interface PoolOptions extends PipelineOptions {
  /** Number of worker threads; default: the number of cores. */
  workers?: number;
  /**
   * Old-generation heap limit of each worker thread, in MB (default 384). Without it V8 lets a
   * heap under no pressure grow to several times the ≈120 MB a pipeline holds; with it, N workers
   * stay within a predictable N × 400 MB. The largest article the pipeline accepts (1M
   * characters) needs about 150 MB.
   */
  workerHeapMb?: number;
}

export interface StreamOptions extends PoolOptions {
  /** Number of worker threads; default: the number of cores. 1 = run on this thread. */
  workers?: number;
  /**
   * Start worker threads only when the input holds more than this many items; a shorter input is
   * extracted on this thread, which is quicker than starting the workers (each loads its own
   * models, about a second). The items are read ahead to find out, so leave it unset for a live
   * feed. Default 0: always start them.
   */
  poolFrom?: number;
}

export const DEFAULT_WORKER_HEAP_MB = 384;

/**
 * Articles queued on each worker beyond the one it is extracting, so a worker never waits for the
 * main thread to hand it the next article (on a busy machine that round trip leaves it idle).
 */
const QUEUED_PER_WORKER = 2;

/** Articles that one thread extracts faster than worker threads start (each loads its models). */
export const SMALL_INPUT = 64;

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

interface Job {
  article: RawArticle;
  resolve: (r: StreamResult) => void;
  reject: (e: Error) => void;
}

type WorkerMessage = { ready?: boolean; seq?: number; extraction?: Extraction; error?: ExtractionError };

export class ExtractionPool {
  readonly size: number;
  private readonly pipelineOptions: PipelineOptions;
  private readonly heapMb: number;
  /** The jobs each live, started worker holds, in the order it runs them: the first is the one it is on. */
  private readonly held = new Map<Worker, Job[]>();
  private readonly workers = new Set<Worker>();
  private readonly pending: Job[] = [];
  private failure: Error | null = null;
  private closing = false;
  private respawns = 0;

  private constructor(opts: PoolOptions) {
    this.size = Math.max(1, Math.floor(opts.workers ?? defaultWorkers()));
    this.pipelineOptions = { all: opts.all ?? false };
    this.heapMb = opts.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB;
  }

  /** Starts the workers and resolves once every one has loaded its pipeline. */
  static async open(opts: PoolOptions = {}): Promise<ExtractionPool> {
    const pool = new ExtractionPool(opts);
    await Promise.all(Array.from({ length: pool.size }, () => pool.spawn()));
    if (pool.failure) {
      await pool.close();
      throw pool.failure;
    }
    return pool;
  }

  /**
   * Extracts one article on the least busy worker. Resolves with the extraction or the article's
   * own error (also when its worker thread dies on it); rejects only when the pool itself fails
   * (workers that cannot start or keep dying) or is closed.
   */
  extract(article: RawArticle): Promise<StreamResult> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closing) return Promise.reject(new Error('extraction pool is closed'));
    return new Promise((resolve, reject) => {
      this.pending.push({ article, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    this.failAll(new Error('extraction pool is closed'));
    await Promise.all([...this.workers].map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.pending.length) {
      let best: Worker | null = null;
      let bestLen = 1 + QUEUED_PER_WORKER;
      for (const [w, jobs] of this.held) {
        if (jobs.length < bestLen) {
          best = w;
          bestLen = jobs.length;
        }
      }
      if (!best) return;
      const job = this.pending.shift()!;
      this.held.get(best)!.push(job);
      best.postMessage({ seq: 0, article: job.article });
    }
  }

  private failAll(err: Error): void {
    for (const jobs of this.held.values()) for (const j of jobs.splice(0)) j.reject(err);
    for (const j of this.pending.splice(0)) j.reject(err);
  }

  private spawn(): Promise<void> {
    return new Promise((resolve) => {
      const w = new Worker(new URL('./extract-worker.mjs', import.meta.url), {
        workerData: this.pipelineOptions,
        resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
      });
      let started = false;
      this.workers.add(w);
      w.on('message', (m: WorkerMessage) => {
        if (m.ready) {
          started = true;
          this.held.set(w, []);
          resolve();
        } else {
          // a worker runs its jobs in the order it received them
          const job = this.held.get(w)?.shift();
          job?.resolve(m.extraction ? { ok: true, extraction: m.extraction } : { ok: false, error: m.error! });
        }
        this.dispatch();
      });
      const died = (why: string) => {
        if (this.closing || !this.workers.has(w)) return;
        this.workers.delete(w);
        const jobs = this.held.get(w) ?? [];
        this.held.delete(w);
        // the first job is the article it died on: that one fails; the ones queued behind it go
        // back to the front of the queue for the other workers
        const [fatal, ...rest] = jobs;
        fatal?.resolve({
          ok: false,
          error: new ParleyError('STAGE_FAILED', 'events', `worker thread died while extracting this article (${why})`, fatal.article.origin).toJSON(),
        });
        this.pending.unshift(...rest);
        if (!started) this.failure = new Error(`extraction worker failed to start: ${why}`);
        else if (++this.respawns > this.size * 8) this.failure = new Error(`extraction workers keep dying (${why})`);
        if (this.failure) this.failAll(this.failure);
        else void this.spawn().then(() => this.dispatch());
        resolve();
      };
      w.on('error', (err: Error) => died(err.message));
      w.on('exit', (code) => died(`exit code ${code}`));
    });
  }
}

/** Reads up to `max` + 1 items ahead; `ended` when the input held no more than `max`. */
export async function readAhead(items: AsyncIterable<ReadItem>, max: number): Promise<{ ended: boolean; items: AsyncIterable<ReadItem> }> {
  const it = items[Symbol.asyncIterator]();
  const head: ReadItem[] = [];
  let ended = false;
  while (head.length <= max) {
    const r = await it.next();
    if (r.done) {
      ended = true;
      break;
    }
    head.push(r.value);
  }
  async function* rest(): AsyncGenerator<ReadItem> {
    let done = ended;
    try {
      yield* head;
      while (!done) {
        const r = await it.next();
        if (r.done) done = true;
        else yield r.value;
      }
    } finally {
      if (!done) await it.return?.();
    }
  }
  return { ended, items: rest() };
}

export async function* extractStream(input: AsyncIterable<ReadItem>, opts: StreamOptions = {}): AsyncGenerator<StreamResult> {
  let n = Math.max(1, Math.floor(opts.workers ?? defaultWorkers()));
  const pipelineOptions: PipelineOptions = { all: opts.all ?? false };
  let items = input;
  if (n > 1 && opts.poolFrom) {
    const ahead = await readAhead(input, opts.poolFrom);
    items = ahead.items;
    if (ahead.ended) n = 1;
  }
  if (n === 1) {
    // loaded only here: with worker threads the main thread never needs the models in memory
    const { createPipeline } = await import('../pipeline.ts');
    const pipeline = createPipeline(pipelineOptions);
    for await (const item of items) {
      if (!item.ok) yield item;
      else {
        try {
          yield { ok: true, extraction: pipeline.extract(item.article) };
        } catch (err) {
          yield { ok: false, error: toParleyError(err, 'events', item.article.origin).toJSON() };
        }
      }
    }
    return;
  }
  const pool = await ExtractionPool.open({ ...opts, workers: n });
  try {
    yield* ordered(items, (a) => pool.extract(a), n * (1 + QUEUED_PER_WORKER + 2));
  } finally {
    await pool.close();
  }
}

/**
 * Results in input order with at most `maxInFlight` articles submitted and not yet yielded. A
 * finished result is yielded as soon as every earlier one is, even while the input is slow to
 * deliver the next article (a feed on stdin).
 */
async function* ordered(items: AsyncIterable<ReadItem>, run: (a: RawArticle) => Promise<StreamResult>, maxInFlight: number): AsyncGenerator<StreamResult> {
  type Slot = { settled: boolean; result?: StreamResult; promise: Promise<unknown> };
  const queue: Slot[] = [];
  const iterator = items[Symbol.asyncIterator]();
  let next: Promise<IteratorResult<ReadItem>> | null = null;
  let inputDone = false;
  let failure: Error | null = null;
  try {
    while (true) {
      if (failure) throw failure;
      while (queue[0]?.settled) yield queue.shift()!.result!;
      if (inputDone && queue.length === 0) return;
      if (!inputDone && queue.length < maxInFlight) {
        next ??= iterator.next();
        const input = next.then((r) => ({ r }));
        const r = queue[0] ? await Promise.race([input, queue[0].promise.then(() => null)]) : await input;
        if (!r) continue; // the oldest result is ready: yield it, then wait on the input again
        next = null;
        if (r.r.done) {
          inputDone = true;
          continue;
        }
        const item = r.r.value;
        if (!item.ok) {
          queue.push({ settled: true, result: item, promise: Promise.resolve() });
          continue;
        }
        const slot: Slot = { settled: false, promise: Promise.resolve() };
        slot.promise = run(item.article).then(
          (res) => {
            slot.settled = true;
            slot.result = res;
          },
          (err: Error) => {
            failure ??= err;
            slot.settled = true;
            slot.result = { ok: false, error: toParleyError(err, 'events', item.article.origin).toJSON() };
          },
        );
        queue.push(slot);
      } else {
        await queue[0]!.promise;
      }
    }
  } finally {
    if (!inputDone) await iterator.return?.();
  }
}
