import { describe, expect, it } from 'vitest';
import { tableFromRows } from './answers';
import { segmentDrivers } from './drivers';

describe('segmentDrivers', () => {
  it('compares the share of each segment value among improvers and decliners, biggest gap first', () => {
    // Answers 0–3 improvers (3 on Pro, 1 on Free), 4–7 decliners (1 on Pro, 3 on Free).
    const plans = [2, 2, 2, 1, 2, 1, 1, 1];
    const table = tableFromRows(plans.map((p) => ({ score: 5, segments: [p] })), 1);
    const rows = segmentDrivers(table, [{ name: 'plan', values: ['', 'Free', 'Pro'] }], [0, 1, 2, 3], [4, 5, 6, 7]);
    expect(rows.map((r) => [r.value, r.improved, r.declined, r.difference])).toEqual([['Free', 1, 3, -50], ['Pro', 3, 1, 50]]);
  });
});
