import { describe, expect, it } from 'vitest';
import { flowKind, transitionSankey } from './sankey';

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
