/**
 * Article view: the clean text with actor mentions underlined and event sentences tinted by quad
 * class (trigger in bold). Hovering shows the event's type, source → target, date and rule.
 */
import { ApiError, api, type ArticleActorView, type ArticleDetail, type ArticleEventView } from '../api.ts';
import { clear, fmtDate, fmtSigned, h } from '../dom.ts';
import { empty, href, intensityChip, pageHead, panel, typeTag } from '../components.ts';
import { QUAD_COLOR, QUAD_LABEL } from '../colors.ts';
import type { View } from '../view.ts';

interface Piece {
  start: number;
  end: number;
  events: number[];
  trigger: boolean;
  actor: number | null;
}

/** Cut the text at every span edge; each piece knows its events, trigger flag and actor. */
export function pieces(a: ArticleDetail): Piece[] {
  const n = a.text.length;
  const clamp = (x: number) => Math.max(0, Math.min(n, x));
  const triggers = a.events.map((e) => {
    const [s0, s1] = [clamp(e.span[0]), clamp(e.span[1])];
    const i = e.trigger ? a.text.slice(s0, s1).toLowerCase().indexOf(e.trigger.toLowerCase()) : -1;
    return i < 0 ? null : [s0 + i, s0 + i + e.trigger.length] as [number, number];
  });
  const cuts = new Set<number>([0, n]);
  a.events.forEach((e, i) => {
    cuts.add(clamp(e.span[0])).add(clamp(e.span[1]));
    const t = triggers[i];
    if (t) cuts.add(t[0]).add(t[1]);
  });
  for (const act of a.actors) for (const [x, y] of act.spans) cuts.add(clamp(x)).add(clamp(y));
  const sorted = [...cuts].sort((x, y) => x - y);
  const out: Piece[] = [];
  for (let k = 0; k + 1 < sorted.length; k++) {
    const start = sorted[k]!;
    const end = sorted[k + 1]!;
    if (end <= start) continue;
    const events: number[] = [];
    let trigger = false;
    a.events.forEach((e, i) => {
      if (e.span[0] <= start && end <= e.span[1]) {
        events.push(i);
        const t = triggers[i];
        if (t && t[0] <= start && end <= t[1]) trigger = true;
      }
    });
    const actor = a.actors.findIndex((act) => act.spans.some(([x, y]) => x <= start && end <= y));
    out.push({ start, end, events, trigger, actor: actor < 0 ? null : actor });
  }
  return out;
}

function eventTip(e: ArticleEventView): HTMLElement {
  return h('div', { class: 'tip-event' },
    h('div', { class: 'tip-head' }, typeTag(e.type, e.quad), h('span', { class: 'tip-parties' }, `${e.source.name} → ${e.target.name}`)),
    h('dl', {},
      h('dt', {}, 'Date'), h('dd', {}, fmtDate(e.date)),
      h('dt', {}, 'Class'), h('dd', {}, `${QUAD_LABEL[e.quad]} · CAMEO ${e.cameo} · intensity ${fmtSigned(e.intensity)}`),
      h('dt', {}, 'Trigger'), h('dd', {}, `“${e.trigger}”`),
      h('dt', {}, 'Rule'), h('dd', { class: 'mono' }, e.rule)));
}

function actorTip(x: ArticleActorView): HTMLElement {
  return h('div', { class: 'tip-actor' }, h('b', {}, x.name), ' ', h('span', { class: 'code' }, x.code),
    h('div', { class: 'muted' }, [x.kind, x.sector, x.role].filter(Boolean).join(' · ')));
}

function renderText(a: ArticleDetail, tip: HTMLElement): HTMLElement {
  const body = h('div', { class: 'article-text' });
  for (const p of pieces(a)) {
    const text = a.text.slice(p.start, p.end);
    if (p.events.length === 0 && p.actor === null) {
      body.append(text);
      continue;
    }
    const ev = p.events.length ? a.events[p.events[0]!]! : null;
    const span = h('span', {
      class: [ev ? 'ev' : '', p.trigger ? 'trig' : '', p.actor !== null ? 'act' : ''].filter(Boolean).join(' '),
      style: ev ? `--q: ${QUAD_COLOR[ev.quad]}` : null,
      'data-events': p.events.length ? p.events.join(',') : null,
      'data-actor': p.actor ?? null,
    }, text);
    body.append(span);
  }
  const show = (target: HTMLElement, x: number, y: number) => {
    clear(tip);
    const evIdx = target.closest<HTMLElement>('[data-events]')?.dataset.events;
    const actIdx = target.closest<HTMLElement>('[data-actor]')?.dataset.actor;
    if (actIdx !== undefined) tip.append(actorTip(a.actors[Number(actIdx)]!));
    if (evIdx) for (const i of evIdx.split(',')) tip.append(eventTip(a.events[Number(i)]!));
    if (!tip.firstChild) return hide();
    tip.hidden = false;
    const r = tip.getBoundingClientRect();
    const left = Math.min(window.innerWidth - r.width - 8, Math.max(8, x - r.width / 2));
    const top = y + 18 + r.height > window.innerHeight ? y - r.height - 12 : y + 18;
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  };
  const hide = () => { tip.hidden = true; };
  body.addEventListener('mouseover', (e) => {
    const t = e.target as HTMLElement;
    if (t.closest('[data-events], [data-actor]')) show(t, (e as MouseEvent).clientX, (e as MouseEvent).clientY);
    else hide();
  });
  body.addEventListener('mouseleave', hide);
  // touch screens: a tap shows the same card
  body.addEventListener('click', (e) => {
    const t = e.target as HTMLElement;
    if (t.closest('[data-events], [data-actor]')) show(t, e.clientX, e.clientY);
    else hide();
  });
  return body;
}

