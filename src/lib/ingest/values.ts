/**
 * Score and date cells of survey exports. Pure functions, no DOM, called once per cell.
 * Dates live in ./dates (re-exported here); see that file for the date rules.
 *
 * Score rules (after NFKC, so `１０` and `９` are digits, and trimming):
 * - a leading whole number 0–10, then nothing or a unit/label: `10点`, `9 点`, `8 pts`,
 *   `10（非常に薦めたい）`, `0 - Not at all likely`, `0 - 全く薦めない`, `7/10`;
 * - `7.0`, `10.00`, `7,0` are whole (Excel writes them) and accepted; `7.5`, `7,5`, `.5` are not;
 * - a leading minus (`-`, `−`, `－`) before digits is a negative number: out of range;
 * - a comma before exactly three digits is digit grouping (`1,000`): out of range;
 * - a number followed by another number (`5-6`, `9 10`, `9:30`, `1/5/2024`) is not a score
 *   (`/10` alone is allowed: "7 out of 10").
 */

export type { DateOrder, ParsedDate } from './dates';
export { parseDate, inferDateOrder, dayToIso, isoToDay } from './dates';

export type { Rejection, RejectionCode } from '../engine/dataset';
import type { Rejection, RejectionCode } from '../engine/dataset';
export type ScoreResult = { ok: true; score: number } | { ok: false; rejection: Rejection };

const NON_ASCII = /[^\x00-\x7f]/;
/** sign, whole part, decimal separator, fraction, rest. */
const SCORE = /^([-+\u2010-\u2015\u2212\ufe63])?\s*(\d*)(?:([.,])(\d+))?([^]*)$/;
/** A second number after the first: a range, a time, a date, a list. */
const SECOND_NUMBER = /^\s*(?:[-~〜:/.,]\s*)?\d/;
const OUT_OF_TEN = /^\s*\/\s*10(?![\d/.,:-])/;
const ALL_ZERO = /^0+$/;

/** Shared, frozen results for the eleven valid scores: no allocation on the hot path. */
const OK: ReadonlyArray<ScoreResult> = Array.from({ length: 11 }, (_, score) =>
  Object.freeze({ ok: true as const, score })
);

function reject(code: RejectionCode, raw: string): ScoreResult {
  let value = raw.trim();
  if (value.length > 80) {
    const cut = value.charCodeAt(79) >= 0xd800 && value.charCodeAt(79) <= 0xdbff ? 79 : 80;
    value = value.slice(0, cut);
  }
  return { ok: false, rejection: { code, value } };
}

/** Parse one NPS score cell (0–10). */
export function parseScore(raw: string): ScoreResult {
  const n = raw.length;
  if (n === 1) {
    const c = raw.charCodeAt(0) - 48;
    if (c >= 0 && c <= 9) return OK[c];
  } else if (n === 2 && raw === '10') return OK[10];

  const s = NON_ASCII.test(raw) ? raw.normalize('NFKC').trim() : raw.trim();
  if (s === '') return reject('score-empty', raw);
  const m = SCORE.exec(s);
  if (m === null) return reject('score-not-number', raw);
  const [, sign, whole, sep, frac, rest] = m;
  if (whole === '' && frac === undefined) return reject('score-not-number', raw);
  if (sep === ',' && frac.length === 3 && whole !== '' && +whole > 0) return reject('score-out-of-range', raw);
  if (SECOND_NUMBER.test(rest) && !OUT_OF_TEN.test(rest)) return reject('score-not-number', raw);
  if (sign !== undefined && sign !== '+') return reject('score-out-of-range', raw);
  if (frac !== undefined && !ALL_ZERO.test(frac)) return reject('score-not-whole', raw);
  const value = whole === '' ? 0 : +whole;
  return value <= 10 ? OK[value] : reject('score-out-of-range', raw);
}
