import type { PgBoss } from 'pg-boss';
import { isReachoutError, type MessageTemplate } from 'reachout/core';
import type { DeliveryStatusUpdate, WhatsAppGateway } from '../backend';
import type { CampaignWrite } from '../db/campaigns';
import type { DrizzleDatabase } from '../db/openDatabase';

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
export const maxAttempts = 8;
/** How long one step job sends before it hands over to the next (another server may take it). */
export const stepBudgetMs = 5_000;
/** How often each server looks for campaigns that are due, or whose step was lost with a dead server. */
export const sweepIntervalMs = 1_000;
/** A send whose slot passed by more than this takes a new one, so a stall cannot bunch sends together. */
export const lateSlotToleranceMs = 20;
/** How long before its slot a send does its database work (the check and the `calling` mark). */
export const slotLeadMs = 40;

export const activeChatStatuses = ['open', 'assigned', 'queued'] as const;

export interface StepJob {
  campaignId: string;
}
export interface ReceiptJob {
  messageId: string;
  status: 'delivered' | 'read';
  /** The recipient's number: the simulator fails numbers ending in `0000` (131026), as the memory provider does. */
  to: string;
}

/** Numbers ending in this are unreachable in the simulator. */
export const unreachableSuffix = '0000';

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

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** The Graph error code of a failed send (131049, 131026...), when WhatsApp gave one. */
export function graphCodeOf(error: unknown): number | undefined {
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
