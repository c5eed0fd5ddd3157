import { describe, expect, it } from 'vitest';
import { NO_DAY, tableFromRows } from './answers';
import { lifecyclePhases, phaseFromDates } from './lifecycle';

describe('phaseFromDates(day, since, renewal)', () => {
  it('is onboarding for the first 90 days, adoption to 12 months, mature after', () => {
    expect(phaseFromDates(1000, 1000, NO_DAY)).toBe('onboarding');
    expect(phaseFromDates(1089, 1000, NO_DAY)).toBe('onboarding');
    expect(phaseFromDates(1090, 1000, NO_DAY)).toBe('adoption');
    expect(phaseFromDates(1364, 1000, NO_DAY)).toBe('adoption');
    expect(phaseFromDates(1365, 1000, NO_DAY)).toBe('mature');
  });
  it('puts the 90 days before a renewal first, whatever the age', () => {
    expect(phaseFromDates(2000, 1000, 2090)).toBe('renewal');
    expect(phaseFromDates(2000, 1000, 2091)).toBe('mature');
    expect(phaseFromDates(2000, 1990, 2050)).toBe('renewal');
    expect(phaseFromDates(2000, 1000, 1999)).toBe('mature');
  });
  it('knows nothing without a start, or before it', () => {
    expect(phaseFromDates(2000, NO_DAY, NO_DAY)).toBeNull();
    expect(phaseFromDates(999, 1000, NO_DAY)).toBeNull();
  });
});

describe('lifecyclePhases(table)', () => {
  it('uses the data’s own phase column when there is one', () => {
    const t = tableFromRows([{ score: 9, phase: '導入' }, { score: 3, phase: '定着' }, { score: 5 }, { score: 7, phase: '導入' }]);
    expect(lifecyclePhases(t)).toEqual({ labels: ['導入', '定着'], phaseOf: Int16Array.from([0, 1, -1, 0]), standard: false });
  });
  it('derives the standard phases from dates, and is null when nothing is known', () => {
    const t = tableFromRows([{ score: 9, day: 1010, since: 1000 }, { score: 3, day: 2000, since: 1000 }, { score: 5, day: 2000 }]);
    expect(lifecyclePhases(t)).toMatchObject({ labels: ['onboarding', 'adoption', 'mature', 'renewal'], standard: true });
    expect(Array.from(lifecyclePhases(t)!.phaseOf)).toEqual([0, 2, -1]);
    expect(lifecyclePhases(tableFromRows([{ score: 1, day: 5 }]))).toBeNull();
  });
});
