/**
 * Network of actors: edge width = events between the two (both directions), edge colour = mean
 * intensity on the red–blue scale, node size = events. Cytoscape is loaded only on this view.
 */
import { api, type Network } from '../api.ts';
import { clear, fmtInt, fmtSigned, h } from '../dom.ts';
import { empty, href, intensityChip, pageHead, panel } from '../components.ts';
import { intensityColor } from '../colors.ts';
import type { View } from '../view.ts';

export interface Link {
  a: string;
  b: string;
  events: number;
  intensity: number;
}

/** Directed edges → one undirected link per pair, intensity weighted by events. */
export function undirected(net: Network): Link[] {
  const out = new Map<string, Link & { sum: number }>();
  for (const e of net.edges) {
    if (e.source === e.target) continue;
    const [a, b] = e.source < e.target ? [e.source, e.target] : [e.target, e.source];
    const key = `${a}\u0000${b}`;
    const l = out.get(key) ?? { a, b, events: 0, intensity: 0, sum: 0 };
    l.events += e.events;
    l.sum += e.intensity * e.events;
    out.set(key, l);
  }
  return [...out.values()].map(({ sum, ...l }) => ({ ...l, intensity: l.events ? sum / l.events : 0 })).sort((x, y) => y.events - x.events);
}

function legend(): HTMLElement {
  const stops = [-10, -6, -3, 0, 3, 6, 10].map((x, i, arr) => `${intensityColor(x)} ${(i / (arr.length - 1)) * 100}%`).join(', ');
  return h('div', { class: 'net-legend' },
    h('div', { class: 'gradient-legend' },
      h('div', { class: 'gradient', style: `background: linear-gradient(90deg, ${stops})` }),
      h('div', { class: 'gradient-labels' }, h('span', {}, '−10 conflict'), h('span', {}, '0'), h('span', {}, '+10 cooperation'))),
    h('div', { class: 'width-legend' }, h('span', { class: 'w1' }), h('span', { class: 'w2' }), h('span', { class: 'w3' }), ' line width = events'),
  );
}

export const view: View = async (ctx) => {
  ctx.setTitle('Network');
  const everyone = ctx.params[0] === 'all';
  const [full, { actors }, cytoscapeMod] = await Promise.all([api.network(1000), api.actors(), import('cytoscape')]);
  if (!ctx.isCurrent()) return;
  const m = ctx.main;
  clear(m);
  const kind = new Map(actors.map((a) => [a.code, a.kind]));
  const keep = (id: string) => everyone || kind.get(id) === 'state';
  const net: Network = { nodes: full.nodes.filter((n) => keep(n.id)), edges: full.edges.filter((e) => keep(e.source) && keep(e.target)) };
  const links = undirected(net);
  const linkedCount = new Set(links.flatMap((l) => [l.a, l.b])).size;
  const toggle = h('div', { class: 'segmented', role: 'group', 'aria-label': 'Which actors' },
    h('a', { href: '#/network', class: everyone ? '' : 'on', 'aria-current': everyone ? null : 'true' }, 'States'),
    h('a', { href: '#/network/all', class: everyone ? 'on' : '', 'aria-current': everyone ? 'true' : null }, 'All actors'));
  m.append(pageHead(everyone ? 'Network of actors' : 'Network of states',
    `${fmtInt(linkedCount)} ${everyone ? 'actors' : 'states'} and ${fmtInt(links.length)} linked pairs. Click a node for its page, a line for the dyad.`, toggle));
  if (links.length === 0) {
    m.append(empty(full.edges.length ? 'No interactions between states yet: show all actors instead.' : 'No interactions between actors yet: ingest some articles first.',
      full.edges.length ? h('a', { class: 'button', href: '#/network/all' }, 'All actors') : h('a', { class: 'button primary', href: '#/ingest' }, 'Ingest articles')));
    return;
  }
  const box = h('div', { class: 'cy', role: 'img', 'aria-label': 'Network graph of actors' });
  const linked = new Set(links.flatMap((l) => [l.a, l.b]));
  const nodes = net.nodes.filter((n) => linked.has(n.id));
  const maxN = Math.max(...nodes.map((n) => n.events));
  const labels = new Map(net.nodes.map((n) => [n.id, n.label]));
  const label = (id: string) => labels.get(id) ?? id;
  const maxE = Math.max(...links.map((l) => l.events));
  m.append(
    h('section', { class: 'panel flush' }, box, legend()),
    panel('Strongest links', h('table', { class: 'table links' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Pair'), h('th', { class: 'num' }, 'Events'), h('th', { class: 'num' }, 'Intensity'))),
      h('tbody', {}, links.slice(0, 12).map((l) => h('tr', {},
        h('td', {}, h('a', { href: href.dyad(l.a, l.b), class: 'dyad-link' }, label(l.a), h('span', { class: 'arrow' }, '⇄'), label(l.b))),
        h('td', { class: 'num' }, fmtInt(l.events)),
        h('td', { class: 'num' }, intensityChip(l.intensity))))))),
  );
  const cytoscape = cytoscapeMod.default;
  const narrow = box.clientWidth < 600;
  const cy = cytoscape({
    container: box,
    elements: [
      ...nodes.map((n) => ({ data: { id: n.id, label: n.label, size: 14 + 34 * Math.sqrt(n.events / maxN) } })),
      ...links.map((l) => ({
        data: { id: `${l.a}|${l.b}`, source: l.a, target: l.b, w: 1.2 + 9 * Math.sqrt(l.events / maxE), color: intensityColor(l.intensity), tip: `${l.a} ⇄ ${l.b}: ${l.events} events, intensity ${fmtSigned(l.intensity)}` },
      })),
    ],
    style: [
      { selector: 'node', style: {
        width: 'data(size)', height: 'data(size)', 'background-color': '#2b3a4b', label: 'data(label)',
        color: '#1b2430', 'font-size': narrow ? 10 : 11, 'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        'text-valign': 'bottom', 'text-margin-y': 4, 'text-outline-color': '#ffffff', 'text-outline-width': 2.5, 'border-width': 2, 'border-color': '#ffffff',
      } },
      { selector: 'edge', style: { width: 'data(w)', 'line-color': 'data(color)', 'curve-style': 'bezier', opacity: 0.85 } },
      { selector: 'node:active, node:selected', style: { 'background-color': '#0f5c8a' } },
      { selector: '.faded', style: { opacity: 0.15 } },
    ],
    layout: { name: 'cose', animate: false, nodeRepulsion: () => 9000, idealEdgeLength: () => (narrow ? 50 : 80), padding: 24, randomize: false },
    wheelSensitivity: 0.3,
    minZoom: 0.3,
    maxZoom: 3,
  });
  cy.on('tap', 'node', (e) => { location.hash = href.actor(e.target.id()); });
  cy.on('tap', 'edge', (e) => { location.hash = href.dyad(e.target.data('source'), e.target.data('target')); });
  cy.on('mouseover', 'node', (e) => {
    const n = e.target;
    cy.elements().not(n.closedNeighborhood()).addClass('faded');
    box.title = `${n.data('label')} (${n.id()})`;
  });
  cy.on('mouseover', 'edge', (e) => { box.title = e.target.data('tip'); });
  cy.on('mouseout', () => { cy.elements().removeClass('faded'); box.title = ''; });
  box.dataset.nodes = String(cy.nodes().length);
  box.dataset.edges = String(cy.edges().length);
};
