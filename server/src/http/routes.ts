import * as z from 'zod/mini';
import type { Context } from 'hono';
import { maxImportBatchRows, ReachoutError } from 'reachout/core';
import type { ContactImportBatch, SendMessageInput, SendNotificationInput } from 'reachout/core';
import type { ReachoutBackend } from '../backend';
import { streamEvents } from './events';
import { uploadMedia } from './media';
import { campaignRoutes } from './campaignRoutes';
import { requireStorableJson, requireStorablePathParameters, requireStorableText } from './hygiene';
import { HttpProblemError, validationError } from './problem';
import { pageQueryShape, parseOrThrow, queryOf, readJsonBody, searchQueryShape } from './request';
import { requestComponents } from './schemas';
import type { RequestComponent, ResponseComponent } from './schemas';

export interface RouteSettings {
  backend: ReachoutBackend;
  maxUploadBytes: number;
  /** The public base URL media links start with. */
  publicUrl: () => string;
}

export interface RouteInput<Query extends z.ZodMiniType, Body extends RequestComponent | undefined> {
  c: Context;
  backend: ReachoutBackend;
  settings: RouteSettings;
  /** Path parameters by name (`{id}` → `params.id`). */
  params: Record<string, string>;
  query: z.output<Query>;
  body: Body extends RequestComponent ? z.output<(typeof requestComponents)[Body]> : undefined;
  /** Fires when the client goes away: every backend call receives it. */
  signal: AbortSignal;
}

export interface RouteHeader {
  name: string;
  description: string;
  required: boolean;
}

/** One `/api/v1` route: what `createApp` mounts and what `openapi.json` documents. */
export interface ApiRoute<
  Query extends z.ZodMiniType = z.ZodMiniType,
  Body extends RequestComponent | undefined = RequestComponent | undefined,
> {
  method: 'get' | 'post';
  /** Relative to `/api/v1`, parameters in OpenAPI form (`/contacts/{id}`). */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  query?: Query;
  body?: Body;
  /** `multipart/form-data` with these fields instead of a JSON body. */
  multipart?: { fields: Record<string, { description: string; binary?: boolean; enum?: readonly string[] }> };
  headers?: RouteHeader[];
  success: {
    status: 200 | 201 | 204;
    description: string;
    /** JSON answers: the component; `text/event-stream` answers: the event component. */
    component?: ResponseComponent;
    contentType?: 'application/json' | 'text/event-stream';
  };
  /** Only in simulator mode: `404` otherwise, before the request is even read. */
  simulatorOnly?: boolean;
  /** Failure statuses besides 401 and 500, which every route can answer. */
  errors: readonly number[];
  handle(input: RouteInput<Query, Body>): Promise<Response> | Response;
}

function defineRoute<Query extends z.ZodMiniType = z.ZodMiniObject, Body extends RequestComponent | undefined = undefined>(
  route: ApiRoute<Query, Body>,
): ApiRoute {
  return route as unknown as ApiRoute;
}

/** The path parameters of `/contacts/{id}/tickets`: `['id']`. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
}

const listQuery = z.object(pageQueryShape);
const searchListQuery = z.object({ ...searchQueryShape, ...pageQueryShape });
const searchQuery = z.object(searchQueryShape);

const idempotencyKeyHeader = 'Idempotency-Key';

/** The key the `Idempotency-Key` header carries: required, and equal to the body's. */
function requireIdempotencyHeader(c: Context, bodyKey: string): void {
  const headerKey = c.req.header(idempotencyKeyHeader);
  if (!headerKey) {
    throw validationError(`Send the header ${idempotencyKeyHeader} with the body's idempotencyKey`, {
      [idempotencyKeyHeader]: 'Required',
    });
  }
  if (headerKey !== bodyKey) {
    throw validationError(`The ${idempotencyKeyHeader} header must equal the body's idempotencyKey`, {
      idempotencyKey: `Must equal the ${idempotencyKeyHeader} header`,
    });
  }
}

