/// <reference lib="webworker" />
/**
 * The import worker: reads the chosen files and builds the answer columns off the main thread,
 * so the page keeps answering clicks (and Cancel can simply terminate it: nothing is stored
 * until the columns come back).
 */
import { importFiles } from '../ingest/pipeline';
import type { ImportRequest, ImportReply } from './messages';

const post = (reply: ImportReply, transfer: Transferable[] = []) => (self as DedicatedWorkerGlobalScope).postMessage(reply, transfer);

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { files, plans, segments, firstId } = event.data;
  try {
    const sources = [];
    for (const f of files) sources.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
    let lastPost = 0;
    const built = importFiles(sources, plans, {
      segments,
      firstId,
      onProgress: (p) => {
        const now = performance.now();
        if (now - lastPost > 100) {
          lastPost = now;
          post({ type: 'progress', share: p.share });
        }
      },
    });
    const t = built.table;
    post({ type: 'done', built }, [t.id, t.score, t.day, t.seconds, t.file, t.row, ...t.segments].map((a) => a.buffer as ArrayBuffer));
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
