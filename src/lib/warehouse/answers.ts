/**
 * Rows to answers in SQL, as the import makes them (ingest/build.ts, ingest/assemble.ts): each
 * file's cells read by the cell macros (cells.ts) according to its plan (the column roles the
 * app's preview chose), rows rejected with the import's reasons, exact duplicates dropped by the
 * import's rule (engine/duplicates.ts). Three tables result:
 *
 *   read_rows  every data row read (the working table, dropped at the end)
 *   rejected   file, row, code, value, count   — the report's rejected rows
 *   kept       file, row, score, cat, x, day, seconds, month, customer, comment, wave, s0…sN
 *
 * Nothing here is specific to a file format: each file is a relation with a 1-based `row` (the
 * spreadsheet's row number, header rows included) and its cells as VARCHAR columns c0, c1… A
 * warehouse table of raw exports works as well as DuckDB's read_csv.
 *
 * Not here: the import's rejection of rows over 1 MB (`row-too-long`, ingest/build.ts), which
 * needs the row's bytes as written; such a row is read (README, *Known differences*).
 */
import { identityOfPlans, type FilePlan } from '../ingest/preview';
import type { ColumnRole } from '../ingest/roles';

export interface WarehouseFile {
  /** SQL for a relation with `row` and c0…c(n−1) (VARCHAR; NULL reads as an empty cell). */
  relation: string;
  plan: FilePlan;
  /** The byte scanner reads this file in the app: its quick ISO date read applies (cells.ts date_of). */
  quick: boolean;
  /**
   * Quotes never closed were marked in this file (cli/duckdb/unclosed.ts): a cell holding
   * UNCLOSED_MARK rejects its row as `unclosed-quote`.
   */
  marked?: boolean;
  /** With `marked`: the file's records as the import counts them (header and blank lines too). */
  records?: number;
}

/** cli/duckdb/unclosed.ts UNCLOSED_MARK (U+FDD0) in SQL. */
const UNCLOSED = 'chr(64976)';
/** ingest/build.ts columnName: a column as the person knows it, its header else its position. */
const columnName = (plan: FilePlan, column: number) => (plan.headers[column] || `#${column + 1}`).slice(0, 80);
const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** A segment column of the dataset: files share one by its header (ingest/build.ts segmentIndex). */
export interface WarehouseSegment {
  name: string;
  touchpoint: boolean;
}

export interface AnswerTables {
  /** Read the files: `rejected` and `accepted`. */
  read: string[];
  /** `kept`: the accepted answers without exact duplicates. */
  keep: string;
  segments: WarehouseSegment[];
  identity: 'account' | 'respondent' | null;
}

/** (file, row) as one sortable number: the order the import reads answers in. */
export const ORDER = '(file * 4294967296 + row)';

const cell = (c: number) => `coalesce(c${c}, '')`;

/** The dataset's segment columns and, per file, which of its columns feeds each one. */
function segmentsOf(plans: readonly FilePlan[]): { segments: WarehouseSegment[]; columns: Array<Map<number, number>> } {
  const segments: WarehouseSegment[] = [];
  const columns = plans.map((plan) => {
    const bySegment = new Map<number, number>();
    plan.roles.forEach((role, c) => {
      if (role !== 'segment' && role !== 'touchpoint') return;
      const name = plan.headers[c] || `#${c + 1}`;
      let s = segments.findIndex((x) => x.name === name);
      if (s < 0) s = segments.push({ name, touchpoint: role === 'touchpoint' }) - 1;
      bySegment.set(s, c);
    });
    return bySegment;
  });
  return { segments, columns };
}

