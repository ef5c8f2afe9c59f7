/**
 * Argument finding over wink-nlp tags (no parser): the subject of a trigger (scanning left,
 * skipping prepositional and object phrases, relative clauses and the auxiliary chain), the
 * object phrase group after it (with coordination), prepositional targets and passive agents.
 */
import { chunkLeft, chunkRight, isNpToken, isPossessive, type Chunk, type DocContext } from './context.ts';

export interface Subject {
  /** mention indices of the subject (coordinated subjects give several) */
  mentions: number[];
  /** first token of the subject phrase (or -1) */
  start: number;
  /** why no subject was found */
  why?: string;
}

const AUXLIKE = new Set(['AUX', 'PART', 'ADV']);
const QUOTES = new Set(['"', '“', '”', "'", '‘', '’', '«', '»']);

/** Index of the first token of the auxiliary chain before i ("has not been", "will", "did n't"). */
export function auxStart(ctx: DocContext, i: number, s0: number): number {
  const t = ctx.doc.tokens;
  let j = i;
  while (j - 1 >= s0 && (AUXLIKE.has(t.pos[j - 1]!) || (t.pos[j - 1] === 'VERB' && ctx.lemma[j - 1] === 'have')) && !QUOTES.has(t.lower[j - 1]!) && t.lower[j - 1] !== "'s") j--;
  return j;
}

/**
 * The subject of the verb or phrase starting at token i. `np`: i starts a noun phrase whose
 * governing verb sits right before it ("paid visits to …"), so one verb may be crossed.
 */
