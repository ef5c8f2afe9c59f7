/**
 * Whitespace normalisation with offsets kept: newlines unified (`\r\n`, `\r`, U+2028/2029, NEL →
 * `\n`), zero-width characters and soft hyphens removed, non-breaking and other Unicode spaces and
 * tabs turned into spaces, runs of spaces collapsed, lines trimmed.
 */
import { mappedBuilder, type Mapped } from './mapped.ts';

const enum Kind { Other, Space, Newline, Drop }

function kind(c: number): Kind {
  if (c > 32 && c < 0x85) return Kind.Other;
  if (c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029) return Kind.Newline;
  if (c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000) return Kind.Space;
  if ((c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad) return Kind.Drop;
  return Kind.Other;
}

export function normalizeWhitespace(m: Mapped): Mapped {
  const b = mappedBuilder(m.s.length);
  const s = m.s;
  let pendingSpace = -1; // source offset of a space not yet written
  let lineStart = true;
  let runStart = -1; // start of a run of ordinary characters not yet copied
  const flush = (i: number): void => {
    if (runStart >= 0) b.copy(m, runStart, i);
    runStart = -1;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A single plain space between two ordinary characters stays as it is (the common case).
    if (c === 32 && runStart >= 0 && i + 1 < s.length && kind(s.charCodeAt(i + 1)) === Kind.Other) continue;
    const k = kind(c);
    if (k === Kind.Other) {
      if (runStart < 0) {
        if (pendingSpace >= 0) b.put(' ', pendingSpace);
        pendingSpace = -1;
        runStart = i;
      }
      lineStart = false;
      continue;
    }
    flush(i);
    if (k === Kind.Newline) {
      if (c === 13 && s.charCodeAt(i + 1) === 10) continue; // the \n that follows writes the newline
      pendingSpace = -1;
      b.put('\n', m.off[i]!);
      lineStart = true;
    } else if (k === Kind.Space) {
      if (!lineStart && pendingSpace < 0) pendingSpace = m.off[i]!;
    }
  }
  flush(s.length);
  return b.finish(m.off[s.length]!);
}
