/**
 * Every worker of the app is created here, through Vite's `?worker` import: it works in the dev
 * server, the static build and (with `?worker&inline`) a one-file build, where
 * `new URL(…, import.meta.url)` would silently fail (the inlined bundle is an IIFE, in
 * which `import.meta` is empty).
 */
import ImportWorker from './import.worker.ts?worker';
import TextWorker from './text.worker.ts?worker';
import WorkbookWorker from './workbook.worker.ts?worker';
import type { DatasetRecord } from '../engine/dataset';
import type { AnswerTable } from '../engine/answers';
import type { FirstLook } from '../engine/first-look';
import type { ImportReply, ImportRequest, TagReply, TagRequest, WordIndexRequest, WordMergeRequest, WordPatchRequest, WordsReply, WorkbookReply } from './messages';
import { sliceText, splitByText, type TextColumn } from '../engine/text-column';
import { textToWire } from '../engine/text-units';
import { textInTasks } from './copy-in-tasks';
import type { WordIndex } from '../engine/text/word-index';
import type { TopicTags } from '../engine/text/tag';
import { StorageError } from '../db/storage-error';
import { storageMode } from '../db/database';
import { appendAnswers, createDataset, loadDataset } from '../db/datasets';
import { sliceTable, tableFromWire } from '../engine/answers';
import { versionOf } from '../engine/dataset';


export interface RunningImport {
  /** Resolves when the answers are built and can be shown. */
  ready: Promise<{ record: DatasetRecord; table: AnswerTable }>;
  /** Resolves when they are stored; rejects if storing failed (nothing was then stored). */
  stored: Promise<DatasetRecord>;
  cancel(): void;
}

export class ImportCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

let warm: Worker | null = null;
/** The warmed worker failed to start (its script could not load): a new one is tried, and fails visibly. */
let warmFailed = false;

/**
 * Starts an import worker ahead of need (loading and compiling its code takes tens of
 * milliseconds), so the next import begins at once. Called when an import is near.
 */
export function warmImportWorker(): void {
  if (warm) return;
  warmFailed = false;
  warm = new ImportWorker();
  warm.addEventListener('error', () => (warmFailed = true), { once: true });
}

/**
 * A new dataset is stored by the page: the worker hands over its answers (transferred, not
 * copied) and ends, so a million answers are not held twice while they are stored, and the
 * worker's memory is given back as soon as the overview can show. An append is stored by the
 * worker, which reads the stored answers itself (cloning them to it would cost the page more).
 */
export interface ImportWatch {
  progress(share: number, rows: number): void;
  /** A big new dataset's answers counted from their scores and dates, before they are built. */
  firstLook?(look: FirstLook): void;
}

export function startImport(request: ImportRequest, watch: ImportWatch): RunningImport {
  return storageMode() === 'memory' || request.target.kind === 'new' ? startImportStoredByPage(request, watch) : startImportWorker(request, watch);
}

/** `storesItself` false: the worker only builds the answers (its `stored` never settles). */
function startImportWorker(request: ImportRequest, watch: ImportWatch, storesItself = true): RunningImport {
  if (warm && warmFailed) {
    warm.terminate();
    warm = null;
  }
  const worker = warm ?? new ImportWorker();
  warm = null;
  let rejectReady: (e: Error) => void = () => {};
  let rejectStored: (e: Error) => void = () => {};
  let resolveReady: (v: { record: DatasetRecord; table: AnswerTable }) => void = () => {};
  let resolveStored: (v: DatasetRecord) => void = () => {};
  const ready = new Promise<{ record: DatasetRecord; table: AnswerTable }>((res, rej) => { resolveReady = res; rejectReady = rej; });
  const stored = new Promise<DatasetRecord>((res, rej) => { resolveStored = res; rejectStored = rej; });
  // A caller that only awaits `ready` must not see an unhandled rejection from `stored`.
  stored.catch(() => {});
  const fail = (error: Error) => {
    worker.terminate();
    rejectReady(error);
    rejectStored(error);
  };
  worker.onmessage = (event: MessageEvent<ImportReply>) => {
    const reply = event.data;
    if (reply.type === 'progress') watch.progress(reply.share, reply.rows);
    else if (reply.type === 'first-look') watch.firstLook?.(reply.look);
    else if (reply.type === 'ready') {
      resolveReady({ record: reply.record, table: tableFromWire(reply.table) });
      if (!storesItself) worker.terminate();
    } else if (reply.type === 'stored') {
      worker.terminate();
      resolveStored(reply.record);
    } else fail(reply.problem ? new StorageError(reply.problem, reply.message) : new Error(reply.message));
  };
  worker.onerror = (event) => fail(new Error(event.message || 'worker error'));
  worker.postMessage(request);
  return { ready, stored, cancel: () => fail(new ImportCancelled()) };
}

