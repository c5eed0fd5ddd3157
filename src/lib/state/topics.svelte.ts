/**
 * Comment topics of the open dataset: the dictionary (default, or as edited and stored), and the
 * tags the text worker computed with it. An edit re-tags in the worker; the page never blocks.
 * Owned by the open dataset (open-dataset.svelte.ts), which opens it when a view needs topics.
 */
import { loadDictionary, resetDictionary, saveDictionary } from '../db/dictionary';
import { DEFAULT_TOPICS, type Topic } from '../engine/text/dictionary';
import type { TopicTags } from '../engine/text/tag';
import type { AnswerTable } from '../engine/answers';
import { tagInWorker } from '../workers';

export class CommentTopics {
  topics = $state.raw<Topic[]>(DEFAULT_TOPICS);
  tags = $state.raw<TopicTags | null>(null);
  status = $state<'idle' | 'tagging' | 'ready' | 'failed'>('idle');
  /** The dictionary in use is known (read from IndexedDB, or the default): tagging may still run. */
  loaded = $state(false);
  /** The last tagging: comments read and seconds taken (an edit re-reads only what it can change). */
  last = $state<{ reread: number; seconds: number; edit: boolean } | null>(null);
  #table: AnswerTable | null = null;
  #key = '';
  /** Counts edits, so that a dictionary read from storage never overwrites a newer edit. */
  #edits = 0;
  #tagging: Promise<void> = Promise.resolve();
  readonly #onEdit: (topics: Topic[]) => void;

  /** `onEdit`: the dictionary was edited or reset (the words kept whole may have changed). */
  constructor(onEdit: (topics: Topic[]) => void = () => {}) {
    this.#onEdit = onEdit;
  }

  /**
   * Tags these answers, once per version of them: `key` names the answers (dataset id and
   * version), so the worker can patch tags after an edit. Resolves when the dictionary is known;
   * `tagged` then says when the first tagging has ended (well or not).
   */
  async open(table: AnswerTable, key: string): Promise<void> {
    if (key === this.#key && this.#table === table && this.status !== 'failed') return this.#dictionary;
    this.#table = table;
    this.#key = key;
    this.tags = null;
    const edits = this.#edits;
    this.#dictionary = (async () => {
      const stored = (await loadDictionary().catch(() => null)) ?? DEFAULT_TOPICS;
      // An edit made while the stored dictionary was being read wins over what was read.
      if (edits === this.#edits) this.topics = stored;
      this.loaded = true;
    })();
    await this.#dictionary;
    this.#tagging = this.#tag();
  }

  #dictionary: Promise<void> = Promise.resolve();

  /** The tagging under way (or the last one) has ended. */
  get tagged(): Promise<void> {
    return this.#dictionary.then(() => this.#tagging);
  }

  async #tag(edit = false): Promise<void> {
    const table = this.#table;
    if (!table) return;
    this.status = 'tagging';
    const started = performance.now();
    try {
      const { tags, reread } = await tagInWorker({ comment: table.comment, score: table.score, topics: $state.snapshot(this.topics) as Topic[], key: this.#key });
      this.tags = tags;
      this.last = { reread, seconds: (performance.now() - started) / 1000, edit };
      this.status = 'ready';
    } catch {
      this.status = 'failed';
    }
  }

  async update(topics: Topic[]): Promise<void> {
    this.#edits++;
    this.topics = topics;
    this.#onEdit(topics);
    await saveDictionary(topics);
    await (this.#tagging = this.#tag(true));
  }

  /** Marks a topic quick to fix or a longer project: stored with the dictionary, nothing re-tagged. */
  async setFeasibility(id: string, feasibility: 'short' | 'long' | null): Promise<void> {
    this.#edits++;
    this.topics = this.topics.map((topic) => {
      if (topic.id !== id) return topic;
      const { feasibility: _, ...rest } = topic;
      return feasibility ? { ...rest, feasibility } : rest;
    });
    await saveDictionary($state.snapshot(this.topics) as Topic[]);
  }

  async reset(): Promise<void> {
    this.#edits++;
    await resetDictionary();
    this.topics = DEFAULT_TOPICS;
    this.#onEdit(DEFAULT_TOPICS);
    await (this.#tagging = this.#tag(true));
  }
}
