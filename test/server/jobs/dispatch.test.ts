import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isReachoutError, ReachoutError, type Ticket } from 'reachout/core';
import { contractFixtures } from 'reachout/testing';
import type { ReachoutBackend } from '../../../server/src/backend';
import { type Database, openDatabase } from '../../../server/src/db';
import { tickets } from '../../../server/src/db/schema';
import { unreachableReason } from '../../../server/src/jobs/dispatchNotification';
import { backendWithWorld, eventually, orderSend, recordingGateway } from '../db/helpers';

const oscar = 'contract-contact-oscar';

async function refusalOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isReachoutError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('Expected a refusal, but the send was accepted');
}

async function ticketRow(db: Database, id: string) {
  const [row] = await db.drizzle.select().from(tickets).where(eq(tickets.id, id));
  if (!row) throw new Error(`No ticket ${id}`);
  return row;
}

let template: Blob;
const backends: ReachoutBackend[] = [];

beforeAll(async () => {
  const fresh = await openDatabase({ kind: 'pglite', dataDir: null });
  const dumped = await fresh.dumpDataDir?.();
  if (!dumped) throw new Error('PGlite could not dump its data directory');
  template = dumped;
  await fresh.close();
}, 60_000);

afterEach(async () => {
  await Promise.all(backends.splice(0).map((backend) => backend.close()));
});

describe('a send waiting in the queue', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: null }, { loadDataDir: template });
  }, 60_000);
  afterAll(() => db?.close());

  it('keeps its contact busy however long its job keeps retrying', async () => {
    let clock = Date.parse('2026-03-10T12:00:00.000Z');
    let tries = 0;
    const { gateway } = recordingGateway({
      send: () => {
        tries++;
        return Promise.reject(new ReachoutError('NETWORK', 'The WhatsApp Cloud API is unavailable'));
      },
    });
    const backend = await backendWithWorld(db, contractFixtures, { gateway, now: () => new Date(clock) });
    backends.push(backend);
    const first = await backend.provider.sendNotification({ input: orderSend(oscar, 'queued-first-0001') });
    await eventually(() => Promise.resolve(tries >= 1), 'the first try reached the gateway');
    // An hour later the job is still retrying (with backoff): the message may yet go out.
    clock += 60 * 60 * 1000;
    expect(await refusalOf(backend.provider.sendNotification({ input: orderSend(oscar, 'queued-second-001') }))).toMatch(
      /^ACTIVE_CHAT: A notification to Oscar Wilde is being verified/,
    );
    expect((await ticketRow(db, first.id)).status).toBe('verifying');
  });
});

describe('a send whose job fails for good', () => {
  let db: Database;
  beforeAll(async () => {
    // No retry, and a try counts as lost after one second.
    db = await openDatabase(
      { kind: 'pglite', dataDir: null },
      { loadDataDir: template, queue: { jobExpireSeconds: 1, superviseIntervalSeconds: 1, dispatchRetryLimit: 0 } },
    );
  }, 60_000);
  afterAll(() => db?.close());

  it('fails its ticket when its last try expires without an answer, and frees the contact', async () => {
    // WhatsApp never answers (as for a server that died mid-call); at the end the call is refused, so the worker can stop.
    const endCalls: Array<() => void> = [];
    let tries = 0;
    const { gateway } = recordingGateway({
      send: () => {
        tries++;
        return new Promise<never>((_, reject) => endCalls.push(() => reject(new ReachoutError('VALIDATION', 'The test is over'))));
      },
    });
    const backend = await backendWithWorld(db, contractFixtures, { gateway });
    backends.push(backend);
    try {
      const first = await backend.provider.sendNotification({ input: orderSend(oscar, 'expired-first-0001') });
      await eventually(async () => (await ticketRow(db, first.id)).status === 'failed', 'the ticket fails', 20_000);
      const failed: Ticket = await backend.provider.getTicket({ id: first.id });
      expect(failed.notification).toMatchObject({ delivery: 'failed', failureReason: unreachableReason });
      expect(tries).toBe(1);
      const second = await backend.provider.sendNotification({ input: orderSend(oscar, 'expired-second-001') });
      expect(second.status).toBe('verifying');
    } finally {
      for (const endCall of endCalls) endCall();
    }
  }, 30_000);
});