/** Fewer answers than this are stored before the overview shows them (~10 ms: less than a frame). */
const STORE_BEFORE_SHOWING = 20_000;

/**
 * After the overview is drawn: the next frame (the navigation to the dataset and its first render
 * come first), then a task. Storing needs no idle moment: each chunk is a task of its own (db/
 * datasets.ts), so the page answers a click between two. A hidden tab draws no frames: a tenth
 * of a second, then. Fewer than STORE_BEFORE_SHOWING answers do not wait for it at all.
 */
function afterOverview(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      setTimeout(resolve, 0);
    });
  });
}

/**
 * An import the page stores: a new dataset, or any import while storage is the page's memory
 * (IndexedDB missing or blocked), which a worker cannot see. The worker reads and builds the
 * answers; the page gives it the dataset appended to and stores what comes back, in the same
 * all-or-nothing transactions.
 */
function startImportStoredByPage(request: ImportRequest, watch: ImportWatch): RunningImport {
  let stage: RunningImport | null = null;
  let cancelled = false;
  const ready = (async () => {
    const existing = request.target.kind === 'append' ? await loadDataset(request.target.id) : null;
    if (request.target.kind === 'append' && !existing) throw new StorageError('deleted', 'the dataset no longer exists');
    if (cancelled) throw new ImportCancelled();
    stage = startImportWorker({ ...request, inPage: { existing } }, watch, false);
    return { built: await stage.ready, existing };
  })();
  const store = ({ built: { record, table }, existing }: Awaited<typeof ready>) => {
    if (!existing) {
      const { answerCount: _a, chunkCount: _c, ...meta } = record;
      return createDataset(meta, table);
    }
    const added = sliceTable(table, existing.table.length, table.length);
    return appendAnswers({ ...record, answerCount: existing.record.answerCount, chunkCount: existing.record.chunkCount }, added, record.nextAnswerId, undefined, versionOf(existing.record));
  };
  // Few answers are stored before they are shown (a few milliseconds): a reload the moment the
  // overview shows must find them. Many wait for the overview: storing a million answers is half
  // a second of the page's time.
  const stored = ready.then(async (done) => {
    if (done.built.table.length >= STORE_BEFORE_SHOWING) await afterOverview();
    if (cancelled) throw new ImportCancelled();
    return store(done);
  });
  stored.catch(() => {});
  const shown = ready.then(async (done) => {
    // Shown once stored or refused (a refusal is said on the overview, as for a big import).
    if (done.built.table.length < STORE_BEFORE_SHOWING) await stored.catch(() => {});
    return done.built;
  });
  return {
    ready: shown,
    stored,
    cancel: () => {
      cancelled = true;
      (stage as RunningImport | null)?.cancel();
    },
  };
}

export interface ConvertedWorkbook {
  sheets: Array<{ name: string; hidden: boolean }>;
  sheet: number;
  /** The sheet as a UTF-8 CSV file, named as the workbook. */
  csv: File;
}

/** The workbook could not be read as one (a damaged or mislabelled file), as opposed to a crash. */
export class WorkbookUnreadable extends Error {}

/**
 * One sheet of a workbook as CSV, made in a worker of its own (started for this and ended after
 * it, so the workbook code loads only when a workbook is chosen).
 */
export function convertWorkbook(file: File, sheet?: number): Promise<ConvertedWorkbook> {
  const worker = new WorkbookWorker();
  return new Promise<ConvertedWorkbook>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkbookReply>) => {
      const reply = event.data;
      if (reply.type === 'done') resolve({ sheets: reply.sheets, sheet: reply.sheet, csv: reply.csv });
      else if (reply.type === 'error') reject(reply.workbook ? new WorkbookUnreadable(reply.message) : new Error(reply.message));
    };
    worker.onerror = (event) => reject(new Error(event.message || 'workbook worker error'));
    worker.postMessage({ file, sheet });
  }).finally(() => worker.terminate());
}

let textWorker: Worker | null = null;
let lastTag: Promise<{ tags: TopicTags; reread: number }> | null = null;

/**
 * Tags comments in the text worker (one kept alive, so its compiled dictionary is reused).
 * Requests are answered in order; a newer request does not cancel an older one.
 */
export function tagInWorker(request: TagRequest & { comment: TextColumn }): Promise<{ tags: TopicTags; reread: number }> {
  textWorker ??= new TextWorker();
  const worker = textWorker;
  const previous = lastTag ?? Promise.resolve(null);
  const next = previous.catch(() => null).then(
    () =>
      new Promise<{ tags: TopicTags; reread: number }>((resolve, reject) => {
        worker.onmessage = (event: MessageEvent<TagReply>) => {
          const reply = event.data;
          if (reply.type === 'done') resolve({ tags: reply.tags, reread: reply.reread });
          else reject(new Error(reply.message));
        };
        worker.onerror = (event) => reject(new Error(event.message || 'text worker error'));
        // Comments not yet decoded go as their code units, copied (the page's column stays as it
        // is), one piece per task and then transferred: copied as one message, a million
        // comments held the page ~90 ms with the collection it caused.
        void textInTasks(textToWire(request.comment).wire).then(({ wire, transfer }) => worker.postMessage({ ...request, comment: wire }, transfer));
      }),
  );
  lastTag = next;
  return next;
}

