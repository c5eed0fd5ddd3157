/**
 * The page's side of the figures worker (figures.worker.ts): one worker, kept while a dataset's
 * views are open, holding the columns of the answers last asked about.
 */
import FiguresWorker from './figures.worker.ts?worker';
import { TEXT_COLUMN_NAMES, type AnswerTable, type TextColumnName } from '../engine/answers';
import { figureColumns, type FigureArgs, type FigureName, type FigureOf } from '../engine/figures';
import { textToWire } from '../engine/text-units';
import type { FiguresReply, FiguresRequest } from './messages';

let worker: Worker | null = null;
/** The answers whose columns the worker holds (their answersKey), and which columns. */
let sent: { key: string; columns: Set<string> } | null = null;
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
    if (worker === made) {
      worker = null;
      sent = null;
    }
    for (const waiter of waiting.values()) waiter.reject(new Error(event.message || 'figures worker error'));
    waiting.clear();
  };
  return made;
}

/**
 * Figure `name` of the answers `key` names, computed in the worker. The columns it reads go first
 * when the worker does not hold them (copied: the page's table stays as it is); a rejection means
 * the page should compute it itself.
 */
export function figureInWorker<N extends FigureName>(key: string, table: AnswerTable, name: N, args: FigureArgs<N>): Promise<FigureOf<N>> {
  worker ??= start();
  if (sent?.key !== key) sent = { key, columns: new Set() };
  const missing = figureColumns(name, args).filter((column) => !sent!.columns.has(column));
  if (missing.length) {
    const columns: Record<string, unknown> = {};
    for (const column of missing) {
      const value = table[column];
      // Text not yet decoded goes as its code units.
      columns[column] = TEXT_COLUMN_NAMES.includes(column as TextColumnName) ? textToWire(value as AnswerTable[TextColumnName]).wire : value;
      sent.columns.add(column);
    }
    worker.postMessage({ kind: 'columns', key, length: table.length, columns } satisfies FiguresRequest);
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
