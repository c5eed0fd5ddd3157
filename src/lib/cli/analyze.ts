/**
 * `npm run analyze -- FILE... [--json] [--lang ja|en]`: the same report as the app, from the
 * command line (scheduled reports, checking numbers). It runs the very ingest and engine code the
 * page runs (cli/analyze-files.ts), which proves that code needs no browser.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyzeFiles, AnalyzeError } from './analyze-files';
import { translate, type Locale } from '../i18n/messages';

function fail(message: string): never {
  process.stderr.write(`analyze: ${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const langAt = args.indexOf('--lang');
const lang: Locale = langAt >= 0 && args[langAt + 1] === 'ja' ? 'ja' : 'en';
// `--outcomes FILE` (repeatable): a file about the accounts, joined on the account id.
const outcomeAt = args.flatMap((a, i) => (a === '--outcomes' ? [i + 1] : []));
const valueAt = new Set([...(langAt >= 0 ? [langAt + 1] : []), ...outcomeAt]);
const paths = args.filter((a, i) => !a.startsWith('--') && !valueAt.has(i));
if (!paths.length || outcomeAt.some((i) => !args[i] || args[i].startsWith('--'))) fail('usage: npm run analyze -- FILE... [--outcomes FILE]... [--json] [--lang ja|en]');

const read = (path: string) => {
  try {
    return { name: basename(path), bytes: new Uint8Array(readFileSync(path)) };
  } catch (error) {
    return fail(translate(lang, 'error.unreadable', { file: path, message: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
};
const sources = paths.map(read);
const accountFiles = outcomeAt.map((i) => read(args[i]));
let report;
try {
  report = analyzeFiles(sources, lang, accountFiles);
} catch (error) {
  if (error instanceof AnalyzeError) fail(error.message);
  throw error;
}

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
