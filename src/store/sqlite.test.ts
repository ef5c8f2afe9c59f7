import { storeSuite } from './store-suite.ts';
import { openSqliteStore } from './sqlite/index.ts';

storeSuite('sqlite', async () => {
  const store = openSqliteStore(':memory:');
  return { store, cleanup: () => store.close() };
});
