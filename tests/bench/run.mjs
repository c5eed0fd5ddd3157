#!/usr/bin/env node
// `npm run bench`: imports seeded 100k and 1M-row exports through the real app in headless
// Chromium and prints one JSON object per line: `bench` names the step (import, reload, comments,
// bundle…), the other fields are its sizes and timings (see the README's `npm run bench`).
// Not part of `npm test`: timings on shared machines are noisy, so they are reported, not asserted.
import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateExport } from './generate.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const outDir = join(root, 'bench-out');
mkdirSync(outDir, { recursive: true });
/** The seeded export of `rows` answers (generate.mjs; named anew when its shape changes, so an old one is not reused). */
const exportPath = (rows) => join(outDir, `answers-v2-${rows}.csv`);
const sizes = (process.env.BENCH_ROWS ?? '100000,1000000').split(',').map(Number);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

if (!existsSync(join(root, 'build', 'index.html')) || process.env.BENCH_BUILD !== '0') execSync('npx vite build', { cwd: root, stdio: 'ignore' });

// The built app on 127.0.0.1, with the single-page fallback.
const buildDir = join(root, 'build');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = createServer((req, res) => {
  let file = join(buildDir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(buildDir + sep) || !existsSync(file) || file.endsWith(sep)) file = join(buildDir, 'index.html');
  try { res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file)); }
  catch { res.writeHead(200, { 'content-type': types['.html'] }).end(readFileSync(join(buildDir, 'index.html'))); }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const CHROMIUM = {
  executablePath: ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
};
const browser = await chromium.launch(CHROMIUM);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const print = (o) => console.log(JSON.stringify(o));

/** Peak resident memory of every renderer process (VmHWM), in MB. */
function rendererPeakRss() {
  let peak = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer')) continue;
      const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
      if (m) peak = Math.max(peak, Number(m[1]) / 1024);
    } catch {}
  }
  return Math.round(peak);
}

/**
 * One import and reload in a fresh browser profile on disk, as a person's browser has, so that
 * IndexedDB writes and reads a disk (`browser.newContext()` gives an in-memory profile).
 */
async function importOnce(path, rows, bytes) {
  const profile = mkdtempSync(join(tmpdir(), 'nps-bench-'));
  const ctx = await chromium.launchPersistentContext(profile, CHROMIUM);
  await ctx.addInitScript(() => {
    // Timed inside the page: from the confirm click to the first NPS figure on screen.
    document.addEventListener('click', (e) => {
      if (e.target instanceof Element && e.target.closest('[data-testid="confirm-import"]')) window.__clickAt = performance.now();
    }, true);
    new MutationObserver(() => {
      if (window.__firstNpsAt === undefined && document.querySelector('[data-testid="nps-value"]')) window.__firstNpsAt = performance.now();
      if (window.__npsAt === undefined && window.__clickAt !== undefined && document.querySelector('[data-testid="nps-value"]')) window.__npsAt = performance.now();
      // The overview itself (a big file's first look comes before it, with no answer count).
      if (window.__overviewAt === undefined && window.__clickAt !== undefined && document.querySelector('[data-testid="response-count"]')) window.__overviewAt = performance.now();
    }).observe(document, { childList: true, subtree: true });
    window.__longest = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
      .observe({ type: 'longtask', buffered: true });
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  let peakHeap = 0, sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { metrics } = await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }));
      const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      peakHeap = Math.max(peakHeap, heap);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  await page.goto(origin + '/');
  await page.waitForFunction(() => document.querySelector('[data-testid="import-files"]'));
  const t0 = Date.now();
  await page.getByTestId('import-files').setInputFiles(path);
  await page.waitForFunction(() => { const b = document.querySelector('[data-testid="confirm-import"]'); return b && !b.disabled; }, null, { timeout: 120000 });
  const previewSeconds = (Date.now() - t0) / 1000;
  const t1 = Date.now();
  await page.getByTestId('confirm-import').click();
  await page.getByTestId('response-count').waitFor({ timeout: 300000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="saving"]'), null, { timeout: 300000, polling: 10 });
  const storedAt = await page.evaluate(() => performance.now());
  const { clickAt, npsAt, overviewAt } = await page.evaluate(() => ({ clickAt: window.__clickAt, npsAt: window.__npsAt, overviewAt: window.__overviewAt }));
  const totalSeconds = (npsAt - clickAt) / 1000;
  const overviewSeconds = (overviewAt - clickAt) / 1000;
  const storedSeconds = (storedAt - clickAt) / 1000;
  const longestTaskMs = Math.round(await page.evaluate(() => window.__longest));
  // Reload → overview: the answers read back from IndexedDB.
  await page.reload();
  await page.getByTestId('nps-value').waitFor({ timeout: 300000 });
  // Navigation start → the NPS figure on screen, as the page itself measured it.
  const reloadSeconds = (await page.evaluate(() => window.__firstNpsAt ?? performance.now())) / 1000;
  sampling = false;
  await sampler;
  const peakRssMB = rendererPeakRss();
  await ctx.close();
  rmSync(profile, { recursive: true, force: true });
  return { previewSeconds, totalSeconds, overviewSeconds, storedSeconds, reloadSeconds, longestTaskMs, peakHeapMB: Math.round(peakHeap / 1e6), peakRssMB };
}

