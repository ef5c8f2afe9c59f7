import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEventStage, findReadings, loadOntology, loadPatterns } from './index.ts';
import { docMaker } from './fixture.test-util.ts';
import type { EventRecord } from '../extraction.ts';

const makeDoc = docMaker();
const ontology = loadOntology();
const patterns = loadPatterns(undefined, ontology);
const stage = createEventStage({ all: true, ontology, patterns });

function events(text: string, published: string | null = '2025-03-12', pronouns: Record<string, string> = {}): EventRecord[] {
  const doc = makeDoc(text, published, pronouns);
  stage(doc);
  return doc.events;
}
const key = (e: EventRecord) => `${e.type} ${e.source.country}>${e.target.country}`;
const factual = (e: EventRecord) => !e.negated && !e.hypothetical && !e.future && !e.background;

// Each case: a sentence written for this test and the factual events it must yield (exactly).
const frames: Array<[string, string, string[]]> = [
  ['verb + object: visit T', "Ruritania's foreign minister visited Freedonia on Monday.", ['CONSULT RUR>FRE']],
  ['verb + preposition: meet with T', 'Elena Vasko met with Marco Teller for two hours.', ['CONSULT RUR>FRE']],
  ['light verb + noun + preposition: hold talks with T', 'Sylvania held talks with Osterlich about the border.', ['CONSULT SYL>OST']],
  ['host T (demonym + role noun)', 'Freedonia hosted the Sylvanian president for a state dinner.', ['CONSULT FRE>SYL']],
  ['urge T to', 'Ruritania urged Borduria to release the detained sailors.', ['REQUEST RUR>BOR']],
  ['call on T', 'The Alliance called on Sylvania to withdraw its troops.', ['REQUEST ALL>SYL']],
  ['accuse T of', 'Freedonia accused Ruritania of violating the treaty.', ['ACCUSE FRE>RUR']],
  ["condemn T's decision (possessor)", "Osterlich condemned Borduria's decision.", ['ACCUSE OST>BOR']],
  ['criticise T (British spelling, adverb)', 'Sylvania sharply criticised Freedonia.', ['ACCUSE SYL>FRE']],
  ['impose sanctions on T', 'Freedonia imposed new sanctions on Ruritanian officials.', ['SANCTION FRE>RUR']],
  ['warn T against', 'Ruritania warned Sylvania against any incursion.', ['THREATEN RUR>SYL']],
  ['pledge aid to T', 'Osterlich pledged military aid to Freedonia.', ['AID OST>FRE']],
  ['sign an agreement with T', 'Borduria signed a trade agreement with Sylvania.', ['AGREE BOR>SYL']],
  ["expel T's diplomats", "Ruritania expelled Freedonia's diplomats.", ['SANCTION RUR>FRE']],
  ["reject T's demand", "Sylvania rejected Osterlich's demand for compensation.", ['REJECT SYL>OST']],
  ['refuse to meet T', 'Borduria refused to meet Freedonian envoys.', ['REJECT BOR>FRE']],
  ['deploy troops to', 'Ruritania deployed troops to the Sylvanian border.', ['MOBILIZE RUR>SYL']],
  ['arrest (demonym subject and object)', 'Freedonian police arrested Ruritanian nationals.', ['COERCE FRE>RUR']],
  ['strike T', 'Sylvania struck Borduria overnight.', ['ASSAULT SYL>BOR']],
  ['withdraw troops from T', 'Borduria withdrew its troops from Osterlich.', ['RETREAT BOR>OST']],
  ['shoot down', 'Ruritania shot down a Sylvanian drone.', ['ASSAULT RUR>SYL']],
  ["nominal: S's visit to T", "Vasko's visit to Freedonia ended quietly.", ['CONSULT RUR>FRE']],
  ["nominal: Tuesday's S sanctions on T", "Tuesday's Freedonian sanctions on Ruritania angered investors.", ['SANCTION FRE>RUR']],
  ['nominal: talks between S and T (place ignored)', 'Talks between Sylvania and Osterlich resumed in Strelsau.', ['CONSULT OST>SYL']],
  ['nominal: the S-T summit', 'The Sylvania-Osterlich summit opened with a joint statement.', ['CONSULT OST>SYL']],
  ['coordinated objects: one event each', 'Vasko visited Sylvania, Osterlich, Borduria and Freedonia.', ['CONSULT RUR>SYL', 'CONSULT OST>RUR', 'CONSULT BOR>RUR', 'CONSULT FRE>RUR']],
  ['coordinated subjects: one event each', 'Sylvania and Osterlich condemned Borduria.', ['ACCUSE SYL>BOR', 'ACCUSE OST>BOR']],
  ['passive with a by-agent', 'Freedonia was accused by Ruritania of spying.', ['ACCUSE RUR>FRE']],
  ['relative clause is skipped for the subject', 'Teller, who spoke about Strelsau on Monday, criticised Sylvania.', ['ACCUSE FRE>SYL']],
  ['reciprocal subject: S and T met', 'Vasko and Teller met on the sidelines.', ['CONSULT FRE>RUR']],
  ['speech: addressee of "told" is the target', 'The border closure is illegal and provocative, Vasko told Teller.', ['ACCUSE RUR>FRE']],
  ['speech: "S said T should" is a request', 'Teller said Sylvania should pay compensation.', ['REQUEST FRE>SYL']],
  ['speech: characterisation "described X as"', "Osterlich described Borduria's blockade as reckless.", ['ACCUSE OST>BOR']],
  ['speech: accusation in a quote from S about T', 'Sylvania said Borduria was guilty of blatant interference.', ['ACCUSE SYL>BOR']],
  ['announced sanctions read as a threat', 'Freedonia will impose sanctions on Ruritania.', ['THREATEN FRE>RUR']],
  ['announced aid read as an agreement', 'Osterlich is ready to provide weapons to Freedonia.', ['AGREE OST>FRE']],
  ['"we" in a quote is its speaker', '“We condemn Borduria for the shelling,” Vasko said.', ['ACCUSE RUR>BOR']],
  ['"we" in a quote continues the previous speaker', '“Talks will go on,” Vasko said. “We praise Sylvania for its patience.”', ['SUPPORT RUR>SYL']],
  ['"it" opening reported words is the speaker', 'Sylvania said it had expelled Bordurian diplomats.', ['SANCTION SYL>BOR']],
  ['inverse: S faced T criticism', 'Borduria faced sharp and Sylvanian criticism over the dam.', ['ACCUSE SYL>BOR']],
  ['announced charges read as a threat, dated now', 'Freedonia said that it will file charges against Ruritania on April 20.', ['THREATEN FRE>RUR']],
  ['a cue word inside an actor name is no accusation', 'Vasko said the Criminal Court of Osterlich would hear the case.', []],
  ['a governed list is not a subject', 'Teller praised partners including Sylvania and Osterlich, calling Borduria reckless.', ['SUPPORT FRE>SYL', 'SUPPORT FRE>OST', 'ACCUSE FRE>BOR']],
  ['a noun in an opening phrase takes the main subject', 'But during a visit to Sylvania, Teller said little.', ['CONSULT FRE>SYL']],
  ['a person "is in" a state: a visit', 'Vasko is in Osterlich for two days.', ['CONSULT RUR>OST']],
  ['troops "in" a state are no visit', 'Ruritanian troops are in Osterlich.', []],
  ['summit participants from "at which"', 'After a summit at which Vasko pleaded with Teller, talks ended.', ['REQUEST RUR>FRE', 'CONSULT FRE>RUR']],
  ['"she" links to the one person named just before', 'Vasko arrived late on Monday. She urged Borduria to reconsider.', ['REQUEST RUR>BOR']],
  ['"she" stays unresolved when two persons were named', 'Vasko and Teller arrived late. She urged Borduria to reconsider.', []],
  ['"rejected these accusations" answers the accusers before', 'Sylvania accused Osterlich of spying. Osterlich rejected these accusations.', ['ACCUSE SYL>OST', 'REJECT OST>SYL']],
  ['", saying T and U were …": the participle speaks for the main subject, both targets', 'Borduria criticised the plan, saying Sylvania and Osterlich were stoking confrontation.', ['ACCUSE BOR>SYL', 'ACCUSE BOR>OST']],
  ['summoning an envoy is a protest', "Freedonia summoned Ruritania's ambassador over the arrests.", ['ACCUSE FRE>RUR']],
  ['a threat in the words is against the actor named before the cue', 'Teller said that Sylvania would face consequences if the shelling went on.', ['THREATEN FRE>SYL']],
  ['a warning whose condition names the target', 'Teller warned on Monday that Freedonia may act if Borduria moves closer.', ['THREATEN FRE>BOR']],
  ['"X, and the S said" is no list: S speaks', 'Sylvania urged calm, and the Alliance said it stood in solidarity with Osterlich.', ['SUPPORT ALL>OST']],
  ['an opening participle takes the main subject', 'Praising Osterlich for its restraint, Teller said the crisis was over.', ['SUPPORT FRE>OST']],
  ['source and target with the same code give nothing', "Vasko praised Strelsau's response.", []],
  ['a place after "in" is no actor', 'Teller met Vasko in Sylvania.', ['CONSULT FRE>RUR']],
  ['except "travel to X"', 'Vasko travelled to Sylvania for the funeral.', ['CONSULT RUR>SYL']],
  ['an unresolved pronoun gives no source', 'She urged Borduria to reconsider.', []],
  ['a pronoun the actor stage linked is a source', 'She urged Borduria to reconsider.', ['REQUEST RUR>BOR']],
  ['speech: a coordinated clause with its own subject is not the reported words', 'Vasko said Strelsau would not lift the ban, and Sylvanian officials again criticised the ban as hegemony.', []],
  ['speech: a coordinated predicate is the speaker\'s act, not the words', 'Teller said the vote would go ahead on Friday, and threatened to cancel a meeting with Vasko.', []],
  ['speech: a list item after ", and" is still the words', "Teller said the crisis came from Borduria's delays, and Borduria's blatant interference.", ['ACCUSE FRE>BOR']],
  ['speech: the victim after "against" is not the target', 'Teller said he saw dangerous and coercive action against Sylvania.', []],
  ['speech: "T should expect punishment" is a threat', 'Vasko said Sylvania should expect severe punishment.', ['THREATEN RUR>SYL']],
  ['"S said T had … and warned U": the speaker warns', 'Vasko said Sylvania had acted alone and warned Borduria against any incursion.', ['THREATEN RUR>BOR']],
  ['"S said T was … and urged U": the speaker urges', 'Teller said Borduria was stalling and urged Osterlich to step in.', ['REQUEST FRE>OST']],
  ['"accused T of supplying X to U": the act is T\'s and only alleged', 'Vasko accused Sylvania of supplying weapons to Borduria.', ['ACCUSE RUR>SYL']],
  ['a plural demonym on its own is a people, not its state', 'Ruritania urged Sylvanians to stay indoors.', []],
  ['a plural demonym before a role noun is its state', 'Ruritania urged Sylvanian officials to stay indoors.', ['REQUEST RUR>SYL']],
  ['speech: "…, S told reporters, adding …": the words before the attribution are read', 'Our commitments to Sylvania remain ironclad, Vasko told reporters, adding that talks would go on.', ['SUPPORT RUR>SYL']],
  ['unnamed officials a visitor meets belong to the dateline state', 'STRELSAU — Teller arrived on Monday. Teller met with several senior government officials.', ['CONSULT FRE>RUR']],
  ['no dateline: unnamed officials stay unknown', 'Teller arrived on Monday. Teller met with several senior government officials.', []],
  ['telling officials is no meeting with the dateline state', 'STRELSAU — Teller arrived on Monday. Teller told officials little.', []],
  ['speech: a participle after the reported clause is the narrator\'s gloss', 'Vasko said Strelsau would raise its duties on Monday, matching the latest escalation by Sylvania.', []],
  ['speech: a participle inside a quotation is still the speaker\'s words', 'Vasko said: “Sylvania is closing the border, violating the treaty.”', ['ACCUSE RUR>SYL']],
  ['speech: withdrawing countermeasures is no threat', 'Vasko said Strelsau would suspend the countermeasures it had taken against Sylvania.', []],
  ['speech: announcing countermeasures is a threat', 'Vasko said Strelsau would take countermeasures against Sylvania.', ['THREATEN RUR>SYL']],
  ['a finite verb does not take a subject beyond another verb', "Teller's demand that Sylvania and Osterlich pay has met resistance.", []],
];

