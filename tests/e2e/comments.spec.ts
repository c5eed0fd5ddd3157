import { expect, test } from '@playwright/test';
import { importFiles, sharedFixture } from './helpers';

test.use({ locale: 'en-US' });

test('comments are tagged by topic, searchable, and editing a keyword changes the counts shown', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [sharedFixture('waves-transitions/nps_waves.csv')]);
  await page.getByRole('link', { name: 'Comments' }).click();
  const support = page.getByTestId('topic-support');
  await expect(support).toBeVisible({ timeout: 30_000 });
  const mentions = async (row: ReturnType<typeof page.getByTestId>) => Number((await row.locator('td').nth(1).textContent())!.replace(/\D/g, ''));
  const before = await mentions(support);
  expect(before).toBeGreaterThan(0);

  // Word statistics from the worker: a distinctive detractor word searches the comments.
  const detractorWord = page.getByTestId('detractor-words').locator('button').first();
  await expect(detractorWord).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('word-frequency').locator('li')).toHaveCount(25);
  const word = (await detractorWord.textContent())!;
  await detractorWord.click();
  await expect(page.getByTestId('comment-search')).toHaveValue(word);

  // Search: a Japanese substring, highlighted as text.
  await page.getByTestId('comment-search').fill('丁寧');
  await expect(page.getByTestId('comment-list').locator('mark').first()).toHaveText('丁寧');

  // Add a keyword that only these comments contain, under "Features": its count shows at once,
  // and the topic's mentions grow.
  const features = page.getByTestId('topic-features');
  const featuresBefore = await mentions(features);
  await page.getByRole('button', { name: /^Features/ }).click();
  await page.getByTestId('keyword-input').fill('丁寧');
  await page.getByTestId('keyword-add').click();
  await expect(page.getByTestId('keyword-list').locator('li').last()).toContainText('丁寧');
  await expect.poll(() => mentions(features)).toBeGreaterThan(featuresBefore);
  const count = Number((await page.getByTestId('keyword-list').locator('li').last().getByTestId('keyword-count').textContent())!.replace(/\D/g, ''));
  expect(count).toBeGreaterThan(0);
  // The edit is stored: after a reload the keyword is still there.
  await page.reload();
  await expect(features).toBeVisible({ timeout: 30_000 });
  expect(await mentions(features)).toBeGreaterThan(featuresBefore);
});
