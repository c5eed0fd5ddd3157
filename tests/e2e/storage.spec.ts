/**
 * Nothing lost, nothing stuck: a corpus of storage cases run end to end. Each ends with a
 * translated message on screen and the database read back through IndexedDB itself (not the UI)
 * and compared with what it held before. Two tabs are two pages of one browser context; blocked
 * storage is emulated by replacing `localStorage` / `indexedDB` before the app starts, a full
 * disk by a page-side IndexedDB that refuses writes, or by Chromium's own quota override.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, importFiles } from './helpers';

test.use({ locale: 'en-US' });

type Snapshot = Record<string, unknown[]>;

/** Every store of the app's database, as plain JSON (typed arrays as arrays), read in the page. */
function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('nps-lines');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const plain = (value: unknown): unknown =>
      JSON.parse(JSON.stringify(value, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v)));
    const out: Record<string, unknown[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      out[name] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result.map(plain));
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return out;
  });
}

/** Writes a record into one store of the app's database, as another version of the app might have. */
function putRaw(page: Page, store: string, value: unknown): Promise<void> {
  return page.evaluate(
    async ([store, value]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('nps-lines');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(store as string, 'readwrite');
        tx.objectStore(store as string).put(value);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    [store, value] as const,
  );
}

const datasetId = (page: Page) => new URL(page.url()).hash.match(/datasets\/([^/?]+)/)![1];

async function openTwoTabs(browser: Browser, options: { secondWithoutChannel?: boolean } = {}) {
  const context = await browser.newContext({ locale: 'en-US' });
  const a = await context.newPage();
  const b = await context.newPage();
  // A browser (or a moment) in which the other tab's message does not arrive: the storage's own
  // check must still refuse a stale write.
  if (options.secondWithoutChannel) await b.addInitScript(() => Object.defineProperty(window, 'BroadcastChannel', { value: undefined, configurable: true }));
  return { context, a, b };
}

/** A third month, written for the test: two new answers. */
function mayCsv(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'nps-may-')), 'may.csv');
  writeFileSync(path, 'account,answered_at,score,comment,plan\nACME-6,2025-05-01,9,良い,Pro\nACME-7,2025-05-02,3,悪い,Free\n');
  return path;
}

async function appendIn(page: Page, file: string, count: string) {
  await page.getByTestId('append-files').setInputFiles(file);
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('response-count')).toHaveText(count);
  await expect(page.getByTestId('saving')).toHaveCount(0);
}

test('removing a file’s rows from an old copy is refused, and the other tab’s appended file is kept', async ({ browser }) => {
  const { context, a, b } = await openTwoTabs(browser, { secondWithoutChannel: true });
  await a.goto('/');
  await importFiles(a, [fixture('march.csv')]);
  await appendIn(a, fixture('april.csv'), '5');
  const id = datasetId(a);
  await b.goto(`/#/datasets/${id}`);
  await expect(b.getByTestId('response-count')).toHaveText('5');

  // Tab A appends May (2 new answers); tab B still shows March and April.
  await appendIn(a, mayCsv(), '7');
  const before = await snapshot(a);
  expect(before.chunks).toHaveLength(3);

  b.once('dialog', (d) => d.accept());
  await b.getByTestId('dataset-files').locator('tbody tr').first().getByRole('button', { name: 'Remove its rows' }).click();
  await expect(b.getByTestId('dataset-notice')).toHaveText(/another tab of NPS Lines changed this dataset after this tab read it\. Reload the dataset here/);
  await expect(b.getByTestId('changed-elsewhere')).toBeVisible();
  await expect(b.getByTestId('response-count')).toHaveText('5');
  expect(await snapshot(b)).toEqual(before);

  // Reloaded, tab B sees all three files; removing March keeps April's and May's answers.
  await b.getByTestId('reload-dataset').click();
  await expect(b.getByTestId('response-count')).toHaveText('7');
  b.once('dialog', (d) => d.accept());
  await b.getByTestId('dataset-files').locator('tbody tr').first().getByRole('button', { name: 'Remove its rows' }).click();
  await expect(b.getByTestId('response-count')).toHaveText('4');
  const after = await snapshot(b);
  const record = after.datasets[0] as { files: { name: string }[]; answerCount: number };
  expect(record.files.map((f) => f.name)).toEqual(['april.csv', 'may.csv']);
  expect(record.answerCount).toBe(4);
  const stored = (after.chunks as { id: number[] }[]).flatMap((c) => c.id);
  const mayIds = ((before.chunks as { id: number[] }[])[2]).id;
  expect(stored.slice(-2)).toEqual(mayIds);
  await context.close();
});

