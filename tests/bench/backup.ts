// `npm run bench` step "backup": an export generate.mjs made (customer, date-time, score, four
// segments, a Japanese comment on ~60% of rows) read as the page reads it, cut into the page's
// chunks, written as a backup file and read back (db/backup-file.ts, in Node: the same code the
// page runs; IndexedDB's own reading and writing are not included).
//   node tests/bench/bundle-run.mjs tests/bench/backup.ts bench-out/answers-v2-1000000.csv
import { readFileSync } from 'node:fs';
import { importFiles } from '../../src/lib/ingest/pipeline';
import { previewFile } from '../../src/lib/ingest/preview';
import { sliceTable } from '../../src/lib/engine/answers';
import { CHUNK_SIZE } from '../../src/lib/db/datasets';
import { readBackup, writeBackup } from '../../src/lib/db/backup-file';

const bytes = new Uint8Array(readFileSync(process.argv[2]));
const { table } = importFiles([{ name: 'export.csv', bytes }], [previewFile(bytes, true).plan]);
const chunks = [];
for (let start = 0, index = 0; start < table.length; start += CHUNK_SIZE, index++) {
  chunks.push({ datasetId: 'd', index, ...sliceTable(table, start, Math.min(table.length, start + CHUNK_SIZE)) });
}
const tables = [{ name: 'datasets', rows: [{ id: 'd', name: 'export.csv', answerCount: table.length, chunkCount: chunks.length }] }, { name: 'chunks', rows: chunks }];
let t = performance.now();
const file = await writeBackup(tables, { database: 6, app: 'bench', createdAt: new Date().toISOString() });
const writeMs = performance.now() - t;
t = performance.now();
const back = await readBackup(file, 6);
const readMs = performance.now() - t;
if (back.tables[1].rows.length !== chunks.length) throw new Error('read back a different number of chunks');
console.log(JSON.stringify({ bench: 'backup', answers: table.length, csvMB: +(bytes.length / 1e6).toFixed(1), backupMB: +(file.size / 1e6).toFixed(1), writeMs: Math.round(writeMs), readMs: Math.round(readMs) }));
