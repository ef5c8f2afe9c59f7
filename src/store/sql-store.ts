/**
 * The Store over any SqlDb: ingest, merge and queries written once in portable SQL
 * (SQLite ≥ 3.35 and PostgreSQL ≥ 13 both run it). What differs per dialect — schema,
 * full-text search, row locking — comes in through `DialectSql`.
 */
import type { EventMention, EventRecord, ExtractionError, PloverType, Quad } from '../extraction.ts';
import { ParleyError } from '../errors.ts';
import { contentHash } from './hash.ts';
import { actorCode, dayKey, dayRange, isDateKey, quadClass } from './keys.ts';
import { dyadKeys, dyadRange, refreshRollups, TOTAL, type DyadKey } from './rollups.ts';
import { chunks, placeholders, type Row, type SqlConn, type SqlDb, type SqlValue } from './sql.ts';
import type {
  ActorDetail, ActorSummary, ArticleActorView, ArticleDetail, ArticleEventView, ArticleInput, DyadRow,
  EventFact, EventFilter, FactFilter, FactGroup, IngestOutcome, MentionView, SearchHit, Store, StoreStats, StoredEvent,
} from './types.ts';

export interface SqlFragment {
  sql: string;
  params: SqlValue[];
}

export interface DialectSql {
  /** A subquery selecting the ids of articles whose title/text match `q`, or null when `q` has no terms. */
  ftsArticleIds(q: string): SqlFragment | null;
  /** Search page and total for `q`, or null when `q` has no terms. */
  search(q: string, limit: number, offset: number): { rows: SqlFragment; count: SqlFragment } | null;
  /** ORDER BY for "newest day first, then id; undated last" that can walk the events_day index. */
  newestFirst: string;
  /** Lock merged event rows before their counts are recomputed (no-op for single-writer SQLite). */
  lockEvents(conn: SqlConn, ids: number[]): Promise<void>;
}

