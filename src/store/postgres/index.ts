/** The PostgreSQL Store: full-text search with tsvector + websearch_to_tsquery, rows locked before recounts. */
import { createSqlStore, type DialectSql } from '../sql-store.ts';
import { toFtsQuery } from '../fts.ts';
import { createCountryNames } from '../countries.ts';
import { placeholders } from '../sql.ts';
import type { Store } from '../types.ts';
import { assertSchemaName, createPgDriver } from './driver.ts';
import { PG_SCHEMA } from './schema.ts';
import { REBUILD_ROLLUPS, ROLLUPS_META_KEY } from '../rollups.ts';

const TSQ = `websearch_to_tsquery('english', ?)`;

const pgDialect: DialectSql = {
  ftsArticleIds(q) {
    if (!toFtsQuery(q)) return null;
    return { sql: `SELECT id FROM articles WHERE tsv @@ ${TSQ}`, params: [q] };
  },
  search(q, limit, offset) {
    if (!toFtsQuery(q)) return null;
    return {
      rows: {
        sql: `SELECT a.doc, a.title, a.url, a.source, a.published,
                ts_headline('english', a.text, ${TSQ}, 'MaxFragments=1, MaxWords=30, MinWords=12, StartSel=«, StopSel=»') AS snippet,
                (SELECT COUNT(DISTINCT mm.event_id) FROM mentions mm WHERE mm.article_id = a.id) AS events
              FROM (SELECT x.id, ts_rank(x.tsv, tq) AS rank FROM articles x, ${TSQ} tq WHERE x.tsv @@ tq
                    ORDER BY rank DESC, x.id LIMIT ? OFFSET ?) hits
              JOIN articles a ON a.id = hits.id
              ORDER BY hits.rank DESC, a.id`,
        params: [q, q, limit, offset],
      },
      count: { sql: `SELECT COUNT(*) AS n FROM articles WHERE tsv @@ ${TSQ}`, params: [q] },
    };
  },
  newestFirst: 'e.day_lo DESC NULLS LAST, e.id DESC',
  async lockEvents(conn, ids) {
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      await conn.all(`SELECT id FROM events WHERE id IN (${placeholders(part.length)}) ORDER BY id FOR UPDATE`, part);
    }
  },
};

export interface PgStoreOptions {
  /** Work inside this schema (created when missing); default: the server's search_path. */
  schema?: string;
}

export async function openPostgresStore(url: string, opts: PgStoreOptions = {}): Promise<Store> {
  const db = createPgDriver({ url, ...(opts.schema ? { schema: opts.schema } : {}) });
  try {
    await db.transaction(async (c) => {
      // concurrent first opens must not race on CREATE TABLE IF NOT EXISTS
      await c.all('SELECT pg_advisory_xact_lock(727411)');
      if (opts.schema) await c.run(`CREATE SCHEMA IF NOT EXISTS ${assertSchemaName(opts.schema)}`);
      for (const stmt of PG_SCHEMA.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await c.run(stmt);
      // a store from before the rollups gets them built once
      if (!(await c.all('SELECT value FROM parley_meta WHERE key = ?', [ROLLUPS_META_KEY])).length) {
        for (const stmt of REBUILD_ROLLUPS) await c.run(stmt);
        await c.run('INSERT INTO parley_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [ROLLUPS_META_KEY, '1']);
        await c.run('ANALYZE dyad_months');
        await c.run('ANALYZE actor_counts');
      }
    });
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return createSqlStore(db, pgDialect, { countryName: createCountryNames() });
}
