/**
 * The dataset's headline: overall NPS with its interval, the 0–10 distribution, how many distinct
 * customers answered and over which dates.
 */
import { NO_DAY, type AnswerTable } from './answers';
import { countsFromDistribution, summarise, type NpsSummary } from './nps';
import { dayToIso } from './days';
import { countCustomers, type IdentityKind } from './customers';
import { clusteredNps, type ClusteredNps } from './clustered';

export type { IdentityKind } from './customers';

export interface Overview {
  overall: NpsSummary;
  /**
   * The same answers counted as customers (docs/methods.md §11): the design effect and the
   * interval of the effective counts; null when no customer is known.
   */
  clustered: ClusteredNps | null;
  /** Answers per score 0..10. */
  distribution: number[];
  customers: number | null;
  from: string | null;
  to: string | null;
}

/** The headline over the answers `include` keeps (1 = keep; all when absent). */
export function computeOverview(table: AnswerTable, identity: IdentityKind, include?: Uint8Array): Overview {
  const counts = new Int32Array(11);
  let minDay = Infinity, maxDay = -Infinity;
  const { score, day } = table;
  // NO_DAY is the smallest Int32, so only the lower bound needs a check.
  const n = table.length;
  if (include) {
    // Branch-free: a filter keeps answers in no pattern a CPU could predict (measured 3× faster).
    for (let i = 0; i < n; i++) {
      const keep = include[i];
      counts[score[i]] += keep;
      const all = -keep; // 0, or every bit set
      const d = (day[i] & all) | (NO_DAY & ~all);
      if (d > maxDay) maxDay = d;
      if (d !== NO_DAY && d < minDay) minDay = d;
    }
  } else {
    for (let i = 0; i < n; i++) {
      counts[score[i]]++;
      const d = day[i];
      if (d > maxDay) maxDay = d;
      if (d !== NO_DAY && d < minDay) minDay = d;
    }
  }
  if (maxDay === NO_DAY) maxDay = -Infinity;
  const customers = identity ? countCustomers(table, include) : null;
  const clustered = identity ? clusteredNps(table.score, table.customer, include) : null;
  const distribution = Array.from(counts);
  return {
    overall: summarise(countsFromDistribution(distribution)),
    clustered,
    distribution,
    customers,
    from: Number.isFinite(minDay) ? dayToIso(minDay) : null,
    to: Number.isFinite(maxDay) ? dayToIso(maxDay) : null,
  };
}
