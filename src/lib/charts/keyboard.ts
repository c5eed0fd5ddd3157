/**
 * Keys inside a chart (or a long list of buttons) that is a single tab stop: the arrow keys move
 * an active mark, Enter or Space activates it. A chart with hundreds of bars would otherwise cost
 * a keyboard user hundreds of Tab presses to get past it.
 *
 * Marks are placed on rows (topics, or the positive and negative bars of a topic) and along x
 * (periods, scores): ←/→ move within a row, ↑/↓ to the nearest mark of the row above or below,
 * Home/End to the row's ends and Ctrl+Home/End to the first and last mark. A list of one row reads
 * ↑/↓ as ←/→, so a vertical list moves with the keys a person expects. Pure, so it is tested
 * without a browser; the components only keep the index and draw the outline.
 */

export interface MarkPlace {
  row: number;
  x: number;
}

/** What a key does: move the active mark to `index` (possibly where it already is), or activate it. */
export type KeyMove = { kind: 'move'; index: number } | { kind: 'activate' };

const before = (a: MarkPlace, b: MarkPlace) => a.row < b.row || (a.row === b.row && a.x < b.x);

/** The first (or last) mark in reading order among `indexes`. */
function extreme(marks: readonly MarkPlace[], indexes: number[], last: boolean): number {
  let best = indexes[0];
  for (const i of indexes) if (last ? before(marks[best], marks[i]) : before(marks[i], marks[best])) best = i;
  return best;
}

/** The mark of the row next above (step −1) or below (+1) whose x is nearest; the nearer left one on a tie. */
function rowStep(marks: readonly MarkPlace[], at: number, step: 1 | -1): number {
  const here = marks[at];
  let row: number | null = null;
  for (const m of marks) if ((m.row - here.row) * step > 0 && (row === null || (m.row - row) * step < 0)) row = m.row;
  if (row === null) return at;
  let best = -1;
  marks.forEach((m, i) => {
    if (m.row !== row) return;
    const d = Math.abs(m.x - here.x), bestD = best < 0 ? Infinity : Math.abs(marks[best].x - here.x);
    if (d < bestD || (d === bestD && m.x < marks[best].x)) best = i;
  });
  return best;
}

/** The next mark of the same row to the right (step +1) or left (−1); where it is at a row's end. */
function xStep(marks: readonly MarkPlace[], at: number, step: 1 | -1): number {
  const here = marks[at];
  let best = at;
  marks.forEach((m, i) => {
    if (m.row !== here.row || (m.x - here.x) * step <= 0) return;
    if (best === at || (m.x - marks[best].x) * step < 0) best = i;
  });
  return best;
}

/**
 * What `key` does with the marks when mark `at` is active (−1 or out of range: none yet, and any
 * move goes to the first mark). Null for keys that are not the chart's, which then do what they
 * always do (Tab leaves the chart).
 */
export function keyMove(key: string, marks: readonly MarkPlace[], at: number, ctrl = false): KeyMove | null {
  if (key === 'Enter' || key === ' ' || key === 'Spacebar') return marks.length && at >= 0 && at < marks.length ? { kind: 'activate' } : null;
  const moves = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];
  if (!moves.includes(key) || marks.length === 0) return null;
  const all = marks.map((_, i) => i);
  if (at < 0 || at >= marks.length) return { kind: 'move', index: extreme(marks, all, key === 'End' && ctrl) };
  const oneRow = marks.every((m) => m.row === marks[0].row);
  switch (key) {
    case 'ArrowRight':
      return { kind: 'move', index: xStep(marks, at, 1) };
    case 'ArrowLeft':
      return { kind: 'move', index: xStep(marks, at, -1) };
    case 'ArrowDown':
      return { kind: 'move', index: oneRow ? xStep(marks, at, 1) : rowStep(marks, at, 1) };
    case 'ArrowUp':
      return { kind: 'move', index: oneRow ? xStep(marks, at, -1) : rowStep(marks, at, -1) };
    default: {
      const indexes = ctrl ? all : all.filter((i) => marks[i].row === marks[at].row);
      return { kind: 'move', index: extreme(marks, indexes, key === 'End') };
    }
  }
}
