/**
 * The app where people use it: under a GitHub Pages project path, offline after the first visit,
 * updated only when the person agrees, and as one file opened from disk.
 * `npm run test:e2e` builds all three first: build/ (served at /), build-pages/ (BASE_PATH
 * /nps-lines, served as Pages serves a project site) and dist/nps-lines.html.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixture, importFiles } from './helpers';

test.use({ locale: 'en-US' });

const port = Number(process.env.E2E_PORT ?? 4317);
const pagesSite = `http://127.0.0.1:${port + 1}/nps-lines/`;
const oneFile = pathToFileURL(join(process.cwd(), 'dist', 'nps-lines.html')).href;
// Google Forms, Excel's Shift_JIS: 18 answers, 7 promoters, 6 detractors → NPS +5.6.
const SJIS_EXPORT = fixture('layouts/google-forms-ja-sjis.csv');

/** Waits until the app's files are cached by its service worker, as after a first visit. */
async function appCached(page: Page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (registration.active?.state !== 'activated') {
      await new Promise<void>((done) => registration.active?.addEventListener('statechange', () => registration.active?.state === 'activated' && done()));
    }
  });
}

test('a GitHub Pages project site: import, reload and a deep link all stay under /nps-lines/', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  await page.goto(pagesSite);
  await importFiles(page, [SJIS_EXPORT]);
  await expect(page.getByTestId('nps-value')).toHaveText('+5.6');
  await expect(page.getByTestId('response-count')).toHaveText('18');
  expect(page.url()).toMatch(/\/nps-lines\/#\/datasets\/[^/]+$/);

  await page.reload();
  await expect(page.getByTestId('nps-value')).toHaveText('+5.6');

  // The views' links keep the slash before the hash (`/nps-lines#/…` would make Pages redirect
  // and reload the page).
  await page.getByRole('link', { name: 'Trend' }).click();
  await expect(page.getByTestId('trend-chart').first()).toBeVisible();
  const deepLink = page.url();
  expect(deepLink).toMatch(/\/nps-lines\/#\/datasets\/[^/]+\/trend/);

  const other = await page.context().newPage();
  await other.goto(deepLink);
  await expect(other.getByTestId('trend-chart').first()).toBeVisible();
  await other.getByRole('link', { name: 'Your data' }).click();
  await expect(other.getByTestId('storage-totals')).toHaveText('Datasets: 1 · answers: 18');
  expect(failed).toEqual([]);
});

test('after the first visit the hosted app opens and works with no network', async ({ page, context }) => {
  await page.goto(pagesSite);
  await importFiles(page, [SJIS_EXPORT]);
  await appCached(page);

  await context.setOffline(true);
  // The first visit's own tab: a view whose code it never loaded opens with no network.
  await page.getByRole('link', { name: 'Trend' }).click();
  await expect(page.getByTestId('trend-chart').first()).toBeVisible();
  await page.reload();
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByTestId('nps-value')).toHaveText('+5.6');
  // A view whose code was never loaded online comes from the cache too.
  await page.getByRole('link', { name: 'Comments' }).click();
  await expect(page.getByTestId('topic-table')).toBeVisible();
  await page.getByRole('link', { name: 'Your data' }).click();
  await expect(page.getByTestId('offline-ready')).toBeVisible();
  await context.setOffline(false);

  // Installable as an app: Chromium's own check of the manifest, icons and service worker.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's contexts are private windows, where Chromium never offers to install.
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.errors).toEqual([]);
});

