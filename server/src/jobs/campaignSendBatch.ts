import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import {
  buildTemplateMessage,
  campaignCancelledReason,
  campaignLimits,
  campaignSkipReason,
  isReachoutError,
  type MessageTemplate,
  messagingLimitBudget,
  messagingLimitReason,
  recipientParameters,
  type Sender,
} from 'reachout/core';
import type { WhatsAppGateway } from '../backend';
import type { DrizzleDatabase } from '../db/openDatabase';
import { contactOf } from '../db/rows';
import { campaignRecipients, campaigns, chats, contacts } from '../db/schema';
import type { MessagingLimit } from './campaignMessagingLimit';
import { activeChatStatuses, campaignReceiptQueue, graphCodeOf, lateSlotToleranceMs, maxAttempts, type ReceiptJob, sleep, slotLeadMs } from './campaignQueues';
import type { SendSlots } from './campaignSendSlots';

export interface BatchSenderOptions {
  boss: PgBoss;
  database: DrizzleDatabase;
  now: () => Date;
  gateway: () => WhatsAppGateway;
  /** Simulator mode: the wait before each receipt; `null` in Cloud API mode. */
  simulatorDelayMs: number | null;
  /** Recipients claimed at once. */
  batchSize: number;
  slots: SendSlots;
  limit: MessagingLimit;
  log: (line: string) => void;
}

/** The part of a step that claims a batch of recipients, decides each one and sends it in its slot. */
export interface BatchSender {
  sendBatch(
    campaign: typeof campaigns.$inferSelect,
    sender: Sender,
    template: MessageTemplate | undefined,
    pending: Set<string>,
  ): Promise<{ done: Promise<unknown> } | null>;
  /** The campaign's status now (`undefined` when it is gone). */
  statusOf(campaignId: string): Promise<(typeof campaigns.$inferSelect)['status'] | undefined>;
  /** Simulator mode: queues the next receipt of a sent message. */
  scheduleReceipt(messageId: string, status: ReceiptJob['status'], to: string): Promise<void>;
}

