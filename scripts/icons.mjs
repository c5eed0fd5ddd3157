#!/usr/bin/env node
// Draws the app's PNG icons (for the web-app manifest: installable apps need 192 and 512 px,
// and a "maskable" one whose mark stays inside the central safe zone) from the same mark as
// static/favicon.svg, in headless Chromium. Run once after changing the mark; the PNGs are
// committed.
import { chromium } from '@playwright/test';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const staticDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'static');
const mark = (inset) => `<polyline points="${[[4, 22], [11, 16], [17, 19], [28, 8]].map(([x, y]) => `${inset + (x * (32 - 2 * inset)) / 32},${inset + (y * (32 - 2 * inset)) / 32}`).join(' ')}" fill="none" stroke="#fff" stroke-width="${3 * (32 - 2 * inset) / 32}" stroke-linecap="round" stroke-linejoin="round"/>`;
const icons = [
  { file: 'icon-192.png', size: 192, svg: `<rect width="32" height="32" rx="6" fill="#1f4e79"/>${mark(0)}` },
  { file: 'icon-512.png', size: 512, svg: `<rect width="32" height="32" rx="6" fill="#1f4e79"/>${mark(0)}` },
  // Maskable: the platform cuts its own shape, so the background fills the square and the mark
  // keeps to the inner 80%.
  { file: 'icon-maskable-512.png', size: 512, svg: `<rect width="32" height="32" fill="#1f4e79"/>${mark(5)}` },
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const { file, size, svg } of icons) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="${size}" height="${size}">${svg}</svg></body></html>`);
  await page.screenshot({ path: join(staticDir, file), omitBackground: true });
  console.log(`static/${file}`);
}
await browser.close();