for (const [name, text, want] of frames) {
  test(`frame: ${name}`, () => {
    const pron: Record<string, string> = name.includes('linked') ? { She: 'Vasko' } : {};
    const got = events(text, '2025-03-12', pron).filter(factual).map(key).sort();
    const norm = (k: string) => {
      // CONSULT is symmetric: compare with the pair sorted
      const [t, pair] = k.split(' ');
      if (t !== 'CONSULT') return k;
      const [a, b] = pair!.split('>');
      return `${t} ${[a, b].sort().join('>')}`;
    };
    assert.deepEqual(got.map(norm).sort(), want.map(norm).sort());
  });
}

const flagCases: Array<[string, string, string, keyof EventRecord]> = [
  ['negated: has not supplied', 'Ruritania has not supplied weapons to Freedonia.', 'AID RUR>FRE', 'negated'],
  ['negated: a cancelled meeting', 'Teller cancelled his meeting with Vasko.', 'CONSULT FRE>RUR', 'negated'],
  ['hypothetical: summit participants take the clause verb\'s flags', 'Vasko said there was no reason to meet Teller at the regional summit.', 'CONSULT FRE>RUR', 'hypothetical'],
  ['hypothetical: a noun phrase that is the subject of a modal', 'Officials said a Ruritanian attack on Sylvania could lead to war.', 'ASSAULT RUR>SYL', 'hypothetical'],
  ['hypothetical: an alleged act ("accused T of supplying")', 'Vasko accused Sylvania of supplying weapons to Borduria.', 'AID SYL>BOR', 'hypothetical'],
  ['hypothetical: plans for a hyphenated S–T summit', 'Markets fell after plans for a Vasko–Teller summit were shelved.', 'CONSULT FRE>RUR', 'hypothetical'],
  ['future: a noun phrase whose predicate schedules it', "A new round of Vasko–Teller talks on Strelsau's debts had been scheduled for Sunday.", 'CONSULT FRE>RUR', 'future'],
  ['negated: did not meet', 'Sylvania did not meet Osterlich.', 'CONSULT SYL>OST', 'negated'],
  ['negated: denied meeting', 'Borduria denied meeting Freedonian officials.', 'CONSULT BOR>FRE', 'negated'],
  ['hypothetical: would', 'Ruritania would sanction Freedonia if talks fail.', 'SANCTION RUR>FRE', 'hypothetical'],
  ['hypothetical: could', 'Freedonia could attack Sylvania.', 'ASSAULT FRE>SYL', 'hypothetical'],
  ['hypothetical: if', 'If Borduria invades Osterlich, prices will rise.', 'ASSAULT BOR>OST', 'hypothetical'],
  ['hypothetical: urged to (the requested act)', 'Ruritania urged Borduria to release Sylvanian prisoners.', 'RETREAT BOR>SYL', 'hypothetical'],
  ['future: will visit', 'Vasko will visit Freedonia next week.', 'CONSULT RUR>FRE', 'future'],
  ['future: is scheduled to meet', 'Teller is scheduled to meet Vasko in April.', 'CONSULT FRE>RUR', 'future'],
  ['future: plans to host', 'Sylvania plans to host Osterlich.', 'CONSULT SYL>OST', 'future'],
  ['future: is expected to sign', 'Borduria is expected to sign an agreement with Osterlich.', 'AGREE BOR>OST', 'future'],
  ['background: in 2014', 'In 2014, Ruritania imposed sanctions on Sylvania.', 'SANCTION RUR>SYL', 'background'],
  ['background: years ago', 'Ruritania expelled Sylvanian diplomats two years ago.', 'SANCTION RUR>SYL', 'background'],
  ['reported claim: criticism that', 'Critics voiced criticism that Vasko is caving to Freedonia.', 'CONCEDE RUR>FRE', 'hypothetical'],
  ['hypothetical: a meeting asked for', 'Sylvania asked for a meeting between Vasko and Teller.', 'CONSULT FRE>RUR', 'hypothetical'],
  ['hypothetical: plans for a summit', 'Teller cancelled plans for a summit with Vasko in Strelsau.', 'CONSULT FRE>RUR', 'hypothetical'],
  ['hypothetical: a deal that is expected', 'Teller said he expected a deal with Sylvania soon.', 'AGREE FRE>SYL', 'hypothetical'],
  ['future: a light verb passes on "is due to"', 'Vasko is due to hold talks with Teller on Friday.', 'CONSULT FRE>RUR', 'future'],
  ['negated: a light verb passes on "did not"', 'Sylvania did not hold talks with Borduria.', 'CONSULT SYL>BOR', 'negated'],
  ['hypothetical: base form after a mandative verb', 'Freedonia demanded that Borduria withdraw its troops from Osterlich.', 'RETREAT BOR>OST', 'hypothetical'],
];

