import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { NpsLinesDatabase } from './database';
import { deleteReferenceLine, listReferenceLines, saveReferenceLine } from './references';
import { createDataset, deleteDataset } from './datasets';
import { tableFromRows } from '../engine/answers';

let db: NpsLinesDatabase;
beforeEach(() => {
  db = new NpsLinesDatabase(`references-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const record = (id: string) => ({ id, name: id, createdAt: 1, updatedAt: 1, files: [], segmentColumns: [], identity: null, hasDates: true, rejected: [] });

describe('reference lines', () => {
  it('are stored per dataset, targets first, and deleted one by one', async () => {
    await saveReferenceLine({ id: 'b1', datasetId: 'a', kind: 'benchmark', value: -35, label: 'SaaS', source: 'Survey', year: 2024 }, db);
    await saveReferenceLine({ id: 't1', datasetId: 'a', kind: 'target', value: 20, label: 'Goal' }, db);
    await saveReferenceLine({ id: 'x', datasetId: 'other', kind: 'target', value: 0, label: '' }, db);
    expect((await listReferenceLines('a', db)).map((l) => l.id)).toEqual(['t1', 'b1']);
    await deleteReferenceLine('t1', db);
    expect((await listReferenceLines('a', db)).map((l) => l.id)).toEqual(['b1']);
  });

  it('go with their dataset', async () => {
    await createDataset(record('a'), tableFromRows([{ score: 9 }], 0), db);
    await saveReferenceLine({ id: 't1', datasetId: 'a', kind: 'target', value: 20, label: 'Goal' }, db);
    await deleteDataset('a', db);
    expect(await listReferenceLines('a', db)).toEqual([]);
  });

  it('open a database of the previous version with its data kept (a new table, version 7)', async () => {
    const name = `references-upgrade-${Math.random()}`;
    const old = new Dexie(name);
    old.version(6).stores({ datasets: 'id, updatedAt', chunks: '[datasetId+index], datasetId', mappings: 'signature, savedAt', events: 'id, datasetId', dictionaries: 'id', wordIndexes: 'datasetId', followUps: 'key, updatedAt', playbooks: 'id' });
    await old.table('events').add({ id: 'e1', datasetId: 'a', date: '2024-04-01', label: 'Price', kind: 'pricing' });
    old.close();
    const upgraded = new NpsLinesDatabase(name);
    try {
      expect(await upgraded.events.count()).toBe(1);
      await saveReferenceLine({ id: 't1', datasetId: 'a', kind: 'target', value: 20, label: 'Goal' }, upgraded);
      expect(await listReferenceLines('a', upgraded)).toHaveLength(1);
    } finally {
      await upgraded.delete();
    }
  });
});
