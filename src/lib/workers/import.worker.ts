/// <reference lib="webworker" />
/**
 * The import worker: reads the chosen files, builds the answer columns and stores them, all off
 * the main thread, so the page keeps answering clicks. Cancel terminates it: an IndexedDB
 * transaction that has not committed is then aborted, so nothing of the import is stored.
 */
import { runImport } from './import-job';
import { warmScanWorker } from './parallel-read';
import { sliceTable, tableToWire } from '../engine/answers';
import type { ImportReply, ImportRequest } from './messages';
import { isStorageFailure, storageProblem } from '../db/storage-error';

// The second reader of big files starts with this worker, so it is ready when a file comes.
warmScanWorker();

const post = (reply: ImportReply, transfer: Transferable[] = []) => (self as DedicatedWorkerGlobalScope).postMessage(reply, transfer);

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  let lastProgress = 0;
  try {
    await runImport(event.data, {
      progress(share, rows) {
        const now = performance.now();
        if (now - lastProgress < 100) return;
        lastProgress = now;
        post({ type: 'progress', share, rows });
      },
      firstLook: (look) => post({ type: 'first-look', look }),
      // Transferred, not cloned: deserialising a million answers' typed arrays on the main thread
      // took ~450 ms (measured in Chromium), receiving transferred ones ~40 ms. When the page
      // stores them the columns themselves go; when this worker does, it keeps them and the page
      // gets a copy.
      ready(record, table) {
        const given = tableToWire(event.data.inPage ? table : sliceTable(table, 0, table.length));
        post({ type: 'ready', record, table: given.table }, given.transfer);
      },
      stored: (record) => post({ type: 'stored', record }),
    });
  } catch (error) {
    // Storage failures go as a code the page words in its language (quota, changed in another tab…).
    post({ type: 'error', message: error instanceof Error ? error.message : String(error), ...(isStorageFailure(error) ? { problem: storageProblem(error) } : {}) });
  }
};
