/**
 * The one test suite every Store implementation runs (sqlite.test.ts, postgres.test.ts).
 * `factory` opens a fresh, empty store per test.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { Extraction, PloverType } from '../extraction.ts';
import type { FactUnit, Store, StoredEvent } from './types.ts';
import { makeExtraction, party, sampleArticles } from './test-fixtures.ts';

export interface StoreHandle {
  store: Store;
  cleanup(): Promise<void>;
}

export type StoreFactory = () => Promise<StoreHandle>;

const INJECTION = "'; DROP TABLE events; --";

async function withStore(t: TestContext, factory: StoreFactory, fn: (s: Store) => Promise<void>): Promise<void> {
  const h = await factory();
  t.after(() => h.cleanup());
  await fn(h.store);
}

const items = (xs: Extraction[]) => xs.map((extraction) => ({ extraction }));

/** Content of the store without surrogate ids: what "equal to a clean run" compares. */
async function snapshot(s: Store): Promise<unknown> {
  const { events } = await s.events({ limit: 10_000 });
  const strip = (e: StoredEvent) => ({ ...e, id: 0 });
  const withMentions = await Promise.all(events.map(async (e) => ({
    ...strip(e), mentions: (await s.mentions(e.id)).map((m) => ({ ...m, id: 0, event_id: 0 })),
  })));
  const key = (e: { type: string; source: { code: string }; target: { code: string }; date: string | null }) =>
    `${e.type}|${e.source.code}|${e.target.code}|${e.date}`;
  withMentions.sort((a, b) => key(a).localeCompare(key(b)));
  return { stats: await s.stats(), events: withMentions, actors: await s.actors() };
}

function findEvent(events: StoredEvent[], type: string, source: string, target: string, date: string | null): StoredEvent | undefined {
  return events.find((e) => e.type === type && e.source.code === source && e.target.code === target && e.date === date);
}

