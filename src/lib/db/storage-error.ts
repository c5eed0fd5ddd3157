/**
 * Why a write to the browser's storage was refused or failed, as a code the UI turns into a
 * sentence in its language (what is wrong, where, what to do). The browser's own messages are in
 * English whatever the UI's language, and say nothing a person can act on.
 */
import Dexie from 'dexie';

export type StorageProblem =
  /** Another tab changed the dataset since this tab read it: this write would undo that change. */
  | 'changed'
  /** The dataset was deleted (in another tab) since this tab read it. */
  | 'deleted'
  /** The event was deleted (in another tab) since this tab listed it. */
  | 'event-gone'
  /** Another tab saved the dictionary since this tab read it. */
  | 'dictionary-changed'
  /** The disk or the site's share of it is full. */
  | 'quota'
  /** IndexedDB is missing, blocked (private mode, site data blocked) or was closed. */
  | 'unavailable'
  /** Anything else the browser reported. */
  | 'failed';

export const STORAGE_PROBLEMS: readonly StorageProblem[] = ['changed', 'deleted', 'event-gone', 'dictionary-changed', 'quota', 'unavailable', 'failed'];

export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    message: string = problem,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

const QUOTA = /quota|disk (is )?full|no space/i;
const UNAVAILABLE = new Set(['MissingAPIError', 'OpenFailedError', 'DatabaseClosedError', 'InvalidStateError', 'SecurityError', 'InvalidAccessError', 'VersionError']);

/**
 * The problem behind any error a storage call threw: our own refusals keep theirs; Dexie wraps the
 * browser's DOMException (its `inner`), and an aborted transaction names the failure only there.
 */
export function storageProblem(error: unknown): StorageProblem {
  if (error instanceof StorageError) return error.problem;
  for (let e = error as { name?: unknown; message?: unknown; inner?: unknown; problem?: unknown } | null, depth = 0; e && depth < 4; e = e.inner as typeof e, depth++) {
    if (typeof e.problem === 'string' && (STORAGE_PROBLEMS as readonly string[]).includes(e.problem)) return e.problem as StorageProblem;
    const name = typeof e.name === 'string' ? e.name : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (name === 'QuotaExceededError' || QUOTA.test(message)) return 'quota';
    if (UNAVAILABLE.has(name)) return 'unavailable';
  }
  return 'failed';
}

/** The translation key of a problem (en.ts / ja.ts `storage.*`). */
export function storageMessageKey(problem: StorageProblem): `storage.${StorageProblem}` {
  return `storage.${problem}`;
}

/**
 * True when the error came from storage (ours, Dexie's or the browser's IndexedDB), not from
 * reading a file: only those are told as storage problems.
 */
export function isStorageFailure(error: unknown): boolean {
  if (error instanceof StorageError || error instanceof Dexie.DexieError) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'DataError' || name === 'TransactionInactiveError' || name === 'AbortError' && storageProblem(error) !== 'failed';
}
