/**
 * Schema upgrades: a database made by the first release (version 1: datasets and chunks, text
 * columns as arrays of strings, no customer codes, files without duplicates or headers), then
 * given what versions 2–5 added (a remembered mapping, events, an edited dictionary, a word
 * index), each written the way that version wrote it, opens with the current code and reads
 * back every answer, mapping, event, dictionary and word index.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { NpsLinesDatabase } from './database';
import { appendAnswers, getDataset, listDatasets, loadDataset, removeFileAnswers } from './datasets';
import { findMapping } from './mappings';
import { listEvents } from './events';
import { readDictionary, saveDictionary } from './dictionary';
import { loadWordIndex } from './word-index';
import { answersKey, tableFromRows } from '../engine/answers';
import { textAt } from '../engine/text-column';
import { versionOf } from '../engine/dataset';
import { DEFAULT_TOPICS } from '../engine/text/dictionary';

const SCHEMAS: Record<number, Record<string, string>> = {
  1: { datasets: 'id, updatedAt', chunks: '[datasetId+index], datasetId' },
  2: { mappings: 'signature, savedAt' },
  3: { events: 'id, datasetId' },
  4: { dictionaries: 'id' },
  5: { wordIndexes: 'datasetId' },
};

/** The database as the app's version `v` declared it (each version adds its stores). */
function asVersion(name: string, v: number): Dexie {
  const db = new Dexie(name);
  for (let i = 1; i <= v; i++) db.version(i).stores(SCHEMAS[i]);
  return db;
}

// The first release's dataset: 5 answers from two files, a plan segment, accounts and comments.
const V1_RECORD = {
  id: 'v1', name: 'Survey 2023', createdAt: 1000, updatedAt: 2000,
  files: [
    { name: 'jan.csv', size: 120, encoding: 'utf-8', delimiter: ',', accepted: 3, rejected: 1, importedAt: 1000 },
    { name: 'feb.csv', size: 90, encoding: 'shift_jis', delimiter: ',', accepted: 2, rejected: 0, importedAt: 2000 },
  ],
  segmentColumns: [{ name: 'plan', values: ['', 'Free', 'Pro'] }],
  identity: 'account', hasDates: true, answerCount: 5, chunkCount: 2, nextAnswerId: 5,
  rejected: [{ file: 0, row: 4, rejection: { code: 'score-empty', value: '' } }],
};
const V1_CHUNKS = [
  {
    datasetId: 'v1', index: 0, length: 3,
    id: Uint32Array.of(0, 1, 2), score: Int8Array.of(10, 6, 8), day: Int32Array.of(19360, 19361, 19365), seconds: Int32Array.of(-1, 3600, -1),
    file: Uint16Array.of(0, 0, 0), row: Uint32Array.of(2, 3, 5),
    account: ['A1', 'B2', 'A1'], respondent: ['', '', ''], comment: ['サポートが早い', '', 'Price is high'], wave: ['W1', 'W1', 'W1'],
    segments: [Uint16Array.of(2, 1, 2)],
  },
  {
    datasetId: 'v1', index: 1, length: 2,
    id: Uint32Array.of(3, 4), score: Int8Array.of(9, 0), day: Int32Array.of(19390, 19391), seconds: Int32Array.of(-1, -1),
    file: Uint16Array.of(1, 1), row: Uint32Array.of(2, 3),
    account: ['C3', 'B2'], respondent: ['', ''], comment: ['', '遅い'], wave: ['W2', 'W2'],
    segments: [Uint16Array.of(1, 1)],
  },
];

let name = '';
afterEach(async () => {
  await Dexie.delete(name);
});

async function releasedHistory(): Promise<void> {
  name = `upgrade-${Math.random()}`;
  const v1 = asVersion(name, 1);
  await v1.table('datasets').add(V1_RECORD);
  await v1.table('chunks').bulkAdd(V1_CHUNKS);
  v1.close();
  const v2 = asVersion(name, 2);
  await v2.table('mappings').put({ signature: 'score|date|account', headers: ['score', 'date', 'account'], headerRows: 1, roles: ['score', 'date', 'account'], dateOrder: 'ymd', savedAt: 3000 });
  v2.close();
  const v3 = asVersion(name, 3);
  await v3.table('events').bulkPut([
    { id: 'e2', datasetId: 'v1', date: '2023-02-10', label: 'Outage', kind: 'incident' },
    { id: 'e1', datasetId: 'v1', date: '2023-01-15', label: '価格改定', kind: 'pricing', segment: 'plan: Pro' },
  ]);
  v3.close();
  const v4 = asVersion(name, 4);
  await v4.table('dictionaries').put({ id: 'app', topics: [{ id: 'support', label: { ja: 'サポート', en: 'Support' }, keywords: ['サポート', 'support'] }], savedAt: 4000 });
  v4.close();
  const v5 = asVersion(name, 5);
  await v5.table('wordIndexes').put({ datasetId: 'v1', tokeniserVersion: 1, answersKey: 'v1@5:5', answerCount: 5, keep: ['サポート'], words: ['サポート', '早い'], tokens: Uint32Array.of(0, 1), ends: Uint32Array.of(2, 2, 2, 2, 2), builtAt: 5000 });
  v5.close();
}

