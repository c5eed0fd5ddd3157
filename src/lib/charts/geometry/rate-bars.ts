/**
 * Layout of rates with their intervals — churn per category, response per wave — as horizontal
 * bars: the rate as a bar from 0, the 95% interval as a whisker across it. D3's scale computes the
 * positions; the chart only draws them.
 */
import { scaleLinear } from 'd3-scale';
import type { Rate } from '../../engine/proportion';

export interface RateBarInput {
  key: string;
  label: string;
  rate: Rate;
}

export interface RateBar {
  key: string;
  label: string;
  /** Top of the row, and the bar's height within it. */
  y: number;
  height: number;
  /** The bar's length (0 without a rate) and the whisker's ends. */
  width: number;
  low: number;
  high: number;
  rate: Rate;
}

export interface RateBarsLayout {
  bars: RateBar[];
  ticks: Array<{ value: number; x: number }>;
  height: number;
}

/**
 * Rows of `rowHeight` across `width` pixels; the axis runs from 0 to the highest interval end,
 * rounded up (a churn rate of 12% is not drawn on a 0–100 axis where it would be a sliver).
 */
export function rateBars(items: readonly RateBarInput[], width: number, rowHeight = 30): RateBarsLayout {
  const top = Math.max(10, ...items.map((i) => i.rate.ci95?.[1] ?? 0));
  const x = scaleLinear().domain([0, Math.min(100, top)]).nice(5).range([0, width]);
  const height = 0.55 * rowHeight;
  return {
    bars: items.map((item, k) => ({
      key: item.key,
      label: item.label,
      y: k * rowHeight + (rowHeight - height) / 2,
      height,
      width: item.rate.rate === null ? 0 : x(item.rate.rate),
      low: item.rate.ci95 ? x(item.rate.ci95[0]) : 0,
      high: item.rate.ci95 ? x(item.rate.ci95[1]) : 0,
      rate: item.rate,
    })),
    ticks: x.ticks(5).map((value) => ({ value, x: x(value) })),
    height: items.length * rowHeight,
  };
}
