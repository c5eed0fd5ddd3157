import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AnswerBuilder, bomLength, firstLookOfBytes } from './build';
import { canScanBytes } from './pipeline';
import { previewFile, type FilePlan } from './preview';
import { DELIMITER_BYTES, splitPoint, type ScanEncoding } from './scanner';
import { firstLookSummary, mergeFirstLooks, type FirstLook } from '../engine/first-look';
import { NO_DAY } from '../engine/answers';
import { dayToIso } from '../engine/days';

function exports(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return exports(path);
    return /\.(csv|txt|tsv)$/i.test(name) ? [path] : [];
  });
}

const FIXTURES = join(__dirname, '../../../tests/fixtures');

/** The look the full import gives: its answers before the duplicate check, counted by hand. */
function lookOfFullBuild(plan: FilePlan, bytes: Uint8Array): FirstLook {
  const builder = new AnswerBuilder();
  builder.addFileBytes(0, plan, bytes);
  const built = builder.finish();
  const scores = Array(11).fill(0);
  const months = new Map<string, number[]>();
  for (let i = 0; i < built.table.length; i++) {
    const s = built.table.score[i];
    scores[s]++;
    if (built.table.day[i] === NO_DAY) continue;
    const key = dayToIso(built.table.day[i]).slice(0, 7);
    const c = months.get(key) ?? [0, 0, 0];
    c[s >= 9 ? 2 : s >= 7 ? 1 : 0]++;
    months.set(key, c);
  }
  const [y0, m0] = [1970, 1];
  const monthIndex = (key: string) => (Number(key.slice(0, 4)) - y0) * 12 + Number(key.slice(5, 7)) - m0;
  return {
    scores,
    months: [...months].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, c]) => [monthIndex(k), c[0], c[1], c[2]]),
    rejected: built.rejected.length,
  };
}

function halves(plan: FilePlan, bytes: Uint8Array): FirstLook | null {
  const start = bomLength(bytes, plan);
  const split = splitPoint(bytes, start + Math.floor((bytes.length - start) / 2), { delimiter: DELIMITER_BYTES[plan.delimiter], start, encoding: plan.encoding as ScanEncoding });
  if (split <= start || split >= bytes.length) return null;
  const first = firstLookOfBytes(plan, bytes, { start, end: split, rowsBefore: 0 });
  const second = firstLookOfBytes({ ...plan, headerRows: 0 }, bytes.subarray(split), { start: 0, end: bytes.length - split, rowsBefore: 0 });
  return mergeFirstLooks(first, second);
}

/** Rows only the first look's own branches meet: comments with line ends (decoded only then), rows a quote swallowed, an unclosed quote late in the file. */
function swallowedRows(end: string): string {
  const rows = ['id,date,score,comment'];
  for (let i = 0; i < 40; i++) {
    const comment = i === 12
      // A quote closed far too late: rows below it read as one comment, rejected as swallowed.
      ? `"starts here${end}B1,2024-01-02,9,x${end}B2,2024-01-03,8,y${end}B3,2024-01-04,7,z"`
      : i % 3 === 0 ? `"two lines,${end}of a long comment that is more than forty characters long"` : i % 3 === 1 ? '"short, quoted"' : 'plain';
    rows.push(`A${i},2024-0${1 + (i % 9)}-1${i % 10},${i % 11},${comment}`);
  }
  rows.push('Z1,2024-05-05,10,"never closed');
  return rows.join(end) + end;
}

describe('the first look counts exactly the answers the import keeps (before the duplicate check)', () => {
  const files = exports(FIXTURES);
  let compared = 0;
  for (const [name, end] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']]) {
    it(`comments with line ends and swallowed rows (${name})`, () => {
      const bytes = new TextEncoder().encode(swallowedRows(end));
      const plan = previewFile(bytes, true).plan;
      expect(plan.roles.slice(1)).toEqual(['date', 'score', 'comment']);
      const full = lookOfFullBuild(plan, bytes);
      // The swallowed rows and the unclosed quote are rejected, and the rest kept: 41 rows read.
      expect(full.rejected).toBe(2);
      expect(full.scores.reduce((a, b) => a + b, 0)).toBe(39);
      expect(firstLookOfBytes(plan, bytes)).toEqual(full);
    });
  }
  for (const path of files) {
    const bytes = new Uint8Array(readFileSync(path));
    if (bytes.length === 0) continue;
    let plan: FilePlan;
    try { plan = previewFile(bytes, true).plan; } catch { continue; }
    if (!plan.roles.includes('score') || !canScanBytes(plan)) continue;
    compared++;
    it(path.split('/fixtures/')[1], () => {
      const full = lookOfFullBuild(plan, bytes);
      expect(firstLookOfBytes(plan, bytes)).toEqual(full);
      const split = halves(plan, bytes);
      if (split) expect(split).toEqual(full);
    });
  }
  it('has fixtures to compare', () => expect(compared).toBeGreaterThan(15));
});

describe('firstLookSummary against the acceptance answers (computed outside this project)', () => {
  for (const name of readdirSync(join(FIXTURES, 'acceptance'))) {
    const dir = join(FIXTURES, 'acceptance', name);
    if (!statSync(dir).isDirectory()) continue;
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
    if (expected.files.length !== 1) continue;
    const bytes = new Uint8Array(readFileSync(join(dir, expected.files[0])));
    const plan = previewFile(bytes, true).plan;
    if (!canScanBytes(plan)) continue;
    it(name, () => {
      const look = firstLookSummary(firstLookOfBytes(plan, bytes));
      // The first look is taken before duplicates are dropped: never fewer answers than kept.
      expect(look.n).toBeGreaterThanOrEqual(expected.n);
      expect(look.rejected).toBe(expected.rejected);
      if (look.n !== expected.n) return;
      expect(look.nps).toBeCloseTo(expected.nps, 2);
      expect([look.detractors, look.passives, look.promoters]).toEqual([expected.detractors, expected.passives, expected.promoters]);
      for (const m of look.months) {
        const e = expected.byMonth?.[m.iso];
        if (!e) continue;
        expect(m.n).toBe(e.n);
        expect(m.nps).toBeCloseTo(e.nps, 2);
      }
    });
  }
});

describe('firstLookSummary', () => {
  it('works the NPS and the months out of the counts, before 1970 too', () => {
    // 3 promoters, 1 passive, 1 detractor: (3 − 1) / 5 = +40; Dec 1969 is month −1.
    const look: FirstLook = { scores: [1, 0, 0, 0, 0, 0, 0, 1, 0, 2, 1], months: [[-1, 1, 0, 0], [660, 0, 1, 3]], rejected: 2 };
    const s = firstLookSummary(look);
    expect(s.nps).toBe(40);
    expect(s.n).toBe(5);
    expect(s.months).toEqual([
      { month: -1, iso: '1969-12', n: 1, nps: -100 },
      { month: 660, iso: '2025-01', n: 4, nps: 75 },
    ]);
  });
  it('merges two halves month by month', () => {
    const a: FirstLook = { scores: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], months: [[1, 1, 0, 1]], rejected: 1 };
    const b: FirstLook = { scores: [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0], months: [[0, 0, 1, 0], [1, 0, 0, 0]], rejected: 0 };
    expect(mergeFirstLooks(a, b)).toEqual({ scores: [1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1], months: [[0, 0, 1, 0], [1, 1, 0, 1]], rejected: 1 });
  });
});
