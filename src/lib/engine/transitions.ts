/**
 * How the same customers moved between consecutive waves (docs/methods.md §5; the report's
 * `transitions`, docs/report-schema.md).
 *
 * Waves come from the wave column when the data has one, else from calendar periods of the date.
 * Each customer counts once per wave (its latest answer), and only customers who answered both
 * waves enter the 3×3 table; the others are counted as onlyFrom / onlyTo, never imputed.
 *
 * Everything per customer is a typed array indexed by customer code (codes are 1…n, dense), and
 * answers are grouped by wave once, so a pair of waves costs the answers of those two waves only:
 * 100,000 customers × 12 waves take tens of milliseconds, where a Map keyed by strings would not.
 */
import { NO_DAY, type AnswerTable } from './answers';
import { dayRange, periodIndexOf, periodLabel } from './periods';
import { mcnemar, pairedChange, type PairedChange } from './small-samples';
import { stuartMaxwell, type ChiSquareTest } from './stuart-maxwell';
import { CATEGORIES, categoryIndex, type Category, type CategoryIndex } from './nps';
import { hasText } from './text-column';

export type WaveSource = { kind: 'column' } | { kind: 'period'; period: 'quarter' | 'month' | 'half' };
export type WaveRule = 'latest' | 'mean';
export interface Waves {
  labels: string[];
  /** Wave index of each answer, −1 when it belongs to none (no wave/date, or filtered out). */
  waveOf: Int32Array;
}
/** matrix[from][to]; rows and columns in category order (engine/nps.ts). */
export type TransitionMatrix = Record<Category, Record<Category, number>>;

export interface Transition {
  from: string;
  to: string;
  /** Customers who answered both waves; only `from`; only `to`. */
  paired: number;
  onlyFrom: number;
  onlyTo: number;
  /** matrix[from category][to category], as the report writes it. */
  matrix: TransitionMatrix;
  /** The same table as numbers, [from][to] in detractor, passive, promoter order. */
  counts: number[][];
  /** Null when no customer changed category. */
  stuartMaxwell: ChiSquareTest | null;
  /**
   * When all movement is between two categories and fewer than 25 customers moved, McNemar's
   * exact test answers "did the mix change?" better than the χ² form (docs/methods.md §14).
   */
  exactMcNemar: number | null;
  /**
   * The NPS change of the same customers (wave `to` − wave `from`): Student's t, or the exact sign
   * test when few moved or all moved one way; null with fewer than two pairs.
   */
  pairedNps: PairedChange | null;
  /** Paired customers above, on and below the diagonal (better, same, worse category). */
  improved: number;
  stable: number;
  worsened: number;
}

// ---------------------------------------------------------------------------------------------
// Waves

/** Index of the half-year since 1970 (H1 = January–June): not a period kind of periods.ts. */
const halfOf = (day: number) => Math.floor(periodIndexOf(day, { kind: 'month' }) / 6);
const halfLabel = (index: number) => `${1970 + Math.floor(index / 2)}-H${index - 2 * Math.floor(index / 2) + 1}`;

function periodWaves(table: AnswerTable, period: 'quarter' | 'month' | 'half', include?: Uint8Array): Waves {
  const { day, length } = table;
  const waveOf = new Int32Array(length).fill(-1);
  const indexOf = period === 'half' ? halfOf : (d: number) => periodIndexOf(d, { kind: period });
  const range = dayRange(table, include);
  if (!range) return { labels: [], waveOf };
  const { minDay, maxDay } = range;
  const first = indexOf(minDay);
  // Periods are chronological, so ordering them by index is ordering them by their earliest answer.
  const slot = new Int32Array(indexOf(maxDay) - first + 1).fill(-1);
  // A day → period table over the date range (real data spans a few thousand days, answers run to
  // millions), unless a stray far-off date makes the table cost more than it saves.
  const span = maxDay - minDay + 1;
  const lookup = span <= 200_000 ? Int32Array.from({ length: span }, (_, k) => indexOf(minDay + k) - first) : null;
  for (let i = 0; i < length; i++) {
    const d = day[i];
    if (d === NO_DAY || (include !== undefined && include[i] === 0)) continue;
    const p = lookup ? lookup[d - minDay] : indexOf(d) - first;
    slot[p] = 0;
    waveOf[i] = p;
  }
  // Periods without answers are not waves: renumber the used ones 0, 1, 2…
  const labels: string[] = [];
  for (let p = 0; p < slot.length; p++) {
    if (slot[p] < 0) continue;
    slot[p] = labels.length;
    labels.push(period === 'half' ? halfLabel(first + p) : periodLabel(first + p, { kind: period }));
  }
  for (let i = 0; i < length; i++) if (waveOf[i] >= 0) waveOf[i] = slot[waveOf[i]];
  return { labels, waveOf };
}

