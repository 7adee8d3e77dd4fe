import * as z from 'zod';
import { isAbortError, normalizePhone, ReachoutError } from 'reachout/core';
import type { MessageTemplate, QualityRating, Sender, SenderStatus, TemplateMessagePayload } from 'reachout/core';
import type { TextMessagePayload, WhatsAppGateway } from '../backend';
import { graphErrorToReachoutError } from './graphErrors';
import { createTemplateCache, defaultTemplateCacheMs } from './templateCache';

/** The Graph API version used unless `apiVersion` says otherwise. */
export const defaultGraphApiVersion = 'v27.0';
export const defaultGraphUrl = 'https://graph.facebook.com';

export interface CloudApiGatewayOptions {
  /** A system-user access token with `whatsapp_business_messaging` and `whatsapp_business_management`. */
  accessToken: string;
  /** The business phone number's id (not the number itself): sends go to `/{phoneNumberId}/messages`. */
  phoneNumberId: string;
  /** The WhatsApp Business Account id: templates come from `/{businessAccountId}/message_templates`. */
  businessAccountId: string;
  /** @default 'https://graph.facebook.com' */
  graphUrl?: string;
  /** @default defaultGraphApiVersion */
  apiVersion?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * How long a copy of the business account's templates is used before it is read again (it is
   * also refreshed in the background this often, and dropped on a template-status webhook).
   * `0` reads them from Meta for every page and send.
   * @default defaultTemplateCacheMs (5 minutes)
   */
  templateCacheMs?: number;
}

/** The fields of a template the widgets use: core's `MessageTemplate`, which is Meta's shape. */
const templateFields = [
  'id',
  'name',
  'language',
  'status',
  'category',
  'parameter_format',
  'components',
  'rejected_reason',
  'quality_score',
].join(',');

/** The fields of the business phone number `describeSender` reads. */
const phoneNumberFields = [
  'display_phone_number',
  'verified_name',
  'quality_rating',
  'code_verification_status',
  'name_status',
  'status',
].join(',');

/**
 * A template read is shared by every page and send waiting for it (no caller's signal stops it),
 * so a Graph API that never answers must not hold them all: a page gets this long (a NETWORK error).
 */
const templatePageTimeoutMs = 30_000;

/** Guards against a Graph answer whose `paging.next` never ends. */
const maxTemplatePages = 100;

const sendResponseSchema = z.object({
  messages: z.array(z.object({ id: z.string().min(1) })).min(1),
});

const templatePageSchema = z.object({
  data: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      language: z.string(),
      status: z.string(),
      category: z.string(),
      components: z.array(z.looseObject({ type: z.string() })),
    }),
  ),
  paging: z.object({ next: z.string().optional() }).optional(),
});

const phoneNumberSchema = z.object({
  display_phone_number: z.string().min(1),
  verified_name: z.string().min(1),
  quality_rating: z.string().optional(),
  status: z.string().optional(),
});

/** The Cloud API gateway, with what only the Cloud API can tell: who the business number is. */
export interface CloudApiGateway extends WhatsAppGateway {
  readonly mode: 'cloud-api';
  /** The id `describeSender` gives the business number: `whatsapp-{phoneNumberId}`. */
  readonly senderId: string;
  /** Reads the business number from Meta (`GET /{phoneNumberId}`); rejects with a `ReachoutError` like `send`. */
  describeSender(signal?: AbortSignal): Promise<Sender>;
  listTemplates(signal?: AbortSignal): Promise<MessageTemplate[]>;
  findTemplate(id: string, signal?: AbortSignal): Promise<MessageTemplate | undefined>;
  invalidateTemplates(): void;
  close(): void;
}

/** The id of the sender that stands for the business number `phoneNumberId`. */
export function cloudApiSenderId(phoneNumberId: string): string {
  return `whatsapp-${phoneNumberId}`;
}

/** Meta says GREEN, YELLOW or RED; `UNKNOWN` (or `NA`) while a new number has no rating yet. */
function qualityRatingOf(rating: string | undefined): QualityRating | undefined {
  if (rating === undefined) return undefined;
  const upper = rating.toUpperCase();
  return upper === 'GREEN' || upper === 'YELLOW' || upper === 'RED' ? upper : 'UNKNOWN';
}

