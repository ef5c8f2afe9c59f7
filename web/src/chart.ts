/**
 * Monthly series chart: events per month stacked by quad class (top) and mean intensity per
 * month on the red–blue scale around zero (bottom). Months without events are kept as gaps so
 * time reads evenly. Redraws itself when its container changes width.
 */
import { scaleBand, scaleLinear } from 'd3';
import { fmtDate, fmtMonthShort, fmtSigned, h, s, clear } from './dom.ts';
import type { PloverType, Quad } from './api.ts';
import { QUAD_COLOR, QUAD_LABEL, QUADS, TYPE_ORDER, TYPE_QUAD, intensityColor } from './colors.ts';
import { empty } from './components.ts';

export interface SeriesPoint {
  period: string;
  quads: Record<Quad, number>;
  intensity: number;
  events: number;
}

const monthIndex = (key: string): number => Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;

/** Points of the last `maxMonths` months (ending at the newest), and how many events fall before. */
export function recentWindow(points: SeriesPoint[], maxMonths = 36): { points: SeriesPoint[]; omitted: number; before: string | null } {
  const months = points.filter((p) => /^\d{4}-\d{2}$/.test(p.period)).sort((a, b) => a.period.localeCompare(b.period));
  if (months.length === 0) return { points: [], omitted: 0, before: null };
  const cutoff = monthIndex(months.at(-1)!.period) - maxMonths + 1;
  const kept = months.filter((p) => monthIndex(p.period) >= cutoff);
  const omitted = months.filter((p) => monthIndex(p.period) < cutoff).reduce((n, p) => n + p.events, 0);
  return { points: kept, omitted, before: omitted ? kept[0]!.period : null };
}

/** Every month from the first to the last period (YYYY-MM), missing ones empty. */
export function fillMonths(points: SeriesPoint[]): Array<SeriesPoint | { period: string; events: 0 }> {
  const months = points.filter((p) => /^\d{4}-\d{2}$/.test(p.period)).sort((a, b) => a.period.localeCompare(b.period));
  if (months.length === 0) return [];
  const byKey = new Map(months.map((p) => [p.period, p]));
  const [y0, m0] = months[0]!.period.split('-').map(Number) as [number, number];
  const [y1, m1] = months.at(-1)!.period.split('-').map(Number) as [number, number];
  const out: Array<SeriesPoint | { period: string; events: 0 }> = [];
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? (y++, (m = 1)) : m++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(byKey.get(key) ?? { period: key, events: 0 });
  }
  return out;
}

/** Monthly points from a list of events with `date` (day keys), `quad` and `intensity`. */
export function monthlySeries(events: Array<{ date: string | null; quad: Quad; intensity: number }>): SeriesPoint[] {
  const acc = new Map<string, SeriesPoint & { sum: number }>();
  for (const e of events) {
    const m = e.date && /^(\d{4}-\d{2})/.exec(e.date);
    if (!m) continue;
    let p = acc.get(m[1]!);
    if (!p) acc.set(m[1]!, (p = { period: m[1]!, quads: { verbal_cooperation: 0, material_cooperation: 0, verbal_conflict: 0, material_conflict: 0 }, intensity: 0, events: 0, sum: 0 }));
    p.quads[e.quad]++;
    p.events++;
    p.sum += e.intensity;
  }
  return [...acc.values()].map(({ sum, ...p }) => ({ ...p, intensity: Math.round((sum / p.events) * 100) / 100 }));
}

