/**
 * The words of the open dataset's comments: the word index from IndexedDB when it is still
 * valid, else built by the text workers (with progress) and stored. A dictionary edit that changes
 * the keywords kept whole patches the index (only the comments holding those words are
 * tokenised again). Counting for the views happens on the index, in word-stats.ts.
 */
import type { DatasetRecord } from '../engine/dataset';
import { loadWordIndex, saveWordIndex } from '../db/word-index';
import { answersKey, type AnswerTable } from '../engine/answers';
import type { Topic } from '../engine/text/dictionary';
import { keepWholeWords, TOKENISER_VERSION, type WordIndex } from '../engine/text/word-index';
import { patchWordIndexInWorker, wordIndexInWorkers } from '../workers';

type Status = 'idle' | 'loading' | 'counting' | 'ready' | 'failed';

export class CommentWords {
  index = $state.raw<WordIndex | null>(null);
  /** The answers the index was made from: a view counts it only against those. */
  table = $state.raw<AnswerTable | null>(null);
  status = $state<Status>('idle');
  /** Share of comments tokenised so far while counting (0…1). */
  progress = $state(0);
  /** Where the words came from, for the note under the panel. */
  source = $state<'cache' | 'built' | 'patched' | null>(null);
  seconds = $state(0);
  /** The words shown are in IndexedDB too (the next visit reads them back). */
  stored = $state(false);
  #key = '';
  #keep: string[] = [];
  #queue: Promise<void> = Promise.resolve();
  #cancel: (() => void) | null = null;
  /** Bumped when another dataset (or version of it) is opened or the view closes: older work stops. */
  #generation = 0;

  /**
   * Brings the index up to date with this dataset and dictionary (idempotent; calls run in order).
   * A stored index is read at once; building one waits for `first` (the topic tagging: on a
   * two-core machine the tokenising workers would otherwise slow the topics people see first).
   */
  sync(record: DatasetRecord, table: AnswerTable, topics: readonly Topic[], first: Promise<unknown> = Promise.resolve()): Promise<void> {
    const keep = keepWholeWords(topics);
    const key = answersKey(record);
    if (key !== this.#key) {
      // Another dataset: stop what runs for the previous one rather than wait for it.
      this.#generation++;
      this.#cancel?.();
      this.#cancel = null;
      this.#key = key;
      this.index = null;
      this.table = null;
    }
    const generation = this.#generation;
    this.#queue = this.#queue
      .catch(() => undefined)
      .then(() => (generation === this.#generation ? this.#sync(record, table, keep, generation, first) : undefined))
      .catch(() => {
        if (generation === this.#generation) this.status = 'failed';
      });
    return this.#queue;
  }

  /** Stops a build in progress (the view was left). */
  close(): void {
    this.#generation++;
    this.#cancel?.();
    this.#cancel = null;
  }

  async #sync(record: DatasetRecord, table: AnswerTable, keep: string[], generation: number, first: Promise<unknown>): Promise<void> {
    const current = () => generation === this.#generation;
    let started = performance.now();
    if (this.table !== table || !this.index) {
      this.index = null;
      this.status = 'loading';
      const cached = await loadWordIndex(record.id).catch(() => null);
      if (!current()) return;
      if (cached && cached.tokeniserVersion === TOKENISER_VERSION && cached.answersKey === answersKey(record) && cached.answerCount === table.length) {
        this.#keep = cached.keep;
        this.index = { words: cached.words, tokens: cached.tokens, ends: cached.ends };
        this.table = table;
        this.source = 'cache';
        this.stored = true;
      } else {
        this.status = 'counting';
        this.progress = 0;
        await first.catch(() => undefined);
        if (!current()) return;
        started = performance.now();
        const job = wordIndexInWorkers(table.comment, keep, (share) => current() && (this.progress = share));
        this.#cancel = job.cancel;
        const index = await job.done;
        if (!current()) return;
        this.#cancel = null;
        this.index = index;
        this.#keep = keep;
        this.source = 'built';
        this.seconds = (performance.now() - started) / 1000;
        this.table = table;
        // Shown before it is stored: saving waits for any write the import still has open.
        this.status = 'ready';
        await this.#store(record, table);
      }
    }
    const changed = symmetricDifference(this.#keep, keep);
    if (changed.length && this.index) {
      this.status = 'counting';
      const { index } = await patchWordIndexInWorker(this.index, table.comment, changed, keep);
      if (!current()) return;
      this.index = index;
      this.#keep = keep;
      this.source = 'patched';
      this.seconds = (performance.now() - started) / 1000;
      this.status = 'ready';
      await this.#store(record, table);
    }
    if (!current()) return;
    if (this.source === 'cache') this.seconds = (performance.now() - started) / 1000;
    this.status = 'ready';
  }

  async #store(record: DatasetRecord, table: AnswerTable): Promise<void> {
    const index = this.index;
    if (!index) return;
    this.stored = false;
    // A failed save only costs the next visit a recount: the words shown are right either way.
    await saveWordIndex({
      datasetId: record.id,
      tokeniserVersion: TOKENISER_VERSION,
      answersKey: answersKey(record),
      answerCount: table.length,
      keep: this.#keep,
      words: index.words,
      tokens: index.tokens,
      ends: index.ends,
      builtAt: Date.now(),
    }).then(
      // Not stored when the dataset changed or went meanwhile (another tab): the next visit recounts.
      (saved) => (this.stored = saved && this.index === index),
      () => undefined,
    );
  }
}

function symmetricDifference(a: readonly string[], b: readonly string[]): string[] {
  const left = new Set(a), right = new Set(b);
  return [...a.filter((w) => !right.has(w)), ...b.filter((w) => !left.has(w))];
}
