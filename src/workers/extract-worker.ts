/** Worker side of the extraction pool: one pipeline per thread, one message per article. */
import { parentPort, workerData } from 'node:worker_threads';
import { createPipeline, type PipelineOptions } from '../pipeline.ts';
import type { RawArticle } from '../doc.ts';
import { toParleyError } from '../errors.ts';

const pipeline = createPipeline((workerData ?? {}) as PipelineOptions);
const port = parentPort!;
port.on('message', (msg: { seq: number; article: RawArticle }) => {
  try {
    port.postMessage({ seq: msg.seq, extraction: pipeline.extract(msg.article) });
  } catch (err) {
    port.postMessage({ seq: msg.seq, error: toParleyError(err, 'events', { file: msg.article.origin.file, line: msg.article.origin.line }).toJSON() });
  }
});
port.postMessage({ ready: true });