export function findSubject(ctx: DocContext, i: number, s0: number, np = false): Subject {
  const t = ctx.doc.tokens;
  const lex = ctx.lex;
  const a0 = auxStart(ctx, i, s0);
  let k = a0 - 1;
  const trig = t.lower[i]!;
  // "But during a visit to Jerusalem, Bolton said …": a noun in an opening adverbial phrase
  // belongs to the main clause's subject
  if (np && openingAdverbial(ctx, i, s0)) {
    const m = mainSubjectAfterComma(ctx, i);
    if (m) return m;
  }
  const before = k >= s0 ? t.lower[k]! : '';
  // may the subject lie beyond another verb? Only for participles and gerunds ("by meeting",
  // ", saying"), infinitives, and coordinated verbs ("hit Idlib and condemned Turkey").
  let crossVerbs = np ? 1 : 0;
  if (!np) {
    const toInf = a0 < i && t.lower[a0] === 'to';
    const participle = a0 === i && trig.endsWith('ing');
    // "…, while condemning X": the participle's subject is the main clause's
    const afterBreaker = participle && k >= s0 && lex.clauseBreakers.has(t.lower[k]!) && t.lower[k] !== 'that';
    if (afterBreaker) k--;
    if (participle && k - 1 >= s0 && t.lower[k] === 'of') {
      // "accused the UAE of supplying weapons": the object before 'of' does the gerund's act
      const c = chunkLeft(ctx, k - 1, s0);
      const ms = c ? codable(ctx, c.mentions).filter((m) => !ctx.mentionLocative[m]) : [];
      if (c && ms.length && c.start > s0 && t.pos[c.start - 1] === 'VERB') return { mentions: ms, start: c.start };
    }
    if (participle && !afterBreaker && k >= s0 && isNpToken(ctx, k) && t.pos[k] !== 'DET') {
      // reduced relative: "measures targeting Iran" — the subject is the phrase right before
      const c = chunkLeft(ctx, k, s0);
      const ms = c ? codable(ctx, c.mentions).filter((m) => !ctx.mentionLocative[m]) : [];
      if (c && ms.length && t.pos[c.start - 1] !== 'ADP') return { mentions: ms, start: c.start };
      return { mentions: [], start: -1, why: 'participle modifies a phrase that names no actor' };
    }
    if (toInf) {
      // "urged Borduria to release …": the object before 'to' does the infinitive's act
      const c = chunkLeft(ctx, a0 - 1, s0);
      const ms = c ? codable(ctx, c.mentions).filter((m) => !ctx.mentionLocative[m]) : [];
      if (c && ms.length && c.start > s0 && t.pos[c.start - 1] === 'VERB' && !lex.speechVerbs.has(ctx.lemma[c.start - 1]!)) return { mentions: ms, start: c.start };
    }
    if (toInf || participle || before === ',' || before === 'and' || before === 'but' || before === 'or' || before === 'then') crossVerbs = Infinity;
  }
  let steps = 0;
  while (k >= s0 && steps++ < 40) {
    const w = t.lower[k]!;
    const pos = t.pos[k]!;
    if (pos === 'VERB' && ctx.mentionAt[k]! < 0 && !(ctx.lemma[k] === 'be' || ctx.lemma[k] === 'have')) {
      if (crossVerbs > 0) crossVerbs--;
      else {
        // a parenthetical ", giving a press conference," may be skipped; any other verb has its own subject
        let c1 = -1;
        for (let q = k + 1; q < a0; q++) if (t.lower[q] === ',') c1 = q;
        let c0 = -1;
        if (c1 >= 0) for (let q = k - 1; q >= s0; q--) if (t.lower[q] === ',') { c0 = q; break; }
        if (c0 < 0) return { mentions: [], start: -1, why: `another verb ('${w}') lies between the trigger and any subject` };
        k = c0 - 1;
        continue;
      }
    }
    if (w === ';' || w === ':') return { mentions: [], start: -1, why: `clause boundary '${w}' before any subject` };
    if (lex.relativePronouns.has(w) && pos === 'PRON') {
      // "X, who visited Y, …" / "X who visited Y": the antecedent before the relative pronoun
      let a = k - 1;
      if (a >= s0 && t.lower[a] === ',') a--;
      const c = chunkLeft(ctx, a, s0);
      const ms = c ? codable(ctx, c.mentions) : [];
      if (c && ms.length) return { mentions: ms, start: c.start };
      return { mentions: [], start: -1, why: `relative clause whose antecedent names no actor` };
    }
    if (lex.clauseBreakers.has(w) && (pos === 'SCONJ' || pos === 'CCONJ' || (w === 'that' && pos !== 'DET'))) {
      return { mentions: [], start: -1, why: `clause boundary '${w}' before any subject` };
    }
    if (ctx.mentionAt[k]! >= 0 || isNpToken(ctx, k)) {
      const c = chunkLeft(ctx, k, s0);
      if (!c) {
        k--;
        continue;
      }
      // the word before the whole list the phrase ends ("including Japan, Canada and Mexico")
      const prev = listStart(ctx, c.start, s0) - 1;
      const prevPos = prev >= s0 ? t.pos[prev]! : '';
      const prevW = prev >= s0 ? t.lower[prev]! : '';
      const ms = codable(ctx, c.mentions).filter((m) => !ctx.mentionLocative[m]);
      // a sentence-opening participle is an adjective ("Suspected Israeli missiles were fired")
      const openingParticiple = prev === s0 && prevPos === 'VERB' && /(ed|en)$/.test(prevW);
      const governed = prevPos === 'ADP' || (prevPos === 'VERB' && !openingParticiple && !lex.speechVerbs.has(ctx.lemma[prev]!)) || (prevPos === 'PART' && prevW === 'to');
      if (governed) {
        k = prev; // skip the whole governed list
        continue;
      }
      if (!ms.length) {
        // a subject-like phrase that names no actor: a pronoun stops the search (its referent is unknown)
        if (c.start === c.end - 1 && t.pos[c.start] === 'PRON' && lex.personPronouns.has(t.lower[c.start]!)) {
          return speakerOfPronoun(ctx, c.start, s0);
        }
        // a name right before the verb that the actor stage does not know ("…, Cui said") is the
        // subject: do not reach past it for an earlier actor
        if (c.end === a0 && t.pos[c.head] === 'PROPN' && !lex.timeWords.has(t.lower[c.head]!)) {
          return { mentions: [], start: -1, why: `subject '${ctx.doc.text.slice(t.start[c.start]!, t.end[c.head]!)}' names no codable actor` };
        }
        k = c.start - 1;
        continue;
      }
      // coordinated or appositive subjects: "Xi and Putin", "Turkey's president, Erdogan,"
      const group = [...ms];
      let start = c.start;
      let p = c.start - 1;
      while (p >= s0) {
        const pw = t.lower[p]!;
        if (pw === ',' || lex.coordinators.has(pw)) {
          let q = p - 1;
          if (q >= s0 && (t.lower[q] === ',' || lex.coordinators.has(t.lower[q]!))) q--;
          const c2 = chunkLeft(ctx, q, s0);
          if (!c2) break;
          const ms2 = codable(ctx, c2.mentions).filter((m) => !ctx.mentionLocative[m]);
          const before = c2.start - 1 >= s0 ? t.pos[c2.start - 1]! : '';
          if (!ms2.length || before === 'ADP' || before === 'VERB') break;
          group.unshift(...ms2);
          start = c2.start;
          p = c2.start - 1;
        } else break;
      }
      // "Rubio said Israel had acted alone and warned Iran …": a past-tense verb after 'and' that
      // finds the subject of a reported clause whose own verb has an auxiliary is coordinated with
      // the speech verb, and shares its subject
      if (!np && before === 'and' && a0 === i && trig !== ctx.lemma[i] && prevPos === 'VERB' && lex.speechVerbs.has(ctx.lemma[prev]!) && prev > s0) {
        let aux = false;
        for (let q = c.end; q < i; q++) if (t.pos[q] === 'AUX' || (t.pos[q] === 'VERB' && (ctx.lemma[q] === 'have' || ctx.lemma[q] === 'be'))) aux = true;
        if (aux) {
          const sp = findSubject(ctx, prev, s0);
          if (sp.mentions.length) return sp;
        }
      }
      return { mentions: group, start };
    }
    if (pos === 'PRON' && lex.personPronouns.has(w)) return speakerOfPronoun(ctx, k, s0);
    k--;
  }
  // "Casting Iran as a threat, Pompeo said …": an opening participle takes the main clause's subject
  if (!np && a0 === s0 && trig.endsWith('ing')) {
    const m = mainSubjectAfterComma(ctx, i);
    if (m) return m;
  }
  return { mentions: [], start: -1, why: 'no actor before the trigger' };
}

