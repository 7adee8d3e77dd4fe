import type { ReachoutDataProvider } from '../../core/provider';
import type { Campaign, CampaignInput, CampaignRecipient, CampaignRecipientStatus, Page, ReachoutEvent } from '../../core/types';
import { assert, assertEqual, assertJsonEqual, assertRejectsWith, waitUntil } from './assertions';
import { contractIds } from './contractFixtures';

type CampaignProvider = ReachoutDataProvider &
  Required<
    Pick<ReachoutDataProvider, 'previewCampaign' | 'createCampaign' | 'getCampaign' | 'listCampaigns' | 'listCampaignRecipients' | 'updateCampaign'>
  >;

/** What `describeProviderContract` lends the campaign cases. */
export interface CampaignsContractContext {
  it: (title: string, body: () => Promise<void>) => void;
  /**
   * Runs `body` with a provider of its own over `contractFixtures`, and the subject's
   * `advanceCampaigns` when it has one (else campaigns move on the backend's own queue).
   */
  writing: (body: (provider: ReachoutDataProvider, advanceCampaigns?: () => void | Promise<void>) => Promise<void>) => Promise<void>;
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

/** Every recipient of a campaign, one per page, checking the pages as it goes. */
async function allRecipients(provider: CampaignProvider, campaignId: string, status?: CampaignRecipientStatus): Promise<CampaignRecipient[]> {
  const items: CampaignRecipient[] = [];
  let cursor: string | null = null;
  for (let page = 1; page <= 50; page += 1) {
    const result: Page<CampaignRecipient> = await provider.listCampaignRecipients({ campaignId, cursor, limit: 1, ...(status === undefined ? {} : { status }) });
    assert(result.items.length <= 1, `recipients page ${page} has ${result.items.length} items, limit was 1`);
    items.push(...result.items);
    if (result.nextCursor === null) return items;
    cursor = result.nextCursor;
  }
  throw new Error('recipients: still paging after 50 pages');
}

/** Statuses of a recipient whose message went out (WhatsApp may have answered since). */
const sentStatuses: readonly CampaignRecipientStatus[] = ['sent', 'delivered', 'read', 'failed'];

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
  /** Like `withCampaigns`, with a function that moves the campaigns on until `done` holds (or the time runs out). */
  const withMovingCampaigns = (
    body: (provider: CampaignProvider, moveUntil: (done: () => Promise<boolean>, what: string) => Promise<void>) => Promise<void>,
  ) =>
    writing(async (provider, advanceCampaigns) => {
      const { previewCampaign, createCampaign, getCampaign, listCampaigns, listCampaignRecipients, updateCampaign } = provider;
      if (!previewCampaign || !createCampaign || !getCampaign || !listCampaigns || !listCampaignRecipients || !updateCampaign) return;
      const moveUntil = async (done: () => Promise<boolean>, what: string) => {
        const deadline = Date.now() + timeoutMs / 2;
        for (;;) {
          await advanceCampaigns?.();
          if (await done()) return;
          if (Date.now() > deadline) throw new Error(`${what} (waited ${timeoutMs / 2} ms)`);
          await new Promise((resolve) => globalThis.setTimeout(resolve, 20));
        }
      };
      await body(provider as CampaignProvider, moveUntil);
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

  it('previewCampaign and createCampaign refuse an unknown sender or contact (NOT_FOUND), creating nothing', async () => {
    await withCampaigns(async (provider) => {
      await assertRejectsWith(
        provider.previewCampaign({ audience: { contactIds: [contractIds.oscar] }, senderId: 'contract-sender-nobody' }),
        'NOT_FOUND',
        'a preview from an unknown sender',
      );
      await assertRejectsWith(
        provider.previewCampaign({ audience: { contactIds: ['contract-contact-nobody'] }, senderId: contractIds.supportSender }),
        'NOT_FOUND',
        'a preview of an unknown contact',
      );
      await assertRejectsWith(provider.createCampaign({ input: campaignInput({ senderId: 'contract-sender-nobody' }) }), 'NOT_FOUND', 'a campaign from an unknown sender');
      await assertRejectsWith(
        provider.createCampaign({ input: campaignInput({ audience: { contactIds: [contractIds.oscar, 'contract-contact-nobody'] } }) }),
        'NOT_FOUND',
        'a campaign to an unknown contact',
      );
      assertEqual((await provider.listCampaigns({})).items.length, 0, 'campaigns after the refused creates');
    });
  });

  it('listCampaigns pages newest first with a cursor; updateCampaign of an unknown id is NOT_FOUND, resuming a cancelled one CONFLICT', async () => {
    await withCampaigns(async (provider) => {
      const first = await provider.createCampaign({ input: campaignInput({ name: 'First', scheduledAt: inAnHour() }) });
      const second = await provider.createCampaign({ input: campaignInput({ name: 'Second', scheduledAt: inAnHour() }) });
      assertJsonEqual(await provider.getCampaign({ id: first.id }), first, 'getCampaign of the campaign createCampaign answered');
      const page = await provider.listCampaigns({ limit: 1 });
      assertJsonEqual(page.items.map((item) => item.id), [second.id], 'the first page of one');
      assert(page.nextCursor !== null, 'a second page after the first of one');
      const next = await provider.listCampaigns({ limit: 1, cursor: page.nextCursor });
      assertJsonEqual(next.items.map((item) => item.id), [first.id], 'the second page');
      assertEqual(next.nextCursor, null, 'nextCursor after the last page');
      await provider.updateCampaign({ id: first.id, action: 'cancel' });
      await assertRejectsWith(provider.updateCampaign({ id: first.id, action: 'resume' }), 'CONFLICT', 'resuming a cancelled campaign');
      await assertRejectsWith(provider.updateCampaign({ id: 'contract-campaign-nobody', action: 'pause' }), 'NOT_FOUND', 'pausing an unknown campaign');
    });
  });

  it('sends to each recipient once, deciding skips at its turn with the reason; recipients page by status', async () => {
    await withMovingCampaigns(async (provider, moveUntil) => {
      // Oscar gets it; Hugo has an active chat, Elena opted out, Bruno has no email for the bound {{1}}.
      const audience = [contractIds.oscar, contractIds.hugo, contractIds.elena, contractIds.bruno];
      const campaign = await provider.createCampaign({ input: campaignInput({ bindings: { 'body.1': 'email' }, audience: { contactIds: audience } }) });
      await moveUntil(async () => (await provider.getCampaign({ id: campaign.id })).status === 'completed', 'the campaign completing');
      const recipients = await allRecipients(provider, campaign.id);
      assertJsonEqual(recipients.map((recipient) => recipient.contactId).sort(), [...audience].sort(), 'one recipient per contact of the audience');
      const byContact = new Map(recipients.map((recipient) => [recipient.contactId, recipient]));
      const oscar = byContact.get(contractIds.oscar);
      assert(oscar && sentStatuses.includes(oscar.status) && oscar.messageId !== null, `Oscar's message went out, got ${oscar?.status}`);
      assertJsonEqual(
        [contractIds.hugo, contractIds.elena, contractIds.bruno].map((id) => [byContact.get(id)?.status, byContact.get(id)?.reason, byContact.get(id)?.messageId]),
        [['skipped', 'active_chat', null], ['skipped', 'opted_out', null], ['skipped', 'missing_field', null]],
        'the skipped recipients, their reasons and (no) messages',
      );
      const skipped = await allRecipients(provider, campaign.id, 'skipped');
      assertJsonEqual(skipped.map((recipient) => recipient.contactId).sort(), [contractIds.hugo, contractIds.elena, contractIds.bruno].sort(), 'recipients with status skipped');
      const { counts } = await provider.getCampaign({ id: campaign.id });
      assertJsonEqual([counts.total, counts.skipped, counts.queued, counts.sent + counts.delivered + counts.read + counts.failed], [4, 3, 0, 1], 'counts: total, skipped, queued, went out');
      await assertRejectsWith(provider.listCampaignRecipients({ campaignId: 'contract-campaign-nobody' }), 'NOT_FOUND', 'the recipients of an unknown campaign');
    });
  });

  it('cancelling keeps what was sent and skips every recipient not yet sent, with reason cancelled', async () => {
    await withMovingCampaigns(async (provider, moveUntil) => {
      const campaign = await provider.createCampaign({ input: campaignInput({ audience: { contactIds: [contractIds.oscar, contractIds.paula, contractIds.ana] } }) });
      let cancelled: Campaign;
      try {
        cancelled = await provider.updateCampaign({ id: campaign.id, action: 'cancel' });
      } catch (error) {
        // A fast backend may have sent everyone before the cancel arrived: nothing was left to skip.
        if ((await provider.getCampaign({ id: campaign.id })).status === 'completed') return;
        throw error;
      }
      assertEqual(cancelled.status, 'cancelled', 'status after cancel');
      assertEqual(cancelled.counts.queued, 0, 'counts.queued of the cancelled campaign');
      const check = async (when: string) => {
        for (const recipient of await allRecipients(provider, campaign.id)) {
          const wentOut = sentStatuses.includes(recipient.status) && recipient.messageId !== null;
          const cancelledOne = recipient.status === 'skipped' && recipient.reason === 'cancelled' && recipient.messageId === null;
          assert(wentOut || cancelledOne, `${recipient.contactId} ${when}: ${recipient.status} (${String(recipient.reason)}), neither sent nor skipped as cancelled`);
        }
      };
      await check('just after the cancel');
      // However the queue moves on afterwards, nobody else gets the message.
      await moveUntil(async () => true, 'the queue moving on');
      await check('after the queue moved on');
      assertEqual((await provider.getCampaign({ id: campaign.id })).status, 'cancelled', 'status once the queue moved on');
    });
  });

  it('emits campaign.updated when a campaign is paused (run when the provider has subscribe)', async () => {
    await withCampaigns(async (provider) => {
      if (!provider.subscribe) return;
      const events: ReachoutEvent[] = [];
      const unsubscribe = provider.subscribe((event) => events.push(event));
      try {
        const campaign = await provider.createCampaign({ input: campaignInput({ scheduledAt: inAnHour() }) });
        await provider.updateCampaign({ id: campaign.id, action: 'pause' });
        await waitUntil(
          () => events.some((event) => event.type === 'campaign.updated' && event.campaign.id === campaign.id && event.campaign.status === 'paused'),
          timeoutMs / 2,
          'campaign.updated with status paused',
        );
      } finally {
        unsubscribe();
      }
    });
  });
}
