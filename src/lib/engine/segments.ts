/**
 * NPS per value of a segment column (plan, region, CSM…), each compared with all the other
 * answers by a two-sample test on adjusted counts (docs/methods.md §3), customers counted as
 * customers (§11), the column's values one family of tests (§12), each difference with its
 * interval and the difference it could have detected (§13).
 */
import type { AnswerTable, SegmentColumn } from './answers';
import { CATEGORY_INDEX, countsOf, summarise, type CategoryCounts, type NpsSummary } from './nps';
import { twoSampleTest, type DifferenceTest } from './significance';
import { clusteredNps, designEffectsByGroup } from './clustered';
import { ALPHA, benjaminiHochberg, omnibusTest } from './many-tests';
import { differenceInterval, minimumDetectableDifference } from './power';
import type { ChiSquareTest } from './stuart-maxwell';
import { npsByGroup, type PeriodOptions, type PeriodSummary } from './periods';

export interface SegmentRow extends NpsSummary {
  value: string;
  /**
   * This value against the rest of the answers (adjusted two-sample test, each side's counts
   * divided by its design effect when customers answered more than once); null when either side
   * is empty.
   */
  vsRest: DifferenceTest | null;
  /** Benjamini–Hochberg q of `vsRest.p` among the column's values (one family). */
  q: number | null;
  /** 95% interval of the difference from the rest, points. */
  differenceCi95: [number, number] | null;
  /** The smallest difference from the rest this value's answers could have shown (80% power). */
  mdd: number | null;
  /** How many times its answers overstate the information (customers answering more than once). */
  designEffect: number;
  /** Called higher or lower: q < 0.05, and the column's values differ at all (omnibus p < 0.05). */
  differs: boolean;
}

export interface SegmentComparison {
  /** Every value with answers, best NPS first. */
  rows: SegmentRow[];
  /** Do the values differ in their mix at all? χ² of values × categories on effective counts. */
  omnibus: ChiSquareTest | null;
  /** Of all the kept answers. */
  designEffect: number;
}

/** NPS of every value of a column and each value against the rest, as one family of tests. */
export function compareSegmentValues(table: AnswerTable, column: SegmentColumn, codes: Uint16Array, include?: Uint8Array): SegmentComparison {
  const k = column.values.length;
  const counts = new Int32Array(k * 3); // per code, in category order
  const { score, length } = table;
  // Branch-free (a filter's pattern is unpredictable): category by lookup, the mask added.
  if (include) for (let i = 0; i < length; i++) counts[codes[i] * 3 + CATEGORY_INDEX[score[i]]] += include[i];
  else for (let i = 0; i < length; i++) counts[codes[i] * 3 + CATEGORY_INDEX[score[i]]]++;
  const total = [0, 0, 0];
  for (let c = 0; c < k * 3; c++) total[c % 3] += counts[c];
  const all = countsOf(total, 0);
  // Customers answering more than once, within a value and in the rest (docs/methods.md §11).
  const effects = designEffectsByGroup(score, table.customer, codes, k, include);
  const overall = clusteredNps(score, table.customer, include).designEffect;
  const shrink = (c: CategoryCounts, by: number): CategoryCounts => ({ promoters: c.promoters / by, passives: c.passives / by, detractors: c.detractors / by });
  const rows: Array<Omit<SegmentRow, 'q' | 'differs'>> = [];
  for (let c = 0; c < k; c++) {
    const mine = countsOf(counts, c * 3);
    if (mine.promoters + mine.passives + mine.detractors === 0) continue;
    const rest = { promoters: all.promoters - mine.promoters, passives: all.passives - mine.passives, detractors: all.detractors - mine.detractors };
    const a = shrink(mine, effects.group[c]), b = shrink(rest, effects.rest[c]);
    rows.push({ value: column.values[c], ...summarise(mine), vsRest: twoSampleTest(a, b), differenceCi95: differenceInterval(a, b), mdd: minimumDetectableDifference(a, b), designEffect: effects.group[c] });
  }
  // Rao–Scott's first-order correction: the table's counts over the overall design effect.
  const omnibus = omnibusTest(rows.map((r) => shrink(r, overall)));
  const tested = rows.filter((r) => r.vsRest);
  const qs = benjaminiHochberg(tested.map((r) => r.vsRest!.p));
  const qOf = new Map(tested.map((r, i) => [r, qs[i]]));
  const columnDiffers = omnibus !== null && omnibus.p < ALPHA;
  const full = rows.map((r): SegmentRow => {
    const q = qOf.get(r) ?? null;
    return { ...r, q, differs: columnDiffers && q !== null && q < ALPHA };
  });
  return { rows: full.sort((a, b) => (b.nps ?? -Infinity) - (a.nps ?? -Infinity)), omnibus, designEffect: overall };
}

export function compareSegments(table: AnswerTable, column: SegmentColumn, codes: Uint16Array, include?: Uint8Array): SegmentRow[] {
  return compareSegmentValues(table, column, codes, include).rows;
}

/** Segments whose answers come from different countries, languages or cultures answer differently. */
export function comparesCultures(name: string): boolean {
  return /country|nation|language|locale|culture|region|国|言語|地域|海外/i.test(name);
}

/** Everything the segments view shows for one segment column. */
export interface SegmentsView extends SegmentComparison {
  /** The largest values (by answers), each with its NPS per period, for the small multiples. */
  lines: Array<{ value: string; series: PeriodSummary[] }>;
  /** The column holds countries, languages or cultures: direct comparison needs a caution. */
  comparesCultures: boolean;
}

/** The segments view of one column: its table and the lines of its `lineCount` largest values. */
export function segmentsView(table: AnswerTable, column: SegmentColumn, codes: Uint16Array, options: PeriodOptions, include?: Uint8Array, lineCount = 8): SegmentsView {
  const comparison = compareSegmentValues(table, column, codes, include);
  const rows = comparison.rows;
  const largest = [...rows].sort((a, b) => b.n - a.n).slice(0, lineCount);
  const code = new Map(column.values.map((v, c) => [v, c]));
  const lines = npsByGroup(table, codes, largest.map((r) => code.get(r.value)!), options, include).map((g, k) => ({ value: largest[k].value, series: g.series }));
  return { ...comparison, lines, comparesCultures: comparesCultures(column.name) };
}
