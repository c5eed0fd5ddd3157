import { describe, expect, it } from 'vitest';
import { tableFromRows } from './answers';
import { dropDuplicates, selectRows } from './duplicates';
import { unpackText } from './text-column';

function table(rows: Array<[account: string, day: number, score: number, comment: string, file?: number, plan?: number]>) {
  return tableFromRows(rows.map(([account, day, score, comment, file, plan]) => ({ account, day, score, comment, file, segments: [plan ?? 1] })), 1);
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
  it('a different score, day, comment or segment value is not a duplicate', () => {
    const { kept } = dropDuplicates(table([['A', 1, 9, 'x']]), table([['A', 1, 8, 'x'], ['A', 2, 9, 'x'], ['A', 1, 9, 'y'], ['A', 1, 9, 'x', 0, 2]]));
    expect(kept.length).toBe(4);
  });

  it('never drops a row of one import that says neither who nor when to the second', () => {
    // Two people gave 9 on day 5 with no comment: a form without names or times.
    const anonymous = table([['', 5, 9, ''], ['', 5, 9, ''], ['', 5, 9, ''], ['A', 5, 9, ''], ['A', 5, 9, '']]);
    const { kept, skippedPerFile } = dropDuplicates(null, anonymous);
    expect(kept.length).toBe(4);
    expect(skippedPerFile.get(0)).toBe(1);
    // With a time of day a repeat is the same answer again, even without a name.
    const timed = tableFromRows([0, 1].map(() => ({ score: 9, day: 5, seconds: 3600, segments: [1] })), 1);
    expect(dropDuplicates(null, timed).kept.length).toBe(1);
  });

  it('an appended file repeating stored rows on every column skips them, names or not', () => {
    const stored = table([['', 5, 9, ''], ['', 6, 7, 'ok']]);
    const next = table([['', 5, 9, ''], ['', 6, 7, 'ok'], ['', 7, 10, '']]);
    expect(dropDuplicates(stored, next).kept.length).toBe(1);
  });

  it('keeps every row when the person says identical rows are all answers', () => {
    const rows = table([['A', 5, 10, 'x'], ['A', 5, 10, 'x']]);
    const { kept, skippedPerFile } = dropDuplicates(table([['A', 5, 10, 'x']]), rows, { keepIdentical: true });
    expect(kept.length).toBe(2);
    expect(skippedPerFile.size).toBe(0);
  });
});

describe('selectRows', () => {
  it('keeps the chosen rows in order with every column', () => {
    const t = table([['A', 1, 1, 'a', 0, 0], ['B', 2, 2, 'b', 0, 1], ['C', 3, 3, 'c', 0, 0], ['D', 4, 4, 'd', 0, 1]]);
    const s = selectRows(t, [0, 2, 3]);
    expect(unpackText(s.account)).toEqual(['A', 'C', 'D']);
    expect(unpackText(s.comment)).toEqual(['a', 'c', 'd']);
    expect(Array.from(s.segments[0])).toEqual([0, 0, 1]);
    expect(Array.from(s.id)).toEqual([0, 2, 3]);
  });
});
