/**
 * `parley explain` report: per sentence, the tokens with their POS tags, the actor mentions,
 * the dates, and every rule that fired or nearly fired (with the reason it did not).
 * The matcher records diagnostics only when given a trace array, so extraction pays nothing.
 */
import type { Doc } from '../doc.ts';
import { findReadings, type Diagnostic } from './index.ts';
import type { PatternSet } from './patterns.ts';

export interface SentenceReport {
  index: number;
  text: string;
  tokens: string;
  actors: Array<{ text: string; label: string; code: string | null; locative: string | null }>;
  dates: Array<{ text: string; value: string }>;
  rules: Diagnostic[];
}

/** Build the report for every sentence, or only sentence `only` (0-based). */
export function explainDoc(doc: Doc, ps: PatternSet, only?: number): SentenceReport[] {
  const trace: Diagnostic[] = [];
  const { ctx } = findReadings(doc, ps, trace, only);
  const t = doc.tokens;
  const out: SentenceReport[] = [];
  doc.sentences.forEach((sp, s) => {
    if (only !== undefined && s !== only) return;
    const [a, b] = ctx.sentenceTokens[s]!;
    const toks: string[] = [];
    for (let i = a; i < b; i++) toks.push(`${doc.text.slice(t.start[i]!, t.end[i]!)}/${t.pos[i]}${t.negated[i] ? '/NEG' : ''}`);
    const actors: SentenceReport['actors'] = [];
    doc.actorMentions.forEach((m, mi) => {
      if (m.start >= sp.start && m.end <= sp.end) actors.push({ text: doc.text.slice(m.start, m.end), label: m.label, code: ctx.mentionCode[mi] ?? null, locative: ctx.mentionLocative[mi] ?? null });
    });
    const dates = doc.dates.filter((d) => d.start >= sp.start && d.end <= sp.end).map((d) => ({ text: doc.text.slice(d.start, d.end), value: d.value }));
    out.push({ index: s, text: doc.text.slice(sp.start, sp.end), tokens: toks.join(' '), actors, dates, rules: trace.filter((d) => d.sentence === s) });
  });
  return out;
}

/** Plain-text rendering; sentences with no actor and no rule are skipped unless `verbose`. */
export function formatExplain(reports: SentenceReport[], verbose = false): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (!verbose && !r.actors.length && !r.rules.length) continue;
    lines.push(`[${r.index}] ${r.text}`);
    lines.push(`  tokens: ${r.tokens}`);
    if (r.actors.length) lines.push(`  actors: ${r.actors.map((a) => `${a.text}=${a.code ?? '?'} (${a.label}${a.locative ? `, place after '${a.locative}'` : ''})`).join('; ')}`);
    if (r.dates.length) lines.push(`  dates:  ${r.dates.map((d) => `${d.text}=${d.value}`).join('; ')}`);
    for (const d of r.rules) lines.push(`  ${d.outcome === 'fired' ? 'FIRED' : 'near '} ${d.rule} @'${d.trigger}': ${d.reason}`);
    lines.push('');
  }
  return lines.join('\n');
}
