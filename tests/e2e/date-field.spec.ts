import { expect, test } from '@playwright/test';
import { fixture, importFiles } from './helpers';

// The date fields follow the UI language, not the operating system's (an en-US browser here).
test.use({ locale: 'en-US' });

test('date fields read what a Japanese user types and show it the Japanese way', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '日本語' }).click();
  await importFiles(page, [fixture('monthly-drop.csv')]);
  await expect(page.getByTestId('response-count')).toHaveText('240');

  const from = page.getByTestId('filter-from');
  await expect(from).toHaveAttribute('placeholder', '年/月/日');
  await from.fill('2024年3月1日');
  await from.press('Enter');
  await expect(page.getByTestId('response-count')).toHaveText('120');
  await expect(from).toHaveValue('2024/03/01');
  expect(page.url()).toContain('from=2024-03-01');

  // ↑ moves a day later, ↓ a day earlier; each step applies at once.
  await from.press('ArrowDown');
  await expect(from).toHaveValue('2024/02/29');
  expect(page.url()).toContain('from=2024-02-29');
  await from.press('ArrowUp');
  await expect(from).toHaveValue('2024/03/01');

  // Unreadable text: an error in Japanese, and the filter stays as it was.
  await from.fill('3月のはじめ');
  await from.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('日付として読めません。2024/04/01 のように入力してください。');
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('response-count')).toHaveText('120');

  // English: ISO dates.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(from).toHaveValue('2024-03-01');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByTestId('filter-to').fill('2024/3/31');
  await page.getByTestId('filter-to').blur();
  await expect(page.getByTestId('filter-to')).toHaveValue('2024-03-31');
  await expect(page.getByTestId('response-count')).toHaveText('60');
});

test('an event is added with a typed date', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [fixture('monthly-drop.csv')]);
  await page.getByRole('link', { name: 'Trend' }).click();
  await page.getByTestId('event-date').fill('2024/2/15');
  await page.getByTestId('event-label').fill('Price increase');
  await page.getByTestId('event-save').click();
  await expect(page.getByTestId('events-list')).toContainText('2024-02-15');
  await expect(page.getByTestId('event-marker')).toHaveCount(1);
});
