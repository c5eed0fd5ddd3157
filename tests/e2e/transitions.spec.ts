import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { acceptanceFixture, importFiles } from './helpers';

test.use({ locale: 'en-US' });

test('the Sankey of the last two waves renders, and a flow lists exactly its customers', async ({ page }) => {
  const expected = JSON.parse(readFileSync(acceptanceFixture('waves-transitions/expected.json'), 'utf8'));
  const last = expected.transitions.at(-1);
  await page.goto('/');
  await importFiles(page, [acceptanceFixture('waves-transitions/nps_waves.csv')]);
  await page.getByRole('link', { name: 'Transitions' }).click();
  await expect(page.getByTestId('sankey').first()).toBeVisible();
  // The chosen pair first; then one small Sankey per consecutive pair (three waves: two).
  await expect(page.getByTestId('sankey')).toHaveCount(3);
  await expect(page.getByTestId('wave-a')).toHaveValue('1');
  await expect(page.getByTestId('stuart-maxwell')).toContainText(`${last.paired} customers answered both`);

  // The flows are one tab stop: the arrow keys reach a flow, Enter lists its customers.
  const flows = page.getByTestId('sankey').first().getByRole('listbox');
  const target = await page.getByTestId('flow-passive-promoter').first().getAttribute('id');
  await flows.focus();
  for (let i = 0; i < 15 && (await flows.getAttribute('aria-activedescendant')) !== target; i++) await page.keyboard.press('ArrowDown');
  await expect(flows).toHaveAttribute('aria-activedescendant', target!);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('flow-count')).toHaveText(`(${last.matrix.passive.promoter})`);
  await expect(page.getByTestId('flow-customers').locator('tbody tr')).toHaveCount(last.matrix.passive.promoter);

  // The matrix cells list the same customers; detractors who stayed detractors:
  await page.getByTestId('cell-detractor-detractor').click();
  await expect(page.getByTestId('flow-count')).toHaveText(`(${last.matrix.detractor.detractor})`);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('flow-csv').click()]);
  const lines = readFileSync((await csv.path())!, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
  expect(lines.length).toBe(1 + last.matrix.detractor.detractor);
  // Each customer by its account id, on screen and in the file.
  await expect(page.getByTestId('flow-customers').locator('tbody tr td:first-child').first()).toHaveText(/^C\d{6}$/);
  expect(lines.slice(1).every((l) => /^"?C\d{6}"?,/.test(l))).toBe(true);

  await expect(page.getByTestId('watch-list')).toBeVisible();
  await expect(page.getByTestId('watch-list').locator('tbody tr td:first-child').first()).toHaveText(/^C\d{6}$/);
  // What improvers and decliners wrote about, once the comments are tagged: only topics that 10 or
  // more of them mention are ranked (here one), each with its q.
  const topicRows = page.getByTestId('topic-drivers').locator('tbody tr');
  await expect(topicRows).toHaveCount(1, { timeout: 30_000 });
  await expect(topicRows.first().locator('td').last()).toHaveText(/^(< 0\.001|0\.\d{3}|1\.000)$/);
});
