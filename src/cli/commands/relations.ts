import type { Command } from '../command.ts';
import { parse } from '../args.ts';
import { ParleyError } from '../../errors.ts';
import { dbUrl, openStore } from '../../store/index.ts';
import { textTable } from '../../store/export.ts';
import { relations } from '../../analytics/index.ts';
import { parseParams, relationsQuery } from '../../server/schemas.ts';

const usage = `usage: parley relations --pair A,B [--by day|week|month|year] [--from DATE] [--to DATE]
                        [--db URL] [--format table|json]

Relations between two actors (codes or countries, both directions) by period: events, counts
by PLOVER type, mean intensity and cooperation/conflict balance ((coop − conflict) / events).
`;

export const command: Command = {
  name: 'relations',
  summary: 'relations between two actors over time (counts by type, intensity, balance)',
  usage,
  async run(args) {
    const { values } = parse(args, {
      db: { type: 'string' }, pair: { type: 'string' }, by: { type: 'string' },
      from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' },
    }, false);
    const pair = (values.pair ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (pair.length !== 2) throw new ParleyError('CLI_USAGE', 'cli', '--pair: give two actor codes, e.g. --pair CHN,USA');
    const format = values.format ?? 'table';
    if (!['table', 'json'].includes(format)) throw new ParleyError('CLI_USAGE', 'cli', `--format: unknown format '${format}' (table, json)`);
    const q = parseParams(relationsQuery, {
      a: pair[0], b: pair[1], ...(values.by ? { by: values.by } : {}), ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}),
    }, 'CLI_USAGE');
    const store = await openStore(dbUrl(values.db));
    try {
      const r = await relations(store, q.a, q.b, { by: q.by, ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) });
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        return 0;
      }
      process.stdout.write(textTable(
        ['PERIOD', 'EVENTS', `${r.a}→${r.b}`, `${r.b}→${r.a}`, 'INTENSITY', 'BALANCE', 'TYPES'],
        r.series.map((p) => [p.period, p.events, p.ab, p.ba, p.intensity, p.balance,
          Object.entries(p.counts).sort((x, y) => y[1]! - x[1]!).map(([k, n]) => `${k} ${n}`).join(', ')]),
        120,
      ));
      process.stdout.write(`total: ${r.total.events} event(s), mean intensity ${r.total.intensity}, balance ${r.total.balance}${r.undated ? `, ${r.undated} undated` : ''}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
