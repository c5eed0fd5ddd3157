/**
 * Topic mentions from the distinct comments the warehouse streams (counts.ts COMMENTS), tagged by
 * the app's own tagger. This is the one part of the report not computed in SQL: the dictionary's
 * keywords are JavaScript regexes with lookbehind (RE2 has none) and polarity reads clauses,
 * negations and the lexicon (engine/text/polarity.ts). Only the group counts are kept, so memory
 * does not grow with the comments; a comment that recurs (stock phrases) is tagged once per
 * (category, month) it occurs in.
 */
import { CommentTagger } from '../engine/text/tag';
import { isEmptyNormalised, normaliseComment } from '../engine/text/normalise';
import { compileTopics } from '../engine/text/topics';
import type { Topic } from '../engine/text/dictionary';
import type { TopicCounts } from './report';

/** A score of each category: polarity falls back to the category, never to the score itself. */
const SCORE_OF_CATEGORY = [0, 7, 10];

export class TopicCounter {
  readonly #tagger: CommentTagger;
  readonly #polarity: Int8Array;
  readonly #count: number;
  readonly #totals: Int32Array;
  readonly #byMonth = new Map<number, Int32Array>();

  constructor(topics: readonly Topic[]) {
    const compiled = compileTopics(topics);
    this.#count = compiled.topics.length;
    this.#tagger = new CommentTagger(compiled);
    this.#polarity = new Int8Array(this.#count);
    this.#totals = new Int32Array(this.#count * 3);
    this.ids = compiled.topics.map((t) => t.id);
  }

  readonly ids: string[];

  /** `answers` answers of category `category` in month `month` (null: undated) wrote `comment`. */
  add(comment: string, category: number, month: number | null, answers: number): void {
    const text = normaliseComment(comment);
    if (isEmptyNormalised(text)) return;
    let bits = this.#tagger.tag(text, SCORE_OF_CATEGORY[category], 0, this.#polarity, 1);
    if (bits === 0) return;
    let cells: Int32Array | undefined;
    if (month !== null) {
      cells = this.#byMonth.get(month);
      if (!cells) this.#byMonth.set(month, (cells = new Int32Array(this.#count * 3)));
    }
    for (; bits !== 0; bits &= bits - 1) {
      const t = 31 - Math.clz32(bits & -bits);
      const p = this.#polarity[t];
      for (const into of cells ? [this.#totals, cells] : [this.#totals]) {
        into[3 * t] += answers;
        if (p > 0) into[3 * t + 1] += answers;
        else if (p < 0) into[3 * t + 2] += answers;
      }
    }
  }

  counts(): TopicCounts {
    const cells = (c: Int32Array) => this.ids.map((_, t) => ({ mentions: c[3 * t], positive: c[3 * t + 1], negative: c[3 * t + 2] }));
    return {
      totals: cells(this.#totals).map((c, t) => ({ id: this.ids[t], ...c, neutral: c.mentions - c.positive - c.negative })),
      byMonth: new Map([...this.#byMonth].map(([month, c]) => [month, cells(c)])),
    };
  }
}
