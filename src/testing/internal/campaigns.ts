import { ReachoutError } from '../../core/errors';
import {
  campaignCancelledReason,
  campaignCountsOf,
  campaignPreflightOf,
  campaignSkipReason,
  campaignStatusAfter,
  checkCampaignInput,
  contactMatchesSearch,
  idempotencyConflictError,
  messagingLimitBudget,
  messagingLimitReason,
  parseContactSearch,
  stableStringify,
} from '../../core/provider-rules';
import type {
  Campaign,
  CampaignAction,
  CampaignCounts,
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
  /** Runs `task` after `ms` (a timer `dispose` cancels). */
  schedule: (ms: number, task: () => void) => void;
  /** How long until the next automatic step (drawn each time); `null`: campaigns move only on `advance()`. */
  nextStepMs: (() => number) | null;
}

export interface CampaignStore {
  preview(params: { audience: CampaignAudience; senderId: string }): CampaignPreflight;
  create(input: CampaignInput): Campaign;
  get(id: string): Campaign;
  list(params: { cursor?: string | null; limit?: number }): Page<Campaign>;
  listRecipients(params: { campaignId: string; status?: CampaignRecipientStatus; cursor?: string | null; limit?: number }): Page<CampaignRecipient>;
  update(params: { id: string; action: CampaignAction }): Campaign;
  /** Starts due scheduled campaigns and moves every running one on a step (up to `turns` recipients each); answers how many changed. */
  advance(turns?: number): number;
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

/** What a recipient's turn did: it left the queue, or waits for a messaging-limit slot (newly or still). */
type TurnOutcome = 'taken' | 'waiting' | 'still waiting';

const copy = <Value>(value: Value): Value => structuredClone(value);

/**
 * `campaignCountsOf` the recipients' statuses, counted in place: every step of a 10,000-recipient
 * campaign counts them all, and an array of statuses per step was most of the step's time.
 */
function countRecipients(recipients: readonly CampaignRecipient[]): CampaignCounts {
  const counts = campaignCountsOf([]);
  for (const recipient of recipients) {
    switch (recipient.status) {
      case 'queued':
        counts.queued += 1;
        break;
      case 'skipped':
        counts.skipped += 1;
        break;
      case 'sent':
        counts.sent += 1;
        break;
      case 'delivered':
        counts.delivered += 1;
        break;
      case 'read':
        counts.read += 1;
        break;
      case 'failed':
        counts.failed += 1;
        break;
      default:
        recipient.status satisfies never;
    }
  }
  counts.total = recipients.length;
  return counts;
}
/**
 * How many messages a second one business number sends: the reference server's default
 * `REACHOUT_SEND_RATE` (WhatsApp's 80 a second). An automatic step sends that many per second of
 * its length, so a story's campaign moves at the server's pace.
 */
const sendRatePerSecond = 80;
/** The WhatsApp error a number that is not on WhatsApp answers: its code is the recipient's reason. */
const undeliverableCode = '131026';

/**
 * The memory provider's campaigns: the rules are core's (`checkCampaignInput`,
 * `campaignSkipReason`, `campaignStatusAfter`); this keeps the campaigns and plays the queue.
 * `advance()` (the provider's `control.advanceCampaigns()`) starts due campaigns and moves each
 * running one a step (every queued recipient is sent, skipped or failed, or waits past the
 * sender's messaging limit; sent ones are delivered, delivered ones read). With `nextStepMs`,
 * campaigns also move on their own, each step sending what the send rate allows in its time.
 */
export function createCampaignStore(context: CampaignStoreContext): CampaignStore {
  const { now, emit, contacts } = context;
  const campaigns = new Map<string, StoredCampaign>();
  const idempotency = new Map<string, { fingerprint: string; id: string }>();
  /** Every campaign message sent, for the senders' messaging limits. */
  const sends: Array<{ senderId: string; to: string; at: number }> = [];
  let sequence = 0;
  let stepping = false;

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
    stored.campaign.counts = countRecipients(stored.recipients);
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

  /**
   * One queued recipient's turn: skipped (decided now), waiting past the messaging limit (still
   * queued, with the reason), failed, or sent.
   */
  const takeTurn = (stored: StoredCampaign, recipient: CampaignRecipient, at: string, limit: SenderLimit): TurnOutcome => {
    const contact = contacts.get(recipient.contactId)?.contact;
    if (!contact) {
      Object.assign(recipient, { status: 'failed', reason: 'The contact was deleted', updatedAt: at });
      return 'taken';
    }
    const reason = campaignSkipReason(contact, stored.input.bindings, {
      hasActiveChat: context.activeChatOf(contact.id) !== undefined,
      phoneTaken: stored.phonesHandled.has(contact.phone),
    });
    if (reason !== null) {
      stored.phonesHandled.add(contact.phone);
      Object.assign(recipient, { status: 'skipped', reason, updatedAt: at });
      return 'taken';
    }
    if (!limit.admit(contact.phone)) {
      if (recipient.reason === messagingLimitReason) return 'still waiting';
      Object.assign(recipient, { reason: messagingLimitReason, updatedAt: at });
      return 'waiting';
    }
    stored.phonesHandled.add(contact.phone);
    sends.push({ senderId: stored.campaign.senderId, to: contact.phone, at: Date.parse(at) });
    recipient.messageId = `${stored.campaign.id}-message-${contact.id}`;
    recipient.updatedAt = at;
    if (context.verify(contact.phone) === 'failed') {
      recipient.status = 'failed';
      recipient.reason = undeliverableCode;
    } else {
      recipient.status = 'sent';
      recipient.reason = null;
    }
    return 'taken';
  };

  /** The sender's messaging limit for one step: who may be messaged now. */
  interface SenderLimit {
    /** Whether `phone` may get a message now; counts it against the limit when it is new. */
    admit(phone: string): boolean;
  }
  const senderLimit = (senderId: string, at: Date): SenderLimit => {
    const sender = context.requireSender(senderId);
    const budget = messagingLimitBudget(
      sender.messagingLimit,
      sends.filter((send) => send.senderId === senderId),
      at,
    );
    let remaining = budget.remaining;
    const admitted = new Set<string>();
    return {
      admit(phone) {
        if (budget.hasRecipient(phone) || admitted.has(phone)) return true;
        if (remaining <= 0) return false;
        remaining -= 1;
        admitted.add(phone);
        return true;
      },
    };
  };

  /** A running campaign's step: receipts for what was sent, then up to `turns` queued recipients' turns. */
  const step = (stored: StoredCampaign, turns: number): boolean => {
    const at = now();
    const atIso = at.toISOString();
    let moved = stepReceipts(stored);
    const limit = senderLimit(stored.campaign.senderId, at);
    let left = turns;
    for (const recipient of stored.recipients) {
      if (left <= 0) break;
      if (recipient.status !== 'queued') continue;
      const outcome = takeTurn(stored, recipient, atIso, limit);
      if (outcome !== 'still waiting') moved = true;
      // A recipient waiting for a slot takes none of the step's turns.
      if (outcome === 'taken') left -= 1;
    }
    if (stored.recipients.every((recipient) => recipient.status !== 'queued')) {
      stored.campaign.status = 'completed';
      moved = true;
    }
    return moved;
  };

  /** Starts due scheduled campaigns and steps running ones; answers how many changed. */
  const advanceAll = (turns: number): number => {
    let count = 0;
    const time = now().getTime();
    for (const stored of campaigns.values()) {
      const { campaign } = stored;
      let moved = false;
      if (campaign.status === 'scheduled' && campaign.scheduledAt !== null && Date.parse(campaign.scheduledAt) <= time) {
        start(stored);
        moved = true;
      }
      if (campaign.status === 'running') moved = step(stored, turns) || moved;
      // Delivery and read receipts still arrive for what was sent (a paused, completed or cancelled campaign).
      else moved = stepReceipts(stored) || moved;
      if (moved) {
        changed(stored);
        count += 1;
      }
    }
    return count;
  };

  const hasWork = (): boolean =>
    [...campaigns.values()].some(
      (stored) =>
        stored.campaign.status === 'scheduled' ||
        stored.campaign.status === 'running' ||
        stored.recipients.some((recipient) => recipient.status === 'sent' || recipient.status === 'delivered'),
    );

  /** With `nextStepMs`: steps on its own while a campaign has anything left to move. */
  const keepStepping = () => {
    const { nextStepMs } = context;
    if (nextStepMs === null || stepping) return;
    stepping = true;
    const next = () => {
      const ms = nextStepMs();
      context.schedule(ms, () => {
        advanceAll(Math.max(1, Math.floor((sendRatePerSecond * ms) / 1000)));
        if (hasWork()) next();
        else stepping = false;
      });
    };
    next();
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
      keepStepping();
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
      // Recipients are flat: a spread copies one (structuredClone cost more than the page itself).
      return { ...page, items: page.items.map((entry) => ({ ...entry.recipient })) };
    },

    update({ id, action }) {
      const stored = requireCampaign(id);
      const next = campaignStatusAfter(stored.campaign.status, action, { scheduledAt: stored.campaign.scheduledAt, now: now() });
      if (next === 'running' && stored.recipients.length === 0) start(stored);
      stored.campaign.status = next;
      if (next === 'cancelled') {
        // What was sent stays sent; nobody still queued gets the message.
        const at = now().toISOString();
        for (const recipient of stored.recipients) {
          if (recipient.status === 'queued') Object.assign(recipient, { status: 'skipped', reason: campaignCancelledReason, updatedAt: at });
        }
      }
      changed(stored);
      keepStepping();
      return copy(stored.campaign);
    },

    advance(turns = Infinity) {
      return advanceAll(turns);
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
