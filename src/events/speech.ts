/**
 * Speech frames: what a speaker says about another actor.
 *
 *   "…, Wang told Blinken"            speaker → addressee
 *   "S said T had …" / "…, S said."   speaker → the actor the words are about
 *   "S described T's move as dangerous" (characterisation)
 *   "S said that T should …"          REQUEST speaker → T
 *
 * A speaker's words count as an accusation or a rejection only when they hold a cue word from
 * the lexicon (accuseCues, rejectCues) that no negator just before cancels, and when they name at
 * most two other codable actors. Confidences come from lexicon.confidence.
 */
import type { Pattern, PatternSet } from './patterns.ts';
import type { DocContext } from './context.ts';
import { chunkActors, codable, findSubject, groupRight } from './args.ts';
import { clauseSubjectSpan, type Diagnostic, type Reading } from './match.ts';
import type { PloverType } from '../extraction.ts';

/** The pattern-like records speech readings carry (id, type, mode), built once per stage. */
export interface SpeechPatterns {
  accuse: Pattern;
  reject: Pattern;
  request: Pattern;
  characterize: Pattern;
  warn: Pattern;
  support: Pattern;
  /** THREATEN readings derived from announced sanctions, attacks, arrests or deployments, and
   * AGREE (intent) readings from announced aid, cooperation, withdrawals or concessions */
  threat: Partial<Record<PloverType, Pattern>>;
}

function synthetic(id: string, type: PloverType, mode: string | null, confidence: number): Pattern {
  return { id, type, mode, kind: 'verb', trigger: ['say'], target: 'object', confidence, file: 'data/patterns/lexicon.json' };
}

export function speechPatterns(ps: PatternSet): SpeechPatterns {
  const c = ps.lexicon.confidence;
  return {
    accuse: synthetic('accuse.speech-cue', 'ACCUSE', 'criticize', c.speechAccuse),
    reject: synthetic('reject.speech-cue', 'REJECT', 'reject', c.speechReject),
    request: synthetic('request.speech-should', 'REQUEST', 'urge', c.speechRequest),
    characterize: synthetic('accuse.describe-as', 'ACCUSE', 'criticize', c.characterize),
    warn: synthetic('threaten.warn-of', 'THREATEN', 'warn', c.speechThreat),
    support: synthetic('support.speech-cue', 'SUPPORT', 'praise', c.speechSupport),
    threat: {
      SANCTION: synthetic('threaten.announced-sanction', 'THREATEN', 'sanctions', c.impliedThreat),
      ASSAULT: synthetic('threaten.announced-attack', 'THREATEN', 'force', c.impliedThreat),
      COERCE: synthetic('threaten.announced-coercion', 'THREATEN', 'force', c.impliedThreat),
      MOBILIZE: synthetic('threaten.announced-deployment', 'THREATEN', 'force', c.impliedThreat),
      ACCUSE: synthetic('threaten.announced-lawsuit', 'THREATEN', 'threaten', c.impliedThreat),
      AID: synthetic('agree.announced-aid', 'AGREE', 'intent', c.impliedIntent),
      COOPERATE: synthetic('agree.announced-cooperation', 'AGREE', 'intent', c.impliedIntent),
      RETREAT: synthetic('agree.announced-retreat', 'AGREE', 'intent', c.impliedIntent),
      CONCEDE: synthetic('agree.announced-concession', 'AGREE', 'intent', c.impliedIntent),
    },
  };
}

const DASHES = new Set(['-', '–', '‑']);
const LED = new Set(['led', 'backed', 'sponsored', 'brokered', 'funded', 'supported', 'armed']);
const BE = new Set(['be', 'being', 'been', 'is', 'was', 'were', 'are', 'am', "'s"]);
const QUOTE = new Set(['"', '“', '”', '«', '»']);
/** "T should expect / face …": what is in store for T, not what T is asked to do */
const EXPECT = new Set(['expect', 'face', 'brace', 'prepare', 'suffer', 'pay']);

