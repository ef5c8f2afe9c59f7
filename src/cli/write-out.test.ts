import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { writeTo } from './write-out.ts';

/** A pipe that holds 16 bytes and takes a chunk every millisecond. */
function slowPipe(): { out: Writable; got: string[] } {
  const got: string[] = [];
  const out = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _enc, done) {
      got.push(chunk.toString());
      setTimeout(done, 1);
    },
  });
  return { out, got };
}

test('writes to a full pipe wait for it to drain and leave no listeners behind', async () => {
  const { out, got } = slowPipe();
  const before = [out.listenerCount('error'), out.listenerCount('drain')];
  for (let i = 0; i < 200; i++) await writeTo(out, `line ${i} of a long output\n`);
  assert.equal(got.length, 200);
  assert.equal(got[199], 'line 199 of a long output\n');
  assert.deepEqual([out.listenerCount('error'), out.listenerCount('drain')], before);
});

test('a pipe that fails rejects the write waiting on it', async () => {
  const { out } = slowPipe();
  assert.equal(out.write('x'.repeat(64)), false);
  const pending = writeTo(out, 'more');
  out.destroy(new Error('reader went away'));
  await assert.rejects(pending, /reader went away/);
});
