/**
 * The TypeScript scorer must print the figures of the reference scorer: random system outputs
 * against the real gold, scored by both. Skipped (with the reason) without python3 or ../shared.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listJson, loadGold, loadSystem } from './load.ts';
import { formatJson, score, type GoldDoc, type Json } from './score.ts';
import { mulberry32 } from '../prng.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shared = path.resolve(root, '..', 'shared');
const scorer = path.join(shared, 'tools', 'score.py');
const goldDir = path.join(shared, 'gold');

function skipReason(): string | null {
  if (!existsSync(scorer) || !existsSync(goldDir)) return `no reference scorer or gold at ${shared}`;
  if (spawnSync('python3', ['--version']).status !== 0) return 'python3 is not installed';
  return null;
}


const CODES = ['USA', 'CHN', 'RUS', 'TUR', 'SYR', 'IRN', 'UKR', 'UN', 'EU', 'GBR'];
const TYPES = ['CONSULT', 'ACCUSE', 'REQUEST', 'THREATEN', 'AID', 'ASSAULT', 'SUPPORT', 'REJECT'];

function randomSystem(gold: Map<string, GoldDoc>, seed: number): string {
  const r = mulberry32(seed);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const lines: string[] = [];
  for (const g of gold.values()) {
    if (r() < 0.1) continue; // a document the system did not print
    const events: Json[] = [];
    for (const e of g.events) {
      if (r() < 0.4) continue;
      const types = Array.isArray(e.type) ? e.type : [e.type];
      const flip = r() < 0.15;
      const src = flip ? e.target : e.source;
      const tgt = flip ? e.source : e.target;
      const date = r() < 0.5 ? e.date ?? null : r() < 0.5 ? (g.published ?? null) : pick([null, '2019', '2018-12-31', `${e.date ?? ''}-01`]);
      const asObj = r() < 0.3;
      events.push({
        type: r() < 0.85 ? pick(types) : pick(TYPES),
        source: asObj ? { name: 'x', country: src } : src,
        target: asObj && r() < 0.5 ? { name: 'y', country: null, code: tgt } : tgt,
        date,
        sentence: e.evidence ?? '',
      });
    }
    const extra = Math.floor(r() * 3);
    for (let i = 0; i < extra; i++) events.push({ type: pick(TYPES), source: pick(CODES), target: r() < 0.1 ? null : pick(CODES), date: null, sentence: 'made up' });
    const keep = (g.clean?.must_keep ?? []).filter(() => r() < 0.8);
    const drop = (g.clean?.must_drop ?? []).filter(() => r() < 0.2);
    const mangle = (s: string) => (r() < 0.3 ? s.toUpperCase() : s).replace(/ /g, () => (r() < 0.1 ? '\n  ' : ' '));
    const actors: Json[] = (g.actors ?? []).filter(() => r() < 0.7).map((a) => ({
      name: r() < 0.5 ? a.name : pick([...(a.aliases ?? []), a.name]).toLowerCase(),
      aliases: a.aliases ?? [],
      country: r() < 0.85 ? a.country : pick(CODES),
    }));
    const published = r() < 0.7 ? g.published ?? null : pick([null, '2019-01-01', `${g.published ?? ''}T10:00:00Z`]);
    lines.push(JSON.stringify({ doc: g.doc, published, text: [...keep, ...drop].map(mangle).join('\n\n'), actors, events }));
  }
  return lines.join('\n') + '\n';
}

test('parley eval figures equal score.py on random system outputs', async (t) => {
  const reason = skipReason();
  if (reason) {
    console.log(`skipped: ${reason}`);
    t.skip(reason);
    return;
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'parley-eval-'));
  try {
    // score.py reads one flat folder
    const flat = path.join(tmp, 'gold');
    spawnSync('mkdir', ['-p', flat]);
    for (const f of await listJson(goldDir)) copyFileSync(f, path.join(flat, path.basename(f)));
    const gold = await loadGold(goldDir);
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const sysFile = path.join(tmp, `system-${seed}.jsonl`);
      writeFileSync(sysFile, randomSystem(gold, seed));
      const py = spawnSync('python3', [scorer, flat, sysFile, '--json'], { encoding: 'utf8' });
      assert.equal(py.status, 0, py.stderr);
      const want = JSON.parse(py.stdout) as Record<string, number | null>;
      const result = score(gold, await loadSystem(sysFile));
      const got = JSON.parse(formatJson(result)) as Record<string, number | null>;
      assert.deepEqual(Object.keys(got), Object.keys(want), 'same keys in the same order');
      for (const k of Object.keys(want)) {
        const [a, b] = [got[k], want[k]];
        if (a === null || b === null) assert.equal(a, b, `seed ${seed}: ${k}`);
        else assert.ok(Math.abs(a - b) < 0.0005, `seed ${seed}: ${k} = ${a}, score.py says ${b}`);
      }
      assert.equal(formatJson(result), py.stdout.trim(), `seed ${seed}: identical --json line`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
