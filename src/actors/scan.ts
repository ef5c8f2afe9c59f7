/**
 * The token-level passes of the actor recogniser: the KB trie scan (case- and date-checked),
 * per-token shape facts, the false-friend filter, and the date logic of office terms.
 * Plain top-level functions over arrays (kept out of recognize()'s closures for speed).
 */
import type { Doc } from '../doc.ts';
import type { CompiledKb, Entry, PersonRec } from './kb.ts';

/** A KB match in the text: `[start, end)`, its entries, first and last token. */
export interface Hit {
  start: number;
  end: number;
  entries: Entry[];
  t0: number;
  t1: number;
  /** Taken into a person's title or apposition. */
  used: boolean;
}

export const RE_LOWER = /\p{Ll}/u;
export const RE_UPPER = /\p{Lu}/u;
export const COUNTRY_KINDS = new Set(['state', 'demonym', 'adjective', 'capital', 'seat', 'igo', 'body']);
export const FUNCTION_POS = new Set(['ADP', 'DET', 'CCONJ', 'PRON', 'AUX', 'SCONJ']);

export function inDate(date: string, from: string | null | undefined, to: string | null | undefined): boolean {
  if (from && date < from) return false;
  if (to && date >= to) return false;
  return true;
}

/** Term bounds as comparable strings: start "2019" → "2019", end "2019" → "2019-12-31~". */
export function termCovers(date: string, start: string | null, end: string | null): boolean {
  if (start && date < start) return false;
  if (end && date > (end.length < 10 ? end + '~' : end)) return false;
  return true;
}

export interface PersonAtDate {
  country: string | null;
  sector: string | null;
  role: string | null;
  inOffice: boolean;
  /** roles.json rank of the office held at the date. */
  rank: string | null;
}

/** The office a KB person held at `date`: in office, else the latest past one (former), else the first. */
export function personAt(p: PersonRec, date: string): PersonAtDate {
  const now = p.terms.filter((t) => termCovers(date, t.start, t.end));
  if (now.length) {
    const t = now.find((x) => x.sector === 'GOV') ?? now[0]!;
    return { country: t.country, sector: t.sector, role: t.office, inOffice: true, rank: p.termRoles[p.terms.indexOf(t)]?.rank ?? null };
  }
  const past = p.terms.filter((t) => t.end && t.end < date).sort((a, b) => (b.end! < a.end! ? -1 : 1));
  if (past.length) return { country: past[0]!.country, sector: 'ELI', role: `former ${past[0]!.office}`, inOffice: false, rank: null };
  const first = p.terms[0];
  return { country: first?.country ?? null, sector: null, role: null, inOffice: false, rank: null };
}

/** The text's case agrees with the entry's case mode (see CaseMode). */
export function caseAgrees(e: Entry, text: string, s: number, end: number): boolean {
  if (e.caseMode === 'any') return true;
  const slice = text.slice(s, end);
  if (e.caseMode === 'acronym') return !RE_LOWER.test(slice);
  if (isUpperAt(text, s)) return true;
  if (e.surface[0] === e.surface[0]!.toLowerCase() && RE_UPPER.test(slice)) return true; // al-Qaeda
  return e.lowerOk && !RE_UPPER.test(slice);
}

/** One pass of the KB trie from every word-initial token: leftmost-longest, case- and date-checked. */
export function scanHits(kb: CompiledKb, text: string, f: Uint16Array, T: Doc['tokens'], date: string): Hit[] {
  const nT = T.start.length;
  const hits: Hit[] = [];
  // word starts are token starts (wink splits hyphens and possessives off), not every character
  const wordTable = kb.folder.wordTable;
  let after = 0;
  for (let t0 = 0; t0 < nT; t0++) {
    const i = T.start[t0]!;
    if (i < after || wordTable[f[i]!] !== 1 || (i > 0 && wordTable[f[i - 1]!] === 1)) continue;
    const ms = kb.trie.matchAt(f, i);
    for (let q = 0; q < ms.length; q++) {
      const m = ms[q]!;
      let valid: Entry[] | null = null;
      for (const e of m.values) if (caseAgrees(e, text, i, m.end) && inDate(date, e.from, e.to)) (valid ??= []).push(e);
      if (!valid) continue;
      let t1 = t0;
      while (t1 + 1 < nT && T.end[t1 + 1]! <= m.end) t1++;
      if (T.sentence[t1] !== T.sentence[t0]) continue; // never across a sentence or paragraph break
      hits.push({ start: i, end: m.end, entries: valid, t0, t1, used: false });
      after = m.end;
      break;
    }
  }
  return hits;
}

