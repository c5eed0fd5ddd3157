/**
 * One import from choosing files to the stored dataset: previews, the person's corrections to
 * the detected layout (remembered per form), the worker's progress, cancel, and the handover of
 * the built answers to the overview while they are being stored.
 */
import { readMapping, rememberMapping } from '../db/mappings';
import { PREVIEW_BYTES, PreviewError, previewFile, type FilePlan, type FilePreview, type PlanOverrides } from '../ingest/preview';
import { SINGLE_ROLES, type ColumnRole } from '../ingest/roles';
import { ImportCancelled, startImport, type RunningImport } from '../workers';
import type { ImportTarget } from '../workers/messages';
import type { MessageKey } from '../i18n/en';
import { loadedDatasets } from './loaded-datasets.svelte';
import { isStorageFailure } from '../db/storage-error';
import { versionOf, type DatasetRecord } from '../engine/dataset';
import { announce } from './cross-tab';
import { storageNotice, type Notice } from './notice';
import { askToKeepData } from './persist';

export interface ChosenFile {
  file: File;
  preview: FilePreview | null;
  problem: { key: MessageKey; params: Record<string, string> } | null;
  /** When the mapping was confirmed before for this form (ms), or null. */
  remembered: number | null;
  /** A mapping is remembered for this form but cannot be used (it was stored damaged): not applied. */
  rememberedUnusable?: boolean;
}

export type ImportStatus = 'idle' | 'previewing' | 'ready' | 'importing' | 'failed' | 'cancelled';

async function readPreview(file: File, overrides: PlanOverrides = {}): Promise<ChosenFile> {
  try {
    const sample = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
    return { file, preview: previewFile(sample, file.size <= PREVIEW_BYTES, overrides), problem: null, remembered: null };
  } catch (error) {
    const problem: ChosenFile['problem'] = error instanceof PreviewError
      ? { key: `error.${error.problem}`, params: { file: file.name } }
      : { key: 'error.unreadable', params: { file: file.name, message: String(error) } };
    return { file, preview: null, problem, remembered: null };
  }
}

/**
 * The mappings of the last import, remembered once its answers are stored: a preview chosen right
 * after waits for them (a little: a big import may take a while to store).
 */
let mappingsRemembered: Promise<unknown> = Promise.resolve();

/** Applies the mapping confirmed earlier for the same form, if any. */
async function withRememberedMapping(chosen: ChosenFile): Promise<ChosenFile> {
  if (!chosen.preview) return chosen;
  await Promise.race([mappingsRemembered, new Promise((resolve) => setTimeout(resolve, 2000))]);
  const { found, mapping: saved } = await readMapping(chosen.preview.signature).catch(() => ({ found: false, mapping: null }));
  if (found && !saved) return { ...chosen, rememberedUnusable: true };
  if (!saved) return chosen;
  let preview = chosen.preview;
  if (saved.headerRows !== preview.plan.headerRows) {
    preview = (await readPreview(chosen.file, { encoding: preview.plan.encoding, delimiter: preview.plan.delimiter, headerRows: saved.headerRows })).preview ?? preview;
  }
  if (saved.roles.length !== preview.plan.roles.length) return chosen;
  preview.plan.roles = [...saved.roles];
  preview.plan.dateOrder = saved.dateOrder;
  return { ...chosen, preview, remembered: saved.savedAt };
}

function defaultName(files: readonly File[]): string {
  const first = files[0]?.name.replace(/\.(csv|tsv|txt)$/i, '') ?? 'dataset';
  return files.length > 1 ? `${first} +${files.length - 1}` : first;
}

export class ImportSession {
  /** Rows identical in every column are separate answers: keep them all (the person said so). */
  keepIdentical = $state(false);
  /** The files are an employee survey (eNPS): stored with the new dataset (DatasetSettings.employee). */
  employee = $state(false);
  files = $state<ChosenFile[]>([]);
  status = $state<ImportStatus>('idle');
  /** Share of the bytes parsed, 0–1, and rows read so far. */
  progress = $state(0);
  rowsRead = $state(0);
  startedAt = $state(0);
  /** Why the import failed (status 'failed'). */
  failure = $state<Notice | null>(null);
  /** The last import's answers being stored: resolves when they are (rejects if they could not be). */
  stored: Promise<DatasetRecord> | null = null;
  name = $state('');
  #running: RunningImport | null = null;

