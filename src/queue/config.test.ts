import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jobId, queueTarget, requirePostgres, settingFrom } from './config.ts';
import { ParleyError } from '../errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('jobId: a name-based UUID, the same for the same doc + hash and different otherwise', () => {
  const cases: Array<[string, string, string, string, boolean]> = [
    ['a1', 'h1', 'a1', 'h1', true],
    ['a1', 'h1', 'a1', 'h2', false],
    ['a1', 'h1', 'a2', 'h1', false],
    ['a', 'bc', 'ab', 'c', false], // the separator keeps doc and hash apart
  ];
  for (const [d1, h1, d2, h2, same] of cases) {
    const x = jobId(d1, h1);
    assert.match(x, UUID);
    assert.equal(x === jobId(d2, h2), same, `${d1}/${h1} vs ${d2}/${h2}`);
  }
});

test('settingFrom: default when absent, the integer when in range, a usage error otherwise', () => {
  const ok: Array<[string | undefined, number]> = [[undefined, 7], ['0', 0], ['5', 5], ['10', 10]];
  for (const [v, want] of ok) assert.equal(settingFrom(v, '--x', 0, 10, 7), want);
  for (const bad of ['-1', '11', '2.5', 'ten', '']) {
    assert.throws(() => settingFrom(bad, '--x', 0, 10, 7), (e: unknown) => e instanceof ParleyError && e.code === 'CLI_USAGE' && /--x/.test(e.message), bad);
  }
});

test('requirePostgres: accepts postgres URLs, refuses SQLite paths with a usage error', () => {
  for (const u of ['postgres://u@h/db', 'postgresql://h:5432/db']) assert.doesNotThrow(() => requirePostgres(u, 'worker'));
  for (const u of ['./parley.db', ':memory:', 'mysql://h/db']) {
    assert.throws(() => requirePostgres(u, 'worker'), (e: unknown) => e instanceof ParleyError && e.code === 'CLI_USAGE');
  }
});

test('queueTarget: the queue of a store in its own schema gets its own pg-boss schema; the URL loses ?schema=', () => {
  const cases: Array<[string, string, string]> = [
    ['postgres://u@h:5432/db', 'postgres://u@h:5432/db', 'pgboss'],
    ['postgres://u@h/db?schema=news', 'postgres://u@h/db', 'news_pgboss'],
    ['postgres://u@h/db?sslmode=disable&schema=a1', 'postgres://u@h/db?sslmode=disable', 'a1_pgboss'],
  ];
  for (const [url, want, schema] of cases) assert.deepEqual(queueTarget(url), { url: want, schema }, url);
  assert.throws(() => queueTarget('postgres://u@h/db?schema=Bad-Name'), (e: unknown) => e instanceof ParleyError && e.code === 'CLI_USAGE');
});
