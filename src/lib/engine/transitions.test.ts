import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blankTable, tableFromRows, type AnswerRow } from './answers';
import { packText } from './text-column';
import { pairedChange } from './small-samples';
import { encodeCustomers } from './customers';
import { previewFile } from '../ingest/preview';
import { importFiles } from '../ingest/pipeline';
import { allTransitions, answersPerWave, assignWaves, customersInCell, transitionBetween } from './transitions';

/** Days since 1970-01-01, computed with Date.UTC rather than the engine's own calendar code. */
const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

describe('pairing: one answer per customer and wave, only customers in both waves are paired', () => {
  const rows: AnswerRow[] = [
    // Customer 1: the later date wins in A (9, not the earlier 2); in B the later time of day wins
    // even though it is written first.
    { customer: 1, wave: 'A', day: 10, seconds: 0, score: 2 }, //  0
    { customer: 1, wave: 'A', day: 12, seconds: 0, score: 9 }, //  1
    { customer: 1, wave: 'B', day: 20, seconds: 100, score: 10 }, // 2
    { customer: 1, wave: 'B', day: 20, seconds: 50, score: 3 }, //  3
    // Customer 2: same date and time twice in A → the later row (8); in B the later file wins
    // over a higher row number in an earlier file.
    { customer: 2, wave: 'A', day: 11, seconds: 60, score: 0, file: 0, row: 5 }, // 4
    { customer: 2, wave: 'A', day: 11, seconds: 60, score: 8, file: 0, row: 6 }, // 5
    { customer: 2, wave: 'B', day: 21, seconds: 60, score: 1, file: 0, row: 50 }, // 6
    { customer: 2, wave: 'B', day: 21, seconds: 60, score: 7, file: 1, row: 2 }, //  7
    { customer: 3, wave: 'A', day: 10, score: 5 }, // 8: only A
    { customer: 4, wave: 'B', day: 22, score: 6 }, // 9: only B
    { customer: 5, wave: 'B', day: 23, score: 9 }, // 10: only B
    // Code 0 is nobody: never paired, never onlyFrom/onlyTo.
    { customer: 0, wave: 'A', day: 10, score: 0 },
    { customer: 0, wave: 'B', day: 20, score: 10 },
  ];
  const table = tableFromRows(rows);
  const waves = assignWaves(table);

  it('latest by date, then time, then file, then row', () => {
    const { byWave, scoreOf } = answersPerWave(table, waves);
    expect(Array.from(byWave[0])).toEqual([-1, 1, 5, 8, -1, -1]);
    expect(Array.from(byWave[1])).toEqual([-1, 2, 7, -1, 9, 10]);
    expect([scoreOf(0, 1), scoreOf(1, 1), scoreOf(0, 2), scoreOf(1, 2), scoreOf(0, 4)]).toEqual([9, 10, 8, 7, -1]);
  });
  it('counts paired, onlyFrom and onlyTo customers and ignores code 0', () => {
    const t = transitionBetween(table, waves, 0, 1);
    expect([t.from, t.to, t.paired, t.onlyFrom, t.onlyTo]).toEqual(['A', 'B', 2, 1, 2]);
    // Customer 1: promoter → promoter; customer 2: passive → passive.
    expect(t.counts).toEqual([[0, 0, 0], [0, 1, 0], [0, 0, 1]]);
    expect(t.stuartMaxwell).toBeNull();
  });
  it("rule 'mean' takes the rounded-half-up mean of the customer's answers in the wave", () => {
    const t = tableFromRows([
      { customer: 1, wave: 'A', day: 1, score: 7 }, { customer: 1, wave: 'A', day: 2, score: 8 }, // 7.5 → 8
      { customer: 2, wave: 'A', day: 1, score: 8 }, { customer: 2, wave: 'A', day: 2, score: 9 }, // 8.5 → 9
      { customer: 3, wave: 'A', day: 1, score: 6 }, { customer: 3, wave: 'A', day: 2, score: 7 }, // 6.5 → 7
      { customer: 4, wave: 'A', day: 1, score: 5 }, { customer: 4, wave: 'A', day: 2, score: 6 }, { customer: 4, wave: 'A', day: 3, score: 6 }, // 5.67 → 6
      { customer: 1, wave: 'B', day: 9, score: 10 },
    ]);
    const w = assignWaves(t);
    const mean = answersPerWave(t, w, 'mean');
    expect([1, 2, 3, 4].map((c) => mean.scoreOf(0, c))).toEqual([8, 9, 7, 6]);
    // The chosen answer stays the latest one (for drill-down), and 'latest' scores are unchanged.
    expect(mean.byWave[0][1]).toBe(1);
    expect(answersPerWave(t, w).scoreOf(0, 2)).toBe(9);
    expect(answersPerWave(t, w).scoreOf(0, 3)).toBe(7);
    expect(answersPerWave(t, w).scoreOf(0, 1)).toBe(8);
  });
});

