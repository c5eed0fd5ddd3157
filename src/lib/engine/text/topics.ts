/**
 * Topic tagging: which dictionary topics a comment mentions, and where (for keyword-in-context).
 *
 * Each topic compiles once to one regex, an alternation of its keywords (for the API and the
 * dictionary editor's counts); all keywords of all topics also go into one trie with the
 * polarity lexicon (scan.ts), which the tagger walks once per comment. Matching is on normalised
 * text (normalise.ts) without tokens: keywords must win over token edges anyway (月額料金 is cut
 * as 月|額料|金 by tiny-segmenter), and a pattern pass is far faster than segmenting.
 */
import type { AnswerTable } from '../answers';
import { textAt, textIsEmpty } from '../text-column';
import type { Topic } from './dictionary';
import { MAX_AT_ONE_POSITION, skippable, TrieIndex } from './scan';
import { keywordSource } from './keyword';
import { isEmptyNormalised, normaliseComment } from './normalise';
import { LexiconHits, READER_ENTRIES, READER_KIND } from './polarity';

export { keywordSource } from './keyword';

export interface CompiledKeyword {
  /** The keyword as the dictionary wrote it. */
  keyword: string;
  pattern: RegExp;
  /** For the scanner: the pattern without word-boundary wrapping, and whether it is English. */
  body: string;
  word: boolean;
  /** Set when the keyword is not a valid regex fragment: it is then matched as plain text. */
  error?: string;
}

export interface CompiledTopic {
  id: string;
  topic: Topic;
  /** All keywords as one alternation; `exec` gives the first mention in the comment. */
  pattern: RegExp;
  keywords: CompiledKeyword[];
}

export interface TopicMention {
  topicId: string;
  /** Index of the topic in the compiled list (what tag.ts stores). */
  topic: number;
  /** Where the keyword matched in the normalised comment, for keyword-in-context. */
  start: number;
  end: number;
}

/** Compiles one topic: a regex per keyword (for keywordCounts) and their alternation. */
export function compileTopic(topic: Topic): CompiledTopic {
  const keywords = topic.keywords.map((keyword) => {
    const { source, body, word, error } = keywordSource(keyword);
    return { keyword, pattern: new RegExp(source), body, word, ...(error ? { error } : {}) };
  });
  const sources = keywords.map((k) => k.pattern.source);
  return { id: topic.id, topic, pattern: new RegExp(sources.length ? sources.join('|') : '(?!)'), keywords };
}

export interface CompiledTopics {
  topics: CompiledTopic[];
  /**
   * The clause breaks and lexicon words (polarity.ts) and every keyword of every topic in one
   * trie (scan.ts): one pass per comment finds the mentions and what is said about them.
   */
  index: TrieIndex;
  /** The topic of each trie entry, −1 for the reader's entries (the first ones). */
  entryTopic: Int32Array;
}

function sameTopic(a: Topic, b: Topic): boolean {
  return a === b || (a.id === b.id && a.keywords.length === b.keywords.length && a.keywords.every((k, i) => k === b.keywords[i]));
}

/**
 * Compiles a dictionary. Pass the previous result when the dictionary is edited: a topic whose
 * keywords did not change keeps its compiled regex, so an edit recompiles only the edited topic.
 */
export function compileTopics(topics: readonly Topic[], previous?: CompiledTopics): CompiledTopics {
  const compiled = topics.map((topic) => {
    const old = previous?.topics.find((c) => sameTopic(c.topic, topic));
    return old ? (old.topic === topic ? old : { ...old, topic, id: topic.id }) : compileTopic(topic);
  });
  // The index is rebuilt from the compiled keywords (a few ms): nothing is parsed twice.
  const keys = compiled.flatMap((c, t) => c.keywords.map((k) => ({ t, entry: { source: k.pattern.source, body: k.body, word: k.word } })));
  const entryTopic = new Int32Array(READER_ENTRIES.length + keys.length).fill(-1);
  keys.forEach((k, n) => (entryTopic[READER_ENTRIES.length + n] = k.t));
  return { topics: compiled, index: new TrieIndex([...READER_ENTRIES, ...keys.map((k) => k.entry)]), entryTopic };
}

