/**
 * Analytics over a Store: relations between two actors by period, the actor network over a date
 * range, the busiest dyads, recent events. Plain functions of (store, options); period bucketing
 * happens here so every dialect gives the same answer.
 */
import type { PloverType, Quad } from '../extraction.ts';
import type { DyadRow, FactGroup, FactUnit, Store, StoredEvent } from '../store/types.ts';
import { periodKey, type Period } from './period.ts';

export { periodKey, isoWeek, PERIODS, type Period } from './period.ts';

export interface RelationPoint {
  period: string;
  /** Merged events per PLOVER type. */
  counts: Partial<Record<PloverType, number>>;
  /** Events per quad class. */
  quads: Record<Quad, number>;
  /** Mean intensity over the period's events (-10 … +10). */
  intensity: number;
  /** (cooperation − conflict) / events, -1 … +1. */
  balance: number;
  events: number;
  /** Events a→b and b→a. */
  ab: number;
  ba: number;
}

export interface RelationsResult {
  a: string;
  b: string;
  by: Period;
  series: RelationPoint[];
  /** Events between the two with no date (left out of the series). */
  undated: number;
  total: { events: number; intensity: number; balance: number; counts: Partial<Record<PloverType, number>> };
}

export interface RangeOptions {
  from?: string;
  to?: string;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function emptyQuads(): Record<Quad, number> {
  return { verbal_cooperation: 0, material_cooperation: 0, verbal_conflict: 0, material_conflict: 0 };
}

function matches(code: string, country: string | null, x: string): boolean {
  return code === x || country === x;
}

interface Acc {
  counts: Partial<Record<PloverType, number>>;
  quads: Record<Quad, number>;
  sum: number;
  n: number;
  ab: number;
  ba: number;
}

function add(acc: Acc, g: FactGroup, a: string): void {
  acc.counts[g.type] = (acc.counts[g.type] ?? 0) + g.events;
  acc.quads[g.quad] = (acc.quads[g.quad] ?? 0) + g.events;
  acc.sum += g.intensity_sum;
  acc.n += g.events;
  if (matches(g.source, g.source_country, a)) acc.ab += g.events;
  else acc.ba += g.events;
}

function balanceOf(q: Record<Quad, number>, n: number): number {
  if (n === 0) return 0;
  const coop = q.verbal_cooperation + q.material_cooperation;
  const conf = q.verbal_conflict + q.material_conflict;
  return round2((coop - conf) / n);
}

/** Relations between actors `a` and `b` (codes or countries), both directions, bucketed by period. */
export async function relations(store: Store, a: string, b: string, opts: RangeOptions & { by?: Period } = {}): Promise<RelationsResult> {
  const A = a.trim().toUpperCase();
  const B = b.trim().toUpperCase();
  const by = opts.by ?? 'month';
  // counted in the store per day (weeks are made of days), month or year key, then bucketed here
  const unit: FactUnit = by === 'year' ? 'year' : by === 'month' ? 'month' : 'day';
  const groups = await store.factGroups({ pair: [A, B], ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}) }, unit);
  const buckets = new Map<string, Acc>();
  const total: Acc = { counts: {}, quads: emptyQuads(), sum: 0, n: 0, ab: 0, ba: 0 };
  let undated = 0;
  for (const f of groups) {
    add(total, f, A);
    const p = periodKey(f.key, by);
    if (p === null) {
      undated += f.events;
      continue;
    }
    let acc = buckets.get(p);
    if (!acc) buckets.set(p, (acc = { counts: {}, quads: emptyQuads(), sum: 0, n: 0, ab: 0, ba: 0 }));
    add(acc, f, A);
  }
  const series = [...buckets.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([period, s]): RelationPoint => ({
      period, counts: s.counts, quads: s.quads, intensity: round2(s.sum / s.n), balance: balanceOf(s.quads, s.n),
      events: s.n, ab: s.ab, ba: s.ba,
    }));
  return {
    a: A, b: B, by, series, undated,
    total: { events: total.n, intensity: total.n ? round2(total.sum / total.n) : 0, balance: balanceOf(total.quads, total.n), counts: total.counts },
  };
}

export interface NetworkNode {
  id: string;
  label: string;
  /** Events the actor takes part in (either side). */
  events: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  events: number;
  intensity: number;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/** The actor network over a date range: nodes with event counts, directed edges with mean intensity. */
export async function network(store: Store, opts: RangeOptions & { limit?: number } = {}): Promise<Network> {
  const dyads = await store.dyads({ ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}), limit: opts.limit ?? 1000 });
  const labels = new Map((await store.actors()).map((x) => [x.code, x.label]));
  const counts = new Map<string, number>();
  for (const d of dyads) {
    counts.set(d.source, (counts.get(d.source) ?? 0) + d.events);
    if (d.target !== d.source) counts.set(d.target, (counts.get(d.target) ?? 0) + d.events);
  }
  const nodes = [...counts.entries()]
    .map(([id, events]) => ({ id, label: labels.get(id) ?? id, events }))
    .sort((x, y) => y.events - x.events || (x.id < y.id ? -1 : 1));
  return { nodes, edges: dyads.map((d) => ({ source: d.source, target: d.target, events: d.events, intensity: d.intensity })) };
}

export interface BusyDyad extends DyadRow {
  source_label: string;
  target_label: string;
}

/** The source→target pairs with the most events in the range. */
export async function busiestDyads(store: Store, opts: RangeOptions & { limit?: number } = {}): Promise<BusyDyad[]> {
  const dyads = await store.dyads({ ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}), limit: opts.limit ?? 10 });
  const labels = new Map((await store.actors()).map((x) => [x.code, x.label]));
  return dyads.map((d) => ({ ...d, source_label: labels.get(d.source) ?? d.source, target_label: labels.get(d.target) ?? d.target }));
}

/** The newest events (by event day), with their evidence. */
export async function recentEvents(store: Store, opts: { limit?: number; actor?: string } = {}): Promise<StoredEvent[]> {
  return (await store.events({ limit: opts.limit ?? 20, ...(opts.actor ? { actor: opts.actor } : {}) })).events;
}
