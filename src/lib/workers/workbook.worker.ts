/// <reference lib="webworker" />
/**
 * Makes one sheet of an Excel workbook into a CSV file (ingest/xlsx.ts) off the main thread. Its
 * own worker, created only when a workbook is chosen: fflate and the workbook reader are then the
 * only code loaded for it, and never part of the start page.
 */
import { readWorkbook, sheetToCsv, WorkbookError } from '../ingest/xlsx';
import type { WorkbookReply, WorkbookRequest } from './messages';

const post = (reply: WorkbookReply) => (self as DedicatedWorkerGlobalScope).postMessage(reply);

self.onmessage = async (event: MessageEvent<WorkbookRequest>) => {
  const { file, sheet } = event.data;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const workbook = readWorkbook(bytes);
    const index = sheet !== undefined && sheet >= 0 && sheet < workbook.sheets.length ? sheet : workbook.first;
    let last = 0;
    const parts = sheetToCsv(bytes, workbook.sheets[index], (share) => {
      const now = performance.now();
      if (now - last > 100) post({ type: 'progress', share });
      last = now;
    });
    // Named as the workbook: the dataset lists the file the person chose.
    const csv = new File(parts as BlobPart[], file.name, { type: 'text/csv' });
    post({ type: 'done', sheets: workbook.sheets.map((s) => ({ name: s.name, hidden: s.hidden })), sheet: index, csv });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error), workbook: error instanceof WorkbookError });
  }
};
