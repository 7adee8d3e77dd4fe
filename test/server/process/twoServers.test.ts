import pg from 'pg';
import type { Ticket } from 'reachout/core';
import { fixtures } from 'reachout/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGraphApi, startFakeGraphApi } from '../whatsapp/fakeGraphApi';
import { businessAccountId, businessPhoneNumberId } from '../whatsapp/samplePayloads';
import { accessToken, cloudApiEnvironment, until } from './cloudApiProcess';
import { json, openEventStream, postNotification, prepareNotification, type ReadyServer, startServer } from './serverProcess';

const postgresUrl = process.env.REACHOUT_TEST_DATABASE_URL;
const writeCount = 200;

// Two real server processes on one PostgreSQL database (Cloud API mode, a fake Graph API).
describe.skipIf(!postgresUrl)('two servers on one PostgreSQL under load', () => {
  const databaseName = `reachout_two_${process.pid}_${Date.now()}`;
  let graph: FakeGraphApi;
  const servers: ReadyServer[] = [];
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
    const environment = cloudApiEnvironment(graph, { DATABASE_URL: url.toString() });
    servers.push(...(await Promise.all([startServer(environment), startServer(environment)])));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop('SIGKILL')));
    await graph?.close();
    await admin(`drop database if exists ${databaseName} with (force)`);
  });

  it('200 concurrent writes spread over both: a client of each sees every event id once, in order', async () => {
    const [a, b] = servers as [ReadyServer, ReadyServer];
    const streams = await Promise.all([openEventStream(a), openEventStream(b)]);
    try {
      const created = await Promise.all(
        Array.from({ length: writeCount }, async (_, index) => {
          const server = index % 2 === 0 ? a : b;
          const phone = `+3362${String(index).padStart(6, '0')}${String(process.pid % 10)}`;
          const response = await server.api('/contacts', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ name: `Load ${index}`, phone }),
          });
          return json<{ id: string }>(response, 201);
        }),
      );
      const createdIds = new Set(created.map((contact) => contact.id));
      const contactIdsSeen = (events: ReadonlyArray<{ event: string; data: unknown }>) =>
        new Set(
          events.flatMap((event) => {
            const data = event.data as { type?: string; contact?: { id: string } };
            return event.event === 'contact.created' && data.contact ? [data.contact.id] : [];
          }),
        );
      const [seenByA, seenByB] = await Promise.all(
        streams.map((stream) => stream.waitFor((events) => [...createdIds].every((id) => contactIdsSeen(events).has(id)), 60_000)),
      );

      for (const seen of [seenByA!, seenByB!]) {
        const ids = seen.map((event) => Number(event.id));
        // Once each and in order: strictly increasing.
        expect(ids.every((id, index) => index === 0 || id > ids[index - 1]!)).toBe(true);
      }
      // Both clients saw the same events: every id either server wrote.
      const idsUpTo = (seen: typeof seenByA, last: number) => seen!.map((event) => Number(event.id)).filter((id) => id <= last);
      const last = Math.min(Number(seenByA!.at(-1)!.id), Number(seenByB!.at(-1)!.id));
      expect(idsUpTo(seenByA, last)).toEqual(idsUpTo(seenByB, last));
      expect(contactIdsSeen(seenByA!).size).toBe(writeCount);
    } finally {
      for (const stream of streams) stream.close();
    }
  }, 180_000);

  it('killing one server mid-run: the other finishes its sends, each message once', async () => {
    const [a, b] = servers as [ReadyServer, ReadyServer];
    const acceptedBefore = graph.acceptedMessageIds.length;
    const prepared = [];
    for (let index = 0; index < 10; index++) prepared.push(await prepareNotification(a));
    // WhatsApp stops answering: the jobs the first server's workers took hang there when it dies.
    const hold = graph.hold();
    const tickets: Ticket[] = [];
    for (const { key, body } of prepared) tickets.push(await json<Ticket>(await postNotification(a, key, body), 201));
    await hold.waiting;
    await a.stop('SIGKILL');
    hold.release();

    await until(() => graph.acceptedMessageIds.length - acceptedBefore >= tickets.length, 'every send reaches WhatsApp', 90_000);
    const url = new URL(postgresUrl ?? '');
    url.pathname = `/${databaseName}`;
    const database = new pg.Client({ connectionString: url.toString() });
    await database.connect();
    try {
      await until(async () => {
        const { rows } = await database.query<{ count: string }>('select count(*) from tickets where id = any($1) and message_id is not null', [
          tickets.map((ticket) => ticket.id),
        ]);
        return Number(rows[0]?.count) === tickets.length;
      }, 'every message id is stored');
    } finally {
      await database.end();
    }
    expect(graph.acceptedMessageIds.length - acceptedBefore).toBe(tickets.length);
    const tos = graph.requests
      .filter((request) => request.method === 'POST' && request.url.endsWith('/messages'))
      .map((request) => request.body as { to: string; type: string })
      .filter((body) => body.type === 'template')
      .map((body) => body.to);
    for (const ticket of tickets) expect(tos.filter((to) => to === ticket.notification.to).length).toBeGreaterThanOrEqual(1);
    expect((await b.api('/contacts?limit=1')).status).toBe(200);
  }, 240_000);
});
