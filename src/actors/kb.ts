/**
 * Compiles the validated knowledge base into what the recogniser needs per document: one
 * word-bounded trie of every name (states, demonyms, capitals, seats, bodies, IGOs, groups,
 * office-holders, role titles) and lookup tables. Built once per stage, never per document.
 */
import type { ActorKbData, Group, OfficeHolder, Role } from './schema.ts';
import { createFolder, createTrie, type Folder, type Trie } from './trie.ts';

export type EntryKind = 'state' | 'demonym' | 'adjective' | 'capital' | 'seat' | 'body' | 'igo' | 'group' | 'person' | 'role';

/**
 * How the text's case must agree with the entry: `any` (role titles), `acronym` (US, UN, WHO:
 * no lower-case letter in the text), `cap` (first letter upper-case; an all-lower-case text is
 * accepted only when `lowerOk`).
 */
export type CaseMode = 'any' | 'acronym' | 'cap';

export interface Entry {
  kind: EntryKind;
  /** state/IGO code (state, demonym, adjective, capital, seat, igo), or an index into bodies/groups/people/roles. */
  ref: string | number;
  surface: string;
  caseMode: CaseMode;
  lowerOk: boolean;
  /** Often not the actor (Georgia, Jordan, a capital that is a common name): needs context. */
  ambiguous: boolean;
  /** Person: the entry is the full name (not a short alias). State: valid until (historical). */
  full?: boolean;
  from?: string | null;
  to?: string | null;
}

export interface BodyRec {
  id: string;
  name: string;
  owner: string;
  ownerKind: 'state' | 'igo';
  sector: string;
}

export interface PersonRec {
  id: string;
  name: string;
  aliases: string[];
  terms: OfficeHolder[];
  /** The roles.json role of each term's office (same order as terms), or null. */
  termRoles: Array<Role | null>;
  /** Folded first token of the full name ("antony"). */
  first: string;
  /** Folded tokens of the name and every alias (fuzzy look-up after a title). */
  words: string[];
}

export interface CompiledKb {
  folder: Folder;
  trie: Trie<Entry>;
  stateName: Map<string, string>;
  igoName: Map<string, string>;
  /** Demonym (display) of each state code, for role actors' names ("Chinese envoy"). */
  demonym: Map<string, string>;
  bodies: BodyRec[];
  groups: Group[];
  people: PersonRec[];
  roles: Role[];
  /** Folded role title or alias → role. */
  roleByTitle: Map<string, Role>;
  /** Country or IGO code → indices into people who held an office for it. */
  peopleByCountry: Map<string, number[]>;
  /** Folded person alias (also full names) → indices into people. */
  personByAlias: Map<string, number[]>;
  /** Every folded name token (3+ letters) and its one-letter deletions → indices into people (fuzzy look-up). */
  personByToken: Map<string, number[]>;
  honorifics: Set<string>;
  particles: Set<string>;
  /** Length of the longest particle (a longer token is never one). */
  particleMaxLen: number;
  notNames: Set<string>;
  calendar: Set<string>;
  locatives: Set<string>;
  pronouns: Map<string, 'male' | 'female'>;
  former: Set<string>;
  /** Role titles naming an institution ("the Chinese government"): an org, not a person. */
  collectives: Set<string>;
  /** Family relations: "his wife Grace" is a person of his country. */
  kin: Set<string>;
  /** Role → the states some KB office-holder held it for (no state has a "prime minister" unless one is listed). */
  roleStates: Map<Role, Set<string>>;
  /** `${country}|${role index}` → indices into people who held that role for that country (any date). */
  holdersOf: Map<string, number[]>;
  /** Folded place name → the state it lies in (places.json; read only inside titles). */
  placeState: Map<string, string>;
  /** Longest place name in words. */
  placeWords: number;
}

