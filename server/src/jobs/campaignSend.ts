import { and, asc, eq, inArray, isNotNull, lt, lte, max, or, type SQL, sql, gt } from 'drizzle-orm';
import { fromDrizzle, type Job, type PgBoss } from 'pg-boss';
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
  undeliverableError,
} from 'reachout/core';
import type { DeliveryStatusUpdate, WhatsAppGateway } from '../backend';
import { type CampaignWrite, countsOf, readCampaign, writeRecipients } from '../db/campaigns';
import type { DrizzleDatabase } from '../db/openDatabase';
import { contactOf, senderOf } from '../db/rows';
import { campaignRecipients, campaigns, campaignSendRates, chats, contacts, senders, tickets } from '../db/schema';

/** One job per step of a campaign: it claims a batch of recipients and sends them at the rate. */
export const campaignStepQueue = 'campaign-step';
/** Simulator mode: a sent campaign message is delivered, then read, one job per step. */
export const campaignReceiptQueue = 'campaign-receipt';

/** The default of `REACHOUT_SEND_RATE`: messages a second per business number (WhatsApp's default throughput). */
export const defaultSendRate = 80;

/**
 * The reason of a recipient whose send was cut short (its server died while calling WhatsApp):
 * WhatsApp may have the message, so it is never sent again.
 */
export const interruptedReason = 'interrupted';
/** Failed after this many tries that WhatsApp could not be reached. */
const maxAttempts = 8;
/** How long one step job sends before it hands over to the next (another server may take it). */
const stepBudgetMs = 5_000;
/** How often each server looks for campaigns that are due, or whose step was lost with a dead server. */
const sweepIntervalMs = 1_000;
/** A send whose slot passed by more than this takes a new one, so a stall cannot bunch sends together. */
const lateSlotToleranceMs = 20;
/** How long before its slot a send does its database work (the check and the `calling` mark). */
const slotLeadMs = 40;

const activeChatStatuses = ['open', 'assigned', 'queued'] as const;

interface StepJob {
  campaignId: string;
}
interface ReceiptJob {
  messageId: string;
  status: 'delivered' | 'read';
  /** The recipient's number: the simulator fails numbers ending in `0000` (131026), as the memory provider does. */
  to: string;
}

/** Numbers ending in this are unreachable in the simulator. */
const unreachableSuffix = '0000';

/** The most `REACHOUT_SEND_RATE` may be: WhatsApp's highest throughput for one number. */
export const maxSendRate = 1000;

/**
 * `REACHOUT_SEND_RATE` from the environment: messages a second per business number, more than 0
 * and at most 1,000 (unset or empty: 80).
 *
 * @throws Error naming the variable when it is set to anything else, so the server does not start.
 */
export function sendRateFromEnvironment(environment: NodeJS.ProcessEnv = process.env): number {
  const text = environment.REACHOUT_SEND_RATE?.trim();
  if (text === undefined || text === '') return defaultSendRate;
  const rate = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(rate > 0 && rate <= maxSendRate)) {
    throw new Error(`REACHOUT_SEND_RATE must be a number of messages a second above 0 and at most ${maxSendRate}, got "${text}".`);
  }
  return rate;
}

export interface CampaignSenderOptions {
  boss: PgBoss;
  database: DrizzleDatabase;
  write: CampaignWrite;
  now: () => Date;
  gateway: () => WhatsAppGateway;
  findTemplate: (id: string) => Promise<MessageTemplate | undefined>;
  /** Messages a second per business number, across every server on the database. */
  sendRate: number;
  /**
   * How long a claimed recipient may wait for its send before another step takes it back (its
   * server died). A recipient whose WhatsApp call was under way then fails as `interrupted`.
   */
  claimExpireMs: number;
  /** Simulator mode: the wait before each receipt (sent → delivered → read); `null` in Cloud API mode. */
  simulatorDelayMs: number | null;
  log?: (line: string) => void;
}

