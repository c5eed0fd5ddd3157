/**
 * Datasets whose answers are already in memory: just imported (possibly still being stored) or
 * opened before. The overview reads from here first, so it appears as soon as an import is
 * parsed instead of after the answers have been written and read back.
 */
import type { DatasetRecord } from '../engine/dataset';
import type { AnswerTable } from '../engine/answers';
import type { Notice } from './notice';

export type SaveState = 'saving' | 'saved' | 'failed';

export interface LoadedDataset {
  record: DatasetRecord;
  table: AnswerTable;
  save: SaveState;
  /** Why storing the import failed (save 'failed'). */
  failure: Notice | null;
}

class LoadedDatasets {
  #byId = $state.raw(new Map<string, LoadedDataset>());

  get(id: string): LoadedDataset | undefined {
    return this.#byId.get(id);
  }

  set(id: string, entry: LoadedDataset): void {
    // One dataset's answers at a time: a million answers is a few hundred MB.
    this.#byId = new Map([[id, entry]]);
  }

  update(id: string, change: Partial<LoadedDataset>): void {
    const entry = this.#byId.get(id);
    if (entry) this.#byId = new Map(this.#byId).set(id, { ...entry, ...change });
  }

  forget(id: string): void {
    if (!this.#byId.has(id)) return;
    const next = new Map(this.#byId);
    next.delete(id);
    this.#byId = next;
  }

  forgetAll(): void {
    this.#byId = new Map();
  }
}

export const loadedDatasets = new LoadedDatasets();
