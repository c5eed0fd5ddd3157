/**
 * Asks the browser, once, to keep this site's data when the disk runs low — after the first
 * dataset is stored, when there is something to keep (the Your data page also offers it). Chromium
 * decides without asking the person; other browsers may show a prompt, so it is never asked again
 * once asked (remembered in localStorage, or for this page where that is blocked).
 */
import { storageMode } from '../db/database';
import { readSetting, writeSetting } from './safe-storage';

const ASKED = 'nps-lines.persist-asked';

export async function askToKeepData(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<'asked' | 'skipped'> {
  if (storageMode() === 'memory' || readSetting(ASKED) || !storage?.persist) return 'skipped';
  writeSetting(ASKED, String(Date.now()));
  try {
    if (await storage.persisted?.()) return 'skipped';
    await storage.persist();
    return 'asked';
  } catch {
    return 'skipped';
  }
}
