/**
 * A small hand-written actor KB for the unit tests (not the real data/actors files).
 */
import type { ActorKbData } from './schema.ts';

const meta = { what: 'test fixture', sources: 'written for the tests', licence: 'MIT', updated: '2026-11-22' };
export const fixtureMeta = meta;

const state = (code: string, name: string, extra: Partial<ActorKbData['states'][number]> = {}): ActorKbData['states'][number] => ({
  code, name, aliases: [], demonyms: [], adjectives: [], capitals: [], seats: [], bodies: [], historical: [], ambiguous: [], ...extra,
});

export function fixtureKb(): ActorKbData {
  return {
    states: [
      state('USA', 'United States', {
        aliases: ['US', 'U.S.', 'America', 'United States of America'],
        demonyms: ['American', 'Americans'],
        capitals: ['Washington'],
        seats: ['White House'],
        bodies: [
          { name: 'State Department', aliases: ['US State Department'], sector: 'GOV' },
          { name: 'Pentagon', aliases: [], sector: 'MIL' },
        ],
      }),
      state('CHN', 'China', {
        aliases: ['PRC'], demonyms: ['Chinese'], adjectives: ['Sino'], capitals: ['Beijing'],
        bodies: [{ name: 'Chinese Foreign Ministry', aliases: ['Chinese foreign ministry'], sector: 'GOV' }],
      }),
      state('GBR', 'United Kingdom', {
        aliases: ['UK', 'Britain'], demonyms: ['British', 'Britons'], capitals: ['London'], seats: ['Downing Street'],
        bodies: [{ name: 'Foreign Office', aliases: [], sector: 'GOV' }],
      }),
      state('RUS', 'Russia', { demonyms: ['Russian', 'Russians'], capitals: ['Moscow'], seats: ['Kremlin'], historical: [{ name: 'Soviet Union', aliases: ['USSR'], to: '1991-12-26' }] }),
      state('IRQ', 'Iraq', { demonyms: ['Iraqi', 'Iraqis'], capitals: ['Baghdad'] }),
      state('JOR', 'Jordan', { demonyms: ['Jordanian'], capitals: ['Amman'], ambiguous: ['Jordan'] }),
      state('GEO', 'Georgia', { demonyms: ['Georgian'], capitals: ['Tbilisi'], ambiguous: ['Georgia'] }),
      state('FRA', 'France', { demonyms: ['French'], capitals: ['Paris'], seats: ['Elysee'] }),
      state('AFG', 'Afghanistan', { demonyms: ['Afghan'], capitals: ['Kabul'] }),
      state('TUR', 'Turkey', { demonyms: ['Turkish'], capitals: ['Ankara'] }),
      state('AUS', 'Australia', { demonyms: ['Australian'], capitals: ['Canberra'] }),
    ],
    igos: [
      { code: 'UN', name: 'United Nations', aliases: ['UN', 'U.N.'], bodies: [{ name: 'Security Council', aliases: ['UN Security Council'], sector: 'GOV' }], seats: [], ambiguous: [] },
      { code: 'NATO', name: 'North Atlantic Treaty Organization', aliases: ['NATO'], bodies: [], seats: [], ambiguous: [] },
    ],
    roles: [
      { title: 'foreign minister', aliases: ['secretary of state', 'top diplomat', 'foreign secretary'], sector: 'GOV', rank: 'minister' },
      { title: 'president', aliases: [], sector: 'GOV', rank: 'head_of_state' },
      { title: 'vice president', aliases: [], sector: 'GOV', rank: 'deputy' },
      { title: 'justice minister', aliases: [], sector: 'GOV', rank: 'minister' },
      { title: 'ambassador', aliases: ['envoy', 'top envoy'], sector: 'GOV', rank: 'envoy' },
      { title: 'spokesperson', aliases: ['spokesman', 'spokeswoman'], sector: 'GOV', rank: 'spokesperson' },
      { title: 'general', aliases: [], sector: 'MIL', rank: 'military' },
      { title: 'official', aliases: ['officials'], sector: 'GOV', rank: 'official' },
      { title: 'government', aliases: [], sector: 'GOV', rank: 'other' },
      { title: 'prime minister', aliases: [], sector: 'GOV', rank: 'head_of_government' },
      { title: 'governor', aliases: ['district governor'], sector: 'GOV', rank: 'other', local: true },
    ],
    groups: [
      { name: 'Islamic State', aliases: ['Isis', 'ISIL'], kind: 'group', country: null, sector: 'REB', from: null, to: null },
      { name: 'Hamas', aliases: [], kind: 'group', country: null, sector: 'REB', from: null, to: null },
      { name: 'Taliban', aliases: [], kind: 'group', country: null, sector: 'REB', from: null, to: '2021-08-15' },
      { name: 'Taliban', aliases: [], kind: 'state', country: 'AFG', sector: 'GOV', from: '2021-08-15', to: null },
    ],
    people: [
      { name: 'Antony Blinken', aliases: ['Blinken', 'Tony Blinken'], country: 'USA', office: 'secretary of state', sector: 'GOV', start: '2021-01-26', end: '2025-01-20' },
      { name: 'Xi Jinping', aliases: ['Xi'], country: 'CHN', office: 'president', sector: 'GOV', start: '2013-03-14', end: null },
      { name: 'Wang Yi', aliases: [], country: 'CHN', office: 'foreign minister', sector: 'GOV', start: '2013-03-16', end: '2022-12-30' },
      { name: 'Wang Yi', aliases: [], country: 'CHN', office: 'foreign minister', sector: 'GOV', start: '2023-07-25', end: null },
      { name: 'Donald Trump', aliases: ['Trump'], country: 'USA', office: 'president', sector: 'GOV', start: '2017-01-20', end: '2021-01-20' },
      { name: 'Donald Trump', aliases: ['Trump'], country: 'USA', office: 'president', sector: 'GOV', start: '2025-01-20', end: null },
      { name: 'Joe Biden', aliases: ['Biden'], country: 'USA', office: 'vice president', sector: 'GOV', start: '2009-01-20', end: '2017-01-20' },
      { name: 'Joe Biden', aliases: ['Biden'], country: 'USA', office: 'president', sector: 'GOV', start: '2021-01-20', end: '2025-01-20' },
      { name: 'Cui Tiankai', aliases: ['Cui'], country: 'CHN', office: 'ambassador', sector: 'GOV', start: '2013-04', end: '2021-06' },
      { name: 'Emmanuel Macron', aliases: ['Macron'], country: 'FRA', office: 'president', sector: 'GOV', start: '2017-05-14', end: null },
      { name: 'Ferdinand Marcos Jr.', aliases: ['Marcos', 'Bongbong Marcos'], country: 'PHL', office: 'president', sector: 'GOV', start: '2022-06-30', end: null },
      { name: 'Scott Morrison', aliases: ['Morrison'], country: 'AUS', office: 'prime minister', sector: 'GOV', start: '2018-08-24', end: '2022-05-23' },
    ],
    places: [{ name: 'Kandahar', aliases: [], country: 'AFG' }],
    nameParts: {
      _meta: meta,
      honorifics: ['mr', 'mrs', 'ms', 'dr', 'gen', 'cmdr', 'president'],
      particles: ['al', 'de', 'von', 'der', 'bin'],
      notNames: ['the', 'in', 'on', 'at', 'he', 'she', 'it', 'but', 'and', 'a', 'an', 'post', 'square', 'street', 'hospital', 'university'],
      calendar: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'march', 'may', 'november'],
      locatives: ['in', 'at', 'near'],
      pronouns: { male: ['he', 'him', 'his'], female: ['she', 'her'] },
      collectives: ['government', 'military'],
      kin: ['wife', 'son'],
      former: ['former', 'ex'],
    },
  };
}
