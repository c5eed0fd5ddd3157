/// <reference lib="webworker" />
/**
 * The second reader of a big file: builds the answers of its second half while the import
 * worker reads the first (docs/methods.md §10.6: two workers, split at a line break after the
 * midpoint that is not inside a quoted field).
 */
import { tableToWire } from '../engine/answers';
import { AnswerBuilder, firstLookOfBytes } from '../ingest/build';
import { buildPart, PIECES_FROM, readRange } from '../ingest/read-in-pieces';
import type { ScanReply, ScanRequest } from './messages';

// A nested worker's messages only move while its parent's event loop is free (measured in
// Chromium): say we run, and say we got the request, so the parent starts its own long
// synchronous scan only when this one is really under way.
(self as DedicatedWorkerGlobalScope).postMessage({ type: 'ready' } satisfies ScanReply);

/**
 * The read asked for, under way while the first reader finds where to split: the bytes from the
 * midpoint on, when they are read whole (a first look, or a half small enough to build from them).
 */
let reading: { request: Extract<ScanRequest, { kind: 'read' }>; bytes: Promise<Uint8Array> | null } | null = null;

const post = (reply: ScanReply, transfer: Transferable[] = []) => (self as DedicatedWorkerGlobalScope).postMessage(reply, transfer);

self.onmessage = async (event: MessageEvent<ScanRequest>) => {
  const message = event.data;
  if (message.kind === 'read') {
    const { file, from, firstLook } = message;
    const readNow = firstLook || file.size - from < PIECES_FROM;
    const bytes = readNow ? readRange(file, from, file.size) : null;
    bytes?.catch(() => {}); // reported when the split is known and the bytes awaited
    reading = { request: message, bytes };
    return;
  }
  post({ type: 'started' });
  try {
    if (!reading) throw new Error('scan worker: a split before a read');
    const { plan, identity, firstLook, from, file } = reading.request;
    // Header rows belong to the first half; this half's rows are numbered from 1 and shifted later.
    const half = { ...plan, headerRows: 0 };
    const builder = new AnswerBuilder([], 0, identity);
    const whole = reading.bytes && (await reading.bytes);
    reading = null;
    const part = { start: message.start, end: file.size, rowsBefore: 0 };
    if (firstLook && whole) post({ type: 'first-look', look: firstLookOfBytes(half, whole, { start: part.start - from, end: part.end - from, rowsBefore: 0 }) });
    // Built from the bytes read, or (a big half) read again piece by piece once they are let go.
    await buildPart(builder, 0, half, file, part, whole && { bytes: whole, from });
    // The code table stays here: its keys go as two typed arrays (customer-keys.ts).
    const { customerKeys: _keys, ...built } = builder.finish();
    // Its columns, texts included, are moved to the first reader, not copied (text-units.ts).
    const { table, transfer } = tableToWire(built.table);
    post({ type: 'done', built: { ...built, table } }, [...transfer, built.customers.bytes.buffer as ArrayBuffer, built.customers.ends.buffer as ArrayBuffer]);
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
