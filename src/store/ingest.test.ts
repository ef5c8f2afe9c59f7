import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { RawArticle } from '../doc.ts';
import type { Pipeline } from '../pipeline.ts';
import type { ReadItem } from '../read/index.ts';
import { ParleyError } from '../errors.ts';
import { openSqliteStore } from './sqlite/index.ts';
import { makeExtraction, party } from './test-fixtures.ts';
import { ingestArticles } from './ingest.ts';
import type { Store } from './types.ts';

function raw(id: string, text: string): ReadItem {
  return { ok: true, article: { id, origin: { file: `${id}.txt` }, format: 'text', raw: text, meta: { published: '2024-06-01' } } };
}

/** Counts extractions; an article whose text contains BOOM makes the extractor throw. */
function countingPipeline(counter: { n: number }): Pipeline {
  const extract = (a: RawArticle) => {
    counter.n++;
    if (a.raw.includes('BOOM')) throw new Error('extractor exploded');
    return makeExtraction({
      doc: a.id, title: null, source: null, published: '2024-06-01', paragraphs: [a.raw],
      events: [{ type: 'CONSULT', source: party('PER', 'Peru'), target: party('CHL', 'Chile'), sentences: [a.raw] }],
    });
  };
  return { stages: [], options: {}, process: () => { throw new Error('unused'); }, extract } as unknown as Pipeline;
}

function fresh(t: TestContext): Store {
  const s = openSqliteStore(':memory:');
  t.after(() => s.close());
  return s;
}

test('unchanged articles are not extracted again', async (t) => {
  const s = fresh(t);
  const counter = { n: 0 };
  const items = [raw('a', 'Peru met Chile.'), raw('b', 'Chile met Peru.')];
  await ingestArticles(s, countingPipeline(counter), items);
  const second = await ingestArticles(s, () => countingPipeline(counter), items);
  assert.equal(counter.n, 2);
  assert.deepEqual([second.unchanged, second.new], [2, 0]);
});

test('a run where nothing changed never makes the pipeline', async (t) => {
  const s = fresh(t);
  await ingestArticles(s, countingPipeline({ n: 0 }), [raw('a', 'Peru met Chile.')]);
  const r = await ingestArticles(s, () => { throw new Error('must not load'); }, [raw('a', 'Peru met Chile.')]);
  assert.equal(r.unchanged, 1);
});

test('a pipeline that cannot load stops the run with its error', async (t) => {
  const s = fresh(t);
  const boom = () => { throw new ParleyError('DATA_INVALID', 'data', 'patterns file is invalid', { file: 'data/x.json', line: 3 }); };
  await assert.rejects(ingestArticles(s, boom, [raw('a', 'Peru met Chile.')]), /patterns file is invalid/);
});

test('an article the extractor fails on is a failure; the rest of its batch is stored', async (t) => {
  const s = fresh(t);
  const r = await ingestArticles(s, countingPipeline({ n: 0 }), [raw('a', 'Peru met Chile.'), raw('b', 'BOOM'), raw('c', 'Chile met Peru.')]);
  assert.deepEqual([r.new, r.failures], [2, 1]);
  assert.equal(r.errors[0]!.file, 'b.txt');
});

test('an article the store rejects fails alone; the others of the batch are stored', async (t) => {
  const s = fresh(t);
  const picky: Store = {
    ...s,
    ingest: async (items) => {
      if (items.some((i) => i.extraction.doc === 'bad')) throw new ParleyError('STORE_FAILED', 'store', 'rejected');
      return s.ingest(items);
    },
  };
  const r = await ingestArticles(picky, countingPipeline({ n: 0 }), [raw('a', 'Peru met Chile.'), raw('bad', 'Chile met Peru.'), raw('c', 'Peru hosted Chile.')]);
  assert.deepEqual([r.new, r.failures], [2, 1]);
  assert.equal(r.errors[0]!.code, 'STORE_FAILED');
  assert.equal((await s.stats()).articles, 2);
});

test('read errors count as failures with their file and line', async (t) => {
  const s = fresh(t);
  const bad: ReadItem = { ok: false, error: { code: 'READ_JSON', stage: 'read', message: 'line is not valid JSON', file: 'feed.jsonl', line: 7 } };
  const r = await ingestArticles(s, countingPipeline({ n: 0 }), [bad, raw('a', 'Peru met Chile.')]);
  assert.deepEqual([r.new, r.failures, r.errors[0]!.line], [1, 1, 7]);
});

test('batches report progress once per stored batch', async (t) => {
  const s = fresh(t);
  const seen: number[] = [];
  const items = Array.from({ length: 5 }, (_, i) => raw(`d${i}`, `Peru met Chile, round ${i}.`));
  await ingestArticles(s, countingPipeline({ n: 0 }), items, { batchSize: 2, onProgress: (x) => seen.push(x.articles) });
  assert.deepEqual(seen, [2, 4, 5]);
});

test('the same doc twice in one batch: the later version wins', async (t) => {
  const s = fresh(t);
  const r = await ingestArticles(s, countingPipeline({ n: 0 }), [raw('a', 'Peru met Chile.'), raw('a', 'Chile hosted Peru.')]);
  assert.deepEqual([r.new, r.replaced], [1, 1]);
  assert.match((await s.article('a'))!.text, /Chile hosted Peru/);
});

test('the next batch is extracted while the one before it is written', async (t) => {
  const s = fresh(t);
  const log: string[] = [];
  const pipeline = countingPipeline({ n: 0 });
  const logged: Store = Object.create(s, {
    ingest: { value: (inputs: Parameters<Store['ingest']>[0]) => (log.push(`write ${inputs.map((i) => i.extraction.doc).join()}`), s.ingest(inputs)) },
  });
  const extractBatch = async (articles: RawArticle[]) => {
    log.push(`extract ${articles.map((a) => a.id).join()}`);
    return articles.map((a) => ({ ok: true as const, extraction: pipeline.extract(a) }));
  };
  const items = ['a', 'b', 'c'].map((id) => raw(id, `Peru met Chile in ${id}.`));
  const r = await ingestArticles(logged, () => { throw new Error('extractBatch is used'); }, items, { batchSize: 1, extractBatch });
  assert.equal(r.new, 3);
  assert.deepEqual(log, ['extract a', 'extract b', 'write a', 'extract c', 'write b', 'write c']);
});

test('the same unchanged doc in two consecutive batches is stored once', async (t) => {
  const s = fresh(t);
  const r = await ingestArticles(s, countingPipeline({ n: 0 }), [raw('a', 'Peru met Chile.'), raw('a', 'Peru met Chile.')], { batchSize: 1 });
  assert.deepEqual([r.new, r.unchanged, r.failures], [1, 1, 0]);
  assert.equal((await s.stats()).articles, 1);
});
