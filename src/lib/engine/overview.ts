/**
 * The dataset's headline: overall NPS with its interval, the 0–10 distribution, how many distinct
 * customers answered and over which dates.
 */
import { NO_DAY, type AnswerTable } from './answers';
import { countsFromDistribution, summarise, type NpsSummary } from './nps';
import { dayToIso } from './days';

/** Who counts as a customer: the account when the data names one, else the respondent. */
export type IdentityKind = 'account' | 'respondent' | null;

export interface Overview {
  overall: NpsSummary;
  /** Answers per score 0..10. */
  distribution: number[];
  customers: number | null;
  from: string | null;
  to: string | null;
}

/** Placeholders some tools write where no identity exists (Microsoft Forms' `anonymous`). */
const NOT_AN_IDENTITY = new Set(['', 'anonymous', 'anonymous user', '匿名']);

/** The id as written, or '' when the cell holds a placeholder that identifies nobody. */
export function identityCell(raw: string): string {
  const key = raw.trim();
  return NOT_AN_IDENTITY.has(key.toLowerCase()) ? '' : key;
}

export function identityOf(table: AnswerTable, kind: IdentityKind, i: number): string | null {
  if (!kind) return null;
  const raw = (kind === 'account' ? table.account[i] : table.respondent[i]) ?? '';
  const key = identityCell(raw);
  return key === '' ? null : key;
}

export function computeOverview(table: AnswerTable, identity: IdentityKind): Overview {
  const distribution = new Array<number>(11).fill(0);
  let minDay = Infinity, maxDay = -Infinity;
  const { score, day } = table;
  for (let i = 0; i < table.length; i++) {
    distribution[score[i]]++;
    const d = day[i];
    if (d !== NO_DAY) {
      if (d < minDay) minDay = d;
      if (d > maxDay) maxDay = d;
    }
  }
  let customers: number | null = null;
  if (identity) {
    const seen = new Set<string>();
    for (let i = 0; i < table.length; i++) {
      const id = identityOf(table, identity, i);
      if (id !== null) seen.add(id);
    }
    customers = seen.size;
  }
  return {
    overall: summarise(countsFromDistribution(distribution)),
    distribution,
    customers,
    from: Number.isFinite(minDay) ? dayToIso(minDay) : null,
    to: Number.isFinite(maxDay) ? dayToIso(maxDay) : null,
  };
}