/** Whether tokens s0..i-1 are an opening prepositional phrase ("But during a visit to …"). */
function openingAdverbial(ctx: DocContext, i: number, s0: number): boolean {
  const t = ctx.doc.tokens;
  let k = s0;
  while (k < i && (t.pos[k] === 'CCONJ' || t.pos[k] === 'ADV')) k++;
  if (k >= i || !(t.pos[k] === 'ADP' || t.pos[k] === 'SCONJ')) return false;
  for (let q = k + 1; q < i; q++) if (t.lower[q] === ',' || t.pos[q] === 'VERB' || t.pos[q] === 'AUX') return false;
  return true;
}

/** The actors opening the main clause after the first comma that follows i. */
function mainSubjectAfterComma(ctx: DocContext, i: number): Subject | null {
  const t = ctx.doc.tokens;
  for (let q = i + 1; q < t.lower.length && t.sentence[q] === t.sentence[i]; q++) {
    if (t.lower[q] !== ',') continue;
    const c = chunkRight(ctx, q + 1, q + 12);
    const ms = c ? codable(ctx, c.mentions) : [];
    if (c && ms.length && c.end < t.lower.length && (t.pos[c.end] === 'VERB' || t.pos[c.end] === 'AUX' || t.lower[c.end] === ',')) return { mentions: ms, start: c.start };
    return null;
  }
  return null;
}

/**
 * "Turkey warned (that) it will …", "a role Ankara said it could not play": a pronoun opening
 * the words of a speech verb is the speaker ('it' a state or body, 'he'/'she' a person).
 */
function speakerOfPronoun(ctx: DocContext, k: number, s0: number): Subject {
  const t = ctx.doc.tokens;
  const w = t.lower[k]!;
  const unresolved: Subject = { mentions: [], start: -1, why: `subject is an unresolved pronoun '${w}'` };
  let v = k - 1;
  if (v >= s0 && t.lower[v] === 'that') v--;
  if (v >= s0 && t.lower[v] === ',') {
    // "said that after it joins the court, it will …": the speech verb before the fronted clause
    for (let q = v - 1; q >= Math.max(s0, k - 25); q--) {
      if (t.lower[q] === 'that' && q - 1 >= s0 && t.pos[q - 1] === 'VERB' && ctx.lex.speechVerbs.has(ctx.lemma[q - 1]!)) {
        v = q - 1;
        break;
      }
      if (t.lower[q] === ';') break;
    }
  }
  if (v < s0 || t.pos[v] !== 'VERB' || !ctx.lex.speechVerbs.has(ctx.lemma[v]!)) return unresolved;
  const sp = findSubject(ctx, v, s0);
  const person = (m: number) => ctx.mentionActor[m]?.kind === 'person';
  const fit = sp.mentions.filter((m) => (w === 'it' ? !person(m) : w === 'he' || w === 'she' ? person(m) : true));
  return fit.length ? { mentions: fit, start: k } : unresolved;
}

/** First token of the coordinated list whose last phrase starts at `start`. */
function listStart(ctx: DocContext, start: number, s0: number): number {
  // a list ends in "and"/"or" ("A, B and C"): the last separator must be a coordinator, the
  // earlier ones may be commas; a phrase with a number ("Oct. 25") is not a list member
  const t = ctx.doc.tokens;
  let s = start;
  let first = true;
  for (;;) {
    let p = s - 1;
    if (p < s0) return s;
    const coord = ctx.lex.coordinators.has(t.lower[p]!);
    if (!(coord || (!first && t.lower[p] === ','))) return s;
    if (p - 1 >= s0 && coord && t.lower[p - 1] === ',') p--;
    const c = chunkLeft(ctx, p - 1, s0);
    if (!c) return s;
    // list members name actors or places ("Europe"); "show restraint, and the EU said" is no list
    if (!c.mentions.length && t.pos[c.head] !== 'PROPN') return s;
    for (let q = c.start; q < c.end; q++) if (t.pos[q] === 'NUM') return s;
    s = c.start;
    first = false;
  }
}

