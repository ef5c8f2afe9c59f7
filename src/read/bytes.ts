/**
 * Byte streams for the readers: peek at the head of a stream without losing it, transparent
 * gunzip (detected by magic bytes), and bounded collection of a whole input.
 */
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Raised inside the readers when a gzip stream is damaged; index.ts turns it into READ_GZIP. */
export class GzipDamage extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'GzipDamage';
  }
}

/** Raised when an input grows past the byte limit; index.ts turns it into READ_TOO_LARGE. */
export class TooLarge extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`larger than the ${formatBytes(limit)} limit`);
    this.name = 'TooLarge';
    this.limit = limit;
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

export interface Peeked {
  /** At least `n` leading bytes, or everything when the stream is shorter. */
  head: Buffer;
  /** True when `head` is the whole stream. */
  done: boolean;
  /** The whole stream again, head included. */
  all: AsyncGenerator<Buffer>;
  /** Release the underlying stream when `all` is not read to the end. */
  close: () => Promise<void>;
}

function toBuffer(c: unknown): Buffer {
  if (Buffer.isBuffer(c)) return c;
  if (typeof c === 'string') return Buffer.from(c, 'utf8');
  if (c instanceof Uint8Array) return Buffer.from(c.buffer, c.byteOffset, c.byteLength);
  throw new TypeError('stream yielded a non-byte chunk');
}

/** Read the first `n` bytes of a chunk stream and hand back a stream that replays them. */
export async function peek(src: AsyncIterable<unknown>, n: number): Promise<Peeked> {
  const it = src[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  try {
    while (size < n) {
      const r = await it.next();
      if (r.done) { done = true; break; }
      const b = toBuffer(r.value);
      chunks.push(b);
      size += b.length;
    }
  } catch (err) {
    await it.return?.();
    throw err;
  }
  const head = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  async function* all(): AsyncGenerator<Buffer> {
    try {
      for (const c of chunks) yield c;
      if (done) return;
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        yield toBuffer(r.value);
      }
    } finally {
      if (!done) await it.return?.();
    }
  }
  const close = async (): Promise<void> => {
    if (!done) await it.return?.();
  };
  return { head, done, all: all(), close };
}

export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** Gunzip a byte stream; damage (truncation, corruption) is thrown as GzipDamage. */
export async function* gunzip(src: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const z = createGunzip();
  const input = Readable.from(src, { objectMode: false });
  input.on('error', (err) => z.destroy(err));
  input.pipe(z);
  try {
    for await (const chunk of z) yield chunk as Buffer;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || /unexpected end of file|incorrect header|invalid|distance|stored block/i.test((err as Error).message)) {
      throw new GzipDamage(err);
    }
    throw err;
  } finally {
    input.destroy();
    z.destroy();
  }
}

/** Peek at a stream, gunzipping it first when it starts with the gzip magic bytes. */
export async function openBytes(src: AsyncIterable<unknown>, n: number): Promise<Peeked & { gzip: boolean }> {
  const p = await peek(src, 2);
  if (!isGzip(p.head)) {
    const q = await peek(p.all, n);
    return { ...q, gzip: false, close: async () => { await q.close(); await p.close(); } };
  }
  const q = await peek(gunzip(p.all), n);
  return { ...q, gzip: true, close: async () => { await q.close(); await p.close(); } };
}

/** Collect a whole byte stream, throwing TooLarge past `limit` bytes. */
export async function collect(src: AsyncIterable<Buffer>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of src) {
    size += c.length;
    if (size > limit) throw new TooLarge(limit);
    chunks.push(c);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}
