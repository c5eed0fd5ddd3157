import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NpsLinesDatabase } from './database';
import { deleteAllData } from './all-data';
import { createDataset, appendAnswers, getDataset, loadAnswers } from './datasets';
import { saveEvents } from './events';
import { saveDictionary } from './dictionary';
import { saveFollowUp, savePlaybook } from './follow-ups';
import { rememberMapping } from './mappings';
import { saveWordIndex } from './word-index';
import { makeBackup, openBackup, restoreBackup, restoreCounts, snapshotTables } from './backup';
import { BACKUP_MAGIC, BackupError, readBackup, writeBackup } from './backup-file';
import { tableFromRows, NO_DAY, type AnswerTable } from '../engine/answers';
import { textAt } from '../engine/text-column';
import type { DatasetRecord } from '../engine/dataset';
import { DEFAULT_TOPICS } from '../engine/text/dictionary';

/** Answers with every kind of value a column holds: unknown dates, NaN revenue, text of every script. */
function answers(n: number, offset = 0): AnswerTable {
  return tableFromRows(
    Array.from({ length: n }, (_, k) => {
      const i = k + offset;
      return {
        score: i % 11,
        day: i % 13 ? 19000 + (i % 400) : NO_DAY,
        seconds: i % 5 ? 3600 + i : -1,
        account: `A${i % 300}`,
        respondent: `p${i}@example.jp`,
        customer: 1 + (i % 300),
        comment: i % 4 ? '' : `コメント ${i} 😀 "quoted" \\ \u0000 ${i % 8 ? '' : '\ud800'}`,
        wave: `2024-Q${1 + (i % 4)}`,
        churn: i % 3 - 1,
        revenue: i % 2 ? NaN : i * 1000.5,
        since: i % 2 ? NO_DAY : 18000 + i,
        segments: [1 + (i % 3), i % 2],
      };
    }),
    2,
  );
}

const meta = (id: string): Omit<DatasetRecord, 'answerCount' | 'chunkCount' | 'nextAnswerId'> => ({
  id,
  name: `Dataset ${id} <b>&`,
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  files: [{ name: 'a.csv', size: 10, encoding: 'shift_jis', delimiter: ',', accepted: 0, rejected: 1, duplicates: 0, headerRows: 1, headers: ['score', 'プラン'], importedAt: 1 }],
  segmentColumns: [{ name: 'プラン', values: ['', 'Free', 'Pro', 'Enterprise'] }, { name: '__proto__', values: ['', 'x'], touchpoint: true }],
  identity: 'account',
  hasDates: true,
  rejected: [{ file: 0, row: 7, rejection: { code: 'score-not-number', value: 'abc' }, cells: ['abc', ''] }],
});

/** Fills every table, the known ones with real records and any other with a record made from its key. */
async function fillEverything(db: NpsLinesDatabase): Promise<void> {
  await createDataset(meta('a'), answers(70_000), db);
  await createDataset({ ...meta('b'), sample: true }, answers(30, 5), db);
  await saveEvents([
    { id: 'e1', datasetId: 'a', date: '2024-04-01', label: '値上げ <script>', kind: 'pricing' },
    { id: 'e2', datasetId: 'b', date: '2024-10-01', label: 'Support', kind: 'support', segment: 'プラン: Pro' },
  ], db);
  await rememberMapping({ signature: 'sig', headers: ['score', 'date'], headerRows: 1, roles: ['score', 'date'], dateOrder: 'ymd', savedAt: 5 } as never, db);
  await saveDictionary([{ ...DEFAULT_TOPICS[0], feasibility: 'short' }, ...DEFAULT_TOPICS.slice(1)], db);
  await saveWordIndex({ datasetId: 'a', tokeniserVersion: 3, answersKey: 'a@70000:70000', answerCount: 70_000, keep: ['サポート'], words: ['遅い', 'price'], tokens: new Uint32Array([0, 1, 1, 0]), ends: new Uint32Array(70_000).fill(4), builtAt: 9 }, db);
  await saveFollowUp({ key: 'A1|2024-04-02|-1|3|0|', status: 'contacted', owner: 'Sato', due: '2024-05-01', notes: 'called <b>', updatedAt: 11 }, db);
  await saveFollowUp({ key: 'A2|||5|2|遅い', status: 'wont', owner: '', due: '', notes: '', updatedAt: 12 }, db);
  await savePlaybook({ id: 'detractor', text: '3日以内に電話', savedAt: 13 }, db);
  for (const table of db.tables) {
    if ((await table.count()) > 0) continue;
    // A table this test does not know yet (a later version's): one record made from its key path.
    const path = table.schema.primKey.keyPath;
    const record: Record<string, unknown> = { datasetId: 'a', note: 'made by the backup test', at: new Date(7), values: new Float64Array([1, NaN]) };
    for (const key of Array.isArray(path) ? path : path ? [path] : []) record[key] ??= `${table.name}-key`;
    await (path ? table.add(record) : table.add(record, `${table.name}-key`));
  }
}

