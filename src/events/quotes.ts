/**
 * Quotes and their speakers: "We thank the Afghan government," the envoy said. First-person
 * pronouns inside a quote (we, I, our, us, my, me) get a virtual actor mention of the speaker,
 * so frames inside the quote find their source. Speakers come from the attribution right after
 * the closing quote (", X said" / ", said X") or right before the opening one ("X said: …").
 */
import type { DocContext } from './context.ts';
import { codable, findSubject } from './args.ts';

const OPEN = new Set(['“', '«']);
const CLOSE = new Set(['”', '»']);
const FIRST_PERSON = new Set(['we', 'i', 'us', 'our', 'my', 'me', 'ourselves']);

/** [open token, close token] pairs of quotes, per paragraph. */
export function quoteSpans(ctx: DocContext): Array<[number, number]> {
  const t = ctx.doc.tokens;
  const text = ctx.doc.text;
  const out: Array<[number, number]> = [];
  let open = -1;
  for (let k = 0; k < t.lower.length; k++) {
    if (k > 0 && text.slice(t.end[k - 1]!, t.start[k]!).includes('\n\n')) open = -1;
    const w = t.lower[k]!;
    if (OPEN.has(w) || (w === '"' && open < 0)) open = k;
    else if ((CLOSE.has(w) || w === '"') && open >= 0) {
      out.push([open, k]);
      open = -1;
    }
  }
  return out;
}

function speakerAfter(ctx: DocContext, qb: number): number[] {
  const t = ctx.doc.tokens;
  const s = t.sentence[qb]!;
  const end = Math.min(t.lower.length, qb + 9);
  let verb = -1;
  for (let k = qb + 1; k < end && t.sentence[k] === s; k++) {
    if (t.pos[k] === 'VERB' && ctx.lex.speechVerbs.has(ctx.lemma[k]!)) {
      verb = k;
      break;
    }
  }
  if (verb < 0) return [];
  // ", Crowley said" (a phrase after a preposition, "by the IAEA", is no speaker)
  const before = codable(ctx, mentions(ctx, qb + 1, verb)).filter((m) => {
    let p = ctx.mentionTokens[m]![0] - 1;
    while (p > qb && (t.pos[p] === 'DET' || t.pos[p] === 'ADJ')) p--;
    return t.pos[p] !== 'ADP';
  });
  if (before.length) return before.slice(-1);
  const after: number[] = [];
  for (let k = verb + 1; k < end + 6 && k < t.lower.length && t.sentence[k] === s; k++) {
    const m = ctx.mentionAt[k]!;
    if (m >= 0) after.push(m);
    else if (t.lower[k] === ',' || t.lower[k] === '.') break;
  }
  return codable(ctx, after);
}

function speakerBefore(ctx: DocContext, qa: number): number[] {
  const t = ctx.doc.tokens;
  const s = t.sentence[qa]!;
  for (let k = qa - 1; k >= Math.max(0, qa - 4) && t.sentence[k] === s; k--) {
    if (t.pos[k] === 'VERB' && ctx.lex.speechVerbs.has(ctx.lemma[k]!)) {
      let s0 = k;
      while (s0 > 0 && t.sentence[s0 - 1] === s) s0--;
      return findSubject(ctx, k, s0).mentions;
    }
  }
  return [];
}

function mentions(ctx: DocContext, a: number, b: number): number[] {
  const out: number[] = [];
  for (let k = a; k < b; k++) {
    const m = ctx.mentionAt[k]!;
    if (m >= 0 && !out.includes(m)) out.push(m);
  }
  return out;
}

/** Give first-person pronouns inside attributed quotes a virtual mention of the speaker. */
export function addQuoteSpeakers(ctx: DocContext): void {
  const t = ctx.doc.tokens;
  const text = ctx.doc.text;
  // a quote with no attribution that follows an attributed one in the same paragraph continues it
  let last: number[] = [];
  let lastEnd = -1;
  for (const [qa, qb] of quoteSpans(ctx)) {
    if (lastEnd >= 0 && text.slice(t.end[lastEnd]!, t.start[qa]!).includes('\n')) last = [];
    const sp = speakerAfter(ctx, qb);
    let speaker = sp.length ? sp : speakerBefore(ctx, qa);
    if (!speaker.length) speaker = last;
    last = speaker;
    lastEnd = qb;
    let firstPerson = false;
    for (let k = qa + 1; k < qb; k++) if (FIRST_PERSON.has(t.lower[k]!) && ctx.mentionAt[k]! < 0) firstPerson = true;
    if (!firstPerson || !speaker.length) continue;
    const m0 = speaker[0]!;
    for (let k = qa + 1; k < qb; k++) {
      if (!FIRST_PERSON.has(t.lower[k]!) || ctx.mentionAt[k]! >= 0) continue;
      const v = ctx.mentionTokens.length;
      ctx.mentionTokens.push([k, k + 1]);
      ctx.mentionActor.push(ctx.mentionActor[m0] ?? null);
      ctx.mentionCode.push(ctx.mentionCode[m0] ?? null);
      ctx.mentionLocative.push(null);
      ctx.mentionAt[k] = v;
    }
  }
}

/**
 * "Hahn said … He urged Lebanon to …": a 'he'/'she' the actor stage left unlinked, outside
 * quotes, gets a virtual mention of the one person named in it and the three sentences before
 * (no link when two or more persons are named there).
 */
export function addPronounLinks(ctx: DocContext): void {
  const t = ctx.doc.tokens;
  const inQuote = new Uint8Array(t.lower.length);
  for (const [qa, qb] of quoteSpans(ctx)) for (let k = qa; k <= qb; k++) inQuote[k] = 1;
  const n = ctx.doc.actorMentions.length;
  for (let k = 0; k < t.lower.length; k++) {
    const w = t.lower[k]!;
    if ((w !== 'he' && w !== 'she') || ctx.mentionAt[k]! >= 0 || inQuote[k]) continue;
    const s = t.sentence[k]!;
    // "he told Blinken": he is not a person named later in the same sentence
    const later = new Set<string>();
    for (let q = k + 1; q < t.lower.length && t.sentence[q] === s; q++) {
      const m = ctx.mentionAt[q]!;
      if (m >= 0 && m < n && ctx.mentionActor[m]) later.add(ctx.mentionActor[m]!.id);
    }
    let person = -1;
    let ambiguous = false;
    for (let q = k - 1; q >= 0 && t.sentence[q]! >= s - 3; q--) {
      const m = ctx.mentionAt[q]!;
      if (m < 0 || m >= n || ctx.mentionActor[m]?.kind !== 'person' || !ctx.mentionCode[m] || later.has(ctx.mentionActor[m]!.id)) continue;
      if (person >= 0 && ctx.mentionActor[m]!.id !== ctx.mentionActor[person]!.id) ambiguous = true;
      if (person < 0) person = m;
    }
    if (person < 0 || ambiguous) continue;
    const v = ctx.mentionTokens.length;
    ctx.mentionTokens.push([k, k + 1]);
    ctx.mentionActor.push(ctx.mentionActor[person] ?? null);
    ctx.mentionCode.push(ctx.mentionCode[person] ?? null);
    ctx.mentionLocative.push(null);
    ctx.mentionAt[k] = v;
  }
}
