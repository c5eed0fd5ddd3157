/**
 * The SQL cell readers against their TypeScript twins, cell by cell: every string literal of the
 * ingest tests, every cell of every fixture, and a few thousand seeded cells built from the pieces
 * the readers care about (full-width digits, era names, ㍻, ①, U+3000, 午後, +09:00, 万…).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Database } from '../cli/duckdb/database';
import { parseDate, parseScore, type DateOrder } from '../ingest/values';
import { parseAmount, parseChurn, parseCsat } from '../ingest/flags';
import { identityCell } from '../engine/customers';
import { UNFINISHED } from '../ingest/roles';
import { decodeText, detectEncoding } from '../ingest/encoding';
import { detectDelimiter, parseRecords } from '../ingest/csv';
import { SCORE_REJECTIONS } from './cells';

const src = join(__dirname, '..');
const fixtures = join(__dirname, '../../../tests/fixtures');

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

/** The string literals of the ingest tests: the cells their authors thought of. */
function testLiterals(): string[] {
  const out: string[] = [];
  for (const file of files(join(src, 'ingest'), /\.test\.ts$/)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/'(?:[^'\\\n]|\\.)*'/g)) {
      try {
        out.push(new Function(`return ${m[0]}`)() as string);
      } catch {
        // A regex or template fragment that only looks like a string: not a cell.
      }
    }
  }
  return out;
}

function fixtureCells(): string[] {
  const out: string[] = [];
  for (const file of files(fixtures, /\.(csv|txt)$/)) {
    const bytes = new Uint8Array(readFileSync(file));
    const text = decodeText(bytes, detectEncoding(bytes).encoding);
    for (const record of parseRecords(text, detectDelimiter(text))) out.push(...record);
  }
  return out;
}

/** Seeded cells from the pieces the readers look at (mulberry32, as the bench's generator). */
function builtCells(count: number): string[] {
  let a = 17;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const pieces = [
    '0', '1', '7', '9', '10', '11', '12', '24', '29', '31', '59', '60', '00', '007', '2024', '1999', '45000', '45000.75', '1718000000', '1718000000123', '20240229', '20230229',
    '１', '０', '７', '１０', '٣', '①', '⑩', '⑳', '㍻', '㋿', '㏩', '𝟙', '²', '½', '⒈', ' ', '\u3000', '\u00a0', '\t', '\n', '\r\n', '\u2028', '\u200b',
    '/', '-', '.', ',', ':', '〜', '~', '+', '−', '－', '‐', '﹣', '／', '．', '：',
    '年', '月', '日', '時', '分', '秒', '午前', '午後', 'AM', 'pm', 'p.m.', 'T', 't', 'Z', '+09:00', '-0500', 'UTC', '(月)', '(Mon)', '（火）', '(x)',
    '令和', '平成', '昭和', '元', 'R', 'h', 'S',
    'yes', 'YES', 'No', 'true', 'churned', 'Cancelled', '解約', '解約済み', 'なし', '継続中', 'ｙｅｓ', 'ſ', 'K',
    '¥', '￥', '円', '万', '億', '$', 'usd', 'JPY', 'é', 'e\u0301', 'ｶﾞ', '😀', 'anonymous', 'Anonymous User', '匿名', 'partial', 'FALSE', '途中', 'x',
  ];
  const shapes: Array<() => string> = [
    () => Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => pick(pieces)).join(''),
    () => `${pick(['2024', '２０２４', '1999', '0000', '2023'])}${pick(['-', '/', '.', '年'])}${pick(['1', '01', '02', '12', '13', '１'])}${pick(['-', '/', '.', '月'])}${pick(['1', '05', '29', '30', '31', '32'])}${pick(['', '日', ' ', 'T'])}${pick(['', '10:23', '10:23:45', '24:00:00', '9:03:00 PM', '午後3時', '3時5分', '10:23:45.123Z', '+09:00', ' (Mon)'])}`,
    () => `${pick(['1', '01', '13', '31', '7'])}${pick(['/', '.', '-'])}${pick(['2', '12', '13', '31'])}${pick(['/', '.', '-'])}${pick(['2024', '26', '99', '2024 10:00 AM', '202'])}`,
    () => `${pick(['', ' ', '+', '-', '−', '－'])}${pick(['0', '7', '10', '11', '１０', '7.0', '7,0', '7.5', '7,5', '.5', '1,000', '0,000'])}${pick(['', ' ', '点', ' pts', '/10', ' / 10', '-6', ' 10', ':30', '（非常に）', ' - Extremely likely'])}`,
    () => `${pick(['', ' ', '\u3000', '\ufeff', '\n'])}${pick(['4', '４', '10', '11', '05', '123', '4.0', '4.00', '4.05', '4.0.5', '4,5', '4.', '4,', '7.0x', '3.00,1'])}${pick(['', ' - Satisfied', '（とても満足）', '.', ',', '.5', ',5', 'x', '\n5', '0'])}`,
    () => `${pick(['¥', '$', '', ' ', 'USD '])}${pick(['-', ''])}${pick(['1', '12', '120', '1,234', '1.234', '1,234.50', '1.234,50', '1 234,5', ',,', '.', '-', '7,5', '1.2.3'])}${pick(['', '円', '万', '億', ' jpy'])}`,
  ];
  return Array.from({ length: count }, () => pick(shapes)());
}

