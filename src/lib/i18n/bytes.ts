import type { Locale } from './messages';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * A size people read at a glance: `1.2 MB`, `340 KB`, `2.0 GB` (powers of 1,024, as the
 * browser's own storage settings count them); three significant figures at most.
 */
export function formatBytes(bytes: number, lang: Locale): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  const number = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: unit === 0 ? 0 : Math.min(digits, 1) }).format(value);
  return `${number} ${UNITS[unit]}`;
}
