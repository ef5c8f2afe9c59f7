/**
 * `parley bench`: one run, one corpus, every figure the scaling issue asks for.
 * Each section is a function returning plain numbers, so the CLI can print a table or one
 * JSON line, and sections can be skipped (--skip store,compromise,…).
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import nlpCompromise from 'compromise';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createPipeline, type Pipeline } from '../src/pipeline.ts';
import type { RawArticle } from '../src/doc.ts';
import { buildCorpus, type BenchCorpus } from './corpus.ts';
import { time, peakRssMb, round } from './measure.ts';

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

  const pipeline = createPipeline();
  const ex = benchExtract(corpus, pipeline, !skip.has('compromise'));
  Object.assign(r, ex.parley);
  log(`extract (1 thread): ${ex.parley.extract_articles_per_s_per_core} articles/s, ${ex.parley.extract_mb_per_s_per_core} MB/s, ${ex.parley.events_per_article} events/article`);
  if (ex.compromiseMbPerS !== null) {
    r.compromise_mb_per_s = ex.compromiseMbPerS;
    r.ratio_vs_compromise = round(ex.parley.extract_mb_per_s_per_core / ex.compromiseMbPerS, 2);
    log(`compromise people/places/organizations: ${ex.compromiseMbPerS} MB/s → Parley is ${r.ratio_vs_compromise}×`);
  }
  if (!skip.has('html') && corpus.html.length) {
    const h = benchHtml(corpus, pipeline);
    Object.assign(r, h);
    log(`HTML: Parley ${h.html_parley_pages_per_s} pages/s vs Readability ${h.html_readability_pages_per_s} pages/s → ${h.html_ratio_vs_readability}×`);
  }
  if (!skip.has('workers')) {
    const w = await benchWorkers(corpus.text);
    Object.assign(r, w);
    log(`workers (warmed up, taking turns): main thread ${w.workers_main_thread_articles_per_s}, 1 worker ${w.workers_1_articles_per_s}, 2 workers ${w.workers_2_articles_per_s} articles/s → ${w.scaling_2_workers}× one worker (${w.scaling_2_workers_vs_main_thread}× the main thread; per round ${w.scaling_rounds}); extract --workers 1 / 2 over the corpus: ${w.workers_1_total_s} s / ${w.workers_2_total_s} s, peak RSS ${w.extract_peak_rss_mb} MB`);
  }
  if (!skip.has('store')) {
    const { benchStore } = await import('./store.ts');
    const st = await benchStore({ events: opts.storeEvents, log });
    Object.assign(r, st);
    log(`store: ingest ${st.ingest_events_per_s} events/s; queries at ${st.store_events} events: p50 ${st.query_p50_ms} ms, p95 ${st.query_p95_ms} ms`);
  }
  // peak_rss_mb: the real extraction run (child process, streaming, all its threads); the bench
  // process itself also holds compromise, Readability and the store sections.
  r.bench_process_rss_mb = peakRssMb();
  r.peak_rss_mb = typeof r.extract_peak_rss_mb === 'number' ? r.extract_peak_rss_mb : r.bench_process_rss_mb;
  log(`peak RSS: extraction run ${r.peak_rss_mb} MB; bench process ${r.bench_process_rss_mb} MB`);
  return r;
}

/** Slices of the corpus that Parley and compromise take turns on. */
const EXTRACT_SLICES = 4;

/**
 * Parley's full extraction on one thread, and (unless skipped) compromise's
 * people/places/organizations pass on the same articles. Both are warmed up first; then they take
 * turns on each quarter of the corpus, so load from elsewhere on a shared machine falls on both
 * alike and the ratio stays fair. Each figure is its total time over the whole corpus.
 */
function benchExtract(corpus: BenchCorpus, pipeline: Pipeline, withCompromise: boolean) {
  const compromisePass = (articles: RawArticle[]) => {
    for (const a of articles) {
      const d = nlpCompromise(a.raw);
      d.people().out('array');
      d.places().out('array');
      d.organizations().out('array');
    }
  };
  // warm up: load data and JIT
  for (const a of corpus.text.slice(0, 200)) pipeline.extract(a);
  if (withCompromise) compromisePass(corpus.text.slice(0, 20));
  let events = 0;
  let parleyMs = 0;
  let compromiseMs = 0;
  const per = Math.ceil(corpus.text.length / EXTRACT_SLICES);
  for (let i = 0; i < corpus.text.length; i += per) {
    const slice = corpus.text.slice(i, i + per);
    parleyMs += time(() => {
      for (const a of slice) events += pipeline.extract(a).events.length;
    }).ms;
    if (withCompromise) compromiseMs += time(() => compromisePass(slice)).ms;
  }
  const s = parleyMs / 1000;
  return {
    parley: {
      extract_articles_per_s_per_core: round(corpus.text.length / s, 1),
      extract_mb_per_s_per_core: round(corpus.textBytes / 1e6 / s, 3),
      events_per_article: round(events / corpus.text.length, 2),
    },
    compromiseMbPerS: withCompromise ? round(corpus.textBytes / 1e6 / (compromiseMs / 1000), 3) : null,
  };
}

