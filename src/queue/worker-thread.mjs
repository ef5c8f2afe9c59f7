// Worker-thread entry for `parley worker --concurrency N`: registers tsx so the TypeScript
// sources load, then runs one queue worker loop in this thread.
import { register } from 'tsx/esm/api';
register();
await import('./worker-thread.ts');
