import { and, asc, desc, eq, getTableColumns, inArray, or, type SQL, sql } from 'drizzle-orm';
import {
  type Campaign,
  type CampaignAction,
  type CampaignAudience,
  type CampaignInput,
  type CampaignPreflight,
  type CampaignRecipient,
  type CampaignRecipientStatus,
  campaignCancelledReason,
  campaignCountsOf,
  campaignPreflightOf,
  campaignSkipReason,
  campaignStatusAfter,
  checkCampaignInput,
  decodeCursor,
  encodeCursor,
  idempotencyConflictError,
  type MessageTemplate,
  type Page,
  parseContactSearch,
  ReachoutError,
  type ReachoutEvent,
  resolveLimit,
} from 'reachout/core';
import type { DrizzleDatabase } from './openDatabase';
import { contactOf, senderOf } from './rows';
import { campaignRecipients, campaigns, contacts, senders } from './schema';
import { createSortableId } from './ids';
import { escapeLikePattern, fingerprintOf } from './text';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignRecipientRow = typeof campaignRecipients.$inferSelect;

/** A writing transaction of the database backend: events stored with it, delivered after commit. */
export type CampaignWrite = <Result>(
  work: (executor: DrizzleDatabase, emit: (event: ReachoutEvent) => Promise<void>) => Promise<Result>,
) => Promise<Result>;

export interface CampaignStoreOptions {
  database: DrizzleDatabase;
  write: CampaignWrite;
  now: () => Date;
  findTemplate: (id: string, signal?: AbortSignal) => Promise<MessageTemplate | undefined>;
  /** Cloud API mode: the one sender that can send. */
  connectedSenderId?: string | undefined;
  /** A campaign was created, resumed or is due: its send job is queued in `executor`'s transaction. */
  enqueueStep: (executor: DrizzleDatabase, campaignId: string, startAfter: Date | null) => Promise<void>;
}

/** Recipients written per statement when a campaign starts with picked contacts. */
const recipientInsertBatch = 5_000;

function notFound(what: string, id: string): ReachoutError {
  return new ReachoutError('NOT_FOUND', `No ${what} with id ${id}`);
}

/** `contactMatchesSearch` in SQL, as `listContacts` runs it: the folded text, or the digits of the phone. */
export function contactsMatchingSearch(search: string): SQL | undefined {
  const parsed = parseContactSearch(search);
  if (parsed === null) return undefined;
  const conditions: SQL[] = [];
  if (parsed.text) conditions.push(sql`${contacts.searchText} ilike ${`%${escapeLikePattern(parsed.text)}%`}`);
  if (parsed.digits !== null) conditions.push(sql`${contacts.phoneDigits} like ${`%${escapeLikePattern(parsed.digits)}%`}`);
  return or(...conditions) ?? sql`false`;
}

const contactOrder = [sql`${contacts.nameKey} collate "C"`, sql`${contacts.name} collate "C"`, sql`${contacts.id} collate "C"`];

/** Picked ids once each, in the order picked. */
function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** The campaign's counts from its recipients (a recipient a job holds is still `queued`). */
export async function countsOf(executor: DrizzleDatabase, campaignId: string): Promise<Campaign['counts']> {
  const rows = await executor
    .select({ status: campaignRecipients.status, count: sql<number>`count(*)::int` })
    .from(campaignRecipients)
    .where(eq(campaignRecipients.campaignId, campaignId))
    .groupBy(campaignRecipients.status);
  const counts = campaignCountsOf([]);
  for (const row of rows) {
    const status: CampaignRecipientStatus = row.status === 'sending' || row.status === 'calling' ? 'queued' : row.status;
    counts[status] += row.count;
    counts.total += row.count;
  }
  return counts;
}

export function campaignOf(row: CampaignRow, counts: Campaign['counts']): Campaign {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    senderId: row.senderId,
    template: { id: row.template.id, name: row.template.name, language: row.template.language },
    scheduledAt: row.scheduledAtText,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    counts,
  };
}

