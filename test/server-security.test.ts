/**
 * Security of the HTTP API, beyond the unit tests in src/server/*.test.ts:
 * - the real `parley serve` command: loopback by default, refuses a public bind without
 *   PARLEY_TOKEN, and with one every write over the network needs the bearer token;
 * - every query and path parameter of every endpoint: validated (400 JSON naming it), and SQL
 *   injection strings in each return normally and leave the data exactly as it was;
 * - request bodies: the size limit holds for chunked bodies without Content-Length (real socket);
 * - static files: no escape from the web folder through raw `..`, encodings, absolute paths, NUL;
 * - errors: no stack trace, SQL text or internal path reaches the client.
 */
import { test, before, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { sampleArticles } from '../src/store/test-fixtures.ts';
import type { Store } from '../src/store/types.ts';
import { ParleyError } from '../src/errors.ts';
import { createApp } from '../src/server/app.ts';

const bin = path.resolve(import.meta.dirname, '../bin/parley.js');
const root = mkdtempSync(path.join(tmpdir(), 'parley-sec-'));
const web = path.join(root, 'web');
const SECRET = 'TOP-SECRET-OUTSIDE-WEB';

before(() => {
  mkdirSync(path.join(web, 'assets'), { recursive: true });
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>dash</title>');
  writeFileSync(path.join(web, 'assets', 'app.js'), 'console.log("dash")');
  writeFileSync(path.join(root, 'secret.txt'), SECRET);
});
after(() => rmSync(root, { recursive: true, force: true }));

async function fixture(t: TestContext, opts: Parameters<typeof createApp>[1] = {}): Promise<{ app: Hono; store: Store }> {
  const store = openSqliteStore(':memory:');
  t.after(() => store.close());
  await store.ingest(sampleArticles().map((extraction) => ({ extraction })));
  return { app: createApp(store, { webDir: null, ...opts }), store };
}

/** Everything the API can read back, to show a request changed nothing. */
async function snapshot(store: Store): Promise<string> {
  const events = await store.events({ limit: 1000 });
  const actors = await store.actors();
  const mentions = await Promise.all(events.events.map((e) => store.mentions(e.id)));
  return JSON.stringify({ stats: await store.stats(), events, actors, mentions });
}

/** Bodies must be JSON and tell nothing about the inside. */
async function safeJson(res: Response): Promise<any> {
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  const text = await res.text();
  assert.doesNotMatch(text, /\bat \S+ \(|\bat \S+:\d+:\d+|node_modules|\/work\/|\/src\/|\.ts\b|SQLITE_|syntax error|sqlite_master|pg_catalog/i, text.slice(0, 300));
  return JSON.parse(text);
}

// ---- every parameter validated -------------------------------------------------------------

const INVALID: Array<[string, string]> = [
  ['/api/events?source=', 'source'], ['/api/events?target=%01CHN', 'target'], [`/api/events?actor=${'A'.repeat(101)}`, 'actor'],
  ['/api/events?type=PARTY', 'type'], ['/api/events?from=2024-13-01', 'from'], ['/api/events?to=2024-02-30', 'to'],
  [`/api/events?q=${'w'.repeat(501)}`, 'q'], ['/api/events?limit=0', 'limit'], ['/api/events?limit=1001', 'limit'],
  ['/api/events?offset=-1', 'offset'], ['/api/events?offset=1.5', 'offset'], ['/api/events?limit=1&limit=2', 'limit'],
  ['/api/events?__proto__=1', '__proto__'], ['/api/events?constructor=x', 'constructor'],
  ['/api/relations?b=CHN', 'a'], ['/api/relations?a=CHN&b=', 'b'], ['/api/relations?a=CHN&b=USA&by=decade', 'by'],
  ['/api/relations?a=CHN&b=USA&from=soon', 'from'], ['/api/relations?a=CHN&b=USA&to=2024-1-1', 'to'],
  ['/api/network?from=2024%00', 'from'], ['/api/network?to=20240', 'to'], ['/api/network?limit=5001', 'limit'], ['/api/network?depth=2', 'depth'],
  ['/api/dyads?limit=-5', 'limit'], ['/api/dyads?from=yesterday', 'from'], ['/api/dyads?to=%FF', 'to'],
  ['/api/search?q=', 'q'], ['/api/search?q=%0A', 'q'], ['/api/search?q=peace&limit=201', 'limit'], ['/api/search?q=peace&offset=x', 'offset'],
  ['/api/health?verbose=1', 'verbose'], ['/api/actors?sort=name', 'sort'], ['/api/actors/CHN?x=1', 'x'],
  ['/api/articles/harbor-0412-talks?full=1', 'full'], ['/api/events/0/mentions', 'id'], ['/api/events/1e400/mentions', 'id'],
  [`/api/actors/${'A'.repeat(101)}`, 'id'], [`/api/articles/${'d'.repeat(301)}`, 'doc'],
];
for (const [url, param] of INVALID) {
  test(`GET ${url.length > 70 ? `${url.slice(0, 67)}…` : url} → 400 naming '${param}'`, async (t) => {
    const { app } = await fixture(t);
    const res = await app.request(url);
    assert.equal(res.status, 400);
    const body = await safeJson(res);
    assert.equal(body.error.code, 'SERVER_BAD_REQUEST');
    assert.equal(body.error.param, param, body.error.message);
  });
}

// ---- SQL injection in every parameter --------------------------------------------------------

const INJECTIONS = [
  "' OR 1=1 --",
  "'; DROP TABLE articles; --",
  "%' UNION SELECT doc, raw, text, hash, 1, 1 FROM articles --",
  '" OR ""="',
  "1; DELETE FROM events",
  "CHN') OR ('1'='1",
  "\\'; DROP TABLE mentions; --",
];
/** Each endpoint with the parameters it takes and a valid base for the others. */
const ENDPOINTS: Array<[string, string[], string]> = [
  ['/api/events', ['source', 'target', 'type', 'actor', 'from', 'to', 'q', 'limit', 'offset'], ''],
  ['/api/relations', ['a', 'b', 'by', 'from', 'to'], 'a=CHN&b=USA'],
  ['/api/network', ['from', 'to', 'limit'], ''],
  ['/api/dyads', ['from', 'to', 'limit'], ''],
  ['/api/search', ['q', 'limit', 'offset'], 'q=talks'],
];
for (const [endpoint, params, base] of ENDPOINTS) {
  test(`injection strings in every parameter of ${endpoint} return normally and change nothing`, async (t) => {
    const { app, store } = await fixture(t);
    const before = await snapshot(store);
    for (const param of params) {
      for (const inj of INJECTIONS) {
        const qs = new URLSearchParams(base);
        qs.set(param, inj);
        const res = await app.request(`${endpoint}?${qs}`);
        assert.ok(res.status === 200 || res.status === 400, `${param}=${inj} → ${res.status}`);
        const body = await safeJson(res);
        if (res.status === 400) assert.equal(body.error.param, param, `${param}=${inj}: ${body.error.message}`);
        // an injected filter never widens a result: it matches nothing (or is refused)
        if (res.status === 200 && endpoint === '/api/events') assert.equal(body.total, 0, `${param}=${inj}`);
        if (res.status === 200 && endpoint === '/api/search') assert.ok(body.hits.every((h: { doc: string }) => typeof h.doc === 'string' && !('raw' in h)));
      }
    }
    assert.equal(await snapshot(store), before);
  });
}

test('injection strings in every path parameter return 400/404 JSON and change nothing', async (t) => {
  const { app, store } = await fixture(t);
  const before = await snapshot(store);
  for (const inj of INJECTIONS) {
    const enc = encodeURIComponent(inj);
    for (const url of [`/api/actors/${enc}`, `/api/articles/${enc}`, `/api/events/${enc}/mentions`]) {
      const res = await app.request(url);
      assert.ok(res.status === 400 || res.status === 404, `${url} → ${res.status}`);
      await safeJson(res);
    }
    const del = await app.request(`/api/articles/${enc}`, { method: 'DELETE' });
    assert.ok(del.status === 400 || del.status === 404, `DELETE ${inj} → ${del.status}`);
    await safeJson(del);
  }
  assert.equal(await snapshot(store), before);
});

test('injection strings inside posted records are stored as plain text', async (t) => {
  const { app, store } = await fixture(t, {
    pipeline: () => ({ extract: () => { throw new Error('not reached'); } }) as never,
  });
  const before = (await store.stats()).articles;
  const res = await app.request('/api/articles', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: "x'); DROP TABLE articles; --", title: "' OR 1=1 --" }),
  });
  assert.equal(res.status, 200);
  const body = await safeJson(res);
  assert.equal(body.failures, 1, 'a record without text is refused by validation, not by SQL');
  assert.equal((await store.stats()).articles, before);
});

