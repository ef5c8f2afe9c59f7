/** Full-text search over the stored articles (FTS5 / tsvector via /api/search). */
import { api } from '../api.ts';
import { clear, fmtDate, fmtInt, h } from '../dom.ts';
import { empty, href, pageHead, panel } from '../components.ts';
import type { View } from '../view.ts';

/** The API marks matches as «word»: turn them into <mark> without parsing HTML. */
export function snippet(text: string): HTMLElement {
  const p = h('p', { class: 'snippet' });
  const parts = text.split(/(«[^»]*»)/);
  for (const part of parts) {
    if (part.startsWith('«') && part.endsWith('»')) p.append(h('mark', {}, part.slice(1, -1)));
    else if (part) p.append(part);
  }
  return p;
}

export const view: View = async (ctx) => {
  const q = ctx.params.join('/').trim();
  ctx.setTitle(q ? `Search: ${q}` : 'Search');
  const m = ctx.main;
  const input = h('input', { type: 'search', class: 'input big', name: 'q', value: q, placeholder: 'e.g. tariffs, "water cannon", ceasefire OR truce', 'aria-label': 'Search query' });
  const form = h('form', { class: 'search-form', role: 'search', onsubmit: (e: Event) => {
    e.preventDefault();
    const v = input.value.trim();
    if (v) location.hash = href.search(v);
  } }, input, h('button', { class: 'button primary', type: 'submit' }, 'Search'));
  if (!q) {
    clear(m);
    m.append(pageHead('Search', 'Full-text search over article titles and text: words, "exact phrases", OR, -exclude.'), form,
      empty('Type a query to find articles and the events coded from them.'));
    input.focus();
    return;
  }
  const r = await api.search(q, 50);
  if (!ctx.isCurrent()) return;
  clear(m);
  m.append(pageHead('Search', r.total ? `${fmtInt(r.total)} article${r.total === 1 ? '' : 's'} match “${q}”.` : `Nothing matches “${q}”.`), form);
  if (r.hits.length === 0) {
    m.append(empty('No article matches this query. Try fewer words, or OR between alternatives.'));
    return;
  }
  m.append(panel(`Results${r.total > r.hits.length ? ` (first ${r.hits.length})` : ''}`, h('ol', { class: 'hits' }, r.hits.map((hit) => h('li', { class: 'hit' },
    h('a', { href: href.article(hit.doc), class: 'hit-title' }, hit.title ?? hit.doc),
    h('div', { class: 'muted small' }, [hit.source, hit.published ? fmtDate(hit.published) : null, `${hit.events} event${hit.events === 1 ? '' : 's'}`].filter(Boolean).join(' · ')),
    snippet(hit.snippet))))));
};
