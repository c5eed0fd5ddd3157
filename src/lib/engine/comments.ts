/** Picking comments to read: the newest ones first. */
import type { AnswerTable } from './answers';
import { textAt, textIsEmpty } from './text-column';

/** Answers that say nothing in their comment (`特になし`, `N/A`…): not worth a line in a list. */
const EMPTY_COMMENT = /^(特に(なし|無し|ありません)|なし|無し|ない|n\/?a|none|no|-+|ー+|―+|\.+)$/i;

export function hasComment(text: string): boolean {
  const t = text.trim();
  return t !== '' && !EMPTY_COMMENT.test(t.normalize('NFKC'));
}

/** Newer first: by date, then time, then the later row. */
function newer(table: AnswerTable, a: number, b: number): boolean {
  return table.day[a] !== table.day[b] ? table.day[a] > table.day[b]
    : table.seconds[a] !== table.seconds[b] ? table.seconds[a] > table.seconds[b] : a > b;
}

/**
 * Indices of the `limit` newest answers with a comment, newest first (by date and time as
 * written; among equals, the later row). One pass that keeps a short sorted list, so a million
 * answers are neither sorted nor sliced into strings.
 */
export function newestComments(table: AnswerTable, limit: number, include?: Uint8Array): number[] {
  // Keep a few spare candidates: some may turn out to say nothing (特になし).
  for (let spare = limit * 3; ; spare *= 4) {
    const top: number[] = [];
    for (let i = 0, len = table.length; i < len; i++) {
      if (textIsEmpty(table.comment, i) || (include && !include[i])) continue;
      if (top.length === spare && !newer(table, i, top[spare - 1])) continue;
      let at = top.length < spare ? top.length : spare - 1;
      while (at > 0 && newer(table, i, top[at - 1])) at--;
      top.splice(at, 0, i);
      if (top.length > spare) top.pop();
    }
    const picked = top.filter((i) => hasComment(textAt(table.comment, i)));
    if (picked.length >= limit || top.length < spare) return picked.slice(0, limit);
  }
}
