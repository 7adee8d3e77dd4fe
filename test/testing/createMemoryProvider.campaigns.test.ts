import { describe, expect, it } from 'vitest';
import type { CampaignInput, ReachoutEvent } from '../../src/core/types';
import { contractIds } from '../../src/testing/contract/contractFixtures';
import { contractFixtures, createMemoryProvider } from '../../src/testing';

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
});
