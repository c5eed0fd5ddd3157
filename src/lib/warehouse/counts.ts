/**
 * The count tables of the report, as SQL over `kept` (answers.ts): small results (a row per
 * score, month, segment value, wave pair…) that the engine's statistics turn into the report
 * (report.ts). Whatever grows with the answers — customers, their sums — is summed here, never
 * sent back: the design effects need only Σ T², Σ T·m and Σ m² over customers (design-effects.ts).
 *
 * `cat` is the category index (0 detractor, 1 passive, 2 promoter), `x` = cat − 1.
 */
import { ORDER } from './answers';

/** Answers per score 0–10. */
export const DISTRIBUTION = `SELECT CAST(score AS INTEGER) AS score, CAST(count(*) AS INTEGER) AS n FROM kept GROUP BY score ORDER BY score;`;

/** Distinct customers and the dated answers' first and last day. */
export const DATASET = `SELECT CAST(count(DISTINCT customer) FILTER (WHERE customer <> '') AS INTEGER) AS customers, min(day) AS first_day, max(day) AS last_day FROM kept;`;

/** Dated answers per month (months since 1970-01) and category. */
export const MONTHS = `SELECT month, CAST(cat AS INTEGER) AS cat, CAST(count(*) AS INTEGER) AS n FROM kept WHERE month IS NOT NULL GROUP BY month, cat ORDER BY month, cat;`;

/** The report's rejected rows, in the order the import met them. */
export const REJECTED = `SELECT CAST(file AS INTEGER) AS file, CAST(row AS INTEGER) AS row, code, value, count FROM rejected ORDER BY file, row;`;

/** Per customer: Σx (t) and answers (m). */
const PER_CUSTOMER = `SELECT customer, sum(x) AS t, count(*) AS m FROM kept WHERE customer <> '' GROUP BY customer`;
const big = (e: string) => `CAST(coalesce(${e}, 0) AS DOUBLE)`;

/**
 * Over all answers: customers and Σt², Σt·m, Σm² over them; answers of nobody known ("loose",
 * each its own customer) with Σx and Σx². Exact integers: sums of small integers.
 */
export const CLUSTERS = `WITH per AS (${PER_CUSTOMER})
SELECT (SELECT CAST(count(*) AS INTEGER) FROM per) AS customers,
  (SELECT ${big('sum(t * t)')} FROM per) AS tt, (SELECT ${big('sum(t * m)')} FROM per) AS tm, (SELECT ${big('sum(m * m)')} FROM per) AS mm,
  (SELECT CAST(count(*) AS INTEGER) FROM kept WHERE customer = '') AS loose,
  (SELECT ${big('sum(x)')} FROM kept WHERE customer = '') AS loose_x,
  (SELECT ${big('sum(x * x)')} FROM kept WHERE customer = '') AS loose_x2;`;

/**
 * One segment column, a row per value in code order (the blank value first, then by first
 * appearance): its answers per category, its loose answers' sums, and for the customers who
 * answered in it, with s/n their part in it and t/m all their answers: how many, Σs², Σs·n, Σn²
 * (the value's own clustering), how many answered only in it (they leave the rest), and the
 * changes to Σt², Σt·m, Σm² when their part is taken out (the rest's clustering).
 */
