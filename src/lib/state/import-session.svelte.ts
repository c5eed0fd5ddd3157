/**
 * One import from choosing files to the stored dataset: previews, the person's corrections to
 * the detected layout (remembered per form), the worker's progress, cancel, and the handover of
 * the built answers to the overview while they are being stored.
 */
import { readMapping, rememberMapping } from '../db/mappings';
import { PREVIEW_BYTES, PreviewError, previewFile, type FilePlan, type FilePreview, type PlanOverrides } from '../ingest/preview';
import { SINGLE_ROLES, type ColumnRole } from '../ingest/roles';
import { sniffFile, type NotCsvKind } from '../ingest/sniff';
import { MAX_ROW_BYTES, measureRow } from '../ingest/measure';
import { convertWorkbook, ImportCancelled, startImport, WorkbookUnreadable, type RunningImport } from '../workers';
import type { ImportTarget } from '../workers/messages';
import type { MessageKey } from '../i18n/en';
import { loadedDatasets } from './loaded-datasets.svelte';
import { isStorageFailure } from '../db/storage-error';
import { versionOf, type DatasetRecord } from '../engine/dataset';
import { announce } from './cross-tab';
import { storageNotice, type Notice } from './notice';
import { askToKeepData } from './persist';
import { firstLookSummary, type FirstLookSummary } from '../engine/first-look';

/**
 * The largest file imported: the import holds the file's bytes and its answers in this tab's
 * memory (about five times the file at its peak), and a browser tab has a few GB at most.
 */
export const MAX_IMPORT_BYTES = 1 << 30;
/** From here the preview says how much memory the import will take. */
export const BIG_FILE_BYTES = 256 << 20;

export interface ChosenFile {
  /** The file as chosen. */
  source: File;
  /** What is read: the file itself, or for a workbook its chosen sheet as CSV. */
  file: File;
  preview: FilePreview | null;
  /** A message; `bytes` are sizes shown in it, formatted in the language on screen. */
  problem: { key: MessageKey; params: Record<string, string | number>; bytes?: Record<string, number> } | null;
  /** When the mapping was confirmed before for this form (ms), or null. */
  remembered: number | null;
  /** A mapping is remembered for this form but cannot be used (it was stored damaged): not applied. */
  rememberedUnusable?: boolean;
  /** A workbook's sheets and the one read. */
  workbook: { sheets: Array<{ name: string; hidden: boolean }>; sheet: number } | null;
}

export type ImportStatus = 'idle' | 'previewing' | 'ready' | 'importing' | 'failed' | 'cancelled';

const IMAGES: readonly NotCsvKind[] = ['png', 'jpeg', 'gif', 'webp'];
const ARCHIVES: readonly NotCsvKind[] = ['gzip', 'rar', '7z'];

/** The message for a file that is not a table we read. */
function notCsvProblem(file: File, what: NotCsvKind, entry?: string): NonNullable<ChosenFile['problem']> {
  if (IMAGES.includes(what)) return { key: 'error.not-csv.image', params: { file: file.name, format: what.toUpperCase() } };
  if (ARCHIVES.includes(what)) return { key: 'error.not-csv.archive', params: { file: file.name, format: what === 'gzip' ? 'gzip' : what.toUpperCase() } };
  if (what === 'zip' && entry) return { key: 'error.not-csv.zipEntry', params: { file: file.name, entry } };
  return { key: `error.not-csv.${what as 'xls' | 'ods' | 'docx' | 'pptx' | 'zip' | 'pdf' | 'binary'}`, params: { file: file.name } };
}

const readBytes = (file: File) => (from: number, to: number) => file.slice(from, to).arrayBuffer().then((b) => new Uint8Array(b));

/**
 * A row the preview's sample cannot hold: measured, then either read with a sample big enough
 * (it is long but under the import's limit) or named in the message.
 */
