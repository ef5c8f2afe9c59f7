/** Drag-and-drop ingest: files go to POST /api/articles; upload progress, then the store's new totals. */
import { ApiError, api, uploadArticles, type IngestSummary, type StoreStats } from '../api.ts';
import { clear, fmtInt, h, plural } from '../dom.ts';
import { pageHead, panel } from '../components.ts';
import type { View } from '../view.ts';

const ACCEPT = '.txt,.html,.htm,.json,.jsonl,.ndjson';
const TOKEN_KEY = 'parley-token';

/** The bearer token for writes, kept for this browser tab only. */
function savedToken(): string | undefined {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function fmtBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function delta(label: string, before: number, after: number): HTMLElement {
  const d = after - before;
  return h('div', { class: 'stat', 'data-delta': label.toLowerCase() },
    h('div', { class: 'stat-value' }, fmtInt(after), d ? h('span', { class: d > 0 ? 'delta' : 'delta down' }, ` ${d > 0 ? '+' : '−'}${fmtInt(Math.abs(d))}`) : null),
    h('div', { class: 'stat-label' }, label), h('div', { class: 'stat-note' }, `was ${fmtInt(before)}`));
}

function resultView(s: IngestSummary, before: StoreStats, after: StoreStats): HTMLElement {
  const ok = s.failures === 0;
  return h('div', { class: 'ingest-result', 'data-state': ok ? 'done' : 'partial' },
    h('p', { class: ok ? 'ok-line' : 'warn-line' },
      `${plural(s.articles, 'article')} read: ${s.new} new, ${s.unchanged} unchanged, ${s.replaced} replaced; ${plural(s.events, 'event')} stored`,
      s.failures ? `; ${plural(s.failures, 'failure')}` : '', '.'),
    h('div', { class: 'stats' }, delta('Articles', before.articles, after.articles), delta('Events', before.events, after.events), delta('Mentions', before.mentions, after.mentions), delta('Actors', before.actors, after.actors)),
    s.errors.length ? h('ul', { class: 'warnings' }, s.errors.map((e) => h('li', {}, h('code', {}, e.code), ' ', e.file ? `${e.file}${e.line ? `:${e.line}` : ''}: ` : '', e.message))) : null,
    h('div', { class: 'row' }, h('a', { class: 'button primary', href: '#/' }, 'See the overview'), h('a', { class: 'button', href: '#/network' }, 'Open the network')),
  );
}

/** Asks for the server's PARLEY_TOKEN (writes need it when the server listens beyond loopback). */
function tokenForm(retry: () => void): HTMLElement {
  const input = h('input', { type: 'password', class: 'input', placeholder: 'PARLEY_TOKEN of the server', 'aria-label': 'API token', autocomplete: 'off' });
  return h('form', { class: 'token-form', onsubmit: (e: Event) => {
    e.preventDefault();
    try {
      sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    } catch {
      // storage refused: nothing to keep
    }
    retry();
  } }, h('p', { class: 'muted small' }, 'This server takes writes only with its token. It is kept for this tab only.'),
  h('div', { class: 'row' }, input, h('button', { class: 'button primary', type: 'submit' }, 'Retry with token')));
}

export const view: View = async (ctx) => {
  ctx.setTitle('Ingest');
  const m = ctx.main;
  const input = h('input', { type: 'file', multiple: true, accept: ACCEPT, class: 'visually-hidden', id: 'ingest-file' });
  const status = h('div', { class: 'ingest-status', 'aria-live': 'polite' });
  const zone = h('label', { class: 'dropzone', for: 'ingest-file' },
    h('div', { class: 'dropzone-icon', 'aria-hidden': 'true' }, '⇪'),
    h('div', { class: 'dropzone-title' }, 'Drop articles here, or click to choose files'),
    h('div', { class: 'muted small' }, 'Plain text (.txt, with optional Title:/Published: header lines), web pages (.html), or JSON / JSON Lines records with a text or html field. Up to 10 MB per upload. The first upload loads the language models, which takes a few seconds.'),
  );
  const busy = { on: false };

  const run = async (files: File[]): Promise<void> => {
    if (busy.on || files.length === 0) return;
    busy.on = true;
    zone.classList.add('disabled');
    const bar = h('div', { class: 'progress-bar' });
    const label = h('div', { class: 'progress-label' }, 'Uploading…');
    const progress = h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100 }, bar);
    clear(status);
    status.append(
      h('ul', { class: 'file-list' }, files.map((f) => h('li', {}, h('span', {}, f.name), h('span', { class: 'muted' }, fmtBytes(f.size))))),
      label, progress);
    const timer: { id?: ReturnType<typeof setInterval> } = {};
    try {
      const before = (await api.health()).stats;
      const summary = await uploadArticles(files, (f) => {
        const pct = Math.round(f * 100);
        bar.style.width = `${pct}%`;
        progress.setAttribute('aria-valuenow', String(pct));
        if (f < 1) {
          label.textContent = `Uploading… ${pct}%`;
          return;
        }
        if (timer.id !== undefined) return;
        const t0 = Date.now();
        const tick = () => {
          const s = Math.round((Date.now() - t0) / 1000);
          label.textContent = `Extracting actors and events from ${plural(files.length, 'file')}…${s >= 1 ? ` ${s} s` : ''}`;
        };
        tick();
        timer.id = setInterval(tick, 1000);
        progress.classList.add('indeterminate');
      }, savedToken());
      const after = (await api.health()).stats;
      await ctx.refreshTotals();
      if (!ctx.isCurrent()) return;
      clear(status);
      status.append(resultView(summary, before, after));
    } catch (err) {
      clear(status);
      status.append(h('div', { class: 'error-box', role: 'alert' }, h('strong', {}, 'Ingest failed. '), err instanceof Error ? err.message : String(err)));
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) status.append(tokenForm(() => void run(files)));
    } finally {
      clearInterval(timer.id);
      busy.on = false;
      zone.classList.remove('disabled');
      input.value = '';
    }
  };

  input.addEventListener('change', () => void run([...(input.files ?? [])]));
  for (const ev of ['dragenter', 'dragover']) zone.addEventListener(ev, (e) => { e.preventDefault(); zone.classList.add('over'); });
  for (const ev of ['dragleave', 'drop']) zone.addEventListener(ev, () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    void run([...((e as DragEvent).dataTransfer?.files ?? [])]);
  });

  clear(m);
  m.append(
    pageHead('Ingest articles', 'Parley reads each article, recognises the actors, codes the events and stores them with their evidence. Re-sending an unchanged article is a no-op.'),
    panel('Upload', input, zone, status),
    panel('From the command line', h('pre', { class: 'code-block' }, 'npx parley ingest path/to/articles/ --db parley.db\nnpx parley serve --db parley.db')),
  );
};
