import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { openSqliteStore } from '../store/sqlite/index.ts';
import { makeExtraction, party, sampleArticles } from '../store/test-fixtures.ts';
import type { Store } from '../store/types.ts';
import { busiestDyads, network, recentEvents, relations } from './index.ts';

async function sample(t: TestContext): Promise<Store> {
  const s = openSqliteStore(':memory:');
  t.after(() => s.close());
  const undated = makeExtraction({
    doc: 'undated-note', title: 'Undated note', source: 'Memo', published: null,
    paragraphs: ['Beijing rejected the US proposal.'],
    events: [{ type: 'REJECT', source: party('CHN', 'Beijing'), target: party('USA', 'United States'), date: null, sentences: ['Beijing rejected the US proposal.'] }],
  });
  await s.ingest([...sampleArticles(), undated].map((extraction) => ({ extraction })));
  return s;
}

test('relations by month: counts by type, mean intensity, balance and direction', async (t) => {
  const r = await relations(await sample(t), 'chn', 'USA', { by: 'month' });
  assert.equal(r.series.length, 1);
  const p = r.series[0]!;
  assert.equal(p.period, '2024-04');
  assert.deepEqual(p.counts, { CONSULT: 2, REQUEST: 1, SANCTION: 1, ACCUSE: 1 });
  assert.equal(p.events, 5);
  assert.equal(p.intensity, -1);
  assert.equal(p.balance, 0.2);
  assert.deepEqual([p.ab, p.ba], [3, 2]);
  assert.equal(p.quads.material_conflict, 1);
});

test('relations by day keeps a month-precision event under its month key', async (t) => {
  const r = await relations(await sample(t), 'CHN', 'USA', { by: 'day' });
  assert.deepEqual(r.series.map((p) => [p.period, p.events]), [['2024-04', 1], ['2024-04-12', 2], ['2024-04-15', 1], ['2024-04-16', 1]]);
});

test('relations counts undated events apart from the series', async (t) => {
  const r = await relations(await sample(t), 'USA', 'CHN');
  assert.equal(r.undated, 1);
  assert.equal(r.total.events, 6);
  assert.equal(r.series.reduce((n, p) => n + p.events, 0), 5);
});

test('relations is directional from the first actor', async (t) => {
  const r = await relations(await sample(t), 'USA', 'CHN', { by: 'year' });
  assert.deepEqual([r.series[0]!.ab, r.series[0]!.ba], [2, 3]);
});

test('relations with a date range keeps only overlapping events', async (t) => {
  const r = await relations(await sample(t), 'CHN', 'USA', { by: 'day', from: '2024-04-13', to: '2024-04-30' });
  assert.deepEqual(r.series.map((p) => p.period), ['2024-04', '2024-04-15', '2024-04-16']);
});

test('relations between actors with no events is empty', async (t) => {
  const r = await relations(await sample(t), 'CHN', 'UKR');
  assert.deepEqual([r.series.length, r.total.events, r.total.balance], [0, 0, 0]);
});

test('network nodes carry labels and event counts; edges are directed', async (t) => {
  const n = await network(await sample(t));
  const chn = n.nodes.find((x) => x.id === 'CHN');
  assert.deepEqual(chn, { id: 'CHN', label: 'China', events: 6 });
  assert.equal(n.edges.length, 5);
  const e = n.edges.find((x) => x.source === 'USA' && x.target === 'CHN');
  assert.deepEqual([e?.events, e?.intensity], [2, -2.5]);
});

test('network over a date range leaves other events out', async (t) => {
  const n = await network(await sample(t), { from: '2024-05-01', to: '2024-05-31' });
  assert.deepEqual(n.nodes.map((x) => x.id).sort(), ['DEU', 'NATO', 'RUS', 'UKR']);
  assert.equal(n.edges.length, 3);
});

test('busiest dyads come first with labels', async (t) => {
  const d = await busiestDyads(await sample(t), { limit: 1 });
  assert.deepEqual(d.map((x) => [x.source_label, x.target_label, x.events]), [['China', 'United States', 4]]);
});

test('recent events are the newest by event day', async (t) => {
  const r = await recentEvents(await sample(t), { limit: 2 });
  assert.deepEqual(r.map((e) => e.date), ['2024-05-20', '2024-05-20']);
});
