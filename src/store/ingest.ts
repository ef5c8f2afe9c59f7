/**
 * Read → extract → store, in batches: the loop behind `parley ingest` and `POST /api/articles`.
 * Articles whose stored hash matches skip extraction; each batch is one transaction, so a killed
 * run followed by a rerun leaves the store as a clean run would.
 */
import type { RawArticle } from '../doc.ts';
import type { ExtractionError } from '../extraction.ts';
import type { ReadItem } from '../read/index.ts';
import type { Pipeline } from '../pipeline.ts';
import { toParleyError } from '../errors.ts';
import { contentHash } from './hash.ts';
import type { ArticleInput, IngestOutcome, IngestSummary, Store } from './types.ts';

export interface IngestRunOptions {
  /** Articles per transaction (default 100). */
  batchSize?: number;
  /** Called after every stored batch with the running summary. */
  onProgress?: (s: IngestSummary) => void;
  /** Called for every input that fails (read, extract or store). */
  onError?: (e: ExtractionError) => void;
}

export function emptySummary(): IngestSummary {
  return { articles: 0, new: 0, unchanged: 0, replaced: 0, events: 0, mentions: 0, failures: 0, errors: [] };
}

function addOutcome(s: IngestSummary, o: IngestOutcome): void {
  s.articles++;
  s[o.status]++;
  s.events += o.events;
  s.mentions += o.mentions;
}

export function rawHash(a: RawArticle): string {
  return contentHash(a.raw, a.meta);
}

async function storeBatch(store: Store, pipeline: () => Pipeline, batch: RawArticle[], s: IngestSummary, fail: (e: ExtractionError) => void): Promise<void> {
  const known = await store.hashes(batch.map((a) => a.id));
  const todo: Array<{ article: RawArticle; hash: string }> = [];
  for (const article of batch) {
    const hash = rawHash(article);
    if (known.get(article.id) === hash && !batch.some((b) => b !== article && b.id === article.id)) {
      addOutcome(s, { doc: article.id, status: 'unchanged', events: 0, mentions: 0 });
    } else todo.push({ article, hash });
  }
  if (todo.length === 0) return;
  const p = pipeline(); // a pipeline that cannot load stops the run: not a per-article failure
  const inputs: Array<{ input: ArticleInput; article: RawArticle }> = [];
  for (const { article, hash } of todo) {
    try {
      inputs.push({ input: { extraction: p.extract(article), raw: article.raw, hash }, article });
    } catch (err) {
      fail(toParleyError(err, 'events', { file: article.origin.file, line: article.origin.line }).toJSON());
    }
  }
  if (inputs.length === 0) return;
  try {
    for (const o of await store.ingest(inputs.map((x) => x.input))) addOutcome(s, o);
  } catch {
    // find the article that breaks the batch: store the rest one by one
    for (const { input, article } of inputs) {
      try {
        for (const o of await store.ingest([input])) addOutcome(s, o);
      } catch (err) {
        fail(toParleyError(err, 'store', { file: article.origin.file, line: article.origin.line }).toJSON());
      }
    }
  }
}

/**
 * Ingest read items. `pipeline` may be a factory: it is then called once, on the first article
 * that needs extracting (a re-run over unchanged articles never loads the models).
 */
export async function ingestArticles(
  store: Store, pipelineOrFactory: Pipeline | (() => Pipeline), items: AsyncIterable<ReadItem> | Iterable<ReadItem>, opts: IngestRunOptions = {},
): Promise<IngestSummary> {
  const size = Math.max(1, opts.batchSize ?? 100);
  const made: { p?: Pipeline } = {};
  const pipeline = (): Pipeline => (made.p ??= typeof pipelineOrFactory === 'function' ? pipelineOrFactory() : pipelineOrFactory);
  const s = emptySummary();
  const fail = (e: ExtractionError): void => {
    s.failures++;
    if (s.errors.length < 100) s.errors.push(e);
    opts.onError?.(e);
  };
  let batch: RawArticle[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const b = batch;
    batch = [];
    await storeBatch(store, pipeline, b, s, fail);
    opts.onProgress?.(s);
  };
  for await (const item of items) {
    if (!item.ok) {
      fail(item.error);
      continue;
    }
    batch.push(item.article);
    if (batch.length >= size) await flush();
  }
  await flush();
  return s;
}
