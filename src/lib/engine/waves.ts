/** Survey waves named in the data (a wave/survey column), ordered by their earliest answer. */
import type { AnswerTable } from './answers';
import { textAt, textIsEmpty } from './text-column';

export function wavesOf(table: AnswerTable): string[] {
  const first = new Map<string, number>();
  for (let i = 0, len = table.length; i < len; i++) {
    if (textIsEmpty(table.wave, i)) continue;
    const wave = textAt(table.wave, i);
    const key = table.day[i] * 86_401 + table.seconds[i] + 1;
    const seen = first.get(wave);
    if (seen === undefined || key < seen) first.set(wave, key);
  }
  return [...first].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([wave]) => wave);
}
