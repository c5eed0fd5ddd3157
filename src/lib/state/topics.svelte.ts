/**
 * Comment topics of the open dataset: the dictionary (default, or as edited and stored), and the
 * tags the text worker computed with it. An edit re-tags in the worker; the page never blocks.
 * Owned by the open dataset (open-dataset.svelte.ts), which opens it when a view needs topics.
 */
import { readDictionary, resetDictionary, saveDictionary } from '../db/dictionary';
import type { DictionaryProblem } from '../engine/text/dictionary-check';
import { announce } from './cross-tab';
import { storageNotice, type Notice } from './notice';
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
  /** The stored dictionary cannot be used (the default is in use until it is reset or replaced). */
  storedProblem = $state<DictionaryProblem | null>(null);
  /** Why the last edit was not saved (it was then undone on screen). */
  problem = $state<Notice | null>(null);
  /** The stored version the dictionary on screen was read as (a save names it). */
  #version = 0;
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
    this.#dictionary = this.#read(edits);
    await this.#dictionary;
    this.#tagging = this.#tag();
  }

  /** Reads the stored dictionary; one that cannot be used leaves the default in use, and says so. */
  async #read(edits: number): Promise<void> {
    const stored = await readDictionary().catch(() => null);
    // An edit made while the stored dictionary was being read wins over what was read.
    if (edits === this.#edits) {
      this.topics = stored?.topics ?? DEFAULT_TOPICS;
      this.#version = stored?.version ?? 0;
      this.storedProblem = stored?.problem ?? null;
    }
    this.loaded = true;
  }

  /**
   * Another tab saved the dictionary: read it again and re-tag, unless this tab already has that
   * version (its own save).
   */
  async reload(version: number): Promise<void> {
    if (version === this.#version || !this.loaded) return;
    await this.#reread();
  }

  async #reread(): Promise<void> {
    this.#edits++;
    await (this.#dictionary = this.#read(this.#edits));
    this.#onEdit(this.topics);
    if (this.#table) await (this.#tagging = this.#tag(true));
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

  /**
   * Saves an edit, then shows it. Stored first: an edit that cannot be saved (the disk is full,
   * another tab saved meanwhile) never looks applied; it is undone and `problem` says why.
   * Resolves to whether it was saved.
   */
  async update(topics: Topic[]): Promise<boolean> {
    const edits = ++this.#edits;
    if (!(await this.#store(topics))) return false;
    if (edits !== this.#edits) return true;
    this.problem = null;
    this.storedProblem = null;
    this.topics = topics;
    this.#onEdit(topics);
    announce({ type: 'dictionary-changed', version: this.#version });
    await (this.#tagging = this.#tag(true));
    return true;
  }

  /**
   * Marks a topic quick to fix or a longer project: stored with the dictionary (first, as an edit
   * is), nothing re-tagged since no keyword changed. Resolves to whether it was saved.
   */
  async setFeasibility(id: string, feasibility: 'short' | 'long' | null): Promise<boolean> {
    const topics = this.topics.map((topic) => {
      if (topic.id !== id) return topic;
      const { feasibility: _, ...rest } = topic;
      return feasibility ? { ...rest, feasibility } : rest;
    });
    const edits = ++this.#edits;
    if (!(await this.#store(topics))) return false;
    if (edits !== this.#edits) return true;
    this.problem = null;
    this.topics = topics;
    announce({ type: 'dictionary-changed', version: this.#version });
    return true;
  }

  /** Stores `topics` as the dictionary; false, with `problem` saying why, when it could not be. */
  async #store(topics: Topic[]): Promise<boolean> {
    try {
      this.#version = await saveDictionary($state.snapshot(topics) as Topic[], undefined, this.#version);
      return true;
    } catch (error) {
      const notice = storageNotice(error);
      this.problem = notice;
      // Another tab's newer dictionary replaces this tab's old one, so the next edit starts from it.
      if (notice.problem === 'dictionary-changed') await this.#reread();
      return false;
    }
  }

  /** Back to the default dictionary (also the way out of a stored one that cannot be used). */
  async reset(): Promise<boolean> {
    this.#edits++;
    try {
      this.#version = await resetDictionary();
    } catch (error) {
      this.problem = storageNotice(error);
      return false;
    }
    this.problem = null;
    this.storedProblem = null;
    this.topics = DEFAULT_TOPICS;
    this.#onEdit(DEFAULT_TOPICS);
    announce({ type: 'dictionary-changed', version: this.#version });
    await (this.#tagging = this.#tag(true));
    return true;
  }
}
