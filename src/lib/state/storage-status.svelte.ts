/**
 * Whether this visit can keep anything: the database is opened (or made in memory) once, before
 * any page reads it, and the root layout's banner says when nothing will be kept. One instance,
 * owned by the root layout.
 */
import { openStorage, type StorageMode } from '../db/database';
import { settingsAreKept } from './safe-storage';

class StorageStatus {
  mode = $state<StorageMode | 'starting'>('starting');
  /** localStorage works (the language choice is kept). */
  settingsKept = $state(true);
  #started: Promise<void> | null = null;

  start(): Promise<void> {
    this.#started ??= (async () => {
      this.settingsKept = settingsAreKept();
      this.mode = await openStorage();
    })();
    return this.#started;
  }
}

export const storageStatus = new StorageStatus();