test('a tab hears that another tab appended, says so, and reloads on request', async ({ browser }) => {
  const { context, a, b } = await openTwoTabs(browser);
  await a.goto('/');
  await importFiles(a, [fixture('march.csv')]);
  const id = datasetId(a);
  await b.goto(`/#/datasets/${id}`);
  await expect(b.getByTestId('response-count')).toHaveText('3');
  await appendIn(a, fixture('april.csv'), '5');
  await expect(b.getByTestId('changed-elsewhere')).toHaveText(/This dataset changed in another tab/);
  await b.getByTestId('reload-dataset').click();
  await expect(b.getByTestId('response-count')).toHaveText('5');
  await expect(b.getByTestId('changed-elsewhere')).toHaveCount(0);

  // A rename in tab A is followed quietly (nothing else changed).
  await a.goto('/');
  await a.getByRole('button', { name: 'Rename' }).click();
  await a.getByLabel('Dataset name').fill('Renamed in A');
  await a.getByRole('button', { name: 'Save' }).click();
  await expect(b.getByRole('heading', { level: 1 })).toHaveText('Renamed in A');
  await expect(b.getByTestId('changed-elsewhere')).toHaveCount(0);

  // Deleted in tab A: tab B says so and keeps the way back.
  a.once('dialog', (d) => d.accept());
  await a.getByTestId('delete-dataset').click();
  await expect(b.getByTestId('dataset-unavailable')).toContainText('This dataset was deleted in another tab');
  await expect(b.getByTestId('dataset-unavailable').getByRole('link', { name: 'Back to the datasets' })).toBeVisible();
  const after = await snapshot(b);
  expect([after.datasets.length, after.chunks.length, after.events.length]).toEqual([0, 0, 0]);
  await context.close();
});

test('an append to a dataset deleted in another tab fails cleanly and does not bring it back', async ({ browser }) => {
  const { context, a, b } = await openTwoTabs(browser, { secondWithoutChannel: true });
  await a.goto('/');
  await importFiles(a, [fixture('march.csv')]);
  const id = datasetId(a);
  await b.goto(`/#/datasets/${id}`);
  await expect(b.getByTestId('response-count')).toHaveText('3');
  await b.getByTestId('append-files').setInputFiles(fixture('april.csv'));
  await expect(b.getByTestId('confirm-import')).toBeEnabled();

  await a.goto('/');
  a.once('dialog', (d) => d.accept());
  await a.getByTestId('delete-dataset').click();
  await expect(a.getByTestId('dataset-card')).toHaveCount(0);
  const before = await snapshot(a);
  expect(before.datasets).toEqual([]);

  await b.getByTestId('confirm-import').click();
  await expect(b.getByTestId('append-failed')).toHaveText(/The import was not stored and nothing changed\. Nothing was saved: this dataset was deleted in another tab/);
  expect(await snapshot(b)).toEqual(before);
  await context.close();
});

test('a stored dictionary with two topics of one id: the default is used, the reset is reachable, the report downloads', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [fixture('march.csv')]);
  const topic = { id: 'price', label: { ja: '価格', en: 'Price' }, keywords: ['値上げ'] };
  await putRaw(page, 'dictionaries', { id: 'app', topics: [topic, topic], savedAt: 1, version: 3 });
  await page.reload();
  await page.getByRole('link', { name: 'Comments' }).click();
  await expect(page.getByTestId('dictionary-stored-problem')).toHaveText(/cannot be used, so the default one is shown: The stored dictionary: two topics have the id “price”/);
  await expect(page.getByTestId('topic-features')).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report-json').click()]);
  const report = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(report.topics.map((t: { id: string }) => t.id)).toContain('features');

  await page.getByTestId('dictionary-reset').click();
  await expect(page.getByTestId('dictionary-stored-problem')).toHaveCount(0);
  const stored = (await snapshot(page)).dictionaries as { topics: unknown; version: number }[];
  expect(stored).toEqual([expect.objectContaining({ id: 'app', topics: null, version: 4 })]);
});

