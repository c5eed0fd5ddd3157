/**
 * Closing the loop: the customers to call back. For a chosen wave (the wave column, else calendar
 * quarters — as the transitions view), each customer's latest answer there, grouped by category,
 * with what a CS manager needs to act: score, comment, account and e-mail, the answers before, and
 * a priority. Without a known customer each answer is its own row.
 *
 * Every row has a `key` that names the answer itself — who, when, what score — not its place in a
 * dataset: the follow-up status stored under it survives re-importing the same file and appending
 * the next month's export.
 */
import { NO_DAY, type AnswerTable } from './answers';
import { dayToIso } from './days';
import { categoryOf, type Category } from './nps';
import { textAt } from './text-column';
import { WavePicker, type Waves } from './transitions';

export type FollowUpStatus = 'new' | 'contacted' | 'resolved' | 'wont';
export const FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ['new', 'contacted', 'resolved', 'wont'];

/** What a person recorded about one follow-up (stored by `key`). */
export interface FollowUpState {
  key: string;
  status: FollowUpStatus;
  owner: string;
  /** ISO date, '' when none. */
  due: string;
  notes: string;
  updatedAt: number;
}

export interface FollowUpRow {
  key: string;
  /** Answer index in the table, and its stable id. */
  answer: number;
  id: number;
  customer: number;
  score: number;
  category: Category;
  /** ISO date of the answer ('' when undated), and its day number (NO_DAY when undated). */
  date: string;
  day: number;
  account: string;
  respondent: string;
  comment: string;
  /** The customer's scores in the earlier waves it answered, oldest first. */
  history: Array<{ wave: string; score: number }>;
  /** Lower than the customer's previous wave. */
  falling: boolean;
  revenue: number | null;
  /**
   * Satisfied (CSAT top two boxes) yet a passive or detractor: an inertia risk, who stays out of
   * habit and may leave quietly (engine/csat.ts).
   */
  inertia: boolean;
}

/** The answer's own name: the same answer read from the same or an appended file gets the same key. */
export function followUpKey(table: AnswerTable, i: number): string {
  return keyOf(table, i, textAt(table.account, i) || textAt(table.respondent, i), textAt(table.comment, i));
}

/** followUpKey with the answer's texts already read. */
function keyOf(table: AnswerTable, i: number, who: string, comment: string): string {
  const day = table.day[i] === NO_DAY ? '' : dayToIso(table.day[i]);
  // The comment's length and first characters tell apart two answers of one person on one day.
  return [who, day, table.seconds[i], table.score[i], comment.length, comment.slice(0, 24)].join('|');
}

/**
 * Who is on a follow-up list, as numbers: each listed answer (in table order) with the customer's
 * scores in the earlier waves. The part of the list that reads every answer — at a million
 * answers it runs in the figures worker (engine/figures.ts); the rows' names, comments and keys
 * are read on the page, for these answers only (followUpRowsOf).
 */
export interface FollowUpPicks {
  /** The wave labels of the answers kept, and the wave listed (an index into them). */
  labels: string[];
  wave: number;
  answer: Int32Array;
  /** Answer k's history is entries historyEnds[k − 1] … historyEnds[k]. */
  historyEnds: Uint32Array;
  historyWave: Uint16Array;
  historyScore: Int8Array;
}

/**
 * The follow-up list of wave `wave` for `category` ('all' for everyone), in table order; sort it
 * with `sortFollowUps`. `include` is the view's filter.
 */
export function followUpList(table: AnswerTable, waves: Waves, wave: number, category: Category | 'all', include?: Uint8Array, inertia?: Uint8Array | null): FollowUpRow[] {
  return followUpRowsOf(table, followUpPicks(table, waves, wave, category, include), inertia);
}

