/**
 * The figures of the segments and lifecycle views: every group's NPS overall and per period, in
 * one pass. Checked against the plain way — a mask per group through npsByPeriod and a count by
 * hand — on a small table counted by hand and on the sample data.
 */
import { describe, expect, it } from 'vitest';
import { tableFromRows, type AnswerTable } from './answers';
import { isoToDay } from './days';
import { lifecyclePhases, lifecycleView } from './lifecycle';
import { npsByGroup, npsByPeriod, type PeriodOptions } from './periods';
import { sampleCsv } from './sample';
import { segmentsView } from './segments';
import { importFiles } from '../ingest/pipeline';
import { previewFile } from '../ingest/preview';

const bytes = new TextEncoder().encode(sampleCsv());
const sample = importFiles([{ name: 'sample.csv', bytes }], [previewFile(bytes, true).plan]);

/** What a group's line is by definition: its own answers, counted on their own. */
function byMask(table: AnswerTable, groupOf: ArrayLike<number>, group: number, options: PeriodOptions, include?: Uint8Array) {
  const mask = new Uint8Array(table.length);
  let promoters = 0, passives = 0, detractors = 0;
  for (let i = 0; i < table.length; i++) {
    if (groupOf[i] !== group || (include && !include[i])) continue;
    mask[i] = 1;
    const s = table.score[i];
    if (s >= 9) promoters++;
    else if (s >= 7) passives++;
    else detractors++;
  }
  return { counts: { promoters, passives, detractors }, series: npsByPeriod(table, options, mask) };
}

describe('npsByGroup', () => {
  // Group 0: Jan 9, 10, 3 and Feb 7; group 1: Jan 0, Mar 9 and one undated 10; group 2 unlisted.
  const rows = [
    { score: 9, day: isoToDay('2024-01-03'), g: 0 }, { score: 10, day: isoToDay('2024-01-20'), g: 0 },
    { score: 3, day: isoToDay('2024-01-31'), g: 0 }, { score: 7, day: isoToDay('2024-02-01'), g: 0 },
    { score: 0, day: isoToDay('2024-01-05'), g: 1 }, { score: 9, day: isoToDay('2024-03-09'), g: 1 },
    { score: 10, g: 1 }, { score: 5, day: isoToDay('2024-02-02'), g: 2 },
  ];
  const table = tableFromRows(rows.map(({ score, day }) => ({ score, day })), 0);
  const groupOf = Int16Array.from(rows.map((r) => r.g));

  it('counts each listed group overall and per month, by hand', () => {
    const [a, b] = npsByGroup(table, groupOf, [0, 1], { kind: 'month' });
    expect(a.summary).toMatchObject({ n: 4, promoters: 2, passives: 1, detractors: 1, nps: 25 });
    expect(a.series.map((s) => [s.period, s.n, s.nps])).toEqual([['2024-01', 3, (100 * 1) / 3], ['2024-02', 1, 0]]);
    // The undated answer counts overall, not in any month.
    expect(b.summary).toMatchObject({ n: 3, promoters: 2, detractors: 1 });
    expect(b.series.map((s) => [s.period, s.n, s.nps])).toEqual([['2024-01', 1, -100], ['2024-03', 1, 100]]);
  });

  it('honours the filter and lists only the groups asked for', () => {
    const keep = Uint8Array.from(rows.map((r) => (r.score >= 5 ? 1 : 0)));
    const groups = npsByGroup(table, groupOf, [1], { kind: 'quarter' }, keep);
    expect(groups).toHaveLength(1);
    expect(groups[0].summary).toMatchObject({ n: 2, promoters: 2, nps: 100 });
    expect(groups[0].series.map((s) => [s.period, s.n])).toEqual([['2024-Q1', 1]]);
  });

  it('equals a mask per group on the sample (plans, by quarter, filtered to one region)', () => {
    const { table: t, segmentColumns } = sample;
    const plan = segmentColumns.findIndex((c) => c.name === 'plan');
    const region = segmentColumns.findIndex((c) => c.name === 'region');
    const keep = Uint8Array.from(t.segments[region], (code) => (code === 1 ? 1 : 0));
    const codes = segmentColumns[plan].values.map((_, c) => c);
    const options = { kind: 'quarter', fiscalYearStartMonth: 4 } as const;
    for (const g of npsByGroup(t, t.segments[plan], codes, options, keep)) {
      const expected = byMask(t, t.segments[plan], g.group, options, keep);
      expect(g.summary).toMatchObject(expected.counts);
      expect(g.series).toEqual(expected.series);
    }
  });
});

describe('segmentsView', () => {
  it('gives the table of every value and lines for the largest ones, each its own answers', () => {
    const { table: t, segmentColumns } = sample;
    const csm = segmentColumns.findIndex((c) => c.name === 'csm');
    const view = segmentsView(t, segmentColumns[csm], t.segments[csm], { kind: 'month' }, undefined, 3);
    expect(view.rows.length).toBe(segmentColumns[csm].values.filter((v, c) => t.segments[csm].includes(c)).length);
    const largest = [...view.rows].sort((a, b) => b.n - a.n).slice(0, 3).map((r) => r.value);
    expect(view.lines.map((l) => l.value)).toEqual(largest);
    for (const line of view.lines) {
      const code = segmentColumns[csm].values.indexOf(line.value);
      expect(line.series).toEqual(byMask(t, t.segments[csm], code, { kind: 'month' }).series);
    }
    expect(view.comparesCultures).toBe(false);
    const region = segmentColumns.findIndex((c) => c.name === 'region');
    expect(segmentsView(t, segmentColumns[region], t.segments[region], { kind: 'month' }).comparesCultures).toBe(true);
  });
});

describe('lifecycleView', () => {
  it('gives every phase with answers, its NPS and its line, as a mask per phase does', () => {
    const { table: t } = sample;
    const phases = lifecyclePhases(t)!;
    const view = lifecycleView(t, { kind: 'quarter' })!;
    expect(view.standard).toBe(true);
    expect(view.phases.map((p) => p.label)).toEqual(['onboarding', 'adoption', 'mature', 'renewal']);
    view.phases.forEach((p, k) => {
      const expected = byMask(t, phases.phaseOf, k, { kind: 'quarter' });
      expect(p.summary).toMatchObject(expected.counts);
      expect(p.series).toEqual(expected.series);
    });
  });

  it('is null when the data says nothing of phases', () => {
    expect(lifecycleView(tableFromRows([{ score: 9, day: 19000 }], 0), { kind: 'month' })).toBeNull();
  });
});
