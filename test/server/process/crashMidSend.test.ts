import fs from 'node:fs';
import path from 'node:path';
import type { Ticket } from 'reachout/core';
import { fixtures } from 'reachout/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGraphApi, startFakeGraphApi } from '../whatsapp/fakeGraphApi';
import { businessAccountId, businessPhoneNumberId } from '../whatsapp/samplePayloads';
import { json, makeTemporaryDirectory, postNotification, prepareNotification, startServer, type ReadyServer } from './serverProcess';

// The fixture arrays, from `fixtures` (reachout/testing exports no bare arrays).
const { templates } = fixtures;

const accessToken = 'EAAG-crash-mid-send-token';

// A real server process in Cloud API mode, killed while a send waits for the Graph API (a fake one
// here, told to stop answering), then restarted on the same data directory.
describe('a server killed with SIGKILL while a send waits for WhatsApp', () => {
  let root: string;
  let graph: FakeGraphApi;
  let server: ReadyServer | undefined;
  const environment = () => ({
    REACHOUT_DATA_DIR: path.join(root, 'data'),
    WHATSAPP_TOKEN: accessToken,
    WHATSAPP_PHONE_NUMBER_ID: businessPhoneNumberId,
    WHATSAPP_BUSINESS_ACCOUNT_ID: businessAccountId,
    WHATSAPP_APP_SECRET: 'crash-mid-send-app-secret',
    WHATSAPP_VERIFY_TOKEN: 'crash-mid-send-verify-token',
    WHATSAPP_GRAPH_URL: graph.url,
  });

  beforeAll(async () => {
    root = makeTemporaryDirectory();
    graph = await startFakeGraphApi({ accessToken, phoneNumberId: businessPhoneNumberId, businessAccountId, templates });
    server = await startServer(environment());
  }, 180_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await graph?.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers the retry with the same key at once after the restart, with one ticket', async () => {
    const { key, body } = await prepareNotification(server!);
    const hold = graph.hold();
    const cutShort = postNotification(server!, key, body).catch(() => null);
    await hold.waiting;
    await server!.stop('SIGKILL');
    await cutShort;
    hold.release();

    server = await startServer(environment());
    const retry = await postNotification(server, key, body);

    expect(retry.status).toBe(201);
    const ticket = await json<Ticket>(retry, 201);
    const tickets = await json<{ items: Ticket[] }>(await server.api(`/contacts/${ticket.contactId}/tickets`), 200);
    expect(tickets.items.map((item) => item.id)).toEqual([ticket.id]);
  }, 180_000);
});
