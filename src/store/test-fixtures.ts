/**
 * Hand-made Extractions for store, analytics and API tests (original text written for Parley).
 * Built by hand so the tests never depend on what the extraction stages currently find.
 */
import type { Actor, EventMention, EventParty, EventRecord, Extraction, PloverType, Quad } from '../extraction.ts';

const QUAD: Record<PloverType, Quad> = {
  AGREE: 'verbal_cooperation', CONSULT: 'verbal_cooperation', SUPPORT: 'verbal_cooperation', CONCEDE: 'material_cooperation',
  COOPERATE: 'material_cooperation', AID: 'material_cooperation', RETREAT: 'material_cooperation', REQUEST: 'verbal_cooperation',
  ACCUSE: 'verbal_conflict', REJECT: 'verbal_conflict', THREATEN: 'verbal_conflict', PROTEST: 'verbal_conflict',
  SANCTION: 'material_conflict', MOBILIZE: 'material_conflict', COERCE: 'material_conflict', ASSAULT: 'material_conflict',
};
const CAMEO: Record<PloverType, string> = {
  AGREE: '03', CONSULT: '04', SUPPORT: '05', CONCEDE: '08', COOPERATE: '06', AID: '07', RETREAT: '08', REQUEST: '02',
  ACCUSE: '11', REJECT: '12', THREATEN: '13', PROTEST: '14', SANCTION: '16', MOBILIZE: '15', COERCE: '17', ASSAULT: '18',
};
const INTENSITY: Record<PloverType, number> = {
  AGREE: 4, CONSULT: 1, SUPPORT: 3.4, CONCEDE: 5, COOPERATE: 6, AID: 7, RETREAT: 5, REQUEST: 3,
  ACCUSE: -2, REJECT: -4, THREATEN: -6, PROTEST: -6.5, SANCTION: -8, MOBILIZE: -7.2, COERCE: -7, ASSAULT: -10,
};

export function party(country: string | null, name: string, sector: string | null = 'GOV'): EventParty {
  return { name, country, sector, actor: null };
}

export interface EventSpec {
  type: PloverType;
  source: EventParty;
  target: EventParty;
  date?: string | null;
  /** Evidence sentences (each must occur in the article text); the first is the event's sentence. */
  sentences: string[];
  trigger?: string;
  intensity?: number;
  negated?: boolean;
}

export interface ArticleSpec {
  doc: string;
  title: string | null;
  source: string | null;
  published: string | null;
  url?: string;
  paragraphs: string[];
  actors?: Array<{ id: string; name: string; kind: Actor['kind']; country: string | null; sector?: string | null; role?: string | null }>;
  events: EventSpec[];
}

function spanOf(text: string, s: string): [number, number] {
  const i = text.indexOf(s);
  if (i < 0) throw new Error(`fixture sentence not in text: ${s}`);
  return [i, i + s.length];
}

export function makeExtraction(a: ArticleSpec): Extraction {
  const text = a.paragraphs.join('\n\n');
  const actors: Actor[] = (a.actors ?? []).map((x) => {
    const mentions: [number, number][] = [];
    let from = 0;
    for (;;) {
      const i = text.indexOf(x.name, from);
      if (i < 0) break;
      mentions.push([i, i + x.name.length]);
      from = i + x.name.length;
    }
    return { id: x.id, name: x.name, aliases: [], kind: x.kind, country: x.country, sector: x.sector ?? null, role: x.role ?? null, mentions };
  });
  const events: EventRecord[] = a.events.map((e) => {
    const mentions: EventMention[] = e.sentences.map((s) => ({
      sentence: s, span: spanOf(text, s), trigger: e.trigger ?? e.type.toLowerCase(), rule: `test.${e.type.toLowerCase()}`,
    }));
    const first = mentions[0]!;
    return {
      type: e.type, mode: null, cameo: CAMEO[e.type], intensity: e.intensity ?? INTENSITY[e.type], quad: QUAD[e.type],
      source: e.source, target: e.target, date: e.date === undefined ? a.published : e.date, date_text: null,
      sentence: first.sentence, span: first.span, trigger: first.trigger, rule: first.rule,
      negated: e.negated ?? false, hypothetical: false, future: false, confidence: 0.9, mentions,
    };
  });
  return {
    doc: a.doc, title: a.title, url: a.url ?? `https://news.example.org/${a.doc}`, source: a.source, published: a.published,
    language: 'en', text, actors, events, errors: [],
  };
}

const CHN = party('CHN', 'Wang Yi');
const USA = party('USA', 'Antony Blinken');

