/**
 * Layout of the transition Sankey: wave A's categories on the left, wave B's on the right, plus
 * "no answer in B" on the right and "new in B" on the left, so nobody is imputed. d3-sankey
 * computes the geometry; the component only draws it.
 */
import { sankey, sankeyLinkHorizontal, type SankeyGraph } from 'd3-sankey';
import { labelWidth } from './text-width';

export type FlowEnd = 'detractor' | 'passive' | 'promoter' | 'none';
export type FlowKind = 'improved' | 'stable' | 'worsened' | 'urgent' | 'lost' | 'new';

export interface FlowInput {
  /** counts[from][to] over detractor, passive, promoter. */
  counts: number[][];
  /** Customers per wave-A category who did not answer wave B. */
  lost: [number, number, number];
  /** Customers per wave-B category who did not answer wave A. */
  gained: [number, number, number];
}

export interface SankeyNodeBox {
  id: string;
  side: 'from' | 'to';
  category: FlowEnd;
  value: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface SankeyFlow {
  from: FlowEnd;
  to: FlowEnd;
  value: number;
  kind: FlowKind;
  path: string;
  width: number;
  /** Where the flow's centre line leaves wave A's node and reaches wave B's (its label goes there). */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const ORDER: FlowEnd[] = ['promoter', 'passive', 'detractor', 'none'];
const RANK: Record<Exclude<FlowEnd, 'none'>, number> = { detractor: 0, passive: 1, promoter: 2 };
const CATS = ['detractor', 'passive', 'promoter'] as const;

export function flowKind(from: FlowEnd, to: FlowEnd): FlowKind {
  if (from === 'none') return 'new';
  if (to === 'none') return 'lost';
  // A promoter who became a detractor is the most urgent signal of all.
  if (from === 'promoter' && to === 'detractor') return 'urgent';
  return RANK[to] > RANK[from] ? 'improved' : RANK[to] < RANK[from] ? 'worsened' : 'stable';
}

interface NodeDatum { id: string; side: 'from' | 'to'; category: FlowEnd }
interface LinkDatum { from: FlowEnd; to: FlowEnd }

export function transitionSankey(input: FlowInput, width: number, height: number): { nodes: SankeyNodeBox[]; flows: SankeyFlow[] } {
  const links: Array<{ source: string; target: string; value: number } & LinkDatum> = [];
  CATS.forEach((f, i) => CATS.forEach((t, j) => {
    if (input.counts[i][j] > 0) links.push({ source: `from:${f}`, target: `to:${t}`, value: input.counts[i][j], from: f, to: t });
  }));
  CATS.forEach((f, i) => input.lost[i] > 0 && links.push({ source: `from:${f}`, target: 'to:none', value: input.lost[i], from: f, to: 'none' }));
  CATS.forEach((t, j) => input.gained[j] > 0 && links.push({ source: 'from:none', target: `to:${t}`, value: input.gained[j], from: 'none', to: t }));
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  const nodes: NodeDatum[] = (['from', 'to'] as const).flatMap((side) =>
    ORDER.map((category) => ({ id: `${side}:${category}`, side, category })).filter((n) => used.has(n.id)));
  if (links.length === 0) return { nodes: [], flows: [] };
  const layout = sankey<NodeDatum, LinkDatum>()
    .nodeId((n) => n.id)
    .nodeWidth(18)
    .nodePadding(14)
    // Fixed order (promoters on top, "none" last) so two charts read the same way.
    .nodeSort((a, b) => ORDER.indexOf(a.category) - ORDER.indexOf(b.category))
    .extent([[0, 0], [width, height]]);
  const graph: SankeyGraph<NodeDatum, LinkDatum> = layout({ nodes: nodes.map((n) => ({ ...n })), links: links.map((l) => ({ ...l })) });
  const path = sankeyLinkHorizontal();
  return {
    nodes: graph.nodes.map((n) => ({ id: n.id, side: n.side, category: n.category, value: n.value ?? 0, x0: n.x0 ?? 0, x1: n.x1 ?? 0, y0: n.y0 ?? 0, y1: n.y1 ?? 0 })),
    flows: graph.links.map((l) => ({
      from: l.from, to: l.to, value: l.value, kind: flowKind(l.from, l.to), path: path(l) ?? '', width: l.width ?? 0,
      x0: (l.source as NodeDatum & { x1?: number }).x1 ?? 0, y0: l.y0 ?? 0, x1: (l.target as NodeDatum & { x0?: number }).x0 ?? 0, y1: l.y1 ?? 0,
    })),
  };
}

/** The nodes the chart will draw, with their customers, known before any layout: their labels decide the margins. */
export function sankeyNodes(input: FlowInput): Array<{ side: 'from' | 'to'; category: FlowEnd; value: number }> {
  const from = new Map<FlowEnd, number>();
  const to = new Map<FlowEnd, number>();
  const add = (m: Map<FlowEnd, number>, c: FlowEnd, v: number) => v > 0 && m.set(c, (m.get(c) ?? 0) + v);
  CATS.forEach((f, i) => CATS.forEach((t, j) => {
    add(from, f, input.counts[i][j]);
    add(to, t, input.counts[i][j]);
  }));
  CATS.forEach((c, i) => {
    add(from, c, input.lost[i]);
    add(to, 'none', input.lost[i]);
    add(from, 'none', input.gained[i]);
    add(to, c, input.gained[i]);
  });
  return (['from', 'to'] as const).flatMap((side) => ORDER.flatMap((category) => {
    const value = (side === 'from' ? from : to).get(category);
    return value ? [{ side, category, value }] : [];
  }));
}

export interface SankeyFrame {
  /** The viewBox: at least the requested size, wider when the labels need it. */
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface SankeyFrameOptions {
  width?: number;
  height?: number;
  top?: number;
  bottom?: number;
  /** Label type size in px. */
  fontSize?: number;
  /** Space between a node and its label. */
  gap?: number;
  /** The flows keep at least this much width, however long the labels. */
  minInner?: number;
  /** Width of a text in px; by default estimated (CJK 1em, Latin ~0.6em), in the page measured. */
  measure?: (text: string, fontSize: number) => number;
}

/**
 * Margins that hold the longest label on each side (wave A's labels end left of its nodes, wave
 * B's start right of its nodes), so that "2025-Q3 で未回答 (1,234)" or "no answer in 2025-Q3" is
 * never cut off. When labels and flows do not fit the requested width, the chart gets wider
 * (and is drawn smaller) instead of clipping.
 */
export function sankeyFrame(leftLabels: readonly string[], rightLabels: readonly string[], options: SankeyFrameOptions = {}): SankeyFrame {
  const { width = 760, height = 360, top = 24, bottom = 8, fontSize = 12, gap = 6, minInner = 240, measure = labelWidth } = options;
  // A few px beyond the measure: fonts differ a little from any estimate and from each other.
  const room = (labels: readonly string[]) => Math.ceil(gap + 4 + Math.max(0, ...labels.map((l) => measure(l, fontSize))));
  const left = room(leftLabels);
  const right = room(rightLabels);
  return { width: Math.max(width, left + right + minInner), height, margin: { top, right, bottom, left } };
}
