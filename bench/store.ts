/**
 * Store section of `parley bench`:
 * - ingest: real Extractions from the pipeline over a few hundred corpus articles, stored into a
 *   temp-file SQLite store in batches of 100 → stored events per second (extraction not timed);
 * - queries: a synthetic SQLite store of N events (default 1,000,000) over ~150 actors, the 16
 *   PLOVER types and five years, built with bulk inserts in one transaction; then the API's main
 *   queries through `createApp(store).request()` in-process → p50 / p95 latency in ms.
 *
 * The synthetic store is written straight through better-sqlite3 with the store's own schema
 * (src/store/sqlite/schema.ts): one article per 20 events, one mention per event (its
 * `first_mention`), Zipf-like actor popularity, a fixed-seed PRNG so runs are comparable.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createPipeline } from '../src/pipeline.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { SQLITE_SCHEMA } from '../src/store/sqlite/schema.ts';
import { dayRange } from '../src/store/keys.ts';
import { createApp } from '../src/server/app.ts';
import type { ArticleInput, Store } from '../src/store/types.ts';
import { buildCorpus } from './corpus.ts';
import { percentile, round } from './measure.ts';
import { mulberry32 } from '../src/prng.ts';

export interface StoreBenchOptions {
  /** Events in the synthetic store (default 1,000,000). */
  events?: number;
  /** Corpus articles ingested for the ingest figure (default 300). */
  ingestArticles?: number;
  /**
   * Keep the synthetic store in this file: built there when missing, reused (not rebuilt) when
   * present — for iterating on queries and indexes. Default: a temp file, deleted after.
   */
  storeFile?: string;
  log?: (line: string) => void;
}

export interface StoreBenchResult {
  ingest_events_per_s: number;
  ingest_articles_per_s: number;
  query_p50_ms: number;
  query_p95_ms: number;
  store_events: number;
  store_build_s: number;
  store_mb: number;
  /** p95 per query kind, to find the slow one. */
  [k: `query_${string}_p95_ms`]: number;
}

// ---- deterministic randomness ------------------------------------------------------------

