import type { ReachoutDataProvider } from '../../core/provider';
import type { Campaign, CampaignInput, ReachoutEvent } from '../../core/types';
import { assert, assertEqual, assertJsonEqual, assertRejectsWith, waitUntil } from './assertions';
import { contractIds } from './contractFixtures';

type CampaignProvider = ReachoutDataProvider &
  Required<
    Pick<ReachoutDataProvider, 'previewCampaign' | 'createCampaign' | 'getCampaign' | 'listCampaigns' | 'listCampaignRecipients' | 'updateCampaign'>
  >;

/** What `describeProviderContract` lends the campaign cases. */
export interface CampaignsContractContext {
  it: (title: string, body: () => Promise<void>) => void;
  /** Runs `body` with a provider of its own over `contractFixtures`. */
  writing: (body: (provider: ReachoutDataProvider) => Promise<void>) => Promise<void>;
  timeoutMs: number;
}

const hour = 60 * 60 * 1000;

function campaignKey(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `contract-campaign-${random}`;
}

function campaignInput(overrides: Partial<CampaignInput> = {}): CampaignInput {
  return {
    idempotencyKey: campaignKey(),
    name: 'Contract campaign',
    senderId: contractIds.supportSender,
    template: { id: contractIds.orderTemplate, name: 'contract_order_update', language: 'en_US' },
    parameters: { body: { '2': '#1042' } },
    bindings: { 'body.1': 'firstName' },
    audience: { contactIds: [contractIds.oscar, contractIds.paula] },
    scheduledAt: null,
    ...overrides,
  };
}

const inAnHour = () => new Date(Date.now() + hour).toISOString();

/**
 * The campaign cases of the provider contract; each passes at once when the provider lacks the
 * campaign methods, as they are optional.
 */
