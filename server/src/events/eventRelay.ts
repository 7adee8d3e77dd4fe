import { asc, sql } from 'drizzle-orm';
import type { StoredEvent } from '../backend';
import type { DrizzleDatabase } from '../db/openDatabase';
import { events } from '../db/schema';

/** The PostgreSQL channel a write notifies after it stored events; its payload is the newest id. */
export const eventsChannel = 'reachout_events';

/** Subscribes to a PostgreSQL channel on a connection of its own; answers how to stop listening. */
export type ListenToChannel = (channel: string, onNotify: () => void) => Promise<() => Promise<void>>;

export interface EventRelay {
  /** Events were stored (here, or on another server): read and deliver those not delivered yet. */
  wake(): void;
  /** Notes the ids a write of this process stored, before they are delivered (see `createEventRelay`). */
  stored(ids: readonly StoredEvent[]): void;
  close(): Promise<void>;
}

/**
 * Delivers the events of every server on one PostgreSQL database to this process's listeners,
 * reading them from the events table, which stays the source of truth: `NOTIFY` (sent by each
 * write in its transaction, so only on commit) only wakes this relay, which then reads every event
 * after the last one it delivered, in id order. Writing transactions are serialised by an advisory
 * lock (see `write` in the backend), so ids commit in order and reading "after the last id" skips
 * none. Local writes wake the relay directly too, so a lost or late notification delays nothing here.
 */
export function createEventRelay(options: {
  database: DrizzleDatabase;
  listen: ListenToChannel;
  deliver: (stored: readonly StoredEvent[]) => void;
  log?: (line: string) => void;
}): EventRelay {
  const { database, listen, deliver } = options;
  const log = options.log ?? ((line: string) => console.error(line));
  let lastDelivered: bigint | undefined;
  // The first id a local write stored before the relay knew where to start: it must not be skipped.
  let firstLocalBeforeStart: bigint | undefined;
  let draining: Promise<void> = Promise.resolve();
  let again = false;
  let closed = false;

  const started = (async () => {
    const [row] = await database.select({ newest: sql<string | null>`max(${events.id})::text` }).from(events);
    const newest = BigInt(row?.newest ?? '0');
    lastDelivered = firstLocalBeforeStart !== undefined && firstLocalBeforeStart - 1n < newest ? firstLocalBeforeStart - 1n : newest;
  })();

  const drain = async () => {
    await started;
    do {
      again = false;
      for (;;) {
        if (closed || lastDelivered === undefined) return;
        const rows = await database
          .select()
          .from(events)
          .where(sql`${events.id} > ${lastDelivered.toString()}`)
          .orderBy(asc(events.id))
          .limit(500);
        if (rows.length === 0) break;
        lastDelivered = BigInt(rows.at(-1)!.id);
        deliver(rows.map((row) => ({ id: String(row.id), event: row.payload })));
      }
    } while (again);
  };

  const wake = () => {
    if (closed) return;
    again = true;
    draining = draining.then(drain).catch((error: unknown) => {
      if (!closed) log(`Reading events for the event streams failed; the next write retries: ${String(error)}`);
    });
  };

  const unlisten = listen(eventsChannel, wake).catch((error: unknown) => {
    log(`LISTEN ${eventsChannel} failed: streams here see only this server's events (${String(error)})`);
    return async () => {};
  });

  return {
    wake,
    stored(stored) {
      const first = stored[0];
      if (lastDelivered === undefined && first && firstLocalBeforeStart === undefined) firstLocalBeforeStart = BigInt(first.id);
    },
    async close() {
      closed = true;
      await (await unlisten)();
      await draining;
    },
  };
}
