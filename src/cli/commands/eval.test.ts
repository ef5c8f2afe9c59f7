import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../../bin/parley.js', import.meta.url));
const KEYS = ['docs', 'tp', 'fp', 'fn', 'precision', 'recall', 'f1', 'event_date_accuracy', 'published_accuracy', 'clean_keep', 'clean_drop', 'actor_recall'];

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-eval-cli-'));
  mkdirSync(path.join(dir, 'gold', 'set'), { recursive: true });
  writeFileSync(path.join(dir, 'gold', 'set', 'd1.json'), JSON.stringify({
    doc: 'd1', published: '2019-11-20', clean: { must_keep: ['Ministers met'], must_drop: ['Subscribe'] },
    events: [{ type: 'CONSULT', source: 'CHN', target: 'RUS', date: '2019-11-19', evidence: 'met' }],
    actors: [{ name: 'Wang Yi', country: 'CHN', aliases: [] }],
  }));
  writeFileSync(path.join(dir, 'gold', 'README.json'), JSON.stringify({ about: 'not a gold file' }));
  return dir;
}
const run = (args: string[]) => spawnSync(process.execPath, [bin, 'eval', ...args], { encoding: 'utf8' });

test('parley eval --json scores a system file like score.py', () => {
  const dir = setup();
  try {
    writeFileSync(path.join(dir, 'sys.jsonl'), `${JSON.stringify({ doc: 'd1', published: '2019-11-20', text: 'Ministers met.', actors: [], events: [{ type: 'CONSULT', source: { country: 'RUS' }, target: { country: 'CHN' }, date: '2019-11-19' }] })}\n`);
    const r = run([path.join(dir, 'gold'), path.join(dir, 'sys.jsonl'), '--json']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '{"docs": 1, "tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0, "event_date_accuracy": 1.0, "published_accuracy": 1.0, "clean_keep": 1.0, "clean_drop": 1.0, "actor_recall": 0.0}\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('parley eval --verbose lists misses before the figures', () => {
  const dir = setup();
  try {
    writeFileSync(path.join(dir, 'sys.jsonl'), `${JSON.stringify({ doc: 'd1', text: 'Subscribe', events: [] })}\n`);
    const r = run([path.join(dir, 'gold'), path.join(dir, 'sys.jsonl'), '--verbose']);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 4), [
      "  FN d1 ('CONSULT', 'CHN', 'RUS') :: met",
      '  KEEP-MISS d1 :: Ministers met',
      '  DROP-MISS d1 :: Subscribe',
      '  ACTOR-MISS d1 Wang Yi (CHN)',
    ]);
    assert.equal(lines[4], 'docs: 1');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('parley eval names the file and line of a system line that is not JSON', () => {
  const dir = setup();
  try {
    writeFileSync(path.join(dir, 'sys.jsonl'), '{"doc": "d1", "events": []}\n{"doc": \n');
    const r = run([path.join(dir, 'gold'), path.join(dir, 'sys.jsonl')]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, new RegExp(`${path.join(dir, 'sys.jsonl').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: .*\\[EVAL_SYSTEM\\]`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('parley eval names an invalid gold file', () => {
  const dir = setup();
  try {
    writeFileSync(path.join(dir, 'gold', 'set', 'd2.json'), JSON.stringify({ doc: 'd2', events: [{ type: 'AID' }] }));
    writeFileSync(path.join(dir, 'sys.jsonl'), '{"doc": "d1", "events": []}\n');
    const r = run([path.join(dir, 'gold'), path.join(dir, 'sys.jsonl')]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /d2\.json: .*\[EVAL_GOLD\]/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('parley eval extracts corpus paths in-process', () => {
  const dir = setup();
  try {
    mkdirSync(path.join(dir, 'corpus'));
    writeFileSync(path.join(dir, 'corpus', 'd1.txt'), 'Ministers met in Moscow on Tuesday to discuss trade between the two countries.\n');
    const r = run([path.join(dir, 'gold'), path.join(dir, 'corpus'), '--json', '-q']);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(out), KEYS);
    assert.deepEqual([out.docs, out.clean_keep], [1, 1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('parley eval without a system argument is a usage error', () => {
  const r = run(['somewhere']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /CLI_USAGE/);
});
