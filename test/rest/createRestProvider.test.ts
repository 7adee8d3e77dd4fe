import { afterEach, describe, expect, it, vi } from 'vitest';
import { isAbortError, isReachoutError, ReachoutError } from '../../src/core/errors';
import type { ReachoutErrorCode } from '../../src/core/errors';
import { buildTemplateMessage } from '../../src/core/template';
import type { ContactInput, SendNotificationInput, TemplateParameters } from '../../src/core/types';
import { createRestProvider } from '../../src/rest';
import type { RestProviderOptions } from '../../src/rest';
import { agents, chats, fixtures, senders, templatesByName, timeline } from '../../src/testing';

// The fixture arrays, from `fixtures` (reachout/testing exports no bare arrays).
const { contacts, tickets } = fixtures;

const baseUrl = 'http://api.test/api/v1';

interface RecordedRequest {
  url: string;
  method: string;
  headers: Headers;
  body: BodyInit | null | undefined;
  signal: AbortSignal | null | undefined;
}

type Answer = (request: RecordedRequest) => Response | Promise<Response>;

function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
}

function problem(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });
}

/** A fetch that records every request and answers with `answer`. */
function fakeFetch(answer: Answer = () => json({})) {
  const requests: RecordedRequest[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request: RecordedRequest = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: init.body,
      signal: init.signal,
    };
    requests.push(request);
    return answer(request);
  });
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

