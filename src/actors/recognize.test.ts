import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc, type Doc } from '../doc.ts';
import { createSegmentStage } from '../segment/index.ts';
import { actorById, createActorStage, isLocative, mentionsInRange } from './index.ts';
import { compileKb } from './kb.ts';
import { fixtureKb } from './test-kb.ts';

const segment = createSegmentStage();
const stage = createActorStage(compileKb(fixtureKb()), { today: '2026-11-22' });

function run(text: string, published: string | null): Doc {
  const doc = newDoc({ id: 't', origin: { file: 'test' }, format: 'text', raw: text, meta: { published } });
  doc.text = text;
  segment(doc);
  stage(doc);
  return doc;
}

/** The mention whose text is exactly `surface` (the n-th one), or undefined. */
function mentionOf(doc: Doc, surface: string, nth = 0) {
  return doc.actorMentions.filter((m) => doc.text.slice(m.start, m.end) === surface)[nth];
}

interface Case {
  name: string;
  text: string;
  date: string | null;
  surface: string;
  nth?: number;
  /** Expected actor fields; `null` = the surface must not be an actor mention at all. */
  want: null | { id?: string; country?: string | null; kind?: string; sector?: string | null; label?: string; role?: RegExp };
}

const cases: Case[] = [
  // nationality words and state names
  { name: 'demonym as actor', text: 'Chinese officials rejected the claim on Monday.', date: '2024-04-26', surface: 'Chinese', want: { id: 'CHN', kind: 'state', label: 'demonym' } },
  { name: 'nationality + plural title is the state', text: 'Chinese officials rejected the claim.', date: '2024-04-26', surface: 'Chinese', want: { id: 'CHN', label: 'demonym' } },
  { name: 'nationality + institution is a body', text: 'The Chinese government protested.', date: '2024-04-26', surface: 'Chinese government', want: { id: 'b:chn-government', kind: 'org', country: 'CHN', label: 'body' } },
  { name: 'plural demonym', text: 'The Americans walked out of the talks.', date: '2024-04-26', surface: 'Americans', want: { id: 'USA', label: 'demonym' } },
  { name: 'state name', text: 'Iraq asked for more time.', date: '2019-02-04', surface: 'Iraq', want: { id: 'IRQ', kind: 'state', label: 'state' } },
  { name: 'acronym needs upper case', text: 'Tell us what the US wants.', date: '2024-04-26', surface: 'us', want: null },
  { name: 'historical name inside its dates', text: 'The Soviet Union invaded in 1979.', date: '1985-01-01', surface: 'Soviet Union', want: { id: 'RUS', label: 'state' } },
  // metonyms and places
  { name: 'seat of power', text: 'The Kremlin denied the report.', date: '2024-04-26', surface: 'Kremlin', want: { id: 'RUS', label: 'metonym' } },
  { name: 'capital as actor', text: 'Washington imposed new tariffs.', date: '2024-04-26', surface: 'Washington', want: { id: 'USA', label: 'metonym' } },
  { name: 'state name after "in" is a place', text: 'Protests continued in China on Sunday.', date: '2024-04-26', surface: 'China', want: { id: 'CHN', label: 'metonym' } },
  // titles before a name
  { name: 'state + title + KB name', text: 'US Secretary of State Antony Blinken arrived on Friday.', date: '2024-04-26', surface: 'Antony Blinken', want: { id: 'p:antony-blinken', country: 'USA', kind: 'person', sector: 'GOV', label: 'name' } },
  { name: 'the title phrase is a title mention', text: 'US Secretary of State Antony Blinken arrived on Friday.', date: '2024-04-26', surface: 'US Secretary of State', want: { id: 'p:antony-blinken', label: 'title' } },
  { name: 'demonym + title + KB name', text: 'Chinese Foreign Minister Wang Yi said the talks went well.', date: '2024-04-26', surface: 'Wang Yi', want: { country: 'CHN', sector: 'GOV' } },
  { name: 'envoy to another state keeps his own country', text: "China's top envoy to the US Cui Tiankai said the meeting was useful.", date: '2021-03-18', surface: 'Cui Tiankai', want: { country: 'CHN', kind: 'person' } },
  { name: 'unknown name learned from a title', text: 'US State Department spokesman Matthew Miller said the trip would go ahead.', date: '2024-04-26', surface: 'Matthew Miller', want: { id: 'p:matthew-miller', country: 'USA', kind: 'person', role: /spokesman/ } },
  { name: 'nationality right before a full name', text: 'American Kevin Brown and two others were released.', date: '2019-11-19', surface: 'Kevin Brown', want: { country: 'USA', kind: 'person' } },
  // people whose country the text gives only around them
  { name: 'a fellow minister named just before', text: 'French Foreign Minister Pierre Lenoir spoke first. Anne Marchal, the justice minister, said the case was closed.', date: '2024-04-26', surface: 'Anne Marchal', want: { country: 'FRA', role: /justice minister/ } },
  { name: "the article's main state", text: 'Iraq asked for help. Baghdad wants money. Iraqi officials agree. Ali Hassan, a spokesman, said talks went on.', date: '2019-02-04', surface: 'Ali Hassan', want: { country: 'IRQ', kind: 'person' } },
  // the scene of the article and offices only some states have
  { name: 'a local office takes the scene, not the most-named state', text: 'The US paid. US troops left. The US army built roads. "We waited," said Karim Nouri, the district governor, in Kabul. Life in Afghanistan is hard.', date: '2019-02-04', surface: 'Karim Nouri', want: { country: 'AFG', role: /governor/ } },
  { name: 'a titled person with no main state takes the scene', text: 'Fighting in Iraq went on. Hospitals in Iraq are full. Turkey and the US traded blame. "We lack everything," said Dr. Omar Nasser.', date: '2019-02-04', surface: 'Omar Nasser', want: { country: 'IRQ' } },
  { name: 'a prime minister is not from a state without one', text: 'The US sent aid. The US asked for more. Australia agreed, and Australia paid. Prime Minister Tom Hale opposed the plan.', date: '2019-02-04', surface: 'Tom Hale', want: { country: 'AUS', role: /prime minister/ } },
  { name: 'a prime minister with no fitting state stays without one', text: 'The US sent aid. The US asked for more. Prime Minister Tom Hale opposed the plan.', date: '2019-02-04', surface: 'Tom Hale', want: { country: null } },
  // places inside one state (places.json), read only in a title
  { name: 'a place in the title gives the office\'s state', text: 'The US paid. US troops left. The US army built roads. Ahmad Zia, an official in Kandahar, said the roads were poor.', date: '2019-02-04', surface: 'Ahmad Zia', want: { country: 'AFG' } },
  { name: 'a place before the title gives the office\'s state', text: 'The US paid. US troops left. The US army built roads. Kandahar Governor Karim Nouri thanked them.', date: '2019-02-04', surface: 'Karim Nouri', want: { country: 'AFG', role: /governor/ } },
  { name: 'a place before the title belongs to the title mention', text: 'The US paid. Kandahar Governor Karim Nouri thanked them.', date: '2019-02-04', surface: 'Kandahar Governor', want: { label: 'title', country: 'AFG' } },
  { name: 'a place without a title makes no person', text: 'Ahmad Zia, a farmer from Kandahar, said the roads were poor.', date: '2019-02-04', surface: 'Ahmad Zia', want: null },
  { name: 'a place is no actor mention', text: 'Ahmad Zia, an official in Kandahar, said the roads were poor.', date: '2019-02-04', surface: 'Kandahar', want: null },
  // "X-born": a nationality, the weakest one
  { name: 'a birthplace nationality before a full name', text: 'Australian-born John Reed was charged on Monday.', date: '2019-02-04', surface: 'John Reed', want: { country: 'AUS', kind: 'person' } },
  { name: 'a birthplace nationality for a person met before', text: 'Mr. Paul Crane spoke on Monday. Australian-born Crane was charged later.', date: '2019-02-04', surface: 'Paul Crane', want: { country: 'AUS' } },
  { name: 'the title\'s nationality wins over the birthplace', text: 'Australian-born US envoy Mark Dale left.', date: '2019-02-04', surface: 'Mark Dale', want: { country: 'USA' } },
  // appositions
  { name: 'apposition with a possessive state', text: "Cui Tiankai, China's ambassador to the US, said the talks were useful.", date: '2021-03-18', surface: 'Cui Tiankai', want: { country: 'CHN' } },
  { name: 'title, comma, unknown name', text: "Iraq's president, Barham Salih, rejected the plan.", date: '2019-02-04', surface: 'Barham Salih', want: { country: 'IRQ', kind: 'person', role: /president/ } },
  { name: 'title of an organisation, comma, name', text: 'Iraq mourned the dead. The spokesman of Dawa, Omar Khalid, condemned the attack. Iraqi officials agreed.', date: '2019-02-04', surface: 'Omar Khalid', want: { country: 'IRQ', kind: 'person' } },
  { name: 'the second name after a plural title', text: 'Iraqi officials Ali Karim and Omar Saleh resigned on Monday.', date: '2019-02-04', surface: 'Omar Saleh', want: { country: 'IRQ', kind: 'person' } },
  { name: 'a relative shares the country', text: 'Joe Biden arrived with his son Hunter on Monday.', date: '2022-06-01', surface: 'Hunter', want: { country: 'USA', kind: 'person' } },
  { name: 'apposition naming a body', text: 'Cmdr. Sean Robertson, a Pentagon spokesman, said the strike was lawful.', date: '2019-11-18', surface: 'Sean Robertson', want: { country: 'USA', sector: 'MIL' } },
  { name: 'apposition naming an IGO', text: 'Farhan Aziz Haq, a UN spokesman, said aid was blocked.', date: '2019-11-18', surface: 'Farhan Aziz Haq', want: { country: 'UN' } },
  { name: 'an aide takes the country of the person served', text: 'Jane Doyle, a senior adviser to Vice President Joe Biden, testified.', date: '2015-06-01', surface: 'Jane Doyle', want: { country: 'USA', kind: 'person' } },
  { name: 'the person served stays an actor', text: 'Jane Doyle, a senior adviser to Vice President Joe Biden, testified.', date: '2015-06-01', surface: 'Joe Biden', want: { id: 'p:joe-biden', label: 'name' } },
  { name: 'a state named as a topic is no nationality', text: 'Alexander Vindman, a Ukraine specialist, testified.', date: '2019-11-19', surface: 'Alexander Vindman', want: null },
  // terms of office and "former"
  { name: 'in office at the date', text: 'Wang Yi met his counterpart.', date: '2024-01-10', surface: 'Wang Yi', want: { sector: 'GOV', role: /^foreign minister$/ } },
  { name: 'between two terms: former', text: 'Wang Yi met his counterpart.', date: '2023-03-01', surface: 'Wang Yi', want: { country: 'CHN', sector: 'ELI', role: /^former/ } },
  { name: 'vice president before his presidency', text: 'Joe Biden visited Kyiv.', date: '2015-06-01', surface: 'Joe Biden', want: { sector: 'GOV', role: /^vice president$/ } },
  { name: 'president during his presidency', text: 'Joe Biden visited Kyiv.', date: '2022-06-01', surface: 'Joe Biden', want: { sector: 'GOV', role: /^president$/ } },
  { name: '"former" in the text', text: 'Former US President Donald Trump criticised the plan.', date: '2022-03-01', surface: 'Donald Trump', want: { country: 'USA', sector: 'ELI', role: /^former president$/ } },
  { name: 'role phrase resolved to the office-holder at the date', text: 'The Chinese envoy left early.', date: '2020-05-01', surface: 'Chinese envoy', want: { id: 'p:cui-tiankai', label: 'title' } },
  { name: 'role phrase with no known holder', text: 'The Chinese envoy left early.', date: '2024-05-01', surface: 'Chinese envoy', want: { country: 'CHN', kind: 'person', label: 'title', role: /ambassador/ } },
  // false friends
  { name: 'person named Jordan', text: 'Michael Jordan visited Amman. Jordanian fans cheered.', date: '2024-04-26', surface: 'Jordan', want: null },
  { name: 'Jordan the state, supported by other mentions', text: 'Jordanian officials said Jordan would not take part.', date: '2024-04-26', surface: 'Jordan', want: { id: 'JOR', label: 'state' } },
  { name: 'Georgia the US state', text: 'Officials in Tbilisi were told. He lives in Atlanta, Georgia.', date: '2024-04-26', surface: 'Georgia', want: null },
  { name: 'a town named like a capital', text: 'He was arrested in Paris, Texas.', date: '2024-04-26', surface: 'Paris', want: null },
  { name: 'a capital followed by its country', text: 'Talks were held in Paris, France, on Monday.', date: '2024-04-26', surface: 'Paris', want: { id: 'FRA', label: 'metonym' } },
  { name: 'Washington Post', text: 'The Washington Post reported the news.', date: '2024-04-26', surface: 'Washington', want: null },
  { name: 'George Washington', text: 'A statue of George Washington was unveiled.', date: '2024-04-26', surface: 'Washington', want: null },
  { name: 'demonym inside an organisation name', text: 'Doctors at the Turkish Friendship Hospital were exhausted.', date: '2023-11-08', surface: 'Turkish', want: null },
  { name: 'National Security Council is not the UN Security Council', text: 'Tim Morrison worked for the National Security Council.', date: '2019-11-19', surface: 'Security Council', want: null },
  // short forms and pronouns
  { name: 'surname linked to the full name', text: 'Antony Blinken arrived in Beijing. Blinken said the talks were candid.', date: '2024-04-26', surface: 'Blinken', want: { id: 'p:antony-blinken', label: 'name' } },
  { name: 'learned surname linked', text: 'Farhan Aziz Haq, a UN spokesman, spoke. Haq added that aid was blocked.', date: '2019-11-18', surface: 'Haq', want: { id: 'p:farhan-aziz-haq' } },
  { name: 'same surname, other person in the text', text: 'Tim Morrison, a White House official, testified. Morrison said he was worried.', date: '2019-11-19', surface: 'Morrison', want: { id: 'p:tim-morrison', country: 'USA' } },
  { name: 'KB surname alone', text: 'Morrison said Australia would help.', date: '2019-11-19', surface: 'Morrison', want: { id: 'p:scott-morrison', country: 'AUS' } },
  { name: 'honorific + surname', text: 'Chinese President Xi Jinping spoke first. Mr. Xi said trade must grow.', date: '2024-04-26', surface: 'Xi', want: { id: 'p:xi-jinping' } },
  { name: 'pronoun: one person in the sentence', text: 'Antony Blinken arrived in Beijing. He said the talks were useful.', date: '2024-04-26', surface: 'He', want: { id: 'p:antony-blinken', label: 'pronoun' } },
  { name: 'pronoun: two people, no link', text: 'Antony Blinken met Wang Yi in Beijing. He said the talks were useful.', date: '2024-04-26', surface: 'He', want: null },
  // groups
  { name: 'armed group', text: 'Hamas fighters fired rockets overnight.', date: '2023-11-08', surface: 'Hamas', want: { id: 'g:hamas', kind: 'group', country: null, label: 'group' } },
  { name: 'group alias', text: 'Isis claimed the attack.', date: '2019-04-10', surface: 'Isis', want: { id: 'g:islamic-state', kind: 'group', sector: 'REB' } },
  { name: 'Taliban before taking power', text: 'The Taliban attacked a checkpoint.', date: '2021-08-01', surface: 'Taliban', want: { kind: 'group', country: null } },
  { name: 'Taliban after taking power', text: 'The Taliban banned the protest.', date: '2022-01-01', surface: 'Taliban', want: { kind: 'group', country: 'AFG', sector: 'GOV' } },
  // IGOs and bodies
  { name: 'IGO', text: 'NATO allies met in Brussels.', date: '2024-04-26', surface: 'NATO', want: { id: 'NATO', kind: 'igo', label: 'igo' } },
  { name: 'IGO body', text: 'The UN Security Council met on Friday.', date: '2024-04-26', surface: 'UN Security Council', want: { country: 'UN', label: 'body' } },
  { name: 'state body after a possessive', text: "Britain's Foreign Office summoned the envoy.", date: '2024-04-26', surface: 'Foreign Office', want: { id: 'b:gbr-foreign-office', country: 'GBR', sector: 'GOV', label: 'body' } },
  // scraped text: case, possessives, misspellings
  { name: 'lower-case full name', text: 'reporters said xi jinping would attend.', date: '2024-04-26', surface: 'xi jinping', want: { id: 'p:xi-jinping' } },
  { name: 'upper-case headline stops at the KB name', text: 'PRESIDENT JOE BIDEN MET XI JINPING IN BEIJING.', date: '2022-06-01', surface: 'JOE BIDEN', want: { id: 'p:joe-biden' } },
  { name: 'possessive without apostrophe', text: 'US President Joe Bidens team arrived.', date: '2022-06-01', surface: 'Joe Bidens', want: { id: 'p:joe-biden', country: 'USA' } },
  { name: 'one-word possessive without apostrophe', text: 'He conveyed President Xis message.', date: '2024-04-26', surface: 'Xis', want: { id: 'p:xi-jinping' } },
  { name: 'misspelt name after a title, disambiguated by the sentence', text: 'In France, Wang Yi gave the letter to President Marcon.', date: '2024-04-26', surface: 'Marcon', want: { id: 'p:emmanuel-macron', country: 'FRA' } },
];

