import { describe, expect, it } from 'vitest';
import { clusteredNps, designEffectsByGroup, groupDesignEffects } from './clustered';
import { adjustedWaldInterval } from './nps';

// The worked example of docs/methods.md §11: ten customers, nineteen answers.
const answers: Array<[string, number[]]> = [
  ['A', [10, 9, 9]], ['B', [3, 2]], ['C', [8]], ['D', [10]], ['E', [6, 5, 4]],
  ['F', [9, 10]], ['G', [7, 8]], ['H', [10]], ['I', [2]], ['J', [9, 9, 10]],
];
const score = answers.flatMap(([, s]) => s);
const customer = answers.flatMap(([, s], g) => s.map(() => g + 1));

describe('clusteredNps', () => {
  it('gives the worked example: design effect 2.6166, effective counts 3.82/1.15/2.29, interval [−37.02, 66.81]', () => {
    const c = clusteredNps(score, customer);
    expect(c.n).toBe(19);
    expect(c.customers).toBe(10);
    expect(c.designEffect).toBeCloseTo(2.6166, 4);
    expect(c.effective.promoters).toBeCloseTo(3.8218, 4);
    expect(c.effective.passives).toBeCloseTo(1.1465, 4);
    expect(c.effective.detractors).toBeCloseTo(2.2931, 4);
    expect(c.ci95![0]).toBeCloseTo(-37.02, 2);
    expect(c.ci95![1]).toBeCloseTo(66.81, 2);
    // Treated as independent answers the same data gives the narrower [−18.30, 54.67].
    const iid = adjustedWaldInterval({ promoters: 10, passives: 3, detractors: 6 })!;
    expect(iid[0]).toBeCloseTo(-18.3, 2);
    expect(iid[1]).toBeCloseTo(54.67, 2);
  });

  it('is the independent interval when every customer answered once or nobody is known', () => {
    const once = clusteredNps(score, score.map((_, i) => i + 1));
    expect(once.designEffect).toBe(1);
    const unknown = clusteredNps(score, score.map(() => 0));
    expect(unknown).toEqual(once);
    expect(unknown.ci95).toEqual(adjustedWaldInterval({ promoters: 10, passives: 3, detractors: 6 }));
  });

  it('honours the filter and survives an empty or one-customer set', () => {
    // Only A and B kept: 10, 9, 9 | 3, 2.
    const keep = customer.map((c) => (c <= 2 ? 1 : 0));
    const c = clusteredNps(score, customer, keep);
    expect(c).toMatchObject({ n: 5, customers: 2 });
    expect(clusteredNps(score, customer, score.map(() => 0))).toMatchObject({ n: 0, ci95: null, designEffect: 1 });
    expect(clusteredNps([9, 10, 3], [1, 1, 1]).designEffect).toBe(1);
  });
});

describe('designEffectsByGroup', () => {
  // Every group's design effect and its rest's, each as clusteredNps of those answers alone.
  function check(scores: number[], customers: number[], groups: number[], groupCount: number) {
    const { group, rest } = designEffectsByGroup(scores, customers, groups, groupCount);
    for (let g = 0; g < groupCount; g++) {
      const mine = groups.map((x) => (x === g ? 1 : 0));
      const others = groups.map((x) => (x === g ? 0 : 1));
      expect(group[g], `group ${g}`).toBeCloseTo(clusteredNps(scores, customers, mine).designEffect, 10);
      expect(rest[g], `rest of ${g}`).toBeCloseTo(clusteredNps(scores, customers, others).designEffect, 10);
    }
    return { group, rest };
  }

  it('the worked example as one group, beside a group of one-time customers and loose answers', () => {
    const groups = [...score.map(() => 1), ...score.map(() => 0)];
    const scores = [...score, ...score];
    const customers = [...customer, ...score.map((_, i) => (i < 3 ? 0 : 100 + i))];
    const { group, rest } = check(scores, customers, groups, 3);
    expect(group[1]).toBeCloseTo(2.6166, 4);
    expect(group[0]).toBe(1);
    // The rest of group 0 is the worked example itself.
    expect(rest[0]).toBeCloseTo(2.6166, 4);
  });

  it('customers spread over several groups, some answers of nobody known', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const n = 400;
    const scores = Array.from({ length: n }, () => Math.floor(random() * 11));
    const customers = Array.from({ length: n }, () => (random() < 0.1 ? 0 : 1 + Math.floor(random() * 60)));
    const groups = customers.map((c) => (c === 0 ? Math.floor(random() * 4) : random() < 0.8 ? c % 4 : Math.floor(random() * 4)));
    check(scores, customers, groups, 4);
  });
});

describe('groupDesignEffects', () => {
  it('each group alone, as clusteredNps of its answers: the worked example 2.6166 beside one-time customers; answers of no group or filtered out left out', () => {
    const groups = [...score.map(() => 1), ...score.map(() => 0), -1, -1];
    const scores = [...score, ...score, 10, 0];
    const customers = [...customer, ...score.map((_, i) => (i < 3 ? 0 : 100 + i)), 1, 1];
    const effects = groupDesignEffects(scores, customers, groups, 3);
    expect(effects[1]).toBeCloseTo(2.6166, 4);
    expect(effects[0]).toBe(1);
    expect(effects[2]).toBe(1);
    // Without customer A's answers (the first three), as clusteredNps says.
    const keep = scores.map((_, i) => (i < 3 ? 0 : 1));
    const without = clusteredNps(score, customer, score.map((_, i) => (i < 3 ? 0 : 1))).designEffect;
    expect(groupDesignEffects(scores, customers, groups, 3, keep)[1]).toBeCloseTo(without, 12);
  });

  it('agrees with clusteredNps of every group on customers spread over groups', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const n = 500;
    const scores = Array.from({ length: n }, () => Math.floor(random() * 11));
    const customers = Array.from({ length: n }, () => (random() < 0.1 ? 0 : 1 + Math.floor(random() * 50)));
    const groups = customers.map((c) => (random() < 0.05 ? -1 : c === 0 ? Math.floor(random() * 5) : random() < 0.8 ? c % 5 : Math.floor(random() * 5)));
    const effects = groupDesignEffects(scores, customers, groups, 5);
    for (let g = 0; g < 5; g++) expect(effects[g], `group ${g}`).toBeCloseTo(clusteredNps(scores, customers, groups.map((x) => (x === g ? 1 : 0))).designEffect, 10);
  });
});
