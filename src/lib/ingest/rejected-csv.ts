/**
 * The rows an import left out, as a CSV to fix and import again: file, row, reason, then the
 * row's own cells under its file's headers. UTF-8 with a BOM, so Excel on Japanese Windows opens
 * it without mojibake.
 */
import { excelCsv } from './csv';

export interface RejectedRowForCsv {
  file: string;
  row: number;
  reason: string;
  cells?: string[];
}

export function rejectedRowsCsv(rows: readonly RejectedRowForCsv[], headers: readonly string[], labels: { file: string; row: string; reason: string }): string {
  // A loop, not Math.max(...rows): spreading 125,000 arguments overflowed the call stack.
  let width = headers.length;
  for (const r of rows) width = Math.max(width, r.cells?.length ?? 0);
  const header = [labels.file, labels.row, labels.reason, ...Array.from({ length: width }, (_, i) => headers[i] || `#${i + 1}`)];
  const body = rows.map((r) => [r.file, String(r.row), r.reason, ...Array.from({ length: width }, (_, i) => r.cells?.[i] ?? '')]);
  return excelCsv([header, ...body]);
}
