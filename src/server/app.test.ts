import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { openSqliteStore } from '../store/sqlite/index.ts';
import { makeExtraction, party, sampleArticles } from '../store/test-fixtures.ts';
import type { Store } from '../store/types.ts';
import type { Pipeline } from '../pipeline.ts';
import type { RawArticle } from '../doc.ts';
import { createApp, type AppOptions } from './app.ts';

const INJECTION = "'; DROP TABLE events; --";

/** A stand-in pipeline: every article yields one CONSULT between Peru and Chile on its date. */
function fakePipeline(): Pipeline {
  const extract = (a: RawArticle) => {
    const sentence = a.raw.split('\n')[0]!.trim() || 'Peru and Chile met.';
    const text = a.raw.includes(sentence) ? a.raw : sentence;
    return makeExtraction({
      doc: a.id, title: a.meta.title ?? null, source: a.meta.source ?? null, published: a.meta.published ?? '2024-06-01',
      paragraphs: [text],
      events: [{ type: 'CONSULT', source: party('PER', 'Peru'), target: party('CHL', 'Chile'), sentences: [sentence] }],
    } as Parameters<typeof makeExtraction>[0]);
  };
  return { stages: [], options: {}, process: () => { throw new Error('not used'); }, extract } as unknown as Pipeline;
}

async function setup(t: TestContext, opts: AppOptions = {}): Promise<{ app: Hono; store: Store }> {
  const store = openSqliteStore(':memory:');
  t.after(() => store.close());
  await store.ingest(sampleArticles().map((extraction) => ({ extraction })));
  return { app: createApp(store, { webDir: null, pipeline: fakePipeline, ...opts }), store };
}

async function json(res: Response): Promise<any> {
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  return res.json();
}

test('GET /api/health reports ok and store counts', async (t) => {
  const { app } = await setup(t);
  const body = await json(await app.request('/api/health'));
  assert.equal(body.status, 'ok');
  assert.equal(body.stats.articles, 4);
});

test('GET /api/events returns total and events with evidence and article', async (t) => {
  const { app } = await setup(t);
  const body = await json(await app.request('/api/events'));
  assert.equal(body.total, 8);
  const e = body.events.find((x: any) => x.type === 'SANCTION');
  assert.equal(e.evidence.article.title, 'Washington raises tariffs on Chinese steel; Beijing protests');
  assert.equal(e.evidence.article.doc, 'harbor-0416-tariffs');
  assert.match(e.evidence.sentence, /imposed new tariffs/);
});

test('GET /api/events filters by type (any case), source and paging', async (t) => {
  const { app } = await setup(t);
  const body = await json(await app.request('/api/events?type=consult&source=CHN&limit=1&offset=1'));
  assert.equal(body.total, 2);
  assert.equal(body.events.length, 1);
  assert.equal(body.offset, 1);
});

test('GET /api/events/:id/mentions lists the mentions of one event', async (t) => {
  const { app } = await setup(t);
  const ev = (await json(await app.request('/api/events?type=CONSULT&from=2024-04-12&to=2024-04-12'))).events[0];
  const body = await json(await app.request(`/api/events/${ev.id}/mentions`));
  assert.equal(body.mentions.length, 3);
});

const invalid: Array<[string, string]> = [
  ['/api/events?limit=0', 'limit'],
  ['/api/events?limit=abc', 'limit'],
  ['/api/events?limit=1&limit=2', 'limit'],
  ['/api/events?type=HUG', 'type'],
  ['/api/events?from=2024-13-01', 'from'],
  ['/api/events?bogus=1', 'bogus'],
  ['/api/events?actor=', 'actor'],
  ['/api/relations?a=CHN', 'b'],
  ['/api/relations?a=CHN&b=USA&by=hour', 'by'],
  ['/api/network?to=yesterday', 'to'],
  ['/api/search', 'q'],
  ['/api/events/abc/mentions', 'id'],
  ['/api/actors?x=1', 'x'],
];
for (const [url, param] of invalid) {
  test(`GET ${url} → 400 naming '${param}'`, async (t) => {
    const { app } = await setup(t);
    const res = await app.request(url);
    assert.equal(res.status, 400);
    const body = await json(res);
    assert.equal(body.error.param, param);
    assert.equal(body.error.code, 'SERVER_BAD_REQUEST');
  });
}