/** One file's rows, read: every column the later tables need, for accepted and rejected rows alike. */
function fileRows(index: number, file: WarehouseFile, segmentCount: number, segmentColumns: Map<number, number>): string {
  const { plan } = file;
  const at = (role: ColumnRole) => plan.roles.indexOf(role);
  const text = (role: ColumnRole) => (at(role) >= 0 ? `js_trim(${cell(at(role))})` : "''");
  const raw = (role: ColumnRole) => (at(role) >= 0 ? cell(at(role)) : "''");
  const order = `'${plan.dateOrder}'`;
  const hasDate = at('date') >= 0;
  const blank = plan.headers.map((_, c) => `has_text(${cell(c)})`);
  // The score column first: it is the one nearly every row fills.
  blank.unshift(blank.splice(at('score'), 1)[0]);
  const dayOf = (role: ColumnRole) => (at(role) >= 0 ? `date_of(${cell(at(role))}, ${order}, false).day` : 'CAST(NULL AS INTEGER)');
  const segments = Array.from({ length: segmentCount }, (_, s) => `${segmentColumns.has(s) ? `js_trim(${cell(segmentColumns.get(s)!)})` : "''"} AS s${s}`);
  // ingest/build.ts: an unclosed quote rejects its row, counting the rows it would have swallowed
  // (every record after it: DuckDB numbers records as the scanner does, header and blank ones too).
  const unclosed = file.marked
    ? `CASE ${plan.headers.map((_, c) => `WHEN contains(${cell(c)}, ${UNCLOSED}) THEN ${sqlText(columnName(plan, c))}`).join(' ')} END`
    : 'CAST(NULL AS VARCHAR)';
  const rowsAfter = file.marked ? `${file.records ?? 0} - row` : 'CAST(NULL AS BIGINT)';
  // A quote closed far too late makes rows one comment: lines after its first holding as many
  // delimiters as a row has (at least two, width − 1) are rows; two or more reject the row.
  const needed = Math.max(2, plan.headers.length - 1);
  const delimiter = sqlText(plan.delimiter);
  const swallowed = at('comment') >= 0
    ? `list_transform([regexp_replace(${cell(at('comment'))}, '\r\n?', chr(10), 'g')], lambda _t: CASE WHEN utf16_length(_t) > 40 AND contains(_t, chr(10))
        THEN len(list_filter(string_split(_t, chr(10))[2:], lambda _l: length(_l) - length(replace(_l, ${delimiter}, '')) >= ${needed})) ELSE 0 END)[1]`
    : '0';
  const read = `SELECT ${index} AS file, row, ${unclosed} AS unclosed, ${rowsAfter} AS rows_after, ${swallowed} AS swallowed, score_of(${raw('score')}) AS score, ${raw('score')} AS score_cell, ${raw('date')} AS date_cell, ${raw('completion')} AS status_cell,
      ${at('account') >= 0 ? `identity_of(${cell(at('account'))})` : "''"} AS account,
      ${at('respondent') >= 0 ? `identity_of(${cell(at('respondent'))})` : "''"} AS respondent,
      ${text('comment')} AS comment, ${text('wave')} AS wave, ${text('phase')} AS phase,
      ${at('churn') >= 0 ? `churn_of(${cell(at('churn'))})` : '-1'} AS churn,
      ${at('revenue') >= 0 ? `amount_of(${cell(at('revenue'))})` : 'CAST(NULL AS DOUBLE)'} AS revenue,
      ${at('csat') >= 0 ? `csat_of(${cell(at('csat'))})` : '-1'} AS csat,
      ${dayOf('since')} AS since, ${dayOf('renewal')} AS renewal${segments.map((x) => `, ${x}`).join('')}
    FROM ${file.relation}
    WHERE row > ${plan.headerRows} AND (${blank.join(' OR ')})`;
  const dated = `SELECT *, ${hasDate ? `CASE WHEN score >= 0 THEN date_of(date_cell, ${order}, ${file.quick}) END` : 'CAST(NULL AS STRUCT(day INTEGER, seconds INTEGER))'} AS dated FROM (${read})`;
  // An unfinished response has no score because it was never given: say so (ingest/build.ts addRow).
  const partial = at('completion') >= 0 ? 'score = -1 AND unfinished(status_cell)' : 'false';
  return `SELECT * EXCLUDE (score_cell, date_cell, status_cell, unclosed, rows_after, swallowed),
    CASE WHEN unclosed IS NOT NULL THEN 'unclosed-quote'
         WHEN ${partial} THEN 'partial-response'
         WHEN score < 0 THEN ['score-empty', 'score-not-number', 'score-not-whole', 'score-out-of-range'][-score]
         WHEN ${hasDate ? 'dated IS NULL' : 'false'} THEN CASE WHEN js_trim(date_cell) = '' THEN 'date-empty' ELSE 'date-unreadable' END
         WHEN swallowed >= 2 THEN 'quote-swallowed-rows' END AS code,
    CASE WHEN unclosed IS NOT NULL THEN unclosed
         WHEN ${partial} THEN js_trim(status_cell)
         WHEN score < 0 THEN cut80(js_trim(score_cell))
         WHEN ${hasDate ? 'dated IS NULL' : 'false'} THEN cut80(js_trim(date_cell))
         WHEN swallowed >= 2 THEN ${at('comment') >= 0 ? sqlText(columnName(plan, at('comment'))) : 'NULL'} END AS value,
    CAST(CASE WHEN unclosed IS NOT NULL THEN rows_after
         WHEN ${partial} OR score < 0 OR ${hasDate ? 'dated IS NULL' : 'false'} THEN NULL
         WHEN swallowed >= 2 THEN swallowed END AS INTEGER) AS count
  FROM (${dated})`;
}