export function createBatchSender(options: BatchSenderOptions): BatchSender {
  const { boss, database, now, batchSize, log } = options;
  const { takeSlots, holdSender } = options.slots;
  const { withBudgetLock, sendsOfLastDay } = options.limit;

  const claimBatch = (campaignId: string, limit: number) =>
    database.transaction(async (transaction) => {
      const at = now();
      const rows = await transaction
        .select({ contactId: campaignRecipients.contactId })
        .from(campaignRecipients)
        .where(
          and(
            eq(campaignRecipients.campaignId, campaignId),
            eq(campaignRecipients.status, 'queued'),
            or(sql`${campaignRecipients.notBefore} is null`, lte(campaignRecipients.notBefore, at)),
          ),
        )
        .orderBy(asc(campaignRecipients.position))
        .limit(limit)
        .for('update', { skipLocked: true });
      if (rows.length === 0) return [];
      return transaction
        .update(campaignRecipients)
        .set({ status: 'sending', claimedAt: at, updatedAt: at })
        .where(and(eq(campaignRecipients.campaignId, campaignId), inArray(campaignRecipients.contactId, rows.map((row) => row.contactId))))
        .returning();
    });

  const settle = (campaignId: string, contactId: string, fields: Partial<typeof campaignRecipients.$inferInsert>, from: 'sending' | 'calling') =>
    database
      .update(campaignRecipients)
      .set({ claimedAt: null, updatedAt: now(), ...fields })
      .where(and(eq(campaignRecipients.campaignId, campaignId), eq(campaignRecipients.contactId, contactId), eq(campaignRecipients.status, from)));

  const statusOf = async (campaignId: string) =>
    (await database.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaignId)).limit(1))[0]?.status;

  /**
   * Claims one batch and starts its sends; answers `null` when there was no one to claim, else
   * their completion (`done`, wrapped so that awaiting the claim does not await the sends). `pending`: phones of this step's sends not yet stored, which the messaging
   * limit counts as used.
   */
  const sendBatch = async (
    campaign: typeof campaigns.$inferSelect,
    sender: Sender,
    template: MessageTemplate | undefined,
    pending: Set<string>,
  ): Promise<{ done: Promise<unknown> } | null> => {
    const claimed = await claimBatch(campaign.id, batchSize);
    if (claimed.length === 0) return null;
    const contactRows = await database.select().from(contacts).where(inArray(contacts.id, claimed.map((row) => row.contactId)));
    const contactById = new Map(contactRows.map((row) => [row.id, row]));
    const activeRows = await database
      .selectDistinct({ contactId: chats.contactId })
      .from(chats)
      .where(and(inArray(chats.contactId, claimed.map((row) => row.contactId)), inArray(chats.status, [...activeChatStatuses])));
    const active = new Set(activeRows.map((row) => row.contactId));
    // One decision at a time per sender in this process: concurrent steps (a sweep starts one while
    // another runs) would each see the same free slots of the messaging limit.
    const toSend = await withBudgetLock(sender.id, async () => {
      const inFlight = [...pending];
      const budget = messagingLimitBudget(sender.messagingLimit, await sendsOfLastDay(sender.id), now());
      let remaining = budget.remaining - new Set(inFlight.filter((phone) => !budget.hasRecipient(phone))).size;
      const chosen: typeof claimed = [];
      for (const recipient of claimed) {
        const row = contactById.get(recipient.contactId);
        if (!row) {
          await settle(campaign.id, recipient.contactId, { status: 'failed', reason: 'The contact was deleted' }, 'sending');
          continue;
        }
        // Phones are unique among contacts, so no earlier recipient can have this one.
        const reason = campaignSkipReason(contactOf(row), campaign.bindings ?? undefined, { hasActiveChat: active.has(row.id), phoneTaken: false });
        if (reason !== null) {
          await settle(campaign.id, recipient.contactId, { status: 'skipped', reason }, 'sending');
          continue;
        }
        if (!budget.hasRecipient(row.phone) && !inFlight.includes(row.phone)) {
          if (remaining <= 0) {
            await settle(campaign.id, recipient.contactId, { status: 'queued', reason: messagingLimitReason, notBefore: budget.nextSlotAt }, 'sending');
            continue;
          }
          remaining -= 1;
        }
        chosen.push(recipient);
        pending.add(row.phone);
      }
      return chosen;
    });
    if (toSend.length === 0) return { done: Promise.resolve() };
    const slots = await takeSlots(sender.id, toSend.length);
    const done = Promise.all(
      toSend.map(async (recipient, index) => {
        const slot: number = slots[index] ?? now().getTime();
        await sleep(slot - slotLeadMs - now().getTime());
        const waitForSlot = async () => {
          let current = slot;
          for (;;) {
            // A timer may fire a millisecond early: never call before the slot.
            while (now().getTime() < current) await sleep(current - now().getTime() + 1);
            // Checked right before the call: nothing runs between this and WhatsApp.
            if (now().getTime() - current <= lateSlotToleranceMs) return;
            current = (await takeSlots(sender.id, 1))[0] ?? now().getTime();
          }
        };
        try {
          await sendOne(campaign, sender, template, recipient, contactById.get(recipient.contactId)!, waitForSlot);
        } catch (error) {
          // The database failed around the send: its claim expires and a later step settles it.
          log(`Campaign ${campaign.id}: the send to ${recipient.contactId} could not be stored: ${String(error)}`);
        } finally {
          pending.delete(recipient.phone);
        }
      }),
    );
    return { done };
  };

  const sendOne = async (
    campaign: typeof campaigns.$inferSelect,
    sender: Sender,
    template: MessageTemplate | undefined,
    recipient: typeof campaignRecipients.$inferSelect,
    contactRow: typeof contacts.$inferSelect,
    waitForSlot: () => Promise<void>,
  ) => {
    const { id: campaignId } = campaign;
    const { contactId } = recipient;
    if (!template || template.status !== 'APPROVED') {
      await settle(campaignId, contactId, { status: 'failed', reason: `The template ${campaign.template.name} is no longer approved` }, 'sending');
      return;
    }
    let message;
    try {
      message = buildTemplateMessage({ to: contactRow.phone, template, parameters: recipientParameters(campaign.parameters, campaign.bindings ?? undefined, contactOf(contactRow)) });
    } catch (error) {
      await settle(campaignId, contactId, { status: 'failed', reason: error instanceof Error ? error.message : String(error) }, 'sending');
      return;
    }
    // Committed before the call: a crash from here on leaves it `calling`, never sent again. Only
    // while the campaign runs, so a pause or cancel reaches a batch already claimed.
    const marked = await database
      .update(campaignRecipients)
      .set({ status: 'calling', claimedAt: now(), updatedAt: now() })
      .where(
        and(
          eq(campaignRecipients.campaignId, campaignId),
          eq(campaignRecipients.contactId, contactId),
          eq(campaignRecipients.status, 'sending'),
          sql`exists (select 1 from ${campaigns} where ${campaigns.id} = ${campaignId} and ${campaigns.status} = 'running')`,
        ),
      )
      .returning({ contactId: campaignRecipients.contactId });
    if (marked.length === 0) {
      const status = await statusOf(campaignId);
      await settle(campaignId, contactId, status === 'cancelled' ? { status: 'skipped', reason: campaignCancelledReason } : { status: 'queued' }, 'sending');
      return;
    }
    let messageId: string;
    try {
      await waitForSlot();
      ({ messageId } = await options.gateway().send(message, sender));
    } catch (error) {
      const code = graphCodeOf(error);
      const attempts = recipient.attempts + 1;
      if (code === 131049 || code === 131026 || (isReachoutError(error) && !['NETWORK', 'RATE_LIMITED', 'UNKNOWN'].includes(error.code))) {
        await settle(campaignId, contactId, { status: 'failed', reason: code === undefined ? (error as Error).message : String(code), attempts }, 'calling');
        return;
      }
      if (attempts >= maxAttempts) {
        await settle(campaignId, contactId, { status: 'failed', reason: 'WhatsApp could not be reached, so the message was not sent', attempts }, 'calling');
        return;
      }
      // 131056 (6 s between messages to one person) and 130429 (the number's throughput) wait, doubling.
      const retryAfter = isReachoutError(error) && error.retryAfterMs !== undefined ? error.retryAfterMs : 1000;
      const waitMs = Math.min(300_000, Math.max(code === 131056 ? campaignLimits.perRecipientGapMs : retryAfter, 1000) * 2 ** (attempts - 1));
      const until = new Date(now().getTime() + waitMs);
      if (code === 130429) await holdSender(sender.id, until);
      await settle(campaignId, contactId, { status: 'queued', notBefore: until, attempts }, 'calling');
      return;
    }
    await settle(campaignId, contactId, { status: 'sent', reason: null, messageId, sentAt: now(), attempts: recipient.attempts + 1 }, 'calling');
    if (options.simulatorDelayMs !== null) await scheduleReceipt(messageId, 'delivered', contactRow.phone);
  };

  const scheduleReceipt = async (messageId: string, status: ReceiptJob['status'], to: string) => {
    await boss.send(campaignReceiptQueue, { messageId, status, to } satisfies ReceiptJob, {
      startAfter: new Date(Date.now() + (options.simulatorDelayMs ?? 0)),
    });
  };

  return { sendBatch, statusOf, scheduleReceipt };
}
