// `parley bench --json` is read by people and scripts: every figure the scaling issue names must
// be there, as a positive number. A tiny corpus keeps this quick; no speed is asserted here
// (speed targets live in the benchmark itself, never in tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/parley.js', import.meta.url));

const REQUIRED = [
  'extract_articles_per_s_per_core', 'extract_mb_per_s_per_core', 'ratio_vs_compromise', 'html_ratio_vs_readability',
  'scaling_2_workers', 'ingest_events_per_s', 'query_p95_ms', 'peak_rss_mb',
];

test('bench --json prints one line with every required figure as a positive number', () => {
  const r = spawnSync(process.execPath, [bin, 'bench', '--json', '--articles', '12', '--html-pages', '3', '--store-events', '3000'], { encoding: 'utf8', timeout: 300_000 });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1, 'one JSON line');
  const out = JSON.parse(lines[0]!) as Record<string, unknown>;
  for (const k of REQUIRED) assert.ok(typeof out[k] === 'number' && (out[k] as number) > 0, `${k} = ${String(out[k])}`);
  assert.ok(typeof out.scaling_2_workers_vs_main_thread === 'number' && out.scaling_2_workers_vs_main_thread > 0);
  assert.equal(out.store_events, 3000);
});

test('bench rejects a size that is not a positive integer', () => {
  const r = spawnSync(process.execPath, [bin, 'bench', '--articles', '0'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--articles must be a positive integer/);
});
