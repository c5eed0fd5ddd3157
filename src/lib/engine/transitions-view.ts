/**
 * Every figure of the transitions view, from one call (docs/methods.md §5): the waves, the chosen
 * pair's matrix, Sankey, tests and customers per cell, every consecutive pair, what sets improvers
 * apart from decliners, and the silent-churn watch-list.
 *
 * Each wave is picked once (one answer per customer, by the wave rule) and the pick is shared by
 * every part that reads that wave; the route only renders what this returns.
 */
import type { AnswerTable, SegmentColumn } from './answers';
import { segmentDrivers, topicDrivers, type DriverRow, type TopicDriverRow } from './drivers';
import type { TopicTags } from './text/tag';
import {
  assignWaves, cellsOf, consecutiveTransitions, lostAndGained, transitionOf, WavePicks,
  type CellCustomers, type Transition, type WaveRule, type WaveSource,
} from './transitions';
import { watchListOf, type WatchItem } from './watchlist';

export interface TransitionsViewOptions {
  /** The filter: 1 = keep the answer (all when absent). */
  include?: Uint8Array;
  rule?: WaveRule;
  /** The chosen pair of waves (indices); null, absent or out of range: the last two waves. */
  a?: number | null;
  b?: number | null;
  segmentColumns?: readonly SegmentColumn[];
  /** Topic tags of the same answers: topic drivers are computed only when given. */
  tags?: TopicTags | null;
  /** Fewer customers with a value or a topic are not ranked as drivers (engine/drivers.ts). */
  minDriverCustomers?: number;
}

type Three = [number, number, number];

/** One pair of waves as a Sankey and the table of every pair show it. */
export interface PairFlows {
  /** Wave indices. */
  a: number;
  b: number;
  transition: Transition;
  /** Per category of wave a, customers who did not answer b ("no answer in B"). */
  lost: Three;
  /** Per category of wave b, customers who did not answer a ("new in B"). */
  gained: Three;
  /** Improved, stable and worsened as percentages of the paired customers; null when none. */
  percent: { improved: number; stable: number; worsened: number } | null;
}

/** The pair chosen in the view, with what its matrix and drill-down show. */
export interface ChosenPair extends PairFlows {
  /** cells[from][to]: categories 0–2, index 3 for "new in B" (from) / "no answer in B" (to). */
  cells: CellCustomers[][];
  /** Per category of wave a: everyone who answered a (paired plus lost). */
  rowTotals: Three;
  /** rowPercent[i][j], j 0–2 the matrix, 3 "no answer in B": percent of row i; null when empty. */
  rowPercent: Array<Array<number | null>>;
  /** Wave-b answer of every customer who changed category: up (improved) and down (worsened). */
  movers: { up: number[]; down: number[] };
}

export interface TransitionsView {
  labels: string[];
  source: WaveSource;
  /** The chosen pair as resolved (defaults applied). */
  a: number;
  b: number;
  /** Null with fewer than two waves, or when a = b. */
  chosen: ChosenPair | null;
  /** Wave 0 → 1, 1 → 2, …: the small Sankeys and the table of every pair. */
  pairs: PairFlows[];
  /** Segment values by the gap between their share of improvers and of decliners (the largest 12). */
  drivers: DriverRow[];
  /** Comment topics of improvers and decliners; empty without tags. */
  topicDrivers: TopicDriverRow[];
  watch: WatchItem[];
}

/** Segment values shown: the largest gaps. */
const DRIVERS_SHOWN = 12;

/** (100·x)/n, as the view has always printed its percentages; null for n = 0. */
const percentOf = (x: number, n: number): number | null => (n ? (100 * x) / n : null);

function pairFlows(a: number, b: number, transition: Transition, flows: { lost: Three; gained: Three }): PairFlows {
  const { paired, improved, stable, worsened } = transition;
  const percent = paired ? { improved: (100 * improved) / paired, stable: (100 * stable) / paired, worsened: (100 * worsened) / paired } : null;
  return { a, b, transition, ...flows, percent };
}

export function transitionsView(table: AnswerTable, options: TransitionsViewOptions = {}): TransitionsView {
  const rule = options.rule ?? 'latest';
  const waves = assignWaves(table, undefined, options.include);
  const { labels, source } = waves;
  const count = labels.length;
  const inRange = (w: number | null | undefined): w is number => w != null && Number.isInteger(w) && w >= 0 && w < count;
  // A filter can leave fewer waves than an earlier choice named: then the default pair.
  const a = inRange(options.a) ? options.a : Math.max(0, count - 2);
  const b = inRange(options.b) ? options.b : Math.max(0, count - 1);
  const picks = new WavePicks(table, waves, rule);
  const pickOf = picks.of;

  const pairs = consecutiveTransitions(labels, pickOf).map((t, w) => pairFlows(w, w + 1, t, lostAndGained(pickOf(w), pickOf(w + 1))));
  const watch = watchListOf(pickOf, picks.size, labels);
  const view: TransitionsView = { labels, source, a, b, chosen: null, pairs, drivers: [], topicDrivers: [], watch };
  if (count < 2 || a === b) return view;

  const pa = pickOf(a), pb = pickOf(b);
  const chosen = pairFlows(a, b, transitionOf(labels[a], labels[b], pa, pb), lostAndGained(pa, pb));
  const cells = cellsOf(pa, pb);
  const { counts } = chosen.transition;
  const rowTotals = [0, 1, 2].map((i) => counts[i][0] + counts[i][1] + counts[i][2] + chosen.lost[i]) as Three;
  const rowPercent = [0, 1, 2].map((i) => [...counts[i], chosen.lost[i]].map((x) => percentOf(x, rowTotals[i])));
  // Improvers and decliners by their answer in the later wave (what their segments and comments are).
  const up: number[] = [], down: number[] = [];
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (i !== j) for (const r of cells[i][j]) (j > i ? up : down).push(r.toAnswer);
  view.chosen = { ...chosen, cells, rowTotals, rowPercent, movers: { up, down } };
  view.drivers = segmentDrivers(table, options.segmentColumns ?? [], up, down, options.minDriverCustomers).slice(0, DRIVERS_SHOWN);
  if (options.tags) view.topicDrivers = topicDrivers(options.tags, up, down, options.minDriverCustomers);
  return view;
}
