import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractStream } from './pool.ts';
import type { ReadItem } from '../read/index.ts';

function* articles(n: number): Generator<ReadItem> {
  for (let i = 0; i < n; i++) {
    if (i % 7 === 3) {
      yield { ok: false, error: { code: 'READ_JSON', stage: 'read', message: 'line is not valid JSON', file: 'feed.jsonl', line: i + 1 } };
      continue;
    }
    const raw = `Officials from Chile and Peru met in Lima on Monday for round ${i} of talks.\n\nThey agreed to meet again.`;
    yield { ok: true, article: { id: `a${i}`, origin: { file: 'feed.jsonl', line: i + 1 }, format: 'text', raw, meta: { published: '2025-05-06' } } };
  }
}

async function collect(workers: number, n: number) {
  const out: string[] = [];
  async function* source() {
    yield* articles(n);
  }
  for await (const r of extractStream(source(), { workers })) out.push(r.ok ? `ok:${r.extraction.doc}:${r.extraction.text.length}` : `err:${r.error.code}:${r.error.line}`);
  return out;
}

test('two workers yield the same results, in input order, as one thread', async () => {
  const one = await collect(1, 30);
  const two = await collect(2, 30);
  assert.equal(one.length, 30);
  assert.deepEqual(two, one);
});

test('read errors pass through the pool at their place in the stream', async () => {
  const two = await collect(2, 10);
  assert.equal(two[3], 'err:READ_JSON:4');
  assert.match(two[4]!, /^ok:a4:/);
});

test('an empty input stream ends cleanly and releases its workers', async () => {
  assert.deepEqual(await collect(2, 0), []);
});

test('a worker thread that dies fails only the article it held; the rest of the run completes', async () => {
  process.env.PARLEY_TEST_WORKER_CRASH_ON = 'a5';
  try {
    const two = await collect(2, 12);
    assert.equal(two.length, 12);
    assert.match(two[5]!, /^err:STAGE_FAILED:6$/);
    assert.match(two[6]!, /^ok:a6:/);
    assert.match(two[11]!, /^ok:a11:/);
  } finally {
    delete process.env.PARLEY_TEST_WORKER_CRASH_ON;
  }
});

test('a result is yielded while the input is still waiting for its next article (a live feed)', async () => {
  let firstSeen!: () => void;
  const seen = new Promise<void>((resolve) => (firstSeen = resolve));
  const items = articles(3);
  async function* feed() {
    yield items.next().value!;
    // the next article arrives only after the first one's result is out: a pool that waited for
    // more input before yielding would never get here
    const stalled = await Promise.race([seen.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 30_000).unref())]);
    if (stalled) throw new Error('first result was held back until more input arrived');
    yield items.next().value!;
  }
  const out: string[] = [];
  for await (const r of extractStream(feed(), { workers: 2 })) {
    out.push(r.ok ? r.extraction.doc : 'err');
    if (out.length === 1) firstSeen();
  }
  assert.deepEqual(out, ['a0', 'a1']);
});

test('ExtractionPool extracts a batch in parallel and keeps each result with its article', async () => {
  const { ExtractionPool } = await import('./pool.ts');
  const pool = await ExtractionPool.open({ workers: 2 });
  try {
    const batch = [...articles(9)].flatMap((x) => (x.ok ? [x.article] : []));
    const results = await Promise.all(batch.map((a) => pool.extract(a)));
    assert.deepEqual(results.map((r) => (r.ok ? r.extraction.doc : 'err')), batch.map((a) => a.id));
  } finally {
    await pool.close();
  }
  await assert.rejects(pool.extract({ id: 'late', origin: { file: 'x' }, format: 'text', raw: 'x', meta: {} }), /closed/);
});

// PARLEY_TEST_WORKER_CRASH_ON ends a worker thread that receives the named article, so an article
// that comes back whole was extracted on the calling thread.
const POOL_FROM: Array<[string, number, boolean]> = [
  ['an input no longer than poolFrom is extracted on the calling thread', 5, false],
  ['a longer input goes to the worker threads', 2, true],
];
for (const [what, poolFrom, pooled] of POOL_FROM) {
  test(what, async () => {
    process.env.PARLEY_TEST_WORKER_CRASH_ON = 'a1';
    try {
      const out: string[] = [];
      for await (const r of extractStream((async function* () { yield* articles(3); })(), { workers: 2, poolFrom })) {
        out.push(r.ok ? r.extraction.doc : r.error.code);
      }
      assert.deepEqual(out, ['a0', pooled ? 'STAGE_FAILED' : 'a1', 'a2']);
    } finally {
      delete process.env.PARLEY_TEST_WORKER_CRASH_ON;
    }
  });
}
