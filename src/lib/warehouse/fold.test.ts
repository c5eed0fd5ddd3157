/**
 * nfkc_seen in SQL is `normalize('NFKC')` wherever the cell readers can tell: on every character
 * the fold table holds (each alone and inside text), and it leaves other text as it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../cli/duckdb/database';
import { nfkcFold, sqlString } from './fold';

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
}, 60_000);
afterAll(() => db?.close());

describe('nfkc_seen(s) folds what the readers see as NFKC does', () => {
  const { from, expansions } = nfkcFold();
  const characters = [...from, ...expansions.map(([c]) => c)];

  it('holds the characters that matter (full-width digits, ㍻, ①, U+3000…)', () => {
    for (const c of ['１', '㍻', '①', '\u3000', '㏩']) expect(characters).toContain(c);
    expect(characters.length).toBeGreaterThan(1000);
  });

  it('is normalize("NFKC") on each of them, alone and between other text', async () => {
    const texts = characters.flatMap((c) => [c, `a${c}日本`]);
    const values = texts.map((t, i) => `(${i}, ${sqlString(t)})`).join(', ');
    const rows = await db.rows<{ i: number; v: string }>(`SELECT i, nfkc_seen(t) AS v FROM (VALUES ${values}) AS x(i, t) ORDER BY i`);
    const wrong = rows.filter((r) => r.v !== texts[r.i].normalize('NFKC')).map((r) => ({ text: texts[r.i], sql: r.v }));
    expect(wrong).toEqual([]);
  });

  it('leaves ASCII and characters the readers never see as they are', async () => {
    const texts = ['2024-01-05', 'Great support', 'é', 'ｱ', '漢字'];
    const rows = await db.rows<{ v: string }>(`SELECT nfkc_seen(t) AS v FROM (VALUES ${texts.map((t, i) => `(${i}, ${sqlString(t)})`).join(', ')}) AS x(i, t) ORDER BY i`);
    expect(rows.map((r) => r.v)).toEqual(texts);
  });
});
