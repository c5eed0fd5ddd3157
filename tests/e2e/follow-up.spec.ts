import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from './helpers';

test.use({ locale: 'en-US' });

const dir = mkdtempSync(join(tmpdir(), 'nps-follow-'));
const april = join(dir, 'april.csv');
const may = join(dir, 'may.csv');
// April: two detractors (A 3 with a formula-like comment, B 5), a passive C and a promoter D.
writeFileSync(april, 'account,email,answered_at,score,comment\nA,a@x.jp,2024-04-02,3,"=HYPERLINK(""http://evil.example"")"\nB,b@x.jp,2024-04-03,5,遅い\nC,c@x.jp,2024-04-04,8,\nD,d@x.jp,2024-04-05,10,最高\n');
// July (next quarter): A again, now a promoter; E a new detractor.
writeFileSync(may, 'account,email,answered_at,score,comment\nA,a@x.jp,2024-07-02,9,改善した\nE,e@x.jp,2024-07-03,2,\n');

test('a detractor marked contacted stays so after a reload and after next month’s export is added; the list exports safely', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [april]);
  await page.getByRole('link', { name: 'Follow-up' }).click();
  const rows = page.getByTestId('followup-row');
  // Detractors of 2024-Q2, lowest score first.
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('A');
  // Editing does not move the row from under the pointer: it stays first until the list is asked for again.
  await rows.nth(0).getByTestId('followup-status').selectOption('contacted');
  await expect(rows.nth(0)).toContainText('a@x.jp');
  await rows.nth(0).getByRole('textbox', { name: 'Owner' }).fill('Sato');
  await rows.nth(0).getByRole('textbox', { name: 'Owner' }).press('Enter');
  await expect(page.getByTestId('followup-counts')).toContainText('New 1 · contacted 1');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-followups-csv').click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\ufeff')).toBe(true);
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  expect(csv).toContain('Contacted,Sato');

  // After a reload the list is ordered again: what is still new (B) comes before A, contacted.
  await page.reload();
  const rowA = page.getByTestId('followup-row').filter({ hasText: 'a@x.jp' });
  await expect(page.getByTestId('followup-row').nth(0)).toContainText('b@x.jp');
  await expect(rowA.getByTestId('followup-status')).toHaveValue('contacted');
  await expect(rowA.getByRole('textbox', { name: 'Owner' })).toHaveValue('Sato');

  // Next month's export added: the new wave lists E; April's A is still contacted.
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.getByTestId('append-files').setInputFiles(may);
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('response-count')).toHaveText('6');
  await page.getByRole('link', { name: 'Follow-up' }).click();
  await expect(page.getByTestId('followup-row')).toHaveCount(1);
  await expect(page.getByTestId('followup-row').first()).toContainText('E');
  await page.getByTestId('followup-wave').selectOption({ label: '2024-Q2' });
  await expect(rowA.getByTestId('followup-status')).toHaveValue('contacted');
});

test('a long list is drawn fifty rows at a time, and the export has every row', async ({ page }) => {
  const many = join(dir, 'many.csv');
  const rows = Array.from({ length: 250 }, (_, i) => `C${String(i).padStart(3, '0')},c${i}@x.jp,2024-05-${String(1 + (i % 28)).padStart(2, '0')},${i % 7},`);
  writeFileSync(many, ['account,email,answered_at,score,comment', ...rows, 'P1,p1@x.jp,2024-05-02,10,'].join('\n') + '\n');
  await page.goto('/');
  await importFiles(page, [many]);
  await page.getByRole('link', { name: 'Follow-up' }).click();
  const listed = page.getByTestId('followup-row');
  await expect(listed).toHaveCount(50);
  await expect(page.getByTestId('followup-counts')).toContainText('50 of 250 shown');
  const more = page.getByTestId('followup-more');
  await expect(more).toHaveText('Show 50 more · 200 not shown yet');
  for (const shown of [100, 150, 200, 250]) {
    await more.click();
    await expect(listed).toHaveCount(shown);
  }
  await expect(page.getByTestId('followup-counts')).toContainText('250 of 250 shown');
  await expect(more).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-followups-csv').click()]);
  expect(readFileSync((await download.path())!, 'utf8').trim().split('\n')).toHaveLength(251);
  // Another list starts at its first page again.
  await page.getByTestId('followup-group-promoter').click();
  await expect(listed).toHaveCount(1);
  await page.getByTestId('followup-group-detractor').click();
  await expect(listed).toHaveCount(50);
});
