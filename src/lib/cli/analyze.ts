/**
 * `npm run analyze -- FILE... [--json] [--lang ja|en]`: the same report as the app, from the
 * command line (scheduled reports, checking numbers). It runs the very ingest and engine code the
 * page runs, which proves that code needs no browser.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importFiles } from '../ingest/pipeline';
import { PreviewError, previewFile } from '../ingest/preview';
import { buildReport } from '../engine/report';
import { translate, type Locale } from '../i18n/messages';

function fail(message: string): never {
  process.stderr.write(`analyze: ${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const langAt = args.indexOf('--lang');
const lang: Locale = langAt >= 0 && args[langAt + 1] === 'ja' ? 'ja' : 'en';
const paths = args.filter((a, i) => !a.startsWith('--') && !(langAt >= 0 && i === langAt + 1));
if (!paths.length) fail('usage: npm run analyze -- FILE... [--json] [--lang ja|en]');

const sources = paths.map((path) => {
  try {
    return { name: basename(path), bytes: new Uint8Array(readFileSync(path)) };
  } catch (error) {
    return fail(translate(lang, 'error.unreadable', { file: path, message: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
});
const plans = sources.map((source) => {
  try {
    const plan = previewFile(source.bytes, true).plan;
    if (!plan.roles.includes('score')) fail(`${source.name}: ${translate(lang, 'preview.noScore')}`);
    return plan;
  } catch (error) {
    if (error instanceof PreviewError) return fail(translate(lang, `error.${error.problem}`, { file: source.name }));
    throw error;
  }
});

const built = importFiles(sources, plans);
const identity = plans.some((p) => p.roles.includes('account')) ? 'account' : plans.some((p) => p.roles.includes('respondent')) ? 'respondent' : null;
const report = buildReport({
  name: sources.map((s) => s.name).join(' + '),
  files: sources.map((s) => s.name),
  identity,
  table: built.table,
  rejectedRows: built.rejected.map((r) => ({
    file: sources[r.file].name,
    row: r.row,
    reason: translate(lang, `reason.${r.rejection.code}`, { value: r.rejection.value }),
  })),
});

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
    `rejected rows: ${report.dataset.rejected}`,
    ...report.rejectedRows.slice(0, 50).map((r) => `  ${r.file}:${r.row}  ${r.reason}`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
