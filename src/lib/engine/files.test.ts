import { describe, expect, it } from 'vitest';
import { emptyTable } from './answers';
import { withoutFile } from './files';

describe('withoutFile(table, fileIndex)', () => {
  it('drops that file’s answers and renumbers the later files', () => {
    const t = emptyTable(0);
    const n = 5;
    t.length = n;
    t.id = Uint32Array.from([10, 11, 12, 13, 14]);
    t.score = Int8Array.from([1, 2, 3, 4, 5]);
    t.day = new Int32Array(n);
    t.seconds = new Int32Array(n);
    t.file = Uint16Array.from([0, 1, 1, 2, 0]);
    t.row = Uint32Array.from([2, 2, 3, 2, 3]);
    t.account = ['a', 'b', 'c', 'd', 'e'];
    t.respondent = Array(n).fill('');
    t.comment = Array(n).fill('');
    t.wave = Array(n).fill('');
    t.churn = new Int8Array(n);
    t.revenue = new Float64Array(n);
    const out = withoutFile(t, 1);
    expect(out.account).toEqual(['a', 'd', 'e']);
    expect(Array.from(out.file)).toEqual([0, 1, 0]);
    expect(Array.from(out.id)).toEqual([10, 13, 14]);
    expect(Array.from(t.file)).toEqual([0, 1, 1, 2, 0]);
  });
});
