import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReachoutEvent } from 'reachout/core';
import { maxReplayEvents } from '../../../server/src/http/events';
import { contactNamed, createTestApp, token } from './helpers';
import { eventsAfter } from '../eventReplay';

interface ReceivedEvent {
  id: string;
  event: string;
  data: ReachoutEvent;
}

/** Reads a `text/event-stream` answer block by block (Node 24 has no EventSource). */
class EventStreamReader {
  readonly retries: number[] = [];
  readonly comments: string[] = [];
  /** Ids of blocks without data (they set the client's Last-Event-ID and dispatch nothing). */
  readonly bareIds: string[] = [];
  private readonly events: ReceivedEvent[] = [];
  private buffer = '';
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private readonly pump: Promise<void>;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
    this.pump = this.read();
  }

  private async read(): Promise<void> {
    try {
      for (;;) {
        const { done, value } = await this.reader.read();
        if (done) return;
        this.buffer += this.decoder.decode(value, { stream: true });
        let end = this.buffer.indexOf('\n\n');
        while (end !== -1) {
          this.parseBlock(this.buffer.slice(0, end));
          this.buffer = this.buffer.slice(end + 2);
          end = this.buffer.indexOf('\n\n');
        }
      }
    } catch {
      // The test aborted the request.
    }
  }

  private parseBlock(block: string): void {
    const fields: Record<string, string> = {};
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments.push(line.slice(1).trim());
        continue;
      }
      const colon = line.indexOf(':');
      const name = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      fields[name] = fields[name] === undefined ? value : `${fields[name]}\n${value}`;
    }
    if (fields.retry !== undefined) this.retries.push(Number(fields.retry));
    if (fields.id !== undefined && fields.data === undefined) this.bareIds.push(fields.id);
    if (fields.data !== undefined) {
      this.events.push({ id: fields.id ?? '', event: fields.event ?? 'message', data: JSON.parse(fields.data) as ReachoutEvent });
    }
  }

  /** Waits until `count` events have arrived, and returns all of them. */
  async waitForEvents(count: number): Promise<ReceivedEvent[]> {
    await vi.waitFor(() => expect(this.events.length).toBeGreaterThanOrEqual(count), { timeout: 5000, interval: 10 });
    return [...this.events];
  }

  received(): ReceivedEvent[] {
    return [...this.events];
  }

  async close(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
    await this.pump;
  }
}

let server: ServerType | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => {
    if (!server) return resolve();
    server.close(() => resolve());
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
  server = undefined;
});

