import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { sampleCsv } from '../../src/lib/engine/sample';

/**
 * The sample counted here, from its CSV, not by the app: the NPS of a wave, of all answers, and
 * of the answers between two dates.
 */
const rows = Papa.parse<Record<string, string>>(sampleCsv(), { header: true, skipEmptyLines: true }).data;
function nps(keep: (row: Record<string, string>) => boolean): { n: number; nps: number } {
  const kept = rows.filter(keep).map((r) => Number(r.score));
  const promoters = kept.filter((s) => s >= 9).length, detractors = kept.filter((s) => s <= 6).length;
  return { n: kept.length, nps: (100 * (promoters - detractors)) / kept.length };
}
const between = (from: string, to: string) => (r: Record<string, string>) => r.answered_at.slice(0, 10) >= from && r.answered_at.slice(0, 10) <= to;
const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(1)}`;
const latest = nps((r) => r.wave === '2025-Q3'), previous = nps((r) => r.wave === '2025-Q2'), all = nps(() => true);

for (const lang of ['en', 'ja'] as const) {
  test.describe(`the line tells its story (${lang})`, () => {
    test.use({ locale: lang === 'ja' ? 'ja-JP' : 'en-US' });

    test('the overview leads with the latest wave, its change and the paragraph; the headline figure stays all answers', async ({ page }) => {
      await page.goto('/?sample');
      await expect(page.getByTestId('nps-value')).toBeVisible({ timeout: 30_000 });
      // The sample has a wave column: its last wave, 2025-Q3, against 2025-Q2.
      await expect(page.getByTestId('latest-period')).toHaveText('2025-Q3');
      await expect(page.getByTestId('latest-nps')).toHaveText(signed(latest.nps));
      await expect(page.getByTestId('latest-change')).toContainText(signed(latest.nps - previous.nps));
      await expect(page.getByTestId('latest-change')).toContainText('2025-Q2');
      await expect(page.getByTestId('latest-change-basis')).toContainText(/p = 0\.\d{3}/);
      // The acceptance contract: nps-value is every answer's NPS, response-count every answer.
      await expect(page.getByTestId('nps-value')).toHaveText(signed(all.nps));
      await expect(page.getByTestId('response-count')).toHaveText(all.n.toLocaleString('en-US'));
      await expect(page.getByTestId('story-line')).toBeVisible();
      // Two changes of level: the fall of 2024-Q2 and the rise of 2025-Q1.
      await expect(page.getByTestId('story-change')).toHaveCount(2);
      const paragraph = page.getByTestId('story-paragraph');
      if (lang === 'en') {
        await expect(paragraph).toContainText(`NPS is ${signed(latest.nps)} in 2025-Q3`);
        await expect(paragraph).toContainText('within what chance explains');
        await expect(paragraph).toContainText(/fell from \S+ to \S+ after “Price increase[^”]*” \(2024-04\)/);
        await expect(paragraph).toContainText(/has risen to \S+ since “Support upgrade[^”]*” \(2024-10\)/);
      } else {
        await expect(paragraph).toContainText(`2025-Q3 の NPS は ${signed(latest.nps)}`);
        await expect(paragraph).toContainText('偶然で説明できる範囲');
        await expect(paragraph).toContainText(/「料金改定[^」]*」（2024-04）の後に \S+ から \S+ へ下がり/);
        await expect(paragraph).toContainText(/「サポート体制強化[^」]*」（2024-10）以降は \S+ へ上がっています/);
      }
    });

    test('the trend chart writes the events’ labels, and each event shows the NPS before and after it with p', async ({ page }) => {
      await page.goto('/?sample');
      await expect(page.getByTestId('nps-value')).toBeVisible({ timeout: 30_000 });
      await page.getByRole('link', { name: lang === 'en' ? 'Trend' : '推移', exact: true }).click();
      const chart = page.getByTestId('trend-chart').first();
      await expect(chart.getByTestId('event-label')).toHaveCount(5);
      await expect(chart.getByTestId('event-label').nth(1)).toBeVisible();
      await expect(chart.getByTestId('event-label').nth(1)).toHaveText(lang === 'en' ? /^Price increase/ : /^料金改定/);

      // The price increase (2024-04-01): the 90 days before and the 90 from it, as counted here.
      const before = nps(between('2024-01-02', '2024-03-31')), after = nps(between('2024-04-01', '2024-06-29'));
      const row = page.getByTestId('impact-row').nth(1);
      await expect(row).toContainText('2024-04-01');
      await expect(row.getByTestId('impact-before')).toContainText(`${signed(before.nps)} n=${before.n}`);
      await expect(row.getByTestId('impact-after')).toContainText(`${signed(after.nps)} n=${after.n}`);
      await expect(row.getByTestId('impact-p')).toHaveText('< 0.001');
      await expect(row.getByTestId('impact-difference')).toHaveText(/^−/);
      // Its details: price complaints rose after it.
      await row.getByRole('button').click();
      const detail = page.getByTestId('impact-detail');
      await expect(detail.getByTestId('impact-sentence')).toContainText(lang === 'en' ? 'customers who answered in both windows moved −' : '顧客の NPS は −');
      await expect(detail.getByTestId('impact-segments').locator('tbody tr').first()).toBeVisible();
      const price = detail.getByTestId('impact-topic').filter({ hasText: lang === 'en' ? 'Price (negative)' : '価格（ネガティブ）' });
      await expect(price).toContainText(lang === 'en' ? 'more' : '増加', { timeout: 30_000 });

      // The support upgrade (2024-10-01): support complaints fell.
      await page.getByTestId('impact-row').nth(3).getByRole('button').click();
      await expect(page.getByTestId('impact-detail').locator('h3')).toContainText('2024-10-01');
      const support = page.getByTestId('impact-detail').getByTestId('impact-topic').filter({ hasText: lang === 'en' ? 'Support (negative)' : 'サポート（ネガティブ）' });
      await expect(support).toContainText(lang === 'en' ? 'fewer' : '減少');

      // A shorter window changes the figures (30 days each side).
      await page.getByTestId('impact-window').selectOption('30');
      const short = nps(between('2024-03-02', '2024-03-31'));
      await expect(page.getByTestId('impact-row').nth(1).getByTestId('impact-before')).toContainText(`${signed(short.nps)} n=${short.n}`);
    });
  });
}

test.describe('the report', () => {
  test.use({ locale: 'en-US' });

  test('carries the latest wave and each event’s impact', async ({ page }) => {
    await page.goto('/?sample');
    await expect(page.getByTestId('nps-value')).toBeVisible({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report-json').click()]);
    const report = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(report.latest).toMatchObject({ cadence: 'wave', period: '2025-Q3', n: latest.n, previous: { period: '2025-Q2', n: previous.n } });
    expect(report.latest.nps).toBeCloseTo(latest.nps, 10);
    expect(report.latest.difference).toBeCloseTo(latest.nps - previous.nps, 10);
    const price = report.events.find((e: { date: string }) => e.date === '2024-04-01');
    const before = nps(between('2024-01-02', '2024-03-31'));
    expect(price.impact).toMatchObject({ days: 90, method: 'paired', before: { from: '2024-01-02', to: '2024-03-31', n: before.n } });
    expect(price.impact.before.nps).toBeCloseTo(before.nps, 10);
    expect(price.impact.p).toBeLessThan(0.001);
  });
});
