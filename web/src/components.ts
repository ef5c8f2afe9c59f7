/** Shared pieces of the dashboard: event rows, chips, stat cards, empty/loading/error states. */
import type { Child } from './dom.ts';
import { append, clear, fmtDate, fmtInt, fmtSigned, h } from './dom.ts';
import { api, type MentionView, type PloverType, type Quad, type StoredEvent } from './api.ts';
import { QUAD_COLOR, QUAD_LABEL, QUADS, TYPE_QUAD, intensityColor } from './colors.ts';

export const href = {
  overview: () => '#/',
  dyad: (a: string, b: string) => `#/dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}`,
  actor: (code: string) => `#/actor/${encodeURIComponent(code)}`,
  article: (doc: string) => `#/article/${encodeURIComponent(doc)}`,
  search: (q: string) => `#/search/${encodeURIComponent(q)}`,
};

export function typeTag(type: PloverType, quad: Quad = TYPE_QUAD[type]): HTMLElement {
  return h('span', { class: 'type-tag', style: `--q: ${QUAD_COLOR[quad]}`, title: QUAD_LABEL[quad] }, type);
}

export function intensityChip(x: number, title = 'Mean intensity (−10 conflict … +10 cooperation)'): HTMLElement {
  return h('span', { class: 'intensity', title },
    h('span', { class: 'dot', style: `background: ${intensityColor(x)}` }), fmtSigned(x));
}

export function actorLink(code: string, label: string): HTMLElement {
  return h('a', { class: 'actor-link', href: href.actor(code), title: code }, label);
}

/** A party of an event: its surface name (a person, a body or the state) and its actor code. */
function party(p: { code: string; name: string }): HTMLElement {
  return h('span', { class: 'party' }, actorLink(p.code, p.name), ' ', h('span', { class: 'code' }, p.code));
}

/** The evidence sentence with its trigger marked. */
export function evidence(sentence: string, trigger: string): HTMLElement {
  const i = trigger ? sentence.toLowerCase().indexOf(trigger.toLowerCase()) : -1;
  if (i < 0) return h('p', { class: 'evidence' }, sentence);
  return h('p', { class: 'evidence' }, sentence.slice(0, i), h('mark', {}, sentence.slice(i, i + trigger.length)), sentence.slice(i + trigger.length));
}

export function eventRow(e: StoredEvent): HTMLElement {
  const art = e.evidence.article;
  return h('article', { class: 'event', style: `--q: ${QUAD_COLOR[e.quad]}`, 'data-event': e.id },
    h('div', { class: 'event-head' },
      typeTag(e.type, e.quad),
      h('span', { class: 'parties' }, party(e.source), h('span', { class: 'arrow', 'aria-label': 'to' }, '→'), party(e.target)),
      h('span', { class: 'spacer' }),
      h('time', { class: 'date' }, fmtDate(e.date)),
      intensityChip(e.intensity, 'Intensity (−10 conflict … +10 cooperation)'),
    ),
    evidence(e.evidence.sentence, e.evidence.trigger),
    h('div', { class: 'event-foot' },
      h('a', { href: href.article(art.doc), class: 'article-link' }, art.title ?? art.doc),
      art.source ? h('span', { class: 'muted' }, art.source) : null,
      e.num_mentions > 1 ? mentionsToggle(e) : null,
      art.url && /^https?:\/\//.test(art.url) ? h('a', { href: art.url, class: 'external', target: '_blank', rel: 'noopener noreferrer' }, 'original ↗') : null,
      h('span', { class: 'rule', title: 'Rule that coded this event' }, e.evidence.rule),
    ),
  );
}

function mentionRow(m: MentionView): HTMLElement {
  return h('li', { class: 'mention' },
    evidence(m.sentence, m.trigger),
    h('div', { class: 'event-foot' },
      h('a', { href: href.article(m.article.doc), class: 'article-link' }, m.article.title ?? m.article.doc),
      m.article.source ? h('span', { class: 'muted' }, m.article.source) : null,
      m.date ? h('span', { class: 'muted' }, fmtDate(m.date)) : null,
      h('span', { class: 'rule' }, m.rule)));
}

/** "N mentions" under an event: loads and lists every evidence sentence of the merged event. */
function mentionsToggle(e: StoredEvent): HTMLElement {
  const label = `${e.num_mentions} mentions${e.num_articles > 1 ? ` in ${e.num_articles} articles` : ''}`;
  const btn = h('button', { type: 'button', class: 'link-button', 'aria-expanded': 'false' }, label);
  btn.addEventListener('click', async () => {
    const row = btn.closest('.event')!;
    const open = row.querySelector('.mentions');
    if (open) {
      open.remove();
      btn.setAttribute('aria-expanded', 'false');
      return;
    }
    btn.setAttribute('aria-expanded', 'true');
    const list = h('ol', { class: 'mentions' }, h('li', { class: 'muted small' }, 'Loading mentions…'));
    row.append(list);
    try {
      const { mentions } = await api.mentions(e.id);
      clear(list);
      append(list, [mentions.map(mentionRow)]);
    } catch (err) {
      clear(list);
      list.append(h('li', {}, errorBox(err)));
    }
  });
  return btn;
}

