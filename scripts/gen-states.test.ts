import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dedupeByKey, generate, nameKey, pluralDemonym } from './gen-states.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

test('pluralDemonym adds -s only where English does', () => {
  const cases: [string, string | null][] = [
    ['Israeli', 'Israelis'], ['American', 'Americans'], ['Filipino', 'Filipinos'], ['Czech', 'Czechs'],
    ['Chinese', null], ['British', null], ['French', null], ['Swiss', null], ['Malagasy', null],
  ];
  for (const [d, want] of cases) assert.equal(pluralDemonym(d), want, d);
});

test('nameKey folds case, accents, hyphens and curly apostrophes like the recogniser', () => {
  const cases: [string, string][] = [
    ['Élysée', 'elysee'], ['Bosnia-Herzegovina', 'bosnia herzegovina'], ['Sana’a', "sana'a"], ['  Kyiv ', 'kyiv'],
  ];
  for (const [s, want] of cases) assert.equal(nameKey(s), want, s);
});

test('dedupeByKey keeps one spelling per key, preferring the widest case form', () => {
  const cases: [string[], string[]][] = [
    [['TASS', 'Tass'], ['Tass']],
    [['Al-Qaeda', 'al-Qaeda', 'al Qaeda'], ['al-Qaeda']],
    [['Bogotá', 'Bogota', 'Quito'], ['Bogotá', 'Quito']],
  ];
  for (const [input, want] of cases) assert.deepEqual(dedupeByKey(input), want, input.join());
});

test('the committed states.json is what the generator writes', () => {
  assert.equal(generate(root), readFileSync(join(root, 'data/actors/states.json'), 'utf8'));
});

/** The committed overrides with `code`'s entry extended by `extra`, written to a temporary file. */
function overridesWith(code: string, extra: Record<string, string[]>): string {
  const o = JSON.parse(readFileSync(join(root, 'data/actors/states.overrides.json'), 'utf8')) as { states: Record<string, Record<string, unknown>> };
  o.states[code] = { ...(o.states[code] ?? {}), ...extra };
  const file = join(mkdtempSync(join(tmpdir(), 'gen-states-')), 'overrides.json');
  writeFileSync(file, JSON.stringify(o));
  return file;
}

test('a name given to two states is refused, naming the overrides file', () => {
  const file = overridesWith('FRA', { seats: ['Kremlin'] });
  assert.throws(() => generate(root, file), (err: Error) => /kremlin" names both FRA and RUS/.test(err.message) && err.message.includes(file));
});

test('an ambiguous entry that names nothing of its state is refused', () => {
  const file = overridesWith('PER', { ambiguous: ['Nowhere'] });
  assert.throws(() => generate(root, file), /PER: ambiguous "Nowhere"/);
});
