import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PATTERN_DIR, LEXICON_FILE, loadPatterns, parsePatternFile } from './patterns.ts';
import { loadOntology, parseOntology } from './ontology.ts';
import { ParleyError } from '../errors.ts';

const ontology = loadOntology();
const good = { id: 'consult.greet', type: 'CONSULT', mode: 'meet', kind: 'verb', trigger: ['greet'], target: 'object', confidence: 0.8 };
const file = (patterns: unknown[]) => ({ _meta: { what: 'test patterns' }, patterns });

const bad: Array<[string, unknown, RegExp]> = [
  ['an unknown type', { ...good, type: 'HUG' }, /pattern consult\.greet: type/],
  ['an id that does not start with the type', { ...good, id: 'accuse.greet' }, /must start with 'consult\.'/],
  ['a mode the ontology lacks', { ...good, mode: 'hug' }, /mode 'hug' is not a mode of CONSULT/],
  ['a prep target without prepositions', { ...good, target: 'prep' }, /needs a non-empty 'prep' list/],
  ['a confidence above 1', { ...good, confidence: 1.5 }, /confidence/],
  ['an unknown field', { ...good, frame: 'S greet T' }, /frame|unrecognized/i],
  ['an upper-case trigger', { ...good, trigger: ['Greet'] }, /trigger/],
];

for (const [name, pattern, msg] of bad) {
  test(`pattern file: rejects ${name}, naming file and pattern`, () => {
    const text = JSON.stringify(file([pattern]), null, 2);
    assert.throws(() => parsePatternFile(JSON.parse(text), 'x.json', text, ontology), (e: unknown) => {
      assert.ok(e instanceof ParleyError);
      assert.equal(e.code, 'DATA_INVALID');
      assert.match(e.message, /^x\.json/);
      assert.match(e.message, msg);
      return true;
    });
  });
}

test('pattern file: error carries the line of the pattern', () => {
  const text = JSON.stringify(file([good, { ...good, id: 'consult.wave', mode: 'hug' }]), null, 2);
  try {
    parsePatternFile(JSON.parse(text), 'x.json', text, ontology);
    assert.fail('should throw');
  } catch (e) {
    assert.ok(e instanceof ParleyError);
    assert.equal(e.line, text.split('\n').findIndex((l) => l.includes('"consult.wave"')) + 1);
  }
});

test('pattern file: a valid pattern loads with its file', () => {
  const [p] = parsePatternFile(file([good]), 'x.json', '', ontology);
  assert.equal(p?.id, 'consult.greet');
  assert.equal(p?.file, 'x.json');
});

test('pattern set: triggers are indexed by word', () => {
  const ps = loadPatterns(undefined, ontology);
  assert.ok(ps.byTrigger.get('visit')?.some((p) => p.id === 'consult.visit'));
  assert.ok(ps.byTrigger.get('condemn')?.every((p) => p.trigger.includes('condemn')));
});

test('pattern set: a duplicate id across files is an error naming it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-patterns-'));
  copyFileSync(join(DEFAULT_PATTERN_DIR, LEXICON_FILE), join(dir, LEXICON_FILE));
  writeFileSync(join(dir, 'a.json'), JSON.stringify(file([good])));
  writeFileSync(join(dir, 'b.json'), JSON.stringify(file([good])));
  assert.throws(() => loadPatterns(dir, ontology), /b\.json.*consult\.greet: duplicate id/);
});

test('pattern set: a missing lexicon is an error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-patterns-'));
  writeFileSync(join(dir, 'a.json'), JSON.stringify(file([good])));
  assert.throws(() => loadPatterns(dir, ontology), /lexicon\.json: lexicon file is missing/);
});

test('pattern set: a file that is not JSON names the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-patterns-'));
  copyFileSync(join(DEFAULT_PATTERN_DIR, LEXICON_FILE), join(dir, LEXICON_FILE));
  writeFileSync(join(dir, 'broken.json'), '{ "patterns": [');
  assert.throws(() => loadPatterns(dir, ontology), /broken\.json: not valid JSON/);
});

test('ontology: a mode takes its own intensity and CAMEO root, else the type defaults', () => {
  assert.deepEqual(ontology.code('ASSAULT', 'invade'), { cameo: '19', quad: 'material_conflict', intensity: -10 });
  assert.equal(ontology.code('CONSULT', null).cameo, '04');
  assert.equal(ontology.code('CONSULT', 'no-such-mode').intensity, ontology.types.CONSULT.intensity);
});

test('ontology: every type has a quad consistent with its CAMEO root', () => {
  for (const [type, t] of Object.entries(ontology.types)) {
    const root = Number(t.cameo[0]);
    const want = root <= 5 ? 'verbal_cooperation' : root <= 8 ? 'material_cooperation' : root <= 13 ? 'verbal_conflict' : 'material_conflict';
    assert.equal(t.quad, want, type);
  }
});

test('ontology: a missing type is an error naming the file', () => {
  const json = { _meta: { what: 'x' }, types: { AGREE: ontology.types.AGREE } };
  assert.throws(() => parseOntology(json, 'o.json'), /o\.json: types\.CONSULT/);
});

test('ontology: an intensity outside -10..10 is an error', () => {
  const json = { _meta: { what: 'x' }, types: { ...ontology.types, AGREE: { ...ontology.types.AGREE, intensity: 12 } } };
  assert.throws(() => parseOntology(json, 'o.json'), /o\.json: types\.AGREE\.intensity/);
});
