import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Campaign, type CampaignInput, type Contact, ReachoutError, type Sender, type TemplateMessagePayload } from 'reachout/core';
import { contractFixtures, type ContractWorld } from 'reachout/testing';
import type { WhatsAppGateway } from '../../../server/src/backend';
import { createDatabaseBackend, type Database } from '../../../server/src/db';
import { backendWithWorld } from '../db/helpers';
import { testDatabaseTargets } from '../http/databaseApp';

// The campaign queue end to end on PGlite (and PostgreSQL with REACHOUT_TEST_DATABASE_URL): a gateway that records every call (its time and number)
// stands in for WhatsApp, so "each recipient once" and "the rate" are read from what it received.

const contractIds = {
  supportSender: 'contract-sender-support',
  orderTemplate: 'contract-template-order',
  hugo: 'contract-contact-hugo',
  elena: 'contract-contact-elena',
} as const;

interface GatewayCall {
  to: string;
  at: number;
  /** Which gateway (so which server) made the call. */
  gateway: WhatsAppGateway;
}

function recordingGateway(
  refuse: (to: string, attempt: number) => ReachoutError | null = () => null,
  calls: GatewayCall[] = [],
  idPrefix = 'wamid.CAMPAIGN',
) {
  const attempts = new Map<string, number>();
  let sequence = 0;
  const gateway: WhatsAppGateway = {
    mode: 'cloud-api',
    async send(message) {
      const to = (message as TemplateMessagePayload).to;
      const attempt = (attempts.get(to) ?? 0) + 1;
      attempts.set(to, attempt);
      calls.push({ to, at: Date.now(), gateway });
      const refusal = refuse(to, attempt);
      if (refusal) throw refusal;
      sequence += 1;
      return { messageId: `${idPrefix}${sequence}` };
    },
  };
  return { gateway, calls };
}

function generatedContacts(count: number): Contact[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `campaign-contact-${String(index).padStart(5, '0')}`,
    name: `Recipient ${String(index).padStart(5, '0')}`,
    email: null,
    // None ends in 0000 (the simulator's unreachable numbers) below 9,999 contacts.
    phone: `+55119876${String(index + 1).padStart(5, '0')}`,
    avatarUrl: null,
    createdAt: '2025-01-01T00:00:00.000Z',
  }));
}

function worldWith(contacts: Contact[], messagingLimit?: Sender['messagingLimit']): ContractWorld {
  return {
    ...contractFixtures,
    contacts: [...contractFixtures.contacts, ...contacts],
    senders: contractFixtures.senders.map((sender) =>
      sender.id === contractIds.supportSender && messagingLimit !== undefined ? { ...sender, messagingLimit } : sender,
    ),
  };
}

let keySequence = 0;
function campaignInput(contactIds: string[], overrides: Partial<CampaignInput> = {}): CampaignInput {
  keySequence += 1;
  return {
    idempotencyKey: `campaign-send-test-${keySequence}-${Date.now()}`,
    name: 'Queue campaign',
    senderId: contractIds.supportSender,
    template: { id: contractIds.orderTemplate, name: 'contract_order_update', language: 'en_US' },
    parameters: { body: { '2': '#1042' } },
    bindings: { 'body.1': 'firstName' },
    audience: { contactIds },
    scheduledAt: null,
    ...overrides,
  };
}

async function until<Value>(read: () => Promise<Value>, done: (value: Value) => boolean, what: string, timeoutMs = 120_000): Promise<Value> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Still not true after ${timeoutMs} ms: ${what} (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How many calls each number received, for the numbers called more than once. */
function repeatedNumbers(calls: readonly GatewayCall[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(call.to, (counts.get(call.to) ?? 0) + 1);
  return Object.fromEntries([...counts].filter(([, count]) => count > 1));
}

/** The most calls in any one second (a window starting at each call). */
function busiestSecond(calls: readonly GatewayCall[]): number {
  const times = calls.map((call) => call.at).sort((left, right) => left - right);
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] as number) - (times[start] as number) >= 1000) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

for (const target of testDatabaseTargets()) describeCampaignQueue(target.name, () => target.open());

