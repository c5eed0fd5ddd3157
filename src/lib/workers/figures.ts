/**
 * The page's side of the figures worker (figures.worker.ts): one worker, kept while a dataset's
 * views are open, holding the columns of the answers last asked about.
 */
import FiguresWorker from './figures.worker.ts?worker';
import { TEXT_COLUMN_NAMES, type AnswerTable, type TextColumnName } from '../engine/answers';
import { figureColumns, type FigureArgs, type FigureColumn, type FigureName, type FigureOf } from '../engine/figures';
import { textToWire } from '../engine/text-units';
import { copiesInTasks, textInTasks } from './copy-in-tasks';
import type { FiguresReply, FiguresRequest } from './messages';

let worker: Worker | null = null;
/** The answers whose columns the worker holds or is being sent (their answersKey), and which columns. */
let sent: { key: string; columns: Set<FigureColumn> } | null = null;
/** The columns under way: a figure is asked after them, so the worker has what it reads. */
let sending: Promise<void> = Promise.resolve();
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

/** Copies of some columns, a column (or a piece of one) per task, ready to transfer. */
async function copiesOf(table: AnswerTable, names: readonly FigureColumn[]): Promise<{ columns: Record<string, unknown>; transfer: ArrayBuffer[] }> {
  const columns: Record<string, unknown> = {}, transfer: ArrayBuffer[] = [];
  for (const name of names) {
    const copied = TEXT_COLUMN_NAMES.includes(name as TextColumnName)
      ? await textInTasks(textToWire(table[name as TextColumnName]).wire).then(({ wire, transfer }) => ({ value: wire as unknown, transfer }))
      : await copiesInTasks(name === 'segments' ? table.segments : [table[name] as ArrayBufferView]).then(({ copies, transfer }) => ({ value: name === 'segments' ? copies : copies[0], transfer }));
    columns[name] = copied.value;
    transfer.push(...copied.transfer);
  }
  return { columns, transfer };
}

/**
 * Figure `name` of the answers `key` names, computed in the worker. The columns it reads go first
 * when the worker does not hold them (copies: the page's table stays as it is); a rejection means
 * the page should compute it itself.
 */
export function figureInWorker<N extends FigureName>(key: string, table: AnswerTable, name: N, args: FigureArgs<N>): Promise<FigureOf<N>> {
  const target = (worker ??= start());
  if (sent?.key !== key) sent = { key, columns: new Set() };
  const columns = sent.columns;
  const missing = figureColumns(name, args).filter((column) => !columns.has(column));
  for (const column of missing) columns.add(column);
  if (missing.length) {
    sending = sending.then(async () => {
      const copies = await copiesOf(table, missing);
      // Released or replaced meanwhile: the worker is not to hold these answers.
      if (worker === target && sent?.columns === columns) target.postMessage({ kind: 'columns', key, length: table.length, columns: copies.columns } satisfies FiguresRequest, copies.transfer);
    }).catch(() => {
      // Not sent: the worker refuses the figures that read them, and the page computes those.
    });
  }
  const id = nextId++;
  return new Promise<FigureOf<N>>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (figure: unknown) => void, reject });
    sending.then(() => {
      if (worker !== target) {
        waiting.delete(id);
        reject(new Error('figures worker ended'));
      } else target.postMessage({ kind: 'figure', id, key, name, args: args as unknown[] } satisfies FiguresRequest);
    });
  });
}

/** The dataset's views were left: the worker lets go of its columns. */
export function releaseFiguresWorker(): void {
  worker?.postMessage({ kind: 'release' } satisfies FiguresRequest);
  sent = null;
}
