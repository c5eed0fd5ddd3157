import { describe, expect, it } from 'vitest';
import { tableFromRows } from './answers';
import { withoutFile } from './files';
import { unpackText } from './text-column';

describe('withoutFile(table, fileIndex)', () => {
  it('drops that file’s answers and renumbers the later files', () => {
    const t = tableFromRows([0, 1, 1, 2, 0].map((file, i) => ({ score: i, file, account: 'abcde'[i] })));
    t.id = Uint32Array.from([10, 11, 12, 13, 14]);
    const out = withoutFile(t, 1);
    expect(unpackText(out.account)).toEqual(['a', 'd', 'e']);
    expect(Array.from(out.file)).toEqual([0, 1, 0]);
    expect(Array.from(out.id)).toEqual([10, 13, 14]);
    expect(Array.from(t.file)).toEqual([0, 1, 1, 2, 0]);
  });
});
