/// <reference lib="webworker" />
/**
 * Comment work off the main thread. Tagging: topics and the polarity of each mention, for every
 * answer (the page sends comments and scores packed, typed results come back transferred).
 * Words: one share of the word index (tiny-segmenter is the slow part, so the page runs several
 * of these workers at once), or a patch of the index after a dictionary edit.
 */
import type { AnswerTable } from '../engine/answers';
import { textFromWire } from '../engine/text-units';
import { compileTopics, type CompiledTopics } from '../engine/text/topics';
import { tagComments, type TopicTags } from '../engine/text/tag';
import { retagAfterEdit } from '../engine/text/retag';
import type { Topic } from '../engine/text/dictionary';
import { answersMentioning, buildWordIndex, mergeWordIndexes, retokenise, type WordIndex } from '../engine/text/word-index';
import type { TagReply, TagRequest, WordIndexRequest, WordMergeRequest, WordPatchRequest, WordsReply } from './messages';

let compiled: CompiledTopics | undefined;
/** The last answers tagged, kept so that a dictionary edit re-reads only what it can change. */
let memo: { key: string; topics: Topic[]; tags: TopicTags; normalised: string[] } | null = null;
const scope = self as unknown as DedicatedWorkerGlobalScope;

function sendIndex(index: WordIndex, patched?: number): void {
  scope.postMessage({ type: 'index', index, ...(patched === undefined ? {} : { patched }) } satisfies WordsReply, [index.tokens.buffer as ArrayBuffer, index.ends.buffer as ArrayBuffer]);
}

function words(request: WordIndexRequest | WordPatchRequest | WordMergeRequest): void {
  if (request.kind === 'word-merge') return sendIndex(mergeWordIndexes(request.parts));
  const comment = textFromWire(request.comment);
  if (request.kind === 'word-index') {
    const index = buildWordIndex(comment, request.from, request.to, request.keep, (done) => scope.postMessage({ type: 'progress', done } satisfies WordsReply));
    sendIndex(index);
  } else {
    const answers = answersMentioning(comment, request.changed);
    sendIndex(answers.length ? retokenise(request.index, comment, answers, request.keep) : request.index, answers.length);
  }
}

function tag(request: TagRequest): void {
  const { score, topics, key } = request;
  const comment = textFromWire(request.comment);
  // Reusing the previous compilation: an edited dictionary recompiles only the edited topic.
  compiled = compileTopics(topics, compiled);
  const table = { length: score.length, comment, score } as unknown as AnswerTable;
  let tags: TopicTags;
  let reread: number;
  if (key && memo && memo.key === key && memo.tags.length === score.length) {
    ({ tags, reread } = retagAfterEdit(memo.tags, memo.topics, table, compiled, memo.normalised));
    memo = { ...memo, topics, tags };
  } else {
    const normalised: string[] = [];
    tags = tagComments(table, compiled, undefined, key ? normalised : undefined);
    reread = tags.commented;
    memo = key ? { key, topics, tags, normalised } : null;
  }
  // The page gets copies (transferred); the worker keeps its own for the next edit.
  const sent: TopicTags = { ...tags, mask: tags.mask.slice(), polarity: tags.polarity.slice(), written: tags.written.slice() };
  scope.postMessage({ type: 'done', tags: sent, reread } satisfies TagReply, [sent.mask.buffer as ArrayBuffer, sent.polarity.buffer as ArrayBuffer, sent.written.buffer as ArrayBuffer]);
}

self.onmessage = (event: MessageEvent<TagRequest | WordIndexRequest | WordPatchRequest | WordMergeRequest | { kind: 'release' }>) => {
  try {
    if ('kind' in event.data && event.data.kind === 'release') memo = null;
    else if ('kind' in event.data) words(event.data);
    else tag(event.data);
  } catch (error) {
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies TagReply);
  }
};
