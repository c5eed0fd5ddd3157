import { describe, expect, it } from 'vitest';
import { validEvent, validEvents, validMapping } from './validate';

const event = { id: 'e1', datasetId: 'd', date: '2024-04-01', label: 'Price change', kind: 'pricing' };
const mapping = { signature: 's', headers: ['score', 'date'], headerRows: 1, roles: ['score', 'date'], dateOrder: 'ymd', savedAt: 5 };

describe('events read back from storage', () => {
  it('keep exactly their fields', () => {
    expect(validEvent({ ...event, segment: 'plan: Pro', extra: 1 })).toEqual({ ...event, segment: 'plan: Pro' });
  });
  it('are skipped when they cannot be drawn', () => {
    const bad = [null, 'x', { ...event, date: '2024-02-30' }, { ...event, date: 20240401 }, { ...event, label: '' }, { ...event, label: 7 }, { ...event, kind: 'party' }, { ...event, id: 3 }, { ...event, label: 'x'.repeat(501) }];
    expect(validEvents([event, ...bad])).toEqual({ events: [event], skipped: bad.length });
  });
});

describe('a remembered column mapping', () => {
  it('is applied only when every part of it can be', () => {
    expect(validMapping(mapping)).toEqual(mapping);
    expect(validMapping({ ...mapping, roles: ['score', 'salary'] })).toBeNull();
    expect(validMapping({ ...mapping, headers: 'score,date' })).toBeNull();
    expect(validMapping({ ...mapping, headerRows: -1 })).toBeNull();
    expect(validMapping({ ...mapping, dateOrder: 'ydm' })).toBeNull();
    expect(validMapping({ ...mapping, savedAt: 'yesterday' })).toBeNull();
    expect(validMapping(null)).toBeNull();
  });
});
