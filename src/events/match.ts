/**
 * The matcher: for each token, look up the patterns its lemma or surface form triggers (one
 * Map lookup), check the pattern's frame (following words, object, preposition), find source
 * and target actors, and return readings. With a trace array it also records why a pattern
 * that was triggered did not fire (for `parley explain`).
 */
import type { Pattern, PatternSet } from './patterns.ts';
import { chunkLeft, chunkRight, isNpToken, isPossessive, type Chunk, type DocContext } from './context.ts';
import { chunkActors, codable, findAgent, findSubject, groupRight, type Subject } from './args.ts';
import { readingFlags, type Flags } from './flags.ts';
import { speechReadings, type SpeechPatterns } from './speech.ts';

export interface Reading {
  pattern: Pattern;
  sentence: number;
  /** trigger token and the last token of the frame (exclusive) */
  trigger: number;
  frameEnd: number;
  source: number;
  target: number;
  flags: Flags;
  confidence: number;
  /** how the arguments were found, for explain */
  how: string[];
  /** a threat or intent read from an announced act: its date is the announcement's, not the act's */
  announced?: boolean;
  /** token whose flags the reading takes (a summit noun's participants come from the clause verb) */
  flagsAt?: number;
}

export interface Diagnostic {
  sentence: number;
  rule: string;
  trigger: string;
  token: number;
  outcome: 'fired' | 'near';
  reason: string;
}

const FILLER_POS = new Set(['DET', 'ADJ', 'ADV', 'NUM', 'PROPN', 'PRON', 'NOUN']);
const SKIP_ADP = new Set(['with', 'to', 'on', 'for']);

function matchesWord(ctx: DocContext, k: number, alts: string[]): boolean {
  return alts.includes(ctx.lemma[k]!) || alts.includes(ctx.doc.tokens.lower[k]!);
}

/** Token after the words in `then` (up to 5 fillers apart each), or -1. */
function matchThen(ctx: DocContext, p: Pattern, i: number, s1: number): number {
  let cur = i + 1;
  for (const alts of p.then2 ?? []) {
    let k = cur;
    let fill = 0;
    while (k < s1 && !matchesWord(ctx, k, alts)) {
      if (!FILLER_POS.has(ctx.doc.tokens.pos[k]!) && ctx.mentionAt[k]! < 0 && ctx.doc.tokens.lower[k] !== 'of') return -1;
      if (++fill > 5) return -1;
      k++;
    }
    if (k >= s1) return -1;
    cur = k + 1;
  }
  return cur;
}

function isPassive(ctx: DocContext, i: number, s0: number): boolean {
  const t = ctx.doc.tokens;
  if (t.pos[i] !== 'VERB') return false;
  const w = t.lower[i]!;
  if (w.endsWith('ing')) return false;
  for (let k = i - 1, n = 0; k >= s0 && n < 3; k--, n++) {
    if (t.pos[k] === 'ADV' || t.lower[k] === 'not') continue;
    return (t.pos[k] === 'AUX' || t.pos[k] === 'VERB') && (ctx.lemma[k] === 'be' || ctx.lemma[k] === 'get') && t.lower[k] !== 'being' || (t.lower[k] === 'been');
  }
  return false;
}

interface Targets {
  mentions: number[];
  end: number;
  why?: string;
  viaModifier?: boolean;
}

function targetsOfGroup(ctx: DocContext, g: Chunk[], allowModifier: boolean, allowLocative: string[] | null): Targets {
  const ms: number[] = [];
  let viaModifier = false;
  for (const c of g) {
    const r = chunkActors(ctx, c, allowModifier);
    for (const m of r.mentions) {
      const loc = ctx.mentionLocative[m];
      if (loc && !(allowLocative && allowLocative.includes(loc))) continue;
      ms.push(m);
    }
    viaModifier ||= r.viaModifier;
  }
  const end = g.length ? g[g.length - 1]!.end : -1;
  return { mentions: ms, end, viaModifier };
}

/**
 * Actors that open a clause at k ("Erdogan force …", "the Chinese government should …",
 * "Britain, France and Germany should …"): mentions (with their role nouns) followed by a verb,
 * not by a possessive or another noun.
 */
export function clauseSubjectAt(ctx: DocContext, k: number, s1: number): number[] {
  return clauseSubjectSpan(ctx, k, s1).mentions;
}