function setup(answer?: Answer, options: Partial<RestProviderOptions> = {}) {
  const { fetch, requests } = fakeFetch(answer);
  const provider = createRestProvider({ baseUrl, fetch, ...options });
  return { provider, requests, lastRequest: () => requests.at(-1)! };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

async function reachoutErrorOf(promise: Promise<unknown>): Promise<ReachoutError> {
  const error = await rejectionOf(promise);
  if (!isReachoutError(error)) throw new Error(`expected a ReachoutError, got ${String(error)}`);
  return error;
}

const contact = contacts[0]!;
const ticket = tickets[0]!;
const chat = chats[0]!;
const page = <T>(items: T[]) => ({ items, nextCursor: 'next-1', total: items.length });

const orderUpdate = templatesByName.order_update!;
const orderParameters: TemplateParameters = {
  header: { type: 'text', text: '#10423' },
  body: { '1': 'Ana', '2': 'DHL Express', '3': 'Friday' },
};
const sendInput: SendNotificationInput = {
  idempotencyKey: 'key-0000-0001',
  contactId: contact.id,
  senderId: 'sender-support',
  to: contact.phone,
  template: { id: orderUpdate.id, name: orderUpdate.name, language: orderUpdate.language },
  parameters: orderParameters,
  message: buildTemplateMessage({ to: contact.phone, template: orderUpdate, parameters: orderParameters }),
  ticket: { priority: 'high', assigneeId: 'agent-ana-souza', description: 'Shipping update' },
};

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('createRestProvider: routes', () => {
  it('lists contacts with search, cursor and limit encoded in the query', async () => {
    const { provider, lastRequest } = setup(() => json(page([contact])));
    const result = await provider.listContacts({ search: 'ana lima+1', cursor: 'c/1=2&x', limit: 20 });
    expect(result).toEqual(page([contact]));
    const request = lastRequest();
    expect(request.method).toBe('GET');
    expect(request.url).toBe(`${baseUrl}/contacts?search=ana%20lima%2B1&cursor=c%2F1%3D2%26x&limit=20`);
    expect(request.headers.get('Accept')).toBe('application/json');
    expect(request.body).toBeUndefined();
  });

  it('leaves out undefined, null and empty query values', async () => {
    const { provider, lastRequest } = setup(() => json(page([])));
    await provider.listContacts({ search: '', cursor: null, limit: undefined });
    expect(lastRequest().url).toBe(`${baseUrl}/contacts`);
  });

  it('encodes path segments', async () => {
    const { provider, lastRequest } = setup(() => json(contact));
    expect(await provider.getContact({ id: 'a/b c?d' })).toEqual(contact);
    expect(lastRequest().url).toBe(`${baseUrl}/contacts/a%2Fb%20c%3Fd`);
  });

  it('creates a contact with a JSON body', async () => {
    const input: ContactInput = { name: 'Ana Lima', phone: '+5511987654321', email: 'ana@example.com' };
    const { provider, lastRequest } = setup(() => json(contact, { status: 201 }));
    expect(await provider.createContact({ input })).toEqual(contact);
    const request = lastRequest();
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`${baseUrl}/contacts`);
    expect(request.headers.get('Content-Type')).toBe('application/json');
    expect(JSON.parse(String(request.body))).toEqual(input);
  });

  it('unwraps the senders list', async () => {
    const { provider, lastRequest } = setup(() => json({ items: senders }));
    expect(await provider.listSenders({})).toEqual(senders);
    expect(lastRequest().url).toBe(`${baseUrl}/senders`);
  });

  it("lists a sender's templates", async () => {
    const { provider, lastRequest } = setup(() => json(page([orderUpdate])));
    expect(await provider.listTemplates({ senderId: 'sender 1', search: 'order', cursor: 'abc', limit: 5 })).toEqual(
      page([orderUpdate]),
    );
    expect(lastRequest().url).toBe(`${baseUrl}/senders/sender%201/templates?search=order&cursor=abc&limit=5`);
  });

  it('unwraps the agents list and sends the search', async () => {
    const { provider, lastRequest } = setup(() => json({ items: agents }));
    expect(await provider.listAgents({ search: 'ana' })).toEqual(agents);
    expect(lastRequest().url).toBe(`${baseUrl}/agents?search=ana`);
  });

  it("unwraps a contact's active chat, and null when there is none", async () => {
    let answer: unknown = { chat };
    const { provider, lastRequest } = setup(() => json(answer));
    expect(await provider.getActiveChat({ contactId: 'contact-1' })).toEqual(chat);
    expect(lastRequest().url).toBe(`${baseUrl}/contacts/contact-1/active-chat`);
    answer = { chat: null };
    expect(await provider.getActiveChat({ contactId: 'contact-1' })).toBeNull();
  });

  it('sends a notification with its idempotency key as a header', async () => {
    const { provider, lastRequest } = setup(() => json(ticket, { status: 201 }));
    expect(await provider.sendNotification({ input: sendInput })).toEqual(ticket);
    const request = lastRequest();
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`${baseUrl}/notifications`);
    expect(request.headers.get('Idempotency-Key')).toBe('key-0000-0001');
    expect(request.headers.get('Content-Type')).toBe('application/json');
    expect(JSON.parse(String(request.body))).toEqual(sendInput);
  });

  it('gets a ticket', async () => {
    const { provider, lastRequest } = setup(() => json(ticket));
    expect(await provider.getTicket({ id: ticket.id })).toEqual(ticket);
    expect(lastRequest().url).toBe(`${baseUrl}/tickets/${ticket.id}`);
  });

  it.each([
    ['listTickets', 'tickets', tickets],
    ['listTimeline', 'timeline', timeline],
    ['listChats', 'chats', chats],
  ] as const)('%s pages through /contacts/{id}/%s', async (method, route, items) => {
    const expected = page<unknown>([...items]);
    const { provider, lastRequest } = setup(() => json(expected));
    expect(await provider[method]({ contactId: 'contact 7', cursor: 'k', limit: 10 })).toEqual(expected);
    expect(lastRequest().method).toBe('GET');
    expect(lastRequest().url).toBe(`${baseUrl}/contacts/contact%207/${route}?cursor=k&limit=10`);
  });

  it('uploads media as multipart form data, leaving the Content-Type to fetch', async () => {
    const url = 'http://api.test/media/m1';
    const { provider, lastRequest } = setup(() => json({ url }, { status: 201 }), {
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t' },
    });
    const file = new Blob(['avatar bytes'], { type: 'image/png' });
    expect(await provider.uploadMedia({ file, purpose: 'avatar' })).toEqual({ url });
    const request = lastRequest();
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`${baseUrl}/media`);
    expect(request.headers.get('Content-Type')).toBeNull();
    expect(request.headers.get('Authorization')).toBe('Bearer t');
    expect(request.body).toBeInstanceOf(FormData);
    const form = request.body as FormData;
    expect(form.get('purpose')).toBe('avatar');
    const sent = form.get('file');
    expect(sent).toBeInstanceOf(Blob);
    expect(await (sent as Blob).text()).toBe('avatar bytes');
  });

  it.each(['http://api.test/api/v1/', 'http://api.test/api/v1//'])('ignores trailing slashes in baseUrl %s', async (base) => {
    const { provider, lastRequest } = setup(() => json({ items: [] }), { baseUrl: base });
    await provider.listSenders({});
    expect(lastRequest().url).toBe('http://api.test/api/v1/senders');
  });

  it('accepts a base URL relative to the page', async () => {
    const { provider, lastRequest } = setup(() => json(ticket), { baseUrl: '/api/v1' });
    await provider.getTicket({ id: 't1' });
    expect(lastRequest().url).toBe('/api/v1/tickets/t1');
  });
});

