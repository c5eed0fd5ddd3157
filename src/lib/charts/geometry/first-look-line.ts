/**
 * The first look's line: NPS by month over the months read, months apart as the calendar puts
 * them (a month without answers is a gap, not a neighbour). Months with fewer than `minN`
 * answers are marked thin (drawn hollow) and left out of the line, so one noisy month does not
 * draw a spike; the scale still holds them, so every point is on the chart. d3 computes;
 * FirstLook.svelte draws.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { FirstLookSummary } from '../../engine/first-look';

export interface FirstLookLine {
  path: string;
  points: Array<{ x: number; y: number; iso: string; n: number; nps: number; thin: boolean }>;
  /** The zero line's y, or null when 0 is outside the drawn range. */
  zero: number | null;
  yTicks: Array<{ value: number; y: number }>;
}

export function firstLookLine(months: FirstLookSummary['months'], width: number, height: number, minN = 30): FirstLookLine {
  const shown = months.filter((m): m is typeof m & { nps: number } => m.nps !== null);
  const first = shown[0]?.month ?? 0, last = shown[shown.length - 1]?.month ?? 1;
  const x = scaleLinear().domain([first, Math.max(last, first + 1)]).range([0, width]);
  const values = shown.map((m) => m.nps);
  const low = Math.min(0, ...values), high = Math.max(0, ...values);
  // At least 20 points of range, so a flat line is not magnified into drama.
  const pad = Math.max(5, (20 - (high - low)) / 2);
  const y = scaleLinear().domain([Math.max(-100, low - pad), Math.min(100, high + pad)]).range([height, 0]).nice(4);
  const points = shown.map((m) => ({ x: x(m.month), y: y(m.nps), iso: m.iso, n: m.n, nps: m.nps, thin: m.n < minN }));
  // A gap in the months (or a thin month) breaks the line.
  const path = line<(typeof points)[number]>((p) => p.x, (p) => p.y).defined((p) => !p.thin)(
    points.flatMap((p, i) => (i > 0 && shown[i].month - shown[i - 1].month > 1 ? [{ ...p, thin: true }, p] : [p])),
  ) ?? '';
  const [d0, d1] = y.domain();
  return { path, points, zero: d0 <= 0 && d1 >= 0 ? y(0) : null, yTicks: y.ticks(4).map((value) => ({ value, y: y(value) })) };
}
