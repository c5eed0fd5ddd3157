/**
 * One report, two engines: `--engine duckdb` (SQL in warehouse/, run by an embedded DuckDB) gives
 * the JSON the TypeScript engine gives (cli/analyze-files.ts), field for field, on every export
 * under tests/fixtures — both languages, each acceptance case with all its files, two files
 * chosen together, a Parquet copy of a CSV, and a CSV written here with blank lines, quoted line
 * breaks, duplicates and bad rows (each newline style). Files without a score column fail with the
 * same message either way.
 *
 * This test needs DuckDB's native binding (@duckdb/node-bindings-linux-x64 and friends, installed
 * by `npm ci` with @duckdb/node-api). Without it the test fails and says so: it never skips.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { analyzeFiles } from '../analyze-files';
import type { Report } from '../../engine/report';

type Engine = typeof import('./analyze-duckdb');
let engine: Engine;

beforeAll(async () => {
  try {
    engine = await import('./analyze-duckdb');
    const { openDatabase } = await import('./database');
    (await openDatabase()).close();
  } catch (error) {
    throw new Error(
      `DuckDB's native binding could not be loaded (${String(error)}). The DuckDB engine's tests need ` +
        '@duckdb/node-api and its platform package (e.g. @duckdb/node-bindings-linux-x64): run `npm ci` on a supported platform.',
    );
  }
}, 60_000);

const root = join(__dirname, '../../../../tests/fixtures');
const isExport = (path: string) => statSync(path).isFile() && /\.(csv|txt|tsv|xlsx|xls|pdf)$/i.test(path);
const filesIn = (dir: string) => readdirSync(join(root, dir)).map((f) => join(root, dir, f)).filter(isExport);

const acceptance = readdirSync(join(root, 'acceptance'))
  .filter((name) => statSync(join(root, 'acceptance', name)).isDirectory())
  .map((name) => {
    const dir = join(root, 'acceptance', name);
    return { name: `acceptance/${name}`, files: (JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')).files as string[]).map((f) => join(dir, f)) };
  });
const single = ['', 'layouts', 'identity', 'touchpoints', 'hostile', 'xlsx', 'outcomes'].flatMap((dir) => filesIn(dir).map((path) => ({ name: join(dir, basename(path)), files: [path] })));
const outcomes = (f: string) => join(root, 'outcomes', f);
/** The outcomes fixture with its files about the accounts (`--outcomes`), each and together. */
const withAccounts = [['crm-outcomes.csv'], ['invited.csv'], ['crm-outcomes.csv', 'invited.csv']].map((given) => ({
  name: `outcomes/accounts-nps.csv --outcomes ${given.join(' --outcomes ')}`,
  files: [outcomes('accounts-nps.csv')],
  accounts: given.map(outcomes),
}));
const cases: Array<{ name: string; files: string[]; accounts?: string[] }> = [
  ...acceptance, ...single, { name: 'march.csv + april.csv', files: [join(root, 'march.csv'), join(root, 'april.csv')] }, ...withAccounts,
];
const read = (p: string) => ({ name: basename(p), bytes: new Uint8Array(readFileSync(p)) });

function typescriptReport(paths: readonly string[], lang: 'ja' | 'en', accounts: readonly string[] = []): Report | Error {
  try {
    return analyzeFiles(paths.map(read), lang, accounts.map(read));
  } catch (error) {
    return error as Error;
  }
}

async function duckdbReport(paths: readonly string[], lang: 'ja' | 'en', accounts: readonly string[] = []): Promise<Report | Error> {
  try {
    return await engine.analyzeWithDuckDb(paths, lang, { accountFiles: accounts.map(read) });
  } catch (error) {
    return error as Error;
  }
}

/**
 * Where two reports differ. Numbers are held to 1e-12 relative: the design effects are summed
 * over customers in SQL (warehouse/design-effects.ts) and so may round differently in the last
 * bits from the engine's pass over answers; every count, label and order must be equal.
 */
function differences(a: unknown, b: unknown, path = '$'): string[] {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)) ? [] : [`${path}: ${a} ≠ ${b}`];
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b ? [] : [`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.join() !== kb.join()) return [`${path}: keys ${ka.join()} ≠ ${kb.join()}`];
  return ka.flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`));
}

