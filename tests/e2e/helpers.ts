import { expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
export const fixture = (name: string) => join(here, '..', 'fixtures', name);
/** A file of the team's acceptance cases, kept in tests/fixtures/acceptance (see its README). */
export const acceptanceFixture = (path: string) => join(here, '..', 'fixtures', 'acceptance', path);

/** Chooses files with the file input, waits for the preview and confirms, as a person would. */
export async function importFiles(page: Page, files: string[]) {
  await page.getByTestId('import-files').setInputFiles(files);
  const confirm = page.getByTestId('confirm-import');
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(page.getByTestId('nps-value')).toBeVisible({ timeout: 30_000 });
}

/** Records every request the page, its workers and service workers make. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.context().on('request', (r) => urls.push(r.url()));
  return urls;
}
