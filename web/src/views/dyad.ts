/** Dyad explorer: two actors, their monthly series by quad class and intensity, and every event between them. */
import { api, type ActorSummary, type PloverType, type StoredEvent } from '../api.ts';
import { clear, fmtInt, fmtSigned, h } from '../dom.ts';
import { empty, eventList, href, intensityChip, pageHead, panel, quadLegend, statCard, typeTag } from '../components.ts';
import { seriesChart, typeMatrix } from '../chart.ts';
import { TYPE_ORDER, intensityWord } from '../colors.ts';
import type { View } from '../view.ts';

function actorSelect(actors: ActorSummary[], value: string, label: string): HTMLSelectElement {
  const sel = h('select', { 'aria-label': label, class: 'select' },
    actors.map((a) => h('option', { value: a.code }, `${a.label} (${a.code}) · ${a.events}`)));
  if (!actors.some((a) => a.code === value) && value) sel.prepend(h('option', { value }, value));
  sel.value = value;
  return sel;
}

function byDateDesc(a: StoredEvent, b: StoredEvent): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || b.id - a.id;
}

export const view: View = async (ctx) => {
  const [{ actors }, busiest] = await Promise.all([api.actors(), ctx.params.length >= 2 ? Promise.resolve(null) : api.dyads(1)]);
  if (!ctx.isCurrent()) return;
  const m = ctx.main;
  const top = busiest?.dyads[0];
  const A = (ctx.params[0] ?? top?.source ?? actors[0]?.code ?? '').toUpperCase();
  const B = (ctx.params[1] ?? top?.target ?? actors[1]?.code ?? '').toUpperCase();
  if (!A || !B) {
    clear(m);
    m.append(pageHead('Dyads'), empty('No actors yet: ingest some articles first.', h('a', { class: 'button primary', href: '#/ingest' }, 'Ingest articles')));
    return;
  }
  const selA = actorSelect(actors, A, 'First actor');
  const selB = actorSelect(actors, B, 'Second actor');
  const go = () => { location.hash = href.dyad(selA.value, selB.value); };
  selA.addEventListener('change', go);
  selB.addEventListener('change', go);
  const picker = h('div', { class: 'picker' }, selA,
    h('button', { class: 'button icon', type: 'button', title: 'Swap', 'aria-label': 'Swap actors', onclick: () => { location.hash = href.dyad(B, A); } }, '⇄'), selB);

  const [rel, ab, ba] = await Promise.all([
    api.relations(A, B, 'month'),
    api.events({ source: A, target: B, limit: 500 }),
    api.events({ source: B, target: A, limit: 500 }),
  ]);
  if (!ctx.isCurrent()) return;
  const name = (code: string) => actors.find((a) => a.code === code)?.label ?? code;
  ctx.setTitle(`${name(A)} – ${name(B)}`);
  clear(m);
  m.append(pageHead(
    h('span', { class: 'dyad-title' }, h('a', { href: href.actor(A) }, name(A)), h('span', { class: 'arrow' }, '⇄'), h('a', { href: href.actor(B) }, name(B))),
    rel.total.events ? `${fmtInt(rel.total.events)} events between ${A} and ${B}, mean intensity ${fmtSigned(rel.total.intensity)} (${intensityWord(rel.total.intensity)}).` : `No events between ${A} and ${B} yet.`,
    picker,
  ));
  if (rel.total.events === 0) {
    m.append(empty(`Parley has no coded events between ${name(A)} and ${name(B)}. Pick another pair above, or look at the network.`, h('a', { class: 'button', href: '#/network' }, 'Open the network')));
    return;
  }
  const events = [...ab.events, ...ba.events].sort(byDateDesc);
  const counts = rel.total.counts;
  const types = TYPE_ORDER.filter((t) => counts[t]);
  m.append(
    h('div', { class: 'stats' },
      statCard('Events', rel.total.events, rel.undated ? `${rel.undated} undated` : 'all dated'),
      statCard(`${A} → ${B}`, ab.total, 'as source'),
      statCard(`${B} → ${A}`, ba.total, 'as source'),
      h('div', { class: 'stat' }, h('div', { class: 'stat-value' }, intensityChip(rel.total.intensity)), h('div', { class: 'stat-label' }, 'Mean intensity'), h('div', { class: 'stat-note' }, `balance ${fmtSigned(rel.total.balance)} (coop − conflict)`)),
    ),
    panel('By month', seriesChart(rel.series.map((p) => ({ period: p.period, quads: p.quads, intensity: p.intensity, events: p.events })), undefined, true),
      h('div', { class: 'chart-sublabel' }, 'Events by PLOVER type'),
      typeMatrix(rel.series.map((p) => ({ period: p.period, counts: p.counts }))), quadLegend(),
      h('ul', { class: 'type-counts' }, types.map((t: PloverType) => h('li', {}, typeTag(t), h('b', {}, fmtInt(counts[t] ?? 0)))))),
    panel(h('span', {}, 'Events ', h('span', { class: 'muted' }, `· ${fmtInt(events.length)}, newest first`)), eventList(events, 'No events.')),
  );
};
