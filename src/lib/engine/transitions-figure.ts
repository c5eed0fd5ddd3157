/**
 * The Transitions view's figure as it travels from the figures worker: its per-customer lists
 * packed into typed arrays. At a million answers the watch-list holds ~60,000 customers, each
 * with its history; as objects, copying it to the page took ~120 ms of the page's time, as a few
 * typed arrays it takes under one. The view unpacks only what it draws: the hundred rows of the
 * watch-list on screen, the one cell of the matrix someone opened.
 */
import type { CellCustomers } from './transitions';
import type { ChosenPair, TransitionsView } from './transitions-view';
import type { WatchItem, WatchReason } from './watchlist';

const REASONS: readonly WatchReason[] = ['falling-passive', 'promoter-to-passive', 'silent-after-detractor'];

/** The watch-list as columns, in its order; item k's history is entries historyEnds[k − 1] … historyEnds[k]. */
export interface WatchColumns {
  length: number;
  customer: Uint32Array;
  reason: Uint8Array;
  lastScore: Int8Array;
  drop: Int16Array;
  silentWaves: Int32Array;
  historyEnds: Uint32Array;
  /** Index into `labels`. */
  historyWave: Uint16Array;
  historyScore: Int8Array;
  labels: string[];
}

export type TransitionsFigure = Omit<TransitionsView, 'watch' | 'chosen'> & {
  watch: WatchColumns;
  /** The chosen pair; `cells[4 · from + to]` holds the cell's customers as triples (customer, fromAnswer, toAnswer). */
  chosen: (Omit<ChosenPair, 'cells' | 'movers'> & { cells: Int32Array[] }) | null;
};

function packWatch(items: readonly WatchItem[], labels: readonly string[]): WatchColumns {
  const n = items.length;
  const waveOf = new Map(labels.map((label, w) => [label, w]));
  const out: WatchColumns = {
    length: n, customer: new Uint32Array(n), reason: new Uint8Array(n), lastScore: new Int8Array(n), drop: new Int16Array(n), silentWaves: new Int32Array(n),
    historyEnds: new Uint32Array(n), historyWave: new Uint16Array(items.reduce((s, x) => s + x.history.length, 0)), historyScore: new Int8Array(0), labels: [...labels],
  };
  out.historyScore = new Int8Array(out.historyWave.length);
  let at = 0;
  items.forEach((item, k) => {
    out.customer[k] = item.customer;
    out.reason[k] = REASONS.indexOf(item.reason);
    out.lastScore[k] = item.lastScore;
    out.drop[k] = item.drop;
    out.silentWaves[k] = item.silentWaves;
    for (const h of item.history) {
      out.historyWave[at] = waveOf.get(h.wave)!;
      out.historyScore[at++] = h.score;
    }
    out.historyEnds[k] = at;
  });
  return out;
}

function watchItemAt(watch: WatchColumns, k: number): WatchItem {
  const history: WatchItem['history'] = [];
  for (let h = k ? watch.historyEnds[k - 1] : 0; h < watch.historyEnds[k]; h++) history.push({ wave: watch.labels[watch.historyWave[h]], score: watch.historyScore[h] });
  return { customer: watch.customer[k], reason: REASONS[watch.reason[k]], lastScore: watch.lastScore[k], drop: watch.drop[k], silentWaves: watch.silentWaves[k], history };
}

/** Items `from` … `to` (exclusive) of the list, unpacked. */
export function watchItems(watch: WatchColumns, from = 0, to = watch.length): WatchItem[] {
  const out: WatchItem[] = [];
  for (let k = from; k < Math.min(to, watch.length); k++) out.push(watchItemAt(watch, k));
  return out;
}

/** The customers of one cell: `from`, `to` 0–2 the categories, 3 "new in B" / "no answer in B". */
export function cellAt(cells: readonly Int32Array[], from: number, to: number): CellCustomers {
  const packed = cells[4 * from + to], out: CellCustomers = [];
  for (let k = 0; k < packed.length; k += 3) out.push({ customer: packed[k], fromAnswer: packed[k + 1], toAnswer: packed[k + 2] });
  return out;
}

export function packTransitions(view: TransitionsView): TransitionsFigure {
  const watch = packWatch(view.watch, view.labels);
  if (!view.chosen) return { ...view, watch, chosen: null };
  const { cells, movers: _movers, ...chosen } = view.chosen;
  const packed = cells.flatMap((row) => row.map((list) => Int32Array.from(list.flatMap((r) => [r.customer, r.fromAnswer, r.toAnswer]))));
  return { ...view, watch, chosen: { ...chosen, cells: packed } };
}