/** A plural role word: the head ("ministers", "officials", "advisers of ...") ends in -s. */
export function pluralTitle(key: string): boolean {
  const m = / (?:of|for|to|in|on) /.exec(key);
  const head = m ? key.slice(0, m.index).split(' ').pop()! : key.slice(key.lastIndexOf(' ') + 1);
  return head.length > 3 && head.endsWith('s') && !head.endsWith('ss');
}

export function isUpperAt(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = text[p]!;
  return ch !== ch.toLowerCase();
}

/** Letters, apostrophes, dots, spaces and hyphens only (folded codes). */
export function isWordShape(f: Uint16Array, wordTable: Uint8Array, a: number, b: number): boolean {
  for (let p = a; p < b; p++) {
    const c = f[p]!;
    if (wordTable[c] !== 1 && c !== 39 && c !== 46 && c !== 32 && c !== 45) return false;
    if (c >= 48 && c <= 57) return false;
  }
  return true;
}

/**
 * Per-token facts computed once per document: the lower-case form without a final dot, whether
 * the token is shaped like a capitalised word ("Blinken", "al-Kaabi"), and whether it may be
 * part of a name (not a closed-class word, month or title).
 */
export function tokenFacts(kb: CompiledKb, text: string, f: Uint16Array, T: Doc['tokens']): { lowArr: string[]; capArr: Uint8Array; nameWord: Uint8Array } {
  const nT = T.start.length;
  const lowArr: string[] = new Array(nT);
  const both = new Uint8Array(2 * nT);
  const capArr = both.subarray(0, nT);
  const nameWord = both.subarray(nT);
  const wordTable = kb.folder.wordTable;
  for (let k = 0; k < nT; k++) {
    const lw = T.lower[k]!;
    lowArr[k] = lw.charCodeAt(lw.length - 1) === 46 ? lw.slice(0, -1) : lw;
    const a = T.start[k]!;
    const b = T.end[k]!;
    if (isUpperAt(text, a)) capArr[k] = isWordShape(f, wordTable, a + 1, b) ? 1 : 0;
    else {
      // "al-Kaabi": a short lower-case particle glued to a capitalised name
      let p = a;
      while (p < b && p - a < 5 && text.charCodeAt(p) >= 97 && text.charCodeAt(p) <= 122) p++;
      if (p > a && p - a <= 4 && p + 1 < b && (f[p] === 39 || f[p] === 32) && text[p] !== ' ' && isUpperAt(text, p + 1) && isWordShape(f, wordTable, p + 2, b)) capArr[k] = 1;
    }
    if (capArr[k] === 1) {
      const l = lowArr[k]!;
      nameWord[k] = !kb.notNames.has(l) && !kb.calendar.has(l) && !kb.honorifics.has(l) ? 1 : 0;
    }
  }
  return { lowArr, capArr, nameWord };
}

/**
 * False friends: a capital or seat next to other capitalised words ("George Washington", "the
 * Washington Post"), an ambiguous name without support elsewhere ("Michael Jordan", "Atlanta,
 * Georgia"), an IGO body inside a longer name ("National Security Council"), a nationality word
 * inside an organisation's name ("the Turkish Friendship Hospital"), a one-word title used as a
 * surname ("Kevin King"). Drops those entries (and uncovers tokens of hits left empty).
 */
