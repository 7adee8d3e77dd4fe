import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ReachoutEvent } from 'reachout/core';
import type { ReachoutBackend, StoredEvent } from '../backend';
import { validationError } from './problem';

/** A comment line this often keeps proxies from closing an idle stream. */
const pingIntervalMs = 15_000;

/** Any length: an id longer than every stored one is answered with `reset`, not refused. */
const eventIdPattern = /^[0-9]+$/;

/**
 * The most events one reconnection replays. More would stall the server for every client that
 * comes back after a long time (`Last-Event-ID: 0` once streamed the whole table); such a client
 * gets `reset` and refetches instead.
 */
export const maxReplayEvents = 1000;

const resetEvent: ReachoutEvent = { type: 'reset' };

/** The newest stored event's id, `'0'` when there is none. */
async function newestEventId(backend: ReachoutBackend): Promise<string> {
  // A replay of nothing from the start: `reset` names the newest id whenever there is one.
  const replay = await backend.events.since('0', { limit: 0 });
  return replay.kind === 'reset' ? replay.lastEventId : '0';
}

/**
 * `GET /api/v1/events`: `retry: 1000`, then (with `Last-Event-ID`) every stored event after that
 * id, or one `reset` event when those cannot be replayed (without it: the newest stored id, as an
 * `id:` line with no data), then live events, each exactly once and in order.
 */
export function streamEvents(c: Context, backend: ReachoutBackend): Response {
  const lastEventId = c.req.header('Last-Event-ID')?.trim() || undefined;
  if (lastEventId !== undefined && !eventIdPattern.test(lastEventId)) {
    throw validationError('Last-Event-ID must be the decimal id of an event this stream sent', {
      'Last-Event-ID': 'Not an event id',
    });
  }

  return streamSSE(
    c,
    async (stream) => {
      // Subscribe before reading the stored events: an event stored in between arrives here
      // too, and the id check below sends it only once.
      const pending: StoredEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = backend.events.subscribe((stored) => {
        pending.push(stored);
        wake?.();
      });
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        wake?.();
      };
      stream.onAbort(close);
      c.req.raw.signal.addEventListener('abort', close, { once: true });

      let lastSentId = lastEventId === undefined ? undefined : BigInt(lastEventId);
      const send = async (stored: StoredEvent) => {
        const id = BigInt(stored.id);
        if (lastSentId !== undefined && id <= lastSentId) return;
        lastSentId = id;
        await stream.writeSSE({ id: stored.id, event: stored.event.type, data: JSON.stringify(stored.event) });
      };

      try {
        await stream.write('retry: 1000\n\n');
        if (lastEventId === undefined) {
          // An id without data dispatches nothing but becomes the client's Last-Event-ID, so a
          // client whose connection drops before any event arrives still resumes exactly.
          await stream.write(`id: ${await newestEventId(backend)}\n\n`);
        } else {
          const replay = await backend.events.since(lastEventId, { limit: maxReplayEvents });
          if (replay.kind === 'reset') {
            // Live events after the newest stored one follow; the client's id no longer counts
            // (it may be above every id this server will issue for a long while).
            lastSentId = undefined;
            await send({ id: replay.lastEventId, event: resetEvent });
          } else {
            for (const stored of replay.events) {
              if (closed) return;
              await send(stored);
            }
          }
        }
        while (!closed) {
          const next = pending.shift();
          if (next) {
            await send(next);
            continue;
          }
          const woken = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), pingIntervalMs);
            wake = () => {
              clearTimeout(timer);
              resolve(true);
            };
          });
          wake = undefined;
          if (!woken && !closed) await stream.write(': ping\n\n');
        }
      } finally {
        close();
      }
    },
    async (error) => {
      console.error('reachout: the event stream failed', error);
    },
  );
}
