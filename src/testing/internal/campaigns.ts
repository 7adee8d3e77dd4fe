import { ReachoutError } from '../../core/errors';
import {
  campaignCountsOf,
  campaignPreflightOf,
  campaignSkipReason,
  campaignStatusAfter,
  checkCampaignInput,
  contactMatchesSearch,
  idempotencyConflictError,
  parseContactSearch,
  stableStringify,
} from '../../core/provider-rules';
import type {
  Campaign,
  CampaignAction,
  CampaignAudience,
  CampaignInput,
  CampaignPreflight,
  CampaignRecipient,
  CampaignRecipientStatus,
  Chat,
  Contact,
  MessageTemplate,
  Page,
  ReachoutEvent,
  Sender,
} from '../../core/types';
import type { VerificationResult } from '../types';
import type { ContactIndex } from './contacts';
import { notFound } from './contacts';
import { paginate } from './paginate';

/** What the campaign store needs from the memory provider around it. */
export interface CampaignStoreContext {
  now: () => Date;
  emit: (event: ReachoutEvent) => void;
  contacts: ContactIndex;
  requireSender: (id: string) => Sender;
  findTemplate: (templateId: string, senderId: string) => MessageTemplate | undefined;
  activeChatOf: (contactId: string) => { item: Chat } | undefined;
  verify: (phone: string) => VerificationResult;
}

export interface CampaignStore {
  preview(params: { audience: CampaignAudience; senderId: string }): CampaignPreflight;
  create(input: CampaignInput): Campaign;
  get(id: string): Campaign;
  list(params: { cursor?: string | null; limit?: number }): Page<Campaign>;
  listRecipients(params: { campaignId: string; status?: CampaignRecipientStatus; cursor?: string | null; limit?: number }): Page<CampaignRecipient>;
  update(params: { id: string; action: CampaignAction }): Campaign;
  /** Starts due scheduled campaigns and moves every running one on a step; answers how many changed. */
  advance(): number;
}

interface StoredCampaign {
  campaign: Campaign;
  input: CampaignInput;
  sequence: number;
  /** In audience order; filled when the campaign starts. */
  recipients: CampaignRecipient[];
  /** Phones of recipients already handled (sent, failed or skipped for another reason). */
  phonesHandled: Set<string>;
}

const copy = <Value>(value: Value): Value => structuredClone(value);
/** The WhatsApp error a number that is not on WhatsApp answers: its code is the recipient's reason. */
const undeliverableCode = '131026';

/**
 * The memory provider's campaigns: the rules are core's (`checkCampaignInput`,
 * `campaignSkipReason`, `campaignStatusAfter`); this keeps the campaigns and plays the queue.
 * Nothing moves by itself: `advance()` (the provider's `control.advanceCampaigns()`) starts due
 * campaigns and moves each running one a step (queued recipients are sent, skipped or failed,
 * then sent ones delivered, then read).
 */
