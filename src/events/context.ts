/**
 * Per-document view the matcher works on: which actor mention covers each token, which
 * mentions are places (after a locative preposition) rather than actors, and small token
 * predicates for noun-phrase chunking over wink-nlp tags.
 */
import type { ActorMention, Doc } from '../doc.ts';
import type { Actor } from '../extraction.ts';
import type { Lexicon } from './patterns.ts';

export interface DocContext {
  doc: Doc;
  lex: Lexicon;
  /** token index → index into doc.actorMentions, or -1 */
  mentionAt: Int32Array;
  /** mention index → first and last+1 token */
  mentionTokens: Array<[number, number]>;
  /** mention index → the Actor it refers to (null when the id is unknown) */
  mentionActor: Array<Actor | null>;
  /** mention index → code (country or IGO) or null when not codable */
  mentionCode: Array<string | null>;
  /** mention index → preposition before it when it names a place after a locative preposition */
  mentionLocative: Array<string | null>;
  /** sentence index → [first token, last token + 1) */
  sentenceTokens: Array<[number, number]>;
  /** lower-cased lemma per token */
  lemma: string[];
  /** accusations read so far in this document: "rejected these accusations" answers them */
  accusations: Array<{ sentence: number; source: number; targetCode: string }>;
}

const POSSESSIVE_PRON = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const NP_POS = new Set(['DET', 'ADJ', 'PROPN', 'NOUN', 'NUM', 'SYM']);
const DASHES = new Set(['-', '–', '—', '‑']);
const PLACE_LABELS = new Set(['metonym', 'state', 'name', 'demonym', 'igo', 'body', 'group']);

export function buildContext(doc: Doc, lex: Lexicon): DocContext {
  const t = doc.tokens;
  const n = t.start.length;
  const mentionAt = new Int32Array(n).fill(-1);
  const mentions: ActorMention[] = doc.actorMentions;
  const byId = new Map(doc.actors.map((a) => [a.id, a]));
  const mentionTokens: Array<[number, number]> = [];
  const mentionActor: Array<Actor | null> = [];
  const mentionCode: Array<string | null> = [];
  const mentionLocative: Array<string | null> = [];
  const lemma = t.lemma.map((l) => l.toLowerCase());
  // tokens are sorted by start: binary search the first token ending after a mention's start
  const firstTokenAt = (off: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t.end[mid]! <= off) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  mentions.forEach((m, mi) => {
    const a = firstTokenAt(m.start);
    let b = a;
    while (b < n && t.start[b]! < m.end) {
      if (mentionAt[b] === -1) mentionAt[b] = mi;
      b++;
    }
    mentionTokens.push([a, b]);
    const actor = byId.get(m.id) ?? null;
    mentionActor.push(actor);
    mentionCode.push(actor?.country ?? null);
    let prev = a - 1;
    if (prev >= 0 && t.lower[prev] === 'the') prev--;
    let loc: string | null = null;
    if (prev >= 0 && t.sentence[prev] === t.sentence[a] && lex.locativePreps.has(t.lower[prev]!)) {
      const isPerson = actor?.kind === 'person' || m.label === 'title' || m.label === 'pronoun';
      if (!isPerson && PLACE_LABELS.has(m.label)) loc = t.lower[prev]!;
    }
    mentionLocative.push(loc);
  });
  const sentenceTokens: Array<[number, number]> = doc.sentences.map(() => [0, 0]);
  for (let i = 0; i < n; i++) {
    const s = t.sentence[i]!;
    const r = sentenceTokens[s]!;
    if (r[1] === 0) r[0] = i;
    r[1] = i + 1;
  }
  return { doc, lex, mentionAt, mentionTokens, mentionActor, mentionCode, mentionLocative, sentenceTokens, lemma, accusations: [] };
}

