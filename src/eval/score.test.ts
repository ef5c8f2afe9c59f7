import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatJson, formatText, score, type GoldDoc, type Json, type ScoreResult } from './score.ts';

type Sys = { [k: string]: Json };
const gold = (over: Partial<GoldDoc> = {}): GoldDoc => ({ doc: 'd1', published: '2019-11-20', events: [], ...over });
const run = (g: GoldDoc | GoldDoc[], s: Sys | Sys[]) => {
  const gs = Array.isArray(g) ? g : [g];
  const ss = Array.isArray(s) ? s : [s];
  return score(new Map(gs.map((x) => [x.doc, x])), new Map(ss.map((x) => [String(x.doc), x])));
};
const ev = (type: string, source: Json, target: Json, extra: Sys = {}): Sys => ({ type, source, target, ...extra });

/** [rule, gold, system, expected figures] */
const cases: Array<[string, GoldDoc, Sys, Partial<ScoreResult>]> = [
  ['a matching tuple is a hit', gold({ events: [{ type: 'ACCUSE', source: 'CHN', target: 'USA' }] }), { doc: 'd1', events: [ev('ACCUSE', 'CHN', 'USA')] }, { tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 }],
  ['a missing tuple is a miss', gold({ events: [{ type: 'ACCUSE', source: 'CHN', target: 'USA' }] }), { doc: 'd1', events: [] }, { tp: 0, fn: 1, recall: 0 }],
  ['CONSULT compares regardless of direction', gold({ events: [{ type: 'CONSULT', source: 'USA', target: 'CHN' }] }), { doc: 'd1', events: [ev('CONSULT', 'CHN', 'USA')] }, { tp: 1, fp: 0 }],
  ['other types keep their direction', gold({ events: [{ type: 'ACCUSE', source: 'USA', target: 'CHN' }] }), { doc: 'd1', events: [ev('ACCUSE', 'CHN', 'USA')] }, { tp: 0, fp: 1, fn: 1 }],
  ['an optional gold event is never a miss', gold({ events: [{ type: 'AID', source: 'USA', target: 'UKR', optional: true }] }), { doc: 'd1', events: [] }, { fn: 0, tp: 0 }],
  ['an optional gold event is no false alarm either', gold({ events: [{ type: 'AID', source: 'USA', target: 'UKR', optional: true }] }), { doc: 'd1', events: [ev('AID', 'USA', 'UKR')] }, { fp: 0, tp: 0 }],
  ['any listed type matches', gold({ events: [{ type: ['ACCUSE', 'THREATEN'], source: 'CHN', target: 'USA' }] }), { doc: 'd1', events: [ev('THREATEN', 'CHN', 'USA')] }, { tp: 1, fp: 0 }],
  ['both listed types count once and raise no false alarm', gold({ events: [{ type: ['ACCUSE', 'THREATEN'], source: 'CHN', target: 'USA' }] }), { doc: 'd1', events: [ev('ACCUSE', 'CHN', 'USA'), ev('THREATEN', 'CHN', 'USA')] }, { tp: 1, fp: 0 }],
  ['repeated system tuples count once', gold(), { doc: 'd1', events: [ev('ASSAULT', 'RUS', 'UKR'), ev('ASSAULT', 'RUS', 'UKR')] }, { fp: 1 }],
  ['a tuple with a missing party is ignored', gold(), { doc: 'd1', events: [ev('ASSAULT', 'RUS', null)] }, { fp: 0 }],
  ['actor objects give their country, else their code', gold({ events: [{ type: 'REQUEST', source: 'UN', target: 'SYR' }] }), { doc: 'd1', events: [ev('REQUEST', { name: 'the UN', country: null, code: 'UN' }, { name: 'Syria', country: 'SYR' })] }, { tp: 1 }],
  ['a date that starts with the gold date is right', gold({ events: [{ type: 'AID', source: 'USA', target: 'UKR', date: '2019-11' }] }), { doc: 'd1', events: [ev('AID', 'USA', 'UKR', { date: '2019-11-20' })] }, { event_date_accuracy: 1 }],
  ['a coarser date than the gold one is wrong', gold({ events: [{ type: 'AID', source: 'USA', target: 'UKR', date: '2019-11-19' }] }), { doc: 'd1', events: [ev('AID', 'USA', 'UKR', { date: '2019-11' })] }, { event_date_accuracy: 0 }],
  ['a missing system date is wrong', gold({ events: [{ type: 'AID', source: 'USA', target: 'UKR', date: '2019' }] }), { doc: 'd1', events: [ev('AID', 'USA', 'UKR', { date: null })] }, { event_date_accuracy: 0 }],
  ['a gold event without a date is not scored for dates', gold({ events: [{ type: 'AID', source: 'USA', target: 'UKR', date: null }] }), { doc: 'd1', events: [ev('AID', 'USA', 'UKR')] }, { event_date_accuracy: null }],
  ['dates are not scored without a gold publication date', gold({ published: null, events: [{ type: 'AID', source: 'USA', target: 'UKR', date: '2019' }] }), { doc: 'd1', events: [ev('AID', 'USA', 'UKR', { date: '2018' })] }, { event_date_accuracy: null, published_accuracy: null }],
  ['published compares the first ten characters', gold(), { doc: 'd1', published: '2019-11-20T08:00:00Z' }, { published_accuracy: 1 }],
  ['a wrong publication date', gold(), { doc: 'd1', published: '2019-11-21' }, { published_accuracy: 0 }],
  ['must_keep phrases are found after normalisation', gold({ clean: { must_keep: ['Erdoğan’s   plan'], must_drop: [] } }), { doc: 'd1', text: "Then ERDOGAN'S plan failed." }, { clean_keep: 1, clean_drop: null }],
  ['a must_drop phrase left in the text is a miss', gold({ clean: { must_keep: [], must_drop: ['Subscribe now', 'Cookie policy'] } }), { doc: 'd1', text: 'News. Subscribe now!' }, { clean_drop: 0.5 }],
  ['an actor found by an alias with the right country', gold({ actors: [{ name: 'Antony Blinken', country: 'USA', aliases: ['Blinken'] }] }), { doc: 'd1', actors: [{ name: 'Blinken', aliases: [], country: 'USA' }] }, { actor_recall: 1 }],
  ['an actor with the wrong country is missed', gold({ actors: [{ name: 'Wang Yi', country: 'CHN' }] }), { doc: 'd1', actors: [{ name: 'Wang Yi', aliases: [], country: 'TWN' }] }, { actor_recall: 0 }],
  ['optional actors are not counted', gold({ actors: [{ name: 'Someone', country: 'FRA', optional: true }] }), { doc: 'd1', actors: [] }, { actor_recall: null }],
  ['a document the system did not print counts as empty', gold({ events: [{ type: 'AID', source: 'USA', target: 'UKR' }] }), { doc: 'other', events: [ev('AID', 'USA', 'UKR')] }, { tp: 0, fn: 1, fp: 0, published_accuracy: 0 }],
];

