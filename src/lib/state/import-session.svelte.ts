/**
 * One import from choosing files to the stored dataset: previews, the person's corrections to
 * the detected layout, the worker's progress, cancel, and the all-or-nothing store.
 */
import { createDataset } from '../db/datasets';
import type { DatasetFile, StoredRejection } from '../db/database';
import type { IdentityKind } from '../engine/overview';
import { PREVIEW_BYTES, PreviewError, previewFile, type FilePlan, type FilePreview } from '../ingest/preview';
import type { ColumnRole } from '../ingest/roles';
import { SINGLE_ROLES } from '../ingest/roles';
import { ImportCancelled, startImport, type RunningImport } from '../workers';
import type { MessageKey } from '../i18n/en';

export interface ChosenFile {
  file: File;
  preview: FilePreview | null;
  problem: { key: MessageKey; params: Record<string, string> } | null;
}

export type ImportStatus = 'idle' | 'previewing' | 'ready' | 'importing' | 'storing' | 'failed' | 'cancelled';

async function readPreview(file: File, overrides: Partial<Pick<FilePlan, 'encoding' | 'delimiter'>> = {}): Promise<ChosenFile> {
  try {
    const sample = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
    return { file, preview: previewFile(sample, file.size <= PREVIEW_BYTES, overrides), problem: null };
  } catch (error) {
    if (error instanceof PreviewError) return { file, preview: null, problem: { key: `error.${error.problem}`, params: { file: file.name } } };
    return { file, preview: null, problem: { key: 'error.unreadable', params: { file: file.name, message: String(error) } } };
  }
}

/** Accounts are the customers when a file names them; otherwise respondents (README of acceptance). */
function identityOf(plans: readonly FilePlan[]): IdentityKind {
  if (plans.some((p) => p.roles.includes('account'))) return 'account';
  if (plans.some((p) => p.roles.includes('respondent'))) return 'respondent';
  return null;
}

function defaultName(files: readonly File[]): string {
  const first = files[0]?.name.replace(/\.(csv|tsv|txt)$/i, '') ?? 'dataset';
  return files.length > 1 ? `${first} +${files.length - 1}` : first;
}

export class ImportSession {
  files = $state<ChosenFile[]>([]);
  status = $state<ImportStatus>('idle');
  /** Share of the bytes parsed, 0–1. */
  progress = $state(0);
  failure = $state<string | null>(null);
  name = $state('');
  #running: RunningImport | null = null;

  readonly ready = $derived(this.files.length > 0 && this.files.every((f) => f.preview?.plan.roles.includes('score')));

  async choose(files: File[]): Promise<void> {
    this.reset();
    if (!files.length) return;
    this.status = 'previewing';
    this.name = defaultName(files);
    this.files = await Promise.all(files.map((f) => readPreview(f)));
    this.status = 'ready';
  }

  async reread(index: number, overrides: Partial<Pick<FilePlan, 'encoding' | 'delimiter'>>): Promise<void> {
    const current = this.files[index];
    const merged = { encoding: current.preview?.plan.encoding, delimiter: current.preview?.plan.delimiter, ...overrides };
    this.files[index] = await readPreview(current.file, merged);
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

  /** Imports and stores. Resolves to the new dataset's id, or null when cancelled or failed. */
  async confirm(options: { sample?: boolean } = {}): Promise<string | null> {
    if (!this.ready || this.status === 'importing' || this.status === 'storing') return null;
    const chosen = $state.snapshot(this.files) as ChosenFile[];
    const plans = chosen.map((f) => f.preview!.plan);
    this.status = 'importing';
    this.progress = 0;
    this.failure = null;
    try {
      this.#running = startImport({ files: this.files.map((f) => f.file), plans }, (share) => (this.progress = share));
      const built = await this.#running.result;
      this.#running = null;
      this.status = 'storing';
      const now = Date.now();
      const files: DatasetFile[] = chosen.map((f, i) => ({
        name: f.file.name,
        size: f.file.size,
        encoding: plans[i].encoding,
        delimiter: plans[i].delimiter,
        accepted: built.fileCounts[i]?.accepted ?? 0,
        rejected: built.fileCounts[i]?.rejected ?? 0,
        importedAt: now,
      }));
      const rejected: StoredRejection[] = built.rejected;
      const record = await createDataset(
        {
          id: crypto.randomUUID(),
          name: this.name.trim() || defaultName(chosen.map((f) => f.file)),
          createdAt: now,
          updatedAt: now,
          files,
          segmentColumns: built.segmentColumns,
          identity: identityOf(plans),
          hasDates: plans.some((p) => p.roles.includes('date')),
          rejected,
          sample: options.sample,
        },
        built.table,
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
        this.failure = error instanceof Error ? error.message : String(error);
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
  }
}
