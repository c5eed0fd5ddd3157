import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommentFilters, SEARCH_DELAY_MS, type PeriodSpan } from './comment-filters.svelte';

let periods: PeriodSpan[] = [];
const JAN = { period: '2024-01', from: '2024-01-01', to: '2024-01-31' };
const FEB = { period: '2024-02', from: '2024-02-01', to: '2024-02-29' };

beforeEach(() => {
  vi.useFakeTimers();
  periods = [JAN, FEB];
});
afterEach(() => vi.useRealTimers());

describe('CommentFilters', () => {
  it('applies a search 200 ms after the last key stroke, and a cleared one at once', () => {
    const filters = new CommentFilters(() => periods);
    filters.search = 'サ';
    vi.advanceTimersByTime(150);
    filters.search = 'サポ';
    vi.advanceTimersByTime(150);
    expect(filters.applied).toBe('');
    expect(filters.query.search).toBe('');
    vi.advanceTimersByTime(SEARCH_DELAY_MS - 150);
    expect(filters.applied).toBe('サポ');
    expect(filters.query.search).toBe('サポ');
    filters.search = '';
    expect(filters.applied).toBe('');
  });

  it('asks the engine with typed values: polarity as a sign, the period as its days, the segment as column and code', () => {
    const filters = new CommentFilters(() => periods);
    expect(filters.query).toEqual({ search: '', topic: '', polarity: 0, category: '', period: null, segment: null });
    filters.topic = 'support';
    filters.polarity = '-1';
    filters.category = 'detractor';
    filters.period = '2024-02';
    filters.segment = '1:3';
    expect(filters.query).toEqual({ search: '', topic: 'support', polarity: -1, category: 'detractor', period: FEB, segment: { column: 1, code: 3 } });
    expect(filters.active).toBe(true);
  });

  it('drops a period the view no longer lists', () => {
    const filters = new CommentFilters(() => periods);
    filters.period = '2024-01';
    expect(filters.query.period).toEqual(JAN);
    periods = [FEB];
    expect(filters.period).toBe('');
    expect(filters.query.period).toBeNull();
    expect(filters.active).toBe(false);
  });

  it('shows exactly one timeline bar: its topic, polarity and period, every other filter cleared', () => {
    const filters = new CommentFilters(() => periods);
    filters.search = 'price';
    filters.category = 'promoter';
    filters.segment = '0:1';
    filters.showBar('support', '2024-01', 1);
    expect(filters.search).toBe('');
    expect(filters.query).toEqual({ search: '', topic: 'support', polarity: 1, category: '', period: JAN, segment: null });
    // A search typed before the bar was clicked does not arrive later.
    vi.advanceTimersByTime(SEARCH_DELAY_MS);
    expect(filters.applied).toBe('');
    filters.clear();
    expect(filters.active).toBe(false);
  });
});
