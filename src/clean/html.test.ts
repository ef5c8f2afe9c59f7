import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { normalizePublished } from '../read/normalize-date.ts';
import { articleText, cutElements, dropUnread, extractHtml, looksLikeNames } from './html.ts';

const nd = (s: string): string | null => normalizePublished(s);

const PARAS = [
  'Ministers from six coastal states agreed on Thursday to share data on illegal fishing fleets, a step officials described as overdue after years of stalled talks in the region.',
  'The agreement, signed at a two-day meeting in Dakar, commits each government to publish vessel licences and to report sightings of unregistered trawlers within 48 hours.',
  'Fishing communities along the coast have long complained that foreign boats strip local waters, leaving small canoes with shrinking catches and rising fuel costs.',
  'Environmental groups welcomed the deal but said enforcement would depend on patrol boats that several of the signatories still lack, and on money that has not yet been pledged.',
  'A follow-up meeting is planned for March, when the states are expected to agree on a joint register and on how to share the cost of coastal radar stations.',
];

function page(articleInner: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><title>Coastal states sign fishing data pact | Harbour Daily</title>${head}</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/africa">Africa</a></nav>
<div class="page"><article class="story">
<h1>Coastal states sign fishing data pact</h1>
${articleInner}
</article></div>
<footer><p>© 2024 Harbour Daily. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>`;
}
const paras = (ps: string[]) => ps.map((p) => `<p>${p}</p>`).join('\n');

test('extractHtml: paragraphs are separated by a blank line and navigation/footer are left out', () => {
  const a = extractHtml(page(paras(PARAS)), nd);
  for (const p of PARAS) assert.ok(a.text.includes(p), p.slice(0, 30));
  assert.ok(a.text.includes(`${PARAS[0]}\n\n`));
  assert.ok(!a.text.includes('All rights reserved'));
  assert.ok(!a.text.includes('Privacy'));
  assert.equal(a.source, 'readability');
});

test('extractHtml: a figure with its caption is dropped', () => {
  const fig = '<figure><img src="boat.jpg"><figcaption>Canoes on the beach at Joal. Photo: Harbour Daily</figcaption></figure>';
  const a = extractHtml(page(paras(PARAS.slice(0, 2)) + fig + paras(PARAS.slice(2))), nd);
  assert.ok(!a.text.includes('Canoes on the beach'));
  assert.ok(a.text.includes(PARAS[2]!));
});

test('extractHtml: a list of related-article links inside the article is dropped', () => {
  const related = '<h4>More:</h4><ul><li><h4><a href="/a">Drought pushes herders south</a></h4></li><li><h4><a href="/b">Port strike enters second week</a></h4></li></ul>';
  const a = extractHtml(page(paras(PARAS.slice(0, 3)) + related + paras(PARAS.slice(3))), nd);
  assert.ok(!a.text.includes('Drought pushes herders south'));
  assert.ok(!a.text.includes('Port strike enters second week'));
  assert.ok(a.text.includes(PARAS[3]!));
});

test('extractHtml: a paragraph that is only a link to another story is dropped', () => {
  const a = extractHtml(page(paras(PARAS.slice(0, 2)) + '<p><a href="/c"><span>Also on Harbour Daily</span> <span>Fuel prices climb for a third month</span></a></p>' + paras(PARAS.slice(2))), nd);
  assert.ok(!a.text.includes('Fuel prices climb'));
});

test('extractHtml: a newsletter sign-up box marked by its attributes is dropped', () => {
  const box = '<div data-test="newsletter-signup"><h2>Morning Briefing</h2><p>The stories that matter, delivered before breakfast.</p><p><a href="/nl">SUBSCRIBE</a></p></div>';
  const a = extractHtml(page(box + paras(PARAS)), nd);
  assert.ok(!a.text.includes('delivered before breakfast'));
  assert.ok(a.text.includes(PARAS[0]!));
});

test('extractHtml: an image credit inside a paragraph is dropped, the paragraph kept', () => {
  const p0 = `<p><span class="image-container"><img src="x.jpg"><span class="source">Ama Boateng/Harbour Daily</span></span>${PARAS[0]}</p>`;
  const a = extractHtml(page(p0 + paras(PARAS.slice(1))), nd);
  assert.ok(!a.text.includes('Ama Boateng'));
  assert.ok(a.text.includes(PARAS[0]!));
});

test('extractHtml: newlines of source wrapping inside a paragraph become spaces', () => {
  const wrapped = PARAS[0]!.replace('agreed on', 'agreed\n      on');
  const a = extractHtml(page(paras([wrapped, ...PARAS.slice(1)])), nd);
  assert.ok(a.text.includes(PARAS[0]!));
});

test('extractHtml: JSON-LD articleBody replaces a much shorter Readability result', () => {
  const body = PARAS.join('\n\n') + '\n\n' + PARAS.join(' ');
  const head = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: body })}</script>`;
  const html = `<html><head>${head}</head><body><div class="author-card"><p>Ama Boateng has covered West Africa for a decade and writes about fisheries, ports and trade, and about how coastal towns are changing.</p></div></body></html>`;
  const a = extractHtml(html, nd);
  assert.equal(a.source, 'json-ld');
  assert.ok(a.text.includes(PARAS[4]!));
});

test('extractHtml: metadata is read from the same parse', () => {
  const a = extractHtml(page(paras(PARAS), '<meta property="article:published_time" content="2024-02-15T10:00:00Z">'), nd);
  assert.equal(a.meta.published, '2024-02-15');
  assert.equal(a.meta.title, 'Coastal states sign fishing data pact');
});

