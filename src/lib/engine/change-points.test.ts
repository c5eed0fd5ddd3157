/** The worked examples of docs/methods.md §6.8 (the reference's §11), and series of known shape. */
import { describe, expect, it } from 'vitest';
import { chiSquareCritical, findLevels, seriesStory, stretchSums } from './change-points';
import { sumCounts } from './shifts';
import type { CategoryCounts } from './nps';

const series = (rows: number[][]): CategoryCounts[] => rows.map(([promoters, passives, detractors]) => ({ promoters, passives, detractors }));

const exampleA = series([
  [65, 51, 34], [69, 63, 18], [73, 55, 22], [63, 63, 24], [62, 56, 32], [72, 57, 21],
  [64, 66, 20], [64, 65, 21], [72, 57, 21], [63, 66, 21], [72, 57, 21], [78, 58, 14],
  [59, 57, 34], [56, 56, 38], [60, 56, 34], [58, 59, 33], [51, 65, 34], [53, 61, 36],
]);
const exampleB = series([
  [162, 148, 90], [157, 171, 72], [169, 154, 77], [166, 165, 69], [166, 158, 76], [183, 147, 70],
  [194, 150, 56], [173, 159, 68], [185, 164, 51], [176, 163, 61], [181, 170, 49], [186, 162, 52],
  [198, 144, 58], [179, 164, 57], [189, 156, 55], [193, 157, 50], [181, 176, 43], [197, 158, 45],
]);
const exampleC = series([
  [66, 54, 30], [63, 60, 27], [68, 52, 30], [64, 58, 28], [65, 56, 29],
  [52, 58, 40], [50, 62, 38], [54, 55, 41], [49, 61, 40], [51, 59, 40],
  [64, 57, 29], [67, 53, 30], [62, 60, 28], [66, 55, 29], [65, 56, 29],
]);

describe('critical values', () => {
  it('χ² on 2 df at 0.05/15 is −2·ln(0.05/15) = 11.41; on 4 df at 0.05/55 it is 18.68', () => {
    expect(chiSquareCritical(0.05 / 15, 2)).toBeCloseTo(-2 * Math.log(0.05 / 15), 8);
    expect(chiSquareCritical(0.05 / 15, 2)).toBeCloseTo(11.41, 2);
    expect(chiSquareCritical(0.05 / 55, 4)).toBeCloseTo(18.68, 2);
  });
});

describe('stretchSums', () => {
  it('adds up any stretch as the periods themselves add up', () => {
    const sum = stretchSums(exampleA);
    for (const [from, to] of [[0, 0], [0, 17], [3, 11], [12, 17]]) expect(sum(from, to)).toEqual(sumCounts(exampleA, from, to));
  });
});

describe('findLevels', () => {
  it('Example A: one change, after month 12 (30.44 → 14.22), G² 31.34', () => {
    const { levels, changes } = findLevels(exampleA);
    expect(changes.map((c) => c.after + 1)).toEqual([12]);
    expect(changes[0]).toMatchObject({ direction: 'down', df: 2 });
    expect(changes[0].g2).toBeCloseTo(31.34, 2);
    expect(changes[0].from).toBeCloseTo(30.44, 2);
    expect(changes[0].to).toBeCloseTo(14.22, 2);
    expect(levels.map((l) => [l.from + 1, l.to + 1])).toEqual([[1, 12], [13, 18]]);
  });

  it('Example C: a dip that recovers — two changes, after 5 and after 10 (24.27 → 7.60 → 23.87)', () => {
    const { levels, changes } = findLevels(exampleC);
    expect(changes.map((c) => c.after + 1)).toEqual([5, 10]);
    // Found as a pair: G² 23.10 on 4 df, above 18.68 for 55 candidate pairs.
    expect(changes[0]).toMatchObject({ df: 4, direction: 'down' });
    expect(changes[0].g2).toBeCloseTo(23.1, 2);
    expect(changes[1]).toMatchObject({ direction: 'up' });
    expect(levels.map((l) => Math.round(l.nps * 100) / 100)).toEqual([24.27, 7.6, 23.87]);
  });

  it('constant series: a change is reported in at most 5% of 200 of them', () => {
    let seed = 20240401;
    const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    let withChange = 0;
    for (let s = 0; s < 200; s++) {
      const rows = Array.from({ length: 18 }, () => {
        const c = [0, 0, 0];
        for (let i = 0; i < 150; i++) {
          const u = random();
          c[u < 0.45 ? 0 : u < 0.8 ? 1 : 2]++;
        }
        return c;
      });
      if (findLevels(series(rows)).changes.length) withChange++;
    }
    expect(withChange / 200).toBeLessThanOrEqual(0.05);
  });
});

describe('seriesStory', () => {
  it('Example B, a steady rise of about a point a month, is a trend and not a string of steps', () => {
    expect(findLevels(exampleB).changes.length).toBeGreaterThan(0);
    const story = seriesStory(exampleB);
    expect(story.steady).toBe(true);
    expect(story.changes).toEqual([]);
    expect(story.levels).toHaveLength(1);
    expect(story.trend).toMatchObject({ direction: 'up', periods: 18 });
    expect(story.trend!.p).toBeCloseTo(2.9e-5, 6);
    expect(story.trend!.slope).toBeCloseTo(1, 10);
  });

  it('Examples A and C stay steps (a line explains a jump or a dip worse than levels do)', () => {
    expect(seriesStory(exampleA)).toMatchObject({ steady: false });
    expect(seriesStory(exampleA).changes).toHaveLength(1);
    expect(seriesStory(exampleC).changes).toHaveLength(2);
    expect(seriesStory(exampleC).trend!.direction).toBeNull();
  });
});
