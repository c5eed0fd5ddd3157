/**
 * Reading the chosen files into answers, with big files split between this worker and a second
 * one. Small files, UTF-16 files and files whose quotes make a safe split impossible are read by
 * this worker alone; the result is the same either way (merge.test.ts).
 */
import ScanWorker from './scan.worker.ts?worker';
import type { SegmentColumn } from '../engine/answers';
import { AnswerBuilder, bomLength, firstLookOfBytes, type BuiltAnswers } from '../ingest/build';
import { mergeFirstLooks, type FirstLook } from '../engine/first-look';
import { letGo } from '../engine/let-go';
import { tableBuffers, tableFromWire } from '../engine/answers';
import { decodeText } from '../ingest/encoding';
import { mergeHalves } from '../ingest/merge';
import { canScanBytes } from '../ingest/pipeline';
import { buildPart, readRange } from '../ingest/read-in-pieces';
import { identityOfPlans, type FilePlan } from '../ingest/preview';
import { DELIMITER_BYTES, splitPoint, type ScanEncoding } from '../ingest/scanner';
import type { ScanReply, ScanRequest } from './messages';

/** Below this a second worker costs more than it saves. */
const SPLIT_BYTES = 8 << 20;

export interface ReadOptions {
  segments?: readonly SegmentColumn[];
  firstId: number;
  fileOffset: number;
  onProgress: (share: number, rows: number) => void;
  /**
   * Given, the answers of one big file are first counted from their scores and dates (a quarter
   * of the reading's time) and handed here before they are built: the page shows them meanwhile.
   */
  onFirstLook?: (look: FirstLook) => void;
}

/** From this size a first look is worth its pass over the bytes (it delays the rest by ~15%). */
const FIRST_LOOK_BYTES = 8 << 20;

interface ScanReader {
  worker: Worker;
  /** Resolves when the worker's code is loaded and it listens (true), or failed to load (false). */
  listening: Promise<boolean>;
}

function spawnScanReader(): ScanReader {
  const worker = new ScanWorker();
  const listening = new Promise<boolean>((resolve) => {
    const once = (event: MessageEvent<ScanReply>) => {
      if (event.data.type !== 'ready') return;
      worker.removeEventListener('message', once);
      resolve(true);
    };
    worker.addEventListener('message', once);
    // A worker whose script fails to load never says it is ready: its error ends the wait,
    // even when it came before the reader was used (secondReader fails the import then).
    worker.addEventListener('error', () => resolve(false), { once: true });
  });
  return { worker, listening };
}

let spare: ScanReader | null = null;

/**
 * Starts the second reader before any file is chosen (the import worker calls this when it is
 * warmed up at page load): a big file's second half then starts at once instead of after the
 * worker's start-up (docs/methods.md §10.6: two readers, the second started at page load).
 */
export function warmScanWorker(): void {
  spare ??= spawnScanReader();
}

interface SecondReader {
  /** Says where the second half starts (at or after `from`); resolves once the reader runs. */
  begin(start: number): Promise<void>;
  /** The file cannot be split after all: one reader reads it. */
  cancel(): void;
  result: Promise<BuiltAnswers>;
  look: Promise<FirstLook>;
}

/**
 * Starts the second reader on the file from `from` at once, so that reading its bytes overlaps
 * the first reader's reading of its own (before, it waited for the split point: ~12 ms of a
 * 100,000-row import's ~120, ~0.1 s of a million's).
 */
function secondReader(file: File, from: number, plan: FilePlan, identity: ReturnType<typeof identityOfPlans>, firstLook: boolean): SecondReader {
  const { worker, listening } = spare ?? spawnScanReader();
  spare = null;
  let running: () => void = () => {};
  const started = new Promise<void>((resolve) => (running = resolve));
  let looked: (look: FirstLook) => void = () => {};
  let lookFailed: (error: Error) => void = () => {};
  const look = new Promise<FirstLook>((resolve, reject) => ((looked = resolve), (lookFailed = reject)));
  look.catch(() => {}); // the same failure rejects `result`
  let resultFailed: (error: Error) => void = () => {};
  // Whenever it fails: nothing of it is awaited in vain, whichever step the first reader is at.
  const fail = (error: Error) => {
    worker.terminate();
    running();
    lookFailed(error);
    resultFailed(error);
  };
  const result = new Promise<BuiltAnswers>((resolve, reject) => {
    resultFailed = reject;
    worker.onmessage = (event: MessageEvent<ScanReply>) => {
      if (event.data.type === 'ready') return;
      if (event.data.type === 'started') {
        running();
        return;
      }
      if (event.data.type === 'first-look') {
        looked(event.data.look);
        return;
      }
      if (event.data.type === 'done') {
        worker.terminate();
        resolve({ ...event.data.built, table: tableFromWire(event.data.built.table) });
      } else fail(new Error(event.data.message));
    };
    worker.onerror = (event) => fail(new Error(event.message || 'scan worker error'));
  });
  worker.postMessage({ kind: 'read', file, from, plan, identity, firstLook } satisfies ScanRequest);
  result.catch(() => {}); // awaited only once the split is made
  void listening.then((ok) => ok || fail(new Error('the second reader did not start')));
  return {
    async begin(start) {
      await listening;
      worker.postMessage({ kind: 'split', start } satisfies ScanRequest);
      await started;
    },
    cancel: () => worker.terminate(),
    result,
    look,
  };
}

