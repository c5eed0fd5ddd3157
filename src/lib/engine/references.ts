/**
 * Reference lines on the trend (docs/methods.md §6.12): a target the company sets itself, and
 * industry figures with their source and year. They are drawn beside the line, never tested
 * against it: another survey's question, timing and population differ, so the company's own line
 * over time is the comparison that counts.
 */
export type ReferenceKind = 'target' | 'benchmark';
export const REFERENCE_KINDS: readonly ReferenceKind[] = ['target', 'benchmark'];

export interface ReferenceLine {
  id: string;
  datasetId: string;
  kind: ReferenceKind;
  /** NPS, points from −100 to 100. */
  value: number;
  label: string;
  /** A benchmark's source (a report, a panel) and the year it describes. */
  source?: string;
  year?: number;
}

/** What a person typed, before it is a stored line. */
export interface ReferenceDraft {
  kind: ReferenceKind;
  value: string;
  label: string;
  source: string;
  year: string;
}

export type ReferenceProblem = 'value' | 'year' | 'source';

/**
 * The line a draft makes, or what is wrong with it: the value must be an NPS (−100…100, a decimal
 * comma or a full-width digit is fine); a benchmark needs its source, and a year when one is
 * given must be a plausible one.
 */
export function referenceFromDraft(draft: ReferenceDraft): { line: Omit<ReferenceLine, 'id' | 'datasetId'> } | { problem: ReferenceProblem } {
  const text = draft.value.normalize('NFKC').trim().replace(',', '.').replace(/^[−–]/, '-');
  const value = /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value) || value < -100 || value > 100) return { problem: 'value' };
  const source = draft.source.trim();
  const yearText = draft.year.normalize('NFKC').trim();
  const year = yearText ? Number(yearText) : undefined;
  if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100)) return { problem: 'year' };
  if (draft.kind === 'benchmark' && !source) return { problem: 'source' };
  const label = draft.label.trim();
  return {
    line: {
      kind: draft.kind,
      value,
      label,
      ...(draft.kind === 'benchmark' ? { source, ...(year !== undefined ? { year } : {}) } : {}),
    },
  };
}

/** The NPS range the chart must show for these lines (with the series' own range). */
export function referenceDomain(lines: readonly Pick<ReferenceLine, 'value'>[]): [number, number] | null {
  if (lines.length === 0) return null;
  return [Math.min(...lines.map((l) => l.value)), Math.max(...lines.map((l) => l.value))];
}
