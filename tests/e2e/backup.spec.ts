import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from './helpers';

test.use({ locale: 'en-US' });

const dir = mkdtempSync(join(tmpdir(), 'nps-backup-'));
const april = join(dir, 'april.csv');
writeFileSync(april, 'account,email,answered_at,score,comment\nA,a@x.jp,2024-04-02,3,遅い\nB,b@x.jp,2024-04-03,5,高い\nC,c@x.jp,2024-04-04,8,\nD,d@x.jp,2024-04-05,10,最高\nE,e@x.jp,2024-05-06,7,\n');
const notABackup = join(dir, 'april-copy.npsbackup');
writeFileSync(notABackup, readFileSync(april));

async function openPrivacy(page: Page) {
  await page.getByTestId('nav-privacy').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your data stays here');
}

test('a backup round-trips through the UI: import, follow-up, event → backup → delete all → restore', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [april]);
  await expect(page.getByTestId('nps-value')).toHaveText('−20.0');
  const overviewUrl = page.url();

  // A detractor marked contacted, with an owner.
  await page.getByRole('link', { name: 'Follow-up' }).click();
  const rowA = page.getByTestId('followup-row').filter({ hasText: 'a@x.jp' });
  await rowA.getByTestId('followup-status').selectOption('contacted');
  await rowA.getByRole('textbox', { name: 'Owner' }).fill('Sato');
  await rowA.getByRole('textbox', { name: 'Owner' }).press('Enter');
  await expect(page.getByTestId('followup-counts')).toContainText('contacted 1');

  // An event on the trend.
  await page.getByRole('link', { name: 'Trend' }).click();
  await page.getByTestId('event-date').fill('2024-04-15');
  await page.getByTestId('event-label').fill('Price increase');
  await page.getByTestId('event-save').click();
  await expect(page.getByTestId('events-list')).toContainText('Price increase');

  // The backup.
  await openPrivacy(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()]);
  expect(download.suggestedFilename()).toMatch(/^nps-lines-backup-\d{4}-\d{2}-\d{2}\.npsbackup$/);
  const backup = join(dir, download.suggestedFilename());
  await download.saveAs(backup);
  await expect(page.getByTestId('backup-made')).toContainText('1 dataset');
  expect(readFileSync(backup).subarray(0, 17).toString()).toBe('NPS Lines backup\n');

  // Everything deleted.
  await page.getByTestId('delete-all').click();
  await page.getByTestId('delete-all-confirm').click();
  await expect(page.getByTestId('storage-totals')).toHaveText('Datasets: 0 · answers: 0');

  // A file that is not a backup is refused with nothing changed.
  await page.getByTestId('backup-file').setInputFiles(notABackup);
  await expect(page.getByTestId('restore-refused')).toHaveText('april-copy.npsbackup is not an NPS Lines backup (a backup file ends in .npsbackup and starts with “NPS Lines backup”). Nothing was changed.');
  // A backup cut short is refused too.
  const cut = join(dir, 'cut.npsbackup');
  writeFileSync(cut, readFileSync(backup).subarray(0, 300));
  await page.getByTestId('backup-file').setInputFiles(cut);
  await expect(page.getByTestId('restore-refused')).toContainText('cut.npsbackup is damaged or incomplete');
  await expect(page.getByTestId('storage-totals')).toHaveText('Datasets: 0 · answers: 0');

  // The backup, into an empty browser: one question, then everything is back.
  await page.getByTestId('backup-file').setInputFiles(backup);
  await expect(page.getByTestId('restore-question')).toContainText('1 dataset with 5 answers, 1 event, 1 follow-up');
  await expect(page.getByTestId('restore-question')).toBeFocused();
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('restore-done')).toContainText('Restored: 1 dataset');
  await expect(page.getByTestId('storage-totals')).toHaveText('Datasets: 1 · answers: 5');

  // The same dataset at the same address: the same numbers, the event, the follow-up status.
  await page.goto(overviewUrl);
  await expect(page.getByTestId('nps-value')).toHaveText('−20.0');
  await expect(page.getByTestId('response-count')).toHaveText('5');
  await page.getByRole('link', { name: 'Trend' }).click();
  await expect(page.getByTestId('events-list')).toContainText('2024-04-15');
  await expect(page.getByTestId('events-list')).toContainText('Price increase');
  await page.getByRole('link', { name: 'Follow-up' }).click();
  await expect(rowA.getByTestId('followup-status')).toHaveValue('contacted');
  await expect(rowA.getByRole('textbox', { name: 'Owner' })).toHaveValue('Sato');

  // Restoring into a browser that has data asks: merge keeps this browser's version of the same dataset.
  await rowA.getByTestId('followup-status').selectOption('resolved');
  await expect(page.getByTestId('followup-counts')).toContainText('resolved 1');
  await openPrivacy(page);
  await page.getByTestId('backup-file').setInputFiles(backup);
  await expect(page.getByTestId('restore-merge')).toBeVisible();
  await expect(page.getByTestId('restore-replace')).toBeVisible();
  await page.getByTestId('restore-merge').click();
  await expect(page.getByTestId('restore-done')).toContainText('Restored: no dataset');
  await expect(page.getByTestId('restore-done')).toContainText('kept as they were here');
  await page.goto(overviewUrl);
  await page.getByRole('link', { name: 'Follow-up' }).click();
  await page.getByTestId('followup-show').selectOption('all');
  await expect(rowA.getByTestId('followup-status')).toHaveValue('resolved');

  // Replace brings the backup's version back.
  await openPrivacy(page);
  await page.getByTestId('backup-file').setInputFiles(backup);
  await page.getByTestId('restore-replace').click();
  await expect(page.getByTestId('restore-done')).toContainText('Restored: 1 dataset');
  await page.goto(overviewUrl);
  await page.getByRole('link', { name: 'Follow-up' }).click();
  await expect(rowA.getByTestId('followup-status')).toHaveValue('contacted');
});

test('a refused backup is explained in Japanese', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByTestId('nav-privacy').click();
  await page.getByTestId('backup-file').setInputFiles(notABackup);
  await expect(page.getByTestId('restore-refused')).toContainText('april-copy.npsbackup は NPS Lines のバックアップではありません');
  await context.close();
});
