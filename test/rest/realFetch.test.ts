// The adapter over Node's own fetch and a real HTTP server: streaming, multipart and aborts as
// the platform does them, not as a fake imitates them.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isAbortError, isReachoutError } from '../../src/core/errors';
import type { ReachoutEvent } from '../../src/core/types';
import { createRestProvider } from '../../src/rest';
import { fixtures } from '../../src/testing';

// The fixture arrays, from `fixtures` (reachout/testing exports no bare arrays).
const { tickets } = fixtures;

const ticketUpdated: ReachoutEvent = { type: 'ticket.updated', ticket: tickets[0]! };
const resumedFrom: Array<string | undefined> = [];
const openResponses = new Set<ServerResponse>();

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/api/v1/contacts') {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ items: [], nextCursor: null, search: url.searchParams.get('search') }));
  } else if (url.pathname === '/api/v1/media') {
    const body = await bodyOf(request);
    const multipart = /^multipart\/form-data; boundary=/.test(request.headers['content-type'] ?? '');
    const hasParts = body.includes('name="purpose"') && body.includes('template-header') && body.includes('name="file"');
    response.writeHead(multipart && hasParts ? 201 : 400, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ url: 'http://localhost/media/m1' }));
  } else if (url.pathname === '/api/v1/events') {
    const lastEventId = request.headers['last-event-id'];
    resumedFrom.push(typeof lastEventId === 'string' ? lastEventId : undefined);
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    const nextId = Number(lastEventId ?? 0) + 1;
    response.write(`retry: 1\n: ping\n\nid: ${nextId}\nevent: ticket.updated\n`);
    // The data line in two writes: the client must put the pieces together.
    response.write(`data: ${JSON.stringify(ticketUpdated).slice(0, 10)}`);
    setImmediate(() => response.end(`${JSON.stringify(ticketUpdated).slice(10)}\n\n`));
  } else if (url.pathname === '/api/v1/tickets/slow') {
    openResponses.add(response);
    response.on('close', () => openResponses.delete(response));
  } else {
    response.writeHead(404, { 'Content-Type': 'application/problem+json' });
    response.end(JSON.stringify({ title: 'Not Found', status: 404, code: 'NOT_FOUND', detail: 'No such route' }));
  }
}

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});

afterAll(async () => {
  for (const response of openResponses) response.destroy();
  // fetch keeps connections alive: close them, or close() waits for their idle timeout.
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('createRestProvider over a real fetch', () => {
  it('sends the query the server reads back', async () => {
    const page = await createRestProvider({ baseUrl }).listContacts({ search: 'ana lima+1' });
    expect(page).toMatchObject({ items: [], nextCursor: null, search: 'ana lima+1' });
  });

  it('uploads a multipart body with both parts', async () => {
    const provider = createRestProvider({ baseUrl });
    const file = new File(['GIF89a'], 'header.gif', { type: 'image/gif' });
    expect(await provider.uploadMedia({ file, purpose: 'template-header' })).toEqual({ url: 'http://localhost/media/m1' });
  });

  it('maps a problem answer', async () => {
    const error = await createRestProvider({ baseUrl })
      .getTicket({ id: 'missing' })
      .catch((caught: unknown) => caught);
    expect(isReachoutError(error) && error.code).toBe('NOT_FOUND');
  });

  it('rejects with an AbortError when a pending request is aborted', async () => {
    const controller = new AbortController();
    const pending = createRestProvider({ baseUrl })
      .getTicket({ id: 'slow' }, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    await vi.waitFor(() => expect(openResponses.size).toBe(1));
    controller.abort();
    const error = await pending;
    expect(isAbortError(error)).toBe(true);
    expect(isReachoutError(error)).toBe(false);
  });

  it('answers NETWORK when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await createRestProvider({ baseUrl: `http://127.0.0.1:${port}/api/v1` })
      .listSenders({})
      .catch((caught: unknown) => caught);
    expect(isReachoutError(error) && error.code).toBe('NETWORK');
  });

  it('streams events, reconnects and resumes from the last id', async () => {
    resumedFrom.length = 0;
    const events: ReachoutEvent[] = [];
    const unsubscribe = createRestProvider({ baseUrl, reconnect: { initialDelayMs: 1, maxDelayMs: 5 } }).subscribe((event) =>
      events.push(event),
    );
    await vi.waitFor(() => expect(events.length).toBeGreaterThanOrEqual(3));
    unsubscribe();
    expect(events.slice(0, 3)).toEqual([ticketUpdated, ticketUpdated, ticketUpdated]);
    expect(resumedFrom.slice(0, 3)).toEqual([undefined, '1', '2']);
  });
});
