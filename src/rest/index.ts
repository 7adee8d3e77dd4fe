// reachout/rest: a ReachoutDataProvider over the documented HTTP API (docs/http-api.md). Core only.
import { ReachoutError } from '../core/errors';
import type { ReachoutDataProvider } from '../core/provider';
import type {
  Agent,
  Campaign,
  CampaignPreflight,
  CampaignRecipient,
  Chat,
  Contact,
  ContactImportResult,
  Message,
  MessageTemplate,
  Page,
  Sender,
  Ticket,
  TimelineEvent,
} from '../core/types';
import { isRecord } from './internal/errors';
import { openEventStream } from './internal/eventStream';
import { createHttpClient } from './internal/http';
import type { HeadersOption, HttpRequest } from './internal/http';

export interface RestProviderOptions {
  /**
   * Where the API lives, base path included: `'https://api.example.com/api/v1'`, or `'/api/v1'`
   * on the page's own origin.
   */
  baseUrl: string;
  /**
   * The `fetch` to use (a wrapper, a mock in tests).
   * @default globalThis.fetch, looked up at each call
   */
  fetch?: typeof fetch;
  /**
   * Headers sent with every request, e.g. `Authorization`: anything `new Headers()` takes, or a
   * function answering that (sync or async). A function is called before each
   * request (and each event-stream connection), so it can hand out a fresh token.
   */
  headers?: HeadersOption;
  /**
   * Backoff of the live-update connection (`subscribe`) after it drops or fails: each wait is
   * between half and all of a step that doubles from `initialDelayMs` to `maxDelayMs`, and starts
   * over once a connection succeeds. After a 401 or 403 it keeps trying at `maxDelayMs`.
   */
  reconnect?: {
    /**
     * The first step. The server's `retry` field, when it sends one, replaces it.
     * @default 1000
     */
    initialDelayMs?: number;
    /** @default 30000 */
    maxDelayMs?: number;
  };
}

type ShapeCheck = (value: unknown) => boolean;

const isObject: ShapeCheck = isRecord;
const isPage: ShapeCheck = (value) => isRecord(value) && Array.isArray(value.items);

/** The methods `createRestProvider` offers: every provider method, the optional ones included. */
export type RestDataProvider = Required<ReachoutDataProvider>;

const isCampaign: ShapeCheck = (value) => isRecord(value) && typeof value.id === 'string' && isRecord(value.counts);

/**
 * A data provider that talks to a backend implementing the Reachout HTTP API
 * (`docs/http-api.md`, `reachout/openapi.json`), such as the reference server. Every method
 * passes the caller's `signal` on to `fetch` and rejects with a `ReachoutError` whose `code`
 * comes from the server's `application/problem+json` answer (or from its status), `NETWORK`
 * when the server cannot be reached, or with an `AbortError` when the call was aborted.
 * `subscribe` reads the live event stream (Server-Sent Events over `fetch`, so headers such as
 * a bearer token are sent), reconnects with backoff and resumes from the last event it saw;
 * when the server cannot replay what was missed (or there is no event id to resume from) the
 * listener gets `{ type: 'reset' }`, which `<ReachoutProvider>` turns into a refetch of everything.
 *
 * @example
 * // createRestProvider comes from the `reachout/rest` entry.
 * const dataProvider = createRestProvider({
 *   baseUrl: 'https://support.example.com/api/v1',
 *   headers: async () => ({ Authorization: `Bearer ${await auth.getAccessToken()}` }),
 * });
 *
 * <ReachoutProvider dataProvider={dataProvider} locale="en">...</ReachoutProvider>
 */
