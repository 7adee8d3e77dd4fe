import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Ticket } from 'reachout/core';
import { fixtures } from 'reachout/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhookBody } from '../../../server/src/whatsapp';
import { type FakeGraphApi, startFakeGraphApi } from '../whatsapp/fakeGraphApi';
import { businessAccountId, businessPhoneNumberId, statusesFor } from '../whatsapp/samplePayloads';
import {
  json,
  makeTemporaryDirectory,
  openEventStream,
  postNotification,
  prepareNotification,
  type ReadyServer,
  startServer,
  ticketUpdates,
} from './serverProcess';

const accessToken = 'EAAG-dispatch-after-kill-token';
const appSecret = 'dispatch-after-kill-app-secret';

function cloudApiEnvironment(graph: FakeGraphApi): Record<string, string> {
  return {
    WHATSAPP_TOKEN: accessToken,
    WHATSAPP_PHONE_NUMBER_ID: businessPhoneNumberId,
    WHATSAPP_BUSINESS_ACCOUNT_ID: businessAccountId,
    WHATSAPP_APP_SECRET: appSecret,
    WHATSAPP_VERIFY_TOKEN: 'dispatch-after-kill-verify-token',
    WHATSAPP_GRAPH_URL: graph.url,
    // A try cut short by a crash counts as lost after 2 s, looked for every second.
    REACHOUT_JOB_EXPIRE_SECONDS: '2',
    REACHOUT_JOB_SUPERVISE_SECONDS: '1',
  };
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** WhatsApp says the message went out: the ticket leaves `verifying` only if its server stored this id. */
async function deliverSentStatus(server: ReadyServer, messageId: string, to: string): Promise<void> {
  const body = JSON.stringify(
    statusesFor(messageId, to.replace(/\D/g, ''), [{ status: 'sent', timestamp: String(Math.floor(Date.now() / 1000)) }]),
  );
  const response = await fetch(`${server.url}/webhooks/whatsapp`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signWebhookBody(body, appSecret) },
    body,
  });
  expect(response.status).toBe(200);
}

async function ticketOn(server: ReadyServer, id: string): Promise<Ticket> {
  return json<Ticket>(await server.api(`/tickets/${id}`), 200);
}

function sendsOf(graph: FakeGraphApi): Array<{ to: string }> {
  return graph.requests.filter((request) => request.method === 'POST' && request.url.endsWith('/messages')).map((request) => request.body as { to: string });
}

