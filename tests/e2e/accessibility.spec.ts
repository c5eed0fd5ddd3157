import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { fixture } from './helpers';

// axe-core on every page and state of the app, in both languages: no serious or critical
// violation of WCAG 2.x A/AA or axe's best practices. Moderate and minor ones are printed, so
// they are seen without failing the run.
test.use({ locale: 'en-US' });
test.setTimeout(240_000);

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Every chart says what it is: an image or a group with a name, and the full-size charts a
 * description too (what it shows); the tiny sparklines say their values in their name.
 */
async function chartsDescribed(page: Page, where: string) {
  for (const svg of await page.locator('main svg:not([aria-hidden="true"])').all()) {
    expect.soft(await svg.getAttribute('role'), `role of a chart on ${where}`).toMatch(/^(img|group)$/);
    await expect.soft(svg, `name of a chart on ${where}`).toHaveAccessibleName(/\S/);
    const width = await svg.evaluate((s) => (s as SVGSVGElement).viewBox.baseVal.width);
    if (width >= 500) await expect.soft(svg, `description of a chart on ${where}`).toHaveAccessibleDescription(/\S{3}/);
  }
}

async function audit(page: Page, where: string) {
  await chartsDescribed(page, where);
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const line = (v: (typeof violations)[number]) =>
    `${v.impact} ${v.id}: ${v.help} — ${v.nodes.length} × ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`;
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const count = (impact: string) => violations.filter((v) => v.impact === impact).length;
  console.log(`[axe] ${where}: ${['critical', 'serious', 'moderate', 'minor'].map((i) => `${count(i)} ${i}`).join(', ')}`);
  for (const v of violations.filter((v) => !blocking.includes(v))) console.log(`[axe] ${where}: ${line(v)}`);
  expect.soft(blocking.map(line), `serious or critical axe violations on ${where}`).toEqual([]);
}

for (const lang of ['en', 'ja'] as const) {
  test(`axe finds no serious or critical violation on any page (${lang})`, async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: lang === 'ja' ? '日本語' : 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByTestId('open-sample')).toBeEnabled();
    await audit(page, `${lang} home without datasets`);

    // The import preview of a small file of this repository.
    await page.getByTestId('import-files').setInputFiles(fixture('march.csv'));
    await expect(page.getByTestId('confirm-import')).toBeEnabled();
    await audit(page, `${lang} import preview`);
    await page.getByTestId('cancel-preview').click();

    await page.getByTestId('open-sample').click();
    await expect(page.getByTestId('nps-value')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('recent-comments')).toBeVisible();
    // Every chart's table shown, and the rejected rows opened.
    for (const button of await page.getByTestId('table-toggle').all()) await button.click();
    await expect(page.getByTestId('distribution-table')).toBeVisible();
    await audit(page, `${lang} overview`);

    const view = (name: string) => page.locator(`nav.views a[href*="/${name}"]`).click();
    await view('trend');
    await expect(page.getByTestId('trend-chart').first()).toBeVisible();
    await page.getByTestId('table-toggle').click();
    await expect(page.getByTestId('trend-table')).toBeVisible();
    await audit(page, `${lang} trend`);

    await view('segments');
    await expect(page.getByTestId('segment-table')).toBeVisible();
    await audit(page, `${lang} segments`);

    await view('transitions');
    await expect(page.getByTestId('sankey').first()).toBeVisible();
    // Drilled into by keyboard: the first flow of the chosen pair, Enter.
    await page.getByTestId('sankey').first().getByRole('listbox').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('flow-customers')).toBeVisible();
    await audit(page, `${lang} transitions with a flow drilled into`);

    await view('comments');
    await expect(page.getByTestId('topic-timeline')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('word-frequency')).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('#dictionary-title')).toBeVisible();
    await audit(page, `${lang} comments`);
    // Every section opened: the timeline's table, a bar's comments, a customer's history, the
    // dictionary editor with a topic and a keyword's comments in context.
    await page.getByTestId('timeline-measure').selectOption('per100');
    await page.getByTestId('table-toggle').check();
    await expect(page.getByTestId('topic-periods')).toBeVisible();
    await page.getByTestId('timeline-support').getByTestId('timeline-negative').nth(2).click();
    await expect(page.getByTestId('comment-topic')).toHaveValue('support');
    await page.getByTestId('customer-history').first().click();
    await expect(page.getByTestId('history-list')).toBeVisible();
    await page.locator('#dictionary-title').locator('..').getByRole('button', { expanded: false }).first().click();
    await page.getByTestId('keyword-count').first().click();
    await expect(page.getByTestId('keyword-context')).toBeVisible();
    await audit(page, `${lang} comments with every section open`);

    await page.locator('header a').first().click();
    await expect(page.getByTestId('dataset-card')).toHaveCount(1);
    await audit(page, `${lang} home with a dataset`);

    // "Your data", with the delete question open.
    await page.getByTestId('nav-privacy').click();
    await expect(page.getByTestId('storage-totals')).toBeVisible();
    await page.getByTestId('delete-all').click();
    await expect(page.getByTestId('delete-all-confirm')).toBeVisible();
    await audit(page, `${lang} your data, delete question open`);
  });
}

test('axe finds no serious or critical violation on a phone, in the dark theme (ja)', async ({ browser }) => {
  // Narrow, tables scroll in their own boxes: each must be reachable by keyboard.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark', locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto('/?sample');
  await expect(page.getByTestId('nps-value')).toBeVisible({ timeout: 60_000 });
  await audit(page, 'phone dark overview');
  for (const [name, ready] of [['trend', 'trend-chart'], ['segments', 'segment-table'], ['transitions', 'sankey'], ['comments', 'topic-timeline']] as const) {
    await page.locator(`nav.views a[href*="/${name}"]`).click();
    await expect(page.getByTestId(ready).first()).toBeVisible({ timeout: 60_000 });
    await audit(page, `phone dark ${name}`);
  }
  await context.close();
});
