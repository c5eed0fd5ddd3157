// `npm run bench` step "duckdb": the command line's `--engine duckdb` on a generated export, timed
// from the file on disk to the finished report, each stage apart (prepare: the preview and any
// UTF-8 copy; read: cells to answers and rejections; keep: exact duplicates dropped; count: the
// count tables, the comments streamed to the tagger, the report).
//
//   node tests/bench/bundle-run.mjs tests/bench/duckdb.ts ROWS [EXPORT.csv]
//
// Without EXPORT.csv the export is generated (generate.mjs, seed 42) into a temporary folder and
// removed afterwards: 10M rows are ~1.4 GB, never kept in the repository.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeWithDuckDb } from '../../src/lib/cli/duckdb/analyze-duckdb';
import { generateExport } from './generate.mjs';

const rows = Number(process.argv[2] ?? 10_000_000);
const given = process.argv[3];
const scratch = given && existsSync(given) ? null : mkdtempSync(join(tmpdir(), 'nps-lines-bench-'));
const path = scratch ? join(scratch, `export-${rows}.csv`) : given!;
try {
  let generateSeconds: number | null = null;
  if (scratch) {
    const t = performance.now();
    await generateExport(path, rows);
    generateSeconds = (performance.now() - t) / 1000;
  }
  const steps: Record<string, number> = {};
  const t0 = performance.now();
  const report = await analyzeWithDuckDb([path], 'en', { onStep: (step, seconds) => (steps[`${step}Seconds`] = Math.round(seconds * 100) / 100) });
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({
    bench: 'duckdb', rows, bytes: statSync(path).size, responses: report.dataset.responses, customers: report.dataset.customers,
    seconds: Math.round(seconds * 100) / 100, ...steps, rowsPerSecond: Math.round(rows / seconds),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), generateSeconds: generateSeconds === null ? null : Math.round(generateSeconds * 10) / 10,
    where: 'node, embedded DuckDB (memory limit 1GB)',
  }));
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
