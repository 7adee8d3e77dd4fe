import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { PgBoss } from 'pg-boss';
import { type QueueSettings, startQueue, stopQueue } from '../jobs/queue';
import { acquireDataDirLock, type DataDirLock, lockFileFor } from '../lock';
import { asPglite, openPgliteInWorker, type PgliteInWorker } from './pgliteInWorker';
import { schema, type Schema } from './schema';

/** Where the data lives: an embedded PGlite (a directory, or memory) or a PostgreSQL server. */
export type DatabaseTarget =
  | { kind: 'pglite'; /** `null` keeps the database in memory. */ dataDir: string | null }
  | { kind: 'postgres'; /** `postgres://user:password@host:port/database` */ url: string };

/** The drizzle API shared by both drivers: every query of the backend is written against it. */
export type DrizzleDatabase = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  readonly kind: DatabaseTarget['kind'];
  readonly drizzle: DrizzleDatabase;
  /** The job queue (pg-boss) on this database, started with it: jobs sent in a transaction commit with it. */
  readonly queue: PgBoss;
  /** Stops the queue (running jobs get a bounded time to finish), then closes the connection (PGlite: flushes and releases the data directory). */
  close(): Promise<void>;
  /**
   * PostgreSQL only: runs `onNotify` on every `NOTIFY` of `channel` (from any server on the
   * database), on a connection of its own, reconnecting when it drops; answers how to stop.
   */
  listen?(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  /** PGlite only: the whole data directory as a tarball, which `loadDataDir` opens again. */
  dumpDataDir?(): Promise<Blob>;
}

