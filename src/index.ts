/**
 * Parley's library front door.
 *
 *   import { extract } from 'parley';
 *   const x = extract({ text: 'US Secretary of State Antony Blinken met ...', published: '2024-04-26' });
 */
import type { RawArticle } from './doc.ts';
import type { Extraction } from './extraction.ts';
import { createPipeline, type Pipeline, type PipelineOptions } from './pipeline.ts';

export type { Doc, Span, RawArticle, ArticleMeta } from './doc.ts';
export type * from './extraction.ts';
export { createPipeline, type Pipeline, type PipelineOptions } from './pipeline.ts';
export { readInputs, type ReadItem } from './read/index.ts';
export { ParleyError } from './errors.ts';

/** Input accepted by `extract`: a plain string of article text, a record, or a RawArticle. */
export type ExtractInput =
  | string
  | RawArticle
  | { id?: string; text?: string; html?: string; title?: string; url?: string; source?: string; published?: string };

/** Turn a string or record into a RawArticle. */
export function toRawArticle(input: ExtractInput): RawArticle {
  if (typeof input === 'string') return { id: 'doc', origin: { file: '<string>' }, format: 'text', raw: input, meta: {} };
  if ('raw' in input && 'format' in input) return input as RawArticle;
  const r = input as Exclude<ExtractInput, string | RawArticle>;
  const html = r.html !== undefined && r.text === undefined;
  return {
    id: r.id ?? 'doc',
    origin: { file: '<input>' },
    format: html ? 'html' : 'text',
    raw: (html ? r.html : r.text) ?? '',
    meta: { title: r.title ?? null, url: r.url ?? null, source: r.source ?? null, published: r.published ?? null },
  };
}

let shared: Pipeline | undefined;

/**
 * Extract one article. Reuses one default pipeline between calls (its data loads once);
 * pass `pipeline` (from createPipeline) to choose options.
 */
export function extract(input: ExtractInput, pipeline?: Pipeline): Extraction {
  const p = pipeline ?? (shared ??= createPipeline());
  return p.extract(toRawArticle(input));
}

export function createExtractor(options: PipelineOptions = {}): (input: ExtractInput) => Extraction {
  const p = createPipeline(options);
  return (input) => p.extract(toRawArticle(input));
}
