/**
 * Layout of the "what to fix first" map: how often a topic is complained about (x, share of the
 * written comments) against how much lower those customers' NPS is (y, points; costlier higher).
 * The dashed curve is the fix-first line — share × cost = the topics' median points at stake — so
 * the region above and right of it is "frequent and costly", as the table says.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { labelWidth } from './text-width';

export interface ImpactInput {
  id: string;
  label: string;
  /** 0–1. */
  negativeShare: number;
  /** Points; negative = those who complain have the lower NPS. Topics without one are left out. */
  gap: number | null;
  quadrant: string;
}

export interface ImpactDot extends ImpactInput {
  x: number;
  y: number;
  /** Where the label starts, and whether it is drawn left of the dot (near the right edge). */
  labelX: number;
  labelY: number;
  anchor: 'start' | 'end';
}

export interface ImpactMap {
  dots: ImpactDot[];
  /** The fix-first line (empty when no topic has points at stake). */
  boundary: string;
  xTicks: Array<{ x: number; value: number }>;
  yTicks: Array<{ y: number; value: number }>;
}

export function impactMap(rows: readonly ImpactInput[], threshold: number, width: number, height: number): ImpactMap {
  const shown = rows.filter((r) => r.gap !== null);
  const maxShare = Math.max(0.01, ...shown.map((r) => r.negativeShare)) * 1.1;
  const costs = shown.map((r) => -r.gap!);
  const x = scaleLinear().domain([0, maxShare]).range([0, width]).nice();
  const y = scaleLinear().domain([Math.min(0, ...costs), Math.max(10, ...costs) * 1.1]).range([height, 0]).nice();
  const [, xMax] = x.domain();
  const [yMin, yMax] = y.domain();
  // share × cost = threshold, drawn where it is inside the plot.
  const curve: Array<[number, number]> = [];
  if (threshold > 0) {
    for (let k = 0; k <= 60; k++) {
      const share = threshold / yMax + ((xMax - threshold / yMax) * k) / 60;
      if (share > 0) curve.push([x(share), y(Math.max(yMin, threshold / share))]);
    }
  }
  // Labels go right of their dot (left near the right edge); one that would cover another label or
  // a dot tries the other side, then moves down a line at a time (a map has at most a few dozen topics).
  const size = 11;
  const boxOf = (x: number, y: number, w: number) => ({ x0: x, x1: x + w, y0: y - size + 2, y1: y + 3 });
  const placed = shown.map((r) => ({ x: x(r.negativeShare), y: y(-r.gap!) })).map((d) => boxOf(d.x - 5, d.y + 3, 10));
  const hits = (b: { x0: number; x1: number; y0: number; y1: number }) => placed.some((o) => b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1);
  const labelled = new Map<string, ImpactDot>();
  shown
    .map((r) => ({ ...r, x: x(r.negativeShare), y: y(-r.gap!) }))
    .sort((a, b) => a.y - b.y)
    .forEach((d) => {
      const w = labelWidth(d.label, size);
      const sides = d.x + 8 + w > width ? (['end', 'start'] as const) : (['start', 'end'] as const);
      const at = (anchor: 'start' | 'end', line: number) => {
        const labelX = anchor === 'start' ? d.x + 8 : d.x - 8;
        const labelY = d.y + 4 + line * 12;
        return { labelX, labelY, anchor, box: boxOf(anchor === 'start' ? labelX : labelX - w, labelY, w) };
      };
      let choice = at(sides[0], 0);
      search: for (let line = 0; line < 4; line++) {
        for (const side of sides) {
          const c = at(side, line);
          if (c.box.x0 < 0 || c.box.x1 > width) continue;
          if (!hits(c.box)) { choice = c; break search; }
        }
      }
      placed.push(choice.box);
      labelled.set(d.id, { ...d, labelX: choice.labelX, labelY: choice.labelY, anchor: choice.anchor });
    });
  const dots = shown.map((r) => labelled.get(r.id)!);
  return {
    dots,
    boundary: curve.length > 1 ? (line()(curve) ?? '') : '',
    xTicks: x.ticks(5).map((value) => ({ x: x(value), value })),
    yTicks: y.ticks(5).map((value) => ({ y: y(value), value })),
  };
}
