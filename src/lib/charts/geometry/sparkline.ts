/**
 * A watch-list sparkline: a customer's scores (0–10) over the waves they answered, in a 60 × 16
 * box (x 0–60, y 2–18 with 10 at the top). d3 computes the geometry; the component draws it.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { categoryOf, type Category } from '../../engine/nps';

export interface Sparkline {
  path: string;
  points: Array<{ x: number; y: number; category: Category }>;
}

export function sparkline(scores: readonly number[]): Sparkline {
  const x = scaleLinear().domain([0, Math.max(1, scores.length - 1)]).range([0, 60]);
  const y = scaleLinear().domain([0, 10]).range([18, 2]);
  const points = scores.map((s, i) => ({ x: x(i), y: y(s), category: categoryOf(s) }));
  return { path: line<{ x: number; y: number }>((p) => p.x, (p) => p.y)(points) ?? '', points };
}