/**
 * Waves of the wave column, ordered by their earliest dated answer in the whole table (a filter
 * hides waves without kept answers but never reorders the rest); waves with no dated answer come
 * last, in order of first appearance.
 */
function columnWaves(table: AnswerTable, include?: Uint8Array): Waves {
  const { day, seconds, length } = table;
  const { text, ends } = table.wave;
  const waveOf = new Int32Array(length).fill(-1);
  const codeOf = new Map<string, number>();
  const names: string[] = [];
  // Earliest answer per wave code, over every answer (an undated answer counts as +∞).
  let firstDay = new Float64Array(16), firstSecond = new Int32Array(16), kept = new Uint8Array(16);
  let previous = '', code = -1;
  for (let i = 0; i < length; i++) {
    const start = i === 0 ? 0 : ends[i - 1], end = ends[i];
    if (end === start) continue;
    // Files list a wave's answers together: compare in place before slicing and hashing.
    if (code < 0 || end - start !== previous.length || !text.startsWith(previous, start)) {
      previous = text.slice(start, end);
      code = codeOf.get(previous) ?? -1;
      if (code < 0) {
        code = names.length;
        codeOf.set(previous, code);
        names.push(previous);
        if (code === firstDay.length) [firstDay, firstSecond, kept] = [grow(firstDay), grow(firstSecond), grow(kept)];
        firstDay[code] = Infinity;
      }
    }
    const d = day[i] === NO_DAY ? Infinity : day[i];
    if (d < firstDay[code] || (d === firstDay[code] && seconds[i] < firstSecond[code])) {
      firstDay[code] = d;
      firstSecond[code] = seconds[i];
    }
    if (include !== undefined && include[i] === 0) continue;
    kept[code] = 1;
    waveOf[i] = code;
  }
  const order = names.map((_, c) => c).filter((c) => kept[c] === 1);
  // Array.sort is stable: equal first answers keep their order of first appearance.
  order.sort((a, b) => (firstDay[a] === firstDay[b] ? firstSecond[a] - firstSecond[b] : firstDay[a] < firstDay[b] ? -1 : 1));
  // Usually the file lists waves in time order and the codes already are the ranks.
  if (order.some((c, r) => c !== r)) {
    const rank = new Int32Array(names.length).fill(-1);
    order.forEach((c, r) => (rank[c] = r));
    for (let i = 0; i < length; i++) if (waveOf[i] >= 0) waveOf[i] = rank[waveOf[i]];
  }
  return { labels: order.map((c) => names[c]), waveOf };
}

function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T): T {
  const bigger = new (a.constructor as new (n: number) => T)(2 * a.length);
  bigger.set(a);
  return bigger;
}

/**
 * Which wave each answer belongs to: the wave column when any answer has a wave, else calendar
 * quarters of the date. Periods without (kept) answers are not waves.
 */
export function assignWaves(table: AnswerTable, source?: WaveSource, include?: Uint8Array): Waves & { source: WaveSource } {
  // The packed text of a column is empty exactly when every value is.
  const chosen: WaveSource = source ?? (hasText(table.wave) ? { kind: 'column' } : { kind: 'period', period: 'quarter' });
  const waves = chosen.kind === 'column' ? columnWaves(table, include) : periodWaves(table, chosen.period, include);
  return { ...waves, source: chosen };
}

