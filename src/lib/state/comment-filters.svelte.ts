/**
 * What the comment browser is asked: the search (as typed, and as applied a moment later) and the
 * filters by topic, polarity, category, period and segment. The Comments page owns it, because a
 * timeline bar and a word choose comments too; the browser's fields edit it.
 */
import type { Category } from '../engine/nps';
import type { CommentQuery } from '../engine/text/comment-query';

export type PolarityChoice = '' | '1' | '-1';
export type PeriodSpan = { period: string; from: string; to: string };

/**
 * The search filters this long after the last key stroke, not on every one: at 600,000 comments
 * each search is a pass over the text.
 */
export const SEARCH_DELAY_MS = 200;

export class CommentFilters {
  #typed = $state('');
  #applied = $state('');
  #timer: ReturnType<typeof setTimeout> | undefined;
  #period = $state('');
  readonly #periods: () => readonly PeriodSpan[];
  /** A topic id, '' for every topic. */
  topic = $state('');
  /** Only with a topic: its positive ('1') or negative ('-1') mentions. */
  polarity = $state<PolarityChoice>('');
  category = $state<'' | Category>('');
  /** `column index:value code` (the segment field's value), '' for every segment. */
  segment = $state('');

  /** `periods`: the periods the view lists now (a period filter must be one of them). */
  constructor(periods: () => readonly PeriodSpan[]) {
    this.#periods = periods;
  }

  /** The search as typed. */
  get search(): string {
    return this.#typed;
  }

  set search(text: string) {
    this.#typed = text;
    clearTimeout(this.#timer);
    // A cleared search applies at once: nothing to wait for.
    if (!text) this.#applied = '';
    else this.#timer = setTimeout(() => (this.#applied = text), SEARCH_DELAY_MS);
  }

  /** The search the list is filtered by and its marks follow (the typed one, once typing pauses). */
  get applied(): string {
    return this.#applied;
  }

  /** A period label; one the view no longer lists (the filter bar changed the range) is no filter. */
  get period(): string {
    const chosen = this.#period;
    return this.#periods().some((p) => p.period === chosen) ? chosen : '';
  }

  set period(label: string) {
    this.#period = label;
  }

  get active(): boolean {
    return Boolean(this.search || this.topic || this.polarity || this.period || this.category || this.segment);
  }

  /** The question for the engine (engine/text/comment-query.ts). */
  get query(): CommentQuery {
    const [column, code] = this.segment.split(':').map(Number);
    return {
      search: this.applied,
      topic: this.topic,
      polarity: this.polarity === '1' ? 1 : this.polarity === '-1' ? -1 : 0,
      category: this.category,
      period: this.#periods().find((p) => p.period === this.period) ?? null,
      segment: this.segment ? { column, code } : null,
    };
  }

  clear(): void {
    this.search = '';
    this.topic = '';
    this.polarity = '';
    this.period = '';
    this.category = '';
    this.segment = '';
  }

  /** Exactly the comments of one timeline bar: its topic, period and polarity, nothing else. */
  showBar(topic: string, period: string, polarity: 1 | -1): void {
    this.clear();
    this.topic = topic;
    this.polarity = polarity === 1 ? '1' : '-1';
    this.period = period;
  }
}