for (const c of cases) {
  test(`actors: ${c.name}`, () => {
    const doc = run(c.text, c.date);
    const m = mentionOf(doc, c.surface, c.nth);
    if (c.want === null) {
      const ok = !m || (c.name.includes('topic') && actorById(doc, m.id)?.country === null);
      assert.ok(ok, `"${c.surface}" should not be an actor: ${JSON.stringify(m)} ${JSON.stringify(m && actorById(doc, m.id))}`);
      return;
    }
    assert.ok(m, `no mention "${c.surface}" in ${JSON.stringify(doc.actorMentions.map((x) => [doc.text.slice(x.start, x.end), x.label, x.id]))}`);
    const a = actorById(doc, m.id);
    assert.ok(a, `no actor ${m.id}`);
    if (c.want.id !== undefined) assert.equal(a.id, c.want.id);
    if (c.want.country !== undefined) assert.equal(a.country, c.want.country);
    if (c.want.kind !== undefined) assert.equal(a.kind, c.want.kind);
    if (c.want.sector !== undefined) assert.equal(a.sector, c.want.sector);
    if (c.want.label !== undefined) assert.equal(m.label, c.want.label);
    if (c.want.role !== undefined) assert.match(a.role ?? '', c.want.role);
  });
}

test('actors: mentions are sorted and every mention has its actor', () => {
  const doc = run("US Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing. Blinken said he was pleased. Cui Tiankai, China's ambassador to the US, and Britain's Foreign Office agreed. The Chinese envoy left. The Kremlin said nothing.", '2020-04-26');
  for (let i = 1; i < doc.actorMentions.length; i++) {
    assert.ok(doc.actorMentions[i - 1]!.start <= doc.actorMentions[i]!.start);
    assert.ok(doc.actorMentions[i - 1]!.end <= doc.actorMentions[i]!.start, 'mentions do not overlap');
  }
  for (const m of doc.actorMentions) {
    const a = actorById(doc, m.id);
    assert.ok(a, m.id);
    assert.ok(a.mentions.some(([s, e]) => s === m.start && e === m.end));
  }
});