describe('waves: the wave column when there is one, else calendar periods with answers', () => {
  it('uses calendar quarters without a wave column and skips quarters without answers', () => {
    const t = tableFromRows([
      { customer: 1, day: day('2024-01-15'), score: 9 },
      { customer: 1, day: day('2024-08-01'), score: 3 },
      { customer: 2, day: day('2024-03-31'), score: 8 },
      { customer: 2, day: day('2025-01-01'), score: 8 },
      { customer: 1, day: day('2025-02-28'), score: 10 },
      { customer: 3, score: 5 }, // no date: in no wave
    ]);
    const w = assignWaves(t);
    expect(w.source).toEqual({ kind: 'period', period: 'quarter' });
    expect(w.labels).toEqual(['2024-Q1', '2024-Q3', '2025-Q1']);
    expect(Array.from(w.waveOf)).toEqual([0, 1, 0, 2, 2, -1]);
    const r = allTransitions(t);
    // Q2 and Q4 had no answers, so Q1 → Q3 and Q3 → Q1 are the consecutive pairs.
    expect(r.transitions.map((x) => [x.from, x.to, x.paired, x.onlyFrom, x.onlyTo])).toEqual([
      ['2024-Q1', '2024-Q3', 1, 1, 0],
      ['2024-Q3', '2025-Q1', 1, 0, 1],
    ]);
    expect(r.transitions[0].counts).toEqual([[0, 0, 0], [0, 0, 0], [1, 0, 0]]);
  });
  it('can use months or half-years instead', () => {
    const t = tableFromRows([
      { day: day('2023-12-31'), score: 1 }, { day: day('2024-06-30'), score: 1 }, { day: day('2024-07-01'), score: 1 },
    ]);
    expect(assignWaves(t, { kind: 'period', period: 'month' }).labels).toEqual(['2023-12', '2024-06', '2024-07']);
    expect(assignWaves(t, { kind: 'period', period: 'half' }).labels).toEqual(['2023-H2', '2024-H1', '2024-H2']);
  });
  it('a stray far-off date (beyond the day lookup table) still gets its own quarter', () => {
    const t = tableFromRows([
      { day: day('2024-05-01'), score: 1 }, { day: day('2999-12-31'), score: 1 }, { day: day('2024-04-01'), score: 1 },
    ]);
    const w = assignWaves(t);
    expect(w.labels).toEqual(['2024-Q2', '2999-Q4']);
    expect(Array.from(w.waveOf)).toEqual([0, 1, 0]);
  });
  it('uses the wave column when any answer has a wave, even when dates would give other quarters', () => {
    const t = tableFromRows([
      { customer: 1, wave: 'Spring', day: day('2024-01-10'), score: 9 },
      { customer: 1, wave: 'Autumn', day: day('2024-02-10'), score: 9 },
      { customer: 2, wave: '', day: day('2024-03-10'), score: 9 },
    ]);
    const w = assignWaves(t);
    expect(w.source).toEqual({ kind: 'column' });
    expect(w.labels).toEqual(['Spring', 'Autumn']);
    expect(Array.from(w.waveOf)).toEqual([0, 1, -1]);
  });
  it('orders waves by their earliest answer, not by name or first row', () => {
    const t = tableFromRows([
      { wave: 'Wave 10', day: 300, score: 5 },
      { wave: 'Wave 9', day: 100, score: 5 },
      { wave: 'Wave 10', day: 90, seconds: 500, score: 5 },
      { wave: 'Wave 11', day: 90, seconds: 400, score: 5 },
      { wave: 'Undated', score: 5 },
    ]);
    expect(assignWaves(t).labels).toEqual(['Wave 11', 'Wave 10', 'Wave 9', 'Undated']);
  });
  it('a filter drops waves without kept answers and keeps the order of the rest', () => {
    const t = tableFromRows([
      { wave: 'B', day: 5, score: 5 }, { wave: 'B', day: 50, score: 5 },
      { wave: 'A', day: 10, score: 5 }, { wave: 'C', day: 20, score: 5 },
    ]);
    const w = assignWaves(t, undefined, Uint8Array.from([0, 1, 1, 0]));
    expect(w.labels).toEqual(['B', 'A']);
    expect(Array.from(w.waveOf)).toEqual([-1, 0, 1, -1]);
  });
});

