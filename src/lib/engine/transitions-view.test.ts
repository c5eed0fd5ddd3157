import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blankTable, tableFromRows, type AnswerRow } from './answers';
import { packText } from './text-column';
import type { TopicTags } from './text/tag';
import { previewFile } from '../ingest/preview';
import { importFiles } from '../ingest/pipeline';
import { WavePicker } from './transitions';
import { transitionsView } from './transitions-view';

// ---------------------------------------------------------------------------------------------
// A small table counted by hand. Scores per wave A, B, C (– = no answer):
//
//   customer  1: 9  3  3      customer  6: –  6  6
//   customer  2: 7  9 10      customer  7: 5  5  –
//   customer  3: 2  8  –      customer  8: 9  8  9
//   customer  4: 10 10 8      customer  9: –  –  10
//   customer  5: 8  –  7      customer 10: 6  –  –
//
// Customer 4 answered B twice: 2 first, then 10 (latest 10, promoter; mean 6, detractor).
// Customer 0 is nobody and takes no part. Plans (on the wave-B answers): 1, 10 Free, else Pro.

const SERIES: Record<number, Array<number | null>> = {
  1: [9, 3, 3], 2: [7, 9, 10], 3: [2, 8, null], 4: [10, 10, 8], 5: [8, null, 7],
  6: [null, 6, 6], 7: [5, 5, null], 8: [9, 8, 9], 9: [null, null, 10], 10: [6, null, null],
};
const FREE = new Set([1, 10]);
const rows: AnswerRow[] = [];
/** Row (= answer index) of each customer's counted answer per wave, e.g. `at['4B']`. */
const at: Record<string, number> = {};
rows.push({ customer: 4, wave: 'B', day: 250, score: 2, segments: [2] });
for (const [c, scores] of Object.entries(SERIES)) {
  scores.forEach((score, w) => {
    if (score === null) return;
    at[`${c}${'ABC'[w]}`] = rows.length;
    rows.push({ customer: Number(c), wave: 'ABC'[w], day: 100 * (w + 1) + 60, score, segments: [FREE.has(Number(c)) ? 1 : 2] });
  });
}
rows.push({ customer: 0, wave: 'A', day: 160, score: 0, segments: [1] }, { customer: 0, wave: 'B', day: 260, score: 10, segments: [1] });
const table = tableFromRows(rows, 1);
const PLAN = [{ name: 'plan', values: ['', 'Free', 'Pro'] }];