export function followUpPicks(table: AnswerTable, waves: Waves, wave: number, category: Category | 'all', include?: Uint8Array): FollowUpPicks {
  const answers: number[] = [], ends: number[] = [], historyWave: number[] = [], historyScore: number[] = [];
  const wanted = (i: number) => (!include || include[i]) && (category === 'all' || categoryOf(table.score[i]) === category);
  const out = () => ({ labels: waves.labels, wave, answer: Int32Array.from(answers), historyEnds: Uint32Array.from(ends), historyWave: Uint16Array.from(historyWave), historyScore: Int8Array.from(historyScore) });
  if (wave < 0 || wave >= waves.labels.length) return out();
  // Customers known: each one's latest answer of the wave, with its earlier waves as history.
  const picker = new WavePicker(table, waves);
  const earlier = Array.from({ length: wave }, (_, w) => picker.pick(w));
  const now = picker.pick(wave);
  for (let k = 0; k < now.count; k++) {
    const c = now.customers[k], i = now.answer[c];
    if (!wanted(i)) continue;
    answers.push(i);
    for (const p of earlier) {
      if (p.answer[c] < 0) continue;
      historyWave.push(p.wave);
      historyScore.push(p.score[c]);
    }
    ends.push(historyWave.length);
  }
  // Answers of nobody known: each is its own follow-up.
  for (let i = 0; i < table.length; i++) {
    if (table.customer[i] === 0 && waves.waveOf[i] === wave && wanted(i)) {
      answers.push(i);
      ends.push(historyWave.length);
    }
  }
  return out();
}

/** The rows of picks `from` … `to` (exclusive): names, comments and keys read from the answers. */
export function followUpRowsOf(table: AnswerTable, picks: FollowUpPicks, inertia?: Uint8Array | null, from = 0, to = picks.answer.length): FollowUpRow[] {
  const rows: FollowUpRow[] = [];
  for (let k = from; k < to; k++) {
    const i = picks.answer[k];
    const history: FollowUpRow['history'] = [];
    for (let h = k ? picks.historyEnds[k - 1] : 0; h < picks.historyEnds[k]; h++) history.push({ wave: picks.labels[picks.historyWave[h]], score: picks.historyScore[h] });
    const previous = history.length ? history[history.length - 1].score : null;
    const account = textAt(table.account, i), respondent = textAt(table.respondent, i), comment = textAt(table.comment, i);
    rows.push({
      key: keyOf(table, i, account || respondent, comment),
      answer: i,
      id: table.id[i],
      customer: table.customer[i],
      score: table.score[i],
      category: categoryOf(table.score[i]),
      date: table.day[i] === NO_DAY ? '' : dayToIso(table.day[i]),
      day: table.day[i],
      account,
      respondent,
      comment,
      history,
      falling: previous !== null && table.score[i] < previous,
      revenue: Number.isFinite(table.revenue[i]) ? table.revenue[i] : null,
      inertia: inertia?.[i] === 1,
    });
  }
  return rows;
}

export type FollowUpOrder = 'priority' | 'score' | 'revenue' | 'open';

/** Days from the answer to `today` (both days since 1970), for "days open". */
export function daysOpen(row: FollowUpRow, today: number): number | null {
  return row.day === NO_DAY ? null : today - row.day;
}

/**
 * The order to work through a list. Priority: what is still to do first (new, then contacted, then
 * the rest), then overdue, then the lowest score, a falling customer, the largest revenue, the
 * longest open. The other orders sort by one of those and keep priority for ties.
 */