test.describe('a new version', () => {
  let server: ChildProcess;
  let site: string;
  let dir: string;

  test.beforeAll(async () => {
    // A site of our own, served as GitHub Pages serves one (files kept 600 s in the HTTP cache),
    // so that "deploying" the next build touches nothing else.
    dir = mkdtempSync(join(tmpdir(), 'nps-deploy-'));
    cpSync('build', dir, { recursive: true });
    site = `http://127.0.0.1:${port + 2}/`;
    server = spawn(process.execPath, ['tests/serve-build.mjs', dir, String(port + 2)], { stdio: 'ignore', env: { ...process.env, MAX_AGE: '600' } });
    await expect.poll(() => fetch(site).then((r) => r.ok, () => false)).toBe(true);
  });
  test.afterAll(() => {
    server.kill();
  });

  test('is offered in every tab; the page reloads only when the person agrees; other tabs keep working', async ({ context }) => {
    const builtAt = async (page: Page) => {
      await page.getByRole('link', { name: 'Your data' }).click();
      return page.getByTestId('built-at').textContent();
    };
    const first = await context.newPage();
    await first.goto(site);
    await appCached(first);
    await expect.poll(() => first.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    const oldVersion = await builtAt(first);
    await first.getByRole('link', { name: 'Datasets' }).first().click();
    // A fresh start of the tab, so that no tab has the Your data page's code in memory.
    await first.reload();
    // Work in progress in both tabs: anything that reloaded them would lose this.
    const second = await context.newPage();
    await second.goto(site);
    for (const page of [first, second]) await page.evaluate(() => ((window as unknown as { unsaved: string }).unsaved = 'half-typed note'));

    // Deploy the next build as Pages does: the whole site replaced, the old scripts gone.
    rmSync(dir, { recursive: true });
    cpSync('build-next', dir, { recursive: true });
    // The person opens the app once more in a third tab: the browser finds the new version.
    const third = await context.newPage();
    await third.goto(site);

    await expect(first.getByTestId('update-ready')).toBeVisible({ timeout: 20_000 });
    await expect(second.getByTestId('update-ready')).toBeVisible();
    await first.waitForTimeout(500);
    for (const page of [first, second]) expect(await page.evaluate(() => (window as unknown as { unsaved?: string }).unsaved)).toBe('half-typed note');

    await Promise.all([first.waitForEvent('load'), first.getByTestId('update-apply').click()]);
    expect(await first.evaluate(() => (window as unknown as { unsaved?: string }).unsaved)).toBeUndefined();
    await expect(first.getByTestId('update-ready')).toHaveCount(0);
    expect(await builtAt(first)).not.toBe(oldVersion);

    // The other tab did not reload; it says it runs the previous version, and its views whose
    // code it had not loaded yet still open: the server no longer has those files, and the HTTP
    // cache forgets them after ten minutes (cleared here), but the previous version's cache stays.
    await (await context.newCDPSession(second)).send('Network.clearBrowserCache');
    await expect(second.getByTestId('update-stale')).toBeVisible();
    expect(await second.evaluate(() => (window as unknown as { unsaved?: string }).unsaved)).toBe('half-typed note');
    expect(await builtAt(second)).toBe(oldVersion);
  });
});

test.describe('the one-file build from file://', () => {
  test('imports a Shift_JIS export, keeps it across a reload, and exports the report', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(oneFile);
    await importFiles(page, [SJIS_EXPORT]);
    await expect(page.getByTestId('nps-value')).toHaveText('+5.6');
    expect(page.url()).toMatch(/\/dist\/nps-lines\.html#\/datasets\/[^/]+$/);

    await page.reload();
    await expect(page.getByTestId('nps-value')).toHaveText('+5.6');
    await expect(page.getByTestId('response-count')).toHaveText('18');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report-json').click()]);
    const report = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(report.overall).toMatchObject({ n: 18, promoters: 7, passives: 5, detractors: 6 });

    // The comment topics are tagged in an (inlined) worker.
    await page.getByRole('link', { name: 'Comments' }).click();
    await expect(page.getByTestId('topic-table')).toBeVisible();
    // Every file opened from disk shares one storage: the Your data page says so.
    await page.getByRole('link', { name: 'Your data' }).click();
    await expect(page.getByTestId('shared-file-origin')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('reads a big file with two inlined workers', async ({ page }) => {
    const path = join(mkdtempSync(join(tmpdir(), 'nps-single-')), 'big.csv');
    const lines = ['customer_id,date,score,comment'];
    let promoters = 0, detractors = 0;
    const rows = 160_000;
    for (let i = 0; i < rows; i++) {
      const score = (i * 5) % 11;
      if (score >= 9) promoters++;
      else if (score <= 6) detractors++;
      lines.push(`C${i % 7000},2024-${String(1 + (i % 12)).padStart(2, '0')}-10,${score},"十分に長いコメント ${i}, with a comma"`);
    }
    writeFileSync(path, lines.join('\n'));
    expect(readFileSync(path).length).toBeGreaterThan(8 * 1024 * 1024); // big enough to be split
    await page.goto(oneFile);
    await importFiles(page, [path]);
    await expect(page.getByTestId('response-count')).toHaveText(rows.toLocaleString('en-US'));
    const nps = (100 * (promoters - detractors)) / rows;
    await expect(page.getByTestId('nps-value')).toHaveText(`${nps > 0 ? '+' : '−'}${Math.abs(nps).toFixed(1)}`);
    await expect(page.getByTestId('customer-count')).toHaveText('7,000');
  });
});