for (const p of ['q', 'actor', 'source']) {
  test(`an injection string as ${p} returns normally and drops nothing`, async (t) => {
    const { app } = await setup(t);
    const res = await app.request(`/api/events?${p}=${encodeURIComponent(INJECTION)}`);
    assert.equal(res.status, 200);
    assert.equal((await json(res)).total, 0);
    assert.equal((await json(await app.request('/api/health'))).stats.events, 8);
  });
}

test('GET /api/search with an injection string returns no hits', async (t) => {
  const { app } = await setup(t);
  const res = await app.request(`/api/search?q=${encodeURIComponent(INJECTION)}`);
  assert.equal(res.status, 200);
  assert.equal((await json(res)).total, 0);
});

test('GET /api/relations gives a series by period', async (t) => {
  const { app } = await setup(t);
  const body = await json(await app.request('/api/relations?a=CHN&b=USA&by=month'));
  assert.deepEqual(body.series.map((p: any) => [p.period, p.events]), [['2024-04', 5]]);
  assert.deepEqual(body.series[0].counts, { CONSULT: 2, REQUEST: 1, SANCTION: 1, ACCUSE: 1 });
  assert.equal(body.series[0].intensity, -1);
});

test('GET /api/network gives nodes and edges over a range', async (t) => {
  const { app } = await setup(t);
  const body = await json(await app.request('/api/network?from=2024-05&to=2024-05'));
  assert.deepEqual(body.nodes.map((n: any) => n.id).sort(), ['DEU', 'NATO', 'RUS', 'UKR']);
  assert.ok(body.edges.every((e: any) => typeof e.intensity === 'number' && e.events >= 1));
});

test('GET /api/dyads lists the busiest pair first', async (t) => {
  const { app } = await setup(t);
  const body = await json(await app.request('/api/dyads?limit=1'));
  assert.deepEqual([body.dyads[0].source, body.dyads[0].target], ['CHN', 'USA']);
});

test('GET /api/actors and /api/actors/:id', async (t) => {
  const { app } = await setup(t);
  const list = await json(await app.request('/api/actors'));
  assert.ok(list.actors.some((a: any) => a.code === 'UKR' && a.label === 'Ukraine'));
  const one = await json(await app.request('/api/actors/CHN'));
  assert.equal(one.label, 'China');
  assert.deepEqual(one.partners.map((p: any) => p.code), ['USA']);
  const missing = await app.request('/api/actors/XYZ');
  assert.equal(missing.status, 404);
  assert.equal((await json(missing)).error.code, 'NOT_FOUND');
});

test('GET /api/articles/:doc gives clean text with actor and event spans', async (t) => {
  const { app } = await setup(t);
  const a = await json(await app.request('/api/articles/post-0520-strikes'));
  const ev = a.events.find((e: any) => e.type === 'ASSAULT');
  assert.equal(a.text.slice(ev.span[0], ev.span[1]), ev.sentence);
  const nato = a.actors.find((x: any) => x.code === 'NATO');
  assert.equal(a.text.slice(nato.spans[0][0], nato.spans[0][1]), 'NATO');
  assert.equal((await app.request('/api/articles/nope')).status, 404);
});

test('GET /api/search finds an article and gives a snippet', async (t) => {
  const { app } = await setup(t);
  const body = await json(await app.request('/api/search?q=Kharkiv'));
  assert.equal(body.total, 1);
  assert.equal(body.hits[0].doc, 'post-0520-strikes');
  assert.match(body.hits[0].snippet, /Kharkiv/);
});

test('GET /api/openapi.json is OpenAPI 3.1 with parameters from the schemas', async (t) => {
  const { app } = await setup(t);
  const doc = await json(await app.request('/api/openapi.json'));
  assert.equal(doc.openapi, '3.1.0');
  const names = doc.paths['/api/events'].get.parameters.map((p: any) => p.name);
  assert.deepEqual(names, ['source', 'target', 'type', 'actor', 'from', 'to', 'q', 'limit', 'offset']);
  const req = doc.paths['/api/relations'].get.parameters.filter((p: any) => p.required).map((p: any) => p.name);
  assert.deepEqual(req, ['a', 'b']);
});

test('unknown API routes answer 404 JSON', async (t) => {
  const { app } = await setup(t);
  const res = await app.request('/api/nothing-here');
  assert.equal(res.status, 404);
  assert.equal((await json(res)).error.code, 'NOT_FOUND');
});

