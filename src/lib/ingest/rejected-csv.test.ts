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

  it('writes 250,000 rejected rows (spreading them into Math.max overflowed the call stack)', () => {
    const rows = Array.from({ length: 250_000 }, (_, i) => ({ file: 'big.csv', row: i + 2, reason: 'score is empty', cells: i < 10_000 ? [`C${i}`, ''] : undefined }));
    const csv = rejectedRowsCsv(rows, ['id', 'score'], { file: 'file', row: 'row', reason: 'reason' });
    const lines = csv.split('\r\n');
    expect(lines.length).toBe(250_001);
    expect(lines[1]).toBe('big.csv,2,score is empty,C0,');
    expect(lines[250_000]).toBe('big.csv,250001,score is empty,,');
  });
});
