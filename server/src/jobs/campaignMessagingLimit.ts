import { and, eq, gt, isNotNull, max } from 'drizzle-orm';
import { campaignLimits } from 'reachout/core';
import type { DrizzleDatabase } from '../db/openDatabase';
import { campaignRecipients, campaigns, tickets } from '../db/schema';

/** What this process knows of each sender's messaging limit (the sends of the last 24 hours). */
export interface MessagingLimit {
  /** Phones of this process's sends not yet stored, per sender: the messaging limit counts them as used. */
  pendingOf(senderId: string): Set<string>;
  /** Runs `work` after every earlier decision of the sender in this process. */
  withBudgetLock<Value>(senderId: string, work: () => Promise<Value>): Promise<Value>;
  /** The sends of the last 24 hours from this sender that count against its messaging limit. */
  sendsOfLastDay(senderId: string): Promise<{ to: string; at: number }[]>;
}

export function createMessagingLimit(database: DrizzleDatabase, now: () => Date): MessagingLimit {
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

  return { pendingOf, withBudgetLock, sendsOfLastDay };
}