describe('a server killed with SIGKILL after answering a send, before WhatsApp took it', () => {
  let root: string;
  let graph: FakeGraphApi;
  let server: ReadyServer | undefined;
  const environment = () => ({ ...cloudApiEnvironment(graph), REACHOUT_DATA_DIR: path.join(root, 'data') });

  beforeAll(async () => {
    root = makeTemporaryDirectory();
    graph = await startFakeGraphApi({ accessToken, phoneNumberId: businessPhoneNumberId, businessAccountId, templates: fixtures.templates });
    server = await startServer(environment());
  }, 180_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await graph?.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('sends the message once after the restart, and the ticket moves on', async () => {
    const { key, body } = await prepareNotification(server!);
    // The templates are cached now: from here on only the queue's call to WhatsApp is held.
    const hold = graph.hold();
    const ticket = await json<Ticket>(await postNotification(server!, key, body), 201);
    await hold.waiting;
    await server!.stop('SIGKILL');
    hold.release();
    expect(graph.acceptedMessageIds).toEqual([]);

    server = await startServer(environment());
    await until(() => graph.acceptedMessageIds.length > 0, 'the restarted server hands the message to WhatsApp');
    const [messageId] = graph.acceptedMessageIds;
    await deliverSentStatus(server, messageId!, ticket.notification.to);
    await until(async () => (await ticketOn(server!, ticket.id)).status !== 'verifying', 'the ticket leaves verifying');

    expect(await ticketOn(server, ticket.id)).toMatchObject({ status: 'open', notification: { delivery: 'sent' } });
    expect(graph.acceptedMessageIds).toHaveLength(1);
  }, 180_000);
});

const postgresUrl = process.env.REACHOUT_TEST_DATABASE_URL;

describe.skipIf(!postgresUrl)('two servers on one PostgreSQL', () => {
  const databaseName = `reachout_process_${process.pid}_${Date.now()}`;
  let graph: FakeGraphApi;
  const servers: ReadyServer[] = [];
  /** Sends answered 201 by the tests so far: each reaches WhatsApp once, maybe after its test ended. */
  let answeredSoFar = 0;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await admin(`create database ${databaseName}`);
    const url = new URL(postgresUrl ?? '');
    url.pathname = `/${databaseName}`;
    graph = await startFakeGraphApi({ accessToken, phoneNumberId: businessPhoneNumberId, businessAccountId, templates: fixtures.templates });
    const environment = { ...cloudApiEnvironment(graph), DATABASE_URL: url.toString() };
    // Started together: they migrate one after the other.
    servers.push(...(await Promise.all([startServer(environment), startServer(environment)])));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop('SIGKILL')));
    await graph?.close();
    await admin(`drop database if exists ${databaseName} with (force)`);
  });

  it('streams a ticket created through the first server to a client of the second', async () => {
    const [a, b] = servers as [ReadyServer, ReadyServer];
    const stream = await openEventStream(b);
    try {
      const { key, body } = await prepareNotification(a);
      const ticket = await json<Ticket>(await postNotification(a, key, body), 201);
      answeredSoFar += 1;
      const events = await stream.waitFor((seen) => ticketUpdates(seen, ticket.id).length > 0);
      expect(ticketUpdates(events, ticket.id)[0]?.ticket).toMatchObject({ id: ticket.id, status: 'verifying' });
      const ids = events.map((event) => Number(event.id));
      expect(ids).toEqual([...new Set(ids)].sort((x, y) => x - y));
    } finally {
      stream.close();
    }
  }, 60_000);

  it('dispatches each send once, whichever server answered it and whichever runs its job', async () => {
    const [a, b] = servers as [ReadyServer, ReadyServer];
    // Only this test's messages: the stream test before it sent one, which may still be on its way.
    await until(() => graph.acceptedMessageIds.length >= answeredSoFar, 'the earlier messages reach WhatsApp');
    const acceptedBefore = graph.acceptedMessageIds.length;
    const sendsBefore = sendsOf(graph).length;
    const accepted = () => graph.acceptedMessageIds.slice(acceptedBefore);
    const answered: Ticket[] = [];
    for (let index = 0; index < 8; index++) {
      const server = index % 2 === 0 ? a : b;
      const { key, body } = await prepareNotification(server);
      answered.push(await json<Ticket>(await postNotification(server, key, body), 201));
    }
    await until(() => accepted().length >= answered.length, 'every send reaches WhatsApp');
    // WhatsApp answered; a status can only be matched once the worker has stored the id it answered.
    const url = new URL(postgresUrl ?? '');
    url.pathname = `/${databaseName}`;
    const stored = new pg.Client({ connectionString: url.toString() });
    await stored.connect();
    try {
      await until(async () => {
        const { rows } = await stored.query<{ count: string }>(
          'select count(*) from tickets where id = any($1) and message_id is not null',
          [answered.map((ticket) => ticket.id)],
        );
        return Number(rows[0]?.count) === answered.length;
      }, 'every message id is stored');
    } finally {
      await stored.end();
    }
    // Each accepted message moves its ticket on only if a server stored its id for that ticket.
    const sends = sendsOf(graph).slice(sendsBefore);
    for (const [index, messageId] of accepted().entries()) await deliverSentStatus(b, messageId, sends[index]!.to);
    for (const ticket of answered) {
      await until(async () => (await ticketOn(a, ticket.id)).status === 'open', `ticket ${ticket.id} is open`);
    }
    expect(accepted()).toHaveLength(answered.length);
    expect(new Set(sends.map((send) => send.to)).size).toBe(answered.length);
  }, 180_000);
});