test('actors: the full name is the name, every short form an alias', () => {
  const doc = run('Antony Blinken arrived. Blinken said the visit went well. Mr. Blinken left.', '2024-04-26');
  const a = actorById(doc, 'p:antony-blinken')!;
  assert.equal(a.name, 'Antony Blinken');
  assert.ok(a.aliases.includes('Blinken'));
  assert.ok(a.aliases.includes('Mr. Blinken'));
});

test('actors: mentionsInRange returns the mentions inside a span only', () => {
  const doc = run('Chinese officials met US diplomats. The Kremlin stayed silent.', '2024-04-26');
  const cut = doc.text.indexOf('The Kremlin');
  const first = mentionsInRange(doc, 0, cut).map((m) => m.id);
  assert.deepEqual(first, ['CHN', 'USA']);
  assert.deepEqual(mentionsInRange(doc, cut, doc.text.length).map((m) => m.id), ['RUS']);
  assert.deepEqual(mentionsInRange(doc, 2, 5), []);
});

test('actors: isLocative tells places from actors', () => {
  const doc = run('Beijing protested. Talks were held in Beijing.', '2024-04-26');
  const [actorUse, placeUse] = doc.actorMentions.filter((m) => doc.text.slice(m.start, m.end) === 'Beijing');
  assert.ok(actorUse && placeUse);
  assert.equal(isLocative(doc, actorUse), false);
  assert.equal(isLocative(doc, placeUse), true);
});

