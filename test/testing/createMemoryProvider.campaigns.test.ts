import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CampaignInput, ReachoutEvent } from '../../src/core/types';
import { contractIds } from '../../src/testing/contract/contractFixtures';
import { contractFixtures, createMemoryProvider, generateContacts } from '../../src/testing';

let clock = Date.parse('2026-12-05T12:00:00.000Z');
const now = () => new Date(clock);

function provider() {
  clock = Date.parse('2026-12-05T12:00:00.000Z');
  return createMemoryProvider({ ...structuredClone(contractFixtures), now });
}

const input = (overrides: Partial<CampaignInput> = {}): CampaignInput => ({
  idempotencyKey: `key-${Math.random()}`,
  name: 'Campaign',
  senderId: contractIds.supportSender,
  template: { id: contractIds.orderTemplate, name: 'contract_order_update', language: 'en_US' },
  parameters: { body: { '2': '#1042' } },
  bindings: { 'body.1': 'firstName' },
  audience: { contactIds: [contractIds.oscar, contractIds.paula] },
  scheduledAt: null,
  ...overrides,
});

describe('memory provider campaigns', () => {
  it('sends each queued recipient on advanceCampaigns, then delivers and reads them, and completes', async () => {
    const memory = provider();
    const campaign = await memory.createCampaign({ input: input({ audience: { contactIds: [contractIds.oscar, contractIds.ana] } }) });
    expect(campaign).toMatchObject({ status: 'running', counts: { total: 2, queued: 2 } });
    expect(memory.control.advanceCampaigns()).toBe(1);
    expect(await memory.getCampaign({ id: campaign.id })).toMatchObject({ status: 'completed', counts: { sent: 2, queued: 0 } });
    memory.control.advanceCampaigns();
    expect((await memory.getCampaign({ id: campaign.id })).counts).toMatchObject({ delivered: 2, sent: 0 });
    memory.control.advanceCampaigns();
    expect((await memory.getCampaign({ id: campaign.id })).counts).toMatchObject({ read: 2, delivered: 0 });
    expect(memory.control.advanceCampaigns()).toBe(0);
  });

  it('decides skips when the recipient’s turn comes: an opt-out after the preflight still skips', async () => {
    const memory = provider();
    const campaign = await memory.createCampaign({ input: input() });
    memory.control.setOptedOut(contractIds.paula, true);
    memory.control.advanceCampaigns();
    const skipped = await memory.listCampaignRecipients({ campaignId: campaign.id, status: 'skipped' });
    expect(skipped.items.map((recipient) => [recipient.contactId, recipient.reason])).toEqual([[contractIds.paula, 'opted_out']]);
    expect((await memory.listCampaignRecipients({ campaignId: campaign.id, status: 'sent' })).items.map((recipient) => recipient.contactId)).toEqual([contractIds.oscar]);
  });

  it('skips a contact without the bound field, and fails a number WhatsApp cannot reach with its error code', async () => {
    const memory = createMemoryProvider({ ...structuredClone(contractFixtures), now, verify: (phone) => (phone === '+447400123456' ? 'failed' : 'success') });
    const campaign = await memory.createCampaign({
      input: input({ bindings: { 'body.1': 'email' }, audience: { contactIds: [contractIds.oscar, contractIds.bruno, contractIds.paula] } }),
    });
    memory.control.advanceCampaigns();
    const recipients = (await memory.listCampaignRecipients({ campaignId: campaign.id })).items;
    expect(recipients.map((recipient) => [recipient.contactId, recipient.status, recipient.reason])).toEqual([
      [contractIds.oscar, 'failed', '131026'],
      [contractIds.bruno, 'skipped', 'missing_field'],
      [contractIds.paula, 'sent', null],
    ]);
  });

  it('starts a scheduled campaign only once its time has come, with its audience then', async () => {
    const memory = provider();
    const campaign = await memory.createCampaign({
      input: input({ audience: { search: 'maria silva' }, scheduledAt: '2026-12-05T13:00:00.000Z' }),
    });
    expect(memory.control.advanceCampaigns()).toBe(0);
    expect((await memory.getCampaign({ id: campaign.id })).status).toBe('scheduled');
    clock = Date.parse('2026-12-05T13:00:00.000Z');
    memory.control.advanceCampaigns();
    expect(await memory.getCampaign({ id: campaign.id })).toMatchObject({ status: 'completed', counts: { total: 2, sent: 2 } });
  });

  it('moves nothing while paused, and emits campaign.updated for each change', async () => {
    const memory = provider();
    const events: ReachoutEvent[] = [];
    memory.subscribe((event) => events.push(event));
    const campaign = await memory.createCampaign({ input: input() });
    await memory.updateCampaign({ id: campaign.id, action: 'pause' });
    expect(memory.control.advanceCampaigns()).toBe(0);
    expect((await memory.getCampaign({ id: campaign.id })).counts.queued).toBe(2);
    await memory.updateCampaign({ id: campaign.id, action: 'resume' });
    memory.control.advanceCampaigns();
    const statuses = events.flatMap((event) => (event.type === 'campaign.updated' ? [event.campaign.status] : []));
    expect(statuses).toEqual(['running', 'paused', 'running', 'completed']);
  });

  it('cancelling keeps what was sent and skips every recipient still queued, with reason cancelled', async () => {
    const memory = provider();
    const campaign = await memory.createCampaign({ input: input({ audience: { contactIds: [contractIds.oscar, contractIds.paula] } }) });
    memory.control.advanceCampaigns();
    const later = await memory.createCampaign({ input: input() });
    const cancelled = await memory.updateCampaign({ id: later.id, action: 'cancel' });
    expect(cancelled).toMatchObject({ status: 'cancelled', counts: { total: 2, queued: 0, skipped: 2 } });
    const recipients = (await memory.listCampaignRecipients({ campaignId: later.id })).items;
    expect(recipients.map((recipient) => [recipient.status, recipient.reason, recipient.messageId])).toEqual([
      ['skipped', 'cancelled', null],
      ['skipped', 'cancelled', null],
    ]);
    expect(memory.control.advanceCampaigns()).toBe(1);
    expect((await memory.getCampaign({ id: later.id })).counts).toMatchObject({ skipped: 2, sent: 0 });
    await expect(memory.updateCampaign({ id: campaign.id, action: 'cancel' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('takes at most `turns` queued recipients a step when asked, leaving the rest queued', async () => {
    const memory = createMemoryProvider({ ...structuredClone(contractFixtures), now, verify: () => 'success' });
    const campaign = await memory.createCampaign({ input: input({ audience: { contactIds: [contractIds.oscar, contractIds.paula, contractIds.ana] } }) });
    memory.control.advanceCampaigns({ turns: 2 });
    expect(await memory.getCampaign({ id: campaign.id })).toMatchObject({ status: 'running', counts: { sent: 2, queued: 1 } });
    memory.control.advanceCampaigns({ turns: 2 });
    expect(await memory.getCampaign({ id: campaign.id })).toMatchObject({ status: 'completed', counts: { delivered: 2, sent: 1, queued: 0 } });
  });

  describe('the sender’s messaging limit', () => {
    /** Generated contacts none of whom a campaign skips (some generated ones have opted out). */
    const reachable = (count: number) => generateContacts(count, 3).map(({ optedOut: _optedOut, ...contact }) => contact);
    const limited = (generated: ReturnType<typeof generateContacts>) => {
      clock = Date.parse('2026-12-05T12:00:00.000Z');
      const world = structuredClone(contractFixtures);
      return createMemoryProvider({
        ...world,
        contacts: [...world.contacts, ...generated],
        senders: world.senders.map((sender) => (sender.id === contractIds.supportSender ? { ...sender, messagingLimit: 250 as const } : sender)),
        verify: () => 'success',
        now,
      });
    };

    it('keeps recipients past the limit queued with reason messaging_limit until a slot frees 24 hours on', async () => {
      const generated = reachable(260);
      const memory = limited(generated);
      const audience = { contactIds: generated.map((contact) => contact.id) };
      const campaign = await memory.createCampaign({ input: input({ bindings: {}, parameters: { body: { '1': 'there', '2': '#1042' } }, audience }) });
      memory.control.advanceCampaigns();
      expect(await memory.getCampaign({ id: campaign.id })).toMatchObject({ status: 'running', counts: { sent: 250, queued: 10 } });
      const waiting = await memory.listCampaignRecipients({ campaignId: campaign.id, status: 'queued' });
      expect(waiting.items.map((recipient) => recipient.reason)).toEqual(Array(10).fill('messaging_limit'));
      expect(waiting.items.map((recipient) => recipient.contactId)).toEqual(audience.contactIds.slice(250));

      clock += 24 * 60 * 60 * 1000 - 1;
      memory.control.advanceCampaigns();
      expect((await memory.getCampaign({ id: campaign.id })).counts.queued).toBe(10);
      clock += 1;
      memory.control.advanceCampaigns();
      expect(await memory.getCampaign({ id: campaign.id })).toMatchObject({ status: 'completed', counts: { queued: 0, skipped: 0 } });
    });

    it('messages a recipient of the last 24 hours again without using a new slot', async () => {
      const generated = reachable(250).map((contact) => contact.id);
      const memory = limited(reachable(250));
      const content = { bindings: {}, parameters: { body: { '1': 'there', '2': '#1042' } } };
      await memory.createCampaign({ input: input({ ...content, audience: { contactIds: generated } }) });
      memory.control.advanceCampaigns();
      const again = await memory.createCampaign({ input: input({ ...content, audience: { contactIds: [generated[0]!, contractIds.paula] } }) });
      memory.control.advanceCampaigns();
      const recipients = (await memory.listCampaignRecipients({ campaignId: again.id })).items;
      expect(recipients.map((recipient) => [recipient.contactId, recipient.status, recipient.reason])).toEqual([
        [generated[0], 'sent', null],
        [contractIds.paula, 'queued', 'messaging_limit'],
      ]);
    });
  });

  describe('campaignStepMs', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('moves campaigns on their own, each step sending what 80 messages a second allow in its time', async () => {
      vi.useFakeTimers();
      const world = structuredClone(contractFixtures);
      const generated = generateContacts(100, 5);
      const memory = createMemoryProvider({ ...world, contacts: [...world.contacts, ...generated], verify: () => 'success', campaignStepMs: 250 });
      const ids = generated.map((contact) => contact.id);
      const events: ReachoutEvent[] = [];
      memory.subscribe((event) => events.push(event));
      const campaign = await memory.createCampaign({ input: input({ bindings: {}, parameters: { body: { '1': 'there', '2': '#1042' } }, audience: { contactIds: ids } }) });
      const sentSoFar = async () => {
        const { counts } = await memory.getCampaign({ id: campaign.id });
        return counts.sent + counts.delivered + counts.read;
      };
      expect(await sentSoFar()).toBe(0);
      await vi.advanceTimersByTimeAsync(250);
      expect(await sentSoFar()).toBe(20);
      await vi.advanceTimersByTimeAsync(250 * 4);
      expect(await memory.getCampaign({ id: campaign.id })).toMatchObject({ status: 'completed', counts: { sent: 20, delivered: 20, read: 60 } });
      await vi.advanceTimersByTimeAsync(250 * 2);
      expect((await memory.getCampaign({ id: campaign.id })).counts.read).toBe(100);
      const updates = events.filter((event) => event.type === 'campaign.updated').length;
      await vi.advanceTimersByTimeAsync(250 * 10);
      expect(events.filter((event) => event.type === 'campaign.updated')).toHaveLength(updates);
      memory.control.dispose();
    });

    it('keeps advanceCampaigns, which sends every queued recipient at once', async () => {
      vi.useFakeTimers();
      const memory = createMemoryProvider({ ...structuredClone(contractFixtures), verify: () => 'success', campaignStepMs: 60_000 });
      const campaign = await memory.createCampaign({ input: input() });
      memory.control.advanceCampaigns();
      expect(await memory.getCampaign({ id: campaign.id })).toMatchObject({ status: 'completed', counts: { sent: 2 } });
      memory.control.dispose();
    });
  });
});
