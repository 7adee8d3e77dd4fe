import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReachoutEvent } from '../../src/core/types';
import { createRestProvider } from '../../src/rest';
import type { RestProviderOptions } from '../../src/rest';
import { chats, fixtures } from '../../src/testing';

// The fixture arrays, from `fixtures` (reachout/testing exports no bare arrays).
const { tickets } = fixtures;

const baseUrl = 'http://api.test/api/v1';
const encoder = new TextEncoder();
const ticketUpdated: ReachoutEvent = { type: 'ticket.updated', ticket: tickets[0]! };
const chatUpdated: ReachoutEvent = { type: 'chat.updated', chat: chats[0]! };

/** An open `text/event-stream` answer the test writes to; it errors when the request aborts, as fetch's does. */
function openStream(signal: AbortSignal | undefined) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
    },
  });
  signal?.addEventListener('abort', () => controller.error(signal.reason));
  return {
    response: new Response(body, { headers: { 'Content-Type': 'text/event-stream; charset=utf-8' } }),
    send(text: string) {
      controller.enqueue(encoder.encode(text));
    },
    end() {
      controller.close();
    },
  };
}

type Stream = ReturnType<typeof openStream>;

interface Connection {
  url: string;
  headers: Headers;
  signal: AbortSignal;
  /** Milliseconds since the test started (fake clock). */
  at: number;
}

const start = new Date('2026-03-10T12:00:00.000Z').getTime();

/**
 * Subscribes through a fake fetch. `answer` decides each connection's response (by index); by
 * default every connection gets a fresh open stream, kept in `streams`.
 */
function setup(
  answer?: (index: number, signal: AbortSignal) => Response | Promise<Response> | undefined,
  options: Partial<RestProviderOptions> = {},
) {
  const connections: Connection[] = [];
  const streams: Stream[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const signal = init.signal!;
    connections.push({ url: String(input), headers: new Headers(init.headers), signal, at: Date.now() - start });
    const answered = await answer?.(connections.length - 1, signal);
    if (answered) return answered;
    const stream = openStream(signal);
    streams.push(stream);
    return stream.response;
  }) as typeof globalThis.fetch;
  const provider = createRestProvider({
    baseUrl,
    fetch,
    headers: { Authorization: 'Bearer t' },
    reconnect: { initialDelayMs: 1000, maxDelayMs: 8000 },
    ...options,
  });
  const events: ReachoutEvent[] = [];
  const unsubscribe = provider.subscribe((event) => events.push(event));
  return { connections, streams, events, unsubscribe };
}

/** Lets promise chains and stream reads settle, without moving the fake clock. */
async function settle() {
  for (let round = 0; round < 5; round += 1) await nextMacrotask();
}

/** The waits between consecutive connections. */
function gaps(connections: Connection[]): number[] {
  return connections.slice(1).map((connection, index) => connection.at - connections[index]!.at);
}