test('an internal error answers 500 JSON without a stack trace', async (t) => {
  const { store } = await setup(t);
  const broken: Store = { ...store, events: async () => { throw new Error('disk on fire at /secret/path.db'); } };
  const res = await createApp(broken, { webDir: null }).request('/api/events');
  assert.equal(res.status, 500);
  const text = await res.text();
  assert.doesNotMatch(text, /secret|disk on fire|\bat\s+\S+:\d+/);
  assert.equal(JSON.parse(text).error.message, 'internal error');
});

const postBodies: Array<[string, string, string, number]> = [
  ['one JSON object', 'application/json', JSON.stringify({ id: 'p1', text: 'Peru and Chile held talks in Lima.', published: '2024-06-03' }), 1],
  ['a JSON array', 'application/json', JSON.stringify([{ id: 'p1', text: 'Peru and Chile met.' }, { id: 'p2', html: '<p>Chile hosted Peru.</p>' }]), 2],
  ['JSONL', 'application/x-ndjson', '{"id":"p1","text":"Peru met Chile."}\n\n{"id":"p2","text":"Chile met Peru."}\n', 2],
];
for (const [label, type, body, n] of postBodies) {
  test(`POST /api/articles ingests ${label}`, async (t) => {
    const { app } = await setup(t);
    const res = await app.request('/api/articles', { method: 'POST', headers: { 'content-type': type }, body });
    assert.equal(res.status, 200);
    const s = await json(res);
    assert.deepEqual([s.articles, s.new, s.failures], [n, n, 0]);
    assert.equal((await json(await app.request('/api/health'))).stats.articles, 4 + n);
  });
}

test('POST /api/articles twice: the second time every article is unchanged', async (t) => {
  const { app } = await setup(t);
  const body = JSON.stringify([{ id: 'p1', text: 'Peru met Chile.' }, { id: 'p2', text: 'Chile met Peru.' }]);
  await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const s = await json(await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body }));
  assert.deepEqual([s.new, s.unchanged], [0, 2]);
});

test('POST /api/articles reports bad records by line and stores the good ones', async (t) => {
  const { app } = await setup(t);
  const body = '{"id":"ok","text":"Peru met Chile."}\n{"id":"no-text"}\nnot json\n';
  const s = await json(await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body }));
  assert.deepEqual([s.new, s.failures], [1, 2]);
  assert.deepEqual(s.errors.map((e: any) => [e.code, e.line]), [['READ_NO_TEXT', 2], ['READ_JSON', 3]]);
});

test('POST /api/articles accepts an uploaded text file', async (t) => {
  const { app } = await setup(t);
  const form = new FormData();
  form.append('file', new File(['Peru and Chile signed a fisheries pact.\n'], 'lima-pact.txt', { type: 'text/plain' }));
  const s = await json(await app.request('/api/articles', { method: 'POST', body: form }));
  assert.equal(s.new, 1);
  assert.equal((await json(await app.request('/api/articles/lima-pact'))).doc, 'lima-pact');
});

test('POST /api/articles with the real pipeline stores the article', async (t) => {
  const store = openSqliteStore(':memory:');
  t.after(() => store.close());
  const app = createApp(store, { webDir: null });
  const body = JSON.stringify({ id: 'real-1', title: 'Talks', text: 'Officials from Peru and Chile met in Lima on Monday to discuss fishing rights.', published: '2024-06-03' });
  const s = await json(await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body }));
  assert.equal(s.new, 1);
  assert.match((await json(await app.request('/api/articles/real-1'))).text, /fishing rights/);
});

const authCases: Array<[string, Record<string, string>, number]> = [
  ['no Authorization header', {}, 401],
  ['a wrong token', { authorization: 'Bearer nope' }, 403],
  ['a non-bearer scheme', { authorization: 'Basic c2VjcmV0' }, 401],
  ['the right token', { authorization: 'Bearer s3cret-token' }, 200],
];
for (const [label, headers, status] of authCases) {
  test(`with a token set, POST with ${label} → ${status}`, async (t) => {
    const { app } = await setup(t, { token: 's3cret-token' });
    const res = await app.request('/api/articles', {
      method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ id: 'a', text: 'Peru met Chile.' }),
    });
    assert.equal(res.status, status);
    if (status !== 200) assert.equal((await json(await app.request('/api/health'))).stats.articles, 4);
  });
}

test('with a token set, GET needs no token', async (t) => {
  const { app } = await setup(t, { token: 's3cret-token' });
  assert.equal((await app.request('/api/events')).status, 200);
});

