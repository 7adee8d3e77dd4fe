import * as z from 'zod/mini';
import type { Context } from 'hono';
import { campaignLimits, ReachoutError } from 'reachout/core';
import type { CampaignAction, CampaignAudience, CampaignInput, CampaignRecipientStatus } from 'reachout/core';
import type { ReachoutBackend } from '../backend';
import { validationError } from './problem';
import { pageQueryShape } from './request';
import type { ApiRoute } from './routes';

// The campaign endpoints (#19). Their schemas live here; `schemas.ts` lists them as components.

const idSchema = z.string().check(z.minLength(1, 'Required'), z.maxLength(200, 'Use at most 200 characters'));

const audienceSchema = z.union([
  z.object({
    contactIds: z.array(idSchema).check(
      z.minLength(1, 'Pick at least one contact'),
      z.maxLength(campaignLimits.contactIdsMaxCount, `Pick at most ${campaignLimits.contactIdsMaxCount} contacts, or use a search`),
    ),
  }),
  z.object({ search: z.string().check(z.maxLength(campaignLimits.searchMaxLength, `Use at most ${campaignLimits.searchMaxLength} characters`)) }),
]);

const parameterValue = z.string().check(z.maxLength(1024, 'Use at most 1024 characters'));
const recipientStatusSchema = z.enum(['queued', 'skipped', 'sent', 'delivered', 'read', 'failed']);
const isoDateTime = z.string();

export const campaignPreviewInputSchema = z.object({ audience: audienceSchema, senderId: idSchema });

export const campaignInputSchema = z.object({
  idempotencyKey: z.string().check(z.minLength(8), z.maxLength(200)),
  name: z.string().check(z.maxLength(1000, `Use at most ${campaignLimits.nameMaxLength} characters`)),
  senderId: idSchema,
  template: z.object({ id: idSchema, name: idSchema, language: z.string().check(z.maxLength(20)) }),
  parameters: z.object({
    header: z.optional(z.record(z.string().check(z.maxLength(64)), z.unknown())),
    body: z.optional(z.record(z.string().check(z.maxLength(64)), parameterValue)),
    buttons: z.optional(z.record(z.string().check(z.maxLength(64)), parameterValue)),
  }),
  bindings: z.optional(
    z.record(
      z.string().check(z.regex(/^(header\.1|body\.[A-Za-z0-9_]{1,64}|buttons\.\d{1,2})$/, 'A variable path: header.1, body.<name> or buttons.<index>')),
      z.string().check(z.minLength(1), z.maxLength(100)),
    ),
  ),
  audience: audienceSchema,
  scheduledAt: z.nullable(z.string().check(z.maxLength(40))),
});

export const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['scheduled', 'running', 'paused', 'completed', 'cancelled']),
  senderId: z.string(),
  template: z.object({ id: z.string(), name: z.string(), language: z.string() }),
  scheduledAt: z.nullable(isoDateTime),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  counts: z.object({
    total: z.number(),
    skipped: z.number(),
    queued: z.number(),
    sent: z.number(),
    delivered: z.number(),
    read: z.number(),
    failed: z.number(),
  }),
});

export const campaignRecipientSchema = z.object({
  contactId: z.string(),
  phone: z.string(),
  status: recipientStatusSchema,
  reason: z.nullable(z.string()),
  messageId: z.nullable(z.string()),
  updatedAt: isoDateTime,
});

export const campaignPreflightSchema = z.object({
  total: z.number(),
  sendable: z.number(),
  skipped: z.record(z.enum(['active_chat', 'opted_out', 'invalid_number', 'duplicate_phone', 'missing_field']), z.number()),
});

const page = <Item extends z.ZodMiniType>(item: Item) => z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

export const campaignRequestComponents = {
  CampaignPreviewInput: campaignPreviewInputSchema,
  CampaignInput: campaignInputSchema,
};

export const campaignResponseComponents = {
  Campaign: campaignSchema,
  CampaignPage: page(campaignSchema),
  CampaignRecipient: campaignRecipientSchema,
  CampaignRecipientPage: page(campaignRecipientSchema),
  CampaignPreflight: campaignPreflightSchema,
};

const recipientsQuery = z.object({
  status: z.optional(z.enum(['queued', 'skipped', 'sent', 'delivered', 'read', 'failed'], { error: 'Use queued, skipped, sent, delivered, read or failed' })),
  ...pageQueryShape,
});

function requireCampaigns(backend: ReachoutBackend) {
  const { previewCampaign, createCampaign, getCampaign, listCampaigns, listCampaignRecipients, updateCampaign } = backend.provider;
  if (!previewCampaign || !createCampaign || !getCampaign || !listCampaigns || !listCampaignRecipients || !updateCampaign) {
    throw new ReachoutError('NOT_FOUND', 'This server does not send campaigns');
  }
  return { previewCampaign, createCampaign, getCampaign, listCampaigns, listCampaignRecipients, updateCampaign };
}

const idempotencyKeyHeader = 'Idempotency-Key';

function requireIdempotencyHeader(c: Context, bodyKey: string): void {
  const headerKey = c.req.header(idempotencyKeyHeader);
  if (!headerKey) throw validationError(`Send the header ${idempotencyKeyHeader} with the body's idempotencyKey`, { [idempotencyKeyHeader]: 'Required' });
  if (headerKey !== bodyKey) {
    throw validationError(`The ${idempotencyKeyHeader} header must equal the body's idempotencyKey`, {
      idempotencyKey: `Must equal the ${idempotencyKeyHeader} header`,
    });
  }
}