/** Mentions whose actor has a code. */
export function codable(ctx: DocContext, ms: number[]): number[] {
  return ms.filter((m) => ctx.mentionCode[m] !== null && !populace(ctx, m));
}

/** A plural demonym on its own ("Ukrainians", "Russians") names a people, not its state. */
function populace(ctx: DocContext, m: number): boolean {
  if (ctx.doc.actorMentions[m]?.label !== 'demonym') return false;
  const [a, e] = ctx.mentionTokens[m]!;
  const t = ctx.doc.tokens;
  return e - a === 1 && /[a-z]s$/.test(t.lower[a]!) && !ctx.lex.roleNouns.has(t.lower[e] ?? '') && t.lower[e] !== "'s";
}

/** A coordinated group of noun phrases starting at i ("Italy, the Netherlands and France"). */
export function groupRight(ctx: DocContext, i: number, end: number): Chunk[] {
  const t = ctx.doc.tokens;
  const lex = ctx.lex;
  const out: Chunk[] = [];
  let k = i;
  while (k < end && t.pos[k] === 'ADV' && ctx.mentionAt[k]! < 0) k++;
  let c = chunkRight(ctx, k, end);
  while (c) {
    out.push(c);
    let p = c.end;
    // "other world leaders including X, Y and Z", "allies such as X"
    if (!c.mentions.length && p < end && (t.lower[p] === 'including' || (t.lower[p] === 'such' && t.lower[p + 1] === 'as'))) {
      p += t.lower[p] === 'such' ? 2 : 1;
      c = chunkRight(ctx, p, end);
      continue;
    }
    if (p < end && t.lower[p] === ',') p++;
    if (p < end && (lex.coordinators.has(t.lower[p]!) || t.lower[p] === 'as')) {
      if (t.lower[p] === 'as') {
        // "as well as"
        if (t.lower[p + 1] === 'well' && t.lower[p + 2] === 'as') p += 3;
        else break;
      } else p++;
    } else if (p === c.end) break; // no comma, no coordinator
    else if (!(p < end && ctx.mentionAt[p]! >= 0) && !(p < end && (t.pos[p] === 'DET' || t.pos[p] === 'PROPN'))) break;
    // a list goes on with another phrase that names an actor, after a member that names one (or a
    // place); "urged calm, and the Alliance said …" joins clauses, not phrases
    const next = chunkRight(ctx, p, end);
    if (!next || !next.mentions.length) break;
    if (!c.mentions.length && t.pos[c.head] !== 'PROPN') break;
    const commaAnd = t.lower[c.end] === ',' && lex.coordinators.has(t.lower[c.end + 1] ?? '');
    if (commaAnd && next.end < end && (t.pos[next.end] === 'VERB' || t.pos[next.end] === 'AUX')) break;
    c = next;
  }
  return out;
}

/** Actors of a chunk that can stand as the target: its head, or (when allowed) its possessor or modifier. */
export function chunkActors(ctx: DocContext, c: Chunk, allowModifier: boolean): { mentions: number[]; viaModifier: boolean } {
  const ms = codable(ctx, c.mentions);
  if (!ms.length) return { mentions: [], viaModifier: false };
  const t = ctx.doc.tokens;
  const headMention = ctx.mentionAt[c.head]!;
  if (headMention >= 0) {
    // the head itself names the actor; possessors before it ("China's Xi") name the same side
    return { mentions: ms, viaModifier: false };
  }
  if (ctx.lex.roleNouns.has(t.lower[c.head]!)) return { mentions: ms, viaModifier: false };
  if (allowModifier) return { mentions: ms, viaModifier: true };
  return { mentions: [], viaModifier: false };
}

/** Whether a chunk ends in a possessive ("Australia's"). */
export function endsPossessive(ctx: DocContext, c: Chunk): boolean {
  return isPossessive(ctx.doc.tokens.lower[c.end - 1]!);
}

/** The agent of a passive or of a nominal ("by Putin and Erdogan") within `window` tokens after i. */
export function findAgent(ctx: DocContext, i: number, end: number, window = 8): number[] {
  const t = ctx.doc.tokens;
  for (let k = i; k < Math.min(end, i + window); k++) {
    const w = t.lower[k]!;
    if (w === ';' || w === ':' || ctx.lex.clauseBreakers.has(w) && t.pos[k] !== 'ADP') return [];
    if (t.pos[k] === 'VERB') return [];
    if (w === 'by') {
      const g = groupRight(ctx, k + 1, end);
      const ms: number[] = [];
      for (const c of g) ms.push(...chunkActors(ctx, c, true).mentions);
      return ms.filter((m) => !ctx.mentionLocative[m]);
    }
  }
  return [];
}
