/** Overview: totals, the quad-class balance, the busiest dyads and the newest events. */
import { api, type BusyDyad } from '../api.ts';
import { clear, fmtInt, h } from '../dom.ts';
import { barCell, countQuads, empty, eventList, href, intensityChip, pageHead, panel, quadBar, quadLegend, statCard, typeTag } from '../components.ts';
import { TYPE_ORDER } from '../colors.ts';
import { monthlySeries, seriesChart } from '../chart.ts';
import type { PloverType } from '../api.ts';
import type { View } from '../view.ts';

function dyadTable(dyads: BusyDyad[]): HTMLElement {
  if (dyads.length === 0) return empty('No dyads yet: ingest articles with events between two actors.');
  const max = Math.max(...dyads.map((d) => d.events));
  return h('table', { class: 'table dyads' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Source → target'), h('th', { class: 'num' }, 'Events'), h('th', { class: 'num' }, 'Intensity'))),
    h('tbody', {}, dyads.map((d) => h('tr', {},
      h('td', {}, h('a', { href: href.dyad(d.source, d.target), class: 'dyad-link' }, d.source_label, h('span', { class: 'arrow' }, '→'), d.target_label)),
      h('td', { class: 'num' }, barCell(d.events, max)),
      h('td', { class: 'num' }, intensityChip(d.intensity)),
    ))));
}

export const view: View = async (ctx) => {
  ctx.setTitle('Overview');
  const [health, dyads, recent, all, actors] = await Promise.all([api.health(), api.dyads(8), api.events({ limit: 12 }), api.events({ limit: 1000 }), api.actors()]);
  if (!ctx.isCurrent()) return;
  const { stats } = health;
  const m = ctx.main;
  clear(m);
  m.append(pageHead('Overview', `Coded political events from ${fmtInt(stats.articles)} article${stats.articles === 1 ? '' : 's'} in the ${health.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} store.`));
  if (stats.articles === 0) {
    m.append(empty(
      ['The store is empty. Drop articles on the Ingest page, or run ', h('code', {}, 'npx parley ingest <folder>'), ' and reload.'],
      h('a', { class: 'button primary', href: '#/ingest' }, 'Ingest articles'),
    ));
    return;
  }
  const quads = countQuads(all.events);
  const types: Partial<Record<PloverType, number>> = {};
  for (const e of all.events) types[e.type] = (types[e.type] ?? 0) + 1;
  m.append(
    h('div', { class: 'stats' },
      statCard('Articles', stats.articles),
      statCard('Events', stats.events, 'merged across articles'),
      statCard('Mentions', stats.mentions, 'evidence sentences'),
      statCard('Actors', stats.actors),
    ),
    h('div', { class: 'grid two' },
      panel('Busiest dyads', dyadTable(dyads.dyads)),
      panel('Cooperation and conflict',
        h('p', { class: 'muted small' }, `Events by quad class${all.total > all.events.length ? ` (newest ${fmtInt(all.events.length)})` : ''}.`),
        quadBar(quads), quadLegend(quads),
        h('h3', {}, 'Event types'),
        h('ul', { class: 'type-counts' }, TYPE_ORDER.filter((t) => types[t]).map((t: PloverType) => h('li', {}, typeTag(t), h('b', {}, fmtInt(types[t] ?? 0))))),
        h('h3', {}, 'Most active actors'),
        h('ul', { class: 'chips' }, actors.actors.slice(0, 10).map((a) => h('li', { class: 'chip' }, h('a', { href: href.actor(a.code) }, a.label), h('span', { class: 'muted' }, ` ${fmtInt(a.events)}`))))),
    ),
    panel(h('span', {}, 'Events by month ', h('span', { class: 'muted' }, all.total > all.events.length ? `· newest ${fmtInt(all.events.length)} of ${fmtInt(all.total)} events` : '· all actors')), seriesChart(monthlySeries(all.events)), quadLegend()),
    panel(h('span', {}, 'Recent events ', h('span', { class: 'muted' }, `· newest ${recent.events.length} of ${fmtInt(recent.total)}`)), eventList(recent.events, 'No events yet.')),
  );
};
