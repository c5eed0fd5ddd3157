import { describe, expect, it } from 'vitest';
import { filterOf, formatViewQuery, parseViewQuery } from './view-query';
import { filterMask } from '../engine/filters';
import { tableFromRows } from '../engine/answers';

describe('view query in the URL', () => {
  it('round-trips filters, period and fiscal year through the hash', () => {
    const hash = '#/datasets/x/trend?from=2024-01-01&to=2024-06-30&f=plan%3APro&f=plan%3AFree&f=region%3A%E9%96%A2%E6%9D%B1&w=2024-Q1&period=quarter&fy=4&seg=plan&minN=50&voice=1';
    const v = parseViewQuery(hash);
    expect(v).toEqual({
      from: '2024-01-01', to: '2024-06-30',
      segmentValues: [['plan', 'Pro'], ['plan', 'Free'], ['region', '関東']],
      waves: ['2024-Q1'], period: 'quarter', fiscalYearStartMonth: 4, segment: 'plan', minN: 50, oneVoice: true,
    });
    expect(parseViewQuery('#/x' + formatViewQuery(v))).toEqual(v);
    expect(filterOf(v)).toEqual({ fromDay: 19723, toDay: 19904, segments: { plan: ['Pro', 'Free'], region: ['関東'] }, waves: ['2024-Q1'] });
  });
  it('falls back to defaults for missing or broken values', () => {
    expect(parseViewQuery('#/datasets/x?from=yesterday&period=decade&fy=13')).toMatchObject({ from: null, period: 'month', fiscalYearStartMonth: 1, minN: 30, oneVoice: false });
    expect(formatViewQuery(parseViewQuery('#/datasets/x'))).toBe('');
  });

  it('reads segment names and values as data: __proto__, constructor and toString are ordinary', () => {
    const v = parseViewQuery('#/datasets/x?f=__proto__:x&f=constructor:y&f=toString:z&f=plan:__proto__');
    expect(v.segmentValues).toEqual([['__proto__', 'x'], ['constructor', 'y'], ['toString', 'z'], ['plan', '__proto__']]);
    const f = filterOf(v);
    expect(Object.entries(f.segments)).toEqual([['__proto__', ['x']], ['constructor', ['y']], ['toString', ['z']], ['plan', ['__proto__']]]);
    // Nothing reached Object.prototype.
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    // The mask treats them as columns: one named __proto__ filters on its values.
    const table = tableFromRows([{ score: 9, segments: [1] }, { score: 3, segments: [2] }], 1);
    expect(Array.from(filterMask(table, [{ name: '__proto__', values: ['', 'x', 'w'] }], f)!)).toEqual([1, 0]);
    expect(Array.from(filterMask(table, [{ name: 'other', values: ['', 'x', 'w'] }], f)!)).toEqual([1, 1]);
  });
  it('ignores a segment value or a wave given twice', () => {
    const v = parseViewQuery('#/datasets/x?w=W2&w=W2&w=W1&f=plan:Pro&f=plan:Pro');
    expect(v.waves).toEqual(['W2', 'W1']);
    expect(v.segmentValues).toEqual([['plan', 'Pro']]);
    expect(formatViewQuery(v)).toBe('?f=plan%3APro&w=W2&w=W1');
  });
});
