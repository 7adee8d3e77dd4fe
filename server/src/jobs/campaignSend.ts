import { and, eq, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { fromDrizzle, type Job } from 'pg-boss';
import { undeliverableError } from 'reachout/core';
import type { DeliveryStatusUpdate } from '../backend';
import { countsOf, readCampaign, writeRecipients } from '../db/campaigns';
import type { DrizzleDatabase } from '../db/openDatabase';
import { senderOf } from '../db/rows';
import { campaignRecipients, campaigns, senders } from '../db/schema';
import { createEventThrottle } from './campaignEventThrottle';
import { createMessagingLimit } from './campaignMessagingLimit';
import {
  type CampaignSender,
  type CampaignSenderOptions,
  campaignReceiptQueue,
  campaignStepQueue,
  ensureCampaignQueues,
  interruptedReason,
  type ReceiptJob,
  sleep,
  type StepJob,
  stepBudgetMs,
  sweepIntervalMs,
  unreachableSuffix,
} from './campaignQueues';
import { createBatchSender } from './campaignSendBatch';
import { createSendSlots } from './campaignSendSlots';

export {
  type CampaignSender,
  type CampaignSenderOptions,
  campaignReceiptQueue,
  campaignStepQueue,
  defaultSendRate,
  ensureCampaignQueues,
  interruptedReason,
  maxSendRate,
  sendRateFromEnvironment,
} from './campaignQueues';

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
  const batchSize = Math.max(1, Math.min(200, Math.ceil(sendRate / 2)));
  let stopped = false;
  const running = new Set<Promise<unknown>>();
  const limit = createMessagingLimit(database, now);
  const { pendingOf } = limit;
  const slots = createSendSlots(database, now, sendRate);
  const { sendBatch, statusOf, scheduleReceipt } = createBatchSender({
    boss,
    database,
    now,
    gateway: options.gateway,
    simulatorDelayMs: options.simulatorDelayMs,
    batchSize,
    slots,
    limit,
    log,
  });

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

  // At most about one `campaign.updated` a second per running campaign.
  const { emitUpdate, cancelTrailingUpdates } = createEventThrottle({ write, now, isStopped: () => stopped, track: (promise) => track(promise), log });

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
      cancelTrailingUpdates();
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
