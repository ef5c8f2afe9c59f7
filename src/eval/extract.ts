/** Extraction in-process for evaluation: run the pipeline over corpus paths, keep the gold docs. */
import { formatError } from '../errors.ts';
import { readInputs } from '../read/index.ts';
import { createPipeline, type PipelineOptions } from '../pipeline.ts';
import type { Json } from './score.ts';

export interface ExtractForEvalOptions {
  /** Only documents with these ids are extracted (the others are not scored anyway). */
  wanted?: Set<string>;
  /** Receives each read error, formatted. */
  onError?: (line: string) => void;
  pipeline?: PipelineOptions;
}

/** Extractions keyed by doc id, as plain JSON (what a system.jsonl line would hold). */
export async function extractForEval(paths: string[], opts: ExtractForEvalOptions = {}): Promise<Map<string, { [k: string]: Json }>> {
  const pipeline = createPipeline(opts.pipeline ?? {});
  const out = new Map<string, { [k: string]: Json }>();
  for await (const item of readInputs(paths)) {
    if (!item.ok) {
      opts.onError?.(formatError(item.error));
      continue;
    }
    if (opts.wanted && !opts.wanted.has(item.article.id)) continue;
    const x = pipeline.extract(item.article);
    out.set(String(x.doc), JSON.parse(JSON.stringify(x)) as { [k: string]: Json });
  }
  return out;
}
