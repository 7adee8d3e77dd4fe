import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
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
  /** Closes the connection (PGlite: flushes and releases the data directory). */
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball, which `loadDataDir` opens again. */
  dumpDataDir?(): Promise<Blob>;
}

export interface OpenDatabaseOptions {
  /** PGlite only: start from this `dumpDataDir` tarball (much faster than migrating a new database). */
  loadDataDir?: Blob;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Opens the database and brings its tables up to date (drizzle migrations in `server/drizzle`).
 * PGlite loads `pg_trgm` on every open: the trigram indexes need it for every write.
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
      return openPostgres(target.url);
    default:
      return target satisfies never;
  }
}

async function openPglite(dataDir: string | null, options: OpenDatabaseOptions): Promise<Database> {
  const releaseLock = dataDir === null ? () => {} : lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(dataDir === null ? {} : { dataDir }),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm },
    });
  } catch (error) {
    releaseLock();
    throw new Error(`Could not open the PGlite database${dataDir === null ? '' : ` in ${dataDir}`}: ${String(error)}`, {
      cause: error,
    });
  }
  const database = drizzlePglite({ client, schema });
  try {
    await migratePglite(database, { migrationsFolder });
  } catch (error) {
    await client.close();
    releaseLock();
    throw error;
  }
  return {
    kind: 'pglite',
    drizzle: database,
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        releaseLock();
      }
    },
    dumpDataDir: () => client.dumpDataDir('none'),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const database = drizzleNodePostgres({ client: pool, schema });
  try {
    await migrateWithLock(pool);
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
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
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

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock of its own: two processes on one directory both commit and one write is
 * lost silently. A `<dataDir>.lock` file holding our pid keeps a second process out; a lock left
 * by a process that no longer runs is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const descriptor = openSync(lockPath, 'wx');
      writeSync(descriptor, String(process.pid));
      closeSync(descriptor);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder)) {
        throw new Error(
          `The database in ${dataDir} is already open in process ${holder}: stop that process first (or remove ${lockPath} if it is not a Reachout server)`,
        );
      }
      if (holder === process.pid) {
        throw new Error(`The database in ${dataDir} is already open in this process: close it before opening it again`);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}
