/**
 * The "Your data" page's backup and restore: making the file, reading a chosen one, asking how to
 * restore it when this browser has data, and telling the other tabs. One instance per visit of
 * that page.
 */
import { backupSummary, makeBackup, openBackup, restoreBackup, storedRecordCount, type BackupSummary, type RestoreMode, type RestoreResult } from '../db/backup';
import { BACKUP_EXTENSION, BackupError, type Backup, type BackupProblem } from '../db/backup-file';
import { dayToIso, localToday } from '../engine/days';
import { downloadBlob } from '../components/download';
import { loadedDatasets } from './loaded-datasets.svelte';
import { announce, announceAllDeleted } from './cross-tab';
import { storageNotice, type Notice } from './notice';

export type BackupStep = 'idle' | 'making' | 'made' | 'failed';
export type RestoreStep = 'idle' | 'reading' | 'asking' | 'restoring' | 'restored' | 'refused' | 'failed';

export class BackupDesk {
  step = $state<BackupStep>('idle');
  /** The file last made: its name, size in bytes, datasets and how long it took. */
  made = $state<{ file: string; bytes: number; datasets: number; ms: number } | null>(null);
  restore = $state<RestoreStep>('idle');
  /** The chosen file's name and what it holds, while the person decides. */
  chosen = $state<{ file: string; summary: BackupSummary } | null>(null);
  /** This browser holds records: restoring asks whether to merge or replace. */
  hasData = $state(false);
  /** Why a file was refused (nothing changed). */
  problem = $state<{ problem: BackupProblem; file: string } | null>(null);
  result = $state<RestoreResult | null>(null);
  /** A failure of the browser while making or restoring (nothing changed). */
  failure = $state<Notice | null>(null);
  #backup: Backup | null = null;

  readonly #changed: () => void;

  /** `changed` is called after a restore (the page counts what is stored again). */
  constructor(changed: () => void) {
    this.#changed = changed;
  }

  /** Makes the backup and saves it; `app` names this copy of the app in the file. */
  async make(app: string): Promise<void> {
    this.step = 'making';
    this.failure = null;
    const started = performance.now();
    try {
      const { blob, tables } = await makeBackup(app);
      const file = `nps-lines-backup-${dayToIso(localToday())}${BACKUP_EXTENSION}`;
      downloadBlob(file, blob);
      this.made = { file, bytes: blob.size, datasets: tables.datasets ?? 0, ms: performance.now() - started };
      this.step = 'made';
    } catch (error) {
      this.failure = { key: 'backup.makeFailed', params: { message: error instanceof Error ? error.message : String(error) } };
      this.step = 'failed';
    }
  }

  /** Reads and checks a chosen file; nothing is written until the person says how. */
  async choose(file: File): Promise<void> {
    this.reset();
    this.restore = 'reading';
    try {
      this.#backup = await openBackup(file);
      this.hasData = (await storedRecordCount()) > 0;
      this.chosen = { file: file.name, summary: backupSummary(this.#backup) };
      this.restore = 'asking';
    } catch (error) {
      if (error instanceof BackupError) {
        this.problem = { problem: error.problem, file: file.name };
        this.restore = 'refused';
      } else {
        this.failure = { key: 'backup.readFailed', params: { file: file.name, message: error instanceof Error ? error.message : String(error) } };
        this.restore = 'failed';
      }
    }
  }

  async confirm(mode: RestoreMode): Promise<void> {
    const backup = this.#backup;
    if (!backup || this.restore !== 'asking') return;
    this.restore = 'restoring';
    try {
      const result = await restoreBackup(backup, mode);
      this.result = result;
      this.restore = 'restored';
      // What this tab held in memory may be gone or older than what is stored now.
      loadedDatasets.forgetAll();
      if (mode === 'replace') announceAllDeleted();
      // Merged: the datasets added show in other tabs' lists (what was there is unchanged).
      else for (const id of result.datasets) announce({ type: 'dataset-changed', id, version: 0 });
    } catch (error) {
      this.failure = storageNotice(error, 'backup.restoreFailed');
      this.restore = 'failed';
    } finally {
      this.#backup = null;
      this.chosen = null;
      this.#changed();
    }
  }

  cancel(): void {
    this.reset();
  }

  reset(): void {
    this.#backup = null;
    this.chosen = null;
    this.problem = null;
    this.result = null;
    this.failure = null;
    this.restore = 'idle';
  }
}