export function campaignRecipientOf(row: CampaignRecipientRow): CampaignRecipient {
  return {
    contactId: row.contactId,
    phone: row.phone,
    status: row.status === 'sending' || row.status === 'calling' ? 'queued' : row.status,
    reason: row.reason,
    messageId: row.messageId,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The campaign as an event or answer: its row and counts, read in `executor`. */
export async function readCampaign(executor: DrizzleDatabase, id: string): Promise<Campaign> {
  const [row] = await executor.select().from(campaigns).where(eq(campaigns.id, id)).limit(1);
  if (!row) throw notFound('campaign', id);
  return campaignOf(row, await countsOf(executor, id));
}

/**
 * Resolves a started campaign's audience into its recipients, all `queued`, in audience order (a
 * search: every contact it matches now, in the contact list's order). Skips are decided at each
 * recipient's turn, so a chat or opt-out that appears in between still skips.
 */
export async function writeRecipients(executor: DrizzleDatabase, campaign: Pick<CampaignRow, 'id' | 'audience'>, at: Date): Promise<void> {
  if ('contactIds' in campaign.audience) {
    const ids = uniqueIds(campaign.audience.contactIds);
    for (let start = 0; start < ids.length; start += recipientInsertBatch) {
      const batch = ids.slice(start, start + recipientInsertBatch);
      // One statement per batch: the ids travel as one JSON parameter, their order as `ordinality`.
      await executor.execute(sql`
        insert into ${campaignRecipients} (campaign_id, contact_id, position, phone, status, updated_at)
        select ${campaign.id}, c.id, picked.ordinality + ${start}, c.phone, 'queued', ${at.toISOString()}::timestamptz
        from jsonb_array_elements_text(${JSON.stringify(batch)}::jsonb) with ordinality as picked(id, ordinality)
        join ${contacts} c on c.id = picked.id
        on conflict do nothing`);
    }
    return;
  }
  const matching = contactsMatchingSearch(campaign.audience.search);
  await executor.execute(sql`
    insert into ${campaignRecipients} (campaign_id, contact_id, position, phone, status, updated_at)
    select ${campaign.id}, ${contacts.id}, row_number() over (order by ${sql.join(contactOrder, sql`, `)}), ${contacts.phone}, 'queued', ${at.toISOString()}::timestamptz
    from ${contacts} ${matching ? sql`where ${matching}` : sql``}
    on conflict do nothing`);
}

/**
 * The campaign methods of the database backend, on core's rules (`checkCampaignInput`,
 * `campaignSkipReason`, `campaignStatusAfter`), the same the memory provider keeps. Sending is
 * `server/src/jobs/campaignSend.ts`'s: these store campaigns and queue their send jobs.
 */
export function createCampaignStore(options: CampaignStoreOptions) {
  const { database, write, now } = options;

  const requireSender = async (executor: DrizzleDatabase, id: string) => {
    const [row] = await executor.select().from(senders).where(eq(senders.id, id)).limit(1);
    if (!row || (options.connectedSenderId !== undefined && options.connectedSenderId !== id)) throw notFound('sender', id);
    return senderOf(row);
  };

  /**
   * The audience's contacts in its order, each with whether it has an active chat, in one query:
   * picked ids travel as one JSON parameter (100,000 of them would pass PostgreSQL's 65,535
   * parameters as a list). An unknown picked id is `NOT_FOUND`.
   */
  const audienceContacts = async (audience: CampaignAudience) => {
    // Written out: drizzle leaves columns unqualified here, and `id` would be the chat's.
    const hasActiveChat = sql<boolean>`exists (select 1 from chats active where active.contact_id = contacts.id and active.status in ('open', 'assigned', 'queued'))`;
    const columns = { ...getTableColumns(contacts), hasActiveChat };
    if ('contactIds' in audience) {
      const ids = uniqueIds(audience.contactIds);
      const picked = sql`(select picked.id from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) as picked(id))`;
      const rows = await database.select(columns).from(contacts).where(sql`${contacts.id} in ${picked}`);
      const byId = new Map(rows.map((row) => [row.id, row]));
      const missing = ids.find((id) => !byId.has(id));
      if (missing !== undefined) throw notFound('contact', missing);
      return ids.map((id) => byId.get(id)!);
    }
    return database.select(columns).from(contacts).where(contactsMatchingSearch(audience.search)).orderBy(...contactOrder);
  };

  const requireApprovedTemplate = async (input: CampaignInput, signal?: AbortSignal) => {
    const template = await options.findTemplate(input.template.id, signal);
    if (!template) throw notFound('template', input.template.id);
    if (template.status !== 'APPROVED') {
      throw new ReachoutError('VALIDATION', `The template ${template.name} is not approved`, { fieldErrors: { template: 'Choose an approved template' } });
    }
  };

  const previewCampaign = async (params: { audience: CampaignAudience; senderId: string }): Promise<CampaignPreflight> => {
    checkAudience(params.audience);
    await requireSender(database, params.senderId);
    const rows = await audienceContacts(params.audience);
    const phones = new Set<string>();
    return campaignPreflightOf(
      rows.map((row) => {
        const reason = campaignSkipReason(contactOf(row), undefined, { hasActiveChat: row.hasActiveChat, phoneTaken: phones.has(row.phone) });
        phones.add(row.phone);
        return reason;
      }),
    );
  };

  const answerForKey = async (executor: DrizzleDatabase, key: string, fingerprint: string): Promise<string | null> => {
    const [row] = await executor
      .select({ id: campaigns.id, requestHash: campaigns.requestHash })
      .from(campaigns)
      .where(eq(campaigns.idempotencyKey, key))
      .limit(1);
    if (!row) return null;
    if (row.requestHash !== fingerprint) throw idempotencyConflictError('campaign');
    return row.id;
  };

  const createCampaign = async (input: CampaignInput, signal?: AbortSignal): Promise<Campaign> => {
    const fingerprint = fingerprintOf({ ...input, idempotencyKey: undefined });
    const answered = await answerForKey(database, input.idempotencyKey, fingerprint);
    if (answered !== null) return readCampaign(database, answered);
    checkCampaignInput(input, now());
    await requireSender(database, input.senderId);
    await requireApprovedTemplate(input, signal);
    if ('contactIds' in input.audience) await audienceContacts(input.audience);
    return write(async (executor, emit) => {
      // Writes are serialised: a repeat that raced this one finds its answer here.
      const raced = await answerForKey(executor, input.idempotencyKey, fingerprint);
      if (raced !== null) return readCampaign(executor, raced);
      const at = now();
      const startsNow = input.scheduledAt === null;
      const [row] = await executor
        .insert(campaigns)
        .values({
          id: createSortableId(at.getTime()),
          name: input.name.trim(),
          senderId: input.senderId,
          template: { id: input.template.id, name: input.template.name, language: input.template.language },
          parameters: input.parameters,
          bindings: input.bindings ?? null,
          audience: 'contactIds' in input.audience ? { contactIds: uniqueIds(input.audience.contactIds) } : { search: input.audience.search },
          status: startsNow ? 'running' : 'scheduled',
          scheduledAt: startsNow ? null : new Date(input.scheduledAt as string),
          scheduledAtText: input.scheduledAt,
          startedAt: startsNow ? at : null,
          lastEventAt: at,
          idempotencyKey: input.idempotencyKey,
          requestHash: fingerprint,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      if (!row) throw new Error('Storing the campaign answered no row');
      if (startsNow) await writeRecipients(executor, row, at);
      await options.enqueueStep(executor, row.id, row.scheduledAt);
      const campaign = campaignOf(row, await countsOf(executor, row.id));
      await emit({ type: 'campaign.updated', campaign });
      return campaign;
    });
  };

  const listCampaigns = async (params: { cursor?: string | null; limit?: number }): Promise<Page<Campaign>> => {
    const limit = resolveLimit(params.limit);
    let after: SQL | undefined;
    if (params.cursor !== undefined && params.cursor !== null) {
      const [time, id] = decodeCursor('campaigns', params.cursor, ['timestamp', 'string']);
      after = sql`(${campaigns.createdAt}, ${campaigns.id} collate "C") < (${time}::timestamptz, ${id})`;
    }
    const rows = await database
      .select()
      .from(campaigns)
      .where(after)
      .orderBy(desc(campaigns.createdAt), sql`${campaigns.id} collate "C" desc`)
      .limit(limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: await Promise.all(items.map(async (row) => campaignOf(row, await countsOf(database, row.id)))),
      nextCursor: rows.length > limit && last ? encodeCursor('campaigns', [last.createdAt.toISOString(), last.id]) : null,
    };
  };

  const listCampaignRecipients = async (params: {
    campaignId: string;
    status?: CampaignRecipientStatus;
    cursor?: string | null;
    limit?: number;
  }): Promise<Page<CampaignRecipient>> => {
    const limit = resolveLimit(params.limit);
    const [campaign] = await database.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, params.campaignId)).limit(1);
    if (!campaign) throw notFound('campaign', params.campaignId);
    let after: SQL | undefined;
    if (params.cursor !== undefined && params.cursor !== null) {
      const [position] = decodeCursor('campaign-recipients', params.cursor, ['number']);
      after = sql`${campaignRecipients.position} > ${position}`;
    }
    const statuses: Array<CampaignRecipientRow['status']> | null =
      params.status === undefined ? null : params.status === 'queued' ? ['queued', 'sending', 'calling'] : [params.status];
    const rows = await database
      .select()
      .from(campaignRecipients)
      .where(
        and(
          eq(campaignRecipients.campaignId, params.campaignId),
          statuses === null ? undefined : inArray(campaignRecipients.status, statuses),
          after,
        ),
      )
      .orderBy(asc(campaignRecipients.position))
      .limit(limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(campaignRecipientOf),
      nextCursor: rows.length > limit && last ? encodeCursor('campaign-recipients', [last.position]) : null,
    };
  };

  const updateCampaign = (params: { id: string; action: CampaignAction }): Promise<Campaign> =>
    write(async (executor, emit) => {
      const [row] = await executor.select().from(campaigns).where(eq(campaigns.id, params.id)).limit(1).for('update');
      if (!row) throw notFound('campaign', params.id);
      const at = now();
      const next = campaignStatusAfter(row.status, params.action, { scheduledAt: row.scheduledAtText, now: at });
      const starting = next === 'running' && row.startedAt === null;
      await executor
        .update(campaigns)
        .set({ status: next, updatedAt: at, lastEventAt: at, ...(starting ? { startedAt: at } : {}) })
        .where(eq(campaigns.id, row.id));
      if (starting) await writeRecipients(executor, row, at);
      if (next === 'cancelled') {
        // What was sent stays sent; a recipient a job holds is skipped by that job when it looks again.
        await executor
          .update(campaignRecipients)
          .set({ status: 'skipped', reason: campaignCancelledReason, notBefore: null, updatedAt: at })
          .where(and(eq(campaignRecipients.campaignId, row.id), eq(campaignRecipients.status, 'queued')));
      }
      if (next === 'running' || next === 'scheduled') await options.enqueueStep(executor, row.id, next === 'scheduled' ? row.scheduledAt : null);
      const campaign = await readCampaign(executor, row.id);
      await emit({ type: 'campaign.updated', campaign });
      return campaign;
    });

  return {
    previewCampaign,
    createCampaign,
    getCampaign: (id: string) => readCampaign(database, id),
    listCampaigns,
    listCampaignRecipients,
    updateCampaign,
  };
}

/** The audience's shape alone (`checkCampaignInput` checks it within a whole input). */
function checkAudience(audience: CampaignAudience): void {
  try {
    checkCampaignInput(
      { idempotencyKey: 'preview', name: 'preview', senderId: 'preview', template: { id: 'preview', name: 'preview', language: 'en' }, parameters: {}, audience, scheduledAt: null },
      new Date(),
    );
  } catch (error) {
    if (error instanceof ReachoutError) {
      const message = error.fieldErrors?.audience;
      if (message !== undefined) throw new ReachoutError('VALIDATION', `Check the audience: ${message}`, { fieldErrors: { audience: message } });
    }
    throw error;
  }
}

export type CampaignStore = ReturnType<typeof createCampaignStore>;
