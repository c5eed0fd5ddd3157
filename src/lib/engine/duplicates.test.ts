import { describe, expect, it } from 'vitest';
import { tableFromRows } from './answers';
import { dropDuplicates, selectRows } from './duplicates';
import { unpackText } from './text-column';

function table(rows: Array<[account: string, day: number, score: number, comment: string, file?: number]>) {
  return tableFromRows(rows.map(([account, day, score, comment, file], i) => ({ account, day, score, comment, file, segments: [i % 2] })), 1);
}

describe('dropDuplicates(existing, incoming)', () => {
  it('skips answers already stored and counts them per file', () => {
    const existing = table([['A', 1, 9, 'good'], ['B', 1, 3, '']]);
    const incoming = table([['A', 1, 9, 'good', 0], ['B', 1, 3, 'late comment', 0], ['C', 2, 7, '', 1], ['B', 1, 3, '', 1]]);
    const { kept, skippedPerFile } = dropDuplicates(existing, incoming);
    expect(unpackText(kept.account)).toEqual(['B', 'C']);
    expect(Array.from(kept.score)).toEqual([3, 7]);
    expect(Array.from(kept.row)).toEqual([3, 4]);
    expect([...skippedPerFile]).toEqual([[0, 1], [1, 1]]);
  });
  it('skips a repeat inside the same import (overlapping monthly exports chosen together)', () => {
    const incoming = table([['A', 5, 10, 'x', 0], ['A', 5, 10, 'x', 1], ['A', 6, 10, 'x', 1]]);
    const { kept, skippedPerFile } = dropDuplicates(null, incoming);
    expect(Array.from(kept.day)).toEqual([5, 6]);
    expect(skippedPerFile.get(1)).toBe(1);
  });
  it('a different score, day or comment is not a duplicate', () => {
    const { kept } = dropDuplicates(table([['A', 1, 9, 'x']]), table([['A', 1, 8, 'x'], ['A', 2, 9, 'x'], ['A', 1, 9, 'y']]));
    expect(kept.length).toBe(3);
  });
});

describe('selectRows', () => {
  it('keeps the chosen rows in order with every column', () => {
    const t = table([['A', 1, 1, 'a'], ['B', 2, 2, 'b'], ['C', 3, 3, 'c'], ['D', 4, 4, 'd']]);
    const s = selectRows(t, [0, 2, 3]);
    expect(unpackText(s.account)).toEqual(['A', 'C', 'D']);
    expect(unpackText(s.comment)).toEqual(['a', 'c', 'd']);
    expect(Array.from(s.segments[0])).toEqual([0, 0, 1]);
    expect(Array.from(s.id)).toEqual([0, 2, 3]);
  });
});
