import { expect, test } from '@playwright/test';
import { acceptanceFixture, importFiles } from './helpers';
import { sampleCsv } from '../../src/lib/engine/sample';

test.use({ locale: 'en-US' });

test('comments are tagged by topic, searchable, and editing a keyword changes the counts shown', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [acceptanceFixture('waves-transitions/nps_waves.csv')]);
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
  await page.getByRole('button', { name: /^Features \(/ }).click();
  await page.getByTestId('keyword-input').fill('丁寧');
  await page.getByTestId('keyword-add').click();
  await expect(page.getByTestId('keyword-list').locator('li').last()).toContainText('丁寧');
  await expect.poll(() => mentions(features)).toBeGreaterThan(featuresBefore);
  // Only the comments the edit can change were read again: those with 丁寧 (and Features' own).
  const note = (await page.getByTestId('retag-note').textContent())!;
  const [reread, commented] = [...note.matchAll(/([\d,]+) of ([\d,]+) comments/g)][0].slice(1).map((x) => Number(x.replace(/,/g, '')));
  expect(reread).toBeGreaterThan(0);
  expect(reread).toBeLessThan(commented);
  // The new keyword is kept whole by the word index too, which is patched rather than rebuilt.
  await expect(page.getByTestId('words-source')).toContainText('updated for the edited dictionary', { timeout: 30_000 });
  const count = Number((await page.getByTestId('keyword-list').locator('li').last().getByTestId('keyword-count').textContent())!.replace(/\D/g, ''));
  expect(count).toBeGreaterThan(0);
  // Keyword in context: the count opens the newest comments it matches, the keyword marked.
  await page.getByTestId('keyword-list').locator('li').last().getByTestId('keyword-count').click();
  const lines = page.getByTestId('keyword-context').locator('.line');
  await expect(lines).toHaveCount(Math.min(count, 8));
  await expect(lines.first().locator('mark')).toHaveText('丁寧');
  // The edit is stored: after a reload the keyword is still there.
  await page.reload();
  await expect(features).toBeVisible({ timeout: 30_000 });
  expect(await mentions(features)).toBeGreaterThan(featuresBefore);
});

test('topics over time with events: a bar opens its comments, a comment opens its customer, words are stored', async ({ page }) => {
  await page.goto('/?sample');
  await expect(page.getByTestId('nps-value')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Comments' }).click();
  const timeline = page.getByTestId('topic-timeline');
  await expect(timeline).toBeVisible({ timeout: 30_000 });
  // The sample's events cross the topic rows.
  expect(await timeline.getByTestId('timeline-event').count()).toBeGreaterThanOrEqual(3);

  // A negative support bar: its count, then the browser filtered to exactly those comments.
  const bar = page.getByTestId('timeline-support').getByTestId('timeline-negative').nth(2);
  const title = (await bar.locator('title').textContent())!;
  const negatives = Number(/negative ([\d,]+)/.exec(title)![1].replace(/,/g, ''));
  expect(negatives).toBeGreaterThan(0);
  await bar.click();
  await expect(page.getByTestId('comment-topic')).toHaveValue('support');
  await expect(page.getByTestId('comment-polarity')).toHaveValue('-1');
  await expect(page.getByTestId('comment-period')).not.toHaveValue('');
  await expect(page.getByTestId('comment-count')).toHaveText(`${negatives} comments`);
  // Every comment listed is tagged Support, negatively, and shows a keyword marked.
  const items = page.getByTestId('comment-list').locator(':scope > li');
  await expect(items).toHaveCount(Math.min(negatives, 100));
  await expect(items.first().locator('.tag.neg', { hasText: 'Support' })).toBeVisible();
  await expect(items.first().locator('mark').first()).toBeVisible();

  // The customer's history, one click away: all their answers, this one among them.
  await items.first().getByTestId('customer-history').click();
  const history = items.first().getByTestId('history-list');
  await expect(history).toBeVisible();
  // As many answers as the sample's CSV has rows for that account.
  const account = (await items.first().getByTestId('customer-history').textContent())!.trim();
  const rowsOfAccount = sampleCsv().split('\n').filter((line) => line.split(',').includes(account)).length;
  expect(rowsOfAccount).toBeGreaterThanOrEqual(1);
  await expect(history.locator('li:not(.caption)')).toHaveCount(rowsOfAccount);
  await expect(history.locator('li.this')).toHaveCount(1);

  // Topic × segment: one row per plan.
  await expect(page.getByTestId('topic-segments').locator('tbody tr').first()).toBeVisible();

  // Words: counted once, then read back from IndexedDB after a reload.
  await expect(page.getByTestId('words-source')).toContainText('counted', { timeout: 60_000 });
  await expect(page.getByTestId('word-frequency').locator('li')).toHaveCount(25);
  const first = await page.getByTestId('word-frequency').locator('button').first().textContent();
  await expect(page.getByTestId('words-source')).toHaveAttribute('data-stored', 'true');
  await page.reload();
  await expect(page.getByTestId('words-source')).toContainText('store', { timeout: 30_000 });
  await expect(page.getByTestId('word-frequency').locator('button').first()).toHaveText(first!);
});