test('a dictionary file that would break the view is refused whole, and a keyword is not added twice', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [fixture('march.csv')]);
  await page.getByRole('link', { name: 'Comments' }).click();
  await expect(page.getByTestId('topic-features')).toBeVisible();
  // The words are counted and stored in the background: wait for them, then nothing may change.
  await expect.poll(async () => (await snapshot(page)).wordIndexes.length).toBe(1);
  const before = await snapshot(page);
  const dir = mkdtempSync(join(tmpdir(), 'nps-dict-'));
  const chooser = page.getByText('Import JSON').locator('input[type=file]');

  const duplicate = join(dir, 'duplicate.json');
  writeFileSync(duplicate, JSON.stringify([{ id: 'a', label: { ja: 'A', en: 'A' }, keywords: ['x'] }, { id: 'a', label: { ja: 'B', en: 'B' }, keywords: ['y'] }]));
  await chooser.setInputFiles(duplicate);
  await expect(page.getByRole('alert').filter({ hasText: 'duplicate.json: two topics have the id “a”' })).toBeVisible();

  const numbers = join(dir, 'numbers.json');
  writeFileSync(numbers, JSON.stringify([{ id: 'a', label: { ja: 'A', en: 'A' }, keywords: ['x', 42] }]));
  await chooser.setInputFiles(numbers);
  await expect(page.getByRole('alert').filter({ hasText: 'numbers.json: topic “a” has a keyword that is not text' })).toBeVisible();

  // Over 1 MB: refused before it is read.
  const big = join(dir, 'big.json');
  writeFileSync(big, JSON.stringify([{ id: 'a', label: { ja: 'A', en: 'A' }, keywords: ['x'], padding: 'x'.repeat(1_100_000) }]));
  await chooser.setInputFiles(big);
  await expect(page.getByRole('alert').filter({ hasText: 'big.json is larger than 1 MB' })).toBeVisible();

  await page.getByRole('button', { name: /^Features \(/ }).click();
  const count = await page.getByTestId('keyword-list').locator('li').count();
  await page.getByTestId('keyword-input').fill('機能');
  await page.getByTestId('keyword-add').click();
  await expect(page.getByRole('alert').filter({ hasText: '“機能” is already a keyword of this topic.' })).toBeVisible();
  await expect(page.getByTestId('keyword-list').locator('li')).toHaveCount(count);
  expect(await snapshot(page)).toEqual(before);
});

test('links whose filters name __proto__, constructor or toString, or a wave twice, open every view', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [fixture('march.csv')]);
  const id = datasetId(page);
  const before = await snapshot(page);
  for (const view of ['', '/trend', '/segments', '/transitions', '/comments']) {
    await page.goto(`/#/datasets/${id}${view}?f=__proto__:x&f=constructor:y&f=toString:z&f=plan:__proto__&seg=__proto__`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('march');
    await expect(page.getByText('Loading…')).toHaveCount(0);
    await expect(page.getByTestId('filter-bar').getByText('__proto__: x')).toBeVisible();
  }
  await page.goto(`/#/datasets/${id}?w=W2&w=W2`);
  await expect(page.getByTestId('filter-bar').getByText('Wave: W2')).toHaveCount(1);
  await page.goto(`/#/datasets/${id}?f=plan:Pro&f=plan:Pro`);
  await expect(page.getByTestId('response-count')).toHaveText('2');
  // Opening the comments may store the word index (a cache of the answers): everything else as before.
  const { wordIndexes: _cache, ...after } = await snapshot(page);
  const { wordIndexes: _none, ...stored } = before;
  expect(after).toEqual(stored);
});

test('stored events and mappings the app cannot use are skipped with a message', async ({ page }) => {
  await page.goto('/');
  await importFiles(page, [fixture('march.csv')]);
  const id = datasetId(page);
  await putRaw(page, 'events', { id: 'bad', datasetId: id, date: 'soon', label: 42, kind: 'party' });
  await putRaw(page, 'events', { id: 'good', datasetId: id, date: '2025-03-04', label: 'Price change', kind: 'pricing' });
  const mapping = ((await snapshot(page)).mappings as { signature: string }[])[0];
  await putRaw(page, 'mappings', { ...mapping, roles: ['score', 'salary'] });
  await page.reload();
  await page.getByRole('link', { name: 'Trend' }).click();
  await expect(page.getByTestId('events-list')).toContainText('Price change');
  await expect(page.getByTestId('events-skipped')).toHaveText(/1 stored event could not be read and is not shown/);
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.getByTestId('append-files').setInputFiles(fixture('april.csv'));
  await expect(page.getByTestId('mapping-unusable')).toHaveText(/could not be read back and were not applied/);
});

