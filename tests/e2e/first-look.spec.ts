import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test.use({ locale: 'en-US' });

/**
 * A 10 MB export (80,300 rows) (big enough for the first look, engine/first-look.ts) whose last 300 rows repeat
 * earlier answers exactly: the first look counts them, the overview drops them. Both NPS are
 * worked out here from the rows written, not by the app.
 */
function bigExport(): { path: string; firstLook: number; overview: number; months: number } {
  const rows: string[] = ['customer_id,answered_at,score,plan,comment'];
  const scores: number[] = [];
  const N = 80_000;
  for (let i = 0; i < N; i++) {
    const score = (i * 7 + (i >> 5)) % 11;
    const month = 1 + (i % 12);
    rows.push(`C${String(i).padStart(6, '0')},2024-${String(month).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00,${score},${['Free', 'Pro', 'Team'][i % 3]},"Answer ${i}: the dashboard is fine, support could be faster when the export is large"`);
    scores.push(score);
  }
  const unique = [...scores];
  // 300 promoters' answers exported twice (a time of day makes each a repeat of the same answer).
  const repeated = unique.flatMap((s, i) => (s === 10 ? [i] : [])).slice(0, 300);
  for (const i of repeated) {
    rows.push(rows[1 + i]);
    scores.push(unique[i]);
  }
  const nps = (s: number[]) => (100 * (s.filter((x) => x >= 9).length - s.filter((x) => x <= 6).length)) / s.length;
  const dir = mkdtempSync(join(tmpdir(), 'nps-first-look-'));
  const path = join(dir, 'big-export.csv');
  writeFileSync(path, rows.join('\n') + '\n');
  return { path, firstLook: nps(scores), overview: nps(unique), months: 12 };
}

const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(1)}`;

test('a big file shows a first look at its NPS, said to be before the duplicate check, then the overview', async ({ page }) => {
  const file = bigExport();
  // The first look may show for a moment only: keep what it said when it appeared.
  await page.addInitScript(() => {
    const seen: Array<{ nps: string; title: string; note: string; points: number }> = [];
    (window as unknown as { firstLooks: typeof seen }).firstLooks = seen;
    new MutationObserver(() => {
      const look = document.querySelector('[data-testid="first-look"]');
      if (!look || seen.length) return;
      seen.push({
        nps: look.querySelector('[data-testid="nps-value"]')?.textContent ?? '',
        title: look.querySelector('h2')?.textContent ?? '',
        note: look.querySelector('[role="note"]')?.textContent ?? '',
        points: look.querySelectorAll('[data-testid="first-look-line"] circle').length,
      });
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/');
  await page.getByTestId('import-files').setInputFiles(file.path);
  await expect(page.getByTestId('confirm-import')).toBeEnabled();
  await page.getByTestId('confirm-import').click();

  await expect(page.getByTestId('response-count')).toHaveText('80,000', { timeout: 30_000 });
  await expect(page.getByTestId('nps-value')).toHaveText(signed(file.overview));
  const looks = await page.evaluate(() => (window as unknown as { firstLooks: Array<{ nps: string; title: string; note: string; points: number }> }).firstLooks);
  expect(looks).toHaveLength(1);
  // All 80,300 rows read, the 300 repeats among them: a different figure from the overview's.
  expect(looks[0].nps).toBe(signed(file.firstLook));
  expect(looks[0].nps).not.toBe(signed(file.overview));
  expect(looks[0].title).toBe('First look: 80,300 answers read');
  expect(looks[0].note).toContain('before duplicates are dropped');
  expect(looks[0].points).toBe(file.months);
  // Gone once the overview is there.
  await expect(page.getByTestId('first-look')).toHaveCount(0);
});
