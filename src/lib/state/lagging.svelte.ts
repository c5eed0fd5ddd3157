/**
 * A value that follows another one task later. A view whose figures all change at once (a new
 * filter at a million answers) draws its first sections with them and the ones below from this,
 * in a task of their own, instead of redrawing everything in one long task. The component that
 * creates it owns it.
 */
export class Lagging<T> {
  current = $state.raw<T>() as T;

  constructor(source: () => T) {
    this.current = source();
    $effect(() => {
      const next = source();
      if (next === this.current) return;
      const timer = setTimeout(() => (this.current = next), 0);
      return () => clearTimeout(timer);
    });
  }
}
