import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, importFiles } from './helpers';

test.use({ locale: 'en-US' });

test('next month’s export appends, skips duplicates, and its rows can be removed again', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [fixture('march.csv')]);
  await expect(page.getByTestId('response-count')).toHaveText('3');

  await page.getByTestId('append-files').setInputFiles(fixture('april.csv'));
  // The same form was confirmed a moment ago: its mapping is remembered.
  await expect(page.getByTestId('mapping-remembered')).toBeVisible();
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('response-count')).toHaveText('5');
  const files = page.getByTestId('dataset-files').locator('tbody tr');
  await expect(files).toHaveCount(2);
  // april.csv: 2 new answers, 1 rejected row, 1 duplicate of march.csv skipped.
  // Rows read (4) = answers (2) + rejected (1) + duplicates (1).
  await expect(files.nth(1).locator('td')).toHaveText(['april.csv', '4', '2', '1', '1', 'UTF-8', '1', 'Remove its rows']);

  await page.reload();
  await expect(page.getByTestId('response-count')).toHaveText('5');

  page.once('dialog', (d) => d.accept());
  await files.nth(1).getByRole('button', { name: 'Remove its rows' }).click();
  await expect(page.getByTestId('response-count')).toHaveText('3');
  await expect(files).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('response-count')).toHaveText('3');
});

test('rejected rows download as CSV with a reason column and the original cells', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [fixture('april.csv')]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-rejected').click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.replace(/^\ufeff/, '').split('\r\n')).toEqual([
    'File,Row,Reason,account,answered_at,score,comment,plan',
    'april.csv,5,"score is not a number from 0 to 10: ""x""",ACME-5,2025-04-03,x,bad,Free',
  ]);
});

test('a file big enough to be read by two workers gives the same numbers as counting by hand', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'nps-split-'));
  const path = join(dir, 'split.csv');
  const lines = ['customer_id,date,score,plan,comment'];
  let promoters = 0, detractors = 0, rows = 0;
  // One unreadable score near the end, in the second worker's half: its row number must be the
  // row as a spreadsheet numbers it (each record is one row, though its comment has two lines).
  const BAD = 140_000;
  for (let i = 0; i < 150_000; i++) {
    if (i === BAD) {
      lines.push(`C1,2024-01-15,x,Pro,"bad"`);
      continue;
    }
    const score = (i * 7) % 11;
    if (score >= 9) promoters++;
    else if (score <= 6) detractors++;
    rows++;
    // Quoted comments with commas and line breaks around the middle of the file, where it is split.
    // A plan value that only the second half has: its code must be merged, not confused.
    const plan = i > 120_000 && i % 1000 === 0 ? 'Late' : ['Free', 'Pro', 'エンタープライズ'][i % 3];
    lines.push(`C${i % 9000},2024-${String(1 + (i % 12)).padStart(2, '0')}-15,${score},${plan},"コメント ${i}, とても
長い説明"`);
  }
  writeFileSync(path, lines.join('\n'));
  await page.goto('/');
  await importFiles(page, [path]);
  await expect(page.getByTestId('response-count')).toHaveText(rows.toLocaleString('en-US'));
  const nps = (100 * (promoters - detractors)) / rows;
  await expect(page.getByTestId('nps-value')).toHaveText(`${nps > 0 ? '+' : '−'}${Math.abs(nps).toFixed(1)}`);
  await expect(page.getByTestId('customer-count')).toHaveText('9,000');
  const rejected = page.getByTestId('rejected-rows').locator('tbody tr');
  await expect(rejected).toHaveCount(1);
  await expect(rejected.first()).toContainText(String(BAD + 2));
  // The second half's own plan value is a segment value with its exact count.
  const late = Array.from({ length: 150_000 }, (_, i) => i).filter((i) => i !== BAD && i > 120_000 && i % 1000 === 0).length;
  await page.getByRole('link', { name: 'Segments' }).click();
  const lateRow = page.getByTestId('segment-table').locator('tbody tr', { has: page.locator('td:first-child', { hasText: /^Late$/ }) });
  await expect(lateRow.locator('td').nth(1)).toHaveText(late.toLocaleString('en-US'));
});

test('a big import shows rows, bytes and progress, and Cancel stores nothing', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'nps-big-'));
  const path = join(dir, 'big.csv');
  const lines = ['customer_id,date,score,comment'];
  // Enough rows that reading takes seconds even with two workers, so Cancel comes in time.
  for (let i = 0; i < 1_500_000; i++) lines.push(`C${i % 50_000},2024-0${1 + (i % 9)}-1${i % 10},${i % 11},コメント${i % 97}`);
  writeFileSync(path, lines.join('\n'));

  await page.goto('/');
  await page.getByTestId('import-files').setInputFiles(path);
  await page.getByTestId('confirm-import').click();
  const progress = page.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/[\d,]+ rows · [\d.]+ of [\d.]+ MB/);
  // The page keeps answering while the worker reads: the language switch still works.
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.getByTestId('cancel-import')).toHaveText('取り込みを中止');
  await page.getByTestId('cancel-import').click();
  await expect(page.getByText('取り込みを中止しました。何も保存されていません。')).toBeVisible();
  await page.reload();
  await expect(page.getByText('まだデータセットがありません。')).toBeVisible();
});