/** Meta's many number states (PENDING, BANNED, DISCONNECTED, ...) collapse to "cannot send" unless named here. */
function senderStatusOf(status: string | undefined): SenderStatus {
  switch (status?.toUpperCase()) {
    case 'CONNECTED':
      return 'connected';
    case 'FLAGGED':
      return 'flagged';
    case 'RESTRICTED':
      return 'restricted';
    default:
      return 'disconnected';
  }
}

/**
 * `+1 631-555-5555` or `16315555555` → `+16315555555`. Meta's test numbers (`+1 555-...`) are not
 * valid numbers to libphonenumber, yet webhooks name them as the business number: they keep their
 * digits, as the webhook parser does, so inbound messages still find this sender.
 */
function businessPhoneOf(displayPhoneNumber: string): string {
  const digits = displayPhoneNumber.replace(/\D/g, '');
  const normalized = normalizePhone(`+${digits}`);
  if (normalized.ok) return normalized.e164;
  if (digits.length >= 8 && digits.length <= 15) return `+${digits}`;
  throw new ReachoutError('UNKNOWN', `The WhatsApp Cloud API answered a business number that is not a phone number: ${displayPhoneNumber}`);
}

/** undici says only "fetch failed"; the cause says why (`ECONNREFUSED`, `ENOTFOUND`, "bad port"...). */
function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  const why =
    typeof cause === 'object' && cause !== null && 'code' in cause
      ? String(cause.code)
      : cause instanceof Error
        ? cause.message
        : undefined;
  return why === undefined || why === '' ? error.message : `${error.message} (${why})`;
}

function requireOption(name: keyof CloudApiGatewayOptions, value: string | undefined): string {
  if (value === undefined || value.trim() === '') {
    throw new Error(`createCloudApiGateway: \`${name}\` is required for the WhatsApp Cloud API`);
  }
  return value.trim();
}

/**
 * The WhatsApp gateway of the Cloud API mode: sends template messages through Meta's Graph API,
 * reads the approved templates of the business account, and describes the business number as a
 * sender (`describeSender`, stored at start with `registerCloudApiSender`).
 *
 * @example
 * const gateway = createCloudApiGateway({
 *   accessToken: process.env.WHATSAPP_ACCESS_TOKEN,
 *   phoneNumberId: process.env.WHATSAPP_PHONE_NUMBER_ID,
 *   businessAccountId: process.env.WHATSAPP_BUSINESS_ACCOUNT_ID,
 * });
 */
