/**
 * Several tabs, one truth: every write names the version of the dataset it read and is refused,
 * with nothing written, when another tab changed or deleted it since. Two `NpsLinesDatabase`
 * instances on one database name stand for two tabs (each its own connection, as in a browser).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NpsLinesDatabase } from './database';
import { versionOf, type DatasetRecord } from '../engine/dataset';
import { appendAnswers, CHUNK_SIZE, createDataset, deleteDataset, getDataset, loadAnswers, loadDataset, removeFileAnswers, renameDataset } from './datasets';
import { tableFromRows, answersKey, type AnswerTable } from '../engine/answers';
import { textAt } from '../engine/text-column';
import { StorageError, storageProblem } from './storage-error';
import { deleteEvent, listEvents, saveEvent, saveEvents } from './events';
import { readDictionary, resetDictionary, saveDictionary } from './dictionary';
import { loadWordIndex, saveWordIndex } from './word-index';
import { DEFAULT_TOPICS } from '../engine/text/dictionary';

const file = (name: string) => ({ name, size: 10, encoding: 'utf-8' as const, delimiter: ',' as const, accepted: 0, rejected: 0, duplicates: 0, headerRows: 1, headers: ['score'], importedAt: 1 });

/** `n` answers of file `fileIndex`, ids from `firstId`, accounts A<firstId+i>. */
function rows(n: number, fileIndex: number, firstId: number): AnswerTable {
  const t = tableFromRows(Array.from({ length: n }, (_, i) => ({ score: (firstId + i) % 11, day: 19000 + i, file: fileIndex, account: `A${(firstId + i) % 500}`, comment: `c${firstId + i}`, segments: [] })), 0);
  t.id = Uint32Array.from({ length: n }, (_, i) => firstId + i);
  return t;
}

const meta = (id: string, files: number): Omit<DatasetRecord, 'answerCount' | 'chunkCount' | 'nextAnswerId'> => ({
  id, name: id, createdAt: 1, updatedAt: 1, files: Array.from({ length: files }, (_, i) => file(`f${i}.csv`)),
  segmentColumns: [], identity: 'account', hasDates: true, rejected: [{ file: 1, row: 3, rejection: { code: 'score-empty', value: '' } }],
});

/** Two files of 40 and 30 answers. */
async function twoFiles(db: NpsLinesDatabase, id = 'd'): Promise<DatasetRecord> {
  const table = rows(70, 0, 0);
  for (let i = 40; i < 70; i++) table.file[i] = 1;
  return createDataset({ ...meta(id, 2), nextAnswerId: 70 }, table, db);
}

/** What tab B's import writes: a third file of `n` answers appended to the record it read. */
async function appendThird(db: NpsLinesDatabase, read: DatasetRecord, n = 25): Promise<DatasetRecord> {
  const added = rows(n, read.files.length, read.nextAnswerId);
  const after: DatasetRecord = { ...read, files: [...read.files, file('new.csv')], nextAnswerId: read.nextAnswerId + n };
  return appendAnswers(after, added, after.nextAnswerId, db);
}

let name: string;
let tabA: NpsLinesDatabase;
let tabB: NpsLinesDatabase;
beforeEach(() => {
  name = `tabs-${Math.random()}`;
  tabA = new NpsLinesDatabase(name);
  tabB = new NpsLinesDatabase(name);
});
afterEach(async () => {
  tabB.close();
  await tabA.delete();
});

const ids = (t: AnswerTable) => Array.from(t.id);

