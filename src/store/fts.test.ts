import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toFtsQuery } from './fts.ts';

const cases: Array<[string, string | null]> = [
  ['tariffs', '"tariffs"'],
  ['steel tariffs', '"steel" "tariffs"'],
  ['"air defence" Kharkiv', '"air defence" "Kharkiv"'],
  ['Kharkiv OR Kyiv', '"Kharkiv" OR "Kyiv"'],
  ['talks -Geneva', '("talks") NOT "Geneva"'],
  ["'; DROP TABLE events; --", '"DROP" "TABLE" "events"'],
  ['NEAR(a b) *', '"NEAR a" "b"'],
  ['"*:()', null],
  ['-only', null],
  ['', null],
];
for (const [input, want] of cases) test(`toFtsQuery(${JSON.stringify(input)})`, () => assert.equal(toFtsQuery(input), want));
