/** Actor page: who it deals with, how (types, quad classes, intensity by month) and the evidence. */
import { ApiError, api, type PloverType } from '../api.ts';
import { clear, fmtDate, fmtInt, fmtSigned, h } from '../dom.ts';
import { barCell, countQuads, empty, eventList, href, intensityChip, pageHead, panel, quadBar, quadLegend, statCard, typeTag } from '../components.ts';
import { monthlySeries, seriesChart } from '../chart.ts';
import { TYPE_ORDER } from '../colors.ts';
import type { View } from '../view.ts';

export const view: View = async (ctx) => {
  const code = (ctx.params[0] ?? '').toUpperCase();
  const m = ctx.main;
  if (!code) {
    location.hash = '#/actors';
    return;
  }
  let detail;
  try {
    detail = await api.actor(code);
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 404) throw err;
    clear(m);
    m.append(pageHead(code), empty(`No actor with code ${code} in this store.`, h('a', { class: 'button', href: '#/actors' }, 'All actors')));
    return;
  }
  const evs = await api.events({ actor: code, limit: 1000 });
  if (!ctx.isCurrent()) return;
  ctx.setTitle(detail.label);
  const events = evs.events;
  const mean = events.length ? events.reduce((n, e) => n + e.intensity, 0) / events.length : 0;
  const quads = countQuads(events);
  const maxP = Math.max(1, ...detail.partners.map((p) => p.events));
  clear(m);
  m.append(
    pageHead(h('span', {}, detail.label, ' ', h('span', { class: 'code big' }, detail.code)),
      [detail.kind ? h('span', { class: 'kind' }, detail.kind) : null, detail.first ? ` Events from ${fmtDate(detail.first)} to ${fmtDate(detail.last)}.` : ' No dated events.'],
      h('a', { class: 'button', href: '#/network' }, 'See in network')),
    h('div', { class: 'stats' },
      statCard('Events', detail.events, 'either side'),
      statCard('As source', detail.as_source, 'did something to…'),
      statCard('As target', detail.as_target, '…was done to'),
      h('div', { class: 'stat' }, h('div', { class: 'stat-value' }, intensityChip(mean)), h('div', { class: 'stat-label' }, 'Mean intensity'), h('div', { class: 'stat-note' }, `${fmtInt(detail.partners.length)} partners`)),
    ),
    h('div', { class: 'grid two' },
      panel('Partners', detail.partners.length === 0 ? empty('No partners yet.') : h('table', { class: 'table partners' },
        h('tbody', {}, detail.partners.slice(0, 12).map((p) => h('tr', {},
          h('td', {}, h('a', { href: href.dyad(code, p.code), class: 'dyad-link' }, p.label), ' ', h('span', { class: 'code' }, p.code)),
          h('td', { class: 'num' }, barCell(p.events, maxP))))))),
      panel('How it interacts',
        quadBar(quads), quadLegend(quads),
        h('ul', { class: 'type-counts' }, TYPE_ORDER.filter((t) => detail.types[t]).map((t: PloverType) => h('li', {}, typeTag(t), h('b', {}, fmtInt(detail.types[t] ?? 0))))),
        detail.names.length ? h('div', { class: 'names' }, h('h3', {}, 'Named in the text as'), h('ul', { class: 'chips' }, detail.names.slice(0, 16).map((n) => h('li', { class: 'chip' }, n.name, h('span', { class: 'muted' }, ` ${n.count}`))))) : null),
    ),
    panel(h('span', {}, 'By month ', h('span', { class: 'muted' }, `· mean intensity ${fmtSigned(mean)}${evs.total > events.length ? ` over the newest ${fmtInt(events.length)} events` : ''}`)), seriesChart(monthlySeries(events)), quadLegend()),
    panel(h('span', {}, 'Events ', h('span', { class: 'muted' }, `· ${fmtInt(evs.total)}, newest first`)), eventList(events, 'No events for this actor.')),
  );
};
