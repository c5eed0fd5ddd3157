import { describe, expect, it } from 'vitest';
import { keyWords, logLikelihood, weightedLogOdds } from './keyness';

describe('logLikelihood (G²) — methods §7.1', () => {
  it("gives Lancaster's example: 52 of 50,000 vs 57 of 75,000 → 2.6517", () => {
    expect(logLikelihood(52, 50_000, 57, 75_000)).toBeCloseTo(2.6517, 3);
  });
  it('treats a zero count as contributing nothing', () => {
    expect(logLikelihood(0, 100, 5, 100)).toBeCloseTo(2 * 5 * Math.log(5 / 2.5), 10);
  });
});

describe('weightedLogOdds — methods §7.2', () => {
  it('uniform prior (α 1, α0 = vocabulary 500): δ 1.5634, σ 0.3510, z 4.4547', () => {
    const r = weightedLogOdds(30, 1000, 10, 2000, 1, 500);
    expect(r.delta).toBeCloseTo(1.5634, 3);
    expect(r.sigma).toBeCloseTo(0.351, 3);
    expect(r.z).toBeCloseTo(4.4547, 3);
  });
  it('informative prior A = 1,000 (α 13.333): δ 1.0386, σ 0.2568, z 4.0448', () => {
    const r = weightedLogOdds(30, 1000, 10, 2000, (1000 * 40) / 3000, 1000);
    expect(r.delta).toBeCloseTo(1.0386, 3);
    expect(r.sigma).toBeCloseTo(0.2568, 3);
    expect(r.z).toBeCloseTo(4.0448, 3);
  });
});

describe('keyWords', () => {
  it('ranks the words group 1 uses more first and those it uses less last', () => {
    const g1 = new Map([['遅い', 30], ['便利', 2], ['サポート', 20], ['料金', 10]]);
    const g2 = new Map([['遅い', 2], ['便利', 30], ['サポート', 20], ['料金', 10]]);
    const ranked = keyWords(g1, g2);
    expect(ranked[0].word).toBe('遅い');
    expect(ranked.at(-1)!.word).toBe('便利');
    expect(ranked[0].z).toBeCloseTo(weightedLogOdds(30, 62, 2, 62, (1000 * 32) / 124, 1000).z, 10);
    expect(ranked[0].z).toBeGreaterThan(0);
    expect(ranked[0].g2).toBeCloseTo(logLikelihood(30, 62, 2, 62), 10);
  });
});
