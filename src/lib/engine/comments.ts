/** Picking comments to read: the newest ones first. */
import type { AnswerTable } from './answers';
import { textAt } from './text-column';

/** Answers that say nothing in their comment (`特になし`, `N/A`…): not worth a line in a list. */
const EMPTY_COMMENT = /^(特に(なし|無し|ありません)|なし|無し|ない|n\/?a|none|no|-+|ー+|―+|\.+)$/i;

export function hasComment(text: string): boolean {
  const t = text.trim();
  return t !== '' && !EMPTY_COMMENT.test(t.normalize('NFKC'));
}

/**
 * Indices of the `limit` newest answers with a comment, newest first (by date and time as
 * written; among equals, the later row). One pass that keeps a short sorted list, so a million
 * answers are neither sorted nor sliced into strings; the columns are read as local arrays and
 * most answers are turned away by one comparison with the oldest one kept.
 */
export function newestComments(table: AnswerTable, limit: number, include?: Uint8Array): number[] {
  const { day, seconds } = table;
  const ends = table.comment.ends;
  // Newer first: by date, then time, then the later row.
  const newer = (a: number, b: number) => (day[a] !== day[b] ? day[a] > day[b] : seconds[a] !== seconds[b] ? seconds[a] > seconds[b] : a > b);
  // Keep a few spare candidates: some may turn out to say nothing (特になし).
  for (let spare = limit * 3; ; spare *= 4) {
    const top: number[] = [];
    let oldestDay = -Infinity;
    for (let i = 0, len = table.length; i < len; i++) {
      if (ends[i] === (i === 0 ? 0 : ends[i - 1]) || (include !== undefined && include[i] === 0)) continue;
      if (top.length === spare && (day[i] < oldestDay || !newer(i, top[spare - 1]))) continue;
      let at = top.length < spare ? top.length : spare - 1;
      while (at > 0 && newer(i, top[at - 1])) at--;
      top.splice(at, 0, i);
      if (top.length > spare) top.pop();
      if (top.length === spare) oldestDay = day[top[spare - 1]];
    }
    const picked = top.filter((i) => hasComment(textAt(table.comment, i)));
    if (picked.length >= limit || top.length < spare) return picked.slice(0, limit);
  }
}
