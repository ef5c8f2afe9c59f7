/**
 * Test helper: a Doc from one made-up text, segmented with wink-nlp and dated by the real
 * date stage, with actor mentions from a small hand-written table (so event tests do not
 * depend on the actor knowledge base).
 */
import { newDoc, type Doc } from '../doc.ts';
import type { Actor } from '../extraction.ts';
import { createSegmentStage, loadNlp } from '../segment/index.ts';
import { createDateStage } from '../dates/index.ts';

type Kind = Actor['kind'];
type Label = 'name' | 'title' | 'pronoun' | 'metonym' | 'demonym' | 'state' | 'igo' | 'body' | 'group';

/** surface form → [code, kind, label] */
export const ACTORS: Record<string, [string, Kind, Label]> = {
  'Ruritania': ['RUR', 'state', 'state'],
  'Ruritanian': ['RUR', 'state', 'demonym'],
  'Strelsau': ['RUR', 'state', 'metonym'],
  'STRELSAU': ['RUR', 'state', 'metonym'],
  'Elena Vasko': ['RUR', 'person', 'name'],
  'Vasko': ['RUR', 'person', 'name'],
  'Freedonia': ['FRE', 'state', 'state'],
  'Freedonian': ['FRE', 'state', 'demonym'],
  'Marco Teller': ['FRE', 'person', 'name'],
  'Teller': ['FRE', 'person', 'name'],
  'Sylvania': ['SYL', 'state', 'state'],
  'Sylvanian': ['SYL', 'state', 'demonym'],
  'Sylvanians': ['SYL', 'state', 'demonym'],
  'Osterlich': ['OST', 'state', 'state'],
  'Criminal Court of Osterlich': ['OST', 'org', 'body'],
  'Borduria': ['BOR', 'state', 'state'],
  'Bordurian': ['BOR', 'state', 'demonym'],
  'Alliance': ['ALL', 'igo', 'igo'],
  'Vasko aide': ['RUR', 'person', 'title'],
};

export type MakeDoc = (text: string, published?: string | null, pronouns?: Record<string, string>) => Doc;

/**
 * A Doc builder sharing one wink-nlp model: `makeDoc(text, published, pronouns)`;
 * `pronouns` maps extra surface forms (e.g. "She") to a listed actor.
 */
export function docMaker(nlp = loadNlp()): MakeDoc {
  return (text, published = '2025-03-12', pronouns = {}) => build(nlp, text, published, pronouns);
}

function build(nlp: ReturnType<typeof loadNlp>, text: string, published: string | null, pronouns: Record<string, string>): Doc {
  const doc = newDoc({ id: 'test', origin: { file: 'test.txt' }, format: 'text', raw: text, meta: { published } });
  doc.text = text;
  createSegmentStage(nlp)(doc);
  createDateStage()(doc);
  const table: Record<string, [string, Kind, Label, string]> = {};
  for (const [k, v] of Object.entries(ACTORS)) table[k] = [...v, k];
  for (const [k, to] of Object.entries(pronouns)) table[k] = [ACTORS[to]![0], ACTORS[to]![1], 'pronoun', to];
  const names = Object.keys(table).sort((a, b) => b.length - a.length);
  const taken = new Array<boolean>(text.length).fill(false);
  const mentions: Doc['actorMentions'] = [];
  const actors = new Map<string, Actor>();
  for (const n of names) {
    const re = new RegExp(`\\b${n.replace(/ /g, '\\s+')}\\b`, 'g');
    for (const m of text.matchAll(re)) {
      const s = m.index!;
      const e = s + m[0].length;
      if (taken.slice(s, e).some(Boolean)) continue;
      for (let k = s; k < e; k++) taken[k] = true;
      const [code, kind, label, canon] = table[n]!;
      const id = `a:${canon}`;
      if (!actors.has(id)) actors.set(id, { id, name: canon, aliases: [], kind, country: code, sector: null, role: null, mentions: [] });
      actors.get(id)!.mentions.push([s, e]);
      mentions.push({ start: s, end: e, label, id });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  doc.actorMentions = mentions;
  doc.actors = [...actors.values()];
  return doc;
}
