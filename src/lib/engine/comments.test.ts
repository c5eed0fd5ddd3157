import { describe, expect, it } from 'vitest';
import { hasComment, newestComments } from './comments';
import { emptyTable, NO_DAY } from './answers';

function table(rows: Array<[day: number, seconds: number, comment: string]>) {
  const t = emptyTable();
  t.length = rows.length;
  t.day = Int32Array.from(rows.map((r) => r[0]));
  t.seconds = Int32Array.from(rows.map((r) => r[1]));
  t.comment = rows.map((r) => r[2]);
  return t;
}

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
    const t = table([
      [100, 10, 'a'],
      [101, -1, 'b'],
      [101, 3600, 'c'],
      [102, 0, ''],
      [100, 10, 'd'],
      [NO_DAY, -1, 'e'],
    ]);
    expect(newestComments(t, 10)).toEqual([2, 1, 4, 0, 5]);
    expect(newestComments(t, 2)).toEqual([2, 1]);
  });
});
