import { excelCsv } from '../ingest/csv';

/** Saves a Blob (a backup, a picture, a text) as a file, through a same-origin blob: URL (no request leaves the page). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves text as a file. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** Saves rows as a CSV that Excel opens as it is (ingest/csv.ts `excelCsv`). */
export function downloadCsv(fileName: string, rows: readonly (readonly string[])[]): void {
  downloadText(fileName, excelCsv(rows), 'text/csv;charset=utf-8');
}
