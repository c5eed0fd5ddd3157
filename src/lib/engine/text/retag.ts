/**
 * A dictionary edit re-reads only the comments it can change. A topic's mentions and their
 * polarity depend on that topic's keywords alone (the lexicon and clause breaks are the same for
 * every topic), so after an edit only two kinds of comment can be tagged differently:
 *   - those that mentioned an edited topic (a keyword removed may have been the one that matched);
 *   - those that a keyword new to its topic matches.
 * Everything else keeps its tags, moved to the edited dictionary's topic order. The result is
 * exactly what tagComments would give for the whole table (tested).
 */
import type { AnswerTable } from '../answers';
import type { Topic } from './dictionary';
import { CommentTagger, maskArray, MAX_TOPICS, tallyTopics, type TopicTags } from './tag';
import type { CompiledTopics } from './topics';

/**
 * `previous`: tags made with `previousTopics`; `compiled`: the edited dictionary; `normalised`:
 * each answer's normalised comment as tagComments left it ('' / undefined where none).
 * Returns the new tags and how many comments were read again.
 */
export function retagAfterEdit(previous: TopicTags, previousTopics: readonly Topic[], table: AnswerTable, compiled: CompiledTopics, normalised: readonly (string | undefined)[]): { tags: TopicTags; reread: number } {
  const n = previous.length;
  const topics = compiled.topics;
  if (topics.length > MAX_TOPICS) throw new RangeError(`at most ${MAX_TOPICS} topics can be tagged at once (got ${topics.length})`);
  const mask = maskArray(topics.length, n);
  const polarity = new Int8Array(topics.length * n);
  // Carry every unchanged topic's bit and polarity row over to its new position.
  const oldIndex = new Map(previous.topicIds.map((id, t) => [id, t]));
  const edited: number[] = [];
  const candidates = new Uint8Array(n);
  for (let t = 0; t < topics.length; t++) {
    const topic = topics[t].topic;
    const was = oldIndex.get(topic.id);
    const before = was === undefined ? undefined : previousTopics.find((x) => x.id === topic.id);
    const unchanged = before !== undefined && before.keywords.length === topic.keywords.length && before.keywords.every((k, i) => k === topic.keywords[i]);
    if (was !== undefined && unchanged) {
      const from = 1 << was, to = 1 << t;
      for (let i = 0; i < n; i++) if (previous.mask[i] & from) mask[i] |= to;
      polarity.set(previous.polarity.subarray(was * n, (was + 1) * n), t * n);
      continue;
    }
    edited.push(t);
    // Comments the topic matched before, and those its new keywords match now.
    if (was !== undefined) for (let i = 0; i < n; i++) if (previous.mask[i] & (1 << was)) candidates[i] = 1;
    const added = topics[t].keywords.filter((k) => !before?.keywords.includes(k.keyword));
    if (added.length) {
      for (let i = 0; i < n; i++) {
        const text = normalised[i];
        if (text && !candidates[i] && added.some((k) => k.pattern.test(text))) candidates[i] = 1;
      }
    }
  }
  let reread = 0;
  if (edited.length) {
    const tagger = new CommentTagger(compiled);
    const scratch = new Int8Array(topics.length * 1);
    for (let i = 0; i < n; i++) {
      if (!candidates[i] || !previous.written[i]) continue;
      const text = normalised[i];
      if (!text) continue;
      reread++;
      // Tag the comment whole into scratch, then take only the edited topics from it.
      const bits = tagger.tag(text, table.score[i], 0, scratch, 1);
      for (const t of edited) {
        const bit = 1 << t;
        if (bits & bit) mask[i] |= bit;
        else mask[i] &= ~bit;
        polarity[t * n + i] = scratch[t];
      }
    }
  }
  const topicIds = topics.map((t) => t.id);
  return {
    tags: { topicIds, mask, polarity, written: previous.written, length: n, commented: previous.commented, emptyComments: previous.emptyComments, totals: tallyTopics({ topicIds, mask, polarity, length: n }) },
    reread,
  };
}
