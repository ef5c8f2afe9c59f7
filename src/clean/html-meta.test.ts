import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { normalizePublished } from '../read/normalize-date.ts';
import { dateFromUrl, readHtmlMeta, readJsonLd, trimSiteName } from './html-meta.ts';

const nd = (s: string): string | null => normalizePublished(s);
const meta = (head: string, body = '') => readHtmlMeta(parseHTML(`<html><head>${head}</head><body>${body}</body></html>`).document as never, nd);

const dateCases: Array<{ name: string; head: string; body?: string; want: string | null; from: string | null }> = [
  { name: 'article:published_time', head: '<meta property="article:published_time" content="2022-06-01T08:00:00Z">', want: '2022-06-01', from: 'meta:article:published_time' },
  { name: 'og:published_time', head: '<meta property="og:published_time" content="2022-06-02">', want: '2022-06-02', from: 'meta:og:published_time' },
  { name: 'itemprop datePublished on meta', head: '<meta itemprop="datePublished" content="2022-06-03">', want: '2022-06-03', from: 'meta:datepublished' },
  { name: 'name=date', head: '<meta name="date" content="June 4, 2022">', want: '2022-06-04', from: 'meta:date' },
  { name: 'name=pubdate', head: '<meta name="pubdate" content="20220605">', want: '2022-06-05', from: 'meta:pubdate' },
  { name: 'DC.date.issued', head: '<meta name="DC.date.issued" content="2022-06-06">', want: '2022-06-06', from: 'meta:dc.date.issued' },
  { name: 'JSON-LD datePublished', head: '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-06-07T10:00:00+02:00"}</script>', want: '2022-06-07', from: 'json-ld' },
  {
    name: 'JSON-LD datePublished inside @graph',
    head: '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},{"@type":"Article","datePublished":"2022-06-08"}]}</script>',
    want: '2022-06-08', from: 'json-ld',
  },
  { name: 'JSON-LD array of objects', head: '<script type="application/ld+json">[{"@type":"Organization"},{"@type":"ReportageNewsArticle","datePublished":"2022-06-09"}]</script>', want: '2022-06-09', from: 'json-ld' },
  { name: '<time pubdate>', head: '', body: '<time pubdate datetime="2022-06-10T09:00">10 June</time>', want: '2022-06-10', from: 'time:published' },
  { name: 'itemprop datePublished on <time>', head: '', body: '<time itemprop="datePublished" datetime="2022-06-11">11 June</time>', want: '2022-06-11', from: 'time:published' },
  { name: 'date in the canonical URL', head: '<link rel="canonical" href="https://news.example.org/2022/06/12/rail-talks/">', want: '2022-06-12', from: 'url' },
  { name: 'visible dateline element', head: '', body: '<p class="published-at">June 13, 2022</p>', want: '2022-06-13', from: 'dateline' },
  { name: 'first <time datetime> as last resort', head: '', body: '<time datetime="2022-06-14">Tuesday</time>', want: '2022-06-14', from: 'time' },
  { name: 'modification date as last resort', head: '<meta property="article:modified_time" content="2022-06-15T11:00:00Z">', want: '2022-06-15', from: 'meta:article:modified_time' },
  { name: 'nothing stated', head: '<meta name="description" content="Rail talks">', want: null, from: null },
];
for (const c of dateCases) {
  test(`readHtmlMeta published from ${c.name}`, () => {
    const m = meta(c.head, c.body);
    assert.equal(m.published, c.want);
    assert.equal(m.publishedFrom, c.from);
  });
}

test('readHtmlMeta: JSON-LD datePublished wins over meta tags', () => {
  const m = meta('<meta property="article:published_time" content="2022-01-02"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-01-01"}</script>');
  assert.equal(m.published, '2022-01-01');
});

test('readHtmlMeta: JSON-LD dateCreated only when nothing better is stated', () => {
  const ld = '<script type="application/ld+json">{"@type":"NewsArticle","dateCreated":"2022-01-05"}</script>';
  assert.equal(meta(ld).published, '2022-01-05');
  assert.equal(meta(ld + '<meta property="article:published_time" content="2022-01-04">').published, '2022-01-04');
});

test('readHtmlMeta: malformed JSON-LD is skipped', () => {
  const m = meta('<script type="application/ld+json">{"@type": NewsArticle,}</script><meta name="date" content="2022-02-02">');
  assert.equal(m.published, '2022-02-02');
});

test('readHtmlMeta: title from og:title with the site name trimmed', () => {
  assert.equal(meta('<meta property="og:title" content="Rail talks resume in Nairobi | Harbour Daily">').title, 'Rail talks resume in Nairobi');
});
test('readHtmlMeta: title from <title> when no meta title', () => {
  assert.equal(meta('<title>Rail talks resume in Nairobi - Harbour Daily</title>').title, 'Rail talks resume in Nairobi');
});
test('readHtmlMeta: byline from JSON-LD authors', () => {
  const m = meta('<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Tom Berg"}]}</script>');
  assert.equal(m.byline, 'Ana Ruiz, Tom Berg');
});
test('readHtmlMeta: byline from meta author, a profile URL is ignored', () => {
  assert.equal(meta('<meta name="author" content="By Ana Ruiz">').byline, 'Ana Ruiz');
  assert.equal(meta('<meta property="article:author" content="https://example.org/ana">').byline, null);
});
test('readHtmlMeta: JSON-LD articleBody is returned', () => {
  assert.equal(meta('<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"Full text."}</script>').articleBody, 'Full text.');
});

test('dateFromUrl reads /YYYY/MM/DD/ and /YYYY-MM-DD/ paths', () => {
  assert.equal(dateFromUrl('https://x.org/world/2021/3/9/story'), '2021-03-09');
  assert.equal(dateFromUrl('https://x.org/articles/2014-12-18/story'), '2014-12-18');
  assert.equal(dateFromUrl('https://x.org/story-2021'), null);
});

test('readJsonLd prefers an article over a web page', () => {
  const r = readJsonLd(['{"@type":"WebPage","headline":"Page"}', '{"@type":"NewsArticle","headline":"Story"}']);
  assert.equal(r.title, 'Story');
});

test('trimSiteName keeps the longest part', () => {
  assert.equal(trimSiteName('World | Rail talks resume in Nairobi'), 'Rail talks resume in Nairobi');
});
