import { expect, test } from '@playwright/test';
import { fixture, importFiles } from './helpers';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test.use({ locale: 'en-US' });

test('one voice per customer: the headline counts each customer once, the design effect is said, and it survives a reload', async ({ page }) => {
  await page.goto('/?sample');
  await expect(page.getByTestId('nps-value')).toBeVisible({ timeout: 60_000 });
  const customers = await page.getByTestId('customer-count').textContent();
  const allAnswers = await page.getByTestId('nps-value').textContent();
  // The sample's accounts answer wave after wave: the headline says what that costs.
  await expect(page.getByTestId('design-effect')).toContainText(`from ${customers} customers`);
  await expect(page.getByTestId('nps-bounds')).toHaveText(/^[+−]\d+\.\d … [+−]\d+\.\d$/);

  await page.getByTestId('one-voice').check();
  // Each customer's latest answer only: as many answers as customers.
  await expect(page.getByTestId('response-count')).toHaveText(customers!);
  await expect(page.getByTestId('nps-value')).not.toHaveText(allAnswers!);
  const oneVoice = await page.getByTestId('nps-value').textContent();
  expect(page.url()).toContain('voice=1');
  await expect(page.getByTestId('design-effect')).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('one-voice')).toBeChecked();
  await expect(page.getByTestId('nps-value')).toHaveText(oneVoice!);
  await expect(page.getByTestId('response-count')).toHaveText(customers!);
});

test('segments: every value gets q beside p, the column’s omnibus test is said, and no difference says what it could have seen', async ({ page }) => {
  await page.goto('/?sample');
  await expect(page.getByTestId('nps-value')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('link', { name: 'Segments' }).click();
  await expect(page.getByTestId('segment-omnibus')).toContainText(/The values of plan (do not )?differ/);
  const table = page.getByTestId('segment-table');
  await expect(table.locator('thead th').filter({ hasText: /^q$/ })).toHaveCount(1);
  // Every row with a test has its q.
  for (const row of await table.locator('tbody tr').all()) await expect(row.locator('td').nth(7)).toHaveText(/^(< 0\.001|0\.\d{3}|1\.000)$/);
  await page.getByTestId('segment-column').selectOption('csm');
  await expect(page.getByTestId('segment-mdd').first()).toContainText(/could have seen ±\d+/);
});

test('answers from several touchpoints are said to mix, and one click compares like with like', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [fixture('touchpoints/survey-types.csv')]);
  await expect(page.getByTestId('response-count')).toHaveText('36');
  const mix = page.getByTestId('touchpoint-mix');
  await expect(mix).toContainText('アンケート種別');
  await mix.getByRole('button', { name: 'Only サポート後アンケート' }).click();
  await expect(page.getByTestId('response-count')).toHaveText('12');
  await expect(page.getByTestId('touchpoint-mix')).toHaveCount(0);
  // The filter is in the URL like any other, and every view keeps it.
  await page.getByRole('link', { name: 'Trend' }).click();
  await expect(page.getByTestId('filter-kept')).toContainText('12');
});

test('identical rows: kept when they say neither who nor when, skipped when they do unless the person keeps them', async ({ page }) => {
  await page.goto('/');
  // No identity, no time: 40 answers, many alike; every one is kept.
  await page.getByTestId('import-files').setInputFiles(fixture('identity/no-identity.csv'));
  await expect(page.getByTestId('identical-rows')).toContainText('rows repeat an earlier row');
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('response-count')).toHaveText('40');

  // The same account, date and score twice: a repeat of one answer, skipped — unless kept.
  const path = join(mkdtempSync(join(tmpdir(), 'nps-identical-')), 'repeats.csv');
  writeFileSync(path, 'account,date,score\nA1,2024-01-05,9\nA1,2024-01-05,9\nA2,2024-01-05,3\n');
  for (const [keep, expected] of [[false, '2'], [true, '3']] as const) {
    await page.getByRole('link', { name: 'Datasets' }).first().click();
    await page.getByTestId('import-files').setInputFiles(path);
    await expect(page.getByTestId('identical-rows')).toBeVisible();
    if (keep) await page.getByTestId('keep-identical').check();
    await page.getByTestId('confirm-import').click();
    await expect(page.getByTestId('response-count')).toHaveText(expected);
  }
});