function blank(): Reading['flags'] {
  return { negated: false, hypothetical: false, future: false, background: false, why: [], threat: false };
}

/**
 * Cue words in [a, b) not cancelled by a negator within the three tokens before, not in a
 * passive ("was being manipulated": the speaker's side is the victim), and not after a future
 * or modal marker of the words ("we will ask the court to look into crimes").
 */
function cueIn(ctx: DocContext, a: number, b: number, cues: ReadonlySet<string>): number {
  const t = ctx.doc.tokens;
  const lex = ctx.lex;
  let modalAt = -100;
  for (let k = a; k < b; k++) {
    const w = t.lower[k]!;
    if (lex.futureMarkers.has(w) || w === 'would') modalAt = k;
    if (!(cues.has(w) || cues.has(ctx.lemma[k]!))) continue;
    if (ctx.mentionAt[k]! >= 0) continue; // "International Criminal Court" is a name, not a cue
    if (k - modalAt <= 8) continue;
    let neg = false;
    for (let q = Math.max(a, k - 3); q < k; q++) if (lex.negators.has(t.lower[q]!) || ctx.lemma[q] === 'not') neg = true;
    const passive = k > a && (ctx.lemma[k - 1] === 'be' || BE.has(t.lower[k - 1]!)) && /(ed|en)$/.test(w);
    if (!neg && !passive) return k;
  }
  return -1;
}

/** A threat cue after a future or conditional marker in [a, b), or -1. */
function threatCue(ctx: DocContext, a: number, b: number): number {
  const t = ctx.doc.tokens;
  const lex = ctx.lex;
  let marker = false;
  for (let k = a; k < b; k++) {
    const w = t.lower[k]!;
    if (lex.futureMarkers.has(w) || w === 'would') marker = true;
    if (lex.negators.has(w) && !marker) return -1;
    if (marker && (lex.threatCues.has(w) || lex.threatCues.has(ctx.lemma[k]!)) && ctx.mentionAt[k]! < 0) {
      // "would suspend or remove countermeasures": undoing a measure is no threat
      let undone = false;
      for (let q = Math.max(a, k - 4); q < k; q++) if (t.pos[q] === 'VERB' && lex.undoVerbs.has(ctx.lemma[q]!)) undone = true;
      if (undone) return -1;
      return k;
    }
  }
  return -1;
}

/** End of the clause that starts at a: ';' or a comma followed by a contrastive subordinator. */
function clauseEnd(ctx: DocContext, a: number, b: number, keepConditions = false): number {
  const t = ctx.doc.tokens;
  for (let k = a; k < b; k++) {
    const w = t.lower[k]!;
    if (w === ';') return k;
    if (w === ',' && k + 1 < b && ['while', 'but', 'whereas', 'although', 'though', 'as'].includes(t.lower[k + 1]!)) return k;
    // "S said …, and Chinese officials criticised …" / "…, and threatened to …": a coordinated
    // clause or predicate is no longer the reported words ("…, and that …" still is)
    if (w === ',' && k > a && t.lower[k + 1] === 'and' && t.lower[k + 2] !== 'that' && hasVerb(ctx, k + 2, Math.min(b, k + 10))) return k;
    // "…, matching the latest US escalation": a participle after the reported clause is the
    // narrator's gloss (a speech verb, ", adding …", has its own reading)
    if (w === ',' && k > a + 3 && t.pos[k + 1] === 'VERB' && t.lower[k + 1]!.endsWith('ing') && !ctx.lex.speechVerbs.has(ctx.lemma[k + 1]!) && !quoted(ctx, a, k)) return k;
    if ((w === 'if' || w === 'unless') && k > a && !keepConditions) return k;
    if (w === 'but' && t.pos[k] === 'CCONJ') return k;
  }
  return b;
}

/** A quotation mark in [a, b): the speaker's own words, not the narrator's. */
function quoted(ctx: DocContext, a: number, b: number): boolean {
  for (let q = a; q < b; q++) if (QUOTE.has(ctx.doc.tokens.lower[q]!)) return true;
  return false;
}