/** Four short articles: two report the same CHN–USA meeting (merge), one sanctions, one war news. */
export function sampleArticles(): Extraction[] {
  return [
    makeExtraction({
      doc: 'harbor-0412-talks', title: 'Wang and Blinken hold talks in Beijing', source: 'Harbor Wire', published: '2024-04-12',
      paragraphs: [
        'Chinese Foreign Minister Wang Yi met US Secretary of State Antony Blinken in Beijing on Friday.',
        'Blinken urged Beijing to stop supplying machine tools to Russian arms makers. Both sides described the talks as candid.',
      ],
      actors: [
        { id: 'a1', name: 'Wang Yi', kind: 'person', country: 'CHN', role: 'Foreign Minister' },
        { id: 'a2', name: 'Antony Blinken', kind: 'person', country: 'USA', role: 'Secretary of State' },
      ],
      events: [
        { type: 'CONSULT', source: CHN, target: USA, sentences: ['Chinese Foreign Minister Wang Yi met US Secretary of State Antony Blinken in Beijing on Friday.'], trigger: 'met' },
        { type: 'REQUEST', source: USA, target: CHN, sentences: ['Blinken urged Beijing to stop supplying machine tools to Russian arms makers.'], trigger: 'urged' },
      ],
    }),
    makeExtraction({
      doc: 'northern-0412-meeting', title: 'Top diplomats meet as trade frictions grow', source: 'Northern Daily', published: '2024-04-12',
      paragraphs: [
        'Wang Yi received Antony Blinken at the Diaoyutai guesthouse on Friday for five hours of talks.',
        'After the meeting, Wang Yi told reporters the talks with Blinken had been frank. Washington did not ease its chip export rules.',
      ],
      actors: [
        { id: 'p1', name: 'Wang Yi', kind: 'person', country: 'CHN' },
        { id: 'p2', name: 'Antony Blinken', kind: 'person', country: 'USA' },
        { id: 'p3', name: 'Washington', kind: 'state', country: 'USA' },
      ],
      events: [
        {
          type: 'CONSULT', source: CHN, target: USA, trigger: 'received',
          sentences: [
            'Wang Yi received Antony Blinken at the Diaoyutai guesthouse on Friday for five hours of talks.',
            'After the meeting, Wang Yi told reporters the talks with Blinken had been frank.',
          ],
        },
        { type: 'RETREAT', source: party('USA', 'Washington'), target: party('CHN', 'China'), negated: true, sentences: ['Washington did not ease its chip export rules.'] },
      ],
    }),
    makeExtraction({
      doc: 'harbor-0416-tariffs', title: 'Washington raises tariffs on Chinese steel; Beijing protests', source: 'Harbor Wire', published: '2024-04-16',
      paragraphs: [
        'The United States on Monday imposed new tariffs on Chinese steel and aluminium.',
        'A spokesperson for the Chinese commerce ministry on Tuesday accused Washington of bullying. Officials from both countries met several times in April.',
      ],
      actors: [
        { id: 'x1', name: 'United States', kind: 'state', country: 'USA' },
        { id: 'x2', name: 'Chinese commerce ministry', kind: 'org', country: 'CHN', sector: 'GOV' },
      ],
      events: [
        { type: 'SANCTION', source: party('USA', 'United States'), target: party('CHN', 'China'), date: '2024-04-15', sentences: ['The United States on Monday imposed new tariffs on Chinese steel and aluminium.'], trigger: 'imposed' },
        { type: 'ACCUSE', source: party('CHN', 'Chinese commerce ministry'), target: party('USA', 'Washington'), date: '2024-04-16', sentences: ['A spokesperson for the Chinese commerce ministry on Tuesday accused Washington of bullying.'], trigger: 'accused' },
        { type: 'CONSULT', source: CHN, target: USA, date: '2024-04', sentences: ['Officials from both countries met several times in April.'], trigger: 'met' },
      ],
    }),
    makeExtraction({
      doc: 'post-0520-strikes', title: 'Overnight strikes hit Kharkiv; allies pledge air defence', source: 'Evening Post', published: '2024-05-20',
      paragraphs: [
        'Russian forces struck energy facilities around Kharkiv overnight, Ukrainian officials said.',
        'Germany said it would deliver another air defence system to Ukraine. NATO called on Moscow to halt the attacks.',
      ],
      actors: [
        { id: 'r', name: 'Russian forces', kind: 'group', country: 'RUS', sector: 'MIL' },
        { id: 'n', name: 'NATO', kind: 'igo', country: 'NATO' },
      ],
      events: [
        { type: 'ASSAULT', source: party('RUS', 'Russian forces', 'MIL'), target: party('UKR', 'Ukraine', null), sentences: ['Russian forces struck energy facilities around Kharkiv overnight, Ukrainian officials said.'], trigger: 'struck' },
        { type: 'AID', source: party('DEU', 'Germany', null), target: party('UKR', 'Ukraine', null), date: '2024-05', sentences: ['Germany said it would deliver another air defence system to Ukraine.'], trigger: 'deliver' },
        { type: 'REQUEST', source: party('NATO', 'NATO', null), target: party('RUS', 'Moscow'), sentences: ['NATO called on Moscow to halt the attacks.'], trigger: 'called on' },
      ],
    }),
  ];
}
