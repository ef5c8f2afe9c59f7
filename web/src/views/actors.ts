/** Actor index: every actor with its event counts, filterable by name or code. */
import { api } from '../api.ts';
import { clear, fmtInt, h } from '../dom.ts';
import { barCell, empty, href, pageHead, panel } from '../components.ts';
import type { View } from '../view.ts';

export const view: View = async (ctx) => {
  ctx.setTitle('Actors');
  const { actors } = await api.actors();
  if (!ctx.isCurrent()) return;
  const m = ctx.main;
  clear(m);
  m.append(pageHead('Actors', `${fmtInt(actors.length)} states, organisations and groups seen as the source or target of an event.`));
  if (actors.length === 0) {
    m.append(empty('No actors yet: ingest some articles first.', h('a', { class: 'button primary', href: '#/ingest' }, 'Ingest articles')));
    return;
  }
  const max = Math.max(...actors.map((a) => a.events));
  const filter = h('input', { type: 'search', class: 'input', placeholder: 'Filter by name or code…', 'aria-label': 'Filter actors' });
  const rows = actors.map((a) => ({
    key: `${a.label} ${a.code}`.toLowerCase(),
    row: h('tr', {},
      h('td', {}, h('a', { href: href.actor(a.code), class: 'actor-link' }, a.label), ' ', h('span', { class: 'code' }, a.code)),
      h('td', {}, h('span', { class: 'kind' }, a.kind ?? '—')),
      h('td', { class: 'num' }, barCell(a.events, max)),
      h('td', { class: 'num hide-sm' }, fmtInt(a.as_source)),
      h('td', { class: 'num hide-sm' }, fmtInt(a.as_target))),
  }));
  const none = h('p', { class: 'muted', hidden: true }, 'No actor matches.');
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    let shown = 0;
    for (const r of rows) {
      const ok = !q || r.key.includes(q);
      r.row.hidden = !ok;
      if (ok) shown++;
    }
    none.hidden = shown > 0;
  });
  m.append(panel('All actors', filter, h('table', { class: 'table actors' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Actor'), h('th', {}, 'Kind'), h('th', { class: 'num' }, 'Events'), h('th', { class: 'num hide-sm' }, 'As source'), h('th', { class: 'num hide-sm' }, 'As target'))),
    h('tbody', {}, rows.map((r) => r.row))), none));
};
