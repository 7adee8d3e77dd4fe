import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTemplateMessage, isReachoutError } from 'reachout/core';
import type { Agent, Contact, MessageTemplate, ReachoutError, ReachoutEvent, SendNotificationInput, Sender, Ticket } from 'reachout/core';
import { createRestProvider } from 'reachout/rest';
import { fixtures, senders as demoSenders, templatesByName } from 'reachout/testing';
import type { ReachoutBackend } from '../../../server/src/backend';
import { registerCloudApiSender } from '../../../server/src/db/cloudApiSender';
import { eq } from 'drizzle-orm';
import { createDatabaseBackend, type Database, openDatabase, resetDatabase, seedWorld } from '../../../server/src/db';
import { tickets } from '../../../server/src/db/schema';
import { createApp } from '../../../server/src/http/app';
import { createCloudApiGateway, createWhatsAppWebhooks, defaultGraphApiVersion, signWebhookBody } from '../../../server/src/whatsapp';
import type { CloudApiGateway } from '../../../server/src/whatsapp';
import { defaultPhoneNumber, graphError, startFakeGraphApi } from './fakeGraphApi';
import type { FakeGraphApi } from './fakeGraphApi';
import { businessAccountId, businessDisplayPhone, businessPhoneNumberId, inboundTextFrom, statusesFor } from './samplePayloads';

// The fixture arrays, from `fixtures` (reachout/testing exports no bare arrays).
const { templates } = fixtures;

// The whole reference server in Cloud API mode, as `main.ts` assembles it, on a real socket:
// a fake Graph API, PGlite, the database backend with the Cloud API gateway, the app with the
// signed webhooks, and a host's `createRestProvider` in front.

const accessToken = 'EAAG-cloud-mode-token';
const appSecret = 'cloud-mode-app-secret-0123456789';
const verifyToken = 'cloud-mode-verify-token';
const apiToken = 'cloud-mode-api-token-0123456789';

/** The business number as the webhooks name it (Meta's test number, `15550783881`). */
const businessNumber = { ...defaultPhoneNumber, display_phone_number: businessDisplayPhone, verified_name: 'Acme Cloud' };

const customerDigits = '16505551234';
const customer: Contact = {
  id: 'contact-sheena-nelson',
  name: 'Sheena Nelson',
  email: 'sheena@example.com',
  phone: `+${customerDigits}`,
  avatarUrl: null,
  createdAt: '2025-06-01T10:00:00.000Z',
};
const agent: Agent = { id: 'agent-grace-hopper', name: 'Grace Hopper', email: 'grace@acme.example', avatarUrl: null };
const cloudSenderId = `whatsapp-${businessPhoneNumberId}`;

function orderUpdateSend(key: string): SendNotificationInput {
  const template = templatesByName.order_update!;
  const parameters = {
    header: { type: 'text' as const, text: '#10423' },
    body: { '1': 'Sheena', '2': 'DHL Express', '3': 'Friday, 14 March' },
  };
  return {
    idempotencyKey: key,
    contactId: customer.id,
    senderId: cloudSenderId,
    to: customer.phone,
    template: { id: template.id, name: template.name, language: template.language },
    parameters,
    message: buildTemplateMessage({ to: customer.phone, template, parameters }),
    ticket: { priority: 'high', assigneeId: agent.id, description: 'Order #10423 shipped' },
  };
}

/** Unix seconds a little after now, as Meta writes webhook timestamps. */
function unixSeconds(offsetSeconds = 0): string {
  return String(Math.floor(Date.now() / 1000) + offsetSeconds);
}

async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function rejectionOf(promise: Promise<unknown>): Promise<ReachoutError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );
  if (!isReachoutError(error)) throw new Error(`expected a ReachoutError, got ${String(error)}`);
  return error;
}

