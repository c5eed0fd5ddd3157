/**
 * The browser's localStorage, every access guarded: where site data is blocked, merely reading
 * `window.localStorage` throws (a SecurityError), and an app that read the language there at start
 * did not start at all. A setting that cannot be kept lasts for this page.
 */
const memory = new Map<string, string>();

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function readSetting(key: string): string | null {
  try {
    const value = storage()?.getItem(key);
    if (typeof value === 'string') return value;
  } catch {
    // Blocked or broken: fall back to what this page remembered.
  }
  return memory.get(key) ?? null;
}

export function writeSetting(key: string, value: string): void {
  memory.set(key, value);
  try {
    storage()?.setItem(key, value);
  } catch {
    // Blocked, or full: the setting lasts for this page only.
  }
}

/** Whether localStorage can be written and read back here. */
export function settingsAreKept(): boolean {
  try {
    const s = storage();
    if (!s) return false;
    const probe = 'nps-lines.probe';
    s.setItem(probe, '1');
    const ok = s.getItem(probe) === '1';
    s.removeItem(probe);
    return ok;
  } catch {
    return false;
  }
}