// ---- errors leak nothing ---------------------------------------------------------------------

const BROKEN_STORES: Array<[string, () => Promise<never>]> = [
  ['a driver error naming a file', async () => { throw Object.assign(new Error('SQLITE_CORRUPT: database disk image is malformed at /var/lib/parley/store.db'), { code: 'SQLITE_CORRUPT' }); }],
  ['a store ParleyError naming a file', async () => { throw new ParleyError('STORE_FAILED', 'store', 'cannot write /home/alice/parley.db: disk full', { file: '/home/alice/parley.db' }); }],
];
for (const [label, fail] of BROKEN_STORES) {
  test(`${label} answers 500 JSON with no detail`, async (t) => {
    const { store } = await fixture(t);
    const broken: Store = { ...store, events: fail, search: fail, actors: fail, stats: fail, dyads: fail, facts: fail, factGroups: fail };
    const app = createApp(broken, { webDir: null });
    for (const url of ['/api/events', '/api/search?q=talks', '/api/actors', '/api/health', '/api/network', '/api/dyads', '/api/relations?a=USA&b=CHN']) {
      const res = await app.request(url);
      assert.equal(res.status, 500, url);
      const body = await safeJson(res);
      assert.equal(body.error.message, 'internal error');
      assert.doesNotMatch(JSON.stringify(body), /alice|var\/lib|disk|DROP|CORRUPT/);
    }
  });
}

