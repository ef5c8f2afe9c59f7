/**
 * Export formats for merged events: GDELT-style TSV, PLOVER JSONL and flat CSV
 * (columns documented in docs/api.md). Pure formatters plus a pager over the store.
 */
import type { EventFilter, Store, StoredEvent } from './types.ts';

export type ExportFormat = 'gdelt' | 'plover' | 'csv';

export const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1Type1Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2Type1Code',
  'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'SOURCEURL', 'PloverType',
] as const;

export const CSV_COLUMNS = [
  'id', 'date', 'type', 'mode', 'cameo', 'quad_class', 'intensity',
  'source_code', 'source_name', 'source_country', 'target_code', 'target_name', 'target_country',
  'num_mentions', 'num_articles', 'num_sources', 'doc', 'url', 'sentence',
] as const;

/** `2024-04-12` → `20240412`; coarser dates pad with zeros (`20240400`, `20240000`); undated → ''. */
export function sqlDate(date: string | null): string {
  if (!date) return '';
  const [y, m = '00', d = '00'] = date.split('-');
  return `${y}${m}${d}`;
}

const tsv = (v: unknown): string => (v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' '));

export function gdeltHeader(): string {
  return GDELT_COLUMNS.join('\t');
}

export function gdeltRow(e: StoredEvent): string {
  const d = sqlDate(e.date);
  return [
    e.id, d, d.slice(0, 6), d.slice(0, 4),
    e.source.code, e.source.name, e.source.country, e.source.sector,
    e.target.code, e.target.name, e.target.country, e.target.sector,
    e.cameo, e.cameo, e.cameo, e.quad_class, e.intensity,
    e.num_mentions, e.num_sources, e.num_articles, e.evidence.article.url, e.type,
  ].map(tsv).join('\t');
}

export interface PloverRecord {
  event_id: string;
  event_type: string;
  mode: string | null;
  context: string[];
  actor1: string;
  actor1_code: string;
  actor1_country: string | null;
  actor1_role: string | null;
  actor2: string;
  actor2_code: string;
  actor2_country: string | null;
  actor2_role: string | null;
  date: string | null;
  story_id: string;
  story_url: string | null;
  publication_date: string | null;
  text: string;
  cameo: string;
  quad_class: number;
  intensity: number;
  num_mentions: number;
  num_articles: number;
  num_sources: number;
}

export function ploverRecord(e: StoredEvent): PloverRecord {
  return {
    event_id: String(e.id), event_type: e.type, mode: e.mode, context: [],
    actor1: e.source.name, actor1_code: e.source.code, actor1_country: e.source.country, actor1_role: e.source.sector,
    actor2: e.target.name, actor2_code: e.target.code, actor2_country: e.target.country, actor2_role: e.target.sector,
    date: e.date, story_id: e.evidence.article.doc, story_url: e.evidence.article.url, publication_date: e.evidence.article.published,
    text: e.evidence.sentence, cameo: e.cameo, quad_class: e.quad_class, intensity: e.intensity,
    num_mentions: e.num_mentions, num_articles: e.num_articles, num_sources: e.num_sources,
  };
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(): string {
  return CSV_COLUMNS.join(',');
}

export function csvRow(e: StoredEvent): string {
  return [
    e.id, e.date, e.type, e.mode, e.cameo, e.quad_class, e.intensity,
    e.source.code, e.source.name, e.source.country, e.target.code, e.target.name, e.target.country,
    e.num_mentions, e.num_articles, e.num_sources, e.evidence.article.doc, e.evidence.article.url, e.evidence.sentence,
  ].map(csvField).join(',');
}

/**
 * Every event matching `filter`. With `filter.order: 'id'` it pages by id (keyset: constant cost
 * per page on any store size); otherwise newest first by offset (fine for the small pages of
 * `parley events`).
 */
export async function* allEvents(store: Store, filter: EventFilter = {}, pageSize = 1000): AsyncGenerator<StoredEvent> {
  const max = filter.limit ?? Infinity;
  let seen = 0;
  let offset = filter.offset ?? 0;
  let afterId = filter.afterId;
  for (;;) {
    const limit = Math.min(pageSize, max - seen);
    if (limit <= 0) return;
    const page = filter.order === 'id'
      ? { ...filter, limit, offset: 0, count: false, ...(afterId !== undefined ? { afterId } : {}) }
      : { ...filter, limit, offset, count: false };
    const { events } = await store.events(page);
    for (const e of events) yield e;
    seen += events.length;
    offset += events.length;
    if (events.length) afterId = events[events.length - 1]!.id;
    if (events.length < limit) return;
  }
}

/** Lines (without newline) of one export. */
export async function* exportLines(store: Store, format: ExportFormat, filter: EventFilter = {}): AsyncGenerator<string> {
  if (format === 'gdelt') yield gdeltHeader();
  if (format === 'csv') yield csvHeader();
  for await (const e of allEvents(store, { ...filter, order: 'id' })) {
    yield format === 'gdelt' ? gdeltRow(e) : format === 'csv' ? csvRow(e) : JSON.stringify(ploverRecord(e));
  }
}

/** A plain text table: columns padded to their widest cell (cells are cut at `max` chars). */
export function textTable(header: string[], rows: Array<Array<string | number | null>>, max = 60): string {
  const cell = (v: string | number | null): string => {
    const s = v === null ? '' : String(v).replace(/\s+/g, ' ');
    return s.length > max ? `${s.slice(0, max - 1)}…` : s;
  };
  const all = [header, ...rows.map((r) => r.map(cell))];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n') + '\n';
}