export function createCampaignStore(context: CampaignStoreContext): CampaignStore {
  const { now, emit, contacts } = context;
  const campaigns = new Map<string, StoredCampaign>();
  const idempotency = new Map<string, { fingerprint: string; id: string }>();
  let sequence = 0;

  const audienceContacts = (audience: CampaignAudience): Contact[] => {
    if ('contactIds' in audience) {
      const seen = new Set<string>();
      return audience.contactIds.filter((id) => !seen.has(id) && seen.add(id)).map((id) => contacts.require(id).contact);
    }
    const search = parseContactSearch(audience.search);
    const entries = contacts.inOrder();
    return (search === null ? entries : entries.filter((entry) => contactMatchesSearch(entry.search, search))).map((entry) => entry.contact);
  };

  const requireApprovedTemplate = (input: Pick<CampaignInput, 'template' | 'senderId'>): void => {
    const template = context.findTemplate(input.template.id, input.senderId);
    if (!template) throw notFound('template', input.template.id);
    if (template.status !== 'APPROVED') throw new ReachoutError('VALIDATION', `The template ${template.name} is not approved`, { fieldErrors: { template: 'Choose an approved template' } });
  };

  const requireCampaign = (id: string): StoredCampaign => {
    const stored = campaigns.get(id);
    if (!stored) throw notFound('campaign', id);
    return stored;
  };

  const changed = (stored: StoredCampaign) => {
    stored.campaign.counts = campaignCountsOf(stored.recipients.map((recipient) => recipient.status));
    stored.campaign.updatedAt = now().toISOString();
    emit({ type: 'campaign.updated', campaign: copy(stored.campaign) });
  };

  const start = (stored: StoredCampaign) => {
    const at = now().toISOString();
    stored.recipients = audienceContacts(stored.input.audience).map((contact) => ({
      contactId: contact.id,
      phone: contact.phone,
      status: 'queued',
      reason: null,
      messageId: null,
      updatedAt: at,
    }));
    stored.campaign.status = 'running';
  };

  /** One queued recipient's turn: skipped (decided now), failed, or sent. */
  const takeTurn = (stored: StoredCampaign, recipient: CampaignRecipient, at: string) => {
    const contact = contacts.get(recipient.contactId)?.contact;
    recipient.updatedAt = at;
    if (!contact) {
      recipient.status = 'failed';
      recipient.reason = 'The contact was deleted';
      return;
    }
    const reason = campaignSkipReason(contact, stored.input.bindings, {
      hasActiveChat: context.activeChatOf(contact.id) !== undefined,
      phoneTaken: stored.phonesHandled.has(contact.phone),
    });
    stored.phonesHandled.add(contact.phone);
    if (reason !== null) {
      recipient.status = 'skipped';
      recipient.reason = reason;
      return;
    }
    recipient.messageId = `${stored.campaign.id}-message-${contact.id}`;
    if (context.verify(contact.phone) === 'failed') {
      recipient.status = 'failed';
      recipient.reason = undeliverableCode;
      return;
    }
    recipient.status = 'sent';
  };

  const step = (stored: StoredCampaign): boolean => {
    const at = now().toISOString();
    let moved = false;
    for (const recipient of stored.recipients) {
      if (recipient.status === 'delivered') {
        recipient.status = 'read';
        recipient.updatedAt = at;
        moved = true;
      } else if (recipient.status === 'sent') {
        recipient.status = 'delivered';
        recipient.updatedAt = at;
        moved = true;
      }
    }
    for (const recipient of stored.recipients) {
      if (recipient.status !== 'queued') continue;
      takeTurn(stored, recipient, at);
      moved = true;
    }
    if (stored.recipients.every((recipient) => recipient.status !== 'queued')) {
      stored.campaign.status = 'completed';
      moved = true;
    }
    return moved;
  };

  return {
    preview({ audience, senderId }) {
      context.requireSender(senderId);
      const phones = new Set<string>();
      return campaignPreflightOf(
        audienceContacts(audience).map((contact) => {
          const reason = campaignSkipReason(contact, undefined, {
            hasActiveChat: context.activeChatOf(contact.id) !== undefined,
            phoneTaken: phones.has(contact.phone),
          });
          phones.add(contact.phone);
          return reason;
        }),
      );
    },

    create(input) {
      const fingerprint = stableStringify({ ...input, idempotencyKey: undefined });
      const previous = idempotency.get(input.idempotencyKey);
      if (previous) {
        if (previous.fingerprint !== fingerprint) throw idempotencyConflictError('campaign');
        return copy(requireCampaign(previous.id).campaign);
      }
      checkCampaignInput(input, now());
      context.requireSender(input.senderId);
      requireApprovedTemplate(input);
      if ('contactIds' in input.audience) for (const id of input.audience.contactIds) contacts.require(id);
      sequence += 1;
      const at = now().toISOString();
      const stored: StoredCampaign = {
        campaign: {
          id: `campaign-${sequence}`,
          name: input.name.trim(),
          status: 'scheduled',
          senderId: input.senderId,
          template: { ...input.template },
          scheduledAt: input.scheduledAt,
          createdAt: at,
          updatedAt: at,
          counts: campaignCountsOf([]),
        },
        input: copy(input),
        sequence,
        recipients: [],
        phonesHandled: new Set(),
      };
      if (input.scheduledAt === null) start(stored);
      campaigns.set(stored.campaign.id, stored);
      idempotency.set(input.idempotencyKey, { fingerprint, id: stored.campaign.id });
      changed(stored);
      return copy(stored.campaign);
    },

    get(id) {
      return copy(requireCampaign(id).campaign);
    },

    list(params) {
      const sorted = [...campaigns.values()].sort((left, right) => right.sequence - left.sequence);
      const page = paginate(sorted, {
        list: 'campaigns',
        cursor: params.cursor,
        limit: params.limit,
        keyOf: (stored) => [stored.sequence],
        keyShape: ['number'],
        compareToKey: (stored, key) => (key[0] as number) - stored.sequence,
      });
      return { ...page, items: page.items.map((stored) => copy(stored.campaign)) };
    },

    listRecipients({ campaignId, status, cursor, limit }) {
      const stored = requireCampaign(campaignId);
      const indexed = stored.recipients.map((recipient, index) => ({ recipient, index }));
      const matching = status === undefined ? indexed : indexed.filter((entry) => entry.recipient.status === status);
      const page = paginate(matching, {
        list: 'campaign-recipients',
        cursor,
        limit,
        keyOf: (entry) => [entry.index],
        keyShape: ['number'],
        compareToKey: (entry, key) => entry.index - (key[0] as number),
      });
      return { ...page, items: page.items.map((entry) => copy(entry.recipient)) };
    },

    update({ id, action }) {
      const stored = requireCampaign(id);
      const next = campaignStatusAfter(stored.campaign.status, action, { scheduledAt: stored.campaign.scheduledAt, now: now() });
      if (next === 'running' && stored.recipients.length === 0) start(stored);
      stored.campaign.status = next;
      changed(stored);
      return copy(stored.campaign);
    },

    advance() {
      let count = 0;
      const time = now().getTime();
      for (const stored of campaigns.values()) {
        const { campaign } = stored;
        let moved = false;
        if (campaign.status === 'scheduled' && campaign.scheduledAt !== null && Date.parse(campaign.scheduledAt) <= time) {
          start(stored);
          moved = true;
        }
        if (campaign.status === 'running') moved = step(stored) || moved;
        else if (campaign.status === 'completed' || campaign.status === 'cancelled') {
          // Delivery and read receipts still arrive for what was sent.
          moved = stepReceipts(stored) || moved;
        }
        if (moved) {
          changed(stored);
          count += 1;
        }
      }
      return count;
    },
  };

  function stepReceipts(stored: StoredCampaign): boolean {
    const at = now().toISOString();
    let moved = false;
    for (const recipient of stored.recipients) {
      const next = recipient.status === 'sent' ? 'delivered' : recipient.status === 'delivered' ? 'read' : null;
      if (next === null) continue;
      recipient.status = next;
      recipient.updatedAt = at;
      moved = true;
    }
    return moved;
  }
}
