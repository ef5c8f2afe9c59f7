/**
 * The Store: where Parley keeps articles, actors, merged events and every mention of them.
 *
 * One interface, two implementations (SQLite for a laptop, PostgreSQL to scale out), both run
 * through the same test suite (src/store/store-suite.ts). Open one with `openStore(url)` from
 * src/store/index.ts.
 *
 * Model
 * - An article is identified by its doc id; its content hash decides whether a second ingest of
 *   the same doc is `unchanged` (same hash: nothing is written) or `replaced` (new hash: its
 *   actors and mentions are swapped in one transaction).
 * - Events merge across articles on (type, source code, target code, day). The day key is the
 *   event date as extracted (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` at coarser precision), else the
 *   article's publication date, else '' (undated). Counts on a merged event (`num_mentions`,
 *   `num_articles`, `num_sources`) are recomputed from its mention rows, never incremented.
 * - Actor codes: the party's country / IGO code (`CHN`, `UN`, `NATO`), else an upper-case slug of
 *   its name. Relation and actor filters match either the code or the country.
 */
import type { Extraction, ExtractionError, PloverType, Quad } from '../extraction.ts';

export type Dialect = 'sqlite' | 'postgres';

/** One article to ingest: the Extraction, plus the raw input it came from (for the hash). */
export interface ArticleInput {
  extraction: Extraction;
  /** The article as read (text or HTML). Defaults to `extraction.text`. */
  raw?: string;
  /** Content hash; computed with `contentHash()` (src/store/hash.ts) when absent. */
  hash?: string;
}

export type IngestStatus = 'new' | 'unchanged' | 'replaced';

export interface IngestOutcome {
  doc: string;
  status: IngestStatus;
  /** Event records of the extraction that were stored (flagged ones are skipped). */
  events: number;
  /** Mention rows written for this article. */
  mentions: number;
}

/** What `parley ingest` and `POST /api/articles` report. */
export interface IngestSummary {
  articles: number;
  new: number;
  unchanged: number;
  replaced: number;
  /** Event records stored from new/replaced articles. */
  events: number;
  mentions: number;
  /** Inputs that could not be read or stored. */
  failures: number;
  errors: ExtractionError[];
}

/** Filters shared by event queries; every field optional. Dates are `YYYY-MM-DD` (or coarser). */
export interface EventFilter {
  /** Source actor code or country. */
  source?: string;
  /** Target actor code or country. */
  target?: string;
  type?: PloverType;
  /** Either side (code or country). */
  actor?: string;
  /** Inclusive; an event whose day key overlaps [from, to] matches. */
  from?: string;
  to?: string;
  /** Full-text query over the evidence articles (title + text). */
  q?: string;
  limit?: number;
  offset?: number;
  /** `newest` (default): newest day first; `id`: ascending event id (stable, for exports). */
  order?: 'newest' | 'id';
  /** Only events with a larger id (keyset paging with `order: 'id'`). */
  afterId?: number;
  /** Compute `total` (default true); exports page without it. */
  count?: boolean;
}

export interface PartyView {
  code: string;
  name: string;
  country: string | null;
  sector: string | null;
}

export interface ArticleRef {
  doc: string;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
}

export interface EvidenceView {
  sentence: string;
  span: [number, number];
  trigger: string;
  rule: string;
  date: string | null;
  date_text: string | null;
  article: ArticleRef;
}

/** A merged event as returned by queries. */
export interface StoredEvent {
  id: number;
  type: PloverType;
  mode: string | null;
  cameo: string;
  quad: Quad;
  /** GDELT QuadClass: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict. */
  quad_class: 1 | 2 | 3 | 4;
  /** Mean intensity over the mentions. */
  intensity: number;
  source: PartyView;
  target: PartyView;
  /** Day key (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), null when undated. */
  date: string | null;
  num_mentions: number;
  num_articles: number;
  num_sources: number;
  /** The first mention: evidence sentence and its article. */
  evidence: EvidenceView;
}

export interface MentionView extends EvidenceView {
  id: number;
  event_id: number;
  confidence: number;
}

export interface ActorSummary {
  code: string;
  label: string;
  kind: string | null;
  country: string | null;
  /** Merged events with this actor on either side. */
  events: number;
  as_source: number;
  as_target: number;
}