function draw(root: HTMLElement, data: ReturnType<typeof fillMonths>, width: number, gutter: boolean): void {
  clear(root);
  const W = Math.max(300, width);
  const compact = W < 560;
  const m = { l: gutter ? (compact ? 86 : 104) : 34, r: 10, t: 10 };
  const hBars = compact ? 130 : 170;
  const gap = 34;
  const hInt = compact ? 64 : 78;
  const H = m.t + hBars + gap + hInt + 26;
  const maxStep = 56;
  const inner = W - m.l - m.r;
  const used = Math.min(inner, data.length * maxStep);
  const x0r = m.l + (inner - used) / 2;
  const x = scaleBand<string>().domain(data.map((d) => d.period)).range([x0r, x0r + used]).padding(0.22);
  const maxN = Math.max(1, ...data.map((d) => d.events));
  const y = scaleLinear().domain([0, maxN]).nice().range([m.t + hBars, m.t]);
  const yI0 = m.t + hBars + gap;
  const yi = scaleLinear().domain([-10, 10]).range([yI0 + hInt, yI0]);
  const svg = s('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': 'Events per month by quad class, and mean intensity per month' });

  // grid and axes
  const ticks = y.ticks(Math.min(4, maxN));
  for (const t of ticks) {
    svg.append(s('line', { x1: m.l, x2: W - m.r, y1: y(t), y2: y(t), class: t === 0 ? 'axis-line' : 'grid' }));
    svg.append(s('text', { x: m.l - 6, y: y(t), class: 'tick', 'text-anchor': 'end', 'dominant-baseline': 'middle' }, String(t)));
  }
  svg.append(s('text', { x: m.l, y: yI0 - 10, class: 'chart-label' }, 'Mean intensity'));
  for (const t of [-10, 0, 10]) {
    svg.append(s('line', { x1: m.l, x2: W - m.r, y1: yi(t), y2: yi(t), class: t === 0 ? 'axis-line' : 'grid' }));
    svg.append(s('text', { x: m.l - 6, y: yi(t), class: 'tick', 'text-anchor': 'end', 'dominant-baseline': 'middle' }, t > 0 ? `+${t}` : String(t)));
  }

  const bw = x.bandwidth();
  const every = Math.max(1, Math.ceil(data.length / Math.floor((W - m.l - m.r) / (compact ? 52 : 60))));
  data.forEach((d, i) => {
    const x0 = x(d.period)!;
    const g = s('g', { class: 'bar', 'data-period': d.period });
    if ('quads' in d) {
      let acc = 0;
      for (const q of QUADS) {
        const n = d.quads[q];
        if (!n) continue;
        g.append(s('rect', { x: x0, width: bw, y: y(acc + n), height: Math.max(0, y(acc) - y(acc + n)), fill: QUAD_COLOR[q] }));
        acc += n;
      }
      const yv = yi(d.intensity);
      const y0 = yi(0);
      g.append(s('rect', { x: x0, width: bw, y: Math.min(yv, y0), height: Math.max(1.5, Math.abs(y0 - yv)), fill: intensityColor(d.intensity), rx: 1 }));
      const lines = [`${fmtDate(d.period)}: ${d.events} event${d.events === 1 ? '' : 's'}`, ...QUADS.filter((q) => d.quads[q]).map((q) => `${QUAD_LABEL[q]}: ${d.quads[q]}`), `Mean intensity ${fmtSigned(d.intensity)}`];
      g.append(s('title', {}, lines.join('\n')));
      // a full-height hover target
      g.append(s('rect', { x: x0 - 2, width: bw + 4, y: m.t, height: H - m.t - 26, fill: 'transparent', class: 'hover-target' }));
    }
    svg.append(g);
    if (i % every === 0) svg.append(s('text', { x: x0 + bw / 2, y: H - 8, class: 'tick', 'text-anchor': 'middle' }, fmtMonthShort(d.period)));
  });
  root.append(svg);
}

/** `gutter`: leave the left margin of typeMatrix, so months line up with a matrix below. */
export function seriesChart(points: SeriesPoint[], emptyText = 'No dated events to chart yet.', gutter = false): HTMLElement {
  const win = recentWindow(points);
  const data = fillMonths(win.points);
  if (data.length === 0) return empty(emptyText);
  const root = h('div', { class: 'chart-wrap' });
  const note = win.omitted ? h('p', { class: 'chart-note muted small' }, `${win.omitted} earlier event${win.omitted === 1 ? '' : 's'} (before ${fmtDate(win.before)}) not shown.`) : null;
  const ro = new ResizeObserver(() => {
    if (!root.isConnected) return ro.disconnect();
    const w = Math.floor(root.clientWidth);
    if (w > 0 && Number(root.dataset.w) !== w) {
      root.dataset.w = String(w);
      draw(root, data, w, gutter);
    }
  });
  ro.observe(root);
  return note ? h('div', {}, root, note) : root;
}

