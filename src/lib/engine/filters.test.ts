import { describe, expect, it } from 'vitest';
import { tableFromRows } from './answers';
import { filterMask, NO_FILTER } from './filters';

const columns = [{ name: 'plan', values: ['', 'Free', 'Pro'] }];
const table = tableFromRows([
  { score: 9, day: 100, wave: 'W1', segments: [1] },
  { score: 3, day: 150, wave: 'W1', segments: [2] },
  { score: 7, day: 200, wave: 'W2', segments: [2] },
  { score: 10, wave: 'W2', segments: [1] },
], 1);

describe('filterMask', () => {
  it('keeps everything (no mask) when nothing is filtered', () => {
    expect(filterMask(table, columns, NO_FILTER)).toBeUndefined();
  });
  it('keeps an inclusive date range and drops undated answers', () => {
    expect(Array.from(filterMask(table, columns, { ...NO_FILTER, fromDay: 150, toDay: 200 })!)).toEqual([0, 1, 1, 0]);
  });
  it('drops undated answers with one end open too, and keeps days before 1970', () => {
    const early = tableFromRows([{ score: 9, day: -40_000 }, { score: 8 }, { score: 7, day: 3_000_000 }], 1);
    expect(Array.from(filterMask(early, [], { ...NO_FILTER, fromDay: -50_000 })!)).toEqual([1, 0, 1]);
    expect(Array.from(filterMask(early, [], { ...NO_FILTER, toDay: 0 })!)).toEqual([1, 0, 0]);
    expect(Array.from(filterMask(table, columns, { ...NO_FILTER, toDay: 150 })!)).toEqual([1, 1, 0, 0]);
  });
  it('keeps the chosen segment values and waves, combined with AND', () => {
    expect(Array.from(filterMask(table, columns, { ...NO_FILTER, segments: { plan: ['Pro'] } })!)).toEqual([0, 1, 1, 0]);
    expect(Array.from(filterMask(table, columns, { ...NO_FILTER, segments: { plan: ['Pro'] }, waves: ['W2'] })!)).toEqual([0, 0, 1, 0]);
  });
});
