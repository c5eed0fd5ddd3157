import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NpsLinesDatabase } from './database';
import { type DatasetRecord } from '../engine/dataset';
import { CHUNK_SIZE, createDataset, deleteDataset, getDataset, listDatasets, loadAnswers, renameDataset } from './datasets';
import { tableFromRows, type AnswerTable } from '../engine/answers';
import { textAt, TextColumnBuilder, unpackText } from '../engine/text-column';
import { unitsOf } from '../engine/text-units';
import { loadWordIndex, saveWordIndex } from './word-index';
import { storedLookOf } from '../engine/first-look';

function answers(n: number): AnswerTable {
  return tableFromRows(
    Array.from({ length: n }, (_, i) => ({
      score: i % 11,
      day: 19000 + (i % 400),
      account: `A${i % 1000}`,
      customer: 1 + (i % 1000),
      comment: i % 7 ? '' : `コメント${i}`,
      segments: [1 + (i % 3)],
    })),
    1,
  );
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

describe('the first look kept with a new dataset', () => {
  it('counts every stored answer, by category and by month, and is shown only for those answers', async () => {
    // Scores 10, 9, 8, 7, 6, 0, 10 and one undated 3: promoters 3, passives 2, detractors 3 of 8,
    // NPS (3 − 3) / 8 = 0; January 2022 (days 18993–19023) has 10, 9, 6 → (2 − 1) / 3 = +33.3.
    const table = tableFromRows([
      { score: 10, day: 18993 }, { score: 9, day: 19000 }, { score: 6, day: 19023 },
      { score: 8, day: 19024 }, { score: 7, day: 19030 }, { score: 0, day: 19040 }, { score: 10, day: 19050 },
      { score: 3 },
    ], 0);
    const record = await createDataset(meta('look'), table, db);
    const stored = (await getDataset('look', db))!;
    const look = storedLookOf(stored)!;
    expect([look.n, look.promoters, look.passives, look.detractors]).toEqual([8, 3, 2, 3]);
    expect(look.nps).toBeCloseTo(0, 10);
    expect(look.months.map((m) => [m.iso, m.n])).toEqual([['2022-01', 3], ['2022-02', 4]]);
    expect(look.months[0].nps).toBeCloseTo(100 / 3, 10);
    // Another set of answers (an append, a file's answers removed) has another key: not shown.
    expect(storedLookOf({ ...record, answerCount: record.answerCount + 1 })).toBeNull();
    expect(storedLookOf({ ...record, firstLook: undefined })).toBeNull();
  });
});

describe('createDataset stores answers as columnar chunks', () => {
  it('keeps the next answer id it is given (an import that skipped duplicates used more ids)', async () => {
    const record = await createDataset({ ...meta('ids'), nextAnswerId: 12 }, answers(5), db);
    expect(record.nextAnswerId).toBe(12);
    expect((await getDataset('ids', db))?.nextAnswerId).toBe(12);
    expect((await createDataset(meta('plain'), answers(5), db)).nextAnswerId).toBe(5);
  });

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
    expect(textAt(back.account, CHUNK_SIZE + 5)).toBe(`A${(CHUNK_SIZE + 5) % 1000}`);
    expect(back.customer).toEqual(table.customer);
  }, 30_000); // 131k answers through the in-memory IndexedDB: seconds when the machine is busy

  it('stores the texts of an import as the code units they were built as, and reads them back undecoded', async () => {
    const table = answers(CHUNK_SIZE + 3);
    const comments = Array.from({ length: table.length }, (_, i) => (i % 5 ? `とても良い ${i}` : ''));
    const built = new TextColumnBuilder(16), ids = new TextColumnBuilder(16);
    comments.forEach((c, i) => (built.push(c), ids.push(`ACME-${i}`)));
    table.comment = built.finish();
    table.account = ids.finish();
    const record = await createDataset(meta('units'), table, db);
    // Not decoded to be stored: the import's column is still code units.
    expect(unitsOf(table.comment)).toBeDefined();
    const stored = await db.chunks.get(['units', 1]);
    expect((stored!.comment as { units: unknown[] }).units[0]).toBeInstanceOf(Uint16Array);
    expect((stored!.account as { units: unknown[] }).units[0]).toBeInstanceOf(Uint8Array);
    const back = await loadAnswers(record, db);
    expect(unitsOf(back.comment)).toHaveLength(2);
    expect(textAt(back.comment, CHUNK_SIZE + 1)).toBe(comments[CHUNK_SIZE + 1]);
    expect(textAt(back.account, CHUNK_SIZE + 2)).toBe(`ACME-${CHUNK_SIZE + 2}`);
    expect(unpackText(back.comment)).toEqual(comments);
  }, 30_000);

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

describe('the cached word index', () => {
  const stored = (datasetId: string) => ({
    datasetId, tokeniserVersion: 1, answersKey: `${datasetId}@3:3`, answerCount: 3, keep: ['料金'],
    words: ['料金', '高い'], tokens: Uint32Array.from([0, 1, 0]), ends: Uint32Array.from([2, 2, 3]), builtAt: 5,
  });

  it('is stored with its typed arrays and deleted with its dataset', async () => {
    await createDataset(meta('a'), answers(3), db);
    await saveWordIndex(stored('a'), db);
    const back = await loadWordIndex('a', db);
    expect(back?.words).toEqual(['料金', '高い']);
    expect([...back!.tokens]).toEqual([0, 1, 0]);
    expect(back!.ends).toBeInstanceOf(Uint32Array);
    await deleteDataset('a', db);
    expect(await loadWordIndex('a', db)).toBeNull();
  });

  it('is not stored for a dataset deleted while the words were counted', async () => {
    await saveWordIndex(stored('gone'), db);
    expect(await loadWordIndex('gone', db)).toBeNull();
  });
});