test('actors: an article without a date is read at "today"', () => {
  const today = createActorStage(compileKb(fixtureKb()), { today: '2024-04-26' });
  const doc = newDoc({ id: 't', origin: { file: 'test' }, format: 'text', raw: '', meta: {} });
  doc.text = 'Wang Yi spoke.';
  segment(doc);
  today(doc);
  assert.equal(actorById(doc, 'p:wang-yi')?.sector, 'GOV');
  const later = createActorStage(compileKb(fixtureKb()), { today: '2023-03-01' });
  later(doc);
  assert.equal(actorById(doc, 'p:wang-yi')?.sector, 'ELI');
});

test('actors: any word soup gives sorted, non-overlapping mentions of known actors (property)', async () => {
  const fc = (await import('fast-check')).default;
  const words = ['Xi', 'Jinping', "China's", 'President', 'he', 'Mr.', 'al', '-', 'Kaabi', ',', '.', 'the', 'to', 'US', 'Beijing', 'in', 'former', 'Joe', 'Bidens', 'xi', 'jinping', '’s', 'Washington', 'Post', 'Georgia', 'Atlanta', 'Kevin', 'officials', 'Chinese', 'government', 'and', 'his', 'son', 'Hunter', '\n\n', 'Dr', 'of', 'envoy', 'Taliban', 'UN', 'spokesman', 'Haq', 'Security', 'Council', 'National'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 40 }), fc.boolean(), (ws, dated) => {
      const doc = run(ws.join(' '), dated ? '2019-05-05' : null);
      for (let i = 0; i < doc.actorMentions.length; i++) {
        const m = doc.actorMentions[i]!;
        assert.ok(actorById(doc, m.id), `mention of unknown actor ${m.id}`);
        if (i > 0) assert.ok(doc.actorMentions[i - 1]!.end <= m.start, 'overlapping mentions');
      }
    }),
    { numRuns: 200, seed: 7 },
  );
});
