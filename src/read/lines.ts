/**
 * Split a byte stream into lines without ever holding more than one line (bounded by a limit),
 * linear in the input size even for a single line of many megabytes.
 */
import { decodeUtf8OrLegacy, type Encoding } from './decode.ts';

export type Line =
  | { line: number; text: string }
  /** The line was longer than the limit; its bytes were skipped. */
  | { line: number; tooLarge: true };

/** Lines of a UTF-16 stream: decode incrementally, then split the text. */
async function* utf16Lines(src: AsyncIterable<Buffer>, encoding: Encoding, maxBytes: number): AsyncGenerator<Line> {
  const dec = new TextDecoder(encoding);
  let parts: string[] = [];
  let partLen = 0;
  let skipping = false;
  let line = 1;
  const feed = function* (s: string): Generator<Line> {
    let from = 0;
    for (;;) {
      const nl = s.indexOf('\n', from);
      const piece = nl < 0 ? s.slice(from) : s.slice(from, nl);
      if (!skipping) {
        parts.push(piece);
        partLen += piece.length * 2;
        if (partLen > maxBytes) { skipping = true; parts = []; partLen = 0; }
      }
      if (nl < 0) return;
      if (skipping) yield { line, tooLarge: true };
      else yield { line, text: stripCr(parts.join('')) };
      parts = [];
      partLen = 0;
      skipping = false;
      line++;
      from = nl + 1;
    }
  };
  for await (const chunk of src) yield* feed(dec.decode(chunk, { stream: true }));
  yield* feed(dec.decode());
  if (skipping) yield { line, tooLarge: true };
  else if (parts.length) yield { line, text: stripCr(parts.join('')) };
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}

/** Lines of a UTF-8 (or legacy 8-bit) stream: split bytes, decode each line on its own. */
async function* byteLines(src: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let partLen = 0;
  let skipping = false;
  let line = 1;
  const emit = (): Line => {
    if (skipping) return { line, tooLarge: true };
    let b = parts.length === 1 ? parts[0]! : Buffer.concat(parts, partLen);
    if (line === 1 && b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
    return { line, text: stripCr(decodeUtf8OrLegacy(b)) };
  };
  for await (const chunk of src) {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(10, from);
      const piece = nl < 0 ? chunk.subarray(from) : chunk.subarray(from, nl);
      if (!skipping && piece.length) {
        parts.push(piece);
        partLen += piece.length;
        if (partLen > maxBytes) { skipping = true; parts = []; partLen = 0; }
      }
      if (nl < 0) break;
      yield emit();
      parts = [];
      partLen = 0;
      skipping = false;
      line++;
      from = nl + 1;
    }
  }
  if (skipping || partLen > 0) yield emit();
}

/** Lines of a byte stream in the given encoding, 1-based, with `\r\n` handled. */
export function splitLines(src: AsyncIterable<Buffer>, encoding: Encoding, maxBytes: number): AsyncGenerator<Line> {
  return encoding === 'utf-8' ? byteLines(src, maxBytes) : utf16Lines(src, encoding, maxBytes);
}