/** clauseSubjectAt with the token after the subject phrase. */
export function clauseSubjectSpan(ctx: DocContext, k: number, s1: number): { mentions: number[]; next: number } {
  const none = { mentions: [], next: -1 };
  const t = ctx.doc.tokens;
  const out: number[] = [];
  let q = k;
  for (;;) {
    let skip = 0;
    while (q < s1 && skip < 3 && ctx.mentionAt[q]! < 0 && (t.pos[q] === 'DET' || t.pos[q] === 'ADJ')) {
      q++;
      skip++;
    }
    const m = q < s1 ? ctx.mentionAt[q]! : -1;
    if (m < 0) return none;
    let e = ctx.mentionTokens[m]![1];
    while (e < s1 && ctx.mentionAt[e] === m) e++;
    while (e < s1 && ctx.mentionAt[e]! < 0 && ctx.lex.roleNouns.has(t.lower[e]!)) e++;
    if (ctx.mentionCode[m]) out.push(m);
    if (e >= s1) return none;
    const w = t.lower[e]!;
    if (w === ',' || ctx.lex.coordinators.has(w)) {
      q = e + 1;
      if (q < s1 && ctx.lex.coordinators.has(t.lower[q]!)) q++;
      // "and other European allies": a trailing phrase without an actor ends the list
      if (q < s1 && ctx.mentionAt[q]! < 0) {
        const c = chunkRight(ctx, q, s1);
        if (c && !c.mentions.length) {
          q = c.end;
          if (q < s1 && (t.pos[q] === 'VERB' || t.pos[q] === 'AUX' || t.pos[q] === 'PART')) return { mentions: out, next: q };
          return none;
        }
      }
      continue;
    }
    if (isPossessive(w) || t.pos[e] === 'PROPN' || t.pos[e] === 'ADP' || w === '.') return none;
    return { mentions: out, next: e };
  }
}

/**
 * "The Pentagon rejected these accusations": the accusers of the source named in the three
 * sentences before (an object like "these accusations" that names no actor itself).
 */
function antecedentTargets(ctx: DocContext, p: Pattern, from: number, s1: number, s: number, sources: number[]): Targets {
  const t = ctx.doc.tokens;
  const c = chunkRight(ctx, from, s1);
  if (!c || c.mentions.length) return { mentions: [], end: -1, why: 'the object names its own actor' };
  const head = ctx.lemma[c.head]!;
  if (!(p.objectHeadIn?.includes(head) || p.objectHeadIn?.includes(t.lower[c.head]!))) return { mentions: [], end: -1, why: `object head '${t.lower[c.head]}' is not one of the pattern's heads` };
  const det = t.lower[c.start]!;
  if (!['these', 'the', 'those', 'such', 'this', 'that'].includes(det)) return { mentions: [], end: -1, why: 'the object does not point back' };
  const codes = new Set(sources.map((m) => ctx.mentionCode[m]));
  const ms = ctx.accusations.filter((a) => a.sentence >= s - 3 && a.sentence < s && codes.has(a.targetCode)).map((a) => a.source);
  return ms.length ? { mentions: ms, end: c.end } : { mentions: [], end: -1, why: 'no accusation against the source in the sentences before' };
}

/** "the demand of Russia", "calls from Washington", "the move announced by X": the actor behind a thing. */
function ofOrAgent(ctx: DocContext, q: number, s1: number): Targets {
  const t = ctx.doc.tokens;
  if (q < s1 && ['of', 'from', 'by'].includes(t.lower[q]!)) return targetsOfGroup(ctx, groupRight(ctx, q + 1, s1), true, null);
  if (q < s1 && t.pos[q] === 'VERB' && /(ed|en|wn|de)$/.test(t.lower[q]!)) {
    const ag = findAgent(ctx, q + 1, s1, 8);
    if (ag.length) return { mentions: ag, end: q + 1, viaModifier: true };
  }
  return { mentions: [], end: -1 };
}

