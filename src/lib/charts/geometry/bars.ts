/**
 * Layout for the overview's two charts, computed apart from rendering so it can be tested:
 * a stacked 100% bar of the three categories and a 0–10 histogram.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { max } from 'd3-array';
import { categoryOf, type Category, type CategoryCounts } from '../../engine/nps';

export interface StackSegment {
  category: Category;
  count: number;
  share: number;
  x: number;
  width: number;
}

export function stackCategories(counts: CategoryCounts, width: number): StackSegment[] {
  const total = counts.promoters + counts.passives + counts.detractors;
  const x = scaleLinear().domain([0, total || 1]).range([0, width]);
  const order: Array<[Category, number]> = [
    ['detractor', counts.detractors],
    ['passive', counts.passives],
    ['promoter', counts.promoters],
  ];
  let at = 0;
  return order.map(([category, count]) => {
    const segment = { category, count, share: total ? count / total : 0, x: x(at), width: x(at + count) - x(at) };
    at += count;
    return segment;
  });
}

export interface HistogramBar {
  score: number;
  count: number;
  category: Category;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface HistogramLayout {
  bars: HistogramBar[];
  ticks: Array<{ value: number; y: number }>;
}

export function histogram(distribution: readonly number[], width: number, height: number): HistogramLayout {
  const x = scaleBand<number>().domain(distribution.map((_, s) => s)).range([0, width]).padding(0.15);
  const y = scaleLinear().domain([0, max(distribution) || 1]).nice().range([height, 0]);
  return {
    bars: distribution.map((count, score) => ({
      score,
      count,
      category: categoryOf(score),
      x: x(score) ?? 0,
      y: y(count),
      width: x.bandwidth(),
      height: height - y(count),
    })),
    ticks: y.ticks(4).map((value) => ({ value, y: y(value) })),
  };
}
