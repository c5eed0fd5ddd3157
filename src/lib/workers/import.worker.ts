/// <reference lib="webworker" />
/**
 * The import worker: reads the chosen files, builds the answer columns and stores them, all off
 * the main thread, so the page keeps answering clicks. Cancel terminates it: an IndexedDB
 * transaction that has not committed is then aborted, so nothing of the import is stored.
 */
import { runImport } from './import-job';
import type { ImportReply, ImportRequest } from './messages';

const post = (reply: ImportReply) => (self as DedicatedWorkerGlobalScope).postMessage(reply);

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
      // A copy, not a transfer: the worker still needs the columns to store them.
      ready: (record, table) => post({ type: 'ready', record, table }),
      stored: (record) => post({ type: 'stored', record }),
    });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
