/**
 * The HTML report's charts as SVG markup: the same layouts as the app's charts (charts/geometry,
 * D3 computes), drawn as strings so the report needs no script and no DOM. Colours are classes
 * the report's inline style defines; every text is escaped. No `xmlns`: inline SVG in HTML needs
 * none, and the report then names no address at all.
 */
import { escapeMarkup as x } from './markup';
import { trendLayout, type TrendInput } from '../charts/geometry/trend';
import { histogram, stackCategories } from '../charts/geometry/bars';
import { sankeyFrame, sankeyNodes, transitionSankey, type FlowEnd, type FlowInput } from '../charts/geometry/sankey';
import { impactMap, type ImpactInput } from '../charts/geometry/impact-map';
import { isoToDay } from '../engine/days';
import type { CategoryCounts } from '../engine/nps';

const n = (v: number) => (Math.round(v * 10) / 10).toString();
const svg = (width: number, height: number, label: string, body: string[]) =>
  `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${x(label)}"><title>${x(label)}</title>${body.join('')}</svg>`;

/** Promoters, passives and detractors as one bar of 100%, each share written on its part when it fits. */
export function categoryBarSvg(counts: CategoryCounts, label: string, format: (share: number) => string): string {
  const W = 720, H = 30;
  const body = stackCategories(counts, W).filter((s) => s.width > 0).map((s) =>
    `<rect x="${n(s.x)}" y="0" width="${n(s.width)}" height="${H}" class="${s.category}"/>` +
    (s.width > 56 ? `<text x="${n(s.x + s.width / 2)}" y="${H / 2 + 4.5}" text-anchor="middle" class="on-bar">${x(format(s.share))}</text>` : ''));
  return svg(W, H, label, body);
}

/** Answers per score, each bar in its category's colour. */
export function histogramSvg(distribution: readonly number[], label: string, format: (count: number) => string): string {
  const W = 720, H = 170, M = { top: 8, right: 8, bottom: 22, left: 44 };
  const layout = histogram(distribution, W - M.left - M.right, H - M.top - M.bottom);
  const body = [
    `<g transform="translate(${M.left},${M.top})">`,
    ...layout.ticks.map((t) => `<line x1="0" x2="${W - M.left - M.right}" y1="${n(t.y)}" y2="${n(t.y)}" class="grid"/><text x="-6" y="${n(t.y + 4)}" text-anchor="end" class="axis">${x(format(t.value))}</text>`),
    ...layout.bars.map((b) => `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" class="${b.category}"/><text x="${n(b.x + b.width / 2)}" y="${H - M.top - M.bottom + 16}" text-anchor="middle" class="axis">${b.score}</text>`),
    '</g>',
  ];
  return svg(W, H, label, body);
}

export interface TrendSvgInput {
  series: readonly TrendInput[];
  minN: number;
  /** Events in date order; each is drawn as a numbered marker, the report lists them by number. */
  events: ReadonlyArray<{ date: string }>;
  shifts: ReadonlyArray<{ to: string; direction: 'up' | 'down' }>;
  label: string;
  signed: (value: number) => string;
}

/** The NPS per period with its 95% band, hollow thin periods, numbered events and the changes found. */
export function trendSvg(input: TrendSvgInput): string {
  const W = 720, H = 290, M = { top: 26, right: 16, bottom: 44, left: 44 };
  const iw = W - M.left - M.right, ih = H - M.top - M.bottom;
  const layout = trendLayout(input.series, iw, ih, input.minN);
  const every = Math.max(1, Math.ceil(layout.points.length / Math.floor(iw / 64)));
  const events = input.events.flatMap((e, k) => {
    const at = layout.xOfDay(isoToDay(e.date));
    return at === null ? [] : [{ k: k + 1, at }];
  });
  const body = [
    `<g transform="translate(${M.left},${M.top})">`,
    ...layout.yTicks.map((t) => `<line x1="0" x2="${iw}" y1="${n(t.y)}" y2="${n(t.y)}" class="${t.value === 0 ? 'zero' : 'grid'}"/><text x="-6" y="${n(t.y + 4)}" text-anchor="end" class="axis">${x(t.value > 0 ? `+${t.value}` : String(t.value).replace('-', '−'))}</text>`),
    ...events.map((e) => `<line x1="${n(e.at)}" x2="${n(e.at)}" y1="-8" y2="${ih}" class="event-line"/><rect x="${n(e.at - 4)}" y="-14" width="8" height="8" transform="rotate(45 ${n(e.at)} -10)" class="event"/><text x="${n(e.at + 7)}" y="-8" class="event-number">${e.k}</text>`),
    `<path d="${layout.band}" class="band"/><path d="${layout.line}" class="line"/>`,
    ...layout.points.map((p) => `<circle cx="${n(p.x)}" cy="${n(p.y)}" r="4" class="${p.few ? 'point few' : 'point'}"><title>${x(`${p.period}: ${input.signed(p.nps!)} (n = ${p.n})`)}</title></circle>`),
    ...input.shifts.flatMap((s) => {
      const p = layout.points.find((q) => q.period === s.to);
      if (!p) return [];
      return [`<path d="${s.direction === 'down' ? `M${n(p.x - 6)},${n(p.y + 10)} h12 l-6,9 z` : `M${n(p.x - 6)},${n(p.y - 10)} h12 l-6,-9 z`}" class="shift-${s.direction}"/>`];
    }),
    ...layout.points.flatMap((p, i) => (i % every ? [] : [
      `<text x="${n(p.x)}" y="${ih + 16}" text-anchor="middle" class="axis">${x(p.period)}</text><text x="${n(p.x)}" y="${ih + 31}" text-anchor="middle" class="${p.few ? 'axis few-text' : 'axis'}">n=${p.n}</text>`,
    ])),
    '</g>',
  ];
  return svg(W, H, input.label, body);
}