const BAD_BODIES: Array<[string, Record<string, string>, string, number]> = [
  ['malformed multipart', { 'content-type': 'multipart/form-data; boundary=zzz' }, '--other\r\nnot a form', 400],
  ['multipart without a boundary', { 'content-type': 'multipart/form-data' }, 'x', 400],
  ['truncated JSON', { 'content-type': 'application/json' }, '{"id": "a", "text": "Peru', 200],
  ['binary bytes', { 'content-type': 'application/octet-stream' }, '\u0000\u0001\u0002\uFFFD', 200],
];
for (const [label, headers, body, status] of BAD_BODIES) {
  test(`POST /api/articles with ${label} → ${status} JSON, nothing stored`, async (t) => {
    const { app, store } = await fixture(t, { pipeline: () => ({ extract: () => { throw new Error('not reached'); } }) as never });
    const res = await app.request('/api/articles', { method: 'POST', headers, body });
    assert.equal(res.status, status);
    const json = await safeJson(res);
    if (status === 200) assert.equal(json.articles, 0);
    assert.equal((await store.stats()).articles, 4);
  });
}

// ---- the real server: bind rules, token, body limit, raw paths ---------------------------------

interface Served { child: ChildProcess; url: string; stderr: () => string }

function serve(args: string[], env: Record<string, string> = {}): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], { env: { ...process.env, PARLEY_DB: '', PARLEY_TOKEN: '', ...env } });
    let err = '';
    child.stderr!.on('data', (b: Buffer) => {
      err += b.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) resolve({ child, url: m[1]!, stderr: () => err });
    });
    child.on('exit', (code) => reject(Object.assign(new Error(`serve exited ${code}: ${err}`), { code, stderr: err })));
    child.on('error', reject);
  });
}

function stop(s: Served): Promise<void> {
  return new Promise((resolve) => {
    if (s.child.exitCode !== null) return resolve();
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });
}

/** One raw HTTP/1.1 request (the path sent exactly as given, no URL normalisation). */
function rawRequest(port: number, head: string, body: Buffer | string = ''): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    sock.on('data', (b: Buffer) => chunks.push(b));
    sock.on('error', reject);
    sock.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
    // no half-close: Node's HTTP server aborts a request whose client ends its side early
    sock.write(head.replace(/\n/g, '\r\n') + '\r\n');
    if (body.length) sock.write(body);
  });
}

test('parley serve binds 127.0.0.1 by default', async (t) => {
  const s = await serve(['--db', path.join(root, 'default.db'), '--web', web]);
  t.after(() => stop(s));
  assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const res = await fetch(`${s.url}/api/health`);
  assert.equal(res.status, 200);
});

for (const host of ['0.0.0.0', '::']) {
  test(`parley serve --host ${host} refuses to start without PARLEY_TOKEN`, async () => {
    await assert.rejects(serve(['--db', path.join(root, 'public.db'), '--host', host]), (err: { code: number; stderr: string }) => {
      assert.equal(err.code, 2);
      assert.match(err.stderr, /refusing to listen on .* without PARLEY_TOKEN/);
      return true;
    });
  });
}