let db: Database;
let cells: string[];

beforeAll(async () => {
  db = await openDatabase();
  cells = [...new Set([...testLiterals(), ...fixtureCells(), ...builtCells(6000)])];
  await db.run('CREATE TABLE cells (i INTEGER, raw VARCHAR)');
  const appender = await db.connection.createAppender('cells');
  cells.forEach((raw, i) => {
    appender.appendInteger(i);
    appender.appendVarchar(raw);
    appender.endRow();
  });
  appender.closeSync();
}, 60_000);

afterAll(() => db?.close());

/** SQL results by cell index. */
async function column<T>(expression: string): Promise<T[]> {
  const rows = await db.rows<{ i: number; v: T }>(`SELECT i, ${expression} AS v FROM cells ORDER BY i`);
  return rows.map((r) => r.v);
}

/** The cells where SQL and TypeScript disagree, with both answers (none expected). */
function disagreements<T>(sql: readonly T[], ts: (raw: string) => T, same: (a: T, b: T) => boolean = (a, b) => JSON.stringify(a) === JSON.stringify(b)) {
  return cells.flatMap((raw, i) => {
    const expected = ts(raw);
    return same(sql[i], expected) ? [] : [{ raw, sql: sql[i], ts: expected }];
  });
}

describe('cell readers in SQL agree with the TypeScript ones', () => {
  it('reads a corpus of thousands of cells', () => expect(cells.length).toBeGreaterThan(5000));

  it('score_of(raw) and cut80(js_trim(raw)) are parseScore(raw)', async () => {
    const scores = await column<number>('score_of(raw)');
    const values = await column<string>('cut80(js_trim(raw))');
    type Read = { score: number } | { code: string; value: string };
    const sql: Read[] = scores.map((s, i) => (s >= 0 ? { score: s } : { code: SCORE_REJECTIONS[String(s) as keyof typeof SCORE_REJECTIONS], value: values[i] }));
    const ts = (raw: string): Read => {
      const r = parseScore(raw);
      return r.ok ? { score: r.score } : { code: r.rejection.code, value: r.rejection.value };
    };
    expect(disagreements(sql, ts)).toEqual([]);
    // The corpus is not all one kind: every outcome occurs (blank cells are the rarest).
    const outcomes = new Map<string, number>();
    for (const r of sql) outcomes.set('code' in r ? r.code : 'ok', (outcomes.get('code' in r ? r.code : 'ok') ?? 0) + 1);
    for (const outcome of [...Object.values(SCORE_REJECTIONS), 'ok']) expect(outcomes.get(outcome)).toBeGreaterThan(10);
  });

  for (const order of ['ymd', 'mdy', 'dmy'] as DateOrder[]) {
    it(`date_of(raw, '${order}', false) is parseDate(raw.trim(), '${order}')`, async () => {
      const sql = await column<{ day: number; seconds: number } | null>(`date_of(raw, '${order}', false)`);
      expect(disagreements(sql, (raw) => (raw.trim() ? parseDate(raw.trim(), order) : null))).toEqual([]);
      expect(sql.filter((d) => d !== null).length).toBeGreaterThan(800);
    });
  }

  it("date_of(raw, order, true) also reads the byte scanner's quick ISO form, whose offset digits it never checks", async () => {
    const rows = await db.rows<{ quick: unknown; plain: unknown }>(
      "SELECT date_of('2024-01-15T10:00:00+ab:cd', 'ymd', true) AS quick, date_of('2024-01-15T10:00:00+ab:cd', 'ymd', false) AS plain",
    );
    expect(rows).toEqual([{ quick: { day: 19737, seconds: 36000 }, plain: null }]);
  });

  it('churn_of(raw) is parseChurn(raw)', async () => {
    const sql = await column<number>('churn_of(raw)');
    expect(disagreements(sql, parseChurn)).toEqual([]);
    expect(new Set(sql)).toEqual(new Set([-1, 0, 1]));
  });

  it('csat_of(raw) is parseCsat(raw)', async () => {
    const sql = await column<number>('csat_of(raw)');
    expect(disagreements(sql, parseCsat)).toEqual([]);
    expect(new Set(sql).size).toBeGreaterThan(8);
  });

  it('amount_of(raw) is parseAmount(raw), NULL for NaN, -0 kept', async () => {
    const sql = await column<number | null>('amount_of(raw)');
    expect(disagreements(sql, (raw) => {
      const n = parseAmount(raw);
      return Number.isNaN(n) ? null : n;
    }, Object.is)).toEqual([]);
    expect(sql.filter((n) => n !== null).length).toBeGreaterThan(500);
  });

  it('identity_of(raw) is identityCell(raw); unfinished(raw) is UNFINISHED on the trimmed cell; js_trim is trim; has_text is a non-empty trim', async () => {
    expect(disagreements(await column<string>('identity_of(raw)'), identityCell)).toEqual([]);
    expect(disagreements(await column<boolean>('unfinished(raw)'), (raw) => UNFINISHED.test(raw.trim()))).toEqual([]);
    expect(disagreements(await column<string>('js_trim(raw)'), (raw) => raw.trim())).toEqual([]);
    expect(disagreements(await column<boolean>('has_text(raw)'), (raw) => raw.trim() !== '')).toEqual([]);
  });
});