// ---------------------------------------------------------------------------------------------
// One answer per customer and wave

/** The customers who answered one wave, with the answer and score that count for each. */
export interface WavePick {
  wave: number;
  /** Customer codes in order of their first answer in the wave; `count` of them are valid. */
  customers: Int32Array;
  count: number;
  /** Per customer code: the chosen answer index, −1 when the customer did not answer. */
  answer: Int32Array;
  /** Per customer code: the score that counts (latest, or rounded mean), −1 when none. */
  score: Int8Array;
}

/**
 * Is answer i later than answer j? By date and time as written; on a tie the later file (in the
 * order chosen), then the later row. An answer without a date (NO_DAY, the smallest day) loses to
 * any dated one.
 */
export function isLater(t: AnswerTable, i: number, j: number): boolean {
  if (t.day[i] !== t.day[j]) return t.day[i] > t.day[j];
  if (t.seconds[i] !== t.seconds[j]) return t.seconds[i] > t.seconds[j];
  if (t.file[i] !== t.file[j]) return t.file[i] > t.file[j];
  if (t.row[i] !== t.row[j]) return t.row[i] > t.row[j];
  return i > j;
}

/** Answers grouped by wave (a counting sort, table order kept within a wave), and pick buffers. */
export class WavePicker {
  /** Largest customer code + 1: the size of every per-customer array. */
  readonly size: number;
  private readonly order: Int32Array;
  private readonly starts: Int32Array;
  /** Rule 'mean': running sum and number of answers per customer within the wave being picked. */
  private readonly sum: Int32Array | null;
  private readonly answerCount: Int32Array;

  constructor(private readonly table: AnswerTable, waves: Waves, rule: WaveRule = 'latest') {
    // Locals rather than property reads inside the loops: these run over every answer.
    const { customer, length } = table, { waveOf } = waves, n = waves.labels.length;
    let max = 0;
    for (let i = 0; i < length; i++) if (customer[i] > max) max = customer[i];
    this.size = max + 1;
    const starts = new Int32Array(n + 1);
    for (let i = 0; i < length; i++) if (waveOf[i] >= 0 && customer[i] > 0) starts[waveOf[i] + 1]++;
    for (let w = 0; w < n; w++) starts[w + 1] += starts[w];
    const order = new Int32Array(starts[n]);
    const at = starts.slice(0, n);
    for (let i = 0; i < length; i++) if (waveOf[i] >= 0 && customer[i] > 0) order[at[waveOf[i]]++] = i;
    this.starts = starts;
    this.order = order;
    this.sum = rule === 'mean' ? new Int32Array(this.size) : null;
    this.answerCount = rule === 'mean' ? new Int32Array(this.size) : new Int32Array(0);
  }

  /** Picks wave w, reusing `into` (another wave's pick, cleared here) when given. */
  pick(w: number, into?: WavePick): WavePick {
    const from = this.starts[w], to = this.starts[w + 1];
    const p = into ?? { wave: w, customers: new Int32Array(0), count: 0, answer: new Int32Array(this.size).fill(-1), score: new Int8Array(this.size).fill(-1) };
    for (let k = 0; k < p.count; k++) {
      const c = p.customers[k];
      p.answer[c] = -1;
      p.score[c] = -1;
    }
    if (p.customers.length < to - from) p.customers = new Int32Array(to - from);
    p.wave = w;
    p.count = 0;
    const { table, order, sum, answerCount } = this;
    for (let k = from; k < to; k++) {
      const i = order[k], c = table.customer[i], j = p.answer[c];
      if (j < 0) p.customers[p.count++] = c;
      if (j < 0 || isLater(table, i, j)) p.answer[c] = i;
      if (sum) {
        sum[c] += table.score[i];
        answerCount[c]++;
      }
    }
    for (let k = 0; k < p.count; k++) {
      const c = p.customers[k];
      if (!sum) {
        p.score[c] = table.score[p.answer[c]];
        continue;
      }
      // Mean rounded half up, in integers: floor(sum/n + 1/2) = floor((2·sum + n) / 2n).
      p.score[c] = Math.floor((2 * sum[c] + answerCount[c]) / (2 * answerCount[c]));
      sum[c] = answerCount[c] = 0;
    }
    return p;
  }
}