test('parley serve beyond loopback: every write needs the bearer token, reads do not', async (t) => {
  const s = await serve(['--db', path.join(root, 'public.db'), '--host', '0.0.0.0'], { PARLEY_TOKEN: 'tok-5f3a9c' });
  t.after(() => stop(s));
  const port = Number(new URL(s.url.replace('0.0.0.0', '127.0.0.1')).port);
  const base = `http://127.0.0.1:${port}`;
  const writes: Array<[string, string, Record<string, string>, number]> = [
    ['POST', '/api/articles', {}, 401],
    ['POST', '/api/articles', { authorization: 'Bearer wrong' }, 403],
    ['POST', '/api/articles', { authorization: 'Basic dG9rLTVmM2E5Yzo=' }, 401],
    ['POST', '/api/articles', { authorization: 'Bearer tok-5f3a9c extra' }, 401],
    ['DELETE', '/api/articles/any-doc', {}, 401],
    ['PUT', '/api/articles/any-doc', {}, 401],
    ['PATCH', '/api/articles/any-doc', {}, 401],
  ];
  for (const [method, url, headers, status] of writes) {
    const res = await fetch(`${base}${url}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: '{"id":"w","text":"Peru met Chile."}' });
    assert.equal(res.status, status, `${method} ${url} ${JSON.stringify(headers)}`);
    await safeJson(res);
  }
  // the right token: accepted (an empty body stores nothing, and loads no models)
  const ok = await fetch(`${base}/api/articles`, { method: 'POST', headers: { authorization: 'Bearer tok-5f3a9c' }, body: '' });
  assert.equal(ok.status, 200);
  assert.equal((await safeJson(ok)).articles, 0);
  assert.equal((await fetch(`${base}/api/events`)).status, 200);
  assert.equal((await (await fetch(`${base}/api/health`)).json()).stats.articles, 0);
});

test('a chunked body over --max-body (no Content-Length) → 413 JSON on the real server', async (t) => {
  const s = await serve(['--db', path.join(root, 'limit.db'), '--max-body', '0.01']);
  t.after(() => stop(s));
  const port = Number(new URL(s.url).port);
  const piece = `${'x'.repeat(4000)}`;
  const chunked = [1, 2, 3, 4].map(() => `${piece.length.toString(16)}\r\n${piece}\r\n`).join('') + '0\r\n\r\n';
  const r = await rawRequest(port, `POST /api/articles HTTP/1.1\nHost: 127.0.0.1:${port}\nContent-Type: application/json\nTransfer-Encoding: chunked\nConnection: close\n`, chunked);
  assert.equal(r.status, 413, r.text.slice(0, 200));
  assert.match(r.text, /PAYLOAD_TOO_LARGE/);
  assert.equal((await (await fetch(`${s.url}/api/health`)).json()).stats.articles, 0);
});

const RAW_PATHS = [
  '/../secret.txt', '/../../../../etc/passwd', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt',
  '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2f..%2fsecret.txt', '/%252e%252e%252fsecret.txt', '/..%5csecret.txt', '/..\\secret.txt',
  `/${root}/secret.txt`, `//${root.slice(1)}/secret.txt`, '/%2fetc%2fpasswd', '//etc/passwd', '/index.html%00.js', '/%00../secret.txt',
  '/%c0%ae%c0%ae/secret.txt', '/.%2e/secret.txt', '/assets/app.js/../../secret.txt',
];
test('static files cannot escape the web folder, whatever the raw request path', async (t) => {
  const s = await serve(['--db', path.join(root, 'static.db'), '--web', web]);
  t.after(() => stop(s));
  const port = Number(new URL(s.url).port);
  for (const p of RAW_PATHS) {
    const r = await rawRequest(port, `GET ${p} HTTP/1.1\nHost: 127.0.0.1:${port}\nConnection: close\n`);
    assert.ok([200, 400, 403, 404].includes(r.status), `${p} → ${r.status}`);
    assert.doesNotMatch(r.text, new RegExp(`${SECRET}|root:x:0:0`), p);
    assert.doesNotMatch(r.text, /\bat \S+:\d+:\d+|node_modules/, p);
    // a path that stays inside resolves to the app (index.html fallback), never to another file
    if (r.status === 200) assert.match(r.text, /<title>dash<\/title>|console\.log\("dash"\)/, p);
  }
  const ok = await rawRequest(port, `GET /assets/app.js HTTP/1.1\nHost: 127.0.0.1:${port}\nConnection: close\n`);
  assert.equal(ok.status, 200);
});
