import { describe, expect, it } from 'vitest';
import { unpackText } from '../engine/text-column';
import { importFiles } from './pipeline';
import { encodeCustomers } from '../engine/customers';
import { PreviewError, previewFile } from './preview';
import { dayToIso } from '../engine/days';

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

/** Preview (detect the layout) and import one file, as the app does. */
function importText(bytes: Uint8Array, name = 'answers.csv') {
  const preview = previewFile(bytes, true);
  const built = importFiles([{ name, bytes }], [preview.plan]);
  return { preview, built };
}

describe('importFiles rejects unreadable rows with their spreadsheet row number and reason', () => {
  const csv = [
    'customer_id,date,score,comment', // row 1
    'C1,2024-01-02,9,good', // 2
    'C2,2024-01-03,,empty score', // 3
    'C3,2024-01-04,abc,letters', // 4
    'C4,2024-01-05,11,too high', // 5
    'C5,2024-01-06,-1,negative', // 6
    'C6,2024-01-07,7.5,half', // 7
    'C7,2024-01-08,N/A,not applicable', // 8
    'C8,not a date,8,bad date', // 9
    'C9,2024-13-40,8,impossible date', // 10
    'C10,,8,no date', // 11
    'C11,2024-01-09,0,lowest', // 12
  ].join('\n');
  const { built } = importText(utf8(csv));
  const byRow = Object.fromEntries(built.rejected.map((r) => [r.row, r.rejection.code]));

  it('keeps every readable row', () => {
    expect(built.table.length).toBe(2);
    expect(Array.from(built.table.score)).toEqual([9, 0]);
    expect(Array.from(built.table.row)).toEqual([2, 12]);
  });
  it('names the reason of each rejected row', () => {
    expect(byRow).toEqual({
      3: 'score-empty',
      4: 'score-not-number',
      5: 'score-out-of-range',
      6: 'score-out-of-range',
      7: 'score-not-whole',
      8: 'score-not-number',
      9: 'date-unreadable',
      10: 'date-unreadable',
      11: 'date-empty',
    });
  });
  it('keeps the cell as written for the message', () => {
    expect(built.rejected.find((r) => r.row === 7)?.rejection.value).toBe('7.5');
    expect(built.rejected.find((r) => r.row === 10)?.rejection.value).toBe('2024-13-40');
  });
  it('counts accepted and rejected rows per file', () => {
    expect(built.fileCounts).toEqual([{ accepted: 2, rejected: 9, blank: 0 }]);
  });
});

