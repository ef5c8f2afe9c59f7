/**
 * Read → extract → store, in batches: the loop behind `parley ingest` and `POST /api/articles`.
 * Articles whose stored hash matches skip extraction; each batch is one transaction, so a killed
 * run followed by a rerun leaves the store as a clean run would.
 */
import type { RawArticle } from '../doc.ts';
import type { ExtractionError, ExtractResult } from '../extraction.ts';
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
  /**
   * Extracts a batch's changed articles elsewhere (e.g. on a worker pool), one result per
   * article in order, instead of on this thread with the pipeline. Called only for batches that
   * hold an article to extract.
   */
  extractBatch?: (articles: RawArticle[]) => Promise<BatchResult[]>;
}

export type BatchResult = ExtractResult;

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

/**
 * A batch's articles split by their stored hash: `unchanged` (same hash stored, and the doc only
 * once in the batch: a doc given twice is always written, so the later version wins) and `todo`
 * (to extract), each with its index in the batch.
 */
export async function splitUnchanged(
  store: Store, batch: RawArticle[],
): Promise<{ unchanged: Array<{ i: number; outcome: IngestOutcome }>; todo: Array<{ i: number; article: RawArticle; hash: string }> }> {
  const known = await store.hashes(batch.map((a) => a.id));
  const unchanged: Array<{ i: number; outcome: IngestOutcome }> = [];
  const todo: Array<{ i: number; article: RawArticle; hash: string }> = [];
  batch.forEach((article, i) => {
    const hash = rawHash(article);
    if (known.get(article.id) === hash && !batch.some((b) => b !== article && b.id === article.id)) {
      unchanged.push({ i, outcome: { doc: article.id, status: 'unchanged', events: 0, mentions: 0 } });
    } else todo.push({ i, article, hash });
  });
  return { unchanged, todo };
}

type Extract = (articles: RawArticle[]) => Promise<BatchResult[]>;

interface Prepared {
  inputs: Array<{ input: ArticleInput; article: RawArticle }>;
}

/**
 * Counts a batch's unchanged articles and starts extracting the rest. Resolves once the
 * extraction is under way, with the promise of its result, so a worker pool works on this batch
 * while the caller writes the one before.
 */
async function startBatch(
  store: Store, extract: Extract, batch: RawArticle[], s: IngestSummary, fail: (e: ExtractionError) => void,
): Promise<{ done: Promise<Prepared> }> {
  const { unchanged, todo } = await splitUnchanged(store, batch);
  for (const u of unchanged) addOutcome(s, u.outcome);
  if (todo.length === 0) return { done: Promise.resolve({ inputs: [] }) };
  const done = extract(todo.map((t) => t.article)).then((results) => {
    const inputs: Prepared['inputs'] = [];
    todo.forEach(({ article, hash }, i) => {
      const r = results[i]!;
      if (r.ok) inputs.push({ input: { extraction: r.extraction, raw: article.raw, hash }, article });
      else fail(r.error);
    });
    return { inputs };
  });
  done.catch(() => undefined); // awaited by the caller after it writes the batch before
  return { done };
}

async function writeBatch(store: Store, { inputs }: Prepared, s: IngestSummary, fail: (e: ExtractionError) => void): Promise<void> {
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
  const extract: Extract = opts.extractBatch ?? (async (articles) => {
    const p = pipeline(); // a pipeline that cannot load stops the run: not a per-article failure
    return articles.map((article): BatchResult => {
      try {
        return { ok: true, extraction: p.extract(article) };
      } catch (err) {
        return { ok: false, error: toParleyError(err, 'events', { file: article.origin.file, line: article.origin.line }).toJSON() };
      }
    });
  });
  const s = emptySummary();
  const fail = (e: ExtractionError): void => {
    s.failures++;
    if (s.errors.length < 100) s.errors.push(e);
    opts.onError?.(e);
  };
  let batch: RawArticle[] = [];
  // One batch is extracted while the one before it is written: with `extractBatch` on a worker
  // pool the workers keep extracting during the (main-thread) store transaction.
  let prepared: Promise<Prepared> | null = null;
  const writePrepared = async (): Promise<void> => {
    if (!prepared) return;
    const p = prepared;
    prepared = null;
    await writeBatch(store, await p, s, fail);
    opts.onProgress?.(s);
  };
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const next = await startBatch(store, extract, batch, s, fail);
    batch = [];
    await writePrepared();
    prepared = next.done;
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
  await writePrepared();
  return s;
}
