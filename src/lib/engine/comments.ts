/** Picking comments to read: the newest ones first. */
import type { AnswerTable } from './answers';
import { textAt, textIsEmpty } from './text-column';

/** Answers that say nothing in their comment (`特になし`, `N/A`…): not worth a line in a list. */
const EMPTY_COMMENT = /^(特に(なし|無し|ありません)|なし|無し|ない|n\/?a|none|no|-+|ー+|―+|\.+)$/i;

export function hasComment(text: string): boolean {
  const t = text.trim();
  return t !== '' && !EMPTY_COMMENT.test(t.normalize('NFKC'));
}

/**
 * Indices of the `limit` newest answers with a comment, newest first (by date and time as
 * written; among equals, the later row).
 */
export function newestComments(table: AnswerTable, limit: number): number[] {
  const picked: number[] = [];
  for (let i = 0; i < table.length; i++) if (!textIsEmpty(table.comment, i) && hasComment(textAt(table.comment, i))) picked.push(i);
  picked.sort((a, b) => table.day[b] - table.day[a] || table.seconds[b] - table.seconds[a] || b - a);
  return picked.slice(0, limit);
}
