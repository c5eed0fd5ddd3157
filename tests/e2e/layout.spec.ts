import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

/** Each view of the sample, and what shows that it has been drawn. */
const VIEWS: Array<{ link: { ja: string; en: string }; ready: string[]; last?: { ja: string; en: string } }> = [
  { link: { ja: '概要', en: 'Overview' }, ready: ['nps-value', 'recent-comments', 'dataset-files'] },
  { link: { ja: '推移', en: 'Trend' }, ready: ['trend-chart', 'lifecycle-table'] },
  { link: { ja: 'セグメント', en: 'Segments' }, ready: ['segment-table'] },
  { link: { ja: '顧客の移動', en: 'Transitions' }, ready: ['sankey', 'transition-matrix', 'drivers', 'transitions-across', 'watch-list'] },
  // The comments view shows its sections one after another; the dictionary comes last.
  { link: { ja: 'コメント', en: 'Comments' }, ready: ['topic-table', 'topic-timeline', 'topic-segments', 'topic-categories', 'comment-list'], last: { ja: 'トピック辞書', en: 'Topic dictionary' } },
];

/** How far the page is wider than the window (0 when nothing sticks out sideways). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function openSample(page: Page) {
  await page.goto('/?sample');
  await expect(page.getByTestId('nps-value')).toBeVisible({ timeout: 30_000 });
}

for (const lang of ['ja', 'en'] as const) {
  test.describe(`layout (${lang})`, () => {
    test.use({ locale: lang === 'ja' ? 'ja-JP' : 'en-US' });

    test('no view is wider than a phone (390 px) or a laptop (1024 px)', async ({ page }) => {
      test.setTimeout(120_000);
      for (const width of [390, 1024]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto('/');
        await expect(page.getByTestId('open-sample')).toBeVisible();
        expect(await overflow(page), `home at ${width}px`).toBe(0);
        await openSample(page);
        for (const view of VIEWS) {
          await page.getByRole('link', { name: view.link[lang], exact: true }).click();
          for (const id of view.ready) await expect(page.getByTestId(id).first()).toBeVisible({ timeout: 30_000 });
          if (view.last) await expect(page.getByRole('heading', { name: view.last[lang] })).toBeVisible({ timeout: 30_000 });
          expect(await overflow(page), `${view.link.en} at ${width}px`).toBe(0);
        }
      }
    });
  });
}

/** Relative luminance of a CSS `rgb(r, g, b)` colour (WCAG). */
function luminance(css: string): number {
  const [r, g, b] = css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The top-left pixel of a PNG as [r, g, b, a]: on the first row every PNG filter leaves it as stored. */
function firstPixel(png: Buffer): number[] {
  const chunks: Buffer[] = [];
  for (let i = 8; i < png.length; ) {
    const length = png.readUInt32BE(i);
    if (png.toString('ascii', i + 4, i + 8) === 'IDAT') chunks.push(png.subarray(i + 8, i + 8 + length));
    i += 12 + length;
  }
  return [...inflateSync(Buffer.concat(chunks)).subarray(1, 5)];
}

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark', locale: 'ja-JP' });

  test('follows the system: a dark page with light text, and charts saved on their dark card', async ({ page }) => {
    await openSample(page);
    const colours = await page.evaluate(() => ({
      page: getComputedStyle(document.documentElement).backgroundColor,
      text: getComputedStyle(document.body).color,
      heading: getComputedStyle(document.querySelector('h1')!).color,
      card: getComputedStyle(document.querySelector('.card')!).backgroundColor,
    }));
    expect(luminance(colours.page)).toBeLessThan(0.05);
    expect(luminance(colours.card)).toBeLessThan(0.05);
    expect(luminance(colours.text)).toBeGreaterThan(0.6);
    expect(luminance(colours.heading)).toBeGreaterThan(0.6);

    await page.getByRole('link', { name: '顧客の移動' }).click();
    await expect(page.getByTestId('sankey').first()).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-png').first().click()]);
    const pixel = firstPixel(readFileSync((await download.path())!));
    expect(`rgb(${pixel.slice(0, 3).join(', ')})`).toBe(colours.card);
    expect(pixel[3]).toBe(255);
  });
});

test.describe('light theme', () => {
  test.use({ colorScheme: 'light', locale: 'en-US' });

  test('charts are saved on a white card', async ({ page }) => {
    await openSample(page);
    await page.getByRole('link', { name: 'Transitions' }).click();
    await expect(page.getByTestId('sankey').first()).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-png').first().click()]);
    expect(firstPixel(readFileSync((await download.path())!))).toEqual([255, 255, 255, 255]);
  });
});