for (const rows of sizes) {
  const path = exportPath(rows);
  const bytes = await generateExport(path, rows);
  const runs = [];
  for (let i = 0; i < rounds; i++) runs.push(await importOnce(path, rows, bytes));
  const m = (k) => median(runs.map((r) => r[k]));
  const totalSeconds = m('totalSeconds');
  print({ bench: 'import', rows, bytes, rounds, previewSeconds: m('previewSeconds'), totalSeconds, overviewSeconds: m('overviewSeconds'), storedSeconds: m('storedSeconds'),
    rowsPerSecond: Math.round(rows / m('overviewSeconds')), peakHeapMB: m('peakHeapMB'), peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)), longestTaskMs: m('longestTaskMs') });
  print({ bench: 'reload', rows, seconds: m('reloadSeconds') });
}

// The comments view in the browser, on the largest export (1M rows ≈ 600,000 comments): topics
// tagged in the text worker, the word index built by several workers, the same words read back
// from IndexedDB after a reload, and a dictionary edit (a keyword added) re-tagging and patching.
async function commentsOnce(path) {
  const ctx = await browser.newContext({ locale: 'en-US' });
  await ctx.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
      .observe({ type: 'longtask', buffered: true });
  });
  const page = await ctx.newPage();
  await page.goto(origin + '/');
  await page.getByTestId('import-files').setInputFiles(path);
  await page.waitForFunction(() => { const b = document.querySelector('[data-testid="confirm-import"]'); return b && !b.disabled; }, null, { timeout: 120000 });
  await page.getByTestId('confirm-import').click();
  await page.getByTestId('nps-value').waitFor({ timeout: 300000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="saving"]'), null, { timeout: 300000, polling: 50 });
  await page.evaluate(() => (window.__longest = 0));
  const t0 = Date.now();
  await page.locator('nav a[href*="/comments"]').first().click();
  await page.getByTestId('topic-table').waitFor({ timeout: 300000 });
  const topicsSeconds = (Date.now() - t0) / 1000;
  await page.getByTestId('words-source').waitFor({ timeout: 900000 });
  const wordsSeconds = (Date.now() - t0) / 1000;
  const longestTaskMs = Math.round(await page.evaluate(() => window.__longest));
  await page.locator('[data-testid="words-source"][data-stored="true"]').waitFor({ timeout: 300000 });
  const t1 = Date.now();
  await page.reload();
  await page.getByTestId('words-source').filter({ hasText: 'store' }).waitFor({ timeout: 300000 });
  const cachedWordsSeconds = (Date.now() - t1) / 1000;
  // A dictionary edit: 丁寧 added to the first topic.
  await page.locator('section[aria-labelledby=dictionary-title] button.name').first().click();
  await page.getByTestId('keyword-input').fill('丁寧');
  const t2 = Date.now();
  await page.getByTestId('keyword-add').click();
  await page.getByTestId('retag-note').waitFor({ timeout: 300000 });
  const editTagSeconds = (Date.now() - t2) / 1000;
  await page.waitForFunction(() => /updated/.test(document.querySelector('[data-testid="words-source"]')?.textContent ?? ''), null, { timeout: 300000, polling: 50 });
  const editWordsSeconds = (Date.now() - t2) / 1000;
  const note = await page.getByTestId('retag-note').textContent();
  await ctx.close();
  return { topicsSeconds, wordsSeconds, cachedWordsSeconds, editTagSeconds, editWordsSeconds, longestTaskMs, note };
}
{
  const rows = Number(process.env.BENCH_COMMENT_ROWS ?? Math.max(...sizes));
  const path = exportPath(rows);
  if (!existsSync(path)) await generateExport(path, rows);
  const r = await commentsOnce(path);
  const reread = /([\d,]+) of ([\d,]+) comments/.exec(r.note ?? '');
  print({ bench: 'comments', rows, comments: reread ? Number(reread[2].replace(/,/g, '')) : null, topicsSeconds: r.topicsSeconds, wordsSeconds: r.wordsSeconds,
    cachedWordsSeconds: r.cachedWordsSeconds, editTagSeconds: r.editTagSeconds, editReread: reread ? Number(reread[1].replace(/,/g, '')) : null,
    editWordsSeconds: r.editWordsSeconds, longestTaskMs: r.longestTaskMs, where: 'chromium, comments view after import' });
}