/** The pick of wave w, from whatever source a caller chose (a cache, or reused buffers). */
export type PickOf = (wave: number) => WavePick;

/**
 * Every wave picked at most once and kept: a view that reads each wave for its chosen pair, its
 * cells, every consecutive pair and the watch-list pays one pick per wave, not one per reading.
 * Memory is one pick (5 bytes per customer code) per wave read.
 */
export class WavePicks {
  readonly size: number;
  private readonly picker: WavePicker;
  private readonly picks: Array<WavePick | undefined> = [];

  constructor(table: AnswerTable, waves: Waves, rule: WaveRule = 'latest') {
    this.picker = new WavePicker(table, waves, rule);
    this.size = this.picker.size;
  }

  /** The pick of wave w, made on first use. */
  readonly of: PickOf = (w) => (this.picks[w] ??= this.picker.pick(w));
}

/**
 * Picks that reuse `buffers` per-customer arrays in rotation: for walks in wave order that read at
 * most `buffers` consecutive waves at a time, memory stays the same whatever the number of waves.
 */
export function reusedPicks(picker: WavePicker, buffers: number): PickOf {
  const kept: Array<WavePick | undefined> = [];
  return (w) => (kept[w % buffers] = picker.pick(w, kept[w % buffers]));
}

/**
 * Each customer's answer per wave (customers with code 0 are nobody and are skipped). `byWave[w]`
 * holds the chosen answer index per customer code (−1 none); with rule 'mean' the chosen answer
 * is still the latest one, but `scoreOf` gives the rounded mean of the customer's answers.
 */
export function answersPerWave(table: AnswerTable, waves: Waves, rule: WaveRule = 'latest') {
  const picker = new WavePicker(table, waves, rule);
  const picks = waves.labels.map((_, w) => picker.pick(w));
  return {
    byWave: picks.map((p) => p.answer),
    scoreOf: (wave: number, customer: number): number => picks[wave]?.score[customer] ?? -1,
  };
}

// ---------------------------------------------------------------------------------------------
// Transitions

/** The transition from pick `a` to pick `b`, labelled `from` → `to`. */
export function transitionOf(from: string, to: string, a: WavePick, b: WavePick): Transition {
  const counts = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  let paired = 0;
  for (let k = 0; k < a.count; k++) {
    const c = a.customers[k];
    if (b.answer[c] < 0) continue;
    paired++;
    counts[categoryIndex(a.score[c])][categoryIndex(b.score[c])]++;
  }
  const [d, p, r] = counts;
  const improved = d[1] + d[2] + p[2], stable = d[0] + p[1] + r[2], worsened = p[0] + r[0] + r[1];
  const row = (i: number) => ({ detractor: counts[i][0], passive: counts[i][1], promoter: counts[i][2] });
  return {
    from, to, paired, onlyFrom: a.count - paired, onlyTo: b.count - paired,
    matrix: { detractor: row(0), passive: row(1), promoter: row(2) },
    counts,
    stuartMaxwell: stuartMaxwell(counts),
    exactMcNemar: exactMcNemarOf(counts),
    pairedNps: pairedChange(counts),
    improved, stable, worsened,
  };
}

/** McNemar's exact p when every customer who moved moved between one pair of categories, < 25 of them. */
function exactMcNemarOf(counts: number[][]): number | null {
  const moves: Array<[number, number]> = [];
  for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) if (counts[i][j] + counts[j][i] > 0) moves.push([i, j]);
  if (moves.length !== 1) return null;
  const [i, j] = moves[0];
  const test = mcnemar(counts[i][j], counts[j][i]);
  return test.exact ? test.p : null;
}

export function transitionBetween(table: AnswerTable, waves: Waves, a: number, b: number, rule: WaveRule = 'latest'): Transition {
  const picker = new WavePicker(table, waves, rule);
  return transitionOf(waves.labels[a], waves.labels[b], picker.pick(a), picker.pick(b));
}

