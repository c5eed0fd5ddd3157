/**
 * Like for like: NPS asked after a support ticket is not NPS asked in a yearly relationship
 * survey. When the answers a view counts come from more than one touchpoint, every comparison and
 * trend of them mixes the two — which the view says (and offers to filter to one).
 */
import type { AnswerTable, SegmentColumn } from './answers';

export interface TouchpointMix {
  column: string;
  /** The touchpoints among the kept answers, most answers first, with their counts. */
  values: Array<{ value: string; n: number }>;
}

/** The touchpoints the kept answers come from, when more than one; null otherwise. */
export function mixedTouchpoints(table: AnswerTable, columns: readonly SegmentColumn[], include?: Uint8Array): TouchpointMix | null {
  const s = columns.findIndex((c) => c.touchpoint);
  if (s < 0) return null;
  const codes = table.segments[s];
  const counts = new Int32Array(columns[s].values.length);
  for (let i = 0, n = table.length; i < n; i++) if (!include || include[i]) counts[codes[i]]++;
  const values = columns[s].values
    .map((value, code) => ({ value, n: counts[code] }))
    .filter((v, code) => code > 0 && v.n > 0)
    .sort((a, b) => b.n - a.n);
  return values.length > 1 ? { column: columns[s].name, values } : null;
}
