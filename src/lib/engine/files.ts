/** Taking one imported file's answers back out of a dataset. */
import type { AnswerTable } from './answers';
import { selectRows } from './duplicates';

/**
 * The table without the answers of file `fileIndex`; later files move down one place, so file
 * indices stay positions in the dataset's (shortened) file list. Answer ids are kept.
 */
export function withoutFile(table: AnswerTable, fileIndex: number): AnswerTable {
  const keep: number[] = [];
  for (let i = 0, len = table.length; i < len; i++) if (table.file[i] !== fileIndex) keep.push(i);
  const out = selectRows(table, keep);
  if (out === table) return table;
  const file = out.file === table.file ? out.file.slice() : out.file;
  for (let i = 0; i < out.length; i++) if (file[i] > fileIndex) file[i]--;
  return { ...out, file };
}
