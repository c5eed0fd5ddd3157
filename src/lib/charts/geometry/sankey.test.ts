import { describe, expect, it } from 'vitest';
import { flowKind, sankeyFrame, sankeyNodes, transitionSankey } from './sankey';
import { labelWidth } from './text-width';

describe('flowKind', () => {
  it('names improving, stable, worsening, urgent, lost and new flows', () => {
    expect(flowKind('detractor', 'promoter')).toBe('improved');
    expect(flowKind('passive', 'passive')).toBe('stable');
    expect(flowKind('passive', 'detractor')).toBe('worsened');
    expect(flowKind('promoter', 'detractor')).toBe('urgent');
    expect(flowKind('promoter', 'none')).toBe('lost');
    expect(flowKind('none', 'passive')).toBe('new');
  });
});

describe('transitionSankey', () => {
  const input = { counts: [[4, 0, 0], [0, 6, 7], [0, 1, 4]], lost: [1, 1, 1] as [number, number, number], gained: [0, 2, 0] as [number, number, number] };
  const { nodes, flows } = transitionSankey(input, 400, 300);
  it('has a node per category on each side that has customers, plus none/new', () => {
    expect(nodes.map((n) => n.id).sort()).toEqual(['from:detractor', 'from:none', 'from:passive', 'from:promoter', 'to:detractor', 'to:none', 'to:passive', 'to:promoter'].sort());
    const value = (id: string) => nodes.find((n) => n.id === id)!.value;
    expect(value('from:passive')).toBe(14);
    expect(value('to:promoter')).toBe(11);
    expect(value('to:none')).toBe(3);
  });
  it('puts wave A on the left, wave B on the right, flows sized by customers', () => {
    expect(nodes.filter((n) => n.side === 'from').every((n) => n.x0 === 0)).toBe(true);
    expect(nodes.filter((n) => n.side === 'to').every((n) => n.x1 === 400)).toBe(true);
    const big = flows.find((f) => f.from === 'passive' && f.to === 'promoter')!;
    const small = flows.find((f) => f.from === 'promoter' && f.to === 'passive')!;
    expect(big.width / small.width).toBeCloseTo(7, 5);
    expect(flows.reduce((s, f) => s + f.value, 0)).toBe(4 + 6 + 7 + 1 + 4 + 3 + 2);
  });
  it('gives each flow the ends of its centre line, from the right of A\'s node to the left of B\'s', () => {
    for (const f of flows) {
      const from = nodes.find((n) => n.id === `from:${f.from}`)!, to = nodes.find((n) => n.id === `to:${f.to}`)!;
      expect(f.x0).toBe(from.x1);
      expect(f.x1).toBe(to.x0);
      expect(f.y0).toBeGreaterThan(from.y0);
      expect(f.y0).toBeLessThan(from.y1);
      expect(f.y1).toBeGreaterThan(to.y0);
      expect(f.y1).toBeLessThan(to.y1);
    }
  });
});

describe('sankeyNodes', () => {
  it('gives the same nodes and customers as the layout, before it', () => {
    const input = { counts: [[4, 0, 0], [0, 6, 7], [0, 1, 4]], lost: [1, 1, 1] as [number, number, number], gained: [0, 2, 0] as [number, number, number] };
    const laid = transitionSankey(input, 400, 300).nodes.map((n) => `${n.side}:${n.category}=${n.value}`).sort();
    expect(sankeyNodes(input).map((n) => `${n.side}:${n.category}=${n.value}`).sort()).toEqual(laid);
  });
});

describe('sankeyFrame', () => {
  const left = ['推奨者 (1,204)', '中立者 (872)', '批判者 (92)', '2025-Q3 で新規 (12,209)'];
  const right = ['推奨者 (204)', '中立者 (200)', '批判者 (83)', '2025-Q3 で未回答 (1,188)'];
  const leftEn = ['Promoter (1,204)', 'Passive (872)', 'Detractor (92)', 'new in 2025-Q3 (12,209)'];
  const rightEn = ['Promoter (204)', 'Passive (200)', 'Detractor (83)', 'no answer in 2025-Q3 (1,188)'];

  /** Every label box, placed as the component places it, lies inside the viewBox. */
  function inside(l: string[], r: string[], frame: ReturnType<typeof sankeyFrame>, gap = 6) {
    const innerRight = frame.width - frame.margin.right;
    return l.every((x) => frame.margin.left - gap - labelWidth(x, 12) >= 0) && r.every((x) => innerRight + gap + labelWidth(x, 12) <= frame.width);
  }

  it('makes room for the longest Japanese and English labels on each side', () => {
    for (const [l, r] of [[left, right], [leftEn, rightEn]]) {
      const frame = sankeyFrame(l, r);
      expect(inside(l, r, frame)).toBe(true);
      expect(frame.width).toBe(760);
    }
    // "2025-Q3 で未回答 (1,188)": 16 Latin characters (spaces included) at 0.62em, 4 CJK at 1em, 12px type.
    expect(sankeyFrame([], right).margin.right).toBe(Math.ceil(6 + 4 + 12 * (16 * 0.62 + 4)));
  });

  it('widens the chart rather than squeeze the flows when the labels are very long', () => {
    const long = ['no answer in Customer survey, autumn 2025 (renewal wave) (123,456)'];
    const frame = sankeyFrame(long, long);
    expect(inside(long, long, frame)).toBe(true);
    expect(frame.width - frame.margin.left - frame.margin.right).toBe(240);
    expect(frame.width).toBeGreaterThan(760);
  });

  it('uses the measure it is given (the page measures with the real font)', () => {
    const frame = sankeyFrame(['abc'], ['abcdef'], { measure: (text) => text.length * 10 });
    expect(frame.margin.left).toBe(6 + 4 + 30);
    expect(frame.margin.right).toBe(6 + 4 + 60);
  });
});