  readonly ready = $derived(this.files.length > 0 && this.files.every((f) => f.preview?.plan.roles.includes('score')));
  readonly totalBytes = $derived(this.files.reduce((s, f) => s + f.file.size, 0));

  async choose(files: File[]): Promise<void> {
    this.reset();
    if (!files.length) return;
    this.status = 'previewing';
    this.name = defaultName(files);
    this.files = await Promise.all(files.map(async (f) => withRememberedMapping(await readPreview(f))));
    this.status = 'ready';
  }

  async reread(index: number, overrides: PlanOverrides): Promise<void> {
    const plan = this.files[index].preview?.plan;
    this.files[index] = await readPreview(this.files[index].file, { encoding: plan?.encoding, delimiter: plan?.delimiter, ...overrides });
  }

  /** Gives a column a role; a single role (score, date…) moves away from the column that had it. */
  setRole(index: number, column: number, role: ColumnRole): void {
    const plan = this.files[index].preview?.plan;
    if (!plan) return;
    if (SINGLE_ROLES.includes(role)) plan.roles = plan.roles.map((r) => (r === role ? 'ignore' : r));
    plan.roles[column] = role;
  }

  setDateOrder(index: number, order: FilePlan['dateOrder']): void {
    const plan = this.files[index].preview?.plan;
    if (plan) plan.dateOrder = order;
  }

  /**
   * Imports into a new dataset or appends to one. Resolves to the dataset id as soon as the
   * answers are built (they are then stored in the background), or null when cancelled or failed.
   */
  async confirm(target: { append?: string; sample?: boolean } = {}): Promise<string | null> {
    if (!this.ready || this.status === 'importing') return null;
    const chosen = $state.snapshot(this.files) as ChosenFile[];
    const plans = chosen.map((f) => f.preview!.plan);
    const importTarget: ImportTarget = target.append
      ? { kind: 'append', id: target.append }
      : { kind: 'new', id: crypto.randomUUID(), name: this.name.trim() || defaultName(chosen.map((f) => f.file)), sample: target.sample, ...(this.employee ? { employee: true } : {}) };
    this.status = 'importing';
    this.progress = 0;
    this.rowsRead = 0;
    this.startedAt = performance.now();
    this.failure = null;
    try {
      const running = startImport({ files: this.files.map((f) => f.file), plans, target: importTarget, keepIdentical: this.keepIdentical }, (share, rows) => {
        this.progress = share;
        this.rowsRead = rows;
      });
      this.#running = running;
      const { record, table } = await running.ready;
      this.#running = null;
      loadedDatasets.set(record.id, { record, table, save: 'saving', failure: null });
      this.stored = running.stored;
      mappingsRemembered = running.stored.then(
        (stored) => {
          loadedDatasets.update(record.id, { record: stored, save: 'saved' });
          announce({ type: 'dataset-changed', id: stored.id, version: versionOf(stored) });
          // The first dataset kept: now is when asking the browser to keep the data means something.
          void askToKeepData();
          // The form's roles are remembered only with answers stored: a failed import changes nothing.
          if (!target.sample) {
            const savedAt = Date.now();
            return Promise.all(chosen.map((f) => rememberMapping({
              signature: f.preview!.signature,
              headers: f.preview!.plan.headers,
              headerRows: f.preview!.plan.headerRows,
              roles: f.preview!.plan.roles,
              dateOrder: f.preview!.plan.dateOrder,
              savedAt,
            }))).catch(() => {});
          }
        },
        (error: Error) => loadedDatasets.update(record.id, { save: 'failed', failure: storageNotice(error, 'import.saveFailedLead') }),
      );
      this.status = 'idle';
      this.files = [];
      return record.id;
    } catch (error) {
      this.#running = null;
      if (error instanceof ImportCancelled) {
        this.status = 'cancelled';
      } else {
        this.status = 'failed';
        this.failure = isStorageFailure(error)
          ? storageNotice(error, 'import.notStored')
          : { key: 'import.failed', params: { message: error instanceof Error ? error.message : String(error) } };
      }
      return null;
    }
  }

  cancel(): void {
    this.#running?.cancel();
  }

  reset(): void {
    this.#running?.cancel();
    this.files = [];
    this.status = 'idle';
    this.progress = 0;
    this.failure = null;
    this.employee = false;
  }
}