export function storeSuite(name: string, factory: StoreFactory): void {
  const it = (title: string, fn: (s: Store) => Promise<void>) =>
    test(`${name}: ${title}`, (t) => withStore(t, factory, fn));

  it('ingest reports every article as new and stores it', async (s) => {
    const out = await s.ingest(items(sampleArticles()));
    assert.deepEqual(out.map((o) => o.status), ['new', 'new', 'new', 'new']);
    const st = await s.stats();
    assert.equal(st.articles, 4);
    // 2 + 1 stored (one negated skipped) + 3 + 3 event records; the two CONSULT CHN→USA 2024-04-12 merge
    assert.equal(st.events, 8);
    assert.equal(st.mentions, 10);
  });

  it('ingesting the same articles again changes nothing', async (s) => {
    await s.ingest(items(sampleArticles()));
    const before = await snapshot(s);
    const out = await s.ingest(items(sampleArticles()));
    assert.deepEqual(out.map((o) => o.status), ['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    assert.deepEqual(await snapshot(s), before);
  });

  it('a changed article replaces its extraction and recounts merged events', async (s) => {
    await s.ingest(items(sampleArticles()));
    const changed = makeExtraction({
      doc: 'northern-0412-meeting', title: 'Top diplomats meet (updated)', source: 'Northern Daily', published: '2024-04-12',
      paragraphs: ['China and the United States agreed on Friday to reopen a channel between their militaries.'],
      events: [{ type: 'AGREE', source: party('CHN', 'China'), target: party('USA', 'United States'), sentences: ['China and the United States agreed on Friday to reopen a channel between their militaries.'] }],
    });
    const out = await s.ingest(items([changed]));
    assert.equal(out[0]!.status, 'replaced');
    const { events } = await s.events({ limit: 100 });
    const consult = findEvent(events, 'CONSULT', 'CHN', 'USA', '2024-04-12');
    assert.equal(consult?.num_mentions, 1);
    assert.equal(consult?.num_articles, 1);
    assert.ok(findEvent(events, 'AGREE', 'CHN', 'USA', '2024-04-12'));
    const art = await s.article('northern-0412-meeting');
    assert.equal(art?.title, 'Top diplomats meet (updated)');
    assert.equal(art?.events.length, 1);
    assert.equal(art?.actors.length, 0);
  });

  it('replacing then restoring an article gives the same store as a clean run', async (s) => {
    const base = sampleArticles();
    await s.ingest(items(base));
    const clean = await snapshot(s);
    const other = makeExtraction({
      doc: 'post-0520-strikes', title: 'Correction', source: 'Evening Post', published: '2024-05-21',
      paragraphs: ['Turkey hosted a meeting between Kenya and Peru.'],
      events: [{ type: 'CONSULT', source: party('KEN', 'Kenya'), target: party('PER', 'Peru'), sentences: ['Turkey hosted a meeting between Kenya and Peru.'] }],
    });
    await s.ingest(items([other]));
    await s.ingest(items([base[3]!]));
    assert.deepEqual(await snapshot(s), clean);
  });

  it('events with the same type, actors and day merge across articles with GDELT counts', async (s) => {
    await s.ingest(items(sampleArticles()));
    const { events } = await s.events({ type: 'CONSULT', source: 'CHN', target: 'USA' });
    const day = findEvent(events, 'CONSULT', 'CHN', 'USA', '2024-04-12');
    assert.deepEqual([day?.num_mentions, day?.num_articles, day?.num_sources], [3, 2, 2]);
  });

  it('a third article from an already counted source adds an article but no source', async (s) => {
    await s.ingest(items(sampleArticles()));
    const third = makeExtraction({
      doc: 'harbor-0413-followup', title: 'Follow-up', source: 'Harbor Wire', published: '2024-04-13',
      paragraphs: ['Wang Yi met Antony Blinken on Friday, the foreign ministry confirmed.'],
      events: [{ type: 'CONSULT', source: party('CHN', 'Wang Yi'), target: party('USA', 'Antony Blinken'), date: '2024-04-12', sentences: ['Wang Yi met Antony Blinken on Friday, the foreign ministry confirmed.'] }],
    });
    await s.ingest(items([third]));
    const { events } = await s.events({ type: 'CONSULT' });
    const day = findEvent(events, 'CONSULT', 'CHN', 'USA', '2024-04-12');
    assert.deepEqual([day?.num_mentions, day?.num_articles, day?.num_sources], [4, 3, 2]);
  });

  it('month-precision dates keep their precision as their own day key', async (s) => {
    await s.ingest(items(sampleArticles()));
    const { events } = await s.events({ type: 'CONSULT' });
    assert.deepEqual(events.map((e) => e.date).sort(), ['2024-04', '2024-04-12']);
  });

  it('an event with no date in an undated article is stored with a null date', async (s) => {
    const x = makeExtraction({
      doc: 'undated', title: 'Undated', source: null, published: null,
      paragraphs: ['Chile protested to Argentina over the border markers.'],
      events: [{ type: 'PROTEST', source: party('CHL', 'Chile'), target: party('ARG', 'Argentina'), date: null, sentences: ['Chile protested to Argentina over the border markers.'] }],
    });
    await s.ingest(items([x]));
    const { events } = await s.events();
    assert.equal(events[0]?.date, null);
    assert.equal(events[0]?.num_sources, 1);
  });

  it('negated events are not stored', async (s) => {
    await s.ingest(items(sampleArticles()));
    const { total } = await s.events({ type: 'RETREAT' });
    assert.equal(total, 0);
  });

  it('each event carries its first evidence sentence and article', async (s) => {
    await s.ingest(items(sampleArticles()));
    const { events } = await s.events({ type: 'SANCTION' });
    assert.equal(events.length, 1);
    const e = events[0]!;
    assert.equal(e.evidence.sentence, 'The United States on Monday imposed new tariffs on Chinese steel and aluminium.');
    assert.equal(e.evidence.article.doc, 'harbor-0416-tariffs');
    assert.equal(e.evidence.article.url, 'https://news.example.org/harbor-0416-tariffs');
    assert.equal(e.quad_class, 4);
    assert.equal(e.date, '2024-04-15');
  });

  it('mentions lists every mention of a merged event with its article', async (s) => {
    await s.ingest(items(sampleArticles()));
    const { events } = await s.events({ type: 'CONSULT', from: '2024-04-12', to: '2024-04-12' });
    const day = findEvent(events, 'CONSULT', 'CHN', 'USA', '2024-04-12')!;
    const ms = await s.mentions(day.id);
    assert.deepEqual(ms.map((m) => m.article.doc), ['harbor-0412-talks', 'northern-0412-meeting', 'northern-0412-meeting']);
    const art = await s.article('northern-0412-meeting');
    assert.equal(art!.text.slice(ms[2]!.span[0], ms[2]!.span[1]), ms[2]!.sentence);
  });

  const filterCases: Array<[string, Parameters<Store['events']>[0], number]> = [
    ['source', { source: 'USA' }, 2],
    ['target code, lower case', { target: 'ukr' }, 2],
    ['actor on either side', { actor: 'RUS' }, 2],
    ['type', { type: 'ASSAULT' }, 1],
    ['from (month events overlap)', { from: '2024-05-01' }, 3],
    ['to (month events overlap)', { to: '2024-04-12' }, 3],
    ['from and to as months', { from: '2024-04', to: '2024-04' }, 5],
    ['full-text q', { q: 'tariffs' }, 3],
    ['q and type together', { q: 'Kharkiv', type: 'AID' }, 1],
  ];
  for (const [label, f, n] of filterCases) {
    it(`events filter: ${label}`, async (s) => {
      await s.ingest(items(sampleArticles()));
      assert.equal((await s.events(f)).total, n);
    });
  }

  it('events pages with limit and offset and reports the total', async (s) => {
    await s.ingest(items(sampleArticles()));
    const all = await s.events({ limit: 100 });
    const page = await s.events({ limit: 3, offset: 3 });
    assert.equal(page.total, all.total);
    assert.deepEqual(page.events.map((e) => e.id), all.events.slice(3, 6).map((e) => e.id));
  });

  it('events come newest first', async (s) => {
    await s.ingest(items(sampleArticles()));
    const { events } = await s.events({ limit: 100 });
    assert.deepEqual(events.slice(0, 3).map((e) => e.date), ['2024-05-20', '2024-05-20', '2024-05']);
    assert.equal(events.at(-1)?.date, '2024-04');
  });

  for (const field of ['q', 'actor', 'source', 'type'] as const) {
    it(`an injection string as ${field} returns normally and drops nothing`, async (s) => {
      await s.ingest(items(sampleArticles()));
      const r = await s.events({ [field]: INJECTION } as Record<string, string>);
      assert.equal(r.total, 0);
      assert.equal((await s.stats()).events, 8);
    });
  }

  it('search finds articles by title and text words', async (s) => {
    await s.ingest(items(sampleArticles()));
    const r = await s.search('aluminium tariffs');
    assert.deepEqual(r.hits.map((h) => h.doc), ['harbor-0416-tariffs']);
    assert.equal(r.total, 1);
    assert.match(r.hits[0]!.snippet, /aluminium/);
    assert.equal(r.hits[0]!.events, 3);
  });

  it('search with an injection string or only punctuation returns no hits', async (s) => {
    await s.ingest(items(sampleArticles()));
    assert.equal((await s.search(INJECTION)).total, 0);
    assert.equal((await s.search('"*:()')).total, 0);
    assert.equal((await s.stats()).events, 8);
  });

  it('search sees a replaced article’s new text only', async (s) => {
    await s.ingest(items(sampleArticles()));
    await s.ingest(items([makeExtraction({ doc: 'post-0520-strikes', title: 'Floods', source: 'Evening Post', published: '2024-05-20', paragraphs: ['Heavy rain flooded the valley.'], events: [] })]));
    assert.equal((await s.search('Kharkiv')).total, 0);
    assert.equal((await s.search('flooded')).total, 1);
  });

  it('actors lists codes with state labels and event counts', async (s) => {
    await s.ingest(items(sampleArticles()));
    const actors = await s.actors();
    const chn = actors.find((a) => a.code === 'CHN');
    assert.equal(chn?.label, 'China');
    assert.equal(chn?.kind, 'state');
    assert.equal(chn?.events, 5);
    assert.equal(actors.find((a) => a.code === 'NATO')?.label, 'NATO');
  });

  it('actor detail gives names, partners and types', async (s) => {
    await s.ingest(items(sampleArticles()));
    const a = await s.actor('usa');
    assert.equal(a?.code, 'USA');
    assert.ok(a!.names.some((n) => n.name === 'Antony Blinken' && n.count === 2));
    assert.deepEqual(a!.partners.map((p) => p.code), ['CHN']);
    assert.equal(a!.types.CONSULT, 2);
    assert.equal(await s.actor('NOPE'), null);
  });

  it('article gives clean text, actor spans and event spans', async (s) => {
    await s.ingest(items(sampleArticles()));
    const a = await s.article('harbor-0412-talks');
    assert.ok(a);
    const wang = a.actors.find((x) => x.name === 'Wang Yi')!;
    assert.equal(a.text.slice(wang.spans[0]![0], wang.spans[0]![1]), 'Wang Yi');
    assert.deepEqual(a.events.map((e) => e.type), ['CONSULT', 'REQUEST']);
    assert.equal(await s.article('missing'), null);
  });

  it('removing an article leaves the store as if it had never been ingested', async (s) => {
    const xs = sampleArticles();
    await s.ingest(items(xs));
    assert.equal(await s.remove('northern-0412-meeting'), true);
    assert.equal(await s.remove('northern-0412-meeting'), false);
    const h = await factory();
    try {
      await h.store.ingest(items(xs.filter((x) => x.doc !== 'northern-0412-meeting')));
      assert.deepEqual(await snapshot(s), await snapshot(h.store));
    } finally {
      await h.cleanup();
    }
    assert.equal((await s.search('Diaoyutai')).total, 0);
  });

  it('removing the only article of events drops them and their orphaned actors', async (s) => {
    await s.ingest(items(sampleArticles()));
    await s.remove('post-0520-strikes');
    const codes = (await s.actors()).map((a) => a.code);
    assert.ok(!codes.includes('UKR') && !codes.includes('DEU'));
    assert.equal((await s.events({ actor: 'UKR' })).total, 0);
  });

  it('hashes returns the stored hash of known docs only', async (s) => {
    await s.ingest([{ extraction: sampleArticles()[0]!, hash: 'h-1' }]);
    const h = await s.hashes(['harbor-0412-talks', 'nope']);
    assert.deepEqual([...h.entries()], [['harbor-0412-talks', 'h-1']]);
  });

  it('facts for a pair include both directions', async (s) => {
    await s.ingest(items(sampleArticles()));
    const f = await s.facts({ pair: ['USA', 'CHN'] });
    assert.equal(f.length, 5);
    assert.ok(f.some((x) => x.source === 'USA') && f.some((x) => x.source === 'CHN'));
  });

  it('factGroups count the same events as facts, per direction, key, type and quad', async (s) => {
    const FRA = party('FRA', 'France');
    const RUS = party('RUS', 'Russia');
    const when: Array<[string | null, PloverType]> = [
      ['2024-01-10', 'CONSULT'], ['2024-01-25', 'CONSULT'], ['2024-01-25', 'ACCUSE'], ['2024-02', 'AGREE'], ['2024', 'REJECT'],
      ['2023-12-31', 'CONSULT'], [null, 'PROTEST'], ['2024-02-14', 'THREATEN'],
    ];
    const sentences = when.map(([d, t], i) => `Paris and Moscow traded note ${i} (${t}, ${d ?? 'undated'}).`);
    await s.ingest(items([...sampleArticles(), makeExtraction({
      doc: 'desk-groups', title: 'Notes', source: 'Desk', published: null, paragraphs: sentences,
      events: when.map(([date, type], i) => ({ type, source: i % 2 ? FRA : RUS, target: i % 2 ? RUS : FRA, date, sentences: [sentences[i]!] })),
    })]));
    const cut = (day: string | null, unit: FactUnit): string | null =>
      !day ? null : unit === 'year' ? day.slice(0, 4) : unit === 'month' ? day.slice(0, 7) : day;
    for (const r of [{}, { from: '2024-01-15', to: '2024-02-20' }]) {
      for (const unit of ['day', 'month', 'year'] as const) {
        const want = new Map<string, { n: number; sum: number }>();
        for (const f of await s.facts({ pair: ['FRA', 'RUS'], ...r })) {
          const k = JSON.stringify([f.source, f.target, cut(f.date, unit), f.type, f.quad]);
          const a = want.get(k) ?? { n: 0, sum: 0 };
          a.n++;
          a.sum += f.intensity;
          want.set(k, a);
        }
        const got = await s.factGroups({ pair: ['RUS', 'FRA'], ...r }, unit);
        const label = `${JSON.stringify(r)} by ${unit}`;
        assert.deepEqual(got.map((g) => JSON.stringify([g.source, g.target, g.key, g.type, g.quad])).sort(), [...want.keys()].sort(), label);
        for (const g of got) {
          const w = want.get(JSON.stringify([g.source, g.target, g.key, g.type, g.quad]))!;
          assert.equal(g.events, w.n, label);
          assert.ok(Math.abs(g.intensity_sum - w.sum) < 1e-9, label);
        }
      }
    }
    const january = (await s.factGroups({ pair: ['FRA', 'RUS'] }, 'month')).filter((g) => g.key === '2024-01');
    assert.equal(january.reduce((n, g) => n + g.events, 0), 3);
  });

  it('dyads aggregate events per direction, busiest first', async (s) => {
    await s.ingest(items(sampleArticles()));
    const d = await s.dyads({ limit: 2 });
    assert.deepEqual(d.map((x) => [x.source, x.target, x.events]), [['CHN', 'USA', 3], ['USA', 'CHN', 2]]);
  });

  it('dyads over a date range count the same events as facts over it (whole and partly covered months)', async (s) => {
    const RUS = party('RUS', 'Russia');
    const FRA = party('FRA', 'France');
    const when: Array<[string | null, PloverType]> = [
      ['2024-01-10', 'CONSULT'], ['2024-01-25', 'ACCUSE'], ['2024-02-14', 'CONSULT'], ['2024-02', 'AGREE'],
      ['2024-03-03', 'THREATEN'], ['2024-03-31', 'CONSULT'], ['2024', 'REJECT'], ['2023-12-31', 'CONSULT'], [null, 'PROTEST'],
    ];
    const sentences = when.map(([d, t], i) => `Paris and Moscow exchanged note ${i} (${t}, ${d ?? 'undated'}).`);
    await s.ingest(items([...sampleArticles(), makeExtraction({
      doc: 'desk-notes', title: 'Notes', source: 'Desk', published: null, paragraphs: sentences,
      events: when.map(([date, type], i) => ({ type, source: i % 3 ? FRA : RUS, target: i % 3 ? RUS : FRA, date, sentences: [sentences[i]!] })),
    })]));
    const ranges: Array<{ from?: string; to?: string }> = [
      {}, { from: '2024-01-01', to: '2024-03-31' }, { from: '2024-01-15', to: '2024-03-10' }, { from: '2024-02-10', to: '2024-02-20' },
      { from: '2024-03' }, { to: '2024-01-20' }, { from: '2023-12-31', to: '2024-01-10' }, { from: '2024-04-13', to: '2024-05' },
    ];
    for (const r of ranges) {
      const want = new Map<string, { events: number; mentions: number; sum: number }>();
      for (const f of await s.facts(r)) {
        const k = `${f.source}>${f.target}`;
        const a = want.get(k) ?? { events: 0, mentions: 0, sum: 0 };
        a.events++;
        a.mentions += f.num_mentions;
        a.sum += f.intensity;
        want.set(k, a);
      }
      const got = await s.dyads(r);
      const label = JSON.stringify(r);
      assert.deepEqual(got.map((d) => `${d.source}>${d.target}`).sort(), [...want.keys()].sort(), label);
      for (const d of got) {
        const w = want.get(`${d.source}>${d.target}`)!;
        assert.deepEqual([d.events, d.mentions, d.intensity], [w.events, w.mentions, Math.round((w.sum / w.events) * 100) / 100], label);
      }
    }
    for (const a of await s.actors()) assert.equal(a.events, (await s.facts({ actor: a.code })).length, a.code);
    assert.equal((await s.events({ limit: 0 })).total, (await s.stats()).events);
  });

  it('a batch that fails stores none of its articles', async (s) => {
    const [a, b] = sampleArticles();
    const bad = { ...b!, doc: '' };
    await assert.rejects(s.ingest(items([a!, bad])));
    assert.equal((await s.stats()).articles, 0);
  });

  it('two concurrent ingests of the same articles both succeed and store them once', async (s) => {
    const [a, b] = await Promise.all([s.ingest(items(sampleArticles())), s.ingest(items(sampleArticles()))]);
    const statuses = [...a, ...b].map((o) => o.status).sort();
    assert.deepEqual(statuses, ['new', 'new', 'new', 'new', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    const h = await factory();
    try {
      await h.store.ingest(items(sampleArticles()));
      assert.deepEqual(await snapshot(s), await snapshot(h.store));
    } finally {
      await h.cleanup();
    }
  });

  it('a run interrupted between batches and rerun equals a clean run', async (s) => {
    const xs = sampleArticles();
    await s.ingest(items(xs.slice(0, 2)));
    await assert.rejects(s.ingest(items([xs[2]!, { ...xs[3]!, doc: '' }])));
    await s.ingest(items(xs.slice(0, 2)));
    await s.ingest(items(xs.slice(2)));
    const rerun = await snapshot(s);
    const h = await factory();
    try {
      await h.store.ingest(items(xs));
      assert.deepEqual(rerun, await snapshot(h.store));
    } finally {
      await h.cleanup();
    }
  });
}
