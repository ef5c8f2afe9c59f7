/**
 * One palette for the whole dashboard: the four quad classes (cooperation in blues, conflict in
 * amber/red) and a diverging intensity scale from red (−10, conflict) through grey to blue (+10).
 */
import type { PloverType, Quad } from './api.ts';
import plover from '../../data/ontology/plover.json';

export const QUADS: readonly Quad[] = ['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'];

export const QUAD_COLOR: Record<Quad, string> = {
  verbal_cooperation: '#6aa5d8',
  material_cooperation: '#1f5b96',
  verbal_conflict: '#e8a04b',
  material_conflict: '#c33c2c',
};

export const QUAD_LABEL: Record<Quad, string> = {
  verbal_cooperation: 'Verbal cooperation',
  material_cooperation: 'Material cooperation',
  verbal_conflict: 'Verbal conflict',
  material_conflict: 'Material conflict',
};

/** PLOVER type → quad class, read from the ontology the extractor uses (data/ontology/plover.json). */
export const TYPE_QUAD = Object.fromEntries(
  Object.entries(plover.types).map(([type, def]) => [type, (def as { quad: Quad }).quad]),
) as Record<PloverType, Quad>;

/** Types in ontology order, cooperation first. */
export const TYPE_ORDER = Object.keys(plover.types) as PloverType[];

const STOPS: Array<[number, [number, number, number]]> = [
  [-10, [165, 30, 38]],
  [-5, [214, 96, 77]],
  [-1.5, [236, 178, 160]],
  [0, [190, 196, 204]],
  [1.5, [160, 196, 226]],
  [5, [67, 140, 196]],
  [10, [24, 76, 140]],
];

/** Intensity (−10 … +10) → CSS colour on the red–grey–blue diverging scale. */
export function intensityColor(x: number): string {
  const v = Math.max(-10, Math.min(10, Number.isFinite(x) ? x : 0));
  for (let i = 1; i < STOPS.length; i++) {
    const [x1, c1] = STOPS[i]!;
    const [x0, c0] = STOPS[i - 1]!;
    if (v <= x1) {
      const t = (v - x0) / (x1 - x0);
      const c = c0.map((a, k) => Math.round(a + (c1[k]! - a) * t));
      return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
    }
  }
  return 'rgb(24, 76, 140)';
}

/** Readable label of an intensity value. */
export function intensityWord(x: number): string {
  if (x <= -6) return 'hostile';
  if (x <= -2) return 'tense';
  if (x < 2) return 'mixed';
  if (x < 6) return 'cooperative';
  return 'close';
}