export interface TypePoint {
  period: string;
  counts: Partial<Record<PloverType, number>>;
}

function drawMatrix(root: HTMLElement, months: string[], rows: PloverType[], byKey: Map<string, TypePoint>, width: number): void {
  clear(root);
  const W = Math.max(300, width);
  const compact = W < 560;
  const m = { l: compact ? 86 : 104, r: 10, t: 4 };
  const rowH = compact ? 20 : 22;
  const H = m.t + rows.length * rowH + 22;
  const inner = W - m.l - m.r;
  const used = Math.min(inner, months.length * 56);
  const x0r = m.l + (inner - used) / 2;
  const x = scaleBand<string>().domain(months).range([x0r, x0r + used]).paddingInner(0.12);
  const max = Math.max(1, ...months.flatMap((p) => rows.map((t) => byKey.get(p)?.counts[t] ?? 0)));
  const svg = s('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: 'chart matrix', role: 'img', 'aria-label': 'Events per month by PLOVER type' });
  rows.forEach((t, i) => {
    const y = m.t + i * rowH;
    const q = TYPE_QUAD[t];
    svg.append(s('rect', { x: 0, y: y + 4, width: 7, height: 7, rx: 2, fill: QUAD_COLOR[q] }));
    svg.append(s('text', { x: 12, y: y + rowH / 2, class: 'row-label', 'dominant-baseline': 'middle' }, t));
    for (const p of months) {
      const n = byKey.get(p)?.counts[t] ?? 0;
      const cx = x(p)!;
      const cell = s('rect', { x: cx, y: y + 2, width: x.bandwidth(), height: rowH - 4, rx: 2, fill: n ? QUAD_COLOR[q] : '#f1f3f6', 'fill-opacity': n ? 0.3 + 0.7 * (n / max) : 1 });
      if (n) cell.append(s('title', {}, `${t} · ${fmtDate(p)}: ${n} event${n === 1 ? '' : 's'}`));
      svg.append(cell);
      if (n && x.bandwidth() >= 16) svg.append(s('text', { x: cx + x.bandwidth() / 2, y: y + rowH / 2, class: 'cell-label', 'text-anchor': 'middle', 'dominant-baseline': 'middle', fill: n / max > 0.5 ? '#fff' : '#16202b' }, String(n)));
    }
  });
  const every = Math.max(1, Math.ceil(months.length / Math.floor(inner / (compact ? 52 : 60))));
  months.forEach((p, i) => {
    if (i % every === 0) svg.append(s('text', { x: x(p)! + x.bandwidth() / 2, y: H - 6, class: 'tick', 'text-anchor': 'middle' }, fmtMonthShort(p)));
  });
  root.append(svg);
}

/** Months × PLOVER types: how often each type occurs each month, shaded in its quad colour. */
export function typeMatrix(points: TypePoint[]): HTMLElement {
  const asSeries = points.map((p) => ({ period: p.period, events: Object.values(p.counts).reduce((a, b) => a + (b ?? 0), 0), quads: { verbal_cooperation: 0, material_cooperation: 0, verbal_conflict: 0, material_conflict: 0 }, intensity: 0 }));
  const win = recentWindow(asSeries);
  const months = fillMonths(win.points).map((p) => p.period);
  const byKey = new Map(points.map((p) => [p.period, p]));
  const rows = TYPE_ORDER.filter((t) => months.some((p) => byKey.get(p)?.counts[t]));
  if (months.length === 0 || rows.length === 0) return empty('No dated events to chart yet.');
  const root = h('div', { class: 'chart-wrap matrix-wrap' });
  const ro = new ResizeObserver(() => {
    if (!root.isConnected) return ro.disconnect();
    const w = Math.floor(root.clientWidth);
    if (w > 0 && Number(root.dataset.w) !== w) {
      root.dataset.w = String(w);
      drawMatrix(root, months, rows, byKey, w);
    }
  });
  ro.observe(root);
  return root;
}
