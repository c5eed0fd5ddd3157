/// <reference lib="webworker" />
/**
 * Comment work off the main thread. Tagging: topics and the polarity of each mention, for every
 * answer (the page sends comments and scores packed, typed results come back transferred).
 * Words: one share of the word index (tiny-segmenter is the slow part, so the page runs several
 * of these workers at once), or a patch of the index after a dictionary edit.
 */
import type { AnswerTable } from '../engine/answers';
import { compileTopics, type CompiledTopics } from '../engine/text/topics';
import { tagComments } from '../engine/text/tag';
import { answersMentioning, buildWordIndex, retokenise, type WordIndex } from '../engine/text/word-index';
import type { TagReply, TagRequest, WordIndexRequest, WordPatchRequest, WordsReply } from './messages';

let compiled: CompiledTopics | undefined;
const scope = self as unknown as DedicatedWorkerGlobalScope;

function sendIndex(index: WordIndex, patched?: number): void {
  scope.postMessage({ type: 'index', index, ...(patched === undefined ? {} : { patched }) } satisfies WordsReply, [index.tokens.buffer as ArrayBuffer, index.ends.buffer as ArrayBuffer]);
}

function words(request: WordIndexRequest | WordPatchRequest): void {
  if (request.kind === 'word-index') {
    const index = buildWordIndex(request.comment, request.from, request.to, request.keep, (done) => scope.postMessage({ type: 'progress', done } satisfies WordsReply));
    sendIndex(index);
  } else {
    const answers = answersMentioning(request.comment, request.changed);
    sendIndex(answers.length ? retokenise(request.index, request.comment, answers, request.keep) : request.index, answers.length);
  }
}

function tag(request: TagRequest): void {
  const { comment, score, topics } = request;
  // Reusing the previous compilation: an edited dictionary recompiles only the edited topic.
  compiled = compileTopics(topics, compiled);
  const table = { length: score.length, comment, score } as unknown as AnswerTable;
  const tags = tagComments(table, compiled);
  scope.postMessage({ type: 'done', tags } satisfies TagReply, [tags.mask.buffer as ArrayBuffer, tags.polarity.buffer as ArrayBuffer, tags.written.buffer as ArrayBuffer]);
}

self.onmessage = (event: MessageEvent<TagRequest | WordIndexRequest | WordPatchRequest>) => {
  try {
    if ('kind' in event.data) words(event.data);
    else tag(event.data);
  } catch (error) {
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies TagReply);
  }
};