test('articleText: <br> gives a line break and block elements a blank line', () => {
  const { document } = parseHTML('<div><p>One line<br>Second line</p><h2>Heading</h2><ul><li>Item</li></ul></div>');
  const t = articleText(document.querySelector('div') as never).replace(/\n{3,}/g, '\n\n').trim();
  assert.equal(t, 'One line\nSecond line\n\nHeading\n\nItem');
});

test('articleText: <pre> keeps its newlines', () => {
  const { document } = parseHTML('<div><pre>a\nb</pre></div>');
  assert.equal(articleText(document.querySelector('div') as never).trim(), 'a\nb');
});

test('extractHtml: the byline Readability finds in the page fills a missing author and date', () => {
  const html = page(`<p class="byline">By Ama Boateng | June 4, 2022</p>${paras(PARAS)}`);
  const a = extractHtml(html, nd);
  assert.equal(a.meta.byline, 'Ama Boateng');
  assert.equal(a.meta.published, '2022-06-04');
});

const names: Array<[string, boolean]> = [
  ['Ama Boateng', true],
  ['Li Meng and Tom Berg', true],
  ['The Russian and Syrian defense ministries', false],
  ['', false],
];
for (const [s, want] of names) {
  test(`looksLikeNames(${JSON.stringify(s)}) = ${want}`, () => assert.equal(looksLikeNames(s), want));
}

const DROP_UNREAD: Array<[string, string, string]> = [
  ['an inline script', '<p>a</p><script>var x = "<p>b</p>";</script><p>c</p>', '<p>a</p><p>c</p>'],
  ['a style sheet, any case', '<STYLE type="text/css">p { color: red }</STYLE><p>a</p>', '<p>a</p>'],
  ['a comment holding markup', '<p>a</p><!-- <script>x</script> --><p>b</p>', '<p>a</p><p>b</p>'],
  ['noscript, template and svg', '<noscript><img src=x></noscript><template><p>t</p></template><svg><text>s</text></svg><p>a</p>', '<p>a</p>'],
  ['JSON-LD is kept', '<script type="application/ld+json">{"a":1}</script>', '<script type="application/ld+json">{"a":1}</script>'],
  ['an unclosed script is left alone', '<p>a</p><script>var x', '<p>a</p><script>var x'],
  ['whitespace between block tags', '<div>\n  <p>a</p>\n  <p>b</p>\n</div>', '<div><p>a</p><p>b</p></div>'],
  ['whitespace between inline tags is kept', '<p><a href="/x">a</a> <b>b</b></p>', '<p><a href="/x">a</a> <b>b</b></p>'],
  ['whitespace inside JSON-LD is kept', '<script type="application/ld+json">{"b":"<p>a</p>\n<p>b</p>"}</script>', '<script type="application/ld+json">{"b":"<p>a</p>\n<p>b</p>"}</script>'],
];
for (const [what, html, want] of DROP_UNREAD) {
  test(`dropUnread: ${what}`, () => assert.equal(dropUnread(html), want));
}

const CUT: Array<[string, string, string]> = [
  ['site navigation', '<nav class="top"><a href="/">Home</a></nav><p>a</p>', '<p>a</p>'],
  ['a nav nested in a nav, with text after the inner one', '<nav><ul><li><nav>x</nav></li></ul> more links</nav><p>a</p>', '<p>a</p>'],
  ['asides and form controls, any case', '<ASIDE>Related</ASIDE><p>a<button>Share</button></p><select><option>1</select>', '<p>a</p>'],
  ['an element whose name only starts like one is kept', '<nav-bar>x</nav-bar><asides>y</asides>', '<nav-bar>x</nav-bar><asides>y</asides>'],
  ['an unclosed aside is left to the parser', '<p>a</p><aside>b', '<p>a</p><aside>b'],
  ['article text, headers and footers are kept', '<header><h1>T</h1></header><p>a</p><footer><time datetime="2024-05-01">May 1</time></footer>', '<header><h1>T</h1></header><p>a</p><footer><time datetime="2024-05-01">May 1</time></footer>'],
];
for (const [what, html, want] of CUT) {
  test(`cutElements: ${what}`, () => assert.equal(cutElements(html), want));
}

test('extractHtml: navigation and asides cut before parsing change neither paragraphs nor metadata', () => {
  const inner = PARAS.map((p) => `<p>${p}</p>`).join('\n');
  const plain = extractHtml(page(inner), nd);
  const chrome = '<nav><ul><li><a href="/world">World</a></li><li><a href="/asia">Asia</a></li></ul></nav>';
  const box = '<aside class="related"><h3>More on this story</h3><a href="/x">Leaders meet again</a></aside>';
  const busy = extractHtml(page(inner.replace('</p>', `</p>${box}`)).replace('<body>', `<body>${chrome}`), nd);
  assert.equal(busy.text, plain.text);
  assert.deepEqual(busy.meta, plain.meta);
});

test('extractHtml: scripts and comments before parsing change neither paragraphs nor metadata', () => {
  const inner = PARAS.map((p) => `<p>${p}</p>`).join('\n');
  const plain = extractHtml(page(inner), nd);
  const noisy = extractHtml(page(inner.replace('</p>', '</p><script>document.write("<p>Ad</p>")</script><!-- x -->'), '<style>p{}</style>'), nd);
  const paras = (t: string) => t.split(/\n\s*\n/).map((x) => x.trim()).filter(Boolean);
  assert.deepEqual(paras(noisy.text), paras(plain.text));
  assert.deepEqual(noisy.meta, plain.meta);
});
