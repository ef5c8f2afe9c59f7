/**
 * Offset-tracking strings: every transformation of the text keeps, for each output character,
 * the offset in the original input it came from, so the final clean text maps back to `doc.raw`.
 *
 * A `Mapped` is a string `s` with `off` (length `s.length + 1`): `off[i]` is the source offset of
 * `s[i]`, and `off[s.length]` is the source offset just past the end.
 */
export interface Mapped {
  s: string;
  off: Int32Array;
}

/** Identity map over a string. */
export function mapped(s: string): Mapped {
  const off = new Int32Array(s.length + 1);
  for (let i = 0; i <= s.length; i++) off[i] = i;
  return { s, off };
}

/** Builds a new Mapped text piece by piece; `end` is the source offset past the last piece. */
export interface MappedBuilder {
  /** Copy `src.s.slice(start, end)` with its offsets. */
  copy(src: Mapped, start: number, end: number): void;
  /** Append `text`; every character maps to `srcOffset` (a replacement for some source range). */
  put(text: string, srcOffset: number): void;
  length(): number;
  /** Last character appended, or '' when empty. */
  last(): string;
  finish(endOffset: number): Mapped;
}

export function mappedBuilder(sizeHint = 64): MappedBuilder {
  const parts: string[] = [];
  let offs = new Int32Array(Math.max(16, sizeHint + 1));
  let n = 0;
  let lastChar = '';
  const reserve = (k: number): void => {
    if (n + k + 1 <= offs.length) return;
    let cap = offs.length * 2;
    while (cap < n + k + 1) cap *= 2;
    const next = new Int32Array(cap);
    next.set(offs.subarray(0, n));
    offs = next;
  };
  return {
    copy(src, start, end) {
      if (end <= start) return;
      parts.push(src.s.slice(start, end));
      reserve(end - start);
      offs.set(src.off.subarray(start, end), n);
      n += end - start;
      lastChar = src.s[end - 1]!;
    },
    put(text, srcOffset) {
      if (!text) return;
      parts.push(text);
      reserve(text.length);
      offs.fill(srcOffset, n, n + text.length);
      n += text.length;
      lastChar = text[text.length - 1]!;
    },
    length: () => n,
    last: () => lastChar,
    finish(endOffset) {
      const s = parts.join('');
      reserve(0);
      const off = offs.slice(0, n + 1);
      off[n] = endOffset;
      return { s, off };
    },
  };
}

/** The slice `[start, end)` of a Mapped, offsets kept. */
export function sliceMapped(m: Mapped, start: number, end: number): Mapped {
  const off = new Int32Array(end - start + 1);
  off.set(m.off.subarray(start, end + 1));
  return { s: m.s.slice(start, end), off };
}

/**
 * Replace every match of `pattern` with `replace(match)`; replaced text maps to the
 * source offset of the match start. Unmatched text keeps its offsets.
 */
export function replaceMapped(m: Mapped, pattern: RegExp, replace: (match: RegExpExecArray) => string): Mapped {
  // A private copy: the caller's (often module-level) pattern keeps no lastIndex state.
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let match = re.exec(m.s);
  if (!match) return m;
  const b = mappedBuilder(m.s.length);
  let pos = 0;
  while (match) {
    b.copy(m, pos, match.index);
    b.put(replace(match), m.off[match.index]!);
    pos = match.index + match[0].length;
    if (match[0].length === 0) re.lastIndex++;
    match = re.exec(m.s);
  }
  b.copy(m, pos, m.s.length);
  return b.finish(m.off[m.s.length]!);
}

/** A line of a Mapped text: `[start, end)` without its newline. */
export interface LineRange {
  start: number;
  end: number;
}

export function lineRanges(s: string): LineRange[] {
  const out: LineRange[] = [];
  let start = 0;
  for (;;) {
    const nl = s.indexOf('\n', start);
    if (nl < 0) {
      out.push({ start, end: s.length });
      return out;
    }
    out.push({ start, end: nl });
    start = nl + 1;
  }
}