/** A verb in [a, b) before any comma: ", and Chinese officials criticised …" is a clause, ", and Iran's violation of …" a list item. */
function hasVerb(ctx: DocContext, a: number, b: number): boolean {
  const t = ctx.doc.tokens;
  for (let q = a; q < b && t.lower[q] !== ','; q++) if ((t.pos[q] === 'VERB' || t.pos[q] === 'AUX') && ctx.mentionAt[q]! < 0) return true;
  return false;
}

/** A demonym names its state only before a role noun ("Syrian officials", not "Syrian Kurds"). */
function statelike(ctx: DocContext, m: number): boolean {
  const mention = ctx.doc.actorMentions[m];
  if (!mention || mention.label !== 'demonym') return true; // virtual mentions (a quote's "we") are not demonyms
  const [a, e] = ctx.mentionTokens[m]!;
  const t = ctx.doc.tokens;
  if (e - a > 1 && ctx.lex.roleNouns.has(t.lower[e - 1]!)) return true;
  // "a Russian-led attack", "Iranian-backed militias": the state leads or backs
  if (DASHES.has(t.lower[e] ?? '') && LED.has(t.lower[e + 1] ?? '')) return true;
  return e < t.lower.length && ctx.lex.roleNouns.has(t.lower[e]!);
}

