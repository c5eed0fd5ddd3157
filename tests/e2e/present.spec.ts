import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sampleCsv } from '../../src/lib/engine/sample';

test.use({ locale: 'en-US' });

/** Opens the sample and returns its dataset's address (`…/#/datasets/ID`). */
async function openSample(page: Page): Promise<string> {
  await page.goto('/?sample');
  await expect(page.getByTestId('nps-value')).toBeVisible({ timeout: 60_000 });
  return page.url().replace(/\?.*$/, '');
}

/** Saves the first chart's picture of `kind` and returns the file's bytes. */
async function saveChart(page: Page, kind: 'svg' | 'png', index = 0): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`save-${kind}`).nth(index).click()]);
  return readFileSync((await download.path())!);
}

/** Width, height and the colour of the corners of a PNG, decoded by the browser. */
async function pngFacts(page: Page, png: Buffer) {
  return page.evaluate(async (b64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${b64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const at = (x: number, y: number) => Array.from(context.getImageData(x, y, 1, 1).data);
    return { width: image.width, height: image.height, corners: [at(0, 0), at(image.width - 1, 0), at(0, image.height - 1), at(image.width - 1, image.height - 1)] };
  }, png.toString('base64'));
}

test('a saved chart carries its title, legend, events, the filter and the dataset, on a solid background', async ({ page }) => {
  const dataset = await openSample(page);
  await page.goto(`${dataset}/trend?from=2024-04-01&to=2024-09-30&f=plan:スタンダード`);
  await expect(page.getByTestId('trend-chart').first()).toBeVisible();

  const svg = (await saveChart(page, 'svg')).toString('utf8');
  expect(svg).toContain('>NPS over time · Month</text>');
  expect(svg).toContain('>Dataset: Sample: Acme Cloud customer survey</text>');
  expect(svg).toMatch(/>plan: スタンダード · 2024-04-01 – 2024-09-30 · [\d,]+ of 4,837 answers<\/text>/);
  expect(svg).toContain('>NPS per period</text>');
  expect(svg).toContain('>95% interval</text>');
  // The sample's events within April–September 2024, by name.
  expect(svg).toContain('>2024-04-01 Price increase (~20% on Standard and Pro)</text>');
  expect(svg).toContain('>2024-07-15 Major outage (~9-hour full service outage)</text>');
  expect(svg).not.toContain('Support upgrade');
  // A well-formed picture with a background of its whole size.
  const size = /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="(\d+)" height="(\d+)"/.exec(svg)!;
  expect(svg).toContain(`<rect x="0" y="0" width="${size[1]}" height="${size[2]}" fill="#fff"/>`);
  expect(await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror') === null, svg)).toBe(true);

  const png = await pngFacts(page, await saveChart(page, 'png'));
  expect(png.width).toBe(2 * Number(size[1]));
  expect(png.height).toBe(2 * Number(size[2]));
  for (const corner of png.corners) expect(corner).toEqual([255, 255, 255, 255]);

  // The Sankey's picture keeps its background too, in the dark theme as well.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('link', { name: 'Transitions' }).click();
  await expect(page.getByTestId('sankey').first()).toBeVisible();
  const sankey = await pngFacts(page, await saveChart(page, 'png'));
  for (const corner of sankey.corners) expect(corner).toEqual([0x1c, 0x21, 0x27, 255]);
  const sankeySvg = (await saveChart(page, 'svg')).toString('utf8');
  expect(sankeySvg).toContain('>Improved</text>');
  expect(sankeySvg).toMatch(/>no answer in 2024-Q3<\/text>/);
});

for (const [locale, words] of [
  ['en-US', { print: 'Print', header: 'NPS Lines · Trend', filter: 'plan: スタンダード · 2024-04-01 – 2024-09-30', printed: 'Printed on' }],
  ['ja-JP', { print: '印刷', header: 'NPS Lines · 推移', filter: 'plan：スタンダード · 2024-04-01 〜 2024-09-30', printed: 'に印刷' }],
] as const) {
  test(`a view prints as an A4 page of what it shows, with its filter (${locale})`, async ({ browser }) => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const dataset = await openSample(page);
    await page.goto(`${dataset}/trend?from=2024-04-01&to=2024-09-30&f=plan:スタンダード`);
    await expect(page.getByTestId('trend-chart').first()).toBeVisible();
    // The button asks the browser to print (the browser's dialog is not part of the page).
    await page.evaluate(() => { (window as unknown as { printed: number }).printed = 0; window.print = () => { (window as unknown as { printed: number }).printed++; }; });
    await expect(page.getByTestId('print-header')).toBeHidden();
    await page.getByRole('button', { name: words.print, exact: true }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await page.emulateMedia({ media: 'print' });
    const header = page.getByTestId('print-header');
    await expect(header).toBeVisible();
    await expect(header).toContainText(words.header);
    await expect(header).toContainText(words.filter);
    await expect(header).toContainText(words.printed);
    // What only works on screen is left out; the chart and its figures stay.
    await expect(page.getByTestId('filter-bar')).toBeHidden();
    await expect(page.locator('nav')).toHaveCount(2);
    for (const nav of await page.locator('nav').all()) await expect(nav).toBeHidden();
    await expect(page.getByTestId('save-png').first()).toBeHidden();
    await expect(page.getByTestId('period')).toBeHidden();
    await expect(page.getByTestId('trend-chart').first()).toBeVisible();
    expect(await page.getByTestId('trend-chart').first().evaluate((svg) => getComputedStyle(svg.closest('figure')!).breakInside)).toBe('avoid');

    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
    await context.close();
  });
}

/** The sample's comments, as written (the CSV's seventh column, quotes undone). */
function sampleComments(): Set<string> {
  const comments = new Set<string>();
  for (const match of sampleCsv().matchAll(/^(?:[^,\n]*,){6}("(?:[^"]|"")*"|[^,\n]*),/gm)) {
    const raw = match[1].startsWith('"') ? match[1].slice(1, -1).replace(/""/g, '"') : match[1];
    if (raw.length > 8) comments.add(raw.replace(/\s+/g, ' ').trim());
  }
  return comments;
}

/** Downloads the report from the dialog and opens it from disk in a fresh browser context, recording every request. */
async function openReport(page: Page, browser: Browser, tick: { comments?: boolean; ids?: boolean } = {}) {
  await page.getByTestId('html-report').click();
  const dialog = page.getByTestId('report-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('report-comments')).not.toBeChecked();
  await expect(page.getByTestId('report-ids')).not.toBeChecked();
  if (tick.comments) await page.getByTestId('report-comments').check();
  if (tick.ids) await page.getByTestId('report-ids').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download').click()]);
  await expect(dialog).toBeHidden();
  const path = join(mkdtempSync(join(tmpdir(), 'nps-report-')), download.suggestedFilename());
  await download.saveAs(path);
  const html = readFileSync(path, 'utf8');

  const context = await browser.newContext({ locale: 'en-US' });
  const report = await context.newPage();
  const url = pathToFileURL(path).href;
  const requests: string[] = [];
  report.on('request', (r) => requests.push(r.url()));
  const problems: string[] = [];
  report.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  report.on('pageerror', (e) => problems.push(e.message));
  await report.goto(url);
  await report.waitForLoadState('load');
  return { html, report, context, requests: requests.filter((r) => r !== url), problems, name: download.suggestedFilename() };
}

test('the HTML report opens from disk with no request and no script, comments only when ticked in', async ({ page, browser }) => {
  const dataset = await openSample(page);
  await page.goto(`${dataset}?from=2024-04-01&to=2024-09-30`);
  await expect(page.getByTestId('nps-value')).toBeVisible();
  const headline = await page.getByTestId('nps-value').textContent();
  const comments = sampleComments();
  expect(comments.size).toBeGreaterThan(500);

  const plain = await openReport(page, browser);
  // The name's colon is one a file system refuses.
  expect(plain.name).toBe('Sample_ Acme Cloud customer survey-report.html');
  expect(plain.requests).toEqual([]);
  expect(plain.problems).toEqual([]);
  expect(await plain.report.evaluate(() => document.scripts.length)).toBe(0);
  expect(plain.html).toContain(`content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:"`);
  // The headline is the view's, the filter is said, and every section shows.
  await expect(plain.report.locator('[data-figure="nps"]')).toHaveText(headline!);
  await expect(plain.report.locator('[data-figure="filter"]')).toContainText('2024-04-01 – 2024-09-30');
  for (const id of ['headline', 'line', 'segments', 'transitions', 'topics', 'fix-first']) await expect(plain.report.locator(`section#${id}`)).toBeVisible();
  await expect(plain.report.locator('section#line svg')).toBeVisible();
  await expect(plain.report.locator('section#transitions svg')).toBeVisible();
  await expect(plain.report.locator('section#quotes')).toHaveCount(0);
  const plainText = await plain.report.locator('body').innerText();
  expect([...comments].filter((c) => plainText.includes(c))).toEqual([]);
  expect(plainText).not.toMatch(/ACME-\d{4}/);
  await plain.context.close();

  const quoted = await openReport(page, browser, { comments: true });
  expect(quoted.requests).toEqual([]);
  expect(quoted.problems).toEqual([]);
  const quotes = await quoted.report.locator('section#quotes blockquote').allInnerTexts();
  expect(quotes.length).toBeGreaterThan(2);
  for (const quote of quotes) expect(comments.has(quote.replace(/\s+/g, ' ').trim())).toBe(true);
  expect(await quoted.report.locator('body').innerText()).not.toMatch(/ACME-\d{4}/);
  await quoted.context.close();
});
