// Campaigns in fixed states (scheduled, running with counts, completed with failures...) for the
// campaign widgets' stories and tests, with `advance` to move a running one on by a given count.
// The memory provider's own campaign methods play the real rules (`control.advanceCampaigns()`);
// these fixtures show states those rules reach only after many steps. Same contract: newest
// first, cursors, `campaign.updated` events, pause/resume/cancel.
import type { ReachoutDataProvider } from '../../src/core/provider';
import type { Campaign, CampaignAction, CampaignRecipient, CampaignRecipientStatus, ReachoutEvent } from '../../src/core/types';
import { createMemoryProvider } from '../../src/testing';

type MemoryProvider = ReturnType<typeof createMemoryProvider>;

const minute = 60_000;
const base = Date.parse('2026-12-01T09:00:00Z');
const at = (minutes: number) => new Date(base + minutes * minute).toISOString();

/** A campaign with counts; the rest filled in. */
export function campaignFixture(partial: Partial<Campaign> & Pick<Campaign, 'id' | 'name' | 'status'>): Campaign {
  return {
    senderId: 'sender-main',
    template: { id: 'template-order-update', name: 'order_update', language: 'en' },
    scheduledAt: null,
    createdAt: at(0),
    updatedAt: at(5),
    counts: { total: 0, skipped: 0, queued: 0, sent: 0, delivered: 0, read: 0, failed: 0 },
    ...partial,
  };
}

const failureReasons = ['131049', '131026'];
const skipReasons = ['active_chat', 'opted_out', 'invalid_number'];

/** Recipients matching a campaign's counts, in a stable order. */
export function recipientsFor(campaign: Campaign): CampaignRecipient[] {
  const out: CampaignRecipient[] = [];
  const statuses: CampaignRecipientStatus[] = ['read', 'delivered', 'sent', 'failed', 'skipped', 'queued'];
  for (const status of statuses) {
    for (let index = 0; index < campaign.counts[status]; index += 1) {
      const n = out.length;
      let reason: string | null = null;
      if (status === 'failed') reason = failureReasons[n % failureReasons.length] ?? null;
      if (status === 'skipped') reason = skipReasons[n % skipReasons.length] ?? null;
      out.push({
        contactId: `${campaign.id}-contact-${n}`,
        phone: `+55119${String(80_000_000 + n).padStart(8, '0')}`,
        status,
        reason,
        messageId: status === 'queued' || status === 'skipped' ? null : `${campaign.id}-message-${n}`,
        updatedAt: campaign.updatedAt,
      });
    }
  }
  return out;
}

const counts = (total: number, parts: Partial<Campaign['counts']>): Campaign['counts'] => ({
  total,
  skipped: 0,
  queued: 0,
  sent: 0,
  delivered: 0,
  read: 0,
  failed: 0,
  ...parts,
});

/** One campaign in each state, newest first. */
export const campaignFixtures = {
  scheduled: campaignFixture({
    id: 'campaign-scheduled',
    name: 'December newsletter',
    status: 'scheduled',
    scheduledAt: '2026-12-20T10:00:00Z',
    createdAt: at(50),
    counts: counts(1200, { queued: 1200 }),
  }),
  running: campaignFixture({
    id: 'campaign-running',
    name: 'Order delays, week 48',
    status: 'running',
    createdAt: at(40),
    counts: counts(2400, { queued: 1400, sent: 400, delivered: 350, read: 150, failed: 40, skipped: 60 }),
  }),
  paused: campaignFixture({
    id: 'campaign-paused',
    name: 'Store reopening',
    status: 'paused',
    createdAt: at(30),
    counts: counts(800, { queued: 500, sent: 100, delivered: 120, read: 50, failed: 10, skipped: 20 }),
  }),
  completed: campaignFixture({
    id: 'campaign-completed',
    name: 'Black Friday follow-up',
    status: 'completed',
    createdAt: at(20),
    counts: counts(600, { delivered: 300, read: 220, failed: 41, skipped: 39 }),
  }),
  cancelled: campaignFixture({
    id: 'campaign-cancelled',
    name: 'Survey (wrong link)',
    status: 'cancelled',
    createdAt: at(10),
    counts: counts(500, { queued: 380, sent: 70, delivered: 30, skipped: 20 }),
  }),
};

export interface CampaignProviderOptions {
  campaigns?: Campaign[];
  /** Milliseconds each campaign call takes. @default 0 */
  latencyMs?: number;
  /** Leave the campaign methods out (a provider without campaigns). @default true */
  supported?: boolean;
}

type CampaignMethods = Required<
  Pick<ReachoutDataProvider, 'previewCampaign' | 'createCampaign' | 'getCampaign' | 'listCampaigns' | 'listCampaignRecipients' | 'updateCampaign'>
>;

export type CampaignCall = { method: keyof CampaignMethods; params: unknown };

export type CampaignStoryProvider = MemoryProvider &
  CampaignMethods & {
    campaignControl: {
      calls: CampaignCall[];
      /** Moves up to `count` queued recipients of a running campaign on to sent, and says so. */
      advance: (campaignId: string, count: number) => void;
      /** The next campaign call of `method` rejects with `error`. */
      failNext: (method: keyof CampaignMethods, error: Error) => void;
    };
  };