describe('transitionsView on a hand-counted table, chosen pair A → B (the default is B → C)', () => {
  const view = transitionsView(table, { a: 0, b: 1, segmentColumns: PLAN, minDriverCustomers: 1 });
  const chosen = view.chosen!;

  it('names the waves and the pair', () => {
    expect([view.labels, view.source, view.a, view.b]).toEqual([['A', 'B', 'C'], { kind: 'column' }, 0, 1]);
  });
  it('pairs 1, 2, 3, 4, 7, 8; 5 and 10 answered only A, 6 only B', () => {
    const t = chosen.transition;
    expect([t.from, t.to, t.paired, t.onlyFrom, t.onlyTo]).toEqual(['A', 'B', 6, 2, 1]);
    // 1 promoter→detractor, 2 passive→promoter, 3 detractor→passive, 4 promoter→promoter,
    // 7 detractor→detractor, 8 promoter→passive.
    expect(t.counts).toEqual([[1, 1, 0], [0, 0, 1], [1, 1, 1]]);
    expect([t.improved, t.stable, t.worsened]).toEqual([2, 2, 2]);
  });
  it('tests the pair: Stuart–Maxwell X² 0.4 (d = (0, −1), S = [[2, −1], [−1, 3]]), paired change −16.7 points', () => {
    const t = chosen.transition;
    expect(t.stuartMaxwell!.chi2).toBeCloseTo(0.4, 10);
    expect(t.stuartMaxwell!.df).toBe(2);
    expect(t.stuartMaxwell!.p).toBeCloseTo(Math.exp(-0.2), 10);
    // Changes −2, +1, +1, 0, 0, −1: mean −1/6, s² = (7 − 6/36)/5, SE = 100·√(s²/6) = 47.726.
    expect(t.pairedNps!.difference).toBeCloseTo(-100 / 6, 10);
    expect(t.pairedNps!.se).toBeCloseTo(47.726, 3);
    // Four customers moved (2 up, 2 down): too few for t, the exact sign test gives p = 1.
    expect(t.pairedNps).toMatchObject({ method: 'sign', up: 2, down: 2, p: 1 });
    // Movement in all three pairs of categories: no exact McNemar.
    expect(t.exactMcNemar).toBeNull();
  });
  it('counts lost (5 passive, 10 detractor) and gained (6 detractor), row totals and row shares', () => {
    expect([chosen.lost, chosen.gained]).toEqual([[1, 1, 0], [1, 0, 0]]);
    // Detractors in A: 3, 7, 10; passives: 2, 5; promoters: 1, 4, 8.
    expect(chosen.rowTotals).toEqual([3, 2, 3]);
    expect(chosen.rowPercent).toEqual([[100 / 3, 100 / 3, 0, 100 / 3], [0, 0, 50, 50], [100 / 3, 100 / 3, 100 / 3, 0]]);
    expect(chosen.percent).toEqual({ improved: 100 / 3, stable: 100 / 3, worsened: 100 / 3 });
  });
  it('lists the customers of every cell, the one-wave-only customers included', () => {
    const who = (i: number, j: number) => chosen.cells[i][j].map((r) => [r.customer, r.fromAnswer, r.toAnswer]);
    expect(who(2, 0)).toEqual([[1, at['1A'], at['1B']]]);
    expect(who(1, 2)).toEqual([[2, at['2A'], at['2B']]]);
    // Customer 4's later B answer (10) is the one listed, not the earlier 2.
    expect(who(2, 2)).toEqual([[4, at['4A'], at['4B']]]);
    expect(who(0, 3)).toEqual([[10, at['10A'], -1]]);
    expect(who(1, 3)).toEqual([[5, at['5A'], -1]]);
    expect(who(3, 0)).toEqual([[6, -1, at['6B']]]);
    expect(chosen.cells.flat().reduce((n, list) => n + list.length, 0)).toBe(9);
  });
  it('movers are the wave-B answers of 3 and 2 (up) and of 1 and 8 (down)', () => {
    expect(chosen.movers).toEqual({ up: [at['3B'], at['2B']], down: [at['1B'], at['8B']] });
  });
  it('segment drivers: improvers 0 of 2 on Free, decliners 1 of 2; Pro 2 of 2 against 1 of 2', () => {
    expect(view.drivers.map((d) => [d.column, d.value, d.improved, d.declined, d.shareImproved, d.shareDeclined, d.difference]))
      .toEqual([['plan', 'Free', 0, 1, 0, 0.5, -50], ['plan', 'Pro', 2, 1, 1, 0.5, 50]]);
  });
  it('has no topic drivers without tags', () => {
    expect(view.topicDrivers).toEqual([]);
  });
});

describe('transitionsView: every consecutive pair, for the small Sankeys and the table of every pair', () => {
  const view = transitionsView(table);
  it('A → B as above; B → C pairs 1, 2, 4, 6, 8, with 3 and 7 lost and 5 and 9 new', () => {
    expect(view.pairs.map((p) => [p.a, p.b, p.transition.from, p.transition.to])).toEqual([[0, 1, 'A', 'B'], [1, 2, 'B', 'C']]);
    const [ab, bc] = view.pairs;
    expect([ab.transition.counts, ab.lost, ab.gained]).toEqual([[[1, 1, 0], [0, 0, 1], [1, 1, 1]], [1, 1, 0], [1, 0, 0]]);
    // 1 and 6 detractor→detractor, 2 promoter→promoter, 4 promoter→passive, 8 passive→promoter.
    expect([bc.transition.paired, bc.transition.onlyFrom, bc.transition.onlyTo]).toEqual([5, 2, 2]);
    expect(bc.transition.counts).toEqual([[2, 0, 0], [0, 0, 1], [0, 1, 1]]);
    expect([bc.lost, bc.gained]).toEqual([[1, 1, 0], [0, 1, 1]]);
    expect(bc.percent).toEqual({ improved: 20, stable: 60, worsened: 20 });
  });
  it('chooses the last two waves by default, and again when the choice is out of range', () => {
    expect([view.a, view.b, view.chosen!.transition.from, view.chosen!.transition.to]).toEqual([1, 2, 'B', 'C']);
    const stale = transitionsView(table, { a: 5, b: -1 });
    expect([stale.a, stale.b]).toEqual([1, 2]);
  });
  it('a chosen pair that is not consecutive: A → C pairs 1, 2, 4, 5, 8', () => {
    const t = transitionsView(table, { a: 0, b: 2 }).chosen!.transition;
    // 1 promoter→detractor, 2 passive→promoter, 4 promoter→passive, 5 passive→passive, 8 promoter→promoter.
    expect([t.paired, t.onlyFrom, t.onlyTo, t.counts]).toEqual([5, 3, 2, [[0, 0, 0], [0, 1, 1], [1, 1, 1]]]);
  });
  it('no chosen pair when a = b, and nothing but the labels with one wave', () => {
    const same = transitionsView(table, { a: 1, b: 1, segmentColumns: PLAN });
    expect([same.chosen, same.drivers, same.pairs.length]).toEqual([null, [], 2]);
    const one = transitionsView(tableFromRows([{ customer: 1, wave: 'A', day: 1, score: 9 }]));
    expect([one.labels, one.chosen, one.pairs, one.watch]).toEqual([['A'], null, [], []]);
  });
});

