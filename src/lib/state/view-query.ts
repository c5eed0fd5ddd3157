/**
 * The view's settings kept in the URL, after the hash route: `#/datasets/ID/trend?from=2024-01-01
 * &f=plan:Pro&period=quarter&fy=4`. A view can then be bookmarked and shared, and survives a
 * reload. (Kit's hash router routes on the part before `?` and leaves the rest to us.)
 */
import { isoToDay } from '../engine/days';
import type { AnswerFilter } from '../engine/filters';
import type { PeriodKind } from '../engine/periods';

export interface ViewQuery {
  from: string | null;
  to: string | null;
  /** `name:value` pairs, one per kept segment value. */
  segmentValues: Array<[string, string]>;
  waves: string[];
  period: PeriodKind;
  fiscalYearStartMonth: number;
  /** The segment column compared on the segments view. */
  segment: string | null;
  minN: number;
  /** One voice per customer: each customer's latest answer (per period on a time line). */
  oneVoice: boolean;
}

const PERIODS: readonly PeriodKind[] = ['week', 'month', 'quarter', 'year'];

/**
 * `name:value` pairs as data: a pair given twice is kept once, and names such as `__proto__`,
 * `constructor` or `toString` are column names like any other (they once reached an object's
 * prototype and left every view on "Loading…").
 */
function uniqueSegmentValues(pairs: readonly string[]): Array<[string, string]> {
  const seen = new Set<string>();
  const out: Array<[string, string]> = [];
  for (const pair of pairs) {
    const at = pair.indexOf(':');
    if (at <= 0) continue;
    const name = pair.slice(0, at), value = pair.slice(at + 1);
    const key = `${name}\u0000${value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([name, value]);
  }
  return out;
}

export function parseViewQuery(hash: string): ViewQuery {
  const q = new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
  const iso = (v: string | null) => (v && Number.isFinite(isoToDay(v)) ? v : null);
  const period = q.get('period') as PeriodKind;
  const fy = Number(q.get('fy'));
  const minN = Number(q.get('minN'));
  return {
    from: iso(q.get('from')),
    to: iso(q.get('to')),
    segmentValues: uniqueSegmentValues(q.getAll('f')),
    // A wave named twice is one filter (twice, it broke every list keyed by the wave).
    waves: [...new Set(q.getAll('w'))],
    period: PERIODS.includes(period) ? period : 'month',
    fiscalYearStartMonth: fy >= 1 && fy <= 12 ? fy : 1,
    segment: q.get('seg'),
    minN: minN >= 1 ? Math.round(minN) : 30,
    oneVoice: q.get('voice') === '1',
  };
}

export function formatViewQuery(v: ViewQuery): string {
  const q = new URLSearchParams();
  if (v.from) q.set('from', v.from);
  if (v.to) q.set('to', v.to);
  for (const [name, value] of v.segmentValues) q.append('f', `${name}:${value}`);
  for (const w of v.waves) q.append('w', w);
  if (v.period !== 'month') q.set('period', v.period);
  if (v.fiscalYearStartMonth !== 1) q.set('fy', String(v.fiscalYearStartMonth));
  if (v.segment) q.set('seg', v.segment);
  if (v.minN !== 30) q.set('minN', String(v.minN));
  if (v.oneVoice) q.set('voice', '1');
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function filterOf(v: ViewQuery): AnswerFilter {
  // No prototype: a column called `__proto__` or `constructor` is an ordinary key here.
  const segments: Record<string, string[]> = Object.create(null);
  for (const [name, value] of v.segmentValues) {
    const values = Object.hasOwn(segments, name) ? segments[name] : (segments[name] = []);
    if (!values.includes(value)) values.push(value);
  }
  return { fromDay: v.from ? isoToDay(v.from) : null, toDay: v.to ? isoToDay(v.to) : null, segments, waves: v.waves };
}

/** The current hash route with its query changed (for goto with replaceState). */
export function withViewQuery(hash: string, query: ViewQuery, change: Partial<ViewQuery>): string {
  const path = hash.replace(/^#/, '').replace(/\?.*$/, '');
  return `#${path}${formatViewQuery({ ...query, ...change })}`;
}
