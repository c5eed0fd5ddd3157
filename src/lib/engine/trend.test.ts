import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { trendView } from './trend';
import { importFiles } from '../ingest/pipeline';
import { previewFile } from '../ingest/preview';

const load = (path: string) => {
  const bytes = new Uint8Array(readFileSync(join(__dirname, '../../../tests/fixtures', path)));
  return importFiles([{ name: path, bytes }], [previewFile(bytes, false).plan]).table;
};

describe('trendView', () => {
  it('gives every month of a CRM export as counted independently (acceptance fixture)', () => {
    const expected = JSON.parse(readFileSync(join(__dirname, '../../../tests/fixtures/acceptance/calendar-waves/expected.json'), 'utf8'));
    const view = trendView(load('acceptance/calendar-waves/crm_nps_export.csv'), { kind: 'month' }, undefined, 30);
    const months = Object.entries(expected.byMonth as Record<string, { n: number; nps: number }>);
    expect(view.series.map((s) => s.period)).toEqual(months.map(([m]) => m));
    view.series.forEach((s, i) => {
      expect(s.n).toBe(months[i][1].n);
      expect(s.nps).toBeCloseTo(months[i][1].nps, 3);
    });
  });

  it('finds the drop of a made-up export: Jan–Feb +40 each, Mar–Apr −10 each', () => {
    const view = trendView(load('monthly-drop.csv'), { kind: 'month' }, undefined, 30);
    expect(view.series.map((s) => Math.round(s.nps! * 10) / 10)).toEqual([40, 40, -10, -10]);
    expect(view.shifts).toHaveLength(1);
    expect(view.shifts[0]).toMatchObject({ kind: 'step', from: '2024-02', to: '2024-03', direction: 'down', difference: -50, n: [60, 60] });
    // Quarters: one period each side is too little for a step with n ≥ 200.
    expect(trendView(load('monthly-drop.csv'), { kind: 'quarter' }, undefined, 200).shifts).toEqual([]);
  });
});
