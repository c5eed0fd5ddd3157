#!/usr/bin/env node
// Takes a full-page screenshot of the built app, to look at a screen before calling it done:
//   node tests/tools/screenshot.mjs URL OUT.png [width] [height] [locale] [--file PATH]
// (install Debian's fonts-noto-cjk first, or Japanese shows as boxes). With --file, the file is
// imported through the file input and the import confirmed before the screenshot.
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const fileAt = args.indexOf('--file');
const files = fileAt >= 0 ? args.splice(fileAt, 2).slice(1) : [];
const [url, out, width = '1280', height = '900', locale = 'ja-JP'] = args;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await (await browser.newContext({ viewport: { width: +width, height: +height }, locale })).newPage();
page.on('pageerror', (e) => console.log('page error:', e.message));
await page.goto(url);
if (files.length) {
  await page.getByTestId('import-files').setInputFiles(files);
  await page.getByTestId('confirm-import').waitFor();
  await page.waitForTimeout(500);
  if (process.env.SHOT_PREVIEW) await page.screenshot({ path: process.env.SHOT_PREVIEW, fullPage: true });
  await page.getByTestId('confirm-import').click();
  await page.getByTestId('nps-value').waitFor({ timeout: 60000 });
}
await page.waitForTimeout(2500);
await page.screenshot({ path: out, fullPage: true });
console.log(page.url());
await browser.close();
