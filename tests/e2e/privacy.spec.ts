import { expect, test } from '@playwright/test';
import { fixture, importFiles } from './helpers';

test.use({ locale: 'en-US' });

test('"Your data" shows what is stored and the policy in force, and deletes everything after a confirmation', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [fixture('layouts/google-forms-ja-sjis.csv')]);
  await page.getByRole('link', { name: 'Datasets' }).first().click();
  await importFiles(page, [fixture('march.csv')]);

  await page.getByTestId('nav-privacy').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your data stays here');
  await expect(page.getByTestId('storage-totals')).toHaveText('Datasets: 2 · answers: 21');
  await expect(page.getByTestId('storage-used')).toContainText(/B used by this site, of the .+B the browser allows it\./);
  // The policy quoted is the one the browser enforces on this page.
  const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  await expect(page.getByTestId('csp')).toHaveText(policy!.split('; ').join(';\n'));
  await expect(page.getByTestId('csp')).toContainText("connect-src 'self'");

  // The first click only asks; Cancel keeps everything.
  await page.getByTestId('delete-all').click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('storage-totals')).toHaveText('Datasets: 2 · answers: 21');

  await page.getByTestId('delete-all').click();
  await page.getByTestId('delete-all-confirm').click();
  await expect(page.getByTestId('delete-all-done')).toBeVisible();
  await expect(page.getByTestId('storage-totals')).toHaveText('Datasets: 0 · answers: 0');

  await page.getByRole('link', { name: 'Datasets' }).first().click();
  await expect(page.getByText('No dataset yet.')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('dataset-card')).toHaveCount(0);
});