/** The shares' indexes joined into one by `worker` (their buffers moved to it and back). */
function mergeInWorker(worker: Worker, parts: WordIndex[]): Promise<WordIndex> {
  return new Promise<WordIndex>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WordsReply>) => {
      const reply = event.data;
      if (reply.type === 'index') resolve(reply.index);
      else if (reply.type === 'error') reject(new Error(reply.message));
    };
    worker.onerror = (event) => reject(new Error(event.message || 'text worker error'));
    worker.postMessage({ kind: 'word-merge', parts } satisfies WordMergeRequest, parts.flatMap((p) => [p.tokens.buffer as ArrayBuffer, p.ends.buffer as ArrayBuffer]));
  });
}

/** The dataset views were left: the text worker forgets the comments it kept for quick re-tagging. */
export function releaseTextWorker(): void {
  textWorker?.postMessage({ kind: 'release' });
}

/** Fewer comments than this are not worth a second worker's start-up. */
const ONE_WORKER_BELOW = 5000;

/**
 * The word index of a comment column, built by as many text workers as the machine has cores
 * (up to 4), each on a share of the text; `onProgress` gets the share of answers done.
 */
export function wordIndexInWorkers(comment: TextColumn, keep: string[], onProgress: (share: number) => void): { done: Promise<WordIndex>; cancel: () => void } {
  const n = comment.ends.length;
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
  const cuts = splitByText(comment.ends, n < ONE_WORKER_BELOW ? 1 : Math.max(1, Math.min(4, cores)));
  const workers = cuts.slice(1).map(() => new TextWorker());
  const progress = new Float64Array(workers.length);
  const stop = () => workers.forEach((w) => w.terminate());
  const parts = workers.map(
    (worker, k) =>
      new Promise<WordIndex>((resolve, reject) => {
        worker.onmessage = (event: MessageEvent<WordsReply>) => {
          const reply = event.data;
          if (reply.type === 'progress') {
            progress[k] = reply.done;
            onProgress(progress.reduce((a, b) => a + b, 0) / Math.max(1, n));
          } else if (reply.type === 'index') resolve(reply.index);
          else reject(new Error(reply.message));
        };
        worker.onerror = (event) => reject(new Error(event.message || 'text worker error'));
        // Each worker gets only its share of the text: cloning the whole column for each one was
        // the page's longest task when the words were first counted. Each share is copied in a
        // task of its own (~10 ms at a million comments), not all in the one that opened the view.
        setTimeout(() => {
          const share = textToWire(sliceText(comment, cuts[k], cuts[k + 1]));
          worker.postMessage({ kind: 'word-index', comment: share.wire, from: 0, to: cuts[k + 1] - cuts[k], keep } satisfies WordIndexRequest, share.transfer);
        }, 0);
      }),
  );
  let cancelled: (error: Error) => void = () => undefined;
  const cancellation = new Promise<never>((_, reject) => (cancelled = reject));
  const done = Promise.race([Promise.all(parts), cancellation]).then(
    async (indexes) => {
      if (indexes.length === 1) {
        stop();
        return indexes[0];
      }
      // Joined by the first share's worker, not on the page (~40 ms at a million comments).
      const merged = await Promise.race([mergeInWorker(workers[0], indexes), cancellation]);
      stop();
      return merged;
    },
    (error) => {
      stop();
      throw error;
    },
  );
  return {
    done,
    cancel: () => {
      stop();
      cancelled(new Error('cancelled'));
    },
  };
}

/** The index with the comments holding `changed` words re-tokenised (after a dictionary edit). */
export function patchWordIndexInWorker(index: WordIndex, comment: TextColumn, changed: string[], keep: string[]): Promise<{ index: WordIndex; patched: number }> {
  const worker = new TextWorker();
  return new Promise<{ index: WordIndex; patched: number }>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WordsReply>) => {
      const reply = event.data;
      if (reply.type === 'index') resolve({ index: reply.index, patched: reply.patched ?? 0 });
      else if (reply.type === 'error') reject(new Error(reply.message));
    };
    worker.onerror = (event) => reject(new Error(event.message || 'text worker error'));
    worker.postMessage({ kind: 'word-patch', index, comment: textToWire(comment).wire, changed, keep } satisfies WordPatchRequest);
  }).finally(() => worker.terminate());
}
