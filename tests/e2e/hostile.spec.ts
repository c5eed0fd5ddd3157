/**
 * The hostile corpus (issue #16), imported through the file input as a person would: each file
 * ends with a clear message in the language on screen, and where answers are stored, what was
 * stored is what the file holds (every row an answer, a rejected row or a skipped duplicate).
 * Small files are in tests/fixtures/hostile (see its README); big ones are made here.
 */
import { expect, test, type Page } from '@playwright/test';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, importFiles } from './helpers';

const hostile = (name: string) => fixture(`hostile/${name}`);
let dir = '';
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nps-hostile-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The report JSON of the open dataset, as downloaded. */
async function report(page: Page): Promise<{ overall: { n: number; nps: number }; rejectedRows: Array<{ row: number; reason: string }>; bySegment: Record<string, Array<{ value: string; n: number }>> }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report-json').click()]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}

/** A refused file: its message, no Import, and nothing stored (a reload still has no dataset). */
async function refused(page: Page, path: string, message: string | RegExp) {
  await page.getByTestId('import-files').setInputFiles(path);
  await expect(page.getByTestId('file-problem')).toContainText(message);
  await expect(page.getByTestId('confirm-import')).toBeDisabled();
}

async function nothingStored(page: Page, text = 'No dataset yet.') {
  await page.reload();
  await expect(page.getByText(text)).toBeVisible();
}

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('an unclosed quote: its row is rejected and named, the 20 rows after it are answers', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('import-files').setInputFiles(hostile('unclosed-quote.csv'));
    await expect(page.getByTestId('unclosed-quote')).toContainText('Row 3: a quote opens a field and is never closed');
    await page.getByTestId('confirm-import').click();
    // 22 data rows: 21 answers and row 3 (PapaParse alone made rows 3–23 one comment: 1 answer).
    await expect(page.getByTestId('response-count')).toHaveText('21');
    const rejected = page.getByTestId('rejected-rows').locator('tbody tr');
    await expect(rejected).toHaveCount(1);
    await expect(rejected.first()).toContainText('3');
    await expect(rejected.first()).toContainText('a quote opened in “comment” is never closed: read as written, the 20 rows after it would have become part of this one cell');
    await expect(page.getByTestId('rows-accounted')).toHaveText('unclosed-quote.csv: 22 rows read = 21 answers + 1 rejected + 0 duplicates skipped.');
    const json = await report(page);
    expect(json.overall.n).toBe(21);
    expect(json.rejectedRows.map((r) => r.row)).toEqual([3]);
  });

  test('mixed CR / LF / CRLF line ends: five rows, five answers', async ({ page }) => {
    await page.goto('/');
    await importFiles(page, [hostile('mixed-line-endings.csv')]);
    await expect(page.getByTestId('response-count')).toHaveText('5');
    await expect(page.getByTestId('rows-accounted')).toHaveText('mixed-line-endings.csv: 5 rows read = 5 answers + 0 rejected + 0 duplicates skipped.');
    // 9, 7, 0, 10, 8: promoters 2, detractors 1 → (2 − 1) / 5 = +20.
    await expect(page.getByTestId('nps-value')).toHaveText('+20.0');
  });

  test('two columns named "plan" stay two segment columns', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('import-files').setInputFiles(hostile('duplicate-headers.csv'));
    await expect(page.getByTestId('role-3')).toBeVisible();
    await page.getByTestId('role-3').selectOption('segment');
    await page.getByTestId('role-4').selectOption('segment');
    await expect(page.getByRole('columnheader', { name: 'plan (2)' })).toBeVisible();
    await page.getByTestId('confirm-import').click();
    await expect(page.getByTestId('response-count')).toHaveText('3');
    const json = await report(page);
    expect(Object.keys(json.bySegment).sort()).toEqual(['plan', 'plan (2)']);
    expect(json.bySegment['plan'].map((v) => [v.value, v.n]).sort()).toEqual([['Free', 1], ['Pro', 2]]);
    expect(json.bySegment['plan (2)'].map((v) => [v.value, v.n]).sort()).toEqual([['East', 1], ['West', 2]]);
  });

  test('files that are not CSV are named, and nothing is stored', async ({ page }) => {
    await page.goto('/');
    await refused(page, hostile('picture.csv'), 'picture.csv is an image (PNG), not a table of answers');
    await refused(page, hostile('stored-zip.csv'), 'stored-zip.csv is a ZIP archive (it holds “answers.csv”), not a CSV');
    await refused(page, hostile('old-workbook.xls'), 'old-workbook.xls is an Excel 97–2003 workbook (.xls) or a password-protected workbook');
    await refused(page, hostile('report.pdf'), 'report.pdf is a PDF document, not a table of answers');
    await nothingStored(page);
  });

  test('an Excel workbook: the first sheet, or the one chosen; dates from serials, Japanese intact', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('import-files').setInputFiles(fixture('xlsx/forms-ja.xlsx'));
    await expect(page.getByTestId('sheet')).toHaveValue('0');
    await expect(page.getByTestId('sheet').locator('option')).toHaveText(['回答', '集計']);
    await expect(page.getByRole('cell', { name: 'サポートが早い' })).toBeVisible();
    await expect(page.getByRole('cell', { name: '2024-01-15 09:30:00' })).toBeVisible();
    await page.getByTestId('confirm-import').click();
    // Scores 10 9 8 7 6 5 0 10 9 (row 12 has none): promoters 4, detractors 3 → +11.1.
    await expect(page.getByTestId('response-count')).toHaveText('9');
    await expect(page.getByTestId('nps-value')).toHaveText('+11.1');
    await expect(page.getByTestId('rows-accounted')).toContainText('forms-ja.xlsx: 10 rows read = 9 answers + 1 rejected + 0 duplicates skipped.');
    await expect(page.getByTestId('recent-comments')).toContainText('最高！');
    const json = await report(page);
    expect(json.rejectedRows).toEqual([{ file: 'forms-ja.xlsx', row: 12, reason: 'score is empty' }]);

    // The second sheet, chosen in the preview: 10, 0, 7 → one promoter, one detractor.
    await page.getByRole('link', { name: 'Datasets' }).click();
    await page.getByTestId('import-files').setInputFiles(fixture('xlsx/forms-ja.xlsx'));
    await page.getByTestId('sheet').selectOption('1');
    await expect(page.getByRole('cell', { name: '2024-05-01' })).toBeVisible();
    await page.getByTestId('confirm-import').click();
    await expect(page.getByTestId('response-count')).toHaveText('3');
    await expect(page.getByTestId('nps-value')).toHaveText('0.0');
  });

  test('a workbook renamed .csv is read as the workbook it is', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('import-files').setInputFiles(hostile('workbook-renamed.csv'));
    await expect(page.getByTestId('sheet')).toBeVisible();
    await page.getByTestId('confirm-import').click();
    await expect(page.getByTestId('response-count')).toHaveText('9');
  });

  test('UTF-16 without a BOM, a Windows-1252 file, a small ;-file', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('import-files').setInputFiles(hostile('utf16le-no-bom.txt'));
    await expect(page.getByTestId('encoding')).toHaveValue('utf-16le');
    await expect(page.getByRole('cell', { name: '遅い' })).toBeVisible();
    await page.getByTestId('confirm-import').click();
    await expect(page.getByTestId('response-count')).toHaveText('3');

    await page.getByRole('link', { name: 'Datasets' }).click();
    await page.getByTestId('import-files').setInputFiles(hostile('latin1.csv'));
    await expect(page.getByTestId('encoding-uncertain')).toContainText('This file is neither UTF-8 nor Shift_JIS: it is shown as Windows-1252 (Latin)');
    await expect(page.getByRole('cell', { name: 'Müller' })).toBeVisible();
    await page.getByTestId('confirm-import').click();
    await expect(page.getByTestId('response-count')).toHaveText('3');

    await page.getByRole('link', { name: 'Datasets' }).click();
    await page.getByTestId('import-files').setInputFiles(hostile('semicolon-small.csv'));
    await expect(page.getByTestId('delimiter')).toHaveValue(';');
    await page.getByTestId('confirm-import').click();
    await expect(page.getByTestId('response-count')).toHaveText('2');
  });

  test('no line break in 20 MB, a 50 MB field, a file over 1 GB: named with their sizes', async ({ page }) => {
    const oneLine = join(dir, 'one-line.csv');
    writeFileSync(oneLine, Buffer.alloc(20 << 20, 'a'));
    const field = join(dir, 'field.csv');
    const fd = openSync(field, 'w');
    writeSync(fd, 'customer_id,score,comment\nC1,9,');
    writeSync(fd, Buffer.alloc(50 << 20, 'b'));
    writeSync(fd, '\nC2,7,ok\n');
    closeSync(fd);
    const huge = join(dir, 'huge.csv');
    const big = openSync(huge, 'w');
    writeSync(big, 'customer_id,score\n');
    closeSync(big);
    // Sparse: 1 GB and 1 MB on paper, nothing on the disk.
    const { truncateSync } = await import('node:fs');
    truncateSync(huge, (1 << 30) + (1 << 20));

    await page.goto('/');
    await refused(page, oneLine, 'one-line.csv has no line break in its 20.0 MB');
    await refused(page, field, 'field.csv: row 2 has a field of 50.0 MB: this is not an export');
    await refused(page, huge, 'huge.csv is 1.0 GB: NPS Lines reads files of up to 1.0 GB in the browser');
    await nothingStored(page);
  });

  test('a 12 MB file read by two workers, with mixed line ends and an unclosed quote in its second half', async ({ page }) => {
    const path = join(dir, 'two-workers.csv');
    const lines: string[] = [];
    let promoters = 0, detractors = 0, answers = 0;
    const N = 300_000, BROKEN = 250_000;
    for (let i = 0; i < N; i++) {
      const score = (i * 7) % 11;
      if (i === BROKEN) {
        lines.push(`C${i},2024-02-01,${score},"this quote is never closed`);
        continue;
      }
      answers++;
      if (score >= 9) promoters++;
      else if (score <= 6) detractors++;
      lines.push(`C${i},2024-0${1 + (i % 9)}-1${i % 10},${score},comment ${i % 100} with a few more words`);
    }
    // Line ends of three kinds: LF, CRLF every 3rd row, a lone CR every 7th.
    const text = 'customer_id,date,score,comment\n' + lines.map((l, i) => l + (i % 7 === 0 ? '\r' : i % 3 === 0 ? '\r\n' : '\n')).join('');
    writeFileSync(path, text);
    expect(text.length).toBeGreaterThan(12_000_000);
    await page.goto('/');
    await importFiles(page, [path]);
    await expect(page.getByTestId('response-count')).toHaveText(answers.toLocaleString('en-US'));
    const nps = (100 * (promoters - detractors)) / answers;
    await expect(page.getByTestId('nps-value')).toHaveText(`${nps > 0 ? '+' : '−'}${Math.abs(nps).toFixed(1)}`);
    await expect(page.getByTestId('rows-accounted')).toHaveText(`two-workers.csv: 300,000 rows read = ${answers.toLocaleString('en-US')} answers + 1 rejected + 0 duplicates skipped.`);
    const rejected = page.getByTestId('rejected-rows').locator('tbody tr');
    await expect(rejected).toHaveCount(1);
    // Row numbers as a spreadsheet shows them: the header is row 1.
    await expect(rejected.first()).toContainText(String(BROKEN + 2));
    await expect(rejected.first()).toContainText(`the ${(N - BROKEN - 1).toLocaleString('en-US')} rows after it`);
  });

  test('a file of 10,000 columns previews without blocking the page, 40 columns at a time', async ({ page }) => {
    const wide = join(dir, 'wide.csv');
    const header = Array.from({ length: 10_000 }, (_, c) => (c === 2 ? 'score' : `Q${c + 1}`));
    const rows = Array.from({ length: 20 }, (_, r) => Array.from({ length: 10_000 }, (_, c) => (c === 2 ? String(r % 11) : String((r + c) % 5))).join(','));
    writeFileSync(wide, [header.join(','), ...rows].join('\n') + '\n');
    await page.goto('/');
    await page.evaluate(() => {
      (window as unknown as { longest: number }).longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) (window as unknown as { longest: number }).longest = Math.max((window as unknown as { longest: number }).longest, e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    await page.getByTestId('import-files').setInputFiles(wide);
    await expect(page.getByTestId('columns-shown')).toHaveText('Columns 1–40 of 10,000');
    await expect(page.getByTestId('role-2')).toHaveValue('score');
    await page.getByRole('button', { name: 'Next columns' }).click();
    await expect(page.getByTestId('columns-shown')).toHaveText('Columns 41–80 of 10,000');
    // It froze the page for 10.8 s; now no task comes near a second.
    expect(await page.evaluate(() => (window as unknown as { longest: number }).longest)).toBeLessThan(1000);
  });

  test('200,000 rejected rows download as CSV', async ({ page }) => {
    const bad = join(dir, 'bad-scores.csv');
    const lines = ['customer_id,score', 'OK1,9'];
    for (let i = 0; i < 200_000; i++) lines.push(`B${i},x`);
    writeFileSync(bad, lines.join('\n') + '\n');
    await page.goto('/');
    await page.getByTestId('import-files').setInputFiles(bad);
    // The sample's scores are all "x": the person points at the score column.
    await page.getByTestId('role-1').selectOption('score');
    await page.getByTestId('confirm-import').click();
    await expect(page.getByTestId('response-count')).toHaveText('1');
    await expect(page.getByTestId('rows-accounted')).toHaveText('bad-scores.csv: 200,001 rows read = 1 answer + 200,000 rejected + 0 duplicates skipped.');
    // More than 20 rejected rows: their section starts folded.
    await page.getByRole('heading', { name: /rows that could not be read/i }).click();
    await expect(page.getByTestId('download-rejected')).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-rejected').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const out = text.replace(/^\ufeff/, '').split('\r\n');
    expect(out.length).toBe(200_001);
    expect(out[1]).toBe('bad-scores.csv,3,"score is not a number from 0 to 10: ""x""",B0,x');
    expect(out[200_000]).toMatch(/^bad-scores\.csv,200002,/);
  });

  test('an events CSV of 10,000 bad rows: the first five and a count, not a giant alert', async ({ page }) => {
    const events = join(dir, 'events.csv');
    const lines = ['date,label,kind', '2024-01-10,Release 2.0,release'];
    for (let i = 0; i < 10_000; i++) lines.push(`not a date ${i},x,other`);
    writeFileSync(events, lines.join('\n') + '\n');
    await page.goto('/');
    await importFiles(page, [hostile('mixed-line-endings.csv')]);
    await page.getByRole('link', { name: 'Trend', exact: true }).click();
    await page.getByTestId('events-csv').setInputFiles(events);
    const alert = page.getByRole('alert').filter({ hasText: 'events.csv' });
    await expect(alert).toHaveText('events.csv: 10,000 rows have no readable date or label and were skipped: rows 3, 4, 5, 6, 7 and 9,995 more.');
    await expect(page.getByTestId('events-list')).toContainText('Release 2.0');
  });
});

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('the same files get their messages in Japanese', async ({ page }) => {
    const oneLine = join(dir, 'ichigyou.csv');
    writeFileSync(oneLine, Buffer.alloc(20 << 20, 'a'));
    await page.goto('/');
    await refused(page, hostile('picture.csv'), 'picture.csv は画像（PNG）で、回答の表ではありません');
    await refused(page, hostile('old-workbook.xls'), 'old-workbook.xls は Excel 97–2003 形式（.xls）またはパスワード付きのブック');
    await refused(page, hostile('stored-zip.csv'), 'stored-zip.csv は ZIP ファイル（「answers.csv」を含む）で、CSV ではありません');
    await refused(page, oneLine, 'ichigyou.csv には 20.0 MB のあいだ改行がひとつもありません');
    await page.getByTestId('import-files').setInputFiles(hostile('latin1.csv'));
    await expect(page.getByTestId('encoding-uncertain')).toContainText('このファイルは UTF-8 でも Shift_JIS でもありません');
    await nothingStored(page, 'まだデータセットがありません。');
  });

  test('an unclosed quote is explained in Japanese', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('import-files').setInputFiles(hostile('unclosed-quote.csv'));
    await expect(page.getByTestId('unclosed-quote')).toContainText('3 行目：フィールドを開く引用符（"）が閉じていません');
    await page.getByTestId('confirm-import').click();
    await expect(page.getByTestId('response-count')).toHaveText('21');
    await expect(page.getByTestId('rejected-rows').locator('tbody tr').first()).toContainText('「comment」列で開いた引用符（"）が閉じていません。書かれたとおりに読むと、後続の 20 行');
    await expect(page.getByTestId('rows-accounted')).toHaveText('unclosed-quote.csv：読み込んだ 22 行 ＝ 回答 21 件 ＋ 除外 1 行 ＋ スキップした重複 0 件。');
  });
});
