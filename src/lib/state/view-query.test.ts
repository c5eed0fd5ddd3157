import { describe, expect, it } from 'vitest';
import { filterOf, formatViewQuery, parseViewQuery } from './view-query';

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
});
