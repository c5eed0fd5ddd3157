import { describe, expect, it } from 'vitest';
import { AnswerBuilder, bomLength } from './build';
import { mergeHalves } from './merge';
import { previewFile } from './preview';
import { splitPoint, DELIMITER_BYTES } from './scanner';

const utf8 = (t: string) => new TextEncoder().encode(t);

/** Reads a file whole, and in two halves merged, and compares. */
function both(text: string, at: number, firstId = 0) {
  const bytes = utf8(text);
  const plan = previewFile(bytes, true).plan;
  const whole = new AnswerBuilder([], firstId, 'account');
  whole.addFileBytes(0, plan, bytes);
  const start = bomLength(bytes, plan);
  const split = splitPoint(bytes, at, { delimiter: DELIMITER_BYTES[plan.delimiter], start, encoding: 'utf-8' });
  const first = new AnswerBuilder([], firstId, 'account');
  const { records } = first.addFileBytes(0, plan, bytes, undefined, { start, end: split, rowsBefore: 0 });
  const second = new AnswerBuilder([], firstId, 'account');
  second.addFileBytes(0, { ...plan, headerRows: 0 }, bytes.subarray(split), undefined, { start: 0, end: bytes.length - split, rowsBefore: 0 });
  return { whole: whole.finish(), merged: mergeHalves(first.finish(), second.finish(), records, firstId), split };
}

describe('mergeHalves', () => {
  const lines = ['\ufeffaccount,date,score,plan,comment'];
  for (let i = 0; i < 40; i++) {
    const plan = ['Free', 'Pro', 'Enterprise', 'Team'][(i * 7) % 4];
    lines.push(`A${i % 13},2024-0${1 + (i % 9)}-1${i % 10},${i % 3 === 0 ? 'x' : i % 11},${i > 20 ? plan : 'Free'},"c ${i}, with comma\nand a line"`);
  }
  const text = lines.join('\n') + '\n';

  it('gives exactly what reading the file whole gives: codes, rows, ids, rejections', () => {
    for (const at of [60, 300, 900, 1500]) {
      const { whole, merged, split } = both(text, at, 100);
      expect(split).toBeGreaterThan(0);
      // Dictionaries may list values in another order; compare decoded values instead of codes.
      const decode = (b: typeof whole) => b.table.segments.map((codes, s) => Array.from(codes, (c) => b.segmentColumns[s].values[c]));
      expect(decode(merged)).toEqual(decode(whole));
      const key = (b: typeof whole, c: number) => (c === 0 ? '' : new TextDecoder().decode(b.customers.bytes.subarray(b.customers.ends[c - 1], b.customers.ends[c])));
      const ids = (b: typeof whole) => Array.from(b.table.customer, (c) => key(b, c));
      expect(ids(merged)).toEqual(ids(whole));
      expect({ ...merged.table, segments: [], customer: [] }).toEqual({ ...whole.table, segments: [], customer: [] });
      expect(merged.rejected).toEqual(whole.rejected);
      expect(merged.fileCounts).toEqual(whole.fileCounts);
    }
  });
});