export function sortFollowUps(rows: readonly FollowUpRow[], states: ReadonlyMap<string, FollowUpState>, order: FollowUpOrder, today: number): FollowUpRow[] {
  const todayIso = dayToIso(today);
  // Each key with how many values it takes (whole numbers 0 … size − 1), or 0 for any number.
  type Key = [(r: FollowUpRow) => number, number];
  const stateOf = stateLookup(states);
  const stage: Key = [(r) => STAGE[stateOf(r)?.status ?? 'new'], 4];
  const overdue: Key = [(r) => (isOverdue(stateOf(r), todayIso) ? 0 : 1), 2];
  const score: Key = [(r) => r.score, 11];
  const revenue: Key = [(r) => -(r.revenue ?? 0), 0];
  const open: Key = [(r) => -(daysOpen(r, today) ?? 0), 0];
  const keys: Key[] = [stage, overdue, score, [(r) => (r.falling ? 0 : 1), 2], revenue, open];
  const first = { priority: [], score: [score], revenue: [revenue], open: [open] }[order];
  // Each key once per row, not once per comparison, and neighbouring small keys as one number: a
  // wave of a million answers lists tens of thousands, sorted in one of the page's tasks.
  const values: Float64Array[] = [];
  let run: Float64Array | null = null;
  for (const [key, size] of [...first, ...keys]) {
    const column = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) column[k] = key(rows[k]);
    if (size && run) for (let k = 0; k < rows.length; k++) run[k] = run[k] * size + column[k];
    else values.push(column);
    run = size ? (run ?? column) : null;
  }
  // Ties last by table order; a key the same for every row (no revenue known) orders nothing.
  values.push(Float64Array.from(rows, (r) => r.answer));
  const used = values.filter((column) => column.some((v) => v !== column[0]));
  const sorted = Array.from(rows.keys()).sort((a, b) => {
    for (let j = 0; j < used.length; j++) {
      const d = used[j][a] - used[j][b];
      if (d !== 0) return d;
    }
    return 0;
  });
  return sorted.map((k) => rows[k]);
}

const STAGE: Record<FollowUpStatus, number> = { new: 0, contacted: 1, resolved: 2, wont: 3 };

/**
 * A row's stored state. With none stored nothing is looked up: the first lookup of a key hashes
 * it, ~20 ms for the tens of thousands of rows of a wave at a million answers.
 */
function stateLookup(states: ReadonlyMap<string, FollowUpState>): (row: FollowUpRow) => FollowUpState | undefined {
  return states.size ? (row) => states.get(row.key) : () => undefined;
}

/** A follow-up past its due date and not yet resolved or dropped. */
export function isOverdue(state: FollowUpState | undefined, todayIso: string): boolean {
  return !!state && !!state.due && state.due < todayIso && (state.status === 'new' || state.status === 'contacted');
}

/** How many follow-ups are in each status (rows without a stored state are new). */
export function followUpCounts(rows: readonly FollowUpRow[], states: ReadonlyMap<string, FollowUpState>): Record<FollowUpStatus, number> {
  const counts: Record<FollowUpStatus, number> = { new: 0, contacted: 0, resolved: 0, wont: 0 };
  const stateOf = stateLookup(states);
  for (const r of rows) counts[stateOf(r)?.status ?? 'new']++;
  return counts;
}

export type FollowUpShow = 'open' | 'all';

export interface FollowUpView {
  /** The rows to show, in the chosen order. */
  rows: FollowUpRow[];
  /** Every row of the group in the wave, shown or not (in table order). */
  all: FollowUpRow[];
  /** All rows of the group in the wave, shown or not. */
  total: number;
  counts: Record<FollowUpStatus, number>;
}

/**
 * One wave's follow-up list of one group, filtered by status (and to inertia risks when asked) and
 * sorted, with its counts. `inertia` marks answers of satisfied passives and detractors (csat.ts).
 */
export function followUpView(
  table: AnswerTable, waves: Waves, wave: number, category: Category, include: Uint8Array | undefined, states: ReadonlyMap<string, FollowUpState>,
  options: FollowUpShowing & { inertia?: Uint8Array | null },
): FollowUpView {
  return shownFollowUps(followUpList(table, waves, wave, category, include, options.inertia), states, options);
}

export interface FollowUpShowing {
  show: FollowUpShow;
  order: FollowUpOrder;
  today: number;
  inertiaOnly?: boolean;
}

/** A wave's listed rows (followUpList, or followUpRowsOf its picks) as the view shows them. */
export function shownFollowUps(listed: readonly FollowUpRow[], states: ReadonlyMap<string, FollowUpState>, options: FollowUpShowing): FollowUpView {
  const all = options.inertiaOnly ? listed.filter((r) => r.inertia) : [...listed];
  const stateOf = stateLookup(states);
  const open = (r: FollowUpRow) => {
    const status = stateOf(r)?.status ?? 'new';
    return status === 'new' || status === 'contacted';
  };
  const kept = options.show === 'open' ? all.filter(open) : all;
  return { rows: sortFollowUps(kept, states, options.order, options.today), all, total: all.length, counts: followUpCounts(all, states) };
}
