import { describe, expect, it } from 'vitest';
import { tableFromRows, NO_DAY } from './answers';
import { answersOfCustomer, encodeCustomers } from './customers';
import { isoToDay } from '../ingest/values';

describe('answersOfCustomer', () => {
  it('lists one customer\'s answers oldest first, undated ones last', () => {
    const table = tableFromRows([
      { score: 9, account: 'A', day: isoToDay('2024-05-01') },
      { score: 3, account: 'B', day: isoToDay('2024-01-01') },
      { score: 2, account: 'A', day: NO_DAY },
      { score: 7, account: 'A', day: isoToDay('2023-11-20') },
      { score: 10, account: 'A', day: isoToDay('2024-05-01'), seconds: 10 },
    ]);
    table.customer = encodeCustomers(table, 'account');
    expect(answersOfCustomer(table, table.customer[0])).toEqual([3, 0, 4, 2]);
    expect(answersOfCustomer(table, table.customer[1])).toEqual([1]);
    expect(answersOfCustomer(table, 0)).toEqual([]);
  });
});
