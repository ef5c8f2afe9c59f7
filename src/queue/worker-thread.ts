/** One queue worker loop inside a worker thread: options in workerData, 'stop' message = SIGTERM. */
import { parentPort, workerData } from 'node:worker_threads';
import { runWorker, type WorkerOptions } from './work.ts';

type ThreadOptions = Omit<WorkerOptions, 'signal' | 'log' | 'pipeline'>;

const port = parentPort!;
const stop = new AbortController();
port.on('message', (m: unknown) => {
  if (m === 'stop') stop.abort();
});
try {
  const summary = await runWorker({
    ...(workerData as ThreadOptions),
    signal: stop.signal,
    log: (line) => port.postMessage({ log: line }),
  });
  port.postMessage({ summary });
} catch (err) {
  port.postMessage({ error: err instanceof Error ? err.message : String(err) });
}
port.close();
