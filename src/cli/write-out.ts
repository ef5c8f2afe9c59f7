/**
 * Writing a long output to a pipe: wait for 'drain' when the pipe is full, fail on 'error', and
 * take both listeners off again, so a run of a million lines to a slow reader does not pile up
 * listeners on stdout.
 */
import type { Writable } from 'node:stream';

export function writeTo(out: Writable, s: string): Promise<void> {
  if (!s || out.write(s)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const drained = () => {
      out.off('error', failed);
      resolve();
    };
    const failed = (err: Error) => {
      out.off('drain', drained);
      reject(err);
    };
    out.once('drain', drained).once('error', failed);
  });
}

/** `writeTo(process.stdout, s)`. */
export function writeOut(s: string): Promise<void> {
  return writeTo(process.stdout, s);
}
