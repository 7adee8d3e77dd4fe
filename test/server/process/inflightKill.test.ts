import fs from 'node:fs';
import path from 'node:path';
import type { Ticket } from 'reachout/core';
import { fixtures } from 'reachout/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGraphApi, startFakeGraphApi } from '../whatsapp/fakeGraphApi';
import { businessAccountId, businessPhoneNumberId } from '../whatsapp/samplePayloads';
import { accessToken, cloudApiEnvironment, until } from './cloudApiProcess';
import { json, makeTemporaryDirectory, postNotification, prepareNotification, type ReadyServer, startServer } from './serverProcess';

const sendCount = 20;

function templateSendsOf(graph: FakeGraphApi): string[] {
  return graph.requests
    .filter((request) => request.method === 'POST' && request.url.endsWith('/messages'))
    .map((request) => request.body as { type?: string; to: string })
    .filter((body) => body.type === 'template')
    .map((body) => body.to);
}

/** How many send job tries a server's log says completed. */
function completedSendJobs(server: ReadyServer): number {
  return server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes('"kind":"job"') && line.includes('"queue":"dispatch-notification"') && line.includes('"outcome":"completed"')).length;
}

// 20 sends at once to a real server process in Cloud API mode, killed with SIGKILL while some are
// answered and others still in flight, then restarted; every send is retried with its key.
describe('a server killed with SIGKILL during 20 sends in flight', () => {
  let root: string;
  let graph: FakeGraphApi;
  let server: ReadyServer | undefined;
  const environment = () => cloudApiEnvironment(graph, { REACHOUT_DATA_DIR: path.join(root, 'data') });

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

  it('after the restart each answered send has its ticket, each message went out once, and retries with the same key make no new ticket', async () => {
    const prepared = [];
    for (let index = 0; index < sendCount; index++) prepared.push(await prepareNotification(server!));
    const answeredBefore = new Map<string, Ticket>();
    const first = server!;
    // WhatsApp takes the calls but answers none before the kill: every send is in flight somewhere
    // (a request not answered yet, or a job waiting on WhatsApp), and none is in the one window
    // that cannot be closed (WhatsApp answered, the id not committed), so "once" is exact.
    const whatsappHeld = graph.hold();
    const inFlight = prepared.map(({ key, body }) =>
      postNotification(first, key, body)
        .then(async (response) => {
          if (response.status === 201) answeredBefore.set(key, (await response.json()) as Ticket);
        })
        .catch(() => undefined),
    );
    await until(() => answeredBefore.size >= 5, 'some sends are answered');
    await whatsappHeld.waiting;
    await first.stop('SIGKILL');
    whatsappHeld.release();
    await Promise.all(inFlight);
    expect(graph.acceptedMessageIds, 'nothing reached WhatsApp before the kill').toHaveLength(0);
    const firstServerJobs = completedSendJobs(first);

    server = await startServer(environment());
    const retried = new Map<string, Ticket>();
    for (const { key, body } of prepared) retried.set(key, await json<Ticket>(await postNotification(server, key, body), 201));

    for (const [key, ticket] of answeredBefore) expect(retried.get(key)?.id).toBe(ticket.id);
    for (const ticket of retried.values()) {
      const tickets = await json<{ items: Ticket[] }>(await server.api(`/contacts/${ticket.contactId}/tickets`), 200);
      expect(tickets.items.map((item) => item.id)).toEqual([ticket.id]);
    }
    // Every job has ended (on either server: a try cut short by the kill logs nothing and runs again).
    await until(() => firstServerJobs + completedSendJobs(server!) >= sendCount, 'every send job has run', 60_000);
    const sentTo = templateSendsOf(graph);
    expect(graph.acceptedMessageIds).toHaveLength(sendCount);
    expect(new Set(sentTo).size).toBe(sendCount);
    expect(new Set([...retried.values()].map((ticket) => ticket.notification.to))).toEqual(new Set(sentTo));
  }, 240_000);
});