async function startServer(options: Parameters<typeof createTestApp>[0] = {}) {
  const test = createTestApp(options);
  let activeListeners = 0;
  const subscribe = test.backend.events.subscribe.bind(test.backend.events);
  test.backend.events.subscribe = (listener) => {
    activeListeners += 1;
    const unsubscribe = subscribe(listener);
    return () => {
      activeListeners -= 1;
      unsubscribe();
    };
  };
  const started = serve({ fetch: test.app.fetch, port: 0, hostname: '127.0.0.1' });
  server = started;
  await new Promise<void>((resolve) => {
    if (started.listening) resolve();
    else started.once('listening', () => resolve());
  });
  const { port } = started.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const connect = async (lastEventId?: string) => {
    const controller = new AbortController();
    const response = await fetch(`${baseUrl}/api/v1/events`, {
      headers: { Authorization: `Bearer ${token}`, ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('text/event-stream');
    if (!response.body) throw new Error('The event stream has no body');
    const reader = new EventStreamReader(response.body);
    return {
      reader,
      disconnect: async () => {
        controller.abort();
        await reader.close();
      },
    };
  };
  return { ...test, connect, listenerCount: () => activeListeners };
}

describe('GET /api/v1/events', () => {
  it('sends retry first, then live events with id, event and data', async () => {
    const { connect, postJson, listenerCount } = await startServer();
    const { reader, disconnect } = await connect();
    await vi.waitFor(() => expect(listenerCount()).toBe(1));

    const oscar = contactNamed('Oscar Wilde');
    expect((await postJson(`/api/v1/simulator/contacts/${oscar.id}/reply`, { text: 'Hi' })).status).toBe(204);
    // A reply: the chat's new window, its timeline entry and the inbound message.
    const events = await reader.waitForEvents(3);
    expect(reader.retries).toEqual([1000]);
    expect(events.map((event) => event.event).sort()).toEqual(['chat.updated', 'message.added', 'timeline.added']);
    for (const event of events) expect(event.data.type).toBe(event.event);
    expect(Number(events[1]?.id)).toBeGreaterThan(Number(events[0]?.id));

    await disconnect();
    await vi.waitFor(() => expect(listenerCount()).toBe(0));
  });

  it('replays the events sent while disconnected exactly once, in order, then goes on live', async () => {
    const { backend, connect, postJson, listenerCount } = await startServer();
    const first = await connect();
    await vi.waitFor(() => expect(listenerCount()).toBe(1));
    await postJson(`/api/v1/simulator/contacts/${contactNamed('Oscar Wilde').id}/reply`, { text: 'One' });
    const seen = await first.reader.waitForEvents(3);
    const lastSeenId = seen[seen.length - 1]?.id ?? '';
    await first.disconnect();
    await vi.waitFor(() => expect(listenerCount()).toBe(0));

    // While nobody listens: a reply (3 events) and a new contact.
    await postJson(`/api/v1/simulator/contacts/${contactNamed('Paula Souza').id}/reply`, { text: 'Two' });
    const created = await postJson('/api/v1/contacts', { name: 'Quinn Offline', phone: '+14155550177' });
    expect(created.status).toBe(201);

    const missed = await eventsAfter(backend, lastSeenId);
    expect(missed.map((stored) => stored.event.type)).toEqual(
      expect.arrayContaining(['chat.updated', 'timeline.added', 'contact.created']),
    );

    const second = await connect(lastSeenId);
    const replayed = await second.reader.waitForEvents(missed.length);
    expect(replayed.map((event) => [event.id, event.event])).toEqual(
      missed.map((stored) => [stored.id, stored.event.type]),
    );
    expect(Number(replayed[0]?.id)).toBe(Number(lastSeenId) + 1);

    await postJson(`/api/v1/simulator/contacts/${contactNamed('Ana Lima').id}/reply`, { text: 'Three' });
    const all = await second.reader.waitForEvents(missed.length + 3);
    const ids = all.map((event) => Number(event.id));
    expect(ids).toEqual([...new Set(ids)].sort((left, right) => left - right));
    expect(ids).toHaveLength(missed.length + 3);
    expect(all.slice(-3).map((event) => event.event).sort()).toEqual(['chat.updated', 'message.added', 'timeline.added']);
    await second.disconnect();
  });

  it.each([
    ['stored after the replay was read (only the live listener has them)', 'after'],
    ['stored before the replay was read (both the replay and the listener have them)', 'before'],
  ] as const)('sends events %s exactly once', async (_name, when) => {
    const { app, backend, postJson } = createTestApp();
    await postJson(`/api/v1/simulator/contacts/${contactNamed('Oscar Wilde').id}/reply`, { text: 'Earlier' });
    const since = backend.events.since.bind(backend.events);
    const createDuringReplay = () =>
      backend.provider.createContact({ input: { name: 'Race Condition', phone: '+14155550188' } });
    backend.events.since = async (lastEventId, options) => {
      if (when === 'before') await createDuringReplay();
      const stored = await since(lastEventId, options);
      if (when === 'after') await createDuringReplay();
      return stored;
    };

    const controller = new AbortController();
    const response = await app.request('/api/v1/events', {
      headers: { Authorization: `Bearer ${token}`, 'Last-Event-ID': '0' },
      signal: controller.signal,
    });
    if (!response.body) throw new Error('The event stream has no body');
    const reader = new EventStreamReader(response.body);
    // 3 from the reply, 2 (contact.created, timeline.added) from the contact made during the replay.
    await reader.waitForEvents(5);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const ids = reader.received().map((event) => event.id);
    expect(ids).toEqual(['1', '2', '3', '4', '5']);
    controller.abort();
    await reader.close();
  });

  it('starts a stream without Last-Event-ID with the newest id, so a client that drops before any event resumes exactly', async () => {
    const { connect, postJson, listenerCount } = await startServer();
    await postJson(`/api/v1/simulator/contacts/${contactNamed('Oscar Wilde').id}/reply`, { text: 'Before' });
    const first = await connect();
    await vi.waitFor(() => expect(first.reader.bareIds).toEqual(['3']));
    expect(first.reader.received()).toEqual([]);
    await first.disconnect();
    await vi.waitFor(() => expect(listenerCount()).toBe(0));

    await postJson(`/api/v1/simulator/contacts/${contactNamed('Paula Souza').id}/reply`, { text: 'While away' });
    const second = await connect(first.reader.bareIds[0]);
    const missed = await second.reader.waitForEvents(3);
    expect(missed.map((event) => event.id)).toEqual(['4', '5', '6']);
    await second.disconnect();
  });

  it('starts with id 0 when nothing was ever stored', async () => {
    const { connect } = await startServer();
    const { reader, disconnect } = await connect();
    await vi.waitFor(() => expect(reader.bareIds).toEqual(['0']));
    await disconnect();
  });

  it.each([
    ['above every stored id (the database was reset)', '999'],
    ['of 16 digits', '1234567890123456'],
    ['of 30 digits', '123456789012345678901234567890'],
  ])('answers a Last-Event-ID %s with reset, then goes on live', async (_case, lastEventId) => {
    const { connect, postJson, listenerCount } = await startServer();
    await postJson(`/api/v1/simulator/contacts/${contactNamed('Oscar Wilde').id}/reply`, { text: 'Before' });
    const { reader, disconnect } = await connect(lastEventId);
    await vi.waitFor(() => expect(listenerCount()).toBe(1));

    const [reset] = await reader.waitForEvents(1);
    expect(reset).toEqual({ id: '3', event: 'reset', data: { type: 'reset' } });
    await postJson(`/api/v1/simulator/contacts/${contactNamed('Paula Souza').id}/reply`, { text: 'After' });
    const events = await reader.waitForEvents(4);
    expect(events.slice(1).map((event) => event.event).sort()).toEqual(['chat.updated', 'message.added', 'timeline.added']);
    expect(events.slice(1).map((event) => event.id).sort()).toEqual(['4', '5', '6']);
    await disconnect();
  });

  it('sends reset instead of the events it no longer has', async () => {
    const { connect, postJson } = await startServer({ backend: { maxStoredEvents: 3 } });
    for (const name of ['Oscar Wilde', 'Paula Souza', 'Ana Lima']) {
      await postJson(`/api/v1/simulator/contacts/${contactNamed(name).id}/reply`, { text: 'Hi' });
    }

    const { reader, disconnect } = await connect('1');

    expect(await reader.waitForEvents(1)).toEqual([{ id: '9', event: 'reset', data: { type: 'reset' } }]);
    await disconnect();
  });

  it(`replays at most ${maxReplayEvents} events, and sends reset instead of more`, async () => {
    const { backend, connect } = await startServer();
    const contacts = Math.ceil((maxReplayEvents + 1) / 2);
    for (let index = 0; index < contacts; index += 1) {
      // Two events each: contact.created and timeline.added.
      await backend.provider.createContact({ input: { name: `Replay ${index}`, phone: `+1415555${String(2000 + index)}` } });
    }
    const newest = contacts * 2;

    const tooMany = await connect(String(newest - maxReplayEvents - 1));
    expect(await tooMany.reader.waitForEvents(1)).toEqual([{ id: String(newest), event: 'reset', data: { type: 'reset' } }]);
    await tooMany.disconnect();

    const justEnough = await connect(String(newest - maxReplayEvents));
    const replayed = await justEnough.reader.waitForEvents(maxReplayEvents);
    expect(replayed).toHaveLength(maxReplayEvents);
    expect(replayed[0]?.id).toBe(String(newest - maxReplayEvents + 1));
    expect(replayed.at(-1)?.id).toBe(String(newest));
    await justEnough.disconnect();
  });

  it('answers 400 VALIDATION for a Last-Event-ID that is not an event id', async () => {
    const { request } = createTestApp();
    const response = await request('/api/v1/events', { headers: { 'Last-Event-ID': 'yesterday' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
  });
});
