import type { Command } from '../command.ts';
import { parse } from '../args.ts';
import { ParleyError } from '../../errors.ts';
import { dbUrl, openStore } from '../../store/index.ts';
import { allEvents, csvHeader, csvRow, textTable } from '../../store/export.ts';
import { eventsQuery, parseParams } from '../../server/schemas.ts';
import type { StoredEvent } from '../../store/types.ts';

const usage = `usage: parley events [--db URL] [--source C] [--target C] [--type T] [--actor C]
                     [--from DATE] [--to DATE] [--q TEXT] [--limit N] [--offset N]
                     [--format table|csv|jsonl]

Lists stored (merged) events, newest first, with their first evidence sentence.

  --source/--target/--actor C   actor code or country (CHN, USA, NATO); --actor: either side
  --type T                      PLOVER type (CONSULT, ACCUSE, …)
  --from/--to DATE              YYYY, YYYY-MM or YYYY-MM-DD (inclusive)
  --q TEXT                      full-text search over the articles
  --limit N                     default 50 (max 1000)
  --format F                    table (default), csv, jsonl
`;

export const command: Command = {
  name: 'events',
  summary: 'list stored events (filters: actors, type, dates, text)',
  usage,
  async run(args) {
    const { values } = parse(args, {
      db: { type: 'string' }, source: { type: 'string' }, target: { type: 'string' }, type: { type: 'string' },
      actor: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, q: { type: 'string' },
      limit: { type: 'string' }, offset: { type: 'string' }, format: { type: 'string' },
    }, false);
    const { db, format = 'table', ...rest } = values;
    if (!['table', 'csv', 'jsonl'].includes(format)) throw new ParleyError('CLI_USAGE', 'cli', `--format: unknown format '${format}' (table, csv, jsonl)`);
    const filter = parseParams(eventsQuery, rest, 'CLI_USAGE');
    const store = await openStore(dbUrl(db));
    try {
      const events: StoredEvent[] = [];
      for await (const e of allEvents(store, filter)) events.push(e);
      if (format === 'jsonl') process.stdout.write(events.map((e) => JSON.stringify(e)).join('\n') + (events.length ? '\n' : ''));
      else if (format === 'csv') process.stdout.write([csvHeader(), ...events.map(csvRow)].join('\n') + '\n');
      else {
        const { total } = await store.events({ ...filter, limit: 0 });
        process.stdout.write(textTable(
          ['DATE', 'TYPE', 'SOURCE', 'TARGET', 'MENT', 'ART', 'SRC', 'EVIDENCE'],
          events.map((e) => [e.date ?? '?', e.type, e.source.code, e.target.code, e.num_mentions, e.num_articles, e.num_sources, `${e.evidence.sentence} [${e.evidence.article.doc}]`]),
          100,
        ));
        process.stderr.write(`${events.length} of ${total} event(s)\n`);
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