export function createCampaignProvider(options: CampaignProviderOptions = {}): CampaignStoryProvider {
  const memory = createMemoryProvider();
  const campaigns = new Map<string, Campaign>();
  const recipients = new Map<string, CampaignRecipient[]>();
  for (const campaign of options.campaigns ?? Object.values(campaignFixtures)) {
    campaigns.set(campaign.id, structuredClone(campaign));
    recipients.set(campaign.id, recipientsFor(campaign));
  }
  const listeners = new Set<(event: ReachoutEvent) => void>();
  const calls: CampaignCall[] = [];
  const failures = new Map<keyof CampaignMethods, Error>();
  const latency = options.latencyMs ?? 0;

  const emit = (campaign: Campaign) => {
    for (const listener of listeners) listener({ type: 'campaign.updated', campaign: structuredClone(campaign) });
  };
  async function call<T>(method: keyof CampaignMethods, params: unknown, signal: AbortSignal | undefined, answer: () => T): Promise<T> {
    calls.push({ method, params });
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    const failure = failures.get(method);
    if (failure) {
      failures.delete(method);
      throw failure;
    }
    return structuredClone(answer());
  }
  const found = (id: string) => {
    const campaign = campaigns.get(id);
    if (!campaign) throw Object.assign(new Error(`No campaign ${id}`), { code: 'NOT_FOUND' });
    return campaign;
  };
  function page<T>(items: T[], cursor: string | null | undefined, limit: number) {
    const start = cursor ? Number(cursor) : 0;
    const end = start + limit;
    return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null, total: items.length };
  }

  const created = new Map<string, Campaign>();
  const methods: CampaignMethods = {
    previewCampaign: (params, context) =>
      call('previewCampaign', params, context?.signal, () => {
        const total = 'contactIds' in params.audience ? params.audience.contactIds.length : params.audience.search === '' ? 13 : 4;
        const activeChat = Math.min(1, total);
        return { total, sendable: total - activeChat, skipped: activeChat > 0 ? { active_chat: activeChat } : {} };
      }),
    createCampaign: ({ input }, context) =>
      call('createCampaign', { input }, context?.signal, () => {
        const existing = created.get(input.idempotencyKey);
        if (existing) return existing;
        const total = 'contactIds' in input.audience ? input.audience.contactIds.length : 4;
        const now = new Date().toISOString();
        const campaign = campaignFixture({
          id: `campaign-${campaigns.size + 1}`,
          name: input.name,
          status: input.scheduledAt === null ? 'running' : 'scheduled',
          senderId: input.senderId,
          template: input.template,
          scheduledAt: input.scheduledAt,
          createdAt: now,
          updatedAt: now,
          counts: counts(total, { queued: total }),
        });
        campaigns.set(campaign.id, campaign);
        recipients.set(campaign.id, recipientsFor(campaign));
        created.set(input.idempotencyKey, campaign);
        return campaign;
      }),
    getCampaign: ({ id }, context) => call('getCampaign', { id }, context?.signal, () => found(id)),
    listCampaigns: (params, context) =>
      call('listCampaigns', params, context?.signal, () =>
        page(
          [...campaigns.values()].sort((left, right) => right.createdAt.localeCompare(left.createdAt)),
          params.cursor,
          params.limit ?? 20,
        ),
      ),
    listCampaignRecipients: (params, context) =>
      call('listCampaignRecipients', params, context?.signal, () => {
        found(params.campaignId);
        const all = recipients.get(params.campaignId) ?? [];
        return page(params.status ? all.filter((recipient) => recipient.status === params.status) : all, params.cursor, params.limit ?? 100);
      }),
    updateCampaign: ({ id, action }, context) =>
      call('updateCampaign', { id, action }, context?.signal, () => {
        const campaign = found(id);
        const next: Record<CampaignAction, Campaign['status']> = { pause: 'paused', resume: 'running', cancel: 'cancelled' };
        campaign.status = next[action];
        campaign.updatedAt = new Date().toISOString();
        queueMicrotask(() => emit(campaign));
        return campaign;
      }),
  };

  const provider = {
    ...memory,
    subscribe(listener: (event: ReachoutEvent) => void) {
      const unsubscribe = memory.subscribe?.(listener);
      const own = listener as (event: ReachoutEvent) => void;
      listeners.add(own);
      return () => {
        unsubscribe?.();
        listeners.delete(own);
      };
    },
    // Without campaigns: the memory provider's own campaign methods are left out too.
    ...(options.supported === false
      ? {
          previewCampaign: undefined,
          createCampaign: undefined,
          getCampaign: undefined,
          listCampaigns: undefined,
          listCampaignRecipients: undefined,
          updateCampaign: undefined,
        }
      : methods),
    campaignControl: {
      calls,
      advance(campaignId: string, count: number) {
        const campaign = found(campaignId);
        if (campaign.status !== 'running') return;
        const list = recipients.get(campaignId) ?? [];
        let moved = 0;
        for (const recipient of list) {
          if (moved === count) break;
          if (recipient.status !== 'queued') continue;
          recipient.status = 'sent';
          recipient.updatedAt = new Date().toISOString();
          moved += 1;
        }
        campaign.counts.queued -= moved;
        campaign.counts.sent += moved;
        if (campaign.counts.queued === 0) campaign.status = 'completed';
        emit(campaign);
      },
      failNext(method: keyof CampaignMethods, error: Error) {
        failures.set(method, error);
      },
    },
  };
  return provider as CampaignStoryProvider;
}
