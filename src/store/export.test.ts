import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSqliteStore } from './sqlite/index.ts';
import { sampleArticles } from './test-fixtures.ts';
import { allEvents, csvField, exportLines, GDELT_COLUMNS, CSV_COLUMNS, sqlDate } from './export.ts';

const dates: Array<[string | null, string]> = [['2024-04-12', '20240412'], ['2024-04', '20240400'], ['2024', '20240000'], [null, '']];
for (const [d, want] of dates) test(`sqlDate(${d}) = '${want}'`, () => assert.equal(sqlDate(d), want));

const fields: Array<[unknown, string]> = [['plain', 'plain'], ['a,b', '"a,b"'], ['say "no"', '"say ""no"""'], ['two\nlines', '"two\nlines"'], [null, ''], [3.5, '3.5']];
for (const [v, want] of fields) test(`csvField(${JSON.stringify(v)})`, () => assert.equal(csvField(v), want));

async function lines(format: 'gdelt' | 'plover' | 'csv', filter = {}) {
  const s = openSqliteStore(':memory:');
  await s.ingest(sampleArticles().map((extraction) => ({ extraction })));
  const out: string[] = [];
  for await (const l of exportLines(s, format, filter)) out.push(l);
  await s.close();
  return out;
}

test('gdelt export: header plus one row per event, every row as wide as the header', async () => {
  const out = await lines('gdelt');
  assert.deepEqual(out[0]!.split('\t'), [...GDELT_COLUMNS]);
  assert.equal(out.length, 1 + 8);
  for (const row of out.slice(1)) assert.equal(row.split('\t').length, GDELT_COLUMNS.length);
  const sanction = out.find((r) => r.split('\t')[21] === 'SANCTION')!.split('\t');
  const col = (name: string) => sanction[GDELT_COLUMNS.indexOf(name as (typeof GDELT_COLUMNS)[number])];
  assert.deepEqual([col('SQLDATE'), col('Actor1Code'), col('Actor2Code'), col('EventRootCode'), col('QuadClass'), col('SOURCEURL')],
    ['20240415', 'USA', 'CHN', '16', '4', 'https://news.example.org/harbor-0416-tariffs']);
});

test('plover export: JSON lines with PLOVER field names', async () => {
  const out = (await lines('plover', { type: 'AID' })).map((l) => JSON.parse(l));
  assert.equal(out.length, 1);
  assert.deepEqual(
    [out[0].event_type, out[0].actor1_country, out[0].actor2_country, out[0].date, out[0].story_id],
    ['AID', 'DEU', 'UKR', '2024-05', 'post-0520-strikes'],
  );
  assert.match(out[0].text, /air defence/);
});

test('csv export: the header names the columns and filters apply', async () => {
  const out = await lines('csv', { actor: 'UKR' });
  assert.equal(out[0], CSV_COLUMNS.join(','));
  assert.equal(out.length, 1 + 2);
});

test('allEvents pages by id past the page size and yields each event once', async () => {
  const s = openSqliteStore(':memory:');
  await s.ingest(sampleArticles().map((extraction) => ({ extraction })));
  const ids: number[] = [];
  for await (const e of allEvents(s, { order: 'id' }, 3)) ids.push(e.id);
  const newest: number[] = [];
  for await (const e of allEvents(s, {}, 3)) newest.push(e.id);
  await s.close();
  assert.equal(ids.length, 8);
  assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
  assert.deepEqual([...newest].sort((a, b) => a - b), ids);
});
