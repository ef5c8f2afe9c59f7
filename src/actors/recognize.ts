/**
 * The actor recogniser: one pass of the KB trie over the folded text, then person names built
 * from tokens (titles before the name, appositions after it, short forms, pronouns), all
 * resolved at the article's date. Fills doc.actors and doc.actorMentions.
 */
import type { ActorMention, Doc } from '../doc.ts';
import type { Actor, ActorKind } from '../extraction.ts';
import type { CompiledKb, Entry } from './kb.ts';
import { slug } from './kb.ts';
import type { Role } from './schema.ts';
import {
  caseAgrees, COUNTRY_KINDS, filterFalseFriends, isUpperAt, isWordShape, personAt, pluralTitle, RE_LOWER,
  scanHits, termCovers, tokenFacts, type Hit,
} from './scan.ts';

export { personAt, scanHits, tokenFacts } from './scan.ts';
export type { PersonAtDate } from './scan.ts';

/** How an actor was mentioned (ActorMention.label). */
export type MentionLabel = 'name' | 'title' | 'pronoun' | 'metonym' | 'demonym' | 'state' | 'igo' | 'body' | 'group';


interface DocActor {
  id: string;
  name: string;
  aliases: Set<string>;
  kind: ActorKind;
  country: string | null;
  sector: string | null;
  role: string | null;
  mentions: ActorMention[];
  /** Rank of the role (roles.json) the person holds, when known. */
  rank?: string | undefined;
  /** The country is only a birthplace: left out of the article's state tally. */
  bornOnly?: boolean | undefined;
  /** The roles.json role behind `rank`, when known. */
  roleObj?: Role | undefined;
  /** Folded short forms that refer back to this person ("blinken", "mr blinken"). */
  short: Set<string>;
  last: number;
}

/** What a title or apposition says about a person. */
interface Context {
  start: number;
  end: number;
  country: string | null;
  sector: string | null;
  role: Role | null;
  roleText: string | null;
  former: boolean;
  /** The phrase holds a role, or a country and a noun: strong enough to make a person. */
  strong: boolean;
  honorific: boolean;
  /** The role names one person (not "officials", not "the government"). */
  personRole: boolean;
  /** A role or honorific stands right before the name ("President Joko", "Mr. Qureshi"). */
  adjacent: boolean;
  /** The country is only a birthplace ("Australian-born"): it does not say which state the article is about. */
  bornOnly?: boolean;
}