export function describeCampaignsContract({ it, writing, timeoutMs }: CampaignsContractContext): void {
  const withCampaigns = (body: (provider: CampaignProvider) => Promise<void>) =>
    writing(async (provider) => {
      const { previewCampaign, createCampaign, getCampaign, listCampaigns, listCampaignRecipients, updateCampaign } = provider;
      if (!previewCampaign || !createCampaign || !getCampaign || !listCampaigns || !listCampaignRecipients || !updateCampaign) return;
      await body(provider as CampaignProvider);
    });

  it('previewCampaign counts who would get the message and who is skipped, by reason', async () => {
    await withCampaigns(async (provider) => {
      const preflight = await provider.previewCampaign({
        audience: { contactIds: [contractIds.oscar, contractIds.hugo, contractIds.elena, contractIds.ana] },
        senderId: contractIds.supportSender,
      });
      assertJsonEqual(preflight, { total: 4, sendable: 2, skipped: { active_chat: 1, opted_out: 1 } }, 'preflight of Oscar, Hugo (active chat), Elena (opted out), Ana');
      const everyMaria = await provider.previewCampaign({ audience: { search: 'maria silva' }, senderId: contractIds.supportSender });
      assertEqual(everyMaria.total, 2, 'contacts a search audience counts');
    });
  });

  it('createCampaign makes one campaign per idempotency key, and refuses the key with another input', async () => {
    await withCampaigns(async (provider) => {
      const input = campaignInput();
      const first = await provider.createCampaign({ input });
      const again = await provider.createCampaign({ input });
      assertEqual(again.id, first.id, 'campaign answered for a repeated key');
      assertEqual((await provider.listCampaigns({})).items.filter((campaign) => campaign.id === first.id).length, 1, 'campaigns with that id');
      await assertRejectsWith(provider.createCampaign({ input: { ...input, name: 'Another name' } }), 'CONFLICT', 'the key reused with another input');
    });
  });

  it('refuses a campaign scheduled in the past, without a name, or with an unapproved template', async () => {
    await withCampaigns(async (provider) => {
      const past = await assertRejectsWith(
        provider.createCampaign({ input: campaignInput({ scheduledAt: new Date(Date.now() - hour).toISOString() }) }),
        'VALIDATION',
        'a campaign scheduled an hour ago',
      );
      assert(past.fieldErrors?.scheduledAt !== undefined, 'the past time is reported at scheduledAt');
      await assertRejectsWith(provider.createCampaign({ input: campaignInput({ name: '  ' }) }), 'VALIDATION', 'a campaign without a name');
      await assertRejectsWith(
        provider.createCampaign({
          input: campaignInput({ template: { id: contractIds.pendingTemplate, name: 'contract_pending', language: 'en_US' } }),
        }),
        'VALIDATION',
        'a campaign with a template still pending approval',
      );
    });
  });

  it('a campaign sent now lists its recipients; listCampaigns is newest first', async () => {
    await withCampaigns(async (provider) => {
      const older = await provider.createCampaign({ input: campaignInput({ name: 'Older' }) });
      const newer = await provider.createCampaign({ input: campaignInput({ name: 'Newer', audience: { contactIds: [contractIds.oscar] } }) });
      const listed = (await provider.listCampaigns({})).items.map((campaign) => campaign.id);
      assert(listed.indexOf(newer.id) < listed.indexOf(older.id), `listCampaigns newest first: ${listed.join(', ')}`);
      // A provider may resolve a campaign's audience just after answering: ask until it has.
      const deadline = Date.now() + timeoutMs / 2;
      let recipients: string[] = [];
      do {
        recipients = (await provider.listCampaignRecipients({ campaignId: older.id })).items.map((recipient) => recipient.contactId).sort();
        if (recipients.length === 2) break;
        await new Promise((resolve) => globalThis.setTimeout(resolve, 20));
      } while (Date.now() < deadline);
      assertJsonEqual(recipients, [contractIds.oscar, contractIds.paula].sort(), 'recipients of the campaign');
      assertEqual((await provider.getCampaign({ id: older.id })).counts.total, 2, 'counts.total of the campaign');
      await assertRejectsWith(provider.getCampaign({ id: 'contract-campaign-missing' }), 'NOT_FOUND', 'an unknown campaign');
    });
  });

  it('pauses, resumes and cancels a scheduled campaign; a cancelled one cannot be paused', async () => {
    await withCampaigns(async (provider) => {
      const scheduled = await provider.createCampaign({ input: campaignInput({ scheduledAt: inAnHour() }) });
      assertEqual(scheduled.status, 'scheduled', 'status of a campaign an hour away');
      assertEqual((await provider.updateCampaign({ id: scheduled.id, action: 'pause' })).status, 'paused', 'status after pause');
      // Its time has not come: resuming puts it back on the schedule.
      assertEqual((await provider.updateCampaign({ id: scheduled.id, action: 'resume' })).status, 'scheduled', 'status after resume');
      assertEqual((await provider.updateCampaign({ id: scheduled.id, action: 'cancel' })).status, 'cancelled', 'status after cancel');
      await assertRejectsWith(provider.updateCampaign({ id: scheduled.id, action: 'pause' }), 'CONFLICT', 'pausing a cancelled campaign');
      assertEqual((await provider.getCampaign({ id: scheduled.id })).status, 'cancelled', 'status after the refused pause');
    });
  });

  it('emits campaign.updated with the new campaign (run when the provider has subscribe)', async () => {
    await withCampaigns(async (provider) => {
      if (!provider.subscribe) return;
      const events: ReachoutEvent[] = [];
      const unsubscribe = provider.subscribe((event) => events.push(event));
      try {
        const created: Campaign = await provider.createCampaign({ input: campaignInput({ scheduledAt: inAnHour() }) });
        await provider.updateCampaign({ id: created.id, action: 'cancel' });
        const statuses = () =>
          events.flatMap((event) => (event.type === 'campaign.updated' && event.campaign.id === created.id ? [event.campaign.status] : []));
        await waitUntil(() => statuses().includes('cancelled'), timeoutMs / 2, 'campaign.updated for the cancel');
        assertEqual(statuses()[0], 'scheduled', 'first campaign.updated of a scheduled campaign');
      } finally {
        unsubscribe();
      }
    });
  });
}