export function createRestProvider(options: RestProviderOptions): RestDataProvider {
  const http = createHttpClient(options);

  async function call<T>(method: string, request: HttpRequest, looksRight: ShapeCheck): Promise<T> {
    const body = await http.request(request);
    if (!looksRight(body)) {
      throw new ReachoutError('UNKNOWN', `The server's answer to ${method} is not the shape the Reachout HTTP API describes`);
    }
    // Only the envelope is checked here: the data layer checks the objects' shapes in development.
    return body as T;
  }

  async function unwrap<Key extends string, T>(method: string, request: HttpRequest, key: Key, looksRight: ShapeCheck): Promise<T> {
    const body = await call<Record<Key, T>>(method, request, (value) => isRecord(value) && looksRight(value[key]));
    return body[key];
  }

  return {
    listContacts: ({ search, cursor, limit }, context) =>
      call<Page<Contact>>(
        'listContacts',
        { method: 'GET', path: ['contacts'], query: { search, cursor, limit }, signal: context?.signal },
        isPage,
      ),

    getContact: ({ id }, context) =>
      call<Contact>('getContact', { method: 'GET', path: ['contacts', id], signal: context?.signal }, isObject),

    createContact: ({ input }, context) =>
      call<Contact>('createContact', { method: 'POST', path: ['contacts'], json: input, signal: context?.signal }, isObject),

    listSenders: (_params, context) =>
      unwrap<'items', Sender[]>('listSenders', { method: 'GET', path: ['senders'], signal: context?.signal }, 'items', Array.isArray),

    listTemplates: ({ senderId, search, cursor, limit }, context) =>
      call<Page<MessageTemplate>>(
        'listTemplates',
        { method: 'GET', path: ['senders', senderId, 'templates'], query: { search, cursor, limit }, signal: context?.signal },
        isPage,
      ),

    listAgents: ({ search }, context) =>
      unwrap<'items', Agent[]>(
        'listAgents',
        { method: 'GET', path: ['agents'], query: { search }, signal: context?.signal },
        'items',
        Array.isArray,
      ),

    getActiveChat: ({ contactId }, context) =>
      unwrap<'chat', Chat | null>(
        'getActiveChat',
        { method: 'GET', path: ['contacts', contactId, 'active-chat'], signal: context?.signal },
        'chat',
        (chat) => chat === null || isRecord(chat),
      ),

    sendNotification: ({ input }, context) =>
      call<Ticket>(
        'sendNotification',
        {
          method: 'POST',
          path: ['notifications'],
          json: input,
          headers: { 'Idempotency-Key': input.idempotencyKey },
          signal: context?.signal,
        },
        isObject,
      ),

    getTicket: ({ id }, context) =>
      call<Ticket>('getTicket', { method: 'GET', path: ['tickets', id], signal: context?.signal }, isObject),

    listTickets: ({ contactId, cursor, limit }, context) =>
      call<Page<Ticket>>(
        'listTickets',
        { method: 'GET', path: ['contacts', contactId, 'tickets'], query: { cursor, limit }, signal: context?.signal },
        isPage,
      ),

    listTimeline: ({ contactId, cursor, limit }, context) =>
      call<Page<TimelineEvent>>(
        'listTimeline',
        { method: 'GET', path: ['contacts', contactId, 'timeline'], query: { cursor, limit }, signal: context?.signal },
        isPage,
      ),

    listChats: ({ contactId, cursor, limit }, context) =>
      call<Page<Chat>>(
        'listChats',
        { method: 'GET', path: ['contacts', contactId, 'chats'], query: { cursor, limit }, signal: context?.signal },
        isPage,
      ),

    listMessages: ({ chatId, cursor, limit }, context) =>
      call<Page<Message>>(
        'listMessages',
        { method: 'GET', path: ['chats', chatId, 'messages'], query: { cursor, limit }, signal: context?.signal },
        isPage,
      ),

    sendMessage: ({ input }, context) =>
      call<Message>(
        'sendMessage',
        {
          method: 'POST',
          path: ['messages'],
          json: input,
          headers: { 'Idempotency-Key': input.idempotencyKey },
          signal: context?.signal,
        },
        isObject,
      ),

    importContacts: ({ input }, context) =>
      call<ContactImportResult>(
        'importContacts',
        {
          method: 'POST',
          path: ['contacts', 'imports'],
          json: input,
          headers: { 'Idempotency-Key': input.idempotencyKey },
          signal: context?.signal,
        },
        (body) => isRecord(body) && typeof body.created === 'number' && Array.isArray(body.skipped),
      ),

    previewCampaign: ({ audience, senderId }, context) =>
      call<CampaignPreflight>(
        'previewCampaign',
        { method: 'POST', path: ['campaigns', 'preview'], json: { audience, senderId }, signal: context?.signal },
        (body) => isRecord(body) && typeof body.total === 'number' && isRecord(body.skipped),
      ),

    createCampaign: ({ input }, context) =>
      call<Campaign>(
        'createCampaign',
        {
          method: 'POST',
          path: ['campaigns'],
          json: input,
          headers: { 'Idempotency-Key': input.idempotencyKey },
          signal: context?.signal,
        },
        isCampaign,
      ),

    getCampaign: ({ id }, context) =>
      call<Campaign>('getCampaign', { method: 'GET', path: ['campaigns', id], signal: context?.signal }, isCampaign),

    listCampaigns: ({ cursor, limit }, context) =>
      call<Page<Campaign>>('listCampaigns', { method: 'GET', path: ['campaigns'], query: { cursor, limit }, signal: context?.signal }, isPage),

    listCampaignRecipients: ({ campaignId, status, cursor, limit }, context) =>
      call<Page<CampaignRecipient>>(
        'listCampaignRecipients',
        { method: 'GET', path: ['campaigns', campaignId, 'recipients'], query: { status, cursor, limit }, signal: context?.signal },
        isPage,
      ),

    updateCampaign: ({ id, action }, context) =>
      call<Campaign>('updateCampaign', { method: 'POST', path: ['campaigns', id, action], signal: context?.signal }, isCampaign),

    uploadMedia: ({ file, purpose }, context) => {
      const form = new FormData();
      form.append('file', file);
      form.append('purpose', purpose);
      return call<{ url: string }>(
        'uploadMedia',
        { method: 'POST', path: ['media'], form, signal: context?.signal },
        (body) => isRecord(body) && typeof body.url === 'string',
      );
    },

    subscribe: (listener) => openEventStream(http, options.reconnect, listener),
  };
}