function sse(event: ReachoutEvent, id: string): string {
  return `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(start);
  vi.spyOn(Math, 'random').mockReturnValue(0);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('createRestProvider: subscribe', () => {
  it('connects to /events with the auth headers and hands each event to the listener', async () => {
    const { connections, streams, events, unsubscribe } = setup();
    await settle();
    expect(connections).toHaveLength(1);
    expect(connections[0]!.url).toBe(`${baseUrl}/events`);
    expect(connections[0]!.headers.get('Accept')).toBe('text/event-stream');
    expect(connections[0]!.headers.get('Authorization')).toBe('Bearer t');
    expect(connections[0]!.headers.has('Last-Event-ID')).toBe(false);

    streams[0]!.send('retry: 1000\n\n: ping\n\n');
    streams[0]!.send(sse(ticketUpdated, '1'));
    streams[0]!.send(sse(chatUpdated, '2').slice(0, 20));
    await settle();
    expect(events).toEqual([ticketUpdated]);
    streams[0]!.send(sse(chatUpdated, '2').slice(20));
    await settle();
    expect(events).toEqual([ticketUpdated, chatUpdated]);
    unsubscribe();
  });

  it('skips events whose data is not a JSON object with a string type', async () => {
    const { streams, events, unsubscribe } = setup();
    await settle();
    for (const data of ['not json', '{"ticket":{}}', '{"type":42}', '["ticket.updated"]', 'null', '"ticket.updated"']) {
      streams[0]!.send(`data: ${data}\n\n`);
    }
    streams[0]!.send(sse(ticketUpdated, '9'));
    await settle();
    expect(events).toEqual([ticketUpdated]);
    unsubscribe();
  });

  it('reconnects after the stream ends and resumes from the last event id it saw', async () => {
    const { connections, streams, events, unsubscribe } = setup();
    await settle();
    streams[0]!.send(sse(ticketUpdated, '41') + sse(chatUpdated, '42'));
    streams[0]!.end();
    await settle();
    expect(connections).toHaveLength(1);

    // Math.random() is 0: the wait is half the 1000 ms step.
    await vi.advanceTimersByTimeAsync(499);
    expect(connections).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(connections).toHaveLength(2);
    expect(connections[1]!.headers.get('Last-Event-ID')).toBe('42');

    streams[1]!.send(sse(ticketUpdated, '43'));
    await settle();
    expect(events).toEqual([ticketUpdated, chatUpdated, ticketUpdated]);
    unsubscribe();
  });

  it('hands the server’s reset to the listener as { type: "reset" } and resumes after the reset’s id', async () => {
    const { connections, streams, events, unsubscribe } = setup();
    await settle();
    streams[0]!.send('id: 57\nevent: reset\ndata: {"type":"reset","extra":1}\n\n');
    streams[0]!.send(sse(ticketUpdated, '58'));
    await settle();
    expect(events).toEqual([{ type: 'reset' }, ticketUpdated]);

    streams[0]!.end();
    await vi.advanceTimersByTimeAsync(500);
    await settle();
    expect(connections[1]!.headers.get('Last-Event-ID')).toBe('58');
    unsubscribe();
  });

  it('signals reset after reconnecting without an event id, since what changed meanwhile cannot be replayed', async () => {
    const { connections, streams, events, unsubscribe } = setup();
    await settle();
    streams[0]!.send('retry: 1000\n\n');
    streams[0]!.end();
    await vi.advanceTimersByTimeAsync(500);
    await settle();

    expect(connections).toHaveLength(2);
    expect(connections[1]!.headers.has('Last-Event-ID')).toBe(false);
    expect(events).toEqual([{ type: 'reset' }]);
    unsubscribe();
  });

  it('doubles the wait after each failure up to the maximum, and resets it after a connection', async () => {
    const { connections, streams, unsubscribe } = setup((index) =>
      index < 5 || index === 6 ? Promise.reject(new TypeError('fetch failed')) : undefined,
    );
    await settle();
    for (const wait of [500, 1000, 2000, 4000, 4000]) {
      await vi.advanceTimersByTimeAsync(wait);
      await settle();
    }
    expect(connections).toHaveLength(6);
    expect(gaps(connections)).toEqual([500, 1000, 2000, 4000, 4000]);

    // Connection 5 succeeds, stays open a while, then drops: the next wait starts over at 500,
    // and doubles again after the failure that follows.
    await vi.advanceTimersByTimeAsync(20_000);
    streams[0]!.end();
    await settle();
    await vi.advanceTimersByTimeAsync(500);
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    expect(connections).toHaveLength(8);
    expect(gaps(connections).slice(5)).toEqual([20_500, 1000]);
    unsubscribe();
  });

  it('waits between half and all of each step (jitter)', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const { connections, unsubscribe } = setup(() => Promise.reject(new TypeError('fetch failed')));
    await settle();
    for (let step = 0; step < 3; step += 1) {
      await vi.advanceTimersByTimeAsync(8000);
      await settle();
    }
    expect(gaps(connections).slice(0, 2)).toEqual([750, 1500]);
    unsubscribe();
  });

  it("takes the server's retry field as the first wait", async () => {
    const { connections, streams, unsubscribe } = setup();
    await settle();
    streams[0]!.send('retry: 3000\n\n');
    streams[0]!.end();
    await settle();
    await vi.advanceTimersByTimeAsync(1499);
    expect(connections).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(connections).toHaveLength(2);
    unsubscribe();
  });

  it('does not let the retry field bring the first wait under 100 ms', async () => {
    const { connections, streams, unsubscribe } = setup();
    await settle();
    streams[0]!.send('retry: 0\n\n');
    streams[0]!.end();
    await settle();
    await vi.advanceTimersByTimeAsync(49);
    expect(connections).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(connections).toHaveLength(2);
    unsubscribe();
  });

  it('keeps retrying at the maximum wait after a 401, with fresh headers each time', async () => {
    let issued = 0;
    const { connections, events, unsubscribe } = setup(
      (index) =>
        index < 3
          ? new Response(JSON.stringify({ code: 'UNAUTHORIZED' }), { status: 401, headers: { 'Content-Type': 'application/problem+json' } })
          : undefined,
      {
        headers: () => {
          issued += 1;
          return { Authorization: `Bearer token-${issued}` };
        },
      },
    );
    await settle();
    for (let step = 0; step < 3; step += 1) {
      await vi.advanceTimersByTimeAsync(4000);
      await settle();
    }
    expect(gaps(connections)).toEqual([4000, 4000, 4000]);
    expect(connections.map((connection) => connection.headers.get('Authorization'))).toEqual([
      'Bearer token-1',
      'Bearer token-2',
      'Bearer token-3',
      'Bearer token-4',
    ]);
    expect(events).toEqual([]);
    unsubscribe();
  });

  it('retries when the headers function throws, without throwing into the app', async () => {
    let calls = 0;
    const { connections, unsubscribe } = setup(undefined, {
      headers: () => {
        calls += 1;
        if (calls === 1) throw new Error('token store unavailable');
        return { Authorization: 'Bearer ok' };
      },
    });
    await settle();
    expect(connections).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(500);
    await settle();
    expect(connections).toHaveLength(1);
    expect(connections[0]!.headers.get('Authorization')).toBe('Bearer ok');
    unsubscribe();
  });

  it('treats an answer that is not an event stream as a failed connection', async () => {
    const { connections, unsubscribe } = setup((index) => (index < 2 ? new Response('<html></html>', { status: 200 }) : undefined));
    await settle();
    await vi.advanceTimersByTimeAsync(500);
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    expect(gaps(connections)).toEqual([500, 1000]);
    unsubscribe();
  });

  it('stops reading and never reconnects once unsubscribed while connected', async () => {
    const { connections, streams, events, unsubscribe } = setup();
    await settle();
    streams[0]!.send(sse(ticketUpdated, '1'));
    await settle();
    unsubscribe();
    expect(connections[0]!.signal.aborted).toBe(true);
    expect(() => streams[0]!.send(sse(chatUpdated, '2'))).toThrow();
    await vi.advanceTimersByTimeAsync(60_000);
    await settle();
    expect(connections).toHaveLength(1);
    expect(events).toEqual([ticketUpdated]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clears the reconnection timer when unsubscribed while waiting', async () => {
    const { connections, streams, unsubscribe } = setup();
    await settle();
    streams[0]!.end();
    await settle();
    expect(vi.getTimerCount()).toBe(1);
    unsubscribe();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    await settle();
    expect(connections).toHaveLength(1);
  });

  it('delivers nothing and does not reconnect when unsubscribed before fetch answers', async () => {
    let answerLate: (response: Response) => void = () => undefined;
    const late = openStream(undefined);
    const { connections, events, unsubscribe } = setup(
      () =>
        new Promise<Response>((resolve) => {
          answerLate = resolve;
        }),
    );
    await settle();
    unsubscribe();
    expect(connections[0]!.signal.aborted).toBe(true);
    // A fetch that ignores the signal and answers anyway.
    late.send(sse(ticketUpdated, '1'));
    answerLate(late.response);
    await settle();
    await vi.advanceTimersByTimeAsync(60_000);
    await settle();
    expect(events).toEqual([]);
    expect(connections).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps delivering after a listener throws, and reports the error', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failure = new Error('listener bug');
    let current: Stream | undefined;
    const fetch = (async (_input: RequestInfo | URL, init: RequestInit = {}) => {
      current = openStream(init.signal!);
      return current.response;
    }) as typeof globalThis.fetch;
    const received: ReachoutEvent[] = [];
    const unsubscribe = createRestProvider({ baseUrl, fetch }).subscribe((event) => {
      received.push(event);
      if (received.length === 1) throw failure;
    });
    await settle();
    current!.send(sse(ticketUpdated, '1') + sse(chatUpdated, '2'));
    await settle();
    expect(received).toEqual([ticketUpdated, chatUpdated]);
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('listener'), failure);
    unsubscribe();
  });
});