export function segmentValues(segment: number): string {
  const s = `s${segment}`;
  return `WITH per AS (${PER_CUSTOMER}),
part AS (SELECT ${s} AS value, customer, sum(x) AS s, count(*) AS n FROM kept WHERE customer <> '' GROUP BY ${s}, customer),
clusters AS (SELECT value, CAST(count(*) AS INTEGER) AS customers, ${big('sum(s * s)')} AS ss, ${big('sum(s * n)')} AS sn, ${big('sum(n * n)')} AS nn,
    CAST(count(*) FILTER (WHERE m = n) AS INTEGER) AS only_here,
    ${big('sum((t - s) * (t - s) - t * t)')} AS d_tt, ${big('sum((t - s) * (m - n) - t * m)')} AS d_tm, ${big('sum((m - n) * (m - n) - m * m)')} AS d_mm
  FROM part JOIN per USING (customer) GROUP BY value),
answers AS (SELECT ${s} AS value, min(${ORDER}) AS first,
    CAST(count(*) FILTER (WHERE cat = 0) AS INTEGER) AS detractors, CAST(count(*) FILTER (WHERE cat = 1) AS INTEGER) AS passives,
    CAST(count(*) FILTER (WHERE cat = 2) AS INTEGER) AS promoters,
    CAST(count(*) FILTER (WHERE customer = '') AS INTEGER) AS loose, ${big("sum(x) FILTER (WHERE customer = '')")} AS loose_x,
    ${big("sum(x * x) FILTER (WHERE customer = '')")} AS loose_x2
  FROM kept GROUP BY ${s})
SELECT value, detractors, passives, promoters, loose, loose_x, loose_x2,
  coalesce(customers, 0) AS customers, coalesce(ss, 0) AS ss, coalesce(sn, 0) AS sn, coalesce(nn, 0) AS nn, coalesce(only_here, 0) AS only_here,
  coalesce(d_tt, 0) AS d_tt, coalesce(d_tm, 0) AS d_tm, coalesce(d_mm, 0) AS d_mm
FROM answers LEFT JOIN clusters USING (value) ORDER BY value <> '', first;`;
}

/** Whether any answer names a wave: then waves are the wave column's, else calendar quarters. */
export const HAS_WAVES = `SELECT count(*) FILTER (WHERE wave <> '') > 0 AS column FROM kept;`;

/**
 * The waves in order, as `waves (label, w, key)`: the wave column's ordered by their earliest
 * dated answer (day, then time; undated waves last), ties in order of first appearance
 * (engine/transitions.ts columnWaves); or the calendar quarters with answers.
 */
export function waveTable(column: boolean): string {
  if (column) {
    return `CREATE OR REPLACE TABLE waves AS SELECT wave AS label, CAST(row_number() OVER (ORDER BY earliest.day NULLS LAST, earliest.seconds, first) - 1 AS INTEGER) AS w, NULL AS key
  FROM (SELECT wave, min(${ORDER}) AS first, min({'day': day, 'seconds': seconds}) FILTER (WHERE day IS NOT NULL) AS earliest FROM kept WHERE wave <> '' GROUP BY wave);`;
  }
  return `CREATE OR REPLACE TABLE waves AS SELECT NULL AS label, CAST(row_number() OVER (ORDER BY key) - 1 AS INTEGER) AS w, key
  FROM (SELECT DISTINCT CAST(floor(month / 3) AS INTEGER) AS key FROM kept WHERE month IS NOT NULL);`;
}

/** Each customer's category in each wave: that of its latest answer (by date, time, file, row). */
export function wavePicks(column: boolean): string {
  const join = column ? 'waves.label = kept.wave' : 'waves.key = CAST(floor(kept.month / 3) AS INTEGER)';
  return `CREATE OR REPLACE TABLE picks AS SELECT w, customer, arg_max(cat, {'day': coalesce(day, -2147483648), 'seconds': seconds, 'order': ${ORDER}}) AS cat
  FROM kept JOIN waves ON ${join} WHERE customer <> '' GROUP BY w, customer;`;
}

export const WAVES = `SELECT w, label, key, CAST((SELECT count(*) FROM picks WHERE picks.w = waves.w) AS INTEGER) AS customers FROM waves ORDER BY w;`;

/** Customers per (wave, category in it, category in the next wave). */
export const TRANSITIONS = `SELECT a.w, CAST(a.cat AS INTEGER) AS from_cat, CAST(b.cat AS INTEGER) AS to_cat, CAST(count(*) AS INTEGER) AS n
FROM picks a JOIN picks b ON b.w = a.w + 1 AND b.customer = a.customer GROUP BY a.w, a.cat, b.cat ORDER BY a.w;`;

