import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSqliteStore } from '../store/sqlite/index.ts';
import { isLoopback, startServer } from './index.ts';

const hosts: Array<[string, boolean]> = [
  ['127.0.0.1', true], ['127.8.9.10', true], ['localhost', true], ['::1', true], ['[::1]', true],
  ['0.0.0.0', false], ['::', false], ['192.168.1.20', false], ['example.org', false],
];
for (const [h, want] of hosts) test(`isLoopback(${h}) = ${want}`, () => assert.equal(isLoopback(h), want));

test('refuses to listen beyond loopback without a token', async (t) => {
  const store = openSqliteStore(':memory:');
  t.after(() => store.close());
  await assert.rejects(startServer(store, { host: '0.0.0.0', port: 0, webDir: null }), /PARLEY_TOKEN/);
});

test('listens on loopback and answers /api/health', async (t) => {
  const store = openSqliteStore(':memory:');
  const srv = await startServer(store, { port: 0, webDir: null });
  t.after(async () => {
    await srv.close();
    await store.close();
  });
  assert.match(srv.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const body = (await (await fetch(`${srv.url}/api/health`)).json()) as { status: string };
  assert.equal(body.status, 'ok');
});

test('beyond loopback, writes need the token', async (t) => {
  const store = openSqliteStore(':memory:');
  const srv = await startServer(store, { host: '0.0.0.0', port: 0, webDir: null, token: 'tok-123' });
  t.after(async () => {
    await srv.close();
    await store.close();
  });
  const port = new URL(srv.url.replace('[::]', 'localhost').replace('0.0.0.0', '127.0.0.1')).port;
  const res = await fetch(`http://127.0.0.1:${port}/api/articles`, { method: 'POST', body: '{"text":"x"}' });
  assert.equal(res.status, 401);
});
