/**
 * Every worker of the app is created here, through Vite's `?worker` import: it works in the dev
 * server, the static build and (with `?worker&inline`) a one-file build, where
 * `new URL(…, import.meta.url)` would silently fail (../shared/reference/toolchain.md).
 */
import ImportWorker from './import.worker.ts?worker';
import type { ImportReply, ImportRequest } from './messages';

export interface RunningImport {
  result: Promise<Extract<ImportReply, { type: 'done' }>['built']>;
  cancel(): void;
}

export class ImportCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export function startImport(request: ImportRequest, onProgress: (share: number) => void): RunningImport {
  const worker = new ImportWorker();
  let settle: { reject(e: Error): void } | null = null;
  const result = new Promise<Extract<ImportReply, { type: 'done' }>['built']>((resolve, reject) => {
    settle = { reject };
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') onProgress(reply.share);
      else {
        worker.terminate();
        if (reply.type === 'done') resolve(reply.built);
        else reject(new Error(reply.message));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'worker error'));
    };
    worker.postMessage(request);
  });
  return {
    result,
    cancel() {
      worker.terminate();
      settle?.reject(new ImportCancelled());
    },
  };
}
