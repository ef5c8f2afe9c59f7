/**
 * Hard-wrapped text (lines broken at a fixed width, as in e-mail, wire copy and some scrapes)
 * is joined back into logical lines before the chrome rules see it, so that a paragraph's last
 * short line is not mistaken for a label. A wrap newline becomes a space (mapped to the newline).
 *
 * - In a text whose lines mostly reach the same width, a line that reaches near that width is
 *   joined with the next non-empty line.
 * - Elsewhere, a line that stops mid-sentence is joined with a next line that continues in lower
 *   case.
 */
import { lineRanges, mappedBuilder, type Mapped } from './mapped.ts';
import { endsLikeSentence, LIST_ITEM } from './line-features.ts';

/** The wrap width of a hard-wrapped text, or 0 when its lines do not share one. */
export function wrapWidth(lines: readonly string[]): number {
  const filled = lines.filter((l) => l.length > 0);
  const widths = filled.map((l) => l.length).sort((a, b) => a - b);
  if (widths.length < 5) return 0;
  const w = widths[Math.floor(widths.length * 0.9)]!;
  if (w < 40 || w > 120) return 0;
  const near = filled.filter((l) => l.length >= w * 0.75 && l.length <= w + 2);
  if (near.length / widths.length < 0.5) return 0;
  // Wrapped lines mostly stop mid-sentence; one sentence per line is not wrapping.
  const sentenceEnds = near.filter((l) => endsLikeSentence(l)).length;
  return sentenceEnds / near.length < 0.5 ? w : 0;
}

function joins(line: string, next: string, width: number): boolean {
  if (!line || !next || LIST_ITEM.test(next)) return false;
  if (width) return line.length >= width * 0.75 && line.length <= width + 2;
  return line.length >= 30 && !endsLikeSentence(line) && !/[:;]$/.test(line) && /^[\p{Ll}\d(,]/u.test(next);
}

export function unwrapLines(m: Mapped): Mapped {
  const ranges = lineRanges(m.s);
  if (ranges.length < 2) return m;
  const lines = ranges.map((r) => m.s.slice(r.start, r.end));
  const width = wrapWidth(lines);
  let any = false;
  const join = lines.map((l, i) => {
    const j = i + 1 < lines.length && joins(l, lines[i + 1]!, width);
    any ||= j;
    return j;
  });
  if (!any) return m;
  const b = mappedBuilder(m.s.length);
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i]!;
    b.copy(m, r.start, r.end);
    if (i + 1 < ranges.length) b.put(join[i] ? ' ' : '\n', m.off[r.end]!);
  }
  return b.finish(m.off[m.s.length]!);
}
