/**
 * Tags every comment of a table once, into compact columns, so that topic × period, × segment
 * and × category views are counting loops over typed arrays rather than text passes.
 *
 * Per answer: a bitmask of the topics it mentions (bit t = topic t of the compiled dictionary)
 * and, per topic, the mention's polarity (+1, −1, 0 neutral). Polarity is stored topic-major
 * (`polarity[t * n + i]`) so a view of one topic reads one contiguous stretch.
 * Where a keyword matched is not stored (it would cost more than the rest together): a view that
 * shows keyword-in-context re-runs tagComment on the few comments it shows.
 */
import type { AnswerTable } from '../answers';
import { textAt, textIsEmpty } from '../text-column';
import { isEmptyNormalised, normaliseComment } from './normalise';
import { categoryPolarity, clausesOf, LexiconHits, scoreClause } from './polarity';
import type { Topic } from './dictionary';
import { scanTopics, type CompiledTopics } from './topics';

/** At most 32 topics: the mask of an answer is then one 32-bit word. */
export const MAX_TOPICS = 32;

export interface TopicTally {
  id: string;
  mentions: number;
  positive: number;
  negative: number;
  neutral: number;
}

export interface TopicTags {
  /** Topic ids in bit order. */
  topicIds: string[];
  /** Bit t set when answer i mentions topic t; Uint8Array up to 8 topics, wider beyond. */
  mask: Uint8Array | Uint16Array | Uint32Array;
  /** Polarity of topic t for answer i at `t * length + i`: 1, −1, or 0 (neutral / no mention). */
  polarity: Int8Array;
  /** 1 where the answer has a written comment (not blank, not 特になし / N/A): the base of shares. */
  written: Uint8Array;
  length: number;
  /** Answers with a written comment (not blank, not 特になし / N/A). */
  commented: number;
  /** Answers whose comment only says there is nothing to say (特になし, N/A, -). */
  emptyComments: number;
  totals: TopicTally[];
}

/** A mask column wide enough for `topics` bits. */
export function maskArray(topics: number, length: number): Uint8Array | Uint16Array | Uint32Array {
  return topics <= 8 ? new Uint8Array(length) : topics <= 16 ? new Uint16Array(length) : new Uint32Array(length);
}

const POLARITY_VALUE = { positive: 1, negative: -1, neutral: 0 } as const;

/**
 * Tags the comments of `table` (only answers with include[i] ≠ 0 when `include` is given; the
 * others stay untagged). Each comment is normalised once and read in one pass that finds the
 * topics' keywords, the lexicon's words and the clause breaks together (topics.ts scanTopics).
 * ~600,000 comments of ~40 characters take ~2.5 s in Node on the project's machines.
 */
export function tagComments(table: AnswerTable, compiled: CompiledTopics, include?: Uint8Array, normalised?: string[]): TopicTags {
  const topics = compiled.topics;
  if (topics.length > MAX_TOPICS) throw new RangeError(`at most ${MAX_TOPICS} topics can be tagged at once (got ${topics.length})`);
  const n = table.length;
  const mask = maskArray(topics.length, n);
  const polarity = new Int8Array(topics.length * n);
  const written = new Uint8Array(n);
  let commented = 0;
  let emptyComments = 0;
  const tagger = new CommentTagger(compiled);
  for (let i = 0; i < n; i++) {
    if ((include && !include[i]) || textIsEmpty(table.comment, i)) continue;
    const text = normaliseComment(textAt(table.comment, i));
    if (isEmptyNormalised(text)) {
      if (text !== '') emptyComments++;
      continue;
    }
    commented++;
    written[i] = 1;
    if (normalised) normalised[i] = text;
    mask[i] = tagger.tag(text, table.score[i], i, polarity, n);
  }
  return { topicIds: topics.map((t) => t.id), mask, polarity, written, length: n, commented, emptyComments, totals: tallyTopics({ topicIds: topics.map((t) => t.id), mask, polarity, length: n }) };
}

/**
 * Tags one normalised comment at a time with a compiled dictionary, reusing its scratch space:
 * returns the topic bits and writes each mentioned topic's polarity at `t * n + i`.
 */