/** Events, `pageSize` at a time, with a button for the next page. */
export function eventList(events: StoredEvent[], emptyText: string, pageSize = 20): HTMLElement {
  if (events.length === 0) return empty(emptyText);
  const list = h('div', { class: 'event-list' }, events.slice(0, pageSize).map(eventRow));
  if (events.length <= pageSize) return list;
  const shown = { n: pageSize };
  const more = h('button', { type: 'button', class: 'button more' });
  const label = () => {
    const left = events.length - shown.n;
    more.textContent = left <= pageSize ? `Show the other ${fmtInt(left)}` : `Show ${pageSize} more (${fmtInt(left)} left)`;
  };
  label();
  more.addEventListener('click', () => {
    append(list, [events.slice(shown.n, shown.n + pageSize).map(eventRow)]);
    shown.n += pageSize;
    if (shown.n >= events.length) more.remove();
    else label();
  });
  return h('div', {}, list, more);
}

export function statCard(label: string, value: number, note?: Child): HTMLElement {
  return h('div', { class: 'stat' }, h('div', { class: 'stat-value' }, fmtInt(value)), h('div', { class: 'stat-label' }, label), note ? h('div', { class: 'stat-note' }, note) : null);
}

export function panel(title: Child, ...body: Child[]): HTMLElement {
  return h('section', { class: 'panel' }, h('header', { class: 'panel-head' }, h('h2', {}, title)), ...body);
}

export function empty(text: Child, action?: Child): HTMLElement {
  return h('div', { class: 'empty' },
    h('div', { class: 'empty-icon', 'aria-hidden': 'true' }, '◌'),
    h('p', {}, text), action ?? null);
}

export function loading(lines = 4): HTMLElement {
  return h('div', { class: 'loading', 'aria-busy': 'true', 'aria-label': 'Loading' },
    Array.from({ length: lines }, (_, i) => h('div', { class: 'skeleton', style: `width: ${92 - ((i * 17) % 40)}%` })));
}

export function errorBox(err: unknown): HTMLElement {
  const msg = err instanceof Error ? err.message : String(err);
  return h('div', { class: 'error-box', role: 'alert' }, h('strong', {}, 'Could not load this view. '), msg);
}

/** A horizontal bar split by quad class. */
export function quadBar(quads: Record<Quad, number>): HTMLElement {
  const total = QUADS.reduce((n, q) => n + quads[q], 0);
  return h('div', { class: 'quad-bar', role: 'img', 'aria-label': QUADS.map((q) => `${QUAD_LABEL[q]} ${quads[q]}`).join(', ') },
    total === 0 ? h('div', { class: 'quad-seg', style: 'flex: 1; background: var(--line)' }) :
      QUADS.filter((q) => quads[q] > 0).map((q) => h('div', { class: 'quad-seg', style: `flex: ${quads[q]}; background: ${QUAD_COLOR[q]}`, title: `${QUAD_LABEL[q]}: ${quads[q]}` })));
}

export function quadLegend(quads?: Record<Quad, number>): HTMLElement {
  return h('ul', { class: 'legend' }, QUADS.map((q) => h('li', {},
    h('span', { class: 'swatch', style: `background: ${QUAD_COLOR[q]}` }), QUAD_LABEL[q], quads ? h('span', { class: 'muted' }, ` ${fmtInt(quads[q])}`) : null)));
}

export function countQuads(events: Array<{ quad: Quad }>): Record<Quad, number> {
  const out: Record<Quad, number> = { verbal_cooperation: 0, material_cooperation: 0, verbal_conflict: 0, material_conflict: 0 };
  for (const e of events) out[e.quad]++;
  return out;
}

export function pageHead(title: Child, sub?: Child, actions?: Child): HTMLElement {
  return h('div', { class: 'page-head' },
    h('div', {}, h('h1', {}, title), sub ? h('p', { class: 'page-sub' }, sub) : null),
    actions ? h('div', { class: 'page-actions' }, actions) : null);
}

/** A number with a small proportional bar before it (table cells). */
export function barCell(value: number, max: number): Child[] {
  return [
    h('span', { class: 'mini-bar', 'aria-hidden': 'true' }, h('span', { style: `width: ${max > 0 ? (value / max) * 100 : 0}%` })),
    h('span', { class: 'num-val' }, fmtInt(value)),
  ];
}
