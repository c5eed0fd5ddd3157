import { excelCsv } from '../ingest/csv';

/** Saves text as a file through a same-origin blob: URL (no request leaves the page). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves rows as a CSV that Excel opens as it is (ingest/csv.ts `excelCsv`). */
export function downloadCsv(fileName: string, rows: readonly (readonly string[])[]): void {
  downloadText(fileName, excelCsv(rows), 'text/csv;charset=utf-8');
}
