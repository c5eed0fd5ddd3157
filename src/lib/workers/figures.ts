/**
 * The page's side of the figures worker (figures.worker.ts): one worker, kept while a dataset's
 * views are open, holding the columns of the answers last asked about.
 */
import FiguresWorker from './figures.worker.ts?worker';
import type { AnswerTable } from '../engine/answers';
import { figureTable, type FigureArgs, type FigureName, type FigureOf } from '../engine/figures';
import { textToWire } from '../engine/text-units';
import type { FiguresReply, FiguresRequest } from './messages';

let worker: Worker | null = null;
/** The answers whose columns the worker holds (their answersKey). */
let sent: string | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (figure: unknown) => void; reject: (error: Error) => void }>();

function start(): Worker {
  const made = new FiguresWorker();
  made.onmessage = (event: MessageEvent<FiguresReply>) => {
    const reply = event.data;
    const waiter = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) waiter?.resolve(reply.figure);
    else waiter?.reject(new Error(reply.message));
  };
  // A worker that cannot start or dies fails what it was asked; the next request starts another.
  made.onerror = (event) => {
    made.terminate();
    if (worker === made) [worker, sent] = [null, null];
    for (const waiter of waiting.values()) waiter.reject(new Error(event.message || 'figures worker error'));
    waiting.clear();
  };
  return made;
}

/**
 * Figure `name` of the answers `key` names, computed in the worker. Their columns go first when
 * the worker does not hold them (copied: the page's table stays as it is); a rejection means the
 * page should compute it itself.
 */
export function figureInWorker<N extends FigureName>(key: string, table: AnswerTable, name: N, args: FigureArgs<N>): Promise<FigureOf<N>> {
  worker ??= start();
  if (sent !== key) {
    const columns = figureTable(table);
    worker.postMessage({ kind: 'columns', key, table: { ...columns, wave: textToWire(columns.wave).wire } } satisfies FiguresRequest);
    sent = key;
  }
  const id = nextId++;
  const done = new Promise<FigureOf<N>>((resolve, reject) => waiting.set(id, { resolve: resolve as (figure: unknown) => void, reject }));
  worker.postMessage({ kind: 'figure', id, key, name, args: args as unknown[] } satisfies FiguresRequest);
  return done;
}

/** The dataset's views were left: the worker lets go of its columns. */
export function releaseFiguresWorker(): void {
  worker?.postMessage({ kind: 'release' } satisfies FiguresRequest);
  sent = null;
}