/** Every table's records, to compare two databases. */
async function everything(db: NpsLinesDatabase): Promise<Record<string, unknown[]>> {
  return Object.fromEntries((await snapshotTables(db)).map((t) => [t.name, t.keys ? t.rows.map((r, i) => [t.keys![i], r]) : t.rows]));
}

let db: NpsLinesDatabase;
beforeEach(() => {
  db = new NpsLinesDatabase(`backup-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

// Tens of thousands of answers through fake-indexeddb: seconds, more on a busy machine.
const SLOW = 60_000;

describe('a backup', { timeout: SLOW }, () => {
  it('round-trips every table exactly: backup → delete all → restore', async () => {
    await fillEverything(db);
    const before = await everything(db);
    for (const table of db.tables) expect(before[table.name].length, table.name).toBeGreaterThan(0);

    const file = (await makeBackup('test', db)).blob;
    await deleteAllData(db);
    for (const table of db.tables) expect(await table.count()).toBe(0);
    const backup = await openBackup(file, db);
    const result = await restoreBackup(backup, 'replace', db);

    expect(await everything(db)).toEqual(before);
    expect(result.datasets.sort()).toEqual(['a', 'b']);
    expect(result.added.chunks).toBe(3);
    // The answers read back as the app reads them, typed arrays and all.
    const table = await loadAnswers((await getDataset('a', db))!, db);
    const original = answers(70_000);
    expect(table.revenue).toEqual(original.revenue);
    expect(table.revenue).toBeInstanceOf(Float64Array);
    expect(Number.isNaN(table.revenue[1])).toBe(true);
    expect(table.day[0]).toBe(NO_DAY);
    expect(table.segments[1]).toEqual(original.segments[1]);
    expect(textAt(table.comment, 8)).toBe(textAt(original.comment, 8));
    expect(textAt(table.comment, 8)).toContain('\ud800');
  });

  it('keeps values JSON cannot hold: −0, NaN, infinities, undefined, dates, big integers, Blobs, maps, a "$t" key', async () => {
    const shared = new Uint16Array([1, 2, 3, 4]).buffer;
    const blob = new Blob([new Uint8Array([0, 255, 1])], { type: 'image/png' });
    const value = {
      zero: -0, nan: NaN, inf: -Infinity, none: undefined, when: new Date(1_700_000_000_123), big: 2n ** 70n,
      blob, map: new Map<unknown, unknown>([[1, 'a'], ['k', new Int16Array([-1, 2])]]), set: new Set(['x']), $t: 'not a tag', b: 0,
      view: new Uint8Array(shared, 2, 4), buffer: new Uint8Array([9, 8]).buffer, list: [1, , 3],
    };
    const file = await writeBackup([{ name: 'things', rows: [value], keys: [[1, 'x']] }], { database: 1, app: 'test', createdAt: '2024-01-01T00:00:00Z' });
    const back = (await readBackup(file, 1)).tables[0];
    const row = back.rows[0] as typeof value;
    expect(Object.is(row.zero, -0)).toBe(true);
    expect(row.nan).toBeNaN();
    expect(row.inf).toBe(-Infinity);
    expect('none' in row && row.none === undefined).toBe(true);
    expect(row.when).toEqual(new Date(1_700_000_000_123));
    expect(row.big).toBe(2n ** 70n);
    expect(row.blob).toBeInstanceOf(Blob);
    expect(row.blob.type).toBe('image/png');
    expect([...new Uint8Array(await row.blob.arrayBuffer())]).toEqual([0, 255, 1]);
    expect(row.map.get('k')).toEqual(new Int16Array([-1, 2]));
    expect(row.set.has('x')).toBe(true);
    expect(row.$t).toBe('not a tag');
    expect(row.view).toEqual(new Uint8Array(shared.slice(2, 6)));
    expect(new Uint8Array(row.buffer)).toEqual(new Uint8Array([9, 8]));
    expect(row.list).toEqual([1, undefined, 3]);
    expect(back.keys).toEqual([[1, 'x']]);
  });

  it('includes a table added by a later version, keys held outside the records too', async () => {
    class Later extends NpsLinesDatabase {
      constructor(name: string) {
        super(name);
        this.version(this.verno + 1).stores({ notes: '' });
      }
    }
    const later = new Later(`backup-later-${Math.random()}`);
    try {
      await later.table('notes').add({ text: 'メモ' }, 'n1');
      await later.table('notes').add({ text: 'second' }, 'n2');
      const file = (await makeBackup('test', later)).blob;
      await deleteAllData(later);
      await restoreBackup(await openBackup(file, later), 'replace', later);
      expect(await later.table('notes').get('n2')).toEqual({ text: 'second' });
      expect(await later.table('notes').count()).toBe(2);
      // The current version cannot read it: the file says it comes from a newer one.
      await expect(openBackup(file, db)).rejects.toMatchObject({ problem: 'newer' });
    } finally {
      await later.delete();
    }
  });
});

describe('a file that cannot be restored changes nothing', { timeout: SLOW }, () => {
  async function refused(file: Blob, problem: string) {
    const before = await everything(db);
    const error = await openBackup(file, db).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).problem).toBe(problem);
    expect(await everything(db)).toEqual(before);
  }

  it('says which: not a backup, newer, cut short, changed bytes, records missing', async () => {
    await createDataset(meta('here'), answers(50), db);
    const source = new NpsLinesDatabase(`backup-source-${Math.random()}`);
    try {
      await fillEverything(source);
      const file = (await makeBackup('test', source)).blob;
      const bytes = new Uint8Array(await file.arrayBuffer());

      await refused(new Blob(['account,score\nA,9\n']), 'not-backup');
      await refused(new Blob([]), 'not-backup');
      await refused(new Blob([bytes.subarray(0, 10)]), 'not-backup');
      const text = new TextDecoder().decode(bytes.subarray(0, 200));
      const newer = (from: string, to: string) => new Blob([new TextEncoder().encode(text.replace(from, to)), bytes.subarray(200)]);
      await refused(newer('"format":1', '"format":2'), 'newer');
      await refused(newer(`"database":${db.verno}`, `"database":${db.verno + 1}`), 'newer');
      // Version 8 stores texts as code units, which an app of version 7 cannot read: it refuses the backup.
      expect(db.verno).toBe(8);
      await expect(readBackup(file, 7)).rejects.toMatchObject({ problem: 'newer' });
      await refused(new Blob([bytes.subarray(0, bytes.length - 1)]), 'damaged');
      await refused(new Blob([bytes.subarray(0, Math.floor(bytes.length / 2))]), 'damaged');
      await refused(new Blob([bytes.subarray(0, BACKUP_MAGIC.length + 20)]), 'damaged');
      const flipped = bytes.slice();
      flipped[Math.floor(bytes.length * 0.6)] ^= 0xff;
      await refused(new Blob([flipped]), 'damaged');
      // A dataset whose answers are not in the file, and answers whose dataset is not.
      const tables = await snapshotTables(source);
      const without = (name: string) => tables.map((t) => (t.name === name ? { ...t, rows: t.rows.slice(1) } : t));
      await refused(await writeBackup(without('chunks'), { database: db.verno, app: 't', createdAt: '' }), 'damaged');
      await refused(await writeBackup(without('datasets'), { database: db.verno, app: 't', createdAt: '' }), 'damaged');
      await refused(await writeBackup([...tables, { name: 'unknown', rows: [{}] }], { database: db.verno, app: 't', createdAt: '' }), 'damaged');
    } finally {
      await source.delete();
    }
  });

  it('a restore that fails half way leaves the browser as it was', async () => {
    await fillEverything(db);
    const file = (await makeBackup('test', db)).blob;
    await appendAnswers((await getDataset('a', db))!, answers(10, 70_000), 70_010, db);
    // The same database, opened with a disk that refuses the answers, written after every table
    // was emptied and the other records added.
    const failing = new NpsLinesDatabase(db.name);
    let chunkWrites = 0;
    failing.use({
      stack: 'dbcore',
      name: 'fail-chunks',
      create: (down) => ({
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== 'chunks') return table;
          return { ...table, mutate: (req) => (req.type === 'add' && ++chunkWrites === 1 ? Promise.reject(new Error('disk gone')) : table.mutate(req)) };
        },
      }),
    });
    const before = await everything(db);
    try {
      const backup = await openBackup(file, failing);
      await expect(restoreBackup(backup, 'replace', failing)).rejects.toThrow('disk gone');
      expect(chunkWrites).toBe(1);
      expect(await everything(failing)).toEqual(before);
      chunkWrites = 0;
      await expect(restoreBackup(backup, 'merge', failing)).resolves.toBeTruthy();
    } finally {
      failing.close();
    }
  });
});

describe('restoring into a browser that has data', { timeout: SLOW }, () => {
  /** The browser: dataset a appended since the backup, a follow-up resolved since, a new dataset c. */
  async function browserAfterBackup(): Promise<Blob> {
    await fillEverything(db);
    const file = (await makeBackup('test', db)).blob;
    await appendAnswers((await getDataset('a', db))!, answers(10, 70_000), 70_010, db);
    await saveFollowUp({ key: 'A1|2024-04-02|-1|3|0|', status: 'resolved', owner: 'Ito', due: '', notes: '', updatedAt: 20 }, db);
    await saveFollowUp({ key: 'new-here', status: 'new', owner: '', due: '', notes: '', updatedAt: 21 }, db);
    await db.datasets.delete('b');
    await db.chunks.where('datasetId').equals('b').delete();
    await db.events.delete('e2');
    await createDataset(meta('c'), answers(20), db);
    return file;
  }

  it('merge keeps both, and the browser’s version of what both have', async () => {
    const file = await browserAfterBackup();
    const here = await everything(db);
    const result = await restoreBackup(await openBackup(file, db), 'merge', db);

    expect(result.datasets).toEqual(['b']);
    // Dataset a as it is here (appended), b back with its answers and event, c untouched.
    expect((await getDataset('a', db))!.answerCount).toBe(70_010);
    expect((await loadAnswers((await getDataset('b', db))!, db)).length).toBe(30);
    expect(await db.events.get('e2')).toMatchObject({ datasetId: 'b', label: 'Support' });
    expect((await getDataset('c', db))!.answerCount).toBe(20);
    // The follow-up resolved here stays resolved; the one only here stays.
    expect((await db.followUps.get('A1|2024-04-02|-1|3|0|'))!.status).toBe('resolved');
    expect(await db.followUps.get('A2|||5|2|遅い')).toMatchObject({ status: 'wont' });
    expect(await db.followUps.get('new-here')).toBeTruthy();
    expect(result.skipped.followUps).toBe(2);
    // Nothing that was here changed.
    const after = await everything(db);
    for (const [name, rows] of Object.entries(here)) for (const row of rows) expect(after[name], name).toContainEqual(row);
    // Merging again adds nothing.
    const again = await restoreBackup(await openBackup(file, db), 'merge', db);
    expect(Object.values(again.added).reduce((s, n) => s + n, 0)).toBe(0);
  });

  it('replace makes the browser the backup, with versions above the replaced ones', async () => {
    const file = await browserAfterBackup();
    const a = (await getDataset('a', db))!;
    const result = await restoreBackup(await openBackup(file, db), 'replace', db);
    expect(result.removedDatasets).toEqual(['c']);
    expect(await getDataset('c', db)).toBeUndefined();
    const restored = (await getDataset('a', db))!;
    expect(restored.answerCount).toBe(70_000);
    // The tab that appended holds version a.version: the restored dataset is newer than that.
    expect(restored.version).toBe(a.version! + 1);
    expect((await db.followUps.get('A1|2024-04-02|-1|3|0|'))!.status).toBe('contacted');
    expect(await db.followUps.get('new-here')).toBeUndefined();
    expect(await db.events.get('e2')).toBeTruthy();
  });
});

describe('restoreCounts(result)', () => {
  it('counts datasets apart from the other records written, and the records kept', () => {
    expect(restoreCounts({ added: { datasets: 2, chunks: 3, events: 1 }, skipped: { followUps: 2, datasets: 1 }, datasets: ['a', 'b'], removedDatasets: [] })).toEqual({ datasets: 2, records: 4, skipped: 3 });
  });
});

describe('readBackup: a record whose value cannot be made', () => {
  /** A backup file written by hand: the header, then gzip of the entries as given. */
  async function handMade(values: unknown[]): Promise<Blob> {
    const encoder = new TextEncoder();
    const parts: Uint8Array[] = [];
    const entry = (json: unknown) => {
      const bytes = encoder.encode(JSON.stringify(json));
      const length = new Uint8Array(4);
      new DataView(length.buffer).setUint32(0, bytes.byteLength, true);
      parts.push(length, bytes);
    };
    for (const value of values) entry({ table: 'mappings', value });
    entry({ end: { mappings: values.length } });
    const body = await new Response(new Blob(parts as BlobPart[]).stream().pipeThrough(new CompressionStream('gzip'))).blob();
    const header = { format: 1, database: 1, app: 't', createdAt: '', tables: { mappings: values.length } };
    return new Blob([`${BACKUP_MAGIC}${JSON.stringify(header)}\n`, body]);
  }

  it('is refused as damaged, not failed with an error of another kind', async () => {
    for (const value of [{ $t: 'Map', v: 5 }, { $t: 'bigint', v: 'twelve' }, { $t: 'RegExp', source: 'a', flags: 'zz' }]) {
      const error = await readBackup(await handMade([value]), 99).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      expect((error as BackupError).problem).toBe('damaged');
    }
    // The same file with a readable value is read.
    expect((await readBackup(await handMade([{ signature: 's' }]), 99)).tables[0].rows).toEqual([{ signature: 's' }]);
  });
});