describe('the transition matrix', () => {
  // Expand a 3×3 table into customers: rows wave-1 category, columns wave-2 category.
  const SCORE = [3, 7, 10];
  function tableOf(counts: number[][]) {
    const rows: AnswerRow[] = [];
    let customer = 0;
    counts.forEach((r, i) => r.forEach((n, j) => {
      for (let k = 0; k < n; k++) {
        customer++;
        rows.push({ customer, wave: 'W1', day: 1, score: SCORE[i] }, { customer, wave: 'W2', day: 2, score: SCORE[j] });
      }
    }));
    return tableFromRows(rows);
  }
  const SECTION_2 = [[15, 10, 5], [4, 26, 10], [1, 4, 25]];
  const t = allTransitions(tableOf(SECTION_2)).transitions[0];

  it('counts each cell with rows = from category, columns = to category', () => {
    expect(t.counts).toEqual(SECTION_2);
    expect(t.matrix).toEqual({
      detractor: { detractor: 15, passive: 10, promoter: 5 },
      passive: { detractor: 4, passive: 26, promoter: 10 },
      promoter: { detractor: 1, passive: 4, promoter: 25 },
    });
    expect([t.paired, t.onlyFrom, t.onlyTo]).toEqual([100, 0, 0]);
  });
  it('improved = above the diagonal, stable = on it, worsened = below', () => {
    expect([t.improved, t.stable, t.worsened]).toEqual([25, 66, 9]);
  });
  it("carries Stuart–Maxwell (7.6923, p 0.0214) and the paired NPS change (+20, Student's t 2.872, p 0.00499)", () => {
    expect(t.stuartMaxwell!.chi2).toBeCloseTo(7.6923, 4);
    expect(t.stuartMaxwell!.p).toBeCloseTo(0.0214, 4);
    expect(t.pairedNps!.difference).toBeCloseTo(20, 10);
    expect(t.pairedNps).toMatchObject({ method: 't' });
    expect(t.pairedNps!.p).toBeCloseTo(0.00499, 5);
    expect(t.pairedNps).toEqual(pairedChange(SECTION_2));
  });
  it('uses the exact McNemar test when all movement is between two categories and fewer than 25 moved', () => {
    // 7 passive → promoter, 1 promoter → passive: exact p 0.0703 (docs/methods.md §14).
    const rows = [
      ...Array.from({ length: 7 }, (_, i) => [`M${i}`, 8, 9]), ...[['B0', 9, 8]],
      ...Array.from({ length: 10 }, (_, i) => [`S${i}`, 3, 3]),
    ] as Array<[string, number, number]>;
    const t2 = tableFromRows(rows.flatMap(([account, a, b]) => [{ score: a, account, wave: 'W1' }, { score: b, account, wave: 'W2' }]));
    t2.customer = encodeCustomers(t2, 'account');
    const tr = transitionBetween(t2, assignWaves(t2), 0, 1);
    expect(tr.stuartMaxwell!.df).toBe(1);
    expect(tr.exactMcNemar).toBeCloseTo(0.0703, 4);
  });
  it('customersInCell lists the customers behind a cell, and the one-wave-only customers', () => {
    const table = tableFromRows([
      { customer: 7, wave: 'W1', day: 1, score: 8 }, { customer: 7, wave: 'W2', day: 2, score: 10 },
      { customer: 3, wave: 'W1', day: 1, score: 7 }, { customer: 3, wave: 'W2', day: 2, score: 9 },
      { customer: 5, wave: 'W1', day: 1, score: 7 }, { customer: 5, wave: 'W2', day: 2, score: 7 },
      { customer: 6, wave: 'W1', day: 1, score: 2 },
      { customer: 8, wave: 'W2', day: 2, score: 9 },
    ]);
    const w = assignWaves(table);
    expect(customersInCell(table, w, 0, 1, 1, 2)).toEqual([
      { customer: 3, fromAnswer: 2, toAnswer: 3 },
      { customer: 7, fromAnswer: 0, toAnswer: 1 },
    ]);
    expect(customersInCell(table, w, 0, 1, 0, 'none')).toEqual([{ customer: 6, fromAnswer: 6, toAnswer: -1 }]);
    expect(customersInCell(table, w, 0, 1, 'none', 2)).toEqual([{ customer: 8, fromAnswer: -1, toAnswer: 7 }]);
    expect(customersInCell(table, w, 0, 1, 'none', 'none')).toEqual([]);
  });
});