test('DELETE /api/articles/:doc removes the article and recounts its events', async (t) => {
  const { app } = await setup(t);
  const res = await app.request('/api/articles/northern-0412-meeting', { method: 'DELETE' });
  assert.deepEqual(await json(res), { deleted: 'northern-0412-meeting' });
  assert.equal((await app.request('/api/articles/northern-0412-meeting')).status, 404);
  const consult = (await json(await app.request('/api/events?type=CONSULT&from=2024-04-12&to=2024-04-12'))).events[0];
  assert.equal(consult.num_mentions, 1);
  assert.equal((await app.request('/api/articles/northern-0412-meeting', { method: 'DELETE' })).status, 404);
});

test('a DELETE without the token is refused before routing', async (t) => {
  const { app } = await setup(t, { token: 's3cret-token' });
  assert.equal((await app.request('/api/articles/harbor-0412-talks', { method: 'DELETE' })).status, 401);
  assert.ok(await json(await app.request('/api/articles/harbor-0412-talks')));
  const ok = await app.request('/api/articles/harbor-0412-talks', { method: 'DELETE', headers: { authorization: 'Bearer s3cret-token' } });
  assert.equal(ok.status, 200);
});

test('a body over the limit → 413 JSON and nothing stored', async (t) => {
  const { app } = await setup(t, { maxBodyBytes: 1000 });
  const body = JSON.stringify({ id: 'big', text: 'x'.repeat(2000) });
  const res = await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  assert.equal(res.status, 413);
  assert.equal((await json(res)).error.code, 'PAYLOAD_TOO_LARGE');
  assert.equal((await json(await app.request('/api/health'))).stats.articles, 4);
});

function webFixture(t: TestContext): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-web-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const web = path.join(dir, 'dist');
  mkdirSync(path.join(web, 'assets'), { recursive: true });
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>dash</title>');
  writeFileSync(path.join(web, 'assets', 'app.js'), 'console.log("dash")');
  writeFileSync(path.join(dir, 'secret.txt'), 'TOP-SECRET');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(web, 'leak.txt'));
  return web;
}

const staticOk: Array<[string, RegExp, RegExp]> = [
  ['/', /text\/html/, /dash/],
  ['/assets/app.js', /javascript/, /console\.log/],
  ['/events/CHN', /text\/html/, /dash/],
];
for (const [url, type, body] of staticOk) {
  test(`static ${url} is served from the web folder`, async (t) => {
    const { store } = await setup(t);
    const res = await createApp(store, { webDir: webFixture(t) }).request(url);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', type);
    assert.match(await res.text(), body);
  });
}

const traversal = ['/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/leak.txt', '/%2e%2e%5csecret.txt', '/a%00.js', '/%E0%A4%A'];
for (const url of traversal) {
  test(`static ${url} cannot escape the web folder`, async (t) => {
    const { store } = await setup(t);
    const res = await createApp(store, { webDir: webFixture(t) }).request(url);
    assert.ok(res.status === 403 || res.status === 404, `status ${res.status}`);
    assert.doesNotMatch(await res.text(), /TOP-SECRET/);
  });
}

test('without a web folder, / serves a minimal HTML index', async (t) => {
  const { app } = await setup(t);
  const res = await app.request('/');
  assert.equal(res.status, 200);
  assert.match(await res.text(), /\/api\/openapi\.json/);
});

const hostCases: Array<[string, number]> = [
  ['localhost:8080', 200], ['127.0.0.1:8080', 200], ['[::1]:8080', 200], ['evil.example:8080', 403], ['127.0.0.1.nip.io', 403],
];
for (const [host, status] of hostCases) {
  test(`a loopback-only app answers Host ${host} with ${status}`, async (t) => {
    const { app } = await setup(t, { loopbackHostsOnly: true });
    assert.equal((await app.request('/api/health', { headers: { host } })).status, status);
  });
}

const originCases: Array<[string, number]> = [
  ['http://localhost', 200], ['https://evil.example', 403], ['null', 403],
];
for (const [origin, status] of originCases) {
  test(`a POST with Origin ${origin} to host localhost → ${status}`, async (t) => {
    const { app } = await setup(t);
    const res = await app.request('http://localhost/api/articles', {
      method: 'POST', headers: { origin, host: 'localhost', 'content-type': 'text/plain' }, body: '{"id":"x","text":"Peru met Chile."}',
    });
    assert.equal(res.status, status);
  });
}