/** Find the target(s) of a verb pattern after `from` (the token after the trigger and its `then` words). */
function verbTargets(ctx: DocContext, p: Pattern, from: number, s1: number): Targets {
  const t = ctx.doc.tokens;
  let k = from;
  while (k < s1 && t.pos[k] === 'ADV' && ctx.mentionAt[k]! < 0) k++;
  if (p.skipVerb && k < s1 && t.pos[k] === 'VERB') {
    k++;
    if (k < s1 && t.pos[k] === 'ADP' && SKIP_ADP.has(t.lower[k]!)) k++;
  }
  const preps = p.prep ?? [];
  const atPrep = (q: number) => q < s1 && preps.includes(t.lower[q]!) && (t.pos[q] === 'ADP' || t.pos[q] === 'PART' || t.pos[q] === 'SCONJ' || t.pos[q] === 'ADV');
  const allowMod = Boolean(p.objectPossessor);
  if (p.target === 'prep' || (p.target === 'object-or-prep' && atPrep(k))) {
    if (!atPrep(k)) return { mentions: [], end: -1, why: `no '${preps.join('/')}' after the trigger` };
    const g = groupRight(ctx, k + 1, s1);
    let r = targetsOfGroup(ctx, g, true, [t.lower[k]!]);
    if (!r.mentions.length && p.objectPossessor && g.length) r = ofOrAgent(ctx, g[g.length - 1]!.end, s1);
    return r.mentions.length ? r : { ...r, why: `no codable actor after '${t.lower[k]}'` };
  }
  if (p.complement && k + 1 < s1 && t.lower[k] === 'that') {
    // "demanded that Erdogan withdraw …": the subject of the that-clause
    const r = clauseSubjectAt(ctx, k + 1, s1);
    if (r.length) return { mentions: r, end: k + 2 };
    return { mentions: [], end: -1, why: "the that-clause's subject names no actor" };
  }
  if (p.target === 'object' || p.target === 'object-or-prep') {
    if (p.notAfter && k < s1 && p.notAfter.includes(t.lower[k]!)) return { mentions: [], end: -1, why: `'${t.lower[k]}' follows the trigger` };
    if (t.lower[k] === 'what' && allowMod) {
      // "condemned what it called aggression by the United States": the first actor of the free relative
      for (let q = k + 1; q < Math.min(s1, k + 12); q++) {
        const w = t.lower[q]!;
        if (w === ',' || w === ';') break;
        const m = ctx.mentionAt[q]!;
        if (m >= 0 && ctx.mentionCode[m] && !ctx.mentionLocative[m] && t.pos[q - 1] !== 'PRON') return { mentions: [m], end: q + 1, viaModifier: true };
      }
    }
    const g = groupRight(ctx, k, s1);
    if (!g.length) return { mentions: [], end: -1, why: 'no object phrase after the trigger' };
    const head = g[0]!;
    const headOk = p.objectHeadIn ? p.objectHeadIn.includes(ctx.lemma[head.head]!) || p.objectHeadIn.includes(t.lower[head.head]!) : false;
    let r = targetsOfGroup(ctx, g, allowMod || headOk, null);
    if (p.objectHeadIn && !headOk && !r.mentions.length) return { mentions: [], end: -1, why: `object head '${t.lower[head.head]}' is not one of the pattern's heads` };
    if (!r.mentions.length && (headOk || allowMod)) r = ofOrAgent(ctx, g[g.length - 1]!.end, s1);
    if (!r.mentions.length) return { mentions: [], end: -1, why: 'object names no codable actor (or only as a modifier)' };
    if (p.afterNot && r.end < s1 && p.afterNot.includes(t.lower[r.end]!)) return { mentions: [], end: -1, why: `object followed by '${t.lower[r.end]}'` };
    if (p.after) {
      const e = r.end;
      const alts = p.after.split('|');
      if (!(e < s1 && alts.includes(t.lower[e]!))) return { mentions: [], end: -1, why: `object not followed by '${p.after}'` };
    }
    return r;
  }
  if (p.target === 'object-then-prep') {
    const c = chunkRight(ctx, k, s1);
    if (!c) return { mentions: [], end: -1, why: 'no object phrase after the trigger' };
    if (p.objectHeadIn && !(p.objectHeadIn.includes(ctx.lemma[c.head]!) || p.objectHeadIn.includes(t.lower[c.head]!))) {
      return { mentions: [], end: -1, why: `object head '${t.lower[c.head]}' is not one of the pattern's heads` };
    }
    let q = c.end;
    // "aid worth $5bn to", "sanctions against 28 officials": allow a short gap
    let gap = 0;
    while (q < s1 && !atPrep(q) && gap < 4 && (isNpToken(ctx, q) || t.lower[q] === 'of' || t.lower[q] === 'worth' || t.pos[q] === 'ADV') && ctx.mentionAt[q]! < 0) {
      q++;
      gap++;
    }
    if (!atPrep(q)) return { mentions: [], end: -1, why: `no '${preps.join('/')}' after the object` };
    const g = groupRight(ctx, q + 1, s1);
    const r = targetsOfGroup(ctx, g, true, [t.lower[q]!]);
    return r.mentions.length ? r : { ...r, why: `no codable actor after '${t.lower[q]}'` };
  }
  return { mentions: [], end: -1, why: 'pattern has no target slot' };
}

