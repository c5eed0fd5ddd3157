/// <reference lib="webworker" />
/**
 * The second reader of a big file: builds the answers of its second half while the import
 * worker reads the first (docs/methods.md §10.6: two workers, split at a line break after the
 * midpoint that is not inside a quoted field).
 */
import { tableBuffers } from '../engine/answers';
import { AnswerBuilder, firstLookOfBytes } from '../ingest/build';
import type { ScanReply, ScanRequest } from './messages';

// A nested worker's messages only move while its parent's event loop is free (measured in
// Chromium): say we run, and say we got the request, so the parent starts its own long
// synchronous scan only when this one is really under way.
(self as DedicatedWorkerGlobalScope).postMessage({ type: 'ready' } satisfies ScanReply);

/** The read asked for, under way while the first reader finds where to split. */
let reading: { request: Extract<ScanRequest, { kind: 'read' }>; bytes: Promise<Uint8Array> } | null = null;

self.onmessage = async (event: MessageEvent<ScanRequest>) => {
  const message = event.data;
  if (message.kind === 'read') {
    const bytes = message.file.slice(message.from).arrayBuffer().then((buffer) => new Uint8Array(buffer));
    bytes.catch(() => {}); // reported when the split is known and the bytes awaited
    reading = { request: message, bytes };
    return;
  }
  (self as DedicatedWorkerGlobalScope).postMessage({ type: 'started' } satisfies ScanReply);
  try {
    if (!reading) throw new Error('scan worker: a split before a read');
    const { plan, identity, firstLook, from } = reading.request;
    const bytes = (await reading.bytes).subarray(message.start - from);
    // Header rows belong to the first half; this half's rows are numbered from 1 and shifted later.
    const half = { ...plan, headerRows: 0 };
    const range = { start: 0, end: bytes.length, rowsBefore: 0 };
    if (firstLook) (self as DedicatedWorkerGlobalScope).postMessage({ type: 'first-look', look: firstLookOfBytes(half, bytes, range) } satisfies ScanReply);
    const builder = new AnswerBuilder([], 0, identity);
    builder.addFileBytes(0, half, bytes, undefined, range);
    // The code table stays here: its keys go as two typed arrays (customer-keys.ts).
    const { customerKeys: _keys, ...built } = builder.finish();
    (self as DedicatedWorkerGlobalScope).postMessage({ type: 'done', built } satisfies ScanReply, [...tableBuffers(built.table), built.customers.bytes.buffer as ArrayBuffer, built.customers.ends.buffer as ArrayBuffer]);
  } catch (error) {
    (self as DedicatedWorkerGlobalScope).postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies ScanReply);
  }
};
