/** Parley dashboard: app shell, header totals and the hash router (#/dyad/CHN/USA, #/actor/CHN, …). */
import './style.css';
import { api } from './api.ts';
import { clear, fmtInt, h } from './dom.ts';
import { errorBox, href, loading } from './components.ts';
import type { View, ViewContext } from './view.ts';

interface Route {
  nav: string;
  load: () => Promise<{ view: View }>;
}

const ROUTES: Record<string, Route> = {
  '': { nav: 'overview', load: () => import('./views/overview.ts') },
  dyad: { nav: 'dyad', load: () => import('./views/dyad.ts') },
  network: { nav: 'network', load: () => import('./views/network.ts') },
  actors: { nav: 'actors', load: () => import('./views/actors.ts') },
  actor: { nav: 'actors', load: () => import('./views/actor.ts') },
  article: { nav: '', load: () => import('./views/article.ts') },
  search: { nav: 'search', load: () => import('./views/search.ts') },
  ingest: { nav: 'ingest', load: () => import('./views/ingest.ts') },
};

const NAV: Array<[string, string, string]> = [
  ['overview', 'Overview', '#/'],
  ['dyad', 'Dyads', '#/dyad'],
  ['network', 'Network', '#/network'],
  ['actors', 'Actors', '#/actors'],
  ['search', 'Search', '#/search'],
  ['ingest', 'Ingest', '#/ingest'],
];

function parseHash(hash: string): { name: string; params: string[] } {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((p) => p !== '');
  const [name = '', ...rest] = parts;
  return { name, params: rest.map((p) => { try { return decodeURIComponent(p); } catch { return p; } }) };
}

function start(root: HTMLElement): void {
  const totals = h('div', { class: 'totals', 'aria-live': 'polite' });
  const searchInput = h('input', { type: 'search', name: 'q', placeholder: 'Search articles…', 'aria-label': 'Search articles', autocomplete: 'off' });
  const navLinks = NAV.map(([key, label, link]) => h('a', { href: link, 'data-nav': key }, label));
  const header = h('header', { class: 'topbar' },
    h('div', { class: 'topbar-inner' },
      h('a', { class: 'brand', href: '#/' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), 'Parley'),
      h('nav', { class: 'nav', 'aria-label': 'Main' }, navLinks),
      h('form', { class: 'topsearch', role: 'search', onsubmit: (e: Event) => {
        e.preventDefault();
        const q = searchInput.value.trim();
        if (q) location.hash = href.search(q);
      } }, searchInput),
      totals,
    ));
  const main = h('main', { class: 'main', id: 'main' });
  const footer = h('footer', { class: 'footer' },
    h('span', {}, 'Parley — open, explainable event coding (PLOVER · CAMEO · Goldstein-style intensity)'),
    h('a', { href: 'api/openapi.json' }, 'API'));
  root.append(header, main, footer);

  const generation = { n: 0 };

  const refreshTotals = async (): Promise<void> => {
    try {
      const { stats } = await api.health();
      clear(totals);
      totals.append(h('span', { 'data-total': 'articles' }, h('b', {}, fmtInt(stats.articles)), ' articles'), h('span', { class: 'sep' }, '·'), h('span', { 'data-total': 'events' }, h('b', {}, fmtInt(stats.events)), ' events'));
    } catch {
      clear(totals);
      totals.append(h('span', { class: 'offline' }, 'API unreachable'));
    }
  };

  const render = async (): Promise<void> => {
    const my = ++generation.n;
    const { name, params } = parseHash(location.hash);
    const route = ROUTES[name] ?? ROUTES['']!;
    for (const a of navLinks) {
      const on = a.dataset.nav === route.nav;
      a.classList.toggle('active', on);
      if (on) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    searchInput.value = name === 'search' ? params.join('/') : '';
    clear(main);
    main.append(loading(6));
    const ctx: ViewContext = {
      main,
      params,
      isCurrent: () => generation.n === my,
      refreshTotals,
      setTitle: (t) => { document.title = t ? `${t} · Parley` : 'Parley'; },
    };
    try {
      const { view } = await route.load();
      if (!ctx.isCurrent()) return;
      await view(ctx);
    } catch (err) {
      if (!ctx.isCurrent()) return;
      clear(main);
      main.append(errorBox(err));
    }
    if (ctx.isCurrent()) main.setAttribute('data-ready', name || 'overview');
  };

  window.addEventListener('hashchange', () => {
    main.removeAttribute('data-ready');
    window.scrollTo(0, 0);
    void render();
  });
  void refreshTotals();
  void render();
}

start(document.getElementById('app')!);