for (const [name, text, k, flag] of flagCases) {
  test(`flag: ${name}`, () => {
    const e = events(text).find((x) => key(x) === k || (x.type === 'CONSULT' && key({ ...x, source: x.target, target: x.source }) === k));
    assert.ok(e, `expected a flagged ${k} reading`);
    assert.equal(e[flag], true);
  });
}

test('flag: flagged readings stay out of the default output and are kept with --all', () => {
  const doc = makeDoc('Vasko will visit Freedonia next week.');
  createEventStage({ all: false, ontology, patterns })(doc);
  assert.equal(doc.events.filter(factual).length, 0);
  assert.equal(doc.events.length, 1);
});

test('dedupe: two mentions of one interaction are one event with both mentions', () => {
  const es = events('Ruritania condemned Freedonia on Monday. On Tuesday Ruritania criticised Freedonia again.');
  const acc = es.filter((e) => key(e) === 'ACCUSE RUR>FRE');
  assert.equal(acc.length, 1);
  assert.equal(acc[0]!.mentions?.length, 2);
  assert.equal(acc[0]!.date, '2025-03-10');
});

test('dedupe: CONSULT is one event whichever side is named first', () => {
  const es = events('Vasko met Teller on Monday. Later Teller met Vasko again.');
  assert.equal(es.filter((e) => e.type === 'CONSULT').length, 1);
});