test('a full disk: an event, a dictionary edit and a removal are not applied, and say what to do', async ({ page }) => {
  // This page's IndexedDB refuses every write, as a full disk does, once the test says so.
  await page.addInitScript(() => {
    const w = window as unknown as { refuseWrites: boolean };
    w.refuseWrites = false;
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (w.refuseWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  });
  await page.goto('/');
  await importFiles(page, [fixture('march.csv')]);
  await appendIn(page, fixture('april.csv'), '5');
  await page.evaluate(() => ((window as unknown as { refuseWrites: boolean }).refuseWrites = true));
  const before = await snapshot(page);

  await page.getByRole('link', { name: 'Trend' }).click();
  await page.getByTestId('event-date').fill('2025-03-04');
  await page.getByTestId('event-label').fill('Price change');
  await page.getByTestId('event-save').click();
  await expect(page.getByTestId('events-not-saved')).toHaveText(/no room left for NPS Lines’ data\. Free disk space, or delete a dataset you no longer need.*download the report/);
  await expect(page.getByTestId('events-list')).toHaveCount(0);
  await expect(page.getByTestId('event-label')).toHaveValue('Price change');

  await page.getByRole('link', { name: 'Comments' }).click();
  await page.getByRole('button', { name: /^Features \(/ }).click();
  const count = await page.getByTestId('keyword-list').locator('li').count();
  await page.getByTestId('keyword-input').fill('丁寧');
  await page.getByTestId('keyword-add').click();
  await expect(page.getByTestId('dictionary-not-saved')).toHaveText(/no room left/);
  await expect(page.getByTestId('keyword-list').locator('li')).toHaveCount(count);

  await page.getByRole('link', { name: 'Overview' }).click();
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('dataset-files').locator('tbody tr').first().getByRole('button', { name: 'Remove its rows' }).click();
  await expect(page.getByTestId('dataset-notice')).toHaveText(/no room left/);
  await expect(page.getByTestId('response-count')).toHaveText('5');
  expect(await snapshot(page)).toEqual(before);
});

test('an import over the site’s quota is not stored and says what to do', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByText('No dataset yet.')).toBeVisible();
  const before = await snapshot(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: 400_000 });
  const dir = mkdtempSync(join(tmpdir(), 'nps-quota-'));
  const path = join(dir, 'large.csv');
  const lines = ['customer_id,date,score,comment'];
  for (let i = 0; i < 20_000; i++) lines.push(`C${i},2024-0${1 + (i % 9)}-15,${i % 11},${'とても長いコメントです。'.repeat(6)}${i}`);
  writeFileSync(path, lines.join('\n'));
  await page.getByTestId('import-files').setInputFiles(path);
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('save-failed')).toHaveText(/Saving failed, so nothing of this import was stored.*no room left for NPS Lines’ data\. Free disk space/, { timeout: 30_000 });
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin });
  expect(await snapshot(page)).toEqual(before);
});

test('with site storage blocked the app starts, works in memory and says at the top that nothing is kept (Japanese)', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const probe = await context.newPage();
  await probe.goto('/');
  await expect(probe.getByText('まだデータセットがありません。')).toBeVisible();
  const before = await snapshot(probe);
  const page = await context.newPage();
  await page.addInitScript(() => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Object.defineProperty(window, 'localStorage', { get: blocked, configurable: true });
    Object.defineProperty(window, 'indexedDB', { get: blocked, configurable: true });
  });
  await page.goto('/');
  await expect(page.getByTestId('storage-banner')).toHaveText(/このブラウザではここにデータを保存できません.*タブを閉じるか再読み込みすると残りません/);
  await expect(page.locator('body')).not.toContainText('tinyurl');
  await expect(page.getByTestId('import-files')).toBeAttached();
  await importFiles(page, [fixture('march.csv')]);
  await expect(page.getByTestId('response-count')).toHaveText('3');
  await page.getByTestId('append-files').setInputFiles(fixture('april.csv'));
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('response-count')).toHaveText('5');
  await page.getByRole('link', { name: '推移' }).click();
  await page.getByTestId('event-date').fill('2025-03-04');
  await page.getByTestId('event-label').fill('値上げ');
  await page.getByTestId('event-save').click();
  await expect(page.getByTestId('events-list')).toContainText('値上げ');
  // The language switch works without localStorage, for this page.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('storage-banner')).toHaveText(/works in this tab’s memory/);
  // A reload keeps nothing, and says so again.
  await page.reload();
  await expect(page.getByTestId('storage-banner')).toBeVisible();
  await expect(page.getByTestId('dataset-unavailable')).toBeVisible();
  expect(await snapshot(probe)).toEqual(before);
  await context.close();
});

test('with IndexedDB missing (undefined) the app runs in memory too', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
  await page.goto('/');
  await expect(page.getByTestId('storage-banner')).toHaveText(/nothing you import or edit will be kept/);
  await importFiles(page, [fixture('march.csv')]);
  await expect(page.getByTestId('response-count')).toHaveText('3');
});

test('with only localStorage blocked the app starts and says the language is not kept', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'localStorage', { get: () => { throw new DOMException('denied', 'SecurityError'); }, configurable: true }));
  await page.goto('/');
  await expect(page.getByTestId('settings-banner')).toHaveText(/your choice of language is forgotten/);
  await expect(page.getByTestId('storage-banner')).toHaveCount(0);
  await importFiles(page, [fixture('march.csv')]);
  await expect(page.getByTestId('response-count')).toHaveText('3');
});
