/**
 * End to end: the dashboard in Debian's chromium (playwright-core) over a real Parley server and
 * a temp SQLite store holding the bundled examples. Clicks through every view and checks what
 * it shows against the API of the same server; screenshots go to artifacts/screenshots/.
 * Skipped (reason printed) when chromium is missing, except under CI where that fails.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { EXAMPLES_DIR, WEB_DIST, WEB_ROOT, ensureDashboard } from '../src/cli/commands/demo.ts';
import { launchBrowser, missingChromium, startDashboardServer, type Browser, type DashboardServer } from './dashboard-browser.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const shots = path.join(root, 'artifacts', 'screenshots');
const missing = missingChromium();
if (missing && process.env.CI) throw new Error(`dashboard test needs chromium under CI: ${missing}`);
if (missing) console.log(`# dashboard test skipped: ${missing}`);

const env: { server?: DashboardServer; browser?: Browser; page?: Page; dir?: string } = {};

async function api<T>(p: string): Promise<T> {
  const res = await fetch(`${env.server!.url}/api/${p}`);
  assert.equal(res.status, 200, `GET /api/${p}`);
  return (await res.json()) as T;
}

async function ready(page: Page, view: string): Promise<void> {
  await page.waitForSelector(`main[data-ready="${view}"]`, { timeout: 20_000 });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().innerText()).trim();
}

const num = (s: string): number => Number(s.replace(/[^\d]/g, ''));

before(async () => {
  if (missing) return;
  mkdirSync(shots, { recursive: true });
  const built = await ensureDashboard(WEB_ROOT);
  assert.ok(built.built, built.reason ?? 'dashboard not built');
  env.dir = mkdtempSync(path.join(tmpdir(), 'parley-dashboard-test-'));
  env.server = await startDashboardServer([EXAMPLES_DIR], WEB_DIST);
  env.browser = await launchBrowser();
  env.page = await env.browser.context.newPage();
});

after(async () => {
  await env.browser?.close();
  await env.server?.close();
  if (env.dir) rmSync(env.dir, { recursive: true, force: true });
});

test('dashboard: every view in chromium', { skip: missing ?? false, timeout: 240_000 }, async (t) => {
  const page = env.page!;
  const base = `${env.server!.url}/`;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await t.test('overview shows the store totals, busiest dyads and recent events', async () => {
    const { stats } = await api<{ stats: { articles: number; events: number } }>('health');
    assert.ok(stats.events > 0, 'the examples yield events');
    await page.goto(base);
    await ready(page, 'overview');
    assert.equal(num(await text(page, '.stat:has(.stat-label:text-is("Articles")) .stat-value')), stats.articles);
    assert.equal(num(await text(page, '[data-total="events"]')), stats.events);
    const { dyads } = await api<{ dyads: Array<{ source_label: string; target_label: string }> }>('dyads?limit=1');
    assert.match(await text(page, '.dyads tbody tr'), new RegExp(`${dyads[0]!.source_label}\\s*→\\s*${dyads[0]!.target_label}`));
    assert.ok(await page.locator('.event .evidence mark').count() > 0, 'recent events show evidence with the trigger marked');
    await shot(page, '1-overview-1280');
  });

  await t.test('dyad explorer: a busiest dyad opens with its monthly chart and events in both directions', async () => {
    await page.locator('.dyads a.dyad-link').first().click();
    await ready(page, 'dyad');
    const [, a, b] = /#\/dyad\/([^/]+)\/([^/]+)/.exec(page.url()) ?? [];
    assert.ok(a && b, page.url());
    const rel = await api<{ total: { events: number; counts: Record<string, number> } }>(`relations?a=${a}&b=${b}`);
    assert.equal(num(await text(page, '.stat .stat-value')), rel.total.events);
    assert.ok(await page.locator('svg.chart .bar rect').count() > 0, 'chart has bars');
    const typeRows = await page.locator('svg.matrix .row-label').allTextContents();
    assert.ok(typeRows.length > 0 && typeRows.every((t) => t in rel.total.counts), `type rows ${typeRows.join(',')}`);
    while (await page.locator('button.more').count()) await page.locator('button.more').click();
    assert.equal(await page.locator('.event-list .event').count(), rel.total.events, 'every event of the pair, both directions');
    assert.ok(await page.locator('.event .article-link').count() > 0, 'events link to their articles');
    await shot(page, '2-dyad-1280');
  });

  await t.test('network draws the actor graph with a table of the strongest links', async () => {
    await page.locator('nav a[data-nav="network"]').click();
    await ready(page, 'network');
    const net = await api<{ nodes: unknown[]; edges: unknown[] }>('network');
    assert.ok(Number(await page.locator('.cy').getAttribute('data-nodes')) > 1);
    assert.ok(Number(await page.locator('.cy').getAttribute('data-edges')) > 0);
    assert.ok(Number(await page.locator('.cy').getAttribute('data-edges')) <= net.edges.length);
    assert.ok(await page.locator('.cy canvas').count() > 0, 'cytoscape canvas');
    assert.ok(await page.locator('.links tbody tr').count() > 0);
    await shot(page, '3-network-1280');
    const states = Number(await page.locator('.cy').getAttribute('data-nodes'));
    await page.locator('.segmented a[href="#/network/all"]').click();
    await page.waitForFunction(() => location.hash === '#/network/all' && document.querySelector('main[data-ready="network"] .cy[data-nodes]') !== null);
    assert.ok(Number(await page.locator('.cy').getAttribute('data-nodes')) >= states, 'all actors include every state');
    await page.locator('.segmented a[href="#/network"]').click();
    await page.waitForFunction(() => location.hash === '#/network' && document.querySelector('main[data-ready="network"] .cy[data-nodes]') !== null);
  });

  await t.test('actor page lists partners, types and events of the actor', async () => {
    await page.locator('.links a.dyad-link').first().click();
    await ready(page, 'dyad');
    await page.locator('.dyad-title a').first().click();
    await ready(page, 'actor');
    const code = decodeURIComponent(/#\/actor\/([^/]+)/.exec(page.url())![1]!);
    const actor = await api<{ label: string; events: number; partners: Array<{ label: string }> }>(`actors/${code}`);
    assert.match(await text(page, 'h1'), new RegExp(actor.label));
    assert.equal(num(await text(page, '.stat .stat-value')), actor.events);
    assert.match(await text(page, '.partners'), new RegExp(actor.partners[0]!.label));
    assert.ok(await page.locator('.event-list .event').count() > 0);
    await shot(page, '4-actor-1280');
  });

  await t.test('article view highlights actors and events; hovering an event shows its rule', async () => {
    await page.locator('.event .article-link').first().click();
    await ready(page, 'article');
    const doc = decodeURIComponent(/#\/article\/(.+)$/.exec(page.url())![1]!);
    const art = await api<{ title: string; events: Array<{ rule: string; type: string }> }>(`articles/${encodeURIComponent(doc)}`);
    assert.equal(await text(page, 'h1'), art.title);
    assert.ok(await page.locator('.article-text .act').count() > 0, 'actors underlined');
    assert.ok(await page.locator('.article-text .ev').count() > 0, 'event sentences tinted');
    assert.equal(await page.locator('.side-events li').count(), art.events.length);
    await page.locator('.article-text .ev.trig').first().hover();
    const tip = page.locator('.tooltip');
    await tip.waitFor({ state: 'visible' });
    const tipText = await tip.innerText();
    assert.ok(art.events.some((e) => tipText.includes(e.rule) && tipText.includes(e.type)), `tooltip names a rule and type of the article: ${tipText}`);
    assert.match(tipText, /→/);
    await shot(page, '5-article-1280');
  });

  await t.test('search finds articles by full text and marks the matches', async () => {
    const word = 'tariffs';
    const r = await api<{ total: number; hits: Array<{ title: string }> }>(`search?q=${word}`);
    assert.ok(r.total > 0);
    await page.locator('.topsearch input').fill(word);
    await page.locator('.topsearch input').press('Enter');
    await ready(page, 'search');
    assert.equal(await page.locator('.hit').count(), Math.min(r.total, 50));
    assert.equal(await text(page, '.hit-title'), r.hits[0]!.title);
    assert.ok(await page.locator('.snippet mark').count() > 0);
    await shot(page, '6-search-1280');
  });

  await t.test('ingest: a file given to the drop zone is stored and the counts go up', async () => {
    const before = (await api<{ stats: { articles: number } }>('health')).stats.articles;
    const file = path.join(env.dir!, 'oslo-fisheries.txt');
    writeFileSync(file, 'Title: Norway and Chile agree on joint fisheries patrols\nPublished: 2026-02-03\n\n'
      + 'OSLO — Norway and Chile signed an agreement on Tuesday to run joint patrols against illegal fishing in the South Pacific, the Norwegian foreign ministry said.\n\n'
      + 'Chilean Foreign Minister Alberto van Klaveren praised Norway for its support.\n');
    await page.locator('nav a[data-nav="ingest"]').click();
    await ready(page, 'ingest');
    await page.locator('input[type=file]').setInputFiles(file);
    await page.waitForSelector('.ingest-result, .ingest-status .error-box', { timeout: 90_000 }).catch(async (err: unknown) => {
      await shot(page, '7-ingest-failed-1280');
      throw err;
    });
    assert.match(await text(page, '.ingest-status'), /1 article read: 1 new/);
    const shown = /^[\d,]+/.exec(await text(page, '[data-delta="articles"] .stat-value'))![0];
    assert.equal(num(shown), before + 1);
    assert.equal(await text(page, '[data-delta="articles"] .delta'), '+1');
    const stored = await api<{ title: string | null; published: string | null }>('articles/oslo-fisheries');
    assert.deepEqual([stored.title, stored.published], ['Norway and Chile agree on joint fisheries patrols', '2026-02-03'], 'header lines of an uploaded .txt become metadata');
    const after = (await api<{ stats: { articles: number } }>('health')).stats.articles;
    assert.equal(after, before + 1);
    await page.waitForFunction((n) => document.querySelector('[data-total="articles"] b')?.textContent === String(n), after);
    await shot(page, '7-ingest-1280');
  });

  await t.test('narrow screens (390 px): views fit without horizontal scrolling', async () => {
    const narrow = await env.browser!.context.newPage();
    await narrow.setViewportSize({ width: 390, height: 844 });
    const doc = (await api<{ events: Array<{ evidence: { article: { doc: string } } }> }>('events?limit=1')).events[0]!.evidence.article.doc;
    const views = [['#/', 'overview'], ['#/dyad', 'dyad'], ['#/network', 'network'], ['#/actors', 'actors'], [`#/article/${encodeURIComponent(doc)}`, 'article'], ['#/search/ceasefire', 'search']] as const;
    for (const [hash, view] of views) {
      await narrow.goto(base + hash);
      await ready(narrow, view);
      const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${view} overflows by ${overflow}px`);
      await shot(narrow, `8-${view}-390`);
    }
    await narrow.close();
  });

  await t.test('an empty store shows empty states, not errors', async () => {
    const empty = await startDashboardServer([], WEB_DIST);
    const p = await env.browser!.context.newPage();
    try {
      await p.goto(`${empty.url}/#/`);
      await ready(p, 'overview');
      assert.match(await p.locator('.empty').innerText(), /store is empty/);
      assert.equal(await p.locator('.empty a[href="#/ingest"]').count(), 1);
      for (const [hash, view] of [['#/network', 'network'], ['#/dyad', 'dyad'], ['#/actors', 'actors']] as const) {
        await p.goto(`${empty.url}/${hash}`);
        await ready(p, view);
        assert.equal(await p.locator('.empty').count(), 1, `${view} shows an empty state`);
        assert.equal(await p.locator('.error-box').count(), 0);
      }
      await shot(p, '9-empty-overview-1280');
    } finally {
      await p.close();
      await empty.close();
    }
  });

  await t.test('no request left the test server and no script error was thrown', () => {
    assert.deepEqual(env.browser!.external, []);
    assert.deepEqual(errors, []);
  });
});
