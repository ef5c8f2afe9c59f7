/**
 * Readings → EventRecords: codes from the ontology, dates from the dates stage, and one
 * event per (type, source code, target code) in an article with every mention kept.
 */
import type { Doc } from '../doc.ts';
import type { EventMention, EventParty, EventRecord } from '../extraction.ts';
import { eventDate } from '../dates/event-date.ts';
import type { DocContext } from './context.ts';
import type { Reading } from './match.ts';
import type { Ontology } from './ontology.ts';

function party(ctx: DocContext, m: number): EventParty {
  const a = ctx.mentionActor[m];
  // virtual mentions (a quote's "we") lie beyond doc.actorMentions: name them by their actor
  const [ta, tb] = ctx.mentionTokens[m]!;
  const t = ctx.doc.tokens;
  return {
    name: a?.name ?? ctx.doc.text.slice(t.start[ta]!, t.end[tb - 1]!),
    country: ctx.mentionCode[m] ?? null,
    sector: a?.sector ?? null,
    actor: a?.id ?? null,
  };
}

/** Turn one reading into an event record (not merged yet). */
export function toRecord(ctx: DocContext, onto: Ontology, r: Reading): EventRecord {
  const doc = ctx.doc;
  const t = doc.tokens;
  const sent = doc.sentences[r.sentence]!;
  const p = r.pattern;
  const code = onto.code(p.type, p.mode);
  const triggerAt = t.start[r.trigger]!;
  let d = eventDate(doc, sent, { triggerAt });
  // "will press charges on April 1": the threat is made now; the announced act's date is not its date
  if (r.announced && d.future) d = { date: doc.meta.published, date_text: null, precision: 'day', background: false, future: false };
  const lastTok = Math.max(r.trigger, Math.min(r.frameEnd, ctx.sentenceTokens[r.sentence]![1]) - 1);
  return {
    type: p.type,
    mode: p.mode,
    cameo: code.cameo,
    intensity: code.intensity,
    quad: code.quad,
    source: party(ctx, r.source),
    target: party(ctx, r.target),
    date: d.date,
    date_text: d.date_text,
    sentence: doc.text.slice(sent.start, sent.end),
    span: [sent.start, sent.end],
    trigger: doc.text.slice(triggerAt, Math.max(t.end[r.trigger]!, t.end[lastTok] ?? 0)),
    rule: p.id,
    negated: r.flags.negated,
    hypothetical: r.flags.hypothetical,
    future: r.flags.future || d.future,
    background: r.flags.background || d.background,
    confidence: Math.round(r.confidence * 100) / 100,
  };
}

const SYMMETRIC = new Set(['CONSULT']);

export function eventKey(e: Pick<EventRecord, 'type' | 'source' | 'target'>): string {
  let a = e.source.country ?? '';
  let b = e.target.country ?? '';
  if (SYMMETRIC.has(e.type) && a > b) [a, b] = [b, a];
  return `${e.type}|${a}|${b}`;
}

function isFactual(e: EventRecord): boolean {
  return !e.negated && !e.hypothetical && !e.future && !e.background;
}

/**
 * One event per (type, source, target): the first factual mention leads (its date is the
 * date of the first report); flagged mentions only lead when no factual one exists.
 */
export function mergeEvents(records: EventRecord[]): EventRecord[] {
  const groups = new Map<string, EventRecord[]>();
  for (const r of records) {
    const k = eventKey(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const out: EventRecord[] = [];
  for (const g of groups.values()) {
    g.sort((x, y) => x.span[0] - y.span[0]);
    const first = g.find(isFactual) ?? g[0]!;
    // the date of the first report: a later mention that states the date ("the July 25 call")
    // dates it better than the publication-date fallback of an undated first mention
    const dated = first.date_text ? first : g.find((e) => e.date_text && isFactual(e) === isFactual(first));
    const lead = dated && dated !== first ? { ...first, date: dated.date, date_text: dated.date_text } : first;
    const mentions: EventMention[] = g.map((e) => ({ sentence: e.sentence, span: e.span, trigger: e.trigger, rule: e.rule }));
    // keep one mention per sentence and rule
    const seen = new Set<string>();
    const uniq = mentions.filter((m) => {
      const k = `${m.span[0]}|${m.rule}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const confidence = Math.max(...g.filter((e) => isFactual(e) === isFactual(lead)).map((e) => e.confidence));
    out.push({ ...lead, confidence, mentions: uniq });
  }
  out.sort((x, y) => x.span[0] - y.span[0]);
  return out;
}

export type { Doc };
