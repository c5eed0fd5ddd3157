/**
 * What sets customers who improved apart from those who declined: for each segment column, the
 * share of each value among improvers and among decliners. (Comment topics join this once
 * comment tagging exists: the same comparison over topic mentions.)
 */
import type { AnswerTable, SegmentColumn } from './answers';

export interface DriverRow {
  column: string;
  value: string;
  improved: number;
  declined: number;
  /** Shares among improvers and among decliners, 0–1. */
  shareImproved: number;
  shareDeclined: number;
  /** shareImproved − shareDeclined, in points. */
  difference: number;
}

/** `improvers` / `decliners`: one answer index per customer (their answer in the later wave). */
export function segmentDrivers(table: AnswerTable, columns: readonly SegmentColumn[], improvers: readonly number[], decliners: readonly number[]): DriverRow[] {
  const rows: DriverRow[] = [];
  columns.forEach((column, s) => {
    const codes = table.segments[s];
    const up = new Int32Array(column.values.length), down = new Int32Array(column.values.length);
    for (const i of improvers) up[codes[i]]++;
    for (const i of decliners) down[codes[i]]++;
    column.values.forEach((value, code) => {
      if (code === 0 && !value) return;
      if (up[code] + down[code] === 0) return;
      const shareImproved = improvers.length ? up[code] / improvers.length : 0;
      const shareDeclined = decliners.length ? down[code] / decliners.length : 0;
      rows.push({ column: column.name, value, improved: up[code], declined: down[code], shareImproved, shareDeclined, difference: 100 * (shareImproved - shareDeclined) });
    });
  });
  return rows.sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference));
}
