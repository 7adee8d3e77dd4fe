// The module worker that hosts an import session (./session.ts): each request names a session
// method; its answer, its progress and its failure go back under the request's id.

import { createImportSession, type ImportSession } from './session';
import type { ImportWorkerRequest, ImportWorkerResponse } from './workerProtocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
  postMessage(message: ImportWorkerResponse): void;
}

const scope = globalThis as unknown as WorkerScope;
const session: ImportSession = createImportSession();

function run(request: ImportWorkerRequest): Promise<unknown> {
  switch (request.method) {
    case 'read':
      return session.read(request.file);
    case 'check':
      return session.check(request.mapping, request.country, (done, total) =>
        scope.postMessage({ id: request.id, progress: { done, total } }),
      );
    case 'batch':
      return session.batch(request.index);
    case 'report':
      return session.report(request.labels, request.skipped, request.notSentFrom);
    default:
      return Promise.reject(new Error(`Unknown request ${String((request as { method: unknown }).method)}`));
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  run(request).then(
    (result) => scope.postMessage({ id: request.id, result }),
    (error: unknown) =>
      scope.postMessage({
        id: request.id,
        error: { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) },
      }),
  );
};

// Tells the page the worker's code loaded and runs (a blocked worker never says so).
scope.postMessage({ id: 0, result: 'ready' });
