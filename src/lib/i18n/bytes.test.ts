import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes';

describe('formatBytes', () => {
  it('picks the unit in powers of 1,024 and keeps about three significant figures', () => {
    expect(formatBytes(0, 'en')).toBe('0 B');
    expect(formatBytes(900, 'en')).toBe('900 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(188 * 1024 * 1024, 'en')).toBe('188 MB');
    expect(formatBytes(12.345 * 1024 ** 3, 'en')).toBe('12.3 GB');
    expect(formatBytes(1.234 * 1024 ** 2, 'ja')).toBe('1.23 MB');
  });
});
