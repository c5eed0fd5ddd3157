/**
 * The follow-up view's list, built so that a wave of a million answers never holds the page:
 * who is listed comes from the figures worker (engine/figures.ts `followUps`); their rows —
 * names, comments, keys — are read a slice per task (engine/follow-ups.ts followUpRowsOf); a
 * long list is then ordered in a task of its own and drawn. Until a new list is ready the
 * previous one stays, marked `updating`. The follow-up page creates it and is its only owner.
 */
import { untrack } from 'svelte';
import type { AnswerTable } from '../engine/answers';
import { followUpRowsOf, shownFollowUps, type FollowUpPicks, type FollowUpRow, type FollowUpShowing, type FollowUpState, type FollowUpView } from '../engine/follow-ups';
import type { Category } from '../engine/nps';
import type { OpenDataset } from './open-dataset.svelte';
import { Figure } from './figure.svelte';

/** Rows read per task: ~2,000 take ~10 ms. A list this short is read and ordered at once. */
const ROWS_PER_TASK = 2_000;

export interface FollowUpChoice {
  /** The wave chosen (null: the last one), the group, how it is shown. */
  wave: number | null;
  group: Category;
  showing: FollowUpShowing;
  /** Answers of satisfied passives and detractors (engine/csat.ts), or null. */
  inertia: Uint8Array | null;
  /** The stored states the list is ordered by (FollowUpBook.ordering). */
  ordering: ReadonlyMap<string, FollowUpState>;
}

const nextTask = () => new Promise((next) => setTimeout(next, 0));

export class FollowUpList {
  readonly #picks: Figure<'followUps'>;
  /** The rows of the latest picks read whole. */
  #rows = $state.raw<{ of: FollowUpPicks; rows: FollowUpRow[] } | null>(null);
  /** Those rows as shown (ordered, filtered, counted). */
  #shown = $state.raw<{ of: FollowUpRow[]; view: FollowUpView } | null>(null);

  /** The waves of the answers kept and the wave listed (null before the first list). */
  readonly waves = $derived.by(() => (this.#picks.value ? { labels: this.#picks.value.labels, wave: this.#picks.value.wave } : null));
  readonly view = $derived.by(() => this.#shown?.view ?? null);
  /** What is shown is not yet of the current choice. */
  readonly updating = $derived.by(() => this.#picks.pending || this.#rows?.of !== this.#picks.value || this.#shown?.of !== this.#rows?.rows);

  /** `choice` is read tracked; null: nothing is listed (follow-up is off). */
  constructor(dataset: OpenDataset, choice: () => FollowUpChoice | null) {
    // Each part of the choice on its own: another order or status shown re-orders the list, it
    // does not ask the worker or read the rows again.
    const listed = $derived(choice() !== null);
    const wave = $derived(choice()?.wave ?? null);
    const group = $derived(choice()?.group ?? 'detractor');
    const inertia = $derived(choice()?.inertia ?? null);
    this.#picks = new Figure('followUps', () => (listed ? dataset.figureInputs<'followUps'>([wave, group, dataset.mask]) : null));
    $effect(() => {
      const picks = this.#picks.value, table = dataset.table, marks = inertia;
      if (!picks || !table) return;
      const reading = { stopped: false };
      untrack(() => void this.#read(table, picks, marks, reading));
      return () => {
        reading.stopped = true;
      };
    });
    $effect(() => {
      const rows = this.#rows?.rows ?? null, c = choice();
      if (!rows || !c) return;
      if (rows.length <= ROWS_PER_TASK) return void (this.#shown = { of: rows, view: shownFollowUps(rows, c.ordering, c.showing) });
      // Ordering a wave of a million answers takes ~20 ms and drawing the list after it as much
      // (more the first time, with the page around it): each in a task of its own.
      let timer = setTimeout(() => {
        const view = shownFollowUps(rows, c.ordering, c.showing);
        timer = setTimeout(() => (this.#shown = { of: rows, view }), 0);
      }, 0);
      return () => clearTimeout(timer);
    });
  }

  async #read(table: AnswerTable, picks: FollowUpPicks, inertia: Uint8Array | null, reading: { stopped: boolean }): Promise<void> {
    const rows: FollowUpRow[] = [];
    const n = picks.answer.length, long = n > ROWS_PER_TASK;
    for (let from = 0; from < n; from += ROWS_PER_TASK) {
      if (long) await nextTask();
      if (reading.stopped) return;
      rows.push(...followUpRowsOf(table, picks, inertia, from, Math.min(n, from + ROWS_PER_TASK)));
    }
    this.#rows = { of: picks, rows };
  }
}
