// `npm run bench` step "recompute": every view's statistics after a filter change, on the
// answers of a generated export (engine only, in Node: the same code the page runs).
import { readFileSync } from 'node:fs';
import { previewFile } from '../../src/lib/ingest/preview';
import { importFiles } from '../../src/lib/ingest/pipeline';
import { filterMask } from '../../src/lib/engine/filters';
import { computeOverview } from '../../src/lib/engine/overview';
import { npsByPeriod } from '../../src/lib/engine/periods';
import { compareSegments } from '../../src/lib/engine/segments';
import { detectShifts } from '../../src/lib/engine/shifts';
import { isoToDay } from '../../src/lib/ingest/values';

const path = process.argv[2];
const bytes = new Uint8Array(readFileSync(path));
const plan = previewFile(bytes.subarray(0, 256 * 1024), false).plan;
const built = importFiles([{ name: 'bench.csv', bytes }], [plan]);
const { table, segmentColumns } = built;
const plan0 = segmentColumns[0];
const filters = [
  { fromDay: isoToDay('2024-03-01'), toDay: isoToDay('2024-10-31'), segments: {}, waves: [] },
  { fromDay: null, toDay: null, segments: { [plan0.name]: [plan0.values[1]] }, waves: [] },
  { fromDay: isoToDay('2024-01-01'), toDay: null, segments: { [plan0.name]: [plan0.values[2], plan0.values[3]] }, waves: [] },
];
const times: number[] = [];
for (let round = 0; round < 15; round++) {
  const f = filters[round % filters.length];
  const t = performance.now();
  const mask = filterMask(table, segmentColumns, f);
  computeOverview(table, 'account', mask);
  const months = npsByPeriod(table, { kind: 'month' }, mask);
  detectShifts(months);
  compareSegments(table, plan0, table.segments[0], mask);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ bench: 'recompute', rows: table.length, ms: Math.round(times[Math.floor(times.length / 2)] * 10) / 10, worstMs: Math.round(times[times.length - 1] * 10) / 10, where: 'node, engine only: filter mask + overview + months + shifts + one segment table' }));