/** Source mentions of a nominal trigger: possessor or modifier ("Russia's", "US"), "by S", "of S". */
function nounSources(ctx: DocContext, i: number, s0: number, s1: number): { mentions: number[]; zoneStart: number; how: string } {
  const t = ctx.doc.tokens;
  const zone = chunkLeft(ctx, i, s0);
  const zs = zone ? zone.start : i;
  const ms = codable(ctx, zone ? zone.mentions : []).filter((m) => !ctx.mentionLocative[m]);
  if (ms.length) return { mentions: ms, zoneStart: zs, how: 'source: possessor or modifier of the noun' };
  const by = findAgent(ctx, i + 1, s1, 4);
  if (by.length) return { mentions: by, zoneStart: zs, how: "source: 'by' phrase" };
  if (i + 1 < s1 && t.lower[i + 1] === 'of') {
    const g = groupRight(ctx, i + 2, s1);
    const r = targetsOfGroup(ctx, g, true, null);
    if (r.mentions.length) return { mentions: r.mentions, zoneStart: zs, how: "source: 'of' phrase" };
  }
  return { mentions: [], zoneStart: zs, how: '' };
}

/** Readings of one sentence. */
export function matchSentence(ctx: DocContext, ps: PatternSet, s: number, trace: Diagnostic[] | null, sp?: SpeechPatterns): Reading[] {
  const [s0, s1] = ctx.sentenceTokens[s]!;
  const t = ctx.doc.tokens;
  const out: Reading[] = [];
  const published = ctx.doc.meta.published;
  // a sentence with no codable actor cannot hold an event (one actor can: "rejected these
  // accusations" points back to an earlier sentence)
  let coded = false;
  for (let i = s0; i < s1 && !coded; i++) {
    const m = ctx.mentionAt[i]!;
    if (m >= 0 && ctx.mentionCode[m]) coded = true;
  }
  if (!coded) return out;
  const finish = (r: Reading): boolean => {
    const src = ctx.mentionCode[r.source];
    const tgt = ctx.mentionCode[r.target];
    if (!src || !tgt || src === tgt) {
      if (trace) trace.push({ sentence: s, rule: r.pattern.id, trigger: t.lower[r.trigger]!, token: r.trigger, outcome: 'near', reason: !src || !tgt ? 'source or target has no code' : `source and target are the same code (${src})` });
      return false;
    }
    const fa = r.flagsAt ?? r.trigger;
    r.flags = readingFlags(ctx, fa, Math.max(s0, fa - 10), s0, s1, r.flagsAt !== undefined ? 'verb' : r.pattern.kind, published);
    // "a Chinese attack on Taiwan could lead …": a noun phrase that is the subject of a modal
    if (r.pattern.kind === 'noun' && !r.flags.hypothetical && HYPOTHETICAL_AFTER.has(t.lower[r.frameEnd] ?? '') && t.pos[r.frameEnd] === 'AUX') {
      r.flags.hypothetical = true;
      r.flags.why.push(`hypothetical: '${t.lower[r.frameEnd]}' after the phrase`);
    }
    // "US–Iranian talks had been scheduled for Sunday": a noun phrase whose predicate plans it
    if (r.pattern.kind === 'noun' && !r.flags.future && !r.flags.hypothetical) {
      let q = r.frameEnd;
      // past the rest of the noun phrase ("talks on Iran's nuclear programme")
      while (q < s1 && q < r.frameEnd + 8 && t.pos[q] !== 'AUX' && t.pos[q] !== 'VERB' && (isNpToken(ctx, q) || t.pos[q] === 'ADP' || t.lower[q] === "'s")) q++;
      const q0 = q;
      while (q < s1 && q < q0 + 3 && (t.pos[q] === 'AUX' || ctx.lemma[q] === 'be' || ctx.lemma[q] === 'have')) q++;
      if (q > q0 && q < s1 && (ctx.lex.futureModifiers.has(t.lower[q]!) || ctx.lemma[q] === 'schedule' || ctx.lemma[q] === 'due')) {
        r.flags.future = true;
        r.flags.why.push(`future: '${t.lower[q]}' after the phrase`);
      }
    }
    if (trace) {
      const fl = r.flags.why.length ? ` [${r.flags.why.join(', ')}]` : '';
      trace.push({ sentence: s, rule: r.pattern.id, trigger: t.lower[r.trigger]!, token: r.trigger, outcome: 'fired', reason: `${src} → ${tgt} (${r.how.join('; ')})${fl} conf ${r.confidence.toFixed(2)}` });
    }
    out.push(r);
    if (r.pattern.type === 'ACCUSE' && !r.flags.negated && !r.flags.hypothetical) ctx.accusations.push({ sentence: s, source: r.source, targetCode: tgt });
    // "will impose sanctions on T", "vowed to expel T's troops": an announced act is a threat
    if (sp && (THREATENING.has(r.pattern.type) || r.pattern.mode === 'sue') && r.flags.threat && !r.flags.negated && !r.flags.background) {
      const pat = sp.threat[r.pattern.type]!;
      const th: Reading = { ...r, announced: true, pattern: pat, flags: { ...r.flags, future: false, hypothetical: false, why: [] }, confidence: r.confidence * pat.confidence, how: [...r.how, `announced ${r.pattern.type.toLowerCase()}`] };
      if (trace) trace.push({ sentence: s, rule: th.pattern.id, trigger: t.lower[r.trigger]!, token: r.trigger, outcome: 'fired', reason: `${src} → ${tgt} (announced ${r.pattern.type}) conf ${th.confidence.toFixed(2)}` });
      out.push(th);
    }
    return true;
  };
  for (let i = s0; i < s1; i++) {
    const cand1 = ps.byTrigger.get(ctx.lemma[i]!);
    const cand2 = t.lower[i] !== ctx.lemma[i] ? ps.byTrigger.get(t.lower[i]!) : undefined;
    if (!cand1 && !cand2) continue;
    const cands = cand2 ? [...new Set([...(cand1 ?? []), ...cand2])] : cand1!;
    for (const p of cands) {
      const near = (reason: string) => {
        if (trace) trace.push({ sentence: s, rule: p.id, trigger: t.lower[i]!, token: i, outcome: 'near', reason });
      };
      const pos = t.pos[i]!;
      const allowed: readonly string[] = p.pos ?? (p.kind === 'verb' ? ['VERB'] : ['NOUN', 'PROPN']);
      if (!allowed.includes(pos)) continue; // another part of speech: not a near miss
      if (ctx.mentionAt[i]! >= 0) {
        near('trigger word is part of an actor name');
        continue;
      }
      const after = p.then2 ? matchThen(ctx, p, i, s1) : i + 1;
      if (after < 0) {
        near(`words '${p.then!.join(' ')}' do not follow`);
        continue;
      }
      const rs = p.kind === 'verb' ? verbReadings(ctx, p, i, after, s0, s1, near) : nounReadings(ctx, p, i, after, s0, s1, near);
      for (const r of rs) finish(r);
    }
  }
  if (sp) for (const r of speechReadings(ctx, sp, s, trace)) finish(r);
  return out;
}

