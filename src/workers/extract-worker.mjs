// Worker-thread entry: registers tsx so the TypeScript sources load, then runs the worker loop.
import { register } from 'tsx/esm/api';
register();
await import('./extract-worker.ts');
