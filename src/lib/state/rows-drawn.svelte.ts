/**
 * How many rows of a long list are on screen: up to `target`, reached STEP rows per task. A
 * hundred follow-up rows, each with its status, owner, due date and notes, took ~100 ms to draw
 * and lay out in one task; ten at a time keep each task short. A new list starts
 * from the first step again. The component that creates it owns it.
 */
const STEP = 10;

export class RowsDrawn {
  #drawn = $state(STEP);

  /** `target`: the rows wanted on screen; `list`: the list itself (a new one starts over). */
  constructor(target: () => number, list: () => unknown) {
    $effect(() => {
      list();
      this.#drawn = STEP;
    });
    $effect(() => {
      const want = target();
      if (this.#drawn >= want) return;
      const timer = setTimeout(() => (this.#drawn = Math.min(want, this.#drawn + STEP)), 0);
      return () => clearTimeout(timer);
    });
  }

  /** Rows to draw now: never more than the target. */
  count(target: number): number {
    return Math.min(target, this.#drawn);
  }
}