describe('removing a file’s rows works on what is stored', () => {
  it('refuses to remove from an old copy after another tab appended, and keeps the appended rows', async () => {
    const created = await twoFiles(tabA);
    const seenByA = (await loadDataset('d', tabA))!.record;
    // Tab B appends a file.
    const appended = await appendThird(tabB, (await getDataset('d', tabB))!);
    expect(versionOf(appended)).toBe(versionOf(created) + 1);
    // Tab A, still showing the two-file copy, asks to remove file 0: refused, nothing changes.
    const refused = removeFileAnswers('d', 0, versionOf(seenByA), tabA);
    await expect(refused).rejects.toBeInstanceOf(StorageError);
    await expect(refused).rejects.toMatchObject({ problem: 'changed' });
    const stored = (await loadDataset('d', tabA))!;
    expect(stored.record.files.map((f) => f.name)).toEqual(['f0.csv', 'f1.csv', 'new.csv']);
    expect(stored.table.length).toBe(95);
    expect(ids(stored.table).slice(70)).toEqual(Array.from({ length: 25 }, (_, i) => 70 + i));
    // Reloaded, tab A removes file 0: the other tab's rows stay, file indices move down one.
    const { record, table } = await removeFileAnswers('d', 0, versionOf(stored.record), tabA);
    expect(record.files.map((f) => f.name)).toEqual(['f1.csv', 'new.csv']);
    expect(table.length).toBe(55);
    expect(ids(table)).toEqual([...Array.from({ length: 30 }, (_, i) => 40 + i), ...Array.from({ length: 25 }, (_, i) => 70 + i)]);
    expect(Array.from(table.file)).toEqual([...Array(30).fill(0), ...Array(25).fill(1)]);
    expect(record.rejected).toEqual([{ file: 0, row: 3, rejection: { code: 'score-empty', value: '' } }]);
    const back = (await loadDataset('d', tabB))!;
    expect(back.record).toEqual(record);
    expect(ids(back.table)).toEqual(ids(table));
    expect(textAt(back.table.comment, 30)).toBe('c70');
  });

  it('cannot lose the appended rows when an append and a removal race from the same version', async () => {
    for (let round = 0; round < 6; round++) {
      const id = `race-${round}`;
      const read = await twoFiles(tabA, id);
      // Started in both orders: IndexedDB runs the two transactions one after the other.
      const writes = round % 2 ? [appendThird(tabB, read), removeFileAnswers(id, 0, versionOf(read), tabA)] : [removeFileAnswers(id, 0, versionOf(read), tabA), appendThird(tabB, read)];
      const results = await Promise.allSettled(writes);
      const appendWon = results[round % 2 ? 0 : 1].status === 'fulfilled';
      const removeWon = results[round % 2 ? 1 : 0].status === 'fulfilled';
      // Exactly one of them was made from version 1; the other was refused as 'changed'.
      expect(appendWon !== removeWon).toBe(true);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(storageProblem(refused.reason)).toBe('changed');
      const stored = (await loadDataset(id, tabA))!;
      expect(stored.table.length).toBe(stored.record.answerCount);
      expect(await tabA.chunks.where('datasetId').equals(id).count()).toBe(stored.record.chunkCount);
      if (appendWon) expect(ids(stored.table).slice(-25)).toEqual(Array.from({ length: 25 }, (_, i) => 70 + i));
      else expect(ids(stored.table)).toEqual(Array.from({ length: 30 }, (_, i) => 40 + i));
    }
  });

  it('filters every stored chunk and re-encodes customers across them', async () => {
    const n = CHUNK_SIZE + 100;
    const table = rows(n, 0, 0);
    for (let i = 0; i < n; i += 2) table.file[i] = 1;
    const created = await createDataset({ ...meta('big', 2), nextAnswerId: n }, table, tabA);
    expect(created.chunkCount).toBe(2);
    await tabA.wordIndexes.put({ datasetId: 'big', tokeniserVersion: 1, answersKey: answersKey(created), answerCount: n, keep: [], words: [], tokens: new Uint32Array(0), ends: new Uint32Array(0), builtAt: 1 });
    const { record, table: left } = await removeFileAnswers('big', 1, versionOf(created), tabA);
    expect(record.answerCount).toBe(n / 2);
    expect(record.chunkCount).toBe(1);
    expect(ids(left).slice(0, 3)).toEqual([1, 3, 5]);
    expect(Array.from(left.file).every((f) => f === 0)).toBe(true);
    // Codes follow first appearance in what is left: A1 is customer 1, A3 customer 2…
    expect(Array.from(left.customer.slice(0, 3))).toEqual([1, 2, 3]);
    expect(await tabA.chunks.where('datasetId').equals('big').count()).toBe(1);
    expect(await loadWordIndex('big', tabA)).toBeNull();
  });
});

