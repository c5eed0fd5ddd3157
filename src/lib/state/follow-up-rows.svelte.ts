/**
 * The rows of a follow-up list (engine/follow-ups.ts followUpRowsOf): names, comments and keys
 * read for the answers its picks list, a slice per task. A wave of a million answers lists tens
 * of thousands of detractors; reading all of them in one task held the page ~100 ms. The page
 * that creates it owns it.
 */
import { untrack } from 'svelte';
import type { AnswerTable } from '../engine/answers';
import { followUpRowsOf, type FollowUpPicks, type FollowUpRow } from '../engine/follow-ups';

/** Rows read per task: ~2,000 take ~10 ms. */
export const ROWS_PER_TASK = 2_000;

export interface FollowUpRowsSource {
  table: AnswerTable;
  picks: FollowUpPicks;
  inertia: Uint8Array | null;
}

export class FollowUpRows {
  /** The rows of the latest picks read whole, and those picks (they may be older than the current ones). */
  current = $state.raw<{ of: FollowUpPicks; rows: FollowUpRow[] } | null>(null);

  /** `source` is read tracked; a new one stops the reading of the previous. */
  constructor(source: () => FollowUpRowsSource | null) {
    $effect(() => {
      const from = source();
      if (!from) return;
      const reading = { stopped: false };
      untrack(() => void this.#read(from, reading));
      return () => {
        reading.stopped = true;
      };
    });
  }

  async #read({ table, picks, inertia }: FollowUpRowsSource, reading: { stopped: boolean }): Promise<void> {
    const rows: FollowUpRow[] = [];
    const n = picks.answer.length;
    for (let from = 0; from < n; from += ROWS_PER_TASK) {
      // A short list is read at once, in the task that asked for it; a long one a slice per task.
      if (n > ROWS_PER_TASK) await new Promise((next) => setTimeout(next, 0));
      if (reading.stopped) return;
      rows.push(...followUpRowsOf(table, picks, inertia, from, Math.min(n, from + ROWS_PER_TASK)));
    }
    this.current = { of: picks, rows };
  }
}