/** Speech-frame readings of sentence s. */
export function speechReadings(ctx: DocContext, sp: SpeechPatterns, s: number, trace: Diagnostic[] | null): Reading[] {
  const [s0, s1] = ctx.sentenceTokens[s]!;
  const t = ctx.doc.tokens;
  const lex = ctx.lex;
  const out: Reading[] = [];
  let lastSpeaker: number[] = [];
  for (let i = s0; i < s1; i++) {
    const lem = ctx.lemma[i]!;
    if (t.pos[i] !== 'VERB') continue;
    const isSpeech = lex.speechVerbs.has(lem);
    const isChar = lex.characterizeVerbs.has(lem);
    if (!isSpeech && !isChar) continue;
    const near = (rule: string, reason: string) => {
      if (trace) trace.push({ sentence: s, rule, trigger: t.lower[i]!, token: i, outcome: 'near', reason });
    };
    // the speaker: subject before the verb, or after it in "…, said Lavrov" / "…, Syria said";
    // ", adding that …" continues the sentence's previous speaker
    const continuing = i > s0 && (t.lower[i - 1] === ',' || QUOTE.has(t.lower[i - 1]!)) && t.lower[i]!.endsWith('ing') && lastSpeaker.length > 0;
    let speaker = continuing ? [...lastSpeaker] : findSubject(ctx, i, s0).mentions;
    let after = i + 1;
    // "…, said Lavrov": the speaker follows the verb (", saying …" has its subject before)
    let inverted = false;
    if (!speaker.length && i > s0 && (t.lower[i - 1] === ',' || QUOTE.has(t.lower[i - 1]!)) && !t.lower[i]!.endsWith('ing')) {
      inverted = true;
      const g = groupRight(ctx, i + 1, s1);
      for (const c of g) speaker.push(...chunkActors(ctx, c, false).mentions);
      if (g.length) after = g[g.length - 1]!.end;
    } else if (speaker.length && i > s0 && (t.lower[i - 1] === ',' || QUOTE.has(t.lower[i - 1]!)) && !t.lower[i]!.endsWith('ing')) {
      inverted = speakerStart(ctx, speaker, i) > i; // never: a found subject precedes the verb
    }
    speaker = oneByCode(ctx, speaker.filter((m) => !ctx.mentionLocative[m]));
    if (!speaker.length) continue;
    lastSpeaker = speaker;
    const spCodes = new Set(speaker.map((m) => ctx.mentionCode[m]));
    const mk = (p: Pattern, src: number, tgt: number, how: string): Reading => ({ pattern: p, sentence: s, trigger: i, frameEnd: i + 1, source: src, target: tgt, flags: blank(), confidence: p.confidence, how: [how] });

    // characterisation: "described the US move as provocative", "called the plan dangerous"
    if (isChar) {
      const g = groupRight(ctx, i + 1, s1);
      const c = g[0];
      if (c) {
        const tg = codable(ctx, c.mentions).filter((m) => !ctx.mentionLocative[m] && !spCodes.has(ctx.mentionCode[m]));
        const e = g[g.length - 1]!.end;
        // "called Borduria reckless": the cue may sit inside the phrase, after the actor
        const lastActor = tg.length ? ctx.mentionTokens[tg[tg.length - 1]!]![1] : e;
        const cue = cueIn(ctx, Math.min(lastActor, e), Math.min(s1, e + 8), lex.accuseCues);
        if (tg.length && cue >= 0 && (t.lower[e] === 'as' || lem === 'call' || lem === 'dub' || lem === 'term' || lem === 'brand' || lem === 'label')) {
          for (const a of speaker) for (const b of tg) out.push(mk(sp.characterize, a, b, `characterisation: cue '${t.lower[cue]}'`));
          continue;
        }
        if (tg.length) near(sp.characterize.id, cue < 0 ? 'no accusation cue after the object' : "no 'as' after the object");
      }
      if (!isSpeech) continue;
    }

    // the words: after the verb, or (inverted or quote before) the part before the attribution
    let a = after;
    let b = s1;
    let addressee: number[] = [];
    if (lex.addresseeVerbs.has(lem)) {
      const g = groupRight(ctx, after, s1);
      if (g.length) {
        for (const c of g) addressee.push(...chunkActors(ctx, c, false).mentions);
        a = g[g.length - 1]!.end;
      }
    }
    addressee = addressee.filter((m) => !spCodes.has(ctx.mentionCode[m]));
    const endsSentence = a >= s1 - 1 || t.lower[a] === '.' || t.lower[a] === ',' && !addressee.length && a + 1 >= s1 - 1;
    // '“…,” White House spokesman Josh Earnest told reporters': the quote before the speaker is the words
    let sp0 = speakerStart(ctx, speaker, i) - 1;
    while (sp0 > s0 && ctx.mentionAt[sp0]! < 0 && (t.pos[sp0] === 'PROPN' || t.pos[sp0] === 'NOUN' || t.pos[sp0] === 'DET' || t.pos[sp0] === 'ADJ')) sp0--;
    if (sp0 > s0 && t.lower[sp0] === ',') sp0--;
    const quoteFirst = sp0 > s0 && QUOTE.has(t.lower[sp0]!) && QUOTE.has(t.lower[s0]!);
    // "…, Blinken told reporters, adding that …": the words before the attribution are this
    // verb's, the ones after belong to the participle
    const betweenCommas = sp0 > s0 + 2 && t.lower[sp0 + 1] === ',' && t.lower[a] === ',' && t.lower[a + 1]?.endsWith('ing') === true && !addressee.length;
    const wordsFirst = inverted || endsSentence || quoteFirst || betweenCommas;
    if (wordsFirst) {
      // "…, Syria said." / "…, he told Blinken": the words come first
      a = s0;
      b = speakerStart(ctx, speaker, i);
    }
    const bFull = b;
    b = clauseEnd(ctx, a, b);
    if (b - a < 3) continue;
    // THREATEN: "Turkey warned it will not stand by and watch a Russian-led attack", "warned of a clash with the US"
    let wa = a;
    // "warned on Saturday that …": the words may open after a short time phrase
    for (let q = a; q < Math.min(b, a + 5) && t.lower[wa] !== 'that'; q++) if (t.lower[q] === 'that') wa = q;
    if (lex.warnVerbs.has(lem) && !wordsFirst && !addressee.length && (t.lower[wa] === 'of' || t.lower[wa] === 'that' || t.pos[wa] === 'PRON')) {
      // a warning's condition often names its target ("… if Greece continued to …")
      const e = clauseEnd(ctx, wa, Math.min(bFull, wa + 25), true);
      let tg = -1;
      for (let k = a; k < e && tg < 0; k++) {
        const m = ctx.mentionAt[k]!;
        if (m >= 0 && ctx.mentionCode[m] && !spCodes.has(ctx.mentionCode[m]) && !ctx.mentionLocative[m] && statelike(ctx, m)) tg = m;
      }
      if (tg >= 0) for (const src of speaker) out.push(mk(sp.warn, src, tg, 'warning about another actor'));
      else near(sp.warn.id, 'the warning names no other codable actor');
      continue;
    }
    // REQUEST: "said (that) Britain, France and Germany should take back …"
    if (!inverted) {
      // "tweeted on Sunday that …": the clause may open after a short time phrase
      let k = a;
      for (let q = a; q < Math.min(b, a + 6); q++) {
        if (t.lower[q] === 'that') {
          k = q;
          break;
        }
        if (t.pos[q] === 'VERB' || t.lower[q] === ',') break;
      }
      if (t.lower[k] === 'that') k++;
      const subj = clauseSubjectSpan(ctx, k, b);
      // "said Israel should expect severe punishment": what T should expect or face is a threat
      if (subj.mentions.length && subj.next < b && ['should', 'must'].includes(t.lower[subj.next]!) && EXPECT.has(ctx.lemma[subj.next + 1] ?? '')) {
        let cue = -1;
        for (let q = subj.next + 2; q < b && cue < 0; q++) if (lex.threatCues.has(t.lower[q]!) || lex.threatCues.has(ctx.lemma[q]!)) cue = q;
        if (cue >= 0) {
          for (const src of speaker) for (const tg of subj.mentions) if (!spCodes.has(ctx.mentionCode[tg])) out.push(mk(sp.warn, src, tg, `speech: '${t.lower[subj.next]} ${t.lower[subj.next + 1]}' a threat cue ('${t.lower[cue]}')`));
          continue;
        }
        if (ctx.lemma[subj.next + 1] !== 'pay' && ctx.lemma[subj.next + 1] !== 'prepare') continue;
      }
      if (subj.mentions.length && subj.next < b && lex.requestModals.has(t.lower[subj.next]!) && (['should', 'must', 'ought'].includes(t.lower[subj.next]!) || t.lower[subj.next + 1] === 'to')) {
        for (const src of speaker) for (const tg of subj.mentions) if (!spCodes.has(ctx.mentionCode[tg])) out.push(mk(sp.request, src, tg, `speech: '${t.lower[subj.next]}' in the reported words`));
        continue;
      }
    }
    // THREATEN: "China will take necessary countermeasures" (a future marker, then a threat cue)
    const th = threatCue(ctx, a, b);
    if (th >= 0) {
      let tg = oneByCode(ctx, addressee);
      // the actor nearest before the cue in the words ("that Damascus would face consequences")
      for (let k = th - 1; !tg.length && k >= a; k--) {
        const m = ctx.mentionAt[k]!;
        const c = m >= 0 ? ctx.mentionCode[m] : null;
        if (c && !spCodes.has(c) && !ctx.mentionLocative[m] && statelike(ctx, m)) tg = [m];
        if (c && spCodes.has(c)) break; // the speaker's own side threatens: look elsewhere
      }
      if (!tg.length) {
        // the other party of the sentence: the only one, or the one named most often
        const others = new Map<string, { m: number; n: number }>();
        let last = -1;
        for (let k = s0; k < s1; k++) {
          const m = ctx.mentionAt[k]!;
          if (m === last) continue;
          last = m;
          const c = m >= 0 ? ctx.mentionCode[m] : null;
          if (!c || spCodes.has(c) || ctx.mentionLocative[m] || !statelike(ctx, m)) continue;
          const o = others.get(c);
          if (o) o.n++;
          else others.set(c, { m, n: 1 });
        }
        const ranked = [...others.values()].sort((x, y) => y.n - x.n);
        if (ranked.length === 1 || (ranked.length > 1 && ranked[0]!.n > ranked[1]!.n)) tg = [ranked[0]!.m];
      }
      if (tg.length) {
        for (const src of speaker) for (const x of tg) out.push(mk(sp.warn, src, x, `speech: threat cue '${t.lower[th]}'`));
        continue;
      }
      near(sp.warn.id, 'a threat with no single other actor in the sentence');
    }
    // accusation (or, failing one, rejection) and support cues each find the actor they are about
    const accuse = cueIn(ctx, a, b, lex.accuseCues);
    const reject = accuse < 0 ? cueIn(ctx, a, b, lex.rejectCues) : -1;
    const support = cueIn(ctx, a, b, lex.supportCues);
    const readings: Array<[Pattern, number]> = [];
    if (accuse >= 0) readings.push([sp.accuse, accuse]);
    else if (reject >= 0) readings.push([sp.reject, reject]);
    if (support >= 0) readings.push([sp.support, support]);
    if (!readings.length) continue;
    const ms: number[] = [];
    const codes = new Set<string>();
    for (let k = a; k < b; k++) {
      const m = ctx.mentionAt[k]!;
      if (m < 0 || ms.includes(m) || ctx.mentionLocative[m]) continue;
      const c = ctx.mentionCode[m];
      if (!c || spCodes.has(c) || !statelike(ctx, m)) continue;
      codes.add(c);
      ms.push(m);
    }
    for (const [p, cueAt] of readings) {
      let targets = oneByCode(ctx, addressee);
      if (!targets.length) {
        if (codes.size > 2) {
          near(p.id, `the words name ${codes.size} other actors: too vague`);
          continue;
        }
        // the actor the cue is about: the nearest one before it (else after it)
        let best = -1;
        let bestD = Infinity;
        for (const m of ms) {
          const [ma, mb] = ctx.mentionTokens[m]!;
          // "concern over coercive action against Taiwan": the victim after the cue is not its target
          if (ma > cueAt && ma > s0 && t.lower[ma - 1] === 'against') continue;
          const d = mb <= cueAt ? cueAt - mb : (ma - cueAt) * 2 + 1;
          if (d < bestD && d <= 60) {
            best = m;
            bestD = d;
          }
        }
        targets = best >= 0 ? [best, ...coordinated(ctx, best, ms)] : [];
      }
      if (!targets.length) {
        near(p.id, 'the words name no other codable actor');
        continue;
      }
      for (const src of speaker) for (const tg of targets) out.push(mk(p, src, tg, `speech: cue '${t.lower[cueAt]}'${addressee.length ? ', target = addressee' : ''}`));
    }
  }
  return out;
}

