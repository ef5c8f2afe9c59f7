import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleOf, isTransient, sleep, storeArticle, storeArticles, storeJobs } from './work.ts';
import { openStore } from '../store/index.ts';
import type { Pipeline } from '../pipeline.ts';
import type { RawArticle } from '../doc.ts';
import type { Extraction } from '../extraction.ts';

test('isTransient: deadlock, serialization failure and unique race are retried, directly or as a cause', () => {
  const pgErr = (code: string) => Object.assign(new Error('pg'), { code });
  const cases: Array<[unknown, boolean]> = [
    [pgErr('40P01'), true],
    [pgErr('40001'), true],
    [pgErr('23505'), true],
    [new Error('wrapped', { cause: pgErr('40P01') }), true],
    [pgErr('23503'), false], // foreign key violation: a real failure
    [new Error('plain'), false],
    ['a string', false],
    [null, false],
  ];
  for (const [err, want] of cases) assert.equal(isTransient(err), want, String((err as Error)?.message ?? err));
});

test('articleOf: accepts a RawArticle, refuses job data that is not one', () => {
  const good = { id: 'a', origin: { file: 'f.jsonl', line: 2 }, format: 'text', raw: 'Text.', meta: { title: 'T' } };
  assert.deepEqual(articleOf(good), good);
  assert.deepEqual(articleOf({ ...good, meta: undefined }).meta, {});
  const bad: unknown[] = [null, 'text', {}, { ...good, id: '' }, { ...good, raw: 3 }, { ...good, format: 'pdf' }, { ...good, origin: null }];
  for (const b of bad) assert.throws(() => articleOf(b), /not an article/, JSON.stringify(b));
});

test('sleep: resolves early when its signal aborts', async () => {
  const ac = new AbortController();
  const t0 = Date.now();
  const p = sleep(60_000, ac.signal);
  ac.abort();
  await p;
  assert.ok(Date.now() - t0 < 30_000);
});

test('storeArticle: a second delivery of the same article is unchanged and skips extraction', async () => {
  const store = await openStore(':memory:');
  let extracted = 0;
  const article: RawArticle = { id: 'doc-1', origin: { file: 'feed.jsonl', line: 1 }, format: 'text', raw: 'Officials met.', meta: {} };
  const extraction = { doc: 'doc-1', title: null, url: null, source: null, published: null, language: 'en', text: 'Officials met.', actors: [], events: [], errors: [] } as unknown as Extraction;
  const pipeline = { extract: () => (extracted++, extraction) } as unknown as Pipeline;
  try {
    assert.equal((await storeArticle(store, pipeline, article)).status, 'new');
    assert.equal((await storeArticle(store, pipeline, article)).status, 'unchanged');
    assert.equal(extracted, 1);
    assert.equal((await store.stats()).articles, 1);
  } finally {
    await store.close();
  }
});

test('storeArticles: one transaction for a batch, outcomes in order, unchanged articles not extracted again', async () => {
  const store = await openStore(':memory:');
  const extracted: string[] = [];
  const art = (id: string, raw: string): RawArticle => ({ id, origin: { file: 'feed.jsonl', line: 1 }, format: 'text', raw, meta: {} });
  const extraction = (a: RawArticle) => ({ doc: a.id, title: null, url: null, source: null, published: null, language: 'en', text: a.raw, actors: [], events: [], errors: [] }) as unknown as Extraction;
  const pipeline = { extract: (a: RawArticle) => (extracted.push(a.id), extraction(a)) } as unknown as Pipeline;
  try {
    assert.deepEqual((await storeArticles(store, pipeline, [art('a', 'One.'), art('b', 'Two.')])).map((o) => o.status), ['new', 'new']);
    const again = await storeArticles(store, pipeline, [art('a', 'One.'), art('c', 'Three.'), art('b', 'Two, revised.')]);
    assert.deepEqual(again.map((o) => [o.doc, o.status]), [['a', 'unchanged'], ['c', 'new'], ['b', 'replaced']]);
    assert.deepEqual(extracted, ['a', 'b', 'c', 'b']);
    assert.equal((await store.stats()).articles, 3);
  } finally {
    await store.close();
  }
});

test('storeJobs: a batch the store refuses is stored one by one, and only the bad article fails', async () => {
  const inner = await openStore(':memory:');
  // a store that refuses any write holding the doc 'bad'
  const picky = Object.create(inner, {
    ingest: { value: (items: Parameters<typeof inner.ingest>[0]) => (items.some((i) => i.extraction.doc === 'bad') ? Promise.reject(new Error('value too long')) : inner.ingest(items)) },
  }) as typeof inner;
  const art = (id: string): RawArticle => ({ id, origin: { file: 'feed.jsonl', line: 1 }, format: 'text', raw: `Text of ${id}.`, meta: {} });
  const pipeline = { extract: (a: RawArticle) => ({ doc: a.id, title: null, url: null, source: null, published: null, language: 'en', text: a.raw, actors: [], events: [], errors: [] }) } as unknown as Pipeline;
  try {
    const { done, failed } = await storeJobs(picky, pipeline, ['a', 'bad', 'c'].map((id, job) => ({ job, article: art(id) })));
    assert.deepEqual(done.map((d) => [d.job, d.doc, d.o.status]), [[0, 'a', 'new'], [2, 'c', 'new']]);
    assert.deepEqual(failed.map((f) => [f.job, f.doc, (f.err as Error).message]), [[1, 'bad', 'value too long']]);
    assert.equal((await inner.stats()).articles, 2);
  } finally {
    await inner.close();
  }
});