describe('a database from the first release, opened by the current code', () => {
  it('reads back every answer, mapping, event, dictionary and word index', async () => {
    await releasedHistory();
    const db = new NpsLinesDatabase(name);
    try {
      const [record] = await listDatasets(db);
      expect(record).toMatchObject({ id: 'v1', name: 'Survey 2023', answerCount: 5, chunkCount: 2, nextAnswerId: 5, identity: 'account' });
      expect(versionOf(record)).toBe(0);
      expect(record.files.map((f) => [f.name, f.duplicates, f.headerRows, f.headers])).toEqual([['jan.csv', 0, 1, []], ['feb.csv', 0, 1, []]]);
      expect(record.rejected).toEqual(V1_RECORD.rejected);

      const { table } = (await loadDataset('v1', db))!;
      expect(table.length).toBe(5);
      expect(Array.from(table.id)).toEqual([0, 1, 2, 3, 4]);
      expect(Array.from(table.score)).toEqual([10, 6, 8, 9, 0]);
      expect(Array.from(table.day)).toEqual([19360, 19361, 19365, 19390, 19391]);
      expect(Array.from(table.seconds)).toEqual([-1, 3600, -1, -1, -1]);
      expect(Array.from(table.file)).toEqual([0, 0, 0, 1, 1]);
      expect(Array.from(table.row)).toEqual([2, 3, 5, 2, 3]);
      expect([0, 1, 2, 3, 4].map((i) => textAt(table.account, i))).toEqual(['A1', 'B2', 'A1', 'C3', 'B2']);
      expect([0, 1, 2, 3, 4].map((i) => textAt(table.comment, i))).toEqual(['サポートが早い', '', 'Price is high', '', '遅い']);
      expect([0, 1, 2, 3, 4].map((i) => textAt(table.wave, i))).toEqual(['W1', 'W1', 'W1', 'W2', 'W2']);
      expect(Array.from(table.segments[0])).toEqual([2, 1, 2, 1, 1]);
      // Customer codes did not exist: made from the accounts, in order of first appearance.
      expect(Array.from(table.customer)).toEqual([1, 2, 1, 3, 2]);
      // Columns added later are blank (unknown), not zero.
      expect(Array.from(table.churn)).toEqual([-1, -1, -1, -1, -1]);
      expect(table.revenue.every(Number.isNaN)).toBe(true);

      expect(await findMapping('score|date|account', db)).toEqual({ signature: 'score|date|account', headers: ['score', 'date', 'account'], headerRows: 1, roles: ['score', 'date', 'account'], dateOrder: 'ymd', savedAt: 3000 });
      expect(await listEvents('v1', db)).toEqual([
        { id: 'e1', datasetId: 'v1', date: '2023-01-15', label: '価格改定', kind: 'pricing', segment: 'plan: Pro' },
        { id: 'e2', datasetId: 'v1', date: '2023-02-10', label: 'Outage', kind: 'incident' },
      ]);
      const dictionary = await readDictionary(db);
      expect(dictionary).toEqual({ topics: [{ id: 'support', label: { ja: 'サポート', en: 'Support' }, keywords: ['サポート', 'support'] }], version: 1, problem: null });

      const index = await loadWordIndex('v1', db);
      expect(index?.answersKey).toBe(answersKey(record));
      expect(index?.words).toEqual(['サポート', '早い']);
      expect(Array.from(index!.ends)).toEqual([2, 2, 2, 2, 2]);
    } finally {
      db.close();
    }
  });

  it('takes writes from the current code: a dictionary save, an append, a file removed', async () => {
    await releasedHistory();
    const db = new NpsLinesDatabase(name);
    try {
      // The first save after the upgrade names the version read (1 for a dictionary without one).
      expect(await saveDictionary(DEFAULT_TOPICS, db, (await readDictionary(db)).version)).toBe(2);
      const record = (await getDataset('v1', db))!;
      const added = tableFromRows([{ score: 7, day: 19400, file: 2, account: 'A1', comment: 'new', segments: [2] }], 1);
      added.id = Uint32Array.of(5);
      const appended = await appendAnswers({ ...record, files: [...record.files, { ...record.files[0], name: 'mar.csv' }], nextAnswerId: 6 }, added, 6, db, 0);
      expect(appended).toMatchObject({ answerCount: 6, chunkCount: 3, version: 1 });
      // The old chunks and the new one are read together, and filtered together.
      const { record: after, table } = await removeFileAnswers('v1', 0, 1, db);
      expect(after).toMatchObject({ answerCount: 3, chunkCount: 1, version: 2 });
      expect(after.files.map((f) => f.name)).toEqual(['feb.csv', 'mar.csv']);
      expect(after.rejected).toEqual([]);
      expect(Array.from(table.id)).toEqual([3, 4, 5]);
      expect([0, 1, 2].map((i) => textAt(table.comment, i))).toEqual(['', '遅い', 'new']);
      expect(Array.from(table.customer)).toEqual([1, 2, 3]);
      expect(Array.from((await loadDataset('v1', db))!.table.id)).toEqual([3, 4, 5]);
      // The word index of the answers before is gone with them.
      expect(await loadWordIndex('v1', db)).toBeNull();
    } finally {
      db.close();
    }
  });
});
