import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NpsLinesDatabase } from './database';
import { createDataset, getDataset, updateDatasetSettings } from './datasets';
import { withValidSettings } from './validate-settings';
import { tableFromRows } from '../engine/answers';
import type { DatasetRecord } from '../engine/dataset';
import type { AccountFacts } from '../engine/account-files';

const meta: Omit<DatasetRecord, 'answerCount' | 'chunkCount' | 'nextAnswerId'> = {
  id: 'd', name: 'D', createdAt: 1, updatedAt: 1, files: [], segmentColumns: [], identity: 'account', hasDates: false, rejected: [],
};
const facts: AccountFacts = {
  file: 'crm.csv', importedAt: 5, columns: { account: 'id', churn: 'churned', revenue: 'arr' },
  accounts: ['A', 'B'], churn: [1, 0], revenue: [100, null], withoutAccount: 0, repeated: 0,
};

let db: NpsLinesDatabase;
beforeEach(() => {
  db = new NpsLinesDatabase(`settings-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('updateDatasetSettings', () => {
  it('stores settings on the record, removes one given as undefined, and counts a version', async () => {
    const created = await createDataset(meta, tableFromRows([{ score: 9, account: 'A', customer: 1 }]), db);
    const a = await updateDatasetSettings('d', { employee: true, outcomes: facts, lostShare: 0.3 }, created.version!, db);
    expect(a.version).toBe(created.version! + 1);
    const stored = await getDataset('d', db);
    expect(stored).toMatchObject({ employee: true, lostShare: 0.3, outcomes: facts });
    await updateDatasetSettings('d', { outcomes: undefined }, a.version!, db);
    expect((await getDataset('d', db))!.outcomes).toBeUndefined();
    expect((await getDataset('d', db))!.employee).toBe(true);
  });

  it('refuses a change made from an old copy, writing nothing', async () => {
    const created = await createDataset(meta, tableFromRows([{ score: 9 }]), db);
    await updateDatasetSettings('d', { employee: true }, created.version!, db);
    await expect(updateDatasetSettings('d', { employee: false }, created.version!, db)).rejects.toMatchObject({ problem: 'changed' });
    expect((await getDataset('d', db))!.employee).toBe(true);
    await expect(updateDatasetSettings('gone', { employee: true }, 1, db)).rejects.toMatchObject({ problem: 'deleted' });
  });
});

describe('withValidSettings', () => {
  const record = { ...meta, answerCount: 0, chunkCount: 0, nextAnswerId: 0 } as DatasetRecord;
  it('keeps usable settings and leaves out the rest', () => {
    expect(withValidSettings({ ...record, employee: true, outcomes: facts })).toMatchObject({ employee: true, outcomes: facts });
    const broken = withValidSettings({ ...record, employee: 'yes', lostShare: 3, outcomes: { ...facts, churn: [1] }, invited: { file: 'x' } } as unknown as DatasetRecord);
    expect(['employee', 'lostShare', 'outcomes', 'invited'].filter((k) => k in broken)).toEqual([]);
    expect(broken.name).toBe('D');
  });
});
