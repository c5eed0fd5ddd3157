/**
 * No answer lost, customers found by their values: exports whose customer column has a header
 * the app does not know, and one with no identity at all. Expected counts by hand (and a Python
 * count of the files); every row of each file is an answer.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { identicalRows, previewFile } from './preview';
import { importFiles } from './pipeline';
import { assembleImport } from './assemble';
import { computeOverview } from '../engine/overview';

function load(file: string) {
  const bytes = new Uint8Array(readFileSync(join(__dirname, '../../../tests/fixtures/identity', file)));
  const plan = previewFile(bytes, true).plan;
  const built = importFiles([{ name: file, bytes }], [plan]);
  const { record, table } = assembleImport(built, { kind: 'new', id: 'x', name: file }, { sources: [{ name: file, size: bytes.length }], plans: [plan], at: 0 });
  return { plan, record, overview: computeOverview(table, record.identity) };
}

describe('customers found by their values, whatever the header', () => {
  it('a German ;-separated export: "Kunde" is the account, all 42 answers kept', () => {
    const { plan, record, overview } = load('kunde-semikolon.csv');
    expect(plan.roles[0]).toBe('account');
    expect(record.identity).toBe('account');
    expect(overview.overall).toMatchObject({ n: 42, promoters: 22, passives: 8, detractors: 12 });
    expect(overview.overall.nps).toBeCloseTo(23.8095, 4);
    expect(overview.customers).toBe(12);
    expect(record.files[0].duplicates).toBe(0);
  });

  it('a header in a language the app does not name, with UUIDs that repeat, is the account', () => {
    const { plan, record, overview } = load('uuid-unknown-header.csv');
    expect(plan.roles[0]).toBe('account');
    expect(record.identity).toBe('account');
    expect(overview.customers).toBe(15);
    expect(overview.overall).toMatchObject({ n: 45, promoters: 20, passives: 10, detractors: 15 });
  });

  it('an export with no identity and no time keeps every row, identical ones included', () => {
    const { record, overview } = load('no-identity.csv');
    expect(record.identity).toBeNull();
    expect(overview.overall).toMatchObject({ n: 40, promoters: 20, passives: 10, detractors: 10, nps: 25 });
    expect(record.files[0]).toMatchObject({ accepted: 40, duplicates: 0 });
  });
});

describe('identicalRows (what the preview says)', () => {
  it('counts the rows that repeat an earlier one in every cell, spaces aside', () => {
    expect(identicalRows([['a', '9'], ['a', '9 '], ['b', '9'], ['a', '9'], ['b', '8']])).toBe(2);
    expect(identicalRows([])).toBe(0);
  });
});
