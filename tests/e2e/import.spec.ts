import { expect, test } from '@playwright/test';
import { acceptanceFixture, fixture, importFiles, recordRequests } from './helpers';

test.use({ locale: 'en-US' });

test('imports a CSV, shows the NPS, keeps it across a reload, and deletes it', async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto('/');
  await page.getByTestId('import-files').setInputFiles(acceptanceFixture('textbook-example/textbook-example.csv'));
  // The preview shows the detected roles before anything is imported.
  await expect(page.getByTestId('role-0')).toHaveValue('account');
  await expect(page.getByTestId('role-1')).toHaveValue('date');
  await expect(page.getByTestId('role-2')).toHaveValue('score');
  await page.getByTestId('confirm-import').click();

  await expect(page.getByTestId('nps-value')).toHaveText('+50.0');
  await expect(page.getByTestId('response-count')).toHaveText('100');
  await expect(page.getByTestId('customer-count')).toHaveText('100');
  await expect(page.getByTestId('nps-interval')).toHaveText('95% interval +35.5 to +61.6');
  await expect(page.getByTestId('share-promoter')).toContainText('60.0%');

  await page.reload();
  await expect(page.getByTestId('nps-value')).toHaveText('+50.0');

  await page.getByRole('navigation').getByRole('link', { name: 'Datasets' }).click();
  await expect(page.getByTestId('dataset-card')).toHaveCount(1);
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByTestId('delete-dataset').click();
  await expect(page.getByTestId('dataset-card')).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('No dataset yet.')).toBeVisible();

  const origin = new URL(page.url()).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u));
  expect(foreign).toEqual([]);
  expect(requests.length).toBeGreaterThan(0);
});

test('lists rejected rows with their row number and reason', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [acceptanceFixture('bad-rows/with_bad_rows.csv')]);
  await expect(page.getByTestId('response-count')).toHaveText('82');
  const rows = page.getByTestId('rejected-rows').locator('tbody tr');
  await expect(rows).toHaveCount(8);
  await expect(rows.nth(0)).toContainText('7');
  await expect(rows.nth(0)).toContainText('score is not a number from 0 to 10: "abc"');
  await expect(rows.nth(7)).toContainText('56');
  await expect(rows.nth(7)).toContainText('date cannot be read: "2024-13-40"');
});

test('comment markup is shown as text and never runs', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, '__xss', { configurable: true, get: () => undefined, set: () => { (window as unknown as { __ran: boolean }).__ran = true; } });
  });
  await page.goto('/');
  await importFiles(page, [fixture('comments-markup.csv')]);
  const comments = page.getByTestId('recent-comments');
  await expect(comments).toContainText('<img src=x onerror="window.__xss=1">画像タグは文字として表示されるべき');
  await expect(comments).toContainText('<script>window.__xss=1</script>');
  await expect(comments.locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran ?? false)).toBe(false);
});

test('an empty file and a header-only file get a clear message and create nothing', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('import-files').setInputFiles(fixture('empty.csv'));
  await expect(page.getByRole('alert')).toContainText('empty.csv is empty');
  await expect(page.getByTestId('confirm-import')).toBeDisabled();
  await page.getByTestId('import-files').setInputFiles(fixture('header-only.csv'));
  await expect(page.getByRole('alert')).toContainText('header-only.csv has a header row but no answers');
  await expect(page.getByTestId('confirm-import')).toBeDisabled();
  await page.reload();
  await expect(page.getByText('No dataset yet.')).toBeVisible();
});

test('the sample opens from /?sample and the language switch turns the UI Japanese', async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto('/?sample');
  await expect(page.getByTestId('nps-value')).toBeVisible({ timeout: 30_000 });
  const count = Number((await page.getByTestId('response-count').textContent())!.replace(/\D/g, ''));
  expect(count).toBeGreaterThanOrEqual(3000);
  expect(Number((await page.getByTestId('customer-count').textContent())!.replace(/\D/g, ''))).toBeGreaterThanOrEqual(1000);
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.getByRole('heading', { name: 'スコア別の回答数' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  // The sample ships with its events and contract dates: markers on the trend, and lifecycle phases.
  await page.getByRole('link', { name: '推移', exact: true }).click();
  await expect(page.getByTestId('trend-chart').first().getByTestId('event-marker')).toHaveCount(5);
  await expect(page.getByTestId('lifecycle-table').locator('tbody tr')).toHaveCount(4);
  // Every phase's line shows the events too: 5 on the trend and 5 on each of the 4 phases.
  await expect(page.getByTestId('event-marker')).toHaveCount(25);
  // (The sample's month-to-month steps are not significant once corrected for testing every
  // step; its real changes are the change points of the trend view.)
  const origin = new URL(page.url()).origin;
  expect(requests.filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u))).toEqual([]);
});