export interface SqlStoreOptions {
  /** Country name for an ISO 3166-1 alpha-3 code (labels of state actors). */
  countryName: (code: string) => string | undefined;
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 10_000;
const IN_CHUNK = 500;
/** Bound parameters per statement (SQLite allows 32766, PostgreSQL 65535). */
const MAX_PARAMS = 30_000;
const CHUNK_SIZES = [64, 16, 4, 1];

/** Events the pipeline flags are kept out of the merged record. */
function isStorable(e: EventRecord): boolean {
  return !e.negated && !e.hypothetical && !e.future && !e.background;
}

function mentionsOf(e: EventRecord): EventMention[] {
  if (e.mentions && e.mentions.length > 0) return e.mentions;
  return [{ sentence: e.sentence, span: e.span, trigger: e.trigger, rule: e.rule }];
}

function num(v: unknown): number {
  return v === null || v === undefined ? 0 : Number(v);
}

function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

function parseJson<T>(v: unknown, fallback: T): T {
  if (typeof v !== 'string') return (v as T) ?? fallback;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
}

/** A date bound from a filter: `YYYY[-MM[-DD]]`, widened to the first (from) or last (to) day. */
function bound(d: string | undefined, which: 'from' | 'to'): string | undefined {
  if (d === undefined || d === '') return undefined;
  if (!isDateKey(d)) throw new ParleyError('SERVER_BAD_REQUEST', 'store', `'${which}' must be a date YYYY, YYYY-MM or YYYY-MM-DD`);
  const [lo, hi] = dayRange(d);
  return (which === 'from' ? lo : hi) ?? undefined;
}

function clampLimit(n: number | undefined, dflt = DEFAULT_LIMIT): number {
  if (n === undefined || !Number.isFinite(n)) return dflt;
  return Math.max(0, Math.min(MAX_LIMIT, Math.floor(n)));
}

const up = (s: string): string => s.trim().toUpperCase();

interface Where {
  clauses: string[];
  params: SqlValue[];
}

/**
 * Events with actor `code` on the given sides. A party's code IS its upper-cased country when it
 * has one (keys.ts), so matching the code also matches the country. One side: a plain indexed
 * equality; both sides: an id subquery over each side's index (an OR of columns made SQLite scan
 * and sort, 7x slower on a 300k-event store).
 */
function sidesMatch(sides: Array<'source' | 'target'>, code: string, w: Where): string {
  if (sides.length === 1) {
    w.params.push(code);
    return `e.${sides[0]}_code = ?`;
  }
  w.params.push(...sides.map(() => code));
  return `e.id IN (${sides.map((side) => `SELECT id FROM events WHERE ${side}_code = ?`).join(' UNION ALL ')})`;
}

function dateWhere(w: Where, from: string | undefined, to: string | undefined): void {
  const lo = bound(from, 'from');
  const hi = bound(to, 'to');
  if (lo) {
    // a day key spans at most a calendar year, so day_hi >= lo implies day_lo >= Jan 1 of lo's
    // year: the bound lets a (…, day_lo) index start there instead of at the beginning of time
    w.clauses.push('e.day_hi >= ?', 'e.day_lo >= ?');
    w.params.push(lo, `${lo.slice(0, 4)}-01-01`);
  }
  if (hi) {
    w.clauses.push('e.day_lo <= ?');
    w.params.push(hi);
  }
}

function whereSql(w: Where): string {
  return w.clauses.length ? `WHERE ${w.clauses.join(' AND ')}` : '';
}

const EVENT_COLUMNS = `e.id, e.type, e.mode, e.cameo, e.quad, e.intensity, e.day,
  e.source_code, e.source_name, e.source_country, e.source_sector,
  e.target_code, e.target_name, e.target_country, e.target_sector,
  e.num_mentions, e.num_articles, e.num_sources,
  fm.sentence AS m_sentence, fm.span_start AS m_start, fm.span_end AS m_end, fm.trigger AS m_trigger,
  fm.rule AS m_rule, fm.date AS m_date, fm.date_text AS m_date_text,
  a.doc AS a_doc, a.title AS a_title, a.url AS a_url, a.source AS a_source, a.published AS a_published`;

const EVENT_FROM = `events e
  LEFT JOIN mentions fm ON fm.id = e.first_mention
  LEFT JOIN articles a ON a.id = fm.article_id`;

function toStoredEvent(r: Row): StoredEvent {
  return {
    id: num(r.id),
    type: r.type as PloverType,
    mode: str(r.mode),
    cameo: String(r.cameo),
    quad: r.quad as Quad,
    quad_class: quadClass(String(r.quad)),
    intensity: Math.round(num(r.intensity) * 100) / 100,
    source: { code: String(r.source_code), name: String(r.source_name ?? r.source_code), country: str(r.source_country), sector: str(r.source_sector) },
    target: { code: String(r.target_code), name: String(r.target_name ?? r.target_code), country: str(r.target_country), sector: str(r.target_sector) },
    date: r.day ? String(r.day) : null,
    num_mentions: num(r.num_mentions),
    num_articles: num(r.num_articles),
    num_sources: num(r.num_sources),
    evidence: {
      sentence: String(r.m_sentence ?? ''),
      span: [num(r.m_start), num(r.m_end)],
      trigger: String(r.m_trigger ?? ''),
      rule: String(r.m_rule ?? ''),
      date: str(r.m_date),
      date_text: str(r.m_date_text),
      article: { doc: String(r.a_doc ?? ''), title: str(r.a_title), url: str(r.a_url), source: str(r.a_source), published: str(r.a_published) },
    },
  };
}

interface GlobalActor {
  code: string;
  label: string;
  kind: string | null;
  country: string | null;
}

export function createSqlStore(db: SqlDb, dialect: DialectSql, opts: SqlStoreOptions): Store {
  const globalActor = (p: { name: string; country: string | null; kind?: string }): GlobalActor => {
    const code = actorCode(p);
    if (p.country && p.country.trim()) {
      const cname = opts.countryName(code);
      if (cname) return { code, label: cname, kind: 'state', country: code };
      return { code, label: p.kind === 'igo' ? p.name : code, kind: 'igo', country: code };
    }
    return { code, label: p.name || code, kind: p.kind ?? null, country: null };
  };

  /**
   * Multi-row INSERT in chunks of a few fixed sizes (64, 16, 4, 1 rows), so the drivers see a
   * handful of distinct statements they can cache, not one per batch size.
   */
  const insertMany = async <T = Row>(c: SqlConn, head: string, width: number, rows: SqlValue[][], tail = ''): Promise<T[]> => {
    const out: T[] = [];
    let i = 0;
    while (i < rows.length) {
      const left = rows.length - i;
      const size = CHUNK_SIZES.find((k) => k <= left && k * width <= MAX_PARAMS) ?? 1;
      const part = rows.slice(i, i + size);
      i += size;
      const tuple = `(${placeholders(width)})`;
      const sql = `${head} VALUES ${part.map(() => tuple).join(', ')} ${tail}`;
      const params = part.flat();
      if (tail.includes('RETURNING')) out.push(...(await c.all<T>(sql, params)));
      else await c.run(sql, params);
    }
    return out;
  };

  /** Delete the mentions and actors of these articles, noting the events and codes they touched. */
  const clearArticles = async (c: SqlConn, articleIds: number[], touched: Set<number>, orphans: string[]): Promise<void> => {
    for (const part of chunks(articleIds, IN_CHUNK)) {
      const inList = placeholders(part.length);
      const old = await c.all<{ event_id: number; source_code: string; target_code: string }>(
        `SELECT DISTINCT m.event_id, e.source_code, e.target_code FROM mentions m JOIN events e ON e.id = m.event_id WHERE m.article_id IN (${inList})`, part);
      for (const o of old) {
        touched.add(num(o.event_id));
        orphans.push(o.source_code, o.target_code);
      }
      for (const o of await c.all<{ code: string }>(`SELECT code FROM article_actors WHERE article_id IN (${inList})`, part)) orphans.push(o.code);
      await c.run(`DELETE FROM mentions WHERE article_id IN (${inList})`, part);
      await c.run(`DELETE FROM article_actors WHERE article_id IN (${inList})`, part);
    }
  };

  /** Store one batch whose doc ids are distinct. */
  const ingestRound = async (c: SqlConn, items: ArticleInput[], touched: Set<number>, orphans: string[]): Promise<IngestOutcome[]> => {
    const docs = items.map((item) => {
      const x = item.extraction;
      if (!x || typeof x.doc !== 'string' || x.doc === '') throw new ParleyError('STORE_FAILED', 'store', 'article has no doc id');
      const raw = item.raw ?? x.text ?? '';
      return { x, raw, hash: item.hash ?? contentHash(raw, x) };
    });
    const prev = new Map<string, { id: number; hash: string }>();
    for (const part of chunks(docs.map((d) => d.x.doc), IN_CHUNK)) {
      const rows = await c.all<{ id: number; doc: string; hash: string }>(`SELECT id, doc, hash FROM articles WHERE doc IN (${placeholders(part.length)})`, part);
      for (const r of rows) prev.set(r.doc, { id: num(r.id), hash: r.hash });
    }
    const now = new Date().toISOString();
    const meta = (d: (typeof docs)[number]): SqlValue[] =>
      [d.hash, d.x.title, d.x.url, d.x.source, d.x.published, d.x.language, d.raw, d.x.text ?? '', JSON.stringify(d.x.errors ?? []), now];
    const status = new Map<string, IngestOutcome['status']>();
    const articleId = new Map<string, number>();
    const fresh: typeof docs = [];
    const replacedIds: number[] = [];
    for (const d of docs) {
      const p = prev.get(d.x.doc);
      if (p && p.hash === d.hash) status.set(d.x.doc, 'unchanged');
      else if (p) {
        status.set(d.x.doc, 'replaced');
        articleId.set(d.x.doc, p.id);
        replacedIds.push(p.id);
        await c.run(
          `UPDATE articles SET hash = ?, title = ?, url = ?, source = ?, published = ?, language = ?, raw = ?, text = ?, errors = ?,
             ingested_at = ? WHERE id = ?`, [...meta(d), p.id]);
      } else {
        status.set(d.x.doc, 'new');
        fresh.push(d);
      }
    }
    await clearArticles(c, replacedIds, touched, orphans);
    const inserted = await insertMany<{ id: number; doc: string }>(c,
      'INSERT INTO articles (doc, hash, title, url, source, published, language, raw, text, errors, ingested_at)', 11,
      fresh.map((d) => [d.x.doc, ...meta(d)]), 'ON CONFLICT (doc) DO NOTHING RETURNING id, doc');
    for (const r of inserted) articleId.set(r.doc, num(r.id));
    // a concurrent writer (another PostgreSQL transaction) stored some of these docs first:
    // handle them again below, now as unchanged or replaced
    const raced = items.filter((_, i) => status.get(docs[i]!.x.doc) === 'new' && !articleId.has(docs[i]!.x.doc));

    // global actors (first description of a code wins), then the per-article actors
    const globals = new Map<string, GlobalActor>();
    const addGlobal = (g: GlobalActor): void => {
      if (!globals.has(g.code)) globals.set(g.code, g);
    };
    const articleActorRows: SqlValue[][] = [];
    interface PendingEvent { key: string; row: SqlValue[] }
    const eventRows = new Map<string, PendingEvent>();
    const pendingMentions: Array<{ key: string; row: SqlValue[] }> = [];
    const counts = new Map<string, { events: number; mentions: number }>();
    for (const d of docs) {
      const id = articleId.get(d.x.doc);
      if (id === undefined) continue;
      const n = { events: 0, mentions: 0 };
      counts.set(d.x.doc, n);
      const localIds = new Set<string>();
      for (const a of d.x.actors ?? []) {
        if (localIds.has(a.id)) continue;
        localIds.add(a.id);
        const g = globalActor(a);
        addGlobal(g);
        articleActorRows.push([id, a.id, g.code, a.name, a.kind, a.country, a.sector, a.role, JSON.stringify(a.aliases ?? []), JSON.stringify(a.mentions ?? [])]);
      }
      const events = d.x.events ?? [];
      for (let i = 0; i < events.length; i++) {
        const e = events[i]!;
        if (!isStorable(e)) continue;
        const src = globalActor(e.source);
        const tgt = globalActor(e.target);
        addGlobal(src);
        addGlobal(tgt);
        const day = dayKey(e.date, d.x.published);
        const [lo, hi] = dayRange(day);
        const key = JSON.stringify([e.type, src.code, tgt.code, day]);
        if (!eventRows.has(key)) {
          eventRows.set(key, { key, row: [e.type, src.code, tgt.code, day, lo, hi, e.cameo, e.quad, e.mode,
            e.source.name, e.source.country, e.source.sector, e.target.name, e.target.country, e.target.sector, e.intensity] });
        }
        n.events++;
        const ms = mentionsOf(e);
        for (let j = 0; j < ms.length; j++) {
          const m = ms[j]!;
          pendingMentions.push({ key, row: [id, i, j, m.sentence, m.span[0], m.span[1], m.trigger, m.rule,
            e.date, e.date_text, e.mode, e.cameo, e.intensity, e.confidence,
            e.source.name, e.source.country, e.source.sector, e.source.actor,
            e.target.name, e.target.country, e.target.sector, e.target.actor] });
          n.mentions++;
        }
      }
    }
    await insertMany(c, 'INSERT INTO actors (code, label, kind, country)', 4,
      // rows in key order: concurrent writers then lock them in the same order (no deadlocks)
      [...globals.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).map((g) => [g.code, g.label, g.kind, g.country]),
      `ON CONFLICT (code) DO UPDATE SET
         label = CASE WHEN actors.label = actors.code THEN excluded.label ELSE actors.label END,
         kind = COALESCE(actors.kind, excluded.kind)`);
    await insertMany(c, 'INSERT INTO article_actors (article_id, local_id, code, name, kind, country, sector, role, aliases, spans)', 10, articleActorRows);
    const ids = await insertMany<{ id: number; type: string; source_code: string; target_code: string; day: string }>(c,
      `INSERT INTO events (type, source_code, target_code, day, day_lo, day_hi, cameo, quad, mode,
         source_name, source_country, source_sector, target_name, target_country, target_sector, intensity)`, 16,
      [...eventRows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((p) => p.row),
      'ON CONFLICT (type, source_code, target_code, day) DO UPDATE SET day_lo = excluded.day_lo RETURNING id, type, source_code, target_code, day');
    const eventId = new Map<string, number>();
    for (const r of ids) {
      const id = num(r.id);
      eventId.set(JSON.stringify([r.type, r.source_code, r.target_code, r.day]), id);
      touched.add(id);
    }
    await insertMany(c, `INSERT INTO mentions (event_id, article_id, ord, mord, sentence, span_start, span_end, trigger, rule,
         date, date_text, mode, cameo, intensity, confidence,
         source_name, source_country, source_sector, source_actor, target_name, target_country, target_sector, target_actor)`, 23,
      pendingMentions.map((m) => [eventId.get(m.key)!, ...m.row]));
    const again = new Map((raced.length ? await ingestRound(c, raced, touched, orphans) : []).map((o) => [o.doc, o]));
    return docs.map((d) => again.get(d.x.doc)
      ?? { doc: d.x.doc, status: status.get(d.x.doc)!, ...(counts.get(d.x.doc) ?? { events: 0, mentions: 0 }) });
  };

  /** Recompute merged counts and representative fields from mention rows; drop emptied events. */
  const recount = async (c: SqlConn, ids: number[]): Promise<void> => {
    const sorted = [...ids].sort((a, b) => a - b);
    await dialect.lockEvents(c, sorted);
    const keys: DyadKey[] = [];
    for (const part of chunks(sorted, IN_CHUNK)) {
      const inList = placeholders(part.length);
      // the rollup buckets these events count in (an event's dyad and day never change)
      for (const r of await c.all<{ source_code: string; target_code: string; day: string }>(
        `SELECT source_code, target_code, day FROM events WHERE id IN (${inList})`, part)) {
        keys.push(...dyadKeys(r.source_code, r.target_code, String(r.day ?? '')));
      }
      await c.run(
        `DELETE FROM events WHERE id IN (${inList}) AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = events.id)`,
        part,
      );
      // one aggregate over the touched events' mentions; representative fields from the first mention
      await c.run(
        `UPDATE events SET num_mentions = g.n, num_articles = g.na, num_sources = g.ns, intensity = g.mean,
           first_mention = g.first_id, mode = f.mode, cameo = f.cameo, source_name = f.source_name, source_country = f.source_country, source_sector = f.source_sector, target_name = f.target_name, target_country = f.target_country, target_sector = f.target_sector
         FROM (SELECT m.event_id, COUNT(*) AS n, COUNT(DISTINCT m.article_id) AS na,
                 COUNT(DISTINCT COALESCE(a.source, 'doc:' || a.doc)) AS ns, AVG(m.intensity) AS mean, MIN(m.id) AS first_id
               FROM mentions m JOIN articles a ON a.id = m.article_id
               WHERE m.event_id IN (${inList}) GROUP BY m.event_id) g
           JOIN mentions f ON f.id = g.first_id
         WHERE events.id = g.event_id`,
        part,
      );
    }
    await refreshRollups(c, keys);
  };

  /** Drop global actors a replaced article left with no article or event. */
  const pruneActors = async (c: SqlConn, codes: string[]): Promise<void> => {
    for (const part of chunks([...new Set(codes)].sort(), IN_CHUNK)) {
      await c.run(
        `DELETE FROM actors WHERE code IN (${placeholders(part.length)})
           AND NOT EXISTS (SELECT 1 FROM article_actors aa WHERE aa.code = actors.code)
           AND NOT EXISTS (SELECT 1 FROM events e WHERE e.source_code = actors.code)
           AND NOT EXISTS (SELECT 1 FROM events e WHERE e.target_code = actors.code)`,
        part,
      );
    }
  };

  const eventWhere = (f: EventFilter, withActor = true): Where => {
    const w: Where = { clauses: [], params: [] };
    if (f.source) w.clauses.push(sidesMatch(['source'], up(f.source), w));
    if (f.target) w.clauses.push(sidesMatch(['target'], up(f.target), w));
    if (f.actor && withActor) w.clauses.push(sidesMatch(['source', 'target'], up(f.actor), w));
    if (f.type) {
      w.clauses.push('e.type = ?');
      w.params.push(f.type);
    }
    dateWhere(w, f.from, f.to);
    if (f.afterId !== undefined) {
      w.clauses.push('e.id > ?');
      w.params.push(Math.floor(f.afterId));
    }
    if (f.q !== undefined && f.q.trim() !== '') {
      const fts = dialect.ftsArticleIds(f.q);
      if (!fts) w.clauses.push('1 = 0');
      else {
        w.clauses.push(`e.id IN (SELECT m.event_id FROM mentions m WHERE m.article_id IN (${fts.sql}))`);
        w.params.push(...fts.params);
      }
    }
    return w;
  };

  /**
   * Events of one actor (either side), newest first. Each side is its own index range — events
   * with the actor as source, then as target only (source <> actor) — so the total is index-only
   * counts and the page is merged from two newest-first runs of at most offset + limit rows
   * each, instead of sorting every event of a busy actor.
   */
  const actorEvents = async (f: EventFilter, code: string): Promise<{ total: number; events: StoredEvent[] }> => {
    const w = eventWhere(f, false);
    const rest = w.clauses.map((c) => ` AND ${c}`).join('');
    const sides: SqlFragment[] = [
      { sql: `FROM events e WHERE e.source_code = ?${rest}`, params: [code, ...w.params] },
      { sql: `FROM events e WHERE e.target_code = ? AND e.source_code <> ?${rest}`, params: [code, code, ...w.params] },
    ];
    const limit = clampLimit(f.limit);
    const offset = Math.max(0, Math.floor(f.offset ?? 0));
    let total = -1;
    if (f.count !== false && w.clauses.length === 0) {
      // no other filter: the actor's counters (rollups.ts)
      const n = await db.all<{ n: number }>(
        'SELECT as_source + as_target - both_sides AS n FROM actor_counts WHERE code = ?', [code]);
      total = num(n[0]?.n);
    } else if (f.count !== false) {
      // as source + as target − both sides: three index-only counts (source <> ? would read rows)
      const n = await db.all<{ n: number }>(
        `SELECT (SELECT COUNT(*) FROM events e WHERE e.source_code = ?${rest})
           + (SELECT COUNT(*) FROM events e WHERE e.target_code = ?${rest})
           - (SELECT COUNT(*) FROM events e WHERE e.source_code = ? AND e.target_code = ?${rest}) AS n`,
        [code, ...w.params, code, ...w.params, code, code, ...w.params]);
      total = num(n[0]?.n);
    }
    if (limit === 0) return { total, events: [] };
    const page = sides.map((x, i) => `SELECT p${i}.id FROM (SELECT e.id ${x.sql} ORDER BY ${dialect.newestFirst} LIMIT ?) p${i}`);
    const rows = await db.all(
      `SELECT ${EVENT_COLUMNS} FROM ${EVENT_FROM} WHERE e.id IN (${page.join(' UNION ALL ')})
       ORDER BY ${dialect.newestFirst} LIMIT ? OFFSET ?`,
      [...sides[0]!.params, offset + limit, ...sides[1]!.params, offset + limit, limit, offset],
    );
    return { total, events: rows.map(toStoredEvent) };
  };

  const factWhere = (f: FactFilter): Where => {
    const w: Where = { clauses: [], params: [] };
    if (f.pair) {
      const [a, b] = [up(f.pair[0]), up(f.pair[1])];
      w.clauses.push('((e.source_code = ? AND e.target_code = ?) OR (e.source_code = ? AND e.target_code = ?))');
      w.params.push(a, b, b, a);
    }
    if (f.actor) w.clauses.push(sidesMatch(['source', 'target'], up(f.actor), w));
    dateWhere(w, f.from, f.to);
    return w;
  };

  /** The events a fact query reads: for a pair, one covering-index range per direction. */
  const factSource = (f: FactFilter): { from: string; w: Where } => {
    if (!f.pair) return { from: 'events e', w: factWhere(f) };
    // one index range per direction, each read off the covering events_pair_facts index (an OR of
    // the two made SQLite collect rowids and read every event row)
    const cols = 'e.id, e.type, e.quad, e.intensity, e.source_code, e.target_code, e.source_country, e.target_country, e.day, e.num_mentions, e.day_lo';
    const [a, b] = [up(f.pair[0]), up(f.pair[1])];
    const rest = factWhere({ ...(f.actor ? { actor: f.actor } : {}), ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}) });
    const more = rest.clauses.map((c) => ` AND ${c}`).join('');
    const dirs = a === b ? [[a, b]] : [[a, b], [b, a]];
    const from = `(${dirs.map(() => `SELECT ${cols} FROM events e WHERE e.source_code = ? AND e.target_code = ?${more}`).join(' UNION ALL ')}) e`;
    return { from, w: { clauses: [], params: dirs.flatMap((d) => [...d, ...rest.params]) } };
  };

