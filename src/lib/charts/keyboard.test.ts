import { describe, expect, it } from 'vitest';
import { keyMove, type MarkPlace } from './keyboard';

// A list of five words (one row), and a timeline of two topics whose positive (rows 0, 2) and
// negative (rows 1, 3) bars exist only in some periods:
//   row 0: x 0, 1, 3        row 1: x 2
//   row 2: (none)           row 3: x 0, 4
const list: MarkPlace[] = [0, 1, 2, 3, 4].map((x) => ({ row: 0, x }));
const timeline: MarkPlace[] = [
  { row: 0, x: 0 }, { row: 0, x: 1 }, { row: 0, x: 3 },
  { row: 1, x: 2 },
  { row: 3, x: 0 }, { row: 3, x: 4 },
];
const to = (index: number) => ({ kind: 'move', index });

describe('keyMove', () => {
  it('steps through a one-row list with ←/→ and ↑/↓ alike, and stays at its ends', () => {
    expect(keyMove('ArrowRight', list, 1)).toEqual(to(2));
    expect(keyMove('ArrowDown', list, 1)).toEqual(to(2));
    expect(keyMove('ArrowLeft', list, 1)).toEqual(to(0));
    expect(keyMove('ArrowUp', list, 1)).toEqual(to(0));
    expect(keyMove('ArrowRight', list, 4)).toEqual(to(4));
    expect(keyMove('ArrowUp', list, 0)).toEqual(to(0));
    expect(keyMove('Home', list, 3)).toEqual(to(0));
    expect(keyMove('End', list, 1)).toEqual(to(4));
  });

  it('moves along a row by x, skipping periods without a bar', () => {
    expect(keyMove('ArrowRight', timeline, 1)).toEqual(to(2));
    expect(keyMove('ArrowLeft', timeline, 2)).toEqual(to(1));
    expect(keyMove('ArrowRight', timeline, 3)).toEqual(to(3));
    expect(keyMove('ArrowLeft', timeline, 5)).toEqual(to(4));
  });

  it('moves to the nearest mark of the next row that has marks, the left one on a tie', () => {
    // From row 0, x 3 down to row 1 (only x 2), then down past the empty row 2 to row 3: x 0 and
    // x 4 are both 2 away from x 2, the left one wins.
    expect(keyMove('ArrowDown', timeline, 2)).toEqual(to(3));
    expect(keyMove('ArrowDown', timeline, 3)).toEqual(to(4));
    expect(keyMove('ArrowUp', timeline, 5)).toEqual(to(3));
    // Up from row 1, x 2: x 1 and x 3 of row 0 are equally near, the left one wins.
    expect(keyMove('ArrowUp', timeline, 3)).toEqual(to(1));
    // No row above the first or below the last: it stays.
    expect(keyMove('ArrowUp', timeline, 0)).toEqual(to(0));
    expect(keyMove('ArrowDown', timeline, 5)).toEqual(to(5));
  });

  it('Home and End keep to the row; with Ctrl they go to the first and last mark', () => {
    expect(keyMove('End', timeline, 0)).toEqual(to(2));
    expect(keyMove('Home', timeline, 5)).toEqual(to(4));
    expect(keyMove('Home', timeline, 5, true)).toEqual(to(0));
    expect(keyMove('End', timeline, 0, true)).toEqual(to(5));
  });

  it('does not depend on the order the marks are listed in', () => {
    const shuffled = [timeline[5], timeline[2], timeline[0], timeline[3], timeline[4], timeline[1]];
    // Index 2 is row 0, x 0: → goes to row 0, x 1 (index 5); Ctrl+End to row 3, x 4 (index 0).
    expect(keyMove('ArrowRight', shuffled, 2)).toEqual(to(5));
    expect(keyMove('End', shuffled, 2, true)).toEqual(to(0));
  });

  it('activates with Enter or Space only when a mark is active', () => {
    expect(keyMove('Enter', list, 2)).toEqual({ kind: 'activate' });
    expect(keyMove(' ', list, 0)).toEqual({ kind: 'activate' });
    expect(keyMove('Enter', list, -1)).toBeNull();
    expect(keyMove('Enter', [], 0)).toBeNull();
  });

  it('with no active mark yet, any move starts at the first mark (Ctrl+End at the last)', () => {
    expect(keyMove('ArrowDown', timeline, -1)).toEqual(to(0));
    expect(keyMove('End', timeline, 9)).toEqual(to(0));
    expect(keyMove('End', timeline, -1, true)).toEqual(to(5));
  });

  it('leaves other keys (Tab, Escape, letters) and empty charts alone', () => {
    expect(keyMove('Tab', list, 1)).toBeNull();
    expect(keyMove('Escape', list, 1)).toBeNull();
    expect(keyMove('a', list, 1)).toBeNull();
    expect(keyMove('ArrowRight', [], 0)).toBeNull();
  });
});
