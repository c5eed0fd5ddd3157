/// <reference lib="webworker" />
/**
 * The views' heavy figures off the page (engine/figures.ts). It keeps the columns of one set of
 * answers — each sent once, copied, when a figure first needs it — so a filter change sends only
 * its mask. A figure of answers it does not hold is refused, and the page computes it.
 */
import { runFigure, type FigureName, type FigureTable } from '../engine/figures';
import { textFromWire, type TextWire } from '../engine/text-units';
import { TEXT_COLUMN_NAMES, type TextColumnName } from '../engine/answers';
import type { TextColumn } from '../engine/text-column';
import type { FiguresReply, FiguresRequest } from './messages';

let held: { key: string; table: FigureTable } | null = null;
const scope = self as unknown as DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<FiguresRequest>) => {
  const request = event.data;
  if (request.kind === 'release') held = null;
  else if (request.kind === 'columns') {
    if (held?.key !== request.key) held = { key: request.key, table: { length: request.length } };
    for (const [name, column] of Object.entries(request.columns)) {
      const text = TEXT_COLUMN_NAMES.includes(name as TextColumnName);
      (held.table as Record<string, unknown>)[name] = text ? textFromWire(column as TextColumn | TextWire) : column;
    }
  } else {
    let reply: FiguresReply;
    try {
      if (held?.key !== request.key) throw new Error(`no columns for ${request.key}`);
      reply = { id: request.id, ok: true, figure: runFigure(request.name as FigureName, held.table, request.args as never) };
    } catch (error) {
      reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    scope.postMessage(reply);
  }
};
