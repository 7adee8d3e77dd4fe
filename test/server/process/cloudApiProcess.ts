import { expect } from 'vitest';
import type { Message, Ticket } from 'reachout/core';
import { signWebhookBody } from '../../../server/src/whatsapp';
import type { FakeGraphApi } from '../whatsapp/fakeGraphApi';
import { businessAccountId, businessPhoneNumberId, inboundTextFrom, statusesFor } from '../whatsapp/samplePayloads';
import { json, type ReadyServer, sendNotification } from './serverProcess';

// What the process tests of Cloud API mode share: the environment of a server that talks to a
// fake Graph API, webhooks signed as Meta would, and a chat whose 24-hour window is open.

export const accessToken = 'EAAG-process-test-token';
export const appSecret = 'process-test-app-secret';

/** Cloud API mode against `graph`; a try cut short by a crash counts as lost after 2 s, looked for every second. */
export function cloudApiEnvironment(graph: FakeGraphApi, extra: Record<string, string> = {}): Record<string, string> {
  return {
    WHATSAPP_TOKEN: accessToken,
    WHATSAPP_PHONE_NUMBER_ID: businessPhoneNumberId,
    WHATSAPP_BUSINESS_ACCOUNT_ID: businessAccountId,
    WHATSAPP_APP_SECRET: appSecret,
    WHATSAPP_VERIFY_TOKEN: 'process-test-verify-token',
    WHATSAPP_GRAPH_URL: graph.url,
    REACHOUT_JOB_EXPIRE_SECONDS: '2',
    REACHOUT_JOB_SUPERVISE_SECONDS: '1',
    ...extra,
  };
}

export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Posts a webhook body to the server, signed with the app secret. */
export async function postWebhook(server: ReadyServer, payload: unknown): Promise<void> {
  const body = JSON.stringify(payload);
  const response = await fetch(`${server.url}/webhooks/whatsapp`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signWebhookBody(body, appSecret) },
    body,
  });
  expect(response.status).toBe(200);
}

/** The text payloads the Graph API was handed (accepted or not), e.g. a chat message's retries. */
export function textSendsOf(graph: FakeGraphApi): Array<{ to: string; text: { body: string } }> {
  return graph.requests
    .filter((request) => request.method === 'POST' && request.url.endsWith('/messages'))
    .map((request) => request.body as { type?: string; to: string; text: { body: string } })
    .filter((body) => body.type === 'text');
}

/**
 * A new contact's chat with the 24-hour window open: a notification goes out (WhatsApp says
 * `sent`, so its chat opens), then the customer writes. Run one at a time per graph.
 */
export async function openChatWithReply(server: ReadyServer, graph: FakeGraphApi): Promise<{ chatId: string; phone: string }> {
  const acceptedBefore = graph.acceptedMessageIds.length;
  const { ticket } = await sendNotification(server);
  await until(() => graph.acceptedMessageIds.length > acceptedBefore, 'the notification reaches WhatsApp');
  const messageId = graph.acceptedMessageIds[acceptedBefore]!;
  const digits = ticket.notification.to.replace(/\D/g, '');
  const now = String(Math.floor(Date.now() / 1000));
  let opened: Ticket | undefined;
  // The worker stores WhatsApp's id just after WhatsApp answered: a status before that finds no ticket.
  await until(async () => {
    await postWebhook(server, statusesFor(messageId, digits, [{ status: 'sent', timestamp: now }]));
    opened = await json<Ticket>(await server.api(`/tickets/${ticket.id}`), 200);
    return opened.chatId !== null;
  }, 'the ticket gets its chat');
  await postWebhook(server, inboundTextFrom(digits, 'Where is my parcel?', now, `wamid.IN-${ticket.id}`));
  return { chatId: opened!.chatId!, phone: ticket.notification.to };
}

export function postMessage(server: ReadyServer, chatId: string, text: string, key: string): Promise<Response> {
  return server.api('/messages', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify({ idempotencyKey: key, chatId, text }),
  });
}

export async function messagesOf(server: ReadyServer, chatId: string): Promise<Message[]> {
  return (await json<{ items: Message[] }>(await server.api(`/chats/${chatId}/messages?limit=100`), 200)).items;
}