/**
 * The comments to tag, one row per distinct (comment, category, month) with how many answers:
 * topic tagging reads what the comment says and the category (for polarity) only.
 */
export const COMMENTS = `SELECT comment, CAST(cat AS INTEGER) AS cat, month, CAST(count(*) AS INTEGER) AS n FROM kept WHERE comment <> '' GROUP BY comment, cat, month;`;

/** The waves of the wave column with answers (the `waves` table of waveTable(true)). */
export const WAVE_COUNT = `SELECT CAST(count(*) AS INTEGER) AS n FROM waves;`;

/**
 * The overview's line (engine/overview-story.ts): a row per period of the data's cadence with
 * answers — the wave column's waves (`w` of the `waves` table), or calendar months or quarters —
 * with its answers per category, its first and last dated answer, its loose answers' sums and
 * Σt², Σt·m, Σm² over the customers who answered in it (their answers in it only): its design
 * effect, as engine/clustered.ts groupDesignEffects makes it.
 */
export function periodSums(cadence: 'wave' | 'month' | 'quarter'): string {
  const source = cadence === 'wave'
    ? 'SELECT waves.w AS g, cat, x, day, customer FROM kept JOIN waves ON waves.label = kept.wave'
    : `SELECT ${cadence === 'month' ? 'month' : 'CAST(floor(month / 3) AS INTEGER)'} AS g, cat, x, day, customer FROM kept WHERE month IS NOT NULL`;
  return `WITH src AS (${source}),
per AS (SELECT g, customer, sum(x) AS t, count(*) AS m FROM src WHERE customer <> '' GROUP BY g, customer),
clusters AS (SELECT g, CAST(count(*) AS INTEGER) AS customers, ${big('sum(t * t)')} AS tt, ${big('sum(t * m)')} AS tm, ${big('sum(m * m)')} AS mm FROM per GROUP BY g),
answers AS (SELECT g, CAST(count(*) FILTER (WHERE cat = 0) AS INTEGER) AS detractors, CAST(count(*) FILTER (WHERE cat = 1) AS INTEGER) AS passives,
    CAST(count(*) FILTER (WHERE cat = 2) AS INTEGER) AS promoters, min(day) AS first_day, max(day) AS last_day,
    CAST(count(*) FILTER (WHERE customer = '') AS INTEGER) AS loose, ${big("sum(x) FILTER (WHERE customer = '')")} AS loose_x,
    ${big("sum(x * x) FILTER (WHERE customer = '')")} AS loose_x2
  FROM src GROUP BY g)
SELECT CAST(g AS INTEGER) AS g, detractors, passives, promoters, first_day, last_day, loose, loose_x, loose_x2,
  coalesce(customers, 0) AS customers, coalesce(tt, 0) AS tt, coalesce(tm, 0) AS tm, coalesce(mm, 0) AS mm
FROM answers LEFT JOIN clusters USING (g) ORDER BY g;`;
}

/** Whether any kept answer knows churn, revenue or satisfaction (engine/outcomes.ts hasOutcomes). */
export const HAS_OUTCOMES = `SELECT count(*) FILTER (WHERE churn >= 0 OR revenue IS NOT NULL OR csat >= 0) > 0 AS known FROM kept;`;

/**
 * The kept answers in the import's order with what the report's churn, revenue and responses
 * read of each (engine/accounts.ts, churn.ts, revenue.ts, response-bias.ts): streamed to
 * TypeScript only when the data or a file about the accounts knows outcomes (see
 * cli/duckdb/outcomes.ts).
 */
export const OUTCOME_ANSWERS = `SELECT CAST(file AS INTEGER) AS file, CAST(row AS INTEGER) AS row, CAST(score AS INTEGER) AS score, day, seconds, customer, wave,
  CAST(churn AS INTEGER) AS churn, revenue, CAST(csat AS INTEGER) AS csat FROM kept ORDER BY file, row;`;
