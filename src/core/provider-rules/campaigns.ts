import { ReachoutError } from '../errors';
import { normalizePhone } from '../phone';
import { contactFieldValue } from '../template/contactFieldValue';
import type { ContactField } from '../template/contactFieldValue';
import type { TemplateVariablePath } from '../template/types';
import type {
  CampaignAction,
  CampaignCounts,
  CampaignInput,
  CampaignPreflight,
  CampaignRecipientStatus,
  CampaignSkipReason,
  CampaignStatus,
  Contact,
  MessagingLimit,
  TemplateParameters,
} from '../types';

/** Limits of a campaign's input, the same for every provider. */
export const campaignLimits = {
  nameMaxLength: 120,
  /** Picked contacts in one campaign; a larger audience is a search. */
  contactIdsMaxCount: 100_000,
  searchMaxLength: 200,
  /** WhatsApp's minimum gap between two messages to one person (error 131056 below it). */
  perRecipientGapMs: 6000,
  /** How far apart two `campaign.updated` events of a running campaign are, at least. */
  eventIntervalMs: 1000,
  /** The messaging limit's rolling window. */
  messagingLimitWindowMs: 24 * 60 * 60 * 1000,
} as const;

/** The reason a queued recipient waits past the sender's messaging limit (`CampaignRecipient.reason`). */
export const messagingLimitReason = 'messaging_limit';

/** The reason of the recipients a cancel left unsent (skipped). */
export const campaignCancelledReason = 'cancelled';

const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Checks a campaign's input as every provider must (the widgets check it too): a name, a sender,
 * a template, an audience that is either picked contacts or a search, and `scheduledAt` as an ISO
 * time with its offset, not in the past (`now`). Throws `VALIDATION` naming each field.
 */
export function checkCampaignInput(input: CampaignInput, now: Date): void {
  const fieldErrors: Record<string, string> = {};
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name === '') fieldErrors.name = 'Give the campaign a name';
  else if (name.length > campaignLimits.nameMaxLength) fieldErrors.name = `Use at most ${campaignLimits.nameMaxLength} characters`;
  if (typeof input.senderId !== 'string' || input.senderId === '') fieldErrors.senderId = 'Choose the number to send from';
  if (typeof input.template?.id !== 'string' || input.template.id === '') fieldErrors.template = 'Choose a template';
  const audience = input.audience as Partial<{ contactIds: unknown; search: unknown }> | undefined;
  if (audience && Array.isArray(audience.contactIds)) {
    if (audience.contactIds.length === 0) fieldErrors.audience = 'Pick at least one contact';
    else if (audience.contactIds.length > campaignLimits.contactIdsMaxCount) {
      fieldErrors.audience = `Pick at most ${campaignLimits.contactIdsMaxCount} contacts, or use a search`;
    } else if (!audience.contactIds.every((id) => typeof id === 'string' && id !== '')) fieldErrors.audience = 'Contact ids are strings';
  } else if (audience && typeof audience.search === 'string') {
    if (audience.search.length > campaignLimits.searchMaxLength) fieldErrors.audience = `Use at most ${campaignLimits.searchMaxLength} characters`;
  } else {
    fieldErrors.audience = 'The audience is { contactIds } or { search }';
  }
  if (input.scheduledAt !== null) {
    const time = typeof input.scheduledAt === 'string' && isoWithOffset.test(input.scheduledAt) ? Date.parse(input.scheduledAt) : Number.NaN;
    if (Number.isNaN(time)) fieldErrors.scheduledAt = 'Give the time as ISO 8601 with its offset, or null to send now';
    else if (time <= now.getTime()) fieldErrors.scheduledAt = 'This time has passed: choose a time in the future';
  }
  const fields = Object.keys(fieldErrors);
  if (fields.length > 0) {
    throw new ReachoutError('VALIDATION', `Check the campaign: ${fields.map((field) => `${field}: ${fieldErrors[field]}`).join('; ')}`, { fieldErrors });
  }
}

/** What decides one recipient's skip, besides the contact itself. */
export interface CampaignRecipientFacts {
  /** The contact has an active chat (a ticket in progress, or a conversation open). */
  hasActiveChat: boolean;
  /** An earlier recipient of the campaign has the same phone. */
  phoneTaken: boolean;
}

/**
 * Why `contact` gets no message, or `null` when it gets one. Checked in this order: opted out,
 * an invalid number, a number an earlier recipient has, an active chat, a bound contact field the
 * contact lacks (the message would have an empty variable).
 */
export function campaignSkipReason(
  contact: Contact,
  bindings: CampaignInput['bindings'],
  facts: CampaignRecipientFacts,
): CampaignSkipReason | null {
  if (contact.optedOut) return 'opted_out';
  if (!normalizePhone(contact.phone).ok) return 'invalid_number';
  if (facts.phoneTaken) return 'duplicate_phone';
  if (facts.hasActiveChat) return 'active_chat';
  const fields = Object.values(bindings ?? {}) as ContactField[];
  if (fields.some((field) => contactFieldValue(contact, field) === null)) return 'missing_field';
  return null;
}

