import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sender } from 'reachout/core';
import { senders as demoSenders } from 'reachout/testing';
import { registerCloudApiSender, registerCloudApiSenderAtStart, registeredSender } from '../../../server/src/db/cloudApiSender';
import { createDatabaseBackend, type Database, openDatabase, resetDatabase, seedWorld } from '../../../server/src/db';
import { senders } from '../../../server/src/db/schema';
import { createCloudApiGateway } from '../../../server/src/whatsapp';
import { defaultPhoneNumber, startFakeGraphApi } from './fakeGraphApi';
import type { FakeGraphApi } from './fakeGraphApi';

const accessToken = 'EAAG-start-token';
const phoneNumberId = '106540352242922';
const businessAccountId = '102290129340398';

const cloudSender: Sender = {
  id: 'whatsapp-106540352242922',
  channel: 'whatsapp',
  phone: '+15550783881',
  displayName: 'Acme Cloud',
  status: 'connected',
  qualityRating: 'GREEN',
};

const emptyWorld = { contacts: [], senders: [], templates: [], agents: [], chats: [], tickets: [], timeline: [] };

/** One database for the file (a new PGlite takes seconds); every test starts from empty tables. */
let db: Database;
beforeAll(async () => {
  db = await openDatabase({ kind: 'pglite', dataDir: null });
});
afterAll(async () => {
  await db.close();
});

describe('registerCloudApiSender', () => {
  beforeEach(async () => {
    await resetDatabase(db);
  });

  /** What `GET /senders` answers over this database. */
  async function listSenders(): Promise<Sender[]> {
    const backend = createDatabaseBackend(db, { keepDatabaseOpen: true, simulatorDelayMs: 600_000 });
    try {
      return await backend.provider.listSenders({});
    } finally {
      await backend.close();
    }
  }

  it('gives a database without senders (REACHOUT_SEED=0) the business number to send from', async () => {
    await registerCloudApiSender(db, cloudSender);

    expect(await listSenders()).toEqual([cloudSender]);
  });

  it('lists the business number before the demo senders, which keep their order', async () => {
    await seedWorld(db, { ...emptyWorld, senders: demoSenders });

    await registerCloudApiSender(db, cloudSender);

    expect((await listSenders()).map((sender) => sender.id)).toEqual([cloudSender.id, ...demoSenders.map((sender) => sender.id)]);
  });

  it('keeps one row in the same place across restarts', async () => {
    await seedWorld(db, { ...emptyWorld, senders: demoSenders });
    await registerCloudApiSender(db, cloudSender);
    const [before] = await db.drizzle.select().from(senders).orderBy(senders.position).limit(1);

    await registerCloudApiSender(db, cloudSender);
    await registerCloudApiSender(db, cloudSender);

    const rows = await db.drizzle.select().from(senders);
    expect(rows.filter((row) => row.id === cloudSender.id)).toEqual([before]);
    expect(rows).toHaveLength(demoSenders.length + 1);
  });

  it('follows what Meta says at the next start: name, number, status and quality', async () => {
    await seedWorld(db, { ...emptyWorld, senders: demoSenders });
    await registerCloudApiSender(db, cloudSender);
    const { qualityRating: _rating, ...withoutRating } = cloudSender;
    const changed: Sender = { ...withoutRating, displayName: 'Acme Cloud Support', phone: '+16315555555', status: 'flagged' };

    await registerCloudApiSender(db, changed);

    const listed = await listSenders();
    expect(listed[0]).toEqual(changed);
    expect(listed).toHaveLength(demoSenders.length + 1);
  });

  it('moves back to first when a sender was added before it since the last start', async () => {
    await registerCloudApiSender(db, cloudSender);
    const [cloudRow] = await db.drizzle.select({ position: senders.position }).from(senders);
    const earlier = demoSenders[0]!;
    await db.drizzle.insert(senders).values({
      id: earlier.id,
      phone: earlier.phone,
      displayName: earlier.displayName,
      status: earlier.status ?? null,
      qualityRating: earlier.qualityRating ?? null,
      position: (cloudRow?.position ?? 0) - 5,
    });

    await registerCloudApiSender(db, cloudSender);

    expect((await listSenders()).map((sender) => sender.id)).toEqual([cloudSender.id, earlier.id]);
  });

  it('answers the stored sender after a registration, and null before one', async () => {
    expect(await registeredSender(db, cloudSender.id)).toBeNull();

    await registerCloudApiSender(db, cloudSender);

    expect(await registeredSender(db, cloudSender.id)).toEqual(cloudSender);
  });
});

describe('registerCloudApiSenderAtStart', () => {
  let graph: FakeGraphApi;
  let lines: string[];
  const log = (line: string) => lines.push(line);

  beforeAll(async () => {
    graph = await startFakeGraphApi({ accessToken, phoneNumberId, businessAccountId });
  });
  afterAll(async () => {
    await graph.close();
  });
  beforeEach(async () => {
    await resetDatabase(db);
    graph.setPhoneNumber(defaultPhoneNumber);
    lines = [];
  });

  function gateway(overrides: { accessToken?: string; graphUrl?: string } = {}) {
    return createCloudApiGateway({
      accessToken: overrides.accessToken ?? accessToken,
      phoneNumberId,
      businessAccountId,
      graphUrl: overrides.graphUrl ?? graph.url,
    });
  }

  async function closedGraphUrl(): Promise<string> {
    const closed = await startFakeGraphApi({ accessToken, phoneNumberId, businessAccountId });
    await closed.close();
    return closed.url;
  }

  it('registers the number Meta describes and says so in one line', async () => {
    const sender = await registerCloudApiSenderAtStart(db, gateway(), { log });

    expect(sender).toMatchObject({ id: `whatsapp-${phoneNumberId}`, phone: '+16315555555', displayName: "Jasper's Market" });
    expect(await registeredSender(db, sender.id)).toEqual(sender);
    expect(lines).toEqual([`WhatsApp: sending as Jasper's Market (+16315555555), connected, quality GREEN`]);
  });

  it('warns when Meta does not let the number send', async () => {
    graph.setPhoneNumber({ ...defaultPhoneNumber, status: 'RESTRICTED', quality_rating: 'RED' });

    await registerCloudApiSenderAtStart(db, gateway(), { log });

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Warning: .*restricted.*sends are refused/);
  });

  it('stops the start with what to check when Meta refuses the token, even with a stored number', async () => {
    await registerCloudApiSender(db, cloudSender);

    const start = registerCloudApiSenderAtStart(db, gateway({ accessToken: 'expired-token' }), { log });

    await expect(start).rejects.toThrow(/could not read the business number.*Graph error 190.*Check WHATSAPP_TOKEN/);
    expect(lines).toEqual([]);
  });

  it('carries on with the number an earlier start registered when Meta cannot be reached', async () => {
    await registerCloudApiSender(db, cloudSender);

    const sender = await registerCloudApiSenderAtStart(db, gateway({ graphUrl: await closedGraphUrl() }), { log });

    expect(sender).toEqual(cloudSender);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Warning: .*ECONNREFUSED.*sending as Acme Cloud \(\+15550783881\)/);
  });

  it('stops the start when Meta cannot be reached and no start registered the number yet', async () => {
    const start = registerCloudApiSenderAtStart(db, gateway({ graphUrl: await closedGraphUrl() }), { log });

    await expect(start).rejects.toThrow(/could not read the business number.*ECONNREFUSED.*no earlier start registered/);
    expect(await registeredSender(db, cloudSender.id)).toBeNull();
  });
});

