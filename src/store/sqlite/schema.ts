/** SQLite schema (idempotent DDL): tables, indexes, and the FTS5 index over article title + text. */
export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS parley_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT OR IGNORE INTO parley_meta (key, value) VALUES ('schema_version', '1');

CREATE TABLE IF NOT EXISTS articles (
  id INTEGER PRIMARY KEY,
  doc TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL,
  title TEXT, url TEXT, source TEXT, published TEXT, language TEXT,
  raw TEXT NOT NULL,
  text TEXT NOT NULL,
  errors TEXT NOT NULL DEFAULT '[]',
  ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);

CREATE TABLE IF NOT EXISTS actors (
  code TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  kind TEXT,
  country TEXT
);

CREATE TABLE IF NOT EXISTS article_actors (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  code TEXT NOT NULL REFERENCES actors (code),
  name TEXT NOT NULL, kind TEXT, country TEXT, sector TEXT, role TEXT,
  aliases TEXT NOT NULL DEFAULT '[]',
  spans TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (article_id, local_id)
);
CREATE INDEX IF NOT EXISTS article_actors_code ON article_actors (code);

CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  source_code TEXT NOT NULL REFERENCES actors (code),
  target_code TEXT NOT NULL REFERENCES actors (code),
  day TEXT NOT NULL,
  day_lo TEXT, day_hi TEXT,
  cameo TEXT NOT NULL, quad TEXT NOT NULL, mode TEXT,
  source_name TEXT, source_country TEXT, source_sector TEXT,
  target_name TEXT, target_country TEXT, target_sector TEXT,
  intensity REAL NOT NULL DEFAULT 0,
  num_mentions INTEGER NOT NULL DEFAULT 0,
  num_articles INTEGER NOT NULL DEFAULT 0,
  num_sources INTEGER NOT NULL DEFAULT 0,
  first_mention INTEGER,
  UNIQUE (type, source_code, target_code, day)
);
CREATE INDEX IF NOT EXISTS events_day ON events (day_lo, day_hi);
-- per side: an actor's events newest first straight off the index (no sort of all its events)
DROP INDEX IF EXISTS events_source;
DROP INDEX IF EXISTS events_target;
CREATE INDEX IF NOT EXISTS events_source_day ON events (source_code, day_lo);
CREATE INDEX IF NOT EXISTS events_target_day ON events (target_code, day_lo);
CREATE INDEX IF NOT EXISTS events_source_country ON events (source_country);
CREATE INDEX IF NOT EXISTS events_target_country ON events (target_country);
-- day_hi too: a type + date range count is covered by the index
DROP INDEX IF EXISTS events_type_day;
CREATE INDEX IF NOT EXISTS events_type_days ON events (type, day_lo, day_hi);
-- a dyad's events over a date range, covering what facts() and source + target + type counts read
DROP INDEX IF EXISTS events_dyad;
DROP INDEX IF EXISTS events_pair;
CREATE INDEX IF NOT EXISTS events_pair_facts ON events (source_code, target_code, day_lo, day_hi, num_mentions, intensity, type, quad, source_country, target_country, day);

CREATE TABLE IF NOT EXISTS mentions (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events (id),
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, mord INTEGER NOT NULL,
  sentence TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
  trigger TEXT, rule TEXT, date TEXT, date_text TEXT, mode TEXT, cameo TEXT,
  intensity REAL NOT NULL DEFAULT 0, confidence REAL NOT NULL DEFAULT 0,
  source_name TEXT, source_country TEXT, source_sector TEXT, source_actor TEXT,
  target_name TEXT, target_country TEXT, target_sector TEXT, target_actor TEXT
);
CREATE INDEX IF NOT EXISTS mentions_event ON mentions (event_id);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id);

-- rollups (src/store/rollups.ts), recomputed for the touched keys inside each ingest / removal
CREATE TABLE IF NOT EXISTS dyad_months (
  days INTEGER NOT NULL,
  bucket TEXT NOT NULL,
  source_code TEXT NOT NULL,
  target_code TEXT NOT NULL,
  day_lo TEXT, day_hi TEXT,
  events INTEGER NOT NULL DEFAULT 0,
  mentions INTEGER NOT NULL DEFAULT 0,
  intensity_sum REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (days, bucket, source_code, target_code)
) WITHOUT ROWID;
-- actor counters sum the all-time rows (days = -1) of a code on either side
DROP INDEX IF EXISTS dyad_months_source;
DROP INDEX IF EXISTS dyad_months_target;
CREATE INDEX IF NOT EXISTS dyad_months_src ON dyad_months (source_code, days, target_code, events);
CREATE INDEX IF NOT EXISTS dyad_months_tgt ON dyad_months (target_code, days, events);

CREATE TABLE IF NOT EXISTS actor_counts (
  code TEXT PRIMARY KEY,
  as_source INTEGER NOT NULL DEFAULT 0,
  as_target INTEGER NOT NULL DEFAULT 0,
  both_sides INTEGER NOT NULL DEFAULT 0
);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (
  title, text, content = 'articles', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS articles_fts_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
`;
