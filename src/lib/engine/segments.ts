/**
 * NPS per value of a segment column (plan, region, CSM…), each compared with all the other
 * answers by a two-sample test on adjusted counts (docs/methods.md §3).
 */
import type { AnswerTable, SegmentColumn } from './answers';
import { CATEGORY_INDEX, countsOf, summarise, type NpsSummary } from './nps';
import { twoSampleTest, type DifferenceTest } from './significance';
import { npsByGroup, type PeriodOptions, type PeriodSummary } from './periods';

export interface SegmentRow extends NpsSummary {
  value: string;
  /** This segment against the rest of the answers; null when either side is empty. */
  vsRest: DifferenceTest | null;
}

export function compareSegments(table: AnswerTable, column: SegmentColumn, codes: Uint16Array, include?: Uint8Array): SegmentRow[] {
  const k = column.values.length;
  const counts = new Int32Array(k * 3); // per code, in category order
  const { score, length } = table;
  // Branch-free (a filter's pattern is unpredictable): category by lookup, the mask added.
  if (include) for (let i = 0; i < length; i++) counts[codes[i] * 3 + CATEGORY_INDEX[score[i]]] += include[i];
  else for (let i = 0; i < length; i++) counts[codes[i] * 3 + CATEGORY_INDEX[score[i]]]++;
  const total = [0, 0, 0];
  for (let c = 0; c < k * 3; c++) total[c % 3] += counts[c];
  const all = countsOf(total, 0);
  const rows: SegmentRow[] = [];
  for (let c = 0; c < k; c++) {
    const mine = countsOf(counts, c * 3);
    if (mine.promoters + mine.passives + mine.detractors === 0) continue;
    const rest = { promoters: all.promoters - mine.promoters, passives: all.passives - mine.passives, detractors: all.detractors - mine.detractors };
    rows.push({ value: column.values[c], ...summarise(mine), vsRest: twoSampleTest(mine, rest) });
  }
  return rows.sort((a, b) => (b.nps ?? -Infinity) - (a.nps ?? -Infinity));
}

/** Segments whose answers come from different countries, languages or cultures answer differently. */
export function comparesCultures(name: string): boolean {
  return /country|nation|language|locale|culture|region|国|言語|地域|海外/i.test(name);
}

/** Everything the segments view shows for one segment column. */
export interface SegmentsView {
  /** Every value against the rest, best NPS first. */
  rows: SegmentRow[];
  /** The largest values (by answers), each with its NPS per period, for the small multiples. */
  lines: Array<{ value: string; series: PeriodSummary[] }>;
  /** The column holds countries, languages or cultures: direct comparison needs a caution. */
  comparesCultures: boolean;
}

/** The segments view of one column: its table and the lines of its `lineCount` largest values. */
export function segmentsView(table: AnswerTable, column: SegmentColumn, codes: Uint16Array, options: PeriodOptions, include?: Uint8Array, lineCount = 8): SegmentsView {
  const rows = compareSegments(table, column, codes, include);
  const largest = [...rows].sort((a, b) => b.n - a.n).slice(0, lineCount);
  const code = new Map(column.values.map((v, c) => [v, c]));
  const lines = npsByGroup(table, codes, largest.map((r) => code.get(r.value)!), options, include).map((g, k) => ({ value: largest[k].value, series: g.series }));
  return { rows, lines, comparesCultures: comparesCultures(column.name) };
}
