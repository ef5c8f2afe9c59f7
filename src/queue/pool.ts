/**
 * `parley worker --concurrency N`: N independent worker loops, one per thread (extraction is
 * CPU-bound, so threads, not async concurrency). Each loop has its own pipeline, store pool and
 * pg-boss connection; the summaries are added up. With N = 1 the loop runs on this thread.
 */
import { Worker } from 'node:worker_threads';
import { ParleyError } from '../errors.ts';
import { emptyWorkerSummary, runWorker, type WorkerOptions, type WorkerSummary } from './work.ts';

export async function runWorkers(n: number, opts: WorkerOptions): Promise<WorkerSummary> {
  if (n <= 1) return runWorker(opts);
  const { signal, log, pipeline: _p, ...data } = opts;
  const t0 = Date.now();
  const runs: Array<Promise<WorkerSummary>> = [];
  const threads: Worker[] = [];
  for (let i = 0; i < n; i++) {
    const w = new Worker(new URL('./worker-thread.mjs', import.meta.url), { workerData: data });
    threads.push(w);
    runs.push(new Promise<WorkerSummary>((resolve, reject) => {
      let result: WorkerSummary | null = null;
      let failure: string | null = null;
      w.on('message', (m: { log?: string; summary?: WorkerSummary; error?: string }) => {
        if (m.log !== undefined) log?.(`[${i + 1}] ${m.log}`);
        if (m.summary) result = m.summary;
        if (m.error !== undefined) failure = m.error;
      });
      w.on('error', reject);
      w.on('exit', () => {
        if (result) resolve(result);
        else reject(new ParleyError('QUEUE_FAILED', 'queue', `worker thread ${i + 1} stopped: ${failure ?? 'no result'}`));
      });
    }));
  }
  const onAbort = (): void => {
    for (const w of threads) w.postMessage('stop');
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const settled = await Promise.allSettled(runs);
    const total = emptyWorkerSummary();
    for (const r of settled) {
      if (r.status === 'rejected') throw r.reason;
      for (const k of ['jobs', 'new', 'unchanged', 'replaced', 'events', 'mentions', 'failed'] as const) total[k] += r.value[k];
    }
    // threads share one process: its CPU time is counted once
    total.cpu_s = Math.max(0, ...settled.map((r) => (r.status === 'fulfilled' ? r.value.cpu_s : 0)));
    total.seconds = Math.round((Date.now() - t0) / 10) / 100;
    return total;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
