import { describe, expect, it } from 'vitest';
import { appendedRecord, newDatasetRecord, recordWithoutFile, type DatasetFile, type DatasetRecord, type ImportedAnswers } from './dataset';

const file = (name: string): DatasetFile => ({ name, size: 10, encoding: 'utf-8', delimiter: ',', accepted: 0, rejected: 0, duplicates: 0, headerRows: 1, headers: [], importedAt: 1 });
const rejection = (file: number, row: number) => ({ file, row, rejection: { code: 'score-empty' as const, value: '' } });

const march: ImportedAnswers = {
  files: [file('march.csv')],
  segmentColumns: [{ name: 'plan', values: ['', 'Pro'] }],
  identity: null,
  hasDates: true,
  rejected: [rejection(0, 5)],
  // 10 rows read, 2 of them duplicates of earlier rows of the same file.
  kept: 8,
  idsUsed: 10,
  at: 100,
};

describe('dataset records', () => {
  it('a new dataset counts its kept answers but reserves every id it used', () => {
    const r = newDatasetRecord({ id: 'd1', name: 'NPS' }, march);
    expect(r).toMatchObject({ id: 'd1', name: 'NPS', answerCount: 8, nextAnswerId: 10, createdAt: 100, updatedAt: 100, identity: null });
    expect(r.sample).toBeUndefined();
    expect(newDatasetRecord({ id: 'd2', name: 'S', sample: true }, march).sample).toBe(true);
  });

  it('an append adds its files and rejected rows after the earlier ones and keeps an identity once known', () => {
    const before: DatasetRecord = { ...newDatasetRecord({ id: 'd1', name: 'NPS' }, march), identity: 'account' };
    const april: ImportedAnswers = { ...march, files: [file('april.csv')], identity: 'respondent', hasDates: false, rejected: [rejection(1, 2)], kept: 5, idsUsed: 6, at: 200 };
    const after = appendedRecord(before, april);
    expect(after.files.map((f) => f.name)).toEqual(['march.csv', 'april.csv']);
    expect(after.rejected.map((r) => [r.file, r.row])).toEqual([[0, 5], [1, 2]]);
    expect(after).toMatchObject({ identity: 'account', hasDates: true, answerCount: 13, nextAnswerId: 16, createdAt: 100, updatedAt: 200 });
    // No identity before: the new files' identity is taken.
    expect(appendedRecord({ ...before, identity: null }, april).identity).toBe('respondent');
  });

  it('removing a file drops its rejected rows and moves the later files up', () => {
    const r: DatasetRecord = { ...newDatasetRecord({ id: 'd', name: 'n' }, march), files: [file('a'), file('b'), file('c')], rejected: [rejection(0, 3), rejection(1, 4), rejection(2, 7), rejection(2, 9)] };
    const without = recordWithoutFile(r, 1);
    expect(without.files.map((f) => f.name)).toEqual(['a', 'c']);
    expect(without.rejected.map((x) => [x.file, x.row])).toEqual([[0, 3], [1, 7], [1, 9]]);
    expect(without.nextAnswerId).toBe(r.nextAnswerId);
  });
});