async function longRow(chosen: ChosenFile, error: PreviewError, overrides: PlanOverrides): Promise<ChosenFile> {
  const { file } = chosen;
  const row = error.detail.row ?? 1;
  const offset = error.detail.offset ?? -1;
  const name = chosen.source.name;
  if (offset < 0) return { ...chosen, problem: { key: 'error.long-row-over', params: { file: name, row }, bytes: { size: PREVIEW_BYTES } } };
  const delimiter = (overrides.delimiter ?? ',').charCodeAt(0);
  const size = await measureRow(readBytes(file), file.size, offset, delimiter);
  if (size.ended && size.bytes <= MAX_ROW_BYTES && offset + size.bytes + 2 <= file.size) {
    // Long but possible: a sample that holds it and a few rows more.
    const end = Math.min(file.size, offset + size.bytes + PREVIEW_BYTES);
    const sample = new Uint8Array(await file.slice(0, end).arrayBuffer());
    try {
      return { ...chosen, preview: previewFile(sample, end >= file.size, overrides), problem: null };
    } catch (again) {
      if (!(again instanceof PreviewError)) throw again;
      return { ...chosen, problem: { key: `error.${again.problem === 'long-row' || again.problem === 'no-line-break' ? 'long-row-over' : again.problem}`, params: { file: name, row }, bytes: { size: end } } };
    }
  }
  if (!size.ended && row === 1 && offset + size.bytes >= file.size) return { ...chosen, problem: { key: 'error.no-line-break', params: { file: name }, bytes: { size: file.size } } };
  if (size.longestField > MAX_ROW_BYTES) return { ...chosen, problem: { key: 'error.huge-field', params: { file: name, row }, bytes: { size: size.longestField } } };
  return { ...chosen, problem: { key: 'error.long-row', params: { file: name, row }, bytes: { size: size.bytes } } };
}

/**
 * Reads what a chosen file is and previews it: a file too big for the browser, an image, an
 * archive or a workbook we cannot read is named at once; an xlsx workbook is made into CSV (its
 * first sheet, or `sheet`); a CSV is previewed from its first 256 KB.
 */
async function readChosen(source: File, overrides: PlanOverrides = {}, sheet?: number): Promise<ChosenFile> {
  let chosen: ChosenFile = { source, file: source, preview: null, problem: null, remembered: null, workbook: null };
  const fail = (key: MessageKey, params: Record<string, string | number> = {}, bytes?: Record<string, number>): ChosenFile => ({ ...chosen, problem: { key, params: { file: source.name, ...params }, bytes } });
  if (source.size > MAX_IMPORT_BYTES) return fail('error.too-big', {}, { size: source.size, limit: MAX_IMPORT_BYTES });
  try {
    let head = new Uint8Array(await source.slice(0, PREVIEW_BYTES).arrayBuffer());
    const kind = sniffFile(head);
    if (kind.kind === 'not-csv') return { ...chosen, problem: notCsvProblem(source, kind.what, kind.entry) };
    if (kind.kind === 'xlsx') {
      try {
        const converted = await convertWorkbook(source, sheet);
        chosen = { ...chosen, file: converted.csv, workbook: { sheets: converted.sheets, sheet: converted.sheet } };
      } catch (error) {
        if (error instanceof WorkbookUnreadable) return fail('error.workbook', { message: error.message });
        throw error;
      }
      // The CSV made from a sheet is UTF-8 and comma-separated, whatever its cells hold.
      overrides = { ...overrides, encoding: 'utf-8', delimiter: ',' };
      head = new Uint8Array(await chosen.file.slice(0, PREVIEW_BYTES).arrayBuffer());
      if (chosen.file.size === 0) return fail('error.sheet-empty', { sheet: chosen.workbook!.sheets[chosen.workbook!.sheet].name });
    }
    try {
      return { ...chosen, preview: previewFile(head, chosen.file.size <= PREVIEW_BYTES, overrides) };
    } catch (error) {
      if (!(error instanceof PreviewError)) throw error;
      if (error.problem === 'long-row' || error.problem === 'no-line-break') return await longRow(chosen, error, overrides);
      if (error.problem === 'empty-file' && chosen.workbook) return fail('error.sheet-empty', { sheet: chosen.workbook.sheets[chosen.workbook.sheet].name });
      return fail(`error.${error.problem}`);
    }
  } catch (error) {
    return fail('error.unreadable', { message: error instanceof Error ? error.message : String(error) });
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
    preview = (await readChosen(chosen.source, { encoding: preview.plan.encoding, delimiter: preview.plan.delimiter, headerRows: saved.headerRows }, chosen.workbook?.sheet)).preview ?? preview;
  }
  if (saved.roles.length !== preview.plan.roles.length) return chosen;
  preview.plan.roles = [...saved.roles];
  preview.plan.dateOrder = saved.dateOrder;
  return { ...chosen, preview, remembered: saved.savedAt };
}

