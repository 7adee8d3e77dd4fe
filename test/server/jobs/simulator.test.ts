import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contractFixtures } from 'reachout/testing';
import type { ReachoutBackend } from '../../../server/src/backend';
import { createDatabaseBackend, type Database, openDatabase } from '../../../server/src/db';
import { tickets } from '../../../server/src/db/schema';
import { backendWithWorld, eventually, idleSimulatorDelayMs, orderSend } from '../db/helpers';

const oscar = 'contract-contact-oscar';

let db: Database;
const backends: ReachoutBackend[] = [];

beforeAll(async () => {
  db = await openDatabase({ kind: 'pglite', dataDir: null });
}, 60_000);

afterEach(async () => {
  await Promise.all(backends.splice(0).map((backend) => backend.close()));
});

afterAll(() => db?.close());

async function ticketRow(id: string) {
  const [row] = await db.drizzle.select().from(tickets).where(eq(tickets.id, id));
  if (!row) throw new Error(`No ticket ${id}`);
  return row;
}

describe('the simulator’s steps', () => {
  it('are run by another server on the database after the server that scheduled them stopped', async () => {
    // The other server was already running: it never saw the ticket at its start.
    const stopping = await backendWithWorld(db, contractFixtures, { simulatorDelayMs: 300 });
    const other = createDatabaseBackend(db, { simulatorDelayMs: idleSimulatorDelayMs, keepDatabaseOpen: true });
    backends.push(stopping, other);
    const ticket = await stopping.provider.sendNotification({ input: orderSend(oscar, 'simulated-step-0001') });
    await eventually(async () => (await ticketRow(ticket.id)).messageId !== null, 'the send is handed to the simulator');
    await stopping.simulator?.completeVerification(ticket.id, 'success');
    // The next step (delivered) is due in 300 ms; its server stops now.
    await stopping.close();
    await eventually(async () => (await ticketRow(ticket.id)).delivery === 'delivered', 'the ticket is delivered', 15_000);
    expect((await ticketRow(ticket.id)).status).toBe('assigned');
  }, 30_000);

  it('move a ticket that was verifying when its server stopped on after a restart, one step at a time', async () => {
    const first = await backendWithWorld(db, contractFixtures, { simulatorDelayMs: 200 });
    backends.push(first);
    const ticket = await first.provider.sendNotification({ input: orderSend(oscar, 'simulated-step-0002') });
    await eventually(async () => (await ticketRow(ticket.id)).messageId !== null, 'the send is handed to the simulator');
    await first.close();
    expect((await ticketRow(ticket.id)).status).toBe('verifying');
    const restarted = createDatabaseBackend(db, { simulatorDelayMs: 200, keepDatabaseOpen: true });
    backends.push(restarted);
    await eventually(async () => (await ticketRow(ticket.id)).delivery === 'read', 'the ticket is read', 15_000);
    const timeline = await restarted.provider.listTimeline({ contactId: oscar });
    const types = timeline.items.map((event) => event.type).reverse();
    expect(types.filter((type) => type.startsWith('notification.'))).toEqual([
      'notification.sent',
      'notification.verified',
      'notification.delivered',
      'notification.read',
    ]);
  }, 30_000);
});
