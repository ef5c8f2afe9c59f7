/**
 * The one container every pipeline stage reads and fills in.
 *
 * A `Doc` holds the raw input, the cleaned text, and layers of spans that point into
 * `doc.text` by offset (never copies of it). Stages are plain functions `(doc) => void`
 * that add a layer; see `src/pipeline.ts`.
 */
import type { Actor, EventRecord, ExtractionError } from './extraction.ts';

/** A half-open range `[start, end)` of `doc.text` with a label and an optional id. */
export interface Span {
  start: number;
  end: number;
  label: string;
  id?: string;
}

/** Where an article came from: used in every error message. */
export interface Origin {
  /** File path, or `-` for stdin. */
  file: string;
  /** 1-based line number for JSONL records. */
  line?: number;
}

export interface ArticleMeta {
  title: string | null;
  url: string | null;
  source: string | null;
  /** Publication date `YYYY-MM-DD`, or null when the input states none. */
  published: string | null;
  byline: string | null;
}

/** What a reader yields: one article before cleaning. */
export interface RawArticle {
  id: string;
  origin: Origin;
  format: 'text' | 'html';
  /** The article content as read (plain text or an HTML page), already decoded to a string. */
  raw: string;
  /** Metadata the container stated (JSON fields, `Title:` header lines, ...). */
  meta: Partial<ArticleMeta>;
  /** Problems found while reading that did not stop the article from being read. */
  errors?: ExtractionError[];
}

/**
 * Tokens as flat parallel arrays (wink-nlp style): token i spans `text.slice(start[i], end[i])`.
 * `sentence[i]` is the index into `doc.sentences` of the sentence holding token i.
 */
export interface Tokens {
  start: number[];
  end: number[];
  /** Universal POS tag from wink-nlp (NOUN, PROPN, VERB, ADP, ...). */
  pos: string[];
  lemma: string[];
  /** Lower-cased surface form. */
  lower: string[];
  sentence: number[];
  /** 1 when wink-nlp marks the token as inside a negation scope. */
  negated: Uint8Array | number[];
}

/** A date expression found in the text, resolved against the publication date. */
export interface DateMention extends Span {
  label: 'date';
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  value: string;
  precision: 'day' | 'month' | 'year';
}

/** A mention of an actor: `id` is the id of an entry in `doc.actors`. */
export interface ActorMention extends Span {
  id: string;
}

export interface Doc {
  id: string;
  origin: Origin;
  format: 'text' | 'html';
  raw: string;
  meta: ArticleMeta;
  /** Cleaned text: paragraphs separated by blank lines. */
  text: string;
  /**
   * `rawOffsets[i]` is the offset in `raw` of `text[i]` (length `text.length + 1`), or null
   * when the text was rebuilt from HTML and has no character-level map.
   */
  rawOffsets: Int32Array | null;
  /** ISO 639-1 code of the article's language, or null when unknown. */
  language: string | null;
  paragraphs: Span[];
  sentences: Span[];
  tokens: Tokens;
  actorMentions: ActorMention[];
  actors: Actor[];
  dates: DateMention[];
  events: EventRecord[];
  errors: ExtractionError[];
}

export function emptyTokens(): Tokens {
  return { start: [], end: [], pos: [], lemma: [], lower: [], sentence: [], negated: [] };
}

export function emptyMeta(): ArticleMeta {
  return { title: null, url: null, source: null, published: null, byline: null };
}

/** Make a Doc from a raw article whose text is not cleaned yet (clean() fills `text`). */
export function newDoc(a: RawArticle): Doc {
  return {
    id: a.id,
    origin: a.origin,
    format: a.format,
    raw: a.raw,
    meta: { ...emptyMeta(), ...a.meta },
    text: '',
    rawOffsets: null,
    language: null,
    paragraphs: [],
    sentences: [],
    tokens: emptyTokens(),
    actorMentions: [],
    actors: [],
    dates: [],
    events: [],
    errors: [...(a.errors ?? [])],
  };
}

/** The text a span covers. */
export function spanText(doc: Pick<Doc, 'text'>, s: { start: number; end: number }): string {
  return doc.text.slice(s.start, s.end);
}
