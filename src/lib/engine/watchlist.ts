/**
 * The silent churn watch-list: customers whose answers point towards leaving before they become
 * detractors in the headline, or who went quiet after a bad answer.
 *
 * - falling-passive: still passive, but their score fell by ≥ 2 points over their latest answers
 *   (the fall is measured over the current downward run, so a customer who dipped and is now
 *   recovering is not flagged);
 * - promoter-to-passive: a promoter in the previous wave they answered, passive in their last;
 * - silent-after-detractor: their last answer was a detractor and they did not answer the latest
 *   wave. Silence after a complaint is the strongest signal, so these come first, longest silent
 *   first; everything else is ranked by the size of the drop.
 *
 * One answer per customer and wave, as for transitions (latest, or the rounded mean). Per-customer
 * state lives in typed arrays indexed by customer code and the waves are walked twice in order
 * (the state, then the listed customers' histories); on its own the list reuses one pick, so
 * memory does not grow with the number of waves.
 */
import type { AnswerTable } from './answers';
import { categoryIndex, DETRACTOR, PASSIVE, PROMOTER } from './nps';
import { reusedPicks, WavePicker, type PickOf, type WavePick, type WaveRule, type Waves } from './transitions';

export type WatchReason = 'falling-passive' | 'promoter-to-passive' | 'silent-after-detractor';

export interface WatchItem {
  customer: number;
  reason: WatchReason;
  /** The score of the customer's last answered wave. */
  lastScore: number;
  /** Points lost over the current downward run of answers (0 when the last answer was not lower). */
  drop: number;
  /** Waves since the customer's last answer (0 = answered the latest wave). */
  silentWaves: number;
  /** Every wave the customer answered, in wave order. */
  history: Array<{ wave: string; score: number }>;
}

/** Walks the waves in order, handing each wave's pick to `visit`. */
function eachWave(pickOf: PickOf, waveCount: number, visit: (p: WavePick) => void): void {
  for (let w = 0; w < waveCount; w++) visit(pickOf(w));
}

export function watchList(table: AnswerTable, waves: Waves, rule: WaveRule = 'latest'): WatchItem[] {
  const picker = new WavePicker(table, waves, rule);
  // Each walk reads one wave at a time: one reused pick.
  return watchListOf(reusedPicks(picker, 1), picker.size, waves.labels);
}

/**
 * The watch-list from picks of every wave (`size`: the picks' per-customer array length): the
 * transitions view hands it the picks it has already made.
 */
export function watchListOf(pickOf: PickOf, size: number, labels: readonly string[]): WatchItem[] {
  const waveCount = labels.length;
  if (waveCount === 0) return [];
  const lastWave = new Int32Array(size).fill(-1);
  const lastScore = new Int8Array(size).fill(-1);
  const previousScore = new Int8Array(size).fill(-1);
  // Score at the start of the customer's current non-increasing run of answers.
  const runStart = new Int8Array(size).fill(-1);

  eachWave(pickOf, waveCount, (p) => {
    for (let k = 0; k < p.count; k++) {
      const c = p.customers[k], s = p.score[c];
      previousScore[c] = lastScore[c];
      // A rise starts a new run: only the fall since the last high point counts.
      if (lastWave[c] < 0 || s > lastScore[c]) runStart[c] = s;
      lastScore[c] = s;
      lastWave[c] = p.wave;
    }
  });

  const reasonOf = new Int8Array(size).fill(-1);
  const REASONS: readonly WatchReason[] = ['silent-after-detractor', 'promoter-to-passive', 'falling-passive'];
  const items: WatchItem[] = [];
  const itemOf = new Int32Array(size).fill(-1);
  for (let c = 1; c < size; c++) {
    if (lastWave[c] < 0) continue;
    const s = lastScore[c], drop = runStart[c] - s;
    const category = categoryIndex(s);
    if (category === DETRACTOR && lastWave[c] < waveCount - 1) reasonOf[c] = 0;
    else if (category === PASSIVE) {
      if (previousScore[c] >= 0 && categoryIndex(previousScore[c]) === PROMOTER) reasonOf[c] = 1;
      else if (drop >= 2) reasonOf[c] = 2;
    }
    if (reasonOf[c] < 0) continue;
    itemOf[c] = items.length;
    items.push({ customer: c, reason: REASONS[reasonOf[c]], lastScore: s, drop, silentWaves: waveCount - 1 - lastWave[c], history: [] });
  }
  if (items.length === 0) return items;

  // Second walk for the histories, of the listed customers only.
  eachWave(pickOf, waveCount, (p) => {
    const wave = labels[p.wave];
    for (let k = 0; k < p.count; k++) {
      const c = p.customers[k];
      if (itemOf[c] >= 0) items[itemOf[c]].history.push({ wave, score: p.score[c] });
    }
  });

  // What a CS manager can still act on first: customers who answered the last wave and are
  // slipping (promoters fallen to passive, then falling passives, the biggest drop first); then
  // those silent after a detractor answer, the most recently silent first — a customer silent for
  // nine waves is rarely won back by a call this week.
  const rank = (x: WatchItem) => ({ 'promoter-to-passive': 0, 'falling-passive': 1, 'silent-after-detractor': 2 })[x.reason];
  return items.sort((a, b) =>
    rank(a) - rank(b) ||
    a.silentWaves - b.silentWaves ||
    b.drop - a.drop ||
    a.lastScore - b.lastScore ||
    a.customer - b.customer,
  );
}
