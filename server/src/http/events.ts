import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ReachoutBackend, StoredEvent } from '../backend';
import { validationError } from './problem';

/** A comment line this often keeps proxies from closing an idle stream. */
const pingIntervalMs = 15_000;

const eventIdPattern = /^[0-9]{1,30}$/;

/**
 * `GET /api/v1/events`: `retry: 1000`, then (with `Last-Event-ID`) every stored event after that
 * id, then live events, each exactly once and in order.
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
        if (lastEventId !== undefined) {
          for (const stored of await backend.events.since(lastEventId)) {
            if (closed) return;
            await send(stored);
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
