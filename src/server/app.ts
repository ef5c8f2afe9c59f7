/**
 * The HTTP API (Hono): JSON over a Store. `createApp(store, opts)` builds it without listening,
 * so tests call `app.request()` in-process; src/server/index.ts binds it to a port.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pipeline } from '../pipeline.ts';
import type { ReadItem } from '../read/index.ts';
import type { Store } from '../store/types.ts';
import { ingestArticles } from '../store/ingest.ts';
import { busiestDyads, network, relations } from '../analytics/index.ts';
import { ParleyError } from '../errors.ts';
import {
  actorParam, docParam, eventsQuery, idParam, noQuery, paramOf, parseParams, rangeQuery, relationsQuery, searchQuery,
} from './schemas.ts';
import { parseRecords, parseUpload } from './records.ts';
import { fallbackIndex, resolveStatic } from './static.ts';
import { openApiDocument } from './openapi.ts';

export const DEFAULT_MAX_BODY = 10 * 1024 * 1024;

export interface AppOptions {
  /** When set, every POST/PUT/PATCH/DELETE needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Request body limit in bytes (default 10 MB). */
  maxBodyBytes?: number;
  /** Folder of the built dashboard served at `/`; default `<repo>/web/dist`; null: none. */
  webDir?: string | null;
  /** Makes the extraction pipeline for POST /api/articles (made once, on first use). */
  pipeline?: () => Pipeline;
  /** Articles per ingest transaction (default 100). */
  batchSize?: number;
  /**
   * Answer only requests whose Host is a loopback name (localhost, 127.x, [::1]): set by
   * startServer on a loopback bind, it defeats DNS-rebinding pages reading the API.
   */
  loopbackHostsOnly?: boolean;
}

type ErrorStatus = 400 | 401 | 403 | 404 | 413 | 500;

function errorBody(status: ErrorStatus, code: string, message: string, param?: string) {
  return { error: { status, code, message, ...(param ? { param } : {}) } };
}

function sameToken(given: string, expected: string): boolean {
  const h = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(h(given), h(expected));
}

const LOOPBACK_NAME = /^(localhost|127(\.\d{1,3}){3}|::1)$/;

/** The host name of a Host header, without port or IPv6 brackets. */
function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  return h.replace(/:\d+$/, '');
}

function defaultWebDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
}