const actionRoute = (action: CampaignAction, summary: string, description: string): ApiRoute =>
  ({
    method: 'post',
    path: `/campaigns/{id}/${action}`,
    operationId: `${action}Campaign`,
    tag: 'Campaigns',
    summary,
    description,
    success: { status: 200, description: 'The campaign', component: 'Campaign' },
    errors: [404, 409],
    handle: async ({ c, backend, params, signal }) => c.json(await requireCampaigns(backend).updateCampaign({ id: params.id ?? '', action }, { signal }), 200),
  }) satisfies ApiRoute;

/** The `/api/v1/campaigns` routes, mounted and documented with the others (`apiRoutes`). */
export const campaignRoutes: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/campaigns/preview',
    operationId: 'previewCampaign',
    tag: 'Campaigns',
    summary: 'Count who a campaign would reach, and who it would skip by reason',
    description:
      'The audience is `{ contactIds }` (at most 100,000, each must exist: `404` otherwise) or `{ search }` (every contact the ' +
      'search matches now, as `GET /contacts?search=` matches). Skips: `opted_out`, `invalid_number`, `duplicate_phone`, `active_chat`.',
    body: 'CampaignPreviewInput',
    success: { status: 200, description: 'The preflight counts', component: 'CampaignPreflight' },
    errors: [400, 404, 413, 415],
    handle: async ({ c, backend, body, signal }) => {
      const input = body as unknown as { audience: CampaignAudience; senderId: string };
      return c.json(await requireCampaigns(backend).previewCampaign(input, { signal }), 200);
    },
  },
  {
    method: 'post',
    path: '/campaigns',
    operationId: 'createCampaign',
    tag: 'Campaigns',
    summary: 'Create a campaign: one approved template to many contacts, now or at a time',
    description:
      '`scheduledAt: null` starts it now; an ISO 8601 time with its offset schedules it (in the past: `400`). The audience is ' +
      'resolved when it starts (a search: the contacts it matches then); each recipient is screened at its turn (opted out, ' +
      'invalid number, active chat, a bound field it lacks: `skipped` with the reason). Messages go out on the job queue at ' +
      'most `REACHOUT_SEND_RATE` a second per business number, within the sender\'s messaging limit (recipients past it wait, ' +
      'reason `messaging_limit`), at most once per recipient. Idempotent per key: a repeat answers the same campaign; the key ' +
      'with another body is `409 CONFLICT`. A template not approved is `400`; an unknown sender, template or contact `404`.',
    headers: [{ name: idempotencyKeyHeader, description: "Must equal the body's `idempotencyKey`", required: true }],
    body: 'CampaignInput',
    success: { status: 201, description: 'The campaign (`running` or `scheduled`)', component: 'Campaign' },
    errors: [400, 404, 409, 413, 415],
    handle: async ({ c, backend, body, signal }) => {
      const input = body as unknown as CampaignInput;
      requireIdempotencyHeader(c, input.idempotencyKey);
      return c.json(await requireCampaigns(backend).createCampaign({ input }, { signal }), 201);
    },
  },
  {
    method: 'get',
    path: '/campaigns',
    operationId: 'listCampaigns',
    tag: 'Campaigns',
    summary: 'The campaigns, newest first',
    query: z.object(pageQueryShape),
    success: { status: 200, description: 'A page of campaigns', component: 'CampaignPage' },
    errors: [400],
    handle: async ({ c, backend, query, signal }) =>
      c.json(await requireCampaigns(backend).listCampaigns(query as { cursor?: string; limit?: number }, { signal }), 200),
  },
  {
    method: 'get',
    path: '/campaigns/{id}',
    operationId: 'getCampaign',
    tag: 'Campaigns',
    summary: 'Get a campaign with its counts',
    success: { status: 200, description: 'The campaign', component: 'Campaign' },
    errors: [404],
    handle: async ({ c, backend, params, signal }) => c.json(await requireCampaigns(backend).getCampaign({ id: params.id ?? '' }, { signal }), 200),
  },
  {
    method: 'get',
    path: '/campaigns/{id}/recipients',
    operationId: 'listCampaignRecipients',
    tag: 'Campaigns',
    summary: "The campaign's recipients in audience order, optionally only those with one status",
    description: 'Empty until the campaign starts. `reason`: a skip reason, `messaging_limit` for a recipient waiting for the limit, `cancelled`, or for a failed one a WhatsApp error code (`131049`, `131026`) or a sentence.',
    query: recipientsQuery,
    success: { status: 200, description: 'A page of recipients', component: 'CampaignRecipientPage' },
    errors: [400, 404],
    handle: async ({ c, backend, params, query, signal }) => {
      const { status, cursor, limit } = query as { status?: CampaignRecipientStatus; cursor?: string; limit?: number };
      return c.json(
        await requireCampaigns(backend).listCampaignRecipients(
          { campaignId: params.id ?? '', ...(status ? { status } : {}), ...(cursor ? { cursor } : {}), ...(limit ? { limit } : {}) },
          { signal },
        ),
        200,
      );
    },
  },
  actionRoute('pause', 'Pause a scheduled or running campaign', 'Sends already under way finish; the rest wait. `409` for a completed or cancelled campaign.'),
  actionRoute('resume', 'Resume a paused campaign', 'It runs again, or goes back to `scheduled` when its time has not come. `409` unless paused.'),
  actionRoute(
    'cancel',
    'Cancel a campaign',
    'What was sent stays sent; every recipient not yet sent is `skipped` with reason `cancelled`. `409` for a completed or cancelled campaign.',
  ),
];
