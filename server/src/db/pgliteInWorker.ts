import { Worker } from 'node:worker_threads';
import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';
import type { WireError, WireQueryOptions, WorkerAnswer, WorkerData, WorkerRequest } from './pgliteWorker';

/**
 * The part of PGlite's API the server uses (drizzle's driver and migrator, `exec`, dumps), served
 * by a PGlite in a worker thread (`pgliteWorker.ts`), so a query never holds up this thread's
 * event loop: requests (and `/healthz`) are read and answered while the database works.
 */
export interface PgliteInWorker {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Array<Results>>;
  transaction<T>(callback: (transaction: Transaction) => Promise<T>): Promise<T>;
  dumpDataDir(): Promise<Blob>;
  close(): Promise<void>;
  readonly closed: boolean;
}

/** Starts the worker and waits until its PGlite is open; rejects with PGlite's own error. */
export async function openPgliteInWorker(options: { dataDir: string | null; loadDataDir?: Blob }): Promise<PgliteInWorker> {
  const worker = new Worker(new URL('./pgliteWorker.ts', import.meta.url), {
    workerData: { dataDir: options.dataDir, loadDataDir: options.loadDataDir ?? null } satisfies WorkerData,
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let closed = false;
  let workerFailure: Error | undefined;

  const ready = new Promise<void>((resolve, reject) => pending.set(0, { resolve: () => resolve(), reject }));
  worker.on('message', (answer: WorkerAnswer) => {
    const waiting = pending.get(answer.id);
    if (!waiting) return;
    pending.delete(answer.id);
    if (answer.ok) waiting.resolve(answer.value);
    else waiting.reject(errorOf(answer.error));
  });
  const failAll = (error: Error) => {
    workerFailure = error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on('error', (error) => failAll(new Error(`The PGlite worker failed: ${error.message}`, { cause: error })));
  worker.on('exit', (code) => failAll(new Error(`The PGlite worker exited (code ${code})`)));

  const call = <T>(request: DistributiveOmit<WorkerRequest, 'id'>): Promise<T> => {
    if (workerFailure) return Promise.reject(workerFailure);
    if (closed && request.op !== 'close') return Promise.reject(new Error('The PGlite database is closed'));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  };

  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }

  const queryIn = <T>(transaction: number | undefined, sql: string, params: unknown[] = [], queryOptions: QueryOptions = {}) =>
    call<Results<T>>({
      op: 'query',
      sql,
      params,
      options: wireOptions(queryOptions),
      ...(transaction === undefined ? {} : { transaction }),
    });
  const execIn = (transaction: number | undefined, sql: string) =>
    call<Array<Results>>({ op: 'exec', sql, ...(transaction === undefined ? {} : { transaction }) });

  return {
    query: (sql, params, queryOptions) => queryIn(undefined, sql, params, queryOptions),
    exec: (sql) => execIn(undefined, sql),
    async transaction(callback) {
      const id = await call<number>({ op: 'begin' });
      let finished = false;
      const transaction = {
        query: <T>(sql: string, params?: unknown[], queryOptions?: QueryOptions) => queryIn<T>(id, sql, params, queryOptions),
        exec: (sql: string) => execIn(id, sql),
        async rollback() {
          finished = true;
          await call({ op: 'end', transaction: id, commit: false });
        },
        get closed() {
          return finished;
        },
      } as unknown as Transaction;
      let result;
      try {
        result = await callback(transaction);
      } catch (error) {
        if (!finished) {
          finished = true;
          await call({ op: 'end', transaction: id, commit: false }).catch(() => {});
        }
        throw error;
      }
      if (!finished) {
        finished = true;
        await call({ op: 'end', transaction: id, commit: true });
      }
      return result;
    },
    dumpDataDir: () => call<Blob>({ op: 'dump' }),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await call({ op: 'close' });
      } finally {
        await worker.terminate();
      }
    },
    get closed() {
      return closed;
    },
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Drizzle's parsers for dates and intervals keep PostgreSQL's text; they are functions, which
 * cannot cross threads, so their type ids go instead and the worker keeps those types as text.
 */
function wireOptions(options: QueryOptions): WireQueryOptions {
  return {
    ...(options.rowMode ? { rowMode: options.rowMode } : {}),
    ...(options.parsers ? { textTypes: Object.keys(options.parsers).map(Number) } : {}),
  };
}

function errorOf(wire: WireError): Error {
  const error = new Error(wire.message);
  error.name = wire.name;
  Object.assign(error, wire.fields);
  return error;
}

/** Drizzle takes PGlite's type; the worker client has every member it calls. */
export function asPglite(client: PgliteInWorker): PGlite {
  return client as unknown as PGlite;
}
