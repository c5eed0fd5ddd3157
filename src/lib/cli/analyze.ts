/**
 * `npm run analyze -- FILE... [--outcomes FILE]... [--json] [--lang ja|en] [--engine ts|duckdb] [--memory-limit 2GB]`:
 * the same report as the app, from the command line (scheduled reports, checking numbers).
 *
 * The default engine runs the very ingest and engine code the page runs (cli/analyze-files.ts),
 * which proves that code needs no browser; it holds the files in memory. `--engine duckdb`
 * computes the same report as SQL (src/lib/warehouse/) in an embedded DuckDB
 * (cli/duckdb/analyze-duckdb.ts) over CSV or Parquet files of any size, spilling to a temporary
 * folder beyond `--memory-limit` (default 1GB). It leaves three steps to TypeScript: topic
 * mentions (the comments are streamed out of DuckDB and tagged by the app's own tagger), churn,
 * revenue and responses (the kept answers are streamed back to the engine's outcomesReport, only
 * when outcomes are known), and one pass over each CSV's quotes before DuckDB reads it.
 * `--outcomes FILE` (repeatable) joins a file about the accounts, with either engine.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyzeFiles, AnalyzeError } from './analyze-files';
import { translate, type Locale } from '../i18n/messages';
import type { Report } from '../engine/report';

function fail(message: string): never {
  process.stderr.write(`analyze: ${message}\n`);
  process.exit(1);
}

const USAGE = 'usage: npm run analyze -- FILE... [--outcomes FILE]... [--json] [--lang ja|en] [--engine ts|duckdb] [--memory-limit 2GB]';
const args = process.argv.slice(2);
/** Options that take a value: the value is not a file. */
const valued = new Set(['--lang', '--engine', '--memory-limit', '--outcomes']);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const json = args.includes('--json');
const lang: Locale = option('--lang') === 'ja' ? 'ja' : 'en';
const engine = option('--engine') ?? 'ts';
if (engine !== 'ts' && engine !== 'duckdb') fail(`unknown engine "${engine}" (ts or duckdb)\n${USAGE}`);
const memoryLimit = option('--memory-limit');
// `--outcomes FILE` (repeatable): a file about the accounts, joined on the account id.
const outcomeAt = args.flatMap((a, i) => (a === '--outcomes' ? [i + 1] : []));
const paths = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]));
if (!paths.length || outcomeAt.some((i) => !args[i] || args[i].startsWith('--'))) fail(USAGE);
const outcomePaths = outcomeAt.map((i) => args[i]);

const read = (path: string) => {
  try {
    return { name: basename(path), bytes: new Uint8Array(readFileSync(path)) };
  } catch (error) {
    return fail(translate(lang, 'error.unreadable', { file: path, message: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
};

async function duckdbReport(): Promise<Report> {
  // Loaded only when asked for: the default engine needs no native module.
  const { analyzeWithDuckDb } = await import('./duckdb/analyze-duckdb');
  for (const path of paths) {
    try {
      accessSync(path, constants.R_OK);
    } catch (error) {
      fail(translate(lang, 'error.unreadable', { file: path, message: (error as NodeJS.ErrnoException).code ?? String(error) }));
    }
  }
  // The files about the accounts are small (one row per account): read whole, as the default engine reads them.
  const accountFiles = outcomePaths.map(read);
  try {
    return await analyzeWithDuckDb(paths, lang, { memoryLimit, accountFiles });
  } catch (error) {
    if (error instanceof AnalyzeError) fail(error.message);
    throw error;
  }
}

function typescriptReport(): Report {
  const sources = paths.map(read);
  const accountFiles = outcomePaths.map(read);
  try {
    return analyzeFiles(sources, lang, accountFiles);
  } catch (error) {
    if (error instanceof AnalyzeError) fail(error.message);
    throw error;
  }
}

const report = engine === 'duckdb' ? await duckdbReport() : typescriptReport();

if (json) {
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
} else {
  const o = report.overall;
  const fmt = (v: number) => `${v > 0 ? '+' : ''}${v.toFixed(1)}`;
  const lines = [
    `${report.dataset.name}`,
    `NPS ${o.nps === null ? '—' : fmt(o.nps)}  95% ${o.ci95 ? `[${fmt(o.ci95[0])}, ${fmt(o.ci95[1])}]` : '—'}  (adjusted Wald)`,
    `answers ${o.n}: promoters ${o.promoters}, passives ${o.passives}, detractors ${o.detractors}`,
    `customers ${report.dataset.customers ?? '—'}   dates ${report.dataset.from ?? '—'} … ${report.dataset.to ?? '—'}`,
    `scores 0–10: ${report.distribution.join(' ')}`,
    ...(report.churn ? [`churn per category (one answer per account, Wilson 95%): ${(['detractor', 'passive', 'promoter'] as const).map((c) => {
      const r = report.churn!.byCategory[c];
      return `${c}s ${r.rate === null ? '—' : `${r.rate.toFixed(1)}% [${r.ci95![0].toFixed(1)}, ${r.ci95![1].toFixed(1)}]`} (${r.churned}/${r.n})`;
    }).join(', ')}`] : []),
    ...(report.revenue ? [`revenue ${report.revenue.total} (detractors ${report.revenue.byCategory.detractor.sum}, passives ${report.revenue.byCategory.passive.sum}, promoters ${report.revenue.byCategory.promoter.sum}); at risk ${report.revenue.atRisk.total} (${Math.round(100 * report.revenue.atRisk.lostShare)}% of ${report.revenue.atRisk.base})`] : []),
    `rejected rows: ${report.dataset.rejected}`,
    ...report.rejectedRows.slice(0, 50).map((r) => `  ${r.file}:${r.row}  ${r.reason}`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
