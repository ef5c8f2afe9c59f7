/**
 * `parley bench`: one run, one corpus, every figure the scaling issue asks for.
 * Each section is a function returning plain numbers, so the CLI can print a table or one
 * JSON line, and sections can be skipped (--skip store,compromise,…).
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import nlpCompromise from 'compromise';
import { createPipeline } from '../src/pipeline.ts';
import { extractStream } from '../src/workers/pool.ts';
import type { RawArticle } from '../src/doc.ts';
import type { ReadItem } from '../src/read/index.ts';
import { buildCorpus, type BenchCorpus } from './corpus.ts';
import { time, timeAsync, peakRssMb, round } from './measure.ts';

export interface BenchOptions {
  articles?: number;
  htmlPages?: number;
  skip?: string[];
  /** Events in the synthetic store for query latency. */
  storeEvents?: number;
  log?: (line: string) => void;
}

export type BenchResult = Record<string, number | string | null>;

export async function runBench(opts: BenchOptions = {}): Promise<BenchResult> {
  const log = opts.log ?? (() => {});
  const skip = new Set(opts.skip ?? []);
  const corpus = await buildCorpus({ articles: opts.articles, htmlPages: opts.htmlPages });
  const r: BenchResult = {
    corpus: corpus.origin,
    articles: corpus.text.length,
    corpus_mb: round(corpus.textBytes / 1e6, 3),
    html_pages: corpus.html.length,
  };
  log(`corpus: ${corpus.text.length} text articles (${r.corpus_mb} MB), ${corpus.html.length} HTML pages, from ${corpus.origin}`);

  const ex = benchExtract(corpus);
  Object.assign(r, ex);
  log(`extract (1 thread): ${ex.extract_articles_per_s_per_core} articles/s, ${ex.extract_mb_per_s_per_core} MB/s, ${ex.events_per_article} events/article`);

  if (!skip.has('compromise')) {
    const c = benchCompromise(corpus);
    r.compromise_mb_per_s = c;
    r.ratio_vs_compromise = round(ex.extract_mb_per_s_per_core / c, 2);
    log(`compromise people/places/organizations: ${c} MB/s → Parley is ${r.ratio_vs_compromise}×`);
  }
  if (!skip.has('html') && corpus.html.length) {
    const h = benchHtml(corpus);
    Object.assign(r, h);
    log(`HTML: Parley ${h.html_parley_pages_per_s} pages/s vs Readability ${h.html_readability_pages_per_s} pages/s → ${h.html_ratio_vs_readability}×`);
  }
  if (!skip.has('workers')) {
    const w = await benchWorkers(corpus.text);
    Object.assign(r, w);
    log(`workers: 1 → ${w.workers_1_articles_per_s} articles/s, 2 → ${w.workers_2_articles_per_s} articles/s: ${w.scaling_2_workers}×`);
  }
  if (!skip.has('store')) {
    const { benchStore } = await import('./store.ts');
    const st = await benchStore({ events: opts.storeEvents, log });
    Object.assign(r, st);
    log(`store: ingest ${st.ingest_events_per_s} events/s; queries at ${st.store_events} events: p50 ${st.query_p50_ms} ms, p95 ${st.query_p95_ms} ms`);
  }
  r.peak_rss_mb = peakRssMb();
  log(`peak RSS: ${r.peak_rss_mb} MB`);
  return r;
}

function benchExtract(corpus: BenchCorpus) {
  const pipeline = createPipeline();
  // warm up: load data and JIT on a few articles
  for (const a of corpus.text.slice(0, 20)) pipeline.extract(a);
  let events = 0;
  const { ms } = time(() => {
    for (const a of corpus.text) events += pipeline.extract(a).events.length;
  });
  const s = ms / 1000;
  return {
    extract_articles_per_s_per_core: round(corpus.text.length / s, 1),
    extract_mb_per_s_per_core: round(corpus.textBytes / 1e6 / s, 3),
    events_per_article: round(events / corpus.text.length, 2),
  };
}

function benchCompromise(corpus: BenchCorpus): number {
  const texts = corpus.text.map((a) => a.raw);
  for (const t of texts.slice(0, 5)) nlpCompromise(t).people();
  const { ms } = time(() => {
    for (const t of texts) {
      const d = nlpCompromise(t);
      d.people().out('array');
      d.places().out('array');
      d.organizations().out('array');
    }
  });
  return round(corpus.textBytes / 1e6 / (ms / 1000), 3);
}

function benchHtml(corpus: BenchCorpus) {
  const pipeline = createPipeline();
  const pages = corpus.html;
  for (const a of pages.slice(0, 5)) pipeline.extract(a);
  const parley = time(() => {
    for (const a of pages) pipeline.extract(a);
  });
  const readability = time(() => {
    for (const a of pages) {
      const { document } = parseHTML(a.raw);
      new Readability(document as unknown as Document).parse();
    }
  });
  return {
    html_parley_pages_per_s: round(pages.length / (parley.ms / 1000), 1),
    html_readability_pages_per_s: round(pages.length / (readability.ms / 1000), 1),
    html_ratio_vs_readability: round(readability.ms / parley.ms, 2),
  };
}

async function benchWorkers(articles: RawArticle[]) {
  const run = async (workers: number) => {
    async function* items(): AsyncGenerator<ReadItem> {
      for (const a of articles) yield { ok: true, article: a };
    }
    const { ms } = await timeAsync(async () => {
      for await (const _ of extractStream(items(), { workers })) void _;
    });
    return articles.length / (ms / 1000);
  };
  const one = await run(1);
  const two = await run(2);
  return {
    workers_1_articles_per_s: round(one, 1),
    workers_2_articles_per_s: round(two, 1),
    scaling_2_workers: round(two / one, 2),
  };
}
