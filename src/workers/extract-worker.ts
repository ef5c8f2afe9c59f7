/** Worker side of the extraction pool: one pipeline per thread, one message per article. */
import { parentPort, workerData } from 'node:worker_threads';
import { createPipeline, type PipelineOptions } from '../pipeline.ts';
import type { RawArticle } from '../doc.ts';
import { toParleyError } from '../errors.ts';

const pipeline = createPipeline((workerData ?? {}) as PipelineOptions);
const port = parentPort!;
// Test hook: end this thread when it receives the article with this id (simulates a worker dying,
// e.g. out of memory), so the pool's recovery can be tested for real.
const crashOn = process.env.PARLEY_TEST_WORKER_CRASH_ON;
port.on('message', (msg: { seq: number; article: RawArticle }) => {
  if (crashOn && msg.article.id === crashOn) process.exit(3);
  try {
    port.postMessage({ seq: msg.seq, extraction: pipeline.extract(msg.article) });
  } catch (err) {
    port.postMessage({ seq: msg.seq, error: toParleyError(err, 'events', { file: msg.article.origin.file, line: msg.article.origin.line }).toJSON() });
  }
});
port.postMessage({ ready: true });