export function filterFalseFriends(kb: CompiledKb, text: string, T: Doc['tokens'], hits: Hit[], cover: Int32Array, capArr: Uint8Array, nameWord: Uint8Array, lowArr: string[]): void {
  const nT = T.start.length;
  const sameSent = (a: number, b: number) => a >= 0 && b >= 0 && a < nT && b < nT && T.sentence[a] === T.sentence[b];
  const sentStart = (t: number) => t === 0 || T.sentence[t - 1] !== T.sentence[t];
  const capNeighbour = (t: number) => cover[t] === -1 && capArr[t] === 1 && !kb.calendar.has(lowArr[t]!) && !FUNCTION_POS.has(T.pos[t]!) && !(sentStart(t) && kb.notNames.has(lowArr[t]!));
  const isComma = (t: number) => t >= 0 && T.end[t]! - T.start[t]! === 1 && text.charCodeAt(T.start[t]!) === 44;
  /** Capitalised words from `t` on that end in an organisation's head noun (Hospital, University). */
  const orgNameFollows = (t: number): boolean => {
    for (let k = t; k < nT && k < t + 5 && sameSent(k, t); k++) {
      if (!(cover[k] === -1 && capArr[k] === 1) && !(k > t && (T.lower[k] === 'of' || T.lower[k] === 'for'))) return false;
      if (kb.notNames.has(lowArr[k]!) && !kb.calendar.has(lowArr[k]!)) return true;
    }
    return false;
  };
  const support = new Set<string>();
  for (const h of hits) for (const e of h.entries) if (!e.ambiguous && COUNTRY_KINDS.has(e.kind) && typeof e.ref === 'string') support.add(e.ref);
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    const prev = h.t0 - 1;
    const next = h.t1 + 1;
    let pc = -1;
    let nc = -1;
    let dropped: boolean[] | null = null;
    for (let q = 0; q < h.entries.length; q++) {
      const e = h.entries[q]!;
      let keep = true;
      if (e.kind === 'role') {
        keep = !(h.t0 === h.t1 && capArr[h.t0] === 1 && sameSent(prev, h.t0) && cover[prev] === -1 && nameWord[prev] === 1 && !(sameSent(next, h.t1) && capArr[next] === 1));
      } else if (e.kind === 'person' && !e.full) {
        keep = true; // decided with the name runs
      } else {
        const needPrev = e.ambiguous || e.kind === 'capital' || e.kind === 'seat' || e.kind === 'body' || e.kind === 'igo';
        const needNext = e.ambiguous || e.kind === 'capital' || e.kind === 'seat' || e.kind === 'demonym' || e.kind === 'adjective' || e.kind === 'state';
        if (needPrev && pc < 0) pc = sameSent(prev, h.t0) && capNeighbour(prev) && (!sentStart(prev) || T.pos[prev] === 'PROPN') ? 1 : 0;
        if (needNext && nc < 0) nc = sameSent(next, h.t1) && capNeighbour(next) ? 1 : 0;
        if (e.ambiguous) {
          const commaCap = sameSent(prev - 1, h.t0) && isComma(prev) && capNeighbour(prev - 1);
          keep = pc === 0 && nc === 0 && !commaCap && typeof e.ref === 'string' && support.has(e.ref);
        } else if (e.kind === 'capital' || e.kind === 'seat') {
          // "Paris, Texas.": a town followed by its region, not the capital
          const region = isComma(next) && sameSent(next + 1, h.t1) && cover[next + 1] === -1 && capArr[next + 1] === 1 && (next + 2 >= nT || !sameSent(next + 2, h.t1) || isComma(next + 2) || T.lower[next + 2] === '.');
          keep = pc === 0 && nc === 0 && !region;
        }
        else if (e.kind === 'body' || e.kind === 'igo') keep = pc === 0;
        else if (nc === 1) keep = !orgNameFollows(next);
      }
      if (!keep) (dropped ??= [])[q] = true;
    }
    if (!dropped) continue;
    const kept = dropped;
    h.entries = h.entries.filter((_, q) => !kept[q]);
    if (!h.entries.length) for (let t = h.t0; t <= h.t1; t++) cover[t] = -1;
  }
}
