/**
 * The Outcomes view's figures on the hand-made fixture tests/fixtures/outcomes/accounts-nps.csv:
 * 20 accounts, two waves, churn, ARR and satisfaction (1–5) on every row, read through the real
 * import. Every expected number below was computed independently of the app by
 * tests/fixtures/outcomes/expected.py (plain Python and SciPy: the Wilson formula with
 * z = 1.959964, scipy.stats.chi2_contingency without correction, scipy.stats.fisher_exact, the
 * adjusted two-sample formula of docs/methods.md §3), and the counts can be checked by hand:
 *
 *   latest answer per account   accounts   churned            rate
 *   detractors  A01–A06              6     A01 A02 A03      3/6 = 50%
 *   passives    A07–A12              6     A07              1/6 = 16.7%
 *   promoters   A13–A20              8     A13              1/8 = 12.5%
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { previewFile } from '../ingest/preview';
import { importFiles } from '../ingest/pipeline';
import { assembleImport } from '../ingest/assemble';
import { planAccountFile, readAccountFile } from '../ingest/account-file';
import { outcomesView, hasOutcomes } from './outcomes';
import { accountTable } from './accounts';
import { tableFromRows } from './answers';
import { isoToDay } from './days';
import { churnView } from './churn';
import { inertiaAnswers } from './csat';
import { followUpView } from './follow-ups';
import { assignWaves } from './transitions';
import { responseView } from './response-bias';

const dir = join(__dirname, '../../../tests/fixtures/outcomes');
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

function importFixture(name: string) {
  const bytes = bytesOf(name);
  const plan = previewFile(bytes, true).plan;
  const built = importFiles([{ name, bytes }], [plan]);
  return { plan, ...assembleImport(built, { kind: 'new', id: 't', name }, { sources: [{ name, size: bytes.length }], plans: [plan], at: 0 }) };
}

const fixture = importFixture('accounts-nps.csv');
const invited = readAccountFile(bytesOf('invited.csv'), planAccountFile(bytesOf('invited.csv'), 'invited.csv'), 0).invited!;
const view = outcomesView({ table: fixture.table, identity: fixture.record.identity, segmentColumns: fixture.record.segmentColumns, invited, lostShare: 0.3, segment: 'plan' });

describe('outcomesView on the fixture', () => {
  it('reads churn, revenue and satisfaction from the export', () => {
    expect(fixture.plan.roles).toEqual(['account', 'date', 'wave', 'score', 'comment', 'segment', 'churn', 'revenue', 'csat']);
    expect(hasOutcomes(fixture.table, fixture.record)).toBe(true);
    expect(view.accounts).toBe(20);
  });

  it('gives churn per category of each account’s latest answer, with Wilson intervals', () => {
    const c = view.churn!;
    expect(c.accounts).toBe(20);
    expect(c.unknown).toBe(0);
    expect([c.byCategory.detractor.n, c.byCategory.detractor.events]).toEqual([6, 3]);
    expect([c.byCategory.passive.n, c.byCategory.passive.events]).toEqual([6, 1]);
    expect([c.byCategory.promoter.n, c.byCategory.promoter.events]).toEqual([8, 1]);
    expect(c.byCategory.detractor.rate).toBeCloseTo(50, 10);
    expect(c.byCategory.passive.rate).toBeCloseTo(16.6667, 3);
    expect(c.byCategory.promoter.rate).toBeCloseTo(12.5, 10);
    expect(c.byCategory.detractor.ci95![0]).toBeCloseTo(18.7616, 3);
    expect(c.byCategory.detractor.ci95![1]).toBeCloseTo(81.2384, 3);
    expect(c.byCategory.passive.ci95![0]).toBeCloseTo(3.0053, 3);
    expect(c.byCategory.passive.ci95![1]).toBeCloseTo(56.3503, 3);
    expect(c.byCategory.promoter.ci95![0]).toBeCloseTo(2.2417, 3);
    expect(c.byCategory.promoter.ci95![1]).toBeCloseTo(47.0888, 3);
    expect(c.overall.rate).toBeCloseTo(25, 10);
    // χ² of churned/retained × category: 2.8889, df 2, p 0.23588 — with expected counts below 5.
    expect(c.test!.chi2).toBeCloseTo(2.888889, 5);
    expect(c.test!.df).toBe(2);
    expect(c.test!.p).toBeCloseTo(0.235877, 5);
    expect(c.fewExpected).toBe(true);
  });

  it('compares the NPS of churned and retained accounts', () => {
    const c = view.churn!;
    expect([c.churned.promoters, c.churned.passives, c.churned.detractors]).toEqual([1, 1, 3]);
    expect(c.churned.nps).toBeCloseTo(-40, 10);
    expect(c.retained.nps).toBeCloseTo(26.6667, 3);
    expect(c.difference!.difference).toBeCloseTo(47.2222, 3);
    expect(c.difference!.ci95[0]).toBeCloseTo(-18.0406, 3);
    expect(c.difference!.ci95[1]).toBeCloseTo(112.4850, 3);
    expect(c.difference!.p).toBeCloseTo(0.156141, 5);
  });

  it('sums the revenue of accounts still there per category, and what is at risk', () => {
    const r = view.revenue!;
    expect(r.byCategory.detractor.sum).toBe(1_800_000);
    expect(r.byCategory.passive.sum).toBe(2_700_000);
    expect(r.byCategory.promoter.sum).toBe(4_900_000);
    expect(r.total).toBe(9_400_000);
    expect(r.byCategory.detractor.share).toBeCloseTo(19.1489, 3);
    expect(r.byCategory.passive.share).toBeCloseTo(28.7234, 3);
    expect(r.byCategory.promoter.share).toBeCloseTo(52.1277, 3);
    expect(r.churnedLeftOut).toBe(5);
    // Falling passives: A08 (9 → 7) and A09 (8 → 7); A10 rose (7 → 8).
    expect(r.base).toEqual({ detractors: 1_800_000, fallingPassives: 1_700_000, total: 3_500_000, accounts: 5 });
    expect(r.atRisk).toBeCloseTo(1_050_000, 6);
    expect(r.byCategory.detractor.atRisk).toBeCloseTo(540_000, 6);
    expect(r.byCategory.passive.atRisk).toBeCloseTo(510_000, 6);
    expect(r.byCategory.promoter.atRisk).toBe(0);
    // Of the 8 detractor and falling-passive accounts, 3 churned: 37.5% [13.68, 69.43].
    expect(r.observedLoss!.events).toBe(3);
    expect(r.observedLoss!.n).toBe(8);
    expect(r.observedLoss!.ci95![0]).toBeCloseTo(13.6844, 3);
    expect(r.observedLoss!.ci95![1]).toBeCloseTo(69.4258, 3);
  });

  it('gives NPS and churn per plan, each plan’s churn tested against the rest with BH q', () => {
    const rows = view.bySegment!.rows;
    expect(rows.map((r) => r.value)).toEqual(['Free', 'Standard', 'Pro']);
    const [free, standard, pro] = rows;
    expect([free.churn.events, free.churn.n, free.nps.nps]).toEqual([3, 6, expect.closeTo(-33.3333, 3)]);
    expect(free.p).toBeCloseTo(0.131321, 5);
    expect(free.q).toBeCloseTo(0.196981, 5);
    expect(pro.churn.events).toBe(0);
    expect(pro.churn.ci95![1]).toBeCloseTo(35.4330, 3);
    expect(pro.nps.nps).toBeCloseTo(42.8571, 3);
    expect(pro.p).toBeCloseTo(0.113713, 5);
    expect(pro.q).toBeCloseTo(0.196981, 5);
    expect(standard.nps.nps).toBeCloseTo(14.2857, 3);
    expect(standard.p).toBeCloseTo(1, 6);
    expect(standard.q).toBeCloseTo(1, 6);
  });

  it('lays satisfaction against the NPS category and finds the satisfied who do not recommend', () => {
    const g = view.csat!;
    expect(g.scale).toBe(5);
    expect(g.source).toBe('answers');
    expect(g.rows.map((r) => [r.value, ...r.counts])).toEqual([[5, 1, 1, 5], [4, 1, 2, 2], [3, 1, 2, 1], [2, 2, 1, 0], [1, 1, 0, 0]]);
    // A04, A06, A08, A10, A11: satisfied (4–5) yet passive or detractor; none churned. A13 did.
    expect(g.satisfied).toBe(12);
    expect(g.inertia).toBe(5);
    expect([g.inertiaChurn!.events, g.inertiaChurn!.n]).toEqual([0, 5]);
    expect([g.satisfiedPromoterChurn!.events, g.satisfiedPromoterChurn!.n]).toEqual([1, 7]);
  });

  it('gives response rates of the invited per wave and plan, and who stopped or never answered', () => {
    const r = view.response!;
    expect([r.listed, r.matched, r.unmatched]).toEqual([24, 20, 4]);
    expect(r.byWave.map((w) => [w.wave, w.rate.events, w.rate.n])).toEqual([['W1', 10, 22], ['W2', 17, 24]]);
    expect(r.byWave[0].rate.ci95![0]).toBeCloseTo(26.9203, 3);
    expect(r.byWave[0].rate.ci95![1]).toBeCloseTo(65.3402, 3);
    expect(r.byWave[1].rate.ci95![0]).toBeCloseTo(50.8323, 3);
    expect(r.byWave[1].rate.ci95![1]).toBeCloseTo(85.0854, 3);
    expect(r.wave).toBe('W2');
    const plans = r.bySegment[0].rows;
    expect(plans.map((p) => [p.value, p.rate.events, p.rate.n])).toEqual([['Free', 5, 8], ['Pro', 6, 8], ['Standard', 6, 8]]);
    expect(plans[0].p).toBeCloseTo(0.646626, 5);
    expect(plans[0].rate.ci95![0]).toBeCloseTo(30.5742, 3);
    expect(r.stopped.map((s) => [s.account, s.lastScore])).toEqual([['A05', 4], ['A16', 9], ['A15', 10]]);
    expect([r.stoppedMix.promoters, r.stoppedMix.passives, r.stoppedMix.detractors]).toEqual([2, 0, 1]);
    expect(r.never).toBe(4);
    // W2's 17 answers: 6/6/5 → NPS 5.88; with the three who stopped at their last answer, 8/6/6 → 10.
    expect(r.answered.nps).toBeCloseTo(5.8824, 3);
    expect(r.withStopped.nps).toBeCloseTo(10, 10);
  });

  it('takes the at-risk share as given, 100% by default', () => {
    const all = outcomesView({ table: fixture.table, identity: fixture.record.identity, segmentColumns: fixture.record.segmentColumns });
    expect(all.revenue!.atRisk).toBe(3_500_000);
    expect(all.response).toBeNull();
  });
});

describe('accountTable: churned accounts are measured before they left', () => {
  const day = isoToDay;
  // X: answers 9 (Jan) and 2 (Jun, after leaving in May) → counts the 9. Y: one answer after
  // leaving → no answer counts. Z: not churned, latest 3 counts.
  const table = tableFromRows([
    { account: 'X', customer: 1, score: 9, day: day('2024-01-10') },
    { account: 'X', customer: 1, score: 2, day: day('2024-06-10') },
    { account: 'Y', customer: 2, score: 4, day: day('2024-06-01') },
    { account: 'Z', customer: 3, score: 10, day: day('2024-01-05') },
    { account: 'Z', customer: 3, score: 3, day: day('2024-06-05') },
  ]);
  const facts = {
    file: 'crm.csv', importedAt: 0, columns: { account: 'id', churn: 'churned', churnDate: 'left' },
    accounts: ['X', 'Y', 'Z', 'W'], churn: [1, 1, 0, 1], churnDay: [day('2024-05-01'), day('2024-05-15'), -2147483648, day('2024-01-01')],
    withoutAccount: 0, repeated: 0,
  };
  const accounts = accountTable(table, 'account', facts);

  it('counts the latest answer before the churn date, and none after it', () => {
    expect(Array.from(accounts.answer)).toEqual([0, -1, 4]);
    expect(accounts.datedChurn).toBe(2);
    expect(accounts.afterLeaving).toBe(1);
    expect(accounts.join).toMatchObject({ matched: 3, unmatched: 1, unmatchedExamples: ['W'], notListed: 0 });
    const c = churnView(table, accounts)!;
    // X counts as a promoter who churned; Y is left out; Z a retained detractor.
    expect([c.byCategory.promoter.events, c.byCategory.promoter.n]).toEqual([1, 1]);
    expect([c.byCategory.detractor.events, c.byCategory.detractor.n]).toEqual([0, 1]);
    expect(c.afterLeaving).toBe(1);
  });

  it('lets the file override the answers’ own churn column', () => {
    const t = tableFromRows([{ account: 'X', customer: 1, score: 5, churn: 0 }, { account: 'Q', customer: 2, score: 5, churn: 1 }]);
    const a = accountTable(t, 'account', { ...facts, accounts: ['Ｘ'], churn: [1], churnDay: [-2147483648] });
    // Ｘ (full width) joins X; Q keeps its own flag.
    expect(Array.from(a.churn)).toEqual([1, 1]);
  });
});

describe('inertia risk in the follow-up lists', () => {
  it('marks satisfied passives and detractors of a wave (CSAT 4–5 of 5) and filters to them', () => {
    const marks = inertiaAnswers(fixture.table, fixture.record.identity)!;
    const waves = assignWaves(fixture.table);
    const w2 = waves.labels.indexOf('W2');
    const options = { show: 'all' as const, order: 'priority' as const, today: 0, inertia: marks };
    const detractors = followUpView(fixture.table, waves, w2, 'detractor', undefined, new Map(), options);
    // W2 detractors: A01 (CSAT 2), A02 (1), A03 (3), A04 (4), A06 (5): A04 and A06 are satisfied.
    expect(detractors.all.filter((r) => r.inertia).map((r) => r.account).sort()).toEqual(['A04', 'A06']);
    const only = followUpView(fixture.table, waves, w2, 'passive', undefined, new Map(), { ...options, inertiaOnly: true });
    expect(only.rows.map((r) => r.account).sort()).toEqual(['A08', 'A10', 'A11']);
    expect(only.total).toBe(3);
    // Promoters are never an inertia risk, satisfied or not.
    expect(followUpView(fixture.table, waves, w2, 'promoter', undefined, new Map(), options).all.some((r) => r.inertia)).toBe(false);
  });

  it('takes satisfaction from the outcomes file when the answers have none', () => {
    const table = tableFromRows([
      { account: 'A04', customer: 1, score: 6 },
      { account: 'A01', customer: 2, score: 5 },
      { account: 'A99', customer: 3, score: 10 },
      { account: 'ZZ', customer: 4, score: 7 },
    ]);
    const file = new Uint8Array(readFileSync(join(dir, 'crm-outcomes.csv')));
    const facts = readAccountFile(file, planAccountFile(file, 'crm.csv'), 0).outcomes!;
    // A04: 4 of 5, a detractor → risk; A01: 2 → no; A99: 5 but a promoter → no; ZZ: not in the file.
    expect(Array.from(inertiaAnswers(table, 'account', facts)!)).toEqual([1, 0, 0, 0]);
    expect(inertiaAnswers(tableFromRows([{ score: 5 }]), null)).toBeNull();
  });
});

describe('responseView with a list of ids and no wave column', () => {
  // Two waves by quarter. Invited: A, B, C (every wave). A answers both, B only the first, C never;
  // D answers the second without being on the list.
  const table = tableFromRows([
    { account: 'A', customer: 1, score: 9, day: isoToDay('2024-01-10') },
    { account: 'B', customer: 2, score: 3, day: isoToDay('2024-01-11') },
    { account: 'A', customer: 1, score: 7, day: isoToDay('2024-04-10') },
    { account: 'D', customer: 3, score: 10, day: isoToDay('2024-04-12') },
  ]);
  const list = { file: 'ids.csv', importedAt: 0, columns: { account: 'id', wave: 'wave', segments: [] }, accounts: ['A', 'B', 'C'], segments: [], withoutAccount: 0, notInvited: 0 };

  it('takes every wave to have invited every account, and finds who stopped and who never answered', () => {
    const r = responseView(table, 'account', list)!;
    expect(r.everyWave).toBe(true);
    expect(r.byWave.map((w) => [w.wave, w.rate.events, w.rate.n, w.answeredUninvited])).toEqual([['2024-Q1', 2, 3, 0], ['2024-Q2', 1, 3, 1]]);
    expect(r.stopped).toEqual([{ account: 'B', lastWave: '2024-Q1', lastScore: 3, category: 'detractor' }]);
    expect([r.never, r.neverExamples]).toEqual([1, ['C']]);
    // A (7) answered: NPS 0; with B at its last answer (3): 0/1/1 → −50.
    expect(r.answered.nps).toBe(0);
    expect(r.withStopped.nps).toBe(-50);
  });

  it('names the waves of a list that the answers do not have', () => {
    const r = responseView(table, 'account', { ...list, waves: ['2024-Q1', '2024-Q1', '2024-Q3'] })!;
    expect(r.unknownWaves).toEqual(['2024-Q3']);
    expect(r.byWave.map((w) => [w.wave, w.rate.n])).toEqual([['2024-Q1', 2]]);
  });

  it('is absent when nothing says anything about outcomes', () => {
    expect(hasOutcomes(table, {})).toBe(false);
    expect(hasOutcomes(table, { invited: list })).toBe(true);
  });
});
