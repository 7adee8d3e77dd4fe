import { and, asc, lt, sql } from 'drizzle-orm';
import { ReachoutError } from 'reachout/core';
import type { ReachoutBackend } from '../backend';
import type { BackendContext } from './backendContext';
import { events } from './schema';

const hourMs = 60 * 60 * 1000;
export const defaultEventRetentionMs = 7 * 24 * hourMs;

export interface EventRetentionOptions {
  /** How long stored events stay replayable. @default 7 days */
  eventRetentionMs?: number;
  /** How often older events are deleted. @default 1 hour */
  eventPruneIntervalMs?: number;
}

/**
 * The stored events of the database backend: replay after an id (`since`), this process's
 * listeners, and retention (old events pruned at start and on a timer; `stop` ends the timer).
 */
export function createEventMethods(context: BackendContext, options: EventRetentionOptions) {
  const { database, now, listeners } = context;
  let stopped = false;

  const eventRetentionMs = options.eventRetentionMs ?? defaultEventRetentionMs;

  const pruneEvents = async (): Promise<number> => {
    const cutoff = new Date(now().getTime() - eventRetentionMs);
    const deleted = await database
      .delete(events)
      .where(and(lt(events.createdAt, cutoff), sql`${events.id} < (select max(id) from events)`))
      .returning({ id: events.id });
    return deleted.length;
  };

  let pruning: Promise<void> = Promise.resolve();
  const pruneInBackground = () => {
    pruning = pruning.then(async () => {
      if (stopped) return;
      try {
        await pruneEvents();
      } catch (error) {
        if (!stopped) console.error('reachout: pruning old events failed; trying again later', error);
      }
    });
  };
  pruneInBackground();
  const pruneTimer = globalThis.setInterval(pruneInBackground, options.eventPruneIntervalMs ?? hourMs);
  // The timer alone must not keep a process (a test, a script) alive.
  pruneTimer.unref?.();

  const replay: ReachoutBackend['events'] = {
    async since(lastEventId, { limit }) {
      if (!/^\d+$/.test(lastEventId)) {
        throw new ReachoutError('VALIDATION', `Last-Event-ID must be an event id (a whole number), got ${JSON.stringify(lastEventId)}`, {
          fieldErrors: { lastEventId: 'Not an event id' },
        });
      }
      const after = BigInt(lastEventId);
      // One snapshot for the bounds and the rows, so a prune in between cannot hide a gap.
      return database.transaction(
        async (transaction) => {
          const [bounds] = await transaction
            .select({ oldest: sql<string | null>`min(${events.id})::text`, newest: sql<string | null>`max(${events.id})::text` })
            .from(events);
          const newest = BigInt(bounds?.newest ?? '0');
          const reset = { kind: 'reset', lastEventId: String(newest) } as const;
          // Ids this database never issued: it was reset or replaced since the client's last event.
          if (after > newest) return reset;
          // Pruned events, or (rarely, and harmlessly) ids a rolled-back write used up: the
          // events right after `after` may be gone, so the client refetches rather than miss them.
          if (bounds?.oldest != null && after < BigInt(bounds.oldest) - 1n) return reset;
          const missed = sql`${events.id} > ${after.toString()}`;
          // Ids only (the primary key's index): counting past the limit must not read a thousand payloads.
          const [beyondLimit] = await transaction
            .select({ id: events.id })
            .from(events)
            .where(missed)
            .orderBy(asc(events.id))
            .offset(limit)
            .limit(1);
          if (beyondLimit) return reset;
          const rows = await transaction.select().from(events).where(missed).orderBy(asc(events.id)).limit(limit);
          return { kind: 'events', events: rows.map((row) => ({ id: String(row.id), event: row.payload })) } as const;
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };

  return {
    events: replay,
    pruneEvents,
    async stop() {
      stopped = true;
      globalThis.clearInterval(pruneTimer);
      await pruning;
    },
  };
}