describe('importFiles reads CSV as a spreadsheet does', () => {
  it('keeps quoted commas and line breaks inside a comment, and a quoted break stays one row', () => {
    const csv = 'id,score,comment\nA,9,"fast, stable"\nB,3,"line one\nline two"\nC,abc,x\n';
    const { built } = importText(utf8(csv));
    expect(unpackText(built.table.comment)).toEqual(['fast, stable', 'line one\nline two']);
    // C is on the file's 5th line but the spreadsheet's 4th row.
    expect(built.rejected.map((r) => r.row)).toEqual([4]);
  });
  it('skips blank lines without rejecting them, and still counts them as rows', () => {
    const { built } = importText(utf8('id,score\nA,9\n\nB,x\n'));
    expect(built.table.length).toBe(1);
    expect(built.rejected).toEqual([{ file: 0, row: 4, rejection: { code: 'score-not-number', value: 'x' }, cells: ['B', 'x'] }]);
  });
  it('drops a UTF-8 BOM so the first header is read correctly', () => {
    const { preview, built } = importText(withBom('タイムスタンプ,推奨度,コメント\n2024/1/5 9:03:00,10,とても良い\n'));
    expect(preview.bom).toBe(true);
    expect(preview.plan.headers[0]).toBe('タイムスタンプ');
    expect(preview.plan.roles).toEqual(['date', 'score', 'comment']);
    expect(dayToIso(built.table.day[0])).toBe('2024-01-05');
    expect(built.table.seconds[0]).toBe(9 * 3600 + 3 * 60);
  });
  it('reads Japanese text in a Shift_JIS file', () => {
    // "会社名,スコア\n株式会社テスト,9\n" in CP932
    const sjis = new Uint8Array([0x89, 0xef, 0x8e, 0xd0, 0x96, 0xbc, 0x2c, 0x83, 0x58, 0x83, 0x52, 0x83, 0x41, 0x0a, 0x8a, 0x94, 0x8e, 0xae, 0x89, 0xef, 0x8e, 0xd0, 0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x2c, 0x39, 0x0a]);
    const { preview, built } = importText(sjis);
    expect(preview.plan.encoding).toBe('shift_jis');
    expect(preview.plan.headers).toEqual(['会社名', 'スコア']);
    expect(unpackText(built.table.account)).toEqual(['株式会社テスト']);
  });
  it('files chosen together share segment dictionaries by header', () => {
    const a = utf8('id,score,plan\nA,9,Pro\nB,5,Free\n');
    const b = utf8('id,score,plan\nC,7,Free\nD,10,Enterprise\n');
    const plans = [previewFile(a, true).plan, previewFile(b, true).plan];
    const built = importFiles([{ name: 'a.csv', bytes: a }, { name: 'b.csv', bytes: b }], plans);
    expect(built.segmentColumns).toEqual([{ name: 'plan', values: ['', 'Pro', 'Free', 'Enterprise'] }]);
    expect(Array.from(built.table.segments[0])).toEqual([1, 2, 2, 3]);
    expect(Array.from(built.table.file)).toEqual([0, 0, 1, 1]);
    expect(Array.from(built.table.id)).toEqual([0, 1, 2, 3]);
  });
  it('codes customers while reading, as encodeCustomers would: first appearance, 0 for nobody', () => {
    const a = utf8('account,score\nA,9\nB,5\nanonymous,7\nA,8\n');
    const b = utf8('account,score\nC,7\nB,10\n');
    const built = importFiles([{ name: 'a.csv', bytes: a }, { name: 'b.csv', bytes: b }], [previewFile(a, true).plan, previewFile(b, true).plan]);
    expect(Array.from(built.table.customer)).toEqual([1, 2, 0, 1, 3, 2]);
    expect(built.table.customer).toEqual(encodeCustomers(built.table, 'account'));
  });
  it('codes an id read straight from the bytes as the same customer as the same id decoded (quoted, spaced, non-ASCII)', () => {
    // Long ASCII ids are looked up from the bytes (customer-keys.ts); quoted ones, ids with
    // spaces around them, non-ASCII ones and short ones are decoded first: the same customer.
    const long = 'CUST-0000000000001', other = 'CUST-0000000000002';
    const rows = [
      long, `"${long}"`, `  ${long}	`, `" ${long} "`, other, '顧客ＡＢＣ-00000000001', '"顧客ＡＢＣ-00000000001"',
      'anonymous', '"Anonymous"', '匿名', 'short-1', '"short-1"', ' short-1 ', `${long}x`, `"${other}"`, '"CUST ""quoted"" 0000001"', 'CUST "quoted" 0000001',
    ];
    const text = `account,score\n${rows.map((id, k) => `${id},${k % 11}`).join('\n')}\n`;
    const built = importText(utf8(text)).built;
    expect(built.table.length).toBe(rows.length);
    expect(built.table.customer).toEqual(encodeCustomers(built.table, 'account'));
    expect(Array.from(built.table.customer)).toEqual([1, 1, 1, 1, 2, 3, 3, 0, 0, 0, 4, 4, 4, 5, 2, 6, 6]);
    // A customer's later answers reuse the first one's text: the same, trimmed ids.
    expect(unpackText(built.table.account)).toEqual([
      long, long, long, long, other, '顧客ＡＢＣ-00000000001', '顧客ＡＢＣ-00000000001', '', '', '',
      'short-1', 'short-1', 'short-1', `${long}x`, other, 'CUST "quoted" 0000001', 'CUST "quoted" 0000001',
    ]);
  });
});

describe('previewFile refuses files with nothing to import', () => {
  it('an empty file is "empty-file"', () => {
    expect(() => previewFile(utf8(''), true)).toThrow(PreviewError);
    expect(() => previewFile(utf8(' \n\n'), true)).toThrow('empty-file');
  });
  it('a header row alone is "header-only"', () => {
    expect(() => previewFile(utf8('customer_id,date,score\n'), true)).toThrow('header-only');
  });
});