const matchEntry = new Int32Array(MAX_AT_ONE_POSITION);
const matchEnd = new Int32Array(MAX_AT_ONE_POSITION);

/**
 * One left-to-right pass over a normalised comment: the first match of each topic into
 * `starts` / `ends` (−1 when not mentioned; of several keywords at that position, the longest),
 * and when `hits` is given, the clause breaks and lexicon words as polarity.ts's scanLexicon
 * would find them. Returns the bitmask of topics found. The hot loop of tag.ts.
 */
export function scanTopics(text: string, compiled: CompiledTopics, starts: Int32Array, ends: Int32Array, hits?: LexiconHits): number {
  const count = compiled.topics.length;
  const all = count >= 32 ? -1 : (1 << count) - 1;
  for (let t = 0; t < count; t++) starts[t] = -1;
  if (hits) hits.count = 0;
  const { index, entryTopic } = compiled;
  let found = 0;
  // Lexicon words do not overlap (a word's text is not read again): the next one starts here.
  let readFrom = 0;
  for (let i = 0; i < text.length && (hits || found !== all); i++) {
    if (skippable(index, text, i)) continue;
    const n = index.matchAt(text, i, matchEntry, matchEnd);
    let best = -1;
    for (let k = 0; k < n; k++) {
      const t = entryTopic[matchEntry[k]];
      if (t < 0) {
        // The reader's entry listed first wins, and of its forms the longest (regex alternation).
        if (hits && i >= readFrom && (best < 0 || matchEntry[k] < matchEntry[best] || (matchEntry[k] === matchEntry[best] && matchEnd[k] > matchEnd[best]))) best = k;
      } else if (!(found & (1 << t))) {
        found |= 1 << t;
        starts[t] = i;
        ends[t] = matchEnd[k];
      } else if (starts[t] === i && matchEnd[k] > ends[t]) ends[t] = matchEnd[k];
    }
    if (best >= 0) {
      hits!.push(i, matchEnd[best], READER_KIND[matchEntry[best]]);
      readFrom = matchEnd[best];
    }
  }
  return found >>> 0;
}

/**
 * The topics a normalised comment mentions: at most one mention per topic (its first keyword
 * match), in dictionary order. A comment that repeats a topic still counts once for it.
 */
export function tagComment(normalised: string, compiled: CompiledTopics): TopicMention[] {
  const { topics } = compiled;
  const starts = new Int32Array(topics.length);
  const ends = new Int32Array(topics.length);
  scanTopics(normalised, compiled, starts, ends);
  const out: TopicMention[] = [];
  for (let t = 0; t < topics.length; t++) {
    if (starts[t] >= 0) out.push({ topicId: topics[t].id, topic: t, start: starts[t], end: ends[t] });
  }
  return out;
}

export interface KeywordCount {
  keyword: string;
  /** Comments (not matches) the keyword is found in. */
  comments: number;
  error?: string;
}

/**
 * How many comments each keyword of one topic matches, so the dictionary editor shows at once
 * what a keyword catches. Only comments the whole topic matches are tested keyword by keyword,
 * which keeps this near one pass over the comments. `normalised` may hold the comments already
 * normalised (the same order as the table) when the caller keeps them.
 */
export function keywordCounts(
  table: AnswerTable,
  topic: Topic | CompiledTopic,
  include?: Uint8Array,
  normalised?: readonly string[],
): KeywordCount[] {
  const compiled = 'pattern' in topic ? topic : compileTopic(topic);
  const counts = new Array<number>(compiled.keywords.length).fill(0);
  for (let i = 0, len = table.length; i < len; i++) {
    if ((include && !include[i]) || textIsEmpty(table.comment, i)) continue;
    const text = normalised ? normalised[i] : normaliseComment(textAt(table.comment, i));
    if (isEmptyNormalised(text) || !compiled.pattern.test(text)) continue;
    for (let k = 0; k < counts.length; k++) if (compiled.keywords[k].pattern.test(text)) counts[k]++;
  }
  return compiled.keywords.map((k, i) => ({ keyword: k.keyword, comments: counts[i], ...(k.error ? { error: k.error } : {}) }));
}