/** Who moved between the categories from one wave to the next: the app's Sankey, as a picture. */
export function sankeySvg(input: FlowInput, label: string, name: (category: FlowEnd, side: 'from' | 'to') => string, format: (count: number) => string, waves: [string, string]): string {
  const text = (node: { side: 'from' | 'to'; category: FlowEnd; value: number }) => `${name(node.category, node.side)} (${format(node.value)})`;
  const nodes = sankeyNodes(input);
  const frame = sankeyFrame(nodes.filter((d) => d.side === 'from').map(text), nodes.filter((d) => d.side === 'to').map(text), { width: 720, height: 320, minInner: 220 });
  const { margin: M } = frame;
  const layout = transitionSankey(input, frame.width - M.left - M.right, frame.height - M.top - M.bottom);
  const body = [
    `<g transform="translate(${M.left},${M.top})">`,
    `<text x="0" y="-8" class="wave">${x(waves[0])}</text><text x="${frame.width - M.left - M.right}" y="-8" text-anchor="end" class="wave">${x(waves[1])}</text>`,
    ...layout.flows.map((f) => `<path d="${f.path}" class="flow ${f.kind}" stroke-width="${n(Math.max(1, f.width))}"/>`),
    ...layout.nodes.map((d) =>
      `<rect x="${n(d.x0)}" y="${n(d.y0)}" width="${n(d.x1 - d.x0)}" height="${n(Math.max(1, d.y1 - d.y0))}" class="${d.category === 'none' ? 'none' : d.category}"/>` +
      `<text x="${n(d.side === 'from' ? d.x0 - 6 : d.x1 + 6)}" y="${n((d.y0 + d.y1) / 2 + 4)}" text-anchor="${d.side === 'from' ? 'end' : 'start'}" class="label">${x(text(d))}</text>`),
    '</g>',
  ];
  return svg(frame.width, frame.height, label, body);
}

/** The "what to fix first" map: each topic by how often and how costly, with the fix-first line. */
export function impactSvg(rows: readonly ImpactInput[], threshold: number, label: string, axes: { share: string; cost: string }, format: (value: number) => string): string {
  const W = 720, H = 320, M = { top: 12, right: 16, bottom: 44, left: 52 };
  const iw = W - M.left - M.right, ih = H - M.top - M.bottom;
  const map = impactMap(rows, threshold, iw, ih);
  const body = [
    `<g transform="translate(${M.left},${M.top})">`,
    ...map.yTicks.map((t) => `<line x1="0" x2="${iw}" y1="${n(t.y)}" y2="${n(t.y)}" class="grid"/><text x="-6" y="${n(t.y + 4)}" text-anchor="end" class="axis">${x(format(t.value))}</text>`),
    ...map.xTicks.map((t) => `<text x="${n(t.x)}" y="${ih + 16}" text-anchor="middle" class="axis">${x(format(100 * t.value))}%</text>`),
    map.boundary ? `<path d="${map.boundary}" class="boundary"/>` : '',
    ...map.dots.map((d) => `<circle cx="${n(d.x)}" cy="${n(d.y)}" r="5" class="q-${x(d.quadrant)}"/><text x="${n(d.labelX)}" y="${n(d.labelY)}" text-anchor="${d.anchor}" class="label">${x(d.label)}</text>`),
    `<text x="${iw / 2}" y="${ih + 34}" text-anchor="middle" class="axis">${x(axes.share)}</text>`,
    `<text transform="translate(-38,${ih / 2}) rotate(-90)" text-anchor="middle" class="axis">${x(axes.cost)}</text>`,
    '</g>',
  ];
  return svg(W, H, label, body);
}
