/**
 * Layout of the trend chart: one point per period with its 95% interval as a band, hollow points
 * where there are too few answers, and the days of events placed between the periods.
 */
import { scaleLinear, scalePoint } from 'd3-scale';
import { area, line } from 'd3-shape';
import { isoToDay } from '../../engine/days';

export interface TrendInput {
  period: string;
  from: string;
  to: string;
  n: number;
  nps: number | null;
  ci95: [number, number] | null;
}

export interface TrendPoint extends TrendInput {
  x: number;
  y: number;
  yLow: number;
  yHigh: number;
  /** Fewer answers than the threshold: drawn hollow and flagged. */
  few: boolean;
}

export interface TrendLayout {
  points: TrendPoint[];
  line: string;
  band: string;
  yTicks: Array<{ value: number; y: number }>;
  /** Where a date falls on the x axis (null outside the series). */
  xOfDay: (day: number) => number | null;
  zeroY: number;
  /** Where a period (of the series or projected) and an NPS value are drawn. */
  xOf: (period: string) => number | null;
  yOf: (nps: number) => number;
  /** The distance between neighbouring periods. */
  step: number;
  /** The projected periods after the series, joined to its last point (empty without any). */
  projection: { points: Array<{ period: string; x: number; y: number; yLow: number; yHigh: number }>; line: string; band: string };
}

/** What the trend view draws besides the series: projected periods, reference values. */
export interface TrendExtras {
  ahead?: ReadonlyArray<{ period: string; nps: number; ci95: [number, number] }>;
  /** NPS values the y axis must include (targets, industry figures). */
  values?: readonly number[];
}

/** `yDomain`: a shared NPS range, so small multiples can be compared by eye. */
export function trendLayout(series: readonly TrendInput[], width: number, height: number, minN: number, yDomain?: [number, number], extras: TrendExtras = {}): TrendLayout {
  const withNps = series.filter((s) => s.nps !== null);
  const ahead = extras.ahead ?? [];
  const x = scalePoint<string>().domain([...series.map((s) => s.period), ...ahead.map((a) => a.period)]).range([0, width]).padding(0.5);
  // Zero always in view: NPS above or below zero is the first thing people read.
  const [lo, hi] = yDomain ?? npsDomain(series);
  const wanted = [...(extras.values ?? []), ...ahead.flatMap((a) => a.ci95)];
  const y = scaleLinear()
    .domain([Math.max(-100, Math.min(lo, ...wanted)), Math.min(100, Math.max(hi, ...wanted))])
    .nice()
    .range([height, 0]);
  const points: TrendPoint[] = withNps.map((s) => ({
    ...s,
    x: x(s.period) ?? 0,
    y: y(s.nps!),
    yLow: y(s.ci95?.[0] ?? s.nps!),
    yHigh: y(s.ci95?.[1] ?? s.nps!),
    few: s.n < minN,
  }));
  const lineShape = line<TrendPoint>().x((p) => p.x).y((p) => p.y);
  const bandShape = area<TrendPoint>().x((p) => p.x).y0((p) => p.yLow).y1((p) => p.yHigh);
  const projected = ahead.map((a) => ({ period: a.period, x: x(a.period) ?? 0, y: y(a.nps), yLow: y(a.ci95[0]), yHigh: y(a.ci95[1]) }));
  // The projection fans out from the last point the data gave.
  const last = points[points.length - 1];
  const fan = projected.length && last ? [{ period: last.period, x: last.x, y: last.y, yLow: last.y, yHigh: last.y }, ...projected] : [];
  type Fan = (typeof fan)[number];
  return {
    points,
    line: lineShape(points) ?? '',
    band: bandShape(points) ?? '',
    yTicks: y.ticks(6).map((value) => ({ value, y: y(value) })),
    xOfDay: dayToX(series, series.map((s) => x(s.period) ?? 0)),
    zeroY: y(0),
    xOf: (period) => x(period) ?? null,
    yOf: (value) => y(value),
    step: x.step(),
    projection: {
      points: projected,
      line: line<Fan>().x((p) => p.x).y((p) => p.y)(fan) ?? '',
      band: area<Fan>().x((p) => p.x).y0((p) => p.yLow).y1((p) => p.yHigh)(fan) ?? '',
    },
  };
}

/**
 * Where a day falls on an axis of periods drawn at `xs`: dates map through the periods' middle
 * days, so an event lands between the right points or bars; null outside the periods.
 */
export function dayToX(periods: ReadonlyArray<{ from: string; to: string }>, xs: readonly number[]): (day: number) => number | null {
  if (periods.length === 0) return () => null;
  const first = isoToDay(periods[0].from);
  const last = isoToDay(periods[periods.length - 1].to);
  const dayScale = scaleLinear().domain(periods.map((s) => (isoToDay(s.from) + isoToDay(s.to)) / 2)).range(xs);
  return (day) => (day < first || day > last ? null : periods.length === 1 ? xs[0] : dayScale(day));
}

/** The NPS range a series needs: every interval, and zero. */
export function npsDomain(series: readonly TrendInput[]): [number, number] {
  let lo = 0, hi = 0;
  for (const s of series) {
    if (s.nps === null) continue;
    lo = Math.min(lo, s.ci95?.[0] ?? s.nps);
    hi = Math.max(hi, s.ci95?.[1] ?? s.nps);
  }
  return [lo, hi];
}

export interface ShareLayer {
  category: 'promoter' | 'passive' | 'detractor';
  path: string;
}

/** Stacked shares per period (detractors at the bottom), as areas over the same x positions. */
export function shareLayers(series: ReadonlyArray<TrendInput & { promoters: number; passives: number; detractors: number }>, width: number, height: number): ShareLayer[] {
  const x = scalePoint<string>().domain(series.map((s) => s.period)).range([0, width]).padding(0.5);
  const y = scaleLinear().domain([0, 1]).range([height, 0]);
  const rows = series.filter((s) => s.n > 0).map((s) => ({ x: x(s.period) ?? 0, d: s.detractors / s.n, p: s.passives / s.n }));
  const layer = (lo: (r: (typeof rows)[number]) => number, hi: (r: (typeof rows)[number]) => number) =>
    area<(typeof rows)[number]>().x((r) => r.x).y0((r) => y(lo(r))).y1((r) => y(hi(r)))(rows) ?? '';
  return [
    { category: 'detractor', path: layer(() => 0, (r) => r.d) },
    { category: 'passive', path: layer((r) => r.d, (r) => r.d + r.p) },
    { category: 'promoter', path: layer((r) => r.d + r.p, () => 1) },
  ];
}
