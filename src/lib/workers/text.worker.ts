/// <reference lib="webworker" />
/**
 * Comment tagging off the main thread: topics and the polarity of each mention, for every
 * answer. The page sends the comments and scores (packed: they copy like typed arrays) and the
 * dictionary; typed results come back transferred.
 */
import type { AnswerTable } from '../engine/answers';
import { compileTopics, type CompiledTopics } from '../engine/text/topics';
import { tagComments } from '../engine/text/tag';
import type { TagReply, TagRequest } from './messages';

let compiled: CompiledTopics | undefined;

self.onmessage = (event: MessageEvent<TagRequest>) => {
  const { comment, score, topics } = event.data;
  try {
    // Reusing the previous compilation: an edited dictionary recompiles only the edited topic.
    compiled = compileTopics(topics, compiled);
    const table = { length: score.length, comment, score } as unknown as AnswerTable;
    const tags = tagComments(table, compiled);
    (self as DedicatedWorkerGlobalScope).postMessage({ type: 'done', tags } satisfies TagReply, [tags.mask.buffer as ArrayBuffer, tags.polarity.buffer as ArrayBuffer]);
  } catch (error) {
    (self as DedicatedWorkerGlobalScope).postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies TagReply);
  }
};
