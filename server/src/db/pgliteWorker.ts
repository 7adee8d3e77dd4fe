// PGlite in a worker thread (see `pgliteInWorker.ts`): PGlite runs every query synchronously on
// the thread that owns it, so on the server's main thread a query held up every request,
// `/healthz` included. This file runs as is on Node 24 (erasable types only, no relative
// imports), under tsx and under Vitest alike.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/** What `pgliteInWorker.ts` sends; every request gets one answer with its `id`. */
export type WorkerRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[]; options: WireQueryOptions; transaction?: number }
  | { id: number; op: 'exec'; sql: string; transaction?: number }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; transaction: number; commit: boolean }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

/** Query options as they cross threads: parser functions cannot, so only their type ids do. */
export interface WireQueryOptions {
  rowMode?: 'array' | 'object';
  /** Type ids whose values stay the text PostgreSQL sent (drizzle's parsers for dates and intervals). */
  textTypes?: number[];
}

/** An error as it crosses threads: PostgreSQL's fields (code, detail, constraint...) kept. */
export interface WireError {
  message: string;
  name: string;
  fields: Record<string, unknown>;
}

export type WorkerAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

export interface WorkerData {
  dataDir: string | null;
  loadDataDir: Blob | null;
}

interface OpenTransaction {
  transaction: Transaction;
  finish(): void;
  abandon(error: Error): void;
  ended: Promise<void>;
}

const port = parentPort;
if (!port) throw new Error('pgliteWorker.ts runs as a worker thread');
const { dataDir, loadDataDir } = workerData as WorkerData;
const transactions = new Map<number, OpenTransaction>();
let nextTransaction = 1;

const keepText = (value: string) => value;

function queryOptions(options: WireQueryOptions) {
  return {
    ...(options.rowMode ? { rowMode: options.rowMode } : {}),
    ...(options.textTypes ? { parsers: Object.fromEntries(options.textTypes.map((type) => [type, keepText])) } : {}),
  };
}

function errorFields(error: unknown): WireError {
  if (!(error instanceof Error)) return { message: String(error), name: 'Error', fields: {} };
  const fields: Record<string, unknown> = {};
  // PostgreSQL errors carry code, detail, constraint... as own properties.
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'object') continue;
    fields[key] = value;
  }
  return { message: error.message, name: error.name, fields };
}

function transactionOf(id: number | undefined): OpenTransaction | undefined {
  if (id === undefined) return undefined;
  const open = transactions.get(id);
  if (!open) throw new Error(`The transaction ${id} is not open`);
  return open;
}

async function begin(db: PGlite): Promise<number> {
  const id = nextTransaction++;
  return new Promise<number>((opened, failedToOpen) => {
    let finish = () => {};
    let abandon = (_error: Error) => {};
    const ended = db
      .transaction(
        (transaction) =>
          new Promise<void>((resolve, reject) => {
            finish = resolve;
            abandon = reject;
            transactions.set(id, { transaction, finish: () => finish(), abandon: (error) => abandon(error), ended });
            opened(id);
          }),
      )
      .finally(() => transactions.delete(id));
    ended.catch((error: unknown) => {
      if (!transactions.has(id)) failedToOpen(error);
    });
  });
}

async function handle(db: PGlite, request: WorkerRequest): Promise<unknown> {
  switch (request.op) {
    case 'query': {
      const executor = transactionOf(request.transaction)?.transaction ?? db;
      return executor.query(request.sql, request.params, queryOptions(request.options));
    }
    case 'exec': {
      const executor = transactionOf(request.transaction)?.transaction ?? db;
      return executor.exec(request.sql);
    }
    case 'begin':
      return begin(db);
    case 'end': {
      const open = transactionOf(request.transaction)!;
      if (request.commit) {
        open.finish();
        await open.ended;
      } else {
        open.abandon(new Error('rolled back'));
        await open.ended.catch(() => {});
      }
      return null;
    }
    case 'dump':
      return db.dumpDataDir('none');
    case 'close':
      if (!db.closed) await db.close();
      return null;
    default:
      return request satisfies never;
  }
}

try {
  const db = await PGlite.create({
    ...(dataDir === null ? {} : { dataDir }),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { pg_trgm },
  });
  port.on('message', (request: WorkerRequest) => {
    handle(db, request).then(
      (value) => port.postMessage({ id: request.id, ok: true, value } satisfies WorkerAnswer),
      (error: unknown) => port.postMessage({ id: request.id, ok: false, error: errorFields(error) } satisfies WorkerAnswer),
    );
  });
  port.postMessage({ id: 0, ok: true, value: 'ready' } satisfies WorkerAnswer);
} catch (error) {
  port.postMessage({ id: 0, ok: false, error: errorFields(error) } satisfies WorkerAnswer);
}
