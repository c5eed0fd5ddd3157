import { expect, test, type Page } from '@playwright/test';

// Everything by keyboard: a skip link first, charts and long lists of buttons as one tab stop
// with the arrow keys inside, Enter/Space on what a click does, Escape out of what opens.
test.use({ locale: 'en-US' });
test.setTimeout(120_000);

/** Tab stops of the page: Tab from the top until focus is back on the first stop. */
async function tabStops(page: Page): Promise<number> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Tab');
  const first = await page.evaluateHandle(() => document.activeElement);
  let stops = 1;
  for (let i = 0; i < 1000; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate((f) => (document.activeElement === f ? 'first' : document.activeElement === document.body ? 'body' : 'other'), first);
    if (where === 'first') break;
    if (where === 'other') stops++;
  }
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  return stops;
}

const activeText = (page: Page) =>
  page.evaluate(() => {
    const id = document.activeElement?.getAttribute('aria-activedescendant');
    return id ? document.getElementById(id)?.textContent?.trim() : null;
  });

async function openSample(page: Page) {
  await page.goto('/?sample');
  await expect(page.getByTestId('nps-value')).toBeVisible({ timeout: 60_000 });
}

test('the skip link is the first stop, shows when focused and lands in the main content', async ({ page }) => {
  await openSample(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  const box = (await skip.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  const url = page.url();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main-content')).toBeFocused();
  // The hash router did not take the link for a page: still the dataset's overview.
  expect(page.url()).toBe(url);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('export-report-json')).toBeFocused();
  // Off screen again once focus has left it.
  expect((await skip.boundingBox())!.y).toBeLessThan(0);
});

test('the comments page is a few dozen tab stops; the topic timeline is one, with arrow keys inside', async ({ page }) => {
  await openSample(page);
  await page.locator('nav.views a[href*="/comments"]').click();
  const timeline = page.getByTestId('topic-timeline');
  await expect(timeline).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('#dictionary-title')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('word-frequency').locator('button')).toHaveCount(25, { timeout: 60_000 });
  // Hundreds of bars, one stop: before they were one stop each (about 660 on this page).
  expect(await timeline.locator('rect[role="option"]').count()).toBeGreaterThan(300);
  expect(await timeline.locator('[tabindex="0"]').count()).toBe(1);
  // 61 with the dataset row's print, HTML report and employee-survey controls (every view has them).
  expect(await tabStops(page)).toBeLessThan(65);

  const bars = timeline.getByRole('listbox');
  await bars.focus();
  await page.keyboard.press('Control+Home');
  expect(await activeText(page)).toMatch(/^Features · \S+: positive/);
  await page.keyboard.press('ArrowRight');
  const second = (await activeText(page))!;
  expect(second).toMatch(/^Features · /);
  // Down from Features' positive bars to its negative ones, then to Support's positive ones.
  await page.keyboard.press('ArrowDown');
  expect(await activeText(page)).toMatch(/^Features · \S+: negative/);
  await page.keyboard.press('ArrowDown');
  expect(await activeText(page)).toMatch(/^Support · \S+: positive/);
  await page.keyboard.press('ArrowUp');
  const negative = (await activeText(page))!;
  // The active bar is outlined and its figures shown beside it while the chart has focus.
  await expect(timeline.locator('.ring')).toHaveCount(1);
  await expect(page.locator('figure .tip')).toHaveText(negative);
  await page.keyboard.press('Escape');
  await expect(timeline.locator('.ring')).toHaveCount(0);

  // Enter does what a click does: the browser lists exactly that bar's comments, and focus moves
  // there with the view.
  const [, period] = /^Features · (\S+):/.exec(negative)!;
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('comment-topic')).toHaveValue('features');
  await expect(page.getByTestId('comment-polarity')).toHaveValue('-1');
  await expect(page.getByTestId('comment-period')).toHaveValue(period);
  await expect(page.locator('#browser-title')).toBeFocused();

  // The customers' buttons of the comment list are one stop too; Escape closes a history.
  const customers = page.getByTestId('comment-list').getByTestId('customer-history');
  await expect(customers.first()).toHaveAttribute('tabindex', '0');
  expect(await page.getByTestId('comment-list').locator('[data-testid="customer-history"][tabindex="0"]').count()).toBe(1);
  await customers.first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('history-list')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('history-list')).toHaveCount(0);
  await expect(customers.first()).toBeFocused();
  if ((await customers.count()) > 1) {
    await page.keyboard.press('ArrowDown');
    await expect(customers.nth(1)).toBeFocused();
    await expect(customers.nth(1)).toHaveAttribute('tabindex', '0');
    await expect(customers.first()).toHaveAttribute('tabindex', '-1');
  }

  // A word list: one stop, ↓ to the next word, Enter searches for it.
  const words = page.getByTestId('word-frequency').locator('button');
  await words.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(words.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(words.nth(24)).toBeFocused();
  const word = (await words.nth(24).textContent())!;
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('comment-search')).toHaveValue(word);

  // The dictionary: a topic opens from the keyboard and Escape closes it, focus back on its button.
  const topic = page.getByRole('button', { name: /^Support \(/ });
  await topic.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('keyword-list')).toBeVisible();
  await page.getByTestId('keyword-input').focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('keyword-list')).toHaveCount(0);
  await expect(topic).toBeFocused();
});

test('trend points, histogram bars and the transition matrix answer the arrow keys', async ({ page }) => {
  await openSample(page);
  // Histogram: Home is score 0, End score 10, the figures shown.
  const histogram = page.getByRole('group', { name: 'Answers per score' }).getByRole('listbox');
  await histogram.focus();
  await page.keyboard.press('End');
  expect(await activeText(page)).toMatch(/^10: [\d,]+$/);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  expect(await activeText(page)).toMatch(/^1: [\d,]+$/);
  await expect(page.locator('.plot .tip')).toHaveText(/^1: [\d,]+$/);

  await page.locator('nav.views a[href*="/trend"]').click();
  const points = page.getByTestId('trend-chart').first().getByRole('listbox');
  await points.focus();
  await page.keyboard.press('End');
  const last = (await activeText(page))!;
  expect(last).toMatch(/^\S+: NPS [+−]?[\d.]+ · n = [\d,]+/);
  // The same tip as on hover, for the active period.
  await expect(page.getByTestId('trend-chart').first().locator('.tip text').first()).toHaveText(new RegExp(`^${last.split(':')[0]} · n = `));

  await page.locator('nav.views a[href*="/transitions"]').click();
  const matrix = page.getByTestId('transition-matrix');
  await expect(matrix).toBeVisible();
  expect(await matrix.locator('button[tabindex="0"]').count()).toBe(1);
  // Rows are wave A's detractors, passives, promoters; columns wave B's in the same order.
  await page.getByTestId('cell-detractor-detractor').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('cell-passive-detractor')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('cell-passive-passive')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('flow-customers')).toBeVisible();
});
