import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { rejectedRowsCsv } from './rejected-csv';

describe('rejectedRowsCsv', () => {
  it('writes file, row, reason and the original cells, quoted where needed, with a BOM', () => {
    const csv = rejectedRowsCsv(
      [{ file: 'a.csv', row: 7, reason: 'score is not a number from 0 to 10: "abc"', cells: ['BAD0', '2024-02-10', 'abc', '<img>, "q"'] }],
      ['customer_id', 'date', 'score', 'comment'],
      { file: 'file', row: 'row', reason: 'reason' },
    );
    expect(csv.startsWith('\ufeff')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1)).data;
    expect(parsed[0]).toEqual(['file', 'row', 'reason', 'customer_id', 'date', 'score', 'comment']);
    expect(parsed[1]).toEqual(['a.csv', '7', 'score is not a number from 0 to 10: "abc"', 'BAD0', '2024-02-10', 'abc', '<img>, "q"']);
  });
});