for (const [rule, g, s, want] of cases) {
  test(`score: ${rule}`, () => {
    const r = run(g, s);
    const got = Object.fromEntries(Object.keys(want).map((k) => [k, r[k as keyof ScoreResult]]));
    assert.deepEqual(got, want);
  });
}

test('score: each required event takes the first unused system tuple', () => {
  const g = gold({ events: [
    { type: ['ACCUSE', 'THREATEN'], source: 'CHN', target: 'USA' },
    { type: 'THREATEN', source: 'CHN', target: 'USA' },
  ] });
  const r = run(g, { doc: 'd1', events: [ev('THREATEN', 'CHN', 'USA'), ev('ACCUSE', 'CHN', 'USA')] });
  assert.deepEqual([r.tp, r.fn, r.fp], [1, 1, 0]);
});

test('score: precision, recall and F1 are rounded to 4 places; ratios are not', () => {
  const g = gold({ events: [{ type: 'AID', source: 'USA', target: 'UKR' }, { type: 'AID', source: 'USA', target: 'TWN' }, { type: 'AID', source: 'USA', target: 'ISR' }], clean: { must_keep: ['a', 'b', 'zzz'] } });
  const r = run(g, { doc: 'd1', text: 'a b', events: [ev('AID', 'USA', 'UKR')] });
  assert.deepEqual([r.precision, r.recall, r.f1, r.clean_keep], [1, 0.3333, 0.5, 2 / 3]);
});

test('score: verbose lines name the doc, the tuple and the evidence', () => {
  const lines: string[] = [];
  const g = gold({ events: [{ type: 'AID', source: 'USA', target: 'UKR', evidence: 'sent aid', date: '2019-11-19' }, { type: 'REQUEST', source: 'USA', target: 'CHN', evidence: 'asked' }], actors: [{ name: 'Xi Jinping', country: 'CHN' }] });
  score(new Map([['d1', g]]), new Map([['d1', { doc: 'd1', events: [ev('AID', 'USA', 'UKR', { date: '2019-11-20' }), ev('ASSAULT', 'RUS', 'UKR', { sentence: 'Russia struck' })] }]]), { onLine: (l) => lines.push(l) });
  assert.deepEqual(lines, [
    "  DATE d1 ('AID', 'USA', 'UKR') gold=2019-11-19 system=2019-11-20 :: sent aid",
    "  FN d1 ('REQUEST', 'USA', 'CHN') :: asked",
    "  FP d1 ('ASSAULT', 'RUS', 'UKR') :: Russia struck",
    '  ACTOR-MISS d1 Xi Jinping (CHN)',
  ]);
});

test('formatJson and formatText print Python values in score.py key order', () => {
  const r = run(gold({ events: [{ type: 'AID', source: 'USA', target: 'UKR' }] }), { doc: 'd1', published: '2019-11-20', events: [ev('AID', 'USA', 'UKR')] });
  assert.equal(formatJson(r), '{"docs": 1, "tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0, "event_date_accuracy": null, "published_accuracy": 1.0, "clean_keep": null, "clean_drop": null, "actor_recall": null}');
  assert.match(formatText(r), /^docs: 1\ntp: 1\n[\s\S]*event_date_accuracy: None\npublished_accuracy: 1\.0\n[\s\S]*actor_recall: None\n$/);
});
