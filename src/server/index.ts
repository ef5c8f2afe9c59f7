/** Start the API on a port: loopback by default; any other address needs PARLEY_TOKEN. */
import { serve } from '@hono/node-server';
import type { Store } from '../store/types.ts';
import { ParleyError } from '../errors.ts';
import { createApp, type AppOptions } from './app.ts';

export { createApp, type AppOptions } from './app.ts';

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

export interface ServeOptions extends Omit<AppOptions, 'token'> {
  host?: string;
  port?: number;
  /** Bearer token for writes; required when `host` is not loopback. */
  token?: string;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(store: Store, opts: ServeOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? 8080;
  const loopback = isLoopback(host);
  if (!loopback && !opts.token) {
    throw new ParleyError('CLI_USAGE', 'server', `refusing to listen on ${host} without PARLEY_TOKEN set (writes must be authenticated beyond loopback)`);
  }
  const { host: _h, port: _p, token, ...appOpts } = opts;
  const app = createApp(store, { ...appOpts, ...(!loopback && token ? { token } : {}), ...(loopback ? { loopbackHostsOnly: true } : {}) });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        close: () => new Promise<void>((res) => server.close(() => res())),
      });
    });
    server.on('error', reject);
  });
}
