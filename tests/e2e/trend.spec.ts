import { expect, test } from '@playwright/test';
import { fixture, importFiles } from './helpers';

test.use({ locale: 'en-US' });

test('the trend shows NPS per month, finds the drop, and draws an event imported from CSV', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [fixture('monthly-drop.csv')]);
  await page.getByRole('link', { name: 'Trend' }).click();
  await expect(page.getByTestId('trend-chart')).toBeVisible();
  await expect(page.getByTestId('point')).toHaveCount(4);

  // Jan and Feb: 30/24/6 of 60 → +40; Mar and Apr: 15/24/21 → −10.
  await page.getByRole('button', { name: 'Periods as a table' }).click();
  const rows = page.getByTestId('trend-table').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0).locator('td').nth(5)).toHaveText('+40.0');
  await expect(rows.nth(2).locator('td').nth(5)).toHaveText('−10.0');
  await expect(page.getByTestId('shift-list')).toContainText('NPS fell 50.0 points from 2024-02 to 2024-03');
  await expect(page.getByTestId('shift-marker')).toHaveCount(1);

  await page.getByTestId('events-csv').setInputFiles(fixture('events.csv'));
  await expect(page.getByTestId('events-list')).toContainText('Price increase');
  await expect(page.getByTestId('event-marker')).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('event-marker')).toHaveCount(1);

  // The chart saves as a standalone SVG (styles inlined) and as a PNG.
  const { readFileSync } = await import('node:fs');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-svg').first().click()]);
  const markup = readFileSync((await svg.path())!, 'utf8');
  expect(markup).toContain('<svg');
  expect(markup).toContain('2024-03');
  expect(markup).toMatch(/stroke:\s*rgb\(31, 78, 121\)/);
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-png').first().click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
});

test('a filter lives in the URL: it survives a reload and applies to every view', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [fixture('monthly-drop.csv')]);
  await expect(page.getByTestId('response-count')).toHaveText('240');
  await page.getByTestId('filter-column').selectOption('plan');
  await page.getByTestId('filter-value').selectOption('Pro');
  await expect(page.getByTestId('response-count')).toHaveText('120');
  await page.getByTestId('filter-from').fill('2024-03-01');
  await page.getByTestId('filter-from').dispatchEvent('change');
  await expect(page.getByTestId('response-count')).toHaveText('60');
  expect(page.url()).toContain('f=plan%3APro');
  expect(page.url()).toContain('from=2024-03-01');

  await page.reload();
  await expect(page.getByTestId('response-count')).toHaveText('60');
  await expect(page.getByTestId('filter-kept')).toHaveText('60 of 240 answers');
  await page.getByRole('link', { name: 'Trend' }).click();
  await expect(page.getByTestId('point')).toHaveCount(2);
  // The report is of the whole dataset, whatever the view's filter.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report-json').click()]);
  const { readFileSync } = await import('node:fs');
  const report = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(report.dataset.responses).toBe(240);
  expect(report.byPeriod.month.map((m: { period: string; n: number }) => [m.period, m.n])).toEqual([['2024-01', 60], ['2024-02', 60], ['2024-03', 60], ['2024-04', 60]]);
});
