import { describe, expect, it } from 'vitest';
import { dayToIso, isoToDay } from './days';

describe('isoToDay', () => {
  it('agrees with Date.UTC and is the inverse of dayToIso', () => {
    expect(isoToDay('2024-01-15')).toBe(19737);
    expect(isoToDay('1970-01-01')).toBe(0);
    for (let d = -25_000; d <= 50_000; d += 13) {
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      expect(isoToDay(iso)).toBe(d);
      expect(dayToIso(d)).toBe(iso);
    }
  });

  it('is NaN for anything but a real date written exactly YYYY-MM-DD', () => {
    for (const bad of ['2023-02-29', '2100-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-5', '2024/01/15', '2024-01-15T00:00', ' 2024-01-15', ''])
      expect(isoToDay(bad), bad).toBeNaN();
    expect(isoToDay('2000-02-29')).toBe(Date.UTC(2000, 1, 29) / 86_400_000);
    expect(isoToDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
  });
});
