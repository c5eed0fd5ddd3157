/**
 * The page's Content-Security-Policy covers its workers: each is made from a blob: URL (which
 * inherits the page's policy) and loads its code from the app's own origin, so a worker cannot
 * reach another origin any more than the page can (connect-src 'self').
 */
import { expect, test, type Worker } from '@playwright/test';
import { fixture, importFiles } from './helpers';

test.use({ locale: 'en-US' });

const port = Number(process.env.E2E_PORT ?? 4317);
// Another origin that answers (the Pages server of the test run): only the policy can stop a fetch to it.
const elsewhere = `http://127.0.0.1:${port + 1}/nps-lines/manifest.webmanifest`;

test("the app's workers run under the page's policy: a fetch to another origin is blocked", async ({ page }) => {
  const workers: Worker[] = [];
  const closed = new Set<Worker>();
  page.on('worker', (w) => {
    workers.push(w);
    w.on('close', () => closed.add(w));
  });
  // The other origin is there: the page's own test code (outside any policy) can reach it.
  expect((await fetch(elsewhere)).ok).toBe(true);

  await page.goto('/');
  await importFiles(page, [fixture('layouts/google-forms-ja-sjis.csv')]);
  await page.getByRole('link', { name: 'Comments' }).click();
  await expect(page.getByTestId('topic-table')).toBeVisible();

  // The import worker and the text worker at least, every one from a blob: URL.
  expect(workers.length).toBeGreaterThanOrEqual(2);
  for (const worker of workers) expect(worker.url()).toMatch(/^blob:/);
  // The text worker stays alive (it keeps the tagged comments); ask it to fetch.
  const alive = workers.filter((w) => !closed.has(w));
  expect(alive.length).toBeGreaterThan(0);
  const here = `${new URL(page.url()).origin}/manifest.webmanifest`;
  const outcome = await alive[0].evaluate(async (urls) => {
    const attempt = (target: string) => fetch(target).then((r) => `fetched ${r.status}`, (error) => `blocked: ${error}`);
    return { elsewhere: await attempt(urls.elsewhere), here: await attempt(urls.here) };
  }, { elsewhere, here });
  expect(outcome.elsewhere).toMatch(/^blocked/);
  // …while its own origin answers: the policy stopped it, not the network.
  expect(outcome.here).toBe('fetched 200');
});