export function slug(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function caseModeOf(surface: string): CaseMode {
  const letters = surface.replace(/[^\p{L}]/gu, '');
  if (letters === letters.toLowerCase()) return 'any';
  if (letters === letters.toUpperCase() && letters.length <= 6) return 'acronym';
  return 'cap';
}

export function compileKb(data: ActorKbData): CompiledKb {
  const folder = createFolder();
  const trie = createTrie<Entry>(folder);
  const add = (surface: string, e: Omit<Entry, 'surface' | 'caseMode' | 'lowerOk'>, multiwordLowerOk = true) => {
    const key = folder.key(surface);
    if (!key) return;
    const caseMode = caseModeOf(surface);
    trie.add(key, { ...e, surface, caseMode, lowerOk: multiwordLowerOk && !e.ambiguous && key.includes(' ') && caseMode === 'cap' });
  };
  const stateName = new Map<string, string>();
  const igoName = new Map<string, string>();
  const demonym = new Map<string, string>();
  const bodies: BodyRec[] = [];
  const bodyIds = new Set<string>();
  const addBodies = (owner: string, ownerKind: 'state' | 'igo', list: { name: string; aliases: string[]; sector: string }[], amb: Set<string>) => {
    for (const b of list) {
      let id = `b:${owner.toLowerCase()}-${slug(b.name)}`;
      while (bodyIds.has(id)) id += '-x';
      bodyIds.add(id);
      const ref = bodies.length;
      bodies.push({ id, name: b.name, owner, ownerKind, sector: b.sector });
      for (const s of [b.name, ...b.aliases]) add(s, { kind: 'body', ref, ambiguous: amb.has(folder.key(s)) });
    }
  };
  for (const s of data.states) {
    stateName.set(s.code, s.name);
    if (s.demonyms[0]) demonym.set(s.code, s.demonyms[0]);
    const amb = new Set(s.ambiguous.map((a) => folder.key(a)));
    const isAmb = (x: string) => amb.has(folder.key(x));
    for (const n of [s.name, ...(s.official ? [s.official] : []), ...s.aliases]) add(n, { kind: 'state', ref: s.code, ambiguous: isAmb(n) });
    for (const n of s.demonyms) add(n, { kind: 'demonym', ref: s.code, ambiguous: isAmb(n) });
    for (const n of s.adjectives) add(n, { kind: 'adjective', ref: s.code, ambiguous: isAmb(n) });
    for (const n of s.capitals) add(n, { kind: 'capital', ref: s.code, ambiguous: isAmb(n) });
    for (const n of s.seats) add(n, { kind: 'seat', ref: s.code, ambiguous: isAmb(n) });
    for (const h of s.historical) {
      for (const n of [h.name, ...h.aliases]) add(n, { kind: 'state', ref: s.code, ambiguous: isAmb(n), from: h.from ?? null, to: h.to ?? null });
    }
    addBodies(s.code, 'state', s.bodies, amb);
  }
  for (const g of data.igos) {
    igoName.set(g.code, g.name);
    const amb = new Set(g.ambiguous.map((a) => folder.key(a)));
    for (const n of [g.name, ...g.aliases]) add(n, { kind: 'igo', ref: g.code, ambiguous: amb.has(folder.key(n)) });
    // a seat also listed as a state's capital (Brussels) stays with the state
    for (const n of g.seats) if (!trie.get(folder.key(n))?.some((e) => e.kind === 'capital')) add(n, { kind: 'seat', ref: g.code, ambiguous: amb.has(folder.key(n)) });
    addBodies(g.code, 'igo', g.bodies, amb);
  }
  data.groups.forEach((g, i) => {
    for (const n of [g.name, ...g.aliases]) add(n, { kind: 'group', ref: i, ambiguous: false, from: g.from, to: g.to });
  });
  const roleByTitle = new Map<string, Role>();
  data.roles.forEach((r, i) => {
    for (const t of [r.title, ...r.aliases]) {
      const k = folder.key(t);
      if (!roleByTitle.has(k)) roleByTitle.set(k, r);
      add(t, { kind: 'role', ref: i, ambiguous: false });
    }
  });
  // office-holders: one person per full name, with every term
  const people: PersonRec[] = [];
  const byName = new Map<string, number>();
  for (const row of data.people) {
    const k = folder.key(row.name);
    let i = byName.get(k);
    if (i === undefined) {
      i = people.length;
      byName.set(k, i);
      people.push({ id: `p:${slug(row.name)}`, name: row.name, aliases: [], terms: [], termRoles: [], first: k.split(' ')[0]!, words: [] });
    }
    const p = people[i]!;
    p.terms.push(row);
    for (const a of row.aliases) if (!p.aliases.includes(a)) p.aliases.push(a);
  }
  const personByAlias = new Map<string, number[]>();
  const roleStates = new Map<Role, Set<string>>();
  const holdersOf = new Map<string, number[]>();
  const roleIndex = new Map<Role, number>(data.roles.map((r, i) => [r, i]));
  const peopleByCountry = new Map<string, number[]>();
  people.forEach((p, i) => {
    p.termRoles = p.terms.map((t) => roleByTitle.get(folder.key(t.office)) ?? null);
    p.termRoles.forEach((r, k) => {
      if (!r) return;
      const hk = `${p.terms[k]!.country}|${roleIndex.get(r)}`;
      const hl = holdersOf.get(hk) ?? [];
      if (!hl.includes(i)) hl.push(i);
      holdersOf.set(hk, hl);
      const set = roleStates.get(r) ?? new Set<string>();
      set.add(p.terms[k]!.country);
      roleStates.set(r, set);
    });
    p.words = [...new Set([p.name, ...p.aliases].flatMap((n) => folder.key(n).split(' ')))];
    for (const c of new Set(p.terms.map((t) => t.country))) {
      const l = peopleByCountry.get(c) ?? [];
      l.push(i);
      peopleByCountry.set(c, l);
    }
    const seen = new Set<string>();
    for (const [n, full] of [[p.name, true], ...p.aliases.map((a) => [a, false] as const)] as const) {
      const k = folder.key(n);
      if (seen.has(k)) continue;
      seen.add(k);
      const list = personByAlias.get(k) ?? [];
      list.push(i);
      personByAlias.set(k, list);
      add(n, { kind: 'person', ref: i, ambiguous: false, full: full || k.includes(' ') });
    }
  });
  const personByToken = new Map<string, number[]>();
  const addTok = (k: string, i: number) => {
    const l = personByToken.get(k) ?? [];
    if (!l.includes(i)) l.push(i);
    personByToken.set(k, l);
  };
  people.forEach((p, i) => {
    for (const n of [p.name, ...p.aliases]) {
      for (const w of folder.key(n).split(' ')) {
        if (w.length < 3) continue;
        addTok(w, i);
        if (w.length >= 5) for (let k = 0; k < w.length; k++) addTok('~' + w.slice(0, k) + w.slice(k + 1), i);
      }
    }
  });
  const placeState = new Map<string, string>();
  let placeWords = 0;
  for (const pl of data.places ?? []) {
    for (const n of [pl.name, ...pl.aliases]) {
      const k = folder.key(n);
      if (!k) continue;
      placeState.set(k, pl.country);
      placeWords = Math.max(placeWords, k.split(' ').length);
    }
  }
  const np = data.nameParts;
  const lower = (xs: string[]) => new Set(xs.map((x) => folder.key(x)));
  const pronouns = new Map<string, 'male' | 'female'>();
  for (const w of np.pronouns.male) pronouns.set(w, 'male');
  for (const w of np.pronouns.female) pronouns.set(w, 'female');
  return {
    folder, trie, stateName, igoName, demonym, bodies, groups: data.groups, people, roles: data.roles, roleByTitle,
    personByAlias,
    peopleByCountry,
    personByToken,
    honorifics: lower(np.honorifics),
    particles: lower(np.particles),
    particleMaxLen: Math.max(0, ...np.particles.map((x) => x.length)),
    notNames: lower(np.notNames),
    calendar: lower(np.calendar),
    locatives: lower(np.locatives),
    pronouns,
    former: lower(np.former),
    collectives: lower(np.collectives),
    kin: lower(np.kin),
    roleStates,
    holdersOf,
    placeState,
    placeWords,
  };
}
