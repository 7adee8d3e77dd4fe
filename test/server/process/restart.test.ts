import fs from 'node:fs';
import path from 'node:path';
import type { Ticket } from 'reachout/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  json,
  makeTemporaryDirectory,
  openEventStream,
  postNotification,
  sendNotification,
  startServer,
  ticketUpdates,
  type ReadyServer,
} from './serverProcess';

// Real server processes killed and restarted on one PGlite data directory. The simulator's own
// delay is long, so a ticket changes only when a test asks the simulator routes to change it.
describe('a server killed and restarted on the same data directory', () => {
  let root: string;
  let server: ReadyServer | undefined;
  const environment = () => ({
    REACHOUT_DATA_DIR: path.join(root, 'data'),
    REACHOUT_SEED: '1',
    REACHOUT_SIM_DELAY_MS: '3600000',
  });

  beforeAll(async () => {
    root = makeTemporaryDirectory();
    server = await startServer(environment());
  }, 180_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('keeps a notification answered 201 through SIGKILL right after the answer', async () => {
    const { ticket, key, body } = await sendNotification(server!);
    const killed = await server!.stop('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');

    server = await startServer(environment());

    const stored = await json<Ticket>(await server.api(`/tickets/${ticket.id}`), 200);
    expect(stored).toMatchObject({ id: ticket.id, contactId: ticket.contactId, description: ticket.description });
    // The idempotency key survived too: a retry of the send answers with the same ticket.
    const retry = await json<Ticket>(await postNotification(server, key, body), 201);
    expect(retry.id).toBe(ticket.id);
  }, 180_000);

  it('resumes the event stream after a restart from Last-Event-ID without missing a ticket update', async () => {
    const before = server!;
    const watcher = await openEventStream(before);
    const { ticket } = await sendNotification(before);
    const [firstUpdate] = ticketUpdates(await watcher.waitFor((events) => ticketUpdates(events, ticket.id).length > 0), ticket.id);
    if (!firstUpdate) throw new Error('unreachable: waited for it');
    // This client goes away; a second one keeps listening and records what the server sent.
    watcher.close();
    const recorder = await openEventStream(before);

    const verification = await before.api(`/simulator/tickets/${ticket.id}/verification`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ result: 'success' }),
    });
    expect(verification.status).toBeLessThan(300);
    const verified = await json<Ticket>(await before.api(`/tickets/${ticket.id}`), 200);
    expect(verified.status).not.toBe('verifying');
    await recorder.waitFor((events) => ticketUpdates(events, ticket.id).some((update) => update.ticket.status === verified.status));
    const sentWhileAway = ticketUpdates(recorder.events, ticket.id);
    recorder.close();
    await before.stop('SIGKILL');

    server = await startServer(environment());
    const resumed = await openEventStream(server, firstUpdate.id);
    await resumed.waitFor((events) => ticketUpdates(events, ticket.id).length >= sentWhileAway.length);
    const { ticket: created } = await sendNotification(server);
    await resumed.waitFor((events) => ticketUpdates(events, created.id).length > 0);
    resumed.close();

    // Every update the server sent live after the client's last id comes again, same id, same ticket.
    const replayed = ticketUpdates(resumed.events, ticket.id);
    expect(sentWhileAway.length).toBeGreaterThan(0);
    expect(replayed).toEqual(expect.arrayContaining(sentWhileAway));
    expect(replayed.at(-1)?.ticket.status).toBe(verified.status);
    const ids = resumed.events.map((event) => BigInt(event.id));
    expect(ids.every((id, index) => id > BigInt(firstUpdate.id) && (index === 0 || id > (ids[index - 1] ?? 0n)))).toBe(true);
  }, 240_000);
});
