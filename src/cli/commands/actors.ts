import type { Command } from '../command.ts';
import { parse } from '../args.ts';
import { ParleyError } from '../../errors.ts';
import { dbUrl, openStore } from '../../store/index.ts';
import { textTable } from '../../store/export.ts';

const usage = `usage: parley actors [--db URL] [--format table|json]

Lists stored actor codes (states, organisations, named groups) with their event counts,
most active first.
`;

export const command: Command = {
  name: 'actors',
  summary: 'list stored actors with event counts',
  usage,
  async run(args) {
    const { values } = parse(args, { db: { type: 'string' }, format: { type: 'string' } }, false);
    const format = values.format ?? 'table';
    if (!['table', 'json'].includes(format)) throw new ParleyError('CLI_USAGE', 'cli', `--format: unknown format '${format}' (table, json)`);
    const store = await openStore(dbUrl(values.db));
    try {
      const actors = await store.actors();
      if (format === 'json') process.stdout.write(`${JSON.stringify(actors, null, 2)}\n`);
      else process.stdout.write(textTable(['CODE', 'LABEL', 'KIND', 'EVENTS', 'AS_SOURCE', 'AS_TARGET'], actors.map((a) => [a.code, a.label, a.kind, a.events, a.as_source, a.as_target])));
      return 0;
    } finally {
      await store.close();
    }
  },
};
