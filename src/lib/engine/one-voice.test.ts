import { describe, expect, it } from 'vitest';
import { tableFromRows } from './answers';
import { isoToDay } from './days';
import { oneVoicePerCustomer } from './one-voice';
import { npsByPeriod } from './periods';

// Customer 1 answers 3 times (Jan 5, Jan 20, Feb 2), customer 2 twice on one day (the later time
// counts), customer 0 (unknown) twice.
const table = tableFromRows([
  { score: 2, day: isoToDay('2024-01-05'), customer: 1 },
  { score: 9, day: isoToDay('2024-01-20'), customer: 1 },
  { score: 10, day: isoToDay('2024-02-02'), customer: 1 },
  { score: 6, day: isoToDay('2024-01-10'), seconds: 50_000, customer: 2 },
  { score: 8, day: isoToDay('2024-01-10'), seconds: 40_000, customer: 2 },
  { score: 7, day: isoToDay('2024-01-11') },
  { score: 7, day: isoToDay('2024-02-11') },
], 0);

describe('oneVoicePerCustomer', () => {
  it('keeps each customer’s latest answer, and every answer of nobody known', () => {
    expect(Array.from(oneVoicePerCustomer(table))).toEqual([0, 0, 1, 1, 0, 1, 1]);
  });

  it('per period: each customer’s latest answer of each month', () => {
    const keep = oneVoicePerCustomer(table, undefined, { kind: 'month' });
    expect(Array.from(keep)).toEqual([0, 1, 1, 1, 0, 1, 1]);
    // January: customer 1's 9, customer 2's 6 (the later time), the unknown 7 → 1/1/1, NPS 0.
    expect(npsByPeriod(table, { kind: 'month' }, keep).map((p) => [p.period, p.n, p.nps])).toEqual([['2024-01', 3, 0], ['2024-02', 2, 50]]);
  });

  it('within what the filter keeps', () => {
    const keep = oneVoicePerCustomer(table, Uint8Array.from([1, 1, 0, 1, 1, 0, 0]));
    expect(Array.from(keep)).toEqual([0, 1, 0, 1, 0, 0, 0]);
  });
});
