/**
 * Helpers of the dashboard end-to-end test: Debian's chromium through playwright-core (fresh
 * profile, no network beyond loopback) and a real Parley server over a temporary SQLite store.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { openStore } from '../src/store/index.ts';
import type { IngestSummary, Store } from '../src/store/types.ts';
import { ingestArticles } from '../src/store/ingest.ts';
import { readInputs } from '../src/read/index.ts';
import { createPipeline } from '../src/pipeline.ts';
import { startServer, type RunningServer } from '../src/server/index.ts';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync',
];

export function chromiumPath(): string {
  return process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';
}

/** Why the browser test cannot run here, or null when it can. */
export function missingChromium(): string | null {
  const p = chromiumPath();
  return existsSync(p) ? null : `no chromium at ${p} (set PARLEY_CHROMIUM to a chromium binary)`;
}

export interface Browser {
  context: BrowserContext;
  /** Requests the page tried to make beyond the test server (aborted). */
  external: string[];
  close(): Promise<void>;
}

/** Chromium with a fresh --user-data-dir; every request beyond 127.0.0.1 is aborted and recorded. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'parley-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  const external: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^http:\/\/127\.0\.0\.1:\d+\//.test(url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  return {
    context,
    external,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface DashboardServer {
  url: string;
  store: Store;
  ingested: IngestSummary;
  close(): Promise<void>;
}

/** A temp SQLite store with `inputs` ingested, served on 127.0.0.1 at an ephemeral port. */
export async function startDashboardServer(inputs: string[], webDir: string): Promise<DashboardServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-dashboard-'));
  const store = await openStore(path.join(dir, 'store.db'));
  const ingested = await ingestArticles(store, () => createPipeline(), readInputs(inputs));
  const srv: RunningServer = await startServer(store, { host: '127.0.0.1', port: 0, webDir });
  return {
    url: srv.url,
    store,
    ingested,
    close: async () => {
      await srv.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