  // per-actor counters kept by ingest (rollups.ts): events = as source + as target − both sides
  const actorSummarySql = (where: string) => `
    SELECT ac.code, ac.label, ac.kind, ac.country,
      COALESCE(n.as_source, 0) AS as_source, COALESCE(n.as_target, 0) AS as_target,
      COALESCE(n.as_source + n.as_target - n.both_sides, 0) AS events
    FROM actors ac LEFT JOIN actor_counts n ON n.code = ac.code
    ${where}`;

  const toSummary = (r: Row): ActorSummary => ({
    code: String(r.code), label: String(r.label), kind: str(r.kind), country: str(r.country),
    events: num(r.events), as_source: num(r.as_source), as_target: num(r.as_target),
  });

  const wrap = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof ParleyError) throw err;
      throw new ParleyError('STORE_FAILED', 'store', `${what}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  };

  return {
    dialect: db.dialect,

    ingest: (items) => wrap('ingest', () => db.transaction(async (c) => {
      const touched = new Set<number>();
      const orphans: string[] = [];
      const out: IngestOutcome[] = new Array(items.length);
      // a doc id may come twice in one batch: store it in rounds, later occurrences replacing earlier ones
      let rest = items.map((item, index) => ({ item, index }));
      while (rest.length) {
        const seen = new Set<string>();
        const round: typeof rest = [];
        const later: typeof rest = [];
        for (const r of rest) {
          const doc = r.item.extraction?.doc;
          if (seen.has(doc)) later.push(r);
          else {
            seen.add(doc);
            round.push(r);
          }
        }
        const res = await ingestRound(c, round.map((r) => r.item), touched, orphans);
        round.forEach((r, i) => (out[r.index] = res[i]!));
        rest = later;
      }
      if (touched.size) await recount(c, [...touched]);
      if (orphans.length) await pruneActors(c, orphans);
      return out;
    })),

    remove: (doc) => wrap('remove', () => db.transaction(async (c) => {
      const rows = await c.all<{ id: number }>('SELECT id FROM articles WHERE doc = ?', [doc]);
      if (!rows[0]) return false;
      const id = num(rows[0].id);
      const touched = new Set<number>();
      const orphans: string[] = [];
      await clearArticles(c, [id], touched, orphans);
      await c.run('DELETE FROM articles WHERE id = ?', [id]);
      if (touched.size) await recount(c, [...touched]);
      if (orphans.length) await pruneActors(c, orphans);
      return true;
    })),

    hashes: (docs) => wrap('hashes', async () => {
      const out = new Map<string, string>();
      for (const part of chunks([...new Set(docs)], IN_CHUNK)) {
        const rows = await db.all<{ doc: string; hash: string }>(`SELECT doc, hash FROM articles WHERE doc IN (${placeholders(part.length)})`, part);
        for (const r of rows) out.set(r.doc, r.hash);
      }
      return out;
    }),

    events: (f = {}) => wrap('events', async () => {
      if (f.actor && f.order !== 'id') return actorEvents(f, up(f.actor));
      const w = eventWhere(f);
      const where = whereSql(w);
      // no filter: the sum of the dyads' all-time rollup rows (rollups.ts), not a count of every event
      const countSql = where === '' ? `SELECT COALESCE(SUM(r.events), 0) AS n FROM dyad_months r WHERE r.days = ${TOTAL}`
        : `SELECT COUNT(*) AS n FROM events e ${where}`;
      const total = f.count === false ? [] : await db.all<{ n: number }>(countSql, w.params);
      const rows = await db.all(
        `SELECT ${EVENT_COLUMNS} FROM ${EVENT_FROM} ${where}
         ORDER BY ${f.order === 'id' ? 'e.id' : dialect.newestFirst} LIMIT ? OFFSET ?`,
        [...w.params, clampLimit(f.limit), Math.max(0, Math.floor(f.offset ?? 0))],
      );
      return { total: f.count === false ? -1 : num(total[0]?.n), events: rows.map(toStoredEvent) };
    }),

    mentions: (eventId) => wrap('mentions', async () => {
      const rows = await db.all(
        `SELECT m.id, m.event_id, m.sentence, m.span_start, m.span_end, m.trigger, m.rule, m.date, m.date_text, m.confidence,
           a.doc, a.title, a.url, a.source, a.published
         FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? ORDER BY m.id`,
        [eventId],
      );
      return rows.map((r): MentionView => ({
        id: num(r.id), event_id: num(r.event_id), sentence: String(r.sentence), span: [num(r.span_start), num(r.span_end)],
        trigger: String(r.trigger ?? ''), rule: String(r.rule ?? ''), date: str(r.date), date_text: str(r.date_text),
        confidence: num(r.confidence),
        article: { doc: String(r.doc), title: str(r.title), url: str(r.url), source: str(r.source), published: str(r.published) },
      }));
    }),

    actors: () => wrap('actors', async () => {
      const rows = await db.all(`${actorSummarySql('')} ORDER BY events DESC, ac.code`);
      return rows.map(toSummary);
    }),

    actor: (code) => wrap('actor', async () => {
      const c = up(code);
      const rows = await db.all(actorSummarySql('WHERE ac.code = ?'), [c]);
      if (!rows[0]) return null;
      const names = await db.all<{ name: string; n: number }>(
        `SELECT name, COUNT(*) AS n FROM article_actors WHERE code = ? GROUP BY name ORDER BY n DESC, name LIMIT 20`, [c]);
      const partners = await db.all<{ code: string; label: string | null; n: number }>(
        `SELECT p.other AS code, ac.label, COUNT(*) AS n FROM (
           SELECT target_code AS other FROM events WHERE source_code = ?
           UNION ALL SELECT source_code AS other FROM events WHERE target_code = ?) p
         LEFT JOIN actors ac ON ac.code = p.other
         GROUP BY p.other, ac.label ORDER BY n DESC, p.other LIMIT 20`, [c, c]);
      const types = await db.all<{ type: PloverType; n: number }>(
        `SELECT type, COUNT(*) AS n FROM events WHERE source_code = ? OR target_code = ? GROUP BY type ORDER BY type`, [c, c]);
      const span = await db.all<{ first: string | null; last: string | null }>(
        `SELECT MIN(day_lo) AS first, MAX(day_hi) AS last FROM events WHERE source_code = ? OR target_code = ?`, [c, c]);
      const detail: ActorDetail = {
        ...toSummary(rows[0]),
        names: names.map((r) => ({ name: r.name, count: num(r.n) })),
        partners: partners.map((r) => ({ code: r.code, label: r.label ?? r.code, events: num(r.n) })),
        types: Object.fromEntries(types.map((r) => [r.type, num(r.n)])),
        first: str(span[0]?.first),
        last: str(span[0]?.last),
      };
      return detail;
    }),

    article: (doc) => wrap('article', async () => {
      const rows = await db.all(`SELECT * FROM articles WHERE doc = ?`, [doc]);
      const a = rows[0];
      if (!a) return null;
      const actors = await db.all(`SELECT * FROM article_actors WHERE article_id = ? ORDER BY local_id`, [a.id as number]);
      const ms = await db.all(
        `SELECT m.*, e.type, e.quad, e.source_code, e.target_code, e.day FROM mentions m JOIN events e ON e.id = m.event_id
         WHERE m.article_id = ? ORDER BY m.ord, m.mord`, [a.id as number]);
      const detail: ArticleDetail = {
        doc: String(a.doc), title: str(a.title), url: str(a.url), source: str(a.source), published: str(a.published),
        hash: String(a.hash), language: str(a.language), text: String(a.text ?? ''),
        actors: actors.map((r): ArticleActorView => ({
          id: String(r.local_id), code: String(r.code), name: String(r.name), kind: String(r.kind ?? ''),
          country: str(r.country), sector: str(r.sector), role: str(r.role),
          aliases: parseJson<string[]>(r.aliases, []), spans: parseJson<Array<[number, number]>>(r.spans, []),
        })),
        events: ms.map((r): ArticleEventView => ({
          event_id: num(r.event_id), type: r.type as PloverType, cameo: String(r.cameo), quad: r.quad as Quad,
          intensity: num(r.intensity),
          source: { code: String(r.source_code), name: String(r.source_name ?? r.source_code), country: str(r.source_country), sector: str(r.source_sector) },
          target: { code: String(r.target_code), name: String(r.target_name ?? r.target_code), country: str(r.target_country), sector: str(r.target_sector) },
          date: r.day ? String(r.day) : null, sentence: String(r.sentence), span: [num(r.span_start), num(r.span_end)],
          trigger: String(r.trigger ?? ''), rule: String(r.rule ?? ''),
        })),
        errors: parseJson<ExtractionError[]>(a.errors, []),
      };
      return detail;
    }),

    search: (q, o = {}) => wrap('search', async () => {
      const s = dialect.search(q, clampLimit(o.limit, 20), Math.max(0, Math.floor(o.offset ?? 0)));
      if (!s) return { total: 0, hits: [] };
      const total = await db.all<{ n: number }>(s.count.sql, s.count.params);
      const rows = await db.all(s.rows.sql, s.rows.params);
      return {
        total: num(total[0]?.n),
        hits: rows.map((r): SearchHit => ({
          doc: String(r.doc), title: str(r.title), url: str(r.url), source: str(r.source), published: str(r.published),
          snippet: String(r.snippet ?? ''), events: num(r.events),
        })),
      };
    }),

    facts: (f = {}) => wrap('facts', async () => {
      const limit = f.limit !== undefined ? ` LIMIT ${clampLimit(f.limit, MAX_LIMIT * 100)}` : '';
      const { from, w } = factSource(f);
      const rows = await db.all(
        `SELECT e.id, e.type, e.quad, e.intensity, e.source_code, e.target_code, e.source_country, e.target_country, e.day, e.num_mentions
         FROM ${from} ${whereSql(w)} ORDER BY CASE WHEN e.day_lo IS NULL THEN 1 ELSE 0 END, e.day_lo, e.id${limit}`,
        w.params,
      );
      return rows.map((r): EventFact => ({
        id: num(r.id), type: r.type as PloverType, quad: r.quad as Quad, intensity: num(r.intensity),
        source: String(r.source_code), target: String(r.target_code),
        source_country: str(r.source_country), target_country: str(r.target_country),
        date: r.day ? String(r.day) : null, num_mentions: num(r.num_mentions),
      }));
    }),

    factGroups: (f, unit) => wrap('factGroups', async () => {
      const { from, w } = factSource(f);
      const key = unit === 'year' ? 'substr(e.day, 1, 4)' : unit === 'month' ? 'CASE WHEN length(e.day) >= 7 THEN substr(e.day, 1, 7) ELSE e.day END' : 'e.day';
      const rows = await db.all(
        `SELECT e.source_code, e.target_code, e.source_country, e.target_country, ${key} AS k, e.type, e.quad,
           COUNT(*) AS n, SUM(e.intensity) AS s
         FROM ${from} ${whereSql(w)} GROUP BY e.source_code, e.target_code, e.source_country, e.target_country, ${key}, e.type, e.quad`,
        w.params,
      );
      return rows.map((r): FactGroup => ({
        source: String(r.source_code), target: String(r.target_code),
        source_country: str(r.source_country), target_country: str(r.target_country),
        key: r.k ? String(r.k) : null, type: r.type as PloverType, quad: r.quad as Quad,
        events: num(r.n), intensity_sum: num(r.s),
      }));
    }),

    dyads: (f = {}) => wrap('dyads', async () => {
      // whole buckets from the dyad × month rollup, plus the events of partly covered edge months
      const [lo, hi] = [bound(f.from, 'from'), bound(f.to, 'to')];
      let span: [string, string] | null = null;
      if (!lo !== !hi) {
        const m = await db.all<{ lo: string | null; hi: string | null }>(
          'SELECT MIN(bucket) AS lo, MAX(bucket) AS hi FROM dyad_months WHERE days = 1');
        if (m[0]?.lo && m[0]?.hi) span = [String(m[0].lo), String(m[0].hi)];
      } else if (lo && hi) span = [lo.slice(0, 7), hi.slice(0, 7)];
      const range = dyadRange(lo, hi, span);
      const who = (alias: string): SqlFragment => {
        if (f.pair) {
          const [a, b] = [up(f.pair[0]), up(f.pair[1])];
          return { sql: ` AND ((${alias}.source_code = ? AND ${alias}.target_code = ?) OR (${alias}.source_code = ? AND ${alias}.target_code = ?))`, params: [a, b, b, a] };
        }
        if (f.actor) return { sql: ` AND (${alias}.source_code = ? OR ${alias}.target_code = ?)`, params: [up(f.actor), up(f.actor)] };
        return { sql: '', params: [] };
      };
      const r = who('r');
      const e = who('e');
      const parts: string[] = [];
      const params: SqlValue[] = [];
      for (const x of range.rollup) {
        parts.push(`SELECT r.source_code, r.target_code, r.events AS n, r.mentions AS m, r.intensity_sum AS s
          FROM dyad_months r WHERE ${x.sql}${r.sql}`);
        params.push(...x.params, ...r.params);
      }
      for (const [a, b] of range.edges) {
        parts.push(`SELECT e.source_code, e.target_code, 1 AS n, e.num_mentions AS m, e.intensity AS s
          FROM events e WHERE e.day_lo >= ? AND e.day_lo <= ? AND e.day_hi = e.day_lo${e.sql}`);
        params.push(a, b, ...e.params);
      }
      const rows = await db.all(
        `SELECT x.source_code AS source, x.target_code AS target, SUM(x.n) AS events, SUM(x.m) AS mentions,
           SUM(x.s) / SUM(x.n) AS intensity
         FROM (${parts.join(' UNION ALL ')}) x GROUP BY x.source_code, x.target_code
         ORDER BY events DESC, mentions DESC, source, target LIMIT ?`,
        [...params, clampLimit(f.limit, MAX_LIMIT)],
      );
      return rows.map((r): DyadRow => ({
        source: String(r.source), target: String(r.target), events: num(r.events), mentions: num(r.mentions),
        intensity: Math.round(num(r.intensity) * 100) / 100,
      }));
    }),

    stats: () => wrap('stats', async () => {
      const r = await db.all(`SELECT
        (SELECT COUNT(*) FROM articles) AS articles, (SELECT COUNT(*) FROM events) AS events,
        (SELECT COUNT(*) FROM mentions) AS mentions, (SELECT COUNT(*) FROM actors) AS actors`);
      const s: StoreStats = { articles: num(r[0]?.articles), events: num(r[0]?.events), mentions: num(r[0]?.mentions), actors: num(r[0]?.actors) };
      return s;
    }),

    close: () => db.close(),
  };
}
