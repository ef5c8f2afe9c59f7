/**
 * Plain text → clean text with an offset map: escapes and mojibake repaired, whitespace
 * normalised, chrome lines dropped (see text-chrome.ts), lines joined into paragraphs separated by
 * a blank line. Every character of the result maps back to an offset in the input.
 */
import { lineRanges, mapped, mappedBuilder, type Mapped } from './mapped.ts';
import { repairEscapes } from './escapes.ts';
import { decodeEntities, decodeLayoutEscapes, stripTags } from './entities.ts';
import { repairMojibake } from './mojibake.ts';
import { normalizeWhitespace } from './whitespace.ts';
import { unwrapLines } from './unwrap.ts';
import { classifyLines, gluedHeadlineStart, type ChromeContext, type DropReason } from './text-chrome.ts';
import { isProse } from './line-features.ts';

export interface CleanTextResult {
  text: Mapped;
  byline: string | null;
  published: string | null;
  title: string | null;
  /** Why each normalised line was dropped (null: kept); for debugging and tests. */
  dropped: Array<{ line: string; reason: DropReason }>;
}

/**
 * Markup left in text, escapes, mojibake (twice, for text encoded wrongly two times) and
 * whitespace, offsets kept.
 */
export function repairText(m: Mapped): Mapped {
  const decoded = decodeEntities(stripTags(decodeLayoutEscapes(m)));
  const once = repairMojibake(repairEscapes(decoded));
  const twice = once === decoded ? once : repairMojibake(once);
  return normalizeWhitespace(twice);
}

export interface TextCleanOptions extends Omit<ChromeContext, 'language'> {
  /** Detects the language of the prose lines (for the per-line language check). */
  detectLanguage?: (text: string) => string | null;
}

export function cleanMapped(input: Mapped, opts: TextCleanOptions): CleanTextResult {
  const m = unwrapLines(repairText(input));
  const ranges = lineRanges(m.s);
  const lines = ranges.map((r) => m.s.slice(r.start, r.end));
  // The article's language (from its prose lines), computed only if a line needs checking.
  let language: string | null | undefined;
  const articleLanguage = (): string | null => {
    if (language === undefined) {
      const prose = lines.filter((l) => isProse(l)).join('\n');
      language = prose && opts.detectLanguage ? opts.detectLanguage(prose) : null;
    }
    return language;
  };
  const res = classifyLines(lines, { ...opts, language: opts.detectLanguage ? articleLanguage : null });

  const kept: number[] = [];
  const dropped: CleanTextResult['dropped'] = [];
  res.drop.forEach((d, i) => {
    if (d === null) kept.push(i);
    else if (d !== 'empty') dropped.push({ line: lines[i]!, reason: d });
  });

  const b = mappedBuilder(m.s.length);
  let prev = -1;
  let lastEnd = -1;
  for (let k = 0; k < kept.length; k++) {
    const i = kept[k]!;
    const r = ranges[i]!;
    let end = r.end;
    if (k === kept.length - 1) {
      const cut = gluedHeadlineStart(lines[i]!);
      if (cut > 0) {
        dropped.push({ line: lines[i]!.slice(cut), reason: 'footer' });
        end = r.start + cut;
        while (end > r.start && m.s[end - 1] === ' ') end--;
      }
    }
    if (prev >= 0) b.put('\n\n', m.off[ranges[prev]!.end]!);
    b.copy(m, r.start, end);
    prev = i;
    lastEnd = end;
  }
  const endOff = lastEnd >= 0 ? m.off[lastEnd]! : m.off[m.s.length]!;
  return { text: b.finish(endOff), byline: res.byline, published: res.published, title: res.title, dropped };
}

export function cleanPlainText(raw: string, opts: TextCleanOptions): CleanTextResult {
  return cleanMapped(mapped(raw), opts);
}
