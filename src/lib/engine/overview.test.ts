import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeOverview } from './overview';
import { tableFromRows } from './answers';
import { isoToDay } from './days';
import { importFiles } from '../ingest/pipeline';
import { identityOfPlans, previewFile } from '../ingest/preview';

const fixtures = join(__dirname, '../../../tests/fixtures/acceptance');

describe('computeOverview (the headline)', () => {
  it('gives the textbook export the figures counted independently (acceptance fixture)', () => {
    const expected = JSON.parse(readFileSync(join(fixtures, 'textbook-example/expected.json'), 'utf8'));
    const bytes = new Uint8Array(readFileSync(join(fixtures, 'textbook-example/textbook-example.csv')));
    const plan = previewFile(bytes, false).plan;
    const { table } = importFiles([{ name: 'textbook-example.csv', bytes }], [plan]);
    const o = computeOverview(table, identityOfPlans([plan]), undefined);
    expect(o.overall).toMatchObject({ n: expected.n, promoters: expected.promoters, passives: expected.passives, detractors: expected.detractors });
    expect(o.overall.nps).toBeCloseTo(expected.nps, 6);
    expect(o.overall.ci95![0]).toBeCloseTo(expected.ci95[0], 2);
    expect(o.overall.ci95![1]).toBeCloseTo(expected.ci95[1], 2);
    expect(o.distribution).toEqual(expected.distribution);
    expect(o.customers).toBe(expected.customers);
    // Every customer answered once: counted as customers, nothing changes.
    expect(o.clustered).toMatchObject({ customers: 100, designEffect: 1, ci95: o.overall.ci95 });
    // The first and last answer dates of the file, as written.
    expect([o.from, o.to]).toEqual(['2025-04-03', '2025-04-22']);
  });

  it('counts only what the filter keeps, undated answers included, customers by distinct code', () => {
    // Kept: 10 (A, 2024-03-01), 6 (B, undated), 8 (A, 2024-05-31); left out: 0 (C, 2024-01-01).
    const table = tableFromRows([
      { score: 10, day: isoToDay('2024-03-01'), customer: 1 },
      { score: 0, day: isoToDay('2024-01-01'), customer: 3 },
      { score: 6, customer: 2 },
      { score: 8, day: isoToDay('2024-05-31'), customer: 1 },
    ], 0);
    const o = computeOverview(table, 'account', Uint8Array.from([1, 0, 1, 1]));
    expect(o.overall).toMatchObject({ n: 3, promoters: 1, passives: 1, detractors: 1, nps: 0 });
    expect(o.distribution).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1]);
    expect(o.customers).toBe(2);
    expect([o.from, o.to]).toEqual(['2024-03-01', '2024-05-31']);
    // Customer 1's two answers (10 and 8) count together: the design effect is over 1.
    expect(o.clustered).toMatchObject({ n: 3, customers: 2 });
    // No identity: no customer count; nothing kept: no NPS, no dates.
    expect(computeOverview(table, null, undefined).customers).toBeNull();
    expect(computeOverview(table, null, undefined).clustered).toBeNull();
    const none = computeOverview(table, 'account', new Uint8Array(4));
    expect(none.overall).toMatchObject({ n: 0, nps: null, ci95: null });
    expect([none.from, none.to]).toEqual([null, null]);
  });
});