/** True when token i can be part of a noun phrase (or lies inside an actor mention). */
export function isNpToken(ctx: DocContext, i: number): boolean {
  const t = ctx.doc.tokens;
  if (ctx.mentionAt[i]! >= 0) return true;
  const pos = t.pos[i]!;
  if (NP_POS.has(pos)) {
    // wink tags a few function words as DET/ADJ that end a phrase rather than continue it
    const w = t.lower[i]!;
    return w !== 'that' && w !== 'which' && w !== 'whose';
  }
  const w = t.lower[i]!;
  if (pos === 'PART' && (w === "'s" || w === '’s' || w === "'" || w === '’')) return true;
  if (pos === 'PRON' && POSSESSIVE_PRON.has(w)) return true;
  // a hyphen joins ("Russia-Turkey talks"); a spaced dash separates ("Israel - Egypt and Jordan")
  if (DASHES.has(w)) return i > 0 && i + 1 < t.pos.length && t.sentence[i - 1] === t.sentence[i + 1] && t.end[i - 1] === t.start[i] && t.end[i] === t.start[i + 1];
  if (pos === 'X' || pos === 'PUNCT') return w === '$' || w === '€' || w === '£';
  return false;
}

export function isPossessive(w: string): boolean {
  return w === "'s" || w === '’s' || w === "'" || w === '’';
}

/** A chunk of tokens [start, end) and the actor mentions inside it. */
export interface Chunk {
  start: number;
  end: number;
  /** last token: the head noun */
  head: number;
  mentions: number[];
}

/** The noun phrase that starts at i (ends before the first non-NP token); null when i starts none. */
export function chunkRight(ctx: DocContext, i: number, end: number, throughOf = true): Chunk | null {
  const t = ctx.doc.tokens;
  if (i >= end || !isNpToken(ctx, i)) return null;
  let j = i;
  while (j < end && isNpToken(ctx, j)) {
    // "Freedonia next week": a time phrase after an actor is not part of its phrase
    if (j > i && ctx.mentionAt[j - 1]! >= 0 && ctx.mentionAt[j]! < 0 && ctx.lex.timeWords.has(t.lower[j]!)) break;
    j++;
  }
  let head = j - 1;
  // "the president of France", "the government of Syria": one phrase when the part before 'of' names no actor
  if (throughOf && j + 1 < end && t.lower[j] === 'of' && isNpToken(ctx, j + 1) && !hasMention(ctx, i, j) && ctx.doc.tokens.pos[head] !== 'PROPN') {
    const rest = chunkRight(ctx, j + 1, end, false);
    if (rest && rest.mentions.length) {
      return { start: i, end: rest.end, head, mentions: rest.mentions };
    }
  }
  return { start: i, end: j, head, mentions: mentionsIn(ctx, i, j) };
}

/** The noun phrase that ends at i (inclusive), scanning left. */
export function chunkLeft(ctx: DocContext, i: number, start: number): Chunk | null {
  if (i < start || !isNpToken(ctx, i)) return null;
  const t = ctx.doc.tokens;
  let j = i;
  while (j - 1 >= start && isNpToken(ctx, j - 1)) {
    // "On Tuesday Ruritania": the time phrase before an actor is not part of its phrase
    if (ctx.mentionAt[j]! >= 0 && ctx.mentionAt[j - 1]! < 0 && ctx.lex.timeWords.has(t.lower[j - 1]!)) break;
    j--;
  }
  let s = j;
  // "the president of France": extend over 'of' when the left part names a role
  if (s - 2 >= start && t.lower[s - 1] === 'of' && isNpToken(ctx, s - 2)) {
    let k = s - 2;
    while (k - 1 >= start && isNpToken(ctx, k - 1)) k--;
    if (!hasMention(ctx, k, s - 1) && ctx.lex.roleNouns.has(t.lower[s - 2]!)) s = k;
  }
  return { start: s, end: i + 1, head: i, mentions: mentionsIn(ctx, s, i + 1) };
}

export function hasMention(ctx: DocContext, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (ctx.mentionAt[k]! >= 0) return true;
  return false;
}

/** Distinct mention indices covering tokens [a, b), in text order. */
export function mentionsIn(ctx: DocContext, a: number, b: number): number[] {
  const out: number[] = [];
  for (let k = a; k < b; k++) {
    const m = ctx.mentionAt[k]!;
    if (m >= 0 && out[out.length - 1] !== m) out.push(m);
  }
  return out;
}

/** Whether the chunk's head is itself an actor ("France", "the Chinese government", "Russia's envoy"). */
export function headIsActor(ctx: DocContext, c: Chunk): boolean {
  if (ctx.mentionAt[c.head]! >= 0) return true;
  const t = ctx.doc.tokens;
  if (!c.mentions.length) return false;
  if (ctx.lex.roleNouns.has(t.lower[c.head]!)) return true;
  return false;
}