test('date: a weekday resolves against the publication date', () => {
  const [e] = events('Sylvania criticised Osterlich on Monday.', '2025-03-12');
  assert.equal(e?.date, '2025-03-10');
  assert.equal(e?.date_text, 'Monday');
});

test('date: no date in the sentence falls back to the publication date', () => {
  const [e] = events('Sylvania criticised Osterlich.', '2025-03-12');
  assert.equal(e?.date, '2025-03-12');
});

test('record: codes come from the ontology (CAMEO root, quad, intensity)', () => {
  const [e] = events('Freedonia imposed new sanctions on Ruritanian officials.');
  assert.equal(e?.cameo, '16');
  assert.equal(e?.quad, 'material_conflict');
  assert.ok(e!.intensity < 0);
  assert.equal(e?.rule, 'sanction.impose-sanctions-on');
  assert.equal(e?.source.name, 'Freedonia');
});

test('explain: a near miss records why it did not fire', () => {
  const doc = makeDoc('She urged Borduria to reconsider.');
  const trace: import('./match.ts').Diagnostic[] = [];
  findReadings(doc, patterns, trace);
  const d = trace.find((x) => x.rule === 'request.urge-to');
  assert.equal(d?.outcome, 'near');
  assert.match(d!.reason, /pronoun/);
});
