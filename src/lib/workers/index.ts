/**
 * Every worker of the app is created here, through Vite's `?worker` import: it works in the dev
 * server, the static build and (with `?worker&inline`) a one-file build, where
 * `new URL(…, import.meta.url)` would silently fail (../shared/reference/toolchain.md).
 */
import ImportWorker from './import.worker.ts?worker';
import TextWorker from './text.worker.ts?worker';
import type { DatasetRecord } from '../db/database';
import type { AnswerTable } from '../engine/answers';
import type { ImportReply, ImportRequest, TagReply, TagRequest, WordsReply, WordsRequest, WordStats } from './messages';
import type { TopicTags } from '../engine/text/tag';

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

/**
 * Starts an import worker ahead of need (loading and compiling its code takes tens of
 * milliseconds), so the next import begins at once. Called when the import screen opens.
 */
export function warmImportWorker(): void {
  warm ??= new ImportWorker();
}

export function startImport(request: ImportRequest, onProgress: (share: number, rows: number) => void): RunningImport {
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
    if (reply.type === 'progress') onProgress(reply.share, reply.rows);
    else if (reply.type === 'ready') resolveReady({ record: reply.record, table: reply.table });
    else if (reply.type === 'stored') {
      worker.terminate();
      resolveStored(reply.record);
    } else fail(new Error(reply.message));
  };
  worker.onerror = (event) => fail(new Error(event.message || 'worker error'));
  worker.postMessage(request);
  return { ready, stored, cancel: () => fail(new ImportCancelled()) };
}

let textWorker: Worker | null = null;
let lastTag: Promise<TopicTags> | null = null;

/**
 * Tags comments in the text worker (one kept alive, so its compiled dictionary is reused).
 * Requests are answered in order; a newer request does not cancel an older one.
 */
export function tagInWorker(request: TagRequest): Promise<TopicTags> {
  textWorker ??= new TextWorker();
  const worker = textWorker;
  const previous = lastTag ?? Promise.resolve(null);
  const next = previous.catch(() => null).then(
    () =>
      new Promise<TopicTags>((resolve, reject) => {
        worker.onmessage = (event: MessageEvent<TagReply>) => (event.data.type === 'done' ? resolve(event.data.tags) : reject(new Error(event.data.message)));
        worker.onerror = (event) => reject(new Error(event.message || 'text worker error'));
        worker.postMessage(request);
      }),
  );
  lastTag = next;
  return next;
}

let wordsWorker: Worker | null = null;

/** Word frequency and keyness in a worker of their own (tiny-segmenter is the slow part). */
export function wordsInWorker(request: Omit<WordsRequest, 'words'>): Promise<WordStats> {
  wordsWorker ??= new TextWorker();
  const worker = wordsWorker;
  return new Promise<WordStats>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WordsReply>) => (event.data.type === 'words' ? resolve(event.data.stats) : reject(new Error(event.data.message)));
    worker.onerror = (event) => reject(new Error(event.message || 'text worker error'));
    worker.postMessage({ ...request, words: true } satisfies WordsRequest);
  });
}
