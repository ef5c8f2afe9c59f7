/**
 * Actor stage: recognises and resolves states, IGOs, state bodies, armed groups and named
 * officials at the article's date (doc.meta.published, else today). Fills doc.actors and
 * doc.actorMentions (sorted by start; mentions never overlap; every mention's `id` is the id of
 * an entry of doc.actors, whose `mentions` list the same spans).
 *
 * Actor ids: states and IGOs use their code ("CHN", "UN"); people "p:antony-blinken" (a role
 * with no known holder: "p:chn-ambassador"); bodies "b:usa-state-department" (institutions named
 * by a role word: "b:chn-government"); groups "g:hamas".
 *
 * ActorMention.label says HOW the actor was mentioned:
 *   name     a person's name ("Antony Blinken", "Blinken", "Mr. Xi", "Bidens", "xi jinping")
 *   title    a role phrase standing for a person: before a name ("US Secretary of State"), in an
 *            apposition after it ("China's ambassador to the US"), or alone ("the Chinese envoy")
 *   pronoun  "he"/"she" linked to the one person named earlier in the sentence, else the one
 *            person of the previous sentence (never when two are possible)
 *   metonym  a capital or seat of power ("Beijing", "the Kremlin"), and any state name used as a
 *            place after a locative preposition ("in China"): see isLocative
 *   demonym  a nationality word standing for its state ("Chinese officials", "the Americans")
 *   state    a state's name ("China", "the US")
 *   igo      an international organisation ("the UN", "NATO")
 *   body     a named body of a state or IGO ("the Pentagon", "the Security Council") or an
 *            institution named by nationality + role word ("the Chinese government")
 *   group    a non-state group ("Hamas", "the Taliban"); its country is null unless the KB ties
 *            it to a state at the date (the Taliban from 2021-08-15)
 */
import type { ActorMention, Doc } from '../doc.ts';
import type { Actor } from '../extraction.ts';
import { compileKb, type CompiledKb } from './kb.ts';
import { loadActorKb } from './load.ts';
import { recognize } from './recognize.ts';
import type { ActorKbData } from './schema.ts';

export type { MentionLabel } from './recognize.ts';
export type { CompiledKb } from './kb.ts';
export { loadActorKb } from './load.ts';
export { compileKb } from './kb.ts';

export interface ActorStageOptions {
  /** `YYYY-MM-DD` used when the article states no publication date (default: today). */
  today?: string;
}

/**
 * Build the actor stage. `kb`: a compiled KB, raw KB data, or a data directory (default
 * data/actors/). Loading and compiling happen here, once, never per document.
 */
export function createActorStage(kb?: CompiledKb | ActorKbData | string, options: ActorStageOptions = {}) {
  const compiled: CompiledKb = kb === undefined || typeof kb === 'string'
    ? compileKb(loadActorKb(kb))
    : 'trie' in kb ? kb : compileKb(kb);
  return function actors(doc: Doc): void {
    recognize(compiled, doc, options.today ?? new Date().toISOString().slice(0, 10));
  };
}

/** Actor mentions lying inside `[start, end)` (doc.actorMentions is sorted by start). */
export function mentionsInRange(doc: Pick<Doc, 'actorMentions'>, start: number, end: number): ActorMention[] {
  const ms = doc.actorMentions;
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: ActorMention[] = [];
  for (let i = lo; i < ms.length && ms[i]!.start < end; i++) if (ms[i]!.end <= end) out.push(ms[i]!);
  return out;
}

/** The actor with this id, or undefined. */
export function actorById(doc: Pick<Doc, 'actors'>, id: string): Actor | undefined {
  return doc.actors.find((a) => a.id === id);
}

/** Words before a mention that make it a place rather than an actor ("in Beijing", "at the White House"). */
const LOCATIVE = new Set(['in', 'at', 'near', 'inside', 'outside', 'across', 'throughout', 'around', 'within']);

/**
 * True when the mention reads as a location: the word before it (skipping "the") is a locative
 * preposition. Events should not take such a mention as a source or target.
 */
export function isLocative(doc: Pick<Doc, 'text' | 'tokens'>, m: { start: number }): boolean {
  const T = doc.tokens;
  let lo = 0;
  let hi = T.start.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (T.start[mid]! < m.start) lo = mid + 1;
    else hi = mid;
  }
  let p = lo - 1;
  if (p >= 0 && T.lower[p] === 'the') p--;
  return p >= 0 && LOCATIVE.has(T.lower[p]!);
}
