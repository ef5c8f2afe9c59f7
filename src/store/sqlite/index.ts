/** The SQLite Store: one file (WAL) or ':memory:'. */
import { createSqlStore, type DialectSql } from '../sql-store.ts';
import { toFtsQuery } from '../fts.ts';
import { createCountryNames } from '../countries.ts';
import type { Store } from '../types.ts';
import { createSqliteDriver } from './driver.ts';
import { SQLITE_SCHEMA } from './schema.ts';
import { REBUILD_ROLLUPS, ROLLUPS_META_KEY } from '../rollups.ts';

const sqliteDialect: DialectSql = {
  ftsArticleIds(q) {
    const m = toFtsQuery(q);
    return m ? { sql: 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?', params: [m] } : null;
  },
  search(q, limit, offset) {
    const m = toFtsQuery(q);
    if (!m) return null;
    return {
      rows: {
        sql: `SELECT a.doc, a.title, a.url, a.source, a.published,
                snippet(articles_fts, 1, '«', '»', '…', 20) AS snippet,
                (SELECT COUNT(DISTINCT mm.event_id) FROM mentions mm WHERE mm.article_id = a.id) AS events
              FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
              WHERE articles_fts MATCH ? ORDER BY articles_fts.rank, a.id LIMIT ? OFFSET ?`,
        params: [m, limit, offset],
      },
      count: { sql: 'SELECT COUNT(*) AS n FROM articles_fts WHERE articles_fts MATCH ?', params: [m] },
    };
  },
  // SQLite sorts NULL lowest, so DESC already puts undated events last
  newestFirst: 'e.day_lo DESC, e.id DESC',
  lockEvents: async () => undefined,
};

export function openSqliteStore(file = './parley.db'): Store {
  const db = createSqliteDriver({ file });
  db.raw.exec(SQLITE_SCHEMA);
  // a store from before the rollups (or bulk-loaded around them) gets them built once
  const built = db.raw.prepare('SELECT value FROM parley_meta WHERE key = ?').get(ROLLUPS_META_KEY);
  if (!built) {
    db.raw.transaction(() => {
      for (const stmt of REBUILD_ROLLUPS) db.raw.exec(stmt);
      db.raw.prepare('INSERT OR REPLACE INTO parley_meta (key, value) VALUES (?, ?)').run(ROLLUPS_META_KEY, '1');
    }).immediate();
    db.raw.exec('ANALYZE dyad_months; ANALYZE actor_counts'); // the planner's row counts for the new rows

  }
  return createSqlStore(db, sqliteDialect, { countryName: createCountryNames() });
}
