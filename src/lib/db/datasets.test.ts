import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NpsLinesDatabase, type DatasetRecord } from './database';
import { CHUNK_SIZE, createDataset, deleteDataset, getDataset, listDatasets, loadAnswers, renameDataset } from './datasets';
import { emptyTable, type AnswerTable } from '../engine/answers';

function answers(n: number): AnswerTable {
  const t = emptyTable(1);
  t.length = n;
  t.id = Uint32Array.from({ length: n }, (_, i) => i);
  t.score = Int8Array.from({ length: n }, (_, i) => i % 11);
  t.day = Int32Array.from({ length: n }, (_, i) => 19000 + (i % 400));
  t.seconds = new Int32Array(n).fill(-1);
  t.file = new Uint16Array(n);
  t.row = Uint32Array.from({ length: n }, (_, i) => i + 2);
  t.account = Array.from({ length: n }, (_, i) => `A${i % 1000}`);
  t.respondent = new Array(n).fill('');
  t.comment = Array.from({ length: n }, (_, i) => (i % 7 ? '' : `コメント${i}`));
  t.wave = new Array(n).fill('');
  t.segments = [Uint16Array.from({ length: n }, (_, i) => 1 + (i % 3))];
  return t;
}

const meta = (id: string): Omit<DatasetRecord, 'answerCount' | 'chunkCount' | 'nextAnswerId'> => ({
  id,
  name: `Dataset ${id}`,
  createdAt: 1,
  updatedAt: 1,
  files: [{ name: 'a.csv', size: 10, encoding: 'utf-8', delimiter: ',', accepted: 0, rejected: 0, duplicates: 0, headerRows: 1, headers: ['a'], importedAt: 1 }],
  segmentColumns: [{ name: 'plan', values: ['', 'Free', 'Pro', 'Enterprise'] }],
  identity: 'account',
  hasDates: true,
  rejected: [],
});

let db: NpsLinesDatabase;
beforeEach(() => {
  db = new NpsLinesDatabase(`test-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('createDataset stores answers as columnar chunks', () => {
  it('reads back exactly what was stored, across several chunks', async () => {
    const table = answers(CHUNK_SIZE * 2 + 10);
    const record = await createDataset(meta('a'), table, db);
    expect(record.chunkCount).toBe(3);
    expect(await db.chunks.count()).toBe(3);
    const back = await loadAnswers(record, db);
    expect(back.length).toBe(table.length);
    expect(back.score).toEqual(table.score);
    expect(back.day).toEqual(table.day);
    expect(back.id).toEqual(table.id);
    expect(back.comment).toEqual(table.comment);
    expect(back.segments[0]).toEqual(table.segments[0]);
    expect(back.account[CHUNK_SIZE + 5]).toBe(`A${(CHUNK_SIZE + 5) % 1000}`);
  });

  it('leaves nothing behind when the import fails half way', async () => {
    await createDataset(meta('kept'), answers(5), db);
    const failing = createDataset(meta('broken'), answers(CHUNK_SIZE * 3), db, (stored) => {
      if (stored === 2) throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
    expect((await listDatasets(db)).map((d) => d.id)).toEqual(['kept']);
    expect(await db.chunks.where('datasetId').equals('broken').count()).toBe(0);
    expect(await db.chunks.count()).toBe(1);
  });
});

describe('renameDataset and deleteDataset', () => {
  it('renames without touching the answers', async () => {
    await createDataset(meta('a'), answers(3), db);
    await renameDataset('a', '2024 survey', db);
    const record = await getDataset('a', db);
    expect(record?.name).toBe('2024 survey');
    expect((await loadAnswers(record!, db)).length).toBe(3);
  });
  it('deletes the dataset and all its chunks, and only those', async () => {
    await createDataset(meta('a'), answers(CHUNK_SIZE + 1), db);
    await createDataset(meta('b'), answers(4), db);
    await deleteDataset('a', db);
    expect(await getDataset('a', db)).toBeUndefined();
    expect(await db.chunks.where('datasetId').equals('a').count()).toBe(0);
    expect(await db.chunks.where('datasetId').equals('b').count()).toBe(1);
  });
});
