import { expect, test, type Page } from '@playwright/test';

test.use({ locale: 'en-US' });

/** The date range a person types into the filter bar. */
async function range(page: Page, from: string, to: string) {
  for (const [id, value] of [['filter-from', from], ['filter-to', to]]) {
    const field = page.getByTestId(id);
    await field.fill(value);
    await field.press('Enter');
  }
}

test('what to fix first follows the sample’s design: price after the April 2024 increase, support before the October upgrade; feasibility is kept', async ({ page }) => {
  await page.goto('/?sample');
  await expect(page.getByTestId('nps-value')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Comments' }).click();
  const table = page.getByTestId('fix-first');
  await expect(table).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('impact-map')).toBeVisible();
  const first = table.locator('tbody tr').first();

  await range(page, '2024-04-01', '2024-09-30');
  await expect(first.locator('th')).toHaveText('Price');
  await expect(first.getByTestId('quadrant')).toHaveText('Fix first: frequent and costly');

  await range(page, '2023-01-01', '2024-09-30');
  await expect(first.locator('th')).toHaveText('Support');
  await expect(first.getByTestId('quadrant')).toHaveText('Fix first: frequent and costly');
  await range(page, '2024-10-01', '2026-12-31');
  await expect(table.getByTestId('fix-support').getByTestId('quadrant')).not.toHaveText('Fix first: frequent and costly');

  // A short-term fix among the fix-first topics is a quick win and goes first; it survives a reload.
  await range(page, '2024-04-01', '2024-09-30');
  const usability = table.getByTestId('fix-usability');
  await expect(usability.getByTestId('quadrant')).toHaveText('Fix first: frequent and costly');
  await usability.getByRole('combobox', { name: 'Feasibility of Usability' }).selectOption('short');
  await expect(first.locator('th')).toHaveText('Usability');
  await expect(first).toContainText('Quick win');
  await page.reload();
  await expect(table.locator('tbody tr').first().locator('th')).toHaveText('Usability', { timeout: 30_000 });
  await expect(table.getByTestId('fix-usability').getByRole('combobox')).toHaveValue('short');
});