export function createCloudApiGateway(options: CloudApiGatewayOptions): CloudApiGateway {
  const accessToken = requireOption('accessToken', options.accessToken);
  const phoneNumberId = requireOption('phoneNumberId', options.phoneNumberId);
  const businessAccountId = requireOption('businessAccountId', options.businessAccountId);
  const apiVersion = options.apiVersion ?? defaultGraphApiVersion;
  const graphUrl = new URL(options.graphUrl ?? defaultGraphUrl);
  const fetchGraph = options.fetch ?? globalThis.fetch;
  const templateCache = createTemplateCache({ load: readTemplates, maxAgeMs: options.templateCacheMs ?? defaultTemplateCacheMs });

  function graphEndpoint(path: string): URL {
    const base = graphUrl.href.endsWith('/') ? graphUrl.href : `${graphUrl.href}/`;
    return new URL(`${encodeURIComponent(apiVersion)}/${path}`, base);
  }

  async function request(url: URL, init: RequestInit): Promise<unknown> {
    let response: Response;
    try {
      response = await fetchGraph(url, {
        ...init,
        headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json', ...init.headers },
      });
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw new ReachoutError('NETWORK', `Could not reach the WhatsApp Cloud API at ${graphUrl.origin}: ${networkReason(error)}`, {
        cause: error,
      });
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      throw graphErrorToReachoutError({ status: response.status, body, headers: response.headers });
    }
    if (body === undefined) {
      throw new ReachoutError('UNKNOWN', `The WhatsApp Cloud API answered HTTP ${response.status} without a JSON body`);
    }
    return body;
  }

  return {
    mode: 'cloud-api',
    senderId: cloudApiSenderId(phoneNumberId),

    async describeSender(signal?: AbortSignal): Promise<Sender> {
      const url = graphEndpoint(encodeURIComponent(phoneNumberId));
      url.searchParams.set('fields', phoneNumberFields);
      const body = await request(url, { method: 'GET', ...(signal === undefined ? {} : { signal }) });
      const parsed = phoneNumberSchema.safeParse(body);
      if (!parsed.success) {
        throw new ReachoutError(
          'UNKNOWN',
          `The WhatsApp Cloud API described phone number ${phoneNumberId} in an unexpected shape: ${z.prettifyError(parsed.error)}`,
        );
      }
      const qualityRating = qualityRatingOf(parsed.data.quality_rating);
      return {
        id: cloudApiSenderId(phoneNumberId),
        channel: 'whatsapp',
        phone: businessPhoneOf(parsed.data.display_phone_number),
        displayName: parsed.data.verified_name,
        status: senderStatusOf(parsed.data.status),
        ...(qualityRating === undefined ? {} : { qualityRating }),
      };
    },

    // The sender is not used yet: one gateway sends from one business number (`phoneNumberId`).
    async send(message: TemplateMessagePayload | TextMessagePayload, _sender: Sender, signal?: AbortSignal): Promise<{ messageId: string }> {
      const body = await request(graphEndpoint(`${encodeURIComponent(phoneNumberId)}/messages`), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(message),
        ...(signal === undefined ? {} : { signal }),
      });
      const parsed = sendResponseSchema.safeParse(body);
      if (!parsed.success) {
        throw new ReachoutError('UNKNOWN', 'The WhatsApp Cloud API accepted the message but answered without a message id');
      }
      return { messageId: parsed.data.messages[0]!.id };
    },

    listTemplates: (signal) => templateCache.list(signal),
    findTemplate: (id, signal) => templateCache.find(id, signal),
    invalidateTemplates: () => templateCache.invalidate(),
    close: () => templateCache.close(),
  };

  /** Every template of the business account, following `paging.next`. */
  async function readTemplates(): Promise<MessageTemplate[]> {
    const first = graphEndpoint(`${encodeURIComponent(businessAccountId)}/message_templates`);
    first.searchParams.set('fields', templateFields);
    first.searchParams.set('limit', '100');
    const templates: MessageTemplate[] = [];
    let next: URL | null = first;
    for (let page = 0; next !== null; page += 1) {
      if (page === maxTemplatePages) {
        throw new ReachoutError('UNKNOWN', `The WhatsApp Cloud API returned more than ${maxTemplatePages} pages of templates`);
      }
      const body = await request(next, { method: 'GET', signal: AbortSignal.timeout(templatePageTimeoutMs) });
      const parsed = templatePageSchema.safeParse(body);
      if (!parsed.success) {
        throw new ReachoutError('UNKNOWN', `The WhatsApp Cloud API answered templates in an unexpected shape: ${z.prettifyError(parsed.error)}`);
      }
      // Verbatim: Meta's template object is core's MessageTemplate; the schema only checks the basics.
      templates.push(...(parsed.data.data as unknown as MessageTemplate[]));
      next = parsed.data.paging?.next === undefined ? null : nextPageUrl(parsed.data.paging.next);
    }
    return templates;
  }

  /** `paging.next` is absolute; following it elsewhere would hand the access token to another host. */
  function nextPageUrl(href: string): URL {
    let url: URL;
    try {
      url = new URL(href, graphUrl);
    } catch {
      throw new ReachoutError('UNKNOWN', `The WhatsApp Cloud API answered an unreadable next page link: ${href}`);
    }
    if (url.origin !== graphUrl.origin) {
      throw new ReachoutError('UNKNOWN', `The WhatsApp Cloud API's next page link leaves ${graphUrl.origin}: ${url.origin}`);
    }
    return url;
  }
}