describe('createRestProvider: headers and fetch', () => {
  it('sends static headers with every request', async () => {
    const { provider, requests } = setup(() => json({ items: [] }), { headers: new Headers({ Authorization: 'Bearer fixed' }) });
    await provider.listSenders({});
    await provider.listAgents({});
    expect(requests.map((request) => request.headers.get('Authorization'))).toEqual(['Bearer fixed', 'Bearer fixed']);
  });

  it('calls an async headers function before every request', async () => {
    let issued = 0;
    const headers = vi.fn(async () => {
      issued += 1;
      return { Authorization: `Bearer token-${issued}` };
    });
    const { provider, requests } = setup(() => json({ items: [] }), { headers });
    await provider.listSenders({});
    await provider.listAgents({ search: 'x' });
    expect(headers).toHaveBeenCalledTimes(2);
    expect(requests.map((request) => request.headers.get('Authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('keeps Accept and the idempotency key even when the host headers set them', async () => {
    const { provider, lastRequest } = setup(() => json(ticket), {
      headers: () => [
        ['Accept', 'text/html'],
        ['Idempotency-Key', 'stale'],
      ],
    });
    await provider.sendNotification({ input: sendInput });
    expect(lastRequest().headers.get('Accept')).toBe('application/json');
    expect(lastRequest().headers.get('Idempotency-Key')).toBe(sendInput.idempotencyKey);
  });

  it('rejects with the ReachoutError a headers function throws', async () => {
    const { provider, requests } = setup(undefined, {
      headers: () => {
        throw new ReachoutError('UNAUTHORIZED', 'Sign in again');
      },
    });
    const error = await reachoutErrorOf(provider.getTicket({ id: 't1' }));
    expect(error.code).toBe('UNAUTHORIZED');
    expect(requests).toHaveLength(0);
  });

  it('wraps anything else a headers function throws as UNKNOWN with its cause', async () => {
    const failure = new Error('token store unavailable');
    const { provider } = setup(undefined, { headers: () => Promise.reject(failure) });
    const error = await reachoutErrorOf(provider.getTicket({ id: 't1' }));
    expect(error.code).toBe('UNKNOWN');
    expect(error.message).toBe('Could not prepare the request headers');
    expect(error.cause).toBe(failure);
  });

  it('looks up globalThis.fetch at call time when no fetch is given', async () => {
    const provider = createRestProvider({ baseUrl });
    const { fetch, requests } = fakeFetch(() => json(ticket));
    vi.stubGlobal('fetch', fetch);
    expect(await provider.getTicket({ id: 't1' })).toEqual(ticket);
    expect(requests).toHaveLength(1);
  });

  it('calls fetch unbound, as browsers require of window.fetch', async () => {
    const receivers: unknown[] = [];
    const fetch = function (this: unknown) {
      receivers.push(this);
      return Promise.resolve(json(ticket));
    } as unknown as typeof globalThis.fetch;
    await createRestProvider({ baseUrl, fetch }).getTicket({ id: 't1' });
    expect(receivers).toEqual([undefined]);
  });
});

describe('createRestProvider: errors', () => {
  it('reads code, detail and the string field errors of a problem+json answer', async () => {
    const { provider } = setup(() =>
      problem(409, {
        type: 'https://reachout.dev/problems/conflict',
        title: 'Conflict',
        status: 409,
        detail: 'A contact with this phone already exists',
        code: 'CONFLICT',
        fieldErrors: { phone: 'A contact with this phone already exists', name: 42, email: { nested: true } },
      }),
    );
    const error = await reachoutErrorOf(provider.createContact({ input: { name: 'A', phone: '+5511987654321' } }));
    expect(error).toBeInstanceOf(ReachoutError);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('A contact with this phone already exists');
    expect(error.fieldErrors).toEqual({ phone: 'A contact with this phone already exists' });
  });

  it("prefers the body's code to the status", async () => {
    const { provider } = setup(() => problem(409, { code: 'ACTIVE_CHAT', detail: 'The contact has an active chat' }));
    const error = await reachoutErrorOf(provider.sendNotification({ input: sendInput }));
    expect(error.code).toBe('ACTIVE_CHAT');
    expect(error.fieldErrors).toBeUndefined();
  });

  it.each<[number, ReachoutErrorCode]>([
    [400, 'VALIDATION'],
    [401, 'UNAUTHORIZED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [413, 'VALIDATION'],
    [415, 'VALIDATION'],
    [422, 'INVALID_NUMBER'],
    [429, 'RATE_LIMITED'],
    [418, 'UNKNOWN'],
    [500, 'UNKNOWN'],
    [502, 'NETWORK'],
    [503, 'UNKNOWN'],
  ])('maps status %i without a code to %s', async (status, code) => {
    const { provider } = setup(() => problem(status, { title: 'Something' }));
    expect((await reachoutErrorOf(provider.getTicket({ id: 't1' }))).code).toBe(code);
  });

  it('maps an unknown code by the status', async () => {
    const { provider } = setup(() => problem(404, { code: 'TEAPOT', detail: 'No such ticket' }));
    const error = await reachoutErrorOf(provider.getTicket({ id: 't1' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('No such ticket');
  });

  it('falls back to the title, then to the status, for the message', async () => {
    let body: Record<string, unknown> = { title: 'Not Found', detail: '' };
    const { provider } = setup(() => problem(404, body));
    expect((await reachoutErrorOf(provider.getTicket({ id: 't1' }))).message).toBe('Not Found');
    body = { detail: { reason: 'structured' }, title: ['not', 'a', 'string'] };
    const error = await reachoutErrorOf(provider.getTicket({ id: 't1' }));
    expect(error.message).toBe('The server answered 404 Not Found');
    expect(error.message).not.toContain('[object Object]');
  });

  it('maps an error answer with an empty body by its status', async () => {
    const { provider } = setup(() => new Response(null, { status: 401 }));
    const error = await reachoutErrorOf(provider.listSenders({}));
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toBe('The server answered 401 Unauthorized');
  });

  it('answers UNKNOWN naming the status when an error body is not JSON', async () => {
    const { provider } = setup(
      () => new Response('<html><body>Bad gateway</body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    );
    const error = await reachoutErrorOf(provider.listContacts({}));
    expect(error.code).toBe('UNKNOWN');
    expect(error.message).toBe('The server answered 502 Bad Gateway');
  });

  it("uses the answer's own status text when it has one", async () => {
    const { provider } = setup(() => new Response('nope', { status: 599, statusText: 'Custom Failure' }));
    expect((await reachoutErrorOf(provider.listContacts({}))).message).toBe('The server answered 599 Custom Failure');
  });

  it('reads Retry-After in seconds', async () => {
    const { provider } = setup(() => problem(429, { code: 'RATE_LIMITED', detail: 'Slow down' }, { 'Retry-After': '7' }));
    const error = await reachoutErrorOf(provider.sendNotification({ input: sendInput }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterMs).toBe(7000);
  });

  it('reads Retry-After as an HTTP date', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T12:00:00.000Z'));
    const { provider } = setup(() => problem(429, {}, { 'Retry-After': 'Tue, 10 Mar 2026 12:00:45 GMT' }));
    const error = await reachoutErrorOf(provider.listContacts({}));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterMs).toBe(45_000);
  });

  it('treats a Retry-After date in the past as no wait, and ignores one it cannot read', async () => {
    let retryAfter = 'Mon, 09 Mar 2026 12:00:00 GMT';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T12:00:00.000Z'));
    const { provider } = setup(() => problem(429, {}, { 'Retry-After': retryAfter }));
    expect((await reachoutErrorOf(provider.listContacts({}))).retryAfterMs).toBe(0);
    retryAfter = 'soon';
    expect((await reachoutErrorOf(provider.listContacts({}))).retryAfterMs).toBeUndefined();
  });

  it("prefers the body's retryAfterMs to the header", async () => {
    const { provider } = setup(() => problem(429, { code: 'RATE_LIMITED', retryAfterMs: 1500 }, { 'Retry-After': '2' }));
    expect((await reachoutErrorOf(provider.listContacts({}))).retryAfterMs).toBe(1500);
  });

  it('answers NETWORK with the cause when fetch cannot reach the server', async () => {
    const failure = new TypeError('fetch failed');
    const { provider } = setup(() => Promise.reject(failure));
    const error = await reachoutErrorOf(provider.listContacts({}));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toMatch(/^Cannot reach the server/);
    expect(error.cause).toBe(failure);
  });

  it('answers UNKNOWN when a successful answer is not JSON', async () => {
    const { provider } = setup(() => new Response('<!doctype html><title>App</title>', { status: 200 }));
    const error = await reachoutErrorOf(provider.getContact({ id: 'c1' }));
    expect(error.code).toBe('UNKNOWN');
    expect(error.message).toBe('The server answered 200 OK with a body that is not JSON');
  });

  it.each([
    ['listSenders', { senders: [] }],
    ['getActiveChat', {}],
    ['listContacts', { items: 'none' }],
    ['getContact', [contact]],
  ] as const)('answers UNKNOWN naming %s when the answer has the wrong shape', async (method, answer) => {
    const { provider } = setup(() => json(answer));
    const calls = {
      listSenders: () => provider.listSenders({}),
      getActiveChat: () => provider.getActiveChat({ contactId: 'c1' }),
      listContacts: () => provider.listContacts({}),
      getContact: () => provider.getContact({ id: 'c1' }),
    };
    const error = await reachoutErrorOf(calls[method]());
    expect(error.code).toBe('UNKNOWN');
    expect(error.message).toContain(method);
  });
});

describe('createRestProvider: abort', () => {
  /** Like a real fetch: rejects with the signal's reason once it aborts. */
  const hangUntilAborted: Answer = ({ signal }) =>
    new Promise<Response>((_resolve, reject) => {
      signal?.addEventListener('abort', () => reject(signal.reason as Error));
    });

  it('rejects with an AbortError, without fetching, when the signal is already aborted', async () => {
    const { provider, requests } = setup();
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(provider.listContacts({}, { signal: controller.signal }));
    expect(isAbortError(error)).toBe(true);
    expect(isReachoutError(error)).toBe(false);
    expect(requests).toHaveLength(0);
  });

  it('passes the signal to fetch and rejects with an AbortError when it fires mid-request', async () => {
    const { provider, requests } = setup(hangUntilAborted);
    const controller = new AbortController();
    const pending = rejectionOf(provider.listContacts({ search: 'a' }, { signal: controller.signal }));
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]!.signal).toBe(controller.signal);
    controller.abort();
    const error = await pending;
    expect(isAbortError(error)).toBe(true);
    expect(isReachoutError(error)).toBe(false);
  });

  it('rejects with an AbortError even when the signal was aborted with another reason', async () => {
    const { provider } = setup(hangUntilAborted);
    const controller = new AbortController();
    const pending = rejectionOf(provider.getTicket({ id: 't1' }, { signal: controller.signal }));
    await Promise.resolve();
    controller.abort(new Error('navigated away'));
    const error = await pending;
    expect(isAbortError(error)).toBe(true);
    expect(isReachoutError(error)).toBe(false);
  });

  it('does not fetch when the signal fires while the headers are being prepared', async () => {
    let releaseHeaders: (headers: HeadersInit) => void = () => undefined;
    const { provider, requests } = setup(undefined, {
      headers: () =>
        new Promise<HeadersInit>((resolve) => {
          releaseHeaders = resolve;
        }),
    });
    const controller = new AbortController();
    const pending = rejectionOf(provider.getTicket({ id: 't1' }, { signal: controller.signal }));
    controller.abort();
    releaseHeaders({ Authorization: 'Bearer late' });
    expect(isAbortError(await pending)).toBe(true);
    expect(requests).toHaveLength(0);
  });
});
