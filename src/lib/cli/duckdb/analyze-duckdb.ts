/**
 * `--engine duckdb`: the report of some exports computed as SQL by an embedded DuckDB. The
 * exports are prepared (read-export.ts), read into answers (warehouse/answers.ts), counted
 * (warehouse/counts.ts), and the counts made into the report by the engine's statistics
 * (warehouse/report.ts). Tables live in a database file in a temporary folder, so memory stays
 * at DuckDB's limit whatever the size of the exports; the folder is removed at the end. The
 * exception: when the answers or `--outcomes` files know churn, revenue or satisfaction, the kept
 * answers are streamed back into an answer table for the engine's outcomesReport (outcomes.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerTables, segmentOverflow, segmentValueCount } from '../../warehouse/answers';
import { CLUSTERS, COMMENTS, DATASET, DISTRIBUTION, HAS_WAVES, MONTHS, REJECTED, TRANSITIONS, WAVES, WAVE_COUNT, periodSums, segmentValues, wavePicks, waveTable } from '../../warehouse/counts';
import { warehouseReport, type PeriodSums, type SegmentValueCounts, type WarehouseCounts } from '../../warehouse/report';
import { calendarCadence, type Cadence } from '../../engine/overview-story';
import { TopicCounter } from '../../warehouse/topics';
import { DEFAULT_TOPICS } from '../../engine/text/dictionary';
import { periodLabel } from '../../engine/periods';
import type { RejectionCode } from '../../engine/dataset';
import type { Report } from '../../engine/report';
import type { Locale } from '../../i18n/messages';
import { openDatabase, type Database } from './database';
import { csvRelation, decodeToUtf8, readCsvExport, readParquetExport, type ExportFile } from './read-export';

import { accountSettings } from '../analyze-files';
import { describeRejection } from '../../i18n/rejection';
import { outcomesOfKept } from './outcomes';

export { AnalyzeError } from '../analyze-files';

export interface DuckDbOptions {
  /** DuckDB's memory limit (default 1GB): beyond it, tables and sorts go to the temporary folder. */
  memoryLimit?: string;
  threads?: number;
  /** Where the temporary folder is made (default: the system's). */
  scratch?: string;
  /** Called with each step's name and seconds, for the bench. */
  onStep?: (step: string, seconds: number) => void;
  /** Files about the accounts (`--outcomes FILE`), read whole: outcomes and/or the invited. */
  accountFiles?: ReadonlyArray<{ name: string; bytes: Uint8Array }>;
}

const isParquet = (path: string) => /\.parquet$/i.test(path);

/** Reads the exports into `rejected` and `accepted`, falling back where DuckDB's reader needs it. */
async function readAnswers(db: Database, files: ExportFile[], scratch: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      for (const statement of answerTables(files).read) await db.run(statement);
      return;
    } catch (error) {
      const message = String(error);
      if (attempt > 3) throw error;
      // DuckDB's parallel reader cannot number rows when quoted fields hold line breaks.
      if (/parallel/i.test(message)) {
        for (const f of files) if (f.csv) f.relation = csvRelation(f.csv, false);
      } else if (/unicode|utf-?8/i.test(message)) {
        // Invalid UTF-8 past the preview: decoded as the app decodes it (U+FFFD), then read again.
        for (const f of files) {
          if (!f.csv) continue;
          const copy = join(scratch, `${f.name}-${attempt}.utf8.csv`);
          await decodeToUtf8(f.csv.path, copy, 'utf-8');
          f.csv.path = copy;
          f.relation = csvRelation(f.csv, !/parallel = false/.test(f.relation));
        }
      } else throw error;
    }
  }
}

/**
 * The overview's line at the data's own cadence (engine/overview-story.ts groupingOf): the wave
 * column's waves when it has two or more, else months when a typical month has MONTHLY_FROM
 * answers, else quarters; counted per period in SQL (counts.ts periodSums).
 */
async function lineOf(db: Database, column: boolean, months: ReadonlyArray<{ month: number; n: number }>): Promise<WarehouseCounts['line']> {
  let cadence: Cadence;
  if (column && (await db.rows<{ n: number }>(WAVE_COUNT))[0].n >= 2) cadence = 'wave';
  else {
    const perMonth = new Map<number, number>();
    for (const m of months) perMonth.set(m.month, (perMonth.get(m.month) ?? 0) + m.n);
    if (perMonth.size === 0) return null;
    cadence = calendarCadence([...perMonth.values()].map((n) => ({ n })));
  }
  const labels = cadence === 'wave' ? new Map((await db.rows<{ w: number; label: string }>('SELECT w, label FROM waves;')).map((w) => [w.w, w.label])) : null;
  const periods = (await db.rows<Record<string, number | null>>(periodSums(cadence))).map((r): PeriodSums => ({
    g: r.g!, ...(labels ? { label: labels.get(r.g!)! } : {}),
    detractors: r.detractors!, passives: r.passives!, promoters: r.promoters!, firstDay: r.first_day, lastDay: r.last_day,
    loose: r.loose!, looseX: r.loose_x!, looseX2: r.loose_x2!, customers: r.customers!, tt: r.tt!, tm: r.tm!, mm: r.mm!,
  }));
  return { cadence, periods };
}