function setFocus(body: HTMLElement, i: number | null): void {
  for (const el of body.querySelectorAll<HTMLElement>('[data-events]')) {
    el.classList.toggle('focus', i !== null && el.dataset.events!.split(',').includes(String(i)));
  }
}

export const view: View = async (ctx) => {
  const doc = ctx.params.join('/');
  const m = ctx.main;
  let a: ArticleDetail;
  try {
    a = await api.article(doc);
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 404) throw err;
    clear(m);
    m.append(pageHead('Article not found'), empty(`No article with id “${doc}” in this store.`, h('a', { class: 'button', href: '#/search' }, 'Search articles')));
    return;
  }
  if (!ctx.isCurrent()) return;
  ctx.setTitle(a.title ?? a.doc);
  const tip = h('div', { class: 'tooltip', role: 'tooltip', hidden: true });
  const body = renderText(a, tip);
  const meta = [a.source, a.published ? fmtDate(a.published) : null, a.language ? a.language.toUpperCase() : null].filter(Boolean).join(' · ');
  const actors = [...a.actors].sort((x, y) => y.spans.length - x.spans.length);
  clear(m);
  m.append(
    pageHead(a.title ?? a.doc, [meta, a.url && /^https?:\/\//.test(a.url) ? h('a', { href: a.url, class: 'external', target: '_blank', rel: 'noopener noreferrer' }, ' original ↗') : null]),
    h('div', { class: 'article-layout' },
      h('section', { class: 'panel article-panel' },
        h('div', { class: 'article-key' },
          h('span', {}, h('span', { class: 'key-ev' }, 'tinted'), ' event sentence'),
          h('span', {}, h('span', { class: 'key-trig' }, 'bold'), ' trigger'),
          h('span', {}, h('span', { class: 'key-act' }, 'underlined'), ' actor'),
          h('span', { class: 'muted' }, 'hover for the rule')),
        body),
      h('aside', { class: 'article-side' },
        panel(`Events (${a.events.length})`, a.events.length === 0 ? empty('No events were coded in this article.') :
          h('ol', { class: 'side-events' }, a.events.map((e, i) => h('li', {
            tabindex: 0, 'data-event-index': i,
            onmouseenter: () => setFocus(body, i), onmouseleave: () => setFocus(body, null),
            onfocus: () => setFocus(body, i), onblur: () => setFocus(body, null),
            onclick: () => [...body.querySelectorAll<HTMLElement>('[data-events]')].find((el) => el.dataset.events!.split(',').includes(String(i)))?.scrollIntoView({ block: 'center', behavior: 'smooth' }),
          },
          h('div', { class: 'side-event-head' }, typeTag(e.type, e.quad), intensityChip(e.intensity, 'Intensity')),
          h('div', {}, h('a', { href: href.actor(e.source.code) }, e.source.name), h('span', { class: 'arrow' }, '→'), h('a', { href: href.actor(e.target.code) }, e.target.name)),
          h('div', { class: 'muted small' }, fmtDate(e.date), ' · ', h('span', { class: 'mono' }, e.rule)))))),
        panel(`Actors (${a.actors.length})`, a.actors.length === 0 ? empty('No actors recognised.') :
          h('ul', { class: 'chips' }, actors.map((x) => h('li', { class: 'chip' },
            h('a', { href: href.actor(x.code) }, x.name), h('span', { class: 'muted' }, ` ${x.code} · ${x.spans.length}×`))))),
        a.errors.length ? panel('Warnings', h('ul', { class: 'warnings' }, a.errors.map((e) => h('li', {}, h('code', {}, e.code), ' ', e.message)))) : null,
        h('p', { class: 'muted small doc-id' }, 'Document ', h('code', {}, a.doc)),
      ),
    ),
    tip,
  );
};