export function createApp(store: Store, opts: AppOptions = {}): Hono {
  const app = new Hono();
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const webDir = opts.webDir === undefined ? defaultWebDir() : opts.webDir;
  const pipelineCache: { p?: Pipeline } = {};
  const pipeline = async (): Promise<() => Pipeline> => {
    const create = opts.pipeline ?? (await import('../pipeline.ts')).createPipeline;
    return () => (pipelineCache.p ??= create());
  };

  const query = (c: Context): Record<string, string> => {
    // no prototype: `?__proto__=…` is then an own key the schemas reject, not a silent no-op
    const out: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [k, v] of Object.entries(c.req.queries())) {
      if (v.length > 1) throw new ParleyError('SERVER_BAD_REQUEST', 'server', `${k}: given more than once`);
      out[k] = v[0]!;
    }
    return out;
  };

  app.onError((err, c) => {
    if (err instanceof ParleyError && (err.code === 'SERVER_BAD_REQUEST' || err.code === 'CLI_USAGE')) {
      return c.json(errorBody(400, err.code, err.message, paramOf(err.message)), 400);
    }
    if (process.env.PARLEY_DEBUG) console.error(err);
    const code = err instanceof ParleyError ? err.code : 'INTERNAL';
    return c.json(errorBody(500, code, 'internal error'), 500);
  });

  app.notFound((c) => c.json(errorBody(404, 'NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`), 404));

  // security headers on every response
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  });

  // DNS rebinding: a loopback server answers loopback host names only
  app.use('*', async (c, next) => {
    if (opts.loopbackHostsOnly) {
      const host = hostName(c.req.header('host') ?? '');
      if (!LOOPBACK_NAME.test(host)) return c.json(errorBody(403, 'FORBIDDEN', 'this server answers loopback host names only'), 403);
    }
    await next();
  });

  // cross-site writes (a page elsewhere posting to this server from the user's browser) are refused
  app.use('*', async (c, next) => {
    const m = c.req.method;
    const origin = c.req.header('origin');
    if (origin !== undefined && m !== 'GET' && m !== 'HEAD' && m !== 'OPTIONS') {
      let originHost = '';
      try {
        originHost = new URL(origin).host.toLowerCase();
      } catch {
        originHost = '';
      }
      if (originHost !== (c.req.header('host') ?? '').toLowerCase()) {
        return c.json(errorBody(403, 'FORBIDDEN', 'cross-origin write refused'), 403);
      }
    }
    await next();
  });

  // writes need the bearer token when one is configured (always when bound beyond loopback)
  app.use('*', async (c, next) => {
    const m = c.req.method;
    if (opts.token !== undefined && (m === 'POST' || m === 'PUT' || m === 'PATCH' || m === 'DELETE')) {
      const h = c.req.header('authorization') ?? '';
      const given = /^Bearer\s+(\S+)$/i.exec(h)?.[1];
      if (!given) {
        c.header('WWW-Authenticate', 'Bearer');
        return c.json(errorBody(401, 'UNAUTHORIZED', 'Authorization: Bearer <token> required'), 401);
      }
      if (!sameToken(given, opts.token)) return c.json(errorBody(403, 'FORBIDDEN', 'invalid token'), 403);
    }
    await next();
  });

  app.use('/api/*', bodyLimit({
    maxSize: maxBody,
    onError: (c) => c.json(errorBody(413, 'PAYLOAD_TOO_LARGE', `request body is larger than ${maxBody} bytes`), 413),
  }));

  app.get('/api/health', async (c) => {
    parseParams(noQuery, query(c));
    return c.json({ status: 'ok', dialect: store.dialect, stats: await store.stats() });
  });

  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));

  app.get('/api/events', async (c) => {
    const q = parseParams(eventsQuery, query(c));
    const r = await store.events(q);
    return c.json({ total: r.total, limit: q.limit, offset: q.offset, events: r.events });
  });

  app.get('/api/events/:id/mentions', async (c) => {
    parseParams(noQuery, query(c));
    const id = parseParams(idParam, c.req.param('id'), 'SERVER_BAD_REQUEST', 'id');
    return c.json({ event_id: id, mentions: await store.mentions(id) });
  });

  app.get('/api/relations', async (c) => {
    const q = parseParams(relationsQuery, query(c));
    return c.json(await relations(store, q.a, q.b, { by: q.by, ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) }));
  });

  app.get('/api/network', async (c) => {
    const q = parseParams(rangeQuery, query(c));
    return c.json(await network(store, { limit: q.limit, ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) }));
  });

  app.get('/api/dyads', async (c) => {
    const q = parseParams(rangeQuery, query(c));
    return c.json({ dyads: await busiestDyads(store, { limit: q.limit, ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) }) });
  });

  app.get('/api/actors', async (c) => {
    parseParams(noQuery, query(c));
    return c.json({ actors: await store.actors() });
  });

  app.get('/api/actors/:id', async (c) => {
    parseParams(noQuery, query(c));
    const id = parseParams(actorParam, c.req.param('id'), 'SERVER_BAD_REQUEST', 'id');
    const a = await store.actor(id);
    return a ? c.json(a) : c.json(errorBody(404, 'NOT_FOUND', `no actor '${id}'`), 404);
  });

  app.get('/api/articles/:doc', async (c) => {
    parseParams(noQuery, query(c));
    const doc = parseParams(docParam, c.req.param('doc'), 'SERVER_BAD_REQUEST', 'doc');
    const a = await store.article(doc);
    return a ? c.json(a) : c.json(errorBody(404, 'NOT_FOUND', `no article '${doc}'`), 404);
  });

  app.get('/api/search', async (c) => {
    const q = parseParams(searchQuery, query(c));
    const r = await store.search(q.q, { limit: q.limit, offset: q.offset });
    return c.json({ total: r.total, limit: q.limit, offset: q.offset, hits: r.hits });
  });

  app.post('/api/articles', async (c) => {
    parseParams(noQuery, query(c));
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    let items: ReadItem[];
    if (type.startsWith('multipart/form-data')) {
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        throw new ParleyError('SERVER_BAD_REQUEST', 'server', 'body: malformed multipart/form-data');
      }
      const files = [...form.values()].filter((v): v is File => typeof v !== 'string');
      if (files.length === 0) throw new ParleyError('SERVER_BAD_REQUEST', 'server', 'file: no file in the form upload');
      items = [];
      for (const f of files) items.push(...parseUpload(f.name || 'upload', await f.text()));
    } else {
      items = parseRecords(await c.req.text());
    }
    const summary = await ingestArticles(store, await pipeline(), items, { batchSize: opts.batchSize ?? 100 });
    return c.json(summary);
  });

  app.delete('/api/articles/:doc', async (c) => {
    parseParams(noQuery, query(c));
    const doc = parseParams(docParam, c.req.param('doc'), 'SERVER_BAD_REQUEST', 'doc');
    return (await store.remove(doc))
      ? c.json({ deleted: doc })
      : c.json(errorBody(404, 'NOT_FOUND', `no article '${doc}'`), 404);
  });

  app.all('/api/*', (c) => c.json(errorBody(404, 'NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`), 404));

  app.get('*', async (c) => {
    const urlPath = new URL(c.req.url).pathname;
    if (webDir && existsSync(webDir)) {
      const r = await resolveStatic(webDir, urlPath);
      if (r.kind === 'forbidden') return c.json(errorBody(403, 'FORBIDDEN', 'path outside the web folder'), 403);
      if (r.kind === 'file') return c.body(new Uint8Array(r.body), 200, { 'Content-Type': r.type });
      return c.json(errorBody(404, 'NOT_FOUND', 'no such file'), 404);
    }
    if (urlPath === '/' || urlPath === '/index.html') return c.html(fallbackIndex());
    return c.json(errorBody(404, 'NOT_FOUND', 'no such file'), 404);
  });

  return app;
}
