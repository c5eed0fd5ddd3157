/**
 * The comment browser's question: which written comments match a search and the chosen filters
 * (topic and its polarity, category, period, segment value, the view's filter), newest first.
 * The browser renders what this returns and computes nothing itself.
 */
import { NO_DAY, type AnswerTable } from '../answers';
import { isoToDay } from '../days';
import { CATEGORIES, CATEGORY_INDEX, type Category } from '../nps';
import { textAt } from '../text-column';
import { searchPattern } from './highlight';
import { normaliseComment } from './normalise';
import type { TopicTags } from './tag';

export interface CommentQuery {
  /** As typed ('' for none): Japanese as a substring, English at a word's start, folded as tagging folds. */
  search?: string;
  /** A topic id ('' or absent for every topic; an id the tags do not know is no filter either). */
  topic?: string;
  /** The chosen topic's mentions that are positive (1) or negative (−1); ignored without a topic. */
  polarity?: 1 | -1 | 0;
  category?: Category | '';
  /** First and last day (ISO, inclusive) of a period; answers without a date are outside it. */
  period?: { from: string; to: string } | null;
  /** One value of one segment column: its index in `table.segments` and the value's code. */
  segment?: { column: number; code: number } | null;
}

/**
 * The comments folded for searching, made the first time a search reaches them and kept: folding
 * a few hundred thousand comments on every search would freeze the page each time. One per table.
 */
export class FoldedComments {
  readonly #texts: string[];

  constructor(readonly table: AnswerTable) {
    this.#texts = new Array<string>(table.length);
  }

  at(i: number): string {
    return (this.#texts[i] ??= normaliseComment(textAt(this.table.comment, i)));
  }
}

export interface CommentQueryOptions {
  /** Which answers the view's filter keeps (all when absent). */
  include?: Uint8Array;
  /** How many answers to list at most (every match is still counted). */
  limit?: number;
  /** Folded comments of this table to reuse (ignored when made for another table). */
  folded?: FoldedComments;
}

export interface CommentMatches {
  /** The matching answers to show, newest (last in the table) first, at most `limit`. */
  answers: number[];
  /** How many written comments match in all. */
  total: number;
  /** Matches beyond those listed. */
  more: number;
}

export function queryComments(table: AnswerTable, tags: TopicTags, query: CommentQuery, options: CommentQueryOptions = {}): CommentMatches {
  const { include, limit = Infinity } = options;
  const folded = options.folded?.table === table ? options.folded : new FoldedComments(table);
  const search = searchPattern(query.search ?? '');
  // Without the global flag: test() would otherwise carry lastIndex from one comment to the next.
  const needle = search ? new RegExp(search.source) : null;
  const ti = query.topic ? tags.topicIds.indexOf(query.topic) : -1;
  const bit = ti >= 0 ? 1 << ti : 0;
  const polarity = ti >= 0 ? (query.polarity ?? 0) : 0;
  const category = query.category ? CATEGORIES.indexOf(query.category) : -1;
  const from = query.period ? isoToDay(query.period.from) : 0, to = query.period ? isoToDay(query.period.to) : 0;
  const codes = query.segment ? table.segments[query.segment.column] : null;
  const code = query.segment?.code ?? 0;
  const { mask, written, length: n } = tags;
  const answers: number[] = [];
  let total = 0;
  // Cheap tests on typed columns first; the text is read (and folded) only for what passes them.
  for (let i = table.length - 1; i >= 0; i--) {
    if ((include && !include[i]) || !written[i]) continue;
    if (category >= 0 && CATEGORY_INDEX[table.score[i]] !== category) continue;
    if (bit && !(mask[i] & bit)) continue;
    if (polarity && tags.polarity[ti * n + i] !== polarity) continue;
    if (query.period && (table.day[i] === NO_DAY || table.day[i] < from || table.day[i] > to)) continue;
    if (codes && codes[i] !== code) continue;
    if (needle && !needle.test(folded.at(i))) continue;
    total++;
    if (answers.length < limit) answers.push(i);
  }
  return { answers, total, more: total - answers.length };
}