describe('one entry per consecutive pair of waves, fast enough for 100,000 customers × 12 waves', () => {
  it('pairs every customer across 12 waves of 100,000 customers (speed is measured by npm run bench)', () => {
    const customers = 100_000, waveCount = 12, n = customers * waveCount;
    const table = blankTable(n);
    const labels: string[] = new Array(n);
    let seed = 1;
    for (let w = 0, i = 0; w < waveCount; w++) {
      for (let c = 1; c <= customers; c++, i++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        table.customer[i] = c;
        table.score[i] = seed % 11;
        table.day[i] = 19_000 + 30 * w;
        table.seconds[i] = -1;
        labels[i] = `Wave ${w + 1}`;
      }
    }
    table.wave = packText(labels);
    const r = allTransitions(table);
    expect(r.transitions).toHaveLength(11);
    expect(r.transitions.every((x) => x.paired === customers && x.onlyFrom === 0 && x.onlyTo === 0)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// The acceptance fixtures (tests/fixtures/acceptance), through the real import pipeline;
// expected.json, computed independently of the app, is the ground truth.

const FIXTURES = join(__dirname, '../../../tests/fixtures/acceptance');
const CASES: Array<[string, string]> = [
  ['waves-transitions', 'nps_waves.csv'],
  ['singular-transition', 'singular_waves.csv'],
  ['calendar-waves', 'crm_nps_export.csv'],
];

interface ExpectedTransition {
  from: string; to: string; paired: number; onlyFrom: number; onlyTo: number;
  matrix: Record<string, Record<string, number>>;
  stuartMaxwell: { chi2: number; df: number; p: number } | null;
}

describe.each(CASES)('fixture %s: every transition equals expected.json', (dir, file) => {
  const bytes = new Uint8Array(readFileSync(`${FIXTURES}/${dir}/${file}`));
  const plan = previewFile(bytes, true).plan;
  const { table } = importFiles([{ name: file, bytes }], [plan]);
  const expected: ExpectedTransition[] = JSON.parse(readFileSync(`${FIXTURES}/${dir}/expected.json`, 'utf8')).transitions;
  const got = allTransitions(table).transitions;

  it('has the same consecutive pairs of waves', () => {
    expect(got.map((t) => [t.from, t.to])).toEqual(expected.map((t) => [t.from, t.to]));
  });
  it.each(expected.map((e, k) => [`${e.from} → ${e.to}`, k] as const))('%s: counts, matrix and Stuart–Maxwell', (_, k) => {
    const e = expected[k], t = got[k];
    expect({ paired: t.paired, onlyFrom: t.onlyFrom, onlyTo: t.onlyTo }).toEqual({ paired: e.paired, onlyFrom: e.onlyFrom, onlyTo: e.onlyTo });
    expect(t.matrix).toEqual(e.matrix);
    if (e.stuartMaxwell === null) {
      expect(t.stuartMaxwell).toBeNull();
    } else {
      expect(t.stuartMaxwell!.df).toBe(e.stuartMaxwell.df);
      expect(Math.abs(t.stuartMaxwell!.p - e.stuartMaxwell.p)).toBeLessThan(0.01);
      expect(Math.abs(t.stuartMaxwell!.chi2 - e.stuartMaxwell.chi2)).toBeLessThan(0.001);
    }
  });
});
