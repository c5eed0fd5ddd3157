import { describe, expect, it } from 'vitest';
import { tableFromRows } from './answers';
import { mixedTouchpoints } from './touchpoints';

const columns = [
  { name: 'plan', values: ['', 'Pro'] },
  { name: 'survey type', values: ['', 'Relationship', 'Support ticket'], touchpoint: true },
];
// 3 relationship answers, 2 after a support ticket, 1 without a touchpoint.
const table = tableFromRows([1, 1, 2, 1, 2, 0].map((t) => ({ score: 9, segments: [1, t] })), 2);

describe('mixedTouchpoints', () => {
  it('lists the touchpoints the kept answers mix, most answers first', () => {
    expect(mixedTouchpoints(table, columns)).toEqual({ column: 'survey type', values: [{ value: 'Relationship', n: 3 }, { value: 'Support ticket', n: 2 }] });
  });
  it('is null when the kept answers come from one touchpoint, or none is known', () => {
    expect(mixedTouchpoints(table, columns, Uint8Array.from([1, 1, 0, 1, 0, 1]))).toBeNull();
    expect(mixedTouchpoints(table, [columns[0], { ...columns[1], touchpoint: undefined }])).toBeNull();
  });
});
