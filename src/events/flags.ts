/**
 * Reading flags: negated ("did not meet", "denied meeting"), hypothetical ("would", "if",
 * "urged X to withdraw"), future ("will visit", "is scheduled to meet", "upcoming visit") and
 * background ("two years ago", an earlier year). Each flag comes with the word that set it.
 */
import type { DocContext } from './context.ts';

export interface Flags {
  negated: boolean;
  hypothetical: boolean;
  future: boolean;
  background: boolean;
  /** word that set each flag, for explain */
  why: string[];
  /** future or hypothetical in a way that announces the act ("will impose", "would strike", "vowed to expel") */
  threat: boolean;
}

const QUOTE_MARKS = new Set(['"', '“', '”', '‘', '’', "'"]);
const YEAR = /^(1[89]\d\d|20\d\d)$/;
const POSSESSIVE = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

/**
 * Flags of a reading triggered at token `i` whose clause starts at `from` (the subject) in a
 * sentence starting at s0. `kind` tells whether the trigger is a verb or a noun.
 */
export function readingFlags(ctx: DocContext, i: number, from: number, s0: number, s1: number, kind: 'verb' | 'noun', published: string | null): Flags {
  const t = ctx.doc.tokens;
  const lex = ctx.lex;
  // "to cancel a meeting with …" tagged as a verb after a determiner: a noun's flags
  if (kind === 'verb' && i - 1 >= s0 && (t.pos[i - 1] === 'DET' || POSSESSIVE.has(t.lower[i - 1]!))) kind = 'noun';
  const f: Flags = { negated: false, hypothetical: false, future: false, background: false, why: [], threat: false };
  const ANNOUNCING = new Set(['would']);
  const set = (k: 'negated' | 'hypothetical' | 'future' | 'background', w: string) => {
    if (!f[k]) f.why.push(`${k}: '${w}'`);
    f[k] = true;
  };
  // the auxiliary chain and adverbs right before the trigger
  let k = i - 1;
  let steps = 0;
  while (k >= s0 && steps++ < 6) {
    const w = t.lower[k]!;
    const pos = t.pos[k]!;
    const lem = ctx.lemma[k]!;
    if (w === 'to' && pos === 'PART') break; // an infinitive: its governor decides below
    if (QUOTE_MARKS.has(w)) {
      k--; // 'will “expel …”': a quote mark does not end the auxiliary chain
      continue;
    }
    if (lex.negators.has(w) || lem === 'not') set('negated', w);
    else if (lex.futureMarkers.has(w) && (pos === 'AUX' || pos === 'VERB')) {
      set('future', w);
      f.threat = true;
    } else if (lex.hypotheticalModals.has(w) && (pos === 'AUX' || pos === 'VERB')) {
      set('hypothetical', w);
      if (ANNOUNCING.has(w)) f.threat = true;
    } else if (lex.backgroundMarkers.has(w)) set('background', w);
    if (pos === 'AUX' || pos === 'ADV' || pos === 'PART' || (pos === 'VERB' && (lem === 'have' || lem === 'be' || lem === 'do'))) {
      k--;
      continue;
    }
    // noun triggers: determiners and modifiers ("no talks", "the upcoming visit", "a possible summit")
    if (kind === 'noun' && (pos === 'DET' || pos === 'ADJ' || pos === 'NUM' || pos === 'PROPN' || pos === 'NOUN' || w === "'s" || POSSESSIVE.has(w) || ((w === '–' || w === '-' || w === '/') && k > s0 && t.pos[k - 1] === 'PROPN'))) {
      if (lex.futureModifiers.has(w)) set(w === 'possible' || w === 'potential' || w === 'proposed' ? 'hypothetical' : 'future', w);
      k--;
      continue;
    }
    break;
  }
  // a noun's governor: "asked for a meeting", "plans for a summit" (prepGovernors), "expected a
  // deal", "sought talks" (nounGovernors); a light verb passes on its own flags ("is due to hold
  // talks", "did not hold talks")
  if (kind === 'noun' && k >= s0 && k < i) {
    const w = t.lower[k]!;
    if ((w === 'for' || w === 'of') && k - 1 >= s0 && (lex.prepGovernors.has(t.lower[k - 1]!) || lex.prepGovernors.has(ctx.lemma[k - 1]!))) {
      set('hypothetical', `${t.lower[k - 1]} ${w}`);
    } else if (t.pos[k] === 'VERB' && ctx.mentionAt[k]! < 0) {
      const gl = ctx.lemma[k]!;
      if (lex.nounGovernors.has(gl)) set('hypothetical', t.lower[k]!);
      else if (lex.lightVerbs.has(gl)) {
        const vf = readingFlags(ctx, k, from, s0, s1, 'verb', published);
        for (const key of ['negated', 'hypothetical', 'future'] as const) if (vf[key]) set(key, `${t.lower[k]} (${vf.why.find((x) => x.startsWith(key)) ?? key})`);
        if (vf.threat) f.threat = true;
      }
    }
  }
  // "denied meeting", "refused to meet", "plans to visit", "urged Turkey to withdraw"
  let g = k;
  if (g >= s0 && t.lower[g] === 'to' && t.pos[g] === 'PART') {
    g--;
    // skip an object phrase between governor and 'to' ("urged Turkey to"), unless the word
    // before 'to' governs it itself ("plans to", "is expected to")
    let skipped = 0;
    const governs = (q: number) => [lex.futureGovernors, lex.hypotheticalGovernors, lex.factiveGovernors, lex.negatingVerbs, lex.ongoingGovernors].some((l) => l.has(ctx.lemma[q]!) || l.has(t.lower[q]!));
    while (g >= s0 && skipped < 6 && !governs(g) && (ctx.mentionAt[g]! >= 0 || ['NOUN', 'PROPN', 'DET', 'PRON', 'ADJ', 'NUM'].includes(t.pos[g]!) || t.lower[g] === "'s")) {
      g--;
      skipped++;
    }
    while (g >= s0 && t.pos[g] === 'ADV') g--;
    const gl = g >= s0 ? ctx.lemma[g]! : '';
    const gw = g >= s0 ? t.lower[g]! : '';
    if (lex.threatGovernors.has(gl) || lex.threatGovernors.has(gw)) f.threat = true;
    if (lex.negatingVerbs.has(gl)) set('negated', gw);
    else if (lex.futureGovernors.has(gl) || lex.futureGovernors.has(gw) || (gl === 'be' && skipped === 0)) set('future', gw || 'to');
    else if (!lex.factiveGovernors.has(gl)) set('hypothetical', gw ? `${gw} … to` : 'to');
    // the governor's own auxiliaries ("will try to", "did not agree to"); "will continue to
    // provide" is ongoing, not future
    let a = g - 1;
    let n = 0;
    if (lex.ongoingGovernors.has(gl)) a = -1;
    while (a >= s0 && n++ < 4 && (t.pos[a] === 'AUX' || t.pos[a] === 'PART' || t.pos[a] === 'ADV')) {
      const w = t.lower[a]!;
      if (lex.futureMarkers.has(w)) set('future', w);
      else if (lex.hypotheticalModals.has(w)) set('hypothetical', w);
      if (lex.futureMarkers.has(w) || ANNOUNCING.has(w)) f.threat = f.threat || !lex.hypotheticalGovernors.has(gl) || lex.threatGovernors.has(gl);
      else if (lex.negators.has(w) || ctx.lemma[a] === 'not') set('negated', w);
      a--;
    }
  } else if (g >= s0 && lex.negatingVerbs.has(ctx.lemma[g]!) && (t.lower[i]!.endsWith('ing') || kind === 'noun')) {
    set('negated', t.lower[g]!);
  } else if (g >= s0 && t.lower[g] === 'without') {
    set('negated', 'without');
  }
  // "accused the UAE of supplying weapons": an alleged act, not a reported one
  if (kind === 'verb' && i - 1 > s0 && t.lower[i - 1] === 'of' && t.lower[i]!.endsWith('ing')) {
    for (let q = i - 2; q >= Math.max(s0, i - 10); q--) if (t.pos[q] === 'VERB' && lex.allegingVerbs.has(ctx.lemma[q]!)) {
      set('hypothetical', `${t.lower[q]} … of`);
      break;
    }
  }
  // a conditional earlier in the sentence, with no clause break in between ("if China attacks …")
  for (let q = i - 1; q >= s0; q--) {
    const w = t.lower[q]!;
    if (w === ';') break;
    // a noun ("Tuesday's sanctions") is presupposed unless the conditional opens its own phrase
    // "asked if", "unclear whether": an embedded question, not a condition on the trigger's clause
    const embedded = q > s0 && ['ask', 'wonder', 'know', 'see', 'unclear', 'question', 'decide', 'determine'].includes(ctx.lemma[q - 1]!);
    if (lex.hypotheticalConjunctions.has(w) && t.pos[q] !== 'NOUN' && !embedded && (kind === 'verb' || i - q <= 4)) {
      set('hypothetical', w);
      f.threat = false; // the condition, not the announced act
      break;
    }
  }
  // "criticism that he is caving to Beijing", "fears that Russia will invade": not reported as fact
  for (let q = i - 1, n = 0; q > s0 && n < 12; q--, n++) {
    const w = t.lower[q]!;
    if (w === ';' || w === ',') break;
    if (w === 'that' && t.pos[q] !== 'DET') {
      if (lex.nonFactualNouns.has(t.lower[q - 1]!)) set('hypothetical', `${t.lower[q - 1]} that`);
      // "demanded that Ukraine withdraw": a base-form verb after a mandative verb is demanded
      else if (kind === 'verb' && lex.mandativeVerbs.has(ctx.lemma[q - 1]!) && t.lower[i] === ctx.lemma[i]) set('hypothetical', `${t.lower[q - 1]} that`);
      break;
    }
  }
  // background: "two years ago", "in 2014" near the trigger
  const pubYear = published ? Number(published.slice(0, 4)) : NaN;
  for (let q = Math.max(s0, from); q < Math.min(s1, i + 10); q++) {
    const w = t.lower[q]!;
    if (w === 'ago' && q > i) set('background', w);
    if (Number.isFinite(pubYear) && YEAR.test(w) && Number(w) < pubYear) {
      // "in 2014", "since 2016": a date clearly before the article
      const p = t.lower[q - 1] ?? '';
      const pp = t.lower[q - 2] ?? '';
      if (['in', 'since', 'during', 'until'].includes(p) || ['in', 'since', 'during', 'until'].includes(pp)) set('background', w);
    }
  }
  return f;
}