describe('an append to a dataset deleted meanwhile', () => {
  it('fails cleanly: nothing written, the dataset not brought back', async () => {
    const read = await twoFiles(tabA);
    await deleteDataset('d', tabB);
    await expect(appendThird(tabA, read)).rejects.toMatchObject({ problem: 'deleted' });
    expect(await getDataset('d', tabA)).toBeUndefined();
    expect(await tabA.chunks.count()).toBe(0);
  });

  it('is refused from a stale version too (another tab appended first)', async () => {
    const read = await twoFiles(tabA);
    await appendThird(tabB, read);
    await expect(appendThird(tabA, read)).rejects.toMatchObject({ problem: 'changed' });
    const stored = (await loadDataset('d', tabA))!;
    expect(stored.record.files).toHaveLength(3);
    expect(stored.table.length).toBe(95);
  });

  it('leaves the database as it was when the disk is full half way', async () => {
    const full = new NpsLinesDatabase(name);
    let added = 0;
    full.use({
      stack: 'dbcore',
      name: 'quota',
      create: (down) => ({
        ...down,
        table(t) {
          const table = down.table(t);
          if (t !== 'chunks') return table;
          return { ...table, mutate: (req) => (req.type === 'add' && ++added > 1 ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(req)) };
        },
      }),
    });
    const read = await twoFiles(tabA);
    const before = (await loadDataset('d', tabA))!;
    const error = await appendAnswers({ ...read, files: [...read.files, file('x')] }, rows(CHUNK_SIZE * 2, 2, 70), 70 + CHUNK_SIZE * 2, full).catch((e) => e);
    full.close();
    expect(storageProblem(error)).toBe('quota');
    const after = (await loadDataset('d', tabA))!;
    expect(after.record).toEqual(before.record);
    expect(ids(after.table)).toEqual(ids(before.table));
    expect(await tabA.chunks.count()).toBe(1);
  });
});