/** Sample an index from weights (cumulative table + binary search). */
function sampler(weights: number[], rnd: () => number): () => number {
  const cum: number[] = [];
  let s = 0;
  for (const w of weights) cum.push((s += w));
  return () => {
    const x = rnd() * s;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

// ---- ingest ------------------------------------------------------------------------------

async function benchIngest(n: number, dir: string): Promise<{ events_per_s: number; articles_per_s: number; events: number }> {
  const corpus = await buildCorpus({ articles: n, htmlPages: 0 });
  const pipeline = createPipeline();
  const inputs: ArticleInput[] = corpus.text.map((a) => ({ extraction: pipeline.extract(a), raw: a.raw }));
  const store = openSqliteStore(path.join(dir, 'ingest.db'));
  try {
    let events = 0;
    const t0 = performance.now();
    for (let i = 0; i < inputs.length; i += 100) {
      for (const o of await store.ingest(inputs.slice(i, i + 100))) events += o.events;
    }
    const s = (performance.now() - t0) / 1000;
    return { events_per_s: round(events / s, 0), articles_per_s: round(inputs.length / s, 0), events };
  } finally {
    await store.close();
  }
}

// ---- synthetic store ---------------------------------------------------------------------

interface TypeInfo { type: string; cameo: string; quad: string; intensity: number }

function ontologyTypes(): TypeInfo[] {
  const file = new URL('../data/ontology/plover.json', import.meta.url);
  const o = JSON.parse(readFileSync(file, 'utf8')) as { types: Record<string, { cameo: string[]; quad: string; intensity: number }> };
  return Object.entries(o.types).map(([type, t]) => ({ type, cameo: t.cameo[0]!, quad: t.quad, intensity: t.intensity }));
}

/** ~150 actor codes: ISO 3166-1 alpha-3 codes from the world-countries package, then a few IGOs. */
async function actorCodes(n: number): Promise<string[]> {
  const wc = (await import('world-countries')).default as unknown as Array<{ cca3: string; independent?: boolean }>;
  const states = wc.filter((c) => c.independent).map((c) => c.cca3).sort();
  const igos = ['UN', 'NATO', 'EU', 'AU', 'ASEAN', 'IMF', 'WHO', 'OPEC'];
  return [...igos, ...states].slice(0, n);
}

/** Build the synthetic store; returns the number of events written and the seconds it took. */
export async function buildSyntheticStore(file: string, nEvents: number): Promise<{ events: number; seconds: number }> {
  const t0 = performance.now();
  const rnd = mulberry32(20251122);
  const types = ontologyTypes();
  // realistic-ish skew: consultations and statements dominate, mass violence is rare
  const typeWeights: Record<string, number> = {
    CONSULT: 20, AGREE: 10, SUPPORT: 8, REQUEST: 8, ACCUSE: 10, REJECT: 6, THREATEN: 5, PROTEST: 6,
    COOPERATE: 5, AID: 4, SANCTION: 3, MOBILIZE: 3, COERCE: 4, ASSAULT: 5, CONCEDE: 2, RETREAT: 1,
  };
  const pickType = sampler(types.map((t) => typeWeights[t.type] ?? 1), rnd);
  const codes = await actorCodes(150);
  const pickActor = sampler(codes.map((_, i) => 1 / (i + 1) ** 0.9), rnd); // Zipf-like
  // shuffle so the most active actors are not simply the first in alphabetical order
  for (let i = codes.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [codes[i], codes[j]] = [codes[j]!, codes[i]!];
  }
  const start = Date.UTC(2021, 0, 1);
  const days = 5 * 365 + 1;
  const nArticles = Math.max(1, Math.ceil(nEvents / 20));

  const db = new Database(file);
  // bulk load: no rollback journal, secondary indexes dropped now and rebuilt after the load
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.exec(SQLITE_SCHEMA);
  const secondary = db.prepare(
    `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('events', 'mentions') AND sql IS NOT NULL`,
  ).all() as Array<{ name: string }>;
  for (const { name } of secondary) db.exec(`DROP INDEX ${name}`);
  const insActor = db.prepare('INSERT OR IGNORE INTO actors (code, label, kind, country) VALUES (?, ?, ?, ?)');
  const insArticle = db.prepare(
    `INSERT INTO articles (id, doc, hash, title, url, source, published, language, raw, text, errors, ingested_at)
     VALUES (?, ?, ?, ?, NULL, ?, ?, 'en', ?, ?, '[]', ?)`,
  );
  const insEvent = db.prepare(
    `INSERT OR IGNORE INTO events (id, type, source_code, target_code, day, day_lo, day_hi, cameo, quad, mode,
       source_name, source_country, source_sector, target_name, target_country, target_sector, intensity,
       num_mentions, num_articles, num_sources, first_mention)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 'government', ?, ?, 'government', ?, 1, 1, 1, ?)`,
  );
  const insMention = db.prepare(
    `INSERT INTO mentions (id, event_id, article_id, ord, mord, sentence, span_start, span_end, trigger, rule,
       date, date_text, mode, cameo, intensity, confidence, source_name, source_country, source_sector, source_actor,
       target_name, target_country, target_sector, target_actor)
     VALUES (?, ?, ?, 0, 0, ?, 0, ?, ?, 'synthetic', ?, NULL, NULL, ?, ?, 0.8, ?, ?, 'government', NULL, ?, ?, 'government', NULL)`,
  );
  const sources = ['Harbour Post', 'Valley Ledger', 'Island Courier', 'Lakeside Times', 'Northern Wire'];
  let written = 0;
  db.transaction(() => {
    for (const c of codes) insActor.run(c, c, c.length === 3 ? 'state' : 'igo', c);
    const now = new Date().toISOString();
    for (let i = 1; i <= nArticles; i++) {
      const d = new Date(start + Math.floor(rnd() * days) * 86_400_000).toISOString().slice(0, 10);
      const text = `Synthetic article ${i} for the store benchmark, published ${d}.`;
      insArticle.run(i, `synthetic-${i}`, `h${i}`, `Synthetic ${i}`, sources[i % sources.length]!, d, text, text, now);
    }
    let id = 0;
    for (let tries = 0; written < nEvents && tries < nEvents * 2; tries++) {
      const t = types[pickType()]!;
      const s = codes[pickActor()]!;
      let g = codes[pickActor()]!;
      if (g === s) g = codes[(codes.indexOf(s) + 1 + Math.floor(rnd() * (codes.length - 1))) % codes.length]!;
      const d = new Date(start + Math.floor(rnd() * days) * 86_400_000).toISOString().slice(0, 10);
      const r = rnd();
      const day = r < 0.9 ? d : r < 0.97 ? d.slice(0, 7) : d.slice(0, 4); // day, month or year precision
      const [lo, hi] = dayRange(day);
      const eventId = id + 1;
      const intensity = round(t.intensity + (rnd() - 0.5), 2);
      if (insEvent.run(eventId, t.type, s, g, day, lo, hi, t.cameo, t.quad, s, s, g, g, intensity, eventId).changes === 0) continue;
      id = eventId;
      const sentence = `${s} and ${g}: synthetic ${t.type.toLowerCase()} event ${eventId}.`;
      insMention.run(eventId, eventId, 1 + Math.floor(rnd() * nArticles), sentence, sentence.length, t.type.toLowerCase(), day, t.cameo, intensity, s, s, g, g);
      written++;
    }
  })();
  db.exec(SQLITE_SCHEMA); // recreates the dropped indexes
  db.exec('ANALYZE');
  db.pragma('journal_mode = WAL');
  db.close();
  return { events: written, seconds: round((performance.now() - t0) / 1000, 1) };
}

// ---- queries -----------------------------------------------------------------------------

/** The API requests timed: the dashboard's main views, over varied actors and ranges. */
function queryPlan(codes: string[]): Array<{ kind: string; path: string }> {
  const top = codes.slice(0, 10);
  const plan: Array<{ kind: string; path: string }> = [];
  for (let i = 0; i < 10; i++) {
    const a = top[i]!;
    const b = top[(i + 3) % top.length]!;
    const y = 2021 + (i % 5);
    const m = String(1 + (i % 12)).padStart(2, '0');
    plan.push({ kind: 'events', path: '/api/events?limit=50' + (i % 2 ? `&offset=${i * 50}` : '') });
    plan.push({ kind: 'events_actor', path: `/api/events?actor=${a}&limit=50` });
    plan.push({ kind: 'events_filtered', path: `/api/events?source=${a}&target=${b}&type=${i % 2 ? 'ACCUSE' : 'CONSULT'}&from=${y}-01-01&to=${y}-12-31&limit=50` });
    plan.push({ kind: 'events_range', path: `/api/events?type=PROTEST&from=${y}-${m}&to=${y}-${m}&limit=50` });
    plan.push({ kind: 'relations', path: `/api/relations?a=${a}&b=${b}&by=month` });
    plan.push({ kind: 'network', path: `/api/network?from=${y}-01-01&to=${y}-06-30` });
    plan.push({ kind: 'actors', path: '/api/actors' });
  }
  return plan;
}

/** Time the API's main queries on an open store (any size): p50/p95 overall and p95 per kind. */
export async function benchQueries(store: Store, log: (l: string) => void = () => undefined): Promise<{ p50: number; p95: number; byKind: Record<string, number> }> {
  const app = createApp(store, { webDir: null });
  const codes = (await store.actors()).map((a) => a.code);
  const plan = queryPlan(codes);
  // warm up the page cache and statement cache once per kind
  for (const q of plan.slice(0, 7)) await app.request(q.path);
  const all: number[] = [];
  const byKind = new Map<string, number[]>();
  for (const q of plan) {
    const t0 = performance.now();
    const res = await app.request(q.path);
    await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`GET ${q.path}: HTTP ${res.status}`);
    all.push(ms);
    const list = byKind.get(q.kind) ?? [];
    list.push(ms);
    byKind.set(q.kind, list);
  }
  all.sort((x, y) => x - y);
  const out: Record<string, number> = {};
  for (const [k, v] of byKind) {
    v.sort((x, y) => x - y);
    out[k] = round(percentile(v, 95), 1);
    log(`  ${k.padEnd(16)} p50 ${round(percentile(v, 50), 1)} ms, p95 ${out[k]} ms`);
  }
  return { p50: round(percentile(all, 50), 1), p95: round(percentile(all, 95), 1), byKind: out };
}

export async function benchStore(opts: StoreBenchOptions = {}): Promise<StoreBenchResult> {
  const log = opts.log ?? (() => undefined);
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-bench-store-'));
  try {
    const ing = await benchIngest(opts.ingestArticles ?? 300, dir);
    log(`store ingest (SQLite, batches of 100): ${ing.events_per_s} events/s, ${ing.articles_per_s} articles/s (${ing.events} events)`);
    const file = opts.storeFile ?? path.join(dir, 'synthetic.db');
    const reuse = opts.storeFile !== undefined && existsSync(file);
    const built = reuse ? { events: 0, seconds: 0 } : await buildSyntheticStore(file, opts.events ?? 1_000_000);
    const mb = round(statSync(file).size / 1e6, 0);
    const store = openSqliteStore(file);
    if (reuse) built.events = (await store.stats()).events;
    log(reuse ? `synthetic store: reusing ${file} (${built.events} events, ${mb} MB)`
      : `synthetic store: ${built.events} events built in ${built.seconds} s (${mb} MB)`);
    try {
      const q = await benchQueries(store, log);
      log(`API queries at ${built.events} events: p50 ${q.p50} ms, p95 ${q.p95} ms`);
      const r: StoreBenchResult = {
        ingest_events_per_s: ing.events_per_s,
        ingest_articles_per_s: ing.articles_per_s,
        query_p50_ms: q.p50,
        query_p95_ms: q.p95,
        store_events: built.events,
        store_build_s: built.seconds,
        store_mb: mb,
      };
      for (const [k, v] of Object.entries(q.byKind)) r[`query_${k}_p95_ms`] = v;
      return r;
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
