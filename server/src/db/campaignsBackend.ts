import { createAbortError, isAbortError, isReachoutError, type MessageTemplate, ReachoutError } from 'reachout/core';
import type { DeliveryStatusUpdate, ReachoutBackend, WhatsAppGateway } from '../backend';
import { type CampaignSender, sendRateFromEnvironment, startCampaignSender } from '../jobs/campaignSend';
import { type CampaignWrite, createCampaignStore } from './campaigns';
import type { Database } from './openDatabase';

export interface CampaignsBackendOptions {
  db: Database;
  write: CampaignWrite;
  now: () => Date;
  gateway: () => WhatsAppGateway;
  findTemplate: (id: string, signal?: AbortSignal) => Promise<MessageTemplate | undefined>;
  /** Simulator mode: the wait before each receipt of a campaign message; `null` with the Cloud API. */
  simulatorDelayMs: number | null;
  /** @default `REACHOUT_SEND_RATE`, else 80 */
  sendRate?: number;
  /** @default `REACHOUT_JOB_EXPIRE_SECONDS` (else 120 s): how long a claimed recipient may wait before another server takes it back */
  claimExpireMs?: number;
}

type CampaignMethods = Required<
  Pick<ReachoutBackend['provider'], 'previewCampaign' | 'createCampaign' | 'getCampaign' | 'listCampaigns' | 'listCampaignRecipients' | 'updateCampaign'>
>;

function claimExpireFromEnvironment(): number {
  const seconds = Number(process.env.REACHOUT_JOB_EXPIRE_SECONDS);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 120) * 1000;
}

/**
 * The database backend's campaigns: the provider methods (`./campaigns`) and the sending on the
 * job queue (`../jobs/campaignSend`), wired with one call.
 */
export function createCampaignsBackend(options: CampaignsBackendOptions) {
  const { db, now } = options;
  const sender: Promise<CampaignSender> = startCampaignSender({
    boss: db.queue,
    database: db.drizzle,
    write: options.write,
    now,
    gateway: options.gateway,
    findTemplate: (id) => options.findTemplate(id),
    sendRate: options.sendRate ?? sendRateFromEnvironment(),
    claimExpireMs: options.claimExpireMs ?? claimExpireFromEnvironment(),
    simulatorDelayMs: options.simulatorDelayMs,
  });
  // A failed start is reported on every call rather than as an unhandled rejection.
  sender.catch((error: unknown) => console.error('The campaign queue did not start', error));

  const store = createCampaignStore({
    database: db.drizzle,
    write: options.write,
    now,
    findTemplate: options.findTemplate,
    get connectedSenderId() {
      return options.gateway().senderId;
    },
    enqueueStep: async (executor, campaignId, startAfter) => (await sender).enqueueStep(executor, campaignId, startAfter),
  });

  const perform = async <Result>(signal: AbortSignal | undefined, work: () => Promise<Result>): Promise<Result> => {
    if (signal?.aborted) throw createAbortError(signal);
    try {
      return await work();
    } catch (error) {
      if (isReachoutError(error) || isAbortError(error)) throw error;
      throw new ReachoutError('UNKNOWN', 'The database could not complete the request; try again', { cause: error });
    }
  };

  const provider: CampaignMethods = {
    previewCampaign: (params, context) => perform(context?.signal, () => store.previewCampaign(params)),
    createCampaign: (params, context) =>
      perform(context?.signal, async () => {
        await sender;
        return store.createCampaign(params.input, context?.signal);
      }),
    getCampaign: (params, context) => perform(context?.signal, () => store.getCampaign(params.id)),
    listCampaigns: (params, context) => perform(context?.signal, () => store.listCampaigns(params)),
    listCampaignRecipients: (params, context) => perform(context?.signal, () => store.listCampaignRecipients(params)),
    updateCampaign: (params, context) =>
      perform(context?.signal, async () => {
        await sender;
        return store.updateCampaign(params);
      }),
  };

  return {
    provider,
    /** A status of a campaign message (answers `false` for any other message). */
    recordStatus: async (update: DeliveryStatusUpdate) => (await sender.catch(() => null))?.recordStatus(update) ?? false,
    /** Runs the sweep now (tests). */
    sweep: async () => (await sender).sweep(),
    stop: async () => (await sender.catch(() => null))?.stop(),
  };
}