function defaultName(files: readonly File[]): string {
  const first = files[0]?.name.replace(/\.(csv|tsv|txt|xlsx)$/i, '') ?? 'dataset';
  return files.length > 1 ? `${first} +${files.length - 1}` : first;
}

/**
 * The preview's code compiled before a file comes: its first run (PapaParse, the role detection)
 * took ~25 ms cold and ~8 ms warm on a 256 KB sample (in Node), most of a 100,000-row file's
 * drop → preview. Called with the import's other preparations, once the start page is idle.
 */
export function warmUpPreview(): void {
  // A made-up export of a few rows, as the big ones look: ids, timestamps, segments, Japanese comments.
  const rows = Array.from({ length: 40 }, (_, i) => `c${i}-4b2e-9d3f,2024-0${1 + (i % 9)}-1${i % 10}T10:15:00,${(i * 7) % 11},${['Free', 'Pro'][i % 2]},${['関東', '関西'][i % 2]},${i % 3 ? 'サポートが早い' : '"高い, でも満足"'}`);
  previewFile(new TextEncoder().encode(['customer_id,answered_at,score,plan,region,comment', ...rows].join('\n')), true);
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
  /** A big import's answers counted from scores and dates while the rest is built (FirstLook.svelte). */
  firstLook = $state.raw<FirstLookSummary | null>(null);
  startedAt = $state(0);
  /** Why the import failed (status 'failed'). */
  failure = $state<Notice | null>(null);
  /** The last import's answers being stored: resolves when they are (rejects if they could not be). */
  stored: Promise<DatasetRecord> | null = null;
  name = $state('');
  #running: RunningImport | null = null;

  readonly ready = $derived(this.files.length > 0 && this.files.every((f) => f.preview?.plan.roles.includes('score')));
  readonly totalBytes = $derived(this.files.reduce((s, f) => s + f.file.size, 0));
  readonly bigFiles = $derived(this.files.filter((f) => f.file.size >= BIG_FILE_BYTES));

  async choose(files: File[]): Promise<void> {
    this.reset();
    if (!files.length) return;
    this.status = 'previewing';
    this.name = defaultName(files);
    this.files = await Promise.all(files.map(async (f) => withRememberedMapping(await readChosen(f))));
    this.status = 'ready';
  }

  async reread(index: number, overrides: PlanOverrides): Promise<void> {
    const chosen = this.files[index];
    const plan = chosen.preview?.plan;
    this.files[index] = await readChosen(chosen.source, { encoding: plan?.encoding, delimiter: plan?.delimiter, ...overrides }, chosen.workbook?.sheet);
  }

  /** Reads another sheet of a workbook (its columns are detected afresh, or as remembered). */
  async chooseSheet(index: number, sheet: number): Promise<void> {
    const chosen = this.files[index];
    this.status = 'previewing';
    this.files[index] = await withRememberedMapping(await readChosen(chosen.source, {}, sheet));
    this.status = 'ready';
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
    this.firstLook = null;
    this.startedAt = performance.now();
    this.failure = null;
    try {
      const running = startImport({ files: this.files.map((f) => f.file), plans, target: importTarget, keepIdentical: this.keepIdentical }, {
        progress: (share, rows) => {
          this.progress = share;
          this.rowsRead = rows;
        },
        firstLook: (look) => {
          this.firstLook = firstLookSummary(look);
          // The time left is worked out from the pass that follows, which starts now.
          this.startedAt = performance.now();
          this.progress = 0;
        },
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
    this.firstLook = null;
    this.failure = null;
    this.employee = false;
  }
}