describe('transitionsView: the watch-list', () => {
  it('4 fell from promoter to passive (first: it can be acted on), 7 silent one wave, 10 silent two waves after a detractor answer', () => {
    expect(transitionsView(table).watch).toEqual([
      { customer: 4, reason: 'promoter-to-passive', lastScore: 8, drop: 2, silentWaves: 0, history: [{ wave: 'A', score: 10 }, { wave: 'B', score: 10 }, { wave: 'C', score: 8 }] },
      { customer: 7, reason: 'silent-after-detractor', lastScore: 5, drop: 0, silentWaves: 1, history: [{ wave: 'A', score: 5 }, { wave: 'B', score: 5 }] },
      { customer: 10, reason: 'silent-after-detractor', lastScore: 6, drop: 0, silentWaves: 2, history: [{ wave: 'A', score: 6 }] },
    ]);
  });
});

describe('transitionsView: the wave rule and the filter', () => {
  it("rule 'mean': customer 4 is a detractor in B (mean of 2 and 10), so A → B has one more decliner", () => {
    const view = transitionsView(table, { rule: 'mean', a: 0, b: 1 });
    const t = view.chosen!.transition;
    expect(t.counts).toEqual([[1, 1, 0], [0, 0, 1], [2, 1, 0]]);
    expect([t.improved, t.stable, t.worsened]).toEqual([2, 1, 3]);
    expect(view.pairs[1].transition.counts).toEqual([[2, 1, 0], [0, 0, 1], [0, 0, 1]]);
    // 10, 6, 8: the rise from 6 starts a new run, and the wave before the last was no promoter.
    expect(view.watch.map((w) => w.customer)).toEqual([7, 10]);
  });
  it('a filter that keeps waves B and C only: two waves, B → C chosen, customer 10 gone', () => {
    const include = Uint8Array.from(rows, (r) => (r.wave === 'A' ? 0 : 1));
    const view = transitionsView(table, { include });
    expect([view.labels, view.a, view.b, view.chosen!.transition.counts]).toEqual([['B', 'C'], 0, 1, [[2, 0, 0], [0, 0, 1], [0, 1, 1]]]);
    expect(view.watch.map((w) => [w.customer, w.reason, w.silentWaves])).toEqual([[4, 'promoter-to-passive', 0], [7, 'silent-after-detractor', 1]]);
  });
});

