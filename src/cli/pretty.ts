/** A readable, terminal-sized view of one Extraction. */
import type { Extraction } from '../extraction.ts';

export function formatPretty(x: Extraction): string {
  const out: string[] = [];
  out.push(`■ ${x.doc}${x.title ? ` — ${x.title}` : ''}`);
  out.push(`  published ${x.published ?? 'unknown'} · language ${x.language ?? '?'} · ${x.text.length} chars`);
  if (x.actors.length) {
    out.push(`  actors (${x.actors.length}):`);
    for (const a of x.actors) out.push(`    ${a.name} [${a.kind}${a.country ? ` ${a.country}` : ''}${a.sector ? `/${a.sector}` : ''}]${a.role ? ` ${a.role}` : ''} ×${a.mentions.length}`);
  }
  if (x.events.length) {
    out.push(`  events (${x.events.length}):`);
    for (const e of x.events) {
      const flags = [e.negated && 'negated', e.hypothetical && 'hypothetical', e.future && 'future', e.background && 'background'].filter(Boolean);
      out.push(`    ${e.date ?? '????'}  ${e.source.country ?? e.source.name} ${e.type}${e.mode ? `/${e.mode}` : ''} ${e.target.country ?? e.target.name}  (${e.rule}${flags.length ? `; ${flags.join(', ')}` : ''})`);
      out.push(`      “${e.sentence.length > 160 ? e.sentence.slice(0, 157) + '…' : e.sentence}”`);
    }
  }
  for (const e of x.errors) out.push(`  ! ${e.message} [${e.code}]`);
  return out.join('\n') + '\n\n';
}
