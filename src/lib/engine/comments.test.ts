import { describe, expect, it } from 'vitest';
import { hasComment, newestComments } from './comments';
import { NO_DAY, tableFromRows } from './answers';

describe('hasComment', () => {
  it('treats 特になし, なし, N/A, - and blanks as no comment', () => {
    expect(['特になし', '特に無し', 'なし', 'N/A', 'n/a', '-', '  ', ''].map(hasComment)).toEqual(Array(8).fill(false));
  });
  it('keeps real comments, including short ones', () => {
    expect(['遅い', 'Great', 'なしでも良いが高い'].map(hasComment)).toEqual([true, true, true]);
  });
});

describe('newestComments(table, limit)', () => {
  it('orders by day, then time, then row, newest first, and skips empty comments', () => {
    const rows: Array<[number, number, string]> = [[100, 10, 'a'], [101, -1, 'b'], [101, 3600, 'c'], [102, 0, ''], [100, 10, 'd'], [NO_DAY, -1, 'e']];
    const t = tableFromRows(rows.map(([day, seconds, comment]) => ({ score: 5, day, seconds, comment })));
    expect(newestComments(t, 10)).toEqual([2, 1, 4, 0, 5]);
    expect(newestComments(t, 2)).toEqual([2, 1]);
  });
  it('looks further back when the newest comments say nothing', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ score: 5, day: 1000 + i, comment: i < 5 ? `real ${i}` : '特になし' }));
    expect(newestComments(tableFromRows(rows), 3)).toEqual([4, 3, 2]);
  });
});
