/**
 * The first look at a big import: the NPS of the answers read and its line by month, from their
 * scores and dates alone, shown while customers, comments, the duplicate check and storing
 * follow (issue 17: the overview needs only the scores). It counts the rows the import keeps
 * (the same reading rules, ingest/build.ts) *before* duplicates are dropped, so it is said to be
 * a first look, and carries no interval: repeated customers, not known yet, widen it.
 */
import { answersKey, NO_DAY, type AnswerTable } from './answers';
import { CATEGORY_INDEX, countsFromDistribution, npsOf, type CategoryCounts } from './nps';
import { periodIndexOf, periodLabel } from './periods';

export interface FirstLook {
  /** Answers read, per score 0–10. */
  scores: number[];
  /** Answers per month read: [months since 1970-01, detractors, passives, promoters], ascending. */
  months: Array<[number, number, number, number]>;
  /** Rows that could not be read (the import lists them with its reasons). */
  rejected: number;
}

const MONTH = { kind: 'month' } as const;

/** Days counted in one dense window (about 22 years) around the first day seen; others in a map. */
const WINDOW = 8192;

/**
 * Counts answers as they are read; one per reader, merged with mergeFirstLooks. Per day in a
 * dense window (an array index per answer), made months at the end: looking a month up per
 * answer (its number, then a map) was most of the counting's cost.
 */
export class FirstLookTally {
  private readonly scores = new Float64Array(11);
  private base = NO_DAY;
  private readonly days = new Float64Array(3 * WINDOW);
  private readonly outside = new Map<number, Float64Array>();

  add(score: number, day: number): void {
    this.scores[score]++;
    if (day === NO_DAY) return;
    if (this.base === NO_DAY) this.base = day - (WINDOW >> 1);
    const at = day - this.base;
    if (at >= 0 && at < WINDOW) {
      this.days[3 * at + CATEGORY_INDEX[score]]++;
      return;
    }
    let counts = this.outside.get(day);
    if (!counts) this.outside.set(day, (counts = new Float64Array(3)));
    counts[CATEGORY_INDEX[score]]++;
  }

  result(rejected: number): FirstLook {
    const days: Array<[number, number, number, number]> = [];
    for (let at = 0; at < WINDOW; at++) {
      const d = this.days[3 * at], p = this.days[3 * at + 1], pr = this.days[3 * at + 2];
      if (d + p + pr > 0) days.push([periodIndexOf(this.base + at, MONTH), d, p, pr]);
    }
    for (const [day, c] of this.outside) days.push([periodIndexOf(day, MONTH), c[0], c[1], c[2]]);
    return { scores: Array.from(this.scores), months: monthTotals(days), rejected };
  }
}

/** Counts of the same month added up, in month order. */
function monthTotals(entries: Iterable<readonly [number, number, number, number]>): FirstLook['months'] {
  const months = new Map<number, [number, number, number, number]>();
  for (const [m, d, p, pr] of entries) {
    const had = months.get(m);
    if (had) {
      had[1] += d;
      had[2] += p;
      had[3] += pr;
    } else months.set(m, [m, d, p, pr]);
  }
  return [...months.values()].sort((a, b) => a[0] - b[0]);
}

/** Two readers' looks (the halves of one file) as one. */
export function mergeFirstLooks(a: FirstLook, b: FirstLook): FirstLook {
  return {
    scores: a.scores.map((s, k) => s + b.scores[k]),
    months: monthTotals([...a.months, ...b.months]),
    rejected: a.rejected + b.rejected,
  };
}

export interface FirstLookSummary extends CategoryCounts {
  n: number;
  nps: number | null;
  rejected: number;
  /** The NPS of each month with answers; `iso` is its first day's month, `YYYY-MM`. */
  months: Array<{ month: number; iso: string; n: number; nps: number | null }>;
}

/** What the first look shows. */
export function firstLookSummary(look: FirstLook): FirstLookSummary {
  const overall = countsFromDistribution(look.scores);
  const n = overall.detractors + overall.passives + overall.promoters;
  return {
    ...overall,
    n,
    nps: npsOf(overall),
    rejected: look.rejected,
    months: look.months.map(([month, d, p, pr]) => ({ month, iso: periodLabel(month, MONTH), n: d + p + pr, nps: npsOf({ detractors: d, passives: p, promoters: pr }) })),
  };
}

/**
 * A dataset's first look kept with its stored record: the counts of every stored answer, named by
 * the answers they are of (answersKey). A reload shows it while the answers are read back (at a
 * million answers ~0.3 s); once the answers change (an append, a file's answers removed) the key
 * no longer matches and it is not shown.
 */
export interface StoredFirstLook {
  key: string;
  look: FirstLook;
}

/** The first look of a whole table: exactly its answers' scores by category and by month. */
export function storedFirstLook(record: { id: string; nextAnswerId: number; answerCount: number }, table: AnswerTable): StoredFirstLook {
  const tally = new FirstLookTally();
  const { score, day } = table;
  for (let i = 0; i < table.length; i++) tally.add(score[i], day[i]);
  return { key: answersKey(record), look: tally.result(0) };
}

/** What a stored record's first look shows, or null when it is of other answers (or absent). */
export function storedLookOf(record: { id: string; nextAnswerId: number; answerCount: number; firstLook?: StoredFirstLook }): FirstLookSummary | null {
  return record.firstLook && record.firstLook.key === answersKey(record) ? firstLookSummary(record.firstLook.look) : null;
}