/** The queue of campaign steps, and the sweep that keeps every due or running campaign moving. */
export interface CampaignSender {
  /** Queues a step of the campaign in `executor`'s transaction (at `startAfter`, or now). */
  enqueueStep(executor: DrizzleDatabase, campaignId: string, startAfter: Date | null): Promise<void>;
  /** A delivery status of a campaign message (Cloud API webhooks, simulator receipts); `false` when it is not one. */
  recordStatus(update: DeliveryStatusUpdate): Promise<boolean>;
  /** One sweep now (tests; the timer runs it every second). */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** The Graph error code of a failed send (131049, 131026...), when WhatsApp gave one. */
function graphCodeOf(error: unknown): number | undefined {
  if (!isReachoutError(error)) return undefined;
  const cause = error.cause as { code?: unknown } | undefined;
  if (typeof cause?.code === 'number') return cause.code;
  return error.code === 'INVALID_NUMBER' ? 131026 : undefined;
}

/** Creates the campaign queues (once per database) and fills pg-boss's queue cache (see `startQueue`). */
export async function ensureCampaignQueues(boss: PgBoss, claimExpireMs: number): Promise<void> {
  const queues = [
    // `short`: at most one waiting step per key, so the steps of one campaign never multiply.
    { name: campaignStepQueue, options: { policy: 'short' as const, retryLimit: 5, retryDelay: 1, expireInSeconds: Math.max(30, Math.ceil(claimExpireMs / 1000) + 10) } },
    { name: campaignReceiptQueue, options: { retryLimit: 3, retryDelay: 1, expireInSeconds: 60 } },
  ];
  for (const queue of queues) {
    if (!(await boss.getQueue(queue.name))) await boss.createQueue(queue.name, queue.options);
    await boss.getJobById(queue.name, '00000000-0000-0000-0000-000000000000');
  }
}

/**
 * Sends campaigns on the job queue. Each step claims a batch of queued recipients (`FOR UPDATE
 * SKIP LOCKED`, so two servers never claim one), takes send slots from the sender's row in
 * `campaign_send_rates` (one every 1/rate s, shared by every server), and for each recipient
 * decides its skip now (core's `campaignSkipReason`), holds it past the sender's messaging limit
 * (`messagingLimitBudget`), marks it `calling`, calls WhatsApp and stores the message id. A
 * recipient is sent at most once: its row is unique per campaign and contact, and a send cut
 * short by a crash while WhatsApp was called is never repeated (it fails as `interrupted`).
 */
export async function startCampaignSender(options: CampaignSenderOptions): Promise<CampaignSender> {
  const { boss, database, write, now, sendRate, claimExpireMs } = options;
  const log = options.log ?? ((line: string) => console.error(line));
  // A send may go up to `lateSlotToleranceMs` after its slot: spaced this far apart, any one second
  // still holds at most `sendRate` of them (1000 + tolerance over rate − 1; exactly 1000/rate at rate 1).
  const slotMs = sendRate > 1 ? (1000 + lateSlotToleranceMs) / (sendRate - 1) : 1000 / sendRate;
  const batchSize = Math.max(1, Math.min(200, Math.ceil(sendRate / 2)));
  let stopped = false;
  const running = new Set<Promise<unknown>>();
  /** Phones of this process's sends not yet stored, per sender: the messaging limit counts them as used. */
  const pendingBySender = new Map<string, Set<string>>();
  const pendingOf = (senderId: string) => {
    let pending = pendingBySender.get(senderId);
    if (!pending) pendingBySender.set(senderId, (pending = new Set()));
    return pending;
  };
  const budgetLocks = new Map<string, Promise<unknown>>();
  const withBudgetLock = <Value>(senderId: string, work: () => Promise<Value>): Promise<Value> => {
    const result = (budgetLocks.get(senderId) ?? Promise.resolve()).then(work, work);
    budgetLocks.set(senderId, result.catch(() => undefined));
    return result;
  };

  await ensureCampaignQueues(boss, claimExpireMs);

  const enqueueStep = async (executor: DrizzleDatabase | null, campaignId: string, startAfter: Date | null) => {
    const later = startAfter !== null && startAfter.getTime() > now().getTime();
    // A step due now and one due later have different keys: a wait must not hold back a resume.
    const key = later ? `${campaignId}@${startAfter.toISOString()}` : campaignId;
    const transaction = executor && {
      execute: (query: unknown) => executor.execute(query as SQL) as Promise<{ rows: unknown[] }>,
    };
    await boss.send(campaignStepQueue, { campaignId } satisfies StepJob, {
      singletonKey: key,
      ...(later ? { startAfter } : {}),
      ...(transaction ? { db: fromDrizzle(transaction, sql) } : {}),
    });
    if (!later && !executor) wake();
  };

  // ---------------------------------------------------------------------------------------------
  // Events: at most about one `campaign.updated` a second per running campaign
  // ---------------------------------------------------------------------------------------------

  /** Campaigns whose throttled event is owed: one trailing event each, once the interval has passed. */
  const trailingUpdates = new Map<string, ReturnType<typeof setTimeout>>();

  // Without a trailing event, the last changes of a burst (the final `read` receipts, which often
  // arrive within a second of the previous event) would never reach a live client.
  const scheduleTrailingUpdate = (campaignId: string) => {
    if (stopped || trailingUpdates.has(campaignId)) return;
    const timeout = setTimeout(() => {
      trailingUpdates.delete(campaignId);
      if (stopped) return;
      void track(emitUpdate(campaignId, false)).catch((error: unknown) => log(`Campaign event failed: ${String(error)}`));
    }, campaignLimits.eventIntervalMs);
    timeout.unref?.();
    trailingUpdates.set(campaignId, timeout);
  };

  const emitUpdate = (campaignId: string, force: boolean): Promise<void> =>
    write(async (executor, emit) => {
      const at = now();
      const claimed = await executor
        .update(campaigns)
        .set({ lastEventAt: at, updatedAt: at })
        .where(
          and(
            eq(campaigns.id, campaignId),
            force ? undefined : sql`${campaigns.lastEventAt} is null or ${campaigns.lastEventAt} <= ${new Date(at.getTime() - campaignLimits.eventIntervalMs).toISOString()}::timestamptz`,
          ),
        )
        .returning({ id: campaigns.id });
      if (claimed.length > 0) await emit({ type: 'campaign.updated', campaign: await readCampaign(executor, campaignId) });
      else scheduleTrailingUpdate(campaignId);
    });

  // ---------------------------------------------------------------------------------------------
  // A step
  // ---------------------------------------------------------------------------------------------

  /** Starts the campaign if it is scheduled and due: its audience becomes its recipients. */
  const startIfDue = (campaignId: string) =>
    write(async (executor, emit) => {
      const at = now();
      const [row] = await executor
        .update(campaigns)
        .set({ status: 'running', startedAt: at, updatedAt: at, lastEventAt: at })
        .where(and(eq(campaigns.id, campaignId), eq(campaigns.status, 'scheduled'), lte(campaigns.scheduledAt, at)))
        .returning();
      if (!row) return;
      await writeRecipients(executor, row, at);
      await emit({ type: 'campaign.updated', campaign: await readCampaign(executor, row.id) });
    });

  /** Claims that outlived `claimExpireMs` (their server died): not yet called → queued again; called → interrupted. */
  const releaseStaleClaims = async (campaignId: string) => {
    const at = now();
    const before = new Date(at.getTime() - claimExpireMs);
    const stale = and(eq(campaignRecipients.campaignId, campaignId), lt(campaignRecipients.claimedAt, before));
    await database
      .update(campaignRecipients)
      .set({ status: 'queued', claimedAt: null, updatedAt: at })
      .where(and(stale, eq(campaignRecipients.status, 'sending')));
    await database
      .update(campaignRecipients)
      .set({ status: 'failed', reason: interruptedReason, claimedAt: null, updatedAt: at })
      .where(and(stale, eq(campaignRecipients.status, 'calling')));
  };

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

  /** `count` send slots of the sender, one every 1/rate s from the row's next free time. */
  const takeSlots = (senderId: string, count: number) =>
    database.transaction(async (transaction) => {
      await transaction.insert(campaignSendRates).values({ senderId, nextAt: new Date(0) }).onConflictDoNothing();
      const [row] = await transaction.select().from(campaignSendRates).where(eq(campaignSendRates.senderId, senderId)).for('update');
      let next = Math.max(row?.nextAt.getTime() ?? 0, now().getTime());
      const slots: number[] = [];
      for (let index = 0; index < count; index++) {
        slots.push(next);
        next += slotMs;
      }
      // Rounded up: a Date holds whole milliseconds, and truncating would bring each next slot closer.
      await transaction.update(campaignSendRates).set({ nextAt: new Date(Math.ceil(next)) }).where(eq(campaignSendRates.senderId, senderId));
      return slots;
    });

  /** After 130429 (the number's throughput): every server waits before the sender's next send. */
  const holdSender = (senderId: string, until: Date) =>
    database
      .update(campaignSendRates)
      .set({ nextAt: sql`greatest(${campaignSendRates.nextAt}, ${until.toISOString()}::timestamptz)` })
      .where(eq(campaignSendRates.senderId, senderId));

  /** The sends of the last 24 hours from this sender that count against its messaging limit. */
  const sendsOfLastDay = async (senderId: string) => {
    const since = new Date(now().getTime() - campaignLimits.messagingLimitWindowMs);
    const fromCampaigns = await database
      .select({ to: campaignRecipients.phone, at: max(campaignRecipients.sentAt) })
      .from(campaignRecipients)
      .innerJoin(campaigns, eq(campaigns.id, campaignRecipients.campaignId))
      .where(and(eq(campaigns.senderId, senderId), gt(campaignRecipients.sentAt, since)))
      .groupBy(campaignRecipients.phone);
    const fromTickets = await database
      .select({ to: tickets.to, at: max(tickets.createdAt) })
      .from(tickets)
      .where(and(eq(tickets.senderId, senderId), isNotNull(tickets.messageId), gt(tickets.createdAt, since)))
      .groupBy(tickets.to);
    return [...fromCampaigns, ...fromTickets].flatMap((send) => (send.at ? [{ to: send.to, at: send.at.getTime() }] : []));
  };

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

  /** The earliest time a waiting recipient may go, when none can go now. */
  const nextWaitOf = async (campaignId: string): Promise<{ waiting: boolean; claimed: boolean; at: Date | null }> => {
    const rows = await database
      .select({ status: campaignRecipients.status, at: sql<string | null>`min(${campaignRecipients.notBefore})::text`, count: sql<number>`count(*)::int` })
      .from(campaignRecipients)
      .where(and(eq(campaignRecipients.campaignId, campaignId), inArray(campaignRecipients.status, ['queued', 'sending', 'calling'])))
      .groupBy(campaignRecipients.status);
    const queued = rows.find((row) => row.status === 'queued');
    return {
      waiting: queued !== undefined,
      claimed: rows.some((row) => row.status !== 'queued'),
      at: queued?.at ? new Date(queued.at) : null,
    };
  };

  const step = async (campaignId: string) => {
    await startIfDue(campaignId);
    const [campaign] = await database.select().from(campaigns).where(eq(campaigns.id, campaignId)).limit(1);
    if (!campaign || campaign.status !== 'running') return;
    await releaseStaleClaims(campaignId);
    const [senderRow] = await database.select().from(senders).where(eq(senders.id, campaign.senderId)).limit(1);
    if (!senderRow) {
      log(`Campaign ${campaignId}: its sender ${campaign.senderId} is gone; it waits`);
      return;
    }
    const sender = senderOf(senderRow);
    const template = await options.findTemplate(campaign.template.id);
    const until = now().getTime() + stepBudgetMs;
    let moved = false;
    // Two batches in flight: the next is claimed and checked while the last one's sends wait for their slots.
    const inFlight: Promise<unknown>[] = [];
    const pending = pendingOf(sender.id);
    try {
      while (!stopped && now().getTime() < until) {
        if ((await statusOf(campaignId)) !== 'running') break;
        const sends = await sendBatch(campaign, sender, template, pending);
        if (sends === null) break;
        moved = true;
        inFlight.push(sends.done);
        if (inFlight.length >= 2) await inFlight.shift();
        await emitUpdate(campaignId, false);
      }
    } finally {
      await Promise.all(inFlight);
    }
    if (stopped) return;
    const wait = await nextWaitOf(campaignId);
    if (!wait.waiting && !wait.claimed) {
      const completed = await write(async (executor, emit) => {
        const at = now();
        const [row] = await executor
          .update(campaigns)
          .set({ status: 'completed', updatedAt: at, lastEventAt: at })
          .where(and(eq(campaigns.id, campaignId), eq(campaigns.status, 'running')))
          .returning({ id: campaigns.id });
        if (row) await emit({ type: 'campaign.updated', campaign: await readCampaign(executor, row.id) });
        return row !== undefined;
      });
      if (completed) return;
    }
    if (moved) await emitUpdate(campaignId, false);
    if (wait.waiting && (wait.at === null || wait.at.getTime() <= now().getTime())) await enqueueStep(null, campaignId, null);
    else if (wait.at !== null) await enqueueStep(null, campaignId, wait.at);
    // Claims of another server (or a dead one) are looked at again by the sweep.
  };

  // ---------------------------------------------------------------------------------------------
  // Receipts (delivered, read), from the simulator or webhooks
  // ---------------------------------------------------------------------------------------------

  const rank = { queued: 0, sending: 0, calling: 0, skipped: 0, failed: 0, sent: 1, delivered: 2, read: 3 } as const;

  const recordStatus = async (update: DeliveryStatusUpdate): Promise<boolean> => {
    const [row] = await database
      .select()
      .from(campaignRecipients)
      .where(eq(campaignRecipients.messageId, update.messageId))
      .limit(1);
    if (!row) return false;
    const at = now();
    if (update.status === 'failed') {
      if (row.status !== 'sent') return true;
      await database
        .update(campaignRecipients)
        .set({ status: 'failed', reason: update.error ? String(update.error.code) : 'failed', updatedAt: at })
        .where(and(eq(campaignRecipients.messageId, update.messageId), eq(campaignRecipients.status, 'sent')));
    } else {
      // Never backwards: a late `sent` after `read` changes nothing.
      if (row.status === 'failed' || rank[update.status] <= rank[row.status]) return true;
      await database
        .update(campaignRecipients)
        .set({ status: update.status, updatedAt: at })
        .where(eq(campaignRecipients.messageId, update.messageId));
    }
    await emitUpdate(row.campaignId, false);
    return true;
  };

  // ---------------------------------------------------------------------------------------------
  // Workers and the sweep
  // ---------------------------------------------------------------------------------------------

  const track = <Value>(promise: Promise<Value>): Promise<Value> => {
    running.add(promise);
    void promise.finally(() => running.delete(promise)).catch(() => {});
    return promise;
  };

  const stepWorker = await boss.work<StepJob>(campaignStepQueue, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]: Job<StepJob>[]) => {
    if (job && !stopped) await track(step(job.data.campaignId));
  });
  const receiptWorker = await boss.work<ReceiptJob>(campaignReceiptQueue, { batchSize: 20, pollingIntervalSeconds: 0.5 }, async (jobs: Job<ReceiptJob>[]) => {
    for (const job of jobs) {
      const { messageId, status, to } = job.data;
      const at = now().toISOString();
      if (to.endsWith(unreachableSuffix)) {
        await track(recordStatus({ messageId, status: 'failed', at, error: undeliverableError }));
        continue;
      }
      const known = await track(recordStatus({ messageId, status, at }));
      if (known && status === 'delivered') await scheduleReceipt(messageId, 'read', to);
    }
  });

  function wake() {
    if (!stopped) boss.notifyWorker(stepWorker);
  }

  /** Every running campaign with someone to send now or a claim gone stale, and every due scheduled one, gets a step. */
  const sweep = async () => {
    const at = now();
    const stale = new Date(at.getTime() - claimExpireMs).toISOString();
    const due = await database
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(
        or(
          and(eq(campaigns.status, 'scheduled'), lte(campaigns.scheduledAt, at)),
          and(
            eq(campaigns.status, 'running'),
            sql`exists (select 1 from ${campaignRecipients} r where r.campaign_id = ${campaigns.id} and (
              (r.status = 'queued' and (r.not_before is null or r.not_before <= ${at.toISOString()}::timestamptz))
              or (r.status in ('sending', 'calling') and r.claimed_at < ${stale}::timestamptz)))`,
          ),
          and(eq(campaigns.status, 'running'), sql`not exists (select 1 from ${campaignRecipients} r where r.campaign_id = ${campaigns.id} and r.status in ('queued', 'sending', 'calling'))`),
        ),
      );
    for (const { id } of due) await enqueueStep(null, id, null);
  };

  let sweeping: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    sweeping = sweeping.then(() => (stopped ? undefined : sweep().catch((error: unknown) => log(`Campaign sweep failed: ${String(error)}`))));
  }, sweepIntervalMs);
  timer.unref?.();

  return {
    enqueueStep: (executor, campaignId, startAfter) => enqueueStep(executor, campaignId, startAfter),
    recordStatus,
    sweep,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      for (const timeout of trailingUpdates.values()) clearTimeout(timeout);
      trailingUpdates.clear();
      await sweeping;
      await Promise.race([
        Promise.all([boss.offWork(campaignStepQueue, { id: stepWorker, wait: true }), boss.offWork(campaignReceiptQueue, { id: receiptWorker, wait: true })]),
        sleep(10_000),
      ]);
      await Promise.allSettled([...running]);
    },
  };
}

export { countsOf };
