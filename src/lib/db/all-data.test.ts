import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NpsLinesDatabase } from './database';
import { type DatasetRecord } from '../engine/dataset';
import { createDataset } from './datasets';
import { deleteAllData, storedTotals } from './all-data';
import { tableFromRows } from '../engine/answers';

const table = (n: number) => tableFromRows(Array.from({ length: n }, (_, i) => ({ score: i % 11, day: 19000 + i, comment: '', segments: [] })), 0);

const record = (id: string): Omit<DatasetRecord, 'answerCount' | 'chunkCount' | 'nextAnswerId'> => ({
  id,
  name: id,
  createdAt: 1,
  updatedAt: 1,
  files: [],
  segmentColumns: [],
  identity: null,
  hasDates: true,
  rejected: [],
});

let db: NpsLinesDatabase;
beforeEach(() => {
  db = new NpsLinesDatabase(`all-data-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('all stored data', () => {
  it('is counted over every dataset', async () => {
    await createDataset(record('a'), table(70_000), db);
    await createDataset(record('b'), table(12), db);
    expect(await storedTotals(db)).toEqual({ datasets: 2, answers: 70_012 });
  });

  it('is deleted from every table at once', async () => {
    await createDataset(record('a'), table(70_000), db);
    await db.events.add({ id: 'e1', datasetId: 'a', date: '2024-04-01', label: 'Price', kind: 'pricing' });
    await db.mappings.add({ signature: 's', savedAt: 1, roles: [] } as never);
    await deleteAllData(db);
    for (const t of db.tables) expect(await t.count(), t.name).toBe(0);
    expect(await storedTotals(db)).toEqual({ datasets: 0, answers: 0 });
  });

  it('is left whole when the deletion fails half way', async () => {
    // The events table refuses to be emptied, after datasets and chunks already were (the
    // tables are cleared in their declared order), as a disk failure would.
    const failing = new NpsLinesDatabase(`all-data-failing-${Math.random()}`);
    failing.use({
      stack: 'dbcore',
      name: 'fail-events',
      create: (down) => ({
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== 'events') return table;
          return { ...table, mutate: (req) => (req.type === 'deleteRange' ? Promise.reject(new Error('disk gone')) : table.mutate(req)) };
        },
      }),
    });
    try {
      await createDataset(record('a'), table(70_000), failing);
      const chunks = await failing.chunks.count();
      expect(chunks).toBe(2);
      await expect(deleteAllData(failing)).rejects.toThrow('disk gone');
      expect(await failing.datasets.count()).toBe(1);
      expect(await failing.chunks.count()).toBe(chunks);
    } finally {
      await failing.delete();
    }
  });
});