/**
 * The statements that make `rejected`, `accepted` and then `kept` from the files: `read` first,
 * then `segmentOverflow` for any column with more than 65,535 values, then `keep`.
 */
export function answerTables(files: readonly WarehouseFile[]): AnswerTables {
  const plans = files.map((f) => f.plan);
  const identity = identityOfPlans(plans);
  const { segments, columns } = segmentsOf(plans);
  const s = segments.map((_, k) => `, s${k}`).join('');
  const customer = identity === 'account' ? 'account' : identity === 'respondent' ? 'respondent' : "''";
  // Exact duplicates: the same in every column the import read. Only a row that says who answered
  // or when to the second is a repeat of the same answer (engine/duplicates.ts); revenue as text
  // because the import tells −0 from 0 (Object.is).
  const sameAnswer = `day, seconds, score, churn, CAST(revenue AS VARCHAR), csat, since, renewal, account, respondent, comment, wave, phase${s}`;
  return {
    identity,
    segments,
    read: [
      `CREATE OR REPLACE TABLE read_rows AS\n${files.map((f, i) => fileRows(i, f, segments.length, columns[i])).join('\nUNION ALL BY NAME\n')};`,
      `CREATE OR REPLACE TABLE rejected AS SELECT file, row, code, value, count FROM read_rows WHERE code IS NOT NULL;`,
      `CREATE OR REPLACE TABLE accepted AS SELECT file, row, score, dated.day AS day, coalesce(dated.seconds, -1) AS seconds,
        account, respondent, comment, wave, phase, churn, revenue, csat, since, renewal${s}
        FROM read_rows WHERE code IS NULL;`,
      `DROP TABLE read_rows;`,
    ],
    keep: `CREATE OR REPLACE TABLE kept AS SELECT file, row, CAST(score AS TINYINT) AS score,
        CAST(CASE WHEN score >= 9 THEN 2 WHEN score >= 7 THEN 1 ELSE 0 END AS TINYINT) AS cat,
        CAST(CASE WHEN score >= 9 THEN 1 WHEN score >= 7 THEN 0 ELSE -1 END AS TINYINT) AS x,
        day, seconds,
        CAST(CASE WHEN day IS NOT NULL THEN (year(DATE '1970-01-01' + day) - 1970) * 12 + month(DATE '1970-01-01' + day) - 1 END AS INTEGER) AS month,
        ${customer} AS customer, comment, wave, churn, revenue, csat${s}
      FROM accepted
      QUALIFY NOT (seconds >= 0 OR account <> '' OR respondent <> '') OR row_number() OVER (PARTITION BY ${sameAnswer} ORDER BY ${ORDER}) = 1;`,
  };
}

/**
 * A segment column with more than 65,535 values is an id, not a segment: the import gives the
 * values past that (in order of first appearance) the blank code (ingest/build.ts code).
 */
export function segmentOverflow(segment: number): string {
  return `UPDATE accepted SET s${segment} = '' WHERE s${segment} IN (
    SELECT s${segment} FROM accepted WHERE s${segment} <> '' GROUP BY s${segment} ORDER BY min(${ORDER}) OFFSET 65535);`;
}

/** How many distinct non-blank values a segment column has among the accepted answers. */
export function segmentValueCount(segment: number): string {
  return `SELECT CAST(count(DISTINCT s${segment}) FILTER (WHERE s${segment} <> '') AS INTEGER) AS n FROM accepted;`;
}
