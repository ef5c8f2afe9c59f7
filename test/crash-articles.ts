/**
 * Helpers for test/crash-safety.test.ts: a folder of small news articles written for the test
 * (no third-party text), and a canonical dump of a store's tables that does not depend on row
 * ids, so a killed-and-resumed ingest can be compared with a clean one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Pairs of neighbours and the capitals their talks are held in. */
const PAIRS: Array<[string, string, string]> = [
  ['Peru', 'Chile', 'Lima'], ['Kenya', 'Tanzania', 'Nairobi'], ['Norway', 'Sweden', 'Oslo'], ['Ghana', 'Togo', 'Accra'],
  ['Vietnam', 'Cambodia', 'Hanoi'], ['Poland', 'Lithuania', 'Warsaw'], ['Egypt', 'Sudan', 'Cairo'], ['Chile', 'Argentina', 'Santiago'],
  ['India', 'Nepal', 'New Delhi'], ['Japan', 'South Korea', 'Tokyo'],
];
const SOURCES = ['Harbour Herald', 'Valley Ledger', 'Coastal Courier'];

/** Three stories per pair: talks, an agreement, a protest; two outlets repeat the talks story. */
function stories(a: string, b: string, city: string, k: number): Array<{ title: string; body: string; day: number }> {
  return [
    { title: `${a} and ${b} hold talks`, day: 3 + k, body: `The foreign ministers of ${a} and ${b} met in ${city} on Monday to discuss trade and border crossings.\n\nOfficials from both sides described the meeting as frank.` },
    { title: `${a} signs deal with ${b}`, day: 10 + k, body: `${a} signed an agreement with ${b} on Thursday to share electricity across their border.\n\nThe deal takes effect next year, officials said.` },
    { title: `${a} protests to ${b}`, day: 17 + k, body: `${a} lodged a formal protest with ${b} on Wednesday over the detention of two fishermen.\n\nThe ministry in ${city} summoned the ambassador of ${b}.` },
  ];
}

/** Write about 60 articles (one `.txt` each, with header lines) into `dir`; returns how many. */
export function writeCrashArticles(dir: string): number {
  mkdirSync(dir, { recursive: true });
  let n = 0;
  PAIRS.forEach(([a, b, city], k) => {
    for (const [j, s] of stories(a, b, city, k).entries()) {
      // the talks story appears in two outlets (merged events: num_articles and num_sources of 2)
      const outlets = j === 0 ? SOURCES.slice(0, 2) : [SOURCES[(k + j) % SOURCES.length]!];
      for (const source of outlets) {
        n++;
        const day = String(s.day).padStart(2, '0');
        const name = `a${String(n).padStart(3, '0')}-${a.toLowerCase().replace(/\W+/g, '-')}.txt`;
        writeFileSync(path.join(dir, name), `Title: ${s.title}\nSource: ${source}\nPublished: 2024-05-${day}\n\n${s.body}\n`);
      }
    }
  });
  // filler briefs so the run has more batches to be killed in
  for (let i = 0; n < 60; i++) {
    const [a, b, city] = PAIRS[i % PAIRS.length]!;
    n++;
    writeFileSync(path.join(dir, `b${String(n).padStart(3, '0')}-brief.txt`),
      `Title: Brief ${i + 1}\nSource: ${SOURCES[i % 3]}\nPublished: 2024-06-${String(1 + i).padStart(2, '0')}\n\n`
      + `${a} offered humanitarian aid to ${b} on Friday after storms hit the region around ${city}.\n`);
  }
  return n;
}

/** Anything that runs a read-only SQL query and returns its rows (SQLite or PostgreSQL). */
export type Query = (sql: string) => Promise<Array<Record<string, unknown>>>;

/**
 * The store's content in canonical order, without row ids (a rolled-back transaction may use up
 * ids or sequence values): articles by doc and hash, actors, per-article actors, merged events
 * with their counts and first mention, and every mention keyed by its article and event.
 */
export async function dumpStore(q: Query): Promise<Record<string, unknown[]>> {
  const rows = async (sql: string) => (await q(sql)).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
  return {
    articles: await rows(`SELECT doc, hash, title, source, published, text FROM articles ORDER BY doc`),
    actors: await rows(`SELECT code, label, kind, country FROM actors ORDER BY code`),
    articleActors: await rows(`SELECT a.doc, x.local_id, x.code, x.name, x.spans FROM article_actors x JOIN articles a ON a.id = x.article_id ORDER BY a.doc, x.local_id`),
    events: await rows(`SELECT e.type, e.source_code, e.target_code, e.day, e.num_mentions, e.num_articles, e.num_sources,
        ROUND(CAST(e.intensity AS NUMERIC), 3) AS intensity, fa.doc AS first_doc, f.ord AS first_ord, f.mord AS first_mord
      FROM events e LEFT JOIN mentions f ON f.id = e.first_mention LEFT JOIN articles fa ON fa.id = f.article_id
      ORDER BY e.type, e.source_code, e.target_code, e.day`),
    mentions: await rows(`SELECT a.doc, m.ord, m.mord, e.type, e.source_code, e.target_code, e.day, m.sentence, m.span_start, m.span_end, m.trigger, m.rule
      FROM mentions m JOIN articles a ON a.id = m.article_id JOIN events e ON e.id = m.event_id
      ORDER BY a.doc, m.ord, m.mord`),
    // merged events no mention points at any more, and duplicated mention keys: both must be empty
    orphanEvents: await rows(`SELECT e.type, e.source_code, e.target_code, e.day FROM events e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id) ORDER BY 1, 2, 3, 4`),
    duplicateMentions: await rows(`SELECT article_id, ord, mord, COUNT(*) AS n FROM mentions GROUP BY article_id, ord, mord HAVING COUNT(*) > 1 ORDER BY 1, 2, 3`),
  };
}