function describeCampaignQueue(targetName: string, open: () => Promise<{ db: Database; close: () => Promise<void> }>) {
  describe(`campaigns on the job queue (${targetName})`, () => {
    let db: Database | undefined;
    let closeDatabase: (() => Promise<void>) | undefined;
    let close: (() => Promise<void>) | undefined;
    const previousRate = process.env.REACHOUT_SEND_RATE;

    beforeAll(async () => {
      ({ db, close: closeDatabase } = await open());
    }, 60_000);
    afterEach(async () => {
      await close?.();
      close = undefined;
      if (previousRate === undefined) delete process.env.REACHOUT_SEND_RATE;
      else process.env.REACHOUT_SEND_RATE = previousRate;
    });
    afterAll(async () => {
      await closeDatabase?.();
    });

    async function start(world: ContractWorld, rate: number, gateway: WhatsAppGateway | null, simulatorDelayMs?: number) {
      if (!db) throw new Error('The database did not open');
      process.env.REACHOUT_SEND_RATE = String(rate);
      const backend = await backendWithWorld(db, world, gateway ? { gateway } : { simulatorDelayMs });
      close = () => backend.close();
      const provider = backend.provider as Required<typeof backend.provider>;
      const campaign = (id: string) => provider.getCampaign({ id });
      return { backend, provider, campaign };
    }

    it('sends 2,000 recipients at rate 100 once each, never more than 100 in a second', async () => {
      const contacts = generatedContacts(2000);
      const { gateway, calls } = recordingGateway();
      const { provider, campaign } = await start(worldWith(contacts), 100, gateway);
      const startedAt = Date.now();
      const created = await provider.createCampaign({ input: campaignInput(contacts.map((contact) => contact.id)) });
      const done = await until(() => campaign(created.id), (value) => value.status === 'completed', 'the campaign completed');
      const seconds = (Date.now() - startedAt) / 1000;
      console.log(
        `campaign of 2,000 at rate 100: ${seconds.toFixed(1)} s, achieved ${(2000 / seconds).toFixed(1)}/s, busiest second ${busiestSecond(calls)} sends`,
      );
      expect(done.counts).toMatchObject({ total: 2000, sent: 2000, queued: 0, failed: 0, skipped: 0 });
      expect(calls).toHaveLength(2000);
      expect(repeatedNumbers(calls)).toEqual({});
      expect(busiestSecond(calls)).toBeLessThanOrEqual(100);
    }, 180_000);

    it('two servers on one database share one campaign and one rate: each recipient once, never more than 100 in a second', async () => {
      const contacts = generatedContacts(600);
      const calls: GatewayCall[] = [];
      const first = recordingGateway(undefined, calls);
      const second = recordingGateway(undefined, calls, 'wamid.SECOND');
      const { provider, campaign } = await start(worldWith(contacts), 100, first.gateway);
      // The second server joins the same database (no reset): its sweep and workers take steps too.
      const other = createDatabaseBackend(db!, { gateway: second.gateway, keepDatabaseOpen: true });
      try {
        const created = await provider.createCampaign({ input: campaignInput(contacts.map((contact) => contact.id)) });
        const done = await until(() => campaign(created.id), (value) => value.status === 'completed', 'the campaign completed');
        const bySecond = calls.filter((call) => call.gateway === second.gateway).length;
        console.log(`two servers: ${calls.length - bySecond} + ${bySecond} sends, busiest second ${busiestSecond(calls)}`);
        expect(done.counts).toMatchObject({ total: 600, sent: 600 });
        expect(calls).toHaveLength(600);
        expect(repeatedNumbers(calls)).toEqual({});
        expect(bySecond).toBeGreaterThan(0);
        expect(busiestSecond(calls)).toBeLessThanOrEqual(100);
      } finally {
        await other.close();
      }
    }, 180_000);

    it('stops at a messaging limit of 250 unique recipients; the rest wait with reason messaging_limit', async () => {
      const contacts = generatedContacts(300);
      const { gateway, calls } = recordingGateway();
      const { provider, campaign } = await start(worldWith(contacts, 250), 1000, gateway);
      const created = await provider.createCampaign({ input: campaignInput(contacts.map((contact) => contact.id)) });
      await until(() => campaign(created.id), (value) => value.counts.sent === 250, '250 sent');
      const waiting = await until(
        () => provider.listCampaignRecipients({ campaignId: created.id, status: 'queued', limit: 100 }),
        (page) => page.items.length === 50 && page.items.every((recipient) => recipient.reason === 'messaging_limit'),
        'the other 50 waiting for the limit',
      );
      expect(waiting.items.map((recipient) => recipient.contactId)).toEqual(contacts.slice(250).map((contact) => contact.id));
      // The waits run to the next free slot, a day away: nothing more goes out meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(calls).toHaveLength(250);
      expect((await campaign(created.id)).status).toBe('running');
    }, 120_000);

    it('starts a scheduled campaign within 2 s of its time', async () => {
      const contacts = generatedContacts(3);
      const { gateway, calls } = recordingGateway();
      const { provider, campaign } = await start(worldWith(contacts), 100, gateway);
      const scheduledAt = new Date(Date.now() + 3000);
      const created = await provider.createCampaign({
        input: campaignInput(contacts.map((contact) => contact.id), { scheduledAt: scheduledAt.toISOString() }),
      });
      expect(created.status).toBe('scheduled');
      await until(() => campaign(created.id), (value) => value.status === 'completed', 'the scheduled campaign completed', 30_000);
      const firstCall = Math.min(...calls.map((call) => call.at));
      console.log(`scheduled campaign: first send ${firstCall - scheduledAt.getTime()} ms after its time`);
      expect(firstCall).toBeGreaterThanOrEqual(scheduledAt.getTime());
      expect(firstCall - scheduledAt.getTime()).toBeLessThan(2000);
    }, 60_000);

    it('pause stops the sends, resume sends the rest, each once', async () => {
      const contacts = generatedContacts(60);
      const { gateway, calls } = recordingGateway();
      const { provider, campaign } = await start(worldWith(contacts), 10, gateway);
      const created = await provider.createCampaign({ input: campaignInput(contacts.map((contact) => contact.id)) });
      await until(async () => calls.length, (count) => count >= 10, '10 sent');
      const paused = await provider.updateCampaign({ id: created.id, action: 'pause' });
      expect(paused.status).toBe('paused');
      // Sends already past their check when the pause came may still land; then nothing more.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const afterPause = calls.length;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(calls.length).toBe(afterPause);
      expect(afterPause).toBeLessThan(60);
      expect((await campaign(created.id)).counts.queued).toBe(60 - afterPause);
      await provider.updateCampaign({ id: created.id, action: 'resume' });
      const done = await until(() => campaign(created.id), (value) => value.status === 'completed', 'the resumed campaign completed');
      expect(done.counts).toMatchObject({ total: 60, sent: 60 });
      expect(calls).toHaveLength(60);
      expect(repeatedNumbers(calls)).toEqual({});
    }, 120_000);

    it('fails a recipient refused for 131049 or 131026 alone, and retries one throttled with 130429', async () => {
      const contacts = generatedContacts(5);
      const [capped, undeliverable, throttled] = contacts.map((contact) => contact.phone);
      const graphError = (code: number, reachoutCode: 'UNKNOWN' | 'INVALID_NUMBER' | 'RATE_LIMITED') =>
        new ReachoutError(reachoutCode, `Graph error ${code}`, { cause: { code }, ...(reachoutCode === 'RATE_LIMITED' ? { retryAfterMs: 200 } : {}) });
      const { gateway, calls } = recordingGateway((to, attempt) => {
        if (to === capped) return graphError(131049, 'UNKNOWN');
        if (to === undeliverable) return graphError(131026, 'INVALID_NUMBER');
        if (to === throttled && attempt === 1) return graphError(130429, 'RATE_LIMITED');
        return null;
      });
      const { provider, campaign } = await start(worldWith(contacts), 100, gateway);
      const created = await provider.createCampaign({ input: campaignInput(contacts.map((contact) => contact.id)) });
      const done: Campaign = await until(() => campaign(created.id), (value) => value.status === 'completed', 'the campaign completed', 60_000);
      expect(done.counts).toMatchObject({ total: 5, sent: 3, failed: 2 });
      const failed = await provider.listCampaignRecipients({ campaignId: created.id, status: 'failed' });
      expect(failed.items.map((recipient) => [recipient.phone, recipient.reason])).toEqual([
        [capped, '131049'],
        [undeliverable, '131026'],
      ]);
      expect(calls.filter((call) => call.to === throttled)).toHaveLength(2);
    }, 90_000);

    it('skips, at its turn, a recipient who opted out or has an active chat', async () => {
      const contacts = generatedContacts(2);
      const { gateway, calls } = recordingGateway();
      const { provider, campaign } = await start(worldWith(contacts), 100, gateway);
      const audience = [contacts[0]!.id, contractIds.hugo, contractIds.elena, contacts[1]!.id];
      const created = await provider.createCampaign({ input: campaignInput(audience) });
      await until(() => campaign(created.id), (value) => value.status === 'completed', 'the campaign completed', 60_000);
      const skipped = await provider.listCampaignRecipients({ campaignId: created.id, status: 'skipped' });
      expect(skipped.items.map((recipient) => [recipient.contactId, recipient.reason])).toEqual([
        [contractIds.hugo, 'active_chat'],
        [contractIds.elena, 'opted_out'],
      ]);
      expect(calls.map((call) => call.to).sort()).toEqual([contacts[0]!.phone, contacts[1]!.phone].sort());
    }, 60_000);

    it('counts the simulator\'s deliveries and reads on the campaign; a number ending in 0000 fails with 131026', async () => {
      const contacts = [...generatedContacts(3), { ...generatedContacts(1)[0]!, id: 'campaign-contact-unreachable', phone: '+5511987650000' }];
      const { provider, campaign } = await start(worldWith(contacts), 100, null, 100);
      const created = await provider.createCampaign({ input: campaignInput(contacts.map((contact) => contact.id)) });
      const done = await until(
        () => campaign(created.id),
        (value) => value.counts.read === 3 && value.counts.failed === 1,
        'three read and one failed',
        60_000,
      );
      expect(done.counts).toMatchObject({ total: 4, sent: 0, delivered: 0, read: 3, failed: 1 });
      const failed = await provider.listCampaignRecipients({ campaignId: created.id, status: 'failed' });
      expect(failed.items.map((recipient) => [recipient.contactId, recipient.reason])).toEqual([['campaign-contact-unreachable', '131026']]);
    }, 90_000);

    it('moves a recipient on from Cloud API status webhooks, never backwards', async () => {
      const contacts = generatedContacts(2);
      const { gateway } = recordingGateway();
      const { backend, provider, campaign } = await start(worldWith(contacts), 100, gateway);
      const created = await provider.createCampaign({ input: campaignInput(contacts.map((contact) => contact.id)) });
      await until(() => campaign(created.id), (value) => value.status === 'completed', 'the campaign completed', 60_000);
      const [first] = (await provider.listCampaignRecipients({ campaignId: created.id })).items;
      if (!first?.messageId) throw new Error('The first recipient has no message id');
      const at = new Date().toISOString();
      await backend.whatsapp.recordStatus({ messageId: first.messageId, status: 'read', at });
      await backend.whatsapp.recordStatus({ messageId: first.messageId, status: 'delivered', at });
      const counts = (await campaign(created.id)).counts;
      expect(counts).toMatchObject({ sent: 1, delivered: 0, read: 1 });
    }, 60_000);

    it('sends the counts of receipts that arrive within a second of the last campaign.updated in a later event', async () => {
      const contacts = generatedContacts(2);
      const { gateway } = recordingGateway();
      const { backend, provider, campaign } = await start(worldWith(contacts), 100, gateway);
      const created = await provider.createCampaign({ input: campaignInput(contacts.map((contact) => contact.id)) });
      await until(() => campaign(created.id), (value) => value.status === 'completed', 'the campaign completed', 60_000);
      const updates: Campaign[] = [];
      const unsubscribe = backend.events.subscribe(({ event }) => {
        if (event.type === 'campaign.updated' && event.campaign.id === created.id) updates.push(event.campaign);
      });
      try {
        const at = new Date().toISOString();
        // Both read at once, just after the completion's event: the throttle holds them back.
        for (const recipient of (await provider.listCampaignRecipients({ campaignId: created.id })).items) {
          if (!recipient.messageId) throw new Error('A recipient has no message id');
          await backend.whatsapp.recordStatus({ messageId: recipient.messageId, status: 'read', at });
        }
        const last = await until(async () => updates.at(-1), (update) => update?.counts.read === 2, 'an event with both reads', 10_000);
        expect(last?.counts).toMatchObject({ sent: 0, read: 2 });
      } finally {
        unsubscribe();
      }
    }, 60_000);

    it('emits campaign.updated at most once a second while a campaign runs', async () => {
      const contacts = generatedContacts(300);
      const { gateway } = recordingGateway();
      const { backend, provider, campaign } = await start(worldWith(contacts), 100, gateway);
      const updates: Campaign[] = [];
      const unsubscribe = backend.events.subscribe(({ event }) => {
        if (event.type === 'campaign.updated') updates.push(event.campaign);
      });
      try {
        const created = await provider.createCampaign({ input: campaignInput(contacts.map((contact) => contact.id)) });
        await until(() => campaign(created.id), (value) => value.status === 'completed', 'the campaign completed');
        const running = updates.filter((update) => update.id === created.id && update.status === 'running');
        const gaps = running.slice(1).map((update, index) => Date.parse(update.updatedAt) - Date.parse(running[index]!.updatedAt));
        console.log(`campaign.updated while running: ${running.length} events, gaps ${gaps.join(', ')} ms`);
        expect(running.length).toBeGreaterThan(1);
        expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000);
        expect(updates.at(-1)).toMatchObject({ id: created.id, status: 'completed', counts: { sent: 300 } });
      } finally {
        unsubscribe();
      }
    }, 90_000);
  });
}
