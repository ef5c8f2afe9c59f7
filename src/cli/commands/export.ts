import type { Command } from '../command.ts';
import { parse } from '../args.ts';
import { ParleyError } from '../../errors.ts';
import { dbUrl, openStore } from '../../store/index.ts';
import { exportLines, type ExportFormat } from '../../store/export.ts';
import { eventsQuery, parseParams } from '../../server/schemas.ts';
import { writeOut } from '../write-out.ts';

const usage = `usage: parley export --format gdelt|plover|csv [--db URL] [filters as in parley events]

Writes every stored event to stdout:
  gdelt   GDELT-style TSV with a header row (GLOBALEVENTID, SQLDATE, Actor1Code, …, SOURCEURL)
  plover  PLOVER JSONL (event_type, mode, actor1, actor1_country, actor2, …, date, story_id, text)
  csv     flat CSV with the evidence sentence
Columns: docs/api.md. Filters: --source --target --actor --type --from --to --q.
`;

export const command: Command = {
  name: 'export',
  summary: 'export stored events as GDELT TSV, PLOVER JSONL or CSV',
  usage,
  async run(args) {
    const { values } = parse(args, {
      db: { type: 'string' }, format: { type: 'string' }, source: { type: 'string' }, target: { type: 'string' },
      type: { type: 'string' }, actor: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, q: { type: 'string' },
    }, false);
    const { db, format = 'gdelt', ...rest } = values;
    if (!['gdelt', 'plover', 'csv'].includes(format)) throw new ParleyError('CLI_USAGE', 'cli', `--format: unknown format '${format}' (gdelt, plover, csv)`);
    const { limit: _l, offset: _o, ...filter } = parseParams(eventsQuery, rest, 'CLI_USAGE');
    const store = await openStore(dbUrl(db));
    try {
      let buf = '';
      for await (const line of exportLines(store, format as ExportFormat, filter)) {
        buf += line + '\n';
        if (buf.length > 64 * 1024) {
          await writeOut(buf);
          buf = '';
        }
      }
      await writeOut(buf);
      return 0;
    } finally {
      await store.close();
    }
  },
};
