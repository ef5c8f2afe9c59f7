import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addAgreement, cameoToPlover, emptyAgreement, loadCodeMap, parseCameoTable, parsePetrGsr, parsePloverGsr,
  peerCode, ploverLabel, type PeerSentence,
} from './peers.ts';
import { ParleyError } from '../errors.ts';
import type { EventRecord } from '../extraction.ts';

// A small conversion table in the peer's format (written for this test).
const TABLE = `# conversion table
04: CONSULT
040: CONSULT, ,  # Consult
042: CONSULT, visit,   # Make a visit

09: ACCUSE
090: ACCUSE, investigate,  # Investigate
10: REQUEST
100: REQUEST,  ,  # REQUEST
101: REQUEST, assist,  # Demand material cooperation
11: ACCUSE
111: ACCUSE, disapprove,    # Criticize or denounce
19: ASSAULT
193: ASSAULT, firearms, military # Fight with small arms
~~~~~
`;
const table = parseCameoTable(TABLE, 't.txt');
const codes = loadCodeMap();

const cameo: Array<[string, string | null]> = [['042', 'CONSULT'], ['0421', 'CONSULT'], ['111', 'ACCUSE'], ['19', 'ASSAULT'], ['015', null]];
for (const [code, want] of cameo) test(`cameoToPlover(${code}) = ${want}`, () => assert.equal(cameoToPlover(table, code), want));

const labels: Array<[string, string | null]> = [['CONSULT', 'CONSULT'], ['DEMAND', 'REQUEST'], ['DISAPPROVE', 'ACCUSE'], ['INVESTIGATE', 'ACCUSE'], ['FIGHT', 'ASSAULT'], ['DOCUMENT', null]];
for (const [label, want] of labels) test(`ploverLabel(${label}) = ${want}`, () => assert.equal(ploverLabel(table, label), want));

test('parseCameoTable names the file and line of a bad row', () => {
  assert.throws(() => parseCameoTable('04: CONSULT\n040 CONSULT\n', 'x.txt'), (e: unknown) => e instanceof ParleyError && e.file === 'x.txt' && e.line === 2);
  assert.throws(() => parseCameoTable('04: CHAT\n', 'x.txt'), (e: unknown) => e instanceof ParleyError && e.line === 1);
});

const peerCodes: Array<[string, string | null]> = [['USA', 'USA'], ['USAGOV', 'USA'], ['IGOUNOMIL', 'UN'], ['IGOEUREEC', 'EU'], ['---REB', null], ['IGO', null], ['JAP', null], ['', null]];
for (const [c, want] of peerCodes) test(`peerCode(${JSON.stringify(c)}) = ${want}`, () => assert.equal(peerCode(codes, c), want));

test('parsePloverGsr maps labels and actors, skips the DOCUMENT record, and reads SRC/TAR as reciprocal', () => {
  const json = JSON.stringify([
    { id: 'DOC', event: 'DOCUMENT' },
    { id: 'r1', date: '2000-01-01', event: 'DEMAND', text: 'Kenya asked Uganda for help.', source: [{ code: 'KEN' }], target: [{ code: 'UGA' }] },
    { id: 'r2', date: '2000-01-01', event: 'CONSULT', text: 'Chile and Peru held talks.', source: [{ code: 'CHL' }, { code: 'PER' }], target: '', textInfo: { markup: '(SRC/TAR: Chile) and (SRC/TAR: Peru) held (EVT: talks).' } },
  ]);
  const out = parsePloverGsr(json, 'g.txt', table, codes);
  assert.deepEqual(out.map((s) => [s.id, s.date, s.events[0]!.type, s.events[0]!.sources, s.events[0]!.targets]), [
    ['r1', '2000-01-01', 'REQUEST', ['KEN'], ['UGA']],
    ['r2', '2000-01-01', 'CONSULT', ['CHL', 'PER'], ['CHL', 'PER']],
  ]);
});

test('parsePetrGsr reads self-closed sentences, several codings and noevents', () => {
  const xml = `<Validation>
# a comment line
<Sentences>
<Sentence category="AFP" date="20080804" id="S1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USAGOV" targetcode="CHN" />
<EventCoding eventcode="015" sourcecode="USA" targetcode="---" />
<Text>
The US envoy flew to
Beijing for talks.
</Text>
<Parse>
1 The the DET
</Parse></Sentence>
<Sentence category="OTHER" date="20080805" id="S2" evaluate="true"/>
<EventCoding noevents="True" />
<Text>Nothing happened.</Text>
</Sentence>
</Sentences></Validation>`;
  const out = parsePetrGsr(xml, 'v.xml', table, codes);
  assert.deepEqual(out.map((s) => [s.id, s.date, s.text, s.noEvents, s.events.map((e) => [e.label, e.type, e.sources, e.targets])]), [
    ['S1', '2008-08-04', 'The US envoy flew to Beijing for talks.', false, [['042', 'CONSULT', ['USA'], ['CHN']], ['015', null, ['USA'], []]]],
    ['S2', '2008-08-05', 'Nothing happened.', true, []],
  ]);
});

test('addAgreement counts type, source, target and all three separately', () => {
  const s: PeerSentence = { set: 't', id: 'a', date: null, text: '', noEvents: false, events: [{ label: '042', type: 'CONSULT', sources: ['USA'], targets: ['CHN'] }] };
  const ev = (type: string, src: string, tgt: string) => ({ type, source: { country: src }, target: { country: tgt } }) as unknown as EventRecord;
  const acc = emptyAgreement();
  addAgreement(acc, s, { events: [ev('ACCUSE', 'USA', 'RUS'), ev('CONSULT', 'FRA', 'CHN')] });
  assert.deepEqual([acc.type, acc.source, acc.target, acc.all, acc.parleyMatched], [[1, 1], [1, 1], [1, 1], [0, 1], [0, 2]]);
  addAgreement(acc, s, { events: [ev('CONSULT', 'USA', 'CHN')] });
  assert.deepEqual([acc.all, acc.parleyMatched], [[1, 2], [1, 3]]);
});