describe('transitionsView: topic drivers of the movers', () => {
  it("support: 2 (up) positive and 1 (down) negative; price: 8 (down) negative", () => {
    const mask = new Uint8Array(table.length), polarity = new Int8Array(2 * table.length);
    const tag = (answer: number, topic: number, sign: number) => {
      mask[answer] |= 1 << topic;
      polarity[topic * table.length + answer] = sign;
    };
    tag(at['2B'], 0, 1);
    tag(at['1B'], 0, -1);
    tag(at['8B'], 1, -1);
    const tags: TopicTags = { topicIds: ['support', 'price'], mask, polarity, written: new Uint8Array(table.length).fill(1), length: table.length, commented: table.length, emptyComments: 0, totals: [] };
    const rowsOf = transitionsView(table, { a: 0, b: 1, tags, minDriverCustomers: 1 }).topicDrivers;
    expect(rowsOf.map((r) => [r.topicId, r.shareImproved, r.shareDeclined, r.negativeImproved, r.negativeDeclined, r.difference])).toEqual([
      ['price', 0, 0.5, 0, 0.5, -50],
      ['support', 0.5, 0.5, 0, 0.5, 0],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// One pick per wave: every part of the view reads the same picks.

describe('transitionsView picks each wave once', () => {
  afterEach(() => vi.restoreAllMocks());

  it('three waves, a pair that is not consecutive: three picks, one of each wave', () => {
    const pick = vi.spyOn(WavePicker.prototype, 'pick');
    transitionsView(table, { a: 0, b: 2, segmentColumns: PLAN });
    expect(pick.mock.calls.map((c) => c[0]).sort()).toEqual([0, 1, 2]);
  });
  it('twelve waves with a watch-list: twelve picks', () => {
    const customers = 200, waves = 12, n = customers * waves;
    const t = blankTable(n);
    const labels: string[] = [];
    for (let w = 0, i = 0; w < waves; w++) {
      for (let c = 1; c <= customers; c++, i++) {
        // Every fourth customer falls a point a wave and skips the last: silent after a detractor answer.
        t.customer[i] = c % 4 === 1 && w === waves - 1 ? 0 : c;
        t.score[i] = c % 4 === 1 ? Math.max(0, 10 - w) : 9;
        t.day[i] = 100 + 30 * w;
        t.seconds[i] = -1;
        labels.push(`W${w + 1}`);
      }
    }
    t.wave = packText(labels);
    const pick = vi.spyOn(WavePicker.prototype, 'pick');
    const view = transitionsView(t, { a: 3, b: 9 });
    expect(view.watch.length).toBeGreaterThan(0);
    expect(view.pairs).toHaveLength(11);
    expect(pick.mock.calls.map((c) => c[0]).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
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
const ORDER = ['detractor', 'passive', 'promoter'] as const;

interface ExpectedTransition {
  from: string; to: string; paired: number; onlyFrom: number; onlyTo: number;
  matrix: Record<string, Record<string, number>>;
  stuartMaxwell: { chi2: number; df: number; p: number } | null;
}

describe.each(CASES)('fixture %s: the view equals expected.json', (dir, file) => {
  const bytes = new Uint8Array(readFileSync(`${FIXTURES}/${dir}/${file}`));
  const { table: imported } = importFiles([{ name: file, bytes }], [previewFile(bytes, true).plan]);
  const expected: ExpectedTransition[] = JSON.parse(readFileSync(`${FIXTURES}/${dir}/expected.json`, 'utf8')).transitions;
  const view = transitionsView(imported);

  it('has the waves and the consecutive pairs of expected.json, and chooses the last one', () => {
    expect(view.pairs.map((p) => [p.transition.from, p.transition.to])).toEqual(expected.map((e) => [e.from, e.to]));
    expect(view.labels).toEqual([expected[0].from, ...expected.map((e) => e.to)]);
    expect([view.chosen!.transition.from, view.chosen!.transition.to]).toEqual([expected.at(-1)!.from, expected.at(-1)!.to]);
  });
  it.each(expected.map((e, k) => [`${e.from} → ${e.to}`, k] as const))('%s: chosen, its cells, lost, gained and rows; the pair in the table', (_, k) => {
    const e = expected[k];
    const chosen = transitionsView(imported, { a: k, b: k + 1 }).chosen!;
    for (const t of [chosen.transition, view.pairs[k].transition]) {
      expect({ paired: t.paired, onlyFrom: t.onlyFrom, onlyTo: t.onlyTo }).toEqual({ paired: e.paired, onlyFrom: e.onlyFrom, onlyTo: e.onlyTo });
      expect(t.matrix).toEqual(e.matrix);
      if (e.stuartMaxwell === null) expect(t.stuartMaxwell).toBeNull();
      else {
        expect(t.stuartMaxwell!.df).toBe(e.stuartMaxwell.df);
        expect(Math.abs(t.stuartMaxwell!.p - e.stuartMaxwell.p)).toBeLessThan(0.01);
        expect(Math.abs(t.stuartMaxwell!.chi2 - e.stuartMaxwell.chi2)).toBeLessThan(0.001);
      }
    }
    // The cells hold exactly the matrix's customers; the lost and the new add up to onlyFrom / onlyTo.
    ORDER.forEach((f, i) => ORDER.forEach((c, j) => expect(chosen.cells[i][j]).toHaveLength(e.matrix[f][c])));
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    expect([sum(chosen.lost), sum(chosen.gained)]).toEqual([e.onlyFrom, e.onlyTo]);
    expect([sum(chosen.cells[0].slice(3).concat(chosen.cells[1].slice(3), chosen.cells[2].slice(3)).map((l) => l.length)), sum(chosen.cells[3].map((l) => l.length))]).toEqual([e.onlyFrom, e.onlyTo]);
    ORDER.forEach((f, i) => expect(chosen.rowTotals[i]).toBe(sum(ORDER.map((c) => e.matrix[f][c])) + chosen.lost[i]));
    expect(sum(chosen.rowTotals)).toBe(e.paired + e.onlyFrom);
    expect([view.pairs[k].lost, view.pairs[k].gained]).toEqual([chosen.lost, chosen.gained]);
    // Movers: everyone off the diagonal.
    const off = sum(ORDER.flatMap((f) => ORDER.filter((c) => c !== f).map((c) => e.matrix[f][c])));
    expect(chosen.movers.up.length + chosen.movers.down.length).toBe(off);
  });
});
