import type { ReachoutBackend, StoredEvent } from '../../server/src/backend';

/** The stored events after `lastEventId`; fails when the backend answers `reset` instead. */
export async function eventsAfter(backend: Pick<ReachoutBackend, 'events'>, lastEventId: string, limit = 100_000): Promise<StoredEvent[]> {
  const replay = await backend.events.since(lastEventId, { limit });
  if (replay.kind !== 'events') throw new Error(`Expected the events after ${lastEventId}, got reset to ${replay.lastEventId}`);
  return replay.events;
}
