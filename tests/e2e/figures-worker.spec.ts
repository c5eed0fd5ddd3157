/**
 * From a hundred thousand answers the views' figures are computed in the figures worker
 * (state/figure.svelte.ts) and a follow-up list is read a slice per task: the screen shows the
 * same numbers the answers give, counted here independently of the app, after a filter and on
 * every view that computes them there.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from './helpers';

test.use({ locale: 'en-US' });
test.setTimeout(120_000);

// 30,000 accounts answering in each quarter of 2024: 120,000 answers; plan A is every third account.
const ACCOUNTS = 30_000;
const QUARTERS = ['01', '04', '07', '10'];
const scoreOf = (c: number, q: number) => (c * 7 + q * 13 + (c >> 3)) % 11;
const planOf = (c: number) => ['A', 'B', 'C'][c % 3];
const category = (s: number) => (s >= 9 ? 'promoter' : s >= 7 ? 'passive' : 'detractor');
const dir = mkdtempSync(join(tmpdir(), 'nps-figures-'));
const file = join(dir, 'big.csv');
const lines = ['account,answered_at,score,plan'];
for (let q = 0; q < 4; q++) for (let c = 0; c < ACCOUNTS; c++) lines.push(`K${c},2024-${QUARTERS[q]}-${String(1 + (c % 28)).padStart(2, '0')},${scoreOf(c, q)},${planOf(c)}`);
writeFileSync(file, lines.join('\n') + '\n');

/** NPS of some (account, quarter) answers, as the screen writes it (one decimal, a real minus sign). */
function npsText(answers: Array<[number, number]>): string {
  let p = 0, d = 0;
  for (const [c, q] of answers) {
    const k = category(scoreOf(c, q));
    if (k === 'promoter') p++;
    if (k === 'detractor') d++;
  }
  const nps = Math.round((1000 * (p - d)) / answers.length) / 10;
  return `${nps > 0 ? '+' : nps < 0 ? '−' : ''}${Math.abs(nps).toFixed(1)}`;
}
const planA = Array.from({ length: ACCOUNTS }, (_, c) => c).filter((c) => planOf(c) === 'A');
const all = (accounts: number[], quarters = [0, 1, 2, 3]) => quarters.flatMap((q) => accounts.map((c): [number, number] => [c, q]));

test('a big dataset: headline, trend, segments, transitions and follow-up after a filter equal the answers’ own counts', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [file]);
  await expect(page.getByTestId('response-count')).toHaveText('120,000');
  await expect(page.getByTestId('nps-value')).toHaveText(npsText(all(Array.from({ length: ACCOUNTS }, (_, c) => c))));

  // Plan A only: the headline is now computed in the worker.
  await page.getByTestId('filter-column').selectOption('plan');
  await page.getByTestId('filter-value').selectOption('A');
  await expect(page.getByTestId('nps-value')).toHaveText(npsText(all(planA)));

  await page.getByRole('link', { name: 'Trend', exact: true }).click();
  await expect(page.getByTestId('trend-chart')).toBeVisible();
  await page.getByTestId('table-toggle').click();
  const april = page.getByTestId('trend-table').locator('tr', { has: page.locator('td:first-child', { hasText: /^2024-04$/ }) });
  await expect(april.locator('td').nth(1)).toHaveText(planA.length.toLocaleString('en-US'));
  await expect(april.locator('td').nth(5)).toHaveText(npsText(all(planA, [1])));

  await page.getByRole('link', { name: 'Segments', exact: true }).click();
  const a = page.getByTestId('segment-table').locator('tbody tr', { has: page.locator('td:first-child', { hasText: /^A$/ }) });
  await expect(a.locator('td').nth(1)).toHaveText((4 * planA.length).toLocaleString('en-US'));

  // Quarters as waves: the last two, 2024-Q3 → 2024-Q4.
  await page.getByRole('link', { name: 'Transitions', exact: true }).click();
  const fell = planA.filter((c) => category(scoreOf(c, 2)) === 'promoter' && category(scoreOf(c, 3)) === 'detractor').length;
  await expect(page.getByTestId('cell-promoter-detractor')).toContainText(fell.toLocaleString('en-US'));
  expect(fell).toBeGreaterThan(0);

  await page.getByRole('link', { name: 'Follow-up', exact: true }).click();
  const detractors = planA.filter((c) => category(scoreOf(c, 3)) === 'detractor').length;
  await expect(page.getByTestId('followup-counts')).toContainText(`New ${detractors.toLocaleString('en-US')} · contacted 0`);
  await expect(page.getByTestId('followup-counts')).toContainText(`50 of ${detractors.toLocaleString('en-US')} shown`);
  await expect(page.getByTestId('followup-row')).toHaveCount(50);
  await expect(page.getByTestId('followup-row').first().locator('.score')).toHaveText('0');
});

test('word statistics of enough comments for two workers are joined off the page and count every comment', async ({ page }) => {
  // 6,000 comments (two text workers from 5,000), each naming one thing; 料金 in every fourth.
  const phrases = ['料金が高い', 'サポートが丁寧', '画面が見やすい', '動作が遅い'];
  const rows = Array.from({ length: 6000 }, (_, i) => `W${i},2024-05-${String(1 + (i % 28)).padStart(2, '0')},${i % 11},${phrases[i % 4]}`);
  const words = join(dir, 'words.csv');
  writeFileSync(words, ['account,answered_at,score,comment', ...rows].join('\n') + '\n');
  await page.goto('/');
  await importFiles(page, [words]);
  await page.getByRole('link', { name: 'Comments', exact: true }).click();
  const price = page.getByTestId('word-frequency').locator('li', { has: page.locator('button', { hasText: /^料金$/ }) });
  await expect(price).toBeVisible({ timeout: 60_000 });
  await expect(price.locator('.muted')).toHaveText((6000 / 4).toLocaleString('en-US'));
});