export class CommentTagger {
  readonly #compiled: CompiledTopics;
  readonly #starts: Int32Array;
  readonly #ends: Int32Array;
  readonly #scratch = { bounds: new Int32Array(16) };
  readonly #hits = new LexiconHits();

  constructor(compiled: CompiledTopics) {
    this.#compiled = compiled;
    this.#starts = new Int32Array(compiled.topics.length);
    this.#ends = new Int32Array(compiled.topics.length);
  }

  tag(text: string, score: number, i: number, polarity: Int8Array, n: number): number {
    const topics = this.#compiled.topics;
    const starts = this.#starts, ends = this.#ends, hits = this.#hits;
    const bits = scanTopics(text, this.#compiled, starts, ends, hits);
    for (let t = 0; t < topics.length; t++) polarity[t * n + i] = 0;
    if (!bits) return 0;
    const clauses = clausesOf(hits, text.length, this.#scratch);
    const { bounds } = this.#scratch;
    for (let t = 0; t < topics.length; t++) {
      if (starts[t] < 0) continue;
      // The clause holding the keyword's start; a keyword cut by a break keeps its whole text.
      let c = 0;
      while (c + 1 < clauses && bounds[2 * c + 2] <= starts[t]) c++;
      const from = bounds[2 * c];
      let to = bounds[2 * c + 1];
      for (let d = c + 1; to < ends[t] && d < clauses; d++) to = bounds[2 * d + 1];
      const sum = scoreClause(text, hits, from, to, topics[t].id, starts[t], ends[t]);
      polarity[t * n + i] = sum > 0 ? 1 : sum < 0 ? -1 : POLARITY_VALUE[categoryPolarity(score)];
    }
    return bits >>> 0;
  }
}

/**
 * Tallies per topic over a subset of answers (a period, a segment, a category) from tags made
 * once: one pass over the mask, no text.
 */
export function tallyTopics(tags: Pick<TopicTags, 'topicIds' | 'mask' | 'polarity' | 'length'>, include?: Uint8Array): TopicTally[] {
  const { mask, polarity, length: n } = tags;
  // Per topic: mentions, positive, negative (neutral is the rest). One pass, one step per set bit.
  const counts = new Int32Array(tags.topicIds.length * 3);
  for (let i = 0; i < n; i++) {
    let bits = mask[i];
    if (bits === 0 || (include !== undefined && include[i] === 0)) continue;
    for (; bits !== 0; bits &= bits - 1) {
      const t = 31 - Math.clz32(bits & -bits);
      counts[t * 3]++;
      const p = polarity[t * n + i];
      if (p > 0) counts[t * 3 + 1]++;
      else if (p < 0) counts[t * 3 + 2]++;
    }
  }
  return tags.topicIds.map((id, t) => {
    const [mentions, positive, negative] = [counts[t * 3], counts[t * 3 + 1], counts[t * 3 + 2]];
    return { id, mentions, positive, negative, neutral: mentions - positive - negative };
  });
}

/** The (topic, polarity) pairs of one answer, for a comment list or a drill-down. */
export function answerTopics(tags: TopicTags, i: number): Array<{ topicId: string; polarity: 1 | -1 | 0 }> {
  const out: Array<{ topicId: string; polarity: 1 | -1 | 0 }> = [];
  const bits = tags.mask[i];
  for (let t = 0; t < tags.topicIds.length; t++) {
    if (bits & (1 << t)) out.push({ topicId: tags.topicIds[t], polarity: tags.polarity[t * tags.length + i] as 1 | -1 | 0 });
  }
  return out;
}

/** A topic as the report (nps-lines/report@1) lists it. */
export interface ReportTopic {
  id: string;
  label: string;
  mentions: number;
  positive: number;
  negative: number;
}

/** The report's `topics`: per topic its label in the reader's language and its counts. */
export function reportTopics(totals: readonly TopicTally[], topics: readonly Topic[], lang: 'ja' | 'en'): ReportTopic[] {
  return totals.map((t) => {
    const topic = topics.find((d) => d.id === t.id);
    return { id: t.id, label: topic ? topic.label[lang] : t.id, mentions: t.mentions, positive: t.positive, negative: t.negative };
  });
}