async function countAnswers(db: Database, files: ExportFile[], topics: TopicCounter, segments: Array<{ name: string }>): Promise<WarehouseCounts> {
  const distribution = new Array<number>(11).fill(0);
  for (const { score, n } of await db.rows<{ score: number; n: number }>(DISTRIBUTION)) distribution[score] = n;
  const [dataset] = await db.rows<{ customers: number; first_day: number | null; last_day: number | null }>(DATASET);
  const [clusters] = await db.rows<{ customers: number; tt: number; tm: number; mm: number; loose: number; loose_x: number; loose_x2: number }>(CLUSTERS);
  const segmentCounts: WarehouseCounts['segments'] = [];
  for (let s = 0; s < segments.length; s++) {
    const rows = await db.rows<Record<string, number> & { value: string }>(segmentValues(s));
    const values: SegmentValueCounts[] = rows.map((r) => ({
      value: r.value, promoters: r.promoters, passives: r.passives, detractors: r.detractors,
      loose: r.loose, looseX: r.loose_x, looseX2: r.loose_x2, customers: r.customers, ss: r.ss, sn: r.sn, nn: r.nn,
      onlyHere: r.only_here, dTt: r.d_tt, dTm: r.d_tm, dMm: r.d_mm,
    }));
    segmentCounts.push({ name: segments[s].name, values });
  }
  const [{ column }] = await db.rows<{ column: boolean }>(HAS_WAVES);
  await db.run(waveTable(column));
  await db.run(wavePicks(column));
  const waves = (await db.rows<{ label: string | null; key: number | null; customers: number }>(WAVES)).map((w) => ({
    label: column ? w.label! : periodLabel(w.key!, { kind: 'quarter' }),
    customers: w.customers,
  }));
  const months = await db.rows<{ month: number; cat: number; n: number }>(MONTHS);
  const line = await lineOf(db, column, months);
  const transitions = (await db.rows<{ w: number; from_cat: number; to_cat: number; n: number }>(TRANSITIONS)).map((t) => ({ w: t.w, fromCat: t.from_cat, toCat: t.to_cat, n: t.n }));
  const rejected = (await db.rows<{ file: number; row: number; code: RejectionCode; value: string; count: number | null }>(REJECTED))
    .map((r) => ({ file: r.file, row: r.row, rejection: { code: r.code, value: r.value, ...(r.count === null ? {} : { count: r.count }) } }));
  // The comments stream through the tagger a chunk at a time.
  const result = await db.connection.stream(COMMENTS);
  for await (const rows of result.yieldRowsJs()) for (const [comment, cat, month, n] of rows) topics.add(comment as string, cat as number, month as number | null, n as number);
  return {
    distribution,
    customers: dataset.customers,
    firstDay: dataset.first_day,
    lastDay: dataset.last_day,
    months,
    line,
    clusters: { customers: clusters.customers, tt: clusters.tt, tm: clusters.tm, mm: clusters.mm, loose: clusters.loose, looseX: clusters.loose_x, looseX2: clusters.loose_x2 },
    segments: segmentCounts,
    waves,
    transitions,
    rejected,
    topics: topics.counts(),
  };
}

export async function analyzeWithDuckDb(paths: readonly string[], lang: Locale, options: DuckDbOptions = {}): Promise<Report> {
  const scratch = mkdtempSync(join(options.scratch ?? tmpdir(), 'nps-lines-duckdb-'));
  let started = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    options.onStep?.(name, (now - started) / 1000);
    started = now;
  };
  const db = await openDatabase({ path: join(scratch, 'answers.duckdb'), memoryLimit: options.memoryLimit ?? '1GB', threads: options.threads, tempDirectory: join(scratch, 'spill') });
  try {
    const files: ExportFile[] = [];
    for (const path of paths) files.push(isParquet(path) ? await readParquetExport(path, scratch, lang, db) : await readCsvExport(path, scratch, lang));
    step('prepare');
    await readAnswers(db, files, scratch);
    step('read');
    const tables = answerTables(files);
    for (let s = 0; s < tables.segments.length; s++) {
      const [{ n }] = await db.rows<{ n: number }>(segmentValueCount(s));
      if (n > 0xffff) await db.run(segmentOverflow(s));
    }
    await db.run(tables.keep);
    step('keep');
    const counts = await countAnswers(db, files, new TopicCounter(DEFAULT_TOPICS), tables.segments);
    step('count');
    const report = warehouseReport(counts, {
      name: files.map((f) => f.name).join(' + '),
      files: files.map((f) => f.name),
      identity: tables.identity,
      describe: (r) => describeRejection(lang, r),
      topics: DEFAULT_TOPICS,
      lang,
    });
    // Files about the accounts (`--outcomes`), read as the default engine reads them, after the
    // exports (so errors come in the same order); churn, revenue and responses from streamed answers.
    const settings = accountSettings(options.accountFiles ?? [], lang);
    Object.assign(report, await outcomesOfKept(db, tables.identity, settings));
    step('outcomes');
    return report;
  } finally {
    db.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}
