/**
 * `parley ingest --queue`: read inputs and enqueue one job per article, in batches. Nothing is
 * extracted here. Articles the store already holds with the same content hash are skipped;
 * a re-run while jobs are still queued enqueues nothing new (job ids derive from doc + hash).
 */
import type PgBoss from 'pg-boss';
import type { RawArticle } from '../doc.ts';
import type { ExtractionError } from '../extraction.ts';
import type { ReadItem } from '../read/index.ts';
import { toParleyError } from '../errors.ts';
import { rawHash } from '../store/ingest.ts';
import type { Store } from '../store/types.ts';
import { QUEUE_NAME, jobId } from './config.ts';

export interface EnqueueSummary {
  /** Articles read. */
  articles: number;
  /** Jobs submitted (a job already queued for the same doc + content is not added twice). */
  enqueued: number;
  /** Already stored with the same content: not enqueued. */
  unchanged: number;
  failures: number;
  errors: ExtractionError[];
}

export interface EnqueueOptions {
  /** Jobs per insert (default 100). */
  batchSize?: number;
  /** Flush a batch early once its article bodies exceed this many bytes (default 16 MB). */
  batchBytes?: number;
  onProgress?: (s: EnqueueSummary) => void;
  onError?: (e: ExtractionError) => void;
}

/** The job payload: the RawArticle as read (JSON-safe). */
export type ArticleJob = RawArticle;

export async function enqueueArticles(
  boss: PgBoss, store: Store, items: AsyncIterable<ReadItem> | Iterable<ReadItem>, opts: EnqueueOptions = {},
): Promise<EnqueueSummary> {
  const size = Math.max(1, opts.batchSize ?? 100);
  const maxBytes = opts.batchBytes ?? 16 * 1024 * 1024;
  const s: EnqueueSummary = { articles: 0, enqueued: 0, unchanged: 0, failures: 0, errors: [] };
  const fail = (e: ExtractionError): void => {
    s.failures++;
    if (s.errors.length < 100) s.errors.push(e);
    opts.onError?.(e);
  };
  let batch: RawArticle[] = [];
  let bytes = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const b = batch;
    batch = [];
    bytes = 0;
    const known = await store.hashes(b.map((a) => a.id));
    const jobs: PgBoss.JobInsert<ArticleJob>[] = [];
    for (const a of b) {
      const hash = rawHash(a);
      if (known.get(a.id) === hash) s.unchanged++;
      else jobs.push({ id: jobId(a.id, hash), name: QUEUE_NAME, data: a });
    }
    if (jobs.length) {
      try {
        await boss.insert(jobs as PgBoss.JobInsert[]);
        s.enqueued += jobs.length;
      } catch (err) {
        for (const j of jobs) fail(toParleyError(err, 'queue', { file: j.data!.origin.file, line: j.data!.origin.line }).toJSON());
      }
    }
    opts.onProgress?.(s);
  };
  for await (const item of items) {
    if (!item.ok) {
      fail(item.error);
      continue;
    }
    s.articles++;
    batch.push(item.article);
    bytes += item.article.raw.length;
    if (batch.length >= size || bytes >= maxBytes) await flush();
  }
  await flush();
  return s;
}
