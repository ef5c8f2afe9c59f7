import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadActorKb, parseOfficeHolders } from './load.ts';
import { ParleyError } from '../errors.ts';
import { fixtureKb, fixtureMeta } from './test-kb.ts';

/** Write a KB directory from the fixture, with per-file overrides (null = leave the file out). */
function kbDir(over: Record<string, string | null> = {}): string {
  const kb = fixtureKb();
  const dir = mkdtempSync(join(tmpdir(), 'parley-actors-'));
  const files: Record<string, string | null> = {
    'states.json': JSON.stringify({ _meta: fixtureMeta, states: kb.states }, null, 2),
    'igos.json': JSON.stringify({ _meta: fixtureMeta, igos: kb.igos }, null, 2),
    'roles.json': JSON.stringify({ _meta: fixtureMeta, roles: kb.roles }, null, 2),
    'groups.json': JSON.stringify({ _meta: fixtureMeta, groups: kb.groups }, null, 2),
    'name-parts.json': JSON.stringify(kb.nameParts, null, 2),
    'office-holders.tsv': '# test office holders\n# licence: MIT\nname\taliases\tcountry\toffice\tsector\tstart\tend\nAntony Blinken\tBlinken\tUSA\tsecretary of state\tGOV\t2021-01-26\t2025-01-20\n',
    ...over,
  };
  for (const [name, body] of Object.entries(files)) if (body !== null) writeFileSync(join(dir, name), body);
  return dir;
}

function failure(fn: () => unknown): ParleyError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ParleyError, `expected a ParleyError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected an error');
}

test('a complete KB directory loads every file', () => {
  const dir = kbDir();
  try {
    const kb = loadActorKb(dir);
    assert.equal(kb.states.length, fixtureKb().states.length);
    assert.equal(kb.people.length, 1);
    assert.deepEqual(kb.people[0]!.aliases, ['Blinken']);
    assert.equal(kb.people[0]!.end, '2025-01-20');
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('optional files may be missing', () => {
  const dir = kbDir({ 'groups.json': null, 'office-holders.tsv': null });
  try {
    const kb = loadActorKb(dir);
    assert.deepEqual(kb.groups, []);
    assert.deepEqual(kb.people, []);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

const badState = (patch: Record<string, unknown>) => {
  const states = fixtureKb().states.map((s) => ({ ...s }));
  Object.assign(states[1]!, patch);
  return JSON.stringify({ _meta: fixtureMeta, states }, null, 2);
};

const invalid: Array<{ name: string; over: Record<string, string | null>; file: string; message: RegExp; line?: number }> = [
  { name: 'required file missing', over: { 'states.json': null }, file: 'states.json', message: /required knowledge-base file is missing/ },
  { name: 'not JSON', over: { 'igos.json': '{"_meta": ' }, file: 'igos.json', message: /not valid JSON/ },
  { name: 'no _meta', over: { 'roles.json': JSON.stringify({ roles: [] }) }, file: 'roles.json', message: /_meta is invalid/ },
  { name: 'state code not alpha-3', over: { 'states.json': badState({ code: 'CN' }) }, file: 'states.json', message: /states\[1\] \(CN\): code/ },
  { name: 'unknown state field', over: { 'states.json': badState({ capital: 'Beijing' }) }, file: 'states.json', message: /states\[1\] \(CHN\)/ },
  { name: 'body with an unknown sector', over: { 'states.json': badState({ bodies: [{ name: 'Foreign Ministry', aliases: [], sector: 'XXX' }] }) }, file: 'states.json', message: /bodies\.0\.sector/ },
  { name: 'upper-case role title', over: { 'roles.json': JSON.stringify({ _meta: fixtureMeta, roles: [{ title: 'President', aliases: [], sector: 'GOV', rank: 'head_of_state' }] }) }, file: 'roles.json', message: /roles\[0\] \(President\): title: titles are lower-case/ },
  { name: 'group with a bad date', over: { 'groups.json': JSON.stringify({ _meta: fixtureMeta, groups: [{ name: 'Hamas', aliases: [], kind: 'group', country: null, sector: 'REB', from: '21 Aug 2021', to: null }] }) }, file: 'groups.json', message: /groups\[0\] \(Hamas\): from/ },
  { name: 'place in an unknown state', over: { 'places.json': JSON.stringify({ _meta: fixtureMeta, places: [{ name: 'Kandahar', aliases: [], country: 'AFX' }] }, null, 2) }, file: 'places.json', message: /places\[0\] \(Kandahar\): "AFX" is not a state/, line: 10 },
  { name: 'place without a country', over: { 'places.json': JSON.stringify({ _meta: fixtureMeta, places: [{ name: 'Kandahar', aliases: [] }] }) }, file: 'places.json', message: /places\[0\] \(Kandahar\): country/ },
  { name: 'TSV without its column header', over: { 'office-holders.tsv': '# x\nAntony Blinken\tBlinken\tUSA\tsecretary of state\tGOV\t2021\t\n' }, file: 'office-holders.tsv', message: /column header/, line: 2 },
  { name: 'TSV row with a missing column', over: { 'office-holders.tsv': 'name\taliases\tcountry\toffice\tsector\tstart\tend\nWang Yi\t\tCHN\tforeign minister\tGOV\t2013-03-16\n' }, file: 'office-holders.tsv', message: /expected 7 tab-separated columns, found 6/, line: 2 },
  { name: 'TSV row with a bad date', over: { 'office-holders.tsv': 'name\taliases\tcountry\toffice\tsector\tstart\tend\n# comment\nWang Yi\t\tCHN\tforeign minister\tGOV\t16/03/2013\t\n' }, file: 'office-holders.tsv', message: /Wang Yi: start/, line: 3 },
];

for (const c of invalid) {
  test(`invalid KB: ${c.name} names the file${c.line ? ' and line' : ''}`, () => {
    const dir = kbDir(c.over);
    try {
      const err = failure(() => loadActorKb(dir));
      assert.equal(err.code, 'DATA_INVALID');
      assert.equal(err.file, join(dir, c.file));
      assert.match(err.message, c.message);
      if (c.line !== undefined) assert.equal(err.line, c.line);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
}

test('invalid JSON entry reports the line of the entry', () => {
  const dir = kbDir({ 'states.json': badState({ code: 'CN' }) });
  try {
    const err = failure(() => loadActorKb(dir));
    assert.ok(err.line !== undefined && err.line > 1, `line ${err.line}`);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('office-holders: aliases split on ";", empty end means in office', () => {
  const rows = parseOfficeHolders('x.tsv', 'name\taliases\tcountry\toffice\tsector\tstart\tend\nXi Jinping\tXi; Xi Jin-ping\tCHN\tpresident\tGOV\t2013-03-14\t\n');
  assert.deepEqual(rows[0]!.aliases, ['Xi', 'Xi Jin-ping']);
  assert.equal(rows[0]!.end, null);
});

test('the repository KB loads and validates (smoke)', () => {
  const kb = loadActorKb();
  assert.ok(kb.states.some((s) => s.code === 'USA'));
  assert.ok(kb.igos.some((g) => g.code === 'UN'));
  assert.ok(kb.roles.length > 0);
});