const HYPOTHETICAL_AFTER = new Set(['could', 'might', 'may', 'would']);
const THREATENING = new Set(['SANCTION', 'ASSAULT', 'COERCE', 'MOBILIZE', 'AID', 'COOPERATE', 'RETREAT', 'CONCEDE']);

function pairs(ctx: DocContext, ms: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const seen = new Set<string>();
  for (let a = 0; a < ms.length; a++) {
    for (let b = a + 1; b < ms.length; b++) {
      const ca = ctx.mentionCode[ms[a]!]!;
      const cb = ctx.mentionCode[ms[b]!]!;
      if (ca === cb) continue;
      const k = ca < cb ? `${ca}|${cb}` : `${cb}|${ca}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push([ms[a]!, ms[b]!]);
    }
  }
  return out;
}

function blankFlags(): Flags {
  return { negated: false, hypothetical: false, future: false, background: false, why: [], threat: false };
}

/** One mention per code (the first), so "Turkey's president, Erdogan" gives one reading. */
function byCode(ctx: DocContext, ms: number[]): number[] {
  const seen = new Set<string>();
  return ms.filter((m) => {
    const c = ctx.mentionCode[m] ?? '';
    if (seen.has(c)) return false;
    seen.add(c);
    return true;
  });
}

function cross(ctx: DocContext, p: Pattern, s: number, i: number, end: number, srcs: number[], tgts: number[], conf: number, how: string[]): Reading[] {
  const out: Reading[] = [];
  for (const a of byCode(ctx, srcs)) for (const b of byCode(ctx, tgts)) out.push({ pattern: p, sentence: s, trigger: i, frameEnd: end, source: a, target: b, flags: blankFlags(), confidence: conf, how });
  return out;
}

/** Readings for every pair of a group ("Xi and Putin met"); directed types get both directions. */
function pairReadings(ctx: DocContext, p: Pattern, s: number, i: number, end: number, ms: number[], conf: number, how: string[]): Reading[] {
  const out: Reading[] = [];
  for (const [a, b] of pairs(ctx, ms)) {
    out.push({ pattern: p, sentence: s, trigger: i, frameEnd: end, source: a, target: b, flags: blankFlags(), confidence: conf, how });
    if (p.type !== 'CONSULT') out.push({ pattern: p, sentence: s, trigger: i, frameEnd: end, source: b, target: a, flags: blankFlags(), confidence: conf, how });
  }
  return out;
}

function verbReadings(ctx: DocContext, p: Pattern, i: number, after: number, s0: number, s1: number, near: (r: string) => void): Reading[] {
  const s = ctx.doc.tokens.sentence[i]!;
  const passive = isPassive(ctx, i, s0);
  const subj: Subject = findSubject(ctx, i, s0);
  let conf = p.confidence;
  const how: string[] = [];
  if (passive && (p.target === 'object' || p.target === 'object-or-prep')) {
    // "X was accused by Y": the agent is the source, the grammatical subject the target
    const agent = findAgent(ctx, after, s1);
    if (!agent.length) {
      near('passive without a "by" agent');
      return [];
    }
    if (!subj.mentions.length && p.reciprocal) {
      // "the plan was agreed by Putin and Erdogan"
      const pr = pairReadings(ctx, p, s, i, after, agent, conf * 0.9, ['passive: reciprocal "by" group']);
      if (pr.length) return pr;
    }
    if (!subj.mentions.length) {
      near(`passive: ${subj.why ?? 'no subject'}`);
      return [];
    }
    how.push('passive: source from "by", target from subject');
    return cross(ctx, p, s, i, after, agent, subj.mentions, conf * 0.95, how);
  }
  let sources = subj.mentions;
  if (passive) {
    const agent = findAgent(ctx, after, s1, 12);
    if (agent.length) {
      sources = agent;
      how.push('passive: source from "by"');
    } else {
      // "Israeli missiles were fired at Syrian positions": the subject's owner acted
      conf *= 0.8;
      how.push('passive without agent: source from the subject');
    }
  } else how.push('source: subject');
  const tg = p.target === 'antecedent' ? antecedentTargets(ctx, p, after, s1, s, sources) : verbTargets(ctx, p, after, s1);
  if (!tg.mentions.length && p.type === 'CONSULT' && sources.length && p.target !== 'none' && !ctx.lex.speechVerbs.has(ctx.lemma[i]!)) {
    // "HANOI — … Esper met with several top government officials": officials the text leaves
    // unnamed are the dateline state's
    const host = datelineHost(ctx, p, after, s1);
    if (host >= 0) return cross(ctx, p, s, i, after, sources, [host], conf * 0.8, [...how, 'target: unnamed officials of the dateline state']);
  }
  if (!tg.mentions.length) {
    const obj = chunkRight(ctx, after, s1);
    if (p.reciprocal && sources.length > 1 && !(obj && !obj.mentions.length && p.target !== 'none')) {
      const pr = pairReadings(ctx, p, s, i, after, sources, conf, [...how, 'reciprocal: coordinated subject']);
      if (pr.length) return pr;
    }
    near(`target: ${tg.why ?? 'none'}`);
    return [];
  }
  if (!sources.length) {
    near(`source: ${passive ? 'passive without a "by" agent' : subj.why ?? 'none'}`);
    return [];
  }
  if (p.sourcePerson) sources = sources.filter((m) => ctx.mentionActor[m]?.kind === 'person');
  if (p.targetState) tg.mentions = tg.mentions.filter((m) => ctx.mentionActor[m]?.kind !== 'person');
  if (!sources.length || !tg.mentions.length) {
    near(p.sourcePerson ? 'the source is not a person (or the target is one)' : 'the target is a person');
    return [];
  }
  if (tg.viaModifier) {
    conf *= 0.9;
    how.push('target: possessor/modifier in the object');
  } else how.push('target: object or prepositional phrase');
  return cross(ctx, p, s, i, tg.end, sources, tg.mentions, conf, how);
}

/**
 * The dateline mention ("HANOI, Vietnam (AP) —") when the pattern's object or prepositional phrase is a
 * bare group of officials that names no actor ("met with several top government officials"), else -1.
 */
function datelineHost(ctx: DocContext, p: Pattern, after: number, s1: number): number {
  const t = ctx.doc.tokens;
  if (!ctx.sentenceTokens.length) return -1;
  const [d0, d1] = ctx.sentenceTokens[0]!;
  const m = ctx.mentionAt[d0]!;
  if (m < 0 || !ctx.mentionCode[m]) return -1;
  const [ma, mb] = ctx.mentionTokens[m]!;
  const surface = ctx.doc.text.slice(t.start[ma]!, t.end[mb - 1]!);
  if (surface !== surface.toUpperCase() || mb >= d1) return -1;
  let dash = false;
  for (let q = mb; q < Math.min(d1, mb + 8) && !dash; q++) {
    if (t.lower[q] === '/') return -1; // "BEIJING/TOKYO —": no one host
    if (['—', '–', '-', '(', ':'].includes(t.lower[q]!)) dash = true;
  }
  if (!dash) return -1;
  let k = after;
  if (k < s1 && (p.prep ?? []).includes(t.lower[k]!)) k++;
  const c = chunkRight(ctx, k, s1);
  if (!c || c.mentions.length || !ctx.lex.hostGroups.has(t.lower[c.head]!)) return -1;
  for (let q = c.start; q < c.end; q++) if (t.pos[q] === 'PROPN') return -1;
  return m;
}

/**
 * The participants of a meeting noun: the actors of an "at which"/"where" clause right after it,
 * or of the clause it closes ("… by Putin and Erdogan at a bilateral summit"). Two to four codes.
 */
function summitMembers(ctx: DocContext, i: number, zs: number, s0: number, s1: number): { members: number[]; verb: number } {
  const t = ctx.doc.tokens;
  let a = -1;
  let b = -1;
  let first = -1;
  let q = i + 1;
  while (q < s1 && q < i + 6 && t.lower[q] !== 'at' && t.lower[q] !== 'where' && t.lower[q] !== ',') q++;
  if (q < s1 && ((t.lower[q] === 'at' && t.lower[q + 1] === 'which') || t.lower[q] === 'where')) {
    a = q;
    // the relative clause ends at the first comma after its verb
    let v = q + 1;
    while (v < s1 && t.pos[v] !== 'VERB') v++;
    b = v;
    first = v < s1 ? v : -1;
    while (b < s1 && t.lower[b] !== ',' && t.lower[b] !== ';') b++;
  } else if (zs - 1 >= s0 && ['at', 'during'].includes(t.lower[zs - 1]!) && (i + 1 >= s1 || ['.', ';', 'in', 'on', ','].includes(t.lower[i + 1]!))) {
    a = s0;
    b = zs - 1;
    for (let k = b - 1; k > s0; k--) if (t.lower[k] === ';') {
      a = k + 1;
      break;
    }
  }
  if (a < 0) return { members: [], verb: -1 };
  const out: number[] = [];
  const codes = new Set<string>();
  let verb = -1;
  for (let k = a; k < b; k++) {
    if (t.pos[k] === 'VERB' && ctx.mentionAt[k]! < 0 && !ctx.lex.speechVerbs.has(ctx.lemma[k]!)) verb = k;
    const m = ctx.mentionAt[k]!;
    if (m < 0 || out.includes(m) || ctx.mentionLocative[m]) continue;
    const c = ctx.mentionCode[m];
    if (!c) continue;
    codes.add(c);
    out.push(m);
  }
  // an "at which" clause: its own verb ("pleaded"); a clause before the noun: its last verb ("to meet")
  return codes.size >= 2 && codes.size <= 4 ? { members: out, verb: first >= 0 ? first : verb } : { members: [], verb: -1 };
}

/**
 * "The US faced Palestinian criticism", "Russia came under pressure from the EU": the noun's
 * owner (modifier or "from" phrase) is the source, the subject of the governing verb the target.
 */
function inverseReadings(ctx: DocContext, p: Pattern, i: number, after: number, s0: number, s1: number, near: (r: string) => void): Reading[] {
  const t = ctx.doc.tokens;
  const s = t.sentence[i]!;
  const zone = chunkLeft(ctx, i, s0);
  const zs = zone ? zone.start : i;
  let srcs = codable(ctx, zone ? zone.mentions : []).filter((m) => !ctx.mentionLocative[m]);
  for (let q = after; !srcs.length && q < Math.min(s1, after + 6); q++) {
    if (t.lower[q] === 'from' || t.lower[q] === 'by') {
      srcs = targetsOfGroup(ctx, groupRight(ctx, q + 1, s1), false, null).mentions;
      break;
    }
    if (t.pos[q] === 'VERB' || t.lower[q] === ',') break;
  }
  // the governing verb right before the noun phrase ("faced", "came under", "drew")
  let v = zs - 1;
  // "stiff international and Palestinian criticism": coordinated modifiers
  while (v > s0 && (ctx.lex.coordinators.has(t.lower[v]!) || t.lower[v] === ',') && isNpToken(ctx, v - 1)) {
    const c = chunkLeft(ctx, v - 1, s0);
    if (!c) break;
    v = c.start - 1;
  }
  if (v >= s0 && t.pos[v] === 'ADP') v--;
  while (v >= s0 && t.pos[v] === 'ADV') v--;
  if (v < s0 || !ctx.lex.inverseGovernors.has(ctx.lemma[v]!)) {
    near('not the object of face/draw/receive/come under');
    return [];
  }
  const subj = findSubject(ctx, v, s0);
  if (!srcs.length || !subj.mentions.length) {
    near(!srcs.length ? 'no actor owns the criticism' : `target: ${subj.why ?? 'none'}`);
    return [];
  }
  return cross(ctx, p, s, i, after, srcs, subj.mentions, p.confidence, ['inverse: owner of the noun → subject of the governing verb']);
}

function nounReadings(ctx: DocContext, p: Pattern, i: number, after: number, s0: number, s1: number, near: (r: string) => void): Reading[] {
  const t = ctx.doc.tokens;
  const s = t.sentence[i]!;
  if (p.requireMod) {
    let ok = false;
    for (let k = i - 1; k >= Math.max(s0, i - 4); k--) if (p.requireMod.includes(t.lower[k]!)) ok = true;
    if (!ok) {
      near(`needs one of '${p.requireMod.join('/')}' before the noun`);
      return [];
    }
  }
  if (p.inverse) return inverseReadings(ctx, p, i, after, s0, s1, near);
  const ns = nounSources(ctx, i, s0, s1);
  let conf = p.confidence;
  const how: string[] = [];
  // "talks between S and T"
  if (after < s1 && t.lower[after] === 'between' && p.reciprocal) {
    const g = groupRight(ctx, after + 1, s1);
    const r = targetsOfGroup(ctx, g, true, null);
    const pr = pairReadings(ctx, p, s, i, r.end, [...ns.mentions, ...r.mentions], conf, ["pair: 'between' phrase"]);
    if (!pr.length) near("'between' names fewer than two codable actors");
    return pr;
  }
  let tg: Targets = { mentions: [], end: -1 };
  if (p.target !== 'none') {
    // the target preposition right after the noun or after a short "by S"/"of S" phrase
    let q = after;
    let steps = 0;
    const preps = p.prep ?? [];
    while (q < s1 && steps++ < 8 && !(preps.includes(t.lower[q]!) && (t.pos[q] === 'ADP' || t.pos[q] === 'SCONJ'))) {
      if (t.pos[q] === 'VERB' || t.pos[q] === 'AUX' || t.lower[q] === ',' || t.lower[q] === ';') break;
      if (!(t.lower[q] === 'by' || t.lower[q] === 'of' || isNpToken(ctx, q))) break;
      q++;
    }
    if (q < s1 && preps.includes(t.lower[q]!)) {
      const g = groupRight(ctx, q + 1, s1);
      tg = targetsOfGroup(ctx, g, Boolean(p.objectPossessor), [t.lower[q]!]);
      if (p.targetState) tg.mentions = tg.mentions.filter((m) => ctx.mentionActor[m]?.kind !== 'person');
    }
  }
  let sources = ns.mentions;
  if (ns.how) how.push(ns.how);
  if (!sources.length && !p.requireSource) {
    // the subject of the clause holding the noun phrase ("Wang paid visits to …", "Baghdad is in talks with …")
    const subj = findSubject(ctx, ns.zoneStart, s0, true);
    if (subj.mentions.length) {
      sources = subj.mentions;
      conf *= 0.85;
      how.push('source: subject of the clause');
    } else {
      if (tg.mentions.length) near(`source: ${subj.why ?? 'none'}`);
    }
  }
  if (!tg.mentions.length) {
    if (p.reciprocal && ns.mentions.length > 1) {
      // "the US-China talks", "the Russia–Turkey summit"
      const pr = pairReadings(ctx, p, s, i, after, ns.mentions, conf, ['pair: two actors modify the noun']);
      if (pr.length) return pr;
    }
    if (p.reciprocal && p.target === 'none') {
      // "agreed by Putin and Erdogan at a bilateral summit", "a summit at which X pleaded with Y and Z"
      const { members, verb } = summitMembers(ctx, i, ns.zoneStart, s0, s1);
      // the clause verb decides the flags ("no reason to meet Xi at the summit")
      if (members.length) return pairReadings(ctx, p, s, i, after, members, conf * 0.8, ['pair: the participants of the clause']).map((r) => (verb >= 0 ? { ...r, flagsAt: verb } : r));
    }
    near(p.target === 'none' ? 'fewer than two actors modify the noun' : `no '${(p.prep ?? []).join('/')}' phrase naming an actor`);
    return [];
  }
  if (!sources.length) {
    near(p.requireSource ? 'no possessor, modifier or "by" phrase names the source' : 'no source');
    return [];
  }
  how.push('target: prepositional phrase');
  return cross(ctx, p, s, i, tg.end, sources, tg.mentions, conf, how);
}
