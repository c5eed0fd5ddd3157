import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { excelCsv, formulaSafe } from './csv';

describe('excelCsv writes cells a spreadsheet will not run', () => {
  it('neutralises formula-like cells with a leading apostrophe, keeps numbers and text', () => {
    const attacks = ['=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0", '-2+3+cmd|x', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];
    for (const cell of attacks) expect(formulaSafe(cell)).toBe(`'${cell}`);
    for (const cell of ['-5', '+3', '-1,234.5', '12', 'サポートが遅い', 'a=b', ' =x', '']) expect(formulaSafe(cell)).toBe(cell);
  });

  it('is UTF-8 with a BOM and CRLF, and reads back to the same (safe) cells', () => {
    const rows = [['comment', 'score'], ['=1+1', '-3'], ['改行を\n含む', '9']];
    const csv = excelCsv(rows);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toContain('\r\n');
    const back = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
    expect(back).toEqual([['comment', 'score'], ["'=1+1", '-3'], ['改行を\n含む', '9']]);
  });
});
