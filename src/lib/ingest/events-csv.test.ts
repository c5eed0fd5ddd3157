import { describe, expect, it } from 'vitest';
import { parseEventsCsv } from './events-csv';

describe('parseEventsCsv', () => {
  it('reads date, label and kind in English, and reports unreadable rows by row number', () => {
    const { events, problems } = parseEventsCsv('date,label,kind\n2024-04-01,Price increase,pricing\nsoon,Dashboard,release\n2024/7/15,Major outage,incident\n');
    expect(events).toEqual([
      { date: '2024-04-01', label: 'Price increase', kind: 'pricing' },
      { date: '2024-07-15', label: 'Major outage', kind: 'incident' },
    ]);
    expect(problems).toEqual([{ row: 3, value: 'soon' }]);
  });
  it('reads Japanese headers, dates and kinds', () => {
    const { events } = parseEventsCsv('\ufeff日付,内容,種類,対象\n2024年10月1日,サポート体制強化,サポート,plan:プロ\n');
    expect(events).toEqual([{ date: '2024-10-01', label: 'サポート体制強化', kind: 'support', segment: 'plan:プロ' }]);
  });
});
