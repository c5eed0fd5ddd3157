/**
 * The app-wide filter: a date range, segment values and waves. Every view computes over the
 * answers it keeps, given as a byte mask so a million answers filter in a few milliseconds.
 */
import type { AnswerTable, SegmentColumn } from './answers';
import { textAt } from './text-column';

export interface AnswerFilter {
  /** Inclusive day numbers; null for open ends. */
  fromDay: number | null;
  toDay: number | null;
  /** Segment name → values kept (an empty list keeps all). */
  segments: Record<string, string[]>;
  waves: string[];
}

export const NO_FILTER: AnswerFilter = { fromDay: null, toDay: null, segments: {}, waves: [] };

export function isFiltered(f: AnswerFilter): boolean {
  return f.fromDay !== null || f.toDay !== null || f.waves.length > 0 || Object.values(f.segments).some((v) => v.length > 0);
}

/** Beyond any day an answer has (±1.4 million years from 1970), above NO_DAY, within V8's small integers. */
const OPEN_END = 1 << 29;

/** 1 for each answer the filter keeps, or undefined when it keeps them all. */
export function filterMask(table: AnswerTable, columns: readonly SegmentColumn[], f: AnswerFilter): Uint8Array | undefined {
  if (!isFiltered(f)) return undefined;
  const mask = new Uint8Array(table.length).fill(1);
  const n = table.length;
  if (f.fromDay !== null || f.toDay !== null) {
    // Open ends as bounds no real day reaches, still small integers to V8 (the unsigned span this
    // replaced was a boxed number): NO_DAY (the smallest Int32) falls below any start.
    const from = f.fromDay ?? -OPEN_END, to = f.toDay ?? OPEN_END;
    const day = table.day;
    for (let i = 0; i < n; i++) {
      const d = day[i];
      mask[i] = d >= from && d <= to ? 1 : 0;
    }
  }
  for (const [name, values] of Object.entries(f.segments)) {
    const s = columns.findIndex((c) => c.name === name);
    if (s < 0 || values.length === 0) continue;
    // Codes kept, as a lookup table: one typed read per answer.
    const keep = new Uint8Array(columns[s].values.length);
    columns[s].values.forEach((v, code) => (keep[code] = values.includes(v) ? 1 : 0));
    const codes = table.segments[s];
    for (let i = 0; i < n; i++) mask[i] &= keep[codes[i]];
  }
  if (f.waves.length) {
    const waves = new Set(f.waves);
    for (let i = 0, len = table.length; i < len; i++) if (mask[i] && !waves.has(textAt(table.wave, i))) mask[i] = 0;
  }
  return mask;
}

/** How many answers a mask keeps. */
export function countKept(mask: Uint8Array): number {
  let kept = 0;
  for (let i = 0, n = mask.length; i < n; i++) kept += mask[i];
  return kept;
}