describe('rename, events, dictionary and word index check too', () => {
  it('rename bumps the version and is refused from a stale one', async () => {
    const read = await twoFiles(tabA);
    const renamed = await renameDataset('d', 'Survey 2024', tabB, versionOf(read));
    expect(versionOf(renamed)).toBe(versionOf(read) + 1);
    await expect(renameDataset('d', 'Other', tabA, versionOf(read))).rejects.toMatchObject({ problem: 'changed' });
    expect((await getDataset('d', tabA))?.name).toBe('Survey 2024');
    await deleteDataset('d', tabA);
    await expect(renameDataset('d', 'Gone', tabB)).rejects.toMatchObject({ problem: 'deleted' });
    expect(await tabB.datasets.count()).toBe(0);
  });

  it('events are stored only beside their dataset, and an edit of a deleted event is refused', async () => {
    await twoFiles(tabA);
    const event = { id: 'e1', datasetId: 'd', date: '2024-04-01', label: 'Price change', kind: 'pricing' as const };
    await saveEvent(event, tabA, true);
    await deleteEvent('e1', tabB);
    await expect(saveEvent({ ...event, label: 'Edited' }, tabA)).rejects.toMatchObject({ problem: 'event-gone' });
    expect(await listEvents('d', tabA)).toEqual([]);
    await deleteDataset('d', tabB);
    await expect(saveEvent({ ...event, id: 'e2' }, tabA, true)).rejects.toMatchObject({ problem: 'deleted' });
    await expect(saveEvents([{ ...event, id: 'e3' }], tabA)).rejects.toMatchObject({ problem: 'deleted' });
    expect(await tabA.events.count()).toBe(0);
  });

  it('a dictionary save names the version it started from; reset keeps counting', async () => {
    const mine = [{ ...DEFAULT_TOPICS[0], keywords: ['機能'] }];
    expect(await readDictionary(tabA)).toEqual({ topics: null, version: 0, problem: null });
    const v1 = await saveDictionary(mine, tabA, 0);
    expect(v1).toBe(1);
    // Tab B still thinks nothing is stored: its save would undo tab A's edit.
    await expect(saveDictionary(DEFAULT_TOPICS, tabB, 0)).rejects.toMatchObject({ problem: 'dictionary-changed' });
    expect((await readDictionary(tabB)).topics).toEqual(mine);
    const v2 = await resetDictionary(tabB);
    expect(v2).toBe(2);
    expect(await readDictionary(tabA)).toEqual({ topics: null, version: 2, problem: null });
    await expect(saveDictionary(mine, tabA, 1)).rejects.toMatchObject({ problem: 'dictionary-changed' });
    expect(await saveDictionary(mine, tabA, 2)).toBe(3);
  });

  it('a stored dictionary that cannot be used is reported, not used', async () => {
    await tabA.dictionaries.put({ id: 'app', topics: [DEFAULT_TOPICS[0], DEFAULT_TOPICS[0]], savedAt: 1, version: 4 });
    expect(await readDictionary(tabA)).toEqual({ topics: null, version: 4, problem: { code: 'duplicate-id', id: 'features' } });
    await tabA.dictionaries.put({ id: 'app', topics: [{ id: 'x', label: { ja: 'x', en: 'x' }, keywords: [42] }] as never, savedAt: 1 });
    expect((await readDictionary(tabA)).problem).toEqual({ code: 'bad-keyword', id: 'x' });
    await expect(saveDictionary([{ id: 'x', label: { ja: 'x', en: 'x' }, keywords: [42 as never] }], tabA)).rejects.toThrow(RangeError);
  });

  it('a word index is stored only for the answers it was made from', async () => {
    const read = await twoFiles(tabA);
    const index = { datasetId: 'd', tokeniserVersion: 1, answersKey: answersKey(read), answerCount: 70, keep: [], words: ['a'], tokens: Uint32Array.of(0), ends: Uint32Array.of(1), builtAt: 1 };
    await appendThird(tabB, read);
    expect(await saveWordIndex(index, tabA)).toBe(false);
    expect(await loadWordIndex('d', tabA)).toBeNull();
    const now = (await getDataset('d', tabA))!;
    expect(await saveWordIndex({ ...index, answersKey: answersKey(now), answerCount: 95 }, tabA)).toBe(true);
  });
});

describe('storage problems', () => {
  it('are named from our refusals, Dexie’s wrappers and the browser’s exceptions', () => {
    expect(storageProblem(new StorageError('deleted'))).toBe('deleted');
    expect(storageProblem(new DOMException('x', 'QuotaExceededError'))).toBe('quota');
    expect(storageProblem({ name: 'AbortError', message: 'aborted', inner: { name: 'QuotaExceededError', message: '' } })).toBe('quota');
    expect(storageProblem({ name: 'MissingAPIError', message: 'IndexedDB API missing' })).toBe('unavailable');
    expect(storageProblem({ name: 'UnknownError', message: 'Internal error opening backing store' })).toBe('failed');
    expect(storageProblem(new Error('The serialized value is too large; disk full'))).toBe('quota');
  });
});

// A loaded table equals a freshly read one (no memory copy is written back).
it('loadAnswers and loadDataset read the same answers', async () => {
  const read = await twoFiles(tabA);
  expect(ids(await loadAnswers(read, tabA))).toEqual(ids((await loadDataset('d', tabA))!.table));
});
