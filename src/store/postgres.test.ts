/**
 * The shared store suite on a real PostgreSQL server: PARLEY_TEST_PG, else the local default.
 * Every test works in its own schema (named after this run) and drops it afterwards, so
 * parallel runs never collide. No server: skipped with the reason — except under CI, where it fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { storeSuite } from './store-suite.ts';
import { openPostgresStore } from './postgres/index.ts';
import { pgUnreachable, testPgUrl } from './postgres/test-server.ts';

const url = testPgUrl();
const runId = `parley_t${process.pid}_${randomBytes(3).toString('hex')}`;

async function dropSchema(schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await c.end();
  }
}

const reason = await pgUnreachable(url);
if (reason === null) {
  const ids = { n: 0 };
  storeSuite('postgres', async () => {
    const schema = `${runId}_${++ids.n}`;
    const store = await openPostgresStore(url, { schema });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  });
} else if (process.env.CI) {
  test('postgres store suite needs a server under CI', () => assert.fail(reason));
} else {
  console.log(`# skipping PostgreSQL store tests: ${reason}`);
  test('postgres store suite', { skip: reason }, () => undefined);
}