describe('--engine duckdb makes the report the TypeScript engine makes', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(50));

  for (const c of cases) {
    it(c.name, async () => {
      for (const lang of ['en', 'ja'] as const) {
        const expected = typescriptReport(c.files, lang, c.accounts);
        const actual = await duckdbReport(c.files, lang, c.accounts);
        if (expected instanceof Error) {
          expect(actual).toBeInstanceOf(engine.AnalyzeError);
          expect((actual as Error).message).toBe(expected.message);
        } else {
          expect(actual).not.toBeInstanceOf(Error);
          expect(differences(actual, expected)).toEqual([]);
        }
      }
    }, 60_000);
  }

  it('numbers rows as a spreadsheet does across blank lines and line breaks inside quoted comments (CRLF, LF, CR)', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'nps-lines-blank-'));
    try {
      const lines = [
        'customer,date,score,plan,comment',
        'A1,2024-01-05,9,Pro,"fine"',
        '',
        'A2,2024-01-06,3,Free,"slow,',
        '',
        'and the support never answered"',
        'A3,2024-02-01,7.5,Pro,bad score',
        '',
        '',
        'A4,,8,Free,no date',
        'A5,2024-02-03,10,Pro,"she said ""great"" support"',
        'A5,2024-02-03,10,Pro,"she said ""great"" support"',
        'A6,2024-13-01,6,Free,price is too high',
        '',
      ];
      for (const [name, newline] of [['crlf', '\r\n'], ['lf', '\n'], ['cr', '\r']]) {
        const path = join(scratch, `blank-lines-${name}.csv`);
        writeFileSync(path, lines.join(newline));
        const expected = typescriptReport([path], 'en') as Report;
        expect(expected.rejectedRows.map((r) => r.row)).toEqual([5, 8, 11]);
        expect(differences(await engine.analyzeWithDuckDb([path], 'en'), expected)).toEqual([]);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 60_000);

  it('reads quotes never closed, quotes closed far too late, mixed line ends and outcome columns as the import does', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'nps-lines-quotes-'));
    try {
      const rows = (n: number, from: number) => Array.from({ length: n }, (_, k) => `C${from + k},2024-02-${String(1 + (k % 28)).padStart(2, '0')},${k % 11},fine,${k % 2 ? 'yes' : 'no'},${1000 * k},${1 + (k % 5)}`);
      const header = 'customer,date,score,comment,churned,arr,satisfaction';
      const files: Record<string, string> = {
        // Row 4 opens a quote closed by row 8's quoted comment: the rows between are one comment.
        'late-quote.csv': [header, ...rows(2, 1), 'C3,2024-02-03,4,"it starts here', ...rows(3, 4).map((r) => r.replace('fine', 'x')), 'C7,2024-02-07,5,"and ends here",no,1,2', ...rows(3, 8)].join('\n'),
        // Two quotes never closed (the second in the rows read after the first), then blank lines at the end.
        'two-unclosed.csv': [header, ...rows(2, 1), 'C3,2024-02-03,4,"never closed,no,1,2', ...rows(4, 4), 'C8,2024-02-08,"9,"again,no,1,2', ...rows(3, 9), '', '', ''].join('\r\n'),
        'mixed-ends.csv': `${header}\r\n${rows(2, 1).join('\n')}\r${rows(2, 3).join('\r\n')}\nC9,2024-03-01,9,"two\r\nlines",no,5,4\r\n`,
      };
      for (const [name, text] of Object.entries(files)) {
        const path = join(scratch, name);
        writeFileSync(path, text);
        for (const lang of ['en', 'ja'] as const) {
          const expected = typescriptReport([path], lang) as Report;
          expect(expected.churn).toBeDefined();
          expect(differences(await engine.analyzeWithDuckDb([path], lang), expected), `${name} ${lang}`).toEqual([]);
        }
      }
      const late = typescriptReport([join(scratch, 'late-quote.csv')], 'en') as Report;
      expect(late.rejectedRows.map((r) => r.row)).toEqual([4]);
      const unclosed = typescriptReport([join(scratch, 'two-unclosed.csv')], 'en') as Report;
      expect(unclosed.rejectedRows.map((r) => r.row)).toEqual([4, 9]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 60_000);

  it('reads Parquet as it reads the CSV the Parquet file was made from', async () => {
    const csv = join(root, 'acceptance', 'waves-transitions', 'nps_waves.csv');
    const scratch = mkdtempSync(join(tmpdir(), 'nps-lines-parquet-'));
    try {
      const parquet = join(scratch, 'nps_waves.parquet');
      const { openDatabase } = await import('./database');
      const db = await openDatabase();
      // Every column as text, as an export's cells are: the Parquet file holds what the CSV holds.
      await db.run(`COPY (SELECT * FROM read_csv('${csv}', header = true, all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
      db.close();
      const expected = typescriptReport([csv], 'en') as Report;
      const actual = await engine.analyzeWithDuckDb([parquet], 'en');
      const renamed = { ...expected, dataset: { ...expected.dataset, name: 'nps_waves.parquet', files: ['nps_waves.parquet'] } };
      expect(actual.overall.n).toBeGreaterThan(0);
      expect(differences(actual, renamed)).toEqual([]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 60_000);
});
