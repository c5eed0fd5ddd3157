import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswerBuilder, bomLength, type BuiltAnswers } from './build';
import { canScanBytes } from './pipeline';
import { previewFile, identityOfPlans, type FilePlan } from './preview';
import { buildInPieces } from './read-in-pieces';
import { DELIMITER_BYTES, splitPoint } from './scanner';
import { unpackText } from '../engine/text-column';
import { TEXT_COLUMN_NAMES } from '../engine/answers';

const utf8 = (t: string) => new TextEncoder().encode(t);

/** What a reader shows of built answers: every column (texts as values), rejections, counts. */
function shown(b: BuiltAnswers) {
  const { customerKeys: _k, ...rest } = b;
  const table: Record<string, unknown> = { ...b.table };
  for (const name of TEXT_COLUMN_NAMES) table[name] = unpackText(b.table[name]);
  return { ...rest, table };
}

function whole(bytes: Uint8Array, plan: FilePlan, range?: { start: number; end: number }) {
  const builder = new AnswerBuilder([], 0, identityOfPlans([plan]));
  builder.addFileBytes(0, plan, bytes, undefined, range && { ...range, rowsBefore: 0 });
  return shown(builder.finish());
}

async function inPieces(bytes: Uint8Array, plan: FilePlan, pieceBytes: number, part?: { start: number; end: number }) {
  const builder = new AnswerBuilder([], 0, identityOfPlans([plan]));
  const shares: number[] = [];
  const start = part?.start ?? bomLength(bytes, plan);
  await buildInPieces(builder, 0, plan, new Blob([bytes as BlobPart]), { start, end: part?.end ?? bytes.length, rowsBefore: 0 }, (s) => shares.push(s), pieceBytes);
  for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThanOrEqual(shares[i - 1] - 1e-9);
  expect(shares.at(-1)).toBeCloseTo(1, 6);
  return shown(builder.finish());
}

const csvFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? csvFiles(path) : /\.(csv|txt)$/.test(name) ? [path] : [];
  });

describe('buildInPieces', () => {
  const rows = ['\ufeffaccount,date,score,plan,comment'];
  for (let i = 0; i < 120; i++) {
    const comment = i % 5 === 0 ? `"c ${i}, with ""quotes""\r\nand a line"` : i % 7 === 0 ? '' : `とても良い ${i}`;
    rows.push(`A${i % 17},2024-0${1 + (i % 9)}-1${i % 10},${i % 13 === 0 ? 'x' : i % 11},${['Free', 'Pro', 'Team'][i % 3]},${comment}`);
    if (i % 29 === 0) rows.push('');
  }
  const text = rows.join('\r\n') + '\r\n';

  it('builds exactly what one read of the whole file builds, whatever the piece size', async () => {
    const bytes = utf8(text);
    const plan = previewFile(bytes, true).plan;
    const expected = whole(bytes, plan);
    expect(expected.table.length).toBeGreaterThan(100);
    expect(expected.rejected.length).toBeGreaterThan(5);
    for (const piece of [40, 97, 256, 1000, 5000, 1 << 20]) expect(await inPieces(bytes, plan, piece)).toEqual(expected);
  });

  it('stops at a part that ends before the file does (the first of two readers)', async () => {
    const bytes = utf8(text);
    const plan = previewFile(bytes, true).plan;
    const start = bomLength(bytes, plan);
    const split = splitPoint(bytes, Math.floor(bytes.length / 2), { delimiter: DELIMITER_BYTES[plan.delimiter], start, encoding: 'utf-8' });
    expect(split).toBeGreaterThan(start);
    const expected = whole(bytes, plan, { start, end: split });
    for (const piece of [64, 300, 2000]) expect(await inPieces(bytes, plan, piece, { start, end: split })).toEqual(expected);
  });

  it('reads the rest at once where no record boundary can be found: an unclosed quote still swallows the rows after it', async () => {
    const broken = [...rows];
    broken.splice(3, 0, 'B2,2024-01-02,7,Pro,a "stray" quote');
    broken.splice(broken.length - 2, 0, 'B1,2024-01-01,5,Pro,"never closed');
    const bytes = utf8(broken.join('\r\n') + '\r\n');
    const plan = previewFile(bytes, true).plan;
    const expected = whole(bytes, plan);
    expect(expected.rejected.some((r) => r.rejection.code === 'unclosed-quote')).toBe(true);
    for (const piece of [50, 400, 3000]) expect(await inPieces(bytes, plan, piece)).toEqual(expected);
  });

  it('reads every export layout of the test fixtures as one read does', async () => {
    const files = csvFiles('tests/fixtures').filter((f) => statSync(f).size < 1 << 20);
    let read = 0;
    for (const path of files) {
      const bytes = new Uint8Array(readFileSync(path));
      let plan: FilePlan;
      try {
        plan = previewFile(bytes, true).plan;
      } catch {
        continue;
      }
      if (!canScanBytes(plan) || !plan.roles.includes('score')) continue;
      const expected = whole(bytes, plan);
      for (const piece of [128, 1500]) expect(await inPieces(bytes, plan, piece), path).toEqual(expected);
      read++;
    }
    expect(read).toBeGreaterThan(15);
  });
});
