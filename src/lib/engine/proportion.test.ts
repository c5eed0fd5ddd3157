import { describe, expect, it } from 'vitest';
import { rateOf, rateVersusRest, wilsonInterval } from './proportion';

// Expected values: the Wilson formula written out in Python with z = 1.959964, and
// scipy.stats.fisher_exact (tests/fixtures/outcomes/expected.py prints them for the fixture).
describe('wilsonInterval(k, n)', () => {
  it('gives the Wilson score interval in percent', () => {
    const [lo, hi] = wilsonInterval(3, 6)!;
    expect(lo).toBeCloseTo(18.7616, 3);
    expect(hi).toBeCloseTo(81.2384, 3);
    const [lo2, hi2] = wilsonInterval(1, 8)!;
    expect(lo2).toBeCloseTo(2.2417, 3);
    expect(hi2).toBeCloseTo(47.0888, 3);
    expect(wilsonInterval(5, 20)![0]).toBeCloseTo(11.1862, 3);
    expect(wilsonInterval(5, 20)![1]).toBeCloseTo(46.8701, 3);
  });

  it('stays informative at 0 and at 100% (where Wald collapses to a point)', () => {
    const [lo, hi] = wilsonInterval(0, 7)!;
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(35.4330, 3);
    const [lo2, hi2] = wilsonInterval(7, 7)!;
    expect(lo2).toBeCloseTo(64.5670, 3);
    expect(hi2).toBe(100);
  });

  it('is null without accounts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(rateOf(0, 0)).toEqual({ n: 0, events: 0, rate: null, ci95: null });
  });
});

describe('rateVersusRest(group, all)', () => {
  it('is Fisher’s exact test of the group against the rest', () => {
    // Free: 3 of 6 churned; all accounts: 5 of 20 → rest 2 of 14. SciPy: p = 0.131321.
    expect(rateVersusRest(rateOf(3, 6), rateOf(5, 20))).toBeCloseTo(0.131321, 5);
    // Pro: 0 of 7 against 5 of 13: p = 0.113713.
    expect(rateVersusRest(rateOf(0, 7), rateOf(5, 20))).toBeCloseTo(0.113713, 5);
    expect(rateVersusRest(rateOf(2, 7), rateOf(5, 20))).toBeCloseTo(1, 6);
    expect(rateVersusRest(rateOf(5, 20), rateOf(5, 20))).toBeNull();
  });
});
