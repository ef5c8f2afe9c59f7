/** Doc → Extraction: the stable output schema (see src/extraction.ts). */
import type { Doc } from './doc.ts';
import type { Extraction } from './extraction.ts';

export function toExtraction(doc: Doc, opts: { all: boolean } = { all: false }): Extraction {
  const events = opts.all
    ? doc.events
    : doc.events.filter((e) => !e.negated && !e.hypothetical && !e.future && !e.background);
  return {
    doc: doc.id,
    title: doc.meta.title,
    url: doc.meta.url,
    source: doc.meta.source,
    published: doc.meta.published,
    language: doc.language,
    text: doc.text,
    actors: doc.actors,
    events,
    errors: doc.errors,
  };
}