/**
 * Parley's full pipeline on raw pages vs Readability on linkedom alone. Both are warmed up on a
 * full pass first (so neither pays the other's JIT and parser warm-up), then timed in alternating
 * rounds; the ratio is total Readability time over total Parley time.
 */
function benchHtml(corpus: BenchCorpus, pipeline: Pipeline) {
  const pages = corpus.html;
  const parleyPass = () => {
    for (const a of pages) pipeline.extract(a);
  };
  const readabilityPass = () => {
    for (const a of pages) {
      const { document } = parseHTML(a.raw);
      new Readability(document as unknown as Document).parse();
    }
  };
  parleyPass();
  readabilityPass();
  let parleyMs = 0;
  let readabilityMs = 0;
  const rounds = 3;
  for (let i = 0; i < rounds; i++) {
    readabilityMs += time(readabilityPass).ms;
    parleyMs += time(parleyPass).ms;
  }
  return {
    html_parley_pages_per_s: round((rounds * pages.length) / (parleyMs / 1000), 1),
    html_readability_pages_per_s: round((rounds * pages.length) / (readabilityMs / 1000), 1),
    html_ratio_vs_readability: round(readabilityMs / parleyMs, 2),
  };
}

/**
 * Extraction with 1 and 2 workers. The scaling figure comes from scaling-child.ts: one process
 * holds the pipeline on its main thread, a pool of one worker thread and a pool of two, all
 * warmed up, and gives them the same slices of the corpus in turn, so load from elsewhere on a
 * shared machine falls on all of them alike (separate runs a minute apart differed by up to 30 %
 * on the 2-core VM). Then the real streaming path (`parley extract --workers N`, extract-child.ts)
 * runs once with 1 and once with 2 workers over the corpus written as JSONL: whole-run times,
 * steady-state rates (their second halves) and the peak RSS of a real run.
 */
async function benchWorkers(articles: RawArticle[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-bench-'));
  const file = path.join(dir, 'corpus.jsonl');
  try {
    const line = (a: RawArticle) => JSON.stringify({ id: a.id, text: a.raw, published: a.meta.published ?? null, title: a.meta.title ?? null });
    writeFileSync(file, articles.map(line).join('\n') + '\n');
    const child = <T>(script: string, args: string[]): T => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      if (r.status !== 0) throw new Error(`bench child ${script} ${args.join(' ')} failed: ${r.stderr.slice(-500)}`);
      return JSON.parse(r.stdout.trim().split('\n').pop()!) as T;
    };
    const sc = child<{ main_articles_per_s: number; one_worker_articles_per_s: number; two_workers_articles_per_s: number; rounds: number[][] }>(
      './scaling-child.ts', [file]);
    type Run = { articles: number; total_s: number; steady_articles_per_s: number; max_rss_mb: number };
    const one = child<Run>('./extract-child.ts', [file, '1']);
    const two = child<Run>('./extract-child.ts', [file, '2']);
    return {
      workers_1_articles_per_s: round(sc.one_worker_articles_per_s, 1),
      workers_2_articles_per_s: round(sc.two_workers_articles_per_s, 1),
      workers_main_thread_articles_per_s: round(sc.main_articles_per_s, 1),
      scaling_2_workers: round(sc.two_workers_articles_per_s / sc.one_worker_articles_per_s, 2),
      scaling_2_workers_vs_main_thread: round(sc.two_workers_articles_per_s / sc.main_articles_per_s, 2),
      scaling_rounds: sc.rounds.map((r) => `${round(r[2]! / r[1]!, 2)}`).join(' '),
      workers_1_total_s: round(one.total_s, 1),
      workers_2_total_s: round(two.total_s, 1),
      workers_1_run_steady_articles_per_s: round(one.steady_articles_per_s, 1),
      workers_2_run_steady_articles_per_s: round(two.steady_articles_per_s, 1),
      extract_peak_rss_mb: two.max_rss_mb,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
