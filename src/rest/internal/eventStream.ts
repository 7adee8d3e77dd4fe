import type { ReachoutEvent } from '../../core/types';
import { isRecord } from './errors';
import type { HttpClient } from './http';
import { createSseParser } from './sse';

export interface ReconnectOptions {
  /** The first wait after a dropped or failed connection; a server's `retry` field (at least 100 ms) replaces it. */
  initialDelayMs?: number;
  /** The longest wait; also the wait after a 401 or 403 (credentials may be refreshed meanwhile). */
  maxDelayMs?: number;
}

export const defaultReconnect = { initialDelayMs: 1000, maxDelayMs: 30_000 } as const;
const minimumServerRetryMs = 100;

function toReachoutEvent(data: string): ReachoutEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  // A fresh object: the data layer reads nothing but the type from it.
  if (value.type === 'reset') return { type: 'reset' };
  // The type guard stops at the envelope: widgets check payloads they depend on.
  return value as unknown as ReachoutEvent;
}

function isEventStream(response: Response): boolean {
  return /^text\/event-stream\b/i.test(response.headers.get('Content-Type') ?? '');
}

/**
 * Reads `GET {baseUrl}/events` with fetch and hands each event to `listener`, reconnecting with
 * exponential backoff and jitter (the step doubles from the initial delay up to the maximum and
 * resets after a successful connection; each wait is between half and all of the step) and
 * resuming with `Last-Event-ID`. The server's `reset` event (it cannot replay what was missed)
 * reaches the listener as `{ type: 'reset' }`; so does a reconnection that has no event id to
 * resume from, since whatever changed while it was down is lost. Never throws into the app; the
 * returned function stops it all.
 */
export function openEventStream(
  http: HttpClient,
  reconnect: ReconnectOptions | undefined,
  listener: (event: ReachoutEvent) => void,
): () => void {
  const maxDelayMs = reconnect?.maxDelayMs ?? defaultReconnect.maxDelayMs;
  let initialDelayMs = Math.min(reconnect?.initialDelayMs ?? defaultReconnect.initialDelayMs, maxDelayMs);
  let failures = 0;
  let stopped = false;
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;

  let connectedBefore = false;

  function deliver(event: ReachoutEvent) {
    if (stopped) return;
    try {
      listener(event);
    } catch (error) {
      // One faulty listener must not end the stream; report it like an event listener's error.
      console.error('reachout/rest: a subscribe listener threw', error);
    }
  }

  const parser = createSseParser({
    onEvent(sse) {
      const event = toReachoutEvent(sse.data);
      if (event !== null) deliver(event);
    },
    onRetry(delayMs) {
      // A floor, so that a server sending `retry: 0` cannot make every client hammer it.
      initialDelayMs = Math.min(Math.max(delayMs, minimumServerRetryMs), maxDelayMs);
    },
  });

  function scheduleReconnect(unauthorized: boolean) {
    if (stopped) return;
    const step = unauthorized ? maxDelayMs : Math.min(maxDelayMs, initialDelayMs * 2 ** failures);
    failures += 1;
    const delay = step / 2 + (Math.random() * step) / 2;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
  }

  async function readStream(response: Response) {
    if (!response.body) return;
    const current = response.body.getReader();
    reader = current;
    try {
      for (;;) {
        const { done, value } = await current.read();
        if (done || stopped) return;
        parser.push(value);
      }
    } finally {
      if (reader === current) reader = null;
      current.releaseLock();
    }
  }

  async function connect() {
    const current = new AbortController();
    controller = current;
    let unauthorized = false;
    try {
      const headers = await http.resolveHeaders();
      headers.set('Accept', 'text/event-stream');
      const resuming = parser.lastEventId !== '';
      if (resuming) headers.set('Last-Event-ID', parser.lastEventId);
      if (stopped) return;
      const response = await http.fetch()(http.url(['events']), { method: 'GET', headers, signal: current.signal });
      if (stopped) {
        await response.body?.cancel().catch(() => undefined);
        return;
      }
      if (response.ok && isEventStream(response)) {
        failures = 0;
        parser.reset();
        // Dropped before any event had an id: nothing tells the server where to resume.
        if (connectedBefore && !resuming) deliver({ type: 'reset' });
        connectedBefore = true;
        await readStream(response);
      } else {
        unauthorized = response.status === 401 || response.status === 403;
        await response.body?.cancel().catch(() => undefined);
      }
    } catch {
      // A failed or dropped connection, or a headers function that threw: retried below.
    } finally {
      if (controller === current) controller = null;
    }
    scheduleReconnect(unauthorized);
  }

  void connect();

  return () => {
    if (stopped) return;
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    controller?.abort();
    controller = null;
    // Aborting ends a real fetch's body; cancelling also ends a stream that ignores the signal.
    reader?.cancel().catch(() => undefined);
    reader = null;
  };
}
