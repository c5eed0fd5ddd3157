/// <reference lib="webworker" />
/**
 * The second reader of a big file: builds the answers of its second half while the import
 * worker reads the first (docs/methods.md §10.6: two workers, split at a line break after the
 * midpoint that is not inside a quoted field).
 */
import { tableToWire } from '../engine/answers';
import { AnswerBuilder, firstLookOfBytes } from '../ingest/build';
import { letGo } from '../engine/let-go';
import { buildInPieces, PIECES_FROM, readRange } from '../ingest/read-in-pieces';
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
    const whole = firstLook || file.size - from < PIECES_FROM;
    const bytes = whole ? readRange(file, from, file.size) : null;
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
    let bytes = reading.bytes && (await reading.bytes).subarray(message.start - from);
    reading = null;
    const range = bytes && { start: 0, end: bytes.length, rowsBefore: 0 };
    if (firstLook && bytes) post({ type: 'first-look', look: firstLookOfBytes(half, bytes, range!) });
    if (bytes && file.size - message.start < PIECES_FROM) builder.addFileBytes(0, half, bytes, undefined, range!);
    else {
      // A big half: its bytes go, and are read again piece by piece as it is built (read-in-pieces.ts).
      letGo(bytes);
      bytes = null;
      await buildInPieces(builder, 0, half, file, { start: message.start, end: file.size, rowsBefore: 0 });
    }
    // This half of the file is read: its bytes go before the answers are sent (let-go.ts).
    letGo(bytes);
    // The code table stays here: its keys go as two typed arrays (customer-keys.ts).
    const { customerKeys: _keys, ...built } = builder.finish();
    // Its columns, texts included, are moved to the first reader, not copied (text-units.ts).
    const { table, transfer } = tableToWire(built.table);
    post({ type: 'done', built: { ...built, table } }, [...transfer, built.customers.bytes.buffer as ArrayBuffer, built.customers.ends.buffer as ArrayBuffer]);
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
