import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../server/src/db';

/** How many of `work` had finished when the event loop first turned after they were queued. */
async function finishedWhenTheEventLoopTurns(work: Array<() => Promise<unknown>>): Promise<number> {
  let finished = 0;
  const queued = work.map((run) => run().then(() => (finished += 1)));
  const seen = await new Promise<number>((resolve) => setImmediate(() => resolve(finished)));
  await Promise.all(queued);
  return seen;
}

describe('openDatabase on PGlite', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: null });
  }, 120_000);

  afterAll(async () => {
    await db?.close();
  });

  // PGlite runs each query synchronously where it lives: on the main thread, a queue of queries
  // (or one long one) kept every other request, even /healthz, unread until it was done.
  it('lets the event loop turn between queued queries instead of running the whole queue first', async () => {
    const query = () => db.drizzle.execute(sql`select count(*) from generate_series(1, 2000)`);

    const finished = await finishedWhenTheEventLoopTurns(Array.from({ length: 50 }, () => () => query()));

    expect(finished).toBeLessThan(50);
  });

  it('keeps the event loop turning while a long query runs, so /healthz is not answered behind the database', async () => {
    let turns = 0;
    let running = true;
    const count = () => {
      turns += 1;
      if (running) setImmediate(count);
    };
    setImmediate(count);

    await db.drizzle.execute(sql`select count(*) from generate_series(1, 3000000)`);
    running = false;

    expect(turns).toBeGreaterThan(10);
  });

  it('lets the event loop turn inside and between queued transactions', async () => {
    const transaction = () =>
      db.drizzle.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        await tx.execute(sql`select 2`);
      });

    const finished = await finishedWhenTheEventLoopTurns(Array.from({ length: 20 }, () => () => transaction()));

    expect(finished).toBeLessThan(20);
  });
});