// Recompute after a filter change: the engine on the answers, in Node.
for (const rows of sizes) {
  const out = execSync(`node tests/bench/bundle-run.mjs tests/bench/recompute.ts ${exportPath(rows)}`, { cwd: root, encoding: 'utf8' });
  process.stdout.write(out.split('\n').filter((l) => l.startsWith('{')).join('\n') + '\n');
}

// The command line's `--engine duckdb` (SQL in an embedded DuckDB) on the largest export, and on
// 10M generated rows when BENCH_DUCKDB_10M=1 (~1.4 GB generated into a temporary folder and
// removed; a few minutes on two cores, so it is asked for, not run by default).
for (const rows of [Math.max(...sizes), ...(process.env.BENCH_DUCKDB_10M === '1' ? [10_000_000] : [])]) {
  const path = exportPath(rows);
  const out = execSync(`node tests/bench/bundle-run.mjs tests/bench/duckdb.ts ${rows}${existsSync(path) ? ` ${path}` : ''}`, { cwd: root, encoding: 'utf8' });
  process.stdout.write(out.split('\n').filter((l) => l.startsWith('{')).join('\n') + '\n');
}

// Transitions over 12 waves for 100,000 customers.
process.stdout.write(execSync('node tests/bench/bundle-run.mjs tests/bench/transitions.ts', { cwd: root, encoding: 'utf8' }).split('\n').filter((l) => l.startsWith('{')).join('\n') + '\n');

// Topic tagging of 600,000 comments.
process.stdout.write(execSync('node tests/bench/bundle-run.mjs tests/bench/tagging.ts', { cwd: root, encoding: 'utf8' }).split('\n').filter((l) => l.startsWith('{')).join('\n') + '\n');

// Word statistics with tiny-segmenter.
process.stdout.write(execSync('node tests/bench/bundle-run.mjs tests/bench/tokenise.ts', { cwd: root, encoding: 'utf8' }).split('\n').filter((l) => l.startsWith('{')).join('\n') + '\n');

// A backup file of the largest size's answers, written and read back (the file format, in Node).
process.stdout.write(execSync(`node tests/bench/bundle-run.mjs tests/bench/backup.ts ${exportPath(Math.max(...sizes))}`, { cwd: root, encoding: 'utf8' }).split('\n').filter((l) => l.startsWith('{')).join('\n') + '\n');

// Initial JavaScript of the hosted build: what the start page loads to show and work, gzipped —
// counted when its drop zone is on screen; then what follows once the page is idle or at the first
// sign of an import (the import's workers and the overview's code, prefetched).
{
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const scripts = new Set();
  // Files of the build only: a worker started from a blob: URL is code already counted.
  page.on('response', (r) => { if (r.url().startsWith(origin) && (r.request().resourceType() === 'script' || r.url().endsWith('.js'))) scripts.add(new URL(r.url()).pathname); });
  await page.goto(origin + '/');
  await page.getByTestId('import-files').waitFor({ state: 'attached' });
  const size = (paths) => {
    let gz = 0, raw = 0;
    for (const p of paths) { const b = readFileSync(join(buildDir, p)); raw += b.length; gz += gzipSync(b).length; }
    return { raw, gz };
  };
  const inline = [...readFileSync(join(buildDir, 'index.html'), 'utf8').matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
  const initial = size(scripts);
  initial.gz += gzipSync(inline).length;
  const before = new Set(scripts);
  await page.waitForTimeout(2000);
  const added = size([...scripts].filter((p) => !before.has(p)));
  print({ bench: 'bundle', scripts: before.size, rawKB: Math.round(initial.raw / 1024), gzKB: Math.round(initial.gz / 1024), prefetchedGzKB: Math.round(added.gz / 1024) });
  await ctx.close();
}

// The one-file build (dist/nps-lines.html): everything inlined, so its size is what is carried.
{
  execSync('node scripts/build.mjs --single', { cwd: root, stdio: 'ignore' });
  const html = readFileSync(join(root, 'dist', 'nps-lines.html'));
  print({ bench: 'single-file', file: 'dist/nps-lines.html', KB: Math.round(html.length / 1024), gzKB: Math.round(gzipSync(html).length / 1024) });
}

await browser.close();
server.close();