/**
 * Past the midpoint, how far the first reader reads to find the line end to split at: a 32nd of
 * the file, 1–4 MB (a row longer than that makes one reader read the file). Its bytes are read
 * for nothing else: 4 MB was a third more for the first reader of a 19 MB file.
 */
const splitMargin = (size: number) => Math.min(4 << 20, Math.max(1 << 20, Math.ceil(size / 32)));


/**
 * Reads the files one after the other, each only when its turn comes (its bytes are let go after
 * it), and a big one in two halves: this worker reads the first half (and a margin to find the
 * line end to split at), the second reader the rest, so the file is held in memory once, not one
 * and a half times.
 */
export async function readFiles(files: readonly File[], plans: readonly FilePlan[], options: ReadOptions): Promise<BuiltAnswers> {
  const identity = identityOfPlans(plans);
  const total = files.reduce((s, f) => s + f.size, 0) || 1;
  let before = 0;
  let result: BuiltAnswers | null = null;
  for (let i = 0; i < files.length; i++) {
    const file = files[i], size = file.size, plan = plans[i], fileIndex = options.fileOffset + i;
    // Only the first file's builder starts from the dataset's dictionaries, so stored codes stay.
    const builder: AnswerBuilder = new AnswerBuilder(result ? [] : options.segments, 0, identity);
    const rowsBefore = result ? result.table.length + result.rejected.length : 0;
    // While a file is read in two halves, this worker sees only the first: its rows stand for the
    // whole file's in the proportion of the bytes (the progress said half the rows before).
    let rowScale = 1;
    const progress = (share: number) => options.onProgress((before + share * size) / total, rowsBefore + Math.round(builder.rowsRead * rowScale));
    let built: BuiltAnswers | null = null;
    const look = options.onFirstLook && files.length === 1 && size >= FIRST_LOOK_BYTES && canScanBytes(plan) ? options.onFirstLook : null;
    if (canScanBytes(plan) && size >= SPLIT_BYTES) {
      // The split is at or after the midpoint: the second reader reads from there meanwhile.
      const from = Math.floor(size / 2);
      const second = secondReader(file, from, plan, identity, look !== null);
      // Let go as soon as its half is built: an async function's frame keeps what it names alive
      // through its awaits, and the merge below is the import's peak of memory.
      let head: Uint8Array | null = await readRange(file, 0, Math.min(size, from + splitMargin(size)));
      const start = bomLength(head, plan);
      const split = splitPoint(head, start + Math.floor((size - start) / 2), { delimiter: DELIMITER_BYTES[plan.delimiter], start, encoding: plan.encoding as ScanEncoding });
      // A split at the head's very end may be a CR whose LF the head does not hold: one reader then.
      if (split > start && split < head.length && split >= from) {
        await second.begin(split);
        if (look) look(mergeFirstLooks(firstLookOfBytes(plan, head, { start, end: split, rowsBefore: 0 }), await second.look));
        const other = second.result;
        // The first half's progress stands for both: they run side by side at the same pace.
        rowScale = (size - start) / (split - start);
        // Built from the head, or (a big half) read again piece by piece once the head is let go.
        const { records } = await buildPart(builder, fileIndex, plan, file, { start, end: split, rowsBefore: 0 }, { bytes: head, from: 0 }, progress);
        head = null;
        rowScale = 1;
        // Finished while the second reader may still be at work.
        const first = builder.finish();
        const secondHalf = await other;
        secondHalf.table.file.fill(fileIndex);
        secondHalf.rejected.forEach((r) => (r.file = fileIndex));
        const secondCounts = secondHalf.fileCounts[0] ?? { accepted: 0, rejected: 0, blank: 0 };
        secondHalf.fileCounts = [];
        secondHalf.fileCounts[fileIndex] = secondCounts;
        built = mergeHalves(first, secondHalf, records, 0);
        // The halves were copied into the merged columns: their memory goes now, not at a collection.
        letGo(...tableBuffers(first.table), ...tableBuffers(secondHalf.table));
      } else {
        second.cancel();
        // One reader reads the file whole below: the head goes first.
        letGo(head);
        head = null;
      }
    }
    if (!built) {
      // Small files, files whose quotes make a split unsafe, and decoded text: one reader.
      const bytes = await readRange(file, 0, size);
      if (look) look(firstLookOfBytes(plan, bytes));
      if (canScanBytes(plan)) builder.addFileBytes(fileIndex, plan, bytes, progress);
      else builder.addText(fileIndex, plan, decodeText(bytes, plan.encoding), progress);
      letGo(bytes);
      built = builder.finish();
    }
    const done: BuiltAnswers = built;
    result = result ? mergeHalves(result, done, 0, 0) : done;
    before += size;
  }
  const merged = result!;
  for (let i = 0; i < merged.table.length; i++) merged.table.id[i] = options.firstId + i;
  return merged;
}