/** One transition per consecutive pair of waves, as the report's `transitions`. */
export function allTransitions(
  table: AnswerTable,
  options: { source?: WaveSource; rule?: WaveRule; include?: Uint8Array } = {},
): { waves: string[]; source: WaveSource; transitions: Transition[] } {
  const waves = assignWaves(table, options.source, options.include);
  // Two picks in rotation: memory stays at two per-customer arrays whatever the number of waves.
  const pickOf = reusedPicks(new WavePicker(table, waves, options.rule), 2);
  return { waves: waves.labels, source: waves.source, transitions: consecutiveTransitions(waves.labels, pickOf) };
}

/** Wave 0 → 1, 1 → 2, …, reading the waves in order (each wave once when `pickOf` keeps picks). */
export function consecutiveTransitions(labels: readonly string[], pickOf: PickOf): Transition[] {
  const transitions: Transition[] = [];
  let previous = labels.length > 0 ? pickOf(0) : null;
  for (let w = 1; previous && w < labels.length; w++) {
    const next = pickOf(w);
    transitions.push(transitionOf(labels[w - 1], labels[w], previous, next));
    previous = next;
  }
  return transitions;
}

/**
 * The customers in one cell of the a → b matrix, for drill-down: `'none'` as the from (to)
 * category means customers who answered only wave b (a). Sorted by customer code.
 */
export type CellCustomers = Array<{ customer: number; fromAnswer: number; toAnswer: number }>;

/**
 * Every cell's customers at once, from one pick of each wave: `cells[from][to]` with index 3 for
 * "no answer" (from) / "not in this wave" (to); `cells[3][3]` stays empty. Each list is sorted by
 * customer code.
 */
export function cellsBetween(table: AnswerTable, waves: Waves, a: number, b: number, rule: WaveRule = 'latest'): CellCustomers[][] {
  const picker = new WavePicker(table, waves, rule);
  return cellsOf(picker.pick(a), picker.pick(b));
}

/** `cellsBetween` of two picks. */
export function cellsOf(pa: WavePick, pb: WavePick): CellCustomers[][] {
  const cells: CellCustomers[][] = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => []));
  const add = (c: number) => {
    const inA = pa.answer[c] >= 0, inB = pb.answer[c] >= 0;
    cells[inA ? categoryIndex(pa.score[c]) : 3][inB ? categoryIndex(pb.score[c]) : 3].push({ customer: c, fromAnswer: pa.answer[c], toAnswer: pb.answer[c] });
  };
  // Everyone in wave A, then those in wave B only.
  for (let k = 0; k < pa.count; k++) add(pa.customers[k]);
  for (let k = 0; k < pb.count; k++) if (pa.answer[pb.customers[k]] < 0) add(pb.customers[k]);
  for (const row of cells) for (const list of row) list.sort((x, y) => x.customer - y.customer);
  return cells;
}

/**
 * Customers per category of pick `a` who are not in pick `b` (`lost`, the Sankey's "no answer in
 * B"), and per category of `b` who are not in `a` (`gained`, "new in B"): the row and column of
 * index 3 in `cellsOf`, counted without listing anyone.
 */
export function lostAndGained(a: WavePick, b: WavePick): { lost: [number, number, number]; gained: [number, number, number] } {
  const lost: [number, number, number] = [0, 0, 0], gained: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < a.count; k++) if (b.answer[a.customers[k]] < 0) lost[categoryIndex(a.score[a.customers[k]])]++;
  for (let k = 0; k < b.count; k++) if (a.answer[b.customers[k]] < 0) gained[categoryIndex(b.score[b.customers[k]])]++;
  return { lost, gained };
}

export function customersInCell(
  table: AnswerTable, waves: Waves, a: number, b: number,
  fromCategory: CategoryIndex | 'none', toCategory: CategoryIndex | 'none', rule: WaveRule = 'latest',
): CellCustomers {
  if (fromCategory === 'none' && toCategory === 'none') return [];
  return cellsBetween(table, waves, a, b, rule)[fromCategory === 'none' ? 3 : fromCategory][toCategory === 'none' ? 3 : toCategory];
}
