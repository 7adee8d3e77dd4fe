import { and, eq, sql } from 'drizzle-orm';
import { campaignLimits } from 'reachout/core';
import { type CampaignWrite, readCampaign } from '../db/campaigns';
import { campaigns } from '../db/schema';

/** At most about one `campaign.updated` a second per running campaign. */
export interface EventThrottle {
  /** Emits `campaign.updated` now when `force` or the interval has passed, else owes one trailing event. */
  emitUpdate(campaignId: string, force: boolean): Promise<void>;
  /** Drops every trailing event still owed (the sender stops). */
  cancelTrailingUpdates(): void;
}

export interface EventThrottleOptions {
  write: CampaignWrite;
  now: () => Date;
  isStopped: () => boolean;
  /** Keeps a trailing event's promise until the sender stops. */
  track: <Value>(promise: Promise<Value>) => Promise<Value>;
  log: (line: string) => void;
}

export function createEventThrottle({ write, now, isStopped, track, log }: EventThrottleOptions): EventThrottle {
  /** Campaigns whose throttled event is owed: one trailing event each, once the interval has passed. */
  const trailingUpdates = new Map<string, ReturnType<typeof setTimeout>>();

  // Without a trailing event, the last changes of a burst (the final `read` receipts, which often
  // arrive within a second of the previous event) would never reach a live client.
  const scheduleTrailingUpdate = (campaignId: string) => {
    if (isStopped() || trailingUpdates.has(campaignId)) return;
    const timeout = setTimeout(() => {
      trailingUpdates.delete(campaignId);
      if (isStopped()) return;
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

  const cancelTrailingUpdates = () => {
    for (const timeout of trailingUpdates.values()) clearTimeout(timeout);
    trailingUpdates.clear();
  };

  return { emitUpdate, cancelTrailingUpdates };
}