// regular expressions are compiled once (no /g state is ever used between calls)
const RE_PARTICLE_NAME = /^(\p{Ll}{1,4})[-'’](\p{Lu}.*)$/u;
const RE_ODD_SPACE = /\s\s|[\n\t\r]/;
const RE_LETTERS = /^\p{L}+$/u;
const RE_POSS = /^['’]s?$/;
const RE_SPACE_COMMA = /[\s,]/;
const RE_SPACE_DOT = /[\s.]/;
const RE_SPACES = /\s+/g;
const RE_DOTS = /\./g;
const RE_SPLIT_SPACE = /\s+/;
const RE_FINAL_S = /s$/;
const OWNER_KINDS = new Set(['state', 'demonym', 'adjective', 'capital', 'igo']);
const CABINET_RANKS = new Set(['minister', 'head_of_government', 'head_of_state', 'deputy']);
const HEAD_RANKS = new Set(['head_of_government', 'head_of_state']);
const NOUNISH_POS = new Set(['NOUN', 'ADJ', 'PROPN']);
const APPOSITION_OPENERS = new Set(['a', 'an', 'the', 'another', 'who', 'is', 'was', 'now', 'then']);

export function recognize(kb: CompiledKb, doc: Doc, today: string): void {
  const text = doc.text;
  const date = doc.meta.published ?? today;
  const T = doc.tokens;
  const nT = T.start.length;
  const f = kb.folder.fold(text);

  // ---- 1. trie scan: leftmost-longest, case- and date-checked --------------------------------
  const caseOk = (e: Entry, s: number, end: number): boolean => caseAgrees(e, text, s, end);
  const tokAtOrAfter = (pos: number): number => {
    let lo = 0;
    let hi = nT;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (T.start[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const hits = scanHits(kb, text, f, T, date);
  const wordTable = kb.folder.wordTable;
  const cover = new Int32Array(nT).fill(-1);
  hits.forEach((h, i) => {
    for (let t = h.t0; t <= h.t1; t++) cover[t] = i;
  });

  const tok = (t: number) => text.slice(T.start[t]!, T.end[t]!);
  const sameSent = (a: number, b: number) => a >= 0 && b >= 0 && a < nT && b < nT && T.sentence[a] === T.sentence[b];
  const sentStart = (t: number) => t === 0 || T.sentence[t - 1] !== T.sentence[t];
  /** folder.key() of text[a, b) from the folded text, without re-folding. */
  const foldedKey = (a: number, b: number): string => {
    const raw = String.fromCharCode.apply(null, f.subarray(a, b) as unknown as number[]);
    return raw.includes('  ') || raw.charCodeAt(0) === 32 || raw.charCodeAt(raw.length - 1) === 32 ? raw.replace(RE_SPACES, ' ').trim() : raw;
  };
  const upperAt = (p: number): boolean => isUpperAt(text, p);
  const wordShape = (a: number, b: number): boolean => isWordShape(f, kb.folder.wordTable, a, b);
  const { lowArr, capArr, nameWord } = tokenFacts(kb, text, f, T);
  const lowerOf = (t: number) => lowArr[t]!;
  const isPoss = (t: number) => t >= 0 && t < nT && RE_POSS.test(T.lower[t]!);
  const isCapWord = (t: number) => capArr[t] === 1;
  const nameLike = (t: number) => cover[t] === -1 && nameWord[t] === 1;

  filterFalseFriends(kb, text, T, hits, cover, capArr, nameWord, lowArr);
  const hitAt = (t: number): Hit | undefined => (t >= 0 && t < nT && cover[t]! >= 0 ? hits[cover[t]!] : undefined);
  const entryOf = (h: Hit | undefined, kinds: Set<string> | string): Entry | undefined =>
    h?.entries.find((e) => (typeof kinds === 'string' ? e.kind === kinds : kinds.has(e.kind)));

  const slugs = new Map<string, string>();
  const slugOf = (name: string): string => {
    let v = slugs.get(name);
    if (v === undefined) slugs.set(name, (v = slug(name)));
    return v;
  };
  // ---- actors -----------------------------------------------------------------------------
  const actors = new Map<string, DocActor>();
  const mentions: ActorMention[] = [];
  // per-token flags share one buffer (one allocation per document, not three)
  const flags = new Uint8Array(3 * nT);
  const taken = flags.subarray(0, nT);
  const tokActor: Array<string | undefined> = new Array(nT);
  const getActor = (id: string, init: () => Omit<DocActor, 'id' | 'aliases' | 'mentions' | 'short' | 'last'>): DocActor => {
    let a = actors.get(id);
    if (!a) {
      a = { id, aliases: new Set(), mentions: [], short: new Set(), last: -1, ...init() };
      actors.set(id, a);
    }
    return a;
  };
  const mention = (a: DocActor, start: number, end: number, label: MentionLabel) => {
    // mentions never overlap: a span touching a token already taken is dropped
    for (let t = tokAtOrAfter(start); t < nT && T.start[t]! < end; t++) if (taken[t]) return;
    const m: ActorMention = { start, end, label, id: a.id };
    a.mentions.push(m);
    mentions.push(m);
    a.last = Math.max(a.last, start);
    let surface = text.slice(start, end);
    if (RE_ODD_SPACE.test(surface)) surface = surface.replace(RE_SPACES, ' ');
    if (label !== 'pronoun' && label !== 'title' && surface !== a.name) a.aliases.add(surface);
    const t0 = tokAtOrAfter(start);
    for (let t = t0; t < nT && T.start[t]! < end; t++) {
      taken[t] = 1;
      tokActor[t] = a.id;
    }
  };
  const stateActor = (code: string): DocActor => {
    const igo = kb.igoName.get(code);
    return getActor(code, () => ({
      name: kb.stateName.get(code) ?? igo ?? code,
      kind: igo && !kb.stateName.has(code) ? 'igo' : 'state',
      country: code,
      sector: igo && !kb.stateName.has(code) ? 'IGO' : 'GOV',
      role: null,
    }));
  };
  const bodyActor = (ref: number): DocActor => {
    const b = kb.bodies[ref]!;
    return getActor(b.id, () => ({ name: b.name, kind: 'org', country: b.owner, sector: b.sector, role: null }));
  };

  /** Country of a country-like hit (for bodies shared by several owners, the one named just before). */
  const countryOfHit = (h: Hit, t: number): { code: string; sector: string | null; body: number | null } | null => {
    const e = entryOf(h, COUNTRY_KINDS);
    if (!e) return null;
    if (e.kind === 'body') {
      const bodies = h.entries.filter((x) => x.kind === 'body');
      let pick = bodies.length === 1 ? bodies[0]! : undefined;
      if (!pick) {
        // "China's Foreign Ministry", "the Chinese foreign ministry"
        let p = t - 1;
        if (isPoss(p)) p--;
        const ph = hitAt(p);
        const pc = ph ? entryOf(ph, OWNER_KINDS) : undefined;
        if (pc) pick = bodies.find((b) => kb.bodies[b.ref as number]!.owner === pc.ref);
      }
      if (!pick) return null;
      const b = kb.bodies[pick.ref as number]!;
      return { code: b.owner, sector: b.sector, body: pick.ref as number };
    }
    return { code: e.ref as string, sector: e.kind === 'igo' ? 'IGO' : null, body: null };
  };

  /** A country hit that says nationality (demonym, "China's", a body or IGO), not a topic ("a Ukraine expert"). */
  const nationality = (h: Hit): boolean => {
    const e = entryOf(h, COUNTRY_KINDS);
    if (!e) return false;
    return e.kind === 'demonym' || e.kind === 'adjective' || e.kind === 'body' || e.kind === 'igo' || e.kind === 'seat' || isPoss(h.t1 + 1);
  };
  /** A state or IGO named inside a role title ("EU commissioner", "UN envoy"). */
  const innerCountry = (h: Hit): string | null => {
    for (let p = h.start; p < h.end; p++) {
      if (!(wordTable[f[p]!] === 1 && (p === 0 || wordTable[f[p - 1]!] !== 1))) continue;
      for (const m of kb.trie.matchAt(f, p)) {
        if (m.end > h.end) continue;
        const e = m.values.find((x) => (x.kind === 'state' || x.kind === 'igo' || x.kind === 'demonym') && caseOk(x, p, m.end));
        if (e) return e.ref as string;
      }
    }
    return null;
  };
  const isPersonRole = (roleText: string, role: Role): boolean => {
    const k = kb.folder.key(roleText);
    return !pluralTitle(k) && !kb.collectives.has(k) && !kb.collectives.has(role.title);
  };
  /**
   * Enough evidence to learn a person the KB does not know: a two-word name with a personal
   * title, nationality or honorific; a one-word name only right after a personal title or an
   * honorific ("President Joko", "Mr. Qureshi").
   */
  const learnable = (c: Context | null, t0: number, t1: number): boolean => {
    if (!c) return false;
    // "cabinet ministers Jonathan Moyo and ...": a plural title right before a full name lists people
    const listed = c.role !== null && t1 > t0 && c.end >= T.start[t0]! - 1 && !kb.collectives.has(c.role.title) && pluralTitle(kb.folder.key(c.roleText ?? ''));
    const personal = c.personRole || c.honorific || (c.strong && !c.role) || listed;
    if (!personal) return false;
    if (t1 > t0) return true;
    return c.adjacent && T.pos[t0] === 'PROPN';
  };
  const roleOf = (h: Hit | undefined): Role | null => {
    const e = h && entryOf(h, 'role');
    return e ? kb.roles[e.ref as number]! : null;
  };
  const isNounish = (t: number) => NOUNISH_POS.has(T.pos[t]!) && capArr[t] === 0 && !upperAt(T.start[t]!) && wordShape(T.start[t]!, T.end[t]!);

  /** The longest places.json name ending at token `i` (same sentence as `t`, no KB hit inside). */
  const placeEndingAt = (i: number, t: number): { code: string; t0: number } | null => {
    for (let n = Math.min(kb.placeWords, i + 1); n >= 1; n--) {
      const t0 = i - n + 1;
      if (!sameSent(t0, t)) continue;
      let free = true;
      for (let k = t0; k <= i; k++) if (cover[k] !== -1) free = false;
      if (!free) continue;
      const code = kb.placeState.get(foldedKey(T.start[t0]!, T.end[i]!));
      if (code) return { code, t0 };
    }
    return null;
  };
  /** Title phrase ending just before token `t` (exclusive), read right to left. */
  const leftContext = (t: number, longName = false, nameEnd = -1): Context | null => {
    let i = t - 1;
    let start = -1;
    const items: Array<{ t: number; kind: 'country' | 'role' | 'to' | 'noun' | 'former' | 'hon'; code?: string; sector?: string | null; role?: Role; body?: number | null; nat?: boolean; born?: boolean }> = [];
    let comma = false;
    // "Iraq's president, Barham Salih, ...": a title, a comma, then the name set off by a comma or a full stop
    if (i >= 0 && sameSent(i, t) && tok(i) === ',' && nameEnd >= 0 && (nameEnd + 1 >= nT || !sameSent(nameEnd, nameEnd + 1) || [',', '.', ';'].includes(tok(nameEnd + 1)))) {
      comma = true;
      i--;
    }
    let nouns = 0;
    while (i >= 0 && sameSent(i, t)) {
      const h = hitAt(i);
      const low = lowerOf(i);
      if (h && !h.used) {
        const r = roleOf(h);
        if (r) {
          const inner = h.end - h.start > 4 ? innerCountry(h) : null;
          if (inner) items.push({ t: h.t0, kind: 'country', code: inner, sector: null, body: null, nat: true });
          items.push({ t: h.t0, kind: 'role', role: r });
          start = T.start[h.t0]!;
          i = h.t0 - 1;
          continue;
        }
        const c = countryOfHit(h, h.t0);
        if (c) {
          items.push({ t: h.t0, kind: 'country', code: c.code, sector: c.sector, body: c.body, nat: nationality(h) });
          start = T.start[h.t0]!;
          i = h.t0 - 1;
          continue;
        }
        break;
      }
      if (tokActor[i] && isPoss(i + 1)) {
        // "Mr. Trump's personal lawyer": the country of the person named
        const pa = actors.get(tokActor[i]!);
        // the title starts after the possessive: the person named keeps their own mention
        if (pa?.kind === 'person' && pa.country && items.length) items.push({ t: items[items.length - 1]!.t, kind: 'country', code: pa.country, sector: null, body: null, nat: true });
        break;
      }
      if (h) break;
      if (isPoss(i) || tok(i) === '.') {
        i--;
        continue;
      }
      if (low === 'born' && i >= 2 && glued(i - 1)) {
        // "Australian-born Julian Smith": a nationality, weaker than any other the title gives
        const bh = hitAt(i - 2);
        const be = bh && !bh.used && bh.t1 === i - 2 ? entryOf(bh, 'demonym') : undefined;
        if (bh && be) {
          items.push({ t: bh.t0, kind: 'country', code: be.ref as string, sector: null, body: null, nat: true, born: true });
          start = T.start[bh.t0]!;
          i = bh.t0 - 1;
          continue;
        }
        break;
      }
      if (kb.honorifics.has(low) && isCapWord(i)) {
        items.push({ t: i, kind: 'hon' });
        start = T.start[i]!;
        i--;
        continue;
      }
      if (kb.former.has(low)) {
        items.push({ t: i, kind: 'former' });
        start = T.start[i]!;
        i--;
        continue;
      }
      if (low === 'the' && items.length) {
        i--;
        continue;
      }
      // "envoy to the US": only a role may be followed by its destination
      if (low === 'to' && items.length && i > 0 && roleOf(hitAt(i - 1))) {
        items.push({ t: i, kind: 'to' });
        i--;
        continue;
      }
      if (cover[i] === -1 && capArr[i] === 1 && kb.placeWords && items.length && items[items.length - 1]!.kind === 'role') {
        // "Texas Governor Greg Abbott", "Kandahar police chief X": a place inside one state before the role
        const pl = placeEndingAt(i, t);
        if (pl) {
          items.push({ t: pl.t0, kind: 'country', code: pl.code, sector: null, body: null, nat: false });
          start = T.start[pl.t0]!;
          i = pl.t0 - 1;
          continue;
        }
      }
      if (cover[i] === -1 && capArr[i] === 1 && nouns < 3 && i >= 2 && sameSent(i - 2, t) && (T.lower[i - 1] === 'of' || T.lower[i - 1] === 'for') && !sentStart(i)) {
        // "the leader of Ennahda, Rachid Ghannouchi": an organisation named after the role
        nouns++;
        items.push({ t: i, kind: 'noun' });
        i -= 2;
        continue;
      }
      if (isNounish(i) && nouns < 3) {
        nouns++;
        items.push({ t: i, kind: 'noun' });
        start = T.start[i]!;
        i--;
        continue;
      }
      break;
    }
    // drop trailing articles/'to' at the phrase start
    while (items.length && (items[items.length - 1]!.kind === 'to')) items.pop();
    if (!items.length) return null;
    items.reverse(); // reading order
    // a phrase starts with a country, a role, an honorific or "former": leading nouns and "to" are not part of it
    while (items.length && (items[0]!.kind === 'noun' || items[0]!.kind === 'to')) items.shift();
    if (!items.length) return null;
    start = T.start[items[0]!.t]!;
    let country: string | null = null;
    let sector: string | null = null;
    let role: Role | null = null;
    let roleText: string | null = null;
    let former = false;
    let dest = false;
    let hon = false;
    let nounCount = 0;
    let nat = false;
    let born: string | null = null;
    for (const it of items) {
      if (it.kind === 'to') dest = true;
      else if (it.born) born ??= it.code!;
      else if (it.kind === 'country' && !dest && !country) {
        country = it.code!;
        nat = it.nat === true;
        if (it.sector) sector = it.sector;
      } else if (it.kind === 'role') {
        role = it.role!;
        const h = hitAt(it.t)!;
        roleText = text.slice(h.start, h.end).toLowerCase();
      } else if (it.kind === 'former') former = true;
      else if (it.kind === 'hon') hon = true;
      else if (it.kind === 'noun') nounCount++;
    }
    // the phrase must end right before the name: nothing but role/hon/noun/country may touch it
    // "American Kevin King": a nationality word right before a full name
    const bornOnly = !country && born !== null;
    if (bornOnly) {
      country = born;
      nat = true;
    }
    const last = items[items.length - 1]!;
    const bare = last.kind === 'country' && last.nat === true && (hitAt(last.t)!.t1 === t - 1 && longName || last.born === true && items.length === 1);
    const strong = role !== null || (country !== null && nat && nounCount > 0) || (bare && items.length === 1);
    if (!strong && !hon) return null;
    if (!sector && role) sector = role.sector;
    if (comma && !(strong && (nat || role))) return null;
    const personRole = role !== null && isPersonRole(roleText!, role);
    const adjacent = (last.kind === 'role' && personRole) || last.kind === 'hon';
    return { start, end: T.start[t]!, country, sector, role, roleText, former, strong, honorific: hon, personRole, adjacent, bornOnly };
  };

  /** The longest places.json name starting at token `i` (same sentence as `t`, no KB hit inside). */
  const placeAt = (i: number, t: number): { code: string; t1: number } | null => {
    for (let n = Math.min(kb.placeWords, nT - i); n >= 1; n--) {
      const t1 = i + n - 1;
      if (!sameSent(t1, t) || cover[t1] !== -1) continue;
      const code = kb.placeState.get(foldedKey(T.start[i]!, T.end[t1]!));
      if (code) return { code, t1 };
    }
    return null;
  };
  /** Apposition after token `t` (inclusive end of the name): ", a Pentagon spokesman", ", China's ambassador to the US". */
  const rightContext = (t: number): Context | null => {
    let i = t + 1;
    if (!(i < nT && sameSent(i, t) && (tok(i) === ',' || tok(i) === '('))) return null;
    i++;
    while (i < nT && sameSent(i, t) && APPOSITION_OPENERS.has(T.lower[i]!)) i++;
    const first = i;
    let country: string | null = null;
    let sector: string | null = null;
    let role: Role | null = null;
    let roleText: string | null = null;
    let former = false;
    let nouns = 0;
    let dest = false;
    let end = -1;
    let place: string | null = null;
    while (i < nT && sameSent(i, t)) {
      const h = hitAt(i);
      const low = lowerOf(i);
      if (h && !h.used) {
        const r = roleOf(h);
        if (r && dest && (role || nouns)) {
          // "an aide to Vice President Pence": the title after "to" is the employer's, whose country is the aide's
          const ph = personHit(h.t1 + 1);
          if (ph && !country) {
            const e = ph.entries.find((x) => x.kind === 'person')!;
            country = personAt(kb.people[e.ref as number]!, date).country;
          }
          break; // the title mention ends before "to": the employer stays an actor of their own
        }
        if (r) {
          role = r;
          roleText = text.slice(h.start, h.end).toLowerCase();
          if (!country && !dest && h.end - h.start > 4) country = innerCountry(h);
          end = h.end;
          i = h.t1 + 1;
          continue;
        }
        const c = countryOfHit(h, h.t0);
        if (c) {
          if (!dest && !country && (nationality(h) || (i + 1 < nT && roleOf(hitAt(h.t1 + 1))))) {
            country = c.code;
            if (c.sector) sector = c.sector;
          }
          end = h.end;
          i = h.t1 + 1;
          continue;
        }
        break;
      }
      if (h) break;
      if (isPoss(i)) {
        i++;
        continue;
      }
      if ((low === 'who' || low === 'is' || low === 'was') && !role && !country && !nouns) {
        i++;
        continue;
      }
      if (kb.former.has(low)) {
        former = true;
        i++;
        continue;
      }
      if (low === 'to') {
        dest = true;
        i++;
        continue;
      }
      if ((low === 'of' || low === 'for' || low === 'at' || low === 'in') && (role || nouns)) {
        dest = false;
        i++;
        continue;
      }
      if (low === 'the' && end >= 0) {
        i++;
        continue;
      }
      if (cover[i] === -1 && isCapWord(i) && nouns < 5 && kb.placeWords) {
        // "the commander of Kowloon West district": a place inside one state
        const pl = placeAt(i, t);
        if (pl) {
          place ??= pl.code;
          nouns++;
          end = T.end[pl.t1]!;
          i = pl.t1 + 1;
          continue;
        }
      }
      if ((isNounish(i) || (cover[i] === -1 && isCapWord(i) && !sentStart(i))) && nouns < 5) {
        nouns++;
        end = T.end[i]!;
        i++;
        continue;
      }
      break;
    }
    // a place names the state only for an office held there, and only when nothing else does
    if (!country && place && role) country = place;
    if (end < 0 || first >= nT) return null;
    const strong = role !== null || (country !== null && nouns > 0);
    if (!strong || !country && !role) return null;
    if (!sector && role) sector = role.sector;
    return { start: T.start[first]!, end, country, sector, role, roleText, former, strong, honorific: false, personRole: role !== null && isPersonRole(roleText!, role), adjacent: false };
  };

  // ---- 3. name runs ---------------------------------------------------------------------------
  const personHit = (t: number) => {
    const h = hitAt(t);
    return h && entryOf(h, 'person') ? h : undefined;
  };
  const isInitial = (t: number) => {
    const a = T.start[t]!;
    const len = T.end[t]! - a;
    return (len === 1 || (len === 2 && text.charCodeAt(a + 1) === 46)) && upperAt(a);
  };
  const isDot = (t: number) => T.end[t]! - T.start[t]! === 1 && text.charCodeAt(T.start[t]!) === 46;
  const inRunRaw = (t: number) => {
    if (personHit(t)) return true;
    if (nameLike(t)) return !(sentStart(t) && T.pos[t] !== 'PROPN' && !(t + 1 < nT && sameSent(t, t + 1) && nameLike(t + 1)));
    if (isInitial(t) && t + 1 < nT && sameSent(t, t + 1) && (nameLike(t + 1) || personHit(t + 1) || isDot(t + 1))) return true; // initials
    if (isDot(t) && t > 0 && T.end[t - 1]! - T.start[t - 1]! === 1 && upperAt(T.start[t - 1]!)) return true;
    return false;
  };
  const inRunArr = flags.subarray(nT, 2 * nT);
  for (let k = 0; k < nT; k++) if ((capArr[k] === 1 || cover[k] >= 0 || isDot(k)) && inRunRaw(k)) inRunArr[k] = 1;
  const inRun = (t: number) => inRunArr[t] === 1;
  /** A hyphen written inside a word ("al-Kaabi"): wink makes it a token of its own. */
  const glued = (t: number) => t > 0 && t + 1 < nT && T.end[t]! - T.start[t]! === 1 && text.charCodeAt(T.start[t]!) === 45 && T.end[t - 1] === T.start[t] && T.end[t] === T.start[t + 1];
  const particleArr = flags.subarray(2 * nT, 3 * nT);
  const pMax = kb.particleMaxLen;
  for (let k = 0; k < nT; k++) if (capArr[k] === 0 && T.end[k]! - T.start[k]! <= pMax && kb.particles.has(T.lower[k]!) && !upperAt(T.start[k]!)) particleArr[k] = 1;
  const particle = (t: number) => particleArr[t] === 1;
  const persons: DocActor[] = [];
  const personSet = new Set<DocActor>();
  const shortIndex = new Map<string, DocActor[]>();
  const addShort = (a: DocActor, s: string) => {
    const k = kb.folder.key(s);
    if (!k || a.short.has(k)) return;
    a.short.add(k);
    const l = shortIndex.get(k) ?? [];
    l.push(a);
    shortIndex.set(k, l);
  };
  const registerNameForms = (a: DocActor, full: string) => {
    const parts = full.replace(RE_DOTS, ' ').split(RE_SPLIT_SPACE).filter(Boolean);
    addShort(a, full);
    if (parts.length >= 2) {
      const last = parts[parts.length - 1]!;
      addShort(a, last);
      // "de Mistura", "von der Leyen", "al-Kaabi"
      let k = parts.length - 2;
      while (k > 0 && kb.particles.has(parts[k]!.toLowerCase())) k--;
      if (k < parts.length - 2) addShort(a, parts.slice(k + 1).join(' '));
      const m = RE_PARTICLE_NAME.exec(last);
      if (m) addShort(a, m[2]!);
    }
  };
  const linkShort = (key: string, at: number): DocActor | undefined => {
    const list = shortIndex.get(key);
    if (!list?.length) return undefined;
    if (list.length === 1) return list[0];
    // the person named most recently before this point, else the most recent one at all
    let best: DocActor | undefined;
    for (const a of list) if (a.last >= 0 && a.last < at && (!best || a.last > best.last)) best = a;
    if (best) return best;
    for (const a of list) if (!best || a.last > best.last) best = a;
    return best;
  };
  const kbPersonActor = (i: number, ctx: Context | null): DocActor => {
    const p = kb.people[i]!;
    const a = getActor(p.id, () => {
      const at = personAt(p, date);
      let { country, sector, role } = at;
      if (ctx?.former && at.inOffice) {
        sector = 'ELI';
        role = `former ${role}`;
      }
      if (!country && ctx?.country) country = ctx.country;
      return { name: p.name, kind: 'person', country, sector, role, rank: ctx?.former ? undefined : (at.rank ?? undefined) };
    });
    if (!personSet.has(a)) {
      personSet.add(a);
      persons.push(a);
      registerNameForms(a, p.name);
      for (const al of p.aliases) addShort(a, al);
    }
    return a;
  };
  const learnedActor = (name: string, ctx: Context | null): DocActor => {
    const a = getActor(`p:${slugOf(name)}`, () => ({
      name,
      kind: 'person',
      country: ctx?.country ?? null,
      bornOnly: ctx?.bornOnly === true && ctx.country !== null ? true : undefined,
      sector: ctx?.former ? 'ELI' : (ctx?.sector ?? null),
      role: ctx?.roleText ? (ctx.former ? `former ${ctx.roleText}` : ctx.roleText) : null,
      rank: ctx?.role && !ctx.former ? ctx.role.rank : undefined,
      roleObj: ctx?.role && !ctx.former ? ctx.role : undefined,
    }));
    if (!a.country && ctx?.country) {
      a.country = ctx.country;
      if (ctx.bornOnly) a.bornOnly = true;
    }
    if (!personSet.has(a)) {
      personSet.add(a);
      persons.push(a);
      registerNameForms(a, name);
    }
    return a;
  };
  /** Damerau-Levenshtein distance of at most one. */
  const nearWord = (a: string, b: string): boolean => {
    if (a === b) return true;
    if (Math.abs(a.length - b.length) > 1) return false;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  };
  /**
   * A KB person named by one (possibly lower-cased or misspelled) word after a title:
   * "President Joko", "Indonesian Foreign Minister retno", "President Marcon". Only a single
   * candidate who held an office of the title's rank (and country, when the title names one).
   */
  const kbByTitleWord = (word: string, ctx: Context | null, sent: number): number | undefined => {
    if (!ctx?.role || word.length < 3) return undefined;
    const set = new Set(kb.personByToken.get(word) ?? []);
    if (word.length >= 5) {
      for (const i of kb.personByToken.get('~' + word) ?? []) set.add(i);
      for (let k = 0; k < word.length; k++) for (const i of kb.personByToken.get('~' + word.slice(0, k) + word.slice(k + 1)) ?? []) set.add(i);
    }
    const rank = ctx.role.rank;
    const ok = [...set].filter((i) => {
      const p = kb.people[i]!;
      if (!p.terms.some((x, k) => p.termRoles[k]?.rank === rank && (!ctx.country || x.country === ctx.country))) return false;
      return p.words.some((w) => nearWord(w, word));
    });
    if (ok.length <= 1) return ok[0];
    // several: the one whose state the sentence names ("in France, ... President Marcon")
    const named = new Set<string>();
    for (const h of hits) {
      if (h.t0 < nT && T.sentence[h.t0] === sent) for (const e of h.entries) if (COUNTRY_KINDS.has(e.kind) && typeof e.ref === 'string') named.add(e.ref);
    }
    const inSent = ok.filter((i) => kb.people[i]!.terms.some((x) => named.has(x.country)));
    return inSent.length === 1 ? inSent[0] : undefined;
  };
  /** Pick the KB person among candidates at the date: the one in office, else a single one. */
  const pickKb = (cands: number[]): number | undefined => {
    if (cands.length === 1) return cands[0];
    const uniq = [...new Set(cands)];
    if (uniq.length === 1) return uniq[0];
    const inOffice = uniq.filter((i) => personAt(kb.people[i]!, date).inOffice);
    return inOffice.length === 1 ? inOffice[0] : undefined;
  };
  const emitContext = (a: DocActor, ctx: Context | null) => {
    if (!ctx || !ctx.strong) return;
    mention(a, ctx.start, ctx.end, 'title');
    for (const h of hits) if (h.start >= ctx.start && h.end <= ctx.end) h.used = true;
  };
  const trimTitleEnd = (ctx: Context): Context => {
    // the title phrase ends at its last non-space character before the name
    let e = ctx.end;
    while (e > ctx.start && RE_SPACE_COMMA.test(text[e - 1]!)) e--;
    return { ...ctx, end: e };
  };

  let listedBefore: { end: number; ctx: Context } | null = null;
  let t = 0;
  while (t < nT) {
    if (!(inRun(t) || (particle(t) && glued(t + 1) && t + 2 < nT && isCapWord(t + 2))) || taken[t]) {
      t++;
      continue;
    }
    let e = t;
    while (e + 1 < nT && sameSent(e, e + 1) && e - t < 8) {
      if (glued(e + 1) && e + 2 < nT && RE_LETTERS.test(tok(e + 2))) e += 2; // Abdul-Mahdi, Yuet-ngor, al-Kaabi
      else if (inRun(e + 1) || (particle(e + 1) && e + 2 < nT && (inRun(e + 2) || glued(e + 2)))) e++;
      else if (cover[e + 1] === -1 && isCapWord(e + 1) && kb.honorifics.has(lowerOf(e + 1)) && !(e + 2 < nT && sameSent(e + 1, e + 2) && isCapWord(e + 2))) e++; // a surname that is also a title: "Kevin King"
      else break;
    }
    const a0 = t;
    t = e + 1;
    // a run may start with a lower-case particle only when it is a short form ("de Mistura")
    const start = T.start[a0]!;
    const end = T.end[e]!;
    let runText = text.slice(start, end);
    if (RE_ODD_SPACE.test(runText)) runText = runText.replace(RE_SPACES, ' ');
    const key = foldedKey(start, end);
    const phs = [] as Hit[];
    for (let k = a0; k <= e; k++) {
      const h = personHit(k);
      if (h && !phs.includes(h)) phs.push(h);
    }
    let single = a0 === e;
    let nameT0 = a0;
    let nameStart = start;
    let actor: DocActor | undefined;
    let left: Context | null = null;
    let right: Context | null = null;
    let ctx: Context | null = null;
    const contexts = (t0: number): [Context | null, Context | null, Context | null] => {
      const l = leftContext(t0, e > t0, e);
      const r = rightContext(e);
      return [l, r, l && (l.strong || l.honorific) ? l : r];
    };
    const fullHit = phs.find((h) => h.entries.some((x) => x.kind === 'person' && x.full));
    if (fullHit) {
      // a full KB name: words before it are a title ("House Speaker Nancy Pelosi")
      nameT0 = fullHit.t0;
      nameStart = fullHit.start;
      single = false;
      [left, right, ctx] = contexts(nameT0);
      const i = pickKb(fullHit.entries.filter((x) => x.kind === 'person').map((x) => x.ref as number));
      if (i !== undefined) actor = kbPersonActor(i, ctx);
    } else if (phs.length === 1) {
      const h = phs[0]!;
      const cands = h.entries.filter((x) => x.kind === 'person').map((x) => x.ref as number);
      [left, right, ctx] = contexts(a0);
      if (h.t0 === a0 && h.t1 === e) {
        actor = linkShort(key, start);
        if (!actor) {
          const i = pickKb(cands);
          if (i !== undefined) actor = kbPersonActor(i, ctx);
        }
      } else if (h.t1 === e) {
        // extra given names before the KB hit: the same person only if the first name agrees
        const firstKey = foldedKey(T.start[a0]!, T.end[a0]!);
        const i = pickKb(cands.filter((c) => kb.people[c]!.first === firstKey || (kb.people[c]!.first[0] === firstKey[0] && firstKey.length <= 2)));
        if (i !== undefined) actor = kbPersonActor(i, ctx);
        else actor = linkShort(key, start) ?? (learnable(ctx, a0, e) ? learnedActor(runText, ctx!) : undefined);
      }
    }
    // no KB person fits (or a KB surname is used here as a given name: "Saleh Gharib"): a name we learn from the text
    if (!actor && !fullHit && phs.length <= 1) {
      if (!phs.length) [left, right, ctx] = contexts(a0);
      actor = linkShort(key, start);
      if (!actor && RE_FINAL_S.test(key)) {
        // possessive without apostrophe: "Bidens", "Joe Bidens", "Jinpings"
        const stem = key.slice(0, -1);
        actor = linkShort(stem, start);
        if (!actor) {
          const cands = kb.personByAlias.get(stem);
          const i = cands ? pickKb(cands) : undefined;
          if (i !== undefined) actor = kbPersonActor(i, ctx);
        }
      }
      const c = ctx as Context | null;
      if (!actor && single && c === left) {
        const i = kbByTitleWord(key, c, T.sentence[a0]!);
        if (i !== undefined) actor = kbPersonActor(i, c);
      }
      if (!actor && c && learnable(c, a0, e)) {
        actor = learnedActor(runText, c);
        if (c.role && pluralTitle(kb.folder.key(c.roleText ?? ''))) listedBefore = { end: e, ctx: c };
      }
      // "his wife Grace", "Mugabe's wife Grace": a relative shares the person's country
      if (!actor && a0 >= 2 && kb.kin.has(lowerOf(a0 - 1)) && sameSent(a0 - 2, a0)) {
        let who: DocActor | undefined;
        if (isPoss(a0 - 2) && tokActor[a0 - 3]) who = actors.get(tokActor[a0 - 3]!);
        else if (T.lower[a0 - 2] === 'his' || T.lower[a0 - 2] === 'her') {
          // the one person named earlier in this sentence
          const ids = new Set<string>();
          for (let k = a0 - 3; k >= 0 && sameSent(k, a0); k--) if (tokActor[k]) ids.add(tokActor[k]!);
          if (ids.size === 1) who = actors.get([...ids][0]!);
        }
        if (who?.kind === 'person' && who.country) {
          actor = learnedActor(runText, { start: T.start[a0 - 1]!, end: T.start[a0]!, country: who.country, sector: null, role: null, roleText: lowerOf(a0 - 1), former: false, strong: true, honorific: false, personRole: true, adjacent: true });
        }
      }
      // "cabinet ministers Jonathan Moyo and Saviour Kasukuwere": the next name of the list
      if (!actor && !c && listedBefore && listedBefore.end === a0 - 2 && T.lower[a0 - 1] === 'and' && e > a0) {
        actor = learnedActor(runText, listedBefore.ctx);
      }
    }
    if (!actor) continue;
    const l = left as Context | null;
    const r = right as Context | null;
    if (l && (l.strong || l.honorific) && ctx === l) {
      // a person met before with no country: a nationality given now ("Australian-born Smith")
      if (l.strong && l.country && !actor.country && actor.kind === 'person') {
        actor.country = l.country;
        if (l.bornOnly) actor.bornOnly = true;
      }
      if (l.strong) emitContext(actor, trimTitleEnd(l));
      if (l.honorific) {
        // "Mr. Xi", "Gen. Mark Milley": the honorific word right before the name belongs to it
        let h = nameT0 - 1;
        if (h >= 0 && tok(h) === '.') h--;
        if (h >= 0 && kb.honorifics.has(lowerOf(h))) actor.aliases.add(text.slice(T.start[h]!, end).replace(RE_SPACES, ' '));
      }
    }
    void single;
    const right2 = r;
    // in upper-case text ("JOE BIDEN MET IN ...") a run runs on past the name: stop at the KB name
    const nameEnd = fullHit && !RE_LOWER.test(runText) ? fullHit.end : end;
    mention(actor, nameStart, nameEnd, 'name');
    for (const h of phs) h.used = true;
    if (right2 && right2.strong) {
      if (!actor.country && right2.country) actor.country = right2.country;
      if (!actor.role && right2.roleText) {
        actor.role = right2.former ? `former ${right2.roleText}` : right2.roleText;
        if (!right2.former && right2.role) {
          actor.rank = right2.role.rank;
          actor.roleObj = right2.role;
        }
      }
      if (!actor.sector && right2.sector) actor.sector = right2.former ? 'ELI' : right2.sector;
      emitContext(actor, right2);
    }
  }

  const holders = new Map<string, number[]>();
  // ---- 4. role phrases without a name: "the Chinese envoy", "Iraq's president" -----------------
  for (const h of hits) {
    if (h.used || taken[h.t0]) continue;
    const r = roleOf(h);
    if (!r) continue;
    // "Chinese officials", "US troops": a plural is the state itself (its nationality word is a 'demonym' mention)
    if (pluralTitle(foldedKey(h.start, h.end))) continue;
    const w = h.t1 + 1;
    const nameAfter = w < nT && sameSent(w, h.t1) && !taken[w] && (T.pos[w] === 'PROPN' || T.pos[w] === 'NOUN' || T.pos[w] === 'X') && capArr[w] === 0 && wordShape(T.start[w]!, T.end[w]!) && !kb.notNames.has(T.lower[w]!);
    // a title phrase needs a country before the role (or a name after it): skip the rest cheaply
    if (!nameAfter && !(h.end - h.start > 4 && innerCountry(h))) {
      let p = h.t0 - 1;
      while (p >= 0 && p > h.t0 - 5 && sameSent(p, h.t0) && !hitAt(p) && (isNounish(p) || isPoss(p) || kb.former.has(lowerOf(p)))) p--;
      const ph = p >= 0 && sameSent(p, h.t0) ? hitAt(p) : undefined;
      if (!ph || !entryOf(ph, COUNTRY_KINDS)) continue;
    }
    const ctx = leftContext(h.t1 + 1);
    if (!ctx || ctx.role !== r) continue;
    // a lower-cased or misspelled name right after the title: "Foreign Minister retno"
    if (nameAfter) {
      const i = kbByTitleWord(foldedKey(T.start[w]!, T.end[w]!), ctx, T.sentence[w]!);
      if (i !== undefined) {
        const a = kbPersonActor(i, ctx);
        const c = trimTitleEnd(ctx);
        mention(a, c.start, c.end, 'title');
        mention(a, T.start[w]!, T.end[w]!, 'name');
        for (const x of hits) if (x.start >= c.start && x.end <= c.end) x.used = true;
        continue;
      }
    }
    if (!ctx.country) continue;
    const code = ctx.country;
    const sameRank = persons.filter((p) => p.country === code && p.role && p.rank === r.rank && !p.role.startsWith('former'));
    let actor: DocActor | undefined = new Set(sameRank.map((p) => p.id)).size === 1 ? sameRank[0] : undefined;
    if (!actor && !ctx.former) {
      const ck = `${code}|${h.entries.find((e) => e.kind === 'role')!.ref}`;
      let cands = holders.get(ck);
      if (!cands) holders.set(ck, (cands = (kb.holdersOf.get(ck) ?? []).filter((i) => kb.people[i]!.terms.some((x, k) => x.country === code && kb.people[i]!.termRoles[k] === r && termCovers(date, x.start, x.end)))));
      if (cands.length === 1) actor = kbPersonActor(cands[0]!, ctx);
    }
    const roleKey = foldedKey(h.start, h.end);
    if (!actor && (kb.collectives.has(roleKey) || kb.collectives.has(r.title))) {
      // "the Chinese government", "the Russian military": an institution of the state
      const dem = kb.demonym.get(code) ?? kb.igoName.get(code) ?? code;
      actor = getActor(`b:${code.toLowerCase()}-${slugOf(roleKey)}`, () => ({ name: `${dem} ${roleKey}`, kind: 'org', country: code, sector: ctx.sector ?? r.sector, role: null }));
      const c = trimTitleEnd(ctx);
      mention(actor, c.start, c.end, 'body');
      for (const x of hits) if (x.start >= c.start && x.end <= c.end) x.used = true;
      continue;
    }
    if (!actor) {
      const dem = kb.demonym.get(code) ?? kb.igoName.get(code) ?? code;
      const roleName = ctx.former ? `former ${r.title}` : r.title;
      actor = getActor(`p:${code.toLowerCase()}-${slugOf(roleName)}`, () => ({
        name: `${dem} ${roleName}`,
        kind: 'person',
        country: code,
        sector: ctx.former ? 'ELI' : (ctx.sector ?? r.sector),
        role: roleName,
        rank: ctx.former ? undefined : r.rank,
      }));
    }
    const c = trimTitleEnd(ctx);
    mention(actor, c.start, c.end, 'title');
    for (const x of hits) if (x.start >= c.start && x.end <= c.end) x.used = true;
  }

  const isLocativeAt = (pos: number): boolean => {
    let p = tokAtOrAfter(pos) - 1;
    if (p >= 0 && T.lower[p] === 'the') p--;
    return p >= 0 && kb.locatives.has(T.lower[p]!);
  };
  // ---- 5. everything else the trie found --------------------------------------------------------
  for (const h of hits) {
    if (h.used || taken[h.t0] || !h.entries.length) continue;
    let personOrRole = false;
    let group = false;
    for (const e of h.entries) {
      if (e.kind === 'person' || e.kind === 'role') personOrRole = true;
      else if (e.kind === 'group') group = true;
    }
    if (personOrRole) continue;
    if (group) {
      const g = kb.groups[h.entries.find((e) => e.kind === 'group')!.ref as number]!;
      const a = getActor(`g:${slugOf(g.name)}`, () => ({ name: g.name, kind: 'group', country: g.country, sector: g.sector, role: null }));
      mention(a, h.start, h.end, 'group');
      continue;
    }
    const c = countryOfHit(h, h.t0);
    if (!c) continue;
    const e = entryOf(h, COUNTRY_KINDS)!;
    if (c.body !== null) mention(bodyActor(c.body), h.start, h.end, 'body');
    else if (e.kind === 'igo') mention(stateActor(c.code), h.start, h.end, 'igo');
    else if (e.kind === 'capital' || e.kind === 'seat') mention(stateActor(c.code), h.start, h.end, 'metonym');
    else if (e.kind === 'demonym' || e.kind === 'adjective') mention(stateActor(c.code), h.start, h.end, 'demonym');
    else mention(stateActor(c.code), h.start, h.end, isLocativeAt(h.start) ? 'metonym' : 'state'); // "in China": a place
  }

  // ---- 6. pronouns: the one person of this or the previous sentence --------------------------
  mentions.sort((a, b) => a.start - b.start);
  const personIds = new Set(persons.map((p) => p.id));
  // person mentions only, in text order (pronoun mentions are added to `mentions` as we go)
  const personMentions = mentions.filter((m) => personIds.has(m.id) && m.label !== 'pronoun');
  let from = 0;
  for (let k = 0; k < nT; k++) {
    const low = T.lower[k]!;
    if ((low !== 'he' && low !== 'she') || taken[k]) continue; // "Liu He" is a name
    const s = T.sentence[k]!;
    // the one person named earlier in this sentence, else the one person of the previous sentence
    const here = new Set<string>();
    const prev = new Set<string>();
    const sStart = doc.sentences[s]!.start;
    const pStart = s > 0 ? doc.sentences[s - 1]!.start : sStart;
    while (from < personMentions.length && personMentions[from]!.start < pStart) from++;
    for (let q = from; q < personMentions.length; q++) {
      const m = personMentions[q]!;
      if (m.start >= T.start[k]!) break;
      if (m.start >= sStart) here.add(m.id);
      else prev.add(m.id);
    }
    const cands = here.size ? here : prev;
    if (cands.size !== 1) continue;
    const a = actors.get([...cands][0]!)!;
    if (a.name.startsWith(kb.demonym.get(a.country ?? '') ?? '\u0000')) continue; // role actors are not pronoun targets
    mention(a, T.start[k]!, T.end[k]!, 'pronoun');
  }

  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  // ---- 7. a titled person with no country: the state named nearest in the sentence, else the article's main state
  const countryOfMention = (m: ActorMention): string | null => {
    const a = actors.get(m.id)!;
    if (a.kind === 'igo' || a.kind === 'group' || !a.country || a.bornOnly || kb.igoName.has(a.country) && !kb.stateName.has(a.country)) return null;
    if (m.label === 'pronoun' || m.label === 'metonym' && isLocativeAt(m.start)) return null;
    return a.country;
  };
  const tally = new Map<string, number>();
  for (const m of mentions) {
    const c = countryOfMention(m);
    if (c) tally.set(c, (tally.get(c) ?? 0) + 1);
  }
  const ranked = [...tally.entries()].sort((x, y) => y[1] - x[1]);
  const main = ranked.length && ranked[0]![1] >= 2 && (ranked.length === 1 || ranked[0]![1] > ranked[1]![1]) ? ranked[0]![0] : null;
  // the scene: the state the article most often names as a place ("in Gaza", "in Kabul")
  const sceneTally = new Map<string, number>();
  for (const m of mentions) {
    if (m.label !== 'metonym' && m.label !== 'state') continue;
    const sa = actors.get(m.id)!;
    if (sa.kind !== 'state' || !sa.country || !kb.stateName.has(sa.country) || !isLocativeAt(m.start)) continue;
    sceneTally.set(sa.country, (sceneTally.get(sa.country) ?? 0) + 1);
  }
  const sr = [...sceneTally.entries()].sort((x, y) => y[1] - x[1]);
  const scene = sr.length && sr[0]![1] >= 2 && (sr.length === 1 || sr[0]![1] > sr[1]![1]) ? sr[0]![0] : null;
  for (const a of persons) {
    if (a.country || !a.role && ![...a.aliases].some((x) => kb.honorifics.has(kb.folder.key(x.split(RE_SPACE_DOT)[0]!)))) continue;
    const first = a.mentions.find((m) => m.label === 'name');
    if (!first) continue;
    const s = T.sentence[tokAtOrAfter(first.start)];
    let best: ActorMention | undefined;
    for (const m of mentions) {
      if (m.id === a.id || T.sentence[tokAtOrAfter(m.start)] !== s || !countryOfMention(m)) continue;
      if (!best || Math.abs(m.start - first.start) < Math.abs(best.start - first.start) && (m.start < first.start || best.start > first.start)) best = m;
    }
    // the paragraph's main state, else the article's, else the nearest in the sentence
    const para = doc.paragraphs.find((p) => p.start <= first.start && first.start < p.end);
    let local: string | null = null;
    if (para) {
      const pt = new Map<string, number>();
      for (const m of mentions) {
        if (m.start < para.start || m.start >= para.end || m.id === a.id) continue;
        const c = countryOfMention(m);
        if (c) pt.set(c, (pt.get(c) ?? 0) + 1);
      }
      const pr = [...pt.entries()].sort((x, y) => y[1] - x[1]);
      if (pr.length && pr[0]![1] >= 2 && (pr.length === 1 || pr[0]![1] > pr[1]![1])) local = pr[0]![0];
    }
    // a person with a known country named just before (this or the previous sentence): "The foreign
    // minister, Jean-Yves Le Drian, ... Nicole Belloubet, the justice minister, said"
    let colleague: string | null = null;
    for (const m of mentions) {
      if (m.start >= first.start) break;
      if (m.id === a.id || m.label === 'pronoun') continue;
      const pa = actors.get(m.id)!;
      if (pa.kind !== 'person' || !pa.country || pa === a || !kb.stateName.has(pa.country)) continue;
      // only a fellow member of a government: ministers, heads of state or government, deputies
      if (!a.rank || !pa.rank || !CABINET_RANKS.has(a.rank) || !CABINET_RANKS.has(pa.rank)) continue;
      const ms = T.sentence[tokAtOrAfter(m.start)]!;
      if (ms === s || ms === s! - 1) colleague = pa.country;
    }
    const near = best ? countryOfMention(best) : null;
    const head = a.roleObj && HEAD_RANKS.has(a.roleObj.rank) ? kb.roleStates.get(a.roleObj) : undefined;
    if (head?.size) {
      // a head of state or government: only a state that has such an office ("Prime Minister X"
      // in an article mostly about the US is not American), else no country rather than a guess
      const fits = (c: string | null): c is string => c !== null && head.has(c);
      const top = ranked.find(([c, n]) => n >= 2 && fits(c));
      a.country = [colleague, local].find(fits) ?? top?.[0] ?? (fits(near) ? near : null);
    } else if (a.roleObj?.local) {
      // an office of a place ("the district governor", "the mayor"): the state where the article's
      // scene is, before its most-named state
      a.country = colleague ?? scene ?? local ?? main ?? near;
    } else a.country = colleague ?? local ?? main ?? scene ?? near;
  }
  doc.actorMentions = mentions;
  doc.actors = [...actors.values()]
    .filter((a) => a.mentions.length)
    .map((a): Actor => ({
      id: a.id,
      name: a.name,
      aliases: [...a.aliases].filter((x) => x !== a.name),
      kind: a.kind,
      country: a.country,
      sector: a.sector,
      role: a.role,
      mentions: a.mentions.map((m) => [m.start, m.end] as [number, number]).sort((x, y) => x[0] - y[0]),
    }));
}
