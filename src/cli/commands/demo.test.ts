/**
 * `parley demo`: the examples land in the store, the server answers with the dashboard, Ctrl-C
 * stops it and removes the temporary store; and the dashboard rebuild check.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXAMPLES_DIR, dashboardStale } from './demo.ts';
import { openStore } from '../../store/index.ts';

const bin = path.resolve(import.meta.dirname, '../../../bin/parley.js');

/** Articles in examples/: one per .txt/.html file, one per non-blank line of a .jsonl file. */
function exampleCount(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) n += exampleCount(p);
    else if (/\.(txt|html?)$/i.test(e.name)) n++;
    else if (/\.jsonl$/i.test(e.name)) n += readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).length;
  }
  return n;
}

test('dashboardStale: missing build, fresh build, then a newer source', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'parley-web-'));
  try {
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'src', 'main.ts'), '');
    writeFileSync(path.join(root, 'index.html'), '');
    const past = new Date(Date.now() - 60_000);
    utimesSync(path.join(root, 'src', 'main.ts'), past, past);
    utimesSync(path.join(root, 'index.html'), past, past);
    assert.equal(dashboardStale(root), true, 'no dist');
    mkdirSync(path.join(root, 'dist'));
    writeFileSync(path.join(root, 'dist', 'index.html'), '');
    assert.equal(dashboardStale(root), false, 'dist newer than sources');
    const future = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'src', 'main.ts'), future, future);
    assert.equal(dashboardStale(root), true, 'a source changed after the build');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('demo --no-serve ingests every bundled example into the given store', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-demo-test-'));
  try {
    const db = path.join(dir, 'demo.db');
    const r = spawnSync(process.execPath, [bin, 'demo', '--no-serve', '--db', db], { encoding: 'utf8', env: { ...process.env, PARLEY_DB: '' } });
    assert.equal(r.status, 0, r.stderr);
    const n = exampleCount(EXAMPLES_DIR);
    assert.match(r.stdout, new RegExp(`${n} article\\(s\\): ${n} new`));
    assert.match(r.stdout, new RegExp(`store ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const store = await openStore(db);
    try {
      const stats = await store.stats();
      assert.equal(stats.articles, n);
      assert.ok(stats.events > 0);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('demo serves the dashboard and API, and Ctrl-C removes its temporary store', { timeout: 180_000 }, async () => {
  const child = spawn(process.execPath, [bin, 'demo', '--port', '0'], { env: { ...process.env, PARLEY_DB: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Dashboard\s+(http:\/\/\S+?)\/\s/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`demo exited early (${code}): ${out}${err}`)));
  });
  const store = /store (\S+) \(temporary/.exec(out)?.[1];
  assert.ok(store && existsSync(store), out);
  const health = (await (await fetch(`${url}/api/health`)).json()) as { stats: { articles: number } };
  assert.equal(health.stats.articles, exampleCount(EXAMPLES_DIR));
  const page = await (await fetch(`${url}/`)).text();
  assert.match(page, /<div id="app">/, 'the built dashboard, not the fallback page');
  const code = await new Promise<number | null>((resolve) => {
    child.on('exit', resolve);
    child.kill('SIGINT');
  });
  assert.equal(code, 0, err);
  assert.equal(existsSync(store), false, 'temporary store removed');
});