function requireConversation(backend: ReachoutBackend) {
  const { listMessages, sendMessage } = backend.provider;
  if (!listMessages || !sendMessage) throw new ReachoutError('NOT_FOUND', 'This server keeps no chat messages');
  return { listMessages, sendMessage };
}

function requireSimulator(backend: ReachoutBackend): NonNullable<ReachoutBackend['simulator']> {
  if (!backend.simulator) {
    throw new ReachoutError('NOT_FOUND', 'The simulator routes exist only when the server runs in simulator mode');
  }
  return backend.simulator;
}

export const apiRoutes: readonly ApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/contacts',
    operationId: 'listContacts',
    tag: 'Contacts',
    summary: 'List contacts by name, then id',
    description: '`search` matches name, email and phone (in any typed format).',
    query: searchListQuery,
    success: { status: 200, description: 'A page of contacts', component: 'ContactPage' },
    errors: [400],
    handle: async ({ c, backend, query, signal }) =>
      c.json(await backend.provider.listContacts(query, { signal }), 200),
  }),
  defineRoute({
    method: 'post',
    path: '/contacts',
    operationId: 'createContact',
    tag: 'Contacts',
    summary: 'Create a contact',
    description: 'The phone is stored in E.164; `409 CONFLICT` with `fieldErrors.phone` when a contact has it already.',
    body: 'ContactInput',
    success: { status: 201, description: 'The new contact', component: 'Contact' },
    errors: [400, 409, 413, 415],
    handle: async ({ c, backend, body, signal }) =>
      c.json(await backend.provider.createContact({ input: body }, { signal }), 201),
  }),
  defineRoute({
    method: 'post',
    path: '/contacts/imports',
    operationId: 'importContacts',
    tag: 'Contacts',
    summary: 'Import a batch of contacts',
    description:
      `At most ${maxImportBatchRows} rows (\`413\` beyond), written in one transaction. Each row is validated like \`ContactInput\` ` +
      '(the phone read with `defaultCountry` when it has no `+` code); a row that fails, repeats a phone of the batch, or (with ' +
      '`onDuplicate: "skip"`) has the phone of an existing contact is skipped and listed in `skipped` with its `row`, a `code` ' +
      '(`VALIDATION`, `DUPLICATE_IN_FILE`, `CONFLICT`) and a message; the others are created, or with `"update"` update the ' +
      "existing contact's name, email (when given) and attributes (merged), never its phone. Emits one `contacts.imported` " +
      'event per batch (its new and updated contacts). Idempotent per key: a repeat with the same body answers the first result without writing; ' +
      'the key with another body is `409 CONFLICT`.',
    headers: [{ name: idempotencyKeyHeader, description: "Must equal the body's `idempotencyKey`", required: true }],
    body: 'ContactImportBatch',
    success: { status: 200, description: 'What the batch did', component: 'ContactImportResult' },
    errors: [400, 404, 409, 413, 415],
    handle: async ({ c, backend, body, signal }) => {
      requireIdempotencyHeader(c, body.idempotencyKey);
      if (body.rows.length > maxImportBatchRows) {
        throw new HttpProblemError(
          413,
          validationError(
            `A batch has at most ${maxImportBatchRows.toLocaleString('en')} rows (this one has ${body.rows.length.toLocaleString('en')}); split the file into smaller batches`,
            { rows: `At most ${maxImportBatchRows} rows` },
          ),
        );
      }
      if (!backend.provider.importContacts) throw new ReachoutError('NOT_FOUND', 'This server does not import contacts');
      const input = body as ContactImportBatch;
      return c.json(await backend.provider.importContacts({ input }, { signal }), 200);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/contacts/{id}',
    operationId: 'getContact',
    tag: 'Contacts',
    summary: 'Get a contact',
    success: { status: 200, description: 'The contact', component: 'Contact' },
    errors: [404],
    handle: async ({ c, backend, params, signal }) =>
      c.json(await backend.provider.getContact({ id: params.id ?? '' }, { signal }), 200),
  }),
  defineRoute({
    method: 'get',
    path: '/contacts/{id}/active-chat',
    operationId: 'getActiveChat',
    tag: 'Contacts',
    summary: "The contact's open, assigned or queued chat, if any",
    success: { status: 200, description: 'The active chat, or `null`', component: 'ActiveChat' },
    errors: [404],
    handle: async ({ c, backend, params, signal }) =>
      c.json({ chat: await backend.provider.getActiveChat({ contactId: params.id ?? '' }, { signal }) }, 200),
  }),
  defineRoute({
    method: 'get',
    path: '/contacts/{id}/tickets',
    operationId: 'listTickets',
    tag: 'Contacts',
    summary: "The contact's tickets, newest first",
    query: listQuery,
    success: { status: 200, description: 'A page of tickets', component: 'TicketPage' },
    errors: [400, 404],
    handle: async ({ c, backend, params, query, signal }) =>
      c.json(await backend.provider.listTickets({ contactId: params.id ?? '', ...query }, { signal }), 200),
  }),
  defineRoute({
    method: 'get',
    path: '/contacts/{id}/timeline',
    operationId: 'listTimeline',
    tag: 'Contacts',
    summary: "The contact's timeline, newest first",
    query: listQuery,
    success: { status: 200, description: 'A page of timeline events', component: 'TimelineEventPage' },
    errors: [400, 404],
    handle: async ({ c, backend, params, query, signal }) =>
      c.json(await backend.provider.listTimeline({ contactId: params.id ?? '', ...query }, { signal }), 200),
  }),
  defineRoute({
    method: 'get',
    path: '/contacts/{id}/chats',
    operationId: 'listChats',
    tag: 'Contacts',
    summary: "The contact's chats, newest first",
    query: listQuery,
    success: { status: 200, description: 'A page of chats', component: 'ChatPage' },
    errors: [400, 404],
    handle: async ({ c, backend, params, query, signal }) =>
      c.json(await backend.provider.listChats({ contactId: params.id ?? '', ...query }, { signal }), 200),
  }),
  defineRoute({
    method: 'get',
    path: '/chats/{id}/messages',
    operationId: 'listMessages',
    tag: 'Chats',
    summary: "The chat's messages, newest first",
    description: 'Page back with `cursor`: messages that arrive meanwhile do not shift the pages.',
    query: listQuery,
    success: { status: 200, description: 'A page of messages', component: 'MessagePage' },
    errors: [400, 404],
    handle: async ({ c, backend, params, query, signal }) =>
      c.json(await requireConversation(backend).listMessages({ chatId: params.id ?? '', ...query }, { signal }), 200),
  }),
  defineRoute({
    method: 'post',
    path: '/messages',
    operationId: 'sendMessage',
    tag: 'Chats',
    summary: 'Send a message in a chat: a text inside the 24-hour window, or a template',
    description:
      'A text is refused with `409 OUTSIDE_WINDOW` once 24 hours have passed since the customer last wrote (WhatsApp error 131047 ' +
      'maps to it too); an empty text or one over 4,096 characters is `400 VALIDATION`. A template is checked as for ' +
      '`/notifications`. Idempotent per key: a repeat answers the same message (sent again if it had failed); the key with ' +
      'another body is `409 CONFLICT`. The answer is the stored message, `pending`: the job queue hands it to WhatsApp, and ' +
      '`message.updated` follows it to `sent`, or to `failed` with its reason.',
    headers: [{ name: idempotencyKeyHeader, description: "Must equal the body's `idempotencyKey`", required: true }],
    body: 'SendMessageInput',
    success: { status: 201, description: 'The message', component: 'Message' },
    errors: [400, 404, 409, 413, 415, 422, 429],
    handle: async ({ c, backend, body, signal }) => {
      requireIdempotencyHeader(c, body.idempotencyKey);
      const input = body as unknown as SendMessageInput;
      return c.json(await requireConversation(backend).sendMessage({ input }, { signal }), 201);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/senders',
    operationId: 'listSenders',
    tag: 'Sending',
    summary: 'The business numbers a notification can be sent from',
    success: { status: 200, description: 'Every sender', component: 'SenderList' },
    errors: [],
    handle: async ({ c, backend, signal }) => c.json({ items: await backend.provider.listSenders({}, { signal }) }, 200),
  }),
  defineRoute({
    method: 'get',
    path: '/senders/{id}/templates',
    operationId: 'listTemplates',
    tag: 'Sending',
    summary: "The sender's message templates (Cloud API shape)",
    query: searchListQuery,
    success: { status: 200, description: 'A page of templates', component: 'MessageTemplatePage' },
    errors: [400, 404, 502],
    handle: async ({ c, backend, params, query, signal }) =>
      c.json(await backend.provider.listTemplates({ senderId: params.id ?? '', ...query }, { signal }), 200),
  }),
  defineRoute({
    method: 'get',
    path: '/agents',
    operationId: 'listAgents',
    tag: 'Sending',
    summary: 'Agents a ticket can be assigned to',
    query: searchQuery,
    success: { status: 200, description: 'The matching agents', component: 'AgentList' },
    errors: [400],
    handle: async ({ c, backend, query, signal }) =>
      c.json({ items: await backend.provider.listAgents(query, { signal }) }, 200),
  }),
  defineRoute({
    method: 'post',
    path: '/notifications',
    operationId: 'sendNotification',
    tag: 'Sending',
    summary: 'Send a WhatsApp template notification and open a ticket',
    description:
      'Idempotent per key: a repeat with the same body answers with the same ticket; the key with another body is `409 CONFLICT`. ' +
      'The server sends the payload it builds from the approved template and `parameters`; a `message` that differs from it is ' +
      '`400 VALIDATION` naming the first differing path. A contact with an active chat or a ticket still verifying is `409 ACTIVE_CHAT`.',
    headers: [
      {
        name: idempotencyKeyHeader,
        description: "Must equal the body's `idempotencyKey`",
        required: true,
      },
    ],
    body: 'SendNotificationInput',
    success: { status: 201, description: 'The ticket of the notification (status `verifying`)', component: 'Ticket' },
    errors: [400, 404, 409, 413, 415, 422, 429, 502],
    handle: async ({ c, backend, body, signal }) => {
      requireIdempotencyHeader(c, body.idempotencyKey);
      // Core's schema checks the envelope; the provider checks the parameters and the Cloud API
      // message against the template (validateTemplateParameters), which a schema alone cannot.
      const input = body as unknown as SendNotificationInput;
      return c.json(await backend.provider.sendNotification({ input }, { signal }), 201);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/tickets/{id}',
    operationId: 'getTicket',
    tag: 'Sending',
    summary: 'Get a ticket',
    success: { status: 200, description: 'The ticket', component: 'Ticket' },
    errors: [404],
    handle: async ({ c, backend, params, signal }) =>
      c.json(await backend.provider.getTicket({ id: params.id ?? '' }, { signal }), 200),
  }),
  ...campaignRoutes,
  defineRoute({
    method: 'post',
    path: '/media',
    operationId: 'uploadMedia',
    tag: 'Media',
    summary: 'Upload a photo or template header media',
    description: 'Answers an absolute, public URL (`GET /media/{id}`).',
    multipart: {
      fields: {
        file: { description: 'The file', binary: true },
        purpose: { description: 'What the file is for', enum: ['avatar', 'template-header'] },
      },
    },
    success: { status: 201, description: 'Where the file is served', component: 'MediaUrl' },
    errors: [400, 413, 415],
    handle: ({ c, backend, settings }) => uploadMedia(c, backend, settings),
  }),
  defineRoute({
    method: 'get',
    path: '/events',
    operationId: 'subscribe',
    tag: 'Live updates',
    summary: 'Live updates as Server-Sent Events',
    description:
      'Each event has a numeric, increasing `id`, `event` = the event type and `data` = a `ReachoutEvent` as JSON. ' +
      'With `Last-Event-ID` the stream first replays every stored event after that id; without it, it first ' +
      'sends an `id:` line with no data holding the newest stored id (`0` when none), to resume from. ' +
      'When it cannot (more than 1,000 events, events older than the retention (7 days by default) pruned, ' +
      'or an id this server never issued, such as one from before a database reset), it sends one `reset` ' +
      'event instead (`data` = `{"type":"reset"}`, `id` = the newest event id): the client refetches ' +
      'everything it shows, and the stream goes on live from there. ' +
      'The stream sends `retry: 1000` once and `: ping` every 15 s.',
    headers: [{ name: 'Last-Event-ID', description: 'Resume after this event id (decimal digits)', required: false }],
    success: {
      status: 200,
      description: 'The event stream',
      component: 'ReachoutEvent',
      contentType: 'text/event-stream',
    },
    errors: [400],
    handle: ({ c, backend }) => streamEvents(c, backend),
  }),
  defineRoute({
    method: 'post',
    path: '/simulator/contacts/{id}/reply',
    operationId: 'simulateReply',
    tag: 'Simulator',
    summary: 'Simulator mode: an inbound WhatsApp message from the contact',
    description: 'Opens the 24-hour reply window. `404` when the server is not in simulator mode.',
    simulatorOnly: true,
    body: 'SimulatorReply',
    success: { status: 204, description: 'Received' },
    errors: [400, 404, 413, 415],
    handle: async ({ c, backend, params, body }) => {
      await requireSimulator(backend).receiveReply(params.id ?? '', body.text);
      return c.body(null, 204);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/simulator/tickets/{id}/verification',
    operationId: 'simulateVerification',
    tag: 'Simulator',
    summary: "Simulator mode: end a ticket's verification now",
    description: '`404` when the server is not in simulator mode.',
    simulatorOnly: true,
    body: 'SimulatorVerification',
    success: { status: 204, description: 'Verification ended' },
    errors: [400, 404, 409, 413, 415],
    handle: async ({ c, backend, params, body }) => {
      await requireSimulator(backend).completeVerification(params.id ?? '', body.result);
      return c.body(null, 204);
    },
  }),
];

/**
 * Validates the request against `route` and runs it: every path parameter, query value, documented
 * header and JSON body passes the hygiene checks (`./hygiene`) before its schema.
 */
export async function runRoute(route: ApiRoute, c: Context, settings: RouteSettings): Promise<Response> {
  if (route.simulatorOnly) requireSimulator(settings.backend);
  const params: Record<string, string> = {};
  for (const name of pathParameters(route.path)) params[name] = c.req.param(name) ?? '';
  requireStorablePathParameters(params);
  const rawQuery = queryOf(c);
  requireStorableText(rawQuery, 'query');
  const headers: Record<string, string | undefined> = {};
  for (const header of route.headers ?? []) headers[header.name] = c.req.header(header.name);
  requireStorableText(headers, 'headers');
  const query = route.query ? parseOrThrow(route.query, rawQuery, 'query') : {};
  let body: unknown;
  if (route.body !== undefined) {
    const json = await readJsonBody(c);
    // Before the schema and the backend: both may walk the value recursively.
    requireStorableJson(json);
    body = parseOrThrow(requestComponents[route.body], json, 'body');
  }
  return route.handle({
    c,
    backend: settings.backend,
    settings,
    params,
    query,
    body: body as never,
    signal: c.req.raw.signal,
  });
}
