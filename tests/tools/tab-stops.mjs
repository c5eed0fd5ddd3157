#!/usr/bin/env node
// Counts the keyboard tab stops on every page of the built app: press Tab from the top of the
// page until focus comes back to the first stop. A person using the keyboard pays for each one.
//   node tests/tools/tab-stops.mjs [BASE_URL] [locale]      (default http://127.0.0.1:4343/, en-US)
// Serve the build first: `node tests/serve-build.mjs build 4343`.
import { chromium } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const [base = 'http://127.0.0.1:4343/', locale = 'en-US'] = process.argv.slice(2);
const march = fileURLToPath(new URL('../fixtures/march.csv', import.meta.url));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale })).newPage();

/** Tab stops until focus returns to the first one (the body between rounds is not a stop). */
async function count() {
  await page.evaluate(() => {
    /** @type {HTMLElement | null} */ (document.activeElement)?.blur();
    window.scrollTo(0, 0);
  });
  await page.keyboard.press('Tab');
  const first = await page.evaluateHandle(() => document.activeElement);
  let stops = 1;
  for (let i = 0; i < 5000; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate((f) => (document.activeElement === f ? 'first' : document.activeElement === document.body || !document.activeElement ? 'body' : 'other'), first);
    if (where === 'first') break;
    if (where === 'other') stops++;
  }
  await page.evaluate(() => /** @type {HTMLElement | null} */ (document.activeElement)?.blur());
  return stops;
}

const results = {};
const settle = () => page.waitForTimeout(1500);
await page.goto(base);
await page.getByTestId('open-sample').waitFor();
results['home (no datasets)'] = await count();
await page.getByTestId('import-files').setInputFiles(march);
await page.getByTestId('confirm-import').waitFor();
await settle();
results['import preview'] = await count();
await page.getByTestId('cancel-preview').click();
await page.goto(`${base}?sample`);
await page.getByTestId('nps-value').waitFor({ timeout: 60_000 });
await settle();
results.overview = await count();
for (const name of ['trend', 'segments', 'transitions', 'comments']) {
  await page.locator(`nav.views a[href*="/${name}"]`).click();
  if (name === 'comments') await page.locator('#dictionary-title').waitFor({ timeout: 60_000 });
  if (name === 'comments') await page.getByTestId('word-frequency').waitFor({ timeout: 60_000 });
  await settle();
  results[name] = await count();
}
await page.locator('header a').first().click();
await page.getByTestId('dataset-card').first().waitFor();
await settle();
results['home (with datasets)'] = await count();
console.log(JSON.stringify(results, null, 2));
await browser.close();
