/**
 * Hostile files (issue #16): what a file is, its encoding, its delimiter, rows that would have
 * been lost, columns that would have been merged. Every expected value is worked out by hand
 * from the input written in the test.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { sniffFile, utf16WithoutBom, zipEntryNames } from './sniff';
import { detectEncoding } from './encoding';
import { detectDelimiter } from './csv';
import { uniqueNames } from './layout';
import { PreviewError, previewFile } from './preview';
import { AnswerBuilder } from './build';
import { importFiles } from './pipeline';
import { assembleImport } from './assemble';
import { measureRow } from './measure';
import { isDateFormat, readWorkbook, serialToText, sheetToCsv, joinParts, xmlText } from './xlsx';

const utf8 = (t: string) => new TextEncoder().encode(t);
const fixtures = join(__dirname, '../../../tests/fixtures');

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + (littleEndian ? 0 : 1)] = c & 0xff;
    out[2 * i + (littleEndian ? 1 : 0)] = c >> 8;
  }
  return out;
}

describe('sniffFile: says what a file is from its first bytes', () => {
  it('images, PDF, old workbooks, archives', () => {
    expect(sniffFile(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))).toEqual({ kind: 'not-csv', what: 'png' });
    expect(sniffFile(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 16))).toEqual({ kind: 'not-csv', what: 'jpeg' });
    expect(sniffFile(utf8('GIF89a\x01\x00'))).toEqual({ kind: 'not-csv', what: 'gif' });
    expect(sniffFile(utf8('%PDF-1.7\n%âãÏÓ'))).toEqual({ kind: 'not-csv', what: 'pdf' });
    expect(sniffFile(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0))).toEqual({ kind: 'not-csv', what: 'xls' });
    expect(sniffFile(Uint8Array.of(0x1f, 0x8b, 8, 0))).toEqual({ kind: 'not-csv', what: 'gzip' });
  });

  it('a ZIP: a workbook when its entries are under xl/, else an archive naming its first file', () => {
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    expect(sniffFile(xlsx)).toEqual({ kind: 'xlsx' });
    // A stored (uncompressed) ZIP of a CSV was imported as CSV.
    const stored = zipSync({ 'answers.csv': [strToU8('id,score\n1,9\n'), { level: 0 }] });
    expect(zipEntryNames(stored)).toEqual(['answers.csv']);
    expect(sniffFile(stored)).toEqual({ kind: 'not-csv', what: 'zip', entry: 'answers.csv' });
    expect(sniffFile(zipSync({ 'word/document.xml': strToU8('<w/>') }))).toEqual({ kind: 'not-csv', what: 'docx' });
  });

  it('text, UTF-16 without a BOM included; NUL bytes elsewhere are binary', () => {
    expect(sniffFile(utf8('id,score\n1,9\n'))).toEqual({ kind: 'text' });
    expect(sniffFile(utf16('id\tscore\r\n1\t9\r\n', true))).toEqual({ kind: 'text' });
    expect(sniffFile(Uint8Array.of(1, 2, 0, 0, 0, 5, 0, 0, 9, 0, 0, 0, 0, 0, 3))).toEqual({ kind: 'not-csv', what: 'binary' });
  });
});

describe('detectEncoding', () => {
  it('UTF-16 without a BOM, either byte order (NULs at odd or even offsets)', () => {
    const text = 'ID\tスコア\tコメント\r\n1\t9\t良い\r\n2\t7\tok\r\n';
    expect(utf16WithoutBom(utf16(text, true))).toBe('utf-16le');
    expect(detectEncoding(utf16(text, true))).toEqual({ encoding: 'utf-16le', bom: false, certain: true });
    expect(detectEncoding(utf16(text, false))).toEqual({ encoding: 'utf-16be', bom: false, certain: true });
    // The preview reads it: three columns, two rows.
    const preview = previewFile(utf16(text, true), true);
    expect(preview.plan.headers).toEqual(['ID', 'スコア', 'コメント']);
    expect(preview.rows).toEqual([['1', '9', '良い'], ['2', '7', 'ok']]);
  });

  it('EUC-JP (read by CP932 as half-width kana) and text fitting no known encoding', () => {
    // あいう in EUC-JP is A4 A2 A4 A4 A4 A6; CP932 reads it as ､｢､､､ｦ.
    const euc = Uint8Array.of(...utf8('id,c\n1,'), 0xa4, 0xa2, 0xa4, 0xa4, 0xa4, 0xa6, 10);
    expect(detectEncoding(euc)).toEqual({ encoding: 'euc-jp', bom: false, certain: true });
    // Windows-1252 "café" (E9 then a space, which no Japanese encoding allows after E9).
    const latin = Uint8Array.of(...utf8('id;comment\n1;caf'), 0xe9, 0x20, 0x21, 10);
    expect(detectEncoding(latin)).toEqual({ encoding: 'windows-1252', bom: false, certain: false });
    const preview = previewFile(latin, true);
    expect(preview.encodingCertain).toBe(false);
    expect(preview.rows[0]).toEqual(['1', 'café !']);
    expect(previewFile(latin, true, { encoding: 'windows-1252' }).encodingCertain).toBe(true);
  });
});

describe('detectDelimiter on few rows', () => {
  it('a two-column ;-file with a final line break (PapaParse guessed ",")', () => {
    expect(detectDelimiter('score;comment\n9;gut\n7;ok\n')).toBe(';');
    expect(detectDelimiter('Kunde;Datum;Score;Kommentar\nA;15.01.2024;9;gut, schnell\n')).toBe(';');
    expect(detectDelimiter('id;nps;amount\n1;9;1,5\n2;7;2,5\n')).toBe(';');
    expect(detectDelimiter('id,score,comment\n1,9,"a; b"\n')).toBe(',');
    expect(detectDelimiter('id\tscore\n1\t9\n')).toBe('\t');
    expect(detectDelimiter('just one column\nvalue\n')).toBe(',');
  });

  it('the preview of that file finds the score column', () => {
    const preview = previewFile(utf8('score;comment\n9;gut\n7;ok\n'), true);
    expect(preview.plan.delimiter).toBe(';');
    expect(preview.plan.headers).toEqual(['score', 'comment']);
    expect(preview.plan.roles[0]).toBe('score');
  });
});

describe('duplicate header names stay separate columns', () => {
  it('names them plan, plan (2), plan (3), skipping names the file already has', () => {
    expect(uniqueNames(['plan', 'score', 'plan', 'plan'])).toEqual(['plan', 'score', 'plan (2)', 'plan (3)']);
    expect(uniqueNames(['a', 'a (2)', 'a', '', ''])).toEqual(['a', 'a (2)', 'a (3)', '', '']);
  });

  it('imports two segment columns, each with its own values', () => {
    const bytes = utf8('score,plan,plan\n9,Pro,East\n7,Free,West\n');
    const plan = previewFile(bytes, true).plan;
    expect(plan.headers).toEqual(['score', 'plan', 'plan (2)']);
    plan.roles = ['score', 'segment', 'segment'];
    const built = importFiles([{ name: 'a.csv', bytes }], [plan]);
    expect(built.segmentColumns.map((s) => [s.name, s.values])).toEqual([['plan', ['', 'Pro', 'Free']], ['plan (2)', ['', 'East', 'West']]]);
  });
});

describe('every row accounted for', () => {
  const count = (text: string) => {
    const bytes = utf8(text);
    const plan = previewFile(bytes, true).plan;
    const built = importFiles([{ name: 'f.csv', bytes }], [plan]);
    const { record } = assembleImport(built, { kind: 'new', id: 'x', name: 'x' }, { sources: [{ name: 'f.csv', size: bytes.length }], plans: [plan], at: 0 });
    return { built, file: record.files[0] };
  };

  it('mixed CR / LF / CRLF line ends: four rows read, none merged', () => {
    const { built, file } = count('id,score,comment\n1,9,a\r\n2,7,b\r3,0,c\n4,10,d');
    expect(Array.from(built.table.score)).toEqual([9, 7, 0, 10]);
    expect(Array.from(built.table.row)).toEqual([2, 3, 4, 5]);
    expect(file).toMatchObject({ rows: 4, accepted: 4, rejected: 0, duplicates: 0, blankRows: 0 });
  });

  it('an unclosed quote: its row rejected, naming the column and the 20 rows it would have swallowed; those rows read', () => {
    const rows = ['id,score,comment', '1,9,"never closed'];
    for (let i = 2; i <= 21; i++) rows.push(`${i},${i % 11},fine`);
    const { built, file } = count(rows.join('\n') + '\n');
    expect(built.table.length).toBe(20);
    expect(built.rejected).toEqual([{ file: 0, row: 2, rejection: { code: 'unclosed-quote', value: 'comment', count: 20 }, cells: ['1', '9', '"never closed'] }]);
    expect(file).toMatchObject({ rows: 21, accepted: 20, rejected: 1 });
  });

  it('records read = accepted + rejected + duplicates, blank lines counted apart', () => {
    const { file } = count('customer_id,date,score\nA,2024-01-01,9\n\nA,2024-01-01,9\nB,2024-01-02,x\n\n,,\nC,2024-01-03,7\n');
    expect(file).toMatchObject({ rows: 4, accepted: 2, rejected: 1, duplicates: 1, blankRows: 3 });
    expect(file.rows).toBe(file.accepted + file.rejected + file.duplicates);
  });

  it('a row over 1 MB is rejected with its size and its longest column', () => {
    const big = 'x'.repeat((1 << 20) + 10);
    const { built } = count(`id,score,comment\n1,9,${big}\n2,7,ok\n`);
    expect(built.rejected[0].rejection).toEqual({ code: 'row-too-long', value: 'comment', count: big.length + 4 });
    expect(built.rejected[0].cells![2].length).toBe(2001);
    expect(built.table.length).toBe(1);
  });

  it('the PapaParse reference path counts the same', () => {
    const text = 'id,score\n1,9\r2,"x\n3,7\n\n';
    const a = new AnswerBuilder();
    const counts = a.addFile(0, { ...previewFile(utf8(text), true).plan }, text);
    expect(counts).toEqual({ accepted: 2, rejected: 1, blank: 1 });
  });
});

describe('the preview names long rows and lines instead of calling the file empty', () => {
  it('no line break in the sample', () => {
    const sample = utf8('x'.repeat(1000));
    expect(() => previewFile(sample, false)).toThrow(PreviewError);
    try {
      previewFile(sample, false);
    } catch (error) {
      expect((error as PreviewError).problem).toBe('no-line-break');
    }
  });

  it('a first data row that does not end in the sample: its row number and byte offset', () => {
    const sample = utf8('id,score,comment\n' + 'y'.repeat(5000));
    try {
      previewFile(sample, false);
      expect.unreachable();
    } catch (error) {
      expect((error as PreviewError).problem).toBe('long-row');
      expect((error as PreviewError).detail).toEqual({ row: 2, offset: 17 });
    }
  });

  it('a CR-only sample is cut at its last CR, not called empty', () => {
    const text = 'id,score\r' + Array.from({ length: 50 }, (_, i) => `${i},${i % 11}`).join('\r') + '\r12';
    expect(previewFile(utf8(text), false).rows.length).toBe(8);
  });

  it('measureRow: a 3 MB field in row 2, found by reading on in slices', async () => {
    const file = utf8('id,comment,score\n1,' + 'z'.repeat(3_000_000) + ',9\n2,ok,7\n');
    const read = async (from: number, to: number) => file.subarray(from, to);
    const size = await measureRow(read, file.length, 17, 44, { slice: 1 << 20 });
    expect(size).toEqual({ bytes: 3_000_004, longestField: 3_000_000, ended: true });
    const quoted = utf8('a,"x\ny",b\nc');
    expect(await measureRow(async (f, t) => quoted.subarray(f, t), quoted.length, 0, 44, { slice: 3 })).toEqual({ bytes: 9, longestField: 5, ended: true });
    expect(await measureRow(async (f, t) => quoted.subarray(f, t), quoted.length, 10, 44)).toEqual({ bytes: 1, longestField: 1, ended: false });
  });
});

describe('xlsx', () => {
  const workbook = new Uint8Array(readFileSync(join(fixtures, 'xlsx/forms-ja.xlsx')));

  it('lists the sheets and reads the first as CSV: dates from serials, Japanese text, no furigana', () => {
    const wb = readWorkbook(workbook);
    expect(wb.sheets.map((s) => s.name)).toEqual(['回答', '集計']);
    expect(wb.first).toBe(0);
    const csv = new TextDecoder().decode(joinParts(sheetToCsv(workbook, wb.sheets[0])));
    const lines = csv.split('\n');
    expect(lines[0]).toBe('ID,開始時刻,完了時刻,メール,名前,おすすめ度,理由,プラン,確認済み');
    // 45306.375 days after 1899-12-30 is 2024-01-15 09:00; +1/48 day is 09:30.
    expect(lines[1]).toBe('1,2024-01-15 09:00:00,2024-01-15 09:30:00,user1@example.co.jp,山田 太郎,10,とても使いやすいです,プロ,FALSE');
    // Rich text runs joined, the phonetic guide (サポート over サポート) left out.
    expect(lines[2]).toContain(',9,サポートが早い,スタンダード,TRUE');
    expect(lines[4]).toContain(',"画面が ""重い"" & 遅い",');
    // Sheet row 7 is left out by the sheet: a blank line keeps the row numbers the sheet's.
    expect(lines[6]).toBe('');
    expect(csv).toContain('"改行あり\r\n二行目"');
  });

  it('the second sheet: custom date format, a formula\'s cached value', () => {
    const wb = readWorkbook(workbook);
    const csv = new TextDecoder().decode(joinParts(sheetToCsv(workbook, wb.sheets[1])));
    // 45413 = 2024-05-01 (45292 = 2024-01-01, plus 31 + 29 + 31 + 30).
    expect(csv).toBe('日付,スコア,コメント\n2024-05-01,10,良い\n2024-05-02,0,悪い\n2024-05-03,7,普通\n');
  });

  it('imports like a CSV: 9 answers, row 12 rejected (no score), the skipped row a blank line', () => {
    const wb = readWorkbook(workbook);
    const bytes = joinParts(sheetToCsv(workbook, wb.sheets[0]));
    const plan = previewFile(bytes, true).plan;
    expect(plan.roles[plan.headers.indexOf('おすすめ度')]).toBe('score');
    // Microsoft Forms: the completion time is when the answer was given.
    expect(plan.roles[plan.headers.indexOf('完了時刻')]).toBe('date');
    const built = importFiles([{ name: 'forms-ja.xlsx', bytes }], [plan]);
    expect(Array.from(built.table.score)).toEqual([10, 9, 8, 7, 6, 5, 0, 10, 9]);
    expect(Array.from(built.table.row)).toEqual([2, 3, 4, 5, 6, 8, 9, 10, 11]);
    expect(built.rejected.map((r) => [r.row, r.rejection.code])).toEqual([[12, 'score-empty']]);
    expect(built.fileCounts[0]).toEqual({ accepted: 9, rejected: 1, blank: 1 });
  });

  it('serials, date formats and escapes', () => {
    expect(serialToText(45292, false)).toBe('2024-01-01');
    expect(serialToText(45292.5, false)).toBe('2024-01-01 12:00:00');
    expect(serialToText(0.999999999, false)).toBe('1899-12-31');
    // The 1904 system: serial 0 is 1904-01-01, so 43830 is 2024-01-01 (45292 − 1462).
    expect(serialToText(43830, true)).toBe('2024-01-01');
    expect(isDateFormat('yyyy/mm/dd;@')).toBe(true);
    expect(isDateFormat('[$-411]ggge"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('0.00')).toBe(false);
    expect(isDateFormat('#,##0 "days"')).toBe(false);
    expect(isDateFormat('[h]:mm')).toBe(true);
    expect(xmlText('a &amp; b &lt;c&gt; &#12354;&#x3044; _x000D_')).toBe('a & b <c> あい \r');
  });

  it('a big sheet (20,000 rows) made by fflate converts in well under a second', () => {
    const rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>score</t></is></c></row>'];
    for (let r = 2; r <= 20_001; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${r % 11}</v></c></row>`);
    const zip = zipSync({
      'xl/workbook.xml': strToU8('<workbook xmlns:r="x"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/s.xml"/></Relationships>'),
      'xl/worksheets/s.xml': strToU8(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`),
    });
    const t = performance.now();
    const csv = new TextDecoder().decode(joinParts(sheetToCsv(zip, readWorkbook(zip).sheets[0])));
    expect(performance.now() - t).toBeLessThan(1000);
    const lines = csv.trimEnd().split('\n');
    expect(lines.length).toBe(20_001);
    expect(lines[20_000]).toBe(`20001,${20_001 % 11}`);
  });
});

describe('a quote closed far too late', () => {
  it('rejects the row whose comment took in lines shaped like rows, saying how many', () => {
    // Row 3's quote is closed only by row 6's quoted comment: rows 4 and 5 are inside it.
    const text = 'customer_id,date,score,comment\nC1,2024-01-01,9,ok\nC2,2024-01-02,7,"oops\nC3,2024-01-03,8,fine\nC4,2024-01-04,6,bad\nC5,2024-01-05,10,"great"\nC6,2024-01-06,9,ok\n';
    const bytes = utf8(text);
    const plan = previewFile(bytes, true).plan;
    const built = importFiles([{ name: 'late.csv', bytes }], [plan]);
    expect(built.rejected.map((r) => [r.row, r.rejection])).toEqual([[3, { code: 'quote-swallowed-rows', value: 'comment', count: 3 }]]);
    expect(Array.from(built.table.score)).toEqual([9, 9]);
    // A comment with line breaks but no row-shaped lines is a comment.
    const fine = utf8('customer_id,date,score,comment\nC1,2024-01-01,9,"first line of a long comment\nsecond line, with a comma\nthird"\n');
    expect(importFiles([{ name: 'ok.csv', bytes: fine }], [previewFile(fine, true).plan]).rejected).toEqual([]);
  });
});
