/**
 * Event stage: codes PLOVER events from the actor mentions and tokens of a Doc.
 *
 *   patterns (data/patterns) → readings per sentence (match.ts) → records (records.ts)
 *   → one event per (type, source, target) per article
 *
 * Readings below the confidence threshold are dropped. Negated, hypothetical, future and
 * background readings are kept with their flags (src/output.ts leaves them out unless --all).
 */
import type { Doc } from '../doc.ts';
import { toParleyError } from '../errors.ts';
import { buildContext } from './context.ts';
import { matchSentence, type Diagnostic, type Reading } from './match.ts';
import { loadOntology, type Ontology } from './ontology.ts';
import { loadPatterns, type PatternSet } from './patterns.ts';
import { mergeEvents, toRecord } from './records.ts';
import { speechPatterns } from './speech.ts';
import { addPronounLinks, addQuoteSpeakers } from './quotes.ts';

export { loadOntology, loadPatterns };
export type { Diagnostic, Reading };

export interface EventStageOptions {
  all: boolean;
  /** readings with a lower confidence are dropped (default 0.5) */
  minConfidence?: number;
  patterns?: PatternSet;
  ontology?: Ontology;
}

export const DEFAULT_MIN_CONFIDENCE = 0.5;

/** Readings of every sentence of a Doc; `trace` (when given) receives diagnostics. */
export function findReadings(doc: Doc, ps: PatternSet, trace: Diagnostic[] | null = null, only?: number): { readings: Reading[]; ctx: ReturnType<typeof buildContext> } {
  const ctx = buildContext(doc, ps.lexicon);
  addQuoteSpeakers(ctx);
  addPronounLinks(ctx);
  const sp = speechPatterns(ps);
  const readings: Reading[] = [];
  for (let s = 0; s < doc.sentences.length; s++) {
    if (only !== undefined && s !== only) continue;
    try {
      readings.push(...matchSentence(ctx, ps, s, trace, sp));
    } catch (err) {
      // one sentence the matcher cannot read must not cost the article its other events
      const e = toParleyError(err, 'events', { file: doc.origin.file, line: doc.origin.line });
      doc.errors.push({ ...e.toJSON(), message: `${e.message} (sentence ${s})` });
    }
  }
  return { readings, ctx };
}

export function createEventStage(opts: EventStageOptions) {
  const ontology = opts.ontology ?? loadOntology();
  const patterns = opts.patterns ?? loadPatterns(undefined, ontology);
  const min = opts.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  return function events(doc: Doc): void {
    const { readings, ctx } = findReadings(doc, patterns);
    const records = readings.filter((r) => r.confidence >= min).map((r) => toRecord(ctx, ontology, r));
    doc.events = mergeEvents(records);
  };
}