export interface ActorDetail extends ActorSummary {
  /** Surface names seen for this code across articles, most frequent first. */
  names: Array<{ name: string; count: number }>;
  /** Other actors it has events with, most events first. */
  partners: Array<{ code: string; label: string; events: number }>;
  /** Events per PLOVER type, either side. */
  types: Partial<Record<PloverType, number>>;
  first: string | null;
  last: string | null;
}

export interface ArticleActorView {
  id: string;
  code: string;
  name: string;
  kind: string;
  country: string | null;
  sector: string | null;
  role: string | null;
  aliases: string[];
  spans: Array<[number, number]>;
}

export interface ArticleEventView {
  event_id: number;
  type: PloverType;
  cameo: string;
  quad: Quad;
  intensity: number;
  source: PartyView;
  target: PartyView;
  date: string | null;
  sentence: string;
  span: [number, number];
  trigger: string;
  rule: string;
}

export interface ArticleDetail extends ArticleRef {
  hash: string;
  language: string | null;
  /** Clean text: every span below points into it. */
  text: string;
  actors: ArticleActorView[];
  events: ArticleEventView[];
  errors: ExtractionError[];
}

export interface SearchHit extends ArticleRef {
  snippet: string;
  events: number;
}

/** The slim row analytics work on (src/analytics/). */
export interface EventFact {
  id: number;
  type: PloverType;
  quad: Quad;
  intensity: number;
  source: string;
  target: string;
  source_country: string | null;
  target_country: string | null;
  date: string | null;
  num_mentions: number;
}

/** Merged events counted by direction, period key, type and quad (`Store.factGroups`). */
export interface FactGroup {
  source: string;
  target: string;
  source_country: string | null;
  target_country: string | null;
  /**
   * The events' day key cut to the unit: `day` keeps it whole, `month` cuts a day to `YYYY-MM`,
   * `year` to `YYYY` (a coarser key stays as it is); null: undated.
   */
  key: string | null;
  type: PloverType;
  quad: Quad;
  events: number;
  intensity_sum: number;
}

export type FactUnit = 'day' | 'month' | 'year';

export interface DyadRow {
  source: string;
  target: string;
  events: number;
  mentions: number;
  /** Mean intensity over its events. */
  intensity: number;
}

export interface FactFilter {
  /** Events between these two actors (code or country), either direction. */
  pair?: [string, string];
  actor?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export interface StoreStats {
  articles: number;
  events: number;
  mentions: number;
  actors: number;
}

export interface Store {
  readonly dialect: Dialect;
  /**
   * Store a batch of articles in ONE transaction: all of them or none. Call with batches of
   * ~100 for throughput; a crash mid-batch leaves the store as before the batch.
   */
  ingest(items: ArticleInput[]): Promise<IngestOutcome[]>;
  /**
   * Delete an article with its actors and mentions, recounting (or dropping) the merged events
   * it touched, in one transaction. Resolves false when no such doc is stored.
   */
  remove(doc: string): Promise<boolean>;
  /** Stored content hash per doc id (absent docs are left out): lets callers skip extraction. */
  hashes(docs: string[]): Promise<Map<string, string>>;
  /** Merged events, newest day first (then id), or by id with `order: 'id'`; `total` is -1 with `count: false`. */
  events(filter?: EventFilter): Promise<{ total: number; events: StoredEvent[] }>;
  /** Every mention of one merged event, with its evidence and article. */
  mentions(eventId: number): Promise<MentionView[]>;
  actors(): Promise<ActorSummary[]>;
  actor(code: string): Promise<ActorDetail | null>;
  article(doc: string): Promise<ArticleDetail | null>;
  /** Full-text search over article title + text (FTS5 / tsvector), best first. */
  search(q: string, opts?: { limit?: number; offset?: number }): Promise<{ total: number; hits: SearchHit[] }>;
  /** Slim event rows for analytics, oldest first. */
  facts(filter?: FactFilter): Promise<EventFact[]>;
  /**
   * The same events as `facts(filter)`, counted in the database: one row per direction, period
   * key, type and quad. Lets analytics bucket tens of thousands of events without reading them.
   */
  factGroups(filter: FactFilter, unit: FactUnit): Promise<FactGroup[]>;
  /** source → target aggregates over merged events, most events first. */
  dyads(filter?: FactFilter): Promise<DyadRow[]>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