describe('the reference server in WhatsApp Cloud API mode', () => {
  let db: Database;
  let graph: FakeGraphApi;
  let gateway: CloudApiGateway;
  let backend: ReachoutBackend;
  let stopServer: () => Promise<void>;
  let serverUrl: string;
  let provider: ReturnType<typeof createRestProvider>;
  /** Resolves once the event stream's connection listens to the backend. */
  let streamListening: Promise<void>;

  beforeAll(async () => {
    [db, graph] = await Promise.all([
      openDatabase({ kind: 'pglite', dataDir: null }),
      startFakeGraphApi({ accessToken, phoneNumberId: businessPhoneNumberId, businessAccountId, templates, phoneNumber: businessNumber }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([db.close(), graph.close()]);
  });

  beforeEach(async () => {
    await resetDatabase(db);
    // What a deployment has before its first Cloud API start: its people, and the demo senders
    // (with REACHOUT_SEED=0 there are none; the sender test below covers that).
    await seedWorld(db, { contacts: [customer], senders: demoSenders, templates: [], agents: [agent], chats: [], tickets: [], timeline: [] });
    graph.setPhoneNumber(businessNumber);
    graph.setTemplates(templates);
    graph.requests.length = 0;
    graph.acceptedMessageIds.length = 0;

    gateway = createCloudApiGateway({ accessToken, phoneNumberId: businessPhoneNumberId, businessAccountId, graphUrl: graph.url });
    await registerCloudApiSender(db, await gateway.describeSender());
    const databaseBackend = createDatabaseBackend(db, { gateway, keepDatabaseOpen: true });
    let listening: () => void = () => {};
    streamListening = new Promise((resolve) => {
      listening = resolve;
    });
    backend = {
      ...databaseBackend,
      events: {
        since: (lastEventId, options) => databaseBackend.events.since(lastEventId, options),
        subscribe: (listener) => {
          const unsubscribe = databaseBackend.events.subscribe(listener);
          listening();
          return unsubscribe;
        },
      },
    };
    const app = createApp({ backend, token: apiToken, webhooks: createWhatsAppWebhooks({ backend, appSecret, verifyToken }) });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => {
      if (server.listening) resolve();
      else server.once('listening', () => resolve());
    });
    serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    stopServer = async () => {
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await databaseBackend.close();
    };
    provider = createRestProvider({
      baseUrl: `${serverUrl}/api/v1`,
      headers: { Authorization: `Bearer ${apiToken}` },
      reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
    });
  });
  afterEach(async () => {
    await stopServer();
  });

  function postWebhook(payload: unknown, sign: (body: string) => string | undefined = (body) => signWebhookBody(body, appSecret)) {
    const body = JSON.stringify(payload);
    const signature = sign(body);
    return fetch(`${serverUrl}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(signature === undefined ? {} : { 'X-Hub-Signature-256': signature }) },
      body,
    });
  }

  /** Sends the order update and answers the ticket with the wamid the fake Graph API gave it, once the server stored it. */
  async function sendOrderUpdate(key = 'cloud-mode-send-0001'): Promise<{ ticket: Ticket; messageId: string }> {
    const ticket = await provider.sendNotification({ input: orderUpdateSend(key) });
    await eventually(async () => (await storedMessageId(ticket.id)) !== null, 'the queued send stored its message id');
    const messageId = graph.acceptedMessageIds.at(-1);
    if (messageId === undefined) throw new Error('The fake Graph API accepted no message');
    return { ticket, messageId };
  }

  async function storedMessageId(ticketId: string): Promise<string | null> {
    const [row] = await db.drizzle.select({ messageId: tickets.messageId }).from(tickets).where(eq(tickets.id, ticketId));
    return row?.messageId ?? null;
  }

  async function timelineTypes(): Promise<string[]> {
    const page = await provider.listTimeline({ contactId: customer.id, limit: 100 });
    return page.items.map((event) => event.type);
  }

  it('lists the Cloud API business number first, as Meta describes it', async () => {
    const listed = await provider.listSenders({});

    expect(listed[0]).toEqual({
      id: cloudSenderId,
      channel: 'whatsapp',
      phone: `+${businessDisplayPhone}`,
      displayName: 'Acme Cloud',
      status: 'connected',
      qualityRating: 'GREEN',
    } satisfies Sender);
    // The demo senders stay in the database but cannot send: only the business number is listed.
    expect(listed).toHaveLength(1);
    const described = graph.requests.find((request) => request.method === 'GET' && !request.url.includes('message_templates'));
    expect(new URL(described!.url, graph.url).pathname).toBe(`/${defaultGraphApiVersion}/${businessPhoneNumberId}`);
  });

  it("lists the business account's templates from the Graph API, verbatim", async () => {
    graph.requests.length = 0;

    const page = await provider.listTemplates({ senderId: cloudSenderId, limit: 100 });

    expect(page.items).toEqual(templates);
    expect(page.nextCursor).toBeNull();
    expect(graph.requests.map((request) => new URL(request.url, graph.url).pathname)).toEqual([
      `/${defaultGraphApiVersion}/${businessAccountId}/message_templates`,
    ]);
  });

  it('posts exactly the message to /{phone-number-id}/messages with the token, and answers a verifying ticket', async () => {
    const input = orderUpdateSend('cloud-mode-send-post');
    graph.requests.length = 0;

    const ticket = await provider.sendNotification({ input });

    const posts = () => graph.requests.filter((request) => request.method === 'POST');
    await eventually(() => posts().length > 0, 'the queued send posts to Graph');
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.url).toBe(`/${defaultGraphApiVersion}/${businessPhoneNumberId}/messages`);
    expect(posts()[0]?.headers.authorization).toBe(`Bearer ${accessToken}`);
    expect(posts()[0]?.body).toEqual(input.message);
    expect(ticket).toMatchObject({
      contactId: customer.id,
      status: 'verifying',
      chatId: null,
      assignee: agent,
      notification: { senderId: cloudSenderId, to: customer.phone, templateName: 'order_update', delivery: 'pending' },
    });
  });

  it('answers 400 VALIDATION naming the difference, and posts nothing to Graph, for a message other than the one it builds', async () => {
    const input = orderUpdateSend('cloud-mode-tampered');
    const rejected = templates.find((template) => template.status === 'REJECTED');
    if (!rejected) throw new Error('The fixture templates have no rejected template');
    const tampered = { ...input, message: { ...input.message, template: { ...input.message.template, name: rejected.name } } };
    graph.requests.length = 0;

    const response = await fetch(`${serverUrl}/api/v1/notifications`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${apiToken}`, 'Content-Type': 'application/json', 'Idempotency-Key': input.idempotencyKey },
      body: JSON.stringify(tampered),
    });

    expect(response.status).toBe(400);
    const problem = (await response.json()) as { code: string; detail: string; fieldErrors?: Record<string, string> };
    expect(problem.code).toBe('VALIDATION');
    expect(problem.detail).toContain(`message.template.name is "${rejected.name}", expected "order_update"`);
    expect(problem.fieldErrors).toEqual({ message: 'Differs from the template and parameters at message.template.name' });
    expect(graph.requests.filter((request) => request.method === 'POST')).toEqual([]);
    expect((await provider.listTickets({ contactId: customer.id })).items).toEqual([]);
  });

  it('moves the ticket with signed status webhooks (sent, then delivered and read) and streams each change', async () => {
    const events: ReachoutEvent[] = [];
    const unsubscribe = provider.subscribe((event) => events.push(event));
    try {
      await streamListening;
      const { ticket, messageId } = await sendOrderUpdate();
      const ticketUpdates = () =>
        events.flatMap((event) => (event.type === 'ticket.updated' && event.ticket.id === ticket.id ? [event.ticket] : []));

      const sent = await postWebhook(statusesFor(messageId, customerDigits, [{ status: 'sent', timestamp: unixSeconds() }]));
      expect(sent.status).toBe(200);
      await eventually(() => ticketUpdates().some((update) => update.notification.delivery === 'sent'), 'ticket.updated with delivery sent');
      const afterSent = await provider.getTicket({ id: ticket.id });
      expect(afterSent).toMatchObject({ status: 'assigned', notification: { delivery: 'sent' } });
      expect(afterSent.chatId).not.toBeNull();

      const later = await postWebhook(
        statusesFor(messageId, customerDigits, [
          { status: 'delivered', timestamp: unixSeconds(1) },
          { status: 'read', timestamp: unixSeconds(2) },
        ]),
      );
      expect(later.status).toBe(200);
      await eventually(() => ticketUpdates().some((update) => update.notification.delivery === 'read'), 'ticket.updated with delivery read');

      expect(ticketUpdates().map((update) => update.notification.delivery)).toEqual(['pending', 'sent', 'delivered', 'read']);
      expect(await provider.getTicket({ id: ticket.id })).toMatchObject({ status: 'assigned', notification: { delivery: 'read' } });
      expect(await timelineTypes()).toEqual(
        expect.arrayContaining(['notification.sent', 'notification.verified', 'ticket.assigned', 'notification.delivered', 'notification.read']),
      );
      const chat = await provider.getActiveChat({ contactId: customer.id });
      expect(chat).toMatchObject({ id: afterSent.chatId, status: 'assigned', senderId: cloudSenderId });
    } finally {
      unsubscribe();
    }
  });

  it('fails the ticket with the reason when WhatsApp reports error 131026', async () => {
    const { ticket, messageId } = await sendOrderUpdate();

    const response = await postWebhook(
      statusesFor(messageId, customerDigits, [
        {
          status: 'failed',
          timestamp: unixSeconds(),
          errors: [{ code: 131026, title: 'Message undeliverable', message: 'Message undeliverable', error_data: { details: 'Message Undeliverable.' } }],
        },
      ]),
    );

    expect(response.status).toBe(200);
    const failed = await provider.getTicket({ id: ticket.id });
    expect(failed).toMatchObject({ status: 'failed', notification: { delivery: 'failed' } });
    expect(failed.notification.failureReason).toContain('131026');
    expect(failed.notification.failureReason).toMatch(/undeliverable/i);
    expect(await timelineTypes()).toContain('notification.failed');
  });

  it('opens the 24-hour window when the customer writes to the business number', async () => {
    const at = unixSeconds();

    const response = await postWebhook(inboundTextFrom(customerDigits, 'Is my order on its way?', at, 'wamid.inbound-cloud-mode-1'));

    expect(response.status).toBe(200);
    const chats = await provider.listChats({ contactId: customer.id });
    expect(chats.items).toHaveLength(1);
    expect(chats.items[0]).toMatchObject({ status: 'open', senderId: cloudSenderId, lastInboundAt: new Date(Number(at) * 1000).toISOString() });
    const timeline = await provider.listTimeline({ contactId: customer.id });
    expect(timeline.items[0]).toMatchObject({ type: 'customer.replied', text: 'Is my order on its way?' });
  });

  it.each([
    ['an unsigned webhook', () => undefined],
    ['a webhook signed with another secret', (body: string) => signWebhookBody(body, 'not-the-app-secret')],
  ])('answers 401 to %s and changes nothing', async (_case, sign) => {
    const { ticket, messageId } = await sendOrderUpdate();
    const timelineBefore = await timelineTypes();

    const statusResponse = await postWebhook(statusesFor(messageId, customerDigits, [{ status: 'sent', timestamp: unixSeconds() }]), sign);
    const inboundResponse = await postWebhook(inboundTextFrom(customerDigits, 'Hello?', unixSeconds(), 'wamid.inbound-unsigned'), sign);

    expect(statusResponse.status).toBe(401);
    expect(inboundResponse.status).toBe(401);
    expect(await provider.getTicket({ id: ticket.id })).toEqual(ticket);
    expect(await provider.getActiveChat({ contactId: customer.id })).toBeNull();
    expect(await timelineTypes()).toEqual(timelineBefore);
  });

  it.each([
    [131047, '(#131047) Re-engagement message', 'The customer has not replied in the last 24 hours'],
    [190, 'Error validating access token: Session has expired', 'rejected the access token'],
  ])('answers a failed ticket when the Graph API refuses the send with error %i', async (code, message, summary) => {
    graph.failNext({ status: code === 190 ? 401 : 400, body: graphError({ message, code }), method: 'POST' });

    const answered = await provider.sendNotification({ input: orderUpdateSend(`cloud-mode-refused-${code}`) });

    // The ticket is stored before WhatsApp is asked (by the send queue), so a refusal fails it rather than the request.
    expect(answered.status).toBe('verifying');
    await eventually(async () => (await provider.getTicket({ id: answered.id })).status === 'failed', 'the refused send fails its ticket');
    const ticket = await provider.getTicket({ id: answered.id });
    expect(ticket).toMatchObject({ status: 'failed', notification: { delivery: 'failed' } });
    expect(ticket.notification.failureReason).toContain('WhatsApp refused the message');
    expect(ticket.notification.failureReason).toContain(summary);
    expect(ticket.notification.failureReason).toContain(`Graph error ${code}`);
    expect(graph.acceptedMessageIds).toEqual([]);
    expect(await timelineTypes()).toEqual(expect.arrayContaining(['notification.sent', 'notification.failed']));
  });

  it('refuses the send with the Graph error, and stores no ticket, when the templates cannot be read', async () => {
    graph.failNext({ status: 401, body: graphError({ message: 'Error validating access token: Session has expired', code: 190 }), method: 'GET' });

    const error = await rejectionOf(provider.sendNotification({ input: orderUpdateSend('cloud-mode-templates-down') }));

    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toContain('Graph error 190');
    expect(graph.acceptedMessageIds).toEqual([]);
    expect((await provider.listTickets({ contactId: customer.id })).items).toEqual([]);
  });

  /** Meta's `message_template_status_update` webhook for one template. */
  function templateStatusWebhook(template: MessageTemplate, event: string) {
    return {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: businessAccountId,
          time: Number(unixSeconds()),
          changes: [
            {
              field: 'message_template_status_update',
              value: {
                event,
                message_template_id: Number(template.id),
                message_template_name: template.name,
                message_template_language: template.language,
                reason: event === 'REJECTED' ? 'INCORRECT_CATEGORY' : 'NONE',
              },
            },
          ],
        },
      ],
    };
  }

  it('reads the templates from Graph once for pages and sends while its copy is fresh', async () => {
    await provider.listTemplates({ senderId: cloudSenderId, limit: 100 });
    await provider.listTemplates({ senderId: cloudSenderId, search: 'order', limit: 100 });
    await provider.sendNotification({ input: orderUpdateSend('cloud-mode-cached-templates') });
    await eventually(() => graph.acceptedMessageIds.length > 0, 'the queued send reaches Graph');

    expect(graph.templateRequests()).toBe(1);
    expect(graph.acceptedMessageIds).toHaveLength(1);
  });

  it('reads the templates again after a template-status webhook, and refuses a template Meta rejected since', async () => {
    await provider.listTemplates({ senderId: cloudSenderId, limit: 100 });
    const orderUpdate = templatesByName.order_update!;
    graph.setTemplates(templates.map((template) => (template.id === orderUpdate.id ? { ...template, status: 'REJECTED' } : template)));

    expect((await postWebhook(templateStatusWebhook(orderUpdate, 'REJECTED'))).status).toBe(200);
    const error = await rejectionOf(provider.sendNotification({ input: orderUpdateSend('cloud-mode-rejected-since') }));

    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('order_update is REJECTED');
    expect(graph.templateRequests()).toBe(2);
    expect(graph.requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('reads the templates once more for a template its copy does not have, before answering NOT_FOUND', async () => {
    await provider.listTemplates({ senderId: cloudSenderId, limit: 100 });
    const orderUpdate = templatesByName.order_update!;
    const created: MessageTemplate = { ...orderUpdate, id: '9990001112223334', name: 'order_update_v2' };
    graph.setTemplates([...templates, created]);
    const input = orderUpdateSend('cloud-mode-new-template');
    const parameters = input.parameters;
    const ticket = await provider.sendNotification({
      input: {
        ...input,
        template: { id: created.id, name: created.name, language: created.language },
        message: buildTemplateMessage({ to: customer.phone, template: created, parameters }),
      },
    });
    expect(ticket.notification.templateName).toBe('order_update_v2');
    expect(graph.templateRequests()).toBe(2);

    const missing = { ...orderUpdateSend('cloud-mode-no-such-template'), template: { id: '404404404', name: 'gone', language: 'en_US' } };
    expect((await rejectionOf(provider.sendNotification({ input: missing }))).code).toBe('NOT_FOUND');
    expect(graph.templateRequests()).toBe(3);
  });

  it('refuses a send from any other sender: the gateway only sends from the business number', async () => {
    const fromDemoSender = { ...orderUpdateSend('cloud-mode-demo-sender'), senderId: demoSenders[0]!.id };
    const error = await rejectionOf(provider.sendNotification({ input: fromDemoSender }));

    expect(error.code).toBe('VALIDATION');
    expect(error.fieldErrors?.senderId).toBeDefined();
    expect(graph.acceptedMessageIds).toEqual([]);
  });

  it('refuses a send from the business number once Meta restricts it, after the next registration', async () => {
    graph.setPhoneNumber({ ...businessNumber, status: 'RESTRICTED', quality_rating: 'RED' });
    await registerCloudApiSender(db, await gateway.describeSender());

    const [first] = await provider.listSenders({});
    const error = await rejectionOf(provider.sendNotification({ input: orderUpdateSend('cloud-mode-restricted') }));

    expect(first).toMatchObject({ id: cloudSenderId, status: 'restricted', qualityRating: 'RED' });
    expect(error.code).toBe('VALIDATION');
    expect(error.fieldErrors?.senderId).toContain('restricted');
    expect(graph.acceptedMessageIds).toEqual([]);
  });
});
