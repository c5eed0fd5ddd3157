/**
 * The line tells its story (issue #14, part A): on the sample's trend view the changes of level
 * are listed with their events in both languages, each kind of mark has its own legend entry, the
 * segments that moved, the early warning and the projection are said, and a target line survives
 * a reload.
 */
import { expect, test, type Page } from '@playwright/test';

async function openTrend(page: Page, nav: string) {
  await page.goto('/?sample');
  await expect(page.getByTestId('nps-value')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('link', { name: nav, exact: true }).click();
  await expect(page.getByTestId('trend-chart').first()).toBeVisible();
}

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('the monthly changes of the sample are listed with their events, and the chart marks them', async ({ page }) => {
    await openTrend(page, 'Trend');
    const changes = page.getByTestId('change');
    // A fall after 2024-01 (the price increase, 2024-04, within the months it may have begun),
    // the recovery after the outage, and the rise after 2024-10 a month after the support upgrade.
    await expect(changes).toHaveCount(3);
    await expect(changes.nth(0)).toContainText('NPS fell from +5.6');
    await expect(changes.nth(0)).toContainText('between 2024-02 and 2024-04');
    await expect(changes.nth(0).getByTestId('change-event')).toContainText('Price increase');
    await expect(changes.nth(0).getByTestId('change-event')).toContainText('in that time');
    await expect(changes.nth(2)).toContainText('NPS rose from +5.2');
    await expect(changes.nth(2).getByTestId('change-event')).toContainText('Support upgrade');
    await expect(changes.nth(2).getByTestId('change-event')).toContainText('1 month before');
    await expect(changes.nth(0)).toContainText('Bonferroni p < 0.001');

    const chart = page.getByTestId('trend-chart').first();
    await expect(chart.getByTestId('change-marker')).toHaveCount(3);
    await expect(chart.getByTestId('level-segment')).toHaveCount(4);
    // No step between neighbouring months passes q < 0.05, so no triangle; no steady trend lately.
    await expect(chart.getByTestId('shift-marker')).toHaveCount(0);
    await expect(page.getByTestId('no-shifts')).toBeVisible();

    // Change points, trends and small samples each have their own legend entry and swatch.
    const legend = page.getByTestId('trend-legend');
    await expect(legend.getByTestId('legend-change')).toHaveText('change of level');
    await expect(legend.getByTestId('legend-trend')).toHaveText('steady trend (Sen’s line)');
    await expect(legend.getByTestId('legend-step')).toHaveText('step from the period before');
    await expect(legend.getByTestId('legend-few')).toHaveText('fewer than 30 answers');
    const swatches = await Promise.all(['legend-change', 'legend-trend', 'legend-step', 'legend-few'].map((id) => legend.getByTestId(id).locator('svg').innerHTML()));
    expect(new Set(swatches).size).toBe(4);

    // Which plans moved with the fall.
    const moves = page.getByTestId('segment-moves');
    await expect(moves.getByTestId('moves-table').locator('tbody tr')).toHaveCount(4);
    await expect(moves.getByTestId('moves-summary')).toContainText('Moved with the change');
    await expect(moves.getByTestId('moves-summary')).toContainText('Cochran’s Q');

    // The whole series rose overall, but not steadily; an early warning and a projection.
    await expect(page.getByTestId('trend-sentences')).toContainText('rose overall');
    await expect(page.getByTestId('early-warning')).toContainText('No drift');
    await expect(page.getByTestId('projection-sentence')).toContainText('2025-10 about');
    await expect(chart.getByTestId('projection')).toBeVisible();
    await expect(legend.getByTestId('legend-projection')).toBeVisible();

    // Quarters: the fall after 2024-Q1 starts with the price increase's quarter.
    await page.getByTestId('period').selectOption('quarter');
    await expect(changes).toHaveCount(2);
    await expect(changes.nth(0).getByTestId('change-event')).toContainText('Price increase');
    await expect(chart.getByTestId('shift-marker')).toHaveCount(2);
    // Its last six quarters rise, but across the change after 2024-Q4: a step, not a slope.
    await expect(page.getByTestId('trend-sentences')).toContainText('rose overall');
    await expect(chart.getByTestId('trend-marker')).toHaveCount(0);
    // Weeks: the last six weeks of 30 answers or more rise steadily, drawn as Sen's line.
    await page.getByTestId('period').selectOption('week');
    await expect(chart.getByTestId('trend-marker')).toHaveCount(1);
    await expect(page.getByTestId('trend-sentences')).toContainText('rose steadily');
  });

  test('a target line is drawn, kept over a reload, and an industry figure needs its source', async ({ page }) => {
    await openTrend(page, 'Trend');
    await page.getByTestId('reference-value').fill('30');
    await page.getByTestId('reference-label').fill('FY2025 goal');
    await page.getByTestId('reference-add').click();
    const chart = page.getByTestId('trend-chart').first();
    await expect(chart.getByTestId('reference-line')).toHaveCount(1);
    await expect(chart.getByTestId('reference-line')).toContainText('FY2025 goal +30');
    await expect(page.getByTestId('legend-target')).toBeVisible();

    await page.getByTestId('reference-kind').selectOption('benchmark');
    await page.getByTestId('reference-value').fill('-12');
    await page.getByTestId('reference-add').click();
    await expect(page.getByRole('alert')).toHaveText('An industry figure needs its source.');
    await page.getByTestId('reference-source').fill('Example survey');
    await page.getByTestId('reference-year').fill('2024');
    await page.getByTestId('reference-add').click();
    await expect(chart.getByTestId('reference-line')).toHaveCount(2);
    await expect(page.getByTestId('reference-list')).toContainText('Example survey 2024');

    await page.reload();
    await expect(page.getByTestId('trend-chart').first().getByTestId('reference-line')).toHaveCount(2);
    await page.getByRole('button', { name: 'Remove FY2025 goal' }).click();
    await expect(page.getByTestId('trend-chart').first().getByTestId('reference-line')).toHaveCount(1);
  });
});

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('the changes are told with the events in Japanese', async ({ page }) => {
    await openTrend(page, '推移');
    const changes = page.getByTestId('change');
    await expect(changes).toHaveCount(3);
    await expect(changes.nth(0)).toContainText('低下しました');
    await expect(changes.nth(0).getByTestId('change-event')).toContainText('料金改定');
    await expect(changes.nth(0).getByTestId('change-event')).toContainText('この時期に当たります');
    await expect(changes.nth(2).getByTestId('change-event')).toContainText('サポート体制強化');
    await expect(changes.nth(2).getByTestId('change-event')).toContainText('1 か月前');
    await expect(page.getByTestId('legend-change')).toHaveText('水準の変化');
    await expect(page.getByTestId('legend-trend')).toHaveText('一貫した傾向（Sen の直線）');
    await expect(page.getByTestId('legend-few')).toHaveText('回答 30 件未満');
    await expect(page.getByTestId('early-warning')).toContainText('下振れの兆候はありません');
  });
});
