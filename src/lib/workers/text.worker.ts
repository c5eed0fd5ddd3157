/// <reference lib="webworker" />
/**
 * Comment tagging off the main thread: topics and the polarity of each mention, for every
 * answer. The page sends the comments and scores (packed: they copy like typed arrays) and the
 * dictionary; typed results come back transferred.
 */
import type { AnswerTable } from '../engine/answers';
import { compileTopics, type CompiledTopics } from '../engine/text/topics';
import { tagComments } from '../engine/text/tag';
import type { TagReply, TagRequest, WordsReply, WordsRequest, WordStats } from './messages';
import { topWords, wordCounts } from '../engine/text/words';
import { keyWords } from '../engine/text/keyness';

let compiled: CompiledTopics | undefined;

function wordStats(request: WordsRequest): WordStats {
  const table = { length: request.score.length, comment: request.comment, score: request.score } as unknown as AnswerTable;
  const all = wordCounts(table, request.include);
  const detractors = wordCounts(table, request.include, (i) => request.score[i] <= 6);
  const promoters = wordCounts(table, request.include, (i) => request.score[i] >= 9);
  const ranked = keyWords(detractors, promoters);
  return {
    frequent: topWords(all, 40),
    detractorWords: ranked.filter((w) => w.z > 0).slice(0, 15),
    promoterWords: ranked.filter((w) => w.z < 0).reverse().slice(0, 15),
  };
}

self.onmessage = (event: MessageEvent<TagRequest | WordsRequest>) => {
  if ('words' in event.data) {
    try {
      (self as DedicatedWorkerGlobalScope).postMessage({ type: 'words', stats: wordStats(event.data) } satisfies WordsReply);
    } catch (error) {
      (self as DedicatedWorkerGlobalScope).postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies WordsReply);
    }
    return;
  }
  const { comment, score, topics } = event.data;
  try {
    // Reusing the previous compilation: an edited dictionary recompiles only the edited topic.
    compiled = compileTopics(topics, compiled);
    const table = { length: score.length, comment, score } as unknown as AnswerTable;
    const tags = tagComments(table, compiled);
    (self as DedicatedWorkerGlobalScope).postMessage({ type: 'done', tags } satisfies TagReply, [tags.mask.buffer as ArrayBuffer, tags.polarity.buffer as ArrayBuffer, tags.written.buffer as ArrayBuffer]);
  } catch (error) {
    (self as DedicatedWorkerGlobalScope).postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies TagReply);
  }
};
