/**
 * One figure of a view (engine/figures.ts), kept current as its inputs change. A few answers are
 * counted on the page at once; from OFF_PAGE_FROM answers the figure is computed in the figures
 * worker, so a filter change or a view switch at a million answers never freezes the page: the
 * view shows the previous figure marked as updating (`pending`) until the new one comes. The
 * component that creates it owns it.
 */
import { untrack } from 'svelte';
import type { AnswerTable } from '../engine/answers';
import { runFigure, type FigureArgs, type FigureName, type FigureOf } from '../engine/figures';
import { figureInWorker } from '../workers/figures';

/**
 * From this many answers a figure is computed off the page. Below it each costs a few
 * milliseconds on the page, less than a message to a worker and back.
 */
export const OFF_PAGE_FROM = 100_000;

/**
 * A copy of `value` that can be posted: arrays and plain objects copied (a $state proxy among
 * them, such as the events, cannot be), typed arrays and other values as they are — postMessage
 * copies those once ($state.snapshot would copy a mask or the topic tags a second time).
 */
function plain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plain) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)])) as T;
  }
  return value;
}

export interface FigureInputs<N extends FigureName> {
  /** The answers, and their answersKey (what the worker holds them by). */
  table: AnswerTable;
  key: string;
  args: FigureArgs<N>;
}

export class Figure<N extends FigureName> {
  readonly #name: N;
  readonly #inputs = $derived.by(() => this.#read());
  readonly #read: () => FigureInputs<N> | null;
  readonly #firstOnPage: boolean;
  /** The latest figure from the worker, and the inputs it is of. */
  #fromWorker = $state.raw<{ of: FigureInputs<N>; figure: FigureOf<N> } | null>(null);
  /** The first figure, when it is computed on the page (`firstOnPage`). */
  #first: { of: FigureInputs<N>; figure: FigureOf<N> } | null = null;
  #busy = false;
  #gone = false;
  #queued: FigureInputs<N> | null = null;

  /**
   * The figure to show: of the current inputs, or, while those are computed in the worker, of
   * the previous ones (then `pending`); null before the first one.
   */
  readonly value = $derived.by((): FigureOf<N> | null => {
    const inputs = this.#inputs;
    if (!inputs) return null;
    if (!this.#offPage(inputs)) return runFigure(this.#name, inputs.table, inputs.args);
    // A figure of other answers (another dataset, or before an append) is never shown.
    const known = this.#knownOf(inputs);
    if (known) return known.figure;
    if (!this.#firstOnPage) return null;
    this.#first = { of: inputs, figure: runFigure(this.#name, inputs.table, inputs.args) };
    return this.#first.figure;
  });

  /** The figure shown is not yet of the current inputs. */
  readonly pending = $derived.by(() => {
    const inputs = this.#inputs;
    return inputs !== null && this.#offPage(inputs) && this.#fromWorker?.of !== inputs && this.#first?.of !== inputs;
  });

  /**
   * `inputs` is read tracked: the figure follows what it reads. Null: nothing to compute.
   * `firstOnPage`: with no figure of these answers yet, one is computed on the page at once, the
   * later ones in the worker — for a figure that is quick enough once (the headline) and must
   * not wait for the worker to be sent the answers after an import.
   */
  constructor(name: N, inputs: () => FigureInputs<N> | null, { firstOnPage = false } = {}) {
    this.#name = name;
    this.#read = inputs;
    this.#firstOnPage = firstOnPage;
    // Its view was left: an answer still to come is not computed on the page if the worker fails.
    $effect(() => () => (this.#gone = true));
    $effect(() => {
      const current = this.#inputs;
      if (!current || !this.#offPage(current) || this.#first?.of === current) return;
      // Only the inputs are tracked: a figure arriving from the worker asks nothing again.
      untrack(() => {
        // The first figure of these answers is computed on the page, when `value` is read.
        if (this.#fromWorker?.of === current || (this.#firstOnPage && !this.#knownOf(current))) return;
        void this.#ask(current);
      });
    });
  }

  /** The latest figure of the same answers as `inputs` (of these inputs or earlier ones). */
  #knownOf(inputs: FigureInputs<N>): { figure: FigureOf<N> } | null {
    // A figure from the worker is always newer than the first one of the same answers.
    if (this.#fromWorker?.of.key === inputs.key) return this.#fromWorker;
    return this.#first?.of.key === inputs.key ? this.#first : null;
  }

  #offPage(inputs: FigureInputs<N>): boolean {
    return inputs.table.length >= OFF_PAGE_FROM;
  }

  /** One request at a time: inputs that change while one runs are asked next, the latest only. */
  async #ask(inputs: FigureInputs<N>): Promise<void> {
    if (this.#busy) {
      this.#queued = inputs;
      return;
    }
    this.#busy = true;
    let figure: FigureOf<N>;
    try {
      figure = await figureInWorker(inputs.key, inputs.table, this.#name, plain(inputs.args));
    } catch {
      // The worker could not (it failed to start, or the figure read a column it was not sent):
      // the page computes it, slowly but right.
      if (this.#gone) return;
      figure = runFigure(this.#name, inputs.table, inputs.args);
    }
    this.#fromWorker = { of: inputs, figure };
    this.#busy = false;
    const next = this.#queued;
    this.#queued = null;
    if (next && next === this.#inputs) void this.#ask(next);
  }
}