/**
 * A recipient's parameters: the campaign's fixed values with each bound variable filled from the
 * contact (`body.1` bound to `firstName` → the contact's first name). A bound field the contact
 * lacks leaves the variable out (`campaignSkipReason` skips such a recipient first).
 */
export function recipientParameters(
  parameters: TemplateParameters,
  bindings: CampaignInput['bindings'],
  contact: Contact,
): TemplateParameters {
  const result: TemplateParameters = structuredClone(parameters);
  for (const [path, field] of Object.entries(bindings ?? {}) as [TemplateVariablePath, ContactField][]) {
    const value = contactFieldValue(contact, field);
    const dot = path.indexOf('.');
    const part = path.slice(0, dot);
    const key = path.slice(dot + 1);
    if (part === 'header') {
      if (value === null) delete result.header;
      else result.header = { type: 'text', text: value };
    } else if (part === 'body') {
      const body = { ...result.body };
      if (value === null) delete body[key];
      else body[key] = value;
      result.body = body;
    } else if (part === 'buttons') {
      const buttons = { ...result.buttons };
      if (value === null) delete buttons[Number(key)];
      else buttons[Number(key)] = value;
      result.buttons = buttons;
    }
  }
  return result;
}

/** The preflight counts of the recipients' skip decisions (`null`: sendable). */
export function campaignPreflightOf(decisions: Iterable<CampaignSkipReason | null>): CampaignPreflight {
  const preflight: CampaignPreflight = { total: 0, sendable: 0, skipped: {} };
  for (const reason of decisions) {
    preflight.total += 1;
    if (reason === null) preflight.sendable += 1;
    else preflight.skipped[reason] = (preflight.skipped[reason] ?? 0) + 1;
  }
  return preflight;
}

/** A campaign's counts from its recipients' statuses. */
export function campaignCountsOf(statuses: Iterable<CampaignRecipientStatus>): CampaignCounts {
  const counts: CampaignCounts = { total: 0, skipped: 0, queued: 0, sent: 0, delivered: 0, read: 0, failed: 0 };
  for (const status of statuses) {
    counts.total += 1;
    counts[status] += 1;
  }
  return counts;
}

const statusAfter: Record<CampaignAction, Partial<Record<CampaignStatus, CampaignStatus>>> = {
  pause: { running: 'paused', scheduled: 'paused' },
  resume: { paused: 'running' },
  cancel: { scheduled: 'cancelled', running: 'cancelled', paused: 'cancelled' },
};

/**
 * The status `action` moves a campaign to; `CONFLICT` when its status does not allow it (a
 * completed or cancelled campaign stays as it is). A resumed campaign whose time has not come
 * yet goes back to `scheduled`.
 */
export function campaignStatusAfter(
  status: CampaignStatus,
  action: CampaignAction,
  options: { scheduledAt: string | null; now: Date },
): CampaignStatus {
  const next = statusAfter[action][status];
  if (next === undefined) throw new ReachoutError('CONFLICT', `A ${status} campaign cannot be ${action === 'cancel' ? 'cancelled' : `${action}d`}`);
  if (next === 'running' && options.scheduledAt !== null && Date.parse(options.scheduledAt) > options.now.getTime()) return 'scheduled';
  return next;
}

/** A sender's use of its messaging limit now (`messagingLimitBudget`). */
export interface MessagingLimitBudget {
  /** Unique recipients in the last 24 hours. */
  used: number;
  /** How many more new recipients it may message now (`Infinity` without a limit). */
  remaining: number;
  /** When none remain: when the next one frees (a recipient leaves the window); else `null`. */
  nextSlotAt: Date | null;
  /** Whether `to` was messaged in the window (messaging them again uses no new slot). */
  hasRecipient(to: string): boolean;
}

/**
 * The rolling-24-hour budget of a sender with `limit` (`null` or absent: unlimited), given the
 * sends that count against it (`to`, `at`: templates sent outside a customer window), at `now`.
 *
 * @example
 * const budget = messagingLimitBudget(sender.messagingLimit, sendsOfLastDay, new Date());
 * if (!budget.hasRecipient(phone) && budget.remaining === 0) waitUntil(budget.nextSlotAt);
 */
export function messagingLimitBudget(
  limit: MessagingLimit | undefined,
  sends: Iterable<{ to: string; at: string | number }>,
  now: Date,
): MessagingLimitBudget {
  const since = now.getTime() - campaignLimits.messagingLimitWindowMs;
  const latest = new Map<string, number>();
  for (const send of sends) {
    const at = typeof send.at === 'number' ? send.at : Date.parse(send.at);
    if (!(at > since && at <= now.getTime())) continue;
    if (at > (latest.get(send.to) ?? -Infinity)) latest.set(send.to, at);
  }
  const used = latest.size;
  const remaining = limit === null || limit === undefined ? Infinity : Math.max(0, limit - used);
  let nextSlotAt: Date | null = null;
  if (remaining === 0 && typeof limit === 'number') {
    // Under the limit again once `used - limit + 1` recipients have left the window.
    const times = [...latest.values()].sort((left, right) => left - right);
    nextSlotAt = new Date(times[used - limit]! + campaignLimits.messagingLimitWindowMs);
  }
  return { used, remaining, nextSlotAt, hasRecipient: (to) => latest.has(to) };
}