function oneByCode(ctx: DocContext, ms: number[]): number[] {
  const seen = new Set<string | null>();
  return ms.filter((m) => !seen.has(ctx.mentionCode[m]!) && (seen.add(ctx.mentionCode[m]!), true));
}

/** Candidates coordinated with `best` ("Tokyo and Seoul were stoking …"): only list material between. */
function coordinated(ctx: DocContext, best: number, ms: number[]): number[] {
  const t = ctx.doc.tokens;
  const out: number[] = [];
  for (const m of ms) {
    if (m === best || ctx.mentionCode[m] === ctx.mentionCode[best]) continue;
    const [a1, b1] = ctx.mentionTokens[Math.min(m, best)]!;
    const [a2] = ctx.mentionTokens[Math.max(m, best)]!;
    void a1;
    let ok = a2 - b1 <= 4;
    for (let k = b1; k < a2 && ok; k++) if (!(t.lower[k] === ',' || ctx.lex.coordinators.has(t.lower[k]!) || t.pos[k] === 'DET')) ok = false;
    if (ok) out.push(m);
  }
  return out;
}

/** First token of the speaker phrase (or the verb) so the words exclude the attribution. */
function speakerStart(ctx: DocContext, speaker: number[], i: number): number {
  let min = i;
  for (const m of speaker) min = Math.min(min, ctx.mentionTokens[m]![0]);
  return min;
}

