/**
 * The pipeline runner: chains the stages over one Doc.
 *
 *   read → clean → segment → actors → dates → events
 *
 * Each stage module exports a factory `createXStage(options)` that loads its data once
 * (knowledge base, patterns, NLP model) and returns a plain function over a Doc. A Pipeline
 * holds those functions; nothing is kept in module-level state, so two pipelines with
 * different options can live side by side.
 */
import { newDoc, type Doc, type RawArticle } from './doc.ts';
import type { Extraction } from './extraction.ts';
import { toParleyError, type Stage } from './errors.ts';
import { createCleanStage } from './clean/index.ts';
import { createSegmentStage } from './segment/index.ts';
import { createActorStage } from './actors/index.ts';
import { createDateStage } from './dates/index.ts';
import { createEventStage } from './events/index.ts';
import { toExtraction } from './output.ts';
import { capText } from './text-cap.ts';

export type StageFn = (doc: Doc) => void;

export interface PipelineOptions {
  /** Keep negated, hypothetical, future and background events in the output (flagged). */
  all?: boolean;
  /** Stop after this stage (for debugging and benchmarks). */
  until?: Stage;
}

export interface Pipeline {
  readonly stages: ReadonlyArray<{ name: Stage; run: StageFn }>;
  readonly options: PipelineOptions;
  /** Run every stage over one article; a failing stage records an error and the rest still run. */
  process(article: RawArticle): Doc;
  /** Process and convert to the stable Extraction schema. */
  extract(article: RawArticle): Extraction;
}

export function createPipeline(options: PipelineOptions = {}): Pipeline {
  const all: Array<{ name: Stage; run: StageFn }> = [
    { name: 'clean', run: createCleanStage() },
    { name: 'segment', run: createSegmentStage() },
    { name: 'actors', run: createActorStage() },
    { name: 'dates', run: createDateStage() },
    { name: 'events', run: createEventStage({ all: options.all ?? false }) },
  ];
  const cut = options.until ? all.findIndex((s) => s.name === options.until) : -1;
  const stages = cut >= 0 ? all.slice(0, cut + 1) : all;

  const process = (article: RawArticle): Doc => {
    const doc = newDoc(article);
    for (const stage of stages) {
      try {
        stage.run(doc);
        if (stage.name === 'clean') capText(doc);
      } catch (err) {
        doc.errors.push(toParleyError(err, stage.name, { file: doc.origin.file, line: doc.origin.line }).toJSON());
        if (stage.name === 'clean' || stage.name === 'segment') break;
      }
    }
    return doc;
  };
  return {
    stages,
    options,
    process,
    extract: (article) => toExtraction(process(article), { all: options.all ?? false }),
  };
}
