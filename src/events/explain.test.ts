import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainDoc, formatExplain } from './explain.ts';
import { loadPatterns } from './patterns.ts';
import { docMaker } from './fixture.test-util.ts';

const makeDoc = docMaker();
const patterns = loadPatterns();

test('explain: a sentence lists tokens with POS tags, actors with codes and places, and dates', () => {
  const doc = makeDoc('Teller met Vasko in Sylvania on Monday.');
  const [r] = explainDoc(doc, patterns);
  assert.match(r!.tokens, /met\/VERB/);
  assert.deepEqual(r!.actors.map((a) => [a.text, a.code, a.locative]), [['Teller', 'FRE', null], ['Vasko', 'RUR', null], ['Sylvania', 'SYL', 'in']]);
  assert.deepEqual(r!.dates.map((d) => d.value), ['2025-03-10']);
});

test('explain: the rule that fired is listed with its arguments', () => {
  const [r] = explainDoc(makeDoc('Teller met Vasko in Sylvania on Monday.'), patterns);
  const fired = r!.rules.find((d) => d.outcome === 'fired');
  assert.equal(fired?.rule, 'consult.meet-with');
  assert.match(fired!.reason, /FRE → RUR/);
});

const nearCases: Array<[string, string, string, RegExp]> = [
  ['same code', "Vasko praised Strelsau's response.", 'support.praise', /same code/],
  ['unresolved pronoun', 'She urged Borduria to reconsider.', 'request.urge-to', /pronoun/],
  ['negated reading is marked', 'Sylvania did not meet Osterlich.', 'consult.meet-with', /negated/],
  ['no target phrase', 'Sylvania urged restraint.', 'request.urge-to', /no codable actor|object/],
];

for (const [name, text, rule, reason] of nearCases) {
  test(`explain: ${name}`, () => {
    const [r] = explainDoc(makeDoc(text), patterns);
    const d = r!.rules.find((x) => x.rule === rule);
    assert.ok(d, `rule ${rule} should be listed`);
    assert.match(d!.reason, reason);
  });
}

test('explain: --sentence N reports only that sentence', () => {
  const doc = makeDoc('Teller met Vasko. Sylvania criticised Osterlich.');
  const reps = explainDoc(doc, patterns, 1);
  assert.equal(reps.length, 1);
  assert.equal(reps[0]!.index, 1);
  assert.match(formatExplain(reps), /FIRED accuse\.criticize/);
});
