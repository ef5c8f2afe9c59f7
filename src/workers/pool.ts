/**
 * Parallel extraction over worker_threads.
 *
 * `extractStream(items, {workers})` takes the readers' stream and yields results in input order.
 * At most `workers × 4` articles are in flight, so memory stays bounded however large the
 * corpus. With `workers <= 1` everything runs on the calling thread (no worker start-up cost).
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { ReadItem } from '../read/index.ts';
import type { Extraction, ExtractionError } from '../extraction.ts';
import type { PipelineOptions } from '../pipeline.ts';
import { ParleyError, toParleyError } from '../errors.ts';
import type { Origin } from '../doc.ts';

export type StreamResult =
  | { ok: true; extraction: Extraction }
  | { ok: false; error: ExtractionError };

export interface StreamOptions extends PipelineOptions {
  /** Number of worker threads; default: the number of cores. 1 = run on this thread. */
  workers?: number;
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export async function* extractStream(items: AsyncIterable<ReadItem>, opts: StreamOptions = {}): AsyncGenerator<StreamResult> {
  const n = Math.max(1, Math.floor(opts.workers ?? defaultWorkers()));
  const pipelineOptions: PipelineOptions = { all: opts.all ?? false };
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
  yield* runPool(items, n, pipelineOptions);
}

async function* runPool(items: AsyncIterable<ReadItem>, n: number, pipelineOptions: PipelineOptions): AsyncGenerator<StreamResult> {
  const maxInFlight = n * 4;
  const workers = new Set<Worker>();
  const idle: Worker[] = [];
  /** What each busy worker is extracting, so a worker that dies fails only that article. */
  const busy = new Map<Worker, { seq: number; origin: Origin }>();
  const done = new Map<number, StreamResult>();
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let closing = false;
  let respawns = 0;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const wait = () => new Promise<void>((resolve) => (wake = resolve));

  const spawn = (): Promise<void> =>
    new Promise((resolve) => {
      const w = new Worker(new URL('./extract-worker.mjs', import.meta.url), { workerData: pipelineOptions });
      let started = false;
      workers.add(w);
      w.on('message', (m: { ready?: boolean; seq?: number; extraction?: Extraction; error?: ExtractionError }) => {
        if (m.ready) {
          started = true;
          idle.push(w);
          resolve();
        } else if (m.seq !== undefined) {
          done.set(m.seq, m.extraction ? { ok: true, extraction: m.extraction } : { ok: false, error: m.error! });
          busy.delete(w);
          idle.push(w);
        }
        notify();
      });
      const died = (why: string) => {
        if (closing || !workers.has(w)) return;
        workers.delete(w);
        const i = idle.indexOf(w);
        if (i >= 0) idle.splice(i, 1);
        const job = busy.get(w);
        busy.delete(w);
        if (job) {
          done.set(job.seq, {
            ok: false,
            error: new ParleyError('STAGE_FAILED', 'events', `worker thread died while extracting this article (${why})`, job.origin).toJSON(),
          });
        }
        if (!started) failure = new Error(`extraction worker failed to start: ${why}`);
        else if (++respawns > n * 8) failure = new Error(`extraction workers keep dying (${why})`);
        else void spawn();
        resolve();
        notify();
      };
      w.on('error', (err: Error) => died(err.message));
      w.on('exit', (code) => died(`exit code ${code}`));
    });

  let nextSeq = 0; // next sequence number to assign
  let emitSeq = 0; // next sequence number to yield
  const pendingInput: Array<{ seq: number; item: ReadItem & { ok: true } }> = [];
  const iterator = items[Symbol.asyncIterator]();
  let inputDone = false;
  try {
    await Promise.all(Array.from({ length: n }, spawn));
    while (true) {
      if (failure) throw failure;
      // top up the queue from the input, bounded by maxInFlight
      while (!inputDone && nextSeq - emitSeq < maxInFlight && pendingInput.length < n) {
        const r = await iterator.next();
        if (r.done) {
          inputDone = true;
          break;
        }
        const seq = nextSeq++;
        if (r.value.ok) pendingInput.push({ seq, item: r.value });
        else done.set(seq, r.value);
      }
      // hand work to idle workers
      while (idle.length && pendingInput.length) {
        const { seq, item } = pendingInput.shift()!;
        const w = idle.shift()!;
        busy.set(w, { seq, origin: item.article.origin });
        w.postMessage({ seq, article: item.article });
      }
      // emit everything that is ready, in order
      let emitted = false;
      while (done.has(emitSeq)) {
        const r = done.get(emitSeq)!;
        done.delete(emitSeq++);
        emitted = true;
        yield r;
      }
      if (inputDone && emitSeq === nextSeq) break;
      if (!emitted && (inputDone || nextSeq - emitSeq >= maxInFlight || idle.length === 0 || pendingInput.length > 0)) await wait();
    }
  } finally {
    closing = true;
    await Promise.all([...workers].map((w) => w.terminate()));
  }
}
