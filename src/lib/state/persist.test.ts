import { describe, expect, it, vi } from 'vitest';
import { askToKeepData } from './persist';
import { readSetting, settingsAreKept, writeSetting } from './safe-storage';

describe('asking the browser to keep the data', () => {
  it('asks once, after the first import, never again (no prompt spam)', async () => {
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => true) } as unknown as StorageManager;
    expect(await askToKeepData(storage)).toBe('asked');
    expect(await askToKeepData(storage)).toBe('skipped');
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });
});

describe('settings where localStorage cannot be used', () => {
  it('last for the page instead of failing', () => {
    // No window here: as where reading window.localStorage throws, nothing is kept beyond the page.
    expect(settingsAreKept()).toBe(false);
    writeSetting('nps-lines.locale', 'ja');
    expect(readSetting('nps-lines.locale')).toBe('ja');
    expect(readSetting('nps-lines.other')).toBeNull();
  });
});