export interface OpenDatabaseOptions {
  /** PGlite only: start from this `dumpDataDir` tarball (much faster than migrating a new database). */
  loadDataDir?: Blob;
  /**
   * PGlite data directory only: the directory's lock from `acquireDataDirLock`, already held by
   * the caller (the server takes it before loading the database modules). The database then uses
   * it instead of taking its own, and `close()` leaves it to the caller to release.
   */
  lock?: DataDirLock;
  /** How the job queue finds lost jobs (expiry, supervise interval) and how often a send is retried. */
  queue?: QueueSettings;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Opens the database, brings its tables up to date (drizzle migrations in `server/drizzle`) and
 * starts its job queue (pg-boss, which migrates its own `pgboss` schema).
 * PGlite loads `pg_trgm` on every open: the trigram indexes need it for every write. A PGlite
 * data directory is locked (`<dataDir>.lock`, see `acquireDataDirLock`) until `close()`, so a
 * second process, or a second open in this process, fails with a message saying who holds it.
 *
 * @example
 * const db = await openDatabase({ kind: 'pglite', dataDir: '.data/reachout' });
 * const backend = createDatabaseBackend(db);
 */
export async function openDatabase(target: DatabaseTarget, options: OpenDatabaseOptions = {}): Promise<Database> {
  switch (target.kind) {
    case 'pglite':
      return openPglite(target.dataDir, options);
    case 'postgres':
      if (options.lock) throw new Error('openDatabase: a data directory lock is for PGlite only, not PostgreSQL');
      return openPostgres(target.url, options.queue ?? {});
    default:
      return target satisfies never;
  }
}

async function openPglite(dataDir: string | null, options: OpenDatabaseOptions): Promise<Database> {
  const releaseLock = lockForPglite(dataDir, options.lock);
  let client: PgliteInWorker;
  try {
    // In a worker thread: PGlite runs each query synchronously, which on this thread would hold
    // up every request (`/healthz` included) for as long as the queries ahead of it take.
    client = await openPgliteInWorker({ dataDir, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
  } catch (error) {
    releaseLock();
    throw new Error(`Could not open the PGlite database${dataDir === null ? '' : ` in ${dataDir}`}: ${String(error)}`, {
      cause: error,
    });
  }
  const database = drizzlePglite({ client: asPglite(client), schema });
  let queue: PgBoss;
  try {
    await migratePglite(database, { migrationsFolder });
    // PGlite has no autovacuum: without this the planner never learns, for example, that a search
    // matches few contacts and the trigram index beats reading the whole table.
    await client.exec('analyze');
    // Every page is in memory, so reading one out of order costs about what reading the next does.
    // With the default (4) the planner reads all 100k contacts for a search matching 1–5% of them,
    // 3× slower than the trigram index.
    await client.exec('set random_page_cost = 1.1');
    queue = await startQueue({ kind: 'pglite', client }, options.queue);
  } catch (error) {
    await client.close();
    releaseLock();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    kind: 'pglite',
    drizzle: database,
    queue,
    close() {
      closing ??= (async () => {
        try {
          await stopQueue(queue);
          if (!client.closed) await client.close();
        } finally {
          releaseLock();
        }
      })();
      return closing;
    },
    dumpDataDir: () => client.dumpDataDir(),
  };
}

async function openPostgres(url: string, queueSettings: QueueSettings): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const database = drizzleNodePostgres({ client: pool, schema });
  let queue: PgBoss;
  try {
    await migrateWithLock(pool);
    queue = await startQueue({ kind: 'postgres', url }, queueSettings);
  } catch (error) {
    await pool.end();
    throw new Error(`Could not open the PostgreSQL database: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  let closed = false;
  return {
    kind: 'postgres',
    drizzle: database,
    queue,
    listen: (channel, onNotify) => listenOnOwnConnection(url, channel, onNotify),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await stopQueue(queue);
      } finally {
        await pool.end();
      }
    },
  };
}

/** A dedicated connection that LISTENs on `channel`; after a drop it reconnects and wakes `onNotify` (it may have missed some). */
async function listenOnOwnConnection(url: string, channel: string, onNotify: () => void): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify();
    });
    next.on('error', () => {
      if (stopped) return;
      void next.end().catch(() => {});
      setTimeout(() => void reconnect(), 1000).unref();
    });
    await next.connect();
    await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    client = next;
  };
  const reconnect = async () => {
    if (stopped) return;
    try {
      await connect();
      onNotify();
    } catch {
      setTimeout(() => void reconnect(), 1000).unref();
    }
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => {});
  };
}

/** Servers starting together against one database migrate one after the other. */
const migrationLockKey = 7_346_210_000;

async function migrateWithLock(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    // A session lock: the migrator below runs on this same connection.
    await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
    try {
      await migrateNodePostgres(drizzleNodePostgres({ client, schema }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [migrationLockKey]);
    }
  } finally {
    client.release();
  }
}

/** Lock files of the PGlite directories open in this process, whoever took their lock. */
const openDataDirLocks = new Set<string>();

/**
 * Takes the directory's lock, or checks the one handed over, and returns what `close()` runs.
 * A handed lock could be passed twice, so this process's open directories are tracked here too.
 */
function lockForPglite(dataDir: string | null, givenLock: DataDirLock | undefined): () => void {
  if (dataDir === null) {
    if (givenLock) throw new Error('openDatabase: a data directory lock was given for an in-memory PGlite database');
    return () => {};
  }
  const directory = path.resolve(dataDir);
  const lockFile = lockFileFor(directory);
  if (openDataDirLocks.has(lockFile)) {
    throw new Error(`${directory} is already open in this process (lock ${lockFile}): close the database on it before opening it again.`);
  }
  let release = () => {};
  if (givenLock) {
    if (givenLock.lockFile !== lockFile) {
      throw new Error(`openDatabase: the lock ${givenLock.lockFile} is not the lock of ${directory} (${lockFile})`);
    }
    if (!givenLock.held) throw new Error(`openDatabase: the lock ${givenLock.lockFile} was already released`);
    // The caller took it and releases it.
  } else {
    const lock = acquireDataDirLock(directory);
    release = () => lock.release();
  }
  openDataDirLocks.add(lockFile);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    openDataDirLocks.delete(lockFile);
    release();
  };
}
