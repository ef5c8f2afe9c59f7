/**
 * Whitespace normalisation with offsets kept: newlines unified (`\r\n`, `\r`, U+2028/2029 → `\n`),
 * zero-width characters and soft hyphens removed, non-breaking and other Unicode spaces and tabs
 * turned into spaces, runs of spaces collapsed, lines trimmed.
 */
import { mappedBuilder, type Mapped } from './mapped.ts';

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;
const SPACE = /[ \t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
const NEWLINE = /[\n\r\u2028\u2029\u0085]/;

export function normalizeWhitespace(m: Mapped): Mapped {
  const b = mappedBuilder();
  const s = m.s;
  let pendingSpace = -1; // source offset of a space not yet written
  let lineStart = true;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (NEWLINE.test(ch)) {
      if (ch === '\r' && s[i + 1] === '\n') continue; // the \n that follows writes the newline
      pendingSpace = -1;
      b.put('\n', m.off[i]!);
      lineStart = true;
      continue;
    }
    if (ZERO_WIDTH.test(ch)) continue;
    if (SPACE.test(ch)) {
      if (!lineStart && pendingSpace < 0) pendingSpace = m.off[i]!;
      continue;
    }
    if (pendingSpace >= 0) {
      b.put(' ', pendingSpace);
      pendingSpace = -1;
    }
    b.copy(m, i, i + 1);
    lineStart = false;
  }
  return b.finish(m.off[s.length]!);
}
