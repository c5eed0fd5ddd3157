import { describe, expect, it } from 'vitest';
import { answersKey, tableFromRows, NO_DAY } from './answers';
import { answersOfCustomer, customerNamer, customerNames, encodeCustomers } from './customers';
import { isoToDay } from './days';

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

describe('answersKey', () => {
  it('changes when answers are appended or removed, not on a rename', () => {
    const record = { id: 'd', name: 'a', updatedAt: 1, nextAnswerId: 100, answerCount: 100 };
    const renamed = { ...record, name: 'b', updatedAt: 2 };
    expect(answersKey(renamed)).toBe(answersKey(record));
    expect(answersKey({ ...record, nextAnswerId: 150, answerCount: 150 })).not.toBe(answersKey(record));
    expect(answersKey({ ...record, answerCount: 60 })).not.toBe(answersKey(record));
    expect(answersKey({ ...record, id: 'e' })).not.toBe(answersKey(record));
  });
});

describe('customerNamer', () => {
  it('names each customer as customerNames does, reading only the names asked for', () => {
    const table = tableFromRows([
      { score: 9, account: 'ACME', respondent: 'a@x.jp' },
      { score: 3, account: '' },
      { score: 7, account: 'Beta 株式会社', respondent: 'b@x.jp' },
      { score: 10, account: 'ACME', respondent: 'c@x.jp' },
    ]);
    for (const identity of ['account', 'respondent'] as const) {
      table.customer = encodeCustomers(table, identity);
      const names = customerNames(table, identity), nameOf = customerNamer(table, identity);
      expect(names.length).toBeGreaterThan(2);
      names.forEach((name, c) => expect(nameOf(c), `${identity} ${c}`).toBe(name ?? ''));
      expect([nameOf(0), nameOf(names.length), nameOf(-1)]).toEqual(['', '', '']);
    }
    expect(customerNamer(table, null)(1)).toBe('');
  });
});

