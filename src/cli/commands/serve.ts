import type { Command } from '../command.ts';
import { parse } from '../args.ts';
import { ParleyError } from '../../errors.ts';
import { dbUrl, openStore } from '../../store/index.ts';
import { startServer } from '../../server/index.ts';

const usage = `usage: parley serve [--db URL] [--host 127.0.0.1] [--port 8080] [--web DIR] [--max-body MB]

Serves the JSON API (/api/…, described at /api/openapi.json) and the dashboard (web/dist) when
built. Binds 127.0.0.1 by default. Any other address needs PARLEY_TOKEN in the environment:
every POST/DELETE must then carry "Authorization: Bearer $PARLEY_TOKEN".

  --max-body MB   request body limit (default 10)
`;

export const command: Command = {
  name: 'serve',
  summary: 'serve the HTTP API and dashboard over a store',
  usage,
  async run(args) {
    const { values } = parse(args, {
      db: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' }, web: { type: 'string' }, 'max-body': { type: 'string' },
    }, false);
    const port = values.port === undefined ? 8080 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ParleyError('CLI_USAGE', 'cli', '--port: must be an integer from 0 to 65535');
    const mb = values['max-body'] === undefined ? 10 : Number(values['max-body']);
    if (!Number.isFinite(mb) || mb <= 0 || mb > 1024) throw new ParleyError('CLI_USAGE', 'cli', '--max-body: must be a number of MB from 0 to 1024');
    const store = await openStore(dbUrl(values.db));
    try {
      const srv = await startServer(store, {
        host: values.host ?? '127.0.0.1', port, maxBodyBytes: Math.floor(mb * 1024 * 1024),
        ...(values.web ? { webDir: values.web } : {}),
        ...(process.env.PARLEY_TOKEN ? { token: process.env.PARLEY_TOKEN } : {}),
      });
      process.stderr.write(`parley serve: listening on ${srv.url} (store ${store.dialect})\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await srv.close();
      return 0;
    } finally {
      await store.close();
    }
  },
};
