/**
 * Joining the answers two workers built from the two halves of one file. Each half has its own
 * segment dictionaries, customer codes and row numbers; the second half's are translated into
 * the first's.
 */
import { concatTables, type AnswerTable } from '../engine/answers';
import type { BuiltAnswers } from './build';
import { CustomerKeys } from './customer-keys';

/**
 * `rowShift`: records (header rows included) in the first half, added to the second half's row
 * numbers. `firstId`: the first answer id; ids run on across both halves.
 */
export function mergeHalves(a: BuiltAnswers, b: BuiltAnswers, rowShift: number, firstId: number): BuiltAnswers {
  const segmentColumns = a.segmentColumns.map((s) => ({ ...s, values: [...s.values] }));
  const bSegments = b.segmentColumns.map((column, s) => {
    let target = segmentColumns.findIndex((c) => c.name === column.name);
    if (target < 0) target = segmentColumns.push({ ...column, values: [''] }) - 1;
    const values = segmentColumns[target].values;
    const index = new Map(values.map((v, i) => [v, i]));
    const translate = column.values.map((v) => {
      let code = index.get(v);
      if (code === undefined) index.set(v, (code = values.push(v) - 1));
      return code;
    });
    const from = b.table.segments[s];
    const codes = new Uint16Array(from.length);
    for (let i = 0; i < from.length; i++) codes[i] = translate[from[i]];
    return { target, codes };
  });

  // The first half's own table when it was built here; it is extended in place (a is done with).
  const keys = a.customerKeys ?? CustomerKeys.fromPacked(a.customers);
  const { bytes: bKeys, ends: bEnds } = b.customers;
  const customerMap = new Uint32Array(bEnds.length);
  for (let k = 1; k < bEnds.length; k++) customerMap[k] = keys.codeOf(bKeys, bEnds[k - 1], bEnds[k]);

  // Plain loops: TypedArray.map with a callback costs several times more per element.
  const n = b.table.length;
  const row = new Uint32Array(n), customer = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    row[i] = b.table.row[i] + rowShift;
    customer[i] = customerMap[b.table.customer[i]];
  }
  const second: AnswerTable = {
    ...b.table,
    row,
    customer,
    segments: segmentColumns.map((_, target) => bSegments.find((s) => s.target === target)?.codes ?? new Uint16Array(b.table.length)),
  };
  const first: AnswerTable = { ...a.table, segments: segmentColumns.map((_, s) => a.table.segments[s] ?? new Uint16Array(a.table.length)) };
  const table = concatTables([first, second], segmentColumns.length);
  for (let i = 0; i < table.length; i++) table.id[i] = firstId + i;

  const fileCounts = [...a.fileCounts];
  b.fileCounts.forEach((c, f) => {
    if (!c) return;
    const mine = fileCounts[f] ?? { accepted: 0, rejected: 0, blank: 0 };
    fileCounts[f] = { accepted: mine.accepted + c.accepted, rejected: mine.rejected + c.rejected, blank: mine.blank + c.blank };
  });
  return {
    table,
    segmentColumns,
    rejected: [...a.rejected, ...b.rejected.map((r) => ({ ...r, row: r.row + rowShift }))],
    fileCounts,
    customers: keys.packed(),
    customerKeys: keys,
  };
}
