// Opens an import session (./session.ts) in a module worker when the page can start one, else on
// the calling thread: server rendering, jsdom tests, a Content-Security-Policy without
// `worker-src blob:`. Either way the session's code is loaded only when a file is chosen.

import type { ImportSession, ImportSessionProgress } from './session';
import type { ImportWorkerRequest, ImportWorkerResponse } from './workerProtocol';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: ImportSessionProgress;
}

function failure(error: { name: string; message: string }): Error {
  const failed = new Error(error.message);
  failed.name = error.name;
  return failed;
}

/** Resolves once the worker's code runs; rejects when it cannot load. */
function started(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<ImportWorkerResponse>) => {
      if (event.data.id !== 0) return;
      cleanUp();
      resolve();
    };
    const onError = (event: Event) => {
      event.preventDefault();
      cleanUp();
      reject(new Error('The import worker could not start'));
    };
    const cleanUp = () => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
  });
}

async function openWorkerSession(): Promise<ImportSession> {
  const { spawnImportWorker } = await import('./spawnWorker');
  const worker = spawnImportWorker();
  try {
    await started(worker);
  } catch (error) {
    worker.terminate();
    throw error;
  }
  const pending = new Map<number, Pending>();
  let lastId = 0;
  worker.addEventListener('message', (event: MessageEvent<ImportWorkerResponse>) => {
    const response = event.data;
    const waiting = pending.get(response.id);
    if (!waiting) return;
    if ('progress' in response) {
      waiting.onProgress?.(response.progress.done, response.progress.total);
      return;
    }
    pending.delete(response.id);
    if ('error' in response) waiting.reject(failure(response.error));
    else waiting.resolve(response.result);
  });
  worker.addEventListener('error', () => {
    for (const waiting of pending.values()) waiting.reject(new Error('The import worker stopped'));
    pending.clear();
  });
  const call = <Result>(request: DistributiveOmit<ImportWorkerRequest, 'id'>, onProgress?: ImportSessionProgress) =>
    new Promise<Result>((resolve, reject) => {
      lastId += 1;
      pending.set(lastId, { resolve: resolve as (value: unknown) => void, reject, onProgress });
      worker.postMessage({ ...request, id: lastId });
    });
  return {
    read: (file) => call({ method: 'read', file }),
    check: (mapping, country, onProgress) => call({ method: 'check', mapping, country }, onProgress),
    batch: (index) => call({ method: 'batch', index }),
    report: (labels, skipped, notSentFrom) => call({ method: 'report', labels, skipped, notSentFrom }),
    dispose: () => {
      worker.terminate();
      for (const waiting of pending.values()) waiting.reject(new DOMException('The import was closed', 'AbortError'));
      pending.clear();
    },
  };
}

/** Where an import session runs: a module worker (`'worker'`) or the calling thread (`'inline'`). */
export type ImportSessionPlace = 'worker' | 'inline';

/**
 * An import session in a module worker when `Worker` exists and the worker starts, else on the
 * calling thread. `place: 'inline'` skips the worker.
 */
export async function openImportSession(options: { place?: ImportSessionPlace } = {}): Promise<ImportSession & { place: ImportSessionPlace }> {
  if (options.place !== 'inline' && typeof Worker === 'function') {
    try {
      return Object.assign(await openWorkerSession(), { place: 'worker' as const });
    } catch {
      // A worker that cannot start (a strict Content-Security-Policy, an old bundler) leaves the inline session.
    }
  }
  const { createImportSession } = await import('./session');
  return Object.assign(createImportSession(), { place: 'inline' as const });
}
