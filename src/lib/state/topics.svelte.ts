/**
 * Comment topics of the open dataset: the dictionary (default, or as edited and stored), and the
 * tags the text worker computed with it. An edit re-tags in the worker; the page never blocks.
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
  #table: AnswerTable | null = null;

  async open(table: AnswerTable): Promise<void> {
    this.#table = table;
    this.topics = (await loadDictionary().catch(() => null)) ?? DEFAULT_TOPICS;
    await this.#tag();
  }

  async #tag(): Promise<void> {
    const table = this.#table;
    if (!table) return;
    this.status = 'tagging';
    try {
      this.tags = await tagInWorker({ comment: table.comment, score: table.score, topics: $state.snapshot(this.topics) as Topic[] });
      this.status = 'ready';
    } catch {
      this.status = 'failed';
    }
  }

  async update(topics: Topic[]): Promise<void> {
    this.topics = topics;
    await saveDictionary(topics);
    await this.#tag();
  }

  async reset(): Promise<void> {
    await resetDictionary();
    this.topics = DEFAULT_TOPICS;
    await this.#tag();
  }
}
