/**
 * End to end on the shared evaluation set: extract every visible corpus (seeds, guardian,
 * web/pages) in-process, score it against all visible gold with the `parley eval` scorer,
 * print the figures as one JSON line, and hold them to the gate in test/gate.json.
 * Skipped, with the reason printed, when ../shared is not there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGold } from '../src/eval/load.ts';
import { extractForEval } from '../src/eval/extract.ts';
import { score, type ScoreResult } from '../src/eval/score.ts';
import { ParleyError } from '../src/errors.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = path.resolve(root, '..', 'shared');
const gatePath = path.join(root, 'test', 'gate.json');
const CORPORA = ['corpus/seeds', 'corpus/guardian', 'corpus/web/pages'];

/** The gate: figure name → least value; validated so a typo cannot silently pass. */
export function readGate(file: string): Record<string, number> {
  const v = JSON.parse(readFileSync(file, 'utf8')) as { min?: unknown };
  const keys: Array<keyof ScoreResult> = ['precision', 'recall', 'f1', 'event_date_accuracy', 'published_accuracy', 'clean_keep', 'clean_drop', 'actor_recall'];
  if (!v.min || typeof v.min !== 'object') throw new ParleyError('DATA_INVALID', 'data', 'gate has no "min" object', { file });
  for (const [k, x] of Object.entries(v.min)) {
    if (!keys.includes(k as keyof ScoreResult)) throw new ParleyError('DATA_INVALID', 'data', `unknown figure "${k}" (one of ${keys.join(', ')})`, { file });
    if (typeof x !== 'number' || x < 0 || x > 1) throw new ParleyError('DATA_INVALID', 'data', `"${k}" must be a number in 0..1`, { file });
  }
  return v.min as Record<string, number>;
}

test('the evaluation gate file is valid', () => {
  assert.ok(Object.keys(readGate(gatePath)).length > 0);
});

test('extraction over the shared corpus meets the evaluation gate', async (t) => {
  const missing = [path.join(shared, 'gold'), ...CORPORA.map((c) => path.join(shared, c))].filter((p) => !existsSync(p));
  if (missing.length) {
    const reason = `shared evaluation set not found (${missing.join(', ')})`;
    console.log(`skipped: ${reason}`);
    t.skip(reason);
    return;
  }
  const gate = readGate(gatePath);
  const gold = await loadGold(path.join(shared, 'gold'));
  const system = await extractForEval(CORPORA.map((c) => path.join(shared, c)), { wanted: new Set(gold.keys()) });
  const figures = score(gold, system);
  console.log(JSON.stringify(figures));
  const below = Object.entries(gate)
    .filter(([k, min]) => {
      const v = figures[k as keyof ScoreResult];
      return v === null || v < min;
    })
    .map(([k, min]) => `${k} = ${figures[k as keyof ScoreResult]} < ${min}`);
  assert.deepEqual(below, [], `below the gate: ${below.join('; ')}`);
});
