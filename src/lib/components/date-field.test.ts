import { describe, expect, it } from 'vitest';
import { addDays, formatDateInput, parseDateInput } from './date-field';

const date = (iso: string) => ({ kind: 'date', iso });

describe('parseDateInput', () => {
  it('reads the ways people type a date, in Japanese and English', () => {
    expect(parseDateInput('2024-01-05')).toEqual(date('2024-01-05'));
    expect(parseDateInput('2024/1/5')).toEqual(date('2024-01-05'));
    expect(parseDateInput(' 2024.1.5 ')).toEqual(date('2024-01-05'));
    expect(parseDateInput('2024年1月5日')).toEqual(date('2024-01-05'));
    expect(parseDateInput('2024 年 1 月 5 日')).toEqual(date('2024-01-05'));
    expect(parseDateInput('令和6年1月5日')).toEqual(date('2024-01-05'));
    expect(parseDateInput('R6.1.5')).toEqual(date('2024-01-05'));
    expect(parseDateInput('２０２４／０１／０５')).toEqual(date('2024-01-05'));
    expect(parseDateInput('20240105')).toEqual(date('2024-01-05'));
    expect(parseDateInput('2024-01-05 10:30')).toEqual(date('2024-01-05'));
  });
  it('reads year-last dates month first, day first only when that is the only reading', () => {
    expect(parseDateInput('1/5/2024')).toEqual(date('2024-01-05'));
    expect(parseDateInput('25/12/2024')).toEqual(date('2024-12-25'));
  });
  it('is empty for blank text and invalid for what is no date', () => {
    expect(parseDateInput('')).toEqual({ kind: 'empty' });
    expect(parseDateInput('   ')).toEqual({ kind: 'empty' });
    expect(parseDateInput('2024-13-01')).toEqual({ kind: 'invalid' });
    expect(parseDateInput('2023-02-29')).toEqual({ kind: 'invalid' });
    expect(parseDateInput('tomorrow')).toEqual({ kind: 'invalid' });
    expect(parseDateInput('2024/1')).toEqual({ kind: 'invalid' });
    // Excel serials and Unix times are dates in files, not in a date field.
    expect(parseDateInput('45296')).toEqual({ kind: 'invalid' });
    expect(parseDateInput('1704412800')).toEqual({ kind: 'invalid' });
  });
  it('accepts the leap day of a leap year', () => {
    expect(parseDateInput('2024/2/29')).toEqual(date('2024-02-29'));
  });
});

describe('formatDateInput', () => {
  it('writes the date as the UI language does', () => {
    expect(formatDateInput('2024-01-05', 'ja')).toBe('2024/01/05');
    expect(formatDateInput('2024-01-05', 'en')).toBe('2024-01-05');
    expect(formatDateInput('', 'ja')).toBe('');
  });
  it('reads back what it writes', () => {
    for (const lang of ['ja', 'en'] as const) expect(parseDateInput(formatDateInput('2025-12-31', lang))).toEqual(date('2025-12-31'));
  });
});

describe('addDays', () => {
  it('moves across month and year ends and leap days', () => {
    expect(addDays('2024-01-31', 1)).toBe('2024-02-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
  });
});
