/**
 * Gives a buffer's memory back now rather than at the next garbage collection: a worker that has
 * read a file's bytes keeps them, unreachable, until V8 collects (measured in Chromium: a 98 MB
 * half-file still held while the halves were merged, the import's peak of memory). Transferring
 * the buffer to a new empty one detaches it and frees what it held at once. Where
 * `ArrayBuffer.prototype.transfer` is missing (Node 20), the collector does it as before.
 *
 * Only for buffers nothing else reads any more: every view of a detached buffer reads as empty.
 */
export function letGo(...items: ReadonlyArray<ArrayBufferView | ArrayBufferLike | null | undefined>): void {
  for (const item of items) {
    const buffer = (item && ArrayBuffer.isView(item) ? item.buffer : item) as Detachable | null | undefined;
    if (buffer instanceof ArrayBuffer && !buffer.detached && typeof buffer.transfer === 'function') buffer.transfer(0);
  }
}

type Detachable = ArrayBufferLike & { transfer?: (length: number) => ArrayBuffer; detached?: boolean };
