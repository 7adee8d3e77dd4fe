import { sql } from 'drizzle-orm';
import type { Database } from './openDatabase';

/**
 * Why the server cannot take work now, or `null` when it can: the database answers a query within
 * `timeoutMs` and the job queue's schema is installed on it. Never throws: a probe asks this every
 * few seconds, and an unreachable database is an answer, not an error.
 */
export async function databaseUnreadiness(database: Database, options: { timeoutMs?: number } = {}): Promise<string | null> {
  const timeoutMs = options.timeoutMs ?? 2000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`The database did not answer within ${timeoutMs} ms`), timeoutMs);
  });
  const check = (async (): Promise<string | null> => {
    try {
      await database.drizzle.execute(sql`select 1`);
    } catch (error) {
      return `The database is not reachable: ${error instanceof Error ? error.message : String(error)}`;
    }
    try {
      return (await database.queue.isInstalled()) ? null : 'The job queue is not installed on the database';
    } catch (error) {
      return `The job queue is not reachable: ${error instanceof Error ? error.message : String(error)}`;
    }
  })();
  try {
    return await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
